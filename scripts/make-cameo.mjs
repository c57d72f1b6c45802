#!/usr/bin/env node
// Regenerates the CAMEO trigger data of src/relations/data from the PETRARCH2 dictionaries in
// ../shared (MIT, Open Event Data Alliance):
//   cameo-verbs.json  per verb lemma, the CAMEO verb patterns of CAMEO.2.0.txt reduced to what a
//                     dependency-tree reader can check (particle, object head, preposition + head,
//                     where the target sits) with the CAMEO code each one codes;
//   cameo-scale.json  CAMEO code → label and Goldstein (1992) score, from the GDELT scale and the
//                     CAMEO code file that ../shared/eval/petrarch holds.
// The code → relation table (cameo-codes.json) is written by hand; this script only reads
// the dictionaries. Output is deterministic: rerunning it gives the same bytes.
//
//   node scripts/make-cameo.mjs [--check]     (--check: compare with the files on disk, write nothing)
//
// How a PETRARCH2 pattern `- [pre-verb nouns] * [post-verb nouns] [(PREP NOUN)…] [CODE]` is reduced
// (dictionaries.upstream.rst gives the format):
//   * block semantics: every pattern of a `--- NAME [code] ---` block applies to every verb of the
//     block; a verb alone codes its own `[code]` or the block's (`---` = no event);
//   * `{A B}` is a phrase headed by B: only the head is kept (a tree reader checks the obj head);
//     two bare words in a row are read the same way; `&SYNSET` expands to its members' heads;
//     `A/B` gives alternatives;
//   * particle words (OUT, UP, OFF …) become the particle, `(PREP)` with no noun is an open slot
//     for the target, `(PREP NOUN)` a fixed oblique, `(PREP ^)` any noun (dropped as a constraint);
//   * `+` marks the target (as an object, or after a preposition), `$` the source;
//   * left out: patterns that constrain the subject (pre-verb nouns), put the source outside the
//     subject (`$` after the verb, `+` before it, `[:code]`), need two object nouns, or use an
//     undefined or empty synset; the `~` verb–verb transformations need clause structure.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmpJson, nounKey, patternId, shapeKey, sortKey, sortObject, uniqueSorted, writeScale, writeVerbs } from './make-cameo-io.mjs';

export { nounKey };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const verbFile = path.join(shared, 'lexicons/petrarch2/CAMEO.2.0.txt');
const readmeFile = path.join(shared, 'lexicons/petrarch2/README.md');
const agentFile = path.join(shared, 'lexicons/petrarch2/Phoenix.agents.txt');
const labelFile = path.join(shared, 'eval/petrarch/cameo_event_codes.json');
const scaleFile = path.join(shared, 'eval/petrarch/cameo_goldstein_scale.tsv');
const outDir = path.join(repoRoot, 'src/relations/data');

/** Words that, bare after the verb, are its particle ("SET * OFF", "HOLD * BACK"). */
const PARTICLES = new Set(['up', 'out', 'down', 'off', 'away', 'back', 'forward', 'aside', 'together', 'forth', 'apart', 'ahead', 'around', 'along', 'behind']);
/** Words that, bare after the verb outside parentheses, start a TABARI-style prepositional phrase. */
const PREPOSITIONS = new Set([
  'to', 'with', 'on', 'against', 'for', 'from', 'into', 'of', 'in', 'at', 'toward', 'towards', 'over', 'by', 'upon', 'about',
  'between', 'among', 'under', 'after', 'before', 'as', 'through', 'across', 'near', 'onto', 'within', 'without', 'beyond',
  'than', 'like', 'along', 'amid', 'despite', 'behind', 'around', 'during', 'until', 'since', 'towards',
]);
/** Verb words of multi-word entries that are auxiliaries: the tree's head is the participle or adjective after them. */
const AUXILIARIES = new Set(['is', 'was', 'are', 'be', 'been', 'were', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would']);

export function generate() {
  const text = readFileSync(verbFile, 'utf8');
  const commit = /commit `([0-9a-f]{40})`/.exec(readFileSync(readmeFile, 'utf8'))?.[1] ?? 'unknown';
  const labelsJson = JSON.parse(readFileSync(labelFile, 'utf8'));
  const labels = labelsJson.labels;
  const scale = new Map();
  for (const line of readFileSync(scaleFile, 'utf8').split('\n').slice(1)) {
    const [code, score] = line.trim().split('\t');
    if (code && score !== undefined && score !== '') scale.set(code, Number(score));
  }

  // Common nouns that name actors (PETRARCH agents: "diplomat", "troops", "refugees"): a pattern
  // whose object is one of them has its target in that object ("expel diplomats").
  const agents = new Set();
  for (const raw of readFileSync(agentFile, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Z][A-Z'-]*)_?\s*(\{[^}]*\})?\s*\[~?[A-Z]+\]/.exec(line);
    if (m) agents.add(nounKey(m[1]));
  }
  const lines = text.split('\n');
  const synsets = new Map();
  const blocks = [];
  const transformations = [];
  let synset = null;
  let block = null;
  let inPatterns = false;
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (raw.startsWith('####### VERB PATTERNS')) { inPatterns = true; synset = null; return; }
    if (!raw.trim() || raw.startsWith('#')) return;
    if (raw.startsWith('~')) { transformations.push(lineNo); return; }
    if (!inPatterns) {
      const clean = raw.replace(/#.*/, '').trim();
      if (clean.startsWith('&')) { synset = clean; synsets.set(synset, []); }
      else if (clean.startsWith('+') && synset) synsets.get(synset).push(clean.slice(1).replace(/_+$/, '').replace(/_/g, ' ').toLowerCase());
      return;
    }
    if (raw.startsWith('---')) {
      const m = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(raw);
      block = { name: m ? m[1] : raw, code: m ? m[2] : '---', line: lineNo, verbs: [], patterns: [] };
      blocks.push(block);
      return;
    }
    if (!block) return;
    if (raw.startsWith('-')) {
      const hash = raw.indexOf('#');
      block.patterns.push({ line: lineNo, text: raw.slice(1, hash < 0 ? undefined : hash).trim(), comment: hash < 0 ? '' : raw.slice(hash + 1) });
      return;
    }
    block.verbs.push({ line: lineNo, text: raw.replace(/[#;].*/, '').trim() });
  });

  const stats = { parentForReduced: 0, splitByVerb: 0, verbLines: 0, compoundVerbs: 0, patternLines: 0, keptLines: 0, dropped: {}, converted: {}, conflicts: 0, conflictsDropped: 0 };
  let current = ''; // the source line being read, for CAMEO_DEBUG=1
  const drop = (reason) => {
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + 1;
    if (process.env.CAMEO_DEBUG) console.error(`drop: ${reason}: ${current}`);
  };
  const note = (what) => { stats.converted[what] = (stats.converted[what] ?? 0) + 1; };

  /** Heads a synset stands for, or undefined when it is not defined or has no member. */
  function synsetHeads(name) {
    const members = synsets.get(name) ?? synsets.get(`${name}_`);
    if (!members || members.length === 0) return undefined;
    return uniqueSorted(members.map((m) => nounKey(m.split(' ').pop())));
  }

  /** A CAMEO code cell: `[042:043]` → {code, reciprocal}; errors as strings. */
  function parseCode(cell) {
    const body = cell.replace(/[[\]]/g, '').trim();
    if (body === '---') return { code: '---' };
    const m = /^(\d{3,4})?(?::(\d{3,4}))?$/.exec(body);
    if (!m) return 'malformed code';
    if (!m[1] && !m[2]) return 'malformed code';
    // [:x] codes only the reciprocal: the event goes from the other end to the subject.
    if (!m[1]) return labels[m[2]] ? { code: m[2], reverse: true } : 'code not in the CAMEO code list';
    if (!labels[m[1]]) return 'code not in the CAMEO code list';
    return m[2] ? { code: m[1], reciprocal: m[2] } : { code: m[1] };
  }

  /**
   * One pattern's post-verb part → {particle, objects, preps, target, modifiers} or a drop reason.
   * objects: one slot, the alternatives of its head; preps: [{prep, heads?}] (no heads = open).
   */
  function parsePost(tokens) {
    // Group into items: words, markers, phrases {…}, prepositional phrases (…).
    const items = [];
    let i = 0;
    const readPhrase = () => { // after '{'
      const words = [];
      while (i < tokens.length && tokens[i] !== '}') words.push(tokens[i++]);
      i++;
      return { kind: 'np', words };
    };
    while (i < tokens.length) {
      const t = tokens[i];
      if (t === '(') {
        i++;
        const inner = [];
        while (i < tokens.length && tokens[i] !== ')') {
          if (tokens[i] === '{') { i++; inner.push(readPhrase()); } else inner.push({ kind: 'word', word: tokens[i++] });
        }
        i++;
        items.push({ kind: 'pp', inner });
      } else if (t === '{') { i++; items.push(readPhrase()); } else { items.push({ kind: 'word', word: t }); i++; }
    }
    let particle;
    let modifiers = false;
    let sequence = false;
    const objects = [];
    const preps = [];
    let target;
    let pendingPrep; // a bare TABARI preposition waiting for its noun
    const nounHeads = (words) => {
      // words of one phrase (the last is the head); "A/B" alternatives; &SYNSET expands.
      const head = words[words.length - 1];
      if (words.length > 1) modifiers = true;
      const alts = [];
      for (const w of head.split('/')) {
        if (w.startsWith('&')) {
          const heads = synsetHeads(w);
          if (!heads) return `undefined or empty synset ${w}`;
          alts.push(...heads);
        } else alts.push(nounKey(w));
      }
      const out = uniqueSorted(alts);
      // The name ids use: a synset's name ("&CURRENCY" → "currency"), else the first head.
      const first = head.split('/')[0];
      out.label = first.startsWith('&') ? first.slice(1).replace(/_+$/, '').toLowerCase() : nounKey(first);
      return out;
    };
    // Merge runs of bare nouns into one phrase headed by the last ("JOINT EXERCISES").
    const merged = [];
    for (const it of items) {
      const prev = merged[merged.length - 1];
      const isNoun = (x) => x.kind === 'word' && !'+$^%'.includes(x.word) && !PARTICLES.has(x.word.toLowerCase()) && !PREPOSITIONS.has(x.word.toLowerCase());
      if (isNoun(it) && prev && (prev.kind === 'np' || isNoun(prev))) {
        const words = prev.kind === 'np' ? [...prev.words, it.word] : [prev.word, it.word];
        merged[merged.length - 1] = { kind: 'np', words };
        sequence = true;
      } else merged.push(it);
    }
    let openBefore = false; // the item just before opened a (PREP) slot: a following + marks it
    for (const it of merged) {
      const afterOpen = openBefore;
      openBefore = false;
      if (it.kind === 'pp') {
        if (pendingPrep) { preps.push({ prep: pendingPrep, open: true }); pendingPrep = undefined; note('TABARI bare preposition at the end read as an open (PREP) slot'); }
        const [first, ...rest] = it.inner;
        if (!first || first.kind !== 'word') return 'prepositional phrase without a preposition';
        const prepAlts = first.word.toLowerCase().split('/');
        if (rest.length === 0) { preps.push({ prep: prepAlts, open: true }); openBefore = true; continue; }
        if (rest.some((r) => r.kind === 'word' && r.word === '$')) return 'source after the verb ($): the subject is not the source';
        const plus = rest.some((r) => r.kind === 'word' && r.word === '+');
        const nouns = rest.filter((r) => !(r.kind === 'word' && '+^%'.includes(r.word)));
        if (plus && nouns.length > 0) return 'target inside a noun phrase (+ with a noun): not one tree slot';
        if (plus) { preps.push({ prep: prepAlts, open: true, marked: true }); continue; }
        if (nouns.length === 0) continue; // (IN ^): any noun, no constraint
        const words = nouns.flatMap((n) => (n.kind === 'np' ? n.words : [n.word]));
        if (nouns.length > 1) sequence = true;
        const heads = nounHeads(words);
        if (typeof heads === 'string') return heads;
        preps.push({ prep: prepAlts, heads });
        continue;
      }
      if (it.kind === 'np') {
        const heads = nounHeads(it.words);
        if (typeof heads === 'string') return heads;
        if (pendingPrep) { preps.push({ prep: pendingPrep, heads }); pendingPrep = undefined; note('TABARI bare preposition read as (PREP NOUN)'); continue; }
        objects.push(heads);
        continue;
      }
      const w = it.word;
      const lw = w.toLowerCase();
      if (w === '$') return 'source after the verb ($): the subject is not the source';
      if (w === '%') return 'compound actor (%): both ends in the subject';
      if (w === '^') { if (pendingPrep) { pendingPrep = undefined; } continue; }
      if (w === '+') {
        if (pendingPrep) { preps.push({ prep: pendingPrep, open: true, marked: true }); pendingPrep = undefined; note('TABARI bare preposition read as (PREP NOUN)'); continue; }
        const last = preps[preps.length - 1];
        if (afterOpen && last) { last.marked = true; continue; }
        if (target) return 'two targets marked';
        target = { kind: 'object' };
        continue;
      }
      if (pendingPrep) {
        if (PREPOSITIONS.has(lw) || PARTICLES.has(lw)) return 'TABARI word sequence of prepositions';
        const heads = nounHeads([w]);
        if (typeof heads === 'string') return heads;
        preps.push({ prep: pendingPrep, heads }); pendingPrep = undefined; note('TABARI bare preposition read as (PREP NOUN)');
        continue;
      }
      if (PARTICLES.has(lw) && !particle && objects.length === 0) { particle = lw; continue; }
      if (PARTICLES.has(lw) && !particle) { particle = lw; note('particle after the object ("MINISTER OUT")'); continue; }
      if (PREPOSITIONS.has(lw)) { pendingPrep = [lw]; continue; }
      const heads = nounHeads([w]);
      if (typeof heads === 'string') return heads;
      objects.push(heads);
    }
    if (pendingPrep) { preps.push({ prep: pendingPrep, open: true }); openBefore = true; note('TABARI bare preposition at the end read as an open (PREP) slot'); }
    if (objects.length > 1) return 'two object nouns: a word sequence, not one object';
    const marked = preps.filter((p) => p.marked);
    const open = preps.filter((p) => p.open);
    if (marked.length > 1) return 'two targets marked';
    if (marked.length === 1) {
      if (target) return 'two targets marked';
      target = { kind: 'prep', prep: marked[0].prep };
    } else if (!target && open.length > 1) return 'two open prepositions: the target is ambiguous';
    else if (!target && open.length === 1) target = { kind: 'prep', prep: open[0].prep };
    else if (target && open.length > 0) return 'open preposition besides a marked object target';
    const fixed = preps.filter((p) => !p.open).map((p) => ({ prep: p.prep, heads: p.heads }));
    return { particle, objects: objects[0], preps: fixed, target, modifiers, sequence };
  }

  function tokenize(s) {
    // "{AIR_STRIKE}", "*_LAWS": underscores join consecutive words (synset names keep theirs).
    return s.replace(/([(){}*])/g, ' $1 ').split(/\s+/).filter(Boolean)
      .flatMap((t) => (t.startsWith('&') ? [t] : t.split('_').filter(Boolean)));
  }

  /** Expand "A/B" preposition alternatives and target preps into plain patterns. */
  function expandPreps(p) {
    let out = [{ ...p, preps: [] }];
    for (const q of p.preps) {
      const next = [];
      for (const o of out) for (const prep of q.prep) next.push({ ...o, preps: [...o.preps, q.heads ? { prep, heads: q.heads } : { prep }] });
      out = next;
    }
    if (p.target?.kind === 'prep') out = out.flatMap((o) => p.target.prep.map((prep) => ({ ...o, target: { kind: 'prep', prep } })));
    return out;
  }

  // Verb entries: lemma → [{block, code, particle?, prep?, object?}] and irregular forms.
  const forms = new Map();
  const entries = []; // {lemma, block, code, extra: {particle?, targetPrep?, object?}, line}
  for (const b of blocks) {
    for (const v of b.verbs) {
      stats.verbLines++;
      current = `${v.line}: ${v.text}`;
      let s = v.text.replace(/,/g, ' ');
      const codeMatch = /\[([^\]]*)\]\s*$/.exec(s);
      const code = codeMatch ? codeMatch[1].trim() : b.code;
      if (codeMatch) s = s.slice(0, codeMatch.index);
      const irregular = /\{([^}]*)\}/.exec(s);
      const main = s.replace(/\{[^}]*\}/, '').trim().split(/\s+/)[0];
      if (!main) continue;
      const split = (word) => {
        const parts = word.split('_');
        const at = parts.findIndex((p) => p.startsWith('+'));
        const idx = at >= 0 ? at : 0;
        return { front: parts.slice(0, idx), verb: parts[idx].replace(/^\+/, '').toLowerCase(), back: parts.slice(idx + 1).map((x) => x.toLowerCase()).filter(Boolean) };
      };
      const head = split(main);
      if (head.back.length || head.front.length) stats.compoundVerbs++;
      const lemma = head.verb;
      if (head.front.length) { drop('verb entry with a word before the verb (RE_+ARREST)'); continue; }
      if (AUXILIARIES.has(lemma)) { drop('verb entry headed by an auxiliary (IS_DETERMINED)'); continue; }
      if (irregular) for (const f of irregular[1].split(/\s+/).filter(Boolean)) {
        const form = split(f).verb;
        if (form && form !== lemma && !forms.has(form)) forms.set(form, lemma);
      }
      const extra = {};
      let bad = false;
      for (const w of head.back) {
        if (PARTICLES.has(w) && !extra.particle && !extra.targetPrep && !extra.object) extra.particle = w;
        else if (PREPOSITIONS.has(w) && !extra.targetPrep) extra.targetPrep = w;
        else if (!PARTICLES.has(w) && !PREPOSITIONS.has(w) && !extra.object && !extra.targetPrep) extra.object = w;
        else if (!PARTICLES.has(w) && !PREPOSITIONS.has(w) && extra.targetPrep && !extra.prepHead) extra.prepHead = w;
        else bad = true;
      }
      if (bad) { drop('multi-word verb that is no verb + particle/preposition/object'); continue; }
      entries.push({ lemma, block: b, code, extra, line: v.line });
    }
  }

  const fixesUsed = new Set();
  // Patterns of each block, reduced once.
  const blockPatterns = new Map();
  for (const b of blocks) {
    const list = [];
    const blockLemmas = new Set(entries.filter((e) => e.block === b).map((e) => e.lemma));
    // A verb with a code of its own is another sense within the block (CONVICT [173] among ACCUSE [112]):
    // a line whose comment names it applies to the verbs of that sense only.
    const sense = new Map();
    for (const e of entries) if (e.block === b && !sense.has(e.lemma)) sense.set(e.lemma, e.code);
    for (const p of b.patterns) {
      stats.patternLines++;
      current = `${p.line}: ${p.text}`;
      const tokens = tokenize(p.text);
      const codeCell = tokens.length && /^\[.*\]$/.test(tokens[tokens.length - 1]) ? tokens.pop() : undefined;
      if (!codeCell) { drop('no code'); continue; }
      const code = parseCode(codeCell);
      if (typeof code === 'string') { drop(code); continue; }
      const star = tokens.indexOf('*');
      const starGlued = tokens.findIndex((t) => t.includes('*'));
      if (star < 0 || starGlued !== star) { drop('no verb slot (*) in the pattern'); continue; }
      const pre = tokens.slice(0, star);
      if (pre.includes('+') && !code.reverse) { drop('target before the verb (+) with a forward code: the subject is the target'); continue; }
      if (pre.includes('%')) { drop('compound actor (%): both ends in the subject'); continue; }
      if (pre.includes('$') && code.reverse) { drop('source before the verb ($) with a reciprocal-only code'); continue; }
      if (pre.some((t) => t !== '$' && t !== '+')) { drop('constrains the subject (words before the verb): no subject in a VerbUse'); continue; }
      const post = parsePost(tokens.slice(star + 1));
      if (typeof post === 'string') { drop(post); continue; }
      const fix = FIXES.find((f) => f.block === b.name && f.text === p.text.replace(/\s+/g, ' '));
      if (fix) {
        fixesUsed.add(fix);
        note(`fixed by hand: ${fix.reason}`);
        if (fix.action === 'drop') continue;
        if (fix.action === 'reverse') code.reverse = true;
      }
      if (post.modifiers) note('noun phrase reduced to its head');
      if (post.sequence) note('bare word sequence read as a phrase headed by its last word');
      stats.keptLines++;
      const via = commentVerbs(p.comment, blockLemmas);
      const senses = new Set(via.map((v) => sense.get(v)));
      const inScope = [...blockLemmas].filter((l) => senses.has(sense.get(l))).sort();
      const scope = fix?.verbs ?? (via.length && inScope.length < blockLemmas.size ? inScope : undefined);
      if (scope) note('line kept to the verbs of the sense its comment names');
      for (const e of expandPreps(post)) list.push({ ...e, ...code, line: p.line, bare: !post.modifiers && !post.sequence, via, scope });
    }
    blockPatterns.set(b, list);
  }

  // Verb entries point at their block; a block's patterns are resolved once (same shape, one code).
  const blockNames = new Set();
  const blocksOut = [];
  for (const b of blocks) {
    let name = b.name.replace(/_+$/, '');
    if (blockNames.has(name)) name = `${name}@${b.line}`;
    blockNames.add(name);
    b.id = name;
    const groups = new Map();
    for (const p of blockPatterns.get(b)) {
      const key = `${shapeKey(p)}|${p.scope?.join(',') ?? '*'}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(p);
    }
    const rows = [];
    for (const group of groups.values()) {
      // Lines that disagree on the code but name different verbs of the block in their comment
      // ("# WANT" 0241, "# DEMAND" 1041) keep their code for those verbs.
      const chosen = resolve(group);
      const scope = group[0].scope;
      const except = [];
      for (const [lemmas, sub] of splitByVerb(group)) {
        const own = resolve(sub, false);
        if (!own || (chosen && own.code === chosen.code && Boolean(own.reverse) === Boolean(chosen.reverse) && own.reciprocal === chosen.reciprocal)) continue;
        rows.push({ ...patternRow(sub, own), verbs: lemmas.filter((l) => !scope || scope.includes(l)) });
        except.push(...lemmas);
      }
      if (except.length) stats.splitByVerb++;
      if (chosen) {
        const row = patternRow(group, chosen);
        if (scope) row.verbs = scope;
        if (except.length) row.except = uniqueSorted(except);
        rows.push(row);
      }
    }
    rows.sort((a, b) => cmpJson(sortKey(a), sortKey(b)));
    const used = new Set();
    const patterns = rows.map((row) => {
      let id = patternId(row);
      if (used.has(id)) id = `${id}-${row.code}`;
      for (let n = 2; used.has(id); n++) id = `${patternId(row)}-${row.code}-${n}`;
      used.add(id);
      return { id, ...row };
    });
    if (patterns.length) blocksOut.push([name, { line: b.line, patterns }]);
  }
  const blockPatternCount = blocksOut.reduce((n, [, b]) => n + b.patterns.length, 0);

  const verbs = new Map();
  for (const e of entries) {
    const { particle, targetPrep, object, prepHead } = e.extra;
    const row = { block: e.block.id };
    const code = parseCode(`[${e.code}]`);
    if (typeof code === 'string') { drop(`verb entry: ${code}`); continue; }
    row.code = code.code;
    if (code.reciprocal) row.reciprocal = code.reciprocal;
    if (code.reverse) row.reverse = true;
    if (particle) row.particle = particle;
    if (object) row.objects = [nounKey(object)];
    if (targetPrep && prepHead) row.preps = [{ prep: targetPrep, heads: [nounKey(prepHead)] }];
    else if (targetPrep) row.target = { kind: 'prep', prep: targetPrep };
    if (object && agents.has(nounKey(object))) row.agentObject = true;
    // A verb with its own preposition or noun ("meet with", "take note") is a verb of its own:
    // the block's patterns were written for the simple verbs.
    if (targetPrep || object) row.alone = true;
    row.line = e.line;
    if (!verbs.has(e.lemma)) verbs.set(e.lemma, []);
    verbs.get(e.lemma).push(row);
  }
  const verbsOut = {};
  for (const lemma of [...verbs.keys()].sort()) verbsOut[lemma] = verbs.get(lemma).sort((a, b) => a.line - b.line);

  /** One code for patterns that reduce alike: bare source lines first; agreeing codes, else their common CAMEO parent. */
  /** [lemmas, lines] per verb the comments name, when codes differ and every line names block verbs no other code's line names. */
  function splitByVerb(group) {
    if (uniqueSorted(group.map((g) => `${g.reverse ? ':' : ''}${g.code}`)).length < 2) return [];
    if (group.some((g) => g.via.length === 0)) return [];
    const byVerb = new Map();
    for (const g of group) for (const v of g.via) {
      if (!byVerb.has(v)) byVerb.set(v, []);
      byVerb.get(v).push(g);
    }
    const out = [];
    for (const v of [...byVerb.keys()].sort()) out.push([[v], byVerb.get(v)]);
    return out;
  }

  function resolve(group, count = true) {
    const bare = group.filter((g) => g.bare);
    // Only reduced lines ("{HUMANITARIAN AID}" read as "aid"): the fourth digit came from the dropped
    // words, so the three-digit parent stands for the head alone.
    const pool = bare.length ? bare : group.map((g) => (g.code.length === 4 && labels[g.code.slice(0, 3)] ? { ...g, code: g.code.slice(0, 3) } : g));
    if (!bare.length && group.some((g) => g.code.length === 4) && count) stats.parentForReduced++;
    const directions = uniqueSorted(pool.map((g) => (g.reverse ? 'r' : 'f')));
    const codes = uniqueSorted(pool.map((g) => g.code));
    if (codes.length === 1 && directions.length === 1) {
      const recips = uniqueSorted(pool.map((g) => g.reciprocal ?? ''));
      return recips.length === 1 ? pool[0] : { code: codes[0], reverse: pool[0].reverse };
    }
    if (count) stats.conflicts++;
    if (process.env.CAMEO_DEBUG) console.error(`conflict: ${pool.map((g) => `${g.line}:${g.reverse ? ':' : ''}${g.code}`).join(' ')}`);
    if (directions.length > 1) { if (count) stats.conflictsDropped++; return undefined; }
    const reverse = pool[0].reverse;
    const real = codes.filter((c) => c !== '---');
    const nulls = pool.filter((g) => g.code === '---').length;
    if (nulls * 2 >= pool.length) return { code: '---' };
    let prefix = real[0];
    for (const c of real) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix.length >= 3 && labels[prefix]) return { code: prefix, reverse };
    if (prefix.length === 2 && labels[`${prefix}0`]) return { code: `${prefix}0`, reverse };
    // Different CAMEO roots: the code most lines give; a tie leaves the shape out.
    const counts = new Map();
    for (const g of pool) if (g.code !== '---') counts.set(g.code, (counts.get(g.code) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (best.length > 1 && best[0][1] === best[1][1]) { if (count) stats.conflictsDropped++; return undefined; }
    return { code: best[0][0], reverse };
  }

  function patternRow(group, chosen) {
    const p = group[0];
    const row = {};
    if (p.particle) row.particle = p.particle;
    if (p.objects) {
      row.objects = uniqueSorted(group.flatMap((g) => g.objects));
      row.objects.label = p.objects.label;
    }
    if (p.preps.length) row.preps = [...p.preps].sort(cmpJson).map((q) => (q.heads ? { prep: q.prep, heads: q.heads } : { prep: q.prep }));
    if (p.target) row.target = p.target;
    if (row.objects && agentShare(row.objects) > 0.5) row.agentObject = true;
    row.code = chosen.code;
    if (chosen.reciprocal) row.reciprocal = chosen.reciprocal;
    if (chosen.reverse) row.reverse = true;
    row.lines = uniqueSorted(group.map((g) => g.line), (a, b) => a - b);
    return row;
  }

  /** Verbs of the block a pattern's comment names ("# HOLD , DETAIN", "# CALLED_OFF", "# WITHHELD"). */
  function commentVerbs(comment, lemmas) {
    const out = new Set();
    for (const word of comment.split(/[\s,]+/)) {
      if (!/^[A-Z][A-Z_]+$/.test(word)) continue;
      const lemma = baseForm(word.split('_')[0].toLowerCase(), lemmas);
      if (lemma) out.add(lemma);
    }
    return [...out].sort();
  }

  /** A verb form's lemma among `lemmas`: irregular forms first, then -s/-ed/-ing endings. */
  function baseForm(w, lemmas) {
    const irregular = forms.get(w);
    const candidates = [w, irregular, w.replace(/ies$/, 'y'), w.replace(/ied$/, 'y'), w.replace(/e?s$/, ''), w.replace(/s$/, ''),
      w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e'), w.replace(/(.)\1(ed|ing)$/, '$1')];
    return candidates.find((c) => c && lemmas.has(c));
  }

  function agentShare(heads) { return heads.filter((h) => agents.has(h)).length / heads.length; }

  // Code table: labels and Goldstein scores of every code the list names (children of a code the
  // scale lacks take their parent's score).
  // The scale's two-digit roots have no label in the code list: their label is null.
  const codes = {};
  for (const code of uniqueSorted([...Object.keys(labels), ...scale.keys()])) {
    let score;
    for (let n = code.length; n >= 2 && score === undefined; n--) score = scale.get(code.slice(0, n));
    const row = { label: labels[code] ?? null, goldstein: score ?? null };
    if (!scale.has(code)) row.goldsteinFrom = score === undefined ? 'none' : 'parent code';
    codes[code] = row;
  }

  const header = {
    source: `CAMEO.2.0.txt of github.com/openeventdata/petrarch2 at commit ${commit} (data/dictionaries), via ../shared/lexicons/petrarch2; agent nouns from Phoenix.agents.txt of the same commit`,
    license: 'MIT, Copyright (c) 2014-2015 Open Event Data Alliance (the dictionary repeats the MIT text in its header); developed with NSF funding by the KEDS/TABARI/CAMEO project (Schrodt et al.)',
    generatedBy: 'scripts/make-cameo.mjs (do not edit by hand; rerun the script)',
    reason: 'CAMEO verb patterns as triggers for relations read from the dependency tree: a pattern names an optional particle, object head and preposition + head, where the target sits, and the CAMEO code; src/relations/data/cameo-codes.json maps codes to relations.',
    format: {
      verbs: 'lemma → its entries in the dictionary: the block whose patterns apply to it, and the code of the verb alone ("---" = no event alone); an entry with particle/objects/preps/target is a multi-word verb ("lash out", "meet with"); `alone`: the block patterns do not apply to it',
      blocks: 'block name → the patterns every verb of the block takes (PETRARCH2 semantics), one code per shape',
      particle: 'compound:prt word the verb must carry ("out" in "lash out")',
      objects: 'alternatives for the head of the direct object, lowercase and singular-ish (see nounKey in the script)',
      preps: 'obliques the verb must have: preposition + alternatives for the head noun',
      target: 'where the target sits when the dictionary says: {kind:"object"} (a + after the verb) or {kind:"prep",prep} (an open (PREP) slot or (PREP +)); absent: the reader chooses (an object the pattern did not name, else an oblique)',
      agentObject: 'the object noun names actors (a PETRARCH agent noun: "diplomats", "troops"): the target is that object',
      code: 'CAMEO code (the finest the dictionary gives); "---" = no event (a blocking pattern)',
      reciprocal: 'paired code [a:b]: b is the event from the target back to the subject',
      reverse: 'reciprocal-only code [:b]: the event goes from the other end to the subject ("received support from Y": Y supports the subject)',
      lines: 'line numbers in CAMEO.2.0.txt',
      forms: 'irregular verb forms listed in {…} → lemma',
    },
    counts: {
      lemmas: Object.keys(verbsOut).length,
      verbEntries: entries.length,
      blocksWithPatterns: blocksOut.length,
      blockPatterns: blockPatternCount,
      lemmaPatterns: Object.values(verbsOut).flat().reduce((n, e) => n + 1 + (e.alone ? 0 : (blocksOut.find(([k]) => k === e.block)?.[1].patterns.length ?? 0)), 0),
      blocks: blocks.length,
      verbLines: stats.verbLines,
      compoundVerbs: stats.compoundVerbs,
      patternLines: stats.patternLines,
      patternLinesKept: stats.keptLines,
      patternLinesDropped: stats.patternLines - stats.keptLines,
      transformationsNotRead: transformations.length,
      sameShapeConflicts: stats.conflicts,
      sameShapeConflictsDropped: stats.conflictsDropped,
      sameShapeSplitByCommentVerb: stats.splitByVerb,
      reducedShapesGivenParentCode: stats.parentForReduced,
      agentNouns: agents.size,
    },
    dropped: sortObject(stats.dropped),
    converted: sortObject(stats.converted),
  };
  const unused = FIXES.filter((f) => !fixesUsed.has(f));
  if (unused.length) throw new Error(`make-cameo: hand fixes that match no pattern: ${unused.map((f) => f.text).join('; ')}`);
  const verbsJson = { ...header, forms: sortObject(Object.fromEntries(forms)), verbs: verbsOut, blocks: Object.fromEntries(blocksOut) };
  const scaleJson = {
    source: `CAMEO code labels: ../shared/eval/petrarch/cameo_event_codes.json (github.com/${labelsJson.source?.repo ?? 'openeventdata/text_to_CAMEO'} at ${labelsJson.source?.commit ?? 'unknown'}, ${labelsJson.source?.path ?? 'CAMEO_codefile.txt'}, ${labelsJson.source?.license ?? 'MIT'}); Goldstein scores: ../shared/eval/petrarch/cameo_goldstein_scale.tsv, the CAMEO Goldstein table GDELT publishes (Goldstein 1992, "A Conflict-Cooperation Scale for WEIS Events Data", Journal of Conflict Resolution 36(2))`,
    license: 'code labels MIT (Open Event Data Alliance); the Goldstein scale is a published research table (facts, cited above)',
    generatedBy: 'scripts/make-cameo.mjs (do not edit by hand; rerun the script)',
    reason: 'the label and cooperation-conflict score (-10 … +10) of each CAMEO code, kept on every CAMEO fact and shown by the viewer',
    codes,
  };
  return { verbsJson, scaleJson };
}

/**
 * Patterns whose code runs the wrong way for a tree reader, fixed by hand (block, pattern text as in
 * the dictionary with single spaces, what to do, why). A fix that matches nothing stops the script.
 */
const FIXES = [
  { block: 'OBTAIN', text: '* {&MILITARY AID} [072]', action: 'reverse', reason: 'receiving aid: the giver is the other end (the block codes its neighbours [:072])' },
  { block: 'OBTAIN', text: '* &WEAPON [072]', action: 'reverse', reason: 'receiving weapons: the giver is the other end (the block codes its neighbours [:072])' },
  { block: 'OBTAIN', text: '* SHIPMENT (OF &FOOD) [073]', action: 'reverse', reason: 'receiving food: the giver is the other end' },
  { block: 'OBTAIN', text: '* &FOOD (TO) [073]', action: 'drop', reason: '"got food to Y" and "got food" read alike once reduced: the direction is not in the tree' },
  { block: 'HOST', text: '* (BY) [043:042]', action: 'drop', reason: '"hosted by Y" is a passive: the host is after "by"; the tree reader turns passives itself' },
  { block: 'UTILIZE', text: '* &MILITARY [062:062]', action: 'verbs', verbs: ['exercise', 'exercize'], reason: '"exercise forces" (drills) is military cooperation; "used troops (against Y)" is not' },
  { block: 'DELAY', text: '* ATTACK [053]', action: 'drop', reason: '"X prevented an attack" rallies no support for anyone' },
  { block: 'DESTROY', text: '* OFF [130]', action: 'drop', reason: '"X broke off (talks)" is a rupture (CAMEO 16x), not a threat; the break-ties frame reads it' },
  { block: 'DESTROY', text: '* AWAY [130]', action: 'drop', reason: '"X broke away (from Y)" is a secession, not a threat' },
  { block: 'DESTROY', text: '* (WITH) [130]', action: 'drop', reason: '"X broke with Y" is a rupture, not a threat' },
];

export function render() {
  const { verbsJson, scaleJson } = generate();
  return { 'cameo-verbs.json': writeVerbs(verbsJson), 'cameo-scale.json': writeScale(scaleJson), counts: verbsJson.counts, dropped: verbsJson.dropped, converted: verbsJson.converted };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(verbFile)) {
    console.log(`make-cameo: skipped, ${path.relative(repoRoot, verbFile)} is absent (../shared is not mounted)`);
    process.exit(0);
  }
  const out = render();
  const check = process.argv.includes('--check');
  if (!check) mkdirSync(outDir, { recursive: true });
  let stale = false;
  for (const name of ['cameo-verbs.json', 'cameo-scale.json']) {
    const file = path.join(outDir, name);
    if (check) {
      const same = existsSync(file) && readFileSync(file, 'utf8') === out[name];
      if (!same) stale = true;
      console.log(`${name}: ${same ? 'up to date' : 'differs'}`);
    } else writeFileSync(file, out[name]);
  }
  console.log(JSON.stringify({ counts: out.counts, dropped: out.dropped, converted: out.converted }, null, 1));
  if (stale) process.exit(1);
}
