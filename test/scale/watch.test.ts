// A resident process: BuildSession keeps the model and the folded graph between runs, and
// `watch` feeds it the files that change. Whatever path a run takes (folding only the new
// documents, or the whole store again), its graph files are the bytes a one-shot build of the same
// documents gives.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build, BuildSession, type BuildSummary } from '../../src/pipeline';
import { resolveWatchOptions, watch, type WatchUpdate } from '../../src/watch';
import { InputError, OutputError, UsageError } from '../../src/errors';
import { DEFAULT_ATOMIC_WRITE_OPTIONS, type AtomicFs, type AtomicWriteOptions } from '../../src/export/atomic';
import { itemText, writeCorpus } from './corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const quiet = { onWarning: (): void => undefined };

const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

function assertSameGraph(a: string, b: string, what: string): void {
  assert.ok(read(a, 'graph.json').equals(read(b, 'graph.json')), `${what}: graph.json differs`);
  assert.ok(read(a, 'graph.gexf').equals(read(b, 'graph.gexf')), `${what}: graph.gexf differs`);
}

function writeItem(dir: string, i: number, text = itemText(i)): string {
  const file = path.join(dir, `item-${String(i).padStart(3, '0')}.txt`);
  fs.writeFileSync(file, text);
  return file;
}

describe('watch: a resident build session', function () {
  this.timeout(120_000);
  let dir: string;
  let corpus: string;
  let out: string;
  let session: BuildSession;
  /** A one-shot build of the whole corpus directory, in a directory of its own. */
  let coldRuns = 0;
  const cold = async (): Promise<string> => {
    const target = path.join(dir, `cold-${++coldRuns}`);
    await build([corpus], { out: target, jobs: 1 }, quiet);
    return target;
  };
  const added = (file: string) => ({ file, root: corpus });

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-watch-'));
    corpus = path.join(dir, 'corpus');
    out = path.join(dir, 'out');
    writeCorpus(corpus, 6);
    session = new BuildSession({ out, jobs: 1 });
    await session.run([corpus], { update: false }, quiet);
  });
  after(async () => {
    await session.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('new documents folded into the kept graph give the bytes of one build of them all', async () => {
    const summary = await session.run([added(writeItem(corpus, 6)), added(writeItem(corpus, 7))], { update: true }, quiet);
    assert.deepEqual(summary.outcomes, { extracted: 2, cached: 0, unchanged: 0, replaced: 0, refreshed: 0 });
    assert.equal(summary.documents, 8);
    assertSameGraph(out, await cold(), 'after adding two documents');
  });

  it('a document read again unchanged changes nothing', async () => {
    const summary = await session.run([added(path.join(corpus, 'item-003.txt'))], { update: true }, quiet);
    assert.deepEqual(summary.outcomes, { extracted: 0, cached: 0, unchanged: 1, replaced: 0, refreshed: 0 });
    assertSameGraph(out, await cold(), 'after reading one document again');
  });

  it('a changed document is replaced in its place (the store is folded again)', async () => {
    writeItem(corpus, 2, `${itemText(2)}Germany accused France of leaking the draft.\n`);
    const summary = await session.run([added(path.join(corpus, 'item-002.txt'))], { update: true }, quiet);
    assert.equal(summary.outcomes.replaced, 1);
    assertSameGraph(out, await cold(), 'after replacing a document');
  });

  it('sees a store that another process updated meanwhile, and folds it again', async () => {
    // Another writer adds item 8; the session's kept graph lacks it and must not be reused.
    await build([added(writeItem(corpus, 8))], { out, update: true, jobs: 1 }, quiet);
    const summary = await session.run([added(writeItem(corpus, 9))], { update: true }, quiet);
    assert.equal(summary.documents, 10);
    assertSameGraph(out, await cold(), 'after another process updated the store');
  });

  it('a failed run leaves the store and graph as they were, and the session usable', async () => {
    const before = read(out, 'graph.json');
    const empty = path.join(corpus, 'item-010.txt');
    fs.writeFileSync(empty, '');
    await assert.rejects(session.run([added(empty)], { update: true }, quiet), InputError);
    assert.ok(read(out, 'graph.json').equals(before));
    fs.rmSync(empty);
    await session.run([added(writeItem(corpus, 11))], { update: true }, quiet);
    assertSameGraph(out, await cold(), 'after a failed run and a good one');
  });
});

describe('watch: watching inputs', function () {
  this.timeout(120_000);
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-watching-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs watch() until `script` is done; resolves with every update and failure it reported. */
  async function watching(inputs: string[], out: string, script: (next: () => Promise<WatchUpdate | unknown>) => Promise<void>) {
    const updates: WatchUpdate[] = [];
    const failures: unknown[] = [];
    const waiting: ((u: WatchUpdate | unknown) => void)[] = [];
    const queued: (WatchUpdate | unknown)[] = [];
    const report = (u: WatchUpdate | unknown): void => {
      const w = waiting.shift();
      if (w) w(u);
      else queued.push(u);
    };
    const next = (): Promise<WatchUpdate | unknown> => (queued.length ? Promise.resolve(queued.shift()) : new Promise((resolve) => waiting.push(resolve)));
    const stop = new AbortController();
    const running = watch(inputs, { out, jobs: 1 }, { interval: 50 }, {
      onWarning: () => undefined,
      onUpdate: (u) => {
        updates.push(u);
        report(u);
      },
      onFailure: (e) => {
        failures.push(e);
        report(e);
      },
    }, stop.signal);
    try {
      await script(next);
    } finally {
      stop.abort();
      await running;
    }
    return { updates, failures };
  }

  it('builds once, then adds each new or changed file (with the id a walk gives it), and reports a bad one', async () => {
    const corpus = path.join(dir, 'corpus');
    const out = path.join(dir, 'out');
    writeCorpus(corpus, 3);
    const { updates, failures } = await watching([corpus], out, async (next) => {
      const first = (await next()) as WatchUpdate;
      assert.deepEqual(first.files, [corpus]);
      assert.equal(first.summary.documents, 3);
      fs.mkdirSync(path.join(corpus, 'later'));
      const later = path.join(corpus, 'later', 'item-003.txt');
      fs.writeFileSync(later, itemText(3));
      const second = (await next()) as WatchUpdate;
      assert.deepEqual(second.files, [later]);
      assert.equal(second.summary.documents, 4);
      assert.ok((second.summary.graph.getAttribute('sources') as { id: string }[]).some((s) => s.id === 'later/item-003.txt'), 'the id a walk of the directory gives');
      fs.writeFileSync(path.join(corpus, 'empty.txt'), '');
      const third = await next();
      assert.ok(third instanceof InputError, String(third));
    });
    assert.equal(updates.length, 2);
    assert.equal(failures.length, 1);
    const cold = path.join(dir, 'cold');
    await build([corpus], { out: cold, jobs: 1 }, quiet).catch(() => undefined); // empty.txt: a warning
    assertSameGraph(out, cold, 'watch vs one build');
  });

  it('starts on an empty directory and builds when the first document arrives', async () => {
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    const out = path.join(dir, 'out');
    await watching([corpus], out, async (next) => {
      assert.ok((await next()) instanceof InputError, 'nothing to build yet');
      writeItem(corpus, 0);
      const built = (await next()) as WatchUpdate;
      assert.equal((built.summary as BuildSummary).documents, 1);
    });
    assert.ok(fs.existsSync(path.join(out, 'graph.json')));
  });

  it('rebuilds from every input when the store has gone, and retries an update the disk refused', async () => {
    const corpus = path.join(dir, 'corpus');
    const out = path.join(dir, 'out');
    writeCorpus(corpus, 2);
    const defaults = DEFAULT_ATOMIC_WRITE_OPTIONS as AtomicWriteOptions;
    const saved = defaults.fs;
    const { updates, failures } = await watching([corpus], out, async (next) => {
      await next();
      fs.rmSync(path.join(out, 'newsgraph.db'));
      writeItem(corpus, 2);
      const rebuilt = (await next()) as WatchUpdate;
      assert.equal(rebuilt.summary.documents, 3, 'all three inputs, not just the new file');
      // A full disk: every graph file write fails until it is "freed".
      let refused = 0;
      defaults.fs = { ...(fs.promises as unknown as AtomicFs), open: async () => {
        refused++;
        throw Object.assign(new Error('ENOSPC: no space left on device, open'), { code: 'ENOSPC' });
      } };
      writeItem(corpus, 3);
      const failed = await next();
      assert.ok(failed instanceof OutputError && /disk full/.test(failed.message), String(failed));
      while (refused < 3) await new Promise((resolve) => setTimeout(resolve, 20)); // tried again, quietly
      defaults.fs = saved;
      const retried = (await next()) as WatchUpdate;
      assert.deepEqual(retried.files, [path.join(corpus, 'item-003.txt')]);
      assert.equal(retried.summary.documents, 4);
    }).finally(() => {
      defaults.fs = saved;
    });
    assert.equal(failures.length, 1, 'the same failure is reported once');
    assert.equal(updates.length, 3);
    const cold = path.join(dir, 'cold');
    await build([corpus], { out: cold, jobs: 1 }, quiet);
    assertSameGraph(out, cold, 'after a rebuild and a retried update');
  });

  it('refuses standard input, a missing input and a bad interval before it starts', async () => {
    const out = path.join(dir, 'out');
    const hooks = { onWarning: () => undefined, onUpdate: () => undefined, onFailure: () => undefined };
    const signal = new AbortController().signal;
    await assert.rejects(watch(['-'], { out }, {}, hooks, signal), UsageError);
    await assert.rejects(watch([path.join(dir, 'nope')], { out }, {}, hooks, signal), (e: unknown) => e instanceof InputError && /nope: no such file/.test(e.message));
    assert.throws(() => resolveWatchOptions({ interval: 10 }), /--interval/);
    assert.throws(() => resolveWatchOptions({ interval: 1.5 }), /--interval/);
  });
});

/** A temporary directory for one test, removed after it whatever happens. */
async function inTempDir(prefix: string, body: (dir: string) => Promise<void>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    await body(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `newsgraph watch ARGS` as a child process, with what it has printed so far and a way to wait for a line. */
function runningWatch(args: readonly string[]) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'newsgraph'), 'watch', ...args], { cwd: ROOT });
  let output = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  const collect = (s: string): void => {
    output += s;
    waiters.splice(0).forEach((w) => w());
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
    collect(s);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: (): string => output,
    stderr: (): string => stderr,
    /** The first line printed (stdout or stderr) that matches, once there is one. */
    async waitForLine(pattern: RegExp): Promise<string> {
      for (;;) {
        const line = output.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return line;
        if (child.exitCode !== null) throw new Error(`watch exited early:\n${output}`);
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

describe('watch: the command', function () {
  this.timeout(120_000);

  it('prints one line per update and stops cleanly on SIGINT', async () => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')), 'run `npm run build` first: this test runs dist/');
    await inTempDir('newsgraph-watch-cli-', async (dir) => {
      const corpus = path.join(dir, 'corpus');
      writeCorpus(corpus, 2);
      const run = runningWatch([corpus, '--out', path.join(dir, 'out'), '--interval', '50', '--jobs', '1']);
      assert.match(await run.waitForLine(/ 2 documents → /), /corpus: 2 documents → \d+ nodes, \d+ edges in \d+\.\d\d s/);
      writeItem(corpus, 2);
      assert.match(await run.waitForLine(/item-002\.txt: 3 documents/), /item-002\.txt: 3 documents → \d+ nodes/);
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0, run.stderr());
      assert.match(run.stderr(), /newsgraph: stopped\n$/);
    });
  });

  it('--serve serves the viewer once the graph is built, with a new ETag after each update, and stops with the watch', async () => {
    await inTempDir('newsgraph-watch-serve-', async (dir) => {
      const corpus = path.join(dir, 'corpus');
      writeCorpus(corpus, 2);
      const run = runningWatch([corpus, '--out', path.join(dir, 'out'), '--interval', '50', '--jobs', '1', '--serve', '--port', '0']);
      const serving = /serving \S+ at (http:\/\/127\.0\.0\.1:\d+\/)/;
      const url = serving.exec(await run.waitForLine(serving))?.[1] as string;
      const first = await fetch(`${url}graph.json`);
      assert.equal(first.status, 200);
      const etag = first.headers.get('etag');
      assert.equal(((await first.json()) as { attributes: { documentCount: number } }).attributes.documentCount, 2);
      writeItem(corpus, 2);
      await run.waitForLine(/item-002\.txt: 3 documents/);
      const second = await fetch(`${url}graph.json`, { headers: { 'If-None-Match': etag ?? '' } });
      assert.equal(second.status, 200, 'graph.json changed, so no 304');
      assert.notEqual(second.headers.get('etag'), etag);
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0, run.output());
      await assert.rejects(fetch(`${url}graph.json`), 'the server stopped with the watch');
    });
  });

  it('--serve on a port already taken: exit 2 and a line naming --port', async () => {
    const net = await import('node:net');
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      await inTempDir('newsgraph-watch-port-', async (dir) => {
        const corpus = path.join(dir, 'corpus');
        writeCorpus(corpus, 1);
        const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsgraph'), 'watch', corpus, '--out', path.join(dir, 'out'), '--jobs', '1', '--serve', '--port', String(port)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr.trim().split('\n').pop() ?? '', new RegExp(`^newsgraph: --port: port ${port} on 127\\.0\\.0\\.1 is already in use`));
      });
    } finally {
      holder.close();
    }
  });

  it('refuses a bad interval and standard input with a usage error', () => {
    for (const [args, pattern] of [
      [['watch', '.', '--out', '/tmp/never', '--interval', '5'], /--interval: must be a whole number of milliseconds/],
      [['watch', '-', '--out', '/tmp/never'], /-: watch reads files, directories and feeds, not standard input/],
    ] as const) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'newsgraph'), ...args], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  });
});
