// The layout one connected component at a time: canonical components, positions that depend on a
// component alone, a content-addressed cache that gives the numbers a cold computation gives, and
// a packing that never overlaps two components.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { toJson } from '../../src/export';
import {
  componentKey, findComponents, layoutComponent, layoutGraph, packComponents, resolveLayoutOptions, type LayoutCache,
} from '../../src/layout';
import { makeGraph, type EdgeSpec, type NewsGraph, type NodeSpec } from '../helpers/graph-fixture';

/** A graph of named groups: each group a path (with one chord), plus lone nodes; `heavy` groups' first edge has count 4. */
function groups(spec: Record<string, number>, options: { reverse?: boolean; lone?: number; heavy?: string[] } = {}): NewsGraph {
  const nodes: NodeSpec[] = [];
  const edges: EdgeSpec[] = [];
  for (const [name, size] of Object.entries(spec)) {
    for (let i = 0; i < size; i++) nodes.push({ key: `${name}${i}` });
    for (let i = 1; i < size; i++) edges.push({ source: `${name}${i - 1}`, target: `${name}${i}`, count: i === 1 && options.heavy?.includes(name) ? 4 : 1 });
    if (size > 3) edges.push({ source: `${name}0`, target: `${name}${size - 1}`, relation: 'urged' });
  }
  for (let i = 0; i < (options.lone ?? 0); i++) nodes.push({ key: `lone${i}` });
  if (options.reverse) {
    nodes.reverse();
    edges.reverse();
  }
  return makeGraph({ nodes, edges }, { laidOut: false });
}

/** A cache in memory that counts what it is asked. */
function memoryCache(): LayoutCache & { entries: Map<string, string>; hits: number } {
  const entries = new Map<string, string>();
  const cache = {
    entries,
    hits: 0,
    get(key: string): string | undefined {
      const value = entries.get(key);
      if (value !== undefined) cache.hits++;
      return value;
    },
    set(key: string, value: string): void {
      entries.set(key, value);
    },
  };
  return cache;
}

const OPTIONS = resolveLayoutOptions({});

describe('layout by connected component', () => {
  it('finds the components largest first, in canonical form, and the isolated nodes in key order', () => {
    const { components, isolated } = findComponents(groups({ b: 3, a: 3, c: 5 }, { lone: 3 }));
    assert.deepEqual(components.map((c) => c.nodes), [['c0', 'c1', 'c2', 'c3', 'c4'], ['a0', 'a1', 'a2'], ['b0', 'b1', 'b2']]);
    assert.deepEqual(components[0]?.edges, [[0, 1, 1], [0, 4, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]]);
    assert.deepEqual(isolated, ['lone0', 'lone1', 'lone2']);
    // Insertion order changes nothing.
    assert.deepEqual(findComponents(groups({ b: 3, a: 3, c: 5 }, { lone: 3, reverse: true })), { components, isolated });
  });

  it('a node with only a self-loop is isolated', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }], edges: [{ source: 'a', target: 'a' }, { source: 'b', target: 'c' }] }, { laidOut: false });
    const { components, isolated } = findComponents(graph);
    assert.deepEqual(components.map((c) => c.nodes), [['b', 'c']]);
    assert.deepEqual(isolated, ['a']);
    layoutGraph(graph);
    graph.forEachNode((node, a) => assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y), node));
  });

  it("a component's positions depend on it alone, not on the rest of the graph nor on insertion order", () => {
    const a = findComponents(groups({ p: 12, q: 4 })).components[0];
    const b = findComponents(groups({ p: 12, r: 30, s: 2 }, { reverse: true, lone: 5 })).components.find((c) => c.nodes[0] === 'p0');
    assert.ok(a && b);
    assert.deepEqual(b, a);
    assert.equal(componentKey(b, OPTIONS), componentKey(a, OPTIONS));
    assert.deepEqual(layoutComponent(b, OPTIONS), layoutComponent(a, OPTIONS));
  });

  it('positions are centred on the component and rounded; a whole graph is the same bytes whatever its insertion order', () => {
    const component = findComponents(groups({ p: 12 })).components[0];
    assert.ok(component);
    const positions = layoutComponent(component, OPTIONS);
    assert.equal(positions.length, 24);
    const mean = (offset: number): number => positions.filter((_v, i) => i % 2 === offset).reduce((s, v) => s + v, 0) / 12;
    assert.ok(Math.abs(mean(0)) < 0.01 && Math.abs(mean(1)) < 0.01, `centroid ${mean(0)}, ${mean(1)}`);
    for (const v of positions) assert.ok(Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, String(v));
    const forward = groups({ p: 12, q: 4, r: 2 }, { lone: 4 });
    const backward = groups({ p: 12, q: 4, r: 2 }, { lone: 4, reverse: true });
    layoutGraph(forward);
    layoutGraph(backward);
    forward.forEachNode((node, attrs) => assert.deepEqual([attrs.x, attrs.y], [backward.getNodeAttribute(node, 'x'), backward.getNodeAttribute(node, 'y')], node));
  });

  it('places leaves around their hub, away from its other neighbours, at one distance per weight', () => {
    // A triangle a–b–c; a has five leaves (weight 1), b one leaf of weight 3, and c none.
    const nodes: NodeSpec[] = ['a', 'b', 'c', 'la0', 'la1', 'la2', 'la3', 'la4', 'lb'].map((key) => ({ key }));
    const edges: EdgeSpec[] = [
      { source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'c', target: 'a' },
      ...[0, 1, 2, 3, 4].map((i) => ({ source: 'a', target: `la${i}` })),
      { source: 'lb', target: 'b', count: 3 },
    ];
    const component = findComponents(makeGraph({ nodes, edges }, { laidOut: false })).components[0];
    assert.ok(component);
    const positions = layoutComponent(component, OPTIONS);
    const at = (key: string): [number, number] => {
      const i = component.nodes.indexOf(key);
      return [positions[2 * i] as number, positions[2 * i + 1] as number];
    };
    const distance = (p: [number, number], q: [number, number]): number => Math.hypot(p[0] - q[0], p[1] - q[1]);
    const leafDistances = [0, 1, 2, 3, 4].map((i) => distance(at(`la${i}`), at('a')));
    for (const d of leafDistances) assert.ok(Math.abs(d - (leafDistances[0] as number)) < 0.02, `leaf distances ${leafDistances.join(', ')}`);
    // Away from b and c: each leaf is farther from their midpoint than the hub is.
    const middle: [number, number] = [(at('b')[0] + at('c')[0]) / 2, (at('b')[1] + at('c')[1]) / 2];
    for (let i = 0; i < 5; i++) assert.ok(distance(at(`la${i}`), middle) > distance(at('a'), middle), `la${i}`);
    const spots = new Set(component.nodes.map((key) => at(key).join(',')));
    assert.equal(spots.size, component.nodes.length, 'no two nodes on one spot');
    // A star alone: its leaves all round the hub.
    const star = findComponents(makeGraph({ nodes: ['h', 'x', 'y', 'z'].map((key) => ({ key })), edges: ['x', 'y', 'z'].map((leaf) => ({ source: 'h', target: leaf })) }, { laidOut: false })).components[0];
    assert.ok(star);
    const p = layoutComponent(star, OPTIONS);
    const hub: [number, number] = [p[0] as number, p[1] as number];
    const [a1 = 0, a2 = 0, a3 = 0] = [1, 2, 3].map((i) => Math.atan2((p[2 * i + 1] as number) - hub[1], (p[2 * i] as number) - hub[0])).sort((u, v) => u - v);
    for (const step of [a2 - a1, a3 - a2]) assert.ok(Math.abs(step - (2 * Math.PI) / 3) < 0.01, `angles ${a1}, ${a2}, ${a3}`);
  });

  it('the content key changes with nodes, edges, weights and the options the layout uses, and with nothing else', () => {
    const base = findComponents(groups({ p: 6 })).components[0];
    const heavier = findComponents(groups({ p: 6 }, { heavy: ['p'] })).components[0];
    const longer = findComponents(groups({ p: 7 })).components[0];
    assert.ok(base && heavier && longer);
    const key = componentKey(base, OPTIONS);
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.notEqual(componentKey(heavier, OPTIONS), key);
    assert.notEqual(componentKey(longer, OPTIONS), key);
    for (const changed of [{ seed: 2 }, { iterations: 20 }, { precision: 3 }, { barnesHutThreshold: 2 }]) {
      assert.notEqual(componentKey(base, resolveLayoutOptions(changed)), key, JSON.stringify(changed));
    }
    // Options the component layout does not read: sizes, colours, communities.
    for (const unused of [{ communities: false }, { resolution: 2 }, { maxNodeSize: 30 }, { barnesHutTheta: 0.5 }]) {
      assert.equal(componentKey(base, resolveLayoutOptions(unused)), key, JSON.stringify(unused));
    }
  });

  it('a cache hit gives the same bytes as a cold computation; only changed components are laid out again', () => {
    const cache = memoryCache();
    const cold = groups({ p: 40, q: 6, r: 3, s: 2 }, { lone: 10 });
    assert.deepEqual(layoutGraph(cold, {}, cache), { components: 4, cached: 0 });
    assert.equal(cache.entries.size, 4);

    const warm = groups({ p: 40, q: 6, r: 3, s: 2 }, { lone: 10 });
    assert.deepEqual(layoutGraph(warm, {}, cache), { components: 4, cached: 4 });
    assert.equal(toJson(warm), toJson(cold));
    assert.deepEqual(layoutGraph(groups({ p: 40, q: 6, r: 3, s: 2 }, { lone: 10, reverse: true }), {}, cache), { components: 4, cached: 4 });

    // One component changes (a weight), one is new: the other three come from the cache.
    const changed = groups({ p: 40, q: 6, r: 3, s: 2, t: 5 }, { lone: 10, heavy: ['q'] });
    const summary = layoutGraph(changed, {}, cache);
    assert.deepEqual(summary, { components: 5, cached: 3 });
    const fresh = groups({ p: 40, q: 6, r: 3, s: 2, t: 5 }, { lone: 10, heavy: ['q'] });
    layoutGraph(fresh);
    assert.equal(toJson(changed), toJson(fresh));
  });

  it('a damaged cache entry is computed again, never used', () => {
    const cache = memoryCache();
    const expected = groups({ p: 9, q: 3 });
    layoutGraph(expected, {}, cache);
    for (const [key, value] of [...cache.entries].entries()) cache.entries.set(value[0], ['not json', '[1,2]', '["a","b"]'][key % 3] as string);
    const again = groups({ p: 9, q: 3 });
    assert.deepEqual(layoutGraph(again, {}, cache), { components: 2, cached: 0 });
    assert.equal(toJson(again), toJson(expected));
  });

  it('packs components without overlap, the largest at the centre (property)', () => {
    const part = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 300, noNaN: true }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 60 }), (specs) => {
        // A component as points on a circle of the given radius around the origin.
        const parts = specs.map(([n, r]) => Array.from({ length: n }, (_v, i) => [r * Math.cos(i), r * Math.sin(i)]).flat());
        const radii = parts.map((p) => Math.max(0, ...p.map((_v, i) => (i % 2 === 0 ? Math.hypot(p[i] as number, p[i + 1] as number) : 0))));
        const centres = packComponents(parts);
        assert.deepEqual(centres[0], { x: 0, y: 0 });
        for (let i = 0; i < centres.length; i++) {
          for (let j = i + 1; j < centres.length; j++) {
            const [a, b] = [centres[i], centres[j]] as { x: number; y: number }[];
            const d = Math.hypot((a?.x ?? 0) - (b?.x ?? 0), (a?.y ?? 0) - (b?.y ?? 0));
            assert.ok(d + 1e-6 >= (radii[i] as number) + (radii[j] as number), `components ${i} and ${j} overlap: ${d}`);
          }
        }
        assert.deepEqual(packComponents(parts), centres);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
