// Relations: tokens + actor references → facts, each with the sentence that proves it.
// Frames (./frames.ts) say which words signal which relation; the extractor finds the two ends
// (subject to the left, target to the right, swapped in the passive), reads modality
// (negation, conditions, futures) and attributes reported speech and quotes. It is built in
// layers, one file each, every one reading only those below it: context.ts (the document's
// indexes) → walks.ts (token walks) → evidence.ts (speakers, modality, the fact kept) →
// walk-frames.ts (frames read by walking) → tree-told.ts (acts told before, judged or denied) →
// tree-frames.ts (frames read from the parse) → here.
//
// Without a parse, ends are found by walking the tokens of one clause. What keeps that
// precise is what the walks refuse: an actor after a preposition the frame does not name, an
// actor inside a parenthetical or apposition, an actor across a finite verb or a clause break.
import type { AnnotatedDocument, Relation, SyntaxLayer, Token } from '../types';
import type { EntityLayer } from '../entities';
import { LIGHT_VERBS, MUTUAL_NOUN_VERBS, type Frame } from './frames';
import { DENIAL_LEMMAS, MEDIATING_VERBS, verbLemmas } from './words';
import { cameoCanRelate } from './cameo';
import { EVENT_ANAPHORS } from './anaphora';
import { framesByLemma, nounFramesByWord, roleFramesByLemma, collocationsByVerb, type RelationFact } from './context';
import { TreeFrames } from './tree-frames';
import { CHARGING_ACT_PREDICATES, CHARGING_PREDICATES, FAULT_NOUNS, FAULT_PREDICATES } from './tree-told';
import { readRoles } from './roles';
import { APPEAL_NOUNS } from './tree-acts';
import { AGENTLESS_DETENTION } from './tree-story';

export { COLLOCATION_FRAMES, GOLDSTEIN, RELATION_CAMEO, VERB_FRAMES, NOUN_FRAMES } from './frames';
export type { RelationFact } from './context';

/**
 * Whether a word can signal a fact (a frame, collocation, role or light verb, an event noun, or a
 * CAMEO verb whose pattern one of our relations fits): extraction parses only sentences with one.
 */
export function triggerWord(t: Token): boolean {
  if (nounFramesByWord.has(t.lower) || FAULT_NOUNS.has(t.lower) || APPEAL_NOUNS.has(t.lower)) return true;
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  const l = t.lemma;
  // (verbLemmas holds the lemma and the word less -ed / -d / -s, and an irregular past's verb.)
  return roleFramesByLemma.has(l) || LIGHT_VERBS.has(l) || MUTUAL_NOUN_VERBS.has(l) || cameoCanRelate(l) || CHARGING_PREDICATES.has(l) || FAULT_PREDICATES.has(l) || CHARGING_ACT_PREDICATES.has(l)
    || verbLemmas(t).some((v) => framesByLemma.has(v) || collocationsByVerb.has(v) || MEDIATING_VERBS.has(v));
}

/**
 * Whether a word can signal an attack, whose target may be a place ("a strike on a school in Gaza
 * City"): a sentence with one actor and a place is then worth parsing.
 */
export function attackWord(t: Token): boolean {
  const attack = (f: { readonly relation: Relation }): boolean => f.relation === 'attacked';
  if ((nounFramesByWord.get(t.lower) ?? []).some(attack)) return true;
  if (t.pos !== 'VERB' && t.pos !== 'NOUN') return false;
  return verbLemmas(t).some((l) => (framesByLemma.get(l) ?? []).some(attack) || (collocationsByVerb.get(l) ?? []).some(attack));
}

/**
 * Whether a word can signal a fact whose target is a topic rather than an actor ("backed the
 * plan"): the only facts a sentence naming one actor and one topic can hold (a topic never acts).
 */
export function topicWord(t: Token): boolean {
  const topic = (f: { readonly topicTarget?: boolean }): boolean => f.topicTarget === true;
  if ((nounFramesByWord.get(t.lower) ?? []).some(topic)) return true;
  // any tag: the tree's reading, not wink's, decides whether "back" is a verb
  return [t.lemma, t.lower.replace(/e?d$/, ''), ...verbLemmas(t)].some((l) => (framesByLemma.get(l) ?? []).some(topic));
}

/**
 * Whether a word tells a detention ("was arrested", "had been jailed"), which told with no agent is
 * a state's act on the one held (tree-story.ts): one actor and it can make a fact.
 */
export function detentionWord(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX') && verbLemmas(t).some((l) => AGENTLESS_DETENTION.has(l));
}

/**
 * Whether a word takes up an act reported before ("the attack", "the move", "denied"): one actor
 * and it can make a fact.
 */
export function anaphorWord(t: Token): boolean {
  return EVENT_ANAPHORS.has(t.lower) || DENIAL_LEMMAS.has(t.lemma);
}

/** Facts of one document; with `syntax`, the parsed sentences are read from their trees first. */
export function extractRelations(doc: AnnotatedDocument, layer: EntityLayer, syntax?: SyntaxLayer): RelationFact[] {
  return new Extractor(doc, layer, syntax).run();
}

/** One document's extraction: every token is tried as a trigger, the tree's reading first. */
class Extractor extends TreeFrames {
  constructor(doc: AnnotatedDocument, layer: EntityLayer, syntax?: SyntaxLayer) {
    super(doc, layer, syntax);
    // Before any frame is read: the asides walks jump over, and the speakers and pronouns they resolve.
    for (const s of doc.sentences) this.markParentheticals(s.firstToken, s.lastToken);
    // Roles first: every reader after knows a person's side ("Iran's foreign minister" speaks for Iran).
    const anyAt = [...this.refAt];
    for (const r of layer.references) if (r.modifier) for (let i = r.firstToken; i <= r.lastToken; i++) anyAt[i] ??= r;
    for (const role of readRoles(this.tokens, anyAt, (person) => this.sidesOf(person).find((side) => this.entityTypes.get(side) !== 'organization'))) this.emitRole(role);
    this.addQuotedSpeakers();
    this.addReportedPronouns();
    this.addPossessiveSubjects();
  }

  run(): RelationFact[] {
    for (const t of this.tokens) {
      const mistagged = this.mistaggedVerb(t);
      // "an early start to talks": after an infinitive "to" a verb has its bare form.
      const nounAfterTo = this.tok(t.index - 1)?.lower === 'to' && t.lower !== t.lemma && /s$/.test(t.lower);
      const verbal = (t.pos === 'VERB' || t.pos === 'AUX' || mistagged !== undefined) && !nounAfterTo;
      const lemma = mistagged ?? t.lemma;
      const parsed = this.tree?.parsed(t) === true;
      // "the US-funded Radio Farda": a participle glued to an actor by a hyphen is read by compoundAdjective alone.
      const glued = this.gluedParticiple(t);
      const verbFrames = !glued && (verbal || (t.pos === 'NOUN' && /ed$/.test(t.lower))) ? framesByLemma.get(lemma) : undefined;
      const treeFrames = parsed && !glued ? this.treeFrames(t) : undefined;
      // (A set only where the tree has frames to read: one per token was most of this loop's garbage.)
      const read = treeFrames ? new Set<Frame>() : undefined;
      if (treeFrames) for (const f of treeFrames) if (this.treeFrame(t, f)) read?.add(f);
      if (parsed) this.treeRoles(t);
      if (parsed) this.treeThanks(t);
      if (parsed) this.treeDenial(t);
      if (parsed) this.treeShould(t);
      if (parsed) this.treeSaidCharge(t);
      if (parsed) this.treeLabel(t);
      if (parsed) this.treeListing(t);
      if (parsed) this.treeAgreeTogether(t);
      if (parsed) this.treeMediation(t);
      if (parsed) this.treeExchangeRelease(t);
      if (parsed) this.treeConditionalWarning(t);
      if (parsed) this.treeTrade(t);
      if (parsed) this.treeOrderedAct(t);
      if (parsed) this.treeUnderPressure(t);
      if (parsed) this.treeRetaliation(t);
      this.chargeContent(t);
      this.allyApposition(t);
      if (verbFrames) for (const f of verbFrames) if (!read?.has(f)) this.verbFrame(t, f);
      const treeVerb = parsed && this.tree?.upos(t.index) === 'VERB';
      // ("waged war": wink lemmatises "waged" as "wag"; the verb's other lemmas are tried after its own.)
      const collocations = verbal || treeVerb ? [treeVerb ? t.lemma : lemma, ...verbLemmas(t)].map((l) => collocationsByVerb.get(l)).find((c) => c !== undefined) : undefined;
      let collocated = false;
      if (collocations) {
        for (const f of collocations) {
          if (treeVerb && this.treeCollocation(t, f)) collocated = true;
          else this.collocation(t, f);
        }
      }
      if (treeVerb) this.treeLightVerb(t);
      // A verb no frame or collocation reads: the CAMEO dictionary's patterns.
      if (treeVerb && !treeFrames && !collocated) this.treeCameo(t);
      const nounFrames = t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'ADJ' ? nounFramesByWord.get(t.lower) : undefined;
      if (nounFrames) {
        for (const f of nounFrames) {
          if (this.nounsRead.has(`${t.index}|${f.id}`)) continue;
          if (parsed && this.treeNoun(t, f)) continue;
          this.nounFrame(t, f);
        }
      }
      if (t.value === '-') this.compoundAdjective(t);
    }
    this.storyOpponents();
    this.storyAgentless();
    this.storyDetentions();
    return this.facts;
  }
}
