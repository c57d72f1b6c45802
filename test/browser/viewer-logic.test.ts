// The viewer's pure modules (no DOM): URL hash, filters, sentence marking, search ranking.
import { strict as assert } from 'node:assert';
import { defaultFilters, edgePasses, nodePasses } from '../../viewer/src/filters';
import { decodeHash, encodeHash } from '../../viewer/src/hash';
import { segmentSentence } from '../../viewer/src/highlight';
import { makeEntry, search } from '../../viewer/src/search';
import type { VEdge, VNode } from '../../viewer/src/types';

const edge = (over: Partial<VEdge>): VEdge => ({
  relation: 'urged', label: 'urged', negated: false, hypothetical: false, count: 1, weight: 1, evidence: [],
  cameo: '020', goldstein: 3, color: '#000000', size: 1, ...over,
});

describe('viewer logic', function () {
  it('round-trips the view through the URL hash', function () {
    const filters = defaultFilters();
    filters.hiddenRelations.add('met').add('urged');
    filters.hiddenTypes.add('other');
    filters.minCount = 2;
    filters.hideNegated = true;
    filters.from = '2025-03-01';
    filters.to = '2025-03-31';
    const view = { node: null, edge: 'trump|urged|putin|negated', filters, camera: { x: 0.25, y: 0.5, ratio: 0.8, angle: 0 } };
    const hash = encodeHash(view);
    assert.equal(hash, 'edge=trump%7Curged%7Cputin%7Cnegated&hiderel=met%2Curged&hidetype=other&min=2&noneg=1&from=2025-03-01&to=2025-03-31&cam=0.25%2C0.5%2C0.8');
    assert.deepEqual(decodeHash(`#${hash}`), view);
    assert.equal(encodeHash(decodeHash('')), '');
  });

  it('ignores malformed hash values', function () {
    const v = decodeHash('#min=abc&from=yesterday&cam=1,2&node=');
    assert.equal(v.filters.minCount, 1);
    assert.equal(v.filters.from, null);
    assert.equal(v.camera, null);
    assert.equal(v.node, null);
    assert.equal(decodeHash('#cam=0.5,0.5,-1').camera, null);
  });

  it('filters edges by kind, count, flags and overlapping dates; undated edges stay', function () {
    const f = defaultFilters();
    f.from = '2025-03-15';
    f.to = '2025-03-20';
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-10', lastSeen: '2025-03-16' }), f), true);
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-10', lastSeen: '2025-03-14' }), f), false);
    assert.equal(edgePasses(edge({ firstSeen: '2025-03-21' }), f), false);
    assert.equal(edgePasses(edge({}), f), true);
    const g = defaultFilters();
    g.minCount = 2;
    assert.equal(edgePasses(edge({ count: 1 }), g), false);
    g.minCount = 1;
    g.hideHypothetical = true;
    assert.equal(edgePasses(edge({ hypothetical: true }), g), false);
    g.hiddenRelations.add('urged');
    assert.equal(edgePasses(edge({}), g), false);
    g.hiddenTypes.add('person');
    assert.equal(nodePasses({ entityType: 'person' } as VNode, g), false);
  });

  it('marks the trigger and both actors in a sentence', function () {
    const segs = segmentSentence('President Trump again urged Vladimir Putin, not Putinism.', [
      { kind: 'trigger', terms: ['urge'] },
      { kind: 'source', terms: ['Donald Trump', 'Trump', 'President Trump'] },
      { kind: 'target', terms: ['Vladimir Putin', 'Putin'] },
    ]);
    assert.deepEqual(
      segs.filter((s) => s.kind !== null).map((s) => [s.kind, s.text]),
      [['source', 'President Trump'], ['trigger', 'urged'], ['target', 'Vladimir Putin']],
    );
    assert.equal(segs.map((s) => s.text).join(''), 'President Trump again urged Vladimir Putin, not Putinism.');
    const odd = segmentSentence('a (b) [c] $d$ a.b', [{ kind: 'source', terms: ['(b)', '[c]', '$d$', 'a.b', ''] }]);
    assert.deepEqual(odd.filter((s) => s.kind).map((s) => s.text), ['(b)', '[c]', '$d$', 'a.b']);
  });

  it('ranks label and alias matches, accent- and case-insensitive', function () {
    const entries = [
      makeEntry('putin', 'Vladimir Putin', ['Putin'], 'person', 14),
      makeEntry('zelenskyy', 'Volodymyr Zelenskyy', ['Zelensky', 'Zelenskiy'], 'person', 8),
      makeEntry('peskov', 'Dmitry Peskov', ['Peskov'], 'person', 3),
      makeEntry('eu', 'European Union', ['EU', 'Brüssel'], 'organization', 3),
    ];
    assert.deepEqual(search(entries, 'putin').map((r) => [r.node, r.alias]), [['putin', 'Putin']]);
    assert.deepEqual(search(entries, 'zelensk').map((r) => [r.node, r.alias]), [['zelenskyy', 'Zelensky']]);
    assert.deepEqual(search(entries, 'BRUSSEL').map((r) => r.node), ['eu']);
    assert.deepEqual(search(entries, 'v').map((r) => r.node), ['putin', 'zelenskyy', 'peskov']);
    assert.deepEqual(search(entries, '   '), []);
  });
});
