// `serve --edit` (src/serve/edit.ts): the one write API, and everything it refuses.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { startServer, type RunningServer } from '../../src/serve/index';
import { emptyCuration, parseCuration } from '../../src/graph/curation';
import { lockDirectory } from '../../src/store/lock';
import { UsageError } from '../../src/errors';

const TOKEN = 'test-token-0123456789';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(base: string, pathname: string, method: string, headers: http.OutgoingHttpHeaders = {}, body?: string): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: pathname, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serve --edit', function () {
  let dir: string;
  let viewerDir: string;
  let server: RunningServer;
  let origin: string;
  const curation = { ...emptyCuration(), merges: [{ from: 'bush', into: 'george-w-bush' }] };
  const good = (): http.OutgoingHttpHeaders => ({ Origin: origin, 'Content-Type': 'application/json', 'X-Newsgraph-Token': TOKEN });

  before(async function () {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-edit-'));
    viewerDir = path.join(dir, 'viewer');
    fs.mkdirSync(viewerDir);
    fs.writeFileSync(path.join(viewerDir, 'index.html'), '<!doctype html><title>t</title>');
    fs.mkdirSync(path.join(dir, 'out'));
    fs.writeFileSync(path.join(dir, 'out', 'graph.json'), '{"nodes":[],"edges":[]}');
    server = await startServer({ dir: path.join(dir, 'out'), viewerDir, port: 0, edit: { token: TOKEN } });
    origin = server.url.replace(/\/$/, '');
  });

  after(async function () {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a URL with the token; graph.json says edit mode is on', async function () {
    assert.equal(server.editUrl, `${server.url}?token=${TOKEN}`);
    const r = await request(server.url, '/graph.json', 'GET');
    assert.equal(r.headers['x-newsgraph-edit'], 'curation');
  });

  it('answers an empty curation before the first save', async function () {
    const r = await request(server.url, '/api/curation', 'GET');
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), emptyCuration());
  });

  it('refuses a POST without the token, with another token, from another Origin, without Origin, or for another Host', async function () {
    const body = JSON.stringify(curation);
    const table: [string, http.OutgoingHttpHeaders, number, RegExp][] = [
      ['no token', { Origin: origin, 'Content-Type': 'application/json' }, 403, /token/],
      ['wrong token', { ...good(), 'X-Newsgraph-Token': `${TOKEN}x` }, 403, /token/],
      ['another origin', { ...good(), Origin: 'http://evil.example' }, 403, /origin/],
      ['same host, other port', { ...good(), Origin: 'http://127.0.0.1:1' }, 403, /origin/],
      ['no origin', { 'Content-Type': 'application/json', 'X-Newsgraph-Token': TOKEN }, 403, /origin/],
      ['another host (DNS rebinding)', { ...good(), Host: 'evil.example', Origin: 'http://evil.example' }, 403, /localhost/],
      ['a form post', { ...good(), 'Content-Type': 'application/x-www-form-urlencoded' }, 415, /json/],
    ];
    for (const [what, headers, status, message] of table) {
      const r = await request(server.url, '/api/curation', 'POST', headers, body);
      assert.equal(r.status, status, what);
      assert.match(r.body, message, what);
    }
    assert.equal(fs.existsSync(path.join(dir, 'out', 'curation.json')), false, 'nothing written');
  });

  it('refuses a malformed curation with the reason, and other methods', async function () {
    const bad = await request(server.url, '/api/curation', 'POST', good(), '{"merges":[{"from":"a"}]}');
    assert.equal(bad.status, 400);
    assert.match(bad.body, /merges\[0\]/);
    const notJson = await request(server.url, '/api/curation', 'POST', good(), '{');
    assert.equal(notJson.status, 400);
    assert.equal((await request(server.url, '/api/curation', 'PUT', good(), '{}')).status, 405);
    assert.equal((await request(server.url, '/graph.json', 'POST', good(), '{}')).status, 405);
  });

  it('writes the file atomically with the token from its own origin, and reads it back', async function () {
    const r = await request(server.url, '/api/curation', 'POST', good(), JSON.stringify(curation));
    assert.equal(r.status, 200, r.body);
    const file = path.join(dir, 'out', 'curation.json');
    assert.deepEqual(parseCuration(JSON.parse(fs.readFileSync(file, 'utf8'))), curation);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).filter((f) => f.includes('.tmp')), [], 'no temporary file left');
    assert.equal(fs.existsSync(path.join(dir, 'out', '.newsgraph.lock')), false, 'the lock is released');
    const back = await request(server.url, '/api/curation', 'GET');
    assert.deepEqual(JSON.parse(back.body), curation);
  });

  it('answers 409 while a build holds the directory', async function () {
    const lock = lockDirectory(path.join(dir, 'out'), 'build --update');
    try {
      const r = await request(server.url, '/api/curation', 'POST', good(), JSON.stringify(emptyCuration()));
      assert.equal(r.status, 409);
    } finally {
      lock.release();
    }
  });

  it('is off without --edit, and refused on a non-loopback address', async function () {
    const plain = await startServer({ dir: path.join(dir, 'out'), viewerDir, port: 0 });
    try {
      assert.equal((await request(plain.url, '/api/curation', 'POST', good(), '{}')).status, 404);
      assert.equal(plain.editUrl, undefined);
    } finally {
      await plain.close();
    }
    await assert.rejects(startServer({ dir: path.join(dir, 'out'), viewerDir, port: 0, host: '0.0.0.0', edit: {} }), (e: unknown) => e instanceof UsageError && /loopback/.test(e.message));
  });
});
