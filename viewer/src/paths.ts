// The path between two actors: the chain of visible edges, read in either direction, whose
// evidence is strongest. An edge costs 1/count, so a chain of well-attested edges beats a shorter
// chain of single sentences. Pure; the app highlights the answer.
import { MultiUndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/dijkstra';
import type { ViewerGraph } from './data';

export interface ActorPath {
  nodes: string[];
  /** The edge taken between nodes[i] and nodes[i + 1]: the best attested one. */
  edges: string[];
}

export function shortestPath(graph: ViewerGraph, from: string, to: string, hiddenEdges: ReadonlySet<string>): ActorPath | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const best = new Map<string, { edge: string; count: number }>();
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  const undirected = new MultiUndirectedGraph<Record<string, never>, { cost: number }>();
  graph.forEachEdge((edge, a, source, target) => {
    if (hiddenEdges.has(edge) || source === target) return;
    const key = pairKey(source, target);
    const seen = best.get(key);
    // Ties by key: the same path whatever the graph's order.
    if (seen !== undefined && (seen.count > a.count || (seen.count === a.count && seen.edge < edge))) return;
    best.set(key, { edge, count: a.count });
    undirected.mergeNode(source);
    undirected.mergeNode(target);
  });
  for (const [key, { count }] of [...best].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const [a, b] = key.split('\u0000') as [string, string];
    undirected.addUndirectedEdge(a, b, { cost: 1 / Math.max(1, count) });
  }
  if (!undirected.hasNode(from) || !undirected.hasNode(to)) return null;
  const nodes = bidirectional(undirected, from, to, 'cost');
  if (!Array.isArray(nodes) || nodes.length < 2) return null;
  const edges: string[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const hit = best.get(pairKey(nodes[i] as string, nodes[i + 1] as string));
    if (hit === undefined) return null;
    edges.push(hit.edge);
  }
  return { nodes, edges };
}
