// The graph.json contract as the viewer sees it. Mapped types give the attribute interfaces the
// index signature graphology and sigma expect, without loosening any field.
import type { EdgeAttributes, GraphAttributes, NodeAttributes, SourceInfo } from '../../src/graph/contract';
import type { EntityType, Evidence } from '../../src/types';

export type VNode = { [K in keyof NodeAttributes]: NodeAttributes[K] };
export type VEdge = { [K in keyof EdgeAttributes]: EdgeAttributes[K] };
export type VGraph = { [K in keyof GraphAttributes]: GraphAttributes[K] };
export type { EntityType, Evidence, SourceInfo };

/** Display-only state kept in sigma (never in the graph). */
export interface NodeUiState {
  isActive: boolean;
  isSelected: boolean;
}
export interface EdgeUiState {
  isActive: boolean;
  isSelected: boolean;
}
export interface GraphUiState {
  hasFocus: boolean;
}
