// The shared column helpers: numberText must be String(value) to the byte (every export writes
// numbers through it), and inferColumns' columns must not depend on how records are handed in.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { EncodedValues, NODE_CONTRACT, encodeValue, inferColumns, numberText, type Column } from '../../src/export/columns';

/** Numbers with why each is worth a check. */
const NUMBERS: readonly (readonly [number, string])[] = [
  [1292.71, 'a layout coordinate'],
  [-933.29, 'a negative one'],
  [0.5, 'one decimal'],
  [-0.05, 'below one, negative, leading zero decimal'],
  [0.1 + 0.2, 'not the double nearest to 0.3: String gives 17 digits'],
  [1.005, 'three decimals that round to hundredths'],
  [99.99, 'just below a power of ten'],
  [999999999999.99, 'just below 1e12, where hundredths still tell doubles apart'],
  [1e12 + 0.5, 'at 1e12 and above: left to String'],
  [-0, 'minus zero: String writes 0'],
  [0, 'zero'],
  [4, 'an integer'],
  [2 ** 53 + 2, 'an integer beyond 2^53'],
  [1e21, 'exponent notation'],
  [1e-7, 'exponent notation below 1e-6'],
  [0.000001, 'the last plain decimal'],
  [5e-324, 'the smallest double'],
  [Number.MAX_VALUE, 'the largest double'],
  [NaN, 'not a number'],
  [-Infinity, 'infinite'],
];

describe('numberText', () => {
  for (const [value, why] of NUMBERS) {
    it(`is String(${String(value)}) (${why})`, () => assert.equal(numberText(value), String(value)));
  }

  it('property: is String(value) for hundredths, tenths and any double', () => {
    const hundredths = fc.integer({ min: -(10 ** 15), max: 10 ** 15 }).map((n) => n / 100);
    const tenths = fc.integer({ min: -(10 ** 14), max: 10 ** 14 }).map((n) => n / 10);
    const rounded = fc.double({ min: -1e13, max: 1e13, noNaN: true }).map((v) => Math.round(v * 100) / 100);
    fc.assert(
      fc.property(fc.oneof(hundredths, tenths, rounded, fc.double()), (value) => {
        assert.equal(numberText(value), String(value));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('encodeValue', () => {
  const json: Column = { id: 'aliases', type: 'string', json: true };
  const double: Column = { id: 'x', type: 'double', json: false };

  it('writes arrays as JSON, empty ones too, and numbers as String does', () => {
    assert.equal(encodeValue(json, []), '[]');
    assert.equal(encodeValue(json, ['a', 'b"']), '["a","b\\""]');
    assert.equal(encodeValue(double, 12.34), '12.34');
    assert.equal(encodeValue(double, 0.1 + 0.2), String(0.1 + 0.2));
    assert.equal(encodeValue(double, NaN), undefined);
  });

  it('honours toJSON on an empty array, as JSON.stringify does', () => {
    const dated = Object.assign([], { toJSON: () => 'dated' });
    assert.equal(encodeValue(json, dated), '"dated"');
  });
});

describe('EncodedValues', () => {
  it('property: encodes each value as encodeValue does, whatever the column', () => {
    const columns: Column[] = [
      { id: 'text', type: 'string', json: false },
      { id: 'whole', type: 'integer', json: false },
      { id: 'real', type: 'double', json: false },
      { id: 'mixed', type: 'string', json: true },
    ];
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
      fc.constantFrom(-0, 2 ** 53 + 2, 1e21, NaN, Infinity, null, undefined, true, false),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 2 }),
    );
    const encoded = new EncodedValues(columns);
    fc.assert(
      fc.property(fc.tuple(value, value, value, value), (values) => {
        const record = Object.fromEntries(columns.map((c, i) => [c.id, values[i]]));
        const count = encoded.encode(record);
        const expected = columns.map((c) => encodeValue(c, record[c.id]));
        assert.deepEqual(encoded.values, expected);
        assert.equal(count, expected.filter((v) => v !== undefined).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('inferColumns', () => {
  const records = [
    { label: 'A', x: 1.5, extra: true, mentions: 2 },
    { label: 'B', x: 2, later: 'yes', mentions: 2 ** 40, extra: 'mixed' },
    { label: 'C', aliases: [], only: null },
  ];
  const reserved = new Set(['label', 'x']);
  const expected: Column[] = [
    { id: 'aliases', type: 'string', json: true },
    { id: 'mentions', type: 'long', json: false },
    { id: 'extra', type: 'string', json: true },
    { id: 'later', type: 'string', json: false },
  ];

  it('lists known columns first, then others as they appear, reserved and never-written ones left out', () => {
    assert.deepEqual(inferColumns(records, NODE_CONTRACT, reserved), expected);
  });

  it('gives the same columns for any iterable of the same records', () => {
    function* generate(): Generator<Readonly<Record<string, unknown>>> {
      yield* records;
    }
    assert.deepEqual(inferColumns(generate(), NODE_CONTRACT, reserved), expected);
    assert.deepEqual(inferColumns(new Set(records), NODE_CONTRACT, reserved), expected);
  });

  it('keeps every known column with keepKnown, reserved ones still left out', () => {
    const ids = inferColumns(records, NODE_CONTRACT, reserved, true).map((c) => c.id);
    assert.deepEqual(ids, [...NODE_CONTRACT.map(([id]) => id).filter((id) => !reserved.has(id)), 'extra', 'later']);
  });
});
