// How well wink-nlp's POS (through src/nlp annotate(), the only way newsgraph reaches wink) agrees
// with a UD treebank's UPOS. Each sentence's surface text is rebuilt from its tokens (multiword
// token forms, SpaceAfter=No), annotated alone, and wink's tokens are aligned to the treebank's
// words by character offsets. Accuracy counts the words aligned 1:1; the others are counted by
// why they could not be aligned (wink keeps a hyphenated compound whole, splits "U.S." …).
import * as path from 'node:path';
import { annotate } from '../../nlp';
import type { Token } from '../../types';
import { readConllu, miscValue, type UdSentence } from './conllu';
import { Tagger } from '../tagger';
import { modelWords, tokenWords, type ModelWordOptions } from '../words';
import { taggerAccuracy } from './tagger';
import { defaultDataRoot, missingTreebanks, modelSentence, treebank, treebankPieces, TREEBANK_FILES } from './treebanks';

/** A surface token of a UD sentence: its character span in the rebuilt text and the words it holds. */
export interface SurfaceToken {
  readonly form: string;
  readonly start: number;
  readonly end: number;
  /** 0-based indices into the sentence's words, first … last inclusive. */
  readonly firstWord: number;
  readonly lastWord: number;
}

/** The sentence's surface text as its tokens and SpaceAfter=No give it, with each token's span. */
export function surfaceText(sentence: UdSentence): { text: string; tokens: SurfaceToken[] } {
  const multiwordAt = new Map<number, UdSentence["multiwords"][number]>();
  for (const m of sentence.multiwords) multiwordAt.set(m.first, m);
  const tokens: SurfaceToken[] = [];
  let text = '';
  const words = sentence.words;
  for (let i = 0; i < words.length; ) {
    const w = words[i] as (typeof words)[number];
    const m = multiwordAt.get(w.id);
    let form = w.form;
    let misc = w.misc;
    let last = i;
    if (m) {
      form = m.form;
      misc = m.misc;
      last = i + (m.last - m.first);
    }
    const start = text.length;
    text += form;
    tokens.push({ form, start, end: text.length, firstWord: i, lastWord: last });
    if (miscValue(misc, 'SpaceAfter') !== 'No') text += ' ';
    i = last + 1;
  }
  return { text: text.trimEnd(), tokens };
}

export type AlignmentStatus = 'aligned' | 'merged' | 'split' | 'multiword';

/**
 * For each UD word, the index of the wink token aligned 1:1 with it, or -1. A word is aligned when
 * its surface token is exactly one wink token, or when its multiword token is exactly as many wink
 * tokens as it has words (then in order). `status` says why the others are not.
 */
export function alignTokens(surface: readonly SurfaceToken[], wordCount: number, wink: readonly { start: number; end: number }[]): { token: Int32Array; status: AlignmentStatus[] } {
  const token = new Int32Array(wordCount).fill(-1);
  const status: AlignmentStatus[] = new Array<AlignmentStatus>(wordCount).fill('merged');
  let k = 0;
  for (const s of surface) {
    while (k < wink.length && (wink[k] as { end: number }).end <= s.start) k++;
    // the wink tokens that overlap this surface token
    let j = k;
    const inside: number[] = [];
    let crosses = false;
    while (j < wink.length && (wink[j] as { start: number }).start < s.end) {
      const t = wink[j] as { start: number; end: number };
      if (t.start < s.start || t.end > s.end) crosses = true;
      inside.push(j);
      j++;
    }
    const words = s.lastWord - s.firstWord + 1;
    let why: AlignmentStatus;
    if (crosses || inside.length === 0) why = 'merged';
    else if (inside.length === words) why = 'aligned';
    else if (words === 1) why = 'split';
    else why = 'multiword';
    for (let w = s.firstWord; w <= s.lastWord; w++) {
      status[w] = why;
      if (why === 'aligned') token[w] = inside[w - s.firstWord] as number;
    }
  }
  return { token, status };
}

/** A coarse reason for a word that could not be aligned, from the text around it. */
export function unalignedReason(status: AlignmentStatus, span: string): string {
  if (/^(https?:|www\.)|\.(com|org|net|edu|gov)\b|@\w/i.test(span)) return `${status}: url/email`;
  if (/[:;=8][-o^']?[()[\]DPp|/\\]|<3|\^_\^/.test(span) && !/\w{2}/.test(span.replace(/[:;=][-o^']?[DPp]\b/g, ''))) return `${status}: emoticon`;
  if (/^([A-Za-z]\.)+[A-Za-z]?\.?$/.test(span) || /^[A-Z][a-z]{0,3}\.$/.test(span)) return `${status}: abbreviation with periods`;
  if (/[A-Za-z0-9]-[A-Za-z0-9]/.test(span) || /^-|-$/.test(span)) return `${status}: hyphen`;
  if (/['’]/.test(span)) return `${status}: apostrophe/contraction`;
  if (/\d/.test(span)) return `${status}: number/time/money`;
  if (/[A-Za-z0-9]\/[A-Za-z0-9]/.test(span)) return `${status}: slash`;
  if (/^[^\w\s]+$/.test(span)) return `${status}: punctuation run`;
  return `${status}: other`;
}

export interface WinkPosReport {
  readonly file: string;
  readonly sentences: number;
  readonly words: number;
  readonly aligned: number;
  /** Correct UPOS among the aligned words. */
  readonly correct: number;
  /** correct / aligned, percent. */
  readonly accuracy: number;
  /** correct / words (unaligned words counted wrong), percent. */
  readonly accuracyAllWords: number;
  /** Unaligned words by reason, most frequent first, with a few examples each. */
  readonly unaligned: readonly { reason: string; words: number; examples: string[] }[];
  /** Most frequent gold → wink confusions among aligned words. */
  readonly confusions: readonly { gold: string; wink: string; count: number }[];
  readonly seconds: number;
}

/** wink's UPOS accuracy on one CoNLL-U file (default: EWT test under the data root). */
export function measureWinkPos(options: { file?: string; dataRoot?: string; log?: (line: string) => void } = {}): WinkPosReport {
  const file = options.file ?? path.join(options.dataRoot ?? defaultDataRoot(), 'ud-english-ewt', 'en_ewt-ud-test.conllu');
  const sentences = readConllu(file);
  const started = Date.now();
  let words = 0;
  let aligned = 0;
  let correct = 0;
  const reasons = new Map<string, { words: number; examples: string[] }>();
  const confusions = new Map<string, number>();
  for (const sentence of sentences) {
    const { text, tokens: surface } = surfaceText(sentence);
    const wink: readonly Token[] = annotate({ id: sentence.id, text, origin: file }).tokens;
    const { token, status } = alignTokens(surface, sentence.words.length, wink);
    words += sentence.words.length;
    for (const s of surface) {
      for (let w = s.firstWord; w <= s.lastWord; w++) {
        const gold = (sentence.words[w] as { upos: string }).upos;
        const t = token[w] as number;
        if (t >= 0) {
          aligned++;
          const predicted = (wink[t] as Token).pos;
          if (predicted === gold) correct++;
          else confusions.set(`${gold}\t${predicted}`, (confusions.get(`${gold}\t${predicted}`) ?? 0) + 1);
          continue;
        }
        // the text of the wink tokens and UD tokens involved: widen to whole wink tokens
        let from = s.start;
        let to = s.end;
        for (const k of wink) if (k.start < s.end && k.end > s.start) ((from = Math.min(from, k.start)), (to = Math.max(to, k.end)));
        const span = text.slice(from, to);
        const reason = unalignedReason(status[w] as AlignmentStatus, span);
        const entry = reasons.get(reason) ?? { words: 0, examples: [] };
        entry.words++;
        const shown = `${span} [${wink.filter((k) => k.start < to && k.end > from).map((k) => k.value).join(' ')}]`;
        if (entry.examples.length < 8 && !entry.examples.includes(shown)) entry.examples.push(shown);
        reasons.set(reason, entry);
      }
    }
    if (options.log && sentences.indexOf(sentence) % 500 === 499) options.log(`  wink: ${words} words`);
  }
  const byCount = <T extends { words: number } | { count: number }>(a: T, b: T, ka: string, kb: string): number => {
    const na = 'words' in a ? a.words : a.count;
    const nb = 'words' in b ? b.words : b.count;
    return nb - na || (ka < kb ? -1 : ka > kb ? 1 : 0);
  };
  return {
    file,
    sentences: sentences.length,
    words,
    aligned,
    correct,
    accuracy: (100 * correct) / Math.max(1, aligned),
    accuracyAllWords: (100 * correct) / Math.max(1, words),
    unaligned: [...reasons].map(([reason, e]) => ({ reason, ...e })).sort((a, b) => byCount(a, b, a.reason, b.reason)),
    confusions: [...confusions]
      .map(([k, count]) => {
        const [gold = '', wink = ''] = k.split('\t');
        return { gold, wink, count };
      })
      .sort((a, b) => byCount(a, b, a.gold + a.wink, b.gold + b.wink))
      .slice(0, 15),
    seconds: (Date.now() - started) / 1000,
  };
}

/** The report as printed lines. */
export function formatWinkPos(r: WinkPosReport): string[] {
  const pct = (n: number): string => `${((100 * n) / Math.max(1, r.words)).toFixed(2)}%`;
  const lines = [
    `wink-nlp UPOS on ${path.basename(r.file)}: ${r.accuracy.toFixed(2)}% of ${r.aligned} aligned words (${pct(r.aligned)} of ${r.words} words aligned 1:1); ${r.accuracyAllWords.toFixed(2)}% counting unaligned words wrong; ${r.seconds.toFixed(1)} s`,
    `  unaligned words (${r.words - r.aligned}):`,
  ];
  for (const u of r.unaligned) lines.push(`    ${String(u.words).padStart(5)} ${u.reason}: ${u.examples.slice(0, 5).join(' | ')}`);
  lines.push(`  top confusions (gold→wink): ${r.confusions.map((c) => `${c.gold}→${c.wink} ${c.count}`).join(', ')}`);
  return lines;
}


// ---- tags on run-time words ----------------------------------------------------------------

export interface RunTimeTagReport {
  readonly file: string;
  /** Treebank words in the models' convention (modelSentence). */
  readonly words: number;
  /** Of those, the ones a run-time word lines up with 1:1 (same span, or in order within a split token). */
  readonly aligned: number;
  readonly correct: number;
  /** correct / words, percent: unaligned words count as wrong. */
  readonly accuracy: number;
}

/** Units of words whose spans overlap, as [goldFrom, goldTo, runFrom, runTo) index ranges. */
function overlapUnits(gold: readonly (readonly [number, number])[], run: readonly (readonly [number, number])[]): [number, number, number, number][] {
  const units: [number, number, number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < gold.length || j < run.length) {
    const gi = i;
    const rj = j;
    let end = Math.max(gold[i]?.[1] ?? -1, run[j]?.[1] ?? -1);
    if (i < gold.length) i++;
    if (j < run.length) j++;
    for (;;) {
      if (i < gold.length && (gold[i] as [number, number])[0] < end) end = Math.max(end, (gold[i++] as [number, number])[1]);
      else if (j < run.length && (run[j] as [number, number])[0] < end) end = Math.max(end, (run[j++] as [number, number])[1]);
      else break;
    }
    units.push([gi, i, rj, j]);
  }
  return units;
}

/**
 * UPOS accuracy on run-time words: each sentence's surface text goes through annotate() (wink's
 * tokens), then modelWords (or the tokens as they are, `words: 'tokens'`), then the tagger (or
 * wink's own POS); gold is the treebank in the same convention (modelSentence), aligned by spans.
 */
export function measureRunTimeTags(options: { file: string; tagger: Tagger | 'wink'; words: ModelWordOptions | 'tokens' }): RunTimeTagReport {
  const sentences = readConllu(options.file);
  const hyphens = options.words === 'tokens' ? undefined : options.words.hyphens;
  let words = 0;
  let aligned = 0;
  let correct = 0;
  for (const sentence of sentences) {
    const { text, tokens: surface } = surfaceText(sentence);
    const wordSpan = new Array<[number, number]>(sentence.words.length);
    for (const s of surface) for (let w = s.firstWord; w <= s.lastWord; w++) wordSpan[w] = [s.start, s.end];
    const groups = options.words === 'tokens' ? sentence.words.map((_, k) => ({ first: k, last: k })) : modelWords(treebankPieces(sentence), { split: false, ...(hyphens ? { hyphens } : {}) });
    const goldSentence = options.words === 'tokens' ? sentence : modelSentence(sentence, hyphens ? { hyphens } : {});
    const gold = groups.map((g): [number, number] => [(wordSpan[g.first] as [number, number])[0], (wordSpan[g.last] as [number, number])[1]]);
    const tokens = annotate({ id: sentence.id, text, origin: options.file }).tokens;
    const run = options.words === 'tokens' ? tokens.map((t, k) => ({ text: t.value, first: k, last: k })) : tokenWords(tokens, 0, tokens.length - 1, options.words);
    const runSpan = run.map((w): [number, number] => [(tokens[w.first] as Token).start, (tokens[w.last] as Token).end]);
    const tags = options.tagger === 'wink' ? run.map((w) => (tokens[w.first] as Token).pos) : options.tagger.tag(run.map((w) => w.text));
    words += gold.length;
    for (const [g0, g1, r0, r1] of overlapUnits(gold, runSpan)) {
      if (g1 - g0 !== r1 - r0) continue;
      for (let k = 0; k < g1 - g0; k++) {
        aligned++;
        if (tags[r0 + k] === (goldSentence.words[g0 + k] as { upos: string }).upos) correct++;
      }
    }
  }
  return { file: options.file, words, aligned, correct, accuracy: (100 * correct) / Math.max(1, words) };
}

export interface PosComparison {
  /** wink's POS on EWT test, words aligned 1:1 (the issue's "measure both on EWT test"). */
  readonly wink: WinkPosReport;
  /** Our tagger, gold (treebank) words: UPOS accuracy, percent. */
  readonly taggerGold: { readonly ewtTest: number; readonly gumTest: number };
  /** Both on run-time words (annotate() → modelWords), unaligned words counted wrong. */
  readonly runTime: {
    readonly ewtTest: { readonly wink: number; readonly tagger: number; readonly taggerOnRawTokens: number };
    readonly gumTest: { readonly wink: number; readonly tagger: number; readonly taggerOnRawTokens: number };
  };
}

/**
 * wink-nlp's POS beside ours (models/tagger.bin by default): on gold words, and on the words the
 * models see at run time. Undefined (with a printed reason) without ../shared.
 */
export function comparePos(options: { dataRoot?: string; tagger?: Tagger; log?: (line: string) => void } = {}): PosComparison | undefined {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const dataRoot = options.dataRoot ?? defaultDataRoot();
  const missing = missingTreebanks(dataRoot);
  if (missing) {
    log(`pos: skipped — ${missing}`);
    return undefined;
  }
  const tagger = options.tagger ?? Tagger.load();
  const file = (split: 'ewtTest' | 'gumTest'): string => path.join(dataRoot, TREEBANK_FILES[split]);
  const runTime = (split: 'ewtTest' | 'gumTest'): { wink: number; tagger: number; taggerOnRawTokens: number } => ({
    wink: measureRunTimeTags({ file: file(split), tagger: 'wink', words: 'tokens' }).accuracy,
    tagger: measureRunTimeTags({ file: file(split), tagger, words: {} }).accuracy,
    taggerOnRawTokens: measureRunTimeTags({ file: file(split), tagger, words: 'tokens' }).accuracy,
  });
  return {
    wink: measureWinkPos({ file: file('ewtTest') }),
    taggerGold: { ewtTest: taggerAccuracy(tagger, treebank(dataRoot, 'ewtTest')), gumTest: taggerAccuracy(tagger, treebank(dataRoot, 'gumTest')) },
    runTime: { ewtTest: runTime('ewtTest'), gumTest: runTime('gumTest') },
  };
}

export function formatPosComparison(c: PosComparison): string[] {
  const f = (x: number): string => x.toFixed(2);
  return [
    ...formatWinkPos(c.wink),
    `our tagger UPOS, gold words: EWT test ${f(c.taggerGold.ewtTest)}, GUM test ${f(c.taggerGold.gumTest)}`,
    `run-time words (annotate → modelWords; unaligned words wrong): EWT test wink ${f(c.runTime.ewtTest.wink)}, ours ${f(c.runTime.ewtTest.tagger)} (on wink's tokens as they are ${f(c.runTime.ewtTest.taggerOnRawTokens)}); ` +
      `GUM test wink ${f(c.runTime.gumTest.wink)}, ours ${f(c.runTime.gumTest.tagger)} (${f(c.runTime.gumTest.taggerOnRawTokens)})`,
  ];
}

if (require.main === module) {
  const file = process.argv[2];
  if (file) for (const line of formatWinkPos(measureWinkPos({ file }))) console.log(line);
  else {
    const c = comparePos();
    if (c) for (const line of formatPosComparison(c)) console.log(line);
  }
}
