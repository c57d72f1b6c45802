// What the filters leave on screen, and the counts the header and the filter panel show. Pure: reads
// the graph's attributes, returns sets and numbers; the app turns them into sigma `isHidden` states.
//
// Order of the rules: a node passes the type filter; an edge passes the edge filters and has both
// ends passing; a node with no such edge is isolated and hidden unless asked for; of the rest, only
// the `top` most connected (nodeRanking: a fixed order) stay; an edge stays when both its ends do.
import type { ViewerGraph } from './data';
import { DEFAULT_HIDDEN_RELATIONS, edgePasses, nodePasses, type FilterState } from './filters';

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
 * `pinned`: actors the user asked for (the selection and its neighbourhood) are drawn even when
 * they are isolated or outside the top N; the type filter and curation still hide them.
 */
export function computeVisibility(graph: ViewerGraph, f: FilterState, removed: Removed = NONE, pinned: ReadonlySet<string> = new Set()): Visibility {
  // Edge filters ignoring the relation kind, so that each kind's count says what switching it on gives.
  const typeOk = new Map<string, boolean>();
  graph.forEachNode((node, a) => typeOk.set(node, nodePasses(a, f) && !removed.nodes.has(node)));
  const relationCounts = new Map<string, number>();
  const degree = new Map<string, number>();
  // Degree ignoring the type filter, for the per-type counts.
  const anyTypeDegree = new Map<string, number>();
  const passing: string[] = [];
  const relationOff = f.hiddenRelations;
  const noRelationFilter: FilterState = { ...f, hiddenRelations: new Set() };
  graph.forEachEdge((edge, a, source, target) => {
    if (!edgePasses(a, noRelationFilter) || removed.edges.has(edge)) return;
    const endsOk = typeOk.get(source) === true && typeOk.get(target) === true;
    if (endsOk) relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
    if (relationOff.has(a.relation)) return;
    anyTypeDegree.set(source, (anyTypeDegree.get(source) ?? 0) + 1);
    anyTypeDegree.set(target, (anyTypeDegree.get(target) ?? 0) + 1);
    if (!endsOk) return;
    passing.push(edge);
    for (const n of source === target ? [source] : [source, target]) {
      degree.set(n, (degree.get(n) ?? 0) + 1);
    }
  });

  const hiddenNodes = new Set<string>();
  const candidates: string[] = [];
  let isolated = 0;
  let isolatedHidden = 0;
  const typeCounts = new Map<string, number>();
  graph.forEachNode((node, a) => {
    const connected = (anyTypeDegree.get(node) ?? 0) > 0;
    if (connected || f.showIsolated) typeCounts.set(a.entityType, (typeCounts.get(a.entityType) ?? 0) + 1);
    if (typeOk.get(node) !== true) {
      hiddenNodes.add(node);
      return;
    }
    if (!degree.has(node)) {
      isolated++;
      if (!f.showIsolated && !pinned.has(node)) {
        isolatedHidden++;
        hiddenNodes.add(node);
        return;
      }
    }
    candidates.push(node);
  });

  const top = effectiveTop(f.top, candidates.length);
  let topHidden = 0;
  if (top > 0 && candidates.length > top) {
    const rank = nodeRanking(graph);
    candidates.sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0));
    for (let i = top; i < candidates.length; i++) {
      const node = candidates[i] as string;
      if (pinned.has(node)) continue;
      hiddenNodes.add(node);
      topHidden++;
    }
    // A kept node whose every neighbour fell outside the top would be drawn alone: it goes too.
    if (!f.showIsolated) {
      for (let i = 0; i < top; i++) {
        const node = candidates[i] as string;
        let linked = false;
        graph.forEachEdge(node, (_e, a, source, target) => {
          if (linked || !edgePasses(a, f) || removed.edges.has(_e)) return;
          const other = source === node ? target : source;
          if (other !== node && !hiddenNodes.has(other)) linked = true;
        });
        if (!linked && !pinned.has(node)) {
          hiddenNodes.add(node);
          topHidden++;
        }
      }
    }
  }

  const hiddenEdges = new Set<string>();
  const shownEdges: string[] = [];
  const passingSet = new Set(passing);
  graph.forEachEdge((edge, _a, source, target) => {
    if (passingSet.has(edge) && !hiddenNodes.has(source) && !hiddenNodes.has(target)) shownEdges.push(edge);
    else hiddenEdges.add(edge);
  });
  const shownNodes = graph.filterNodes((node) => !hiddenNodes.has(node));
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
