// The polite fetcher and URL/feed inputs against a local news site on 127.0.0.1 (no internet):
// robots.txt, timeouts, redirect loops, the size cap, retries, the cache's 304s, private
// addresses, and RSS, Atom and JSON Feed read down to their articles.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readDocuments, type InputWarning } from '../src/ingest';
import { PoliteFetcher, privateAddressReason, type FetchedPage, type FetchOptions } from '../src/ingest/fetch';
import { readUrl } from '../src/ingest/urls';
import { InputError, EXIT } from '../src/errors';
import type { SourceDocument } from '../src/types';
import { startNewsServer, type NewsServer } from './helpers/news-server';
import { lines, removeTmpDirs, runCli, tmpDir } from './reliability/helpers';

/** Fast and local: no pause between requests, short timeouts, the test server allowed. */
const LOCAL = (cacheDir: string): Partial<FetchOptions> => ({ allowPrivate: true, hostDelayMs: 0, timeoutMs: 400, backoffMs: 5, cacheDir });

const RIVER_FIRST = 'Ministers meet in Geneva over the Meridian river dispute\nThe foreign ministers of Kenya and Ethiopia met in Geneva';
const PORT_FIRST = "Port workers strike in Valparaiso\nDock workers in Valparaiso walked off the job on Sunday";

async function read(inputs: string[], fetch: Partial<FetchOptions>): Promise<{ docs: SourceDocument[]; warnings: InputWarning[]; error?: InputError }> {
  const docs: SourceDocument[] = [];
  const warnings: InputWarning[] = [];
  try {
    for await (const d of readDocuments(inputs, { fetch }, (w) => warnings.push(w))) docs.push(d);
  } catch (e) {
    if (e instanceof InputError) return { docs, warnings, error: e };
    throw e;
  }
  return { docs, warnings };
}

describe('ingest: URLs and feeds (local server)', function () {
  this.timeout(60_000);
  let server: NewsServer;
  let cache: string;
  before(async () => {
    server = await startNewsServer();
  });
  beforeEach(() => {
    cache = tmpDir('http-cache');
  });
  after(async () => {
    await server.close();
    removeTmpDirs();
  });

  it('a page URL: the article, its metadata, a user agent naming newsgraph, robots.txt asked first', async () => {
    const { docs, warnings } = await read([`${server.base}/articles/river.html`], LOCAL(cache));
    assert.deepEqual(warnings, []);
    assert.equal(docs.length, 1);
    const doc = docs[0] as SourceDocument;
    assert.equal(doc.id, `${server.base}/articles/river.html`);
    assert.ok(doc.text.startsWith(RIVER_FIRST), doc.text);
    assert.equal(doc.date, '2025-04-02');
    assert.equal(doc.url, 'https://courier.example/world/2025/04/river-talks', 'the canonical URL the page states');
    const asked = server.log.slice(-2);
    assert.deepEqual(asked.map((r) => r.path), ['/robots.txt', '/articles/river.html']);
    for (const r of asked) assert.match(r.userAgent, /^newsgraph\/\d+\.\d+\.\d+ /);
  });

  for (const [name, feed, expected] of [
    ['RSS 2.0', '/feed.rss', [RIVER_FIRST, PORT_FIRST]],
    ['Atom', '/feed.atom', [PORT_FIRST, 'Farmers and the government agree on water quotas\nFarmers in the Maipo valley accepted a proposal']],
    ['JSON Feed', '/feed.json', ['Ministers meet in Geneva\nThe foreign ministers', 'Talks in Nairobi set for June\nKenya and Ethiopia agreed on Thursday']],
  ] as const) {
    it(`${name}: each item's article, in feed order, with the feed's title and date`, async () => {
      const { docs, warnings } = await read([`${server.base}${feed}`], LOCAL(cache));
      assert.deepEqual(docs.map((d) => d.text.slice(0, expected[docs.indexOf(d)]?.length ?? 0)), expected);
      for (const d of docs) assert.match(d.date ?? '', /^2025-0[34]-\d\d$/);
      if (feed === '/feed.rss') {
        assert.deepEqual(warnings, [{ file: `${server.base}/private/memo.html`, reason: `forbidden by robots.txt of ${server.base.slice(7)}, skipped` }]);
        assert.ok(!server.log.some((r) => r.path === '/private/memo.html'), 'never asked for');
      } else {
        assert.deepEqual(warnings, []);
      }
    });
  }

  it('a malformed feed: a warning naming it, no document, no crash', async () => {
    const { docs, warnings, error } = await read([`${server.base}/broken.xml`], LOCAL(cache));
    assert.deepEqual(docs, []);
    assert.ok(error, 'nothing usable: an input error');
    assert.match(`${error.file}: ${error.reason}`, /broken\.xml(#1)?: (not a feed|a feed (item )?with)/);
    assert.deepEqual(warnings, []);
  });

  const failures: Array<[string, string, RegExp]> = [
    ['a slow server', '/slow', /^timed out after 0\.4 s \(3 tries\), skipped$/],
    ['a redirect loop', '/loop', /^redirect loop \(.*\/loop-again → .*\/loop\), skipped$/],
    ['a 5 GB Content-Length', '/huge', /^too large: Content-Length says 5368709120 bytes, over --max-doc-bytes 10485760, skipped$/],
    ['a 404', '/missing', /^HTTP 404, skipped$/],
    ['an image', '/image.png', /^(binary content|not a feed or page).*, skipped$/],
  ];
  for (const [name, route, reason] of failures) {
    it(`${name}: one warning with the reason, the other inputs read`, async () => {
      const { docs, warnings } = await read([`${server.base}${route}`, `${server.base}/articles/port.html`], LOCAL(cache));
      assert.equal(docs.length, 1);
      assert.equal(warnings.length, 1, JSON.stringify(warnings));
      assert.equal(warnings[0]?.file, `${server.base}${route}`);
      assert.match(warnings[0]?.reason ?? '', reason);
    });
  }

  it('a redirect is followed; a 503 is tried again', async () => {
    const { docs, warnings } = await read([`${server.base}/moved`, `${server.base}/flaky`], LOCAL(cache));
    assert.deepEqual(warnings, []);
    assert.deepEqual(docs.map((d) => d.id), [`${server.base}/moved`, `${server.base}/flaky`]);
    assert.deepEqual(server.log.filter((r) => r.path === '/flaky').map((r) => r.status), [503, 200]);
  });

  it('compressed bodies: gzip and brotli read; a gzip bomb refused once it passes the size cap', async () => {
    const page = fs.readFileSync(path.join(__dirname, 'fixtures', 'web', 'wire.html'));
    server.routes.set('/gzipped', () => [200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, zlib.gzipSync(page)]);
    server.routes.set('/brotli', () => [200, { 'content-type': 'text/html', 'content-encoding': 'br' }, zlib.brotliCompressSync(page)]);
    server.routes.set('/bomb', () => [200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))]);
    const { docs, warnings } = await read([`${server.base}/gzipped`, `${server.base}/bomb`, `${server.base}/brotli`], LOCAL(cache));
    assert.deepEqual(docs.map((d) => d.text.slice(0, PORT_FIRST.length)), [PORT_FIRST]);
    assert.deepEqual(warnings.map((w) => [w.file.slice(server.base.length), w.reason]), [
      ['/bomb', 'too large: over --max-doc-bytes 10485760 bytes once decompressed, skipped'],
      ['/brotli', `same text as ${server.base}/gzipped, skipped`],
    ]);
  });

  it('the cache: a rerun sends the validators and reads the kept body on 304', async () => {
    const inputs = [`${server.base}/articles/river.html`, `${server.base}/articles/port.html`];
    const first = await read(inputs, LOCAL(cache));
    const before = server.log.length;
    const again = await read(inputs, LOCAL(cache));
    assert.deepEqual(again.docs.map((d) => d.text), first.docs.map((d) => d.text));
    const rerun = server.log.slice(before).filter((r) => r.path.startsWith('/articles/'));
    assert.deepEqual(rerun.map((r) => r.status), [304, 304]);
    assert.equal(rerun[0]?.ifNoneMatch, '"river-v1"');
  });

  it('pages on two hosts are fetched side by side, and read in input order', async () => {
    // /meet-a answers only once /meet-b has been asked for: fetched one after the other, it never would.
    let arrivedB: () => void = () => undefined;
    const b = new Promise<void>((resolve) => (arrivedB = resolve));
    const page = (name: string): Buffer => fs.readFileSync(path.join(__dirname, 'fixtures', 'web', name));
    server.routes.set('/meet-a', async () => {
      await b;
      return [200, { 'content-type': 'text/html' }, page('wire.html')];
    });
    server.routes.set('/meet-b', () => {
      arrivedB();
      return [200, { 'content-type': 'text/html' }, page('article.html')];
    });
    const a = `${server.base}/meet-a`;
    const other = `http://localhost:${server.base.split(':')[2] ?? ''}/meet-b`; // another host name, so another queue
    const { docs, warnings } = await read([a, other], { ...LOCAL(cache), timeoutMs: 5000 });
    assert.deepEqual(warnings, []);
    assert.deepEqual(docs.map((d) => d.id), [a, other]);
    assert.equal(server.log.filter((r) => r.path === '/meet-a').length, 1, 'fetched once');
  });

  it('one request per host at a time', async () => {
    server.resetInFlight();
    const fetcher = new PoliteFetcher(LOCAL(cache));
    try {
      await Promise.all(['/articles/river.html', '/articles/port.html', '/feed.rss', '/feed.json'].map((p) => fetcher.get(`${server.base}${p}`)));
    } finally {
      await fetcher.close();
    }
    assert.equal(server.maxInFlight(), 1);
  });

  it('private and loopback addresses are refused unless allowed; only http(s)', async () => {
    const fetcher = new PoliteFetcher({ ...LOCAL(cache), allowPrivate: false });
    const cases: Array<[string, RegExp]> = [
      [`${server.base}/articles/river.html`, /^127\.0\.0\.1 is a loopback address \(refused unless --allow-private\), skipped$/],
      [`http://localhost:${server.base.split(':')[2]}/articles/river.html`, /^localhost resolves to (127\.0\.0\.1|::1), a loopback address \(refused unless --allow-private\)/],
      ['http://10.1.2.3/feed.xml', /^10\.1\.2\.3 is a private address/],
      ['http://[::1]/', /^::1 is a loopback address/],
      ['http://169.254.169.254/latest/meta-data/', /link-local address/],
      ['file:///etc/passwd', /^only http and https URLs are fetched, not file:, skipped$/],
      ['ftp://example.org/x', /^only http and https URLs are fetched, not ftp:/],
    ];
    const before = server.log.length;
    try {
      for (const [url, reason] of cases) {
        await assert.rejects(fetcher.get(url), (e: unknown) => e instanceof InputError && e.file === url && reason.test(e.reason), url);
      }
    } finally {
      await fetcher.close();
    }
    assert.equal(server.log.length, before, 'no request reached the server');
    const table: Array<[string, boolean]> = [['8.8.8.8', true], ['2001:4860:4860::8888', true], ['192.168.1.1', false], ['172.16.0.1', false], ['100.64.0.1', false], ['::ffff:127.0.0.1', false], ['fc00::1', false], ['0.0.0.0', false]];
    for (const [address, fine] of table) assert.equal(privateAddressReason(address) === undefined, fine, address);
  });

  it("a public feed's links to private or loopback addresses are refused, and nothing is sent to them", async () => {
    // The feed comes from memory as if from a public site; its items point inside the network.
    const port = server.base.split(':')[2] ?? '';
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://public.example/</link>
      <item><title>a</title><link>http://10.20.30.40/admin</link></item>
      <item><title>b</title><link>http://localhost:${port}/articles/river.html</link></item>
      <item><title>c</title><link>http://[::ffff:127.0.0.1]:${port}/articles/port.html</link></item></channel></rss>`;
    class PublicFeed extends PoliteFetcher {
      override async get(url: string): Promise<FetchedPage> {
        if (url === 'https://public.example/feed') return { url, finalUrl: url, status: 200, contentType: 'application/rss+xml', body: Buffer.from(feed), notModified: false };
        return super.get(url);
      }
    }
    const fetcher = new PublicFeed({ ...LOCAL(cache), allowPrivate: false });
    const before = server.log.length;
    const warnings: Array<{ file: string; reason: string }> = [];
    const docs = [];
    try {
      for await (const d of readUrl('https://public.example/feed', fetcher, (w) => warnings.push(w))) docs.push(d);
    } finally {
      await fetcher.close();
    }
    assert.deepEqual(docs, []);
    assert.deepEqual(warnings.map((w) => w.reason.replace(/ \(refused unless --allow-private\), skipped$/, '').replace(/resolves to (127\.0\.0\.1|::1),/, 'resolves to 127.0.0.1,')), [
      '10.20.30.40 is a private address',
      'localhost resolves to 127.0.0.1, a loopback address',
      '::ffff:7f00:1 is a loopback address',
    ]);
    assert.equal(server.log.length, before, 'no request reached the server');
  });

  it('CLI: build from a feed and a --urls list; exit 0 with the summary of skips; refused without --allow-private', async () => {
    const dir = tmpDir('feed-cli');
    const list = path.join(dir, 'urls.txt');
    fs.writeFileSync(list, `# pages\n${server.base}/articles/port.html\n\n${server.base}/missing\n`);
    const out = path.join(dir, 'out');
    const cacheFlags = ['--cache-dir', path.join(dir, 'cache'), '--delay', '0'];
    const r = await runCli(['build', `${server.base}/feed.rss`, '--urls', list, '--out', out, '--allow-private', ...cacheFlags]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.equal(lines(r.stderr).at(-1), 'newsgraph: skipped 3 inputs: 1 fetch failed, 1 forbidden by robots.txt, 1 same text as another document');
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { attributes: { documentCount: number; sources: Array<{ id: string; url?: string }> } };
    assert.equal(graph.attributes.documentCount, 2);
    const refused = await runCli(['build', `${server.base}/feed.rss`, '--out', path.join(dir, 'refused'), ...cacheFlags]);
    assert.equal(refused.code, EXIT.io);
    assert.deepEqual(lines(refused.stderr), [`newsgraph: ${server.base}/feed.rss: 127.0.0.1 is a loopback address (refused unless --allow-private)`]);
  });
});
