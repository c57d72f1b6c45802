#!/usr/bin/env node
// Hostile and huge inputs, as a user waits for them (issue 20): each case is one `newsgraph build
// FILE --out TMP -q` in a fresh process under /usr/bin/time -v (wall clock and peak RSS of the whole
// process). A script, not a test: it prints figures and the targets beside them; it asserts nothing.
// `npm run bench` runs it after the BBC figures; alone: `node scripts/bench-hostile.mjs [--json]`
// (needs `npx tsc -p tsconfig.json` first: it runs dist/). `--only TEXT` runs the cases whose name
// has TEXT (`--only 10 MB`: the 10 MB document with --jobs 1 and --jobs 2).
//
// The inputs are written here into a temporary directory: the hostile ones are generated; the
// 10 MB ordinary document is the BBC corpus's texts (../shared/bench, read, never copied into the
// project) one after another until 10 MB, or generated prose when the corpus is not there.
// `--only corpus` builds the BBC corpus's texts once as one document and once as the 2,225
// documents they are (JSONL): what reading a text as one long document costs beyond its words.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repoRoot, 'bin', 'newsgraph');
const corpusFile = path.resolve(repoRoot, '../shared/bench/bbc-news/bbc_news_2225.jsonl');
const TIME = '/usr/bin/time';

const LEDE = 'Russian President Vladimir Putin met French President Emmanuel Macron in Geneva on Monday.\n\n';
const CLOSE = '\n\nMacron urged Putin to accept the ceasefire, officials in Paris said.\n';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Deterministic pseudo-random base64 of `n` characters (no Math.random: the same bytes every run). */
function base64(n) {
  let x = 2463534242;
  let out = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out += BASE64[(x >>> 0) % 64];
  }
  return out;
}

/** The BBC corpus's texts once each: as one document (paragraphs apart), or as JSONL of one document each. */
function corpusTexts() {
  return readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text);
}

function ordinaryText(bytes) {
  const texts = existsSync(corpusFile)
    ? readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text)
    : ['Ukraine accused Russia of shelling the port of Odesa overnight. The talks, which lasted four hours, ended without an agreement on the border.'];
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = texts[i % texts.length];
    out.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  return { text: out.join('\n\n'), source: existsSync(corpusFile) ? 'BBC texts one after another' : 'generated prose' };
}

const CASES = [
  { name: 'Markdown with a 100 KB base64 image', file: 'b64-100k.md', target: null, make: () => `${LEDE}![chart](data:image/png;base64,${base64(100 * 1024)})${CLOSE}` },
  { name: 'Markdown with a 400 KB base64 image', file: 'b64-400k.md', target: { seconds: 2 }, make: () => `${LEDE}![chart](data:image/png;base64,${base64(400 * 1024)})${CLOSE}` },
  { name: '80,000 ampersands in a row', file: 'amp-80k.txt', target: null, make: () => `${LEDE}${'&'.repeat(80_000)}${CLOSE}` },
  { name: 'one 400 KB sentence of names and verbs', file: 'sentence-400k.txt', target: null, make: () => {
    const names = ['Putin', 'Macron', 'Scholz', 'Duda', 'Erdogan', 'Modi'];
    let s = '';
    for (let i = 0; s.length < 400_000; i++) s += `${names[i % 6]} met ${names[(i + 1) % 6]} and `;
    return `${s}then left.\n`;
  } },
  // --jobs 1 and 2: one thread bounds the memory, two the time (each extracting thread holds its own models)
  { name: 'a 10 MB ordinary document, --jobs 1', file: 'ordinary-10mb.txt', jobs: 1, target: { seconds: 20, rssMb: 400 }, make: () => ordinaryText(10_000_000).text },
  { name: 'a 10 MB ordinary document, --jobs 2', file: 'ordinary-10mb.txt', jobs: 2, target: { seconds: 20, rssMb: 400 }, make: () => ordinaryText(10_000_000).text },
  // the same 5 MB of words as one document and as news-size documents (only with the corpus)
  { name: 'BBC corpus as one document, --jobs 1', file: 'corpus-one.txt', jobs: 1, target: null, corpus: true, make: () => corpusTexts().join('\n\n') },
  { name: 'BBC corpus as 2,225 documents, --jobs 1', file: 'corpus-many.jsonl', jobs: 1, target: null, corpus: true, make: () => corpusTexts().map((text, i) => `${JSON.stringify({ id: `bbc-${i}`, text })}\n`).join('') },
];

/** `newsgraph build FILE --out DIR -q [--jobs N]` under /usr/bin/time -v: wall seconds, peak RSS (MB), exit code, load average. */
function measure(file, out, jobs) {
  const args = [bin, 'build', file, '--out', out, '-q', ...(jobs ? ['--jobs', String(jobs)] : [])];
  // the machine's load over the last minute, as the run starts: what the wall clock is shared with
  const load = os.loadavg()[0] ?? NaN;
  const timed = existsSync(TIME);
  const started = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = timed ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024 : NaN;
  // CPU seconds of the whole process (all threads): on a shared machine the wall clock says as much
  // about the other jobs as about ours, the CPU time much less.
  const cpu = timed ? Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) : NaN;
  const exit = timed ? Number(/Exit status: (\d+)/.exec(r.stderr)?.[1] ?? r.status) : r.status;
  const built = existsSync(path.join(out, 'graph.json'));
  const said = r.stderr.split('\n').find((l) => l.startsWith('newsgraph:') || /Error/.test(l)) ?? '';
  return { seconds: wall, cpuSeconds: cpu, rssMb: rss, exit, built, said, load };
}

export function hostileBench(only) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-hostile-'));
  try {
    const rows = [];
    const written = new Map();
    for (const c of CASES) {
      if (only ? !c.name.includes(only) : c.corpus) continue;
      if (c.corpus && !existsSync(corpusFile)) continue;
      const file = path.join(dir, c.file);
      if (!written.has(file)) {
        const text = c.make();
        writeFileSync(file, text);
        written.set(file, Buffer.byteLength(text));
      }
      const out = path.join(dir, `out-${c.file}-${c.jobs ?? 'default'}`);
      const m = measure(file, out, c.jobs);
      rmSync(out, { recursive: true, force: true });
      rows.push({ name: c.name, bytes: written.get(file), ...m, target: c.target });
    }
    return { rows, load: os.loadavg().map((l) => l.toFixed(2)).join(' '), timed: existsSync(TIME) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printHostile(result) {
  console.log(`\nHostile and huge inputs (\`newsgraph build FILE --out DIR\`, one fresh process each${result.timed ? ', /usr/bin/time -v' : '; /usr/bin/time not found, no RSS'}; load ${result.load})`);
  for (const r of result.rows) {
    const target = r.target ? `  target ≤ ${r.target.seconds} s${r.target.rssMb ? `, ≤ ${r.target.rssMb} MB` : ''}` : '';
    if (!r.built) {
      console.log(`  ${r.name.padEnd(40)} FAILED (exit ${r.exit}): ${r.said}`);
      continue;
    }
    const met = r.target ? (r.seconds <= r.target.seconds && (!r.target.rssMb || r.rssMb <= r.target.rssMb) ? '  met' : '  NOT met') : '';
    const cpu = Number.isNaN(r.cpuSeconds) ? '' : ` (CPU ${r.cpuSeconds.toFixed(1)} s)`;
    console.log(`  ${r.name.padEnd(40)} ${(r.bytes / 1024).toFixed(0).padStart(6)} KB  ${r.seconds.toFixed(1).padStart(6)} s${cpu}  ${Number.isNaN(r.rssMb) ? '' : `${r.rssMb.toFixed(0).padStart(5)} MB`}  exit ${r.exit}  load ${r.load.toFixed(1)}${target}${met}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--only');
  const result = hostileBench(at > 0 ? process.argv[at + 1] : undefined);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printHostile(result);
}
