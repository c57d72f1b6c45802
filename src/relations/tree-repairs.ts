// Readings of the parse that its usual shape gets wrong, kept apart from tree.ts's walk of it: an
// -ing verb the parser made an adjective after a phase verb, and the owner of a document whose
// participle says what that owner does.
import type { SyntaxLayer, Token } from '../types';
import type { DependencyTree } from './dependency-tree';
import { PRIVATE_PEOPLE, SPEECH_LEMMAS } from './words';

/** Verbs of a phase that take an -ing clause: "began striking Iranian sites". */
const ASPECTUAL_VERBS: ReadonlySet<string> = new Set(['begin', 'start', 'continue', 'keep', 'resume', 'stop', 'cease', 'finish']);

/**
 * "Israel began striking Iranian nuclear sites": the parser may read the -ing verb as an adjective
 * of the object ("striking sites"). A verb-tagged -ing modifier right after a phase verb whose
 * object it modifies is the phase verb's clause, and the noun its object.
 */
function repairAspectual(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  let deprels: string[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    if (syntax.upos[i] !== 'VERB' || syntax.deprels[i] !== 'amod' || !/ing$/.test(tokens[i]?.lower ?? '')) continue;
    const noun = syntax.heads[i] as number;
    const verb = i - 1;
    if (noun <= i || syntax.heads[noun] !== verb || syntax.deprels[noun] !== 'obj' || !ASPECTUAL_VERBS.has(tokens[verb]?.lemma ?? '')) continue;
    heads ??= Int32Array.from(syntax.heads);
    deprels ??= [...syntax.deprels];
    heads[i] = verb;
    deprels[i] = 'xcomp';
    heads[noun] = i;
  }
  return heads && deprels ? { ...syntax, heads, deprels } : syntax;
}

/** Words the parser may hang as a preposition before a clause's subject: "came as Tehran threatened …". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['as']);
/** What the parser makes of the clause's verb then. */
const STRAY_CLAUSES: ReadonlySet<string> = new Set(['xcomp', 'ccomp', 'dep', 'conj']);

/**
 * "The seizure came as Tehran threatened to punish Israel": the parser may read "as Tehran" as an
 * oblique of "came" and "threatened" as its xcomp, leaving the verb without a subject. A name or
 * noun after "as" whose phrase ends right before a finite verb of the same head is that verb's
 * subject, "as" its marker, and the verb an adverbial clause.
 */
function repairAsClause(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  let deprels: string[] | undefined;
  for (let i = 0; i < tokens.length - 2; i++) {
    const h = heads ?? syntax.heads;
    const d = deprels ?? syntax.deprels;
    const noun = h[i] as number;
    if (!CLAUSE_OPENERS.has(tokens[i]?.lower ?? '') || noun <= i || d[i] !== 'case' || d[noun] !== 'obl') continue;
    const governor = h[noun] as number;
    if (governor < 0 || governor > i) continue;
    // The noun's phrase ends where the first token hung elsewhere begins: that must be the verb.
    let v = noun + 1;
    while (v < tokens.length && inside(h, v, noun, i)) v++;
    const verb = tokens[v];
    if (!verb || verb.sentence !== tokens[i]?.sentence || syntax.upos[v] !== 'VERB' || /ing$/.test(verb.lower)) continue;
    if (h[v] !== governor || !STRAY_CLAUSES.has(d[v] ?? '')) continue;
    heads ??= Int32Array.from(syntax.heads);
    deprels ??= [...syntax.deprels];
    heads[noun] = v;
    deprels[noun] = 'nsubj';
    heads[i] = v;
    deprels[i] = 'mark';
    deprels[v] = 'advcl';
  }
  return heads && deprels ? { ...syntax, heads, deprels } : syntax;
}

/** Whether token k hangs (through its heads) under `noun` without leaving the span that opens at `from`. */
function inside(heads: Int32Array, k: number, noun: number, from: number): boolean {
  let h = heads[k] as number;
  for (let steps = 0; steps < 64 && h >= 0; steps++) {
    if (h === noun) return true;
    if (h < from || h > k + 64) return false;
    h = heads[h] as number;
  }
  return false;
}

/**
 * "Ukraine said on Monday that Russia had fired missiles": the parser may hang the that-clause on the
 * day as a relative clause ("Monday that …", "that" its subject), leaving the verb of saying with no
 * content. A clause under an oblique of a verb of speech, opened by "that" and with a subject of its
 * own besides, is what was said.
 */
function repairSaidThat(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  let deprels: string[] | undefined;
  for (let i = 1; i < tokens.length - 2; i++) {
    if (tokens[i]?.lower !== 'that') continue;
    const h = heads ?? syntax.heads;
    const d = deprels ?? syntax.deprels;
    const clause = h[i] as number;
    const noun = h[clause] as number;
    const speech = noun >= 0 ? (h[noun] as number) : -1;
    if (clause <= i || noun < 0 || noun >= i || speech < 0 || syntax.upos[clause] !== 'VERB') continue;
    if (!(d[clause] ?? '').startsWith('acl') || !(d[noun] ?? '').startsWith('obl') || !SPEECH_LEMMAS.has(tokens[speech]?.lemma ?? '')) continue;
    // ("that" as the relative's subject: the clause must have a subject of its own as well.)
    let subject = d[i] === 'mark';
    for (let k = i + 1; k < clause && !subject; k++) if (h[k] === clause && (d[k] === 'nsubj' || d[k] === 'nsubj:pass')) subject = true;
    if (!subject) continue;
    heads ??= Int32Array.from(syntax.heads);
    deprels ??= [...syntax.deprels];
    heads[clause] = speech;
    deprels[clause] = 'ccomp';
    deprels[i] = 'mark';
  }
  return heads && deprels ? { ...syntax, heads, deprels } : syntax;
}

/**
 * "imposed sanctions on Monday on Francis Tolentino": the parser may make a preposition the head of
 * its noun ("on" with "Tolentino" as its object, the whole an apposition of "Monday"). A preposition
 * with an object of its own is that object's case marker, and the object takes the preposition's
 * place (an nmod or obl) or, hung elsewhere, becomes an oblique of the nearest verb above it.
 */
function repairPrepositionHead(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  let deprels: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (syntax.upos[i] !== 'ADP') continue;
    const h = heads ?? syntax.heads;
    const d = deprels ?? syntax.deprels;
    let object = -1;
    for (let k = i + 1; k < tokens.length && k <= i + 6; k++) if (h[k] === i && d[k] === 'obj') object = k;
    if (object < 0) continue;
    // ("protests from Port-au-Prince" with "from" an nmod of "protests": the object takes the preposition's place.)
    const inPlace = d[i] === 'nmod' || d[i] === 'obl';
    let verb = h[i] as number;
    for (let steps = 0; !inPlace && verb >= 0 && syntax.upos[verb] !== 'VERB' && steps < 4; steps++) verb = h[verb] as number;
    if (verb < 0 || (!inPlace && syntax.upos[verb] !== 'VERB') || tokens[verb]?.sentence !== tokens[i]?.sentence) continue;
    heads ??= Int32Array.from(syntax.heads);
    deprels ??= [...syntax.deprels];
    heads[object] = verb;
    deprels[object] = inPlace ? (d[i] as string) : 'obl';
    heads[i] = object;
    deprels[i] = 'case';
  }
  return heads && deprels ? { ...syntax, heads, deprels } : syntax;
}

/**
 * "Mittal told US investors that …": the parser may hang a name and the noun it modifies on the verb
 * as two objects of the same kind. A verb has one object and one indirect object: a name right
 * before a common noun with the same relation to the same verb is that noun's compound. ("gave
 * Ukraine weapons", an indirect object then an object, is left alone, but for people who act for
 * themselves: one tells a state nothing called "investors".)
 */
function repairTwinObjects(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  let deprels: string[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const d = syntax.deprels[i];
    // (An indirect object then private people as object, "told US investors", is one phrase too.)
    const twin = syntax.deprels[i + 1] === d || (d === 'iobj' && syntax.deprels[i + 1] === 'obj' && PRIVATE_PEOPLE.has(tokens[i + 1]?.lower ?? ''));
    if ((d !== 'obj' && d !== 'iobj') || !twin || syntax.heads[i] !== syntax.heads[i + 1]) continue;
    if (syntax.upos[i] !== 'PROPN' || syntax.upos[i + 1] !== 'NOUN' || !/^\p{Ll}/u.test(tokens[i + 1]?.value ?? '')) continue;
    heads ??= Int32Array.from(syntax.heads);
    deprels ??= [...syntax.deprels];
    heads[i] = i + 1;
    deprels[i] = 'compound';
  }
  return heads && deprels ? { ...syntax, heads, deprels } : syntax;
}

/**
 * "sanctions on the RSF leader, Mohamed Hamdan Dagalo": the parser may hang an apposition on the
 * comma before it. An apposition whose head is punctuation belongs to the noun right before that
 * comma.
 */
function repairCommaApposition(tokens: readonly Token[], syntax: SyntaxLayer): SyntaxLayer {
  let heads: Int32Array | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const comma = (heads ?? syntax.heads)[i] as number;
    if (syntax.deprels[i] !== 'appos' || comma < 1 || comma >= i || syntax.upos[comma] !== 'PUNCT' || tokens[comma]?.value !== ',') continue;
    let noun = comma - 1;
    // ("the director general for Europe, Jose Maria Pons": not the name inside a prepositional phrase, its head.)
    const h = (heads ?? syntax.heads)[noun] as number;
    if (syntax.upos[noun] === 'PROPN' && h >= 0 && h < noun && ['NOUN', 'PROPN'].includes(syntax.upos[h] ?? '') && syntax.deprels[noun] === 'nmod') {
      let hasCase = false;
      for (let k = h + 1; k < noun; k++) if ((heads ?? syntax.heads)[k] === noun && syntax.deprels[k] === 'case') hasCase = true;
      if (hasCase) noun = h;
    }
    if (!['NOUN', 'PROPN'].includes(syntax.upos[noun] ?? '') || tokens[noun]?.sentence !== tokens[i]?.sentence) continue;
    heads ??= Int32Array.from(syntax.heads);
    heads[i] = noun;
  }
  return heads ? { ...syntax, heads } : syntax;
}

/** The repairs, in the order they are applied (each reads the tree the one before left). */
const REPAIRS: readonly ((tokens: readonly Token[], syntax: SyntaxLayer) => SyntaxLayer)[] = [
  repairAspectual, repairAsClause, repairSaidThat, repairPrepositionHead, repairTwinObjects, repairCommaApposition,
];

/** The parse with every repair above applied. */
export function repairTree(tokens: readonly Token[], parsed: SyntaxLayer): SyntaxLayer {
  return REPAIRS.reduce((syntax, repair) => repair(tokens, syntax), parsed);
}

/** Nouns for what an actor files or writes, whose participle ("a complaint accusing Y") is the owner's act. */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(['case', 'complaint', 'lawsuit', 'suit', 'petition', 'letter', 'motion', 'resolution', 'report', 'statement', 'filing', 'submission', 'appeal', 'application', 'note', 'memo']);

/** The possessor of a document noun right before the participle at `participle` ("Sudan's case accusing"), or -1. */
export function documentOwner(tree: DependencyTree, noun: number, participle: number): number {
  if (noun < 0 || noun >= participle || !DOCUMENT_NOUNS.has(tree.tokens[noun]?.lower ?? '')) return -1;
  for (let k = noun + 1; k < participle; k++) if (tree.tokens[k]?.value === ',') return -1;
  const poss = tree.child(noun, 'nmod:poss');
  if (poss >= 0) return poss;
  // "a letter from Tehran accusing Y"
  for (const c of tree.children(noun)) if (c < participle && tree.deprel(c) === 'nmod' && ['from', 'by'].includes(tree.caseOf(c) ?? '')) return c;
  return -1;
}

/** Verbs whose object document is the subject's own: "filed / adopted / sent a complaint accusing Y". */
export const AUTHORING_VERBS: ReadonlySet<string> = new Set(['file', 'adopt', 'issue', 'submit', 'send', 'write', 'pass', 'publish', 'lodge', 'bring', 'release', 'table', 'deliver', 'draft', 'present', 'approve']);
