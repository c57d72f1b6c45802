// HTML → plain text with title and date. A scraped page is reduced to its visible text:
// scripts, styles and comments go, block elements become line breaks, entities are decoded.
//
// A single left-to-right scan, not regular expressions: pages are untrusted, and patterns such as
// /<[^>]*>/ or /<script>[\s\S]*?<\/script>/ go quadratic on a page full of "<" or unclosed
// tags (200 KB of "<" took 20 s). Every step below moves forward, so the cost is linear.

/** Elements whose content is never visible text. The value says why. */
const DROPPED_ELEMENTS: Readonly<Record<string, string>> = {
  script: 'program code',
  style: 'CSS',
  noscript: 'fallback for browsers without scripts; repeats or replaces the page',
  template: 'inert markup, not rendered',
  svg: 'drawing instructions',
  iframe: 'fallback text for an embedded page',
  object: 'fallback text for an embedded object',
  head: 'metadata; title and date are read separately',
};

/** Elements that start a new line of text (so a headline is not glued to the first sentence). */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'section',
  'article', 'header', 'footer', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'title',
  'main', 'aside', 'nav', 'dl', 'dt', 'dd', 'td', 'th', 'caption', 'address', 'details', 'summary',
]);

/** Longest <title> or <h1> text read as the title; a longer one is body text gone wrong. */
const MAX_HEADING_CHARS = 2000;

/** `<meta>` names and properties that carry the publication date. */
const DATE_META_NAMES: ReadonlySet<string> = new Set(['article:published_time', 'date', 'pubdate', 'og:published_time']);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', hellip: '…', eacute: 'é', copy: '©',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,9}|[a-zA-Z]{1,10});/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // NUL and surrogate halves are not characters a page can mean; leave the text as written.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

export interface HtmlContent {
  readonly text: string;
  readonly title?: string;
  readonly date?: string;
}

interface Tag {
  /** Lower-case element name; '' for `<!…>` and `<?…>`. */
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: ReadonlyMap<string, string>;
  /** `<… />`: only meaningful for SVG, which may be empty. */
  readonly selfClosing: boolean;
  /** Index just after the tag's `>` (or the end of the page when it never closes). */
  readonly end: number;
}

const isNameStart = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';

/** Reads the tag that starts at html[i] === '<' (a letter or '/' + letter follows). */
function readTag(html: string, i: number): Tag {
  let j = i + 1;
  const closing = html[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < html.length && !isSpace(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '<') j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const attributes = new Map<string, string>();
  // Attributes: name, name=value, name="value with > inside", name='…'. An unquoted '<' ends the
  // tag where it stands (a browser would read on, but "<Putin<script>" must not hide the script).
  while (j < html.length && html[j] !== '>' && html[j] !== '<') {
    const c = html[j];
    if (isSpace(c) || c === '/') {
      j++;
      continue;
    }
    const attrStart = j;
    while (j < html.length && !isSpace(html[j]) && html[j] !== '>' && html[j] !== '=' && html[j] !== '/' && html[j] !== '<') j++;
    const attrName = html.slice(attrStart, j).toLowerCase();
    if (attrName === '') {
      j++; // a stray '=' or similar: step over it
      continue;
    }
    while (isSpace(html[j])) j++;
    let value = '';
    if (html[j] === '=') {
      j++;
      while (isSpace(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        const valueEnd = close === -1 ? html.length : close;
        value = html.slice(j + 1, valueEnd);
        j = close === -1 ? html.length : close + 1;
      } else {
        const valueStart = j;
        while (j < html.length && !isSpace(html[j]) && html[j] !== '>' && html[j] !== '<') j++;
        value = html.slice(valueStart, j);
      }
    }
    if (!attributes.has(attrName)) attributes.set(attrName, value);
  }
  const end = html[j] === '>' ? j + 1 : j;
  return { name, closing, attributes, selfClosing: html[j - 1] === '/', end: Math.min(end, html.length) };
}

function cleanText(s: string): string | undefined {
  return decodeEntities(s).replace(/\s+/g, ' ').trim() || undefined;
}

export function htmlToText(html: string): HtmlContent {
  // Lower-cased once, for the case-insensitive search of closing tags.
  const lower = html.toLowerCase();
  /** Where `needle` next occurs at or after a position (-1: nowhere). Cached so that a page full of
   * unclosed tags is not searched to its end once per tag. */
  const nextAt = new Map<string, number>();
  const findFrom = (needle: string, from: number): number => {
    const cached = nextAt.get(needle);
    if (cached !== undefined && (cached === -1 || cached >= from)) return cached;
    const found = lower.indexOf(needle, from);
    nextAt.set(needle, found);
    return found;
  };
  const findClose = (name: string, from: number): number => findFrom(`</${name}`, from);

  const out: string[] = [];
  let title: string | undefined;
  let h1: string | undefined;
  let date: string | undefined;
  let timeDate: string | undefined;
  let textStart = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    let resume: number;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      resume = close === -1 ? html.length : close + 3;
      out.push(html.slice(textStart, i), ' ');
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>: markup, not text. Ends at '>', or before a '<'
      // (so "<?<script>" does not hide the script).
      let j = i + 2;
      while (j < html.length && html[j] !== '>' && html[j] !== '<') j++;
      resume = html[j] === '>' ? j + 1 : j;
      out.push(html.slice(textStart, i), ' ');
    } else if (isNameStart(next) || (next === 0x2f /* / */ && isNameStart(html.charCodeAt(i + 2)))) {
      const tag = readTag(html, i);
      out.push(html.slice(textStart, i), BLOCK_ELEMENTS.has(tag.name) ? '\n' : ' ');
      resume = tag.end;
      if (!tag.closing) {
        if (tag.name === 'meta' && date === undefined) {
          const key = (tag.attributes.get('property') ?? tag.attributes.get('name') ?? '').toLowerCase();
          const content = tag.attributes.get('content');
          if (DATE_META_NAMES.has(key) && content) date = cleanText(content);
        } else if (tag.name === 'time' && timeDate === undefined) {
          const datetime = tag.attributes.get('datetime');
          if (datetime) timeDate = cleanText(datetime);
        }
        if ((tag.name === 'title' && title === undefined) || (tag.name === 'h1' && h1 === undefined)) {
          const close = findClose(tag.name, tag.end);
          // Only a closed element gives a heading; the text inside is capped, tags inside are dropped.
          const inner = close === -1 ? '' : html.slice(tag.end, Math.min(close, tag.end + MAX_HEADING_CHARS)).replace(/<[^<>]*>/g, ' ');
          const heading = cleanText(inner);
          if (tag.name === 'title') title = heading;
          else h1 = heading;
        }
        if (tag.name === 'head') {
          // </head> is optional; without it the head ends where <body> starts.
          let close = findClose('head', tag.end);
          if (close === -1) close = findFrom('<body', tag.end);
          if (close !== -1) {
            const head = htmlToText(html.slice(tag.end, close));
            title ??= head.title;
            date ??= head.date;
            resume = close;
          }
        } else if (Object.hasOwn(DROPPED_ELEMENTS, tag.name) && !(tag.selfClosing && tag.name === 'svg')) {
          const close = findClose(tag.name, tag.end);
          // An unclosed <script> runs to the end of the page, as in a browser.
          resume = close === -1 ? html.length : readTag(html, close).end;
        }
      }
    } else {
      // A '<' that opens no tag ("a < b") is text.
      i = html.indexOf('<', i + 1);
      continue;
    }
    textStart = resume;
    i = resume >= html.length ? -1 : html.indexOf('<', resume);
  }
  out.push(html.slice(textStart));
  const text = decodeEntities(out.join(''))
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\r\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
  const heading = title ?? h1;
  const published = date ?? timeDate;
  return { text, ...(heading ? { title: heading } : {}), ...(published ? { date: published } : {}) };
}
