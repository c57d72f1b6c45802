// A document longer than the guard's part size (src/nlp/guard.ts: 100,000 characters, four times
// the longest BBC article) is extracted part by part, each part as a document of its own, and the
// results joined into one. Memory per document is then what one part needs, and the layers whose
// work grows faster than the text within a document (the entity layer's surname and coreference
// passes) are bounded by a part. What a part cannot see is what another part says: a surname is
// resolved and a pronoun read within its part only, which for a text of that size (a report, a
// book, a dump) is the price of bounded time.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { documentParts, GUARD_LIMITS } from './nlp/guard';
import { documentHash } from './store/hash';
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

/** Whether `source` is read in parts (longer than a part). */
export function readInParts(source: SourceDocument, partChars: number = GUARD_LIMITS.partChars): boolean {
  return source.text.length > partChars;
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

/** The parts of `source` to extract one after another (one part: the whole text, as it is). */
function eachPart(source: SourceDocument, partChars: number): Array<{ start: number; source: SourceDocument }> {
  const parts = documentParts(source.text, partChars);
  if (parts.length === 1) return [{ start: 0, source }];
  return parts.map((p) => ({ start: p.start, source: { ...source, text: source.text.slice(p.start, p.end) } }));
}

/**
 * The extract line of `source` (what documentLine gives for extractInParts' result), with a long
 * document's parts read one at a time and each turned into JSON text at once: memory holds one
 * part's objects, not the whole document's.
 */
export function extractLineInParts(source: SourceDocument, extractPart: (part: SourceDocument) => PartResult, line: (result: DocumentResult, source: SourceDocument) => string, partChars: number = GUARD_LIMITS.partChars): string {
  const joined = extractJoinedInParts(source, extractPart, line, partChars);
  return typeof joined === 'string' ? joined : lineOf(joined);
}

/**
 * The same, with a long document's line left in the pieces it is joined from (JoinedLine): the
 * build writes them to the store one by one, so the whole line never exists as one string.
 */
export function extractJoinedInParts(source: SourceDocument, extractPart: (part: SourceDocument) => PartResult, line: (result: DocumentResult, source: SourceDocument) => string, partChars: number = GUARD_LIMITS.partChars): string | JoinedLine {
  if (isPartSource(source)) return line(withCounts(extractPart(source)), source);
  const parts = eachPart(source, partChars);
  if (parts.length === 1) return line(extractPart(source).result, source);
  const joiner = new PartJoiner();
  for (const part of parts) joiner.add(extractPart(part.source), part.start);
  return joiner.joined(source);
}

/**
 * A long document's extract line as the JSON pieces it is joined from; lineOf concatenates them
 * into the line, byte for byte. Each piece is one part's (bounded by the part size), or the
 * document's merged entities. Kept apart, they are one byte a character wherever their own text
 * allows (one entity label such as "Gīlān" made a joined 23 M-character line two bytes a
 * character: 46 MB), and the store reads each part's mentions on its own. The joiner keeps each
 * part's mentions and facts deflated (Piece) while the later parts are read.
 */
export interface JoinedLine {
  /** `{"doc":…` with the title, date and url: the line's head, without its closing brace. */
  readonly head: string;
  /** Each part's mentions (parts with none left out), as a JSON array. */
  readonly mentions: readonly Piece[];
  /** The merged entity records, as a JSON array. */
  readonly entities: string;
  /** Each part's facts (parts with none left out), as a JSON array. */
  readonly facts: readonly Piece[];
  /** The content hash, as a JSON string. */
  readonly hash: string;
}

/** The line's text in order, piece by piece (their concatenation is lineOf). */
export function* lineText(line: JoinedLine): Generator<string> {
  // JSON.stringify of an array is its items' JSON joined by commas, and each piece is an array's
  // JSON: the insides of the pieces, joined by commas, make the whole list.
  yield line.head;
  yield ',"mentions":[';
  for (let i = 0; i < line.mentions.length; i++) yield `${i > 0 ? ',' : ''}${pieceText(line.mentions[i] as Piece).slice(1, -1)}`;
  yield `],"entities":${line.entities},"facts":[`;
  for (let i = 0; i < line.facts.length; i++) yield `${i > 0 ? ',' : ''}${pieceText(line.facts[i] as Piece).slice(1, -1)}`;
  yield `],"hash":${line.hash}}`;
}

/**
 * A piece of JSON text, or its UTF-8 deflated: how the joiner keeps each part's mentions and facts
 * until the document's last part is read (mentions are nine tenths of a line and deflate ~10:1;
 * on the 10 MB document, 23 MB of text held through the extraction became ~3 MB, for ~0.2 s).
 */
export type Piece = string | Buffer;

/** A piece's JSON text. */
export function pieceText(piece: Piece): string {
  return typeof piece === 'string' ? piece : inflateRawSync(piece).toString('utf8');
}

function deflated(json: string): Buffer {
  return deflateRawSync(Buffer.from(json, 'utf8'), { level: 1 });
}

/** The extract line of a JoinedLine, as one string. */
export function lineOf(line: JoinedLine): string {
  return [...lineText(line)].join('');
}

/** Extracts `source` whole when it is short, else in parts joined by joinParts. */
export function extractInParts(source: SourceDocument, extractPart: (part: SourceDocument) => PartResult, partChars: number = GUARD_LIMITS.partChars): DocumentResult {
  if (isPartSource(source)) return withCounts(extractPart(source));
  const parts = documentParts(source.text, partChars);
  if (parts.length === 1) return extractPart(source).result;
  const results = parts.map((p) => ({ start: p.start, ...extractPart({ ...source, text: source.text.slice(p.start, p.end) }) }));
  return joinParts(source, results);
}

/**
 * A long document's parts joined into its extract line (documentLine of joinParts' result, byte
 * for byte), one part at a time in text order: each part's mentions and facts are kept only as
 * deflated JSON text (Piece), entities as records merged by id.
 */
export class PartJoiner {
  private readonly mentions: Piece[] = [];
  private readonly facts: Piece[] = [];
  private readonly entities = new Map<string, EntityRecord>();
  private head: Pick<DocumentResult, 'title' | 'date' | 'url'> | undefined;
  private tokens = 0;
  private sentences = 0;

  /** Adds the next part (parts come in text order), which starts at character `start` of the document. */
  add(part: PartResult, start: number): void {
    const r = part.result;
    this.head ??= {
      ...(r.title !== undefined ? { title: r.title } : {}),
      ...(r.date !== undefined ? { date: r.date } : {}),
      ...(r.url !== undefined ? { url: r.url } : {}),
    };
    if (r.mentions.length > 0) this.mentions.push(deflated(JSON.stringify(r.mentions.map((m) => shiftMention(m, start, this.tokens, this.sentences)))));
    if (r.facts.length > 0) this.facts.push(deflated(JSON.stringify(r.facts.map((f) => shiftFact(f, start)))));
    for (const e of r.entities) this.entities.set(e.id, mergeEntity(this.entities.get(e.id), e));
    this.tokens += part.tokens;
    this.sentences += part.sentences;
  }

  /** The document's extract line (without the trailing newline). */
  line(source: SourceDocument): string {
    return lineOf(this.joined(source));
  }

  /** The document's extract line in its pieces; the joiner lets go of them. */
  joined(source: SourceDocument): JoinedLine {
    const entities = [...this.entities.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const joined: JoinedLine = {
      head: latin1(JSON.stringify({ doc: source.id, ...this.head })).slice(0, -1),
      mentions: this.mentions.splice(0),
      entities: latin1(JSON.stringify(entities)),
      facts: this.facts.splice(0),
      hash: JSON.stringify(documentHash(source)),
    };
    this.entities.clear();
    return joined;
  }
}

/**
 * The same text held in one byte a character when every character fits (JSON of our results is
 * nearly all ASCII). V8 keeps a string built from a two-byte one two-byte whatever its characters,
 * and entity ids parsed from the gazetteer's JSON (which has non-Latin-1 names) are two-byte: one
 * such id made every line of a long document two bytes a character (45 MB for 22 M characters).
 */
export function latin1(text: string): string {
  return NON_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

const NON_LATIN1 = /[^\x00-\xff]/;

function shiftMention(m: Mention, at: number, tokens: number, sentences: number): Mention {
  return { ...m, start: m.start + at, end: m.end + at, firstToken: m.firstToken + tokens, lastToken: m.lastToken + tokens, sentence: m.sentence + sentences };
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
      mentions.push(shiftMention(m, at, tokens, sentences));
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
