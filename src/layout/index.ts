// The layout stage: positions (ForceAtlas2), sizes, colours and communities for a built graph.
// Deterministic: positions start from a hash of each node key, Louvain gets a seeded PRNG, and every
// number written is rounded, so the same graph always gives byte-identical graph.json.
import type { MultiDirectedGraph } from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/contract';
import { computeCommunities, edgeWeight } from './communities';
import { iterationsFor, resolveLayoutOptions, type LayoutOptions } from './options';
import { entityColor, goldsteinColor } from './palette';
import { hashString, roundTo } from './random';

export { DEFAULT_LAYOUT_OPTIONS, ITERATION_STEPS, iterationsFor, resolveLayoutOptions } from './options';
export type { LayoutOptions } from './options';
export { ENTITY_COLORS, GOLDSTEIN_STOPS, entityColor, goldsteinColor } from './palette';
export { computeCommunities } from './communities';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The ForceAtlas2 view of the graph: only what the layout reads and writes. */
type LayoutGraph = AbstractGraph<{ x: number; y: number }, { count?: unknown }>;

const UINT32 = 4294967296;

/** Initial position of a node: a point in a square of side ~√order, from hashes of its key. */
export function seedPosition(key: string, order: number, seed: number): { x: number; y: number } {
  const spread = 10 * Math.sqrt(Math.max(1, order));
  return {
    x: (hashString(key, seed) / UINT32 - 0.5) * spread,
    y: (hashString(key, seed ^ 0x5bd1e995) / UINT32 - 0.5) * spread,
  };
}

export function nodeSize(degree: number, options: LayoutOptions): number {
  const size = options.minNodeSize + options.nodeSizeScale * Math.sqrt(Math.max(0, degree));
  return roundTo(Math.min(options.maxNodeSize, size), options.precision);
}

export function edgeSize(count: number, options: LayoutOptions): number {
  const size = options.minEdgeSize + Math.log2(Math.max(1, count));
  return roundTo(Math.min(options.maxEdgeSize, size), options.precision);
}

function runForceAtlas2(graph: LayoutGraph, options: LayoutOptions): void {
  const order = graph.order;
  const seeds = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node) => {
    const position = seedPosition(node, order, options.seed);
    seeds.set(node, position);
    graph.mergeNodeAttributes(node, position);
  });
  if (order < 2) return;

  forceAtlas2.assign(graph, {
    iterations: iterationsFor(order, options),
    getEdgeWeight: (_edge, attributes) => edgeWeight(attributes),
    settings: {
      ...forceAtlas2.inferSettings(order),
      barnesHutOptimize: order > options.barnesHutThreshold,
      barnesHutTheta: options.barnesHutTheta,
    },
  });

  graph.updateEachNodeAttributes((node, attributes) => {
    const fallback = seeds.get(node) ?? { x: 0, y: 0 };
    const x = Number.isFinite(attributes.x) ? attributes.x : fallback.x;
    const y = Number.isFinite(attributes.y) ? attributes.y : fallback.y;
    return { ...attributes, x: roundTo(x, options.precision), y: roundTo(y, options.precision) };
  });
}

/**
 * Sets x, y, size, color (and community, unless disabled) on every node and color, size on every
 * edge. Any previous values of these attributes are ignored and overwritten.
 */
export function layoutGraph(graph: NewsGraph, partial: Partial<LayoutOptions> = {}): void {
  const options = resolveLayoutOptions(partial);

  runForceAtlas2(graph as unknown as LayoutGraph, options);

  const communities = options.communities ? computeCommunities(graph, options) : undefined;

  graph.forEachNode((node, attributes) => {
    graph.mergeNodeAttributes(node, {
      size: nodeSize(graph.degree(node), options),
      color: entityColor(attributes.entityType),
    });
    const community = communities?.get(node);
    if (community !== undefined) graph.setNodeAttribute(node, 'community', community);
  });

  graph.forEachEdge((edge, attributes) => {
    graph.mergeEdgeAttributes(edge, {
      color: goldsteinColor(attributes.goldstein),
      size: edgeSize(edgeWeight(attributes), options),
    });
  });
}
