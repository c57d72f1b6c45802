import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { UsageError } from '../../src/errors';
import { toGexf, type GexfOptions } from '../../src/export';
import { layoutGraph } from '../../src/layout';
import { makeGraph, sampleGraph, type NewsGraph } from '../helpers/graph-fixture';
import { xmlSafe } from './xml-safe';
import { NETWORKX, XMLLINT, requireTool, runPythonJson, xmllintErrors } from '../helpers/external-tools';

let dir: string;
before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-gexf-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function writeTemp(content: string): string {
  const file = path.join(dir, `g${++fileCount}.gexf`);
  writeFileSync(file, content, 'utf8');
  return file;
}

function parseBack(xml: string): MultiDirectedGraph {
  return parse(MultiDirectedGraph, xml, { respectInputGraphType: true }) as MultiDirectedGraph;
}

interface NxGraph {
  version: string;
  directed: boolean;
  mode: string;
  nodes: { id: string; data: Attributes }[];
  edges: { source: string; target: string; data: Attributes }[];
}

const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({
  "version": nx.__version__,
  "directed": g.is_directed(),
  "mode": g.graph.get("mode"),
  "nodes": [{"id": n, "data": d} for n, d in g.nodes(data=True)],
  "edges": [{"source": u, "target": v, "data": d} for u, v, d in g.edges(data=True)],
}))
`;

function readWithNetworkx(xml: string): NxGraph {
  return runPythonJson(READ_WITH_NETWORKX, [writeTemp(xml)]) as NxGraph;
}

const HOSTILE = 'A <b>&amp; "quoted" \'single\' ]]> <![CDATA[x]]> \u0000\u0001\u0008\u000b\u001f tab\tnl\ncr\r \uD800 lone \uDFFF \uFFFE\uFFFF end 😀';

function hostileGraph(): NewsGraph {
  return makeGraph({
    nodes: [
      { key: 'a<&>"b', label: HOSTILE, aliases: [HOSTILE, ']]>'], roles: ['<role>'] },
      { key: 'plain', label: 'Plain ]]> label' },
    ],
    edges: [{ source: 'a<&>"b', target: 'plain', relation: 'accused', evidence: [{ sentence: HOSTILE, trigger: '<accused>' }] }],
  });
}

describe('toGexf', () => {
  it('is byte-identical for identical graphs', () => {
    assert.equal(toGexf(sampleGraph()), toGexf(sampleGraph()));
  });

  it('declares contract attribute types, including double for whole Goldstein scores', () => {
    const xml = toGexf(sampleGraph());
    const types = Object.fromEntries([...xml.matchAll(/<attribute id="([^"]+)" title="[^"]+" type="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]));
    assert.deepEqual(types, {
      entityType: 'string', aliases: 'string', roles: 'string', mentions: 'integer', documents: 'integer',
      wikidata: 'string', community: 'integer',
      relation: 'string', negated: 'boolean', hypothetical: 'boolean', count: 'integer', cameo: 'string',
      goldstein: 'double', firstSeen: 'string', lastSeen: 'string', evidence: 'string',
    });
  });

  it('writes explicit edge ids, kind = relation, label and weight = count, and r g b colours', () => {
    const xml = toGexf(sampleGraph());
    assert.match(xml, /<edge id="trump\|urged\|putin" source="trump" target="putin" kind="urged" label="urged" weight="2"/);
    assert.match(xml, /<viz:color r="78" g="121" b="167" hex="#4e79a7"\/>/);
    assert.doesNotMatch(xml, /<meta>[^]*<(generator|version|documentCount|sources)>[^]*<\/meta>/);
  });

  it('rejects unknown and invalid options with UsageError', () => {
    assert.throws(() => toGexf(sampleGraph(), { version: '2.0' } as unknown as Partial<GexfOptions>), UsageError);
    assert.throws(() => toGexf(sampleGraph(), { colour: true } as unknown as Partial<GexfOptions>), UsageError);
  });

  describe('timeline', () => {
    it('is dynamic with start/end on nodes and edges when edges have dates', () => {
      const xml = toGexf(sampleGraph());
      assert.match(xml, /<graph defaultedgetype="directed" mode="dynamic" timeformat="date">/);
      assert.match(xml, /<node id="trump" label="Donald Trump" start="2024-03-01" end="2024-03-05">/);
      assert.match(xml, /<edge id="trump\|urged\|putin" [^>]*start="2024-03-01" end="2024-03-05">/);
    });

    it('derives edge spans from evidence dates when firstSeen/lastSeen are absent', () => {
      const graph = makeGraph({
        nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }],
        edges: [
          { source: 'a', target: 'b', evidence: [{ date: '2023-05-02' }, { date: '2023-01-09T10:00:00Z' }, { date: 'yesterday' }] },
          { source: 'b', target: 'c', relation: 'urged', evidence: [{ date: '2024-02-29' }] },
        ],
      });
      for (const edge of graph.edges()) {
        graph.removeEdgeAttribute(edge, 'firstSeen');
        graph.removeEdgeAttribute(edge, 'lastSeen');
      }
      const xml = toGexf(graph);
      assert.match(xml, /<edge id="a\|met\|b" [^>]*start="2023-01-09" end="2023-05-02">/);
      assert.match(xml, /<node id="b" label="B" start="2023-01-09" end="2024-02-29">/);
      assert.match(xml, /<node id="c" label="C" start="2024-02-29" end="2024-02-29">/);
    });

    it('is static with no start/end when nothing is dated, or when the timeline is off', () => {
      const undated = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] });
      for (const xml of [toGexf(undated), toGexf(sampleGraph(), { timeline: 'off' })]) {
        assert.doesNotMatch(xml, /dynamic|timeformat|start=|end=/);
        assert.match(xml, /mode="static"/);
      }
    });
  });

  describe('well-formedness (xmllint)', () => {
    const cases: [string, () => string][] = [
      ['sample graph', () => toGexf(sampleGraph())],
      ['sample graph, GEXF 1.3, not pretty', () => toGexf(sampleGraph(), { version: '1.3', pretty: false })],
      ['markup, control characters, ]]> and lone surrogates', () => toGexf(hostileGraph())],
      ['empty graph', () => toGexf(makeGraph({ nodes: [] }))],
      ['single node without layout', () => toGexf(makeGraph({ nodes: [{ key: 'solo' }] }, { laidOut: false }))],
      ['hostile creator and description', () => toGexf(sampleGraph(), { creator: HOSTILE, description: '</description>' })],
    ];
    for (const [name, build] of cases) {
      it(name, function () {
        requireTool(this, XMLLINT);
        assert.equal(xmllintErrors([writeTemp(build())]), '');
      });
    }
  });

  describe('read back by graphology-gexf', () => {
    for (const version of ['1.2', '1.3'] as const) {
      it(`GEXF ${version}: same nodes, edges and attributes`, () => {
        const graph = sampleGraph();
        const back = parseBack(toGexf(graph, { version }));
        assert.equal(back.order, graph.order);
        assert.equal(back.size, graph.size);
        assert.deepEqual(back.nodes(), graph.nodes());
        assert.deepEqual(back.edges(), graph.edges());
        assert.deepEqual(back.getAttributes(), { creator: 'newsgraph 0.1.0', description: 'Knowledge graph of 2 news documents' });
        graph.forEachNode((node, a) => {
          const b = back.getNodeAttributes(node);
          const decoded = { ...b, aliases: JSON.parse(b.aliases as string), roles: JSON.parse(b.roles as string) };
          assert.deepEqual(decoded, a, node);
        });
        graph.forEachEdge((edge, a, source, target) => {
          assert.equal(back.source(edge), source);
          assert.equal(back.target(edge), target);
          const { evidence, thickness, kind, ...rest } = back.getEdgeAttributes(edge);
          assert.equal(kind, a.relation);
          const { evidence: expectedEvidence, size, ...expectedRest } = a;
          assert.equal(thickness, size);
          assert.deepEqual(JSON.parse(evidence as string), expectedEvidence);
          assert.deepEqual(rest, expectedRest, edge);
        });
      });
    }

    it('keeps markup, newlines and tabs; replaces only what XML cannot carry', () => {
      const graph = hostileGraph();
      const back = parseBack(toGexf(graph));
      const expected = xmlSafe(HOSTILE);
      assert.equal(back.getNodeAttribute('a<&>"b', 'label'), expected);
      assert.deepEqual(JSON.parse(back.getNodeAttribute('a<&>"b', 'aliases') as string), [
        HOSTILE.replace(/[\uFFFE\uFFFF]/g, '\uFFFD'),
        ']]>',
      ]);
      const [edge] = back.edges();
      const evidence = JSON.parse(back.getEdgeAttribute(edge, 'evidence') as string) as { sentence: string }[];
      // JSON escapes control characters and lone surrogates, so evidence keeps them exactly.
      assert.equal(evidence[0]?.sentence, HOSTILE.replace(/[\uFFFE\uFFFF]/g, '\uFFFD'));
    });

    it('keeps ids unique when sanitising makes two keys equal', () => {
      const graph = makeGraph({ nodes: [{ key: 'a\u0001' }, { key: 'a\u0002' }], edges: [{ source: 'a\u0001', target: 'a\u0002' }] });
      const back = parseBack(toGexf(graph));
      assert.deepEqual(back.nodes(), ['a\uFFFD', 'a\uFFFD~2']);
      assert.equal(back.source(back.edges()[0]), 'a\uFFFD');
      assert.equal(back.target(back.edges()[0]), 'a\uFFFD~2');
    });

    it('writes extra, non-contract attributes with inferred types', () => {
      const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }] });
      graph.setNodeAttribute('a', 'pagerank' as never, 0.25 as never);
      graph.setNodeAttribute('b', 'pagerank' as never, 1 as never);
      graph.setNodeAttribute('a', 'tags' as never, { x: [1, 2] } as never);
      graph.setNodeAttribute('b', 'big' as never, 2 ** 40 as never);
      const xml = toGexf(graph);
      assert.match(xml, /<attribute id="pagerank" title="pagerank" type="double"\/>/);
      assert.match(xml, /<attribute id="tags" title="tags" type="string"\/>/);
      assert.match(xml, /<attribute id="big" title="big" type="long"\/>/);
      const back = parseBack(xml);
      assert.equal(back.getNodeAttribute('a', 'pagerank'), 0.25);
      assert.deepEqual(JSON.parse(back.getNodeAttribute('a', 'tags') as string), { x: [1, 2] });
      assert.equal(back.getNodeAttribute('b', 'big'), 2 ** 40);
    });
  });

  describe('read by networkx (Debian python3-networkx)', () => {
    it('GEXF 1.2: same node and edge counts and attribute values', function () {
      requireTool(this, NETWORKX);
      const graph = sampleGraph();
      const nx = readWithNetworkx(toGexf(graph));
      assert.equal(nx.directed, true);
      assert.equal(nx.mode, 'dynamic');
      assert.equal(nx.nodes.length, graph.order);
      assert.equal(nx.edges.length, graph.size);
      for (const { id, data } of nx.nodes) {
        const a = graph.getNodeAttributes(id);
        assert.equal(data.label, a.label);
        assert.equal(data.entityType, a.entityType);
        assert.equal(data.mentions, a.mentions);
        assert.equal(data.community, a.community);
        assert.deepEqual(JSON.parse(data.aliases as string), a.aliases);
        assert.deepEqual(data.viz, {
          color: { r: parseInt(a.color.slice(1, 3), 16), g: parseInt(a.color.slice(3, 5), 16), b: parseInt(a.color.slice(5, 7), 16), a: 1 },
          size: a.size,
          position: { x: a.x, y: a.y, z: 0 },
        });
      }
      for (const { source, target, data } of nx.edges) {
        const key = data.id as string;
        assert.equal(graph.source(key), source);
        assert.equal(graph.target(key), target);
        const a = graph.getEdgeAttributes(key);
        assert.equal(data.relation, a.relation);
        assert.equal(data.label, a.label);
        assert.equal(data.count, a.count);
        assert.equal(data.weight, a.count);
        assert.equal(data.negated, a.negated);
        assert.equal(data.hypothetical, a.hypothetical);
        assert.equal(data.goldstein, a.goldstein);
        assert.deepEqual(JSON.parse(data.evidence as string), a.evidence);
      }
      const urged = nx.edges.find((e) => e.data.id === 'trump|urged|putin');
      assert.equal(urged?.data.start, '2024-03-01');
      assert.equal(urged?.data.end, '2024-03-05');
    });

    it('reads hostile strings, the empty graph and a static graph', function () {
      requireTool(this, NETWORKX);
      const hostile = readWithNetworkx(toGexf(hostileGraph()));
      const expected = xmlSafe(HOSTILE);
      assert.equal(hostile.nodes.find((n) => n.id === 'a<&>"b')?.data.label, expected);
      const empty = readWithNetworkx(toGexf(makeGraph({ nodes: [] })));
      assert.deepEqual([empty.nodes.length, empty.edges.length, empty.mode], [0, 0, 'static']);
    });

    it('GEXF 1.3 (when this networkx knows 1.3: networkx ≥ 3.6)', function () {
      requireTool(this, NETWORKX);
      const supported = runPythonJson('import json, networkx.readwrite.gexf as g; print(json.dumps("1.3" in g.GEXF.versions))', []);
      if (supported !== true) {
        console.log('      skipped: this networkx reads no GEXF 1.3 (added in networkx 3.6)');
        this.skip();
      }
      const graph = sampleGraph();
      const nx = readWithNetworkx(toGexf(graph, { version: '1.3' }));
      assert.equal(nx.nodes.length, graph.order);
      assert.equal(nx.edges.length, graph.size);
    });

    it('reads a laid-out graph of 300 nodes with random labels', function () {
      requireTool(this, NETWORKX);
      const labels = Array.from({ length: 300 }, (_, i) => String.fromCharCode(...Array.from({ length: 12 }, (_, j) => (i * 7919 + j * 104729) % 0x10000)));
      const graph = makeGraph({
        nodes: labels.map((label, i) => ({ key: `n${i}`, label })),
        edges: labels.slice(1).map((label, i) => ({ source: `n${i}`, target: `n${i + 1}`, evidence: [{ sentence: label }] })),
      }, { laidOut: false });
      layoutGraph(graph);
      const nx = readWithNetworkx(toGexf(graph));
      assert.equal(nx.nodes.length, 300);
      assert.equal(nx.edges.length, 299);
      for (const { id, data } of nx.nodes) {
        const label = graph.getNodeAttribute(id, 'label');
        assert.equal(data.label, xmlSafe(label));
      }
    });
  });
});
