// A law of the web readers: any bytes, served as a feed or a page, give documents or a
// warning/error with a reason; never a crash, never a hang.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { readDocuments } from '../src/ingest';
import { pageDocument } from '../src/ingest/article';
import { contentKind, FeedError, parseFeed } from '../src/ingest/feeds';
import { InputError } from '../src/errors';
import { startNewsServer, type NewsServer } from './helpers/news-server';
import { removeTmpDirs, tmpDir } from './reliability/helpers';

const PIECES = [
  '<?xml version="1.0"?>', '<rss version="2.0">', '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>',
  '<link>', '</link>', 'http://127.0.0.1:1/a', '/relative', 'javascript:alert(1)', '<feed xmlns="http://www.w3.org/2005/Atom">', '<entry>',
  '</entry>', '<link href="', '"/>', '<content type="html">', '&lt;p&gt;', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;',
  '{"version": "https://jsonfeed.org/version/1.1", "items": [', '{"url": ', '"content_html": ', '"x"', '}', ']', ',', '<html>',
  '<body>', '<article>', '<p>', '</p>', '<script type="application/ld+json">', '</script>', '{"@type": "NewsArticle", "headline": ',
  'Putin met Trump in Helsinki on Monday, officials said.', '\u0000', '\uFEFF', '\uD800', '<<<', '>>>',
];
const feedish = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }), { maxLength: 60 }).map((a) => a.join(''));
const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 3000 }), feedish.map((s) => new Uint8Array(Buffer.from(s))));
const CONTENT_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'text/html; charset=utf-8', 'text/html; charset=shift_jis', 'text/plain', 'application/octet-stream', '', 'image/png', 'text/xml; charset=nonsense'];

describe('ingest: any bytes as a feed or a page (property)', function () {
  this.timeout(300_000);
  let server: NewsServer;
  before(async () => {
    server = await startNewsServer();
  });
  after(async () => {
    await server.close();
    removeTmpDirs();
  });

  it('contentKind, parseFeed and pageDocument: a value or a FeedError, nothing else (600 cases)', () => {
    fc.assert(
      fc.property(anyBytes, fc.constantFrom(...CONTENT_TYPES), (bytes, type) => {
        const text = Buffer.from(bytes).toString('utf8');
        const kind = contentKind(type, text);
        for (const k of ['xml-feed', 'json-feed'] as const) {
          try {
            const feed = parseFeed(k, text, 'http://feed.example/x');
            for (const item of feed.items) if (item.link !== undefined) assert.match(item.link, /^https?:\/\//);
          } catch (e) {
            if (!(e instanceof FeedError)) throw e;
          }
        }
        const page = pageDocument(text, 'http://page.example/a');
        assert.equal(typeof page.text, 'string');
        assert.ok(kind === undefined || ['json-feed', 'xml-feed', 'html', 'text'].includes(kind));
      }),
      { numRuns: 600, seed: 20251206 },
    );
  });

  it('served over HTTP and read by ingest: documents or warnings or an InputError (60 cases)', async () => {
    const cacheDir = tmpDir('prop-cache');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyBytes, fc.constantFrom(...CONTENT_TYPES), async (bytes, type) => {
        const route = `/any-${n++}`;
        server.routes.set(route, () => [200, type === '' ? {} : { 'content-type': type }, Buffer.from(bytes)]);
        const warnings: string[] = [];
        try {
          for await (const doc of readDocuments([`${server.base}${route}`], { fetch: { allowPrivate: true, hostDelayMs: 0, timeoutMs: 2000, tries: 1, cacheDir } }, (w) => warnings.push(w.reason))) {
            assert.ok(doc.text.trim() !== '');
          }
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          assert.ok(e.reason !== '');
        }
      }),
      { numRuns: 60, seed: 20251207 },
    );
  });
});
