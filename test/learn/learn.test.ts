// The linear-model toolkit: the averaged perceptron learns a small separable language to 100%,
// training is deterministic, the model file round-trips byte for byte, and every kind of broken
// file is one ModelError naming the file.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { ModelError } from '../../src/errors';
import { AveragedPerceptron, argmax, decodeModel, encodeModel, FeatureBuffer, FeatureCounter, feature1, feature2, fit, hashString, readModelFile, type LinearModel, type ModelContent } from '../../src/learn';

// A toy language: a sentence's class is decided by the pair (first word, last word) through an
// XOR-like table no single word decides; noise words in between.
const FIRST = ['red', 'blue'];
const LAST = ['cat', 'dog'];
const NOISE = ['the', 'a', 'big', 'old', 'very', 'small'];
const CLASS = (first: string, last: string): number => (FIRST.indexOf(first) ^ LAST.indexOf(last)) + (first === 'blue' ? 2 : 0);

interface Example {
  readonly words: string[];
  readonly label: number;
}

function toyData(n: number, seed: number): Example[] {
  let s = seed;
  const next = (k: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  const out: Example[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[next(2)] as string;
    const last = LAST[next(2)] as string;
    const middle = Array.from({ length: next(4) }, () => NOISE[next(NOISE.length)] as string);
    out.push({ words: [first, ...middle, last], label: CLASS(first, last) });
  }
  return out;
}

function features(words: readonly string[], buffer: FeatureBuffer): FeatureBuffer {
  buffer.clear();
  buffer.push(feature1(0, 0)); // bias
  for (const w of words) buffer.push(feature1(1, hashString(w)));
  buffer.push(feature2(2, hashString(words[0] ?? ''), hashString(words[words.length - 1] ?? '')));
  return buffer;
}

function predict(model: LinearModel, words: readonly string[]): number {
  const scores = new Float64Array(model.classes);
  model.score(features(words, new FeatureBuffer()), scores);
  return argmax(scores, model.classes);
}

function accuracy(model: LinearModel, data: readonly Example[]): number {
  return data.filter((e) => predict(model, e.words) === e.label).length / data.length;
}

function train(seed: number): LinearModel {
  const data = toyData(400, 7);
  const dev = toyData(100, 99);
  const perceptron = new AveragedPerceptron(4);
  const buffer = new FeatureBuffer();
  const scores = new Float64Array(4);
  return fit(perceptron, data, { maxEpochs: 10, patience: 3, seed }, {
    learn: (e) => {
      perceptron.score(features(e.words, buffer), scores);
      perceptron.update(buffer, e.label, argmax(scores, 4));
      perceptron.tick();
    },
    evaluate: (m) => accuracy(m, dev),
    log: () => {},
  }).model;
}

function content(model: LinearModel): ModelContent {
  return {
    kind: 'toy',
    templates: 'toy-templates-1',
    data: [{ file: 'toy.txt', sha256: 'abc' }],
    settings: { epochs: 10 },
    scores: { dev: 1 },
    tables: { words: ['red', 'blue'] },
    sections: [{ name: 'main', labels: ['a', 'b', 'c', 'd'], model }],
  };
}

describe('learn: averaged perceptron', () => {
  it('learns a toy language to 100% on unseen examples', () => {
    assert.equal(accuracy(train(1), toyData(200, 12345)), 1);
  });

  it('trains deterministically: the same seed gives the same bytes', () => {
    assert.ok(encodeModel(content(train(3))).equals(encodeModel(content(train(3)))));
  });

  it('keeps only vocabulary features when a vocabulary is given', () => {
    const counter = new FeatureCounter();
    const buffer = new FeatureBuffer();
    for (const e of toyData(50, 1)) counter.add(features(e.words, buffer));
    const vocabulary = counter.frequent(1000);
    const perceptron = new AveragedPerceptron(4, vocabulary);
    const scores = new Float64Array(4);
    for (const e of toyData(50, 1)) {
      perceptron.score(features(e.words, buffer), scores);
      perceptron.update(buffer, e.label, (e.label + 1) % 4);
      perceptron.tick();
    }
    assert.ok(perceptron.rows <= vocabulary.size);
  });

  it('averages: a weight set late counts for its share of the steps', () => {
    const perceptron = new AveragedPerceptron(2);
    const buffer = new FeatureBuffer();
    buffer.push(feature1(9, 1));
    for (let i = 0; i < 3; i++) perceptron.tick();
    perceptron.update(buffer, 1, 0); // from step 3 on: class 1 = +1, class 0 = -1
    perceptron.tick(); // step 4: averages = (0·3 + 1·1) / 4
    const scores = new Float64Array(2);
    perceptron.freeze().score(buffer, scores);
    assert.ok(Math.abs((scores[1] as number) - 0.25) < 1e-4 && Math.abs((scores[0] as number) + 0.25) < 1e-4, `got ${Array.from(scores)}`);
  });
});

describe('learn: model file', () => {
  const model = train(1);
  const expect = { kind: 'toy', templates: 'toy-templates-1' };
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-model-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('round-trips: decode(encode(m)) predicts as m and encodes to the same bytes', () => {
    const bytes = encodeModel(content(model));
    const back = decodeModel(bytes, 'toy.bin', expect);
    const main = back.sections[0]?.model;
    assert.ok(main);
    for (const e of toyData(50, 5)) assert.equal(predict(main, e.words), predict(model, e.words));
    assert.ok(encodeModel(back).equals(bytes));
    assert.deepEqual(back.tables, { words: ['red', 'blue'] });
  });

  it('a missing file is a ModelError that names it', () => {
    const file = path.join(dir, 'absent.bin');
    assert.throws(() => readModelFile(file, expect), (e: unknown) => e instanceof ModelError && e.file === file && /missing/.test(e.reason));
  });

  it('a file of another kind or templates is refused', () => {
    const bytes = encodeModel(content(model));
    assert.throws(() => decodeModel(bytes, 'f', { kind: 'parser', templates: expect.templates }), /toy model, not a parser model/);
    assert.throws(() => decodeModel(bytes, 'f', { kind: 'toy', templates: 'other' }), /other feature templates/);
  });

  it('any truncation or flipped byte is a ModelError, never another exception', () => {
    const bytes = encodeModel(content(model));
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.boolean(), fc.integer({ min: 1, max: 255 }), (at, truncate, xor) => {
        const broken = Buffer.from(bytes);
        const damaged = truncate ? broken.subarray(0, at) : (broken.writeUInt8((broken[at] as number) ^ xor, at), broken);
        assert.throws(() => decodeModel(damaged, 'f', expect), (e: unknown) => e instanceof ModelError && !e.message.includes('\n'));
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});
