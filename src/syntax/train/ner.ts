// Training and evaluation of the NER tagger (src/syntax/ner.ts): CoNLL-2003 train + WikiGold + GUM
// (see ner-data.ts), early stopping on CoNLL-2003 dev (testa), written to models/ner.bin.
// Scores follow conlleval: a predicted span counts only with the exact first word, last word and type.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AveragedPerceptron, FeatureCounter, argmax, fileSha256, fit, writeModelFile, type LinearModel } from '../../learn';
import {
  BILOU_LABELS,
  DEFAULT_NER_FEATURES,
  EntityTagger,
  ENTITY_TYPES,
  Gazetteer,
  NER_MODEL_KIND,
  NER_TEMPLATES_HASH,
  NerFeaturizer,
  bilouToSpans,
  encodeGazetteer,
  labelId,
  spansToBilou,
  type EntitySpan,
  type NerFeatureSettings,
  type PreparedSentence,
} from '../ner';
import { nerDataFiles, readConll2003, readGumNer, readWikiGold, newGumStats, type GumConversionStats, type NerDocument, type NerSentence } from './ner-data';
import { buildGazetteer } from './ner-gazetteer';

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
  /** GUM words of unknown label: no update ('skip', the default) or taught as O ('O'). */
  readonly gumUnknown?: 'skip' | 'O';
  /** Use PETRARCH actor names in the gazetteer (when ../shared/lexicons/petrarch2 is there). */
  readonly petrarch?: boolean;
  /** Train on every n-th training document only (development runs). */
  readonly every?: number;
  /** Previous-label features from the gold labels (teacher forcing, default) or from the model's guesses. */
  readonly history?: 'gold' | 'guess';
  readonly pos?: PosTagging;
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

function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
}

export function defaultNerDataRoot(): string {
  return path.resolve(packageRoot(), '..', 'shared', 'train');
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

/** The tagger's spans on documents (document context as at run time). */
export function evaluateNer(tagger: EntityTagger, docs: readonly NerDocument[], pos?: PosTagging): NerEvaluation {
  const gold: EntitySpan[][] = [];
  const predicted: EntitySpan[][] = [];
  for (const d of docs) {
    const words = d.sentences.map((s) => s.words);
    const tags = tagger.usesPos && pos ? words.map((w) => pos(w)) : undefined;
    const spans = tagger.spansOfDocument(words, tags);
    d.sentences.forEach((s, i) => {
      gold.push([...s.spans]);
      predicted.push(spans[i] ?? []);
    });
  }
  return scoreSpans(gold, predicted);
}

export function formatEvaluation(e: NerEvaluation): string {
  const row = (name: string, s: TypeScore): string => `${name.padEnd(5)} P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} F1 ${s.f1.toFixed(2)} (gold ${s.gold}, predicted ${s.predicted})`;
  return [row('all', e.overall), ...ENTITY_TYPES.map((t) => row(t, e.types[t] as TypeScore))].join('\n');
}

interface TrainSentence {
  readonly prepared: PreparedSentence;
  readonly labels: Uint8Array;
  /** 255 where the label is unknown. */
}

interface TrainDocument {
  readonly sentences: readonly TrainSentence[];
}

const UNKNOWN = 255;

function labelsOf(s: NerSentence, gumUnknown: 'skip' | 'O'): Uint8Array {
  const tags = spansToBilou(s.words.length, s.spans);
  const labels = Uint8Array.from(tags, labelId);
  if (s.unknown && gumUnknown === 'skip') s.unknown.forEach((u, i) => (u ? (labels[i] = UNKNOWN) : 0));
  return labels;
}

/** Trains the NER tagger, writes the model file, returns its scores; undefined (with a printed reason) when the data is absent. */
export function trainNer(options: TrainNerOptions = {}): NerTrainResult | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  const dataRoot = options.dataRoot ?? defaultNerDataRoot();
  const files = nerDataFiles(dataRoot);
  const sources = { conll: true, wikigold: true, gum: true, ...options.sources };
  if (!fs.existsSync(files.conllTrain) || !fs.existsSync(files.conllDev)) {
    log(`ner: skipped, no CoNLL-2003 data under ${dataRoot}`);
    return undefined;
  }
  const settings: NerFeatureSettings = { ...DEFAULT_NER_FEATURES, ...(options.pos ? {} : { pos: false }), ...options.features };
  const seed = options.seed ?? 1;
  const gumUnknown = options.gumUnknown ?? 'skip';
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
  const dev = readConll2003(files.conllDev);
  dataFiles.push(files.conllDev);

  // gazetteer
  const petrarchDir = path.resolve(dataRoot, '..', 'lexicons', 'petrarch2');
  const usePetrarch = (options.petrarch ?? true) && fs.existsSync(petrarchDir);
  const gazetteerTable = settings.gazetteer
    ? encodeGazetteer(buildGazetteer({ projectDir: path.join(packageRoot(), 'src', 'entities', 'data'), petrarchDir: usePetrarch ? petrarchDir : undefined }).entries)
    : undefined;
  const gazetteer = gazetteerTable ? gazetteerFromTable(gazetteerTable) : undefined;
  if (usePetrarch) for (const f of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt']) dataFiles.push(path.join(petrarchDir, f));

  // prepared training documents
  const featurizer = new NerFeaturizer(settings, gazetteer);
  const pos = settings.pos ? options.pos : undefined;
  const prepared: TrainDocument[] = train.map((d) => {
    const words = d.sentences.map((s) => s.words);
    const ps = featurizer.prepareDocument(words, pos ? words.map((w) => pos(w)) : undefined);
    return { sentences: d.sentences.map((s, i) => ({ prepared: ps[i] as PreparedSentence, labels: labelsOf(s, gumUnknown) })) };
  });
  const tokens = prepared.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.prepared.length, 0), 0);
  log(`ner: ${train.length} training documents, ${tokens} words (${JSON.stringify(counts)}), dev ${dev.length} documents; prepared in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // vocabulary: features seen at least minCount times with gold context
  const minCount = options.minCount ?? 1;
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
          prev = l === UNKNOWN ? 0 : l;
        }
        if (history) NerFeaturizer.remember(history, s.prepared, s.labels.map((l) => (l === UNKNOWN ? 0 : l)));
      }
    }
    vocabulary = counter.frequent(minCount);
    log(`ner: ${vocabulary.size} of ${counter.size} features seen at least ${minCount} times`);
  }

  const C = BILOU_LABELS.length;
  const perceptron = new AveragedPerceptron(C, vocabulary);
  const scores = new Float64Array(C);
  const guesses = new Uint8Array(1024);
  const devWords = dev.map((d) => d.sentences.map((s) => s.words));
  const devPos = pos ? devWords.map((doc) => doc.map((w) => pos(w))) : undefined;
  const devGold = dev.flatMap((d) => d.sentences.map((s) => s.spans));
  const evaluateModel = (model: LinearModel): NerEvaluation => {
    const tagger = new EntityTagger({ model, gazetteer, settings });
    const predicted = devWords.flatMap((doc, i) => tagger.spansOfDocument(doc, devPos?.[i]));
    return scoreSpans(devGold, predicted);
  };
  const result = fit(perceptron, prepared, { maxEpochs: options.maxEpochs ?? 30, patience: options.patience ?? 4, seed }, {
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
          const truth = s.labels[i] as number;
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
  const devEval = evaluateModel(result.model);
  log(`ner: dev (CoNLL-2003 testa), best epoch ${result.bestEpoch}\n${formatEvaluation(devEval)}`);
  const seconds = (Date.now() - started) / 1000;

  const data = { ...counts, ...(gumStats ? { gumConversion: gumStats } : {}) };
  let file: string | undefined;
  let bytes: number | undefined;
  if (options.write ?? true) {
    file = options.out ?? path.join(packageRoot(), 'models', 'ner.bin');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const root = path.resolve(dataRoot, '..');
    writeModelFile(file, {
      kind: NER_MODEL_KIND,
      templates: NER_TEMPLATES_HASH,
      data: dataFiles.map((f) => ({ file: path.relative(root, f), sha256: fileSha256(f) })),
      settings: {
        features: settings,
        seed,
        maxEpochs: options.maxEpochs ?? 30,
        patience: options.patience ?? 4,
        minCount,
        sources,
        gumUnknown,
        history: historyFrom,
        petrarch: usePetrarch,
        every: options.every ?? 1,
        bestEpoch: result.bestEpoch,
      },
      scores: { conll2003Dev: roundEvaluation(devEval), devByEpoch: result.devScores.map((s) => Number(s.toFixed(2))), data },
      tables: gazetteerTable ? { gazetteer: gazetteerTable } : {},
      sections: [{ name: 'ner', labels: BILOU_LABELS, model: result.model }],
    });
    bytes = fs.statSync(file).size;
    log(`ner: wrote ${file} (${(bytes / 1e6).toFixed(2)} MB, ${result.model.rows} features) in ${seconds.toFixed(0)} s`);
  }
  return { file, dev: devEval, bestEpoch: result.bestEpoch, devScores: result.devScores, seconds, rows: result.model.rows, bytes, data };
}

function roundEvaluation(e: NerEvaluation): Record<string, unknown> {
  const r = (s: TypeScore): Record<string, number> => ({ p: Number(s.precision.toFixed(2)), r: Number(s.recall.toFixed(2)), f1: Number(s.f1.toFixed(2)), gold: s.gold });
  return { all: r(e.overall), ...Object.fromEntries(ENTITY_TYPES.map((t) => [t, r(e.types[t] as TypeScore)])) };
}

function gazetteerFromTable(table: { keys: string; flags: string }): Gazetteer {
  const kb = Buffer.from(table.keys, 'base64');
  const fb = Buffer.from(table.flags, 'base64');
  const keys = new Uint32Array(kb.length / 4);
  Buffer.from(keys.buffer).set(kb);
  const flags = new Uint16Array(fb.length / 2);
  Buffer.from(flags.buffer).set(fb);
  return new Gazetteer(keys, flags);
}
