// Keeping a big graph readable: only the N most connected entities (`--top N`). Edges between
// kept nodes stay; the order of ties is by id, so the choice does not depend on input order.
import type { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from './contract';

type Graph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Drops every node but the `top` with the highest degree (ties: smaller id first). */
export function filterGraph(graph: Graph, options: { top: number }): void {
  if (options.top <= 0 || graph.order <= options.top) return;
  const ranked = graph.mapNodes((node) => ({ node, degree: graph.degree(node) }));
  ranked.sort((a, b) => b.degree - a.degree || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  for (const { node } of ranked.slice(options.top)) graph.dropNode(node);
}
