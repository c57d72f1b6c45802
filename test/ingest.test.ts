// Ingest: bytes and formats → documents (decoding, HTML, dates, titles), tables of cases.
import { strict as assert } from 'node:assert';
import { decodeText } from '../src/ingest/decode';
import { htmlToText } from '../src/ingest/html';
import { dateFromText, normalizeDate, titleFromText } from '../src/ingest/metadata';

describe('ingest: decoding', () => {
  const cases: Array<[string, Uint8Array, string | RegExp]> = [
    ['UTF-8', Buffer.from('Kyiv — Zelenskyy', 'utf8'), 'Kyiv — Zelenskyy'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kyiv', 'utf8')]), 'Kyiv'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kyiv', 'utf16le')]), 'Kyiv'],
    ['Windows-1252', Buffer.from([0x43, 0x61, 0x66, 0xe9]), 'Café'],
    ['PDF', Buffer.from('%PDF-1.7\n'), /a PDF file/],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), /a PNG image/],
    ['NUL bytes', Buffer.from([0x41, 0, 0x42]), /NUL bytes/],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      const d = decodeText(bytes);
      if (typeof expected === 'string') {
        assert.ok(d.ok);
        assert.equal(d.ok && d.text, expected);
      } else {
        assert.ok(!d.ok);
        assert.match(d.ok ? '' : d.reason, expected);
      }
    });
  }
});

describe('ingest: HTML', () => {
  it('keeps visible text, drops scripts, styles and comments, reads title and date', () => {
    const html = '<html><head><title>Talks &amp; truce</title><meta property="article:published_time" content="2025-03-14T10:00:00Z"><style>p{}</style></head><body><script>alert(1)</script><!-- x --><h1>Headline</h1><p>Putin met&nbsp;Witkoff.</p></body></html>';
    const r = htmlToText(html);
    assert.equal(r.title, 'Talks & truce');
    assert.equal(normalizeDate(r.date ?? ''), '2025-03-14');
    assert.equal(r.text, 'Headline\nPutin met Witkoff.');
  });
});

describe('ingest: metadata', () => {
  const dates: Array<[string, string | undefined]> = [
    ['MOSCOW, March 13, 2025 — Putin said', '2025-03-13'],
    ['13 March 2025: talks', '2025-03-13'],
    ['Published 2025-03-18 at noon', '2025-03-18'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['February 30, 2025', undefined],
    ['no date here', undefined],
  ];
  for (const [text, iso] of dates) it(`date of "${text}"`, () => assert.equal(dateFromText(text), iso));
  it('title is a short first line', () => {
    assert.equal(titleFromText('\n# Putin offers to spare troops\nBody text.'), 'Putin offers to spare troops');
    assert.equal(titleFromText(`${'word '.repeat(40)}\nBody`), undefined);
  });
});
