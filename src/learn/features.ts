// Features are 32-bit integers: a template id combined with the hashes of the values it reads
// (word, shape, tag ids …). Hashing happens on integers in the hot loop; strings are hashed once
// per token (hashString) before any feature is built.
import { fmix32, hashString } from '../random';

export { hashString };

const GOLDEN = 0x9e3779b1;

/** Never 0: the weight tables use 0 for an empty slot. */
function nonZero(h: number): number {
  return h === 0 ? 1 : h;
}

export function feature1(template: number, a: number): number {
  return nonZero(fmix32((Math.imul(template + 1, GOLDEN) ^ a) >>> 0));
}

export function feature2(template: number, a: number, b: number): number {
  const h = fmix32((Math.imul(template + 1, GOLDEN) ^ a) >>> 0);
  return nonZero(fmix32((Math.imul(h, GOLDEN) ^ b) >>> 0));
}

export function feature3(template: number, a: number, b: number, c: number): number {
  let h = fmix32((Math.imul(template + 1, GOLDEN) ^ a) >>> 0);
  h = fmix32((Math.imul(h, GOLDEN) ^ b) >>> 0);
  return nonZero(fmix32((Math.imul(h, GOLDEN) ^ c) >>> 0));
}

/**
 * A reusable buffer of one decision's features: models fill it, then score it. Avoids an
 * allocation per decision.
 */
export class FeatureBuffer {
  values: Uint32Array;
  length = 0;

  constructor(capacity = 128) {
    this.values = new Uint32Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(feature: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = feature;
  }
}

/** Counts how often each feature occurs, to keep only those seen at least `minCount` times. */
export class FeatureCounter {
  private readonly counts = new Map<number, number>();

  add(features: FeatureBuffer): void {
    const values = features.values;
    for (let i = 0; i < features.length; i++) {
      const f = values[i] as number;
      this.counts.set(f, (this.counts.get(f) ?? 0) + 1);
    }
  }

  get size(): number {
    return this.counts.size;
  }

  /** The features seen at least minCount times. */
  frequent(minCount: number): Set<number> {
    const kept = new Set<number>();
    for (const [f, n] of this.counts) if (n >= minCount) kept.add(f);
    return kept;
  }
}
