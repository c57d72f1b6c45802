// Laws that hold for any input (fast-check): random Unicode text, random markup and random JSONL
// go through ingest and extraction without an exception escaping; every mention and evidence
// offset slices its document to its text; the graph built from them serialises to JSON that
// parses and to GEXF that xmllint calls well-formed and graphology-gexf reads back.
// The total number of generated cases is printed; CI runs over 10,000.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { readDocuments, type InputWarning } from '../src/ingest';
import { createExtractor } from '../src/pipeline';
import { defaultLexicon } from '../src/entities';
import { GraphAccumulator, type NewsGraph } from '../src/graph';
import { layoutGraph } from '../src/layout';
import { toGexf, toJson } from '../src/export';
import { isNewsgraphError } from '../src/errors';
import type { DocumentResult, SourceDocument } from '../src/types';
import { extractText } from './helpers/extract';
import { XMLLINT, requireTool, xmllintErrors } from './helpers/external-tools';

const RUNS = { text: 5000, markup: 2500, jsonl: 2500, graph: 1500 };
const counted = { text: 0, markup: 0, jsonl: 0, graph: 0 };
let skippedGraphs = 0;
/** Markup cases that gave a document (the others were blank or not English: a typed answer). */
let markupDocuments = 0;

const NEWS_WORDS = ['Putin', 'Trump', 'met', 'urged', 'Russia', 'Ukraine', 'the', 'Kremlin', 'said', 'he', 'not', 'if', 'US', 'envoy', 'Steve', 'Witkoff', 'President', 'Russian', 'troops', 'ceasefire', 'accepted', '.', ',', '"', "'s", 'and', 'with', 'to', '\n', 'by', 'Moscow', 'in', 'was', 'Zelenskyy', 'accused', 'of', 'Kyiv', 'talks', 'between', 'Macron', 'would', 'wants', '\r\n', '\r', 'NATO', 'the United Nations', 'Peskov'];

const newsLikeText = fc.array(fc.oneof(fc.constantFrom(...NEWS_WORDS), fc.string({ maxLength: 6 })), { maxLength: 50 }).map((words) => words.join(' '));
/** Any Unicode: grapheme clusters, any UTF-16 code unit (lone surrogates too), and news-like text. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  newsLikeText,
);

/** Never visible: placed only inside scripts, styles, comments and other dropped elements. */
const HIDDEN = 'HIDDENMARK';
const markupPiece = fc.oneof(
  { weight: 4, arbitrary: newsLikeText },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.constantFrom('<p>', '</p>', '<div class="a">', '</div>', '<br>', '<br/>', '<h1>', '</h1>', '<li>', '<td>', '<span>', '</span>', '<em>', '</em>', '<title>', '</title>', '<head>', '</head>', '<body>', '<a href="/x?a=1&b=2">', '</a>', '<img alt="a > b">', '<p title=\'x\'>', '<meta name="date" content="2025-03-13">', '<time datetime="March 4, 2024">', '<!DOCTYPE html>', '<?xml version="1.0"?>', '<![CDATA[x]]>', '< notatag', 'a < b', 'c > d', '<', '>', '</', '<svg/>', '<a title="', "<b class='") },
  { weight: 2, arbitrary: fc.constantFrom('&amp;', '&lt;', '&gt;', '&nbsp;', '&#8217;', '&#x1F600;', '&#0;', '&#xD800;', '&bogus;', '&', '&#', '&#x110000;') },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('script', 'style', 'noscript', 'template', 'svg', 'iframe', 'SCRIPT', 'Style'), newsLikeText).map(
      ([tag, inner]) => `<${tag}>${inner.replace(/</g, ' ')} ${HIDDEN}</${tag}>`,
    ),
  },
  { weight: 1, arbitrary: newsLikeText.map((inner) => `<!--${inner.replace(/-->/g, '')} ${HIDDEN}-->`) },
  { weight: 1, arbitrary: fc.constantFrom(`<script>${HIDDEN}`, `<!--${HIDDEN}`, `<style>${HIDDEN}</STYLE >`) },
);
const markup = fc.array(markupPiece, { maxLength: 25 }).map((pieces) => pieces.join(''));

/** Reads documents from stdin (chunked where asked); returns what was read and the warnings. */
async function ingest(
  input: Buffer,
  cuts: readonly number[] = [],
  maxDocBytes?: number,
): Promise<{ docs: SourceDocument[]; warnings: InputWarning[]; error?: unknown }> {
  const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].filter((p) => p > 0 && p < input.length).sort((a, b) => a - b);
  const bounds = [0, ...points, input.length];
  const chunks = bounds.slice(1).map((end, i) => input.subarray(bounds[i], end));
  const docs: SourceDocument[] = [];
  const warnings: InputWarning[] = [];
  try {
    for await (const d of readDocuments(['-'], { stdin: Readable.from(chunks), ...(maxDocBytes ? { maxDocBytes } : {}) }, (w) => warnings.push(w))) docs.push(d);
  } catch (error) {
    // The one exception ingest may throw: a typed error when nothing was usable.
    if (!isNewsgraphError(error) || error.name !== 'InputError') throw error;
    // When nothing was usable the only problem comes as the error instead of a warning.
    if (error.file !== undefined) warnings.push({ file: error.file, reason: `${error.reason}, skipped` });
    return { docs, warnings, error };
  }
  return { docs, warnings };
}

const extract = createExtractor();

/** As pipeline.graphOfResults, with the gazetteer labels computed once (they cost 12 ms a call). */
const LABELS = new Map([...defaultLexicon().entities].map(([id, e]) => [id, e.label]));
function graphOf(results: readonly DocumentResult[]): NewsGraph {
  const accumulator = new GraphAccumulator(LABELS);
  for (const result of results) accumulator.add(result);
  const graph = accumulator.finish();
  layoutGraph(graph, { iterations: 20 });
  return graph;
}

function assertOffsets(text: string, r: DocumentResult): void {
  for (const m of r.mentions) {
    assert.ok(m.start >= 0 && m.start <= m.end && m.end <= text.length, `mention range ${m.start}-${m.end}`);
    assert.equal(text.slice(m.start, m.end), m.text);
  }
  for (const f of r.facts) {
    assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `evidence range ${f.start}-${f.end}`);
    assert.equal(text.slice(f.start, f.end), f.sentence);
  }
}

describe('properties: random input through ingest, extraction and export', function () {
  this.timeout(300_000);
  let gexfDir: string;
  const gexfWritten: string[] = [];
  before(() => {
    gexfDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-properties-'));
  });
  after(() => {
    fs.rmSync(gexfDir, { recursive: true, force: true });
    const total = counted.text + counted.markup + counted.jsonl + counted.graph;
    console.log(`      properties: ${total} generated cases (text ${counted.text}, markup ${counted.markup} (${markupDocuments} read as documents), JSONL ${counted.jsonl}, graph ${counted.graph}, of which ${skippedGraphs} had no usable document)`);
  });

  it(`random Unicode text: extraction never throws, offsets slice the text (${RUNS.text} cases)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        counted.text++;
        assertOffsets(text, extractText(text));
      }),
      { numRuns: RUNS.text, seed: 20250313 },
    );
  });

  it(`random markup: ingest keeps only visible text, offsets slice it (${RUNS.markup} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(markup, async (html) => {
        counted.markup++;
        const { docs } = await ingest(Buffer.from(`${JSON.stringify({ id: 'page', format: 'html', text: html })}\n`));
        markupDocuments += docs.length;
        for (const doc of docs) {
          assert.ok(!doc.text.includes(HIDDEN), `hidden text leaked: ${JSON.stringify(doc.text)}`);
          assertOffsets(doc.text, extract(doc));
        }
      }),
      { numRuns: RUNS.markup, seed: 20250314 },
    );
  });

  const LIMIT = 400;
  type JsonlLine = { kind: 'record'; text: string; id?: string } | { kind: 'malformed'; raw: string } | { kind: 'blank' } | { kind: 'long' };
  const jsonlLine: fc.Arbitrary<JsonlLine> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('record' as const), text: fc.oneof(newsLikeText, anyText) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('record' as const), text: newsLikeText, id: fc.constantFrom('a', 'b', '7') }) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(fc.string({ maxLength: 20 }), fc.constantFrom('{', '{"text": 5}', '[1,2]', 'null', '"text"', '{"text": "unterminated', '{"id": "x"}', '{"text": "a",}'))
        .filter((raw) => raw.trim() !== '' && !/[\r\n]/.test(raw) && !isRecord(raw))
        .map((raw) => ({ kind: 'malformed' as const, raw })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'long' as const }) },
  );
  function isRecord(raw: string): boolean {
    try {
      const v: unknown = JSON.parse(raw);
      return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { text?: unknown }).text === 'string';
    } catch {
      return false;
    }
  }
  function render(line: JsonlLine): string {
    switch (line.kind) {
      case 'record':
        return JSON.stringify({ ...(line.id ? { id: line.id } : {}), text: line.text });
      case 'malformed':
        return line.raw;
      case 'blank':
        return '   ';
      case 'long':
        return JSON.stringify({ text: 'x'.repeat(LIMIT) });
    }
  }

  it(`random JSONL, cut into random chunks: every line accounted for by file:line, offsets slice (${RUNS.jsonl} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(jsonlLine, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (jsonl, eol, bom, cuts) => {
          counted.jsonl++;
          // The first line must open an object for stdin to be read as JSONL.
          const all: JsonlLine[] = [{ kind: 'record', text: 'US envoy Steve Witkoff met Putin in Moscow.' }, ...jsonl];
          const body = `${bom ? '\uFEFF' : ''}${all.map(render).join(eol)}${eol}`;
          const { docs, warnings } = await ingest(Buffer.from(body), cuts, LIMIT);
          const warned = new Map(warnings.map((w) => [w.file, w.reason]));
          const seen = new Set<string>();
          let previous = 0;
          for (const doc of docs) {
            const n = Number(/^<stdin>:(\d+)$/.exec(doc.origin)?.[1]);
            const line = all[n - 1];
            assert.ok(line?.kind === 'record', `document from line ${n} which is ${line?.kind}`);
            assert.equal(doc.text, line.text);
            assert.ok(n > previous, 'documents come in line order');
            previous = n;
            seen.add(doc.origin);
            assertOffsets(doc.text, extract(doc));
          }
          all.forEach((line, i) => {
            const where = `<stdin>:${i + 1}`;
            if (line.kind === 'malformed') assert.match(warned.get(where) ?? '', /^(malformed JSON line \(.+\)|no "text" string in this line), skipped$/, where);
            if (line.kind === 'long') assert.equal(warned.get(where), `line is over --max-doc-bytes ${LIMIT}, skipped`, where);
            if (line.kind === 'blank') assert.ok(!warned.has(where), where);
            // A record either became a document or was skipped with a reason naming its line.
            if (line.kind === 'record') assert.ok(seen.has(where) || warned.has(where), `${where} neither read nor explained`);
          });
        },
      ),
      { numRuns: RUNS.jsonl, seed: 20250315 },
    );
  });

  it(`random corpora: graph.json parses and equals the graph; GEXF is well-formed and read back (${RUNS.graph} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ text: fc.oneof({ weight: 3, arbitrary: newsLikeText }, { weight: 1, arbitrary: anyText }), title: fc.option(anyText, { nil: undefined }), date: fc.option(fc.constantFrom('2025-03-13', 'March 4, 2024', 'yesterday', '2025-02-30'), { nil: undefined }) }), { minLength: 1, maxLength: 4 }),
        async (records) => {
          counted.graph++;
          const jsonl = records.map((r, i) => JSON.stringify({ id: `doc ${i} <&>"]]>`, ...r, text: `Putin met Trump. ${r.text}` })).join('\n');
          const { docs } = await ingest(Buffer.from(jsonl));
          if (docs.length === 0) {
            skippedGraphs++; // nothing usable: ingest answered with a typed InputError
            return;
          }
          // Few layout iterations: positions are numbers either way, and the default 500 dominate the time.
          const graph = graphOf(docs.map((doc) => extract(doc)));
          const json = toJson(graph);
          const back = MultiDirectedGraph.from(JSON.parse(json) as ReturnType<typeof graph.export>);
          assert.equal(back.order, graph.order);
          assert.equal(back.size, graph.size);
          const gexf = toGexf(graph);
          const read = parseGexf(MultiDirectedGraph, gexf, { respectInputGraphType: true });
          assert.equal(read.order, graph.order);
          assert.equal(read.size, graph.size);
          gexfWritten.push(gexf);
        },
      ),
      { numRuns: RUNS.graph, seed: 20250316 },
    );
  });

  it('every generated GEXF file passes xmllint --noout (the strict check of well-formedness)', function () {
    requireTool(this, XMLLINT);
    assert.equal(gexfWritten.length, RUNS.graph - skippedGraphs);
    const files = gexfWritten.map((xml, i) => {
      const file = path.join(gexfDir, `g${i}.gexf`);
      fs.writeFileSync(file, xml);
      return file;
    });
    assert.equal(xmllintErrors(files), '');
  });

  it('generated at least 10,000 cases in all', () => {
    const total = counted.text + counted.markup + counted.jsonl + counted.graph;
    assert.ok(total >= 10_000, `only ${total} cases`);
  });
});
