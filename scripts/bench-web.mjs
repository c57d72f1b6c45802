#!/usr/bin/env node
// Web inputs, timed: Readability on the fixture pages (ms per page, against the visible-text
// reader), and ingest of a gzipped WARC of N article records made here (records per second, peak
// RSS). Runs the compiled code in dist/ (npm run build first).
//   node scripts/bench-web.mjs [--records N]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { pageDocument } = require(path.join(root, 'dist/src/ingest/article.js'));
const { htmlToText } = require(path.join(root, 'dist/src/ingest/html.js'));
const { readDocuments } = require(path.join(root, 'dist/src/ingest/index.js'));
const at = process.argv.indexOf('--records');
const records = at >= 0 ? Number(process.argv[at + 1]) : 2000;

const fixtures = path.join(root, 'test/fixtures/web');
for (const name of ['article.html', 'wire.html']) {
  const html = fs.readFileSync(path.join(fixtures, name), 'utf8');
  for (let i = 0; i < 20; i++) pageDocument(html);
  let t = performance.now();
  for (let i = 0; i < 200; i++) pageDocument(html);
  const article = (performance.now() - t) / 200;
  t = performance.now();
  for (let i = 0; i < 200; i++) htmlToText(html);
  const visible = (performance.now() - t) / 200;
  console.log(`${name} (${html.length} bytes): Readability ${article.toFixed(2)} ms/page, visible text ${visible.toFixed(3)} ms/page`);
}

const page = fs.readFileSync(path.join(fixtures, 'article.html'), 'utf8');
const parts = [];
for (let i = 0; i < records; i++) {
  const body = Buffer.from(page.replace('next two years.', `next ${i + 2} years.`));
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:${i}>\r\nWARC-Target-URI: https://n.example/a/${i}\r\nWARC-Date: 2025-04-05T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  parts.push(zlib.gzipSync(Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')])));
}
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-web-')), 'bench.warc.gz');
fs.writeFileSync(file, Buffer.concat(parts));
const t = performance.now();
let n = 0;
for await (const doc of readDocuments([file], {}, (w) => console.error(w))) n += doc.text.length > 0 ? 1 : 0;
const s = (performance.now() - t) / 1000;
console.log(`WARC ingest: ${n} records in ${s.toFixed(2)} s = ${(n / s).toFixed(0)} records/s (${fs.statSync(file).size} bytes gzipped); RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
fs.rmSync(path.dirname(file), { recursive: true, force: true });
