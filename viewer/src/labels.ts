// Node labels that never collide. sigma's label grid keeps one label per grid cell, but a long
// label still runs into the next cell's ("Conservative Party" over "Labour"). Here every node's
// label is hidden by its style, and this placer shows (item state `labelOn`) a greedy choice of
// labels whose boxes do not meet, in priority order: the selection, the focus, then the biggest
// nodes. The boxes are sigma's own (its label renderer's nodeLabelBox, as drawn), so what is
// checked here is what is rendered. Run again, once per frame at most, when the camera moves or
// the states change: at the start of the render that draws the change (sigma's beforeRender), so
// that the labels chosen are drawn in that same frame, not in one more.
import type { NodeDisplayData } from 'sigma/types';
import type { ViewerGraph } from './data';
import type { Display } from './display';
import type { Renderer } from './renderer';

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Pixels kept between two labels. */
export const LABEL_GAP = 2;
/** Side of the cells of the spatial hash that looks up boxes near a candidate. */
const CELL = 64;

/** sigma 4.0.4's label renderer: the box of a node's label around its centre, in viewport pixels. */
interface LabelRendererInternals {
  labelRenderer: { nodeLabelBox(data: NodeDisplayData, nodeRadius: number): Box | null };
}

/** The viewport box of a node's label as sigma draws it (null without a label, or not drawn). */
export function labelBox(renderer: Renderer, node: string): Box | null {
  const data = renderer.getNodeDisplayData(node);
  if (data === undefined || data.label === null || data.label === '') return null;
  const internals = renderer as unknown as LabelRendererInternals;
  const box = internals.labelRenderer.nodeLabelBox({ ...data, labelVisibility: 'visible' }, renderer.scaleSize(data.size));
  if (box === null) return null;
  // The centre from the node's position in the graph, as sigma normalises it: at the start of a
  // render, the display data of nodes just handed to sigma are not normalised yet.
  const a = renderer.getGraph().getNodeAttributes(node);
  const c = renderer.graphToViewport({ x: a.x, y: a.y });
  return { minX: c.x + box.minX, maxX: c.x + box.maxX, minY: c.y + box.minY, maxY: c.y + box.maxY };
}

export function boxesMeet(a: Box, b: Box, gap = 0): boolean {
  return a.minX < b.maxX + gap && b.minX < a.maxX + gap && a.minY < b.maxY + gap && b.minY < a.maxY + gap;
}

/**
 * The labels to show: candidates in order, each kept when its box meets no kept box and lies at
 * least partly in the viewport. `first` go before everything (selection, focus), in their order.
 */
export function chooseLabels(
  candidates: readonly string[],
  boxOf: (node: string) => Box | null,
  viewport: { width: number; height: number },
): Set<string> {
  const kept = new Set<string>();
  const grid = new Map<number, Box[]>();
  const cells = (b: Box): number[] => {
    const out: number[] = [];
    const x0 = Math.floor(b.minX / CELL);
    const x1 = Math.floor(b.maxX / CELL);
    const y0 = Math.floor(b.minY / CELL);
    const y1 = Math.floor(b.maxY / CELL);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push(x * 100003 + y);
    return out;
  };
  for (const node of candidates) {
    if (kept.has(node)) continue;
    const box = boxOf(node);
    if (box === null) continue;
    if (box.maxX < 0 || box.minX > viewport.width || box.maxY < 0 || box.minY > viewport.height) continue;
    const padded = { minX: box.minX - LABEL_GAP, maxX: box.maxX + LABEL_GAP, minY: box.minY - LABEL_GAP, maxY: box.maxY + LABEL_GAP };
    const keys = cells(padded);
    let free = true;
    for (const k of keys) {
      for (const other of grid.get(k) ?? []) {
        if (boxesMeet(padded, other)) {
          free = false;
          break;
        }
      }
      if (!free) break;
    }
    if (!free) continue;
    kept.add(node);
    for (const k of keys) {
      const list = grid.get(k);
      if (list) list.push(box);
      else grid.set(k, [box]);
    }
  }
  return kept;
}

/** Keeps the `labelOn` state of the renderer's nodes in line with chooseLabels. */
export class LabelPlacer {
  private shown = new Set<string>();
  private queued = false;
  /** Nodes by size (biggest first), then key: the order of everything after `first`. */
  private bySize: string[] | null = null;

  constructor(
    private readonly renderer: Renderer,
    private readonly display: Display,
    /** The full graph (sigma holds only what is drawn: display.ts). */
    private readonly graph: ViewerGraph,
    /** Nodes whose labels go first, in order (selection, path, focus). */
    private readonly first: () => readonly string[],
    /** Whether a node is drawn at all. */
    private readonly visible: (node: string) => boolean,
  ) {
    renderer.getCamera().on('updated', () => this.schedule());
    renderer.on('resize', () => this.schedule());
    // The labels' states set here are applied by this same render (sigma refreshes states after
    // beforeRender, and cancels the render they would schedule).
    renderer.on('beforeRender', () => {
      if (!this.queued) return;
      this.queued = false;
      this.place();
    });
  }

  /** Places the labels at the next render. */
  schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.renderer.scheduleRender();
  }

  /** Places the labels now (tests call it to read a settled state). */
  place(): void {
    const r = this.renderer;
    const graph = this.graph;
    if (this.bySize === null) {
      // The drawn size is a rising function of the `size` attribute (renderer.ts), which every
      // node has, drawn or not.
      const size = new Map<string, number>();
      graph.forEachNode((n, a) => size.set(n, a.size));
      const s = (n: string): number => size.get(n) ?? 0;
      this.bySize = graph.nodes().sort((a, b) => s(b) - s(a) || (a < b ? -1 : a > b ? 1 : 0));
    }
    const candidates = [...this.first().filter((n) => graph.hasNode(n) && this.visible(n)), ...this.bySize.filter((n) => this.visible(n))];
    const { width, height } = r.getDimensions();
    const next = chooseLabels(candidates, (n) => labelBox(r, n), { width, height });
    const on: string[] = [];
    const off: string[] = [];
    for (const n of next) if (!this.shown.has(n)) on.push(n);
    for (const n of this.shown) if (!next.has(n) && graph.hasNode(n)) off.push(n);
    if (on.length > 0) this.display.setNodesState(on, { labelOn: true });
    if (off.length > 0) this.display.setNodesState(off, { labelOn: false });
    this.shown = next;
  }

  /** Sizes changed (a new graph): the order is computed again. */
  reset(): void {
    this.bySize = null;
    this.schedule();
  }
}
