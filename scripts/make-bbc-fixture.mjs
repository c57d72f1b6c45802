#!/usr/bin/env node
// Writes test/fixtures/bbc-sized-graph.json: a synthetic graph shaped like the BBC news corpus's
// (2,127 articles → ~10,000 actors, of which ~800 have a relation, ~1,250 edges, a tenth of them
// located_in, a few dozen dated articles), with names made up here. The browser tests open it to
// check the first view of a big graph (no isolated node drawn, no two labels over each other).
// Seeded: the same bytes every run. Laid out by the build's own layout stage (`npm run build` first).
//
//   node scripts/make-bbc-fixture.mjs [--out test/fixtures/bbc-sized-graph.json]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { MultiDirectedGraph } = require('graphology');
const { layoutGraph } = require(path.join(root, 'dist/src/layout/index.js'));
const { seededRandom } = require(path.join(root, 'dist/src/layout/random.js'));
const { edgeKey } = require(path.join(root, 'dist/src/graph/contract.js'));

const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex >= 0 ? process.argv[outIndex + 1] : path.join(root, 'test/fixtures/bbc-sized-graph.json'));

const DOCS = 2127;
const ACTORS = 10000;
const CONNECTED = 800;
const EDGES = 1250;
const rand = seededRandom(18);
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];

// Made-up names: syllables, so that labels have the lengths of real ones.
const SYL = ['ka', 'lor', 'ven', 'dru', 'mi', 'sol', 'tar', 'quin', 'bel', 'os', 'ra', 'nek', 'phi', 'lu', 'gar', 'ten', 'wil', 'mor', 'ash', 'ely'];
const word = (n) => {
  let w = '';
  for (let i = 0; i < n; i++) w += pick(SYL);
  return w[0].toUpperCase() + w.slice(1);
};
const ORG_TAIL = ['Council', 'Party', 'Group', 'Bank', 'Union', 'Agency', 'Institute', 'Holdings', 'Federation', 'Office'];
const TYPES = [
  ['person', 0.62],
  ['organization', 0.25],
  ['country', 0.05],
  ['place', 0.06],
  ['other', 0.02],
];
const typeOf = () => {
  let x = rand();
  for (const [t, p] of TYPES) if ((x -= p) < 0) return t;
  return 'person';
};
const nameOf = (type) => {
  switch (type) {
    case 'person':
      return `${word(1 + int(2))} ${word(2)}`;
    case 'organization':
      return `${word(2)} ${pick(ORG_TAIL)}`;
    case 'country':
      return `${word(2 + int(2))}ia`;
    case 'place':
      return `${word(1 + int(2))} ${pick(['Bay', 'Hill', 'Port', 'Vale'])}`;
    default:
      return word(2 + int(2)).toLowerCase();
  }
};

const sources = [];
for (let i = 0; i < DOCS; i++) {
  const id = `doc-${String(i + 1).padStart(4, '0')}`;
  // A few dozen dated articles, as the BBC files (no metadata, a date in some openings).
  const dated = i % 60 === 0;
  sources.push({ id, title: `${word(2)} ${word(1).toLowerCase()} ${word(2).toLowerCase()}`, ...(dated ? { date: `2005-0${1 + (i % 9)}-1${i % 10}` } : {}) });
}

const graph = new MultiDirectedGraph();
graph.replaceAttributes({ generator: 'newsgraph', version: 'fixture', documentCount: DOCS, sources });
const keys = [];
const used = new Set();
for (let i = 0; i < ACTORS; i++) {
  const entityType = typeOf();
  let label = nameOf(entityType);
  for (let tries = 0; used.has(label); tries++) label = tries < 20 ? nameOf(entityType) : `${nameOf(entityType)} ${tries}`;
  used.add(label);
  const key = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const mentions = 1 + int(i < CONNECTED ? 40 : 4);
  graph.addNode(key, { label, aliases: [], entityType, roles: [], mentions, documents: Math.max(1, Math.ceil(mentions / 2)), x: 0, y: 0, size: 1, color: '#999999' });
  keys.push(key);
}

const RELATIONS = ['met', 'urged', 'proposed', 'promised', 'accepted', 'rejected', 'supported', 'accused', 'warned', 'informed', 'aided', 'attacked', 'sanctioned', 'leader_of', 'member_of'];
const VERB = { met: 'met', urged: 'urged', proposed: 'proposed a plan to', promised: 'promised', accepted: 'accepted the offer of', rejected: 'rejected the bid of', supported: 'backed', accused: 'accused', warned: 'warned', informed: 'told', aided: 'helped', attacked: 'attacked', sanctioned: 'fined', leader_of: 'leads', member_of: 'is a member of', located_in: 'is in' };
// Preferential attachment among the connected actors (a few hubs), the rest in pairs and small groups.
const connected = keys.slice(0, CONNECTED);
const weightOf = (i) => 1 / (1 + i) ** 0.9;
const total = connected.reduce((s, _k, i) => s + weightOf(i), 0);
const hub = () => {
  let x = rand() * total;
  for (let i = 0; i < connected.length; i++) if ((x -= weightOf(i)) < 0) return connected[i];
  return connected[connected.length - 1];
};
let added = 0;
let guard = 0;
while (added < EDGES && guard++ < EDGES * 20) {
  const located = rand() < 0.1;
  const relation = located ? 'located_in' : pick(RELATIONS);
  const source = added % 3 === 0 ? connected[int(CONNECTED)] : hub();
  const target = located ? pick(connected.slice(0, 40)) : rand() < 0.5 ? hub() : connected[int(CONNECTED)];
  if (source === target) continue;
  const negated = !located && rand() < 0.03;
  const hypothetical = !located && !negated && rand() < 0.05;
  const key = edgeKey(source, relation, target, negated, hypothetical);
  if (graph.hasEdge(key)) continue;
  const count = 1 + Math.floor(-Math.log(1 - rand() * 0.999) * 0.8);
  const evidence = [];
  for (let e = 0; e < Math.min(count, 3); e++) {
    const doc = sources[int(DOCS)];
    const sentence = `${graph.getNodeAttribute(source, 'label')} ${VERB[relation]} ${graph.getNodeAttribute(target, 'label')}.`;
    evidence.push({ doc: doc.id, sentence, start: 0, end: sentence.length, trigger: VERB[relation].split(' ')[0], rule: 'fixture', ...(doc.date ? { date: doc.date } : {}) });
  }
  const dates = evidence.map((e) => e.date).filter(Boolean).sort();
  graph.addDirectedEdgeWithKey(key, source, target, {
    relation, label: relation, negated, hypothetical, count, weight: count, evidence,
    ...(dates.length ? { firstSeen: dates[0], lastSeen: dates[dates.length - 1] } : {}),
    cameo: '040', goldstein: relation === 'accused' || relation === 'attacked' ? -4 : 1, color: '#999999', size: 1,
  });
  added++;
}
layoutGraph(graph);
writeFileSync(out, `${JSON.stringify(graph.export())}\n`);
process.stdout.write(`${path.relative(process.cwd(), out)}: ${graph.order} nodes, ${graph.size} edges\n`);
