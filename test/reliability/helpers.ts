// Shared by the reliability tests: the CLI in-process (fast: wink-nlp loads once) and as a real
// process (exit codes, signals, another user), temp dirs, and the offset check.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { run } from '../../src/cli/main';

export const ROOT = path.resolve(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'newsgraph');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/**
 * `newsgraph ARGS` in this process, through the same run() that bin/newsgraph calls. build and
 * extract get `--jobs 1` unless told otherwise: starting worker threads (each loads wink-nlp)
 * would take longer than these small inputs.
 */
export async function runCli(args: readonly string[]): Promise<CliResult> {
  const out = collector();
  const err = collector();
  const threads = (args[0] === 'build' || args[0] === 'extract') && !args.some((a) => a === '--jobs' || a === '-j') ? ['--jobs', '1'] : [];
  const code = await run(['node', 'newsgraph', ...args, ...threads], { stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** `./bin/newsgraph ARGS` as a child process (needs `npx tsc` first: it runs dist/). */
export function spawnCli(args: readonly string[], options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Like spawnCli, without blocking the event loop (for tests that also serve or kill). */
export function spawnCliAsync(args: readonly string[], input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const created: string[] = [];

/** A fresh directory under the system temp dir; removeTmpDirs() deletes every one made so far. */
export function tmpDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newsgraph-${name}-`));
  created.push(dir);
  return dir;
}

export function removeTmpDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** stderr as lines, without the trailing empty one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l, i, all) => !(l === '' && i === all.length - 1));
}

/** The built CLI must be current: these tests spawn dist/, which `npx tsc -p tsconfig.json` writes. */
export function requireBuiltCli(): void {
  const built = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
  assert.ok(fs.existsSync(built), `${built} is missing: run \`npx tsc -p tsconfig.json\` first`);
}

export const NOBODY = { uid: 65534, gid: 65534 };

/**
 * Root reads and writes anything, so a permission test needs another user. Returns how to run
 * the CLI so that permissions apply ({} when not root), or undefined with the reason printed.
 */
export function unprivileged(): SpawnSyncOptions | undefined {
  if (typeof process.getuid !== 'function') return undefined;
  if (process.getuid() !== 0) return {};
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'errors.js'))})`], { ...NOBODY, stdio: 'ignore' });
  if (probe.status !== 0) return undefined;
  return NOBODY;
}

/** Makes a test directory usable by the unprivileged user (mkdtemp gives 0700). */
export function openUp(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = fs.lstatSync(full);
    if (stat.isDirectory()) openUp(full);
    else if (stat.isFile()) fs.chmodSync(full, 0o644);
  }
}

export interface ExtractLine {
  doc: string;
  mentions: Array<{ start: number; end: number; text: string; entityType: string; entity: string }>;
  facts: Array<{ source: string; relation: string; target: string; start: number; end: number; sentence: string }>;
}

export function parseNdjson(stdout: string): ExtractLine[] {
  return lines(stdout).map((l) => JSON.parse(l) as ExtractLine);
}

/** Every mention and evidence offset slices `text` to what it claims; returns how many were checked. */
export function assertOffsets(text: string, doc: ExtractLine): number {
  for (const m of doc.mentions) assert.equal(text.slice(m.start, m.end), m.text, `mention ${m.text} at ${m.start}`);
  for (const f of doc.facts) assert.equal(text.slice(f.start, f.end), f.sentence, `evidence of ${f.source} ${f.relation} ${f.target}`);
  return doc.mentions.length + doc.facts.length;
}

