// The worker pool and the ordered map that puts its results back in input order.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { UsageError } from '../../src/errors';
import { ExtractPool, orderedMap, resolveJobs, workerScript } from '../../src/workers/pool';
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

  it('accepts plain iterables and synchronous functions', async () => {
    assert.deepEqual(await collect(orderedMap([1, 2, 3], (x) => x + 1, 2)), [2, 3, 4]);
    assert.deepEqual(await collect(orderedMap([], (x: number) => x, 2)), []);
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
    // The reference is the same compiled code, in this thread.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dist = require(DIST_PIPELINE) as { createExtractor: () => (s: SourceDocument) => DocumentResult; documentLine: (r: DocumentResult, text: string) => string };
    const extract = dist.createExtractor();
    const sources: SourceDocument[] = Array.from({ length: 24 }, (_, i) => ({ id: `item-${i}`, text: itemText(i), origin: `item-${i}` }));
    const pool = new ExtractPool(3, []);
    try {
      const lines = await collect(orderedMap(sources, (s) => pool.extract(s), 6));
      assert.deepEqual(lines, sources.map((s) => dist.documentLine(extract(s), s.text)));
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
