// The run-time form of a trained linear model: sparse rows of quantised weights, looked up by
// feature through an open-addressing table of typed arrays (no strings, no Map in the hot loop).
import type { FeatureBuffer } from './features';

/** A linear model as stored: rows sorted by feature, each a run of (class, weight) pairs. */
export interface LinearWeights {
  readonly classes: number;
  /** Sorted ascending, never 0. */
  readonly keys: Uint32Array;
  /** rows + 1 entries: row r is entries offsets[r] … offsets[r+1]-1. */
  readonly offsets: Uint32Array;
  readonly classOf: Uint16Array;
  /** Weight = quantised × scale. */
  readonly quantised: Int16Array;
  readonly scale: number;
}

/** No row (the feature is not in the model): no row has 255 entries at 2^24 − 1. */
const EMPTY = 0xffffffff;

interface Lookup {
  readonly mask: number;
  readonly table: Uint32Array;
  readonly entries: Float32Array;
}

export class LinearModel {
  readonly classes: number;
  readonly weights: LinearWeights;
  private lookup: Lookup | undefined;
  /** Where scoreBatch leaves the sum of the weights it reads ahead, so that the reads are kept. */
  private readonly sink = new Float64Array(1);

  constructor(weights: LinearWeights) {
    this.weights = weights;
    this.classes = weights.classes;
  }

  /**
   * The lookup structures, built on first use (a model that is only repacked, as the parser's is,
   * never pays for them):
   * - mask and table: open addressing, 2 uint32 per slot: feature (0 = empty), then the row's first
   *   entry << 8 | its entry count, so that a lookup touches one cache line of the table and one of
   *   the entries. 8-byte slots rather than 16 (with the row and its end): the NER's table is then
   *   2 MB instead of 4, and its lookups, most of them cache misses, were most of its time;
   * - entries: per entry, class id and weight (interleaved: a row's pairs are contiguous).
   */
  private get tables(): Lookup {
    return (this.lookup ??= LinearModel.build(this.weights));
  }

  private static build(weights: LinearWeights): Lookup {
    const rows = weights.keys.length;
    if (weights.classes > 255 || weights.quantised.length >= 1 << 24) throw new Error(`linear model too large for its lookup table (${weights.classes} classes, ${weights.quantised.length} weights)`);
    let size = 16;
    while (size < rows * 2) size *= 2;
    const mask = size - 1;
    const table = new Uint32Array(size * 2);
    const keys = weights.keys;
    const offsets = weights.offsets;
    for (let r = 0; r < rows; r++) {
      const key = keys[r] as number;
      let s = key & mask;
      while (table[s * 2] !== 0) s = (s + 1) & mask;
      const first = offsets[r] as number;
      table[s * 2] = key;
      table[s * 2 + 1] = ((first << 8) | ((offsets[r + 1] as number) - first)) >>> 0;
    }
    const n = weights.quantised.length;
    const entries = new Float32Array(n * 2);
    const classOf = weights.classOf;
    const quantised = weights.quantised;
    const scale = weights.scale;
    for (let i = 0; i < n; i++) {
      entries[2 * i] = classOf[i] as number;
      entries[2 * i + 1] = (quantised[i] as number) * scale;
    }
    return { mask, table, entries };
  }

  get rows(): number {
    return this.weights.keys.length;
  }

  /** The row of a feature, or -1 when the model has no weight for it (binary search: keys are sorted). */
  row(feature: number): number {
    const keys = this.weights.keys;
    let lo = 0;
    let hi = keys.length - 1;
    const f = feature >>> 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid] as number;
      if (k === f) return mid;
      if (k < f) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Scratch for score(): the features' home slots' keys. */
  private homes = new Uint32Array(64);

  /**
   * Adds the features' weights to scores (which the caller has zeroed or seeded), feature by
   * feature in the buffer's order (float sums depend on it). The home slots of all the features are
   * read first, in a loop whose loads do not depend on each other, so that the processor overlaps
   * their cache misses, then the first entry of each row found likewise; the sums then read from
   * the cache.
   */
  score(features: FeatureBuffer, scores: Float64Array): void {
    const values = features.values;
    const count = features.length;
    const { table, entries, mask } = this.tables;
    if (this.homes.length < count) this.homes = new Uint32Array(2 * count);
    const homes = this.homes;
    for (let i = 0; i < count; i++) homes[i] = table[((values[i] as number) & mask) * 2] as number;
    // then each feature's slot (EMPTY when absent), and the first entry of its row read ahead likewise
    let touched = 0;
    for (let i = 0; i < count; i++) {
      const feature = values[i] as number;
      let key = homes[i] as number;
      let s = feature & mask;
      while (key !== feature && key !== 0) {
        s = (s + 1) & mask;
        key = table[s * 2] as number;
      }
      if (key === 0) {
        homes[i] = EMPTY;
        continue;
      }
      const row = table[s * 2 + 1] as number;
      homes[i] = row;
      touched += entries[2 * (row >>> 8) + 1] as number;
    }
    this.sink[0] = touched;
    for (let i = 0; i < count; i++) {
      const row = homes[i] as number;
      if (row === EMPTY) continue;
      const start = row >>> 8;
      const end = start + (row & 0xff);
      for (let j = start; j < end; j++) {
        const c = entries[2 * j] as number;
        scores[c] = (scores[c] as number) + (entries[2 * j + 1] as number);
      }
    }
  }

  /**
   * Scores many decisions at once: feature j's weights are added to the scores of decision
   * `target[j]`, i.e. out[target[j] × classes + class]. Each decision gets its features' weights in
   * the order they come in `features`, as score() would add them. The table is first read for all
   * features in a loop without branches on what it reads, so that the processor fetches many of its
   * cache lines at once instead of one after the other; then each lookup is finished from the cache.
   * `slots` is scratch space of at least `count` entries.
   */
  scoreBatch(features: Uint32Array, target: Uint32Array, count: number, out: Float64Array, slots: Uint32Array): void {
    const { table, entries, mask } = this.tables;
    const classes = this.classes;
    // first the home slots' keys, all of them: independent loads the processor can overlap
    for (let j = 0; j < count; j++) slots[j] = table[((features[j] as number) & mask) * 2] as number;
    // then, for the features found at home, the first weight of their row: the entries too are
    // fetched together rather than one miss at a time below
    let touched = 0;
    for (let j = 0; j < count; j++) {
      const feature = features[j] as number;
      if (slots[j] === feature) touched += entries[2 * ((table[(feature & mask) * 2 + 1] as number) >>> 8) + 1] as number;
    }
    this.sink[0] = touched;
    for (let j = 0; j < count; j++) {
      const feature = features[j] as number;
      if (slots[j] === 0) continue; // an empty home slot: the model has no weight for it
      let s = feature & mask;
      for (;;) {
        const key = table[s * 2] as number;
        if (key === feature) {
          const base = (target[j] as number) * classes;
          const row = table[s * 2 + 1] as number;
          const first = row >>> 8;
          const end = first + (row & 0xff);
          for (let e = first; e < end; e++) {
            const c = base + (entries[2 * e] as number);
            out[c] = (out[c] as number) + (entries[2 * e + 1] as number);
          }
          break;
        }
        if (key === 0) break;
        s = (s + 1) & mask;
      }
    }
  }
}

/** The highest-scoring class among those `valid` allows (all when absent); ties go to the lower id. */
export function argmax(scores: Float64Array, classes: number, valid?: (c: number) => boolean): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < classes; c++) {
    if (valid && !valid(c)) continue;
    const s = scores[c] as number;
    if (best < 0 || s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
