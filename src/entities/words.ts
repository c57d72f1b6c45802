// Entities: the word lists, shapes and small records that the recognizer's passes share (recognizer.ts → places.ts → names.ts → lone-names.ts → index.ts).
import type { EntityType, Fact, Mention, Token } from '../types';
import type { Lexicon, LexiconEntry } from './lexicon';
import { LOCATIVE_PREPOSITIONS, NAME_SUFFIXES, NOT_NAME_WORDS, PEOPLE_GROUPS, TITLES, TOPICS, type PeopleGroupRow } from './tables';
import type { ActorReference } from './index';

export const SPEECH_VERBS: ReadonlySet<string> = new Set(['say', 'tell', 'add', 'state', 'claim', 'announce', 'insist', 'note', 'write', 'warn', 'reply', 'argue', 'declare', 'confirm', 'deny', 'explain', 'urge', 'accuse', 'meet', 'call', 'ask', 'agree', 'propose', 'reject', 'sign', 'visit']);
/** A headline in Title Case capitalises nearly every content word; prose with many names does not. */
export const TITLE_CASE_SHARE = 0.9;
/**
 * Words a Title Case headline may leave lowercase. Three-letter words count for the share: short
 * verbs ("Merkel met Trump", "Spain won", "Oil hit a high") show prose, whose names alone would
 * look like a headline.
 */
export const HEADLINE_SMALL_WORDS: ReadonlySet<string> = new Set([
  'the', 'and', 'for', 'but', 'nor', 'yet', 'off', 'out', 'via', 'per', 'its', 'his', 'her', 'our', 'who', 'how', 'why', 'new',
  'with', 'from', 'into', 'over', 'after', 'than', 'that', 'this', 'about', 'amid', 'upon', 'onto', 'says', 'said',
]);
/** Shorter words never count towards Title Case (a, in, of, to, US, UK). */
export const HEADLINE_WORD_LENGTH = 3;
export const MAX_NAME_TOKENS = 4;
/** Honorifics that are also parts of names when they stand between two names ("Hassan Sheikh Mohamud"). */
export const NAME_PART_HONORIFICS: ReadonlySet<string> = new Set(['sheikh']);
/** Royal titles: part of the name before a single name ("Prince Harry"), an honorific before a full one. */
export const ROYAL_HONORIFICS: ReadonlySet<string> = new Set(['prince', 'princess']);
/** How many words after "Name," a role noun may come and still describe the name. */
export const APPOSITION_REACH = 4;

export const LETTER = /\p{L}/u;
export const UPPER_START = /^\p{Lu}/u;
/** "TodayIn": a lowercase letter followed by a capital inside one token means two glued words. */
const GLUED = /\p{Ll}\p{Lu}/u;
const GLUE_OK = /^(Mc|Mac|O'|D'|De|Di|La|Le|Van|Von|Al|El|bin|iP|eB|YouT)/;
export const INITIAL = /^\p{Lu}\.$/u;

// Lookups precomputed once so that the per-token scans below can skip most tokens at once
// (they run for every token of every document).
export const TITLE_FIRST_WORDS: ReadonlySet<string> = new Set(TITLES.map((t) => t.words[0] ?? ''));
export const TOPIC_FIRST_WORDS: ReadonlySet<string> = new Set(TOPICS.map((t) => t.words[0] ?? ''));
const phrasePrefixCache = new WeakMap<Lexicon, ReadonlySet<string>>();

/** Every prefix of every gazetteer phrase: a longer match is only possible while the text read so far is one. */
export function phrasePrefixes(lexicon: Lexicon): ReadonlySet<string> {
  let prefixes = phrasePrefixCache.get(lexicon);
  if (!prefixes) {
    const set = new Set<string>();
    for (const key of lexicon.phrases.keys()) for (let n = 1; n <= key.length; n++) set.add(key.slice(0, n));
    phrasePrefixCache.set(lexicon, (prefixes = set));
  }
  return prefixes;
}
export const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,5}$/u;
/** Words after which an unknown acronym names an organisation ("of LSD", "from the FTU"). */
export const ACRONYM_CONTEXT: ReadonlySet<string> = new Set(['of', 'from', 'the', 'by', 'with', 'and', 'for', 'at', 'joined', 'left']);
/** Words that link a person to the organisation named next ("Cheng Chung-tai of Civic Passion"). */
export const AFFILIATION_WORDS: ReadonlySet<string> = new Set(['of', 'from', 'at']);
/** Before an unknown one-word name, these make it a place ("in Kowloon"); "at" and "from" also precede companies. */
/** Suffixes of adjectives, groups and abstract nouns: "English", "Texans", "Islamophobia", "Tourism". */
export const NOT_A_LONE_NAME = /(?:ish|ean|ian|ic|ese|ans|ism|isms|phobia|ity|ment|tion|sion|ness|ance|ence|ency|ancy|ship|hood|ists|ites|ims|ers)$/u;
/** The endings of Latin species epithets. */
export const SPECIES_EPITHET = /^[a-z]{3,}(?:a|us|um|is|ae|ii|ensis|oides)$/;
/** "I'm", "I’m": a contraction, no name. */
export const CONTRACTION = /['’]\p{Ll}{1,2}$/u;
/** "I'm", "We've", "It's" as one token: a pronoun and a verb, never part of a name ("I'm Mario Lucero", "I'm told"). */
export const PRONOUN_CONTRACTION = /^(?:i|we|you|he|she|it|they)['’]\p{Ll}{1,2}$/u;
/** "SDGs", "MTPs", "DHBs": the plural of an acronym names things, not a body or place. */
export const THING_SHAPE = /^\p{Lu}{2,}s$/u;
/** A word that names a doctrine or a field, never a person: "Scientology", "Wicca"-like bodies of belief. */
export const THING_SUFFIX = /(?:ology|ism)$/u;
/** Inside an organisation's name: "Science and Technology", "Sea, Air & Space", "Udvar-Hazy". */
export const NAME_JOINERS: ReadonlySet<string> = new Set(['and', '&', '-', '–']);
/** Words that join the parts of one longer name. */
export const NAME_LINKS: ReadonlySet<string> = new Set(['of', 'and', '&', 'for', 'de', 'the']);
export const LONE_PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'towards', 'toward']);
/** Before a one-word name of the broad gazetteer, these make it a place ("flew to Volgograd"). */
export const PLACE_CONTEXT_WORDS: ReadonlySet<string> = new Set([...LOCATIVE_PREPOSITIONS, 'to']);
/** Lowercase words before a capital that name a part of the place ("downtown Taipei", "central Davenport"). */
export const CITY_PARTS: ReadonlySet<string> = new Set(['downtown', 'central', 'northern', 'southern', 'eastern', 'western', 'suburban', 'greater']);
/** Words that continue an organisation's name: "Institute of Technology", "Council for the Welfare of …". */
export const OF_TAIL_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'on', 'at']);
/** "Scientologist", "Republican", "Councillor": a word that names what someone is, not who. */
export const ROLE_SUFFIX = /(?:ist|ian|er|or|ant|ent)$/u;
/** "Warhol-like", "T-shirt", "Booker Prize-winner": a hyphenated word that ends in an English word is no name. */
export const HYPHEN_WORD = /^\p{L}-\p{Ll}|^(?:pro|anti|non|ex|post|pre|neo|semi)-|-(?:like|style|based|born|led|backed|run|owned|made|winner|winning|level|room|shirt|era|type|related|speaking|free|wide|class|sized|old|year|long|term|scale|friendly|focused|minded|inspired|themed|critic|language|only|up|in|out)$/u;

export interface PersonRecord {
  id: string;
  label: string;
  first: string;
  last: string;
  tokens: number;
}

/** A person under `id`, named `label`: its first and last name parts, lowercased, and its length in words. */
export function personRecord(id: string, label: string): PersonRecord {
  const parts = label.split(/\s+/);
  // "Ferdinand Marcos Jr.": the surname is the last part before a suffix.
  const named = parts.length > 2 && NAME_SUFFIXES.has((parts[parts.length - 1] ?? '').toLowerCase()) ? parts.slice(0, -1) : parts;
  // "Ahmed al-Sharaa" … "Sharaa": the Arabic article is no part of the surname as news repeat it.
  const last = (named[named.length - 1] ?? '').toLowerCase().replace(ARTICLE_PREFIX, '');
  return { id, label, first: (parts[0] ?? '').toLowerCase(), last, tokens: parts.length };
}

/** Nouns for a state, after which a region's name is a modifier: "the Gulf state", "a Gulf monarchy". */
export const STATE_NOUNS: ReadonlySet<string> = new Set(['state', 'states', 'monarchy', 'monarchies', 'kingdom', 'emirate', 'nation', 'nations', 'country', 'countries']);
/** Words before a title that put the office in the past, or not yet held ("incoming envoy"). */
export const PAST_OFFICE_WORDS: ReadonlySet<string> = new Set(['former', 'ex', 'ex-', 'late', 'then', 'erstwhile', 'onetime', 'one-time', 'retired', 'previous', 'future', 'would-be', 'incoming', 'ousted', 'deposed', 'toppled']);
/** Titles of companies, not of states: "its UK chief executive" is the company's, in the UK. */
export const CORPORATE_TITLES: ReadonlySet<string> = new Set(['chief executive', 'ceo', 'chairman', 'chairwoman', 'director', 'chief', 'head', 'boss', 'founder', 'owner', 'managing director', 'executive', 'manager']);
/** Bare names of legislatures: "Peru's Congress" is Peru's, whatever the gazetteer files under "Congress". */
export const LEGISLATURE_WORDS: ReadonlySet<string> = new Set(['congress', 'parliament', 'senate', 'assembly', 'cabinet']);
/** Surnames written like a pronoun: "Vice Premier He Lifeng" (read as a name only right after a title). */
export const SURNAME_PRONOUNS: ReadonlySet<string> = new Set(['He']);
/** Words before a leader's title that make it a lesser office: "opposition leader", "deputy prime minister". */
export const LESSER_OFFICE_WORDS: ReadonlySet<string> = new Set(['opposition', 'deputy', 'vice', 'shadow', 'assistant', 'junior', 'parliamentary', 'regional', 'provincial', 'local']);
/** Titles that are also professions: "British film director" holds no office of Britain. */
export const PROFESSION_TITLES: ReadonlySet<string> = new Set(['director', 'editor', 'correspondent', 'reporter', 'chief', 'head']);

const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|az|an|at)[-‐]/;

/** A run of capitalised words that the tables did not claim, with what decides its reading. */
export interface Chunk {
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

export interface Draft {
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
export const AFFILIATION_KINDS: ReadonlySet<LexiconEntry['kind']> = new Set(['country', 'seat', 'demonym', 'organization', 'capital', 'user']);

/** "Masjid Al-Haram (Grand Mosque)": types a named site may be read as. */
export const SITE_TYPES: ReadonlySet<EntityType> = new Set(['organization', 'place']);

/** What a name may hold as a place: "University of Sheffield", "Colorado State University". */
export const NESTED_PLACE_KINDS: ReadonlySet<LexiconEntry['kind']> = new Set(['place', 'capital', 'country']);

/** People-group rows by their first word. */
export const GROUPS_BY_FIRST_WORD: ReadonlyMap<string, readonly PeopleGroupRow[]> = (() => {
  const map = new Map<string, PeopleGroupRow[]>();
  for (const row of PEOPLE_GROUPS) {
    const first = row.words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), row]);
  }
  return map;
})();

export function isCapitalized(t: Token): boolean {
  return UPPER_START.test(t.value) && LETTER.test(t.value);
}

/** "New People Party" → "NPP", "University of Southern Indiana" → "USI". */
export function initials(name: string): string {
  return name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
}

/** "TodayIn": two words glued where a little word starts; "PlayStation" or "MicroMega" is one name. */
export function gluePoint(t: Token): number {
  if (GLUE_OK.test(t.value)) return -1;
  const m = GLUED.exec(t.value);
  if (!m) return -1;
  // ("OpenAI": a run of capitals after the break is an acronym, no glued word such as "A".)
  const second = /^\p{Lu}\p{Ll}+/u.exec(t.value.slice(m.index + 1))?.[0].toLowerCase() ?? '';
  return NOT_NAME_WORDS.has(second) ? m.index + 1 : -1;
}

/** The NER spans of a document as per-token arrays: each token's span (first, last) and type. */
export class NamedSpans {
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

/** Whether two words differ by one letter added, dropped, changed or two neighbours swapped ("Mauer" / "Maurer", "Zelensky" / "Zelenskyy"). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
