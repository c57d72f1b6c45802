#!/usr/bin/env node
// Throughput and scale on the BBC corpus (../shared/bench/bbc-news, research use only: read, never
// copied). A script, not a test: it prints figures, it asserts nothing. `npm run bench` builds first.
//
//   node scripts/bench.mjs [--runs 3] [--processes 3] [--limit N] [--scale 10] [--skip-whole] [--skip-scale] [--skip-throughput] [--skip-hostile] [--json]
//
// --limit N uses the first N articles only (a quick check of the script, not a figure to quote).
//
// 0. Whole process, as a user waits for it: `newsgraph extract bbc_news_2225.jsonl --jobs 1 > /dev/null`
//    and the same with --jobs 2, timed from spawn to exit (start-up, model loading, reading, output
//    and GC included), beside wink-nlp's readDoc + POS pass over the same texts (timed inside its
//    own process, model already loaded). --runs rounds, the three interleaved; medians, and the
//    ratios of the fastest runs (the least disturbed on a shared machine); with /usr/bin/time, the
//    CPU time (user + system) and peak RSS of each whole process too. Also the load of the
//    three trained models in a fresh process (tagger, NER, parser).
// 1. Throughput, median of --runs timed passes after a warm-up, the passes interleaved so that load
//    from other processes hits them alike; all of that in each of --processes fresh processes, and
//    the medians over those. One process is not enough: how fast a thread extracts, once warm,
//    differs by up to ±20% from one process to the next with the same code (V8 compiles the hot
//    functions in the background, and what it ends up with varies), so one process measures one
//    draw of each thread:
//      - wink-nlp's own readDoc + POS of every token (the baseline, as in ../shared/notes/extraction.md)
//      - newsgraph extraction in this thread (createExtractor → the `newsgraph extract` line)
//      - newsgraph extraction with --jobs = os.availableParallelism(), as `build` and `extract` run it
//        (Extraction: that many worker threads)
//    Each thread that extracts gets the same warm-up, one pass over the corpus: V8 compiles the
//    extraction code again in every worker (seconds of CPU each, on background threads, and slower
//    code until it is done), so the --jobs pass warms up once per thread. With a single warm-up
//    pass each worker had seen only its share of the corpus, and its compiling spilled into the
//    timed passes: a cost a long build pays once per worker, not per document.
// 2. Scale, each build in a child process (its peak RSS includes the worker threads):
//      - `build` of the corpus (1×) and of --scale copies of it (10×: ids and texts changed so that no
//        copy is a duplicate), time, peak RSS and the time of each phase (layout, graph files)
//      - peak RSS extrapolated to 100,000 articles from the 1× → 10× slope
//      - GEXF written for the 1× graph and for a synthetic 10k-node / 50k-edge graph
//      - `build --update` with one new article into the 1× store, against the full 1× build; then
//        one article after another added as `newsgraph watch` adds them (one BuildSession, so the
//        model and the folded graph stay loaded): the first of them untimed (it loads what the
//        session keeps), each of the others timed, with the median, fastest and slowest
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { hostileBench, printHostile } from './bench-hostile.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.resolve(repoRoot, '../shared/bench/bbc-news/bbc_news_2225.jsonl');
const require = createRequire(path.join(repoRoot, 'package.json'));
const dist = (file) => {
  const full = path.join(repoRoot, 'dist', 'src', file);
  if (!existsSync(full)) throw new Error(`${full} not found: run \`npm run build\` first`);
  return require(full);
};

function arg(argv, name, fallback) {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

function loadCorpus(limit) {
  const docs = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  return (limit ? docs.slice(0, limit) : docs).map((d) => ({ id: d.id, text: d.text, title: d.title, origin: `bbc_news_2225.jsonl:${d.id}` }));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const mb = (bytes) => bytes / 1e6;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

// ---- 1. throughput ---------------------------------------------------------------------------------

/** The passes; `setup` returns the per-corpus function (async allowed) and an optional close. */
const PASSES = [
  {
    key: 'wink',
    name: 'wink-nlp readDoc + POS of every token (baseline)',
    setup() {
      const winkNLP = require('wink-nlp');
      const nlp = winkNLP(require('wink-eng-lite-web-model'));
      return { run: (docs) => { for (const d of docs) nlp.readDoc(d.text).tokens().out(nlp.its.pos); } };
    },
  },
  {
    key: 'single',
    name: 'newsgraph extraction, one thread',
    setup() {
      const { createExtractor, documentLine } = dist('pipeline.js');
      const extract = createExtractor({});
      return { run: (docs) => { for (const d of docs) documentLine(extract(d), d); } };
    },
  },
  {
    key: 'workers',
    name: `newsgraph extraction, --jobs ${os.availableParallelism()} (worker threads)`,
    setup() {
      // What `build`/`extract --jobs N` run: the Extraction of src/pipeline.ts, kept across passes.
      const { Extraction } = dist('pipeline.js');
      const { orderedMap } = dist('workers/pool.js');
      const jobs = os.availableParallelism();
      const extraction = new Extraction(jobs, []);
      return {
        warmups: jobs,
        run: async (docs) => { for await (const line of orderedMap(docs, (d) => extraction.line(d), extraction.readAhead)) void line; },
        close: () => extraction.close(),
      };
    },
  },
];

async function throughput(docs, runs) {
  const bytes = docs.reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
  const passes = [];
  for (const pass of PASSES) {
    const p = { ...pass, times: [], cpu: [] };
    try {
      p.impl = pass.setup();
      // warm-up (and the workers load their model): one pass per thread that extracts
      for (let w = 0; w < (p.impl.warmups ?? 1); w++) await p.impl.run(docs);
    } catch (e) {
      p.error = e.message;
    }
    passes.push(p);
  }
  for (let r = 0; r < runs; r++) {
    for (const p of passes) {
      if (p.error) continue;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await p.impl.run(docs);
      p.times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      p.cpu.push((c.user + c.system) / 1000);
    }
  }
  for (const p of passes) await p.impl?.close?.();
  const rows = Object.fromEntries(passes.map((p) => [p.key, p.error ? { name: p.name, error: p.error } : {
    name: p.name, seconds: median(p.times) / 1000, mbPerSecond: mb(bytes) / (median(p.times) / 1000), docsPerSecond: docs.length / (median(p.times) / 1000),
    // CPU time of the whole process (all threads) per pass, and the cores it actually got (CPU / wall):
    // on a shared machine a pass can only go as fast as the share of the CPUs it is given.
    cpuSeconds: median(p.cpu) / 1000, coresUsed: median(p.cpu.map((c, i) => c / p.times[i])),
  }]));
  const ratio = (a, b) => (rows[a]?.mbPerSecond && rows[b]?.mbPerSecond ? rows[a].mbPerSecond / rows[b].mbPerSecond : undefined);
  return { docs: docs.length, megabytes: mb(bytes), runs, rows, ratios: { singleToWink: ratio('single', 'wink'), workersToSingle: ratio('workers', 'single'), workersToWink: ratio('workers', 'wink') } };
}

/** The medians, field by field, of the throughput measured in several processes; ratios are medians of each process's own. */
function combine(results) {
  const [first] = results;
  const rows = Object.fromEntries(Object.entries(first.rows).map(([key, row]) => {
    const all = results.map((r) => r.rows[key]).filter((r) => r && !r.error);
    if (all.length === 0) return [key, row];
    const m = (field) => median(all.map((r) => r[field]));
    return [key, { name: row.name, seconds: m('seconds'), mbPerSecond: m('mbPerSecond'), docsPerSecond: m('docsPerSecond'), cpuSeconds: m('cpuSeconds'), coresUsed: m('coresUsed') }];
  }));
  const ratios = Object.fromEntries(Object.keys(first.ratios).map((k) => [k, median(results.map((r) => r.ratios[k]).filter((x) => x !== undefined))]));
  return { ...first, rows, ratios, processes: results.length, perProcess: results.map((r) => r.ratios) };
}

// ---- 0. whole process ---------------------------------------------------------------------------------

const TIME = '/usr/bin/time';

/**
 * Runs node with args; wall ms, and the CPU ms (user + system, all threads) and peak RSS (MB) of
 * the whole process when /usr/bin/time is there: on a shared machine the wall clock says as much
 * about the other jobs as about ours, CPU time much less.
 */
function timedSpawn(args) {
  const timed = existsSync(TIME);
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ['-f', 'cpu %U %S rss %M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const cpu = /cpu ([\d.]+) ([\d.]+) rss (\d+)\s*$/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, rssMb: cpu ? Number(cpu[3]) / 1024 : NaN };
}

async function wholeProcess(limit, runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-whole-'));
  try {
    const input = limit ? path.join(dir, 'corpus.jsonl') : corpusFile;
    if (limit) await writeCopies(input, 1, limit);
    const bytes = loadCorpus(limit).reduce((a, d) => a + Buffer.byteLength(d.text, 'utf8'), 0);
    const cli = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
    const times = { wink: [], jobs1: [], jobs2: [], annotate: [], load: [] };
    const cpu = { wink: [], jobs1: [], jobs2: [], annotate: [] };
    const rss = { jobs1: [], jobs2: [], annotate: [] };
    const spawned = (key, args) => {
      const t = timedSpawn(args);
      times[key].push(t.ms);
      cpu[key].push(t.cpuMs);
      rss[key].push(t.rssMb);
    };
    for (let r = 0; r < runs; r++) {
      times.load.push(child({ kind: 'load' }).ms);
      const wink = child({ kind: 'wink', limit });
      times.wink.push(wink.ms);
      cpu.wink.push(wink.cpuMs);
      spawned('jobs1', [cli, 'extract', input, '--jobs', '1', '-q']);
      spawned('jobs2', [cli, 'extract', input, '--jobs', '2', '-q']);
      spawned('annotate', [cli, 'annotate', input, '-q']);
    }
    const cpuMedian = Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, median(v)]));
    const rssMedian = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, median(v)]));
    const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    // the fastest run of each as well: on a shared machine the minimum is the least disturbed
    const min = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.min(...v)]));
    return {
      megabytes: mb(bytes), runs, ms: m, min, all: times, cpu: cpuMedian, rssMb: rssMedian,
      // CPU time: wink's pass (its loop, in its process) against the whole extract process, start-up included
      cpuRatios: { jobs1ToWink: cpuMedian.wink / cpuMedian.jobs1, annotateToWink: cpuMedian.wink / cpuMedian.annotate },
      ratios: { jobs1ToWink: m.wink / m.jobs1, jobs2ToWink: m.wink / m.jobs2, jobs2ToJobs1: m.jobs1 / m.jobs2, annotateToWink: m.wink / m.annotate },
      minRatios: { jobs1ToWink: min.wink / min.jobs1, jobs2ToJobs1: min.jobs1 / min.jobs2 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printWholeProcess(w) {
  const s = (k) => `${secs(w.ms[k])} (${w.all[k].map((x) => (x / 1000).toFixed(1)).join(', ')})`;
  console.log(`\nWhole process, as a user waits for it (median of ${w.runs} interleaved runs; ${w.megabytes.toFixed(2)} MB):\n`);
  console.log('| what | time (each run) | MB/s |');
  console.log('|---|---|---|');
  console.log(`| wink-nlp readDoc + POS pass (in its process, model loaded) | ${s('wink')} | ${(w.megabytes / (w.ms.wink / 1000)).toFixed(2)} |`);
  console.log(`| \`newsgraph extract FILE --jobs 1 > /dev/null\` | ${s('jobs1')} | ${(w.megabytes / (w.ms.jobs1 / 1000)).toFixed(2)} |`);
  console.log(`| \`newsgraph extract FILE --jobs 2 > /dev/null\` | ${s('jobs2')} | ${(w.megabytes / (w.ms.jobs2 / 1000)).toFixed(2)} |`);
  console.log(`| \`newsgraph annotate FILE > /dev/null\` (tagger, parser and NER on every sentence, one thread) | ${s('annotate')} | ${(w.megabytes / (w.ms.annotate / 1000)).toFixed(2)} |`);
  console.log(`\nRatios: extract --jobs 1 / wink = ${f2(w.ratios.jobs1ToWink)} (floor 0.2, aim 0.3); --jobs 2 / wink = ${f2(w.ratios.jobs2ToWink)}; --jobs 2 vs --jobs 1 = ${f2(w.ratios.jobs2ToJobs1)}× (target ≥ 1.6); annotate / wink = ${f2(w.ratios.annotateToWink)}`);
  console.log(`Fastest runs: extract --jobs 1 / wink = ${f2(w.minRatios.jobs1ToWink)}; --jobs 2 vs --jobs 1 = ${f2(w.minRatios.jobs2ToJobs1)}×`);
  if (!Number.isNaN(w.cpu.jobs1)) {
    console.log(`CPU seconds (medians; all threads, start-up included): wink ${secs(w.cpu.wink)}, extract --jobs 1 ${secs(w.cpu.jobs1)}, --jobs 2 ${secs(w.cpu.jobs2)}, annotate ${secs(w.cpu.annotate)}; extract --jobs 1 / wink by CPU = ${f2(w.cpuRatios.jobs1ToWink)} (steadier than the wall clock on a shared machine; the wall-clock target stands)`);
    console.log(`Peak RSS (medians, all threads): extract --jobs 1 ${Math.round(w.rssMb.jobs1)} MB, --jobs 2 ${Math.round(w.rssMb.jobs2)} MB, annotate ${Math.round(w.rssMb.annotate)} MB`);
  }
  console.log(`Model load (tagger + NER + parser, in a fresh process, as extraction's first use loads them): ${ms(w.ms.load)} median, ${ms(w.min.load)} fastest (target ≤ 400 ms)`);
}

// ---- 2. scale (child processes) ----------------------------------------------------------------------

/** The corpus `copies` times as JSONL; copy k > 0 gets new ids and a changed text (else it would be a duplicate). */
async function writeCopies(file, copies, limit) {
  const all = readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const lines = limit ? all.slice(0, limit) : all;
  const out = createWriteStream(file);
  for (let k = 0; k < copies; k++) {
    for (const d of lines) {
      const line = k === 0 ? { id: d.id, title: d.title, text: d.text } : { id: `${d.id}-copy${k}`, title: d.title, text: `${d.text}\n\n(Copy ${k}.)` };
      if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

function child(task) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify(task)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`child ${task.kind} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

async function runChild(task) {
  if (task.kind === 'wink') {
    const winkNLP = require('wink-nlp');
    const nlp = winkNLP(require('wink-eng-lite-web-model'));
    const docs = loadCorpus(task.limit);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const d of docs) nlp.readDoc(d.text).tokens().out(nlp.its.pos);
    const c = process.cpuUsage(c0);
    return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  }
  if (task.kind === 'load') {
    const { syntaxModels } = dist('syntax/index.js');
    const models = syntaxModels();
    const t1 = performance.now();
    void models.tagger;
    void models.ner;
    void models.parser;
    return { ms: performance.now() - t1 };
  }
  const t0 = performance.now();
  if (task.kind === 'throughput') return throughput(loadCorpus(task.limit), task.runs);
  if (task.kind === 'build') {
    const { build } = dist('pipeline.js');
    const { exportGraph } = dist('export/index.js');
    const summary = await build([task.input], { out: task.out, update: task.update === true }, { onWarning: () => undefined });
    const ms = performance.now() - t0;
    const g0 = performance.now();
    await exportGraph(summary.graph, 'gexf', path.join(task.out, 'bench.gexf'));
    const gexfMs = performance.now() - g0;
    return { ms, timings: summary.timings, outcomes: summary.outcomes, documents: summary.documents, nodes: summary.graph.order, edges: summary.graph.size, gexfMs, maxRssMB: process.resourceUsage().maxRSS / 1024 };
  }
  if (task.kind === 'gexf-synthetic') {
    const { MultiDirectedGraph } = require('graphology');
    const { exportGraph } = dist('export/index.js');
    const graph = new MultiDirectedGraph();
    graph.replaceAttributes({ generator: 'newsgraph', version: 'bench', documentCount: 1, sources: [{ id: 'd' }] });
    const types = ['person', 'country', 'organization', 'place'];
    for (let i = 0; i < task.nodes; i++) {
      graph.addNode(`n${i}`, { label: `Node ${i}`, aliases: [`N${i}`], entityType: types[i % 4], roles: [], mentions: 1 + (i % 7), documents: 1, community: i % 50, x: (i % 100) * 3.5, y: Math.floor(i / 100) * 2.25, size: 4, color: '#4e79a7' });
    }
    const relations = ['met', 'urged', 'accused', 'supported', 'warned'];
    for (let e = 0; e < task.edges; e++) {
      const s = e % task.nodes;
      const t = (e * 7919 + 1) % task.nodes;
      const relation = relations[e % relations.length];
      const key = `n${s}|${relation}|n${t}|${e}`;
      graph.addDirectedEdgeWithKey(key, `n${s}`, `n${t}`, {
        relation, label: relation, negated: false, hypothetical: false, count: 1, weight: 1, cameo: '040', goldstein: 1, color: '#999999', size: 1,
        evidence: [{ doc: 'd', sentence: `Node ${s} ${relation} node ${t} on Tuesday, officials said.`, start: 0, end: 50, trigger: relation, rule: 'bench' }],
      });
    }
    const g0 = performance.now();
    await exportGraph(graph, 'gexf', task.out);
    return { gexfMs: performance.now() - g0, nodes: graph.order, edges: graph.size };
  }
  if (task.kind === 'resident-update') {
    // What `newsgraph watch` pays per article once it is running: one session, one article per run.
    const { BuildSession } = dist('pipeline.js');
    const session = new BuildSession({ out: task.out });
    const runs = [];
    try {
      for (const [i, input] of task.inputs.entries()) {
        const t1 = performance.now();
        const summary = await session.run([input], { update: true }, { onWarning: () => undefined });
        if (i > 0) runs.push({ ms: performance.now() - t1, timings: summary.timings, relaidOut: summary.layout.components - summary.layout.cached });
      }
    } finally {
      await session.close();
    }
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    return { runs, median: sorted[Math.floor(sorted.length / 2)], fastest: sorted[0], slowest: sorted[sorted.length - 1] };
  }
  throw new Error(`unknown child task ${task.kind}`);
}

/** Articles added one by one in the resident (`watch`) measurement; the first is not timed. */
const RESIDENT_ARTICLES = 10;

async function scale(factor, limit) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-'));
  try {
    const single = path.join(work, 'bbc-x1.jsonl');
    await writeCopies(single, 1, limit);
    const tenfold = path.join(work, `bbc-x${factor}.jsonl`);
    await writeCopies(tenfold, factor, limit);
    const one = child({ kind: 'build', input: single, out: path.join(work, 'x1') });
    const many = child({ kind: 'build', input: tenfold, out: path.join(work, `x${factor}`) });
    // One new article: the first BBC text with a new id and a new last line, added to the 1× store.
    const first = JSON.parse(readFileSync(corpusFile, 'utf8').split('\n')[0]);
    const article = path.join(work, 'new-article.jsonl');
    await writeLines(article, [{ id: 'bench-new-article', title: first.title, text: `${first.text}\n\nThe talks continue next week.` }]);
    const update = child({ kind: 'build', input: article, out: path.join(work, 'x1'), update: true });
    // Articles for the resident updates: BBC texts from across the corpus (every 200th from the
    // second on), changed alike, each with an id of its own.
    const texts = readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean);
    const more = Array.from({ length: RESIDENT_ARTICLES }, (_, i) => JSON.parse(texts[(1 + 200 * i) % texts.length]))
      .map((a, i) => ({ id: `bench-new-article-${i + 2}`, title: a.title, text: `${a.text}\n\nThe talks continue next week.` }));
    const articles = await Promise.all(more.map(async (a, i) => {
      const file = path.join(work, `new-article-${i + 2}.jsonl`);
      await writeLines(file, [a]);
      return file;
    }));
    const resident = child({ kind: 'resident-update', inputs: articles, out: path.join(work, 'x1') });
    const synthetic = child({ kind: 'gexf-synthetic', nodes: 10000, edges: 50000, out: path.join(work, 'synthetic.gexf') });
    const slope = (many.maxRssMB - one.maxRssMB) / (many.documents - one.documents);
    return { factor, one, many, update, resident, synthetic, rss100kMB: one.maxRssMB + slope * (100000 - one.documents), timeRatio: many.ms / one.ms, updateRatio: update.ms / one.ms };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function writeLines(file, objects) {
  const out = createWriteStream(file);
  for (const o of objects) out.write(`${JSON.stringify(o)}\n`);
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

// ---- report ------------------------------------------------------------------------------------------

const f2 = (x) => (x === undefined ? '—' : x.toFixed(2));
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const ms = (t) => `${Math.round(t)} ms`;

function printThroughput(t, result) {
  const where = t.processes ? `, then the median over ${t.processes} fresh processes` : ', in one process';
  console.log(`\nThroughput (median of ${t.runs} interleaved passes after a warm-up of one pass per extracting thread${where}):\n`);
  console.log('| pass | MB/s | docs/s | CPU s per pass (all threads) | cores used (CPU / wall) |');
  console.log('|---|---|---|---|---|');
  for (const r of Object.values(t.rows)) {
    console.log(r.error ? `| ${r.name} | error: ${r.error} | | | |` : `| ${r.name} | ${r.mbPerSecond.toFixed(2)} | ${Math.round(r.docsPerSecond).toLocaleString('en-US')} | ${r.cpuSeconds.toFixed(1)} | ${r.coresUsed.toFixed(2)} |`);
  }
  console.log(`\nRatios: one thread / wink = ${f2(t.ratios.singleToWink)} (target ≥ 0.5); --jobs ${result.cpus} / one thread = ${f2(t.ratios.workersToSingle)} (target ≥ 1.7 on 2 cores); --jobs ${result.cpus} / wink = ${f2(t.ratios.workersToWink)}`);
  if (t.perProcess) console.log(`Per process, --jobs ${result.cpus} / one thread: ${t.perProcess.map((r) => f2(r.workersToSingle)).join(', ')}; one thread / wink: ${t.perProcess.map((r) => f2(r.singleToWink)).join(', ')}`);
}

function print(result) {
  const t = result.throughput;
  console.log(`BBC corpus${t ? `: ${t.docs} docs, ${t.megabytes.toFixed(2)} MB` : ''}; node ${result.node}; ${result.cpus} CPUs; load average ${result.loadBefore} before, ${result.loadAfter} after`);
  if (result.whole) printWholeProcess(result.whole);
  if (t) printThroughput(t, result);
  const s = result.scale;
  if (!s) return;
  const row = (name, b) => `| ${name} | ${b.documents.toLocaleString('en-US')} | ${secs(b.ms)} | ${Math.round(b.maxRssMB)} MB | ${b.nodes.toLocaleString('en-US')} / ${b.edges.toLocaleString('en-US')} | ${secs(b.timings.extract)} | ${secs(b.timings.layout)} | ${secs(b.timings.write)} | ${secs(b.gexfMs)} |`;
  console.log(`\nBuilds (\`build\`, default --jobs, each in a fresh process; peak RSS includes the worker threads):\n`);
  console.log('| build | documents | time | peak RSS | nodes / edges | read + extract + store | layout | graph.json + graph.gexf | graph.gexf alone |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(row('1× corpus', s.one));
  console.log(row(`${s.factor}× corpus`, s.many));
  console.log(row('--update, 1 new article into the 1× store', s.update));
  console.log(`\n${s.factor}× / 1× time: ${f2(s.timeRatio)} (target ≤ ${s.factor + 1}). Peak RSS at 100,000 articles, EXTRAPOLATED linearly from the 1× → ${s.factor}× slope: ${Math.round(s.rss100kMB)} MB (target < 1,500 MB).`);
  console.log(`--update with one article: ${secs(s.update.ms)} = ${(100 * s.updateRatio).toFixed(1)}% of the full 1× build (target ≤ 5%).`);
  const r = s.resident;
  const pct = (run) => `${(100 * run.ms / s.one.ms).toFixed(1)}%`;
  const phases = (run) => `extract ${ms(run.timings.extract)}, graph ${ms(run.timings.graph)}, layout ${ms(run.timings.layout)}, write ${ms(run.timings.write)}`;
  console.log(`One new article as \`newsgraph watch\` adds it (resident process, ${r.runs.length} articles one after another, each timed): median ${ms(r.median.ms)} = ${pct(r.median)} of the full 1× build (target ≤ 5%); fastest ${ms(r.fastest.ms)} = ${pct(r.fastest)}, slowest ${ms(r.slowest.ms)} = ${pct(r.slowest)}.`);
  console.log(`  per article: ${r.runs.map((run) => `${pct(run)}${run.relaidOut > 0 ? '*' : ''}`).join(', ')} (* = a component ForceAtlas2 laid out again); median article: ${phases(r.median)}.`);
  console.log(`GEXF of a synthetic ${s.synthetic.nodes.toLocaleString('en-US')}-node / ${s.synthetic.edges.toLocaleString('en-US')}-edge graph: ${secs(s.synthetic.gexfMs)} (target ≤ 1 s).`);
}

async function main(argv) {
  if (argv[0] === '--child') {
    console.log(JSON.stringify(await runChild(JSON.parse(argv[1]))));
    return 0;
  }
  if (!existsSync(corpusFile)) {
    console.log('bench: skipped — ../shared/bench/bbc-news not found (the BBC corpus stays outside the project)');
    return 0;
  }
  const runs = Math.max(1, Number(arg(argv, '--runs', '3')) || 3);
  const limit = Number(arg(argv, '--limit', '0')) || 0;
  const factor = Math.max(2, Number(arg(argv, '--scale', '10')) || 10);
  const result = { node: process.version, cpus: os.availableParallelism(), loadBefore: load(), date: new Date().toISOString() };
  const processes = Math.max(1, Number(arg(argv, '--processes', '3')) || 3);
  if (!argv.includes('--skip-whole')) result.whole = await wholeProcess(limit, runs);
  if (!argv.includes('--skip-throughput')) {
    result.throughput = processes === 1
      ? await throughput(loadCorpus(limit), runs)
      : combine(Array.from({ length: processes }, () => child({ kind: 'throughput', runs, limit })));
  }
  if (!argv.includes('--skip-scale')) result.scale = await scale(factor, limit);
  // Issue 20: hostile and huge inputs, each a whole `build` process (scripts/bench-hostile.mjs).
  if (!argv.includes('--skip-hostile')) result.hostile = hostileBench();
  result.loadAfter = load();
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    print(result);
    if (result.hostile) printHostile(result.hostile);
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => { console.error(`bench: ${e.stack ?? e}`); process.exitCode = 1; });
