// The text coreference reads (coref.ts): each token's quotation, the name at each token, the roles
// the dependency parse or surface cues give, the genders the document and the name data say, and
// the common nouns that compete with named actors. Written for newsgraph (MIT).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedDocument, EntityType, Fact, Mention, SyntaxLayer, Token } from '../types';
import type { ActorReference } from './index';
import { GROUP_NOUNS } from './tables';
import { CLAUSE_BREAKS, GENDERED_WORDS, IDIOMS, IRREGULAR_PLURALS, QUOTES, SPEECH_VERBS, SURNAME_ENDINGS, type Gender, type PronounKind } from './coref-words';

export type Role = 'subject' | 'object' | 'possessor' | 'oblique' | 'other' | 'modifier';

/** An antecedent known so far: a name, a title, a description or a resolved pronoun. */
export interface Item {
  readonly entity: string;
  readonly entityType: EntityType;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly role: Role;
  /** The head token's head (the verb of its clause), -1 when unknown. */
  readonly governor: number;
  /** A common noun that may be what the pronoun stands for ("officials … they"): if it wins, no actor does. */
  readonly noun?: 'plural' | 'singular' | Gender | 'person';
  /** Named by an adjective ("French troops"): a weaker antecedent for "the country" than a name. */
  readonly demonym?: boolean;
  /** A pronoun or description resolved to the entity, not its name. */
  readonly resolved?: boolean;
}

export interface CorefInput {
  readonly doc: AnnotatedDocument;
  /** The references found so far (names, lexicon matches, titles), any order; pronouns among them are ignored. */
  readonly references: readonly ActorReference[];
  /** The mentions found so far: an antecedent's offsets are those of a mention of its entity. */
  readonly mentions: readonly Mention[];
  /** The dependency parse where there is one (sentences it did not parse fall back to surface cues). */
  readonly syntax?: SyntaxLayer | undefined;
  /** A person entity's full name ("Nick Bos"), whose given name may say their gender. */
  readonly personLabel?: (entity: string) => string | undefined;
  /** Entities that are groups of people ("Muslims"): "they" may stand for them. */
  readonly groups?: ReadonlySet<string>;
  /** An entity's label ("Foreign Ministry", "African Union"), for descriptions. */
  readonly label?: (entity: string) => string | undefined;
  /** Roles per person ("President of Russia"), for descriptions. */
  readonly roles?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Facts the titles gave (leader_of, member_of): the countries a person is tied to. */
  readonly facts?: readonly Fact[];
  /** A word that names a country as an adjective ("Russian") → that country's id. */
  readonly demonym?: (word: string) => string | undefined;
  /** The states or bodies a person of the news gazetteer serves (people.json), by any spelling of the name. */
  readonly servedBy?: (entity: string) => readonly string[] | undefined;
}

let genders: ReadonlyMap<string, Gender> | undefined;

/** Given name → gender, from data/name-genders.json (scripts/make-name-genders.mjs). */
function nameGenders(): ReadonlyMap<string, Gender> {
  if (!genders) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'name-genders.json'), 'utf8')) as { male: string; female: string };
    const map = new Map<string, Gender>();
    for (const n of data.male.split(' ')) map.set(n, 'male');
    for (const n of data.female.split(' ')) map.set(n, 'female');
    genders = map;
  }
  return genders;
}

/** Words that open a relative clause after a comma: ", who …,", ", which …,". */
const RELATIVE_WORDS: ReadonlySet<string> = new Set(['who', 'which', 'whom', 'whose', 'where']);

const REFLEXIVES: ReadonlySet<string> = new Set(['himself', 'herself', 'itself', 'themselves']);

/** Articles that open an apposition after a name: "Solberg, a teacher,". */
const ARTICLES_A: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Words that negate a following "any" ("no longer any X", "not any X"): X is denied, not introduced. */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', "n't", 'never', 'without', 'nor']);

/** A document's tokens as coreference reads them; coref-cues.ts and coref.ts build on it. */
/** Files an item seen into the indexes CorefText keeps of `seen` (see noteSeen). */
function addSeen(m: Item, bySentence: Map<number, Item[]> | undefined, actors: Map<string, { first: Item; last: Item }> | undefined, countries: Map<string, number> | undefined): void {
  const list = bySentence?.get(m.sentence);
  if (list) list.push(m);
  else bySentence?.set(m.sentence, [m]);
  if (m.noun) return;
  const actor = actors?.get(m.entity);
  if (actor) actor.last = m;
  else actors?.set(m.entity, { first: m, last: m });
  if (m.entityType === 'country') countries?.set(m.entity, (countries.get(m.entity) ?? 0) + 1);
}

export class CorefText {
  protected readonly tokens: readonly Token[];
  protected readonly syntax: SyntaxLayer | undefined;
  protected readonly gender = new Map<string, Gender>();
  protected readonly groups: ReadonlySet<string>;
  protected readonly covered: Uint8Array;
  /** 1 inside a quotation. */
  protected readonly quoted: Uint8Array;
  /** The name, title or lexicon reference at each token. */
  protected readonly baseAt: Array<ActorReference | undefined>;
  /**
   * For a token inside a relative clause set off by commas (", who was arrested in 2020 …,"), the
   * index of its closing comma; else 0. A name there is embedded in another's phrase: less salient
   * once the clause has closed (Lappin and Leass's head-noun emphasis), and not the main clause's subject.
   */
  protected readonly embeddedUntil: Uint32Array;
  /** …and the index of its opening comma. */
  protected readonly embeddedFrom: Uint32Array;
  /** The items Resolver.see pushed onto `seen`, by sentence, in its order: one sentence's without a scan of all (seenIn). */
  private readonly seenBySentence = new Map<number, Item[]>();
  /** …each actor's first and last item there (no nouns), in the order first seen… */
  private readonly actorsSeen = new Map<string, { first: Item; last: Item }>();
  /** …and how often each country was named there (no nouns). */
  private readonly countriesSeen = new Map<string, number>();
  private seenList: readonly Item[] | undefined;
  private noted = 0;

  constructor(protected readonly input: CorefInput) {
    this.tokens = input.doc.tokens;
    this.syntax = input.syntax;
    this.groups = input.groups ?? new Set();
    this.covered = new Uint8Array(this.tokens.length);
    // (Every slot there from the start: written out of order into an empty array, V8 kept it as a dictionary.)
    this.baseAt = new Array<ActorReference | undefined>(this.tokens.length).fill(undefined);
    this.quoted = new Uint8Array(this.tokens.length);
    let inside = 0;
    let sentence = -1;
    for (const t of this.tokens) {
      if (t.sentence !== sentence && t.lineStart) inside = 0;
      sentence = t.sentence;
      if (QUOTES.has(t.value)) inside = t.value === '“' ? 1 : t.value === '”' ? 0 : 1 - inside;
      else this.quoted[t.index] = inside;
    }
    this.embeddedUntil = new Uint32Array(this.tokens.length);
    this.embeddedFrom = new Uint32Array(this.tokens.length);
    for (const t of this.tokens) {
      // (", under which …,", ", in which …,": a preposition may come first.)
      const opener = this.tokens[t.index + 1]?.pos === 'ADP' ? this.tokens[t.index + 2] : this.tokens[t.index + 1];
      if (t.value !== ',' || !RELATIVE_WORDS.has(opener?.lower ?? '')) continue;
      let verb = false;
      for (let k = t.index + 2; k < this.tokens.length && this.tokens[k]?.sentence === t.sentence; k++) {
        const w = this.tokens[k] as Token;
        if (w.pos === 'VERB' || w.pos === 'AUX') verb = true;
        if (QUOTES.has(w.value) || w.value === ';' || w.value === ':') break;
        if (w.value !== ',') continue;
        if (verb) for (let i = t.index + 1; i < k; i++) {
          this.embeddedUntil[i] = k;
          this.embeddedFrom[i] = t.index;
        }
        break;
      }
    }
  }

  /** Records the item just pushed onto `seen` (by Resolver.see), for seenIn. */
  protected noteSeen(seen: readonly Item[]): void {
    if (seen !== this.seenList || this.noted !== seen.length - 1) {
      this.seenList = seen;
      this.seenBySentence.clear();
      this.actorsSeen.clear();
      this.countriesSeen.clear();
      this.noted = 0;
    }
    for (; this.noted < seen.length; this.noted++) addSeen(seen[this.noted] as Item, this.seenBySentence, this.actorsSeen, this.countriesSeen);
  }

  /** Each actor `seen` names (no nouns) with its first and last item there, in the order first named. */
  protected seenActors(seen: readonly Item[]): ReadonlyMap<string, { readonly first: Item; readonly last: Item }> {
    if (seen === this.seenList && seen.length === this.noted) return this.actorsSeen;
    const actors = new Map<string, { first: Item; last: Item }>();
    for (const m of seen) addSeen(m, undefined, actors, undefined);
    return actors;
  }

  /** How many items of `seen` name each country (no nouns). */
  protected seenCountries(seen: readonly Item[]): ReadonlyMap<string, number> {
    if (seen === this.seenList && seen.length === this.noted) return this.countriesSeen;
    const countries = new Map<string, number>();
    for (const m of seen) addSeen(m, undefined, undefined, countries);
    return countries;
  }

  /**
   * seen.filter((m) => m.sentence === sentence), from the buckets noteSeen keeps (the same items in
   * the same order) when `seen` is the list it saw grow: a pronoun then costs its sentence's items,
   * not every item seen so far (a 100,000-character part holds thousands).
   */
  protected seenIn(seen: readonly Item[], sentence: number): readonly Item[] {
    if (seen !== this.seenList || seen.length !== this.noted) return seen.filter((m) => m.sentence === sentence);
    return this.seenBySentence.get(sentence) ?? [];
  }

  /** Whether the item stands in a relative clause that closed before token k. */
  protected embeddedBefore(m: Item, k: number): boolean {
    const until = this.embeddedUntil[m.first] ?? 0;
    // ("Mr Jackson, who has clashed with his leaders, …": the clause's own head, named in it again, is not embedded.)
    return until > 0 && until < k && this.baseAt[(this.embeddedFrom[m.first] ?? 0) - 1]?.entity !== m.entity;
  }

  /** Whether another actor is joined to this mention by "and", "or" or a comma ("A and B", "A, B"). */
  protected conjoined(m: Item): boolean {
    const joiner = (w: Token | undefined): boolean => w !== undefined && (w.lower === 'and' || w.lower === 'or' || w.lower === 'nor' || w.value === ',' || w.value === '&');
    let k = m.last + 1;
    if (joiner(this.tokens[k])) {
      while (joiner(this.tokens[k]) || this.tokens[k]?.lower === 'the') k++;
      const r = this.baseAt[k];
      if (r && r.entity !== m.entity) return true;
    }
    k = m.first - 1;
    if (joiner(this.tokens[k])) {
      while (joiner(this.tokens[k]) || this.tokens[k]?.lower === 'the') k--;
      const r = this.baseAt[k];
      if (r && r.entity !== m.entity && r.entityType === m.entityType) return true;
    }
    return false;
  }

  /** Whether token `head` is an ancestor of token k in the parse (within a few steps). */
  protected dominates(head: number, k: number): boolean {
    let i = k;
    for (let steps = 0; steps < 8 && i >= 0; steps++) {
      i = this.syntax?.heads[i] ?? -1;
      if (i === head) return true;
    }
    return false;
  }

  /** Whether a subject and a later (object) pronoun stand in one clause: the parse says so, or no clause break lies between. */
  protected clauseMates(m: Item, pronoun: number, governor: number): boolean {
    if (governor >= 0 && m.governor >= 0) return m.governor === governor;
    // "Chad's opposition leader, Succes Masra, criticised …": the comma closing an apposed subject opens no clause.
    const apposed = this.tokens[m.last + 1]?.value === ',' && ['VERB', 'AUX'].includes(this.tokens[m.last + 2]?.pos ?? '') && this.tokens[m.first - 1]?.value === ',';
    for (let k = apposed ? m.last + 2 : m.last + 1; k < pronoun; k++) {
      // "spoke with Netanyahu and told him", "…, and accused him": a verb right after "and" shares the subject; no new clause.
      const and = (i: number): boolean => (this.tokens[i]?.lower === 'and' || this.tokens[i]?.lower === 'but') && this.tokens[i + 1]?.pos === 'VERB';
      // "…, telling him": a participle after a comma has the main clause's subject too.
      const participle = this.tokens[k]?.value === ',' && this.tokens[k + 1]?.pos === 'VERB' && /ing$/.test(this.tokens[k + 1]?.lower ?? '');
      const shared = and(k) || (this.tokens[k]?.value === ',' && and(k + 1)) || participle;
      // ("paid tribute to the director X, telling him": "to" before a noun is a preposition, no infinitive's clause.)
      const preposition = this.tokens[k]?.lower === 'to' && !['VERB', 'AUX', 'ADV'].includes(this.tokens[k + 1]?.pos ?? '');
      if (CLAUSE_BREAKS.has(this.tokens[k]?.lower ?? '') && !shared && !preposition) return false;
      // "Mantooth said Mars promised her": a verb of speech whose clause has a verb of its own before the pronoun opens that clause.
      const w = this.tokens[k];
      if (w?.pos === 'VERB' && SPEECH_VERBS.has(w.lemma) && this.tokens.slice(k + 1, pronoun).some((x) => x.pos === 'VERB')) return false;
    }
    return true;
  }

  /** "her" before a noun (or an adjective, a number) is a possessive: "her party", "her first visit". */
  protected possessiveHer(t: Token): boolean {
    const rel = this.deprel(t.index);
    if (rel) return rel === 'nmod:poss';
    const next = this.tokens[t.index + 1];
    return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'PROPN');
  }

  protected agrees(m: Item, kind: PronounKind): boolean {
    if (m.role === 'modifier' && (kind === 'neuter' || kind === 'plural')) return false;
    if (m.noun) {
      if (kind === 'plural') return m.noun === 'plural';
      if (kind === 'neuter') return m.noun === 'singular';
      return m.noun === kind;
    }
    switch (kind) {
      case 'male':
      case 'female': {
        if (m.entityType !== 'person') return false;
        const g = this.gender.get(m.entity);
        return g === undefined || g === kind;
      }
      case 'neuter':
        return m.entityType === 'organization' || m.entityType === 'country';
      case 'plural':
        return m.entityType === 'organization' || m.entityType === 'country' || this.groups.has(m.entity);
    }
  }

  /** Common nouns that compete with named actors: plural ("officials"), singular things, gendered people ("her mother"). */
  protected nounItems(): Item[] {
    const out: Item[] = [];
    const apposed = this.appositions();
    for (const t of this.tokens) {
      if (this.covered[t.index] || t.pos !== 'NOUN' || apposed[t.index]) continue;
      // "in fact", "of course", "at least": a noun in a fixed adverbial stands for nothing.
      if (IDIOMS.has(`${this.tokens[t.index - 1]?.lower ?? ''} ${t.lower}`)) continue;
      // "his wife Manju Sam", "spokeswoman Sujata Raisinghani": a noun right before a person's name is their title, no
      // rival (a plural one is not: "Greek sprinters X and Y … they" may be the sprinters).
      const plural = IRREGULAR_PLURALS.has(t.lower) || (t.lemma !== t.lower && t.lower.endsWith('s'));
      const titled = this.baseAt[t.index + 1];
      if (titled && titled.firstToken === t.index + 1 && titled.entityType === 'person' && !plural) continue;
      const next = this.tokens[t.index + 1];
      if (next && next.pos === 'NOUN' && next.sentence === t.sentence) continue;
      // "Pakistan's army said it …", "the Sudanese military said it …": a side's body stands for the side.
      const side = GROUP_NOUNS.has(t.lower) ? this.sideBefore(t.index) : undefined;
      if (side) {
        out.push(side.via === 'demonym' ? Object.assign(this.item(side.entity, side.entityType, t.index, t.index), { demonym: true as const }) : this.item(side.entity, side.entityType, t.index, t.index));
        continue;
      }
      const gender = GENDERED_WORDS.get(t.lower);
      const noun = gender ?? (plural ? 'plural' : 'singular');
      // (The fresh item given its field, not copied with it: a spread copy per noun cost ~3× as much.)
      out.push(Object.assign(this.item(`#${t.index}`, 'other', t.index, t.index), { noun }));
    }
    return out;
  }

  /**
   * Tokens of an apposition to a name ("Ingrid Solberg, a local teacher, said she …"): the noun
   * there is the named actor, not a rival for the pronoun. The parse's `appos` where there is one,
   * else "NAME, a|an|the … ," within a few words.
   */
  protected appositions(): Uint8Array {
    const out = new Uint8Array(this.tokens.length);
    for (const t of this.tokens) {
      // "his wife, the lawyer Nkemi Adasu": the noun a name is apposed to is that person too (on the surface, parse or none).
      const named = this.baseAt[t.index];
      if (named && named.firstToken === t.index && named.entityType === 'person') {
        const noun = this.apposedNoun(named);
        if (noun >= 0) out[noun] = 1;
      }
      if (this.parsedAt(t.index)) {
        const head = this.syntax?.heads[t.index] ?? -1;
        if (this.syntax?.deprels[t.index] === 'appos' && head >= 0 && this.baseAt[head]) out[t.index] = 1;
        continue;
      }
      const r = this.baseAt[t.index];
      if (!r || r.lastToken !== t.index || this.tokens[t.index + 1]?.value !== ',' || !ARTICLES_A.has(this.tokens[t.index + 2]?.lower ?? '')) continue;
      for (let k = t.index + 3; k <= t.index + 9; k++) {
        const w = this.tokens[k];
        if (!w || w.sentence !== t.sentence || w.value === ',') break;
        out[k] = 1;
      }
    }
    return out;
  }

  /** The country or organisation right before a group noun: "Pakistan's (new) army", "the Sudanese army". */
  protected sideBefore(k: number): ActorReference | undefined {
    let i = k - 1;
    // ("Sudan's army-led government": a hyphened modifier between.)
    if (this.tokens[i - 1]?.value === '-' && /^\p{Ll}/u.test(this.tokens[i]?.value ?? '') && /^\p{Ll}/u.test(this.tokens[i - 2]?.value ?? '') && !this.baseAt[i - 2]) i -= 3;
    // ("Algeria's defence ministry", "Pakistan's new army": one modifier word between.)
    else if ((this.tokens[i]?.pos === 'ADJ' || (this.tokens[i]?.pos === 'NOUN' && /^\p{Ll}/u.test(this.tokens[i]?.value ?? ''))) && !this.baseAt[i]) i--;
    if (this.tokens[i]?.lower === "'s" || this.tokens[i]?.lower === "'") i--;
    const r = this.baseAt[i];
    return r && (r.entityType === 'country' || r.entityType === 'organization') && r.lastToken === i ? r : undefined;
  }

  /** `group`: "Afghan troops", "the Afghan team" — the demonym is the actor, with the role of its noun. */
  protected item(entity: string, entityType: EntityType, first: number, last: number, group = false): Item {
    const end = group && this.tokens[last + 1]?.pos === 'NOUN' ? last + 1 : last;
    const item = { entity, entityType, first, last, sentence: this.tokens[first]?.sentence ?? 0, role: this.roleOf(first, end, entityType === 'person'), governor: this.governorOf(first, end) };
    return group ? Object.assign(item, { demonym: true as const }) : item;
  }

  /** Whether the name at token k stands under "no" or a negated "any" ("no Hamas fighter", "not any Soviet Union"). */
  protected denied(k: number): boolean {
    const before = this.tokens[k - 1];
    if (before?.lower === 'no') return true;
    if (before?.lower !== 'any') return false;
    for (let i = k - 2; i >= k - 5 && this.tokens[i]?.sentence === before.sentence; i--) if (NEGATIONS.has(this.tokens[i]?.lower ?? '')) return true;
    return false;
  }

  /** Whether the parse covers token k's sentence. */
  protected parsedAt(k: number): boolean {
    const s = this.syntax;
    const t = this.tokens[k];
    if (!s || !t) return false;
    // A layer without `parsed` parsed every sentence.
    const parsed = (s as SyntaxLayer & { readonly parsed?: Uint8Array }).parsed;
    return parsed === undefined || parsed[t.sentence] === 1;
  }

  protected deprel(k: number): string | undefined {
    return this.parsedAt(k) ? this.syntax?.deprels[k] : undefined;
  }

  /** The span's head token: the one whose head lies outside it. */
  protected headOf(first: number, last: number): number {
    const heads = this.syntax?.heads;
    if (!heads) return last;
    for (let k = first; k <= last; k++) {
      const h = heads[k] ?? -1;
      if (h < first || h > last) return k;
    }
    return last;
  }

  /** The verb (or noun) that governs the span, through names, compounds and appositions. */
  protected governorOf(first: number, last: number): number {
    if (!this.parsedAt(first) || !this.syntax) return -1;
    let k = this.headOf(first, last);
    for (let steps = 0; steps < 4; steps++) {
      const rel = this.syntax.deprels[k] ?? '';
      const h = this.syntax.heads[k] ?? -1;
      if (h < 0) return -1;
      if (rel === 'flat' || rel === 'compound' || rel === 'appos' || rel === 'conj') k = h;
      else return h;
    }
    return -1;
  }

  protected roleOf(first: number, last: number, person = false): Role {
    if (this.parsedAt(first) && this.syntax) {
      let k = this.headOf(first, last);
      for (let steps = 0; steps < 4; steps++) {
        const rel = this.syntax.deprels[k] ?? '';
        if (rel === 'nsubj' || rel === 'nsubj:pass' || rel === 'csubj') return 'subject';
        if (rel === 'obj' || rel === 'iobj') return 'object';
        if (rel === 'nmod:poss') return 'possessor';
        if (rel.startsWith('obl') || rel.startsWith('nmod')) return 'oblique';
        if (rel === 'compound' && steps === 0) return 'modifier';
        const h = this.syntax.heads[k] ?? -1;
        if (h < 0 || !(rel === 'flat' || rel === 'compound' || rel === 'appos' || rel === 'conj')) return rel === 'root' ? 'subject' : 'other';
        k = h;
      }
      return 'other';
    }
    // ("the president himself had asked": an emphatic reflexive stands between a subject and its verb.)
    const next = REFLEXIVES.has(this.tokens[last + 1]?.lower ?? '') ? this.tokens[last + 2] : this.tokens[last + 1];
    // "The Hallam Gallery at …" opening a sentence stands where a subject does, as a bare name would.
    const before = this.tokens[first - 1]?.lower === 'the' ? this.tokens[first - 2] : this.tokens[first - 1];
    const sameSentence = (w: Token | undefined): w is Token => w !== undefined && w.sentence === this.tokens[first]?.sentence;
    if (sameSentence(next) && (next.value === "'s" || next.value === "'")) return 'possessor';
    // "LSE shareholders", "the Iran deal": a name before a common noun only modifies it.
    if (sameSentence(next) && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.value)) return 'modifier';
    // "directors at WorldCom have agreed": after a preposition, a name is no subject.
    if (sameSentence(before) && before.pos === 'ADP') return 'oblique';
    if (sameSentence(next) && (next.pos === 'VERB' || next.pos === 'AUX')) return 'subject';
    // "Seoul's security adviser, Chang Ho-jin, said": a person's name apposed to the subject, right before its verb.
    const verb = this.tokens[last + 2];
    if (person && sameSentence(before) && before.value === ',' && next?.value === ',' && sameSentence(verb) && (verb.pos === 'VERB' || verb.pos === 'AUX')) return 'subject';
    if (!sameSentence(before)) return 'subject';
    if (before.pos === 'VERB') return 'object';
    return 'other';
  }

  /** Genders the document or the name data say: "Mrs Lee", "Queen Rania", a given name. */
  protected learnGenders(refs: readonly ActorReference[]): void {
    const names = nameGenders();
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const before = this.tokens[r.firstToken - 1]?.lower ?? '';
      const first = this.tokens[r.firstToken]?.lower ?? '';
      const cue = GENDERED_WORDS.get(first) ?? GENDERED_WORDS.get(before);
      if (cue) {
        this.gender.set(r.entity, cue);
        continue;
      }
    }
    // A one-word name followed by a quote mark or another name is the start of a longer one we cut
    // (Marion "Suge" Knight): its first word says nothing of the person's gender.
    const cut = new Set<string>();
    for (const r of refs) {
      const next = this.tokens[r.lastToken + 1];
      if (next && next.sentence === this.tokens[r.lastToken]?.sentence && (next.pos === 'PROPN' || QUOTES.has(next.value))) cut.add(r.entity);
    }
    // "his wife, the exiled opposition leader Sviatlana Tsikhanouskaya", "The woman, Robin Mantooth,": a
    // gendered noun apposed to the name says the gender, before the given name does (Robin is either).
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const g = this.apposedGender(r);
      if (g) this.gender.set(r.entity, g);
    }
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const label = this.input.personLabel?.(r.entity);
      const parts = label?.split(/\s+/) ?? [];
      // A one-word name that is a given name ("Marilyn", "Gloria") is how stories name children,
      // artists' subjects and interviewees; a bare surname has its honorific or full name elsewhere.
      const given = parts.length >= 2 || (parts.length === 1 && !cut.has(r.entity)) ? names.get((parts[0] ?? '').toLowerCase()) : undefined;
      if (given) this.gender.set(r.entity, given);
    }
    // "Sviatlana Tsikhanouskaya", "Syarhei Tsikhanouski": a full name whose surname has a gendered ending.
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const parts = this.input.personLabel?.(r.entity)?.split(/\s+/) ?? [];
      const surname = (parts[parts.length - 1] ?? '').toLowerCase();
      const row = parts.length >= 2 ? SURNAME_ENDINGS.find((e) => surname.length > e.ending.length + 2 && surname.endsWith(e.ending)) : undefined;
      if (row) this.gender.set(r.entity, row.gender);
    }
  }

  /**
   * The gender of a kinship or gendered noun apposed to a person's name: "WORD, (the|a) … NAME"
   * (the noun, a comma, then the name within a few words with no verb or comma between), or
   * "NAME, (his|her|the|a) (ADJ) WORD," (the apposition's head noun right after the comma).
   */
  private apposedGender(r: ActorReference): Gender | undefined {
    const same = (k: number): boolean => this.tokens[k]?.sentence === this.tokens[r.firstToken]?.sentence;
    const before = this.apposedNoun(r);
    if (before >= 0) return GENDERED_WORDS.get(this.tokens[before]?.lower ?? '');
    if (this.tokens[r.lastToken + 1]?.value !== ',') return undefined;
    for (let k = r.lastToken + 2; k <= r.lastToken + 5 && same(k); k++) {
      const w = this.tokens[k] as Token;
      if (w.pos === 'NOUN') return this.tokens[k + 1]?.pos === 'NOUN' ? undefined : GENDERED_WORDS.get(w.lower);
      if (!['DET', 'ADJ', 'PRON'].includes(w.pos)) return undefined;
    }
    return undefined;
  }

  /** The noun a person's name is apposed to from before: "his wife, the (exiled) lawyer NAME" → wife; -1 when none. */
  protected apposedNoun(r: ActorReference): number {
    const same = (k: number): boolean => this.tokens[k]?.sentence === this.tokens[r.firstToken]?.sentence;
    // An apposition closes with punctuation; "… to speak with his mother, Montalvo was put through" is a clause's subject.
    const after = this.tokens[r.lastToken + 1];
    if (after && same(r.lastToken + 1) && after.pos !== 'PUNCT') return -1;
    for (let k = r.firstToken - 1; k >= r.firstToken - 7 && same(k); k--) {
      const w = this.tokens[k] as Token;
      if (w.value === ',') return same(k - 1) && this.tokens[k - 1]?.pos === 'NOUN' && !this.baseAt[k - 1] ? k - 1 : -1;
      if (!['DET', 'ADJ', 'NOUN', 'PROPN'].includes(w.pos)) return -1;
    }
    return -1;
  }
}
