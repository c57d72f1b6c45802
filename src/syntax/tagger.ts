// The part-of-speech tagger: a greedy averaged perceptron over UD's 17 universal tags (Collins
// 2002; the feature set follows Honnibal's "A good POS tagger in about 200 lines"). Each word's
// strings (form, lower case, shape, prefixes, suffixes) are hashed once; features combine those
// integers with the tags already predicted to the left and with each word's ambiguity class (the
// set of tags it carried in training, for frequent words: a cheap look at the words ahead). A tag
// dictionary gives frequent words that always carry one tag their tag directly, and irregular pasts
// too rare for it the tag VERB (data/verb-forms.json). Trained by src/syntax/train/tagger.ts.
import * as path from 'node:path';
import { ModelError } from '../errors';
import { FeatureBuffer, feature1, feature2, hashString } from '../learn/features';
import type { LinearModel } from '../learn/linear';
import { readModelFile, decodeModel, sha256, type ModelContent } from '../learn/model-file';
import { modelForm } from './words';
import { WORD_CACHE_GENERATION, WordCache } from './word-cache';
import { MODELS_DIR } from '../version';
import { VERB_PASTS } from './verb-forms';

/** UD's universal POS tags, in the order the model's classes use. */
export const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
export type Upos = (typeof UPOS)[number];
const UPOS_ID: ReadonlyMap<string, number> = new Map(UPOS.map((t, i) => [t, i]));

export const TAGGER_KIND = 'tagger';

/** Every feature template the tagger reads; its hash is checked when a model file is loaded. */
const TEMPLATES = [
  'bias',
  'form[i]',
  'lower[i]',
  'suffix1..4[i]',
  'prefix1..4[i]',
  'shape[i]',
  'tag[i-1]',
  'tag[i-2]+tag[i-1]',
  'tag[i-1]+lower[i]',
  'tag[i-1]+suffix3[i]',
  'lower[i-1]',
  'suffix3[i-1]',
  'shape[i-1]+shape[i]',
  'lower[i-2]',
  'lower[i+1]',
  'suffix3[i+1]',
  'shape[i+1]',
  'lower[i+2]',
  'lower[i-1]+lower[i]',
  'lower[i]+lower[i+1]',
  'first+shape[i]',
  'tag[i-1]+lower[i+1]',
  'ambiguity[i]',
  'ambiguity[i+1]',
  'ambiguity[i]+ambiguity[i+1]',
  'tag[i-1]+ambiguity[i+1]',
  'ambiguity[i+1]+ambiguity[i+2]',
  'tag[i-1]+ambiguity[i]',
  'pad:start/end',
  'shape: X x d, other chars kept, runs capped at 3; affixes of the lower-cased word',
  'words read through modelForm (straight quotes)',
];
export const TAGGER_TEMPLATES = sha256(`tagger v1\n${TEMPLATES.join('\n')}`);

/** The shipped model: models/tagger.bin under the package root. */
export function defaultTaggerFile(): string {
  return path.join(MODELS_DIR, 'tagger.bin');
}

/** The word's shape: X for upper case, x for lower case, d for digits, others kept; runs capped at 3. */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of word) {
    let c: string;
    if (ch >= 'a' && ch <= 'z') c = 'x';
    else if (ch >= 'A' && ch <= 'Z') c = 'X';
    else if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c === last) {
      if (++run > 3) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

// Hashes of the padding around a sentence (distinct from any word's hash in practice).
const START = hashString('\u0000<start>');
const START2 = hashString('\u0000<start2>');
const END = hashString('\u0000<end>');
const END2 = hashString('\u0000<end2>');
/** The tag id used for positions before the sentence. */
const NO_TAG: number = UPOS.length;
const NO_TAG2: number = UPOS.length + 1;

/** The hashed strings of one word. */
interface WordHashes {
  readonly form: number;
  readonly lower: number;
  readonly shape: number;
  /** suffixes 1–4, then prefixes 1–4 (of the lower-cased word; shorter words repeat the whole). */
  readonly affixes: Uint32Array;
  /** The word's ambiguity class (tags it carried in training, as a bit set), 0 when unknown. */
  readonly ambiguity: number;
  /** The tag the tag dictionary gives the word, or -1. */
  readonly fixed: number;
  /** At run time: the summed weights of the word's own features (wordFeatures), once computed. */
  scores: Float64Array | undefined;
}

/** The word lists a trained tagger brings: ambiguity classes (lower-cased words) and the tag dictionary (forms). */
export interface TaggerLexicon {
  readonly ambiguity: ReadonlyMap<string, number>;
  readonly dictionary: ReadonlyMap<string, number>;
  /** Ambiguity classes by exact form, for words the trained table (lower case) lacks. */
  readonly formAmbiguity?: ReadonlyMap<string, number>;
}

function wordHashes(raw: string, lexicon: TaggerLexicon | undefined): WordHashes {
  const word = modelForm(raw);
  const lower = word.toLowerCase();
  const affixes = new Uint32Array(8);
  for (let k = 1; k <= 4; k++) {
    affixes[k - 1] = hashString(lower.length > k ? lower.slice(-k) : lower, k);
    affixes[k + 3] = hashString(lower.length > k ? lower.slice(0, k) : lower, 16 + k);
  }
  return {
    form: hashString(word, 1000),
    lower: hashString(lower),
    shape: hashString(wordShape(word), 2000),
    affixes,
    ambiguity: lexicon?.ambiguity.get(lower) ?? lexicon?.formAmbiguity?.get(word) ?? 0,
    fixed: lexicon?.dictionary.get(word) ?? -1,
    scores: undefined,
  };
}

/**
 * A sentence's words as integer columns, filled once per sentence; features read only these.
 * Words are read as the models see them (modelForm: straight quotes). Per-word hashes are
 * cached (bounded), since news repeats its words.
 */
export class TaggerInput {
  length = 0;
  form = new Uint32Array(64);
  lower = new Uint32Array(64);
  shape = new Uint32Array(64);
  /** 8 per word: suffixes 1–4, prefixes 1–4. */
  affixes = new Uint32Array(64 * 8);
  ambiguity = new Uint32Array(64);
  /** The tag dictionary's tag, or -1. */
  fixed = new Int8Array(64);
  /** Each word's hashes (shared between occurrences of the word). */
  readonly words: WordHashes[] = [];
  private readonly cache: WordCache<WordHashes>;

  /** cacheLimit: words per generation of the word cache (word-cache.ts). */
  constructor(
    private readonly lexicon?: TaggerLexicon,
    cacheLimit = WORD_CACHE_GENERATION,
  ) {
    this.cache = new WordCache(cacheLimit);
  }

  set(words: readonly string[]): this {
    const n = words.length;
    if (n > this.form.length) {
      let size = this.form.length;
      while (size < n) size *= 2;
      this.form = new Uint32Array(size);
      this.lower = new Uint32Array(size);
      this.shape = new Uint32Array(size);
      this.affixes = new Uint32Array(size * 8);
      this.ambiguity = new Uint32Array(size);
      this.fixed = new Int8Array(size);
    }
    this.length = n;
    for (let i = 0; i < n; i++) {
      const word = words[i] as string;
      let h = this.cache.get(word);
      if (!h) {
        h = wordHashes(word, this.lexicon);
        this.cache.set(word, h);
      }
      this.form[i] = h.form;
      this.lower[i] = h.lower;
      this.shape[i] = h.shape;
      const affixes = h.affixes;
      const at = i * 8;
      for (let k = 0; k < 8; k++) this.affixes[at + k] = affixes[k] as number;
      this.ambiguity[i] = h.ambiguity;
      this.fixed[i] = h.fixed;
      this.words[i] = h;
    }
    return this;
  }
}

/** The features of a word on its own (they do not depend on context, so run time sums them once per word). */
export function wordFeatures(h: WordHashes, out: FeatureBuffer): void {
  out.clear();
  out.push(feature1(0, 0));
  out.push(feature1(1, h.form));
  out.push(feature1(2, h.lower));
  const affixes = h.affixes;
  for (let k = 0; k < 4; k++) out.push(feature1(3 + k, affixes[k] as number));
  for (let k = 0; k < 4; k++) out.push(feature1(7 + k, affixes[4 + k] as number));
  out.push(feature1(11, h.shape));
  out.push(feature1(28, h.ambiguity));
}

/** The features of word i in its sentence, given the two tags before it (NO_TAG ids at the start); appended to `out`. */
export function contextFeatures(input: TaggerInput, i: number, prev1: number, prev2: number, out: FeatureBuffer): void {
  const n = input.length;
  const lower = input.lower;
  const shape = input.shape;
  const affixes = input.affixes;
  const a = i * 8;
  const w = lower[i] as number;
  const suffix3 = affixes[a + 2] as number;
  const lowerPrev = i > 0 ? (lower[i - 1] as number) : START;
  const lowerPrev2 = i > 1 ? (lower[i - 2] as number) : i > 0 ? START : START2;
  const lowerNext = i + 1 < n ? (lower[i + 1] as number) : END;
  const lowerNext2 = i + 2 < n ? (lower[i + 2] as number) : i + 1 < n ? END : END2;
  const shapeHere = shape[i] as number;
  const shapePrev = i > 0 ? (shape[i - 1] as number) : START;
  const shapeNext = i + 1 < n ? (shape[i + 1] as number) : END;
  const suffixPrev = i > 0 ? (affixes[a - 8 + 2] as number) : START;
  const suffixNext = i + 1 < n ? (affixes[a + 8 + 2] as number) : END;
  const ambiguity = input.ambiguity;
  const ambHere = ambiguity[i] as number;
  const ambNext = i + 1 < n ? (ambiguity[i + 1] as number) : END;
  const ambNext2 = i + 2 < n ? (ambiguity[i + 2] as number) : END;
  out.push(feature1(12, prev1));
  out.push(feature2(13, prev2, prev1));
  out.push(feature2(14, prev1, w));
  out.push(feature2(15, prev1, suffix3));
  out.push(feature1(16, lowerPrev));
  out.push(feature1(17, suffixPrev));
  out.push(feature2(18, shapePrev, shapeHere));
  out.push(feature1(19, lowerPrev2));
  out.push(feature1(20, lowerNext));
  out.push(feature1(21, suffixNext));
  out.push(feature1(22, shapeNext));
  out.push(feature1(23, lowerNext2));
  out.push(feature2(24, lowerPrev, w));
  out.push(feature2(25, w, lowerNext));
  if (i === 0) out.push(feature1(26, shapeHere));
  out.push(feature2(27, prev1, lowerNext));
  out.push(feature1(29, ambNext));
  out.push(feature2(30, ambHere, ambNext));
  out.push(feature2(31, prev1, ambNext));
  out.push(feature2(32, ambNext, ambNext2));
  out.push(feature2(33, prev1, ambHere));
}

/** All features of word i (training): its own, then its context's. */
export function taggerFeatures(input: TaggerInput, i: number, prev1: number, prev2: number, out: FeatureBuffer): void {
  wordFeatures(input.words[i] as WordHashes, out);
  contextFeatures(input, i, prev1, prev2, out);
}

export { NO_TAG, NO_TAG2 };

/** The tag id of a UPOS string (undefined for anything else). */
export function uposId(tag: string): number | undefined {
  return UPOS_ID.get(tag);
}

/** What a tagger model file holds besides its weights. */
export interface TaggerTables {
  /** Frequent words (model forms) that (nearly) always carry one tag: [word, tag] pairs, sorted by word. */
  readonly tagDictionary: readonly (readonly [string, string])[];
  /** Lower-cased training words and their ambiguity classes (bit i = UPOS[i]), sorted by word. */
  readonly ambiguity: readonly (readonly [string, number])[];
}

export class Tagger {
  private readonly input: TaggerInput;
  private readonly features = new FeatureBuffer(64);
  private readonly scores = new Float64Array(UPOS.length);

  private constructor(
    readonly model: LinearModel,
    readonly content: ModelContent,
    verbPasts: boolean,
  ) {
    const labels = content.sections[0]?.labels ?? [];
    if (labels.length !== UPOS.length || labels.some((l, i) => l !== UPOS[i])) throw new ModelError('tagger labels are not the UPOS tag set', 'tagger');
    const table = (content.tables as Partial<TaggerTables>).tagDictionary ?? [];
    const dictionary = new Map<string, number>();
    for (const entry of table) {
      const id = Array.isArray(entry) && typeof entry[0] === 'string' ? uposId(String(entry[1])) : undefined;
      if (id === undefined) throw new ModelError('tagger tag dictionary is malformed', 'tagger');
      dictionary.set(entry[0], id);
    }
    const classes = new Map<string, number>();
    for (const entry of (content.tables as Partial<TaggerTables>).ambiguity ?? []) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isInteger(entry[1])) throw new ModelError('tagger ambiguity classes are malformed', 'tagger');
      classes.set(entry[0], entry[1]);
    }
    // Irregular pasts too rare in training for the tables (data/verb-forms.json) are verbs: tagged VERB
    // outright, and read as verbs by their neighbours' look-ahead features ("since Azerbaijan retook
    // …" makes "since" a subordinator). By exact form, so "Drew Barrymore" is left to the model.
    const verb = UPOS_ID.get('VERB') as number;
    const formAmbiguity = new Map<string, number>();
    for (const form of verbPasts ? VERB_PASTS.keys() : []) {
      if (!dictionary.has(form)) dictionary.set(form, verb);
      formAmbiguity.set(form, 1 << verb);
    }
    this.input = new TaggerInput({ ambiguity: classes, dictionary, formAmbiguity });
  }

  /** Loads a model file (default: the shipped models/tagger.bin); a bad file is a ModelError. */
  static load(file: string = defaultTaggerFile()): Tagger {
    return Tagger.fromContent(readModelFile(file, { kind: TAGGER_KIND, templates: TAGGER_TEMPLATES }), file);
  }

  /** From a model file's bytes (tests, and files read elsewhere). */
  static decode(bytes: Buffer, file = 'tagger'): Tagger {
    return Tagger.fromContent(decodeModel(bytes, file, { kind: TAGGER_KIND, templates: TAGGER_TEMPLATES }), file);
  }

  /**
   * verbPasts false: the model's own tables only, without data/verb-forms.json (the jackknifed tags
   * the shipped parser was trained on were made so; measured, a parser retrained on tags with the
   * table lost steering facts: models/README.md "Verb pasts").
   */
  static fromContent(content: ModelContent, file = 'tagger', verbPasts = true): Tagger {
    const section = content.sections.find((s) => s.name === 'upos');
    if (!section) throw new ModelError('tagger model has no upos section', file);
    try {
      return new Tagger(section.model, content, verbPasts);
    } catch (e) {
      if (e instanceof ModelError) throw new ModelError(e.reason, file);
      throw e;
    }
  }

  /** The UPOS tag of each word. */
  tag(words: readonly string[]): string[] {
    const ids = this.tagIds(words);
    const tags = new Array<string>(words.length);
    for (let i = 0; i < words.length; i++) tags[i] = UPOS[ids[i] as number] as string;
    return tags;
  }

  /** The UPOS tag ids (indices into UPOS) of each word; `out` is reused when long enough. */
  tagIds(words: readonly string[], out?: Uint8Array): Uint8Array {
    const n = words.length;
    const tags = out && out.length >= n ? out : new Uint8Array(n);
    const input = this.input.set(words);
    const scores = this.scores;
    let prev1 = NO_TAG;
    let prev2 = NO_TAG2;
    for (let i = 0; i < n; i++) {
      let tag = input.fixed[i] as number;
      if (tag < 0) {
        const word = input.words[i] as WordHashes;
        let own = word.scores;
        if (!own) {
          wordFeatures(word, this.features);
          own = new Float64Array(UPOS.length);
          this.model.score(this.features, own);
          word.scores = own;
        }
        scores.set(own);
        this.features.clear();
        contextFeatures(input, i, prev1, prev2, this.features);
        this.model.score(this.features, scores);
        tag = 0;
        for (let c = 1; c < UPOS.length; c++) if ((scores[c] as number) > (scores[tag] as number)) tag = c;
      }
      tags[i] = tag;
      prev2 = prev1;
      prev1 = tag;
    }
    return tags;
  }
}
