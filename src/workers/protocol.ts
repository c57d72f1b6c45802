// Messages between the extraction pool and its workers.
import type { AliasEntry } from '../entities';
import type { SourceDocument } from '../types';

/** Sent once, as workerData: what the worker's extractor is built from. */
export interface WorkerSetup {
  readonly aliases: AliasEntry[];
}

export interface WorkerRequest {
  readonly id: number;
  readonly source: SourceDocument;
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly stack?: string };
