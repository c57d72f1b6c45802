// Python readers of the export tests beyond networkx (test/helpers/external-tools.ts): igraph for
// GraphML, pandas for CSV. Each is Debian's package for /usr/bin/python3.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PYTHON, runPythonJson, type ExternalTool } from '../helpers/external-tools';

function pythonModule(module: string, debianPackage: string): ExternalTool {
  let known: boolean | undefined;
  return {
    name: `python3 ${module}`,
    install: `apt-get install -y --no-install-recommends ${debianPackage}`,
    available: () => (known ??= spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0),
  };
}

export const IGRAPH = pythonModule('igraph', 'python3-igraph');
export const PANDAS = pythonModule('pandas', 'python3-pandas');

/** A scratch directory for files handed to readers; removed by the returned cleanup. */
export function scratch(prefix: string): { dir: string; write(name: string, content: string): string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      writeFileSync(file, content, 'utf8');
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export { runPythonJson };
