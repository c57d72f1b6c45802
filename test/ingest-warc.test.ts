// WARC input: a small web archive made here by hand (the format's text framing, each record a
// gzip member for .warc.gz, as Common Crawl writes them), read back by warcio through ingest.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readDocuments, type InputWarning } from '../src/ingest';
import { EXIT, InputError } from '../src/errors';
import type { SourceDocument } from '../src/types';
import { lines, removeTmpDirs, runCli, tmpDir } from './reliability/helpers';

const FIXTURES = path.join(__dirname, 'fixtures', 'web');
const page = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const UNDATED = `<!doctype html><html><head><title>Rail link opens</title></head><body><article>
<h1>Rail link opens between Kenya and Uganda</h1>
<p>The presidents of Kenya and Uganda opened the new rail link between Nairobi and Kampala on Friday, a project both governments had promised for a decade.</p>
<p>Ugandan officials said the line would halve the cost of moving goods from the port of Mombasa to Kampala within two years.</p>
</article></body></html>`;

function record(type: string, headers: Record<string, string>, block: Buffer): Buffer {
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${String(counter++).padStart(8, '0')}-0000-4000-8000-000000000000>`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`, '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), block, Buffer.from('\r\n\r\n')]);
}
let counter = 1;

function httpResponse(status: string, headers: Record<string, string>, body: Buffer): Buffer {
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
  return Buffer.concat([Buffer.from(head), body]);
}

function response(uri: string, date: string, status: string, headers: Record<string, string>, body: string | Buffer): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return record('response', { 'WARC-Target-URI': uri, 'WARC-Date': date, 'Content-Type': 'application/http; msgtype=response' }, httpResponse(status, { ...headers, 'Content-Length': String(bytes.length) }, bytes));
}

function chunked(body: string): Buffer {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const chunk = (b: Buffer): Buffer => Buffer.concat([Buffer.from(`${b.length.toString(16)}\r\n`), b, Buffer.from('\r\n')]);
  return Buffer.concat([chunk(bytes.subarray(0, half)), chunk(bytes.subarray(half)), Buffer.from('0\r\n\r\n')]);
}

/** The archive's records, in order: only the three HTML 200 responses are documents. */
function records(): Buffer[] {
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  const wire = record('response', { 'WARC-Target-URI': 'https://wire.example/chile/port-strike', 'WARC-Date': '2025-03-10T06:00:00Z', 'Content-Type': 'application/http; msgtype=response' },
    httpResponse('200 OK', { ...html, 'Transfer-Encoding': 'chunked' }, chunked(page('wire.html'))));
  return [
    record('warcinfo', { 'WARC-Date': '2025-04-05T00:00:00Z', 'Content-Type': 'application/warc-fields' }, Buffer.from('software: hand-made for newsgraph tests\r\n')),
    record('request', { 'WARC-Target-URI': 'https://courier.example/world/2025/04/river-talks', 'WARC-Date': '2025-04-05T00:00:01Z', 'Content-Type': 'application/http; msgtype=request' }, Buffer.from('GET /world/2025/04/river-talks HTTP/1.1\r\nHost: courier.example\r\n\r\n')),
    response('https://courier.example/world/2025/04/river-talks', '2025-04-05T00:00:01Z', '200 OK', html, page('article.html')),
    response('https://courier.example/old', '2025-04-05T00:00:02Z', '301 Moved Permanently', { Location: 'https://courier.example/new' }, ''),
    response('https://courier.example/logo.png', '2025-04-05T00:00:03Z', '200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    wire,
    response('https://rail.example/news/rail-link', '2025-04-04T18:00:00Z', '200 OK', html, UNDATED),
    record('metadata', { 'WARC-Target-URI': 'https://rail.example/news/rail-link', 'WARC-Date': '2025-04-04T18:00:00Z', 'Content-Type': 'application/warc-fields' }, Buffer.from('fetchTimeMs: 120\r\n')),
  ];
}

async function read(file: string, maxDocBytes?: number): Promise<{ docs: SourceDocument[]; warnings: InputWarning[] }> {
  const docs: SourceDocument[] = [];
  const warnings: InputWarning[] = [];
  for await (const d of readDocuments([file], maxDocBytes ? { maxDocBytes } : {}, (w) => warnings.push(w))) docs.push(d);
  return { docs, warnings };
}

describe('ingest: WARC files', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = tmpDir('warc');
    fs.writeFileSync(path.join(dir, 'crawl.warc'), Buffer.concat(records()));
    fs.writeFileSync(path.join(dir, 'crawl.warc.gz'), Buffer.concat(records().map((r) => zlib.gzipSync(r))));
  });
  after(removeTmpDirs);

  for (const name of ['crawl.warc', 'crawl.warc.gz']) {
    it(`${name}: each HTML response is an article with the record's URL; the page's date, else the record's`, async () => {
      const { docs, warnings } = await read(path.join(dir, name));
      assert.deepEqual(warnings, []);
      assert.deepEqual(docs.map((d) => [d.id, d.date, d.url]), [
        ['https://courier.example/world/2025/04/river-talks', '2025-04-02', 'https://courier.example/world/2025/04/river-talks'],
        ['https://wire.example/chile/port-strike', '2025-03-09', 'https://wire.example/chile/port-strike'],
        ['https://rail.example/news/rail-link', '2025-04-04', 'https://rail.example/news/rail-link'],
      ]);
      assert.ok(docs[0]?.text.startsWith('Ministers meet in Geneva over the Meridian river dispute\nThe foreign ministers of Kenya and Ethiopia met in Geneva'));
      assert.ok(docs[1]?.text.startsWith('Port workers strike in Valparaiso\nDock workers in Valparaiso walked off the job'), 'a chunked body is de-chunked');
      assert.equal(docs[2]?.text, 'Rail link opens between Kenya and Uganda\nThe presidents of Kenya and Uganda opened the new rail link between Nairobi and Kampala on Friday, a project both governments had promised for a decade.\nUgandan officials said the line would halve the cost of moving goods from the port of Mombasa to Kampala within two years.');
      for (const d of docs) for (const s of ['ADVERTISEMENT', 'All Sections', 'Photo:', 'Share this']) assert.ok(!d.text.includes(s));
    });
  }

  it('a record over --max-doc-bytes: a warning naming file and URL, the others read', async () => {
    const file = path.join(dir, 'crawl.warc.gz');
    const { docs, warnings } = await read(file, 1200);
    assert.deepEqual(docs.map((d) => d.id), ['https://rail.example/news/rail-link']);
    assert.equal(warnings.length, 2);
    assert.match(warnings[0]?.file ?? '', /crawl\.warc\.gz#https:\/\/courier\.example\/world\/2025\/04\/river-talks$/);
    assert.match(warnings[0]?.reason ?? '', /^record is \d+ bytes, over --max-doc-bytes 1200, skipped$/);
  });

  it('not a WARC: one line naming the file (exit 3 alone), and a warning among good inputs', async () => {
    const bad = path.join(dir, 'bad.warc.gz');
    fs.writeFileSync(bad, Buffer.from('this is not a web archive at all\n'.repeat(20)));
    await assert.rejects(read(bad), (e: unknown) => e instanceof InputError && e.file === bad && /WARC/.test(e.reason));
    const out = path.join(dir, 'out');
    const r = await runCli(['build', path.join(dir, 'crawl.warc.gz'), bad, '--out', out]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    assert.match(lines(r.stderr)[0] ?? '', /^newsgraph: warning: .*bad\.warc\.gz: .*WARC/);
    assert.equal(lines(r.stderr).at(-1), 'newsgraph: skipped 1 input: 1 not a feed or page');
    const graph = JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { attributes: { documentCount: number } };
    assert.equal(graph.attributes.documentCount, 3);
  });
});
