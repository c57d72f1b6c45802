#!/usr/bin/env node
// Throughput on the BBC corpus (../shared/bench/bbc-news, research use only: read, never copied).
//
//   node scripts/bench.mjs [--runs 3] [--limit N] [--json]
//
// Each row is a pass over every text: one warm-up, then the median of --runs timed passes.
// Rows: the wink-nlp baseline (readDoc + POS of every token, as in ../shared/notes/extraction.md)
// and newsgraph extraction (createExtractor from dist/, i.e. after `npm run build`).
// To add a row, push { name, setup?, run(doc) } to PASSES.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.resolve(repoRoot, '../shared/bench/bbc-news/bbc_news_2225.jsonl');
const require = createRequire(path.join(repoRoot, 'package.json'));

function arg(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

function loadCorpus(limit) {
  const docs = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return (limit ? docs.slice(0, limit) : docs).map((d) => ({
    id: d.id, text: d.text, title: d.title, origin: `bbc_news_2225.jsonl:${d.id}`,
  }));
}

/** The passes to time. `setup` runs once before the warm-up and returns the per-document function. */
const PASSES = [
  {
    name: 'wink-nlp + wink-eng-lite-web-model: readDoc + POS of every token',
    baseline: true,
    setup() {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      return (doc) => nlp.readDoc(doc.text).tokens().out(its.pos).length;
    },
  },
  {
    name: 'newsgraph extraction: createExtractor({})(doc)',
    setup() {
      const pipeline = path.join(repoRoot, 'dist/src/pipeline.js');
      if (!existsSync(pipeline)) throw new Error('dist/src/pipeline.js not found: run `npm run build` first');
      const { createExtractor } = require(pipeline);
      const extract = createExtractor({});
      return (doc) => extract(doc).facts.length;
    },
  },
];

function timePass(fn, docs) {
  let sink = 0;
  const t0 = performance.now();
  for (const d of docs) sink += Number(fn(d)) || 0;
  const ms = performance.now() - t0;
  return { ms, sink };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function main(argv) {
  if (!existsSync(corpusFile)) {
    console.log('bench: skipped — ../shared/bench/bbc-news not found (the BBC corpus stays outside the project)');
    return 0;
  }
  const runs = Math.max(1, Number(arg(argv, '--runs', '3')) || 3);
  const limit = Number(arg(argv, '--limit', '0')) || 0;
  const docs = loadCorpus(limit);
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
  const rows = [];
  for (const pass of PASSES) {
    const row = { name: pass.name, runs };
    try {
      const fn = pass.setup();
      timePass(fn, docs); // warm-up
      const times = [];
      for (let i = 0; i < runs; i++) times.push(timePass(fn, docs).ms);
      row.seconds = median(times) / 1000;
      row.mbPerSecond = bytes / 1e6 / row.seconds;
      row.docsPerSecond = docs.length / row.seconds;
      row.baseline = Boolean(pass.baseline);
    } catch (e) {
      row.error = e.message;
    }
    rows.push(row);
  }
  const base = rows.find((r) => r.baseline && !r.error);
  for (const r of rows) if (base && !r.error) r.ratioToBaseline = r.mbPerSecond / base.mbPerSecond;
  const result = { corpus: { docs: docs.length, megabytes: bytes / 1e6, file: 'bbc_news_2225.jsonl' }, node: process.version, rows };
  if (argv.includes('--json')) { console.log(JSON.stringify(result, null, 2)); return 0; }
  console.log(`BBC corpus: ${docs.length} docs, ${(bytes / 1e6).toFixed(2)} MB; median of ${runs} after a warm-up; node ${process.version}\n`);
  console.log('| pass | MB/s | docs/s | × baseline |');
  console.log('|---|---|---|---|');
  for (const r of rows) {
    if (r.error) { console.log(`| ${r.name} | error: ${r.error} | | |`); continue; }
    console.log(`| ${r.name} | ${r.mbPerSecond.toFixed(2)} | ${Math.round(r.docsPerSecond).toLocaleString('en-US')} | ${r.ratioToBaseline === undefined ? '—' : r.ratioToBaseline.toFixed(2)} |`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
