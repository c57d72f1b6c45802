// `npm start`: build the code and the sample graph only when something they depend on changed, then
// serve the viewer. A second `npm start` with nothing changed goes straight to serving.
//
// Port: PORT=9000 npm start, or npm start -- --port 9000 (default 8080; 0 takes any free port).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = 'graph-data/corpus';
const OUT = 'graph-data/out';
/** What the compiled code in dist/ is made from. */
const CODE_SOURCES = ['src', 'viewer', 'models', 'scripts/build-viewer.mjs', 'scripts/prepare-data.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
const CODE_STAMP = 'dist/.start-code';
const GRAPH_STAMP = `${OUT}/.start-inputs`;

/** Every file under the given paths (sorted), skipping dotfiles. */
function filesUnder(rel) {
  const full = path.join(root, rel);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return [rel];
  if (!stat.isDirectory()) return [];
  return fs.readdirSync(full).filter((n) => !n.startsWith('.')).sort().flatMap((n) => filesUnder(`${rel}/${n}`));
}

/** A digest of the files' names, sizes and modification times (content for the small corpus). */
function digest(paths, byContent) {
  const hash = createHash('sha256');
  for (const rel of paths.flatMap(filesUnder)) {
    const stat = fs.statSync(path.join(root, rel));
    hash.update(`${rel}\0${stat.size}\0`);
    hash.update(byContent ? fs.readFileSync(path.join(root, rel)) : String(stat.mtimeMs));
    hash.update('\n');
  }
  return hash.digest('hex');
}

function read(rel) {
  try {
    return fs.readFileSync(path.join(root, rel), 'utf8');
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function portArgument(argv) {
  const i = argv.findIndex((a) => a === '--port' || a === '-p');
  if (i !== -1 && argv[i + 1] !== undefined) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith('--port='));
  if (eq) return eq.slice('--port='.length);
  return process.env.PORT || '8080';
}

const codeDigest = digest(CODE_SOURCES, false);
if (process.argv.includes('--stamp-code')) {
  // Run at the end of `npm run build` (and so of `npm install`): the code in dist/ is current.
  fs.writeFileSync(path.join(root, CODE_STAMP), codeDigest);
  process.exit(0);
}
const port = portArgument(process.argv.slice(2));
if (read(CODE_STAMP) !== codeDigest || !fs.existsSync(path.join(root, 'dist/src/cli/main.js'))) {
  console.error('npm start: building the code (src/, viewer/ or models/ changed)');
  run('npm', ['run', 'build']);
  fs.writeFileSync(path.join(root, CODE_STAMP), codeDigest);
} else {
  console.error('npm start: the code is built and unchanged');
}

const graphDigest = `${codeDigest}\n${digest([CORPUS], true)}`;
if (read(GRAPH_STAMP) !== graphDigest || !fs.existsSync(path.join(root, OUT, 'graph.json'))) {
  console.error(`npm start: building ${OUT} from ${CORPUS}`);
  run(process.execPath, ['dist/src/cli/main.js', 'build', CORPUS, '--out', OUT]);
  fs.writeFileSync(path.join(root, GRAPH_STAMP), graphDigest);
} else {
  console.error(`npm start: ${OUT} is up to date with ${CORPUS} and the code, not rebuilt`);
}

console.error(port === '0' ? 'npm start: serving on a free port (the address follows)' : `npm start: the viewer will be at http://127.0.0.1:${port}/ (another port: PORT=9000 npm start, or npm start -- --port 9000)`);
// The server runs as a child that this process waits for; a signal to this process (Ctrl-C, a
// kill) is passed on, so no server is left behind.
const server = spawn(process.execPath, ['dist/src/cli/main.js', 'serve', OUT, '--port', port], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
