// Time spans for a dynamic GEXF: an edge lives from its first to its last dated mention, a node from
// the first to the last date of its edges.
import type { AbstractGraph } from 'graphology-types';

export interface Span {
  readonly start: string;
  readonly end: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The YYYY-MM-DD prefix of a date string when it is a plausible calendar date, else undefined. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

function widen(span: Span | undefined, date: string | undefined): Span | undefined {
  if (date === undefined) return span;
  if (span === undefined) return { start: date, end: date };
  return { start: date < span.start ? date : span.start, end: date > span.end ? date : span.end };
}

function merge(a: Span | undefined, b: Span | undefined): Span | undefined {
  return b === undefined ? a : widen(widen(a, b.start), b.end);
}

interface DatedEdge {
  firstSeen?: unknown;
  lastSeen?: unknown;
  evidence?: unknown;
}

/** The span of one edge: firstSeen, lastSeen and every evidence date. */
export function edgeSpan(attributes: DatedEdge): Span | undefined {
  let span = widen(widen(undefined, isoDate(attributes.firstSeen)), isoDate(attributes.lastSeen));
  if (Array.isArray(attributes.evidence)) {
    for (const evidence of attributes.evidence as unknown[]) {
      if (typeof evidence === 'object' && evidence !== null) {
        span = widen(span, isoDate((evidence as { date?: unknown }).date));
      }
    }
  }
  return span;
}

export interface Timeline {
  readonly nodes: ReadonlyMap<string, Span>;
  readonly edges: ReadonlyMap<string, Span>;
}

/** Spans of every dated edge and of every node touching one; empty maps when nothing is dated. */
export function computeTimeline(graph: AbstractGraph<object, DatedEdge>): Timeline {
  const nodes = new Map<string, Span>();
  const edges = new Map<string, Span>();
  graph.forEachEdge((edge, attributes, source, target) => {
    const span = edgeSpan(attributes);
    if (span === undefined) return;
    edges.set(edge, span);
    for (const node of [source, target]) {
      const merged = merge(nodes.get(node), span);
      if (merged) nodes.set(node, merged);
    }
  });
  return { nodes, edges };
}
