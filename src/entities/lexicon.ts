// The gazetteer as one lookup: surface form → what it names. Built once per process from the
// data files (see each file's `source` and `license`) and the user's `--aliases` file.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { ENTITY_TYPES, type EntityType } from '../types';
import { slugify } from './slug';

/** How a surface form names its entity; decides how a mention of it is read. */
export const LEXICON_KINDS = ['user', 'country', 'organization', 'seat', 'capital', 'place', 'demonym'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];
/** What a gazetteer place is (places.json, world-places.json `kind`). */
export const PLACE_KINDS = ['city', 'region', 'landmark'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface LexiconEntry {
  readonly id: string;
  readonly entityType: EntityType;
  readonly kind: LexiconKind;
  /** For seats, capitals, demonyms, places and bodies: the country they belong to. */
  readonly country?: string;
  /** From the broad generated gazetteer: a one-word match needs place context to count. */
  readonly broad?: boolean;
  /** Places and capitals: a city, a region (state, province) or a landmark. */
  readonly placeKind?: PlaceKind;
  /** A city's region (state, province), by id, when the gazetteer knows it. */
  readonly region?: string;
  /** A name that places in several countries bear (Punjab: India, Pakistan): those countries, sorted; `country` is then unset. */
  readonly countries?: readonly string[];
}

export interface KnownEntity {
  readonly id: string;
  readonly label: string;
  readonly entityType: EntityType;
  readonly wikidata?: string;
}

export interface AliasEntry {
  readonly name: string;
  readonly entityType: EntityType;
  readonly aliases?: readonly string[];
  readonly wikidata?: string;
}

export interface Lexicon {
  /** Surface form with single spaces → entry. */
  readonly phrases: ReadonlyMap<string, LexiconEntry>;
  /** Longest phrase, in words. */
  readonly maxWords: number;
  readonly givenNames: ReadonlySet<string>;
  /** Everyday lowercase English words: "Studio" or "Easy Rider" is no name on its own. */
  readonly commonWords: ReadonlySet<string>;
  readonly entities: ReadonlyMap<string, KnownEntity>;
  /** Lower-cased surname → the person in the news it names when it stands alone (people.json). */
  readonly surnames: ReadonlyMap<string, string>;
}

interface CountryRow { id: string; name: string; aliases?: string[]; demonyms?: string[]; capitals?: string[]; seats?: string[]; wikidata?: string }
interface OrganizationRow { id: string; name: string; aliases?: string[]; acronyms?: string[]; wikidata?: string; country?: string }
interface PlaceRow { id: string; name: string; aliases?: string[]; country?: string; countries?: string[]; kind?: string; region?: string }
interface PersonRow { name: string; surnames: string[]; serves?: string[] }

/** Lower rank wins when two data files claim the same surface form. */
const KIND_RANK: Readonly<Record<LexiconKind, number>> = {
  user: 0, country: 1, organization: 2, seat: 3, capital: 4, place: 5, demonym: 6,
};

/** Anything normalizeSurface would change inside a string: a curly apostrophe, a run of spaces, a space that is not ' '. */
const NEEDS_NORMALIZING = /’|\s\s|[^\S ]/;

export function normalizeSurface(s: string): string {
  // Called for every capitalised token run: skip the replaces when they would change nothing.
  if (!NEEDS_NORMALIZING.test(s)) return s.trim();
  return s.replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
}

class LexiconBuilder {
  constructor(
    readonly phrases = new Map<string, LexiconEntry>(),
    readonly entities = new Map<string, KnownEntity>(),
    public maxWords = 1,
  ) {}

  /** The first table to name an entity gives its label; a user's alias file overrides. */
  entity(e: KnownEntity, override = false): void {
    if (override || !this.entities.has(e.id)) this.entities.set(e.id, e);
  }

  add(surface: string, entry: LexiconEntry): void {
    const key = normalizeSurface(surface);
    if (!key) return;
    const old = this.phrases.get(key);
    if (old && KIND_RANK[old.kind] <= KIND_RANK[entry.kind] && entry.kind !== 'user') return;
    this.phrases.set(key, entry);
    // Capitalised variants: a lowercase article or preposition inside a name is capitalised in
    // headlines ("Bank Of England").
    this.maxWords = Math.max(this.maxWords, key.split(' ').length + 2);
  }
}

/** The gazetteer files under data/, read when the lexicon is built from them. */
const DATA_FILES = ['countries.json', 'organizations.json', 'places.json', 'world-places.json', 'people.json', 'given-names.json', 'common-words.json'] as const;
type DataFile = (typeof DATA_FILES)[number];

function readData(name: DataFile): unknown {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'data', name), 'utf8'));
}

let served: ReadonlyMap<string, readonly string[]> | undefined;

/**
 * People of the news gazetteer → the states or bodies they hold office in (people.json `serves`,
 * the state first): what a title given with no body ("President Donald Trump") is an office of.
 */
export function servedBodies(): ReadonlyMap<string, readonly string[]> {
  served ??= new Map((readData('people.json') as { people: PersonRow[] }).people.filter((p) => p.serves?.length).map((p) => [slugify(p.name), p.serves ?? []]));
  return served;
}

let placeGivenNames: ReadonlySet<string> | undefined;

/**
 * Given names that are also gazetteer names ("Santiago", "Paris", "Sofia"), lowercase: left out of
 * the lexicon's given names (given-names.json `excludedGazetteerNames`), yet one opens a person's
 * name before a surname ("Santiago Pena", "Paris Hilton").
 */
export function gazetteerGivenNames(): ReadonlySet<string> {
  placeGivenNames ??= new Set((readData('given-names.json') as { excludedGazetteerNames: string[] }).excludedGazetteerNames.map((n) => n.toLowerCase()));
  return placeGivenNames;
}

let builtIn: Lexicon | undefined;

/** The gazetteer alone (no aliases): the prepared copy when `npm run build` wrote a current one, else built from data/. */
export function defaultLexicon(): Lexicon {
  builtIn ??= readPreparedLexicon() ?? buildLexiconFromData();
  return builtIn;
}

/** The gazetteer plus a user's aliases, which override it. */
export function buildLexicon(userAliases: readonly AliasEntry[]): Lexicon {
  if (userAliases.length === 0) return buildLexiconFromData([]);
  const base = defaultLexicon();
  // Aliases come last and always win, so adding them to a copy of the built gazetteer gives what
  // buildLexiconFromData gives (same entries, same Map order; tested).
  const b = new LexiconBuilder(new Map(base.phrases), new Map(base.entities), base.maxWords);
  addAliases(b, userAliases);
  return { phrases: b.phrases, maxWords: b.maxWords, givenNames: base.givenNames, commonWords: base.commonWords, entities: b.entities, surnames: base.surnames };
}

function addAliases(b: LexiconBuilder, userAliases: readonly AliasEntry[]): void {
  for (const u of userAliases) {
    const id = slugify(u.name);
    b.entity({ id, label: u.name, entityType: u.entityType, ...(u.wikidata ? { wikidata: u.wikidata } : {}) }, true);
    for (const n of [u.name, ...(u.aliases ?? [])]) b.add(n, { id, entityType: u.entityType, kind: 'user' });
  }
}

/** The gazetteer and a user's aliases, built from the data files in one pass. */
export function buildLexiconFromData(userAliases: readonly AliasEntry[] = []): Lexicon {
  const b = new LexiconBuilder();
  const places = (readData('places.json') as { places: PlaceRow[] }).places;
  const world = readData('world-places.json') as { places: PlaceRow[]; curatedRegions?: Record<string, string> };
  const curatedRegions = new Map(Object.entries(world.curatedRegions ?? {}));
  const placeIds = new Map<string, string>();
  for (const p of places) for (const n of [p.name, ...(p.aliases ?? [])]) placeIds.set(normalizeSurface(n), p.id);
  for (const c of (readData('countries.json') as { countries: CountryRow[] }).countries) {
    b.entity({ id: c.id, label: c.name, entityType: 'country', ...(c.wikidata ? { wikidata: c.wikidata } : {}) });
    for (const n of [c.name, ...(c.aliases ?? [])]) b.add(n, { id: c.id, entityType: 'country', kind: 'country' });
    for (const n of c.seats ?? []) b.add(n, { id: c.id, entityType: 'country', kind: 'seat', country: c.id });
    for (const n of c.demonyms ?? []) b.add(n, { id: c.id, entityType: 'country', kind: 'demonym', country: c.id });
    for (const n of c.capitals ?? []) {
      // A capital's spellings (Kyiv, Kiev) are one place when the places table says so.
      const cityId = placeIds.get(normalizeSurface(n)) ?? slugify(n);
      b.entity({ id: cityId, label: n, entityType: 'place' });
      const region = curatedRegions.get(cityId);
      b.add(n, { id: cityId, entityType: 'place', kind: 'capital', country: c.id, placeKind: 'city', ...(region ? { region } : {}) });
    }
  }
  for (const o of (readData('organizations.json') as { organizations: OrganizationRow[] }).organizations) {
    b.entity({ id: o.id, label: o.name, entityType: 'organization', ...(o.wikidata ? { wikidata: o.wikidata } : {}) });
    // (The state a body belongs to: "the United States National Security Council" is one name, lexicon-phrases.ts.)
    for (const n of [o.name, ...(o.aliases ?? []), ...(o.acronyms ?? [])]) b.add(n, { id: o.id, entityType: 'organization', kind: 'organization', ...(o.country ? { country: o.country } : {}) });
  }
  const addPlaces = (rows: readonly PlaceRow[], broad: boolean): void => {
    for (const p of rows) {
      b.entity({ id: p.id, label: p.name, entityType: 'place' });
      const placeKind = (PLACE_KINDS as readonly string[]).includes(p.kind ?? '') ? (p.kind as PlaceKind) : undefined;
      const region = p.region ?? curatedRegions.get(p.id);
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        b.add(n, {
          id: p.id, entityType: 'place', kind: 'place', ...(broad ? { broad } : {}), ...(p.country ? { country: p.country } : {}),
          ...(placeKind ? { placeKind } : {}), ...(region ? { region } : {}), ...(p.countries?.length ? { countries: p.countries } : {}),
        });
      }
    }
  };
  addPlaces(places, false);
  addPlaces(world.places, true);
  const surnames = new Map<string, string>();
  for (const p of (readData('people.json') as { people: PersonRow[] }).people) {
    const id = slugify(p.name);
    b.entity({ id, label: p.name, entityType: 'person' });
    for (const surname of p.surnames) surnames.set(surname.toLowerCase(), id);
  }
  addAliases(b, userAliases);
  const givenNames = new Set((readData('given-names.json') as { names: string[] }).names.map((n) => n.toLowerCase()));
  const commonWords = new Set((readData('common-words.json') as { words: string }).words.split(' '));
  return { phrases: b.phrases, maxWords: b.maxWords, givenNames, commonWords, entities: b.entities, surnames };
}

// ---- the prepared lexicon -------------------------------------------------------------------
//
// Building the lexicon parses 1.2 MB of gazetteer JSON and normalises and ranks every name
// (~0.2 s per process, and again in each worker thread). `npm run build` (scripts/prepare-data.mjs)
// stores the built lexicon in dist/prepared/, in columns that load straight into its Maps. It is
// used only when its fingerprint (of the data files and of the code that reads them) is the
// current one: after a data file changed, or a plain `tsc` of changed code, it is built anew.

/** Where `npm run build` puts the prepared lexicon: dist/prepared/ (a path no file is at under ts-node). */
export const PREPARED_LEXICON_FILE = path.resolve(__dirname, '..', '..', 'prepared', 'lexicon.json');
/** Bumped when the prepared file's layout changes. */
const PREPARED_FORMAT = 4;

/**
 * The built lexicon in columns: strings joined into one string per column (one JSON string parses
 * much faster than thousands), small codes one character per row, references as indices. The file
 * is pure ASCII (other characters escaped), which Node reads without UTF-8 decoding.
 */
interface PreparedLexicon {
  format: number;
  fingerprint: string;
  maxWords: number;
  /** Every id once, newline-separated; the *Ids and *Countries columns index it. */
  ids: string;
  /** Entities in Map order. Types: one ENTITY_TYPES index a character; wikidata '' for none. */
  entityIds: number[];
  entityLabels: string;
  entityTypes: string;
  entityWikidata: string;
  /** Phrases in Map order: the surface forms, newline-separated, and their entries. */
  phraseKeys: string;
  phraseIds: number[];
  /** Per phrase four characters: ENTITY_TYPES index, LEXICON_KINDS index, 1 when broad, PLACE_KINDS index + 1 (0: none). */
  phraseCodes: string;
  /** Index into ids, or -1 for none. */
  phraseCountries: number[];
  /** Index into ids, or -1 for none. */
  phraseRegions: number[];
  /** Per phrase its `countries` as indices into ids, [] for none. */
  phraseAmbiguous: number[][];
  givenNames: string;
  /** Space-separated, as in common-words.json. */
  commonWords: string;
  /** The surnames, newline-separated, and the index in ids of the person each names. */
  surnameKeys: string;
  surnameIds: number[];
}

const SEPARATOR = '\n';

/** What the built lexicon depends on: every data file and the code that reads them. */
function lexiconFingerprint(): string {
  const hash = createHash('sha256').update(`format ${PREPARED_FORMAT}\0`);
  const code = [__filename, require.resolve('./slug')];
  for (const file of [...code, ...DATA_FILES.map((name) => path.join(__dirname, 'data', name))]) {
    hash.update(path.basename(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function decodePrepared(p: PreparedLexicon): Lexicon {
  const ids = p.ids.split(SEPARATOR);
  const at = <T>(list: readonly T[], index: number | undefined): T => {
    const value = list[index ?? -1];
    if (value === undefined) throw new Error(`prepared lexicon: no item ${String(index)}`);
    return value;
  };
  const entities = new Map<string, KnownEntity>();
  const labels = p.entityLabels.split(SEPARATOR);
  const wikidata = p.entityWikidata.split(SEPARATOR);
  for (let i = 0; i < p.entityIds.length; i++) {
    const id = at(ids, p.entityIds[i]);
    const w = wikidata[i];
    // keys in the order the builder writes them: id, label, entityType, wikidata
    const e: { id: string; label: string; entityType: EntityType; wikidata?: string } = { id, label: at(labels, i), entityType: at(ENTITY_TYPES, p.entityTypes.charCodeAt(i) - 48) };
    if (w) e.wikidata = w;
    entities.set(id, e);
  }
  const phrases = new Map<string, LexiconEntry>();
  const keys = p.phraseKeys.split(SEPARATOR);
  for (let i = 0; i < keys.length; i++) {
    const codes = 4 * i;
    // keys in the order the builder writes them: id, entityType, kind, broad, country, placeKind, region, countries
    const entry: {
      id: string; entityType: EntityType; kind: LexiconKind; broad?: boolean; country?: string; placeKind?: PlaceKind; region?: string; countries?: string[];
    } = {
      id: at(ids, p.phraseIds[i]),
      entityType: at(ENTITY_TYPES, p.phraseCodes.charCodeAt(codes) - 48),
      kind: at(LEXICON_KINDS, p.phraseCodes.charCodeAt(codes + 1) - 48),
    };
    if (p.phraseCodes.charCodeAt(codes + 2) === 49) entry.broad = true;
    const country = p.phraseCountries[i] ?? -1;
    if (country >= 0) entry.country = at(ids, country);
    const placeKind = p.phraseCodes.charCodeAt(codes + 3) - 48;
    if (placeKind > 0) entry.placeKind = at(PLACE_KINDS, placeKind - 1);
    const region = p.phraseRegions[i] ?? -1;
    if (region >= 0) entry.region = at(ids, region);
    const ambiguous = p.phraseAmbiguous[i] ?? [];
    if (ambiguous.length) entry.countries = ambiguous.map((k) => at(ids, k));
    phrases.set(at(keys, i), entry);
  }
  const surnames = new Map<string, string>();
  const surnameKeys = p.surnameKeys.split(SEPARATOR);
  for (let i = 0; i < surnameKeys.length; i++) surnames.set(at(surnameKeys, i), at(ids, p.surnameIds[i]));
  return {
    phrases,
    maxWords: p.maxWords,
    givenNames: new Set(p.givenNames.split(SEPARATOR)),
    commonWords: new Set(p.commonWords.split(' ')),
    entities,
    surnames,
  };
}

function encodePrepared(lexicon: Lexicon, fingerprint: string): PreparedLexicon {
  const ids: string[] = [];
  const idIndex = new Map<string, number>();
  const idOf = (id: string): number => {
    let index = idIndex.get(id);
    if (index === undefined) idIndex.set(id, (index = ids.push(id) - 1));
    return index;
  };
  const joined = (list: readonly string[], separator: string): string => {
    if (list.some((item) => item.includes(separator))) throw new Error(`prepared lexicon: an item contains ${JSON.stringify(separator)}`);
    return list.join(separator);
  };
  const entities = [...lexicon.entities.values()];
  const entries = [...lexicon.phrases.values()];
  // Before the literal below: its `ids` column must hold every id an index points at.
  const surnameIds = [...lexicon.surnames.values()].map(idOf);
  const code = (list: readonly string[], value: string): string => String(list.indexOf(value));
  return {
    format: PREPARED_FORMAT,
    fingerprint,
    maxWords: lexicon.maxWords,
    entityIds: entities.map((e) => idOf(e.id)),
    entityLabels: joined(entities.map((e) => e.label), SEPARATOR),
    entityTypes: entities.map((e) => code(ENTITY_TYPES, e.entityType)).join(''),
    entityWikidata: joined(entities.map((e) => e.wikidata ?? ''), SEPARATOR),
    phraseKeys: joined([...lexicon.phrases.keys()], SEPARATOR),
    phraseIds: entries.map((e) => idOf(e.id)),
    phraseCodes: entries.map((e) => `${code(ENTITY_TYPES, e.entityType)}${code(LEXICON_KINDS, e.kind)}${e.broad ? 1 : 0}${e.placeKind ? PLACE_KINDS.indexOf(e.placeKind) + 1 : 0}`).join(''),
    phraseCountries: entries.map((e) => (e.country === undefined ? -1 : idOf(e.country))),
    phraseRegions: entries.map((e) => (e.region === undefined ? -1 : idOf(e.region))),
    phraseAmbiguous: entries.map((e) => (e.countries ?? []).map(idOf)),
    ids: joined(ids, SEPARATOR),
    givenNames: joined([...lexicon.givenNames], SEPARATOR),
    commonWords: joined([...lexicon.commonWords], ' '),
    surnameKeys: joined([...lexicon.surnames.keys()], SEPARATOR),
    surnameIds,
  };
}

/** Everything a lexicon holds, in order, as text: equal texts, equal lexicons (key order of entries included). */
export function lexiconText(lexicon: Lexicon): string {
  return JSON.stringify([lexicon.maxWords, [...lexicon.phrases], [...lexicon.entities], [...lexicon.givenNames], [...lexicon.commonWords], [...lexicon.surnames]]);
}

/** The prepared lexicon in `file` when it was written for the current data and code; otherwise undefined. */
export function readPreparedLexicon(file = PREPARED_LEXICON_FILE): Lexicon | undefined {
  let prepared: PreparedLexicon;
  try {
    // ASCII by construction (see writePreparedLexicon), so no UTF-8 decoding is needed
    prepared = JSON.parse(fs.readFileSync(file, 'latin1')) as PreparedLexicon;
  } catch {
    return undefined; // not prepared (ts-node, or compiled with tsc alone): build it
  }
  if (prepared.format !== PREPARED_FORMAT || prepared.fingerprint !== lexiconFingerprint()) return undefined;
  return decodePrepared(prepared);
}

/**
 * The prepared lexicon's contents, for scripts/prepare-data.mjs to write to PREPARED_LEXICON_FILE:
 * ASCII JSON (other characters escaped), checked to read back as the lexicon it was made from.
 */
export function preparedLexiconData(): string {
  const lexicon = buildLexiconFromData();
  const prepared = encodePrepared(lexicon, lexiconFingerprint());
  if (lexiconText(decodePrepared(prepared)) !== lexiconText(lexicon)) throw new Error('prepared lexicon: does not read back as the built lexicon');
  return JSON.stringify(prepared).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Reads and validates a `--aliases` JSON file: an array of {name, entityType, aliases?, wikidata?}. */
export function readAliasFile(file: string): AliasEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? 'alias file not found' : `cannot read alias file (${e instanceof Error ? e.message : String(e)})`, file);
  }
  const list = Array.isArray(raw) ? raw : (raw as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(list)) throw new InputError('alias file must be a JSON array of {name, entityType, aliases}', file);
  return list.map((item: unknown, i) => {
    const r = item as Partial<Record<keyof AliasEntry, unknown>> | null;
    if (!r || typeof r.name !== 'string' || r.name.trim() === '') throw new InputError(`entry ${i}: "name" must be a non-empty string`, file);
    const entityType = r.entityType ?? 'other';
    if (typeof entityType !== 'string' || !(ENTITY_TYPES as readonly string[]).includes(entityType)) {
      throw new InputError(`entry ${i} (${r.name}): entityType must be one of ${ENTITY_TYPES.join(', ')}`, file);
    }
    const aliases = r.aliases === undefined ? [] : r.aliases;
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) throw new InputError(`entry ${i} (${r.name}): "aliases" must be an array of strings`, file);
    return {
      name: r.name.trim(),
      entityType: entityType as EntityType,
      aliases: aliases as string[],
      ...(typeof r.wikidata === 'string' ? { wikidata: r.wikidata } : {}),
    };
  });
}
