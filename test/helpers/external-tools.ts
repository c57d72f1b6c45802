// External checkers (xmllint, networkx). Missing locally: the test is skipped with the reason printed.
// Missing in CI (CI env set): the test fails, so CI cannot pass without checking.
import { spawnSync } from 'node:child_process';
import type { Context } from 'mocha';

export interface ExternalTool {
  readonly name: string;
  readonly install: string;
  available(): boolean;
}

const cache = new Map<string, boolean>();
function probe(name: string, command: string, args: string[]): boolean {
  const known = cache.get(name);
  if (known !== undefined) return known;
  const result = spawnSync(command, args, { stdio: 'ignore' });
  const ok = result.status === 0;
  cache.set(name, ok);
  return ok;
}

/** Debian's python3 with python3-networkx; a pyenv `python3` on PATH may lack networkx. */
export const PYTHON = '/usr/bin/python3';

export const XMLLINT: ExternalTool = {
  name: 'xmllint',
  install: 'apt-get install -y libxml2-utils',
  available: () => probe('xmllint', 'xmllint', ['--version']),
};

export const NETWORKX: ExternalTool = {
  name: 'networkx',
  install: 'apt-get install -y python3-networkx',
  available: () => probe('networkx', PYTHON, ['-c', 'import networkx']),
};

export function requireTool(context: Context, tool: ExternalTool): void {
  if (tool.available()) return;
  const reason = `${tool.name} not found (${tool.install})`;
  if (process.env.CI) throw new Error(`${reason}: required when CI is set`);
  console.log(`      skipped: ${reason}`);
  context.skip();
}

/** Runs xmllint --noout on files; returns its stderr ('' when every file is well-formed). */
export function xmllintErrors(files: readonly string[]): string {
  const result = spawnSync('xmllint', ['--noout', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return result.status === 0 ? '' : result.stderr || `xmllint exited with ${result.status}`;
}

/** Runs a Python program with Debian's python3; returns its stdout parsed as JSON. */
export function runPythonJson(program: string, args: readonly string[]): unknown {
  const result = spawnSync(PYTHON, ['-c', program, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}
