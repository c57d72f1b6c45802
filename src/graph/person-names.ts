// Person names for the graph stage's merges (./names): how a label reads as a name (particles,
// honorifics, initials, suffixes), a spelling key per word, and how well two names can name one
// person. Also the data tables the rules read (src/graph/data).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The data tables the rules read (src/graph/data; see each file's source and licence). */
export interface NameTables {
  /** Lowercase given name → its nicknames and the names it is a nickname of. */
  readonly nicknames: ReadonlyMap<string, ReadonlySet<string>>;
  /** Alias groups: each a list of names of one person. */
  readonly personAliases: readonly (readonly string[])[];
  /** Alias groups of organisations and armed groups. */
  readonly groupAliases: readonly (readonly string[])[];
}

// ---- tokens ---------------------------------------------------------------------------------

/**
 * Words before a name that are no part of it. Royal and noble titles stay ("Prince Charles" is no
 * surname "Charles").
 */
const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'gen', 'general', 'col', 'colonel', 'lt', 'capt', 'captain', 'sgt',
  'rev', 'sen', 'senator', 'rep', 'gov', 'governor', 'pres', 'president',
]);
/** Letters after a name: "Ruth Kelly MP" is Ruth Kelly. */
const POSTNOMINALS: ReadonlySet<string> = new Set(['mp', 'msp', 'mep', 'am', 'qc', 'kc', 'obe', 'mbe', 'cbe', 'kbe', 'phd']);
/**
 * Last words of the titles of things named after a person ("Doris Day Show", "Alan Clark
 * Diaries"): never taken for a second surname.
 */
const NOT_SURNAMES: ReadonlySet<string> = new Set([
  'show', 'award', 'awards', 'prize', 'trophy', 'cup', 'diaries', 'diary', 'memorial', 'foundation', 'trust', 'fund', 'band', 'orchestra',
  'gallery', 'museum', 'centre', 'center', 'hall', 'house', 'school', 'college', 'stadium', 'street', 'road', 'hotel', 'club', 'group',
  'company', 'inc', 'ltd', 'plc', 'llc', 'corp', 'report', 'act', 'bill', 'law', 'affair', 'case', 'inquiry', 'effect', 'era', 'years',
  'lecture', 'lectures', 'institute', 'library', 'festival', 'tour', 'concert', 'album', 'film', 'movie', 'book', 'novel', 'doctrine', 'plan',
  // a company read as a person ("Balfour Beatty Rail Maintenance" is not Balfour Beatty)
  'holdings', 'services', 'systems', 'maintenance', 'rail', 'power', 'energy', 'airways', 'airlines', 'motors', 'bank', 'media', 'networks',
  'international', 'partners', 'capital', 'enterprises', 'industries', 'technologies', 'electric', 'entertainment', 'records', 'pictures',
]);
/** Generation suffixes: "Ferdinand Marcos Jr." is not his father. */
const SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
/**
 * Lowercase name particles that outlets keep or drop ("Ahmed al-Sharaa" | "Ahmed Sharaa",
 * "Mohammed bin Salman"): left out of the comparison. "Al" written with a capital and a space
 * starts a given name (Al Gore), so "al"/"el" count as particles only after the first word or
 * when lowercase or joined by a hyphen.
 */
const PARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le']);
const ARTICLE_PARTICLES: ReadonlySet<string> = new Set(['al', 'el']);
const VOWELS = /[aeiouy]/;

export function plain(word: string): string {
  // Most names are ASCII: no decomposition to do.
  const letters = NOT_ASCII.test(word) ? word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : word;
  return letters.toLowerCase().replace(/['’.,]/g, '');
}
const NOT_ASCII = /[^\x00-\x7f]/;

/**
 * A word's spelling key: transliterations of one name meet ("Zelenskyy", "Zelensky",
 * "Zelenskiy" → "zelenski"; "Alexei", "Aleksey" → "aleksei"; "Danylov" → "danilov"): a y after
 * the first letter is an i, doubled letters count once.
 */
export function tokenKey(word: string): string {
  return plain(word)
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/ou/g, 'u')
    .replace(/(?!^)y/gu, 'i')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** One vowel more inside the longer word, same letters otherwise ("daglo" | "dagalo"). */
function oneVowelInside(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let i = 1; i < longer.length - 1; i++) {
    if (longer[i] !== shorter[i]) return VOWELS.test(longer[i] ?? '') && longer.slice(i + 1) === shorter.slice(i);
  }
  return false;
}

/** Same length, same first and last letter, at most `max` vowels swapped for vowels ("mohamed" | "muhamad"). */
function vowelsSwapped(a: string, b: string, max: number): boolean {
  if (a.length !== b.length || a[0] !== b[0] || a[a.length - 1] !== b[b.length - 1]) return false;
  let swaps = 0;
  for (let i = 1; i < a.length - 1; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x === y) continue;
    if (!VOWELS.test(x) || !VOWELS.test(y) || ++swaps > max) return false;
  }
  return true;
}

/** Two spellings of one surname (see surnameMatch). */
export function sameSurname(a: string, b: string): boolean {
  return surnameMatch(tokenKey(a), tokenKey(b)) !== NONE;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** How sure a match of two names is, and what else it needs to count. */
export const NONE = 0;
/** Only when the two are named in one document ("Gonzalez" after "Edmundo Gonzalez Urrutia"). */
export const SAME_DOCUMENT = 1;
/** When named in one document, or when nobody else in the corpus bears the surname (see nameMerges). */
export const WEAK = 2;
export const STRONG = 3;
export type MatchStrength = typeof NONE | typeof SAME_DOCUMENT | typeof WEAK | typeof STRONG;

/** Equal keys: strong; one vowel more inside a word of five letters or more (Daglo | Dagalo): weak. */
function surnameMatch(a: string, b: string): MatchStrength {
  if (a === b) return STRONG;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.length >= 5 && s[0] === l[0] && oneVowelInside(s, l) ? WEAK : NONE;
}

/**
 * Two spellings of one given name, or a nickname of it. Given names vary more between outlets
 * (Mohammed | Muhammad, Hossein | Hussein): one vowel swapped from five letters, two from seven,
 * never the last letter (Maria | Mario). Only equal keys are strong.
 */
function givenMatch(a: Token, b: Token, tables: NameTables): MatchStrength {
  const m = surnameMatch(a.key, b.key);
  if (m !== NONE) return m;
  const shortest = Math.min(a.key.length, b.key.length);
  const max = shortest >= 7 ? 2 : shortest >= 5 ? 1 : 0;
  if (max > 0 && vowelsSwapped(a.key, b.key, max)) return WEAK;
  return tables.nicknames.get(a.plain)?.has(b.plain) ? WEAK : NONE;
}

/**
 * An index key for a surname key: spellings that surnameMatch accepts share it. Words of five
 * letters or more (the only ones with a fuzzy match) by first letter and consonants; shorter
 * words, which match only when equal, by themselves.
 */
export function skeleton(key: string): string {
  return key.length >= 5 ? `${key[0] ?? ''}${key.slice(1).replace(/[aeiouy]/g, '')}~` : key;
}

// ---- person names ---------------------------------------------------------------------------

export interface Token {
  readonly key: string;
  readonly plain: string;
  /** A middle or leading initial ("W." in "George W. Bush"). */
  readonly initial: boolean;
  /** The particle written before it and left out ("da" of "Da Vinci"), or ''. */
  readonly particle: string;
  /** Index of the written word it comes from ("Saint-Andre" is one word of two tokens). */
  readonly word: number;
  /** Written as a name: a capital, then lowercase ("Urrutia", not "MP" or "show"). */
  readonly titled: boolean;
}

/** A person's name read for comparison: particles and honorifics out, initials marked. */
export interface PersonName {
  readonly tokens: readonly Token[];
  readonly suffix: string;
}

/** Reads a person's label; undefined when nothing name-like is left, or for a label that is no plain name. */
export function personName(label: string): PersonName | undefined {
  const words = label.trim().split(/\s+/);
  const tokens: Token[] = [];
  let suffix = '';
  let particle = '';
  for (let w = 0; w < words.length; w++) {
    const word = words[w] ?? '';
    const lower = plain(word);
    // "Happy Mondays - Kinky Afro", "Vera Drake: review": a title, not a name.
    if (!/\p{L}/u.test(word) || /[:;!?"()[\]\d]/u.test(word)) return undefined;
    if (tokens.length === 0 && HONORIFICS.has(lower)) continue;
    if (w > 0 && POSTNOMINALS.has(lower)) continue;
    if (w > 0 && SUFFIXES.has(lower)) {
      suffix = lower;
      continue;
    }
    // "J.D." holds two initials; "Jong-un" two words (as "Jong Un").
    if (/^(?:\p{L}\.){2,}$/u.test(word)) {
      for (const letter of word.split('.').filter((l) => l)) tokens.push({ key: plain(letter), plain: plain(letter), initial: true, particle: '', word: w, titled: false });
      continue;
    }
    const parts = word.split(/[-‐]/).filter((p) => p);
    for (let p = 0; p < parts.length; p++) {
      const part = parts[p] ?? '';
      const lowerPart = plain(part);
      if (!lowerPart) continue;
      const joined = parts.length > 1 && p < parts.length - 1;
      const isParticle = PARTICLES.has(lowerPart)
        && (tokens.length > 0 || !ARTICLE_PARTICLES.has(lowerPart) || joined || part === lowerPart);
      if (isParticle && (tokens.length > 0 || words.length + parts.length > 2)) {
        particle = lowerPart;
        continue;
      }
      tokens.push({ key: tokenKey(part), plain: lowerPart, initial: lowerPart.length === 1, particle, word: w, titled: /^\p{Lu}\p{Ll}/u.test(part) });
      particle = '';
    }
  }
  // "Edward III": a regnal name, not a surname; "Mac OS X": an initial after the last word.
  if (tokens.length === 1 && suffix) return undefined;
  if (tokens.length > 1 && tokens[tokens.length - 1]?.initial) return undefined;
  return tokens.length ? { tokens, suffix } : undefined;
}

/** The same words with the same keys and initials, and the same suffix: one name spelled otherwise. */
export function sameKeys(a: PersonName, b: PersonName): boolean {
  return a.suffix === b.suffix && a.tokens.length === b.tokens.length && a.tokens.every((t, i) => t.key === b.tokens[i]?.key && t.initial === b.tokens[i]?.initial);
}

export function fullTokens(name: PersonName): Token[] {
  return name.tokens.filter((t) => !t.initial);
}

/** The last full word: the surname ("Putin" in "Vladimir V. Putin"). */
export function surname(name: PersonName): Token | undefined {
  const full = fullTokens(name);
  return full[full.length - 1];
}

/**
 * A lone name against a full one. The whole last written word, with the same particle if the
 * lone name has one ("De Niro" | "Robert De Niro", not "Da Vinci" | "Roberta Vinci"): strong. Any
 * later word spelled alike ("Gonzalez" | "Edmundo Gonzalez Urrutia", "Henin" | "Justine
 * Henin-Hardenne", "Barosso" | "Manuel Barroso"): only within one document.
 */
function loneMatch(lone: PersonName, full: PersonName): MatchStrength {
  const one = lone.tokens[0];
  const words = fullTokens(full);
  if (!one || full.tokens.length < 2 || words.length === 0) return NONE;
  const lastWord = words[words.length - 1]?.word;
  const last = words.filter((t) => t.word === lastWord);
  const particleOk = (t: Token | undefined): boolean => !one.particle || t?.particle === one.particle;
  if (last.length === 1 && last[0]?.plain === one.plain && particleOk(last[0])) return STRONG;
  const rest = full.tokens[0]?.initial ? words : words.slice(1);
  return rest.some((t) => surnameMatch(one.key, t.key) !== NONE && particleOk(t)) ? SAME_DOCUMENT : NONE;
}

/**
 * How well two person names can name one person, on the names alone (see MatchStrength). A lone
 * name: loneMatch; two lone names spelled differently (Zelensky | Zelenskyy): within one document.
 * Two full names fit when their given names are one, the shorter's other words come in order in
 * the longer, and their initials and suffixes do not differ. Strong when the words are the same
 * keys and only initials are added (Vladimir V. Putin); weak for a nickname, a vowel more or
 * swapped, or an added word (a middle name, a second surname). `givenNames` are the keys the
 * corpus uses as first words of full names.
 */
export function personMatch(a: PersonName, b: PersonName, tables: NameTables = nameTables(), givenNames: ReadonlySet<string> = NO_NAMES): MatchStrength {
  const aSingle = a.tokens.length === 1;
  const bSingle = b.tokens.length === 1;
  if (aSingle && bSingle) {
    const x = a.tokens[0];
    const y = b.tokens[0];
    if (!x || !y || x.plain === y.plain || x.particle !== y.particle) return NONE;
    return surnameMatch(x.key, y.key) !== NONE ? SAME_DOCUMENT : NONE;
  }
  if (aSingle) return loneMatch(a, b);
  if (bSingle) return loneMatch(b, a);
  if (a.suffix !== b.suffix) return NONE;
  const firstA = a.tokens[0];
  const firstB = b.tokens[0];
  if (!firstA || !firstB) return NONE;
  let strength: MatchStrength = STRONG;
  // A leading initial matches the same initial, or weakly a given name it starts ("J Lewsey" |
  // "Josh Lewsey"; "J. Smith" may be anyone called Smith).
  if (firstA.initial || firstB.initial) {
    if (firstA.initial && firstB.initial) {
      if (firstA.key !== firstB.key) return NONE;
    } else if ((firstA.initial ? firstB : firstA).plain[0] === (firstA.initial ? firstA : firstB).key) {
      strength = WEAK;
    } else return NONE;
  } else {
    strength = givenMatch(firstA, firstB, tables);
    if (strength === NONE) return NONE;
  }
  const restA = a.tokens.slice(1);
  const restB = b.tokens.slice(1);
  const wordsA = restA.filter((t) => !t.initial);
  const wordsB = restB.filter((t) => !t.initial);
  if (wordsA.length === 0 || wordsB.length === 0) return NONE;
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  // The shorter's words in order inside the longer.
  const matched = new Set<number>();
  let j = 0;
  for (const t of shorter) {
    let m: MatchStrength = NONE;
    while (j < longer.length && (m = surnameMatch(t.key, longer[j]?.key ?? '')) === NONE) j++;
    if (j >= longer.length) return NONE;
    strength = Math.min(strength, m) as MatchStrength;
    matched.add(j++);
  }
  if (matched.size < longer.length) {
    // An added word: a middle name, or a second surname written as a name ("Urrutia"), not a
    // thing ("Doris Day Show") or a post-nominal written in capitals.
    const lastMatched = Math.max(...matched);
    const added = longer.slice(lastMatched + 1);
    if (added.some((t) => !t.titled || NOT_SURNAMES.has(t.plain))) return NONE;
    // A word added after the shorter's last word, which the corpus uses as a given name: the
    // shorter may be a compound given name alone ("Juan Carlos" | "Juan Carlos Ferrero").
    const end = shorter[shorter.length - 1];
    strength = Math.min(strength, added.length && end && givenNames.has(end.key) ? SAME_DOCUMENT : WEAK) as MatchStrength;
  }
  // Initials: two lists must be equal ("W." vs "H. W."); one list must spell the other's
  // unmatched middle words when it has any ("H. W." = Herbert Walker).
  const initialsA = restA.filter((t) => t.initial).map((t) => t.key).join('');
  const initialsB = restB.filter((t) => t.initial).map((t) => t.key).join('');
  if (initialsA && initialsB) return initialsA === initialsB ? strength : NONE;
  const initials = initialsA || initialsB;
  if (!initials) return strength;
  // The unmatched words of the name without initials, before its surname.
  const plainName = initialsA ? wordsB : wordsA;
  const other = plainName === longer ? longer.filter((_, i) => !matched.has(i)) : [];
  const middles = other.filter((t) => t !== plainName[plainName.length - 1]).map((t) => t.key[0]).join('');
  return middles === '' || middles === initials ? strength : NONE;
}

// ---- the tables -----------------------------------------------------------------------------

interface NicknameFile { nicknames: Record<string, string[]> }
interface AliasFile { groups: { type: 'person' | 'group'; names: string[] }[] }
interface KnownAliasFile { aliases: { type: 'person' | 'group'; names: string[]; reason: string }[] }

let tables: NameTables | undefined;

function readData<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'data', name), 'utf8')) as T;
}

/** The tables of src/graph/data, read once per process. */
export function nameTables(): NameTables {
  if (tables) return tables;
  const nicknames = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    let set = nicknames.get(a);
    if (!set) nicknames.set(a, (set = new Set()));
    set.add(b);
  };
  for (const [name, nicks] of Object.entries(readData<NicknameFile>('nicknames.json').nicknames)) {
    for (const nick of nicks) {
      link(name, nick);
      link(nick, name);
    }
  }
  const rows = [...readData<AliasFile>('actor-aliases.json').groups, ...readData<KnownAliasFile>('known-aliases.json').aliases];
  tables = {
    nicknames,
    personAliases: rows.filter((r) => r.type === 'person').map((r) => r.names),
    groupAliases: rows.filter((r) => r.type === 'group').map((r) => r.names),
  };
  return tables;
}

