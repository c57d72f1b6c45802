// Ingest: paths (files, directories, `-`) → a lazy stream of SourceDocuments.
// Documents are read one at a time so memory follows the graph, not the corpus; every file that
// cannot be used becomes a warning naming the file and the reason, and the rest go on.
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { InputError, UsageError } from '../errors';
import { contentHash } from '../store/hash';
import { documentMetadata, type SourceDocument } from '../types';
import { binaryReason, decodeText, windows1252 } from './decode';
import { fragmentDocument, pageDocument } from './article';
import { PoliteFetcher, type FetchOptions } from './fetch';
import { isUrlInput, readUrl } from './urls';
import { readWarc } from './warc';
import { notEnglishReason } from './language';
import { dateFromText, normalizeDate, titleFromText } from './metadata';

export interface IngestOptions {
  /** Documents (or JSONL lines) larger than this are skipped with a warning. */
  maxDocBytes: number;
  /** Where `-` reads from. */
  stdin: NodeJS.ReadableStream;
  /** Skip documents that are clearly not English (the rules read English only; see language.ts). */
  englishOnly: boolean;
  /** How URL inputs are fetched (fetch/options.ts); the size cap defaults to maxDocBytes. */
  fetch: Partial<FetchOptions>;
  /** Read files that symbolic links inside a directory input point to (`--follow-symlinks`); off: a link there could bring in any file of the machine. */
  followSymlinks: boolean;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  maxDocBytes: 10 * 1024 * 1024,
  stdin: process.stdin,
  englishOnly: true,
  fetch: {},
  followSymlinks: false,
};

export function resolveIngestOptions(partial: Partial<IngestOptions> = {}): IngestOptions {
  const options = { ...DEFAULT_INGEST_OPTIONS, ...partial };
  if (!Number.isInteger(options.maxDocBytes) || options.maxDocBytes < 1) {
    throw new UsageError(`must be a positive integer, got ${String(options.maxDocBytes)}`, '--max-doc-bytes');
  }
  if (typeof options.englishOnly !== 'boolean') throw new UsageError(`must be true or false, got ${String(options.englishOnly)}`, 'englishOnly');
  return options;
}

export interface InputWarning {
  readonly file: string;
  readonly reason: string;
}

type Format = 'text' | 'markdown' | 'html' | 'jsonl' | 'warc';
/** File extensions we read, and how. */
const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.warc': 'warc', '.warc.gz': 'warc',
};

export function formatOf(file: string): Format | undefined {
  return /\.warc\.gz$/i.test(file) ? 'warc' : FORMATS[path.extname(file).toLowerCase()];
}

export const STDIN = '-';

/** One file under a directory input, read with the id the walk of `root` gives it (a watcher reads only what changed). */
export interface InputFile {
  readonly file: string;
  readonly root: string;
}

/** The path an input names, for messages. */
export function inputPath(input: string | InputFile): string {
  return typeof input === 'string' ? input : input.file;
}

/** A document's id: its path relative to the directory input it was found under, else its file name. */
export function documentIdOf(file: string, root?: string): string {
  return root === undefined ? path.basename(file) : path.relative(root, file).split(path.sep).join('/');
}

/**
 * Reads every input lazily. Warnings go to `onWarning`; a document whose content was already
 * seen (same text) is skipped, so duplicated inputs are processed once.
 *
 * Throws InputError when no input gives a usable document. Warnings are held back until the
 * first usable document: when the only input is bad, its one error line is all the user sees
 * (not a warning and then the same words again as the error).
 */
export async function* readDocuments(
  inputs: readonly (string | InputFile)[],
  partialOptions: Partial<IngestOptions>,
  onWarning: (w: InputWarning) => void,
): AsyncGenerator<SourceDocument> {
  const options = resolveIngestOptions(partialOptions);
  let held: InputWarning[] | undefined = [];
  const warn = (w: InputWarning): void => {
    if (held) held.push(w);
    else onWarning(w);
  };
  const seenIds = new Map<string, string>();
  const seenContent = new Map<string, string>();
  // One fetcher for all URL inputs, so that its per-host queue and robots.txt rules span them.
  let fetcher: PoliteFetcher | undefined;
  const fetcherOf = (): PoliteFetcher => (fetcher ??= new PoliteFetcher({ maxBytes: options.maxDocBytes, ...options.fetch }));
  const urls = inputs.filter((i): i is string => typeof i === 'string' && isUrlInput(i));
  if (urls.length > 1) fetcherOf().readAhead(urls);
  try {
    for (const input of inputs) {
      for await (const doc of readInput(input, options, warn, fetcherOf)) {
        if (doc.text.trim() === '') {
          warn({ file: doc.origin, reason: 'no text (blank, or markup only), skipped' });
          continue;
        }
        const foreign = options.englishOnly ? notEnglishReason(doc.text) : undefined;
        if (foreign !== undefined) {
          warn({ file: doc.origin, reason: `${foreign} (the rules read English only), skipped` });
          continue;
        }
        const hash = contentHash(doc.text);
        const sameText = seenContent.get(hash);
        if (sameText !== undefined) {
          warn({ file: doc.origin, reason: `same text as ${sameText}, skipped` });
          continue;
        }
        const sameId = seenIds.get(doc.id);
        if (sameId !== undefined) {
          warn({ file: doc.origin, reason: `document id "${doc.id}" already used by ${sameId}, skipped` });
          continue;
        }
        seenContent.set(hash, doc.origin);
        seenIds.set(doc.id, doc.origin);
        if (held) {
          for (const w of held) onWarning(w);
          held = undefined;
        }
        // The hash goes along: the store and the extract line need it, and 5 MB take ~10 ms to hash.
        yield { ...doc, hash };
      }
    }
  } finally {
    await fetcher?.close();
  }
  if (held) {
    const only = held.length === 1 ? held[0] : undefined;
    if (only) throw new InputError(only.reason.replace(/, skipped$/, ''), only.file);
    for (const w of held) onWarning(w);
    const where = inputs.length > 0 ? inputs.map(inputPath).join(' ') : '(no inputs)';
    throw new InputError(
      held.length === 0
        ? `no documents found (looked for ${Object.keys(FORMATS).join(' ')} files)`
        : `no usable documents (${held.length} problems, see the warnings above)`,
      where,
    );
  }
}

async function* readInput(input: string | InputFile, options: IngestOptions, onWarning: (w: InputWarning) => void, fetcher: () => PoliteFetcher): AsyncGenerator<SourceDocument> {
  if (typeof input === 'string' && isUrlInput(input)) {
    for await (const raw of readUrl(input, fetcher(), onWarning)) yield makeDocument(raw, onWarning);
    return;
  }
  if (typeof input !== 'string') {
    yield* readFile(input.file, documentIdOf(input.file, input.root), options, onWarning, false);
    return;
  }
  if (input === STDIN) {
    yield* readStdin(options, onWarning);
    return;
  }
  let stat;
  try {
    stat = await fs.stat(input);
  } catch (e) {
    onWarning({ file: input, reason: describeFsError(e) });
    return;
  }
  if (stat.isDirectory()) {
    for await (const file of filesUnder(input, onWarning, options.followSymlinks)) {
      yield* readFile(file, documentIdOf(file, input), options, onWarning, false);
    }
  } else {
    yield* readFile(input, documentIdOf(input), options, onWarning, true);
  }
}

/** Files under a directory, sorted by name at each level, so ids and order are stable. */
export async function* filesUnder(dir: string, onWarning: (w: InputWarning) => void, followSymlinks = false): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    onWarning({ file: dir, reason: describeFsError(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // Symbolic links to directories are never followed (no loops); links to files only with
    // --follow-symlinks: inside a folder of articles, a link can point at any file (/etc/passwd).
    if (entry.isDirectory()) yield* filesUnder(full, onWarning, followSymlinks);
    else if (entry.isSymbolicLink() && !followSymlinks) {
      if (formatOf(entry.name)) onWarning({ file: full, reason: 'a symbolic link, not followed (--follow-symlinks reads what it points to), skipped' });
    } else if (formatOf(entry.name)) yield full;
  }
}

async function* readFile(
  file: string,
  id: string,
  options: IngestOptions,
  onWarning: (w: InputWarning) => void,
  explicit: boolean,
): AsyncGenerator<SourceDocument> {
  const format = formatOf(file);
  if (!format) {
    if (explicit) onWarning({ file, reason: `unsupported file type "${path.extname(file) || '(none)'}" (use .txt, .md, .html or .jsonl)` });
    return;
  }
  let read: Awaited<ReturnType<typeof readBounded>>;
  try {
    const stat = await fs.stat(file);
    // A FIFO or a device (a link to /dev/zero named .txt) would block or never end.
    if (!stat.isFile()) {
      onWarning({ file, reason: 'not a regular file, skipped' });
      return;
    }
    if (format === 'jsonl') {
      yield* readJsonl(createReadStream(file), file, id, options, onWarning);
      return;
    }
    if (format === 'warc') {
      // Records are documents, each under --max-doc-bytes; the file itself may be any size.
      for await (const raw of readWarc(file, options, onWarning)) yield makeDocument(raw, onWarning);
      return;
    }
    read = await readBounded(file, options.maxDocBytes);
  } catch (e) {
    onWarning({ file, reason: describeFsError(e) });
    return;
  }
  if ('tooLarge' in read) {
    onWarning({ file, reason: `document is ${read.tooLarge} bytes, over --max-doc-bytes ${options.maxDocBytes}, skipped` });
    return;
  }
  const doc = documentFromBytes(read.bytes, format, id, file, onWarning);
  if (doc) yield doc;
}

/** The file's bytes, or its size when over the limit; never holds more than limit + 1 bytes, even if the file grows. */
async function readBounded(file: string, limit: number): Promise<{ bytes: Buffer } | { tooLarge: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size > limit) return { tooLarge: size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(1 << 20, limit + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { tooLarge: total };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } finally {
    await handle.close();
  }
}

function documentFromBytes(bytes: Uint8Array, format: Format, id: string, origin: string, onWarning: (w: InputWarning) => void): SourceDocument | undefined {
  if (bytes.length === 0) {
    onWarning({ file: origin, reason: 'empty file, skipped' });
    return undefined;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    onWarning({ file: origin, reason: `${decoded.reason}, skipped` });
    return undefined;
  }
  if (decoded.note && decoded.note.startsWith('not valid')) onWarning({ file: origin, reason: decoded.note });
  return makeDocument({ id, text: decoded.text, origin, format }, onWarning);
}

/** A document from its text and what is known about it; `baseUrl`: where a page was fetched from (its canonical URL, when it states one, is the url). */
export function makeDocument(fields: { id: string; text: string; origin: string; format: Format; title?: string; date?: string; url?: string; baseUrl?: string; fragment?: boolean; fallbackDate?: string }, onWarning: (w: InputWarning) => void): SourceDocument {
  let { text, title, date, url } = fields;
  if (fields.format === 'html') {
    const page = fields.fragment === true ? fragmentDocument(text, title) : pageDocument(text, url ?? fields.baseUrl, title);
    if (page.warning !== undefined) onWarning({ file: fields.origin, reason: page.warning });
    text = page.text;
    title ??= page.title;
    date ??= page.date;
    url ??= page.url;
  }
  url ??= fields.baseUrl;
  title ??= titleFromText(text);
  const isoDate = (date ? normalizeDate(date) : undefined) ?? (fields.fallbackDate ? normalizeDate(fields.fallbackDate) : undefined) ?? dateFromText(text);
  return {
    id: fields.id,
    text,
    origin: fields.origin,
    ...documentMetadata({ title, date: isoDate, url }),
  };
}

type ByteStream = AsyncIterable<Buffer | string>;

async function* bytesOf(stream: ByteStream): AsyncGenerator<Buffer> {
  for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

async function* prepend(first: readonly Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

async function* readStdin(options: IngestOptions, onWarning: (w: InputWarning) => void): AsyncGenerator<SourceDocument> {
  // stdin is JSONL when its first non-blank character opens an object, plain text otherwise.
  // Both are streamed: a huge paste is never held whole in memory.
  const chunks = bytesOf(options.stdin as unknown as ByteStream)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headSize = 0;
  let firstByte: number | undefined;
  /** Where the scan for the first non-blank byte goes on; undefined until the BOM question is settled. */
  let scanFrom: number | undefined;
  const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
  for (;;) {
    const r = await chunks.next();
    if (!r.done) {
      head.push(r.value);
      headSize += r.value.length;
    }
    // A BOM can arrive split over chunks: decide once three bytes (or all there is) are in.
    if (scanFrom === undefined && (headSize >= 3 || r.done)) {
      const start = Buffer.concat(head, headSize).subarray(0, 3);
      scanFrom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf ? 3 : 0;
    }
    if (scanFrom !== undefined) {
      // Only the bytes not scanned yet: a long blank prefix is read once.
      let offset = 0;
      for (const chunk of head) {
        const from = Math.max(0, scanFrom - offset);
        offset += chunk.length;
        if (from >= chunk.length) continue;
        firstByte = chunk.subarray(from).find((b) => !isBlank(b));
        if (firstByte !== undefined) break;
      }
      scanFrom = headSize;
    }
    if (firstByte !== undefined || r.done) break;
  }
  if (firstByte === 0x7b /* { */) {
    yield* readJsonl(prepend(head, chunks), '<stdin>', 'stdin', options, onWarning);
    return;
  }
  const kept: Buffer[] = [...head];
  let size = headSize;
  if (size <= options.maxDocBytes) {
    for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
      kept.push(r.value);
      size += r.value.length;
      if (size > options.maxDocBytes) break;
    }
  }
  if (size > options.maxDocBytes) {
    await chunks.return?.(undefined);
    onWarning({ file: '<stdin>', reason: `document is over --max-doc-bytes ${options.maxDocBytes}, skipped` });
    return;
  }
  const doc = documentFromBytes(Buffer.concat(kept, size), 'text', 'stdin', '<stdin>', onWarning);
  if (doc) yield doc;
}

interface JsonlRecord {
  id?: unknown;
  text?: unknown;
  title?: unknown;
  date?: unknown;
  url?: unknown;
  format?: unknown;
}

interface Line {
  /** 1-based; CRLF, LF and a lone CR each end one line. */
  readonly number: number;
  /** The bytes without the line end, or undefined when the line is longer than the limit (never buffered). */
  readonly bytes: Buffer | undefined;
}

/** Splits a byte stream into lines; a line over `limit` bytes is counted but its bytes are dropped as they arrive. */
export async function* splitLines(chunks: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  let afterCR = false;
  let open = false;
  const add = (piece: Buffer): void => {
    if (piece.length === 0) return;
    open = true;
    if (tooLong) return;
    if (size + piece.length > limit) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  const end = (): Line => {
    number++;
    const line: Line = { number, bytes: tooLong ? undefined : Buffer.concat(parts, size) };
    parts = [];
    size = 0;
    tooLong = false;
    open = false;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    if (afterCR && chunk[0] === 0x0a) from = 1; // the LF of a CRLF split across chunks
    afterCR = false;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (b !== 0x0a && b !== 0x0d) continue;
      add(chunk.subarray(from, i));
      yield end();
      if (b === 0x0d) {
        if (i + 1 < chunk.length) {
          if (chunk[i + 1] === 0x0a) i++;
        } else {
          afterCR = true;
        }
      }
      from = i + 1;
    }
    add(chunk.subarray(from));
  }
  if (open) yield end();
}

/** How many malformed lines of one file are named one by one; the rest are counted in one warning. */
const MAX_LINE_WARNINGS = 20;

async function* readJsonl(
  stream: ByteStream,
  file: string,
  fileId: string,
  options: IngestOptions,
  onWarning: (w: InputWarning) => void,
): AsyncGenerator<SourceDocument> {
  let lineWarnings = 0;
  let unnamed = 0;
  const lineWarning = (w: InputWarning): void => {
    if (++lineWarnings <= MAX_LINE_WARNINGS) onWarning(w);
    else unnamed++;
  };
  let records = 0;
  let notUtf8: number | undefined;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const { number, bytes } of splitLines(bytesOf(stream), options.maxDocBytes)) {
      const where = `${file}:${number}`;
      if (bytes === undefined) {
        lineWarning({ file: where, reason: `line is over --max-doc-bytes ${options.maxDocBytes}, skipped` });
        continue;
      }
      let raw = bytes;
      if (number === 1) {
        if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
        else if ((raw[0] === 0xff && raw[1] === 0xfe) || (raw[0] === 0xfe && raw[1] === 0xff)) {
          onWarning({ file, reason: 'UTF-16 JSONL is not supported (save it as UTF-8), skipped' });
          return;
        }
        const binary = binaryReason(raw);
        if (binary) {
          onWarning({ file, reason: `${binary}, skipped` });
          return;
        }
      }
      let line: string;
      try {
        line = decoder.decode(raw);
      } catch {
        notUtf8 ??= number;
        line = windows1252(raw);
      }
      if (line.trim() === '') continue;
      let record: JsonlRecord;
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
        record = parsed as JsonlRecord;
      } catch (e) {
        lineWarning({ file: where, reason: `malformed JSON line (${e instanceof Error ? e.message : String(e)}), skipped` });
        continue;
      }
      if (typeof record.text !== 'string') {
        lineWarning({ file: where, reason: 'no "text" string in this line, skipped' });
        continue;
      }
      records++;
      const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `${fileId}#${number}`;
      yield makeDocument({
        id,
        text: record.text,
        origin: where,
        format: record.format === 'html' ? 'html' : 'text',
        ...(typeof record.title === 'string' ? { title: record.title } : {}),
        ...(typeof record.date === 'string' ? { date: record.date } : {}),
        ...(typeof record.url === 'string' ? { url: record.url } : {}),
      }, onWarning);
    }
  } catch (e) {
    onWarning({ file, reason: describeFsError(e) });
    return;
  }
  if (unnamed > 0) onWarning({ file, reason: `${unnamed} more lines skipped (only the first ${MAX_LINE_WARNINGS} problems are named)` });
  if (notUtf8 !== undefined) onWarning({ file, reason: `not valid UTF-8 (first at line ${notUtf8}); those lines decoded as Windows-1252` });
  if (records === 0 && lineWarnings === 0) onWarning({ file, reason: 'empty file (no JSON lines), skipped' });
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

export function describeFsError(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_REASONS[code]) return FS_REASONS[code];
  return e instanceof Error ? e.message : String(e);
}
