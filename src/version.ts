import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The package's root folder and version, found by walking up from this file to newsgraph's
 * package.json (it runs from src/ under ts-node and dist/src/ when compiled).
 */
function findPackage(): { root: string; version: string } {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'newsgraph' && pkg.version) return { root: dir, version: pkg.version };
    }
    if (path.dirname(dir) === dir) return { root: path.resolve(__dirname, '..'), version: '0.0.0' };
  }
}

const found = findPackage();

export const VERSION: string = found.version;
export const PACKAGE_ROOT: string = found.root;
/** The trained models' weight files (models/*.bin), shipped with the package. */
export const MODELS_DIR: string = path.join(PACKAGE_ROOT, 'models');
