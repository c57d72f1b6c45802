// Entry point: load the graph (embedded or graph.json), draw it with the precomputed layout, wire
// the search, filters, legend, panels, keyboard and URL hash.
import { ViewerApp } from './app';
import { httpArchive } from './archive';
import { buildGraph, loadGraphJson, type ViewerGraph } from './data';
import { byId, clear, el } from './dom';
import { EvidenceFeed } from './evidence';
import { mountFilters } from './filters-ui';
import { mountLegend } from './legend';
import { createRenderer, type Renderer } from './renderer';
import { hitTarget, makeEntry, type SearchEntry } from './search';
import { mountSearch } from './search-ui';
import { UPDATE_POLL_MS, watchGraphVersion } from './updates';

/** Exposed on window only with `?test` in the URL, for the browser tests. */
export interface TestHook {
  app: ViewerApp;
  renderer: Renderer;
  graph: ViewerGraph;
  /** Viewport (CSS pixel, relative to the graph container) position of a node. */
  nodeViewport(node: string): { x: number; y: number } | null;
  edgeState(edge: string): { isHidden: boolean; isSelected: boolean; isActive: boolean; parallelIndex: number; parallelCount: number };
  isAnimating(): boolean;
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
  try {
    const loaded = await loadGraphJson();
    performance.mark('newsgraph:loaded');
    hasArchive = loaded.archive;
    graphVersion = loaded.version;
    graph = buildGraph(loaded.data);
    performance.mark('newsgraph:graph');
  } catch (e) {
    showError(`Could not load the graph: ${e instanceof Error ? e.message : String(e)}`);
    stats.textContent = 'no graph';
    return;
  }

  const docs = graph.getAttribute('documentCount');
  stats.textContent = '';
  stats.append(
    el('strong', { text: plural(docs, 'document') }),
    el('span', { className: 'sep', text: ' · ' }),
    plural(graph.order, 'actor'),
    el('span', { className: 'sep', text: ' · ' }),
    plural(graph.size, 'relation'),
  );
  const generator = graph.getAttribute('generator');
  const version = graph.getAttribute('version');
  stats.title = `${generator}${version ? ` ${version}` : ''}`;

  const container = byId('graph', HTMLElement);
  const renderer = createRenderer(graph, container);
  // sigma draws its first frame inside its constructor: the graph is on screen now
  // (scripts/bench-viewer.mjs reads this mark).
  performance.mark('newsgraph:first-render');
  const app = new ViewerApp(graph, renderer, { details: byId('details-body', HTMLElement) });

  const filters = mountFilters(byId('filters', HTMLFormElement), graph, (f) => app.setFilters(f));
  app.onFiltersChange((f) => filters.set(f));
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

  app.applyHash(location.hash);
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
      graph,
      nodeViewport(node) {
        const d = renderer.getNodeDisplayData(node);
        return d === undefined ? null : renderer.framedGraphToViewport({ x: d.x, y: d.y });
      },
      edgeState(edge) {
        const s = renderer.getEdgeState(edge);
        return { isHidden: s.isHidden, isSelected: s.isSelected, isActive: s.isActive, parallelIndex: s.parallelIndex, parallelCount: s.parallelCount };
      },
      isAnimating: () => renderer.getCamera().isAnimating(),
      hoveredEdge: () => graph.findEdge((edge) => renderer.getEdgeState(edge).isHovered) ?? null,
    };
  }
  document.body.dataset['ready'] = 'true';
  performance.mark('newsgraph:ready');
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
