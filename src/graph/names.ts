// Name variants across documents: which entity ids of a corpus name one actor. Outlets spell one
// person several ways (Zelensky | Zelenskyy, Daglo | Dagalo, Dmitry | Dmitri S.), add or drop a
// middle initial or a second surname (Vladimir V. Putin, Edmundo Gonzalez Urrutia), use a
// nickname (Mike | Michael Waltz) or an alias (Hemedti), and name a group by an acronym or in the
// singular (RSF | Rapid Support Forces, Houthi | Houthis). Accents never split a node: the id
// (slugify) drops them already.
//
// How: every rule proposes pairs of entities that could be one actor. A weak pair (a nickname, a
// vowel more, an added word) counts only when one document names both or nobody else in the
// corpus bears the surname; an acronym named in another document than its definition, only when
// a person or organisation is named beside both. A name that fits two actors who cannot be one
// ("George Bush" beside "George W. Bush" and "George H. W. Bush", "Marcos" beside a father and
// a son) is vague and merges with nobody. What remains falls into groups in which every pair
// fits, and each group becomes one node. Never merged: two entities of the gazetteer, two
// different Wikidata ids, a person with a non-person, two given names that are neither
// spellings nor nicknames of one another, two different middle initials, Jr. and Sr.
// Everything depends on the set of entities only (sorted by id first), never on document order.
import type { EntityType } from '../types';
import {
  fullTokens, nameTables, NONE, personMatch, personName, plain, SAME_DOCUMENT, sameKeys, skeleton, STRONG, surname,
  type MatchStrength, type NameTables, type PersonName,
} from './person-names';

export {
  nameTables, NONE, personMatch, personName, SAME_DOCUMENT, sameSurname, STRONG, tokenKey, WEAK,
  type MatchStrength, type NameTables, type PersonName,
} from './person-names';

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

// ---- merging --------------------------------------------------------------------------------

interface Candidate {
  readonly entity: NameEntity;
  readonly index: number;
  readonly person: PersonName | undefined;
  readonly documents: readonly string[];
  /** The documents as a set, made when first needed (most entities are never compared). */
  documentSet: Set<string> | undefined;
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

/** The people and organisations each document names: what two entities are named beside. */
class Context {
  private readonly byDocument = new Map<string, number[]>();

  constructor(candidates: readonly Candidate[]) {
    for (const c of candidates) {
      if (c.entity.entityType !== 'person' && c.entity.entityType !== 'organization') continue;
      for (const d of c.documents) push(this.byDocument, d, c.index);
    }
  }

  /**
   * Whether some person or organisation other than the two is named in a document of each, as
   * one entity or as two that the rules pair ("Hemedti" beside "RSF", his full name beside
   * "Rapid Support Forces").
   */
  shared(a: Candidate, b: Candidate, pairs: PairSet): boolean {
    const beside = new Set<number>();
    for (const d of a.documents) for (const x of this.byDocument.get(d) ?? []) if (x !== a.index && x !== b.index) beside.add(x);
    for (const d of b.documents) {
      for (const x of this.byDocument.get(d) ?? []) {
        if (x === a.index || x === b.index) continue;
        if (beside.has(x)) return true;
        for (const y of pairs.neighbours.get(x) ?? []) if (beside.has(y)) return true;
      }
    }
    return false;
  }
}

function shareDocument(a: Candidate, b: Candidate): boolean {
  const [small, large] = a.documents.length <= b.documents.length ? [a, b] : [b, a];
  const set = (large.documentSet ??= new Set(large.documents));
  for (const d of small.documents) if (set.has(d)) return true;
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
  const index = aliasIndex(t);
  const inGroup = new Map<number, number[]>();
  for (const c of people) {
    const groups = index.person.rows(c.entity);
    const last = c.person && surname(c.person);
    if (c.person && last && c.person.tokens.length > 1) {
      const person = c.person;
      for (const g of index.personBySurname.get(skeleton(last.key)) ?? []) if ((index.personNames[g] ?? []).some((n) => sameKeys(person, n))) groups.add(g);
    }
    for (const g of groups) push(inGroup, g, c.index);
  }
  for (const list of inGroup.values()) for (const a of list) for (const b of list) pairs.add(a, b);
}

/** The rows of an alias table by each name's key, and the last words of those keys (a quick test first). */
class AliasRows {
  private readonly byKey = new Map<string, number[]>();
  private readonly lastWords = new Set<string>();

  constructor(rows: readonly (readonly string[])[]) {
    rows.forEach((names, g) => {
      for (const n of names) {
        const key = groupKey(n);
        push(this.byKey, key, g);
        this.lastWords.add(key.slice(key.lastIndexOf(' ') + 1));
      }
    });
  }

  /** The rows that name an entity by its label or an alias. */
  rows(entity: NameEntity): Set<number> {
    const found = new Set<number>();
    for (const n of [entity.label, ...entity.aliases]) {
      if (!this.lastWords.has(plain(n.slice(n.lastIndexOf(' ') + 1).replace(/['’]s$/u, '')))) continue;
      for (const g of this.byKey.get(groupKey(n)) ?? []) found.add(g);
    }
    return found;
  }
}

interface AliasIndex {
  readonly person: AliasRows;
  readonly group: AliasRows;
  readonly personNames: readonly (readonly PersonName[])[];
  /** Person rows by the consonants of each member's surname (members of two words or more). */
  readonly personBySurname: ReadonlyMap<string, readonly number[]>;
}

const aliasIndexes = new WeakMap<NameTables, AliasIndex>();

/** The alias tables indexed once per process (per tables object). */
function aliasIndex(t: NameTables): AliasIndex {
  let index = aliasIndexes.get(t);
  if (index) return index;
  const personNames = t.personAliases.map((names) => names.map((n) => personName(n)).filter((n): n is PersonName => n !== undefined));
  const personBySurname = new Map<string, number[]>();
  personNames.forEach((names, g) => {
    for (const n of names) {
      const s = surname(n);
      if (s && n.tokens.length > 1) push(personBySurname, skeleton(s.key), g);
    }
  });
  index = { person: new AliasRows(t.personAliases), group: new AliasRows(t.groupAliases), personNames, personBySurname };
  aliasIndexes.set(t, index);
  return index;
}

/** Pairs of organisations and groups: alias groups, "the", plurals, acronyms. */
function groupPairs(groups: readonly Candidate[], pairs: PairSet, t: NameTables, context: Context): void {
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
  const index = aliasIndex(t);
  const inGroup = new Map<number, number[]>();
  for (const c of groups) for (const g of index.group.rows(c.entity)) push(inGroup, g, c.index);
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
    // Royal College of Art that one article spelled out; "PPI" beside Greenspan is no pensions
    // institute. Across documents the name must be named as often, and some person or
    // organisation must be named with both (the RSF and Rapid Support Forces beside Hemedti).
    for (const b of defined.length ? defined : weak) {
      if (shareDocument(a, b) || (b.entity.mentions >= a.entity.mentions && context.shared(a, b, pairs))) pairs.add(a.index, b.index);
    }
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
    entity, index, person: entity.entityType === 'person' ? personName(entity.label) : undefined, documents: entity.documents, documentSet: undefined,
  }));
  const pairs = new PairSet();
  personPairs(candidates.filter((c) => c.entity.entityType === 'person'), pairs, t);
  groupPairs(candidates.filter((c) => GROUP_TYPES.has(c.entity.entityType) && /^\p{Lu}/u.test(c.entity.label.replace(/^the\s+/iu, ''))), pairs, t, new Context(candidates));

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
