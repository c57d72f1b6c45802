// The NER's run-time decoder (NerDecoder) sums cached groups of weights instead of each feature in
// turn; it must give the very scores, bit for bit, that training's features() give, for any word,
// any previous labels and any document history, and so the same labels on any text.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readModelFile, type LinearModel } from '../../src/learn';
import {
  BILOU_LABELS,
  bilouToSpans,
  decodeSentence,
  defaultNerModelFile,
  exactSums,
  labelSpans,
  NER_MODEL_KIND,
  NER_TEMPLATES_HASH,
  NerDecoder,
  NerFeaturizer,
  nerPartsOf,
  type PreparedSentence,
} from '../../src/syntax/ner';

const CLASSES = BILOU_LABELS.length;

/** Words that exercise every feature: names, gazetteer places and groups, capitals, digits, punctuation. */
const VOCABULARY = [
  'The', 'the', 'minister', 'said', 'on', 'Monday', 'that', 'London', 'and', 'Paris', 'would', 'meet', 'in', 'New', 'York',
  'United', 'Nations', 'Maria', 'Okafor', 'of', 'Acme', 'Holdings', 'Ltd', 'BBC', 'NEWS', 'UPDATE', 'Kenya', 'Kenyan', 'French',
  'talks', 'in', '2024', '3.5', '%', ',', '.', '"', '(', ')', "'s", 'Mr', 'Dr.', 'EU', 'Brussels', 'Premier', 'League',
  'zzqx', 'Xylophonic', 'co-operation', 'St', 'Louis', 'A', 'I',
];

function loadParts(): ReturnType<typeof nerPartsOf> {
  const file = defaultNerModelFile();
  return nerPartsOf(readModelFile(file, { kind: NER_MODEL_KIND, templates: NER_TEMPLATES_HASH }), file);
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  for (let c = 0; c < a.length; c++) if (!Object.is(a[c], b[c])) return false;
  return true;
}

describe('NER decoder (cached partial sums)', function () {
  this.timeout(60000);
  const parts = loadParts();
  const model: LinearModel = parts.model;

  it('the shipped model sums exactly, so the fast decoder is the one that runs', () => {
    assert.equal(exactSums(model, 4096), true);
  });

  it('gives the scores of features(), bit for bit, for every word, previous labels and history', () => {
    const sentence = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: CLASSES - 1 }), { minLength: 2, maxLength: 2 }), (doc, [p2, p1]) => {
        // a fresh featurizer and decoder each time: the cache fills in another order
        const f = new NerFeaturizer(parts.settings, parts.gazetteer);
        const decoder = new NerDecoder(model, f);
        const prepared = f.prepareDocument(doc);
        const history = NerFeaturizer.newHistory();
        const fast = new Float64Array(CLASSES);
        const slow = new Float64Array(CLASSES);
        for (const s of prepared) {
          for (let i = 0; i < s.length; i++) {
            for (const [prev, prev2] of [[0, 0], [p1 as number, p2 as number], [p1 as number, 0], [0, p2 as number]] as const) {
              decoder.score(s, i, prev, prev2, history, fast);
              slow.fill(0);
              model.score(f.features(s, i, prev, prev2, history), slow);
              assert.ok(sameBits(fast, slow), `word ${i} of ${s.info.length}, prev ${prev}, prev2 ${prev2}`);
            }
          }
          const out = new Uint8Array(s.length);
          decoder.decode(s, history, fast, out);
          NerFeaturizer.remember(history, s, out);
        }
      }),
      { numRuns: 150, seed: 16 },
    );
  });

  it('labels whole documents as decodeSentence does', () => {
    const docs = [
      ['Maria Okafor of Acme Holdings said on Monday that the United Nations would meet in New York .'.split(' '), 'BBC NEWS UPDATE'.split(' '), 'Okafor said Kenya and the EU would talk in Brussels .'.split(' ')],
      ['Mr Okafor , a Kenyan minister , met Dr. Xylophonic in St Louis .'.split(' '), 'The Premier League said 3.5 % .'.split(' ')],
    ];
    for (const doc of docs) {
      const labels = (run: (f: NerFeaturizer, s: PreparedSentence, h: ReturnType<typeof NerFeaturizer.newHistory>, out: Uint8Array) => void): number[][] => {
        const f = new NerFeaturizer(parts.settings, parts.gazetteer);
        const h = NerFeaturizer.newHistory();
        return f.prepareDocument(doc).map((s) => {
          const out = new Uint8Array(s.length);
          run(f, s, h, out);
          NerFeaturizer.remember(h, s, out);
          return [...out];
        });
      };
      const scores = new Float64Array(CLASSES);
      const reference = labels((f, s, h, out) => decodeSentence(model, f, s, h, scores, out));
      const fast = labels((f, s, h, out) => new NerDecoder(model, f).decode(s, h, scores, out));
      assert.deepEqual(fast, reference);
      assert.ok(reference.flat().some((l) => l !== 0), 'the sample has names');
    }
  });

  it('labelSpans reads label ids as bilouToSpans reads their tags, well-formed or not', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: CLASSES - 1 }), { maxLength: 30 }), (labels) => {
        assert.deepEqual(labelSpans(labels), bilouToSpans(labels.map((l) => BILOU_LABELS[l] as string)));
      }),
      { numRuns: 500, seed: 16 },
    );
  });
});
