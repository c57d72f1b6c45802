// Laws that hold for any text: extraction never throws, and every offset slices back to its text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extractText } from './helpers/extract';

const NEWS_WORDS = ['Putin', 'Trump', 'met', 'urged', 'Russia', 'Ukraine', 'the', 'Kremlin', 'said', 'he', 'not', 'if', 'US', 'envoy', 'Steve', 'Witkoff', 'President', 'Russian', 'troops', 'ceasefire', 'accepted', '.', ',', '"', "'s", 'and', 'with', 'to', '\n', 'by', 'Moscow', 'in', 'was'];

const newsLikeText = fc.array(fc.oneof(fc.constantFrom(...NEWS_WORDS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((words) => words.join(' '));
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), newsLikeText);

describe('properties of extraction', function () {
  this.timeout(120_000);
  it('never throws, and mention and evidence offsets slice the document to their text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = extractText(text);
        for (const m of r.mentions) assert.equal(text.slice(m.start, m.end), m.text);
        for (const f of r.facts) {
          assert.equal(text.slice(f.start, f.end), f.sentence);
          assert.ok(f.start >= 0 && f.end <= text.length && f.start <= f.end);
        }
      }),
      { numRuns: 2000, seed: 20250313 },
    );
  });
});
