// A long document's extract line is kept in the store in the pieces it was joined from
// (extract-parts.ts JoinedLine, store table line_pieces): one part's mentions are parsed and written
// at a time, so the 23 MB line of a 10 MB text is never bound, copied or parsed whole. Whatever
// reads the store back must see what the line stored whole gives: the same rows, the same line
// from the cache, the same graph from a rebuild, an update or two threads.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createExtractor, documentLine } from '../../src/extract';
import { lineOf, type JoinedLine } from '../../src/extract-parts';
import { GUARD_LIMITS } from '../../src/nlp/guard';
import { build } from '../../src/pipeline';
import { STORE_FILE, StoreCache, StoreWriter, TEXT_PIECE_CHARS, textPieces } from '../../src/store';
import { removeTmpDirs, tmpDir } from './helpers';

const SENTENCES = [
  'German Chancellor Olaf Scholz met Polish President Andrzej Duda in Warsaw on Monday.',
  'Duda urged Scholz to send more tanks to Ukraine, officials in Berlin said.',
  'Russia accused Poland of provoking the conflict.',
  'The talks, which lasted four hours, ended without an agreement on the border.',
  // a name outside Latin-1: the line must keep it wherever it falls
  'Iran said the governor of Gīlān had met the Turkish envoy in Rasht.',
];

/** Prose of about `chars` characters, in paragraphs: several parts of the guard's size. */
function prose(chars: number): string {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += SENTENCES[i % SENTENCES.length] + (i % 4 === 3 ? '\n\n' : ' ');
  return out;
}

const quiet = { onWarning: (w: { file: string; reason: string }) => assert.fail(`${w.file}: ${w.reason}`) };

/** Every table's rows as they read back, the generation and the ways a line is kept left out. */
function rows(dir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
  try {
    const all = (sql: string): unknown[] => db.prepare(sql).all();
    return {
      documents: all('SELECT seq, id, hash, cache_key, pipeline, title, date, url, origin, text FROM documents ORDER BY seq'),
      mentions: all('SELECT * FROM mentions ORDER BY rowid'),
      sentences: all('SELECT * FROM sentences ORDER BY id'),
      facts: all('SELECT * FROM facts ORDER BY id'),
      graphInputs: all('SELECT * FROM graph_inputs ORDER BY doc'),
      merges: all('SELECT * FROM merges ORDER BY id'),
      layouts: all('SELECT * FROM layouts ORDER BY key'),
      meta: all("SELECT * FROM meta WHERE key <> 'generation' ORDER BY key"),
    };
  } finally {
    db.close();
  }
}

/** Deep equality without a diff of ten thousand rows of text. */
function same(actual: unknown, expected: unknown, what: string): void {
  assert.ok(JSON.stringify(actual) === JSON.stringify(expected), `${what} differ`);
}

const lineText = (line: string | JoinedLine | undefined): string | undefined => (line === undefined || typeof line === 'string' ? line : lineOf(line));

describe('a long document is stored in pieces and reads back whole', function () {
  this.timeout(300_000);
  let root: string;
  let long: string;
  let short: string;
  let text: string;
  let built: string;

  before(async () => {
    root = tmpDir('long-document');
    text = prose(GUARD_LIMITS.partChars * 2.5);
    long = path.join(root, 'long.txt');
    short = path.join(root, 'short.txt');
    fs.writeFileSync(long, text);
    fs.writeFileSync(short, 'France accused Germany of blocking the budget talks in Brussels.\n');
    built = path.join(root, 'built');
    await build([short, long], { out: built, jobs: 1 }, quiet);
  });
  after(() => removeTmpDirs());

  it('keeps the long line in pieces whose join is the line extract prints', () => {
    const db = new Database(path.join(built, STORE_FILE), { readonly: true });
    const docs = db.prepare('SELECT id, cache_key AS key, result IS NULL AS pieced FROM documents ORDER BY seq').all() as Array<{ id: string; key: string; pieced: number }>;
    const kinds = db.prepare('SELECT kind FROM line_pieces ORDER BY doc, ord').pluck().all() as string[];
    db.close();
    assert.deepEqual(docs.map((d) => [d.id, d.pieced]), [['short.txt', 0], ['long.txt', 1]]);
    assert.equal(kinds[0], 'head');
    assert.ok(kinds.filter((k) => k === 'mentions').length >= 3, 'one mentions piece per part');
    const cache = StoreCache.open(built);
    assert.ok(cache);
    try {
      const key = docs[1]?.key ?? '';
      const source = { id: 'long.txt', text, origin: long };
      assert.equal(lineText(cache.get(key)), documentLine(createExtractor()(source), source));
    } finally {
      cache.close();
    }
  });

  it('writes the rows the line stored whole gives', () => {
    // The same documents put with their lines as one string each (what the store did before).
    const whole = path.join(root, 'whole');
    const from = new Database(path.join(built, STORE_FILE), { readonly: true });
    const docs = from.prepare('SELECT * FROM documents ORDER BY seq').all() as Array<Record<string, string | null> & { seq: number }>;
    const cache = StoreCache.open(built);
    assert.ok(cache);
    const store = StoreWriter.create(whole);
    for (const d of docs) {
      const line = lineText(cache.get(d.cache_key ?? ''));
      assert.ok(line !== undefined);
      const metadata = { ...(d.title ? { title: d.title } : {}), ...(d.date ? { date: d.date } : {}), ...(d.url ? { url: d.url } : {}) };
      store.put({ id: String(d.id), hash: String(d.hash), cacheKey: d.cache_key ?? null, pipeline: d.pipeline ?? null, ...metadata, origin: String(d.origin), text: d.text ?? null, line });
    }
    cache.close();
    from.close();
    store.commit();
    store.publish();
    const [a, b] = [rows(built), rows(whole)];
    for (const table of ['documents', 'mentions', 'sentences', 'facts', 'graphInputs'] as const) same(a[table], b[table], table);
  });

  it('a rebuild from the pieces as cache, an update and two threads give the same bytes', async () => {
    const expected = rows(built);
    const graph = fs.readFileSync(path.join(built, 'graph.json'));
    const again = await build([short, long], { out: built, jobs: 1 }, quiet);
    assert.equal(again.outcomes.cached, 2);
    same(rows(built), expected, 'the rebuilt store and the first');
    assert.ok(fs.readFileSync(path.join(built, 'graph.json')).equals(graph), 'graph.json rebuilt');

    const updated = path.join(root, 'updated');
    await build([short], { out: updated, jobs: 1 }, quiet);
    await build([long], { out: updated, jobs: 1, update: true }, quiet);
    same(rows(updated), expected, 'the updated store and the built one');
    assert.ok(fs.readFileSync(path.join(updated, 'graph.json')).equals(graph), 'graph.json updated');

    const threads = path.join(root, 'threads');
    await build([short, long], { out: threads, jobs: 2 }, quiet);
    same(rows(threads), expected, 'the store of two threads and of one');
    assert.ok(fs.readFileSync(path.join(threads, 'graph.json')).equals(graph), 'graph.json of two threads');
  });
});

describe('a long text is stored in slices', () => {
  after(() => removeTmpDirs());

  it('slices a text into pieces that join into it, none longer than asked, no surrogate pair cut (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (text, size) => {
        const pieces = textPieces(text, size);
        assert.equal(pieces.join(''), text);
        for (const [i, piece] of pieces.entries()) {
          assert.ok(piece.length >= 1 && piece.length <= size);
          const next = pieces[i + 1];
          if (next !== undefined && size > 1) assert.ok(!/[\ud800-\udbff]$/.test(piece) || !/^[\udc00-\udfff]/.test(next), 'a pair cut in two');
        }
      }),
      { numRuns: 300, seed: 2020 },
    );
  });

  it('writes a text longer than a slice as slices, and gives it back whole to extract again', () => {
    const dir = tmpDir('text-pieces');
    // an emoji (a surrogate pair) across the first cut
    const text = `${'a'.repeat(TEXT_PIECE_CHARS - 1)}\u{1F600}${'Merkel met Macron in Paris. '.repeat(60_000)}`;
    const store = StoreWriter.create(dir);
    const line = JSON.stringify({ doc: 'big', mentions: [], entities: [], facts: [], hash: 'h' });
    store.put({ id: 'big', hash: 'h', cacheKey: 'k', pipeline: 'p', origin: 'big.txt', text, line });
    store.put({ id: 'small', hash: 'h2', cacheKey: 'k2', pipeline: 'p', origin: 'small.txt', text: 'Short.', line: line.replace('big', 'small') });
    store.commit();
    store.publish();
    const db = new Database(path.join(dir, STORE_FILE), { readonly: true });
    assert.deepEqual(db.prepare('SELECT text FROM documents ORDER BY seq').pluck().all(), [null, 'Short.']);
    assert.equal(db.prepare('SELECT count(*) FROM text_pieces WHERE doc = 1').pluck().get(), Math.ceil(text.length / TEXT_PIECE_CHARS));
    db.close();
    const again = StoreWriter.update(dir);
    try {
      assert.ok(again.source(1)?.text === text, 'the long text whole');
      assert.equal(again.source(2)?.text, 'Short.');
    } finally {
      again.rollback();
    }
    // Replaced (an update with a new text under the same id): the old slices go, in one transaction.
    const replaced = StoreWriter.update(dir);
    const shorter = 'b'.repeat(TEXT_PIECE_CHARS + 10);
    replaced.put({ id: 'big', hash: 'h3', cacheKey: 'k3', pipeline: 'p', origin: 'big.txt', text: shorter, line: line.replace('"h"', '"h3"') });
    replaced.put({ id: 'small', hash: 'h4', cacheKey: 'k4', pipeline: 'p', origin: 'small.txt', text: text, line: line.replace('big', 'small') });
    replaced.commit();
    const after = new Database(path.join(dir, STORE_FILE), { readonly: true });
    assert.deepEqual(after.prepare('SELECT doc, count(*) AS n FROM text_pieces GROUP BY doc ORDER BY doc').all(), [{ doc: 1, n: 2 }, { doc: 2, n: 3 }]);
    after.close();
    const read = StoreWriter.update(dir);
    try {
      assert.ok(read.source(1)?.text === shorter && read.source(2)?.text === text, 'each text as replaced');
    } finally {
      read.rollback();
    }
  });
});
