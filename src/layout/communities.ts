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
  // A node without edges is a community of its own; Louvain only gets the others (in a news
  // archive most entities have no edge, and they made up most of Louvain's time).
  const projection = new UndirectedGraph<Record<string, never>, ProjectionEdge>();
  graph.forEachNode((node) => {
    if (graph.degree(node) > 0) projection.addNode(node);
  });
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
  // A Map, not louvain's object: most nodes are added here, and an object with that many keys is slow.
  const communityOf = new Map<string, number>(Object.entries(raw));
  let next = Object.values(raw).reduce((max, c) => Math.max(max, c), -1) + 1;
  graph.forEachNode((node) => {
    if (!projection.hasNode(node)) communityOf.set(node, next++);
  });

  const smallestKey = new Map<number, string>();
  for (const [node, community] of communityOf) {
    const current = smallestKey.get(community);
    if (current === undefined || node < current) smallestKey.set(community, node);
  }
  const order = [...smallestKey.entries()].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const renumber = new Map<number, number>(order.map(([community], index) => [community, index]));

  const result = new Map<string, number>();
  graph.forEachNode((node) => {
    const community = communityOf.get(node);
    const index = community === undefined ? undefined : renumber.get(community);
    if (index === undefined) throw new Error(`louvain gave no community to node ${node}`);
    result.set(node, index);
  });
  return result;
}
