// Generations: a build directory holds one build's files at a time. A build writes graph.json,
// graph.gexf and (a full build) newsgraph.db into DIR/.generation-N/, then the manifest
// DIR/generation.json (generation number, document count, each graph file's SHA-256) is renamed
// into DIR: that rename is the single commit point. The staged files are then moved into place.
// An update keeps its store changes in one SQLite transaction that commits, with the store's
// `generation` meta row, just before the manifest's rename.
//
// A process killed anywhere leaves either the previous generation (the staging folder is thrown
// away) or the new one committed with some files still in its staging folder; the next writer (or
// a reader that can take the lock) finishes moving them: `repairGeneration`. Readers compare what
// they read with the manifest (`checkGeneration`) and refuse a mix with one line naming the file.
// Issue 20, finding 3: before, a kill after graph.json's rename left graph.json new and
// graph.gexf and newsgraph.db old, each valid, the set a lie.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { DamagedError, OutputError, isNewsgraphError, type NewsgraphError } from '../errors';
import { writeErrorReason } from '../export/atomic';
import { lockDirectory, lockHolder } from './lock';

export const MANIFEST_FILE = 'generation.json';
const STAGING_PREFIX = '.generation-';
/** The store's meta key holding the generation it belongs to. */
export const GENERATION_META = 'generation';
const STORE = 'newsgraph.db';
/** Files a generation may hold, moved in this order (graph files last: a reader watching graph.json sees it change after the store). */
const GENERATION_FILES = [STORE, 'graph.gexf', 'graph.json'] as const;

export interface Manifest {
  readonly format: 1;
  readonly generation: number;
  readonly documents: number;
  /** Graph files by name: their SHA-256 and size. */
  readonly files: Readonly<Record<string, { readonly sha256: string; readonly bytes: number }>>;
}

/** A test hook: NEWSGRAPH_CRASH_AT=<point> kills this process with SIGKILL at that point of a commit (test/reliability/generations.test.ts). */
export function crashPoint(point: string): void {
  if (process.env.NEWSGRAPH_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

export function sha256File(file: string): { sha256: string; bytes: number } {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  let bytes = 0;
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let n = fs.readSync(fd, buffer); n > 0; n = fs.readSync(fd, buffer)) {
      hash.update(buffer.subarray(0, n));
      bytes += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** DIR's manifest; undefined when there is none (a directory built before generations, or none yet). */
export function readManifest(dir: string): Manifest | undefined {
  const file = path.join(dir, MANIFEST_FILE);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const m = JSON.parse(raw) as Partial<Manifest>;
    if (m.format === 1 && Number.isInteger(m.generation) && typeof m.files === 'object' && m.files !== null) return m as Manifest;
  } catch {
    // below
  }
  throw new DamagedError('not a newsgraph manifest; rebuild the directory with --out', file);
}

/** DIR's generation number for a writer: 0 without a manifest, or with one it cannot read (the writer replaces it). */
function writerGeneration(dir: string): number {
  try {
    return readManifest(dir)?.generation ?? 0;
  } catch {
    return 0;
  }
}

/** The generation a store file says it belongs to (undefined: no store, or one from before generations). */
export function storeGeneration(file: string): number | undefined {
  if (!fs.existsSync(file)) return undefined;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(GENERATION_META) as string | undefined;
    return value === undefined ? undefined : Number(value);
  } catch {
    return undefined; // not readable as a store: the integrity check says why
  } finally {
    db?.close();
  }
}

function stagingDirs(dir: string): Array<{ name: string; generation: number }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, generation: name.startsWith(STAGING_PREFIX) ? Number(name.slice(STAGING_PREFIX.length)) : NaN }))
    .filter((s) => Number.isInteger(s.generation) && s.generation > 0)
    .sort((a, b) => a.generation - b.generation);
}

function readStagedManifest(staging: string): Manifest | undefined {
  try {
    return readManifest(staging);
  } catch {
    return undefined;
  }
}

/** Moves a committed generation's remaining files from its staging folder into DIR, then removes the folder. */
function rollForward(dir: string, staging: string): void {
  for (const name of GENERATION_FILES) {
    const from = path.join(staging, name);
    if (fs.existsSync(from)) {
      fs.renameSync(from, path.join(dir, name));
      crashPoint(`moved-${name}`);
    }
  }
  fs.rmSync(staging, { recursive: true, force: true });
}

/**
 * Finishes or discards what an interrupted build left (call it holding DIR's lock). A staging
 * folder whose generation the manifest names was committed: its files are moved in. One whose
 * generation the store already has (an update killed between its store commit and the manifest's
 * rename) is committed now. Any other was never committed and is removed. Returns what it did.
 */
export function repairGeneration(dir: string): 'none' | 'completed' | 'discarded' {
  let did: 'none' | 'completed' | 'discarded' = 'none';
  for (const { name, generation } of stagingDirs(dir)) {
    const staging = path.join(dir, name);
    const current = writerGeneration(dir);
    const staged = readStagedManifest(staging);
    try {
      if (generation === current) {
        rollForward(dir, staging);
        did = 'completed';
      } else if (staged && staged.generation === generation && generation > current && storeGeneration(path.join(dir, STORE)) === generation && !fs.existsSync(path.join(staging, STORE))) {
        fs.renameSync(path.join(staging, MANIFEST_FILE), path.join(dir, MANIFEST_FILE));
        rollForward(dir, staging);
        did = 'completed';
      } else {
        fs.rmSync(staging, { recursive: true, force: true });
        if (did === 'none') did = 'discarded';
      }
    } catch (e) {
      throw new OutputError(`cannot repair an interrupted build (${writeErrorReason(e)})`, staging, { cause: e });
    }
  }
  return did;
}

/**
 * One build's generation: where its files are staged, and the commit that puts them in place.
 * begin() after taking DIR's lock; stage() once the graph files are written into `staging`;
 * commit() after the store's own commit.
 */
export class GenerationWriter {
  private staged = false;
  private committed = false;

  private constructor(
    readonly dir: string,
    readonly generation: number,
    /** DIR/.generation-N: the new files go here. */
    readonly staging: string,
  ) {}

  static begin(dir: string): GenerationWriter {
    repairGeneration(dir);
    const storeGen = storeGeneration(path.join(dir, STORE)) ?? 0;
    const generation = Math.max(writerGeneration(dir), storeGen) + 1;
    const staging = path.join(dir, `${STAGING_PREFIX}${generation}`);
    try {
      fs.rmSync(staging, { recursive: true, force: true });
      fs.mkdirSync(staging, { recursive: true }); // DIR too, for a first build
    } catch (e) {
      throw new OutputError(writeErrorReason(e), staging, { cause: e });
    }
    return new GenerationWriter(dir, generation, staging);
  }

  /** Whether the manifest is in place (from then on, the generation is the directory's). */
  get isCommitted(): boolean {
    return this.committed;
  }

  /** Path of `name` in this generation's staging folder. */
  stagedPath(name: string): string {
    return path.join(this.staging, name);
  }

  /** Writes the manifest into the staging folder, with the hashes of the graph files staged there. */
  stage(documents: number, graphFiles: readonly string[]): void {
    const files: Record<string, { sha256: string; bytes: number }> = {};
    for (const name of [...graphFiles].sort()) files[name] = sha256File(this.stagedPath(name));
    const manifest: Manifest = { format: 1, generation: this.generation, documents, files };
    const temp = this.stagedPath(`.${MANIFEST_FILE}.tmp`);
    try {
      fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
      const fd = fs.openSync(temp, 'r');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, this.stagedPath(MANIFEST_FILE));
    } catch (e) {
      throw new OutputError(writeErrorReason(e), path.join(this.dir, MANIFEST_FILE), { cause: e });
    }
    this.staged = true;
    crashPoint('staged');
  }

  /** The commit point: the manifest renamed into DIR; then the files moved in. */
  commit(): void {
    if (!this.staged) throw new Error('GenerationWriter.commit before stage');
    try {
      fs.renameSync(this.stagedPath(MANIFEST_FILE), path.join(this.dir, MANIFEST_FILE));
    } catch (e) {
      throw new OutputError(writeErrorReason(e), path.join(this.dir, MANIFEST_FILE), { cause: e });
    }
    this.committed = true;
    crashPoint('manifest');
    try {
      rollForward(this.dir, this.staging);
    } catch (e) {
      throw new OutputError(`committed, but cannot move its files in (${writeErrorReason(e)}); the next build finishes it`, this.dir, { cause: e });
    }
  }

  /** An error about a staged file, told about the file it stands for in DIR (what the user knows). */
  named(e: unknown): unknown {
    if (!isNewsgraphError(e) || e.file === undefined || !e.file.startsWith(this.staging + path.sep)) return e;
    const file = path.join(this.dir, path.relative(this.staging, e.file));
    const Kind = e.constructor as new (reason: string, file?: string, options?: { cause?: unknown }) => NewsgraphError;
    return new Kind(e.reason, file, { cause: e });
  }

  /** Throws the staged files away (a build that failed before its commit). */
  abort(): void {
    if (this.committed) return;
    fs.rmSync(this.staging, { recursive: true, force: true });
  }
}

/** What a reader reads from DIR: the graph files, and whether the store too. */
export interface GenerationReads {
  readonly files?: readonly string[];
  readonly store?: boolean;
}

/**
 * Checks that what a reader is about to read belongs to DIR's current generation; throws
 * DamagedError naming the file otherwise. A generation left half moved by a killed build is
 * finished first when this process can take DIR's lock (the writer is gone); while a live writer
 * is committing, the check waits for it a little. A directory without a manifest (built before
 * generations) is read as it is.
 */
export async function checkGeneration(dir: string, reads: GenerationReads): Promise<Manifest | undefined> {
  for (let attempt = 0; ; attempt++) {
    const problem = generationProblem(dir, reads);
    if (problem === undefined) return readManifest(dir);
    if (lockHolder(dir) !== undefined && attempt < 20) {
      await new Promise((resolve) => setTimeout(resolve, 100)); // a writer is committing: wait for it
      continue;
    }
    if (attempt === 0 && stagingDirs(dir).length > 0 && tryRepair(dir)) continue;
    throw new DamagedError(problem.reason, problem.file);
  }
}

function tryRepair(dir: string): boolean {
  let lock;
  try {
    lock = lockDirectory(dir, 'repair');
  } catch {
    return false; // read-only, or a writer holds it
  }
  try {
    return repairGeneration(dir) !== 'none';
  } catch {
    return false;
  } finally {
    lock.release();
  }
}

function generationProblem(dir: string, reads: GenerationReads): { file: string; reason: string } | undefined {
  const manifest = readManifest(dir);
  if (!manifest) return undefined;
  const rebuild = 'an interrupted or concurrent build; the next build of this directory repairs it';
  for (const { name, generation } of stagingDirs(dir)) {
    if (generation === manifest.generation) return { file: path.join(dir, name), reason: `generation ${generation} is committed but not all in place (${rebuild})` };
  }
  for (const name of reads.files ?? []) {
    const expected = manifest.files[name];
    const file = path.join(dir, name);
    if (!expected) return { file, reason: `not part of generation ${manifest.generation} (see ${MANIFEST_FILE})` };
    let actual: { sha256: string; bytes: number };
    try {
      actual = sha256File(file);
    } catch {
      return { file, reason: `missing from generation ${manifest.generation} (${rebuild})` };
    }
    if (actual.sha256 !== expected.sha256) return { file, reason: `not the file of generation ${manifest.generation} (changed since, by hand or by ${rebuild})` };
  }
  if (reads.store) {
    const file = path.join(dir, STORE);
    const storeGen = storeGeneration(file);
    if (storeGen !== undefined && storeGen !== manifest.generation) return { file, reason: `belongs to generation ${storeGen}, the graph files to ${manifest.generation} (${rebuild})` };
  }
  return undefined;
}

/**
 * After a failed first build: removes DIR when it holds nothing but what newsgraph leaves while it
 * works (its lock, staging folders, temporary files), so no empty DIR is left behind.
 */
export function removeUnbuilt(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const ours = (name: string): boolean => name === '.newsgraph.lock' || name.startsWith(STAGING_PREFIX) || /^\..+\.tmp(-journal|-wal|-shm)?$/.test(name);
  if (!names.every(ours)) return;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // best effort: the error that ended the build is what the user needs to see
  }
}
