// Named-entity tagging (PER / LOC / ORG / MISC) as greedy BILOU sequence labelling with an averaged
// perceptron (Ratinov & Roth 2009; spaCy v1's NER): each word's label is chosen left to right from
// hashed integer features of the word, its shape and affixes, its POS, the words around it, the two
// labels chosen before it, gazetteer n-grams covering it, and what the same word was labelled earlier
// in the document. Only label sequences BILOU allows are ever produced.
//
// Strings are hashed once per word type (a per-tagger cache); the hot loop combines integers.
import * as path from 'node:path';
import { ModelError } from '../errors';
import { decodeModel, readModelFile, sha256, type LinearModel, type ModelContent } from '../learn';
// The hot loop calls these directly, not through the package index's re-export getters.
import { FeatureBuffer, feature1, feature2, feature3, hashString } from '../learn/features';
import type { AnnotatedDocument, Token } from '../types';
import { MODELS_DIR } from '../version';
import { modelForm, tokenWords, type ModelWord } from './words';

// ---- labels and spans --------------------------------------------------------------------------

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_TYPES)[number];

/** A named entity over words first … last (inclusive). */
export interface EntitySpan {
  readonly first: number;
  readonly last: number;
  readonly type: EntityLabel;
}

const POSITIONS = ['B', 'I', 'L', 'U'] as const;
const B = 0;
const I = 1;
const L = 2;
const U = 3;

/** Label ids: 0 = O, then 1 + type × 4 + position (B, I, L, U). */
export const BILOU_LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`))];
const LABEL_ID = new Map(BILOU_LABELS.map((l, i) => [l, i]));
const CLASSES = BILOU_LABELS.length;

function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
function labelPosition(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}
function labelOf(type: number, position: number): number {
  return 1 + type * 4 + position;
}

export function labelId(label: string): number {
  const id = LABEL_ID.get(label);
  if (id === undefined) throw new Error(`not a BILOU label: ${label}`);
  return id;
}

/** BILOU tags for a sentence of `length` words holding non-overlapping spans. */
export function spansToBilou(length: number, spans: readonly EntitySpan[]): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.first < 0 || s.last >= length || s.last < s.first) throw new Error(`span ${s.first}-${s.last} outside a sentence of ${length} words`);
    for (let i = s.first; i <= s.last; i++) {
      if (tags[i] !== 'O') throw new Error(`overlapping spans at word ${i}`);
      const p = s.first === s.last ? 'U' : i === s.first ? 'B' : i === s.last ? 'L' : 'I';
      tags[i] = `${p}-${s.type}`;
    }
  }
  return tags;
}

/**
 * The spans of a BILOU (or BIO) tag sequence. Lenient on ill-formed input: an I or L without an
 * open span of its type starts one, an open span ends at O, at a new B or U, or at a type change.
 */
export function bilouToSpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: { first: number; type: EntityLabel } | undefined;
  const close = (last: number): void => {
    if (open) spans.push({ first: open.first, last, type: open.type });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3 || tag[1] !== '-') return close(i - 1);
    const p = tag[0];
    const type = tag.slice(2) as EntityLabel;
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) return close(i - 1);
    if (p === 'B' || p === 'U' || !open || open.type !== type) {
      close(i - 1);
      open = { first: i, type };
    }
    if (p === 'L' || p === 'U') close(i);
  });
  close(tags.length - 1);
  return spans;
}

/** bilouToSpans over label ids (indices into BILOU_LABELS), with no strings made or parsed. */
export function labelSpans(labels: ArrayLike<number>): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let first = -1;
  let type = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    if (label <= 0 || label >= CLASSES) {
      if (first >= 0) spans.push({ first, last: i - 1, type: ENTITY_TYPES[type] as EntityLabel });
      first = -1;
      continue;
    }
    const p = labelPosition(label);
    const t = labelType(label);
    if (p === B || p === U || first < 0 || type !== t) {
      if (first >= 0) spans.push({ first, last: i - 1, type: ENTITY_TYPES[type] as EntityLabel });
      first = i;
      type = t;
    }
    if (p === L || p === U) {
      spans.push({ first, last: i, type: ENTITY_TYPES[type] as EntityLabel });
      first = -1;
    }
  }
  if (first >= 0) spans.push({ first, last: labels.length - 1, type: ENTITY_TYPES[type] as EntityLabel });
  return spans;
}

/** Which labels may follow `prev` (0 = O or sentence start); `last` = the sentence's final word. */
export function allowedAfter(prev: number, label: number, last: boolean): boolean {
  const pp = labelPosition(prev);
  const open = pp === B || pp === I;
  if (label === 0) return !open;
  const p = labelPosition(label);
  if (open) return labelType(label) === labelType(prev) && (p === L || (p === I && !last));
  return p === U || (p === B && !last);
}

// ---- gazetteer ---------------------------------------------------------------------------------

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

// ---- features ----------------------------------------------------------------------------------

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
const T = {
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
interface WordInfo {
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

const CASE_LOWER = 0;
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

function wordInfo(word: string): WordInfo {
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

const NO_WORD = hashString('<none>');
const NO_SHAPE = hashString('<none-shape>');
const NO_POS = hashString('<none-pos>');

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
class History {
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
  private readonly cache = new Map<string, WordInfo>();
  private readonly posCache = new Map<string, number>();
  readonly buffer = new FeatureBuffer(96);

  constructor(
    readonly settings: NerFeatureSettings,
    readonly gazetteer: Gazetteer | undefined,
  ) {}

  info(word: string): WordInfo {
    let w = this.cache.get(word);
    if (!w) {
      if (this.cache.size > 200_000) this.cache.clear();
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

export type { History };

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
const MAX_TERMS = 4096;
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
  }

  /**
   * Word types' cached sums live in slabs of SLAB_TYPES types, found from the word by slab and
   * offset: one allocation per slab, and no object per type to go through.
   */
  private slab = new Float64Array(0);
  private slabUsed = 0;
  private readonly sumScratch = new Float64Array(CLASSES);

  /** Computes w's cached sums (sets w.slab, w.at). */
  private sums(w: WordInfo): void {
    if (this.slabUsed + CACHED > this.slab.length) {
      this.slab = new Float64Array(SLAB_TYPES * CACHED);
      this.slabUsed = 0;
    }
    const slab = this.slab;
    const at = this.slabUsed;
    this.slabUsed += CACHED;
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

// ---- the run-time tagger -----------------------------------------------------------------------

export const NER_MODEL_KIND = 'ner';

export function defaultNerModelFile(): string {
  return path.join(MODELS_DIR, 'ner.bin');
}

function settingsOf(content: ModelContent, file: string): NerFeatureSettings {
  const s = content.settings['features'] as Partial<NerFeatureSettings> | undefined;
  if (!s || typeof s.pos !== 'boolean' || typeof s.gazetteer !== 'boolean' || typeof s.history !== 'boolean' || typeof s.docCase !== 'boolean') {
    throw new ModelError('model file has no NER feature settings', file);
  }
  return { pos: s.pos, gazetteer: s.gazetteer, history: s.history, docCase: s.docCase };
}

/** The model parts of a decoded NER model file. */
export function nerPartsOf(content: ModelContent, file: string): NerModelParts {
  const section = content.sections.find((s) => s.name === 'ner');
  if (!section) throw new ModelError('model file has no ner section', file);
  if (section.labels.join(',') !== BILOU_LABELS.join(',')) throw new ModelError('model file has other NER labels than this code', file);
  const settings = settingsOf(content, file);
  const gazetteer = settings.gazetteer ? decodeGazetteer(content.tables['gazetteer'], file) : undefined;
  return { model: section.model, gazetteer, settings };
}

export class EntityTagger {
  private readonly featurizer: NerFeaturizer;
  /** The fast decoder, when the model's sums are exact (see exactSums); else decodeSentence. */
  private readonly decoder: NerDecoder | undefined;
  private readonly scores = new Float64Array(CLASSES);
  private static readonly loaded = new Map<string, EntityTagger>();

  constructor(
    private readonly parts: NerModelParts,
    readonly header: { readonly settings: Readonly<Record<string, unknown>>; readonly scores: Readonly<Record<string, unknown>> } = { settings: {}, scores: {} },
  ) {
    this.featurizer = new NerFeaturizer(parts.settings, parts.gazetteer);
    this.decoder = exactSums(parts.model, MAX_TERMS) ? new NerDecoder(parts.model, this.featurizer) : undefined;
  }

  /** Loads (once per process) the NER model; every failure is a one-line ModelError. */
  static load(file: string = defaultNerModelFile()): EntityTagger {
    const key = path.resolve(file);
    let tagger = EntityTagger.loaded.get(key);
    if (!tagger) {
      tagger = EntityTagger.fromContent(readModelFile(key, { kind: NER_MODEL_KIND, templates: NER_TEMPLATES_HASH }), key);
      EntityTagger.loaded.set(key, tagger);
    }
    return tagger;
  }

  /** From a model file's bytes (not cached). */
  static decode(bytes: Buffer, file = 'ner'): EntityTagger {
    return EntityTagger.fromContent(decodeModel(bytes, file, { kind: NER_MODEL_KIND, templates: NER_TEMPLATES_HASH }), file);
  }

  static fromContent(content: ModelContent, file = 'ner'): EntityTagger {
    return new EntityTagger(nerPartsOf(content, file), { settings: content.settings, scores: content.scores });
  }

  /** Whether the model reads POS tags (callers may skip tagging when it does not). */
  get usesPos(): boolean {
    return this.parts.settings.pos;
  }

  /** BILOU tags of one sentence taken alone (no document context). */
  tag(words: readonly string[], tags?: readonly string[]): string[] {
    return this.tagDocument([words], tags ? [tags] : undefined)[0] ?? [];
  }

  /**
   * BILOU tags of every sentence of a document, in order: a name typed once informs the same word
   * later in the document.
   */
  tagDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): string[][] {
    return this.labelDocument(sentences, tags).map((labels) => Array.from(labels, (l) => BILOU_LABELS[l] as string));
  }

  /** Spans of every sentence of a document. */
  spansOfDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): EntitySpan[][] {
    return this.tagDocument(sentences, tags).map(bilouToSpans);
  }

  /** Label ids (indices into BILOU_LABELS) of every sentence of a document. */
  labelDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): Uint8Array[] {
    const f = this.featurizer;
    const prepared = f.prepareDocument(sentences, tags);
    const history = this.parts.settings.history ? NerFeaturizer.newHistory() : undefined;
    const labels = prepared.map((s) => {
      const out = new Uint8Array(s.length);
      if (this.decoder) this.decoder.decode(s, history, this.scores, out);
      else decodeSentence(this.parts.model, f, s, history, this.scores, out);
      if (history) NerFeaturizer.remember(history, s, out);
      return out;
    });
    return labels;
  }
}

// ---- from annotated text to mentions -------------------------------------------------------------

/** A named entity found in a document: character offsets, token range, sentence. */
export interface EntityMention {
  readonly start: number;
  /** End-exclusive. */
  readonly end: number;
  readonly type: EntityLabel;
  readonly firstToken: number;
  /** Inclusive. */
  readonly lastToken: number;
  readonly sentence: number;
}

/**
 * Character offsets of model words: a word made of whole tokens spans them; the words a token is
 * split into ("McDonald's" → McDonald 's) are located inside it in order.
 */
export function wordOffsets(tokens: readonly Token[], words: readonly ModelWord[]): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(words.length);
  const end = new Int32Array(words.length);
  let at = -1;
  let inToken = 0;
  words.forEach((w, k) => {
    const first = tokens[w.first] as Token;
    const last = tokens[w.last] as Token;
    if (w.first !== w.last) {
      start[k] = first.start;
      end[k] = last.end;
      at = -1;
      return;
    }
    if (at !== w.first) {
      at = w.first;
      inToken = 0;
    }
    const form = modelForm(first.value);
    const found = form.indexOf(w.text, inToken);
    const from = found >= 0 ? found : inToken;
    start[k] = first.start + Math.min(from, first.value.length);
    end[k] = first.start + Math.min(from + w.text.length, first.value.length);
    inToken = from + w.text.length;
  });
  return { start, end };
}

/**
 * The named entities of an annotated document: each sentence's tokens become model words
 * (words.ts), tagged with POS when the model reads it (`pos`), then labelled in document order.
 */
export function documentEntities(doc: AnnotatedDocument, tagger: EntityTagger, pos?: (words: readonly string[]) => string[]): EntityMention[] {
  const sentenceWords = doc.sentences.map((s) => tokenWords(doc.tokens, s.firstToken, s.lastToken));
  const texts = sentenceWords.map((ws) => ws.map((w) => w.text));
  const tags = tagger.usesPos && pos ? texts.map((t) => pos(t)) : undefined;
  const spans = tagger.spansOfDocument(texts, tags);
  const mentions: EntityMention[] = [];
  spans.forEach((list, s) => {
    const words = sentenceWords[s] as ModelWord[];
    const offsets = wordOffsets(doc.tokens, words);
    for (const span of list) {
      const a = words[span.first] as ModelWord;
      const b = words[span.last] as ModelWord;
      mentions.push({ start: offsets.start[span.first] as number, end: offsets.end[span.last] as number, type: span.type, firstToken: a.first, lastToken: b.last, sentence: s });
    }
  });
  return mentions;
}
