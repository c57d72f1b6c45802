import { strict as assert } from 'node:assert';
import { MultiDirectedGraph } from 'graphology';
import { toJson } from '../../src/export';
import { makeGraph, sampleGraph } from '../helpers/graph-fixture';

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
});
