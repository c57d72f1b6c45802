// The search box with an autocomplete list (ARIA combobox). Two modes: actors (labels and aliases,
// ranked in the page) and, when `newsgraph serve` has a store, sentences (the archive's full-text
// search, asked after a pause in typing). Hits are built with text nodes only: they are article text.
import { searchWords, type Archive, type SentenceHit } from './archive';
import { entityColor } from './colors';
import { clear, el } from './dom';
import { segmentSentence } from './highlight';
import { search, type SearchEntry, type SearchResult } from './search';

export type SearchMode = 'actors' | 'sentences';

/** Wait after the last key before asking the archive. */
export const SEARCH_DELAY_MS = 250;
/** Hits asked for (the API allows up to 100). */
export const SENTENCE_HITS = 20;

export interface SentenceActions {
  choose(hit: SentenceHit): void;
  /** Whether choosing the hit shows anything: its edge, or one of its actors, is in this graph. */
  inGraph(hit: SentenceHit): boolean;
}

export interface SearchControl {
  close(): void;
  isOpen(): boolean;
  /** Offers the sentences mode, searching the archive. */
  enableSentences(archive: Archive, actions: SentenceActions): void;
  setMode(mode: SearchMode): void;
}

type Option = { kind: 'actor'; result: SearchResult } | { kind: 'hit'; hit: SentenceHit; inGraph: boolean };

const TEXTS: Readonly<Record<SearchMode, { placeholder: string; list: string }>> = {
  actors: { placeholder: 'Search actors and aliases', list: 'Matching actors' },
  sentences: { placeholder: 'Search the sentences of the archive', list: 'Matching sentences' },
};

export function mountSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  modeSelect: HTMLSelectElement,
  index: () => readonly SearchEntry[],
  onChoose: (node: string) => void,
): SearchControl {
  let mode: SearchMode = 'actors';
  let entries: readonly SearchEntry[] | null = null;
  let options: Option[] = [];
  /** A line after the options: "No match", "Searching…", an error. */
  let note: string | null = null;
  let active = -1;
  let sentences: { archive: Archive; actions: SentenceActions } | null = null;
  /** The query the sentence options answer, and the request in flight. */
  let answered: string | null = null;
  let timer: number | undefined;
  let request: AbortController | null = null;

  const render = (): void => {
    clear(list);
    const words = mode === 'sentences' ? searchWords(input.value) : [];
    options.forEach((o, i) => {
      const item = o.kind === 'actor' ? actorOption(o.result) : hitOption(o.hit, o.inGraph, words);
      item.id = `search-option-${i}`;
      item.classList.add('option');
      item.classList.toggle('active', i === active);
      item.setAttribute('role', 'option');
      item.setAttribute('aria-selected', String(i === active));
      // mousedown, not click: it runs before the input's blur closes the list.
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(i);
      });
      list.append(item);
    });
    if (note !== null) list.append(el('li', { className: 'option empty', text: note, attrs: { role: 'option', 'aria-disabled': 'true' } }));
    const open = input.value.trim() !== '' && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const show = (next: Option[], nextNote: string | null): void => {
    options = next;
    note = nextNote;
    active = options.length > 0 ? 0 : -1;
    render();
  };

  const updateActors = (): void => {
    entries ??= index();
    const results = search(entries, input.value);
    show(
      results.map((result) => ({ kind: 'actor', result })),
      results.length === 0 && input.value.trim() !== '' ? 'No match' : null,
    );
  };

  const cancelSentences = (): void => {
    window.clearTimeout(timer);
    timer = undefined;
    request?.abort();
    request = null;
  };

  const updateSentences = (): void => {
    if (sentences === null) return;
    const { archive, actions } = sentences;
    const q = input.value.trim();
    if (q === answered) {
      render();
      return;
    }
    cancelSentences();
    answered = null;
    if (q === '') return show([], null);
    if (searchWords(q).length === 0) return show([], 'Type a word to search the sentences');
    // The previous hits stay up while the next ones come: no flicker at every key.
    if (options.length === 0) {
      note = 'Searching…';
      render();
    }
    timer = window.setTimeout(() => {
      const controller = new AbortController();
      request = controller;
      archive.search(q, SENTENCE_HITS, controller.signal).then(
        (hits) => {
          if (controller.signal.aborted) return;
          request = null;
          answered = q;
          show(
            hits.map((hit) => ({ kind: 'hit', hit, inGraph: actions.inGraph(hit) })),
            hits.length === 0 ? 'No sentence has all these words' : null,
          );
        },
        (e: unknown) => {
          if (controller.signal.aborted) return;
          request = null;
          show([], `Search failed: ${e instanceof Error ? e.message : String(e)}`);
        },
      );
    }, SEARCH_DELAY_MS);
  };

  const update = (): void => (mode === 'sentences' ? updateSentences() : updateActors());

  const choose = (i: number): void => {
    const o = options[i];
    if (o === undefined) return;
    if (o.kind === 'actor') input.value = o.result.label;
    close();
    input.blur();
    if (o.kind === 'actor') onChoose(o.result.node);
    else sentences?.actions.choose(o.hit);
  };

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  const setMode = (next: SearchMode): void => {
    if (next === 'sentences' && sentences === null) return;
    modeSelect.value = next;
    if (next === mode) return;
    mode = next;
    cancelSentences();
    answered = null;
    options = [];
    note = null;
    active = -1;
    input.placeholder = TEXTS[mode].placeholder;
    input.setAttribute('aria-label', TEXTS[mode].placeholder);
    list.setAttribute('aria-label', TEXTS[mode].list);
    if (input.value.trim() !== '') update();
    else render();
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (options.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active >= 0 ? active : 0);
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.stopPropagation();
        close();
      } else {
        input.blur();
      }
    }
  });
  modeSelect.addEventListener('change', () => {
    setMode(modeSelect.value === 'sentences' ? 'sentences' : 'actors');
    input.focus();
  });

  return {
    close,
    isOpen: () => !list.hidden,
    enableSentences(archive, actions) {
      sentences = { archive, actions };
      modeSelect.hidden = false;
    },
    setMode,
  };
}

function actorOption(r: SearchResult): HTMLLIElement {
  const dot = el('span', { className: `type-dot shape-${r.entityType}` });
  dot.style.backgroundColor = entityColor(r.entityType);
  return el(
    'li',
    { dataset: { node: r.node } },
    dot,
    el('span', { className: 'label', text: r.label }),
    r.alias !== null ? el('span', { className: 'alias', text: r.alias }) : null,
  );
}

/** The sentence with the searched words marked, then where it comes from. */
function hitOption(hit: SentenceHit, inGraph: boolean, words: readonly string[]): HTMLLIElement {
  const sentence = el('span', { className: 'hit-sentence' });
  for (const seg of segmentSentence(hit.sentence, [{ kind: 'match', terms: words }])) {
    sentence.append(seg.kind === null ? document.createTextNode(seg.text) : el('mark', { className: `mark-${seg.kind}`, text: seg.text }));
  }
  const meta = el('span', { className: 'hit-meta' }, el('span', { className: 'doc-title', text: hit.title ?? hit.doc }));
  if (hit.date !== undefined) meta.append(el('span', { className: 'sep', text: ' · ' }), hit.date);
  if (!inGraph) meta.append(el('span', { className: 'sep', text: ' · ' }), el('span', { className: 'muted', text: 'not in this graph' }));
  const item = el('li', { className: inGraph ? 'hit' : 'hit not-in-graph', dataset: { doc: hit.doc } }, sentence, meta);
  if (hit.edges[0] !== undefined) item.dataset['edge'] = hit.edges[0];
  return item;
}
