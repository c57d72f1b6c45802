// The worker pool and the ordered map that puts its results back in input order.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { UsageError } from '../../src/errors';
import { Extraction, POOL_AFTER_DOCUMENTS } from '../../src/pipeline';
import { ExtractPool, orderedMap, resolveJobs, workerScript } from '../../src/workers/pool';
import { collectGarbage } from '../../src/workers/memory';
import type { DocumentResult, SourceDocument } from '../../src/types';
import { itemText } from './corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST_PIPELINE = path.join(ROOT, 'dist', 'src', 'pipeline.js');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

describe('orderedMap', () => {
  it('yields results in input order whatever order they finish in (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 40 }), fc.integer({ min: 1, max: 8 }), async (delays, window) => {
        const out = await collect(orderedMap(delays.map((d, i) => [d, i] as const), async ([d, i]) => {
          await sleep(d);
          return i;
        }, window));
        assert.deepEqual(out, delays.map((_d, i) => i));
      }),
      { numRuns: 30 },
    );
  });

  it('reads at most `window` items ahead of the one it hands on (flat memory)', async () => {
    let pulled = 0;
    let handed = 0;
    let worst = 0;
    async function* source(): AsyncGenerator<number> {
      for (let i = 0; i < 100; i++) {
        pulled++;
        worst = Math.max(worst, pulled - handed);
        yield i;
      }
    }
    for await (const x of orderedMap(source(), async (i) => {
      await sleep(i % 3);
      return i;
    }, 4)) {
      handed++;
      assert.equal(x, handed - 1);
      await sleep(1); // a slow consumer must not make the reader run ahead
    }
    assert.equal(handed, 100);
    assert.ok(worst <= 5, `read ${worst} items ahead with a window of 4`);
  });

  it('throws the first failure in input order and closes its source', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        for (let i = 0; i < 50; i++) yield i;
      } finally {
        closed = true;
      }
    }
    const seen: number[] = [];
    await assert.rejects(async () => {
      for await (const x of orderedMap(source(), async (i) => {
        // item 7 fails late, item 9 fails early: 7 comes first in input order
        await sleep(i === 7 ? 20 : 0);
        if (i === 7 || i === 9) throw new Error(`failed ${i}`);
        return i;
      }, 6)) seen.push(x);
    }, /failed 7/);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(closed, 'source closed');
  });

  it('closes its source when the consumer stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const x of orderedMap(source(), (i) => i * 2, 3)) if (x >= 10) break;
    assert.ok(closed);
  });

  it('calls beforeWait each time it stops reading, so that held-back work can be settled', async () => {
    // fn holds every item back until beforeWait releases them: without the call this would hang.
    const held: Array<() => void> = [];
    let waits = 0;
    const out = await collect(orderedMap(Array.from({ length: 10 }, (_, i) => i), (i) => new Promise<number>((resolve) => held.push(() => resolve(i))), 4, () => {
      waits++;
      for (const release of held.splice(0)) release();
    }));
    assert.deepEqual(out, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(waits >= 3, `${waits} waits`);
  });

  it('calls whenDone once, after the input ended and every call settled, before the last results are handed on', async () => {
    const settled: number[] = [];
    const seen: number[] = [];
    let doneAt: number[] | undefined;
    const slow = (i: number): Promise<number> => sleep((7 - i) * 3).then(() => (settled.push(i), i));
    for await (const x of orderedMap(Array.from({ length: 7 }, (_, i) => i), slow, 3, undefined, () => {
      assert.equal(doneAt, undefined, 'called twice');
      doneAt = [...seen];
      assert.equal(settled.length, 7, 'every call settled first');
    })) seen.push(x);
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(doneAt !== undefined && doneAt.length < 7 && doneAt.length >= 7 - 3, `called after ${String(doneAt?.length)} results`);
    // a failure still comes in its turn
    await assert.rejects(collect(orderedMap([1, 2], (i) => (i === 2 ? Promise.reject(new Error('two')) : i), 2, undefined, () => undefined)), /two/);
  });

  it('accepts plain iterables and synchronous functions', async () => {
    assert.deepEqual(await collect(orderedMap([1, 2, 3], (x) => x + 1, 2)), [2, 3, 4]);
    assert.deepEqual(await collect(orderedMap([], (x: number) => x, 2)), []);
  });
});

describe('collectGarbage', () => {
  it('collects at once, and leaves no gc function to other contexts', () => {
    let garbage: unknown[] | undefined = Array.from({ length: 200_000 }, (_, i) => ({ i }));
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    void garbage;
    collectGarbage();
    assert.ok(process.memoryUsage().heapUsed < before, 'the heap shrank');
    assert.equal(runInNewContext('typeof gc'), 'undefined');
  });
});

describe('--jobs', () => {
  it('is a positive integer; UsageError names --jobs', () => {
    assert.equal(resolveJobs(3), 3);
    assert.ok(resolveJobs(undefined) >= 1);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => resolveJobs(bad), (e: unknown) => e instanceof UsageError && e.file === '--jobs', String(bad));
    }
  });
});

/** Extract lines from the same compiled code, in this thread: what every worker must give. */
function inThread(): (source: SourceDocument) => string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dist = require(DIST_PIPELINE) as { createExtractor: () => (s: SourceDocument) => DocumentResult; documentLine: (r: DocumentResult, source: SourceDocument) => string };
  const extract = dist.createExtractor();
  return (source) => dist.documentLine(extract(source), source);
}

/** Not a string: the extractor throws on it, as it would on any document it cannot handle. */
const bad: SourceDocument = { id: 'bad', text: 42 as unknown as string, origin: 'bad' };

/** The message the extractor in this thread throws for a document. */
function failureOf(lineOf: (source: SourceDocument) => string, source: SourceDocument): string {
  try {
    lineOf(source);
  } catch (e) {
    return (e as Error).message;
  }
  return assert.fail(`the extractor did not throw on ${source.id}`);
}

/** A pool whose workers have all loaded their model. */
async function readyPool(size: number): Promise<ExtractPool> {
  const pool = new ExtractPool(size, []);
  await pool.whenReady();
  return pool;
}

describe('ExtractPool', function () {
  this.timeout(120_000);

  before(function () {
    // The workers run compiled code: `npm test` builds first.
    assert.ok(fs.existsSync(DIST_PIPELINE), `${DIST_PIPELINE} is missing: run \`npm run build\` first`);
  });

  it('finds its compiled worker script from ts-node as from dist/', () => {
    const script = workerScript();
    assert.equal(script, path.join(ROOT, 'dist', 'src', 'workers', 'extract-worker.js'));
    assert.ok(fs.existsSync(script));
  });

  it('gives each document the line the single-threaded extractor gives, whatever thread ran it', async () => {
    const lineOf = inThread();
    const sources: SourceDocument[] = Array.from({ length: 24 }, (_, i) => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` }));
    const pool = new ExtractPool(3, []);
    try {
      const lines = await collect(orderedMap(sources, (s) => pool.extract(s), 6));
      assert.deepEqual(lines, sources.map((s) => lineOf(s)));
    } finally {
      await pool.close();
    }
  });

  it('sends the documents that queue up while its workers are busy in batches; results stay in input order', async () => {
    const lineOf = inThread();
    const sources: SourceDocument[] = Array.from({ length: 30 }, (_, i) => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` }));
    const pool = await readyPool(2);
    try {
      // All at once: the two idle workers start on one document each, the rest go in batches.
      const lines = await Promise.all(sources.map((s) => pool.extract(s)));
      assert.deepEqual(lines, sources.map((s) => lineOf(s)));
      assert.ok(pool.batches < sources.length / 2, `${sources.length} documents in ${pool.batches} messages`);
      assert.ok(pool.batches >= 2 + Math.ceil((sources.length - 2) / ExtractPool.MAX_BATCH), `batches of at most ${ExtractPool.MAX_BATCH}`);
    } finally {
      await pool.close();
    }
  });

  it('fails a document alone: the rest of its batch succeeds, in input order, and the worker goes on', async () => {
    const lineOf = inThread();
    const good = (i: number): SourceDocument => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` });
    const expected = failureOf(lineOf, bad);
    assert.ok(expected.length > 0 && !expected.includes('\n'), 'the extractor throws a one-line message on the bad document');
    // One worker: the first document goes alone, the next MAX_BATCH in one batch, the bad one at its middle.
    const half = Math.floor(ExtractPool.MAX_BATCH / 2);
    const sources = [good(0), ...Array.from({ length: half }, (_, i) => good(1 + i)), bad, ...Array.from({ length: ExtractPool.MAX_BATCH - half - 1 }, (_, i) => good(1 + half + i))];
    const failing = sources.indexOf(bad);
    const pool = await readyPool(1);
    try {
      const settled = await Promise.allSettled(sources.map((s) => pool.extract(s)));
      assert.equal(pool.batches, 2, 'the bad document shared its batch with others');
      settled.forEach((outcome, i) => {
        const source = sources[i] as SourceDocument;
        if (source === bad) {
          assert.equal(outcome.status, 'rejected');
          assert.equal(outcome.status === 'rejected' && (outcome.reason as Error).message, expected);
        } else {
          assert.equal(outcome.status, 'fulfilled', `${source.id}`);
          assert.equal(outcome.status === 'fulfilled' && outcome.value, lineOf(source), source.id);
        }
      });
      // In order through orderedMap: the lines before it, then its error, as with --jobs 1.
      const seen: string[] = [];
      await assert.rejects(async () => {
        for await (const line of orderedMap(sources, (s) => pool.extract(s), 8)) seen.push(line);
      }, (e: unknown) => e instanceof Error && e.message === expected);
      assert.deepEqual(seen, sources.slice(0, failing).map((s) => lineOf(s)));
    } finally {
      await pool.close();
    }
  });

  it('gives documents only to workers that have loaded their model; what waits meanwhile is not lost', async () => {
    const lineOf = inThread();
    const sources: SourceDocument[] = Array.from({ length: 10 }, (_, i) => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` }));
    const pool = new ExtractPool(2, []);
    try {
      const lines = Promise.all(sources.map((s) => pool.extract(s)));
      assert.equal(pool.batches, 0, 'nothing sent to a loading worker');
      assert.deepEqual(await lines, sources.map((s) => lineOf(s)));
      await pool.whenReady();
      assert.ok(pool.batches > 0);
    } finally {
      await pool.close();
    }
  });

  it('rejects the pending work of a closed pool instead of hanging', async () => {
    const pool = new ExtractPool(1, []);
    const pending = assert.rejects(pool.extract({ id: 'a', text: itemText(1), origin: 'a' }), /closed/);
    await pool.close();
    await pending;
    await assert.rejects(pool.extract({ id: 'b', text: itemText(2), origin: 'b' }), /closed/);
  });
});

describe('Extraction: this thread for a few documents, the workers for more', function () {
  this.timeout(120_000);

  const sources: SourceDocument[] = Array.from({ length: 40 }, (_, i) => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` }));

  it('gives the lines --jobs 1 gives, in input order, from the workers once POOL_AFTER_DOCUMENTS have asked', async () => {
    const lineOf = inThread();
    for (const [count, inWorkers] of [[POOL_AFTER_DOCUMENTS - 1, 0], [sources.length, sources.length]] as const) {
      const items = sources.slice(0, count);
      const extraction = new Extraction(2, []);
      try {
        const lines = await collect(orderedMap(items, (s) => extraction.line(s), extraction.readAhead, extraction.settle));
        assert.deepEqual(lines, items.map((s) => lineOf(s)));
        assert.equal(extraction.inWorkers, inWorkers, `${count} documents`);
      } finally {
        await extraction.close();
      }
    }
  });

  it('a document that fails ends the run after the lines before it, with its one-line message, in this thread as in a worker', async () => {
    const lineOf = inThread();
    const expected = failureOf(lineOf, bad);
    // 5 documents stay in this thread; 40 go to the workers.
    for (const items of [[...sources.slice(0, 3), bad, sources[3] as SourceDocument], [...sources.slice(0, 20), bad, ...sources.slice(20)]]) {
      const at = items.indexOf(bad);
      const extraction = new Extraction(2, []);
      const seen: string[] = [];
      try {
        await assert.rejects(async () => {
          for await (const line of orderedMap(items, (s) => extraction.line(s), extraction.readAhead, extraction.settle)) seen.push(line);
        }, (e: unknown) => e instanceof Error && e.message === expected);
        assert.deepEqual(seen, items.slice(0, at).map((s) => lineOf(s)), `bad document at ${at} of ${items.length}`);
      } finally {
        await extraction.close();
      }
    }
  });
});
