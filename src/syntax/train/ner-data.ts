// Readers for the NER training data, all turned into one representation: documents of sentences,
// each a list of words with non-overlapping entity spans (PER / LOC / ORG / MISC).
//   - CoNLL-2003 (IOB1 tags, `-DOCSTART-` documents; headlines in capitals and sport tables kept);
//   - WikiGold (IO tags: adjacent same-type names cannot be told apart, read as one span);
//   - GUM (CorefUD `Entity=` brackets in MISC): PROPN-headed person / place / organization mentions
//     become PER / LOC / ORG spans, trimmed to the name itself (CoNLL's convention: "President
//     Donald Trump" → "Donald Trump", "the United States" → "United States"). GUM marks no MISC,
//     so a capitalised word that no kept mention covers ("American", "Christmas", "iPhone") has no
//     known label: such words are marked `unknown`, and training makes no update there.
//     Documents whose text licence is non-commercial (docs.tsv) are left out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type EntityLabel, type EntitySpan } from '../ner';
import { modelWords, type ModelWord, type Piece } from '../words';
import { readConllu, miscValue, type UdSentence, type UdWord } from './conllu';
import { nonCommercialGumDocs, treebankPieces } from './treebanks';

export type NerSource = 'conll2003' | 'wikigold' | 'gum';

export interface NerSentence {
  readonly words: readonly string[];
  readonly spans: readonly EntitySpan[];
  /** Gold POS from the corpus when it has any (CoNLL: PTB tags; GUM: UPOS). Never used as features. */
  readonly goldPos?: readonly string[];
  /** Per word: 1 when its label is not known (GUM names of a type GUM does not mark). */
  readonly unknown?: Uint8Array;
}

export interface NerDocument {
  readonly id: string;
  readonly source: NerSource;
  readonly sentences: readonly NerSentence[];
}

const TYPES: Readonly<Record<string, EntityLabel>> = { PER: 'PER', LOC: 'LOC', ORG: 'ORG', MISC: 'MISC' };

/**
 * Spans of IOB1 tags (CoNLL-2003): `I-X` continues an open X span or starts one, `B-X` starts a new
 * span right after another of the same type. IO tags (WikiGold) read the same way.
 */
export function iob1ToSpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: { first: number; type: EntityLabel } | undefined;
  const close = (last: number): void => {
    if (open) spans.push({ first: open.first, last, type: open.type });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const m = /^([BI])-(\w+)$/.exec(tag);
    const type = m ? TYPES[m[2] as string] : undefined;
    if (!m || !type) return close(i - 1);
    if (m[1] === 'B' || !open || open.type !== type) {
      close(i - 1);
      open = { first: i, type };
    }
  });
  close(tags.length - 1);
  return spans;
}

/** CoNLL-2003 (`WORD POS CHUNK NER`) or WikiGold (`WORD NER`) text: documents split at -DOCSTART-. */
export function parseConllNer(content: string, source: 'conll2003' | 'wikigold', origin: string, convention: WordConvention = 'model'): NerDocument[] {
  const docs: NerDocument[] = [];
  let sentences: NerSentence[] = [];
  let words: string[] = [];
  let pos: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length > 0) {
      const s: NerSentence = source === 'conll2003' ? { words, spans: iob1ToSpans(tags), goldPos: pos } : { words, spans: iob1ToSpans(tags) };
      sentences.push(convention === 'model' ? toModelWords(s, words.map((text) => ({ text, spaceBefore: true })), { merge: false }) : s);
    }
    words = [];
    pos = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) docs.push({ id: `${source}-${docs.length + 1}`, source, sentences });
    sentences = [];
  };
  content.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line === '') return endSentence();
    const cols = line.split(' ');
    if (cols[0] === '-DOCSTART-') return endDocument();
    const expected = source === 'conll2003' ? 4 : 2;
    if (cols.length !== expected) throw new Error(`${origin}:${index + 1}: expected ${expected} space-separated columns, found ${cols.length}`);
    words.push(cols[0] as string);
    if (source === 'conll2003') pos.push(cols[1] as string);
    tags.push(cols[cols.length - 1] as string);
  });
  endDocument();
  return docs;
}

export function readConll2003(file: string, convention: WordConvention = 'model'): NerDocument[] {
  return parseConllNer(fs.readFileSync(file, 'utf8'), 'conll2003', file, convention);
}

export function readWikiGold(file: string, convention: WordConvention = 'model'): NerDocument[] {
  return parseConllNer(fs.readFileSync(file, 'utf8'), 'wikigold', file, convention);
}

/**
 * Which words a sentence is made of: the corpus's own ('corpus'), or the words the models see at
 * run time ('model': src/syntax/words.ts applied to the corpus's words, so that "Al-Qaeda" is
 * "Al - Qaeda" as wink's token becomes at run time, and curly quotes are straight).
 */
export type WordConvention = 'corpus' | 'model';

/**
 * A sentence re-cut into model words (words.ts). A span covers every model word made from its
 * words; a merged word that would straddle two spans keeps the first.
 */
export function toModelWords(s: NerSentence, pieces: readonly Piece[], options: { merge?: boolean; split?: boolean }): NerSentence {
  const words: ModelWord[] = modelWords(pieces, options);
  const same = words.length === s.words.length && words.every((w, i) => w.text === s.words[i]);
  if (same) return s;
  const firstWord = new Int32Array(pieces.length).fill(-1);
  const lastWord = new Int32Array(pieces.length).fill(-1);
  words.forEach((w, k) => {
    for (let p = w.first; p <= w.last; p++) {
      if ((firstWord[p] as number) < 0) firstWord[p] = k;
      lastWord[p] = k;
    }
  });
  const spans: EntitySpan[] = [];
  let end = -1;
  for (const span of s.spans) {
    const first = firstWord[span.first] as number;
    const last = lastWord[span.last] as number;
    if (first <= end) continue;
    spans.push({ first, last, type: span.type });
    end = last;
  }
  const unknown = s.unknown ? Uint8Array.from(words, (w) => (s.unknown?.[w.first] ?? 0)) : undefined;
  const goldPos = s.goldPos ? words.map((w) => s.goldPos?.[w.first] ?? '') : undefined;
  return { words: words.map((w) => w.text), spans, ...(goldPos ? { goldPos } : {}), ...(unknown ? { unknown } : {}) };
}

// ---- GUM ---------------------------------------------------------------------------------------

/** One `Entity=` mention of a sentence: words first … last (0-based, inclusive). */
export interface GumMention {
  readonly id: string;
  readonly etype: string;
  readonly first: number;
  readonly last: number;
}

/**
 * The mentions bracketed in a sentence's MISC `Entity=` values: `(id-etype-…` opens, `id)` closes,
 * `(id-etype-…)` is a one-word mention. Mentions still open at the sentence's end are dropped.
 */
export function gumMentions(words: readonly UdWord[]): GumMention[] {
  const mentions: GumMention[] = [];
  const open = new Map<string, Array<{ etype: string; first: number }>>();
  words.forEach((w, i) => {
    const value = miscValue(w.misc, 'Entity');
    if (!value) return;
    let k = 0;
    while (k < value.length) {
      if (value[k] === '(') {
        let end = k + 1;
        while (end < value.length && value[end] !== '(' && value[end] !== ')') end++;
        const attrs = value.slice(k + 1, end).split('-');
        const id = attrs[0] ?? '';
        const etype = attrs[1] ?? '';
        if (value[end] === ')') {
          mentions.push({ id, etype, first: i, last: i });
          k = end + 1;
        } else {
          const stack = open.get(id) ?? [];
          stack.push({ etype, first: i });
          open.set(id, stack);
          k = end;
        }
      } else {
        const m = /^(\d+)\)/.exec(value.slice(k));
        if (!m) {
          k++;
          continue;
        }
        const id = m[1] as string;
        const start = open.get(id)?.pop();
        if (start) mentions.push({ id, etype: start.etype, first: start.first, last: i });
        k += m[0].length;
      }
    }
  });
  return mentions.sort((a, b) => a.first - b.first || b.last - a.last);
}

const GUM_TYPES: Readonly<Record<string, EntityLabel>> = { person: 'PER', place: 'LOC', organization: 'ORG' };

/** Titles and honorifics before a person's name: CoNLL leaves them out of the name. */
const TITLES = new Set(
  `mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president vice prime minister secretary senator sen sen.
   governor gov gov. representative rep rep. congressman congresswoman king queen prince princess emperor empress duke duchess count
   pope saint st st. general gen gen. colonel col col. captain capt capt. lieutenant lt lt. sergeant sgt sgt. admiral major marshal
   commander chairman chairwoman chair chancellor judge justice mayor ambassador commissioner director chief officer agent detective
   inspector reverend rev rev. father sister brother bishop archbishop cardinal rabbi sheikh imam ayatollah sultan coach deputy
   uncle aunt grandma grandpa grandmother grandfather mom dad mother auntie doctor nurse private corporal head former late dear
   mister madam madame mademoiselle monsieur herr señor senor signor don dona`
    .split(/\s+/)
    .filter((t) => t !== ''),
);

/** Words that may sit inside a name between two name words ("Bank of America", "Trinidad and Tobago"). */
const CONNECTORS = new Set(['of', '&', 'de', 'du', 'del', 'der', 'van', 'von', 'la', 'le', 'da', 'di', 'y', 'for', 'on', '-', '.', "'", 'upon', 'al', 'el', 'bin', 'ibn']);

/** Capitalised words that are not names in CoNLL's convention: their label is O, not unknown. */
const NOT_NAMES = new Set(
  `i january february march april may june july august september october november december monday tuesday wednesday thursday
   friday saturday sunday god oh ok okay mr mrs ms dr`.split(/\s+/).filter((t) => t !== ''),
);

function capitalised(form: string): boolean {
  const c = form.charAt(0);
  return c !== c.toLowerCase();
}

const NOT_NAME_UPOS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'PUNCT', 'AUX', 'PART', 'SYM', 'INTJ']);

function nameWord(w: UdWord): boolean {
  return w.upos === 'PROPN' || (capitalised(w.form) && !NOT_NAME_UPOS.has(w.upos));
}

/** The mention's syntactic head: its first word whose head lies outside the mention. */
function mentionHead(words: readonly UdWord[], m: GumMention): number {
  for (let i = m.first; i <= m.last; i++) {
    const h = (words[i] as UdWord).head - 1;
    if (h < m.first || h > m.last) return i;
  }
  return m.first;
}

export interface GumConversionStats {
  documents: number;
  documentsLeftOut: number;
  sentences: number;
  mentions: Record<string, number>;
  kept: Record<EntityLabel, number>;
  trimmed: number;
  nestedLeftOut: number;
  countriesAsPlaces: number;
  unknownWords: number;
}

/**
 * Spans of one GUM sentence and its words of unknown label. `minus` stops a name at a word that
 * belongs to another kept mention ("U.S." in "U.S. President Donald Trump").
 */
export function gumSentenceSpans(words: readonly UdWord[], stats?: GumConversionStats, isCountry?: (name: string) => boolean): { spans: EntitySpan[]; unknown: Uint8Array } {
  const mentions = gumMentions(words);
  const taken = new Int8Array(words.length); // 1 = inside a kept span
  const explained = new Uint8Array(words.length); // words some person/place/organization mention covers
  const spans: EntitySpan[] = [];
  // Candidates: PROPN-headed person/place/organization mentions, outermost first.
  const candidates = mentions
    .filter((m) => GUM_TYPES[m.etype] !== undefined)
    .map((m) => ({ m, head: mentionHead(words, m), length: m.last - m.first + 1 }))
    .filter((c) => {
      const head = words[c.head] as UdWord;
      if (head.upos !== 'PROPN') return false;
      // a bare title ("Mr. Chief Justice") or a group of people ("the Russians": CoNLL's MISC) is no PER name
      if (c.m.etype === 'person' && (TITLES.has(head.form.toLowerCase()) || head.xpos === 'NNPS')) return false;
      return true;
    })
    .sort((a, b) => b.length - a.length || a.m.first - b.m.first);
  for (const m of mentions) if (stats) stats.mentions[m.etype] = (stats.mentions[m.etype] ?? 0) + 1;
  // a word of another (smaller) kept-type mention inside this one that does not hold its head
  const nestedApart = (outer: GumMention, at: number, head: number): boolean =>
    candidates.some((c) => c.m !== outer && c.m.first >= outer.first && c.m.last <= outer.last && c.m.first <= at && at <= c.m.last && !(c.m.first <= head && head <= c.m.last));
  for (const { m, head } of candidates) {
    const type = GUM_TYPES[m.etype] as EntityLabel;
    for (let i = m.first; i <= m.last; i++) explained[i] = 1;
    let first = head;
    let last = head;
    // leftwards over name words; a person's name stops at a title and at another mention
    // ("U.S." in "U.S. President Donald Trump"), an organisation's or place's does not ("New York University")
    while (first - 1 >= m.first) {
      const w = words[first - 1] as UdWord;
      if (!nameWord(w)) break;
      if (type === 'PER' && (TITLES.has(w.form.toLowerCase()) || nestedApart(m, first - 1, head))) break;
      first--;
    }
    // rightwards over name words and connectors followed by a name word
    for (;;) {
      const next = last + 1;
      if (next > m.last) break;
      const w = words[next] as UdWord;
      if (nameWord(w) && !(w.upos === 'PART' || w.form === "'s")) {
        last = next;
        continue;
      }
      const connector = CONNECTORS.has(w.form.toLowerCase()) || (type !== 'PER' && w.form === 'and');
      if (connector && next + 1 <= m.last && nameWord(words[next + 1] as UdWord)) {
        last = next + 1;
        continue;
      }
      break;
    }
    if (first !== m.first || last !== m.last) stats && stats.trimmed++;
    let free = true;
    for (let i = first; i <= last; i++) if (taken[i]) free = false;
    if (!free) {
      if (stats) stats.nestedLeftOut++;
      continue;
    }
    for (let i = first; i <= last; i++) taken[i] = 1;
    // GUM types a country acting as an agent as an organization; CoNLL always as a place
    const name = words.slice(first, last + 1).map((w) => w.form).join(' ');
    const kept: EntityLabel = type === 'ORG' && isCountry?.(name) ? 'LOC' : type;
    if (kept !== type && stats) stats.countriesAsPlaces++;
    spans.push({ first, last, type: kept });
    if (stats) stats.kept[kept]++;
  }
  spans.sort((a, b) => a.first - b.first);
  // Words of unknown label: capitalised words (not sentence-initial unless PROPN) that no kept span
  // covers, and that are not a title or article inside a kept mention.
  const unknown = new Uint8Array(words.length);
  words.forEach((w, i) => {
    if (taken[i]) return;
    const lower = w.form.toLowerCase();
    const nameLike = w.upos === 'PROPN' || (capitalised(w.form) && i > 0 && /\p{L}/u.test(w.form) && w.form !== 'I' && !NOT_NAME_UPOS.has(w.upos));
    if (!nameLike || NOT_NAMES.has(lower.replace(/\.$/, ''))) return;
    if (explained[i] && (TITLES.has(lower) || NOT_NAME_UPOS.has(w.upos))) return;
    unknown[i] = 1;
    if (stats) stats.unknownWords++;
  });
  return { spans, unknown };
}


export function gumDocuments(sentences: readonly UdSentence[], leaveOut: ReadonlySet<string>, stats?: GumConversionStats, isCountry?: (name: string) => boolean, convention: WordConvention = 'model'): NerDocument[] {
  const byDoc = new Map<string, NerSentence[]>();
  const order: string[] = [];
  const left = new Set<string>();
  for (const s of sentences) {
    if (leaveOut.has(s.doc)) {
      left.add(s.doc);
      continue;
    }
    let list = byDoc.get(s.doc);
    if (!list) {
      list = [];
      byDoc.set(s.doc, list);
      order.push(s.doc);
    }
    const { spans, unknown } = gumSentenceSpans(s.words, stats, isCountry);
    const sentence: NerSentence = { words: s.words.map((w) => w.form), spans, goldPos: s.words.map((w) => w.upos), unknown };
    // the treebank's words already follow UD; only the merges apply (as for the tagger and parser)
    list.push(convention === 'model' ? toModelWords(sentence, treebankPieces(s), { split: false }) : sentence);
  }
  if (stats) {
    stats.documents += order.length;
    stats.documentsLeftOut += left.size;
    stats.sentences += order.reduce((n, d) => n + (byDoc.get(d)?.length ?? 0), 0);
  }
  return order.map((id) => ({ id, source: 'gum' as const, sentences: byDoc.get(id) ?? [] }));
}

export function newGumStats(): GumConversionStats {
  return { documents: 0, documentsLeftOut: 0, sentences: 0, mentions: {}, kept: { PER: 0, LOC: 0, ORG: 0, MISC: 0 }, trimmed: 0, nestedLeftOut: 0, countriesAsPlaces: 0, unknownWords: 0 };
}

/** GUM train without the eval overlap and without NC documents. */
export function readGumNer(dataRoot: string, stats?: GumConversionStats): NerDocument[] {
  const dir = path.join(dataRoot, 'ud-english-gum');
  const nc = nonCommercialGumDocs(dataRoot);
  return gumDocuments(readConllu(path.join(dir, 'en_gum-ud-train.no-eval-overlap.conllu')), nc, stats, countryNames());
}

/** Whether a name is a country's (name or alias in the project's countries.json), case-insensitive. */
export function countryNames(): (name: string) => boolean {
  const file = path.join(__dirname, '..', '..', 'entities', 'data', 'countries.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { countries: Array<{ name: string; aliases: string[] }> };
  const names = new Set<string>();
  for (const c of data.countries) for (const n of [c.name, ...c.aliases]) names.add(n.toLowerCase());
  return (name) => names.has(name.toLowerCase());
}

export interface NerDataFiles {
  readonly conllTrain: string;
  readonly conllDev: string;
  readonly wikigold: string;
  readonly gum: string;
  readonly gumDocs: string;
}

export function nerDataFiles(dataRoot: string): NerDataFiles {
  return {
    conllTrain: path.join(dataRoot, 'conll2003', 'train.txt'),
    conllDev: path.join(dataRoot, 'conll2003', 'dev.txt'),
    wikigold: path.join(dataRoot, 'wikigold', 'wikigold.conll.txt'),
    gum: path.join(dataRoot, 'ud-english-gum', 'en_gum-ud-train.no-eval-overlap.conllu'),
    gumDocs: path.join(dataRoot, 'ud-english-gum', 'docs.tsv'),
  };
}
