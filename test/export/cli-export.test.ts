// `newsgraph export GRAPH.json --format X --out …` as users run it (needs `npx tsc` first, as npm test does).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NEO4J_FILES, toCsvFiles, toGraphml, toNeo4jFiles } from '../../src/export';
import { FIXTURE_FILE, fixtureGraph } from './graphs';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'newsgraph');

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'export', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** One line on stderr, `newsgraph: FILE: reason`. */
function assertOneLineError(stderr: string, file: string, reason: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, stderr);
  assert.ok(lines[0]?.startsWith(`newsgraph: ${file}: `), stderr);
  assert.match(lines[0] ?? '', reason);
}

describe('newsgraph export', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-cli-export-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const listing = (d: string): string[] => fs.readdirSync(d).sort();

  it('--format graphml writes the GraphML of the graph', () => {
    const out = path.join(dir, 'sub', 'graph.graphml');
    const r = cli([FIXTURE_FILE, '--format', 'graphml', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(fs.readFileSync(out, 'utf8'), toGraphml(fixtureGraph()));
    assert.deepEqual(listing(path.dirname(out)), ['graph.graphml'], 'no temp file left');
  });

  it('--format csv creates the directory and writes the four CSV files', () => {
    const out = path.join(dir, 'csv');
    const r = cli([FIXTURE_FILE, '--format', 'csv', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const expected = toCsvFiles(fixtureGraph());
    assert.deepEqual(listing(out), expected.map((f) => f.name).sort());
    for (const f of expected) assert.equal(fs.readFileSync(path.join(out, f.name), 'utf8'), f.content, f.name);
    // Again into the same directory: files replaced, nothing else left behind.
    assert.equal(cli([FIXTURE_FILE, '--format', 'csv', '--out', out]).code, 0);
    assert.deepEqual(listing(out), expected.map((f) => f.name).sort());
  });

  it('--format neo4j writes the import CSVs and load.cypher', () => {
    const out = path.join(dir, 'neo4j');
    const r = cli([FIXTURE_FILE, '-f', 'neo4j', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const expected = toNeo4jFiles(fixtureGraph());
    assert.deepEqual(listing(out), Object.values(NEO4J_FILES).sort());
    for (const f of expected) assert.equal(fs.readFileSync(path.join(out, f.name), 'utf8'), f.content, f.name);
  });

  it('--format html writes one offline page holding the graph', function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'viewer', 'app.js'))) {
      console.log('      skipped: the viewer is not built (npm run build)');
      this.skip();
    }
    const out = path.join(dir, 'graph.html');
    const r = cli([FIXTURE_FILE, '--format', 'html', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<script type="application\/json" id="graph-data">/);
    assert.ok(html.includes('Vladimir Putin'));
  });

  it('lists every format with what opens it in --help', () => {
    const r = cli(['--help']);
    assert.equal(r.code, 0);
    for (const format of ['json', 'gexf', 'graphml', 'csv', 'neo4j', 'html']) assert.match(r.stdout, new RegExp(`^  ${format} +\\S`, 'm'));
  });

  describe('bad input and output: one line naming the file, exit code 3', () => {
    it('a missing graph file', () => {
      const missing = path.join(dir, 'nope.json');
      const r = cli([missing, '--format', 'csv', '--out', path.join(dir, 'out')]);
      assert.equal(r.code, 3);
      assertOneLineError(r.stderr, missing, /no such file$/);
      assert.ok(!fs.existsSync(path.join(dir, 'out')), 'nothing created');
    });

    it('a graph file that is not JSON, or not a graph', () => {
      const cases: [string, RegExp][] = [['{"nodes": [', /not valid JSON/], ['{"hello": 1}', /not a graphology JSON export/]];
      for (const [content, reason] of cases) {
        const bad = path.join(dir, 'bad.json');
        fs.writeFileSync(bad, content);
        const r = cli([bad, '--format', 'graphml', '--out', path.join(dir, 'g.graphml')]);
        assert.equal(r.code, 3, content);
        assertOneLineError(r.stderr, bad, reason);
      }
    });

    it('an output directory that cannot be created (a file is in the way)', () => {
      const blocker = path.join(dir, 'file.txt');
      fs.writeFileSync(blocker, 'x');
      const cases: [string[], string, RegExp][] = [
        [['--format', 'csv', '--out', path.join(blocker, 'csv')], path.join(blocker, 'csv'), /cannot write: a parent path is not a directory$/],
        [['--format', 'neo4j', '--out', blocker], blocker, /cannot write: exists and is not a directory$/],
        [['--format', 'graphml', '--out', path.join(blocker, 'g.graphml')], blocker, /cannot write: exists and is not a directory$/],
      ];
      for (const [args, file, reason] of cases) {
        const r = cli([FIXTURE_FILE, ...args]);
        assert.equal(r.code, 3, args.join(' '));
        assertOneLineError(r.stderr, file, reason);
      }
      assert.equal(fs.readFileSync(blocker, 'utf8'), 'x');
    });

    it('an output directory where mkdir fails without a missing parent (/proc), without hanging', function () {
      if (!fs.existsSync('/proc/self')) this.skip();
      const out = '/proc/newsgraph-export-test';
      const r = cli([FIXTURE_FILE, '--format', 'csv', '--out', out]);
      assert.equal(r.code, 3);
      assertOneLineError(r.stderr, out, /cannot write/);
    });

    it('an output path that is a directory, for a one-file format', () => {
      const r = cli([FIXTURE_FILE, '--format', 'graphml', '--out', dir]);
      assert.equal(r.code, 3);
      assertOneLineError(r.stderr, dir, /cannot write: is a directory$/);
    });

    it('a relation outside the vocabulary, for neo4j: names the graph file, writes nothing', () => {
      const data = JSON.parse(fs.readFileSync(FIXTURE_FILE, 'utf8')) as { edges: { attributes: { relation: string } }[] };
      const [first] = data.edges;
      assert.ok(first);
      first.attributes.relation = 'x}) DETACH DELETE n //';
      const graphFile = path.join(dir, 'odd.json');
      fs.writeFileSync(graphFile, JSON.stringify(data));
      const out = path.join(dir, 'neo4j');
      const r = cli([graphFile, '--format', 'neo4j', '--out', out]);
      assert.equal(r.code, 3);
      assertOneLineError(r.stderr, graphFile, /relation "x}\) DETACH DELETE n \/\/" is not in the vocabulary/);
      assert.ok(!fs.existsSync(out));
    });

    it('an unknown format is a usage error (exit 2)', () => {
      assert.equal(cli([FIXTURE_FILE, '--format', 'pdf', '--out', path.join(dir, 'x')]).code, 2);
    });
  });
});
