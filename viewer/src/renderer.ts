// sigma 4 set-up: precomputed layout, colours and sizes from scales, arrows, curved parallel edges,
// and every display change (hover, selection, filters) through sigma states and style rules.
// The graph's attributes are never written.
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathCurved, pathLine, sdfCircle, sdfDiamond, sdfSquare } from 'sigma/rendering';
import { ENTITY_SHAPES, entityColor, fade, goldsteinColor } from './colors';
import type { ViewerGraph } from './data';
import type { EdgeUiState, GraphUiState, NodeUiState, VEdge, VGraph, VNode } from './types';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export type Renderer = Sigma<VNode, VEdge, VGraph, NodeUiState, EdgeUiState, GraphUiState>;

/** Human text of a relation kind: `leader_of` → `leader of`. */
export function relationText(relation: string): string {
  return relation.replace(/_/g, ' ');
}

export function edgeLabel(e: VEdge): string {
  const base = relationText(e.relation);
  if (e.negated) return `not ${base}`;
  if (e.hypothetical) return `${base}?`;
  return base;
}

export function createRenderer(graph: ViewerGraph, container: HTMLElement): Renderer {
  let minSize = Infinity;
  let maxSize = -Infinity;
  graph.forEachNode((_n, a) => {
    minSize = Math.min(minSize, a.size);
    maxSize = Math.max(maxSize, a.size);
  });
  let maxCount = 1;
  graph.forEachEdge((_e, a) => {
    maxCount = Math.max(maxCount, a.count);
  });
  // Sizes in graph.json are in layout units of whatever scale; map them to screen pixels.
  const nodeSize = (size: number): number =>
    maxSize > minSize ? 5 + (14 * Math.sqrt((size - minSize) / (maxSize - minSize))) : 9;
  const edgeSize = (count: number): number => 1.4 + (3.2 * Math.sqrt(Math.max(0, count - 1))) / Math.sqrt(Math.max(1, maxCount - 1));

  const baseNodeColor = (a: VNode): string => entityColor(a.entityType);
  const fadedNodeColor = (a: VNode): string => fade(entityColor(a.entityType), 0.72);
  const fadedEdgeColor = (a: VEdge): string => fade(goldsteinColor(a.goldstein), 0.8);

  const renderer: Renderer = new Sigma<VNode, VEdge, VGraph, NodeUiState, EdgeUiState, GraphUiState>(graph, container, {
    customNodeState: { isActive: false, isSelected: false },
    customEdgeState: { isActive: false, isSelected: false },
    customGraphState: { hasFocus: false },
    primitives: {
      nodes: {
        shapes: [sdfCircle(), sdfSquare(), sdfDiamond()],
        layers: [layerFill()],
        label: { font: { family: FONT_FAMILY, weight: '500', size: 13 }, color: '#1f2430', margin: 5 },
      },
      edges: {
        paths: [pathLine(), pathCurved()],
        extremities: [extremityArrow()],
        layers: [layerPlain()],
        label: {
          color: '#1f2430',
          textBorder: { width: 4, color: '#ffffff' },
          fontSizeMode: 'fixed',
          minVisibilityThreshold: 0,
          fullVisibilityThreshold: 0,
        },
      },
    },
    styles: {
      nodes: [
        DEFAULT_STYLES.nodes,
        {
          color: baseNodeColor,
          size: (a, s) => nodeSize(a.size) * (s.isHovered || s.isSelected ? 1.15 : 1),
          shape: (a) => ENTITY_SHAPES[a.entityType] ?? 'circle',
          label: (a) => a.label,
          labelFont: FONT_FAMILY,
          labelSize: 13,
          labelColor: '#1f2430',
          cursor: 'pointer',
          backdropColor: '#ffffff',
          backdropShadowColor: 'rgba(20, 24, 40, 0.25)',
          backdropShadowBlur: 10,
          backdropPadding: 5,
          backdropCornerRadius: 4,
        },
        {
          when: (_a, s, g) => g.hasFocus && !s.isActive && !s.isHovered,
          then: { color: fadedNodeColor, labelColor: '#b9bec8' },
        },
        { whenState: 'isActive', then: { labelVisibility: 'visible', depth: 'topNodes' } },
        {
          whenState: 'isHighlighted',
          then: { labelVisibility: 'visible', backdropVisibility: 'visible', depth: 'topNodes' },
        },
        {
          whenState: 'isSelected',
          then: { labelVisibility: 'visible', backdropVisibility: 'visible', depth: 'topNodes', zIndex: 2 },
        },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        {
          color: (a) => goldsteinColor(a.goldstein),
          size: (a, s) => edgeSize(a.count) * (s.isSelected ? 1.8 : s.isHovered ? 1.5 : 1),
          label: edgeLabel,
          labelVisibility: 'hidden',
          labelColor: '#1f2430',
          head: 'arrow',
          path: 'straight',
          parallelPath: 'curved',
          cursor: 'pointer',
        },
        {
          when: (_a, s, g) => g.hasFocus && !s.isActive && !s.isHovered && !s.isSelected,
          then: { color: fadedEdgeColor },
        },
        { whenState: 'isActive', then: { depth: 'topEdges', labelVisibility: 'visible' } },
        { whenState: 'isHovered', then: { depth: 'topEdges', labelVisibility: 'visible' } },
        { whenState: 'isSelected', then: { depth: 'topEdges', labelVisibility: 'visible' } },
      ],
    },
    settings: {
      itemSizesReference: 'screen',
      enableEdgeEvents: true,
      renderEdgeLabels: true,
      edgeLabelAnchors: 'allNodes',
      labelRenderedSizeThreshold: 4,
      labelDensity: 1.2,
      edgePickingPadding: 5,
      stagePadding: 56,
    },
  });
  return renderer;
}
