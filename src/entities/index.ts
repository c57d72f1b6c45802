// Entities: tokens → mentions of actors, places and topics, each resolved to one entity id.
// Pass 1 reads names, titles and gazetteer matches; pass 2 resolves what needs the whole
// document: lone surnames ("Putin" → Vladimir Putin, even in the headline before the full
// name), titles without names ("the Russian President"), pronouns and anaphoric topics.
import type { AnnotatedDocument, EntityRecord, EntityType, Fact, Mention, Relation, SyntaxLayer, Token } from '../types';
import { resolveCoreference } from './coref';
import { defaultLexicon, normalizeSurface, type Lexicon, type LexiconEntry } from './lexicon';
import { appositionContext, containerOf, describedAt, ContainmentNotes, CONTAINMENT_RULES, gazetteerNote, insideOf, statedContainments, type ContainmentNote } from './containment';
import { COMPASS, phraseExtents } from './extents';
import { slugify } from './slug';
import {
  AMBIGUOUS_SHORT_FORMS, GROUP_NOUNS, TRADED_GOODS, DEMONYM_EVENTS, HONORIFICS, LOCATIVE_PREPOSITIONS, NAME_CONNECTORS, NAME_SUFFIXES, NOT_NAME_WORDS, NOT_ORGANIZATION_ACRONYMS,
  CLOSING_QUOTES, INVERTED_SPEECH, NOT_PERSON_WORDS, ORGANIZATION_HEADS, ORGANIZATION_STARTS, PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_STARTS,
  PEOPLE_GROUPS, TITLES, TOPICS, ORGANIZATION_SEATS, FROM_SENDER_NOUNS, type PeopleGroupRow, type TitleRow,
} from './tables';

export { buildLexicon, defaultLexicon, readAliasFile, type AliasEntry, type Lexicon } from './lexicon';
export { slugify } from './slug';

/** How an actor is referred to at a place in the text; relations read these. */
export type ReferenceVia = 'name' | 'lexicon' | 'seat' | 'capital' | 'demonym' | 'title' | 'pronoun' | 'description' | 'topic';

export interface ActorReference {
  readonly entity: string;
  readonly entityType: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly sentence: number;
  readonly via: ReferenceVia;
  /** "his support", "Russia's acceptance": the actor owns the next noun. */
  readonly possessive: boolean;
  /** A name inside a title phrase ("Russian" in "Russian President Vladimir Putin") is not an actor. */
  readonly modifier: boolean;
  /** Pronouns and descriptions (src/entities/coref.ts): character offsets of the mention of the entity they were resolved to. */
  readonly antecedent?: { readonly start: number; readonly end: number };
}

export interface EntityLayer {
  readonly mentions: Mention[];
  readonly entities: EntityRecord[];
  /** Every actor reference (names, pronouns, titles, topics), sorted by position. */
  readonly references: ActorReference[];
  /** Facts that titles and gazetteers give: leader_of, member_of, located_in. */
  readonly facts: Fact[];
}

const SPEECH_VERBS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'state', 'claim', 'announce', 'insist', 'note', 'write', 'warn', 'reply', 'argue', 'declare', 'confirm', 'deny', 'explain', 'urge', 'accuse', 'meet', 'call', 'ask', 'agree', 'propose', 'reject', 'sign', 'visit']);
/** A headline in Title Case capitalises nearly every content word; prose with many names does not. */
const TITLE_CASE_SHARE = 0.9;
/**
 * Words a Title Case headline may leave lowercase. Three-letter words count for the share: short
 * verbs ("Merkel met Trump", "Spain won", "Oil hit a high") show prose, whose names alone would
 * look like a headline.
 */
const HEADLINE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'for', 'but', 'nor', 'yet', 'off', 'out', 'via', 'per', 'its', 'his', 'her', 'our', 'who', 'how', 'why', 'new',
  'with', 'from', 'into', 'over', 'after', 'than', 'that', 'this', 'about', 'amid', 'upon', 'onto', 'says', 'said',
]);
/** Shorter words never count towards Title Case (a, in, of, to, US, UK). */
const HEADLINE_WORD_LENGTH = 3;
const MAX_NAME_TOKENS = 4;
/** Honorifics that are also parts of names when they stand between two names ("Hassan Sheikh Mohamud"). */
const NAME_PART_HONORIFICS: ReadonlySet<string> = new Set(['sheikh']);
/** How many words after "Name," a role noun may come and still describe the name. */
const APPOSITION_REACH = 4;

const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;
/** "TodayIn": a lowercase letter followed by a capital inside one token means two glued words. */
const GLUED = /\p{Ll}\p{Lu}/u;
const GLUE_OK = /^(Mc|Mac|O'|D'|De|Di|La|Le|Van|Von|Al|El|bin|iP|eB|YouT)/;
const INITIAL = /^\p{Lu}\.$/u;

// Lookups precomputed once so that the per-token scans below can skip most tokens at once
// (they run for every token of every document).
const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(TITLES.map((t) => t.words[0] ?? ''));
const TOPIC_FIRST_WORDS: ReadonlySet<string> = new Set(TOPICS.map((t) => t.words[0] ?? ''));
const phrasePrefixCache = new WeakMap<Lexicon, ReadonlySet<string>>();

/** Every prefix of every gazetteer phrase: a longer match is only possible while the text read so far is one. */
function phrasePrefixes(lexicon: Lexicon): ReadonlySet<string> {
  let prefixes = phrasePrefixCache.get(lexicon);
  if (!prefixes) {
    const set = new Set<string>();
    for (const key of lexicon.phrases.keys()) for (let n = 1; n <= key.length; n++) set.add(key.slice(0, n));
    phrasePrefixCache.set(lexicon, (prefixes = set));
  }
  return prefixes;
}
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
/** Words after which an unknown acronym names an organisation ("of LSD", "from the FTU"). */
const ACRONYM_CONTEXT: ReadonlySet<string> = new Set(['of', 'from', 'the', 'by', 'with', 'and', 'for', 'at', 'joined', 'left']);
/** Words that link a person to the organisation named next ("Cheng Chung-tai of Civic Passion"). */
const AFFILIATION_WORDS: ReadonlySet<string> = new Set(['of', 'from', 'at']);
/** Before an unknown one-word name, these make it a place ("in Kowloon"); "at" and "from" also precede companies. */
/** Suffixes of adjectives, groups and abstract nouns: "English", "Texans", "Islamophobia", "Tourism". */
const NOT_A_LONE_NAME = /(?:ish|ean|ian|ic|ese|ans|ism|isms|phobia|ity|ment|tion|sion|ness|ance|ence|ency|ancy|ship|hood|ists|ites|ims|ers)$/u;
/** The endings of Latin species epithets. */
const SPECIES_EPITHET = /^[a-z]{3,}(?:a|us|um|is|ae|ii|ensis|oides)$/;
/** "I'm", "I’m": a contraction, no name. */
const CONTRACTION = /['’]\p{Ll}{1,2}$/u;
/** "SDGs", "MTPs", "DHBs": the plural of an acronym names things, not a body or place. */
const THING_SHAPE = /^\p{Lu}{2,}s$/u;
/** A word that names a doctrine or a field, never a person: "Scientology", "Wicca"-like bodies of belief. */
const THING_SUFFIX = /(?:ology|ism)$/u;
/** Inside an organisation's name: "Science and Technology", "Sea, Air & Space", "Udvar-Hazy". */
const NAME_JOINERS: ReadonlySet<string> = new Set(['and', '&', '-', '–']);
/** Words that join the parts of one longer name. */
const NAME_LINKS: ReadonlySet<string> = new Set(['of', 'and', '&', 'for', 'de', 'the']);
const LONE_PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'towards', 'toward']);
/** Before a one-word name of the broad gazetteer, these make it a place ("flew to Volgograd"). */
const PLACE_CONTEXT_WORDS: ReadonlySet<string> = new Set([...LOCATIVE_PREPOSITIONS, 'to']);
/** Words that continue an organisation's name: "Institute of Technology", "Council for the Welfare of …". */
const OF_TAIL_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'at']);
/** "Scientologist", "Republican", "Councillor": a word that names what someone is, not who. */
const ROLE_SUFFIX = /(?:ist|ian|er|or|ant|ent)$/u;
/** "Warhol-like", "T-shirt", "Booker Prize-winner": a hyphenated word that ends in an English word is no name. */
const HYPHEN_WORD = /^\p{L}-\p{Ll}|^(?:pro|anti|non|ex|post|pre|neo|semi)-|-(?:like|style|based|born|led|backed|run|owned|made|winner|winning|level|room|shirt|era|type|related|speaking|free|wide|class|sized|old|year|long|term|scale|friendly|focused|minded|inspired|themed|critic|language|only|up|in|out)$/u;

interface PersonRecord {
  id: string;
  label: string;
  first: string;
  last: string;
  tokens: number;
}

/** A person under `id`, named `label`: its first and last name parts, lowercased, and its length in words. */
function personRecord(id: string, label: string): PersonRecord {
  const parts = label.split(/\s+/);
  // "Ferdinand Marcos Jr.": the surname is the last part before a suffix.
  const named = parts.length > 2 && NAME_SUFFIXES.has((parts[parts.length - 1] ?? '').toLowerCase()) ? parts.slice(0, -1) : parts;
  // "Ahmed al-Sharaa" … "Sharaa": the Arabic article is no part of the surname as news repeat it.
  const last = (named[named.length - 1] ?? '').toLowerCase().replace(ARTICLE_PREFIX, '');
  return { id, label, first: (parts[0] ?? '').toLowerCase(), last, tokens: parts.length };
}

/** Words before a title that put the office in the past. */
const PAST_OFFICE_WORDS: ReadonlySet<string> = new Set(['former', 'ex', 'ex-', 'late', 'then', 'erstwhile', 'onetime', 'one-time']);

const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|az|an|at)[-‐]/;

/** A run of capitalised words that the tables did not claim, with what decides its reading. */
interface Chunk {
  readonly first: number;
  readonly last: number;
  readonly words: readonly Token[];
  readonly lowers: readonly string[];
  readonly head: string;
  readonly sentenceStart: boolean;
  /** "By Jane Smithson" at a line's start. */
  readonly byline: boolean;
  /** Right after "PERSON of/from (the)". */
  readonly affiliation: boolean;
  readonly name: (to?: number) => string;
}

interface Draft {
  mentions: Mention[];
  references: ActorReference[];
  facts: Fact[];
  aliases: Map<string, Set<string>>;
  roles: Map<string, Set<string>>;
  types: Map<string, EntityType>;
  labels: Map<string, string>;
  /** Ids of groups of people ("Muslims"). */
  groups: Set<string>;
}

/** What may stand before a title as the body the office belongs to ("U.S. President", "NASA Administrator"). */
const AFFILIATION_KINDS: ReadonlySet<LexiconEntry['kind']> = new Set(['country', 'seat', 'demonym', 'organization', 'capital', 'user']);

/** "Masjid Al-Haram (Grand Mosque)": types a named site may be read as. */
const SITE_TYPES: ReadonlySet<EntityType> = new Set(['organization', 'place']);

/** What a name may hold as a place: "University of Sheffield", "Colorado State University". */
const NESTED_PLACE_KINDS: ReadonlySet<LexiconEntry['kind']> = new Set(['place', 'capital', 'country']);

/** People-group rows by their first word. */
const GROUPS_BY_FIRST_WORD: ReadonlyMap<string, readonly PeopleGroupRow[]> = (() => {
  const map = new Map<string, PeopleGroupRow[]>();
  for (const row of PEOPLE_GROUPS) {
    const first = row.words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), row]);
  }
  return map;
})();

function isCapitalized(t: Token): boolean {
  return UPPER_START.test(t.value) && LETTER.test(t.value);
}

/** "New People Party" → "NPP", "University of Southern Indiana" → "USI". */
function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/** "TodayIn": two words glued where a little word starts; "PlayStation" or "MicroMega" is one name. */
function gluePoint(t: Token): number {
  if (GLUE_OK.test(t.value)) return -1;
  const m = GLUED.exec(t.value);
  if (!m) return -1;
  const second = /^\p{Lu}\p{Ll}*/u.exec(t.value.slice(m.index + 1))?.[0].toLowerCase() ?? '';
  return NOT_NAME_WORDS.has(second) ? m.index + 1 : -1;
}

/**
 * `names` is the trained NER's tag of each token (BIO, `B-PER` … `O`; src/syntax): the people it
 * finds where no rule put a mention are added, and a lone name it reads as a person is not taken
 * for an organisation. Without it, the rules alone.
 */
export function recognizeEntities(doc: AnnotatedDocument, lexicon: Lexicon = defaultLexicon(), names?: readonly string[], syntax?: SyntaxLayer): EntityLayer {
  return new Recognizer(doc, lexicon, names, syntax).run();
}

/** The NER spans of a document as per-token arrays: each token's span (first, last) and type. */
class NamedSpans {
  readonly first: Int32Array;
  readonly last: Int32Array;
  readonly type: string[];

  constructor(names: readonly string[] | undefined, count: number) {
    this.first = new Int32Array(count).fill(-1);
    this.last = new Int32Array(count).fill(-1);
    this.type = new Array<string>(count).fill('');
    if (!names) return;
    let start = -1;
    for (let i = 0; i <= count; i++) {
      const tag = i < count ? (names[i] ?? 'O') : 'O';
      const continues = start >= 0 && tag.startsWith('I-') && tag.slice(2) === this.type[start];
      if (continues) continue;
      if (start >= 0) {
        this.first.fill(start, start, i);
        this.last.fill(i - 1, start, i);
        this.type.fill(this.type[start] as string, start, i);
      }
      start = tag === 'O' ? -1 : i;
      if (start >= 0) this.type[start] = tag.slice(2);
    }
  }
}

class Recognizer {
  private readonly tokens: readonly Token[];
  private readonly text: string;
  private readonly draft: Draft = {
    mentions: [], references: [], facts: [], aliases: new Map(), roles: new Map(), types: new Map(), labels: new Map(), groups: new Set(),
  };
  private readonly persons = new Map<string, PersonRecord>();
  private readonly claimed: Int8Array;
  /** Tokens inside a person's name: what follows "X of" such a name is an affiliation. */
  private readonly personToken: Int8Array;
  private readonly titleCaseSentence: boolean[];
  private readonly acronyms = new Map<string, LexiconEntry>();
  /** "President|russia" → person id: who holds a title in this document. */
  private readonly roleHolders = new Map<string, string>();
  private readonly pendingSingles: Array<{ first: number; last: number; rule: string }> = [];
  /** ORGANIZATION_SEATS organisation → whether this document names it. */
  private readonly seatsNamed = new Map<string, boolean>();
  private readonly pendingTitles: Array<{ first: number; last: number; title: TitleRow; affiliation: string | undefined; demonymLast?: number }> = [];
  private readonly phrasePrefixes: ReadonlySet<string>;

  private readonly named: NamedSpans;
  /** Where each place lies, from the gazetteer, names and sentences: node attributes (containment.ts). */
  private readonly containment = new ContainmentNotes();
  /** "Huntsville, Alabama": a place's `${first}:${last}` → the last token of the region stated after it (extents.ts). */
  private readonly statedRegions = new Map<string, number>();

  constructor(private readonly doc: AnnotatedDocument, private readonly lexicon: Lexicon, names: readonly string[] | undefined, private readonly syntax?: SyntaxLayer) {
    this.tokens = doc.tokens;
    this.named = new NamedSpans(names, doc.tokens.length);
    this.text = doc.source.text;
    this.claimed = new Int8Array(this.tokens.length);
    this.phrasePrefixes = phrasePrefixes(lexicon);
    this.personToken = new Int8Array(this.tokens.length);
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

  run(): EntityLayer {
    this.passNames();
    this.resolveSingles();
    this.peopleNoRuleFound();
    this.peopleInNames();
    this.mergeParentheticals();
    this.resolveTitleReferences();
    this.resolveCoreference();
    this.unheldTitleSides();
    this.findTopics();
    this.statedContainments();
    const mentions = this.phraseExtents();
    this.draft.references.sort((a, b) => a.firstToken - b.firstToken || a.lastToken - b.lastToken);
    return { mentions, entities: this.records(), references: this.draft.references, facts: this.draft.facts };
  }

  // ---- pass 1 -------------------------------------------------------------------------------

  private passNames(): void {
    const n = this.tokens.length;
    let i = 0;
    while (i < n) {
      const next = this.claimed[i] ? i + 1 : (this.titlePhrase(i) ?? this.lexiconPhrase(i) ?? this.groupPhrase(i) ?? this.nameChunk(i));
      i = next ?? i + 1;
    }
  }

  private token(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** Longest gazetteer (or in-document acronym) match starting at token i. */
  private matchLexicon(i: number, accept: (entry: LexiconEntry) => boolean = () => true): { entry: LexiconEntry; last: number; end: number } | undefined {
    const first = this.token(i);
    if (!first || !isCapitalized(first)) return undefined;
    let best: { entry: LexiconEntry; last: number; end: number } | undefined;
    const acronym = this.acronyms.get(first.value);
    if (acronym) best = { entry: acronym, last: i, end: first.end };
    for (let j = i; j < Math.min(this.tokens.length, i + this.lexicon.maxWords); j++) {
      const t = this.token(j);
      if (!t || t.sentence !== first.sentence) break;
      const glue = gluePoint(t);
      const end = glue > 0 ? t.start + glue : t.end;
      const surface = normalizeSurface(this.text.slice(first.start, end));
      const entry = this.lexicon.phrases.get(surface);
      if (entry && accept(entry)) best = { entry, last: j, end };
      if (glue > 0 || !this.phrasePrefixes.has(surface)) break;
    }
    return best;
  }

  private titleAt(i: number): { title: TitleRow; last: number } | undefined {
    if (!TITLE_FIRST_WORDS.has(this.token(i)?.lower ?? '')) return undefined;
    let best: { title: TitleRow; last: number } | undefined;
    for (const title of TITLES) {
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
  private nameTokens(i: number, max = MAX_NAME_TOKENS): number {
    let last = -1;
    let count = 0;
    for (let j = i; j < this.tokens.length && count < max; j++) {
      const t = this.token(j);
      const prev = this.token(j - 1);
      if (!t) break;
      if (j > i && prev && t.sentence !== prev.sentence) break;
      if (j > i && (t.value === '-' || NAME_CONNECTORS.has(t.lower)) && t.lower !== 'and' && t.lower !== 'of' && t.lower !== 'for') {
        const after = this.token(j + 1);
        if (after && isCapitalized(after)) continue;
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
      if (!isCapitalized(t) || gluePoint(t) > 0 || NOT_NAME_WORDS.has(t.lower) || (HONORIFICS.has(t.lower) && !inName) || HYPHEN_WORD.test(t.lower)) break;
      if (this.titleAt(j) && !INITIAL.test(t.value)) break;
      const lex = this.lexicon.phrases.get(t.value);
      if (lex && !lex.broad && lex.kind !== 'user' && !this.lexicon.givenNames.has(t.lower) && lex.entityType !== 'person') break;
      last = j;
      count++;
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

  /** "Cheng Chung-tai", "Kim Shin-wook": a name with a hyphenated lowercase syllable is a person's. */
  private hasSyllablePair(first: number, last: number): boolean {
    for (let k = first + 1; k < last; k++) {
      if (this.token(k)?.value === '-' && /^\p{Ll}/u.test(this.token(k + 1)?.value ?? '')) return true;
    }
    return false;
  }

  private titlePhrase(i: number): number | undefined {
    let j = i;
    if (this.token(j)?.lower === 'the') j++;
    const affiliationMatch = this.matchLexicon(j);
    const affiliationOk = affiliationMatch && ['country', 'seat', 'demonym', 'organization', 'capital', 'user'].includes(affiliationMatch.entry.kind);
    let afterAffiliation = affiliationOk ? affiliationMatch.last + 1 : j;
    let title = this.titleAt(afterAffiliation);
    if (!title) return undefined;
    // "United States special envoy": several title words in a row — keep the longest last one.
    let titleLast = title.last;
    for (let more = this.titleAt(titleLast + 1); more; more = this.titleAt(titleLast + 1)) {
      title = more;
      titleLast = more.last;
    }
    let k = titleLast + 1;
    if (this.token(k) && HONORIFICS.has(this.token(k)?.lower ?? '')) k++;
    const plainName = this.nameTokens(k);
    const nameLast = plainName >= 0 ? plainName : this.placeNamedPerson(k);
    let affiliation = affiliationOk ? this.countryOf(affiliationMatch.entry) : undefined;
    const titleTokens = this.tokens.slice(afterAffiliation, titleLast + 1).map((t) => t.value).join(' ');
    if (nameLast < 0) {
      // A title without a name: "the Russian President" — resolved once the holder is known.
      if (!affiliationOk || affiliationMatch.entry.kind === 'capital') return undefined;
      const firstTitle = this.token(afterAffiliation);
      if (firstTitle && firstTitle.sentence !== this.token(i)?.sentence) return undefined;
      this.pendingTitles.push({ first: j, last: titleLast, title: title.title, affiliation, ...(affiliationMatch.entry.kind === 'demonym' ? { demonymLast: affiliationMatch.last } : {}) });
      if (affiliationMatch.entry.kind !== 'demonym') this.addLexiconMention(affiliationMatch.entry, j, affiliationMatch.last, affiliationMatch.end, true);
      return titleLast + 1;
    }
    // "President Vladimir Putin of Russia"
    let end = nameLast + 1;
    if (!affiliation && this.token(nameLast + 1)?.lower === 'of') {
      const of = this.matchLexicon(nameLast + 2);
      if (of && (of.entry.kind === 'country' || of.entry.kind === 'organization')) {
        affiliation = this.countryOf(of.entry);
        this.addLexiconMention(of.entry, nameLast + 2, of.last, of.end, true);
        end = of.last + 1;
      }
    }
    if (affiliationOk && affiliationMatch.entry.kind !== 'demonym') {
      this.addLexiconMention(affiliationMatch.entry, j, affiliationMatch.last, affiliationMatch.end, true);
    }
    const person = this.addPerson(k, nameLast, 'title+name');
    // "former Prime Minister John Major", "Britain's ex-foreign secretary": a past office is no role now.
    const past = [this.token(i - 1), this.token(j - 1), this.token(afterAffiliation - 1)].some((w) => w !== undefined && PAST_OFFICE_WORDS.has(w.lower));
    if (affiliation && !past) {
      const role = `${title.title.role} of ${this.lexicon.entities.get(affiliation)?.label ?? affiliation}`;
      this.addRole(person, role, title.title, affiliation, afterAffiliation, titleTokens);
    }
    this.roleHolders.set(`${title.title.role}|${affiliation ?? ''}`, person);
    this.roleHolders.set(`${title.title.role}|`, person);
    return end;
  }

  /**
   * "Defence Minister Israel Katz", "coach Jordan Henderson": after a title, a one-word country or
   * place followed by a capitalised word that is neither a known name nor an everyday word is a
   * person's given name. Returns the name's last token, or -1.
   */
  private placeNamedPerson(k: number): number {
    const t = this.token(k);
    const next = this.token(k + 1);
    const match = this.matchLexicon(k);
    if (!t || !next || !match || match.last !== k || next.sentence !== t.sentence || !isCapitalized(next)) return -1;
    if (!['country', 'place', 'capital'].includes(match.entry.kind) || this.lexicon.phrases.has(next.value) || this.lexicon.commonWords.has(next.lower) || NOT_NAME_WORDS.has(next.lower)) return -1;
    return this.nameTokens(k + 1);
  }

  /** The organisation a capital stands for in this document (ORGANIZATION_SEATS), if the document names it. */
  private seatedOrganization(capital: string): LexiconEntry | undefined {
    const row = ORGANIZATION_SEATS.find((r) => r.capital === capital);
    if (!row) return undefined;
    // Whether the document names the organisation: looked up once per row, not at every mention.
    let named = this.seatsNamed.get(row.organization);
    if (named === undefined) {
      named = row.named.some((n) => this.doc.source.text.includes(n));
      this.seatsNamed.set(row.organization, named);
    }
    if (!named) return undefined;
    for (const n of row.named) {
      const entry = this.lexicon.phrases.get(n);
      if (entry?.id === row.organization) return entry;
    }
    return undefined;
  }

  private countryOf(entry: LexiconEntry): string {
    return entry.kind === 'seat' || entry.kind === 'demonym' || entry.kind === 'capital' ? (entry.country ?? entry.id) : entry.id;
  }

  private lexiconPhrase(i: number): number | undefined {
    const match = this.matchLexicon(i);
    if (!match) return undefined;
    const { entry, last, end } = match;
    const t = this.token(i);
    if (!t) return undefined;
    // "Sydney Morning Herald", "California Science Center": a place that starts a longer name.
    if (entry.kind !== 'organization' && entry.kind !== 'user' && entry.kind !== 'seat') {
      const named = this.nameAfterLexicon(entry, i, last);
      if (named !== undefined) return named;
    }
    // One word from the broad gazetteer ("Honda", "Mao") is a place only where a place is expected.
    if (entry.broad && last === i && !this.placeContext(i, last) && !this.placeSubject(i)) return undefined;
    if (entry.kind === 'demonym') {
      // "Ukrainian troops", "American and Ukrainian officials"
      let k = last + 1;
      const coordinated: Array<{ entry: LexiconEntry; first: number; last: number; end: number }> = [{ entry, first: i, last, end }];
      while (this.token(k)?.lower === 'and' || this.token(k)?.value === ',') {
        const other = this.matchLexicon(k + 1);
        if (!other || other.entry.kind !== 'demonym') break;
        coordinated.push({ entry: other.entry, first: k + 1, last: other.last, end: other.end });
        k = other.last + 1;
      }
      const noun = this.token(k);
      const afterAdjective = this.token(k + 1);
      const isGroup = (x: Token | undefined): boolean => x !== undefined && GROUP_NOUNS.has(x.lower);
      // ("Ukrainian energy facilities": one adjective or noun may stand between.)
      // ("tariffs on Chinese electric cars": one adjective or noun may stand between.)
      const goodsAt = (x: Token | undefined): boolean => TRADED_GOODS.includes(x?.lower ?? '');
      const measuredGoods = ['on', 'against', 'of'].includes(this.token(i - 1)?.lower ?? '') && (goodsAt(noun) || ((noun?.pos === 'ADJ' || noun?.pos === 'NOUN') && goodsAt(afterAdjective)));
      // "an Israeli strike on …", "American sanctions": the side whose act the noun names.
      // ("an Israeli air strike", "a Russian missile attack": one noun may stand between.)
      const sideOfEvent = DEMONYM_EVENTS.has(noun?.lower ?? '') || (noun?.pos === 'NOUN' && DEMONYM_EVENTS.has(afterAdjective?.lower ?? ''));
      const modifier = (x: Token | undefined): boolean => x !== undefined && (x.pos === 'ADJ' || x.pos === 'NOUN');
      // ("Chinese coast guard ships": two modifiers at most.)
      const twoBetween = modifier(noun) && modifier(afterAdjective) && isGroup(this.token(k + 2));
      if (isGroup(noun) || measuredGoods || sideOfEvent || (modifier(noun) && isGroup(afterAdjective)) || twoBetween) {
        for (const c of coordinated) this.addLexiconMention({ ...c.entry, id: this.countryOf(c.entry) }, c.first, c.last, c.end, false, 'demonym');
        return k;
      }
      // "Afghans fled": the people, not the state; "the Belgians won": the country (or its team) acting
      if (last === i && coordinated.length === 1 && noun?.pos !== 'NOUN' && noun?.pos !== 'PROPN') {
        if (this.token(i - 1)?.lower !== 'the' || !this.pluralDemonym(t)) return this.groupPhrase(i) ?? last + 1;
        this.addLexiconMention({ ...entry, id: this.countryOf(entry) }, i, last, end, false, 'demonym');
      }
      return last + 1;
    }
    if (entry.kind === 'capital') {
      // "Mexico City", "Kuwait City": the capital's name holds its country
      if (last > i && entry.country && this.lexicon.phrases.get(normalizeSurface(this.token(i)?.value ?? ''))?.id === entry.country) {
        this.addNestedMention(entry.country, 'country', i, i, 'country-in-name');
      }
      const prev = this.token(i - 1);
      // "a request from Cotonou", "officials from Beijing": the capital sent or asked, it is not a place here.
      const sender = prev?.lower === 'from' && FROM_SENDER_NOUNS.has(this.token(i - 2)?.lower ?? '');
      const locative = prev !== undefined && LOCATIVE_PREPOSITIONS.has(prev.lower) && prev.sentence === t.sentence && !sender;
      const seat = locative ? undefined : this.seatedOrganization(t.value);
      if (seat) {
        this.addLexiconMention(seat, i, last, end, false, 'seat');
        return last + 1;
      }
      if (locative || !entry.country) {
        this.addLexiconMention(entry, i, last, end, false);
        this.locatedIn(entry, i, last);
      } else this.addLexiconMention({ ...entry, id: entry.country, entityType: 'country' }, i, last, end, false, 'capital');
      return last + 1;
    }
    this.addLexiconMention(entry, i, last, end, false, entry.kind === 'seat' ? 'seat' : 'lexicon');
    if (entry.kind === 'place') this.locatedIn(entry, i, last);
    // "Toronto Star", "New York Times": a known organisation named after the place it is in
    if (entry.kind === 'organization' && last > i) this.placesInName(entry.id, i, last, i);
    return last + 1;
  }

  /** "Muslims", "asylum seekers", "Afghans": a group of people, one actor ('other', marked group). */
  private groupPhrase(i: number): number | undefined {
    const t = this.token(i);
    if (!t) return undefined;
    const row = GROUPS_BY_FIRST_WORD.get(t.lower)?.find((r) => r.words.every((w, k) => this.token(i + k)?.lower === w));
    const label = row && (row.lowercase || isCapitalized(t)) ? row.label : this.pluralDemonym(t) ? t.value : undefined;
    if (label === undefined) return undefined;
    const last = i + (row?.words.length ?? 1) - 1;
    // "Muslims Against Hunger", "Kurds Party": the first word of a longer name is no group.
    const next = this.token(last + 1);
    if (next && next.sentence === t.sentence && isCapitalized(next) && next.pos === 'PROPN') return undefined;
    const id = this.addMention(slugify(label), 'other', i, last, label, 'people-group', false, 'name');
    this.draft.groups.add(id);
    return last + 1;
  }

  /** "Afghans", "Bangladeshis": the plural of a demonym the gazetteer knows. */
  private pluralDemonym(t: Token): boolean {
    if (!isCapitalized(t) || !t.value.endsWith('s') || t.value.length < 5) return false;
    return this.lexicon.phrases.get(normalizeSurface(t.value.slice(0, -1)))?.kind === 'demonym';
  }

  /**
   * "Sydney Morning Herald", "Indonesian Navy", "Massachusetts Institute of Technology": a country,
   * demonym or place that starts a longer proper name is part of it. An organisation named after a
   * country is that country's (member_of); a place named after a place lies in it.
   */
  private nameAfterLexicon(entry: LexiconEntry, first: number, lexiconLast: number): number | undefined {
    const next = this.token(lexiconLast + 1);
    if (!next || next.sentence !== this.token(first)?.sentence || !isCapitalized(next)) return undefined;
    let last = this.nameTokens(lexiconLast + 1);
    // "United Kingdom Home Office": the rest is an organisation we know; it keeps its own name.
    const rest = this.matchLexicon(lexiconLast + 1);
    if (rest && rest.entry.kind === 'organization' && rest.last >= last) return undefined;
    const head = this.token(last)?.lower ?? '';
    const entityType: EntityType | undefined = ORGANIZATION_HEADS.has(head) ? 'organization' : PLACE_HEADS.has(head) ? 'place' : undefined;
    if (last < 0 || !entityType) return undefined;
    last = this.ofTail(last);
    const name = this.text.slice(this.token(first)?.start ?? 0, this.token(last)?.end);
    const id = this.addMention(slugify(name), entityType, first, last, undefined, `${entry.kind}+${entityType}-head`, false, 'name');
    const owner = this.countryOf(entry);
    // "British Medical Association", "Karachi Stock Exchange": the name says where the organisation
    // belongs, not that it is a member of the state; a node attribute, as containment is.
    if (entityType === 'organization' && (entry.kind === 'country' || entry.kind === 'demonym')) this.containment.note(id, { country: owner }, 'name');
    if (entry.kind === 'place' || entry.kind === 'capital') {
      // "Volgograd Arena", "Colorado State University": the name holds the place it stands in.
      this.addNestedMention(entry.id, 'place', first, lexiconLast, 'place-in-name');
      this.containment.note(entry.id, gazetteerNote(entry), 'gazetteer');
      this.containment.note(id, insideOf(entry), 'name');
    }
    if (entityType === 'organization') this.acronymDefinition(last + 1, id, 'organization');
    return last + 1;
  }

  /** "Institute of Technology", "Council for the Welfare of Immigrants", "University of Texas at Arlington". */
  private ofTail(last: number): number {
    let end = last;
    let k = last + 1;
    const sentence = this.token(last)?.sentence;
    for (let links = 0; OF_TAIL_LINKS.has(this.token(k)?.lower ?? '') && this.token(k)?.sentence === sentence; links++) {
      let j = k + 1;
      if (this.token(j)?.lower === 'the') j++;
      const runStart = j;
      let runEnd = -1;
      for (let n = 0; n < MAX_NAME_TOKENS + 2; n++, j++) {
        const t = this.token(j);
        if (!t || t.sentence !== sentence) break;
        if (isCapitalized(t) && !NOT_NAME_WORDS.has(t.lower) && !/\d/.test(t.value)) runEnd = j;
        else if (!(NAME_JOINERS.has(t.lower) && this.oneWordAfter(j))) break;
      }
      if (runEnd < 0) break;
      // "University of Sheffield of the UK", "Colorado State University of the US": a country after a
      // second link, or after "of the", says where the body is, not which.
      const country = this.matchLexicon(runStart);
      const bareCountry = country?.entry.kind === 'country' && country.last === runEnd;
      if (bareCountry && (links > 0 || this.token(runStart - 1)?.lower === 'the')) break;
      end = runEnd;
      k = runEnd + 1;
    }
    return end;
  }

  /** "Science and Technology", not "Technology and Colorado State University": one capitalised word follows. */
  private oneWordAfter(j: number): boolean {
    const next = this.token(j + 1);
    const afterNext = this.token(j + 2);
    return next !== undefined && isCapitalized(next) && next.lower !== 'the' && !(afterNext && isCapitalized(afterNext) && afterNext.sentence === next.sentence);
  }

  /** "Tasmania was excluded": a sentence opens with the place, then a verb that is not one of speech. */
  private placeSubject(i: number): boolean {
    const t = this.token(i);
    const next = this.token(i + 1);
    return t !== undefined && next !== undefined && this.doc.sentences[t.sentence]?.firstToken === i
      && (next.pos === 'AUX' || next.pos === 'VERB') && !SPEECH_VERBS.has(next.lemma);
  }

  /** "in Volgograd", "Livorno, Tuscany", "Queensland and Tasmania", "Sochi city": a place is expected here. */
  private placeContext(first: number, last: number): boolean {
    const t = this.token(first);
    const prev = this.token(first - 1);
    const next = this.token(last + 1);
    if (!t) return false;
    if (prev && prev.sentence === t.sentence && PLACE_CONTEXT_WORDS.has(prev.lower)) return true;
    if (next && PLACE_HEADS.has(next.lower)) return true;
    if (this.regionAfter(last) || describedAt(this.tokens, last) >= 0) return true;
    const previousMention = this.draft.mentions[this.draft.mentions.length - 1];
    const listed = prev !== undefined && (prev.value === ',' || prev.lower === 'and' || prev.lower === 'or');
    return listed && previousMention !== undefined && previousMention.lastToken === first - 2 && (previousMention.entityType === 'place' || previousMention.entityType === 'country');
  }

  /** A gazetteer place: where it lies, from the gazetteer, or "Jeddah, Saudi Arabia". */
  private locatedIn(entry: LexiconEntry, first: number, last: number): void {
    this.placeIn(entry.id, first, last, entry);
  }

  /**
   * "Huntsville, Alabama", "Jeddah, Saudi Arabia": the sentence says the place lies in the region
   * or country written after it (a `located_in` fact), and "Huntsville, Alabama" is one of its
   * names. What the gazetteer knows is only a node attribute.
   */
  private placeIn(id: string, first: number, last: number, entry: LexiconEntry | undefined): void {
    if (entry) this.containment.note(id, gazetteerNote(entry), 'gazetteer');
    const region = this.statedRegion(first, last, entry);
    if (!region) {
      // "in Los Angeles, California following its retirement": no fact (the context is not sure
      // enough for one), but the region the gazetteer puts it in is part of the place's name.
      const after = entry && this.regionAfter(last);
      if (after && containerOf(entry, after.entry, true)) this.statedRegions.set(`${first}:${last}`, after.last);
      return;
    }
    const written = this.text.slice(this.token(first)?.start ?? 0, this.token(region.last)?.end ?? 0);
    this.statedRegions.set(`${first}:${last}`, region.last);
    this.draft.aliases.get(id)?.add(written);
    this.noteStated(id, region.entry.id, region.note);
    this.fact(id, 'located_in', region.entry.id, first, written, region.entry.kind === 'country' ? CONTAINMENT_RULES.apposition.id : 'place, region');
  }

  /** ", Texas" after a place that lies there, in a context that says so (containment.ts). */
  private statedRegion(first: number, last: number, place: LexiconEntry | undefined): { entry: LexiconEntry; last: number; note: ContainmentNote } | undefined {
    const region = this.regionAfter(last);
    if (!region || !appositionContext(this.tokens, first, region.last, (i) => this.placeAt(i))) return undefined;
    const note = containerOf(place, region.entry, true);
    return note && { ...region, note };
  }

  /** A stated place's containment; an ambiguous region ("Lahore, Punjab") takes the place's country. */
  private noteStated(place: string, container: string, note: ContainmentNote): void {
    this.containment.note(place, note, 'text');
    if (note.region === container && note.country) this.containment.note(container, { country: note.country }, 'text');
  }

  private placeAt(i: number): boolean {
    const kind = this.matchLexicon(i)?.entry.kind;
    return kind === 'country' || kind === 'place' || kind === 'capital';
  }

  /** "Sangin, a town in Helmand", "Kunduz in northern Afghanistan": containment a sentence states. */
  private statedContainments(): void {
    const mentions = [...this.draft.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const s of statedContainments(this.tokens, this.text, mentions, this.lexicon)) {
      this.noteStated(s.place.entity, s.container.entity, s.note);
      this.fact(s.place.entity, 'located_in', s.container.entity, s.place.firstToken, this.text.slice(s.place.start, s.container.end), s.rule);
    }
  }

  /** ", Texas" or ", Saudi Arabia" right after a place. */
  private regionAfter(last: number): { entry: LexiconEntry; last: number } | undefined {
    if (this.token(last + 1)?.value !== ',' || this.token(last + 2)?.sentence !== this.token(last)?.sentence) return undefined;
    const after = this.matchLexicon(last + 2);
    return after && !after.entry.broad && (after.entry.kind === 'country' || after.entry.kind === 'place') ? after : undefined;
  }

  /**
   * A run of capitalised words that no table claimed: its head, its first word and its context
   * decide what it is. Each step either claims the chunk (returning where to go on) or passes.
   */
  private nameChunk(i: number): number | undefined {
    const t = this.token(i);
    if (!t || !isCapitalized(t) || this.claimed[i]) return undefined;
    const sentenceStart = this.doc.sentences[t.sentence]?.firstToken === i;
    // Every sentence starts with a capital: its first word starts a name only when wink reads it as one.
    if (sentenceStart && t.pos !== 'PROPN' && !this.lexicon.givenNames.has(t.lower) && !ACRONYM.test(t.value)) return i + 1;
    let last = this.nameTokens(i, 8);
    if (last < 0) return undefined;
    last = this.headAfterAnd(i, last);
    // "Refugee Council Enver Solomon": an organisation's head word ends it when a given name follows.
    for (let k = i + 1; k < last; k++) {
      if (ORGANIZATION_HEADS.has(this.token(k)?.lower ?? '') && this.lexicon.givenNames.has(this.token(k + 1)?.lower ?? '')) last = k;
    }
    const words = this.tokens.slice(i, last + 1);
    const lowers = words.map((w) => w.lower);
    const prev = this.token(i - 1);
    const chunk: Chunk = {
      first: i, last, words, lowers, sentenceStart, head: lowers[lowers.length - 1] ?? '',
      byline: prev?.lower === 'by' && prev.lineStart === true && last > i,
      affiliation: this.afterPersonAffiliation(i),
      name: (to = last) => this.text.slice(t.start, this.tokens[to]?.end),
    };
    return this.organizationByHead(chunk) ?? this.placeByHead(chunk) ?? this.headlineWords(chunk) ?? this.placeBeforeRegion(chunk)
      ?? this.organizationOfPerson(chunk) ?? this.singleWord(chunk) ?? this.roleWordFirst(chunk) ?? this.personOrOrganization(chunk);
  }

  /** "Defence Ministry", "Ministry of Defence", "the Church" (→ the church named before). */
  private organizationByHead(c: Chunk): number | undefined {
    const ofLast = this.orgWithOf(c.first);
    if (!ORGANIZATION_HEADS.has(c.head) && ofLast === undefined) return undefined;
    const orgLast = ofLast ?? this.ofTail(c.last);
    if (orgLast === c.first) {
      const earlier = this.recentOrganization((m) => m.text.toLowerCase().split(/\s+/).includes(c.head) && m.firstToken !== m.lastToken);
      if (earlier && !c.sentenceStart) this.addMention(earlier, 'organization', c.first, c.first, undefined, 'org-head-anaphor', false, 'name');
      return c.last + 1;
    }
    // "the Andy Warhol Foundation" after "the Andy Warhol Foundation for the Visual Arts": the same body.
    const name = c.name(orgLast);
    const longer = this.recentOrganization((m) => m.text.startsWith(`${name} `) && OF_TAIL_LINKS.has(m.text.slice(name.length + 1).split(' ')[0] ?? ''));
    const id = this.addMention(longer ?? slugify(name), 'organization', c.first, orgLast, undefined, 'org-head', false, 'name');
    this.acronymDefinition(orgLast + 1, id, 'organization');
    this.placesInName(id, c.first, orgLast);
    return orgLast + 1;
  }

  /** "University of Sheffield", "University of North Carolina at Greensboro": the places a name holds. */
  private placesInName(id: string, first: number, last: number, from = first + 1): void {
    for (let k = from; k <= last; k++) {
      const inner = this.matchLexicon(k, (e) => NESTED_PLACE_KINDS.has(e.kind));
      // "University of Southern Indiana": the compass word is part of the next place's name (extents.ts)
      if (!inner || inner.last > last || (inner.last === k && COMPASS.has(this.token(k)?.value ?? ''))) continue;
      this.addNestedMention(inner.entry.id, inner.entry.entityType, k, inner.last, 'place-in-name');
      this.containment.note(inner.entry.id, gazetteerNote(inner.entry), 'gazetteer');
      // "Embassy of France" need not be in France: only a place inside a name says where it is.
      if (inner.entry.kind !== 'country') this.containment.note(id, insideOf(inner.entry), 'name');
      k = inner.last;
    }
  }

  /**
   * "National Air and Space Museum", "Fish and Wildlife Service": "and" inside one name, whose head
   * comes after it. A first part that has a head of its own ("Refugee Council and Red Cross") is
   * a name of its own.
   */
  private headAfterAnd(first: number, last: number): number {
    const headOf = (k: number): string => this.token(k)?.lower ?? '';
    if (this.token(last + 1)?.lower !== 'and' || ORGANIZATION_HEADS.has(headOf(last)) || PLACE_HEADS.has(headOf(last))) return last;
    const right = this.nameTokens(last + 2, 4);
    if (right < 0 || right - first >= 8 || this.token(right)?.sentence !== this.token(first)?.sentence) return last;
    return ORGANIZATION_HEADS.has(headOf(right)) || PLACE_HEADS.has(headOf(right)) ? right : last;
  }

  /** "Volgograd Arena", "Mount Fisht", "Museum of Flight", "Gulf of Mexico". */
  private placeByHead(c: Chunk): number | undefined {
    const ofName = c.last === c.first && PLACE_HEADS.has(c.head) && this.token(c.last + 1)?.lower === 'of' ? this.ofTail(c.last) : c.last;
    if (ofName === c.first || !(PLACE_HEADS.has(c.head) || PLACE_STARTS.has(c.lowers[0] ?? ''))) return undefined;
    const id = this.addMention(slugify(c.name(ofName)), 'place', c.first, ofName, undefined, 'place-head', false, 'name');
    if (ofName > c.last) this.placesInName(id, c.first, ofName);
    return ofName + 1;
  }

  /** In a Title Case headline every word is capitalised: only names known from the body count. */
  private headlineWords(c: Chunk): number | undefined {
    const t = this.token(c.first);
    if (!t || !this.titleCaseSentence[t.sentence] || c.byline) return undefined;
    // "Nick Moreau" in a caption: the whole run when it is a person the body names, else word by word.
    if (c.last > c.first) this.pendingSingles.push({ first: c.first, last: c.last, rule: 'headline-person' });
    for (let k = c.first; k <= c.last; k++) this.pendingSingles.push({ first: k, last: k, rule: 'headline-name' });
    return c.last + 1;
  }

  /** "in Irving, Texas", "of Mountain View, California": not "Kate Winslet, Britain has" or "Good Morning, Vietnam". */
  private placeBeforeRegion(c: Chunk): number | undefined {
    const prev = this.token(c.first - 1);
    const placeExpected = prev === undefined || prev.sentence !== this.token(c.first)?.sentence || PLACE_CONTEXT_WORDS.has(prev.lower) || prev.lower === 'based';
    if (!placeExpected || !this.statedRegion(c.first, c.last, undefined) || this.surnameKnown(c.head)) return undefined;
    const id = this.addMention(slugify(c.name()), 'place', c.first, c.last, undefined, 'place, region', false, 'name');
    this.placeIn(id, c.first, c.last, undefined);
    return c.last + 1;
  }

  /** "Cheng Chung-tai of Civic Passion", "Michael Tien of NPP": after "PERSON of", an organisation. */
  private organizationOfPerson(c: Chunk): number | undefined {
    if (!c.affiliation || this.lexicon.givenNames.has(c.lowers[0] ?? '') || this.hasSyllablePair(c.first, c.last)) return undefined;
    const t = this.token(c.first);
    if (c.last === c.first && t?.pos !== 'PROPN' && !ACRONYM.test(t?.value ?? '')) return undefined;
    this.addMention(this.organizationId(c), 'organization', c.first, c.last, undefined, 'person-of-org', false, 'name');
    return c.last + 1;
  }

  /** A new organisation's id, unless one word spells one named before ("NPP" after "New People Party"). */
  private organizationId(c: Chunk): string {
    const word = c.last === c.first ? this.token(c.first)?.value : undefined;
    return (word !== undefined ? this.recentOrganization((m) => initials(m.text) === word) : undefined) ?? slugify(c.name());
  }

  /** One word: an acronym in an organisation's place, else a surname resolved in pass 2. */
  private singleWord(c: Chunk): number | undefined {
    if (c.last !== c.first) return undefined;
    const t = this.token(c.first);
    if (t && ACRONYM.test(t.value) && !NOT_ORGANIZATION_ACRONYMS.has(t.lower) && this.acronymContext(c.first)) {
      const id = this.addMention(this.organizationId(c), 'organization', c.first, c.first, undefined, 'acronym-in-context', false, 'name');
      // "USI" after "to" or at a sentence's start names the same body as "of USI" did.
      if (!this.acronyms.has(t.value)) this.acronyms.set(t.value, { id, entityType: 'organization', kind: 'user' });
    } else this.pendingSingles.push({ first: c.first, last: c.last, rule: 'surname' });
    return c.last + 1;
  }

  /**
   * "Pan-democrat Lam Cheuk-ting", "Education Stefania Giannini": a role or a thing word is no part
   * of the name after it; "Scientologist Tom Cruise": nor is a role-like word before a given name.
   */
  private roleWordFirst(c: Chunk): number | undefined {
    const firstWord = c.lowers[0] ?? '';
    if (this.lexicon.givenNames.has(firstWord)) return undefined;
    if (NOT_PERSON_WORDS.has(firstWord) || PERSON_ROLE_NOUNS.has(firstWord)) return c.first + 1;
    const givenAt = ROLE_SUFFIX.test(firstWord) ? c.lowers.findIndex((w, k) => k > 0 && k < c.lowers.length - 1 && this.lexicon.givenNames.has(w)) : -1;
    return givenAt > 0 ? c.first + givenAt : undefined;
  }

  /** Cues for a person; else an organisation owning a person ("Youngspiration's Baggio Leung"); else the name's shape. */
  private personOrOrganization(c: Chunk): number {
    const { first: i, last, words, lowers, sentenceStart } = c;
    if (words.filter((w) => UPPER_START.test(w.value)).length > MAX_NAME_TOKENS) return last + 1;
    const prev = this.token(i - 1);
    const t = this.token(i);
    const given = this.lexicon.givenNames.has(lowers[0] ?? '') || INITIAL.test(words[0]?.value ?? '');
    const after = this.token(last + 1);
    const speaks = after !== undefined && (SPEECH_VERBS.has(after.lemma) || (after.pos === 'AUX' && SPEECH_VERBS.has(this.token(last + 2)?.lemma ?? '')));
    const role = prev !== undefined && prev.sentence === t?.sentence && (PERSON_ROLE_NOUNS.has(prev.lower) || this.titleAt(i - 1) !== undefined || (ROLE_SUFFIX.test(prev.lower) && isCapitalized(prev)));
    const syllables = this.hasSyllablePair(i, last);
    const apposition = this.appositiveRole(last);
    if (given || c.byline || speaks || role || syllables || apposition || this.surnameKnown(lowers[lowers.length - 1] ?? '')) {
      if (sentenceStart && !given && !speaks && !c.byline && !syllables && !apposition) return last + 1;
      const person = this.addPerson(i, last, c.byline ? 'byline' : given ? 'given-name' : role ? 'role+name' : speaks ? 'name+verb' : 'name-shape');
      if (c.byline) this.bylineOutlet(person, last + 1);
      return last + 1;
    }
    const possessor = (after?.value === "'s" || after?.value === "'") && this.token(last + 2) !== undefined && isCapitalized(this.token(last + 2) as Token);
    // "the Sea Org", "the Velvet Underground": people are seldom named with "the"; bodies often are.
    const definite = prev?.lower === 'the' && !sentenceStart && !lowers.some((w) => NOT_PERSON_WORDS.has(w));
    if (possessor || definite) {
      this.addMention(slugify(c.name()), 'organization', i, last, undefined, possessor ? 'org-possessive' : 'the+name', false, 'name');
      return last + 1;
    }
    // Two to four capitalised words with nothing that makes them a thing: in news, a person's name.
    // At a sentence's start every word is capitalised, so there wink must read all of them as names.
    const nameShaped = !lowers.some((w) => NOT_PERSON_WORDS.has(w)) && words.every((w) => !ACRONYM.test(w.value))
      && !lowers.every((w) => this.lexicon.commonWords.has(w) || !LETTER.test(w));
    if (nameShaped && (!sentenceStart || words.every((w) => w.pos === 'PROPN' || w.value === '-' || !UPPER_START.test(w.value)))) {
      this.addPerson(i, last, 'name-shape');
    }
    return last + 1;
  }

  private recentOrganization(test: (m: Mention) => boolean): string | undefined {
    for (let k = this.draft.mentions.length - 1; k >= 0; k--) {
      const m = this.draft.mentions[k];
      if (m && m.entityType === 'organization' && test(m)) return m.entity;
    }
    return undefined;
  }

  /** "Hilary Braysmith, USI associate professor of art history": a role in apposition makes a person. */
  private appositiveRole(last: number): boolean {
    if (this.token(last + 1)?.value !== ',') return false;
    const sentence = this.token(last)?.sentence;
    for (let k = last + 2; k <= last + 1 + APPOSITION_REACH; k++) {
      const t = this.token(k);
      if (!t || t.sentence !== sentence || t.value === ',') return false;
      if (PERSON_ROLE_NOUNS.has(t.lower) || this.titleAt(k) !== undefined) return true;
    }
    return false;
  }

  /** "X of" or "X from" right after a person's name: what follows is where they belong. */
  private afterPersonAffiliation(i: number): boolean {
    let k = i - 1;
    if (this.token(k)?.lower === 'the') k--;
    const link = this.token(k);
    return link !== undefined && AFFILIATION_WORDS.has(link.lower) && this.personToken[k - 1] === 1;
  }

  /** An unknown acronym names an organisation after "of", "the", "from" … or before "'s". */
  private acronymContext(i: number): boolean {
    const prev = this.token(i - 1);
    const next = this.token(i + 1);
    return (prev !== undefined && ACRONYM_CONTEXT.has(prev.lower)) || next?.value === "'s";
  }

  private orgWithOf(i: number): number | undefined {
    const first = this.token(i);
    if (!first || this.token(i + 1)?.lower !== 'of') return undefined;
    // "Daughters of the American Revolution", "Friends of the Earth": a group named by a plural.
    const pluralGroup = /^\p{Lu}\p{Ll}{2,}s$/u.test(first.value) && this.doc.sentences[first.sentence]?.firstToken !== i
      && !this.lexicon.givenNames.has(first.lower) && !NOT_PERSON_WORDS.has(first.lower);
    if (!ORGANIZATION_STARTS.has(first.lower) && !pluralGroup) return undefined;
    const end = this.ofTail(i);
    return end > i ? end : undefined;
  }

  /** "the International Atomic Energy Agency (IAEA)": the acronym names the same entity. */
  private acronymDefinition(k: number, id: string, entityType: EntityType): void {
    const open = this.token(k);
    const acronym = this.token(k + 1);
    const close = this.token(k + 2);
    if (open?.value === '(' && close?.value === ')' && acronym && /^[\p{Lu}&]{2,}$/u.test(acronym.value)) {
      this.acronyms.set(acronym.value, { id, entityType, kind: 'user' });
      this.addMention(id, entityType, k + 1, k + 1, undefined, 'acronym', false, 'name');
    }
  }

  private bylineOutlet(person: string, k: number): void {
    let j = k;
    while (this.token(j) && !LETTER.test(this.token(j)?.value ?? '') && this.token(j)?.sentence === this.token(k)?.sentence) j++;
    const outlet = this.matchLexicon(j);
    if (outlet && outlet.entry.entityType === 'organization') {
      this.addLexiconMention(outlet.entry, j, outlet.last, outlet.end, false);
      this.fact(person, 'member_of', outlet.entry.id, j, 'by', 'byline');
    }
  }

  /** The mentions as output: each widened to the phrase that names it ("U.S. President Donald Trump"). */
  private phraseExtents(): Mention[] {
    const sorted = [...this.draft.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
    const { mentions, moved } = phraseExtents(sorted, {
      tokens: this.tokens,
      text: this.text,
      sentenceStart: (i) => this.doc.sentences[this.token(i)?.sentence ?? -1]?.firstToken === i,
      titleEndingAt: (k) => {
        for (let s = Math.max(0, k - 3); s <= k; s++) {
          const t = this.token(s);
          if (t && isCapitalized(t) && this.titleAt(s)?.last === k) return s;
        }
        return undefined;
      },
      affiliationEndingAt: (k) => {
        for (let s = Math.max(0, k - this.lexicon.maxWords + 1); s <= k; s++) {
          const kind = this.matchLexicon(s, (e) => AFFILIATION_KINDS.has(e.kind));
          if (kind?.last === k) return s;
        }
        return undefined;
      },
      statedRegions: this.statedRegions,
    });
    // A pronoun's antecedent names the offsets of a mention: the widened one.
    if (moved.size > 0) {
      this.draft.references = this.draft.references.map((r) => {
        const to = r.antecedent && moved.get(`${r.antecedent.start}:${r.antecedent.end}`);
        return to ? { ...r, antecedent: to } : r;
      });
    }
    return mentions;
  }

  // ---- pass 2 -------------------------------------------------------------------------------

  private surnameKnown(lower: string): boolean {
    for (const p of this.persons.values()) if (p.last === lower) return true;
    return false;
  }

  private personBySurname(lower: string): PersonRecord | undefined {
    return this.onlyPerson((p) => p.last === lower && p.tokens >= 2)
      // "Xi" after "Xi Jinping", "Yoon" after "Yoon Suk Yeol": names written surname first.
      ?? (this.lexicon.givenNames.has(lower) ? undefined : this.onlyPerson((p) => p.first === lower && p.tokens >= 2 && this.hasSurnameFirstShape(p)));
  }

  /**
   * The person of the news gazetteer (people.json) that a lone surname names ("Merkel"), unless
   * this article names somebody else by that word: then the word is theirs, or nobody's.
   */
  private notablePerson(lower: string): PersonRecord | undefined {
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
  private onlyPerson(test: (p: PersonRecord) => boolean): PersonRecord | undefined {
    let found: PersonRecord | undefined;
    for (const p of this.persons.values()) {
      if (!test(p)) continue;
      if (found && found.id !== p.id) return undefined;
      found = p;
    }
    return found;
  }

  /** East Asian order: the first word is no given name we know ("Xi Jinping", "Kim Jong-un"). */
  private hasSurnameFirstShape(p: PersonRecord): boolean {
    return !this.lexicon.givenNames.has(p.first) && p.label.split(/\s+/).length <= 3;
  }

  private resolveSingles(): void {
    for (const s of this.pendingSingles) {
      if (this.claimed[s.first]) continue;
      const t = this.token(s.first);
      if (!t) continue;
      if (s.rule === 'headline-person') {
        const label = this.text.slice(t.start, this.token(s.last)?.end);
        const known = this.persons.get(slugify(label));
        if (known && known.tokens === s.last - s.first + 1) {
          this.addMention(known.id, 'person', s.first, s.last, undefined, 'headline-name', false, 'name');
          this.personToken.fill(1, s.first, s.last + 1);
        }
        continue;
      }
      const country = this.countryNamedInFull(t.value);
      if (country) {
        this.addMention(country, 'country', s.first, s.last, undefined, 'short-form', false, 'lexicon');
        continue;
      }
      // An acronym the article uses as an organisation's name elsewhere, written before that use.
      const acronym = s.first === s.last && s.rule === 'surname' ? this.acronyms.get(t.value) : undefined;
      if (acronym && acronym.entityType === 'organization') {
        this.addMention(acronym.id, 'organization', s.first, s.last, undefined, 'acronym-in-document', false, 'name');
        continue;
      }
      const known = this.personBySurname(t.lower) ?? this.persons.get(slugify(t.value));
      if (known) {
        this.addMention(known.id, 'person', s.first, s.last, undefined, s.rule, false, 'name');
        continue;
      }
      const notable = this.notablePerson(t.lower);
      if (notable) {
        this.addMention(notable.id, 'person', s.first, s.last, notable.label, 'known-surname', false, 'name');
        this.personToken.fill(1, s.first, s.last + 1);
        continue;
      }
      if (s.rule === 'headline-name') continue;
      // A lone unknown capitalised word acts as a person when it speaks: "Zelenskyy said". At a
      // sentence's start an everyday word is capitalised anyway: "Reporters said" names nobody.
      const after = this.token(s.last + 1);
      const sentenceStart = this.doc.sentences[t.sentence]?.firstToken === s.first;
      const speaks = after !== undefined && (after.lemma === 'say' || after.lemma === 'tell' || after.lemma === 'add') && t.pos === 'PROPN' && !GROUP_NOUNS.has(t.lower);
      if (speaks && !(sentenceStart && this.lexicon.commonWords.has(t.lower))) {
        this.addPerson(s.first, s.last, 'name+said');
        continue;
      }
      const cue = this.personCueAround(s.first, s.last);
      if (cue && t.pos === 'PROPN' && !this.lexicon.commonWords.has(t.lower) && !GROUP_NOUNS.has(t.lower)) this.addPerson(s.first, s.last, cue);
    }
    this.resolveLoneNames();
  }

  /**
   * People the trained NER found where no rule put a mention ("Nick Bos", "Scarne"). A lone word
   * that is an everyday word, a title, a role or a group noun ("Senator", "MP") is left alone: those are
   * the NER's common mistakes. Its organisations and places are not added: on GUM they lower
   * precision more than they raise recall (organisation F1 59.2 → 59.6, KG node precision
   * 74.5% → 72.3%), and the rules type places better (F1 76.5 against the NER's 67.9).
   */
  private peopleNoRuleFound(): void {
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.named.first[i] !== i || this.named.type[i] !== 'PER') continue;
      const last = this.named.last[i] as number;
      const a = this.token(i);
      if (!a || !UPPER_START.test(a.value) || this.claimedWithin(i, last)) continue;
      if (i === last && (this.lexicon.commonWords.has(a.lower) || PERSON_ROLE_NOUNS.has(a.lower) || GROUP_NOUNS.has(a.lower) || NOT_PERSON_WORDS.has(a.lower) || this.titleAt(i))) continue;
      this.addPerson(i, last, 'ner:person');
    }
  }

  /**
   * "the Andy Warhol Foundation", "Trump Tower": a person the article names, inside the name of a
   * body or a place, is a nested mention of that person (no actor of its own there).
   */
  private peopleInNames(): void {
    const people = [...this.persons.values()].filter((p) => p.tokens >= 2 && this.draft.mentions.some((m) => m.entity === p.id));
    if (people.length === 0) return;
    const byLabel = new Map(people.map((p) => [p.label, p]));
    const bySurname = new Map<string, PersonRecord | null>();
    for (const p of people) bySurname.set(p.last, bySurname.has(p.last) && bySurname.get(p.last)?.id !== p.id ? null : p);
    for (const m of [...this.draft.mentions]) {
      if ((m.entityType !== 'organization' && m.entityType !== 'place') || m.lastToken === m.firstToken) continue;
      for (let k = m.firstToken; k < m.lastToken; k++) {
        const a = this.token(k);
        if (!a || !isCapitalized(a)) continue;
        let found: { person: PersonRecord; last: number } | undefined;
        for (let e = Math.min(m.lastToken - 1, k + MAX_NAME_TOKENS - 1); e >= k && !found; e--) {
          const text = this.text.slice(a.start, this.token(e)?.end);
          const p = byLabel.get(text) ?? (e === k ? bySurname.get(a.lower) ?? undefined : undefined);
          if (p) found = { person: p, last: e };
        }
        if (!found) continue;
        this.addNestedMention(found.person.id, 'person', k, found.last, 'person-in-name');
        k = found.last;
      }
    }
  }

  private claimedWithin(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) if (this.claimed[k]) return true;
    return false;
  }

  /**
   * A lone name that the words around it make a person: inverted attribution ("…,” said Mauer.",
   * "…, says Peres,") or apposition to a role or kinship noun ("his brother, Philonise, asked").
   * Returns the rule, or undefined.
   */
  private personCueAround(first: number, last: number): string | undefined {
    const before = this.token(first - 1);
    const after = this.token(last + 1);
    const closes = after === undefined || after.value === ',' || after.value === '.' || after.sentence !== this.token(last)?.sentence;
    if (!closes || !before) return undefined;
    const opener = this.token(first - 2);
    if (INVERTED_SPEECH.has(before.lower) && opener !== undefined && (opener.value === ',' || CLOSING_QUOTES.has(opener.value))) return 'said+name';
    if (before.value === ',' && opener !== undefined && PERSON_ROLE_NOUNS.has(opener.lower) && !/s$/.test(opener.lower)) return 'role, name';
    return undefined;
  }

  /** "Daughters of the American Revolution", "Science and Technology": the word is part of a longer name. */
  private insideLongerName(k: number): boolean {
    const linked = (link: Token | undefined, other: Token | undefined): boolean =>
      link !== undefined && other !== undefined && NAME_LINKS.has(link.lower) && isCapitalized(other) && link.sentence === other.sentence;
    return linked(this.token(k + 1), this.token(k + 2)) || linked(this.token(k - 1), this.token(k - 2));
  }

  /**
   * "the Masjid Al-Haram (Grand Mosque)", "CEI (Italian Episcopal Conference)": a name of the same
   * kind in brackets right after a name is another name of it.
   */
  private mergeParentheticals(): void {
    const byFirstToken = new Map(this.draft.mentions.map((m) => [m.firstToken, m]));
    for (const m of [...this.draft.mentions]) {
      const inner = byFirstToken.get(m.lastToken + 2);
      if (this.token(m.lastToken + 1)?.value !== '(' || !inner || this.token(inner.lastToken + 1)?.value !== ')') continue;
      // a building is read as an organisation or a place depending on its head word: either way one site
      const sameKind = inner.entityType === m.entityType || (SITE_TYPES.has(inner.entityType) && SITE_TYPES.has(m.entityType));
      if (!sameKind || inner.entity === m.entity) continue;
      const innerKnown = this.lexicon.entities.has(inner.entity) && !this.lexicon.entities.has(m.entity);
      if (innerKnown) this.mergeEntity(m.entity, inner.entity);
      else this.mergeEntity(inner.entity, m.entity);
    }
  }

  /** Every trace of entity `from` now names `into`. */
  private mergeEntity(from: string, into: string): void {
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

  /** "Korea" in an article that names "South Korea" (and not North Korea). */
  private countryNamedInFull(surface: string): string | undefined {
    const row = AMBIGUOUS_SHORT_FORMS.find((r) => r.surface === surface);
    const named = row?.candidates.filter((id) => this.draft.aliases.has(id)) ?? [];
    return named.length === 1 ? named[0] : undefined;
  }

  /**
   * "Ubisoft", "Kowloon", "Wikinews": one capitalised word that no table knows, that wink reads as a
   * proper noun everywhere, that stands mid-sentence at least once and that the article never
   * writes in lowercase, is a name. In a place's position it is a place; else, since people are
   * introduced by full names, an organisation (a company, a site, a group).
   */
  private resolveLoneNames(): void {
    const open = this.pendingSingles.filter((s) => s.rule === 'surname' && !this.claimed[s.first]);
    if (open.length === 0) return;
    const lowercase = new Set(this.tokens.filter((t) => t.value === t.lower).map((t) => t.lower));
    const bySurface = new Map<string, number[]>();
    for (const s of open) {
      const value = this.token(s.first)?.value ?? '';
      bySurface.set(value, [...(bySurface.get(value) ?? []), s.first]);
    }
    for (const [value, at] of bySurface) {
      const tokens = at.map((k) => this.token(k) as Token);
      const lower = value.toLowerCase();
      const name = tokens.every((t) => t.pos === 'PROPN' && !this.insideLongerName(t.index)) && !lowercase.has(lower) && value.length > 2
        && LETTER.test(value) && !this.lexicon.commonWords.has(lower) && !NOT_PERSON_WORDS.has(lower) && !PERSON_ROLE_NOUNS.has(lower)
        && !GROUP_NOUNS.has(lower) && !this.lexicon.givenNames.has(lower) && !ACRONYM.test(value) && !HYPHEN_WORD.test(lower)
        && !NOT_A_LONE_NAME.test(lower) && !CONTRACTION.test(value);
      // "Ubisoft, Microsoft, and PlayStation": in a list, a name is of its neighbours' kind.
      const partner = tokens.map((t) => this.listPartner(t.index)).find((type) => type !== undefined);
      const seenMidSentence = tokens.some((t) => this.doc.sentences[t.sentence]?.firstToken !== t.index && !this.titleCaseSentence[t.sentence]);
      if (!name || (!seenMidSentence && !partner) || partner === 'person') continue;
      // "Formica fusca", "Beauveria bassiana": a genus before its species is a taxon's name, no body or place.
      if (tokens.some((t) => this.speciesAfter(t.index))) continue;
      // The trained NER reads this word as a person's name: it is added as one after this pass
      // ("Scientology" is a name of a thing, whatever the NER says).
      const nerType = (type: string): boolean => tokens.some((t) => this.named.type[t.index] === type);
      if (nerType('PER') && !THING_SUFFIX.test(lower)) continue;
      // (The NER's other readings are not followed: as a product, event or work, MISC, it drops gods
      // and parties that the KG gold wants as nodes, organisation F1 63.8 against 61.7 on GUM; as a
      // place, LOC, it turns people the article names by surname alone into places.)
      const thing = THING_SHAPE.test(value);
      // "Scientology" in an article about "the Church of Scientology" is that church.
      const named = this.recentOrganization((m) => m.text.endsWith(` of ${value}`));
      const place = !named && (partner === 'place' || partner === 'country' || tokens.some((t) => LONE_PLACE_PREPOSITIONS.has(this.token(t.index - 1)?.lower ?? '')));
      // A named thing of another kind stays a name (a node), typed neither body nor place.
      const entityType: EntityType = named ? 'organization' : thing ? 'other' : place ? 'place' : 'organization';
      for (const t of tokens) this.addMention(named ?? slugify(value), entityType, t.index, t.index, undefined, `lone-name:${entityType}`, false, 'name');
    }
  }

  /** A lowercase Latin species epithet after token k ("fusca", "bassiana", "sapiens"): not an English word. */
  private speciesAfter(k: number): boolean {
    const next = this.token(k + 1);
    return next !== undefined && next.sentence === this.token(k)?.sentence && next.value === next.lower && SPECIES_EPITHET.test(next.value)
      && !this.lexicon.commonWords.has(next.lower);
  }

  /** The kind of the name listed right before or after token k ("A, B and C"). */
  private listPartner(k: number): EntityType | undefined {
    const linked = (link: Token | undefined): boolean => link !== undefined && (link.value === ',' || link.lower === 'and' || link.lower === 'or');
    for (const m of this.draft.mentions) {
      if ((m.firstToken === k + 2 && linked(this.token(k + 1))) || (m.lastToken === k - 2 && linked(this.token(k - 1)))) return m.entityType;
    }
    return undefined;
  }

  private resolveTitleReferences(): void {
    for (const p of this.pendingTitles) {
      const holder = this.roleHolders.get(`${p.title.role}|${p.affiliation ?? ''}`);
      const t = this.token(p.first);
      if (!holder || !t) continue;
      this.draft.references.push({
        entity: holder, entityType: 'person', firstToken: p.first, lastToken: p.last, sentence: t.sentence,
        via: 'title', possessive: this.token(p.last + 1)?.value === "'s", modifier: false,
      });
    }
  }

  /**
   * "summoned the Israeli ambassador": a title whose holder neither the text nor coreference gives
   * still says whose envoy it is, by its demonym (a modifier reference, as in "Israeli troops").
   */
  private unheldTitleSides(): void {
    const covered = new Set<number>();
    for (const r of this.draft.references) for (let i = r.firstToken; i <= r.lastToken; i++) covered.add(i);
    for (const p of this.pendingTitles) {
      const t = this.token(p.first);
      if (!t || !p.affiliation || p.demonymLast === undefined || covered.has(p.first) || covered.has(p.last)) continue;
      this.draft.references.push({
        entity: p.affiliation, entityType: 'country', firstToken: p.first, lastToken: p.demonymLast, sentence: t.sentence,
        via: 'demonym', possessive: false, modifier: true,
      });
    }
  }

  /** Pronouns and descriptions ("the bloc") → the actor they stand for (coref.ts). */
  private resolveCoreference(): void {
    this.draft.references.push(...resolveCoreference({
      doc: this.doc, references: this.draft.references, mentions: this.draft.mentions, syntax: this.syntax, groups: this.draft.groups,
      roles: this.draft.roles, facts: this.draft.facts,
      personLabel: (id) => this.persons.get(id)?.label,
      label: (id) => this.persons.get(id)?.label ?? this.lexicon.entities.get(id)?.label ?? this.draft.labels.get(id) ?? [...(this.draft.aliases.get(id) ?? [])][0],
      demonym: (word) => {
        const entry = this.lexicon.phrases.get(word);
        return entry?.kind === 'demonym' ? (entry.country ?? entry.id) : undefined;
      },
    }));
  }

  private findTopics(): void {
    let recent: string | undefined;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (!t || this.claimed[i]) continue;
      if (!TOPIC_FIRST_WORDS.has(t.lower) && !TOPIC_FIRST_WORDS.has(t.lemma)) continue;
      let best: { row: (typeof TOPICS)[number]; last: number } | undefined;
      for (const row of TOPICS) {
        if (best && best.row.words.length >= row.words.length) continue;
        if (row.words.every((w, k) => this.token(i + k)?.lower === w || this.token(i + k)?.lemma === w)) best = { row, last: i + row.words.length - 1 };
      }
      if (!best) continue;
      const topic = best.row.anaphoric && recent ? recent : best.row.topic;
      if (!best.row.anaphoric) recent = best.row.topic;
      this.addMention(slugify(topic), 'other', i, best.last, topic, `topic:${best.row.topic}`, false, 'topic');
      i = best.last;
    }
  }

  // ---- recording -----------------------------------------------------------------------------

  private addPerson(first: number, last: number, rule: string): string {
    const a = this.token(first);
    const b = this.token(last);
    if (!a || !b) return '';
    const label = this.text.slice(a.start, b.end);
    const named = personRecord(slugify(label), label);
    // "Vladimir Vladimirovich Putin" and "Vladimir Putin" are one person; so are "Putin" and the
    // only full name ending in it.
    let record: PersonRecord | undefined;
    for (const p of this.persons.values()) {
      if (p.last === named.last && (named.tokens === 1 || p.tokens === 1 || p.first === named.first)) record = p;
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
    this.addMention(record.id, 'person', first, last, record.label, rule, false, 'name');
    this.personToken.fill(1, first, last + 1);
    return record.id;
  }

  private addRole(person: string, role: string, title: TitleRow, affiliation: string, titleToken: number, trigger: string): void {
    let set = this.draft.roles.get(person);
    if (!set) this.draft.roles.set(person, (set = new Set()));
    set.add(role);
    this.fact(person, title.relation, affiliation, titleToken, trigger, `title:${title.words.join(' ')}`);
  }

  private fact(source: string, relation: Relation, target: string, tokenIndex: number, trigger: string, rule: string): void {
    const t = this.token(tokenIndex);
    const sentence = t ? this.doc.sentences[t.sentence] : undefined;
    if (!sentence || source === target) return;
    this.draft.facts.push({
      source, relation, target, negated: false, hypothetical: false,
      doc: this.doc.source.id, sentence: this.text.slice(sentence.start, sentence.end), start: sentence.start, end: sentence.end,
      trigger, rule, ...(this.doc.source.date ? { date: this.doc.source.date } : {}),
    });
  }

  private addLexiconMention(entry: LexiconEntry, first: number, last: number, end: number, modifier: boolean, via: ReferenceVia = 'lexicon'): void {
    this.addMention(entry.id, entry.entityType, first, last, undefined, `lexicon:${entry.kind}`, modifier, via, end);
  }

  private addMention(id: string, entityType: EntityType, first: number, last: number, label: string | undefined, rule: string, modifier: boolean, via: ReferenceVia, endOverride?: number): string {
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
  private addNestedMention(id: string, entityType: EntityType, first: number, last: number, rule: string): void {
    const a = this.token(first);
    const b = this.token(last);
    if (!a || !b) return;
    const text = this.text.slice(a.start, b.end);
    this.draft.mentions.push({ start: a.start, end: b.end, text, entityType, entity: id, firstToken: first, lastToken: last, sentence: a.sentence, rule });
    this.noteName(id, text, entityType, undefined);
  }

  private noteName(id: string, text: string, entityType: EntityType, label: string | undefined): void {
    let aliases = this.draft.aliases.get(id);
    if (!aliases) this.draft.aliases.set(id, (aliases = new Set()));
    aliases.add(text);
    if (!this.draft.types.has(id)) this.draft.types.set(id, entityType);
    if (label) this.draft.labels.set(id, label);
  }

  private records(): EntityRecord[] {
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
