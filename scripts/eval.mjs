#!/usr/bin/env node
// Evaluates newsgraph against the data in ../shared (never part of the project):
//   1. graph level: the seed article and the 24 GUM news docs (kg-gold-news), scored with
//      ../shared/tools/score-graph.mjs;
//   2. mention level: GUM proper-noun person/organization/place mentions vs `newsgraph extract`;
//   3. direction: PETRARCH-2 expected (source, target, event) vs our facts;
//   4. the trained models: UPOS, UAS/LAS on UD English EWT and GUM test, NER on CoNLL-2003 dev.
//
//   node scripts/eval.mjs [--json] [--only graph,mentions,petrarch,models,triples,coref,steering] [--keep] [--misses]
//   (--misses lists every missed PETRARCH event with its cause and the facts we produced)
//
// Without ../shared it prints a skip line and exits 0. A document on which bin/newsgraph fails is
// reported with its error and the run goes on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { evalTriples, printTriples } from './eval-triples.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const require = createRequire(path.join(repoRoot, 'package.json'));
// NEWSGRAPH_BIN lets a test point the script at another build of the CLI.
const bin = process.env.NEWSGRAPH_BIN ? path.resolve(process.env.NEWSGRAPH_BIN) : path.join(repoRoot, 'bin', 'newsgraph');

// CAMEO root (first two digits) → relations of ours that count as the same kind of event.
// Three- or four-digit rows override the root. Checked against ../shared/eval/petrarch/cameo_event_codes.json.
export const CAMEO_RELATIONS = {
  '01': ['informed', 'urged'],        // make public statement
  '02': ['urged', 'proposed'],        // appeal
  '03': ['promised', 'proposed'],     // express intent to cooperate
  '036': ['met', 'promised', 'proposed'], // express intent to meet or negotiate
  '04': ['met'],                      // consult (visits, meetings, negotiations)
  '05': ['supported', 'met'],         // engage in diplomatic cooperation
  '057': ['promised', 'supported'],   // sign formal agreement: our sign-agreement collocation says promised
  '06': ['aided', 'supported'],       // engage in material cooperation
  '07': ['aided'],                    // provide aid
  '08': ['accepted'],                 // yield
  '09': [],                           // investigate: nothing of ours
  '10': ['urged'],                    // demand
  '11': ['accused'],                  // disapprove (112 accuse)
  '12': ['rejected'],                 // reject
  '13': ['warned'],                   // threaten
  '14': ['accused'],                  // protest
  '15': ['warned'],                   // exhibit force posture
  '16': ['sanctioned'],               // reduce relations (163 embargo, sanctions)
  '17': ['attacked', 'sanctioned'],   // coerce (arrest, expel, seize)
  '18': ['attacked'],                 // assault
  '19': ['attacked'],                 // fight
  '20': ['attacked'],                 // unconventional mass violence
};

export function relationsForCameo(code) {
  for (let n = code.length; n >= 2; n--) {
    const row = CAMEO_RELATIONS[code.slice(0, n)];
    if (row) return row;
  }
  return [];
}

/**
 * Roots that name no actor: "---" is an unknown country ("a senior official", "crowds"), "###" an
 * uncoded one, "XYZ" a placeholder. An event with such an end has no direction to get right: it is
 * counted apart, not in the share.
 */
export const UNKNOWN_ROOTS = new Set(['---', '###', 'XYZ']);

/** Country or IGO root of a CAMEO/Phoenix actor code: "USAGOV" → "USA", "IGOUNOMIL" → "IGOUNO". */
export function actorRoot(code) {
  if (!code) return '';
  return /^(IGO|NGO|IMG)/.test(code) ? code.slice(0, 6) : code.slice(0, 3);
}

export function normalize(s) {
  return String(s).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[’']s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/^the /, '');
}

function titleCase(s) {
  return s.toLowerCase().replace(/(^|[\s\-.'/])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
}

function readJsonl(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

/** Runs bin/newsgraph; never throws. */
function runCli(args, { input } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: repoRoot, input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 10 * 60 * 1000,
  });
  const error = r.error ? r.error.message
    : r.status !== 0 ? `exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`
      : undefined;
  return { ok: !error, error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Pronoun-antecedent accuracy: scripts/eval-coref.mjs in its own process (it reads the entity layer's references). */
function evalCoref() {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'eval-coref.mjs')], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 10 * 60 * 1000 });
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ').slice(0, 300)}` };
  return { text: (r.stdout ?? '').trim() };
}

function evalSteering() {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'eval-steering.mjs')], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26, timeout: 10 * 60 * 1000 });
  if (r.status !== 0) return { error: `exit ${r.status ?? r.signal}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ').slice(0, 300)}` };
  return { text: (r.stdout ?? '').trim() };
}

/** Error text for a report: a failed run that still printed results is a warning, not a failure. */
function runProblem(run) {
  if (run.ok) return {};
  return run.stdout.trim() ? { warning: run.error } : { error: run.error };
}

function parseNdjson(text) {
  const out = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try { out.push(JSON.parse(line)); } catch { /* a stray log line */ }
  }
  return out;
}

const pct = (x) => (x === null || x === undefined || Number.isNaN(x) ? '—' : `${(100 * x).toFixed(1)}`);
const prf = (tp, np, ng) => {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { tp, predicted: np, gold: ng, precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

// ---------------------------------------------------------------------------------------------
// 1. Graph level: seed + GUM kg-gold-news
async function evalGraphs(tmp) {
  const { score } = await import(pathToFileURL(path.join(shared, 'tools/score-graph.mjs')).href);
  const docs = [{ name: 'seed', text: path.join(shared, 'corpus/seed-article.txt'), gold: path.join(shared, 'gold/seed.gold.json') }];
  const gumDir = path.join(shared, 'eval/gum/kg-gold-news');
  if (existsSync(gumDir)) {
    for (const f of readdirSync(gumDir).filter((f) => f.endsWith('.txt')).sort()) {
      const gold = path.join(gumDir, f.replace(/\.txt$/, '.gold.json'));
      if (existsSync(gold)) docs.push({ name: f.replace(/\.txt$/, ''), text: path.join(gumDir, f), gold });
    }
  }
  const rows = [];
  for (const d of docs) {
    const out = path.join(tmp, 'graph', d.name);
    const run = runCli(['build', d.text, '--out', out]);
    const row = { doc: d.name };
    if (!run.ok) { row.error = run.error; rows.push(row); continue; }
    try {
      const graph = JSON.parse(readFileSync(path.join(out, 'graph.json'), 'utf8'));
      const gold = JSON.parse(readFileSync(d.gold, 'utf8'));
      const s = score(graph, gold);
      Object.assign(row, {
        required: s.entities.required, found: s.entities.found, split: s.entities.fragmented.length,
        nodes: graph.nodes.length, nodePrecision: s.entities.precision,
        relations: { gold: s.relations.gold, predicted: s.relations.predicted, precision: s.relations.precision, recall: s.relations.recall, f1: s.relations.f1 },
        missing: s.entities.missing, fragmented: s.entities.fragmented,
        relationMisses: s.relations.misses, relationFalsePositives: s.relations.falsePositives,
      });
    } catch (e) {
      row.error = `scoring failed: ${e.message}`;
    }
    rows.push(row);
  }
  const gum = rows.filter((r) => r.doc !== 'seed');
  const scored = gum.filter((r) => !r.error);
  const totals = {
    seed: rows.find((r) => r.doc === 'seed'),
    gum: {
      docs: gum.length, failed: gum.length - scored.length,
      requiredFound: scored.reduce((a, r) => a + r.found, 0),
      required: scored.reduce((a, r) => a + r.required, 0),
      microRecall: 0,
      meanNodePrecision: scored.length ? scored.reduce((a, r) => a + r.nodePrecision, 0) / scored.length : 0,
      split: scored.reduce((a, r) => a + r.split, 0),
    },
  };
  totals.gum.microRecall = totals.gum.required ? totals.gum.requiredFound / totals.gum.required : 0;
  return { rows, totals };
}

function printGraphs(g) {
  console.log('## Graph level (score-graph.mjs)\n');
  console.log('| doc | required found | split | node precision % | rel P % | rel R % | rel F1 % |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of g.rows) {
    if (r.error) { console.log(`| ${r.doc} | error: ${r.error.replace(/\|/g, '/')} | | | | | |`); continue; }
    console.log(`| ${r.doc} | ${r.found}/${r.required} | ${r.split} | ${pct(r.nodePrecision)} | ${pct(r.relations.precision)} | ${pct(r.relations.recall)} | ${pct(r.relations.f1)} |`);
  }
  const s = g.totals.seed;
  console.log('');
  if (s && !s.error) {
    console.log(`seed: required entities ${s.found}/${s.required}, split ${s.split}, node precision ${pct(s.nodePrecision)}%, ` +
      `relations P ${pct(s.relations.precision)}% R ${pct(s.relations.recall)}% F1 ${pct(s.relations.f1)}% (${s.relations.gold} gold, ${s.relations.predicted} judged)`);
  } else console.log(`seed: ${s?.error ?? 'not run'}`);
  const t = g.totals.gum;
  console.log(`GUM kg-gold-news (${t.docs - t.failed}/${t.docs} docs scored): required entities micro recall ${pct(t.microRecall)}% ` +
    `(${t.requiredFound}/${t.required}), mean node precision ${pct(t.meanNodePrecision)}%, split entities ${t.split}\n`);
}

// ---------------------------------------------------------------------------------------------
// 2. Mention level: GUM named person/organization/place mentions (head PROPN), ../shared/eval/gum/README.md
const GUM_TYPES = ['person', 'organization', 'place'];
// Our type → the GUM types it may stand for (GUM types a country by role: agent = organization, location = place;
// a named group of people, "Americans", "the Rohingya", is a GUM person: ours is type other, rule people-group).
const TYPE_MAP = { person: ['person'], organization: ['organization'], place: ['place'], country: ['organization', 'place'], group: ['person'] };
/** The type a mention of ours is scored as: a named (capitalised) people group counts as a group, lowercase ones ("refugees") name nobody. */
const scoredType = (m) => (m.entityType === 'other' && m.rule === 'people-group' && /(?:^|\s)\p{Lu}\S*$/u.test(m.text) ? 'group' : m.entityType);

// GUM spans keep a leading "the" and a possessive "'s" ("the Kremlin", "Warhol's"); ours never do.
function comparableSpan(text, start, end) {
  const m = /^the\s+/i.exec(text.slice(start, end));
  const s = m ? start + m[0].length : start;
  const possessive = /['’]s?$/.exec(text.slice(s, end));
  return [s, possessive && end - possessive[0].length > s ? end - possessive[0].length : end];
}

function evalMentions(tmp) {
  const file = path.join(shared, 'eval/gum/gum_news_interview_speech.jsonl');
  const docs = readJsonl(file);
  const input = path.join(tmp, 'gum-docs.jsonl');
  writeFileSync(input, docs.map((d) => JSON.stringify({ id: d.doc_id, text: d.text })).join('\n') + '\n');
  const run = runCli(['extract', input]);
  const scored = scoreMentions(docs, new Map(parseNdjson(run.stdout).map((r) => [r.doc, r])));
  // The rules alone (no trained NER), in this process, so that the models' gain is visible.
  const { createExtractor } = require(path.join(repoRoot, 'dist', 'src', 'extract.js'));
  const rules = createExtractor({ models: false });
  const rulesOnly = scoreMentions(docs, new Map(docs.map((d) => [d.doc_id, rules({ id: d.doc_id, text: d.text, origin: d.doc_id })])));
  return { ...runProblem(run), ...scored, rulesOnly: rulesOnly.rows };
}

function scoreMentions(docs, results) {
  const counts = {};
  const bump = (key, field) => { counts[key] ??= { tp: 0, predicted: 0, gold: 0 }; counts[key][field]++; };
  const missingDocs = [];
  for (const d of docs) {
    const gold = d.mentions.filter((m) => m.head_upos === 'PROPN' && GUM_TYPES.includes(m.etype))
      .map((m) => { const [s, e] = comparableSpan(d.text, m.start, m.end); return { key: `${s}:${e}`, type: m.etype }; });
    const res = results.get(d.doc_id);
    if (!res) missingDocs.push(d.doc_id);
    const pred = (res?.mentions ?? []).filter((m) => TYPE_MAP[scoredType(m)])
      .map((m) => { const [s, e] = comparableSpan(d.text, m.start, m.end); return { key: `${s}:${e}`, type: scoredType(m) }; });
    const goldByKey = new Map();
    for (const g of gold) goldByKey.set(g.key, g);
    const matchedGold = new Set();
    const predKeys = new Set();
    for (const p of pred) {
      if (predKeys.has(p.key)) continue; // one prediction per span
      predKeys.add(p.key);
      const g = goldByKey.get(p.key);
      const typeOk = g && TYPE_MAP[p.type].includes(g.type);
      // per type of ours (country kept apart: precision of "country" predictions)
      bump(p.type, 'predicted');
      if (typeOk) bump(p.type, 'tp');
      bump('all (typed)', 'predicted');
      if (typeOk) bump('all (typed)', 'tp');
      bump('all (span only)', 'predicted');
      if (g) bump('all (span only)', 'tp');
      if (typeOk) matchedGold.add(p.key);
      for (const gt of GUM_TYPES) if (TYPE_MAP[p.type].includes(gt)) {
        // per GUM type: a country prediction counts for the type it matched, else for neither
        if (p.type === 'country' && !(g && g.type === gt)) continue;
        bump(`gum:${gt}`, 'predicted');
        if (g && g.type === gt) bump(`gum:${gt}`, 'tp');
      }
    }
    for (const g of gold) {
      bump(`gum:${g.type}`, 'gold');
      bump('all (typed)', 'gold');
      bump('all (span only)', 'gold');
      bump('all (typed, inside gold span)', 'gold');
    }
    // Relaxed: a prediction of the right type lying inside a gold span ("Donald Trump" inside GUM's
    // "U.S. President Donald Trump") finds that gold mention; one prediction per gold mention.
    const insideMatched = new Set();
    const seen = new Set();
    for (const p of pred) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      bump('all (typed, inside gold span)', 'predicted');
      const [ps, pe] = p.key.split(':').map(Number);
      const g = gold.find((x) => !insideMatched.has(x.key) && TYPE_MAP[p.type].includes(x.type)
        && Number(x.key.split(':')[0]) <= ps && pe <= Number(x.key.split(':')[1]));
      if (g) { insideMatched.add(g.key); bump('all (typed, inside gold span)', 'tp'); }
    }
  }
  const rows = {};
  for (const [k, c] of Object.entries(counts)) rows[k] = prf(c.tp, c.predicted, c.gold);
  return { docs: docs.length, docsWithOutput: docs.length - missingDocs.length, rows, misses: missBreakdown(docs, results) };
}

/**
 * Why each GUM type's mentions are missed or wrongly predicted, counted per category: a gold
 * mention is found, typed wrong (same span), too short (a prediction lies inside it: a title or
 * modifier left out), too long, crossing, or missed; a wrong prediction lies inside a gold
 * mention, covers one, is a mention GUM has with another type or a non-PROPN head, or has none.
 */
function missBreakdown(docs, results) {
  const out = {};
  const bump = (type, cat) => { out[type] ??= {}; out[type][cat] = (out[type][cat] ?? 0) + 1; };
  const fits = (ours, gum) => TYPE_MAP[ours]?.includes(gum) ?? false;
  for (const d of docs) {
    const span = (m) => { const [s, e] = comparableSpan(d.text, m.start, m.end); return { s, e }; };
    const gold = d.mentions.filter((m) => m.head_upos === 'PROPN' && GUM_TYPES.includes(m.etype)).map((m) => ({ ...span(m), type: m.etype }));
    const any = new Map(d.mentions.map((m) => { const x = span(m); return [`${x.s}:${x.e}`, m]; }));
    const seen = new Set();
    const pred = (results.get(d.doc_id)?.mentions ?? []).filter((m) => TYPE_MAP[scoredType(m)]).map((m) => ({ ...span(m), type: scoredType(m) }))
      .filter((p) => !seen.has(`${p.s}:${p.e}`) && seen.add(`${p.s}:${p.e}`));
    for (const g of gold) {
      const same = pred.find((p) => p.s === g.s && p.e === g.e);
      const inside = pred.some((p) => p.s >= g.s && p.e <= g.e && fits(p.type, g.type));
      const covers = pred.some((p) => p.s <= g.s && p.e >= g.e && fits(p.type, g.type));
      bump(g.type, same ? (fits(same.type, g.type) ? 'found' : 'FN typed wrong') : inside ? 'FN too short' : covers ? 'FN too long'
        : pred.some((p) => p.s < g.e && p.e > g.s) ? 'FN overlapped by another type' : 'FN missed');
    }
    for (const p of pred) {
      const g = gold.find((x) => x.s === p.s && x.e === p.e);
      if (g && fits(p.type, g.type)) continue;
      const other = any.get(`${p.s}:${p.e}`);
      bump(p.type, g ? 'FP typed wrong' : gold.some((x) => p.s >= x.s && p.e <= x.e) ? 'FP inside a gold mention'
        : gold.some((x) => p.s <= x.s && p.e >= x.e) ? 'FP covers a gold mention'
          : other ? 'FP a GUM mention of another type or head' : 'FP no GUM mention');
    }
  }
  return out;
}

function printMentions(m) {
  console.log('## Mention level (GUM news/interview/speech, PROPN-headed person/organization/place, exact span, leading "the" stripped)\n');
  if (m.error || m.warning) console.log(`newsgraph extract: ${m.error ?? `warning: ${m.warning}`}\n`);
  console.log(`documents with output: ${m.docsWithOutput}/${m.docs}\n`);
  console.log('| type | gold | predicted | correct | P % | R % | F1 % |');
  console.log('|---|---|---|---|---|---|---|');
  const order = ['gum:person', 'gum:organization', 'gum:place', 'country', 'all (typed)', 'all (span only)', 'all (typed, inside gold span)'];
  for (const k of order) {
    const r = m.rows[k] ?? prf(0, 0, 0);
    const noGold = k === 'country';
    console.log(`| ${k} | ${noGold ? '—' : r.gold} | ${r.predicted} | ${r.tp} | ${pct(r.precision)} | ${noGold ? '—' : pct(r.recall)} | ${noGold ? '—' : pct(r.f1)} |`);
  }
  if (m.misses) {
    console.log('\nWhere the typed figures go (gold mentions found or missed, and why; wrong predictions, and what they hit):\n');
    const types = ['person', 'organization', 'place', 'country', 'group'];
    const cats = [...new Set(types.flatMap((t) => Object.keys(m.misses[t] ?? {})))].sort();
    console.log(`| | ${types.join(' | ')} |`);
    console.log(`|---|${types.map(() => '---').join('|')}|`);
    for (const c of cats) console.log(`| ${c} | ${types.map((t) => m.misses[t]?.[c] ?? 0).join(' | ')} |`);
  }
  if (m.rulesOnly) {
    console.log('\nThe rules alone (`createExtractor({ models: false })`, no trained NER), same scoring:\n');
    console.log('| type | predicted | correct | P % | R % | F1 % |');
    console.log('|---|---|---|---|---|---|');
    for (const k of ['gum:person', 'gum:organization', 'gum:place', 'all (typed)']) {
      const r = m.rulesOnly[k] ?? prf(0, 0, 0);
      console.log(`| ${k} | ${r.predicted} | ${r.tp} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} |`);
    }
  }
  console.log('\n`gum:organization` and `gum:place` include our `country` mentions that matched a gold mention of that type ' +
    '(GUM types a country by role), and `gum:person` our named people groups ("Americans", type other, rule people-group); ' +
    '`country` = precision of our country mentions against organization|place.\n');
  console.log('For scale (../shared/notes/extraction.md): compromise 14 `.people()/.places()/.organizations()` on a standard ' +
    'news NER test set, exact spans: PER F1 43.8, LOC 68.1, ORG 20.6 (micro 48.6), at 1/20 of wink\'s speed.\n');
}

// ---------------------------------------------------------------------------------------------
// 3. PETRARCH-2: is the (source → target) direction right?
// Each expected event counts once. It is right when one fact of ours, neither negated nor a title
// or gazetteer fact (leader_of, member_of, located_in), joins an entity carrying the source's code
// to one carrying the target's, in that direction (either way for `met`). Hypothetical facts
// count: the coder codes "will meet", "is about to restore". Codes are compared by their root
// (country or IGO: "ARNGOVFRM" → "ARN"); an entity carries the codes of the dictionary names it
// was seen as, and a person whose title names an actor ("Prime Minister of Gondor") that actor's
// GOV code. Events with an unknown end ("---", "###", "XYZ": "a senior official said") have no
// direction to get right and are counted apart. The unit tests' event codes are WEIS-derived test
// codes, so only the GSR suite also checks the relation against the CAMEO root.
// Tolkien-world names in the validation dictionary that are people, not places or groups.
const PETRARCH_PEOPLE = new Set(['ARAGORN', 'BILBO', 'FRODO', 'SAM GAMGEE', 'HAMFAST GAMGEE', 'ELFSTAN FAIRBAIRN', 'BOROMIR',
  'ROMENDACIL', 'ELROND', 'GALADRIEL', 'CALIMEHTAR', 'TELEMAR', 'GANDALF', 'SMEAGOL', 'ISILDUR', 'RADAGAST THE BROWN', 'DODERIC BRANDYBUCK']);

// Three-letter codes of the validation dictionary that are organisations, not states.
const PETRARCH_ORGANIZATIONS = new Set(['UNO', 'IMF', 'IBR', 'EEC', 'G77', 'NGO', 'NGM']);

/** Display form of a dictionary name: "GONDOR" → "Gondor"; acronyms ("U.N.", "IMF", "THE AU") keep their capitals. */
function displayName(raw) {
  const m = /^(THE )?([A-Z.]+)$/.exec(raw);
  if (m && (m[2].length <= 3 || m[2].includes('.') || m[2] === 'USSR')) return m[2];
  return titleCase(raw);
}

/** The --aliases list for `newsgraph extract`: one actor per dictionary code (people one each). */
export function aliasListFromDictionary(dict) {
  const list = [];
  for (const [code, names] of Object.entries(dict.actors)) {
    const group = [];
    for (const raw of names) {
      const name = raw.replace(/^(PRESIDENT|PRIME MINISTER|KING) /, '');
      if (PETRARCH_PEOPLE.has(raw) || name !== raw) {
        list.push({ name: titleCase(name), entityType: 'person', aliases: name !== raw ? [titleCase(raw)] : [] });
      } else group.push(displayName(raw));
    }
    if (!group.length) continue;
    const entityType = /^[A-Z]{3}$/.test(code) && !PETRARCH_ORGANIZATIONS.has(code) ? 'country' : 'organization';
    // "THE SHIRE" is written "the Shire" in running text: the name without its article is an alias too.
    const bare = group.filter((n) => /^The /.test(n)).map((n) => n.slice(4));
    list.push({ name: group[0], entityType, aliases: [...group.slice(1), ...bare] });
  }
  return list;
}

function buildCodeIndex(dict, legend, countries) {
  const byName = new Map(); // normalized name → Set of codes
  // "FRO/BIL/SAM": the dictionary gives the Shire three codes, and the unit tests expect one event per code.
  const add = (n, code) => { const k = normalize(n); if (!k) return; if (!byName.has(k)) byName.set(k, new Set()); for (const c of code.split('/')) byName.get(k).add(c); };
  for (const [code, names] of Object.entries(dict.actors)) for (const n of names) { add(n, code); add(n.replace(/^(PRESIDENT|PRIME MINISTER|KING) /, ''), code); }
  // ISO alpha-3 codes for our countries through the Phoenix legend's names
  const legendByName = new Map(Object.entries(legend.countries).map(([code, name]) => [normalize(name), code]));
  const overrides = { russia: 'RUS', germany: 'DEU', 'united-states': 'USA', 'united-kingdom': 'GBR', palestine: 'PSE', 'dr-congo': 'COD', 'republic-of-the-congo': 'COG', 'ivory-coast': 'CIV', 'north-korea': 'PRK', 'south-korea': 'KOR', iran: 'IRN', syria: 'SYR', vietnam: 'VNM', laos: 'LAO', taiwan: 'TWN', kosovo: 'XKX', vatican: 'VAT', 'czech-republic': 'CZE', 'north-macedonia': 'MKD', moldova: 'MDA', tanzania: 'TZA', bolivia: 'BOL', venezuela: 'VEN', 'east-timor': 'TLS', eswatini: 'SWZ', 'cape-verde': 'CPV', myanmar: 'MMR', micronesia: 'FSM', brunei: 'BRN', turkey: 'TUR' };
  const countryNames = [];
  for (const c of countries) {
    const names = [c.name, ...c.aliases, ...c.demonyms];
    let iso3 = overrides[c.id];
    if (!iso3) for (const n of names) { iso3 = legendByName.get(normalize(n)); if (iso3) break; }
    if (!iso3) continue;
    for (const n of [...names, ...c.capitals, ...c.seats]) add(n, iso3);
    countryNames.push([c, iso3]);
  }
  return { byName, countryNames };
}

function entityCodes(entity, index) {
  const codes = new Set();
  if (!entity) return codes;
  for (const n of [entity.label, ...(entity.aliases ?? [])]) for (const c of index.byName.get(normalize(n)) ?? []) codes.add(c);
  // a person whose role names a country ("President of Russia", "Russian President") stands for its government
  for (const role of entity.roles ?? []) {
    const words = ` ${normalize(role)} `;
    for (const [c, iso3] of index.countryNames) {
      if ([c.name, ...c.aliases, ...c.demonyms].some((n) => words.includes(` ${normalize(n)} `))) codes.add(`${iso3}GOV`);
    }
    // … and so does a role in a dictionary actor ("Prime Minister of Gondor" → GONGOV), as PETRARCH codes it
    const of = / of (.+)$/.exec(role);
    for (const c of (of ? index.byName.get(normalize(of[1])) : undefined) ?? []) codes.add(`${c}GOV`);
  }
  return codes;
}

// Facts that titles and gazetteers give are not events; they never count as a match.
const NON_EVENT_RELATIONS = new Set(['leader_of', 'member_of', 'located_in']);

/** The word of the sentence that PETRARCH's verb list for this event names ("RENEW: * DIPLOMATIC" → "renewed"). */
function triggerWord(text, event) {
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  for (const pattern of event.event_verbs ?? []) {
    const head = pattern.split(':')[0].trim().toLowerCase().replace(/_/g, ' ').split(' ')[0];
    if (!head) continue;
    const stem = head.slice(0, Math.max(4, head.length - 2));
    const w = words.find((x) => x.startsWith(stem));
    if (w) return w;
  }
  return undefined;
}

/**
 * Why an expected event was missed, from what extraction produced for its sentence:
 * an actor not recognised (entity layer), a fact in the wrong direction, a fact to another actor,
 * or no fact at all (no frame for the trigger). Used to list the structures still missed.
 */
function missCause(event, record, mentionRoots, facts, s, t) {
  const hasS = mentionRoots.has(s);
  const hasT = mentionRoots.has(t);
  if (!hasS && !hasT) return 'actor: neither actor recognised';
  if (!hasS) return 'actor: source not recognised';
  if (!hasT) return 'actor: target not recognised';
  if (facts.some((f) => f.src.has(t) && f.tgt.has(s))) return 'direction reversed';
  if (facts.some((f) => f.src.has(s) || f.tgt.has(t))) return 'fact links another actor';
  const word = triggerWord(record.text, event);
  return `no fact: ${word ? `«${word}»` : event.event_label ? `(${event.event_label})` : '(trigger not found)'}`;
}

function evalPetrarch(tmp) {
  const dir = path.join(shared, 'eval/petrarch');
  const dict = JSON.parse(readFileSync(path.join(dir, 'petrarch2_validation_actor_dictionary.json'), 'utf8'));
  const legend = JSON.parse(readFileSync(path.join(dir, 'phoenix_actor_code_legend.json'), 'utf8'));
  const countries = JSON.parse(readFileSync(path.join(repoRoot, 'src/entities/data/countries.json'), 'utf8')).countries;
  const aliasFile = path.join(tmp, 'petrarch-aliases.json');
  writeFileSync(aliasFile, JSON.stringify(aliasListFromDictionary(dict), null, 1));
  const index = buildCodeIndex(dict, legend, countries);
  const suites = {};
  for (const [name, file, cameo] of [['unittest', 'petrarch2_unittest_records.jsonl', false], ['gsr', 'petrarch2_gsr_validation.jsonl', true]]) {
    const records = readJsonl(path.join(dir, file)).filter((r) => r.text && !r.error);
    // The suites repeat some sentences under several ids; the CLI skips a repeated text, so each
    // text is sent once and its result serves every record that has it.
    // (Ids repeat too, so each text gets a synthetic id.)
    const firstIdOfText = new Map();
    const unique = [];
    for (const r of records) if (!firstIdOfText.has(r.text)) { firstIdOfText.set(r.text, `s${unique.length}`); unique.push(r); }
    const input = path.join(tmp, `petrarch-${name}.jsonl`);
    writeFileSync(input, unique.map((r) => JSON.stringify({
      id: firstIdOfText.get(r.text), text: r.text, ...(/^\d{8}$/.test(r.date ?? '') ? { date: `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}` } : {}),
    })).join('\n') + '\n');
    const run = runCli(['extract', input, '--aliases', aliasFile]);
    const byDoc = new Map(parseNdjson(run.stdout).map((r) => [r.doc, r]));
    const resultOf = (r) => byDoc.get(firstIdOfText.get(r.text));
    let events = 0; let direction = 0; let reversed = 0; let relation = 0; let noEventFacts = 0; let noEventRecords = 0;
    let unknownActor = 0;
    let factsScored = 0; let factsUnmatched = 0;
    const misses = [];
    const unmatched = [];
    for (const r of records) {
      const res = resultOf(r);
      const entities = new Map((res?.entities ?? []).map((e) => [e.id, e]));
      const roots = (id) => new Set([...entityCodes(entities.get(id) ?? { label: id }, index)].map(actorRoot));
      const mentionRoots = new Set((res?.mentions ?? []).flatMap((m) => [...roots(m.entity)]));
      // Negated facts say the act did not happen; they never count as the expected event.
      const facts = (res?.facts ?? []).filter((f) => !f.negated && f.source !== f.target && !NON_EVENT_RELATIONS.has(f.relation)).map((f) => ({
        relation: f.relation, label: `${f.source} ${f.relation} ${f.target}${f.hypothetical ? ' (hyp)' : ''}`,
        src: roots(f.source), tgt: roots(f.target),
      }));
      if (r.noevents) { noEventRecords++; noEventFacts += facts.filter((f) => f.src.size && f.tgt.size).length; continue; }
      const used = new Set();
      for (const e of r.expected) {
        if (!e.source || !e.target) continue;
        const s = actorRoot(e.source); const t = actorRoot(e.target);
        if (UNKNOWN_ROOTS.has(s) || UNKNOWN_ROOTS.has(t)) { unknownActor++; continue; }
        events++;
        const fwd = facts.filter((f) => (f.src.has(s) && f.tgt.has(t)) || (f.relation === 'met' && f.src.has(t) && f.tgt.has(s)));
        for (const f of fwd) used.add(f);
        if (fwd.length) {
          direction++;
          if (cameo && fwd.some((f) => relationsForCameo(e.event).includes(f.relation))) relation++;
        } else {
          if (facts.some((f) => f.src.has(t) && f.tgt.has(s))) reversed++;
          misses.push({
            id: r.id, category: r.category, event: `${e.source} ${e.event} ${e.target}`, cause: missCause(e, r, mentionRoots, facts, s, t),
            text: r.text, facts: facts.map((f) => f.label),
          });
        }
      }
      // Facts between two coded actors that match no expected event: a rough guard against
      // rules that fire everywhere (the gold is not exhaustive, so these are not all wrong).
      for (const f of facts) {
        if (!f.src.size || !f.tgt.size) continue;
        factsScored++;
        if (!used.has(f)) { factsUnmatched++; unmatched.push(`${r.id}: ${f.label}  «${r.text}»`); }
      }
    }
    const causes = {};
    for (const m of misses) causes[m.cause] = (causes[m.cause] ?? 0) + 1;
    suites[name] = {
      ...runProblem(run), records: records.length, recordsWithOutput: records.filter((r) => resultOf(r)).length,
      events, unknownActor, direction, reversed, directionShare: events ? direction / events : 0,
      relation: cameo ? relation : null, relationShare: cameo && events ? relation / events : null,
      noEventRecords, factsOnNoEventRecords: noEventFacts, factsScored, factsUnmatched, unmatched, causes, misses,
    };
  }
  return suites;
}

function printPetrarch(p, { misses: listMisses = false } = {}) {
  console.log('## PETRARCH-2 direction (actors compared by country/IGO root of the code)\n');
  console.log('| suite | records (with output) | expected events with two known actors (+ with an unknown one) | direction right (any relation) | relation also right | reversed | facts on no-event records | coded facts matching no event |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [name, s] of Object.entries(p)) {
    console.log(`| ${name} | ${s.records} (${s.recordsWithOutput}) | ${s.events} (+${s.unknownActor}) | ${s.direction} (${pct(s.directionShare)}%) | ` +
      `${s.relation === null ? 'n/a (WEIS test codes)' : `${s.relation} (${pct(s.relationShare)}%)`} | ${s.reversed} | ${s.factsOnNoEventRecords} on ${s.noEventRecords} | ${s.factsUnmatched}/${s.factsScored} |`);
  }
  for (const [name, s] of Object.entries(p)) if (s.error || s.warning) console.log(`\n${name}: newsgraph extract: ${s.error ?? `warning: ${s.warning}`}`);
  for (const [name, s] of Object.entries(p)) {
    console.log(`\n### ${name}: structures still missed (${s.misses.length} events; cause → count, example ids)\n`);
    const groups = new Map();
    for (const m of s.misses) {
      const group = m.cause.startsWith('no fact') ? 'no fact (no frame or pattern for the trigger)' : m.cause;
      if (!groups.has(group)) groups.set(group, []);
      groups.get(group).push(m);
    }
    for (const [group, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`- ${group}: ${list.length} (${[...new Set(list.map((m) => m.id))].slice(0, 4).join(', ')})`);
      if (!group.startsWith('no fact')) continue;
      const byTrigger = new Map();
      for (const m of list) byTrigger.set(m.cause, [...(byTrigger.get(m.cause) ?? []), m]);
      for (const [cause, ms] of [...byTrigger].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))) {
        console.log(`    - ${cause.replace(/^no fact: /, '')}: ${ms.length} (${[...new Set(ms.map((m) => m.id))].slice(0, 3).join(', ')})`);
      }
    }
    if (listMisses) {
      console.log('');
      for (const m of s.misses) console.log(`${m.id} [${m.cause}] expected ${m.event}; facts: ${m.facts.join('; ') || '—'}\n    «${m.text}»`);
      console.log(`\n${name}: coded facts that match no expected event:`);
      for (const u of s.unmatched) console.log(`  ${u}`);
    }
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// 4. The trained models alone (issue 16): UPOS, UAS/LAS and NER, each beside what the project had
// before them. The parser is scored as a user would score it: `newsgraph annotate --pretokenized`
// on the treebank's test file, compared here with the gold file (CoNLL 2018 conventions: every
// syntactic word, punctuation included, LAS on the universal part of DEPREL).
function conlluWords(text) {
  const sentences = [];
  let words = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') { if (words.length) sentences.push(words); words = []; continue; }
    if (line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (!/^\d+$/.test(cols[0])) continue; // multiword token lines and empty nodes
    words.push({ form: cols[1], upos: cols[3], head: cols[6], deprel: cols[7].split(':')[0] });
  }
  if (words.length) sentences.push(words);
  return sentences;
}

function scoreTreebank(goldFile) {
  const t0 = Date.now();
  const run = runCli(['annotate', '--pretokenized', goldFile]);
  const seconds = (Date.now() - t0) / 1000;
  if (!run.ok) return { error: run.error };
  const gold = conlluWords(readFileSync(goldFile, 'utf8'));
  const ours = conlluWords(run.stdout);
  if (gold.length !== ours.length) return { error: `${ours.length} sentences out, ${gold.length} in` };
  let words = 0, upos = 0, uas = 0, las = 0;
  gold.forEach((g, k) => {
    const o = ours[k];
    if (o.length !== g.length) throw new Error(`sentence ${k + 1}: ${o.length} words out, ${g.length} in`);
    g.forEach((w, i) => {
      words++;
      if (o[i].upos === w.upos) upos++;
      if (o[i].head === w.head) { uas++; if (o[i].deprel === w.deprel) las++; }
    });
  });
  return { words, upos: upos / words, uas: uas / words, las: las / words, seconds };
}

function evalModels() {
  const train = path.join(shared, 'train');
  const ewtTest = path.join(train, 'ud-english-ewt/en_ewt-ud-test.conllu');
  const gumTest = path.join(train, 'ud-english-gum/en_gum-ud-test.conllu');
  const out = { ewtTest: scoreTreebank(ewtTest), gumTest: scoreTreebank(gumTest) };
  const lib = (file) => require(path.join(repoRoot, 'dist', 'src', 'syntax', file));
  const quiet = () => {};
  out.wink = lib('train/wink-pos.js').measureWinkPos({ file: ewtTest, log: quiet });
  const { Parser } = lib('parser.js');
  const { evaluateParser } = lib('train/parser.js');
  const { treebank } = lib('train/treebanks.js');
  const parser = Parser.load();
  out.goldPos = { ewtTest: evaluateParser(parser, treebank(train, 'ewtTest')), gumTest: evaluateParser(parser, treebank(train, 'gumTest')) };
  out.ner = lib('train/ner.js').evaluateNerModel({ dataRoot: train });
  return out;
}

function printModels(m) {
  console.log('## Trained models (models/*.bin; `newsgraph annotate --pretokenized` on the test files, gold tokens)\n');
  const row = (name, r, g) => r.error ? `| ${name} | error: ${r.error} | | | |`
    : `| ${name} | ${(100 * r.upos).toFixed(2)} | ${(100 * r.uas).toFixed(2)} | ${(100 * r.las).toFixed(2)} | ${g.uas.toFixed(2)} / ${g.las.toFixed(2)} | ${Math.round(r.words / r.seconds).toLocaleString('en-US')} |`;
  console.log('| treebank | UPOS % | UAS % | LAS % | UAS / LAS with gold UPOS | words/s (whole process) |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('UD English EWT test', m.ewtTest, m.goldPos.ewtTest));
  console.log(row('UD English GUM test', m.gumTest, m.goldPos.gumTest));
  const w = m.wink;
  console.log(`\nBefore the models: wink-nlp's UPOS on EWT test ${w.accuracy.toFixed(1)}% of the ${w.aligned.toLocaleString('en-US')} words it tokenises as UD does (${(100 * w.aligned / w.words).toFixed(1)}%), ${w.accuracyAllWords.toFixed(1)}% of all words; no dependency parse at all. Targets: UAS ≥ 85, LAS ≥ 82 on EWT test.\n`);
  const conll = m.ner.conll2003Dev;
  if (conll) {
    console.log('NER on CoNLL-2003 dev (testa), exact span and type (targets PER ≥ 92, LOC ≥ 90, ORG ≥ 82):\n');
    console.log('| type | P % | R % | F1 % |');
    console.log('|---|---|---|---|');
    for (const t of ['PER', 'LOC', 'ORG', 'MISC']) {
      const r = conll.types[t];
      if (r) console.log(`| ${t} | ${r.precision.toFixed(1)} | ${r.recall.toFixed(1)} | ${r.f1.toFixed(1)} |`);
    }
    console.log(`| all | ${conll.overall.precision.toFixed(1)} | ${conll.overall.recall.toFixed(1)} | ${conll.overall.f1.toFixed(1)} |`);
  }
  const gum = m.ner.gum;
  if (gum) {
    const c = gum.countries;
    const f = (t) => (c[t] ? c[t].f1.toFixed(1) : '—');
    console.log(`\nThe NER alone on the GUM mentions (run-time tokens, scored as the mention level above): person ${f('person')}, organization ${f('organization')}, place ${f('place')} F1.\n`);
  }
}

// ---------------------------------------------------------------------------------------------
async function main(argv) {
  if (!existsSync(shared)) {
    console.log('eval: skipped — ../shared not found');
    return 0;
  }
  const json = argv.includes('--json');
  const onlyArg = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] ?? '' : 'graph,mentions,petrarch,models,triples,coref,steering';
  const only = new Set(onlyArg.split(','));
  const tmp = mkdtempSync(path.join(tmpdir(), 'newsgraph-eval-'));
  const out = {};
  const step = async (name, fn) => {
    if (!only.has(name)) return;
    try { out[name] = await fn(); } catch (e) { out[name] = { error: e.stack ?? String(e) }; }
  };
  try {
    await step('graph', () => evalGraphs(tmp));
    await step('mentions', () => evalMentions(tmp));
    await step('petrarch', () => evalPetrarch(tmp));
    await step('models', () => evalModels());
    await step('triples', () => evalTriples(tmp));
    await step('coref', () => evalCoref());
    await step('steering', () => evalSteering());
  } finally {
    if (!argv.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
    else console.error(`eval: kept ${tmp}`);
  }
  if (json) { console.log(JSON.stringify(out, null, 2)); return 0; }
  if (out.graph) out.graph.rows ? printGraphs(out.graph) : console.log(`graph: ${out.graph.error}\n`);
  if (out.mentions) out.mentions.rows ? printMentions(out.mentions) : console.log(`mentions: ${out.mentions.error}\n`);
  if (out.models) out.models.error ? console.log(`models: ${out.models.error}\n`) : printModels(out.models);
  if (out.petrarch) out.petrarch.error && !out.petrarch.unittest ? console.log(`petrarch: ${out.petrarch.error}\n`) : printPetrarch(out.petrarch, { misses: argv.includes('--misses') });
  if (out.triples) printTriples(out.triples, { misses: argv.includes('--misses') });
  if (out.coref) console.log(out.coref.error ? `coref: ${out.coref.error}\n` : `## Coreference (GUM news/interview pronouns whose antecedent is a named entity; scripts/eval-coref.mjs)\n\n${out.coref.text}\n`);
  if (out.steering) console.log(out.steering.error ? `steering: ${out.steering.error}\n` : `## Steering sets (our own reports with hand gold, eval/steering; sets 1–3 tuned on, set 4 was 15/51 before it was; scripts/eval-steering.mjs)\n\n${out.steering.text}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
