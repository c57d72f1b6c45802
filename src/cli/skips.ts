// Warnings as the CLI reports them: one line each as they come (hidden by -q), and at the end one
// summary line that counts them by reason (never hidden: a script that ran with -q still learns
// that 98 inputs were skipped, and why). Whether they change the exit code is --strict's business.
import { printable } from '../errors';
import type { InputWarning } from '../ingest';

/** The reason groups of the summary line, tried in order on a warning's reason. */
const REASON_GROUPS: ReadonlyArray<{ readonly label: string; readonly test: RegExp; readonly skip: boolean; readonly reason: string }> = [
  { label: 'same text as another document', test: /^same (text|document) as /, skip: true, reason: 'duplicates are processed once' },
  { label: 'document id already used', test: /^document id ".*" already used/s, skip: true, reason: 'ids must be unique in a store' },
  { label: 'not English', test: /read English only/, skip: true, reason: 'the rules would take foreign nouns for names' },
  { label: 'too large', test: /over --max-doc-bytes|too large|over the size cap/, skip: true, reason: 'never held in memory' },
  { label: 'empty or no text', test: /^empty file|^empty response|^no text|no article text/, skip: true, reason: 'nothing to read' },
  { label: 'binary content', test: /binary content|not text/, skip: true, reason: 'PDF, images, archives' },
  { label: 'unsupported file type', test: /^unsupported file type|^not a regular file/, skip: true, reason: 'not a format we read' },
  { label: 'malformed JSON line', test: /malformed JSON line|no "text" string|JSONL|not a `newsgraph extract` line/, skip: true, reason: 'a JSONL line that is not a document' },
  { label: 'more lines skipped', test: /^\d+ more lines skipped/, skip: true, reason: 'counted by the number in the warning' },
  { label: 'forbidden by robots.txt', test: /robots\.txt/, skip: true, reason: 'the site asks crawlers not to fetch it' },
  { label: 'private address refused', test: /private|loopback|--allow-private/, skip: true, reason: 'never fetched unless --allow-private' },
  { label: 'fetch failed', test: /^HTTP |timed out|redirect|cannot fetch|fetch failed|not a valid URL|only http and https|user name or password|connection/i, skip: true, reason: 'the page could not be had' },
  { label: 'not a feed or page', test: /not a feed|not a page|not HTML|not a WARC|WARC|feed with no items|feed item with neither/, skip: true, reason: 'content we cannot read as news' },
  { label: 'unreadable', test: /no such file|permission denied|is a directory|not a directory|too many|cannot read/, skip: true, reason: 'the file system refused' },
  { label: 'read as visible text', test: /no article found/, skip: false, reason: 'Readability found no article: the whole page was read' },
  { label: 'decoded as Windows-1252', test: /decoded as Windows-1252/, skip: false, reason: 'invalid UTF-8, still read' },
];

export interface WarningCounts {
  /** Inputs (or lines) skipped, by label. */
  readonly skipped: ReadonlyMap<string, number>;
  /** Warnings about inputs that were still read, by label. */
  readonly noted: ReadonlyMap<string, number>;
}

export function groupOf(reason: string): { label: string; skip: boolean } {
  const group = REASON_GROUPS.find((g) => g.test.test(reason));
  if (group) return { label: group.label, skip: group.skip };
  return { label: /skipped|not added/.test(reason) ? 'other reasons' : 'other warnings', skip: /skipped|not added/.test(reason) };
}

export class WarningLog {
  count = 0;
  private readonly skipped = new Map<string, number>();
  private readonly noted = new Map<string, number>();

  constructor(private readonly stderr: NodeJS.WritableStream, private readonly quiet: boolean) {}

  readonly warn = (w: InputWarning): void => {
    this.count++;
    const group = groupOf(w.reason);
    const table = group.skip ? this.skipped : this.noted;
    const more = /^(\d+) more lines skipped/.exec(w.reason);
    table.set(group.label, (table.get(group.label) ?? 0) + (more ? Number(more[1]) : 1));
    if (!this.quiet) this.stderr.write(`newsgraph: warning: ${printable(w.file)}: ${printable(w.reason)}\n`); // names come from outside
  };

  counts(): WarningCounts {
    return { skipped: this.skipped, noted: this.noted };
  }

  /** "newsgraph: skipped 3 inputs: 2 same text as another document, 1 not English; 1 warning: …", or undefined when all went well. */
  summary(): string | undefined {
    return summaryLine(this.counts());
  }
}

export function summaryLine({ skipped, noted }: WarningCounts): string | undefined {
  const total = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const list = (m: ReadonlyMap<string, number>): string =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([label, n]) => `${n} ${label}`).join(', ');
  const parts: string[] = [];
  const s = total(skipped);
  const n = total(noted);
  if (s > 0) parts.push(`skipped ${s} input${s === 1 ? '' : 's'}: ${list(skipped)}`);
  if (n > 0) parts.push(`${n} warning${n === 1 ? '' : 's'}: ${list(noted)}`);
  return parts.length > 0 ? `newsgraph: ${parts.join('; ')}` : undefined;
}
