// Entities: the recognizer's state for one document, and how a mention, person or fact is recorded.
import type { AnnotatedDocument, EntityRecord, EntityType, Mention, Relation, SyntaxLayer, Token } from '../types';
import { normalizeSurface, type Lexicon, type LexiconEntry } from './lexicon';
import { ContainmentNotes } from './containment';
import { craftNames, namedThingSpans, thingAcronyms } from './things';
import { slugify } from './slug';
import { HONORIFICS, NAME_CONNECTORS, NAME_SUFFIXES, NOT_NAME_WORDS, ORGANIZATION_HEADS, PLACE_HEADS, SURNAME_FIRST_FAMILIES, TITLES, type TitleRow } from './tables';
import {
  TITLE_CASE_SHARE, HEADLINE_SMALL_WORDS, HEADLINE_WORD_LENGTH, MAX_NAME_TOKENS, NAME_PART_HONORIFICS, ROYAL_HONORIFICS, LETTER, INITIAL, TITLE_FIRST_WORDS, phrasePrefixes, HYPHEN_WORD,
  personRecord, isCapitalized, gluePoint, oneEditApart, NamedSpans, PRONOUN_CONTRACTION, type PersonRecord, type Draft,
} from './words';
import type { ReferenceVia } from './index';

/** Last words of an army's name in the gazetteer ("Russian military"). */
const FORCES_WORDS: ReadonlySet<string> = new Set(['military', 'army', 'navy']);
/** Nouns after an army's name that name its people, so the army stays the actor ("army chief"). */
const FORCES_HEADS: ReadonlySet<string> = new Set(['chief', 'chiefs', 'head', 'commander', 'commanders', 'spokesman', 'spokeswoman', 'spokesperson']);

/** "U.S", "U.K": capital initials with periods between them but none after the last. */
const UNSTOPPED_ABBREVIATION = /^(?:\p{Lu}\.)+\p{Lu}$/u;

/**
 * Head words news writes in lowercase after a name the gazetteer writes them capitalised in ("the
 * Labour party", "Yonhap news agency", "the Xinhua news agency").
 */
const LOWERCASE_NAME_HEADS: ReadonlySet<string> = new Set(['party', 'news', 'agency']);

/** Plurals whose possessive is part of a body's name ("People's Party", "Women's Institute"). */
const NAME_POSSESSORS: ReadonlySet<string> = new Set(['people', 'women', 'children', 'men']);
const POSSESSIVE_MARKS: ReadonlySet<string> = new Set(["'s", '’s']);
const LETTERS_ONLY = /^\p{L}+$/u;
const NOT_ASCII = /[^\x00-\x7f]/;
/**
 * "Dmitry" / "Dmitri", "Sergey" / "Sergei", "Yuriy" / "Yuri": one Russian or Ukrainian given name in two
 * transliterations (a final y, iy or ii for i). Other one-letter differences are other people
 * ("Maria" / "Mario").
 */
function sameGivenName(a: string, b: string): boolean {
  const plain = (w: string): string => w.replace(/(?:iy|ii|y)$/, 'i');
  return a.length >= 4 && b.length >= 4 && a !== b && plain(a) === plain(b);
}

/** The shortest surname a one-letter variant may stand for. */
const MIN_VARIANT_LENGTH = 5;

/** A gazetteer phrase starting at a token: its entry, last token and end offset. */
interface LexiconCandidate {
  readonly entry: LexiconEntry;
  readonly last: number;
  readonly end: number;
}

const NO_CANDIDATES: readonly LexiconCandidate[] = [];

/**
 * The titles by their first word, each list in table order, so that titleAt, asked about a token
 * several times by the passes, tries only the rows that can match there and picks the same one.
 * (Undefined, and the whole table tried, should a row of no words ever be added.)
 */
const TITLES_BY_FIRST_WORD: ReadonlyMap<string, readonly TitleRow[]> | undefined = TITLES.some((t) => t.words.length === 0) ? undefined : (() => {
  const map = new Map<string, TitleRow[]>();
  for (const row of TITLES) map.set(row.words[0] ?? '', [...(map.get(row.words[0] ?? '') ?? []), row]);
  return map;
})();

/** What every pass reads and writes: the tokens, the mentions drafted so far, the people named. */
export abstract class RecognizerState {
  protected readonly tokens: readonly Token[];
  protected readonly text: string;
  protected readonly draft: Draft = {
    mentions: [], references: [], facts: [], aliases: new Map(), roles: new Map(), types: new Map(), labels: new Map(), groups: new Set(),
  };
  protected readonly persons = new Map<string, PersonRecord>();
  /** "gonzalez" → the person named both "Edmundo Gonzalez" and "Edmundo Gonzalez Urrutia": the shorter form's surname. */
  protected readonly surnameVariants = new Map<string, string>();
  protected readonly claimed: Int8Array;
  /** Tokens inside a person's name: what follows "X of" such a name is an affiliation. */
  protected readonly personToken: Int8Array;
  protected readonly titleCaseSentence: boolean[];
  protected readonly acronyms = new Map<string, LexiconEntry>();
  /** Acronyms the document spells out as things ("Information and Communication Technology (ICT)"): no body's name. */
  protected readonly thingAcronyms: ReadonlySet<string>;
  /** Names of crafts and storms ("Space Shuttle Atlantis", "Cyclone Phailin"): no person or body, wherever they stand. */
  protected readonly craftNames: ReadonlySet<string>;
  /** Tokens of an award's or a product's name (things.ts): claimed from the start, and no name runs into them ("Children's Bafta"). */
  protected readonly thingToken: Int8Array;
  /** Words the article writes in lowercase somewhere ("justice"): everyday words here, whatever a name's capital says. */
  protected readonly lowercaseWords: ReadonlySet<string>;
  /** "President|russia" → person id: who holds a title in this document. */
  protected readonly roleHolders = new Map<string, string>();
  /** Title role → every person the document names with it ("President" → the Presidents named). */
  protected readonly titleHolders = new Map<string, Set<string>>();
  /** People read from the shape of their name alone (no given name, title, role or verb): "Hollywood Magic" may be a thing. */
  protected readonly shapeOnly = new Set<string>();
  /** "the President of the United States": capitalised titles of a known state or body with no name, resolved in pass 2. */
  protected readonly officesOf: Array<{ first: number; titleFirst: number; titleLast: number; last: number; role: string; affiliation: string }> = [];
  /** "Madam Speaker", "Mr. President", "the Secretary-General": persons named by an office alone (addressed.ts), output after coreference. */
  protected readonly addressed: Array<{ first: number; last: number; rule: string }> = [];
  /** "the President": capitalised titles with no name, resolved in pass 2 when one person holds them. */
  protected readonly bareTitles: Array<{ first: number; last: number; role: string }> = [];
  protected readonly pendingSingles: Array<{ first: number; last: number; rule: string }> = [];
  /** ORGANIZATION_SEATS organisation → whether this document names it. */
  protected readonly seatsNamed = new Map<string, boolean>();
  protected readonly pendingTitles: Array<{ first: number; last: number; title: TitleRow; affiliation: string | undefined; demonymLast?: number }> = [];
  protected readonly phrasePrefixes: ReadonlySet<string>;
  /** lexiconCandidates by token, once looked up. */
  private readonly candidatesAt: Array<readonly LexiconCandidate[] | undefined>;
  protected readonly named: NamedSpans;
  /** Where each place lies, from the gazetteer, names and sentences: node attributes (containment.ts). */
  protected readonly containment = new ContainmentNotes();
  /** "Huntsville, Alabama": a place's `${first}:${last}` → the last token of the region stated after it (extents.ts). */
  protected readonly statedRegions = new Map<string, number>();

  constructor(protected readonly doc: AnnotatedDocument, protected readonly lexicon: Lexicon, names: readonly string[] | undefined, protected readonly syntax?: SyntaxLayer) {
    this.tokens = doc.tokens;
    this.named = new NamedSpans(names, doc.tokens.length);
    this.text = doc.source.text;
    this.claimed = new Int8Array(this.tokens.length);
    this.phrasePrefixes = phrasePrefixes(lexicon);
    this.candidatesAt = new Array<readonly LexiconCandidate[] | undefined>(this.tokens.length);
    this.personToken = new Int8Array(this.tokens.length);
    this.thingAcronyms = thingAcronyms(this.tokens);
    this.craftNames = craftNames(this.tokens);
    // (An award's or a product's name is claimed before any pass: no pass reads it as a person or body.)
    this.thingToken = new Int8Array(this.tokens.length);
    for (const [first, last] of namedThingSpans(this.tokens, (w) => lexicon.givenNames.has(w))) {
      this.claimed.fill(1, first, last + 1);
      this.thingToken.fill(1, first, last + 1);
    }
    this.lowercaseWords = new Set(this.tokens.filter((t) => t.value === t.lower && LETTERS_ONLY.test(t.value)).map((t) => t.lower));
    this.titleCaseSentence = doc.sentences.map((s) => {
      let words = 0;
      let caps = 0;
      for (let i = s.firstToken; i <= s.lastToken; i++) {
        const t = this.tokens[i];
        if (!t || !LETTER.test(t.value) || t.value.length < HEADLINE_WORD_LENGTH || HEADLINE_SMALL_WORDS.has(t.lower) || NOT_NAME_WORDS.has(t.lower)) continue;
        words++;
        if (isCapitalized(t)) caps++;
      }
      return words >= 3 && caps / words >= TITLE_CASE_SHARE;
    });
  }

  protected token(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** Longest gazetteer (or in-document acronym) match starting at token i. */
  protected matchLexicon(i: number, accept: (entry: LexiconEntry) => boolean = () => true): { entry: LexiconEntry; last: number; end: number } | undefined {
    const first = this.token(i);
    if (!first || !isCapitalized(first)) return undefined;
    let best: { entry: LexiconEntry; last: number; end: number } | undefined;
    const acronym = this.acronyms.get(first.value);
    if (acronym) best = { entry: acronym, last: i, end: first.end };
    for (const c of this.lexiconCandidates(i, first)) if (accept(c.entry) && !this.forcesModifier(c.entry, c.last)) best = { entry: c.entry, last: c.last, end: c.end };
    return best;
  }

  /**
   * The gazetteer's phrases that start at token i, shortest first (the entry, its last token, its
   * end): what matchLexicon accepts from. They depend on the text and the gazetteer alone, so they
   * are looked up once per token (the passes ask about each token about twice).
   */
  private lexiconCandidates(i: number, first: Token): readonly LexiconCandidate[] {
    const cached = this.candidatesAt[i];
    if (cached) return cached;
    let out: LexiconCandidate[] | undefined;
    // "accused the Emirates of …": a name the gazetteer writes with its article ("the Emirates", "the
    // Hague") is looked up with the lowercase "the" before it too.
    const article = this.token(i - 1)?.lower === 'the' && this.token(i - 1)?.sentence === first.sentence;
    // The text read so far with its lowercase head words capitalised, once there is one ("Yonhap News").
    let titled: string | undefined;
    for (let j = i; j < Math.min(this.tokens.length, i + this.lexicon.maxWords); j++) {
      const t = this.token(j);
      if (!t || t.sentence !== first.sentence) break;
      const glue = gluePoint(t);
      const end = glue > 0 ? t.start + glue : t.end;
      const surface = normalizeSurface(this.text.slice(first.start, end));
      // "the Republican party", "the Labour party", "Yonhap news agency": a name with its head words in lowercase.
      if (j > i && (titled !== undefined || LOWERCASE_NAME_HEADS.has(t.value))) {
        const before = titled ?? normalizeSurface(this.text.slice(first.start, this.token(j - 1)?.end));
        const word = this.text.slice(t.start, end);
        titled = normalizeSurface(`${before}${this.text.slice(this.token(j - 1)?.end, t.start)}${LOWERCASE_NAME_HEADS.has(word) ? word.charAt(0).toUpperCase() + word.slice(1) : word}`);
      }
      // "the U.S government": an abbreviation written without its last period is the same name.
      const entry = this.lexicon.phrases.get(surface) ?? (UNSTOPPED_ABBREVIATION.test(surface) ? this.lexicon.phrases.get(`${surface}.`) : undefined)
        ?? (titled !== undefined ? this.lexicon.phrases.get(titled) : undefined)
        // (Not when capitalised words go on: "the Commonwealth Bank of Australia" is a name of its own.)
        ?? (article && !(this.token(j + 1)?.sentence === first.sentence && isCapitalized(this.token(j + 1) as Token)) ? this.articlePhrase(surface) : undefined);
      if (entry) (out ??= []).push({ entry, last: j, end });
      if (glue > 0 || !(this.phrasePrefixes.has(surface) || (titled !== undefined && this.phrasePrefixes.has(titled)) || (article && (this.phrasePrefixes.has(`the ${surface}`) || this.phrasePrefixes.has(`The ${surface}`))))) break;
    }
    this.candidatesAt[i] = out ?? NO_CANDIDATES;
    return out ?? NO_CANDIDATES;
  }

  /**
   * "fired on Russian military hardware", "Russian army supply lines": an army's name that modifies
   * a noun after it is its state's (the demonym), not the army acting; "Russian army chief" keeps it.
   */
  protected forcesModifier(entry: LexiconEntry, last: number): boolean {
    if (entry.entityType !== 'organization' || !FORCES_WORDS.has(this.token(last)?.lower ?? '')) return false;
    const next = this.token(last + 1);
    return next !== undefined && next.sentence === this.token(last)?.sentence && next.pos === 'NOUN' && !isCapitalized(next) && !FORCES_HEADS.has(next.lower);
  }

  /** The gazetteer's entry for a name it writes with its article ("the Emirates", "The Hague"). */
  protected articlePhrase(surface: string): LexiconEntry | undefined {
    return this.lexicon.phrases.get(`the ${surface}`) ?? this.lexicon.phrases.get(`The ${surface}`);
  }

  protected titleAt(i: number): { title: TitleRow; last: number } | undefined {
    if (!TITLE_FIRST_WORDS.has(this.token(i)?.lower ?? '')) return undefined;
    let best: { title: TitleRow; last: number } | undefined;
    for (const title of TITLES_BY_FIRST_WORD?.get(this.token(i)?.lower ?? '') ?? TITLES) {
      const k = title.words.length;
      if (best && best.title.words.length >= k) continue;
      let ok = true;
      for (let w = 0; w < k; w++) {
        const t = this.token(i + w);
        if (!t || t.lower !== title.words[w]) {
          ok = false;
          break;
        }
      }
      if (ok) best = { title, last: i + k - 1 };
    }
    return best;
  }

  /** Tokens i.. that can be a person's name: capitalised words, initials, connectors inside. */
  protected nameTokens(i: number, max = MAX_NAME_TOKENS): number {
    let last = -1;
    let count = 0;
    for (let j = i; j < this.tokens.length && count < max; j++) {
      const t = this.token(j);
      const prev = this.token(j - 1);
      if (!t) break;
      if (j > i && prev && t.sentence !== prev.sentence) break;
      // "Palestinian Prisoners' Society", "Workers' Party": a plural's apostrophe inside a name.
      const plural = j > i && (t.value === "'" || t.value === '\u2019') && prev !== undefined && prev.end === t.start && /s$/.test(prev.value) && isCapitalized(prev);
      if (plural && this.token(j + 1) !== undefined && isCapitalized(this.token(j + 1) as Token) && this.token(j + 1)?.sentence === t.sentence && this.pluralInName(i, j)) continue;
      if (j > i && (t.value === '-' || NAME_CONNECTORS.has(t.lower)) && t.lower !== 'and' && t.lower !== 'of' && t.lower !== 'for') {
        const after = this.token(j + 1);
        if (after && isCapitalized(after)) continue;
        // "Ursula von der Leyen", "Rafael van der Vaart": two particles before the surname.
        const surname = this.token(j + 2);
        if (after && t.value !== '-' && NAME_CONNECTORS.has(after.lower) && !['and', 'of', 'for'].includes(after.lower) && surname && isCapitalized(surname) && surname.sentence === t.sentence) {
          j++;
          continue;
        }
        // "Khaled Al-Maeena", "Suleiman al-Amr": a particle joined by a hyphen to the next name part.
        const joined = this.token(j + 2);
        if (after?.value === '-' && joined && after.start === t.end && joined.start === after.end && isCapitalized(joined)) {
          j++;
          continue;
        }
        break;
      }
      // "James To", "Wilson Or": mid-sentence, a capitalised little word right after a given name is a surname.
      const shortSurname = j === i + 1 && t.value.length <= 3 && this.lexicon.givenNames.has(prev?.lower ?? '') && !t.lineStart
        && this.doc.sentences[t.sentence]?.firstToken !== i && !this.titleCaseSentence[t.sentence];
      if (shortSurname && isCapitalized(t) && NOT_NAME_WORDS.has(t.lower)) {
        last = j;
        break;
      }
      // "Hassan Sheikh Mohamud": inside a Somali or Arabic name "Sheikh" is a name, not an honorific.
      const inName = count > 0 && NAME_PART_HONORIFICS.has(t.lower) && isCapitalized(this.token(j + 1) ?? t) && this.token(j + 1)?.sentence === t.sentence;
      // ("Prince Khalid bin Salman": a royal title opening a full name of two or more words is an
      // honorific; before one name, "Prince Harry", or inside a name, "The Lost Prince", it is a name word.)
      const after1 = this.token(j + 1);
      const after2 = this.token(j + 2);
      const fullNameAfter = after1 !== undefined && isCapitalized(after1) && after2 !== undefined && after2.sentence === t.sentence
        && ((isCapitalized(after2) && /^\p{L}/u.test(after2.value)) || ['bin', 'bint', 'al', 'ibn'].includes(after2.lower));
      // ("Prince Saud" after "Saud al-Faisal": so is it before the given name of a person named in full before.)
      const namedBefore = after1 !== undefined && isCapitalized(after1) && this.onlyPerson((p) => p.first === after1.lower && p.tokens >= 2) !== undefined;
      if (count === 0 && ROYAL_HONORIFICS.has(t.lower) && (fullNameAfter || namedBefore) && this.token(j - 1)?.lower !== 'the' && !this.lexicon.phrases.has(`${t.value} ${after1?.value ?? ''}`)) break;
      if (!isCapitalized(t) || this.thingToken[j] || gluePoint(t) > 0 || NOT_NAME_WORDS.has(t.lower) || (HONORIFICS.has(t.lower) && !inName) || HYPHEN_WORD.test(t.lower) || PRONOUN_CONTRACTION.test(t.lower)) break;
      // ("Martin Luther King Jr.": a title word right before a name suffix is the surname.)
      if (this.titleAt(j) && !INITIAL.test(t.value) && !(count > 0 && NAME_SUFFIXES.has(this.token(j + 1)?.lower ?? ''))) break;
      const lex = this.lexicon.phrases.get(t.value);
      if (lex && !lex.broad && lex.kind !== 'user' && !this.lexicon.givenNames.has(t.lower) && lex.entityType !== 'person') break;
      last = j;
      count++;
      // "Ličen", "Đoković": one word that the tokenizer split at a letter it does not know.
      const glued = this.gluedEnd(j);
      if (glued > j) {
        last = glued;
        j = glued;
        continue;
      }
      // "New People's Party", "Korean People's Army": a plural's possessive inside a body's name.
      const apostrophe = this.token(j + 1);
      const following = this.token(j + 2);
      if (NAME_POSSESSORS.has(t.lower) && apostrophe && POSSESSIVE_MARKS.has(apostrophe.value) && apostrophe.start === t.end
        && following && isCapitalized(following) && following.sentence === t.sentence) {
        last = j + 1;
        j += 1;
        continue;
      }
      // "Cheng Chung-tai": wink splits a hyphenated syllable pair; the lowercase half belongs to the name.
      const hyphen = this.token(j + 1);
      const rest = this.token(j + 2);
      if (hyphen?.value === '-' && rest && hyphen.start === t.end && rest.start === hyphen.end && LETTER.test(rest.value)
        && !HYPHEN_WORD.test(`${t.lower}-${rest.lower}`)) {
        last = j + 2;
        j += 2;
      }
    }
    const suffix = this.token(last + 1);
    if (last >= 0 && suffix && NAME_SUFFIXES.has(suffix.lower) && this.token(last)?.sentence === suffix.sentence) last++;
    return last;
  }

  /**
   * Whether the apostrophe at token j, after a word in s, is inside a name starting at token i: before a
   * body's or place's head ("Musicians' Union", "St James' Park"), or after a plural everyday word
   * ("Actors' Equity Association"); a person's or a body's possessive is not ("Robbie Williams' Angels",
   * "Wesley Snipes' Blade", "Lord Dubs' Succession").
   */
  protected pluralInName(i: number, j: number): boolean {
    const next = this.token(j + 1)?.lower ?? '';
    if (ORGANIZATION_HEADS.has(next) || PLACE_HEADS.has(next)) return true;
    return this.lexicon.commonWords.has(this.token(j - 1)?.lower ?? '') && !this.lexicon.givenNames.has(this.token(i)?.lower ?? '');
  }

  /**
   * The last token of the word that token j starts: wink splits a word at a letter outside its
   * alphabet ("Li" "č" "en" for "Ličen"); the parts touch and one of each pair is not ASCII.
   */
  protected gluedEnd(j: number): number {
    let k = j;
    for (let a = this.token(k), b = this.token(k + 1); a && b && b.start === a.end && LETTERS_ONLY.test(a.value) && LETTERS_ONLY.test(b.value)
      && (NOT_ASCII.test(a.value) || NOT_ASCII.test(b.value)); a = b, b = this.token(k + 1)) k++;
    return k;
  }

  /** "Cheng Chung-tai", "Kim Shin-wook": a name with a hyphenated lowercase syllable is a person's. */
  protected hasSyllablePair(first: number, last: number): boolean {
    for (let k = first + 1; k < last; k++) {
      if (this.token(k)?.value === '-' && /^\p{Ll}/u.test(this.token(k + 1)?.value ?? '')) return true;
    }
    return false;
  }

  protected countryOf(entry: LexiconEntry): string {
    return entry.kind === 'seat' || entry.kind === 'demonym' || entry.kind === 'capital' ? (entry.country ?? entry.id) : entry.id;
  }

  protected surnameKnown(lower: string): boolean {
    for (const p of this.persons.values()) if (p.last === lower) return true;
    return false;
  }

  protected personBySurname(lower: string): PersonRecord | undefined {
    return this.onlyPerson((p) => (p.last === lower || this.surnameVariants.get(lower) === p.id) && p.tokens >= 2)
      // "Xi" after "Xi Jinping", "Yoon" after "Yoon Suk Yeol": names written surname first.
      ?? (this.lexicon.givenNames.has(lower) ? undefined : this.onlyPerson((p) => p.first === lower && p.tokens >= 2 && this.hasSurnameFirstShape(p)));
  }

  /**
   * "Karl Maurer … said Mauer": a lone word one letter off the surname of exactly one person named in
   * full is that person misspelt or transliterated otherwise ("Zelensky" / "Zelenskyy"), unless it is
   * a given name, an everyday word ("Young" / "Yeung") or a surname the gazetteer knows of somebody
   * else. Short names are left alone ("Bush" / "Rush"): one letter is too much of them; so is a
   * final "s" ("Polaroids" / "Polaroid"): a plural, or another family (Evans, Evan).
   */
  protected personBySpelling(lower: string): PersonRecord | undefined {
    if (lower.length < MIN_VARIANT_LENGTH || this.lexicon.givenNames.has(lower) || this.lexicon.surnames.has(lower) || this.lexicon.commonWords.has(lower)) return undefined;
    return this.onlyPerson((p) => p.tokens >= 2 && p.last.length >= MIN_VARIANT_LENGTH && p.last[0] === lower[0] && oneEditApart(p.last, lower)
      && p.last !== `${lower}s` && lower !== `${p.last}s`);
  }

  /**
   * The person of the news gazetteer (people.json) that a lone surname names ("Merkel"), unless
   * this article names somebody else by that word: then the word is theirs, or nobody's.
   */
  protected notablePerson(lower: string): PersonRecord | undefined {
    const id = this.lexicon.surnames.get(lower);
    if (id === undefined) return undefined;
    for (const p of this.persons.values()) if (p.id !== id && (p.last === lower || p.first === lower)) return undefined;
    let record = this.persons.get(id);
    if (!record) {
      record = personRecord(id, this.lexicon.entities.get(id)?.label ?? id);
      this.persons.set(id, record);
    }
    return record;
  }

  /** The one person a test picks; none when two different people pass (do not guess). */
  protected onlyPerson(test: (p: PersonRecord) => boolean): PersonRecord | undefined {
    let found: PersonRecord | undefined;
    for (const p of this.persons.values()) {
      if (!test(p)) continue;
      if (found && found.id !== p.id) return undefined;
      found = p;
    }
    return found;
  }

  /**
   * East Asian order ("Xi Jinping", "Kim Jong-un"): the first word is no given name we know and is a
   * family name written first there, or the name holds a hyphenated syllable pair ("Jong-un").
   */
  protected hasSurnameFirstShape(p: PersonRecord): boolean {
    return !this.lexicon.givenNames.has(p.first) && p.label.split(/\s+/).length <= 3
      && (SURNAME_FIRST_FAMILIES.has(p.first) || /\p{L}-\p{Ll}/u.test(p.label));
  }

  protected recentOrganization(test: (m: Mention) => boolean): string | undefined {
    for (let k = this.draft.mentions.length - 1; k >= 0; k--) {
      const m = this.draft.mentions[k];
      if (m && m.entityType === 'organization' && test(m)) return m.entity;
    }
    return undefined;
  }

  protected claimedWithin(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) if (this.claimed[k]) return true;
    return false;
  }

  /** A person named by tokens first..last, under `written` when the words are not in name order ("Austen, Jane"). */
  protected addPerson(first: number, last: number, rule: string, written?: string): string {
    const a = this.token(first);
    const b = this.token(last);
    if (!a || !b) return '';
    const label = written ?? this.text.slice(a.start, b.end);
    const named = personRecord(slugify(label), label);
    // "Vladimir Vladimirovich Putin" and "Vladimir Putin" are one person; so are "Putin" and the
    // only full name ending in it.
    let record: PersonRecord | undefined;
    for (const p of this.persons.values()) {
      if ((p.last === named.last && (named.tokens === 1 || p.tokens === 1 || p.first === named.first || sameGivenName(p.first, named.first)))
        || (named.tokens === 1 && this.surnameVariants.get(named.last) === p.id)) record = p;
    }
    // "Edmundo Gonzalez Urrutia" and "Edmundo Gonzalez": a full name and the same name with one more
    // surname (Spanish and Portuguese use two) are one person, when exactly one person so fits.
    if (!record && named.tokens >= 2) {
      record = this.onlyPerson((p) => p.tokens >= 2 && p.first === named.first && Math.abs(p.tokens - named.tokens) === 1
        && (p.label.startsWith(`${label} `) || label.startsWith(`${p.label} `)));
      // ("Gonzalez" alone then names that person too.)
      if (record) this.surnameVariants.set(named.tokens < record.tokens ? named.last : record.last, record.id);
    }
    // "Mr Blair", "President Lula": a lone surname the news gazetteer knows is that person.
    if (!record && named.tokens === 1) record = this.notablePerson(named.last);
    // "Ahmed" after "Ahmed Mohamed": a lone given name is the one person of this document who bears it.
    if (!record && named.tokens === 1 && this.lexicon.givenNames.has(named.first)) record = this.onlyPerson((p) => p.first === named.first && p.tokens >= 2);
    if (!record) {
      record = named;
      this.persons.set(record.id, record);
    } else if (named.tokens > record.tokens && record.tokens === 1) {
      // A surname seen first, then the full name: keep the surname's id stable within the document.
      record.label = label;
      record.first = named.first;
      record.tokens = named.tokens;
    }
    // (A name the text also gives with a cue, a given name, a title or a verb, is no guess from its shape.)
    if (rule !== 'name-shape') this.shapeOnly.delete(record.id);
    this.addMention(record.id, 'person', first, last, record.label, rule, false, 'name');
    this.personToken.fill(1, first, last + 1);
    return record.id;
  }

  protected addRole(person: string, role: string, title: TitleRow, affiliation: string, titleToken: number, trigger: string): void {
    let set = this.draft.roles.get(person);
    if (!set) this.draft.roles.set(person, (set = new Set()));
    set.add(role);
    this.fact(person, title.relation, affiliation, titleToken, trigger, `title:${title.words.join(' ')}`);
  }

  protected fact(source: string, relation: Relation, target: string, tokenIndex: number, trigger: string, rule: string): void {
    const t = this.token(tokenIndex);
    const sentence = t ? this.doc.sentences[t.sentence] : undefined;
    if (!sentence || source === target) return;
    this.draft.facts.push({
      source, relation, target, negated: false, hypothetical: false,
      doc: this.doc.source.id, sentence: this.text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end,
      trigger, rule, ...(this.doc.source.date ? { date: this.doc.source.date } : {}),
    });
  }

  protected addLexiconMention(entry: LexiconEntry, first: number, last: number, end: number, modifier: boolean, via: ReferenceVia = 'lexicon'): void {
    this.addMention(entry.id, entry.entityType, first, last, undefined, `lexicon:${entry.kind}`, modifier, via, end);
  }

  protected addMention(id: string, entityType: EntityType, first: number, last: number, label: string | undefined, rule: string, modifier: boolean, via: ReferenceVia, endOverride?: number): string {
    const a = this.token(first);
    const b = this.token(last);
    if (!a || !b) return id;
    for (let k = first; k <= last; k++) this.claimed[k] = 1;
    const end = endOverride ?? b.end;
    const text = this.text.slice(a.start, end);
    this.draft.mentions.push({ start: a.start, end, text, entityType, entity: id, firstToken: first, lastToken: last, sentence: a.sentence, rule });
    this.draft.references.push({
      entity: id, entityType, firstToken: first, lastToken: last, sentence: a.sentence, via,
      possessive: this.token(last + 1)?.value === "'s" || this.token(last + 1)?.value === "'", modifier,
    });
    this.noteName(id, text, entityType, label);
    return id;
  }

  /** A mention inside another ("Volgograd" in "Volgograd Arena"): recorded, but no actor of its own. */
  protected addNestedMention(id: string, entityType: EntityType, first: number, last: number, rule: string): void {
    const a = this.token(first);
    const b = this.token(last);
    if (!a || !b) return;
    const text = this.text.slice(a.start, b.end);
    this.draft.mentions.push({ start: a.start, end: b.end, text, entityType, entity: id, firstToken: first, lastToken: last, sentence: a.sentence, rule });
    this.noteName(id, text, entityType, undefined);
  }

  protected noteName(id: string, text: string, entityType: EntityType, label: string | undefined): void {
    let aliases = this.draft.aliases.get(id);
    if (!aliases) this.draft.aliases.set(id, (aliases = new Set()));
    aliases.add(text);
    if (!this.draft.types.has(id)) this.draft.types.set(id, entityType);
    if (label) this.draft.labels.set(id, label);
  }

  /** Every trace of entity `from` now names `into`. */
  protected mergeEntity(from: string, into: string): void {
    const d = this.draft;
    d.mentions = d.mentions.map((m) => (m.entity === from ? { ...m, entity: into } : m));
    d.references = d.references.map((r) => (r.entity === from ? { ...r, entity: into } : r));
    d.facts = d.facts.map((f) => (f.source === from || f.target === from ? { ...f, source: f.source === from ? into : f.source, target: f.target === from ? into : f.target } : f))
      .filter((f) => f.source !== f.target);
    for (const map of [d.aliases, d.roles]) {
      const moved = map.get(from);
      if (!moved) continue;
      const kept = map.get(into) ?? new Set<string>();
      for (const x of moved) kept.add(x);
      map.set(into, kept);
      map.delete(from);
    }
    if (!d.labels.has(into) && d.labels.has(from)) d.labels.set(into, d.labels.get(from) as string);
    d.labels.delete(from);
    d.types.delete(from);
    this.persons.delete(from);
  }

  protected records(): EntityRecord[] {
    const out: EntityRecord[] = [];
    const containment = this.containment.resolve(this.draft.mentions);
    for (const [id, aliases] of this.draft.aliases) {
      const known = this.lexicon.entities.get(id);
      const label = this.persons.get(id)?.label ?? known?.label ?? this.draft.labels.get(id) ?? [...aliases][0] ?? id;
      out.push({
        id,
        label,
        entityType: known?.entityType ?? this.draft.types.get(id) ?? 'other',
        aliases: [...aliases].filter((a) => a !== label).sort(),
        roles: [...(this.draft.roles.get(id) ?? [])].sort(),
        ...(known?.wikidata ? { wikidata: known.wikidata } : {}),
        ...(this.draft.groups.has(id) && !known ? { group: true as const } : {}),
        ...containment.get(id),
      });
    }
    // Entities named only in facts (a role's country never written out) still need a record.
    for (const f of this.draft.facts) {
      for (const id of [f.source, f.target]) {
        if (out.some((r) => r.id === id)) continue;
        const known = this.lexicon.entities.get(id);
        if (known) out.push({ id, label: known.label, entityType: known.entityType, aliases: [], roles: [], ...(known.wikidata ? { wikidata: known.wikidata } : {}) });
      }
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
