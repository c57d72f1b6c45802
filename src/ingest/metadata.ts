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

/** The date in an article's opening (dateline, byline or first paragraph). */
export function dateFromText(text: string): string | undefined {
  return findDate(text.slice(0, 600));
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
