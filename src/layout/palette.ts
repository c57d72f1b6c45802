// Colours as data: one row per entity type, and a diverging scale for Goldstein scores.
import type { EntityType } from '../types';

/** Node colour by entity type (Tableau 10). */
export const ENTITY_COLORS: { readonly [T in EntityType]: string } = {
  person: '#4e79a7',
  country: '#f28e2b',
  organization: '#b07aa1',
  place: '#76b7b2',
  other: '#bab0ac',
};

/** Goldstein scale stops: −10 conflict (red) … 0 neutral (grey) … +10 cooperation (green). */
export const GOLDSTEIN_STOPS: readonly { readonly score: number; readonly color: string }[] = [
  { score: -10, color: '#d73027' },
  { score: 0, color: '#9e9e9e' },
  { score: 10, color: '#1a9850' },
];

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

const HEX6 = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

export function hexToRgb(hex: string): Rgb {
  const m = HEX6.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return { r: parseInt(m[1] ?? '0', 16), g: parseInt(m[2] ?? '0', 16), b: parseInt(m[3] ?? '0', 16) };
}

export function rgbToHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Colour of an entity type; unknown types get the `other` colour. */
export function entityColor(entityType: string): string {
  return (ENTITY_COLORS as Record<string, string | undefined>)[entityType] ?? ENTITY_COLORS.other;
}

/** Linear interpolation on GOLDSTEIN_STOPS; scores outside −10…10 are clamped, NaN is neutral. */
export function goldsteinColor(score: number): string {
  const first = GOLDSTEIN_STOPS[0];
  const last = GOLDSTEIN_STOPS[GOLDSTEIN_STOPS.length - 1];
  if (!first || !last) throw new Error('GOLDSTEIN_STOPS is empty');
  const s = Number.isFinite(score) ? Math.min(last.score, Math.max(first.score, score)) : 0;
  for (let i = 1; i < GOLDSTEIN_STOPS.length; i++) {
    const lo = GOLDSTEIN_STOPS[i - 1];
    const hi = GOLDSTEIN_STOPS[i];
    if (!lo || !hi || s > hi.score) continue;
    const t = hi.score === lo.score ? 0 : (s - lo.score) / (hi.score - lo.score);
    const a = hexToRgb(lo.color);
    const b = hexToRgb(hi.color);
    return rgbToHex({ r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t });
  }
  return last.color;
}
