// A full garbage collection on demand. V8 collects when its heap reaches a limit, which after an
// extraction is far above what is live; a build that has just let go of most of its heap (the
// models and word caches after a long document) collects at once instead, so the stages after it
// do not grow the process on top of that garbage.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs V8's full collection now (a new context gets `gc` once --expose-gc is set; ~0.1 s for a 200 MB heap). */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  setFlagsFromString('--no-expose-gc'); // no other context gets it
  if (typeof gc === 'function') (gc as () => void)();
}
