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

export class LinearModel {
  readonly classes: number;
  readonly weights: LinearWeights;
  private readonly mask: number;
  private readonly slots: Uint32Array;
  private readonly slotRow: Int32Array;
  private readonly offsets: Uint32Array;
  private readonly classOf: Uint16Array;
  private readonly values: Float32Array;

  constructor(weights: LinearWeights) {
    this.weights = weights;
    this.classes = weights.classes;
    const rows = weights.keys.length;
    let size = 16;
    while (size < rows * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Uint32Array(size);
    this.slotRow = new Int32Array(size);
    for (let r = 0; r < rows; r++) {
      const key = weights.keys[r] as number;
      let s = key & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = key;
      this.slotRow[s] = r;
    }
    this.offsets = weights.offsets;
    this.classOf = weights.classOf;
    this.values = new Float32Array(weights.quantised.length);
    for (let i = 0; i < this.values.length; i++) this.values[i] = (weights.quantised[i] as number) * weights.scale;
  }

  get rows(): number {
    return this.weights.keys.length;
  }

  /** The row of a feature, or -1 when the model has no weight for it. */
  row(feature: number): number {
    const slots = this.slots;
    let s = feature & this.mask;
    for (;;) {
      const key = slots[s] as number;
      if (key === feature) return this.slotRow[s] as number;
      if (key === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  /** Adds the features' weights to scores (which the caller has zeroed or seeded). */
  score(features: FeatureBuffer, scores: Float64Array): void {
    const values = features.values;
    for (let i = 0; i < features.length; i++) {
      const r = this.row(values[i] as number);
      if (r < 0) continue;
      const end = this.offsets[r + 1] as number;
      for (let j = this.offsets[r] as number; j < end; j++) {
        const c = this.classOf[j] as number;
        scores[c] = (scores[c] as number) + (this.values[j] as number);
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
