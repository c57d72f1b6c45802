#!/usr/bin/env node
// Writes load-ready copies of the language model and the gazetteer into dist/prepared/, so that a
// process (and each worker thread) starts extracting sooner: wink's core model with its packed
// arrays as raw bytes (src/nlp/index.ts), and the built
// default lexicon in columns (src/entities/lexicon.ts). Each loader checks that a prepared file was
// written for the current model, data and code, and otherwise reads the sources as before, so
// output never depends on whether this ran. Runs after tsc: it uses the compiled loaders.
// Usage: node scripts/prepare-data.mjs
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { preparedModelFiles, PREPARED_MODEL_DIR } = require(path.join(root, 'dist/src/nlp/index.js'));
const { preparedLexiconData, PREPARED_LEXICON_FILE } = require(path.join(root, 'dist/src/entities/lexicon.js'));
const { writeFileAtomic } = require(path.join(root, 'dist/src/export/atomic.js'));

const started = Date.now();
const files = [
  ...preparedModelFiles().map((f) => [path.join(PREPARED_MODEL_DIR, f.name), f.data]),
  [PREPARED_LEXICON_FILE, preparedLexiconData()],
];
for (const [file, data] of files) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
}
const shown = files.map(([file]) => path.relative(root, file)).join(', ');
console.log(`prepared ${shown} in ${Date.now() - started} ms`);
