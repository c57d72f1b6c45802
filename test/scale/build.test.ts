// Builds at scale, through the real CLI (dist/, so the worker threads run the same code as the
// command): worker threads change nothing in the output; the store is a cache; `--update` equals a
// build of everything at once; `extract | build --from-facts` equals `build`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { POOL_AFTER_DOCUMENTS } from '../../src/pipeline';
import { writeCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'newsgraph');
const N = 40;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], input?: string): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function ok(args: readonly string[], input?: string): Run {
  const r = cli(args, input);
  assert.equal(r.code, 0, `newsgraph ${args.join(' ')}\n${r.stderr}`);
  return r;
}

const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

function assertSameGraph(a: string, b: string, what: string): void {
  assert.ok(read(a, 'graph.json').equals(read(b, 'graph.json')), `${what}: graph.json differs`);
  assert.ok(read(a, 'graph.gexf').equals(read(b, 'graph.gexf')), `${what}: graph.gexf differs`);
}

describe('scale: builds', function () {
  this.timeout(300_000);
  let dir: string;
  let files: string[];
  let all: string;

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'src', 'workers', 'extract-worker.js')), 'run `npm run build` first: these tests run dist/');
    assert.ok(N > POOL_AFTER_DOCUMENTS + 10, 'enough documents for the worker pool to take part');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-scale-'));
    files = writeCorpus(path.join(dir, 'corpus'), N);
    all = path.join(dir, 'all');
    ok(['build', ...files, '--out', all, '--jobs', '1', '-q']);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives byte-identical graph.json and graph.gexf with 1, 2 and 3 extraction threads', () => {
    for (const jobs of ['2', '3']) {
      const out = path.join(dir, `jobs-${jobs}`);
      ok(['build', ...files, '--out', out, '--jobs', jobs, '-q']);
      assertSameGraph(all, out, `--jobs ${jobs}`);
    }
  });

  it('extract prints the same lines, in input order, with and without worker threads', () => {
    const one = ok(['extract', ...files, '--jobs', '1']).stdout;
    const three = ok(['extract', ...files, '--jobs', '3']).stdout;
    assert.equal(three, one);
    assert.deepEqual(one.trim().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc), files.map((f) => path.basename(f)));
  });

  it('keeps every document, mention and fact in DIR/newsgraph.db, with evidence offsets into the stored text', () => {
    const db = new Database(path.join(all, 'newsgraph.db'), { readonly: true });
    try {
      assert.equal(db.prepare('SELECT count(*) FROM documents').pluck().get(), N);
      const ids = db.prepare('SELECT id FROM documents ORDER BY seq').pluck().all();
      assert.deepEqual(ids, files.map((f) => path.basename(f)));
      const facts = db.prepare('SELECT d.text AS text, s.char_start AS start, s.char_end AS end, s.text AS sentence FROM facts f JOIN sentences s ON s.id = f.sentence JOIN documents d ON d.seq = f.doc').all() as Array<{ text: string; start: number; end: number; sentence: string }>;
      assert.ok(facts.length > N, `${facts.length} facts`);
      for (const f of facts) assert.equal(f.text.slice(f.start, f.end), f.sentence);
      const mentions = db.prepare('SELECT d.text AS text, m.char_start AS start, m.char_end AS end, m.text AS mention FROM mentions m JOIN documents d ON d.seq = m.doc').all() as Array<{ text: string; start: number; end: number; mention: string }>;
      for (const m of mentions) assert.equal(m.text.slice(m.start, m.end), m.mention);
      // A fact whose end is "the minister" names where that actor is named (corpus.ts), as a span of the stored text.
      const antecedents = db.prepare('SELECT d.text AS text, f.antecedents AS antecedents FROM facts f JOIN documents d ON d.seq = f.doc WHERE f.antecedents IS NOT NULL').all() as Array<{ text: string; antecedents: string }>;
      assert.ok(antecedents.length >= N / 4 - 1, `${antecedents.length} facts with antecedents`);
      for (const a of antecedents) {
        const spans = Object.values(JSON.parse(a.antecedents) as Record<string, { start: number; end: number; text: string }>);
        assert.ok(spans.length > 0);
        for (const span of spans) assert.equal(a.text.slice(span.start, span.end), span.text);
      }
      const hits = db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '\"ceasefire\"'").pluck().get();
      assert.ok(Number(hits) > 0, 'full-text index over evidence sentences');
    } finally {
      db.close();
    }
  });

  it('a rebuild reuses every unchanged extraction (cache) and gives the same bytes', () => {
    const r = ok(['build', ...files, '--out', all, '--jobs', '2']);
    assert.match(r.stderr, new RegExp(`\\(${N} from the cache\\)`));
    const fresh = path.join(dir, 'fresh');
    ok(['build', ...files, '--out', fresh, '--jobs', '2', '-q']);
    assertSameGraph(all, fresh, 'cached rebuild');
    // A changed file is extracted again; the others still come from the cache.
    const changed = path.join(dir, 'changed');
    fs.cpSync(all, changed, { recursive: true });
    const edited = path.join(dir, 'edited');
    const editedFiles = writeCorpus(edited, N);
    fs.appendFileSync(editedFiles[5] as string, 'Kenya warned Chile.\n');
    const again = ok(['build', ...editedFiles, '--out', changed, '--jobs', '2']);
    assert.match(again.stderr, new RegExp(`\\(1 extracted, ${N - 1} from the cache\\)`));
  });

  it('--update DIR with new documents equals building everything at once', () => {
    const split = 25;
    const updated = path.join(dir, 'updated');
    ok(['build', ...files.slice(0, split), '--out', updated, '--jobs', '2', '-q']);
    const r = ok(['build', ...files.slice(split), '--update', updated, '--jobs', '2']);
    assert.match(r.stderr, new RegExp(`^newsgraph: ${N} documents → `));
    assertSameGraph(all, updated, 'update');
    // Documents already in the store are skipped; the graph stays the same bytes.
    const again = ok(['build', ...files.slice(0, 10), '--update', updated, '--jobs', '2']);
    assert.match(again.stderr, /[( ]10 already in the store[,)]/);
    assertSameGraph(all, updated, 'update with known documents');
  });

  it('--update replaces a document whose text changed, in its place (also beside a new one, with a worker)', () => {
    const newer = writeCorpus(path.join(dir, 'newer'), N);
    fs.appendFileSync(newer[3] as string, 'Norway supported Egypt.\n');
    const expected = path.join(dir, 'replaced-expected');
    ok(['build', ...newer, '--out', expected, '--jobs', '1', '-q']);
    for (const jobs of ['1', '2']) {
      const updated = path.join(dir, `replaced-${jobs}`);
      ok(['build', ...files, '--out', updated, '--jobs', '1', '-q']);
      const r = ok(['build', newer[3] as string, '--update', updated, '--jobs', jobs]);
      assert.match(r.stderr, /\(1 replaced\)/);
      assertSameGraph(expected, updated, `replaced document, --jobs ${jobs}`);
    }
    // A new document and a replaced one in one update, extracted by workers.
    const mixed = path.join(dir, 'replaced-mixed');
    ok(['build', ...files.slice(0, N - 1), '--out', mixed, '--jobs', '1', '-q']);
    const r = ok(['build', newer[N - 1] as string, newer[3] as string, '--update', mixed, '--jobs', '2']);
    assert.match(r.stderr, /1 replaced/);
    assertSameGraph(expected, mixed, 'a new and a replaced document, --jobs 2');
  });

  it('--update extracts again, from the stored text, what an older pipeline extracted', () => {
    const updated = path.join(dir, 'stale');
    ok(['build', ...files.slice(0, 6), '--out', updated, '--jobs', '1', '-q']);
    const expected = read(updated, 'graph.json');
    const db = new Database(path.join(updated, 'newsgraph.db'));
    try {
      // As if the rules had changed since: the stored extractions are stale, and wrong.
      db.prepare("UPDATE documents SET pipeline = 'an older pipeline', cache_key = 'old', result = json_set(result, '$.facts', json('[]'))").run();
      // (the older pipeline recorded itself in meta too: an update looks for stale documents only then)
      db.prepare("UPDATE meta SET value = 'an older pipeline' WHERE key = 'pipeline'").run();
    } finally {
      db.close();
    }
    const r = ok(['build', files[0] as string, '--update', updated, '--jobs', '1']);
    assert.match(r.stderr, /\(1 already in the store, 6 re-extracted by a newer pipeline\)/);
    assert.ok(read(updated, 'graph.json').equals(expected), 'the graph of a full build again');
  });

  it('--update skips a new file whose text is already in the store, with a warning (exit 0, 1 with --strict)', () => {
    const updated = path.join(dir, 'twin');
    ok(['build', ...files.slice(0, 5), '--out', updated, '--jobs', '1', '-q']);
    const before = read(updated, 'graph.json');
    const twin = path.join(dir, 'twin.txt');
    fs.copyFileSync(files[2] as string, twin);
    const r = cli(['build', twin, '--update', updated, '--jobs', '1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /\nnewsgraph: skipped 1 input: 1 same text as another document\n$/);
    assert.equal(cli(['build', twin, '--update', updated, '--jobs', '1', '--strict']).code, 1);
    assert.match(r.stderr, /warning: .*twin\.txt: same text as item-002\.txt \(already in the store\), skipped/);
    assert.ok(read(updated, 'graph.json').equals(before));
  });

  it('a failed update leaves the store and the graph as they were', () => {
    const updated = path.join(dir, 'failed');
    ok(['build', ...files.slice(0, 5), '--out', updated, '--jobs', '1', '-q']);
    const before = ['newsgraph.db', 'graph.json', 'graph.gexf'].map((f) => read(updated, f));
    const empty = path.join(dir, 'empty.txt');
    fs.writeFileSync(empty, '');
    const r = cli(['build', empty, '--update', updated]);
    assert.equal(r.code, 3, r.stderr);
    ['newsgraph.db', 'graph.json', 'graph.gexf'].forEach((f, i) => assert.ok(read(updated, f).equals(before[i] as Buffer), `${f} unchanged`));
    assert.deepEqual(fs.readdirSync(updated).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db']);
  });

  it('a failed full build leaves no temporary store behind', () => {
    const out = path.join(dir, 'nothing');
    const r = cli(['build', path.join(dir, 'no-such-file.txt'), '--out', out]);
    assert.equal(r.code, 3);
    assert.deepEqual(fs.existsSync(out) ? fs.readdirSync(out) : [], []);
  });

  it('removes the temporary store of a build that was killed', () => {
    const out = path.join(dir, 'abandoned');
    fs.mkdirSync(out);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    assert.ok(gone);
    const stale = [`.newsgraph.db.${gone}.1700000000000.tmp`, `.newsgraph.db.${gone}.1700000000000.tmp-journal`];
    for (const name of stale) fs.writeFileSync(path.join(out, name), 'left by a killed build');
    ok(['build', files[0] as string, '--out', out, '--jobs', '1', '-q']);
    assert.deepEqual(fs.readdirSync(out).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db']);
  });

  it('`extract | build --from-facts` equals `build`, also with the facts split over files (a reduce)', () => {
    const facts = path.join(dir, 'facts.ndjson');
    fs.writeFileSync(facts, ok(['extract', ...files, '--jobs', '2']).stdout);
    const fromFacts = path.join(dir, 'from-facts');
    ok(['build', '--from-facts', facts, '--out', fromFacts, '-q']);
    assertSameGraph(all, fromFacts, '--from-facts');

    const parts = [files.slice(0, 13), files.slice(13)].map((part, i) => {
      const file = path.join(dir, `part-${i}.ndjson`);
      fs.writeFileSync(file, ok(['extract', ...part, '--jobs', '1']).stdout);
      return file;
    });
    const fromParts = path.join(dir, 'from-parts');
    ok(['build', '--from-facts', ...parts, '--out', fromParts, '-q']);
    assertSameGraph(all, fromParts, '--from-facts over two files');

    const stdin = path.join(dir, 'from-stdin');
    ok(['build', '--from-facts', '-', '--out', stdin, '-q'], fs.readFileSync(facts, 'utf8'));
    assertSameGraph(all, stdin, '--from-facts from stdin');

    // And an update from facts: the second part into a store built from the first.
    const updated = path.join(dir, 'from-facts-update');
    ok(['build', '--from-facts', parts[0] as string, '--out', updated, '-q']);
    ok(['build', '--from-facts', parts[1] as string, '--update', updated, '-q']);
    assertSameGraph(all, updated, '--from-facts --update');
  });

  it('--from-facts skips lines that are not extract results, naming file:line (exit 0)', () => {
    const facts = path.join(dir, 'mixed.ndjson');
    const good = ok(['extract', files[0] as string]).stdout.trim();
    fs.writeFileSync(facts, [good, '{"doc": "x"}', 'not json', JSON.stringify({ ...JSON.parse(good), doc: 'y', facts: [{ source: 'a' }] })].join('\n'));
    const r = cli(['build', '--from-facts', facts, '--out', path.join(dir, 'mixed')]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /\nnewsgraph: skipped 3 inputs: 3 malformed JSON line\n$/);
    assert.match(r.stderr, /mixed\.ndjson:2: not a `newsgraph extract` line: needs "mentions", "entities" and "facts" arrays, skipped/);
    assert.match(r.stderr, /mixed\.ndjson:3: malformed JSON line/);
    assert.match(r.stderr, /mixed\.ndjson:4: not a `newsgraph extract` line: facts\[0\] needs/);
    assert.match(r.stderr, /newsgraph: 1 documents → /);
  });

  it('--min-count, --top and --evidence keep a big graph small', () => {
    const full = JSON.parse(read(all, 'graph.json').toString('utf8')) as { nodes: unknown[]; edges: Array<{ attributes: { count: number; evidence: unknown[] } }> };
    const out = path.join(dir, 'small');
    ok(['build', ...files, '--out', out, '--min-count', '2', '--top', '8', '--evidence', '1', '--jobs', '1', '-q']);
    const small = JSON.parse(read(out, 'graph.json').toString('utf8')) as typeof full;
    assert.ok(small.nodes.length <= 8 && small.nodes.length > 0, `${small.nodes.length} nodes`);
    assert.ok(small.edges.length > 0 && small.edges.length < full.edges.length);
    for (const e of small.edges) {
      assert.ok(e.attributes.count >= 2, 'min-count');
      assert.equal(e.attributes.evidence.length, 1, 'one example sentence per edge');
    }
    assert.ok(full.edges.some((e) => e.attributes.count > 1 && e.attributes.evidence.length === e.attributes.count), 'by default every sentence is kept');
  });

  it('usage errors: --out xor --update, --jobs ≥ 1, --min-count ≥ 1; --update needs a store', () => {
    const cases: Array<[string[], RegExp]> = [
      [['build', files[0] as string], /required option '-o, --out <dir>' not specified/],
      [['build', files[0] as string, '--out', path.join(dir, 'x'), '--update', all], /use either --out or --update/],
      [['build', files[0] as string, '--out', path.join(dir, 'x'), '--jobs', '0'], /--jobs: must be a positive integer/],
      [['build', files[0] as string, '--out', path.join(dir, 'x'), '--min-count', '0'], /--min-count: must be an integer ≥ 1/],
      [['extract', files[0] as string, '--jobs', '0'], /--jobs: must be a positive integer/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const nowhere = path.join(dir, 'no-store');
    fs.mkdirSync(nowhere);
    const r = cli(['build', files[0] as string, '--update', nowhere]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no newsgraph\.db here to update/);
  });
});
