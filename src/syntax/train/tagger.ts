// Training the POS tagger (src/syntax/tagger.ts): EWT train + GUM train (no eval overlap, no NC
// text), early stopping on EWT dev, rare features pruned, written to models/tagger.bin. Also the
// jackknifed tags the parser trains on (each fold tagged by a tagger that never saw it), cached
// under /tmp/newsgraph-train-cache/ since they take a while and never change for the same input.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FeatureBuffer, FeatureCounter } from '../../learn/features';
import { fit } from '../../learn/fit';
import type { LinearModel } from '../../learn/linear';
import { sha256, writeModelFile, type ModelContent } from '../../learn/model-file';
import { AveragedPerceptron } from '../../learn/perceptron';
import { seededRandom, shuffleInPlace } from '../../random';
import { NO_TAG, NO_TAG2, Tagger, TaggerInput, TAGGER_KIND, TAGGER_TEMPLATES, UPOS, taggerFeatures, uposId, type TaggerLexicon, type TaggerTables } from '../tagger';
import { modelForm } from '../words';
import type { UdSentence } from './conllu';
import { defaultDataRoot, missingTreebanks, modelSentence, treebank, treebankHashes } from './treebanks';
import { MODELS_DIR } from '../../version';

export interface TaggerSettings {
  readonly seed: number;
  readonly maxEpochs: number;
  readonly patience: number;
  /** Features seen fewer times than this in training (with gold left tags) get no weight. */
  readonly minCount: number;
  /** Tag dictionary: words seen at least this often … */
  readonly dictionaryMinCount: number;
  /** … with at least this share of one tag get that tag directly (0 disables the dictionary). */
  readonly dictionaryMinShare: number;
  /** Ambiguity classes: lower-cased words seen at least this often (0: none) … */
  readonly ambiguityMinCount: number;
  /** … with the tags that make up at least this share of them. */
  readonly ambiguityMinShare: number;
}

export const DEFAULT_TAGGER_SETTINGS: TaggerSettings = {
  seed: 1,
  maxEpochs: 12,
  patience: 3,
  minCount: 2,
  dictionaryMinCount: 20,
  dictionaryMinShare: 0.995,
  ambiguityMinCount: 5,
  ambiguityMinShare: 0.05,
};

/** A sentence ready for training: its words and gold tag ids. */
interface Example {
  readonly words: readonly string[];
  readonly gold: Uint8Array;
}

function examplesOf(sentences: readonly UdSentence[]): Example[] {
  return sentences.map((s) => ({
    words: s.words.map((w) => modelForm(w.form)),
    gold: Uint8Array.from(s.words.map((w) => uposId(w.upos) ?? (uposId('X') as number))),
  }));
}

/** Frequent words that carry one tag (nearly) always, sorted by word. */
export function tagDictionary(examples: readonly Example[], settings: TaggerSettings): [string, string][] {
  if (settings.dictionaryMinShare <= 0) return [];
  const counts = new Map<string, Uint32Array>();
  for (const e of examples) {
    e.words.forEach((w, i) => {
      let c = counts.get(w);
      if (!c) {
        c = new Uint32Array(UPOS.length);
        counts.set(w, c);
      }
      const t = e.gold[i] as number;
      c[t] = (c[t] as number) + 1;
    });
  }
  const entries: [string, string][] = [];
  for (const [word, c] of counts) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < c.length; t++) {
      total += c[t] as number;
      if ((c[t] as number) > (c[best] as number)) best = t;
    }
    if (total >= settings.dictionaryMinCount && (c[best] as number) >= settings.dictionaryMinShare * total) entries.push([word, UPOS[best] as string]);
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Each frequent lower-cased word's ambiguity class: the bit set of the tags it carries, sorted by word. */
export function ambiguityClasses(examples: readonly Example[], settings: TaggerSettings): [string, number][] {
  if (settings.ambiguityMinCount <= 0) return [];
  const counts = new Map<string, Uint32Array>();
  for (const e of examples) {
    e.words.forEach((w, i) => {
      const lower = w.toLowerCase();
      let c = counts.get(lower);
      if (!c) {
        c = new Uint32Array(UPOS.length);
        counts.set(lower, c);
      }
      const t = e.gold[i] as number;
      c[t] = (c[t] as number) + 1;
    });
  }
  const entries: [string, number][] = [];
  for (const [word, c] of counts) {
    const total = c.reduce((a, b) => a + b, 0);
    if (total < settings.ambiguityMinCount) continue;
    let mask = 0;
    for (let t = 0; t < c.length; t++) if ((c[t] as number) >= settings.ambiguityMinShare * total) mask |= 1 << t;
    entries.push([word, mask]);
  }
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The features seen at least minCount times over the training data (left tags gold). */
function vocabulary(examples: readonly Example[], minCount: number, lexicon: TaggerLexicon): Set<number> | undefined {
  if (minCount <= 1) return undefined;
  const counter = new FeatureCounter();
  const input = new TaggerInput(lexicon, 1 << 20);
  const buf = new FeatureBuffer(64);
  for (const e of examples) {
    input.set(e.words);
    for (let i = 0; i < e.words.length; i++) {
      if ((input.fixed[i] as number) >= 0) continue;
      taggerFeatures(input, i, i > 0 ? (e.gold[i - 1] as number) : NO_TAG, i > 1 ? (e.gold[i - 2] as number) : i > 0 ? NO_TAG : NO_TAG2, buf);
      counter.add(buf);
    }
  }
  return counter.frequent(minCount);
}

/** One perceptron pass over a sentence, predicting left to right with its own tags. */
class TaggerTrainer {
  readonly perceptron: AveragedPerceptron;
  private readonly input: TaggerInput;
  private readonly buf = new FeatureBuffer(64);
  private readonly scores = new Float64Array(UPOS.length);

  constructor(
    vocabularySet: ReadonlySet<number> | undefined,
    lexicon: TaggerLexicon,
  ) {
    this.perceptron = new AveragedPerceptron(UPOS.length, vocabularySet);
    this.input = new TaggerInput(lexicon, 1 << 20);
  }

  learn(e: Example): void {
    const input = this.input.set(e.words);
    let prev1 = NO_TAG;
    let prev2 = NO_TAG2;
    for (let i = 0; i < e.words.length; i++) {
      let guess = input.fixed[i] as number;
      if (guess < 0) {
        taggerFeatures(input, i, prev1, prev2, this.buf);
        this.perceptron.score(this.buf, this.scores);
        guess = 0;
        for (let c = 1; c < UPOS.length; c++) if ((this.scores[c] as number) > (this.scores[guess] as number)) guess = c;
        this.perceptron.tick();
        this.perceptron.update(this.buf, e.gold[i] as number, guess);
      }
      prev2 = prev1;
      prev1 = guess;
    }
  }
}

function dictionaryMap(entries: readonly (readonly [string, string])[]): Map<string, number> {
  return new Map(entries.map(([w, t]) => [w, uposId(t) as number]));
}

/** A model file's content for a trained tagger. */
export function taggerContent(model: LinearModel, dictionary: readonly (readonly [string, string])[], ambiguity: readonly (readonly [string, number])[], meta: Partial<Pick<ModelContent, 'data' | 'settings' | 'scores'>> = {}): ModelContent {
  const tables: TaggerTables = { tagDictionary: dictionary, ambiguity };
  return {
    kind: TAGGER_KIND,
    templates: TAGGER_TEMPLATES,
    data: meta.data ?? [],
    settings: meta.settings ?? {},
    scores: meta.scores ?? {},
    tables: tables as unknown as Record<string, unknown>,
    sections: [{ name: 'upos', labels: [...UPOS], model }],
  };
}

/** UPOS accuracy (percent) of a tagger on sentences with gold words. */
export function taggerAccuracy(tagger: Tagger, sentences: readonly UdSentence[]): number {
  let correct = 0;
  let total = 0;
  for (const s of sentences) {
    const tags = tagger.tag(s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      total++;
      if (tags[i] === w.upos) correct++;
    });
  }
  return (100 * correct) / Math.max(1, total);
}

export interface TrainedTagger {
  readonly tagger: Tagger;
  readonly content: ModelContent;
  readonly bestEpoch: number;
  readonly devScores: readonly number[];
}

/** Trains on `train`, early stopping on `dev` (fixed epochs when dev is empty). */
export function fitTagger(train: readonly UdSentence[], dev: readonly UdSentence[], settings: TaggerSettings, log?: (line: string) => void): TrainedTagger {
  const examples = examplesOf(train);
  const dictionaryEntries = tagDictionary(examples, settings);
  const dictionary = dictionaryMap(dictionaryEntries);
  const classEntries = ambiguityClasses(examples, settings);
  const lexicon: TaggerLexicon = { ambiguity: new Map(classEntries), dictionary };
  const trainer = new TaggerTrainer(vocabulary(examples, settings.minCount, lexicon), lexicon);
  const contentOf = (model: LinearModel): ModelContent => taggerContent(model, dictionaryEntries, classEntries);
  const toTagger = (model: LinearModel): Tagger => Tagger.fromContent(contentOf(model));
  if (dev.length === 0) {
    const random = seededRandom(settings.seed);
    const order = examples.slice();
    for (let epoch = 1; epoch <= settings.maxEpochs; epoch++) {
      shuffleInPlace(order, random);
      for (const e of order) trainer.learn(e);
    }
    const model = trainer.perceptron.freeze();
    return { tagger: toTagger(model), content: contentOf(model), bestEpoch: settings.maxEpochs, devScores: [] };
  }
  const result = fit(
    trainer.perceptron,
    examples,
    { maxEpochs: settings.maxEpochs, patience: settings.patience, seed: settings.seed },
    { learn: (e) => trainer.learn(e), evaluate: (model) => taggerAccuracy(toTagger(model), dev), ...(log ? { log } : {}) },
  );
  return { tagger: toTagger(result.model), content: contentOf(result.model), bestEpoch: result.bestEpoch, devScores: result.devScores };
}

export interface TrainTaggerOptions {
  /** Default ../shared/train beside the repository. */
  readonly dataRoot?: string;
  /** Default models/tagger.bin. */
  readonly out?: string;
  readonly settings?: Partial<TaggerSettings>;
  /** Train on every n-th sentence only (development runs); 1 = all. */
  readonly subsample?: number;
  readonly log?: (line: string) => void;
}

export interface TaggerScores {
  readonly file: string;
  /** UPOS accuracy, percent, gold tokens. */
  readonly ewtDev: number;
  readonly ewtTest: number;
  readonly gumTest: number;
  readonly bestEpoch: number;
  readonly features: number;
  readonly dictionaryWords: number;
  readonly trainWords: number;
  readonly bytes: number;
  readonly seconds: number;
}

/** Trains the tagger, writes its model file and returns its scores; undefined (with a printed reason) without the data. */
export function trainTagger(options: TrainTaggerOptions = {}): TaggerScores | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  const missing = missingTreebanks(dataRoot);
  if (missing) {
    log(`tagger: skipped — ${missing}`);
    return undefined;
  }
  const started = Date.now();
  const settings: TaggerSettings = { ...DEFAULT_TAGGER_SETTINGS, ...options.settings };
  const every = Math.max(1, options.subsample ?? 1);
  const train = [...treebank(dataRoot, 'ewtTrain'), ...treebank(dataRoot, 'gumTrain')].filter((_, i) => i % every === 0).map((s) => modelSentence(s));
  const trainWords = train.reduce((n, s) => n + s.words.length, 0);
  log(`tagger: training on ${train.length} sentences (${trainWords} words; EWT train + GUM train without eval overlap or NC text), dev EWT dev`);
  const trained = fitTagger(train, treebank(dataRoot, 'ewtDev'), settings, log);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const scores = {
    ewtDev: round(taggerAccuracy(trained.tagger, treebank(dataRoot, 'ewtDev'))),
    ewtTest: round(taggerAccuracy(trained.tagger, treebank(dataRoot, 'ewtTest'))),
    gumTest: round(taggerAccuracy(trained.tagger, treebank(dataRoot, 'gumTest'))),
  };
  const content: ModelContent = {
    ...trained.content,
    data: treebankHashes(dataRoot, ['ewtTrain', 'ewtDev', 'gumTrain']),
    settings: { ...settings, subsample: every, bestEpoch: trained.bestEpoch },
    scores: { upos: scores, note: 'UPOS accuracy, percent, gold tokens' },
  };
  const file = options.out ?? path.join(MODELS_DIR, 'tagger.bin');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeModelFile(file, content);
  const section = content.sections[0];
  const result: TaggerScores = {
    file,
    ...scores,
    bestEpoch: trained.bestEpoch,
    features: section ? section.model.rows : 0,
    dictionaryWords: (content.tables as unknown as TaggerTables).tagDictionary.length,
    trainWords,
    bytes: fs.statSync(file).size,
    seconds: (Date.now() - started) / 1000,
  };
  log(`tagger: UPOS EWT dev ${scores.ewtDev}, EWT test ${scores.ewtTest}, GUM test ${scores.gumTest}; ${result.features} features, ${result.bytes} bytes, ${result.seconds.toFixed(0)} s → ${file}`);
  return result;
}

// ---- jackknifing --------------------------------------------------------------------------

/** Epochs per fold: the shipped tagger's dev curve flattens after a few, and folds have no dev. */
export const JACKKNIFE_EPOCHS = 5;
export const TRAIN_CACHE_DIR = '/tmp/newsgraph-train-cache';

/** Each sentence's fold: whole documents, shuffled with the seed, each to the fold with fewest words so far. */
export function foldOf(sentences: readonly UdSentence[], folds: number, seed: number): Int32Array {
  const words = new Map<string, number>();
  for (const s of sentences) words.set(s.doc, (words.get(s.doc) ?? 0) + s.words.length);
  const docs = [...words.keys()].sort();
  shuffleInPlace(docs, seededRandom(seed));
  const sizes = new Float64Array(folds);
  const foldOfDoc = new Map<string, number>();
  for (const doc of docs) {
    let f = 0;
    for (let k = 1; k < folds; k++) if ((sizes[k] as number) < (sizes[f] as number)) f = k;
    foldOfDoc.set(doc, f);
    sizes[f] = (sizes[f] as number) + (words.get(doc) ?? 0);
  }
  return Int32Array.from(sentences, (s) => foldOfDoc.get(s.doc) ?? 0);
}

/** The code jackknifed tags depend on (sources under ts-node, compiled files otherwise): part of the cache key. */
const JACKKNIFE_CODE = ['../tagger', './tagger', '../words', '../../learn/perceptron', '../../learn/linear', '../../learn/features', '../../random'];

function codeHash(): string {
  return sha256(JACKKNIFE_CODE.map((m) => fs.readFileSync(require.resolve(m), 'utf8')).join('\u0000'));
}

function jackknifeKey(sentences: readonly UdSentence[], folds: number, seed: number, settings: TaggerSettings): string {
  const parts: string[] = [codeHash(), TAGGER_TEMPLATES, JSON.stringify(settings), String(folds), String(seed)];
  for (const s of sentences) parts.push(`${s.doc}\u0001${s.words.map((w) => `${w.form}\u0002${w.upos}`).join('\u0003')}`);
  return sha256(parts.join('\n'));
}

/**
 * Predicted UPOS for every word of `sentences`, each fold (whole documents) tagged by a tagger
 * trained on the other folds for JACKKNIFE_EPOCHS epochs (no dev set to stop on; the full
 * tagger's dev accuracy is within 0.1 of its best after 5). Folds are whole documents. Give it the
 * sentences as the parser trains on them (modelSentence). Deterministic; cached in
 * TRAIN_CACHE_DIR under a hash of the sentences, folds, seed, settings and the tagger's code, so
 * a cached result is always the one a fresh run would give. 10 folds over EWT + GUM train: ~100 s.
 */
export function jackknifeTags(sentences: readonly UdSentence[], folds: number, seed: number, options: { log?: (line: string) => void; cache?: boolean } = {}): string[][] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`jackknifeTags: folds must be an integer ≥ 2 (got ${folds})`);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const settings: TaggerSettings = { ...DEFAULT_TAGGER_SETTINGS, seed, maxEpochs: JACKKNIFE_EPOCHS };
  const key = jackknifeKey(sentences, folds, seed, settings);
  const cacheFile = path.join(TRAIN_CACHE_DIR, `jackknife-tags-${key.slice(0, 32)}.json`);
  if (options.cache !== false) {
    const cached = readCachedTags(cacheFile, key, sentences);
    if (cached) {
      log(`jackknife: ${folds} folds read from ${cacheFile}`);
      return cached;
    }
  }
  const started = Date.now();
  const fold = foldOf(sentences, folds, seed);
  const tags: string[][] = sentences.map(() => []);
  for (let f = 0; f < folds; f++) {
    const train = sentences.filter((_, i) => fold[i] !== f);
    // the model's tables alone: the tags the shipped parser was trained on (Tagger.fromContent)
    const tagger = Tagger.fromContent(fitTagger(train, [], settings).content, 'tagger', false);
    sentences.forEach((s, i) => {
      if (fold[i] === f) tags[i] = tagger.tag(s.words.map((w) => w.form));
    });
    log(`jackknife: fold ${f + 1}/${folds} tagged (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (options.cache !== false) {
    try {
      fs.mkdirSync(TRAIN_CACHE_DIR, { recursive: true });
      const temp = `${cacheFile}.tmp-${process.pid}`;
      fs.writeFileSync(temp, JSON.stringify({ key, tags: tags.map((t) => t.join(' ')) }));
      fs.renameSync(temp, cacheFile);
    } catch {
      // a cache that cannot be written only costs time
    }
  }
  return tags;
}

function readCachedTags(file: string, key: string, sentences: readonly UdSentence[]): string[][] | undefined {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; tags?: unknown };
    if (data.key !== key || !Array.isArray(data.tags) || data.tags.length !== sentences.length) return undefined;
    const tags = (data.tags as unknown[]).map((t) => (typeof t === 'string' ? t.split(' ') : []));
    const valid = tags.every((t, i) => t.length === sentences[i]?.words.length && t.every((tag) => uposId(tag) !== undefined));
    return valid ? tags : undefined;
  } catch {
    return undefined;
  }
}


if (require.main === module) {
  const subsample = Number(process.argv[2] ?? '1');
  const result = trainTagger({ subsample, ...(process.argv[3] ? { out: process.argv[3] } : {}) });
  if (result) console.log(JSON.stringify(result));
}
