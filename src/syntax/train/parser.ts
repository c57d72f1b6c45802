// Training and evaluation of the dependency parser (src/syntax/parser.ts).
//
// Data: UD English EWT train + GUM train without the shared/eval overlap and without documents
// whose text licence is non-commercial. Early stopping on EWT dev LAS.
// Learning: one averaged perceptron over the labelled moves, trained with the dynamic oracle and
// exploration (Goldberg & Nivre 2012): after the first epoch the parser follows its own
// prediction (with probability `explore`) and learns, at every state, the best-scoring labelled
// move that can still reach the best tree (a wrong label on a right arc costs 1). Training tags
// are jackknifed predictions of our own tagger, so the parser learns from the tag errors it will
// see at run time.
// Non-projective training trees are projectivised by lifting (transitions.ts projectivize) or
// skipped (option); evaluation always scores every sentence.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AveragedPerceptron, FeatureBuffer, fit, LinearModel, writeModelFile, type ModelContent } from '../../learn';
import { classAllowed, classNames, labelOfClass, MOVE_TEMPLATES, moveFeatures, moveOfClass, Parser, PARSER_KIND, ParserLexicon, parserTemplatesHash, parserWordKey, ROOT_LABEL, SentenceIds } from '../parser';
import { ArcHybridState, INVALID, internalHeads, isProjective, LEFT, MOVES, moveCosts, projectivize, RIGHT, SHIFT } from '../transitions';
import { Tagger, UPOS, defaultTaggerFile } from '../tagger';
import { modelForm } from '../words';
import { universalRelation, type UdSentence } from './conllu';
import { jackknifeTags } from './tagger';
import { defaultDataRoot, missingTreebanks, modelSentence, treebank, treebankHashes, type ModelSentenceStats } from './treebanks';
import { MODELS_DIR } from '../../version';

/** A training sentence as integers: ids for the features, gold heads (state convention) and labels. */
interface Example {
  readonly ids: SentenceIds;
  readonly gold: Int32Array;
  /** Label id of each position (1 … n). */
  readonly goldLabels: Int32Array;
}

/**
 * The ambiguity classes of the training words seen at least minCount times: the UPOS tags
 * (treebank, gold) that make up at least 5% of a word's occurrences, as a bit mask over UPOS.
 */
export function buildLexicon(sentences: readonly UdSentence[], minCount = 3): ParserLexicon {
  const counts = new Map<string, Int32Array>();
  for (const s of sentences) {
    for (const w of s.words) {
      const tag = UPOS.indexOf(w.upos as (typeof UPOS)[number]);
      if (tag < 0) continue;
      const key = parserWordKey(w.form);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = new Int32Array(UPOS.length)));
      c[tag] = (c[tag] as number) + 1;
    }
  }
  const ambiguity = new Map<string, number>();
  for (const [key, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const total = c.reduce((a, b) => a + b, 0);
    if (total < minCount) continue;
    let mask = 0;
    c.forEach((n, tag) => {
      if (n > 0 && n >= 0.05 * total) mask |= 1 << tag;
    });
    ambiguity.set(key, mask);
  }
  return new ParserLexicon(ambiguity);
}

function toExample(lexicon: ParserLexicon, words: readonly string[], tags: readonly string[], heads: ArrayLike<number>, labels: readonly number[]): Example {
  const ids = new SentenceIds(lexicon, words.length);
  ids.fill(words, tags);
  const goldLabels = new Int32Array(words.length + 2).fill(-1);
  for (let i = 0; i < labels.length; i++) goldLabels[i + 1] = labels[i] as number;
  return { ids, gold: internalHeads(heads), goldLabels };
}

/** Counts features in a typed-array hash table (a Map would hit its size limit here). */
class FeatureTally {
  private keys = new Uint32Array(1 << 20);
  private counts = new Uint16Array(1 << 20);
  private used = 0;

  add(buf: FeatureBuffer): void {
    for (let i = 0; i < buf.length; i++) this.addOne(buf.values[i] as number);
  }

  private addOne(f: number): void {
    let mask = this.keys.length - 1;
    let s = f & mask;
    for (;;) {
      const k = this.keys[s] as number;
      if (k === f) {
        if ((this.counts[s] as number) < 0xffff) this.counts[s] = (this.counts[s] as number) + 1;
        return;
      }
      if (k === 0) break;
      s = (s + 1) & mask;
    }
    this.keys[s] = f;
    this.counts[s] = 1;
    if (++this.used * 2 > this.keys.length) {
      const oldKeys = this.keys;
      const oldCounts = this.counts;
      this.keys = new Uint32Array(oldKeys.length * 2);
      this.counts = new Uint16Array(oldKeys.length * 2);
      mask = this.keys.length - 1;
      for (let j = 0; j < oldKeys.length; j++) {
        const k = oldKeys[j] as number;
        if (k === 0) continue;
        let t = k & mask;
        while (this.keys[t] !== 0) t = (t + 1) & mask;
        this.keys[t] = k;
        this.counts[t] = oldCounts[j] as number;
      }
    }
  }

  get size(): number {
    return this.used;
  }

  frequent(minCount: number): Set<number> {
    const out = new Set<number>();
    for (let j = 0; j < this.keys.length; j++) if ((this.counts[j] as number) >= minCount) out.add(this.keys[j] as number);
    return out;
  }
}

/** The model without its weights smaller than minWeight in absolute value (rows left empty go too). */
export function pruneWeights(model: LinearModel, minWeight: number): LinearModel {
  const w = model.weights;
  const threshold = minWeight / w.scale;
  const keys: number[] = [];
  const offsets: number[] = [0];
  const classOf: number[] = [];
  const quantised: number[] = [];
  for (let r = 0; r < w.keys.length; r++) {
    const before = classOf.length;
    for (let j = w.offsets[r] as number; j < (w.offsets[r + 1] as number); j++) {
      const q = w.quantised[j] as number;
      if (Math.abs(q) < threshold) continue;
      classOf.push(w.classOf[j] as number);
      quantised.push(q);
    }
    if (classOf.length === before) continue;
    keys.push(w.keys[r] as number);
    offsets.push(classOf.length);
  }
  return new LinearModel({
    classes: w.classes,
    keys: Uint32Array.from(keys),
    offsets: Uint32Array.from(offsets),
    classOf: Uint16Array.from(classOf),
    quantised: Int16Array.from(quantised),
    scale: w.scale,
  });
}

/** The first zero-cost move in a fixed order: the static oracle (reproduces projective trees). */
export function oracleMove(st: ArcHybridState, gold: Int32Array, costs: Int32Array): number {
  moveCosts(st, gold, costs);
  for (const m of [LEFT, RIGHT, SHIFT]) if (costs[m] === 0) return m;
  let best = SHIFT;
  for (const m of [LEFT, RIGHT, SHIFT]) if ((costs[m] as number) < (costs[best] as number)) best = m;
  return best;
}

export interface ParserFitOptions {
  readonly seed?: number;
  readonly maxEpochs?: number;
  readonly patience?: number;
  /** Features seen fewer times than this in the oracle's decisions are dropped. */
  readonly minCount?: number;
  /**
   * Weights smaller than this (in absolute value) are dropped from the shipped model: a smaller
   * file and table (measured at 0.5: 21 → 15 MB, EWT dev LAS −0.06).
   */
  readonly minWeight?: number;
  /** Probability of following the model's own (possibly wrong) move from epoch 2 on. */
  readonly explore?: number;
  /** 'lift' projectivises non-projective training trees, 'skip' leaves them out. */
  readonly nonProjective?: 'lift' | 'skip';
  /** Tags of the training sentences (e.g. jackknifed predictions); gold UPOS when absent. */
  readonly trainTags?: readonly (readonly string[])[];
  /** Tags of the dev sentences (predicted by the shipped tagger); gold UPOS when absent. */
  readonly devTags?: readonly (readonly string[])[];
  readonly log?: (line: string) => void;
}

export interface ParserScores {
  readonly uas: number;
  readonly las: number;
  readonly words: number;
}

export interface FittedParser {
  readonly parser: Parser;
  /** The model file's content (data hashes and test scores are the caller's to add). */
  readonly content: ModelContent;
  readonly dev: ParserScores;
  readonly bestEpoch: number;
  readonly devScores: readonly number[];
  readonly seconds: number;
  readonly trainSentences: number;
  readonly nonProjective: number;
  readonly lifts: number;
  /** Rows (features with a weight) of the model. */
  readonly features: number;
}

/** UAS / LAS (CoNLL 2018: every syntactic word, punctuation included, LAS on the universal relation). */
export function evaluateParser(parser: Parser, sentences: readonly UdSentence[], tags?: readonly (readonly string[])[]): ParserScores {
  let words = 0;
  let uas = 0;
  let las = 0;
  sentences.forEach((s, k) => {
    const forms = s.words.map((w) => modelForm(w.form));
    const sentenceTags = tags?.[k] ?? s.words.map((w) => w.upos);
    const parse = parser.parse(forms, sentenceTags);
    s.words.forEach((w, i) => {
      words++;
      if (parse.heads[i] === w.head) {
        uas++;
        if (universalRelation(parse.labels[i] as string) === universalRelation(w.deprel)) las++;
      }
    });
  });
  return { uas: words ? (100 * uas) / words : 0, las: words ? (100 * las) / words : 0, words };
}

/** The label set of a treebank: every relation, sorted, with root. */
export function labelSetOf(sentences: readonly UdSentence[]): string[] {
  const labels = new Set<string>([ROOT_LABEL]);
  for (const s of sentences) for (const w of s.words) labels.add(w.deprel);
  return [...labels].sort();
}

/**
 * Trains a parser on `train`, stopping early on `dev` LAS (an empty dev keeps the last epoch).
 * Deterministic: the same sentences, tags and options give the same weights.
 */
export function fitParser(train: readonly UdSentence[], dev: readonly UdSentence[], options: ParserFitOptions = {}): FittedParser {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = Date.now();
  const seed = options.seed ?? 1;
  const maxEpochs = options.maxEpochs ?? 24;
  const patience = options.patience ?? 5;
  const minCount = options.minCount ?? 3;
  const explore = options.explore ?? 0.9;
  const minWeight = options.minWeight ?? 0.5;
  const nonProjectiveMode = options.nonProjective ?? 'lift';
  const trainTags = options.trainTags;

  const labelNames = labelSetOf(train);
  const lexicon = buildLexicon(train);
  const labelIndex = new Map(labelNames.map((l, i) => [l, i]));
  const rootLabel = labelIndex.get(ROOT_LABEL) as number;

  let nonProjective = 0;
  let lifts = 0;
  const examples: Example[] = [];
  train.forEach((s, k) => {
    let heads: ArrayLike<number> = s.words.map((w) => w.head);
    if (!isProjective(heads)) {
      nonProjective++;
      if (nonProjectiveMode === 'skip') return;
      const lifted = projectivize(heads);
      heads = lifted.heads;
      lifts += lifted.lifts;
    }
    const tags = trainTags?.[k] ?? s.words.map((w) => w.upos);
    examples.push(toExample(lexicon, s.words.map((w) => w.form), tags, heads, s.words.map((w) => labelIndex.get(w.deprel) as number)));
  });
  log(`parser: ${train.length} training sentences, ${nonProjective} non-projective (${nonProjectiveMode === 'skip' ? 'skipped' : `projectivised by ${lifts} lifts`}), ${labelNames.length} labels`);

  // frequency cutoff: count the features of the static oracle's decisions
  const st = new ArcHybridState(128);
  const costs = new Int32Array(MOVES);
  const buf = new FeatureBuffer(256);
  const tally = new FeatureTally();
  for (const ex of examples) {
    st.reset(ex.ids.n);
    while (!st.isFinal()) {
      moveFeatures(st, ex.ids, buf);
      tally.add(buf);
      const move = oracleMove(st, ex.gold, costs);
      st.apply(move, move === SHIFT ? -1 : (ex.goldLabels[st.s(0)] as number));
    }
  }
  const vocabulary = tally.frequent(minCount);
  log(`parser: ${vocabulary.size} of ${tally.size} features seen ≥ ${minCount} times`);

  const L = labelNames.length;
  const classes = 1 + 2 * L;
  const perceptron = new AveragedPerceptron(classes, vocabulary);
  const scores = new Float64Array(classes);
  const classCost = new Int32Array(classes);

  const devTags = options.devTags;
  let bestDev: ParserScores = { uas: 0, las: 0, words: 0 };
  let bestParser: Parser | undefined;
  let bestScore = -Infinity;
  let epochs = 0;

  /**
   * The cost of each joint class (INVALID when not allowed): the move's cost (dynamic oracle),
   * plus 1 for a wrong label on an arc whose head is right.
   */
  const costsOf = (ex: Example): number => {
    moveCosts(st, ex.gold, costs);
    let min = INVALID;
    const s0 = st.s(0);
    const goldLabel = ex.goldLabels[s0] as number;
    for (let c = 0; c < classes; c++) {
      let cost = INVALID;
      if (classAllowed(st, c, L, rootLabel)) {
        const move = moveOfClass(c, L);
        cost = costs[move] as number;
        if (move !== SHIFT && ex.gold[s0] === st.headOf(move) && labelOfClass(c, L) !== goldLabel) cost++;
      }
      classCost[c] = cost;
      if (cost < min) min = cost;
    }
    return min;
  };

  const learn = (ex: Example, epoch: number, random: () => number): void => {
    const exploring = epoch > 1 && explore > 0;
    st.reset(ex.ids.n);
    while (!st.isFinal()) {
      moveFeatures(st, ex.ids, buf);
      perceptron.score(buf, scores);
      const min = costsOf(ex);
      let guess = -1;
      let truth = -1;
      for (let c = 0; c < classes; c++) {
        const cost = classCost[c] as number;
        if (cost === INVALID) continue;
        if (guess < 0 || (scores[c] as number) > (scores[guess] as number)) guess = c;
        if (cost === min && (truth < 0 || (scores[c] as number) > (scores[truth] as number))) truth = c;
      }
      perceptron.tick();
      if (classCost[guess] !== min) perceptron.update(buf, truth, guess);
      const c = exploring && random() < explore ? guess : truth;
      st.apply(moveOfClass(c, L), labelOfClass(c, L));
    }
  };

  const evaluate = (model: LinearModel): number => {
    const parser = new Parser(model, labelNames, lexicon);
    // without dev sentences every epoch counts as better than the last: the last one is kept
    epochs++;
    const scores = dev.length > 0 ? evaluateParser(parser, dev, devTags) : { uas: 0, las: epochs, words: 0 };
    if (scores.las > bestScore) {
      bestScore = scores.las;
      bestDev = scores;
      bestParser = parser;
    }
    if (dev.length > 0) log(`  dev UAS ${scores.uas.toFixed(2)} LAS ${scores.las.toFixed(2)}`);
    return scores.las;
  };

  const result = fit(perceptron, examples, { maxEpochs, patience, seed }, { learn, evaluate, log });
  if (!bestParser) throw new Error('parser: no epoch was run');
  const model = minWeight > 0 ? pruneWeights(result.model, minWeight) : result.model;
  if (model !== result.model) {
    bestParser = new Parser(model, labelNames, lexicon);
    if (dev.length > 0) {
      bestDev = evaluateParser(bestParser, dev, devTags);
      log(`parser: weights below ${minWeight} dropped: ${result.model.weights.classOf.length} → ${model.weights.classOf.length} weights, dev UAS ${bestDev.uas.toFixed(2)} LAS ${bestDev.las.toFixed(2)}`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const round = (v: number): number => Math.round(v * 100) / 100;
  const content: ModelContent = {
    kind: PARSER_KIND,
    templates: parserTemplatesHash(),
    data: [],
    settings: {
      transitions: 'arc-hybrid, root at the end, dynamic oracle with exploration',
      labels: 'part of the move (SHIFT, LEFT:<rel>, RIGHT:<rel>)',
      seed,
      maxEpochs,
      patience,
      minCount,
      minWeight,
      explore,
      nonProjective: nonProjectiveMode,
      trainSentences: examples.length,
      trainTags: trainTags ? 'predicted' : 'gold UPOS',
      templates: MOVE_TEMPLATES.length,
      bestEpoch: result.bestEpoch,
    },
    scores: dev.length > 0 ? { devUas: round(bestDev.uas), devLas: round(bestDev.las) } : {},
    tables: { ambiguity: lexicon.toTable() },
    sections: [{ name: 'moves', labels: classNames(labelNames), model }],
  };
  return {
    parser: bestParser,
    content,
    dev: bestDev,
    bestEpoch: result.bestEpoch,
    devScores: result.devScores,
    seconds,
    trainSentences: examples.length,
    nonProjective,
    lifts,
    features: model.rows,
  };
}

export interface ParserTrainOptions extends Omit<ParserFitOptions, 'trainTags' | 'devTags'> {
  /** Folder holding ud-english-ewt/ and ud-english-gum/ (default ../shared/train). */
  readonly dataRoot?: string;
  /** Where to write the model (default models/parser.bin); null writes nothing. */
  readonly out?: string | null;
  /**
   * 'predicted' (default): train on jackknifed tags of our tagger, score dev and test with the
   * shipped tagger's tags (models/tagger.bin); 'gold': treebank UPOS everywhere.
   */
  readonly tags?: 'predicted' | 'gold';
  /** Jackknife folds for the training tags (default 10). */
  readonly folds?: number;
  /** Tagger model for dev and test tags (default models/tagger.bin). */
  readonly taggerFile?: string;
  /** Train on every n-th training sentence only (development); 1 = all. */
  readonly subsample?: number;
}

export interface ParserTrainResult extends FittedParser {
  readonly ewtTest: ParserScores;
  readonly gumTest: ParserScores;
  /** Treebank words merged by the models' word convention (modelSentence). */
  readonly merged: number;
  readonly tags: 'predicted' | 'gold';
  readonly file?: string;
  readonly bytes?: number;
}

/**
 * Trains the shipped parser: EWT train + GUM train (no eval overlap, no NC documents) in the
 * models' word convention (modelSentence, as the tagger trains), on jackknifed predicted tags;
 * early stopping on EWT dev LAS with the shipped tagger's tags; writes models/parser.bin; returns
 * the scores (also in the file: EWT dev/test and GUM test, gold tokens, predicted tags).
 * Skips with a printed reason when the data is absent.
 */
export function trainParser(options: ParserTrainOptions = {}): ParserTrainResult | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  const missing = missingTreebanks(dataRoot);
  if (missing) {
    log(`parser: skipped — ${missing}`);
    return undefined;
  }
  const started = Date.now();
  const seed = options.seed ?? 1;
  const every = Math.max(1, options.subsample ?? 1);
  const stats: ModelSentenceStats = { merged: 0, unsplit: 0 };
  const train = [...treebank(dataRoot, 'ewtTrain'), ...treebank(dataRoot, 'gumTrain')].filter((_, i) => i % every === 0).map((s) => modelSentence(s, { stats }));
  const dev = treebank(dataRoot, 'ewtDev');
  const ewtTest = treebank(dataRoot, 'ewtTest');
  const gumTest = treebank(dataRoot, 'gumTest');
  log(`parser: ${train.length} training sentences (EWT train + GUM train without eval overlap or NC text; ${stats.merged} words merged into others by the models' word convention)`);

  let tagsMode = options.tags ?? 'predicted';
  const taggerFile = options.taggerFile ?? defaultTaggerFile();
  if (tagsMode === 'predicted' && !fs.existsSync(taggerFile)) {
    log(`parser: no tagger model at ${taggerFile} (npm run train -- tagger makes it): training and scoring on gold UPOS`);
    tagsMode = 'gold';
  }
  let trainTags: string[][] | undefined;
  let tagger: Tagger | undefined;
  if (tagsMode === 'predicted') {
    trainTags = jackknifeTags(train, options.folds ?? 10, seed, { log });
    tagger = Tagger.load(taggerFile);
  }
  const tagsOf = (sentences: readonly UdSentence[]): string[][] | undefined => tagger && sentences.map((s) => (tagger as Tagger).tag(s.words.map((w) => w.form)));
  const devTags = tagsOf(dev);
  const fitted = fitParser(train, dev, { ...options, seed, log, ...(trainTags ? { trainTags } : {}), ...(devTags ? { devTags } : {}) });
  const ewt = evaluateParser(fitted.parser, ewtTest, tagsOf(ewtTest));
  const gum = evaluateParser(fitted.parser, gumTest, tagsOf(gumTest));
  const round = (v: number): number => Math.round(v * 100) / 100;
  const content: ModelContent = {
    ...fitted.content,
    data: treebankHashes(dataRoot, ['ewtTrain', 'ewtDev', 'gumTrain']),
    settings: { ...fitted.content.settings, subsample: every, tags: tagsMode, folds: tagsMode === 'predicted' ? (options.folds ?? 10) : 0, merged: stats.merged },
    scores: {
      note: `UAS/LAS, percent, gold tokens, ${tagsMode === 'predicted' ? 'tags from models/tagger.bin' : 'gold UPOS'}, punctuation included, LAS on universal relations`,
      ewtDev: { uas: round(fitted.dev.uas), las: round(fitted.dev.las) },
      ewtTest: { uas: round(ewt.uas), las: round(ewt.las) },
      gumTest: { uas: round(gum.uas), las: round(gum.las) },
    },
  };
  const out = options.out === undefined ? path.join(MODELS_DIR, 'parser.bin') : options.out;
  let bytes: number | undefined;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeModelFile(out, content);
    bytes = fs.statSync(out).size;
  }
  const seconds = (Date.now() - started) / 1000;
  log(`parser: EWT dev ${fitted.dev.uas.toFixed(2)} / ${fitted.dev.las.toFixed(2)} (epoch ${fitted.bestEpoch}); EWT test ${ewt.uas.toFixed(2)} / ${ewt.las.toFixed(2)}; GUM test ${gum.uas.toFixed(2)} / ${gum.las.toFixed(2)} (UAS / LAS, ${tagsMode} tags); ${seconds.toFixed(0)} s${out ? `; wrote ${out} (${((bytes ?? 0) / 1e6).toFixed(1)} MB)` : ''}`);
  return { ...fitted, seconds, content, ewtTest: ewt, gumTest: gum, merged: stats.merged, tags: tagsMode, ...(out ? { file: out, bytes } : {}) };
}
