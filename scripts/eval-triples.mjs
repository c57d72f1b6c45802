#!/usr/bin/env node
// Scores our facts against the silver subject–verb–object triples that ../shared/eval/gum derives
// from GUM's gold trees and coreference (gum_derived_svo_triples.jsonl; see its README): a recall
// check for "who did what to whom", and a precision proxy for our relational facts. Never part of
// the project: it reads ../shared and prints; without ../shared it prints a skip line.
//
//   node scripts/eval-triples.mjs [--misses] [--json]
//   (NEWSGRAPH_DIST=DIR scores another build's dist/ folder; default ./dist)
//
// How a gold end meets ours: a gold mention finds our mentions that overlap its head token, or,
// when none does, our mentions of a compatible type that overlap its span. A gold entity is found
// as every entity of ours that any of its gold mentions (its whole coreference chain, pronouns
// included) finds. A triple is recalled when one of our facts in the same sentence (evidence span
// overlapping the gold sentence), any relation, neither negated nor title/gazetteer, goes from a
// subject entity to an object entity (either way for `met`). Passive triples with a by-agent
// ("X was attacked by Y") expect the fact from the object (the agent) to the subject.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const gumDir = path.join(shared, 'eval/gum');
const require = createRequire(path.join(repoRoot, 'package.json'));
const distDir = process.env.NEWSGRAPH_DIST ? path.resolve(process.env.NEWSGRAPH_DIST) : path.join(repoRoot, 'dist');

/** Facts that come from titles and the gazetteer, not from a verb: not what the triples test. */
const NON_EVENT_RELATIONS = new Set(['leader_of', 'member_of', 'located_in']);
const SYMMETRIC = new Set(['met']);
const GENRES = ['news', 'interview', 'speech'];
const GOLD_TYPES = new Set(['person', 'organization', 'place']);
// Our type → the GUM types it may stand for (GUM types a country by role: agent = organization, location = place).
const TYPE_MAP = { person: ['person'], organization: ['organization'], place: ['place'], country: ['organization', 'place'], other: [] };

/**
 * Verb lemmas whose triples our relation vocabulary should produce, with the gold slot that holds
 * the target (`obj`, `iobj` or the preposition of an `obl`; `by` of a passive is always the agent)
 * and the relations that count as right. Verbs our vocabulary has no relation for stay out:
 * defeat/beat (elections and games), interview (a press interview is no diplomatic meeting),
 * give/send (what is given decides: aid or a message), say (reported speech, not an act on Y).
 */
export const RELATION_VERBS = [
  { lemmas: ['meet'], slots: ['obj', 'with'], relations: ['met'], reason: '"X met (with) Y": a meeting (CAMEO 04); "met in/at Z" names a place' },
  { lemmas: ['visit', 'host'], slots: ['obj'], relations: ['met'], reason: '"X visited / hosted Y": a visit (CAMEO 042/043)' },
  { lemmas: ['talk', 'speak', 'discuss', 'negotiate', 'confer', 'consult', 'chat'], slots: ['with', 'to'], relations: ['met', 'informed'], reason: '"X talked / spoke with Y": a conversation (CAMEO 040); "spoke to Y" may be a statement to Y' },
  { lemmas: ['tell', 'inform', 'brief', 'notify', 'assure', 'email', 'remind'], slots: ['obj', 'iobj'], relations: ['informed'], reason: '"X told / briefed Y": X informs Y (CAMEO 010)' },
  { lemmas: ['say', 'state', 'explain', 'report', 'announce', 'remark', 'complain', 'write'], slots: ['to', 'iobj'], relations: ['informed'], reason: '"X said / wrote to Y": a statement addressed to Y (CAMEO 010)' },
  { lemmas: ['urge', 'press', 'implore', 'exhort', 'encourage', 'pressure', 'convince', 'persuade'], slots: ['obj', 'iobj'], relations: ['urged'], reason: '"X urged / pressed Y (to …)": an appeal or demand (CAMEO 02/10)' },
  { lemmas: ['appeal', 'plead', 'call'], slots: ['to', 'with', 'on', 'upon'], relations: ['urged'], reason: '"X appealed to / pleaded with / called on Y": an appeal (CAMEO 02)' },
  { lemmas: ['ask', 'request', 'demand'], slots: ['obj', 'for', 'from'], relations: ['urged'], reason: '"X asked Y to … / asked for Y": a request (CAMEO 02); "asked Y a question" is iobj and left out' },
  { lemmas: ['propose', 'offer', 'suggest', 'invite'], slots: ['obj', 'to', 'iobj'], relations: ['proposed'], reason: '"X proposed Z to Y", "X invited Y": an offer (CAMEO 03/036)' },
  { lemmas: ['promise', 'pledge', 'vow', 'guarantee'], slots: ['obj', 'iobj', 'to'], relations: ['promised'], reason: '"X promised Y …": a pledge (CAMEO 03)' },
  { lemmas: ['accept', 'agree', 'approve'], slots: ['obj', 'to'], relations: ['accepted'], reason: '"X accepted / agreed to Y": yielding to a proposal (CAMEO 08)' },
  { lemmas: ['reject', 'refuse', 'rebuff', 'dismiss', 'veto', 'oppose'], slots: ['obj', 'to'], relations: ['rejected'], reason: '"X rejected / opposed Y": a refusal (CAMEO 12)' },
  { lemmas: ['support', 'back', 'endorse', 'praise', 'welcome', 'commend', 'salute', 'hail', 'congratulate', 'applaud', 'champion', 'cooperate', 'side'], slots: ['obj', 'with', 'for'], relations: ['supported'], reason: '"X backed / praised / congratulated Y", "X cooperated with Y": support or praise (CAMEO 05)' },
  { lemmas: ['accuse', 'blame', 'criticise', 'criticize', 'condemn', 'denounce', 'sue', 'charge', 'impeach', 'indict'], slots: ['obj', 'iobj'], relations: ['accused'], reason: '"X accused / condemned / charged Y": an accusation (CAMEO 11, 112, 115)' },
  { lemmas: ['warn', 'threaten', 'caution'], slots: ['obj', 'iobj'], relations: ['warned'], reason: '"X warned / threatened Y": a threat (CAMEO 13)' },
  { lemmas: ['help', 'assist', 'aid', 'fund', 'finance', 'arm', 'supply', 'rescue'], slots: ['obj', 'iobj', 'with'], relations: ['aided'], reason: '"X helped / funded Y": material cooperation or aid (CAMEO 06/07)' },
  { lemmas: ['attack', 'strike', 'bomb', 'shell', 'invade', 'raid', 'shoot', 'kill', 'injure', 'ambush', 'fire'], slots: ['obj', 'at', 'on'], relations: ['attacked'], reason: '"X attacked / shot / killed Y", "fired at Y": force (CAMEO 18–20); "fired Y" (dismissed) has obj and is a known false hit' },
  { lemmas: ['arrest', 'detain', 'imprison', 'jail', 'abduct', 'kidnap', 'expel', 'deport', 'interrogate'], slots: ['obj'], relations: ['attacked', 'sanctioned'], reason: '"X arrested / expelled Y": coercion (CAMEO 17: eval.mjs counts attacked or sanctioned)' },
  { lemmas: ['sanction', 'ban', 'fine', 'embargo', 'blacklist', 'penalise', 'penalize', 'boycott'], slots: ['obj'], relations: ['sanctioned'], reason: '"X sanctioned / banned / fined Y": reduced relations or a penalty (CAMEO 16)' },
];

const VERB_ROW = new Map(RELATION_VERBS.flatMap((row) => row.lemmas.map((l) => [l, row])));

/** The table row of a triple's verb when its target slot is the one that verb's relation needs. */
export function relationVerbRow(triple) {
  const row = VERB_ROW.get(triple.verb_lemma);
  if (!row) return undefined;
  const slot = triple.obj_rel === 'obl' ? triple.preposition ?? 'obl' : triple.obj_rel;
  if (triple.voice === 'passive' && slot === 'by') return row;
  return row.slots.includes(slot) ? row : undefined;
}

function readJsonl(file) {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

const overlaps = (s1, e1, s2, e2) => s1 < e2 && s2 < e1;

/** Character span of a gold mention's head token. */
function headSpan(doc, m) {
  const tok = doc.sentences[m.sent]?.tokens[m.head_tok];
  return tok ? [tok[1], tok[2]] : [m.start, m.end];
}

/** Our mentions that a gold mention finds: those on its head, else compatible ones on its span. */
function oursForGold(doc, result, m) {
  const [hs, he] = headSpan(doc, m);
  const onHead = result.mentions.filter((o) => overlaps(o.start, o.end, hs, he));
  if (onHead.length) return onHead;
  return result.mentions.filter((o) => overlaps(o.start, o.end, m.start, m.end) && (TYPE_MAP[o.entityType] ?? []).includes(m.etype));
}

/** Gold person/organization/place mentions that one of ours stands on: by head first, else the smallest covering it. */
function goldForOurs(doc, o) {
  const golds = doc.mentions.filter((m) => GOLD_TYPES.has(m.etype));
  const onHead = golds.filter((m) => { const [hs, he] = headSpan(doc, m); return overlaps(o.start, o.end, hs, he); });
  if (onHead.length) return onHead;
  const around = golds.filter((m) => overlaps(o.start, o.end, m.start, m.end)).sort((a, b) => (a.end - a.start) - (b.end - b.start));
  return around.slice(0, 1);
}

/** Token path length between two tokens of a gold sentence, and whether a VERB lies inside it. */
function treePath(sentence, a, b) {
  const up = (i) => { const chain = [i]; let h = sentence.tokens[i][4] - 1; while (h >= 0 && chain.length < 200) { chain.push(h); h = sentence.tokens[h][4] - 1; } return chain; };
  const ca = up(a);
  const cb = up(b);
  const inB = new Map(cb.map((t, k) => [t, k]));
  for (let k = 0; k < ca.length; k++) {
    const j = inB.get(ca[k]);
    if (j === undefined) continue;
    const inner = [...ca.slice(1, k + 1), ...cb.slice(1, j)].filter((t) => t !== a && t !== b);
    return { length: k + j, throughVerb: inner.some((t) => sentence.tokens[t][3] === 'VERB') };
  }
  return { length: Infinity, throughVerb: false };
}

function extractAll(docs) {
  const { createExtractor } = require(path.join(distDir, 'src', 'extract.js'));
  const extract = createExtractor();
  return new Map(docs.map((d) => [d.doc_id, extract({ id: d.doc_id, text: d.text, origin: d.doc_id })]));
}

const eventFacts = (result) => result.facts.filter((f) => !f.negated && f.source !== f.target && !NON_EVENT_RELATIONS.has(f.relation));

function emptyCounts() {
  return {
    triples: 0, named: 0, bothFound: 0, right: 0, reversed: 0, namedRight: 0,
    verbTriples: 0, verbBothFound: 0, verbRight: 0, verbRelationRight: 0, verbReversed: 0,
    facts: 0, factsOnGold: 0, factsSupported: 0, factsPairInTriples: 0,
  };
}

/**
 * Scores every triple and every relational fact of ours in the GUM news/interview/speech
 * documents. Returns per-genre counts, the misses and the unsupported facts (in file order).
 * `tmpDir` is accepted for eval.mjs's step signature; nothing is written.
 */
export async function evalTriples(tmpDir) {
  void tmpDir;
  const docsFile = path.join(gumDir, 'gum_news_interview_speech.jsonl');
  const triplesFile = path.join(gumDir, 'gum_derived_svo_triples.jsonl');
  if (!existsSync(docsFile) || !existsSync(triplesFile)) return { skipped: `${path.relative(repoRoot, gumDir)} not found` };
  const docs = readJsonl(docsFile);
  const triples = readJsonl(triplesFile);
  const byId = new Map(docs.map((d) => [d.doc_id, d]));
  const results = extractAll(docs);
  const counts = Object.fromEntries([...GENRES, 'all'].map((g) => [g, emptyCounts()]));
  const bump = (genre, field) => { counts[genre][field]++; counts.all[field]++; };
  const misses = [];
  const unsupported = [];

  // Per document: gold entity → our entity ids (through every mention of its chain).
  const entityMaps = new Map();
  const oursOfEntity = (doc, entityId) => {
    let map = entityMaps.get(doc.doc_id);
    if (!map) entityMaps.set(doc.doc_id, (map = new Map()));
    let set = map.get(entityId);
    if (set) return set;
    set = new Set();
    const result = results.get(doc.doc_id);
    for (const m of doc.mentions) if (m.entity === entityId) for (const o of oursForGold(doc, result, m)) set.add(o.entity);
    map.set(entityId, set);
    return set;
  };

  for (const t of triples) {
    const doc = byId.get(t.doc_id);
    if (!doc) continue;
    const genre = doc.genre;
    const result = results.get(doc.doc_id);
    const sentence = doc.sentences[t.sent_index];
    const passiveAgent = t.voice === 'passive' && t.preposition === 'by';
    const [srcEnd, tgtEnd] = passiveAgent ? [t.object, t.subject] : [t.subject, t.object];
    const S = oursOfEntity(doc, srcEnd.entity);
    const O = oursOfEntity(doc, tgtEnd.entity);
    const row = relationVerbRow(t);
    const named = t.subject.named_entity && t.object.named_entity;
    bump(genre, 'triples');
    if (named) bump(genre, 'named');
    if (row) bump(genre, 'verbTriples');
    const inSentence = eventFacts(result).filter((f) => overlaps(f.start, f.end, sentence.start, sentence.end));
    const forward = inSentence.filter((f) => (S.has(f.source) && O.has(f.target)) || (SYMMETRIC.has(f.relation) && S.has(f.target) && O.has(f.source)));
    const backward = inSentence.filter((f) => S.has(f.target) && O.has(f.source));
    if (S.size && O.size) { bump(genre, 'bothFound'); if (row) bump(genre, 'verbBothFound'); }
    if (forward.length) {
      bump(genre, 'right');
      if (named) bump(genre, 'namedRight');
      if (row) { bump(genre, 'verbRight'); if (forward.some((f) => row.relations.includes(f.relation))) bump(genre, 'verbRelationRight'); }
      continue;
    }
    if (backward.length) { bump(genre, 'reversed'); if (row) bump(genre, 'verbReversed'); }
    const cause = !S.size && !O.size ? 'neither end is a mention of ours'
      : !S.size ? `${passiveAgent ? 'agent' : 'subject'} is no mention of ours`
        : !O.size ? `${passiveAgent ? 'patient' : 'object'} is no mention of ours`
          : backward.length ? 'reversed'
            : inSentence.length ? 'facts in the sentence join other entities'
              : 'no fact in the sentence';
    misses.push({
      doc: doc.doc_id, genre, relationVerb: Boolean(row), named,
      triple: `${t.subject.text} —${t.verb_lemma}(${t.preposition ?? t.obj_rel}${t.voice === 'passive' ? ', passive' : ''})→ ${t.object.text}`,
      cause, facts: inSentence.map((f) => `${f.source} ${f.relation} ${f.target}`), sentence: t.sentence,
    });
  }

  // Precision proxy: each relational fact of ours, its ends read as gold entities.
  for (const doc of docs) {
    const genre = doc.genre;
    const result = results.get(doc.doc_id);
    const goldTriplePairs = new Map();
    for (const t of triples) if (t.doc_id === doc.doc_id) {
      const key = t.sent_index;
      if (!goldTriplePairs.has(key)) goldTriplePairs.set(key, new Set());
      goldTriplePairs.get(key).add(`${t.subject.entity}\t${t.object.entity}`).add(`${t.object.entity}\t${t.subject.entity}`);
    }
    for (const f of eventFacts(result)) {
      bump(genre, 'facts');
      const goldEnds = (entity) => {
        const mine = result.mentions.filter((o) => o.entity === entity);
        const here = mine.filter((o) => o.start >= f.start && o.end <= f.end);
        const ids = new Set((here.length ? here : mine).flatMap((o) => goldForOurs(doc, o)).map((m) => m.entity));
        return ids;
      };
      const A = goldEnds(f.source);
      const B = goldEnds(f.target);
      const sentences = doc.sentences.map((s, i) => [s, i]).filter(([s]) => overlaps(s.start, s.end, f.start, f.end));
      let onGold = A.size > 0 && B.size > 0;
      let supported = false;
      let inTriples = false;
      if (onGold) {
        for (const [s, i] of sentences) {
          const pairs = goldTriplePairs.get(i);
          for (const a of A) for (const b of B) if (a !== b && pairs?.has(`${a}\t${b}`)) inTriples = true;
          if (inTriples) break;
          const ms = doc.mentions.filter((m) => m.sent === i);
          const ma = ms.filter((m) => A.has(m.entity));
          const mb = ms.filter((m) => B.has(m.entity));
          for (const x of ma) for (const y of mb) {
            if (x.entity === y.entity || supported) continue;
            const p = treePath(s, x.head_tok, y.head_tok);
            if (p.length <= 3 && p.throughVerb) supported = true;
          }
        }
      }
      if (onGold) bump(genre, 'factsOnGold');
      if (inTriples) bump(genre, 'factsPairInTriples');
      if (inTriples || supported) { bump(genre, 'factsSupported'); continue; }
      unsupported.push({
        doc: doc.doc_id, genre, fact: `${f.source} ${f.relation} ${f.target}${f.hypothetical ? ' (hypothetical)' : ''}`, trigger: f.trigger, rule: f.rule,
        why: onGold ? 'no gold triple or verb path of ≤ 3 between the two ends' : `${A.size ? '' : 'source'}${!A.size && !B.size ? ' and ' : ''}${B.size ? '' : 'target'} on no gold person/organization/place mention`,
        sentence: f.sentence,
      });
    }
  }
  return { counts, misses, unsupported };
}

const pct = (n, d) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

/** Prints the per-genre tables (and, with `listMisses`, 20 misses and 20 unsupported facts). */
export function printTriples(result, { misses: listMisses = false } = {}) {
  console.log('## GUM-derived SVO triples (silver: gold trees + gold coreference; ../shared/eval/gum)\n');
  if (result.skipped) { console.log(`triples: skipped — ${result.skipped}\n`); return; }
  if (result.error) { console.log(`triples: ${result.error}\n`); return; }
  const rows = [...GENRES, 'all'];
  const c = result.counts;
  console.log('(a) recall: a fact of ours (any relation, not negated, not leader_of/member_of/located_in) joins the two ends in that sentence\n');
  console.log('| genre | triples | both ends are entities of ours | right direction (recall) | right / both ours | reversed | named both ends: right |');
  console.log('|---|---|---|---|---|---|---|');
  for (const g of rows) {
    const x = c[g];
    console.log(`| ${g} | ${x.triples} | ${x.bothFound} (${pct(x.bothFound, x.triples)}) | ${x.right} (${pct(x.right, x.triples)}) | ${pct(x.right, x.bothFound)} | ${x.reversed} | ${x.namedRight}/${x.named} (${pct(x.namedRight, x.named)}) |`);
  }
  console.log(`\n(b) the same for triples whose verb is a relation verb (${RELATION_VERBS.reduce((a, r) => a + r.lemmas.length, 0)} lemmas in RELATION_VERBS, target in the slot the verb's relation needs)\n`);
  console.log('| genre | relation-verb triples | both ends ours | right direction | also the right relation | reversed |');
  console.log('|---|---|---|---|---|---|');
  for (const g of rows) {
    const x = c[g];
    console.log(`| ${g} | ${x.verbTriples} | ${x.verbBothFound} | ${x.verbRight} (${pct(x.verbRight, x.verbTriples)}) | ${x.verbRelationRight} (${pct(x.verbRelationRight, x.verbTriples)}) | ${x.verbReversed} |`);
  }
  console.log('\n(c) precision proxy: of our relational facts (not negated, not leader_of/member_of/located_in), the share whose two ends each');
  console.log('stand on a gold person/organization/place mention (head overlap; a pronoun-resolved end through its entity) and whose');
  console.log('gold entities either form a derived triple of that sentence (either order) or have mentions there joined by a gold');
  console.log('dependency path of ≤ 3 edges with a VERB inside. A proxy: it checks that the sentence relates the two, not the relation.\n');
  console.log('| genre | facts | both ends on gold mentions | supported (proxy precision) | of which a triple\'s pair |');
  console.log('|---|---|---|---|---|');
  for (const g of rows) {
    const x = c[g];
    console.log(`| ${g} | ${x.facts} | ${x.factsOnGold} | ${x.factsSupported} (${pct(x.factsSupported, x.facts)}) | ${x.factsPairInTriples} |`);
  }
  const causes = {};
  for (const m of result.misses) causes[m.cause] = (causes[m.cause] ?? 0) + 1;
  console.log(`\nmisses by cause: ${Object.entries(causes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('; ') || '—'}\n`);
  if (!listMisses) return;
  // Relation-verb misses with named ends first, then other relation verbs, then named ends; file order inside each.
  const rank = (m) => (m.relationVerb ? (m.named ? 0 : 1) : m.named ? 2 : 3);
  const shown = [...result.misses].map((m, i) => [m, i]).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).slice(0, 20).map(([m]) => m);
  console.log(`### 20 of ${result.misses.length} missed triples (relation verbs with named ends first, then relation verbs, then named ends)\n`);
  for (const m of shown) {
    console.log(`- ${m.doc}: ${m.triple} [${m.cause}]${m.facts.length ? ` facts: ${m.facts.join('; ')}` : ''}\n  «${oneLine(m.sentence)}»`);
  }
  console.log(`\n### ${Math.min(20, result.unsupported.length)} of ${result.unsupported.length} unsupported facts\n`);
  for (const u of result.unsupported.slice(0, 20)) {
    console.log(`- ${u.doc}: ${u.fact} («${u.trigger}», ${u.rule}) [${u.why}]\n  «${oneLine(u.sentence)}»`);
  }
  console.log('');
}

async function main(argv) {
  if (!existsSync(shared)) { console.log('eval-triples: skipped — ../shared not found'); return 0; }
  const result = await evalTriples();
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printTriples(result, { misses: argv.includes('--misses') });
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
