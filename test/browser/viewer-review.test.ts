// The viewer's pure modules for a big graph (no DOM): what the filters leave, label placement,
// paths, and the review queue.
import { strict as assert } from 'node:assert';
import { buildGraph } from '../../viewer/src/data';
import { defaultFilters } from '../../viewer/src/filters';
import { boxesMeet, chooseLabels, type Box } from '../../viewer/src/labels';
import { shortestPath } from '../../viewer/src/paths';
import { freshEdges, reviewQueue } from '../../viewer/src/review';
import { computeVisibility, effectiveTop, TOP_STEP } from '../../viewer/src/visibility';

const node = (key: string, label: string, entityType = 'person', mentions = 1) => ({ key, attributes: { label, entityType, mentions } });
const edge = (source: string, relation: string, target: string, extra: Record<string, unknown> = {}) => ({
  key: `${source}|${relation}|${target}`, source, target, attributes: { relation, count: 1, evidence: [{ doc: 'd', sentence: 's', start: 0, end: 1, trigger: 't', rule: 'r' }], ...extra },
});

function sample() {
  return buildGraph({
    nodes: [
      node('george-w-bush', 'George W Bush', 'person', 40), node('bush', 'Bush'), node('tony-blair', 'Tony Blair', 'person', 50),
      node('i-m', "I'm", 'organization'), node('london', 'London', 'place'), node('lonely', 'Lonely Person'), node('deal', 'deal', 'other'),
      node('a', 'Alpha'), node('b', 'Beta'), node('c', 'Gamma'),
    ],
    edges: [
      edge('george-w-bush', 'met', 'tony-blair', { count: 5 }),
      edge('bush', 'urged', 'tony-blair', { hypothetical: true }),
      edge('i-m', 'accused', 'tony-blair'),
      edge('tony-blair', 'located_in', 'london'),
      edge('tony-blair', 'proposed', 'deal', { count: 2 }),
      edge('a', 'met', 'b', { count: 9 }), edge('b', 'met', 'c', { count: 1 }), edge('a', 'met', 'c', { count: 9 }),
    ],
  });
}

describe('viewer on a big graph: pure parts', function () {
  it('hides isolated actors and located_in by default; counts follow the filters', function () {
    const g = sample();
    const v = computeVisibility(g, defaultFilters());
    assert.ok(v.hiddenNodes.has('lonely') && v.hiddenNodes.has('london'), 'isolated (london only by located_in)');
    assert.ok(v.hiddenEdges.has('tony-blair|located_in|london'));
    assert.equal(v.isolatedHidden, 2);
    assert.equal(v.relationCounts.get('located_in'), 1, 'a kind that is off still says what it holds');
    const f = defaultFilters();
    f.hiddenTypes.add('organization');
    const w = computeVisibility(g, f);
    assert.equal(w.relationCounts.get('accused'), undefined, 'the type filter narrows relation counts');
    assert.equal(w.nodes, v.nodes - 1);
    f.showIsolated = true;
    assert.equal(computeVisibility(g, f).isolatedHidden, 0);
    assert.equal(effectiveTop(null, 401), TOP_STEP);
    assert.equal(effectiveTop(null, 400), 0);
    assert.equal(effectiveTop(0, 5000), 0);
    const top = defaultFilters();
    top.top = 2;
    const t = computeVisibility(g, top);
    const pinned = computeVisibility(g, top, undefined, new Set(['lonely', 'tony-blair']));
    assert.equal(pinned.hiddenNodes.has('lonely') || pinned.hiddenNodes.has('tony-blair'), false, 'pinned actors are drawn');
    assert.deepEqual([...g.nodes()].filter((n) => !t.hiddenNodes.has(n)).sort(), ['a', 'b'], 'the two best ranked (a 18, then b and c at 10: b by key), with an edge between them');
  });

  it('chooses labels whose boxes never meet, first ones first', function () {
    const boxes: Record<string, Box> = {
      sel: { minX: 0, maxX: 100, minY: 0, maxY: 20 },
      over: { minX: 50, maxX: 150, minY: 10, maxY: 30 },
      near: { minX: 101, maxX: 200, minY: 0, maxY: 20 },
      far: { minX: 300, maxX: 400, minY: 0, maxY: 20 },
      outside: { minX: 2000, maxX: 2100, minY: 0, maxY: 20 },
    };
    const kept = chooseLabels(['sel', 'over', 'near', 'far', 'outside'], (n) => boxes[n] ?? null, { width: 1000, height: 800 });
    assert.deepEqual([...kept], ['sel', 'far'], 'near is within the 2 px gap of sel');
    const list = [...kept].map((n) => boxes[n] as Box);
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) assert.equal(boxesMeet(list[i] as Box, list[j] as Box), false);
  });

  it('finds the best attested path, in either direction, over visible edges only', function () {
    const g = sample();
    assert.deepEqual(shortestPath(g, 'b', 'c', new Set())?.nodes, ['b', 'a', 'c'], 'two strong steps beat one weak one (1/9 + 1/9 < 1/1)');
    assert.deepEqual(shortestPath(g, 'b', 'c', new Set(['a|met|c']))?.nodes, ['b', 'c']);
    assert.equal(shortestPath(g, 'lonely', 'a', new Set()), null);
  });

  it('queues actors that do not read as names, possible duplicates, and doubtful edges', function () {
    const g = sample();
    const items = reviewQueue(g, { nodes: new Set(), edges: new Set() });
    const byKey = new Map(items.map((i) => [i.key, i]));
    assert.match(byKey.get('i-m')?.reasons.join() ?? '', /does not read as a name/);
    assert.equal(byKey.get('bush')?.other, 'george-w-bush');
    assert.equal(byKey.has('deal'), false, 'a topic may be lower case');
    assert.deepEqual(byKey.get('bush|urged|tony-blair')?.reasons, ['hypothetical', 'one sentence']);
    assert.equal(byKey.has('b|met|c'), false, 'one plain sentence alone is not queued');
    assert.equal(items[0]?.kind, 'node', 'actors first');
    const decided = reviewQueue(g, { nodes: new Set(['bush']), edges: new Set() });
    assert.equal(decided.some((i) => i.key === 'bush' || i.key === 'bush|urged|tony-blair'), false);
    const fresh = reviewQueue(g, { nodes: new Set(), edges: new Set() }, 60, new Set(['b|met|c']));
    assert.deepEqual(fresh.find((i) => i.key === 'b|met|c')?.reasons, ['one sentence', 'new since the last build seen here']);
  });

  it('tells edges new since the last visit, nothing on the first', function () {
    const kept = new Map<string, string>();
    const storage = { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) };
    const g = sample();
    assert.equal(freshEdges(g, storage, 'k').size, 0);
    g.addDirectedEdgeWithKey('a|urged|b', 'a', 'b', g.getEdgeAttributes('a|met|b'));
    assert.deepEqual([...freshEdges(g, storage, 'k')], ['a|urged|b']);
    assert.equal(freshEdges(g, storage, 'k').size, 0);
    assert.equal(freshEdges(g, null, 'k').size, 0);
  });
});
