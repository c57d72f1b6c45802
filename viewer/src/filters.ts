// What the filters panel can hide. Pure: decides visibility from attributes; the renderer turns the
// answer into sigma `isHidden` states. The data are never touched.
import type { VEdge, VNode } from './types';

export interface FilterState {
  /** Relation kinds switched off. */
  hiddenRelations: Set<string>;
  /** Entity types switched off. */
  hiddenTypes: Set<string>;
  /** Minimum number of facts behind an edge. */
  minCount: number;
  hideNegated: boolean;
  hideHypothetical: boolean;
  /** Inclusive ISO dates (YYYY-MM-DD); an edge is kept when [firstSeen, lastSeen] meets [from, to]. */
  from: string | null;
  to: string | null;
  /** Show nodes with no visible edge (off by default: on a news archive most actors have none). */
  showIsolated: boolean;
  /** Keep the N most connected visible nodes; 0 keeps all, null lets the viewer decide (see visibility.ts). */
  top: number | null;
}

/** Relation kinds a first view leaves out: containment is a layer, not an act, and half of a big graph's edges. */
export const DEFAULT_HIDDEN_RELATIONS: readonly string[] = ['located_in'];

export function defaultFilters(): FilterState {
  return {
    hiddenRelations: new Set(DEFAULT_HIDDEN_RELATIONS),
    hiddenTypes: new Set(),
    minCount: 1,
    hideNegated: false,
    hideHypothetical: false,
    from: null,
    to: null,
    showIsolated: false,
    top: null,
  };
}

export function nodePasses(node: VNode, f: FilterState): boolean {
  return !f.hiddenTypes.has(node.entityType);
}

export function edgePasses(edge: VEdge, f: FilterState): boolean {
  if (f.hiddenRelations.has(edge.relation)) return false;
  if (edge.count < f.minCount) return false;
  if (f.hideNegated && edge.negated) return false;
  if (f.hideHypothetical && edge.hypothetical) return false;
  if (f.from !== null || f.to !== null) {
    const first = edge.firstSeen ?? edge.lastSeen;
    const last = edge.lastSeen ?? edge.firstSeen;
    // Undated edges stay: a date filter narrows what is dated, it does not hide the rest.
    if (first !== undefined && last !== undefined) {
      if (f.from !== null && last.slice(0, 10) < f.from) return false;
      if (f.to !== null && first.slice(0, 10) > f.to) return false;
    }
  }
  return true;
}

/** The hidden relations are exactly the default ones. */
export function isDefaultRelations(hidden: ReadonlySet<string>): boolean {
  return hidden.size === DEFAULT_HIDDEN_RELATIONS.length && DEFAULT_HIDDEN_RELATIONS.every((r) => hidden.has(r));
}

export function isDefaultFilters(f: FilterState): boolean {
  return (
    isDefaultRelations(f.hiddenRelations) &&
    !f.showIsolated &&
    f.top === null &&
    f.hiddenTypes.size === 0 &&
    f.minCount <= 1 &&
    !f.hideNegated &&
    !f.hideHypothetical &&
    f.from === null &&
    f.to === null
  );
}

export function cloneFilters(f: FilterState): FilterState {
  return { ...f, hiddenRelations: new Set(f.hiddenRelations), hiddenTypes: new Set(f.hiddenTypes) };
}
