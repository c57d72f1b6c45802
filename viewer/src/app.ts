// The viewer's state machine: selection, hover focus and filters, applied to sigma as states, and
// mirrored in the URL hash. Everything visual goes through the renderer's states; the graph's
// attributes are read, never written.
import type { ViewerGraph } from './data';
import { clear } from './dom';
import { cloneFilters, defaultFilters, edgePasses, nodePasses, type FilterState } from './filters';
import type { Display } from './display';
import type { EvidenceFeed } from './evidence';
import { frameState } from './framing';
import { LabelPlacer } from './labels';
import { shortestPath, type ActorPath } from './paths';
import { computeVisibility, type Removed, type Visibility } from './visibility';
import { decodeHash, encodeHash, type CameraView, type ViewState } from './hash';
import { renderEdgeDetails, renderEmpty, renderNodeDetails, renderPath, type PanelActions } from './panel';
import { showCommunities, type Renderer } from './renderer';
import type { ColorBy } from './types';

export interface AppElements {
  details: HTMLElement;
}

/** How a change reaches the URL: a new history entry (back/forward return to it), a replacement, or none. */
export type HashWrite = 'push' | 'replace' | false;

const FRAME_MS = 450;

export class ViewerApp {
  filters: FilterState = defaultFilters();
  selectedNode: string | null = null;
  selectedEdge: string | null = null;
  /** Neighbourhood of a selected node: 1 or 2 hops. */
  hops: 1 | 2 = 1;
  /** The two actors of a path query, and the path found (null: none). */
  pathEnds: readonly [string, string] | null = null;
  path: ActorPath | null = null;
  readonly hiddenNodes = new Set<string>();
  readonly hiddenEdges = new Set<string>();
  visibility: Visibility;
  readonly labels: LabelPlacer;
  /** What this session's curation removed (curation-ui.ts): hidden like filtered items. */
  private removed: Removed = { nodes: new Set(), edges: new Set() };
  /** The selection's neighbourhood, drawn even outside the top N or when isolated (visibility.ts). */
  private pinned = new Set<string>();
  private hoveredNode: string | null = null;
  private highlighted: string | null = null;
  private activeNodes = new Set<string>();
  private activeEdges = new Set<string>();
  private fadedNodes = new Set<string>();
  private fadedEdges = new Set<string>();
  private focusQueued = false;
  private colorMode: ColorBy = 'type';
  private hashTimer: number | undefined;
  /** The hash this app last wrote or applied: a different one in the URL is news (see writeHash). */
  private lastHash = '';
  /** The archive's evidence, once `newsgraph serve` has said it has a store. */
  private evidenceFeed: EvidenceFeed | null = null;
  private readonly listeners: {
    filters: ((f: FilterState) => void)[];
    colorBy: ((c: ColorBy) => void)[];
    visibility: ((v: Visibility) => void)[];
    view: (() => void)[];
    details: ((box: HTMLElement, node: string | null, edge: string | null) => void)[];
  } = { filters: [], colorBy: [], visibility: [], view: [], details: [] };

  constructor(
    readonly graph: ViewerGraph,
    readonly renderer: Renderer,
    readonly display: Display,
    private readonly elements: AppElements,
  ) {
    this.visibility = computeVisibility(graph, this.filters);
    this.labels = new LabelPlacer(renderer, display, graph, () => this.labelFirst(), (n) => !this.hiddenNodes.has(n));
    // Hover changes are applied once per task: leaving one node and entering the next arrive
    // together, and applying the pair as one change keeps the rest of the graph untouched.
    renderer.on('enterNode', ({ node }) => {
      this.hoveredNode = node;
      this.queueFocus();
    });
    renderer.on('leaveNode', () => {
      this.hoveredNode = null;
      this.queueFocus();
    });
    renderer.on('clickNode', ({ node }) => this.selectNode(node, { center: true }));
    renderer.on('clickEdge', ({ edge }) => this.selectEdge(edge, { center: true }));
    renderer.on('clickStage', () => this.clearSelection());
    // A second click within the double-click delay arrives as a double click: on an item it
    // selects (and frames) instead of zooming; on the background sigma zooms as usual.
    renderer.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      this.selectNode(node, { center: true, writeHash: 'replace' });
    });
    renderer.on('doubleClickEdge', ({ edge, preventSigmaDefault }) => {
      preventSigmaDefault();
      this.selectEdge(edge, { center: true, writeHash: 'replace' });
    });
    renderer.getCamera().on('updated', () => this.scheduleHashWrite());
  }

  onFiltersChange(listener: (f: FilterState) => void): void {
    this.listeners.filters.push(listener);
  }

  onColorByChange(listener: (c: ColorBy) => void): void {
    this.listeners.colorBy.push(listener);
  }

  /** Called with the new counts after each filter change. */
  onVisibilityChange(listener: (v: Visibility) => void): void {
    this.listeners.visibility.push(listener);
  }

  /** Called after the details panel is drawn, to add to it (curation-ui.ts). */
  onDetailsRendered(listener: (box: HTMLElement, node: string | null, edge: string | null) => void): void {
    this.listeners.details.push(listener);
  }

  /** Called after selection, hops or path change (controls that mirror them). */
  onViewChange(listener: () => void): void {
    this.listeners.view.push(listener);
  }

  get colorBy(): ColorBy {
    return this.colorMode;
  }

  /** Node colour by entity type or by community (an item state of every node). */
  setColorBy(colorBy: ColorBy, options: { writeHash?: HashWrite } = {}): void {
    if (colorBy !== this.colorMode) {
      this.colorMode = colorBy;
      showCommunities(this.renderer, this.display, this.graph, colorBy === 'community');
      for (const l of this.listeners.colorBy) l(colorBy);
    }
    this.writeHash(options.writeHash ?? 'replace');
  }

  readonly actions: PanelActions = {
    selectNode: (node, options) => this.selectNode(node, { center: options?.center ?? true }),
    selectEdge: (edge) => this.selectEdge(edge, { center: true }),
    isEdgeHidden: (edge) => this.hiddenEdges.has(edge),
    setHops: (hops) => this.setHops(hops),
    hops: () => this.hops,
    findPath: (from, to) => this.setPath([from, to]),
    clearPath: () => this.setPath(null),
  };

  selectNode(node: string, options: { center?: boolean; highlight?: boolean; writeHash?: HashWrite } = {}): void {
    if (!this.graph.hasNode(node)) return;
    this.pin(this.neighbourhood([node], this.hops));
    this.setSelection(node, null);
    if (options.highlight === true) this.setHighlighted(node);
    if (options.center === true) this.frameFocus();
    this.writeHash(options.writeHash ?? 'push');
  }

  selectEdge(edge: string, options: { center?: boolean; writeHash?: HashWrite } = {}): void {
    if (!this.graph.hasEdge(edge)) return;
    this.pin(new Set([this.graph.source(edge), this.graph.target(edge)]));
    this.setSelection(null, edge);
    if (options.center === true) this.frameFocus();
    this.writeHash(options.writeHash ?? 'push');
  }

  /** 1 or 2 hops around the selected node. */
  setHops(hops: 1 | 2, options: { writeHash?: HashWrite; frame?: boolean } = {}): void {
    if (hops === this.hops) return;
    this.hops = hops;
    if (this.selectedNode !== null) this.pin(this.neighbourhood([this.selectedNode], hops));
    this.applyFocus();
    if (options.frame !== false && this.selectedNode !== null) this.frameFocus();
    this.notifyView();
    this.writeHash(options.writeHash ?? 'push');
  }

  /** Highlights the strongest path between two actors (null clears it). */
  setPath(ends: readonly [string, string] | null, options: { writeHash?: HashWrite; frame?: boolean } = {}): ActorPath | null {
    this.pathEnds = ends;
    this.path = ends === null ? null : shortestPath(this.graph, ends[0], ends[1], this.hiddenEdges);
    this.applyFocus();
    this.renderDetails();
    if (options.frame !== false && this.path !== null) this.frame(this.path.nodes);
    this.notifyView();
    this.writeHash(options.writeHash ?? 'push');
    return this.path;
  }

  /** Edge panels from now on page through the archive; an open one is redrawn to do so. */
  setEvidenceFeed(feed: EvidenceFeed | null): void {
    this.evidenceFeed = feed;
    if (this.selectedEdge !== null) this.renderDetails();
  }

  clearSelection(options: { writeHash?: HashWrite } = {}): void {
    const had = this.selectedNode !== null || this.selectedEdge !== null || this.pathEnds !== null;
    this.pathEnds = null;
    this.path = null;
    this.pin(new Set());
    this.setSelection(null, null);
    this.writeHash(options.writeHash ?? (had ? 'push' : 'replace'));
  }

  setFilters(filters: FilterState, options: { writeHash?: HashWrite; notify?: boolean } = {}): void {
    this.filters = cloneFilters(filters);
    const v = computeVisibility(this.graph, this.filters, this.removed, this.pinned);
    this.visibility = v;
    replace(this.hiddenNodes, v.hiddenNodes);
    replace(this.hiddenEdges, v.hiddenEdges);
    if (this.pathEnds !== null) this.path = shortestPath(this.graph, this.pathEnds[0], this.pathEnds[1], this.hiddenEdges);
    // States first, then what is drawn: the incoming items are drawn with theirs in one render.
    this.applyFocus();
    this.display.show(v.shownNodes, v.shownEdges);
    this.renderDetails();
    for (const l of this.listeners.visibility) l(v);
    if (options.notify === true) for (const l of this.listeners.filters) l(cloneFilters(this.filters));
    this.writeHash(options.writeHash ?? 'replace');
  }

  /** Hides what curation decisions removed, and redraws the panel (its decisions changed). */
  setRemoved(removed: Removed): void {
    this.removed = removed;
    this.setFilters(this.filters, { writeHash: false });
  }

  /**
   * Nodes within `hops` of these over edges the filters let through (whatever the top N and the
   * isolation rule hide): what a selection shows.
   */
  private neighbourhood(start: readonly string[], hops: 1 | 2): Set<string> {
    const nodes = new Set(start);
    let frontier = [...start];
    for (let h = 0; h < hops; h++) {
      const next: string[] = [];
      for (const n of frontier) {
        this.graph.forEachEdge(n, (e, a, source, target) => {
          if (!edgePasses(a, this.filters) || this.removed.edges.has(e)) return;
          const other = source === n ? target : source;
          if (nodes.has(other) || this.removed.nodes.has(other) || !nodePasses(this.graph.getNodeAttributes(other), this.filters)) return;
          nodes.add(other);
          next.push(other);
        });
      }
      frontier = next;
    }
    return nodes;
  }

  /** Pins these nodes (see `pinned`); recomputes what is drawn only when the set changes. */
  private pin(nodes: Set<string>): void {
    if (nodes.size === this.pinned.size && [...nodes].every((n) => this.pinned.has(n))) return;
    this.pinned = nodes;
    this.setFilters(this.filters, { writeHash: false });
  }

  /** Applies a view (from the URL hash): filters, colours, selection, path, camera. */
  applyView(view: ViewState): void {
    this.setFilters(view.filters, { writeHash: false, notify: true });
    this.setColorBy(view.colorBy, { writeHash: false });
    this.hops = view.hops;
    this.pathEnds = view.path;
    this.path = view.path === null ? null : shortestPath(this.graph, view.path[0], view.path[1], this.hiddenEdges);
    if (view.node !== null && this.graph.hasNode(view.node)) this.selectNode(view.node, { writeHash: false, highlight: true });
    else if (view.edge !== null && this.graph.hasEdge(view.edge)) this.selectEdge(view.edge, { writeHash: false });
    else {
      this.pin(new Set());
      this.setSelection(null, null);
    }
    const camera = this.renderer.getCamera();
    camera.cancelAnimation();
    if (view.camera !== null) camera.setState(view.camera);
    else if (!this.frameFocus(false)) this.frameVisible(false);
    this.notifyView();
  }

  applyHash(hash: string): void {
    this.lastHash = hash.replace(/^#/, '');
    this.applyView(decodeHash(hash));
  }

  currentView(): ViewState {
    const c = this.renderer.getCamera().getState();
    const camera: CameraView = { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle };
    return {
      node: this.selectedNode, edge: this.selectedEdge, filters: this.filters, colorBy: this.colorBy, camera, hops: this.hops, path: this.pathEnds,
    };
  }

  /** Writes the view to the URL: `push` for a change the back button should undo, `replace` otherwise. */
  writeHash(mode: HashWrite = 'replace'): void {
    if (mode === false) return;
    window.clearTimeout(this.hashTimer);
    this.hashTimer = undefined;
    const hash = encodeHash(this.currentView());
    const url = `${location.pathname}${location.search}${hash === '' ? '' : `#${hash}`}`;
    if (`${location.pathname}${location.search}${location.hash}` === url) {
      this.lastHash = location.hash.replace(/^#/, '');
      return;
    }
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
    // As the browser reports it back (it may escape what we wrote).
    this.lastHash = location.hash.replace(/^#/, '');
  }

  private scheduleHashWrite(): void {
    window.clearTimeout(this.hashTimer);
    this.hashTimer = window.setTimeout(() => {
      // The URL's hash changed since this app last wrote or applied it (a link, the back button, a
      // script) and its hashchange event has not run yet: writing the camera now would overwrite
      // the view it asks for.
      if (location.hash.replace(/^#/, '') !== this.lastHash) return;
      this.writeHash('replace');
    }, 250);
  }

  /** Moves the camera to show these nodes whole (animated unless told otherwise). */
  frame(nodes: Iterable<string>, animate = true): boolean {
    const state = frameState(this.renderer, this.graph, nodes);
    if (state === null) return false;
    const camera = this.renderer.getCamera();
    camera.cancelAnimation();
    if (animate) void camera.animate(state, { duration: FRAME_MS });
    else camera.setState(state);
    return true;
  }

  /** Frames what the filters leave: the first view. */
  frameVisible(animate = true): boolean {
    const nodes: string[] = [];
    this.graph.forEachNode((n) => {
      if (!this.hiddenNodes.has(n)) nodes.push(n);
    });
    return this.frame(nodes, animate);
  }

  /** Frames the selection: a node with its neighbourhood, an edge's two ends, or the path. */
  frameFocus(animate = true): boolean {
    if (this.path !== null && this.selectedNode === null && this.selectedEdge === null) return this.frame(this.path.nodes, animate);
    if (this.selectedNode === null && this.selectedEdge === null) return false;
    const { nodes } = this.focusOf(this.selectedNode, this.selectedEdge, this.hops);
    return this.frame(nodes, animate);
  }

  /** Kept for callers of the old API (search): selects and frames. */
  centerOn(node: string): void {
    if (this.graph.hasNode(node)) this.frame(this.focusOf(node, null, this.hops).nodes);
  }

  centerOnEdge(edge: string): void {
    if (this.graph.hasEdge(edge)) this.frame([this.graph.source(edge), this.graph.target(edge)]);
  }

  private setSelection(node: string | null, edge: string | null): void {
    const r = this.display;
    if (this.selectedNode !== null && this.selectedNode !== node && this.graph.hasNode(this.selectedNode)) {
      r.setNodeState(this.selectedNode, { isSelected: false });
    }
    if (this.selectedEdge !== null && this.selectedEdge !== edge && this.graph.hasEdge(this.selectedEdge)) {
      r.setEdgeState(this.selectedEdge, { isSelected: false });
    }
    if (this.highlighted !== null && this.highlighted !== node) this.setHighlighted(null);
    this.selectedNode = node;
    this.selectedEdge = edge;
    // A selected node or edge that the filters hide is shown all the same (it was asked for).
    if (node !== null) r.setNodeState(node, { isSelected: true });
    if (edge !== null) r.setEdgeState(edge, { isSelected: true });
    document.body.classList.toggle('has-selection', node !== null || edge !== null);
    this.applyFocus();
    this.renderDetails();
    this.notifyView();
  }

  private setHighlighted(node: string | null): void {
    if (this.highlighted !== null && this.graph.hasNode(this.highlighted)) {
      this.display.setNodeState(this.highlighted, { isHighlighted: false });
    }
    this.highlighted = node;
    if (node !== null) this.display.setNodeState(node, { isHighlighted: true });
  }

  private queueFocus(): void {
    if (this.focusQueued) return;
    this.focusQueued = true;
    queueMicrotask(() => {
      this.focusQueued = false;
      this.applyFocus();
    });
  }

  /** A node and its neighbours within `hops` over visible edges, or an edge and its two ends. */
  focusOf(node: string | null, edge: string | null, hops: 1 | 2): { nodes: Set<string>; edges: Set<string> } {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    if (node !== null && this.graph.hasNode(node)) {
      nodes.add(node);
      let frontier = [node];
      for (let h = 0; h < hops; h++) {
        const next: string[] = [];
        for (const n of frontier) {
          this.graph.forEachEdge(n, (e, _a, source, target) => {
            if (this.hiddenEdges.has(e)) return;
            edges.add(e);
            const other = source === n ? target : source;
            if (!nodes.has(other)) {
              nodes.add(other);
              next.push(other);
            }
          });
        }
        frontier = next;
      }
    } else if (edge !== null && this.graph.hasEdge(edge)) {
      edges.add(edge);
      nodes.add(this.graph.source(edge));
      nodes.add(this.graph.target(edge));
    }
    return { nodes, edges };
  }

  /**
   * Hovered node, else the selection (with its hops), else the path: it stands out (isActive), the
   * rest fades (isFaded). Only items whose state changes are touched, so moving from one node to
   * the next restyles the two neighbourhoods, not the graph.
   */
  private applyFocus(): void {
    let nodes: Set<string>;
    let edges: Set<string>;
    if (this.hoveredNode !== null && this.graph.hasNode(this.hoveredNode)) ({ nodes, edges } = this.focusOf(this.hoveredNode, null, 1));
    else if (this.selectedNode !== null || this.selectedEdge !== null) ({ nodes, edges } = this.focusOf(this.selectedNode, this.selectedEdge, this.hops));
    else {
      nodes = new Set();
      edges = new Set();
    }
    if (this.path !== null) {
      for (const n of this.path.nodes) nodes.add(n);
      for (const e of this.path.edges) edges.add(e);
    }
    const fadedNodes = new Set<string>();
    const fadedEdges = new Set<string>();
    if (nodes.size > 0) {
      this.graph.forEachNode((node) => {
        if (!nodes.has(node)) fadedNodes.add(node);
      });
      // The selected edge keeps its colour while another node is hovered.
      this.graph.forEachEdge((edge) => {
        if (!edges.has(edge) && edge !== this.selectedEdge) fadedEdges.add(edge);
      });
    }
    const r = this.display;
    r.setNodesState(difference(nodes, this.activeNodes), { isActive: true });
    r.setNodesState(difference(this.activeNodes, nodes), { isActive: false });
    r.setEdgesState(difference(edges, this.activeEdges), { isActive: true });
    r.setEdgesState(difference(this.activeEdges, edges), { isActive: false });
    r.setNodesState(difference(fadedNodes, this.fadedNodes), { isFaded: true });
    r.setNodesState(difference(this.fadedNodes, fadedNodes), { isFaded: false });
    r.setEdgesState(difference(fadedEdges, this.fadedEdges), { isFaded: true });
    r.setEdgesState(difference(this.fadedEdges, fadedEdges), { isFaded: false });
    this.activeNodes = nodes;
    this.activeEdges = edges;
    this.fadedNodes = fadedNodes;
    this.fadedEdges = fadedEdges;
    this.labels.schedule();
  }

  /** Labels placed first: the selection and its edge's ends, the path, then the focus by size. */
  private labelFirst(): string[] {
    const first: string[] = [];
    if (this.selectedNode !== null) first.push(this.selectedNode);
    if (this.selectedEdge !== null && this.graph.hasEdge(this.selectedEdge)) first.push(this.graph.source(this.selectedEdge), this.graph.target(this.selectedEdge));
    if (this.hoveredNode !== null) first.push(this.hoveredNode);
    if (this.path !== null) first.push(...this.path.nodes);
    // By the `size` attribute, of which the drawn size is a rising function (renderer.ts).
    const size = (n: string): number => (this.graph.hasNode(n) ? this.graph.getNodeAttribute(n, 'size') : 0);
    first.push(...[...this.activeNodes].sort((a, b) => size(b) - size(a) || (a < b ? -1 : a > b ? 1 : 0)));
    return first;
  }

  /** True while a node or edge is in focus (the rest of the graph is faded). */
  get hasFocus(): boolean {
    return this.activeNodes.size > 0;
  }

  private notifyView(): void {
    for (const l of this.listeners.view) l();
  }

  renderDetails(): void {
    const box = this.elements.details;
    clear(box);
    if (this.pathEnds !== null) box.append(renderPath(this.graph, this.pathEnds, this.path, this.actions));
    if (this.selectedNode !== null) box.append(renderNodeDetails(this.graph, this.selectedNode, this.actions));
    else if (this.selectedEdge !== null) box.append(renderEdgeDetails(this.graph, this.selectedEdge, this.actions, this.evidenceFeed));
    else if (this.pathEnds === null) box.append(renderEmpty());
    for (const l of this.listeners.details) l(box, this.selectedNode, this.selectedEdge);
    box.scrollTop = 0;
  }
}

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const x of a) if (!b.has(x)) out.push(x);
  return out;
}

function replace(target: Set<string>, source: ReadonlySet<string>): void {
  target.clear();
  for (const x of source) target.add(x);
}
