// The shapes of /api/evidence and /api/search replies: what the server sends and the viewer reads
// (no imports, so the browser bundle can share them).

/** A sentence of a stored document, with where it stands. */
export interface SentenceRef {
  doc: string;
  title?: string;
  date?: string;
  url?: string;
  sentence: string;
  start: number;
  end: number;
}

/** A stretch of a document's text (src/types.ts TextSpan). */
export interface TextSpanRef {
  start: number;
  end: number;
  text: string;
}

export interface EvidenceItem extends SentenceRef {
  trigger: string;
  rule: string;
  reportedBy?: string;
  /** Where the edge's source or target is named when the sentence says "he" or "the bloc" (as in graph.json). */
  antecedents?: { source?: TextSpanRef; target?: TextSpanRef };
}

export interface SearchHit extends SentenceRef {
  /** Keys of the graph edges this sentence is evidence for. */
  edges: string[];
}
