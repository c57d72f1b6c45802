// A news site on 127.0.0.1 for the fetch, feed and watch tests: pages, feeds, robots.txt and the
// ways a real server goes wrong (slow, looping, huge, flaky). Every request is logged.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

export interface LoggedRequest {
  readonly path: string;
  readonly userAgent: string;
  readonly ifNoneMatch?: string;
  readonly status: number;
}

type Reply = [number, Record<string, string>, string | Buffer];

export interface NewsServer {
  readonly base: string;
  readonly log: LoggedRequest[];
  /** Most requests in progress at one moment (the fetcher promises one per host). */
  readonly maxInFlight: () => number;
  /** Starts counting maxInFlight afresh. */
  readonly resetInFlight: () => void;
  /** Routes a test adds or replaces: path → [status, headers, body]. */
  readonly routes: Map<string, () => Reply | Promise<Reply>>;
  close(): Promise<void>;
}

export async function startNewsServer(): Promise<NewsServer> {
  const log: LoggedRequest[] = [];
  const routes = new Map<string, () => Reply | Promise<Reply>>();
  const held: http.ServerResponse[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let flaky = 0;
  let base = '';
  const file = (rel: string): string => fs.readFileSync(path.join(FIXTURES, rel), 'utf8').split('{{BASE}}').join(base);
  const html = { 'content-type': 'text/html; charset=utf-8' };
  const fixed: Record<string, () => Reply> = {
    '/robots.txt': () => [200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private/\n'],
    '/feed.rss': () => [200, { 'content-type': 'application/rss+xml' }, file('feeds/rss.xml')],
    '/feed.atom': () => [200, { 'content-type': 'application/atom+xml' }, file('feeds/atom.xml')],
    '/feed.json': () => [200, { 'content-type': 'application/feed+json' }, file('feeds/feed.json')],
    '/broken.xml': () => [200, { 'content-type': 'application/rss+xml' }, file('feeds/broken.xml')],
    '/articles/river.html': () => [200, { ...html, etag: '"river-v1"' }, file('web/article.html')],
    '/articles/port.html': () => [200, { ...html, 'last-modified': 'Sun, 09 Mar 2025 08:00:00 GMT' }, file('web/wire.html')],
    '/private/memo.html': () => [200, html, '<p>Not for crawlers.</p>'],
    '/loop': () => [302, { location: '/loop-again' }, ''],
    '/loop-again': () => [302, { location: '/loop' }, ''],
    '/moved': () => [301, { location: '/articles/river.html' }, ''],
    '/image.png': () => [200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    '/missing': () => [404, html, 'not here'],
  };
  const server = http.createServer((req, res) => void answer(req, res));
  async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const url = new URL(req.url ?? '/', base);
    const entry = (status: number): void => {
      log.push({ path: url.pathname, userAgent: String(req.headers['user-agent'] ?? ''), ...(req.headers['if-none-match'] ? { ifNoneMatch: String(req.headers['if-none-match']) } : {}), status });
    };
    if (url.pathname === '/slow') {
      entry(0);
      held.push(res); // never answered: the client's timeout must end it
      return;
    }
    if (url.pathname === '/huge') {
      entry(200);
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * 1024 ** 3) });
      res.write('<html><body>');
      held.push(res);
      return;
    }
    if (url.pathname === '/flaky') {
      flaky++;
      const status = flaky % 2 === 1 ? 503 : 200;
      entry(status);
      res.writeHead(status, html);
      res.end(status === 200 ? file('web/wire.html') : 'busy');
      return;
    }
    const route = routes.get(url.pathname) ?? fixed[url.pathname];
    if (!route) {
      entry(404);
      res.writeHead(404, html);
      res.end('not found');
      return;
    }
    const [status, headers, body] = await route();
    const etag = headers.etag;
    if (etag !== undefined && req.headers['if-none-match'] === etag) {
      entry(304);
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    if (headers['last-modified'] !== undefined && req.headers['if-modified-since'] === headers['last-modified']) {
      entry(304);
      res.writeHead(304, {});
      res.end();
      return;
    }
    entry(status);
    res.writeHead(status, headers);
    res.end(body);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    routes,
    maxInFlight: () => maxInFlight,
    resetInFlight: () => {
      maxInFlight = inFlight;
    },
    close: () => new Promise<void>((resolve) => {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
