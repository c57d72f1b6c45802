// Evidence.antecedents end to end: where a fact's "he", "the minister" or "the bloc" is named.
// Extraction (property): every antecedent span slices the document to its text and lies on a
// mention of the same entity as the fact's end. Graph: carried into graph.json's evidence, keyed by
// the edge's ends. Store: kept per fact and read back the same; a store of the schema before them
// is rebuilt, never updated or read. Texts are written for these tests (invented people).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { InputError } from '../src/errors';
import { GraphAccumulator, graphInput } from '../src/graph';
import { antecedentsColumn, canonicalAntecedents, edgeAntecedents, readAntecedentsColumn } from '../src/graph/antecedents';
import { build } from '../src/pipeline';
import { STORE_FILE, StoreCache, StoreWriter } from '../src/store';
import { StoreApi } from '../src/store/api';
import { lineProblem } from '../src/store/from-facts';
import { SCHEMA_VERSION } from '../src/store/schema';
import { StoreEvidence } from '../src/store/stream';
import type { DocumentResult, Fact, TextSpan } from '../src/types';
import { extractText } from './helpers/extract';

// ---------------------------------------------------------------------------------------------------
// Texts

const MEN = ['John Carter', 'Peter Novak', 'David Brandt', 'Tomas Berger'];
const WOMEN = ['Anna Keller', 'Maria Lopez', 'Laura Stein', 'Elena Costa'];
const COUNTRIES = ['France', 'Germany', 'Japan', 'Kenya', 'Brazil', 'Canada', 'Norway', 'Chile'];
const BLOCS = ['The European Union', 'NATO', 'The African Union'];
const CITIES = ['Geneva', 'Vienna', 'Oslo', 'Lisbon'];

/** Table texts: each has an end named by a pronoun or a description. */
const TABLE: readonly string[] = [
  'Germany\'s Chancellor Anna Keller arrived in Oslo on Monday. She met Norway\'s Prime Minister John Carter and urged him to raise spending.',
  'John Carter flew to Lisbon. Later he criticised Brazil over the delay, and the minister accused Chile of breaking the deal.',
  'The European Union met in Vienna. The bloc imposed sanctions on Kenya on Tuesday.',
  'France\'s Foreign Minister Peter Novak met Japan\'s Foreign Minister Maria Lopez in Geneva. He urged Japan to accept the proposal.',
  'NATO warned Chile. The alliance said it would sanction Chile if the attacks went on.',
  'President Laura Stein of Canada visited Germany. The president praised Germany for its help.',
  'Kenya and Brazil held talks in Geneva. David Brandt said they had agreed on a ceasefire, and he thanked Norway.',
];

const name = fc.constantFrom(...MEN, ...WOMEN);
const country = fc.constantFrom(...COUNTRIES);
const city = fc.constantFrom(...CITIES);

/** An opening that names someone, then sentences that may refer back to them. */
const opening = fc.oneof(
  fc.tuple(country, name, country, name, city).map(([c1, p1, c2, p2, where]) => `${c1}'s Foreign Minister ${p1} met ${c2}'s Foreign Minister ${p2} in ${where} on Monday.`),
  fc.tuple(name, city).map(([p, where]) => `${p} arrived in ${where} on Friday.`),
  fc.tuple(fc.constantFrom(...BLOCS), country).map(([bloc, c]) => `${bloc} warned ${c} about the border.`),
  fc.tuple(country, name).map(([c, p]) => `President ${p} of ${c} gave a speech.`),
);
const subject = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('He', 'She', 'They', 'It', 'The minister', 'The president', 'The bloc', 'The alliance', 'The group', 'The two leaders') },
  { weight: 2, arbitrary: name },
  { weight: 1, arbitrary: country },
);
const object = fc.oneof({ weight: 3, arbitrary: country }, { weight: 2, arbitrary: name }, { weight: 2, arbitrary: fc.constantFrom('him', 'her', 'them', 'it', 'the minister', 'the bloc') });
const followUp = fc.tuple(subject, fc.constantFrom('urged', 'criticised', 'accused', 'met', 'praised', 'thanked', 'warned', 'called on', 'visited', 'imposed sanctions on'), object, fc.constantFrom('.', ' to sign the deal.', ' of delaying the talks.', ' on Tuesday.', ' over the delay.'))
  .map(([s, v, o, tail]) => `${s} ${v} ${o}${tail}`);
const generated = fc.tuple(opening, fc.array(followUp, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '\n', '\n\n')).map(([first, rest, sep]) => [first, ...rest].join(sep));

// ---------------------------------------------------------------------------------------------------
// The law

interface Broken {
  text: string;
  fact: string;
  end: 'source' | 'target';
  span: TextSpan;
  why: string;
}

/** Every antecedent of every fact: slices the text to its `text`, and lies on a mention of the fact's end. */
function brokenAntecedents(text: string, result: DocumentResult): Broken[] {
  const broken: Broken[] = [];
  for (const f of result.facts) {
    for (const end of ['source', 'target'] as const) {
      const span = f.antecedents?.[end];
      if (!span) continue;
      const fact = `${f.source} ${f.relation} ${f.target} «${f.sentence}»`;
      if (text.slice(span.start, span.end) !== span.text) broken.push({ text, fact, end, span, why: `slices to ${JSON.stringify(text.slice(span.start, span.end))}` });
      else if (!result.mentions.some((m) => m.entity === f[end] && m.start <= span.start && span.end <= m.end)) {
        const on = result.mentions.filter((m) => m.start < span.end && span.start < m.end).map((m) => m.entity);
        broken.push({ text, fact, end, span, why: `no mention of ${f[end]} there (mentions there: ${on.join(', ') || 'none'})` });
      }
    }
  }
  return broken;
}

const withAntecedents = (r: DocumentResult): Fact[] => r.facts.filter((f) => f.antecedents !== undefined);

describe('antecedents: extraction', function () {
  this.timeout(300_000);

  it('table texts: facts whose end is a pronoun or description name it, on a mention of that entity', () => {
    let named = 0;
    const broken: Broken[] = [];
    for (const text of TABLE) {
      const result = extractText(text);
      named += withAntecedents(result).length;
      broken.push(...brokenAntecedents(text, result));
    }
    assert.deepEqual(broken, []);
    assert.ok(named >= TABLE.length / 2, `${named} facts with antecedents in ${TABLE.length} texts`);
  });

  it('generated texts: every antecedent slices the text to its text and lies on a mention of the same entity (property)', () => {
    let named = 0;
    fc.assert(
      fc.property(generated, (text) => {
        const result = extractText(text);
        named += withAntecedents(result).length;
        assert.deepEqual(brokenAntecedents(text, result), []);
      }),
      { numRuns: 1000, seed: 17 },
    );
    assert.ok(named >= 100, `${named} facts with antecedents over the run: the law was tested`);
  });
});

// ---------------------------------------------------------------------------------------------------
// Graph

const span = (start: number, text: string): TextSpan => ({ start, end: start + text.length, text });

function result(facts: Partial<Fact>[]): DocumentResult {
  const sentence = 'He met her, and he urged her to go.';
  return {
    doc: 'd1', origin: 'd1',
    mentions: [
      { start: 0, end: 9, text: 'Anna Beck', entity: 'anna-beck', entityType: 'person', rule: 'test' },
      { start: 10, end: 19, text: 'Zed Moore', entity: 'zed-moore', entityType: 'person', rule: 'test' },
    ],
    entities: [
      { id: 'anna-beck', label: 'Anna Beck', entityType: 'person', aliases: [], roles: [] },
      { id: 'zed-moore', label: 'Zed Moore', entityType: 'person', aliases: [], roles: [] },
    ],
    facts: facts.map((f, i) => ({
      source: 'zed-moore', relation: 'met', target: 'anna-beck', negated: false, hypothetical: false,
      doc: 'd1', sentence, start: 20, end: 20 + sentence.length, trigger: `t${i}`, rule: 'test', ...f,
    })),
  };
}

describe('antecedents: graph', () => {
  const zed = span(10, 'Zed Moore');
  const anna = span(0, 'Anna Beck');

  it('evidence keeps them, keyed by the edge\'s ends: a symmetric fact written the other way round swaps them', () => {
    for (const stored of [false, true]) {
      const acc = new GraphAccumulator();
      const r = result([
        { antecedents: { source: zed } },
        { relation: 'urged', antecedents: { source: zed, target: anna } },
        { relation: 'urged', trigger: 'plain' },
      ]);
      // The store's path: the graph input, through JSON.
      acc.add(stored ? (JSON.parse(JSON.stringify(graphInput(r))) as ReturnType<typeof graphInput>) : r);
      const graph = acc.finish();
      // "met" is symmetric: its edge runs anna-beck → zed-moore, so Zed's antecedent is the edge's target's.
      assert.deepEqual(graph.getEdgeAttribute('anna-beck|met|zed-moore', 'evidence').map((e) => e.antecedents), [{ target: zed }]);
      assert.deepEqual(graph.getEdgeAttribute('zed-moore|urged|anna-beck', 'evidence').map((e) => e.antecedents ?? null), [null, { source: zed, target: anna }]);
      // The key is left out, not written as undefined (graph.json stays the same bytes as before for such facts).
      assert.ok(!('antecedents' in (graph.getEdgeAttribute('zed-moore|urged|anna-beck', 'evidence')[0] ?? {})));
    }
  });

  it('the shared helpers: canonical key order, swap, the store column and back', () => {
    const messy = { target: { text: 'Anna Beck', end: 9, start: 0 }, source: { end: 19, text: 'Zed Moore', start: 10 } } as unknown as NonNullable<Fact['antecedents']>;
    assert.equal(JSON.stringify(canonicalAntecedents(messy)), JSON.stringify({ source: zed, target: anna }));
    assert.deepEqual(edgeAntecedents({ source: zed }, true), { target: zed });
    assert.deepEqual(edgeAntecedents({ source: zed }, false), { source: zed });
    assert.equal(antecedentsColumn(undefined), null);
    assert.equal(antecedentsColumn({}), null);
    assert.deepEqual(readAntecedentsColumn(antecedentsColumn(messy)), { source: zed, target: anna });
    assert.equal(readAntecedentsColumn('{"source":{"start":"x"}}'), undefined);
    assert.equal(readAntecedentsColumn('not json'), undefined);
  });

  it('--from-facts refuses a line whose antecedents are not spans, naming the fact', () => {
    const line = (antecedents: unknown): unknown => ({ ...result([{ antecedents: antecedents as Fact['antecedents'] }]), origin: undefined });
    assert.equal(lineProblem(line({ source: zed })), undefined);
    assert.match(lineProblem(line({ source: { start: 1, end: 2 } })) ?? '', /^facts\[0\]\.antecedents: source needs start, end/);
    assert.match(lineProblem(line({ speaker: zed })) ?? '', /^facts\[0\]\.antecedents: unknown key "speaker"/);
    assert.match(lineProblem(line(null)) ?? '', /^facts\[0\]\.antecedents: not an object/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Store

describe('antecedents: store', function () {
  this.timeout(300_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-antecedents-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps each fact\'s antecedents and gives them back: store rows, graph.json, /api/evidence', async () => {
    const corpus = path.join(root, 'corpus');
    fs.mkdirSync(corpus);
    TABLE.forEach((text, i) => fs.writeFileSync(path.join(corpus, `t${i}.txt`), `Item ${i}\n\n${text}\n`));
    const out = path.join(root, 'out');
    await build([corpus], { out, jobs: 1 }, { onWarning: (w) => assert.fail(`${w.file}: ${w.reason}`) });
    const db = new Database(path.join(out, STORE_FILE), { readonly: true });
    let stored = 0;
    try {
      assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), SCHEMA_VERSION);
      const docs = db.prepare('SELECT seq, id, text FROM documents ORDER BY seq').all() as Array<{ seq: number; id: string; text: string }>;
      const column = db.prepare('SELECT antecedents FROM facts WHERE doc = ? ORDER BY ord').pluck();
      for (const d of docs) {
        const extracted = extractText(d.text, d.id).facts.map((f) => antecedentsColumn(f.antecedents));
        const rows = column.all(d.seq) as (string | null)[];
        assert.deepEqual(rows, extracted, d.id);
        stored += rows.filter((r) => r !== null).length;
      }
    } finally {
      db.close();
    }
    assert.ok(stored >= TABLE.length / 2, `${stored} facts with antecedents stored`);
    // graph.json and the API list the same antecedents for every edge.
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { edges: Array<{ key: string; attributes: { evidence: Fact[] } }> };
    const api = new StoreApi(out);
    try {
      let shown = 0;
      for (const edge of graph.edges) {
        const answer = api.answer(`/api/evidence?edge=${encodeURIComponent(edge.key)}&limit=500`);
        const items = (JSON.parse(answer?.body ?? '{}') as { evidence: Fact[] }).evidence;
        assert.deepEqual(items.map((e) => e.antecedents ?? null), edge.attributes.evidence.map((e) => e.antecedents ?? null), edge.key);
        shown += items.filter((e) => e.antecedents).length;
      }
      assert.ok(shown > 0);
    } finally {
      api.close();
    }
  });

  it('a store of the schema before antecedents is rebuilt by --out, refused by --update, not read by serve or export', async () => {
    const corpus = path.join(root, 'old-corpus');
    fs.mkdirSync(corpus);
    fs.writeFileSync(path.join(corpus, 'a.txt'), `${TABLE[0] ?? ''}\n`);
    const out = path.join(root, 'old');
    await build([corpus], { out, jobs: 1 }, { onWarning: () => undefined });
    const file = path.join(out, STORE_FILE);
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '2' WHERE key = 'schema'").run();
    db.close();
    assert.throws(() => StoreWriter.update(out), (e: unknown) => e instanceof InputError && new RegExp(`schema 2, this newsgraph writes ${SCHEMA_VERSION}: rebuild it with --out`).test(e.reason));
    assert.equal(StoreCache.open(out), undefined, 'no extraction cache from another schema');
    assert.throws(() => StoreEvidence.open(out), (e: unknown) => e instanceof InputError && /schema 2/.test(e.reason));
    const api = new StoreApi(out);
    assert.equal(api.answer('/api/search?q=Oslo')?.status, 404);
    api.close();
    await assert.rejects(build([corpus], { out, jobs: 1, update: true }, { onWarning: () => undefined }), /schema 2/);
    // A full build writes the current schema over it.
    const summary = await build([corpus], { out, jobs: 1 }, { onWarning: () => undefined });
    assert.equal(summary.outcomes.cached, 0, 'nothing taken from the old store');
    const rebuilt = new Database(file, { readonly: true });
    try {
      assert.equal(rebuilt.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), SCHEMA_VERSION);
    } finally {
      rebuilt.close();
    }
  });
});
