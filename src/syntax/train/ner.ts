// Training and evaluation of the NER tagger (src/syntax/ner.ts): CoNLL-2003 train + WikiGold + GUM
// (see ner-data.ts), early stopping on CoNLL-2003 dev (testa), written to models/ner.bin.
// Scores follow conlleval: a predicted span counts only with the exact first word, last word and type.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AveragedPerceptron, FeatureCounter, argmax, fileSha256, fit, writeModelFile, type LinearModel, type ModelContent } from '../../learn';
import {
  BILOU_LABELS,
  DEFAULT_NER_FEATURES,
  EntityTagger,
  ENTITY_TYPES,
  Gazetteer,
  NER_MODEL_KIND,
  NER_TEMPLATES_HASH,
  NerFeaturizer,
  decodeGazetteer,
  encodeGazetteer,
  labelId,
  spansToBilou,
  type EntitySpan,
  type NerFeatureSettings,
  type PreparedSentence,
} from '../ner';
import { countryNames, nerDataFiles, readConll2003, readGumNer, readWikiGold, newGumStats, type GumConversionStats, type NerDocument, type NerSentence } from './ner-data';
import { modelWords } from '../words';
import { defaultDataRoot } from './treebanks';
import { MODELS_DIR } from '../../version';
import { buildGazetteer } from './ner-gazetteer';
import { evaluateNerOnGum, formatGumEvaluation, gumEvalFile, type GumNerEvaluation } from './ner-gum';
import { defaultTaggerFile, Tagger } from '../tagger';

/** A POS tagger for training data: words → tags (the run-time tagger, so training sees what run time sees). */
export type PosTagging = (words: readonly string[]) => string[];

export interface TrainNerOptions {
  /** ../shared/train by default. */
  readonly dataRoot?: string;
  /** models/ner.bin by default; undefined with write: false. */
  readonly out?: string;
  readonly write?: boolean;
  readonly seed?: number;
  readonly maxEpochs?: number;
  readonly patience?: number;
  /** Keep features seen at least this many times in the training data (1 = all). */
  readonly minCount?: number;
  readonly features?: Partial<NerFeatureSettings>;
  readonly sources?: { readonly conll?: boolean; readonly wikigold?: boolean; readonly gum?: boolean };
  /**
   * GUM words of unknown label (names of a kind GUM does not mark): no update ('skip'), taught
   * as O ('O'), or taught that they are no PER / LOC / ORG: a guess of those moves towards the
   * best-scoring O or MISC label ('O-or-MISC', the default).
   */
  readonly gumUnknown?: 'skip' | 'O' | 'O-or-MISC';
  /** Use PETRARCH actor names in the gazetteer (when ../shared/lexicons/petrarch2 is there). */
  readonly petrarch?: boolean;
  /** Train on every n-th training document only (development runs). */
  readonly every?: number;
  /** Previous-label features from the gold labels (teacher forcing, default) or from the model's guesses. */
  readonly history?: 'gold' | 'guess';
  /**
   * POS tags for the training and dev words: none by default (POS features did not help: CoNLL dev
   * -0.1 F1 over 3 seeds, GUM -0.6); 'shipped' = the shipped tagger (models/tagger.bin).
   */
  readonly pos?: PosTagging | 'none' | 'shipped';
  readonly log?: (line: string) => void;
}

export interface TypeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
}

export interface NerEvaluation {
  readonly overall: TypeScore;
  readonly types: Readonly<Record<string, TypeScore>>;
}

export interface NerTrainResult {
  readonly file: string | undefined;
  readonly dev: NerEvaluation;
  readonly bestEpoch: number;
  readonly devScores: readonly number[];
  readonly seconds: number;
  readonly rows: number;
  readonly bytes: number | undefined;
  readonly data: Readonly<Record<string, unknown>>;
}


function score(correct: number, predicted: number, gold: number): TypeScore {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: 100 * precision, recall: 100 * recall, f1: 100 * f1, gold, predicted, correct };
}

/** Exact-span, exact-type P/R/F1 per type and overall (conlleval). */
export function scoreSpans(gold: readonly (readonly EntitySpan[])[], predicted: readonly (readonly EntitySpan[])[]): NerEvaluation {
  const counts = new Map<string, { c: number; p: number; g: number }>();
  const bump = (type: string, field: 'c' | 'p' | 'g'): void => {
    for (const key of [type, '*']) {
      const x = counts.get(key) ?? { c: 0, p: 0, g: 0 };
      x[field]++;
      counts.set(key, x);
    }
  };
  gold.forEach((g, s) => {
    const p = predicted[s] ?? [];
    const keys = new Set(g.map((x) => `${x.first}:${x.last}:${x.type}`));
    for (const x of g) bump(x.type, 'g');
    for (const x of p) {
      bump(x.type, 'p');
      if (keys.has(`${x.first}:${x.last}:${x.type}`)) bump(x.type, 'c');
    }
  });
  const of = (k: string): TypeScore => {
    const x = counts.get(k) ?? { c: 0, p: 0, g: 0 };
    return score(x.c, x.p, x.g);
  };
  return { overall: of('*'), types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, of(t)])) };
}

/**
 * Documents in the corpus's own words, as the tagger sees them: each sentence's model words
 * (words.ts splits), and for each model word the corpus word it comes from.
 */
interface DevDocument {
  readonly words: readonly (readonly string[])[];
  readonly origin: readonly Int32Array[];
  readonly gold: readonly (readonly EntitySpan[])[];
}

function devDocuments(docs: readonly NerDocument[]): DevDocument[] {
  return docs.map((d) => {
    const split = d.sentences.map((s) => modelWords(s.words.map((text) => ({ text, spaceBefore: true })), { merge: false }));
    return { words: split.map((ws) => ws.map((w) => w.text)), origin: split.map((ws) => Int32Array.from(ws, (w) => w.first)), gold: d.sentences.map((s) => s.spans) };
  });
}

function scoreDev(tagger: EntityTagger, dev: readonly DevDocument[], pos: PosTagging | undefined): NerEvaluation {
  const gold: (readonly EntitySpan[])[] = [];
  const predicted: EntitySpan[][] = [];
  for (const d of dev) {
    const tags = tagger.usesPos && pos ? d.words.map((w) => pos(w)) : undefined;
    const spans = tagger.spansOfDocument(d.words, tags);
    d.gold.forEach((g, i) => {
      const origin = d.origin[i] as Int32Array;
      gold.push(g);
      predicted.push((spans[i] ?? []).map((x) => ({ first: origin[x.first] as number, last: origin[x.last] as number, type: x.type })));
    });
  }
  return scoreSpans(gold, predicted);
}

/**
 * The tagger's spans on documents given in the corpus's own words (read with the 'corpus'
 * convention), scored on those words as conlleval does; the tagger sees them split as run-time
 * tokens are (words.ts), with document context as at run time.
 */
export function evaluateNer(tagger: EntityTagger, docs: readonly NerDocument[], pos?: PosTagging): NerEvaluation {
  return scoreDev(tagger, devDocuments(docs), pos);
}

export function formatEvaluation(e: NerEvaluation): string {
  const row = (name: string, s: TypeScore): string => `${name.padEnd(5)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} (gold ${s.gold}, predicted ${s.predicted})`;
  return [row('all', e.overall), ...ENTITY_TYPES.map((t) => row(t, e.types[t] as TypeScore))].join('\n');
}

interface TrainSentence {
  readonly prepared: PreparedSentence;
  /** Label ids; UNKNOWN or NOT_NAME where the label is not known. */
  readonly labels: Uint8Array;
}

interface TrainDocument {
  readonly sentences: readonly TrainSentence[];
}

/** Label unknown: no update. */
const UNKNOWN = 255;
/** Label unknown but no PER / LOC / ORG. */
const NOT_NAME = 254;

function labelsOf(s: NerSentence, gumUnknown: 'skip' | 'O' | 'O-or-MISC'): Uint8Array {
  const tags = spansToBilou(s.words.length, s.spans);
  const labels = Uint8Array.from(tags, labelId);
  const mark = gumUnknown === 'skip' ? UNKNOWN : gumUnknown === 'O-or-MISC' ? NOT_NAME : 0;
  if (s.unknown && mark) s.unknown.forEach((u, i) => (u ? (labels[i] = mark) : 0));
  return labels;
}

/** The labels a NOT_NAME word may take: O or any MISC label. */
const MISC_TYPE = ENTITY_TYPES.indexOf('MISC');
const O_OR_MISC = BILOU_LABELS.map((l, id) => id === 0 || (id - 1) >> 2 === MISC_TYPE);

export interface NerFitConfig {
  readonly settings: NerFeatureSettings;
  readonly gazetteer?: Gazetteer | undefined;
  readonly seed: number;
  readonly maxEpochs: number;
  readonly patience: number;
  /** Keep features seen at least this many times (1 = all). */
  readonly minCount?: number;
  readonly gumUnknown?: 'skip' | 'O' | 'O-or-MISC';
  readonly history?: 'gold' | 'guess';
  readonly pos?: PosTagging;
  readonly log?: (line: string) => void;
}

export interface NerFit {
  readonly model: LinearModel;
  readonly bestEpoch: number;
  readonly devScores: readonly number[];
  readonly dev: NerEvaluation;
}

/**
 * Trains the perceptron on documents (left to right, one document's history at a time), scoring
 * the averaged model on `dev` (in the corpus's own words, see evaluateNer) after each epoch and
 * keeping the best (early stopping).
 */
export function fitNer(train: readonly NerDocument[], dev: readonly NerDocument[], config: NerFitConfig): NerFit {
  const { settings, gazetteer, pos } = config;
  const log = config.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const gumUnknown = config.gumUnknown ?? 'O-or-MISC';
  const historyFrom = config.history ?? 'gold';
  const featurizer = new NerFeaturizer(settings, gazetteer);
  const prepared: TrainDocument[] = train.map((d) => {
    const words = d.sentences.map((s) => s.words);
    const ps = featurizer.prepareDocument(words, settings.pos && pos ? words.map((w) => pos(w)) : undefined);
    return { sentences: d.sentences.map((s, i) => ({ prepared: ps[i] as PreparedSentence, labels: labelsOf(s, gumUnknown) })) };
  });
  const tokens = prepared.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.prepared.length, 0), 0);
  log(`ner: ${train.length} training documents (${tokens} words), dev ${dev.length} documents`);

  // vocabulary: features seen at least minCount times with gold context
  const minCount = config.minCount ?? 1;
  let vocabulary: Set<number> | undefined;
  if (minCount > 1) {
    const counter = new FeatureCounter();
    for (const d of prepared) {
      const history = settings.history ? NerFeaturizer.newHistory() : undefined;
      for (const s of d.sentences) {
        let prev = 0;
        let prev2 = 0;
        for (let i = 0; i < s.prepared.length; i++) {
          counter.add(featurizer.features(s.prepared, i, prev, prev2, history));
          const l = s.labels[i] as number;
          prev2 = prev;
          prev = l === UNKNOWN || l === NOT_NAME ? 0 : l;
        }
        if (history) NerFeaturizer.remember(history, s.prepared, s.labels.map((l) => (l === UNKNOWN || l === NOT_NAME ? 0 : l)));
      }
    }
    vocabulary = counter.frequent(minCount);
    log(`ner: ${vocabulary.size} of ${counter.size} features seen at least ${minCount} times`);
  }

  const C = BILOU_LABELS.length;
  const perceptron = new AveragedPerceptron(C, vocabulary);
  const scores = new Float64Array(C);
  const guesses = new Uint8Array(1024);
  const devDocs = devDocuments(dev);
  const devPos = settings.pos && pos ? new Map(devDocs.flatMap((d) => d.words.map((w) => [w, pos(w)] as const))) : undefined;
  const evaluateModel = (model: LinearModel): NerEvaluation =>
    scoreDev(new EntityTagger({ model, gazetteer, settings }), devDocs, devPos ? (w) => devPos.get(w) ?? pos?.(w) ?? [] : undefined);
  const result = fit(perceptron, prepared, { maxEpochs: config.maxEpochs, patience: config.patience, seed: config.seed }, {
    learn: (doc) => {
      const history = settings.history ? NerFeaturizer.newHistory() : undefined;
      for (const s of doc.sentences) {
        const n = s.prepared.length;
        const out = n <= guesses.length ? guesses.subarray(0, n) : new Uint8Array(n);
        let prev = 0;
        let prev2 = 0;
        for (let i = 0; i < n; i++) {
          const buf = featurizer.features(s.prepared, i, prev, prev2, history);
          perceptron.score(buf, scores);
          const guess = argmax(scores, C);
          let truth = s.labels[i] as number;
          if (truth === NOT_NAME) truth = O_OR_MISC[guess] ? guess : argmax(scores, C, (c) => O_OR_MISC[c] === true);
          if (truth !== UNKNOWN) perceptron.update(buf, truth, guess);
          perceptron.tick();
          out[i] = guess;
          prev2 = prev;
          prev = historyFrom === 'gold' && truth !== UNKNOWN ? truth : guess;
        }
        if (history) NerFeaturizer.remember(history, s.prepared, out);
      }
    },
    evaluate: (model) => evaluateModel(model).overall.f1,
    log,
  });
  return { model: result.model, bestEpoch: result.bestEpoch, devScores: result.devScores, dev: evaluateModel(result.model) };
}

/** The model file's content for trained weights. */
export function nerModelContent(
  model: LinearModel,
  settings: NerFeatureSettings,
  gazetteerTable: { keys: string; flags: string } | undefined,
  meta: { data?: ModelContent['data']; settings?: Record<string, unknown>; scores?: Record<string, unknown> } = {},
): ModelContent {
  return {
    kind: NER_MODEL_KIND,
    templates: NER_TEMPLATES_HASH,
    data: meta.data ?? [],
    settings: { features: settings, ...meta.settings },
    scores: meta.scores ?? {},
    tables: settings.gazetteer && gazetteerTable ? { gazetteer: gazetteerTable } : {},
    sections: [{ name: 'ner', labels: BILOU_LABELS, model }],
  };
}

/** Trains the NER tagger, writes the model file, returns its scores; undefined (with a printed reason) when the data is absent. */
export function trainNer(options: TrainNerOptions = {}): NerTrainResult | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  const files = nerDataFiles(dataRoot);
  const sources = { conll: true, wikigold: true, gum: true, ...options.sources };
  if (!fs.existsSync(files.conllTrain) || !fs.existsSync(files.conllDev)) {
    log(`ner: skipped, no CoNLL-2003 data under ${dataRoot}`);
    return undefined;
  }
  const posTagging = options.pos === 'shipped' ? shippedTagger(log) : options.pos === 'none' || options.pos === undefined ? undefined : options.pos;
  const settings: NerFeatureSettings = { ...DEFAULT_NER_FEATURES, pos: posTagging !== undefined, ...options.features };
  const seed = options.seed ?? 1;
  const gumUnknown = options.gumUnknown ?? 'O-or-MISC';
  const historyFrom = options.history ?? 'gold';

  // data
  const train: NerDocument[] = [];
  const dataFiles: string[] = [];
  const counts: Record<string, unknown> = {};
  const add = (name: string, docs: NerDocument[], file: string): void => {
    const kept = docs.filter((_, i) => i % (options.every ?? 1) === 0);
    train.push(...kept);
    dataFiles.push(file);
    counts[name] = { documents: kept.length, sentences: kept.reduce((n, d) => n + d.sentences.length, 0), spans: kept.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.spans.length, 0), 0) };
  };
  if (sources.conll) add('conll2003', readConll2003(files.conllTrain), files.conllTrain);
  if (sources.wikigold && fs.existsSync(files.wikigold)) add('wikigold', readWikiGold(files.wikigold), files.wikigold);
  let gumStats: GumConversionStats | undefined;
  if (sources.gum && fs.existsSync(files.gum)) {
    gumStats = newGumStats();
    add('gum', readGumNer(dataRoot, gumStats), files.gum);
    dataFiles.push(files.gumDocs);
  }
  const dev = readConll2003(files.conllDev, 'corpus');
  dataFiles.push(files.conllDev);

  // gazetteer
  const petrarchDir = path.resolve(dataRoot, '..', 'lexicons', 'petrarch2');
  const usePetrarch = (options.petrarch ?? true) && fs.existsSync(petrarchDir);
  const gazetteerTable = settings.gazetteer
    ? encodeGazetteer(buildGazetteer({ projectDir: path.join(__dirname, '..', '..', 'entities', 'data'), petrarchDir: usePetrarch ? petrarchDir : undefined }).entries)
    : undefined;
  const gazetteer = gazetteerTable ? decodeGazetteer(gazetteerTable, 'gazetteer') : undefined;
  if (usePetrarch) for (const f of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) dataFiles.push(path.join(petrarchDir, f));

  const pos = settings.pos ? posTagging : undefined;
  if (settings.pos && !pos) throw new Error('trainNer: POS features need a tagger');
  const minCount = options.minCount ?? 1;
  const maxEpochs = options.maxEpochs ?? 30;
  const patience = options.patience ?? 4;
  const result = fitNer(train, dev, { settings, gazetteer, seed, maxEpochs, patience, minCount, gumUnknown, history: historyFrom, ...(pos ? { pos } : {}), log });
  const devEval = result.dev;
  log(`ner: dev (CoNLL-2003 testa), best epoch ${result.bestEpoch}\n${formatEvaluation(devEval)}`);
  const seconds = (Date.now() - started) / 1000;

  const data = { ...counts, ...(gumStats ? { gumConversion: gumStats } : {}) };
  let file: string | undefined;
  let bytes: number | undefined;
  if (options.write ?? true) {
    file = options.out ?? path.join(MODELS_DIR, 'ner.bin');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const root = path.resolve(dataRoot, '..');
    writeModelFile(
      file,
      nerModelContent(result.model, settings, gazetteerTable, {
        data: dataFiles.map((f) => ({ file: path.relative(root, f), sha256: fileSha256(f) })),
        settings: { seed, maxEpochs, patience, minCount, sources, gumUnknown, history: historyFrom, petrarch: usePetrarch, every: options.every ?? 1, bestEpoch: result.bestEpoch },
        scores: { conll2003Dev: roundEvaluation(devEval), devByEpoch: result.devScores.map((x) => Number(x.toFixed(2))), data },
      }),
    );
    bytes = fs.statSync(file).size;
    log(`ner: wrote ${file} (${(bytes / 1e6).toFixed(2)} MB, ${result.model.rows} features) in ${seconds.toFixed(0)} s`);
  }
  return { file, dev: devEval, bestEpoch: result.bestEpoch, devScores: result.devScores, seconds, rows: result.model.rows, bytes, data };
}

/** The shipped POS tagger (models/tagger.bin), or undefined when it is not there. */
export function shippedTagger(log?: (line: string) => void): PosTagging | undefined {
  const file = defaultTaggerFile();
  if (!fs.existsSync(file)) {
    log?.(`ner: no ${file}: training without POS features`);
    return undefined;
  }
  const tagger = Tagger.load(file);
  return (words) => tagger.tag(words);
}

function roundEvaluation(e: NerEvaluation): Record<string, unknown> {
  const r = (s: TypeScore): Record<string, number> => ({ p: Number(s.precision.toFixed(2)), r: Number(s.recall.toFixed(2)), f1: Number(s.f1.toFixed(2)), gold: s.gold });
  return { all: r(e.overall), ...Object.fromEntries(ENTITY_TYPES.map((t) => [t, r(e.types[t] as TypeScore)])) };
}


export interface NerEvalReport {
  /** CoNLL-2003 dev (testa), exact span and type; undefined when the data is absent. */
  readonly conll2003Dev: NerEvaluation | undefined;
  /** ../shared/eval/gum through the run-time path; undefined when the file is absent. */
  readonly gum: GumNerEvaluation | undefined;
}

/** Scores a model file (the shipped one by default) on CoNLL-2003 dev and the GUM eval documents. */
export function evaluateNerModel(options: { dataRoot?: string; model?: string; pos?: PosTagging } = {}): NerEvalReport {
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  const tagger = options.model ? EntityTagger.load(options.model) : EntityTagger.load();
  const dev = nerDataFiles(dataRoot).conllDev;
  const gum = gumEvalFile(dataRoot);
  return {
    conll2003Dev: fs.existsSync(dev) ? evaluateNer(tagger, readConll2003(dev, 'corpus'), options.pos) : undefined,
    gum: fs.existsSync(gum) ? evaluateNerOnGum(tagger, gum, { isCountry: countryNames(), ...(options.pos ? { pos: options.pos } : {}) }) : undefined,
  };
}

// `npx ts-node src/syntax/train/ner.ts [model file]`: trains (models/ner.bin by default), then
// prints the CoNLL-2003 dev and GUM eval figures of the written file.
if (require.main === module) {
  const out = process.argv[2];
  const trained = trainNer(out ? { out } : {});
  if (trained?.file) {
    const report = evaluateNerModel({ model: trained.file });
    if (report.conll2003Dev) console.log(`CoNLL-2003 dev (testa), exact span and type:\n${formatEvaluation(report.conll2003Dev)}`);
    if (report.gum) console.log(formatGumEvaluation(report.gum));
  }
}
