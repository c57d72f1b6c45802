// Training and evaluation of the dependency parser (src/syntax/parser.ts).
//
// Data: UD English EWT train + GUM train without the shared/eval overlap and without documents
// whose text licence is non-commercial. Early stopping on EWT dev LAS.
// Learning: averaged perceptron on the moves, trained with the dynamic oracle and exploration
// (Goldberg & Nivre 2012): after the first epoch the parser follows its own prediction (with
// probability `explore`) and learns, at every state, the best move that can still reach the
// best tree; a second averaged perceptron labels each new arc whose head is right.
// Non-projective training trees are projectivised by lifting (transitions.ts projectivize) or
// skipped (option); evaluation always scores every sentence.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AveragedPerceptron, FeatureBuffer, fileSha256, fit, writeModelFile, type LinearModel, type ModelContent } from '../../learn';
import { LABEL_TEMPLATES, labelFeatures, MOVE_NAMES, MOVE_TEMPLATES, moveFeatures, Parser, PARSER_KIND, parserTemplatesHash, ROOT_LABEL, SentenceIds } from '../parser';
import { ArcHybridState, internalHeads, isProjective, LEFT, MOVES, moveCosts, projectivize, RIGHT, SHIFT } from '../transitions';
import { readConllu, universalRelation, type UdSentence } from './conllu';

/** The repository root: the nearest directory above this file holding package.json. */
function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
}

export function defaultDataRoot(): string {
  return path.resolve(packageRoot(), '..', 'shared', 'train');
}

export const EWT = {
  train: 'ud-english-ewt/en_ewt-ud-train.conllu',
  dev: 'ud-english-ewt/en_ewt-ud-dev.conllu',
  test: 'ud-english-ewt/en_ewt-ud-test.conllu',
};
export const GUM = {
  train: 'ud-english-gum/en_gum-ud-train.no-eval-overlap.conllu',
  dev: 'ud-english-gum/en_gum-ud-dev.conllu',
  test: 'ud-english-gum/en_gum-ud-test.conllu',
  docs: 'ud-english-gum/docs.tsv',
};

/** GUM documents whose text licence is non-commercial (docs.tsv text_licence contains NC). */
export function nonCommercialDocs(dataRoot: string): Set<string> {
  const lines = fs.readFileSync(path.join(dataRoot, GUM.docs), 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const idCol = header.indexOf('doc_id');
  const licenceCol = header.indexOf('text_licence');
  if (idCol < 0 || licenceCol < 0) throw new Error(`${GUM.docs}: no doc_id / text_licence column`);
  const out = new Set<string>();
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (/\bNC\b/.test(cols[licenceCol] ?? '')) out.add(cols[idCol] ?? '');
  }
  return out;
}

/** The parser's training sentences: EWT train + GUM train (no eval overlap, no NC documents). */
export function parserTrainingSentences(dataRoot: string): { sentences: UdSentence[]; files: string[]; gumDropped: number } {
  const ewt = readConllu(path.join(dataRoot, EWT.train));
  const nc = nonCommercialDocs(dataRoot);
  const gumAll = readConllu(path.join(dataRoot, GUM.train));
  const gum = gumAll.filter((s) => !nc.has(s.doc));
  return { sentences: [...ewt, ...gum], files: [EWT.train, GUM.train, GUM.docs], gumDropped: gumAll.length - gum.length };
}

/** A training sentence as integers: ids for the features, gold heads (state convention) and labels. */
interface Example {
  readonly ids: SentenceIds;
  readonly gold: Int32Array;
  /** Label id of each position (1 … n). */
  readonly goldLabels: Int32Array;
}

function toExample(words: readonly string[], tags: readonly string[], heads: ArrayLike<number>, labels: readonly number[]): Example {
  const ids = new SentenceIds(words.length);
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
  readonly moveFeatures: number;
  readonly labelFeatures: number;
}

/** UAS / LAS (CoNLL 2018: every syntactic word, punctuation included, LAS on the universal relation). */
export function evaluateParser(parser: Parser, sentences: readonly UdSentence[], tags?: readonly (readonly string[])[]): ParserScores {
  let words = 0;
  let uas = 0;
  let las = 0;
  sentences.forEach((s, k) => {
    const forms = s.words.map((w) => w.form);
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
  const maxEpochs = options.maxEpochs ?? 20;
  const patience = options.patience ?? 3;
  const minCount = options.minCount ?? 2;
  const explore = options.explore ?? 0.9;
  const nonProjectiveMode = options.nonProjective ?? 'lift';
  const trainTags = options.trainTags;

  const labelNames = labelSetOf(train);
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
    examples.push(toExample(s.words.map((w) => w.form), tags, heads, s.words.map((w) => labelIndex.get(w.deprel) as number)));
  });
  log(`parser: ${train.length} training sentences, ${nonProjective} non-projective (${nonProjectiveMode === 'skip' ? 'skipped' : `projectivised by ${lifts} lifts`}), ${labelNames.length} labels`);

  // frequency cutoff: count the features of the static oracle's decisions
  const st = new ArcHybridState(128);
  const costs = new Int32Array(MOVES);
  const moveBuf = new FeatureBuffer(128);
  const labelBuf = new FeatureBuffer(64);
  const moveTally = new FeatureTally();
  const labelTally = new FeatureTally();
  for (const ex of examples) {
    st.reset(ex.ids.n);
    while (!st.isFinal()) {
      moveFeatures(st, ex.ids, moveBuf);
      moveTally.add(moveBuf);
      const move = oracleMove(st, ex.gold, costs);
      let label = -1;
      if (move !== SHIFT) {
        labelFeatures(st, ex.ids, move, labelBuf);
        labelTally.add(labelBuf);
        label = ex.goldLabels[st.s(0)] as number;
      }
      st.apply(move, label);
    }
  }
  const moveVocabulary = moveTally.frequent(minCount);
  const labelVocabulary = labelTally.frequent(minCount);
  log(`parser: ${moveVocabulary.size} of ${moveTally.size} move features and ${labelVocabulary.size} of ${labelTally.size} label features seen ≥ ${minCount} times`);

  const moves = new AveragedPerceptron(MOVES, moveVocabulary);
  const labeller = new AveragedPerceptron(labelNames.length, labelVocabulary);
  const moveScores = new Float64Array(MOVES);
  const labelScores = new Float64Array(labelNames.length);

  const devTags = options.devTags;
  let bestLabeller: LinearModel | undefined;
  let bestDev: ParserScores = { uas: 0, las: 0, words: 0 };
  let bestParser: Parser | undefined;
  let bestScore = -Infinity;
  let epochs = 0;

  const learn = (ex: Example, epoch: number, random: () => number): void => {
    const exploring = epoch > 1 && explore > 0;
    st.reset(ex.ids.n);
    while (!st.isFinal()) {
      moveFeatures(st, ex.ids, moveBuf);
      moves.score(moveBuf, moveScores);
      moveCosts(st, ex.gold, costs);
      let guess = -1;
      let truth = -1;
      let minCost = Infinity;
      for (let m = 0; m < MOVES; m++) if ((costs[m] as number) < minCost) minCost = costs[m] as number;
      for (let m = 0; m < MOVES; m++) {
        if (!st.isValid(m)) continue;
        if (guess < 0 || (moveScores[m] as number) > (moveScores[guess] as number)) guess = m;
        if (costs[m] === minCost && (truth < 0 || (moveScores[m] as number) > (moveScores[truth] as number))) truth = m;
      }
      moves.tick();
      if (costs[guess] !== minCost) moves.update(moveBuf, truth, guess);
      const move = exploring && random() < explore ? guess : truth;
      let label = -1;
      if (move !== SHIFT) {
        const dependent = st.s(0);
        const head = st.headOf(move);
        if (move === LEFT && head === st.root) label = rootLabel;
        else {
          labelFeatures(st, ex.ids, move, labelBuf);
          labeller.score(labelBuf, labelScores);
          let lguess = -1;
          for (let c = 0; c < labelNames.length; c++) {
            if (c === rootLabel) continue;
            if (lguess < 0 || (labelScores[c] as number) > (labelScores[lguess] as number)) lguess = c;
          }
          label = lguess;
          if (ex.gold[dependent] === head) {
            const goldLabel = ex.goldLabels[dependent] as number;
            labeller.tick();
            labeller.update(labelBuf, goldLabel, lguess);
            if (!exploring) label = goldLabel;
          }
        }
      }
      st.apply(move, label);
    }
  };

  const evaluate = (model: LinearModel): number => {
    const labels = labeller.freeze();
    const parser = new Parser(model, labels, labelNames);
    // without dev sentences every epoch counts as better than the last: the last one is kept
    epochs++;
    const scores = dev.length > 0 ? evaluateParser(parser, dev, devTags) : { uas: 0, las: epochs, words: 0 };
    if (scores.las > bestScore) {
      bestScore = scores.las;
      bestLabeller = labels;
      bestDev = scores;
      bestParser = parser;
    }
    if (dev.length > 0) log(`  dev UAS ${scores.uas.toFixed(2)} LAS ${scores.las.toFixed(2)}`);
    return scores.las;
  };

  const result = fit(moves, examples, { maxEpochs, patience, seed }, { learn, evaluate, log });
  if (!bestLabeller || !bestParser) throw new Error('parser: no epoch was run');
  const seconds = (Date.now() - started) / 1000;
  const round = (v: number): number => Math.round(v * 100) / 100;
  const content: ModelContent = {
    kind: PARSER_KIND,
    templates: parserTemplatesHash(),
    data: [],
    settings: {
      transitions: 'arc-hybrid, root at the end, dynamic oracle with exploration',
      labels: 'second perceptron on each new arc',
      seed,
      maxEpochs,
      patience,
      minCount,
      explore,
      nonProjective: nonProjectiveMode,
      trainSentences: examples.length,
      trainTags: trainTags ? 'predicted' : 'gold UPOS',
      moveTemplates: MOVE_TEMPLATES.length,
      labelTemplates: LABEL_TEMPLATES.length,
      bestEpoch: result.bestEpoch,
    },
    scores: dev.length > 0 ? { devUas: round(bestDev.uas), devLas: round(bestDev.las) } : {},
    tables: {},
    sections: [
      { name: 'moves', labels: MOVE_NAMES, model: result.model },
      { name: 'labels', labels: labelNames, model: bestLabeller },
    ],
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
    moveFeatures: result.model.rows,
    labelFeatures: bestLabeller.rows,
  };
}

export interface ParserTrainOptions extends ParserFitOptions {
  /** Folder holding ud-english-ewt/ and ud-english-gum/ (default ../shared/train). */
  readonly dataRoot?: string;
  /** Where to write the model (default models/parser.bin); null writes nothing. */
  readonly out?: string | null;
  /** Train on the first N training sentences only (development). */
  readonly limit?: number;
}

export interface ParserTrainResult extends FittedParser {
  readonly ewtTest: ParserScores;
  readonly gumTest: ParserScores;
  readonly file?: string;
  readonly bytes?: number;
}

/**
 * Trains the shipped parser: EWT train + GUM train (no eval overlap, no NC documents), early
 * stopping on EWT dev LAS; writes models/parser.bin; returns the scores (also in the file).
 * Skips with a printed reason when the data is absent.
 */
export function trainParser(options: ParserTrainOptions = {}): ParserTrainResult | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  for (const f of [EWT.train, EWT.dev, EWT.test, GUM.train, GUM.test, GUM.docs]) {
    if (!fs.existsSync(path.join(dataRoot, f))) {
      log(`parser: skipped, ${path.join(dataRoot, f)} not found`);
      return undefined;
    }
  }
  const { sentences: all, files, gumDropped } = parserTrainingSentences(dataRoot);
  const train = options.limit !== undefined ? all.slice(0, options.limit) : all;
  log(`parser: EWT train + GUM train (${gumDropped} GUM sentences of NC documents left out)`);
  const dev = readConllu(path.join(dataRoot, EWT.dev));
  const fitted = fitParser(train, dev, { ...options, log });
  const ewtTest = evaluateParser(fitted.parser, readConllu(path.join(dataRoot, EWT.test)));
  const gumTest = evaluateParser(fitted.parser, readConllu(path.join(dataRoot, GUM.test)));
  const round = (v: number): number => Math.round(v * 100) / 100;
  const content: ModelContent = {
    ...fitted.content,
    data: files.map((f) => ({ file: f, sha256: fileSha256(path.join(dataRoot, f)) })),
    scores: {
      ewtDevUas: round(fitted.dev.uas),
      ewtDevLas: round(fitted.dev.las),
      ewtTestUas: round(ewtTest.uas),
      ewtTestLas: round(ewtTest.las),
      gumTestUas: round(gumTest.uas),
      gumTestLas: round(gumTest.las),
    },
  };
  const out = options.out === undefined ? path.join(packageRoot(), 'models', 'parser.bin') : options.out;
  let bytes: number | undefined;
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    writeModelFile(out, content);
    bytes = fs.statSync(out).size;
  }
  log(`parser: dev UAS ${fitted.dev.uas.toFixed(2)} LAS ${fitted.dev.las.toFixed(2)} (epoch ${fitted.bestEpoch}); EWT test ${ewtTest.uas.toFixed(2)} / ${ewtTest.las.toFixed(2)}; GUM test ${gumTest.uas.toFixed(2)} / ${gumTest.las.toFixed(2)}; ${fitted.seconds.toFixed(0)} s${out ? `; wrote ${out} (${((bytes ?? 0) / 1e6).toFixed(1)} MB)` : ''}`);
  return { ...fitted, content, ewtTest, gumTest, ...(out ? { file: out, bytes } : {}) };
}
