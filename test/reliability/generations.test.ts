// Finding 3: a directory that mixes two builds. Killing a build right after graph.json was renamed
// used to leave graph.json new and graph.gexf and newsgraph.db old: each file valid, the set a lie.
// Now a build stages its files as one generation and commits by renaming the manifest. Here a
// build or an update is killed (SIGKILL, through the NEWSGRAPH_CRASH_AT hook) at each step of the
// commit in turn; after each kill a reader must find the previous generation whole or the new one
// whole, the next build must leave one whole generation, and nothing of the kill may stay behind.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { BIN, ROOT, requireBuiltCli, removeTmpDirs, spawnCli, tmpDir } from './helpers';

const CRASH_POINTS = ['staged', 'store', 'manifest', 'moved-newsgraph.db', 'moved-graph.gexf'] as const;

const FIRST = 'Talks in Geneva\n\nRussian President Vladimir Putin met French President Emmanuel Macron in Geneva on Monday.\n';
const SECOND = 'A new appeal\n\nGerman Chancellor Olaf Scholz urged Turkey to accept the ceasefire proposed by Poland.\n';

function buildKilledAt(point: string, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', ...args, '--jobs', '1', '-q'], { cwd: ROOT, env: { ...process.env, NEWSGRAPH_CRASH_AT: point }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

interface Snapshot {
  json: string;
  gexf: string;
}

function snapshot(dir: string): Snapshot {
  return { json: fs.readFileSync(path.join(dir, 'graph.json'), 'utf8'), gexf: fs.readFileSync(path.join(dir, 'graph.gexf'), 'utf8') };
}

function storeDocuments(dir: string): number {
  const db = new Database(path.join(dir, 'newsgraph.db'), { readonly: true });
  try {
    assert.equal(db.pragma('quick_check', { simple: true }), 'ok');
    return Number(db.prepare('SELECT count(*) FROM documents').pluck().get());
  } finally {
    db.close();
  }
}

function documentCount(json: string): number {
  return (JSON.parse(json) as { attributes: { documentCount: number } }).attributes.documentCount;
}

describe('generations: a build killed at any step of its commit leaves one whole generation', function () {
  this.timeout(300_000);
  let root: string;
  let first: string;
  let second: string;
  let old: Snapshot;
  let fresh: Snapshot;

  before(() => {
    requireBuiltCli();
    root = tmpDir('generations');
    first = path.join(root, 'first.txt');
    second = path.join(root, 'second.txt');
    fs.writeFileSync(first, FIRST);
    fs.writeFileSync(second, SECOND);
    const a = path.join(root, 'ref-a');
    const ab = path.join(root, 'ref-ab');
    assert.equal(spawnCli(['build', first, '--out', a, '--jobs', '1', '-q']).code, 0);
    assert.equal(spawnCli(['build', first, second, '--out', ab, '--jobs', '1', '-q']).code, 0);
    old = snapshot(a);
    fresh = snapshot(ab);
    assert.notEqual(old.json, fresh.json);
  });
  after(removeTmpDirs);

  for (const mode of ['build --out', 'build --update'] as const) {
    for (const point of CRASH_POINTS) {
      it(`${mode}, killed at "${point}": readers see one generation; the next build repairs`, async () => {
        const dir = path.join(root, `${mode.replace(/\W+/g, '-')}-${point}`);
        assert.equal(spawnCli(['build', first, '--out', dir, '--jobs', '1', '-q']).code, 0);
        const args = mode === 'build --out' ? [first, second, '--out', dir] : [second, '--update', dir];
        const killed = await buildKilledAt(point, args);
        // An update stages no store: its last crash point is never reached.
        if (!(mode === 'build --update' && point === 'moved-newsgraph.db')) assert.equal(killed.signal, 'SIGKILL', `killed at ${point}`);

        // A reader of graph.json alone: the previous graph or the new one, byte for byte.
        const exported = path.join(root, `${path.basename(dir)}.json`);
        const r = spawnCli(['export', dir, '--format', 'json', '--out', exported]);
        assert.equal(r.code, 0, r.stderr);
        const json = fs.readFileSync(exported, 'utf8');
        assert.ok(json === old.json || json === fresh.json, 'the export is one whole generation');
        // A reader of graph.json and the store (neo4j): they must agree, or it says why in one line.
        const neo = spawnCli(['export', dir, '--format', 'neo4j', '--out', path.join(root, `${path.basename(dir)}-neo4j`)]);
        assert.equal(neo.code, 0, neo.stderr);
        const now = snapshot(dir);
        assert.ok((now.json === old.json && now.gexf === old.gexf) || (now.json === fresh.json && now.gexf === fresh.gexf), 'graph.json and graph.gexf of one generation');
        assert.equal(storeDocuments(dir), documentCount(now.json), 'the store holds the documents graph.json counts');

        // The next build (an update adding nothing new) leaves the new generation whole and nothing of the kill.
        const next = spawnCli(['build', first, second, '--update', dir, '--jobs', '1', '-q']);
        assert.equal(next.code, 0, next.stderr);
        assert.deepEqual(snapshot(dir), fresh);
        assert.equal(storeDocuments(dir), 2);
        assert.deepEqual(fs.readdirSync(dir).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db']);
      });
    }
  }
});
