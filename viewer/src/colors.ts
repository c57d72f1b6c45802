// Colour scales shared by the renderer and the legends, so a legend can never disagree with the
// picture: entity types are categorical, Goldstein scores diverge from conflict red to cooperation green.
import type { EntityType } from './types';

export const ENTITY_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#5b6cf0',
  country: '#e59a2b',
  organization: '#13a3b5',
  place: '#9a63d8',
  other: '#7d8794',
};

export const ENTITY_NAMES: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  country: 'Country',
  organization: 'Organization',
  place: 'Place',
  other: 'Topic / other',
};

export const ENTITY_SHAPES: Readonly<Record<EntityType, 'circle' | 'square' | 'diamond'>> = {
  person: 'circle',
  country: 'circle',
  organization: 'square',
  place: 'circle',
  other: 'diamond',
};

export const BACKGROUND = '#f6f7f9';
const CONFLICT: Rgb = [208, 59, 59];
const NEUTRAL: Rgb = [160, 156, 148];
const COOPERATION: Rgb = [38, 150, 84];
type Rgb = [number, number, number];

/** Goldstein score (−10 … +10) to colour. */
export function goldsteinColor(score: number): string {
  const t = Number.isFinite(score) ? Math.max(-1, Math.min(1, score / 10)) : 0;
  return t < 0 ? toHex(mix(NEUTRAL, CONFLICT, -t)) : toHex(mix(NEUTRAL, COOPERATION, t));
}

/** The colour `amount` of the way from `color` to the background (a faded item). */
export function fade(color: string, amount = 0.82): string {
  const rgb = parseHex(color);
  return rgb ? toHex(mix(rgb, parseHex(BACKGROUND) ?? [255, 255, 255], amount)) : color;
}

export function entityColor(type: string): string {
  return (ENTITY_COLORS as Record<string, string | undefined>)[type] ?? ENTITY_COLORS.other;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(Math.max(0, Math.min(255, v))).toString(16).padStart(2, '0')).join('')}`;
}

function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color.trim());
  if (!m || m[1] === undefined) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
