// Reads graph.json (graphology `graph.export()` of a MultiDirectedGraph) into a graphology graph,
// checking every field it relies on. Unknown extra attributes are ignored; missing optional ones
// get neutral defaults so that a partial or older graph still opens.
import { MultiDirectedGraph } from 'graphology';
import { ENTITY_TYPES, RELATIONS } from '../../src/types';
import type { EntityType, Evidence, SourceInfo, VEdge, VGraph, VNode } from './types';

export type ViewerGraph = MultiDirectedGraph<VNode, VEdge, VGraph>;

type Json = Record<string, unknown>;

export class GraphDataError extends Error {}

/** Where the graph comes from: the embedded block of a standalone export, else graph.json. */
export async function loadGraphJson(doc: Document = document): Promise<unknown> {
  const embedded = doc.getElementById('graph-data');
  if (embedded && embedded.textContent !== null && embedded.textContent.trim() !== '') {
    return JSON.parse(embedded.textContent) as unknown;
  }
  const response = await fetch('graph.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new GraphDataError(`graph.json: HTTP ${response.status}`);
  return (await response.json()) as unknown;
}

export function buildGraph(data: unknown): ViewerGraph {
  if (!isObject(data)) throw new GraphDataError('graph.json: expected an object');
  const nodes = data['nodes'];
  const edges = data['edges'];
  if (!Array.isArray(nodes) || !Array.isArray(edges)) {
    throw new GraphDataError('graph.json: expected "nodes" and "edges" arrays (graphology export)');
  }
  const graph: ViewerGraph = new MultiDirectedGraph<VNode, VEdge, VGraph>({ allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes(isObject(data['attributes']) ? data['attributes'] : {}));
  nodes.forEach((raw: unknown, i: number) => {
    if (!isObject(raw) || typeof raw['key'] !== 'string') throw new GraphDataError(`graph.json: node ${i} has no key`);
    const key = raw['key'];
    if (graph.hasNode(key)) return;
    graph.addNode(key, nodeAttributes(key, isObject(raw['attributes']) ? raw['attributes'] : {}, i, nodes.length));
  });
  edges.forEach((raw: unknown, i: number) => {
    if (!isObject(raw)) return;
    const source = raw['source'];
    const target = raw['target'];
    if (typeof source !== 'string' || typeof target !== 'string') return;
    if (!graph.hasNode(source) || !graph.hasNode(target)) return;
    const attrs = edgeAttributes(isObject(raw['attributes']) ? raw['attributes'] : {});
    const key = typeof raw['key'] === 'string' ? raw['key'] : `${source}|${attrs.relation}|${target}#${i}`;
    if (graph.hasEdge(key)) return;
    graph.addDirectedEdgeWithKey(key, source, target, attrs);
  });
  return graph;
}

function graphAttributes(a: Json): VGraph {
  const sources = Array.isArray(a['sources']) ? a['sources'].filter(isObject).map(sourceInfo) : [];
  return {
    generator: str(a['generator'], 'newsgraph'),
    version: str(a['version'], ''),
    documentCount: num(a['documentCount'], sources.length),
    sources: sources.filter((s): s is SourceInfo => s !== null),
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

function nodeAttributes(key: string, a: Json, index: number, total: number): VNode {
  const entityType = (ENTITY_TYPES as readonly string[]).includes(str(a['entityType'], ''))
    ? (a['entityType'] as EntityType)
    : 'other';
  // A graph without layout still opens: nodes on a circle.
  const angle = (2 * Math.PI * index) / Math.max(1, total);
  const node: VNode = {
    label: str(a['label'], key),
    aliases: strings(a['aliases']),
    entityType,
    roles: strings(a['roles']),
    mentions: num(a['mentions'], 0),
    documents: num(a['documents'], 0),
    x: num(a['x'], Math.cos(angle) * 100),
    y: num(a['y'], Math.sin(angle) * 100),
    size: num(a['size'], 5),
    color: str(a['color'], '#888888'),
  };
  if (typeof a['wikidata'] === 'string') node.wikidata = a['wikidata'];
  if (typeof a['community'] === 'number') node.community = a['community'];
  return node;
}

function edgeAttributes(a: Json): VEdge {
  const relationText = str(a['relation'], str(a['label'], 'related'));
  const evidence = Array.isArray(a['evidence']) ? a['evidence'].filter(isObject).map(evidenceOf) : [];
  const edge: VEdge = {
    // Relations outside the vocabulary are kept (a newer graph); the viewer only displays them.
    relation: relationText as VEdge['relation'],
    label: str(a['label'], relationText),
    negated: a['negated'] === true,
    hypothetical: a['hypothetical'] === true,
    count: num(a['count'], Math.max(1, evidence.length)),
    weight: num(a['weight'], Math.max(1, evidence.length)),
    evidence,
    cameo: str(a['cameo'], ''),
    goldstein: num(a['goldstein'], 0),
    color: str(a['color'], '#999999'),
    size: num(a['size'], 1),
  };
  if (typeof a['firstSeen'] === 'string') edge.firstSeen = a['firstSeen'];
  if (typeof a['lastSeen'] === 'string') edge.lastSeen = a['lastSeen'];
  return edge;
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
  return ev;
}

export function isKnownRelation(relation: string): boolean {
  return (RELATIONS as readonly string[]).includes(relation);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}
function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
