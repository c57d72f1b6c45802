// A pool of worker threads that run the extractor (nlp → entities → relations) on one document at
// a time. Extraction is a pure map from a document to its result, so it parallelises without any
// shared state; the caller puts results back in input order (orderedMap), which keeps the output
// byte-identical to a single-threaded run.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors';
import type { AliasEntry } from '../entities';
import type { SourceDocument } from '../types';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

export { orderedMap } from './ordered';

/** Default pool size: one worker per core the process may use. */
export function defaultJobs(): number {
  return Math.max(1, os.availableParallelism());
}

/** Checks a `--jobs` value: a positive integer. */
export function resolveJobs(jobs: number | undefined): number {
  if (jobs === undefined) return defaultJobs();
  if (!Number.isSafeInteger(jobs) || jobs < 1) throw new UsageError(`must be a positive integer, got ${String(jobs)}`, '--jobs');
  return jobs;
}

const WORKER_FILE = 'extract-worker.js';

/**
 * The compiled worker script. Next to this file when running from dist/; under ts-node (tests,
 * scripts run from src/) the compiled copy in the package's dist/ (run `npm run build` first).
 */
export function workerScript(): string {
  const beside = path.join(__dirname, WORKER_FILE);
  if (path.extname(__filename) === '.js' && fs.existsSync(beside)) return beside;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'dist', 'src', 'workers', WORKER_FILE);
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new UsageError(`the worker script ${WORKER_FILE} is not built (run \`npm run build\`, or use --jobs 1)`, '--jobs');
}

interface Task {
  readonly id: number;
  readonly source: SourceDocument;
  readonly resolve: (json: string) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Tasks sent to this worker and not answered yet, oldest first. */
  readonly busy: Task[];
}

/**
 * Runs extraction in `size` worker threads. `extract(doc)` resolves to the document's result as
 * the JSON text `newsgraph extract` prints (the worker serialises it: one string crosses the
 * thread boundary instead of a deep object graph).
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;

  /** Two tasks per worker: one running, one waiting, so a worker never idles for a round trip. */
  private static readonly PER_WORKER = 2;

  constructor(size: number, aliases: readonly AliasEntry[]) {
    const script = workerScript();
    const setup: WorkerSetup = { aliases: [...aliases] };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup });
      const slot: Slot = { worker, busy: [] };
      worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
      worker.on('error', (e: Error) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`extraction worker stopped unexpectedly (exit code ${code})`));
      });
      // A pool that is idle must not keep the process alive.
      worker.unref();
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  extract(source: SourceDocument): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, source, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pending = [...this.queue.splice(0), ...this.slots.flatMap((s) => s.busy.splice(0))];
    for (const task of pending) task.reject(new Error('extraction pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      const task = this.queue[0];
      if (!task) return;
      // The least busy worker; ties go to the first, so assignment is simple and fair.
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.busy.length < ExtractPool.PER_WORKER && (!best || slot.busy.length < best.busy.length)) best = slot;
      if (!best) return;
      this.queue.shift();
      best.busy.push(task);
      if (best.busy.length === 1) best.worker.ref();
      const request: WorkerRequest = { id: task.id, source: task.source };
      best.worker.postMessage(request);
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const index = slot.busy.findIndex((t) => t.id === reply.id);
    const task = slot.busy[index];
    if (!task) return;
    slot.busy.splice(index, 1);
    if (slot.busy.length === 0) slot.worker.unref();
    if (reply.ok) task.resolve(reply.json);
    else {
      const error = new Error(reply.message);
      if (reply.stack) error.stack = reply.stack;
      task.reject(error);
    }
    this.dispatch();
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    const pending = [...this.queue.splice(0), ...this.slots.flatMap((s) => s.busy.splice(0))];
    for (const task of pending) task.reject(e);
  }
}
