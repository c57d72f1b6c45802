// The run-time dependency parser: greedy arc-hybrid transitions (transitions.ts) scored by a
// linear model over rich non-local features (Zhang & Nivre 2011, adapted to arc-hybrid), and a
// second linear model that labels each new arc with a UD relation as it is made.
//
// Speed: every word and tag is hashed once per sentence into integer ids; a feature is an integer
// combination of ids (feature1/2/3); the move model (3 classes) is packed at load into one
// open-addressing table of 16-byte slots (key + 3 weights), so each feature costs one probe,
// usually one cache line. The state, the feature buffers and the score arrays are allocated once
// per Parser and reused: parsing allocates only its result.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeModel, FeatureBuffer, feature2, hashString, readModelFile, sha256, type LinearModel, type ModelContent } from '../learn';
import { ModelError } from '../errors';
import { ArcHybridState, LEFT, MOVES, RIGHT, SHIFT } from './transitions';

export const PARSER_KIND = 'parser';
export const MOVE_NAMES: readonly string[] = ['SHIFT', 'LEFT', 'RIGHT'];
export const ROOT_LABEL = 'root';

/**
 * The feature templates, in the order the code below emits them; their hash goes into the model
 * file so that a model trained with other templates is refused. Change the version when the
 * code changes a template without renaming it.
 */
export const MOVE_TEMPLATES: readonly string[] = [
  // single positions
  's0wt', 's0w', 's0t', 'b0wt', 'b0w', 'b0t', 'b1wt', 'b1w', 'b1t', 'b2w', 'b2t', 's1wt', 's1w', 's1t', 's2w', 's2t',
  // pairs
  's0wt.b0wt', 's0wt.b0w', 's0w.b0wt', 's0wt.b0t', 's0t.b0wt', 's0w.b0w', 's0t.b0t', 'b0t.b1t',
  's1wt.s0wt', 's1w.s0w', 's1t.s0t', 's1wt.s0t', 's1t.s0wt', 's1t.b0t',
  // triples
  'b0t.b1t.b2t', 's0t.b0t.b1t', 's1t.s0t.b0t', 's0t.s0lt.b0t', 's0t.s0rt.b0t', 's0t.b0t.b0lt', 's2t.s1t.s0t', 's1t.s1rt.s0t',
  // distance
  's0w.d', 's0t.d', 'b0w.d', 'b0t.d', 's0w.b0w.d', 's0t.b0t.d', 's1t.s0t.d1', 's1w.s0w.d1',
  // valency
  's0w.vr', 's0t.vr', 's0w.vl', 's0t.vl', 'b0w.vl', 'b0t.vl', 's1t.vr', 's1w.vr',
  // children
  's0lw', 's0lt', 's0ll', 's0rw', 's0rt', 's0rl', 'b0lw', 'b0lt', 'b0ll', 's1rw', 's1rt', 's1rl',
  // second children
  's0l2w', 's0l2t', 's0l2l', 's0r2w', 's0r2t', 's0r2l', 'b0l2w', 'b0l2t', 'b0l2l',
  's0t.s0lt.s0l2t', 's0t.s0rt.s0r2t', 'b0t.b0lt.b0l2t',
  // label sets
  's0w.sr', 's0t.sr', 's0w.sl', 's0t.sl', 'b0w.sl', 'b0t.sl',
];

export const LABEL_TEMPLATES: readonly string[] = [
  'dw', 'dt', 'dwt', 'hw', 'ht', 'hwt', 'ht.dt', 'hw.dt', 'ht.dw', 'hw.dw', 'ht.dt.dist',
  'dt.dll', 'dt.drl', 'dt.dll.drl', 'dt.dlt', 'dt.drt', 'dt.vl.vr', 'ht.dt.hside', 'ht.dt.ot',
  'dt.prevt', 'dt.nextt', 'ht.dt.dlw', 'dt.drw', 'ht.hll', 'dwt.hwt',
];

const TEMPLATES_VERSION = 'parser-features-2 (atoms hashed by hashAtoms)';

export function parserTemplatesHash(): string {
  return sha256([TEMPLATES_VERSION, MOVE_TEMPLATES.join(' '), LABEL_TEMPLATES.join(' ')].join('\n'));
}

const NONE_ID = hashString('<none>');
const ROOT_ID = hashString('<root>');
const PAIR = 0x7fff;

/** The word as the parser's features see it: lower-cased. */
export function parserWordKey(form: string): string {
  return form.toLowerCase();
}

/**
 * A sentence as the features read it: per position (0 = none, 1 … n = words, n + 1 = root) the
 * word's id, the tag's id and the id of the pair. Reused across sentences.
 */
export class SentenceIds {
  n = 0;
  words: Uint32Array;
  tags: Uint32Array;
  pairs: Uint32Array;

  constructor(capacity = 64) {
    this.words = new Uint32Array(capacity + 2);
    this.tags = new Uint32Array(capacity + 2);
    this.pairs = new Uint32Array(capacity + 2);
  }

  /** Starts a sentence of n words; set each word with set(), 1-based. */
  reset(n: number): void {
    if (n + 2 > this.words.length) {
      const size = Math.max(n + 2, this.words.length * 2);
      this.words = new Uint32Array(size);
      this.tags = new Uint32Array(size);
      this.pairs = new Uint32Array(size);
    }
    this.n = n;
    this.words[0] = NONE_ID;
    this.tags[0] = NONE_ID;
    this.pairs[0] = feature2(PAIR, NONE_ID, NONE_ID);
    this.words[n + 1] = ROOT_ID;
    this.tags[n + 1] = ROOT_ID;
    this.pairs[n + 1] = feature2(PAIR, ROOT_ID, ROOT_ID);
  }

  /** Sets word i (1-based) from ids already hashed. */
  setIds(i: number, word: number, tag: number): void {
    this.words[i] = word;
    this.tags[i] = tag;
    this.pairs[i] = feature2(PAIR, word, tag);
  }

  /** Sets word i (1-based) from strings. */
  set(i: number, form: string, tag: string): void {
    this.setIds(i, hashString(parserWordKey(form)), hashString(tag));
  }

  fill(words: readonly string[], tags: readonly string[]): void {
    this.reset(words.length);
    for (let i = 0; i < words.length; i++) this.set(i + 1, words[i] as string, tags[i] ?? '');
  }
}

function distance(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const d = b > a ? b - a : a - b;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

function small(v: number): number {
  return v < 6 ? v : 6;
}

// A feature is a template's up-to-three integer atoms (word, tag, pair, label ids, counts),
// hashed into 32 bits. The extractors below only store atoms; one tight loop hashes them
// (inlined multiply-xor-shift, no call per feature): measured 3x faster than calling the
// toolkit's feature1/2/3 per feature, which V8 does not inline into functions this large.
const MAX_TEMPLATES = 128;
const A = new Uint32Array(MAX_TEMPLATES);
const B = new Uint32Array(MAX_TEMPLATES);
const C = new Uint32Array(MAX_TEMPLATES);
const SEEDS = new Uint32Array(MAX_TEMPLATES);
for (let t = 0; t < MAX_TEMPLATES; t++) SEEDS[t] = hashString(`template ${t}`);

/** Hashes atoms 0 … count-1 (template t uses SEEDS[t + base]) into buf. Never 0. */
function hashAtoms(count: number, base: number, buf: FeatureBuffer): void {
  if (buf.values.length < count) buf.values = new Uint32Array(MAX_TEMPLATES);
  const out = buf.values;
  for (let t = 0; t < count; t++) {
    let h = (SEEDS[t + base] as number) ^ Math.imul(A[t] as number, 0x9e3779b1) ^ Math.imul(B[t] as number, 0x85ebca77) ^ Math.imul(C[t] as number, 0xc2b2ae3d);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[t] = h === 0 ? 1 : h;
  }
  buf.length = count;
}

/** The features of the next move in state st (MOVE_TEMPLATES order). */
export function moveFeatures(st: ArcHybridState, x: SentenceIds, buf: FeatureBuffer): void {
  const W = x.words;
  const T = x.tags;
  const P = x.pairs;
  const stack = st.stack;
  const depth = st.depth;
  const s0 = depth > 0 ? (stack[depth - 1] as number) : 0;
  const s1 = depth > 1 ? (stack[depth - 2] as number) : 0;
  const s2 = depth > 2 ? (stack[depth - 3] as number) : 0;
  const b0 = st.front;
  const root = st.root;
  const b1 = b0 + 1 <= root ? b0 + 1 : 0;
  const b2 = b0 + 2 <= root ? b0 + 2 : 0;
  const L1 = st.left1;
  const L2 = st.left2;
  const R1 = st.right1;
  const R2 = st.right2;
  const lab = st.labels;
  const s0l = L1[s0] as number;
  const s0l2 = L2[s0] as number;
  const s0r = R1[s0] as number;
  const s0r2 = R2[s0] as number;
  const b0l = L1[b0] as number;
  const b0l2 = L2[b0] as number;
  const s1r = R1[s1] as number;

  const s0w = W[s0] as number;
  const s0t = T[s0] as number;
  const s0p = P[s0] as number;
  const b0w = W[b0] as number;
  const b0t = T[b0] as number;
  const b0p = P[b0] as number;
  const b1t = T[b1] as number;
  const s1w = W[s1] as number;
  const s1t = T[s1] as number;
  const s1p = P[s1] as number;
  const s2t = T[s2] as number;
  const s0lt = T[s0l] as number;
  const s0rt = T[s0r] as number;
  const b0lt = T[b0l] as number;
  const d = distance(s0, b0);
  const d1 = distance(s1, s0);

  let k = 0;
  A[k] = s0p; B[k] = 0; C[k] = 0; k++;
  A[k] = s0w; B[k] = 0; C[k] = 0; k++;
  A[k] = s0t; B[k] = 0; C[k] = 0; k++;
  A[k] = b0p; B[k] = 0; C[k] = 0; k++;
  A[k] = b0w; B[k] = 0; C[k] = 0; k++;
  A[k] = b0t; B[k] = 0; C[k] = 0; k++;
  A[k] = P[b1] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = W[b1] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = b1t; B[k] = 0; C[k] = 0; k++;
  A[k] = W[b2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = T[b2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = s1p; B[k] = 0; C[k] = 0; k++;
  A[k] = s1w; B[k] = 0; C[k] = 0; k++;
  A[k] = s1t; B[k] = 0; C[k] = 0; k++;
  A[k] = W[s2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = s2t; B[k] = 0; C[k] = 0; k++;
  // pairs
  A[k] = s0p; B[k] = b0p; C[k] = 0; k++;
  A[k] = s0p; B[k] = b0w; C[k] = 0; k++;
  A[k] = s0w; B[k] = b0p; C[k] = 0; k++;
  A[k] = s0p; B[k] = b0t; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0p; C[k] = 0; k++;
  A[k] = s0w; B[k] = b0w; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0t; C[k] = 0; k++;
  A[k] = b0t; B[k] = b1t; C[k] = 0; k++;
  A[k] = s1p; B[k] = s0p; C[k] = 0; k++;
  A[k] = s1w; B[k] = s0w; C[k] = 0; k++;
  A[k] = s1t; B[k] = s0t; C[k] = 0; k++;
  A[k] = s1p; B[k] = s0t; C[k] = 0; k++;
  A[k] = s1t; B[k] = s0p; C[k] = 0; k++;
  A[k] = s1t; B[k] = b0t; C[k] = 0; k++;
  // triples
  A[k] = b0t; B[k] = b1t; C[k] = T[b2] as number; k++;
  A[k] = s0t; B[k] = b0t; C[k] = b1t; k++;
  A[k] = s1t; B[k] = s0t; C[k] = b0t; k++;
  A[k] = s0t; B[k] = s0lt; C[k] = b0t; k++;
  A[k] = s0t; B[k] = s0rt; C[k] = b0t; k++;
  A[k] = s0t; B[k] = b0t; C[k] = b0lt; k++;
  A[k] = s2t; B[k] = s1t; C[k] = s0t; k++;
  A[k] = s1t; B[k] = T[s1r] as number; C[k] = s0t; k++;
  // distance
  A[k] = s0w; B[k] = d; C[k] = 0; k++;
  A[k] = s0t; B[k] = d; C[k] = 0; k++;
  A[k] = b0w; B[k] = d; C[k] = 0; k++;
  A[k] = b0t; B[k] = d; C[k] = 0; k++;
  A[k] = s0w; B[k] = b0w; C[k] = d; k++;
  A[k] = s0t; B[k] = b0t; C[k] = d; k++;
  A[k] = s1t; B[k] = s0t; C[k] = d1; k++;
  A[k] = s1w; B[k] = s0w; C[k] = d1; k++;
  // valency
  const s0vr = small(st.rightCount[s0] as number);
  const s0vl = small(st.leftCount[s0] as number);
  const b0vl = small(st.leftCount[b0] as number);
  const s1vr = small(st.rightCount[s1] as number);
  A[k] = s0w; B[k] = s0vr; C[k] = 0; k++;
  A[k] = s0t; B[k] = s0vr; C[k] = 0; k++;
  A[k] = s0w; B[k] = s0vl; C[k] = 0; k++;
  A[k] = s0t; B[k] = s0vl; C[k] = 0; k++;
  A[k] = b0w; B[k] = b0vl; C[k] = 0; k++;
  A[k] = b0t; B[k] = b0vl; C[k] = 0; k++;
  A[k] = s1t; B[k] = s1vr; C[k] = 0; k++;
  A[k] = s1w; B[k] = s1vr; C[k] = 0; k++;
  // children
  A[k] = W[s0l] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = s0lt; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s0l] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = W[s0r] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = s0rt; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s0r] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = W[b0l] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = b0lt; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[b0l] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = W[s1r] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = T[s1r] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s1r] as number) + 1; B[k] = 0; C[k] = 0; k++;
  // second children
  A[k] = W[s0l2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = T[s0l2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s0l2] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = W[s0r2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = T[s0r2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s0r2] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = W[b0l2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = T[b0l2] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[b0l2] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = s0t; B[k] = s0lt; C[k] = T[s0l2] as number; k++;
  A[k] = s0t; B[k] = s0rt; C[k] = T[s0r2] as number; k++;
  A[k] = b0t; B[k] = b0lt; C[k] = T[b0l2] as number; k++;
  // label sets
  const s0sr = st.rightLabels[s0] as number;
  const s0sl = st.leftLabels[s0] as number;
  const b0sl = st.leftLabels[b0] as number;
  A[k] = s0w; B[k] = s0sr; C[k] = 0; k++;
  A[k] = s0t; B[k] = s0sr; C[k] = 0; k++;
  A[k] = s0w; B[k] = s0sl; C[k] = 0; k++;
  A[k] = s0t; B[k] = s0sl; C[k] = 0; k++;
  A[k] = b0w; B[k] = b0sl; C[k] = 0; k++;
  A[k] = b0t; B[k] = b0sl; C[k] = 0; k++;
  hashAtoms(k, 0, buf);
}

/**
 * The features for labelling the arc that `move` (LEFT or RIGHT) is about to make from the head
 * to s0 (LABEL_TEMPLATES order). Read before the move is applied.
 */
export function labelFeatures(st: ArcHybridState, x: SentenceIds, move: number, buf: FeatureBuffer): void {
  const W = x.words;
  const T = x.tags;
  const P = x.pairs;
  const depth = st.depth;
  const d = st.stack[depth - 1] as number;
  const below = depth > 1 ? (st.stack[depth - 2] as number) : 0;
  const h = move === LEFT ? st.front : below;
  const other = move === LEFT ? below : st.front;
  const dir = move;
  const dw = W[d] as number;
  const dt = T[d] as number;
  const dp = P[d] as number;
  const hw = W[h] as number;
  const ht = T[h] as number;
  const hp = P[h] as number;
  const dl = st.left1[d] as number;
  const dr = st.right1[d] as number;
  const dll = (st.labels[dl] as number) + 1;
  const drl = (st.labels[dr] as number) + 1;
  const hside = move === LEFT ? (st.leftLabels[h] as number) : (st.rightLabels[h] as number);
  const hl = move === LEFT ? (st.left1[h] as number) : (st.right1[h] as number);
  const prev = d - 1;
  const next = d + 1 <= st.root ? d + 1 : 0;
  let k = 0;
  A[k] = dir; B[k] = dw; C[k] = 0; k++;
  A[k] = dir; B[k] = dt; C[k] = 0; k++;
  A[k] = dir; B[k] = dp; C[k] = 0; k++;
  A[k] = dir; B[k] = hw; C[k] = 0; k++;
  A[k] = dir; B[k] = ht; C[k] = 0; k++;
  A[k] = dir; B[k] = hp; C[k] = 0; k++;
  A[k] = dir; B[k] = ht; C[k] = dt; k++;
  A[k] = dir; B[k] = hw; C[k] = dt; k++;
  A[k] = dir; B[k] = ht; C[k] = dw; k++;
  A[k] = dir; B[k] = hw; C[k] = dw; k++;
  A[k] = ht; B[k] = dt; C[k] = dir * 8 + distance(h, d); k++;
  A[k] = dir; B[k] = dt; C[k] = dll; k++;
  A[k] = dir; B[k] = dt; C[k] = drl; k++;
  A[k] = dt; B[k] = dll; C[k] = drl; k++;
  A[k] = dir; B[k] = dt; C[k] = T[dl] as number; k++;
  A[k] = dir; B[k] = dt; C[k] = T[dr] as number; k++;
  A[k] = dt; B[k] = small(st.leftCount[d] as number); C[k] = small(st.rightCount[d] as number); k++;
  A[k] = ht; B[k] = dt; C[k] = hside ^ (dir << 30); k++;
  A[k] = ht; B[k] = dt; C[k] = (T[other] as number) ^ dir; k++;
  A[k] = dir; B[k] = dt; C[k] = T[prev] as number; k++;
  A[k] = dir; B[k] = dt; C[k] = T[next] as number; k++;
  A[k] = ht; B[k] = dt; C[k] = (W[dl] as number) ^ dir; k++;
  A[k] = dir; B[k] = dt; C[k] = W[dr] as number; k++;
  A[k] = dir; B[k] = ht; C[k] = (st.labels[hl] as number) + 1; k++;
  A[k] = dir; B[k] = dp; C[k] = hp; k++;
  hashAtoms(k, MOVE_TEMPLATES.length, buf);
}

/** The smallest power of two holding `rows` at a load of at most 0.7 (linear probing). */
function tableSize(rows: number): number {
  let size = 16;
  while (size * 0.7 < rows) size *= 2;
  return size;
}

/**
 * The move model packed for speed: 8-byte slots [key u32, LEFT − SHIFT i16, RIGHT − SHIFT i16].
 * Only score differences decide a move, so two int16 deltas per feature suffice; they are summed
 * as integers (exact, so ties break the same way on every machine). One probe per feature.
 */
class PackedMoves {
  private readonly keys: Uint32Array;
  private readonly deltas: Int16Array;
  private readonly mask: number;

  constructor(model: LinearModel) {
    const w = model.weights;
    const rows = w.keys.length;
    const left = new Int32Array(rows);
    const right = new Int32Array(rows);
    let max = 1;
    for (let r = 0; r < rows; r++) {
      let q0 = 0;
      let q1 = 0;
      let q2 = 0;
      for (let j = w.offsets[r] as number; j < (w.offsets[r + 1] as number); j++) {
        const c = w.classOf[j] as number;
        const q = w.quantised[j] as number;
        if (c === SHIFT) q0 = q;
        else if (c === LEFT) q1 = q;
        else q2 = q;
      }
      left[r] = q1 - q0;
      right[r] = q2 - q0;
      max = Math.max(max, Math.abs(q1 - q0), Math.abs(q2 - q0));
    }
    // the deltas span twice the int16 range at most: halve them when they do not fit
    const shrink = max > 32767 ? 32767 / max : 1;
    const size = tableSize(rows);
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * 8);
    this.keys = new Uint32Array(buffer);
    this.deltas = new Int16Array(buffer);
    for (let r = 0; r < rows; r++) {
      const key = w.keys[r] as number;
      let s = key & this.mask;
      while (this.keys[s * 2] !== 0) s = (s + 1) & this.mask;
      this.keys[s * 2] = key;
      this.deltas[s * 4 + 2] = Math.round((left[r] as number) * shrink);
      this.deltas[s * 4 + 3] = Math.round((right[r] as number) * shrink);
    }
  }

  /** Writes the move scores (SHIFT 0, LEFT, RIGHT as integer sums of deltas). */
  score(buf: FeatureBuffer, scores: Int32Array): void {
    const keys = this.keys;
    const deltas = this.deltas;
    const mask = this.mask;
    const values = buf.values;
    let l = 0;
    let r = 0;
    for (let i = 0; i < buf.length; i++) {
      const f = values[i] as number;
      let s = f & mask;
      for (;;) {
        const k = keys[s * 2] as number;
        if (k === f) {
          l += deltas[s * 4 + 2] as number;
          r += deltas[s * 4 + 3] as number;
          break;
        }
        if (k === 0) break;
        s = (s + 1) & mask;
      }
    }
    scores[SHIFT] = 0;
    scores[LEFT] = l;
    scores[RIGHT] = r;
  }
}

/**
 * The label model packed for speed: 8-byte slots [key u32, first entry << 8 | entry count] and
 * entries [class << 16 | int16 weight] in one Int32Array; two probes per feature.
 */
class PackedLabels {
  private readonly slots: Uint32Array;
  private readonly entries: Int32Array;
  private readonly mask: number;

  constructor(model: LinearModel) {
    const w = model.weights;
    const rows = w.keys.length;
    if (w.classOf.length >= 1 << 24) throw new Error('parser: label model too large to pack');
    const size = tableSize(rows);
    this.mask = size - 1;
    this.slots = new Uint32Array(size * 2);
    this.entries = new Int32Array(w.classOf.length);
    for (let j = 0; j < w.classOf.length; j++) this.entries[j] = ((w.classOf[j] as number) << 16) | ((w.quantised[j] as number) & 0xffff);
    for (let r = 0; r < rows; r++) {
      const key = w.keys[r] as number;
      const first = w.offsets[r] as number;
      const count = (w.offsets[r + 1] as number) - first;
      if (count > 255) throw new Error('parser: label row too long to pack');
      let s = key & this.mask;
      while (this.slots[s * 2] !== 0) s = (s + 1) & this.mask;
      this.slots[s * 2] = key;
      this.slots[s * 2 + 1] = ((first << 8) | count) >>> 0;
    }
  }

  /** Adds the features' integer weights to scores (which the caller has zeroed). */
  score(buf: FeatureBuffer, scores: Int32Array): void {
    const slots = this.slots;
    const entries = this.entries;
    const mask = this.mask;
    const values = buf.values;
    for (let i = 0; i < buf.length; i++) {
      const f = values[i] as number;
      let s = f & mask;
      for (;;) {
        const k = slots[s * 2] as number;
        if (k === f) {
          const packed = slots[s * 2 + 1] as number;
          const first = packed >>> 8;
          const end = first + (packed & 0xff);
          for (let j = first; j < end; j++) {
            const e = entries[j] as number;
            const c = e >>> 16;
            scores[c] = (scores[c] as number) + ((e << 16) >> 16);
          }
          break;
        }
        if (k === 0) break;
        s = (s + 1) & mask;
      }
    }
  }
}

/** What a parse returns: per word (0-based) its head (1-based, 0 = root) and its UD relation. */
export interface Parse {
  readonly heads: Int32Array;
  readonly labels: string[];
}

/** The nearest directory above `from` holding package.json (the repository or package root). */
function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
}

export function defaultParserFile(): string {
  return path.join(packageRoot(), 'models', 'parser.bin');
}

export class Parser {
  readonly labelNames: readonly string[];
  /** The model file's header fields (settings, scores, data), for reports. */
  readonly info: Pick<ModelContent, 'settings' | 'scores' | 'data' | 'tables'> | undefined;
  private readonly packed: PackedMoves;
  private readonly labeller: PackedLabels;
  private readonly rootLabel: number;
  private readonly state = new ArcHybridState(128);
  private readonly ids = new SentenceIds(128);
  private readonly moveBuffer = new FeatureBuffer(128);
  private readonly labelBuffer = new FeatureBuffer(64);
  private readonly moveScores = new Int32Array(MOVES);
  private readonly labelScores: Int32Array;

  constructor(moves: LinearModel, labeller: LinearModel, labelNames: readonly string[], info?: Parser['info']) {
    if (moves.classes !== MOVES) throw new Error(`parser: the move model has ${moves.classes} classes, not ${MOVES}`);
    if (labeller.classes !== labelNames.length) throw new Error('parser: label model and label names differ');
    this.packed = new PackedMoves(moves);
    this.labeller = new PackedLabels(labeller);
    this.labelNames = labelNames;
    this.rootLabel = labelNames.indexOf(ROOT_LABEL);
    if (this.rootLabel < 0) throw new Error('parser: no root label');
    this.labelScores = new Int32Array(labelNames.length);
    this.info = info;
  }

  /** Reads a model file (models/parser.bin by default); any problem is a ModelError. */
  static load(file: string = defaultParserFile()): Parser {
    return Parser.fromContent(readModelFile(file, { kind: PARSER_KIND, templates: parserTemplatesHash() }), file);
  }

  /** From a model file's bytes (tests, and files read elsewhere). */
  static decode(bytes: Buffer, file = 'parser'): Parser {
    return Parser.fromContent(decodeModel(bytes, file, { kind: PARSER_KIND, templates: parserTemplatesHash() }), file);
  }

  static fromContent(content: ModelContent, file = 'parser'): Parser {
    const moves = content.sections.find((s) => s.name === 'moves');
    const labels = content.sections.find((s) => s.name === 'labels');
    if (!moves || !labels || moves.model.classes !== MOVES || moves.labels.join(' ') !== MOVE_NAMES.join(' ') || !labels.labels.includes(ROOT_LABEL)) {
      throw new ModelError('model file lacks the parser sections (npm run train remakes it)', file);
    }
    return new Parser(moves.model, labels.model, labels.labels, { settings: content.settings, scores: content.scores, data: content.data, tables: content.tables });
  }

  /**
   * Parses one sentence of words with their POS tags (UPOS). Always returns a single-rooted tree:
   * heads[i] is word i+1's head (1-based, 0 = root), labels[i] its UD relation.
   */
  parse(words: readonly string[], tags: readonly string[]): Parse {
    if (words.length !== tags.length) throw new Error(`parser: ${words.length} words but ${tags.length} tags`);
    this.ids.fill(words, tags);
    const heads = new Int32Array(words.length);
    const labelIds = new Int32Array(words.length);
    this.parseIds(this.ids, heads, labelIds);
    const names = this.labelNames;
    const labels = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) labels[i] = names[labelIds[i] as number] as string;
    return { heads, labels };
  }

  /**
   * The integer fast path: parses a sentence whose ids are already set (SentenceIds.fill or
   * setIds with hashString(parserWordKey(form)) and hashString(tag)); writes heads (1-based, 0 =
   * root) and label ids (into labelNames) of words 1 … n at 0 … n-1.
   */
  parseIds(ids: SentenceIds, heads: Int32Array, labels: Int32Array): void {
    const st = this.state;
    const n = ids.n;
    st.reset(n);
    const scores = this.moveScores;
    while (!st.isFinal()) {
      moveFeatures(st, ids, this.moveBuffer);
      this.packed.score(this.moveBuffer, scores);
      let move = -1;
      let best = 0;
      if (st.canShift()) {
        move = SHIFT;
        best = scores[SHIFT] as number;
      }
      if (st.canLeft() && (move < 0 || (scores[LEFT] as number) > best)) {
        move = LEFT;
        best = scores[LEFT] as number;
      }
      if (st.canRight() && (move < 0 || (scores[RIGHT] as number) > best)) move = RIGHT;
      let label = -1;
      if (move !== SHIFT) label = this.label(st, ids, move);
      st.apply(move, label);
    }
    for (let i = 1; i <= n; i++) {
      const h = st.heads[i] as number;
      heads[i - 1] = h === st.root ? 0 : h;
      labels[i - 1] = st.labels[i] as number;
    }
  }

  private label(st: ArcHybridState, ids: SentenceIds, move: number): number {
    if (move === LEFT && st.front === st.root) return this.rootLabel;
    labelFeatures(st, ids, move, this.labelBuffer);
    const scores = this.labelScores;
    scores.fill(0);
    this.labeller.score(this.labelBuffer, scores);
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < scores.length; c++) {
      if (c === this.rootLabel) continue;
      const s = scores[c] as number;
      if (best < 0 || s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }
}
