// The layout stage: positions (ForceAtlas2), sizes, colours and communities for a built graph.
// Deterministic: positions start from a hash of each node key, Louvain gets a seeded PRNG, and every
// number written is rounded, so the same graph always gives byte-identical graph.json.
import type { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/contract';
import { computeCommunities, edgeWeight } from './communities';
import { cachedLayout, findComponents, packComponents, type LayoutCache } from './components';
import { resolveLayoutOptions, type LayoutOptions } from './options';
import { entityColor, goldsteinColor } from './palette';
import { roundTo } from './random';

export { DEFAULT_LAYOUT_OPTIONS, ITERATION_STEPS, iterationsFor, resolveLayoutOptions } from './options';
export type { LayoutOptions } from './options';
export { ENTITY_COLORS, GOLDSTEIN_STOPS, entityColor, goldsteinColor } from './palette';
export { computeCommunities } from './communities';
export { componentKey, findComponents, layoutComponent, packComponents, seedPosition, type Component, type LayoutCache, type Positions } from './components';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The view of the graph the layout reads, and writes positions on. */
type LayoutGraph = AbstractGraph<{ x: number; y: number }, { count?: unknown }>;

export function nodeSize(degree: number, options: LayoutOptions): number {
  const size = options.minNodeSize + options.nodeSizeScale * Math.sqrt(Math.max(0, degree));
  return roundTo(Math.min(options.maxNodeSize, size), options.precision);
}

export function edgeSize(count: number, options: LayoutOptions): number {
  const size = options.minEdgeSize + Math.log2(Math.max(1, count));
  return roundTo(Math.min(options.maxEdgeSize, size), options.precision);
}

/** What the layout did: how many connected components it laid out, and how many came from the cache. */
export interface LayoutSummary {
  components: number;
  cached: number;
}

function positionNodes(graph: LayoutGraph, options: LayoutOptions, cache: LayoutCache | undefined): LayoutSummary {
  // Each connected component is laid out alone (between components ForceAtlas2 only pushes them
  // apart), then they are packed around the largest. Nodes without a neighbour feel no attraction:
  // they skip ForceAtlas2 (in a news archive most entities are such nodes) and are placed around
  // the components afterwards.
  const { components, isolated } = findComponents(graph);
  const parts = components.map((component) => cachedLayout(component, options, cache));
  const centres = packComponents(parts.map((p) => p.positions));
  const connected: { x: number; y: number }[] = [];
  components.forEach((component, c) => {
    const positions = parts[c]?.positions ?? [];
    const centre = centres[c] ?? { x: 0, y: 0 };
    component.nodes.forEach((node, i) => {
      const at = {
        x: roundTo(centre.x + (positions[2 * i] ?? 0), options.precision),
        y: roundTo(centre.y + (positions[2 * i + 1] ?? 0), options.precision),
      };
      graph.mergeNodeAttributes(node, at);
      connected.push(at);
    });
  });
  if (isolated.length > 0) placeIsolated(graph, connected, isolated, options);
  return { components: components.length, cached: parts.filter((p) => p.cached).length };
}

/** The golden angle: successive points of a Vogel spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Isolated nodes start this far out, relative to the radius of the connected layout. */
const ISOLATED_GAP = 1.1;
/** Area per node where there is no connected layout to take the density from: seedPosition's own. */
const DEFAULT_NODE_AREA = 100;

/**
 * Isolated nodes (given in key order) on a Vogel spiral ring around the connected nodes (given by
 * their positions), at the same density: deterministic and independent of insertion order.
 */
function placeIsolated(graph: LayoutGraph, connected: readonly { x: number; y: number }[], isolated: readonly string[], options: LayoutOptions): void {
  let cx = 0;
  let cy = 0;
  for (const { x, y } of connected) {
    cx += x;
    cy += y;
  }
  if (connected.length > 0) {
    cx /= connected.length;
    cy /= connected.length;
  }
  let radius = 0;
  for (const { x, y } of connected) radius = Math.max(radius, Math.hypot(x - cx, y - cy));
  const area = connected.length >= 2 && radius > 0 ? Math.max(1, (Math.PI * radius * radius) / connected.length) : DEFAULT_NODE_AREA;
  const inner = radius > 0 ? radius * ISOLATED_GAP : 0;
  isolated.forEach((node, i) => {
    const r = Math.sqrt(inner * inner + ((i + 0.5) * area) / Math.PI);
    const angle = i * GOLDEN_ANGLE;
    graph.mergeNodeAttributes(node, { x: roundTo(cx + r * Math.cos(angle), options.precision), y: roundTo(cy + r * Math.sin(angle), options.precision) });
  });
}

/**
 * Sets x, y, size, color (and community, unless disabled) on every node and color, size on every
 * edge. Any previous values of these attributes are ignored and overwritten. With a cache, a
 * component laid out before (same nodes, edges, weights and options) takes its positions from it:
 * the same numbers as computing them again.
 */
export function layoutGraph(graph: NewsGraph, partial: Partial<LayoutOptions> = {}, cache?: LayoutCache): LayoutSummary {
  const options = resolveLayoutOptions(partial);

  const summary = positionNodes(graph as unknown as LayoutGraph, options, cache);

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
  return summary;
}
