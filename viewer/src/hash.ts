// The view in the URL hash, so that a link reopens the same selection, filters and camera:
//   #node=putin&hiderel=met,urged&hidetype=other&min=2&isolated=1&top=600&noneg=1&nohyp=1&from=2025-03-01&to=2025-03-31&color=community&cam=0.5,0.5,0.8
// Pure: encode and decode only. Defaults are left out, so the plain view has an empty hash.
import { defaultFilters, isDefaultRelations, type FilterState } from './filters';
import type { ColorBy } from './types';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  node: string | null;
  edge: string | null;
  filters: FilterState;
  colorBy: ColorBy;
  camera: CameraView | null;
  /** Neighbourhood shown around a selected node: 1 or 2 hops. */
  hops: 1 | 2;
  /** Shortest path highlighted between two actors (by evidence weight). */
  path: readonly [string, string] | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function encodeHash(view: ViewState): string {
  const p = new URLSearchParams();
  if (view.node !== null) p.set('node', view.node);
  else if (view.edge !== null) p.set('edge', view.edge);
  const f = view.filters;
  // The default hides located_in: a link names the hidden kinds whenever they differ from it ("" for none).
  if (!isDefaultRelations(f.hiddenRelations)) p.set('hiderel', [...f.hiddenRelations].sort().join(','));
  if (f.hiddenTypes.size > 0) p.set('hidetype', [...f.hiddenTypes].sort().join(','));
  if (f.minCount > 1) p.set('min', String(f.minCount));
  if (f.hideNegated) p.set('noneg', '1');
  if (f.hideHypothetical) p.set('nohyp', '1');
  if (f.from !== null) p.set('from', f.from);
  if (f.to !== null) p.set('to', f.to);
  if (f.showIsolated) p.set('isolated', '1');
  if (f.top !== null) p.set('top', f.top === 0 ? 'all' : String(f.top));
  if (view.colorBy !== 'type') p.set('color', view.colorBy);
  if (view.hops === 2) p.set('hops', '2');
  if (view.path !== null) p.set('path', `${view.path[0]},${view.path[1]}`);
  if (view.camera !== null) {
    const c = view.camera;
    const parts = [round(c.x), round(c.y), round(c.ratio)];
    if (Math.abs(c.angle) > 1e-6) parts.push(round(c.angle));
    p.set('cam', parts.join(','));
  }
  return p.toString();
}

export function decodeHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const filters = defaultFilters();
  if (p.has('hiderel')) filters.hiddenRelations = new Set(list(p.get('hiderel')));
  for (const t of list(p.get('hidetype'))) filters.hiddenTypes.add(t);
  const min = Number(p.get('min'));
  if (Number.isInteger(min) && min > 1) filters.minCount = min;
  filters.hideNegated = p.get('noneg') === '1';
  filters.hideHypothetical = p.get('nohyp') === '1';
  const from = p.get('from');
  const to = p.get('to');
  if (from !== null && DATE.test(from)) filters.from = from;
  if (to !== null && DATE.test(to)) filters.to = to;
  filters.showIsolated = p.get('isolated') === '1';
  const top = p.get('top');
  if (top === 'all') filters.top = 0;
  else if (top !== null && /^\d{1,7}$/.test(top) && Number(top) > 0) filters.top = Number(top);
  return {
    node: nonEmpty(p.get('node')),
    edge: p.has('node') ? null : nonEmpty(p.get('edge')),
    filters,
    colorBy: p.get('color') === 'community' ? 'community' : 'type',
    camera: camera(p.get('cam')),
    hops: p.get('hops') === '2' ? 2 : 1,
    path: pathOf(p.get('path')),
  };
}

function camera(text: string | null): CameraView | null {
  if (text === null) return null;
  const parts = text.split(',').map(Number);
  if (parts.length < 3 || parts.length > 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x = 0.5, y = 0.5, ratio = 1, angle = 0] = parts;
  if (ratio <= 0) return null;
  return { x, y, ratio, angle };
}

function pathOf(text: string | null): [string, string] | null {
  const parts = list(text);
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : null;
}

function round(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}
function list(text: string | null): string[] {
  return text === null ? [] : text.split(',').filter((s) => s !== '');
}
function nonEmpty(text: string | null): string | null {
  return text === null || text === '' ? null : text;
}
