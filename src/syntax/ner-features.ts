// NER features: per-word hashes computed once per word type, a document's sentences prepared into
// typed arrays, the feature templates a decision reads, and the greedy reference decoder (ner.ts).
import { sha256, type LinearModel } from '../learn';
// The hot loop calls these directly, not through the package index's re-export getters.
import { FeatureBuffer, feature1, feature2, feature3, hashString } from '../learn/features';
import { allowedAfter, B, BILOU_LABELS, CLASSES, ENTITY_TYPES, I, L, labelType, U } from './ner-labels';
import { Gazetteer, GAZETTEER_CATEGORIES, GAZETTEER_MAX_WORDS, GAZETTEER_PREFIX, gazetteerStep, lowerForm } from './ner-gazetteer';
import { WORD_CACHE_GENERATION, WordCache } from './word-cache';

/** Settings that change which features are computed (stored in the model header). */
export interface NerFeatureSettings {
  readonly pos: boolean;
  readonly gazetteer: boolean;
  /** Labels of the same word earlier in the document. */
  readonly history: boolean;
  /** Casing of the same word elsewhere in the document (for all-caps lines and sentence starts). */
  readonly docCase: boolean;
}

/** What the shipped model uses: POS measured no gain (see train/ner.ts), so it is off. */
export const DEFAULT_NER_FEATURES: NerFeatureSettings = { pos: false, gazetteer: true, history: true, docCase: true };

/**
 * The feature templates, in order; their list (with the version) is hashed into the model file so
 * that a model trained with other templates is refused.
 */
const TEMPLATES = [
  'bias', 'word', 'norm', 'shape', 'prefix2', 'prefix3', 'prefix4', 'suffix1', 'suffix2', 'suffix3', 'suffix4',
  'norm-1', 'norm+1', 'norm-2', 'norm+2', 'shape-1|shape', 'shape|shape+1', 'norm-1|norm', 'norm|norm+1',
  'prev', 'prev2|prev', 'prev|norm', 'prev|shape', 'start|shape', 'start|norm', 'caps|norm', 'caps|shape',
  'gaz|pos|case', 'gaz-longest|case', 'history|case', 'pos', 'pos-1|pos', 'pos|pos+1', 'pos-1', 'pos+1',
  'doccase|shape', 'shape-2|shape-1|shape', 'norm-1|shape', 'shape|norm+1', 'gaz-1', 'gaz+1', 'pos|shape', 'word-1', 'word+1',
] as const;
/** Template ids (positions in TEMPLATES), as plain numbers for the hot loop. */
export const T = {
  bias: 0,
  word: 1,
  norm: 2,
  shape: 3,
  prefix2: 4,
  prefix3: 5,
  prefix4: 6,
  suffix1: 7,
  suffix2: 8,
  suffix3: 9,
  suffix4: 10,
  normM1: 11,
  normP1: 12,
  normM2: 13,
  normP2: 14,
  shapeM1_shape: 15,
  shape_shapeP1: 16,
  normM1_norm: 17,
  norm_normP1: 18,
  prev: 19,
  prev2_prev: 20,
  prev_norm: 21,
  prev_shape: 22,
  start_shape: 23,
  start_norm: 24,
  caps_norm: 25,
  caps_shape: 26,
  gaz_pos_case: 27,
  gaz_longest_case: 28,
  history_case: 29,
  pos: 30,
  posM1_pos: 31,
  pos_posP1: 32,
  posM1: 33,
  posP1: 34,
  doccase_shape: 35,
  shapeM2_shapeM1_shape: 36,
  normM1_shape: 37,
  shape_normP1: 38,
  gazM1: 39,
  gazP1: 40,
  pos_shape: 41,
  wordM1: 42,
  wordP1: 43,
} as const;
if (Object.keys(T).length !== TEMPLATES.length) throw new Error('ner: template ids out of step');
export const NER_TEMPLATES_HASH = sha256(`ner-templates-v1:${TEMPLATES.join(',')}:${BILOU_LABELS.join(',')}:${GAZETTEER_CATEGORIES.join(',')}`);

/** Per word type: the hashes of its strings, computed once. */
export interface WordInfo {
  readonly word: number;
  readonly lower: number;
  readonly norm: number;
  readonly shape: number;
  readonly prefix2: number;
  readonly prefix3: number;
  readonly prefix4: number;
  readonly suffix1: number;
  readonly suffix2: number;
  readonly suffix3: number;
  readonly suffix4: number;
  /** 0 lower/other, 1 Capitalised, 2 ALLCAPS, 3 has no letter. */
  readonly caseClass: number;
  /** Has a letter. */
  readonly letters: boolean;
  /**
   * Run time: summed weights of the features that read only this word, set by the decoder that
   * owns the cache (NerDecoder: its own features, and its features as the previous word, as the
   * next word, and after an O label): CACHED numbers of `slab` from `at`.
   */
  slab: Float64Array | undefined;
  at: number;
}

export const CASE_LOWER = 0;
const CASE_CAP = 1;
const CASE_UPPER = 2;
const CASE_NONE = 3;

/** Word shape with runs of one character class collapsed: "Xx", "X", "d-d", "x.X." ("Xxxx" → "Xx"). */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch.toUpperCase()) c = ch === ch.toUpperCase() ? 'X' : 'x';
    else c = ch;
    if (c !== last || !(c === 'x' || c === 'X' || c === 'd')) out += c;
    last = c;
  }
  if (out.length > 12) out = out.slice(0, 12);
  // Short words keep their exact length class, a strong cue for initials and acronyms.
  const n = word.length;
  return n <= 3 ? `${out}${n}` : out;
}

function caseClassOf(word: string): number {
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      if (ch === ch.toUpperCase()) upper++;
      else lower++;
    }
  }
  if (upper === 0 && lower === 0) return CASE_NONE;
  const first = word.charAt(0);
  if (lower === 0) return CASE_UPPER;
  if (first !== first.toLowerCase()) return CASE_CAP;
  return upper > 0 ? CASE_CAP : CASE_LOWER;
}

export function wordInfo(word: string): WordInfo {
  const lower = lowerForm(word);
  const norm = lower.replace(/[0-9]/g, '0');
  const h = hashString;
  return {
    word: h(word),
    lower: h(lower),
    norm: h(norm),
    shape: h(wordShape(word)),
    prefix2: h(norm.slice(0, 2)),
    prefix3: h(norm.slice(0, 3)),
    prefix4: h(norm.slice(0, 4)),
    suffix1: h(norm.slice(-1)),
    suffix2: h(norm.slice(-2)),
    suffix3: h(norm.slice(-3)),
    suffix4: h(norm.slice(-4)),
    caseClass: caseClassOf(word),
    letters: /\p{L}/u.test(word),
    slab: undefined,
    at: 0,
  };
}

export const NO_WORD = hashString('<none>');
export const NO_SHAPE = hashString('<none-shape>');
export const NO_POS = hashString('<none-pos>');

/** A sentence of a document, prepared for featurisation: per-word integers in typed arrays. */
export interface PreparedSentence {
  readonly length: number;
  readonly info: readonly WordInfo[];
  readonly pos: Uint32Array;
  /** Gazetteer matches: per word, one bit per category for each position (B, I, L, U). */
  readonly gaz: readonly [Uint16Array, Uint16Array, Uint16Array, Uint16Array];
  /** Categories of the longest match covering the word. */
  readonly gazLongest: Uint16Array;
  /** Whether the sentence is written in capitals (a headline or a table row). */
  readonly allCaps: boolean;
  /** Per word: casing of the same lowercase word at ordinary positions elsewhere in the document. */
  readonly docCase: Uint8Array;
}

/** Where prepareDocument's sentences take their per-word arrays from: 5 × words of uint16, words of uint8. */
interface Arena {
  readonly u16: Uint16Array;
  readonly u8: Uint8Array;
  at: number;
}

/** NO_POS for each of n words, shared by the sentences of that length (nothing writes to it). */
const noPosArrays: Uint32Array[] = [];
function noPos(n: number): Uint32Array {
  let a = noPosArrays[n];
  if (!a) {
    a = new Uint32Array(n).fill(NO_POS);
    if (n < 1024) noPosArrays[n] = a;
  }
  return a;
}

/** The document-level state of one tagging pass: labels already given to each lowercase word. */
export class History {
  private readonly counts = new Map<number, Int32Array>();

  add(lower: number, type: number): void {
    let c = this.counts.get(lower);
    if (!c) {
      c = new Int32Array(ENTITY_TYPES.length);
      this.counts.set(lower, c);
    }
    c[type] = (c[type] as number) + 1;
  }

  /** The type most often given to this word so far, or -1. */
  best(lower: number): number {
    const c = this.counts.get(lower);
    if (!c) return -1;
    let best = -1;
    let n = 0;
    for (let t = 0; t < c.length; t++) {
      if ((c[t] as number) > n) {
        n = c[t] as number;
        best = t;
      }
    }
    return best;
  }
}

export interface NerModelParts {
  readonly model: LinearModel;
  readonly gazetteer: Gazetteer | undefined;
  readonly settings: NerFeatureSettings;
}

/**
 * Featurisation and greedy decoding, shared by training and run time. Keeps a cache of word
 * hashes so each word type is hashed once.
 */
export class NerFeaturizer {
  /**
   * A word promoted from the old generation must not keep that generation's slab alive: the
   * decoder that owns the sums moves them (`promoted`), or, without one, they are dropped.
   */
  private readonly cache = new WordCache<WordInfo>(WORD_CACHE_GENERATION, (w) => {
    if (w.slab === undefined) return;
    if (this.promoted) this.promoted(w);
    else w.slab = undefined;
  });
  /** Set by the decoder that fills WordInfo.slab: moves a promoted word's sums into its current slab. */
  promoted: ((w: WordInfo) => void) | undefined;
  private readonly posCache = new Map<string, number>();
  readonly buffer = new FeatureBuffer(96);

  constructor(
    readonly settings: NerFeatureSettings,
    readonly gazetteer: Gazetteer | undefined,
  ) {}

  info(word: string): WordInfo {
    let w = this.cache.get(word);
    if (!w) {
      w = wordInfo(word);
      this.cache.set(word, w);
    }
    return w;
  }

  private longest = new Uint8Array(256);

  /** Zeroed scratch space for n words (prepareSentence's match lengths). */
  private scratch(n: number): Uint8Array {
    if (this.longest.length < n) this.longest = new Uint8Array(2 * n);
    const a = this.longest.subarray(0, n);
    a.fill(0);
    return a;
  }

  private posHash(tag: string): number {
    let h = this.posCache.get(tag);
    if (h === undefined) {
      h = hashString(tag);
      this.posCache.set(tag, h);
    }
    return h;
  }

  /** Prepares a document's sentences (words and, when the model uses them, POS tags). */
  prepareDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): PreparedSentence[] {
    // the sentences' per-word arrays are views of two arrays for the whole document: one
    // allocation each instead of several per sentence
    let words = 0;
    for (const w of sentences) words += w.length;
    const arena: Arena = { u16: new Uint16Array(words * 5), u8: new Uint8Array(words), at: 0 };
    const prepared = sentences.map((words, s) => this.prepareSentence(words, tags?.[s], arena));
    if (this.settings.docCase) this.fillDocCase(prepared);
    return prepared;
  }

  prepareSentence(words: readonly string[], tags?: readonly string[], arena?: Arena): PreparedSentence {
    const n = words.length;
    const at = arena ? arena.at : 0;
    const u16 = arena ? arena.u16 : new Uint16Array(5 * n);
    const docCase = arena ? arena.u8.subarray(at, at + n) : new Uint8Array(n);
    if (arena) arena.at += n;
    const info = words.map((w) => this.info(w));
    let pos: Uint32Array;
    if (this.settings.pos && tags) {
      pos = new Uint32Array(n);
      for (let i = 0; i < n; i++) pos[i] = this.posHash(tags[i] ?? '');
    } else pos = noPos(n);
    const view = (k: number): Uint16Array => u16.subarray(5 * at + k * n, 5 * at + (k + 1) * n);
    const gaz: [Uint16Array, Uint16Array, Uint16Array, Uint16Array] = [view(0), view(1), view(2), view(3)];
    const gazLongest = view(4);
    const longestLength = this.scratch(n);
    if (this.settings.gazetteer && this.gazetteer) {
      const g = this.gazetteer;
      for (let s = 0; s < n; s++) {
        let h = 0;
        for (let e = s; e < n && e - s < GAZETTEER_MAX_WORDS; e++) {
          h = gazetteerStep(h, (info[e] as WordInfo).lower);
          const flags = g.get(h);
          const cats = flags & ~GAZETTEER_PREFIX;
          if (cats !== 0) {
            const len = e - s + 1;
            if (s === e) gaz[U][s] = (gaz[U][s] as number) | cats;
            else {
              gaz[B][s] = (gaz[B][s] as number) | cats;
              gaz[L][e] = (gaz[L][e] as number) | cats;
              for (let k = s + 1; k < e; k++) gaz[I][k] = (gaz[I][k] as number) | cats;
            }
            for (let k = s; k <= e; k++) {
              if (len > (longestLength[k] as number)) {
                longestLength[k] = len;
                gazLongest[k] = cats;
              } else if (len === longestLength[k]) gazLongest[k] = (gazLongest[k] as number) | cats;
            }
          }
          if ((flags & GAZETTEER_PREFIX) === 0) break;
        }
      }
    }
    let letters = 0;
    let upper = 0;
    for (const w of info) {
      if (!w.letters) continue;
      letters++;
      if (w.caseClass === CASE_UPPER) upper++;
    }
    // A line of capitals: every lettered word upper-case (single letters like "A" do not decide alone).
    const allCaps = letters >= 2 && upper === letters;
    return { length: n, info, pos, gaz, gazLongest, allCaps, docCase };
  }

  /**
   * For words whose own casing says little (a line of capitals, a sentence's first word), the
   * casing the same word has at ordinary positions elsewhere in the document: 1 lower, 2 capitalised,
   * 3 both, 0 never seen.
   */
  private fillDocCase(sentences: readonly PreparedSentence[]): void {
    const seen = new Map<number, number>();
    for (const s of sentences) {
      if (s.allCaps) continue;
      for (let i = 1; i < s.length; i++) {
        const w = s.info[i] as WordInfo;
        if (!w.letters) continue;
        const bit = w.caseClass === CASE_LOWER ? 1 : w.caseClass === CASE_CAP ? 2 : 0;
        if (bit) seen.set(w.lower, (seen.get(w.lower) ?? 0) | bit);
      }
    }
    for (const s of sentences) {
      for (let i = 0; i < s.length; i++) {
        if (!s.allCaps && i > 0) continue;
        s.docCase[i] = 4 + (seen.get((s.info[i] as WordInfo).lower) ?? 0);
      }
    }
  }

  /** Pushes the features of a word taken alone (the same for every occurrence of the word). */
  wordFeatures(w: WordInfo, buf: FeatureBuffer): void {
    buf.push(feature1(T.bias, 0));
    buf.push(feature1(T.word, w.word));
    buf.push(feature1(T.norm, w.norm));
    buf.push(feature1(T.shape, w.shape));
    buf.push(feature1(T.prefix2, w.prefix2));
    buf.push(feature1(T.prefix3, w.prefix3));
    buf.push(feature1(T.prefix4, w.prefix4));
    buf.push(feature1(T.suffix1, w.suffix1));
    buf.push(feature1(T.suffix2, w.suffix2));
    buf.push(feature1(T.suffix3, w.suffix3));
    buf.push(feature1(T.suffix4, w.suffix4));
  }

  /**
   * Fills the buffer with the features of word i given the two previous labels and the history;
   * without the word's own features (wordFeatures) when `withWord` is false.
   */
  features(s: PreparedSentence, i: number, prev: number, prev2: number, history: History | undefined, withWord = true): FeatureBuffer {
    const buf = this.buffer;
    buf.clear();
    const info = s.info;
    const w = info[i] as WordInfo;
    const n = s.length;
    const wp = i >= 1 ? info[i - 1] : undefined;
    const wn = i + 1 < n ? info[i + 1] : undefined;
    const wp2 = i >= 2 ? info[i - 2] : undefined;
    const wn2 = i + 2 < n ? info[i + 2] : undefined;
    const normP = wp ? wp.norm : NO_WORD;
    const normN = wn ? wn.norm : NO_WORD;
    const shapeP = wp ? wp.shape : NO_SHAPE;
    const shapeN = wn ? wn.shape : NO_SHAPE;
    if (withWord) this.wordFeatures(w, buf);
    buf.push(feature1(T.normM1, normP));
    buf.push(feature1(T.normP1, normN));
    buf.push(feature1(T.normM2, wp2 ? wp2.norm : NO_WORD));
    buf.push(feature1(T.normP2, wn2 ? wn2.norm : NO_WORD));
    buf.push(feature1(T.wordM1, wp ? wp.word : NO_WORD));
    buf.push(feature1(T.wordP1, wn ? wn.word : NO_WORD));
    buf.push(feature2(T.shapeM1_shape, shapeP, w.shape));
    buf.push(feature2(T.shape_shapeP1, w.shape, shapeN));
    buf.push(feature3(T.shapeM2_shapeM1_shape, wp2 ? wp2.shape : NO_SHAPE, shapeP, w.shape));
    buf.push(feature2(T.normM1_norm, normP, w.norm));
    buf.push(feature2(T.norm_normP1, w.norm, normN));
    buf.push(feature2(T.normM1_shape, normP, w.shape));
    buf.push(feature2(T.shape_normP1, w.shape, normN));
    buf.push(feature1(T.prev, prev));
    buf.push(feature2(T.prev2_prev, prev2, prev));
    buf.push(feature2(T.prev_norm, prev, w.norm));
    buf.push(feature2(T.prev_shape, prev, w.shape));
    if (i === 0) {
      buf.push(feature1(T.start_shape, w.shape));
      buf.push(feature1(T.start_norm, w.norm));
    }
    if (s.allCaps) {
      buf.push(feature1(T.caps_norm, w.norm));
      buf.push(feature1(T.caps_shape, w.shape));
    }
    const docCase = s.docCase[i] as number;
    if (docCase !== 0) buf.push(feature2(T.doccase_shape, docCase, s.allCaps ? 1 : 0));
    if (this.settings.gazetteer) {
      // in a line of capitals the word's own case says nothing: use the case it has elsewhere
      const caseKey = s.allCaps ? 8 + docCase : w.caseClass;
      for (let p = 0; p < 4; p++) {
        let bits = (s.gaz[p] as Uint16Array)[i] as number;
        while (bits !== 0) {
          const c = 31 - Math.clz32(bits);
          bits &= ~(1 << c);
          buf.push(feature3(T.gaz_pos_case, c, p, caseKey));
        }
      }
      const longest = s.gazLongest[i] as number;
      if (longest !== 0) buf.push(feature2(T.gaz_longest_case, longest, caseKey));
      if (i > 0) {
        const g = s.gazLongest[i - 1] as number;
        if (g !== 0) buf.push(feature2(T.gazM1, g, w.caseClass));
      }
      if (i + 1 < s.length) {
        const g = s.gazLongest[i + 1] as number;
        if (g !== 0) buf.push(feature2(T.gazP1, g, w.caseClass));
      }
    }
    if (history && w.caseClass !== CASE_LOWER && w.letters) {
      const t = history.best(w.lower);
      if (t >= 0) buf.push(feature2(T.history_case, t, s.allCaps ? 4 + w.caseClass : w.caseClass));
    }
    if (this.settings.pos) {
      const pos = s.pos;
      const p0 = pos[i] as number;
      const pP = i > 0 ? (pos[i - 1] as number) : NO_POS;
      const pN = i + 1 < s.length ? (pos[i + 1] as number) : NO_POS;
      buf.push(feature1(T.pos, p0));
      buf.push(feature2(T.posM1_pos, pP, p0));
      buf.push(feature2(T.pos_posP1, p0, pN));
      buf.push(feature1(T.posM1, pP));
      buf.push(feature1(T.posP1, pN));
      buf.push(feature2(T.pos_shape, p0, w.shape));
    }
    return buf;
  }

  /** Records a sentence's labels in the document history. */
  static remember(history: History, s: PreparedSentence, labels: ArrayLike<number>): void {
    for (let i = 0; i < s.length; i++) {
      const label = labels[i] as number;
      const w = s.info[i] as WordInfo;
      if (label === 0 || w.caseClass === CASE_LOWER || !w.letters) continue;
      history.add(w.lower, labelType(label));
    }
  }

  static newHistory(): History {
    return new History();
  }
}

/** ALLOWED[last × C² + prev × C + label]: whether BILOU allows `label` after `prev`. */
const ALLOWED = (() => {
  const t = new Uint8Array(2 * CLASSES * CLASSES);
  for (let last = 0; last < 2; last++) {
    for (let p = 0; p < CLASSES; p++) for (let c = 0; c < CLASSES; c++) t[last * CLASSES * CLASSES + p * CLASSES + c] = allowedAfter(p, c, last === 1) ? 1 : 0;
  }
  return t;
})();

/** The best label allowed after `prev` (BILOU), given scores; ties go to the lower id. */
export function bestAllowed(scores: Float64Array, prev: number, last: boolean): number {
  const base = (last ? CLASSES * CLASSES : 0) + prev * CLASSES;
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < CLASSES; c++) {
    if (ALLOWED[base + c] === 0) continue;
    const v = scores[c] as number;
    if (v > bestScore) {
      best = c;
      bestScore = v;
    }
  }
  return best;
}

/**
 * Greedy decoding of one prepared sentence into label ids, scoring each decision's features as
 * training does (features()): the reference for NerDecoder, and what runs when NerDecoder cannot.
 */
export function decodeSentence(model: LinearModel, f: NerFeaturizer, s: PreparedSentence, history: History | undefined, scores: Float64Array, out: Uint8Array): void {
  let prev = 0;
  let prev2 = 0;
  for (let i = 0; i < s.length; i++) {
    scores.fill(0);
    model.score(f.features(s, i, prev, prev2, history), scores);
    const label = bestAllowed(scores, prev, i === s.length - 1);
    out[i] = label;
    prev2 = prev;
    prev = label;
  }
}
