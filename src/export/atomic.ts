// Atomic file replacement: readers see the old file or the complete new one, never a part.
// Write a temp file beside the target, fsync it, rename it over the target, fsync the directory.
import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import { OutputError } from '../errors';

/** The file-system calls used, so tests can inject failures (tests run as root: chmod stops nothing). */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  stat(file: string): Promise<{ mode: number }>;
}

export interface AtomicFileHandle {
  writeFile(data: string | Buffer): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface AtomicWriteOptions {
  fs: AtomicFs;
  /** Mode of a new file (before umask); an existing target keeps its own mode. */
  mode: number;
}

export const DEFAULT_ATOMIC_WRITE_OPTIONS: Readonly<AtomicWriteOptions> = {
  fs: nodeFs as unknown as AtomicFs,
  mode: 0o666,
};

/** What the user is told for each error code; others give "cannot write: <code or message>". */
export const WRITE_ERROR_REASONS: Readonly<Record<string, string>> = {
  EACCES: 'cannot write: permission denied',
  EPERM: 'cannot write: operation not permitted',
  ENOSPC: 'disk full',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'cannot write: read-only file system',
  ENOENT: 'cannot write: directory does not exist',
  ENOTDIR: 'cannot write: a parent path is not a directory',
  EISDIR: 'cannot write: is a directory',
  EMFILE: 'cannot write: too many open files',
  ENAMETOOLONG: 'cannot write: file name too long',
  EIO: 'cannot write: input/output error',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function writeErrorReason(error: unknown): string {
  const code = codeOf(error);
  const known = code === undefined ? undefined : WRITE_ERROR_REASONS[code];
  if (known) return known;
  return `cannot write: ${code ?? (error instanceof Error ? error.message : String(error))}`;
}

/** `.name.<pid>.<random>.tmp` in the target's directory (same file system, so rename is atomic). */
export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

export async function syncDirectory(fs: AtomicFs, directory: string): Promise<void> {
  // Makes the rename durable. Not possible everywhere (e.g. Windows, some network file systems):
  // the data is already synced, so a failure here is ignored.
  let handle: AtomicFileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // ignored, see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Temp files of this target left by a process that no longer runs (a build killed with SIGKILL
 * cannot clean up after itself). Dotfiles, so never served or read as input; removed here so
 * that they do not pile up. A temp file of a live process (another build writing now) is kept.
 */
export async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await nodeFs.readdir(path.dirname(target));
  } catch {
    return; // the write below reports a missing or unreadable directory
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length - 1))?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await nodeFs.unlink(path.join(path.dirname(target), name)).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return codeOf(e) === 'EPERM'; // it exists, under another user
  }
}

/** The data source failed (not the file system): its error goes to the caller as it is. */
class SourceFailure {
  constructor(readonly error: unknown) {}
}

/** Chunks are gathered, as UTF-8, into writes of up to about this many bytes. */
const STAGING_BYTES = 1 << 20;

/**
 * Writes chunks in order, each encoded on its own as UTF-8 (a file handle writes at its current
 * position, so successive writes follow one another). A chunk is asked for only once the ones before
 * are staged, so a document made chunk by chunk never needs to be in memory whole. Two staging
 * buffers: the chunks after a write are made while it runs, and a buffer is refilled only once its
 * write has resolved (fresh memory for every write costs more than the copy).
 */
async function writeChunks(handle: AtomicFileHandle, chunks: Iterable<string>): Promise<void> {
  const iterator = chunks[Symbol.iterator]();
  let filling = Buffer.allocUnsafe(STAGING_BYTES);
  let spare = Buffer.allocUnsafe(STAGING_BYTES);
  let staged = 0;
  let writing: Promise<void> | undefined;
  const flush = async (): Promise<void> => {
    if (staged === 0) return;
    const bytes = filling.subarray(0, staged);
    await writing;
    writing = handle.writeFile(bytes);
    [filling, spare] = [spare, filling];
    staged = 0;
  };
  let done = false;
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = iterator.next();
      } catch (error) {
        done = true;
        throw new SourceFailure(error);
      }
      if (next.done === true) {
        done = true;
        break;
      }
      const chunk = next.value;
      // At most 3 bytes per UTF-16 unit.
      if (staged + 3 * chunk.length > STAGING_BYTES) await flush();
      if (3 * chunk.length > STAGING_BYTES) {
        await writing;
        writing = handle.writeFile(chunk);
      } else staged += filling.write(chunk, staged, 'utf8');
    }
    await flush();
    await writing;
  } finally {
    if (!done) iterator.return?.();
    // Never leave a write running behind a failure: the caller closes and removes the file next.
    await writing?.catch(() => undefined);
  }
}

/**
 * `data` may be chunks (e.g. toGexfChunks): then an error of their source (a graph the format
 * cannot hold) is thrown as it is, not as OutputError; either way the target is left untouched.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Buffer | Iterable<string>,
  partial: Partial<AtomicWriteOptions> = {},
): Promise<void> {
  const { fs, mode: newMode } = { ...DEFAULT_ATOMIC_WRITE_OPTIONS, ...partial };
  await removeStaleTemps(file);
  const temp = tempPathFor(file);
  const mode = await fs.stat(file).then(
    (stats) => stats.mode & 0o7777,
    () => newMode,
  );
  let handle: AtomicFileHandle | undefined;
  let created = false;
  try {
    handle = await fs.open(temp, 'wx', mode);
    created = true;
    if (typeof data === 'string' || Buffer.isBuffer(data)) await handle.writeFile(data);
    else await writeChunks(handle, data);
    await handle.sync();
    const opened = handle;
    handle = undefined;
    await opened.close();
    await fs.rename(temp, file);
    created = false;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    if (created) await fs.unlink(temp).catch(() => undefined);
    if (error instanceof SourceFailure) throw error.error;
    throw new OutputError(writeErrorReason(error), file, { cause: error });
  }
  await syncDirectory(fs, path.dirname(file));
}
