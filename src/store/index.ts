// The embedded store: DIR/newsgraph.db (SQLite through better-sqlite3). graph.json and graph.gexf
// are views derived from it; it is also the extraction cache and what `serve` answers evidence and
// search queries from. Writes happen inside one transaction (an update) or in a new file renamed
// over the old one (a full build), so a crash never leaves a half-written store.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { DamagedError, InputError, OutputError, isNewsgraphError, messageOf } from '../errors';
import { WRITE_ERROR_REASONS, writeErrorReason } from '../export/atomic';
import { graphInput, type GraphInput } from '../graph';
import { antecedentsColumn } from '../graph/antecedents';
import { pieceText, type JoinedLine } from '../extract-parts';
import type { DocumentResult, EntityRecord, Fact, Mention, SourceDocument } from '../types';
import { isRunning } from './lock';
import { SCHEMA, SCHEMA_VERSION } from './schema';

export { contentHash, cacheKey, documentHash, extractionCodeHash, parseCodeHash, pipelineVersion, type CodeHash } from './hash';

export const STORE_FILE = 'newsgraph.db';

/** One line of `newsgraph extract`: a document's result without its origin, plus its content hash. */
export type ExtractLine = Omit<DocumentResult, 'origin'> & { readonly hash: string };

/** A document as the store keeps it. */
export interface StoredDocument {
  readonly id: string;
  /** Content hash of the text (for --from-facts documents: the hash their line carries). */
  readonly hash: string;
  /** Extraction cache key; null when the extraction came from elsewhere (--from-facts). */
  readonly cacheKey: string | null;
  readonly pipeline: string | null;
  readonly title?: string;
  readonly date?: string;
  readonly url?: string;
  readonly origin: string;
  /** The text; null for --from-facts documents, whose text newsgraph never saw. */
  readonly text: string | null;
  /**
   * The extract line (JSON), exactly as `newsgraph extract` prints it; a document read in parts
   * gives it in the pieces it was joined from, which are written and read one by one.
   */
  readonly line: string | JoinedLine;
  /** The line parsed, when the caller has it (parsed here when not; never for a JoinedLine). */
  readonly result?: ExtractLine;
}

export interface DocumentInfo {
  readonly seq: number;
  readonly id: string;
  readonly hash: string;
}

/** What to tell the user about a damaged store: the full build is the way back (the store is derived from the inputs). */
export const DAMAGED_ADVICE = 'rebuild it from the inputs with `newsgraph build INPUTS --out DIR`';

/** SQLite's words for a file that is not (or no longer) a sound database. */
function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (isNewsgraphError(e)) return false;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) return true;
  return /database disk image is malformed|file is not a database/i.test(messageOf(e));
}

/** A store error as the user should see it: damage is DamagedError (exit 3) naming the file, never an internal error. */
export function storeError(e: unknown, file: string): unknown {
  if (isCorruption(e)) return new DamagedError(`damaged (${messageOf(e)}); ${DAMAGED_ADVICE}`, file, { cause: e });
  return e;
}

function openDatabase(file: string, options: Database.Options = {}): Database.Database {
  try {
    return new Database(file, options);
  } catch (e) {
    if (isCorruption(e)) throw storeError(e, file);
    // Not the input's fault (watch retries it): an output-side error.
    throw new OutputError(`cannot open the store (${messageOf(e)})`, file, { cause: e });
  }
}

/** Stores this process has checked, by file and its stamp: a resident watch checks each version once. */
const checked = new Map<string, string>();

function fileStamp(file: string): string {
  const stat = fs.statSync(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/**
 * SQLite's quick_check (every page and record, without index cross-checks: ~O(size), a fraction of
 * a build); undefined when sound, else SQLite's first complaint. A store is never trusted unchecked.
 */
export function integrityProblem(db: Database.Database, file: string): string | undefined {
  let stamp: string | undefined;
  try {
    stamp = fileStamp(file);
    if (checked.get(file) === stamp) return undefined;
  } catch {
    // checked below
  }
  let first: unknown;
  try {
    first = db.pragma('quick_check(1)', { simple: true });
  } catch (e) {
    return messageOf(e);
  }
  if (first !== 'ok') return String(first);
  if (stamp !== undefined) checked.set(file, stamp);
  return undefined;
}

/** After this process committed a store, it needs no check next time. */
function markChecked(file: string): void {
  try {
    checked.set(file, fileStamp(file));
  } catch {
    // not there: nothing to remember
  }
}

/** SQLite's error codes in the words the other outputs use ("disk full", "cannot write: …"). */
const SQLITE_REASONS: Readonly<Record<string, string>> = {
  SQLITE_FULL: WRITE_ERROR_REASONS.ENOSPC ?? 'disk full',
  SQLITE_READONLY: WRITE_ERROR_REASONS.EROFS ?? 'cannot write: read-only file system',
  SQLITE_PERM: WRITE_ERROR_REASONS.EACCES ?? 'cannot write: permission denied',
  SQLITE_IOERR: WRITE_ERROR_REASONS.EIO ?? 'cannot write: input/output error',
};

function storeWriteReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const sqlite = SQLITE_REASONS[code] ?? SQLITE_REASONS[code.replace(/_[A-Z_]*$/, '')];
    if (code.startsWith('SQLITE_')) return sqlite ?? `cannot write the store (${messageOf(e)})`;
    return writeErrorReason(e);
  }
  return `cannot write the store (${messageOf(e)})`;
}

function schemaOf(db: Database.Database): string | undefined {
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value?: unknown } | undefined;
    return typeof row?.value === 'string' ? row.value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a store. `StoreWriter.create` starts a new store in a temporary file that `commit()`
 * renames over DIR/newsgraph.db; `StoreWriter.update` opens the existing one and holds all
 * changes in one transaction until `commit()`. Either way, until commit the old store is intact.
 */
export class StoreWriter {
  private readonly statements: ReturnType<StoreWriter['prepare']>;
  private finished = false;
  private published = false;

  private constructor(
    private readonly db: Database.Database,
    /** The file the store ends up in. */
    readonly file: string,
    /** Where it is written until commit (the same file for an update). */
    private readonly workFile: string,
  ) {
    this.statements = this.prepare();
    this.db.exec('BEGIN');
  }

  /** A new, empty store for DIR (a full build), written beside the old one until publish(). */
  static create(dir: string, staged?: string): StoreWriter {
    const file = path.join(dir, STORE_FILE);
    // A build stages its store in its generation's folder (generation.ts), which moves it in.
    const workFile = staged ?? path.join(dir, `.${STORE_FILE}.${process.pid}.${Date.now()}.tmp`);
    let db: Database.Database;
    try {
      fs.mkdirSync(dir, { recursive: true });
      removeAbandoned(dir);
      // Created by hand first: a file-system error then has its errno (EACCES, ENOSPC…), not SQLite's "cannot open".
      fs.closeSync(fs.openSync(workFile, 'wx'));
      db = new Database(workFile);
      db.pragma('journal_mode = DELETE');
      db.exec(SCHEMA);
      db.prepare("INSERT INTO meta (key, value) VALUES ('schema', ?)").run(SCHEMA_VERSION);
    } catch (e) {
      removeQuietly(workFile);
      throw new OutputError(storeWriteReason(e), file, { cause: e });
    }
    return new StoreWriter(db, file, workFile);
  }

  /** The existing store of DIR, to add documents to (`build --update DIR`). */
  static update(dir: string): StoreWriter {
    const file = path.join(dir, STORE_FILE);
    if (!fs.existsSync(file)) throw new InputError(`no ${STORE_FILE} here to update (build it first with --out)`, dir);
    const db = openDatabase(file, { fileMustExist: true });
    const damage = integrityProblem(db, file);
    if (damage !== undefined) {
      db.close();
      throw new DamagedError(`damaged (${damage}); ${DAMAGED_ADVICE}`, file);
    }
    const schema = schemaOf(db);
    if (schema !== SCHEMA_VERSION) {
      db.close();
      throw new InputError(`the store has schema ${schema ?? 'unknown'}, this newsgraph writes ${SCHEMA_VERSION}: rebuild it with --out instead of --update`, file);
    }
    db.pragma('journal_mode = DELETE');
    return new StoreWriter(db, file, file);
  }

  private prepare() {
    const db = this.db;
    return {
      byId: db.prepare('SELECT seq, id, hash, cache_key AS cacheKey FROM documents WHERE id = ?'),
      byHash: db.prepare('SELECT seq, id, hash FROM documents WHERE hash = ? ORDER BY seq LIMIT 1'),
      cached: db.prepare('SELECT seq, result FROM documents WHERE cache_key = ? LIMIT 1'),
      pieces: db.prepare('SELECT kind, piece FROM line_pieces WHERE doc = ? ORDER BY ord'),
      insertPiece: db.prepare('INSERT INTO line_pieces (doc, ord, kind, piece) VALUES (?, ?, ?, ?)'),
      deletePieces: db.prepare('DELETE FROM line_pieces WHERE doc = ?'),
      textPieces: db.prepare('SELECT piece FROM text_pieces WHERE doc = ? ORDER BY ord').pluck(),
      insertTextPiece: db.prepare('INSERT INTO text_pieces (doc, ord, piece) VALUES (?, ?, ?)'),
      deleteTextPieces: db.prepare('DELETE FROM text_pieces WHERE doc = ?'),
      insertDocument: db.prepare(
        'INSERT INTO documents (id, hash, cache_key, pipeline, title, date, url, origin, text, result) VALUES (@id, @hash, @cacheKey, @pipeline, @title, @date, @url, @origin, @text, @result)',
      ),
      replaceDocument: db.prepare(
        'UPDATE documents SET hash = @hash, cache_key = @cacheKey, pipeline = @pipeline, title = @title, date = @date, url = @url, origin = @origin, text = @text, result = @result WHERE seq = @seq',
      ),
      deleteMentions: db.prepare('DELETE FROM mentions WHERE doc = ?'),
      deleteFacts: db.prepare('DELETE FROM facts WHERE doc = ?'),
      deleteSentences: db.prepare('DELETE FROM sentences WHERE doc = ?'),
      putGraphInput: db.prepare('INSERT INTO graph_inputs (doc, input) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET input = excluded.input'),
      graphInputs: db.prepare('SELECT input FROM graph_inputs ORDER BY doc').pluck(),
      layout: db.prepare('SELECT positions FROM layouts WHERE key = ?').pluck(),
      layoutKeys: db.prepare('SELECT key FROM layouts').pluck(),
      putLayout: db.prepare('INSERT INTO layouts (key, positions) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET positions = excluded.positions WHERE positions <> excluded.positions'),
      deleteLayout: db.prepare('DELETE FROM layouts WHERE key = ?'),
      insertMention: db.prepare('INSERT INTO mentions (doc, char_start, char_end, text, entity, entity_type, rule) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      insertSentence: db.prepare('INSERT INTO sentences (doc, char_start, char_end, text) VALUES (?, ?, ?, ?)'),
      insertFact: db.prepare(
        'INSERT INTO facts (doc, ord, sentence, source, relation, target, negated, hypothetical, trigger, rule, cameo, reported_by, date, antecedents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // Documents with a text always have a pipeline; --from-facts ones (no text) have none.
      stale: db.prepare('SELECT seq FROM documents WHERE pipeline IS NOT NULL AND pipeline <> ? ORDER BY seq').pluck(),
      source: db.prepare('SELECT id, title, date, url, origin, text FROM documents WHERE seq = ?'),
      count: db.prepare('SELECT count(*) FROM documents').pluck(),
      clearMerges: db.prepare('DELETE FROM merges'),
      insertMerge: db.prepare('INSERT INTO merges (id, node) VALUES (?, ?)'),
      meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  byId(id: string): (DocumentInfo & { cacheKey: string | null }) | undefined {
    return this.statements.byId.get(id) as (DocumentInfo & { cacheKey: string | null }) | undefined;
  }

  /** The first document with this content hash, if any. */
  byHash(hash: string): DocumentInfo | undefined {
    return this.statements.byHash.get(hash) as DocumentInfo | undefined;
  }

  /** A cached extraction line for this cache key, if this store has one (a long document's in its pieces). */
  cached(key: string): string | JoinedLine | undefined {
    return cachedLine(this.statements.cached, this.statements.pieces, key);
  }

  get documentCount(): number {
    return Number(this.statements.count.get());
  }

  /**
   * Documents (by seq) whose extraction is older than `pipeline` and whose text is here to redo it.
   * A build or update leaves none behind and records its pipeline in meta, so when that is this
   * pipeline there is nothing to look for (the scan reads every document row: ~40 ms for the BBC).
   */
  stale(pipeline: string): number[] {
    if (this.meta('pipeline') === pipeline) return [];
    return (this.statements.stale.all(pipeline) as unknown[]).map(Number);
  }

  /** A stored document as ingest gave it, to extract again; undefined when its text is not stored. */
  source(seq: number): SourceDocument | undefined {
    const row = this.statements.source.get(seq) as { id: string; title: string | null; date: string | null; url: string | null; origin: string; text: string | null } | undefined;
    if (!row) return undefined;
    const text = row.text ?? ((this.statements.textPieces.all(seq) as string[]).join('') || undefined);
    if (text === undefined) return undefined;
    return {
      id: row.id, text, origin: row.origin,
      ...(row.title !== null ? { title: row.title } : {}), ...(row.date !== null ? { date: row.date } : {}), ...(row.url !== null ? { url: row.url } : {}),
    };
  }

  /** Adds a document, or replaces the one with the same id (keeping its place in the order); returns its graph input. */
  put(doc: StoredDocument): GraphInput {
    const s = this.statements;
    const fields = {
      id: doc.id, hash: doc.hash, cacheKey: doc.cacheKey, pipeline: doc.pipeline, title: doc.title ?? null, date: doc.date ?? null,
      url: doc.url ?? null, origin: doc.origin, text: doc.text !== null && doc.text.length > TEXT_PIECE_CHARS ? null : doc.text,
      result: typeof doc.line === 'string' ? doc.line : null,
    };
    const existing = this.byId(doc.id);
    let seq: number;
    if (existing) {
      seq = existing.seq;
      s.deleteMentions.run(seq);
      s.deleteFacts.run(seq);
      s.deleteSentences.run(seq);
      s.deletePieces.run(seq);
      s.deleteTextPieces.run(seq);
      s.replaceDocument.run({ ...fields, seq });
    } else {
      seq = Number(s.insertDocument.run(fields).lastInsertRowid);
    }
    if (doc.text !== null && fields.text === null) textPieces(doc.text).forEach((piece, ord) => s.insertTextPiece.run(seq, ord, piece));
    let input: GraphInput;
    if (typeof doc.line === 'string') {
      const result = doc.result ?? (JSON.parse(doc.line) as ExtractLine);
      for (const m of result.mentions) s.insertMention.run(seq, m.start, m.end, m.text, m.entity, m.entityType, m.rule);
      input = graphInput(result);
    } else {
      input = this.putPieces(seq, doc.line);
    }
    s.putGraphInput.run(seq, JSON.stringify(input));
    this.putFacts(seq, input.facts);
    return input;
  }

  /**
   * A long document's line, piece by piece: each part's mentions are parsed and written on their
   * own (one part's objects at a time), and its graph input made from their counts.
   */
  private putPieces(seq: number, line: JoinedLine): GraphInput {
    const s = this.statements;
    let ord = 0;
    const piece = (kind: PieceKind, text: string): void => void s.insertPiece.run(seq, ord++, kind, text);
    piece('head', line.head);
    const counts = new Map<string, number>();
    for (const deflated of line.mentions) {
      const mentions = pieceText(deflated);
      piece('mentions', mentions);
      for (const m of JSON.parse(mentions) as Mention[]) {
        s.insertMention.run(seq, m.start, m.end, m.text, m.entity, m.entityType, m.rule);
        counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      }
    }
    piece('entities', line.entities);
    const facts: Fact[] = [];
    for (const deflated of line.facts) {
      const part = pieceText(deflated);
      piece('facts', part);
      for (const f of JSON.parse(part) as Fact[]) facts.push(f);
    }
    piece('hash', line.hash);
    const head = JSON.parse(`${line.head}}`) as Pick<ExtractLine, 'doc' | 'title' | 'date' | 'url'>;
    return graphInput({ ...head, mentions: [], entities: JSON.parse(line.entities) as EntityRecord[], facts }, counts);
  }

  /** A document's facts, each with its evidence sentence (one row per span). */
  private putFacts(seq: number, facts: readonly Fact[]): void {
    const s = this.statements;
    const sentenceIds = new Map<string, number>();
    facts.forEach((f, ord) => {
      const key = `${f.start}:${f.end}`;
      let sentence = sentenceIds.get(key);
      if (sentence === undefined) {
        sentence = Number(s.insertSentence.run(seq, f.start, f.end, f.sentence).lastInsertRowid);
        sentenceIds.set(key, sentence);
      }
      s.insertFact.run(
        seq, ord, sentence, f.source, f.relation, f.target, f.negated ? 1 : 0, f.hypothetical ? 1 : 0, f.trigger, f.rule,
        f.cameo ?? null, f.reportedBy ?? null, f.date ?? null, antecedentsColumn(f.antecedents),
      );
    });
  }

  /** What the graph is derived from: every document's graph input, in store order. */
  *graphInputs(): Generator<GraphInput> {
    for (const input of this.statements.graphInputs.iterate() as IterableIterator<string>) yield JSON.parse(input) as GraphInput;
  }

  /** A component layout kept by the last build (see layout.LayoutCache). */
  layout(key: string): string | undefined {
    return this.statements.layout.get(key) as string | undefined;
  }

  /** Keeps exactly these component layouts: the ones the graph now has. */
  setLayouts(layouts: ReadonlyMap<string, string>): void {
    for (const key of this.statements.layoutKeys.all() as string[]) if (!layouts.has(key)) this.statements.deleteLayout.run(key);
    for (const [key, positions] of [...layouts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) this.statements.putLayout.run(key, positions);
  }

  /** Records which entity ids the graph merged into which node. */
  setMerges(merges: ReadonlyMap<string, string>): void {
    this.statements.clearMerges.run();
    for (const [id, node] of [...merges].sort((a, b) => (a[0] < b[0] ? -1 : 1))) this.statements.insertMerge.run(id, node);
  }

  meta(key: string): string | undefined {
    return this.statements.meta.get(key) as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /**
   * Makes every change durable at once. An update is then in place; a new store is complete in its
   * temporary file and replaces the old one at publish(), so the caller can write the graph files
   * first and leave every output as it was if one of them fails.
   */
  commit(): void {
    if (this.finished) return;
    this.finished = true;
    try {
      this.db.exec('COMMIT');
      this.db.close();
    } catch (e) {
      this.abortQuietly();
      throw new OutputError(storeWriteReason(e), this.file, { cause: e });
    }
    if (this.workFile === this.file) markChecked(this.file);
  }

  /** Puts a committed new store in place of the old one (an update is already in place). */
  publish(): void {
    if (this.workFile === this.file || this.published) return;
    this.published = true;
    try {
      fs.renameSync(this.workFile, this.file);
    } catch (e) {
      removeQuietly(this.workFile);
      throw new OutputError(storeWriteReason(e), this.file, { cause: e });
    }
  }

  /**
   * Drops every change not yet in place: an open transaction is rolled back, a new store's
   * temporary file removed. The store stays as it was (an update committed before stays committed).
   */
  rollback(): void {
    if (!this.finished) {
      this.finished = true;
      this.abortQuietly();
    } else if (!this.published && this.workFile !== this.file) removeQuietly(this.workFile);
  }

  private abortQuietly(): void {
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // the transaction is gone with the connection
    }
    try {
      if (this.db.open) this.db.close();
    } catch {
      // nothing more to release
    }
    if (this.workFile !== this.file) removeQuietly(this.workFile);
  }
}

/**
 * Read access to an existing store: the cache a full rebuild reuses extractions and component
 * layouts from. A store of another schema, or a file that is not a store, gives no cache rather
 * than an error.
 */
export class StoreCache {
  private constructor(
    private readonly db: Database.Database,
    private readonly lookup: Database.Statement,
    private readonly pieces: Database.Statement,
    private readonly layoutLookup: Database.Statement,
    private readonly metaLookup: Database.Statement,
  ) {}

  static open(dir: string, onDamaged?: (file: string, reason: string) => void): StoreCache | undefined {
    const file = path.join(dir, STORE_FILE);
    if (!fs.existsSync(file)) return undefined;
    let db: Database.Database;
    try {
      // Read-write so that SQLite can roll back a hot journal left by a crash before it is read.
      db = new Database(file, { fileMustExist: true });
    } catch (e) {
      if (isCorruption(e)) onDamaged?.(file, messageOf(e));
      return undefined;
    }
    // A damaged store is not a cache: the full build makes a new one from the inputs.
    const damage = integrityProblem(db, file);
    if (damage !== undefined) {
      db.close();
      onDamaged?.(file, damage);
      return undefined;
    }
    if (schemaOf(db) !== SCHEMA_VERSION) {
      db.close();
      return undefined;
    }
    return new StoreCache(
      db,
      db.prepare('SELECT seq, result FROM documents WHERE cache_key = ? LIMIT 1'),
      db.prepare('SELECT kind, piece FROM line_pieces WHERE doc = ? ORDER BY ord'),
      db.prepare('SELECT positions FROM layouts WHERE key = ?').pluck(),
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    );
  }

  get(key: string): string | JoinedLine | undefined {
    return cachedLine(this.lookup, this.pieces, key);
  }

  /** A component layout the old store kept: a rebuild lays out again only what changed. */
  layout(key: string): string | undefined {
    return this.layoutLookup.get(key) as string | undefined;
  }

  meta(key: string): string | undefined {
    return this.metaLookup.get(key) as string | undefined;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * A text longer than this is stored in slices of at most this many characters (text_pieces):
 * binding a 10 MB text at once cost ~3 copies of it (the UTF-8 conversion, SQLite's copy, the record).
 */
export const TEXT_PIECE_CHARS = 1_000_000;

/** `text` in slices of at most TEXT_PIECE_CHARS, never between the halves of a surrogate pair (each slice is stored as UTF-8). */
export function textPieces(text: string, size: number = TEXT_PIECE_CHARS): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + size);
    if (end < text.length && end - at > 1 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

type PieceKind = 'head' | 'mentions' | 'entities' | 'facts' | 'hash';

/**
 * The cached line for `key` (see StoreWriter.cached): the documents row's, or a long document's
 * from its pieces. Pieces that do not make a line (a store written otherwise) give no cache entry:
 * the document is extracted again.
 */
function cachedLine(lookup: Database.Statement, pieces: Database.Statement, key: string): string | JoinedLine | undefined {
  const row = lookup.get(key) as { seq: number; result: string | null } | undefined;
  if (!row) return undefined;
  if (row.result !== null) return row.result;
  const parts: Record<PieceKind, string[]> = { head: [], mentions: [], entities: [], facts: [], hash: [] };
  for (const { kind, piece } of pieces.iterate(row.seq) as IterableIterator<{ kind: string; piece: string }>) {
    if (!Object.hasOwn(parts, kind)) return undefined;
    parts[kind as PieceKind].push(piece);
  }
  const [head, entities, hash] = [parts.head, parts.entities, parts.hash].map((list) => (list.length === 1 ? list[0] : undefined));
  if (head === undefined || entities === undefined || hash === undefined) return undefined;
  return { head, mentions: parts.mentions, entities, facts: parts.facts, hash };
}

/** Temporary stores of builds that were killed (their process is gone): removed at the next build. */
function removeAbandoned(dir: string): void {
  const pattern = new RegExp(`^\\.${STORE_FILE.replace('.', '\\.')}\\.(\\d+)\\.\\d+\\.tmp(-journal)?$`);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    removeQuietly(path.join(dir, name));
  }
}


export function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // best effort: a temporary file
  }
}
