// What sigma draws: a graph of the visible nodes and edges only, and the item states of every
// node and edge of the full graph.
//
// Why not the whole graph with hidden items: sigma 4 keeps a hidden item in its WebGL buffers and
// runs the vertex shaders of every item on every frame (twice: picking and colour). On the BBC
// graph 97% of the nodes are hidden by the first view, and drawing them was ~3/4 of each frame
// (software WebGL: 0.4 s a frame with 10,688 nodes in sigma, ~0.1 s with the ~300 drawn).
//
// So sigma is given a graph holding what the filters leave, rebuilt (in the full graph's order,
// whatever the order of the clicks) when that changes, and swapped in with `setGraph`, which keeps
// the states of the items that stay and draws at once. The swap waits for the end of the task
// (a microtask), so that a click that changes filters, selection and camera draws one frame, with
// all of it. The states the viewer sets (focus, fading, labels, colours) are recorded here for
// every item, drawn or not: an item that comes back gets its states again.
import { MultiDirectedGraph } from 'graphology';
import type { ViewerGraph } from './data';
import type { Renderer } from './renderer';
import type { EdgeUiState, NodeUiState, VEdge, VGraph, VNode } from './types';

/** The states the viewer sets (sigma owns hover). */
export type NodePatch = Partial<NodeUiState & { isHighlighted: boolean }>;
export type EdgePatch = Partial<EdgeUiState>;

/** A graph of the same kind as the full one, with its attributes (sigma styles read none). */
export function emptyLike(full: ViewerGraph): ViewerGraph {
  const g: ViewerGraph = new MultiDirectedGraph<VNode, VEdge, VGraph>({ allowSelfLoops: true });
  g.replaceAttributes(full.getAttributes());
  return g;
}

/** The layout's bounding box: sigma's own extent of the full graph, fixed whatever is drawn. */
export function extentOf(full: ViewerGraph): { x: [number, number]; y: [number, number] } | null {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  full.forEachNode((_n, a) => {
    if (a.x < minX) minX = a.x;
    if (a.x > maxX) maxX = a.x;
    if (a.y < minY) minY = a.y;
    if (a.y > maxY) maxY = a.y;
  });
  return full.order === 0 ? null : { x: [minX, maxX], y: [minY, maxY] };
}

export class Display {
  private readonly nodeStates = new Map<string, NodePatch>();
  private readonly edgeStates = new Map<string, EdgePatch>();
  /** What the next swap draws (null: no swap pending). */
  private pending: { nodes: readonly string[]; edges: readonly string[] } | null = null;

  constructor(
    private readonly full: ViewerGraph,
    private readonly renderer: Renderer,
  ) {}

  /** The graph sigma draws (once a pending swap is made). */
  get shown(): ViewerGraph {
    this.flush();
    return this.renderer.getGraph();
  }

  hasNode(node: string): boolean {
    return this.shown.hasNode(node);
  }

  hasEdge(edge: string): boolean {
    return this.shown.hasEdge(edge);
  }

  setNodeState(node: string, patch: NodePatch): void {
    this.setNodesState([node], patch);
  }

  setEdgeState(edge: string, patch: EdgePatch): void {
    this.setEdgesState([edge], patch);
  }

  /** Records the states of these nodes; sigma gets those of the drawn ones. */
  setNodesState(nodes: Iterable<string>, patch: NodePatch): void {
    const shown = this.renderer.getGraph();
    const drawn: string[] = [];
    for (const n of nodes) {
      record(this.nodeStates, n, patch);
      if (shown.hasNode(n)) drawn.push(n);
    }
    if (drawn.length > 0) this.renderer.setNodesState(drawn, patch);
  }

  setEdgesState(edges: Iterable<string>, patch: EdgePatch): void {
    const shown = this.renderer.getGraph();
    const drawn: string[] = [];
    for (const e of edges) {
      record(this.edgeStates, e, patch);
      if (shown.hasEdge(e)) drawn.push(e);
    }
    if (drawn.length > 0) this.renderer.setEdgesState(drawn, patch);
  }

  /**
   * Draws these nodes and edges (in this order: the graph's), from the end of the current task
   * (see flush). The lists are read then: the caller does not change them afterwards.
   */
  show(nodes: readonly string[], edges: readonly string[]): void {
    const queued = this.pending !== null;
    this.pending = { nodes, edges };
    if (!queued) queueMicrotask(() => this.flush());
  }

  /**
   * Makes the pending swap, if any: sigma renders at once (setGraph), with the recorded states of
   * the items that come in. Nothing is done when what is drawn does not change. Work in the
   * number of items drawn, not in the size of the graph.
   */
  flush(): void {
    if (this.pending === null) return;
    const { nodes, edges } = this.pending;
    this.pending = null;
    const current = this.renderer.getGraph();
    const same = nodes.length === current.order && edges.length === current.size;
    if (same && nodes.every((n) => current.hasNode(n)) && edges.every((e) => current.hasEdge(e))) return;

    const full = this.full;
    const next = emptyLike(full);
    const comingNodes: string[] = [];
    const comingEdges: string[] = [];
    for (const n of nodes) {
      next.addNode(n, full.getNodeAttributes(n));
      if (!current.hasNode(n)) comingNodes.push(n);
    }
    for (const e of edges) {
      next.addDirectedEdgeWithKey(e, full.source(e), full.target(e), full.getEdgeAttributes(e));
      if (!current.hasEdge(e)) comingEdges.push(e);
    }
    // sigma keeps the states of the keys the new graph has: those of the incoming items are set
    // first, so that the one render setGraph does draws them as they should be.
    for (const n of comingNodes) {
      const s = this.nodeStates.get(n);
      if (s !== undefined) this.renderer.setNodeState(n, s);
    }
    for (const e of comingEdges) {
      const s = this.edgeStates.get(e);
      if (s !== undefined) this.renderer.setEdgeState(e, s);
    }
    // sigma 4.0.4's setGraph re-indexes parallel edges on the graph the renderer was built with
    // (its EdgeGroupIndex keeps that graph): point the index at the new one first, or no edge has
    // a parallel and pairs are drawn over each other.
    const internals = this.renderer as unknown as { edgeGroups?: { graph: unknown } };
    if (internals.edgeGroups !== undefined) internals.edgeGroups.graph = next;
    this.renderer.setGraph(next);
  }
}

function record<T extends object>(states: Map<string, T>, key: string, patch: T): void {
  const s = states.get(key);
  states.set(key, s === undefined ? { ...patch } : Object.assign(s, patch));
}
