// GEXF writer. Written here rather than through graphology-gexf's writer, whose output networkx cannot
// read (hex-only colours), whose graph attributes land illegally inside <meta>, which passes control
// characters through into the XML, and which writes no timeline (see ../../shared/notes/gexf.md).
// graphology-gexf's parser and networkx's read_gexf both read this output (test/export/gexf.test.ts).
import type { AbstractGraph, Attributes } from 'graphology-types';
import { parseColor, toHex } from './color';
import { encodeValue, inferColumns, type Column, type ColumnSpec } from './columns';
import { resolveGexfOptions, GEXF_VERSIONS, type GexfOptions } from './options';
import { computeTimeline, type Span } from './timeline';
import { escapeText, sanitizeXmlText, xmlAttributes } from './xml';

/** Contract attributes first, in this order and with these types (src/graph/contract.ts). */
const NODE_COLUMNS: readonly ColumnSpec[] = [
  ['entityType', 'string'],
  ['aliases', 'json'],
  ['roles', 'json'],
  ['mentions', 'integer'],
  ['documents', 'integer'],
  ['wikidata', 'string'],
  ['community', 'integer'],
];
const EDGE_COLUMNS: readonly ColumnSpec[] = [
  ['relation', 'string'],
  ['negated', 'boolean'],
  ['hypothetical', 'boolean'],
  ['count', 'integer'],
  ['cameo', 'string'],
  ['goldstein', 'double'],
  ['firstSeen', 'string'],
  ['lastSeen', 'string'],
  ['evidence', 'json'],
];
/** Written as XML attributes or viz elements, not as <attvalue>s. */
const NODE_RESERVED: ReadonlySet<string> = new Set(['label', 'x', 'y', 'z', 'size', 'color']);
const EDGE_RESERVED: ReadonlySet<string> = new Set(['label', 'weight', 'kind', 'color', 'size']);

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/** Maps keys to XML-safe ids that stay unique even when sanitising makes two keys equal. */
function idMapper(): (key: string) => string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  return (key) => {
    const known = ids.get(key);
    if (known !== undefined) return known;
    const base = sanitizeXmlText(key);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}~${n}`;
    ids.set(key, id);
    used.add(id);
    return id;
  };
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : finite(value) ? String(value) : undefined;

class GexfBuilder {
  private readonly lines: string[] = [];
  constructor(private readonly pretty: boolean) {}

  line(depth: number, content: string): void {
    this.lines.push(this.pretty ? '  '.repeat(depth) + content : content);
  }

  /** An element whose children are lines; self-closing when there are none. */
  element(depth: number, open: string, children: (depth: number) => void): void {
    const before = this.lines.length;
    this.line(depth, `<${open}>`);
    children(depth + 1);
    const tag = open.split(' ', 1)[0] ?? open;
    if (this.lines.length === before + 1) this.lines[before] = (this.lines[before] ?? '').replace(/>$/, '/>');
    else this.line(depth, `</${tag}>`);
  }

  toString(): string {
    return this.lines.join(this.pretty ? '\n' : '') + '\n';
  }
}

function writeColumns(out: GexfBuilder, depth: number, cls: 'node' | 'edge', columns: readonly Column[]): void {
  if (columns.length === 0) return;
  out.element(depth, `attributes${xmlAttributes([['class', cls], ['mode', 'static']])}`, (d) => {
    for (const column of columns) {
      out.line(d, `<attribute${xmlAttributes([['id', column.id], ['title', column.id], ['type', column.type]])}/>`);
    }
  });
}

function writeAttvalues(out: GexfBuilder, depth: number, columns: readonly Column[], attributes: Attributes): void {
  const values: string[] = [];
  for (const column of columns) {
    const value = encodeValue(column, attributes[column.id]);
    if (value !== undefined) values.push(`<attvalue${xmlAttributes([['for', column.id], ['value', value]])}/>`);
  }
  if (values.length === 0) return;
  out.element(depth, 'attvalues', (d) => {
    for (const value of values) out.line(d, value);
  });
}

/** r, g, b for networkx and Gephi; hex beside them so graphology-gexf reads back the original string. */
function writeColor(out: GexfBuilder, depth: number, value: unknown): void {
  const rgba = parseColor(value);
  if (!rgba) return;
  out.line(
    depth,
    `<viz:color${xmlAttributes([
      ['r', String(rgba.r)],
      ['g', String(rgba.g)],
      ['b', String(rgba.b)],
      ['a', rgba.a === undefined ? undefined : String(rgba.a)],
      ['hex', rgba.a === undefined ? toHex(rgba) : undefined],
    ])}/>`,
  );
}

const spanAttributes = (span: Span | undefined): [string, string | undefined][] => [
  ['start', span?.start],
  ['end', span?.end],
];

/** GEXF of a graph (MultiDirectedGraph per src/graph/contract.ts, or any graphology graph). */
export function toGexf(graph: AnyGraph, partial: Partial<GexfOptions> = {}): string {
  const options = resolveGexfOptions(partial);
  const dialect = GEXF_VERSIONS[options.version];
  const out = new GexfBuilder(options.pretty);
  const graphAttributes = graph.getAttributes();

  const timeline = computeTimeline(graph);
  const dynamic = options.timeline === 'auto' && timeline.edges.size > 0;
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';

  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const nodeColumns = inferColumns(nodeRecords, NODE_COLUMNS, NODE_RESERVED);
  const edgeColumns = inferColumns(edgeRecords, EDGE_COLUMNS, EDGE_RESERVED);

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

  out.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  out.element(
    0,
    `gexf${xmlAttributes([
      ['xmlns', dialect.xmlns],
      ['xmlns:viz', dialect.viz],
      ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
      ['xsi:schemaLocation', dialect.schemaLocation],
      ['version', dialect.version],
    ])}`,
    (d1) => {
      out.element(d1, `meta${xmlAttributes([['lastmodifieddate', options.lastModified]])}`, (d2) => {
        out.line(d2, `<creator>${escapeText(creator)}</creator>`);
        out.line(d2, `<description>${escapeText(description)}</description>`);
      });
      const graphOpen = `graph${xmlAttributes([
        ['defaultedgetype', defaultEdgeType],
        ['mode', dynamic ? 'dynamic' : 'static'],
        ['timeformat', dynamic ? 'date' : undefined],
      ])}`;
      out.element(d1, graphOpen, (d2) => {
        writeColumns(out, d2, 'node', nodeColumns);
        writeColumns(out, d2, 'edge', edgeColumns);
        const nodeId = idMapper();
        out.element(d2, 'nodes', (d3) => {
          graph.forEachNode((node, a) => {
            const span = dynamic ? timeline.nodes.get(node) : undefined;
            const open = `node${xmlAttributes([['id', nodeId(node)], ['label', text(a.label)], ...spanAttributes(span)])}`;
            out.element(d3, open, (d4) => {
              writeAttvalues(out, d4, nodeColumns, a);
              writeColor(out, d4, a.color);
              if (finite(a.size)) out.line(d4, `<viz:size value="${a.size}"/>`);
              if (finite(a.x) && finite(a.y)) {
                const z = finite(a.z) ? ` z="${a.z}"` : '';
                out.line(d4, `<viz:position x="${a.x}" y="${a.y}"${z}/>`);
              }
            });
          });
        });
        const edgeId = idMapper();
        out.element(d2, 'edges', (d3) => {
          graph.forEachEdge((edge, a, source, target, _sa, _ta, undirected) => {
            const span = dynamic ? timeline.edges.get(edge) : undefined;
            const type = undirected ? 'undirected' : 'directed';
            const weight = finite(a.weight) ? a.weight : finite(a.count) ? a.count : undefined;
            const open = `edge${xmlAttributes([
              ['id', edgeId(edge)],
              ['source', nodeId(source)],
              ['target', nodeId(target)],
              ['type', type === defaultEdgeType ? undefined : type],
              ['kind', text(a.relation) ?? text(a.kind)],
              ['label', text(a.label) ?? text(a.relation)],
              ['weight', weight === undefined ? undefined : String(weight)],
              ...spanAttributes(span),
            ])}`;
            out.element(d3, open, (d4) => {
              writeAttvalues(out, d4, edgeColumns, a);
              writeColor(out, d4, a.color);
              if (finite(a.size)) out.line(d4, `<viz:thickness value="${a.size}"/>`);
            });
          });
        });
      });
    },
  );
  return out.toString();
}
