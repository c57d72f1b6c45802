// Progress as a user sees it: a bar with done/total, rate and ETA when the number of inputs is
// known, a spinner with the count when it is not, nothing at all when stderr is not a terminal.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { Progress } from '../src/cli/progress';
import { groupOf, WarningLog } from '../src/cli/skips';
import { countInputs } from '../src/ingest/count';
import { removeTmpDirs, tmpDir } from './reliability/helpers';

function terminal(tty: boolean): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write: (c: Buffer, _e, cb) => { chunks.push(c.toString()); cb(); } }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: tty, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  // eslint-disable-next-line no-control-regex
  return { stream, text: () => chunks.join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('CLI progress', () => {
  after(removeTmpDirs);

  it('a known total: done/total, rate and ETA', () => {
    const t = terminal(true);
    const p = new Progress(t.stream, 10, 0);
    for (let i = 0; i < 4; i++) p.tick();
    p.stop();
    assert.match(t.text(), /newsgraph build \[.*\] 4\/10 inputs \| [\d.]+\/s \| ETA /);
  });

  it('an unknown total: a spinner with the count', () => {
    const t = terminal(true);
    const p = new Progress(t.stream, undefined, 0);
    for (let i = 0; i < 3; i++) p.tick();
    p.stop();
    assert.match(t.text(), /newsgraph build \S 3 inputs \| [\d.]+\/s \| /);
  });

  it('not a terminal: nothing', () => {
    const t = terminal(false);
    const p = new Progress(t.stream, 10, 0);
    for (let i = 0; i < 10; i++) p.tick();
    p.stop();
    assert.equal(t.text(), '');
  });

  it('countInputs: files of local inputs; undefined for URLs, stdin, JSONL and WARC', async () => {
    const dir = tmpDir('count');
    fs.mkdirSync(path.join(dir, 'sub'));
    for (const f of ['a.txt', 'b.html', 'sub/c.md', 'notes.docx', '.hidden.txt']) fs.writeFileSync(path.join(dir, f), 'x');
    assert.equal(await countInputs([dir]), 3);
    assert.equal(await countInputs([dir, path.join(dir, 'a.txt'), path.join(dir, 'missing.txt')]), 5);
    fs.writeFileSync(path.join(dir, 'sub', 'd.jsonl'), '{}');
    assert.equal(await countInputs([dir]), undefined);
    assert.equal(await countInputs(['https://example.org/feed.xml']), undefined);
    assert.equal(await countInputs(['-']), undefined);
    assert.equal(await countInputs([path.join(dir, 'x.warc.gz')]), undefined);
  });
});

describe('CLI: the summary of skips', () => {
  it('groups each reason the web readers give', () => {
    const table: Array<[string, string, boolean]> = [
      ['forbidden by robots.txt of news.example, skipped', 'forbidden by robots.txt', true],
      ['robots.txt of news.example could not be read (HTTP 503), so nothing is fetched there, skipped', 'forbidden by robots.txt', true],
      ['127.0.0.1 is a loopback address (refused unless --allow-private), skipped', 'private address refused', true],
      ['timed out after 20 s (3 tries), skipped', 'fetch failed', true],
      ['HTTP 404, skipped', 'fetch failed', true],
      ['redirect loop (a → b), skipped', 'fetch failed', true],
      ['only http and https URLs are fetched, not file:, skipped', 'fetch failed', true],
      ['too large: Content-Length says 5368709120 bytes, over --max-doc-bytes 10485760, skipped', 'too large', true],
      ['record is 20000 bytes, over --max-doc-bytes 1200, skipped', 'too large', true],
      ['empty response, skipped', 'empty or no text', true],
      ['a feed with no items, skipped', 'not a feed or page', true],
      ['not a feed (The XML document could not be parsed as a feed), skipped', 'not a feed or page', true],
      ["no article found (Readability), read as the page's visible text", 'read as visible text', false],
    ];
    for (const [reason, label, skip] of table) assert.deepEqual(groupOf(reason), { label, skip }, reason);
    const log = new WarningLog(terminal(false).stream, true);
    for (const [reason] of table) log.warn({ file: 'x', reason });
    assert.equal(log.summary(), 'newsgraph: skipped 12 inputs: 4 fetch failed, 2 forbidden by robots.txt, 2 not a feed or page, 2 too large, 1 empty or no text, 1 private address refused; 1 warning: 1 read as visible text');
  });
});
