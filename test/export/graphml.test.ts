// GraphML: declared types, well-formed XML, and read back by networkx and igraph with every attribute.
import { strict as assert } from 'node:assert';
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { GRAPHML_JSON_DESC, toGraphml } from '../../src/export';
import { makeGraph } from '../helpers/graph-fixture';
import { NETWORKX, XMLLINT, requireTool, xmllintErrors } from '../helpers/external-tools';
import { THROUGH_XML, assertRecord, type Expectation } from './compare';
import { ROUND_TRIP_GRAPHS, fixtureGraph, type AnyGraph } from './graphs';
import { IGRAPH, runPythonJson, scratch } from './python-tools';
import { xmlSafe } from './xml-safe';

/** What a reader gave back, normalised by the Python programs below. */
interface ReadGraph {
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: { id: string; data: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; data: Record<string, unknown> }[];
}

const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1], edge_key_type=str, force_multigraph=True)
print(json.dumps({
  "directed": g.is_directed(),
  "graph": {k: v for k, v in g.graph.items() if k not in ("node_default", "edge_default")},
  "nodes": [{"id": n, "data": d} for n, d in g.nodes(data=True)],
  "edges": [{"id": k, "source": u, "target": v, "data": d} for u, v, k, d in g.edges(keys=True, data=True)],
}))
`;

// igraph keeps node and edge ids in an "id" attribute and has no missing values: NaN becomes null here.
const READ_WITH_IGRAPH = `
import json, math, sys
import igraph as ig
g = ig.Graph.Read_GraphML(sys.argv[1])
def clean(d):
  return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in d.items()}
def without_id(d):
  return {k: v for k, v in clean(d).items() if k != "id"}
print(json.dumps({
  "directed": g.is_directed(),
  "graph": clean({a: g[a] for a in g.attributes()}),
  "nodes": [{"id": v["id"], "data": without_id(v.attributes())} for v in g.vs],
  "edges": [{"id": e["id"], "source": g.vs[e.source]["id"], "target": g.vs[e.target]["id"], "data": without_id(e.attributes())} for e in g.es],
}))
`;

const NETWORKX_QUIRKS: Expectation = { ...THROUGH_XML, emptyIsMissing: true };
const IGRAPH_QUIRKS: Expectation = { ...THROUGH_XML, missingAs: ['', null, false] };

/**
 * How a node or edge id comes back. igraph 0.10 returns '&' in an id (an XML attribute) as the text
 * "&#38;" (libxml2 re-escapes it); in <data> text it is right.
 */
type IdReading = (key: string) => string;
const NETWORKX_IDS: IdReading = xmlSafe;
const IGRAPH_IDS: IdReading = (key) => xmlSafe(key).replaceAll('&', '&#38;');

function assertSameGraph(back: ReadGraph, graph: AnyGraph, e: Expectation, id: IdReading): void {
  assert.equal(back.directed, true);
  assert.equal(back.nodes.length, graph.order);
  assert.equal(back.edges.length, graph.size);
  assertRecord(back.graph, graph.getAttributes(), e, 'graph');
  const nodes = new Map(back.nodes.map((n) => [n.id, n.data]));
  graph.forEachNode((node, attributes) => {
    const data = nodes.get(id(node));
    assert.ok(data, `node ${node} read back`);
    assertRecord(data, attributes, e, `node ${node}`);
  });
  const edges = new Map(back.edges.map((edge) => [edge.id, edge]));
  graph.forEachEdge((edge, attributes, source, target) => {
    const read = edges.get(id(edge));
    assert.ok(read, `edge ${edge} read back`);
    assert.equal(read.source, id(source));
    assert.equal(read.target, id(target));
    assertRecord(read.data, attributes, e, `edge ${edge}`);
  });
}

describe('toGraphml', () => {
  let files: ReturnType<typeof scratch>;
  before(() => {
    files = scratch('newsgraph-graphml-');
  });
  after(() => files.cleanup());

  it('is byte-identical for identical graphs', () => {
    assert.equal(toGraphml(fixtureGraph()), toGraphml(fixtureGraph()));
  });

  it('declares every attribute with its attr.type, and marks JSON-encoded ones in <desc>', () => {
    const xml = toGraphml(fixtureGraph());
    const keys = [...xml.matchAll(/<key id="([gne]\d+)" for="(\w+)" attr\.name="(\w+)" attr\.type="(\w+)"(\/>|>\s*<desc>([^<]*)<\/desc>)/g)].map(
      (m) => `${m[2]}.${m[3]}:${m[4]}${m[6] ? ` (${m[6]})` : ''}`,
    );
    const json = ` (${GRAPHML_JSON_DESC})`;
    assert.deepEqual(keys, [
      'graph.generator:string', 'graph.version:string', 'graph.documentCount:int', `graph.sources:string${json}`,
      'node.label:string', 'node.entityType:string', `node.aliases:string${json}`, `node.roles:string${json}`,
      'node.mentions:int', 'node.documents:int', 'node.community:int',
      'node.x:double', 'node.y:double', 'node.size:double', 'node.color:string',
      'edge.relation:string', 'edge.label:string', 'edge.negated:boolean', 'edge.hypothetical:boolean',
      'edge.count:int', 'edge.weight:int', 'edge.cameo:string', 'edge.goldstein:double',
      'edge.firstSeen:string', 'edge.lastSeen:string', `edge.evidence:string${json}`, 'edge.color:string', 'edge.size:double',
    ]);
    // Every <data> refers to a declared key.
    const declared = new Set([...xml.matchAll(/<key id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/<data key="([^"]+)"/g)) assert.ok(declared.has(m[1]), m[1]);
  });

  it('widens types to what the values need, and writes undirected edges of a mixed graph as directed="false"', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }] }) as unknown as AnyGraph;
    graph.setNodeAttribute('a', 'score', 0.5);
    graph.setNodeAttribute('b', 'score', 2);
    graph.setNodeAttribute('b', 'big', 2 ** 40);
    graph.setNodeAttribute('a', 'tags', { x: [1] });
    const xml = toGraphml(graph);
    assert.match(xml, /attr\.name="score" attr\.type="double"/);
    assert.match(xml, /attr\.name="big" attr\.type="long"/);
    assert.match(xml, /attr\.name="tags" attr\.type="string">\s*<desc>/);
    const mixed = new MultiGraph<Attributes, Attributes, Attributes>({ type: 'mixed' });
    mixed.addNode('a');
    mixed.addNode('b');
    mixed.addDirectedEdgeWithKey('d', 'a', 'b');
    mixed.addUndirectedEdgeWithKey('u', 'a', 'b');
    const out = toGraphml(mixed);
    assert.match(out, /<graph id="G" edgedefault="directed">/);
    assert.match(out, /<edge id="d" source="a" target="b"\/>/);
    assert.match(out, /<edge id="u" source="a" target="b" directed="false"\/>/);
  });

  describe('well-formed (xmllint)', () => {
    const cases: (readonly [string, () => AnyGraph])[] = [...ROUND_TRIP_GRAPHS, ['the empty graph', () => makeGraph({ nodes: [] }) as unknown as AnyGraph]];
    for (const [name, build] of cases) {
      it(name, function () {
        requireTool(this, XMLLINT);
        assert.equal(xmllintErrors([files.write(`${name.replace(/\W+/g, '-')}.graphml`, toGraphml(build()))]), '');
      });
    }
  });

  for (const [name, build] of ROUND_TRIP_GRAPHS) {
    it(`networkx read_graphml reads ${name} with every node, edge and attribute`, function () {
      requireTool(this, NETWORKX);
      const graph = build();
      const back = runPythonJson(READ_WITH_NETWORKX, [files.write('nx.graphml', toGraphml(graph))]) as ReadGraph;
      assertSameGraph(back, graph, NETWORKX_QUIRKS, NETWORKX_IDS);
    });

    it(`igraph Read_GraphML reads ${name} with every node, edge and attribute`, function () {
      requireTool(this, IGRAPH);
      const graph = build();
      const back = runPythonJson(READ_WITH_IGRAPH, [files.write('ig.graphml', toGraphml(graph))]) as ReadGraph;
      assertSameGraph(back, graph, IGRAPH_QUIRKS, IGRAPH_IDS);
    });
  }

  it('networkx and igraph read the empty graph', function () {
    requireTool(this, NETWORKX);
    requireTool(this, IGRAPH);
    const file = files.write('empty.graphml', toGraphml(makeGraph({ nodes: [] }) as unknown as AnyGraph));
    for (const program of [READ_WITH_NETWORKX, READ_WITH_IGRAPH]) {
      const back = runPythonJson(program, [file]) as ReadGraph;
      assert.deepEqual([back.nodes.length, back.edges.length, back.graph.generator], [0, 0, 'newsgraph']);
    }
  });
});
