// GEXF writer. Written here rather than through graphology-gexf's writer, whose output networkx cannot
// read (hex-only colours), whose graph attributes land illegally inside <meta>, which passes control
// characters through into the XML, and which writes no timeline (see the shared notes, gexf.md).
// graphology-gexf's parser and networkx's read_gexf both read this output (test/export/gexf.test.ts).
import type { AbstractGraph, Attributes } from 'graphology-types';
import { parseColor, toHex } from './color';
import { EDGE_CONTRACT, NODE_CONTRACT, encodeValue, inferColumns, type Column } from './columns';
import { resolveGexfOptions, GEXF_VERSIONS, type GexfOptions } from './options';
import { computeTimeline, type Span } from './timeline';
import { XmlWriter, escapeText, idMapper, xmlAttribute, xmlAttributes } from './xml';

/** Written as XML attributes or viz elements, not as <attvalue>s. */
const NODE_RESERVED: ReadonlySet<string> = new Set(['label', 'x', 'y', 'z', 'size', 'color']);
const EDGE_RESERVED: ReadonlySet<string> = new Set(['label', 'weight', 'kind', 'color', 'size']);

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : finite(value) ? String(value) : undefined;

function columnsXml(w: XmlWriter, depth: number, cls: 'node' | 'edge', columns: readonly Column[]): string {
  if (columns.length === 0) return '';
  let body = '';
  for (const column of columns) {
    body += w.line(depth + 1, `<attribute${xmlAttributes([['id', column.id], ['title', column.id], ['type', column.type]])}/>`);
  }
  return w.element(depth, 'attributes', xmlAttributes([['class', cls], ['mode', 'static']]), body);
}

function attvaluesXml(w: XmlWriter, depth: number, columns: readonly Column[], attributes: Attributes): string {
  const lines: string[] = [];
  for (const column of columns) {
    const value = encodeValue(column, attributes[column.id]);
    if (value !== undefined) lines.push(w.line(depth + 1, `<attvalue${xmlAttribute('for', column.id)}${xmlAttribute('value', value)}/>`));
  }
  return lines.length === 0 ? '' : w.element(depth, 'attvalues', '', lines.join(''));
}

/** r, g, b for networkx and Gephi; hex beside them so graphology-gexf reads back the original string. */
function colorXml(w: XmlWriter, depth: number, value: unknown): string {
  const rgba = parseColor(value);
  if (!rgba) return '';
  const attributes = xmlAttributes([
    ['r', String(rgba.r)],
    ['g', String(rgba.g)],
    ['b', String(rgba.b)],
    ['a', rgba.a === undefined ? undefined : String(rgba.a)],
    ['hex', rgba.a === undefined ? toHex(rgba) : undefined],
  ]);
  return w.line(depth, `<viz:color${attributes}/>`);
}

const spanAttributes = (span: Span | undefined): [string, string | undefined][] => [
  ['start', span?.start],
  ['end', span?.end],
];

/** GEXF of a graph (MultiDirectedGraph per src/graph/contract.ts, or any graphology graph). */
export function toGexf(graph: AnyGraph, partial: Partial<GexfOptions> = {}): string {
  const options = resolveGexfOptions(partial);
  const dialect = GEXF_VERSIONS[options.version];
  const w = new XmlWriter(options.pretty);
  const graphAttributes = graph.getAttributes();

  const timeline = computeTimeline(graph);
  const dynamic = options.timeline === 'auto' && timeline.edges.size > 0;
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';

  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const nodeColumns = inferColumns(nodeRecords, NODE_CONTRACT, NODE_RESERVED);
  const edgeColumns = inferColumns(edgeRecords, EDGE_CONTRACT, EDGE_RESERVED);

  const creator =
    options.creator ??
    ([graphAttributes.generator, graphAttributes.version].filter((v) => typeof v === 'string' && v !== '').join(' ') ||
      'newsgraph');
  const documentCount = graphAttributes.documentCount;
  const description =
    options.description ??
    (finite(documentCount)
      ? `Knowledge graph of ${documentCount} news document${documentCount === 1 ? '' : 's'}`
      : 'Knowledge graph of news documents');

  const nodeId = idMapper();
  const nodes: string[] = [];
  graph.forEachNode((node, a) => {
    const span = dynamic ? timeline.nodes.get(node) : undefined;
    let body = attvaluesXml(w, 4, nodeColumns, a) + colorXml(w, 4, a.color);
    if (finite(a.size)) body += w.line(4, `<viz:size value="${a.size}"/>`);
    if (finite(a.x) && finite(a.y)) {
      body += w.line(4, `<viz:position x="${a.x}" y="${a.y}"${finite(a.z) ? ` z="${a.z}"` : ''}/>`);
    }
    // An empty label is kept as label="" (readers would otherwise show the id).
    const label = typeof a.label === 'string' ? a.label : text(a.label);
    nodes.push(w.element(3, 'node', xmlAttributes([['id', nodeId(node)], ['label', label], ...spanAttributes(span)]), body));
  });

  const edgeId = idMapper();
  const edges: string[] = [];
  graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
    const span = dynamic ? timeline.edges.get(edge) : undefined;
    const type = undirected ? 'undirected' : 'directed';
    const weight = finite(a.weight) ? a.weight : finite(a.count) ? a.count : undefined;
    const attributes = xmlAttributes([
      ['id', edgeId(edge)],
      ['source', nodeId(source)],
      ['target', nodeId(target)],
      ['type', type === defaultEdgeType ? undefined : type],
      ['kind', text(a.relation) ?? text(a.kind)],
      ['label', text(a.label) ?? text(a.relation)],
      ['weight', weight === undefined ? undefined : String(weight)],
      ...spanAttributes(span),
    ]);
    let body = attvaluesXml(w, 4, edgeColumns, a) + colorXml(w, 4, a.color);
    if (finite(a.size)) body += w.line(4, `<viz:thickness value="${a.size}"/>`);
    edges.push(w.element(3, 'edge', attributes, body));
  });

  const meta = w.element(
    1,
    'meta',
    xmlAttributes([['lastmodifieddate', options.lastModified]]),
    w.line(2, `<creator>${escapeText(creator)}</creator>`) + w.line(2, `<description>${escapeText(description)}</description>`),
  );
  const graphXml = w.element(
    1,
    'graph',
    xmlAttributes([
      ['defaultedgetype', defaultEdgeType],
      ['mode', dynamic ? 'dynamic' : 'static'],
      ['timeformat', dynamic ? 'date' : undefined],
    ]),
    columnsXml(w, 2, 'node', nodeColumns) +
      columnsXml(w, 2, 'edge', edgeColumns) +
      w.element(2, 'nodes', '', nodes.join('')) +
      w.element(2, 'edges', '', edges.join('')),
  );
  const gexf = w.element(
    0,
    'gexf',
    xmlAttributes([
      ['xmlns', dialect.xmlns],
      ['xmlns:viz', dialect.viz],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', dialect.schemaLocation],
      ['version', dialect.version],
    ]),
    meta + graphXml,
  );
  return `${w.line(0, '<?xml version="1.0" encoding="UTF-8"?>')}${gexf}${options.pretty ? '' : '\n'}`;
}
