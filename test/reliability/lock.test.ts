// Finding 2: two writers on one directory. A `build --update` running beside a `build --out` of
// the same DIR used to end with both at exit 0, graph.json claiming documents the store no longer
// held; two overlapping updates ended in "internal error: database is locked" (exit 4, no file
// named). Now the first writer holds DIR/.newsgraph.lock and any other gets exit 3 naming DIR and
// the holder, before doing any work; a lock whose process is gone is taken over.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { EXIT } from '../../src/errors';
import { LOCK_FILE, lockDirectory, lockHolder, withDirectoryLock } from '../../src/store/lock';
import { BIN, ROOT, lines, removeTmpDirs, requireBuiltCli, spawnCli, tmpDir, type CliResult } from './helpers';

function article(n: number): string {
  return `Talks, round ${n}\n\nForeign Minister Anna Novak of Poland met envoy Farid Haddad of Egypt in Vienna on day ${n}.\nNovak urged Egypt to accept the proposal made by Poland.\n`;
}

function spawnBuild(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', ...args, '--jobs', '1', '-q'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function storeCount(dir: string): number {
  const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM documents').pluck().get());
  } finally {
    db.close();
  }
}

function graphCount(dir: string): number {
  return (JSON.parse(fs.readFileSync(path.join(dir, 'graph.json'), 'utf8')) as { attributes: { documentCount: number } }).attributes.documentCount;
}

describe('one writer per build directory', function () {
  this.timeout(300_000);
  let root: string;
  let many: string;
  let one: string;

  before(() => {
    requireBuiltCli();
    root = tmpDir('lock');
    many = path.join(root, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(many, `a${String(i).padStart(3, '0')}.txt`), article(i));
    one = path.join(root, 'one.txt');
    fs.writeFileSync(one, article(1000));
  });
  after(removeTmpDirs);

  it('the API: one holder at a time, released after the work, the holder named', async () => {
    const dir = tmpDir('lock-api');
    const lock = lockDirectory(dir, 'serve --edit');
    assert.equal(lockHolder(dir)?.pid, process.pid);
    assert.equal(lockHolder(dir)?.command, 'serve --edit');
    assert.throws(() => lockDirectory(dir, 'build'), (e: Error) => e.name === 'BusyError' && e.message.includes(`pid ${process.pid}`) && e.message.startsWith(`${dir}: `));
    lock.release();
    lock.release(); // twice is harmless
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
    assert.equal(await withDirectoryLock(dir, 'serve --edit', async () => lockHolder(dir)?.command), 'serve --edit');
    assert.equal(lockHolder(dir), undefined);
  });

  it('a second writer gets exit 3, one line naming DIR and the holder; the first is undisturbed', () => {
    const dir = path.join(root, 'held');
    assert.equal(spawnCli(['build', one, '--out', dir, '--jobs', '1', '-q']).code, 0);
    const before = fs.readFileSync(path.join(dir, 'graph.json'));
    const lock = lockDirectory(dir, 'watch');
    try {
      for (const args of [['build', many, '--update', dir], ['build', many, '--out', dir], ['watch', many, '--out', dir]]) {
        const r = spawnCli([...args, '--jobs', '1']);
        assert.equal(r.code, EXIT.io, `${args.join(' ')}: ${r.stderr}`);
        const [line, ...rest] = lines(r.stderr);
        assert.deepEqual(rest, [], r.stderr);
        assert.ok(line?.startsWith(`newsgraph: ${dir}: in use by another newsgraph (pid ${process.pid} on ${os.hostname()}, \`newsgraph watch\`)`), line);
      }
    } finally {
      lock.release();
    }
    assert.ok(fs.readFileSync(path.join(dir, 'graph.json')).equals(before), 'graph.json untouched');
  });

  it('a lock left by a process that is gone is taken over', () => {
    const dir = path.join(root, 'stale');
    fs.mkdirSync(dir);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid as number;
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone, host: os.hostname(), command: 'build' }));
    const r = spawnCli(['build', one, '--out', dir, '--jobs', '1', '-q']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.existsSync(path.join(dir, LOCK_FILE)), false);
    // Another machine's lock cannot be judged from here: it stands.
    fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: gone, host: 'elsewhere.example', command: 'watch' }));
    const held = spawnCli(['build', one, '--update', dir, '--jobs', '1', '-q']);
    assert.equal(held.code, EXIT.io);
    assert.match(held.stderr, /on elsewhere\.example/);
  });

  it('`build --update` beside `build --out` (the finding): one of them is refused, and the directory is one build', async () => {
    const dir = path.join(root, 'race');
    assert.equal(spawnCli(['build', one, '--out', dir, '--jobs', '1', '-q']).code, 0);
    const [full, update] = await Promise.all([spawnBuild([many, '--out', dir]), spawnBuild([one, many, '--update', dir])]);
    const codes = [full.code, update.code].sort();
    assert.deepEqual(codes, [EXIT.ok, EXIT.io], `${full.stderr}\n${update.stderr}`);
    const refused = full.code === EXIT.io ? full : update;
    assert.match(refused.stderr, /in use by another newsgraph/);
    assert.equal(graphCount(dir), storeCount(dir), 'graph.json counts the documents the store holds');
  });

  it('two overlapping updates: one is refused with exit 3 naming DIR (never "database is locked", exit 4)', async () => {
    const dir = path.join(root, 'updates');
    assert.equal(spawnCli(['build', one, '--out', dir, '--jobs', '1', '-q']).code, 0);
    const results = await Promise.all([spawnBuild([many, '--update', dir]), spawnBuild([many, '--update', dir])]);
    for (const r of results) {
      assert.ok(r.code === EXIT.ok || r.code === EXIT.io, r.stderr);
      assert.doesNotMatch(r.stderr, /database is locked|internal error/);
    }
    assert.ok(results.some((r) => r.code === EXIT.ok));
    assert.equal(graphCount(dir), storeCount(dir));
    assert.equal(storeCount(dir), 61);
  });
});
