import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package version, found by walking up from this file (it runs from src/ under ts-node and dist/src/ when compiled). */
function readVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'newsgraph' && pkg.version) return pkg.version;
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

export const VERSION: string = readVersion();
