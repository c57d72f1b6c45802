// The models' word caches: bounded by two generations, and what a word's entry holds survives a
// promotion (the NER's per-word sums are moved out of the old generation's slab), so the labels
// after many word types are the labels of a fresh tagger.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { WORD_CACHE_GENERATION, WordCache } from '../../src/syntax/word-cache';
import { defaultNerModelFile, EntityTagger } from '../../src/syntax/ner';
import { Tagger } from '../../src/syntax/tagger';

describe('WordCache', () => {
  it('holds at most two generations and keeps the words in use', () => {
    const promoted: number[] = [];
    const cache = new WordCache<number>(4, (v) => promoted.push(v));
    for (let i = 0; i < 100; i++) {
      cache.set(`w${i}`, i);
      assert.ok(cache.size <= 8, `size ${cache.size} after ${i + 1} words`);
      // "w0" is looked up all along: it is promoted each time its generation turns old, never lost
      assert.equal(cache.get('w0'), 0);
    }
    assert.equal(cache.get('w1'), undefined);
    assert.ok(promoted.length > 0 && promoted.every((v) => v === 0));
    cache.clear();
    assert.equal(cache.size, 0);
  });
});

describe('word caches under turnover', () => {
  // sentences written for this test; the filler words are made up, so each is a new word type
  const sentences = [
    ['Maria', 'Lopez', 'met', 'the', 'Kenyan', 'envoy', 'in', 'Nairobi', 'on', 'Friday', '.'],
    ['The', 'Baltic', 'Shipping', 'Union', 'said', 'talks', 'with', 'Oslo', 'would', 'resume', '.'],
  ];
  const filler = (round: number): string[][] => {
    const out: string[][] = [];
    for (let i = 0; i < 3 * WORD_CACHE_GENERATION; i += 20) {
      const words = Array.from({ length: 20 }, (_, k) => `Qorv${round}x${i + k}`);
      // the test sentences' words come back among the new ones, so they are promoted, not dropped
      out.push([...words, ...(sentences[(i / 20) % 2] as string[])]);
    }
    return out;
  };

  it('the NER labels a text the same after three generations of new words', function () {
    this.timeout(120_000);
    const bytes = fs.readFileSync(defaultNerModelFile());
    const fresh = EntityTagger.decode(bytes).labelDocument(sentences);
    const used = EntityTagger.decode(bytes);
    for (let round = 0; round < 2; round++) used.labelDocument(filler(round));
    assert.deepEqual(used.labelDocument(sentences), fresh);
  });

  it('the tagger tags a text the same after three generations of new words', function () {
    this.timeout(120_000);
    const tagger = Tagger.load();
    const before = sentences.map((s) => tagger.tag(s));
    for (const s of filler(0)) tagger.tag(s);
    assert.deepEqual(sentences.map((s) => tagger.tag(s)), before);
  });
});
