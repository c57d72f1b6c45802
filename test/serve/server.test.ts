import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SERVE_OPTIONS, isLoopback, parseRequestPath, startServer, type RunningServer } from '../../src/serve/index';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const SECRET = 'TOP-SECRET-OUTSIDE';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path goes on the wire exactly as written (no URL normalisation). */
function request(base: string, rawPath: string, method = 'GET', headers: http.OutgoingHttpHeaders = {}): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: rawPath, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** For paths http.request refuses to send (absolute-form, raw bytes): write the request line by hand. */
function rawRequest(base: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

/** Writes a whole request by hand and returns the raw reply (for bytes http.request will not send). */
function rawExchange(base: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(raw, 'latin1'));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.on('error', reject);
  });
}

describe('serve: static server', function () {
  let tmp: string;
  let dataDir: string;
  let viewerDir: string;
  let server: RunningServer;

  before(async function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-serve-'));
    viewerDir = path.join(tmp, 'viewer');
    dataDir = path.join(tmp, 'out');
    fs.mkdirSync(viewerDir);
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(viewerDir, 'index.html'), '<!doctype html><title>viewer</title>');
    fs.writeFileSync(path.join(viewerDir, 'app.js'), 'console.log("app");');
    fs.writeFileSync(path.join(viewerDir, 'style.css'), 'body{}');
    fs.writeFileSync(path.join(dataDir, 'graph.json'), '{"nodes":[],"edges":[]}');
    fs.writeFileSync(path.join(dataDir, 'graph.gexf'), '<gexf/>');
    fs.writeFileSync(path.join(dataDir, 'unknown.bin'), 'x');
    fs.writeFileSync(path.join(dataDir, '.hidden'), SECRET);
    fs.mkdirSync(path.join(dataDir, 'sub'));
    fs.writeFileSync(path.join(dataDir, 'sub', 'inner.json'), '{"inner":true}');
    fs.writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
    fs.mkdirSync(path.join(tmp, 'outside-dir'));
    fs.writeFileSync(path.join(tmp, 'outside-dir', 'secret.txt'), SECRET);
    fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(dataDir, 'link-out.txt'));
    fs.symlinkSync(path.join(tmp, 'outside-dir'), path.join(dataDir, 'linkdir'));
    fs.symlinkSync(path.join(dataDir, 'graph.json'), path.join(dataDir, 'link-in.json'));
    server = await startServer({ dir: dataDir, viewerDir, port: 0 });
  });

  after(async function () {
    await server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 by default and reports the real port', function () {
    assert.equal(DEFAULT_SERVE_OPTIONS.host, '127.0.0.1');
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(new URL(server.url).port, '0');
  });

  it('serves the viewer at / with the security headers', async function () {
    const r = await request(server.url, '/');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['content-security-policy'], CSP);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.body, /<title>viewer<\/title>/);
    const q = await request(server.url, '/?test#x');
    assert.equal(q.status, 200);
  });

  it('serves viewer and graph files by name with correct content types', async function () {
    const cases: [string, string][] = [
      ['/index.html', 'text/html; charset=utf-8'],
      ['/app.js', 'text/javascript; charset=utf-8'],
      ['/style.css', 'text/css; charset=utf-8'],
      ['/graph.json', 'application/json; charset=utf-8'],
      ['/graph.gexf', 'application/xml; charset=utf-8'],
      ['/unknown.bin', 'application/octet-stream'],
      ['/sub/inner.json', 'application/json; charset=utf-8'],
      ['/link-in.json', 'application/json; charset=utf-8'],
    ];
    for (const [p, type] of cases) {
      const r = await request(server.url, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['content-type'], type, p);
      assert.equal(r.headers['content-security-policy'], CSP, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    }
    assert.equal((await request(server.url, '/graph.json')).body, '{"nodes":[],"edges":[]}');
  });

  it('answers HEAD with headers and no body', async function () {
    const r = await request(server.url, '/graph.json', 'HEAD');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-length'], String('{"nodes":[],"edges":[]}'.length));
    assert.equal(r.body, '');
  });

  it('gives files an ETag: 304 when it still matches, a new one once a build replaces the file', async function () {
    const first = await request(server.url, '/graph.json');
    const etag = first.headers.etag;
    assert.match(etag ?? '', /^W\/"[0-9a-f]+-[0-9a-f]+-[0-9a-f]+"$/);
    assert.ok(first.headers['last-modified']);
    assert.equal((await request(server.url, '/graph.json', 'HEAD')).headers.etag, etag, 'HEAD names the same version');
    const unchanged = await request(server.url, '/graph.json', 'GET', { 'If-None-Match': etag });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.body, '');
    assert.equal(unchanged.headers['content-security-policy'], CSP);
    assert.equal((await request(server.url, '/graph.json', 'GET', { 'If-None-Match': `"other", ${(etag ?? '').slice(2)}` })).status, 304, 'weak comparison, in a list');
    // Replaced as a build replaces it: a new file renamed over the old one.
    const file = path.join(dataDir, 'graph.json');
    const before = fs.readFileSync(file);
    try {
      fs.writeFileSync(`${file}.tmp`, '{"nodes":[],"edges":[],"attributes":{"documentCount":1}}');
      fs.renameSync(`${file}.tmp`, file);
      const changed = await request(server.url, '/graph.json', 'GET', { 'If-None-Match': etag });
      assert.equal(changed.status, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal(changed.body, '{"nodes":[],"edges":[],"attributes":{"documentCount":1}}');
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  it('refuses other methods with 405 and an Allow header', async function () {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await request(server.url, '/graph.json', method);
      assert.equal(r.status, 405, method);
      assert.equal(r.headers['allow'], 'GET, HEAD', method);
      assert.equal(r.headers['content-security-policy'], CSP, method);
    }
  });

  it('lists no directories', async function () {
    for (const p of ['/sub', '/sub/', '/linkdir', '/linkdir/']) {
      const r = await request(server.url, p);
      assert.equal(r.status, 404, p);
    }
  });

  it('never serves anything outside its two directories', async function () {
    const attempts = [
      '/../secret.txt',
      '/../../secret.txt',
      '/sub/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/.%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/..%5Csecret.txt',
      '/..\\secret.txt',
      '/sub%2f..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/%00',
      '/graph.json%00',
      '/graph.json%00.txt',
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      `/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`,
      `/${path.join(tmp, 'secret.txt').replace(/^\//, '')}`,
      '/C:/Windows/win.ini',
      '/link-out.txt',
      '/linkdir/secret.txt',
      '/.hidden',
      '/%2ehidden',
      '/sub/./inner.json',
    ];
    for (const p of attempts) {
      const r = await request(server.url, p);
      assert.ok(r.status === 400 || r.status === 404, `${p} → ${r.status}`);
      assert.ok(!r.body.includes(SECRET), `${p} leaked the secret`);
    }
  });

  it('refuses absolute-form request targets', async function () {
    const reply = await rawRequest(server.url, `GET http://127.0.0.1/../secret.txt HTTP/1.1`);
    assert.match(reply, /^HTTP\/1\.1 400/);
    assert.ok(!reply.includes(SECRET));
  });

  it('answers only to loopback Host names when bound to loopback (DNS rebinding)', async function () {
    const port = new URL(server.url).port;
    const cases: Array<[string, number]> = [
      [`Host: 127.0.0.1:${port}`, 200],
      [`Host: localhost:${port}`, 200],
      ['Host: LOCALHOST', 200],
      [`Host: [::1]:${port}`, 200],
      [`Host: 127.1.2.3:${port}`, 200],
      [`Host: attacker.example:${port}`, 403],
      ['Host: 127.0.0.1.attacker.example', 403],
      ['Host: ', 403],
      ['Host: [::1', 403],
    ];
    for (const [header, status] of cases) {
      const reply = await rawExchange(server.url, `GET /graph.json HTTP/1.1\r\n${header}\r\nConnection: close\r\n\r\n`);
      assert.match(reply, new RegExp(`^HTTP/1\\.1 ${status} `), header);
      if (status === 403) assert.ok(!reply.includes('"nodes"'), header);
    }
    // HTTP/1.0 has no Host header at all: nothing to rebind, let through.
    assert.match(await rawExchange(server.url, 'GET /graph.json HTTP/1.0\r\n\r\n'), /^HTTP\/1\.1 200 /);
  });

  it('refuses raw NUL bytes and backslashes on the request line', async function () {
    for (const target of ['/graph.json\0', '/..\\secret.txt', '/\\..\\secret.txt', '/%5c..%5csecret.txt']) {
      const reply = await rawExchange(server.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      assert.match(reply, /^HTTP\/1\.1 40[04] /, JSON.stringify(target));
      assert.ok(!reply.includes(SECRET), JSON.stringify(target));
    }
  });

  it('answers a 404 to HEAD without a body, and never lists the graph directory', async function () {
    const r = await request(server.url, '/nope.json', 'HEAD');
    assert.equal(r.status, 404);
    assert.equal(r.body, '');
    for (const p of ['/?dir', '/./', '/sub/..']) {
      const listing = await request(server.url, p);
      assert.ok(!listing.body.includes('graph.gexf'), p);
    }
  });

  it('classifies loopback addresses', function () {
    for (const host of ['127.0.0.1', '127.255.0.9', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1']) assert.ok(isLoopback(host), host);
    for (const host of ['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', 'example.com', '128.0.0.1', '127.0.0.1.nip.io', 'localhost.example']) assert.ok(!isLoopback(host), host);
  });

  it('rejects a taken port with UsageError and a clear reason', async function () {
    const port = Number(new URL(server.url).port);
    await assert.rejects(startServer({ dir: dataDir, viewerDir, port }), (e: unknown) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, 'UsageError');
      assert.equal((e as Error & { reason: string }).reason, `port ${port} on 127.0.0.1 is already in use (pick another, or --port 0 for any free port)`);
      return true;
    });
  });

  it('validates options', async function () {
    await assert.rejects(startServer({ dir: dataDir, viewerDir, port: 70000 }), { name: 'UsageError' });
    await assert.rejects(startServer({ dir: dataDir, viewerDir, port: 1.5 }), { name: 'UsageError' });
    await assert.rejects(startServer({ dir: path.join(tmp, 'nope'), viewerDir, port: 0 }), { name: 'InputError' });
    await assert.rejects(startServer({ dir: dataDir, viewerDir: dataDir, port: 0 }), { name: 'InputError' });
  });

  it('parses request paths strictly', function () {
    assert.deepEqual(parseRequestPath('/'), []);
    assert.deepEqual(parseRequestPath('/graph.json?x=1'), ['graph.json']);
    assert.deepEqual(parseRequestPath('/a%20b.json'), ['a b.json']);
    assert.deepEqual(parseRequestPath('/sub/'), ['sub']);
    for (const bad of ['/..', '/a/../b', '/%2e%2e', '/a%2fb', '/a%5cb', '/%00', '/.env', '//x', 'x', '/%E0%A4%A']) {
      assert.equal(parseRequestPath(bad), null, bad);
    }
  });
});
