// newsgraph annotate as users and other tools call it: CoNLL-U whose every sentence is one tree,
// JSON lines, --pretokenized that keeps the input's words (multiword lines included), one-line
// errors with documented exit codes, and a damaged model file that is an error, not a crash.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'newsgraph');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'annotate-sample.conllu');

function cli(args: string[], input?: string, bin = BIN): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Row {
  readonly id: string;
  readonly cols: string[];
}

/** CoNLL-U blocks: each a list of rows (comments dropped). */
function blocks(text: string): Row[][] {
  return text.split(/\n\n+/).map((b) => b.split('\n').filter((l) => l !== '' && !l.startsWith('#')).map((l) => ({ id: l.split('\t')[0] ?? '', cols: l.split('\t') }))).filter((b) => b.length > 0);
}

/** Word rows form one tree: ids 1 … n, one root, every head in range, no cycle. */
function assertTree(rows: readonly Row[]): void {
  const words = rows.filter((r) => /^\d+$/.test(r.id));
  words.forEach((r, i) => assert.equal(r.id, String(i + 1)));
  const heads = words.map((r) => Number(r.cols[6]));
  assert.equal(heads.filter((h) => h === 0).length, 1, 'one root');
  heads.forEach((h, i) => {
    assert.ok(h >= 0 && h <= words.length && h !== i + 1, `head ${h} of word ${i + 1}`);
    let k = i + 1;
    for (let steps = 0; k !== 0; steps++) {
      assert.ok(steps <= words.length, 'no cycle');
      k = heads[k - 1] as number;
    }
  });
  for (const r of rows) assert.equal(r.cols.length, 10, r.cols.join('|'));
}

describe('newsgraph annotate', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-annotate-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints CoNLL-U: every sentence one tree, UPOS, NER in MISC, offsets that slice the text', () => {
    const text = 'Kremlin spokesman Dmitry Peskov said Russia would study the plan.\nThe talks in Jeddah lasted eight hours.\n';
    const file = path.join(dir, 'story.txt');
    fs.writeFileSync(file, text);
    const r = cli(['annotate', file]);
    assert.equal(r.code, 0, r.stderr);
    const found = blocks(r.stdout);
    assert.equal(found.length, 2);
    for (const rows of found) {
      assertTree(rows);
      for (const row of rows) {
        const range = /TokenRange=(\d+):(\d+)/.exec(row.cols[9] ?? '');
        assert.ok(range, row.cols[9]);
        assert.equal(text.slice(Number(range[1]), Number(range[2])), row.cols[1]);
        assert.match(row.cols[3] ?? '', /^(ADJ|ADP|ADV|AUX|CCONJ|DET|INTJ|NOUN|NUM|PART|PRON|PROPN|PUNCT|SCONJ|SYM|VERB|X)$/);
        assert.match(row.cols[9] ?? '', /^NER=(O|[BI]-(PER|LOC|ORG|MISC))\|/);
      }
    }
    const ner = (form: string): string => /NER=([^|]+)/.exec(found.flat().find((row) => row.cols[1] === form)?.cols[9] ?? '')?.[1] ?? '';
    assert.equal(ner('Dmitry'), 'B-PER');
    assert.equal(ner('Peskov'), 'I-PER');
  });

  it('prints one JSON line per document with --format json', () => {
    const file = path.join(dir, 'docs.jsonl');
    fs.writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'The council met on Monday.' })}\n${JSON.stringify({ id: 'b', text: 'Rain fell.' })}\n`);
    const r = cli(['annotate', file, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; sentences: { tokens: { id: number; head: number; deprel: string }[] }[] });
    assert.deepEqual(lines.map((l) => l.doc), ['a', 'b']);
    for (const l of lines) for (const s of l.sentences) assert.equal(s.tokens.filter((t) => t.head === 0).length, 1);
  });

  it('keeps the words of CoNLL-U input with --pretokenized, multiword lines and SpaceAfter included', () => {
    const r = cli(['annotate', '--pretokenized', SAMPLE]);
    assert.equal(r.code, 0, r.stderr);
    const gold = blocks(fs.readFileSync(SAMPLE, 'utf8'));
    const ours = blocks(r.stdout);
    assert.equal(ours.length, gold.length);
    ours.forEach((rows, k) => {
      assertTree(rows);
      assert.deepEqual(rows.map((row) => [row.id, row.cols[1]]), (gold[k] ?? []).map((row) => [row.id, row.cols[1]]));
    });
    assert.match(r.stdout, /\n8\tplan\t[^\n]*SpaceAfter=No/);
    assert.match(r.stdout, /# sent_id = sample-1-2\n/);
  });

  it('is deterministic: two runs give the same bytes', () => {
    assert.equal(cli(['annotate', '--pretokenized', SAMPLE]).stdout, cli(['annotate', '--pretokenized', SAMPLE]).stdout);
  });

  it('never prints a control character of the article to the terminal', () => {
    const file = path.join(dir, 'escape.txt');
    fs.writeFileSync(file, 'The \u001b]0;pwned\u0007 minister resigned.\n');
    const r = cli(['annotate', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f]/.test(r.stdout));
  });

  it('answers bad input with one line and a documented exit code', () => {
    const usage = cli(['annotate', '--pretokenized', '--format', 'json', SAMPLE]);
    assert.equal(usage.code, 2);
    const missing = cli(['annotate', '--pretokenized', path.join(dir, 'absent.conllu')]);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /^newsgraph: .*absent\.conllu: no such file\n$/);
    const broken = path.join(dir, 'broken.conllu');
    fs.writeFileSync(broken, '1\tonly\tthree\n\n');
    const bad = cli(['annotate', '--pretokenized', broken]);
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /^newsgraph: .*broken\.conllu: not CoNLL-U \(line 1: expected 10 tab-separated columns, found 3\)\n$/);
  });

  it('a truncated model file is one line naming it (exit 3), not a crash', () => {
    // A copy of the compiled CLI beside a damaged models/ folder (the package root is found from the code).
    const copy = path.join(dir, 'package');
    fs.cpSync(path.join(ROOT, 'dist', 'src'), path.join(copy, 'dist', 'src'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(copy, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    fs.mkdirSync(path.join(copy, 'models'));
    for (const name of ['tagger.bin', 'ner.bin', 'parser.bin']) {
      const bytes = fs.readFileSync(path.join(ROOT, 'models', name));
      fs.writeFileSync(path.join(copy, 'models', name), name === 'parser.bin' ? bytes.subarray(0, bytes.length >> 1) : bytes);
    }
    const bin = path.join(copy, 'bin.js');
    fs.writeFileSync(bin, "require('./dist/src/cli/main.js').main(process.argv);\n");
    const r = cli(['annotate', '--pretokenized', SAMPLE], undefined, bin);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /^newsgraph: .*models\/parser\.bin: model file is truncated or corrupted \(checksum\)\n$/);
  });
});
