// The archive behind `newsgraph serve DIR`: every evidence sentence of an edge (/api/evidence) and
// a full-text search over them (/api/search), asked for only when the panel or the search box needs
// them. graph.json may keep only a few sentences per edge (`--evidence N`); the store keeps all.
// Replies are checked field by field, as graph.json is (data.ts): they carry article text.
import type { EvidenceItem, SearchHit } from '../../src/store/replies';
import { readAntecedents } from './antecedents';

/** One evidence item of /api/evidence. */
export type ArchiveEvidence = EvidenceItem;

export interface EvidencePage {
  /** Evidence items behind the edge in all. */
  total: number;
  offset: number;
  evidence: ArchiveEvidence[];
}

/** One hit of /api/search. */
export type SentenceHit = SearchHit;

export interface Archive {
  evidence(edge: string, offset: number, limit: number): Promise<EvidencePage>;
  search(q: string, limit: number, signal?: AbortSignal): Promise<SentenceHit[]>;
}

/** A reply the viewer cannot use: an HTTP error (with the server's reason) or a malformed body. */
export class ArchiveError extends Error {}

type Json = Record<string, unknown>;
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The header `newsgraph serve` sends with graph.json when its store answers /api/evidence and
 * /api/search (src/serve/index.ts API_HEADER). Without it (a standalone export, a file-only serve,
 * any other static server) the viewer shows graph.json's sentences and asks nothing.
 */
export const API_HEADER = 'X-Newsgraph-Api';

export function servesArchive(headers: Headers): boolean {
  return (headers.get(API_HEADER) ?? '').split(',').some((api) => api.trim() === 'evidence');
}

/** The archive API at base (the viewer's URL): paths are relative, so a proxy prefix keeps working. */
export function httpArchive(base: URL, fetchFn: Fetch): Archive {
  const get = async (pathAndQuery: string, signal?: AbortSignal): Promise<Json> => {
    const response = await fetchFn(new URL(pathAndQuery, base).href, { headers: { Accept: 'application/json' }, ...(signal ? { signal } : {}) });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ArchiveError(`HTTP ${response.status}: not JSON`);
    }
    if (!response.ok) {
      const reason = isObject(body) && typeof body['error'] === 'string' ? body['error'] : 'no reason given';
      throw new ArchiveError(`HTTP ${response.status}: ${reason}`);
    }
    if (!isObject(body)) throw new ArchiveError('expected a JSON object');
    return body;
  };
  return {
    async evidence(edge, offset, limit) {
      const body = await get(`api/evidence?${new URLSearchParams({ edge, offset: String(offset), limit: String(limit) }).toString()}`);
      const items = body['evidence'];
      if (!Array.isArray(items) || !isCount(body['total']) || !isCount(body['offset'])) throw new ArchiveError('/api/evidence: expected total, offset and an evidence list');
      return { total: body['total'], offset: body['offset'], evidence: items.filter(isObject).map(archiveEvidence).filter((e): e is ArchiveEvidence => e !== null) };
    },
    async search(q, limit, signal) {
      const body = await get(`api/search?${new URLSearchParams({ q, limit: String(limit) }).toString()}`, signal);
      const hits = body['hits'];
      if (!Array.isArray(hits)) throw new ArchiveError('/api/search: expected a hits list');
      return hits.filter(isObject).map(sentenceHit).filter((h): h is SentenceHit => h !== null);
    },
  };
}

/** The item with every field checked, or null without the fields it cannot do without. */
export function archiveEvidence(e: Json): ArchiveEvidence | null {
  const ref = sentenceRef(e);
  if (ref === null) return null;
  const item: ArchiveEvidence = { ...ref, trigger: str(e['trigger']), rule: str(e['rule']) };
  if (typeof e['reportedBy'] === 'string') item.reportedBy = e['reportedBy'];
  const antecedents = readAntecedents(e['antecedents']);
  if (antecedents) item.antecedents = antecedents;
  return item;
}

export function sentenceHit(h: Json): SentenceHit | null {
  const ref = sentenceRef(h);
  if (ref === null) return null;
  const edges = Array.isArray(h['edges']) ? h['edges'].filter((k): k is string => typeof k === 'string') : [];
  return { ...ref, edges };
}

function sentenceRef(o: Json): Omit<SentenceHit, 'edges'> | null {
  if (typeof o['doc'] !== 'string' || typeof o['sentence'] !== 'string') return null;
  const ref: Omit<SentenceHit, 'edges'> = {
    doc: o['doc'],
    sentence: o['sentence'],
    start: isCount(o['start']) ? o['start'] : 0,
    end: isCount(o['end']) ? o['end'] : 0,
  };
  if (typeof o['title'] === 'string') ref.title = o['title'];
  if (typeof o['date'] === 'string') ref.date = o['date'];
  if (typeof o['url'] === 'string') ref.url = o['url'];
  return ref;
}

/** The words a search matches on, as the server reads them (src/store/api.ts ftsQuery). */
export function searchWords(q: string): string[] {
  return q.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
