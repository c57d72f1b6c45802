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
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

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
  readonly source: SourceDocument;
  readonly resolve: (line: string) => void;
  readonly reject: (e: Error) => void;
}

interface Batch {
  readonly id: number;
  readonly tasks: Task[];
}

interface Slot {
  readonly worker: Worker;
  /** Batches sent to this worker and not answered yet, oldest first. */
  readonly busy: Batch[];
  /** The worker has loaded its model; until then it gets no documents. */
  ready: boolean;
}

/**
 * Runs extraction in `size` worker threads. `extract(doc)` resolves to the document's result as
 * the JSON text `newsgraph extract` prints (the worker serialises it: one string crosses the
 * thread boundary instead of a deep object graph).
 *
 * Documents travel in batches: a worker that already has work gets the documents that queued up
 * meanwhile in one message, so the per-message costs (cloning, waking the other thread) are paid
 * once per batch rather than once per document. A worker with nothing to do gets a document at once.
 * A worker gets documents only once it has loaded its model (`whenReady()`).
 */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 0;
  private sent = 0;
  private failure: Error | undefined;
  private closed = false;
  private dispatchScheduled = false;
  private readyWorkers = 0;
  private readonly readyWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  /** Two batches per worker: one running, one waiting, so a worker never idles for a round trip. */
  private static readonly PER_WORKER = 2;
  /**
   * At most this many documents per message, so that the work stays spread over the workers. A
   * worker runs each stage over a message's documents together (extract.ts partsExtractor), which
   * is faster with more of them: in one warm thread, extracting the BBC corpus in batches of 16
   * took 0.88 of the CPU time of batches of 4 (32: 0.92); 2,225 documents now go in 140 messages
   * instead of 557.
   */
  static readonly MAX_BATCH = 16;
  /**
   * How many documents a caller should keep in flight per worker (orderedMap's window): four times
   * what a worker holds. Results are handed on in input order, so while the oldest document is
   * still in one worker's batch, the others' finished results wait; the window must leave room for
   * their next batches or they idle (with 8 per worker and batches of 8, two workers kept only
   * ~1.8 of 2 cores busy).
   */
  static readonly READ_AHEAD = 4 * ExtractPool.PER_WORKER * ExtractPool.MAX_BATCH;

  constructor(size: number, aliases: readonly AliasEntry[]) {
    const script = workerScript();
    const setup: WorkerSetup = { aliases: [...aliases] };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup });
      const slot: Slot = { worker, busy: [], ready: false };
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) this.onWorkerReady(slot);
        else this.onReply(slot, message);
      });
      worker.on('error', (e: Error) => this.fail(e));
      worker.on('exit', (code) => {
        if (!this.closed) this.fail(new Error(`extraction worker stopped unexpectedly (exit code ${code})`));
      });
      // A loading worker keeps the process alive (documents may be waiting for it); an idle one does not.
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves once every worker has loaded its model (rejects if the pool fails or closes first). */
  whenReady(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    if (this.readyWorkers === this.slots.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** Messages sent to the workers so far (each a batch of one or more documents). */
  get batches(): number {
    return this.sent;
  }

  extract(source: SourceDocument): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('extraction pool is closed'));
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ source, resolve, reject });
      // An idle worker starts at once; otherwise let the documents the caller is queuing in this
      // turn of the event loop gather into one batch.
      if (this.slots.some((s) => s.ready && s.busy.length === 0)) this.dispatch();
      else this.scheduleDispatch();
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.rejectPending(new Error('extraction pool closed'));
    for (const w of this.readyWaiters.splice(0)) w.reject(new Error('extraction pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private scheduleDispatch(): void {
    if (this.dispatchScheduled) return;
    this.dispatchScheduled = true;
    setImmediate(() => {
      this.dispatchScheduled = false;
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      // The least busy workers; ties go to the first, so assignment is simple and fair.
      const open = this.slots.filter((s) => s.ready && s.busy.length < ExtractPool.PER_WORKER);
      let best: Slot | undefined;
      for (const slot of open) if (!best || slot.busy.length < best.busy.length) best = slot;
      if (!best) return;
      // Share what is queued among the workers that can take it.
      const take = Math.min(ExtractPool.MAX_BATCH, Math.ceil(this.queue.length / open.length));
      const batch: Batch = { id: this.nextId++, tasks: this.queue.splice(0, take) };
      best.busy.push(batch);
      if (best.busy.length === 1) best.worker.ref();
      const request: WorkerRequest = { id: batch.id, sources: batch.tasks.map((t) => t.source) };
      best.worker.postMessage(request);
      this.sent++;
    }
  }

  private onWorkerReady(slot: Slot): void {
    slot.ready = true;
    if (slot.busy.length === 0) slot.worker.unref();
    this.dispatch();
    if (++this.readyWorkers === this.slots.length) for (const w of this.readyWaiters.splice(0)) w.resolve();
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const index = slot.busy.findIndex((b) => b.id === reply.id);
    const batch = slot.busy[index];
    if (!batch) return;
    slot.busy.splice(index, 1);
    if (slot.busy.length === 0) slot.worker.unref();
    batch.tasks.forEach((task, i) => {
      const result = reply.results[i];
      if (!result) task.reject(new Error('extraction worker gave no result for a document'));
      else if (result.ok) task.resolve(result.line);
      else {
        const error = new Error(result.message);
        if (result.stack) error.stack = result.stack;
        task.reject(error);
      }
    });
    this.dispatch();
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.rejectPending(e);
    for (const w of this.readyWaiters.splice(0)) w.reject(e);
  }

  private rejectPending(e: Error): void {
    const pending = [...this.queue.splice(0), ...this.slots.flatMap((s) => s.busy.splice(0).flatMap((b) => b.tasks))];
    for (const task of pending) task.reject(e);
  }
}
