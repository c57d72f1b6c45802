// A build directory (`newsgraph build --out DIR`) read for an export that must not hold the archive in
// memory: `newsgraph export DIR --format neo4j`. The graph comes from DIR/graph.json, one line at a
// time (nodes with their layout, edges without their evidence): it is the only place where x, y,
// size, colour and community live, and it says which edges --min-count and --top kept. Every piece
// of evidence, and every document, comes from DIR/newsgraph.db: the facts in one pass sorted by edge
// (SQLite sorts on disk), one edge's evidence in memory at a time, all of it even when graph.json
// keeps only --evidence N per edge.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { InputError, messageOf } from '../errors';
import { ensureDirectory } from '../export';
import type { AtomicWriteOptions } from '../export/atomic';
import { NEO4J_FILES, writeNeo4jFiles, type Neo4jEdge, type Neo4jNode } from '../export/neo4j';
import { writeDirectoryAtomic } from '../export/directory';
import { edgeKey, storedFactOrder, uniqueEvidence } from '../graph/contract';
import { edgeAntecedents, readAntecedentsColumn } from '../graph/antecedents';
import { documentMetadata, SYMMETRIC_RELATIONS, type Relation } from '../types';
import { SCHEMA_VERSION } from './schema';
import { STORE_FILE } from './index';

export const GRAPH_FILE = 'graph.json';

type Item = Readonly<Record<string, unknown>>;

/** graph.json as a streamed export needs it: every node, every edge without its evidence. */
export interface GraphLines {
  readonly nodes: Neo4jNode[];
  readonly edges: Neo4jEdge[];
  /** The graph's documentCount, when the first line shows it. */
  readonly documentCount?: number;
}

/** Of graph.json's first line (options and graph attributes, with every document's metadata) only this much of each end is kept. */
const HEAD_KEEP = 1 << 16;
const TAIL_KEEP = 64;

type Line = { readonly number: number; readonly text: string } | { readonly number: 1; readonly head: string; readonly tail: string };

/** The lines of a file; the first one only as its two ends, however long it is. */
async function* lines(file: string): AsyncGenerator<Line> {
  let number = 1;
  let pieces: Buffer[] = [];
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  const line = (): Line => (number === 1 ? { number: 1, head: head.toString('utf8'), tail: tail.toString('utf8') } : { number, text: Buffer.concat(pieces).toString('utf8') });
  for await (const chunk of fs.createReadStream(file) as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(0x0a, start);
      const piece = chunk.subarray(start, newline < 0 ? chunk.length : newline);
      if (number === 1) {
        if (head.length < HEAD_KEEP) head = Buffer.concat([head, piece.subarray(0, HEAD_KEEP - head.length)]);
        tail = Buffer.concat([tail, piece]);
        tail = tail.subarray(Math.max(0, tail.length - TAIL_KEEP));
      } else if (piece.length > 0) {
        pieces.push(piece);
      }
      if (newline < 0) break;
      yield line();
      number++;
      pieces = [];
      start = newline + 1;
    }
  }
  // A last line without a newline.
  if (pieces.length > 0 || (number === 1 && head.length > 0)) yield line();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One node or edge line: the JSON of one entry, with the comma that separates it from the next. */
function entry(text: string, where: string): Record<string, unknown> {
  const json = text.endsWith(',') ? text.slice(0, -1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new InputError(`not valid JSON (${messageOf(e)})`, where);
  }
  if (!isRecord(value) || typeof value.key !== 'string') throw new InputError('not a node or edge of a graphology export (no "key")', where);
  if (value.attributes !== undefined && !isRecord(value.attributes)) throw new InputError('"attributes" is not an object', where);
  return value;
}

/**
 * Reads graph.json as `newsgraph build` writes it (src/export/json.ts: one node or edge per line),
 * keeping each edge's attributes except its evidence. Memory: the graph without evidence, plus
 * the longest line. Throws InputError for a file in any other layout.
 */
export async function readGraphLines(file: string): Promise<GraphLines> {
  const nodes: Neo4jNode[] = [];
  const edges: Neo4jEdge[] = [];
  let documentCount: number | undefined;
  let state: 'head' | 'nodes' | 'edges' | 'end' = 'head';
  const layout = (where: string): InputError =>
    new InputError('not laid out as `newsgraph build` writes graph.json (one node or edge per line): export the file itself instead of the directory', where);
  try {
    for await (const line of lines(file)) {
      const where = `${file}:${line.number}`;
      if ('head' in line) {
        const count = /"documentCount":(\d+)[,}]/.exec(line.head)?.[1];
        if (count !== undefined) documentCount = Number(count);
        const tail = line.tail.trimEnd();
        const opens = ['"nodes":[', '"nodes":[],"edges":[', '"nodes":[],"edges":[]}'];
        if (!line.head.startsWith('{') || !opens.some((end) => tail.endsWith(end))) throw layout(where);
        state = tail.endsWith('"nodes":[') ? 'nodes' : tail.endsWith('[]}') ? 'end' : 'edges';
        continue;
      }
      const text = line.text.trimEnd();
      if (state === 'end') {
        if (text !== '') throw new InputError('text after the end of the graph', where);
      } else if (state === 'nodes' && (text === '],"edges":[' || text === '],"edges":[]}')) {
        state = text.endsWith('}') ? 'end' : 'edges';
      } else if (state === 'edges' && text === ']}') {
        state = 'end';
      } else if (state === 'nodes') {
        const node = entry(text, where);
        nodes.push({ key: node.key as string, attributes: (node.attributes ?? {}) as Item });
      } else {
        const edge = entry(text, where);
        if (typeof edge.source !== 'string' || typeof edge.target !== 'string') throw new InputError('an edge needs "source" and "target"', where);
        const { evidence: _evidence, ...attributes } = (edge.attributes ?? {}) as Record<string, unknown>;
        void _evidence;
        edges.push({ key: edge.key as string, source: edge.source, target: edge.target, attributes, undirected: edge.undirected === true });
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: unknown } | null)?.code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : messageOf(e), file, { cause: e });
  }
  if (state !== 'end') throw new InputError(state === 'head' ? 'empty file' : 'the graph ends early (a truncated file?)', file);
  return documentCount === undefined ? { nodes, edges } : { nodes, edges, documentCount };
}

interface FactRow {
  source: string;
  relation: Relation;
  target: string;
  negated: number;
  hypothetical: number;
  seq: number;
  ord: number;
  doc: string;
  sentence: string;
  start: number;
  end: number;
  trigger: string;
  rule: string;
  reportedBy: string | null;
  date: string | null;
  antecedents: string | null;
}

/** Registered with SQLite: the sort key of a fact's edge (below). */
const EDGE_ORDER = 'newsgraph_edge_order';

/**
 * Every fact, grouped by the edge it belongs to, in graph.json's edge order; within an edge in store
 * order. One pass: the facts table is read in order (the documents and sentences it joins are read
 * nearly in order too) and SQLite sorts, on disk past its cache, so memory does not grow with the facts.
 */
const FACTS_BY_EDGE = `SELECT f.source AS source, f.relation AS relation, f.target AS target, f.negated AS negated, f.hypothetical AS hypothetical,
  d.seq AS seq, f.ord AS ord, d.id AS doc, s.text AS sentence, s.char_start AS start, s.char_end AS end,
  f.trigger AS trigger, f.rule AS rule, f.reported_by AS reportedBy, f.date AS date, f.antecedents AS antecedents
  FROM facts f JOIN documents d ON d.seq = f.doc JOIN sentences s ON s.id = f.sentence
  ORDER BY ${EDGE_ORDER}(f.source, f.relation, f.target, f.negated, f.hypothetical), d.seq, f.ord`;

/** UTF-16 code units, big-endian: compared byte by byte (SQLite's BLOB order) they sort as JavaScript sorts strings. */
const utf16Order = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

/**
 * DIR/newsgraph.db, read-only: the evidence of each edge as the graph stage (src/graph) lists it,
 * and the documents in store order.
 */
export class StoreEvidence {
  /** Entity id → the node it was merged into ("putin" → "vladimir-putin"). Small: merged surnames only. */
  private readonly mergedInto = new Map<string, string>();
  private readonly documentRows: Database.Statement;
  readonly documentCount: number;

  private constructor(private readonly db: Database.Database, readonly file: string) {
    for (const { id, node } of db.prepare('SELECT id, node FROM merges').iterate() as IterableIterator<{ id: string; node: string }>) this.mergedInto.set(id, node);
    this.documentRows = db.prepare('SELECT id, title, date, url FROM documents ORDER BY seq');
    this.documentCount = Number(db.prepare('SELECT count(*) FROM documents').pluck().get());
  }

  /** Opens DIR/newsgraph.db; InputError when it is missing, unreadable or of another schema. */
  static open(dir: string): StoreEvidence {
    const file = path.join(dir, STORE_FILE);
    if (!fs.existsSync(file)) throw new InputError(`no ${STORE_FILE} here (build one with \`newsgraph build … --out DIR\`)`, dir);
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const schema: unknown = db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
      if (schema !== SCHEMA_VERSION) throw new InputError(`the store has schema ${String(schema ?? 'unknown')}, this newsgraph reads ${SCHEMA_VERSION}: build it again`, file);
      // Sorts past the cache go to temp files, not memory.
      db.pragma('temp_store = FILE');
      return new StoreEvidence(db, file);
    } catch (e) {
      db?.close();
      if (e instanceof InputError) throw e;
      throw new InputError(`cannot read the store (${messageOf(e)})`, file, { cause: e });
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private node(id: string): string {
    return this.mergedInto.get(id) ?? id;
  }

  /**
   * Every edge of `edges` (graph.json's, in key order) with all its evidence, in graph.json's order:
   * by document (store order), offset and trigger, one per (document, offset, trigger, rule). Facts
   * are grouped as the graph stage groups them: ends mapped to the nodes they were merged into,
   * a symmetric relation's ends in key order, no self-loops, only ends that are `nodes`. Groups that
   * graph.json does not have (--min-count, --top) are skipped. Throws InputError when an edge has
   * no facts, or another number than its `count`: graph.json is then from another build.
   */
  *evidence(edges: readonly Neo4jEdge[], nodes: ReadonlySet<string>): Generator<readonly [Neo4jEdge, Item[]]> {
    const edgeOf = (source: string, relation: Relation, target: string, negated: number, hypothetical: number): string | undefined => {
      let s = this.node(source);
      let t = this.node(target);
      if (s === t || !nodes.has(s) || !nodes.has(t)) return undefined;
      if (SYMMETRIC_RELATIONS.has(relation) && t < s) [s, t] = [t, s];
      return edgeKey(s, relation, t, negated === 1, hypothetical === 1);
    };
    this.db.function(EDGE_ORDER, { deterministic: true }, (source, relation, target, negated, hypothetical) => {
      const key = edgeOf(String(source), String(relation) as Relation, String(target), Number(negated), Number(hypothetical));
      return key === undefined ? null : utf16Order(key);
    });
    const notInStore = (edge: Neo4jEdge, found: number): InputError =>
      new InputError(
        `graph.json's edge ${JSON.stringify(edge.key)} rests on ${JSON.stringify(edge.attributes.count)} facts, the store has ${found}: they are not from the same build (build again with --out)`,
        this.file,
      );
    let next = 0;
    let key: string | undefined;
    /** The facts of the edge `key` when it is edges[next], else undefined (a group graph.json dropped). */
    let group: FactRow[] | undefined;
    const finish = (): readonly [Neo4jEdge, Item[]] | undefined => {
      if (group === undefined) return undefined;
      const edge = edges[next++] as Neo4jEdge;
      const items = this.items(group, edge.source);
      if (edge.attributes.count !== items.length) throw notInStore(edge, items.length);
      return [edge, items];
    };
    for (const row of this.db.prepare(FACTS_BY_EDGE).iterate() as IterableIterator<FactRow>) {
      const k = edgeOf(row.source, row.relation, row.target, row.negated, row.hypothetical);
      if (k === undefined) continue;
      if (k !== key) {
        const done = finish();
        if (done) yield done;
        key = k;
        // graph.json's edges before this one have no facts at all.
        const expected = edges[next];
        if (expected !== undefined && expected.key < k) throw notInStore(expected, 0);
        group = expected?.key === k ? [] : undefined;
      }
      group?.push(row);
    }
    const done = finish();
    if (done) yield done;
    const missing = edges[next];
    if (missing !== undefined) throw notInStore(missing, 0);
  }

  /**
   * A group's facts as the graph stage lists them; `ord` stands for its stable sort over facts in
   * store order. `source`: the edge's source node, which a symmetric edge's fact may hold as its target.
   */
  private items(rows: FactRow[], source: string): Item[] {
    rows.sort(storedFactOrder<FactRow>());
    const items: Item[] = [];
    for (const r of uniqueEvidence(rows)) {
      const antecedents = edgeAntecedents(readAntecedentsColumn(r.antecedents), this.node(r.source) !== source);
      items.push({
        doc: r.doc, sentence: r.sentence, start: r.start, end: r.end, trigger: r.trigger, rule: r.rule,
        ...(r.reportedBy ? { reportedBy: this.node(r.reportedBy) } : {}),
        ...(r.date ? { date: r.date } : {}),
        ...(antecedents ? { antecedents } : {}),
      });
    }
    return items;
  }

  /** Every document as graph.json's `sources` lists it, in store order. */
  *documents(): Generator<Item> {
    type DocumentRow = { id: string; title: string | null; date: string | null; url: string | null };
    for (const d of this.documentRows.iterate() as IterableIterator<DocumentRow>) {
      yield { id: d.id, ...documentMetadata(d) };
    }
  }
}

/**
 * `newsgraph export DIR --format neo4j`: the Neo4j files of a build directory, streamed (see the top
 * of this file). Memory: the graph without its evidence, and one edge's evidence. Throws InputError
 * (no store, no graph.json, or the two from different builds) or OutputError.
 */
export async function exportNeo4jFromBuild(dir: string, out: string, write: Partial<AtomicWriteOptions> = {}): Promise<string[]> {
  const store = StoreEvidence.open(dir);
  try {
    const graphFile = path.join(dir, GRAPH_FILE);
    const graph = await readGraphLines(graphFile);
    if (graph.documentCount !== undefined && graph.documentCount !== store.documentCount) {
      throw new InputError(`graph.json counts ${graph.documentCount} documents, the store holds ${store.documentCount}: they are not from the same build (build again with --out)`, dir);
    }
    // Evidence is matched to edges in one sorted pass, in the order `newsgraph build` writes them.
    for (let i = 1; i < graph.edges.length; i++) {
      const [before, edge] = [graph.edges[i - 1] as Neo4jEdge, graph.edges[i] as Neo4jEdge];
      if (!(before.key < edge.key)) throw new InputError(`edges are not in key order (${JSON.stringify(before.key)} before ${JSON.stringify(edge.key)}), as \`newsgraph build\` writes them`, graphFile);
    }
    const nodes = new Set(graph.nodes.map((n) => n.key));
    await ensureDirectory(out);
    const names = new Set<string>(Object.values(NEO4J_FILES));
    try {
      // The set as one unit: written into a new directory that takes the old one's place.
      return await writeDirectoryAtomic(out, (name) => names.has(name) || /^\..+\.tmp$/.test(name), async (into) => {
        await ensureDirectory(into);
        return writeNeo4jFiles({ nodes: graph.nodes, edges: graph.edges, evidence: () => store.evidence(graph.edges, nodes), documents: () => store.documents() }, into, write);
      });
    } catch (e) {
      // A graph this format cannot hold (a relation outside the vocabulary): name the graph file.
      if (e instanceof InputError && e.file === undefined) throw new InputError(e.reason, graphFile, { cause: e });
      throw e;
    }
  } finally {
    store.close();
  }
}
