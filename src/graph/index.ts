// Graph: per-document results → one MultiDirectedGraph. A reduce keyed by entity id: the same
// actor from many articles becomes one node; facts with the same (source, relation, target,
// modality) become one edge that keeps every piece of evidence. Order is made canonical at the
// end (nodes by id, edges by key, evidence by document then offset), so output never depends on
// the order documents finished in.
import { MultiDirectedGraph } from 'graphology';
import type { DocumentResult, EntityRecord, EntityType, Evidence, Fact, Relation } from '../types';
import { documentMetadata, SYMMETRIC_RELATIONS } from '../types';
import { GOLDSTEIN, RELATION_CAMEO } from '../relations/frames';
import { VERSION } from '../version';
import { edgeKey, evidenceOrder, uniqueEvidence, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type SourceInfo } from './contract';
import { resolveGraphOptions, type GraphOptions } from './options';
import { filterGraph } from './filter';
import { PlaceVotes } from './containment';
import { nameMerges, type NameEntity } from './names';
import { edgeAntecedents } from './antecedents';
import { combineMerges, type CurationIndex } from './curation';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
export type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceInfo } from './contract';
export { edgeKey } from './contract';
export { DEFAULT_GRAPH_OPTIONS, resolveGraphOptions, type GraphOptions } from './options';
export { filterGraph } from './filter';

export const GENERATOR = 'newsgraph';
export const GENERATOR_VERSION: string = VERSION;

// One actor over every document. Built for the common case, an entity named in one document by
// one label: the sets and the map of other labels exist only once something goes in them.
interface EntityAccumulator {
  readonly entityType: EntityType;
  readonly firstLabel: string;
  /** How often firstLabel was seen; once a second label is seen, `labels` counts every label. */
  firstLabelCount: number;
  labels: Map<string, number> | undefined;
  aliases: Set<string> | undefined;
  roles: Set<string> | undefined;
  mentions: number;
  /** Documents that mention it, without consecutive repeats (see GraphAccumulator.docRepeated). */
  documents: string[];
  wikidata: string | undefined;
  group: boolean;
  /** Where it lies, per document (see ./containment): undefined until a document says. */
  places: PlaceVotes | undefined;
  /** A name from a gazetteer or alias file is authoritative. */
  readonly fixedLabel: string | undefined;
  /** bestLabel(), set by finish(). */
  best: string;
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

export function graphInput(result: Omit<DocumentResult, 'origin'>, counts: ReadonlyMap<string, number> = countMentions(result)): GraphInput {
  return {
    doc: result.doc,
    ...documentMetadata(result),
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
  /** Each document's facts, in input order (flattened only by finish()). */
  private readonly factLists: (readonly FactWithCameo[])[] = [];
  private readonly sources: SourceInfo[] = [];
  private readonly docOrder = new Map<string, number>();
  /** A document id added twice: documents lists may then repeat an id, so finish() counts distinct ones. */
  private docRepeated = false;
  private readonly options: GraphOptions;
  private mergedInto: ReadonlyMap<string, string> = new Map();
  /** An analyst's decisions (./curation): applied by finish(). */
  private curation: CurationIndex | undefined;

  constructor(private readonly knownLabels: ReadonlyMap<string, string> = new Map(), options: Partial<GraphOptions> = {}) {
    this.options = resolveGraphOptions(options);
  }

  /** Entity ids merged into another node by the last finish() ("putin" → "vladimir-putin"). */
  get merges(): ReadonlyMap<string, string> {
    return this.mergedInto;
  }

  /** Applies these curation decisions from the next finish() on (undefined: none). */
  setCuration(curation: CurationIndex | undefined): void {
    this.curation = curation?.active ? curation : undefined;
  }

  add(result: DocumentResult | GraphInput): void {
    const doc = result.doc;
    if (this.docOrder.has(doc)) this.docRepeated = true;
    this.docOrder.set(doc, this.sources.length);
    this.sources.push({ id: doc, ...documentMetadata(result) });
    // A stored input has the count of entities[i] at entityMentions[i] (ids within a document
    // share one count, see graphInput), so no map per document is needed.
    const entityMentions = 'entityMentions' in result ? result.entityMentions : undefined;
    const counts = 'entityMentions' in result ? undefined : countMentions(result);
    const entities = result.entities;
    for (let i = 0; i < entities.length; i++) {
      const e = entities[i] as EntityRecord;
      const mentions = (entityMentions ? entityMentions[i] : counts?.get(e.id)) ?? 0;
      let acc = this.entities.get(e.id);
      if (!acc) {
        // Every field from the start, so that every accumulator has one shape.
        acc = {
          entityType: e.entityType, firstLabel: e.label, firstLabelCount: 1, labels: undefined, aliases: undefined, roles: undefined,
          mentions: 0, documents: mentions > 0 ? [doc] : [], wikidata: undefined, group: false, places: undefined, fixedLabel: this.knownLabels.get(e.id), best: '',
        };
        this.entities.set(e.id, acc);
      } else if (acc.labels) {
        acc.labels.set(e.label, (acc.labels.get(e.label) ?? 0) + 1);
      } else if (e.label === acc.firstLabel) {
        acc.firstLabelCount++;
      } else {
        acc.labels = new Map([[acc.firstLabel, acc.firstLabelCount], [e.label, 1]]);
      }
      // Index loops: this runs once per build, mostly unoptimized, where for-of goes through an
      // iterator (1.5% more instructions for this stage).
      if (e.aliases.length) {
        const aliases = (acc.aliases ??= new Set());
        for (let j = 0; j < e.aliases.length; j++) aliases.add(e.aliases[j] as string);
      }
      if (e.roles.length) {
        const roles = (acc.roles ??= new Set());
        for (let j = 0; j < e.roles.length; j++) roles.add(e.roles[j] as string);
      }
      acc.mentions += mentions;
      if (mentions > 0 && acc.documents[acc.documents.length - 1] !== doc) acc.documents.push(doc);
      if (e.wikidata) acc.wikidata = e.wikidata;
      if (e.group) acc.group = true;
      if (e.country !== undefined || e.region !== undefined) (acc.places ??= new PlaceVotes()).add(e.country, e.region);
    }
    this.factLists.push(result.facts);
  }

  /** Entity ids that name the same actor as another node (see ./names): id → that node's id. */
  private nameMerges(): Map<string, string> {
    const entities: NameEntity[] = [];
    this.entities.forEach((acc, id) => {
      entities.push({
        id, entityType: acc.entityType, label: acc.best, aliases: [...labelsOf(acc), ...(acc.aliases ?? [])], mentions: acc.mentions,
        known: acc.fixedLabel !== undefined, ...(acc.wikidata ? { wikidata: acc.wikidata } : {}), documents: acc.documents,
      });
    });
    return nameMerges(entities);
  }

  /**
   * The graph of every input added so far. The accumulator is left as it was, so more inputs can
   * be added and finish() called again (a resident `watch` process folds only new documents).
   */
  finish(): NewsGraph {
    // A merge adds aliases, never labels, so each entity's best label is the same before and after.
    for (const acc of this.entities.values()) acc.best = bestLabel(acc);
    const curation = this.curation;
    const merges = curation ? combineMerges(this.nameMerges(), curation, (id) => this.entities.has(id)) : this.nameMerges();
    this.mergedInto = merges;
    const canonical = (id: string): string => merges.get(id) ?? id;
    /** Merge targets with what merged into them: copies, so the accumulators stay per entity id. */
    const merged = new Map<string, EntityAccumulator>();
    for (const [from, to] of merges) {
      const a = this.entities.get(from);
      const original = this.entities.get(to);
      if (!a || !original) continue;
      let b = merged.get(to);
      if (!b) {
        b = { ...original, aliases: new Set(original.aliases), roles: original.roles && new Set(original.roles) };
        merged.set(to, b);
      }
      const aliases = (b.aliases ??= new Set());
      for (const l of labelsOf(a)) aliases.add(l);
      for (const x of a.aliases ?? []) aliases.add(x);
      if (a.roles?.size) {
        const roles = (b.roles ??= new Set());
        for (const r of a.roles) roles.add(r);
      }
      if (a.places) b.places = (b.places ?? new PlaceVotes()).plus(a.places);
      b.mentions += a.mentions;
      b.documents = [...new Set([...b.documents, ...a.documents])];
    }
    const kept = (id: string): boolean => this.entities.has(id) && !merges.has(id) && curation?.deleted.has(id) !== true;

    // Edges first: a topic is kept only if an edge that survives --min-count touches it, and
    // knowing that before the nodes are added spares adding it and dropping it again.
    const grouped = new Map<string, { source: string; target: string; relation: Relation; negated: boolean; hypothetical: boolean; facts: FactWithCameo[] }>();
    for (const facts of this.factLists) {
      for (const f of facts) {
        let source = canonical(f.source);
        let target = canonical(f.target);
        if (source === target || !kept(source) || !kept(target)) continue;
        if (SYMMETRIC_RELATIONS.has(f.relation) && target < source) [source, target] = [target, source];
        const key = edgeKey(source, f.relation, target, f.negated, f.hypothetical);
        if (curation?.rejected.has(key) === true) continue;
        let g = grouped.get(key);
        if (!g) grouped.set(key, (g = { source, target, relation: f.relation, negated: f.negated, hypothetical: f.hypothetical, facts: [] }));
        g.facts.push(f);
      }
    }
    const edges: { key: string; source: string; target: string; attributes: EdgeAttributes }[] = [];
    const connected = new Set<string>();
    for (const key of [...grouped.keys()].sort()) {
      const g = grouped.get(key);
      if (!g) continue;
      const facts = g.facts.sort(evidenceOrder((f) => this.docOrder.get(f.doc) ?? 0));
      const evidence: Evidence[] = [];
      for (const f of uniqueEvidence(facts)) {
        // A symmetric edge may hold this fact's ends the other way round (see ./antecedents).
        const source = canonical(f.source);
        evidence.push({
          doc: f.doc, sentence: f.sentence, start: f.start, end: f.end, trigger: f.trigger, rule: f.rule,
          ...(f.reportedBy ? { reportedBy: canonical(f.reportedBy) } : {}),
          ...(f.date ? { date: f.date } : {}),
          ...antecedentsOf(f, source !== g.source),
        });
      }
      const confirmed = curation?.confirmed.has(key) === true;
      if (evidence.length < this.options.minCount && !confirmed) continue;
      const dates = evidence.map((e) => e.date).filter((d): d is string => d !== undefined).sort();
      const cameo = mostCommon(facts.map((f) => f.cameo ?? RELATION_CAMEO[f.relation]));
      connected.add(g.source).add(g.target);
      edges.push({
        key, source: g.source, target: g.target, attributes: {
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
          ...(confirmed ? { confirmed: true as const } : {}),
        },
      });
    }

    const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    // A copy of the sources: add() goes on appending to this accumulator's list.
    graph.replaceAttributes({ generator: GENERATOR, version: GENERATOR_VERSION, documentCount: this.sources.length, sources: this.sources.slice() });
    for (const id of [...this.entities.keys()].sort()) {
      if (merges.has(id) || curation?.deleted.has(id) === true) continue;
      const acc = merged.get(id) ?? this.entities.get(id);
      if (!acc) continue;
      const entityType = curation?.types.get(id) ?? acc.entityType;
      // A topic (ceasefire, deal) is a node only as the end of some act; a group of people always is.
      if (entityType === 'other' && !acc.group && !connected.has(id)) continue;
      const label = curation?.labels.get(id) ?? acc.best;
      // Key by key in graph.json's order, not with spreads of optional keys: V8 defines every key
      // after a spread through the runtime, a tenth of this stage's instructions.
      const attributes = {
        label,
        aliases: aliasesOf(acc, label),
        entityType,
        roles: acc.roles ? [...acc.roles].sort() : [],
        mentions: acc.mentions,
        documents: this.docRepeated ? new Set(acc.documents).size : acc.documents.length,
      } as NodeAttributes;
      if (acc.wikidata) attributes.wikidata = acc.wikidata;
      if (acc.group) attributes.group = true;
      if (acc.places) acc.places.decide(attributes);
      attributes.x = 0;
      attributes.y = 0;
      attributes.size = 1;
      attributes.color = '#999999';
      graph.addNode(id, attributes);
    }
    for (const e of edges) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, e.attributes);
    if (this.options.top > 0) filterGraph(graph, { top: this.options.top });
    return graph;
  }
}

/** The evidence field naming where a pronoun or description end is named, keyed by the edge's ends. */
function antecedentsOf(f: Fact, swapped: boolean): Pick<Evidence, 'antecedents'> {
  const antecedents = edgeAntecedents(f.antecedents, swapped);
  return antecedents ? { antecedents } : {};
}

function labelsOf(acc: EntityAccumulator): Iterable<string> {
  return acc.labels ? acc.labels.keys() : [acc.firstLabel];
}

/** Every surface form but the label, sorted. */
function aliasesOf(acc: EntityAccumulator, label: string): string[] {
  if (!acc.aliases && !acc.labels) return acc.firstLabel === label ? [] : [acc.firstLabel];
  const aliases = new Set(acc.aliases);
  for (const l of labelsOf(acc)) aliases.add(l);
  aliases.delete(label);
  return [...aliases].sort();
}

function bestLabel(acc: EntityAccumulator): string {
  if (acc.fixedLabel) return acc.fixedLabel;
  if (!acc.labels) return acc.firstLabel;
  // The longest name seen wins ("Vladimir Putin" over "Putin"), then the most frequent, then
  // alphabetical: a stable choice whatever the document order.
  let best = '';
  let bestWords = -1;
  let bestCount = -1;
  for (const [label, count] of acc.labels) {
    const words = label.split(/\s+/).length;
    if (words > bestWords || (words === bestWords && (count > bestCount || (count === bestCount && label < best)))) {
      best = label;
      bestWords = words;
      bestCount = count;
    }
  }
  return best;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '010';
}
