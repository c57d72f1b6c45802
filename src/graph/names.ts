// Name variants across documents: which entity ids of a corpus name one actor. Outlets spell one
// person several ways (Zelensky | Zelenskyy, Daglo | Dagalo, Dmitry | Dmitri S.), add or drop a
// middle initial or a second surname (Vladimir V. Putin, Edmundo Gonzalez Urrutia), use a
// nickname (Mike | Michael Waltz) or an alias (Hemedti), and name a group by an acronym or in the
// singular (RSF | Rapid Support Forces, Houthi | Houthis). Accents never split a node: the id
// (slugify) drops them already.
//
// How: every rule proposes pairs of entities that could be one actor. A name that fits two actors
// who cannot be one ("George Bush" beside "George W. Bush" and "George H. W. Bush", "Marcos"
// beside a father and a son) is vague and merges with nobody. What remains falls into groups in
// which every pair fits, and each group becomes one node. Never merged: two entities of the
// gazetteer, two different Wikidata ids, a person with a non-person, two given names that are
// neither spellings nor nicknames of one another, two different middle initials, Jr. and Sr.
// Everything depends on the set of entities only (sorted by id first), never on document order.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityType } from '../types';

/** One entity of the corpus as the graph stage sees it after every document is in. */
export interface NameEntity {
  readonly id: string;
  readonly entityType: EntityType;
  /** The node's label (best label over documents). */
  readonly label: string;
  /** Other labels and mention texts seen for it. */
  readonly aliases: readonly string[];
  readonly mentions: number;
  /** Named by the gazetteer or an alias file: two known entities are never merged. */
  readonly known: boolean;
  readonly wikidata?: string;
  /** Documents that mention it. */
  readonly documents: readonly string[];
}

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

function plain(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’.,]/g, '');
}

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

/** Consonants of a key: spellings that surnameMatch accepts share them (an index key). */
function skeleton(key: string): string {
  return key.replace(/[aeiouy]/g, '');
}

// ---- person names ---------------------------------------------------------------------------

interface Token {
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
function sameKeys(a: PersonName, b: PersonName): boolean {
  return a.suffix === b.suffix && a.tokens.length === b.tokens.length && a.tokens.every((t, i) => t.key === b.tokens[i]?.key && t.initial === b.tokens[i]?.initial);
}

function fullTokens(name: PersonName): Token[] {
  return name.tokens.filter((t) => !t.initial);
}

/** The last full word: the surname ("Putin" in "Vladimir V. Putin"). */
function surname(name: PersonName): Token | undefined {
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

// ---- organisations and groups ---------------------------------------------------------------

const GROUP_TYPES: ReadonlySet<EntityType> = new Set(['organization', 'other']);
/** Words an acronym may leave out ("Department of Justice" is DOJ or DJ). */
const LINK_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and', '&', 'on', 'in', 'de', 'du', 'des', 'la', 'al']);
const ACRONYM = /^\p{Lu}[\p{Lu}\d&]{1,6}$/u;

/** A group's name as compared: no leading "the", no accents, lowercase ("The Houthis" → "houthis"). */
export function groupKey(label: string): string {
  const words = label.trim().split(/\s+/).map((w) => w.replace(/['’]s$/u, ''));
  if (words.length > 1 && plain(words[0] ?? '') === 'the') words.shift();
  return words.map(plain).join(' ');
}

/**
 * The singular of a group key's last word, when it looks plural ("houthis" → "houthi", "tories"
 * → "tory"). None for a name with a link word: the last word of "Court of Appeals" is not its head.
 */
export function singularKey(key: string): string | undefined {
  const m = /^(.*?)(ies|es|s)$/u.exec(key);
  if (!m || key.endsWith('ss') || key.endsWith('us') || key.split(' ').some((w) => LINK_WORDS.has(w))) return undefined;
  const stem = m[1] ?? '';
  if (m[2] === 'ies') return `${stem}y`;
  if (m[2] === 'es') return /(?:ch|sh|x|z)$/u.test(stem) ? stem : `${stem}e`;
  return stem;
}

/** An acronym label ("RSF", "the FTC", "U.N."), its letters; undefined for other labels. */
export function acronymOf(label: string): string | undefined {
  const word = label.trim().replace(/^the\s+/iu, '').replace(/\./g, '');
  return ACRONYM.test(word) ? word.toUpperCase() : undefined;
}

/**
 * The acronyms a multi-word name spells: with and without its link words. A word in capitals
 * gives all its letters ("UK Ministry of Defence" is UKMOD, not UMD).
 */
export function initialsOf(label: string): string[] {
  const words = label.trim().replace(/^the\s+/iu, '').split(/[\s\-–]+/).filter((w) => w);
  if (words.length < 2 || words.some((w) => !/^\p{Lu}/u.test(w) && !LINK_WORDS.has(w.toLowerCase()))) return [];
  const letters = (w: string): string => (/^\p{Lu}{2,}$/u.test(w) ? w : w[0] ?? '');
  const all = words.map(letters).join('').toUpperCase();
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).map(letters).join('');
  return all === capitals ? [all] : [capitals, all];
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

// ---- merging --------------------------------------------------------------------------------

interface Candidate {
  readonly entity: NameEntity;
  readonly index: number;
  readonly person: PersonName | undefined;
  readonly documents: ReadonlySet<string>;
}

/** Undirected pairs of candidate indices, each kept once. */
class PairSet {
  readonly neighbours = new Map<number, Set<number>>();

  add(a: number, b: number): void {
    if (a === b) return;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      let set = this.neighbours.get(x);
      if (!set) this.neighbours.set(x, (set = new Set()));
      set.add(y);
    }
  }

  has(a: number, b: number): boolean {
    return this.neighbours.get(a)?.has(b) ?? false;
  }

  /** Pairs that may share a node but are no reason to merge: one lone surname in two entities. */
  readonly alike = new Set<string>();

  /** Whether two may end in one node: a pair, or alike. */
  fits(a: number, b: number): boolean {
    return this.has(a, b) || this.alike.has(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
}

function shareDocument(a: Candidate, b: Candidate): boolean {
  const [small, large] = a.documents.size <= b.documents.size ? [a, b] : [b, a];
  for (const d of small.documents) if (large.documents.has(d)) return true;
  return false;
}

/** Adds a value to the list under a key. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Surname key → the given names (keys) borne with it by the people of the corpus with a full name. */
function bearers(people: readonly Candidate[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const c of people) {
    const first = c.person?.tokens[0];
    const last = c.person && surname(c.person);
    if (!first || !last || c.person?.tokens.length === 1) continue;
    let set = map.get(last.key);
    if (!set) map.set(last.key, (set = new Set()));
    set.add(first.key);
  }
  return map;
}

/**
 * Whether a match of some strength counts for these two: a weak one needs one document that
 * names both, or nobody else in the corpus who bears either surname (two Joneses called Steve
 * and Stephen may be two people among the corpus's other Joneses; Mike and Michael Waltz are one).
 */
function counts(strength: MatchStrength, a: Candidate, b: Candidate, borne: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (strength === STRONG) return true;
  if (strength === NONE) return false;
  if (shareDocument(a, b)) return true;
  if (strength === SAME_DOCUMENT || !a.person || !b.person) return false;
  const firsts = new Set([a.person.tokens[0]?.key, b.person.tokens[0]?.key]);
  for (const name of [a.person, b.person]) {
    for (const given of borne.get(surname(name)?.key ?? '') ?? []) if (!firsts.has(given)) return false;
  }
  return true;
}

/** Pairs of people whose names fit (personMatch) or that one alias group names. */
function personPairs(people: readonly Candidate[], pairs: PairSet, t: NameTables): void {
  // Index every full word after the first by its consonants: a surname's spellings share them.
  const byWord = new Map<string, Candidate[]>();
  for (const c of people) {
    const full = c.person ? fullTokens(c.person) : [];
    const words = c.person?.tokens.length === 1 ? full : full.slice(full[0] === c.person?.tokens[0] ? 1 : 0);
    for (const k of new Set(words.map((w) => skeleton(w.key)))) push(byWord, k, c);
  }
  const borne = bearers(people);
  const givenNames = new Set<string>();
  for (const c of people) if (c.person && c.person.tokens.length > 1 && !c.person.tokens[0]?.initial) givenNames.add(c.person.tokens[0]?.key ?? '');
  for (const a of people) {
    const last = a.person && surname(a.person);
    if (!a.person || !last) continue;
    for (const b of byWord.get(skeleton(last.key)) ?? []) {
      if (b.index === a.index || !b.person || pairs.has(a.index, b.index)) continue;
      const strength = personMatch(a.person, b.person, t, givenNames);
      if (counts(strength, a, b, borne)) pairs.add(a.index, b.index);
      // A lone name that may be the other is no reason to merge, but no conflict either: it may
      // join the node through a full name it does fit ("Zelenskyy" beside "Volodymyr Zelensky").
      else if (strength !== NONE && (a.person.tokens.length === 1 || b.person.tokens.length === 1)) pairs.alike.add(a.index < b.index ? `${a.index} ${b.index}` : `${b.index} ${a.index}`);
    }
  }
  // Two entities known by one lone surname ("Smith" under two ids) may be one person.
  const lone = new Map<string, number[]>();
  for (const c of people) if (c.person?.tokens.length === 1) push(lone, `${c.person.tokens[0]?.particle} ${c.person.tokens[0]?.plain}`, c.index);
  for (const list of lone.values()) for (const a of list) for (const b of list) if (a < b) pairs.alike.add(`${a} ${b}`);
  // Alias groups: a person is in a group when one of its names is a member, or its label is a
  // member spelled otherwise (same keys word for word: "Volodymyr Zelenskiy"). Not a looser fit:
  // "George W. Bush" fits a member "George Bush" that the row gives to his father.
  const members = new Map<string, number[]>();
  const groupNames = t.personAliases.map((names) => names.map((n) => personName(n)).filter((n): n is PersonName => n !== undefined));
  const memberBySurname = new Map<string, number[]>();
  t.personAliases.forEach((names, g) => {
    for (const n of names) push(members, groupKey(n), g);
    for (const n of groupNames[g] ?? []) {
      const s = surname(n);
      if (s && n.tokens.length > 1) push(memberBySurname, skeleton(s.key), g);
    }
  });
  const inGroup = new Map<number, number[]>();
  for (const c of people) {
    const groups = new Set<number>();
    for (const n of [c.entity.label, ...c.entity.aliases]) for (const g of members.get(groupKey(n)) ?? []) groups.add(g);
    const last = c.person && surname(c.person);
    if (c.person && last && c.person.tokens.length > 1) {
      const person = c.person;
      for (const g of memberBySurname.get(skeleton(last.key)) ?? []) if ((groupNames[g] ?? []).some((n) => sameKeys(person, n))) groups.add(g);
    }
    for (const g of groups) push(inGroup, g, c.index);
  }
  for (const list of inGroup.values()) for (const a of list) for (const b of list) pairs.add(a, b);
}

/** Pairs of organisations and groups: alias groups, "the", plurals, acronyms. */
function groupPairs(groups: readonly Candidate[], pairs: PairSet, t: NameTables): void {
  const byKey = new Map<string, Candidate[]>();
  for (const c of groups) {
    const key = groupKey(c.entity.label);
    push(byKey, key, c);
    const singular = acronymOf(c.entity.label) ? undefined : singularKey(key);
    if (singular) push(byKey, singular, c);
  }
  // One name with and without "the" or a plural: when named in one document, or one of them is
  // the gazetteer's ("Houthi" | "Houthis"); "Dragon" in politics is not the rugby "Dragons". One
  // label (up to case) under two ids is two things the entity stage told apart.
  for (const list of byKey.values()) {
    for (const a of list) {
      for (const b of list) {
        if (a.entity.label.toLowerCase() !== b.entity.label.toLowerCase() && (a.entity.known || b.entity.known || shareDocument(a, b))) pairs.add(a.index, b.index);
      }
    }
  }
  const members = new Map<string, number[]>();
  t.groupAliases.forEach((names, g) => {
    for (const n of names) push(members, groupKey(n), g);
  });
  const inGroup = new Map<number, number[]>();
  for (const c of groups) {
    const found = new Set<number>();
    for (const n of [c.entity.label, ...c.entity.aliases]) for (const g of members.get(groupKey(n)) ?? []) found.add(g);
    for (const g of found) push(inGroup, g, c.index);
  }
  for (const list of inGroup.values()) for (const a of list) for (const b of list) pairs.add(a, b);
  // Acronyms: a document defined it ("Rapid Support Forces (RSF)": the acronym is an alias of the
  // name, or the name of the acronym). Or else the corpus has one name that spells it, the
  // acronym has three letters or more and is no gazetteer entity, and the name is named as
  // often or in one document with it: "NHS" 19 times beside one "Norfolk High School" is not it.
  const spelling = new Map<string, Candidate[]>();
  for (const c of groups) for (const letters of new Set(initialsOf(c.entity.label))) push(spelling, letters, c);
  for (const a of groups) {
    const letters = acronymOf(a.entity.label);
    if (!letters) continue;
    const names = (spelling.get(letters) ?? []).filter((b) => b.index !== a.index);
    const defined = names.filter((b) => b.entity.aliases.some((x) => acronymOf(x) === letters) || a.entity.aliases.some((x) => groupKey(x) === groupKey(b.entity.label)));
    const only = names.length === 1 ? names[0] : undefined;
    const weak = only && letters.length >= 3 && !a.entity.known ? [only] : [];
    // A definition is local to its document: "RCA" three times for the record label is not the
    // Royal College of Art that one article spelled out.
    for (const b of defined.length ? defined : weak) if (b.entity.mentions >= a.entity.mentions || shareDocument(a, b)) pairs.add(a.index, b.index);
  }
}

/**
 * Entity id → the id of the node it merges into, for every entity that merges. Among a merged
 * group the node is the gazetteer's entity if there is one, else a name of more than one word
 * over a lone one, a given name over an initial ("Josh Lewsey" over "J Lewsey"), then the most
 * mentioned ("Vladimir Putin" over "Vladimir V. Putin" named once), the most words, the smallest id.
 */
export function nameMerges(entities: Iterable<NameEntity>, t: NameTables = nameTables()): Map<string, string> {
  const list = [...entities];
  const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const candidates: Candidate[] = sorted.map((entity, index) => ({
    entity, index, person: entity.entityType === 'person' ? personName(entity.label) : undefined, documents: new Set(entity.documents),
  }));
  const pairs = new PairSet();
  personPairs(candidates.filter((c) => c.entity.entityType === 'person'), pairs, t);
  groupPairs(candidates.filter((c) => GROUP_TYPES.has(c.entity.entityType) && /^\p{Lu}/u.test(c.entity.label.replace(/^the\s+/iu, ''))), pairs, t);

  // A name that fits two actors who do not fit each other is vague: it merges with nobody.
  const vague = new Set<number>();
  for (const [a, neighbours] of pairs.neighbours) {
    const list = [...neighbours];
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (!pairs.fits(list[i] ?? -1, list[j] ?? -1)) {
          vague.add(a);
          break outer;
        }
      }
    }
  }
  // Union in index order; a union that would put two gazetteer entities or two Wikidata ids in one
  // node is skipped.
  const parent = candidates.map((c) => c.index);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] ?? x;
    return x;
  };
  const known: number[] = candidates.map((c) => (c.entity.known ? 1 : 0));
  const wikidata = candidates.map((c) => c.entity.wikidata);
  for (const [a, neighbours] of [...pairs.neighbours].sort((x, y) => x[0] - y[0])) {
    if (vague.has(a)) continue;
    for (const b of [...neighbours].sort((x, y) => x - y)) {
      if (b < a || vague.has(b)) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra === rb) continue;
      if ((known[ra] ?? 0) + (known[rb] ?? 0) > 1) continue;
      const wa = wikidata[ra];
      const wb = wikidata[rb];
      if (wa && wb && wa !== wb) continue;
      const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
      parent[child] = root;
      known[root] = (known[ra] ?? 0) + (known[rb] ?? 0);
      wikidata[root] = wa ?? wb;
    }
  }
  const members = new Map<number, Candidate[]>();
  for (const c of candidates) push(members, find(c.index), c);
  const into = new Map<string, string>();
  const words = (c: Candidate): number => c.entity.label.trim().split(/\s+/).length;
  const lone = (c: Candidate): number => ((c.person ? c.person.tokens.length : words(c)) === 1 ? 1 : 0);
  const initialFirst = (c: Candidate): number => (c.person?.tokens[0]?.initial ? 1 : 0);
  for (const group of members.values()) {
    if (group.length < 2) continue;
    const node = [...group].sort((x, y) => Number(y.entity.known) - Number(x.entity.known) || lone(x) - lone(y) || initialFirst(x) - initialFirst(y)
      || y.entity.mentions - x.entity.mentions || words(y) - words(x) || x.index - y.index)[0];
    if (!node) continue;
    for (const c of group) if (c !== node) into.set(c.entity.id, node.entity.id);
  }
  // In the order the entities came in (the store sorts them; a Map's order is no output).
  const merges = new Map<string, string>();
  for (const e of list) {
    const node = into.get(e.id);
    if (node !== undefined) merges.set(e.id, node);
  }
  return merges;
}
