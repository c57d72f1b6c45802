// The CLI: a flag schema (commander), thin command bodies, and one place that turns errors into
// one-line messages and exit codes (0 ok, 1 --strict and something was skipped, 2 usage,
// 3 input/output, 4 internal).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { annotateLines, annotatePretokenized, build, checkBuildOptions, extractLines, type AnnotateFormat, type DocumentOutcome, type PipelineOptions } from '../pipeline';
import { checkWatch, DEFAULT_WATCH_OPTIONS, watch } from '../watch';
import type { InputWarning } from '../ingest';
import { readAliasFile, type AliasEntry } from '../entities';
import { readCurationFile } from '../graph/curation-file';
import { ensureDirectory, exportGraph, isExportFormat, EXPORT_FORMATS } from '../export';
import { EXIT, InputError, OutputError, UsageError, isNewsgraphError, messageOf, printable, type ExitCode } from '../errors';
import { GENERATOR_VERSION, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type NewsGraph } from '../graph';
import { GRAPH_FILE, exportNeo4jFromBuild } from '../store/stream';
import type { RunningServer } from '../serve';
import { Progress } from './progress';
import { checkGeneration, readManifest, removeUnbuilt } from '../store/generation';
import { refuseIfLocked } from '../store/lock';
import { readUrlList } from '../ingest/urls';
import { defaultCacheDir } from '../ingest/fetch';
import { groupOf, WarningLog } from './skips';
import { countInputs } from '../ingest/count';
import { defaultJobs } from '../workers/pool';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const OUTPUT_FORMATS = Object.keys(EXPORT_FORMATS);

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a non-negative integer`);
  return n;
}

/** After a command that wrote its outputs: the one summary line of skips (even with -q), and exit 1 for them under --strict. */
function finish(warnings: WarningLog, io: Io, strict: boolean | undefined, setExit: (code: ExitCode) => void): void {
  const line = warnings.summary();
  if (line !== undefined) io.stderr.write(`${printable(line)}\n`);
  if (strict === true && warnings.count > 0) setExit(EXIT.warnings);
}

interface ExtractionFlags {
  aliases?: string;
  maxDocBytes: number;
  jobs?: number;
  followSymlinks?: boolean;
  strict?: boolean;
  urls?: string;
  allowPrivate?: boolean;
  cacheDir?: string;
  delay?: number;
}

interface BuildFlags extends ExtractionFlags {
  curation?: string;
  out?: string;
  update?: string;
  fromFacts?: boolean;
  minCount?: number;
  top?: number;
  evidence?: number;
  quiet?: boolean;
}

/** " (3 extracted, 2 from the cache, …)" when a build reused or skipped anything; "" otherwise. */
function outcomeNote(outcomes: Readonly<Record<DocumentOutcome, number>>): string {
  const labels: Record<DocumentOutcome, string> = { extracted: 'extracted', cached: 'from the cache', unchanged: 'already in the store', replaced: 'replaced', refreshed: 're-extracted by a newer pipeline' };
  if (outcomes.extracted > 0 && outcomes.cached + outcomes.unchanged + outcomes.replaced + outcomes.refreshed === 0) return '';
  const parts = (Object.keys(labels) as DocumentOutcome[]).filter((k) => outcomes[k] > 0).map((k) => `${outcomes[k]} ${labels[k]}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** `--out ''` names no directory: a usage error (exit 2), not an output error. */
function requireDirectoryName(dir: string, flag: string): void {
  if (dir.trim() === '') throw new UsageError('must name a directory', flag);
}

/**
 * --jobs above the number of cores only adds threads that wait (each holds ~40 MB of model):
 * capped, with a note on stderr. Output is the same for any --jobs.
 */
function capJobs(jobs: number | undefined, stderr: NodeJS.WritableStream): number | undefined {
  const cores = defaultJobs();
  if (jobs === undefined || jobs <= cores) return jobs;
  stderr.write(`newsgraph: note: --jobs ${jobs} is more than the ${cores} cores here; using ${cores}\n`);
  return cores;
}

/** The options every extracting command takes from its flags (withExtractionFlags). */
function extractionOptions(opts: ExtractionFlags): Pick<PipelineOptions, 'aliases' | 'ingest' | 'jobs'> {
  const fetch = { allowPrivate: opts.allowPrivate === true, ...(opts.cacheDir !== undefined ? { cacheDir: opts.cacheDir } : {}), ...(opts.delay !== undefined ? { hostDelayMs: opts.delay } : {}) };
  return { aliases: loadAliases(opts.aliases), ingest: { maxDocBytes: opts.maxDocBytes, fetch, followSymlinks: opts.followSymlinks === true }, ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}) };
}

/** The inputs named on the command line, then those of --urls FILE; at least one. */
function inputsOf(inputs: readonly string[], opts: { urls?: string }): string[] {
  const all = [...inputs, ...(opts.urls !== undefined ? readUrlList(opts.urls) : [])];
  if (all.length === 0) throw new UsageError("missing required argument 'inputs' (files, directories, URLs, - or --urls FILE)", 'inputs');
  return all;
}

/** The options build and watch share, from their flags (withPipelineFlags). */
function pipelineOptions(opts: BuildFlags): PipelineOptions {
  return {
    ...extractionOptions(opts),
    ...(opts.curation !== undefined ? { curation: readCurationFile(opts.curation) } : {}),
    layout: {},
    graph: { ...(opts.minCount !== undefined ? { minCount: opts.minCount } : {}), ...(opts.top !== undefined ? { top: opts.top } : {}), ...(opts.evidence !== undefined ? { evidence: opts.evidence } : {}) },
  };
}

/** The files an update read, as its line names them: the one file, or how many. */
function filesLabel(files: readonly string[]): string {
  return files.length === 1 ? (files[0] as string) : `${files.length} files`;
}

function loadAliases(file: string | undefined): AliasEntry[] {
  return file ? readAliasFile(file) : [];
}

/** Deeper than any graph newsgraph writes (attributes hold flat arrays and small objects). */
const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than `limit` (walked with a stack of its own, never recursion). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
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
  // Writers recurse into attribute values: a crafted 100,000-deep value would overflow the stack.
  if (nestedDeeperThan(data, MAX_JSON_DEPTH)) throw new InputError(`values nested deeper than ${MAX_JSON_DEPTH} levels`, file);
  const graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  try {
    graph.import(data);
  } catch (e) {
    throw new InputError(`invalid graph (${messageOf(e)})`, file);
  }
  return graph;
}

interface ServeFlags {
  port: number;
  host: string;
  dev?: boolean;
}

/** Where the viewer is served (serve, watch --serve). */
function withServeFlags(command: Command): Command {
  return command
    .option('-p, --port <n>', 'port (0 = any free port)', (v) => positiveInt(v, '--port'), 8080)
    .option('--host <host>', 'address to bind (default 127.0.0.1: only this machine)', '127.0.0.1');
}

/** The flags of every command that extracts: threads, an alias file, the document size limit. */
function withExtractionFlags(command: Command): Command {
  return command
    .option('-j, --jobs <n>', `extraction threads (default: ${defaultJobs()}, one per core; 1 = no worker threads)`, (v) => positiveInt(v, '--jobs'))
    .option('--aliases <file>', 'JSON list of actors: [{name, entityType, aliases, wikidata?}]')
    .option('--max-doc-bytes <n>', 'skip documents (or JSONL lines) larger than this', (v) => positiveInt(v, '--max-doc-bytes'), 10 * 1024 * 1024)
    .option('--strict', 'exit 1 when any input was skipped or warned about (default: 0 once the outputs are written)')
    .option('--follow-symlinks', 'read files that symbolic links inside input directories point to (default: skipped with a warning)')
    .option('--urls <file>', 'also read the URLs (pages or feeds) listed in FILE, one a line (# starts a comment)')
    .option('--allow-private', 'fetch from private, loopback and link-local addresses too (refused by default)')
    .option('--cache-dir <dir>', `HTTP cache for URL inputs (default ${defaultCacheDir()})`)
    .option('--delay <ms>', 'least time between two requests to one host (a robots.txt Crawl-delay, when longer, wins)', (v) => positiveInt(v, '--delay'));
}

/** The flags of every command that builds a graph: extraction's, and which edges and nodes to keep. */
function withPipelineFlags(command: Command): Command {
  return withExtractionFlags(command)
    .option('--min-count <n>', 'drop edges backed by fewer than N facts', (v) => positiveInt(v, '--min-count'))
    .option('--top <n>', 'keep only the N most connected entities', (v) => positiveInt(v, '--top'))
    .option('--evidence <n>', 'keep at most N evidence sentences per edge in graph.json (the store keeps all; default: all)', (v) => positiveInt(v, '--evidence'))
    .option('--curation <file>', 'apply an analyst\'s decisions (merges, renames, types, deletions, edge rejections; a superset of --aliases): see docs/viewer.md');
}

export function createProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command()
    .name('newsgraph')
    .description('Build an explainable knowledge graph of news: actors, what they did to each other, and the sentence that proves it.')
    .version(GENERATOR_VERSION)
    .option('--verbose', 'show stack traces of errors')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s.split('\n').map(printable).join('\n')) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  program.hook('preAction', (_program, command) => {
    const jobs = command.getOptionValue('jobs') as number | undefined;
    if (jobs !== undefined) command.setOptionValue('jobs', capJobs(jobs, io.stderr));
  });

  withPipelineFlags(program
    .command('build')
    .description('read articles into DIR/newsgraph.db and write DIR/graph.json (graphology) and DIR/graph.gexf (Gephi)')
    .argument('[inputs...]', 'files (.txt .md .html .jsonl .warc .warc.gz), directories (recursive), URLs of pages or feeds, or - for stdin; with --from-facts, `newsgraph extract` NDJSON')
    .option('-o, --out <dir>', 'output directory (a new store; extractions of unchanged documents are reused)')
    .option('--update <dir>', 'add the inputs to the store in DIR (documents already there are skipped) and rewrite its graph')
    .option('--from-facts', 'the inputs are NDJSON lines printed by `newsgraph extract` (extracted elsewhere)'))
    .option('-q, --quiet', 'no warnings on stderr (the summary of skips stays)')
    .action(async (inputs: string[], opts: BuildFlags) => {
      if ((opts.out === undefined) === (opts.update === undefined)) {
        throw new UsageError(
          opts.out === undefined ? "required option '-o, --out <dir>' not specified (or --update <dir>)" : 'use either --out or --update, not both',
          '--out',
        );
      }
      const out = opts.out ?? (opts.update as string);
      const options = { ...pipelineOptions(opts), out, update: opts.update !== undefined, fromFacts: opts.fromFacts === true };
      checkBuildOptions(options);
      const warnings = new WarningLog(io.stderr, opts.quiet === true);
      requireDirectoryName(out, opts.out !== undefined ? '--out' : '--update');
      const created = !options.update && !fs.existsSync(out);
      if (!options.update) await ensureDirectory(out);
      const all = inputsOf(inputs, opts);
      const progress = new Progress(io.stderr, opts.fromFacts ? undefined : await countInputs(all));
      const onWarning = (w: InputWarning): void => {
        progress.around(() => warnings.warn(w));
        if (groupOf(w.reason).skip) progress.tick();
      };
      let summary: Awaited<ReturnType<typeof build>>;
      try {
        summary = await build(all, options, { onWarning, onDocument: () => progress.tick() });
      } catch (e) {
        if (created) removeUnbuilt(out); // a failed first build leaves no empty DIR
        throw e;
      } finally {
        progress.stop(); // the error line, or the result, starts on a clean line
      }
      const { graph, files, outcomes } = summary;
      if (!opts.quiet) io.stderr.write(`newsgraph: ${summary.documents} documents → ${graph.order} nodes, ${graph.size} edges: ${printable(files.join(', '))}${outcomeNote(outcomes)}\n`);
      finish(warnings, io, opts.strict, setExit);
    });

  withServeFlags(withPipelineFlags(program
    .command('watch')
    .description('build DIR once, then keep it up to date: every --interval, files added or changed under the inputs are added to the store and both graph files rewritten (Ctrl-C to stop)')
    .argument('[inputs...]', 'files (.txt .md .html .jsonl .warc .warc.gz) and directories (recursive) to watch, and feeds (URLs) to poll')
    .requiredOption('-o, --out <dir>', 'output directory (updated in place when it already holds a store)')
    .option('--interval <ms>', 'milliseconds between two looks at the inputs', (v) => positiveInt(v, '--interval'), DEFAULT_WATCH_OPTIONS.interval)
    .option('--feed-interval <ms>', 'milliseconds between two polls of each feed', (v) => positiveInt(v, '--feed-interval'), DEFAULT_WATCH_OPTIONS.feedInterval)
    .option('--serve', 'also serve the viewer on DIR once its graph is built (see serve; an open page offers a reload after each update)')))
    .option('-q, --quiet', 'no warnings or update lines on stderr')
    .action(async (given: string[], opts: BuildFlags & ServeFlags & { out: string; interval: number; feedInterval: number; serve?: boolean }) => {
      const inputs = inputsOf(given, opts);
      requireDirectoryName(opts.out, '--out');
      const options = { ...pipelineOptions(opts), out: opts.out };
      checkBuildOptions(options);
      checkWatch(inputs, { interval: opts.interval, feedInterval: opts.feedInterval });
      const warnings = new WarningLog(io.stderr, opts.quiet === true);
      await ensureDirectory(opts.out);
      const stop = new AbortController();
      const abort = (): void => stop.abort();
      process.once('SIGINT', abort);
      process.once('SIGTERM', abort);
      const say = (line: string): void => {
        if (!opts.quiet) io.stderr.write(`newsgraph: ${printable(line)}\n`);
      };
      // --serve: the server starts once the first build has written graph.json; a port it cannot
      // have ends the watch with that error.
      let server: Promise<RunningServer> | undefined;
      let serveError: unknown;
      try {
        refuseIfLocked(opts.out); // before the first line: a refused watch prints only its error
        say(`watching ${inputs.join(' ')} every ${opts.interval} ms → ${opts.out} (Ctrl-C to stop)`);
        await watch(inputs, options, { interval: opts.interval, feedInterval: opts.feedInterval }, {
          onWarning: warnings.warn,
          onUpdate: ({ summary, files, ms }) => {
            say(`${filesLabel(files)}: ${summary.documents} documents → ${summary.graph.order} nodes, ${summary.graph.size} edges in ${(ms / 1000).toFixed(2)} s${outcomeNote(summary.outcomes)}`);
            if (opts.serve && server === undefined) {
              server = startServing(opts.out, opts);
              server.catch((e: unknown) => {
                serveError = e;
                stop.abort();
              });
            }
          },
          onFailure: (e, files) => {
            const where = isNewsgraphError(e) && e.file !== undefined ? e.file : filesLabel(files);
            const reason = isNewsgraphError(e) ? e.reason : `internal error: ${messageOf(e)}`;
            warnings.warn({ file: where, reason: `${reason} (not added; the graph is as it was)` });
          },
        }, stop.signal);
      } finally {
        process.removeListener('SIGINT', abort);
        process.removeListener('SIGTERM', abort);
        await server?.then((s) => s.close(), () => undefined);
      }
      if (serveError !== undefined) throw serveError;
      say('stopped');
      finish(warnings, io, opts.strict, setExit);
    });

  withExtractionFlags(program
    .command('extract')
    .description('print what each document says as NDJSON, one document a line (mentions with offsets, facts with evidence)')
    .argument('[inputs...]', 'files (.txt .md .html .jsonl .warc .warc.gz), directories (recursive), URLs of pages or feeds, or - for stdin'))
    .option('-q, --quiet', 'no warnings on stderr (the summary of skips stays)')
    .action(async (given: string[], opts: ExtractionFlags & { quiet?: boolean }) => {
      const inputs = inputsOf(given, opts);
      const warnings = new WarningLog(io.stderr, opts.quiet === true);
      const options = extractionOptions(opts);
      checkBuildOptions(options);
      let documents = 0;
      // One line per document, in input order whatever thread extracted it.
      for await (const line of extractLines(inputs, options, { onWarning: warnings.warn })) {
        if (!io.stdout.write(`${line}\n`)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
        documents++;
      }
      if (documents === 0) throw new InputError('no usable documents', inputs.join(' '));
      finish(warnings, io, opts.strict, setExit);
    });

  program
    .command('annotate')
    .description("print the trained models' reading of each document: tokens, lemma, UPOS, head, dependency relation and entity tag (NER=B-PER in MISC)")
    .argument('<inputs...>', 'files (.txt .md .html .jsonl), directories (recursive) or - for stdin; with --pretokenized, CoNLL-U files')
    .addOption(new Option('-f, --format <format>', 'conllu (one sentence a block) or json (one document a line)').choices(['conllu', 'json']).default('conllu'))
    .option('--pretokenized', "the inputs are CoNLL-U: keep their words and print CoNLL-U (score it with the CoNLL 2018 evaluation script)")
    .option('--max-doc-bytes <n>', 'skip documents (or JSONL lines) larger than this', (v) => positiveInt(v, '--max-doc-bytes'), 10 * 1024 * 1024)
    .option('--strict', 'exit 1 when any input was skipped or warned about (default: 0 once the output is written)')
    .option('-q, --quiet', 'no warnings on stderr (the summary of skips stays)')
    .action(async (inputs: string[], opts: { format: AnnotateFormat; pretokenized?: boolean; maxDocBytes: number; quiet?: boolean; strict?: boolean }) => {
      const write = async (text: string): Promise<void> => {
        if (!io.stdout.write(text)) await new Promise<void>((resolve) => io.stdout.once('drain', resolve));
      };
      if (opts.pretokenized) {
        if (opts.format !== 'conllu') throw new UsageError('--pretokenized prints CoNLL-U only', '--format');
        for (const text of annotatePretokenized(inputs)) await write(text);
        return;
      }
      const warnings = new WarningLog(io.stderr, opts.quiet === true);
      let documents = 0;
      for await (const text of annotateLines(inputs, { ingest: { maxDocBytes: opts.maxDocBytes } }, opts.format, { onWarning: warnings.warn })) {
        await write(text);
        documents++;
      }
      if (documents === 0) throw new InputError('no usable documents', inputs.join(' '));
      finish(warnings, io, opts.strict, setExit);
    });

  /** Starts the viewer's server on DIR and says where (serve, and watch --serve). */
  const startServing = async (dir: string, opts: ServeFlags & { edit?: boolean; curation?: string }): Promise<RunningServer> => {
    // Loaded here: the other commands never need the server (less to load for a quick update).
    const { isLoopback, startServer } = await import('../serve');
    const edit = opts.edit === true ? { file: opts.curation ?? path.join(dir, 'curation.json') } : null;
    const server = await startServer({ dir, port: opts.port, host: opts.host, dev: opts.dev === true, edit });
    if (!isLoopback(opts.host)) io.stderr.write(`newsgraph: warning: --host ${printable(opts.host)}: other machines can read ${printable(dir)} and the viewer\n`);
    if (edit !== null && server.editUrl !== undefined) {
      // The token is the write permission: it is printed here and nowhere else.
      io.stdout.write(`newsgraph: serving ${dir} for editing at ${server.editUrl} (Ctrl-C to stop)\n`);
      io.stdout.write(`newsgraph: decisions are saved to ${edit.file}; apply them with \`newsgraph build … --out ${dir} --curation ${edit.file}\`\n`);
    } else {
      io.stdout.write(`newsgraph: serving ${printable(dir)} at ${server.url} (Ctrl-C to stop)\n`);
    }
    return server;
  };

  withServeFlags(program
    .command('serve')
    .description('serve the viewer and DIR/graph.json on http://127.0.0.1:PORT')
    .argument('[dir]', 'directory holding graph.json', 'graph-data/out'))
    .option('--dev', "also serve the viewer's source maps (app.js.map)")
    .option('--edit', 'let the viewer save curation decisions (loopback only; the URL printed carries this run\'s token)')
    .option('--curation <file>', 'with --edit: the curation file to write (default DIR/curation.json)')
    .action(async (dir: string, opts: ServeFlags & { edit?: boolean; curation?: string }) => {
      if (opts.curation !== undefined && opts.edit !== true) throw new UsageError('only with --edit', '--curation');
      if (!fs.existsSync(path.join(dir, 'graph.json'))) throw new InputError('no graph.json here (run `newsgraph build … --out DIR` first)', dir);
      await checkGeneration(dir, { files: ['graph.json'], store: true });
      const server = await startServing(dir, opts);
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
    .description('convert a graph.json, or a build directory, to another format (csv and neo4j write a directory of files)')
    .argument('<graph>', 'a graph.json written by `newsgraph build`, or its directory DIR (DIR/graph.json; neo4j also reads DIR/newsgraph.db)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).makeOptionMandatory())
    .requiredOption('-o, --out <path>', 'output file; for csv and neo4j, a directory (created when missing)')
    .addHelpText(
      'after',
      `\nFormats:\n${Object.entries(EXPORT_FORMATS).map(([name, spec]) => `  ${name.padEnd(8)} ${spec.opensWith}`).join('\n')}\n\n` +
        'From a build directory, neo4j streams evidence and documents from DIR/newsgraph.db: every piece of\n' +
        'evidence (even when --evidence trimmed graph.json), holding one edge\'s evidence in memory at a time.',
    )
    .action(async (input: string, opts: { format: string; out: string }) => {
      if (!isExportFormat(opts.format)) throw new UsageError(`unknown format "${opts.format}"`, '--format');
      const isDirectory = ((): boolean => {
        try {
          return fs.statSync(input).isDirectory();
        } catch {
          return false; // reading it as a file says what is wrong
        }
      })();
      requireDirectoryName(opts.out, '--out');
      // A build directory's files must be of one generation (a killed build's are finished first).
      const buildDir = isDirectory ? input : path.dirname(input);
      if (isDirectory || readManifest(buildDir)?.files[path.basename(input)] !== undefined) {
        await checkGeneration(buildDir, { files: [isDirectory ? GRAPH_FILE : path.basename(input)], store: isDirectory && opts.format === 'neo4j' });
      }
      if (isDirectory && opts.format === 'neo4j') {
        await exportNeo4jFromBuild(input, opts.out);
        return;
      }
      const graphFile = isDirectory ? path.join(input, GRAPH_FILE) : input;
      const graph = readGraphFile(graphFile);
      if (EXPORT_FORMATS[opts.format].output === 'file') await ensureDirectory(path.dirname(path.resolve(opts.out)));
      try {
        await exportGraph(graph, opts.format, opts.out);
      } catch (e) {
        // A graph this format cannot hold (neo4j: a relation outside the vocabulary): name the input.
        if (e instanceof InputError && e.file === undefined) throw new InputError(e.reason, graphFile, { cause: e });
        throw e;
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
      io.stderr.write(`newsgraph: ${printable(e.message)}\n`);
      if (verbose && e.stack) io.stderr.write(`${e.stack}\n`);
      return e.exitCode;
    }
    io.stderr.write(`newsgraph: internal error: ${printable(messageOf(e))}\n`);
    if (verbose && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return EXIT.internal;
  }
}

export function main(argv: readonly string[]): void {
  // A reader that goes away (`newsgraph extract … | head`) is not an error: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    lastResort(e, argv);
  });
  // Anything that escapes run() still ends as one line (and the stack with --verbose), never a crash dump.
  process.on('uncaughtException', (e) => lastResort(e, argv));
  process.on('unhandledRejection', (e) => lastResort(e, argv));
  void run(argv).then((code) => {
    process.exitCode = code;
  });
}

function lastResort(e: unknown, argv: readonly string[]): never {
  process.stderr.write(`newsgraph: internal error: ${printable(messageOf(e))}\n`);
  if (argv.includes('--verbose') && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(EXIT.internal);
}

if (require.main === module) main(process.argv);
