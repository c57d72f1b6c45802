// The graph.json contract as the viewer sees it. Mapped types give the attribute interfaces the
// index signature graphology and sigma expect, without loosening any field.
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceInfo } from '../../src/graph/contract';
import type { EntityType, Evidence } from '../../src/types';

export type VNode = { [K in keyof NodeAttributes]: NodeAttributes[K] };
/** Evidence items are read (and checked) only when a panel shows them: see data.ts readEvidence. */
export type VEdge = { [K in keyof EdgeAttributes]: K extends 'evidence' ? readonly unknown[] : EdgeAttributes[K] };
export type VGraph = { [K in keyof GraphAttributes]: GraphAttributes[K] };
export type { EntityType, Evidence, SourceInfo };

/** Display-only state kept in sigma (never in the graph). */
export interface NodeUiState {
  /** In the focus: the hovered or selected node and its neighbours. */
  isActive: boolean;
  isSelected: boolean;
  /** Outside the focus while there is one. */
  isFaded: boolean;
  /** Coloured by Louvain community instead of entity type. */
  byCommunity: boolean;
  /** Its label is drawn (chosen by labels.ts so that no two labels meet). */
  labelOn: boolean;
}
export interface EdgeUiState {
  isActive: boolean;
  isSelected: boolean;
  isFaded: boolean;
  /** The camera is zoomed in past EDGE_LABELS_ZOOM_RATIO: the label may show. */
  zoomLabel: boolean;
}
/** No graph-level state of our own: see renderer.ts for why styles depend on item states only. */
export type GraphUiState = Record<never, never>;

export type ColorBy = 'type' | 'community';
