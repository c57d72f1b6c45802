// Graph: per-document results → one MultiDirectedGraph. A reduce keyed by entity id: the same
// actor from many articles becomes one node; facts with the same (source, relation, target,
// modality) become one edge that keeps every piece of evidence. Order is made canonical at the
// end (nodes by id, edges by key, evidence by document then offset), so output never depends on
// the order documents finished in.
import { MultiDirectedGraph } from 'graphology';
import type { DocumentResult, EntityRecord, EntityType, Evidence, Fact, Relation } from '../types';
import { SYMMETRIC_RELATIONS } from '../types';
import { GOLDSTEIN, RELATION_CAMEO } from '../relations/frames';
import { VERSION } from '../version';
import { edgeKey, evidenceOrder, uniqueEvidence, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type SourceInfo } from './contract';
import { resolveGraphOptions, type GraphOptions } from './options';
import { filterGraph } from './filter';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
export type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceInfo } from './contract';
export { edgeKey } from './contract';
export { DEFAULT_GRAPH_OPTIONS, resolveGraphOptions, type GraphOptions } from './options';
export { filterGraph } from './filter';

export const GENERATOR = 'newsgraph';
export const GENERATOR_VERSION: string = VERSION;

interface EntityAccumulator {
  labels: Map<string, number>;
  entityType: EntityType;
  aliases: Set<string>;
  roles: Set<string>;
  mentions: number;
  documents: Set<string>;
  wikidata?: string;
  group?: true;
  /** A name from a gazetteer or alias file is authoritative. */
  fixedLabel?: string;
}

interface FactWithCameo extends Fact {
  readonly cameo?: string;
}

/**
 * What the graph takes from one document: its result with the list of mentions reduced to a count
 * per entity. The store keeps it beside the result (so a change here needs a new store schema), so
 * that deriving the graph from every stored document does not read and parse every mention.
 */
export interface GraphInput {
  readonly doc: string;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  readonly entities: readonly EntityRecord[];
  /** How many mentions of entities[i] the document has. */
  readonly entityMentions: readonly number[];
  readonly facts: readonly Fact[];
}

export function graphInput(result: Omit<DocumentResult, 'origin'>): GraphInput {
  const counts = countMentions(result);
  return {
    doc: result.doc,
    ...(result.title ? { title: result.title } : {}),
    ...(result.date ? { date: result.date } : {}),
    ...(result.url ? { url: result.url } : {}),
    entities: result.entities,
    entityMentions: result.entities.map((e) => counts.get(e.id) ?? 0),
    facts: result.facts,
  };
}

function countMentions(result: Pick<DocumentResult, 'mentions'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of result.mentions) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return counts;
}

export class GraphAccumulator {
  private readonly entities = new Map<string, EntityAccumulator>();
  private readonly facts: FactWithCameo[] = [];
  private readonly sources: SourceInfo[] = [];
  private readonly docOrder = new Map<string, number>();
  private readonly options: GraphOptions;
  private mergedInto: ReadonlyMap<string, string> = new Map();

  constructor(private readonly knownLabels: ReadonlyMap<string, string> = new Map(), options: Partial<GraphOptions> = {}) {
    this.options = resolveGraphOptions(options);
  }

  /** Entity ids merged into another node by the last finish() ("putin" → "vladimir-putin"). */
  get merges(): ReadonlyMap<string, string> {
    return this.mergedInto;
  }

  add(result: DocumentResult | GraphInput): void {
    this.docOrder.set(result.doc, this.sources.length);
    this.sources.push({
      id: result.doc,
      ...(result.title ? { title: result.title } : {}),
      ...(result.date ? { date: result.date } : {}),
      ...(result.url ? { url: result.url } : {}),
    });
    const mentionCount = 'entityMentions' in result
      ? new Map(result.entities.map((e, i) => [e.id, result.entityMentions[i] ?? 0]))
      : countMentions(result);
    for (const e of result.entities) {
      let acc = this.entities.get(e.id);
      if (!acc) {
        acc = { labels: new Map(), entityType: e.entityType, aliases: new Set(), roles: new Set(), mentions: 0, documents: new Set() };
        this.entities.set(e.id, acc);
      }
      const fixed = this.knownLabels.get(e.id);
      if (fixed) acc.fixedLabel = fixed;
      acc.labels.set(e.label, (acc.labels.get(e.label) ?? 0) + 1);
      for (const a of e.aliases) acc.aliases.add(a);
      for (const r of e.roles) acc.roles.add(r);
      acc.mentions += mentionCount.get(e.id) ?? 0;
      if ((mentionCount.get(e.id) ?? 0) > 0) acc.documents.add(result.doc);
      if (e.wikidata) acc.wikidata = e.wikidata;
      if (e.group) acc.group = true;
    }
    for (const f of result.facts) this.facts.push(f);
  }

  /** Person ids known only by a surname ("putin") that one full name ("vladimir-putin") ends in. */
  private surnameMerges(): Map<string, string> {
    const full = new Map<string, string[]>();
    for (const [id, acc] of this.entities) {
      if (acc.entityType !== 'person') continue;
      const label = bestLabel(acc);
      const parts = label.split(/\s+/);
      if (parts.length < 2) continue;
      const last = (parts[parts.length - 1] ?? '').toLowerCase();
      full.set(last, [...(full.get(last) ?? []), id]);
    }
    const merges = new Map<string, string>();
    for (const [id, acc] of this.entities) {
      if (acc.entityType !== 'person') continue;
      const label = bestLabel(acc);
      if (label.split(/\s+/).length !== 1) continue;
      const candidates = full.get(label.toLowerCase()) ?? [];
      const [only] = candidates;
      if (candidates.length === 1 && only && only !== id) merges.set(id, only);
    }
    return merges;
  }

  finish(): NewsGraph {
    const merges = this.surnameMerges();
    this.mergedInto = merges;
    const canonical = (id: string): string => merges.get(id) ?? id;
    for (const [from, to] of merges) {
      const a = this.entities.get(from);
      const b = this.entities.get(to);
      if (!a || !b) continue;
      for (const [l, n] of a.labels) b.aliases.add(l), void n;
      for (const x of a.aliases) b.aliases.add(x);
      for (const r of a.roles) b.roles.add(r);
      b.mentions += a.mentions;
      for (const d of a.documents) b.documents.add(d);
      this.entities.delete(from);
    }

    const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.replaceAttributes({ generator: GENERATOR, version: GENERATOR_VERSION, documentCount: this.sources.length, sources: this.sources });
    for (const id of [...this.entities.keys()].sort()) {
      const acc = this.entities.get(id);
      if (!acc) continue;
      const label = bestLabel(acc);
      const aliases = new Set([...acc.aliases, ...acc.labels.keys()]);
      aliases.delete(label);
      graph.addNode(id, {
        label,
        aliases: [...aliases].sort(),
        entityType: acc.entityType,
        roles: [...acc.roles].sort(),
        mentions: acc.mentions,
        documents: acc.documents.size,
        ...(acc.wikidata ? { wikidata: acc.wikidata } : {}),
        ...(acc.group ? { group: true as const } : {}),
        x: 0, y: 0, size: 1, color: '#999999',
      });
    }

    const grouped = new Map<string, { source: string; target: string; relation: Relation; negated: boolean; hypothetical: boolean; facts: FactWithCameo[] }>();
    for (const f of this.facts) {
      let source = canonical(f.source);
      let target = canonical(f.target);
      if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
      if (SYMMETRIC_RELATIONS.has(f.relation) && target < source) [source, target] = [target, source];
      const key = edgeKey(source, f.relation, target, f.negated, f.hypothetical);
      let g = grouped.get(key);
      if (!g) grouped.set(key, (g = { source, target, relation: f.relation, negated: f.negated, hypothetical: f.hypothetical, facts: [] }));
      g.facts.push(f);
    }
    for (const key of [...grouped.keys()].sort()) {
      const g = grouped.get(key);
      if (!g) continue;
      const facts = [...g.facts].sort(evidenceOrder((f) => this.docOrder.get(f.doc) ?? 0));
      const evidence: Evidence[] = [];
      for (const f of uniqueEvidence(facts)) {
        evidence.push({
          doc: f.doc, sentence: f.sentence, start: f.start, end: f.end, trigger: f.trigger, rule: f.rule,
          ...(f.reportedBy ? { reportedBy: canonical(f.reportedBy) } : {}),
          ...(f.date ? { date: f.date } : {}),
        });
      }
      if (evidence.length < this.options.minCount) continue;
      const dates = evidence.map((e) => e.date).filter((d): d is string => d !== undefined).sort();
      const cameo = mostCommon(facts.map((f) => f.cameo ?? RELATION_CAMEO[f.relation]));
      graph.addDirectedEdgeWithKey(key, g.source, g.target, {
        relation: g.relation,
        label: g.relation,
        negated: g.negated,
        hypothetical: g.hypothetical,
        count: evidence.length,
        weight: evidence.length,
        evidence: this.options.evidence > 0 ? evidence.slice(0, this.options.evidence) : evidence,
        ...(dates.length ? { firstSeen: dates[0] as string, lastSeen: dates[dates.length - 1] as string } : {}),
        cameo,
        goldstein: GOLDSTEIN[cameo] ?? 0,
        color: '#999999',
        size: 1,
      });
    }
    // A topic (ceasefire, deal) is a node only as the target of some act; a group of people always is.
    graph.forEachNode((id, attrs) => {
      if (attrs.entityType === 'other' && !attrs.group && graph.degree(id) === 0) graph.dropNode(id);
    });
    if (this.options.top > 0) filterGraph(graph, { top: this.options.top });
    return graph;
  }
}

function bestLabel(acc: EntityAccumulator): string {
  if (acc.fixedLabel) return acc.fixedLabel;
  // The longest name seen wins ("Vladimir Putin" over "Putin"), then the most frequent, then
  // alphabetical: a stable choice whatever the document order.
  return [...acc.labels.entries()].sort((a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '010';
}
