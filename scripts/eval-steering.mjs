#!/usr/bin/env node
// Scores the extractor on the steering sets (eval/steering: short reports written for the project,
// with hand gold; see its README for what each set's figures mean). Event facts only.
//
//   node scripts/eval-steering.mjs [--misses] [--json]
//   (NEWSGRAPH_DIST=DIR scores another build's dist/ folder; default ./dist)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const setsDir = path.join(repoRoot, 'eval', 'steering');
const require = createRequire(path.join(repoRoot, 'package.json'));
const dist = process.env.NEWSGRAPH_DIST ? path.resolve(process.env.NEWSGRAPH_DIST) : path.join(repoRoot, 'dist');
const ROLES = new Set(['leader_of', 'member_of', 'located_in']);

/** One gold line: doc, source alternatives, relation alternatives, target alternatives, flags. */
function readGold(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const [doc, s, r, t, flags = ''] = l.split('\t');
    return { doc, sources: s.split('|'), relations: r.split('|'), targets: t.split('|'), flags: flags.trim() };
  });
}

function matches(g, f) {
  if (!g.relations.includes(f.relation)) return false;
  if (g.sources.includes(f.source) && g.targets.includes(f.target)) return true;
  return f.relation === 'met' && g.sources.includes(f.target) && g.targets.includes(f.source);
}

function scoreSet(dir, extract) {
  const gold = readGold(path.join(dir, 'gold.tsv'));
  const facts = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = file.replace(/\.txt$/, '');
    const result = extract({ id: doc, text: readFileSync(path.join(dir, file), 'utf8'), origin: file });
    facts.set(doc, result.facts.filter((f) => !ROLES.has(f.relation)));
  }
  const used = new Set();
  const misses = [];
  let found = 0;
  let flagsRight = 0;
  for (const g of gold) {
    const list = facts.get(g.doc) ?? [];
    const i = list.findIndex((f, k) => !used.has(`${g.doc}#${k}`) && matches(g, f));
    if (i < 0) { misses.push(g); continue; }
    used.add(`${g.doc}#${i}`);
    found++;
    const f = list[i];
    if (`${f.negated ? 'NEG' : ''}${f.hypothetical ? 'HYP' : ''}` === g.flags) flagsRight++;
  }
  const extras = [];
  for (const [doc, list] of facts) list.forEach((f, k) => { if (!used.has(`${doc}#${k}`)) extras.push({ doc, ...f }); });
  const total = [...facts.values()].reduce((n, l) => n + l.length, 0);
  return { gold: gold.length, found, flagsRight, facts: total, extras, misses };
}

function main(argv) {
  if (!existsSync(path.join(dist, 'src', 'pipeline.js'))) {
    console.log('eval-steering: skipped — dist/ not built (npm run build)');
    return 0;
  }
  const { createExtractor } = require(path.join(dist, 'src', 'pipeline.js'));
  const extract = createExtractor();
  const sets = readdirSync(setsDir).filter((d) => existsSync(path.join(setsDir, d, 'gold.tsv'))).sort();
  const out = Object.fromEntries(sets.map((s) => [s, scoreSet(path.join(setsDir, s), extract)]));
  if (argv.includes('--json')) { console.log(JSON.stringify(out, null, 2)); return 0; }
  console.log('| set | gold facts | found (recall) | modality also right | our event facts | not in the gold (to read) |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(out)) {
    console.log(`| ${name} | ${r.gold} | ${r.found} (${(100 * r.found / r.gold).toFixed(1)}%) | ${r.flagsRight} | ${r.facts} | ${r.extras.length} |`);
  }
  if (argv.includes('--misses')) {
    for (const [name, r] of Object.entries(out)) {
      console.log(`\n### ${name}`);
      for (const g of r.misses) console.log(`- missed ${g.doc}: ${g.sources.join('|')} ${g.relations.join('|')} ${g.targets.join('|')} ${g.flags}`);
      for (const f of r.extras) console.log(`- extra ${f.doc}: ${f.source} ${f.relation} ${f.target}${f.negated ? ' NEG' : ''}${f.hypothetical ? ' HYP' : ''} — ${JSON.stringify(f.sentence.slice(0, 140))}`);
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
