#!/usr/bin/env node
// Pronoun-antecedent accuracy on GUM news and interview documents (issue 17, item 3):
// for every gold third-person pronoun whose gold chain has a named person/organization/place
// mention before it, does our reference at that pronoun resolve to our entity that covers a
// named mention of that chain?
//   accuracy  = correct / gold pronouns of that kind
//   resolved  = pronouns we resolved at all / gold pronouns of that kind
//   precision = correct / resolved
//   spurious  = gold pronouns whose chain has no named antecedent that we still resolved
//               (each one is a fact that may go to a wrong actor)
//
//   node scripts/eval-coref.mjs [--json] [--misses] [--by] [--no-syntax] [--model FILE [--margin X]] [--doc ID]
//
// --by prints the pronouns by outcome (right, wrong antecedent, unresolved; unreachable when no
// actor of ours of an agreeing type is on the gold chain), pronoun form, quotation, distance in
// sentences to the chain's nearest earlier mention we name, and the antecedent's type.
// --no-syntax resolves without the parse, as extraction does (the entity layer runs before it).
//
// Runs the stages of dist/src/extract.js createExtractor (annotate → the trained models →
// recognizeEntities) itself, because the references are not part of a DocumentResult; builds
// nothing (run `npx tsc -p tsconfig.json` first). Without ../shared it prints a skip line and exits 0.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const gumFile = path.resolve(repoRoot, '../shared/eval/gum/gum_news_interview_speech.jsonl');
const require = createRequire(path.join(repoRoot, 'package.json'));

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : undefined; };

/** Third-person pronouns the resolver is asked about (the issue's list, plus reflexives). */
const PRONOUNS = new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves']);
const NAMED_TYPES = new Set(['person', 'organization', 'place']);

if (!existsSync(gumFile)) {
  console.log(`eval-coref: skipped (${path.relative(repoRoot, gumFile)} is absent: it lives in ../shared, outside the project)`);
  process.exit(0);
}
const dist = path.join(repoRoot, 'dist/src');
if (!existsSync(path.join(dist, 'extract.js'))) {
  console.log('eval-coref: skipped (no dist/: run `npx tsc -p tsconfig.json` first)');
  process.exit(0);
}
const { annotate } = require(path.join(dist, 'nlp/index.js'));
const { analyseSyntax } = require(path.join(dist, 'syntax/index.js'));
const { recognizeEntities, defaultLexicon } = require(path.join(dist, 'entities/index.js'));
const lexicon = defaultLexicon();
// --model FILE: the pronoun ranker of scripts/train-coref.mjs for "it" and "they" (off in extraction:
// it measured below the rules), its stored margin or --margin X.
const rank = require(path.join(dist, 'entities/coref-rank.js'));
if (option('--model')) rank.setCorefModel(rank.readCorefModel(path.resolve(option('--model')), option('--margin') !== undefined ? Number(option('--margin')) : undefined));

const docs = readFileSync(gumFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
  .filter((d) => d.genre === 'news' || d.genre === 'interview')
  .filter((d) => !option('--doc') || d.doc_id === option('--doc'));

const isNamed = (m) => m.head_upos === 'PROPN' && NAMED_TYPES.has(m.etype);
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

const total = { reachable: 0, gold: 0, resolved: 0, correct: 0, spurious: 0, otherPronouns: 0 };
const byForm = new Map();
const misses = [];
/** One row per gold pronoun with a named antecedent, for --by. */
const rows = [];
const spurious = [];
const started = process.hrtime.bigint();

for (const d of docs) {
  const source = { id: d.doc_id, text: d.text, origin: d.doc_id };
  const annotated = annotate(source);
  const syntax = analyseSyntax(annotated);
  // As createExtractor: the trained NER's names; the parse when the entity layer takes it.
  const layer = flag('--no-syntax') ? recognizeEntities(annotated, lexicon, syntax.ner) : recognizeEntities(annotated, lexicon, syntax.ner, syntax);
  const tokens = annotated.tokens;
  const charOf = (r) => ({ start: tokens[r.firstToken].start, end: tokens[r.lastToken].end });
  const pronounRefs = new Map();
  for (const r of layer.references) if (r.via === 'pronoun' && !r.modifier) pronounRefs.set(r.firstToken, r);
  const types = new Map(layer.entities.map((e) => [e.id, e.group ? 'group' : e.entityType]));
  const named = layer.references.filter((r) => r.via !== 'pronoun' && !r.modifier).map((r) => ({ ...charOf(r), entity: r.entity }));
  for (const m of layer.mentions) named.push({ start: m.start, end: m.end, entity: m.entity });
  const mentions = new Map(d.mentions.map((m) => [m.id, m]));
  const chainOf = new Map(d.entities.map((e) => [e.id, e.mention_ids.map((id) => mentions.get(id))]));

  for (const m of d.mentions) {
    const form = m.text.toLowerCase();
    if (m.head_upos !== 'PRON' || !PRONOUNS.has(form)) continue;
    const token = tokens.find((t) => t.start >= m.start && t.end <= m.end);
    const ours = token ? pronounRefs.get(token.index) : undefined;
    const chain = chainOf.get(m.entity) ?? [];
    const antecedents = chain.filter((c) => isNamed(c) && c.start < m.start);
    if (antecedents.length === 0) {
      total.otherPronouns++;
      if (ours) {
        total.spurious++;
        const sentence = d.sentences[m.sent];
        spurious.push({ doc: d.doc_id, pronoun: m.text, offset: m.start, ours: ours.entity, gold: chain.find((c) => c.head_upos !== 'PRON')?.text ?? '(pronouns only)', sentence: sentence ? d.text.slice(sentence.start, sentence.end) : '' });
      }
      continue;
    }
    // Our entities that cover a named or nominal mention of the gold chain.
    const goldEntities = new Set();
    for (const c of chain) {
      if (c.head_upos === 'PRON') continue;
      for (const n of named) if (overlaps(n, c)) goldEntities.add(n.entity);
    }
    // Reachable: our entity layer has an actor of a type the pronoun can stand for on the chain.
    const personal = /^(he|him|his|himself|she|her|hers|herself)$/.test(form);
    const reachable = [...goldEntities].some((e) => (personal ? types.get(e) === 'person' : types.get(e) !== 'person' && types.get(e) !== undefined));
    if (reachable) total.reachable++;
    const correct = ours !== undefined && goldEntities.has(ours.entity);
    // Sentences back to the chain's nearest earlier mention that one of our names covers (-1: none).
    let nearest = -1;
    for (const c of chain) {
      if (c.start >= m.start || c.head_upos === 'PRON') continue;
      if (named.some((n) => overlaps(n, c) && goldEntities.has(n.entity)) && (nearest < 0 || m.sent - c.sent < nearest)) nearest = m.sent - c.sent;
    }
    const opened = d.text.slice(d.sentences[m.sent]?.start ?? 0, m.start);
    const quoted = (opened.match(/["“”]/g) ?? []).length % 2 === 1;
    rows.push({
      outcome: correct ? 'right' : !reachable ? 'unreachable' : ours ? 'wrong' : 'unresolved',
      form: form.replace(/^(him|his|himself)$/, 'he').replace(/^(hers|herself)$/, 'her').replace(/^(them|themselves|theirs)$/, 'their').replace(/^itself$/, 'its'),
      quoted, distance: nearest < 0 ? 'none' : nearest >= 3 ? '3+' : String(nearest),
      type: [...goldEntities].map((e) => types.get(e)).filter(Boolean).sort()[0] ?? 'none',
    });
    total.gold++;
    if (ours) total.resolved++;
    if (correct) total.correct++;
    const row = byForm.get(form) ?? { gold: 0, resolved: 0, correct: 0 };
    row.gold++;
    if (ours) row.resolved++;
    if (correct) row.correct++;
    byForm.set(form, row);
    if (!correct) {
      const sentence = d.sentences[m.sent];
      misses.push({
        outcome: rows[rows.length - 1].outcome, distance: rows[rows.length - 1].distance, doc: d.doc_id, pronoun: m.text, offset: m.start, gold: antecedents[antecedents.length - 1].text, goldEntities: [...goldEntities].sort(),
        ours: ours ? ours.entity : null,
        sentence: sentence ? d.text.slice(sentence.start, sentence.end) : '',
      });
    }
  }
}

const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
if (flag('--json')) {
  console.log(JSON.stringify({ docs: docs.length, ...total, accuracy: total.gold ? total.correct / total.gold : null, byForm: Object.fromEntries(byForm) }, null, 1));
} else {
  console.log(`eval-coref: ${docs.length} GUM news/interview documents${flag('--no-syntax') ? ' (no parse)' : ''}, ${option('--model') ? `ranker ${option('--model')}` : 'rules'}, ${seconds.toFixed(1)} s`);
  console.log(`pronouns with a named antecedent: ${total.gold}`);
  console.log(`  accuracy  ${pct(total.correct, total.gold)} (${total.correct}/${total.gold})`);
  console.log(`  reachable ${pct(total.reachable, total.gold)} (${total.reachable}/${total.gold}: our entity layer has an actor of an agreeing type on the gold chain)`);
  console.log(`  resolved  ${pct(total.resolved, total.gold)} (${total.resolved}/${total.gold})`);
  console.log(`  precision ${pct(total.correct, total.resolved)} (${total.correct}/${total.resolved})`);
  console.log(`other third-person pronouns: ${total.otherPronouns}, resolved anyway (spurious): ${total.spurious}`);
  const forms = [...byForm.entries()].sort((a, b) => b[1].gold - a[1].gold || (a[0] < b[0] ? -1 : 1));
  console.log(`by form: ${forms.map(([f, r]) => `${f} ${r.correct}/${r.resolved}/${r.gold}`).join(', ')} (correct/resolved/gold)`);
  if (flag('--by')) {
    const outcomes = ['right', 'wrong', 'unresolved', 'unreachable'];
    for (const key of ['form', 'quoted', 'distance', 'type']) {
      const table = new Map();
      for (const r of rows) {
        const k = String(r[key]);
        const row = table.get(k) ?? Object.fromEntries(outcomes.map((o) => [o, 0]));
        row[r.outcome]++;
        table.set(k, row);
      }
      console.log(`by ${key} (${outcomes.join('/')}):`);
      for (const [k, row] of [...table.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(`  ${k.padEnd(12)} ${outcomes.map((o) => String(row[o]).padStart(4)).join(' ')}`);
    }
  }
  if (flag('--misses')) {
    for (const x of misses) {
      console.log(`- [${x.outcome} ${x.distance}] ${x.doc}@${x.offset} ${x.pronoun} → ${x.ours ?? '(none)'}; gold "${x.gold}" [${x.goldEntities.join(' ')}]\n    ${x.sentence.slice(0, 240)}`);
    }
    console.log('spurious:');
    for (const x of spurious) console.log(`- ${x.doc}@${x.offset} ${x.pronoun} → ${x.ours}; gold "${x.gold}"\n    ${x.sentence.slice(0, 240)}`);
  }
}
