// layoutGraph scans the graph once, keeps its results by node index and writes them back in one
// updateEachNodeAttributes: the components it finds, the community numbering and the attribute
// order of graph.json must be what the plain definitions give.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { computeCommunities, findComponents, layoutGraph, type Component } from '../../src/layout';
import { edgeWeight } from '../../src/layout/communities';
import type { Relation } from '../../src/types';
import { makeGraph, type EdgeSpec, type NewsGraph } from '../helpers/graph-fixture';

/** Components and isolated nodes by their definition: breadth-first from each node, in key order. */
function referenceComponents(graph: NewsGraph): { components: Component[]; isolated: string[] } {
  const seen = new Set<string>();
  const components: Component[] = [];
  const isolated: string[] = [];
  for (const start of graph.nodes().sort()) {
    if (seen.has(start)) continue;
    seen.add(start);
    const nodes = [start];
    for (let i = 0; i < nodes.length; i++) {
      for (const next of graph.neighbors(nodes[i] as string)) {
        if (!seen.has(next)) {
          seen.add(next);
          nodes.push(next);
        }
      }
    }
    if (nodes.length < 2) {
      isolated.push(start);
      continue;
    }
    nodes.sort();
    const edges = graph
      .filterEdges((_e, _a, source) => nodes.includes(source))
      .map((e): [number, number, number] => [nodes.indexOf(graph.source(e)), nodes.indexOf(graph.target(e)), edgeWeight(graph.getEdgeAttributes(e))])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    components.push({ nodes, edges });
  }
  components.sort((a, b) => b.nodes.length - a.nodes.length || ((a.nodes[0] as string) < (b.nodes[0] as string) ? -1 : 1));
  return { components, isolated };
}

const RELATIONS: Relation[] = ['met', 'urged', 'attacked', 'aided'];

/** Random graphs: up to 30 nodes, many of them without edges, self-loops, parallel edges, any insertion order. */
const graphs = fc
  .record({
    keys: fc.uniqueArray(fc.stringMatching(/^[a-zA-Zé😀 0-9]{1,4}$/), { maxLength: 30 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 }), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }),
    shuffle: fc.nat(),
  })
  .map(({ keys, edges, shuffle }) => {
    // Insertion order: key order (as the graph stage adds nodes) or a rotation of the generated order.
    const nodes = shuffle % 3 === 0 ? [...keys].sort() : keys.map((_k, i) => keys[(i + shuffle) % keys.length] as string);
    const specs = new Map<string, EdgeSpec>();
    if (keys.length > 0) {
      for (const [s, t, r, count] of edges) {
        const source = keys[s % keys.length] as string;
        const target = keys[t % keys.length] as string;
        const relation = RELATIONS[r] as Relation;
        specs.set(`${source}|${relation}|${target}`, { source, target, relation, count, goldstein: r * 3 - 4 });
      }
    }
    return makeGraph({ nodes: nodes.map((key) => ({ key })), edges: [...specs.values()] }, { laidOut: false });
  });

describe('layout in one pass over the graph', () => {
  it('finds the components and isolated nodes their definition gives (property)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        assert.deepEqual(findComponents(graph), referenceComponents(graph));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('numbers communities by their smallest key, a node without edges alone, as computeCommunities does (property)', () => {
    fc.assert(
      fc.property(graphs, (graph) => {
        const expected = computeCommunities(graph, { seed: 1, resolution: 1 });
        layoutGraph(graph);
        const smallest: string[] = [];
        graph.forEachNode((node, attributes) => {
          const community = attributes.community as number;
          assert.equal(community, expected.get(node), node);
          if (smallest[community] === undefined || node < (smallest[community] as string)) smallest[community] = node;
          if (graph.degree(node) === 0) assert.equal([...expected.values()].filter((c) => c === community).length, 1, `${node} is alone`);
        });
        assert.equal(smallest.length, new Set(expected.values()).size, 'numbered 0, 1, … without gaps');
        for (let c = 1; c < smallest.length; c++) assert.ok((smallest[c - 1] as string) < (smallest[c] as string), `community ${c}`);
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('appends the attributes it adds in the order x, y, size, color, community, and keeps the place of those present', () => {
    const bare = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }], edges: [{ source: 'a', target: 'b' }] }, { laidOut: false });
    layoutGraph(bare);
    assert.deepEqual(Object.keys(bare.getNodeAttributes('a')), ['label', 'aliases', 'entityType', 'roles', 'mentions', 'documents', 'x', 'y', 'size', 'color', 'community']);
    assert.deepEqual(Object.keys(bare.getNodeAttributes('c')), ['label', 'aliases', 'entityType', 'roles', 'mentions', 'documents', 'x', 'y', 'size', 'color', 'community']);
    assert.deepEqual(Object.keys(bare.getEdgeAttributes(bare.edges()[0] as string)).slice(-2), ['color', 'size']);
    // As the graph stage makes them: x, y, size, color already there, community new.
    const built = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] }, { laidOut: true });
    const before = Object.keys(built.getNodeAttributes('a'));
    layoutGraph(built);
    assert.deepEqual(Object.keys(built.getNodeAttributes('a')), [...before, 'community']);
    layoutGraph(built, { communities: false });
    assert.deepEqual(Object.keys(built.getNodeAttributes('a')), [...before, 'community']);
  });

  it('tells listeners once for all nodes and once for all edges, never node by node', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }], edges: [{ source: 'a', target: 'b' }] }, { laidOut: false });
    const events: string[] = [];
    for (const name of ['nodeAttributesUpdated', 'edgeAttributesUpdated', 'eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated'] as const) {
      graph.on(name, () => events.push(name));
    }
    layoutGraph(graph);
    assert.deepEqual(events, ['eachNodeAttributesUpdated', 'eachEdgeAttributesUpdated']);
  });
});
