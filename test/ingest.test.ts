// Ingest: bytes and formats → documents (decoding, HTML, dates, titles), tables of cases.
import { strict as assert } from 'node:assert';
import { Readable } from 'node:stream';
import { decodeText, windows1252 } from '../src/ingest/decode';
import { htmlToText } from '../src/ingest/html';
import { readDocuments, splitLines } from '../src/ingest';
import { notEnglishReason } from '../src/ingest/language';
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
    // A dateline is at the top, on a line of its own or before the story; nothing else dates an article.
    ['Rail fares rise\nLONDON (Reuters), 3 March 2005 - Fares rose', '2005-03-03'],
    ['Rail fares rise\n\nBy Jane Doe, 4 May 2005\nFares rose.', '2005-05-04'],
    ['Rail fares rise\nPublished: Tuesday, 1 March 2005, 10:04 GMT\nText', '2005-03-01'],
    ['Profits jump\n\nQuarterly profits rose 76% in the three months to 31 December 2004, the firm said.', undefined],
    ['A club history\n\nThe club, founded on 14 May 1870, won again.', undefined],
    ['Tsunami aid\n\nOn 26 December 2004 a wave struck.\n\nMore text.', undefined],
    ['Line one\nLine two\nLine three\nMarch 3, 2005', undefined],
  ];
  for (const [text, iso] of dates) it(`date of "${text}"`, () => assert.equal(dateFromText(text), iso));
  it('title is a short first line', () => {
    assert.equal(titleFromText('\n# Putin offers to spare troops\nBody text.'), 'Putin offers to spare troops');
    assert.equal(titleFromText(`${'word '.repeat(40)}\nBody`), undefined);
  });
});

describe('ingest: decoding, more cases', () => {
  const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
  const cases: Array<[string, Uint8Array, string | RegExp]> = [
    // Node 20's TextDecoder('windows-1252') gives C1 controls for 0x80–0x9F; ours gives the quotes.
    ['Windows-1252 curly quotes, euro sign, dash', Buffer.from([0x93, 0x4b, 0x79, 0x69, 0x76, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0xe9]), '“Kyiv” €5 – é'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be('Kyiv — Zelenskyy')]), 'Kyiv — Zelenskyy'],
    ['UTF-16LE without BOM', Buffer.from('Putin met Witkoff in Moscow.', 'utf16le'), 'Putin met Witkoff in Moscow.'],
    ['UTF-16BE without BOM', utf16be('Putin met Witkoff in Moscow.'), 'Putin met Witkoff in Moscow.'],
    ['ZIP (a DOCX renamed .txt)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), /a ZIP archive/],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0]), /a gzip archive/],
    ['NUL bytes that are not UTF-16', Buffer.from([0x41, 0x42, 0, 0, 0, 0x43, 0x44, 0x45, 0, 0x46]), /NUL bytes/],
  ];
  for (const [name, bytes, expected] of cases) {
    it(name, () => {
      const d = decodeText(bytes);
      if (typeof expected === 'string') {
        assert.ok(d.ok, d.ok ? '' : d.reason);
        assert.equal(d.ok && d.text, expected);
      } else {
        assert.ok(!d.ok);
        assert.match(d.ok ? '' : d.reason, expected);
      }
    });
  }
  it('every byte 0x80–0xFF decodes to a character that is not a C1 control (except the five unassigned)', () => {
    const text = windows1252(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
    const controls = [...text].filter((c) => /[\u0080-\u009f]/.test(c)).map((c) => c.charCodeAt(0).toString(16));
    assert.deepEqual(controls, ['81', '8d', '8f', '90', '9d']);
  });
});

describe('ingest: HTML, a table of pages', () => {
  const cases: Array<[string, string, { title?: string; date?: string }]> = [
    ['<p>a &lt; b and c &gt; d</p>', 'a < b and c > d', {}],
    ['<p>x < y and y > z</p>', 'x < y and y > z', {}],
    ['<p title="a > b">Quoted</p><p>next</p>', 'Quoted\nnext', {}],
    ['<SCRIPT type="x">bad()</SCRIPT ><STYLE>.a{}</style>Visible', 'Visible', {}],
    ['<p>before</p><script>var s = "</scr" + "ipt>"; x();</script><p>after</p>', 'before\nafter', {}],
    ['<p>kept</p><script>never closed(', 'kept', {}],
    ['<p>kept</p><!-- never closed', 'kept', {}],
    ['<svg/><p>after an empty svg</p><svg><text>drawn</text></svg>', 'after an empty svg', {}],
    ['<head><title>No end of head</title><meta name=date content=2024-01-02><body><p>Body.</p>', 'Body.', { title: 'No end of head', date: '2024-01-02' }],
    ['<h1>Main <em>headline</em></h1><time datetime="2025-03-01">1 March</time>', 'Main headline\n1 March', { title: 'Main headline', date: '2025-03-01' }],
    ['<!DOCTYPE html><![CDATA[ raw ]]><?xml version="1.0"?>text', 'text', {}],
    ['&#0; &#xD800; &#128512; &bogus; &amp;amp;', '&#0; &#xD800; 😀 &bogus; &amp;', {}],
    ['<td>a</td><td>b</td>', 'a\nb', {}],
    ['<iframe>fallback</iframe><p>text</p>', 'text', {}],
  ];
  for (const [html, text, meta] of cases) {
    it(JSON.stringify(html).slice(0, 70), () => {
      const r = htmlToText(html);
      assert.equal(r.text, text);
      assert.equal(r.title, meta.title);
      assert.equal(r.date, meta.date);
    });
  }

  // Each of these took seconds to minutes with the old regular expressions (quadratic); a linear
  // scan does them at once. No time is asserted: a regression shows as a test timeout.
  const hostile: Array<[string, string, string]> = [
    ['200 KB of "<"', '<'.repeat(200_000), '<'.repeat(200_000)],
    ['unclosed <p tags', '<p '.repeat(100_000), ''],
    ['unclosed <script tags', '<script>'.repeat(50_000), ''],
    ['unclosed comments', 'x<!--'.repeat(50_000), 'x'],
    ['unclosed <title> tags', '<title>'.repeat(50_000), ''],
    ['meta tags without an end', '<meta property="date"'.repeat(20_000), ''],
    ['heads without an end', `${'<head>'.repeat(50_000)}<body>x`, 'x'],
    ['an unclosed quoted attribute', `<a title="${'x'.repeat(200_000)}`, ''],
  ];
  for (const [name, html, text] of hostile) {
    it(`stays linear: ${name}`, () => {
      assert.equal(htmlToText(html).text, text);
    });
  }
});

describe('ingest: splitting JSONL into lines', () => {
  async function split(chunks: string[], limit = 100): Promise<Array<[number, string | null]>> {
    const out: Array<[number, string | null]> = [];
    async function* source(): AsyncGenerator<Buffer> {
      for (const c of chunks) yield Buffer.from(c);
    }
    for await (const line of splitLines(source(), limit)) out.push([line.number, line.bytes === undefined ? null : line.bytes.toString()]);
    return out;
  }
  const cases: Array<[string, string[], Array<[number, string | null]>, number?]> = [
    ['LF', ['a\nb\n'], [[1, 'a'], [2, 'b']]],
    ['no final line end', ['a\nb'], [[1, 'a'], [2, 'b']]],
    ['CRLF', ['a\r\nb\r\n'], [[1, 'a'], [2, 'b']]],
    ['CRLF split across chunks', ['a\r', '\nb'], [[1, 'a'], [2, 'b']]],
    ['lone CR', ['a\rb\rc'], [[1, 'a'], [2, 'b'], [3, 'c']]],
    ['blank lines are counted', ['a\n\n\nb'], [[1, 'a'], [2, ''], [3, ''], [4, 'b']]],
    ['a line across many chunks', ['ab', 'cd', 'ef\ng'], [[1, 'abcdef'], [2, 'g']]],
    ['over the limit: counted, not kept', ['short\n', 'x'.repeat(60), 'y'.repeat(60), '\nafter'], [[1, 'short'], [2, null], [3, 'after']]],
    ['exactly at the limit is kept', ['x'.repeat(100)], [[1, 'x'.repeat(100)]]],
    ['empty stream', [], []],
  ];
  for (const [name, chunks, expected, limit] of cases) {
    it(name, async () => assert.deepEqual(await split(chunks, limit), expected));
  }
});

describe('ingest: is it English?', () => {
  const english = [
    'US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday, the Kremlin said. Putin told him that Russia would consider a ceasefire, but only if the West stopped sending weapons to Kyiv, according to his spokesperson.',
    'Witkoff, Putin, Trump, Zelenskyy, Macron, Scholz, Starmer, Meloni, Tusk, Erdogan, Modi, Xi, Lula, Ramaphosa, Albanese, Carney, Sanchez, Frederiksen, Orban, Fico, Nawrocki',
    'The minister quoted the treaty in Russian: «Стороны обязуются не применять силу». He said the words were chosen with care, and that the text had been agreed by both delegations before the talks began in Geneva on Monday.',
    'Short note.',
  ];
  const foreign: Array<[string, string]> = [
    ['Die Regierung hat am Montag neue Gespräche angekündigt. Der Kanzler sagte, man werde mit den Partnern in Brüssel und Paris zusammenarbeiten, und die Opposition forderte mehr Transparenz bei den Verhandlungen über die Hilfe.', 'looks like German, not English'],
    ['Le président a reçu mardi le chancelier allemand. Les deux dirigeants ont discuté de la sécurité européenne et de l’aide à l’Ukraine, selon un communiqué publié par le gouvernement dans la soirée.', 'looks like French, not English'],
    ['El presidente recibió el martes al canciller alemán. Los dos líderes hablaron de la seguridad europea y de la ayuda a Ucrania, según un comunicado que el gobierno publicó por la noche en su web.', 'looks like Spanish, not English'],
    ['Il presidente ha ricevuto martedì il cancelliere tedesco. I due leader hanno discusso della sicurezza europea e degli aiuti all’Ucraina, secondo una nota che il governo ha diffuso nella serata di ieri.', 'looks like Italian, not English'],
    ['De president ontving dinsdag de Duitse bondskanselier. De twee leiders spraken over de Europese veiligheid en de steun aan Oekraïne, zo meldde de regering in een verklaring die ook op de website werd gezet.', 'looks like Dutch, not English'],
    ['В понедельник в Москве прошли переговоры между делегациями двух стран. Представитель Кремля заявил журналистам, что встреча прошла в конструктивной атмосфере.', 'written in Cyrillic (Russian, Ukrainian …), not English'],
    ['周一，两国代表团在北京举行了会谈。外交部发言人表示，会谈气氛友好，双方就贸易和地区安全问题交换了意见。', 'written in Chinese or Japanese, not English'],
    ['التقى الرئيس يوم الاثنين وفدا من الدول المجاورة لبحث التعاون الاقتصادي والأمني في المنطقة وسبل تعزيز العلاقات الثنائية', 'written in Arabic, not English'],
  ];
  for (const text of english) it(`keeps: ${text.slice(0, 40)}…`, () => assert.equal(notEnglishReason(text), undefined));
  for (const [text, reason] of foreign) it(`skips: ${text.slice(0, 40)}…`, () => assert.equal(notEnglishReason(text), reason));
});

describe('ingest: stdin', () => {
  async function fromStdin(input: string | Buffer, options: { maxDocBytes?: number } = {}): Promise<{ docs: string[]; warnings: string[] }> {
    const docs: string[] = [];
    const warnings: string[] = [];
    const chunks = typeof input === 'string' ? [Buffer.from(input)] : [input];
    for await (const d of readDocuments(['-'], { stdin: Readable.from(chunks), ...options }, (w) => warnings.push(`${w.file}: ${w.reason}`))) docs.push(`${d.id}: ${d.text}`);
    return { docs, warnings };
  }
  const text = 'US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.';
  it('plain text', async () => assert.deepEqual(await fromStdin(`  \n${text}`), { docs: [`stdin:   \n${text}`], warnings: [] }));
  it('JSONL, with a BOM and a malformed line', async () => {
    const r = await fromStdin(`\uFEFF${JSON.stringify({ id: 'a', text })}\n{bad\n${JSON.stringify({ text: `${text} Again.` })}\n`);
    assert.deepEqual(r.docs, [`a: ${text}`, `stdin#3: ${text} Again.`]);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0] ?? '', /^<stdin>:2: malformed JSON line/);
  });
  it('JSONL whose BOM arrives split over chunks', async () => {
    const docs: string[] = [];
    const stdin = Readable.from([Buffer.from([0xef]), Buffer.from([0xbb]), Buffer.from(`\xbf  \n${JSON.stringify({ id: 'a', text })}`, 'latin1')]);
    for await (const d of readDocuments(['-'], { stdin }, () => undefined)) docs.push(`${d.id}: ${d.text}`);
    assert.deepEqual(docs, [`a: ${text}`]);
  });
  it('text over --max-doc-bytes is refused without reading it all', async () => {
    await assert.rejects(fromStdin('x'.repeat(5000), { maxDocBytes: 1000 }), { name: 'InputError', file: '<stdin>', reason: 'document is over --max-doc-bytes 1000' });
  });
  it('nothing at all', async () => {
    await assert.rejects(fromStdin(''), { name: 'InputError', file: '<stdin>', reason: 'empty file' });
  });
});

describe('ingest: options', () => {
  it('rejects a bad --max-doc-bytes with UsageError naming it', async () => {
    const docs = readDocuments(['x.txt'], { maxDocBytes: 0 }, () => undefined);
    await assert.rejects(docs.next(), { name: 'UsageError', file: '--max-doc-bytes', reason: 'must be a positive integer, got 0' });
  });
});
