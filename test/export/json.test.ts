import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import Graph, { MultiDirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes, GraphType } from 'graphology-types';
import { exportGraph, toJson, toJsonChunks } from '../../src/export';
import { makeGraph, sampleGraph } from '../helpers/graph-fixture';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * graph.json as first written: JSON of graph.export(), one item per line. toJson writes straight from
 * the graph's attribute objects instead, and must give these bytes for every graph.
 */
function exportJson(graph: AnyGraph): string {
  const data = graph.export();
  const list = (items: readonly unknown[]): string =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => JSON.stringify(item)).join(',\n')}\n]`;
  const head = JSON.stringify({ options: data.options, attributes: data.attributes ?? {} });
  return `${head.slice(0, -1)},"nodes":${list(data.nodes)},"edges":${list(data.edges)}}\n`;
}

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

class Dated {
  constructor(readonly day: string) {}
  toJSON(key: string): string {
    return `${key}:${this.day}`;
  }
}

/**
 * Attribute objects that JSON.stringify and graphology's copy (Object.assign({}, a)) could tell
 * apart, each with why.
 */
const AWKWARD_ATTRIBUTES: readonly (readonly [string, () => Attributes])[] = [
  ['an own __proto__ key (assign sets the prototype instead)', () => JSON.parse('{"a":1,"__proto__":{"b":2},"c":3}') as Attributes],
  ['an own toJSON (called with "attributes", not "")', () => ({ a: 1, toJSON: (key: string) => ({ key }) })],
  ['a class instance (the copy is a plain object)', () => new Point(1, 2) as unknown as Attributes],
  ['a class with toJSON (the copy has none)', () => new Dated('2024-01-02') as unknown as Attributes],
  ['a null prototype', () => Object.assign(Object.create(null) as Attributes, { a: 1, b: 'two' })],
  ['integer-like keys (listed first)', () => ({ b: 1, 2: 'two', a: 3, 1: 'one' })],
  ['symbol keys and non-enumerable properties (not written)', () => Object.defineProperty({ [Symbol('s')]: 1, a: 1 }, 'hidden', { value: 2, enumerable: false })],
  ['a getter (read once)', () => ({ a: 1, get b(): number { return 2; } })],
  ['undefined, functions, NaN, -0, Infinity', () => ({ u: undefined, f: () => 1, n: NaN, z: -0, i: -Infinity, ok: true })],
  ['values with toJSON inside', () => ({ when: new Date(Date.UTC(2024, 0, 2)), nested: { d: new Dated('x') }, list: [new Dated('y')] })],
  ['nothing at all (no "attributes" written)', () => ({})],
  ['only undefined (written as {})', () => ({ a: undefined })],
];

describe('toJson', () => {
  it('parses back to exactly graph.export()', () => {
    const graph = sampleGraph();
    assert.deepEqual(JSON.parse(toJson(graph)), graph.export());
  });

  it('is byte-identical for identical graphs, one node or edge per line', () => {
    const json = toJson(sampleGraph());
    assert.equal(json, toJson(sampleGraph()));
    const lines = json.trimEnd().split('\n');
    const graph = sampleGraph();
    assert.equal(lines.length, 1 + graph.order + 1 + graph.size + 1);
    assert.ok(json.endsWith(']}\n'));
  });

  it('round-trips through graph.import()', () => {
    const graph = sampleGraph();
    const copy = new MultiDirectedGraph();
    copy.import(JSON.parse(toJson(graph)));
    assert.equal(toJson(copy), toJson(graph));
  });

  it('handles the empty graph and strings JSON must escape', () => {
    assert.deepEqual(JSON.parse(toJson(makeGraph({ nodes: [] }))).nodes, []);
    const graph = makeGraph({ nodes: [{ key: 'a\u2028\uD800', label: '"\\\n\u0000' }] });
    const json = toJson(graph);
    assert.deepEqual(JSON.parse(json), graph.export());
    assert.ok(Buffer.from(json, 'utf8').toString('utf8') === json, 'no lone surrogates reach UTF-8');
  });

  it('is the JSON of graph.export(), byte for byte, for the sample graphs', () => {
    assert.equal(toJson(sampleGraph()), exportJson(sampleGraph()));
    assert.equal(toJson(sampleGraph({ laidOut: false })), exportJson(sampleGraph({ laidOut: false })));
    assert.equal(toJson(makeGraph({ nodes: [] })), exportJson(makeGraph({ nodes: [] })));
    const bare = new Graph();
    assert.equal(toJson(bare), exportJson(bare));
  });

  for (const [what, attributes] of AWKWARD_ATTRIBUTES) {
    it(`is the JSON of graph.export() for attributes with ${what}`, () => {
      const graph = new Graph({ type: 'mixed', multi: true });
      graph.addNode('a', attributes());
      graph.addNode('b');
      graph.addDirectedEdgeWithKey('a->b', 'a', 'b', attributes());
      graph.addUndirectedEdgeWithKey('a--b', 'a', 'b', attributes());
      graph.addUndirectedEdge('b', 'a');
      assert.equal(toJson(graph), exportJson(graph));
    });
  }

  it('writes undirected: true only in mixed graphs, as export() does', () => {
    for (const type of ['mixed', 'directed', 'undirected'] as const) {
      const graph = new Graph({ type, allowSelfLoops: false });
      graph.mergeEdge('a', 'b', { w: 1 });
      graph.mergeEdge('b', 'c');
      const json = toJson(graph);
      assert.equal(json, exportJson(graph), type);
      assert.ok(!json.includes('"undirected":true'), type);
    }
    const mixed = new Graph({ type: 'mixed' });
    mixed.mergeUndirectedEdge('a', 'b');
    assert.ok(toJson(mixed).includes('"undirected":true'));
    assert.equal(toJson(mixed), exportJson(mixed));
  });

  it('hands out the same document in chunks, each asked for in turn', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ key: `n${i}`, label: `Node ${i} “quoted”`, x: i / 7, y: -i / 3 }));
    const graph = makeGraph({ nodes, edges: nodes.slice(1).map((n, i) => ({ source: `n${i}`, target: n.key })) });
    const chunks = [...toJsonChunks(graph)];
    assert.ok(chunks.length > 1, 'a big graph gives more than one chunk');
    assert.ok(chunks.every((chunk) => chunk !== ''));
    assert.equal(chunks.join(''), exportJson(graph));
  });

  it('a graph JSON cannot hold, failing after many chunks: its error as it is, the old file kept, no temp file', async () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ key: `n${i}`, label: `Node ${i}` }));
    const graph = makeGraph({ nodes, edges: nodes.slice(1).map((n, i) => ({ source: `n${i}`, target: n.key })) });
    // JSON.stringify throws on a BigInt: the last edge fails, after the nodes' chunks.
    graph.addDirectedEdgeWithKey('last', 'n0', 'n2', { ...graph.getEdgeAttributes(graph.edges()[0] as string), count: 1n as unknown as number });
    assert.ok([...toJsonChunks(makeGraph({ nodes }))].length > 1, 'the nodes alone give several chunks');
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'newsgraph-json-'));
    try {
      const out = path.join(dir, 'graph.json');
      fs.writeFileSync(out, 'old');
      assert.throws(() => toJson(graph), TypeError);
      await assert.rejects(exportGraph(graph, 'json', out), TypeError);
      assert.equal(fs.readFileSync(out, 'utf8'), 'old');
      assert.deepEqual(fs.readdirSync(dir), ['graph.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('property: random graphs and attribute values give the JSON of graph.export()', () => {
    const key = fc.string({ unit: 'binary', maxLength: 6 });
    const leaf = fc.oneof(
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 12 }),
      fc.double(),
      fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(null, undefined, -0, NaN, Infinity),
    );
    const value = fc.oneof(leaf, fc.array(leaf, { maxLength: 3 }), fc.dictionary(key, leaf, { maxKeys: 3 }));
    const attributes = fc.dictionary(key, value, { maxKeys: 6 });
    const type = fc.constantFrom<GraphType>('mixed', 'directed', 'undirected');
    fc.assert(
      fc.property(type, fc.array(fc.tuple(key, attributes), { maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat(), attributes, fc.boolean()), { maxLength: 6 }), attributes, (graphType, nodes, edges, graphAttributes) => {
        const graph = new Graph({ type: graphType, multi: true });
        graph.replaceAttributes(graphAttributes);
        for (const [node, a] of nodes) graph.mergeNode(node, a);
        const keys = graph.nodes();
        if (keys.length > 0) {
          for (const [s, t, a, undirected] of edges) {
            const source = keys[s % keys.length] as string;
            const target = keys[t % keys.length] as string;
            if (graphType === 'mixed' && undirected) graph.addUndirectedEdge(source, target, a);
            else graph.addEdge(source, target, a);
          }
        }
        assert.equal(toJson(graph), exportJson(graph));
      }),
      { numRuns: 300 },
    );
  });
});
