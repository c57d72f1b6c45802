// graph.json: graphology's serialized graph (`graph.export()`), one node or edge per line so that
// diffs stay readable. Valid JSON, equal to graph.export() when parsed; keys keep insertion order,
// so identical graphs give byte-identical files.
//
// Written straight from the graph's attribute objects, in chunks (see ChunkWriter), rather than as
// JSON of graph.export(): that copies every attribute object first, and the whole document as one
// string then needs a second, UTF-8 copy before it can be written.
import type { AbstractGraph, Attributes } from 'graphology-types';
import { ChunkWriter, joinChunks, readGraphItems } from './chunks';

type AnyGraph = AbstractGraph<Attributes, Attributes, Attributes>;

const EMPTY_OBJECT_JSON = '{}';

/** graphology's isEmpty, which decides whether export() writes `attributes` at all. */
function hasAttributes(a: Attributes): boolean {
  for (const _ in a) return true;
  return false;
}

/**
 * Whether JSON.stringify(a) is the JSON of graphology's copy of it (Object.assign({}, a)): for a
 * plain object, yes, unless it has its own `__proto__` (assign sets the copy's prototype instead of
 * copying it) or a toJSON (called with another key than inside the serialized item). Any other
 * object goes the slow way, through the very item export() would make.
 */
const isPlain = (a: Attributes): boolean =>
  Object.getPrototypeOf(a) === Object.prototype && !Object.hasOwn(a, '__proto__') && a.toJSON === undefined;

/** One serialized node or edge as export() makes it (graphology's serializeNode, serializeEdge). */
function exported(item: Record<string, unknown>, a: Attributes, undirected: boolean): string {
  if (hasAttributes(a)) item.attributes = Object.assign({}, a);
  if (undirected) item.undirected = true;
  return JSON.stringify(item);
}

/** `,"attributes":{…}` of a plain object, unless export() leaves it out (see hasAttributes). */
function writeAttributes(w: ChunkWriter, a: Attributes): void {
  const json = JSON.stringify(a);
  // Anything but {} has attributes; {} may still be (only undefined values, say): ask.
  if (json === EMPTY_OBJECT_JSON && !hasAttributes(a)) return;
  w.write(',"attributes":');
  w.write(json);
}

/**
 * Writes one node as export() would list it. Functions of their own rather than loop bodies of
 * jsonChunks: called once per item, they are compiled on their own, soon, and not thrown away when
 * the document moves on from nodes to edges.
 */
function writeNode(w: ChunkWriter, node: string, a: Attributes): void {
  if (!isPlain(a)) {
    w.write(exported({ key: node }, a, false));
    return;
  }
  w.write('{"key":');
  w.write(JSON.stringify(node));
  writeAttributes(w, a);
  w.write('}');
}

/** Writes one edge as export() would list it (see writeNode). */
function writeEdge(w: ChunkWriter, edge: string, a: Attributes, source: string, target: string, undirected: boolean): void {
  if (!isPlain(a)) {
    w.write(exported({ key: edge, source, target }, a, undirected));
    return;
  }
  w.write('{"key":');
  w.write(JSON.stringify(edge));
  w.write(',"source":');
  w.write(JSON.stringify(source));
  w.write(',"target":');
  w.write(JSON.stringify(target));
  writeAttributes(w, a);
  w.write(undirected ? ',"undirected":true}' : '}');
}

/** The document's chunks, made as they are asked for. */
function* jsonChunks(graph: AnyGraph): Generator<string, void, undefined> {
  const w = new ChunkWriter();
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  const head = JSON.stringify({ options, attributes: graph.getAttributes() ?? {} });
  const items = readGraphItems<Attributes>(graph);
  const mixed = graph.type === 'mixed';
  w.write(head.slice(0, -1));

  w.write(',"nodes":');
  for (let i = 0; i < items.nodes.length; i++) {
    w.write(i === 0 ? '[\n' : ',\n');
    writeNode(w, items.nodes[i] as string, items.nodeAttributes[i] as Attributes);
    if (w.ready) yield w.take();
  }
  w.write(items.nodes.length === 0 ? '[]' : '\n]');

  w.write(',"edges":');
  for (let i = 0; i < items.edges.length; i++) {
    w.write(i === 0 ? '[\n' : ',\n');
    const undirected = mixed && items.undirected[i] === true;
    writeEdge(w, items.edges[i] as string, items.edgeAttributes[i] as Attributes, items.sources[i] as string, items.targets[i] as string, undirected);
    if (w.ready) yield w.take();
  }
  w.write(items.edges.length === 0 ? '[]' : '\n]');
  w.write('}\n');
  yield w.take();
}

/**
 * toJson's document in chunks, each made when it is asked for (exportGraph writes each before the
 * next is made). The graph must not change while the chunks are being taken.
 */
export function toJsonChunks(graph: AnyGraph): Iterable<string> {
  return jsonChunks(graph);
}

export function toJson(graph: AnyGraph): string {
  return joinChunks(toJsonChunks(graph));
}
