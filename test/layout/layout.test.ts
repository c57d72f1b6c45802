import { strict as assert } from 'node:assert';
import { UsageError } from '../../src/errors';
import { toJson } from '../../src/export';
import {
  ENTITY_COLORS, GOLDSTEIN_STOPS, computeCommunities, goldsteinColor, iterationsFor, layoutGraph, type LayoutOptions,
} from '../../src/layout';
import { makeGraph, sampleGraph, type EdgeSpec, type NodeSpec, type NewsGraph } from '../helpers/graph-fixture';

/** Two 5-cliques joined by one edge, plus isolated nodes. */
function twoCliques(reverse = false): NewsGraph {
  const left = ['a1', 'a2', 'a3', 'a4', 'a5'];
  const right = ['b1', 'b2', 'b3', 'b4', 'b5'];
  const nodes: NodeSpec[] = [...left, ...right, 'z1', 'z2'].map((key) => ({ key }));
  const edges: EdgeSpec[] = [];
  for (const group of [left, right]) {
    for (const s of group) for (const t of group) if (s < t) edges.push({ source: s, target: t, count: 2 });
  }
  edges.push({ source: 'a5', target: 'b1' });
  if (reverse) {
    nodes.reverse();
    edges.reverse();
  }
  return makeGraph({ nodes, edges }, { laidOut: false });
}

const isRounded = (v: number): boolean => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

describe('layoutGraph', () => {
  it('is deterministic: two runs give byte-identical graph.json', () => {
    const a = sampleGraph({ laidOut: false });
    const b = sampleGraph({ laidOut: false });
    layoutGraph(a);
    layoutGraph(b);
    assert.equal(toJson(a), toJson(b));
    const c = twoCliques();
    const d = twoCliques();
    layoutGraph(c, { seed: 7 });
    layoutGraph(d, { seed: 7 });
    assert.equal(toJson(c), toJson(d));
  });

  it('ignores positions already present', () => {
    const fresh = sampleGraph({ laidOut: false });
    const stale = sampleGraph({ laidOut: true });
    layoutGraph(fresh);
    layoutGraph(stale);
    fresh.forEachNode((node, a) => assert.deepEqual([a.x, a.y], [stale.getNodeAttribute(node, 'x'), stale.getNodeAttribute(node, 'y')]));
  });

  it('sets finite rounded positions, bounded sizes and palette colours on nodes', () => {
    const graph = twoCliques();
    layoutGraph(graph);
    graph.forEachNode((node, a) => {
      assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y), node);
      assert.ok(isRounded(a.x) && isRounded(a.y), `${node}: ${a.x}, ${a.y}`);
      assert.ok(a.size >= 4 && a.size <= 24, `${node}: size ${a.size}`);
      assert.equal(a.color, ENTITY_COLORS[a.entityType]);
    });
    assert.equal(graph.getNodeAttribute('z1', 'size'), 4);
    assert.equal(graph.getNodeAttribute('a5', 'size'), Math.round((4 + 2 * Math.sqrt(5)) * 100) / 100);
  });

  it('colours entity types from the palette table', () => {
    const graph = makeGraph({
      nodes: (['person', 'country', 'organization', 'place', 'other'] as const).map((entityType) => ({ key: entityType, entityType })),
    }, { laidOut: false });
    layoutGraph(graph);
    graph.forEachNode((node, a) => assert.equal(a.color, ENTITY_COLORS[a.entityType], node));
    assert.equal(new Set(Object.values(ENTITY_COLORS)).size, 5);
  });

  it('keeps disconnected nodes close (gravity), also with Barnes–Hut', () => {
    for (const barnesHutThreshold of [1000, 0]) {
      const graph = twoCliques();
      for (let i = 0; i < 20; i++) graph.addNode(`iso${i}`, { label: `Iso ${i}`, aliases: [], entityType: 'other', roles: [], mentions: 1, documents: 1 } as never);
      layoutGraph(graph, { barnesHutThreshold });
      const extent = Math.max(...graph.mapNodes((_n, a) => Math.max(Math.abs(a.x), Math.abs(a.y))));
      assert.ok(extent < 500, `extent ${extent}`);
    }
  });

  it('colours edges on the Goldstein scale and sizes them by count', () => {
    const graph = makeGraph({
      nodes: [{ key: 'a' }, { key: 'b' }],
      edges: [
        { source: 'a', target: 'b', relation: 'attacked', goldstein: -10 },
        { source: 'a', target: 'b', relation: 'met', goldstein: 0, count: 4 },
        { source: 'a', target: 'b', relation: 'aided', goldstein: 10, count: 1000 },
        { source: 'a', target: 'b', relation: 'urged', goldstein: 25 },
      ],
    }, { laidOut: false });
    layoutGraph(graph);
    const colors = graph.mapEdges((_e, a) => a.color);
    assert.deepEqual(colors, ['#d73027', '#9e9e9e', '#1a9850', '#1a9850']);
    assert.deepEqual(graph.mapEdges((_e, a) => a.size), [1, 3, 8, 1]);
  });

  it('goldsteinColor interpolates between stops as #rrggbb', () => {
    assert.deepEqual(GOLDSTEIN_STOPS.map((s) => goldsteinColor(s.score)), GOLDSTEIN_STOPS.map((s) => s.color));
    assert.equal(goldsteinColor(Number.NaN), '#9e9e9e');
    assert.equal(goldsteinColor(-100), '#d73027');
    for (let s = -10; s <= 10; s += 0.5) assert.match(goldsteinColor(s), /^#[0-9a-f]{6}$/);
  });

  it('finds communities, numbered by their smallest node key, whatever the insertion order', () => {
    const graph = twoCliques();
    const reversed = twoCliques(true);
    layoutGraph(graph);
    layoutGraph(reversed);
    const expected: Record<string, number> = {
      a1: 0, a2: 0, a3: 0, a4: 0, a5: 0, b1: 1, b2: 1, b3: 1, b4: 1, b5: 1, z1: 2, z2: 3,
    };
    assert.deepEqual(Object.fromEntries(graph.mapNodes((n, a) => [n, a.community])), expected);
    reversed.forEachNode((n, a) => assert.equal(a.community, expected[n], n));
  });

  it('treats parallel and opposite edges as one weighted undirected tie for communities', () => {
    const graph = twoCliques();
    const communities = computeCommunities(graph, { seed: 1, resolution: 1 });
    graph.addEdgeWithKey('x1', 'b2', 'a1', { count: 1 } as never);
    graph.addEdgeWithKey('x2', 'a1', 'b2', { count: 1 } as never);
    assert.deepEqual(computeCommunities(graph, { seed: 1, resolution: 1 }), communities);
  });

  it('handles the empty graph and a single node', () => {
    const empty = makeGraph({ nodes: [] }, { laidOut: false });
    layoutGraph(empty);
    assert.equal(empty.order, 0);
    const single = makeGraph({ nodes: [{ key: 'solo', entityType: 'place' }] }, { laidOut: false });
    layoutGraph(single);
    const a = single.getNodeAttributes('solo');
    assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y));
    assert.deepEqual([a.size, a.color, a.community], [4, ENTITY_COLORS.place, 0]);
  });

  it('leaves community alone when communities are off', () => {
    const graph = twoCliques();
    layoutGraph(graph, { communities: false });
    graph.forEachNode((_n, a) => assert.equal(a.community, undefined));
  });

  it('lays out a 1500-node graph with Barnes–Hut, finite everywhere', () => {
    const nodes: NodeSpec[] = Array.from({ length: 1500 }, (_, i) => ({ key: `n${i}` }));
    const edges: EdgeSpec[] = Array.from({ length: 3000 }, (_, i) => ({ source: `n${i % 1500}`, target: `n${(i * 13 + 1) % 1500}`, relation: i < 1500 ? 'met' : 'urged' }));
    const graph = makeGraph({ nodes, edges }, { laidOut: false });
    layoutGraph(graph);
    graph.forEachNode((n, a) => assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y) && Number.isInteger(a.community), n));
  });
});

describe('layout options', () => {
  it('rejects unknown and invalid options with UsageError naming the option', () => {
    const bad: [Partial<LayoutOptions> | Record<string, unknown>, string][] = [
      [{ iterations: 0 }, 'iterations'],
      [{ iterations: 2.5 }, 'iterations'],
      [{ resolution: -1 }, 'resolution'],
      [{ precision: 11 }, 'precision'],
      [{ minNodeSize: 10, maxNodeSize: 5 }, 'maxNodeSize'],
      [{ colour: 'red' }, 'colour'],
      [{ toString: 1 }, 'toString'],
    ];
    for (const [options, name] of bad) {
      assert.throws(() => layoutGraph(sampleGraph(), options as Partial<LayoutOptions>), (e: unknown) => e instanceof UsageError && e.file === name, name);
    }
  });

  it('picks iterations from the number of nodes ForceAtlas2 moves', () => {
    assert.deepEqual([10, 100, 101, 1000, 5000, 10000].map((n) => iterationsFor(n, { iterations: 'auto' })), [500, 500, 300, 300, 150, 80]);
    assert.equal(iterationsFor(10000, { iterations: 42 }), 42);
  });
});
