// The binary model file: a magic string, a JSON header (what the model is, the label sets, the
// feature templates' hash, the training data's hashes, settings and scores), the sparse weight
// tables of its linear models, and a SHA-256 of everything before it. Little-endian typed arrays,
// each section padded to 4 bytes. A missing, truncated, corrupted or mismatched file is a
// ModelError (one line, exit 3), never a crash trace.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { ModelError } from '../errors';
import { LinearModel, type LinearWeights } from './linear';

export const MODEL_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('NGMODEL\0', 'latin1');
const DIGEST_BYTES = 32;

/** One linear model's place in the file. */
export interface SectionHeader {
  readonly name: string;
  readonly labels: readonly string[];
  readonly rows: number;
  readonly entries: number;
  readonly scale: number;
}

export interface ModelHeader {
  /** What the file holds ("parser", "ner" …): a loader refuses any other kind. */
  readonly kind: string;
  readonly formatVersion: number;
  /** Hash of the feature templates the weights were trained with: a loader refuses another. */
  readonly templates: string;
  /** Each training file and its SHA-256. */
  readonly data: readonly { readonly file: string; readonly sha256: string }[];
  readonly settings: Readonly<Record<string, unknown>>;
  readonly scores: Readonly<Record<string, unknown>>;
  /** Small tables the model needs besides weights (word lists, label maps). */
  readonly tables: Readonly<Record<string, unknown>>;
  readonly sections: readonly SectionHeader[];
}

export interface ModelSection {
  readonly name: string;
  readonly labels: readonly string[];
  readonly model: LinearModel;
}

export type ModelContent = Omit<ModelHeader, 'formatVersion' | 'sections'> & { readonly sections: readonly ModelSection[] };

/** Pads to a multiple of 4 bytes (with spaces for the JSON header, which JSON.parse then ignores). */
function padded(buffer: Buffer, fill = 0): Buffer {
  const rest = buffer.length % 4;
  return rest === 0 ? buffer : Buffer.concat([buffer, Buffer.alloc(4 - rest, fill)]);
}

function bytesOf(array: Uint32Array | Uint16Array | Int16Array): Buffer {
  return padded(Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

function assertLittleEndian(file: string): void {
  if (os.endianness() !== 'LE') throw new ModelError('model files are little-endian; this machine is not', file);
}

/** The file's bytes: the same content always gives the same bytes. */
export function encodeModel(content: ModelContent): Buffer {
  const header: ModelHeader = {
    kind: content.kind,
    formatVersion: MODEL_FORMAT_VERSION,
    templates: content.templates,
    data: content.data,
    settings: content.settings,
    scores: content.scores,
    tables: content.tables,
    sections: content.sections.map((s) => ({
      name: s.name,
      labels: s.labels,
      rows: s.model.weights.keys.length,
      entries: s.model.weights.classOf.length,
      scale: s.model.weights.scale,
    })),
  };
  const json = padded(Buffer.from(JSON.stringify(header), 'utf8'), 0x20);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(MODEL_FORMAT_VERSION, 0);
  head.writeUInt32LE(json.length, 4);
  const parts: Buffer[] = [MAGIC, head, json];
  for (const s of content.sections) {
    const w = s.model.weights;
    parts.push(bytesOf(w.keys), bytesOf(w.offsets), bytesOf(w.classOf), bytesOf(w.quantised));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** Writes atomically: a temporary file renamed into place. */
export function writeModelFile(file: string, content: ModelContent): void {
  const temp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(temp, encodeModel(content));
  fs.renameSync(temp, file);
}

export interface ModelExpectation {
  readonly kind: string;
  readonly templates: string;
}

/** Reads and checks a model file; every failure is a one-line ModelError naming the file. */
export function readModelFile(file: string, expect: ModelExpectation): ModelContent {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'model file is missing (npm run train remakes it)' : `cannot read model file (${code ?? 'error'})`;
    throw new ModelError(reason, file);
  }
  return decodeModel(bytes, file, expect);
}

export function decodeModel(bytes: Buffer, file: string, expect: ModelExpectation): ModelContent {
  assertLittleEndian(file);
  const corrupt = (what: string): ModelError => new ModelError(`model file is truncated or corrupted (${what})`, file);
  if (bytes.length < MAGIC.length + 8 + DIGEST_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ModelError('not a newsgraph model file', file);
  }
  const version = bytes.readUInt32LE(MAGIC.length);
  if (version !== MODEL_FORMAT_VERSION) {
    throw new ModelError(`model file format ${version}, this newsgraph reads ${MODEL_FORMAT_VERSION} (npm run train remakes it)`, file);
  }
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - DIGEST_BYTES))) throw corrupt('checksum');
  const headerLength = bytes.readUInt32LE(MAGIC.length + 4);
  let offset = MAGIC.length + 8;
  if (offset + headerLength > body.length) throw corrupt('header length');
  let header: ModelHeader;
  try {
    header = JSON.parse(body.subarray(offset, offset + headerLength).toString('utf8')) as ModelHeader;
  } catch {
    throw corrupt('header');
  }
  offset += headerLength;
  if (header.kind !== expect.kind) throw new ModelError(`holds a ${String(header.kind)} model, not a ${expect.kind} model`, file);
  if (header.templates !== expect.templates) {
    throw new ModelError(`model was trained with other feature templates than this code uses (npm run train remakes it)`, file);
  }
  // Each array is a view of the file's bytes where they are aligned for it (sections are padded to
  // 4 bytes, so they are whenever the file's buffer is), a copy otherwise: no copy of megabytes.
  const take = <T>(count: number, bytesPer: number, make: (buffer: ArrayBuffer, byteOffset: number, length: number) => T): T => {
    const length = count * bytesPer;
    if (!Number.isInteger(count) || count < 0 || offset + length > body.length) throw corrupt('section length');
    const at = body.byteOffset + offset;
    let array: T;
    if (at % bytesPer === 0) array = make(body.buffer as ArrayBuffer, at, count);
    else {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(body.subarray(offset, offset + length));
      array = make(copy, 0, count);
    }
    offset += length + ((4 - (length % 4)) % 4);
    return array;
  };
  const u32 = (b: ArrayBuffer, at: number, n: number): Uint32Array => new Uint32Array(b, at, n);
  const sections: ModelSection[] = header.sections.map((s) => {
    const weights: LinearWeights = {
      classes: s.labels.length,
      keys: take(s.rows, 4, u32),
      offsets: take(s.rows + 1, 4, u32),
      classOf: take(s.entries, 2, (b, at, n) => new Uint16Array(b, at, n)),
      quantised: take(s.entries, 2, (b, at, n) => new Int16Array(b, at, n)),
      scale: s.scale,
    };
    if (weights.offsets[s.rows] !== s.entries) throw corrupt('row offsets');
    for (let i = 0; i < weights.classOf.length; i++) if ((weights.classOf[i] as number) >= weights.classes) throw corrupt('class ids');
    return { name: s.name, labels: s.labels, model: new LinearModel(weights) };
  });
  if (offset !== body.length) throw corrupt('trailing bytes');
  const { formatVersion: _v, sections: _s, ...rest } = header;
  return { ...rest, sections };
}

/** SHA-256 of a string (template lists) or a file's bytes (training data). */
export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fileSha256(file: string): string {
  return sha256(fs.readFileSync(file));
}
