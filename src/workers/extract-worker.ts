// One extraction worker: builds the extractor once (the wink model and the gazetteers load once per
// thread), then answers each document with its result as the JSON text `newsgraph extract` prints.
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor, documentLine } from '../pipeline';
import { messageOf } from '../errors';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './protocol';

const port = parentPort;
if (!port) throw new Error('extract-worker.js runs as a worker thread (see ExtractPool)');

const setup = workerData as WorkerSetup;
const extract = createExtractor({ aliases: setup.aliases });

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, ok: true, json: documentLine(extract(request.source), request.source.text) };
  } catch (e) {
    reply = { id: request.id, ok: false, message: messageOf(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}) };
  }
  port.postMessage(reply);
});
