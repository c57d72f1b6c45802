// Acts a sentence says rather than reports: a threatened attack is a warning to its target, pledged
// help a promise to it, each with the saying verb's own negation and modality.
import type { Relation, Token } from '../types';
import { hypothetical, negated, subjectHeads, type DependencyTree, type TreeContext, type TreeReading } from './tree';
import { ActorFinder } from './tree-actors';
import { PROMISING_VERBS, VERB_TAGS, verbIn } from './words';

/** Acts that, threatened rather than done, are a warning to their target. */
const THREATENED: ReadonlySet<Relation> = new Set<Relation>(['attacked', 'sanctioned', 'accused', 'rejected']);

/** Help that, pledged rather than given, is a promise to its target. */
const PROMISED: ReadonlySet<Relation> = new Set<Relation>(['aided', 'supported']);

/**
 * "threatened to strike Y", "threatened to impose tariffs on Y": the threat is the fact (a
 * warning to Y, CAMEO 13); undefined when the reading is no threatened act.
 */
export function asThreat(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  if (!THREATENED.has(r.frame.relation)) return undefined;
  return reread(ctx.tree, r, (t) => t.lemma === 'threaten', false, { id: 'threaten', relation: 'warned', cameo: '130' });
}

/**
 * "Katz warned that Israel would strike Lebanon": an attack the speaker warns may come is a warning
 * to its target by the one who warns (CAMEO 138), told besides the attack as possible.
 */
export function asWarning(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  // (Our own attack frames only: a CAMEO pattern read loosely, "start (supplying) weapons to Y", is no attack to warn of.)
  if (r.frame.relation !== 'attacked' || r.mutual || !r.hypothetical || r.frame.id.startsWith('cameo:')) return undefined;
  const tree = ctx.tree;
  let v = r.trigger.index;
  if (!VERB_TAGS.has(tree.upos(v))) v = tree.head(v);
  if (v < 0 || tree.deprel(v) !== 'ccomp') return undefined;
  const h = tree.head(v);
  const verb = tree.tokens[h];
  if (!verb || !WARNING_VERBS.has(verb.lemma)) return undefined;
  const finder = new ActorFinder(ctx);
  const sources = subjectHeads(tree, h).flatMap((k) => finder.at(k));
  if (sources.length === 0) return undefined;
  return {
    ...r, trigger: verb, sources, frame: { ...r.frame, id: `warn:${r.frame.id}`, relation: 'warned', cameo: '138' },
    negated: negated(tree, h), hypothetical: hypothetical(tree, h),
  };
}

/** Verbs whose that-clause tells an attack that may come as a warning. */
const WARNING_VERBS: ReadonlySet<string> = new Set(['warn', 'threaten']);

/**
 * "pledged aid to Y", "offered to send weapons to Y", "promised support for Y": the pledge is the
 * fact (a promise to Y, CAMEO 03); undefined when the reading is no pledged help.
 */
export function asPromise(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  if (!PROMISED.has(r.frame.relation)) return undefined;
  return reread(ctx.tree, r, (t) => verbIn(PROMISING_VERBS, t), true, { id: 'pledge', relation: 'promised', cameo: '030' });
}

/** Verbs by which a side commits itself to what its infinitive says: "agreed to end", "pledged to halt". */
const pledges = (t: Token): boolean => verbIn(PROMISING_VERBS, t) || t.lemma === 'agree';
/** A commitment to the other end (CAMEO 057). */
const COMMITMENT = { id: 'pledge', relation: 'promised', cameo: '057' } as const;

/**
 * "the movement agreed to end its attacks on American ships", "Hamas pledged to halt strikes on
 * Y": agreeing or pledging to stop an attack is a commitment to its target (CAMEO 057), told
 * besides the stopped attack.
 */
export function asCeasePledge(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  if (r.frame.id !== 'halt-attacks' && !r.frame.id.startsWith('halted:')) return undefined;
  return reread(ctx.tree, r, pledges, false, COMMITMENT);
}

/** Frames of closer ties: two sides agreeing to them commit to each other. */
const TIES_FRAMES: ReadonlySet<string> = new Set(['strengthen-ties', 'restore-ties']);

/**
 * "Japan and South Korea agreed to strengthen ties": agreeing or pledging together to closer ties is
 * a mutual commitment (CAMEO 057), told besides the ties themselves.
 */
export function asTiesPledge(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  if (!TIES_FRAMES.has(r.frame.id) || r.negated) return undefined;
  // (Two sides agreeing together commit to each other: a mutual reading stays one.)
  return reread(ctx.tree, r, pledges, false, COMMITMENT, true);
}

/** Acts that, declared one is willing to do, are an offer to their other end. */
const OFFERED: ReadonlySet<Relation> = new Set<Relation>(['met', 'supported', 'accepted']);
/** "willing to meet Y", "ready to cooperate with Y", "offered to hold talks with Y": an offer (CAMEO 036). */
const WILLING: ReadonlySet<string> = new Set(['willing', 'ready', 'prepared', 'open', 'eager']);

/**
 * "Chapo said he was willing to meet Mondlane", "Beijing is ready to cooperate with Stockholm": the
 * readiness is the fact, an offer to Y (CAMEO 036), with the adjective's negation and modality.
 */
export function asOffer(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  if (!OFFERED.has(r.frame.relation)) return undefined;
  // ("offered to mediate between X and Y" proposes nothing to X or Y: the mediation is only offered.)
  // ("X prepared to head to Brussels" plans a trip; "X is prepared to meet Y" is ready to: the copula says which.)
  const ready = (t: Token): boolean => WILLING.has(t.lower) && (t.lower !== 'prepared' || ctx.tree.upos(t.index) === 'ADJ' || ctx.tree.children(t.index).some((c) => ctx.tree.tokens[c]?.lemma === 'be'));
  const offers = (t: Token): boolean => ready(t) || (t.lemma === 'offer' && !r.frame.cameo.startsWith('045'));
  return reread(ctx.tree, r, offers, false, { id: 'offer', relation: 'proposed', cameo: '036' });
}

/**
 * The reading as the saying verb's: that verb is the reading's own (when `own`, "pledged aid") or
 * the governor of its infinitive ("threatened to strike"); its negation and modality replace the act's.
 */
function reread(tree: DependencyTree, r: TreeReading, says: (t: Token) => boolean, own: boolean, as: { readonly id: string; readonly relation: Relation; readonly cameo: string }, mutualOk = false): TreeReading | undefined {
  if (r.mutual && !mutualOk) return undefined;
  let v = r.trigger.index;
  if (!VERB_TAGS.has(tree.upos(v))) v = tree.head(v);
  if (v < 0) return undefined;
  const self = tree.tokens[v];
  // ("ready for talks with Y": the event noun hangs on the saying word itself by "for".)
  const forNoun = r.trigger.index !== v && tree.deprel(r.trigger.index) === 'obl' && tree.caseOf(r.trigger.index) === 'for';
  const h = (own || forNoun) && self && says(self) ? v : tree.infinitive(v) ? tree.head(v) : -1;
  const verb = tree.tokens[h];
  if (!verb || !says(verb)) return undefined;
  return {
    ...r, trigger: verb, frame: { ...r.frame, id: `${as.id}:${r.frame.id}`, relation: as.relation, cameo: as.cameo },
    negated: negated(tree, h), hypothetical: hypothetical(tree, h),
  };
}
