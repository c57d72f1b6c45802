// The viewer's state machine: selection, hover focus and filters, applied to sigma as states, and
// mirrored in the URL hash. Everything visual goes through the renderer's states; the graph's
// attributes are read, never written.
import type { ViewerGraph } from './data';
import { clear } from './dom';
import { cloneFilters, defaultFilters, edgePasses, isDefaultFilters, nodePasses, type FilterState } from './filters';
import type { EvidenceFeed } from './evidence';
import { decodeHash, encodeHash, type CameraView, type ViewState } from './hash';
import { renderEdgeDetails, renderEmpty, renderNodeDetails, type PanelActions } from './panel';
import { showCommunities, type Renderer } from './renderer';
import type { ColorBy } from './types';

export interface AppElements {
  details: HTMLElement;
}

export class ViewerApp {
  filters: FilterState = defaultFilters();
  selectedNode: string | null = null;
  selectedEdge: string | null = null;
  readonly hiddenNodes = new Set<string>();
  readonly hiddenEdges = new Set<string>();
  private hoveredNode: string | null = null;
  private highlighted: string | null = null;
  private activeNodes = new Set<string>();
  private activeEdges = new Set<string>();
  private fadedNodes = new Set<string>();
  private fadedEdges = new Set<string>();
  private focusQueued = false;
  private colorMode: ColorBy = 'type';
  private hashTimer: number | undefined;
  /** The archive's evidence, once `newsgraph serve` has said it has a store. */
  private evidenceFeed: EvidenceFeed | null = null;
  private readonly listeners: { filters: ((f: FilterState) => void)[]; colorBy: ((c: ColorBy) => void)[] } = { filters: [], colorBy: [] };

  constructor(
    readonly graph: ViewerGraph,
    readonly renderer: Renderer,
    private readonly elements: AppElements,
  ) {
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
    renderer.on('clickNode', ({ node }) => this.selectNode(node));
    renderer.on('clickEdge', ({ edge }) => this.selectEdge(edge));
    renderer.on('clickStage', () => this.clearSelection());
    // A second click within the double-click delay arrives as a double click: on an item it
    // selects (and centres) instead of zooming; on the background sigma zooms as usual.
    renderer.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      this.selectNode(node, { center: true });
    });
    renderer.on('doubleClickEdge', ({ edge, preventSigmaDefault }) => {
      preventSigmaDefault();
      this.selectEdge(edge);
    });
    renderer.getCamera().on('updated', () => this.scheduleHashWrite());
  }

  onFiltersChange(listener: (f: FilterState) => void): void {
    this.listeners.filters.push(listener);
  }

  onColorByChange(listener: (c: ColorBy) => void): void {
    this.listeners.colorBy.push(listener);
  }

  get colorBy(): ColorBy {
    return this.colorMode;
  }

  /** Node colour by entity type or by community (an item state of every node). */
  setColorBy(colorBy: ColorBy, options: { writeHash?: boolean } = {}): void {
    if (colorBy !== this.colorMode) {
      this.colorMode = colorBy;
      showCommunities(this.renderer, this.graph, colorBy === 'community');
      for (const l of this.listeners.colorBy) l(colorBy);
    }
    if (options.writeHash !== false) this.writeHash();
  }

  readonly actions: PanelActions = {
    selectNode: (node, options) => this.selectNode(node, options),
    selectEdge: (edge) => this.selectEdge(edge),
    isEdgeHidden: (edge) => this.hiddenEdges.has(edge),
  };

  selectNode(node: string, options: { center?: boolean; highlight?: boolean; writeHash?: boolean } = {}): void {
    if (!this.graph.hasNode(node)) return;
    this.setSelection(node, null);
    if (options.highlight === true) this.setHighlighted(node);
    if (options.center === true) this.centerOn(node);
    if (options.writeHash !== false) this.writeHash();
  }

  selectEdge(edge: string, options: { center?: boolean; writeHash?: boolean } = {}): void {
    if (!this.graph.hasEdge(edge)) return;
    this.setSelection(null, edge);
    if (options.center === true) this.centerOnEdge(edge);
    if (options.writeHash !== false) this.writeHash();
  }

  /** Edge panels from now on page through the archive; an open one is redrawn to do so. */
  setEvidenceFeed(feed: EvidenceFeed | null): void {
    this.evidenceFeed = feed;
    if (this.selectedEdge !== null) this.renderDetails();
  }

  clearSelection(options: { writeHash?: boolean } = {}): void {
    this.setSelection(null, null);
    if (options.writeHash !== false) this.writeHash();
  }

  setFilters(filters: FilterState, options: { writeHash?: boolean; notify?: boolean } = {}): void {
    this.filters = cloneFilters(filters);
    const nextNodes = new Set<string>();
    const nextEdges = new Set<string>();
    // Default filters hide nothing: no need to visit every item (this runs at start-up).
    if (!isDefaultFilters(this.filters)) {
      this.graph.forEachNode((node, attrs) => {
        if (!nodePasses(attrs, this.filters)) nextNodes.add(node);
      });
      this.graph.forEachEdge((edge, attrs, source, target) => {
        if (!edgePasses(attrs, this.filters) || nextNodes.has(source) || nextNodes.has(target)) nextEdges.add(edge);
      });
    }
    this.renderer.setNodesState(difference(nextNodes, this.hiddenNodes), { isHidden: true });
    this.renderer.setNodesState(difference(this.hiddenNodes, nextNodes), { isHidden: false });
    this.renderer.setEdgesState(difference(nextEdges, this.hiddenEdges), { isHidden: true });
    this.renderer.setEdgesState(difference(this.hiddenEdges, nextEdges), { isHidden: false });
    replace(this.hiddenNodes, nextNodes);
    replace(this.hiddenEdges, nextEdges);
    this.applyFocus();
    this.renderDetails();
    if (options.notify === true) for (const l of this.listeners.filters) l(cloneFilters(this.filters));
    if (options.writeHash !== false) this.writeHash();
  }

  /** Applies a view (from the URL hash): filters, colours, selection, camera. */
  applyView(view: ViewState): void {
    this.setFilters(view.filters, { writeHash: false, notify: true });
    this.setColorBy(view.colorBy, { writeHash: false });
    if (view.node !== null && this.graph.hasNode(view.node)) this.selectNode(view.node, { writeHash: false, highlight: true });
    else if (view.edge !== null && this.graph.hasEdge(view.edge)) this.selectEdge(view.edge, { writeHash: false });
    else this.clearSelection({ writeHash: false });
    if (view.camera !== null) {
      const camera = this.renderer.getCamera();
      camera.cancelAnimation();
      camera.setState(view.camera);
    }
  }

  applyHash(hash: string): void {
    this.applyView(decodeHash(hash));
  }

  currentView(): ViewState {
    const c = this.renderer.getCamera().getState();
    const camera: CameraView = { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle };
    return { node: this.selectedNode, edge: this.selectedEdge, filters: this.filters, colorBy: this.colorBy, camera };
  }

  writeHash(): void {
    window.clearTimeout(this.hashTimer);
    this.hashTimer = undefined;
    const hash = encodeHash(this.currentView());
    const url = `${location.pathname}${location.search}${hash === '' ? '' : `#${hash}`}`;
    if (`${location.pathname}${location.search}${location.hash}` !== url) history.replaceState(history.state, '', url);
  }

  private scheduleHashWrite(): void {
    window.clearTimeout(this.hashTimer);
    this.hashTimer = window.setTimeout(() => this.writeHash(), 250);
  }

  centerOn(node: string): void {
    const data = this.renderer.getNodeDisplayData(node);
    if (data === undefined) return;
    const camera = this.renderer.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.75) }, { duration: 450 });
  }

  /** Moves the camera to the middle of an edge, zooming in no further than centerOn does. */
  centerOnEdge(edge: string): void {
    const a = this.renderer.getNodeDisplayData(this.graph.source(edge));
    const b = this.renderer.getNodeDisplayData(this.graph.target(edge));
    if (a === undefined || b === undefined) return;
    const camera = this.renderer.getCamera();
    void camera.animate({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: Math.min(camera.ratio, 0.75) }, { duration: 450 });
  }

  private setSelection(node: string | null, edge: string | null): void {
    const r = this.renderer;
    if (this.selectedNode !== null && this.selectedNode !== node && this.graph.hasNode(this.selectedNode)) {
      r.setNodeState(this.selectedNode, { isSelected: false });
    }
    if (this.selectedEdge !== null && this.selectedEdge !== edge && this.graph.hasEdge(this.selectedEdge)) {
      r.setEdgeState(this.selectedEdge, { isSelected: false });
    }
    if (this.highlighted !== null && this.highlighted !== node) this.setHighlighted(null);
    this.selectedNode = node;
    this.selectedEdge = edge;
    if (node !== null) r.setNodeState(node, { isSelected: true });
    if (edge !== null) r.setEdgeState(edge, { isSelected: true });
    document.body.classList.toggle('has-selection', node !== null || edge !== null);
    this.applyFocus();
    this.renderDetails();
  }

  private setHighlighted(node: string | null): void {
    if (this.highlighted !== null && this.graph.hasNode(this.highlighted)) {
      this.renderer.setNodeState(this.highlighted, { isHighlighted: false });
    }
    this.highlighted = node;
    if (node !== null) this.renderer.setNodeState(node, { isHighlighted: true });
  }

  private queueFocus(): void {
    if (this.focusQueued) return;
    this.focusQueued = true;
    queueMicrotask(() => {
      this.focusQueued = false;
      this.applyFocus();
    });
  }

  /**
   * Hovered node, else the selected node or edge: it and its neighbourhood stand out (isActive),
   * the rest fades (isFaded). Only items whose state changes are touched, so moving from one
   * node to the next restyles the two neighbourhoods, not the graph.
   */
  private applyFocus(): void {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    const focus = this.hoveredNode ?? this.selectedNode;
    if (focus !== null && this.graph.hasNode(focus)) {
      nodes.add(focus);
      this.graph.forEachEdge(focus, (edge, _attrs, source, target) => {
        if (this.hiddenEdges.has(edge)) return;
        edges.add(edge);
        nodes.add(source === focus ? target : source);
      });
    } else if (this.selectedEdge !== null && this.graph.hasEdge(this.selectedEdge)) {
      edges.add(this.selectedEdge);
      nodes.add(this.graph.source(this.selectedEdge));
      nodes.add(this.graph.target(this.selectedEdge));
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
    const r = this.renderer;
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
  }

  /** True while a node or edge is in focus (the rest of the graph is faded). */
  get hasFocus(): boolean {
    return this.activeNodes.size > 0;
  }

  private renderDetails(): void {
    const box = this.elements.details;
    clear(box);
    if (this.selectedNode !== null) box.append(renderNodeDetails(this.graph, this.selectedNode, this.actions));
    else if (this.selectedEdge !== null) box.append(renderEdgeDetails(this.graph, this.selectedEdge, this.actions, this.evidenceFeed));
    else box.append(renderEmpty());
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
