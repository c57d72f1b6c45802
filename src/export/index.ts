// The export stage: a laid-out graph to a file or a directory of files, in one of EXPORT_FORMATS,
// each file written atomically.
import { promises as nodeFs } from 'node:fs';
import * as path from 'node:path';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { OutputError, UsageError } from '../errors';
import { renderStandaloneHtml } from '../serve/standalone';
import { writeErrorReason, writeFileAtomic, type AtomicWriteOptions } from './atomic';
import { writeDirectoryAtomic } from './directory';
import { toCsvFiles, type ExportFile } from './csv';
import { toGexfChunks } from './gexf';
import { toGraphmlChunks } from './graphml';
import { toJsonChunks } from './json';
import { toNeo4jFiles } from './neo4j';
import type { GexfOptions } from './options';

export { toGexf, toGexfChunks } from './gexf';
export { toGraphml, toGraphmlChunks, GRAPHML_JSON_DESC } from './graphml';
export { toJson, toJsonChunks } from './json';
export { toCsvFiles, csvField, csvRecord, csvTable } from './csv';
export type { ExportFile } from './csv';
export { toNeo4jFiles, NEO4J_ARRAY_DELIMITER, NEO4J_FILES, NEO4J_LABELS, NEO4J_RELATIONSHIP_TYPES } from './neo4j';
export { writeFileAtomic, writeErrorReason, WRITE_ERROR_REASONS } from './atomic';
export type { AtomicFs, AtomicFileHandle, AtomicWriteOptions } from './atomic';
export { DEFAULT_GEXF_OPTIONS, GEXF_VERSIONS, resolveGexfOptions } from './options';
export type { GexfOptions, GexfVersion } from './options';
export { sanitizeXmlText } from './xml';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

export interface ExportOptions {
  gexf: Partial<GexfOptions>;
  /** Passed to writeFileAtomic (tests inject a failing file system here). */
  write: Partial<AtomicWriteOptions>;
}

interface FormatInfo {
  /** What opens it, for --help and the README. */
  readonly opensWith: string;
}

/** One file at the output path. */
interface FileFormatSpec extends FormatInfo {
  readonly output: 'file';
  readonly extension: string;
  readonly mediaType: string;
  /** The content; chunks (made as they are written) for documents that can be large. */
  readonly serialize: (graph: AnyGraph, options: Partial<ExportOptions>) => string | Iterable<string>;
}

/** A directory at the output path, holding these files. */
interface DirectoryFormatSpec extends FormatInfo {
  readonly output: 'directory';
  readonly files: (graph: AnyGraph, options: Partial<ExportOptions>) => ExportFile[];
}

type ExportFormatSpec = FileFormatSpec | DirectoryFormatSpec;

/** Output formats, one row each. */
export const EXPORT_FORMATS = {
  json: {
    output: 'file',
    extension: '.json',
    mediaType: 'application/json',
    opensWith: 'graphology (graph.import), the viewer, any JSON reader',
    serialize: (graph) => toJsonChunks(graph),
  },
  gexf: {
    output: 'file',
    extension: '.gexf',
    mediaType: 'application/gexf+xml',
    opensWith: 'Gephi (with its timeline), networkx read_gexf, graphology-gexf',
    serialize: (graph, o) => toGexfChunks(graph, o.gexf),
  },
  graphml: {
    output: 'file',
    extension: '.graphml',
    mediaType: 'application/graphml+xml',
    opensWith: 'networkx read_graphml, igraph Read_GraphML, yEd, Cytoscape',
    serialize: (graph) => toGraphmlChunks(graph),
  },
  csv: {
    output: 'directory',
    opensWith: 'pandas, R, spreadsheets: nodes.csv, edges.csv, evidence.csv, documents.csv',
    files: (graph) => toCsvFiles(graph),
  },
  neo4j: {
    output: 'directory',
    opensWith: 'neo4j-admin database import, or load.cypher (LOAD CSV) in a running Neo4j',
    files: (graph) => toNeo4jFiles(graph),
  },
  html: {
    output: 'file',
    extension: '.html',
    mediaType: 'text/html',
    opensWith: 'a web browser, offline: the viewer with the graph inside',
    serialize: (graph) => renderStandaloneHtml(JSON.stringify(graph.export())),
  },
} as const satisfies Record<string, ExportFormatSpec>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Creates a directory and its missing parents (mkdir -p). Not Node's `recursive: true`, which loops
 * for ever where mkdir fails with ENOENT under an existing parent (e.g. anywhere in /proc).
 * Throws OutputError naming `directory`.
 */
export async function ensureDirectory(directory: string): Promise<void> {
  const target = path.resolve(directory);
  const make = async (dir: string): Promise<void> => {
    try {
      await nodeFs.mkdir(dir);
      return;
    } catch (error) {
      const parent = path.dirname(dir);
      if (codeOf(error) === 'EEXIST') {
        const isDirectory = await nodeFs.stat(dir).then((s) => s.isDirectory(), () => false);
        if (isDirectory) return;
        throw Object.assign(new Error(`${dir} is not a directory`), { code: dir === target ? 'EEXIST_FILE' : 'ENOTDIR' });
      }
      if (codeOf(error) !== 'ENOENT' || parent === dir) throw error;
      await make(parent);
    }
    // The parent exists now: one more try, which may fail for good (never a loop).
    await nodeFs.mkdir(dir).catch(async (error: unknown) => {
      if (codeOf(error) !== 'EEXIST' || !(await nodeFs.stat(dir).then((s) => s.isDirectory(), () => false))) throw error;
    });
  };
  try {
    await make(target);
  } catch (error) {
    const reason = codeOf(error) === 'EEXIST_FILE' ? 'cannot write: exists and is not a directory' : writeErrorReason(error);
    throw new OutputError(reason, directory, { cause: error });
  }
}

/**
 * Serializes the graph and writes it: one file replaced atomically at outPath, or for directory
 * formats, outPath created when missing and each of its files replaced atomically (a reader may see
 * new and old files side by side while the export runs, never a partial file). Nothing is written
 * when serializing fails. Throws UsageError, InputError (a graph the format cannot hold) or OutputError.
 */
export async function exportGraph(
  graph: AnyGraph,
  format: ExportFormat,
  outPath: string,
  options: Partial<ExportOptions> = {},
): Promise<string[]> {
  if (!isExportFormat(format)) {
    throw new UsageError(
      `unknown format ${JSON.stringify(format)}: expected ${Object.keys(EXPORT_FORMATS).join(', ')}`,
      'format',
    );
  }
  const spec: ExportFormatSpec = EXPORT_FORMATS[format];
  if (spec.output === 'file') {
    await writeFileAtomic(outPath, spec.serialize(graph, options), options.write);
    return [outPath];
  }
  const files = spec.files(graph, options);
  await ensureDirectory(outPath); // its errors name it (a file in the way, /proc)
  const names = new Set(files.map((f) => f.name));
  // The set of files as one unit: a new directory takes the old one's place (directory.ts).
  return writeDirectoryAtomic(outPath, (name) => names.has(name) || /^\..+\.tmp$/.test(name), async (dir) => {
    await ensureDirectory(dir);
    const written: string[] = [];
    for (const file of files) {
      const target = path.join(dir, file.name);
      await writeFileAtomic(target, file.content, options.write);
      written.push(target);
    }
    return written;
  });
}
