// Libraries that only some inputs need, loaded on their first use: `extract` of a JSONL or text
// file reads no HTML, WARC, feed or URL, and loading linkedom and undici alone took ~0.4 s of every
// process's start (measured: linkedom 202 ms, undici 206 ms, warcio 58 ms, feed-parser 61 ms).
/* eslint-disable @typescript-eslint/no-require-imports */

export interface HtmlLibraries {
  readonly parseHTML: typeof import('linkedom').parseHTML;
  readonly Readability: typeof import('@mozilla/readability').Readability;
}

let html: HtmlLibraries | undefined;

/** linkedom (the DOM) and Readability, for HTML pages. */
export function htmlLibraries(): HtmlLibraries {
  return (html ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  });
}

/** warcio, for WARC files. */
export function warcio(): typeof import('warcio') {
  return require('warcio') as typeof import('warcio');
}

/** The RSS/Atom parser, for feeds. */
export function feedParser(): typeof import('@rowanmanning/feed-parser') {
  return require('@rowanmanning/feed-parser') as typeof import('@rowanmanning/feed-parser');
}

/** undici (HTTP), for URLs. */
export function undici(): typeof import('undici') {
  return require('undici') as typeof import('undici');
}
