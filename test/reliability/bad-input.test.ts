// Issue 9's bad-input matrix, one test per row: what a messy folder can hold, and the exact
// answer newsgraph gives (exit code, the one line that names the file and the reason, what is
// still built). In-process through run() (what bin/newsgraph calls) unless a real process is
// needed: another user for permissions, a real full disk.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_ATOMIC_WRITE_OPTIONS, type AtomicFs, type AtomicWriteOptions } from '../../src/export/atomic';
import { DEFAULT_INGEST_OPTIONS, readDocuments, type InputWarning } from '../../src/ingest';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';
import { EXIT } from '../../src/errors';
import type { SourceDocument } from '../../src/types';
import {
  ROOT, assertOffsets, lines, openUp, parseNdjson, removeTmpDirs, requireBuiltCli, runCli, spawnCli, tmpDir, unprivileged,
} from './helpers';

/** An article the rules read well: two lines, two facts, eight mentions. */
const GOOD = 'Talks in Moscow\n\nUS envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.\nPresident Donald Trump urged Putin to spare the Ukrainian troops.\n';
const GOOD_FACTS = ['steve-witkoff met vladimir-putin', 'donald-trump urged vladimir-putin'];

const MB = 1024 * 1024;
const DEFAULT_MAX = DEFAULT_INGEST_OPTIONS.maxDocBytes;

// Paragraphs written for this test: real names in them, and nouns that English rules misread.
const GERMAN = 'Gespräche in Berlin\n\nDie Bundesregierung hat am Montag neue Gespräche über einen Waffenstillstand in der Ukraine angekündigt. Bundeskanzler Friedrich Merz sagte nach einem Treffen mit dem polnischen Ministerpräsidenten Donald Tusk, Europa müsse mit einer Stimme sprechen. Die Opposition im Bundestag forderte mehr Transparenz. Herr Müller vom Verband der Landwirte warnte vor steigenden Preisen für Dünger und Diesel.\n';
const RUSSIAN = 'Переговоры в Москве\n\nВ понедельник в Москве прошли переговоры между делегациями России и Казахстана. Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что встреча прошла в конструктивной атмосфере. Президент Владимир Путин обсудил с гостями вопросы торговли, энергетики и безопасности.\n';
const CHINESE = '北京会谈\n\n周一，两国代表团在北京举行了会谈。外交部发言人表示，会谈气氛友好，双方就贸易、能源和地区安全问题深入交换了意见。国家主席习近平会见了来访的俄罗斯总统普京，双方同意在联合国框架内加强合作。\n';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');

interface SkipRow {
  /** The row of the issue. */
  name: string;
  file: string;
  /** Bytes to write; undefined writes nothing (the missing-path row). */
  content?: string | Buffer | (() => Buffer);
  args?: string[];
  /** The reason alone (error line) and as a warning (the warning adds ", skipped" where the file was read). */
  reason: string | RegExp;
  warning: string | RegExp;
  /** The JSONL line the message names (file:line), when it is about one line. */
  line?: number;
}

const skipRows: SkipRow[] = [
  { name: 'missing path', file: 'missing.txt', reason: 'no such file or directory', warning: 'no such file or directory' },
  { name: 'empty file', file: 'empty.txt', content: '', reason: 'empty file', warning: 'empty file, skipped' },
  { name: 'whitespace only', file: 'blank.txt', content: ' \n\t \r\n  \n', reason: 'no text (blank, or markup only)', warning: 'no text (blank, or markup only), skipped' },
  { name: 'binary: a PNG saved as .txt', file: 'photo.txt', content: PNG, reason: 'binary content (a PNG image), not text', warning: 'binary content (a PNG image), not text, skipped' },
  { name: 'binary: a PDF saved as .txt', file: 'report.txt', content: PDF, reason: 'binary content (a PDF file), not text', warning: 'binary content (a PDF file), not text, skipped' },
  { name: 'binary: NUL bytes', file: 'dump.md', content: Buffer.from('abc\0\0\0def'), reason: 'binary content (NUL bytes), not text', warning: 'binary content (NUL bytes), not text, skipped' },
  { name: 'binary: a PNG saved as .jsonl', file: 'photo.jsonl', content: PNG, reason: 'binary content (a PNG image), not text', warning: 'binary content (a PNG image), not text, skipped' },
  {
    name: 'a 50 MB document on one line (default --max-doc-bytes)',
    file: 'dump.txt',
    content: () => Buffer.from('Putin met Trump in Moscow. '.repeat(Math.ceil((50 * MB) / 27)).slice(0, 50 * MB)),
    reason: `document is ${50 * MB} bytes, over --max-doc-bytes ${DEFAULT_MAX}`,
    warning: `document is ${50 * MB} bytes, over --max-doc-bytes ${DEFAULT_MAX}, skipped`,
  },
  {
    name: 'a document over --max-doc-bytes 1000',
    file: 'long.txt',
    content: GOOD.repeat(10),
    args: ['--max-doc-bytes', '1000'],
    reason: `document is ${Buffer.byteLength(GOOD) * 10} bytes, over --max-doc-bytes 1000`,
    warning: `document is ${Buffer.byteLength(GOOD) * 10} bytes, over --max-doc-bytes 1000, skipped`,
  },
  { name: 'HTML with nothing visible (scripts and styles only)', file: 'app.html', content: '<html><head><style>body{}</style></head><body><script>document.write("Putin met Trump")</script><noscript></noscript></body></html>', reason: 'no text (blank, or markup only)', warning: 'no text (blank, or markup only), skipped' },
  { name: 'text in another language: German', file: 'de.txt', content: GERMAN, reason: 'looks like German, not English (the rules read English only)', warning: 'looks like German, not English (the rules read English only), skipped' },
  { name: 'text in another language: Russian', file: 'ru.txt', content: RUSSIAN, reason: 'written in Cyrillic (Russian, Ukrainian …), not English (the rules read English only)', warning: 'written in Cyrillic (Russian, Ukrainian …), not English (the rules read English only), skipped' },
  { name: 'text in another language: Chinese', file: 'zh.txt', content: CHINESE, reason: 'written in Chinese or Japanese, not English (the rules read English only)', warning: 'written in Chinese or Japanese, not English (the rules read English only), skipped' },
  { name: 'unsupported file type', file: 'notes.docx', content: 'x', reason: 'unsupported file type ".docx" (use .txt, .md, .html or .jsonl)', warning: 'unsupported file type ".docx" (use .txt, .md, .html or .jsonl)' },
  { name: 'a link to a device (/dev/zero named .txt)', file: 'zero.txt', reason: 'not a regular file', warning: 'not a regular file, skipped' },
  { name: 'JSONL whose only line is malformed', file: 'feed.jsonl', content: '{"text": "Putin met Trump.",}\n', reason: /^malformed JSON line \(.+\)$/, warning: /^malformed JSON line \(.+\), skipped$/, line: 1 },
];

/** What a build writes into its output directory. */
// The lock comes first: a directory nobody may write to fails there (src/store/lock.ts).
const OUTPUT_FILES = ['newsgraph.db', 'graph.json', 'graph.gexf', '.newsgraph.lock'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every entry of a directory (sorted) with the bytes of the files. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).sort().map((name) => [name, fs.statSync(path.join(dir, name)).isFile() ? fs.readFileSync(path.join(dir, name)) : Buffer.alloc(0)]));
}

function matches(actual: string, expected: string | RegExp, what: string): void {
  if (typeof expected === 'string') assert.equal(actual, expected, what);
  else assert.match(actual, expected, what);
}

function readGraph(out: string): { attributes: { documentCount: number }; nodes: Array<{ key: string }> } {
  return JSON.parse(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')) as { attributes: { documentCount: number }; nodes: Array<{ key: string }> };
}

describe('bad input: one row each, the exact answer', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = tmpDir('bad-input');
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const row of skipRows) {
    it(`${row.name}: alone, exit 3 and one line naming the file; among good files, a warning, exit 0 and the summary of skips`, async () => {
      const file = path.join(dir, row.file);
      if (row.file === 'zero.txt') fs.symlinkSync('/dev/zero', file);
      else if (row.content !== undefined) fs.writeFileSync(file, typeof row.content === 'function' ? row.content() : row.content);
      const where = row.line === undefined ? file : `${file}:${row.line}`;

      const outAlone = path.join(dir, `out-alone-${row.file}`);
      const alone = await runCli(['build', file, '--out', outAlone, ...(row.args ?? [])]);
      assert.equal(alone.code, EXIT.io, alone.stderr);
      const errorLines = lines(alone.stderr);
      assert.equal(errorLines.length, 1, `one line, got:\n${alone.stderr}`);
      const prefix = `newsgraph: ${where}: `;
      assert.ok(errorLines[0]?.startsWith(prefix), `${errorLines[0]} starts with ${prefix}`);
      matches((errorLines[0] ?? '').slice(prefix.length), row.reason, 'reason');
      assert.ok(!fs.existsSync(path.join(outAlone, 'graph.json')), 'nothing written');

      const out = path.join(dir, `out-${row.file}`);
      const among = await runCli(['build', path.join(dir, 'good.txt'), file, '--out', out, ...(row.args ?? [])]);
      assert.equal(among.code, EXIT.ok, among.stderr);
      const [warning, summary, skips, ...rest] = lines(among.stderr);
      const warningPrefix = `newsgraph: warning: ${where}: `;
      assert.ok(warning?.startsWith(warningPrefix), `${warning} starts with ${warningPrefix}`);
      matches((warning ?? '').slice(warningPrefix.length), row.warning, 'warning');
      assert.match(summary ?? '', /^newsgraph: 1 documents → \d+ nodes, \d+ edges: /);
      assert.match(skips ?? '', /^newsgraph: skipped 1 input: 1 [a-z]/);
      assert.deepEqual(rest, []);
      assert.equal(readGraph(out).attributes.documentCount, 1);
    });
  }

  interface DecodeRow {
    name: string;
    file: string;
    bytes: Buffer;
    /** The text offsets index: the decoded document. */
    text: string;
    warning?: string;
  }
  const utf16be = (s: string): Buffer => Buffer.from(s, 'utf16le').swap16();
  const crlf = GOOD.replace(/\n/g, '\r\n');
  const cr = GOOD.replace(/\n/g, '\r');
  const cp1252 = `${GOOD}Caf\u00e9 owners in Kyiv said the talks were \u201cuseful\u201d.\n`;
  const decodeRows: DecodeRow[] = [
    { name: 'UTF-8 with BOM', file: 'bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]), text: GOOD },
    { name: 'UTF-16LE with BOM', file: 'le.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]), text: GOOD },
    { name: 'UTF-16BE with BOM', file: 'be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(GOOD)]), text: GOOD },
    { name: 'UTF-16LE without BOM', file: 'le-nobom.txt', bytes: Buffer.from(GOOD, 'utf16le'), text: GOOD },
    { name: 'CRLF line ends', file: 'crlf.txt', bytes: Buffer.from(crlf), text: crlf },
    { name: 'lone CR line ends', file: 'cr.txt', bytes: Buffer.from(cr), text: cr },
    { name: 'BOM and CRLF', file: 'bom-crlf.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]), text: crlf },
    { name: 'invalid UTF-8 (Windows-1252 bytes)', file: 'cp1252.txt', bytes: Buffer.from(cp1252.replace(/\u201c/g, '\x93').replace(/\u201d/g, '\x94'), 'latin1'), text: cp1252, warning: 'not valid UTF-8; decoded as Windows-1252' },
  ];
  for (const row of decodeRows) {
    it(`${row.name}: decoded, offsets slice the decoded text, both facts found`, async () => {
      const file = path.join(dir, row.file);
      fs.writeFileSync(file, row.bytes);
      const r = await runCli(['extract', file]);
      assert.equal(r.code, EXIT.ok, r.stderr);
      assert.deepEqual(lines(r.stderr), row.warning ? [`newsgraph: warning: ${file}: ${row.warning}`, 'newsgraph: 1 warning: 1 decoded as Windows-1252'] : []);
      const [doc, ...more] = parseNdjson(r.stdout);
      assert.ok(doc);
      assert.deepEqual(more, []);
      assert.ok(assertOffsets(row.text, doc) >= 8, 'mentions and evidence were checked');
      const facts = doc.facts.map((f) => `${f.source} ${f.relation} ${f.target}`);
      for (const f of GOOD_FACTS) assert.ok(facts.includes(f), `${f} in ${facts.join('; ')}`);
    });
  }

  it('a 50 MB JSONL line: named by file:line and skipped without holding it, the other lines processed', async () => {
    const file = path.join(dir, 'big.jsonl');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${JSON.stringify({ id: 'a', text: GOOD })}\n{"id": "huge", "text": "`);
    const block = Buffer.from('Putin met Trump in Moscow. '.repeat(40_000));
    for (let written = 0; written < 50 * MB; written += block.length) fs.writeSync(fd, block);
    fs.writeSync(fd, `"}\r\n${JSON.stringify({ id: 'c', text: GOOD.replace('Thursday', 'Friday') })}\n`);
    fs.closeSync(fd);
    const r = await runCli(['extract', file]);
    assert.equal(r.code, EXIT.ok);
    assert.deepEqual(lines(r.stderr), [`newsgraph: warning: ${file}:2: line is over --max-doc-bytes ${DEFAULT_MAX}, skipped`, 'newsgraph: skipped 1 input: 1 too large']);
    assert.deepEqual(parseNdjson(r.stdout).map((d) => d.doc), ['a', 'c']);
  });

  it('a JSONL line over --max-doc-bytes 2000: named by file:line, the other lines processed', async () => {
    const file = path.join(dir, 'limit.jsonl');
    const long = JSON.stringify({ id: 'long', text: GOOD.repeat(20) });
    fs.writeFileSync(file, [JSON.stringify({ id: 'a', text: GOOD }), long, JSON.stringify({ id: 'c', text: `${GOOD} Again.` })].join('\n'));
    const r = await runCli(['extract', file, '--max-doc-bytes', '2000']);
    assert.equal(r.code, EXIT.ok);
    assert.deepEqual(lines(r.stderr), [`newsgraph: warning: ${file}:2: line is over --max-doc-bytes 2000, skipped`, 'newsgraph: skipped 1 input: 1 too large']);
    assert.deepEqual(parseNdjson(r.stdout).map((d) => d.doc), ['a', 'c']);
  });

  it('malformed JSONL lines: each named by file:line, the other lines processed', async () => {
    const file = path.join(dir, 'mixed.jsonl');
    fs.writeFileSync(file, [
      JSON.stringify({ id: 'a', date: '2025-03-13', text: GOOD }),
      '{"id": "b", "text": "unterminated',
      '',
      '["an", "array"]',
      JSON.stringify({ id: 'no-text', title: 'x' }),
      JSON.stringify({ id: 'e', text: GOOD.replace('Thursday', 'Friday') }),
    ].join('\r\n'));
    const r = await runCli(['extract', file]);
    assert.equal(r.code, EXIT.ok);
    const warnings = lines(r.stderr);
    assert.equal(warnings.length, 4, r.stderr);
    assert.equal(warnings[3], 'newsgraph: skipped 3 inputs: 3 malformed JSON line');
    assert.match(warnings[0] ?? '', new RegExp(`^newsgraph: warning: ${file}:2: malformed JSON line \\(.+\\), skipped$`));
    assert.equal(warnings[1], `newsgraph: warning: ${file}:4: malformed JSON line (not a JSON object), skipped`);
    assert.equal(warnings[2], `newsgraph: warning: ${file}:5: no "text" string in this line, skipped`);
    assert.deepEqual(parseNdjson(r.stdout).map((d) => d.doc), ['a', 'e']);
  });

  it('HTML with scripts and styles: only the visible text is read, and offsets index it', async () => {
    const file = path.join(dir, 'page.html');
    fs.writeFileSync(file, [
      '<!doctype html><html><head><title>Talks in Moscow</title>',
      '<style>.x::after{content:"Boris Johnson met Emmanuel Macron"}</style>',
      '<script>var s = "</scr" + "ipt>"; track("Angela Merkel urged Xi Jinping");</script></head>',
      '<body><nav><a href="/">Home</a></nav><!-- Joe Biden met Kim Jong Un -->',
      '<h1>Talks in Moscow</h1><p>US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.</p>',
      '<script type="application/ld+json">{"author": "Rishi Sunak"}</script>',
      '<p>President Donald Trump urged Putin to spare the Ukrainian troops &amp; civilians.</p>',
      '<template><p>Olaf Scholz accepted</p></template><svg><text>Narendra Modi</text></svg></body></html>',
    ].join('\n'));
    const docs: SourceDocument[] = [];
    for await (const d of readDocuments([file], {}, () => undefined)) docs.push(d);
    assert.equal(docs.length, 1);
    assert.equal(docs[0]?.text, 'Talks in Moscow\nUS envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.\nPresident Donald Trump urged Putin to spare the Ukrainian troops & civilians.');
    assert.equal(docs[0]?.title, 'Talks in Moscow');
    const r = await runCli(['extract', file]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    const [doc] = parseNdjson(r.stdout);
    assert.ok(doc && assertOffsets(docs[0]?.text ?? '', doc) >= 8);
    const entities = new Set(doc.mentions.map((m) => m.entity));
    for (const hidden of ['boris-johnson', 'emmanuel-macron', 'angela-merkel', 'xi-jinping', 'joe-biden', 'kim-jong-un', 'rishi-sunak', 'olaf-scholz', 'narendra-modi']) {
      assert.ok(!entities.has(hidden), `${hidden} comes from markup, not text`);
    }
  });

  it('text in other languages among English: skipped, so the graph holds no garbage entities', async () => {
    const out = path.join(dir, 'out-languages');
    for (const [name, text] of [['de.txt', GERMAN], ['ru.txt', RUSSIAN], ['zh.txt', CHINESE]] as const) fs.writeFileSync(path.join(dir, name), text);
    const r = await runCli(['build', path.join(dir, 'good.txt'), path.join(dir, 'de.txt'), path.join(dir, 'ru.txt'), path.join(dir, 'zh.txt'), '--out', out]);
    assert.equal(r.code, EXIT.ok);
    assert.equal(lines(r.stderr).filter((l) => l.includes('not English (the rules read English only), skipped')).length, 3, r.stderr);
    assert.equal(lines(r.stderr).at(-1), 'newsgraph: skipped 3 inputs: 3 not English');
    const english = await runCli(['build', path.join(dir, 'good.txt'), '--out', path.join(dir, 'out-english')]);
    assert.equal(english.code, EXIT.ok);
    assert.deepEqual(readGraph(out).nodes.map((n) => n.key).sort(), readGraph(path.join(dir, 'out-english')).nodes.map((n) => n.key).sort());
  });

  it('duplicated input: the same file twice, a copy and the same text in JSONL are processed once', async () => {
    fs.copyFileSync(path.join(dir, 'good.txt'), path.join(dir, 'copy.txt'));
    const feed = path.join(dir, 'dup.jsonl');
    fs.writeFileSync(feed, `${JSON.stringify({ id: 'j', text: GOOD })}\n`);
    const good = path.join(dir, 'good.txt');
    const out = path.join(dir, 'out-dup');
    const r = await runCli(['build', good, good, path.join(dir, 'copy.txt'), feed, '--out', out]);
    assert.equal(r.code, EXIT.ok);
    assert.equal(lines(r.stderr).at(-1), 'newsgraph: skipped 3 inputs: 3 same text as another document');
    assert.equal((await runCli(['build', good, good, '--out', out, '--strict'])).code, EXIT.warnings, '--strict: skips exit 1');
    assert.deepEqual(lines(r.stderr).slice(0, 3), [
      `newsgraph: warning: ${good}: same text as ${good}, skipped`,
      `newsgraph: warning: ${path.join(dir, 'copy.txt')}: same text as ${good}, skipped`,
      `newsgraph: warning: ${feed}:1: same text as ${good}, skipped`,
    ]);
    assert.equal(readGraph(out).attributes.documentCount, 1);
  });

  it('a directory with nothing readable: exit 3, one line', async () => {
    const empty = path.join(dir, 'empty-dir');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, 'image.png'), PNG);
    const r = await runCli(['build', empty, '--out', path.join(dir, 'out-empty-dir')]);
    assert.equal(r.code, EXIT.io);
    assert.deepEqual(lines(r.stderr), [`newsgraph: ${empty}: no documents found (looked for .txt .text .md .markdown .html .htm .jsonl .ndjson .warc .warc.gz files)`]);
  });
});

describe('bad output: clear error, previous output intact', function () {
  this.timeout(120_000);
  let dir: string;
  let out: string;
  let previous: Map<string, Buffer>;
  before(async () => {
    dir = tmpDir('bad-output');
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
    fs.writeFileSync(path.join(dir, 'other.txt'), GOOD.replace('Thursday', 'Friday'));
    out = path.join(dir, 'out');
    const r = await runCli(['build', path.join(dir, 'good.txt'), '--out', out]);
    assert.equal(r.code, EXIT.ok, r.stderr);
    previous = snapshot(out);
    assert.ok(previous.has('graph.json') && previous.has('graph.gexf'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The one error line: it names the output file that could not be written (the store or a graph file). */
  const errorLine = (where: string, reason: string): RegExp => new RegExp(`^newsgraph: ${escape(where)}/(${OUTPUT_FILES.map(escape).join('|')}): ${escape(reason)}$`);
  const assertIntact = (where = out, before = previous): void => {
    const now = snapshot(where);
    assert.deepEqual([...now.keys()], [...before.keys()], 'the same files, no temp files left');
    for (const [name, bytes] of before) assert.ok(now.get(name)?.equals(bytes), `${name} unchanged`);
  };

  it('output directory not writable: exit 3, "cannot write: permission denied", previous output intact', function () {
    const as = unprivileged();
    if (as === undefined) {
      console.log('      skipped: running as root and cannot run as nobody (uid 65534), so permissions cannot be tested');
      this.skip();
    }
    requireBuiltCli();
    openUp(dir);
    fs.chmodSync(out, 0o555); // root-owned 0755 already stops nobody; 0555 stops the owner too
    try {
      const r = spawnCli(['build', path.join(dir, 'other.txt'), '--out', out, '--jobs', '1'], as);
      assert.equal(r.code, EXIT.io, r.stderr);
      const [line, ...rest] = lines(r.stderr);
      assert.match(line ?? '', errorLine(out, 'cannot write: permission denied'));
      assert.deepEqual(rest, []);
    } finally {
      fs.chmodSync(out, 0o755);
    }
    assertIntact();
  });

  it('unreadable input file (permission): exit 3 alone, warning and exit 0 among good files', function () {
    const as = unprivileged();
    if (as === undefined) {
      console.log('      skipped: running as root and cannot run as nobody (uid 65534), so permissions cannot be tested');
      this.skip();
    }
    requireBuiltCli();
    const secret = path.join(dir, 'secret.txt');
    fs.writeFileSync(secret, GOOD.replace('Moscow', 'Riyadh'));
    openUp(dir);
    fs.chmodSync(secret, 0o000);
    const scratch = path.join(dir, 'scratch');
    fs.mkdirSync(scratch, { mode: 0o777 });
    fs.chmodSync(scratch, 0o777);
    const alone = spawnCli(['build', secret, '--out', path.join(scratch, 'a'), '--jobs', '1'], as);
    assert.equal(alone.code, EXIT.io, alone.stderr);
    assert.deepEqual(lines(alone.stderr), [`newsgraph: ${secret}: permission denied`]);
    const among = spawnCli(['build', path.join(dir, 'good.txt'), secret, '--out', path.join(scratch, 'b'), '--jobs', '1'], as);
    assert.equal(among.code, EXIT.ok, among.stderr);
    assert.equal(lines(among.stderr)[0], `newsgraph: warning: ${secret}: permission denied`);
    assert.equal(lines(among.stderr).at(-1), 'newsgraph: skipped 1 input: 1 unreadable');
    assert.ok(fs.existsSync(path.join(scratch, 'b', 'graph.json')));
  });

  it('output path is a file: exit 3, one line', async () => {
    const file = path.join(dir, 'good.txt');
    const r = await runCli(['build', path.join(dir, 'other.txt'), '--out', file]);
    assert.equal(r.code, EXIT.io);
    assert.deepEqual(lines(r.stderr), [`newsgraph: ${file}: cannot write: exists and is not a directory`]);
  });

  it('disk full (simulated: every graph file write fails with ENOSPC after half its bytes): exit 3, "disk full", previous output intact', async () => {
    const real = fs.promises as unknown as AtomicFs;
    let failures = 0;
    const full: AtomicFs = {
      stat: (f) => real.stat(f),
      rename: (a, b) => real.rename(a, b),
      unlink: (f) => real.unlink(f),
      open: async (f, flags, mode) => {
        const handle = await real.open(f, flags, mode);
        return {
          writeFile: async (data) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1));
            failures++;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const defaults = DEFAULT_ATOMIC_WRITE_OPTIONS as AtomicWriteOptions;
    const saved = defaults.fs;
    defaults.fs = full;
    let r;
    try {
      r = await runCli(['build', path.join(dir, 'other.txt'), '--out', out]);
    } finally {
      defaults.fs = saved;
    }
    assert.equal(failures, 1, 'the first write failed and nothing else was tried');
    assert.equal(r.code, EXIT.io);
    assert.deepEqual(lines(r.stderr), [`newsgraph: ${path.join(out, 'graph.json')}: disk full`]);
    assertIntact();
  });

  it('disk full (real: a 1 MiB tmpfs, filled up): exit 3, "disk full", previous output intact', async function () {
    const mount = path.join(dir, 'small-disk');
    fs.mkdirSync(mount);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      console.log(`      skipped: cannot mount a small tmpfs here (${(mounted.stderr || String(mounted.error)).trim()}); the simulated case above covers ENOSPC`);
      this.skip();
    }
    try {
      const small = path.join(mount, 'out');
      const first = await runCli(['build', path.join(dir, 'good.txt'), '--out', small]);
      assert.equal(first.code, EXIT.ok, first.stderr);
      const before = snapshot(small);
      // Fill the disk, leaving less room than the smallest output file.
      const room = Number(spawnSync('df', ['--output=avail', '-B1', mount], { encoding: 'utf8' }).stdout.trim().split('\n').pop());
      const smallest = Math.min(...[...before.values()].map((b) => b.length));
      fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(Math.max(0, room - (smallest >> 1))));
      const r = await runCli(['build', path.join(dir, 'other.txt'), '--out', small]);
      assert.equal(r.code, EXIT.io, r.stderr);
      const [line, ...rest] = lines(r.stderr);
      assert.match(line ?? '', errorLine(small, 'disk full'));
      assert.deepEqual(rest, []);
      assertIntact(small, before);
    } finally {
      // Lazy: detached now even if a file in it is still open, freed when it is closed.
      const unmounted = spawnSync('umount', ['-l', mount], { encoding: 'utf8' });
      assert.equal(unmounted.status, 0, unmounted.stderr);
    }
  });
});

describe('exit codes', function () {
  this.timeout(60_000);
  after(removeTmpDirs);

  it('README documents exactly the codes the CLI uses', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('### Exit codes');
    const table = readme.slice(start, readme.indexOf('\n## ', start));
    const documented = [...table.matchAll(/^\| (\d) \| (.+) \|$/gm)].map((m) => Number(m[1]));
    assert.deepEqual(documented, Object.values(EXIT));
    assert.match(table, /`--max-doc-bytes` \(default 10 MiB\)/);
    assert.equal(DEFAULT_MAX, 10 * MB);
  });

  it('2 for usage errors, with the option named', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['build', 'x.txt'], /required option '-o, --out <dir>' not specified/],
      [['build', 'x.txt', '--out', 'o', '--frobnicate'], /unknown option '--frobnicate'/],
      [['build', 'x.txt', '--out', 'o', '--max-doc-bytes', 'lots'], /--max-doc-bytes must be a non-negative integer/],
      [['build', 'x.txt', '--out', 'o', '--max-doc-bytes', '0'], /^newsgraph: --max-doc-bytes: must be a positive integer, got 0$/m],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      assert.equal(r.code, EXIT.usage, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
  });

  it('4 for an internal error, as one line', async () => {
    // stdout that fails: the one way to reach the catch-all without a bug in the code.
    let stderr = '';
    const broken = new Writable({ write: (_c, _e, cb) => cb() });
    broken.write = () => {
      throw new Error('stdout is broken');
    };
    const err = new Writable({ write: (c: Buffer, _e, cb) => { stderr += c.toString(); cb(); } });
    const file = path.join(tmpDir('internal'), 'good.txt');
    fs.writeFileSync(file, GOOD);
    const code = await run(['node', 'newsgraph', 'extract', file], { stdout: broken, stderr: err });
    assert.equal(code, EXIT.internal);
    assert.deepEqual(lines(stderr), ['newsgraph: internal error: stdout is broken']);
  });

  it('warnings go to stderr only, and -q silences them but not the summary of skips nor the exit code', async () => {
    const d = tmpDir('quiet');
    fs.writeFileSync(path.join(d, 'good.txt'), GOOD);
    fs.writeFileSync(path.join(d, 'empty.txt'), '');
    const r = await runCli(['build', d, '--out', path.join(d, 'out'), '-q']);
    assert.equal(r.code, EXIT.ok);
    assert.equal(r.stderr, 'newsgraph: skipped 1 input: 1 empty or no text\n');
    const strict = await runCli(['build', d, '--out', path.join(d, 'out'), '-q', '--strict']);
    assert.equal(strict.code, EXIT.warnings);
    assert.equal(strict.stderr, r.stderr);
    assert.equal(r.stdout, '');
    const warned: InputWarning[] = [];
    for await (const doc of readDocuments([d], {}, (w) => warned.push(w))) void doc;
    assert.deepEqual(warned, [{ file: path.join(d, 'empty.txt'), reason: 'empty file, skipped' }]);
  });
});
