// Graphs that the export round-trip tests run through every format: the hand-made fixture
// (test/fixtures/sample-graph.json) and a graph whose every string is hostile.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';
import type { ExportFile } from '../../src/export';
import { makeGraph, type NewsGraph } from '../helpers/graph-fixture';

export type AnyGraph = MultiDirectedGraph<Attributes, Attributes, Attributes>;

export const FIXTURE_FILE = path.resolve(__dirname, '../fixtures/sample-graph.json');

export function fixtureGraph(): AnyGraph {
  const graph = new MultiDirectedGraph<Attributes, Attributes, Attributes>();
  graph.import(JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as SerializedGraph);
  return graph;
}

/**
 * Markup, CDATA end, both quotes, commas, semicolons (neo4j-admin's default array delimiter), CR, LF,
 * CRLF, tab, C0 controls with NUL and U+001F, DEL, a lone surrogate, U+FFFE and a non-BMP emoji.
 */
export const HOSTILE =
  '<script>alert("x")</script> ]]> <![CDATA[ & \'single\' "double", comma; semi\nLF\r\nCRLF\rCR\ttab ' +
  '\u0000NUL \u0001\u0008\u000b\u001f\u007f \uD800lone \uFFFE 😀 end';

/** A laid-out news graph in which every key, label, alias, role, evidence field and source is hostile. */
export function hostileGraph(): NewsGraph {
  const a = `a ${HOSTILE}`;
  const b = 'b, "quoted" <b>';
  return makeGraph({
    nodes: [
      { key: a, label: HOSTILE, aliases: [HOSTILE, ']]>', 'x;y', ''], roles: ['<role>', 'r,1'], wikidata: 'Q1"', country: HOSTILE, region: 'r,"1";x' },
      { key: b, label: '', entityType: 'organization', aliases: [], roles: [], community: 3 },
      { key: '😀', label: '=SUM(A1)', entityType: 'place' },
    ],
    edges: [
      {
        source: a,
        target: b,
        relation: 'accused',
        cameo: '',
        goldstein: -2.5,
        evidence: [
          { doc: `doc, "1"\n${HOSTILE}`, sentence: HOSTILE, trigger: '<accused>', reportedBy: HOSTILE, date: '2024-02-29', start: 3, end: 9 },
          { doc: 'doc2', sentence: '', trigger: ',', date: '2024-03-01' },
        ],
      },
      { source: b, target: '😀', relation: 'located_in', hypothetical: true, negated: true, evidence: [{ doc: 'doc2', sentence: 'x\r\ny' }] },
    ],
    attributes: {
      documentCount: 2,
      sources: [
        { id: `doc, "1"\n${HOSTILE}`, title: HOSTILE, date: '2024-02-29', url: 'javascript:alert(1)' },
        { id: 'doc2', title: '' },
      ],
    },
  });
}

/** The graphs every format's round trip runs on. */
export const ROUND_TRIP_GRAPHS: readonly (readonly [string, () => AnyGraph])[] = [
  ['the sample fixture', fixtureGraph],
  ['a graph of hostile text', hostileGraph as unknown as () => AnyGraph],
];

/** The content of one file of a directory export. */
export function fileNamed(files: readonly ExportFile[], name: string): string {
  const found = files.find((f) => f.name === name);
  assert.ok(found, name);
  return found.content;
}
