// Hashes that decide what a rebuild may skip: a document's content hash (its text, as ingest's
// duplicate check uses) and its cache key (everything its extraction depends on: the pipeline's
// own code and data, the alias file, the document's id, metadata and text).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AliasEntry } from '../entities';
import type { SourceDocument } from '../types';
import { MODELS_DIR, VERSION } from '../version';

/** The content hash of a text: hex SHA-1, the same hash ingest uses to drop duplicate texts. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A document's content hash: the one ingest computed for its duplicate check, else computed now. */
export function documentHash(source: Pick<SourceDocument, 'text' | 'hash'>): string {
  return source.hash ?? contentHash(source.text);
}

/** The folders whose code and data decide what extraction returns (paths from src/ or dist/src/). */
const EXTRACTION_SOURCES = ['nlp', 'syntax', 'learn', 'random', 'entities', 'relations', 'ingest', 'extract', 'types'];
const CODE_FILES = /\.(js|ts|json|bin)$/;

/** The extraction code's hash, with the signature of the files it was computed from. */
export interface CodeHash {
  /** Every file's path, size and modification time: when these are unchanged, so is the hash. */
  readonly signature: string;
  readonly hash: string;
}

/** The last hash computed per root: one process builds many times (tests, a server). */
const computed = new Map<string, CodeHash>();

/**
 * A hash of the extraction code and data as installed (compiled JS under dist/, or TypeScript
 * under ts-node), plus the wink-nlp and model versions: any change to a rule, a table or a
 * gazetteer changes it, so a cached extraction is never reused by a different pipeline.
 *
 * Reading and hashing every file (about 2 MB of gazetteers) costs tens of milliseconds, a good
 * part of a one-article `--update`; so a hash remembered with the files' signature (`known`, kept
 * in the store) is taken as it is when no file has changed size or modification time since.
 * `root` is where the stage folders are (tests point it elsewhere).
 */
export function extractionCodeHash(known?: CodeHash, root: string = path.resolve(__dirname, '..'), models: string = MODELS_DIR): CodeHash {
  const files: string[] = [];
  for (const name of EXTRACTION_SOURCES) {
    for (const candidate of [path.join(root, name), path.join(root, `${name}.js`), path.join(root, `${name}.ts`)]) collect(candidate, files);
  }
  collect(models, files);
  files.sort();
  const versions = ['wink-nlp/package.json', 'wink-eng-lite-web-model/package.json'].map((pkg) => {
    try {
      return String((JSON.parse(fs.readFileSync(require.resolve(pkg), 'utf8')) as { version?: unknown }).version);
    } catch {
      return `${pkg}: unknown`;
    }
  });
  const relative = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const signature = createHash('sha256');
  for (const file of files) {
    const stat = fs.statSync(file);
    signature.update(`${relative(file)}\0${stat.size}\0${stat.mtimeMs}\0`);
  }
  signature.update(versions.join('\0'));
  const current = signature.digest('hex').slice(0, 32);
  if (known?.signature === current) return known;
  const last = computed.get(root);
  if (last?.signature === current) return last;
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(file)).update('\0').update(fs.readFileSync(file)).update('\0');
  for (const version of versions) hash.update(version).update('\0');
  const result = { signature: current, hash: hash.digest('hex').slice(0, 16) };
  computed.set(root, result);
  return result;
}

function collect(entry: string, out: string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(entry);
  } catch {
    return;
  }
  if (stat.isFile()) {
    if (CODE_FILES.test(entry) && !entry.endsWith('.d.ts')) out.push(entry);
    return;
  }
  if (!stat.isDirectory()) return;
  for (const name of fs.readdirSync(entry)) collect(path.join(entry, name), out);
}

/** A CodeHash as the store keeps it (JSON in its meta table); undefined for anything else. */
export function parseCodeHash(json: string | undefined): CodeHash | undefined {
  if (json === undefined) return undefined;
  try {
    const value = JSON.parse(json) as Partial<CodeHash> | null;
    return typeof value?.signature === 'string' && typeof value.hash === 'string' ? { signature: value.signature, hash: value.hash } : undefined;
  } catch {
    return undefined;
  }
}

/** The pipeline version a cached extraction must match: package version, code hash, alias file. */
export function pipelineVersion(aliases: readonly AliasEntry[], code: CodeHash = extractionCodeHash()): string {
  const aliasHash = aliases.length ? createHash('sha256').update(JSON.stringify(aliases)).digest('hex').slice(0, 12) : 'none';
  return `${VERSION}+${code.hash}+aliases:${aliasHash}`;
}

/** The key of one document's extraction in the cache: pipeline version + what the extractor reads. */
export function cacheKey(version: string, source: Pick<SourceDocument, 'id' | 'text' | 'title' | 'date' | 'url' | 'hash'>): string {
  // The text enters through its content hash: hashing 5 MB of text once more per build buys nothing.
  return createHash('sha256')
    .update(JSON.stringify([version, source.id, source.title ?? null, source.date ?? null, source.url ?? null, documentHash(source)]))
    .digest('hex');
}
