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
  return m[0];
}

interface DatedEdge {
  firstSeen?: unknown;
  lastSeen?: unknown;
  evidence?: unknown;
}

/** The span of one edge: firstSeen, lastSeen and every evidence date. */
export function edgeSpan(attributes: DatedEdge): Span | undefined {
  // Earliest and latest date so far in two variables, not a new span per date (10⁵ edges).
  let start: string | undefined;
  let end: string | undefined;
  const dates: unknown[] = [attributes.firstSeen, attributes.lastSeen];
  if (Array.isArray(attributes.evidence)) {
    for (const evidence of attributes.evidence as unknown[]) {
      if (typeof evidence === 'object' && evidence !== null) dates.push((evidence as { date?: unknown }).date);
    }
  }
  for (const value of dates) {
    const date = isoDate(value);
    if (date === undefined) continue;
    if (start === undefined || date < start) start = date;
    if (end === undefined || date > end) end = date;
  }
  return start === undefined || end === undefined ? undefined : { start, end };
}

export interface Timeline {
  readonly nodes: ReadonlyMap<string, Span>;
  readonly edges: ReadonlyMap<string, Span>;
}

/** Builds a Timeline edge by edge, so that a writer's one pass over the edges can feed it. */
export class TimelineBuilder {
  private readonly nodes = new Map<string, { start: string; end: string }>();
  private readonly edges = new Map<string, Span>();

  add(edge: string, attributes: DatedEdge, source: string, target: string): void {
    const span = edgeSpan(attributes);
    if (span === undefined) return;
    this.edges.set(edge, span);
    this.widen(source, span);
    this.widen(target, span);
  }

  private widen(node: string, span: Span): void {
    const known = this.nodes.get(node);
    if (known === undefined) this.nodes.set(node, { start: span.start, end: span.end });
    else {
      if (span.start < known.start) known.start = span.start;
      if (span.end > known.end) known.end = span.end;
    }
  }

  /** Spans of every dated edge and of every node touching one; empty maps when nothing is dated. */
  timeline(): Timeline {
    return { nodes: this.nodes, edges: this.edges };
  }
}

/** Spans of every dated edge and of every node touching one; empty maps when nothing is dated. */
export function computeTimeline(graph: AbstractGraph<object, DatedEdge>): Timeline {
  const builder = new TimelineBuilder();
  graph.forEachEdge((edge, attributes, source, target) => builder.add(edge, attributes, source, target));
  return builder.timeline();
}
