// What the store keeps so that an update does little: each document's graph input (its result
// without the mentions) and the layout of each connected component. Both are caches: an update
// that uses them gives the bytes of a build of everything at once, and so does one whose layout
// cache was damaged.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { toJson } from '../../src/export';
import { GraphAccumulator, graphInput } from '../../src/graph';
import { build, type BuildSummary } from '../../src/pipeline';
import type { ExtractLine } from '../../src/store';
import type { DocumentResult, EntityType, Relation } from '../../src/types';

/** Short news items about pairs of countries: pairs that share no country are separate components. */
const ITEMS: readonly string[] = [
  'France met Germany in Paris on Monday.',
  'Japan accused Brazil of delaying the talks.',
  'Kenya supported Canada in the dispute.',
  'Norway urged Chile to accept a ceasefire.',
  'Germany criticised France over the budget.',
  'India met Egypt in Cairo on Tuesday.',
];
/** The update: one pair again (a weight changes) and one new pair (a new component). */
const UPDATE: readonly string[] = ['Japan accused Brazil of breaking the deal.', 'Peru met Ghana in Lima on Friday.'];

function writeItems(dir: string, items: readonly string[], first: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return items.map((text, i) => {
    const file = path.join(dir, `item-${String(first + i).padStart(2, '0')}.txt`);
    fs.writeFileSync(file, `${text}\n`);
    return file;
  });
}

const quiet = { onWarning: (w: { file: string; reason: string }) => assert.fail(`${w.file}: ${w.reason}`) };
const read = (dir: string, name: string): Buffer => fs.readFileSync(path.join(dir, name));

function sameGraph(a: string, b: string, what: string): void {
  for (const name of ['graph.json', 'graph.gexf']) assert.ok(read(a, name).equals(read(b, name)), `${what}: ${name} differs`);
}

function query<T>(dir: string, sql: string): T[] {
  const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe('scale: the store as a graph and layout cache', function () {
  this.timeout(120_000);
  let dir: string;
  let first: string[];
  let second: string[];
  let all: string;
  let full: BuildSummary;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-layout-cache-'));
    first = writeItems(path.join(dir, 'corpus'), ITEMS, 0);
    second = writeItems(path.join(dir, 'corpus'), UPDATE, ITEMS.length);
    all = path.join(dir, 'all');
    full = await build([...first, ...second], { out: all, jobs: 1 }, quiet);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps one graph input per document, equal to the one derived from its stored result', () => {
    const rows = query<{ result: string; input: string }>(all, 'SELECT d.result AS result, g.input AS input FROM documents d JOIN graph_inputs g ON g.doc = d.seq ORDER BY d.seq');
    assert.equal(rows.length, ITEMS.length + UPDATE.length);
    for (const row of rows) assert.deepEqual(JSON.parse(row.input), JSON.parse(JSON.stringify(graphInput(JSON.parse(row.result) as ExtractLine))));
  });

  it('the graph of the graph inputs is the graph of the full results', () => {
    const rows = query<{ origin: string; result: string; input: string }>(all, 'SELECT d.origin AS origin, d.result AS result, g.input AS input FROM documents d JOIN graph_inputs g ON g.doc = d.seq ORDER BY d.seq');
    const fromResults = new GraphAccumulator();
    const fromInputs = new GraphAccumulator();
    for (const row of rows) {
      fromResults.add({ ...(JSON.parse(row.result) as ExtractLine), origin: row.origin });
      fromInputs.add(JSON.parse(row.input) as ReturnType<typeof graphInput>);
    }
    const [a, b] = [fromResults.finish(), fromInputs.finish()];
    assert.ok(a.size >= 5, `${a.size} edges`);
    assert.equal(toJson(b), toJson(a));
  });

  it('graph inputs give the graph full results give, for any results (property)', () => {
    const ids = fc.constantFrom('putin', 'vladimir-putin', 'trump', 'kyiv', 'ceasefire');
    const entity = fc.record({
      id: ids,
      label: fc.constantFrom('Putin', 'Vladimir Putin', 'Trump', 'Kyiv', 'ceasefire', 'Mr Trump'),
      entityType: fc.constantFrom<EntityType>('person', 'place', 'other', 'country'),
      aliases: fc.array(fc.constantFrom('V. Putin', 'Donald Trump', 'Kiev'), { maxLength: 2 }),
      roles: fc.array(fc.constantFrom('President of Russia', 'envoy'), { maxLength: 1 }),
      wikidata: fc.option(fc.constantFrom('Q7747', 'Q22686'), { nil: undefined }),
    });
    const doc = fc.record({
      // Mentions of entities the document lists, and of some it does not.
      mentioned: fc.array(ids, { maxLength: 8 }),
      entities: fc.array(entity, { maxLength: 5 }),
      facts: fc.array(fc.record({ source: ids, target: ids, relation: fc.constantFrom<Relation>('met', 'urged', 'attacked'), negated: fc.boolean(), start: fc.nat(50) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 5 }), (docs) => {
        const results: DocumentResult[] = docs.map((d, i) => ({
          doc: `d${i}`, origin: `d${i}.txt`,
          mentions: d.mentioned.map((id, k) => ({ start: k, end: k + 1, text: id, entityType: 'person', entity: id, firstToken: k, lastToken: k, sentence: 0, rule: 'test' })),
          entities: d.entities.map((e) => (e.wikidata === undefined ? { ...e, wikidata: undefined } : e)).map(({ wikidata, ...e }) => (wikidata ? { ...e, wikidata } : e)),
          facts: d.facts.map((f) => ({ ...f, hypothetical: false, doc: `d${i}`, sentence: 'S.', end: f.start + 2, trigger: f.relation, rule: 'test' })),
        }));
        const fromResults = new GraphAccumulator();
        const fromInputs = new GraphAccumulator();
        for (const result of results) {
          fromResults.add(result);
          fromInputs.add(JSON.parse(JSON.stringify(graphInput(result))) as ReturnType<typeof graphInput>);
        }
        assert.equal(toJson(fromInputs.finish()), toJson(fromResults.finish()));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('keeps the layout of every connected component, and only those', () => {
    assert.ok(full.layout.components >= 5, `${full.layout.components} components`);
    assert.equal(full.layout.cached, 0);
    assert.equal(query(all, 'SELECT key FROM layouts').length, full.layout.components);
  });

  it('an update lays out again only the components that changed, and equals the full build', async () => {
    const updated = path.join(dir, 'updated');
    const before = await build(first, { out: updated, jobs: 1 }, quiet);
    const summary = await build(second, { out: updated, update: true, jobs: 1 }, quiet);
    // Japan–Brazil changed (one more fact), Peru–Ghana is new; the other components come from the store.
    assert.equal(summary.layout.components, before.layout.components + 1);
    assert.equal(summary.layout.cached, before.layout.components - 1);
    sameGraph(all, updated, 'update');
    // The store now keeps the layouts of this graph's components: the changed one's old layout is gone.
    assert.equal(query(updated, 'SELECT key FROM layouts').length, summary.layout.components);
    assert.deepEqual(query(updated, 'SELECT key FROM layouts ORDER BY key'), query(all, 'SELECT key FROM layouts ORDER BY key'));
  });

  it('a full rebuild takes the old store\'s layouts, and gives the bytes of a build in an empty directory', async () => {
    const rebuilt = path.join(dir, 'rebuilt');
    fs.cpSync(all, rebuilt, { recursive: true });
    const summary = await build([...first, ...second], { out: rebuilt, jobs: 1 }, quiet);
    assert.equal(summary.layout.cached, summary.layout.components);
    sameGraph(all, rebuilt, 'rebuild');
  });

  it('a damaged layout cache is laid out again: still the bytes of the full build', async () => {
    const damaged = path.join(dir, 'damaged');
    await build(first, { out: damaged, jobs: 1 }, quiet);
    const db = new Database(path.join(damaged, 'newsgraph.db'));
    try {
      db.prepare("UPDATE layouts SET positions = CASE WHEN rowid % 2 = 0 THEN '[0, 0]' ELSE 'not json' END").run();
    } finally {
      db.close();
    }
    const summary = await build(second, { out: damaged, update: true, jobs: 1 }, quiet);
    assert.equal(summary.layout.cached, 0);
    sameGraph(all, damaged, 'update over a damaged layout cache');
  });
});
