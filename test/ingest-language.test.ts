// notEnglishReason counts letters without a string per letter and function words in one pass; it
// must answer exactly as the plain regex version below (the one it replaced) on any text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FUNCTION_WORDS, notEnglishReason, SCRIPTS } from '../src/ingest/language';

const WORD_SETS = FUNCTION_WORDS.map((row) => ({ language: row.language, words: new Set(row.words) }));

/** The former implementation, kept as the reference. */
function reference(text: string): string | undefined {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu) ?? [];
  if (letters.length < 40) return undefined;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin < letters.length * 0.5) {
    const counts = SCRIPTS.map(({ name, re }) => ({ name, n: sample.match(new RegExp(re.source, 'gu'))?.length ?? 0 }));
    const top = counts.reduce((a, b) => (b.n > a.n ? b : a));
    return `written in ${top.n > 0 ? top.name : 'a non-Latin script'}, not English`;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return undefined;
  const shares = WORD_SETS.map(({ language, words: set }) => ({ language, share: words.filter((w) => set.has(w)).length / words.length }));
  const english = shares.find((s) => s.language === 'English')?.share ?? 0;
  const other = shares.filter((s) => s.language !== 'English').reduce((a, b) => (b.share > a.share ? b : a));
  if (english < 0.08 && other.share > 0.15) return `looks like ${other.language}, not English`;
  return undefined;
}

const PIECES = [
  ...FUNCTION_WORDS.flatMap((row) => row.words.slice(0, 8)),
  'Merkel', 'Berlin', 'Zürich', 'façade', 'Ærø', 'ª', 'º', 'Ⅻ', 'ǅ', 'ﬁ', 'Ｔｏｋｙｏ', 'Москва', 'Кремль', '北京', 'ひらがな', '서울', 'القاهرة',
  'שלום', 'Αθήνα', 'दिल्ली', 'กรุงเทพ', '😀', '𝐀𝐁', '\ud800', '\udc00', '2024', '3.5%', '—', '’', ' ', ' ', '\n', ',', '.', 'THE', 'Der',
];

/** Texts mostly of one pool (a language's function words and names, or another script), with pieces of every other pool mixed in. */
const POOLS: readonly (readonly string[])[] = [
  ...FUNCTION_WORDS.map((row) => [...row.words, 'Merkel', 'Zürich', 'Ærø', 'Berlin']),
  ['Москва', 'Кремль', 'и', 'в'],
  ['北京', 'ひらがな', 'カタカナ'],
  ['서울', 'القاهرة', 'שלום', 'Αθήνα', 'दिल्ली', 'กรุงเทพ'],
  PIECES,
];
const textArb = fc
  .tuple(fc.integer({ min: 0, max: POOLS.length - 1 }), fc.integer({ min: 0, max: 6 }))
  .chain(([pool, mix]) =>
    fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...(POOLS[pool] as string[])), fc.constantFrom(...PIECES), fc.constantFrom(' ', ' ', ' ', '', '  ', '\n')), { minLength: 10, maxLength: 300 }).map((parts) =>
      parts.map(([roll, own, other, gap]) => `${roll < mix ? other : own}${gap}`).join(''),
    ),
  );

describe('notEnglishReason (fast counts)', () => {
  it('answers as the regex version on mixed scripts, astral letters, lone surrogates and function words', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        assert.equal(notEnglishReason(t), reference(t));
      }),
      { numRuns: 3000, seed: 16 },
    );
  });

  it('answers as the regex version on a long text cut inside a surrogate pair', () => {
    const text = `${'a'.repeat(19_999)}😀 ${'der die das und '.repeat(50)}`;
    assert.equal(notEnglishReason(text), reference(text));
    const russian = `${'Кремль '.repeat(4000)}`;
    assert.equal(notEnglishReason(russian), reference(russian));
  });
});
