// CSS colour strings → RGB(A) for <viz:color r g b [a]>. Patterns as data; unknown forms give undefined.

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0…1, only when the colour has an alpha channel. */
  readonly a?: number;
}

const byte = (hex: string): number => parseInt(hex.length === 1 ? hex + hex : hex, 16);
const clampByte = (v: string): number => Math.min(255, Math.max(0, Math.round(Number(v))));
const clampAlpha = (v: string): number => Math.min(1, Math.max(0, Number(v)));

const COLOR_FORMS: readonly { readonly pattern: RegExp; readonly parse: (m: RegExpExecArray) => Rgba }[] = [
  {
    pattern: /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i,
    parse: (m) => ({ r: byte(m[1] ?? '0'), g: byte(m[2] ?? '0'), b: byte(m[3] ?? '0') }),
  },
  {
    pattern: /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i,
    parse: (m) => ({ r: byte(m[1] ?? '0'), g: byte(m[2] ?? '0'), b: byte(m[3] ?? '0') }),
  },
  {
    pattern: /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i,
    parse: (m) => ({ r: byte(m[1] ?? '0'), g: byte(m[2] ?? '0'), b: byte(m[3] ?? '0'), a: byte(m[4] ?? 'ff') / 255 }),
  },
  {
    pattern: /^rgba?\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*(?:,\s*(\d*(?:\.\d+)?)\s*)?\)$/i,
    parse: (m) => ({
      r: clampByte(m[1] ?? '0'),
      g: clampByte(m[2] ?? '0'),
      b: clampByte(m[3] ?? '0'),
      ...(m[4] ? { a: clampAlpha(m[4]) } : {}),
    }),
  },
];

export function parseColor(value: unknown): Rgba | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  for (const form of COLOR_FORMS) {
    const m = form.pattern.exec(text);
    if (m) return form.parse(m);
  }
  return undefined;
}

export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
