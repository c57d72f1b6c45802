// Ingest: paths (files, directories, `-`) → a lazy stream of SourceDocuments.
// Documents are read one at a time so memory follows the graph, not the corpus; every file that
// cannot be used becomes a warning naming the file and the reason, and the rest go on.
import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { createHash } from 'node:crypto';
import { UsageError } from '../errors';
import type { SourceDocument } from '../types';
import { decodeText } from './decode';
import { htmlToText } from './html';
import { dateFromText, normalizeDate, titleFromText } from './metadata';

export interface IngestOptions {
  /** Documents (or JSONL lines) larger than this are skipped with a warning. */
  maxDocBytes: number;
  /** Where `-` reads from. */
  stdin: NodeJS.ReadableStream;
}

export const DEFAULT_INGEST_OPTIONS: IngestOptions = {
  maxDocBytes: 10 * 1024 * 1024,
  stdin: process.stdin,
};

export function resolveIngestOptions(partial: Partial<IngestOptions> = {}): IngestOptions {
  const options = { ...DEFAULT_INGEST_OPTIONS, ...partial };
  if (!Number.isInteger(options.maxDocBytes) || options.maxDocBytes < 1) {
    throw new UsageError(`--max-doc-bytes must be a positive integer, got ${String(options.maxDocBytes)}`);
  }
  return options;
}

export interface InputWarning {
  readonly file: string;
  readonly reason: string;
}

type Format = 'text' | 'markdown' | 'html' | 'jsonl';
/** File extensions we read, and how. */
const FORMATS: Readonly<Record<string, Format>> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

export function formatOf(file: string): Format | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

export const STDIN = '-';

/**
 * Reads every input lazily. Warnings go to `onWarning`; a document whose content was already
 * seen (same text) is skipped, so duplicated inputs are processed once.
 */
export async function* readDocuments(
  inputs: readonly string[],
  partialOptions: Partial<IngestOptions>,
  onWarning: (w: InputWarning) => void,
): AsyncGenerator<SourceDocument> {
  const options = resolveIngestOptions(partialOptions);
  const seenIds = new Set<string>();
  const seenContent = new Set<string>();
  for (const input of inputs) {
    for await (const doc of readInput(input, options, onWarning)) {
      if (doc.text.trim() === '') {
        onWarning({ file: doc.origin, reason: 'empty document (no text), skipped' });
        continue;
      }
      const hash = createHash('sha1').update(doc.text).digest('hex');
      if (seenContent.has(hash)) {
        onWarning({ file: doc.origin, reason: 'same text as an earlier document, skipped' });
        continue;
      }
      if (seenIds.has(doc.id)) {
        onWarning({ file: doc.origin, reason: `document id "${doc.id}" already used, skipped` });
        continue;
      }
      seenContent.add(hash);
      seenIds.add(doc.id);
      yield doc;
    }
  }
}

async function* readInput(input: string, options: IngestOptions, onWarning: (w: InputWarning) => void): AsyncGenerator<SourceDocument> {
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
    for await (const file of walk(input, onWarning)) {
      yield* readFile(file, path.relative(input, file).split(path.sep).join('/'), options, onWarning, false);
    }
  } else {
    yield* readFile(input, path.basename(input), options, onWarning, true);
  }
}

/** Files under a directory, sorted by name at each level, so ids and order are stable. */
async function* walk(dir: string, onWarning: (w: InputWarning) => void): AsyncGenerator<string> {
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
    if (entry.isDirectory()) yield* walk(full, onWarning);
    else if (formatOf(entry.name)) yield full;
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
  if (format === 'jsonl') {
    yield* readJsonl(createReadStream(file), file, id, options, onWarning);
    return;
  }
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > options.maxDocBytes) {
      onWarning({ file, reason: `document is ${stat.size} bytes, over --max-doc-bytes ${options.maxDocBytes}, skipped` });
      return;
    }
    bytes = await fs.readFile(file);
  } catch (e) {
    onWarning({ file, reason: describeFsError(e) });
    return;
  }
  const doc = documentFromBytes(bytes, format, id, file, onWarning);
  if (doc) yield doc;
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
  return makeDocument({ id, text: decoded.text, origin, format });
}

function makeDocument(fields: { id: string; text: string; origin: string; format: Format; title?: string; date?: string; url?: string }): SourceDocument {
  let { text, title, date } = fields;
  if (fields.format === 'html') {
    const html = htmlToText(text);
    text = html.text;
    title ??= html.title;
    date ??= html.date;
  }
  title ??= titleFromText(text);
  const isoDate = (date ? normalizeDate(date) : undefined) ?? dateFromText(text);
  return {
    id: fields.id,
    text,
    origin: fields.origin,
    ...(title ? { title } : {}),
    ...(isoDate ? { date: isoDate } : {}),
    ...(fields.url ? { url: fields.url } : {}),
  };
}

async function* readStdin(options: IngestOptions, onWarning: (w: InputWarning) => void): AsyncGenerator<SourceDocument> {
  // stdin is JSONL when its first non-blank character opens an object, plain text otherwise.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of options.stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    size += buf.length;
  }
  const bytes = Buffer.concat(chunks, size);
  const head = bytes.subarray(0, 64).toString('utf8').trimStart();
  if (head.startsWith('{')) {
    const { Readable } = await import('node:stream');
    yield* readJsonl(Readable.from([bytes]), '<stdin>', 'stdin', options, onWarning);
    return;
  }
  if (size > options.maxDocBytes) {
    onWarning({ file: '<stdin>', reason: `document is ${size} bytes, over --max-doc-bytes ${options.maxDocBytes}, skipped` });
    return;
  }
  const doc = documentFromBytes(bytes, 'text', 'stdin', '<stdin>', onWarning);
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

async function* readJsonl(
  stream: NodeJS.ReadableStream,
  file: string,
  fileId: string,
  options: IngestOptions,
  onWarning: (w: InputWarning) => void,
): AsyncGenerator<SourceDocument> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const where = `${file}:${lineNumber}`;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      if (Buffer.byteLength(line) > options.maxDocBytes) {
        onWarning({ file: where, reason: `line is over --max-doc-bytes ${options.maxDocBytes}, skipped` });
        continue;
      }
      let record: JsonlRecord;
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not a JSON object');
        record = parsed as JsonlRecord;
      } catch (e) {
        onWarning({ file: where, reason: `malformed JSON line (${e instanceof Error ? e.message : String(e)}), skipped` });
        continue;
      }
      if (typeof record.text !== 'string') {
        onWarning({ file: where, reason: 'no "text" string in this line, skipped' });
        continue;
      }
      const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : `${fileId}#${lineNumber}`;
      yield makeDocument({
        id,
        text: record.text,
        origin: where,
        format: record.format === 'html' ? 'html' : 'text',
        ...(typeof record.title === 'string' ? { title: record.title } : {}),
        ...(typeof record.date === 'string' ? { date: record.date } : {}),
        ...(typeof record.url === 'string' ? { url: record.url } : {}),
      });
    }
  } catch (e) {
    onWarning({ file, reason: describeFsError(e) });
  }
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
