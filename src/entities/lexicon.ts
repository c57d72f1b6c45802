// The gazetteer as one lookup: surface form → what it names. Built once per process from the
// data files (see each file's `source` and `license`) and the user's `--aliases` file.
import * as fs from 'node:fs';
import countriesData from './data/countries.json';
import organizationsData from './data/organizations.json';
import placesData from './data/places.json';
import worldPlacesData from './data/world-places.json';
import givenNamesData from './data/given-names.json';
import commonWordsData from './data/common-words.json';
import { InputError } from '../errors';
import { ENTITY_TYPES, type EntityType } from '../types';
import { slugify } from './slug';

/** How a surface form names its entity; decides how a mention of it is read. */
export const LEXICON_KINDS = ['user', 'country', 'organization', 'seat', 'capital', 'place', 'demonym'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

export interface LexiconEntry {
  readonly id: string;
  readonly entityType: EntityType;
  readonly kind: LexiconKind;
  /** For seats, capitals, demonyms and places: the country they belong to. */
  readonly country?: string;
  /** From the broad generated gazetteer: a one-word match needs place context to count. */
  readonly broad?: boolean;
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
}

interface CountryRow { id: string; name: string; aliases?: string[]; demonyms?: string[]; capitals?: string[]; seats?: string[]; wikidata?: string }
interface OrganizationRow { id: string; name: string; aliases?: string[]; acronyms?: string[]; wikidata?: string }
interface PlaceRow { id: string; name: string; aliases?: string[]; country?: string }

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
  readonly phrases = new Map<string, LexiconEntry>();
  readonly entities = new Map<string, KnownEntity>();
  maxWords = 1;

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

let builtIn: Lexicon | undefined;
let common: ReadonlySet<string> | undefined;

function commonWords(): ReadonlySet<string> {
  common ??= new Set((commonWordsData as { words: string }).words.split(' '));
  return common;
}

export function defaultLexicon(): Lexicon {
  builtIn ??= buildLexicon([]);
  return builtIn;
}

export function buildLexicon(userAliases: readonly AliasEntry[]): Lexicon {
  const b = new LexiconBuilder();
  const places = (placesData as { places: PlaceRow[] }).places;
  const placeIds = new Map<string, string>();
  for (const p of places) for (const n of [p.name, ...(p.aliases ?? [])]) placeIds.set(normalizeSurface(n), p.id);
  for (const c of (countriesData as { countries: CountryRow[] }).countries) {
    b.entity({ id: c.id, label: c.name, entityType: 'country', ...(c.wikidata ? { wikidata: c.wikidata } : {}) });
    for (const n of [c.name, ...(c.aliases ?? [])]) b.add(n, { id: c.id, entityType: 'country', kind: 'country' });
    for (const n of c.seats ?? []) b.add(n, { id: c.id, entityType: 'country', kind: 'seat', country: c.id });
    for (const n of c.demonyms ?? []) b.add(n, { id: c.id, entityType: 'country', kind: 'demonym', country: c.id });
    for (const n of c.capitals ?? []) {
      // A capital's spellings (Kyiv, Kiev) are one place when the places table says so.
      const cityId = placeIds.get(normalizeSurface(n)) ?? slugify(n);
      b.entity({ id: cityId, label: n, entityType: 'place' });
      b.add(n, { id: cityId, entityType: 'place', kind: 'capital', country: c.id });
    }
  }
  for (const o of (organizationsData as { organizations: OrganizationRow[] }).organizations) {
    b.entity({ id: o.id, label: o.name, entityType: 'organization', ...(o.wikidata ? { wikidata: o.wikidata } : {}) });
    for (const n of [o.name, ...(o.aliases ?? []), ...(o.acronyms ?? [])]) b.add(n, { id: o.id, entityType: 'organization', kind: 'organization' });
  }
  const addPlaces = (rows: readonly PlaceRow[], broad: boolean): void => {
    for (const p of rows) {
      b.entity({ id: p.id, label: p.name, entityType: 'place' });
      for (const n of [p.name, ...(p.aliases ?? [])]) {
        b.add(n, { id: p.id, entityType: 'place', kind: 'place', ...(broad ? { broad } : {}), ...(p.country ? { country: p.country } : {}) });
      }
    }
  };
  addPlaces(places, false);
  addPlaces((worldPlacesData as { places: PlaceRow[] }).places, true);
  for (const u of userAliases) {
    const id = slugify(u.name);
    b.entity({ id, label: u.name, entityType: u.entityType, ...(u.wikidata ? { wikidata: u.wikidata } : {}) }, true);
    for (const n of [u.name, ...(u.aliases ?? [])]) b.add(n, { id, entityType: u.entityType, kind: 'user' });
  }
  const givenNames = new Set((givenNamesData as { names: string[] }).names.map((n) => n.toLowerCase()));
  return { phrases: b.phrases, maxWords: b.maxWords, givenNames, commonWords: commonWords(), entities: b.entities };
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
