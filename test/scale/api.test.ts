// serve's store API: /api/evidence gives every sentence behind an edge (the same list graph.json
// holds, however many it keeps), /api/search finds evidence sentences by their words. Parameters
// are bound, so SQL or FTS syntax in a request is just text.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { build } from '../../src/pipeline';
import { startServer } from '../../src/serve';
import { API_LIMITS, StoreApi, ftsQuery, parseEdgeKey, type EvidenceItem, type SearchHit } from '../../src/store/api';
import type { Evidence } from '../../src/types';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(ROOT, 'graph-data', 'corpus');

interface GraphJson {
  edges: Array<{ key: string; attributes: { count: number; evidence: Evidence[] } }>;
}

function get(api: StoreApi, url: string): { status: number; body: Record<string, unknown> } {
  const answer = api.answer(url);
  assert.ok(answer, `${url} is an API path`);
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
}

const proof = (e: Evidence | EvidenceItem): string => JSON.stringify([e.doc, e.sentence, e.start, e.end, e.trigger, e.rule, e.reportedBy ?? null, e.antecedents ?? null]);

describe('scale: store API', function () {
  this.timeout(120_000);
  let dir: string;
  let graph: GraphJson;
  let api: StoreApi;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-'));
    await build([CORPUS], { out: dir, jobs: 1 }, { onWarning: (w) => assert.fail(`${w.file}: ${w.reason}`) });
    graph = JSON.parse(fs.readFileSync(path.join(dir, 'graph.json'), 'utf8')) as GraphJson;
    api = new StoreApi(dir);
  });
  after(() => {
    api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers only /api/ paths', () => {
    assert.equal(api.answer('/graph.json'), undefined);
    assert.equal(api.answer('/'), undefined);
    assert.equal(api.answer('/apis'), undefined);
    assert.equal(get(api, '/api/other').status, 404);
  });

  it('/api/evidence gives, for every edge, exactly the evidence graph.json lists, in the same order', () => {
    assert.ok(graph.edges.length > 10);
    // Antecedents too ("he", "the bloc" named earlier): the corpus has some.
    assert.ok(graph.edges.some((e) => e.attributes.evidence.some((ev) => ev.antecedents !== undefined)), 'evidence with antecedents');
    for (const edge of graph.edges) {
      const r = get(api, `/api/evidence?edge=${encodeURIComponent(edge.key)}&limit=${API_LIMITS.evidence.max}`);
      assert.equal(r.status, 200, edge.key);
      assert.equal(r.body.total, edge.attributes.count, edge.key);
      assert.deepEqual((r.body.evidence as EvidenceItem[]).map(proof), edge.attributes.evidence.map(proof), edge.key);
    }
  });

  it('pages with offset and limit, and clamps limit', () => {
    const edge = graph.edges.find((e) => e.attributes.count >= 2);
    assert.ok(edge, 'an edge with two sentences');
    const key = encodeURIComponent(edge.key);
    const first = get(api, `/api/evidence?edge=${key}&limit=1`).body;
    const second = get(api, `/api/evidence?edge=${key}&limit=1&offset=1`).body;
    assert.deepEqual([first.offset, first.limit, second.offset], [0, 1, 1]);
    assert.deepEqual([...(first.evidence as EvidenceItem[]), ...(second.evidence as EvidenceItem[])].map(proof), edge.attributes.evidence.slice(0, 2).map(proof));
    assert.equal(get(api, `/api/evidence?edge=${key}&limit=99999`).body.limit, API_LIMITS.evidence.max);
  });

  it('400 for a missing or malformed edge or number, 404 for an edge with no evidence', () => {
    const cases: Array<[string, number]> = [
      ['/api/evidence', 400],
      ['/api/evidence?edge=', 400],
      ['/api/evidence?edge=a|b', 400],
      ['/api/evidence?edge=a|flew|b', 400],
      [`/api/evidence?edge=${encodeURIComponent('a|met|b|hypothetical|negated')}`, 400],
      [`/api/evidence?edge=${encodeURIComponent('a|met|b')}&limit=-1`, 400],
      [`/api/evidence?edge=${encodeURIComponent('a|met|b')}&offset=x`, 400],
      [`/api/evidence?edge=${encodeURIComponent('nobody|met|no-one')}`, 404],
      ['/api/search', 400],
      ['/api/search?q=%20%2B%2B%20', 400],
    ];
    for (const [url, status] of cases) assert.equal(get(api, url).status, status, url);
  });

  it('/api/search finds evidence sentences by their words and names the edges they prove', () => {
    const r = get(api, '/api/search?q=ceasefire');
    assert.equal(r.status, 200);
    const hits = r.body.hits as SearchHit[];
    assert.ok(hits.length > 0);
    const keys = new Set(graph.edges.map((e) => e.key));
    for (const hit of hits) {
      assert.match(hit.sentence, /cease-?fire/i);
      assert.ok(hit.edges.length > 0, hit.sentence);
      for (const key of hit.edges) assert.ok(keys.has(key), `${key} is an edge of graph.json`);
    }
    assert.ok((get(api, '/api/search?q=ceasefire&limit=1').body.hits as unknown[]).length === 1);
    // All words must occur.
    for (const hit of get(api, '/api/search?q=Putin%20ceasefire').body.hits as SearchHit[]) assert.match(hit.sentence, /Putin/);
  });

  it('SQL and FTS5 syntax in requests is only text: no error, no effect', () => {
    const attacks = [
      "'; DROP TABLE facts; --",
      '" OR 1=1 --',
      'ceasefire NEAR(putin) OR *',
      'sentences_fts MATCH',
      ')(',
      '\u0000',
    ];
    for (const q of attacks) {
      const r = get(api, `/api/search?q=${encodeURIComponent(q)}`);
      assert.ok(r.status === 200 || r.status === 400, `${q}: ${r.status}`);
    }
    const edgeAttack = get(api, `/api/evidence?edge=${encodeURIComponent("x' OR '1'='1|met|y")}`);
    assert.equal(edgeAttack.status, 404);
    const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
    try {
      assert.ok(Number(db.prepare('SELECT count(*) FROM facts').pluck().get()) > 0, 'facts still there');
    } finally {
      db.close();
    }
  });

  it('reads the new store after a rebuild replaces it', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-rebuild-'));
    try {
      const first = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()[0] as string;
      await build([path.join(CORPUS, first)], { out: other, jobs: 1 }, { onWarning: () => undefined });
      const reader = new StoreApi(other);
      const before = (get(reader, '/api/search?q=ceasefire&limit=100').body.hits as SearchHit[]).length;
      await build([CORPUS], { out: other, jobs: 1 }, { onWarning: () => undefined });
      const after = (get(reader, '/api/search?q=ceasefire&limit=100').body.hits as SearchHit[]).length;
      reader.close();
      assert.ok(after > before, `${before} → ${after} hits`);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('is served by `newsgraph serve` as JSON with the security headers', async () => {
    const viewer = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-viewer-'));
    fs.writeFileSync(path.join(viewer, 'index.html'), '<!doctype html><title>t</title>');
    const server = await startServer({ dir, viewerDir: viewer, port: 0, host: '127.0.0.1' });
    try {
      const edge = graph.edges[0];
      assert.ok(edge);
      const reply = await new Promise<{ status: number; type: string; csp: string; body: string }>((resolve, reject) => {
        http.get(`${server.url}api/evidence?edge=${encodeURIComponent(edge.key)}`, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), csp: String(res.headers['content-security-policy']), body }));
        }).on('error', reject);
      });
      assert.equal(reply.status, 200);
      assert.match(reply.type, /^application\/json/);
      assert.match(reply.csp, /default-src 'self'/);
      assert.equal((JSON.parse(reply.body) as { total: number }).total, edge.attributes.count);
    } finally {
      await server.close();
      fs.rmSync(viewer, { recursive: true, force: true });
    }
  });
});

describe('scale: store API, evidence ties', function () {
  this.timeout(60_000);

  it('lists facts tied on document, place and trigger in store order, as graph.json does, also across a merge', async () => {
    // "Putin" merges into "Vladimir Putin"; the symmetric met edge then holds facts from both ids,
    // found by two SQL queries (one per direction) in the reverse of their order in the text.
    const sentence = 'Vladimir Putin met Donald Trump.';
    const fact = (source: string, target: string, rule: string): Record<string, unknown> => ({
      source, relation: 'met', target, negated: false, hypothetical: false, doc: 'd1', sentence, start: 0, end: sentence.length, trigger: 'met', rule,
    });
    const mention = (start: number, text: string, entity: string): Record<string, unknown> => ({ start, end: start + text.length, text, entityType: 'person', entity, firstToken: 0, lastToken: 1, sentence: 0, rule: 'test' });
    const line = {
      doc: 'd1', title: 'Talks',
      mentions: [mention(0, 'Vladimir Putin', 'vladimir-putin'), mention(19, 'Donald Trump', 'donald-trump'), mention(40, 'Putin', 'putin')],
      entities: [
        { id: 'vladimir-putin', label: 'Vladimir Putin', entityType: 'person', aliases: [], roles: [] },
        { id: 'donald-trump', label: 'Donald Trump', entityType: 'person', aliases: [], roles: [] },
        { id: 'putin', label: 'Putin', entityType: 'person', aliases: [], roles: [] },
      ],
      facts: [fact('vladimir-putin', 'donald-trump', 'rule-z'), fact('donald-trump', 'putin', 'rule-a')],
      hash: 'f'.repeat(40),
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-api-ties-'));
    try {
      const facts = path.join(dir, 'facts.ndjson');
      fs.writeFileSync(facts, `${JSON.stringify(line)}\n`);
      const out = path.join(dir, 'out');
      await build([facts], { out, fromFacts: true, jobs: 1 }, { onWarning: (w) => assert.fail(`${w.file}: ${w.reason}`) });
      const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as GraphJson;
      const edge = graph.edges.find((e) => e.key === 'donald-trump|met|vladimir-putin');
      assert.ok(edge, 'one met edge after the merge');
      assert.deepEqual(edge.attributes.evidence.map((e) => e.rule), ['rule-z', 'rule-a'], 'graph.json keeps store order for ties');
      const api = new StoreApi(out);
      try {
        const r = get(api, `/api/evidence?edge=${encodeURIComponent(edge.key)}`);
        assert.deepEqual((r.body.evidence as EvidenceItem[]).map(proof), edge.attributes.evidence.map(proof));
      } finally {
        api.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scale: API parsing', () => {
  it('reads only canonical edge keys', () => {
    assert.deepEqual(parseEdgeKey('a|met|b'), { source: 'a', relation: 'met', target: 'b', negated: false, hypothetical: false });
    assert.deepEqual(parseEdgeKey('a|accepted|b|negated|hypothetical'), { source: 'a', relation: 'accepted', target: 'b', negated: true, hypothetical: true });
    for (const bad of ['', 'a', 'a|met', '|met|b', 'a|met|', 'a|nope|b', 'a|met|b|', 'a|met|b|negated|negated', 'a|met|b|hypothetical|negated', 'a|met|b|x']) {
      assert.equal(parseEdgeKey(bad), undefined, bad);
    }
  });

  it('turns a search into quoted terms, none of them FTS5 syntax', () => {
    assert.equal(ftsQuery('Putin  ceasefire!'), '"Putin" "ceasefire"');
    assert.equal(ftsQuery('"a" OR b*'), '"a" "OR" "b"');
    assert.equal(ftsQuery('Zelensky’s día'), '"Zelensky" "s" "día"');
    assert.equal(ftsQuery('  -- ; '), undefined);
    assert.equal(ftsQuery(Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '))?.split(' ').length, API_LIMITS.queryTerms);
  });
});
