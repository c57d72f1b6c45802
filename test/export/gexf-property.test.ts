// Property: whatever the strings in keys, labels and evidence, the GEXF is well-formed and reads back.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { toGexf } from '../../src/export';
import { makeGraph } from '../helpers/graph-fixture';
import { XMLLINT, requireTool, xmllintErrors } from '../helpers/external-tools';
import { xmlSafe } from './xml-safe';

const RUNS = 300;

/** Any UTF-16 code unit (so lone surrogates too), XML's troublemakers, and whole code points. */
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('<', '>', '&', '"', "'", ']]>', '<![CDATA[', '\t', '\n', '\r', '\u0000', '\uFFFE', '\uFFFF', '&#0;') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const text = fc.string({ unit, maxLength: 40 });

/** xmldom is lenient (accepts raw control characters, mismatched tags); xmllint below is the real check. */
function strictParse(xml: string): void {
  const fail = (message: string): never => {
    throw new Error(`xmldom: ${message}`);
  };
  new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(xml, 'application/xml');
}

describe('toGexf property: random unicode stays well-formed', () => {
  const written: string[] = [];
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-gexf-prop-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`${RUNS} random graphs parse with graphology-gexf and xmldom, values intact`, () => {
    fc.assert(
      fc.property(text, text, text, text, text, (keyA, keyB, labelA, labelB, sentence) => {
        fc.pre(keyA !== keyB);
        const graph = makeGraph({
          nodes: [{ key: keyA, label: labelA, aliases: [labelB] }, { key: keyB, label: labelB }],
          edges: [{ source: keyA, target: keyB, evidence: [{ sentence, date: '2024-01-02' }] }],
        });
        const xml = toGexf(graph);
        written.push(xml);
        strictParse(xml);
        assert.equal(xml, xmlSafe(xml), 'output holds a character XML 1.0 forbids');
        const back = parse(MultiDirectedGraph, xml, { respectInputGraphType: true }) as MultiDirectedGraph;
        assert.equal(back.order, 2);
        assert.equal(back.size, 1);
        const [a, b] = back.nodes();
        assert.ok(a !== undefined && b !== undefined);
        if (xmlSafe(labelA) !== '') assert.equal(back.getNodeAttribute(a, 'label'), xmlSafe(labelA));
        if (xmlSafe(labelB) !== '') assert.equal(back.getNodeAttribute(b, 'label'), xmlSafe(labelB));
        const [edge] = back.edges();
        assert.ok(edge !== undefined);
        assert.equal(back.source(edge), a);
        assert.equal(back.target(edge), b);
        const evidence = JSON.parse(back.getEdgeAttribute(edge, 'evidence') as string) as { sentence: string }[];
        assert.equal(evidence[0]?.sentence, sentence.replace(/[\uFFFE\uFFFF]/g, '\uFFFD'));
        assert.deepEqual(JSON.parse(back.getNodeAttribute(a, 'aliases') as string), [labelB.replace(/[\uFFFE\uFFFF]/g, '\uFFFD')]);
      }),
      { numRuns: RUNS, seed: 20240601 },
    );
  });

  it('every generated document passes xmllint --noout', function () {
    requireTool(this, XMLLINT);
    assert.ok(written.length >= RUNS);
    const files = written.map((xml, i) => {
      const file = path.join(dir, `p${i}.gexf`);
      writeFileSync(file, xml, 'utf8');
      return file;
    });
    assert.equal(xmllintErrors(files), '');
  });
});
