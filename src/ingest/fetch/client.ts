// The polite fetcher: what newsgraph does when it asks someone else's server for a page.
// - only http: and https:, never a private or loopback address (unless allowPrivate)
// - robots.txt first, per origin; a path it disallows for us is not fetched
// - one request per host at a time, with a pause between two (Crawl-delay, when longer, wins)
// - a user agent that names the project; a timeout per try; a few tries with backoff on
//   timeouts, dropped connections, 429 and 5xx; redirects followed a bounded number of times,
//   each target checked again; bodies over the size cap refused
// - an on-disk cache: a rerun sends the validators it kept and reads the body back on a 304
import * as zlib from 'node:zlib';
import type { Agent, Dispatcher } from 'undici';
import { undici } from '../lazy';
import robotsParser from 'robots-parser';
import { InputError, messageOf } from '../../errors';
import { guardedLookup, literalAddressReason } from './address';
import { HttpCache, type CachedResponse } from './cache';
import { resolveFetchOptions, type FetchOptions } from './options';

export interface FetchedPage {
  /** The URL asked for. */
  readonly url: string;
  /** Where the content came from, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: Buffer;
  /** The server answered 304 Not Modified and the kept body was used. */
  readonly notModified: boolean;
}

/** What happened, for tests and --verbose: requests sent, and how many were answered 304. */
export interface FetchStats {
  requests: number;
  notModified: number;
}

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

/** robots.txt of one origin: its rules, or a reason nothing may be fetched there. */
type RobotsState = { kind: 'rules'; robots: Robots } | { kind: 'allow-all' } | { kind: 'unreachable' | 'refused'; reason: string };

interface HostState {
  queue: Promise<void>;
  /** When the last request to this host ended (ms, monotonic). */
  last: number;
  delayMs: number;
}

const REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
/** Statuses worth another try: the server is busy or failing now, not refusing this URL. */
const RETRYABLE: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

class AttemptError extends Error {
  constructor(readonly reason: string, readonly retry: boolean, readonly waitMs = 0) {
    super(reason);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PoliteFetcher {
  readonly options: FetchOptions;
  readonly stats: FetchStats = { requests: 0, notModified: 0 };
  private readonly agent: Agent;
  private readonly cache: HttpCache;
  private readonly hosts = new Map<string, HostState>();
  private readonly robots = new Map<string, Promise<RobotsState>>();
  /** URLs being fetched ahead of their turn (readAhead), and those still to start. */
  private readonly ahead = new Map<string, Promise<FetchedPage>>();
  private waiting: string[] = [];
  private window = 0;

  constructor(partial: Partial<FetchOptions> = {}) {
    this.options = resolveFetchOptions(partial);
    const { timeoutMs, allowPrivate } = this.options;
    this.agent = new (undici().Agent)({
      connect: { timeout: timeoutMs, ...(allowPrivate ? {} : { lookup: guardedLookup }) },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      connections: 1, // one request per host at a time, also at the socket level
    });
    this.cache = new HttpCache(this.options.cacheDir);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /**
   * Starts fetching `urls`, at most `window` at a time, before they are asked for: pages on
   * different hosts then come in parallel (each host still gets one request at a time). They
   * must then be asked for with get() in this order; results wait in memory until then.
   */
  readAhead(urls: readonly string[], window = 8): void {
    this.waiting = [...this.waiting, ...urls];
    this.window = Math.max(this.window, window);
    this.fill();
  }

  private fill(): void {
    while (this.ahead.size < this.window) {
      const url = this.waiting.shift();
      if (url === undefined) break;
      if (this.ahead.has(url)) continue;
      const page = this.fetch(url);
      page.catch(() => undefined); // reported when asked for
      this.ahead.set(url, page);
    }
  }

  /** The page at `url`, or an InputError naming the URL and why not. */
  get(url: string): Promise<FetchedPage> {
    const early = this.ahead.get(url);
    if (early === undefined) {
      const queued = this.waiting.indexOf(url);
      if (queued !== -1) this.waiting.splice(queued, 1); // asked for before its turn came: fetched now, once
      return this.fetch(url);
    }
    this.ahead.delete(url);
    this.fill();
    return early;
  }

  private async fetch(url: string): Promise<FetchedPage> {
    let current = checkUrl(url, this.options.allowPrivate);
    const seen = new Set<string>([current.href]);
    for (let redirects = 0; ; redirects++) {
      await this.checkRobots(current, url);
      const response = await this.fetchOnce(current.href, url);
      if (!('location' in response)) return { ...response, url };
      if (redirects >= this.options.maxRedirects) throw new InputError(`more than ${this.options.maxRedirects} redirects, skipped`, url);
      let next: URL;
      try {
        next = new URL(response.location, current);
      } catch {
        throw new InputError(`redirected to a malformed address, skipped`, url);
      }
      if (seen.has(next.href)) throw new InputError(`redirect loop (${current.href} → ${next.href}), skipped`, url);
      seen.add(next.href);
      current = checkUrl(next.href, this.options.allowPrivate, url);
    }
  }

  private async checkRobots(target: URL, asked: string): Promise<void> {
    let state = this.robots.get(target.origin);
    if (!state) {
      state = this.readRobots(target);
      this.robots.set(target.origin, state);
    }
    const robots = await state;
    if (robots.kind === 'refused') throw new InputError(`${robots.reason}, skipped`, asked);
    if (robots.kind === 'unreachable') throw new InputError(`robots.txt of ${target.host} could not be read (${robots.reason}), so nothing is fetched there, skipped`, asked);
    if (robots.kind === 'rules' && robots.robots.isAllowed(target.href, this.options.robotsAgent) === false) {
      throw new InputError(`forbidden by robots.txt of ${target.host}, skipped`, asked);
    }
  }

  private async readRobots(target: URL): Promise<RobotsState> {
    const robotsUrl = new URL('/robots.txt', target.origin).href;
    let response: FetchedPage | { location: string };
    try {
      response = await this.fetchOnce(robotsUrl, robotsUrl);
      // One redirect on the same origin is common (http → https is another origin: its own rules).
      if ('location' in response) {
        const next = checkUrl(new URL(response.location, robotsUrl).href, this.options.allowPrivate, robotsUrl);
        response = await this.fetchOnce(next.href, robotsUrl);
        if ('location' in response) return { kind: 'allow-all' };
      }
    } catch (e) {
      const reason = e instanceof InputError ? e.reason.replace(/, skipped$/, '') : messageOf(e);
      // A 4xx means "no rules"; a server that fails or cannot be reached means "not now" (RFC 9309).
      if (/^HTTP 4\d\d/.test(reason)) return { kind: 'allow-all' };
      if (/refused unless --allow-private/.test(reason)) return { kind: 'refused', reason };
      return { kind: 'unreachable', reason };
    }
    const robots = robotsParser(robotsUrl, response.body.toString('utf8')) as Robots;
    const crawlDelay = robots.getCrawlDelay(this.options.robotsAgent);
    if (typeof crawlDelay === 'number' && Number.isFinite(crawlDelay) && crawlDelay > 0) {
      const host = this.host(target.host);
      host.delayMs = Math.max(host.delayMs, Math.min(crawlDelay * 1000, this.options.maxWaitMs));
    }
    return { kind: 'rules', robots };
  }

  private host(name: string): HostState {
    let state = this.hosts.get(name);
    if (!state) {
      state = { queue: Promise.resolve(), last: -Infinity, delayMs: this.options.hostDelayMs };
      this.hosts.set(name, state);
    }
    return state;
  }

  /** Runs `task` when the host's previous request has ended and its delay has passed. */
  private serially<T>(hostName: string, task: () => Promise<T>): Promise<T> {
    const host = this.host(hostName);
    const run = host.queue.then(async () => {
      const wait = host.last + host.delayMs - performance.now();
      if (wait > 0) await sleep(wait);
      try {
        return await task();
      } finally {
        host.last = performance.now();
      }
    });
    host.queue = run.then(() => undefined, () => undefined);
    return run;
  }

  /** One URL, no redirect followed: the page, or where it redirects; tries again on a transient failure. */
  private async fetchOnce(href: string, asked: string): Promise<FetchedPage | { location: string }> {
    const cached = this.cache.get(href);
    const { tries, backoffMs, maxWaitMs } = this.options;
    let last: AttemptError | undefined;
    for (let attempt = 1; attempt <= tries; attempt++) {
      if (last) await sleep(Math.min(maxWaitMs, Math.max(last.waitMs, backoffMs * 2 ** (attempt - 2))));
      try {
        return await this.serially(new URL(href).host, () => this.attempt(href, cached));
      } catch (e) {
        if (!(e instanceof AttemptError)) throw e;
        last = e;
        if (!e.retry) break;
      }
    }
    const reason = last?.reason ?? 'cannot fetch';
    throw new InputError(`${reason}${last?.retry && tries > 1 ? ` (${tries} tries)` : ''}, skipped`, asked);
  }

  private async attempt(href: string, cached: CachedResponse | undefined): Promise<FetchedPage | { location: string }> {
    const { userAgent, timeoutMs, maxBytes } = this.options;
    const headers: Record<string, string> = { 'user-agent': userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' };
    if (cached?.etag !== undefined) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified !== undefined) headers['if-modified-since'] = cached.lastModified;
    this.stats.requests++;
    let response: Dispatcher.ResponseData;
    try {
      response = await undici().request(href, { method: 'GET', headers, dispatcher: this.agent, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw attemptError(e, timeoutMs);
    }
    const { statusCode, headers: h } = response;
    const header = (name: string): string | undefined => {
      const v = h[name];
      return Array.isArray(v) ? v[0] : v;
    };
    if (statusCode === 304 && cached) {
      await response.body.dump();
      this.stats.notModified++;
      return { url: href, finalUrl: cached.finalUrl, status: cached.status, contentType: cached.contentType, body: cached.body, notModified: true };
    }
    if (REDIRECTS.has(statusCode)) {
      await response.body.dump();
      const location = header('location');
      if (!location) throw new AttemptError(`HTTP ${statusCode} without a Location`, false);
      return { location };
    }
    if (statusCode < 200 || statusCode >= 300) {
      await response.body.dump();
      const retryAfter = Number(header('retry-after'));
      throw new AttemptError(`HTTP ${statusCode}`, RETRYABLE.has(statusCode), Number.isFinite(retryAfter) ? retryAfter * 1000 : 0);
    }
    const declared = Number(header('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      response.body.destroy();
      throw new AttemptError(`too large: Content-Length says ${declared} bytes, over --max-doc-bytes ${maxBytes}`, false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body) {
        const b = chunk as Buffer;
        size += b.length;
        if (size > maxBytes) {
          response.body.destroy();
          throw new AttemptError(`too large: over --max-doc-bytes ${maxBytes} bytes`, false);
        }
        chunks.push(b);
      }
    } catch (e) {
      if (e instanceof AttemptError) throw e;
      throw attemptError(e, timeoutMs);
    }
    const body = decompress(Buffer.concat(chunks, size), header('content-encoding'), maxBytes);
    const page = { url: href, finalUrl: href, status: statusCode, contentType: header('content-type') ?? '', body, notModified: false };
    const etag = header('etag');
    const lastModified = header('last-modified');
    this.cache.put({ ...page, ...(etag !== undefined ? { etag } : {}), ...(lastModified !== undefined ? { lastModified } : {}) });
    return page;
  }
}

/** The body as sent, decoded from its Content-Encoding; never more than maxBytes (a small gzip can unpack to gigabytes). */
function decompress(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === '' || coding === 'identity') return body;
  const options = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.gunzipSync(body, options);
    if (coding === 'deflate') return zlib.inflateSync(body, options);
    if (coding === 'br') return zlib.brotliDecompressSync(body, options);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw new AttemptError(`too large: over --max-doc-bytes ${maxBytes} bytes once decompressed`, false);
    throw new AttemptError(`a ${coding} body that does not decompress (${messageOf(e)})`, false);
  }
  throw new AttemptError(`an unknown Content-Encoding "${coding}"`, false);
}

function attemptError(e: unknown, timeoutMs: number): AttemptError {
  const code = (e as { code?: unknown } | null)?.code;
  const name = (e as { name?: unknown } | null)?.name;
  const message = messageOf(e);
  if (code === 'ENEWSGRAPHPRIVATE' || /refused unless --allow-private/.test(message)) return new AttemptError(message, false);
  if (name === 'TimeoutError' || name === 'AbortError' || (typeof code === 'string' && /TIMEOUT/.test(code))) return new AttemptError(`timed out after ${timeoutMs / 1000} s`, true);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AttemptError(`cannot fetch: no such host`, code === 'EAI_AGAIN');
  return new AttemptError(`cannot fetch (${typeof code === 'string' ? code : message})`, true);
}

/** A URL we may ask for: http(s), and not a private address literal. */
export function checkUrl(href: string, allowPrivate: boolean, asked = href): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new InputError('not a valid URL, skipped', asked);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`only http and https URLs are fetched, not ${url.protocol}, skipped`, asked);
  if (url.username !== '' || url.password !== '') throw new InputError('a URL with a user name or password is not fetched, skipped', asked);
  if (!allowPrivate) {
    const reason = literalAddressReason(url.hostname);
    if (reason !== undefined) throw new InputError(`${reason}, skipped`, asked);
  }
  url.hash = '';
  return url;
}
