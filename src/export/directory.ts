// Multi-file exports (csv, neo4j) as one unit: the files are written into a temporary directory
// beside the target, which then takes the target's place. A reader (or a killed export) sees the
// previous set of files or the new one, never nodes.csv new beside evidence.csv old (issue 20,
// finding 3: a CSV export on a full disk left exactly that). The swap is two renames (the old
// directory aside, the new one in); a kill between them leaves the target missing and both
// directories beside it under names that say so, never a mix.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { OutputError } from '../errors';
import { writeErrorReason } from './atomic';

const TEMP_SUFFIX = '.tmp';

/** `.NAME.PID.new.tmp` and `.NAME.PID.old.tmp`, beside the target. */
function siblings(target: string): { fresh: string; old: string } {
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(path.resolve(target));
  return { fresh: path.join(dir, `.${base}.${process.pid}.new${TEMP_SUFFIX}`), old: path.join(dir, `.${base}.${process.pid}.old${TEMP_SUFFIX}`) };
}

/**
 * Writes a directory format atomically: `write(dir)` fills a fresh temporary directory, which then
 * replaces `target`. When `target` holds files this format does not write (`ownNames` says which
 * it does), they are not ours to drop: the files are then written one by one into it instead
 * (each atomically, the set not).
 */
export async function writeDirectoryAtomic(target: string, ownNames: (name: string) => boolean, write: (dir: string) => Promise<string[]>): Promise<string[]> {
  const existing = await fs.readdir(target).catch(() => undefined);
  if (existing !== undefined && !existing.every(ownNames)) return write(target);
  const { fresh, old } = siblings(target);
  try {
    await fs.rm(fresh, { recursive: true, force: true });
    await fs.mkdir(fresh, { recursive: true });
  } catch (e) {
    throw new OutputError(writeErrorReason(e), target, { cause: e });
  }
  let written: string[];
  try {
    written = await write(fresh);
  } catch (e) {
    await fs.rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
  try {
    if (existing !== undefined) await fs.rename(target, old);
    await fs.rename(fresh, target);
  } catch (e) {
    // Put the old set back if it was moved; the new one is dropped.
    if (existing !== undefined) await fs.rename(old, target).catch(() => undefined);
    await fs.rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    throw new OutputError(writeErrorReason(e), target, { cause: e });
  }
  if (existing !== undefined) await fs.rm(old, { recursive: true, force: true }).catch(() => undefined);
  return written.map((file) => path.join(target, path.relative(fresh, file)));
}
