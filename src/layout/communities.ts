// Louvain communities on an undirected, simple, weighted projection of the news graph.
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { AbstractGraph } from 'graphology-types';
import { seededRandom } from './random';

interface ProjectionEdge {
  weight: number;
}

/** Positive finite weight of an edge: its `count`, else 1. */
export function edgeWeight(attributes: { count?: unknown }): number {
  const count = attributes.count;
  return typeof count === 'number' && Number.isFinite(count) && count > 0 ? count : 1;
}

/**
 * Community index of every node. Parallel and opposite edges are merged (weights summed) and
 * self-loops dropped, so direction and multiplicity do not split communities. Numbering is stable:
 * communities are ordered by the smallest node key they contain (code-unit order) and numbered 0, 1, …
 */
export function computeCommunities(
  graph: AbstractGraph<object, { count?: unknown }>,
  options: { seed: number; resolution: number },
): Map<string, number> {
  const keys: string[] = [];
  const linked: number[] = [];
  const lonely: number[] = [];
  graph.forEachNode((node) => {
    (graph.degree(node) > 0 ? linked : lonely).push(keys.length);
    keys.push(node);
  });
  lonely.sort((a, b) => compareKeys(keys[a] as string, keys[b] as string));
  const communities = communitiesByIndex(graph, { keys, linked, lonely }, options);
  return new Map(keys.map((key, i) => [key, communities[i] as number]));
}

/** The graph's nodes by index (in its iteration order), as the layout scans them. */
export interface IndexedNodes {
  readonly keys: readonly string[];
  /** The nodes with edges, in iteration order. */
  readonly linked: readonly number[];
  /** The nodes without edges, in key order. */
  readonly lonely: readonly number[];
}

/** computeCommunities, by node index. */
export function communitiesByIndex(
  graph: AbstractGraph<object, { count?: unknown }>,
  nodes: IndexedNodes,
  options: { seed: number; resolution: number },
): Int32Array {
  const { keys, linked, lonely } = nodes;
  // A node without edges is a community of its own; Louvain only gets the others (in a news
  // archive most entities have no edge, and they made up most of Louvain's time).
  const projection = new UndirectedGraph<Record<string, never>, ProjectionEdge>();
  for (const i of linked) projection.addNode(keys[i] as string);
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source === target) return;
    const weight = edgeWeight(attributes);
    projection.updateEdge(source, target, (current) => ({ weight: (current.weight ?? 0) + weight }));
  });

  const raw = louvain(projection, {
    getEdgeWeight: 'weight',
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  // Each Louvain community by its smallest key; merged with the lonely nodes (in key order
  // already) that gives the numbering.
  const smallestKey = new Map<number, string>();
  for (const i of linked) {
    const node = keys[i] as string;
    const community = raw[node];
    if (community === undefined) throw new Error(`louvain gave no community to node ${node}`);
    const current = smallestKey.get(community);
    if (current === undefined || node < current) smallestKey.set(community, node);
  }
  const order = [...smallestKey.entries()].sort(([, a], [, b]) => compareKeys(a, b));
  const renumber = new Map<number, number>();
  const result = new Int32Array(keys.length);
  let next = 0;
  let k = 0;
  for (const [community, key] of order) {
    for (; k < lonely.length && (keys[lonely[k] as number] as string) < key; k++) result[lonely[k] as number] = next++;
    renumber.set(community, next++);
  }
  for (; k < lonely.length; k++) result[lonely[k] as number] = next++;
  for (const i of linked) result[i] = renumber.get(raw[keys[i] as string] as number) as number;
  return result;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
