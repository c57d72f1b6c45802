// The dependency parser: any input (empty strings, one word, 300 words, garbage tags) gives one
// tree; a tiny model trained on the committed sample learns it, trains deterministically and
// round-trips through its file; damaged files are ModelErrors; the shipped model's output on a
// few sentences written for this test is pinned (test/golden/parser.json; UPDATE_GOLDEN=1
// rewrites it).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ModelError } from '../../src/errors';
import { encodeModel, FeatureBuffer, readModelFile, writeModelFile } from '../../src/learn';
import { defaultParserFile, MOVE_TEMPLATES, moveFeatures, Parser, PARSER_KIND, ParserLexicon, parserTemplatesHash, SentenceIds } from '../../src/syntax/parser';
import { RowSummer } from '../../src/syntax/row-sum';
import { readConllu } from '../../src/syntax/train/conllu';
import { evaluateParser, fitParser, type FittedParser } from '../../src/syntax/train/parser';
import { ArcHybridState, isTree, LEFT, RIGHT, SHIFT } from '../../src/syntax/transitions';

const SAMPLE = path.join(__dirname, '..', 'fixtures', 'parser-sample.conllu');
const GOLDEN = path.join(__dirname, '..', 'golden', 'parser.json');
const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];

const quiet = (): void => undefined;
let tiny: FittedParser | undefined;
function tinyModel(): FittedParser {
  tiny ??= fitParser(readConllu(SAMPLE), [], { maxEpochs: 8, minCount: 1, minWeight: 0, seed: 3, log: quiet });
  return tiny;
}

const shippedExists = fs.existsSync(defaultParserFile());
let shipped: Parser | undefined;
/** The shipped model when there is one, else the tiny one. */
function anyParser(): Parser {
  if (!shippedExists) return tinyModel().parser;
  shipped ??= Parser.load();
  return shipped;
}

function tmpFile(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parser-test-')), name);
}

describe('parser', () => {
  it('a tiny model learns the sample it was trained on', () => {
    const scores = evaluateParser(tinyModel().parser, readConllu(SAMPLE));
    assert.ok(scores.uas >= 95, `UAS ${scores.uas}`);
    assert.ok(scores.las >= 90, `LAS ${scores.las}`);
  });

  it('always returns one tree, whatever the words and tags (property)', () => {
    const parser = anyParser();
    const tag = fc.oneof(fc.constantFrom(...UPOS), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), tag), { maxLength: 60 }), (pairs) => {
        const words = pairs.map((p) => p[0]);
        const tags = pairs.map((p) => p[1]);
        const parse = parser.parse(words, tags);
        assert.equal(parse.heads.length, words.length);
        assert.equal(parse.labels.length, words.length);
        assert.ok(isTree(parse.heads), `[${parse.heads.join(',')}]`);
        parse.heads.forEach((h, i) => assert.equal(parse.labels[i] === 'root', h === 0));
        for (const l of parse.labels) assert.ok(parser.labelNames.includes(l));
      }),
      { numRuns: 300 },
    );
  });

  it('parses the empty sentence, one word, and 300 words into trees', () => {
    const parser = anyParser();
    assert.deepEqual(parser.parse([], []), { heads: new Int32Array(0), labels: [] });
    const one = parser.parse(['Hello'], ['INTJ']);
    assert.deepEqual([...one.heads], [0]);
    assert.deepEqual(one.labels, ['root']);
    const long = Array.from({ length: 300 }, (_, i) => ['the', 'big', 'dog', 'barked', ',', 'and', 'cats', 'ran', 'away', '.'][i % 10] as string);
    const tags = long.map((_, i) => ['DET', 'ADJ', 'NOUN', 'VERB', 'PUNCT', 'CCONJ', 'NOUN', 'VERB', 'ADV', 'PUNCT'][i % 10] as string);
    assert.ok(isTree(parser.parse(long, tags).heads));
    assert.ok(isTree(parser.parse(long.map(() => ''), long.map(() => '???')).heads));
  });

  it('refuses words and tags of different lengths', () => {
    assert.throws(() => anyParser().parse(['a', 'b'], ['DET']), /2 words but 1 tags/);
  });

  it('trains deterministically: the same data and seed give the same bytes', () => {
    const again = fitParser(readConllu(SAMPLE), [], { maxEpochs: 8, minCount: 1, minWeight: 0, seed: 3, log: quiet });
    assert.ok(encodeModel(again.content).equals(encodeModel(tinyModel().content)));
  });

  it('round-trips through its model file and parses the same', () => {
    const file = tmpFile('parser.bin');
    writeModelFile(file, tinyModel().content);
    const loaded = Parser.load(file);
    for (const s of readConllu(SAMPLE)) {
      const words = s.words.map((w) => w.form);
      const tags = s.words.map((w) => w.upos);
      assert.deepEqual(loaded.parse(words, tags), tinyModel().parser.parse(words, tags));
    }
    assert.deepEqual(loaded.labelNames, tinyModel().parser.labelNames);
  });

  it('emits one feature per template in every state', () => {
    const st = new ArcHybridState();
    const ids = new SentenceIds(new ParserLexicon(), 4);
    ids.fill(['Prices', 'rose', 'sharply', '.'], ['NOUN', 'VERB', 'ADV', 'PUNCT']);
    const buf = new FeatureBuffer();
    st.reset(4);
    for (const move of [SHIFT, SHIFT, RIGHT, SHIFT, RIGHT, SHIFT, RIGHT, LEFT]) {
      moveFeatures(st, ids, buf);
      assert.equal(buf.length, MOVE_TEMPLATES.length);
      assert.ok(buf.values.subarray(0, buf.length).every((f) => f !== 0));
      st.apply(move, 0);
    }
    assert.ok(st.isFinal());
  });

  it('RowSummer: WebAssembly SIMD sums equal plain sums (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 200 }), fc.array(fc.nat(), { maxLength: 300 }), (blocks, weights, picks) => {
        const lanes = blocks * 16;
        const rowCount = 5;
        const summers = [new RowSummer(rowCount, lanes), new RowSummer(rowCount, lanes, { simd: false })];
        for (const r of summers) {
          for (let i = 0; i < r.rows.length; i++) r.rows[i] = weights[i % weights.length] as number;
          r.clear();
          for (const p of picks) r.add(p % rowCount);
          r.sum();
        }
        const expected = Array.from({ length: lanes }, (_, c) => picks.reduce((sum, p) => sum + (weights[((p % rowCount) * lanes + c) % weights.length] as number), 0));
        assert.deepEqual([...(summers[0] as RowSummer).out], expected);
        assert.deepEqual([...(summers[1] as RowSummer).out], expected);
      }),
      { numRuns: 100 },
    );
  });

  it('RowSummer: a sum over some 16-lane chunks is exact there, with and without SIMD (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.nat(), fc.nat(), fc.array(fc.integer({ min: -32768, max: 32767 }), { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { maxLength: 100 }), (blocks, a, b, weights, picks) => {
        const lanes = blocks * 16;
        const first = a % blocks;
        const chunks = 1 + (b % (blocks - first));
        const rowCount = 4;
        for (const r of [new RowSummer(rowCount, lanes), new RowSummer(rowCount, lanes, { simd: false })]) {
          for (let i = 0; i < r.rows.length; i++) r.rows[i] = weights[i % weights.length] as number;
          const expected = (c: number): number => picks.reduce((sum, p) => sum + (weights[((p % rowCount) * lanes + c) % weights.length] as number), 0);
          r.clear(first, chunks);
          for (const p of picks) r.add(p % rowCount);
          r.sum();
          for (let c = first * 16; c < (first + chunks) * 16; c++) assert.equal(r.out[c], expected(c));
          r.sumRows(Int32Array.from(picks, (p) => p % rowCount), picks.length, first, chunks);
          for (let c = first * 16; c < (first + chunks) * 16; c++) assert.equal(r.out[c], expected(c));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('sums weights the same with and without WebAssembly SIMD', () => {
    const content = shippedExists ? readModelFile(defaultParserFile(), { kind: PARSER_KIND, templates: parserTemplatesHash() }) : tinyModel().content;
    const simd = Parser.fromContent(content);
    const scalar = Parser.fromContent(content, 'parser', { simd: false });
    assert.ok(!scalar.simd);
    for (const s of readConllu(SAMPLE)) {
      const words = s.words.map((w) => w.form);
      const tags = s.words.map((w) => w.upos);
      assert.deepEqual(simd.parse(words, tags), scalar.parse(words, tags));
    }
  });

  it('a missing, truncated, corrupted or foreign model file is a ModelError', () => {
    const file = tmpFile('parser.bin');
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /missing/.test(e.message));
    const bytes = encodeModel(tinyModel().content);
    fs.writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    assert.throws(() => Parser.load(file), ModelError);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0x40;
    fs.writeFileSync(file, flipped);
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /corrupted/.test(e.message));
    fs.writeFileSync(file, 'not a model at all');
    assert.throws(() => Parser.load(file), ModelError);
    fs.writeFileSync(file, encodeModel({ ...tinyModel().content, kind: 'tagger' }));
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /not a parser model/.test(e.message));
    fs.writeFileSync(file, encodeModel({ ...tinyModel().content, templates: 'other' }));
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /feature templates/.test(e.message));
    fs.writeFileSync(file, encodeModel({ ...tinyModel().content, sections: [] }));
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /parser sections/.test(e.message));
    fs.writeFileSync(file, encodeModel({ ...tinyModel().content, tables: {} }));
    assert.throws(() => Parser.load(file), (e: unknown) => e instanceof ModelError && /lexicon/.test(e.message));
  });

  (shippedExists ? it : it.skip)('the shipped model gives the pinned parses of the golden sentences', () => {
    const parser = anyParser();
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as { words: string[]; tags: string[]; heads: number[]; labels: string[] }[];
    if (process.env.UPDATE_GOLDEN) {
      const updated = golden.map((g) => {
        const p = parser.parse(g.words, g.tags);
        return { words: g.words, tags: g.tags, heads: [...p.heads], labels: p.labels };
      });
      fs.writeFileSync(GOLDEN, `[\n${updated.map((g) => ` ${JSON.stringify(g)}`).join(',\n')}\n]\n`);
      return;
    }
    for (const g of golden) {
      const p = parser.parse(g.words, g.tags);
      assert.deepEqual({ heads: [...p.heads], labels: p.labels }, { heads: g.heads, labels: g.labels }, g.words.join(' '));
    }
  });
});
