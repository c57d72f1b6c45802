// Legends drawn from the same scales as the renderer, and the switch between node colour by
// entity type and by Louvain community (shown only when the graph has communities).
import { ENTITY_TYPES } from '../../src/types';
import { ENTITY_NAMES, entityColor, goldsteinColor } from './colors';
import { communityPalette, hasCommunities, OTHER_COMMUNITY_COLOR } from './communities';
import type { ViewerGraph } from './data';
import { append, clear, el } from './dom';
import type { ColorBy } from './types';

export interface LegendControl {
  set(colorBy: ColorBy): void;
}

export function mountLegend(container: HTMLElement, graph: ViewerGraph, onColorBy: (c: ColorBy) => void): LegendControl {
  const types = new Set<string>();
  graph.forEachNode((_n, a) => types.add(a.entityType));
  const order = (t: string): number => {
    const i = (ENTITY_TYPES as readonly string[]).indexOf(t);
    return i === -1 ? ENTITY_TYPES.length : i;
  };
  const typeList = el('ul', { className: 'legend-types' });
  for (const t of [...types].sort((x, y) => order(x) - order(y) || x.localeCompare(y))) {
    typeList.append(el('li', {}, swatch(entityColor(t), `shape-${t}`), el('span', { text: ENTITY_NAMES[t as keyof typeof ENTITY_NAMES] ?? t })));
  }

  const withCommunities = hasCommunities(graph);
  const radios = new Map<ColorBy, HTMLInputElement>();
  let switcher: HTMLElement | null = null;
  if (withCommunities) {
    switcher = el('div', { className: 'color-by', attrs: { role: 'radiogroup', 'aria-label': 'Colour nodes by' } });
    for (const [value, text] of [['type', 'Type'], ['community', 'Community']] as const) {
      const input = el('input', { attrs: { type: 'radio', name: 'colorBy', value } });
      input.addEventListener('change', () => {
        if (input.checked) onColorBy(value);
      });
      radios.set(value, input);
      switcher.append(el('label', { title: `Colour nodes by ${value === 'type' ? 'entity type' : 'Louvain community (computed when the graph was built)'}` }, input, text));
    }
  }
  const nodeBox = el('div', { className: 'legend-nodes' });

  const bar = el('div', { className: 'goldstein-bar', attrs: { role: 'img', 'aria-label': 'Edge colour: Goldstein score from −10 (conflict, red) to +10 (cooperation, green)' } });
  const stops = [-10, -5, 0, 5, 10].map((g, i) => `${goldsteinColor(g)} ${i * 25}%`);
  bar.style.backgroundImage = `linear-gradient(to right, ${stops.join(', ')})`;
  clear(container);
  append(
    container,
    el('h3', { text: 'Nodes' }),
    switcher,
    nodeBox,
    el('p', { className: 'muted small', text: 'Size: number of relations.' }),
    el('h3', { text: 'Edges (Goldstein score)' }),
    bar,
    el('div', { className: 'goldstein-scale' }, el('span', { text: '−10 conflict' }), el('span', { text: '0' }), el('span', { text: 'cooperation +10' })),
    el('p', { className: 'muted small', text: 'Arrow: who did what to whom. Width: number of sentences. Curved: several relations between the same pair. Zoom in for edge labels.' }),
  );

  const control: LegendControl = {
    set(colorBy) {
      const effective = withCommunities ? colorBy : 'type';
      for (const [value, input] of radios) input.checked = value === effective;
      clear(nodeBox);
      if (effective === 'community') {
        nodeBox.append(el('p', { className: 'muted small caption', text: 'Louvain communities, each named after its most mentioned actor:' }), communityList(graph));
      } else nodeBox.append(typeList);
    },
  };
  control.set('type');
  return control;
}

/** The largest communities, each named after its most mentioned member. */
function communityList(graph: ViewerGraph): HTMLElement {
  const palette = communityPalette(graph);
  const list = el('ul', { className: 'legend-communities', attrs: { 'aria-label': 'Communities, each named after its most mentioned actor' } });
  let others = 0;
  let otherGroups = 0;
  for (const g of palette.groups) {
    if (g.color === OTHER_COMMUNITY_COLOR) {
      others += g.size;
      otherGroups++;
      continue;
    }
    list.append(
      el(
        'li',
        { dataset: { community: String(g.community) }, title: `A community of ${g.size} ${g.size === 1 ? 'actor' : 'actors'}; the most mentioned is ${g.label}` },
        swatch(g.color),
        el('span', { className: 'name', text: g.label }),
        el('span', { className: 'count', text: String(g.size) }),
      ),
    );
  }
  const rest = (text: string, count: number): void => {
    list.append(el('li', {}, swatch(OTHER_COMMUNITY_COLOR), el('span', { className: 'name muted', text }), el('span', { className: 'count', text: String(count) })));
  };
  if (otherGroups > 0) rest(`${otherGroups} smaller ${otherGroups === 1 ? 'community' : 'communities'}`, others);
  if (palette.unassigned > 0) rest('no community', palette.unassigned);
  return list;
}

function swatch(color: string, extraClass = ''): HTMLElement {
  const dot = el('span', { className: `type-dot ${extraClass}`.trim() });
  dot.style.backgroundColor = color;
  return dot;
}
