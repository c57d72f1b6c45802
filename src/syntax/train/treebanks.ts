// The UD treebanks the syntax models train and score on, read once: EWT train/dev/test and GUM
// train (the split without the documents ../shared/eval/gum scores on, and without documents whose
// text licence is non-commercial), GUM dev/test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileSha256 } from '../../learn/model-file';
import { PACKAGE_ROOT } from '../../version';
import { modelForm, modelWords, type ModelWord, type ModelWordOptions, type Piece } from '../words';
import { miscValue, readConllu, type UdSentence, type UdWord } from './conllu';

/** ../shared/train beside the repository. */
export function defaultDataRoot(): string {
  return path.resolve(PACKAGE_ROOT, '..', 'shared', 'train');
}

export const TREEBANK_FILES = {
  ewtTrain: 'ud-english-ewt/en_ewt-ud-train.conllu',
  ewtDev: 'ud-english-ewt/en_ewt-ud-dev.conllu',
  ewtTest: 'ud-english-ewt/en_ewt-ud-test.conllu',
  gumTrain: 'ud-english-gum/en_gum-ud-train.no-eval-overlap.conllu',
  gumDev: 'ud-english-gum/en_gum-ud-dev.conllu',
  gumTest: 'ud-english-gum/en_gum-ud-test.conllu',
  gumDocs: 'ud-english-gum/docs.tsv',
} as const;
export type TreebankSplit = Exclude<keyof typeof TREEBANK_FILES, 'gumDocs'>;

/** Why the data cannot be used (a line to print), or undefined when every file is there. */
export function missingTreebanks(dataRoot: string): string | undefined {
  for (const file of Object.values(TREEBANK_FILES)) {
    if (!fs.existsSync(path.join(dataRoot, file))) return `${path.join(dataRoot, file)} not found`;
  }
  return undefined;
}

/** GUM documents whose text licence (docs.tsv) is non-commercial: never trained on. */
export function nonCommercialGumDocs(dataRoot: string): Set<string> {
  const docsTsv = path.join(dataRoot, TREEBANK_FILES.gumDocs);
  const lines = fs.readFileSync(docsTsv, 'utf8').split('\n');
  const header = (lines[0] ?? '').split('\t');
  const idCol = header.indexOf('doc_id');
  const licenceCol = header.indexOf('text_licence');
  if (idCol < 0 || licenceCol < 0) throw new Error(`${docsTsv}: no doc_id / text_licence columns`);
  const nc = new Set<string>();
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (/\bNC\b/.test(cols[licenceCol] ?? '')) nc.add(cols[idCol] ?? '');
  }
  return nc;
}

const cache = new Map<string, UdSentence[]>();

/** One split's sentences (GUM train without NC documents); read once per process. */
export function treebank(dataRoot: string, split: TreebankSplit): UdSentence[] {
  const file = path.join(dataRoot, TREEBANK_FILES[split]);
  const known = cache.get(file);
  if (known) return known;
  let sentences = readConllu(file);
  if (split === 'gumTrain') {
    const nc = nonCommercialGumDocs(dataRoot);
    sentences = sentences.filter((s) => !nc.has(s.doc));
  }
  cache.set(file, sentences);
  return sentences;
}

/** The training files and their SHA-256, for a model file's header. */
export function treebankHashes(dataRoot: string, splits: readonly TreebankSplit[]): { file: string; sha256: string }[] {
  const files: string[] = splits.map((s) => TREEBANK_FILES[s]);
  if (splits.includes('gumTrain')) files.push(TREEBANK_FILES.gumDocs);
  return files.map((file) => ({ file, sha256: fileSha256(path.join(dataRoot, file)) }));
}

/** A treebank sentence's words as pieces for modelWords: a space before each word that begins a spaced surface token. */
export function treebankPieces(sentence: UdSentence): Piece[] {
  const inMultiword = new Int32Array(sentence.words.length + 2).fill(-1);
  sentence.multiwords.forEach((m, k) => {
    for (let id = m.first; id <= m.last; id++) inMultiword[id] = k;
  });
  const pieces: Piece[] = [];
  let spaceBefore = true;
  for (const w of sentence.words) {
    const k = inMultiword[w.id] as number;
    const m = k >= 0 ? sentence.multiwords[k] : undefined;
    const insideMultiword = m !== undefined && w.id > m.first;
    pieces.push({ text: w.form, spaceBefore: insideMultiword ? false : spaceBefore });
    // the space after a multiword token is on its own line
    const misc = m ? (w.id === m.last ? m.misc : '_') : w.misc;
    spaceBefore = !m || w.id === m.last ? miscValue(misc, 'SpaceAfter') !== 'No' : false;
  }
  return pieces;
}

export interface ModelSentenceStats {
  /** Treebank words merged into another (each merged group counts its words beyond the first). */
  merged: number;
  /** Treebank words the split rules would split (kept whole: their parts have no labels). */
  unsplit: number;
}

/**
 * A treebank sentence in the models' word convention (src/syntax/words.ts modelWords, merges only:
 * treebank words already follow UD): words that modelWords merges become one word with the labels
 * of the group's word nearest the root, heads renumbered; forms straightened (modelForm).
 */
export function modelSentence(sentence: UdSentence, options: { stats?: ModelSentenceStats; hyphens?: ModelWordOptions['hyphens'] } = {}): UdSentence {
  const stats = options.stats;
  const pieces = treebankPieces(sentence);
  const words = modelWords(pieces, { split: false, ...(options.hyphens ? { hyphens: options.hyphens } : {}) });
  if (stats) {
    for (const w of modelWords(pieces, { merge: false })) if (w.text !== modelForm((pieces[w.first] as Piece).text)) stats.unsplit++;
  }
  if (words.length === sentence.words.length) {
    const same = words.every((w, i) => w.text === (sentence.words[i] as UdWord).form);
    if (same) return sentence;
    return { ...sentence, words: sentence.words.map((w, i) => ({ ...w, form: (words[i] as ModelWord).text })) };
  }
  if (stats) stats.merged += sentence.words.length - words.length;
  const groupOf = new Int32Array(sentence.words.length);
  words.forEach((w, g) => groupOf.fill(g, w.first, w.last + 1));
  const depth = (i: number): number => {
    let d = 0;
    for (let h = (sentence.words[i] as UdWord).head; h > 0 && d <= sentence.words.length; h = (sentence.words[h - 1] as UdWord).head) d++;
    return d;
  };
  const merged: UdWord[] = words.map((w, g) => {
    let top = w.first;
    for (let i = w.first + 1; i <= w.last; i++) if (depth(i) < depth(top)) top = i;
    const t = sentence.words[top] as UdWord;
    const lemma = sentence.words.slice(w.first, w.last + 1).map((x) => x.lemma).join('');
    return { ...t, id: g + 1, form: w.text, lemma: w.first === w.last ? t.lemma : lemma, head: t.head === 0 ? 0 : (groupOf[t.head - 1] as number) + 1 };
  });
  const multiwords = sentence.multiwords.flatMap((m) => {
    const first = (groupOf[m.first - 1] as number) + 1;
    const last = (groupOf[m.last - 1] as number) + 1;
    return first < last ? [{ ...m, first, last }] : [];
  });
  return { ...sentence, words: merged, multiwords };
}
