// Title and date of a plain-text article, read from its first lines.

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const;
const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = Object.fromEntries(
  MONTHS.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1], ...(m.length > 4 ? [[m.slice(0, 4), i + 1]] : [])]),
);

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** Date patterns, tried in order on the first lines of the text. */
const DATE_PATTERNS: ReadonlyArray<{ readonly re: RegExp; readonly pick: (m: RegExpExecArray) => [string, string, string] }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/, pick: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''] },
  { re: new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i'), pick: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''] },
];

function monthNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return MONTH_ABBREVIATIONS[s.toLowerCase().replace(/\.$/, '')];
}

/** A valid ISO date (YYYY-MM-DD) or undefined. */
export function isoDate(year: string, month: string, day: string): string | undefined {
  const y = Number(year);
  const mo = monthNumber(month);
  const d = Number(day);
  if (!mo || !Number.isInteger(y) || y < 1800 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A date given in metadata (JSONL `date`, HTML meta) in any common form → YYYY-MM-DD. */
export function normalizeDate(value: string): string | undefined {
  return findDate(value.slice(0, 200));
}

export function findDate(text: string): string | undefined {
  for (const { re, pick } of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const [y, mo, d] = pick(m);
      const iso = isoDate(y, mo, d);
      if (iso) return iso;
    }
  }
  return undefined;
}

/**
 * What may stand before a dateline's date on its line: a byline, a "Published:" label, a weekday,
 * a place ("MOSCOW, ", "London (Reuters), "). Each part optional.
 */
const DATELINE_PREFIX =
  "^(?:By [^,\\n]{1,40},\\s*)?(?:(?:Published|Updated|Posted|Dated?|Last updated)\\s*:?\\s*(?:on\\s+)?)?" +
  "(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(?:[A-Z][A-Za-z.'-]*(?:\\s+[A-Z][A-Za-z.'-]*){0,2}(?:\\s*\\([^)\\n]{1,30}\\))?,\\s+)?";
/** What may follow it: the end of the line, a dash, colon, parenthesis or bar, a time. */
const DATELINE_SUFFIX = "(?=\\s*(?:$|[—–:(|]|-\\s|at\\b|,?\\s*\\d{1,2}[:.]\\d{2}))";
const DATELINES = DATE_PATTERNS.map(({ re, pick }) => ({ re: new RegExp(`${DATELINE_PREFIX}${re.source.replace(/^\\b/, '')}${DATELINE_SUFFIX}`, 'i'), pick }));
/** Lines of the opening where a dateline may stand (after a headline, a byline). */
const DATELINE_LINES = 3;

/**
 * The date of an article's dateline: a date at the start of one of its first lines, alone on the
 * line or before the story ("MOSCOW, March 13, 2025 — …", "Published: 3 March 2005"). A date
 * anywhere else in the text (a year in a sentence, an anniversary) is not the article's date: an
 * article without metadata or dateline is undated.
 */
export function dateFromText(text: string): string | undefined {
  const lines = text.slice(0, 1000).split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l.length > 0).slice(0, DATELINE_LINES);
  for (const line of lines) {
    for (const { re, pick } of DATELINES) {
      const m = re.exec(line);
      if (!m) continue;
      const [y, mo, d] = pick(m);
      const iso = isoDate(y, mo, d);
      if (iso) return iso;
    }
  }
  return undefined;
}

/** A headline: a short first line that does not read like a sentence of body text. */
export function titleFromText(text: string): string | undefined {
  const first = text.split(/\r\n|\r|\n/).map((l) => l.trim()).find((l) => l.length > 0);
  if (!first) return undefined;
  const line = first.replace(/^#+\s*/, '');
  const words = line.split(/\s+/).length;
  if (words > 25 || line.length > 200) return undefined;
  return line;
}
