#!/usr/bin/env node
// Experiment (issue 17): candidates for a learned relation classifier, cached to a file.
// In each sentence of the steering sets, every ordered pair of references to two different actors
// (a place only as the second end, for attacks) between which the rules' facts of that sentence
// have nothing; each with its features (the dependency path and its words, read from the parse of
// the sentence) and its distant label (the set's gold: an unnoted line with a among the sources
// and b among the targets). The rules' facts of each document are written too, for the scorer.
//
//   node scripts/relclf-candidates.mjs OUT.jsonl   (needs dist/: npm run build)
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { readGold } from './steering-gold.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const dist = path.join(repoRoot, 'dist', 'src');
const { createExtractor } = require(path.join(dist, 'pipeline.js'));
const { annotate } = require(path.join(dist, 'nlp', 'index.js'));
const { parseDocument, syntaxModels, tagDocument, tokenNames } = require(path.join(dist, 'syntax', 'index.js'));
const { recognizeEntities } = require(path.join(dist, 'entities', 'index.js'));
const { defaultLexicon } = require(path.join(dist, 'entities', 'lexicon.js'));
const { DependencyTree, negated, hypothetical } = require(path.join(dist, 'relations', 'tree.js'));
const { matchCameo } = require(path.join(dist, 'relations', 'cameo.js'));

const ROLES = new Set(['leader_of', 'member_of', 'located_in']);
const ACTOR = new Set(['person', 'country', 'organization']);
const NAMED_VIA = new Set(['name', 'lexicon', 'seat', 'capital']);


/** The token of a span whose head lies outside it (the first such). */
function spanHead(tree, first, last) {
  for (let i = first; i <= last; i++) {
    const h = tree.head(i);
    if (h < first || h > last) return i;
  }
  return last;
}

function ancestors(tree, i) {
  const out = [i];
  let k = tree.head(i);
  while (k >= 0 && out.length < 60) { out.push(k); k = tree.head(k); }
  return out;
}

function bucket(n) {
  return n <= 4 ? String(n) : n <= 6 ? '5-6' : '7+';
}

const CONTENT = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN']);

function features(doc, tree, a, b) {
  const toks = doc.tokens;
  const ha = spanHead(tree, a.firstToken, a.lastToken);
  const hb = spanHead(tree, b.firstToken, b.lastToken);
  const upA = ancestors(tree, ha);
  const upB = ancestors(tree, hb);
  const setB = new Set(upB);
  const lca = upA.find((x) => setB.has(x));
  const f = [];
  f.push(`ta=${a.entityType}`, `tb=${b.entityType}`, `tab=${a.entityType}>${b.entityType}`);
  f.push(`order=${a.firstToken < b.firstToken ? 'ab' : 'ba'}`);
  f.push(`via_a=${a.via}`, `via_b=${b.via}`);
  if (a.possessive) f.push('poss_a');
  if (b.possessive) f.push('poss_b');
  const relA = tree.deprel(ha);
  const relB = tree.deprel(hb);
  const prepA = tree.caseOf(ha) ?? '-';
  const prepB = tree.caseOf(hb) ?? '-';
  f.push(`da=${relA}`, `db=${relB}`, `pa=${prepA}`, `pb=${prepB}`, `dab=${relA}|${prepA}>${relB}|${prepB}`);
  let info = { lca: -1, path: '', lpath: '' };
  if (lca === undefined) {
    f.push('nolca');
  } else {
    const left = upA.slice(0, upA.indexOf(lca));
    const right = upB.slice(0, upB.indexOf(lca));
    const up = left.map((x) => `↑${tree.deprel(x)}`);
    const down = right.reverse().map((x) => `↓${tree.deprel(x)}`);
    const path = [...up, ...down].join(' ');
    const lpathParts = [];
    left.forEach((x, k) => { if (k > 0) lpathParts.push(toks[x].lemma.toLowerCase()); lpathParts.push(`↑${tree.deprel(x)}`); });
    const L = toks[lca];
    const lcaLemma = L.lemma.toLowerCase();
    lpathParts.push(lcaLemma);
    const rightDown = upB.slice(0, upB.indexOf(lca)).reverse();
    rightDown.forEach((x, k) => { lpathParts.push(`↓${tree.deprel(x)}`); if (k < rightDown.length - 1) lpathParts.push(toks[x].lemma.toLowerCase()); });
    const lpath = lpathParts.join(' ');
    info = { lca, path, lpath };
    const upos = tree.upos(lca);
    f.push(`lca=${lcaLemma}`, `lcapos=${upos}`, `lcarel=${tree.deprel(lca)}`);
    f.push(`path=${path}`, `lpath=${lpath}`, `plen=${bucket(left.length + right.length)}`);
    f.push(`lca_path=${lcaLemma}|${path}`);
    f.push(`lca_ends=${lcaLemma}|${relA}|${prepA}>${relB}|${prepB}`);
    for (const x of [...left.slice(1), lca, ...right.slice(0, -1)]) {
      if (CONTENT.has(tree.upos(x))) f.push(`pw=${toks[x].lemma.toLowerCase()}`);
    }
    // the CAMEO code of the LCA verb, as the tree reader would build its use
    if (upos === 'VERB') {
      const objects = [];
      const obliques = [];
      let particle;
      for (const c of tree.children(lca)) {
        const d = tree.deprel(c);
        if (d === 'obj') objects.push(toks[c].lower);
        if (d === 'compound:prt') particle = toks[c].lower;
        if (d === 'obl' || d.startsWith('obl:')) { const p = tree.caseOf(c); if (p) obliques.push({ prep: p, head: toks[c].lower }); }
      }
      const m = matchCameo({ lemma: lcaLemma, particle, objects, obliques });
      if (m) f.push(`cameo=${m.code.slice(0, 2)}`, `cameorel=${m.relation}`, `cameofull=${m.code}`);
    }
    for (const c of tree.children(lca)) {
      const d = tree.deprel(c);
      const w = toks[c].lower;
      if ((d === 'advmod' || d === 'neg') && ['not', "n't", 'never'].includes(w)) f.push('lca_neg');
      if (d === 'aux' && ['would', 'could', 'might', 'may', 'should', 'will', 'can', 'must'].includes(w)) f.push(`lca_modal=${w}`);
      if (d === 'aux:pass' || d === 'nsubj:pass') f.push('lca_passive');
      if (d === 'mark') f.push(`lca_mark=${w}`);
    }
    if (tree.head(lca) >= 0) f.push(`lcagov=${toks[tree.head(lca)].lemma.toLowerCase()}|${tree.deprel(lca)}`);
  }
  const lo = Math.min(a.lastToken, b.lastToken) + 1;
  const hi = Math.max(a.firstToken, b.firstToken) - 1;
  const n = hi - lo + 1;
  if (n <= 0) f.push('adjacent');
  else if (n <= 6) {
    const ws = [];
    for (let i = lo; i <= hi; i++) ws.push(toks[i].lower);
    f.push(`between=${ws.join(' ')}`);
    for (const w of ws) f.push(`bw=${w}`);
  } else f.push(`far=${bucket(Math.ceil(n / 4))}`);
  return { f, info, ha, hb };
}

function main(argv) {
  const out = argv[0] ?? '/tmp/relclf-candidates.jsonl';
  const setsDir = path.join(repoRoot, 'eval', 'steering');
  const sets = readdirSync(setsDir).filter((d) => existsSync(path.join(setsDir, d, 'gold.tsv'))).sort((x, y) => Number(x.slice(3)) - Number(y.slice(3)));
  const extract = createExtractor();
  const lexicon = defaultLexicon();
  const models = syntaxModels();
  const lines = [];
  for (const set of sets) {
    const dir = path.join(setsDir, set);
    const gold = readGold(path.join(dir, 'gold.tsv'));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
      const id = file.replace(/\.txt$/, '');
      const source = { id, text: readFileSync(path.join(dir, file), 'utf8'), origin: file };
      const result = extract(source);
      const facts = result.facts.filter((x) => !ROLES.has(x.relation));
      lines.push(JSON.stringify({ kind: 'facts', set, doc: id, facts: facts.map((x) => ({ source: x.source, relation: x.relation, target: x.target, start: x.start, negated: x.negated, hypothetical: x.hypothetical, rule: x.rule, sentence: x.sentence })) }));
      const doc = annotate(source);
      const tagged = tagDocument(doc, models);
      const names = tokenNames(doc, tagged);
      const layer = recognizeEntities(doc, lexicon, names);
      const refs = layer.references.filter((r) => !r.modifier && (ACTOR.has(r.entityType) || r.entityType === 'place'));
      const bySentence = new Map();
      for (const r of refs) { if (!bySentence.has(r.sentence)) bySentence.set(r.sentence, []); bySentence.get(r.sentence).push(r); }
      const want = new Set();
      for (const [s, rs] of bySentence) if (new Set(rs.filter((r) => ACTOR.has(r.entityType)).map((r) => r.entity)).size >= 1 && new Set(rs.map((r) => r.entity)).size >= 2) want.add(s);
      const proper = new Uint8Array(doc.tokens.length);
      for (const r of layer.references) {
        if (!NAMED_VIA.has(r.via)) continue;
        for (let i = r.firstToken; i <= r.lastToken; i++) if (/^\p{Lu}/u.test(doc.tokens[i]?.value ?? '')) proper[i] = 1;
      }
      const syntax = parseDocument(doc, tagged, names, (s) => want.has(s), models, proper);
      const tree = new DependencyTree(doc.tokens, syntax);
      const docGold = gold.filter((g) => g.doc === id && !g.noted);
      for (const s of [...want].sort((x, y) => x - y)) {
        const sent = doc.sentences[s];
        const text = source.text.slice(sent.start, sent.end);
        const rs = bySentence.get(s);
        const told = new Set();
        for (const x of facts) if (x.start >= sent.start && x.start < sent.end) { told.add(`${x.source} ${x.target}`); told.add(`${x.target} ${x.source}`); }
        for (const a of rs) {
          if (!ACTOR.has(a.entityType)) continue;
          for (const b of rs) {
            if (a.entity === b.entity) continue;
            if (!(a.lastToken < b.firstToken || b.lastToken < a.firstToken)) continue;
            if (told.has(`${a.entity} ${b.entity}`)) continue;
            const { f, info } = features(doc, tree, a, b);
            const labels = [];
            for (const g of docGold) {
              for (const r of g.relations) {
                const fits = (g.sources.includes(a.entity) && g.targets.includes(b.entity)) || (r === 'met' && g.sources.includes(b.entity) && g.targets.includes(a.entity));
                if (fits && (b.entityType !== 'place' || r === 'attacked') && !labels.includes(r)) labels.push(r);
              }
            }
            const neg = info.lca >= 0 && negated(tree, info.lca);
            const hyp = info.lca >= 0 && hypothetical(tree, info.lca);
            lines.push(JSON.stringify({
              kind: 'cand', set, doc: id, sentence: s, start: sent.start, text,
              a: { entity: a.entity, type: a.entityType, words: source.text.slice(doc.tokens[a.firstToken].start, doc.tokens[a.lastToken].end), first: a.firstToken },
              b: { entity: b.entity, type: b.entityType, words: source.text.slice(doc.tokens[b.firstToken].start, doc.tokens[b.lastToken].end), first: b.firstToken },
              lca: info.lca >= 0 ? doc.tokens[info.lca].value : null, path: info.lpath, negated: neg, hypothetical: hyp, labels, f,
            }));
          }
        }
      }
    }
    process.stderr.write(`${set} `);
  }
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stderr.write(`\n${lines.length} lines → ${out}\n`);
}

main(process.argv.slice(2));
