#!/usr/bin/env node
// Scores the extractor on the steering sets (eval/steering: short reports written for the project,
// with hand gold; see its README for what each set's figures mean). Event facts against gold.tsv;
// roles (leader_of, member_of, located_in) against roles.tsv where a set has one, each stated role
// counted once per document.
//
//   node scripts/eval-steering.mjs [--misses] [--json]
//   (NEWSGRAPH_DIST=DIR scores another build's dist/ folder; default ./dist)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { matches, readGold } from './steering-gold.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const setsDir = path.join(repoRoot, 'eval', 'steering');
const require = createRequire(path.join(repoRoot, 'package.json'));
const dist = process.env.NEWSGRAPH_DIST ? path.resolve(process.env.NEWSGRAPH_DIST) : path.join(repoRoot, 'dist');
const ROLES = new Set(['leader_of', 'member_of', 'located_in']);



function scoreSet(dir, extract) {
  const events = new Map();
  const roles = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const doc = file.replace(/\.txt$/, '');
    const result = extract({ id: doc, text: readFileSync(path.join(dir, file), 'utf8'), origin: file });
    events.set(doc, result.facts.filter((f) => !ROLES.has(f.relation)));
    // A role is a state, not an event: the same role stated twice is one fact.
    const once = new Map();
    for (const f of result.facts) if (ROLES.has(f.relation)) once.set(`${f.source} ${f.relation} ${f.target}`, once.get(`${f.source} ${f.relation} ${f.target}`) ?? f);
    roles.set(doc, [...once.values()]);
  }
  const score = scoreFacts(readGold(path.join(dir, 'gold.tsv')), events);
  const rolesFile = path.join(dir, 'roles.tsv');
  if (existsSync(rolesFile)) score.roles = scoreFacts(readGold(rolesFile), roles);
  return score;
}

/**
 * Matches gold lines to facts one to one, as many as can be (a maximum matching per document, by
 * augmenting paths in gold order: a fact that fits two lines, "X|Y accused Z" and "Y accused Z",
 * goes where it leaves the most lines found); the rest of the facts are extras.
 */
function scoreFacts(gold, facts) {
  const misses = [];
  let found = 0;
  let flagsRight = 0;
  const used = new Set();
  const byDoc = new Map();
  for (const g of gold) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), g]);
  for (const [doc, lines] of byDoc) {
    const list = facts.get(doc) ?? [];
    const fits = lines.map((g) => list.map((f, k) => (matches(g, f) ? k : -1)).filter((k) => k >= 0));
    const lineOf = new Array(list.length).fill(-1);
    const augment = (i, seen) => {
      for (const k of fits[i]) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (lineOf[k] < 0 || augment(lineOf[k], seen)) { lineOf[k] = i; return true; }
      }
      return false;
    };
    for (let i = 0; i < lines.length; i++) augment(i, new Set());
    const factOf = new Array(lines.length).fill(-1);
    lineOf.forEach((i, k) => { if (i >= 0) factOf[i] = k; });
    lines.forEach((g, i) => {
      const k = factOf[i];
      if (k < 0) { misses.push(g); return; }
      used.add(`${doc}#${k}`);
      found++;
      const f = list[k];
      if (`${f.negated ? 'NEG' : ''}${f.hypothetical ? 'HYP' : ''}` === g.flags) flagsRight++;
    });
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
  const withRoles = Object.entries(out).filter(([, r]) => r.roles);
  if (withRoles.length > 0) {
    console.log('\n| set | gold roles | found (recall) | our roles | not in the gold (to read) |');
    console.log('|---|---|---|---|---|');
    for (const [name, { roles: r }] of withRoles) {
      console.log(`| ${name} | ${r.gold} | ${r.found} (${(100 * r.found / r.gold).toFixed(1)}%) | ${r.facts} | ${r.extras.length} |`);
    }
  }
  if (argv.includes('--misses')) {
    for (const [name, r] of Object.entries(out)) {
      console.log(`\n### ${name}`);
      for (const g of r.misses) console.log(`- missed ${g.doc}: ${g.sources.join('|')} ${g.relations.join('|')} ${g.targets.join('|')} ${g.flags}`);
      for (const f of r.extras) console.log(`- extra ${f.doc}: ${f.source} ${f.relation} ${f.target}${f.negated ? ' NEG' : ''}${f.hypothetical ? ' HYP' : ''} — ${JSON.stringify(f.sentence.slice(0, 140))}`);
      for (const g of r.roles?.misses ?? []) console.log(`- missed role ${g.doc}: ${g.sources.join('|')} ${g.relations.join('|')} ${g.targets.join('|')}`);
      for (const f of r.roles?.extras ?? []) console.log(`- extra role ${f.doc}: ${f.source} ${f.relation} ${f.target} — ${JSON.stringify(f.sentence.slice(0, 140))}`);
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
