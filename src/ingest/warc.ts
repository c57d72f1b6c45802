// WARC files (.warc, .warc.gz; Common Crawl's CC-NEWS is such a file a few hours of news long)
// → one raw document per HTML response record, read as a stream by warcio: a record is read,
// handed on and dropped, so a file of any size is never unpacked or held. Records that are not
// HTML pages (requests, metadata, redirects, images, robots.txt) are not documents and pass
// silently; an HTML record that cannot be read is a warning naming the file and the URL.
import { createReadStream } from 'node:fs';
import { warcio } from './lazy';
import { messageOf } from '../errors';
import { decodeBody, type RawDocument, type Warn } from './urls';

export interface WarcOptions {
  /** An HTML record larger than this is skipped with a warning, unread. */
  maxDocBytes: number;
}

/** Media types of the HTML pages a record may carry. */
const HTML_TYPES = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

export async function* readWarc(file: string, options: WarcOptions, warn: Warn): AsyncGenerator<RawDocument> {
  const stream = createReadStream(file);
  let records = 0;
  let pages = 0;
  try {
    const parser = new (warcio().WARCParser)(stream);
    for await (const record of parser) {
      records++;
      if (record.warcType !== 'response') continue;
      const uri = record.warcTargetURI ?? undefined;
      const status = Number(record.httpHeaders?.statusCode);
      const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
      if (uri === undefined || status !== 200 || !HTML_TYPES.test(contentType)) continue;
      const where = `${file}#${uri}`;
      const length = Number(record.warcHeaders.headers.get('content-length'));
      if (Number.isFinite(length) && length > options.maxDocBytes) {
        warn({ file: where, reason: `record is ${length} bytes, over --max-doc-bytes ${options.maxDocBytes}, skipped` });
        continue; // the parser skips the unread body
      }
      let body: Uint8Array;
      try {
        body = await record.readFully(true); // de-chunked and decompressed as the server sent it
      } catch (e) {
        warn({ file: where, reason: `cannot read the record's body (${messageOf(e)}), skipped` });
        continue;
      }
      const decoded = decodeBody(body, contentType);
      if ('reason' in decoded) {
        warn({ file: where, reason: `${decoded.reason}, skipped` });
        continue;
      }
      pages++;
      const date = record.warcDate ?? undefined;
      yield { id: uri, text: decoded.text, origin: where, format: 'html', baseUrl: uri, ...(date !== undefined ? { fallbackDate: date } : {}) };
    }
  } catch (e) {
    warn({ file, reason: `not a readable WARC file after ${records} records (${messageOf(e).split('\n')[0] ?? ''}), skipped` });
    return;
  } finally {
    stream.destroy();
  }
  if (records === 0) warn({ file, reason: 'not a WARC file (no records), skipped' });
  else if (pages === 0) warn({ file, reason: `no HTML pages among ${records} WARC records, skipped` });
}
