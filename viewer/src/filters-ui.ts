// The filters form: relation kinds and entity types present in the graph, minimum evidence, flags,
// and a date range. Emits a new FilterState on every change.
import { ENTITY_TYPES, RELATIONS } from '../../src/types';
import { ENTITY_NAMES, entityColor } from './colors';
import type { ViewerGraph } from './data';
import { clear, el } from './dom';
import { cloneFilters, defaultFilters, isDefaultFilters, type FilterState } from './filters';
import { relationText } from './renderer';

export interface FiltersControl {
  set(filters: FilterState): void;
}

export function mountFilters(form: HTMLFormElement, graph: ViewerGraph, onChange: (f: FilterState) => void): FiltersControl {
  let current = defaultFilters();
  const relationCounts = new Map<string, number>();
  const typeCounts = new Map<string, number>();
  let maxCount = 1;
  let minDate: string | null = null;
  let maxDate: string | null = null;
  graph.forEachEdge((_e, a) => {
    relationCounts.set(a.relation, (relationCounts.get(a.relation) ?? 0) + 1);
    maxCount = Math.max(maxCount, a.count);
    for (const d of [a.firstSeen, a.lastSeen]) {
      if (d === undefined) continue;
      const day = d.slice(0, 10);
      if (minDate === null || day < minDate) minDate = day;
      if (maxDate === null || day > maxDate) maxDate = day;
    }
  });
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

  const checkbox = (name: string, value: string, text: string, count: number, swatch?: string): { row: HTMLElement; input: HTMLInputElement } => {
    const input = el('input', { attrs: { type: 'checkbox', name, value } });
    input.checked = true;
    const sw = el('span', { className: `type-dot shape-${value}` });
    if (swatch !== undefined) sw.style.backgroundColor = swatch;
    const row = el('label', { className: 'check' }, input, swatch !== undefined ? sw : null, el('span', { className: 'name', text }), el('span', { className: 'count', text: String(count) }));
    return { row, input };
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
    const { row, input } = checkbox('relation', r, relationText(r), relationCounts.get(r) ?? 0);
    relationBoxes.set(r, input);
    relGrid.append(row);
  }
  relFieldset.append(relGrid);

  const typeFieldset = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Entity types' }));
  const typeGrid = el('div', { className: 'checks' });
  for (const t of types) {
    const { row, input } = checkbox('entityType', t, ENTITY_NAMES[t as keyof typeof ENTITY_NAMES] ?? t, typeCounts.get(t) ?? 0, entityColor(t));
    typeBoxes.set(t, input);
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

  const fromInput = el('input', { attrs: { type: 'date', name: 'from', 'aria-label': 'From date' } });
  const toInput = el('input', { attrs: { type: 'date', name: 'to', 'aria-label': 'To date' } });
  for (const input of [fromInput, toInput]) {
    if (minDate !== null) input.min = minDate;
    if (maxDate !== null) input.max = maxDate;
  }
  const dateFieldset = el(
    'fieldset',
    { className: 'filter-group' },
    el('legend', { text: 'Dates seen' }),
    el('div', { className: 'dates' }, fromInput, el('span', { text: '–' }), toInput),
  );
  if (minDate === null) {
    fromInput.disabled = true;
    toInput.disabled = true;
    dateFieldset.append(el('p', { className: 'muted small', text: 'No dated evidence in this graph.' }));
  }

  const reset = el('button', { className: 'reset', attrs: { type: 'button' }, text: 'Reset filters' });
  form.append(relFieldset, typeFieldset, evidenceFieldset, dateFieldset, reset);

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
    return f;
  };
  const emit = (): void => {
    current = read();
    minValue.textContent = String(current.minCount);
    reset.disabled = isDefaultFilters(current);
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
      reset.disabled = isDefaultFilters(f);
    },
  };
  control.set(current);
  return control;
}
