// The attributes of graph.json (graphology `graph.export()` of a MultiDirectedGraph).
// A contract: the viewer, the exporters, the scorer and users' scripts read these names.
import type { EntityType, Evidence, Relation } from '../types';

export interface NodeAttributes {
  label: string;
  /** Every surface form seen for this actor (label excluded), sorted. */
  aliases: string[];
  /** Never `type`: sigma reserves it for the node program. */
  entityType: EntityType;
  roles: string[];
  /** Number of mentions over all documents. */
  mentions: number;
  /** Number of documents that mention it. */
  documents: number;
  wikidata?: string;
  /** A group of people acting as one ("Muslims", "Afghans"); entityType 'other'. */
  group?: true;
  /** Id of the country it lies in (gazetteer, name or text; src/graph/containment.ts decides between documents). */
  country?: string;
  /** Id of the region (state, province) or city it lies in. */
  region?: string;
  /** Louvain community index, computed at build time. */
  community?: number;
  x: number;
  y: number;
  size: number;
  color: string;
}

export interface EdgeAttributes {
  relation: Relation;
  /** Same as relation; Gephi and sigma show `label`. */
  label: string;
  negated: boolean;
  hypothetical: boolean;
  /** Number of facts behind this edge. */
  count: number;
  /** Same as count, for Gephi. */
  weight: number;
  evidence: Evidence[];
  firstSeen?: string;
  lastSeen?: string;
  /** CAMEO event code and its Goldstein score (−10 conflict … +10 cooperation). */
  cameo: string;
  goldstein: number;
  color: string;
  size: number;
  /** An analyst confirmed it (a curation file, src/graph/curation.ts): kept whatever --min-count says. */
  confirmed?: true;
}

export interface SourceInfo {
  id: string;
  title?: string;
  date?: string;
  url?: string;
}

export interface GraphAttributes {
  generator: string;
  version: string;
  /** Number of input documents. */
  documentCount: number;
  /** Per-document metadata for evidence panels, in input order. */
  sources: SourceInfo[];
}

/** Edge key: one edge per (source, relation, target, negated, hypothetical). */
export function edgeKey(source: string, relation: Relation, target: string, negated: boolean, hypothetical: boolean): string {
  return `${source}|${relation}|${target}${negated ? '|negated' : ''}${hypothetical ? '|hypothetical' : ''}`;
}

/** What orders and identifies a piece of an edge's evidence. */
export interface EvidenceSort {
  readonly doc: string;
  readonly start: number;
  readonly trigger: string;
  readonly rule: string;
}

/**
 * The order of an edge's evidence list, wherever it is made (graph.json, /api/evidence, the Neo4j
 * stream): documents in store order (`rank`), then position in the text, then trigger. Ties keep
 * the order the facts were found in, which a stable sort gives.
 */
export function evidenceOrder<T extends EvidenceSort>(rank: (item: T) => number): (a: T, b: T) => number {
  // Triggers in code-unit order: localeCompare would follow the machine's locale (and cost an ICU
  // collator per process), so the same input could give other bytes on another machine.
  return (a, b) => rank(a) - rank(b) || a.start - b.start || (a.trigger < b.trigger ? -1 : a.trigger > b.trigger ? 1 : 0);
}

/**
 * evidenceOrder for facts read from the store (store order = `seq`, then `ord` within a document):
 * its ties fall back to store order, which is the order the graph stage's stable sort keeps.
 */
export function storedFactOrder<T extends EvidenceSort & { readonly seq: number; readonly ord: number }>(): (a: T, b: T) => number {
  const order = evidenceOrder<T>((r) => r.seq);
  return (a, b) => order(a, b) || a.seq - b.seq || a.ord - b.ord;
}

/** The sorted items without repeats: the same fact found twice (same place, trigger and rule) is evidence once. */
export function* uniqueEvidence<T extends EvidenceSort>(sorted: Iterable<T>): Generator<T> {
  const seen = new Set<string>();
  for (const item of sorted) {
    const id = `${item.doc}|${item.start}|${item.trigger}|${item.rule}`;
    if (seen.has(id)) continue;
    seen.add(id);
    yield item;
  }
}
