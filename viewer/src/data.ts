// Reads graph.json (graphology `graph.export()` of a MultiDirectedGraph) into a graphology graph,
// checking every field it relies on. Unknown extra attributes are ignored; missing or invalid ones
// get neutral defaults so that a partial or older graph still opens.
import { MultiDirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATIONS } from '../../src/types';
import { readAntecedents } from './antecedents';
import { servesArchive } from './archive';
import { graphVersion } from './updates';
import type { EntityType, Evidence, SourceInfo, VEdge, VGraph, VNode } from './types';

export type ViewerGraph = MultiDirectedGraph<VNode, VEdge, VGraph>;

type Json = Record<string, unknown>;

export class GraphDataError extends Error {}

export interface LoadedGraph {
  data: unknown;
  /** The server has the archive: every sentence and a full-text search (archive.ts). */
  archive: boolean;
  /** graph.json's version as the server named it (updates.ts); null when embedded or unnamed. */
  version: string | null;
  /** `serve --edit`: the server takes the curation file (with the page's token). */
  edit: boolean;
}

/** Where the graph comes from: the embedded block of a standalone export, else graph.json. */
export async function loadGraphJson(doc: Document = document): Promise<LoadedGraph> {
  const embedded = doc.getElementById('graph-data');
  if (embedded && embedded.textContent !== null && embedded.textContent.trim() !== '') {
    return { data: JSON.parse(embedded.textContent) as unknown, archive: false, version: null, edit: false };
  }
  const response = await fetch('graph.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new GraphDataError(`graph.json: HTTP ${response.status}`);
  return {
    data: (await response.json()) as unknown,
    archive: servesArchive(response.headers),
    version: graphVersion(response.headers),
    edit: response.headers.get('X-Newsgraph-Edit') === 'curation',
  };
}

/**
 * The graph for the viewer. The parsed objects are checked and completed in place and handed to
 * graphology as they are: copying every attribute and evidence item of a 50k-edge graph is work
 * the first frame does not need. Evidence lists are only checked to be arrays here; each item is
 * read with `readEvidence` when a panel shows it. Duplicate keys and edges with a missing end are
 * skipped.
 */
export function buildGraph(data: unknown): ViewerGraph {
  if (!isObject(data)) throw new GraphDataError('graph.json: expected an object');
  const nodes = data['nodes'];
  const edges = data['edges'];
  if (!Array.isArray(nodes) || !Array.isArray(edges)) {
    throw new GraphDataError('graph.json: expected "nodes" and "edges" arrays (graphology export)');
  }
  const graph: ViewerGraph = new MultiDirectedGraph<VNode, VEdge, VGraph>({ allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes(isObject(data['attributes']) ? data['attributes'] : {}));
  for (let i = 0; i < nodes.length; i++) {
    const raw: unknown = nodes[i];
    if (!isObject(raw) || typeof raw['key'] !== 'string') throw new GraphDataError(`graph.json: node ${i} has no key`);
    const key = raw['key'];
    if (graph.hasNode(key)) continue;
    graph.addNode(key, nodeAttributes(key, objectAt(raw, 'attributes'), i, nodes.length));
  }
  for (let i = 0; i < edges.length; i++) {
    const raw: unknown = edges[i];
    if (!isObject(raw)) continue;
    const source = raw['source'];
    const target = raw['target'];
    if (typeof source !== 'string' || typeof target !== 'string' || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    const attrs = edgeAttributes(objectAt(raw, 'attributes'));
    const key = typeof raw['key'] === 'string' ? raw['key'] : `${source}|${attrs.relation}|${target}#${i}`;
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, source, target, attrs);
  }
  return graph;
}

function graphAttributes(a: Json): VGraph {
  const sources = (Array.isArray(a['sources']) ? a['sources'].filter(isObject).map(sourceInfo) : []).filter(
    (s): s is SourceInfo => s !== null,
  );
  return {
    generator: str(a['generator'], 'newsgraph'),
    version: str(a['version'], ''),
    documentCount: num(a['documentCount'], sources.length),
    sources,
  };
}

function sourceInfo(s: Json): SourceInfo | null {
  const id = s['id'];
  if (typeof id !== 'string') return null;
  const info: SourceInfo = { id };
  if (typeof s['title'] === 'string') info.title = s['title'];
  if (typeof s['date'] === 'string') info.date = s['date'];
  if (typeof s['url'] === 'string') info.url = s['url'];
  return info;
}

const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

/** Checks and completes a node's attributes in place; extra attributes stay, unread. */
function nodeAttributes(key: string, a: Json, index: number, total: number): VNode {
  if (typeof a['label'] !== 'string') a['label'] = key;
  a['aliases'] = strings(a['aliases']);
  if (typeof a['entityType'] !== 'string' || !TYPES.has(a['entityType'])) a['entityType'] = 'other';
  a['roles'] = strings(a['roles']);
  fixNumber(a, 'mentions', 0);
  fixNumber(a, 'documents', 0);
  // A graph without layout still opens: nodes on a circle.
  if (!isFiniteNumber(a['x']) || !isFiniteNumber(a['y'])) {
    const angle = (2 * Math.PI * index) / Math.max(1, total);
    a['x'] = Math.cos(angle) * 100;
    a['y'] = Math.sin(angle) * 100;
  }
  fixNumber(a, 'size', 5);
  if (typeof a['color'] !== 'string') a['color'] = '#888888';
  if (a['wikidata'] !== undefined && typeof a['wikidata'] !== 'string') delete a['wikidata'];
  for (const key of ['country', 'region']) if (a[key] !== undefined && typeof a[key] !== 'string') delete a[key];
  if (a['community'] !== undefined && !Number.isSafeInteger(a['community'])) delete a['community'];
  return a as unknown as VNode;
}

/** Checks and completes an edge's attributes in place (evidence items: see readEvidence). */
function edgeAttributes(a: Json): VEdge {
  // Relations outside the vocabulary are kept (a newer graph); the viewer only displays them.
  if (typeof a['relation'] !== 'string') a['relation'] = typeof a['label'] === 'string' ? a['label'] : 'related';
  if (typeof a['label'] !== 'string') a['label'] = a['relation'];
  if (!Array.isArray(a['evidence'])) a['evidence'] = [];
  const evidenceCount = Math.max(1, (a['evidence'] as unknown[]).length);
  a['negated'] = a['negated'] === true;
  a['hypothetical'] = a['hypothetical'] === true;
  fixNumber(a, 'count', evidenceCount);
  fixNumber(a, 'weight', evidenceCount);
  if (typeof a['cameo'] !== 'string') a['cameo'] = '';
  fixNumber(a, 'goldstein', 0);
  if (typeof a['color'] !== 'string') a['color'] = '#999999';
  fixNumber(a, 'size', 1);
  if (a['firstSeen'] !== undefined && typeof a['firstSeen'] !== 'string') delete a['firstSeen'];
  if (a['lastSeen'] !== undefined && typeof a['lastSeen'] !== 'string') delete a['lastSeen'];
  return a as unknown as VEdge;
}

/** The evidence items of an edge that are objects, each with every field checked. */
export function readEvidence(items: readonly unknown[]): Evidence[] {
  return items.filter(isObject).map(evidenceOf);
}

function evidenceOf(e: Json): Evidence {
  const ev: { -readonly [K in keyof Evidence]: Evidence[K] } = {
    doc: str(e['doc'], ''),
    sentence: str(e['sentence'], ''),
    start: num(e['start'], 0),
    end: num(e['end'], 0),
    trigger: str(e['trigger'], ''),
    rule: str(e['rule'], ''),
  };
  if (typeof e['reportedBy'] === 'string') ev.reportedBy = e['reportedBy'];
  if (typeof e['date'] === 'string') ev.date = e['date'];
  const antecedents = readAntecedents(e['antecedents']);
  if (antecedents) ev.antecedents = antecedents;
  return ev;
}

export function isKnownRelation(relation: string): boolean {
  return (RELATIONS as readonly string[]).includes(relation);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function objectAt(o: Json, name: string): Json {
  const v = o[name];
  return isObject(v) ? v : {};
}
function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
function fixNumber(o: Json, name: string, fallback: number): void {
  if (!isFiniteNumber(o[name])) o[name] = fallback;
}
function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}
function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.every((x) => typeof x === 'string') ? (v as string[]) : v.filter((x): x is string => typeof x === 'string');
}
