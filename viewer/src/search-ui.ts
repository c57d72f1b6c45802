// The search box with an autocomplete list (ARIA combobox), over labels and aliases.
import { entityColor } from './colors';
import { clear, el } from './dom';
import { search, type SearchEntry, type SearchResult } from './search';

export interface SearchControl {
  close(): void;
  isOpen(): boolean;
}

export function mountSearch(
  input: HTMLInputElement,
  list: HTMLUListElement,
  index: () => readonly SearchEntry[],
  onChoose: (node: string) => void,
): SearchControl {
  let entries: readonly SearchEntry[] | null = null;
  let results: SearchResult[] = [];
  let active = -1;

  const render = (): void => {
    clear(list);
    results.forEach((r, i) => {
      const dot = el('span', { className: `type-dot shape-${r.entityType}` });
      dot.style.backgroundColor = entityColor(r.entityType);
      const item = el(
        'li',
        { className: i === active ? 'option active' : 'option', attrs: { role: 'option', id: `search-option-${i}`, 'aria-selected': String(i === active) }, dataset: { node: r.node } },
        dot,
        el('span', { className: 'label', text: r.label }),
        r.alias !== null ? el('span', { className: 'alias', text: r.alias }) : null,
      );
      // mousedown, not click: it runs before the input's blur closes the list.
      item.addEventListener('mousedown', (e) => {
        e.preventDefault();
        choose(i);
      });
      list.append(item);
    });
    if (results.length === 0 && input.value.trim() !== '') {
      list.append(el('li', { className: 'option empty', text: 'No match', attrs: { role: 'option', 'aria-disabled': 'true' } }));
    }
    const open = input.value.trim() !== '' && document.activeElement === input;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const update = (): void => {
    entries ??= index();
    results = search(entries, input.value);
    active = results.length > 0 ? 0 : -1;
    render();
  };

  const choose = (i: number): void => {
    const r = results[i];
    if (r === undefined) return;
    input.value = r.label;
    close();
    input.blur();
    onChoose(r.node);
  };

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim() !== '') update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (results.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
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

  return { close, isOpen: () => !list.hidden };
}
