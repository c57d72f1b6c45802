// Small news graphs for tests, with every contract attribute filled (src/graph/contract.ts).
import { MultiDirectedGraph } from 'graphology';
import { edgeKey, type EdgeAttributes, type GraphAttributes, type NodeAttributes } from '../../src/graph/contract';
import type { EntityType, Evidence, Relation } from '../../src/types';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface NodeSpec extends Partial<NodeAttributes> {
  key: string;
}

export interface EdgeSpec extends Partial<Omit<EdgeAttributes, 'evidence'>> {
  source: string;
  target: string;
  /** Evidence items; fields left out get defaults. One default item when absent. */
  evidence?: Partial<Evidence>[];
}

export interface GraphSpec {
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
  attributes?: Partial<GraphAttributes>;
}

export interface FixtureOptions {
  /** Also set x, y, size, color (nodes) and color, size (edges), as after the layout stage. */
  laidOut: boolean;
}

const LAYOUT_NODE_KEYS = ['x', 'y', 'size', 'color'] as const;
const LAYOUT_EDGE_KEYS = ['color', 'size'] as const;

function nodeAttributes(spec: NodeSpec, index: number, laidOut: boolean): NodeAttributes {
  const { key, ...given } = spec;
  const attributes: NodeAttributes = {
    label: key.charAt(0).toUpperCase() + key.slice(1),
    aliases: [],
    entityType: 'person' as EntityType,
    roles: [],
    mentions: 1,
    documents: 1,
    x: index * 10,
    y: index * 5 + 1,
    size: 5,
    color: '#4e79a7',
    ...given,
  };
  if (!laidOut) for (const k of LAYOUT_NODE_KEYS) if (!(k in given)) delete (attributes as Partial<NodeAttributes>)[k];
  return attributes;
}

function edgeAttributes(spec: EdgeSpec, laidOut: boolean): EdgeAttributes {
  const { source, target, evidence: evidenceSpecs, ...given } = spec;
  const relation: Relation = given.relation ?? 'met';
  const evidence: Evidence[] = (evidenceSpecs ?? [{}]).map((e, i) => {
    const sentence = e.sentence ?? `${source} ${relation} ${target}.`;
    return { doc: `doc${i + 1}`, sentence, start: 0, end: sentence.length, trigger: relation, rule: 'test', ...e };
  });
  const dates = evidence.map((e) => e.date).filter((d): d is string => d !== undefined).sort();
  const count = given.count ?? evidence.length;
  const attributes: EdgeAttributes = {
    relation,
    label: relation,
    negated: false,
    hypothetical: false,
    count,
    weight: count,
    evidence,
    ...(dates.length > 0 ? { firstSeen: dates[0], lastSeen: dates[dates.length - 1] } : {}),
    cameo: '040',
    goldstein: 1,
    color: '#9e9e9e',
    size: 1,
    ...given,
  };
  if (!laidOut) for (const k of LAYOUT_EDGE_KEYS) if (!(k in given)) delete (attributes as Partial<EdgeAttributes>)[k];
  return attributes;
}

export function makeGraph(spec: GraphSpec, options: Partial<FixtureOptions> = {}): NewsGraph {
  const laidOut = options.laidOut ?? true;
  const graph: NewsGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes({
    generator: 'newsgraph',
    version: '0.1.0',
    documentCount: 1,
    sources: [{ id: 'doc1', title: 'Test', date: '2024-01-01' }],
    ...spec.attributes,
  });
  spec.nodes.forEach((node, index) => graph.addNode(node.key, nodeAttributes(node, index, laidOut)));
  for (const edge of spec.edges ?? []) {
    const attributes = edgeAttributes(edge, laidOut);
    const key = edgeKey(edge.source, attributes.relation, edge.target, attributes.negated, attributes.hypothetical);
    graph.addEdgeWithKey(key, edge.source, edge.target, attributes);
  }
  return graph;
}

/** A small graph with every kind of attribute: types, aliases, roles, negation, dates, community. */
export function sampleGraph(options: Partial<FixtureOptions> = {}): NewsGraph {
  return makeGraph(
    {
      nodes: [
        { key: 'trump', label: 'Donald Trump', aliases: ['Trump'], roles: ['President of the United States'], mentions: 4, documents: 2, wikidata: 'Q22686', community: 0 },
        { key: 'putin', label: 'Vladimir Putin', aliases: ['Putin'], roles: ['President of Russia'], mentions: 3, documents: 2, community: 0 },
        { key: 'russia', label: 'Russia', entityType: 'country', community: 1 },
        { key: 'ukraine', label: 'Ukraine', entityType: 'country', community: 1 },
        { key: 'nato', label: 'NATO', entityType: 'organization', community: 1 },
      ],
      edges: [
        { source: 'trump', target: 'putin', relation: 'urged', cameo: '020', goldstein: 3, evidence: [{ sentence: 'Trump urged Putin to spare the troops.', date: '2024-03-01' }, { doc: 'doc2', sentence: 'Trump again urged Putin.', date: '2024-03-05' }] },
        { source: 'trump', target: 'putin', relation: 'met', cameo: '040', goldstein: 1 },
        { source: 'putin', target: 'ukraine', relation: 'attacked', cameo: '190', goldstein: -10, negated: true },
        { source: 'putin', target: 'russia', relation: 'leader_of', cameo: '', goldstein: 0 },
        { source: 'ukraine', target: 'nato', relation: 'member_of', hypothetical: true, goldstein: 0 },
      ],
      attributes: { documentCount: 2 },
    },
    options,
  );
}
