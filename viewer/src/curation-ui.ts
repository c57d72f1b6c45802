// Curation in the viewer: merge, rename, change type, delete, add an alias, confirm or reject an
// edge, each undoable; the review queue; and the curation file (src/graph/curation.ts), saved
// through `serve --edit` (token from the page URL) or offered for download. Decisions act on the
// next build (`build --curation FILE`); here, deleted and merged-away actors and rejected edges are
// hidden at once, and the panel lists what is pending. The graph's attributes are never written.
import { emptyCuration, parseCuration, serializeCuration, type Curation } from '../../src/graph/curation';
import { ENTITY_TYPES, type EntityType } from '../../src/types';
import type { ViewerApp } from './app';
import { ENTITY_NAMES } from './colors';
import type { ViewerGraph } from './data';
import { clear, el } from './dom';
import { findActor } from './panel';
import { freshEdges, reviewQueue } from './review';

/** Where decisions go: the server (edit mode) or a file the user downloads. */
export interface CurationStore {
  readonly mode: 'edit' | 'download';
  load(): Promise<Curation>;
  save(text: string): Promise<void>;
}

const SAVE_DELAY_MS = 300;

/** `serve --edit`: the token from `?token=` goes with every write. */
export function serverStore(base: URL, token: string, fetchFn: typeof fetch): CurationStore {
  const url = new URL('api/curation', base).href;
  return {
    mode: 'edit',
    async load() {
      const r = await fetchFn(url, { headers: { Accept: 'application/json' } });
      if (!r.ok) throw new Error(`api/curation: HTTP ${r.status}`);
      return parseCuration(await r.json());
    },
    async save(text) {
      const r = await fetchFn(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Newsgraph-Token': token }, body: text });
      if (!r.ok) {
        const reply = (await r.json().catch(() => ({}))) as { error?: unknown };
        throw new Error(typeof reply.error === 'string' ? reply.error : `HTTP ${r.status}`);
      }
    },
  };
}

export const downloadStore: CurationStore = {
  mode: 'download',
  load: () => Promise.resolve(emptyCuration()),
  save: () => Promise.resolve(),
};

export class CurationSession {
  private curation: Curation = emptyCuration();
  private readonly undoStack: { curation: Curation; what: string }[] = [];
  private saveTimer: number | undefined;
  private status = '';
  private reviewOpen = false;
  private fresh: Set<string> = new Set();

  constructor(
    private readonly graph: ViewerGraph,
    private readonly app: ViewerApp,
    private readonly store: CurationStore,
    private readonly bar: HTMLElement,
    private readonly reviewBox: HTMLElement,
    /** Below the details panel: the selected node's or edge's curation controls. */
    private readonly curateBox: HTMLElement,
  ) {
    app.onDetailsRendered((_box, node, edge) => {
      clear(curateBox);
      if (node !== null) curateBox.append(this.nodeControls(node));
      else if (edge !== null) curateBox.append(this.edgeControls(edge));
    });
    this.renderBar();
  }

  async start(): Promise<void> {
    let storage: Storage | null = null;
    try {
      storage = window.localStorage;
    } catch {
      storage = null;
    }
    this.fresh = freshEdges(this.graph, storage, `newsgraph:seen:${location.pathname}`);
    try {
      this.curation = await this.store.load();
      this.status = this.store.mode === 'edit' ? 'editing' : '';
    } catch (e) {
      this.status = `could not read the curation file: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.refresh(false);
  }

  get current(): Curation {
    return this.curation;
  }

  get decisions(): number {
    const c = this.curation;
    return c.merges.length + c.renames.length + c.types.length + c.deletions.length + c.edges.length + c.entities.reduce((n, e) => n + Math.max(1, e.aliases.length), 0);
  }

  /** Records one decision: `change` edits a copy; the old state goes on the undo stack. */
  decide(what: string, change: (c: Curation) => void): void {
    this.undoStack.push({ curation: this.curation, what });
    const next = parseCuration(JSON.parse(serializeCuration(this.curation)));
    change(next);
    this.curation = next;
    this.refresh(true);
  }

  undo(): void {
    const last = this.undoStack.pop();
    if (last === undefined) return;
    this.curation = last.curation;
    this.refresh(true);
  }

  merge(from: string, into: string): void {
    if (from === into || !this.graph.hasNode(from) || !this.graph.hasNode(into)) return;
    this.decide(`merge ${this.label(from)} into ${this.label(into)}`, (c) => {
      c.merges = c.merges.filter((m) => m.from !== from);
      c.merges.push({ from, into });
    });
  }

  rename(node: string, label: string): void {
    const text = label.trim();
    if (text === '') return;
    this.decide(`rename ${this.label(node)}`, (c) => {
      c.renames = c.renames.filter((r) => r.node !== node);
      c.renames.push({ node, label: text });
    });
  }

  setType(node: string, entityType: EntityType): void {
    this.decide(`type of ${this.label(node)}`, (c) => {
      c.types = c.types.filter((t) => t.node !== node);
      c.types.push({ node, entityType });
    });
  }

  remove(node: string): void {
    this.decide(`delete ${this.label(node)}`, (c) => {
      c.deletions = c.deletions.filter((d) => d.node !== node);
      c.deletions.push({ node });
    });
  }

  /** An alias is an `entities` entry (as in an --aliases file): it acts when names are recognised. */
  addAlias(node: string, alias: string): void {
    const text = alias.trim();
    if (text === '') return;
    const a = this.graph.getNodeAttributes(node);
    const name = this.curation.renames.find((r) => r.node === node)?.label ?? a.label;
    const entityType = this.curation.types.find((t) => t.node === node)?.entityType ?? a.entityType;
    this.decide(`alias ${text}`, (c) => {
      const entry = c.entities.find((e) => e.name === name && e.entityType === entityType);
      if (entry) {
        if (!entry.aliases.includes(text)) entry.aliases.push(text);
      } else {
        c.entities.push({ name, entityType, aliases: [text], ...(a.wikidata !== undefined ? { wikidata: a.wikidata } : {}) });
      }
    });
  }

  decideEdge(edge: string, decision: 'reject' | 'confirm'): void {
    this.decide(`${decision} edge`, (c) => {
      c.edges = c.edges.filter((e) => e.edge !== edge);
      c.edges.push({ edge, decision });
    });
  }

  /** The curation file's text, as saved. */
  text(): string {
    return serializeCuration(this.curation);
  }

  toggleReview(open = !this.reviewOpen): void {
    this.reviewOpen = open;
    this.renderReview();
    this.renderBar();
  }

  private label(node: string): string {
    return this.graph.hasNode(node) ? this.graph.getNodeAttribute(node, 'label') : node;
  }

  private removedSets(): { nodes: Set<string>; edges: Set<string> } {
    const c = this.curation;
    return {
      nodes: new Set([...c.deletions.map((d) => d.node), ...c.merges.map((m) => m.from)]),
      edges: new Set(c.edges.filter((e) => e.decision === 'reject').map((e) => e.edge)),
    };
  }

  private refresh(changed: boolean): void {
    this.app.setRemoved(this.removedSets());
    this.app.renderDetails();
    this.renderBar();
    if (this.reviewOpen) this.renderReview();
    if (changed && this.store.mode === 'edit') this.scheduleSave();
  }

  private scheduleSave(): void {
    window.clearTimeout(this.saveTimer);
    this.status = 'saving…';
    this.renderBar();
    this.saveTimer = window.setTimeout(() => {
      const text = this.text();
      this.store.save(text).then(
        () => {
          if (this.text() === text) this.status = 'saved';
          this.renderBar();
          document.body.dataset['curationSaved'] = String(this.decisions);
        },
        (e: unknown) => {
          this.status = `not saved: ${e instanceof Error ? e.message : String(e)}`;
          this.renderBar();
        },
      );
    }, SAVE_DELAY_MS);
  }

  private renderBar(): void {
    clear(this.bar);
    const n = this.decisions;
    const undo = el('button', { className: 'small-button', attrs: { type: 'button', name: 'undo' }, text: 'Undo' });
    undo.disabled = this.undoStack.length === 0;
    const last = this.undoStack[this.undoStack.length - 1];
    if (last !== undefined) undo.title = `Undo: ${last.what}`;
    undo.addEventListener('click', () => this.undo());
    const review = el('button', { className: `small-button${this.reviewOpen ? ' is-on' : ''}`, attrs: { type: 'button', name: 'review', 'aria-pressed': String(this.reviewOpen) }, text: 'Review' });
    review.addEventListener('click', () => this.toggleReview());
    this.bar.append(el('span', { className: 'decisions', text: `${n} ${n === 1 ? 'decision' : 'decisions'}` }), undo, review);
    if (this.store.mode === 'download') {
      const download = el('button', { className: 'small-button', attrs: { type: 'button', name: 'download' }, text: 'Download curation.json' });
      download.disabled = n === 0;
      download.title = 'Read-only server: save the decisions as a file, then build with --curation FILE';
      download.addEventListener('click', () => {
        const url = URL.createObjectURL(new Blob([this.text()], { type: 'application/json' }));
        const a = el('a', { attrs: { href: url, download: 'curation.json' } });
        document.body.append(a);
        a.click();
        a.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 1000);
      });
      this.bar.append(download);
    }
    if (this.status !== '') this.bar.append(el('span', { className: 'status muted', text: this.status }));
  }

  private renderReview(): void {
    const box = this.reviewBox;
    clear(box);
    box.hidden = !this.reviewOpen;
    if (!this.reviewOpen) return;
    const removed = this.removedSets();
    const decidedEdges = new Set([...removed.edges, ...this.curation.edges.map((e) => e.edge)]);
    const decidedNodes = new Set([...removed.nodes, ...this.curation.renames.map((r) => r.node), ...this.curation.types.map((t) => t.node)]);
    const items = reviewQueue(this.graph, { nodes: decidedNodes, edges: decidedEdges }, undefined, this.fresh);
    box.append(el('h3', { text: `Review queue (${items.length})` }));
    if (items.length === 0) box.append(el('p', { className: 'muted', text: 'Nothing to review.' }));
    const ul = el('ul', { className: 'review-list' });
    for (const item of items) {
      const text =
        item.kind === 'node'
          ? this.label(item.key)
          : `${this.label(this.graph.source(item.key))} ${this.graph.getEdgeAttribute(item.key, 'label')} ${this.label(this.graph.target(item.key))}`;
      const open = el('button', { className: 'relation', attrs: { type: 'button' }, dataset: { [item.kind]: item.key } }, el('span', { className: 'other', text }), el('span', { className: 'muted small', text: ` ${item.reasons.join(' · ')}` }));
      open.addEventListener('click', () => (item.kind === 'node' ? this.app.selectNode(item.key, { center: true }) : this.app.selectEdge(item.key, { center: true })));
      const li = el('li', { className: `review-${item.kind}` }, open);
      if (item.other !== undefined) {
        const into = item.other;
        const merge = el('button', { className: 'small-button', attrs: { type: 'button', name: 'quick-merge' }, text: `merge into ${this.label(into)}` });
        merge.addEventListener('click', () => this.merge(item.key, into));
        li.append(merge);
      }
      ul.append(li);
    }
    box.append(ul);
  }

  private nodeControls(node: string): HTMLElement {
    const section = el('section', { className: 'curate', dataset: { node } });
    section.append(el('h3', { text: 'Curate' }));
    const pending = this.pendingFor(node);
    if (pending.length > 0) section.append(el('p', { className: 'pending small', text: `Next build: ${pending.join('; ')}` }));
    const row = (name: string, input: HTMLElement, label: string, act: () => void): HTMLElement => {
      const button = el('button', { className: 'small-button', attrs: { type: 'submit', name }, text: label });
      const form = el('form', { className: 'curate-row' }, input, button);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        act();
      });
      return form;
    };
    const renameInput = el('input', { attrs: { type: 'text', name: 'rename-to', 'aria-label': 'New name', placeholder: 'New name' } });
    section.append(row('rename', renameInput, 'Rename', () => this.rename(node, renameInput.value)));
    const typeSelect = el('select', { attrs: { name: 'type-to', 'aria-label': 'Entity type' } });
    for (const t of ENTITY_TYPES) {
      const option = el('option', { attrs: { value: t }, text: ENTITY_NAMES[t] ?? t });
      option.selected = t === this.graph.getNodeAttribute(node, 'entityType');
      typeSelect.append(option);
    }
    section.append(row('set-type', typeSelect, 'Change type', () => this.setType(node, typeSelect.value as EntityType)));
    const mergeInput = el('input', { attrs: { type: 'text', name: 'merge-into', 'aria-label': 'Merge into actor', placeholder: 'Merge into… (name)' } });
    const note = el('p', { className: 'muted small' });
    section.append(
      row('merge', mergeInput, 'Merge', () => {
        const into = findActor(this.graph, mergeInput.value);
        if (into === null || into === node) note.textContent = 'No other actor by that name.';
        else this.merge(node, into);
      }),
    );
    const aliasInput = el('input', { attrs: { type: 'text', name: 'alias', 'aria-label': 'New alias', placeholder: 'Also called…' } });
    section.append(row('add-alias', aliasInput, 'Add alias', () => this.addAlias(node, aliasInput.value)));
    const del = el('button', { className: 'small-button danger', attrs: { type: 'button', name: 'delete' }, text: 'Delete actor' });
    del.addEventListener('click', () => this.remove(node));
    section.append(note, del);
    return section;
  }

  private edgeControls(edge: string): HTMLElement {
    const section = el('section', { className: 'curate', dataset: { edge } });
    section.append(el('h3', { text: 'Curate' }));
    const decision = this.curation.edges.find((e) => e.edge === edge)?.decision;
    if (decision !== undefined) section.append(el('p', { className: 'pending small', text: `Next build: ${decision === 'reject' ? 'rejected' : 'confirmed'}` }));
    for (const [name, label, d] of [['confirm', 'Confirm', 'confirm'], ['reject', 'Reject', 'reject']] as const) {
      const b = el('button', { className: `small-button${d === 'reject' ? ' danger' : ''}`, attrs: { type: 'button', name }, text: label });
      b.disabled = decision === d;
      b.addEventListener('click', () => this.decideEdge(edge, d));
      section.append(b);
    }
    return section;
  }

  private pendingFor(node: string): string[] {
    const c = this.curation;
    const out: string[] = [];
    const rename = c.renames.find((r) => r.node === node);
    if (rename) out.push(`named ${rename.label}`);
    const type = c.types.find((t) => t.node === node);
    if (type) out.push(`type ${type.entityType}`);
    for (const m of c.merges) if (m.into === node) out.push(`takes in ${this.label(m.from)}`);
    const name = rename?.label ?? this.label(node);
    for (const e of c.entities) if (e.name === name && e.aliases.length > 0) out.push(`also called ${e.aliases.join(', ')}`);
    return out;
  }
}
