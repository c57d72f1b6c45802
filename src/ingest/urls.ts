// URL inputs → raw documents: a page is one document; a feed is one document per item, each
// item's link fetched as a page (or, without a link, the content the feed carries). Every URL
// that cannot be had is a warning naming it, and the rest go on.
import * as fs from 'node:fs';
import { InputError, messageOf } from '../errors';
import { decodeText } from './decode';
import { contentKind, FeedError, parseFeed, type FeedItem } from './feeds';
import type { FetchedPage, PoliteFetcher } from './fetch';

/** A document before ingest's common steps (HTML to article, title and date, checks). */
export interface RawDocument {
  readonly id: string;
  readonly text: string;
  readonly origin: string;
  readonly format: 'html' | 'text';
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  /** Where a page was fetched from: the base of its relative links, and its url unless it states a canonical one. */
  readonly baseUrl?: string;
  /** HTML that is the article itself (a feed item's content), not a page to find it in. */
  readonly fragment?: boolean;
  /** A date to take when neither the input nor the page states one (a WARC record's crawl date). */
  readonly fallbackDate?: string;
}

export type Warn = (w: { file: string; reason: string }) => void;

/** An input that names a URL (any scheme: file: and ftp: are refused with a reason, not read as paths). */
export function isUrlInput(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

/** `--urls FILE`: one URL a line; blank lines and lines starting with # are skipped. */
export function readUrlList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read (${typeof code === 'string' ? code : messageOf(e)})`, file);
  }
  return text.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Reads one URL input: a page or a feed. */
export async function* readUrl(url: string, fetcher: PoliteFetcher, warn: Warn): AsyncGenerator<RawDocument> {
  let page: FetchedPage;
  try {
    page = await fetcher.get(url);
  } catch (e) {
    warn(failure(e, url));
    return;
  }
  const text = bodyText(page, url, warn);
  if (text === undefined) return;
  const kind = contentKind(page.contentType, text);
  if (kind === 'json-feed' || kind === 'xml-feed') {
    let items: readonly FeedItem[];
    try {
      items = parseFeed(kind, text, page.finalUrl).items;
    } catch (e) {
      warn({ file: url, reason: `${e instanceof FeedError ? e.message : `not a feed (${messageOf(e)})`}, skipped` });
      return;
    }
    if (items.length === 0) warn({ file: url, reason: 'a feed with no items, skipped' });
    // An aggregator's items are on many sites: fetched side by side, read in feed order.
    fetcher.readAhead(items.map((i) => i.link).filter((l): l is string => l !== undefined));
    for (const [i, item] of items.entries()) yield* readItem(item, `${url}#${i + 1}`, fetcher, warn);
    return;
  }
  if (kind === undefined) {
    warn({ file: url, reason: `not a feed or page (Content-Type ${page.contentType || 'none'}), skipped` });
    return;
  }
  yield { id: url, text, origin: url, format: kind, baseUrl: page.finalUrl };
}

async function* readItem(item: FeedItem, where: string, fetcher: PoliteFetcher, warn: Warn): AsyncGenerator<RawDocument> {
  const meta = { ...(item.title !== undefined ? { title: item.title } : {}), ...(item.date !== undefined ? { date: item.date } : {}) };
  if (item.link === undefined) {
    if (item.html !== undefined) yield { id: item.id ?? where, text: item.html, origin: where, format: 'html', fragment: true, ...meta };
    else warn({ file: where, reason: 'a feed item with neither a link nor content, skipped' });
    return;
  }
  let page: FetchedPage;
  try {
    page = await fetcher.get(item.link);
  } catch (e) {
    warn(failure(e, item.link));
    return;
  }
  const text = bodyText(page, item.link, warn);
  if (text === undefined) return;
  const kind = contentKind(page.contentType, text);
  if (kind !== 'html' && kind !== 'text') {
    warn({ file: item.link, reason: `not a page (Content-Type ${page.contentType || 'none'}), skipped` });
    return;
  }
  yield { id: item.link, text, origin: item.link, format: kind, baseUrl: page.finalUrl, ...meta };
}

function failure(e: unknown, url: string): { file: string; reason: string } {
  if (e instanceof InputError) return { file: e.file ?? url, reason: e.reason };
  return { file: url, reason: `cannot fetch (${messageOf(e)}), skipped` };
}

/** The body as text: the charset the server names when it is not UTF-8, else ingest's own decoding (BOM, UTF-16, Windows-1252). */
function bodyText(page: FetchedPage, url: string, warn: Warn): string | undefined {
  if (page.body.length === 0) {
    warn({ file: url, reason: 'empty response, skipped' });
    return undefined;
  }
  const decoded = decodeBody(page.body, page.contentType);
  if ('reason' in decoded) {
    warn({ file: url, reason: `${decoded.reason}, skipped` });
    return undefined;
  }
  return decoded.text;
}

/** An HTTP body (fetched, or out of a WARC record) as text, by its Content-Type's charset or by its bytes. */
export function decodeBody(body: Uint8Array, contentType: string): { text: string } | { reason: string } {
  const charset = /;\s*charset=["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8' && body[0] !== 0xef && body[0] !== 0xff && body[0] !== 0xfe) {
    try {
      return { text: new TextDecoder(charset).decode(body) };
    } catch {
      // an unknown label: decoded as below
    }
  }
  const decoded = decodeText(body);
  return decoded.ok ? { text: decoded.text } : { reason: decoded.reason };
}
