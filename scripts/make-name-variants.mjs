#!/usr/bin/env node
// Regenerates the derived data files of src/graph/data that the graph stage's name rules read
// (src/graph/names.ts):
//   nicknames.json      given name ↔ nickname pairs, from carltonnorthern/nicknames (Apache-2.0;
//                       its licence is copied beside it as nicknames.License.txt, as the licence asks);
//   actor-aliases.json  names of one person or one armed group/organisation, from the PETRARCH-2
//                       Phoenix actor dictionaries (MIT; the licence text is kept in the file).
// known-aliases.json beside them is written by hand and not touched here.
//
//   npx tsc -p tsconfig.json && node scripts/make-name-variants.mjs [SHARED_DIR]
//
// SHARED_DIR defaults to ../shared beside the repository. It reads dist/src/graph/names.js (the
// compiled rules): an alias that the rules already join (a middle name, an initial, a spelling)
// is left out, so the tables hold only what the rules cannot tell. Same inputs, same bytes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(process.argv[2] ?? path.join(repoRoot, '..', 'shared'));
const outDir = path.join(repoRoot, 'src/graph/data');
const { personName, personMatch, STRONG, groupKey, singularKey, initialsOf, acronymOf } = require(path.join(repoRoot, 'dist/src/graph/names.js'));
const givenNames = new Set(JSON.parse(readFileSync(path.join(repoRoot, 'src/entities/data/given-names.json'), 'utf8')).names.map((n) => n.toLowerCase()));

/** A data file as JSON: its header fields indented, then one line per row of `key`. */
function rowsJson(file, key) {
  const { [key]: rows, ...head } = file;
  const lines = Array.isArray(rows) ? rows.map((r) => JSON.stringify(r)) : Object.entries(rows).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `${JSON.stringify(head, null, 2).slice(0, -2)},\n  ${JSON.stringify(key)}: ${Array.isArray(rows) ? '[' : '{'}\n${lines.map((l) => `    ${l}`).join(',\n')}\n  ${Array.isArray(rows) ? ']' : '}'}\n}\n`;
}

// ---- nicknames --------------------------------------------------------------------------------

/**
 * Classic English diminutives that share no letters in place with the full name; the table has
 * them and the rules below would drop them.
 */
const IRREGULAR = new Set(['richard dick', 'john jack', 'margaret peggy', 'henry hank', 'charles chuck', 'anthony tony', 'elizabeth betty', 'mary polly']);

/**
 * Whether a pair of the genealogy table is a nickname a news name uses. The table also pairs
 * names that are names in their own right (john ~ ian, john ~ jon, aaron ~ ron): kept are a
 * shortening with the same first letter, two letters shorter or more (mike ~ michael, jim ~
 * james, alex ~ alexander), a rhyming form whose tail starts the name's second or third letter
 * (bill ~ william, bob ~ robert, ted ~ edward, liz ~ elizabeth), and the few above.
 */
function keepNickname(name, nick) {
  if (IRREGULAR.has(`${name} ${nick}`)) return true;
  if (!/^[a-z]+$/.test(name) || !/^[a-z]+$/.test(nick) || nick.length < 2) return false;
  if (name[0] === nick[0]) return nick.length <= name.length - 2;
  const tail = nick.slice(1);
  const at = name.indexOf(tail);
  return tail.length >= 2 && at >= 0 && at <= 2;
}

function makeNicknames() {
  const dir = path.join(shared, 'lexicons/nicknames');
  const rows = readFileSync(path.join(dir, 'names.csv'), 'utf8').replace(/\r/g, '').trim().split('\n').slice(1);
  const byName = new Map();
  let read = 0;
  for (const row of rows) {
    const [name, relation, nick] = row.split(',');
    if (relation !== 'has_nickname') continue;
    read++;
    if (!keepNickname(name, nick)) continue;
    if (!byName.has(name)) byName.set(name, new Set());
    byName.get(name).add(nick);
  }
  const nicknames = Object.fromEntries([...byName].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([n, s]) => [n, [...s].sort()]));
  const kept = Object.values(nicknames).reduce((n, l) => n + l.length, 0);
  writeFileSync(path.join(outDir, 'nicknames.License.txt'), readFileSync(path.join(dir, 'License.txt')));
  const file = {
    source: 'derived by scripts/make-name-variants.mjs from names.csv of github.com/carltonnorthern/nicknames (Old Dominion University WS-DL; snapshot 21d75051c39cb022d145388d60c87dc30505228b): a subset of its has_nickname rows, regrouped by full name',
    license: 'Apache-2.0 (the licence text is nicknames.License.txt beside this file); changes: rows filtered as the reason says, lists regrouped',
    reason: `Outlets name one person with and without a nickname (Mike | Michael Waltz, Bill | William). A pair counts only when the surnames agree and no other person of the corpus fits as well (src/graph/names.ts). Kept from the ${read} pairs: a shortening with the same first letter at least two letters shorter, a rhyming form whose tail starts at the name's second or third letter, and a few classic irregular ones; left out are names in their own right that the genealogy table pairs (john ~ ian, john ~ jon, aaron ~ ron).`,
    count: kept,
    nicknames,
  };
  writeFileSync(path.join(outDir, 'nicknames.json'), rowsJson(file, 'nicknames'));
  // The rules' tables as src/graph/names.ts builds them, from the file just written (not from a
  // compiled copy that may be older).
  const map = new Map();
  const link = (a, b) => map.set(a, (map.get(a) ?? new Set()).add(b));
  for (const [n, list] of Object.entries(nicknames)) for (const k of list) { link(n, k); link(k, n); }
  return { kept, tables: { nicknames: map, personAliases: [], groupAliases: [] } };
}

// ---- PETRARCH actor synonyms -------------------------------------------------------------------

/** Words that make a synonym a role, a title or an institution, not a name. */
const ROLE_WORDS = new Set([
  'president', 'presidential', 'minister', 'ministry', 'secretary', 'general', 'gen', 'colonel', 'col', 'major', 'captain', 'lieutenant', 'admiral',
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'king', 'queen', 'prince', 'princess', 'emir', 'sheikh', 'shaikh', 'sultan',
  'chancellor', 'kanzler', 'bundeskanzler', 'prime', 'premier', 'chief', 'leader', 'head', 'chairman', 'spokesman', 'ambassador', 'envoy', 'governor', 'mayor', 'senator', 'judge',
  'pope', 'cardinal', 'bishop', 'ayatollah', 'imam', 'rabbi', 'former', 'acting', 'elect', 'deputy', 'vice', 'foreign', 'defense', 'defence',
  'administration', 'government', 'regime', 'cabinet', 'office', 'officials', 'official', 'forces', 'supporters', 'followers', 'loyalists',
  'state', 'states', 'country', 'republic', 'kingdom', 'party', 'army', 'police', 'military', 'council', 'committee', 'commission', 'court',
  'bank', 'group', 'company', 'corporation', 'university', 'agency', 'department', 'union', 'association', 'league', 'news', 'media',
]);
/** Lowercase particles in a name written in Title Case. */
const LOWER_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'dos', 'das', 'del', 'di', 'du', 'van', 'von', 'der', 'den', 'la', 'le']);

/** "OSAMA_BIN_LADEN_" → "Osama bin Laden"; undefined for a line that is not one plain name. */
function phrase(raw) {
  const text = raw.replace(/#.*$/, '').replace(/\[[^\]]*\]/g, '').trim().replace(/_+$/, '').replace(/^_+/, '');
  if (!text || /[+{}<>"\d/]/.test(text)) return undefined;
  const words = text.split(/_+/).filter((w) => w);
  return words.map((w, i) => {
    const lower = w.toLowerCase();
    if (i > 0 && LOWER_PARTICLES.has(lower)) return lower;
    if (/^\(?[A-Z&]{2,7}\)?$/.test(w) && words.length === 1) return w;
    // Capitals after a hyphen or bracket, and in O'Brien, not in People's or Gama'a.
    return lower.replace(/((?<!\p{L})\p{L}'|^|[-(])(\p{L})/gu, (_, p, c) => p.replace(/^\p{L}/u, (x) => x.toUpperCase()) + c.toUpperCase());
  }).join(' ');
}

/** Records of an actor file: a primary line, its +synonym lines, its default code and comment. */
function* records(file) {
  let current;
  for (const line of readFileSync(file, 'utf8').replace(/\r/g, '').split('\n')) {
    if (!line.trim() || line.startsWith('#') || /^\s/.test(line)) continue;
    if (line.startsWith('+')) {
      current?.synonyms.push(line.slice(1));
      continue;
    }
    if (current) yield current;
    const code = /\[([A-Z]+)\]/.exec(line.replace(/#.*$/, ''))?.[1];
    current = { primary: line, synonyms: [], code, comment: /#(.*)$/.exec(line)?.[1] ?? '' };
  }
  if (current) yield current;
}

const words = (name) => name.toLowerCase().split(/[\s-]+/);
const hasRoleWord = (name) => words(name).some((w) => ROLE_WORDS.has(w.replace(/[.'()]/g, '')));

function levenshtein(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

/** Two words spelled alike: at most a third of the letters differ ("hezbolah" | "hizbulah"). */
function wordAlike(x, y) {
  return levenshtein(x, y) <= Math.max(1, Math.floor(Math.max(x.length, y.length) / 3));
}

/**
 * Spelled alike: as many words, each spelled alike ("Hezbollah" | "Hizbullah", "Kamtapur
 * Liberation Organization" | "Organisation"); "Islamic Jihad Group" | "Islamic Jihad Union" are not.
 */
function spelledAlike(a, b) {
  const x = groupKey(a).split(' ');
  const y = groupKey(b).split(' ');
  return x.length === y.length && x.every((w, i) => wordAlike(w, y[i] ?? ''));
}

/** The person names of a record that the rules do not already join to its primary. */
function personRow(primary, synonyms) {
  const main = personName(primary);
  if (!main || main.tokens.length < 2 || hasRoleWord(primary)) return undefined;
  const lastOf = (n) => n.tokens.filter((t) => !t.initial).at(-1)?.key;
  const extra = [];
  for (const s of synonyms) {
    const n = personName(s);
    if (!n || hasRoleWord(s)) continue;
    // A lone word that is the surname is the rules' business; another lone word is kept only
    // when no given name is spelled so (a nickname like "Hemedti", not a first name).
    if (n.tokens.length === 1 && (n.tokens[0].key === lastOf(main) || givenNames.has(s.toLowerCase()) || s.length < 5)) continue;
    if (personMatch(main, n, ruleTables) === STRONG) continue;
    // The coders mapped relatives and colleagues to one code too ("Fahd bin Jasim al Thani" under
    // "Falah bin Jasim bin Jabir al Thani"): kept only with the surname spelled alike and the
    // given name spelled alike or shortened ("Vince" | "John Vincent").
    const words = (x) => x.tokens.filter((t) => !t.initial).map((t) => t.key);
    const [a, b] = [words(main), words(n)];
    const surnameAlike = a.length > 0 && b.length > 0 && wordAlike(a.at(-1), b.at(-1));
    const given = b.length === 1 || a.some((w) => wordAlike(w, b[0]) || w.startsWith(b[0])) || b.some((w) => wordAlike(w, a[0]) || w.startsWith(a[0]));
    if (!(b.length === 1 ? true : surnameAlike && given)) continue;
    extra.push(s);
  }
  return extra.length ? [primary, ...new Set(extra)] : undefined;
}

/** The names of a group record that the rules do not already join: other spellings and its acronyms. */
function groupRow(primary, synonyms) {
  if (hasRoleWord(primary) && primary.split(' ').length === 1) return undefined;
  const names = [];
  const inParens = /\(([A-Z&]{2,7})\)/.exec(primary)?.[1];
  const main = primary.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (inParens) names.push(inParens);
  const initials = new Set(initialsOf(main));
  const same = (x) => groupKey(x) === groupKey(main) || singularKey(groupKey(x)) === groupKey(main) || singularKey(groupKey(main)) === groupKey(x);
  for (const raw of synonyms) {
    const acronymInside = /\(([A-Z&]{2,7})\)/.exec(raw)?.[1];
    const s = raw.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
    if (acronymInside && initials.has(acronymInside)) names.push(acronymInside);
    if (!s || same(s)) continue;
    const acronym = acronymOf(s);
    if (acronym) {
      if (initials.has(acronym)) names.push(acronym);
      continue;
    }
    // A person's name among a group's synonyms (a leader) is another actor.
    if (givenNames.has(s.split(' ')[0].toLowerCase()) || personLike(s)) continue;
    if (spelledAlike(main, s)) names.push(s);
  }
  return names.length ? [main, ...new Set(names)] : undefined;
}

function personLike(name) {
  const first = name.split(' ')[0]?.toLowerCase() ?? '';
  return givenNames.has(first);
}

function makeActorAliases() {
  const dir = path.join(shared, 'lexicons/petrarch2');
  const rows = [];
  const files = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
  for (const name of files) {
    for (const r of records(path.join(dir, name))) {
      const primary = phrase(r.primary);
      if (!primary) continue;
      const synonyms = r.synonyms.map(phrase).filter((s) => s);
      // Countries carry a bare country code ([AFG]); their synonyms are cities and regions.
      if (name === 'Phoenix.Countries.actors.txt' && r.code && /^[A-Z]{3}$/.test(r.code)) continue;
      const first = primary.split(' ')[0].toLowerCase();
      // The countries file has people and institutions without a code: the role words tell
      // institutions apart. The other files list groups without a code too: there a person needs
      // the CountryInfo note or a given name we know.
      const isPerson = !r.code && !hasRoleWord(primary) && (name === 'Phoenix.Countries.actors.txt' || r.comment.includes('CountryInfo') || givenNames.has(first));
      const isGroup = !isPerson && name !== 'Phoenix.Countries.actors.txt' && r.code !== undefined;
      const row = isPerson ? personRow(primary, synonyms) : isGroup ? groupRow(primary, synonyms) : undefined;
      if (row) rows.push({ type: isPerson ? 'person' : 'group', names: row });
    }
  }
  // One name in two rows: persons are one person recorded twice (joined); an acronym of two
  // different groups is ambiguous (left out of both).
  const merged = [];
  const byName = new Map();
  for (const row of rows) {
    const hit = row.type === 'person' ? row.names.map((n) => byName.get(`person|${groupKey(n)}`)).find((r) => r) : undefined;
    if (hit) {
      for (const n of row.names) if (!hit.names.includes(n)) hit.names.push(n);
    } else merged.push(row);
    const target = hit ?? row;
    for (const n of target.names) if (personName(n)?.tokens.length > 1) byName.set(`person|${groupKey(n)}`, target);
  }
  // A name that fits a name of another person's row as well as its own (PETRARCH's "George Bush"
  // beside "George W. Bush") says nothing about which one: left out of its row.
  const rowsBySurname = new Map();
  merged.forEach((row, i) => {
    if (row.type !== 'person') return;
    for (const n of row.names) {
      const p = personName(n);
      const last = p?.tokens.filter((t) => !t.initial).at(-1)?.key;
      if (last) rowsBySurname.set(last, [...(rowsBySurname.get(last) ?? []), [i, p]]);
    }
  });
  merged.forEach((row, i) => {
    if (row.type !== 'person') return;
    row.names = row.names.filter((n) => {
      const p = personName(n);
      const last = p?.tokens.filter((t) => !t.initial).at(-1)?.key;
      return !(rowsBySurname.get(last) ?? []).some(([j, q]) => j !== i && personMatch(p, q, ruleTables) === STRONG);
    });
  });
  const acronymRows = new Map();
  for (const row of merged) if (row.type === 'group') for (const n of row.names) if (acronymOf(n)) acronymRows.set(n, (acronymRows.get(n) ?? 0) + 1);
  const groups = merged
    .map((row) => ({ type: row.type, names: row.names.filter((n) => row.type === 'person' || !acronymOf(n) || acronymRows.get(n) === 1) }))
    .filter((row) => row.names.length > 1)
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.names[0] < b.names[0] ? -1 : a.names[0] > b.names[0] ? 1 : 0));
  const license = readFileSync(path.join(dir, 'LICENSE'), 'utf8');
  const file = {
    source: 'derived by scripts/make-name-variants.mjs from the PETRARCH-2 Phoenix actor dictionaries (github.com/openeventdata/petrarch2 676801cd9cb2924bbbad09f86d15c9323e7097bf: Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt)',
    license: 'MIT',
    upstreamLicense: license,
    reason: 'Names of one actor that no spelling rule joins: other transliterations (Gaddafi | Qadhafi, Hezbollah | Hizbullah), names with and without a second surname or kunya, and the acronyms an armed group or organisation goes by. From each actor record: its synonyms without a title or role word ("President Putin", "the Obama administration"), that share a word with the name or are spelled like it (a synonym that is another person the coders mapped to the same code is left out), and that src/graph/names.ts would not already join. Country records (their synonyms are cities and regions) are left out; an acronym two groups share is left out of both.',
    count: groups.length,
    groups,
  };
  writeFileSync(path.join(outDir, 'actor-aliases.json'), rowsJson(file, 'groups'));
  return groups;
}

const { kept: nicknames, tables: ruleTables } = makeNicknames();
const groups = makeActorAliases();
console.log(`nicknames.json: ${nicknames} pairs; actor-aliases.json: ${groups.filter((g) => g.type === 'person').length} person and ${groups.filter((g) => g.type === 'group').length} group rows`);
