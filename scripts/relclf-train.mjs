#!/usr/bin/env node
// Experiment (issue 17): trains the relation classifier (averaged perceptron, src/learn) on the
// cached candidates of scripts/relclf-candidates.mjs and measures what it adds to the rules' facts
// as the steering scorer counts (one-to-one matching of gold lines to facts per document). Per
// sentence and pair of entities, the best relation over both orders is kept when its margin over
// NONE passes the threshold and the rules do not already have that triple in the document.
//
//   node scripts/relclf-train.mjs CANDS.jsonl [--train 1-21] [--test 22-24] [--epochs 8] [--seed 17]
//     [--threshold 0,2,4]   margins to try (one table row each)
//     [--show TH]           print every fact added at threshold TH (GOLD: matched a gold line)
//     [--filter named,short,verb]  only ends that are names / paths of ≤ 3 arcs / a verb as LCA
//     [--mil] [--bag1]      multi-instance labels: a gold line labels only the best of the
//                           candidates that fit it (--bag1: only lines fitting one sentence)
//     [--min-count N] [--drop prefix,…] [--only prefix,…]   feature selection
//     [--weights]           the strongest features of each relation against NONE
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { matches, readGold } from './steering-gold.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const dist = path.join(repoRoot, 'dist', 'src');
const { AveragedPerceptron, FeatureBuffer, feature1, hashString } = require(path.join(dist, 'learn', 'index.js'));
const { seededRandom, shuffleInPlace } = require(path.join(dist, 'random.js'));

const RELS = ['met', 'urged', 'proposed', 'promised', 'accepted', 'rejected', 'supported', 'accused', 'warned', 'informed', 'aided', 'attacked', 'sanctioned'];
const CLASSES = ['NONE', ...RELS];
const ATTACKED = CLASSES.indexOf('attacked');

function arg(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
}
function range(spec) {
  const out = new Set();
  for (const part of spec.split(',')) {
    const [lo, hi = lo] = part.split('-').map(Number);
    for (let n = lo; n <= hi; n++) out.add(`set${n}`);
  }
  return out;
}

/** The scorer's matching: gold order, one to one; which facts were used. */
function score(gold, facts) {
  const used = new Set();
  const foundLines = new Set();
  let found = 0;
  for (const [gi, g] of gold.entries()) {
    const list = facts.get(g.doc) ?? [];
    const i = list.findIndex((f, k) => !used.has(`${g.doc}#${k}`) && matches(g, f));
    if (i < 0) continue;
    used.add(`${g.doc}#${i}`);
    foundLines.add(gi);
    found++;
  }
  return { found, used, foundLines };
}

function main(argv) {
  const file = argv[0];
  const trainSets = range(arg(argv, '--train', '1-21'));
  const testSets = range(arg(argv, '--test', '22-24'));
  const epochs = Number(arg(argv, '--epochs', '8'));
  const seed = Number(arg(argv, '--seed', '17'));
  const thresholds = arg(argv, '--threshold', '0,1,2,3,4,6,8,10').split(',').map(Number);
  const drop = (arg(argv, '--drop', '') || '').split(',').filter(Boolean);
  const only = (arg(argv, '--only', '') || '').split(',').filter(Boolean);
  const show = argv.includes('--show') ? Number(arg(argv, '--show', '0')) : undefined;
  const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  // --min-count N: a feature string seen in fewer than N training candidates is left out
  const minCount = Number(arg(argv, '--min-count', '1'));
  const counts = new Map();
  for (const l of lines) if (l.kind === 'cand' && trainSets.has(l.set)) for (const f of new Set(l.f)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const keep = (f) => (counts.get(f) ?? 0) >= minCount && !drop.some((p) => f.startsWith(p)) && (only.length === 0 || only.some((p) => f.startsWith(p)));
  const cands = lines.filter((l) => l.kind === 'cand').map((c) => {
    const buf = new FeatureBuffer(64);
    buf.push(feature1(0, 1)); // bias
    for (const f of c.f) if (keep(f)) buf.push(feature1(0, hashString(f)));
    return { ...c, buf, gold: c.labels.map((r) => CLASSES.indexOf(r)) };
  });
  const rulesFacts = new Map(lines.filter((l) => l.kind === 'facts').map((l) => [`${l.set}/${l.doc}`, l.facts]));

  const train = cands.filter((c) => trainSets.has(c.set));
  // Multi-instance labels (--mil): a gold line is stated in one sentence, so of the candidates
  // that fit it only the one the model scores highest takes its label; the others are not
  // trained. Lines the rules already find are left out (the sentence saying them is not a candidate).
  const mil = argv.includes('--mil');
  const bags = [];
  if (mil) {
    const setsDirT = path.join(repoRoot, 'eval', 'steering');
    for (const set of trainSets) {
      const gold = readGold(path.join(setsDirT, set, 'gold.tsv'));
      const byDoc = new Map();
      for (const c of train) if (c.set === set) { if (!byDoc.has(c.doc)) byDoc.set(c.doc, []); byDoc.get(c.doc).push(c); }
      const rules = new Map();
      for (const [k, v] of rulesFacts) if (k.startsWith(`${set}/`)) rules.set(k.split('/')[1], v);
      const found = score(gold, rules).foundLines;
      gold.forEach((g, gi) => {
        if (g.noted || found.has(gi)) return;
        const members = (byDoc.get(g.doc) ?? []).filter((c) => g.relations.some((r) => (g.sources.includes(c.a.entity) && g.targets.includes(c.b.entity)) || (r === 'met' && g.sources.includes(c.b.entity) && g.targets.includes(c.a.entity))));
        const rels = g.relations.map((r) => CLASSES.indexOf(r));
        if (members.length && (!argv.includes('--bag1') || new Set(members.map((c) => c.sentence)).size === 1)) bags.push({ members, rels });
      });
    }
    const inBag = new Set(bags.flatMap((b) => b.members));
    for (const c of train) c.gold = inBag.has(c) ? undefined : c.gold.length ? undefined : [];
    // (a candidate with a distant label from a noted line or a line the rules find is not trained)
  }
  const p = new AveragedPerceptron(CLASSES.length);
  const random = seededRandom(seed);
  const order = train.slice();
  const scores = new Float64Array(CLASSES.length);
  const valid = (c, k) => k === 0 || c.b.type !== 'place' || k === ATTACKED;
  for (let e = 0; e < epochs; e++) {
    if (mil) {
      for (const c of train) if (c.bagLabels) c.gold = undefined;
      for (const c of train) c.bagLabels = undefined;
      const m = e === 0 ? undefined : p;
      for (const b of bags) {
        let top = b.members[0];
        let topScore = -Infinity;
        for (const c of b.members) {
          if (!m) { topScore = 0; break; }
          m.score(c.buf, scores);
          const v = Math.max(...b.rels.map((r) => scores[r]));
          if (v > topScore) { topScore = v; top = c; }
        }
        if (!m) { for (const c of b.members) { c.bagLabels = [...(c.bagLabels ?? []), ...b.rels]; } continue; }
        top.bagLabels = [...(top.bagLabels ?? []), ...b.rels];
      }
      for (const c of train) if (c.bagLabels) c.gold = c.bagLabels;
    }
    shuffleInPlace(order, random);
    for (const c of order) {
      if (c.gold === undefined) continue;
      p.score(c.buf, scores);
      let guess = 0;
      for (let k = 1; k < CLASSES.length; k++) if (valid(c, k) && scores[k] > scores[guess]) guess = k;
      const truths = c.gold.length ? c.gold : [0];
      if (!truths.includes(guess)) {
        let truth = truths[0];
        for (const t of truths) if (scores[t] > scores[truth]) truth = t;
        p.update(c.buf, truth, guess);
      }
      p.tick();
    }
  }
  const model = p.freeze();

  // Predictions on the test sets: per sentence and pair of entities, the best relation over both orders.
  // --filter: only candidates whose ends are names (not pronouns or descriptions) and/or whose path is short
  const filters = (arg(argv, '--filter', '') || '').split(',').filter(Boolean);
  const c0 = (f) => /^via_[ab]=(name|lexicon|seat|capital)$/.test(f);
  const passes = (c) => (!filters.includes('named') || c.f.filter(c0).length === 2) && (!filters.includes('short') || c.f.some((f) => /^plen=[1-3]$/.test(f))) && (!filters.includes('verb') || c.f.includes('lcapos=VERB'));
  const test = cands.filter((c) => testSets.has(c.set) && passes(c));
  const predicted = test.map((c) => {
    const s = new Float64Array(CLASSES.length);
    model.score(c.buf, s);
    let best = 1;
    for (let k = 1; k < CLASSES.length; k++) if (valid(c, k) && (s[k] > s[best] || !valid(c, best))) best = k;
    return { c, rel: CLASSES[best], margin: s[best] - s[0] };
  });
  // candidate-level figures on distant labels
  const labelled = predicted.filter((x) => x.c.labels.length);
  process.stdout.write(`train ${train.length} cands (${train.filter((c) => c.labels.length).length} labelled), test ${test.length} (${labelled.length} labelled); ${model.rows} features\n`);

  const setsDir = path.join(repoRoot, 'eval', 'steering');
  const gold = [];
  for (const set of [...testSets]) for (const g of readGold(path.join(setsDir, set, 'gold.tsv'))) gold.push({ ...g, doc: `${set}/${g.doc}` });
  const base = new Map();
  for (const [k, v] of rulesFacts) if (testSets.has(k.split('/')[0])) base.set(k, v);
  const before = score(gold, base).found;
  process.stdout.write(`rules: ${before}/${gold.length} (${(100 * before / gold.length).toFixed(1)}%), ${[...base.values()].reduce((n, l) => n + l.length, 0)} facts\n`);
  process.stdout.write('| threshold | learned facts | gold gained | extras | precision on gold | recall after |\n|---|---|---|---|---|---|\n');
  for (const th of thresholds) {
    const added = learnedFacts(predicted, th, base);
    const facts = new Map([...base].map(([k, v]) => [k, [...v]]));
    for (const f of added) facts.get(f.doc).push(f);
    const after = score(gold, facts);
    const extras = added.filter((f) => !after.used.has(`${f.doc}#${facts.get(f.doc).indexOf(f)}`));
    const gained = after.found - before;
    process.stdout.write(`| ${th} | ${added.length} | ${gained} | ${extras.length} | ${added.length ? (100 * (added.length - extras.length) / added.length).toFixed(1) : '-'}% | ${(100 * after.found / gold.length).toFixed(1)}% |\n`);
    if (show === th) {
      for (const f of added) {
        const ok = !extras.includes(f);
        process.stdout.write(`${ok ? 'GOLD ' : 'EXTRA'} ${f.doc} ${f.source} ${f.relation} ${f.target}${f.negated ? ' NEG' : ''}${f.hypothetical ? ' HYP' : ''} m=${f.margin.toFixed(1)} [${f.a} → ${f.b}] ${JSON.stringify(f.sentence)}\n`);
      }
    }
  }
  if (argv.includes('--weights')) {
    // the strongest features of each relation against NONE (hashes mapped back to their strings)
    const names = new Map();
    for (const c of train) for (const f of c.f) names.set(feature1(0, hashString(f)) >>> 0, f);
    const w = model.weights;
    for (let k = 1; k < CLASSES.length; k++) {
      const rows = [];
      for (let r = 0; r < w.keys.length; r++) {
        let v = 0;
        for (let e = w.offsets[r]; e < w.offsets[r + 1]; e++) {
          if (w.classOf[e] === k) v += w.quantised[e] * w.scale;
          if (w.classOf[e] === 0) v -= w.quantised[e] * w.scale;
        }
        if (v > 0) rows.push([names.get(w.keys[r]) ?? '?', v]);
      }
      rows.sort((x, y) => y[1] - x[1]);
      process.stdout.write(`${CLASSES[k]}: ${rows.slice(0, 8).map(([n, v]) => `${n} ${v.toFixed(1)}`).join(', ')}\n`);
    }
  }
}

function learnedFacts(predicted, threshold, base) {
  const best = new Map();
  for (const x of predicted) {
    if (x.margin <= threshold) continue;
    const key = `${x.c.set}/${x.c.doc}#${x.c.sentence}#${[x.c.a.entity, x.c.b.entity].sort().join(' ')}`;
    const had = best.get(key);
    if (!had || x.margin > had.margin) best.set(key, x);
  }
  const out = [];
  const seen = new Set();
  for (const x of [...best.values()].sort((u, v) => v.margin - u.margin)) {
    const doc = `${x.c.set}/${x.c.doc}`;
    const [s, t] = x.rel === 'met' ? [x.c.a.entity, x.c.b.entity].sort() : [x.c.a.entity, x.c.b.entity];
    const triple = `${doc} ${s} ${x.rel} ${t}`;
    if (seen.has(triple)) continue;
    if ((base.get(doc) ?? []).some((f) => f.relation === x.rel && ((f.source === s && f.target === t) || (x.rel === 'met' && f.source === t && f.target === s)))) continue;
    seen.add(triple);
    out.push({ doc, source: x.c.a.entity, relation: x.rel, target: x.c.b.entity, margin: x.margin, negated: x.c.negated, hypothetical: x.c.hypothetical, sentence: x.c.text, a: x.c.a.words, b: x.c.b.words });
  }
  return out;
}

main(process.argv.slice(2));
