// Evidence.antecedents (where "he" or "the bloc" is named) in every export: JSON, GEXF and GraphML
// keep it inside the evidence JSON as it is; CSV and Neo4j, whose evidence is a table, write it as
// six columns after the others (sourceAntecedent, …Start, …End, then the target's).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Attributes } from 'graphology-types';
import { NEO4J_FILES, toCsvFiles, toGexf, toGraphml, toJson, toNeo4jFiles } from '../../src/export';
import { flatEvidence } from '../../src/export/columns';
import { writeNeo4jFiles, type Neo4jEdge, type Neo4jNode } from '../../src/export/neo4j';
import { makeGraph } from '../helpers/graph-fixture';
import { csvObjects, parseCsv } from './csv-parse';
import { HOSTILE, fileNamed, type AnyGraph } from './graphs';

const PUTIN = { start: 0, end: 14, text: 'Vladimir Putin' };
const BLOC = { start: 40, end: 54, text: `European Union ${HOSTILE}` };

/** Two edges: one whose source is "he", one whose both ends are descriptions (one of them hostile text). */
function graphWithAntecedents(): AnyGraph {
  return makeGraph({
    nodes: [{ key: 'putin', label: 'Vladimir Putin' }, { key: 'eu', label: 'European Union', entityType: 'organization' }, { key: 'macron' }],
    edges: [
      {
        source: 'putin',
        target: 'macron',
        relation: 'met',
        evidence: [
          { sentence: 'He met Macron.', start: 60, end: 74, antecedents: { source: PUTIN } },
          { sentence: 'Putin met Macron.', start: 80, end: 97 },
        ],
      },
      { source: 'eu', target: 'putin', relation: 'sanctioned', evidence: [{ sentence: 'The bloc punished him.', start: 100, end: 122, antecedents: { source: BLOC, target: PUTIN } }] },
    ],
    attributes: { documentCount: 2, sources: [{ id: 'doc1' }, { id: 'doc2' }] },
  }) as unknown as AnyGraph;
}

const ANTECEDENT_COLUMNS = ['sourceAntecedent', 'sourceAntecedentStart', 'sourceAntecedentEnd', 'targetAntecedent', 'targetAntecedentStart', 'targetAntecedentEnd'];

/**
 * The antecedents of eu|sanctioned|putin read back from XML, which cannot hold some of HOSTILE's
 * characters (NUL, U+FFFE, lone surrogates: replaced), so its markup is checked, not every character.
 */
function assertHostile(read: readonly unknown[]): void {
  assert.equal(read.length, 1);
  const a = read[0] as { source: typeof BLOC; target: typeof PUTIN };
  assert.deepEqual(a.target, PUTIN);
  assert.deepEqual([a.source.start, a.source.end], [BLOC.start, BLOC.end]);
  assert.ok(a.source.text.startsWith('European Union <script>alert("x")</script> ]]> <![CDATA[ & \'single\' "double"'), a.source.text);
}

const evidenceOfEdge = (graph: AnyGraph, edge: string): unknown => (graph.getEdgeAttribute(edge, 'evidence') as unknown[]).map((e) => (e as Attributes)['antecedents'] ?? null);

describe('export: evidence antecedents', () => {
  const graph = graphWithAntecedents();
  const expected = [
    ['putin|met|macron', [{ source: PUTIN }, null]],
    ['eu|sanctioned|putin', [{ source: BLOC, target: PUTIN }]],
  ] as const;

  it('flatEvidence turns antecedents into the six columns, and leaves any other shape as it is', () => {
    assert.deepEqual(flatEvidence({ doc: 'd', antecedents: { source: PUTIN } }), { doc: 'd', sourceAntecedent: 'Vladimir Putin', sourceAntecedentStart: 0, sourceAntecedentEnd: 14 });
    assert.deepEqual(flatEvidence({ doc: 'd', antecedents: { target: PUTIN } }), { doc: 'd', targetAntecedent: 'Vladimir Putin', targetAntecedentStart: 0, targetAntecedentEnd: 14 });
    const odd = [{ doc: 'd', antecedents: 'he' }, { doc: 'd', antecedents: { source: { start: 'x' } } }, { doc: 'd', antecedents: { other: PUTIN } }, { doc: 'd' }];
    for (const item of odd) assert.equal(flatEvidence(item), item);
  });

  it('JSON keeps them as they are', () => {
    const back = new MultiDirectedGraph();
    back.import(JSON.parse(toJson(graph)) as never);
    for (const [edge, antecedents] of expected) assert.deepEqual(evidenceOfEdge(back as AnyGraph, edge), antecedents);
  });

  it('GEXF keeps them inside the evidence JSON', () => {
    const back = parseGexf(MultiDirectedGraph, toGexf(graph)) as AnyGraph;
    const read = (edge: string): unknown[] => {
      const evidence = back.getEdgeAttribute(edge, 'evidence') as unknown;
      return ((typeof evidence === 'string' ? JSON.parse(evidence) : evidence) as Attributes[]).map((e) => e['antecedents'] ?? null);
    };
    assert.deepEqual(read('putin|met|macron'), [{ source: PUTIN }, null]);
    assertHostile(read('eu|sanctioned|putin'));
  });

  it('GraphML keeps them inside the evidence JSON', () => {
    const xml = toGraphml(graph);
    const key = /<key id="([^"]+)" for="edge" attr\.name="evidence"/.exec(xml)?.[1];
    assert.ok(key, 'an evidence key');
    const decode = (s: string): string =>
      s.replace(/&(lt|gt|quot|apos|amp|#x([0-9a-fA-F]+)|#(\d+));/g, (_m, name: string, hex?: string, dec?: string) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? '');
    const values = [...xml.matchAll(new RegExp(`<data key="${key}">([^<]*)</data>`, 'g'))].map((m) => JSON.parse(decode(m[1] ?? '')) as Attributes[]);
    const [met, sanctioned] = values.map((items) => items.map((e) => e['antecedents'] ?? null));
    assert.deepEqual(met, [{ source: PUTIN }, null]);
    assertHostile(sanctioned ?? []);
  });

  it('CSV: six columns after reportedBy, empty where an end is named in the sentence', () => {
    const evidence = fileNamed(toCsvFiles(graph), 'evidence.csv');
    const header = parseCsv(evidence).header;
    assert.deepEqual(header.slice(header.indexOf('reportedBy') + 1), ANTECEDENT_COLUMNS);
    const rows = csvObjects(evidence);
    const pick = (r: Record<string, string | null>): (string | null)[] => ANTECEDENT_COLUMNS.map((c) => r[c] ?? null);
    assert.deepEqual(rows.map((r) => [r['edge'], pick(r)]), [
      ['putin|met|macron', ['Vladimir Putin', '0', '14', null, null, null]],
      ['putin|met|macron', [null, null, null, null, null, null]],
      ['eu|sanctioned|putin', [`European Union ${HOSTILE}`.replace(/\u0000|\uD800/g, '\uFFFD'), '40', '54', 'Vladimir Putin', '0', '14']],
    ]);
  });

  it('Neo4j: typed columns after reportedBy, set by load.cypher; the streamed writer gives the same files', async () => {
    const files = toNeo4jFiles(graph);
    const header = parseCsv(fileNamed(files, NEO4J_FILES.evidence)).header;
    assert.deepEqual(header.slice(header.indexOf('reportedBy') + 1), [
      'sourceAntecedent', 'sourceAntecedentStart:int', 'sourceAntecedentEnd:int', 'targetAntecedent', 'targetAntecedentStart:int', 'targetAntecedentEnd:int',
    ]);
    const cypher = fileNamed(files, NEO4J_FILES.cypher);
    for (const column of ANTECEDENT_COLUMNS) assert.ok(cypher.includes(`\`${column}\``), column);
    // What `newsgraph export DIR -f neo4j` does: the graph without evidence, the evidence items nested as graph.json holds them.
    const nodes: Neo4jNode[] = [];
    graph.forEachNode((key, attributes) => void nodes.push({ key, attributes }));
    const edges: Neo4jEdge[] = [];
    const items = new Map<string, Attributes[]>();
    graph.forEachEdge((key, { evidence, ...attributes }, source, target) => {
      edges.push({ key, source, target, attributes });
      items.set(key, evidence as Attributes[]);
    });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-antecedents-'));
    try {
      const sources = graph.getAttribute('sources') as Attributes[];
      await writeNeo4jFiles({ nodes, edges, evidence: () => edges.map((e) => [e, items.get(e.key) ?? []] as const), documents: () => sources }, out);
      for (const f of files) assert.equal(fs.readFileSync(path.join(out, f.name), 'utf8'), f.content, f.name);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
