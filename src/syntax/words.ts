// The words the syntax models see. Our run-time tokens come from wink-nlp; the models were trained
// on UD English treebank words (EWT, GUM). The two mostly agree (98% of EWT test words, measured by
// src/syntax/train/wink-pos.ts); where they differ, modelWords() brings both to one convention,
// UD's, so that what the models see at run time is what they saw in training:
//
//  - merges (applied to the treebank too; a merged treebank word takes the labels of its top word):
//    letters wink splits off around non-ASCII letters ("Erdo|ğ|an" → "Erdoğan"); runs of one
//    punctuation character (". ..." → "...."); "name @domain" → one e-mail; web domains
//    ("Amazon . com" → "Amazon.com"); UD's hyphenated prefixes
//    ("re - elect" → "re-elect", the PREFIXES below);
//  - splits (run time only: treebank words already follow UD): the clitics wink leaves attached
//    ("I'm" → I 'm, "McDonald's" → McDonald 's, "gonna" → gon na), hyphenated words UD splits that
//    wink keeps whole ("3-2" → 3 - 2, "vice-president", "STS-1"; not codes such as dates and
//    phone numbers, which UD keeps whole too), a number glued to its unit
//    ("8am" → 8 am, "5m" → 5 m);
//  - the word's text: curly quotes and apostrophes as straight ones (’ → ', “ ” → ").
//
// Each model word keeps the range of tokens it comes from, and tokenTree() maps a tree over model
// words back onto the tokens, so heads always end up on our Token indices.
import type { Token } from '../types';

/** A surface piece (a token): its text and whether whitespace comes before it. */
export interface Piece {
  readonly text: string;
  readonly spaceBefore: boolean;
}

/** A word the models see: its text and the pieces (tokens) it comes from, first … last inclusive. */
export interface ModelWord {
  readonly text: string;
  /** Merged pieces give one word over several pieces; a split piece gives several words over it. */
  readonly first: number;
  readonly last: number;
}

export interface ModelWordOptions {
  /** Apply the split rules (default true; the treebank side keeps its own words). */
  readonly split?: boolean;
  /** Apply the merge rules (default true). */
  readonly merge?: boolean;
  /** Straighten curly quotes (default true). */
  readonly normalise?: boolean;
  /**
   * 'ud' (default): UD's convention (split at hyphens except PREFIXES). 'merge': every
   * letter/digit-hyphen-letter/digit sequence without spaces is one word (an alternative measured
   * in src/syntax/train/wink-pos.ts; not used).
   */
  readonly hyphens?: 'ud' | 'merge';
}

/**
 * Hyphenated prefixes UD English keeps in one token ("e-mail", "non-profit", "re-elect"); other
 * hyphenated words are split at each hyphen. Counted on EWT + GUM train (whole vs split):
 * non 49/1, e 40/3, mid 26/0, pre 20/0, re 20/0, co 17/1, anti 16/0, cross 14/0, post 8/1,
 * over 6/1, semi 6/0, sub 5/1, multi 5/0, pro 5/0, ex 4/0, inter 2/1, neo 2/1; the rest follow the
 * same (CoreNLP-style) list where the treebanks have no example. Not here: self 0/28, well 0/27,
 * x 1/13, vice 1/3, a 0/3, eco 0/3.
 */
export const PREFIXES: ReadonlySet<string> = new Set([
  'anti', 'arch', 'bi', 'bio', 'co', 'counter', 'cross', 'cyber', 'de', 'e', 'ex', 'extra', 'hyper', 'infra', 'inter', 'intra',
  'macro', 'mega', 'micro', 'mid', 'mini', 'multi', 'neo', 'non', 'over', 'post', 'pre', 'pro', 'pseudo', 'quasi', 're', 'semi',
  'sub', 'super', 'trans', 'tri', 'u', 'ultra', 'un', 'uni',
]);

/** Units UD splits off a number ("8am" → 8 am, "£5m" → £ 5 m); ordinals and decades ("19th", "1990s") stay whole. */
const NUMBER_UNIT = /^(\d[\d.,:]*)(am|pm|a\.m\.|p\.m\.|m|k|bn|b|mn|mm|cm|km|kg|g|mg|ft|lb|lbs|hz|khz|mhz|ghz|kb|mb|gb|tb|mph|kph|kmh|mins?|hrs?|h|oz|ml)$/i;
/** Whole-word contractions UD writes as two words. */
const FUSED: ReadonlyMap<string, number> = new Map([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
]);
const NEGATION = /^(.*\p{L})(n['’]t)$/iu;
const CLITIC = /^(.*\p{L})(['’](?:s|m|re|ve|ll|d))$/iu;
const URL_LIKE = /:\/\/|^www\.|@|\.(com|org|net|edu|gov|co\.uk)\b/i;
/**
 * Hyphenated codes UD keeps in one token: phone numbers ("646-8420"), dates and codes with two
 * hyphens or more and a digit ("11-20-2000", "SS-N-22"), file names and paths ("ld2d-1.DOC").
 */
const CODE = /^(\d{3}-)?\d{3}-\d{4}$|^\d{5}-\d{4}$|^(?=.*\d)[^-]*-[^-]*-|[./#_\\]/;
/** Hyphenated suffixes UD keeps whole ("career-wise", "Holocaust-esque"). */
const SUFFIXES: ReadonlySet<string> = new Set(['esque', 'ette', 'fest', 'fold', 'gate', 'itis', 'less', 'most', 'rama', 'wise']);
const LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII_LETTER = /[^\x00-\x7f]/;
const RUN_CHARS = '.?!-*=+~_#';

/** The text a model sees for a word: curly quotes and apostrophes straightened. */
export function modelForm(text: string): string {
  return /[‘’‛“”„‟]/.test(text) ? text.replace(/[‘’‛]/g, "'").replace(/[“”„‟]/g, '"') : text;
}

function isClitic(text: string): boolean {
  return /^(['’](s|m|re|ve|ll|d)|n['’]t)$/i.test(text);
}

/** A web domain wink splits at its dots ("Amazon . com", "bbc . co. uk"), which UD keeps in one token. */
const DOMAIN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.(com|org|net|edu|gov|int|mil|info|biz|io|uk|de|fr|ru|cn|jp|au|ca|in)$/i;

/** The last piece of a web domain starting at piece i (run without spaces), or i when there is none. */
function domainEnd(pieces: readonly Piece[], i: number): number {
  let end = i;
  while (end + 1 < pieces.length && !(pieces[end + 1] as Piece).spaceBefore) end++;
  if (end === i) return i;
  let text = '';
  const texts: string[] = [];
  for (let k = i; k <= end; k++) texts.push((text += (pieces[k] as Piece).text));
  for (let k = end; k > i; k--) if (DOMAIN.test(texts[k - i] as string) && (pieces[k] as Piece).text !== '.') return k;
  return i;
}

/** Whether piece `next` (no space before it) continues the merged word `word`. */
function continues(word: string, next: string): boolean {
  // letters wink split off around a non-ASCII letter
  const a = word.charAt(word.length - 1);
  const b = next.charAt(0);
  if (LETTER.test(a) && LETTER.test(b) && (NON_ASCII_LETTER.test(a) || NON_ASCII_LETTER.test(b)) && !isClitic(next)) return true;
  // a run of one punctuation character
  if (RUN_CHARS.includes(b) && word.split('').every((c) => c === b) && next.split('').every((c) => c === b)) return true;
  // "name" + "@domain"
  if (/^@[\w.-]+$/.test(next) && /^[\w.+-]+$/.test(word)) return true;
  return false;
}

/** The words a (merged) piece text holds under UD's conventions: itself, or its parts. */
export function splitWord(text: string, hyphens = true): string[] {
  const fused = FUSED.get(text.toLowerCase());
  if (fused !== undefined) return [text.slice(0, fused), text.slice(fused)];
  let m = NEGATION.exec(text);
  if (m && m[1] && m[2]) return [m[1], m[2]];
  m = CLITIC.exec(text);
  if (m && m[1] && m[2]) return [...splitWord(m[1], hyphens), m[2]];
  m = NUMBER_UNIT.exec(text);
  if (m && m[1] && m[2]) return [m[1], m[2]];
  if (hyphens && /[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(text) && !URL_LIKE.test(text) && !CODE.test(text)) {
    const first = text.slice(0, text.indexOf('-')).toLowerCase();
    const end = text.slice(text.lastIndexOf('-') + 1).toLowerCase();
    if (!PREFIXES.has(first) && !SUFFIXES.has(end)) {
      const parts: string[] = [];
      // split at each hyphen that has a letter or digit on both sides
      let from = 0;
      for (let i = 1; i < text.length - 1; i++) {
        if (text[i] === '-' && /[\p{L}\p{N}]/u.test(text[i - 1] as string) && /[\p{L}\p{N}]/u.test(text[i + 1] as string)) {
          parts.push(text.slice(from, i), '-');
          from = i + 1;
        }
      }
      parts.push(text.slice(from));
      return parts;
    }
  }
  return [text];
}

/**
 * A text that splitWord keeps whole and modelForm leaves as it is: no apostrophe, hyphen or curly
 * quote, no leading digit, not a fused word. Most tokens are, and need no cache lookup.
 */
const NOT_PLAIN = /['’‘‛“”„‟-]|^[0-9]/;
const FUSED_LENGTHS: ReadonlySet<number> = new Set([...FUSED.keys()].map((w) => w.length));
export function plainWord(text: string): boolean {
  return !NOT_PLAIN.test(text) && !(FUSED_LENGTHS.has(text.length) && FUSED.has(text.toLowerCase()));
}

/** splitWord(text) with each part through modelForm, per text: the run-time default, asked for every token. */
const splitCache = new Map<string, readonly string[]>();

function splitForms(text: string): readonly string[] {
  let forms = splitCache.get(text);
  if (forms === undefined) {
    if (splitCache.size >= 100_000) splitCache.clear();
    forms = splitWord(text).map(modelForm);
    splitCache.set(text, forms);
  }
  return forms;
}

/** The model words of a run of pieces (a sentence's tokens), under UD's conventions. */
export function modelWords(pieces: readonly Piece[], options: ModelWordOptions = {}): ModelWord[] {
  const split = options.split ?? true;
  const merge = options.merge ?? true;
  const normalise = options.normalise ?? true;
  const words: ModelWord[] = [];
  const form = (text: string): string => (normalise ? modelForm(text) : text);
  for (let i = 0; i < pieces.length; ) {
    let text = (pieces[i] as Piece).text;
    let last = i;
    if (merge) {
      const domain = domainEnd(pieces, i);
      if (domain > i) {
        for (let k = i + 1; k <= domain; k++) text += (pieces[k] as Piece).text;
        last = domain;
      }
      for (;;) {
        const next = pieces[last + 1];
        if (!next || next.spaceBefore) break;
        if (continues(text, next.text)) {
          text += next.text;
          last++;
          continue;
        }
        // "re" "-" "elect" → "re-elect" (UD keeps these prefixes whole)
        const after = pieces[last + 2];
        const hyphenMerge = options.hyphens === 'merge' ? /[\p{L}\p{N}]$/u.test(text) : PREFIXES.has(text.toLowerCase());
        if (next.text === '-' && after && !after.spaceBefore && /^[\p{L}\p{N}]/u.test(after.text) && hyphenMerge) {
          text += `-${after.text}`;
          last += 2;
          continue;
        }
        break;
      }
    }
    if (split && normalise && options.hyphens !== 'merge') {
      if (plainWord(text)) words.push({ text, first: i, last });
      else for (const part of splitForms(text)) words.push({ text: part, first: i, last });
    } else {
      const parts = split ? splitWord(text, options.hyphens !== 'merge') : [text];
      for (const part of parts) words.push({ text: form(part), first: i, last });
    }
    i = last + 1;
  }
  return words;
}

/** Our tokens first … last (inclusive, e.g. one sentence) as pieces. */
export function tokenPieces(tokens: readonly Token[], first = 0, last = tokens.length - 1): Piece[] {
  const pieces: Piece[] = [];
  for (let i = first; i <= last; i++) {
    const t = tokens[i] as Token;
    const prev = i > first ? tokens[i - 1] : undefined;
    pieces.push({ text: t.value, spaceBefore: prev === undefined || prev.end < t.start });
  }
  return pieces;
}

/** The model words of tokens first … last; each word's first/last are Token indices (not offsets into the range). */
export function tokenWords(tokens: readonly Token[], first = 0, last = tokens.length - 1, options: ModelWordOptions = {}): ModelWord[] {
  return modelWords(tokenPieces(tokens, first, last), options).map((w) => ({ text: w.text, first: w.first + first, last: w.last + first }));
}

/** A tree over pieces (tokens), from a tree over the model words made of them. */
export interface PieceTree {
  /** Each piece's head piece (-1 = root). */
  readonly head: Int32Array;
  /**
   * The model word whose arc (and label) the piece carries, or -1 for a piece that is not the
   * first of a merged word: it attaches to that first piece (label it `goeswith`).
   */
  readonly word: Int32Array;
}

/**
 * Maps heads over model words (`heads[w]` = head word index, -1 = root; words index 0 … n-1 in the
 * order modelWords gives) back to the pieces. Words and pieces that overlap form units (one piece
 * split into words, several pieces merged into one, or both); a unit's arc is that of its word
 * nearest the root (leftmost on ties), carried by the first piece of that word; the unit's other
 * pieces attach to that piece. Depth strictly falls from unit to head unit, so the result is a
 * tree whenever the word heads are.
 */
export function tokenTree(words: readonly ModelWord[], heads: ArrayLike<number>, pieceCount: number, pieceOffset = 0): PieceTree {
  const n = words.length;
  const depth = new Int32Array(n).fill(-1);
  const depthOf = (w: number): number => {
    const path: number[] = [];
    let x = w;
    while (x >= 0 && (depth[x] as number) < 0 && path.length <= n) {
      path.push(x);
      x = heads[x] as number;
    }
    let d = x < 0 ? -1 : (depth[x] as number);
    for (let k = path.length - 1; k >= 0; k--) depth[path[k] as number] = ++d;
    return depth[w] as number;
  };
  // units: maximal runs of words whose piece ranges overlap
  const unitOfWord = new Int32Array(n);
  const unitStart: number[] = [];
  for (let w = 0; w < n; w++) {
    const prev = words[w - 1];
    const here = words[w] as ModelWord;
    if (!prev || here.first > prev.last) unitStart.push(w);
    unitOfWord[w] = unitStart.length - 1;
  }
  const head = new Int32Array(pieceCount).fill(-1);
  const word = new Int32Array(pieceCount).fill(-1);
  const topOfUnit = new Int32Array(unitStart.length);
  unitStart.forEach((start, u) => {
    const end = unitStart[u + 1] ?? n;
    let top = start;
    for (let w = start + 1; w < end; w++) if (depthOf(w) < depthOf(top)) top = w;
    topOfUnit[u] = top;
  });
  unitStart.forEach((start, u) => {
    const end = unitStart[u + 1] ?? n;
    const top = topOfUnit[u] as number;
    const main = (words[top] as ModelWord).first - pieceOffset;
    const h = heads[top] as number;
    word[main] = top;
    head[main] = h < 0 ? -1 : (words[topOfUnit[unitOfWord[h] as number] as number] as ModelWord).first - pieceOffset;
    const firstPiece = (words[start] as ModelWord).first - pieceOffset;
    const lastPiece = (words[end - 1] as ModelWord).last - pieceOffset;
    for (let p = firstPiece; p <= lastPiece; p++) {
      if (p === main) continue;
      head[p] = main;
      word[p] = -1;
    }
  });
  return { head, word };
}
