// The date axis of the timeline filter: days between the first and last `firstSeen`/`lastSeen` of
// the graph, and a histogram of when edges were first seen. Pure (no DOM).

const DAY_MS = 86400000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of an ISO date (time part ignored), or null when it is not one. */
export function dayNumber(iso: string): number | null {
  const m = ISO_DAY.exec(iso);
  if (m === null) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / DAY_MS) : null;
}

export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface Timeline {
  /** First and last day (day numbers, inclusive). */
  first: number;
  last: number;
  /** Days per bar: 1 for up to `maxBars` days, more for longer spans. */
  bucketDays: number;
  /** Edges first seen in each bar's days. */
  counts: number[];
}

/**
 * The timeline of a list of (firstSeen, lastSeen) pairs, or null when none is dated.
 * A pair with one date counts as seen on that day.
 */
export function buildTimeline(spans: Iterable<readonly [string | undefined, string | undefined]>, maxBars = 60): Timeline | null {
  const firsts: number[] = [];
  let first = Infinity;
  let last = -Infinity;
  for (const [a, b] of spans) {
    const start = a === undefined ? null : dayNumber(a);
    const end = b === undefined ? null : dayNumber(b);
    const s = start ?? end;
    const e = end ?? start;
    if (s === null || e === null) continue;
    firsts.push(s);
    first = Math.min(first, s, e);
    last = Math.max(last, s, e);
  }
  if (firsts.length === 0) return null;
  const span = last - first + 1;
  const bucketDays = Math.max(1, Math.ceil(span / Math.max(1, maxBars)));
  const counts = new Array<number>(Math.ceil(span / bucketDays)).fill(0);
  for (const s of firsts) {
    const i = Math.floor((s - first) / bucketDays);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return { first, last, bucketDays, counts };
}
