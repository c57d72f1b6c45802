// The one file that owns wink-nlp: tokens with character offsets, sentences, POS, lemmas and
// negation scope. Everything downstream works on our Token/Sentence types, never on wink's.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import winkNLP, { type ItsFunction, type ItemSentence, type Model } from 'wink-nlp';
import type { AnnotatedDocument, Sentence, SourceDocument, Token } from '../types';
import { maskLongRuns, sentenceCuts } from './guard';

type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * The wink annotations we read: sentences, negation and POS (lemmas are computed on demand).
 * wink's default pipe also runs its date/money NER, sentiment and custom-entity passes, which
 * nothing here reads; leaving them out gives identical tokens, POS, lemmas, negation flags and
 * sentences (checked on the 2,225 BBC articles) in 6–14% less time.
 */
const WINK_PIPE = ['sbd', 'negation', 'pos'];

// ---- the language model, loaded for one instance -------------------------------------------
//
// Requiring wink-eng-lite-web-model's entry point parses all its JSON models (3.5 MB, including
// NER and sentiment, which WINK_PIPE never runs), and its core loader then deep-copies the 3 MB core
// model through JSON.stringify + JSON.parse and decodes the packed lexicon with atob and a byte
// loop (0.21 s in a profile of a one-article update). The model below is assembled from the
// package's own parts instead, with a core loader that builds exactly the object the package's
// loader builds, from one parse. `npm run build` (scripts/prepare-data.mjs) also stores the core
// model's packed arrays as raw bytes in dist/prepared/, which load faster still.
// test/nlp-model.test.ts compares both ways with the package: the core object, and wink's tokens,
// POS, lemmas, negation and sentences.

/** The model version whose core loader (dist/read-core-model.js, load-core-model.js) this file reproduces. */
const MIRRORED_MODEL_VERSION = '1.8.1';
const MODEL_ROOT = path.dirname(require.resolve('wink-eng-lite-web-model/package.json'));
/** Where `npm run build` puts the prepared model: dist/prepared/ (a path no file is at under ts-node). */
export const PREPARED_MODEL_DIR = path.resolve(__dirname, '..', '..', 'prepared');
/** Bumped when the prepared files' layout changes. */
const PREPARED_FORMAT = 1;
const PREPARED_FILES = {
  core: 'wink-core.json',
  lexicon: 'wink-lexicon.bin',
  xpansions: 'wink-xpansions.bin',
} as const;

/** Which model and machine prepared files were written for: anything else is not read. */
interface PreparedStamp {
  format: number;
  modelVersion: string;
  endianness: string;
}

/** The parts of the core model JSON that loading rewrites. */
interface CoreModelJson {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, FeatureJson>;
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array | null;
  xpansions: string | Uint32Array | null;
  prepared?: PreparedStamp;
}
interface FeatureJson {
  list: unknown[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}

export interface WinkModelOptions {
  /** Annotations the instance will run; models of the others are left out. */
  pipe: readonly string[];
  /** Folder of prepared files; when they are missing or were written for another model, the package's files are read. */
  prepared: string;
}

function modelVersion(): unknown {
  return (JSON.parse(fs.readFileSync(path.join(MODEL_ROOT, 'package.json'), 'utf8')) as { version?: unknown }).version;
}

function stamp(): PreparedStamp {
  return { format: PREPARED_FORMAT, modelVersion: MIRRORED_MODEL_VERSION, endianness: os.endianness() };
}

function isCurrent(s: PreparedStamp | undefined): boolean {
  const now = stamp();
  return s !== undefined && s.format === now.format && s.modelVersion === now.modelVersion && s.endianness === now.endianness;
}

/** A part of wink-eng-lite-web-model, by its file under dist/. */
function modelPart(file: string): unknown {
  return require(path.join(MODEL_ROOT, 'dist', file)) as unknown;
}

const CORE_MODEL_FILE = path.join(MODEL_ROOT, 'dist', 'languages', 'cur', 'models', 'eng-core-web-model.json');

/** Copies bytes into a buffer of their own: Buffer's may be a pooled slice at an offset no Uint32Array can start at. */
function uint32Words(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new Error('wink model: packed data is not a whole number of 32-bit words');
  const words = new Uint32Array(bytes.length / 4);
  new Uint8Array(words.buffer).set(bytes);
  return words;
}

/** A base64 string as 32-bit words, like the package's atob decoder (same bytes, same platform byte order). */
function uint32FromBase64(encoded: string | Uint32Array | null): Uint32Array {
  if (typeof encoded !== 'string') throw new Error('wink model: packed data is not a base64 string');
  return uint32Words(Buffer.from(encoded, 'base64'));
}

/** The package's core model JSON with its packed arrays decoded. A fresh parse is already the private copy the package makes with JSON.parse(JSON.stringify(...)). */
function readPackageCore(): CoreModelJson {
  const model = JSON.parse(fs.readFileSync(CORE_MODEL_FILE, 'utf8')) as CoreModelJson;
  model.lexicon = uint32FromBase64(model.lexicon);
  model.xpansions = uint32FromBase64(model.xpansions);
  return model;
}

/** The same from prepared files (the JSON without the packed arrays, which are raw bytes beside it); undefined when there are no current ones. */
export function readPreparedCore(dir: string): CoreModelJson | undefined {
  try {
    const model = JSON.parse(fs.readFileSync(path.join(dir, PREPARED_FILES.core), 'latin1')) as CoreModelJson;
    if (!isCurrent(model.prepared)) return undefined;
    delete model.prepared;
    model.lexicon = uint32Words(fs.readFileSync(path.join(dir, PREPARED_FILES.lexicon)));
    model.xpansions = uint32Words(fs.readFileSync(path.join(dir, PREPARED_FILES.xpansions)));
    return model;
  } catch {
    return undefined; // not prepared (ts-node, or compiled with tsc alone)
  }
}

/** A lookup from each string of `list` to its position: wink's feature hashes have no prototype. */
function positions(list: readonly unknown[]): Record<string, number> {
  const hash = Object.create(null) as Record<string, number>;
  for (let k = 0; k < list.length; k++) hash[list[k] as string] = k;
  return hash;
}

/** wink-eng-lite-web-model 1.8.1's `core()`, step for step after the read. */
function loadCoreModel(prepared: string): CoreModelJson {
  const model = readPreparedCore(prepared) ?? readPackageCore();
  const { packing, features } = model;
  const feature = (name: string): FeatureJson => {
    const f = features[name];
    if (!f) throw new Error(`wink model: feature "${name}" missing`);
    return f;
  };
  for (const name in packing.layout) if (packing.layout[name]?.[3] === 0) feature(name).hash = positions(feature(name).list);
  const lexeme = feature('lexeme');
  lexeme.hash = positions(lexeme.list);
  const clusters = feature('posClusters').list;
  for (let k = 0; k < clusters.length; k++) {
    clusters[k] = new Set((clusters[k] as string).split('_').map((tag) => model.pos.hash[tag] || 0));
  }
  // load-core-model.js: sizes and the list of extensible features
  packing.efList = [];
  for (const name in packing.layout) {
    const layout = packing.layout[name] ?? [];
    if (layout[3] === 0) {
      const f = feature(name);
      f.intrinsicSize = f.list.length;
      f.index = f.list.length;
      f.maxIndex = (layout[1] ?? 0) >>> (layout[2] ?? 0);
    }
    if (layout[4] === 1) packing.efList.push(name);
  }
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  return model;
}

/** An automaton that recognises nothing, in wink's export format: for the models the pipe never runs. */
const EMPTY_MACHINE = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);

/**
 * The model wink reads, as the package's entry point (dist/model.js) assembles it. wink loads every
 * model when an instance is built, also those the pipe never runs; NER and sentiment are replaced
 * by empty automata unless the pipe asks for them. With a model version other than the mirrored
 * one, the package's own model is used (slower, same output).
 */
export function winkModel(options: Partial<WinkModelOptions> = {}): Model {
  const pipe = options.pipe ?? WINK_PIPE;
  const prepared = options.prepared ?? PREPARED_MODEL_DIR;
  if (modelVersion() !== MIRRORED_MODEL_VERSION) return modelPart('model.js') as Model;
  const addons = Object.create(null) as Model['addons'];
  addons.stem = modelPart('porter-stemmer.js');
  addons.lemmatize = modelPart('lemmatize.js');
  addons.readabilityStats = modelPart('readability-stats.js');
  addons.wordVectors = undefined;
  return {
    core: () => loadCoreModel(prepared),
    sbd: modelPart('load-sbd-model.js'),
    pos: modelPart('load-pos-model.js'),
    ner: pipe.includes('ner') ? modelPart('load-ner-model.js') : () => ({ machines: [], transformers: [] }),
    negation: modelPart('load-negation-model.js'),
    sa: pipe.includes('sentiment') ? modelPart('load-sa-model.js') : () => ({ machines: [EMPTY_MACHINE], setter: () => undefined }),
    metaCER: modelPart('load-cer-meta-model.js'),
    featureFn: modelPart('feature.js'),
    addons,
  };
}

/** A file of the prepared model: its name in the prepared folder and its contents. */
export interface PreparedFile {
  readonly name: string;
  readonly data: string | Buffer;
}

/** JSON with every non-ASCII character escaped: Node reads an ASCII file (as latin1) without UTF-8 decoding. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The prepared model files, for scripts/prepare-data.mjs to write into PREPARED_MODEL_DIR; none
 * for a model version this file does not mirror.
 */
export function preparedModelFiles(): PreparedFile[] {
  if (modelVersion() !== MIRRORED_MODEL_VERSION) return [];
  const model = JSON.parse(fs.readFileSync(CORE_MODEL_FILE, 'utf8')) as CoreModelJson;
  const bytes = (encoded: CoreModelJson['lexicon']): Buffer => Buffer.from(uint32FromBase64(encoded).buffer);
  const files: PreparedFile[] = [
    { name: PREPARED_FILES.lexicon, data: bytes(model.lexicon) },
    { name: PREPARED_FILES.xpansions, data: bytes(model.xpansions) },
  ];
  // the arrays keep their places (null) so that the loaded object's keys come in the package's order
  model.lexicon = null;
  model.xpansions = null;
  model.prepared = stamp();
  files.push({ name: PREPARED_FILES.core, data: asciiJson(model) });
  return files;
}

/** The part of wink's core model we touch: the lexeme hash (text → lexeme index). */
interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } };
}
type LoadCore = () => CoreModel;

/**
 * A wink instance whose tokeniser sees every document as a fresh instance would.
 *
 * wink adds each unseen word to its lexeme hash, and its tokeniser decides splits by looking
 * words up there: once any document has taught it "U.S", every later "U.S." is split into
 * "U.S" + "." — so a document's tokens (and then its entities) depended on which documents the
 * process read before it, breaking byte-identical output across `--jobs` and the cache.
 * Building an instance per document costs ~200 ms, so instead the tokeniser's lookups go to a
 * separate hash: the model's own lexicon underneath (as prototype) plus only the words this
 * document has added, cleared before the next one. wink's adds still go to the real hash, so
 * lexemes keep their indices and properties (which depend on the word alone) across documents
 * and memory grows with distinct words, as before.
 */
class IsolatedWink {
  readonly engine: WinkNlp;
  /**
   * What wink's lookups see: the model's lexicon itself, plus the words added since it was loaded
   * that this document has met (set here, deleted before the next document). Looking up in the
   * lexicon directly rather than through an object of this document's words with the lexicon as
   * its prototype saves the second probe of every lookup (wink's tokeniser looks up every token).
   */
  private readonly visible: Record<string, number>;
  private readonly addedHere: string[] = [];

  constructor() {
    const model = winkModel();
    let visible: Record<string, number> | undefined;
    let core: CoreModel | undefined;
    const loadCore = (): CoreModel => {
      core = (model.core as LoadCore)();
      // wink's cache captures this object for its lookups when it is built, just below
      visible = core.features.lexeme.hash;
      return core;
    };
    this.engine = winkNLP({ ...model, core: loadCore }, WINK_PIPE);
    if (!core || !visible) throw new Error('wink-nlp did not load its core model');
    this.visible = visible;
    // From here on wink's adds read and write the real hash (it reads this property per call).
    core.features.lexeme.hash = this.recordingHash(core.features.lexeme.intrinsicSize);
  }

  /** Forget the previous document's words, so lookups match a fresh instance. */
  beginDocument(): void {
    for (const word of this.addedHere) delete this.visible[word];
    this.addedHere.length = 0;
  }

  /**
   * The real hash: every word ever added (own keys) over the lexicon (prototype, never written
   * but for the words revealed to the current document), wrapped so that each out-of-lexicon
   * word an add touches becomes visible to this document.
   */
  private recordingHash(intrinsicSize: number): Record<string, number> {
    const lexicon = this.visible;
    const real = Object.create(lexicon) as Record<string, number>;
    const reveal = (word: string, index: number): void => {
      if (index < intrinsicSize || Object.prototype.hasOwnProperty.call(this.visible, word)) return;
      this.visible[word] = index;
      this.addedHere.push(word);
    };
    return new Proxy(real, {
      get(target, word) {
        const index = target[word as string];
        if (typeof word === 'string' && index !== undefined) reveal(word, index);
        return index;
      },
      set(target, word, index: number) {
        target[word as string] = index;
        if (typeof word === 'string') reveal(word, index);
        return true;
      },
    });
  }
}

let shared: IsolatedWink | undefined;

/** Loading the model takes ~100 ms, so it is done once per process (or worker). */
function nlp(): IsolatedWink {
  shared ??= new IsolatedWink();
  return shared;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function annotate(source: SourceDocument): AnnotatedDocument {
  const wink = nlp();
  wink.beginDocument();
  const engine = wink.engine;
  const its = engine.its;
  // Untrusted text: runs the tokeniser would take quadratic time on are masked (same length, so
  // offsets still index source.text; see guard.ts).
  const text = maskLongRuns(source.text);
  const doc = engine.readDoc(text);
  const tokenItems = doc.tokens();
  // wink's typings disagree with its own `its` helpers (lemma takes model add-ons): one cast here.
  const column = <T>(f: unknown): T[] => tokenItems.out(f as ItsFunction<T>) as unknown as T[];
  const values = column<string>(its.value);
  const spaces = column<string>(its.precedingSpaces);
  const pos = column<string>(its.pos);
  const lemmas = column<string>(its.lemma);
  const negations = column<boolean>(its.negationFlag);

  const sentenceOfToken = new Int32Array(values.length);
  const spans: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    spans.push(span);
  });
  spans.forEach(([first, last], index) => sentenceOfToken.fill(index, first, last + 1));

  // wink's tokenisation is nearly lossless: preceding spaces + values rebuild the text, which
  // gives every token exact character offsets. It drops some control whitespace (\v, \f), so
  // each token is located from where the previous one ended rather than by adding lengths.
  const tokens: Token[] = [];
  let offset = 0;
  let wordIndex = 0;
  let pendingBreak = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const space = spaces[i] ?? '';
    if (LINE_BREAK.test(space)) pendingBreak = true;
    if (value.trim() === '') {
      // whitespace tokens (line breaks wink keeps as tokens) only mark line starts
      if (LINE_BREAK.test(value)) pendingBreak = true;
      const at = text.indexOf(value, offset);
      if (at >= 0 && value !== '') offset = at + value.length;
      continue;
    }
    const expected = offset + space.length;
    const start = text.startsWith(value, expected) ? expected : text.indexOf(value, offset);
    if (start < 0) continue; // a token wink normalised away from the text: no offsets to give
    if (LINE_BREAK.test(text.slice(offset, start))) pendingBreak = true;
    offset = start + value.length;
    tokens.push(newToken(wordIndex++, start, offset, value, value.toLowerCase(), pos[i] ?? 'X', lemmas[i] ?? value.toLowerCase(), negations[i] === true, sentenceOfToken[i] ?? 0, pendingBreak));
    pendingBreak = false;
  }

  // Sentences: wink sentences re-indexed to our word tokens; a line break also ends a
  // sentence, because headlines, bylines and bullet lists carry no final punctuation.
  const sentences: Sentence[] = [];
  let first = -1;
  for (const t of tokens) {
    const prev = first >= 0 ? tokens[t.index - 1] : undefined;
    const breaks = prev !== undefined && (prev.sentence !== t.sentence || t.lineStart);
    if (first < 0) first = t.index;
    else if (breaks) {
      pushSentence(sentences, tokens, first, t.index - 1);
      first = t.index;
    }
  }
  if (first >= 0) pushSentence(sentences, tokens, first, tokens.length - 1);

  const reindexed = tokens.map((t) => t);
  for (const s of sentences) {
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = reindexed[i];
      if (t && t.sentence !== s.index) reindexed[i] = newToken(t.index, t.start, t.end, t.value, t.lower, t.pos, t.lemma, t.negated, s.index, t.lineStart);
    }
  }
  return { source, tokens: reindexed, sentences };
}

/**
 * Every token is made here, so all have one hidden class: a copy by spread would get another, and
 * the code reading tokens would be deoptimised and recompiled each time it meets the other kind.
 */
function newToken(index: number, start: number, end: number, value: string, lower: string, pos: string, lemma: string, negated: boolean, sentence: number, lineStart: boolean): Token {
  return { index, start, end, value, lower, pos, lemma, negated, sentence, lineStart };
}

/** Adds the sentence first..last, cut into pieces when it is longer than the guard allows (guard.ts). */
function pushSentence(sentences: Sentence[], tokens: readonly Token[], first: number, last: number): void {
  let from = first;
  for (const cut of sentenceCuts((i) => tokens[i]?.value ?? '', first, last)) {
    pushPiece(sentences, tokens, from, cut - 1);
    from = cut;
  }
  pushPiece(sentences, tokens, from, last);
}

function pushPiece(sentences: Sentence[], tokens: readonly Token[], first: number, last: number): void {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return;
  sentences.push({ index: sentences.length, start: a.start, end: b.end, firstToken: first, lastToken: last });
}
