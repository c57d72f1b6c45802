// The NER's run-time decoder: the reference decoder's decisions, from cached per-word sums (ner.ts).
import type { LinearModel } from '../learn';
import { FeatureBuffer, feature1, feature2, feature3 } from '../learn/features';
import { CLASSES } from './ner-labels';
import { bestAllowed, CASE_LOWER, decodeSentence, NO_POS, NO_SHAPE, NO_WORD, T, wordInfo, type History, type NerFeaturizer, type PreparedSentence, type WordInfo } from './ner-features';

/**
 * Whether every sum of up to `terms` of the model's weights is exact in float64, in any order.
 * Each weight is the float32 nearest q × scale, hence a whole multiple of the float32 ulp of the
 * smallest weight; while the largest possible sum stays below 2^53 such units, no addition rounds.
 * Then a decision's features may be summed in groups (NerDecoder's cached partial sums) and give
 * the same scores, bit for bit, as summing them one by one in features() order.
 */
export function exactSums(model: LinearModel, terms: number): boolean {
  const { quantised, scale } = model.weights;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < quantised.length; i++) {
    const a = Math.abs(quantised[i] as number);
    if (a !== 0 && a < min) min = a;
    if (a > max) max = a;
  }
  if (max === 0) return true;
  const smallest = Math.fround(min * Math.abs(scale));
  const largest = Math.fround(max * Math.abs(scale));
  if (!(smallest > 1e-37) || !Number.isFinite(largest)) return false; // subnormal or odd: do not regroup
  let e = Math.floor(Math.log2(smallest));
  while (2 ** e > smallest) e--;
  while (2 ** (e + 1) <= smallest) e++;
  const unit = 2 ** (e - 23);
  return (terms * largest) / unit < 2 ** 53;
}

/** A decision never has more features than this (NerFeaturizer.features gives ~30 to ~80). */
export const MAX_TERMS = 4096;
/**
 * At most this many features of a word do not read the labels being chosen and are not in the
 * cached sums: 7 pairs, then start 2, capitals 2, document case 1, gazetteer 15 × 4 + 3, history 1,
 * POS 6.
 */
const MAX_FIXED = 7 + 2 + 2 + 1 + 15 * 4 + 3 + 1 + 6;
/** Per word type, NerDecoder caches these sums of weights (each CLASSES wide, in one array). */
const OWN = 0;
const AS_PREV = CLASSES;
const AS_NEXT = 2 * CLASSES;
const AS_PREV2 = 3 * CLASSES;
const AS_NEXT2 = 4 * CLASSES;
/** After an O label: the features of label O with this word (prev_norm, prev_shape). */
const AFTER_O = 5 * CLASSES;
const CACHED = 6 * CLASSES;
const SLAB_TYPES = 512;

/**
 * The run-time greedy decoder: the same decisions as decodeSentence, faster. The weights of the
 * features that read a single word are summed once per word type and cached on its WordInfo (its
 * own features; as the word before or after the one being labelled; after an O label), so that a
 * decision looks up only the features that combine words, shapes and labels. Valid only when
 * sums are exact (exactSums): EntityTagger falls back to decodeSentence otherwise.
 */
export class NerDecoder {
  /** The features that read the previous labels (at most 4), written directly (values, length). */
  private readonly buffer = new FeatureBuffer(8);
  /** Scratch for fixedScores, grown as sentences need. */
  private fixed = new Float64Array(64 * CLASSES);
  private features = new Uint32Array(64 * MAX_FIXED);
  private target = new Uint32Array(64 * MAX_FIXED);
  private slots = new Uint32Array(64 * MAX_FIXED);
  /** "No word" (before the first word, after the last), for its cached sums. */
  private readonly none: WordInfo;

  constructor(
    private readonly model: LinearModel,
    private readonly f: NerFeaturizer,
  ) {
    this.none = { ...wordInfo(''), word: NO_WORD, norm: NO_WORD };
    this.sums(this.none);
    f.promoted = (w) => this.move(w);
  }

  /**
   * Word types' cached sums live in slabs of SLAB_TYPES types, found from the word by slab and
   * offset: one allocation per slab, and no object per type to go through.
   */
  private slab = new Float64Array(0);
  private slabUsed = 0;
  private readonly sumScratch = new Float64Array(CLASSES);

  /** Room for one word type's sums in the current slab: its offset. */
  private claim(): number {
    if (this.slabUsed + CACHED > this.slab.length) {
      this.slab = new Float64Array(SLAB_TYPES * CACHED);
      this.slabUsed = 0;
    }
    const at = this.slabUsed;
    this.slabUsed += CACHED;
    return at;
  }

  /** Copies w's sums into the current slab (the word cache promoted w: its old slab may go). */
  private move(w: WordInfo): void {
    const from = w.slab;
    if (from === undefined || from === this.slab) return;
    const at = this.claim();
    this.slab.set(from.subarray(w.at, w.at + CACHED), at);
    w.slab = this.slab;
    w.at = at;
  }

  /** Computes w's cached sums (sets w.slab, w.at). */
  private sums(w: WordInfo): void {
    const at = this.claim();
    const slab = this.slab;
    const buf = this.buffer;
    const scratch = this.sumScratch;
    const add = (offset: number): void => {
      scratch.fill(0);
      this.model.score(buf, scratch);
      slab.set(scratch, at + offset);
      buf.clear();
    };
    buf.clear();
    this.f.wordFeatures(w, buf);
    add(OWN);
    buf.push(feature1(T.normM1, w.norm));
    buf.push(feature1(T.wordM1, w.word));
    add(AS_PREV);
    buf.push(feature1(T.normP1, w.norm));
    buf.push(feature1(T.wordP1, w.word));
    add(AS_NEXT);
    buf.push(feature1(T.normM2, w.norm));
    add(AS_PREV2);
    buf.push(feature1(T.normP2, w.norm));
    add(AS_NEXT2);
    buf.push(feature2(T.prev_norm, 0, w.norm));
    buf.push(feature2(T.prev_shape, 0, w.shape));
    add(AFTER_O);
    w.slab = slab;
    w.at = at;
  }

  /** The word, its cached sums computed. */
  private cached(w: WordInfo): WordInfo {
    if (w.slab === undefined) this.sums(w);
    return w;
  }

  decode(s: PreparedSentence, history: History | undefined, scores: Float64Array, out: Uint8Array): void {
    const n = s.length;
    const fixed = this.fixedScores(s, 0, n, history);
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < n; i++) {
      this.labelScores(s, i, prev, prev2, fixed, i * CLASSES, scores);
      const label = bestAllowed(scores, prev, i === n - 1);
      out[i] = label;
      prev2 = prev;
      prev = label;
    }
  }

  /** The scores of word i's labels after labels prev2, prev: the sums decodeSentence gets from features(). */
  score(s: PreparedSentence, i: number, prev: number, prev2: number, history: History | undefined, scores: Float64Array): void {
    this.labelScores(s, i, prev, prev2, this.fixedScores(s, i, i + 1, history), 0, scores);
  }

  /** `fixed` (from offset `at`) plus the features that read the previous labels. */
  private labelScores(s: PreparedSentence, i: number, prev: number, prev2: number, fixed: Float64Array, at: number, scores: Float64Array): void {
    const pairs = this.pairs;
    const p = this.labelPair(prev2, prev);
    for (let c = 0; c < CLASSES; c++) scores[c] = (fixed[at + c] as number) + (pairs[p + c] as number);
    const w = s.info[i] as WordInfo;
    if (prev === 0) {
      const own = this.cached(w);
      const slab = own.slab as Float64Array;
      const o = own.at + AFTER_O;
      for (let c = 0; c < CLASSES; c++) scores[c] = (scores[c] as number) + (slab[o + c] as number);
      return;
    }
    const buf = this.buffer;
    const v = buf.values;
    v[0] = feature2(T.prev_shape, prev, w.shape);
    v[1] = feature2(T.prev_norm, prev, w.norm);
    buf.length = 2;
    this.model.score(buf, scores);
  }

  /** The summed weights of the features of the two previous labels alone (prev; prev2 and prev), per pair. */
  private readonly pairs = new Float64Array(CLASSES * CLASSES * CLASSES);
  private readonly pairKnown = new Uint8Array(CLASSES * CLASSES);

  /** Where in `pairs` the sums of (prev2, prev) start, computed on first use. */
  private labelPair(prev2: number, prev: number): number {
    const pair = prev2 * CLASSES + prev;
    if (this.pairKnown[pair] === 0) {
      const buf = this.buffer;
      buf.clear();
      buf.push(feature1(T.prev, prev));
      buf.push(feature2(T.prev2_prev, prev2, prev));
      this.model.score(buf, this.pairs.subarray(pair * CLASSES, (pair + 1) * CLASSES));
      this.pairKnown[pair] = 1;
    }
    return pair * CLASSES;
  }

  /**
   * For words first … end-1, the scores of the features that do not read the labels being chosen
   * (CLASSES per word, from 0): cached per-word sums, then every other feature of all the words
   * looked up in one batch (LinearModel.scoreBatch), which overlaps the table's cache misses.
   */
  private fixedScores(s: PreparedSentence, first: number, end: number, history: History | undefined): Float64Array {
    const count = end - first;
    if (this.fixed.length < count * CLASSES) this.fixed = new Float64Array(count * CLASSES * 2);
    if (this.features.length < count * MAX_FIXED) {
      this.features = new Uint32Array(count * MAX_FIXED * 2);
      this.target = new Uint32Array(count * MAX_FIXED * 2);
      this.slots = new Uint32Array(count * MAX_FIXED * 2);
    }
    const fixed = this.fixed;
    const info = s.info;
    const n = s.length;
    const none = this.none;
    let k = 0;
    for (let i = first; i < end; i++) {
      const own = this.cached(info[i] as WordInfo);
      const before = i >= 1 ? this.cached(info[i - 1] as WordInfo) : none;
      const after = i + 1 < n ? this.cached(info[i + 1] as WordInfo) : none;
      const before2 = i >= 2 ? this.cached(info[i - 2] as WordInfo) : none;
      const after2 = i + 2 < n ? this.cached(info[i + 2] as WordInfo) : none;
      const at = (i - first) * CLASSES;
      const s0 = own.slab as Float64Array;
      const s1 = before.slab as Float64Array;
      const s2 = after.slab as Float64Array;
      const s3 = before2.slab as Float64Array;
      const s4 = after2.slab as Float64Array;
      const a0 = own.at + OWN;
      const a1 = before.at + AS_PREV;
      const a2 = after.at + AS_NEXT;
      const a3 = before2.at + AS_PREV2;
      const a4 = after2.at + AS_NEXT2;
      for (let c = 0; c < CLASSES; c++) {
        fixed[at + c] = (s0[a0 + c] as number) + (s1[a1 + c] as number) + (s2[a2 + c] as number) + (s3[a3 + c] as number) + (s4[a4 + c] as number);
      }
      const from = k;
      k = this.pairFeatures(s, i, this.features, k);
      k = this.sparseFeatures(s, i, history, this.features, k);
      this.target.fill(i - first, from, k);
    }
    this.model.scoreBatch(this.features, this.target, k, fixed, this.slots);
    return fixed;
  }

  /** The features of word i that combine neighbouring words and shapes (features() has them too), written from `k`; returns the new count. */
  private pairFeatures(s: PreparedSentence, i: number, v: Uint32Array, k: number): number {
    const info = s.info;
    const n = s.length;
    const w = info[i] as WordInfo;
    const wp = i >= 1 ? info[i - 1] : undefined;
    const wn = i + 1 < n ? info[i + 1] : undefined;
    const normP = wp ? wp.norm : NO_WORD;
    const normN = wn ? wn.norm : NO_WORD;
    const shapeP = wp ? wp.shape : NO_SHAPE;
    const shapeN = wn ? wn.shape : NO_SHAPE;
    const shape = w.shape;
    const norm = w.norm;
    v[k++] = feature2(T.shapeM1_shape, shapeP, shape);
    v[k++] = feature2(T.shape_shapeP1, shape, shapeN);
    v[k++] = feature3(T.shapeM2_shapeM1_shape, i >= 2 ? (info[i - 2] as WordInfo).shape : NO_SHAPE, shapeP, shape);
    v[k++] = feature2(T.normM1_norm, normP, norm);
    v[k++] = feature2(T.norm_normP1, norm, normN);
    v[k++] = feature2(T.normM1_shape, normP, shape);
    v[k++] = feature2(T.shape_normP1, shape, normN);
    return k;
  }

  /** The features of word i that only some words have (sentence start, capitals, gazetteer, history, POS), after `k` others. */
  private sparseFeatures(s: PreparedSentence, i: number, history: History | undefined, v: Uint32Array, k: number): number {
    const w = s.info[i] as WordInfo;
    const settings = this.f.settings;
    if (i === 0) {
      v[k++] = feature1(T.start_shape, w.shape);
      v[k++] = feature1(T.start_norm, w.norm);
    }
    if (s.allCaps) {
      v[k++] = feature1(T.caps_norm, w.norm);
      v[k++] = feature1(T.caps_shape, w.shape);
    }
    const docCase = s.docCase[i] as number;
    if (docCase !== 0) v[k++] = feature2(T.doccase_shape, docCase, s.allCaps ? 1 : 0);
    if (settings.gazetteer) {
      const caseKey = s.allCaps ? 8 + docCase : w.caseClass;
      for (let p = 0; p < 4; p++) {
        let bits = (s.gaz[p] as Uint16Array)[i] as number;
        while (bits !== 0) {
          const c = 31 - Math.clz32(bits);
          bits &= ~(1 << c);
          v[k++] = feature3(T.gaz_pos_case, c, p, caseKey);
        }
      }
      const longest = s.gazLongest[i] as number;
      if (longest !== 0) v[k++] = feature2(T.gaz_longest_case, longest, caseKey);
      if (i > 0) {
        const g = s.gazLongest[i - 1] as number;
        if (g !== 0) v[k++] = feature2(T.gazM1, g, w.caseClass);
      }
      if (i + 1 < s.length) {
        const g = s.gazLongest[i + 1] as number;
        if (g !== 0) v[k++] = feature2(T.gazP1, g, w.caseClass);
      }
    }
    if (history && w.caseClass !== CASE_LOWER && w.letters) {
      const t = history.best(w.lower);
      if (t >= 0) v[k++] = feature2(T.history_case, t, s.allCaps ? 4 + w.caseClass : w.caseClass);
    }
    if (settings.pos) {
      const pos = s.pos;
      const p0 = pos[i] as number;
      const pP = i > 0 ? (pos[i - 1] as number) : NO_POS;
      const pN = i + 1 < s.length ? (pos[i + 1] as number) : NO_POS;
      v[k++] = feature1(T.pos, p0);
      v[k++] = feature2(T.posM1_pos, pP, p0);
      v[k++] = feature2(T.pos_posP1, p0, pN);
      v[k++] = feature1(T.posM1, pP);
      v[k++] = feature1(T.posP1, pN);
      v[k++] = feature2(T.pos_shape, p0, w.shape);
    }
    return k;
  }
}
