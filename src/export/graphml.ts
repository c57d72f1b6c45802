// GraphML writer, for networkx, igraph, yEd and Cytoscape. Every attribute (graph, node, edge) is a
// <key> with its attr.type; arrays and objects are JSON strings, and their key says so in <desc>.
// networkx's read_graphml and igraph's Read_GraphML read it back (test/export/graphml.test.ts).
import type { AbstractGraph, Attributes } from 'graphology-types';
import { EDGE_CONTRACT, GRAPH_CONTRACT, NODE_CONTRACT, encodeValue, inferColumns, type Column, type GexfType } from './columns';
import { XmlWriter, escapeText, idMapper, xmlAttributes } from './xml';

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

function keysXml(w: XmlWriter, domain: 'graph' | 'node' | 'edge', columns: readonly KeyedColumn[]): string {
  let out = '';
  for (const column of columns) {
    const attributes = xmlAttributes([
      ['id', column.key],
      ['for', domain],
      ['attr.name', column.id],
      ['attr.type', GRAPHML_TYPES[column.type]],
    ]);
    out += w.element(1, 'key', attributes, column.json ? w.line(2, `<desc>${GRAPHML_JSON_DESC}</desc>`) : '');
  }
  return out;
}

function dataXml(w: XmlWriter, depth: number, columns: readonly KeyedColumn[], attributes: Attributes): string {
  let out = '';
  for (const column of columns) {
    const value = encodeValue(column, attributes[column.id]);
    if (value !== undefined) out += w.line(depth, `<data key="${column.key}">${escapeText(value)}</data>`);
  }
  return out;
}

/** GraphML of any graphology graph; byte-identical for identical graphs. */
export function toGraphml(graph: AnyGraph): string {
  const w = new XmlWriter(true);
  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const graphColumns = keyed('g', inferColumns([graph.getAttributes()], GRAPH_CONTRACT, NONE));
  const nodeColumns = keyed('n', inferColumns(nodeRecords, NODE_CONTRACT, NONE));
  const edgeColumns = keyed('e', inferColumns(edgeRecords, EDGE_CONTRACT, NONE));
  const edgeDefault = graph.type === 'undirected' ? 'undirected' : 'directed';

  const nodeId = idMapper();
  const nodes: string[] = [];
  graph.forEachNode((node, attributes) => {
    nodes.push(w.element(2, 'node', xmlAttributes([['id', nodeId(node)]]), dataXml(w, 3, nodeColumns, attributes)));
  });
  const edgeId = idMapper();
  const edges: string[] = [];
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const directed = !undirected;
    const tag = xmlAttributes([
      ['id', edgeId(edge)],
      ['source', nodeId(source)],
      ['target', nodeId(target)],
      ['directed', directed === (edgeDefault === 'directed') ? undefined : String(directed)],
    ]);
    edges.push(w.element(2, 'edge', tag, dataXml(w, 3, edgeColumns, attributes)));
  });

  const body =
    keysXml(w, 'graph', graphColumns) +
    keysXml(w, 'node', nodeColumns) +
    keysXml(w, 'edge', edgeColumns) +
    w.element(
      1,
      'graph',
      xmlAttributes([['id', 'G'], ['edgedefault', edgeDefault]]),
      dataXml(w, 2, graphColumns, graph.getAttributes()) + nodes.join('') + edges.join(''),
    );
  const root = w.element(
    0,
    'graphml',
    xmlAttributes([
      ['xmlns', 'http://graphml.graphdrawing.org/xmlns'],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd'],
    ]),
    body,
  );
  return `${w.line(0, '<?xml version="1.0" encoding="UTF-8"?>')}${root}`;
}
