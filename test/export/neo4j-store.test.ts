// `newsgraph export DIR --format neo4j`: the Neo4j files streamed from a build directory (graph.json
// line by line, evidence and documents from newsgraph.db) are byte for byte the files of the
// graph.json export of the same build; with --evidence N they still hold every piece of evidence.
// A graph.json and a store of different builds are refused; a failed write replaces nothing.
import { strict as assert } from 'node:assert';
import { promises as fsp } from 'node:fs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readGraphFile } from '../../src/cli/main';
import { InputError, OutputError } from '../../src/errors';
import { NEO4J_FILES, toCsvFiles, toJson, toNeo4jFiles, type AtomicFs, type ExportFile } from '../../src/export';
import { build, type BuildOptions } from '../../src/pipeline';
import { STORE_FILE } from '../../src/store';
import { GRAPH_FILE, exportNeo4jFromBuild, readGraphLines } from '../../src/store/stream';
import { RELATIONS } from '../../src/types';
import { makeGraph } from '../helpers/graph-fixture';
import { runCli } from '../reliability/helpers';
import { writeCorpus } from '../scale/corpus';
import { csvObjects, parseCsv } from './csv-parse';
import { hostileGraph } from './graphs';

const GOLDEN = path.resolve(__dirname, '..', 'golden');

/**
 * Written for this test (invented people): a surname that the graph merges into the full name of
 * another article, a meeting told both ways round, a denial and a claim.
 */
const MERGE_TEXTS: Readonly<Record<string, string>> = {
  'oslo-1.txt': `Ministers meet in Oslo

Oslo, 2025-05-02

Norway's Foreign Minister Greta Lindholm met Poland's Foreign Minister Oskar Brenner in Oslo on Friday.
`,
  'oslo-2.txt': `Talks go on

Oslo, 2025-05-03

Lindholm met Brenner on Saturday.
Lindholm urged Brenner to sign the fisheries agreement.
Brenner met Lindholm again on Sunday, and Brenner did not accept the proposal.
Lindholm said Brenner had rejected the deal.
`,
};

let root: string;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-neo4j-store-'));
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

let dirs = 0;
const newDir = (): string => path.join(root, `d${++dirs}`);

/** A text corpus: the scale corpus, the golden articles and MERGE_TEXTS. */
function textCorpus(): string {
  const dir = newDir();
  writeCorpus(dir, 30);
  for (const name of fs.readdirSync(GOLDEN).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(GOLDEN, name), path.join(dir, name));
  for (const [name, text] of Object.entries(MERGE_TEXTS)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function buildDir(inputs: string[], options: Partial<BuildOptions> = {}): Promise<string> {
  const out = newDir();
  await build(inputs, { out, jobs: 1, ...options }, { onWarning: () => undefined });
  return out;
}

/** The files of `newsgraph export DIR/graph.json -f neo4j`. */
const graphPathFiles = (dir: string): ExportFile[] => toNeo4jFiles(readGraphFile(path.join(dir, GRAPH_FILE)));

/** The files of `newsgraph export DIR -f neo4j`, read back. */
async function storePathFiles(dir: string): Promise<ExportFile[]> {
  const out = newDir();
  const written = await exportNeo4jFromBuild(dir, out);
  assert.deepEqual(written, Object.values(NEO4J_FILES).map((name) => path.join(out, name)));
  assert.deepEqual(fs.readdirSync(out).sort(), Object.values(NEO4J_FILES).sort(), 'no temp file left');
  return Object.values(NEO4J_FILES).map((name) => ({ name, content: fs.readFileSync(path.join(out, name), 'utf8') }));
}

function assertSameFiles(actual: readonly ExportFile[], expected: readonly ExportFile[], names: readonly string[] = Object.values(NEO4J_FILES)): void {
  for (const name of names) {
    const a = actual.find((f) => f.name === name)?.content;
    const e = expected.find((f) => f.name === name)?.content;
    assert.ok(a !== undefined && e !== undefined, name);
    if (a !== e) assert.equal(a, e, `${name} differs`); // the diff of the first difference
  }
}

const rowsOf = (files: readonly ExportFile[], name: string): Record<string, string | null>[] =>
  csvObjects(files.find((f) => f.name === name)?.content ?? '');

describe('Neo4j export streamed from a build directory', function () {
  this.timeout(300_000);

  describe('a build of text articles', () => {
    let corpus: string;
    let full: string;
    before(async () => {
      corpus = textCorpus();
      full = await buildDir([corpus]);
    });

    it('writes the same files, byte for byte, as the export of its graph.json', async () => {
      const expected = graphPathFiles(full);
      const evidence = rowsOf(expected, NEO4J_FILES.evidence);
      // The corpus covers what the store must reproduce: merged surnames, both directions of a meeting, denials, claims.
      assert.ok(evidence.length > 50);
      assert.ok(evidence.some((e) => e.source === 'greta-lindholm' && e.relation === 'urged'), 'a surname merged into its full name');
      assert.ok(evidence.some((e) => e['negated:boolean'] === 'true'));
      assert.ok(evidence.some((e) => e.reportedBy === 'greta-lindholm'));
      const met = rowsOf(expected, NEO4J_FILES.relations).find((r) => r.id === 'brenner|met|greta-lindholm');
      assert.ok(met && Number(met['count:int']) >= 2, 'a meeting told both ways round is one edge');
      assertSameFiles(await storePathFiles(full), expected);
    });

    const trimmed: [string, Partial<BuildOptions['graph']>][] = [
      ['--min-count 2', { minCount: 2 }],
      ['--top 8', { top: 8 }],
    ];
    for (const [flags, graph] of trimmed) {
      it(`keeps to the edges graph.json kept (${flags})`, async () => {
        const dir = await buildDir([corpus], { graph });
        const expected = graphPathFiles(dir);
        assert.ok(rowsOf(expected, NEO4J_FILES.relations).length < rowsOf(graphPathFiles(full), NEO4J_FILES.relations).length);
        assertSameFiles(await storePathFiles(dir), expected);
      });
    }

    it('with --evidence 1 still writes every piece of evidence: the files of the untrimmed build', async () => {
      const dir = await buildDir([corpus], { graph: { evidence: 1 } });
      const trimmedGraph = graphPathFiles(dir);
      const streamed = await storePathFiles(dir);
      assert.ok(rowsOf(streamed, NEO4J_FILES.evidence).length > rowsOf(trimmedGraph, NEO4J_FILES.evidence).length);
      const untrimmed = graphPathFiles(full);
      // graph.json differs only in the evidence it lists; the relations keep the full count.
      assertSameFiles(trimmedGraph, untrimmed, [NEO4J_FILES.entities, NEO4J_FILES.relations, NEO4J_FILES.documents]);
      assertSameFiles(streamed, untrimmed);
    });

    it('writes files that neo4j-admin can read: typed headers, every evidence linked to a document that exists', async () => {
      const files = await storePathFiles(full);
      for (const f of files.filter((x) => x.name.endsWith('.csv'))) parseCsv(f.content);
      const documents = new Set(rowsOf(files, NEO4J_FILES.documents).map((d) => d['id:ID(Document)']));
      const evidence = rowsOf(files, NEO4J_FILES.evidence);
      const links = rowsOf(files, NEO4J_FILES.evidenceDocuments);
      assert.equal(new Set(evidence.map((e) => e['id:ID(Evidence)'])).size, evidence.length, 'evidence ids are unique');
      assert.deepEqual(links.map((l) => l[':START_ID(Evidence)']), evidence.map((e) => e['id:ID(Evidence)']));
      for (const link of links) assert.ok(documents.has(link[':END_ID(Document)'] ?? null), String(link[':END_ID(Document)']));
      const relations = rowsOf(files, NEO4J_FILES.relations);
      const perEdge = new Map<string, number>();
      for (const e of evidence) perEdge.set(e.edge ?? '', (perEdge.get(e.edge ?? '') ?? 0) + 1);
      for (const r of relations) assert.equal(perEdge.get(r.id ?? ''), Number(r['count:int']), `evidence of ${String(r.id)}`);
      assert.match(parseCsv(files.find((f) => f.name === NEO4J_FILES.evidence)?.content ?? '').header.join(','), /,date:date,sentence,start:int,end:int,/);
    });

    it('refuses a graph.json and a store of different builds', async () => {
      const other = await buildDir([path.join(corpus, 'oslo-2.txt')]);
      const mixed = newDir();
      fs.mkdirSync(mixed);
      fs.copyFileSync(path.join(full, STORE_FILE), path.join(mixed, STORE_FILE));
      fs.copyFileSync(path.join(other, GRAPH_FILE), path.join(mixed, GRAPH_FILE));
      await assert.rejects(exportNeo4jFromBuild(mixed, newDir()), (e: unknown) => e instanceof InputError && /not from the same build/.test(e.message));

      // The same documents, one fact fewer in the store.
      fs.copyFileSync(path.join(full, GRAPH_FILE), path.join(mixed, GRAPH_FILE));
      const db = new Database(path.join(mixed, STORE_FILE));
      db.prepare("DELETE FROM facts WHERE id = (SELECT min(id) FROM facts WHERE relation = 'urged')").run();
      db.close();
      const out = newDir();
      await assert.rejects(exportNeo4jFromBuild(mixed, out), (e: unknown) => e instanceof InputError && /rests on \d+ facts, the store has \d+: they are not from the same build/.test(e.message));
      assert.deepEqual(fs.readdirSync(out), [], 'nothing written');
    });

    it('the CLI: a directory streams for neo4j, and stands for its graph.json for the other formats', async () => {
      const out = newDir();
      const r = await runCli(['export', full, '-f', 'neo4j', '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      for (const f of graphPathFiles(full)) assert.equal(fs.readFileSync(path.join(out, f.name), 'utf8'), f.content, f.name);
      const csv = newDir();
      assert.equal((await runCli(['export', full, '-f', 'csv', '-o', csv])).code, 0);
      for (const f of toCsvFiles(readGraphFile(path.join(full, GRAPH_FILE)))) assert.equal(fs.readFileSync(path.join(csv, f.name), 'utf8'), f.content, f.name);
      const help = await runCli(['export', '--help']);
      assert.match(help.stdout, /neo4j streams evidence and documents from DIR\/newsgraph\.db/);
    });
  });

  it('replaces nothing and leaves no temp file when a write fails', async () => {
    const dir = await buildDir([path.join(GOLDEN, 'summit.txt')]);
    const out = newDir();
    await exportNeo4jFromBuild(dir, out);
    const before = new Map(fs.readdirSync(out).map((name) => [name, fs.readFileSync(path.join(out, name), 'utf8')]));
    const real = fsp as unknown as AtomicFs;
    let writes = 0;
    const failing: AtomicFs = {
      stat: (file) => real.stat(file),
      unlink: (file) => real.unlink(file),
      rename: (from, to) => real.rename(from, to),
      open: async (file, flags, mode) => {
        const handle = await real.open(file, flags, mode);
        return {
          // Fails once the first files are complete: the evidence, in the middle of the export.
          writeFile: (data) => (++writes > 3 ? Promise.reject(Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' })) : handle.writeFile(data)),
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await assert.rejects(exportNeo4jFromBuild(dir, out, { fs: failing }), (e: unknown) => e instanceof OutputError && e.reason === 'disk full');
    assert.deepEqual(new Map(fs.readdirSync(out).map((name) => [name, fs.readFileSync(path.join(out, name), 'utf8')])), before);
  });

  describe('errors name the directory or file', () => {
    it('a directory without a store, or without graph.json', async () => {
      const empty = newDir();
      fs.mkdirSync(empty);
      await assert.rejects(exportNeo4jFromBuild(empty, newDir()), (e: unknown) => e instanceof InputError && e.file === empty && /no newsgraph\.db here/.test(e.reason));
      const dir = await buildDir([path.join(GOLDEN, 'maritime.txt')]);
      fs.rmSync(path.join(dir, GRAPH_FILE));
      await assert.rejects(exportNeo4jFromBuild(dir, newDir()), (e: unknown) => e instanceof InputError && e.file === path.join(dir, GRAPH_FILE) && e.reason === 'no such file');
    });

    const layouts: [string, (json: string) => string, RegExp][] = [
      ['pretty-printed', (json) => JSON.stringify(JSON.parse(json), null, 2), /not laid out as `newsgraph build` writes graph\.json/],
      ['cut short', (json) => json.slice(0, json.indexOf('\n],"edges"')), /ends early/],
      ['a broken line', (json) => json.replace('{"key":', '{"key":,'), /:\d+: not valid JSON/],
      ['empty', () => '', /empty file/],
    ];
    for (const [what, change, reason] of layouts) {
      it(`a graph.json ${what}`, async () => {
        const file = path.join(newDir(), GRAPH_FILE);
        fs.mkdirSync(path.dirname(file));
        fs.writeFileSync(file, change(toJson(hostileGraph())));
        await assert.rejects(readGraphLines(file), (e: unknown) => e instanceof InputError && reason.test(e.message));
      });
    }
  });

  describe('readGraphLines', () => {
    /** graph.export() with every edge's evidence left out. */
    function withoutEvidence(json: string): unknown {
      const data = JSON.parse(json) as { nodes: unknown[]; edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[] };
      return {
        nodes: data.nodes,
        edges: data.edges.map(({ attributes: { evidence: _evidence, ...attributes }, ...edge }) => ({ ...edge, attributes, undirected: false })),
      };
    }

    // A long first line (sources past what is kept of it) and emoji across the 64 KiB reads.
    const sources = Array.from({ length: 3000 }, (_, i) => ({ id: `doc-${i}`, title: `Title ${i} 😀` }));
    const graphs: [string, () => string][] = [
      ['a graph of hostile text', () => toJson(hostileGraph())],
      ['a graph without nodes', () => toJson(makeGraph({ nodes: [] }))],
      ['a graph without edges', () => toJson(makeGraph({ nodes: [{ key: 'a' }] }))],
      [
        'a big graph',
        () =>
          toJson(
            makeGraph({
              nodes: Array.from({ length: 2000 }, (_, i) => ({ key: `n${i}`, label: `😀 ${'é'.repeat(i % 97)}`, aliases: ['x😀y'] })),
              edges: Array.from({ length: 500 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}`, relation: RELATIONS[i % RELATIONS.length] ?? 'met' })),
              attributes: { documentCount: sources.length, sources },
            }),
          ),
      ],
    ];
    for (const [name, json] of graphs) {
      it(`gives back the nodes and edges of ${name}, without evidence`, async () => {
        const file = path.join(newDir(), GRAPH_FILE);
        fs.mkdirSync(path.dirname(file));
        const text = json();
        fs.writeFileSync(file, text);
        const read = await readGraphLines(file);
        assert.deepEqual({ nodes: read.nodes, edges: read.edges }, withoutEvidence(text));
        assert.equal(read.documentCount, (JSON.parse(text) as { attributes: { documentCount?: number } }).attributes.documentCount);
      });
    }
  });

  it('equals the graph.json export for any extraction results (property, --from-facts builds)', async () => {
    // Entity ids and words chosen to meet: a surname that merges ("keller" into "anna-keller"),
    // symmetric meetings both ways round, triggers that sort differently by code unit and by locale,
    // duplicate facts, dates that are and are not calendar days, empty and hostile strings.
    // Few ids, relations and offsets, so that facts often share an edge, a document and an offset.
    // '😀' and 'ｚ' (U+FF5A) sort one way as UTF-16 (JavaScript, graph.json) and the other as UTF-8 (SQLite text).
    const people: [string, string][] = [['anna-keller', 'Anna Keller'], ['keller', 'Keller'], ['b,"q"', 'B "Q"'], ['😀', 'Emoji Person'], ['ｚ', 'Full Width']];
    const relations = ['met', 'urged'] as const;
    const rarely = fc.constantFrom(false, false, false, true);
    const fact = fc.record({
      source: fc.integer({ min: 0, max: people.length - 1 }),
      target: fc.integer({ min: 0, max: people.length - 1 }),
      relation: fc.constantFrom(...relations),
      negated: rarely,
      hypothetical: rarely,
      start: fc.integer({ min: 0, max: 1 }),
      trigger: fc.constantFrom('met', 'Met', 'é', 'b', 'a', ''),
      rule: fc.constantFrom('r1', 'r2'),
      reportedBy: fc.option(fc.integer({ min: 0, max: people.length - 1 }), { nil: undefined }),
      date: fc.constantFrom(undefined, '', '2024-02-29', '2023-02-29', 'soon'),
      // The same fact twice in a document (as when two sentences' spans coincide): one piece of evidence.
      twice: rarely,
      // Ends named by "he" or "the bloc": on a symmetric edge written the other way round they swap.
      antecedents: fc.constantFrom(undefined, 'source', 'target', 'both'),
    });
    const doc = fc.record({
      title: fc.constantFrom(undefined, '', 'A title, "quoted"\nand more'),
      date: fc.constantFrom(undefined, '2024-01-31', '2024-13-01'),
      facts: fc.array(fact, { maxLength: 12 }),
    });
    const span = (person: number, at: number): { start: number; end: number; text: string } => {
      const text = people[person]?.[1] ?? '';
      return { start: at, end: at + text.length, text };
    };
    const antecedentsOf = (ends: 'source' | 'target' | 'both', source: number, target: number): object => ({
      ...(ends !== 'target' ? { source: span(source, 3) } : {}),
      ...(ends !== 'source' ? { target: span(target, 50) } : {}),
    });
    const options = fc.record({ minCount: fc.integer({ min: 1, max: 2 }), top: fc.constantFrom(0, 3) });
    await fc.assert(
      fc.asyncProperty(fc.array(doc, { minLength: 1, maxLength: 4 }), options, async (docs, graph) => {
        const lines = docs.map((d, i) => {
          const id = `doc ${i}|😀`;
          const sentence = (start: number): string => `Sentence ${start} of ${id}, "quoted".`;
          return JSON.stringify({
            doc: id,
            ...(d.title !== undefined ? { title: d.title } : {}),
            ...(d.date !== undefined ? { date: d.date } : {}),
            hash: `hash-${i}`,
            mentions: people.map(([entity, text], n) => ({ start: n, end: n + 1, text, entity, entityType: 'person', rule: 'test' })),
            entities: people.map(([pid, label]) => ({ id: pid, label, entityType: 'person', aliases: [], roles: [] })),
            facts: d.facts.flatMap((f) => (f.twice ? [f, f] : [f])).map((f) => ({
              source: people[f.source]?.[0], relation: f.relation, target: people[f.target]?.[0], negated: f.negated, hypothetical: f.hypothetical,
              doc: id, sentence: sentence(f.start), start: f.start * 100, end: f.start * 100 + 40, trigger: f.trigger, rule: f.rule,
              ...(f.reportedBy !== undefined ? { reportedBy: people[f.reportedBy]?.[0] } : {}),
              ...(f.date !== undefined ? { date: f.date } : {}),
              ...(f.antecedents !== undefined ? { antecedents: antecedentsOf(f.antecedents, f.source, f.target) } : {}),
            })),
          });
        });
        const input = path.join(newDir());
        fs.mkdirSync(input);
        fs.writeFileSync(path.join(input, 'facts.ndjson'), `${lines.join('\n')}\n`);
        const dir = await buildDir([path.join(input, 'facts.ndjson')], { fromFacts: true, graph });
        assertSameFiles(await storePathFiles(dir), graphPathFiles(dir));
      }),
      { numRuns: 30, seed: 8 },
    );
  });
});
