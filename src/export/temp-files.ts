// Files too big to build in memory, written piece by piece: each into a temp file beside its target
// (named as writeFileAtomic names them, so a killed run's leftovers are cleaned up the same way),
// then all renamed into place together once every one is complete. A file whose first line
// depends on what follows (a CSV header typed by its rows) is written rest first; its head goes in
// front at the end.
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { OutputError } from '../errors';
import {
  DEFAULT_ATOMIC_WRITE_OPTIONS,
  removeStaleTemps,
  syncDirectory,
  tempPathFor,
  writeErrorReason,
  type AtomicFileHandle,
  type AtomicWriteOptions,
} from './atomic';

/** Text is handed to the file system in pieces of about this many UTF-16 units. */
const FLUSH_AT = 1 << 20;

/** Runs a file-system step; its failure becomes OutputError naming the target. */
async function step<T>(target: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(writeErrorReason(error), target, { cause: error });
  }
}

/** One temp file being written, buffered. */
export class TempFile {
  private pending: string[] = [];
  private pendingLength = 0;
  private open = true;

  constructor(
    readonly target: string,
    readonly path: string,
    private readonly handle: AtomicFileHandle,
  ) {}

  /** Appends text; the file system sees it in pieces of about FLUSH_AT. */
  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) await this.flush();
  }

  async writeBytes(bytes: Buffer): Promise<void> {
    await this.flush();
    await step(this.target, () => this.handle.writeFile(bytes));
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    await step(this.target, () => this.handle.writeFile(text));
  }

  /** Writes what is buffered, syncs and closes. */
  async close(): Promise<void> {
    await this.flush();
    this.open = false;
    await step(this.target, async () => {
      try {
        await this.handle.sync();
      } finally {
        await this.handle.close();
      }
    });
  }

  /** Closes without caring (the file is being thrown away). */
  async abandon(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.handle.close().catch(() => undefined);
  }
}

/** A file written rest first: finish(head) puts the head in front. */
export class HeadLastFile {
  constructor(
    private readonly files: TempFileSet,
    private readonly rest: TempFile,
  ) {}

  write(text: string): Promise<void> {
    return this.rest.write(text);
  }

  /** The head, then the rest copied after it: one more temp file, complete and ready to rename. */
  async finish(head: string): Promise<void> {
    await this.rest.close();
    const file = await this.files.open(this.rest.target);
    await file.write(head);
    await step(this.rest.target, async () => {
      for await (const chunk of createReadStream(this.rest.path)) await file.writeBytes(chunk as Buffer);
    });
    await this.files.complete(file);
    await this.files.remove(this.rest);
  }
}

/** Temp files that replace their targets together at commit(), or are all removed at discard(). */
export class TempFileSet {
  private readonly options: AtomicWriteOptions;
  private readonly temps = new Set<TempFile>();
  private readonly ready: TempFile[] = [];

  constructor(partial: Partial<AtomicWriteOptions> = {}) {
    this.options = { ...DEFAULT_ATOMIC_WRITE_OPTIONS, ...partial };
  }

  /** A new temp file for target, with the target's mode when it exists. */
  async open(target: string): Promise<TempFile> {
    const { fs, mode: newMode } = this.options;
    await removeStaleTemps(target);
    const temp = tempPathFor(target);
    const mode = await fs.stat(target).then(
      (stats) => stats.mode & 0o7777,
      () => newMode,
    );
    const handle = await step(target, () => fs.open(temp, 'wx', mode));
    const file = new TempFile(target, temp, handle);
    this.temps.add(file);
    return file;
  }

  /** A file whose head is written last. */
  async headLast(target: string): Promise<HeadLastFile> {
    return new HeadLastFile(this, await this.open(target));
  }

  /** A whole file at once. */
  async writeFile(target: string, content: string): Promise<void> {
    const file = await this.open(target);
    await file.write(content);
    await this.complete(file);
  }

  /** Closes the file; commit() renames it over its target. */
  async complete(file: TempFile): Promise<void> {
    await file.close();
    this.ready.push(file);
  }

  async remove(file: TempFile): Promise<void> {
    await file.abandon();
    this.temps.delete(file);
    await step(file.target, () => this.options.fs.unlink(file.path));
  }

  /** Renames every completed file over its target, in the order completed; returns the targets. */
  async commit(): Promise<string[]> {
    const written: string[] = [];
    for (const file of this.ready) {
      await step(file.target, () => this.options.fs.rename(file.path, file.target));
      this.temps.delete(file);
      written.push(file.target);
    }
    for (const directory of new Set(written.map((f) => path.dirname(f)))) await syncDirectory(this.options.fs, directory);
    return written;
  }

  /** Removes every temp file not renamed yet (after a failure). */
  async discard(): Promise<void> {
    for (const file of this.temps) {
      await file.abandon();
      await this.options.fs.unlink(file.path).catch(() => undefined);
    }
    this.temps.clear();
  }
}
