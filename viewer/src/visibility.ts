// What the filters leave on screen, and the counts the header and the filter panel show. Pure: reads
// the graph's attributes, returns sets and numbers; the app turns them into sigma `isHidden` states.
//
// Order of the rules: a node passes the type filter; an edge passes the edge filters and has both
// ends passing; a node with no such edge is isolated and hidden unless asked for; of the rest, only
// the `top` most connected (nodeRanking: a fixed order) stay; an edge stays when both its ends do.
import type { ViewerGraph } from './data';
import { DEFAULT_HIDDEN_RELATIONS, edgePasses, nodePasses, type FilterState } from './filters';
import type { VEdge, VNode } from './types';

/** A graph with more connected actors than this opens on its most connected part. */
export const AUTO_TOP_ABOVE = 400;
/** How many actors that part has, and how many "show more" adds. */
export const TOP_STEP = 300;

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  /** What is drawn, in the graph's order. */
  shownNodes: string[];
  shownEdges: string[];
  /** What is drawn, and what the graph has. */
  nodes: number;
  edges: number;
  totalNodes: number;
  totalEdges: number;
  /** Nodes hidden for having no visible edge (0 when isolated nodes are shown: see `isolated`). */
  isolatedHidden: number;
  /** Nodes with no visible edge, shown or not. */
  isolated: number;
  /** The top N in force (0: all), and how many nodes it left out. */
  top: number;
  topHidden: number;
  /** Per relation kind: edges the other filters leave (whether or not the kind itself is on). */
  relationCounts: Map<string, number>;
  /** Per entity type: nodes the other filters leave. */
  typeCounts: Map<string, number>;
}

/** The top N a filter state asks for: null means AUTO (TOP_STEP above AUTO_TOP_ABOVE candidates, else all). */
export function effectiveTop(top: number | null, candidates: number): number {
  if (top !== null) return top;
  return candidates > AUTO_TOP_ABOVE ? TOP_STEP : 0;
}

/** Nodes and edges an analyst removed in this session (deleted, merged away, rejected): never drawn. */
export interface Removed {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

const NONE: Removed = { nodes: new Set(), edges: new Set() };

/**
 * Nodes ranked once for the top N: evidence-weighted degree over the edges the default filters
 * show, then degree, then key. A fixed order keeps the top N steady while filters change (a
 * relation switched off hides its edges, it does not bring other actors in), so that a filter
 * click changes little of what is on screen.
 */
const rankings = new WeakMap<ViewerGraph, Map<string, number>>();

export function nodeRanking(graph: ViewerGraph): Map<string, number> {
  let rank = rankings.get(graph);
  if (rank !== undefined) return rank;
  const weighted = new Map<string, number>();
  const degree = new Map<string, number>();
  const off = new Set(DEFAULT_HIDDEN_RELATIONS);
  graph.forEachEdge((_e, a, source, target) => {
    if (off.has(a.relation) || source === target) return;
    for (const n of [source, target]) {
      weighted.set(n, (weighted.get(n) ?? 0) + a.count);
      degree.set(n, (degree.get(n) ?? 0) + 1);
    }
  });
  const nodes = graph.nodes();
  nodes.sort((x, y) => (weighted.get(y) ?? 0) - (weighted.get(x) ?? 0) || (degree.get(y) ?? 0) - (degree.get(x) ?? 0) || (x < y ? -1 : x > y ? 1 : 0));
  rank = new Map(nodes.map((n, i) => [n, i]));
  rankings.set(graph, rank);
  return rank;
}

/**
 * The graph as arrays, made once per graph: the viewer never adds or drops items (attribute
 * objects are shared, so their values are read as they are). A filter click walks every edge
 * twice: over arrays and integer indices instead of graphology's iterators and string-keyed maps,
 * and with the top N read off the fixed ranking instead of sorted each time (the 50k-edge bench
 * graph: ~60 ms of a click before).
 */
interface Walk {
  nodes: string[];
  nodeAttributes: VNode[];
  edges: string[];
  edgeAttributes: VEdge[];
  source: Int32Array;
  target: Int32Array;
  index: Map<string, number>;
  /** Node indices in nodeRanking's order. */
  byRank: Int32Array | null;
}
const walks = new WeakMap<ViewerGraph, Walk>();

function walkOf(graph: ViewerGraph): Walk {
  const cached = walks.get(graph);
  if (cached !== undefined && cached.nodes.length === graph.order && cached.edges.length === graph.size) return cached;
  const nodes: string[] = [];
  const nodeAttributes: VNode[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((node, a) => {
    index.set(node, nodes.length);
    nodes.push(node);
    nodeAttributes.push(a);
  });
  const edges: string[] = [];
  const edgeAttributes: VEdge[] = [];
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  graph.forEachEdge((edge, a, s, t) => {
    source[edges.length] = index.get(s) ?? 0;
    target[edges.length] = index.get(t) ?? 0;
    edges.push(edge);
    edgeAttributes.push(a);
  });
  const w: Walk = { nodes, nodeAttributes, edges, edgeAttributes, source, target, index, byRank: null };
  walks.set(graph, w);
  return w;
}

function byRankOf(graph: ViewerGraph, w: Walk): Int32Array {
  if (w.byRank !== null) return w.byRank;
  const rank = nodeRanking(graph);
  const order = new Int32Array(w.nodes.length);
  w.nodes.forEach((node, i) => {
    order[rank.get(node) ?? i] = i;
  });
  w.byRank = order;
  return order;
}

/**
 * `pinned`: actors the user asked for (the selection and its neighbourhood) are drawn even when
 * they are isolated or outside the top N; the type filter and curation still hide them.
 */
export function computeVisibility(graph: ViewerGraph, f: FilterState, removed: Removed = NONE, pinned: ReadonlySet<string> = new Set()): Visibility {
  const w = walkOf(graph);
  const n = w.nodes.length;
  // Edge filters ignoring the relation kind, so that each kind's count says what switching it on gives.
  const typeOk = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (nodePasses(w.nodeAttributes[i] as VNode, f) && !removed.nodes.has(w.nodes[i] as string)) typeOk[i] = 1;
  }
  const relationCounts = new Map<string, number>();
  const degree = new Int32Array(n);
  // Degree ignoring the type filter, for the per-type counts.
  const anyTypeDegree = new Int32Array(n);
  /** 1 where an edge passes the filters with both ends passing theirs. */
  const passing = new Uint8Array(w.edges.length);
  const relationOff = f.hiddenRelations;
  const noRelationFilter: FilterState = { ...f, hiddenRelations: new Set() };
  for (let i = 0; i < w.edges.length; i++) {
    const a = w.edgeAttributes[i] as VEdge;
    if (!edgePasses(a, noRelationFilter) || removed.edges.has(w.edges[i] as string)) continue;
    const source = w.source[i] as number;
    const target = w.target[i] as number;
    const endsOk = typeOk[source] === 1 && typeOk[target] === 1;
    if (endsOk) relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
    if (relationOff.has(a.relation)) continue;
    anyTypeDegree[source] = (anyTypeDegree[source] ?? 0) + 1;
    anyTypeDegree[target] = (anyTypeDegree[target] ?? 0) + 1;
    if (!endsOk) continue;
    passing[i] = 1;
    degree[source] = (degree[source] ?? 0) + 1;
    if (target !== source) degree[target] = (degree[target] ?? 0) + 1;
  }

  const hidden = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  let candidates = 0;
  let isolated = 0;
  let isolatedHidden = 0;
  const typeCounts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const a = w.nodeAttributes[i] as VNode;
    if ((anyTypeDegree[i] as number) > 0 || f.showIsolated) typeCounts.set(a.entityType, (typeCounts.get(a.entityType) ?? 0) + 1);
    if (typeOk[i] !== 1) {
      hidden[i] = 1;
      continue;
    }
    if (degree[i] === 0) {
      isolated++;
      if (!f.showIsolated && !pinned.has(w.nodes[i] as string)) {
        isolatedHidden++;
        hidden[i] = 1;
        continue;
      }
    }
    candidate[i] = 1;
    candidates++;
  }

  const top = effectiveTop(f.top, candidates);
  let topHidden = 0;
  if (top > 0 && candidates > top) {
    // The candidates in ranking order: the first `top` stay, the rest go (unless pinned).
    const kept: number[] = [];
    for (const i of byRankOf(graph, w)) {
      if (candidate[i] !== 1) continue;
      if (kept.length < top) kept.push(i);
      else if (!pinned.has(w.nodes[i] as string)) {
        hidden[i] = 1;
        topHidden++;
      }
    }
    // A kept node whose every neighbour fell outside the top would be drawn alone: it goes too.
    if (!f.showIsolated) {
      for (const i of kept) {
        const node = w.nodes[i] as string;
        // Stops at the first visible neighbour (hubs have thousands of edges).
        const linked = graph.someEdge(node, (e, a, source, target) => {
          if (!edgePasses(a, f) || removed.edges.has(e)) return false;
          const other = source === node ? target : source;
          return other !== node && hidden[w.index.get(other) ?? -1] === 0;
        });
        if (!linked && !pinned.has(node)) {
          hidden[i] = 1;
          topHidden++;
        }
      }
    }
  }

  const hiddenNodes = new Set<string>();
  const shownNodes: string[] = [];
  for (let i = 0; i < n; i++) {
    const node = w.nodes[i] as string;
    if (hidden[i] === 1) hiddenNodes.add(node);
    else shownNodes.push(node);
  }
  const hiddenEdges = new Set<string>();
  const shownEdges: string[] = [];
  for (let i = 0; i < w.edges.length; i++) {
    const edge = w.edges[i] as string;
    if (passing[i] === 1 && hidden[w.source[i] as number] === 0 && hidden[w.target[i] as number] === 0) shownEdges.push(edge);
    else hiddenEdges.add(edge);
  }
  return {
    hiddenNodes,
    hiddenEdges,
    shownNodes,
    shownEdges,
    nodes: shownNodes.length,
    edges: shownEdges.length,
    totalNodes: graph.order,
    totalEdges: graph.size,
    isolatedHidden,
    isolated,
    top,
    topHidden,
    relationCounts,
    typeCounts,
  };
}
