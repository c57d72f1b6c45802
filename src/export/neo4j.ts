// Neo4j: CSV files with `neo4j-admin database import` headers (`id:ID(Entity)`, `:LABEL`,
// `:START_ID(Entity)`, `:TYPE`, `count:int` …) and load.cypher, which loads the same files into a
// running database with LOAD CSV and MERGE. load.cypher is built only from the fixed vocabularies and
// column names checked to be plain identifiers: article text reaches Neo4j as data (CSV fields),
// never as Cypher.
//
// The model: (:Entity:Person {id, label, aliases, …})-[:URGED {id, count, negated, …}]->(:Entity),
// (:Evidence {edge, sentence, trigger, …})-[:IN_DOCUMENT]->(:Document {id, title, date, url}).
// Evidence.edge is the id of the relationship it proves.
//
// Two ways in, one set of files: toNeo4jFiles(graph) from a graph in memory, and writeNeo4jFiles
// (source) for an archive whose evidence does not fit in memory: nodes and edges in memory, evidence
// and documents streamed row by row into temp files. Both build rows and columns with the same code.
import * as path from 'node:path';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InputError } from '../errors';
import { ENTITY_TYPES, RELATIONS } from '../types';
import type { AtomicWriteOptions } from './atomic';
import { EDGE_CONTRACT, EVIDENCE_CONTRACT, NODE_CONTRACT, SOURCE_CONTRACT, encodeValue, flatEvidence, inferColumns, kindOf, type Column, type ColumnSpec } from './columns';
import { csvRecord, csvTable, evidenceRecords, sourcesOf, type ExportFile } from './csv';
import { TempFileSet } from './temp-files';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;
type Row = (string | undefined)[];
type Item = Readonly<Record<string, unknown>>;

/**
 * Between the elements of an array property. U+001F (unit separator) rather than neo4j-admin's default
 * `;`, which occurs in aliases and roles; an element's own U+001F becomes U+FFFD.
 */
export const NEO4J_ARRAY_DELIMITER = '\u001F';
const ARRAY_DELIMITER_OPTION = 'U+001F';

export const NEO4J_FILES = {
  entities: 'entities.csv',
  relations: 'relations.csv',
  documents: 'documents.csv',
  evidence: 'evidence.csv',
  evidenceDocuments: 'evidence-documents.csv',
  cypher: 'load.cypher',
} as const;

/** Node label of each entityType, and relationship type of each relation: fixed vocabularies. */
export const NEO4J_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  ENTITY_TYPES.map((t) => [t, t.charAt(0).toUpperCase() + t.slice(1)]),
);
export const NEO4J_RELATIONSHIP_TYPES: Readonly<Record<string, string>> = Object.fromEntries(RELATIONS.map((r) => [r, r.toUpperCase()]));

/** table[key] for the table's own keys only ("constructor" is no entity type). */
const lookup = (table: Readonly<Record<string, string>>, key: unknown): string | undefined =>
  typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;

type Neo4jType = 'string' | 'int' | 'long' | 'double' | 'boolean' | 'date' | 'string[]';

interface Neo4jColumn {
  /** Property name. */
  readonly name: string;
  readonly type: Neo4jType;
  /** `name` or `name:type`: the CSV header, also the key of LOAD CSV's row map. */
  readonly header: string;
  /** Values are encoded by their type (string[] or JSON), not written as they are. */
  readonly encoded: boolean;
  readonly encode: (value: unknown) => string | undefined;
}

/** Property names written as columns; any other attribute goes, JSON-encoded, into OTHER. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const OTHER = 'otherAttributes';
const DATE_COLUMNS: ReadonlySet<string> = new Set(['firstSeen', 'lastSeen', 'date']);

/** Strict YYYY-MM-DD that is a real calendar day: what neo4j-admin's `date` type accepts. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function neo4jColumn(column: Column, type: Neo4jType): Neo4jColumn {
  return {
    name: column.id,
    type,
    header: type === 'string' ? column.id : `${column.id}:${type}`,
    encoded: column.json,
    encode:
      type === 'string[]'
        ? (value) => (isStringArray(value) && value.length > 0 ? value.map((s) => s.replaceAll(NEO4J_ARRAY_DELIMITER, '\uFFFD')).join(NEO4J_ARRAY_DELIMITER) : undefined)
        : (value) => encodeValue(column, value),
  };
}

/**
 * What the columns of a table depend on, gathered one record at a time, so that a table written row
 * by row gets the columns the whole table would: for each attribute, one sample record per kind of
 * value (inferColumns decides from the kinds alone, in order of first appearance), and whether every
 * value is a string array, every date a calendar day (what the Neo4j types depend on).
 */
class ColumnSurvey {
  private readonly samples: Item[] = [];
  private readonly kinds = new Map<string, Set<string>>();
  private readonly notStringArrays = new Set<string>();
  private readonly notDates = new Set<string>();

  add(record: Item): void {
    for (const name of Object.keys(record)) {
      const value = record[name];
      const kind = kindOf(value);
      let seen = this.kinds.get(name);
      if (!seen) this.kinds.set(name, (seen = new Set()));
      if (!seen.has(kind ?? '')) {
        seen.add(kind ?? '');
        this.samples.push({ [name]: value });
      }
      if (kind === 'json' && !isStringArray(value)) this.notStringArrays.add(name);
      else if (kind === 'string' && DATE_COLUMNS.has(name) && !isCalendarDate(value)) this.notDates.add(name);
    }
  }

  private type(column: Column): Neo4jType {
    if (column.json) {
      // Present values other than arrays (a column of mixed kinds) are no string arrays either.
      const kinds = this.kinds.get(column.id) ?? new Set<string>();
      return !this.notStringArrays.has(column.id) && [...kinds].every((k) => k === 'json' || k === '') ? 'string[]' : 'string';
    }
    if (column.type === 'string') return DATE_COLUMNS.has(column.id) && !this.notDates.has(column.id) ? 'date' : 'string';
    return column.type === 'integer' ? 'int' : column.type;
  }

  /**
   * Typed columns, except `skip` (written elsewhere). Attributes whose names are not identifiers, or
   * are `taken` by a fixed column, go JSON-encoded into OTHER.
   */
  columns(known: readonly ColumnSpec[], skip: readonly string[], reserved: readonly string[]): Neo4jColumn[] {
    const taken = new Set(reserved);
    const out: Neo4jColumn[] = [];
    const others: string[] = [];
    for (const column of inferColumns(this.samples, known, new Set(skip), true)) {
      if (IDENTIFIER.test(column.id) && !taken.has(column.id) && column.id !== OTHER) out.push(neo4jColumn(column, this.type(column)));
      else others.push(column.id);
    }
    if (others.length > 0) {
      out.push({
        name: OTHER,
        type: 'string',
        header: OTHER,
        encoded: true,
        encode: (record) => {
          const item = record as Item;
          const present = others.filter((name) => item[name] !== undefined);
          return present.length === 0 ? undefined : JSON.stringify(Object.fromEntries(present.map((name) => [name, item[name]])));
        },
      });
    }
    return out;
  }
}

function propertyColumns(records: Iterable<Item>, known: readonly ColumnSpec[], skip: readonly string[], reserved: readonly string[]): Neo4jColumn[] {
  const survey = new ColumnSurvey();
  for (const record of records) survey.add(record);
  return survey.columns(known, skip, reserved);
}

function values(columns: readonly Neo4jColumn[], record: Item): Row {
  return columns.map((c) => (c.name === OTHER ? c.encode(record) : c.encode(record[c.name])));
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;

/** A fixed column of the files below: header and Cypher type. */
interface FixedColumn {
  readonly header: string;
  readonly name: string;
  readonly type: Neo4jType;
}
const fixed = (header: string, type: Neo4jType = 'string'): FixedColumn => ({ header, name: header.split(':')[0] ?? header, type });

const ENTITY_FIXED = [fixed('id:ID(Entity)'), fixed(':LABEL')];
const RELATION_FIXED = [fixed(':START_ID(Entity)'), fixed(':END_ID(Entity)'), fixed(':TYPE'), fixed('id')];
const EVIDENCE_FIXED = [
  fixed('id:ID(Evidence)'),
  fixed('edge'),
  fixed('source'),
  fixed('target'),
  fixed('relation'),
  fixed('negated:boolean', 'boolean'),
  fixed('hypothetical:boolean', 'boolean'),
];
const DOCUMENT_FIXED = [fixed('id:ID(Document)')];
const LINK_HEADER = [':START_ID(Evidence)', ':END_ID(Document)', ':TYPE'];

const reservedNames = (columns: readonly FixedColumn[]): string[] => columns.map((c) => c.name).filter((n) => n !== '');

const header = (fixedColumns: readonly FixedColumn[], columns: readonly Neo4jColumn[]): string[] => [
  ...fixedColumns.map((c) => c.header),
  ...columns.map((c) => c.header),
];

/** A node of the graph: its key and attributes (graph.json's `nodes` entries). */
export interface Neo4jNode {
  readonly key: string;
  readonly attributes: Item;
}

/** An edge of the graph (graph.json's `edges` entries); a streamed export leaves `evidence` out of its attributes. */
export interface Neo4jEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly attributes: Item;
  readonly undirected?: boolean;
}

/** entities.csv and relations.csv, whole: they hold the graph, which fits in memory. */
interface GraphTables {
  readonly entities: string;
  readonly relations: string;
  readonly entityColumns: readonly Neo4jColumn[];
  /** Properties of a relationship: `directed` when there is one, then the attribute columns. */
  readonly relationProperties: readonly PropertyColumn[];
}

/** Throws InputError for an edge whose relation is outside the vocabulary. */
function graphTables(nodes: readonly Neo4jNode[], edges: readonly Neo4jEdge[]): GraphTables {
  const entityColumns = propertyColumns(
    nodes.map((n) => n.attributes),
    NODE_CONTRACT,
    [],
    reservedNames(ENTITY_FIXED),
  );
  // Neo4j relationships are directed; an undirected edge (not in newsgraph's graphs) keeps the fact in `directed`.
  const undirected = edges.some((e) => e.undirected === true);
  const relationFixed = undirected ? [...RELATION_FIXED, fixed('directed:boolean', 'boolean')] : RELATION_FIXED;
  const relationColumns = propertyColumns(
    edges.map((e) => e.attributes),
    EDGE_CONTRACT,
    ['evidence'],
    reservedNames(relationFixed),
  );
  const relationRows = edges.map((e): Row => {
    const type = lookup(NEO4J_RELATIONSHIP_TYPES, e.attributes.relation);
    if (type === undefined) {
      throw new InputError(
        `edge ${JSON.stringify(e.key)}: relation ${JSON.stringify(e.attributes.relation)} is not in the vocabulary (${RELATIONS.join(', ')}), so it has no Neo4j relationship type`,
      );
    }
    return [e.source, e.target, type, e.key, ...(undirected ? [String(e.undirected !== true)] : []), ...values(relationColumns, e.attributes)];
  });
  return {
    entities: csvTable(
      header(ENTITY_FIXED, entityColumns),
      nodes.map((n) => [n.key, lookup(NEO4J_LABELS, n.attributes.entityType), ...values(entityColumns, n.attributes)]),
    ),
    relations: csvTable(header(relationFixed, relationColumns), relationRows),
    entityColumns,
    relationProperties: [...relationFixed.slice(RELATION_FIXED.length), ...relationColumns],
  };
}

/** The id of an edge's i-th (from 0) evidence item. Unique: after the last '#' the index, before it the edge key. */
const evidenceId = (edge: Neo4jEdge, i: number): string => `${edge.key}#${i + 1}`;

/** An evidence row: the fixed columns, then the item's `cells`. */
function evidenceRow(edge: Neo4jEdge, i: number, cells: Row): Row {
  const a = edge.attributes;
  return [evidenceId(edge, i), edge.key, edge.source, edge.target, text(a.relation), text(a.negated), text(a.hypothetical), ...cells];
}

const linkRow = (edge: Neo4jEdge, i: number, doc: string): Row => [evidenceId(edge, i), doc, 'IN_DOCUMENT'];

const documentRow = (document: Item, cells: Row): Row => [document.id as string, ...cells];

function cypherOf(graph: GraphTables, documents: readonly Neo4jColumn[], evidence: readonly Neo4jColumn[]): string {
  return loadCypher({
    entities: graph.entityColumns,
    relations: graph.relationProperties,
    documents,
    evidence: [...EVIDENCE_FIXED.slice(1), ...evidence],
  });
}

/** The files of a Neo4j export. Throws InputError for an edge whose relation is outside the vocabulary. */
export function toNeo4jFiles(graph: AnyGraph): ExportFile[] {
  const nodes: Neo4jNode[] = [];
  graph.forEachNode((key, attributes) => void nodes.push({ key, attributes }));
  const edges: Neo4jEdge[] = [];
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => void edges.push({ key, source, target, attributes, undirected }));
  const tables = graphTables(nodes, edges);

  const sources = sourcesOf(graph);
  const evidenceColumns = propertyColumns(
    edges.flatMap((e) => evidenceRecords(e.attributes as Attributes)),
    EVIDENCE_CONTRACT,
    [],
    reservedNames(EVIDENCE_FIXED),
  );
  const documentColumns = propertyColumns(sources, SOURCE_CONTRACT, ['id'], []);

  const evidenceRows: Row[] = [];
  const linkRows: Row[] = [];
  const documents = new Map<string, Item>(sources.map((s) => [s.id as string, s]));
  for (const edge of edges) {
    evidenceRecords(edge.attributes as Attributes).forEach((item, i) => {
      evidenceRows.push(evidenceRow(edge, i, values(evidenceColumns, item)));
      if (typeof item.doc === 'string') {
        linkRows.push(linkRow(edge, i, item.doc));
        if (!documents.has(item.doc)) documents.set(item.doc, { id: item.doc });
      }
    });
  }

  return [
    { name: NEO4J_FILES.entities, content: tables.entities },
    { name: NEO4J_FILES.relations, content: tables.relations },
    { name: NEO4J_FILES.documents, content: csvTable(header(DOCUMENT_FIXED, documentColumns), [...documents.values()].map((d) => documentRow(d, values(documentColumns, d)))) },
    { name: NEO4J_FILES.evidence, content: csvTable(header(EVIDENCE_FIXED, evidenceColumns), evidenceRows) },
    { name: NEO4J_FILES.evidenceDocuments, content: csvTable(LINK_HEADER, linkRows) },
    { name: NEO4J_FILES.cypher, content: cypherOf(tables, documentColumns, evidenceColumns) },
  ];
}

/** What writeNeo4jFiles reads: the graph in memory, its evidence and documents one at a time. */
export interface Neo4jSource {
  readonly nodes: readonly Neo4jNode[];
  /** The edges, in the order they are written (their `evidence` attribute is not read). */
  readonly edges: readonly Neo4jEdge[];
  /** Every edge with its evidence items, in the order of `edges`, one edge at a time. */
  evidence(): Iterable<readonly [Neo4jEdge, readonly Item[]]>;
  /** Every document, including every one that an evidence item names, one at a time; read after all evidence. */
  documents(): Iterable<Item>;
}

/**
 * A table written row by row, before its column types are known. Rows are encoded with the columns
 * an empty table would have (every contract column): right as long as every record holds only
 * contract attributes with plain values, whose text does not depend on the column's type; the
 * columns found at the end are checked to be those.
 */
class StreamedColumns {
  private readonly survey = new ColumnSurvey();
  readonly provisional: readonly Neo4jColumn[];

  constructor(
    private readonly known: readonly ColumnSpec[],
    private readonly skip: readonly string[],
    private readonly reserved: readonly string[],
  ) {
    this.provisional = new ColumnSurvey().columns(known, skip, reserved);
  }

  add(record: Item): Row {
    this.survey.add(record);
    return values(this.provisional, record);
  }

  final(table: string): Neo4jColumn[] {
    const columns = this.survey.columns(this.known, this.skip, this.reserved);
    const same = columns.length === this.provisional.length && columns.every((c, i) => !c.encoded && c.name === this.provisional[i]?.name);
    if (!same) throw new Error(`${table}: a streamed record holds attributes outside the contract (${columns.map((c) => c.name).join(', ')})`);
    return columns;
  }
}

/**
 * Writes the Neo4j files of `source` into outDir (which must exist), the same files toNeo4jFiles
 * gives for the same graph, evidence and documents. Memory holds the graph and one edge's
 * evidence: evidence and documents go row by row into temp files, which replace the old files
 * together at the end (nothing is replaced when anything fails). Throws InputError (a relation
 * outside the vocabulary, or what `source` throws) or OutputError.
 */
export async function writeNeo4jFiles(source: Neo4jSource, outDir: string, write: Partial<AtomicWriteOptions> = {}): Promise<string[]> {
  const tables = graphTables(source.nodes, source.edges);
  const target = (name: string): string => path.join(outDir, name);
  const files = new TempFileSet(write);
  try {
    await files.writeFile(target(NEO4J_FILES.entities), tables.entities);
    await files.writeFile(target(NEO4J_FILES.relations), tables.relations);

    const evidence = await files.headLast(target(NEO4J_FILES.evidence));
    const evidenceColumns = new StreamedColumns(EVIDENCE_CONTRACT, [], reservedNames(EVIDENCE_FIXED));
    const links = await files.open(target(NEO4J_FILES.evidenceDocuments));
    await links.write(csvRecord(LINK_HEADER));
    for (const [edge, items] of source.evidence()) {
      for (let i = 0; i < items.length; i++) {
        const item = flatEvidence(items[i] as Item);
        await evidence.write(csvRecord(evidenceRow(edge, i, evidenceColumns.add(item))));
        if (typeof item.doc === 'string') await links.write(csvRecord(linkRow(edge, i, item.doc)));
      }
    }
    await files.complete(links);

    const documents = await files.headLast(target(NEO4J_FILES.documents));
    const documentColumns = new StreamedColumns(SOURCE_CONTRACT, ['id'], []);
    for (const document of source.documents()) {
      await documents.write(csvRecord(documentRow(document, documentColumns.add(document))));
    }

    const finalEvidence = evidenceColumns.final(NEO4J_FILES.evidence);
    const finalDocuments = documentColumns.final(NEO4J_FILES.documents);
    await documents.finish(csvRecord(header(DOCUMENT_FIXED, finalDocuments)));
    await evidence.finish(csvRecord(header(EVIDENCE_FIXED, finalEvidence)));
    await files.writeFile(target(NEO4J_FILES.cypher), cypherOf(tables, finalDocuments, finalEvidence));
    await files.commit();
    return Object.values(NEO4J_FILES).map(target);
  } catch (error) {
    await files.discard();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// load.cypher

/** A CSV field of LOAD CSV's row map, converted to the column's type. Headers are checked identifiers. */
function cypherValue(column: { readonly header: string; readonly type: Neo4jType }): string {
  if (!/^[A-Za-z_:][A-Za-z0-9_:()[\]]*$/.test(column.header)) throw new Error(`unsafe Cypher column ${JSON.stringify(column.header)}`);
  const field = `row.\`${column.header}\``;
  switch (column.type) {
    case 'string':
      return field;
    case 'int':
    case 'long':
      return `toInteger(${field})`;
    case 'double':
      return `toFloat(${field})`;
    case 'boolean':
      return `toBoolean(${field})`;
    // '' is no date and no list: missing, like an empty field.
    case 'date':
      return `CASE ${field} WHEN '' THEN null ELSE date(${field}) END`;
    case 'string[]':
      return `CASE ${field} WHEN '' THEN null ELSE split(${field}, '\\u001F') END`;
  }
}

type PropertyColumn = { readonly name: string; readonly header: string; readonly type: Neo4jType };

function setClause(variable: string, columns: readonly PropertyColumn[], indent: string): string {
  return columns.map((c) => `${indent}${variable}.\`${c.name}\` = ${cypherValue(c)}`).join(',\n');
}

function mapLiteral(columns: readonly PropertyColumn[], indent: string): string {
  return `{\n${columns.map((c) => `${indent}  \`${c.name}\`: ${cypherValue(c)}`).join(',\n')}\n${indent}}`;
}

interface CypherColumns {
  readonly entities: readonly PropertyColumn[];
  readonly relations: readonly PropertyColumn[];
  readonly documents: readonly PropertyColumn[];
  readonly evidence: readonly PropertyColumn[];
}

function loadCypher(columns: CypherColumns): string {
  const f = NEO4J_FILES;
  const labels = Object.values(NEO4J_LABELS)
    .map((label) => `FOREACH (_ IN CASE row.\`:LABEL\` WHEN '${label}' THEN [1] ELSE [] END | SET n:${label})`)
    .join('\n');
  const relationships = Object.values(NEO4J_RELATIONSHIP_TYPES)
    .map((type) => `FOREACH (_ IN CASE row.\`:TYPE\` WHEN '${type}' THEN [1] ELSE [] END | MERGE (a)-[r:${type} {id: row.id}]->(b) SET r += properties)`)
    .join('\n');
  const set = (variable: string, list: readonly PropertyColumn[]): string =>
    list.length === 0 ? '' : `SET\n${setClause(variable, list, '  ')}\n`;
  return `// Loads a newsgraph export into Neo4j 5. Generated by \`newsgraph export GRAPH.json|DIR --format neo4j\`.
//
// Into a new, empty database (fast, offline), from this directory:
//   neo4j-admin database import full neo4j --array-delimiter=${ARRAY_DELIMITER_OPTION} --multiline-fields=true \\
//     --nodes=Entity=${f.entities} --nodes=Document=${f.documents} --nodes=Evidence=${f.evidence} \\
//     --relationships=${f.relations} --relationships=${f.evidenceDocuments}
//
// Into a running database: copy the CSV files into its import directory, then run this script with
// the parameter $base set to their URL prefix, e.g. in cypher-shell or Neo4j Browser:
//   :param base => 'file:///'
// Statements MERGE on ids, so running the script again updates rather than duplicates. Every value
// comes from the CSV files; the script holds no article text.
// A negated or hypothetical fact is a relationship of the same type with negated / hypothetical true:
// filter on them, e.g. MATCH (a)-[r:SANCTIONED]->(b) WHERE NOT r.negated AND NOT r.hypothetical.

CREATE CONSTRAINT newsgraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT newsgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT newsgraph_evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE;
CREATE INDEX newsgraph_evidence_edge IF NOT EXISTS FOR (n:Evidence) ON (n.edge);

LOAD CSV WITH HEADERS FROM $base + '${f.entities}' AS row
MERGE (n:Entity {id: row.\`id:ID(Entity)\`})
${set('n', columns.entities)}WITH n, row
${labels};

LOAD CSV WITH HEADERS FROM $base + '${f.relations}' AS row
MATCH (a:Entity {id: row.\`:START_ID(Entity)\`})
MATCH (b:Entity {id: row.\`:END_ID(Entity)\`})
WITH a, b, row, ${mapLiteral(columns.relations, '')} AS properties
${relationships};

LOAD CSV WITH HEADERS FROM $base + '${f.documents}' AS row
MERGE (d:Document {id: row.\`id:ID(Document)\`})
${set('d', columns.documents)};

LOAD CSV WITH HEADERS FROM $base + '${f.evidence}' AS row
MERGE (e:Evidence {id: row.\`id:ID(Evidence)\`})
${set('e', columns.evidence)};

LOAD CSV WITH HEADERS FROM $base + '${f.evidenceDocuments}' AS row
MATCH (e:Evidence {id: row.\`:START_ID(Evidence)\`})
MATCH (d:Document {id: row.\`:END_ID(Document)\`})
MERGE (e)-[:IN_DOCUMENT]->(d);
`;
}
