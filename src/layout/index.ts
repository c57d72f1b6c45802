// The layout stage: positions (ForceAtlas2), sizes, colours and communities for a built graph.
// Deterministic: positions start from a hash of each node key, Louvain gets a seeded PRNG, and every
// number written is rounded, so the same graph always gives byte-identical graph.json.
import type { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../graph/contract';
import { communitiesByIndex, edgeWeight } from './communities';
import { cachedLayout, packComponents, scanGraph, type GraphScan, type LayoutCache } from './components';
import { resolveLayoutOptions, type LayoutOptions } from './options';
import { entityColor, goldsteinColor } from './palette';
import { roundTo } from './random';
import { pixelRadius, removeOverlaps } from './noverlap';

export { DEFAULT_LAYOUT_OPTIONS, ITERATION_STEPS, iterationsFor, resolveLayoutOptions } from './options';
export type { LayoutOptions } from './options';
export { ENTITY_COLORS, GOLDSTEIN_STOPS, entityColor, goldsteinColor } from './palette';
export { computeCommunities } from './communities';
export { componentKey, findComponents, layoutComponent, packComponents, seedPosition, type Component, type LayoutCache, type Positions } from './components';

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

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

/** Positions by node index (see GraphScan). */
interface Placement {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly summary: LayoutSummary;
}

function positionNodes(scan: GraphScan, options: LayoutOptions, cache: LayoutCache | undefined): Placement {
  // Each connected component is laid out alone (between components ForceAtlas2 only pushes them
  // apart), then they are packed around the largest. Nodes without a neighbour feel no attraction:
  // they skip ForceAtlas2 (in a news archive most entities are such nodes) and are placed around
  // the components afterwards.
  const { components, members } = scan;
  const x = new Float64Array(scan.keys.length);
  const y = new Float64Array(scan.keys.length);
  const parts = components.map((component) => cachedLayout(component, options, cache));
  const centres = packComponents(parts.map((p) => p.positions));
  components.forEach((component, c) => {
    const positions = parts[c]?.positions ?? [];
    const centre = centres[c] ?? { x: 0, y: 0 };
    const nodes = members[c] ?? [];
    for (let i = 0; i < component.nodes.length; i++) {
      const node = nodes[i] as number;
      x[node] = roundTo(centre.x + (positions[2 * i] ?? 0), options.precision);
      y[node] = roundTo(centre.y + (positions[2 * i + 1] ?? 0), options.precision);
    }
  });
  separateNodes(scan, x, y, options);
  if (scan.isolated.length > 0) placeIsolated(scan, x, y, options);
  return { x, y, summary: { components: components.length, cached: parts.filter((p) => p.cached).length } };
}

/** Noverlap on the connected nodes, at the sizes the viewer draws them (see ./noverlap). */
function separateNodes(scan: GraphScan, x: Float64Array, y: Float64Array, options: LayoutOptions): void {
  const nodes = scan.members.flat();
  if (nodes.length < 2) return;
  let minSize = Infinity;
  let maxSize = -Infinity;
  for (let i = 0; i < scan.keys.length; i++) {
    const s = nodeSize(scan.degree[i] as number, options);
    if (s < minSize) minSize = s;
    if (s > maxSize) maxSize = s;
  }
  removeOverlaps(nodes, x, y, (i) => pixelRadius(nodeSize(scan.degree[i] as number, options), minSize, maxSize));
  for (const i of nodes) {
    x[i] = roundTo(x[i] as number, options.precision);
    y[i] = roundTo(y[i] as number, options.precision);
  }
}

/** The golden angle: successive points of a Vogel spiral never line up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
/** Isolated nodes start this far out, relative to the radius of the connected layout. */
const ISOLATED_GAP = 1.1;
/** Area per node where there is no connected layout to take the density from: seedPosition's own. */
const DEFAULT_NODE_AREA = 100;

/**
 * Isolated nodes (in key order) on a Vogel spiral ring around the connected nodes (already placed),
 * at the same density: deterministic and independent of insertion order.
 */
function placeIsolated(scan: GraphScan, x: Float64Array, y: Float64Array, options: LayoutOptions): void {
  // Sums in component order, node order: the same rounding whatever the graph's insertion order.
  let count = 0;
  let cx = 0;
  let cy = 0;
  for (const nodes of scan.members) {
    for (const node of nodes) {
      cx += x[node] as number;
      cy += y[node] as number;
    }
    count += nodes.length;
  }
  if (count > 0) {
    cx /= count;
    cy /= count;
  }
  let radius = 0;
  for (const nodes of scan.members) for (const node of nodes) radius = Math.max(radius, Math.hypot((x[node] as number) - cx, (y[node] as number) - cy));
  const area = count >= 2 && radius > 0 ? Math.max(1, (Math.PI * radius * radius) / count) : DEFAULT_NODE_AREA;
  const inner = radius > 0 ? radius * ISOLATED_GAP : 0;
  for (let i = 0; i < scan.isolated.length; i++) {
    const node = scan.isolated[i] as number;
    const r = Math.sqrt(inner * inner + ((i + 0.5) * area) / Math.PI);
    const angle = i * GOLDEN_ANGLE;
    x[node] = roundTo(cx + r * Math.cos(angle), options.precision);
    y[node] = roundTo(cy + r * Math.sin(angle), options.precision);
  }
}

/**
 * Sets x, y, size, color (and community, unless disabled) on every node and color, size on every
 * edge. Any previous values of these attributes are ignored and overwritten. With a cache, a
 * component laid out before (same nodes, edges, weights and options) takes its positions from it:
 * the same numbers as computing them again.
 *
 * The attributes are written in place, in that order, by one updateEachNodeAttributes and one
 * updateEachEdgeAttributes (listeners get one eachNodeAttributesUpdated and one
 * eachEdgeAttributesUpdated event): an attribute the graph lacked is appended in that order, as
 * graph.json shows it.
 */
export function layoutGraph(graph: NewsGraph, partial: Partial<LayoutOptions> = {}, cache?: LayoutCache): LayoutSummary {
  const options = resolveLayoutOptions(partial);

  const scan = scanGraph(graph);
  const { keys, degree } = scan;
  const { x, y, summary } = positionNodes(scan, options, cache);
  const communities = options.communities ? communitiesByIndex(graph, scan, options) : undefined;

  // Most nodes share a handful of degrees, and edges a handful of Goldstein scores.
  const sizes = new Map<number, number>();
  let i = 0;
  graph.updateEachNodeAttributes((node, attributes) => {
    // Iteration order is the scan's; a graph changed in between would get wrong values.
    if (node !== keys[i]) throw new Error(`the graph changed during layout (node ${node})`);
    const d = degree[i] as number;
    let size = sizes.get(d);
    if (size === undefined) sizes.set(d, (size = nodeSize(d, options)));
    attributes.x = x[i] as number;
    attributes.y = y[i] as number;
    attributes.size = size;
    attributes.color = entityColor(attributes.entityType);
    if (communities) attributes.community = communities[i] as number;
    i++;
    return attributes;
  }, { attributes: options.communities ? ['x', 'y', 'size', 'color', 'community'] : ['x', 'y', 'size', 'color'] });

  const colors = new Map<number, string>();
  graph.updateEachEdgeAttributes((_edge, attributes) => {
    let color = colors.get(attributes.goldstein);
    if (color === undefined) colors.set(attributes.goldstein, (color = goldsteinColor(attributes.goldstein)));
    attributes.color = color;
    attributes.size = edgeSize(edgeWeight(attributes), options);
    return attributes;
  }, { attributes: ['color', 'size'] });
  return summary;
}
