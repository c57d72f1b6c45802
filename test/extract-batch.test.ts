// Extraction in batches (src/extract.ts): each stage over several documents before the next gives
// every document the same line as extracting it alone, and one failing document leaves the
// others' lines as they are. Texts written for this test.
import { strict as assert } from 'node:assert';
import { createBatchLineExtractor, createLineExtractor } from '../src/extract';
import type { SourceDocument } from '../src/types';

const TEXTS: readonly string[] = [
  'Gondor imposed sanctions on Mordor on Monday. The Gondor foreign minister said the measures would stay.',
  'Rohan and Gondor held talks in Edoras. Officials said Rohan had offered aid to Gondor.',
  '',
  'The weather was mild across the region, and markets were quiet.',
  'France condemned the attack. President Emmanuel Macron said France would support Ukraine.',
  'Germany warned Russia against further strikes, and Russia rejected the warning.',
];

const docs: SourceDocument[] = TEXTS.map((text, i) => ({ id: `doc-${i}`, text, origin: `test:${i}` }));

describe('extraction in batches', function () {
  this.timeout(120000);
  const one = createLineExtractor();
  const many = createBatchLineExtractor();

  it('gives each document the line it gets alone, in any grouping', () => {
    const alone = docs.map((d) => one(d));
    for (const size of [1, 2, 4, docs.length]) {
      const lines: string[] = [];
      for (let i = 0; i < docs.length; i += size) {
        for (const o of many(docs.slice(i, i + size))) {
          assert.ok('line' in o, 'no document here fails');
          lines.push(o.line);
        }
      }
      assert.deepEqual(lines, alone, `batches of ${size}`);
    }
  });

  it('keeps the others\' lines when one document fails, and gives that one its own error', () => {
    const broken = { id: 'broken', text: null, origin: 'test:broken' } as unknown as SourceDocument;
    const batch = [docs[0], broken, docs[1]] as SourceDocument[];
    const out = many(batch);
    assert.equal(out.length, 3);
    assert.deepEqual(out[0], { line: one(docs[0] as SourceDocument) });
    assert.ok(out[1] && 'error' in out[1], 'the broken document has an error');
    assert.deepEqual(out[2], { line: one(docs[1] as SourceDocument) });
  });
});
