// GEXF round trip over the fixture and the hostile graph: networkx (Debian's 2.8) and graphology-gexf
// each give back the nodes, edges and attribute values of graph.json, and the timeline's spans.
import { strict as assert } from 'node:assert';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { toGexf } from '../../src/export';
import { NETWORKX, XMLLINT, requireTool, runPythonJson, xmllintErrors } from '../helpers/external-tools';
import { THROUGH_XML, assertRecord, type Expectation } from './compare';
import { ROUND_TRIP_GRAPHS, type AnyGraph } from './graphs';
import { scratch } from './python-tools';
import { xmlSafe } from './xml-safe';

interface NxGexf {
  mode: string;
  nodes: { id: string; data: Record<string, unknown> }[];
  edges: { source: string; target: string; data: Record<string, unknown> }[];
}

const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({
  "mode": g.graph.get("mode"),
  "nodes": [{"id": n, "data": d} for n, d in g.nodes(data=True)],
  "edges": [{"source": u, "target": v, "data": d} for u, v, d in g.edges(data=True)],
}))
`;

const hex = (c: { r: number; g: number; b: number }): string => `#${[c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

/** Spans computed here from graph.json, apart from src/export/timeline.ts: the dates of an edge's fields and evidence. */
function expectedSpans(graph: AnyGraph): { nodes: Map<string, [string, string]>; edges: Map<string, [string, string]> } {
  const nodes = new Map<string, [string, string]>();
  const edges = new Map<string, [string, string]>();
  const widen = (span: [string, string] | undefined, d: string): [string, string] =>
    span ? [d < span[0] ? d : span[0], d > span[1] ? d : span[1]] : [d, d];
  graph.forEachEdge((edge, a, source, target) => {
    const dates = [a.firstSeen, a.lastSeen, ...((a.evidence ?? []) as { date?: unknown }[]).map((e) => e.date)]
      .filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d))
      .map((d) => d.slice(0, 10));
    for (const d of dates) {
      edges.set(edge, widen(edges.get(edge), d));
      nodes.set(source, widen(nodes.get(source), d));
      nodes.set(target, widen(nodes.get(target), d));
    }
  });
  return { nodes, edges };
}

describe('GEXF round trip (fixture and hostile text)', () => {
  let files: ReturnType<typeof scratch>;
  before(() => {
    files = scratch('newsgraph-gexf-rt-');
  });
  after(() => files.cleanup());

  for (const [name, build] of ROUND_TRIP_GRAPHS) {
    describe(name, () => {
      it('is well-formed (xmllint --noout), in GEXF 1.2 and 1.3', function () {
        requireTool(this, XMLLINT);
        const graph = build();
        const written = [files.write('a.gexf', toGexf(graph)), files.write('b.gexf', toGexf(graph, { version: '1.3', pretty: false }))];
        assert.equal(xmllintErrors(written), '');
      });

      for (const version of ['1.2', '1.3'] as const) {
        it(`graphology-gexf reads GEXF ${version} with every node, edge and attribute`, () => {
          const graph = build();
          const back = parse(MultiDirectedGraph, toGexf(graph, { version }), { respectInputGraphType: true }) as MultiDirectedGraph;
          assert.equal(back.order, graph.order);
          assert.equal(back.size, graph.size);
          // graphology-gexf leaves out an empty label="".
          const e: Expectation = { ...THROUGH_XML, emptyIsMissing: true };
          graph.forEachNode((node, a) => assertRecord(back.getNodeAttributes(xmlSafe(node)), a, e, `node ${node}`));
          graph.forEachEdge((edge, a, source, target) => {
            const key = xmlSafe(edge);
            assert.equal(back.source(key), xmlSafe(source));
            assert.equal(back.target(key), xmlSafe(target));
            const { thickness, kind, ...rest } = back.getEdgeAttributes(key) as Attributes;
            assert.equal(kind, a.relation, 'kind = relation');
            assertRecord({ ...rest, size: thickness }, a, e, `edge ${edge}`);
          });
        });
      }

      it('networkx read_gexf reads every node, edge and attribute, and the timeline', function () {
        requireTool(this, NETWORKX);
        const graph = build();
        const nx = runPythonJson(READ_WITH_NETWORKX, [files.write('nx.gexf', toGexf(graph))]) as NxGexf;
        const spans = expectedSpans(graph);
        assert.equal(nx.mode, spans.edges.size > 0 ? 'dynamic' : 'static');
        assert.equal(nx.nodes.length, graph.order);
        assert.equal(nx.edges.length, graph.size);

        const nodes = new Map(nx.nodes.map((n) => [n.id, n.data]));
        graph.forEachNode((node, a) => {
          const data = nodes.get(xmlSafe(node));
          assert.ok(data, `node ${node}`);
          const { viz, start, end, ...rest } = data as { viz: { color: { r: number; g: number; b: number; a: number }; size: number; position: { x: number; y: number } } } & Record<string, unknown>;
          assert.deepEqual([start, end], spans.nodes.get(node) ?? [undefined, undefined], `span of node ${node}`);
          const flat = { ...rest, color: hex(viz.color), size: viz.size, x: viz.position.x, y: viz.position.y };
          assertRecord(flat, a, THROUGH_XML, `node ${node}`);
        });

        const edges = new Map(nx.edges.map((e) => [e.data.id as string, e]));
        graph.forEachEdge((edge, a, source, target) => {
          const read = edges.get(xmlSafe(edge));
          assert.ok(read, `edge ${edge}`);
          assert.equal(read.source, xmlSafe(source));
          assert.equal(read.target, xmlSafe(target));
          const { id: _id, start, end, ...rest } = read.data;
          assert.deepEqual([start, end], spans.edges.get(edge) ?? [undefined, undefined], `span of edge ${edge}`);
          // networkx 2.8 reads no viz on edges: colour and thickness stay with Gephi and graphology-gexf.
          assertRecord(rest, a, { ...THROUGH_XML, ignore: new Set(['color', 'size']) }, `edge ${edge}`);
        });
      });
    });
  }
});
