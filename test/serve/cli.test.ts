// `newsgraph serve` as a user runs it: loopback by default, the address it prints, the viewer's
// Content-Security-Policy, a one-line error and exit code when the port is taken, and a clean
// stop on SIGTERM. Spawns ./bin/newsgraph (run `npx tsc -p tsconfig.json` first).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXIT } from '../../src/errors';
import { BIN, ROOT, lines, requireBuiltCli, spawnCliAsync } from '../reliability/helpers';

interface Served {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  /** Stops the server with SIGTERM; resolves to its exit code. */
  stop: () => Promise<number | null>;
}

/** Starts `newsgraph serve ARGS` and waits for the "serving … at URL" line. */
function serve(args: string[]): Promise<Served> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /at (http:\/\/\S+\/) /.exec(stdout)?.[1];
      if (url) {
        resolve({
          child,
          url,
          stderr: () => stderr,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('newsgraph serve (the CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    requireBuiltCli();
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'viewer', 'index.html')), 'the viewer is built (npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-cli-'));
    fs.writeFileSync(path.join(dir, 'graph.json'), '{"attributes":{},"nodes":[],"edges":[]}\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('binds 127.0.0.1 by default, serves the viewer with its CSP and the graph, and stops cleanly on SIGTERM', async () => {
    const s = await serve([dir, '--port', '0']);
    try {
      assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await get(s.url);
      assert.equal(page.status, 200);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
      const csp = String(page.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      const graph = await get(`${s.url}graph.json`);
      assert.equal(graph.status, 200);
      assert.equal(graph.headers['content-type'], 'application/json; charset=utf-8');
      assert.deepEqual(JSON.parse(graph.body), { attributes: {}, nodes: [], edges: [] });
      const post = await get(`${s.url}graph.json`, {}, 'POST');
      assert.equal(post.status, 405);
      assert.equal(post.headers.allow, 'GET, HEAD');
    } finally {
      assert.equal(await s.stop(), EXIT.ok);
    }
    assert.equal(s.stderr(), '');
  });

  it('answers only to loopback host names (DNS rebinding)', async () => {
    const s = await serve([dir, '--port', '0']);
    try {
      const port = new URL(s.url).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, 'localhost']) {
        assert.equal((await get(`${s.url}graph.json`, { Host: host })).status, 200, host);
      }
      for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`, `localhost.evil.example`, '[::1']) {
        const r = await get(`${s.url}graph.json`, { Host: host });
        assert.equal(r.status, 403, host);
        assert.ok(!r.body.includes('nodes'), host);
      }
    } finally {
      await s.stop();
    }
  });

  it('--host binds the given address only', async function () {
    const s = await serve([dir, '--port', '0', '--host', '127.0.0.2']).catch((e: Error) => e);
    if (s instanceof Error) {
      console.log(`      skipped: cannot bind 127.0.0.2 here (${s.message.trim()})`);
      this.skip();
    }
    try {
      assert.match(s.url, /^http:\/\/127\.0\.0\.2:\d+\/$/);
      assert.equal((await get(`${s.url}graph.json`)).status, 200);
      const other = `http://127.0.0.1:${new URL(s.url).port}/graph.json`;
      await assert.rejects(get(other), { code: 'ECONNREFUSED' });
    } finally {
      await s.stop();
    }
  });

  it('a port already in use: exit 2 and one line naming --port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await spawnCliAsync(['serve', dir, '--port', String(port)]);
      assert.equal(r.code, EXIT.usage);
      assert.deepEqual(lines(r.stderr), [`newsgraph: --port: port ${port} on 127.0.0.1 is already in use (pick another, or --port 0 for any free port)`]);
      assert.equal(r.stdout, '');
    } finally {
      blocker.close();
    }
  });

  it('a directory without graph.json: exit 3 and one line', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-empty-'));
    const r = await spawnCliAsync(['serve', empty, '--port', '0']);
    assert.equal(r.code, EXIT.io);
    assert.deepEqual(lines(r.stderr), [`newsgraph: ${empty}: no graph.json here (run \`newsgraph build … --out DIR\` first)`]);
    fs.rmSync(empty, { recursive: true });
  });

  it('a bad --port: exit 2', async () => {
    for (const port of ['70000', 'http', '-1']) {
      const r = await spawnCliAsync(['serve', dir, '--port', port]);
      assert.equal(r.code, EXIT.usage, port);
      assert.match(r.stderr, /--port/, port);
    }
  });
});
