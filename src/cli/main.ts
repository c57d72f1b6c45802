// The CLI: a flag schema (commander), thin command bodies, and one place that turns errors into
// one-line messages and exit codes (0 ok, 1 finished with warnings, 2 usage, 3 input/output,
// 4 internal).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { buildGraph, createExtractor, writeGraph } from '../pipeline';
import { readDocuments, type InputWarning } from '../ingest';
import { readAliasFile, type AliasEntry } from '../entities';
import { exportGraph, isExportFormat, writeFileAtomic, EXPORT_FORMATS } from '../export';
import { startServer } from '../serve';
import { renderStandaloneHtml } from '../serve/standalone';
import { EXIT, InputError, OutputError, UsageError, isNewsgraphError, messageOf, type ExitCode } from '../errors';
import { GENERATOR_VERSION, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type NewsGraph } from '../graph';
import { Progress } from './progress';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const OUTPUT_FORMATS = [...Object.keys(EXPORT_FORMATS), 'html'] as const;

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
}

class WarningLog {
  count = 0;
  constructor(private readonly io: Io, private readonly quiet: boolean) {}
  readonly warn = (w: InputWarning): void => {
    this.count++;
    if (!this.quiet) this.io.stderr.write(`newsgraph: warning: ${w.file}: ${w.reason}\n`);
  };
}

function loadAliases(file: string | undefined): AliasEntry[] {
  return file ? readAliasFile(file) : [];
}

export function readGraphFile(file: string): NewsGraph {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError((e as { code?: string }).code === 'ENOENT' ? 'no such file' : messageOf(e), file);
  }
  let data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  try {
    data = JSON.parse(raw) as SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
  } catch (e) {
    throw new InputError(`not valid JSON (${messageOf(e)})`, file);
  }
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) throw new InputError('not a graphology JSON export (needs "nodes" and "edges")', file);
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  try {
    graph.import(data);
  } catch (e) {
    throw new InputError(`invalid graph (${messageOf(e)})`, file);
  }
  return graph;
}

function ensureDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputError(`cannot create output directory (${messageOf(e)})`, dir);
  }
}

export function createProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command()
    .name('newsgraph')
    .description('Build an explainable knowledge graph of news: actors, what they did to each other, and the sentence that proves it.')
    .version(GENERATOR_VERSION)
    .option('--verbose', 'show stack traces of errors')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('build')
    .description('read articles and write DIR/graph.json (graphology) and DIR/graph.gexf (Gephi)')
    .argument('<inputs...>', 'files (.txt .md .html .jsonl), directories (recursive) or - for stdin')
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('--aliases <file>', 'JSON list of actors: [{name, entityType, aliases, wikidata?}]')
    .option('--max-doc-bytes <n>', 'skip documents (or JSONL lines) larger than this', (v) => positiveInt(v, '--max-doc-bytes'), 10 * 1024 * 1024)
    .option('-q, --quiet', 'no warnings on stderr')
    .action(async (inputs: string[], opts: { out: string; aliases?: string; maxDocBytes: number; quiet?: boolean }) => {
      const warnings = new WarningLog(io, opts.quiet === true);
      const progress = new Progress(io.stderr);
      const graph = await buildGraph(inputs, { aliases: loadAliases(opts.aliases), ingest: { maxDocBytes: opts.maxDocBytes } }, {
        onWarning: warnings.warn,
        onDocument: () => progress.tick(),
      });
      progress.stop();
      ensureDir(opts.out);
      const files = await writeGraph(graph, opts.out);
      if (!opts.quiet) io.stderr.write(`newsgraph: ${graph.getAttribute('documentCount')} documents → ${graph.order} nodes, ${graph.size} edges: ${files.join(', ')}\n`);
      if (warnings.count > 0) setExit(EXIT.warnings);
    });

  program
    .command('extract')
    .description('print what each document says as NDJSON, one document a line (mentions with offsets, facts with evidence)')
    .argument('<inputs...>', 'files (.txt .md .html .jsonl), directories (recursive) or - for stdin')
    .option('--aliases <file>', 'JSON list of actors: [{name, entityType, aliases, wikidata?}]')
    .option('--max-doc-bytes <n>', 'skip documents (or JSONL lines) larger than this', (v) => positiveInt(v, '--max-doc-bytes'), 10 * 1024 * 1024)
    .option('-q, --quiet', 'no warnings on stderr')
    .action(async (inputs: string[], opts: { aliases?: string; maxDocBytes: number; quiet?: boolean }) => {
      const warnings = new WarningLog(io, opts.quiet === true);
      const extract = createExtractor({ aliases: loadAliases(opts.aliases) });
      let documents = 0;
      for await (const source of readDocuments(inputs, { maxDocBytes: opts.maxDocBytes }, warnings.warn)) {
        const result = extract(source);
        const { origin: _origin, ...line } = result;
        void _origin;
        io.stdout.write(`${JSON.stringify({ ...line, entities: result.entities })}\n`);
        documents++;
      }
      if (documents === 0) throw new InputError('no usable documents', inputs.join(' '));
      if (warnings.count > 0) setExit(EXIT.warnings);
    });

  program
    .command('serve')
    .description('serve the viewer and DIR/graph.json on http://127.0.0.1:PORT')
    .argument('[dir]', 'directory holding graph.json', 'graph-data/out')
    .option('-p, --port <n>', 'port (0 = any free port)', (v) => positiveInt(v, '--port'), 8080)
    .option('--host <host>', 'address to bind (default 127.0.0.1: only this machine)', '127.0.0.1')
    .action(async (dir: string, opts: { port: number; host: string }) => {
      if (!fs.existsSync(path.join(dir, 'graph.json'))) throw new InputError('no graph.json here (run `newsgraph build … --out DIR` first)', dir);
      const server = await startServer({ dir, port: opts.port, host: opts.host });
      io.stdout.write(`newsgraph: serving ${dir} at ${server.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('export')
    .description('convert a graph.json to another format')
    .argument('<graph>', 'a graph.json written by `newsgraph build`')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).makeOptionMandatory())
    .requiredOption('-o, --out <file>', 'output file')
    .action(async (graphFile: string, opts: { format: string; out: string }) => {
      const graph = readGraphFile(graphFile);
      ensureDir(path.dirname(path.resolve(opts.out)));
      if (opts.format === 'html') {
        await writeFileAtomic(opts.out, renderStandaloneHtml(JSON.stringify(graph.export())));
      } else if (isExportFormat(opts.format)) {
        await exportGraph(graph, opts.format, opts.out);
      } else {
        throw new UsageError(`unknown format "${opts.format}"`, '--format');
      }
    });

  return program;
}

/** Runs the CLI; resolves to the exit code (and sets process.exitCode when run from bin/). */
export async function run(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = createProgram(io, (c) => {
    code = c;
  });
  const verbose = argv.includes('--verbose');
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isNewsgraphError(e)) {
      io.stderr.write(`newsgraph: ${e.message}\n`);
      if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    io.stderr.write(`newsgraph: internal error: ${messageOf(e)}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.internal;
  }
}

export function main(argv: readonly string[]): void {
  void run(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main(process.argv);
