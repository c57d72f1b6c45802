// How the polite fetcher behaves: one interface, its defaults, one validator.
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../../errors';
import { VERSION } from '../../version';

export interface FetchOptions {
  /** Sent with every request; names the project so a site can tell who is asking. */
  userAgent: string;
  /** The product token robots.txt groups are matched against. */
  robotsAgent: string;
  /** Per try: connecting, the headers and the whole body must arrive within this. */
  timeoutMs: number;
  /** Tries per URL on a timeout, a dropped connection, 429 or 5xx. */
  tries: number;
  /** Wait before the second try; doubled for each further one (Retry-After, when longer, wins up to maxWaitMs). */
  backoffMs: number;
  /** Longest wait this fetcher accepts from a server (Retry-After, Crawl-delay). */
  maxWaitMs: number;
  /** Redirects followed for one URL. */
  maxRedirects: number;
  /** Largest body read; a larger one is refused (Content-Length) or cut off and refused. */
  maxBytes: number;
  /** Least time between two requests to one host (a robots.txt Crawl-delay, when longer, wins). */
  hostDelayMs: number;
  /** Fetch from private, loopback and link-local addresses (off: a feed cannot point us inside a network). */
  allowPrivate: boolean;
  /** The on-disk HTTP cache; '' keeps no cache. */
  cacheDir: string;
}

export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'newsgraph', 'http');
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  userAgent: `newsgraph/${VERSION} (+offline news knowledge graph; polite: robots.txt, 1 request per host at a time)`,
  robotsAgent: 'newsgraph',
  timeoutMs: 20_000,
  tries: 3,
  backoffMs: 1_000,
  maxWaitMs: 30_000,
  maxRedirects: 5,
  maxBytes: 10 * 1024 * 1024,
  hostDelayMs: 1_000,
  allowPrivate: false,
  cacheDir: defaultCacheDir(),
};

export function resolveFetchOptions(partial: Partial<FetchOptions> = {}): FetchOptions {
  const options = { ...DEFAULT_FETCH_OPTIONS, ...partial };
  const counts: Array<[keyof FetchOptions, string, number]> = [
    ['timeoutMs', '--timeout', 1], ['tries', 'tries', 1], ['backoffMs', 'backoffMs', 0], ['maxWaitMs', 'maxWaitMs', 0],
    ['maxRedirects', 'maxRedirects', 0], ['maxBytes', '--max-doc-bytes', 1], ['hostDelayMs', '--delay', 0],
  ];
  for (const [key, name, min] of counts) {
    const v = options[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new UsageError(`must be an integer ≥ ${min}, got ${String(v)}`, name);
  }
  if (typeof options.allowPrivate !== 'boolean') throw new UsageError(`must be true or false, got ${String(options.allowPrivate)}`, '--allow-private');
  if (typeof options.userAgent !== 'string' || options.userAgent === '' || /[\r\n]/.test(options.userAgent)) throw new UsageError('must be one line of text', 'userAgent');
  if (typeof options.cacheDir !== 'string') throw new UsageError('must be a directory', '--cache-dir');
  return options;
}
