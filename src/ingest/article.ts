// A web page → the article it carries, with the metadata the page states about it.
//
// Mozilla's Readability (the engine of Firefox's Reader View) finds the article's main text on a
// DOM built by linkedom; navigation, cookie banners, adverts, related links and comments stay
// out. What Readability would keep that is not prose (figure captions and photo credits, share
// buttons, "read more" boxes inside the article) is dropped by the table below, and the text is
// then read by the linear visible-text reader (html.ts), so paragraphs stay lines.
// Metadata comes from what the page itself says: JSON-LD (NewsArticle and kin), OpenGraph,
// <meta>, <time> and <link rel="canonical">; a date is never guessed here.
import type { Readability } from '@mozilla/readability';
import { htmlLibraries } from './lazy';
import { htmlToText } from './html';

export interface Article {
  readonly text: string;
  readonly title?: string;
  /** As the page states it (ISO 8601 or any form normalizeDate reads); undefined when it states none. */
  readonly date?: string;
  readonly url?: string;
  readonly byline?: string;
  readonly siteName?: string;
  /** false: Readability found no article, and `text` is the page's visible text. */
  readonly found: boolean;
}

/** Elements dropped from the article Readability returns: text that is about the article, not of it. */
/** `unlessProse`: kept when it holds more than two paragraphs (then it is, or wraps, the article). */
const NOT_PROSE: ReadonlyArray<{ readonly selector: string; readonly unlessProse?: true; readonly reason: string }> = [
  { selector: 'figcaption', reason: 'photo captions and credits ("Photo: …/Reuters")' },
  { selector: 'figure', reason: 'images with their captions and credits' },
  { selector: 'picture', reason: 'image sources' },
  { selector: 'aside', reason: 'pull quotes, fact boxes, "related" boxes' },
  { selector: 'nav', reason: 'navigation links' },
  { selector: 'form', reason: 'newsletter sign-ups, comment forms (not the <form> some sites wrap the whole page in)', unlessProse: true },
  { selector: 'button', reason: 'share and follow buttons' },
  { selector: 'address', reason: 'author contact details' },
  { selector: '[class*="credit"], [class*="caption"], [class*="byline"], [class*="share"], [class*="related"], [class*="newsletter"], [class*="promo"], [class*="advert"], [class*="cookie"]', reason: 'the same parts, marked by class name', unlessProse: true },
  { selector: '[id*="credit"], [id*="caption"], [id*="byline"], [id*="related"], [id*="newsletter"], [id*="advert"], [id*="cookie"]', reason: 'the same parts, marked by id', unlessProse: true },
];

/** Lines inside an article that are page furniture, not prose; the whole line goes. */
const FURNITURE_LINES: ReadonlyArray<{ readonly test: RegExp; readonly reason: string }> = [
  { test: /^(share|share this( article| story)?|share on|follow us|follow)\b.{0,80}$/i, reason: 'share and follow buttons written as text' },
  { test: /^(advertisement|advertising|sponsored( content)?|ad)$/i, reason: 'advert labels' },
  { test: /^(read more|related|see also|more on this story|recommended|most read)\b.{0,80}$/i, reason: 'links to other articles' },
  { test: /^(sign up|subscribe|get the .{0,60} in your inbox)\b.{0,100}$/i, reason: 'newsletter prompts' },
  { test: /^(photo|image|picture|video)( credit)?s?\s*:.{0,120}$/i, reason: 'photo and video credits' },
  { test: /^(comments are closed|\d+ comments?|leave a comment)\.?$/i, reason: 'comment widgets' },
];

/** A line of prose: a sentence of at least this many words that ends as sentences do. Readability
 * returns its best candidate even on a page of links; without one such line there is no article. */
const MIN_SENTENCE_WORDS = 6;
const isSentence = (line: string): boolean => /[.!?…]["'”’)]?$/.test(line) && line.split(/\s+/).length >= MIN_SENTENCE_WORDS;

/** JSON-LD types whose fields describe a news article. */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'newsarticle', 'article', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle',
  'backgroundnewsarticle', 'reviewnewsarticle', 'blogposting', 'liveblogposting', 'webpage',
]);

/** <meta> names and properties that carry the publication date, in order of trust. */
const DATE_META: readonly string[] = [
  'article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate',
  'publish-date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.created', 'citation_publication_date',
  'sailthru.date', 'parsely-pub-date',
];

/**
 * Pages handed to Readability: its DOM work is not linear (100,000 nested <div>s took 200 s;
 * 20,000 took 6 s), so a page past these bounds is read as visible text, which is. Real news
 * pages measure a few thousand elements, a few dozen deep.
 */
export const READABILITY_LIMITS = { chars: 4 * 1024 * 1024, elements: 30_000, depth: 256 } as const;

interface LdFields {
  title?: string;
  date?: string;
  url?: string;
  byline?: string;
  siteName?: string;
}

/** Reads a page. Never throws: a page Readability cannot read is returned as visible text with found: false. */
export function readArticle(html: string, pageUrl?: string): Article {
  if (html.length > READABILITY_LIMITS.chars || tagsOver(html, READABILITY_LIMITS.elements)) return visibleText(html); // not even parsed: linkedom is not linear on deep nesting either
  let document: MetaDocument;
  try {
    // linkedom's types name the DOM's, which this project does not compile against; MetaDocument is the part used.
    document = (htmlLibraries().parseHTML(html) as unknown as { document: MetaDocument }).document;
  } catch {
    return visibleText(html);
  }
  const meta = pageMetadata(document, pageUrl);
  // Before Readability: it turns a <div> of phrasing content into a <p> and drops its class, and
  // then the byline or credit it was could no longer be told from prose.
  dropNotProse(document as unknown as ArticleNode);
  let parsed: ReturnType<Readability<unknown>['parse']> = null;
  if (withinLimits(document as unknown as ShapeNode)) {
    try {
      // The content comes back as the DOM node, to be cleaned and read here; classes are kept for NOT_PROSE.
      parsed = new (htmlLibraries().Readability)(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node: unknown) => node, keepClasses: true }).parse();
    } catch {
      parsed = null; // markup Readability trips on: the visible text below
    }
  }
  const content = parsed?.content as ArticleNode | null | undefined;
  let text = '';
  if (content) {
    // A <time> on its own line is the dateline's stamp, metadata; inside a sentence it is prose.
    for (const el of [...content.querySelectorAll('time')]) {
      if (!el.closest('p, li, td, blockquote, h2, h3, h4')) el.remove();
    }
    const lines = htmlToText(content.innerHTML).text.split('\n').filter((line) => !FURNITURE_LINES.some((f) => f.test.test(line)));
    text = lines.some(isSentence) ? lines.join('\n') : '';
  }
  const title = meta.title ?? clean(parsed?.title);
  const date = meta.date ?? clean(parsed?.publishedTime);
  const byline = meta.byline ?? clean(parsed?.byline);
  const siteName = meta.siteName ?? clean(parsed?.siteName);
  if (text.trim() === '') {
    const fallback = visibleText(html);
    return { ...fallback, ...defined({ title: title ?? fallback.title, date: date ?? fallback.date, url: meta.url, byline, siteName }) };
  }
  return { text, found: true, ...defined({ title, date, url: meta.url, byline, siteName }) };
}

/** More than `limit` start tags ("<" and a letter)? One forward scan, stopping at the bound. */
function tagsOver(html: string, limit: number): boolean {
  let tags = 0;
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const c = html.charCodeAt(i + 1);
    if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) && ++tags > limit) return true;
  }
  return false;
}

interface ShapeNode {
  readonly children: ArrayLike<ShapeNode>;
}

/** Element count and nesting depth within READABILITY_LIMITS; walked without recursion, stopping at the first bound passed. */
function withinLimits(document: ShapeNode): boolean {
  const stack: Array<[ShapeNode, number]> = [[document, 0]];
  let elements = 0;
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (++elements > READABILITY_LIMITS.elements || depth > READABILITY_LIMITS.depth) return false;
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child !== undefined) stack.push([child, depth + 1]);
    }
  }
  return true;
}

function dropNotProse(root: ArticleNode): void {
  for (const { selector, unlessProse } of NOT_PROSE) {
    for (const el of [...root.querySelectorAll(selector)]) {
      // A class name such as "has-related-links" can sit on the article's own container, and a
      // <form> can wrap a whole page: an element with paragraphs of its own stays.
      if (unlessProse && [...el.querySelectorAll('p')].length > 2) continue;
      el.remove();
    }
  }
}

function visibleText(html: string): Article {
  const page = htmlToText(html);
  return { text: page.text, found: false, ...defined({ title: page.title, date: page.date }) };
}

/** The part of linkedom's Element this file uses. */
interface ArticleNode {
  querySelectorAll(selector: string): Iterable<ArticleNode>;
  remove(): void;
  closest(selector: string): unknown;
  readonly innerHTML: string;
}

interface MetaDocument {
  querySelectorAll(selector: string): Iterable<{ getAttribute(name: string): string | null; readonly textContent: string | null }>;
}

/** Title, date, url, byline and site name as the page's markup states them. */
export function pageMetadata(document: MetaDocument, pageUrl?: string): LdFields {
  const ld = jsonLd(document);
  const metas = new Map<string, string>();
  for (const el of document.querySelectorAll('meta')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = clean(el.getAttribute('content'));
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  let time: string | undefined;
  // A <time> inside the article (or marked pubdate) before any other: a page header's "today" is not the article's date.
  for (const selector of ['article time[datetime]', 'time[pubdate][datetime]', 'time[itemprop="datePublished"]', 'time[datetime]']) {
    for (const el of document.querySelectorAll(selector)) {
      time = clean(el.getAttribute('datetime'));
      if (time) break;
    }
    if (time) break;
  }
  let canonical: string | undefined;
  for (const el of document.querySelectorAll('link[rel="canonical"]')) {
    canonical ??= absoluteUrl(el.getAttribute('href'), pageUrl);
  }
  const dateMeta = DATE_META.map((k) => metas.get(k)).find((v) => v !== undefined);
  return defined({
    title: ld.title ?? metas.get('og:title') ?? metas.get('twitter:title'),
    date: ld.date ?? dateMeta ?? time,
    url: canonical ?? absoluteUrl(metas.get('og:url'), pageUrl) ?? absoluteUrl(ld.url, pageUrl) ?? pageUrl,
    byline: ld.byline ?? metas.get('author') ?? metas.get('article:author'),
    siteName: metas.get('og:site_name') ?? ld.siteName,
  });
}

/** The first JSON-LD object of an article type, anywhere in the page's ld+json scripts (arrays and @graph included). */
function jsonLd(document: MetaDocument): LdFields {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block says nothing
    }
    const found = findArticle(data, 0);
    if (found) {
      return defined({
        title: str(found.headline) ?? str(found.name),
        date: str(found.datePublished) ?? str(found.dateCreated),
        url: str(found.url) ?? str(record(found.mainEntityOfPage)?.['@id']) ?? str(found.mainEntityOfPage),
        byline: names(found.author),
        siteName: names(found.publisher),
      });
    }
  }
  return {};
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | undefined {
  if (depth > 8) return undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const obj = record(data);
  if (!obj) return undefined;
  const types = (Array.isArray(obj['@type']) ? obj['@type'] : [obj['@type']]).filter((t): t is string => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPES.has(t.toLowerCase())) && (str(obj.headline) ?? str(obj.datePublished)) !== undefined) return obj;
  return findArticle(obj['@graph'], depth + 1);
}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? clean(v) : undefined;
}

/** "A", {name: "A"} or a list of them → "A, B". */
function names(v: unknown): string | undefined {
  const list = (Array.isArray(v) ? v : [v]).map((x) => str(x) ?? str(record(x)?.name)).filter((x): x is string => x !== undefined);
  return list.length > 0 ? list.join(', ') : undefined;
}

/** Whitespace folded, empty as undefined, at most 2,000 characters: a metadata value as we keep it. */
export function clean(v: string | null | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s.slice(0, 2000);
}

/** An http(s) URL resolved against the page's or feed's, else undefined. */
export function absoluteUrl(href: string | null | undefined, base: string | undefined): string | undefined {
  const h = clean(href);
  if (!h) return undefined;
  try {
    const u = new URL(h, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export interface PageDocument {
  /** The headline (when the page states one) on the first line, then the article's paragraphs. */
  readonly text: string;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  /** Set when Readability found no article and the page's visible text was read instead. */
  readonly warning?: string;
}

export const NO_ARTICLE_WARNING = "no article found (Readability), read as the page's visible text";

/**
 * A page as a document's fields. The headline (`title` when the caller knows one, as a feed
 * does, else the page's) leads the text as in a plain-text article: the entity rules read a
 * headline's names.
 */
export function pageDocument(html: string, pageUrl?: string, knownTitle?: string): PageDocument {
  const article = readArticle(html, pageUrl);
  const title = knownTitle ?? article.title;
  const head = article.found && title !== undefined && !article.text.startsWith(title) ? `${title}\n` : '';
  return {
    text: head + article.text,
    ...defined({ title, date: article.date, url: article.url }),
    ...(!article.found && article.text.trim() !== '' ? { warning: NO_ARTICLE_WARNING } : {}),
  };
}

/** HTML that is already the article (a feed item's content): its text, headed by the title; no Readability, no warning. */
export function fragmentDocument(html: string, title?: string): PageDocument {
  const text = htmlToText(html).text;
  const head = title !== undefined && text !== '' && !text.startsWith(title) ? `${title}\n` : '';
  return { text: head + text, ...defined({ title }) };
}
