// The NER's gazetteer feature table: hashed n-gram keys of known names → category flags (ner.ts).
import { ModelError } from '../errors';
import { feature2, hashString } from '../learn/features';

/** Gazetteer categories (bits of a phrase's flags). */
export const GAZETTEER_CATEGORIES = ['country', 'demonym', 'place', 'organization', 'person', 'surname', 'given', 'common', 'petrarch-country', 'petrarch-person', 'petrarch-organization'] as const;
/** Set on every proper prefix of a phrase, so n-gram matching stops as soon as nothing can match. */
export const GAZETTEER_PREFIX = 1 << 15;
export const GAZETTEER_MAX_WORDS = 8;
const GAZ_KEY_TEMPLATE = 9001;

/** The key of a phrase after its first words' key `h` (0 for none), given the next word's lowercase hash. */
export function gazetteerStep(h: number, lowerHash: number): number {
  return feature2(GAZ_KEY_TEMPLATE, h, lowerHash);
}

/** Lowercase form used for gazetteer keys (and the `lower` feature). */
export function lowerForm(word: string): string {
  return word.toLowerCase();
}

/** A phrase's key: its lowercase words folded with gazetteerStep. */
export function gazetteerKey(words: readonly string[]): number {
  let h = 0;
  for (const w of words) h = gazetteerStep(h, hashString(lowerForm(w)));
  return h;
}

/** An open-addressing set of phrase keys → category flags. */
export class Gazetteer {
  private readonly mask: number;
  private readonly keys: Uint32Array;
  private readonly flags: Uint16Array;

  constructor(keys: Uint32Array, flags: Uint16Array) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.keys = new Uint32Array(size);
    this.flags = new Uint16Array(size);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      let s = k & this.mask;
      while (this.keys[s] !== 0 && this.keys[s] !== k) s = (s + 1) & this.mask;
      this.keys[s] = k;
      this.flags[s] = (this.flags[s] as number) | (flags[i] as number);
    }
  }

  get(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const k = this.keys[s] as number;
      if (k === key) return this.flags[s] as number;
      if (k === 0) return 0;
      s = (s + 1) & this.mask;
    }
  }
}

export function encodeGazetteer(entries: ReadonlyMap<number, number>): { keys: string; flags: string } {
  const keys = [...entries.keys()].sort((a, b) => a - b);
  const k = Uint32Array.from(keys);
  const f = Uint16Array.from(keys.map((key) => entries.get(key) ?? 0));
  return { keys: Buffer.from(k.buffer).toString('base64'), flags: Buffer.from(f.buffer).toString('base64') };
}

/** The gazetteer of a model header's `tables.gazetteer` (base64 keys and flags). */
export function decodeGazetteer(table: unknown, file: string): Gazetteer {
  const t = table as { keys?: unknown; flags?: unknown } | undefined;
  if (!t || typeof t.keys !== 'string' || typeof t.flags !== 'string') throw new ModelError('model file has no gazetteer table', file);
  const kb = Buffer.from(t.keys, 'base64');
  const fb = Buffer.from(t.flags, 'base64');
  if (kb.length % 4 !== 0 || fb.length !== kb.length / 2) throw new ModelError('model file is truncated or corrupted (gazetteer)', file);
  const keys = new Uint32Array(kb.length / 4);
  Buffer.from(keys.buffer).set(kb);
  const flags = new Uint16Array(fb.length / 2);
  Buffer.from(flags.buffer).set(fb);
  return new Gazetteer(keys, flags);
}
