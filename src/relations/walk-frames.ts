// Frames read by walking the tokens: verb frames, verb + noun collocations and event nouns.
import type { Token } from '../types';
import type { ActorReference } from '../entities';
import { JUDGING, LIGHT_VERBS, MUTUAL_NOUN_VERBS, type CollocationFrame, type Frame, type NounFrame } from './frames';
import { CLAUSE_BREAKS, CONJUNCTIONS, IRREALIS_VERBS, NON_ACTOR_HEADS, particleAt, RELATIVE_PRONOUNS, SPEECH_LEMMAS, TIME_WORDS, PROMISING_VERBS, verbIn, WISH_NOUNS } from './words';
import { framesByLemma, nounFramesByWord, type EmitOptions, forEachPair } from './context';
import { Evidence } from './evidence';

/** How far a collocation's noun may stand from its verb, and its target from the noun. */
const COLLOCATION_NOUN_WINDOW = 7;
const COLLOCATION_TARGET_WINDOW = 8;

/** Nouns that name a side's backer or partner: "Belarus, Moscow's closest ally". */
const ALLY_NOUNS: ReadonlySet<string> = new Set(['ally', 'allies', 'backer', 'backers', 'patron', 'partner', 'partners', 'protector']);
/** Actor kinds an alliance binds. */
const ALLY_KINDS: ReadonlySet<string> = new Set(['country', 'organization', 'person']);

export abstract class WalkFrames extends Evidence {
  // ---- appositions -------------------------------------------------------------------------------

  /**
   * "Belarus, Moscow's closest ally,", "Hungary, a close ally of Israel,", "Russia's ally Belarus": an
   * actor named as another's ally supports it (CAMEO 051). Read on the tokens: the parser often
   * misreads the apposition ("closest" as the subject).
   */
  protected allyApposition(t: Token): void {
    if (!ALLY_NOUNS.has(t.lower) || this.refAt[t.index]) return;
    const actor = (r: ActorReference | undefined): r is ActorReference => r !== undefined && ALLY_KINDS.has(r.entityType);
    let k = t.index - 1;
    while (this.tok(k)?.pos === 'ADJ' || this.tok(k)?.pos === 'ADV') k--;
    let backed: ActorReference | undefined;
    if (this.tok(k)?.value === "'s" || this.tok(k)?.value === "'") {
      backed = this.refAt[k - 1];
      k = (backed?.firstToken ?? k) - 1;
      while (this.tok(k)?.pos === 'ADJ' || this.tok(k)?.pos === 'ADV') k--;
    } else if (this.tok(t.index + 1)?.lower === 'of') {
      // ("an ally of President Felix Tshisekedi": past a capitalised title to the name.)
      let j = t.index + 2;
      if (this.tok(j)?.lower === 'the') j++;
      while (!this.refAt[j] && j < t.index + 5 && /^\p{Lu}/u.test(this.tok(j)?.value ?? '')) j++;
      backed = this.refAt[j];
    }
    if (!actor(backed)) return;
    if (this.tok(k)?.pos === 'DET') k--;
    // "Russia's ally Belarus": the ally named right after; "Belarus, Moscow's ally,": before the comma.
    const after = backed.lastToken < t.index ? this.refAt[t.index + 1] : undefined;
    const ally = after ?? (this.tok(k)?.value === ',' ? this.refAt[k - 1] : undefined);
    if (!actor(ally) || ally.entity === backed.entity || ally.sentence !== t.sentence || backed.sentence !== t.sentence) return;
    // ("Elton John's partner David Furnish": between two people a partner is a spouse.)
    if (t.lower.startsWith('partner') && ally.entityType === 'person' && backed.entityType === 'person') return;
    this.emit(ally, 'supported', backed, t, 'apposition:ally', '051', { topicOk: false, modality: { negated: false, hypothetical: false } });
  }

  // ---- verb frames -------------------------------------------------------------------------------

  protected verbFrame(trigger: Token, frame: Frame): void {
    // A frame that names its object's head needs the tree to see it.
    if (frame.objectNouns || frame.treeOnly) return;
    // "committed to resuming aid" pledges; "committed adultery with Y" does not.
    if (frame.id === 'promise' && trigger.lemma === 'commit' && this.tok(trigger.index + 1)?.lower !== 'to') return;
    const prev = this.tok(trigger.index - 1);
    // "the proposed truce": an attributive participle names a thing, it reports no act.
    if (prev && this.isDeterminer(prev) && frame.id !== 'meet') return;
    if (this.refAt[trigger.index]) return;
    const passive = this.isPassive(trigger);
    let sources: ActorReference[];
    let targets: ActorReference[];
    if (passive) {
      const agent = this.afterWord(trigger, 'by');
      if (!agent) return;
      sources = this.coordinated(agent, 1);
      const patient = this.subjectOf(trigger);
      // ("The UNHCR said migrants had been attacked by …": a patient before a verb of saying is the speaker.)
      if (!patient || this.between(patient.lastToken, trigger.index).some((t) => t.pos === 'VERB' && SPEECH_LEMMAS.has(t.lemma))) return;
      targets = this.coordinated(patient, -1);
    } else {
      // "Labour accused of propaganda" (a headline's passive): the object would stand before "of".
      if (this.tok(trigger.index + 1)?.lower === 'of' && !(frame.preps?.includes('of') ?? false)) return;
      const target = this.targetOf(trigger, frame);
      if (!target) {
        if (frame.mutual) this.mutualVerb(trigger, frame);
        return;
      }
      targets = this.coordinated(target, 1);
      const next = (targets.at(-1) ?? target).lastToken + 1;
      // ("pushed the referee over in a game": a word followed by a preposition or a stop is a particle, it opens no phrase.)
      if (frame.after && (!frame.after.includes(this.tok(next)?.lower ?? '') || particleAt(this.doc.tokens, next))) return;
      const subject = this.subjectOf(trigger);
      if (!subject) return;
      sources = this.coordinated(subject, -1, this.tok(trigger.index - 1)?.lower === 'to');
    }
    const start = this.groupStart(sources);
    // ("… and told the United States to stop arming the island": telling someone to act is an appeal,
    // as the tree reads it, where the parse gave the verb no subject.)
    const last = targets.at(-1);
    const appeal = frame.relation === 'informed' && !passive && last !== undefined && this.tok(last.lastToken + 1)?.lower === 'to' && this.tok(last.lastToken + 2)?.pos === 'VERB';
    const [relation, id, cameo] = appeal ? ['urged' as const, `${frame.id}:to`, '020'] : [frame.relation, frame.id, frame.cameo];
    for (const s of sources) {
      for (const o of targets) {
        this.emit(s, relation, o, trigger, id, cameo, { topicOk: frame.topicTarget === true, sourceGroupStart: start, ...(frame.targetTypes ? { targetTypes: frame.targetTypes } : {}) });
      }
    }
  }

  /** "Trump and Putin met in Helsinki": with no object, coordinated subjects act on each other. */
  protected mutualVerb(trigger: Token, frame: Frame): void {
    if (!this.intransitiveAfter(trigger, frame.preps ?? [])) return;
    // ("X and Y agreed in Riyadh to restore …": agreeing to act is a pledge to each other, read by the
    // agreement layer; it is no taking of the other's position.)
    const tree = this.tree;
    if (frame.relation !== 'met' && tree?.parsed(trigger) && Array.from(tree.children(trigger.index)).some((c) => tree.infinitive(c))) return;
    const subject = this.subjectOf(trigger);
    if (!subject) return;
    const group = this.coordinated(subject, -1);
    if (group.length < 2) return;
    const start = this.groupStart(group);
    forEachPair(group, (x, y) => {
      this.emit(y, frame.relation, x, trigger, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start });
      // "X and Y agree": a directed relation holds both ways.
      if (frame.relation !== 'met') this.emit(x, frame.relation, y, trigger, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start });
    });
  }

  /**
   * Whether nothing that could be an object follows the verb: a preposition the frame does not
   * name ("met in Geneva"), a time word ("met last week"), punctuation or a conjunction. "met
   * senior officials" or "met with tribal leaders" have an object, just not a recognised one.
   */
  protected intransitiveAfter(trigger: Token, ownPreps: readonly string[]): boolean {
    // "agreed to a ceasefire": a preposition that another frame of the same verb reads is an object.
    const preps = [...ownPreps, ...(framesByLemma.get(trigger.lemma) ?? []).flatMap((f) => f.preps ?? [])];
    let k = trigger.index + 1;
    while (this.tok(k)?.pos === 'ADV' && !TIME_WORDS.has(this.tok(k)?.lower ?? '')) k++;
    const t = this.tok(k);
    if (!t || t.sentence !== trigger.sentence) return true;
    if (preps.includes(t.lower)) return false;
    return t.pos === 'ADP' || t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || TIME_WORDS.has(t.lower);
  }

  // ---- collocations ------------------------------------------------------------------------------

  /** "restored diplomatic ties with Y", "launched a new offensive against Y", "received money from Y". */
  protected collocation(verb: Token, frame: CollocationFrame): void {
    const prev = this.tok(verb.index - 1);
    if (prev && this.isDeterminer(prev)) return;
    if (this.isPassive(verb)) {
      this.passiveCollocation(verb, frame);
      return;
    }
    // "promised aid to Y" is a promise (the promise frame reads it), not aid given.
    if ((frame.relation === 'aided' || frame.relation === 'supported') && verbIn(PROMISING_VERBS, verb)) return;
    const noun = this.collocationNoun(verb, frame);
    if (!noun) return;
    // "froze US aid to South Africa": the noun is the collocation's, not an act of its own.
    for (const f of nounFramesByWord.get(noun.token.lower) ?? []) this.nounsRead.add(`${noun.token.index}|${f.id}`);
    // "sent Kyiv weapons": an indirect object; "sent Taurus missiles to Kyiv": a name before the noun
    // was its modifier, and the target follows the noun.
    const target = this.collocationTarget(noun.token, frame) ?? noun.indirect;
    const subject = this.subjectOf(verb);
    if (!subject) return;
    const sources = this.coordinated(subject, -1);
    const start = this.groupStart(sources);
    const options: EmitOptions = { topicOk: false, sourceGroupStart: start, ...(frame.hypothetical ? { hypothetical: true } : {}), ...(frame.undone ? { undone: true } : {}), ...(frame.targetTypes ? { targetTypes: frame.targetTypes } : {}) };
    if (!target) {
      // "Gondor and Rohan restored ties": the coordinated subjects act on each other.
      // (Not through a relative pronoun: "Russia and China, which signed the earlier deal" signed it with others.)
      const relative = RELATIVE_PRONOUNS.has(this.tok(verb.index - 1)?.lower ?? '');
      if (!frame.mutual || sources.length < 2 || relative || this.followingPreposition(noun.token, frame)) return;
      for (const a of sources) for (const b of sources) if (a !== b) this.emit(a, frame.relation, b, verb, frame.id, frame.cameo, options);
      return;
    }
    if (target.entityType === 'place' || target.entityType === 'other') return;
    for (const s of sources) {
      for (const o of this.coordinated(target, 1)) {
        if (frame.reverse) this.emit(o, frame.relation, s, verb, frame.id, frame.cameo, { ...options, clauseSubject: s });
        else this.emit(s, frame.relation, o, verb, frame.id, frame.cameo, options);
      }
    }
  }

  /** The collocation's noun after its verb: "restored *full diplomatic* ties", "gave Gondor $5 million in aid". */
  protected collocationNoun(verb: Token, frame: CollocationFrame): { token: Token; indirect?: ActorReference } | undefined {
    let indirect: ActorReference | undefined;
    let counted = 0;
    for (let i = verb.index + 1; i < this.tokens.length && counted < COLLOCATION_NOUN_WINDOW; i++) {
      const t = this.tok(i);
      if (!this.parenthetical[i] && t?.value !== ',') counted++;
      if (!t || !this.sameClause(t, verb)) return undefined;
      const r = this.refAt[i];
      if (r && r.entityType !== 'other') {
        // "gave Gondor aid", "sent Kyiv weapons": an indirect object before the noun.
        if (indirect || i !== verb.index + 1 || !(frame.id === 'send-aid' || frame.id === 'issue-warning')) return undefined;
        indirect = r;
        i = r.lastToken;
        continue;
      }
      if (frame.nouns.includes(t.lower)) return { token: t, ...(indirect ? { indirect } : {}) };
      if (this.parenthetical[i] && !this.parenthetical[verb.index]) continue; // "restore, it seems, full ties"
      const next = this.tok(i + 1);
      const ok = t.pos === 'DET' || this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PART'
        || t.pos === 'SYM' || t.value === '-' || CONJUNCTIONS.has(t.lower) || ['off', 'down', 'up', 'out', 'in', 'of', 'with', 'by', 'for', 'under'].includes(t.lower)
        || (t.value === ',' && (next?.pos === 'ADJ' || next?.pos === 'ADV' || this.parenthetical[i + 1] === 1)) || (t.pos === 'VERB' && !this.isClauseVerb(t)) || (t.pos === 'PROPN' && !this.refAt[i])
        // "abandon improved economic relations": a participle before an adjective or noun is attributive
        || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower) && (next?.pos === 'ADJ' || next?.pos === 'NOUN'));
      if (!ok) return undefined;
    }
    return undefined;
  }

  /** The target after the noun: "… ties *with* Gondor", "… protocol for 1990 *with* Dagolath". */
  protected collocationTarget(noun: Token, frame: { preps: readonly string[] }): ActorReference | undefined {
    for (let i = noun.index + 1; i < this.tokens.length && i - noun.index <= COLLOCATION_TARGET_WINDOW; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, noun)) return undefined;
      if (this.refAt[i]) return undefined;
      if (frame.preps.includes(t.lower) && t.pos !== 'PART') {
        const r = this.refAt[this.skipModifiers(i + 1)];
        return r && r.entityType !== 'place' && r.entityType !== 'other' ? r : undefined;
      }
      if (CLAUSE_BREAKS.has(t.lower) || t.value === ',' || this.isClauseVerb(t)) return undefined;
    }
    return undefined;
  }

  /** Whether one of the frame's prepositions follows the noun (then a target was named but not recognised). */
  protected followingPreposition(noun: Token, frame: CollocationFrame): boolean {
    for (let i = noun.index + 1; i <= noun.index + 3; i++) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return false;
      if (frame.preps.includes(t.lower)) return true;
    }
    return false;
  }

  /** "Sanctions were imposed on Russia by the EU": noun before the verb, agent after "by". */
  protected passiveCollocation(verb: Token, frame: CollocationFrame): void {
    let noun: Token | undefined;
    for (let i = verb.index - 1; i >= verb.index - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== verb.sentence) break;
      if (frame.nouns.includes(t.lower)) noun = t;
    }
    if (!noun) return;
    const agent = this.afterWord(verb, 'by', 8);
    // "Sanctions were imposed on Russia by the EU" or "Evidence against Russia was presented by the US".
    const target = this.collocationTarget(verb, frame) ?? this.collocationTarget(noun, frame);
    if (!agent || !target) return;
    const options: EmitOptions = { topicOk: false, ...(frame.hypothetical ? { hypothetical: true } : {}), ...(frame.undone ? { undone: true } : {}) };
    for (const s of this.coordinated(agent, 1)) {
      if (frame.reverse) this.emit(target, frame.relation, s, verb, frame.id, frame.cameo, options);
      else this.emit(s, frame.relation, target, verb, frame.id, frame.cameo, options);
    }
  }

  // ---- noun frames -------------------------------------------------------------------------------

  protected nounFrame(noun: Token, frame: NounFrame): void {
    if (this.refAt[noun.index] && this.refAt[noun.index]?.entityType !== 'other') return;
    // "the BBC's Breakfast with Frost": a capitalised noun inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(noun.value) && this.doc.sentences[noun.sentence]?.firstToken !== noun.index && !this.titleCased(noun.sentence)) return;
    // "offensive", "call" and the like are nouns only when a frame preposition follows or they head a noun phrase.
    if (noun.pos === 'ADJ' && !frame.preps.includes(this.tok(noun.index + 1)?.lower ?? '')) return;
    if (frame.between) {
      // (A pact between two sides is read from the tree only, where "talks on a deal between …" is still sought.)
      if (frame.relation === 'promised') return;
      // ("a trade war between", "a war of words between": no force.)
      const figurative = (i: number): boolean => frame.figurative?.includes(this.tok(i)?.lower ?? '') === true;
      if (figurative(noun.index - 1) || (this.tok(noun.index + 1)?.lower === 'of' && figurative(noun.index + 2))) return;
      // "talks earlier this week between X and Y": a short adverbial may come first.
      let k = noun.index + 1;
      while (k <= noun.index + 4 && this.tok(k) && this.tok(k)?.lower !== 'between' && !this.refAt[k] && this.tok(k)?.pos !== 'VERB' && this.tok(k)?.value !== ',') k++;
      if (this.tok(k)?.lower !== 'between') return;
      const first = this.refAt[this.skipModifiers(k + 1)];
      if (!first || first.entityType === 'other' || first.entityType === 'place') return;
      // ("talks between Russia and Ukraine resumed": the last member followed by the verb is no new clause's subject.)
      const both = this.coordinated(first, 1, false, true);
      if (both.length < 2) return;
      for (let a = 0; a < both.length; a++) {
        for (let b = a + 1; b < both.length; b++) {
          const x = both[a];
          const y = both[b];
          if (x && y) this.emit(x, frame.relation, y, noun, frame.id, frame.cameo, { topicOk: false });
        }
      }
      return;
    }
    let target: ActorReference | undefined;
    for (let i = noun.index + 1; i <= noun.index + 4; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, noun)) break;
      if (frame.preps.includes(t.lower) && t.pos !== 'PART' && !(t.lower === 'to' && this.tok(i + 1)?.pos === 'VERB')) {
        const r = this.refAt[this.skipModifiers(i + 1)];
        // ("a proposal for the United States to take over Gaza": who would act, no target; a call for Y to act does urge Y.)
        if (r && t.lower === 'for' && frame.relation === 'proposed' && this.tok(r.lastToken + 1)?.lower === 'to' && this.tok(r.lastToken + 2)?.pos === 'VERB') break;
        // "talks with the London market": an actor modifying a noun is no party.
        if (r && r.entityType !== 'place' && (r.entityType !== 'other' || frame.topicTarget) && !(r.entityType !== 'other' && this.nounModifier(r, JUDGING.has(frame.relation) ? NON_ACTOR_HEADS : undefined))) target = r;
        break;
      }
      if (t.pos === 'VERB' || t.value === ',' || this.refAt[i]) break;
    }
    if (!target) {
      if (frame.mutual) this.mutualNoun(noun, frame);
      return;
    }
    const light = this.lightVerb(noun);
    const owner = this.possessor(noun) ?? (light ? this.subjectOf(light) : undefined);
    // "a US lawsuit against Y" is filed in a US court: such a noun's side is only a possessor ("South Africa's case").
    // ("ended the war in Gaza": a war's side is only its owner, never the subject of a light verb.)
    if (!owner || (frame.possessorOnly === true && !owner.possessive && owner.lastToken < noun.index && (!light || frame.relation === 'attacked'))) return;
    const irrealis = light !== undefined && IRREALIS_VERBS.has(light.lemma);
    const anchor = light && !owner.possessive ? { anchor: light } : {};
    // "had no interest in talks with Y": a denied wish denies the event; "an interest in talks" wants it.
    const wish = ['in', 'for', 'of'].includes(this.tok(noun.index - 1)?.lower ?? '') && WISH_NOUNS.has(this.tok(noun.index - 2)?.lower ?? '');
    const wished = wish ? { modality: { negated: this.tok(noun.index - 3)?.lower === 'no', hypothetical: this.tok(noun.index - 3)?.lower !== 'no' } } : {};
    for (const o of this.coordinated(target, 1)) {
      this.emit(owner, frame.relation, o, noun, frame.id, frame.cameo, { topicOk: frame.topicTarget === true, ...(irrealis ? { hypothetical: true } : {}), ...anchor, ...wished });
    }
  }

  /** "X and Y held talks", "X and Y postponed their meeting": coordinated subjects of the verb that governs the noun meet. */
  protected mutualNoun(noun: Token, frame: NounFrame): void {
    for (let i = noun.index + 1; i <= noun.index + 3; i++) {
      if (frame.preps.includes(this.tok(i)?.lower ?? '') || this.tok(i)?.lower === 'between') return;
    }
    let verb: Token | undefined;
    for (let i = noun.index - 1; i >= noun.index - 5 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence || this.refAt[i]) return;
      if (t.pos === 'VERB' || t.pos === 'AUX') {
        if (MUTUAL_NOUN_VERBS.has(t.lemma)) verb = t;
        break;
      }
      if (!(this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || t.value === '-' || t.pos === 'NOUN')) return;
    }
    if (!verb) return;
    const subject = this.subjectOf(verb);
    if (!subject) return;
    const group = this.coordinated(subject, -1);
    if (group.length < 2) return;
    const start = this.groupStart(group);
    forEachPair(group, (x, y) => this.emit(y, frame.relation, x, noun, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start, anchor: verb }));
  }

  /** "Russia's acceptance", "his support", "Trump's 30-minute call", "US aid", "EU sanctions". */
  protected possessor(noun: Token): ActorReference | undefined {
    const modifier = this.refAt[noun.index - 1];
    if (modifier && !modifier.possessive && (modifier.entityType === 'country' || modifier.entityType === 'organization')) return modifier;
    for (let i = noun.index - 1; i >= noun.index - 5 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      const r = this.refAt[i];
      if (r) return r.possessive || (r.via === 'pronoun' && ['his', 'her'].includes(this.tok(r.firstToken)?.lower ?? '')) ? r : undefined;
      if (t.value === "'s" || t.value === "'" || t.pos === 'ADJ' || t.pos === 'NUM' || t.value === '-' || t.pos === 'ADV' || t.pos === 'NOUN') continue;
      return undefined;
    }
    return undefined;
  }

  /** "Witkoff had a lengthy meeting with Putin": a light verb just before the noun, whose subject owns it. */
  protected lightVerb(noun: Token): Token | undefined {
    for (let i = noun.index - 1; i >= noun.index - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      if (this.refAt[i]) return undefined;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && LIGHT_VERBS.has(t.lemma)) return t;
      if (t.pos === 'VERB' && this.isClauseVerb(t)) return undefined;
    }
    return undefined;
  }

  /** "the US-proposed ceasefire": actor, hyphen, participle, topic. */
  protected compoundAdjective(hyphen: Token): void {
    const actor = this.refAt[hyphen.index - 1];
    const verb = this.tok(hyphen.index + 1);
    if (!actor || !verb || actor.entityType === 'other') return;
    const frame = framesByLemma.get(verb.lemma)?.[0];
    const target = this.refAt[this.gluedNoun(hyphen.index + 2)];
    if (!frame || !target || target.entityType === 'place') return;
    this.emit(actor, frame.relation, target, verb, `${frame.id}:compound`, frame.cameo, { topicOk: frame.topicTarget === true });
  }
}
