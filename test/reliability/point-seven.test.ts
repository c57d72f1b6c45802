// Finding 7, the smaller promises: a symbolic link inside an input folder brought /etc/passwd in
// as a document; --jobs had no upper bound; `--out ''` was exit 3 instead of a usage error; a
// failed first build left an empty DIR; a graph.json nested 100,000 deep crashed `export` with a
// stack overflow (exit 4); a CSV export on a full disk left nodes.csv new beside evidence.csv old.
// (serve and the store file: serve-files.test.ts.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT } from '../../src/errors';
import { DEFAULT_ATOMIC_WRITE_OPTIONS, type AtomicFs, type AtomicWriteOptions } from '../../src/export/atomic';
import { lines, removeTmpDirs, runCli, tmpDir } from './helpers';

const GOOD = 'Talks in Vienna\n\nForeign Minister Anna Novak of Poland met envoy Farid Haddad of Egypt in Vienna on Monday.\n';

describe('point 7: links, --jobs, --out, empty directories, deep JSON, multi-file exports', function () {
  this.timeout(120_000);
  after(removeTmpDirs);

  it('a symbolic link inside an input folder is not followed (a warning names it), unless --follow-symlinks', async () => {
    const root = tmpDir('links');
    const outside = path.join(root, 'outside.txt');
    fs.writeFileSync(outside, GOOD.replace('Vienna', 'Oslo'));
    const corpus = path.join(root, 'corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'a.txt'), GOOD);
    fs.symlinkSync(outside, path.join(corpus, 'link.txt'));
    const plain = await runCli(['extract', corpus]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(lines(plain.stdout).map((l) => (JSON.parse(l) as { doc: string }).doc), ['a.txt']);
    assert.match(plain.stderr, /link\.txt: a symbolic link, not followed/);
    const followed = await runCli(['extract', corpus, '--follow-symlinks']);
    assert.deepEqual(lines(followed.stdout).map((l) => (JSON.parse(l) as { doc: string }).doc), ['a.txt', 'link.txt']);
  });

  it('--jobs above the number of cores is capped, with a note', async () => {
    const file = path.join(tmpDir('jobs'), 'a.txt');
    fs.writeFileSync(file, GOOD);
    const r = await runCli(['extract', file, '--jobs', '4096']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`--jobs 4096 is more than the ${os.availableParallelism()} cores here; using ${os.availableParallelism()}`));
  });

  it("`--out ''` and `--update ''` are usage errors (exit 2)", async () => {
    const file = path.join(tmpDir('empty-out'), 'a.txt');
    fs.writeFileSync(file, GOOD);
    for (const args of [['build', file, '--out', ''], ['build', file, '--update', ''], ['export', file, '--format', 'csv', '--out', '']]) {
      const r = await runCli(args);
      assert.equal(r.code, EXIT.usage, `${args.join(' ')}: ${r.stderr}`);
    }
  });

  it('a failed first build leaves no directory behind; a failed later one leaves the previous build', async () => {
    const root = tmpDir('failed-first');
    const out = path.join(root, 'new', 'out');
    const r = await runCli(['build', path.join(root, 'missing.txt'), '--out', out]);
    assert.equal(r.code, EXIT.io);
    assert.equal(fs.existsSync(out), false);
    const good = path.join(root, 'good.txt');
    fs.writeFileSync(good, GOOD);
    assert.equal((await runCli(['build', good, '--out', out, '-q'])).code, 0);
    assert.equal((await runCli(['build', path.join(root, 'missing.txt'), '--out', out])).code, EXIT.io);
    assert.deepEqual(fs.readdirSync(out).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db']);
  });

  it('a graph.json nested 100,000 deep: exit 3 naming the file, no stack overflow', async () => {
    const root = tmpDir('deep');
    const file = path.join(root, 'deep.json');
    fs.writeFileSync(file, `{"attributes":{"x":${'['.repeat(100_000)}1${']'.repeat(100_000)}},"nodes":[{"key":"a"}],"edges":[]}`);
    for (const format of ['gexf', 'json', 'csv']) {
      const r = await runCli(['export', file, '--format', format, '--out', path.join(root, `out-${format}`)]);
      assert.equal(r.code, EXIT.io, r.stderr);
      assert.deepEqual(lines(r.stderr), [`newsgraph: ${file}: values nested deeper than 64 levels`]);
    }
  });

  it('a CSV export that fails on its third file leaves the previous four files, not a mix', async () => {
    const root = tmpDir('csv-set');
    const good = path.join(root, 'good.txt');
    fs.writeFileSync(good, GOOD);
    const build = path.join(root, 'build');
    assert.equal((await runCli(['build', good, '--out', build, '-q'])).code, 0);
    const csv = path.join(root, 'csv');
    assert.equal((await runCli(['export', build, '--format', 'csv', '--out', csv])).code, 0);
    const before = new Map(fs.readdirSync(csv).map((n) => [n, fs.readFileSync(path.join(csv, n))]));
    assert.equal(before.size, 4);
    fs.writeFileSync(good, GOOD.replace('Monday', 'Tuesday').replace('Vienna on', 'Vienna and Graz on'));
    assert.equal((await runCli(['build', good, '--out', build, '-q'])).code, 0);
    const real = fs.promises as unknown as AtomicFs;
    let opened = 0;
    const defaults = DEFAULT_ATOMIC_WRITE_OPTIONS as AtomicWriteOptions;
    const saved = defaults.fs;
    defaults.fs = { ...real, stat: (f) => real.stat(f), rename: (a, b) => real.rename(a, b), unlink: (f) => real.unlink(f), open: async (f, flags, mode) => {
      if (++opened === 3) throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' });
      return real.open(f, flags, mode);
    } };
    let r;
    try {
      r = await runCli(['export', build, '--format', 'csv', '--out', csv]);
    } finally {
      defaults.fs = saved;
    }
    assert.equal(r.code, EXIT.io, r.stderr);
    const now = new Map(fs.readdirSync(csv).map((n) => [n, fs.readFileSync(path.join(csv, n))]));
    assert.deepEqual([...now.keys()].sort(), [...before.keys()].sort());
    for (const [name, bytes] of before) assert.ok(now.get(name)?.equals(bytes), `${name} is the previous file`);
    assert.deepEqual(fs.readdirSync(root).filter((n) => n.startsWith('.')), [], 'no temporary directory left');
  });
});
