// The review queue: the edges and actors an analyst should look at first. Pure; each item says why.
//
// Edges: hypothetical ones ("would", "if"), those resting on one sentence, and those whose every
// sentence names an end only through a pronoun or description ("he", "the bloc": the antecedent
// was resolved, a step that can go wrong). Actors: labels that do not read as names (lower case,
// a contraction such as "I'm", one letter), and short names that may be a longer name's actor
// ("Bush" beside "George W Bush", same type). Decided items (curation) are left out.
import type { ViewerGraph } from './data';

export interface ReviewItem {
  kind: 'edge' | 'node';
  key: string;
  /** Higher first. */
  score: number;
  reasons: string[];
  /** For a possible duplicate: the node it may be. */
  other?: string;
}

/** How many items the queue lists. */
export const REVIEW_LIMIT = 60;

const CONTRACTION = /['’](m|s|re|ve|ll|d|t)$/i;

export function reviewQueue(
  graph: ViewerGraph,
  decided: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
  limit = REVIEW_LIMIT,
  /** Edges this browser had not seen in the graph before (see seenEdges); empty on a first visit. */
  fresh: ReadonlySet<string> = new Set(),
): ReviewItem[] {
  const items: ReviewItem[] = [];
  graph.forEachEdge((edge, a, source, target) => {
    if (decided.edges.has(edge) || decided.nodes.has(source) || decided.nodes.has(target)) return;
    const reasons: string[] = [];
    let score = 0;
    if (a.hypothetical) {
      reasons.push('hypothetical');
      score += 2;
    }
    if (a.count === 1) {
      reasons.push('one sentence');
      score += 1;
    }
    if (fresh.has(edge)) {
      reasons.push('new since the last build seen here');
      score += 1;
    }
    const evidence = a.evidence.filter((e): e is { antecedents?: unknown } => typeof e === 'object' && e !== null);
    if (evidence.length > 0 && evidence.every((e) => e.antecedents !== undefined)) {
      reasons.push('ends named by pronoun');
      score += 1;
    }
    // A single plain sentence is the common case: it is queued only with another reason.
    if (score >= 2) items.push({ kind: 'edge', key: edge, score, reasons });
  });

  // Possible duplicates: a one-word label that is the last word of a longer label of the same type.
  const byLastWord = new Map<string, string[]>();
  graph.forEachNode((node, a) => {
    const words = a.label.trim().split(/\s+/);
    if (words.length < 2) return;
    const key = `${a.entityType}\u0000${(words[words.length - 1] ?? '').toLowerCase()}`;
    const list = byLastWord.get(key);
    if (list) list.push(node);
    else byLastWord.set(key, [node]);
  });
  graph.forEachNode((node, a) => {
    if (decided.nodes.has(node)) return;
    const label = a.label.trim();
    const reasons: string[] = [];
    let score = 0;
    let other: string | undefined;
    // Topics (entityType other: "ceasefire", "deal") are common nouns by design; actors are names.
    const lowerOk = a.entityType === 'other';
    if (label.length <= 1 || CONTRACTION.test(label) || (!lowerOk && !/^[\p{Lu}\p{N}]/u.test(label))) {
      reasons.push(`"${label}" does not read as a name`);
      score += 3;
    }
    if (!/\s/.test(label)) {
      const longer = (byLastWord.get(`${a.entityType}\u0000${label.toLowerCase()}`) ?? []).filter((n) => !decided.nodes.has(n));
      if (longer.length > 0) {
        // The most mentioned longer name is the likeliest.
        other = longer.reduce((best, n) => (graph.getNodeAttribute(n, 'mentions') > graph.getNodeAttribute(best, 'mentions') ? n : best));
        reasons.push(`may be ${graph.getNodeAttribute(other, 'label')}`);
        score += 2;
      }
    }
    if (score === 0) return;
    // Busy actors first: an error there shows in many places.
    items.push({ kind: 'node', key: node, score: score + Math.min(2, Math.log10(1 + graph.degree(node))), reasons, ...(other !== undefined ? { other } : {}) });
  });
  // Actors first, then edges, each most urgent first, half of the list each (more of one kind when the other runs short).
  const order = (x: ReviewItem, y: ReviewItem): number => y.score - x.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  const nodes = items.filter((i) => i.kind === 'node').sort(order);
  const edges = items.filter((i) => i.kind === 'edge').sort(order);
  const half = Math.ceil(limit / 2);
  const nodeCount = Math.min(nodes.length, Math.max(half, limit - edges.length));
  return [...nodes.slice(0, nodeCount), ...edges.slice(0, limit - nodeCount)];
}

/** How many edge keys a browser keeps per graph to tell new edges apart (localStorage is small). */
export const SEEN_LIMIT = 20000;

/**
 * The edges new since this browser last opened this graph (same page URL): read the keys kept
 * last time, keep the current ones. Nothing is new on a first visit, or on a graph too big to keep.
 */
export function freshEdges(graph: ViewerGraph, storage: Pick<Storage, 'getItem' | 'setItem'> | null, key: string): Set<string> {
  if (storage === null || graph.size > SEEN_LIMIT) return new Set();
  let before: unknown = null;
  try {
    before = JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    before = null;
  }
  const current = graph.edges();
  try {
    storage.setItem(key, JSON.stringify(current));
  } catch {
    // Full or forbidden: new edges are simply not told apart.
  }
  if (!Array.isArray(before)) return new Set();
  const seen = new Set(before.filter((x): x is string => typeof x === 'string'));
  return new Set(current.filter((e) => !seen.has(e)));
}
