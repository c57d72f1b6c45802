// Documents made in chunks (graph.json, GEXF, GraphML): the writer that gathers a document's pieces
// into chunks, and the graph's items read once into arrays for the writers to go over.

/**
 * About how many UTF-16 units a chunk holds. Small enough that a chunk is an ordinary young-generation
 * string (V8 puts strings over 128 KB in large-object space, fresh memory every time), large enough
 * that a file gets few writes.
 */
const CHUNK_LENGTH = 1 << 15;

/**
 * Gathers a document as pieces, in order, and hands it out in chunks: callers write pieces and, between
 * items, take a chunk whenever one is `ready`. A document is never built by nesting strings (joins of
 * joins copied a 40 MB document several times over), and never needs to be in memory whole: each piece
 * dies young, joined into its chunk, and each chunk can be written out before the next is made.
 */
export class ChunkWriter {
  protected pieces: string[] = [];
  protected length = 0;

  /** Raw text, already escaped for the format. */
  write(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
  }

  /** Whether a chunk's worth has been written since the last take(). */
  get ready(): boolean {
    return this.length >= CHUNK_LENGTH;
  }

  /** What was written since the last take(), as one string ('' when nothing). */
  take(): string {
    const chunk = this.pieces.join('');
    this.pieces = [];
    this.length = 0;
    return chunk;
  }
}

/** A document made of chunks, as one string (small documents, tests, callers that want a string). */
export function joinChunks(chunks: Iterable<string>): string {
  return [...chunks].join('');
}

/**
 * A graph's nodes and edges, read once into arrays: a writer goes over them more than once (columns,
 * timeline, document), indexed loops cost less than graphology's entry iterators, and a document made
 * chunk by chunk keeps to the items it started with.
 */
export interface GraphItems<A> {
  readonly nodes: string[];
  readonly nodeAttributes: A[];
  readonly edges: string[];
  readonly sources: string[];
  readonly targets: string[];
  readonly undirected: boolean[];
  readonly edgeAttributes: A[];
}

interface ReadableGraph<A> {
  forEachNode(callback: (node: string, attributes: A) => void): void;
  forEachEdge(
    callback: (edge: string, attributes: A, source: string, target: string, sa: A, ta: A, undirected: boolean) => void,
  ): void;
}

/** Reads the graph's items in graphology's order; `onEdge` sees each edge during the same pass. */
export function readGraphItems<A>(
  graph: ReadableGraph<A>,
  onEdge?: (edge: string, attributes: A, source: string, target: string) => void,
): GraphItems<A> {
  const items: GraphItems<A> = { nodes: [], nodeAttributes: [], edges: [], sources: [], targets: [], undirected: [], edgeAttributes: [] };
  graph.forEachNode((node, attributes) => {
    items.nodes.push(node);
    items.nodeAttributes.push(attributes);
  });
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    items.edges.push(edge);
    items.edgeAttributes.push(attributes);
    items.sources.push(source);
    items.targets.push(target);
    items.undirected.push(undirected);
    onEdge?.(edge, attributes, source, target);
  });
  return items;
}
