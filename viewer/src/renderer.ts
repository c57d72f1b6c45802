// sigma 4 set-up: precomputed layout, colours and sizes from scales, arrows, curved parallel edges,
// and every display change (hover, selection, community colours, zoomed-in labels) through sigma
// item states and style rules; the filters choose what sigma holds (display.ts). The graph's
// attributes are never written.
//
// The styles use only attribute bindings and item-state conditions, never functions: sigma
// restyles every item whenever any graph-level state changes (its own isPanning, isZooming,
// hasHovered… included) once a style contains a function, which on a 50k-edge graph turns each pan
// and each hover into a full re-upload. With bindings, a state change restyles only the items whose
// state changed.
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathCurved, pathLine, sdfCircle, sdfDiamond, sdfSquare } from 'sigma/rendering';
import { ENTITY_COLORS, ENTITY_SHAPES, fade, goldsteinColor } from './colors';
import { communityPalette, OTHER_COMMUNITY_COLOR } from './communities';
import { Display, emptyLike, extentOf } from './display';
import { PIXEL_RADIUS } from '../../src/layout/noverlap';
import type { ViewerGraph } from './data';
import type { EdgeUiState, GraphUiState, NodeUiState, VEdge, VGraph, VNode } from './types';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Graphs with more edges than this draw no edge labels (see enableEdgeLabels). */
export const EDGE_LABEL_MAX_EDGES = 10000;

/** Edge labels show for every edge whose two nodes show theirs once the camera zooms in past this ratio. */
export const EDGE_LABELS_ZOOM_RATIO = 0.5;

/**
 * Segments of a curved edge. sigma's edge program gives every edge the vertex count of its longest
 * path, so this sets the vertex work of all 50k edges of a big graph, curved or not; 8 keeps the
 * gentle curves of parallel edges smooth at half the vertices of sigma's default 16.
 */
const CURVE_SEGMENTS = 8;

/** How far faded items go towards the background. */
const FADE_NODE = 0.72;
const FADE_EDGE = 0.8;
const FADED_LABEL = '#b9bec8';

const MID_RADIUS = (PIXEL_RADIUS.min + PIXEL_RADIUS.max) / 2;

export type Renderer = Sigma<VNode, VEdge, VGraph, NodeUiState, EdgeUiState, GraphUiState>;

/** Human text of a relation kind: `leader_of` → `leader of`. */
export function relationText(relation: string): string {
  return relation.replace(/_/g, ' ');
}

export function edgeLabel(e: Pick<VEdge, 'relation' | 'negated' | 'hypothetical'>): string {
  const base = relationText(e.relation);
  if (e.negated) return `not ${base}`;
  if (e.hypothetical) return `${base}?`;
  return base;
}

/** `{ key: f(key) }` for each key. */
function dict<T>(keys: Iterable<string>, f: (key: string) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of keys) out[k] = f(k);
  return out;
}

// Community colour dictionaries: empty until communities are first shown (see showCommunities).
interface CommunityDicts {
  colors: Record<string, string>;
  faded: Record<string, string>;
}
const communityDicts = new WeakMap<Renderer, CommunityDicts>();

/**
 * sigma on an empty graph: the Display (display.ts) gives it what the filters leave. The full
 * graph gives the scales and the bounding box, so that positions, sizes and colours do not change
 * with what is drawn.
 */
export function createRenderer(graph: ViewerGraph, container: HTMLElement): { renderer: Renderer; display: Display } {
  // One pass over the data for the scales: size ranges, and the few distinct Goldstein scores and
  // relations whose colours and labels become dictionaries.
  let minSize = Infinity;
  let maxSize = -Infinity;
  graph.forEachNode((_n, a) => {
    if (a.size < minSize) minSize = a.size;
    if (a.size > maxSize) maxSize = a.size;
  });
  let maxCount = 1;
  const scores = new Set<number>();
  const relations = new Set<string>();
  graph.forEachEdge((_e, a) => {
    if (a.count > maxCount) maxCount = a.count;
    scores.add(a.goldstein);
    relations.add(a.relation);
  });

  // Sizes in graph.json are in layout units of whatever scale; map them to 4–14 screen pixels, the
  // radii the layout keeps apart (src/layout/noverlap.ts),
  // (square-root scale), edges by evidence count to 1.4–4.6 pixels.
  const nodeSize = (k: number) =>
    maxSize > minSize
      ? { attribute: 'size', minValue: minSize, maxValue: maxSize, min: PIXEL_RADIUS.min * k, max: PIXEL_RADIUS.max * k, easing: Math.sqrt, defaultValue: MID_RADIUS * k }
      : MID_RADIUS * k;
  const edgeSize = (k: number) =>
    maxCount > 1 ? { attribute: 'count', minValue: 1, maxValue: maxCount, min: 1.4 * k, max: 4.6 * k, easing: Math.sqrt, defaultValue: 1.4 * k } : 1.4 * k;

  const scoreKeys = [...scores].map(String);
  const goldstein = dict(scoreKeys, (s) => goldsteinColor(Number(s)));
  const fadedGoldstein = dict(scoreKeys, (s) => fade(goldsteinColor(Number(s)), FADE_EDGE));
  const typeColors: Record<string, string> = { ...ENTITY_COLORS };
  const fadedTypeColors = dict(Object.keys(ENTITY_COLORS), (t) => fade(typeColors[t] ?? ENTITY_COLORS.other, FADE_NODE));
  const labels = {
    plain: dict(relations, (r) => edgeLabel({ relation: r as VEdge['relation'], negated: false, hypothetical: false })),
    negated: dict(relations, (r) => edgeLabel({ relation: r as VEdge['relation'], negated: true, hypothetical: false })),
    hypothetical: dict(relations, (r) => edgeLabel({ relation: r as VEdge['relation'], negated: false, hypothetical: true })),
  };
  const community: CommunityDicts = { colors: {}, faded: {} };

  const renderer: Renderer = new Sigma<VNode, VEdge, VGraph, NodeUiState, EdgeUiState, GraphUiState>(emptyLike(graph), container, {
    customNodeState: { isActive: false, isSelected: false, isFaded: false, byCommunity: false, labelOn: false },
    customEdgeState: { isActive: false, isSelected: false, isFaded: false, zoomLabel: false },
    primitives: {
      nodes: {
        shapes: [sdfCircle(), sdfSquare(), sdfDiamond()],
        layers: [layerFill()],
        label: { font: { family: FONT_FAMILY, weight: '500', size: 13 }, color: '#1f2430', margin: 5 },
      },
      edges: {
        paths: [pathLine(), pathCurved({ segments: CURVE_SEGMENTS })],
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
          color: { attribute: 'entityType', dict: typeColors, defaultValue: ENTITY_COLORS.other },
          size: nodeSize(1),
          shape: { attribute: 'entityType', dict: ENTITY_SHAPES, defaultValue: 'circle' },
          label: { attribute: 'label', defaultValue: '' },
          // Shown only where the label placer says (labels.ts): never two labels over each other.
          labelVisibility: 'hidden',
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
        { whenState: 'byCommunity', then: { color: { attribute: 'community', dict: community.colors, defaultValue: OTHER_COMMUNITY_COLOR } } },
        { whenState: 'isFaded', then: { color: { attribute: 'entityType', dict: fadedTypeColors, defaultValue: fade(ENTITY_COLORS.other, FADE_NODE) }, labelColor: FADED_LABEL } },
        {
          whenState: { isFaded: true, byCommunity: true },
          then: { color: { attribute: 'community', dict: community.faded, defaultValue: fade(OTHER_COMMUNITY_COLOR, FADE_NODE) } },
        },
        { whenState: 'isHovered', then: { size: nodeSize(1.15) } },
        { whenState: 'isActive', then: { depth: 'topNodes' } },
        { whenState: 'isHighlighted', then: { backdropVisibility: 'visible', depth: 'topNodes' } },
        { whenState: 'isSelected', then: { size: nodeSize(1.15), backdropVisibility: 'visible', depth: 'topNodes' } },
        { whenState: 'labelOn', then: { labelVisibility: 'visible' } },
      ],
      edges: [
        DEFAULT_STYLES.edges,
        {
          color: { attribute: 'goldstein', dict: goldstein, defaultValue: goldsteinColor(0) },
          size: edgeSize(1),
          label: { attribute: 'relation', dict: labels.plain, defaultValue: '' },
          labelVisibility: 'hidden',
          labelColor: '#1f2430',
          head: 'arrow',
          path: 'straight',
          parallelPath: 'curved',
          cursor: 'pointer',
        },
        { whenData: { hypothetical: true }, then: { label: { attribute: 'relation', dict: labels.hypothetical, defaultValue: '' } } },
        { whenData: { negated: true }, then: { label: { attribute: 'relation', dict: labels.negated, defaultValue: '' } } },
        { whenState: 'isFaded', then: { color: { attribute: 'goldstein', dict: fadedGoldstein, defaultValue: fade(goldsteinColor(0), FADE_EDGE) } } },
        // Zoomed in, an edge shows its label where both its nodes show theirs.
        { whenState: 'zoomLabel', then: { labelVisibility: 'auto' } },
        { whenState: 'isActive', then: { depth: 'topEdges', labelVisibility: 'visible' } },
        { whenState: 'isHovered', then: { size: edgeSize(1.5), depth: 'topEdges', labelVisibility: 'visible' } },
        { whenState: 'isSelected', then: { size: edgeSize(1.8), depth: 'topEdges', labelVisibility: 'visible' } },
      ],
    },
    settings: {
      itemSizesReference: 'screen',
      // Nodes keep their pixel size at any zoom: zooming in only moves them apart, so the layout's
      // separation (src/layout/noverlap.ts) holds from the first view inwards.
      zoomToSizeRatioFunction: () => 1,
      enableEdgeEvents: true,
      // Off until the first view is drawn: see enableEdgeLabels.
      renderEdgeLabels: false,
      edgeLabelAnchors: 'nodeLabels',
      labelRenderedSizeThreshold: 4,
      labelDensity: 1.2,
      edgePickingPadding: 5,
      stagePadding: 56,
    },
  });
  communityDicts.set(renderer, community);
  // Normalised positions from the whole layout's box (sigma's own extent when it held every node).
  const extent = extentOf(graph);
  if (extent !== null) {
    renderer.setCustomBBox(extent);
    // Processed now (an empty graph: no drawing), so that graphToFramedGraph and the camera
    // framing use this box before the first nodes are given.
    renderer.refresh();
  }
  const display = new Display(graph, renderer);

  // Zoomed-in labels: an item state on every edge, changed only when the zoom crosses the threshold.
  let zoomed = false;
  const apply = (ratio: number): void => {
    const next = ratio <= (edgeLabelZoom.get(renderer) ?? EDGE_LABELS_ZOOM_RATIO);
    if (next === zoomed) return;
    zoomed = next;
    display.setEdgesState(graph.edges(), { zoomLabel: next });
  };
  renderer.getCamera().on('updated', (state) => apply(state.ratio));
  edgeLabelApply.set(renderer, apply);
  return { renderer, display };
}

/**
 * Edge labels on, once the first view is drawn. sigma compiles its edge-label programs (the
 * largest shaders it has) at the first render with the setting on; on software WebGL their
 * compilation held the first view back by ~1.5 s (BBC graph, 2 busy cores), and the first view
 * shows no edge label unless a link selects something. A frame drawn while they compile waits for
 * them. A graph of more than EDGE_LABEL_MAX_EDGES edges never draws them: sigma's edge label pass
 * walks the edges of every labelled node on each frame, labels shown or not (2.5 s a frame at 50k
 * edges); its panels name the relations instead.
 */
export function enableEdgeLabels(renderer: Renderer, graph: ViewerGraph): void {
  if (graph.size <= EDGE_LABEL_MAX_EDGES) renderer.setSetting('renderEdgeLabels', true);
}

const edgeLabelZoom = new WeakMap<Renderer, number>();
const edgeLabelApply = new WeakMap<Renderer, (ratio: number) => void>();

/**
 * Edge labels show past this camera ratio. A big graph's first view is already zoomed in on its
 * connected part (ratio well under EDGE_LABELS_ZOOM_RATIO), so the threshold is set from that view.
 */
export function setEdgeLabelZoom(renderer: Renderer, ratio: number): void {
  edgeLabelZoom.set(renderer, ratio);
  edgeLabelApply.get(renderer)?.(renderer.getCamera().ratio);
}

/** Node colour by Louvain community (true) or by entity type (false). */
export function showCommunities(renderer: Renderer, display: Display, graph: ViewerGraph, on: boolean): void {
  const dicts = communityDicts.get(renderer);
  if (on && dicts !== undefined && Object.keys(dicts.colors).length === 0) {
    // The palette is computed the first time it is shown; the style rules hold these objects.
    for (const g of communityPalette(graph).groups) {
      dicts.colors[String(g.community)] = g.color;
      dicts.faded[String(g.community)] = fade(g.color, FADE_NODE);
    }
  }
  display.setNodesState(graph.nodes(), { byCommunity: on });
}
