import { strict as assert } from 'node:assert';
import { promises as fs, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { InputError, OutputError, UsageError } from '../../src/errors';
import { ensureDirectory, exportGraph, toCsvFiles, toGexf, toJson, writeFileAtomic, type AtomicFs, type ExportFormat } from '../../src/export';
import { makeGraph, sampleGraph } from '../helpers/graph-fixture';

function codedError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** The real file system, with one call made to fail. */
function failing(step: 'open' | 'writeFile' | 'sync' | 'rename', code: string): AtomicFs {
  const real = fs as unknown as AtomicFs;
  return {
    stat: (file) => real.stat(file),
    unlink: (file) => real.unlink(file),
    rename: (from, to) => (step === 'rename' ? Promise.reject(codedError(code)) : real.rename(from, to)),
    open: async (file, flags, mode) => {
      if (step === 'open' && flags !== 'r') throw codedError(code);
      const handle = await real.open(file, flags, mode);
      return {
        writeFile: (data) => (step === 'writeFile' ? Promise.reject(codedError(code)) : handle.writeFile(data)),
        sync: () => (step === 'sync' ? Promise.reject(codedError(code)) : handle.sync()),
        close: () => handle.close(),
      };
    },
  };
}

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-atomic-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const leftovers = (): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

  it('creates a new file and replaces an existing one, leaving no temp file', async () => {
    const target = path.join(dir, 'graph.json');
    await writeFileAtomic(target, 'one');
    assert.equal(readFileSync(target, 'utf8'), 'one');
    await writeFileAtomic(target, Buffer.from('two'));
    assert.equal(readFileSync(target, 'utf8'), 'two');
    assert.deepEqual(readdirSync(dir), ['graph.json']);
  });

  const failures: [Parameters<typeof failing>[0], string, string][] = [
    ['open', 'EACCES', 'cannot write: permission denied'],
    ['writeFile', 'ENOSPC', 'disk full'],
    ['sync', 'EIO', 'cannot write: input/output error'],
    ['rename', 'EXDEV', 'cannot write: EXDEV'],
  ];
  for (const [step, code, reason] of failures) {
    it(`keeps the old content and removes the temp file when ${step} fails (${code})`, async () => {
      const target = path.join(dir, 'graph.gexf');
      writeFileSync(target, 'old');
      await assert.rejects(writeFileAtomic(target, 'new', { fs: failing(step, code) }), (error: unknown) => {
        assert.ok(error instanceof OutputError);
        assert.equal(error.name, 'OutputError');
        assert.equal(error.file, target);
        assert.equal(error.reason, reason);
        assert.equal(error.message, `${target}: ${reason}`);
        return true;
      });
      assert.equal(readFileSync(target, 'utf8'), 'old');
      assert.deepEqual(leftovers(), []);
    });
  }

  it('fails with OutputError when the directory does not exist', async () => {
    const target = path.join(dir, 'missing', 'graph.json');
    await assert.rejects(writeFileAtomic(target, 'x'), { name: 'OutputError', reason: 'cannot write: directory does not exist' });
  });

  it('fails with OutputError when the target is a directory, and cleans up', async () => {
    const target = path.join(dir, 'graph.json');
    mkdirSync(target);
    writeFileSync(path.join(target, 'inside'), 'kept');
    await assert.rejects(writeFileAtomic(target, 'x'), OutputError);
    assert.equal(readFileSync(path.join(target, 'inside'), 'utf8'), 'kept');
    assert.deepEqual(leftovers(), []);
  });

  it('keeps the mode of the file it replaces', async () => {
    const target = path.join(dir, 'graph.json');
    writeFileSync(target, 'old', { mode: 0o640 });
    await fs.chmod(target, 0o640);
    await writeFileAtomic(target, 'new');
    assert.equal((await fs.stat(target)).mode & 0o777, 0o640);
  });
});

describe('exportGraph', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'newsgraph-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes json and gexf', async () => {
    const graph = sampleGraph();
    await exportGraph(graph, 'json', path.join(dir, 'graph.json'));
    await exportGraph(graph, 'gexf', path.join(dir, 'graph.gexf'), { gexf: { version: '1.3' } });
    assert.equal(readFileSync(path.join(dir, 'graph.json'), 'utf8'), toJson(graph));
    assert.equal(readFileSync(path.join(dir, 'graph.gexf'), 'utf8'), toGexf(graph, { version: '1.3' }));
  });

  it('rejects an unknown format with UsageError and writes nothing', async () => {
    await assert.rejects(exportGraph(sampleGraph(), 'pdf' as ExportFormat, path.join(dir, 'g.pdf')), UsageError);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('writes a directory format as one atomically replaced file each, creating the directory', async () => {
    const graph = sampleGraph();
    const out = path.join(dir, 'a', 'b', 'csv');
    const written = await exportGraph(graph, 'csv', out);
    const expected = toCsvFiles(graph);
    assert.deepEqual(written, expected.map((f) => path.join(out, f.name)));
    for (const f of expected) assert.equal(readFileSync(path.join(out, f.name), 'utf8'), f.content);
    assert.deepEqual(readdirSync(out).sort(), expected.map((f) => f.name).sort());
  });

  it('leaves the old files of a directory export whole when a write fails', async () => {
    const out = path.join(dir, 'csv');
    mkdirSync(out);
    writeFileSync(path.join(out, 'nodes.csv'), 'old');
    await assert.rejects(exportGraph(sampleGraph(), 'csv', out, { write: { fs: failing('writeFile', 'ENOSPC') } }), {
      name: 'OutputError',
      reason: 'disk full',
    });
    assert.deepEqual(readdirSync(out), ['nodes.csv']);
    assert.equal(readFileSync(path.join(out, 'nodes.csv'), 'utf8'), 'old');
  });

  it('writes nothing when the graph does not fit the format (neo4j: relation outside the vocabulary)', async () => {
    const graph = makeGraph({ nodes: [{ key: 'a' }, { key: 'b' }], edges: [{ source: 'a', target: 'b' }] });
    graph.setEdgeAttribute('a|met|b', 'relation', 'befriended' as never);
    await assert.rejects(exportGraph(graph, 'neo4j', path.join(dir, 'neo4j')), InputError);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('ensureDirectory: mkdir -p, and OutputError when a file is in the way', async () => {
    await ensureDirectory(path.join(dir, 'x', 'y'));
    await ensureDirectory(path.join(dir, 'x', 'y'));
    writeFileSync(path.join(dir, 'f'), '');
    await assert.rejects(ensureDirectory(path.join(dir, 'f')), { name: 'OutputError', reason: 'cannot write: exists and is not a directory' });
    await assert.rejects(ensureDirectory(path.join(dir, 'f', 'g', 'h')), { name: 'OutputError', reason: 'cannot write: a parent path is not a directory' });
  });

  it('reports write failures as OutputError naming the file', async () => {
    const out = path.join(dir, 'graph.gexf');
    writeFileSync(out, 'old');
    await assert.rejects(exportGraph(sampleGraph(), 'gexf', out, { write: { fs: failing('rename', 'EACCES') } }), {
      name: 'OutputError',
      file: out,
    });
    assert.equal(readFileSync(out, 'utf8'), 'old');
  });
});
