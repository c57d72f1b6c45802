// Finding 5: messages that are not one line. File names, JSONL ids and parse errors come from
// outside; printed raw, a name with a newline forged a whole `newsgraph: error:` line and one with
// `ESC ] 0 ; … BEL` set the terminal's title. Every name and value printed is now escaped: each
// message is one line, and stderr carries no control character but the line ends.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../src/errors';
import { lines, removeTmpDirs, runCli, tmpDir } from './helpers';

const GOOD = 'Talks in Vienna\n\nForeign Minister Anna Novak of Poland met envoy Farid Haddad of Egypt in Vienna on Monday.\n';
const TITLE = '\u001b]0;pwned\u0007';
const FORGED = '\nnewsgraph: error: everything is fine';

/** Every stderr line is one of ours, and holds no control character. */
function assertClean(stderr: string): string[] {
  const all = lines(stderr);
  for (const line of all) {
    assert.ok(line.startsWith('newsgraph: '), `a line of its own: ${JSON.stringify(line)}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(line, /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/, JSON.stringify(line));
    assert.doesNotMatch(line, /^newsgraph: error: everything is fine/);
  }
  return all;
}

describe('messages: every name printed is escaped, one message is one line', () => {
  after(removeTmpDirs);

  it('printable: a table of what is shown how', () => {
    const table: Array<[string, string]> = [
      ['plain name.txt', 'plain name.txt'],
      ['a\nb', 'a\\nb'],
      ['a\r\nb', 'a\\r\\nb'],
      ['tab\there', 'tab\\there'],
      [TITLE, '\\x1b]0;pwned\\x07'],
      ['\u009b31m', '\\x9b31m'],
      ['evil\u202etxt.exe', 'evil\\u{202e}txt.exe'],
      ['line\u2028sep', 'line\\u{2028}sep'],
      ['Zürich – Київ', 'Zürich – Київ'],
    ];
    for (const [raw, shown] of table) assert.equal(printable(raw), shown, JSON.stringify(raw));
  });

  it('hostile file names: each warning and the error stay one clean line', async () => {
    const dir = tmpDir('names');
    const names = [`title${TITLE}.txt`, `forge${FORGED}.txt`, 'bidi\u202etxt.md'];
    for (const name of names) fs.writeFileSync(path.join(dir, name), ''); // empty: each is skipped with a warning
    fs.writeFileSync(path.join(dir, 'good.txt'), GOOD);
    const r = await runCli(['build', dir, '--out', path.join(tmpDir('names-out'), 'out')]);
    assert.equal(r.code, 0, r.stderr);
    const all = assertClean(r.stderr);
    assert.ok(all.some((l) => l.includes('title\\x1b]0;pwned\\x07.txt')), r.stderr);
    assert.ok(all.some((l) => l.includes('forge\\nnewsgraph: error: everything is fine.txt')), r.stderr);

    const alone = await runCli(['build', path.join(dir, names[1] as string), '--out', path.join(tmpDir('names-out'), 'out')]);
    assert.equal(alone.code, 3);
    assert.equal(assertClean(alone.stderr).length, 1, alone.stderr);
  });

  it('hostile JSONL ids and a JSON parse error name what they must in one line', async () => {
    const dir = tmpDir('ids');
    const jsonl = path.join(dir, 'feed.jsonl');
    const text = GOOD.replace(/\n/g, ' ');
    fs.writeFileSync(jsonl, [
      JSON.stringify({ id: `one${FORGED}`, text }),
      JSON.stringify({ id: `one${FORGED}`, text: `${text} Again.` }),
      `{"id": "broken${TITLE}", "text": `,
    ].join('\n') + '\n');
    const r = await runCli(['build', jsonl, '--out', path.join(dir, 'out')]);
    assert.equal(r.code, 0, r.stderr);
    assertClean(r.stderr);

    const graph = path.join(dir, 'bad.json');
    fs.writeFileSync(graph, `{"nodes": [], "edges": [], ${TITLE}`);
    const e = await runCli(['export', graph, '--format', 'gexf', '--out', path.join(dir, 'x.gexf')]);
    assert.equal(e.code, 3);
    assert.equal(assertClean(e.stderr).length, 1, e.stderr);
  });

  it('an unknown option with an escape in it: the usage error is clean too', async () => {
    const r = await runCli(['build', 'x.txt', '--out', tmpDir('opt'), `--bad${TITLE}`]);
    assert.equal(r.code, 2);
    // commander's own message and hint: no control characters in any line
    // eslint-disable-next-line no-control-regex
    for (const line of lines(r.stderr)) assert.doesNotMatch(line, /[\u0000-\u0008\u000b-\u001f\u007f]/, JSON.stringify(line));
  });
});
