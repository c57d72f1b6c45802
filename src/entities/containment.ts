// Where a place lies. What the gazetteer or a name knows ("Volgograd" is in Russia, "Colorado State
// University" in Colorado) becomes the node attributes `country` and `region`, never a fact: a
// `located_in` fact needs a sentence that says it. Sentences that do say it: "Jeddah, Saudi Arabia"
// (a written apposition), "Sangin, a town in Helmand", "Kunduz in northern Afghanistan".
import type { EntityRecord, Mention, Token } from '../types';
import { normalizeSurface, type Lexicon, type LexiconEntry } from './lexicon';

/** Where a containment was learnt; the better source wins (a sentence over a name over the gazetteer). */
export type ContainmentSource = 'text' | 'name' | 'gazetteer';
const SOURCE_RANK: Readonly<Record<ContainmentSource, number>> = { text: 0, name: 1, gazetteer: 2 };

export type Containment = Pick<EntityRecord, 'country' | 'region'>;

/** What one mention, name or gazetteer row says: `countries` when the country is one of several (Punjab). */
export interface ContainmentNote {
  readonly country?: string;
  readonly region?: string;
  readonly countries?: readonly string[];
  /**
   * From the long-tail gazetteer (world-places.json), whose one-word names are often something
   * else ("Gulf" is a province of Papua New Guinea, "Midlands" one of Zimbabwe): it counts only
   * in a document that names its country.
   */
  readonly unconfirmed?: true;
}

/**
 * Rule ids of the stated `located_in` facts, with what each reads. Every rule fires only where the
 * gazetteer does not contradict it (a place it puts in another country is not "in" this one).
 */
export const CONTAINMENT_RULES = {
  apposition: { id: 'place, country', reason: '"Jeddah, Saudi Arabia", "Houston, Texas, on Monday": a place, a comma, the country or region it lies in, then no noun, verb or further list item' },
  description: { id: 'place, a town in', reason: '"Sangin, a small town in Helmand": the place described as a town (city, province…) in or of a region or country' },
  preposition: { id: 'place in region', reason: '"Kunduz in northern Afghanistan", "in the north of": a compass word says the place lies inside; bare "Kharkiv in Ukraine" only when the gazetteer agrees' },
  possessive: { id: "country's place", reason: '"Russia\'s Kursk region", "Japan\'s Hokkaido island": a country owning a place by name says it lies there' },
  demonym: { id: 'the national city of', reason: '"the Russian city of Yekaterinburg", "the Iranian port of Bandar Abbas": a place noun with a demonym, then "of" and the place' },
} as const;

/** The nouns that describe a place as lying in another ("a town in", "a province of"). */
export const PLACE_NOUNS: ReadonlySet<string> = new Set([
  'town', 'city', 'village', 'hamlet', 'settlement', 'suburb', 'district', 'neighbourhood', 'neighborhood', 'borough',
  'municipality', 'province', 'region', 'state', 'county', 'governorate', 'oblast', 'prefecture', 'territory', 'enclave',
  'port', 'capital', 'resort', 'island', 'area', 'camp', 'stronghold', 'hub', 'outpost',
]);

/** "in northern", "in the far south-east of": the compass words that put a place inside another. */
const DIRECTION = /^(?:far[ -]?)?(?:north|south|east|west|central|northern|southern|eastern|western|(?:north|south)[ -]?(?:east|west)(?:ern)?)$/;
/** Words before a place noun in a description: "a small coastal town", "the strategic port". */
const DESCRIPTION_WORDS = 3;
const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'another']);
/** After "X, Y" these show the apposition ends there ("Houston, Texas, on Monday", "Kiev, Ukraine."). */
const CLAUSE_POS: ReadonlySet<string> = new Set(['PUNCT', 'ADP', 'ADV', 'SCONJ', 'PART']);
const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', '&']);
/** "Houston, Texas and then…", "…, Texas, and he": what may follow "and" when it joins clauses, not list items. */
const CLAUSE_AFTER_AND: ReadonlySet<string> = new Set(['VERB', 'AUX', 'ADV', 'PRON', 'ADP', 'PART', 'SCONJ']);
const INDEFINITE: ReadonlySet<string> = new Set(['a', 'an']);
/** "Cannes, France this week": a time phrase after the apposition. */
const TIME_DETERMINERS: ReadonlySet<string> = new Set(['this', 'next', 'last', 'every']);
const POSSESSIVE: ReadonlySet<string> = new Set(["'s", "'", '’s', '’']);

const UPPER_START = /^\p{Lu}/u;

/** Per entity id, what the document says of where it lies; `resolve` then decides each one. */
export class ContainmentNotes {
  private readonly notes = new Map<string, Array<ContainmentNote & { readonly rank: number }>>();

  note(id: string, note: ContainmentNote, source: ContainmentSource): void {
    if (note.country === undefined && note.region === undefined && !note.countries?.length) return;
    const list = this.notes.get(id);
    const ranked = { ...note, rank: SOURCE_RANK[source] };
    if (list) list.push(ranked);
    else this.notes.set(id, [ranked]);
  }

  /**
   * Each noted id's country and region, in a document with these mentions. The best source's first
   * note decides; a later note fills a field left open when it agrees with what is known. A country
   * among several (Punjab: India or Pakistan) is the one the document is about, else left unset.
   */
  resolve(mentions: readonly Mention[]): Map<string, Containment> {
    const about = documentCountry(mentions);
    const named = new Set<string>();
    for (const m of mentions) if (m.entityType === 'country') named.add(m.entity);
    const out = new Map<string, Containment>();
    for (const [id, list] of this.notes) {
      const sorted = [...list].sort((a, b) => a.rank - b.rank);
      let country: string | undefined;
      let region: string | undefined;
      for (const n of sorted) {
        const c = n.country ?? (about !== undefined && n.countries?.includes(about) ? about : undefined);
        if (n.unconfirmed && (c === undefined || !named.has(c))) continue;
        if (country === undefined && region === undefined) {
          country = c;
          region = n.region;
        } else if (country !== undefined && c === country) {
          region ??= n.region;
        } else if (country === undefined && region !== undefined && n.region === region) {
          country = c;
        }
      }
      if (country === id) country = undefined;
      if (region === id) region = undefined;
      if (country !== undefined || region !== undefined) out.set(id, { ...(country ? { country } : {}), ...(region ? { region } : {}) });
    }
    return out;
  }
}

/** The country the document is about: the one most mentioned; none when two tie. */
export function documentCountry(mentions: readonly Mention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const m of mentions) if (m.entityType === 'country') counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  let tied = false;
  for (const [id, count] of counts) {
    if (count > bestCount) [best, bestCount, tied] = [id, count, false];
    else if (count === bestCount) tied = true;
  }
  return tied ? undefined : best;
}

/** The countries a gazetteer entry may lie in: its own for a country, else its country or its several. */
function countriesOf(entry: LexiconEntry): readonly string[] {
  if (entry.kind === 'country') return [entry.id];
  return entry.country !== undefined ? [entry.country] : (entry.countries ?? []);
}

/**
 * What "X, Y" or "X in Y" says of X when Y contains it, or undefined when it cannot: Y is a country,
 * or a region or city that lies in a country; X is no country, no area that spans countries, no
 * region inside a region, and the gazetteer (when it knows X) puts X in Y's country. `x` is
 * undefined for a place the gazetteer lacks. `namesake`: a city may be another of its name ("San
 * Jose, California" where the gazetteer knows Costa Rica's): a written state or province says
 * which. Not a country: "Atlanta, Georgia" names the US state, not the country.
 */
export function containerOf(x: LexiconEntry | undefined, y: LexiconEntry, namesake = false): ContainmentNote | undefined {
  if (x?.kind === 'country' || x?.kind === 'seat' || x?.kind === 'demonym' || x?.id === y.id) return undefined;
  if (x && countriesOf(x).length === 0) return undefined;
  const yCountries = countriesOf(y);
  if (yCountries.length === 0) return undefined;
  const yIsCountry = y.kind === 'country';
  if (!yIsCountry) {
    if (y.kind !== 'place' && y.kind !== 'capital') return undefined;
    // A region lies in a country, not in another region; a city holds only districts and sites.
    if (x?.placeKind === 'region') return undefined;
    if (y.placeKind !== 'region' && x !== undefined && x.placeKind !== 'landmark') return undefined;
  }
  let countries = yCountries;
  if (x) {
    const xCountries = countriesOf(x);
    const shared = countries.filter((c) => xCountries.includes(c));
    if (shared.length === 0 && !(namesake && !yIsCountry && (x.placeKind === 'city' || x.kind === 'capital'))) return undefined;
    if (shared.length > 0) countries = shared;
  }
  const country = countries.length === 1 ? countries[0] : undefined;
  return { ...(country ? { country } : {}), ...(yIsCountry ? {} : { region: y.id }), ...(country ? {} : { countries }) };
}

/** What the gazetteer says of where its place lies. */
export function gazetteerNote(entry: LexiconEntry): ContainmentNote {
  return {
    ...(entry.country ? { country: entry.country } : {}), ...(entry.region ? { region: entry.region } : {}), ...(entry.countries ? { countries: entry.countries } : {}),
    ...(entry.broad ? { unconfirmed: true as const } : {}),
  };
}

/** What a place inside a name says of the named ("Volgograd Arena", "University of Sheffield"): it lies there. */
export function insideOf(entry: LexiconEntry): ContainmentNote {
  // A continent or sea ("Africa Cup", "Baltic Exchange") is no region of a country.
  if (entry.country === undefined && !entry.countries?.length) return {};
  return {
    region: entry.id, ...(entry.country ? { country: entry.country } : {}), ...(entry.countries ? { countries: entry.countries } : {}),
    ...(entry.broad ? { unconfirmed: true as const } : {}),
  };
}

/** The gazetteer entry behind a mention, when the mention is a gazetteer name of that entity. */
/**
 * The country that owns a place by the words right before it: "Russia's Kursk region" (a country's
 * possessive) or "the Russian city of Yekaterinburg" (a demonym, a place noun, "of").
 */
function ownerOf(tokens: readonly Token[], x: Mention, byLast: ReadonlyMap<number, Mention>, lexicon: Lexicon): { entry: LexiconEntry; mention?: Mention; start?: number; rule: string } | undefined {
  const at = (i: number): Token | undefined => (tokens[i]?.sentence === x.sentence ? tokens[i] : undefined);
  if (at(x.firstToken - 1)?.value === "'s") {
    const owner = byLast.get(x.firstToken - 2);
    const entry = owner && entryOf(lexicon, owner);
    if (owner && entry?.kind === 'country' && owner.sentence === x.sentence) return { entry, mention: owner, rule: CONTAINMENT_RULES.possessive.id };
    return undefined;
  }
  if (at(x.firstToken - 1)?.lower !== 'of' || !PLACE_NOUNS.has(at(x.firstToken - 2)?.lower ?? '')) return undefined;
  // "the Russian city of", "the southern Iranian port of": a demonym within two words before the noun.
  for (let k = x.firstToken - 3; k >= x.firstToken - 4; k--) {
    const w = at(k);
    if (!w) return undefined;
    const entry = lexicon.phrases.get(normalizeSurface(w.value));
    if (entry?.kind === 'demonym' && entry.country) {
      const country = lexicon.phrases.get(lexicon.entities.get(entry.country)?.label ?? '');
      return country?.kind === 'country' ? { entry: country, start: w.start, rule: CONTAINMENT_RULES.demonym.id } : undefined;
    }
  }
  return undefined;
}

export function entryOf(lexicon: Lexicon, m: Pick<Mention, 'text' | 'entity'>): LexiconEntry | undefined {
  const entry = lexicon.phrases.get(normalizeSurface(m.text));
  return entry?.id === m.entity ? entry : undefined;
}

/**
 * Whether "X, Y" at tokens [xFirst, yLast] reads as X lying in Y, by its context: X opens no list
 * ("England, Italy and France"), and after Y comes the end of the clause, not a possessive ("Libya's
 * oil minister"), a noun ("UK economist"), a verb ("Britain has") or a further list item ("Idlewild,
 * Texas, Mogwai and …", "Kiev, Ukraine, Russia"). `placeAt(i)`: a place or country is named from token i.
 * "and a(n)" starts a new noun phrase, not a further name in the list: "in Saratoga Springs, New
 * York and an exhibit in …".
 */
export function appositionContext(tokens: readonly Token[], xFirst: number, yLast: number, placeAt: (i: number) => boolean): boolean {
  const sentence = tokens[xFirst]?.sentence;
  const at = (i: number): Token | undefined => (tokens[i]?.sentence === sentence ? tokens[i] : undefined);
  const before = at(xFirst - 1);
  const beforeComma = at(xFirst - 2);
  if (before?.value === ',' && beforeComma && UPPER_START.test(beforeComma.value)) return false;
  const next = at(yLast + 1);
  if (!next) return true;
  if (POSSESSIVE.has(next.value)) return false;
  if (LIST_WORDS.has(next.lower)) return CLAUSE_AFTER_AND.has(at(yLast + 2)?.pos ?? '') || INDEFINITE.has(at(yLast + 2)?.lower ?? '');
  if (next.value === ',') {
    if (placeAt(yLast + 2)) return false;
    let k = yLast + 2;
    while (k < yLast + 6 && UPPER_START.test(at(k)?.value ?? '')) k++;
    const after = at(k);
    return k === yLast + 2 || !(after && (after.value === ',' || LIST_WORDS.has(after.lower)));
  }
  return CLAUSE_POS.has(next.pos) || TIME_DETERMINERS.has(next.lower);
}

/**
 * ", a (small coastal) town in|of" after token `last`: the index of the token after "in"/"of", else -1.
 * Also what makes a one-word name a place ("reached Kunduz, a city in …").
 */
export function describedAt(tokens: readonly Token[], last: number): number {
  const sentence = tokens[last]?.sentence;
  const lower = (i: number): string => (tokens[i]?.sentence === sentence ? (tokens[i]?.lower ?? '') : '');
  if (lower(last + 1) !== ',' || !ARTICLES.has(lower(last + 2))) return -1;
  let n = last + 3;
  while (n <= last + 2 + DESCRIPTION_WORDS && !PLACE_NOUNS.has(lower(n)) && /^[a-z-]+$/.test(lower(n))) n++;
  return PLACE_NOUNS.has(lower(n)) && (lower(n + 1) === 'in' || lower(n + 1) === 'of') ? n + 2 : -1;
}

export interface StatedContainment {
  readonly place: Mention;
  readonly container: Mention;
  readonly note: ContainmentNote;
  readonly rule: string;
}

/**
 * "Sangin, a small town in Helmand", "Kunduz in northern Afghanistan", "Kharkiv in Ukraine": the
 * places whose sentence says what they lie in. `mentions` sorted by position; nested mentions (a
 * place inside a longer name) are neither place nor container.
 */
export function statedContainments(tokens: readonly Token[], text: string, mentions: readonly Mention[], lexicon: Lexicon): StatedContainment[] {
  const byFirst = new Map<number, Mention>();
  for (const m of mentions) if (!m.rule.endsWith('-in-name') && (m.entityType === 'place' || m.entityType === 'country')) byFirst.set(m.firstToken, m);
  const out: StatedContainment[] = [];
  const byLast = new Map<number, Mention>();
  for (const m of mentions) if (!m.rule.endsWith('-in-name') && m.entityType === 'country') byLast.set(m.lastToken, m);
  for (const x of mentions) {
    if (x.entityType !== 'place' || x.rule.endsWith('-in-name')) continue;
    const xEntry = entryOf(lexicon, x);
    const owned = ownerOf(tokens, x, byLast, lexicon);
    if (owned) {
      const note = containerOf(xEntry, owned.entry);
      // (A demonym names no mention of the country: the container is the phrase from the demonym.)
      if (note) out.push({ place: x, container: owned.mention ?? { ...x, entity: owned.entry.id, entityType: 'country', start: owned.start ?? x.start, end: x.start }, note, rule: owned.rule });
      continue;
    }
    const lower = (i: number): string => (tokens[i]?.sentence === x.sentence ? (tokens[i]?.lower ?? '') : '');
    let k = x.lastToken + 1;
    if (lower(k) === ',') k++;
    let rule: string | undefined;
    let compass = false;
    const described = describedAt(tokens, x.lastToken);
    if (described >= 0) {
      k = described;
      rule = CONTAINMENT_RULES.description.id;
    } else if (lower(k) === 'in') {
      k++;
      rule = CONTAINMENT_RULES.preposition.id;
    } else continue;
    if (lower(k) === 'the') k++;
    // "northern", "north-eastern", "the north of": the compass words up to the container.
    const y0 = k;
    while (k < y0 + 3 && !byFirst.has(k) && lower(k) !== '') k++;
    if (k > y0) {
      const words = normalizeSurface(text.slice(tokens[y0]?.start ?? 0, tokens[k - 1]?.end ?? 0)).toLowerCase();
      const ofForm = words.endsWith(' of') && DIRECTION.test(words.slice(0, -3).trim());
      if (!DIRECTION.test(words) && !ofForm) continue;
      compass = true;
    }
    const y = byFirst.get(k);
    if (!y || y.sentence !== x.sentence) continue;
    const yEntry = entryOf(lexicon, y);
    if (!yEntry) continue;
    const note = containerOf(xEntry, yEntry);
    if (!note) continue;
    // Bare "X in Y" says containment only when the gazetteer knows X and puts it there ("Liverpool
    // in Istanbul" is a match played there); a region needs a country to lie in.
    if (rule === CONTAINMENT_RULES.preposition.id && !compass && (!xEntry || countriesOf(xEntry).length === 0 || (yEntry.kind !== 'country' && yEntry.placeKind !== 'region'))) continue;
    out.push({ place: x, container: y, note, rule });
  }
  return out;
}
