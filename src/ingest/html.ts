// HTML → plain text with title and date. A scraped page is reduced to its visible text:
// scripts, styles and comments go, block elements become line breaks, entities are decoded.

const DROPPED_ELEMENTS = /<(script|style|noscript|template|svg|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const BLOCK_TAGS = /<\/?(p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|footer|blockquote|pre|hr|figure|figcaption|title)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', eacute: 'é', copy: '©',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export interface HtmlContent {
  readonly text: string;
  readonly title?: string;
  readonly date?: string;
}

function firstMatch(html: string, re: RegExp): string | undefined {
  const m = re.exec(html);
  const value = m?.[1];
  return value === undefined ? undefined : decodeEntities(value.replace(ANY_TAG, '')).replace(/\s+/g, ' ').trim() || undefined;
}

export function htmlToText(html: string): HtmlContent {
  const title = firstMatch(html, /<title\b[^>]*>([\s\S]*?)<\/title>/i) ?? firstMatch(html, /<h1\b[^>]*>([\s\S]*?)<\/h1>/i);
  const date =
    firstMatch(html, /<meta[^>]+(?:property|name)=["'](?:article:published_time|date|pubdate|og:published_time)["'][^>]+content=["']([^"']+)["']/i) ??
    firstMatch(html, /<time[^>]+datetime=["']([^"']+)["']/i);
  const body = html
    .replace(COMMENTS, ' ')
    .replace(DROPPED_ELEMENTS, ' ')
    .replace(BLOCK_TAGS, '\n')
    .replace(ANY_TAG, ' ');
  const text = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return { text, ...(title ? { title } : {}), ...(date ? { date } : {}) };
}
