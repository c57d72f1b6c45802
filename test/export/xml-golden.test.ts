// The XML writers (GEXF, GraphML) against golden files, and their two ways out: the whole string
// (toGexf, toGraphml) and the chunks that exportGraph streams into the temp file. The fixture,
// golden/awkward-graph.json, holds markup, both quotes, ]]>, C0 controls, CR/LF/tab, lone surrogates,
// U+FFFE/U+FFFF, non-BMP text, keys that sanitise to the same id, a mixed graph and items with nothing
// to write. The golden files were written by the writer that built each element as a string, before
// the streaming one: the rewrite had to keep every byte. UPDATE_GOLDEN=1 rewrites them (review the diff).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MultiGraph } from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { exportGraph, toGexf, toGexfChunks, toGraphml, toGraphmlChunks, type GexfOptions } from '../../src/export';

type AnyGraph = MultiGraph<Attributes, Attributes, Attributes>;

const GOLDEN = path.join(__dirname, 'golden');

function awkwardGraph(): AnyGraph {
  const graph: AnyGraph = new MultiGraph();
  graph.import(JSON.parse(fs.readFileSync(path.join(GOLDEN, 'awkward-graph.json'), 'utf8')) as SerializedGraph);
  return graph;
}

const FLAT_OPTIONS: Partial<GexfOptions> = {
  version: '1.3',
  pretty: false,
  timeline: 'off',
  creator: 'c <&> "\'\u0001\uD800',
  description: 'line\r\nbreak\ttab',
  lastModified: '2024-01-02',
};

/** Golden file, format, how the string is made. */
const CASES: readonly (readonly [string, 'gexf' | 'graphml', Partial<GexfOptions>])[] = [
  ['awkward.gexf', 'gexf', {}],
  ['awkward.flat.gexf', 'gexf', FLAT_OPTIONS],
  ['awkward.graphml', 'graphml', {}],
];

const serialize = (graph: AnyGraph, format: 'gexf' | 'graphml', options: Partial<GexfOptions>): string =>
  format === 'gexf' ? toGexf(graph, options) : toGraphml(graph);
const chunksOf = (graph: AnyGraph, format: 'gexf' | 'graphml', options: Partial<GexfOptions>): string[] => [
  ...(format === 'gexf' ? toGexfChunks(graph, options) : toGraphmlChunks(graph)),
];

describe('XML writers: golden files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'newsgraph-xml-golden-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [file, format, options] of CASES) {
    it(`${file}: the string is the golden file`, () => {
      const golden = path.join(GOLDEN, file);
      const actual = serialize(awkwardGraph(), format, options);
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
      assert.ok(fs.existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and review it`);
      assert.equal(actual, fs.readFileSync(golden, 'utf8'));
    });

    it(`${file}: exportGraph writes the golden file's bytes`, async () => {
      const out = path.join(dir, file);
      await exportGraph(awkwardGraph(), format, out, { gexf: options });
      assert.ok(fs.readFileSync(out).equals(fs.readFileSync(path.join(GOLDEN, file))));
    });
  }
});

/** Many copies of the awkward graph's items: a document of several chunks and several writes. */
function largeAwkwardGraph(copies: number): AnyGraph {
  const small = awkwardGraph();
  const graph: AnyGraph = new MultiGraph({ type: 'mixed' });
  graph.replaceAttributes(small.getAttributes());
  for (let k = 0; k < copies; k++) {
    small.forEachNode((node, a) => void graph.addNode(`${node}${k}`, a));
    small.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
      if (undirected) graph.addUndirectedEdgeWithKey(`${edge}${k}`, `${source}${k}`, `${target}${k}`, a);
      else graph.addDirectedEdgeWithKey(`${edge}${k}`, `${source}${k}`, `${target}${k}`, a);
    });
  }
  return graph;
}

describe('XML writers: chunks', () => {
  let dir: string;
  let graph: AnyGraph;
  before(() => {
    dir = fs.mkdtempSync(path.join(tmpdir(), 'newsgraph-xml-chunks-'));
    graph = largeAwkwardGraph(1000);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [name, format, options] of CASES) {
    it(`${name} ×1000: the chunks join to the string, and the file holds its UTF-8 bytes`, async () => {
      const whole = serialize(graph, format, options);
      const chunks = chunksOf(graph, format, options);
      assert.ok(chunks.length > 10, `only ${chunks.length} chunks: this checks nothing about chunking`);
      assert.equal(chunks.join(''), whole);
      const bytes = Buffer.from(whole, 'utf8');
      assert.ok(bytes.length > 3 << 20, 'the file needs several staged writes (1 MiB each)');
      const out = path.join(dir, `large.${format}`);
      await exportGraph(graph, format, out, { gexf: options });
      assert.ok(fs.readFileSync(out).equals(bytes));
    });
  }

  it('each chunk is whole UTF-16: no surrogate pair is split between two chunks', () => {
    for (const chunk of chunksOf(graph, 'gexf', {})) {
      assert.doesNotMatch(chunk, /^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it('a graph the writer cannot encode, failing after many chunks: its error as it is, the old file kept, no temp file', async () => {
    const failing = largeAwkwardGraph(1000);
    // JSON.stringify throws on a BigInt inside an object: the last edge fails, after megabytes.
    failing.addDirectedEdgeWithKey('last', 'bare0', 'bare1', { evidence: [{ start: 1n }] });
    const out = path.join(dir, 'kept.gexf');
    fs.writeFileSync(out, 'old');
    assert.throws(() => toGexf(failing), TypeError);
    await assert.rejects(exportGraph(failing, 'gexf', out), TypeError);
    await assert.rejects(exportGraph(failing, 'graphml', out), TypeError);
    assert.equal(fs.readFileSync(out, 'utf8'), 'old');
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });
});
