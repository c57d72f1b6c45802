// GraphML writer, for networkx, igraph, yEd and Cytoscape. Every attribute (graph, node, edge) is a
// <key> with its attr.type; arrays and objects are JSON strings, and their key says so in <desc>.
// networkx's read_graphml and igraph's Read_GraphML read it back (test/export/graphml.test.ts).
// Written in document order and handed out in chunks, as the GEXF writer is (see gexf.ts).
import type { AbstractGraph, Attributes } from 'graphology-types';
import { EDGE_CONTRACT, EncodedValues, GRAPH_CONTRACT, NODE_CONTRACT, inferColumns, type Column, type GexfType } from './columns';
import { joinChunks, readGraphItems } from './chunks';
import { ItemLines, ValueLines, XmlWriter, escapeText, xmlAttributes } from './xml';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/** GraphML's attr.type names for our column types. */
const GRAPHML_TYPES: Readonly<Record<GexfType, string>> = {
  boolean: 'boolean',
  integer: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
};

/** The <desc> of a key whose values are JSON text, so that a reader knows to decode them. */
export const GRAPHML_JSON_DESC = 'JSON-encoded';

const NONE: ReadonlySet<string> = new Set();

interface KeyedColumn extends Column {
  readonly key: string;
}

function keyed(prefix: string, columns: readonly Column[]): KeyedColumn[] {
  return columns.map((column, i) => ({ ...column, key: `${prefix}${i}` }));
}

function writeKeys(w: XmlWriter, domain: 'graph' | 'node' | 'edge', columns: readonly KeyedColumn[]): void {
  for (const column of columns) {
    const attributes = xmlAttributes([
      ['id', column.key],
      ['for', domain],
      ['attr.name', column.id],
      ['attr.type', GRAPHML_TYPES[column.type]],
    ]);
    if (!column.json) {
      w.empty(1, 'key', attributes);
      continue;
    }
    w.start(1, 'key', attributes);
    w.line(2, `<desc>${GRAPHML_JSON_DESC}</desc>`);
    w.end(1, 'key');
  }
}

/** Writes one item's <data> lines at `depth`: encode() its values (none: `<tag …/>`), then write() them. */
class DataWriter extends EncodedValues {
  /** Per column: `<data key="…">…</data>` lines. */
  private readonly lines: ValueLines[];

  constructor(
    private readonly w: XmlWriter,
    depth: number,
    columns: readonly KeyedColumn[],
  ) {
    super(columns);
    const suffix = `</data>${w.newline}`;
    this.lines = columns.map((c) => new ValueLines(`${w.indent(depth)}<data key="${c.key}">`, escapeText, suffix));
  }

  /** The <data> lines of the values last encoded. */
  write(): void {
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (value !== undefined) (this.lines[i] as ValueLines).write(this.w, value);
    }
  }
}

/** A node's or an edge's <data> children and `end`, or a self-closing tag when it has none. */
function writeData(w: XmlWriter, lines: ItemLines, data: DataWriter, attributes: Attributes, end: string): void {
  if (data.encode(attributes) === 0) {
    w.write(lines.selfClose);
    return;
  }
  w.write(lines.open);
  data.write();
  w.write(end);
}

/** The document's chunks, written as they are asked for (see XmlWriter). */
function* graphmlChunks(graph: AnyGraph): Generator<string, void, undefined> {
  const w = new XmlWriter(true);
  const items = readGraphItems<Attributes>(graph);
  const graphColumns = keyed('g', inferColumns([graph.getAttributes()], GRAPH_CONTRACT, NONE));
  const nodeColumns = keyed('n', inferColumns(items.nodeAttributes, NODE_CONTRACT, NONE));
  const edgeColumns = keyed('e', inferColumns(items.edgeAttributes, EDGE_CONTRACT, NONE));
  const edgeDefault = graph.type === 'undirected' ? 'undirected' : 'directed';

  w.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w.start(
    0,
    'graphml',
    xmlAttributes([
      ['xmlns', 'http://graphml.graphdrawing.org/xmlns'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd'],
    ]),
  );
  writeKeys(w, 'graph', graphColumns);
  writeKeys(w, 'node', nodeColumns);
  writeKeys(w, 'edge', edgeColumns);

  const graphData = new DataWriter(w, 2, graphColumns);
  const graphValues = graphData.encode(graph.getAttributes());
  const graphTag = xmlAttributes([['id', 'G'], ['edgedefault', edgeDefault]]);
  if (graphValues === 0 && items.nodes.length === 0 && items.edges.length === 0) {
    w.empty(1, 'graph', graphTag);
  } else {
    w.start(1, 'graph', graphTag);
    graphData.write();

    const lines = new ItemLines(w, 2);
    const nodeData = new DataWriter(w, 3, nodeColumns);
    for (let i = 0; i < items.nodes.length; i++) {
      const node = items.nodes[i] as string;
      const attributes = items.nodeAttributes[i] as Attributes;
      lines.startNode(node);
      writeData(w, lines, nodeData, attributes, lines.nodeEnd);
      if (w.ready) yield w.take();
    }

    const edgeData = new DataWriter(w, 3, edgeColumns);
    for (let i = 0; i < items.edges.length; i++) {
      const edge = items.edges[i] as string;
      const attributes = items.edgeAttributes[i] as Attributes;
      const directed = items.undirected[i] !== true;
      lines.startEdge(edge, items.sources[i] as string, items.targets[i] as string);
      if (directed !== (edgeDefault === 'directed')) w.write(` directed="${String(directed)}"`);
      writeData(w, lines, edgeData, attributes, lines.edgeEnd);
      if (w.ready) yield w.take();
    }
    w.end(1, 'graph');
  }
  w.end(0, 'graphml');
  yield w.take();
}

/** toGraphml's document in chunks, each made when it is asked for (see toGexfChunks). */
export function toGraphmlChunks(graph: AnyGraph): Iterable<string> {
  return graphmlChunks(graph);
}

/** GraphML of any graphology graph; byte-identical for identical graphs. */
export function toGraphml(graph: AnyGraph): string {
  return joinChunks(graphmlChunks(graph));
}
