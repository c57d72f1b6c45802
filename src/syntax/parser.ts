// The run-time dependency parser: greedy arc-hybrid transitions (transitions.ts), each move
// labelled with its UD relation (SHIFT, LEFT:<rel>, RIGHT:<rel>: 1 + 2 × 51 classes), scored by one
// linear model over rich non-local features (Zhang & Nivre 2011, adapted to arc-hybrid: the
// stack's s0 s1 s2 and the buffer's b0 b1 b2 with their words, tags, leftmost/rightmost children
// and their labels, valency, distance, label sets, pairs and triples; plus each word's ambiguity
// class and suffix, to see past a wrong predicted tag). Trained by train/parser.ts.
//
// Labels are part of the move rather than given by a second classifier on each new arc.
// Measured (EWT, UAS/LAS): half the training data with gold UPOS, dev 86.87/85.08 joint vs
// 86.27/84.14 with a second perceptron labelling each arc; all the data with predicted tags, test
// 85.39/82.52 joint vs 84.16/80.88, and 84.75/81.47 for a factored scorer (3-class move model over
// every template + labelled moves over 31 of them).
//
// Speed: every word and tag is hashed once per sentence into integer ids; a feature is a
// template's integer atoms hashed in one tight loop (hashAtoms: no call per feature); the model
// is packed at load into open-addressing tables of 8-byte slots (PackedModel: what a decision
// waits for is memory); a feature's weights are a run of (class, int16) entries, or, for the
// frequent features that weigh most of the 103 classes, a dense int16 row summed with WebAssembly
// SIMD (row-sum.ts). Sums are integers, and only the classes of allowed moves are summed; a state
// with one allowed move is not scored. The state, the
// feature buffer and the scores are allocated once per Parser and reused: parsing allocates only
// its result.
import * as path from 'node:path';
import { decodeModel, FeatureBuffer, feature2, hashString, readModelFile, sha256, type LinearModel, type ModelContent } from '../learn';
import { ModelError } from '../errors';
import { MODELS_DIR } from '../version';
import { ArcHybridState, LEFT, RIGHT, SHIFT } from './transitions';
import { RowSummer } from './row-sum';
import { modelForm } from './words';
import { WordCache } from './word-cache';

export const PARSER_KIND = 'parser';
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
  's0wt.b0t', 's0t.b0wt', 's0w.b0w', 's0t.b0t', 'b0t.b1t',
  's1w.s0w', 's1t.s0t', 's1wt.s0t', 's1t.s0wt', 's1t.b0t',
  // triples
  'b0t.b1t.b2t', 's0t.b0t.b1t', 's1t.s0t.b0t', 's0t.s0lt.b0t', 's0t.s0rt.b0t', 's0t.b0t.b0lt', 's2t.s1t.s0t', 's1t.s1rt.s0t',
  // distance
  's0w.d', 's0t.d', 'b0w.d', 'b0t.d', 's0t.b0t.d', 's1t.s0t.d1',
  // valency
  's0w.vr', 's0t.vr', 's0w.vl', 's0t.vl', 'b0w.vl', 'b0t.vl', 's1t.vr', 's1w.vr',
  // children
  's0lw', 's0lt', 's0ll', 's0rw', 's0rt', 's0rl', 'b0lw', 'b0lt', 'b0ll', 's1rw', 's1rt', 's1rl',
  // second children
  's0l2w', 's0l2t', 's0l2l', 's0r2w', 's0r2t', 's0r2l', 'b0l2w', 'b0l2t', 'b0l2l',
  's0t.s0lt.s0l2t', 's0t.s0rt.s0r2t', 'b0t.b0lt.b0l2t',
  // label sets
  's0w.sr', 's0t.sr', 's0w.sl', 's0t.sl', 'b0w.sl', 'b0t.sl',
  // ambiguity classes (a) and suffixes (x)
  's0a', 'b0a', 'b1a', 's1a', 's0a.b0a', 's1a.s0a', 's0t.b0a', 's0a.b0t', 's0x', 'b0x', 'b1x', 's1x',
  // s1's leftmost child; punctuation between s0 and b0 (pb), s1 and s0 (pb1), capped at 3
  's1lt', 's1ll', 's0t.b0t.pb', 's1t.s0t.pb1',
];

const TEMPLATES_VERSION = 'parser-features-7 (joint labels; atoms hashed by hashAtoms; suffix = last 3 chars)';

export function parserTemplatesHash(): string {
  return sha256([TEMPLATES_VERSION, MOVE_TEMPLATES.join(' ')].join('\n'));
}

const NONE_ID = hashString('<none>');
const ROOT_ID = hashString('<root>');
const PAIR = 0x7fff;

/** The word as the parser's features see it: straight quotes (modelForm), lower-cased. */
export function parserWordKey(form: string): string {
  return modelForm(form).toLowerCase();
}

/**
 * What the parser knows about words besides their hashes: each frequent training word's
 * ambiguity class (the set of UPOS tags it carried, as a bit mask), which lets the features see
 * past a wrong predicted tag ("that" can be PRON, SCONJ or DET whatever the tagger said).
 */
export class ParserLexicon {
  readonly ambiguity: ReadonlyMap<string, number>;

  constructor(ambiguity: ReadonlyMap<string, number> = new Map()) {
    this.ambiguity = ambiguity;
  }

  /** The ambiguity class of a word key (parserWordKey), 0 when unknown. */
  classOf(key: string): number {
    return this.ambiguity.get(key) ?? 0;
  }

  /** As stored in the model file: [word, mask] pairs sorted by word. */
  toTable(): [string, number][] {
    return [...this.ambiguity].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  static fromTable(table: unknown): ParserLexicon | undefined {
    if (!Array.isArray(table)) return undefined;
    const map = new Map<string, number>();
    for (const entry of table as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1])) return undefined;
      map.set(entry[0], entry[1] as number);
    }
    return new ParserLexicon(map);
  }
}

/** Hash of a word key's last three characters (the whole key when shorter). */
function suffixId(key: string): number {
  return hashString(key.length > 3 ? key.slice(-3) : key, 0x5f1);
}

/** What SentenceIds keeps of a word form. */
interface WordIds {
  readonly word: number;
  readonly ambiguity: number;
  readonly suffix: number;
}

/**
 * A sentence as the features read it: per position (0 = none, 1 … n = words, n + 1 = root) the
 * ids of the word, its tag, the pair, its ambiguity class and its suffix. Reused across sentences.
 */
export class SentenceIds {
  n = 0;
  words: Uint32Array;
  tags: Uint32Array;
  pairs: Uint32Array;
  classes: Uint32Array;
  suffixes: Uint32Array;
  /** punct[i]: how many of words 1 … i are tagged PUNCT (punct[n + 1] = punct[n]). */
  punct: Int32Array;
  readonly lexicon: ParserLexicon;

  constructor(lexicon: ParserLexicon, capacity = 64) {
    this.lexicon = lexicon;
    this.words = new Uint32Array(capacity + 2);
    this.tags = new Uint32Array(capacity + 2);
    this.pairs = new Uint32Array(capacity + 2);
    this.classes = new Uint32Array(capacity + 2);
    this.suffixes = new Uint32Array(capacity + 2);
    this.punct = new Int32Array(capacity + 2);
  }

  /** Starts a sentence of n words; set each word with set(), 1-based. */
  reset(n: number): void {
    if (n + 2 > this.words.length) {
      const size = Math.max(n + 2, this.words.length * 2);
      this.words = new Uint32Array(size);
      this.tags = new Uint32Array(size);
      this.pairs = new Uint32Array(size);
      this.classes = new Uint32Array(size);
      this.suffixes = new Uint32Array(size);
      this.punct = new Int32Array(size);
    }
    this.n = n;
    this.punct[0] = 0;
    for (const [i, id] of [
      [0, NONE_ID],
      [n + 1, ROOT_ID],
    ] as const) {
      this.words[i] = id;
      this.tags[i] = id;
      this.pairs[i] = feature2(PAIR, id, id);
      this.classes[i] = id;
      this.suffixes[i] = id;
    }
  }

  /** Per word form seen lately: its word id, ambiguity class and suffix id (news repeats its words). */
  private readonly known = new WordCache<WordIds>();
  /** Per tag: its id. */
  private readonly tagIds = new Map<string, number>();

  /** Sets word i (1-based) from its form and tag. */
  set(i: number, form: string, tag: string): void {
    let ids = this.known.get(form);
    if (ids === undefined) {
      const key = parserWordKey(form);
      ids = { word: hashString(key), ambiguity: this.lexicon.classOf(key), suffix: suffixId(key) };
      this.known.set(form, ids);
    }
    let t = this.tagIds.get(tag);
    if (t === undefined) {
      t = hashString(tag);
      this.tagIds.set(tag, t);
    }
    const word = ids.word;
    this.words[i] = word;
    this.tags[i] = t;
    this.pairs[i] = feature2(PAIR, word, t);
    this.classes[i] = ids.ambiguity;
    this.suffixes[i] = ids.suffix;
    this.punct[i] = (this.punct[i - 1] as number) + (tag === 'PUNCT' ? 1 : 0);
  }

  /** Sets every word, in order (set() counts punctuation from left to right). */
  fill(words: readonly string[], tags: readonly string[]): void {
    this.reset(words.length);
    for (let i = 0; i < words.length; i++) this.set(i + 1, words[i] as string, tags[i] ?? '');
    this.punct[words.length + 1] = this.punct[words.length] as number;
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
// (inlined multiply-xor-shift, no call per feature): measured 5x faster (4.9 → 1 µs/token) than
// calling the toolkit's feature1/2/3 per feature, which V8 does not inline into a function this large.
const MAX_TEMPLATES = 256;
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
  A[k] = s0p; B[k] = b0t; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0p; C[k] = 0; k++;
  A[k] = s0w; B[k] = b0w; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0t; C[k] = 0; k++;
  A[k] = b0t; B[k] = b1t; C[k] = 0; k++;
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
  A[k] = s0t; B[k] = b0t; C[k] = d; k++;
  A[k] = s1t; B[k] = s0t; C[k] = d1; k++;
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
  // ambiguity classes and suffixes
  const X = x.classes;
  const S = x.suffixes;
  const s0a = X[s0] as number;
  const b0a = X[b0] as number;
  const s1a = X[s1] as number;
  A[k] = s0a; B[k] = 0; C[k] = 0; k++;
  A[k] = b0a; B[k] = 0; C[k] = 0; k++;
  A[k] = X[b1] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = s1a; B[k] = 0; C[k] = 0; k++;
  A[k] = s0a; B[k] = b0a; C[k] = 0; k++;
  A[k] = s1a; B[k] = s0a; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0a; C[k] = 0; k++;
  A[k] = s0a; B[k] = b0t; C[k] = 0; k++;
  A[k] = S[s0] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = S[b0] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = S[b1] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = S[s1] as number; B[k] = 0; C[k] = 0; k++;
  // s1's leftmost child; punctuation between s0 and b0, s1 and s0
  const s1l = L1[s1] as number;
  const PU = x.punct;
  const pb = s0 > 0 && b0 > s0 ? Math.min(3, (PU[b0 - 1] as number) - (PU[s0] as number)) : 4;
  const pb1 = s1 > 0 ? Math.min(3, (PU[s0 - 1] as number) - (PU[s1] as number)) : 4;
  A[k] = T[s1l] as number; B[k] = 0; C[k] = 0; k++;
  A[k] = (lab[s1l] as number) + 1; B[k] = 0; C[k] = 0; k++;
  A[k] = s0t; B[k] = b0t; C[k] = pb; k++;
  A[k] = s1t; B[k] = s0t; C[k] = pb1; k++;
  hashAtoms(k, 0, buf);
}

/** The smallest power of two holding `rows` at a load of at most 0.7 (linear probing). */
function tableSize(rows: number): number {
  let size = 16;
  while (size * 0.7 < rows) size *= 2;
  return size;
}

/** Rows with more weights than this are stored dense and summed with SIMD (row-sum.ts). */
const DENSE_MIN = 12;

/** Puts key → value into an open-addressing table of 8-byte slots (linear probing). */
function put(table: Uint32Array, mask: number, key: number, value: number): void {
  let s = key & mask;
  while (table[s * 2] !== 0) s = (s + 1) & mask;
  table[s * 2] = key;
  table[s * 2 + 1] = value;
}

/**
 * A linear model packed for speed. A row with few weights is a run of [class << 16 | int16 weight]
 * entries; a row with many (the frequent features: tags, labels, common words) is a dense int16 row
 * summed with SIMD. Sums are integers (exact: ties break the same way on every machine, whatever
 * the order the weights are added in).
 *
 * Memory, not arithmetic, is what a decision waits for: the model is ~25 MB and a decision reads
 * ~94 features, ~75 of them dense rows. So the dense rows have a table of their own (hot: 1 MB,
 * which stays in the processor's caches and its page tables, unlike the 8 MB of the others), and are laid out by how many weights
 * they have, most first, which puts the rows of the most frequent features (measured: 4% of the
 * rows serve 90% of the lookups) together; only the features not found there look in the big
 * table of sparse rows (cold), all their home slots read first in a loop whose loads do not depend
 * on each other, so that the processor overlaps their misses.
 */
class PackedModel {
  readonly classes: number;
  get simd(): boolean {
    return this.dense.simd;
  }
  /** Open addressing, 8-byte slots [key, dense row index] / [key, first entry << 8 | count]. */
  private readonly hot: Uint32Array;
  private readonly cold: Uint32Array;
  private readonly hotMask: number;
  private readonly coldMask: number;
  private readonly entries: Int32Array;
  private readonly dense: RowSummer;
  /** Per decision: the features not found in the hot table; their cold home slots' keys, then their rows. */
  private readonly pending = new Uint32Array(MAX_TEMPLATES);
  private readonly homeKeys = new Uint32Array(MAX_TEMPLATES);
  /** Per decision: the dense rows of the features found in the hot table. */
  private readonly denseHits = new Int32Array(MAX_TEMPLATES);
  /** Where reads done only to fetch cache lines early leave their sum, so that they are kept. */
  private readonly sink = new Int32Array(1);

  constructor(model: LinearModel, options: { simd?: boolean } = {}) {
    const w = model.weights;
    const rows = w.keys.length;
    this.classes = w.classes;
    if (w.classOf.length >= 1 << 23 || w.classes > 1024) throw new Error('parser: model too large to pack');
    // the dense rows, most weights first (a counting sort by width, then by row)
    const byWidth = new Int32Array(w.classes + 2);
    let denseCount = 0;
    let sparseEntries = 0;
    for (let r = 0; r < rows; r++) {
      const count = (w.offsets[r + 1] as number) - (w.offsets[r] as number);
      if (count > DENSE_MIN) {
        denseCount++;
        byWidth[w.classes - count + 1] = (byWidth[w.classes - count + 1] as number) + 1;
      } else sparseEntries += count;
    }
    for (let k = 1; k < byWidth.length; k++) byWidth[k] = (byWidth[k] as number) + (byWidth[k - 1] as number);
    const denseList = new Int32Array(denseCount);
    for (let r = 0; r < rows; r++) {
      const count = (w.offsets[r + 1] as number) - (w.offsets[r] as number);
      if (count <= DENSE_MIN) continue;
      const k = w.classes - count;
      denseList[byWidth[k] as number] = r;
      byWidth[k] = (byWidth[k] as number) + 1;
    }
    this.dense = new RowSummer(denseCount, Math.ceil(w.classes / 16) * 16, options);
    // a feature that is not there probes until an empty slot: keep the hot table sparse
    const hotSize = tableSize(denseCount * 2);
    const coldSize = tableSize(rows - denseCount);
    this.hotMask = hotSize - 1;
    this.coldMask = coldSize - 1;
    this.hot = new Uint32Array(hotSize * 2);
    this.cold = new Uint32Array(coldSize * 2);
    this.entries = new Int32Array(sparseEntries);
    const lanes = this.dense.lanes;
    const denseRows = this.dense.rows;
    for (let index = 0; index < denseCount; index++) {
      const r = denseList[index] as number;
      const end = w.offsets[r + 1] as number;
      for (let j = w.offsets[r] as number; j < end; j++) denseRows[index * lanes + (w.classOf[j] as number)] = w.quantised[j] as number;
      put(this.hot, this.hotMask, w.keys[r] as number, index);
    }
    let sparse = 0;
    for (let r = 0; r < rows; r++) {
      const first = w.offsets[r] as number;
      const end = w.offsets[r + 1] as number;
      if (end - first > DENSE_MIN) continue;
      put(this.cold, this.coldMask, w.keys[r] as number, ((sparse << 8) | (end - first)) >>> 0);
      for (let j = first; j < end; j++) this.entries[sparse++] = ((w.classOf[j] as number) << 16) | ((w.quantised[j] as number) & 0xffff);
    }
  }

  /**
   * Sets scores to the sum of the features' integer weights, exactly for the classes of 16-lane
   * chunks first … first + chunks − 1 (every class by default; the others then hold anything).
   */
  score(buf: FeatureBuffer, scores: Int32Array, first = 0, chunks = this.dense.lanes >> 4): void {
    const hot = this.hot;
    const hotMask = this.hotMask;
    const values = buf.values;
    const count = buf.length;
    const dense = this.dense;
    const pending = this.pending;
    const denseHits = this.denseHits;
    let hits = 0;
    let waiting = 0;
    for (let i = 0; i < count; i++) {
      const f = values[i] as number;
      let s = f & hotMask;
      let k = hot[s * 2] as number;
      while (k !== f && k !== 0) {
        s = (s + 1) & hotMask;
        k = hot[s * 2] as number;
      }
      if (k === f) denseHits[hits++] = hot[s * 2 + 1] as number;
      else pending[waiting++] = f;
    }
    const cold = this.cold;
    const coldMask = this.coldMask;
    const homeKeys = this.homeKeys;
    const entries = this.entries;
    for (let i = 0; i < waiting; i++) homeKeys[i] = cold[((pending[i] as number) & coldMask) * 2] as number;
    // the rows of the features found (over their keys), and their first entries read ahead likewise
    let found = 0;
    let touched = 0;
    for (let i = 0; i < waiting; i++) {
      const f = pending[i] as number;
      let k = homeKeys[i] as number;
      let s = f & coldMask;
      while (k !== f && k !== 0) {
        s = (s + 1) & coldMask;
        k = cold[s * 2] as number;
      }
      if (k === 0) continue;
      const row = cold[s * 2 + 1] as number;
      homeKeys[found++] = row;
      touched += entries[row >>> 8] as number;
    }
    this.sink[0] = touched;
    scores.fill(0);
    for (let i = 0; i < found; i++) {
      const row = homeKeys[i] as number;
      const start = row >>> 8;
      const end = start + (row & 0xff);
      for (let j = start; j < end; j++) {
        const e = entries[j] as number;
        const c = e >>> 16;
        scores[c] = (scores[c] as number) + ((e << 16) >> 16);
      }
    }
    dense.sumRows(denseHits, hits, first, chunks);
    const out = dense.out;
    const to = Math.min(scores.length, (first + chunks) * 16);
    for (let c = first * 16; c < to; c++) scores[c] = (scores[c] as number) + (out[c] as number);
  }
}

/**
 * The classes of the joint model: 0 = SHIFT, 1 … L = LEFT with label l - 1, L + 1 … 2L = RIGHT
 * with label l - L - 1; their names as stored in the model file ("SHIFT", "LEFT:nsubj" …).
 */
export function classNames(labels: readonly string[]): string[] {
  return ['SHIFT', ...labels.map((l) => `LEFT:${l}`), ...labels.map((l) => `RIGHT:${l}`)];
}

/** The labels of a joint model's class names, or undefined when they are not in that form. */
export function labelsOfClasses(names: readonly string[]): string[] | undefined {
  const L = (names.length - 1) / 2;
  if (!Number.isInteger(L) || L < 1 || names[0] !== 'SHIFT') return undefined;
  const labels = names.slice(1, 1 + L).map((n) => (n.startsWith('LEFT:') ? n.slice(5) : ''));
  const ok = labels.every((l, i) => l !== '' && names[1 + L + i] === `RIGHT:${l}`);
  return ok ? labels : undefined;
}

/** Whether joint class c is allowed in state st (rootLabel: the root label's id). */
export function classAllowed(st: ArcHybridState, c: number, labels: number, rootLabel: number): boolean {
  if (c === 0) return st.canShift();
  if (c <= labels) {
    if (!st.canLeft()) return false;
    return st.front === st.root ? c - 1 === rootLabel : c - 1 !== rootLabel;
  }
  return c - 1 - labels !== rootLabel && st.canRight();
}

/** The move (SHIFT, LEFT, RIGHT) and label id (-1 for SHIFT) of joint class c. */
export function moveOfClass(c: number, labels: number): number {
  return c === 0 ? SHIFT : c <= labels ? LEFT : RIGHT;
}

export function labelOfClass(c: number, labels: number): number {
  return c === 0 ? -1 : c <= labels ? c - 1 : c - 1 - labels;
}

/** What a parse returns: per word (0-based) its head (1-based, 0 = root) and its UD relation. */
export interface Parse {
  readonly heads: Int32Array;
  readonly labels: string[];
}

export function defaultParserFile(): string {
  return path.join(MODELS_DIR, 'parser.bin');
}

export class Parser {
  /** The UD relations the parser assigns, in class order. */
  readonly labelNames: readonly string[];
  readonly lexicon: ParserLexicon;
  /** The model file's header fields (settings, scores, data), for reports. */
  readonly info: Pick<ModelContent, 'settings' | 'scores' | 'data'> | undefined;
  private readonly packed: PackedModel;
  /** Whether the dense weight rows are summed with WebAssembly SIMD. */
  get simd(): boolean {
    return this.packed.simd;
  }
  private readonly labelCount: number;
  private readonly rootLabel: number;
  private readonly state = new ArcHybridState(128);
  private readonly ids: SentenceIds;
  private readonly buffer = new FeatureBuffer(MAX_TEMPLATES);
  private readonly scores: Int32Array;

  /** model: the joint move-and-label model (classNames(labelNames) order). */
  /** options.simd: false sums the dense rows in JavaScript (tests; the results are the same). */
  constructor(model: LinearModel, labelNames: readonly string[], lexicon: ParserLexicon, info?: Parser['info'], options: { simd?: boolean } = {}) {
    if (model.classes !== 1 + 2 * labelNames.length) throw new Error(`parser: the model has ${model.classes} classes, not 1 + 2 × ${labelNames.length}`);
    this.rootLabel = labelNames.indexOf(ROOT_LABEL);
    if (this.rootLabel < 0) throw new Error('parser: no root label');
    this.packed = new PackedModel(model, options);
    this.labelNames = labelNames;
    this.labelCount = labelNames.length;
    this.lexicon = lexicon;
    this.ids = new SentenceIds(lexicon, 128);
    this.scores = new Int32Array(model.classes);
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

  static fromContent(content: ModelContent, file = 'parser', options: { simd?: boolean } = {}): Parser {
    const section = content.sections.find((s) => s.name === 'moves');
    const labels = section && labelsOfClasses(section.labels);
    if (!section || !labels || !labels.includes(ROOT_LABEL) || section.model.classes !== section.labels.length) {
      throw new ModelError('model file lacks the parser sections (npm run train remakes it)', file);
    }
    const lexicon = ParserLexicon.fromTable((content.tables as { ambiguity?: unknown }).ambiguity);
    if (!lexicon) throw new ModelError('model file lacks the parser lexicon (npm run train remakes it)', file);
    return new Parser(section.model, labels, lexicon, { settings: content.settings, scores: content.scores, data: content.data }, options);
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

  /** A SentenceIds for parseIds, tied to this parser's lexicon (fill it, then parse it). */
  newSentence(capacity = 64): SentenceIds {
    return new SentenceIds(this.lexicon, capacity);
  }

  /**
   * The integer path: parses a filled SentenceIds (newSentence, then fill) and writes the heads
   * (1-based, 0 = root) and label ids (into labelNames) of words 1 … n at 0 … n-1.
   */
  parseIds(ids: SentenceIds, heads: Int32Array, labels: Int32Array): void {
    const st = this.state;
    const n = ids.n;
    const L = this.labelCount;
    const rootLabel = this.rootLabel;
    const scores = this.scores;
    const classes = scores.length;
    const chunks = Math.ceil(classes / 16);
    // the 16-lane chunks holding SHIFT and the LEFT classes, and those holding the RIGHT classes
    const leftChunks = Math.ceil((L + 1) / 16);
    const rightFirst = (L + 1) >> 4;
    st.reset(n);
    while (!st.isFinal()) {
      // a state with one allowed class needs no scores: SHIFT onto an empty stack, and the root
      // arc of the last word
      if (st.depth === 0) {
        st.apply(SHIFT, -1);
        continue;
      }
      if (st.front === st.root && st.depth === 1) {
        st.apply(LEFT, rootLabel);
        continue;
      }
      moveFeatures(st, ids, this.buffer);
      // only the classes of allowed moves are compared below: with one word on the stack, no
      // RIGHT; with only the root left in the buffer, only RIGHT
      if (st.front === st.root) this.packed.score(this.buffer, scores, rightFirst, chunks - rightFirst);
      else if (st.depth === 1) this.packed.score(this.buffer, scores, 0, leftChunks);
      else this.packed.score(this.buffer, scores, 0, chunks);
      // the best allowed class: SHIFT, LEFT (only root when b0 is the root, else any other
      // label), RIGHT (any label but root)
      let best = -1;
      let bestScore = 0;
      if (st.canShift()) {
        best = 0;
        bestScore = scores[0] as number;
      }
      if (st.canLeft()) {
        if (st.front === st.root) {
          const c = 1 + rootLabel;
          if (best < 0 || (scores[c] as number) > bestScore) {
            best = c;
            bestScore = scores[c] as number;
          }
        } else {
          for (let c = 1; c <= L; c++) {
            if (c - 1 === rootLabel) continue;
            if (best < 0 || (scores[c] as number) > bestScore) {
              best = c;
              bestScore = scores[c] as number;
            }
          }
        }
      }
      if (st.canRight()) {
        for (let c = L + 1; c < classes; c++) {
          if (c - 1 - L === rootLabel) continue;
          if (best < 0 || (scores[c] as number) > bestScore) {
            best = c;
            bestScore = scores[c] as number;
          }
        }
      }
      st.apply(best === 0 ? SHIFT : best <= L ? LEFT : RIGHT, best === 0 ? -1 : best <= L ? best - 1 : best - 1 - L);
    }
    for (let i = 1; i <= n; i++) {
      const h = st.heads[i] as number;
      heads[i - 1] = h === st.root ? 0 : h;
      labels[i - 1] = st.labels[i] as number;
    }
  }
}
