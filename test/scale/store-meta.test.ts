// What the store remembers so that an update does not redo work whose inputs have not changed:
// the extraction code's hash (with the signature of the files it hashed) and the gazetteer labels
// of its pipeline version. Each is used only while what it was computed from is unchanged.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { build } from '../../src/pipeline';
import { extractionCodeHash, parseCodeHash } from '../../src/store';

const quiet = { onWarning: (w: { file: string; reason: string }) => assert.fail(`${w.file}: ${w.reason}`) };

function meta(dir: string, key: string): string | undefined {
  const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
  try {
    return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  } finally {
    db.close();
  }
}

function setMeta(dir: string, key: string, value: string): void {
  const db = new Database(path.join(dir, 'newsgraph.db'));
  try {
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(value, key);
  } finally {
    db.close();
  }
}

describe('scale: what the store remembers for updates', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-store-meta-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the extraction code hash is taken from memory while no file changed size or time, and is of the content', () => {
    const root = path.join(dir, 'code');
    fs.mkdirSync(path.join(root, 'nlp'), { recursive: true });
    fs.writeFileSync(path.join(root, 'nlp', 'index.js'), 'exports.a = 1;\n');
    fs.writeFileSync(path.join(root, 'types.js'), 'exports.b = 2;\n');
    fs.writeFileSync(path.join(root, 'README.md'), 'not code: not hashed\n');
    const first = extractionCodeHash(undefined, root);
    const remembered = { signature: first.signature, hash: 'remembered' };
    assert.equal(extractionCodeHash(remembered, root).hash, 'remembered', 'same files: the remembered hash');
    fs.writeFileSync(path.join(root, 'README.md'), 'changed, but not code\n');
    assert.equal(extractionCodeHash(remembered, root).hash, 'remembered', 'a file outside the extraction code');

    const file = path.join(root, 'nlp', 'index.js');
    fs.writeFileSync(file, 'exports.a = 10;\n');
    const changed = extractionCodeHash(remembered, root);
    assert.notEqual(changed.hash, 'remembered');
    assert.notEqual(changed.hash, first.hash, 'a changed rule changes the hash');

    // Back to the first content with a new modification time: hashed again, and equal to the first hash.
    fs.writeFileSync(file, 'exports.a = 1;\n');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const again = extractionCodeHash({ signature: changed.signature, hash: 'stale' }, root);
    assert.notEqual(again.signature, first.signature);
    assert.equal(again.hash, first.hash);
  });

  it('parseCodeHash takes only a well-formed memory', () => {
    assert.deepEqual(parseCodeHash('{"signature":"s","hash":"h"}'), { signature: 's', hash: 'h' });
    for (const bad of [undefined, '', 'not json', 'null', '{"signature":1,"hash":"h"}', '{"hash":"h"}']) assert.equal(parseCodeHash(bad), undefined, String(bad));
  });

  it('a build keeps the code hash and its version\'s gazetteer labels; an update uses them only for that version', async () => {
    const corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus, { recursive: true });
    const a = path.join(corpus, 'a.txt');
    const b = path.join(corpus, 'b.txt');
    fs.writeFileSync(a, 'Vladimir Putin met Donald Trump in Helsinki.\n');
    fs.writeFileSync(b, 'Russia accused Ukraine of breaking the truce.\n');
    const out = path.join(dir, 'out');
    await build([a], { out, jobs: 1 }, quiet);
    const code = parseCodeHash(meta(out, 'code-hash'));
    assert.ok(code, 'the code hash is kept');
    assert.equal(code.hash, extractionCodeHash().hash);
    const kept = JSON.parse(meta(out, 'known-labels') ?? 'null') as { pipeline: string; labels: [string, string][] };
    assert.equal(kept.pipeline, meta(out, 'pipeline'));
    const russia = kept.labels.find(([id]) => id === 'russia');
    assert.deepEqual(russia, ['russia', 'Russia']);

    // The kept labels are what the update reads: a label changed in them shows in the graph…
    const relabelled = { pipeline: kept.pipeline, labels: kept.labels.map(([id, label]): [string, string] => [id, id === 'russia' ? 'Russian Federation' : label]) };
    setMeta(out, 'known-labels', JSON.stringify(relabelled));
    await build([b], { out, update: true, jobs: 1 }, quiet);
    const label = (): unknown => (JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { nodes: { key: string; attributes: { label: unknown } }[] }).nodes.find((n) => n.key === 'russia')?.attributes.label;
    assert.equal(label(), 'Russian Federation');

    // …but labels kept for another pipeline version are not: the gazetteer's are used, and kept anew.
    setMeta(out, 'known-labels', JSON.stringify({ ...relabelled, pipeline: 'another pipeline' }));
    fs.writeFileSync(path.join(corpus, 'c.txt'), 'Ukraine urged Russia to accept the ceasefire.\n');
    await build([path.join(corpus, 'c.txt')], { out, update: true, jobs: 1 }, quiet);
    assert.equal(label(), 'Russia');
    assert.equal((JSON.parse(meta(out, 'known-labels') ?? 'null') as { pipeline: string }).pipeline, meta(out, 'pipeline'));
  });
});
