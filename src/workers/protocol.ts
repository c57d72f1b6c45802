// Messages between the extraction pool and its workers.
import type { AliasEntry } from '../entities';
import type { SourceDocument } from '../types';

/** Sent once, as workerData: what the worker's extractor is built from. */
export interface WorkerSetup {
  readonly aliases: AliasEntry[];
}

/** Several documents per message: one round trip (and one wake-up of each thread) per batch. */
export interface WorkerRequest {
  readonly id: number;
  readonly sources: SourceDocument[];
}

/** One outcome per document of the batch, in the batch's order: a failure is that document's alone. */
export type WorkerResult =
  | { readonly ok: true; readonly line: string }
  | { readonly ok: false; readonly message: string; readonly stack?: string };

export interface WorkerReply {
  readonly id: number;
  readonly results: WorkerResult[];
}

/** Sent once, when the worker has built its extractor and loaded the language model. */
export interface WorkerReady {
  readonly ready: true;
}

export type WorkerMessage = WorkerReply | WorkerReady;
