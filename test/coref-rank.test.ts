// The pronoun ranker's plumbing (src/entities/coref-rank.ts): off by default, its weight file read
// and checked like every model file, and a model that prefers a candidate makes the resolver take it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { annotate } from '../src/nlp';
import { defaultLexicon, recognizeEntities } from '../src/entities';
import { candidateFeatures, COREF_KIND, COREF_TEMPLATES, corefModel, hashFeatures, nullFeatures, readCorefModel, setCorefModel, type RankCandidate, type RankPronoun } from '../src/entities/coref-rank';
import { AveragedPerceptron, FeatureBuffer, writeModelFile } from '../src/learn';
import { ModelError } from '../src/errors';

const PRONOUN: RankPronoun = { kind: 'neuter', form: 'subject', role: 'subject', quoted: false, actor: false, next: 'AUX:be', candidates: 1, parsed: false, rulesResolve: false };
const CANDIDATE: RankCandidate = {
  type: 'organization', distance: 1, recency: 0, role: 'subject', ruleRank: 0, ruleShare: 1, named: 1, mentions: 1, genderKnown: false,
  quoted: false, resolved: false, conjoined: false, demonym: false, first: true, rulesPick: false,
};

/** A model that scores every candidate of an organisation above "nobody". */
function eagerModel(): AveragedPerceptron {
  const p = new AveragedPerceptron(2);
  const buffer = new FeatureBuffer();
  p.tick();
  p.update(hashFeatures(candidateFeatures(PRONOUN, CANDIDATE).filter((f) => f.startsWith('type=')), buffer), 1, 0);
  p.update(hashFeatures(nullFeatures(PRONOUN).filter((f) => f === 'null-bias'), buffer), 0, 1);
  return p;
}

function itReference(text: string): string | null {
  const doc = annotate({ id: 't', text, origin: 't' });
  const layer = recognizeEntities(doc, defaultLexicon());
  const it = doc.tokens.find((t) => t.value === 'It');
  return layer.references.find((r) => r.via === 'pronoun' && r.firstToken === it?.index)?.entity ?? null;
}

describe('coreference ranker', () => {
  afterEach(() => setCorefModel(null));

  it('is off by default: the rules decide', () => {
    assert.equal(corefModel(), null);
    // "It was …": the rules never resolve "it" before a copula.
    assert.equal(itReference('Amnesty International spoke on Monday. It was a long day.'), null);
  });

  it('features are plain strings, each also crossed with the pronoun kind and form', () => {
    const features = candidateFeatures(PRONOUN, CANDIDATE);
    assert.ok(features.includes('type=organization'));
    assert.ok(features.includes('neuter|type=organization'));
    assert.ok(features.includes('neuter.subject|type=organization'));
    assert.deepEqual(candidateFeatures(PRONOUN, CANDIDATE), features, 'the same input gives the same features');
  });

  it('a weight file round-trips, and a model that prefers the actor makes the resolver take it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coref-rank-')), 'coref.bin');
    writeModelFile(file, {
      kind: COREF_KIND, templates: COREF_TEMPLATES, data: [], settings: { margin: 0 }, scores: {}, tables: {},
      sections: [{ name: 'rank', labels: ['other', 'antecedent'], model: eagerModel().freeze() }],
    });
    setCorefModel(readCorefModel(file));
    assert.equal(itReference('Amnesty International spoke on Monday. It was a long day.'), 'amnesty-international');
  });

  it('a file of another kind or other templates is a ModelError naming the file', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'coref-rank-')), 'other.bin');
    writeModelFile(file, { kind: 'ner', templates: COREF_TEMPLATES, data: [], settings: {}, scores: {}, tables: {}, sections: [] });
    assert.throws(() => readCorefModel(file), (e: unknown) => e instanceof ModelError && String(e.message).length > 0);
    assert.throws(() => readCorefModel(path.join(path.dirname(file), 'missing.bin')), ModelError);
  });
});
