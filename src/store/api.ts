// The store's HTTP API, for `newsgraph serve`: the browser loads the aggregated graph and asks for
// the rest when it needs it.
//
//   GET /api/evidence?edge=KEY[&offset=N][&limit=N]   every piece of evidence behind one edge
//   GET /api/search?q=WORDS[&limit=N]                  evidence sentences containing all the words
//
// Queries are prepared statements with bound parameters; user text never becomes SQL. A search
// is turned into an FTS5 query of quoted terms, so FTS5 operators in it are read as plain words.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { edgeKey, storedFactOrder, uniqueEvidence } from '../graph/contract';
import { edgeAntecedents, readAntecedentsColumn } from '../graph/antecedents';
import { RELATIONS, SYMMETRIC_RELATIONS, type Relation } from '../types';
import type { EvidenceItem, SearchHit } from './replies';
import { SCHEMA_VERSION } from './schema';
import { STORE_FILE } from './index';

export type { EvidenceItem, SearchHit, SentenceRef } from './replies';

export interface ApiResponse {
  readonly status: number;
  /** JSON text. */
  readonly body: string;
}

export const API_LIMITS = Object.freeze({
  /** Evidence items per page: default and maximum. */
  evidence: { default: 50, max: 500 },
  /** Search hits: default and maximum. */
  search: { default: 20, max: 100 },
  /** Longest query and most terms a search reads. */
  queryChars: 200,
  queryTerms: 12,
});

interface FactRow {
  seq: number;
  ord: number;
  doc: string;
  title: string | null;
  docDate: string | null;
  url: string | null;
  sentence: string;
  start: number;
  end: number;
  source: string;
  relation: Relation;
  target: string;
  negated: number;
  hypothetical: number;
  trigger: string;
  rule: string;
  reportedBy: string | null;
  antecedents: string | null;
}

const FACT_COLUMNS = `d.seq AS seq, f.ord AS ord, d.id AS doc, d.title AS title, d.date AS docDate, d.url AS url, s.text AS sentence,
  s.char_start AS start, s.char_end AS end, f.source AS source, f.relation AS relation, f.target AS target,
  f.negated AS negated, f.hypothetical AS hypothetical, f.trigger AS trigger, f.rule AS rule, f.reported_by AS reportedBy, f.antecedents AS antecedents`;

/** An open store plus its statements; reopened when a build replaces the file. */
class StoreReader {
  private readonly edgeFacts: Database.Statement;
  private readonly mergedInto: Database.Statement;
  private readonly mergedFrom: Database.Statement;
  private readonly search: Database.Statement;
  private readonly sentenceFacts: Database.Statement;

  constructor(private readonly db: Database.Database, readonly identity: string) {
    this.edgeFacts = db.prepare(
      `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.seq = f.doc JOIN sentences s ON s.id = f.sentence
       WHERE f.relation = ? AND f.negated = ? AND f.hypothetical = ?
         AND f.source IN (SELECT value FROM json_each(?)) AND f.target IN (SELECT value FROM json_each(?))`,
    );
    this.mergedInto = db.prepare('SELECT node FROM merges WHERE id = ?').pluck();
    this.mergedFrom = db.prepare('SELECT id FROM merges WHERE node = ? ORDER BY id').pluck();
    this.search = db.prepare(
      `SELECT s.id AS id, d.id AS doc, d.title AS title, d.date AS docDate, d.url AS url, s.text AS sentence, s.char_start AS start, s.char_end AS end
       FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.seq = s.doc
       WHERE sentences_fts MATCH ? ORDER BY sentences_fts.rank, d.seq, s.char_start LIMIT ?`,
    );
    this.sentenceFacts = db.prepare('SELECT source, relation, target, negated, hypothetical FROM facts WHERE sentence = ? ORDER BY ord');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The graph node an extracted entity id ended up in. */
  node(id: string): string {
    return (this.mergedInto.get(id) as string | undefined) ?? id;
  }

  /** Every extracted entity id that ended up in this node. */
  idsOf(node: string): string[] {
    return [node, ...(this.mergedFrom.all(node) as string[])];
  }

  evidence(key: ParsedEdge): { total: number; items: EvidenceItem[] } {
    const sources = JSON.stringify(this.idsOf(key.source));
    const targets = JSON.stringify(this.idsOf(key.target));
    const flags = [key.negated ? 1 : 0, key.hypothetical ? 1 : 0] as const;
    let rows = this.edgeFacts.all(key.relation, ...flags, sources, targets) as FactRow[];
    // A symmetric relation's edge holds its two ends in key order; the facts keep the text's order.
    if (SYMMETRIC_RELATIONS.has(key.relation)) rows = rows.concat(this.edgeFacts.all(key.relation, ...flags, targets, sources) as FactRow[]);
    // The same order and de-duplication as the graph's evidence lists (src/graph).
    rows.sort(storedFactOrder<FactRow>());
    const items: EvidenceItem[] = [];
    for (const r of uniqueEvidence(rows)) {
      // Rows of a symmetric edge read the other way round hold their ends swapped (see ../graph/antecedents).
      const antecedents = edgeAntecedents(readAntecedentsColumn(r.antecedents), this.node(r.source) !== key.source);
      items.push({
        doc: r.doc, ...(r.title !== null ? { title: r.title } : {}), ...(r.docDate !== null ? { date: r.docDate } : {}), ...(r.url !== null ? { url: r.url } : {}),
        sentence: r.sentence, start: r.start, end: r.end, trigger: r.trigger, rule: r.rule,
        ...(r.reportedBy !== null ? { reportedBy: this.node(r.reportedBy) } : {}),
        ...(antecedents ? { antecedents } : {}),
      });
    }
    return { total: items.length, items };
  }

  searchSentences(match: string, limit: number): SearchHit[] {
    const rows = this.search.all(match, limit) as Array<{ id: number; doc: string; title: string | null; docDate: string | null; url: string | null; sentence: string; start: number; end: number }>;
    return rows.map((r) => {
      const edges = new Set<string>();
      for (const f of this.sentenceFacts.all(r.id) as Array<{ source: string; relation: Relation; target: string; negated: number; hypothetical: number }>) {
        let source = this.node(f.source);
        let target = this.node(f.target);
        if (source === target) continue;
        if (SYMMETRIC_RELATIONS.has(f.relation) && target < source) [source, target] = [target, source];
        edges.add(edgeKey(source, f.relation, target, f.negated === 1, f.hypothetical === 1));
      }
      return {
        doc: r.doc, ...(r.title !== null ? { title: r.title } : {}), ...(r.docDate !== null ? { date: r.docDate } : {}), ...(r.url !== null ? { url: r.url } : {}),
        sentence: r.sentence, start: r.start, end: r.end, edges: [...edges],
      };
    });
  }
}

export interface ParsedEdge {
  source: string;
  relation: Relation;
  target: string;
  negated: boolean;
  hypothetical: boolean;
}

const RELATION_SET: ReadonlySet<string> = new Set(RELATIONS);

/** Reads an edge key (`source|relation|target[|negated][|hypothetical]`), or undefined when it is not one. */
export function parseEdgeKey(key: string): ParsedEdge | undefined {
  const parts = key.split('|');
  const [source, relation, target, ...flags] = parts;
  if (!source || !target || relation === undefined || !RELATION_SET.has(relation)) return undefined;
  const negated = flags.includes('negated');
  const hypothetical = flags.includes('hypothetical');
  const parsed = { source, relation: relation as Relation, target, negated, hypothetical };
  // Only the canonical spelling names an edge: flags in order, each once, nothing else.
  return edgeKey(parsed.source, parsed.relation, parsed.target, negated, hypothetical) === key ? parsed : undefined;
}

/** Words of a search, as an FTS5 query of quoted terms (all must occur); undefined when there are none. */
export function ftsQuery(q: string): string | undefined {
  const terms = q.slice(0, API_LIMITS.queryChars).match(/[\p{L}\p{N}]+/gu)?.slice(0, API_LIMITS.queryTerms) ?? [];
  if (terms.length === 0) return undefined;
  return terms.map((t) => `"${t}"`).join(' ');
}

function json(status: number, value: unknown): ApiResponse {
  return { status, body: `${JSON.stringify(value)}\n` };
}

function intParam(params: URLSearchParams, name: string, fallback: number, max: number): number | ApiResponse {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw)) return json(400, { error: `${name} must be a non-negative integer` });
  return Math.min(Number(raw), max);
}

/**
 * Answers `/api/…` requests from DIR/newsgraph.db. `answer(url)` returns undefined for any other
 * path, so the server can fall through to its static files.
 */
export class StoreApi {
  private reader: StoreReader | undefined;

  constructor(private readonly dir: string) {}

  answer(rawUrl: string): ApiResponse | undefined {
    let url: URL;
    try {
      url = new URL(rawUrl, 'http://localhost');
    } catch {
      return undefined; // the static handler answers 400
    }
    if (url.pathname !== '/api/evidence' && url.pathname !== '/api/search') {
      return url.pathname === '/api' || url.pathname.startsWith('/api/') ? json(404, { error: 'no such API (use /api/evidence?edge=… or /api/search?q=…)' }) : undefined;
    }
    const reader = this.open();
    if (!reader) return json(404, { error: `no usable ${STORE_FILE} in the served directory (build one with \`newsgraph build … --out DIR\`)` });
    try {
      return url.pathname === '/api/evidence' ? this.evidence(reader, url.searchParams) : this.search(reader, url.searchParams);
    } catch (e) {
      return json(500, { error: `store query failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  close(): void {
    this.reader?.close();
    this.reader = undefined;
  }

  private evidence(reader: StoreReader, params: URLSearchParams): ApiResponse {
    const key = params.get('edge');
    if (key === null || key === '') return json(400, { error: 'edge is required: /api/evidence?edge=SOURCE|RELATION|TARGET' });
    const edge = parseEdgeKey(key);
    if (!edge) return json(400, { error: 'edge must be an edge key: SOURCE|RELATION|TARGET, then |negated and |hypothetical when set' });
    const offset = intParam(params, 'offset', 0, Number.MAX_SAFE_INTEGER);
    if (typeof offset !== 'number') return offset;
    const limit = intParam(params, 'limit', API_LIMITS.evidence.default, API_LIMITS.evidence.max);
    if (typeof limit !== 'number') return limit;
    const { total, items } = reader.evidence(edge);
    if (total === 0) return json(404, { error: 'no evidence for this edge in the store', edge: key });
    return json(200, { edge: key, total, offset, limit, evidence: items.slice(offset, offset + limit) });
  }

  private search(reader: StoreReader, params: URLSearchParams): ApiResponse {
    const q = params.get('q') ?? '';
    const match = ftsQuery(q);
    if (match === undefined) return json(400, { error: 'q must contain at least one word' });
    const limit = intParam(params, 'limit', API_LIMITS.search.default, API_LIMITS.search.max);
    if (typeof limit !== 'number') return limit;
    return json(200, { q, hits: reader.searchSentences(match, limit) });
  }

  /** The reader for the current store file; a rebuild renames a new file into place, so it follows. */
  private open(): StoreReader | undefined {
    const file = path.join(this.dir, STORE_FILE);
    let identity: string;
    try {
      const stat = fs.statSync(file);
      identity = `${stat.dev}:${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    } catch {
      this.close();
      return undefined;
    }
    if (this.reader?.identity === identity) return this.reader;
    this.close();
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
      return undefined;
    }
    const schema = (() => {
      try {
        return db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
      } catch {
        return undefined;
      }
    })();
    if (schema !== SCHEMA_VERSION) {
      db.close();
      return undefined;
    }
    this.reader = new StoreReader(db, identity);
    return this.reader;
  }
}
