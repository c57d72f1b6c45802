#!/usr/bin/env node
// Trains the pronoun ranker (models/coref.bin, read by src/entities/coref-rank.ts) on GUM's
// coreference: UD English GUM train without the documents ../shared/eval/gum scores on
// (en_gum-ud-train.no-eval-overlap.conllu) and without the documents whose text licence is
// non-commercial (docs.tsv); early stopping and the margin on GUM dev and test without those same
// documents (never trained on; the figures reported are ../shared/eval/gum's, not these).
//
//   npx tsc -p tsconfig.json && node scripts/train-coref.mjs --out FILE [--epochs N] [--seed N]
//   node scripts/eval-coref.mjs --model FILE        (the ranker for "it"/"they" against the rules)
//
// Not shipped: on GUM news/interview the ranker resolved more "it"/"they" but below the precision
// the rules keep (models/README.md, "coref ranker"), so extraction runs the rules alone.
//
// Each document's text is rebuilt from its tokens (SpaceAfter, paragraphs), run through our own
// stages (tokens, the trained NER, the entity layer; once with the parse and once without, as
// extraction runs it), and every pronoun the resolver ranks is reported with the features of its
// options (coref-rank.ts traceCoreference). A candidate is right when one of its mentions in reach
// overlaps an earlier gold mention of the pronoun's gold entity; "nobody" is right when none is.
// The ranking perceptron moves towards the best right option and away from the wrong winner.
// Deterministic: a seeded shuffle, no clock in the output; the same data writes the same bytes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const args = process.argv.slice(2);
const option = (name, fallback) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : fallback; };

const gumDir = path.resolve(repoRoot, '../shared/train/ud-english-gum');
const FILES = { train: 'en_gum-ud-train.no-eval-overlap.conllu', dev: 'en_gum-ud-dev.conllu', test: 'en_gum-ud-test.conllu', docs: 'docs.tsv', overlap: 'eval-overlap-docs.txt' };
for (const f of Object.values(FILES)) {
  if (!existsSync(path.join(gumDir, f))) {
    console.error(`train-coref: ${path.join(gumDir, f)} not found (GUM lives in ../shared/train, outside the project)`);
    process.exit(2);
  }
}
const dist = path.join(repoRoot, 'dist/src');
const { annotate } = require(path.join(dist, 'nlp/index.js'));
const { analyseSyntax } = require(path.join(dist, 'syntax/index.js'));
const { recognizeEntities, defaultLexicon } = require(path.join(dist, 'entities/index.js'));
const rank = require(path.join(dist, 'entities/coref-rank.js'));
const learn = require(path.join(dist, 'learn/index.js'));

if (!option('--out')) {
  console.error('train-coref: --out FILE is required (the ranker is not shipped in models/)');
  process.exit(2);
}
const out = path.resolve(option('--out'));
// The rules decide while the examples are gathered: the ranker learns from their candidates, not its own.
rank.setCorefModel(null);
const SETTINGS = { maxEpochs: Number(option('--epochs', '12')), patience: 3, seed: Number(option('--seed', '17')), minCount: 2, margins: [0, 2.5, 5, 10, 20, 40] };

// ---- GUM documents: text, and coreference mentions as character spans ------------------------

/** Document ids whose text licence is non-commercial (never trained on), and those the eval scores on. */
const docsTsv = readFileSync(path.join(gumDir, FILES.docs), 'utf8').split('\n');
const header = docsTsv[0].split('\t');
const nc = new Set(docsTsv.slice(1).map((l) => l.split('\t')).filter((c) => /\bNC\b/.test(c[header.indexOf('text_licence')] ?? '')).map((c) => c[header.indexOf('doc_id')]));
const overlap = new Set(readFileSync(path.join(gumDir, FILES.overlap), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));

/** CorefUD `Entity=` pieces: "(id-etype-…" opens, "(id-…)" is one word, "id)" closes. */
function entityPieces(value) {
  const pieces = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === '(') {
      let j = i + 1;
      while (j < value.length && value[j] !== '(' && value[j] !== ')') j++;
      const id = value.slice(i + 1, j).split('-')[0];
      pieces.push({ open: id });
      if (value[j] === ')') { pieces.push({ close: id }); j++; }
      i = j;
    } else {
      let j = i;
      while (j < value.length && value[j] !== ')') j++;
      pieces.push({ close: value.slice(i, j) });
      i = j + 1;
    }
  }
  return pieces;
}

function readDocuments(file, keep) {
  const docs = [];
  let doc;
  let paragraph = [];
  let sentence = '';
  let open = new Map();
  let rangeEnd = 0;
  let pendingRange;
  const flushSentence = () => { if (sentence) paragraph.push(sentence.trimEnd()); sentence = ''; };
  const flushParagraph = () => {
    flushSentence();
    if (doc && paragraph.length) doc.paragraphs.push(paragraph.join(' '));
    paragraph = [];
  };
  // Character offsets are computed as the text grows: paragraphs joined by "\n\n", sentences by " ".
  const offset = () => {
    const before = doc.paragraphs.reduce((n, p) => n + p.length + 2, 0);
    const inParagraph = paragraph.reduce((n, s) => n + s.length + 1, 0);
    return before + inParagraph + sentence.length;
  };
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('# newdoc id = ')) {
      flushParagraph();
      doc = { id: line.slice('# newdoc id = '.length).trim(), paragraphs: [], mentions: [] };
      open = new Map();
      docs.push(doc);
      continue;
    }
    if (line === '# newpar' || line.startsWith('# newpar ')) { flushParagraph(); continue; }
    if (line.startsWith('#')) continue;
    if (line === '') { flushSentence(); continue; }
    const cols = line.split('\t');
    const misc = cols[9] ?? '_';
    const spaceAfter = !/(^|\|)SpaceAfter=No(\||$)/.test(misc);
    const range = /^(\d+)-(\d+)$/.exec(cols[0]);
    if (range) {
      // A multiword token: its words share its span.
      const start = offset();
      sentence += cols[1] + (spaceAfter ? ' ' : '');
      pendingRange = { start, end: start + cols[1].length };
      rangeEnd = Number(range[2]);
      continue;
    }
    if (cols[0].includes('.')) continue;
    const id = Number(cols[0]);
    let span;
    if (pendingRange && id <= rangeEnd) {
      span = pendingRange;
      if (id === rangeEnd) pendingRange = undefined;
    } else {
      const start = offset();
      sentence += cols[1] + (spaceAfter ? ' ' : '');
      span = { start, end: start + cols[1].length };
    }
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(misc)?.[1];
    if (!entity) continue;
    for (const p of entityPieces(entity)) {
      if (p.open !== undefined) {
        const stack = open.get(p.open) ?? [];
        stack.push(span.start);
        open.set(p.open, stack);
      } else {
        const start = open.get(p.close)?.pop();
        if (start !== undefined) doc.mentions.push({ entity: p.close, start, end: span.end });
      }
    }
  }
  flushParagraph();
  return docs.filter((d) => keep(d.id)).map((d) => ({ id: d.id, text: d.paragraphs.join('\n\n'), mentions: d.mentions }));
}

// ---- examples: each ranked pronoun with its options' features and which are right ---------------

const lexicon = defaultLexicon();
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

function examples(docs) {
  const all = [];
  for (const d of docs) {
    const annotated = annotate({ id: d.id, text: d.text, origin: d.id });
    const syntax = analyseSyntax(annotated);
    for (const parse of [syntax, undefined]) {
      const traces = [];
      rank.traceCoreference((t) => traces.push(t), () => recognizeEntities(annotated, lexicon, syntax.ner, parse));
      for (const t of traces) {
        // The pronoun's own gold mention: the one-word mention at it.
        const own = d.mentions.find((m) => m.start <= t.start && t.end <= m.end && m.end - m.start <= t.end - t.start + 1);
        const earlier = own ? d.mentions.filter((m) => m.entity === own.entity && m.end <= t.start) : [];
        const right = t.candidates.map((c) => c.spans.some((s) => earlier.some((m) => overlaps(s, m))));
        const named = t.candidates.map((c) => !c.entity.startsWith('#'));
        all.push({
          options: [t.nobody, ...t.candidates.map((c) => c.features)],
          // Option 0 is nobody: right when no candidate is.
          right: [!right.includes(true), ...right],
          named: [false, ...named],
        });
      }
    }
  }
  return all;
}

const trainDocs = readDocuments(path.join(gumDir, FILES.train), (id) => !nc.has(id) && !overlap.has(id));
// Dev and test together (neither ever trained on): few of their pronouns are "it" or "they" for an actor.
const devDocs = [FILES.dev, FILES.test].flatMap((f) => readDocuments(path.join(gumDir, f), (id) => !nc.has(id) && !overlap.has(id)));
const train = examples(trainDocs);
const dev = examples(devDocs);
console.error(`train-coref: ${trainDocs.length} training documents (${train.length} ranked pronouns), ${devDocs.length} dev documents (${dev.length})`);

// ---- the ranking perceptron -----------------------------------------------------------------------

const hashed = (list) => list.map((ex) => ({ ...ex, options: ex.options.map((f) => Uint32Array.from(f.map((s) => learn.feature1(0, learn.hashString(s))))) }));
const trainH = hashed(train);
const devH = hashed(dev);
const counter = new learn.FeatureCounter();
const buffer = new learn.FeatureBuffer();
const fill = (values) => { buffer.clear(); for (const v of values) buffer.push(v); return buffer; };
for (const ex of trainH) for (const o of ex.options) counter.add(fill(o));
const perceptron = new learn.AveragedPerceptron(2, counter.frequent(SETTINGS.minCount));
const scratch = new Float64Array(2);
const scoreWith = (score, values) => { scratch.fill(0); score(fill(values), scratch); return scratch[1] - scratch[0]; };

/** Index of the best option (first on ties), among `allowed` when given. */
function argmax(scores, allowed) {
  let best = -1;
  for (let i = 0; i < scores.length; i++) if ((!allowed || allowed[i]) && (best < 0 || scores[i] > scores[best])) best = i;
  return best;
}

/** Run-time outcome at a margin: the named candidate resolved to, or -1 (unresolved). */
function decide(scores, ex, margin) {
  let best = -1;
  for (let i = 1; i < scores.length; i++) if (best < 0 || scores[i] > scores[best]) best = i;
  if (best < 0) return -1;
  let runnerUp = scores[0];
  for (let i = 1; i < scores.length; i++) if (i !== best) runnerUp = Math.max(runnerUp, scores[i]);
  return scores[best] - runnerUp >= margin && ex.named[best] ? best : -1;
}

/** Pronouns with a right named candidate: how many resolved right; all resolutions; wrong ones. */
function measure(model, list, margin) {
  let gold = 0;
  let right = 0;
  let resolved = 0;
  for (const ex of list) {
    const scores = ex.options.map((o) => scoreWith((b, s) => model.score(b, s), o));
    const choice = decide(scores, ex, margin);
    const reachable = ex.right.some((r, i) => r && ex.named[i]);
    if (reachable) gold++;
    if (choice < 0) continue;
    resolved++;
    if (ex.right[choice]) right++;
  }
  return { gold, right, resolved, accuracy: gold ? right / gold : 0, precision: resolved ? right / resolved : 0 };
}

const result = learn.fit(perceptron, trainH, { maxEpochs: SETTINGS.maxEpochs, patience: SETTINGS.patience, seed: SETTINGS.seed }, {
  learn: (ex) => {
    perceptron.tick();
    const scores = ex.options.map((o) => scoreWith((b, s) => perceptron.score(b, s), o));
    const guess = argmax(scores);
    if (ex.right[guess]) return;
    const truth = argmax(scores, ex.right);
    perceptron.update(fill(ex.options[truth]), 1, 0);
    perceptron.update(fill(ex.options[guess]), 0, 1);
  },
  // Early stopping on right resolutions minus twice the wrong ones: a wrong antecedent costs a false fact.
  evaluate: (model) => {
    const m = measure(model, devH, 0);
    return (m.right - 2 * (m.resolved - m.right)) / Math.max(1, m.gold);
  },
});

// The margin (in the model's score units): the one with the most right resolutions less twice the wrong ones on dev.
let margin = 0;
let chosen = measure(result.model, devH, 0);
const worth = (m) => m.right - 2 * (m.resolved - m.right);
for (const step of SETTINGS.margins) {
  const m = measure(result.model, devH, step);
  if (worth(m) > worth(chosen)) {
    margin = step;
    chosen = m;
  }
}
const trainScore = measure(result.model, trainH, margin);
const pct = (x) => Number((100 * x).toFixed(1));
const scores = {
  devAccuracy: pct(chosen.accuracy), devPrecision: pct(chosen.precision), devPronouns: chosen.gold,
  trainAccuracy: pct(trainScore.accuracy), trainPrecision: pct(trainScore.precision), bestEpoch: result.bestEpoch,
};
console.error(`train-coref: best epoch ${result.bestEpoch}, margin ${margin}: dev ${scores.devAccuracy}% of ${chosen.gold} reachable pronouns right, precision ${scores.devPrecision}%; train ${scores.trainAccuracy}% / ${scores.trainPrecision}%`);

const data = [FILES.train, FILES.dev, FILES.test, FILES.docs, FILES.overlap].map((f) => ({ file: `ud-english-gum/${f}`, sha256: learn.fileSha256(path.join(gumDir, f)) }));
learn.writeModelFile(out, {
  kind: rank.COREF_KIND,
  templates: rank.COREF_TEMPLATES,
  data,
  settings: { ...SETTINGS, margin, trainDocuments: trainDocs.length, devDocuments: devDocs.length, trainPronouns: train.length, devPronouns: dev.length },
  scores,
  tables: {},
  sections: [{ name: 'rank', labels: ['other', 'antecedent'], model: result.model }],
});
console.error(`train-coref: wrote ${path.relative(repoRoot, out)} (${result.model.rows} features)`);
