// The layout stage: positions (ForceAtlas2), sizes, colours and communities for a built graph.
// Deterministic: positions start from a hash of each node key, Louvain gets a seeded PRNG, and every
// number written is rounded, so the same graph always gives byte-identical graph.json.
import { MultiDirectedGraph } from 'graphology';
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
  // Nodes without edges feel no attraction: ForceAtlas2 would only push them about while paying
  // for their repulsion on every iteration (in a news archive most entities are such nodes, and
  // they made the layout ~10× slower). Only connected nodes go through ForceAtlas2; the others are
  // placed around them afterwards. A graph without isolated nodes is laid out exactly as before.
  const connected: string[] = [];
  const isolated: string[] = [];
  graph.forEachNode((node) => (graph.degree(node) > 0 ? connected : isolated).push(node));

  const forces = isolated.length === 0 ? graph : connectedSubgraph(graph, connected);
  const order = forces.order;
  const seeds = new Map<string, { x: number; y: number }>();
  forces.forEachNode((node) => {
    const position = seedPosition(node, order, options.seed);
    seeds.set(node, position);
    forces.mergeNodeAttributes(node, position);
  });

  if (order >= 2) {
    forceAtlas2.assign(forces, {
      iterations: iterationsFor(order, options),
      getEdgeWeight: (_edge, attributes) => edgeWeight(attributes),
      settings: {
        ...forceAtlas2.inferSettings(order),
        barnesHutOptimize: order > options.barnesHutThreshold,
        barnesHutTheta: options.barnesHutTheta,
      },
    });
  }

  forces.forEachNode((node, attributes) => {
    const fallback = seeds.get(node) ?? { x: 0, y: 0 };
    const x = Number.isFinite(attributes.x) ? attributes.x : fallback.x;
    const y = Number.isFinite(attributes.y) ? attributes.y : fallback.y;
    graph.mergeNodeAttributes(node, { x: roundTo(x, options.precision), y: roundTo(y, options.precision) });
  });
  if (isolated.length > 0) placeIsolated(graph, connected, isolated, options);
}

/** The connected nodes and every edge, in the graph's own order, as a throwaway graph for ForceAtlas2. */
function connectedSubgraph(graph: LayoutGraph, connected: readonly string[]): LayoutGraph {
  const sub = new MultiDirectedGraph<{ x: number; y: number }, { count?: unknown }>();
  for (const node of connected) sub.addNode(node, { x: 0, y: 0 });
  graph.forEachEdge((edge, attributes, source, target) => {
    sub.addDirectedEdgeWithKey(edge, source, target, { count: attributes.count });
  });
  return sub as unknown as LayoutGraph;
}

/** The golden angle: successive points of a Vogel spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Isolated nodes start this far out, relative to the radius of the connected layout. */
const ISOLATED_GAP = 1.1;
/** Area per node where there is no connected layout to take the density from: seedPosition's own. */
const DEFAULT_NODE_AREA = 100;

/**
 * Isolated nodes on a Vogel spiral ring around the connected layout, at the same density as the
 * connected nodes, in key order: deterministic and independent of insertion order.
 */
function placeIsolated(graph: LayoutGraph, connected: readonly string[], isolated: readonly string[], options: LayoutOptions): void {
  let cx = 0;
  let cy = 0;
  for (const node of connected) {
    cx += graph.getNodeAttribute(node, 'x');
    cy += graph.getNodeAttribute(node, 'y');
  }
  if (connected.length > 0) {
    cx /= connected.length;
    cy /= connected.length;
  }
  let radius = 0;
  for (const node of connected) radius = Math.max(radius, Math.hypot(graph.getNodeAttribute(node, 'x') - cx, graph.getNodeAttribute(node, 'y') - cy));
  const area = connected.length >= 2 && radius > 0 ? Math.max(1, (Math.PI * radius * radius) / connected.length) : DEFAULT_NODE_AREA;
  const inner = radius > 0 ? radius * ISOLATED_GAP : 0;
  [...isolated].sort().forEach((node, i) => {
    const r = Math.sqrt(inner * inner + ((i + 0.5) * area) / Math.PI);
    const angle = i * GOLDEN_ANGLE;
    graph.mergeNodeAttributes(node, { x: roundTo(cx + r * Math.cos(angle), options.precision), y: roundTo(cy + r * Math.sin(angle), options.precision) });
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
