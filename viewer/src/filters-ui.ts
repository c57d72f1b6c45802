// The filters form: relation kinds and entity types present in the graph, minimum evidence, flags,
// and a date range (a timeline slider over firstSeen/lastSeen, with exact date fields). Emits a new
// FilterState on every change.
import { ENTITY_TYPES, RELATIONS } from '../../src/types';
import { ENTITY_NAMES, entityColor } from './colors';
import type { ViewerGraph } from './data';
import { clear, el } from './dom';
import { cloneFilters, defaultFilters, isDefaultFilters, type FilterState } from './filters';
import { relationText } from './renderer';
import { buildTimeline, dayNumber, isoDay, type Timeline } from './timeline';
import { TOP_STEP, type Visibility } from './visibility';

/** The timeline shows only when at least this share of the documents has a date. */
export const MIN_DATED_SHARE = 0.1;

export interface FiltersControl {
  set(filters: FilterState): void;
  /** Counts that follow the filters: per relation, per type, isolated and top-N. */
  setCounts(v: Visibility): void;
}

export function mountFilters(form: HTMLFormElement, graph: ViewerGraph, onChange: (f: FilterState) => void): FiltersControl {
  let current = defaultFilters();
  const relationCounts = new Map<string, number>();
  const typeCounts = new Map<string, number>();
  let maxCount = 1;
  const spans: [string | undefined, string | undefined][] = [];
  graph.forEachEdge((_e, a) => {
    relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
    maxCount = Math.max(maxCount, a.count);
    if (a.firstSeen !== undefined || a.lastSeen !== undefined) spans.push([a.firstSeen, a.lastSeen]);
  });
  const timeline = buildTimeline(spans);
  const minDate = timeline === null ? null : isoDay(timeline.first);
  const maxDate = timeline === null ? null : isoDay(timeline.last);
  graph.forEachNode((_n, a) => typeCounts.set(a.entityType, (typeCounts.get(a.entityType) ?? 0) + 1));

  const order = (r: string): number => {
    const i = (RELATIONS as readonly string[]).indexOf(r);
    return i === -1 ? RELATIONS.length : i;
  };
  const relations = [...relationCounts.keys()].sort((x, y) => order(x) - order(y) || x.localeCompare(y));
  const typeOrder = (t: string): number => {
    const i = (ENTITY_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? ENTITY_TYPES.length : i;
  };
  const types = [...typeCounts.keys()].sort((x, y) => typeOrder(x) - typeOrder(y) || x.localeCompare(y));

  clear(form);
  const relationBoxes = new Map<string, HTMLInputElement>();
  const typeBoxes = new Map<string, HTMLInputElement>();
  const relationCountSpans = new Map<string, HTMLElement>();
  const typeCountSpans = new Map<string, HTMLElement>();

  const checkbox = (name: string, value: string, text: string, count: number, swatch?: string): { row: HTMLElement; input: HTMLInputElement; countSpan: HTMLElement } => {
    const input = el('input', { attrs: { type: 'checkbox', name, value } });
    input.checked = true;
    const sw = el('span', { className: `type-dot shape-${value}` });
    if (swatch !== undefined) sw.style.backgroundColor = swatch;
    const countSpan = el('span', { className: 'count', text: String(count) });
    const row = el('label', { className: 'check' }, input, swatch !== undefined ? sw : null, el('span', { className: 'name', text }), countSpan);
    return { row, input, countSpan };
  };

  const allButton = el('button', { className: 'link-button', attrs: { type: 'button' }, text: 'all' });
  const noneButton = el('button', { className: 'link-button', attrs: { type: 'button' }, text: 'none' });
  const relFieldset = el(
    'fieldset',
    { className: 'filter-group' },
    el('legend', {}, el('span', { text: 'Relations' }), el('span', { className: 'mini-actions' }, allButton, ' · ', noneButton)),
  );
  const relGrid = el('div', { className: 'checks two-columns' });
  for (const r of relations) {
    const { row, input, countSpan } = checkbox('relation', r, relationText(r), relationCounts.get(r) ?? 0);
    relationBoxes.set(r, input);
    relationCountSpans.set(r, countSpan);
    relGrid.append(row);
  }
  relFieldset.append(relGrid);

  const typeFieldset = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Entity types' }));
  const typeGrid = el('div', { className: 'checks' });
  for (const t of types) {
    const { row, input, countSpan } = checkbox('entityType', t, ENTITY_NAMES[t as keyof typeof ENTITY_NAMES] ?? t, typeCounts.get(t) ?? 0, entityColor(t));
    typeBoxes.set(t, input);
    typeCountSpans.set(t, countSpan);
    typeGrid.append(row);
  }
  typeFieldset.append(typeGrid);

  const minInput = el('input', { attrs: { type: 'range', name: 'minCount', min: '1', max: String(Math.max(1, maxCount)), step: '1', value: '1', 'aria-label': 'Minimum evidence' } });
  const minValue = el('output', { className: 'value', text: '1' });
  const evidenceFieldset = el(
    'fieldset',
    { className: 'filter-group' },
    el('legend', { text: 'Evidence' }),
    el('label', { className: 'range' }, el('span', { text: 'min. sentences' }), minInput, minValue),
  );
  if (maxCount <= 1) minInput.disabled = true;
  const negInput = el('input', { attrs: { type: 'checkbox', name: 'hideNegated' } });
  const hypInput = el('input', { attrs: { type: 'checkbox', name: 'hideHypothetical' } });
  evidenceFieldset.append(
    el('label', { className: 'check' }, negInput, el('span', { className: 'name', text: 'hide negated' })),
    el('label', { className: 'check' }, hypInput, el('span', { className: 'name', text: 'hide hypothetical' })),
  );

  // What a big graph opens on: isolated actors hidden, the most connected N shown.
  const isolatedInput = el('input', { attrs: { type: 'checkbox', name: 'showIsolated' } });
  const isolatedCount = el('span', { className: 'count', text: '' });
  const topNote = el('span', { className: 'top-note', text: '' });
  const moreButton = el('button', { className: 'small-button', attrs: { type: 'button', name: 'more' }, text: `show ${TOP_STEP} more` });
  const allNodesButton = el('button', { className: 'link-button', attrs: { type: 'button', name: 'all-nodes' }, text: 'show all' });
  let currentTop = 0;
  const showFieldset = el(
    'fieldset',
    { className: 'filter-group show-group' },
    el('legend', { text: 'Show' }),
    el('label', { className: 'check' }, isolatedInput, el('span', { className: 'name', text: 'actors with no relation' }), isolatedCount),
    el('div', { className: 'top-row' }, topNote, moreButton, allNodesButton),
  );
  moreButton.addEventListener('click', () => {
    current = cloneFilters(current);
    current.top = currentTop + TOP_STEP;
    control.set(current);
    onChange(cloneFilters(current));
  });
  allNodesButton.addEventListener('click', () => {
    current = cloneFilters(current);
    current.top = 0;
    control.set(current);
    onChange(cloneFilters(current));
  });

  const fromInput = el('input', { attrs: { type: 'date', name: 'from', 'aria-label': 'From date' } });
  const toInput = el('input', { attrs: { type: 'date', name: 'to', 'aria-label': 'To date' } });
  for (const input of [fromInput, toInput]) {
    if (minDate !== null) input.min = minDate;
    if (maxDate !== null) input.max = maxDate;
  }
  const slider = timeline === null ? null : timelineSlider(timeline);
  const dateFieldset = el(
    'fieldset',
    { className: 'filter-group' },
    el('legend', { text: 'Dates seen' }),
    slider?.element ?? null,
    el('div', { className: 'dates' }, fromInput, el('span', { text: '–' }), toInput),
  );
  // Dates only where documents have them: a timeline over a few dated articles says nothing.
  const sources = graph.getAttribute('sources');
  const dated = sources.filter((x) => x.date !== undefined).length;
  const docCount = Math.max(sources.length, graph.getAttribute('documentCount'));
  const enoughDates = docCount > 0 && dated >= MIN_DATED_SHARE * docCount;
  if (!enoughDates) {
    dateFieldset.hidden = true;
    dateFieldset.dataset['reason'] = `${dated} of ${docCount} documents dated`;
  }
  if (timeline === null) {
    fromInput.disabled = true;
    toInput.disabled = true;
    dateFieldset.append(el('p', { className: 'muted small', text: 'No dated evidence in this graph.' }));
  }
  // The slider moves the date fields (and the other way round); both end up in the same state.
  if (slider !== null && timeline !== null) {
    slider.onInput((fromDay, toDay) => {
      fromInput.value = fromDay <= timeline.first ? '' : isoDay(fromDay);
      toInput.value = toDay >= timeline.last ? '' : isoDay(toDay);
      emit();
    });
  }

  const reset = el('button', { className: 'reset', attrs: { type: 'button' }, text: 'Reset filters' });
  form.append(showFieldset, relFieldset, typeFieldset, evidenceFieldset, dateFieldset, reset);

  const read = (): FilterState => {
    const f = defaultFilters();
    for (const [r, input] of relationBoxes) if (!input.checked) f.hiddenRelations.add(r);
    // Keep hidden kinds that this graph lacks (from a shared link) out of the state.
    for (const [t, input] of typeBoxes) if (!input.checked) f.hiddenTypes.add(t);
    f.minCount = Math.max(1, Number(minInput.value) || 1);
    f.hideNegated = negInput.checked;
    f.hideHypothetical = hypInput.checked;
    f.from = fromInput.value === '' ? null : fromInput.value;
    f.to = toInput.value === '' ? null : toInput.value;
    f.showIsolated = isolatedInput.checked;
    f.top = current.top;
    return f;
  };
  const emit = (): void => {
    current = read();
    minValue.textContent = String(current.minCount);
    reset.disabled = isDefaultFilters(current);
    slider?.set(current.from, current.to);
    onChange(cloneFilters(current));
  };
  form.addEventListener('change', emit);
  minInput.addEventListener('input', emit);
  form.addEventListener('submit', (e) => e.preventDefault());
  allButton.addEventListener('click', () => {
    for (const input of relationBoxes.values()) input.checked = true;
    emit();
  });
  noneButton.addEventListener('click', () => {
    for (const input of relationBoxes.values()) input.checked = false;
    emit();
  });
  reset.addEventListener('click', () => {
    control.set(defaultFilters());
    emit();
  });

  const control: FiltersControl = {
    set(f: FilterState): void {
      current = cloneFilters(f);
      for (const [r, input] of relationBoxes) input.checked = !f.hiddenRelations.has(r);
      for (const [t, input] of typeBoxes) input.checked = !f.hiddenTypes.has(t);
      minInput.value = String(Math.min(Math.max(1, f.minCount), Math.max(1, maxCount)));
      minValue.textContent = String(f.minCount);
      negInput.checked = f.hideNegated;
      hypInput.checked = f.hideHypothetical;
      fromInput.value = f.from ?? '';
      toInput.value = f.to ?? '';
      slider?.set(f.from, f.to);
      isolatedInput.checked = f.showIsolated;
      reset.disabled = isDefaultFilters(f);
    },
    setCounts(v: Visibility): void {
      for (const [r, span] of relationCountSpans) span.textContent = String(v.relationCounts.get(r) ?? 0);
      for (const [t, span] of typeCountSpans) span.textContent = String(v.typeCounts.get(t) ?? 0);
      isolatedCount.textContent = String(v.isolated);
      currentTop = v.top;
      const shown = v.nodes;
      topNote.textContent = v.topHidden > 0 ? `${shown.toLocaleString('en-US')} most connected shown; ${v.topHidden.toLocaleString('en-US')} more` : '';
      moreButton.hidden = v.topHidden === 0;
      allNodesButton.hidden = v.topHidden === 0;
    },
  };
  control.set(current);
  return control;
}

interface TimelineSlider {
  element: HTMLElement;
  /** Puts the handles on a date range (null: that end of the timeline). */
  set(from: string | null, to: string | null): void;
  onInput(listener: (fromDay: number, toDay: number) => void): void;
}

/**
 * A histogram of when edges were first seen, under two range inputs (start and end handles) over
 * the days of the graph. Native range inputs: keyboard, touch and screen readers work as usual.
 */
function timelineSlider(t: Timeline): TimelineSlider {
  const peak = Math.max(1, ...t.counts);
  const bars = t.counts.map((count, i) => {
    const start = t.first + i * t.bucketDays;
    const end = Math.min(t.last, start + t.bucketDays - 1);
    const bar = el('span', {
      className: 'bar',
      title: `${start === end ? isoDay(start) : `${isoDay(start)} – ${isoDay(end)}`}: ${count} ${count === 1 ? 'relation' : 'relations'} first seen`,
    });
    bar.style.height = `${count === 0 ? 0 : Math.max(8, Math.round((100 * count) / peak))}%`;
    return { bar, start, end };
  });
  const histogram = el('div', { className: 'histogram', attrs: { 'aria-hidden': 'true' } }, ...bars.map((b) => b.bar));
  const range = (name: string, label: string, value: number): HTMLInputElement =>
    el('input', { attrs: { type: 'range', name, min: String(t.first), max: String(t.last), step: '1', value: String(value), 'aria-label': label } });
  const fromRange = range('fromDay', 'Timeline start', t.first);
  const toRange = range('toDay', 'Timeline end', t.last);
  if (t.first === t.last) {
    fromRange.disabled = true;
    toRange.disabled = true;
  }
  const startLabel = el('span', { text: isoDay(t.first) });
  const endLabel = el('span', { text: isoDay(t.last) });
  const element = el(
    'div',
    { className: 'timeline' },
    histogram,
    el('div', { className: 'dual-range' }, fromRange, toRange),
    el('div', { className: 'timeline-scale' }, startLabel, endLabel),
  );
  // Form events would also reach the form's change listener: keep the slider's own.
  for (const input of [fromRange, toRange]) input.addEventListener('change', (e) => e.stopPropagation());

  const paint = (fromDay: number, toDay: number): void => {
    for (const b of bars) b.bar.classList.toggle('in-range', b.end >= fromDay && b.start <= toDay);
    startLabel.textContent = isoDay(fromDay);
    endLabel.textContent = isoDay(toDay);
  };
  const listeners: ((fromDay: number, toDay: number) => void)[] = [];
  const onMove = (moved: HTMLInputElement): void => {
    let from = Number(fromRange.value);
    let to = Number(toRange.value);
    // The handles do not cross: the one being moved stops at the other.
    if (from > to) {
      if (moved === fromRange) from = to;
      else to = from;
      fromRange.value = String(from);
      toRange.value = String(to);
    }
    paint(from, to);
    for (const l of listeners) l(from, to);
  };
  fromRange.addEventListener('input', (e) => {
    e.stopPropagation();
    onMove(fromRange);
  });
  toRange.addEventListener('input', (e) => {
    e.stopPropagation();
    onMove(toRange);
  });

  const clamp = (day: number | null, fallback: number): number => (day === null ? fallback : Math.min(t.last, Math.max(t.first, day)));
  return {
    element,
    set(from, to) {
      const fromDay = clamp(from === null ? null : dayNumber(from), t.first);
      const toDay = clamp(to === null ? null : dayNumber(to), t.last);
      fromRange.value = String(fromDay);
      toRange.value = String(toDay);
      paint(fromDay, toDay);
    },
    onInput(listener) {
      listeners.push(listener);
    },
  };
}
