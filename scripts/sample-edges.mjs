#!/usr/bin/env node
// Draws a seeded random sample of a graph's edges for judging by hand: builds (or reads) a graph of
// the BBC corpus, prints the share of nodes without any edge and the edge count by relation, and
// writes the sample as a Markdown table (source, relation, target, modality, trigger, the evidence
// sentence, an empty verdict column). Same graph and seed → same sample, byte for byte.
//
//   node scripts/sample-edges.mjs [--graph FILE | --dir DIR] [--input FILE] [-n 100] [--seed 1] [--md FILE]
//     --graph FILE  read this graph.json (no build)
//     --dir DIR     build into DIR (reads DIR/graph.json if it is there already; --rebuild forces a build)
//     --input FILE  what to build (default ../shared/bench/bbc-news/bbc_news_2225.jsonl)
//     --md FILE     write the table there (default: print it after the summary)
//     --no-text     cite the evidence as doc:start-end only (for a table that is committed: the BBC
//                   texts are the BBC's copyright and stay out of the project)
//
// An edge is one (source, relation, target, negated, hypothetical) with all its evidence; the table
// shows its first evidence (graph.json's order: document, then offset) and how many more it has.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = process.env.NEWSGRAPH_BIN ? path.resolve(process.env.NEWSGRAPH_BIN) : path.join(repoRoot, 'bin', 'newsgraph');
const defaultInput = path.resolve(repoRoot, '../shared/bench/bbc-news/bbc_news_2225.jsonl');

function arg(argv, names, fallback) {
  for (const n of names) { const i = argv.indexOf(n); if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1]; }
  return fallback;
}

/** 32-bit string hash (FNV-1a), so that any --seed text gives a PRNG state. */
function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
  return h;
}

/** mulberry32: small, deterministic, good enough to draw a sample. */
export function prng(seed) {
  let a = hashSeed(String(seed));
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n items drawn without replacement (partial Fisher–Yates over the items sorted by key). */
export function sampleEdges(edges, n, seed) {
  const pool = [...edges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const next = prng(seed);
  const k = Math.min(n, pool.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** Text safe inside a Markdown table cell. */
export function cell(text) {
  return String(text ?? '').replace(/\s+/g, ' ').trim().replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
    .replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*').replace(/_/g, '\\_').replace(/`/g, '\\`');
}

/** Share of nodes without any edge, and edges by relation (sorted by count, then name). */
export function graphSummary(graph) {
  const degree = new Map(graph.nodes.map((n) => [n.key, 0]));
  for (const e of graph.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const isolatedByType = {};
  const nodesByType = {};
  for (const n of graph.nodes) {
    const t = n.attributes?.entityType ?? '?';
    nodesByType[t] = (nodesByType[t] ?? 0) + 1;
    if (!degree.get(n.key)) isolatedByType[t] = (isolatedByType[t] ?? 0) + 1;
  }
  const isolated = Object.values(isolatedByType).reduce((a, b) => a + b, 0);
  const byRelation = {};
  const facts = {};
  for (const e of graph.edges) {
    const r = e.attributes.relation;
    byRelation[r] = (byRelation[r] ?? 0) + 1;
    facts[r] = (facts[r] ?? 0) + (e.attributes.count ?? e.attributes.evidence?.length ?? 0);
  }
  const relations = Object.keys(byRelation).sort((a, b) => byRelation[b] - byRelation[a] || (a < b ? -1 : 1))
    .map((r) => ({ relation: r, edges: byRelation[r], facts: facts[r] }));
  return { documents: graph.attributes?.documentCount, nodes: graph.nodes.length, edges: graph.edges.length, isolated, nodesByType, isolatedByType, relations };
}

export function summaryText(s) {
  const lines = [];
  lines.push(`documents ${s.documents}, nodes ${s.nodes}, edges ${s.edges}`);
  lines.push(`nodes without any edge: ${s.isolated}/${s.nodes} (${s.nodes ? ((100 * s.isolated) / s.nodes).toFixed(1) : '—'}%); by type: ` +
    Object.keys(s.nodesByType).sort().map((t) => `${t} ${s.isolatedByType[t] ?? 0}/${s.nodesByType[t]}`).join(', '));
  lines.push('', '| relation | edges | facts |', '|---|---|---|');
  for (const r of s.relations) lines.push(`| ${r.relation} | ${r.edges} | ${r.facts} |`);
  return lines.join('\n');
}

export function sampleTable(graph, sample, { text = true } = {}) {
  const labels = new Map(graph.nodes.map((n) => [n.key, n.attributes?.label ?? n.key]));
  const lines = [`| # | source | relation | target | neg/hyp | trigger | rule | evidence (doc:start-end${text ? ': sentence' : ''}) | verdict |`, '|---|---|---|---|---|---|---|---|---|'];
  sample.forEach((e, i) => {
    const a = e.attributes;
    const ev = a.evidence?.[0];
    const mod = [a.negated ? 'negated' : '', a.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ') || '—';
    const more = a.evidence && a.evidence.length > 1 ? ` (+${a.evidence.length - 1} more)` : '';
    lines.push(`| ${i + 1} | ${cell(labels.get(e.source))} | ${a.relation} | ${cell(labels.get(e.target))} | ${mod} | ${cell(ev?.trigger)} | ${cell(ev?.rule)} | ${cell(ev?.doc)}:${ev?.start}-${ev?.end}${text ? `: ${cell(ev?.sentence)}` : ''}${more} | |`);
  });
  return lines.join('\n');
}

function buildGraph(input, dir) {
  const r = spawnSync(process.execPath, [bin, 'build', input, '--out', dir, '--quiet'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  // The CLI exits 1 after warnings (repeated texts skipped) yet writes the graph: only a missing graph fails.
  if (r.status !== 0 && existsSync(path.join(dir, 'graph.json'))) { console.error(`sample-edges: newsgraph build exited ${r.status} (warnings); graph written`); return; }
  if (r.status !== 0) throw new Error(`newsgraph build failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')}`);
}

function main(argv) {
  const n = Number(arg(argv, ['-n', '--n'], '100'));
  const seed = arg(argv, ['--seed'], '1');
  const md = arg(argv, ['--md'], undefined);
  let graphFile = arg(argv, ['--graph'], undefined);
  if (!graphFile) {
    const input = path.resolve(arg(argv, ['--input'], defaultInput));
    if (!existsSync(input)) { console.log(`sample-edges: skipped — ${input} not found`); return 0; }
    const dir = path.resolve(arg(argv, ['--dir'], '') || mkdtempSync(path.join(tmpdir(), 'newsgraph-sample-')));
    graphFile = path.join(dir, 'graph.json');
    if (!existsSync(graphFile) || argv.includes('--rebuild')) {
      console.error(`sample-edges: building ${path.relative(process.cwd(), input)} into ${dir}`);
      buildGraph(input, dir);
    }
  }
  const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
  const summary = graphSummary(graph);
  const sample = sampleEdges(graph.edges, n, seed);
  const table = sampleTable(graph, sample, { text: !argv.includes('--no-text') });
  console.log(summaryText(summary));
  console.log(`\nsample: ${sample.length} of ${graph.edges.length} edges, seed ${seed}`);
  if (md) { writeFileSync(md, table + '\n'); console.log(`written: ${md}`); } else console.log(`\n${table}`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
