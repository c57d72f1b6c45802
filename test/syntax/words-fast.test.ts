// modelWords' fast path: a token plainWord() accepts is one model word, its text unchanged, as
// splitWord and modelForm would have it; and the cached path gives what they give.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { modelForm, modelWords, plainWord, splitWord, type Piece } from '../../src/syntax/words';

const CHARS = ['a', 'n', 't', 's', 'm', 'A', 'N', 'T', 'G', 'o', '0', '5', '.', ',', ':', "'", '’', '‘', '‛', '“', '”', '„', '‟', '-', '–', 'é', 'ğ', '@', '/', 'k', 'p', 'M'];
const WORDS = ['cannot', 'Cannot', 'gonna', 'WANNA', 'gotta', "don't", 'can’t', "I'm", 'McDonald’s', '8am', '5m', 'vice-president', 're-elect', 'e-mail', '3-2', 'STS-1', 'Erdoğan', 'U.S.', 'www.bbc.co.uk', '“Quote”', 'plain', 'Words', '1990s', '19th'];
const textArb = fc.oneof(fc.constantFrom(...WORDS), fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 9 }).map((cs) => cs.join('')));

describe('syntax/words: fast paths agree with splitWord and modelForm', () => {
  it('plainWord(t) only where splitWord keeps t whole and modelForm leaves it as it is', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        if (plainWord(t)) {
          assert.deepEqual(splitWord(t), [t]);
          assert.equal(modelForm(t), t);
        }
      }),
      { numRuns: 5000, seed: 16 },
    );
  });

  it('modelWords gives each piece the forms splitWord and modelForm give (pieces spaced apart)', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 12 }), (texts) => {
        const pieces: Piece[] = texts.map((text) => ({ text, spaceBefore: true }));
        const expected = texts.flatMap((t, i) => splitWord(t).map((part) => ({ text: modelForm(part), first: i, last: i })));
        // merges may join spaced pieces only for domains and e-mails; leave those out of the comparison
        const words = modelWords(pieces);
        if (words.some((w) => w.first !== w.last)) return;
        assert.deepEqual(words, expected);
      }),
      { numRuns: 3000, seed: 16 },
    );
  });
});
