// The CLI as users and scripts call it: exit codes, one-line errors, outputs, determinism.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'newsgraph');
const CORPUS = path.join(ROOT, 'graph-data', 'corpus');

function cli(args: string[], input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-test-'));
}

describe('cli', function () {
  this.timeout(60_000);

  it('has --help for every command', () => {
    for (const args of [['--help'], ['build', '--help'], ['extract', '--help'], ['annotate', '--help'], ['serve', '--help'], ['export', '--help']]) {
      const r = cli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: newsgraph/);
    }
  });

  it('exits 2 on usage errors', () => {
    assert.equal(cli(['build', CORPUS]).code, 2, 'missing --out');
    assert.equal(cli(['frobnicate']).code, 2);
    assert.equal(cli(['export', 'x.json', '--format', 'pdf', '--out', 'x']).code, 2);
  });

  it('names the file and the reason when the only input is missing, and exits 3', () => {
    const r = cli(['build', 'no/such/file.txt', '--out', tmp()]);
    assert.equal(r.code, 3);
    const lines = r.stderr.trim().split('\n');
    assert.match(lines[lines.length - 1] ?? '', /^newsgraph: no\/such\/file\.txt: no such file or directory$/);
  });

  it('refuses an empty, a binary and an unknown-type file with a reason each', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]));
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'x');
    const cases: Array<[string, RegExp]> = [['empty.txt', /empty file/], ['image.txt', /binary content \(a PNG image\)/], ['notes.docx', /unsupported file type/]];
    for (const [file, reason] of cases) {
      const r = cli(['build', path.join(dir, file), '--out', path.join(dir, 'out')]);
      assert.equal(r.code, 3, file);
      assert.match(r.stderr, reason);
      assert.ok(r.stderr.includes(file));
    }
    assert.ok(!fs.existsSync(path.join(dir, 'out', 'graph.json')));
  });

  it('warns and skips one bad file among good ones, exiting 0 (1 with --strict)', () => {
    const dir = tmp();
    fs.copyFileSync(path.join(CORPUS, fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))[0] as string), path.join(dir, 'good.txt'));
    fs.writeFileSync(path.join(dir, 'bad.txt'), '%PDF-1.7 binary');
    const out = path.join(dir, 'out');
    const r = cli(['build', path.join(dir, 'good.txt'), path.join(dir, 'bad.txt'), '--out', out]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /warning: .*bad\.txt: binary content \(a PDF file\)/);
    assert.match(r.stderr, /\nnewsgraph: skipped 1 input: 1 binary content\n$/);
    assert.equal(cli(['build', path.join(dir, 'good.txt'), path.join(dir, 'bad.txt'), '--out', out, '--strict']).code, 1);
    assert.ok(fs.existsSync(path.join(out, 'graph.json')));
  });

  it('extract prints one NDJSON line per document with offsets that slice the text', () => {
    const text = 'US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.';
    const r = cli(['extract', '-'], text);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const doc = JSON.parse(lines[0] as string) as { doc: string; mentions: Array<{ start: number; end: number; text: string }>; facts: Array<{ source: string; relation: string; target: string; start: number; end: number; sentence: string }> };
    for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    for (const f of doc.facts) assert.equal(text.slice(f.start, f.end), f.sentence);
    assert.ok(doc.facts.some((f) => f.source === 'steve-witkoff' && f.relation === 'met' && f.target === 'vladimir-putin'));
  });

  it('reads JSONL, names the line of a malformed record and keeps the others', () => {
    const dir = tmp();
    const file = path.join(dir, 'feed.jsonl');
    fs.writeFileSync(file, [
      JSON.stringify({ id: 'a', date: '2025-03-13', text: 'US envoy Steve Witkoff met Russian President Vladimir Putin.' }),
      '{not json',
      JSON.stringify({ id: 'b', text: 'Ukrainian President Volodymyr Zelenskyy accused Russia of stalling.' }),
    ].join('\n'));
    const r = cli(['extract', file]);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /feed\.jsonl:2: malformed JSON line/);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; date?: string });
    assert.deepEqual(docs.map((d) => d.doc), ['a', 'b']);
    assert.equal(docs[0]?.date, '2025-03-13');
  });
});

describe('build the sample corpus (integration)', function () {
  this.timeout(120_000);
  const out = tmp();
  let graph: { attributes: Record<string, unknown>; nodes: Array<{ key: string; attributes: Record<string, unknown> }>; edges: Array<{ key: string; source: string; target: string; attributes: Record<string, unknown> }> };

  before(() => {
    const r = cli(['build', CORPUS, '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as typeof graph;
  });

  it('has one node per actor, with the contract attributes', () => {
    const keys = graph.nodes.map((n) => n.key);
    for (const k of ['vladimir-putin', 'donald-trump', 'volodymyr-zelenskyy', 'steve-witkoff', 'dmitry-peskov', 'russia', 'ukraine', 'united-states']) {
      assert.ok(keys.includes(k), k);
    }
    assert.ok(!keys.includes('putin') && !keys.includes('trump'), 'surnames merge into full names');
    for (const n of graph.nodes) {
      const a = n.attributes;
      assert.equal(typeof a.label, 'string');
      assert.ok(Array.isArray(a.aliases));
      assert.ok(['person', 'country', 'organization', 'place', 'other'].includes(a.entityType as string));
      assert.equal(a.type, undefined, 'never `type`: sigma reserves it');
      for (const k of ['x', 'y', 'size']) assert.ok(Number.isFinite(a[k]), `${n.key}.${k}`);
      assert.match(a.color as string, /^#[0-9a-f]{6}$/i);
    }
  });

  it('has the story\'s key relations with evidence from the right documents', () => {
    const has = (s: string, r: string, t: string): boolean => graph.edges.some((e) => e.source === s && e.target === t && e.attributes.relation === r && !e.attributes.negated && !e.attributes.hypothetical);
    assert.ok(has('steve-witkoff', 'met', 'vladimir-putin'));
    assert.ok(has('donald-trump', 'urged', 'vladimir-putin'));
    assert.ok(has('volodymyr-zelenskyy', 'accused', 'russia'));
    assert.ok(has('vladimir-putin', 'leader_of', 'russia'));
    assert.ok(graph.edges.some((e) => e.source === 'vladimir-putin' && e.attributes.negated === true), 'a negated fact is kept, marked');
    for (const e of graph.edges) {
      const ev = e.attributes.evidence as Array<{ doc: string; sentence: string; start: number; end: number; trigger: string }>;
      assert.equal(e.attributes.count, ev.length);
      assert.equal(e.key.split('|')[1], e.attributes.relation);
      for (const x of ev) {
        const text = fs.readFileSync(path.join(CORPUS, x.doc), 'utf8');
        assert.equal(text.slice(x.start, x.end), x.sentence, `${e.key} evidence offsets`);
      }
    }
    assert.equal(graph.attributes.documentCount, fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).length);
  });

  it('writes GEXF beside the JSON', () => {
    const gexf = fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8');
    assert.match(gexf, /<gexf[^>]+version="1\.[23]"/);
    assert.equal((gexf.match(/<node /g) ?? []).length, graph.nodes.length);
    assert.equal((gexf.match(/<edge /g) ?? []).length, graph.edges.length);
  });

  it('is byte-identical when built again', () => {
    const again = tmp();
    assert.equal(cli(['build', CORPUS, '--out', again]).code, 0);
    for (const f of ['graph.json', 'graph.gexf']) {
      assert.ok(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(again, f))), f);
    }
  });

  it('leaves no temporary files in the output directory', () => {
    assert.deepEqual(fs.readdirSync(out).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db']);
  });
});
