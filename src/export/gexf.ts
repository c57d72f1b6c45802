// GEXF writer. Written here rather than through graphology-gexf's writer, whose output networkx cannot
// read (hex-only colours), whose graph attributes land illegally inside <meta>, which passes control
// characters through into the XML, and which writes no timeline (see the shared notes, gexf.md).
// graphology-gexf's parser and networkx's read_gexf both read this output (test/export/gexf.test.ts).
//
// The document is written line by line, in document order, and handed out in chunks (see XmlWriter):
// a node's or edge's parts are worked out first (so that an empty one is written as `<node …/>`).
import type { AbstractGraph, Attributes } from 'graphology-types';
import { parseColor, toHex } from './color';
import { EDGE_CONTRACT, EncodedValues, NODE_CONTRACT, inferColumns, numberText, type Column } from './columns';
import { resolveGexfOptions, GEXF_VERSIONS, type GexfOptions } from './options';
import { TimelineBuilder, type Span, type Timeline } from './timeline';
import { joinChunks, readGraphItems } from './chunks';
import { ItemLines, ValueLines, XmlWriter, escapeText, quotedValue, xmlAttribute, xmlAttributes } from './xml';

/** Written as XML attributes or viz elements, not as <attvalue>s. */
const NODE_RESERVED: ReadonlySet<string> = new Set(['label', 'x', 'y', 'z', 'size', 'color']);
const EDGE_RESERVED: ReadonlySet<string> = new Set(['label', 'weight', 'kind', 'color', 'size']);

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

const NO_SPANS: Timeline = { nodes: new Map(), edges: new Map() };

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : finite(value) ? numberText(value) : undefined;

function writeColumns(w: XmlWriter, depth: number, cls: 'node' | 'edge', columns: readonly Column[]): void {
  if (columns.length === 0) return;
  w.start(depth, 'attributes', xmlAttributes([['class', cls], ['mode', 'static']]));
  for (const column of columns) {
    w.empty(depth + 1, 'attribute', xmlAttributes([['id', column.id], ['title', column.id], ['type', column.type]]));
  }
  w.end(depth, 'attributes');
}

/** Writes the <attvalues> of one item at `depth`: encode() its values, then write() them. */
class AttvalueWriter extends EncodedValues {
  /** Per column: `<attvalue for="…" value="…"/>` lines. */
  private readonly lines: ValueLines[];
  private readonly startLine: string;
  private readonly endLine: string;

  constructor(
    private readonly w: XmlWriter,
    depth: number,
    columns: readonly Column[],
  ) {
    super(columns);
    const prefix = `${w.indent(depth + 1)}<attvalue`;
    const suffix = `/>${w.newline}`;
    this.lines = columns.map((c) => new ValueLines(`${prefix}${xmlAttribute('for', c.id)} value=`, quotedValue, suffix));
    this.startLine = w.lineText(depth, '<attvalues>');
    this.endLine = w.lineText(depth, '</attvalues>');
  }

  /** The <attvalues> element of the values last encoded (at least one). */
  write(): void {
    const w = this.w;
    w.write(this.startLine);
    for (let i = 0; i < this.values.length; i++) {
      const value = this.values[i];
      if (value !== undefined) (this.lines[i] as ValueLines).write(w, value);
    }
    w.write(this.endLine);
  }
}

/** r, g, b for networkx and Gephi; hex beside them so graphology-gexf reads back the original string. */
function colorLine(w: XmlWriter, depth: number, value: unknown): string {
  const rgba = parseColor(value);
  if (!rgba) return '';
  const attributes = xmlAttributes([
    ['r', String(rgba.r)],
    ['g', String(rgba.g)],
    ['b', String(rgba.b)],
    ['a', rgba.a === undefined ? undefined : String(rgba.a)],
    ['hex', rgba.a === undefined ? toHex(rgba) : undefined],
  ]);
  return `${w.indent(depth)}<viz:color${attributes}/>${w.newline}`;
}

/** colorLine, remembered per colour string: a graph has few distinct colours and many items. */
function colorLines(w: XmlWriter, depth: number): (value: unknown) => string {
  const known = new Map<string, string>();
  return (value) => {
    if (typeof value !== 'string') return colorLine(w, depth, value);
    let line = known.get(value);
    if (line === undefined) known.set(value, (line = colorLine(w, depth, value)));
    return line;
  };
}

/** Numbers as numberText writes them need no escaping. */
const asIs = (value: string): string => value;

const spanAttributes = (span: Span): string => `${xmlAttribute('start', span.start)}${xmlAttribute('end', span.end)}`;

/**
 * What follows an item's own XML attributes, alike for nodes and edges: its time span, then its
 * <attvalues>, colour, size (`<viz:size>` or `<viz:thickness>`) and `extra` lines and `end`, or a
 * self-closing tag when it has none of them.
 */
class ItemBody {
  private readonly values: AttvalueWriter;
  private readonly colors: (value: unknown) => string;
  /** Sizes repeat (a few dozen distinct ones): their lines are made once each. */
  private readonly sizes: ValueLines;

  constructor(private readonly w: XmlWriter, private readonly lines: ItemLines, columns: readonly Column[], sizeElement: 'size' | 'thickness') {
    this.values = new AttvalueWriter(w, 4, columns);
    this.colors = colorLines(w, 4);
    this.sizes = new ValueLines(`${w.indent(4)}<viz:${sizeElement} value="`, asIs, `"/>${w.newline}`);
  }

  write(a: Attributes, span: Span | undefined, extra: string, end: string): void {
    const w = this.w;
    const count = this.values.encode(a);
    const color = this.colors(a.color);
    const size = finite(a.size);
    if (span !== undefined) w.write(spanAttributes(span));
    if (count === 0 && color === '' && !size && extra === '') {
      w.write(this.lines.selfClose);
      return;
    }
    w.write(this.lines.open);
    if (count > 0) this.values.write();
    w.write(color);
    if (size) this.sizes.write(w, numberText(a.size));
    w.write(extra);
    w.write(end);
  }
}

/**
 * Writes one `<node>` element (at depth 3) per call. A function of its own rather than the loop body
 * of gexfChunks: it is called once per node, so it is compiled on its own, soon, and not thrown away
 * when the document moves on to the edges.
 */
function nodeWriter(
  w: XmlWriter,
  lines: ItemLines,
  columns: readonly Column[],
  spans: ReadonlyMap<string, Span> | undefined,
): (node: string, a: Attributes) => void {
  const nl = w.newline;
  const vizIndent = w.indent(4);
  const body = new ItemBody(w, lines, columns, 'size');
  return (node, a) => {
    // An empty label is kept as label="" (readers would otherwise show the id).
    const label = typeof a.label === 'string' ? a.label : text(a.label);
    lines.startNode(node);
    if (label !== undefined) {
      w.write(' label=');
      w.quoted(label);
    }
    const z = finite(a.z) ? ` z="${numberText(a.z)}"` : '';
    const position = finite(a.x) && finite(a.y) ? `${vizIndent}<viz:position x="${numberText(a.x)}" y="${numberText(a.y)}"${z}/>${nl}` : '';
    body.write(a, spans?.get(node), position, lines.nodeEnd);
  };
}

/** Writes one `<edge>` element (at depth 3) per call (see nodeWriter). */
function edgeWriter(
  w: XmlWriter,
  lines: ItemLines,
  columns: readonly Column[],
  spans: ReadonlyMap<string, Span> | undefined,
  defaultEdgeType: 'directed' | 'undirected',
): (edge: string, a: Attributes, source: string, target: string, type: 'directed' | 'undirected') => void {
  const body = new ItemBody(w, lines, columns, 'thickness');
  return (edge, a, source, target, type) => {
    const kind = text(a.relation) ?? text(a.kind);
    const label = text(a.label) ?? text(a.relation);
    const weight = finite(a.weight) ? a.weight : finite(a.count) ? a.count : undefined;
    lines.startEdge(edge, source, target);
    if (type !== defaultEdgeType) w.write(` type="${type}"`);
    if (kind !== undefined) {
      w.write(' kind=');
      w.quoted(kind);
    }
    if (label !== undefined) {
      w.write(' label=');
      w.quoted(label);
    }
    if (weight !== undefined) {
      w.write(' weight=');
      w.quoted(numberText(weight));
    }
    body.write(a, spans?.get(edge), '', lines.edgeEnd);
  };
}

/** The document's chunks, written as they are asked for (see XmlWriter). */
function* gexfChunks(graph: AnyGraph, options: GexfOptions): Generator<string, void, undefined> {
  const w = new XmlWriter(options.pretty);
  const dialect = GEXF_VERSIONS[options.version];
  const graphAttributes = graph.getAttributes();

  // With the timeline off, no spans are written: none need computing.
  const spans = options.timeline === 'auto' ? new TimelineBuilder() : undefined;
  const items = readGraphItems<Attributes>(graph, spans && ((edge, a, source, target) => spans.add(edge, a, source, target)));
  const timeline = spans?.timeline() ?? NO_SPANS;
  const dynamic = timeline.edges.size > 0;
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';
  const nodeColumns = inferColumns(items.nodeAttributes, NODE_CONTRACT, NODE_RESERVED);
  const edgeColumns = inferColumns(items.edgeAttributes, EDGE_CONTRACT, EDGE_RESERVED);

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

  w.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  w.start(
    0,
    'gexf',
    xmlAttributes([
      ['xmlns', dialect.xmlns],
      ['xmlns:viz', dialect.viz],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', dialect.schemaLocation],
      ['version', dialect.version],
    ]),
  );
  w.start(1, 'meta', xmlAttributes([['lastmodifieddate', options.lastModified]]));
  w.line(2, `<creator>${escapeText(creator)}</creator>`);
  w.line(2, `<description>${escapeText(description)}</description>`);
  w.end(1, 'meta');
  w.start(
    1,
    'graph',
    xmlAttributes([
      ['defaultedgetype', defaultEdgeType],
      ['mode', dynamic ? 'dynamic' : 'static'],
      ['timeformat', dynamic ? 'date' : undefined],
    ]),
  );
  writeColumns(w, 2, 'node', nodeColumns);
  writeColumns(w, 2, 'edge', edgeColumns);

  const lines = new ItemLines(w, 3);
  if (items.nodes.length === 0) w.empty(2, 'nodes', '');
  else {
    w.start(2, 'nodes', '');
    const writeNode = nodeWriter(w, lines, nodeColumns, dynamic ? timeline.nodes : undefined);
    for (let i = 0; i < items.nodes.length; i++) {
      writeNode(items.nodes[i] as string, items.nodeAttributes[i] as Attributes);
      if (w.ready) yield w.take();
    }
    w.end(2, 'nodes');
  }

  if (items.edges.length === 0) w.empty(2, 'edges', '');
  else {
    w.start(2, 'edges', '');
    const writeEdge = edgeWriter(w, lines, edgeColumns, dynamic ? timeline.edges : undefined, defaultEdgeType);
    for (let i = 0; i < items.edges.length; i++) {
      const type = items.undirected[i] === true ? 'undirected' : 'directed';
      writeEdge(items.edges[i] as string, items.edgeAttributes[i] as Attributes, items.sources[i] as string, items.targets[i] as string, type);
      if (w.ready) yield w.take();
    }
    w.end(2, 'edges');
  }

  w.end(1, 'graph');
  w.end(0, 'gexf');
  if (!options.pretty) w.write('\n');
  yield w.take();
}

/**
 * toGexf's document in chunks, each made when it is asked for: exportGraph writes each to the file
 * before the next is made, so the document is never in memory whole. Options are checked now; the
 * graph must not change while the chunks are being taken.
 */
export function toGexfChunks(graph: AnyGraph, partial: Partial<GexfOptions> = {}): Iterable<string> {
  return gexfChunks(graph, resolveGexfOptions(partial));
}

/** GEXF of a graph (MultiDirectedGraph per src/graph/contract.ts, or any graphology graph). */
export function toGexf(graph: AnyGraph, partial: Partial<GexfOptions> = {}): string {
  return joinChunks(toGexfChunks(graph, partial));
}
