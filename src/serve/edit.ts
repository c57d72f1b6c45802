// `serve --edit`: the one write the server accepts, the viewer's curation file.
//
//   GET  /api/curation   the file as it is (an empty curation when there is none yet)
//   POST /api/curation   a whole curation object (application/json), written atomically
//
// A page from anywhere else must not be able to write it: the server binds loopback only
// (startServer refuses --edit otherwise), answers only to a loopback Host (DNS rebinding), takes a
// POST only with this run's token (printed in the terminal URL, never stored) in
// X-Newsgraph-Token, and only from its own Origin, with a JSON content type (no HTML form can send
// one). The build directory's lock (src/store/lock.ts) is held while the file is replaced, so a
// save never interleaves with a build of the same directory.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { BusyError, messageOf } from '../errors';
import { CurationFormatError, emptyCuration, parseCuration, serializeCuration } from '../graph/curation';
import { writeCurationFile } from '../graph/curation-file';
import { lockDirectory } from '../store/lock';

export const CURATION_PATH = '/api/curation';
export const TOKEN_HEADER = 'X-Newsgraph-Token';
/** Sent with graph.json in edit mode: the viewer offers saving (it still needs the token). */
export const EDIT_HEADER = 'X-Newsgraph-Edit';
/** The curation file is small; anything larger is refused before it is read whole. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface EditOptions {
  /** The curation file written (default DIR/curation.json). */
  file: string;
  /** The per-run secret; a random one unless given (tests). */
  token: string;
  /** The build directory whose lock a write takes. */
  dir: string;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export interface EditAnswer {
  status: number;
  body: string;
  contentType: string;
}

const json = (status: number, value: unknown): EditAnswer => ({ status, body: `${JSON.stringify(value)}\n`, contentType: 'application/json; charset=utf-8' });

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request's own origin, from its Host header: what a page this server served sends as Origin. */
function ownOrigin(req: http.IncomingMessage): string | null {
  const host = req.headers.host;
  return host === undefined ? null : `http://${host}`;
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers /api/curation; undefined for any other path (the static server goes on). */
export async function answerEdit(req: http.IncomingMessage, options: EditOptions | null): Promise<EditAnswer | undefined> {
  const url = req.url ?? '/';
  const pathname = url.split(/[?#]/)[0];
  if (pathname !== CURATION_PATH) return undefined;
  if (options === null) return json(404, { error: 'not in edit mode (start the server with `newsgraph serve DIR --edit`)' });
  if (req.method === 'GET' || req.method === 'HEAD') {
    try {
      return json(200, parseCuration(JSON.parse(fs.readFileSync(options.file, 'utf8'))));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return json(200, emptyCuration());
      return json(500, { error: `cannot read ${path.basename(options.file)}: ${messageOf(e)}` });
    }
  }
  if (req.method !== 'POST') return json(405, { error: 'GET or POST only' });
  // The checks, each with its own answer: a refused request never reads the body.
  const origin = req.headers.origin;
  if (origin === undefined || origin !== ownOrigin(req)) return json(403, { error: 'forbidden: another origin' });
  const token = req.headers[TOKEN_HEADER.toLowerCase()];
  if (!sameToken(typeof token === 'string' ? token : undefined, options.token)) return json(403, { error: 'forbidden: missing or wrong token' });
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return json(415, { error: 'expected application/json' });
  const body = await readBody(req);
  if (body === null) return json(413, { error: `larger than ${MAX_BODY_BYTES} bytes` });
  let curation;
  try {
    curation = parseCuration(JSON.parse(body));
  } catch (e) {
    if (e instanceof SyntaxError || e instanceof CurationFormatError) return json(400, { error: messageOf(e) });
    throw e;
  }
  let lock;
  try {
    lock = lockDirectory(options.dir, 'serve --edit');
  } catch (e) {
    if (e instanceof BusyError) return json(409, { error: messageOf(e) });
    throw e;
  }
  try {
    await writeCurationFile(options.file, curation);
  } catch (e) {
    return json(500, { error: messageOf(e) });
  } finally {
    lock.release();
  }
  return json(200, { saved: path.basename(options.file), bytes: Buffer.byteLength(serializeCuration(curation)) });
}
