// Acts a sentence says rather than reports: a threatened attack is a warning to its target, pledged
// help a promise to it, each with the saying verb's own negation and modality.
import type { Relation } from '../types';
import { hypothetical, negated, VERB_TAGS, type TreeContext, type TreeReading } from './tree';
import { PROMISING_VERBS, verbIn } from './words';

/** Acts that, threatened rather than done, are a warning to their target. */
const THREATENED: ReadonlySet<Relation> = new Set<Relation>(['attacked', 'sanctioned', 'accused', 'rejected']);

/**
 * "threatened to strike Y", "threatened to impose tariffs on Y": the threat is the fact (a
 * warning to Y, CAMEO 13), with the threatening verb's own modality; undefined when the reading
 * is no threatened act.
 */
export function asThreat(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  const { tree } = ctx;
  if (r.mutual || !THREATENED.has(r.frame.relation)) return undefined;
  let v = r.trigger.index;
  if (!VERB_TAGS.has(tree.upos(v))) v = tree.head(v);
  // The parser hangs the infinitive as xcomp or as a purpose clause.
  if (v < 0 || !(tree.deprel(v) === 'xcomp' || (tree.deprel(v) === 'advcl' && tree.tokens[tree.child(v, 'mark')]?.lower === 'to'))) return undefined;
  const h = tree.head(v);
  if (tree.tokens[h]?.lemma !== 'threaten') return undefined;
  const trigger = tree.tokens[h] ?? r.trigger;
  return {
    ...r, trigger, frame: { ...r.frame, id: `threaten:${r.frame.id}`, relation: 'warned', cameo: '130' },
    negated: negated(tree, h), hypothetical: hypothetical(tree, h),
  };
}

/** Help that, pledged rather than given, is a promise to its target. */
const PROMISED: ReadonlySet<Relation> = new Set<Relation>(['aided', 'supported']);

/**
 * "pledged aid to Y", "offered to send weapons to Y", "promised support for Y": the pledge is the
 * fact (a promise to Y, CAMEO 03), with the pledging verb's own modality.
 */
export function asPromise(ctx: TreeContext, r: TreeReading): TreeReading | undefined {
  const { tree } = ctx;
  if (r.mutual || !PROMISED.has(r.frame.relation)) return undefined;
  let v = r.trigger.index;
  if (!VERB_TAGS.has(tree.upos(v))) v = tree.head(v);
  if (v < 0) return undefined;
  let pledge = v;
  if (!verbIn(PROMISING_VERBS, tree.tokens[v] ?? { lemma: '', lower: '' })) {
    const rel = tree.deprel(v);
    if (!(rel === 'xcomp' || (rel === 'advcl' && tree.tokens[tree.child(v, 'mark')]?.lower === 'to'))) return undefined;
    pledge = tree.head(v);
  }
  const verb = tree.tokens[pledge];
  if (!verb || !verbIn(PROMISING_VERBS, verb)) return undefined;
  return {
    ...r, trigger: verb, frame: { ...r.frame, id: `pledge:${r.frame.id}`, relation: 'promised', cameo: '030' },
    negated: negated(tree, pledge), hypothetical: hypothetical(tree, pledge),
  };
}

