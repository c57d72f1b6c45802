// Modality read from the tree: negation ("did not meet", "refused to accept", a meeting cancelled)
// and what is not asserted as done (modals, conditions, wishes, hearsay, denials, purposes). Kept
// apart from tree.ts's readings of who did what to whom.
import type { Token } from '../types';
import type { DependencyTree } from './tree';
import { CLAIM_VERBS, HEARSAY_NOUNS, IRREALIS_VERBS, NEGATING_VERBS, PREVENTING_VERBS, VERB_TAGS, verbIn } from './words';

/** Hearsay nouns that name a charge: their relative clause answers them ("a charge Kigali denies"), it tells no hearsay. */
const CHARGE_NOUNS: ReadonlySet<string> = new Set(['accusations', 'accusation', 'charges', 'charge']);

/** Modals that make a clause unreal; "will" too: a future act is announced, not done. */
export const MODALS: ReadonlySet<string> = new Set(['would', 'could', 'might', 'may', 'should', 'will', "'ll", 'wo', 'can', 'ca', 'shall', 'must', "'d"]);
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no']);
/** Pronouns of none: "nothing to negotiate", "no one to talk to". */
const NONE_WORDS: ReadonlySet<string> = new Set(['nothing', 'nobody', 'none', 'noone']);
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless', 'whether']);
/** Relations that link a clause to its governor ("wants to meet", "said he would"). */
const CLAUSAL: ReadonlySet<string> = new Set(['xcomp', 'ccomp', 'advcl', 'conj', 'csubj']);

/** Verbs whose complement clause is denied: "denied (that) X met Y", "dismissed reports he told Y". */
const DENYING_VERBS: ReadonlySet<string> = new Set(['deny', 'dismiss', 'reject', 'refute', 'rebut', 'dispute']);

/** Verbs that undo the event their object names: "cancelled the visit", "scrapped the talks". */
const CANCELLING_VERBS: ReadonlySet<string> = new Set(['cancel', 'scrap', 'abandon', 'scrub', 'axe', 'ax', 'shelve']);

/** Events a cancelling verb undoes; ties or a pact abandoned are the act itself ("abandon ties with Y"). */
const CANCELLED_EVENTS: ReadonlySet<string> = new Set(['visit', 'visits', 'trip', 'trips', 'tour', 'talks', 'meeting', 'meetings', 'summit', 'summits', 'call', 'negotiations']);

/** Whether a meeting noun is the object of a cancelling verb ("called off" too): "cancelled a visit to Washington". */
export function cancelled(tree: DependencyTree, i: number): boolean {
  const rel = tree.deprel(i);
  if ((rel !== 'obj' && rel !== 'nsubj:pass') || !CANCELLED_EVENTS.has(tree.tokens[i]?.lower ?? '')) return false;
  const head = tree.head(i);
  const verb = tree.tokens[head];
  if (!verb) return false;
  if (CANCELLING_VERBS.has(verb.lemma)) return true;
  return verb.lemma === 'call' && tree.children(head).some((c) => tree.deprel(c) === 'compound:prt' && tree.tokens[c]?.lower === 'off');
}

/** "did not meet", "refused to accept", "never accused": negation on the trigger or a governor that passes it down. */
export function negated(tree: DependencyTree, i: number): boolean {
  let k = i;
  // "had nothing to negotiate with Washington": an infinitive that says what there is none of.
  if (tree.deprel(i) === 'acl' && NONE_WORDS.has(tree.tokens[tree.head(i)]?.lower ?? '')) return true;
  for (let depth = 0; depth < 4 && k >= 0; depth++) {
    for (const c of tree.children(k)) {
      const d = tree.deprel(c);
      // ("was not only buying Russian oil but selling it": "not only … but" adds, it does not deny.)
      if ((d === 'advmod' || d === 'neg' || d === 'det') && NEGATORS.has(tree.tokens[c]?.lower ?? '') && (d !== 'det' || depth === 0) && tree.tokens[c + 1]?.lower !== 'only') return true;
    }
    // "to prevent him from fighting the US", "barred Y from attending": what is kept from happening.
    const mark = tree.child(k, 'mark');
    if (mark >= 0 && tree.tokens[mark]?.lower === 'from' && PREVENTING_VERBS.has(tree.tokens[tree.head(k)]?.lemma ?? '')) return true;
    // Only an infinitive takes its governor's negation: "did not agree to meet", "refused to accept".
    const governor = tree.tokens[tree.head(k)];
    if (tree.deprel(k) !== 'xcomp' || !governor) return false;
    if (verbIn(NEGATING_VERBS, governor)) return true;
    k = governor.index;
  }
  return false;
}

/** Modals, conditions, questions, irrealis governors ("wants to meet"), denied or claimed complements. */
export function hypothetical(tree: DependencyTree, i: number): boolean {
  let k = i;
  for (let depth = 0; depth < 5 && k >= 0; depth++) {
    let be = false;
    let to = false;
    for (const c of tree.children(k)) {
      const d = tree.deprel(c);
      const w = tree.tokens[c]?.lower ?? '';
      if ((d === 'aux' || d === 'aux:pass') && MODALS.has(w)) return true;
      if (d === 'mark' && CONDITIONS.has(w)) return true;
      if ((d === 'cop' || d === 'aux') && tree.tokens[c]?.lemma === 'be') be = true;
      if (d === 'mark' && w === 'to') to = true;
    }
    if (be && to) return true;
    const rel = tree.deprel(k);
    const h = tree.head(k);
    const governor = tree.tokens[h];
    if (!governor || !(CLAUSAL.has(rel) || rel === 'acl' || rel === 'acl:relcl')) return false;
    const irrealis = verbIn(IRREALIS_VERBS, governor) || IRREALIS_VERBS.has(governor.lower);
    // "wants to meet"; "the WTO is to hold talks": a plan, not an act.
    if (rel === 'xcomp' && (irrealis || governor.lemma === 'be')) return true;
    // "rejected allegations (that) he pressured Y", "reports that X met Y": hearsay is not asserted.
    // ("…, a charge the president's office rejected": a charge's relative clause is the answer to it, asserted.)
    if ((rel === 'acl' || rel === 'ccomp' || (rel === 'acl:relcl' && !CHARGE_NOUNS.has(governor.lower))) && HEARSAY_NOUNS.has(governor.lower)) return true;
    if (rel === 'acl' || rel === 'acl:relcl') return false;
    if (rel === 'ccomp') {
      // "denied that X attacked", "hopes that X will agree", "did not mean that X had cut ties": not
      // asserted. What a speaker says is asserted by the speaker (reportedBy names them).
      return verbIn(DENYING_VERBS, governor) || verbIn(CLAIM_VERBS, governor) || irrealis || negated(tree, h);
    }
    // "travelled to Washington to meet Trump": a purpose is intended, not reported as done.
    if (tree.purpose(k)) return true;
    // "said a delay would be disastrous and she accused the Tories": a conjunct with its own subject is its own clause.
    if (rel === 'conj' && tree.child(k, 'nsubj') >= 0) return false;
    // "would not recognise the junta and supported Ecowas": an inflected verb after a bare one has its own tense.
    // ("denied that Moscow was punishing Moldova and accused Kyiv": a past form after an -ing form too.)
    if (rel === 'conj' && finite(tree.tokens[k]) && !finite(governor) && VERB_TAGS.has(tree.upos(h))) return false;
    // An adverbial clause keeps its own modality ("met Y after X had attacked"); a conjunct and an
    // infinitive share their governor's ("would withdraw and restore ties", "will travel to meet").
    if (rel === 'advcl' || rel === 'csubj') return false;
    // "called the discharge selfish and accused Japan": a verb joined to the first verb's predicate
    // has that verb's modality, not the predicate's.
    if (rel === 'conj' && !VERB_TAGS.has(tree.upos(h)) && tree.deprel(h) === 'xcomp') {
      k = tree.head(h);
      continue;
    }
    k = h;
  }
  return false;
}

/** "supported", "met", "backs": not the bare form (British -ise spellings have -ize lemmas). */
export function inflected(t: Token | undefined): boolean {
  return t !== undefined && t.lower !== t.lemma && t.lower.replace(/is(e|ing)$/, 'iz$1') !== t.lemma;
}

/** An inflected form that carries tense ("accused", "urges"), not a gerund or participle in -ing. */
export function finite(t: Token | undefined): boolean {
  return inflected(t) && !/ing$/.test(t?.lower ?? '');
}
