#!/usr/bin/env node
// How long a fresh process takes to get ready to extract: from process start to (a) the modules
// required, (b) createExtractor() returned (gazetteer loaded) and (c) the first small document
// extracted (language model loaded). Each run is a new `node` process; runs of several checkouts
// are interleaved so that they share the machine's load. Prints medians and ranges, in ms.
//   node scripts/measure-startup.mjs [--runs N] [ROOT ...]   (ROOT: a checkout with a built dist/; default this one)
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
const roots = args.filter((a, i) => i !== runsAt && i !== runsAt + 1).map((r) => path.resolve(r));
if (roots.length === 0) roots.push(here);

// performance.now() counts from the process's start, hrtime from the script's; cpu is user + system time of the process.
const child = `
const atScript = performance.now();
const hrStart = process.hrtime.bigint();
const { createExtractor } = require(process.argv[1] + '/dist/src/pipeline.js');
const required = performance.now();
const extract = createExtractor();
const created = performance.now();
extract({ id: 'startup', origin: 'startup', text: 'The harbour council did not approve the plan.\\nMinister Ada Quill met officials in Lisbon on Monday.' });
const first = performance.now();
const fromScript = Number(process.hrtime.bigint() - hrStart) / 1e6;
const cpu = process.cpuUsage();
console.log(JSON.stringify({ atScript, required, created, first, fromScript, cpu: (cpu.user + cpu.system) / 1000 }));
`;

const results = new Map(roots.map((r) => [r, []]));
for (let i = 0; i < runs; i++) {
  for (const root of roots) {
    const out = execFileSync(process.execPath, ['-e', child, root], { encoding: 'utf8' });
    results.get(root).push(JSON.parse(out));
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const FIELDS = [
  ['atScript', 'node started, script running', (r) => r.atScript],
  ['required', 'pipeline modules required', (r) => r.required],
  ['created', 'createExtractor() returned', (r) => r.created],
  ['first', 'first document extracted', (r) => r.first],
  ['fromScript', '  the same from script start (hrtime)', (r) => r.fromScript],
  ['cpu', 'CPU time until then (user + system)', (r) => r.cpu],
  ['lexicon', '  of which createExtractor() (gazetteer)', (r) => r.created - r.required],
  ['model', '  of which first document (model + text)', (r) => r.first - r.created],
];
for (const [root, rows] of results) {
  console.log(`${path.relative(process.cwd(), root) || '.'}: ${rows.length} fresh processes, ms since process start (median, range)`);
  for (const [, label, value] of FIELDS) {
    const values = rows.map(value);
    console.log(`  ${label.padEnd(38)} ${median(values).toFixed(0).padStart(6)}  ${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`);
  }
}
