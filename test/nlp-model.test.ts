// The adapter loads wink's language model itself (faster than the package's loader). Whatever it
// builds must be the package's model: the same core object, and the same tokens, POS, lemmas,
// negation flags and sentences from wink on any text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import stockModel from 'wink-eng-lite-web-model';
import { preparedModelFiles, winkModel } from '../src/nlp';

/** What scripts/prepare-data.mjs does, into `dir`; returns how many files. */
function writePreparedModel(dir: string): number {
  const files = preparedModelFiles();
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.data);
  return files.length;
}

const PIPE = ['sbd', 'negation', 'pos'];
type Engine = ReturnType<typeof winkNLP>;

/** Everything wink says about a text that the adapter reads, as one comparable value. */
function reading(engine: Engine, text: string): unknown {
  const doc = engine.readDoc(text);
  const its = engine.its;
  const column = (f: unknown): unknown[] => doc.tokens().out(f as ItsFunction<unknown>) as unknown as unknown[];
  return {
    values: column(its.value),
    spaces: column(its.precedingSpaces),
    pos: column(its.pos),
    lemmas: column(its.lemma),
    negations: column(its.negationFlag),
    sentences: doc.sentences().out(its.span),
  };
}

/** Sentences that exercise what the model decides: splits, contractions, abbreviations, negation, lemmas, OOV words. */
const SENTENCES = [
  'The minister did not sign the treaty, and nobody expected her to.',
  "They won't attend; we'd rather they didn't. Isn't it odd?",
  'Dr. Okafor met Sen. Vance at 10:30 a.m. on Jan. 5th in Washington, D.C.',
  'Shares of Glorbcorp fell 4.5% to $12.80 (£10) after the U.S. Fed raised rates.',
  'Cities were flooded; children ran, mice fled and geese flew over the ruined bridges.',
  'She has never been happier — "best day ever!" she wrote on #election2025 @newsdesk.',
  'Kyiv and Moscow exchanged prisoners, said the U.N. envoy.\n\nTalks resume next week.',
  'Email press@example.org or visit https://example.org/news?id=7 for the full statement.',
  'The co-operation of anti-government groups was short-lived; the 1990s were worse.',
  'Neither side accepted the ceasefire nor withdrew its troops from the Zxqvland border.',
  'Ünal Çelik, São Paulo’s mayor, didn’t comment. ¿Qué pasa? 東京 stayed calm. 😀',
  'BIGGEST RALLY IN YEARS AS VOTERS REJECT PLAN',
];

/** Words for random texts: lexicon words, forms to lemmatise, abbreviations, unknown words, punctuation and spaces. */
const VOCABULARY = [
  'the', 'a', 'not', "n't", 'never', 'no', 'did', 'does', 'is', 'was', 'were', 'has', 'had', 'signed', 'signing', 'talks',
  'children', 'geese', 'better', 'best', 'ran', 'flew', 'Putin', 'Trump', 'Kyiv', 'U.S.', 'U.S', 'U.N.', 'Dr.', 'Mr', 'Inc.',
  'e.g.', 'Jan.', 'Zxqv', 'glorbing', 'Quux-Bar', "O'Neill", 'rock’n’roll', '3.5', '$4bn', '£10m', '10:30', '2025',
  '1990s', '5th', '%', ',', '.', '...', '!', '?', ';', ':', '"', "'", '(', ')', '-', '—', '/', '&', '#tag', '@user',
  'x@y.com', 'http://a.bc/d', ':)', '😀', 'Ünal', '東京', ' ', '  ', '\n', '\n\n', '\t',
];

/** The two ways the adapter reads the model: from the package's files, and from files `npm run build` prepared. */
const SOURCES = ['package files', 'prepared files'] as const;

describe('nlp: the adapter\'s wink model is the package\'s model', () => {
  let preparedDir: string;
  const absentDir = path.join(os.tmpdir(), 'newsgraph-no-prepared-model');
  const dirOf = (source: (typeof SOURCES)[number]): string => (source === 'prepared files' ? preparedDir : absentDir);
  const ours = new Map<string, Engine>();
  let stock: Engine;
  before(function () {
    this.timeout(120_000);
    preparedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-model-'));
    assert.equal(writePreparedModel(preparedDir), 3, 'the mirrored model version is installed');
    for (const source of SOURCES) ours.set(source, winkNLP(winkModel({ prepared: dirOf(source) }), PIPE));
    stock = winkNLP(stockModel, PIPE);
  });
  after(() => fs.rmSync(preparedDir, { recursive: true, force: true }));
  const engine = (source: string): Engine => {
    const e = ours.get(source);
    if (!e) throw new Error(`no engine for ${source}`);
    return e;
  };

  for (const source of SOURCES) {
    it(`builds the same core model object as the package's loader, from ${source} (deep, strict: prototypes, typed arrays, sets)`, function () {
      this.timeout(60_000);
      const a = (winkModel({ prepared: dirOf(source) }).core as () => Record<string, unknown>)();
      const b = (stockModel.core as () => Record<string, unknown>)();
      assert.ok(a.lexicon instanceof Uint32Array && a.lexicon.length > 0, 'lexicon decoded to 32-bit words');
      // key order too, and part by part first, so that a failure says where
      assert.deepEqual(Object.keys(a), Object.keys(b));
      for (const key of Object.keys(b)) assert.ok(isDeepStrictEqual(a[key], b[key]), `core model part "${key}" differs`);
      assert.ok(isDeepStrictEqual(a, b));
    });

  }

  it('writes the prepared JSON as ASCII, so that it is read without UTF-8 decoding', () => {
    for (const name of fs.readdirSync(preparedDir).filter((n) => n.endsWith('.json'))) {
      assert.ok(fs.readFileSync(path.join(preparedDir, name)).every((b) => b < 0x80), name);
    }
  });

  it('the files `npm run build` prepared in dist/ are read by the compiled adapter', function () {
    const compiled = path.resolve(__dirname, '..', 'dist', 'src', 'nlp', 'index.js');
    const dir = path.resolve(__dirname, '..', 'dist', 'prepared');
    if (!fs.existsSync(compiled) || !fs.existsSync(path.join(dir, 'wink-core.json'))) {
      console.log(`      (skipped: ${dir} not built; \`npm run build\` writes it)`);
      this.skip();
    }
    const dist = require(compiled) as { readPreparedCore(dir: string): unknown; winkModel(o: { prepared: string }): { core: () => unknown } };
    assert.ok(dist.readPreparedCore(dir), `${dir} is stale: run \`npm run build\``);
    assert.ok(isDeepStrictEqual(dist.winkModel({ prepared: dir }).core(), (stockModel.core as () => unknown)()));
  });

  it('gives a fresh core model object on every load (one instance per thread may change its own)', () => {
    const load = winkModel({ prepared: preparedDir }).core as () => { features: { lexeme: { hash: unknown; list: unknown } }; lexicon: unknown };
    const a = load();
    const b = load();
    assert.notEqual(a.features.lexeme.hash, b.features.lexeme.hash);
    assert.notEqual(a.features.lexeme.list, b.features.lexeme.list);
    assert.notEqual(a.lexicon, b.lexicon);
  });

  it('ignores prepared files written for another model version', function () {
    this.timeout(60_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-model-'));
    try {
      writePreparedModel(dir);
      const file = path.join(dir, 'wink-core.json');
      const json = JSON.parse(fs.readFileSync(file, 'latin1')) as { prepared: { modelVersion: string }; features: { lexeme: { list: string[] } } };
      json.prepared.modelVersion = '0.0.0';
      // a wrong lexicon under the wrong version: were it read, the comparison below would fail
      json.features.lexeme.list[1] = 'not-a-lexeme';
      fs.writeFileSync(file, JSON.stringify(json));
      assert.ok(isDeepStrictEqual((winkModel({ prepared: dir }).core as () => unknown)(), (stockModel.core as () => unknown)()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const text of SENTENCES) {
    it(`reads the same as stock wink: ${JSON.stringify(text.slice(0, 48))}`, () => {
      for (const source of SOURCES) assert.deepEqual(reading(engine(source), text), reading(stock, text), source);
    });
  }

  it('reads random texts the same as stock wink (property; all instances read the same sequence)', function () {
    this.timeout(120_000);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...VOCABULARY), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 }),
        fc.constantFrom(' ', '', '\n'),
        (words, glue) => {
          const text = words.join(glue);
          const expected = reading(stock, text);
          for (const source of SOURCES) assert.deepEqual(reading(engine(source), text), expected, `${source}: ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
