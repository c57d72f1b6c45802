// Legends drawn from the same scales as the renderer.
import { ENTITY_TYPES } from '../../src/types';
import { ENTITY_NAMES, entityColor, goldsteinColor } from './colors';
import type { ViewerGraph } from './data';
import { clear, el } from './dom';

export function renderLegend(container: HTMLElement, graph: ViewerGraph): void {
  clear(container);
  const types = new Set<string>();
  graph.forEachNode((_n, a) => types.add(a.entityType));
  const typeList = el('ul', { className: 'legend-types' });
  const order = (t: string): number => {
    const i = (ENTITY_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? ENTITY_TYPES.length : i;
  };
  for (const t of [...types].sort((x, y) => order(x) - order(y) || x.localeCompare(y))) {
    const dot = el('span', { className: `type-dot shape-${t}` });
    dot.style.backgroundColor = entityColor(t);
    typeList.append(el('li', {}, dot, el('span', { text: ENTITY_NAMES[t as keyof typeof ENTITY_NAMES] ?? t })));
  }
  const bar = el('div', { className: 'goldstein-bar', attrs: { role: 'img', 'aria-label': 'Edge colour: Goldstein score from −10 (conflict, red) to +10 (cooperation, green)' } });
  const stops = [-10, -5, 0, 5, 10].map((g, i) => `${goldsteinColor(g)} ${i * 25}%`);
  bar.style.backgroundImage = `linear-gradient(to right, ${stops.join(', ')})`;
  container.append(
    el('h3', { text: 'Nodes' }),
    typeList,
    el('p', { className: 'muted small', text: 'Size: how often the actor is mentioned.' }),
    el('h3', { text: 'Edges (Goldstein score)' }),
    bar,
    el('div', { className: 'goldstein-scale' }, el('span', { text: '−10 conflict' }), el('span', { text: '0' }), el('span', { text: 'cooperation +10' })),
    el('p', { className: 'muted small', text: 'Arrow: who did what to whom. Width: number of sentences. Curved: several relations between the same pair.' }),
  );
}
