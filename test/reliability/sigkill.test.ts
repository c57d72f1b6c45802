// Nothing is ever half-written: `newsgraph build` is killed with SIGKILL at random moments
// (seeded) while it rebuilds a large-ish corpus into the same directory. After every kill the
// previous graph.json and graph.gexf must still be complete and valid, and byte-identical to the
// first build (same input, same output, so "old" and "new" are the same bytes). Half the kills
// are aimed at the moment the build's generation folder appears (it stages its files there), so
// that writes are interrupted. test/reliability/generations.test.ts kills at each commit step.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { XMLLINT, xmllintErrors } from '../helpers/external-tools';
import { BIN, ROOT, requireBuiltCli, tmpDir } from './helpers';
import { seededRandom } from '../../src/layout/random';

const SEED = 20250318;
const KILLS = 10;
const DOCUMENTS = 100;


const GIVEN = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hassan', 'Irina', 'James', 'Keiko', 'Lars', 'Maria', 'Nikolai', 'Olga', 'Pedro', 'Rania', 'Stefan', 'Tomas', 'Yusuf'];
const FAMILY = ['Novak', 'Okafor', 'Lindqvist', 'Moreau', 'Petrenko', 'Tanaka', 'Haddad', 'Kowalski', 'Brennan', 'Vasquez', 'Schmidt', 'Romano', 'Ivanova', 'Mensah', 'Costa', 'Dubois'];
const TITLES = ['Foreign Minister', 'Defence Minister', 'President', 'Prime Minister', 'envoy', 'spokesperson'];
const COUNTRIES = ['Russia', 'Ukraine', 'France', 'Germany', 'Poland', 'Turkey', 'Japan', 'Brazil', 'Egypt', 'Canada', 'India', 'Kenya'];
const CITIES = ['Geneva', 'Vienna', 'Istanbul', 'Riyadh', 'Oslo', 'Warsaw', 'Cairo', 'Ankara'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'];

/** A news-like article (written here, not copied): meetings, appeals, accusations between generated people and countries. */
function article(random: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const person = (): string => `${pick(GIVEN)} ${pick(FAMILY)}`;
  const lines = [`Talks in ${pick(CITIES)}, round ${n}`, '', `${pick(CITIES).toUpperCase()}, ${pick(MONTHS)} ${1 + Math.floor(random() * 28)}, 2025 —`];
  for (let i = 0; i < 12; i++) {
    const [a, b, c, d] = [person(), person(), pick(COUNTRIES), pick(COUNTRIES)];
    lines.push(pick([
      `${c}'s ${pick(TITLES)} ${a} met ${pick(TITLES)} ${b} of ${d} in ${pick(CITIES)} on Tuesday.`,
      `${a} urged ${d} to accept the ceasefire proposed by ${c}.`,
      `${c} accused ${d} of violating the agreement, ${a} said.`,
      `${a} did not accept the offer made by ${b}, officials in ${c} said.`,
      `${c} and ${d} agreed to hold more talks, according to ${a}.`,
      `${b} warned ${c} that sanctions would follow if the attacks continued.`,
    ]));
  }
  return `${lines.join('\n')}\n`;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** A graph file's temporary file existed at the moment of the kill. */
  killedWhileWriting: boolean;
  ms: number;
}

/** Runs a build; kills it after `killAfterMs`, or as soon as a graph temp file appears (+ `delayMs`). */
function buildAndKill(args: string[], out: string, kill: { afterMs: number } | { onGraphTemp: true; file: 'json' | 'gexf'; delayMs: number } | undefined): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, 'build', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let killedWhileWriting = false;
    /** The build's staged files (a generation folder: older ones of killed builds are discarded by the next build). */
    const graphTemps = (): string[] => fs.readdirSync(out).filter((n) => n.startsWith('.generation-')).flatMap((g) => {
      try {
        return fs.readdirSync(path.join(out, g));
      } catch {
        return [];
      }
    }).filter((n) => /graph\.(json|gexf)/.test(n));
    const doKill = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      killedWhileWriting = graphTemps().length > 0;
    };
    let timer: NodeJS.Timeout | undefined;
    let watcher: fs.FSWatcher | undefined;
    if (kill && 'afterMs' in kill) timer = setTimeout(doKill, kill.afterMs);
    let inner: fs.FSWatcher | undefined;
    if (kill && 'onGraphTemp' in kill) {
      // The build stages its files in DIR/.generation-N/: watch that folder for the graph file's temp file.
      const leftOver = new Set(fs.readdirSync(out)); // folders of killed builds: this build discards them
      watcher = fs.watch(out, (_event, name) => {
        if (typeof name !== 'string' || !name.startsWith('.generation-') || leftOver.has(name) || inner) return;
        try {
          const fire = (): void => {
            inner?.close();
            if (kill.delayMs === 0) doKill();
            else timer = setTimeout(doKill, kill.delayMs);
          };
          const isTemp = (staged: string): boolean => staged.startsWith(`.graph.${kill.file}.${child.pid}.`);
          inner = fs.watch(path.join(out, name), (_e, staged) => {
            if (typeof staged === 'string' && isTemp(staged)) fire();
          });
          // (On a loaded machine the temp file may appear before the watch is in place: look once.)
          if (fs.readdirSync(path.join(out, name)).some(isTemp)) fire();
        } catch {
          // the folder went away already (the build committed): no kill this round
        }
      });
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      inner?.close();
      if (code !== null && code !== 0) reject(new Error(`build exited with ${code}: ${stderr}`));
      else resolve({ code, signal, killedWhileWriting, ms: Date.now() - started });
    });
  });
}

describe('SIGKILL during build: the previous output stays complete', function () {
  this.timeout(180_000);
  let dir: string;
  let corpus: string;
  let out: string;
  let reference: { json: Buffer; gexf: Buffer };
  const args = (): string[] => [corpus, '--out', out, '--jobs', '1', '-q'];

  before(async () => {
    requireBuiltCli();
    dir = tmpDir('sigkill');
    corpus = path.join(dir, 'corpus');
    out = path.join(dir, 'out');
    fs.mkdirSync(corpus);
    const random = seededRandom(SEED);
    for (let i = 0; i < DOCUMENTS; i++) fs.writeFileSync(path.join(corpus, `article-${String(i).padStart(3, '0')}.txt`), article(random, i));
    const first = await buildAndKill(args(), out, undefined);
    assert.equal(first.code, 0);
    reference = { json: fs.readFileSync(path.join(out, 'graph.json')), gexf: fs.readFileSync(path.join(out, 'graph.gexf')) };
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Parses and checks both files; they must also equal the reference byte for byte. */
  function assertComplete(when: string): void {
    const json = fs.readFileSync(path.join(out, 'graph.json'));
    const gexf = fs.readFileSync(path.join(out, 'graph.gexf'));
    const data = JSON.parse(json.toString('utf8')) as { nodes: unknown[]; edges: unknown[] };
    assert.ok(data.nodes.length > 0 && data.edges.length > 0, `${when}: graph.json has nodes and edges`);
    if (XMLLINT.available()) {
      assert.equal(xmllintErrors([path.join(out, 'graph.gexf')]), '', `${when}: graph.gexf is well-formed`);
    } else {
      const read = parseGexf(MultiDirectedGraph, gexf.toString('utf8'));
      assert.equal(read.order, data.nodes.length, `${when}: graph.gexf reads back`);
    }
    assert.ok(json.equals(reference.json), `${when}: graph.json is the complete previous file`);
    assert.ok(gexf.equals(reference.gexf), `${when}: graph.gexf is the complete previous file`);
  }

  it(`${KILLS} builds killed at random points (seed ${SEED}): graph.json and graph.gexf complete after each; no temp file left by the next build`, async () => {
    if (!XMLLINT.available()) console.log(`      note: ${XMLLINT.name} not found (${XMLLINT.install}); checking GEXF with graphology-gexf`);
    assertComplete('first build');
    const full = await buildAndKill(args(), out, undefined);
    assert.equal(full.code, 0);
    assertComplete('an uninterrupted rebuild');
    const random = seededRandom(SEED + 1);
    const runs: Run[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Even rounds: any moment of the build; odd rounds: the moment a graph file is being written.
      const kill = i % 2 === 0 ? { afterMs: Math.round(full.ms * (0.15 + random() * 0.95)) } : { onGraphTemp: true as const, file: random() < 0.5 ? ('json' as const) : ('gexf' as const), delayMs: random() < 0.5 ? 0 : 1 };
      const run = await buildAndKill(args(), out, kill);
      runs.push(run);
      assertComplete(`kill ${i + 1} (${JSON.stringify(kill)}, ${run.signal ?? `exit ${run.code}`})`);
      // Whatever a killed build left behind is a dotfile ending in .tmp: never read as input, never served.
      for (const name of fs.readdirSync(out)) assert.ok(['graph.json', 'graph.gexf', 'newsgraph.db', 'generation.json', '.newsgraph.lock'].includes(name) || /^\.generation-\d+$/.test(name) || /^\..+\.tmp(-journal|-wal|-shm)?$/.test(name), `unexpected file ${name}`);
    }
    const killed = runs.filter((r) => r.signal === 'SIGKILL').length;
    const midWrite = runs.filter((r) => r.killedWhileWriting).length;
    console.log(`      ${killed} of ${KILLS} builds killed, ${midWrite} while a graph file was being written; an uninterrupted build took ${full.ms} ms`);
    // Odd rounds always kill (at a temp file's appearance); even rounds may come after the build ended.
    assert.ok(killed >= KILLS / 2, 'the targeted builds were really killed');
    assert.ok(midWrite >= 1, 'at least one kill interrupted a graph file write');

    const last = await buildAndKill(args(), out, undefined);
    assert.equal(last.code, 0);
    assertComplete('the build after the kills');
    assert.deepEqual(fs.readdirSync(out).sort(), ['generation.json', 'graph.gexf', 'graph.json', 'newsgraph.db'], 'what killed builds left is removed by the next build');
  });
});
