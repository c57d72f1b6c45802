// The NER model's gazetteer, built at training time and baked into the model file as a table of
// hashed phrase keys → category flags (no text): the project's own gazetteers (src/entities/data)
// and the PETRARCH-2 / Phoenix actor dictionaries (../shared/lexicons/petrarch2, MIT), whose names
// must not be copied into the project as text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashString } from '../../learn';
import { GAZETTEER_CATEGORIES, GAZETTEER_MAX_WORDS, GAZETTEER_PREFIX, gazetteerStep, lowerForm } from '../ner';

type Category = (typeof GAZETTEER_CATEGORIES)[number];

const BIT = Object.fromEntries(GAZETTEER_CATEGORIES.map((c, i) => [c, 1 << i])) as Record<Category, number>;

/** Phrase → flags, built from phrases written with spaces (hyphens also tried split: UD splits them). */
export class GazetteerBuilder {
  readonly entries = new Map<number, number>();
  readonly counts: Partial<Record<Category, number>> = {};

  /** Tokenises like the treebanks: words split at spaces, a hyphenated word also as "a - b". */
  static variants(phrase: string): string[][] {
    const words = phrase.trim().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return [];
    const out = [words];
    if (words.some((w) => w.length > 1 && w.includes('-'))) out.push(words.flatMap((w) => (w.length > 1 && w.includes('-') ? w.split(/(-)/).filter((p) => p !== '') : [w])));
    // "U.S." is one word in every corpus; a possessive "'s" is its own word
    return out.filter((v) => v.length <= GAZETTEER_MAX_WORDS);
  }

  add(phrase: string, category: Category): void {
    for (const words of GazetteerBuilder.variants(phrase)) {
      let h = 0;
      words.forEach((w, i) => {
        h = gazetteerStep(h, hashString(lowerForm(w)));
        const flag = i === words.length - 1 ? BIT[category] : GAZETTEER_PREFIX;
        this.entries.set(h, (this.entries.get(h) ?? 0) | flag);
      });
    }
    this.counts[category] = (this.counts[category] ?? 0) + 1;
  }
}

interface NamedRecord {
  name: string;
  aliases?: string[];
  acronyms?: string[];
  demonyms?: string[];
  capitals?: string[];
  seats?: string[];
  surnames?: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** The project's gazetteers (src/entities/data/*.json). */
export function addProjectGazetteers(b: GazetteerBuilder, dataDir: string): void {
  const countries = readJson<{ countries: NamedRecord[] }>(path.join(dataDir, 'countries.json')).countries;
  for (const c of countries) {
    for (const n of [c.name, ...(c.aliases ?? [])]) b.add(n, 'country');
    for (const n of c.demonyms ?? []) b.add(n, 'demonym');
    for (const n of c.capitals ?? []) b.add(n, 'place');
    for (const n of c.seats ?? []) b.add(n, 'organization');
  }
  const orgs = readJson<{ organizations: NamedRecord[] }>(path.join(dataDir, 'organizations.json')).organizations;
  for (const o of orgs) for (const n of [o.name, ...(o.aliases ?? []), ...(o.acronyms ?? [])]) b.add(n, 'organization');
  for (const file of ['places.json', 'world-places.json']) {
    const places = readJson<{ places: NamedRecord[] }>(path.join(dataDir, file)).places;
    for (const p of places) for (const n of [p.name, ...(p.aliases ?? [])]) b.add(n, 'place');
  }
  const people = readJson<{ people: NamedRecord[] }>(path.join(dataDir, 'people.json')).people;
  for (const p of people) {
    b.add(p.name, 'person');
    for (const s of p.surnames ?? []) b.add(s, 'surname');
  }
  for (const n of readJson<{ names: string[] }>(path.join(dataDir, 'given-names.json')).names) b.add(n, 'given');
  const common = readJson<{ words: string }>(path.join(dataDir, 'common-words.json')).words;
  for (const w of common.split(/\s+/)) if (w !== '') b.add(w, 'common');
}

/** One actor record of a PETRARCH dictionary: its phrases and role codes. */
interface ActorRecord {
  phrases: string[];
  codes: Array<{ code: string; dated: boolean }>;
}

/** Reads a Phoenix actor file: primary lines, `+` synonyms, tab-indented `[CODE dates]` lines. */
export function readActorRecords(file: string): ActorRecord[] {
  const records: ActorRecord[] = [];
  let current: ActorRecord | undefined;
  const codesOf = (text: string): ActorRecord['codes'] =>
    [...text.matchAll(/\[([^\]\s]*)\s*([^\]]*)\]/g)].map((m) => ({ code: m[1] ?? '', dated: (m[2] ?? '').trim() !== '' }));
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    const body = line.replace(/#.*$/, '');
    if (body.trim() === '') continue;
    if (/^\s/.test(line)) {
      current?.codes.push(...codesOf(body));
      continue;
    }
    const phrase = body.replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, '').trim();
    const name = phrase.replace(/^\+/, '').replace(/_+$/, '').replace(/_/g, ' ').replace(/\t/g, ' ').replace(/\s+/g, ' ').replace(/\(.*?\)/g, '').trim();
    if (body.startsWith('+')) {
      if (current && name) current.phrases.push(name);
      current?.codes.push(...codesOf(body));
      continue;
    }
    current = { phrases: name ? [name] : [], codes: codesOf(body) };
    records.push(current);
  }
  return records;
}

/** The Phoenix actor dictionaries: countries (with their cities and demonyms), people, organisations. */
export function addPetrarchActors(b: GazetteerBuilder, dir: string): void {
  const add = (record: ActorRecord, category: Category): void => {
    for (const p of record.phrases) if (/\p{L}/u.test(p)) b.add(p, category);
  };
  for (const r of readActorRecords(path.join(dir, 'Phoenix.Countries.actors.txt'))) {
    const first = r.codes[0];
    if (first && /^[A-Z]{3}$/.test(first.code) && !first.dated) add(r, 'petrarch-country');
    else if (r.codes.some((c) => c.dated) || r.codes.length === 0) add(r, 'petrarch-person');
    else add(r, 'petrarch-organization');
  }
  for (const r of readActorRecords(path.join(dir, 'Phoenix.International.actors.txt'))) {
    if (r.codes.length > 0 && r.codes.every((c) => c.dated)) add(r, 'petrarch-person');
    else add(r, 'petrarch-organization');
  }
  for (const r of readActorRecords(path.join(dir, 'Phoenix.MilNonState.actors.txt'))) add(r, 'petrarch-organization');
}

export interface GazetteerSources {
  /** src/entities/data */
  readonly projectDir: string;
  /** ../shared/lexicons/petrarch2, when present. */
  readonly petrarchDir: string | undefined;
}

export function buildGazetteer(sources: GazetteerSources): GazetteerBuilder {
  const b = new GazetteerBuilder();
  addProjectGazetteers(b, sources.projectDir);
  if (sources.petrarchDir) addPetrarchActors(b, sources.petrarchDir);
  return b;
}
