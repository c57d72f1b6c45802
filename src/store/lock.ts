// One writer per build directory. `build --out`, `build --update`, `watch` and `serve --edit`
// take DIR/.newsgraph.lock before they change anything in DIR, and hold it until they are done;
// a second writer fails at once (exit 3) with the holder's pid, host and command, instead of the
// two interleaving (issue 20: a concurrent `--out` and `--update` both exited 0, the graph claiming
// 2,001 documents and the store holding 5). The file is created with O_EXCL, so exactly one
// process gets it. A lock left by a killed process (same host, its pid gone, or the pid now
// another process: the start time differs) is taken over.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BusyError, OutputError } from '../errors';
import { writeErrorReason } from '../export/atomic';

export const LOCK_FILE = '.newsgraph.lock';

/** What the lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** The command that holds it ("build --update", "watch", "serve --edit"). */
  readonly command: string;
  /** The process's start time as the kernel counts it (Linux), to tell a reused pid apart. */
  readonly started?: string;
}

export interface DirectoryLock {
  readonly dir: string;
  readonly file: string;
  /** Gives the lock up (only if it is still this process's); safe to call twice. */
  release(): void;
}

/** This process's start time in clock ticks since boot (Linux /proc), or undefined elsewhere. */
function startTime(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs on this host (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    return { pid: data.pid, host: data.host, command: typeof data.command === 'string' ? data.command : '?', ...(typeof data.started === 'string' ? { started: data.started } : {}) };
  } catch {
    return undefined;
  }
}

/** A holder that is certainly gone: on this host, and its pid runs nothing or another process. */
export function isStale(holder: LockHolder | undefined, file?: string): boolean {
  // Unreadable: a writer killed between creating and filling it, or one doing that right now.
  if (!holder) return file === undefined || ageMs(file) > EMPTY_LOCK_GRACE_MS;
  if (holder.host !== os.hostname()) return false; // another machine's process: cannot tell
  if (!isRunning(holder.pid)) return true;
  const now = startTime(holder.pid);
  return holder.started !== undefined && now !== undefined && now !== holder.started;
}

/** An empty lock file younger than this may be a writer between creating and filling it. */
const EMPTY_LOCK_GRACE_MS = 2000;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** "pid 123 on host, `build --update`" */
export function describeHolder(holder: LockHolder | undefined): string {
  return holder ? `pid ${holder.pid} on ${holder.host}, \`newsgraph ${holder.command}\`` : 'an unknown process';
}

/**
 * Takes DIR's lock for `command`, or throws BusyError (exit 3) naming DIR and the holder. DIR must
 * exist. A stale lock is moved aside under a name of this process's own and removed; if what was
 * moved turns out not to be the stale lock read before (another process took over in between),
 * it is put back and this process gives way.
 */
export function lockDirectory(dir: string, command: string): DirectoryLock {
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, ...(startTime(process.pid) !== undefined ? { started: startTime(process.pid) as string } : {}) };
  const content = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, 'wx', 0o644);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'EEXIST') throw new OutputError(writeErrorReason(e), file, { cause: e });
      const holder = readHolder(file);
      if (holder && holder.pid === process.pid && holder.host === me.host) {
        throw new BusyError(`already in use by this process (${describeHolder(holder)})`, dir);
      }
      if (!isStale(holder, file)) throw busy(dir, holder);
      takeOverStale(file, holder);
      continue;
    }
    try {
      fs.writeSync(fd, content);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(file, { force: true });
      throw new OutputError(writeErrorReason(e), file, { cause: e });
    }
    fs.closeSync(fd);
    let released = false;
    return {
      dir,
      file,
      release: () => {
        if (released) return;
        released = true;
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.host === me.host) {
          try {
            fs.unlinkSync(file);
          } catch {
            // already gone
          }
        }
      },
    };
  }
  throw new BusyError('in use: its lock keeps changing hands', dir);
}

function takeOverStale(file: string, stale: LockHolder | undefined): void {
  const aside = `${file}.stale.${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // someone else moved it first: try again
  }
  const moved = readHolder(aside);
  const same = (moved === undefined && stale === undefined) || (moved !== undefined && stale !== undefined && moved.pid === stale.pid && moved.host === stale.host && moved.started === stale.started);
  if (!same) {
    // A live writer's fresh lock: give it back (link fails if yet another process holds the name).
    try {
      fs.linkSync(aside, file);
    } catch {
      // the name is taken again: that holder stands
    }
  }
  try {
    fs.unlinkSync(aside);
  } catch {
    // best effort
  }
}

function busy(dir: string, holder: LockHolder | undefined): BusyError {
  return new BusyError(`in use by another newsgraph (${describeHolder(holder)}); wait for it to finish, or remove ${path.join(dir, LOCK_FILE)} if that process is gone`, dir);
}

/** Throws what lockDirectory would when another live process holds DIR's lock (to refuse before saying anything). */
export function refuseIfLocked(dir: string): void {
  const holder = lockHolder(dir);
  if (holder) throw busy(dir, holder);
}

/** The holder of DIR's lock, when a live process holds it (for readers that want to wait or say so). */
export function lockHolder(dir: string): LockHolder | undefined {
  const file = path.join(dir, LOCK_FILE);
  if (!fs.existsSync(file)) return undefined;
  const holder = readHolder(file);
  return isStale(holder, file) ? undefined : holder;
}

/** Runs `work` holding DIR's lock (the API `serve --edit` and the commands use). */
export async function withDirectoryLock<T>(dir: string, command: string, work: () => Promise<T>): Promise<T> {
  const lock = lockDirectory(dir, command);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
