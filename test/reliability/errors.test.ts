// Errors in code: a small hierarchy (usage, input, output) carrying the file and the reason; the
// CLI prints one line, and the stack only with --verbose. A reader that goes away (`| head`) is
// not an error.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';
import { EXIT, InputError, OutputError, UsageError, isNewsgraphError } from '../../src/errors';
import { BIN, ROOT, lines, removeTmpDirs, requireBuiltCli, spawnCli, tmpDir } from './helpers';

describe('errors: classes', () => {
  const cases: Array<[string, () => Error, number]> = [
    ['UsageError', () => new UsageError('must be a positive integer, got 0', '--max-doc-bytes'), EXIT.usage],
    ['InputError', () => new InputError('permission denied', 'news/a.txt'), EXIT.io],
    ['OutputError', () => new OutputError('disk full', 'out/graph.json'), EXIT.io],
  ];
  for (const [name, make, code] of cases) {
    it(`${name} carries the file and the reason, and maps to exit ${code}`, () => {
      const e = make();
      assert.ok(isNewsgraphError(e));
      assert.equal(e.name, name);
      assert.equal(e.exitCode, code);
      assert.equal(e.message, `${e.file}: ${e.reason}`);
      assert.ok(e.stack?.includes(name));
    });
  }
  it('a reason without a file is the whole message', () => {
    assert.equal(new InputError('no documents found').message, 'no documents found');
  });
});

describe('errors: one line, --verbose adds the stack', function () {
  this.timeout(60_000);
  before(requireBuiltCli);
  after(removeTmpDirs);

  it('without --verbose: exactly one line', () => {
    const r = spawnCli(['build', 'no/such/file.txt', '--out', tmpDir('verbose')]);
    assert.equal(r.code, EXIT.io);
    assert.deepEqual(lines(r.stderr), ['newsgraph: no/such/file.txt: no such file or directory']);
  });

  for (const args of [['--verbose', 'build', 'no/such/file.txt'], ['build', 'no/such/file.txt', '--verbose']]) {
    it(`with --verbose (${args.indexOf('--verbose') === 0 ? 'before' : 'after'} the command): the same line, then the stack`, () => {
      const r = spawnCli([...args, '--out', tmpDir('verbose')]);
      assert.equal(r.code, EXIT.io);
      const [first, second, ...rest] = lines(r.stderr);
      assert.equal(first, 'newsgraph: no/such/file.txt: no such file or directory');
      assert.equal(second, 'InputError: no/such/file.txt: no such file or directory');
      assert.ok(rest.length > 0 && rest.every((l) => /^ {4}at /.test(l)), r.stderr);
    });
  }

  it('an internal error: one line, and the stack with --verbose', async () => {
    const file = path.join(tmpDir('internal'), 'a.txt');
    fs.writeFileSync(file, 'US envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on Thursday.');
    const broken = (): Writable => {
      const w = new Writable({ write: (_c, _e, cb) => cb() });
      w.write = () => {
        throw new TypeError('stdout is broken');
      };
      return w;
    };
    for (const verbose of [false, true]) {
      let stderr = '';
      const err = new Writable({
        write: (c: Buffer, _e, cb) => {
          stderr += c.toString();
          cb();
        },
      });
      const code = await run(['node', 'newsgraph', ...(verbose ? ['--verbose'] : []), 'extract', file, '--jobs', '1'], { stdout: broken(), stderr: err });
      assert.equal(code, EXIT.internal);
      const [first, second, ...rest] = lines(stderr);
      assert.equal(first, 'newsgraph: internal error: stdout is broken');
      if (verbose) {
        assert.equal(second, 'TypeError: stdout is broken');
        assert.ok(rest.every((l) => /^ {4}at /.test(l)));
      } else {
        assert.equal(second, undefined);
      }
    }
  });

  it('a reader that stops early (`newsgraph extract … | head`): exit 0, nothing on stderr', async () => {
    const corpus = tmpDir('epipe');
    for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(corpus, `a${i}.txt`), `Talks ${i}\n\nUS envoy Steve Witkoff met Russian President Vladimir Putin in Moscow on day ${i}.`);
    const child = spawn(process.execPath, [BIN, 'extract', corpus, '--jobs', '1'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Like `head -c 10`: read a little, then close the pipe.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(stderr, '');
    assert.equal(code, EXIT.ok);
  });
});
