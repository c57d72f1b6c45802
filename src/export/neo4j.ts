// Neo4j: CSV files with `neo4j-admin database import` headers (`id:ID(Entity)`, `:LABEL`,
// `:START_ID(Entity)`, `:TYPE`, `count:int` …) and load.cypher, which loads the same files into a
// running database with LOAD CSV and MERGE. load.cypher is built only from the fixed vocabularies and
// column names checked to be plain identifiers: article text reaches Neo4j as data (CSV fields),
// never as Cypher.
//
// The model: (:Entity:Person {id, label, aliases, …})-[:URGED {id, count, negated, …}]->(:Entity),
// (:Evidence {edge, sentence, trigger, …})-[:IN_DOCUMENT]->(:Document {id, title, date, url}).
// Evidence.edge is the id of the relationship it proves.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { InputError } from '../errors';
import { ENTITY_TYPES, RELATIONS } from '../types';
import { EDGE_CONTRACT, EVIDENCE_CONTRACT, NODE_CONTRACT, SOURCE_CONTRACT, encodeValue, inferColumns, type Column } from './columns';
import { csvTable, evidenceOf, sourcesOf, type ExportFile } from './csv';

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

function neo4jType(column: Column, values: readonly unknown[]): Neo4jType {
  const present = values.filter((v) => encodeValue(column, v) !== undefined);
  if (column.json) return present.every(isStringArray) ? 'string[]' : 'string';
  if (column.type === 'string') return DATE_COLUMNS.has(column.id) && present.every(isCalendarDate) ? 'date' : 'string';
  return column.type === 'integer' ? 'int' : column.type;
}

function neo4jColumn(column: Column, type: Neo4jType): Neo4jColumn {
  return {
    name: column.id,
    type,
    header: type === 'string' ? column.id : `${column.id}:${type}`,
    encode:
      type === 'string[]'
        ? (value) => (isStringArray(value) && value.length > 0 ? value.map((s) => s.replaceAll(NEO4J_ARRAY_DELIMITER, '\uFFFD')).join(NEO4J_ARRAY_DELIMITER) : undefined)
        : (value) => encodeValue(column, value),
  };
}

/**
 * Typed columns for the attributes of `records`, except `skip` (written elsewhere). Attributes whose
 * names are not identifiers, or are `taken` by a fixed column, go JSON-encoded into OTHER.
 */
function propertyColumns(
  records: readonly Item[],
  known: Parameters<typeof inferColumns>[1],
  skip: readonly string[],
  reserved: readonly string[],
): Neo4jColumn[] {
  const taken = new Set(reserved);
  const columns = inferColumns(records, known, new Set(skip), true);
  const out: Neo4jColumn[] = [];
  const others: string[] = [];
  for (const column of columns) {
    if (IDENTIFIER.test(column.id) && !taken.has(column.id) && column.id !== OTHER) {
      out.push(neo4jColumn(column, neo4jType(column, records.map((r) => r[column.id]))));
    } else {
      others.push(column.id);
    }
  }
  if (others.length > 0) {
    out.push({
      name: OTHER,
      type: 'string',
      header: OTHER,
      encode: (record) => {
        const item = record as Item;
        const present = others.filter((name) => item[name] !== undefined);
        return present.length === 0 ? undefined : JSON.stringify(Object.fromEntries(present.map((name) => [name, item[name]])));
      },
    });
  }
  return out;
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

/** The files of a Neo4j export. Throws InputError for an edge whose relation is outside the vocabulary. */
export function toNeo4jFiles(graph: AnyGraph): ExportFile[] {
  const nodeRecords: Item[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const edgeRecords: Item[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const evidenceRecords = edgeRecords.flatMap((a) => evidenceOf(a as Attributes));
  const sources = sourcesOf(graph);

  const entityColumns = propertyColumns(nodeRecords, NODE_CONTRACT, [], reservedNames(ENTITY_FIXED));
  // Neo4j relationships are directed; an undirected edge (not in newsgraph's graphs) keeps the fact in `directed`.
  const relationFixed = graph.undirectedSize > 0 ? [...RELATION_FIXED, fixed('directed:boolean', 'boolean')] : RELATION_FIXED;
  const relationColumns = propertyColumns(edgeRecords, EDGE_CONTRACT, ['evidence'], reservedNames(relationFixed));
  const evidenceColumns = propertyColumns(evidenceRecords, EVIDENCE_CONTRACT, [], reservedNames(EVIDENCE_FIXED));
  const documentColumns = propertyColumns(sources, SOURCE_CONTRACT, ['id'], []);

  const entityRows: Row[] = [];
  graph.forEachNode((node, a) => entityRows.push([node, lookup(NEO4J_LABELS, a.entityType), ...values(entityColumns, a)]));

  const relationRows: Row[] = [];
  const evidenceRows: Row[] = [];
  const linkRows: Row[] = [];
  const documents = new Map<string, Item>(sources.map((s) => [s.id as string, s]));
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    const type = lookup(NEO4J_RELATIONSHIP_TYPES, a.relation);
    if (type === undefined) {
      throw new InputError(
        `edge ${JSON.stringify(edge)}: relation ${JSON.stringify(a.relation)} is not in the vocabulary (${RELATIONS.join(', ')}), so it has no Neo4j relationship type`,
      );
    }
    relationRows.push([source, target, type, edge, ...(relationFixed.length > RELATION_FIXED.length ? [String(!undirected)] : []), ...values(relationColumns, a)]);
    evidenceOf(a).forEach((item, i) => {
      // Unique: the part after the last '#' is the index, the part before it the edge key.
      const id = `${edge}#${i + 1}`;
      evidenceRows.push([id, edge, source, target, text(a.relation), text(a.negated), text(a.hypothetical), ...values(evidenceColumns, item)]);
      if (typeof item.doc === 'string') {
        linkRows.push([id, item.doc, 'IN_DOCUMENT']);
        if (!documents.has(item.doc)) documents.set(item.doc, { id: item.doc });
      }
    });
  });
  const documentRows: Row[] = [...documents.values()].map((d) => [d.id as string, ...values(documentColumns, d)]);

  const header = (fixedColumns: readonly FixedColumn[], columns: readonly Neo4jColumn[]): string[] => [
    ...fixedColumns.map((c) => c.header),
    ...columns.map((c) => c.header),
  ];
  return [
    { name: NEO4J_FILES.entities, content: csvTable(header(ENTITY_FIXED, entityColumns), entityRows) },
    { name: NEO4J_FILES.relations, content: csvTable(header(relationFixed, relationColumns), relationRows) },
    { name: NEO4J_FILES.documents, content: csvTable(header(DOCUMENT_FIXED, documentColumns), documentRows) },
    { name: NEO4J_FILES.evidence, content: csvTable(header(EVIDENCE_FIXED, evidenceColumns), evidenceRows) },
    { name: NEO4J_FILES.evidenceDocuments, content: csvTable(LINK_HEADER, linkRows) },
    {
      name: NEO4J_FILES.cypher,
      content: loadCypher({
        entities: entityColumns,
        relations: [...relationFixed.slice(RELATION_FIXED.length), ...relationColumns],
        documents: documentColumns,
        evidence: [...EVIDENCE_FIXED.slice(1), ...evidenceColumns],
      }),
    },
  ];
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
  return `// Loads a newsgraph export into Neo4j 5. Generated by \`newsgraph export GRAPH.json --format neo4j\`.
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
