// Finding 1: text shaped to be slow. An image pasted into Markdown as base64, a line of ten
// thousand ampersands, a "sentence" that names people for pages without a full stop: before the
// guard, each made extraction quadratic (a 400 KB base64 file never finished). The guard bounds
// the three quantities that were squared: the length of a run the tokeniser sees, the tokens of a
// sentence, the characters of what is extracted at once. These tests count that work on the real
// code's output (no clock): per character of input, hostile text may cost at most a fixed factor
// of what ordinary news costs. `npm run bench` prints the wall-clock figures.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { annotate } from '../../src/nlp';
import { GUARD_LIMITS, documentParts, longRuns, maskLongRuns } from '../../src/nlp/guard';
import { createExtractor, createLineExtractor, documentLine, Extraction } from '../../src/extract';
import { joinParts, latin1, PartJoiner, type PartResult } from '../../src/extract-parts';
import type { EntityRecord, Fact, Mention } from '../../src/types';

const ORDINARY = [
  'Russian President Vladimir Putin met French President Emmanuel Macron in Geneva on Monday.',
  'Macron urged Putin to accept the ceasefire, officials in Paris said.',
  'The talks, which lasted four hours, ended without an agreement on the border.',
  'Ukraine accused Russia of shelling the port of Odesa overnight.',
];

/** Ordinary prose of about `chars` characters, in paragraphs. */
function ordinary(chars: number): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += ORDINARY[i % ORDINARY.length] + (i % 3 === 2 ? '\n\n' : ' ');
  return out;
}

/** The quadratic terms of extraction's cost on `text`, from what the real code hands its layers. */
function quadraticWork(text: string): number {
  let work = 0;
  for (const part of documentParts(text)) {
    const piece = text.slice(part.start, part.end);
    work += ((part.end - part.start) ** 2) / GUARD_LIMITS.partChars;
    // what the tokeniser reads
    for (const run of maskLongRuns(piece).match(/\S+/g) ?? []) work += run.length ** 2;
    // what the relation layer compares pairwise
    for (const s of annotate({ id: 'x', text: piece, origin: 'x' }).sentences) work += (s.lastToken - s.firstToken + 1) ** 2;
  }
  return work;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Hostile pieces: long runs without spaces, symbols, endless sentences, abbreviations that hide sentence ends. */
const hostilePiece = fc.oneof(
  fc.integer({ min: 300, max: 30_000 }).map((n) => `![chart](data:image/png;base64,${Array.from({ length: n }, (_, i) => BASE64[(i * 7919) % 64]).join('')})`),
  fc.tuple(fc.constantFrom('&', '<', '(', '*', '-', '.', '\u0301', 'é', '😀'), fc.integer({ min: 300, max: 20_000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.constantFrom('& ', '( ', 'the ', 'Putin met Macron and ', 'Mr. Putin met Mr. Lee and '), fc.integer({ min: 100, max: 2_000 })).map(([w, n]) => w.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => ordinary(n)),
);

describe('hostile text: extraction work stays linear', function () {
  this.timeout(120_000);

  it('the guard keeps ordinary text as it is, and masks long runs without moving any offset', () => {
    const text = ordinary(5_000);
    assert.equal(maskLongRuns(text), text);
    const run = 'x'.repeat(GUARD_LIMITS.maxRun + 1);
    const hostile = `Putin met Macron. ${run} Macron left.`;
    const masked = maskLongRuns(hostile);
    assert.equal(masked.length, hostile.length);
    assert.deepEqual(longRuns(hostile), [[18, 18 + run.length]]);
    assert.equal(masked.slice(0, 18), hostile.slice(0, 18));
    assert.equal(masked.slice(18 + run.length), hostile.slice(18 + run.length));
    assert.match(masked.slice(18, 18 + run.length), /^\n +$/);
    // a run of exactly the limit is text
    assert.equal(maskLongRuns('y'.repeat(GUARD_LIMITS.maxRun)), 'y'.repeat(GUARD_LIMITS.maxRun));
  });

  it('parts cover the document exactly, each at most the part size, cut at a paragraph break when there is one', () => {
    fc.assert(
      fc.property(fc.array(hostilePiece, { minLength: 1, maxLength: 12 }), (pieces) => {
        const text = pieces.join('\n\n');
        const parts = documentParts(text, 20_000);
        assert.equal(parts[0]?.start, 0);
        assert.equal(parts[parts.length - 1]?.end, text.length);
        parts.forEach((p, i) => {
          assert.ok(p.end > p.start && p.end - p.start <= 20_000);
          if (i > 0) assert.equal(p.start, parts[i - 1]?.end);
        });
      }),
      { numRuns: 60, seed: 20 },
    );
    assert.equal(documentParts(ordinary(50_000)).length, 1, 'a news-sized article is one part');
  });

  it('per character, hostile text costs at most 60× the quadratic work of ordinary news (counted, not timed)', () => {
    const base = ordinary(20_000);
    const perChar = quadraticWork(base) / base.length;
    let worst = 0;
    fc.assert(
      fc.property(fc.array(hostilePiece, { minLength: 1, maxLength: 3 }), (pieces) => {
        const text = pieces.join('\n');
        const ratio = quadraticWork(text) / text.length / perChar;
        worst = Math.max(worst, ratio);
        assert.ok(ratio <= 60, `${ratio.toFixed(1)}× ordinary work per character`);
      }),
      { numRuns: 25, seed: 2020 },
    );
    console.log(`      ordinary news: ${perChar.toFixed(1)} units a character; worst hostile case ${worst.toFixed(1)}× that`);
    // Without the guard, one 30 KB base64 run alone is 30,000 units a character.
    assert.ok(30_000 / perChar > 60);
  });

  it('a document longer than a part is extracted in parts whose results join into one: every offset slices the text', async () => {
    const text = `${ordinary(GUARD_LIMITS.partChars - 500)}\n\nGerman Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw. ${ordinary(30_000)}`;
    assert.ok(documentParts(text).length >= 2);
    const result = createExtractor()({ id: 'long', text, origin: 'long.txt' });
    assert.ok(result.mentions.some((m) => m.start > GUARD_LIMITS.partChars), 'mentions after the first part');
    let lastToken = -1;
    for (const m of result.mentions) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.firstToken > lastToken || m.firstToken === lastToken, 'token indices keep rising across parts');
      lastToken = Math.max(lastToken, m.firstToken);
    }
    for (const f of result.facts) assert.equal(text.slice(f.start, f.end), f.sentence);
    assert.ok(result.facts.some((f) => f.start > GUARD_LIMITS.partChars && f.relation === 'met'), 'a fact in a later part');
    const ids = result.entities.map((e) => e.id);
    assert.deepEqual(ids, [...new Set(ids)].sort(), 'one record per entity, sorted');

    // With --jobs > 1 the parts go out as documents of their own (to the worker threads once
    // there are enough of them; here, three, to this thread) and come back as lines: the same line.
    const source = { id: 'long', text, origin: 'long.txt' };
    // The commands' extractor joins the parts as JSON text as they are read: the same bytes.
    assert.equal(createLineExtractor()(source), documentLine(result, source));
    const threads = new Extraction(2, []);
    try {
      const pending = threads.line(source);
      threads.settle();
      assert.equal(await pending, documentLine(result, source));
    } finally {
      await threads.close();
    }
  });

  it('the part-by-part JSON join is byte for byte the line of the joined objects (any text, empty parts, entities in several parts)', () => {
    // any characters: ASCII, Latin-1, other planes, lone surrogates (the line must not change by being kept one byte a character)
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const id = fc.constantFrom('putin', 'macron', 'état', 'киев', 'x');
    const mention = fc.record({ start: fc.nat(500), end: fc.nat(500), text, entityType: fc.constantFrom('person', 'country'), entity: id, firstToken: fc.nat(50), lastToken: fc.nat(50), sentence: fc.nat(9), rule: text }) as fc.Arbitrary<Mention>;
    const fact = fc.record({ doc: fc.constant('d'), sentence: text, start: fc.nat(500), end: fc.nat(500), trigger: text, rule: fc.constant('r'), source: id, relation: fc.constant('met'), target: id, negated: fc.boolean(), hypothetical: fc.boolean() }) as unknown as fc.Arbitrary<Fact>;
    const entity = fc.record({ id, label: text, entityType: fc.constantFrom('person', 'country'), aliases: fc.array(text, { maxLength: 3 }), roles: fc.array(text, { maxLength: 2 }) }) as fc.Arbitrary<EntityRecord>;
    const part = fc.record({
      result: fc.record({ doc: fc.constant('d'), origin: fc.constant('d.txt'), mentions: fc.array(mention, { maxLength: 4 }), entities: fc.uniqueArray(entity, { selector: (e) => e.id, maxLength: 3 }), facts: fc.array(fact, { maxLength: 2 }) }),
      tokens: fc.nat(60),
      sentences: fc.nat(10),
      start: fc.nat(10_000),
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 2, maxLength: 5 }), fc.option(text, { nil: undefined }), (parts, title) => {
        const source = { id: 'd', text: 'whatever', origin: 'd.txt', hash: 'h', ...(title ? { title } : {}) };
        const withTitle = parts.map((p) => ({ ...p, result: { ...p.result, ...(title ? { title } : {}) } })) as Array<PartResult & { start: number }>;
        const joiner = new PartJoiner();
        for (const p of withTitle) joiner.add(p, p.start);
        assert.equal(joiner.line(source), documentLine(joinParts(source, withTitle), source));
      }),
      { numRuns: 200, seed: 2007 },
    );
    assert.equal(latin1('caf\u00e9 \u00a3'), 'caf\u00e9 \u00a3');
    assert.equal(latin1('\u201cquoted\u201d'), '\u201cquoted\u201d');
  });
});
