// Is this document English? The entity and relation rules read English only: on German or
// Russian text they take capitalised nouns and genitives for names ("Verband der Landwirte" as a
// person, "Кремля Дмитрий Песков"). Such a document is skipped with a reason instead.
//
// Two cheap signals, both conservative (a short text, a list of names or an English article
// quoting a foreign sentence is kept):
// - the script: most letters outside Latin (Cyrillic, Han, Arabic …) is not English;
// - function words: English news is about a third "the, of, and, to …"; a Latin-script text
//   with almost none of them and many of another language's is that language.

/** Scripts told apart by Unicode property; the name is what the user reads. */
export const SCRIPTS: ReadonlyArray<{ readonly name: string; readonly re: RegExp }> = [
  { name: 'Cyrillic (Russian, Ukrainian …)', re: /\p{Script=Cyrillic}/u },
  { name: 'Chinese or Japanese', re: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { name: 'Korean', re: /\p{Script=Hangul}/u },
  { name: 'Arabic', re: /\p{Script=Arabic}/u },
  { name: 'Hebrew', re: /\p{Script=Hebrew}/u },
  { name: 'Greek', re: /\p{Script=Greek}/u },
  { name: 'Devanagari (Hindi …)', re: /\p{Script=Devanagari}/u },
  { name: 'Thai', re: /\p{Script=Thai}/u },
];

/**
 * The most frequent function words of each language, chosen to be rare in the others: "in",
 * "a", "de", "la" are left out where they would count for several. Each list is a row with why.
 */
export const FUNCTION_WORDS: ReadonlyArray<{ readonly language: string; readonly words: readonly string[]; readonly reason: string }> = [
  {
    language: 'English',
    words: ['the', 'of', 'and', 'to', 'is', 'was', 'that', 'for', 'on', 'with', 'as', 'by', 'at', 'from', 'his', 'her', 'he', 'she', 'it', 'said', 'have', 'has', 'were', 'are', 'be', 'been', 'this', 'which', 'will', 'would', 'not', 'but', 'they', 'their', 'who', 'after', 'its', 'or'],
    reason: 'articles, prepositions, pronouns and auxiliaries: about a third of the words of English news',
  },
  {
    language: 'German',
    words: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'von', 'den', 'dem', 'des', 'sich', 'auf', 'für', 'ein', 'eine', 'einen', 'zu', 'im', 'auch', 'dass', 'wird', 'wurde', 'sie', 'er', 'es', 'nach', 'bei', 'aus', 'über', 'sagte', 'hat'],
    reason: 'German articles, prepositions and auxiliaries',
  },
  {
    language: 'French',
    words: ['le', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'que', 'qui', 'pas', 'sur', 'au', 'aux', 'avec', 'ce', 'il', 'elle', 'sont', 'été', 'par', 'plus', 'ont', 'selon'],
    reason: 'French articles, prepositions and auxiliaries',
  },
  {
    language: 'Spanish',
    words: ['el', 'los', 'las', 'y', 'es', 'del', 'en', 'que', 'por', 'con', 'una', 'para', 'se', 'su', 'al', 'fue', 'ha', 'como', 'más', 'pero', 'según'],
    reason: 'Spanish articles, prepositions and auxiliaries',
  },
  {
    language: 'Italian',
    words: ['il', 'di', 'che', 'e', 'per', 'della', 'non', 'sono', 'è', 'con', 'si', 'nel', 'anche', 'alla', 'gli', 'dei', 'delle'],
    reason: 'Italian articles, prepositions and auxiliaries',
  },
  {
    language: 'Portuguese',
    words: ['os', 'da', 'do', 'das', 'dos', 'em', 'um', 'uma', 'com', 'não', 'foi', 'ao', 'na', 'no', 'pelo', 'pela'],
    reason: 'Portuguese articles, prepositions and auxiliaries',
  },
  {
    language: 'Dutch',
    words: ['het', 'een', 'en', 'van', 'dat', 'niet', 'op', 'te', 'met', 'voor', 'zijn', 'ook', 'aan', 'werd', 'hij', 'zij', 'heeft'],
    reason: 'Dutch articles, prepositions and auxiliaries',
  },
];

/** Below this many letters or words a text says too little to judge: it is kept. */
const MIN_LETTERS = 40;
const MIN_WORDS = 20;
/** A text is foreign when most of its letters are in another script… */
const FOREIGN_SCRIPT_SHARE = 0.5;
/** …or when under 8% of its words are English function words and over 15% another language's. */
const MAX_ENGLISH_SHARE = 0.08;
const MIN_OTHER_SHARE = 0.15;

/** Only the start is looked at: enough to judge, and the cost stays flat on a huge document. */
const SAMPLE_CHARS = 20_000;

/** Each function word → one bit per FUNCTION_WORDS row holding it. */
const WORD_ROWS: ReadonlyMap<string, number> = (() => {
  const rows = new Map<string, number>();
  FUNCTION_WORDS.forEach((row, k) => {
    for (const w of row.words) rows.set(w, (rows.get(w) ?? 0) | (1 << k));
  });
  return rows;
})();

const LETTER = /^\p{L}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/**
 * How many of the sample's characters (code points) are letters (\p{L}) and how many are in the
 * Latin script, counted without making a string per letter: ASCII is decided by its code (a
 * letter, and Latin, exactly when A–Z or a–z), any other character by the two patterns.
 */
function letterCounts(sample: string): { letters: number; latin: number } {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) {
        letters++;
        latin++;
      }
      continue;
    }
    const ch = String.fromCodePoint(sample.codePointAt(i) as number);
    i += ch.length - 1;
    if (LETTER.test(ch)) letters++;
    if (LATIN.test(ch)) latin++;
  }
  return { letters, latin };
}

/** Why this text is not English ("looks like German"), or undefined when it may well be English. */
export function notEnglishReason(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { letters, latin } = letterCounts(sample);
  if (letters < MIN_LETTERS) return undefined;
  if (latin < letters * FOREIGN_SCRIPT_SHARE) {
    const counts = SCRIPTS.map(({ name, re }) => ({ name, n: sample.match(new RegExp(re.source, 'gu'))?.length ?? 0 }));
    const top = counts.reduce((a, b) => (b.n > a.n ? b : a));
    return `written in ${top.n > 0 ? top.name : 'a non-Latin script'}, not English`;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return undefined;
  const hits = new Array<number>(FUNCTION_WORDS.length).fill(0);
  for (const w of words) {
    let rows = WORD_ROWS.get(w) ?? 0;
    while (rows !== 0) {
      const k = 31 - Math.clz32(rows);
      rows &= ~(1 << k);
      hits[k] = (hits[k] as number) + 1;
    }
  }
  const shares = FUNCTION_WORDS.map(({ language }, k) => ({ language, share: (hits[k] as number) / words.length }));
  const english = shares.find((s) => s.language === 'English')?.share ?? 0;
  const other = shares.filter((s) => s.language !== 'English').reduce((a, b) => (b.share > a.share ? b : a));
  if (english < MAX_ENGLISH_SHARE && other.share > MIN_OTHER_SHARE) return `looks like ${other.language}, not English`;
  return undefined;
}
