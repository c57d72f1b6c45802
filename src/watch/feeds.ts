// Feeds under `newsgraph watch`: each URL input is asked again every feed interval (through
// the polite fetcher and its cache, so an unchanged feed costs one 304), and the links of items
// not seen before are handed to the watcher as new inputs. A URL that is a page, not a feed, is
// read by the first build and not polled.
import { InputError, messageOf } from '../errors';
import { decodeBody } from '../ingest/urls';
import { contentKind, parseFeed } from '../ingest/feeds';
import { PoliteFetcher, type FetchOptions } from '../ingest/fetch';
import type { InputWarning } from '../ingest';

export class FeedPoller {
  private readonly fetcher: PoliteFetcher;
  /** Item links already handed on (or read by the first build), per feed. */
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly feeds: readonly string[], fetch: Partial<FetchOptions>, private readonly onWarning: (w: InputWarning) => void) {
    this.fetcher = new PoliteFetcher(fetch);
  }

  /** Records every current item as seen: the first build reads them. */
  async prime(): Promise<void> {
    await this.poll();
  }

  /** Links of items that appeared since the last poll, in feed order; a feed that fails is a warning and tried again next time. */
  async poll(): Promise<string[]> {
    const fresh: string[] = [];
    for (const feed of this.feeds) {
      const links = await this.links(feed);
      if (links === undefined) continue;
      const first = !this.seen.has(feed);
      const seen = this.seen.get(feed) ?? new Set<string>();
      this.seen.set(feed, seen);
      for (const link of links) {
        if (seen.has(link)) continue;
        seen.add(link);
        if (!first) fresh.push(link);
      }
    }
    return fresh;
  }

  async close(): Promise<void> {
    await this.fetcher.close();
  }

  /** The feed's item links, [] for a page, undefined when it could not be read now. */
  private async links(feed: string): Promise<string[] | undefined> {
    try {
      const page = await this.fetcher.get(feed);
      const decoded = decodeBody(page.body, page.contentType);
      if ('reason' in decoded) return undefined;
      const kind = contentKind(page.contentType, decoded.text);
      if (kind !== 'xml-feed' && kind !== 'json-feed') return [];
      return parseFeed(kind, decoded.text, page.finalUrl).items.map((i) => i.link).filter((l): l is string => l !== undefined);
    } catch (e) {
      const reason = e instanceof InputError ? e.reason : messageOf(e);
      this.onWarning({ file: feed, reason: `not polled this time (${reason.replace(/, skipped$/, '')})` });
      return undefined;
    }
  }
}
