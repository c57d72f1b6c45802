// The averaged perceptron (Collins 2002) with lazy averaging: each weight keeps its running
// total and the step of its last change, so averaging costs O(1) per update. Rows are created
// only for features that take part in an update (and, when a vocabulary is given, only for
// features in it), so memory follows what the model actually learns.
import type { FeatureBuffer } from './features';
import { LinearModel, type LinearWeights } from './linear';

export class AveragedPerceptron {
  readonly classes: number;
  private readonly rowOf = new Map<number, number>();
  private readonly keys: number[] = [];
  private weights: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;
  /** Instances seen so far: the averaging clock. */
  private step = 0;

  constructor(classes: number, private readonly vocabulary?: ReadonlySet<number>) {
    this.classes = classes;
    this.weights = new Float64Array(1024 * classes);
    this.totals = new Float64Array(1024 * classes);
    this.stamps = new Float64Array(1024 * classes);
  }

  get rows(): number {
    return this.keys.length;
  }

  /** Current (not averaged) scores, for decisions during training. */
  score(features: FeatureBuffer, scores: Float64Array): void {
    scores.fill(0, 0, this.classes);
    const C = this.classes;
    const values = features.values;
    for (let i = 0; i < features.length; i++) {
      const r = this.rowOf.get(values[i] as number);
      if (r === undefined) continue;
      const base = r * C;
      for (let c = 0; c < C; c++) scores[c] = (scores[c] as number) + (this.weights[base + c] as number);
    }
  }

  /** Advances the averaging clock by one instance; call once per training decision. */
  tick(): void {
    this.step++;
  }

  /** Moves the weights towards `truth` and away from `guess` (a no-op when they agree). */
  update(features: FeatureBuffer, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const values = features.values;
    for (let i = 0; i < features.length; i++) {
      const r = this.rowFor(values[i] as number);
      if (r < 0) continue;
      const base = r * this.classes;
      this.bump(base + truth, amount);
      this.bump(base + guess, -amount);
    }
  }

  private bump(index: number, delta: number): void {
    const w = this.weights[index] as number;
    this.totals[index] = (this.totals[index] as number) + (this.step - (this.stamps[index] as number)) * w;
    this.stamps[index] = this.step;
    this.weights[index] = w + delta;
  }

  private rowFor(feature: number): number {
    const known = this.rowOf.get(feature);
    if (known !== undefined) return known;
    if (this.vocabulary && !this.vocabulary.has(feature)) return -1;
    const r = this.keys.length;
    if ((r + 1) * this.classes > this.weights.length) this.grow();
    this.rowOf.set(feature, r);
    this.keys.push(feature);
    // a new row's weights have been 0 since the start: its totals are 0 and its clock is now
    this.stamps.fill(this.step, r * this.classes, (r + 1) * this.classes);
    return r;
  }

  private grow(): void {
    const size = this.weights.length * 2;
    const copy = (a: Float64Array): Float64Array => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.weights = copy(this.weights);
    this.totals = copy(this.totals);
    this.stamps = copy(this.stamps);
  }

  /**
   * The averaged weights as a run-time model, without disturbing training (so it can be scored
   * on dev after every epoch). Rows in feature order, so the result depends only on the weights.
   * Weights are quantised to int16 × one scale per model (what the model file stores, so dev
   * scores measure the shipped model); a weight that rounds to 0 is dropped.
   */
  freeze(): LinearModel {
    const C = this.classes;
    const steps = Math.max(1, this.step);
    const order = this.keys.map((key, row) => ({ key, row })).sort((a, b) => a.key - b.key);
    const averaged = new Float64Array(this.keys.length * C);
    let maxAbs = 0;
    for (let i = 0; i < averaged.length; i++) {
      const w = this.weights[i] as number;
      const avg = ((this.totals[i] as number) + (this.step - (this.stamps[i] as number)) * w) / steps;
      averaged[i] = avg;
      if (Math.abs(avg) > maxAbs) maxAbs = Math.abs(avg);
    }
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keys: number[] = [];
    const offsets: number[] = [0];
    const classOf: number[] = [];
    const values: number[] = [];
    for (const { key, row } of order) {
      const before = classOf.length;
      for (let c = 0; c < C; c++) {
        const avg = averaged[row * C + c] as number;
        const q = Math.round(avg / scale);
        if (q === 0) continue;
        classOf.push(c);
        values.push(q);
      }
      if (classOf.length === before) continue;
      keys.push(key);
      offsets.push(classOf.length);
    }
    const weights: LinearWeights = {
      classes: C,
      keys: Uint32Array.from(keys),
      offsets: Uint32Array.from(offsets),
      classOf: Uint16Array.from(classOf),
      quantised: Int16Array.from(values),
      scale,
    };
    return new LinearModel(weights);
  }
}
