// The export stage: a laid-out graph to a file, in one of EXPORT_FORMATS, written atomically.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { UsageError } from '../errors';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic';
import { toGexf } from './gexf';
import { toJson } from './json';
import type { GexfOptions } from './options';

export { toGexf } from './gexf';
export { toJson } from './json';
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

interface ExportFormatSpec {
  readonly extension: string;
  readonly mediaType: string;
  readonly serialize: (graph: AnyGraph, options: Partial<ExportOptions>) => string;
}

/** Output formats; add graphml, csv or neo4j as rows here. */
export const EXPORT_FORMATS = {
  json: { extension: '.json', mediaType: 'application/json', serialize: (graph) => toJson(graph) },
  gexf: { extension: '.gexf', mediaType: 'application/gexf+xml', serialize: (graph, o) => toGexf(graph, o.gexf) },
} as const satisfies Record<string, ExportFormatSpec>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/** Serializes the graph and replaces outPath atomically. Throws UsageError or OutputError. */
export async function exportGraph(
  graph: AnyGraph,
  format: ExportFormat,
  outPath: string,
  options: Partial<ExportOptions> = {},
): Promise<void> {
  if (!isExportFormat(format)) {
    throw new UsageError(
      `unknown format ${JSON.stringify(format)}: expected ${Object.keys(EXPORT_FORMATS).join(', ')}`,
      'format',
    );
  }
  const spec: ExportFormatSpec = EXPORT_FORMATS[format];
  await writeFileAtomic(outPath, spec.serialize(graph, options), options.write);
}
