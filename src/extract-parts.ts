// A document longer than the guard's part size (src/nlp/guard.ts: 100,000 characters, four times
// the longest BBC article) is extracted part by part, each part as a document of its own, and the
// results joined into one. Memory per document is then what one part needs, and the layers whose
// work grows faster than the text within a document (the entity layer's surname and coreference
// passes) are bounded by a part. What a part cannot see is what another part says: a surname is
// resolved and a pronoun read within its part only, which for a text of that size (a report, a
// book, a dump) is the price of bounded time.
import { documentParts, GUARD_LIMITS } from './nlp/guard';
import type { DocumentResult, EntityRecord, Fact, Mention, SourceDocument, TextSpan } from './types';

/** One part's result and the counts its indices are relative to. */
export interface PartResult {
  readonly result: DocumentResult;
  /** Word tokens and sentences the part had: the later parts' indices are shifted by them. */
  readonly tokens: number;
  readonly sentences: number;
}

/**
 * A part sent on its own (to a worker thread, with --jobs > 1): its result then also carries the
 * counts joinParts needs, as `partTokens` and `partSentences` beside the result's fields.
 */
export type PartSource = SourceDocument & { readonly part: true };

export function isPartSource(source: SourceDocument): source is PartSource {
  return (source as Partial<PartSource>).part === true;
}

/** The parts of `source` as documents of their own to extract anywhere, or undefined when it is one part. */
export function partSources(source: SourceDocument, partChars: number = GUARD_LIMITS.partChars): Array<{ start: number; source: PartSource }> | undefined {
  const parts = documentParts(source.text, partChars);
  if (parts.length === 1) return undefined;
  return parts.map((p) => ({ start: p.start, source: { ...source, text: source.text.slice(p.start, p.end), part: true } }));
}

/** A part's result with its counts (what a worker sends back for a PartSource). */
export function withCounts(part: PartResult): DocumentResult & { partTokens: number; partSentences: number } {
  return { ...part.result, partTokens: part.tokens, partSentences: part.sentences };
}

/** The PartResult back from a part's extract line (the counts taken out of the result). */
export function fromCounted(line: string): PartResult {
  const { partTokens, partSentences, ...result } = JSON.parse(line) as DocumentResult & { partTokens: number; partSentences: number };
  return { result, tokens: partTokens, sentences: partSentences };
}

/** Extracts `source` whole when it is short, else in parts joined by joinParts. */
export function extractInParts(source: SourceDocument, extractPart: (part: SourceDocument) => PartResult, partChars: number = GUARD_LIMITS.partChars): DocumentResult {
  if (isPartSource(source)) return withCounts(extractPart(source));
  const parts = documentParts(source.text, partChars);
  if (parts.length === 1) return extractPart(source).result;
  const results = parts.map((p) => ({ start: p.start, ...extractPart({ ...source, text: source.text.slice(p.start, p.end) }) }));
  return joinParts(source, results);
}

/** One result as if the document had been read at once: offsets and indices shifted, entities merged by id. */
export function joinParts(source: SourceDocument, parts: ReadonlyArray<PartResult & { readonly start: number }>): DocumentResult {
  const mentions: Mention[] = [];
  const facts: Fact[] = [];
  const entities = new Map<string, EntityRecord>();
  let tokens = 0;
  let sentences = 0;
  for (const part of parts) {
    const at = part.start;
    for (const m of part.result.mentions) {
      mentions.push({ ...m, start: m.start + at, end: m.end + at, firstToken: m.firstToken + tokens, lastToken: m.lastToken + tokens, sentence: m.sentence + sentences });
    }
    for (const f of part.result.facts) facts.push(shiftFact(f, at));
    for (const e of part.result.entities) entities.set(e.id, mergeEntity(entities.get(e.id), e));
    tokens += part.tokens;
    sentences += part.sentences;
  }
  const first = parts[0]?.result;
  return {
    doc: source.id,
    ...(first?.title !== undefined ? { title: first.title } : {}),
    ...(first?.date !== undefined ? { date: first.date } : {}),
    ...(first?.url !== undefined ? { url: first.url } : {}),
    origin: source.origin,
    mentions,
    entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    facts,
  };
}

function shiftSpan(span: TextSpan | undefined, at: number): TextSpan | undefined {
  return span && { ...span, start: span.start + at, end: span.end + at };
}

function shiftFact(f: Fact, at: number): Fact {
  const shifted: Fact = { ...f, start: f.start + at, end: f.end + at };
  if (!f.antecedents) return shifted;
  const source = shiftSpan(f.antecedents.source, at);
  const target = shiftSpan(f.antecedents.target, at);
  return { ...shifted, antecedents: { ...(source ? { source } : {}), ...(target ? { target } : {}) } };
}

/** The first part's record, with every part's aliases and roles (sorted, as the entity layer gives them). */
function mergeEntity(kept: EntityRecord | undefined, next: EntityRecord): EntityRecord {
  if (!kept) return next;
  const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])].sort();
  return {
    ...next,
    ...kept,
    aliases: union(kept.aliases, next.aliases).filter((a) => a !== kept.label),
    roles: union(kept.roles, next.roles),
  };
}
