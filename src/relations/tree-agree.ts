// Two sides agreeing together, read from the tree: a plan agreed commits each to the other ("agreed
// to wind down the coalition"), a meeting agreed is the meeting, a pact agreed on binds both; what is
// done "separately" is done with someone else. tree-frames.ts reads the frames themselves.
import type { Token } from '../types';
import type { ActorReference } from '../entities';
import { AGREEMENT_NOUNS } from './frames';
import { ActorFinder } from './tree-actors';
import { readSubjects, type DependencyTree } from './tree';
import { TreeStory } from './tree-story';

/** Whether a verb is done "separately" or "each on its own": its joint subjects did not act together. */
export function separately(tree: DependencyTree, verb: number): boolean {
  return tree.children(verb).some((c) => tree.deprel(c) === 'advmod' && SEPARATE_WORDS.has(tree.tokens[c]?.lower ?? ''));
}
const SEPARATE_WORDS: ReadonlySet<string> = new Set(['separately', 'independently', 'individually', 'respectively']);

/** Plans to meet or talk: agreeing to them promises nothing beyond the meeting. */
const MEETING_PLANS: ReadonlySet<string> = new Set(['meet', 'talk', 'negotiate', 'discuss']);
/** Verbs that open or go on with something: a meeting plan when what they open is talks ("to begin talks", not "to begin work on a deal"). */
const OPENING_PLANS: ReadonlySet<string> = new Set(['begin', 'start', 'hold', 'resume', 'continue', 'open', 'launch']);
const MEETING_OBJECTS: ReadonlySet<string> = new Set(['talks', 'negotiations', 'meeting', 'meetings', 'dialogue', 'discussions', 'consultations', 'summit', 'round', 'rounds', 'contacts', 'conversation', 'conversations']);

/** Auxiliaries of what a that-clause says will be done ("agreed that the soldiers would leave"), and should be. */
const WILL_AUX: ReadonlySet<string> = new Set(['would', 'will']);
const PLAN_AUX: ReadonlySet<string> = new Set(['would', 'will', 'should']);

/** What two sides settle together when they agree on it: "agreed on a framework / the terms of a truce". */
const SETTLED_TERMS: ReadonlySet<string> = new Set(['framework', 'terms', 'roadmap', 'text', 'timetable', 'outline', 'outlines', 'blueprint']);

export abstract class TreeAgree extends TreeStory {
  /**
   * "Iraq and the United States agreed to wind down the coalition": two sides agreeing together on
   * something to do commit to each other (CAMEO 057), as they do when they agree to a truce.
   */
  protected treeAgreeTogether(verb: Token): void {
    const reader = this.reader;
    if (!reader || verb.lemma !== 'agree' || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    // ("Seoul and Tokyo agreed separately to invest in the US": each with a third party, not with each other.)
    if (separately(tree, verb.index)) return;
    // (The parser hangs "agreed on Friday to wind down …" as a purpose clause as often as an xcomp.)
    // ("agreed that the last soldiers would leave by September": a that-clause of what will be done commits too.)
    const plan = this.agreedPlan(verb);
    // "agreed to meet / to begin talks": the meeting is the fact (hypothetical), no pledge of its own.
    if (plan === undefined || this.meetingPlan(plan)) return;
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    // Named sides, or a pair phrase coreference resolved to two ("the two governments agreed …").
    // A person counts as a side with an office the document names ("two actors agreed to do the commentary" pledges nothing to each other).
    const sides = sources.filter((r) => (r.entityType === 'country' || r.entityType === 'organization' || (r.entityType === 'person' && this.sidesOf(r.entity).length > 0)) && r.via !== 'pronoun');
    if (new Set(sides.map((r) => r.entity)).size !== 2 || negated || hypothetical) return;
    const [a, b] = sides as [ActorReference, ActorReference];
    if (this.isOrOnSideOf(a.entity, b.entity) || this.isOrOnSideOf(b.entity, a.entity)) return;
    for (const [x, y] of [[a, b], [b, a]] as const) this.emit(x, 'promised', y, verb, 'agree-together', '057', { topicOk: false, modality: { negated: false, hypothetical: false } });
  }

  /** Whether the verb names another party by with- or to-phrase ("met separately with Biden"). */
  protected withThirdParty(verb: Token): boolean {
    const tree = this.reader?.tree;
    return tree !== undefined && tree.children(verb.index).some((c) => tree.deprel(c) === 'obl' && ['with', 'to'].includes(tree.caseOf(c) ?? '') && this.refAt[c] !== undefined);
  }

  /** "to meet", "to begin talks", "to hold a new round": a plan whose fact is a meeting. */
  private meetingPlan(plan: number): boolean {
    const lemma = this.tok(plan)?.lemma ?? '';
    if (MEETING_PLANS.has(lemma)) return true;
    if (!OPENING_PLANS.has(lemma)) return false;
    const obj = this.reader ? this.reader.tree.child(plan, 'obj') : -1;
    return obj < 0 || MEETING_OBJECTS.has(this.tok(obj)?.lower ?? '');
  }

  /** "agreed that the soldiers would leave": the verb's that-clause tells what will be done. */
  protected willBeDone(verb: Token): boolean {
    const clause = this.reader ? this.reader.tree.child(verb.index, 'ccomp') : -1;
    return clause >= 0 && this.reader !== undefined && this.reader.tree.hasAux(clause, WILL_AUX);
  }

  /** What two sides agreeing together agree to do: an infinitive, or a that-clause of what will (or should) be done. */
  private agreedPlan(verb: Token): number | undefined {
    const tree = this.reader?.tree;
    if (!tree) return undefined;
    return Array.from(tree.children(verb.index)).find((c) => ((tree.deprel(c) === 'xcomp' || tree.deprel(c) === 'advcl') && tree.infinitive(c))
      || (tree.deprel(c) === 'ccomp' && tree.upos(c) === 'VERB' && tree.hasAux(c, PLAN_AUX)));
  }

  /** The actors "with" whom a pact the verb agrees to is made ("agreed to a deal with Y"). */
  protected pactPartners(trigger: Token): ActorReference[] {
    const reader = this.reader;
    if (!reader) return [];
    const tree = reader.tree;
    const out: ActorReference[] = [];
    for (const c of tree.children(trigger.index)) {
      if (!tree.deprel(c).startsWith('obl') || !['to', 'on'].includes(tree.caseOf(c) ?? '') || !AGREEMENT_NOUNS.includes(tree.tokens[c]?.lower ?? '')) continue;
      for (const m of tree.children(c)) {
        if (tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'with') out.push(...new ActorFinder(reader).at(m).filter((r) => r.entityType !== 'other' && r.entityType !== 'place'));
      }
    }
    return out;
  }

  /** The verb's object, or the noun its relative clause describes, is a pact. */
  protected agreedPact(trigger: Token): boolean {
    const tree = this.reader?.tree;
    if (!tree) return false;
    const pact = (k: number): boolean => AGREEMENT_NOUNS.includes(tree.tokens[k]?.lower ?? '');
    // ("X and Y agreed on a framework to …": terms settled together are a pact too.)
    const settled = Array.from(tree.children(trigger.index)).some((c) => tree.deprel(c) === 'obl' && ['on', 'upon'].includes(tree.caseOf(c) ?? '') && (pact(c) || SETTLED_TERMS.has(tree.tokens[c]?.lower ?? '')));
    return (tree.deprel(trigger.index).endsWith('relcl') && pact(tree.head(trigger.index))) || pact(tree.child(trigger.index, 'obj')) || settled;
  }
}
