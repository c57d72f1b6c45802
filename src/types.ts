// The data that flows through the pipeline, one document at a time:
// SourceDocument → AnnotatedDocument (tokens) → mentions and entities → facts → DocumentResult.
// These shapes are contracts: `newsgraph extract` prints DocumentResult as NDJSON and the graph
// stage turns a stream of them into graph.json.

export const ENTITY_TYPES = ['person', 'country', 'organization', 'place', 'other'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The fixed relation vocabulary (../shared/README.md). `met` is symmetric. */
export const RELATIONS = [
  'met', 'urged', 'proposed', 'promised', 'accepted', 'rejected', 'supported',
  'accused', 'warned', 'informed', 'aided', 'attacked', 'sanctioned',
  'leader_of', 'member_of', 'located_in',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const SYMMETRIC_RELATIONS: ReadonlySet<Relation> = new Set<Relation>(['met']);
/** Relations of standing (who leads or belongs to what, where it is), not acts. */
export const ROLE_RELATIONS: ReadonlySet<Relation> = new Set<Relation>(['leader_of', 'member_of', 'located_in']);

/** A document as read from disk or stdin, before any analysis. */
export interface SourceDocument {
  /** Stable id: path relative to the input root, or the JSONL `id`. */
  readonly id: string;
  readonly text: string;
  readonly title?: string;
  /** ISO date (YYYY-MM-DD) when known. */
  readonly date?: string;
  readonly url?: string;
  /** Where it came from, for messages: a file path, `file.jsonl:12` or `<stdin>`. */
  readonly origin: string;
  /** The text's content hash (store/hash.ts contentHash), when the reader has computed it already. */
  readonly hash?: string;
}

/** A document's title, date and url: the ones it has, in that key order (every output lists them so). */
export type DocumentMetadata = Pick<SourceDocument, 'title' | 'date' | 'url'>;

/** The title, date and url that are set (not empty, not null), as a document's outputs carry them. */
export function documentMetadata(from: { readonly title?: string | null; readonly date?: string | null; readonly url?: string | null }): DocumentMetadata {
  const metadata: { title?: string; date?: string; url?: string } = {};
  if (from.title) metadata.title = from.title;
  if (from.date) metadata.date = from.date;
  if (from.url) metadata.url = from.url;
  return metadata;
}

export interface Token {
  readonly index: number;
  /** Character offsets into the document text: text.slice(start, end) === value. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly lower: string;
  readonly pos: string;
  readonly lemma: string;
  /** wink-nlp's negation flag: the token lies in the scope of a negation. */
  readonly negated: boolean;
  readonly sentence: number;
  /** True when a line break lies between this token and the previous one. */
  readonly lineStart: boolean;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  /** Inclusive. */
  readonly lastToken: number;
}

export interface AnnotatedDocument {
  readonly source: SourceDocument;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
}

/**
 * The trained models' reading of a document (src/syntax), parallel to its tokens: UPOS from our
 * tagger, a dependency tree per sentence, and named-entity tags.
 */
export interface SyntaxLayer {
  readonly upos: readonly string[];
  /** The head's token index, or -1 for a sentence's root. Heads never leave their sentence. */
  readonly heads: Int32Array;
  /** UD relation of each token to its head (`root` for the root). */
  readonly deprels: readonly string[];
  /** Named-entity tag of each token, BIO: `B-PER`, `I-ORG`, `O` (types PER, LOC, ORG, MISC). */
  readonly ner: readonly string[];
  /**
   * Per sentence, 1 when it was parsed. Extraction parses only the sentences that can hold a fact;
   * an unparsed sentence's tokens keep head -1, deprel `dep` and UPOS `X`.
   */
  readonly parsed: Uint8Array;
}

/** One stretch of text that names an actor, place or topic. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly entityType: EntityType;
  /** Id (stable slug) of the entity this mention resolves to. */
  readonly entity: string;
  readonly firstToken: number;
  /** Inclusive. */
  readonly lastToken: number;
  readonly sentence: number;
  /** Which rule found it (for explanations and tests). */
  readonly rule: string;
}

/** A resolved actor as known after one document (or after merging many). */
export interface EntityRecord {
  readonly id: string;
  readonly label: string;
  readonly entityType: EntityType;
  readonly aliases: readonly string[];
  /** Roles given by titles, e.g. "President of Russia". */
  readonly roles: readonly string[];
  readonly wikidata?: string;
  /** A group of people acting as one ("Muslims", "Afghans", "refugees"); entityType 'other'. */
  readonly group?: true;
  /** Id of the country it lies in, known from the gazetteer, its name or the text (src/entities/containment.ts). */
  readonly country?: string;
  /** Id of the region (state, province) or city it lies in, known the same way. */
  readonly region?: string;
}

/** A stretch of a document's text: text === documentText.slice(start, end). */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The proof of a fact: where in which document it is said. */
export interface Evidence {
  readonly doc: string;
  /** The sentence text, exactly text.slice(start, end). */
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
  /** The word(s) that signal the relation, e.g. "urged". */
  readonly trigger: string;
  /** Id of the rule (verb frame, pattern) that produced the fact. */
  readonly rule: string;
  /** Who reports the fact when it is a third party's claim. */
  readonly reportedBy?: string;
  readonly date?: string;
  /**
   * Where an end is named when the sentence refers to it by a pronoun or a description ("he",
   * "the bloc"): the antecedent mention the reference was resolved to, in the same document.
   */
  readonly antecedents?: { readonly source?: TextSpan; readonly target?: TextSpan };
}

export interface Fact extends Evidence {
  readonly source: string;
  readonly relation: Relation;
  readonly target: string;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  /** CAMEO event code of the act (see relations/frames.ts). */
  readonly cameo?: string;
  /** Goldstein (1992) cooperation–conflict score of the CAMEO code, −10 … +10. */
  readonly goldstein?: number;
}

/** Everything extraction knows about one document: one NDJSON line of `newsgraph extract`. */
export interface DocumentResult {
  readonly doc: string;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  readonly origin: string;
  readonly mentions: readonly Mention[];
  readonly entities: readonly EntityRecord[];
  readonly facts: readonly Fact[];
}
