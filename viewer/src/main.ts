// Entry point: load the graph (embedded or graph.json), draw it with the precomputed layout, wire
// the search, filters, legend, panels, keyboard and URL hash.
import { ViewerApp } from './app';
import { httpArchive } from './archive';
import { buildGraph, loadGraphJson, type ViewerGraph } from './data';
import { byId, clear, el } from './dom';
import { EvidenceFeed } from './evidence';
import { mountFilters } from './filters-ui';
import { mountLegend } from './legend';
import { decodeHash } from './hash';
import { createRenderer, EDGE_LABELS_ZOOM_RATIO, enableEdgeLabels, setEdgeLabelZoom, type Renderer } from './renderer';

/** Edge labels appear once the camera is this much closer than the first view. */
const EDGE_LABEL_ZOOM_FACTOR = 0.4;
import { CurationSession, downloadStore, serverStore } from './curation-ui';
import { labelBox, type Box } from './labels';
import { hitTarget, makeEntry, type SearchEntry } from './search';
import { mountSearch } from './search-ui';
import { UPDATE_POLL_MS, watchGraphVersion } from './updates';
import type { Visibility } from './visibility';

/** Exposed on window only with `?test` in the URL, for the browser tests. */
export interface TestHook {
  app: ViewerApp;
  renderer: Renderer;
  curation: CurationSession;
  graph: ViewerGraph;
  /** Viewport (CSS pixel, relative to the graph container) position of a node. */
  nodeViewport(node: string): { x: number; y: number } | null;
  /** Not drawn: sigma does not hold it (display.ts). */
  nodeHidden(node: string): boolean;
  edgeState(edge: string): { isHidden: boolean; isSelected: boolean; isActive: boolean; parallelIndex: number; parallelCount: number };
  isAnimating(): boolean;
  /** Viewport boxes of the labels sigma draws (after placing them once more). */
  labelBoxes(): { node: string; box: Box }[];
  /** Viewport discs of the drawn nodes. */
  nodeDiscs(): { node: string; x: number; y: number; r: number }[];
  hoveredEdge(): string | null;
}

declare global {
  interface Window {
    __newsgraph?: TestHook;
  }
}

async function start(): Promise<void> {
  const stats = byId('stats', HTMLElement);
  let graph: ViewerGraph;
  let hasArchive: boolean;
  let graphVersion: string | null;
  let editMode = false;
  try {
    const loaded = await loadGraphJson();
    performance.mark('newsgraph:loaded');
    hasArchive = loaded.archive;
    graphVersion = loaded.version;
    editMode = loaded.edit;
    graph = buildGraph(loaded.data);
    performance.mark('newsgraph:graph');
  } catch (e) {
    showError(`Could not load the graph: ${e instanceof Error ? e.message : String(e)}`);
    stats.textContent = 'no graph';
    return;
  }

  const docs = graph.getAttribute('documentCount');
  // The header counts what is drawn, out of what the graph has: they follow the filters.
  const showStats = (v: Visibility): void => {
    stats.textContent = '';
    stats.append(
      el('strong', { text: plural(docs, 'document') }),
      el('span', { className: 'sep', text: ' · ' }),
      el('span', { className: 'stat-nodes', text: shownOf(v.nodes, v.totalNodes, 'actor') }),
      el('span', { className: 'sep', text: ' · ' }),
      el('span', { className: 'stat-edges', text: shownOf(v.edges, v.totalEdges, 'relation') }),
    );
  };
  const generator = graph.getAttribute('generator');
  const version = graph.getAttribute('version');
  stats.title = `${generator}${version ? ` ${version}` : ''}`;

  const container = byId('graph', HTMLElement);
  const { renderer, display } = createRenderer(graph, container);
  performance.mark('newsgraph:renderer');
  const app = new ViewerApp(graph, renderer, display, { details: byId('details-body', HTMLElement) });

  const filters = mountFilters(byId('filters', HTMLFormElement), graph, (f) => app.setFilters(f));
  app.onFiltersChange((f) => filters.set(f));
  app.onVisibilityChange((v) => {
    showStats(v);
    filters.setCounts(v);
  });
  showStats(app.visibility);
  filters.setCounts(app.visibility);
  const legend = mountLegend(byId('legend', HTMLElement), graph, (c) => app.setColorBy(c));
  app.onColorByChange((c) => legend.set(c));

  // The search index is built on first use: most page loads never search.
  const entries = (): SearchEntry[] => graph.mapNodes((node, a) => makeEntry(node, a.label, a.aliases, a.entityType, a.mentions));
  const searchInput = byId('search', HTMLInputElement);
  const search = mountSearch(searchInput, byId('search-results', HTMLUListElement), byId('search-mode', HTMLSelectElement), entries, (node) =>
    app.selectNode(node, { center: true, highlight: true }),
  );

  // `newsgraph serve` with a store: edge panels page through every sentence, the search box can
  // search them. Relative URLs, so that a proxy's path prefix is kept.
  if (hasArchive) {
    const archive = httpArchive(new URL(document.baseURI), (input, init) => fetch(input, init));
    app.setEvidenceFeed(new EvidenceFeed(archive));
    search.enableSentences(archive, {
      inGraph: (hit) => hitTarget(hit.edges, graph) !== null,
      choose: (hit) => {
        const target = hitTarget(hit.edges, graph);
        if (target === null) return;
        if ('edge' in target) app.selectEdge(target.edge, { center: true });
        else app.selectNode(target.node, { center: true, highlight: true });
      },
    });
  }
  document.body.dataset['archive'] = hasArchive ? 'store' : 'none';

  // Curation: saved through `serve --edit` with the token of the page's URL, else downloaded.
  const token = new URLSearchParams(location.search).get('token');
  const store = editMode && token !== null && token !== '' ? serverStore(new URL(document.baseURI), token, (input, init) => fetch(input, init)) : downloadStore;
  const curation = new CurationSession(graph, app, store, byId('curation', HTMLElement), byId('review', HTMLElement), byId('curate', HTMLElement));
  void curation.start();

  app.applyHash(location.hash);
  // Edge labels once zoomed in well past the first view (a link's camera is not a first view).
  const first = app.currentView().camera;
  setEdgeLabelZoom(renderer, Math.min(EDGE_LABELS_ZOOM_RATIO, decodeHash(location.hash).camera === null && first !== null ? first.ratio * EDGE_LABEL_ZOOM_FACTOR : EDGE_LABELS_ZOOM_RATIO));
  window.addEventListener('hashchange', () => app.applyHash(location.hash));

  // A served graph.json may be rewritten (`newsgraph watch`): say so, and let the user reload.
  if (graphVersion !== null) {
    const interval = Number(new URLSearchParams(location.search).get('poll')) || UPDATE_POLL_MS;
    watchGraphVersion(new URL('graph.json', document.baseURI).href, graphVersion, showUpdated, {
      interval,
      fetchFn: (input, init) => fetch(input, init),
      visible: () => document.visibilityState === 'visible',
    });
  }

  document.addEventListener('keydown', (e) => {
    const target = e.target;
    const typing =
      target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      searchInput.focus();
      searchInput.select();
    } else if (e.key === 'Escape') {
      if (search.isOpen()) return;
      if (typing && target instanceof HTMLElement) target.blur();
      app.clearSelection();
    }
  });

  if (new URLSearchParams(location.search).has('test')) {
    window.__newsgraph = {
      app,
      renderer,
      curation,
      graph,
      nodeViewport(node) {
        const d = renderer.getNodeDisplayData(node);
        return d === undefined ? null : renderer.framedGraphToViewport({ x: d.x, y: d.y });
      },
      nodeHidden: (node) => !display.hasNode(node),
      edgeState(edge) {
        const s = renderer.getEdgeState(edge);
        return { isHidden: !display.hasEdge(edge), isSelected: s.isSelected, isActive: s.isActive, parallelIndex: s.parallelIndex, parallelCount: s.parallelCount };
      },
      isAnimating: () => renderer.getCamera().isAnimating(),
      labelBoxes() {
        app.labels.place();
        const out: { node: string; box: Box }[] = [];
        for (const node of renderer.getNodeDisplayedLabels()) {
          const box = labelBox(renderer, node);
          if (box !== null) out.push({ node, box });
        }
        return out;
      },
      nodeDiscs() {
        const out: { node: string; x: number; y: number; r: number }[] = [];
        graph.forEachNode((node) => {
          if (app.hiddenNodes.has(node)) return;
          const d = renderer.getNodeDisplayData(node);
          if (d === undefined) return;
          const p = renderer.framedGraphToViewport({ x: d.x, y: d.y });
          out.push({ node, x: p.x, y: p.y, r: renderer.scaleSize(d.size) });
        });
        return out;
      },
      hoveredEdge: () => display.shown.findEdge((edge) => renderer.getEdgeState(edge).isHovered) ?? null,
    };
  }
  document.body.dataset['ready'] = 'true';
  performance.mark('newsgraph:ready');
  // The first view is on screen once the frames asked for so far are drawn: sigma's pending
  // render runs in the next animation frame, and the one after it starts when that one is done
  // (scripts/bench-viewer.mjs reads this mark).
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark('newsgraph:first-view');
      enableEdgeLabels(renderer, graph);
    }),
  );
}

function shownOf(shown: number, total: number, word: string): string {
  return shown === total ? plural(total, word) : `${shown.toLocaleString('en-US')} of ${plural(total, word)}`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function showUpdated(): void {
  const notice = byId('updated', HTMLElement);
  notice.hidden = false;
  byId('reload', HTMLButtonElement).addEventListener('click', () => location.reload());
}

function showError(message: string): void {
  const box = document.getElementById('error');
  if (!box) return;
  clear(box);
  box.append(el('strong', { text: 'newsgraph: ' }), message);
  box.hidden = false;
}

function boot(): void {
  start().catch((e: unknown) => showError(e instanceof Error ? e.message : String(e)));
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
