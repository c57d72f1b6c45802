// Progress as a user sees it: a bar with done/total, rate and ETA when the number of inputs is
// known, a spinner with the count when it is not, nothing at all when stderr is not a terminal.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { Progress } from '../src/cli/progress';
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
