// One extraction worker: builds the extractor once (the wink model and the gazetteers load once per
// thread), then answers each batch of documents with their results as the JSON text `newsgraph
// extract` prints, one string per document.
import { parentPort, workerData } from 'node:worker_threads';
import { createBatchLineExtractor } from '../extract';
import { messageOf } from '../errors';
import type { WorkerReady, WorkerReply, WorkerRequest, WorkerResult, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread (see ExtractPool)');

const setup = workerData as WorkerSetup;
// A request's documents are extracted together, stage by stage (extract.ts createBatchExtractor).
const extract = createBatchLineExtractor({ aliases: setup.aliases });
// An empty document loads the language model now, before the worker says it is ready: the pool
// gives documents only to ready workers, so none waits behind a worker that is still loading.
extract([{ id: '', text: '', origin: '' }]);
const ready: WorkerReady = { ready: true };
port.postMessage(ready);

port.on('message', (request: WorkerRequest) => {
  const results = extract(request.sources).map((o): WorkerResult => {
    if ('line' in o) return { ok: true, line: o.line };
    const e = o.error;
    return { ok: false, message: messageOf(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) };
  });
  const reply: WorkerReply = { id: request.id, results };
  port.postMessage(reply);
});
