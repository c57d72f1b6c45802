// A small static server for the viewer: the viewer's files at `/`, the graph files of one output
// directory by name. Read-only (GET and HEAD), local by default, and strict about paths: nothing
// outside its two directories is ever served, whatever the URL or the symlinks say.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { InputError, UsageError, messageOf } from '../errors';
import { StoreApi } from '../store/api';
import { answerEdit, CURATION_PATH, EDIT_HEADER, newToken, type EditOptions } from './edit';

export interface ServeOptions {
  /** Directory with graph.json (and graph.gexf, …), served by file name. */
  dir: string;
  /** Directory of the built viewer (index.html, app.js, style.css). */
  viewerDir: string;
  /** Interface to bind; loopback unless told otherwise. */
  host: string;
  /** TCP port; 0 picks a free one (the real port is in the returned url). */
  port: number;
  /** Also serve source maps (`--dev`); the store file is never served. */
  dev: boolean;
  /** `--edit`: accept the viewer's curation file (./edit.ts); null serves read-only. */
  edit: { file?: string; token?: string } | null;
}

export const DEFAULT_SERVE_OPTIONS: Readonly<ServeOptions> = Object.freeze({
  dir: '.',
  // Compiled to dist/src/serve/index.js, the built viewer lives in dist/viewer.
  viewerDir: path.resolve(__dirname, '../../viewer'),
  host: '127.0.0.1',
  port: 8080,
  dev: false,
  edit: null,
});

export interface RunningServer {
  url: string;
  /** In edit mode: the URL to open, with this run's token (see ./edit.ts). */
  editUrl?: string;
  close(): Promise<void>;
}

/** Sent with every response: the viewer has no inline script, so forbid it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.jsonl': 'application/x-ndjson; charset=utf-8',
  '.gexf': 'application/xml; charset=utf-8',
  '.graphml': 'application/xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Sent with graph.json when /api/evidence and /api/search can answer from the directory's store.
 * The viewer asks them only then: no extra request on page load, and no 404 in the browser console
 * when there is no store (viewer/src/archive.ts reads it).
 */
export const API_HEADER = 'X-Newsgraph-Api';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Checks and completes options; throws UsageError / InputError naming the bad option. */
export function resolveServeOptions(options: Partial<ServeOptions> & { dir: string }): ServeOptions {
  const resolved: ServeOptions = { ...DEFAULT_SERVE_OPTIONS, ...definedOnly(options) };
  if (typeof resolved.host !== 'string' || resolved.host.trim() === '') {
    throw new UsageError('expected a host name or address', '--host');
  }
  if (!Number.isInteger(resolved.port) || resolved.port < 0 || resolved.port > 65535) {
    throw new UsageError(`expected an integer port from 0 to 65535, got ${String(resolved.port)}`, '--port');
  }
  resolved.dir = path.resolve(resolved.dir);
  resolved.viewerDir = path.resolve(resolved.viewerDir);
  requireDirectory(resolved.dir, 'not a directory');
  requireDirectory(resolved.viewerDir, 'viewer not found (run `npm run build`)');
  if (!isFile(path.join(resolved.viewerDir, 'index.html'))) {
    throw new InputError('viewer not built: index.html is missing (run `npm run build`)', resolved.viewerDir);
  }
  return resolved;
}

/** Starts serving; resolves once listening. Rejects with UsageError when the port is taken. */
export async function startServer(options: Partial<ServeOptions> & { dir: string }): Promise<RunningServer> {
  const opts = resolveServeOptions(options);
  const dataRoot = realpathOrThrow(opts.dir);
  const roots = [realpathOrThrow(opts.viewerDir), dataRoot];
  const api = new StoreApi(opts.dir);
  const extraHeaders = (root: string, relative: readonly string[]): Record<string, string> => {
    if (root !== dataRoot || relative.length !== 1 || relative[0] !== 'graph.json') return {};
    return { ...(storeAnswers(api) ? { [API_HEADER]: 'evidence, search' } : {}), ...(opts.edit !== null ? { [EDIT_HEADER]: 'curation' } : {}) };
  };
  const loopbackOnly = isLoopback(opts.host);
  if (opts.edit !== null && !loopbackOnly) throw new UsageError('--edit serves a write API: only on a loopback address (127.0.0.1, ::1, localhost)', '--host');
  const edit: EditOptions | null =
    opts.edit === null ? null : { dir: opts.dir, file: path.resolve(opts.edit.file ?? path.join(opts.dir, 'curation.json')), token: opts.edit.token ?? newToken() };
  const server = http.createServer((req, res) => {
    // DNS rebinding: a web page from elsewhere can point its own name at 127.0.0.1 and read what
    // this server answers. A loopback server therefore only answers to loopback names.
    if (loopbackOnly && !isLoopbackHostHeader(req.headers.host)) {
      send(res, 403, 'forbidden: this server only answers requests for localhost\n', req.method === 'HEAD');
      return;
    }
    // /api/curation: the one write, in edit mode only (./edit.ts).
    if ((req.url ?? '').startsWith(CURATION_PATH)) {
      answerEdit(req, edit).then(
        (a) => {
          if (a === undefined) {
            send(res, 404, 'not found\n', req.method === 'HEAD');
            return;
          }
          const body = Buffer.from(a.body, 'utf8');
          res.statusCode = a.status;
          setCommonHeaders(res);
          res.setHeader('Content-Type', a.contentType);
          res.setHeader('Content-Length', body.length);
          res.end(req.method === 'HEAD' ? undefined : body);
        },
        () => {
          if (!res.headersSent) send(res, 500, 'internal error\n', req.method === 'HEAD');
        },
      );
      return;
    }
    // /api/evidence and /api/search, answered from DIR/newsgraph.db (src/store/api.ts).
    let answer: ReturnType<StoreApi['answer']>;
    try {
      answer = req.method === 'GET' || req.method === 'HEAD' ? api.answer(req.url ?? '/') : undefined;
    } catch {
      // A request never takes the server down: a throw here would end `newsgraph serve`.
      send(res, 500, 'internal error\n', req.method === 'HEAD');
      return;
    }
    if (answer) {
      const body = Buffer.from(answer.body, 'utf8');
      res.statusCode = answer.status;
      setCommonHeaders(res);
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    handle(req, res, roots, extraHeaders, opts.dev).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, 'internal error\n', req.method === 'HEAD');
      else res.destroy(e instanceof Error ? e : undefined);
    });
  });
  server.keepAliveTimeout = 2000;

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.close();
      if (e.code === 'EADDRINUSE') {
        reject(new UsageError(`port ${opts.port} on ${opts.host} is already in use (pick another, or --port 0 for any free port)`, '--port', { cause: e }));
      } else if (e.code === 'EACCES') {
        reject(new UsageError(`no permission to listen on port ${opts.port} on ${opts.host}`, '--port', { cause: e }));
      } else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
        reject(new UsageError(`cannot listen on ${opts.host}: no such local address`, '--host', { cause: e }));
      } else {
        reject(new UsageError(`cannot listen on ${opts.host}:${opts.port}: ${messageOf(e)}`, '--port', { cause: e }));
      }
    };
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostForUrl}:${address.port}/`,
    ...(edit !== null ? { editUrl: `http://${hostForUrl}:${address.port}/?token=${edit.token}` } : {}),
    close: () =>
      new Promise<void>((resolve, reject) => {
        api.close();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Whether the store can answer /api/evidence and /api/search. */
function storeAnswers(api: StoreApi): boolean {
  try {
    // StoreApi looks for a usable store before it reads any parameter: a bare /api/evidence gets
    // 404 without one and 400 ("edge is required") with one.
    return api.answer('/api/evidence')?.status === 400;
  } catch {
    return false;
  }
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  roots: readonly string[],
  extraHeaders: (root: string, relative: readonly string[]) => Record<string, string>,
  dev = false,
): Promise<void> {
  const method = req.method ?? 'GET';
  const head = method === 'HEAD';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed\n', false);
    return;
  }
  const segments = parseRequestPath(req.url ?? '/');
  if (segments === null) {
    send(res, 400, 'bad request\n', head);
    return;
  }
  const relative = segments.length === 0 ? ['index.html'] : segments;
  if (notServed(relative, dev)) {
    send(res, 404, 'not found\n', head);
    return;
  }
  for (const root of roots) {
    const file = await resolveInside(root, relative);
    if (file !== null) {
      await sendFile(req, res, file, extraHeaders(root, relative));
      return;
    }
  }
  send(res, 404, 'not found\n', head);
}

/**
 * Files the viewer never needs: the store (every full text and input path; the API answers from
 * it) and its journals, and source maps unless `--dev`.
 */
export function notServed(segments: readonly string[], dev: boolean): boolean {
  const name = (segments[segments.length - 1] ?? '').toLowerCase();
  if (/\.(db|sqlite3?)(-journal|-wal|-shm)?$/.test(name)) return true;
  return !dev && name.endsWith('.map');
}

/**
 * Splits the URL path into decoded segments, or null when it is malformed or tries anything odd:
 * `..`, `.`, encoded slashes or backslashes, NUL and other control characters, dotfiles, empty segments.
 */
export function parseRequestPath(rawUrl: string): string[] | null {
  if (!rawUrl.startsWith('/')) return null; // absolute-form or authority-form requests
  const cut = rawUrl.search(/[?#]/);
  const rawPath = cut === -1 ? rawUrl : rawUrl.slice(0, cut);
  if (rawPath === '/') return [];
  const rawSegments = rawPath.slice(1).split('/');
  // A trailing slash names a directory: keep the name so that it answers 404 (no listings).
  if (rawSegments.length > 1 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (
      segment === '' ||
      segment.startsWith('.') ||
      /[/\\:]/.test(segment) ||
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u001f\u007f]/.test(segment)
    ) {
      return null;
    }
    segments.push(segment);
  }
  return segments;
}

/** The real path of root/segments when it is a regular file inside root, else null. */
async function resolveInside(root: string, segments: readonly string[]): Promise<string | null> {
  const candidate = path.resolve(root, ...segments);
  if (!isWithin(root, candidate)) return null;
  let real: string;
  try {
    real = await fs.promises.realpath(candidate);
  } catch {
    return null;
  }
  if (!isWithin(root, real)) return null; // a symlink pointing out
  try {
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? real : null; // no directory listings
  } catch {
    return null;
  }
}

function isWithin(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * A file, with a validator: a build or `newsgraph watch` replaces graph.json while the viewer is
 * open, and the viewer asks (HEAD, or GET with If-None-Match) whether it changed. The ETag comes
 * from the opened file's inode, size and modification time: files are replaced by rename, so the bytes
 * read through that handle are the ones it names. HEAD never reads the body.
 */
async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, headers: Record<string, string>): Promise<void> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const stat = await handle.stat();
    // The inode too: a file renamed into place within the same millisecond, at the same size, is another version.
    const etag = `W/"${stat.ino.toString(16)}-${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    setCommonHeaders(res);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', contentTypeOf(file));
    const body = req.method === 'HEAD' ? undefined : await handle.readFile();
    res.setHeader('Content-Length', body?.length ?? stat.size);
    res.end(body);
  } finally {
    await handle.close();
  }
}

/** If-None-Match against an ETag, compared weakly (RFC 9110 §13.1.2): `*`, or any listed tag. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

function send(res: http.ServerResponse, status: number, text: string, head: boolean): void {
  const body = Buffer.from(text, 'utf8');
  res.statusCode = status;
  setCommonHeaders(res);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.end(head ? undefined : body);
}

function setCommonHeaders(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** True for addresses and names that only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/** The Host header names this machine (any port); a request without one (HTTP/1.0) is let through. */
export function isLoopbackHostHeader(header: string | undefined): boolean {
  if (header === undefined) return true;
  const h = header.trim();
  const name = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d*$/, '');
  return name !== '' && isLoopback(name);
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function requireDirectory(dir: string, reason: string): void {
  let ok = false;
  try {
    ok = fs.statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new InputError(reason, dir);
}

function realpathOrThrow(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch (e) {
    throw new InputError(`cannot read directory: ${messageOf(e)}`, dir, { cause: e });
  }
}
