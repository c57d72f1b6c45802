// Finding 4: a damaged store. One overwritten page used to make `build --out` and `--update` end
// in exit 4, "database disk image is malformed", naming no file; with the damage elsewhere an
// update "succeeded" on a store SQLite's own check rejects; and watch blamed the input for a store
// error and never read it again. Now the store is checked (quick_check) when it is opened: an
// update refuses it with exit 3 naming DIR/newsgraph.db, a full build warns and writes a new store
// from the inputs, and watch tries again once the store is sound.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { EXIT } from '../../src/errors';
import { seededRandom } from '../../src/layout/random';
import { watch, type WatchUpdate } from '../../src/watch';
import { lines, removeTmpDirs, requireBuiltCli, spawnCli, tmpDir } from './helpers';

function article(n: number): string {
  return `Talks, round ${n}\n\nForeign Minister Anna Novak of Poland met envoy Farid Haddad of Egypt in Vienna on day ${n}. Novak urged Egypt to accept the offer.\n`;
}

function quickCheck(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma('quick_check(1)', { simple: true }));
  } catch (e) {
    return (e as Error).message;
  } finally {
    db.close();
  }
}

/** Overwrites one page (not the header page) with seeded garbage. */
function damagePage(file: string, random: () => number): number {
  const pageSize = 4096;
  const pages = Math.floor(fs.statSync(file).size / pageSize);
  const page = 1 + Math.floor(random() * (pages - 1));
  const garbage = Buffer.alloc(pageSize);
  for (let i = 0; i < pageSize; i++) garbage[i] = Math.floor(random() * 256);
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, pageSize, page * pageSize);
  fs.closeSync(fd);
  return page;
}

describe('a damaged store is never trusted', function () {
  this.timeout(300_000);
  let corpus: string;
  let extra: string;
  before(() => {
    requireBuiltCli();
    const root = tmpDir('damaged');
    corpus = path.join(root, 'corpus');
    fs.mkdirSync(corpus);
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(corpus, `a${i}.txt`), article(i));
    extra = path.join(root, 'extra.txt');
    fs.writeFileSync(extra, article(99));
  });
  after(removeTmpDirs);

  it('one damaged page at seeded places: --update is exit 3 naming the store, or (a page SQLite does not use) a sound result; never exit 4', () => {
    const random = seededRandom(404);
    let refused = 0;
    for (let round = 0; round < 6; round++) {
      const dir = path.join(tmpDir('damaged-round'), 'out');
      assert.equal(spawnCli(['build', corpus, '--out', dir, '--jobs', '1', '-q']).code, 0);
      const store = path.join(dir, 'newsgraph.db');
      const page = damagePage(store, random);
      const r = spawnCli(['build', extra, '--update', dir, '--jobs', '1', '-q']);
      if (r.code === EXIT.io) {
        refused++;
        const [line, ...rest] = lines(r.stderr);
        assert.deepEqual(rest, []);
        assert.ok(line?.startsWith(`newsgraph: ${store}: damaged (`), `page ${page}: ${line}`);
        assert.match(line ?? '', /rebuild it from the inputs with `newsgraph build INPUTS --out DIR`/);
      } else {
        assert.equal(r.code, EXIT.ok, `page ${page}: ${r.stderr}`);
        assert.equal(quickCheck(store), 'ok', `page ${page}: an update that succeeds leaves a sound store`);
      }
    }
    assert.ok(refused >= 3, `${refused} of 6 damaged stores refused`);
  });

  it('a full build over a damaged store warns, names it, and writes a sound new one', () => {
    const dir = path.join(tmpDir('damaged-full'), 'out');
    assert.equal(spawnCli(['build', corpus, '--out', dir, '--jobs', '1', '-q']).code, 0);
    const store = path.join(dir, 'newsgraph.db');
    const fd = fs.openSync(store, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096 * 3, 0xa5), 0, 4096 * 3, 4096 * 2);
    fs.closeSync(fd);
    assert.notEqual(quickCheck(store), 'ok');
    const r = spawnCli(['build', corpus, '--out', dir, '--jobs', '1']);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(r.stderr, new RegExp(`${store.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: damaged \\(`));
    assert.equal(quickCheck(store), 'ok');
    assert.doesNotMatch(r.stderr, /internal error/);
  });

  it('watch: a store error is not the input\'s fault; the file is added once the store is sound again', async () => {
    const root = tmpDir('damaged-watch');
    const inputs = path.join(root, 'in');
    const out = path.join(root, 'out');
    fs.mkdirSync(inputs);
    fs.writeFileSync(path.join(inputs, 'a.txt'), article(1));
    const failures: unknown[] = [];
    const updates: WatchUpdate[] = [];
    const stop = new AbortController();
    const waitFor = async (test: () => boolean): Promise<void> => {
      for (let i = 0; i < 600 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(test(), 'timed out');
    };
    const running = watch([inputs], { out, jobs: 1 }, { interval: 50 }, { onWarning: () => undefined, onUpdate: (u) => updates.push(u), onFailure: (e) => failures.push(e) }, stop.signal);
    try {
      await waitFor(() => updates.length === 1);
      const store = path.join(out, 'newsgraph.db');
      const fd = fs.openSync(store, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096 * 3, 0x5a), 0, 4096 * 3, 4096 * 2);
      fs.closeSync(fd);
      fs.writeFileSync(path.join(inputs, 'b.txt'), article(2));
      await waitFor(() => failures.length === 1);
      const failure = failures[0] as { name?: string; file?: string };
      assert.equal(failure.name, 'DamagedError');
      assert.equal(failure.file, store, 'the store is named, not the input');
      // The store is gone (the user removed it): the next look rebuilds from every input, b.txt included.
      fs.rmSync(store);
      await waitFor(() => updates.length === 2);
      assert.equal(updates[1]?.summary.documents, 2);
    } finally {
      stop.abort();
      await running;
    }
  });
});
