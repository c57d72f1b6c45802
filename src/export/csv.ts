// CSV for pandas, R and spreadsheets: nodes.csv, edges.csv, evidence.csv (one row per fact, the proof
// of each edge) and documents.csv (the graph's sources). RFC 4180: comma-separated, CRLF after every
// record, a header row, fields quoted when they hold a comma, quote, CR or LF, quotes doubled. UTF-8
// without BOM. An empty string is written as "" so that it stays apart from a missing value.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { EDGE_CONTRACT, EVIDENCE_CONTRACT, NODE_CONTRACT, SOURCE_CONTRACT, encodeValue, flatEvidence, inferColumns, type Column } from './columns';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/** One file of a directory export. */
export interface ExportFile {
  readonly name: string;
  readonly content: string;
}

/**
 * NUL ends a field in pandas' C reader (and in many C tools), and a lone UTF-16 surrogate has no
 * UTF-8 encoding: both become U+FFFD, which keeps the string's length. All other characters stay.
 */
const UNWRITABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function csvSafe(value: string): string {
  return value.replace(UNWRITABLE, '\uFFFD');
}

const NEEDS_QUOTES = /[",\r\n]/;

/** One field; undefined is a missing value (nothing between the commas). */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  const clean = csvSafe(value);
  return clean === '' || NEEDS_QUOTES.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

export function csvRecord(fields: readonly (string | undefined)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** A header and its rows as one CSV text. */
export function csvTable(header: readonly string[], rows: Iterable<readonly (string | undefined)[]>): string {
  const parts = [csvRecord(header)];
  for (const row of rows) parts.push(csvRecord(row));
  return parts.join('');
}

/** Values of the attribute columns of one record, as CSV text. */
export function columnValues(columns: readonly Column[], record: Readonly<Record<string, unknown>>): (string | undefined)[] {
  return columns.map((column) => encodeValue(column, record[column.id]));
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The evidence items of an edge: its `evidence` array's objects (anything else is not evidence). */
export function evidenceOf(attributes: Attributes): Readonly<Record<string, unknown>>[] {
  const evidence: unknown = attributes.evidence;
  return Array.isArray(evidence) ? evidence.filter(isRecord) : [];
}

/** The evidence items of an edge as table rows (evidence.csv here and for Neo4j): see flatEvidence. */
export function evidenceRecords(attributes: Attributes): Readonly<Record<string, unknown>>[] {
  return evidenceOf(attributes).map(flatEvidence);
}

/** The graph's `sources` entries that have a string id. */
export function sourcesOf(graph: AnyGraph): Readonly<Record<string, unknown>>[] {
  const sources: unknown = graph.getAttribute('sources');
  return Array.isArray(sources) ? sources.filter((s): s is Readonly<Record<string, unknown>> => isRecord(s) && typeof s.id === 'string') : [];
}

// Names of the fixed leading columns; attributes of the same name would be ambiguous and are left out.
const NODE_FIXED = ['id'] as const;
const EDGE_FIXED = ['id', 'source', 'target'] as const;
const EVIDENCE_FIXED = ['edge', 'source', 'relation', 'target', 'negated', 'hypothetical'] as const;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/**
 * The four CSV files. Columns: the contract's first (always present, so the header does not depend on
 * the graph), then any other attributes; arrays and objects as JSON. Evidence lives in evidence.csv,
 * not in edges.csv. Graph attributes other than `sources` (generator, version, documentCount) are not
 * written.
 */
export function toCsvFiles(graph: AnyGraph): ExportFile[] {
  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const undirected = graph.undirectedSize > 0;

  const nodeColumns = inferColumns(nodeRecords, NODE_CONTRACT, new Set(NODE_FIXED), true);
  const nodeRows: (string | undefined)[][] = [];
  graph.forEachNode((node, attributes) => void nodeRows.push([node, ...columnValues(nodeColumns, attributes)]));

  // `directed` only for graphs with undirected edges: newsgraph's own graphs are directed throughout.
  const edgeFixed: readonly string[] = undirected ? [...EDGE_FIXED, 'directed'] : EDGE_FIXED;
  const edgeColumns = inferColumns(edgeRecords, EDGE_CONTRACT, new Set([...edgeFixed, 'evidence']), true);
  const evidenceColumns = inferColumns(edgeRecords.flatMap(evidenceRecords), EVIDENCE_CONTRACT, new Set(EVIDENCE_FIXED), true);
  const edgeRows: (string | undefined)[][] = [];
  const evidenceRows: (string | undefined)[][] = [];
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, isUndirected) => {
    edgeRows.push([edge, source, target, ...(undirected ? [String(!isUndirected)] : []), ...columnValues(edgeColumns, attributes)]);
    const fixed = [edge, source, text(attributes.relation), target, text(attributes.negated), text(attributes.hypothetical)];
    for (const item of evidenceRecords(attributes)) evidenceRows.push([...fixed, ...columnValues(evidenceColumns, item)]);
  });

  const sources = sourcesOf(graph);
  const sourceColumns = inferColumns(sources, SOURCE_CONTRACT, new Set(), true);

  return [
    { name: 'nodes.csv', content: csvTable([...NODE_FIXED, ...nodeColumns.map((c) => c.id)], nodeRows) },
    { name: 'edges.csv', content: csvTable([...edgeFixed, ...edgeColumns.map((c) => c.id)], edgeRows) },
    { name: 'evidence.csv', content: csvTable([...EVIDENCE_FIXED, ...evidenceColumns.map((c) => c.id)], evidenceRows) },
    { name: 'documents.csv', content: csvTable(sourceColumns.map((c) => c.id), sources.map((s) => columnValues(sourceColumns, s))) },
  ];
}
