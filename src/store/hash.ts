// Hashes that decide what a rebuild may skip: a document's content hash (its text, as ingest's
// duplicate check uses) and its cache key (everything its extraction depends on: the pipeline's
// own code and data, the alias file, the document's id, metadata and text).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AliasEntry } from '../entities';
import type { SourceDocument } from '../types';
import { VERSION } from '../version';

/** The content hash of a text: hex SHA-1, the same hash ingest uses to drop duplicate texts. */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The folders whose code and data decide what extraction returns (paths from src/ or dist/src/). */
const EXTRACTION_SOURCES = ['nlp', 'entities', 'relations', 'ingest', 'pipeline', 'types'];
const CODE_FILES = /\.(js|ts|json)$/;

let codeHash: string | undefined;

/**
 * A hash of the extraction code and data as installed (compiled JS under dist/, or TypeScript
 * under ts-node), plus the wink-nlp and model versions: any change to a rule, a table or a
 * gazetteer changes it, so a cached extraction is never reused by a different pipeline.
 */
function extractionCodeHash(): string {
  if (codeHash !== undefined) return codeHash;
  const root = path.resolve(__dirname, '..');
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const name of EXTRACTION_SOURCES) {
    for (const candidate of [path.join(root, name), path.join(root, `${name}.js`), path.join(root, `${name}.ts`)]) collect(candidate, files);
  }
  for (const file of files.sort()) {
    hash.update(path.relative(root, file).split(path.sep).join('/')).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  for (const pkg of ['wink-nlp/package.json', 'wink-eng-lite-web-model/package.json']) {
    try {
      hash.update(String((JSON.parse(fs.readFileSync(require.resolve(pkg), 'utf8')) as { version?: unknown }).version)).update('\0');
    } catch {
      hash.update(`${pkg}: unknown\0`);
    }
  }
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
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

/** The pipeline version a cached extraction must match: package version, code hash, alias file. */
export function pipelineVersion(aliases: readonly AliasEntry[]): string {
  const aliasHash = aliases.length ? createHash('sha256').update(JSON.stringify(aliases)).digest('hex').slice(0, 12) : 'none';
  return `${VERSION}+${extractionCodeHash()}+aliases:${aliasHash}`;
}

/** The key of one document's extraction in the cache: pipeline version + what the extractor reads. */
export function cacheKey(version: string, source: Pick<SourceDocument, 'id' | 'text' | 'title' | 'date' | 'url'>): string {
  return createHash('sha256')
    .update(JSON.stringify([version, source.id, source.title ?? null, source.date ?? null, source.url ?? null]))
    .update('\0')
    .update(source.text)
    .digest('hex');
}
