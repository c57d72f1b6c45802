// Extraction: one document in, its mentions, entities and facts out (nlp → entities → relations),
// and the service that runs it in this thread or in worker threads for the commands. Kept apart
// from the rest of the pipeline so that a worker thread loads only what extraction needs.
import { setFlagsFromString } from 'node:v8';
import { annotate } from './nlp';
import { buildLexicon, defaultLexicon, recognizeEntities, type AliasEntry, type EntityLayer, type Lexicon } from './entities';
import { anaphorWord, attackWord, detentionWord, extractRelations, topicWord, triggerWord } from './relations';
import { parseDocument, syntaxModels, tagDocument, tagForParsing, tokenNames } from './syntax';
import { documentHash } from './store/hash';
import { extractInParts, extractJoinedInParts, extractLineInParts, fromCounted, isPartSource, latin1, lineOf, PartJoiner, partSources, type JoinedLine, type PartResult } from './extract-parts';
import { ExtractPool } from './workers/pool';
import { documentMetadata, type AnnotatedDocument, type DocumentResult, type SourceDocument } from './types';

export type Extractor = (source: SourceDocument) => DocumentResult;

export interface ExtractorOptions {
  readonly aliases?: readonly AliasEntry[];
  /** Read the trained NER (default); false gives the rules alone, for evaluations that compare. */
  readonly models?: boolean;
}

/** One document in, everything known about it out: a pure map (what `newsgraph extract` prints). */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const part = partExtractor(options);
  // A document longer than the guard's part size is read part by part (extract-parts.ts).
  return (source) => extractInParts(source, part);
}

/**
 * The same as documentLine(createExtractor(options)(source), source), for the commands: a long
 * document's parts are turned into JSON as they are read, so its objects never all exist at once.
 */
export function createLineExtractor(options: ExtractorOptions = {}): (source: SourceDocument) => string {
  const part = partExtractor(options);
  return (source) => extractLineInParts(source, part, documentLine);
}

/**
 * The same as createLineExtractor for several documents at once, each stage over all of them
 * together (see createBatchExtractor): for a worker thread, which is given documents in batches.
 */
export function createBatchLineExtractor(options: ExtractorOptions = {}): (sources: readonly SourceDocument[]) => Array<{ readonly line: string } | { readonly error: unknown }> {
  const many = createBatchExtractor(options);
  return (sources) => many(sources).map((o) => ('line' in o ? { line: typeof o.line === 'string' ? o.line : lineOf(o.line) } : o));
}

/** What a batch gives for one document: its line, or what it threw. */
type Outcome = { readonly line: string | JoinedLine } | { readonly error: unknown };

/**
 * Several documents' lines at once (a long document's left in its pieces, extract-parts.ts
 * JoinedLine, for the build's store), the stages run over all of them together (partsExtractor).
 * A document read in parts is extracted alone; when the batch throws, each of its documents is
 * extracted alone, so that an error is its own document's and the others keep their lines.
 */
function createBatchExtractor(options: ExtractorOptions = {}): (sources: readonly SourceDocument[]) => Outcome[] {
  const many = partsExtractor(options);
  const one = (part: SourceDocument): PartResult => many([part])[0] as PartResult;
  const alone = (source: SourceDocument): Outcome => {
    try {
      return { line: extractJoinedInParts(source, one, documentLine) };
    } catch (error) {
      return { error };
    }
  };
  // read in parts, or not readable at all (then alone() says why)
  const apart = (source: SourceDocument): boolean => {
    try {
      return isPartSource(source) || partSources(source) !== undefined;
    } catch {
      return true;
    }
  };
  const run = (sources: readonly SourceDocument[], together: readonly number[], out: Array<Outcome | undefined>): void => {
    try {
      const results = many(together.map((i) => sources[i] as SourceDocument));
      together.forEach((i, k) => {
        out[i] = { line: documentLine((results[k] as PartResult).result, sources[i] as SourceDocument) };
      });
    } catch {
      for (const i of together) out[i] = alone(sources[i] as SourceDocument);
    }
  };
  return (sources) => {
    const out = new Array<Outcome | undefined>(sources.length);
    // at most about BATCH_CHARS of text analysed at once, as a worker's requests come unsized
    let together: number[] = [];
    let chars = 0;
    sources.forEach((s, i) => {
      if (apart(s)) return;
      together.push(i);
      chars += s.text.length;
      if (chars < BATCH_CHARS) return;
      run(sources, together, out);
      together = [];
      chars = 0;
    });
    if (together.length > 0) run(sources, together, out);
    return sources.map((s, i) => out[i] ?? alone(s));
  };
}

/** Extraction of one part (or a whole document of news size): nlp → syntax → entities → relations. */
function partExtractor(options: ExtractorOptions): (part: SourceDocument) => PartResult {
  const many = partsExtractor(options);
  return (part) => many([part])[0] as PartResult;
}

/**
 * Extraction of several parts (or documents of news size), each stage over all of them before the
 * next: the same results as one by one, faster. The models' tables (the parser's ~26 MB, the
 * tagger's and the NER's a few MB each) are what their stages wait for, and the other stages of
 * one document push them out of the processor's caches; the parser took 3.5 times longer per word
 * in the pipeline, document after document, than over the same sentences on their own.
 */
function partsExtractor(options: ExtractorOptions): (parts: readonly SourceDocument[]) => PartResult[] {
  const lexicon = lexiconFor(options.aliases);
  const models = options.models ?? true;
  return (parts) => {
    const annotated = parts.map((part) => annotate(part)); // nlp: tokens, sentences, POS
    // syntax: the trained NER's names
    const tagged = annotated.map((doc) => (models ? tagDocument(doc) : undefined));
    const names = annotated.map((doc, i) => {
      const t = tagged[i];
      return t && tokenNames(doc, t);
    });
    // entities: mentions → one id per actor
    const entities = annotated.map((doc, i) => recognizeEntities(doc, lexicon, names[i]));
    // syntax: a tree for each sentence that can hold a fact; the batch is tagged before any of it
    // is parsed (tagForParsing)
    const selected = annotated.map((doc, i) => factSentences(doc, entities[i] as EntityLayer));
    const toParse = tagged.map((t, i) => t && tagForParsing(t, selected[i] as (sentence: number) => boolean));
    const syntax = annotated.map((doc, i) => {
      const t = toParse[i];
      const n = names[i];
      const layer = entities[i] as EntityLayer;
      return t && n && parseDocument(doc, t, n, selected[i] as (sentence: number) => boolean, syntaxModels(), nameTokens(doc, layer));
    });
    return parts.map((part, i) => {
      const doc = annotated[i] as AnnotatedDocument;
      const layer = entities[i] as EntityLayer;
      const relations = extractRelations(doc, layer, syntax[i]); // relations: who did what to whom
      const result = {
        doc: part.id,
        ...documentMetadata(part),
        origin: part.origin,
        mentions: layer.mentions,
        entities: layer.entities,
        facts: [...layer.facts, ...relations],
      };
      return { result, tokens: doc.tokens.length, sentences: doc.sentences.length };
    });
  };
}

/**
 * Sentences that name two different actors (pronouns and descriptions count as the actor they
 * stand for, a name in a title phrase as its own: "the Kremlin leader"; places do not act) and
 * hold a word that can signal a fact: only they can hold a fact between two actors, and parsing is
 * what extraction spends most on. Measured on a sixth of the BBC corpus: 33% of the sentences,
 * the same facts as parsing every sentence with two references (45%). A topic ("the plan", type
 * other) never acts and is a target only for the frames that take one (topicWord): one actor and
 * a topic are parsed only with such a word (5% fewer parses on BBC, the same facts).
 */
function factSentences(doc: AnnotatedDocument, layer: EntityLayer): (sentence: number) => boolean {
  const count = doc.sentences.length;
  // per sentence: the first actor that can act, whether a second one acts, whether a topic is named
  const first = new Array<string | undefined>(count);
  const two = new Uint8Array(count);
  const topic = new Uint8Array(count);
  // A place is a second end only for an attack ("a strike on a school in Gaza City").
  const place = new Uint8Array(count);
  for (const r of layer.references) {
    if (r.sentence >= count) continue;
    if (r.entityType === 'place') {
      place[r.sentence] = 1;
      continue;
    }
    if (r.entityType === 'other') {
      topic[r.sentence] = 1;
      continue;
    }
    const seen = first[r.sentence];
    if (seen === undefined) first[r.sentence] = r.entity;
    else if (seen !== r.entity) two[r.sentence] = 1;
  }
  // …and a word that can signal a fact.
  const trigger = new Uint8Array(count);
  // One actor and a word that takes up an earlier act ("Pakistan rejected the move") make a fact too.
  const anaphor = new Uint8Array(count);
  for (const t of doc.tokens) if (anaphorWord(t)) anaphor[t.sentence] = 1;
  for (const t of doc.tokens) {
    const s = t.sentence;
    if (trigger[s] === 1) continue;
    const actor = first[s] !== undefined;
    // (a topic counts as the one named end of the place and anaphor readings, as before)
    const one = actor || topic[s] === 1;
    if ((two[s] === 1 && triggerWord(t)) || (actor && topic[s] === 1 && topicWord(t)) || (place[s] === 1 && one && attackWord(t)) || (anaphor[s] === 1 && one && triggerWord(t)) || (actor && detentionWord(t))) trigger[s] = 1;
  }
  return (sentence) => trigger[sentence] === 1;
}

/** Capitalised tokens of the names the entity layer found (not demonyms, titles or descriptions). */
function nameTokens(doc: AnnotatedDocument, layer: EntityLayer): Uint8Array {
  const out = new Uint8Array(doc.tokens.length);
  for (const r of layer.references) {
    if (!NAMED_VIA.has(r.via)) continue;
    for (let i = r.firstToken; i <= r.lastToken; i++) if (/^\p{Lu}/u.test(doc.tokens[i]?.value ?? '')) out[i] = 1;
  }
  return out;
}

const NAMED_VIA: ReadonlySet<string> = new Set(['name', 'lexicon', 'seat', 'capital']);

export function lexiconFor(aliases: readonly AliasEntry[] | undefined): Lexicon {
  return aliases?.length ? buildLexicon(aliases) : defaultLexicon();
}

/** A result as one line of `newsgraph extract` (without the trailing newline): no origin, plus the text's content hash; one byte a character in memory where it can be (extract-parts.ts latin1). */
export function documentLine(result: DocumentResult, source: Pick<SourceDocument, 'text' | 'hash'>): string {
  const { origin: _origin, ...line } = result;
  void _origin;
  return latin1(JSON.stringify({ ...line, hash: documentHash(source) }));
}

/** How many documents may be read ahead of the one being stored, per extraction thread (see ExtractPool.READ_AHEAD). */
const READ_AHEAD_PER_JOB = ExtractPool.READ_AHEAD;

/**
 * Worker threads pay off only with enough to do: each first loads the language model and the
 * gazetteers, and V8 compiles the extraction code again in each (seconds of CPU before a worker
 * runs at full speed). The pool starts once a run has had this many documents to extract; until
 * then they are extracted in this thread.
 */
export const POOL_AFTER_DOCUMENTS = 16;

/**
 * In this thread, documents are extracted in batches of up to this many (partsExtractor: each
 * stage over the batch before the next), or fewer once they hold BATCH_CHARS of text, so that a
 * batch never holds much more than one long document's analysis. Measured on the BBC corpus
 * (createExtractor's stages, one process, interleaved): batches of 4, 16 and 48 documents took
 * 0.88, 0.82 and 0.86 of the CPU time of one by one; per stage, batches of 1, 16, 32, 64 and 128
 * took 20.5, 17.3, 16.2, 17.5 and 17.9 s (load 7-10). The reader's read-ahead (readAhead, 32
 * documents) bounds a batch too.
 */
const BATCH_DOCUMENTS = 32;
const BATCH_CHARS = 128_000;

/**
 * Extraction leaves much short-lived garbage behind each document, and V8 lets a heap grow to
 * several times its live data between full collections: on a 10 MB document the process peaked
 * at 0.74 GB RSS while ~0.15 GB was live after each full collection. Growing the heap by at most
 * half of what is live keeps the peak near what is used: measured 0.50 GB there (`extract --jobs
 * 1`), 0.34 GB instead of 0.43–0.48 GB on the BBC corpus, 0.57 GB instead of 0.66 GB with `--jobs
 * 2`, with no difference in CPU time beyond the noise of a shared machine (±5%). The flag is
 * process-wide (the worker threads' heaps follow it too) and V8 reads it at each collection.
 */
function keepHeapNearLiveData(): void {
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * V8 optimises a function once it has run about 66 KB of bytecode (--interrupt-budget=67584). Most
 * of extraction is long rule functions over objects of many shapes: optimised that early, they
 * meet a shape they had not seen, are thrown away and compiled again (on the BBC corpus 1,572
 * TurboFan compilations, 422 deoptimisations, `resolveLoneNames` compiled 9 times), and the
 * compiler threads took about a third of the process's CPU time. Waiting for 1 MB of bytecode
 * lets a function see its shapes first: `extract` of the 2,225 BBC articles took 16.1 and 15.3 s of
 * CPU instead of 18.4 and 18.5 (`--jobs 1`), 19.1 and 18.7 instead of 21.8 and 24.0 (`--jobs 2`),
 * the same bytes; 0.3 M and 3 M measured between. Process-wide, so the worker threads follow it,
 * and read by V8 whenever it resets a function's budget. It changes when code is optimised, never
 * what it computes.
 */
function optimiseLater(): void {
  setFlagsFromString('--interrupt-budget=1000000');
}

interface Waiting {
  readonly source: SourceDocument;
  readonly resolve: (line: string | JoinedLine) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Extraction as a service for the commands: in this thread (`jobs` = 1, or little to extract) or in
 * a pool of `jobs` worker threads. Each call gives the document's extract line. With jobs > 1,
 * documents are held back until POOL_AFTER_DOCUMENTS have asked (the pool starts and takes them)
 * or until the reader must wait for a result (`settle()`: with fewer, they are extracted here).
 * Nothing loads before it is needed, so a run that extracts nothing (everything cached) never
 * loads the language model.
 *
 * Once the pool runs, this thread does not extract, although it is mostly idle. Each thread that
 * extracts compiles the extraction code anew (V8 optimises per thread), which is what decides:
 * jobs − 1 workers plus this thread measured ~5% slower once warm (faster only for cold runs of
 * under ~2,000 documents, by one cold worker fewer), and this thread extracting just while the
 * workers load was slower than both (a third thread compiling).
 */
export class Extraction {
  private pool: ExtractPool | undefined;
  private local: ((sources: readonly SourceDocument[]) => Outcome[]) | undefined;
  private waiting: Waiting[] = [];
  /** jobs = 1: the documents waiting for their batch, and their characters. */
  private batch: Waiting[] = [];
  private batchChars = 0;
  private requests = 0;
  private fromPool = 0;

  constructor(readonly jobs: number, private readonly aliases: readonly AliasEntry[]) {
    keepHeapNearLiveData();
    optimiseLater();
  }

  /** How far orderedMap may read ahead: enough to keep the workers busy, and to start the pool at once. */
  get readAhead(): number {
    return Math.max(this.jobs * READ_AHEAD_PER_JOB, POOL_AFTER_DOCUMENTS);
  }

  /** Documents the workers have answered so far (the rest were extracted in this thread). */
  get inWorkers(): number {
    return this.fromPool;
  }

  line(source: SourceDocument): Promise<string> | string {
    const joined = this.joined(source);
    if (typeof joined === 'string') return joined;
    if (joined instanceof Promise) return joined.then((j) => (typeof j === 'string' ? j : lineOf(j)));
    return lineOf(joined);
  }

  /** The document's extract line; a long document's in the pieces it is joined from (JoinedLine), which the store takes one by one. */
  joined(source: SourceDocument): Promise<string | JoinedLine> | string | JoinedLine {
    // A huge document's parts go to the threads as documents of their own, then are joined
    // (extract-parts.ts): the same line as extracting it here, in a fraction of the time.
    const parts = this.jobs > 1 ? partSources(source) : undefined;
    if (parts) return this.inParts(source, parts);
    this.requests++;
    if (this.jobs === 1) return this.inBatch(source);
    if (this.pool) return this.viaPool(this.pool, source);
    return new Promise<string | JoinedLine>((resolve, reject) => {
      this.waiting.push({ source, resolve, reject });
      if (this.requests >= POOL_AFTER_DOCUMENTS) this.startPool();
    });
  }

  /**
   * The parts' lines are joined in text order as they become available: each is parsed and turned
   * into the joiner's JSON pieces, then let go, so only compact text waits (no part's objects).
   */
  private async inParts(source: SourceDocument, parts: NonNullable<ReturnType<typeof partSources>>): Promise<JoinedLine> {
    const pending = parts.map((p) => this.line(p.source));
    // a part that fails while an earlier one is awaited is reported when its turn comes
    for (const p of pending) if (typeof p !== 'string') p.catch(() => undefined);
    const joiner = new PartJoiner();
    for (let i = 0; i < parts.length; i++) {
      const line = await (pending[i] as Promise<string> | string);
      pending[i] = '';
      joiner.add(fromCounted(line), parts[i]?.start ?? 0);
    }
    return joiner.joined(source);
  }

  /**
   * The reader is about to wait: nothing may stay held back. (A batch of this thread's is not
   * extracted here: the reader calls this before each result it takes, mostly one read long ago,
   * and would cut the batches to one document; each batch is extracted when full or on the event
   * loop's next turn, see inBatch.)
   */
  readonly settle = (): void => {
    if (this.waiting.length === 0) return;
    if (this.requests >= POOL_AFTER_DOCUMENTS) {
      this.startPool();
      return;
    }
    const held = this.waiting;
    this.waiting = [];
    this.here(held);
  };

  /**
   * jobs = 1: the document waits for its batch, which is extracted when full or on the event
   * loop's next turn (setImmediate), whichever comes first: the reader reads ahead while its
   * input is at hand (promise callbacks only), and a result it waits for is never held back
   * beyond that turn.
   */
  private inBatch(source: SourceDocument): Promise<string | JoinedLine> {
    return new Promise<string | JoinedLine>((resolve, reject) => {
      if (this.batch.length === 0) setImmediate(this.runBatch);
      this.batch.push({ source, resolve, reject });
      this.batchChars += source.text.length;
      if (this.batch.length >= BATCH_DOCUMENTS || this.batchChars >= BATCH_CHARS) this.runBatch();
    });
  }

  private readonly runBatch = (): void => {
    if (this.batch.length === 0) return;
    const held = this.batch;
    this.batch = [];
    this.batchChars = 0;
    this.here(held);
  };

  private startPool(): void {
    const pool = (this.pool ??= new ExtractPool(this.jobs, this.aliases));
    const held = this.waiting;
    this.waiting = [];
    for (const w of held) this.viaPool(pool, w.source).then(w.resolve, w.reject);
  }

  private viaPool(pool: ExtractPool, source: SourceDocument): Promise<string> {
    const line = pool.extract(source);
    const count = (): void => {
      this.fromPool++;
    };
    line.then(count, count);
    return line;
  }

  /** Extracts the held documents in this thread, together, and settles each one's promise. */
  private here(held: readonly Waiting[]): void {
    this.local ??= createBatchExtractor({ aliases: this.aliases });
    const outcomes = this.local(held.map((w) => w.source));
    held.forEach((w, i) => {
      const o = outcomes[i];
      if (o && 'line' in o) w.resolve(o.line);
      else w.reject(o?.error);
    });
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
