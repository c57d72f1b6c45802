#!/usr/bin/env node
// Measures layout and export time on a synthetic news graph (default 10k nodes, 50k edges).
// Needs the compiled sources: `npx tsc -p tsconfig.json` first.
// Usage: node scripts/measure-export.mjs [nodes] [edges]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { MultiDirectedGraph } = require('graphology');
const { layoutGraph } = require(path.join(root, 'dist/src/layout'));
const { toGexf, toJson } = require(path.join(root, 'dist/src/export'));
const { edgeKey } = require(path.join(root, 'dist/src/graph/contract'));
const { RELATIONS, ENTITY_TYPES } = require(path.join(root, 'dist/src/types'));
// mulberry32, seeded, so every run measures the same graph.
const { seededRandom: prng } = require(path.join(root, 'dist/src/layout/random'));

const NODES = Number(process.argv[2] ?? 10_000);
const EDGES = Number(process.argv[3] ?? 50_000);


function syntheticGraph(nodeCount, edgeCount) {
  const rnd = prng(42);
  const graph = new MultiDirectedGraph();
  graph.replaceAttributes({ generator: 'newsgraph', version: '0.1.0', documentCount: 1000, sources: [] });
  for (let i = 0; i < nodeCount; i++) {
    graph.addNode(`n${i}`, {
      label: `Actor ${i}`,
      aliases: [`A${i}`],
      entityType: ENTITY_TYPES[i % ENTITY_TYPES.length],
      roles: i % 10 === 0 ? [`Minister of Things ${i}`] : [],
      mentions: 1 + Math.floor(rnd() * 50),
      documents: 1 + Math.floor(rnd() * 10),
    });
  }
  // Skewed endpoints (r²) give a few hubs, as in news.
  const pick = () => `n${Math.floor(nodeCount * rnd() ** 2)}`;
  while (graph.size < edgeCount) {
    const source = pick();
    const target = pick();
    const relation = RELATIONS[Math.floor(rnd() * RELATIONS.length)];
    const key = edgeKey(source, relation, target, false, false);
    if (source === target || graph.hasEdge(key)) continue;
    const day = 1 + Math.floor(rnd() * 28);
    const date = `2024-02-${String(day).padStart(2, '0')}`;
    const sentence = `Actor ${source} ${relation} actor ${target} on ${date}, officials said.`;
    graph.addEdgeWithKey(key, source, target, {
      relation, label: relation, negated: false, hypothetical: false, count: 1, weight: 1,
      evidence: [{ doc: `doc${Math.floor(rnd() * 1000)}.txt`, sentence, start: 0, end: sentence.length, trigger: relation, rule: 'synthetic', date }],
      firstSeen: date, lastSeen: date, cameo: '040', goldstein: Math.round((rnd() * 20 - 10) * 10) / 10,
    });
  }
  return graph;
}

function time(label, fn) {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(2)} s`);
  return result;
}

const graph = time(`build ${NODES} nodes/${EDGES} edges`, () => syntheticGraph(NODES, EDGES));
time('layoutGraph', () => layoutGraph(graph));
const gexf = time('toGexf', () => toGexf(graph));
const json = time('toJson', () => toJson(graph));
console.log(`GEXF ${(Buffer.byteLength(gexf) / 1e6).toFixed(1)} MB, JSON ${(Buffer.byteLength(json) / 1e6).toFixed(1)} MB, node: ${process.version}`);
