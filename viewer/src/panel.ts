// The details panel: a node (who it is, what it did, to whom) or an edge (every sentence that
// supports it: graph.json's, then the archive's when `newsgraph serve` has a store). Built with
// createElement/textContent only: labels and sentences are untrusted.
import { RELATIONS } from '../../src/types';
import { renderAntecedents } from './antecedents';
import { ENTITY_NAMES, entityColor, goldsteinColor } from './colors';
import { readEvidence, type ViewerGraph } from './data';
import { el, httpUrl, safeLink } from './dom';
import { EvidenceFeed, type EvidenceEntry } from './evidence';
import { segmentSentence, type MarkTerms } from './highlight';
import { edgeLabel, relationText } from './renderer';
import type { Evidence, SourceInfo, VEdge, VNode } from './types';

export interface PanelActions {
  selectNode(node: string, options?: { center?: boolean }): void;
  selectEdge(edge: string): void;
  isEdgeHidden(edge: string): boolean;
  setHops(hops: 1 | 2): void;
  hops(): 1 | 2;
  findPath(from: string, to: string): void;
  clearPath(): void;
}

/** The node a typed name means: its key, label or an alias (case-insensitive), the most mentioned first. */
export function findActor(graph: ViewerGraph, text: string): string | null {
  const q = text.trim().toLowerCase();
  if (q === '') return null;
  if (graph.hasNode(text.trim())) return text.trim();
  let best: string | null = null;
  let bestMentions = -1;
  graph.forEachNode((node, a) => {
    const hit = a.label.toLowerCase() === q || a.aliases.some((x) => x.toLowerCase() === q);
    if (hit && (a.mentions > bestMentions || (a.mentions === bestMentions && best !== null && node < best))) {
      best = node;
      bestMentions = a.mentions;
    }
  });
  return best;
}

/** The focus controls of a selected node: 1 or 2 hops, and a path to another actor. */
function focusControls(graph: ViewerGraph, node: string, actions: PanelActions): HTMLElement {
  const hops = el('div', { className: 'hops', attrs: { role: 'radiogroup', 'aria-label': 'Neighbourhood' } });
  for (const h of [1, 2] as const) {
    const input = el('input', { attrs: { type: 'radio', name: 'hops', value: String(h) } });
    input.checked = actions.hops() === h;
    input.addEventListener('change', () => actions.setHops(h));
    hops.append(el('label', { className: 'check' }, input, el('span', { text: h === 1 ? '1 hop' : '2 hops' })));
  }
  const to = el('input', { attrs: { type: 'text', name: 'path-to', placeholder: 'Path to… (name)', 'aria-label': 'Path to actor', autocomplete: 'off' } });
  const go = el('button', { className: 'small-button', attrs: { type: 'submit' }, text: 'Find path' });
  const note = el('p', { className: 'muted small path-note' });
  const form = el('form', { className: 'path-form' }, to, go);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const target = findActor(graph, to.value);
    if (target === null) {
      note.textContent = 'No actor by that name.';
      return;
    }
    actions.findPath(node, target);
  });
  return el('div', { className: 'focus-controls' }, hops, form, note);
}

/** The path between two actors: each step a link to its edge. */
export function renderPath(graph: ViewerGraph, ends: readonly [string, string], path: { nodes: string[]; edges: string[] } | null, actions: PanelActions): HTMLElement {
  const root = el('section', { className: 'path-panel', dataset: { from: ends[0], to: ends[1] } });
  const close = el('button', { className: 'link-button', attrs: { type: 'button' }, text: 'clear' });
  close.addEventListener('click', () => actions.clearPath());
  root.append(el('h3', {}, el('span', { text: `Path: ${label(graph, ends[0])} → ${label(graph, ends[1])} ` }), close));
  if (path === null) {
    root.append(el('p', { className: 'muted', text: 'No path through the relations shown.' }));
    return root;
  }
  const ol = el('ol', { className: 'path-steps' });
  path.edges.forEach((edge, i) => {
    const a = graph.getEdgeAttributes(edge);
    const from = path.nodes[i] as string;
    const to = path.nodes[i + 1] as string;
    const button = el('button', { className: 'relation', attrs: { type: 'button' }, dataset: { edge } },
      el('span', { text: `${label(graph, from)} — ${edgeLabel(a)} — ${label(graph, to)}` }),
      el('span', { className: 'count', text: ` ×${a.count}` }));
    button.addEventListener('click', () => actions.selectEdge(edge));
    ol.append(el('li', {}, button));
  });
  root.append(ol);
  return root;
}

export function renderEmpty(): HTMLElement {
  return el(
    'div',
    { className: 'empty' },
    el('p', { className: 'empty-title', text: 'Nothing selected' }),
    el('p', { text: 'Click a node to see who it is and what it did, or an edge to read the sentences behind it.' }),
    el(
      'ul',
      { className: 'hints' },
      el('li', {}, el('kbd', { text: '/' }), ' search'),
      el('li', {}, el('kbd', { text: 'Esc' }), ' clear selection'),
      el('li', {}, 'scroll to zoom, drag to pan'),
    ),
  );
}

export function renderNodeDetails(graph: ViewerGraph, node: string, actions: PanelActions): HTMLElement {
  const a = graph.getNodeAttributes(node);
  const root = el('article', { className: 'details-node', dataset: { node } });
  const dot = el('span', { className: `type-dot shape-${a.entityType}` });
  dot.style.backgroundColor = entityColor(a.entityType);
  root.append(
    el('p', { className: 'kicker' }, dot, ENTITY_NAMES[a.entityType] ?? a.entityType),
    el('h2', { className: 'title', text: a.label }),
  );
  if (a.roles.length > 0) root.append(el('p', { className: 'roles', text: a.roles.join(' · ') }));
  const stats = el(
    'dl',
    { className: 'stats-grid' },
    el('div', {}, el('dt', { text: 'Mentions' }), el('dd', { text: String(a.mentions) })),
    el('div', {}, el('dt', { text: 'Documents' }), el('dd', { text: String(a.documents) })),
    el('div', {}, el('dt', { text: 'Relations' }), el('dd', { text: String(graph.degree(node)) })),
  );
  root.append(stats);
  root.append(focusControls(graph, node, actions));
  if (a.aliases.length > 0) {
    root.append(
      el('h3', { text: 'Also called' }),
      el('ul', { className: 'chips' }, ...a.aliases.map((alias) => el('li', { className: 'chip', text: alias }))),
    );
  }
  // Where it lies (gazetteer, name or text): the region, then the country, each a link when it is a node.
  const within = [a.region, a.country].filter((id): id is string => typeof id === 'string' && id !== '');
  if (within.length > 0) {
    root.append(el('p', { className: 'meta located' }, 'In: ', ...within.flatMap((id, i) => [i > 0 ? ', ' : null, placeLink(graph, id, actions)])));
  }
  if (a.wikidata !== undefined && /^Q\d+$/.test(a.wikidata)) {
    root.append(
      el('p', { className: 'meta' }, 'Wikidata: ', safeLink(`https://www.wikidata.org/wiki/${a.wikidata}`, a.wikidata)),
    );
  }

  // Relations grouped by kind, in vocabulary order, each line clickable.
  const groups = new Map<string, { edge: string; attrs: VEdge; other: string; outgoing: boolean }[]>();
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    const outgoing = source === node;
    const list = groups.get(attrs.relation) ?? [];
    list.push({ edge, attrs, other: outgoing ? target : source, outgoing });
    groups.set(attrs.relation, list);
  });
  const order = (r: string): number => {
    const i = (RELATIONS as readonly string[]).indexOf(r);
    return i === -1 ? RELATIONS.length : i;
  };
  const kinds = [...groups.keys()].sort((x, y) => order(x) - order(y) || x.localeCompare(y));
  root.append(el('h3', { text: kinds.length === 0 ? 'No relations' : 'Relations' }));
  for (const kind of kinds) {
    const items = groups.get(kind) ?? [];
    items.sort((x, y) => y.attrs.count - x.attrs.count || label(graph, x.other).localeCompare(label(graph, y.other)));
    const section = el('section', { className: 'relation-group', dataset: { relation: kind } });
    section.append(
      el('h4', {}, el('span', { text: relationText(kind) }), el('span', { className: 'count', text: String(items.length) })),
    );
    const ul = el('ul', { className: 'relation-list' });
    for (const item of items) {
      const button = el(
        'button',
        {
          className: 'relation',
          attrs: { type: 'button' },
          dataset: { edge: item.edge },
          title: item.outgoing ? `${a.label} ${edgeLabel(item.attrs)} ${label(graph, item.other)}` : `${label(graph, item.other)} ${edgeLabel(item.attrs)} ${a.label}`,
        },
        el('span', { className: 'dir', text: item.outgoing ? '→' : '←' }),
        el('span', { className: 'other', text: label(graph, item.other) }),
        flagsOf(item.attrs),
        el('span', { className: 'count', text: `×${item.attrs.count}` }),
      );
      const swatch = el('span', { className: 'edge-swatch' });
      swatch.style.backgroundColor = goldsteinColor(item.attrs.goldstein);
      button.prepend(swatch);
      if (actions.isEdgeHidden(item.edge)) button.classList.add('is-filtered');
      button.addEventListener('click', () => actions.selectEdge(item.edge));
      ul.append(el('li', {}, button));
    }
    section.append(ul);
    root.append(section);
  }
  return root;
}

export function renderEdgeDetails(graph: ViewerGraph, edge: string, actions: PanelActions, feed: EvidenceFeed | null = null): HTMLElement {
  const a = graph.getEdgeAttributes(edge);
  const source = graph.source(edge);
  const target = graph.target(edge);
  const s = graph.getNodeAttributes(source);
  const t = graph.getNodeAttributes(target);
  const root = el('article', { className: 'details-edge', dataset: { edge } });

  const nodeButton = (key: string, attrs: VNode, role: string): HTMLElement => {
    const b = el('button', { className: `node-link ${role}`, attrs: { type: 'button' }, text: attrs.label });
    b.addEventListener('click', () => actions.selectNode(key, { center: true }));
    return b;
  };
  const swatch = el('span', { className: 'edge-swatch' });
  swatch.style.backgroundColor = goldsteinColor(a.goldstein);
  root.append(
    el('p', { className: 'kicker' }, swatch, 'Relation'),
    el(
      'h2',
      { className: 'title statement' },
      nodeButton(source, s, 'source'),
      ' ',
      el('span', { className: 'verb', text: edgeLabel(a) }),
      ' ',
      nodeButton(target, t, 'target'),
    ),
  );
  const tags = el('p', { className: 'tags' });
  if (a.negated) tags.append(el('span', { className: 'tag tag-negated', text: 'negated', title: 'The text says this did not happen' }));
  if (a.hypothetical) tags.append(el('span', { className: 'tag tag-hypothetical', text: 'hypothetical', title: 'The text says this could, might or would happen' }));
  if (tags.childNodes.length > 0) root.append(tags);

  const seen = a.firstSeen === undefined ? '—' : a.firstSeen === a.lastSeen || a.lastSeen === undefined ? a.firstSeen : `${a.firstSeen} → ${a.lastSeen}`;
  root.append(
    el(
      'dl',
      { className: 'stats-grid' },
      el('div', {}, el('dt', { text: 'Evidence' }), el('dd', { text: String(a.count) })),
      el('div', {}, el('dt', { text: 'Goldstein' }), el('dd', { text: formatGoldstein(a.goldstein) })),
      el('div', {}, el('dt', { text: 'CAMEO' }), el('dd', { text: a.cameo === '' ? '—' : a.cameo })),
      el('div', { className: 'wide' }, el('dt', { text: 'Seen' }), el('dd', { text: seen })),
    ),
  );

  const sources = new Map<string, SourceInfo>();
  for (const info of graph.getAttribute('sources')) sources.set(info.id, info);
  const groups: MarkTerms[] = [
    { kind: 'source', terms: [s.label, ...s.aliases] },
    { kind: 'target', terms: [t.label, ...t.aliases] },
  ];
  const embedded = readEvidence(a.evidence);
  // count is the full number even when graph.json keeps fewer sentences (`--evidence N`).
  const total = Math.max(a.count, embedded.length);
  root.append(el('h3', { text: total === 1 ? '1 sentence' : `${total} sentences` }));
  const list = el('ol', { className: 'evidence' });
  const show = (ev: ShownEvidence): void => {
    list.append(renderEvidence(ev, sources.get(ev.doc), groups, (node) => (graph.hasNode(node) ? label(graph, node) : node), (end) => (end === 'source' ? s.label : t.label)));
  };
  for (const ev of embedded) show(ev);
  root.append(list);
  if (embedded.length < total) root.append(feed === null ? truncatedNote(embedded.length, total) : moreEvidence(feed.entry(edge, embedded.length, total), feed, list, show));
  return root;
}

/** An evidence item from graph.json (Evidence) or from the archive (which adds title and url). */
type ShownEvidence = Evidence & { readonly title?: string; readonly url?: string };

function renderEvidence(
  ev: ShownEvidence,
  info: SourceInfo | undefined,
  groups: readonly MarkTerms[],
  nodeLabel: (node: string) => string,
  endLabel: (end: 'source' | 'target') => string,
): HTMLElement {
  const quote = el('blockquote', { className: 'sentence' });
  // The trigger first: it wins where it overlaps a name.
  for (const seg of segmentSentence(ev.sentence, [{ kind: 'trigger', terms: [ev.trigger] }, ...groups])) {
    quote.append(seg.kind === null ? document.createTextNode(seg.text) : el('mark', { className: `mark-${seg.kind}`, text: seg.text }));
  }
  const meta = el('p', { className: 'meta' });
  const url = ev.url ?? info?.url;
  const title = ev.title ?? info?.title;
  meta.append(safeLink(url, title ?? ev.doc, 'doc-title'));
  const date = ev.date ?? info?.date;
  // A document is dated only from its metadata or dateline (src/ingest/metadata.ts); say so when it is not.
  if (date !== undefined) meta.append(el('span', { className: 'sep', text: ' · ' }), el('time', { text: date, attrs: { datetime: date } }));
  else meta.append(el('span', { className: 'sep', text: ' · ' }), el('span', { className: 'undated muted', text: 'undated' }));
  if (url !== undefined && httpUrl(url) === null) {
    meta.append(el('span', { className: 'sep', text: ' · ' }), el('span', { className: 'muted', text: 'link withheld (not http)' }));
  }
  const extra = el('p', { className: 'meta muted' });
  // The document id too when a title stands in for it: the id is what `newsgraph` and the store key on.
  if (title !== undefined && title !== ev.doc) extra.append(el('span', { className: 'doc-id', text: ev.doc }), ' · ');
  if (ev.reportedBy !== undefined) extra.append(el('span', { className: 'reported', text: `reported by ${nodeLabel(ev.reportedBy)}` }), ' · ');
  extra.append(el('span', { text: `trigger “${ev.trigger}”` }), ' · ', el('code', { text: ev.rule }));
  // "he", "the bloc": the mention of the article each end stands for, beside the sentence.
  return el('li', { dataset: { doc: ev.doc } }, quote, renderAntecedents(ev.antecedents, endLabel), meta, extra);
}

/** No archive to ask (standalone file, or served without a store): say what is missing and where it is. */
function truncatedNote(shown: number, total: number): HTMLElement {
  return el(
    'div',
    { className: 'evidence-more' },
    el('p', { className: 'evidence-status muted', text: `${shown} of ${total} shown.` }),
    el('p', { className: 'muted', text: 'graph.json keeps only the first sentences of each edge; `newsgraph serve` on the build directory shows all of them.' }),
  );
}

/**
 * The archive's sentences after the graph's own, a page at a time: the first page at once, the
 * next on "More sentences". Fetched pages stay in the feed, so a rebuilt panel shows them again.
 */
function moreEvidence(entry: EvidenceEntry, feed: EvidenceFeed, list: HTMLElement, show: (ev: ShownEvidence) => void): HTMLElement {
  const box = el('div', { className: 'evidence-more', attrs: { 'aria-live': 'polite' } });
  const status = el('p', { className: 'evidence-status muted' });
  const error = el('p', { className: 'evidence-error' });
  const button = el('button', { className: 'more-button', attrs: { type: 'button' } });
  box.append(status, error, button);
  let shown = 0;
  const sync = (): void => {
    while (shown < entry.items.length) {
      const ev = entry.items[shown++];
      if (ev !== undefined) show(ev);
    }
    const count = list.childElementCount;
    const more = EvidenceFeed.hasMore(entry);
    status.textContent = entry.pending !== null ? `${count} of ${entry.total} shown; loading…` : more ? `${count} of ${entry.total} shown.` : '';
    error.textContent = entry.error === null ? '' : `Could not load the sentences: ${entry.error}`;
    error.hidden = entry.error === null;
    button.hidden = !more;
    button.disabled = entry.pending !== null;
    button.textContent = entry.error === null ? 'More sentences' : 'Try again';
  };
  const load = (): void => {
    const pending = feed.more(entry);
    sync();
    void pending.then(() => {
      if (box.isConnected) sync();
    });
  };
  button.addEventListener('click', load);
  if (entry.pending !== null) {
    void entry.pending.then(() => {
      if (box.isConnected) sync();
    });
  } else if (entry.items.length === 0 && entry.error === null && EvidenceFeed.hasMore(entry)) {
    load();
  }
  sync();
  return box;
}

function flagsOf(a: VEdge): HTMLElement | null {
  if (a.negated) return el('span', { className: 'tag tag-negated small', text: 'not' });
  if (a.hypothetical) return el('span', { className: 'tag tag-hypothetical small', text: 'maybe' });
  return null;
}

/** A containing place: a button that selects its node, or its id as text when the graph has no such node. */
function placeLink(graph: ViewerGraph, id: string, actions: PanelActions): HTMLElement {
  if (!graph.hasNode(id)) return el('span', { className: 'place', text: id });
  const button = el('button', { className: 'place-link', attrs: { type: 'button' }, dataset: { node: id }, text: label(graph, id) });
  button.addEventListener('click', () => actions.selectNode(id));
  return button;
}

function label(graph: ViewerGraph, node: string): string {
  return graph.getNodeAttribute(node, 'label');
}

function formatGoldstein(g: number): string {
  return `${g > 0 ? '+' : g < 0 ? '−' : ''}${Math.abs(g).toFixed(1)}`;
}
