#!/usr/bin/env node
// Builds the browser viewer: bundles viewer/src/main.ts into dist/viewer/app.js (minified, with a
// linked source map) and copies index.html and style.css beside it. Deterministic: same sources,
// same bytes. Usage: node scripts/build-viewer.mjs [--outdir DIR]
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--outdir');
const outdir = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : path.join(root, 'dist/viewer'));

const started = Date.now();
await mkdir(outdir, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: ['viewer/src/main.ts'],
  outfile: path.join(outdir, 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: true,
  legalComments: 'eof',
  charset: 'utf8',
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: 'viewer/tsconfig.json',
  logLevel: 'warning',
  metafile: true,
});
await Promise.all(
  ['index.html', 'style.css'].map((name) => copyFile(path.join(root, 'viewer', name), path.join(outdir, name))),
);
const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
process.stdout.write(
  `viewer: ${path.relative(process.cwd(), outdir) || '.'} (${Math.round(bytes / 1024)} KiB incl. source map, ${Date.now() - started} ms)\n`,
);
