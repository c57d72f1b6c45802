// The wink adapter: a document's tokens depend on that document alone, never on what the same
// process read before it. wink keeps one word cache per instance and its tokeniser consults it,
// so without the adapter's isolation "U.S." became "U.S" + "." once any earlier document had
// contained "U.S" (and --jobs 1 and --jobs 2 gave different graphs).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { annotate } from '../src/nlp';

const ourTokens = (text: string): string[] => annotate({ id: 'doc', text, origin: 'test' }).tokens.map((t) => `${t.value}/${t.pos}`);

/** What a wink instance that has read nothing else gives (whitespace tokens dropped, as we do). */
function freshTokens(text: string, metaCER: unknown): string[] {
  const fresh = winkNLP({ ...model, metaCER: () => metaCER }, ['sbd', 'negation', 'pos']);
  const doc = fresh.readDoc(text);
  const values = doc.tokens().out() as string[];
  const pos = doc.tokens().out(fresh.its.pos) as string[];
  return values.flatMap((v, i) => (v.trim() === '' ? [] : [`${v}/${pos[i] ?? ''}`]));
}

/** Documents that teach wink an out-of-lexicon word, and documents whose split depends on it. */
const TEACHERS = ['Trade across the U.S/Canada border grew.', 'He lives in the U.S', 'The U.N/EU talks stalled.', 'Prices rose in Jan/Feb.'];
const LEARNERS = ['He joined the U.S. Air Force in 1990.', 'The U.N. Security Council met.', 'Sales in Jan. fell and in Feb. rose.'];
/** A document that teaches itself: wink splits its own later "U.S." and so must we. */
const SELF_TAUGHT = `${TEACHERS[0] as string} Later he joined the U.S. Air Force.`;

describe('nlp: tokens are a pure function of the document', () => {
  const expected = new Map<string, string[]>();
  before(function () {
    this.timeout(60_000);
    // wink's custom-entity model re-serialises itself on every load, so it is loaded once here
    const metaCER = (model.metaCER as () => unknown)();
    for (const text of [...TEACHERS, ...LEARNERS, SELF_TAUGHT, 'The U.K/Ireland border stayed open.', 'She served in the U.K. Navy.']) {
      expected.set(text, freshTokens(text, metaCER));
    }
  });

  it('keeps "U.K." one token after a document that contained "U.K"', () => {
    ourTokens('The U.K/Ireland border stayed open.');
    const after = ourTokens('She served in the U.K. Navy.');
    assert.ok(after.some((t) => t.startsWith('U.K./')), after.join(' '));
    assert.deepEqual(after, expected.get('She served in the U.K. Navy.'));
  });

  it('gives every document a fresh instance\'s tokens and POS, whatever was read before (property)', () => {
    const pool = [...TEACHERS, ...LEARNERS, SELF_TAUGHT];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 8 }), (sequence) => {
        for (const text of sequence) assert.deepEqual(ourTokens(text), expected.get(text), text);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('still splits a word the same document taught earlier, as wink does', () => {
    const tokens = ourTokens(SELF_TAUGHT);
    assert.deepEqual(tokens, expected.get(SELF_TAUGHT));
    assert.ok(tokens.filter((t) => t.startsWith('U.S/')).length === 2, tokens.join(' '));
  });
});
