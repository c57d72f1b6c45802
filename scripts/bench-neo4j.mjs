#!/usr/bin/env node
// Time and peak RSS of the two Neo4j exports of one build: `newsgraph export DIR/graph.json -f neo4j`
// (the whole graph.json in memory) and `newsgraph export DIR -f neo4j` (evidence and documents
// streamed from DIR/newsgraph.db), on the BBC corpus (../shared/bench/bbc-news, research use only:
// read, never copied) and on copies of its extraction: each copy has new document ids, so it adds
// documents, facts and evidence but no node or edge. What grows is the evidence, not the graph. A
// script, not a test: it prints figures and checks that both exports wrote the same bytes.
//
//   node scripts/bench-neo4j.mjs [--scale 5,50] [--work DIR]     (after `npx tsc -p tsconfig.json`)
//
// --work keeps the builds (a 50× store is ~1.3 GB) so that a second run only exports.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpusFile = path.resolve(repoRoot, '../shared/bench/bbc-news/bbc_news_2225.jsonl');
const cliFile = path.join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const require = createRequire(path.join(repoRoot, 'package.json'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};

// A child: runs one CLI command in this process and prints its peak RSS.
if (process.argv[2] === '--child') {
  const { run } = require(cliFile);
  const started = performance.now();
  const code = await run(['node', 'newsgraph', ...JSON.parse(process.argv[3])]);
  console.log(JSON.stringify({ code, ms: performance.now() - started, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

function child(args) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', JSON.stringify(args)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const result = r.status === 0 ? JSON.parse(r.stdout.trim().split('\n').pop()) : undefined;
  if (!result || result.code > 1) throw new Error(`newsgraph ${args.join(' ')} failed: ${r.stderr.slice(-2000)}`);
  return result;
}

/** The extract lines of a store, `copies` times, copy k > 0 with new document ids and hashes. */
function writeCopies(storeFile, copies, out) {
  const Database = require('better-sqlite3');
  const db = new Database(storeFile, { readonly: true });
  const lines = db.prepare('SELECT result FROM documents ORDER BY seq').pluck().all();
  db.close();
  const parts = [];
  for (let k = 0; k < copies; k++) {
    for (const line of lines) {
      const x = JSON.parse(line);
      if (k > 0) {
        x.doc = `${x.doc}-copy${k}`;
        for (const f of x.facts) f.doc = x.doc;
        x.hash = createHash('sha1').update(`${x.hash}:${k}`).digest('hex');
      }
      parts.push(JSON.stringify(x));
    }
  }
  writeFileSync(out, `${parts.join('\n')}\n`);
}

const sameFiles = (a, b) => readdirSync(a).sort().join() === readdirSync(b).sort().join() && readdirSync(a).every((f) => readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));

if (!existsSync(cliFile)) throw new Error(`${cliFile} not found: run \`npx tsc -p tsconfig.json\` first`);
if (!existsSync(corpusFile)) {
  console.log(`skipped: ${corpusFile} not found`);
  process.exit(0);
}
const scales = [1, ...arg('--scale', '5,50').split(',').map(Number).filter((k) => k > 1)];
const work = arg('--work', undefined) ?? mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-neo4j-'));
mkdirSync(work, { recursive: true });
const base = path.join(work, 'x1');
if (!existsSync(path.join(base, 'graph.json'))) child(['build', corpusFile, '--out', base, '-q']);

console.log(`node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('scale  documents  facts     graph.json  | from graph.json: s, peak RSS | from the store: s, peak RSS | same bytes');
for (const k of scales) {
  const dir = path.join(work, `x${k}`);
  if (!existsSync(path.join(dir, 'graph.json'))) {
    const facts = path.join(work, `facts-${k}.ndjson`);
    writeCopies(path.join(base, 'newsgraph.db'), k, facts);
    child(['build', '--from-facts', facts, '--out', dir, '-q']);
    rmSync(facts);
  }
  const Database = require('better-sqlite3');
  const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
  const count = (table) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  const [documents, facts] = [count('documents'), count('facts')];
  db.close();
  const outGraph = path.join(work, `neo4j-graph-${k}`);
  const outStore = path.join(work, `neo4j-store-${k}`);
  const g = child(['export', path.join(dir, 'graph.json'), '-f', 'neo4j', '-o', outGraph]);
  const s = child(['export', dir, '-f', 'neo4j', '-o', outStore]);
  const mb = (statSync(path.join(dir, 'graph.json')).size / 1e6).toFixed(1);
  console.log(
    `${`${k}×`.padEnd(6)} ${String(documents).padEnd(10)} ${String(facts).padEnd(9)} ${`${mb} MB`.padEnd(11)} | ` +
      `${(g.ms / 1000).toFixed(1)} s, ${g.maxRssMB.toFixed(0)} MB`.padEnd(28) + ' | ' +
      `${(s.ms / 1000).toFixed(1)} s, ${s.maxRssMB.toFixed(0)} MB`.padEnd(27) + ` | ${sameFiles(outGraph, outStore) ? 'yes' : 'NO'}`,
  );
  rmSync(outGraph, { recursive: true });
  rmSync(outStore, { recursive: true });
}
if (arg('--work', undefined) === undefined) rmSync(work, { recursive: true, force: true });
