// An on-disk HTTP cache keyed by URL: the body as it came, and the validators (ETag,
// Last-Modified) that let a rerun ask "has it changed?" and get a 304 instead of the page.
// Each entry is written to a temporary file and renamed, so a killed run leaves whole entries.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CachedResponse {
  readonly url: string;
  /** Where the content finally came from (after redirects). */
  readonly finalUrl: string;
  readonly status: number;
  readonly contentType: string;
  readonly etag?: string;
  readonly lastModified?: string;
  readonly body: Buffer;
}

interface EntryMeta {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  etag?: string;
  lastModified?: string;
  size: number;
}

export class HttpCache {
  constructor(private readonly dir: string) {}

  private paths(url: string): { meta: string; body: string } {
    const key = createHash('sha256').update(url).digest('hex');
    const base = path.join(this.dir, key.slice(0, 2), key);
    return { meta: `${base}.json`, body: `${base}.body` };
  }

  get(url: string): CachedResponse | undefined {
    if (this.dir === '') return undefined;
    const p = this.paths(url);
    try {
      const meta = JSON.parse(fs.readFileSync(p.meta, 'utf8')) as EntryMeta;
      const body = fs.readFileSync(p.body);
      // A torn or foreign entry (another URL with the same name, a truncated body) is a miss.
      if (meta.url !== url || body.length !== meta.size || typeof meta.finalUrl !== 'string') return undefined;
      return {
        url, finalUrl: meta.finalUrl, status: meta.status, contentType: meta.contentType, body,
        ...(meta.etag !== undefined ? { etag: meta.etag } : {}), ...(meta.lastModified !== undefined ? { lastModified: meta.lastModified } : {}),
      };
    } catch {
      return undefined;
    }
  }

  /** Keeps a response that has a validator (only those can be revalidated); failures to write are not errors. */
  put(entry: CachedResponse): void {
    if (this.dir === '' || (entry.etag === undefined && entry.lastModified === undefined)) return;
    const p = this.paths(entry.url);
    const meta: EntryMeta = {
      url: entry.url, finalUrl: entry.finalUrl, status: entry.status, contentType: entry.contentType, size: entry.body.length,
      ...(entry.etag !== undefined ? { etag: entry.etag } : {}), ...(entry.lastModified !== undefined ? { lastModified: entry.lastModified } : {}),
    };
    try {
      fs.mkdirSync(path.dirname(p.body), { recursive: true });
      writeAtomic(p.body, entry.body);
      writeAtomic(p.meta, JSON.stringify(meta));
    } catch {
      // A cache that cannot be written only costs a refetch next time.
    }
  }
}

let counter = 0;
function writeAtomic(file: string, data: Buffer | string): void {
  const tmp = `${file}.${process.pid}.${counter++}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
