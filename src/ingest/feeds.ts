// Feeds → their items: RSS 2.0 and RDF (RSS 1.0) and Atom through @rowanmanning/feed-parser,
// JSON Feed (a JSON document, read here against its spec's field names). An item is where to
// find an article (its link) and what the feed says about it (title, date, and sometimes the
// content itself).
import type { parseFeed as parseXmlFeed } from '@rowanmanning/feed-parser';
import { feedParser } from './lazy';
import { absoluteUrl, clean } from './article';

export interface FeedItem {
  /** The article's address, resolved against the feed's (http(s) only). */
  readonly link?: string;
  readonly id?: string;
  readonly title?: string;
  /** As the feed states it (ISO 8601). */
  readonly date?: string;
  /** HTML the feed carries for the item (content:encoded, Atom content, content_html …), when any. */
  readonly html?: string;
}

export interface Feed {
  readonly format: 'rss' | 'atom' | 'json';
  readonly title?: string;
  readonly items: readonly FeedItem[];
}

export type ContentKind = 'json-feed' | 'xml-feed' | 'html' | 'text';

/** What a response is, from its Content-Type and, where that is vague or wrong, its first bytes. */
export function contentKind(contentType: string, body: string): ContentKind | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const head = body.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  const looksXmlFeed = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]/.test(head) || (head.startsWith('<?xml') && /<(rss|feed|rdf:rdf)[\s>]/.test(body.slice(0, 4096).toLowerCase()));
  if (type.includes('json')) return 'json-feed';
  if (looksXmlFeed || /(rss|atom|rdf)\+xml/.test(type)) return 'xml-feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/xml' || type === 'text/xml') return /<html[\s>]/.test(head) ? 'html' : 'xml-feed';
  if (type === '' || type === 'text/plain' || type === 'application/octet-stream') {
    if (head.startsWith('{')) return 'json-feed';
    if (/^<(!doctype html|html|head|body)[\s>]/.test(head)) return 'html';
    return type === 'text/plain' ? 'text' : undefined;
  }
  return undefined;
}

export class FeedError extends Error {}

/** Parses a feed; throws FeedError with a reason for anything that is not one. */
export function parseFeed(kind: 'json-feed' | 'xml-feed', body: string, feedUrl: string): Feed {
  return kind === 'json-feed' ? parseJsonFeed(body, feedUrl) : parseXml(body, feedUrl);
}

function parseXml(body: string, feedUrl: string): Feed {
  let feed: ReturnType<typeof parseXmlFeed>;
  try {
    feed = feedParser().parseFeed(body);
  } catch (e) {
    throw new FeedError(`not a feed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
  let items: FeedItem[];
  let title: string | undefined;
  try {
    title = clean(feed.title);
    items = feed.items.map((item) => defined({
      link: absoluteUrl(item.url, feedUrl),
      id: clean(item.id),
      title: clean(item.title),
      date: isoOf(item.published ?? item.updated),
      html: item.content ?? undefined,
    }));
  } catch (e) {
    throw new FeedError(`not a feed (${e instanceof Error ? e.message : String(e)})`);
  }
  const format = /<feed[\s>]/i.test(body.slice(0, 4096)) ? 'atom' : 'rss';
  return { format, ...defined({ title }), items };
}

function parseJsonFeed(body: string, feedUrl: string): Feed {
  let data: unknown;
  try {
    data = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new FeedError(`not a feed (malformed JSON: ${e instanceof Error ? e.message : String(e)})`);
  }
  const feed = record(data);
  if (!feed || typeof feed.version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\//.test(feed.version) || !Array.isArray(feed.items)) {
    throw new FeedError('not a feed (JSON without a JSON Feed "version" and "items")');
  }
  const items = feed.items.map(record).filter((i): i is Record<string, unknown> => i !== undefined).map((item) => defined({
    link: absoluteUrl(str(item.url) ?? str(item.external_url), feedUrl),
    id: clean(str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined)),
    title: clean(str(item.title)),
    date: isoOf(str(item.date_published) ?? str(item.date_modified)),
    html: str(item.content_html) ?? textAsHtml(str(item.content_text)),
  }));
  return { format: 'json', ...defined({ title: clean(str(feed.title)) }), items };
}

/** Plain text as HTML paragraphs, so that every item's content goes through one reader. */
function textAsHtml(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.split(/\n\s*\n/).map((p) => `<p>${escape(p)}</p>`).join('\n');
}

function isoOf(v: Date | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  const date = typeof v === 'string' ? new Date(v) : v;
  return Number.isNaN(date.getTime()) ? (typeof v === 'string' ? clean(v) : undefined) : date.toISOString();
}


function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}


function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
