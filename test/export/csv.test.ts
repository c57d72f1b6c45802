// CSV export: RFC 4180 quoting, exact round trip of nodes, edges, evidence and documents through a
// strict reader written for the tests, and the same cells through pandas.
import { strict as assert } from 'node:assert';
import { csvField, csvRecord, toCsvFiles } from '../../src/export';
import { makeGraph } from '../helpers/graph-fixture';
import { THROUGH_CSV, assertRecord } from './compare';
import { csvObjects, parseCsv } from './csv-parse';
import { ROUND_TRIP_GRAPHS, fileNamed as file, fixtureGraph, hostileGraph, type AnyGraph } from './graphs';
import { PANDAS, runPythonJson, scratch } from './python-tools';
import { requireTool } from '../helpers/external-tools';

/** How the tests decode a cell: the contract's types (src/graph/contract.ts), independent of the writer. */
const NUMBERS = new Set(['mentions', 'documents', 'community', 'x', 'y', 'size', 'count', 'weight', 'goldstein', 'start', 'end', 'pagerank']);
const BOOLEANS = new Set(['negated', 'hypothetical']);
const JSON_COLUMNS = new Set(['aliases', 'roles', 'tags']);

function decode(row: Record<string, string | null>, skip: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, cell] of Object.entries(row)) {
    if (skip.includes(name) || cell === null) continue;
    if (NUMBERS.has(name)) out[name] = Number(cell);
    else if (BOOLEANS.has(name)) out[name] = cell === 'true' ? true : cell === 'false' ? false : cell;
    else if (JSON_COLUMNS.has(name)) out[name] = cell; // compared as JSON text by assertRecord
    else out[name] = cell;
  }
  return out;
}

describe('CSV export', () => {
  describe('RFC 4180 fields', () => {
    const cases: [string | undefined, string][] = [
      [undefined, ''],
      ['', '""'],
      ['plain', 'plain'],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['line\nbreak', '"line\nbreak"'],
      ['cr\rhere', '"cr\rhere"'],
      [' padded ', ' padded '],
      ['tab\there', 'tab\there'],
      ['nul\u0000 \uD800', 'nul\uFFFD \uFFFD'],
      ['😀', '😀'],
    ];
    for (const [value, field] of cases) {
      it(`${JSON.stringify(value)} → ${JSON.stringify(field)}`, () => assert.equal(csvField(value), field));
    }
    it('ends every record with CRLF', () => assert.equal(csvRecord(['a', undefined, '']), 'a,,""\r\n'));
  });

  it('writes nodes.csv, edges.csv, evidence.csv and documents.csv, byte-identical for identical graphs', () => {
    const files = toCsvFiles(fixtureGraph());
    assert.deepEqual(files.map((f) => f.name), ['nodes.csv', 'edges.csv', 'evidence.csv', 'documents.csv']);
    assert.deepEqual(toCsvFiles(fixtureGraph()), files);
  });

  it('has the same header whatever the graph holds (contract columns first, always present)', () => {
    const headers = (g: AnyGraph): string[][] => toCsvFiles(g).map((f) => parseCsv(f.content).header);
    const expected = [
      ['id', 'label', 'entityType', 'aliases', 'roles', 'mentions', 'documents', 'wikidata', 'country', 'region', 'community', 'x', 'y', 'size', 'color'],
      ['id', 'source', 'target', 'relation', 'label', 'negated', 'hypothetical', 'count', 'weight', 'cameo', 'goldstein', 'firstSeen', 'lastSeen', 'color', 'size'],
      [
        'edge', 'source', 'relation', 'target', 'negated', 'hypothetical', 'doc', 'date', 'sentence', 'start', 'end', 'trigger', 'rule', 'reportedBy',
        'sourceAntecedent', 'sourceAntecedentStart', 'sourceAntecedentEnd', 'targetAntecedent', 'targetAntecedentStart', 'targetAntecedentEnd',
      ],
      ['id', 'title', 'date', 'url'],
    ];
    assert.deepEqual(headers(fixtureGraph()), expected);
    assert.deepEqual(headers(hostileGraph() as unknown as AnyGraph), expected);
    assert.deepEqual(headers(makeGraph({ nodes: [], attributes: { sources: [] } }) as unknown as AnyGraph), expected);
  });

  it('adds other attributes as further columns, arrays and objects as JSON', () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }] }) as unknown as AnyGraph;
    graph.setNodeAttribute('a', 'pagerank', 0.25);
    graph.setNodeAttribute('b', 'tags', { x: [1, 'y'] });
    const [nodes] = csvObjects(file(toCsvFiles(graph), 'nodes.csv')).map((row) => decode(row, ['id']));
    assert.equal(nodes?.pagerank, 0.25);
    assert.equal(csvObjects(file(toCsvFiles(graph), 'nodes.csv'))[1]?.tags, '{"x":[1,"y"]}');
  });

  for (const [name, build] of ROUND_TRIP_GRAPHS) {
    describe(name, () => {
      it('nodes.csv and edges.csv give back every node, edge and attribute', () => {
        const graph = build();
        const files = toCsvFiles(graph);
        const nodes = csvObjects(file(files, 'nodes.csv'));
        assert.equal(nodes.length, graph.order);
        const byId = new Map(nodes.map((row) => [row.id, row]));
        graph.forEachNode((node, a) => {
          const row = byId.get(THROUGH_CSV.text(node));
          assert.ok(row, `node ${node}`);
          assertRecord(decode(row, ['id']), a, THROUGH_CSV, `node ${node}`);
        });
        const edges = csvObjects(file(files, 'edges.csv'));
        assert.equal(edges.length, graph.size);
        const edgeById = new Map(edges.map((row) => [row.id, row]));
        graph.forEachEdge((edge, a, source, target) => {
          const row = edgeById.get(THROUGH_CSV.text(edge));
          assert.ok(row, `edge ${edge}`);
          assert.equal(row.source, THROUGH_CSV.text(source));
          assert.equal(row.target, THROUGH_CSV.text(target));
          assertRecord(decode(row, ['id', 'source', 'target']), a, { ...THROUGH_CSV, ignore: new Set(['evidence']) }, `edge ${edge}`);
        });
      });

      it('evidence.csv has one row per fact, in order, with its edge and every evidence field', () => {
        const graph = build();
        const rows = csvObjects(file(toCsvFiles(graph), 'evidence.csv'));
        let i = 0;
        graph.forEachEdge((edge, a, source, target) => {
          for (const item of a.evidence as Record<string, unknown>[]) {
            const row = rows[i++];
            assert.ok(row);
            assert.deepEqual(
              [row.edge, row.source, row.relation, row.target, row.negated, row.hypothetical],
              [THROUGH_CSV.text(edge), THROUGH_CSV.text(source), a.relation, THROUGH_CSV.text(target), String(a.negated), String(a.hypothetical)],
            );
            assertRecord(decode(row, ['edge', 'source', 'relation', 'target', 'negated', 'hypothetical']), item, THROUGH_CSV, `evidence ${i}`);
          }
        });
        assert.equal(rows.length, i);
      });

      it('documents.csv holds the graph sources', () => {
        const graph = build();
        const rows = csvObjects(file(toCsvFiles(graph), 'documents.csv'));
        const sources = graph.getAttribute('sources') as Record<string, unknown>[];
        assert.equal(rows.length, sources.length);
        sources.forEach((source, i) => assertRecord(decode(rows[i] ?? {}, []), source, THROUGH_CSV, `source ${i}`));
      });

      it('pandas reads every file with the same cells', function () {
        requireTool(this, PANDAS);
        const files = scratch('newsgraph-csv-');
        try {
          const written = toCsvFiles(build());
          const paths = written.map((f) => files.write(f.name, f.content));
          const program = `
import json, sys
import pandas as pd
out = []
for path in sys.argv[1:]:
  df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
  out.append({"columns": list(df.columns), "rows": df.values.tolist()})
print(json.dumps(out))
`;
          const read = runPythonJson(program, paths) as { columns: string[]; rows: string[][] }[];
          written.forEach((f, n) => {
            const { header, rows } = parseCsv(f.content);
            assert.deepEqual(read[n]?.columns, header, f.name);
            assert.deepEqual(read[n]?.rows, rows.map((row) => row.map((cell) => cell ?? '')), f.name);
          });
        } finally {
          files.cleanup();
        }
      });
    });
  }

  it('pandas infers the column types an analyst expects', function () {
    requireTool(this, PANDAS);
    const files = scratch('newsgraph-csv-types-');
    try {
      const paths = toCsvFiles(fixtureGraph()).map((f) => files.write(f.name, f.content));
      const program = `
import json, sys
import pandas as pd
print(json.dumps([{c: str(t) for c, t in pd.read_csv(p).dtypes.items()} for p in sys.argv[1:]]))
`;
      const [nodes, edges, evidence] = runPythonJson(program, paths) as Record<string, string>[];
      assert.deepEqual([nodes?.mentions, nodes?.community, nodes?.x, nodes?.label], ['int64', 'int64', 'int64', 'object']);
      assert.deepEqual([edges?.count, edges?.negated, edges?.goldstein], ['int64', 'bool', 'float64']);
      assert.deepEqual([evidence?.start, evidence?.end, evidence?.sentence], ['int64', 'int64', 'object']);
    } finally {
      files.cleanup();
    }
  });
});
