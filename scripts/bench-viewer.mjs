#!/usr/bin/env node
// The viewer against bare sigma 4, on the same graph, in headless chromium (software WebGL).
//
//   node scripts/bench-viewer.mjs [--nodes 10000] [--edges 50000] [--runs 5] [--seed 1] [--json]
//   node scripts/bench-viewer.mjs --graph /tmp/bbc-out/graph.json [--runs 3]   (a real graph: the BBC corpus's)
//   --save FILE writes the graph benched (the synthetic one) to FILE, to look at it in the viewer.
//
// Figures, each the median over the runs:
// - first view: milliseconds from navigation start until the first view is on screen. Viewer: the
//   `newsgraph:first-view` mark (filters, search, panels wired, the first view framed, then two
//   animation frames, so that the frame drawing it is done). Bare sigma (graphology import + `new
//   Sigma(graph, container)` with default settings but screen-pixel sizes): two animation frames
//   after its constructor, which draws the first frame. The ratio viewer / bare is this figure's.
// - filter click: a relation checkbox toggled (the first three in turn, so that each click changes
//   what is drawn), milliseconds from the click to the second animation frame after it (sigma has
//   drawn the filtered graph); median of FILTER_CLICKS clicks per run.
// - a redraw: the camera moved a hair, two animation frames; median of FRAMES, what any frame
//   costs on each page.
// The phases (fetch + JSON.parse, graph building, sigma constructor) are printed for both pages.
//
// Each page is loaded --runs times, alternating, each load in a fresh browser so that neither
// inherits the other's caches, from one local HTTP server. Not a test: the figures are printed
// against the targets, nothing is asserted. On a busy machine they swing by 2× from run to run: the
// load average is printed with them. Needs chromium (CHROMIUM=/path overrides) and `npm run build`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const NODES = arg('--nodes', 10000);
const EDGES = arg('--edges', 50000);
const RUNS = arg('--runs', 5);
const SEED = arg('--seed', 1);
const JSON_OUT = process.argv.includes('--json');
const graphIndex = process.argv.indexOf('--graph');
const GRAPH_FILE = graphIndex >= 0 ? process.argv[graphIndex + 1] : undefined;
const FILTER_CLICKS = 7;
const FRAMES = 5;
const saveIndex = process.argv.indexOf('--save');
const SAVE_FILE = saveIndex >= 0 ? process.argv[saveIndex + 1] : undefined;
/** Targets: viewer first view / bare sigma's, first view, filter click (issue 18, point 5). */
const TARGET = 1.2;
const TARGET_VIEW_MS = 2000;
const TARGET_CLICK_MS = 200;
const VIEWPORT = { width: 1400, height: 900 };

const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  process.stderr.write(`bench-viewer: skipped: ${executablePath} not found (apt-get install chromium, or set CHROMIUM)\n`);
  process.exit(0);
}
for (const [name, value] of [['--nodes', NODES], ['--edges', EDGES], ['--runs', RUNS]]) {
  if (!Number.isSafeInteger(value) || value < 1) {
    process.stderr.write(`bench-viewer: ${name} must be a positive integer\n`);
    process.exit(2);
  }
}

// ---------------------------------------------------------------------------------------------
// The synthetic graph: communities placed on a disc, most edges inside a community, a few hubs.

// mulberry32, seeded: the layout's own generator (`npm run build` first).
const { seededRandom: random } = require(path.join(root, 'dist/src/layout/random.js'));

const TYPES = [['person', 0.45, '#4e79a7'], ['country', 0.1, '#f28e2b'], ['organization', 0.25, '#b07aa1'], ['place', 0.1, '#76b7b2'], ['other', 0.1, '#bab0ac']];
// Relation, share of edges, CAMEO code, Goldstein score.
const RELATIONS = [
  ['met', 0.2, '040', 1], ['urged', 0.1, '020', 3], ['proposed', 0.06, '030', 1.5], ['promised', 0.04, '050', 3.5],
  ['accepted', 0.04, '080', 5], ['rejected', 0.05, '120', -4], ['supported', 0.08, '050', 3.5], ['accused', 0.08, '112', -2],
  ['warned', 0.06, '130', -4.4], ['informed', 0.05, '010', 0], ['aided', 0.04, '070', 7], ['attacked', 0.05, '190', -10],
  ['sanctioned', 0.03, '163', -8], ['leader_of', 0.05, '', 0], ['member_of', 0.05, '', 0], ['located_in', 0.02, '', 0],
];
const WORDS = ['officials', 'talks', 'ceasefire', 'border', 'sanctions', 'aid', 'troops', 'summit', 'deal', 'statement', 'minister', 'envoy', 'agreement', 'pressure', 'region'];

function pick(rand, table) {
  let r = rand() * table.reduce((s, row) => s + row[1], 0);
  for (const row of table) {
    r -= row[1];
    if (r <= 0) return row;
  }
  return table[table.length - 1];
}

function day(offset) {
  return new Date(Date.UTC(2025, 0, 1) + offset * 86400000).toISOString().slice(0, 10);
}

function hex(rgb) {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const grey = [158, 158, 158];
  const end = t < 0 ? [215, 48, 39] : [26, 152, 80];
  const a = Math.abs(t);
  return hex(grey.map((v, i) => v + (end[i] - v) * a));
}

function syntheticGraph(nodeCount, edgeCount, seed) {
  const rand = random(seed);
  const communities = Math.max(1, Math.round(Math.sqrt(nodeCount) / 2));
  const centres = Array.from({ length: communities }, (_, c) => {
    const angle = rand() * 2 * Math.PI;
    const radius = Math.sqrt(rand()) * Math.sqrt(nodeCount) * 8;
    return { x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, members: [], c };
  });
  const documents = Math.max(1, Math.round(edgeCount / 20));
  const sources = Array.from({ length: documents }, (_, i) => ({
    id: `doc-${i}.txt`,
    title: `Synthetic report ${i}`,
    date: day(Math.floor(rand() * 365)),
    url: `https://example.org/news/${i}`,
  }));
  const nodes = [];
  const degree = new Array(nodeCount).fill(0);
  for (let i = 0; i < nodeCount; i++) {
    const centre = centres[Math.floor(rand() * communities)];
    const [entityType, , color] = pick(rand, TYPES);
    const spread = 6 + Math.sqrt(nodeCount / communities) * 3;
    const label = `Actor ${i.toString(36).toUpperCase()}`;
    nodes.push({
      key: `actor-${i}`,
      attributes: {
        label,
        aliases: rand() < 0.3 ? [`A. ${i.toString(36)}`, `the ${WORDS[i % WORDS.length]} ${i}`] : [],
        entityType,
        roles: entityType === 'person' && rand() < 0.4 ? [`Minister of ${WORDS[i % WORDS.length]}`] : [],
        mentions: 1 + Math.floor(-Math.log(1 - rand()) * 8),
        documents: 1 + Math.floor(rand() * 5),
        community: centre.c,
        x: Math.round((centre.x + (rand() + rand() + rand() - 1.5) * spread) * 100) / 100,
        y: Math.round((centre.y + (rand() + rand() + rand() - 1.5) * spread) * 100) / 100,
        size: 4,
        color,
      },
    });
    centre.members.push(i);
  }
  const edges = [];
  const seen = new Set();
  let guard = 0;
  while (edges.length < edgeCount && guard++ < edgeCount * 20) {
    const s = Math.floor(rand() * nodeCount);
    // Hubs: a quarter of the targets come from the first 1% of nodes.
    let t;
    if (rand() < 0.25) t = Math.floor(rand() * Math.max(1, nodeCount / 100));
    else if (rand() < 0.8) {
      const members = centres[nodes[s].attributes.community].members;
      t = members[Math.floor(rand() * members.length)];
    } else t = Math.floor(rand() * nodeCount);
    if (s === t) continue;
    const [relation, , cameo, goldstein] = pick(rand, RELATIONS);
    const negated = rand() < 0.04;
    const hypothetical = !negated && rand() < 0.06;
    const key = `actor-${s}|${relation}|actor-${t}${negated ? '|negated' : ''}${hypothetical ? '|hypothetical' : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const count = 1 + Math.floor(-Math.log(1 - rand()) * 0.8);
    const evidence = [];
    for (let k = 0; k < count; k++) {
      const doc = sources[Math.floor(rand() * documents)];
      const sentence = `${nodes[s].attributes.label} ${relation.replace('_', ' ')} ${nodes[t].attributes.label} over the ${WORDS[Math.floor(rand() * WORDS.length)]} on ${doc.date}.`;
      const start = Math.floor(rand() * 4000);
      evidence.push({ doc: doc.id, sentence, start, end: start + sentence.length, trigger: relation, rule: `bench:${relation}`, date: doc.date });
    }
    const dates = evidence.map((e) => e.date).sort();
    degree[s]++;
    degree[t]++;
    edges.push({
      key,
      source: `actor-${s}`,
      target: `actor-${t}`,
      attributes: {
        relation, label: relation, negated, hypothetical, count, weight: count, evidence,
        firstSeen: dates[0], lastSeen: dates[dates.length - 1], cameo, goldstein,
        color: goldsteinColor(goldstein), size: Math.min(8, 1 + Math.log2(count)),
      },
    });
  }
  for (let i = 0; i < nodeCount; i++) nodes[i].attributes.size = Math.min(24, Math.round((4 + 2 * Math.sqrt(degree[i])) * 100) / 100);
  return {
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    attributes: { generator: 'newsgraph bench-viewer', version: '0', documentCount: documents, sources },
    nodes,
    edges,
  };
}

// ---------------------------------------------------------------------------------------------
// Pages and server.

const BARE_ENTRY = `
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
// Records the afterRender event itself, to check it is the instant the constructor returns.
class Timed extends Sigma {
  emit(type, ...args) {
    if (type === 'afterRender' && performance.getEntriesByName('bare:afterRender').length === 0) performance.mark('bare:afterRender');
    return super.emit(type, ...args);
  }
}
fetch('graph.json').then((r) => r.json()).then((data) => {
  performance.mark('bare:loaded');
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.import(data);
  performance.mark('bare:graph');
  // Default settings but screen-pixel sizes, as the viewer uses (graph units give huge nodes).
  window.__sigma = new Timed(graph, document.getElementById('graph'), { settings: { itemSizesReference: 'screen' } });
  performance.mark('bare:first-render');
  // On screen once that frame is drawn: measured as the viewer's first view is.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('bare:first-view')));
});
`;
const BARE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare sigma 4</title><link rel="icon" href="data:,">
<style>html, body { margin: 0; height: 100%; } #graph { width: 100%; height: 100%; }</style>
<script src="bare.js" defer></script></head><body><div id="graph"></div></body></html>
`;

const TYPES_BY_EXT = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES_BY_EXT[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function measure(chromium, url, marks, clicks = 0) {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('crash', () => problems.push('the page crashed'));
    await page.goto(url);
    const last = marks[marks.length - 1];
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, last, { timeout: 300000, polling: 50 });
    if (problems.length > 0) throw new Error(`${url}: the page reported errors: ${problems.join('; ')}`);
    const times = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN), marks);
    const clickMs = [];
    for (let i = 0; i < clicks; i++) {
      // Alternate the relation kinds switched, so that each click changes what is drawn.
      clickMs.push(
        await page.evaluate(async (n) => {
          const boxes = [...document.querySelectorAll('input[name=relation]')];
          const box = boxes[n % Math.max(1, Math.min(3, boxes.length))];
          if (!box) return NaN;
          const t = performance.now();
          box.click();
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - t;
        }, i),
      );
    }
    // A frame with nothing but the camera moved a hair: what any redraw costs on this page.
    const frameMs = [];
    for (let i = 0; i < FRAMES; i++) {
      frameMs.push(
        await page.evaluate(async () => {
          const sigma = window.__sigma ?? window.__newsgraph?.renderer;
          if (!sigma) return NaN;
          const camera = sigma.getCamera();
          const t = performance.now();
          camera.setState({ x: camera.getState().x + 1e-4 });
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return performance.now() - t;
        }),
      );
    }
    return [...times, clickMs, frameMs];
  } finally {
    await browser.close();
  }
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// ---------------------------------------------------------------------------------------------

const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-viewer-'));
let server;
try {
  const t0 = Date.now();
  const graph = GRAPH_FILE === undefined ? syntheticGraph(NODES, EDGES, SEED) : JSON.parse(readFileSync(GRAPH_FILE, 'utf8'));
  const json = JSON.stringify(graph);
  if (SAVE_FILE !== undefined) writeFileSync(SAVE_FILE, json);
  for (const dir of ['viewer', 'bare']) {
    mkdirSync(path.join(tmp, dir));
    writeFileSync(path.join(tmp, dir, 'graph.json'), json);
  }
  execFileSync(process.execPath, [path.join(root, 'scripts/build-viewer.mjs'), '--outdir', path.join(tmp, 'viewer')], { stdio: 'pipe' });
  await build({
    stdin: { contents: BARE_ENTRY, resolveDir: root, loader: 'js' },
    outfile: path.join(tmp, 'bare/bare.js'),
    bundle: true, format: 'iife', platform: 'browser', target: ['es2020'], minify: true,
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning',
  });
  writeFileSync(path.join(tmp, 'bare/index.html'), BARE_HTML);
  const bytes = (name) => readFileSync(path.join(tmp, name)).length;
  server = await serve(tmp);
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = require('playwright-core');
  const sigmaVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/sigma/package.json'), 'utf8')).version;
  if (!JSON_OUT) {
    process.stdout.write(
      `graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(json.length / 1048576).toFixed(1)} MiB (seed ${SEED}); ` +
        `bundles: viewer ${Math.round(bytes('viewer/app.js') / 1024)} KiB, bare ${Math.round(bytes('bare/bare.js') / 1024)} KiB; ` +
        `set-up ${Date.now() - t0} ms\nsigma ${sigmaVersion}, ${executablePath}, ${VIEWPORT.width}×${VIEWPORT.height}, ${RUNS} runs each, fresh browser per run; ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at start\n`,
    );
  }

  // Each run: milliseconds from navigation start to each mark. Phases: fetch and JSON.parse
  // (loaded), graphology graph (graph), sigma constructor (sigma: bare sigma draws its first frame
  // in it, the viewer's starts empty and is given the first view's nodes after), the viewer's
  // search, filters and panels wired (ready), first view on screen (view).
  const runs = { bare: [], viewer: [] };
  for (let run = 0; run < RUNS; run++) {
    // Alternate which page goes first, so that machine noise falls on both alike.
    const order = run % 2 === 0 ? ['bare', 'viewer'] : ['viewer', 'bare'];
    for (const which of order) {
      let m;
      if (which === 'bare') {
        const [loaded, built, render, constructed, view, , frameMs] = await measure(chromium, `${base}/bare/`, ['bare:loaded', 'bare:graph', 'bare:afterRender', 'bare:first-render', 'bare:first-view']);
        if (Math.abs(constructed - render) > 50) throw new Error(`afterRender (${render} ms) is not the end of the constructor (${constructed} ms)`);
        m = { loaded, graph: built, sigma: constructed, view, frame: median(frameMs) };
      } else {
        const marks = ['newsgraph:loaded', 'newsgraph:graph', 'newsgraph:renderer', 'newsgraph:ready', 'newsgraph:first-view'];
        // ?test exposes the renderer to the frame measure; it changes nothing else.
        const [loaded, built, sigma, ready, view, clickMs, frameMs] = await measure(chromium, `${base}/viewer/?test`, marks, FILTER_CLICKS);
        m = { loaded, graph: built, sigma, ready, view, click: median(clickMs), frame: median(frameMs), clicks: clickMs };
      }
      runs[which].push(m);
      if (!JSON_OUT) {
        const shown = Object.entries(m).filter(([k]) => k !== 'clicks').map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
        const clicks = m.clicks === undefined ? '' : ` (clicks ${m.clicks.map((v) => v.toFixed(0)).join(' ')})`;
        process.stdout.write(`  run ${run + 1} ${which.padEnd(6)} ${shown} ms${clicks}\n`);
      }
    }
  }
  const med = (list, f) => Math.round(median(list.map(f)));
  const phases = (list) => ({
    fetchParse: med(list, (m) => m.loaded), buildGraph: med(list, (m) => m.graph - m.loaded), sigma: med(list, (m) => m.sigma - m.graph),
    wiring: list[0]?.ready === undefined ? null : med(list, (m) => m.ready - m.sigma), firstView: med(list, (m) => m.view),
  });
  const bareMs = median(runs.bare.map((m) => m.view));
  const viewerMs = median(runs.viewer.map((m) => m.view));
  const ratio = viewerMs / bareMs;
  const clickMs = median(runs.viewer.map((m) => m.click));
  const range = (values) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
  const result = {
    nodes: graph.nodes.length, edges: graph.edges.length, seed: SEED, runs: RUNS, sigma: sigmaVersion,
    bareFirstViewMs: Math.round(bareMs), viewerFirstViewMs: Math.round(viewerMs),
    filterClickMs: Math.round(clickMs), filterClickRunMedians: runs.viewer.map((m) => Math.round(m.click)),
    frameMs: { bare: Math.round(median(runs.bare.map((m) => m.frame))), viewer: Math.round(median(runs.viewer.map((m) => m.frame))) },
    graph: GRAPH_FILE ?? 'synthetic',
    ratio: Math.round(ratio * 100) / 100, target: TARGET, targetViewMs: TARGET_VIEW_MS, targetClickMs: TARGET_CLICK_MS,
    loadAverage: Math.round(os.loadavg()[0] * 10) / 10,
    phases: { bare: phases(runs.bare), viewer: phases(runs.viewer) },
  };
  if (JSON_OUT) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    const cell = (v) => String(v ?? '–').padStart(13);
    const row = (name, p) => `  ${name.padEnd(12)}${[p.fetchParse, p.buildGraph, p.sigma, p.wiring, p.firstView].map(cell).join('')}\n`;
    const verdict = (ok) => (ok ? 'met' : 'NOT met');
    process.stdout.write(
      `medians (ms)    fetch+parse  build graph   sigma ctor       wiring   first view\n${row('bare sigma', result.phases.bare)}${row('viewer', result.phases.viewer)}` +
        `first view (median of ${RUNS}): viewer ${result.viewerFirstViewMs} ms (target ≤ ${TARGET_VIEW_MS}: ${verdict(viewerMs <= TARGET_VIEW_MS)}; runs ${range(runs.viewer.map((m) => m.view))}), ` +
        `bare sigma ${result.bareFirstViewMs} ms → ${result.ratio}× (target ≤ ${TARGET}×: ${verdict(ratio <= TARGET)})\n` +
        `filter click (median of ${RUNS} runs × ${FILTER_CLICKS} clicks): ${result.filterClickMs} ms (target ≤ ${TARGET_CLICK_MS}: ${verdict(clickMs <= TARGET_CLICK_MS)}; run medians ${range(runs.viewer.map((m) => m.click))})\n` +
        `a redraw (camera nudge): bare sigma ${result.frameMs.bare} ms, viewer ${result.frameMs.viewer} ms; load average ${result.loadAverage} at end\n`,
    );
  }
} finally {
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
}
