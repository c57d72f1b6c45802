// The steering sets' gold (eval/steering/setN/gold.tsv, roles.tsv), read one way for every script
// that scores against it: `doc  sources  relations  targets  [NEG|HYP]`, alternatives with `|`; a
// line after a `# ` note rests on reading beyond its sentence (`noted`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'entities', 'data');
const slug = (name) => name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Gold ids are written from the text ("democratic-republic-of-the-congo", "congo"); the gazetteer may
 * file that actor under another id ("dr-congo"). A gold id that is the slug of a gazetteer name,
 * alias or acronym also accepts that entry's id, as the seed scorer matches entities by name.
 */
function gazetteerIds() {
  const out = new Map();
  const add = (id, names) => { for (const n of names) if (n) { const k = slug(n); if (k && k !== id) out.set(k, [...new Set([...(out.get(k) ?? []), id])]); } };
  const read = (file) => JSON.parse(readFileSync(path.join(dataDir, file), 'utf8'));
  for (const c of read('countries.json').countries) add(c.id, [c.name, ...(c.aliases ?? [])]);
  // (A state's own bodies are left out: "congress", "senate", "cpc" name another state's as often.)
  for (const o of read('organizations.json').organizations) if (!o.country) add(o.id, [o.name, ...(o.aliases ?? []), ...(o.acronyms ?? [])]);
  // (A name two entries share names neither.)
  for (const [k, ids] of out) if (ids.length > 1) out.delete(k);
  return out;
}
let byName;
function withGazetteerIds(ids) {
  byName ??= gazetteerIds();
  return [...new Set(ids.flatMap((id) => [id, ...(byName.get(id) ?? [])]))];
}

/** The gold lines of one file, each with whether a note precedes it. */
export function readGold(file) {
  const out = [];
  let noted = false;
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    if (l.startsWith('#')) { noted = true; continue; }
    const [doc, s, r, t, flags = ''] = l.split('\t');
    out.push({ doc, sources: withGazetteerIds(s.split('|')), relations: r.split('|'), targets: withGazetteerIds(t.split('|')), flags: flags.trim(), noted });
    noted = false;
  }
  return out;
}

/** Whether a fact states a gold line (a meeting either way round). */
export function matches(g, f) {
  if (!g.relations.includes(f.relation)) return false;
  if (g.sources.includes(f.source) && g.targets.includes(f.target)) return true;
  return f.relation === 'met' && g.sources.includes(f.target) && g.targets.includes(f.source);
}
