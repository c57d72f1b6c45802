// Token walks: the subject to the left, the target to the right, coordination, asides and
// clause limits, read from the tokens of one clause without a parser.
import type { Token } from '../types';
import type { ActorReference } from '../entities';
import { EVALUATIVE, JUDGING, OBJECT_CONTROL, type Frame } from './frames';
import {
  BE_FORMS, CLAUSE_BREAKS, CONJUNCTIONS, HEARSAY_NOUNS, HONORIFIC_WORDS, ACTING_NOUNS, ATTACKED_ASSETS, HYPOTHETICAL_MARKERS, IRREGULAR_PARTICIPLES,
  MEMBER_NOUNS, NEGATION_WORDS, NON_ACTOR_HEADS, OF_HEADS, PARENTHETICAL_OPENERS, PRIVATE_PEOPLE, RELATIVE_PRONOUNS, REPORTING_VERBS, SPEECH_LEMMAS, SUBORDINATORS,
  verbLemmas,
} from './words';
import { framesByLemma, collocationsByVerb } from './context';
import { Coordination } from './coordination';

const TARGET_WINDOW = 12;
const SUBJECT_WINDOW = 16;
/** Longest comma-delimited stretch read as a parenthetical ("…, the state's fiercest foe, …"). */
const PARENTHETICAL_MAX = 12;

export abstract class Walks extends Coordination {
  /**
   * "Fornost and Gondor welcome a resumption …", "Germany armed Ukraine", "declined to back the
   * plan": the tagger reads a verb as an adjective, noun or adverb. Right after a (non-possessive)
   * actor or an infinitive "to", and right before a determiner or an actor, a frame word can only
   * be the verb. Returns its lemma, or undefined when the token is no mistagged verb.
   */
  protected mistaggedVerb(t: Token): string | undefined {
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'ADV') return undefined;
    const before = this.refAt[t.index - 1];
    const prev = this.tok(t.index - 1);
    const afterActor = before !== undefined && !before.possessive && before.entityType !== 'other';
    const afterTo = prev?.lower === 'to' && prev.pos === 'PART';
    if (!afterActor && !afterTo) return undefined;
    const next = this.tok(t.index + 1);
    const nextRef = next ? this.refAt[next.index] : undefined;
    if (!next || !(['a', 'an', 'the', 'its', 'their'].includes(next.lower) || (nextRef && nextRef.entityType !== 'other'))) return undefined;
    // "Wimbledon champion Conchita Martinez": a bare singular noun before a person's name is their
    // title; after one actor a verb would end in -s or -ed ("Gondor champions Bree").
    const coordinatedActor = before !== undefined && this.tok(before.firstToken - 1)?.lower === 'and';
    if (t.pos === 'NOUN' && t.lower === t.lemma && nextRef?.entityType === 'person' && afterActor && !coordinatedActor) return undefined;
    const known = (l: string): boolean => framesByLemma.has(l) || collocationsByVerb.has(l);
    for (const l of verbLemmas(t)) if (known(l)) return l;
    return undefined;
  }

  // ---- sentence structure ------------------------------------------------------------------------

  /**
   * Marks "…, the state's fiercest foe, …", "…, who met Putin on Monday, …", "…, in remarks
   * published on Monday, …": stretches between two commas that a subject search must jump over.
   * A stretch that is one actor ("A, B and C", "Ukraine's leader, Zelenskyy, said") is not one.
   */
  protected markParentheticals(first: number, last: number): void {
    const commas: number[] = [];
    for (let i = first; i <= last; i++) if (this.tok(i)?.value === ',') commas.push(i);
    for (let c = 0; c + 1 < commas.length; c++) {
      const a = commas[c] as number;
      const b = commas[c + 1] as number;
      if (b - a - 1 < 1 || b - a - 1 > PARENTHETICAL_MAX) continue;
      const head = this.tok(a + 1);
      if (!head) continue;
      const refAtHead = this.refAt[a + 1];
      if (refAtHead && refAtHead.lastToken === b - 1) continue; // one actor: a list item or the named apposition
      const refAtEnd = this.refAt[b - 1];
      const inner = this.tokens.slice(a + 1, b);
      const hasVerb = inner.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const opener = PARENTHETICAL_OPENERS.has(head.lower) || head.pos === 'ADP' || head.pos === 'ADV' || head.pos === 'SCONJ'
        || (head.pos === 'VERB' && /(ing|ed)$/.test(head.lower));
      const apposition = !hasVerb && (head.pos === 'DET' || head.pos === 'ADJ' || head.pos === 'NOUN' || head.pos === 'PRON' || head.pos === 'NUM');
      if (!opener && !apposition) continue;
      // "The US commander in Iraq, General David Petraeus, held talks": the apposition names the actor.
      if (!opener && refAtEnd && refAtEnd.entityType === 'person') continue;
      // A list goes on after it ("A, the B, and C"): then it is a list item, not an aside.
      // "A, the awful B, and C": a list item is only determiners and adjectives before its actor.
      const listItem = refAtEnd !== undefined && this.tokens.slice(a + 1, refAtEnd.firstToken).every((t) => this.isDeterminer(t) || t.pos === 'ADJ');
      if (apposition && (CONJUNCTIONS.has(this.tok(b + 1)?.lower ?? '') || listItem)) continue;
      for (let i = a + 1; i < b; i++) this.parenthetical[i] = 1;
    }
  }

  /** A finite verb that ends a walk: not an auxiliary, not a gerund, not an attributive participle ("the affected villages"). */
  protected isClauseVerb(t: Token): boolean {
    if (t.pos !== 'VERB') return false;
    if (t.lower.endsWith('ing')) return false;
    const prev = this.tok(t.index - 1);
    if (prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'ADP' || prev.value === '-' || prev.value === "'s")) return false;
    // "memos sent by Bree", "aid sent from Gondor": a participle after a noun is a reduced relative.
    const next = this.tok(t.index + 1);
    if (prev?.pos === 'NOUN' && (next?.lower === 'by' || next?.lower === 'from') && (/(ed|en)$/.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower))) return false;
    return true;
  }

  protected isPassive(trigger: Token): boolean {
    if (!/(ed|en|wn|ht|ck|ld|ne)$/.test(trigger.lower) && !IRREGULAR_PARTICIPLES.has(trigger.lower)) return false;
    // "Blair and Brown criticised by MPs" (a headline): a participle followed by its agent.
    if (this.tok(trigger.index + 1)?.lower === 'by' && this.refAt[trigger.index - 1] !== undefined) return true;
    for (let k = 1; k <= 3; k++) {
      const t = this.tok(trigger.index - k);
      if (!t || t.sentence !== trigger.sentence) return false;
      if (BE_FORMS.has(t.lower) || (BE_FORMS.has(t.lemma) && t.pos === 'AUX')) return true;
      if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') return false;
    }
    return false;
  }

  /** Whether an actor stands in a prepositional phrase ("in Moscow", "with Ukraine") — not a subject or object. */
  protected inPrepositionalPhrase(r: ActorReference): boolean {
    if (r.via === 'pronoun') return false;
    let k = r.firstToken - 1;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ' || HONORIFIC_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const before = this.tok(k);
    if (!before || before.pos !== 'ADP' || SUBORDINATORS.has(before.lower) || (before.lower === 'about' && this.tok(k + 1)?.lower === 'to')) return false;
    // "officials in Gondor", "soldiers from Gondor", "the government of Gondor": Gondor acts.
    if (['of', 'in', 'from'].includes(before.lower) && MEMBER_NOUNS.has(this.tok(k - 1)?.lower ?? '')) return false;
    return true;
  }

  /** "called on X", "appealed to X", "pleaded with X": X is the object of an appeal verb's preposition. */
  protected appealObject(r: ActorReference): boolean {
    const prep = this.tok(r.firstToken - 1);
    const verb = this.tok(r.firstToken - 2);
    if (!prep || !verb || prep.pos !== 'ADP' || verb.pos !== 'VERB') return false;
    return (framesByLemma.get(verb.lemma) ?? []).some((f) => f.relation === 'urged' && (f.preps?.includes(prep.lower) ?? false));
  }

  /**
   * "an EU visit", "the Iran deal": a country or organisation right before a noun such as those in
   * `heads` (or, without them, any noun that is not one of its members or organs) modifies that
   * noun and does not act. "Gondor police", "Arnor security officials" do act.
   */
  protected nounModifier(r: ActorReference, nonActorHeads?: ReadonlySet<string>): boolean {
    if (r.possessive || r.via === 'pronoun' || !(r.entityType === 'country' || r.entityType === 'organization')) return false;
    let k = r.lastToken + 1;
    let head: Token | undefined;
    let member = false;
    // A topic ("a US *proposal*") counts as the noun it is.
    while (this.tok(k) && (this.tok(k)?.pos === 'NOUN' || this.tok(k)?.pos === 'ADJ') && /^\p{Ll}/u.test(this.tok(k)?.value ?? '') && (!this.refAt[k] || this.refAt[k]?.entityType === 'other')) {
      if (this.tok(k)?.pos === 'NOUN') head = this.tok(k);
      if (ACTING_NOUNS.has(this.tok(k)?.lower ?? '')) member = true;
      k++;
    }
    if (head === undefined) return false;
    // ("the Calenardhon government issue": a member noun anywhere in the chain makes the actor act.)
    return nonActorHeads ? nonActorHeads.has(head.lower) : !member;
  }

  /** Whether verb governs the infinitive trigger: "vowed (on Thursday) to wage", with no actor or verb between. */
  protected controls(verb: Token, trigger: Token): boolean {
    let to = trigger.index - 1;
    while (this.tok(to)?.pos === 'ADV') to--;
    if (this.tok(to)?.lower !== 'to' || to <= verb.index) return false;
    // "urged the club to reject": with an object between, an appeal verb's infinitive belongs to that object.
    if (OBJECT_CONTROL.has(verb.lemma) && this.tok(verb.index + 1)?.lower !== 'to') return false;
    for (let i = verb.index + 1; i < to; i++) {
      const t = this.tok(i);
      // "is said to be about to restore": a chain of infinitives is one control chain.
      if (t && (t.lower === 'to' || t.lemma === 'be' || t.lower === 'about')) continue;
      const r = this.refAt[i];
      // "will travel to Washington to meet Trump": an actor in a prepositional phrase is no subject.
      if (r && this.inPrepositionalPhrase(r)) { i = r.lastToken; continue; }
      if (!t || r || t.pos === 'VERB' || t.pos === 'AUX' || t.value === ',') return false;
    }
    return true;
  }

  /** Nearest actor to the left, in the same clause, that can act (not a topic, place or prepositional object). */
  protected subjectOf(trigger: Token): ActorReference | undefined {
    const shared = this.sharedSubject(trigger);
    if (shared !== null) return shared;
    if (this.nounSubject(trigger)) return undefined;
    for (let i = trigger.index - 1; i >= 0 && trigger.index - i <= SUBJECT_WINDOW; i--) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) break;
      if (t.value === ';' || t.value === ':') break;
      if (this.parenthetical[i] && !this.parenthetical[trigger.index]) continue;
      // "the European Union (EU) agree": a bracketed acronym or aside is skipped.
      if (t.value === ')') {
        const open = this.matchingOpen(i);
        if (open >= 0) i = open;
        continue;
      }
      const r = this.refAt[i];
      // "Kennedy, whose party opposes the plan": the subject is the noun after "whose".
      if (t.lower === 'whose') break;
      if (!r && RELATIVE_PRONOUNS.has(t.lower) && t.pos !== 'DET') {
        // "Russia, which attacked Ukraine": the relative pronoun stands for the actor before it.
        const antecedent = this.refAt[this.tok(i - 1)?.value === ',' ? i - 2 : i - 1];
        return antecedent && antecedent.entityType !== 'other' && antecedent.entityType !== 'place' ? antecedent : undefined;
      }
      // "…, days after the US proposed": a subordinate clause has its own subject inside it.
      if (!r && SUBORDINATORS.has(t.lower) && t.pos !== 'DET') break;
      if (!r) {
        // A finite verb ends the clause, unless it governs this infinitive ("refused to accept",
        // "vowed on Thursday to wage war").
        if (i < trigger.index - 1 && this.isClauseVerb(t) && !this.isPassive(trigger) && !this.controls(t, trigger)) break;
        // "Thorpe's colleagues refused to support him": the controlling verb's subject is a common noun.
        if (i < trigger.index - 1 && this.isClauseVerb(t) && this.controls(t, trigger) && this.nounSubject(t)) break;
        continue;
      }
      // "called on Scholz to back the plan": the actor right before an infinitive is its subject.
      // ("urged Putin to accept": the object of the verb before is the infinitive's subject too.)
      const toFollows = this.tok(r.lastToken + 1)?.lower === 'to' && this.tok(r.lastToken + 1)?.pos === 'PART';
      const verbBefore = this.tok(this.skipModifiersLeft(r.firstToken - 1));
      const infinitiveSubject = toFollows && (this.appealObject(r) || verbBefore?.pos === 'VERB');
      // "the UK-wide action": an actor joined to a word by a hyphen modifies it.
      const compound = this.tok(r.lastToken + 1)?.value === '-' && /^\p{Ll}/u.test(this.tok(r.lastToken + 2)?.value ?? '');
      // "who presents The Weakest Link tells …": an actor right after a finite verb is its object.
      const before = this.tok(this.skipModifiersLeft(r.firstToken - 1));
      // (After a verb of saying the actor opens its complement: "said Putin had met …".)
      const objectOfVerb = before !== undefined && before.pos === 'VERB' && !infinitiveSubject && before.index < trigger.index
        && r.via !== 'pronoun' && !REPORTING_VERBS.has(before.lemma) && !SPEECH_LEMMAS.has(before.lemma);
      // "councillors who back Mr Flight met …": an actor inside a relative clause before the verb is its object.
      // ("that" only after a noun: "the bloc that targeted X", not "reported that X …").
      const relativeAt = (d: number): boolean => {
        const w = this.tok(r.firstToken - d);
        if (!w || w.pos === 'DET' || !RELATIVE_PRONOUNS.has(w.lower)) return false;
        return w.lower !== 'that' || this.tok(w.index - 1)?.pos === 'NOUN';
      };
      const inRelative = [2, 3].some(relativeAt) && r.via !== 'pronoun';
      if (r.entityType === 'other' || r.entityType === 'place' || (this.inPrepositionalPhrase(r) && !infinitiveSubject) || this.nounModifier(r) || compound || objectOfVerb || inRelative) {
        i = r.firstToken;
        continue;
      }
      return r;
    }
    return undefined;
  }

  /**
   * "prosecutors blamed Boeing", "the report accused Russia": a common noun right before a finite
   * verb is its subject, and it is no actor. (Not so for an actor's members: "Ukraine's army
   * attacked", "Russian officials met", where the actor precedes the noun.)
   */
  protected nounSubject(trigger: Token): boolean {
    let k = trigger.index - 1;
    while (this.tok(k) && (this.tok(k)?.pos === 'ADV' || this.tok(k)?.pos === 'AUX' || NEGATION_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const t = this.tok(k);
    if (!t || t.pos !== 'NOUN' || !/^\p{Ll}/u.test(t.value) || this.refAt[k] || t.sentence !== trigger.sentence) return false;
    if (this.tok(trigger.index - 1)?.lower === 'to') return false;
    // The members' actor just before: "Ukraine's army", "US officials", "the Calenardhon government
    // issue", "Danish media and government" (a member noun anywhere in the noun chain).
    let j = k;
    let member = false;
    while (this.tok(j) && !this.refAt[j] && (this.tok(j)?.pos === 'NOUN' || this.tok(j)?.pos === 'ADJ' || this.tok(j)?.value === "'s" || this.tok(j)?.pos === 'CCONJ')) {
      if (ACTING_NOUNS.has(this.tok(j)?.lower ?? '')) member = true;
      j--;
    }
    if (member && this.refAt[j]) return false;
    // "the affected villages" etc. are objects, not subjects, only after a verb or preposition
    const before = this.tok(this.skipModifiersLeft(k - 1));
    if (before && (before.pos === 'ADP' || before.pos === 'VERB')) return false;
    return true;
  }

  /**
   * "X condemned the attack and promised aid": a verb after "and" with no subject of its own
   * shares the subject of the verb before. null = not such a verb.
   */
  protected sharedSubject(trigger: Token): ActorReference | undefined | null {
    let k = trigger.index - 1;
    while (this.tok(k) && (this.tok(k)?.pos === 'ADV' || this.tok(k)?.pos === 'AUX' || NEGATION_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const conj = this.tok(k);
    if (!conj || !CONJUNCTIONS.has(conj.lower) || conj.sentence !== trigger.sentence) return null;
    if (this.refAt[k - 1] && this.refAt[k - 1]?.entityType !== 'other') {
      // "A and B urged": a subject list, unless B is the object of an earlier verb.
      const r = this.refAt[k - 1] as ActorReference;
      const before = this.tok(r.firstToken - 1);
      if (!before || !(before.pos === 'VERB' || before.pos === 'ADP' || before.pos === 'DET')) return null;
    }
    for (let i = k - 1; i >= 0 && k - i <= SUBJECT_WINDOW; i--) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger) || t.value === ';') return null;
      // "opposed any bloc that targeted a country and warned Seoul": a verb in a relative clause is skipped;
      // "said Labour would set out plans and attacked the Tories": a past form does not continue a modal's verb.
      const afterModal = HYPOTHETICAL_MARKERS.has(this.tok(i - 1)?.lower ?? '') && trigger.lower !== trigger.lemma && !HYPOTHETICAL_MARKERS.has(this.tok(trigger.index - 1)?.lower ?? '');
      if (t.pos === 'VERB' && !t.lower.endsWith('ing') && this.isClauseVerb(t) && !RELATIVE_PRONOUNS.has(this.tok(i - 1)?.lower ?? '') && !afterModal) return this.subjectOf(t);
    }
    return null;
  }

  /** Skips determiners, adjectives, numbers and attributive participles: "the affected", "besieged". */
  protected skipModifiers(i: number, max = 4): number {
    let k = i;
    while (k < i + max) {
      const t = this.tok(k);
      if (!t || this.refAt[k]) break;
      if (this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower)) || t.pos === 'ADV') k++;
      else break;
    }
    return k;
  }

  /** The target to the right: after one of the frame's prepositions, or a direct object. */
  protected targetOf(trigger: Token, frame: Frame): ActorReference | undefined {
    let requiredSeen = frame.requires === undefined;
    let prepSeen = false;
    /** A preposition the frame does not name: what follows is no direct object ("an attack by X in Y"). */
    let foreignSeen = false;
    /** A common noun already filled the object slot: "told voters his party will …". */
    let headPassed = false;
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= TARGET_WINDOW; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      const r = this.refAt[i];
      if (r) {
        const prepBefore = this.prepositionBefore(r);
        const prepIndex = this.skipModifiersLeft(r.firstToken - 1);
        const adjacentOk = frame.prepAdjacent !== true || this.onlyAdverbsBetween(trigger.index, prepIndex);
        // ("similar to Japan's": an adjective's preposition is not the frame's)
        const adjectival = this.tok(prepIndex - 1)?.pos === 'ADJ';
        const afterPrep = prepSeen || (prepBefore !== undefined && (frame.preps?.includes(prepBefore) ?? false) && adjacentOk && !adjectival);
        const foreignPrep = !afterPrep && ((prepBefore !== undefined && !(frame.preps?.includes(prepBefore) ?? false)) || foreignSeen);
        if (r.entityType === 'place') {
          if (afterPrep && !foreignPrep) return undefined;
          i = r.lastToken;
          continue;
        }
        if (r.entityType === 'other' && !frame.topicTarget) {
          i = r.lastToken;
          continue;
        }
        // "spoken to her counterpart": a possessive pronoun is not the object, its noun is.
        if (r.via === 'pronoun' && r.possessive) {
          i = r.lastToken;
          continue;
        }
        // "the US-proposed ceasefire", "a Gondor-led force", "Turkey-EU talks": actors joined to a
        // noun by a hyphen modify it.
        const hyphenAfter = this.tok(r.lastToken + 1)?.value === '-';
        const hyphenBefore = this.tok(r.firstToken - 1)?.value === '-' && this.refAt[r.firstToken - 2] !== undefined;
        if ((hyphenAfter && (this.tok(r.lastToken + 2)?.pos !== 'PROPN' || this.refAt[r.lastToken + 2])) || hyphenBefore) {
          i = r.lastToken;
          continue;
        }
        // "told voters his Liberal Democrats will …": after a noun object, a bare actor is no object.
        if (headPassed && prepBefore === undefined && !afterPrep) return undefined;
        // "pledged Labour would …": an actor followed by an auxiliary is the subject of a clause.
        if (this.tok(r.lastToken + 1)?.pos === 'AUX' && !afterPrep) return undefined;
        // "told a London news conference", "attacked UK policy": an actor modifying such a noun is no
        // object; one meets or tells only an actor or its members ("met the Lisbon goals").
        // Judging an act is judging its owner ("rejected the Tory offer", "attacked UK policy").
        const assetsAttacked = frame.relation === 'attacked' && this.nounModifier(r, ATTACKED_ASSETS);
        if (!assetsAttacked && r.entityType !== 'other' && !JUDGING.has(frame.relation) && this.nounModifier(r, frame.relation === 'met' || frame.relation === 'informed' ? undefined : NON_ACTOR_HEADS)) {
          i = r.lastToken;
          continue;
        }
        // "met Putin in Moscow", "attacked targets in Gondor": an actor after another preposition is
        // no object — except in the object's own "of" phrase ("spare the lives of Ukrainian troops").
        if (foreignPrep && !(prepBefore === 'of' && !prepSeen && this.objectHeadOnly(trigger.index + 1, r.firstToken, frame.relation === 'met'))) {
          i = r.lastToken;
          continue;
        }
        const directOk = frame.preps === undefined || frame.direct === true;
        if (requiredSeen && ((directOk && !prepSeen) || afterPrep)) {
          // "her Philippine counterpart, Enrique Manalo,": the named apposition is the more precise end.
          let head = r.lastToken + 1;
          while (this.tok(head)?.pos === 'NOUN') head++;
          const named = r.entityType !== 'person' && this.tok(head)?.value === ',' ? this.refAt[head + 1] : undefined;
          const closing = named ? this.tok(named.lastToken + 1) : undefined;
          if (named && named.entityType === 'person' && (!closing || closing.value === ',' || closing.value === '.')) return named;
          // "urged Russia's leaders", "presented credentials to Ithilen's president": the actor's own people;
          // "condemned North Korea's launch", "praised Trump's efforts": judging an actor by its act.
          if (r.possessive && !frame.topicTarget && !this.ownsMember(r) && !EVALUATIVE.has(frame.relation)) return undefined;
          // ("accused Britain's top sprinters": people who act for themselves are no act of the owner's.)
          if (r.possessive && PRIVATE_PEOPLE.has(this.ownedNoun(r)?.lower ?? '')) return undefined;
          return r;
        }
        if (!afterPrep && frame.preps && !directOk) {
          i = r.lastToken;
          continue;
        }
        return undefined;
      }
      // "declined to back the plan": the object belongs to the infinitive, whose own frame reads it.
      if (i === trigger.index + 1 && t.lower === 'to' && !(frame.preps?.includes('to') ?? false)) return undefined;
      // "dismissed claims (that) government plans would …": the object is the claim.
      if (HEARSAY_NOUNS.has(t.lower)) return undefined;
      if (frame.requires?.includes(t.lower)) requiredSeen = true;
      else if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !prepSeen && this.endsNounPhrase(t)) headPassed = true;
      // "criticised the government for claiming …": after a filled object, "for" gives a reason, not a target.
      const reason = t.lower === 'for' && headPassed;
      // "agreed a package with X": the frame's preposition must follow the verb itself.
      const tooLate = (frame.prepAdjacent === true && !this.onlyAdverbsBetween(trigger.index, i))
        // "a system similar to Australia's", "close to Moscow": the adjective's preposition
        || this.tok(i - 1)?.pos === 'ADJ';
      if (frame.preps?.includes(t.lower) && t.pos !== 'PART' && !(t.lower === 'to' && this.tok(i + 1)?.pos === 'VERB') && !reason && !tooLate) prepSeen = true;
      else if (t.pos === 'ADP' && t.lower !== 'of' && !prepSeen) foreignSeen = true;
      // "met with exiled dissidents from Myanmar": an actor in a phrase nested after the object is not the target
      // (but "met with the leaders of Gondor" is: a noun for an actor's members).
      else if (t.pos === 'ADP' && prepSeen && !(['of', 'in', 'from'].includes(t.lower) && MEMBER_NOUNS.has(this.tok(i - 1)?.lower ?? ''))) return undefined;
      if (CLAUSE_BREAKS.has(t.lower) && !(t.lower === 'that' && t.pos === 'DET')) return undefined;
      // A gerund ("resuming military aid and intelligence sharing with Kyiv") names an activity, not a new clause.
      if (t.pos === 'VERB' && !frame.requires && this.isClauseVerb(t)) {
        // another verb: its own object follows; "urged X to spare Y" stops at X, "help get Y" at help.
        return undefined;
      }
      // "blamed X for attacking Y", "by claiming …": a gerund after the reason's preposition takes its own object.
      if (t.pos === 'VERB' && t.lower.endsWith('ing') && ['for', 'by', 'of'].includes(this.tok(i - 1)?.lower ?? '')) return undefined;
      if (t.value === ',' && !(this.tok(i + 1)?.pos === 'ADJ')) {
        // "spoke to her Philippine counterpart, Enrique Manalo, and …": the apposition names the object.
        const named = this.refAt[i + 1];
        const after = named ? this.tok(named.lastToken + 1) : undefined;
        const headBefore = this.tok(i - 1);
        if (named && named.entityType === 'person' && (prepSeen || (frame.direct ?? frame.preps === undefined)) && requiredSeen
          && headBefore?.pos === 'NOUN' && (!after || after.value === ',' || after.value === '.')) return named;
        return undefined;
      }
    }
    return undefined;
  }

  /** "Ithilen's president", "Russia's leaders": a possessive actor before a noun for its members or bodies. */
  protected ownsMember(r: ActorReference): boolean {
    let k = r.lastToken + 1;
    if (this.tok(k)?.value === "'s" || this.tok(k)?.value === "'") k++;
    while (this.tok(k)?.pos === 'ADJ') k++;
    return MEMBER_NOUNS.has(this.tok(k)?.lower ?? '');
  }

  protected onlyAdverbsBetween(a: number, b: number): boolean {
    for (let i = a + 1; i < b; i++) if (this.tok(i)?.pos !== 'ADV') return false;
    return true;
  }

  /** Whether tokens from..to are one noun phrase head and its "of": "the lives of", "the government of". */
  protected objectHeadOnly(from: number, to: number, membersOnly: boolean): boolean {
    let nouns = 0;
    let head: Token | undefined;
    for (let i = from; i < to; i++) {
      const t = this.tok(i);
      if (!t) return false;
      if (t.pos === 'NOUN') { nouns++; head = t; }
      else if (!(this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || t.lower === 'of')) return false;
    }
    // "met the leaders of Gondor" but not "visited the tomb of Arafat"; "spared the lives of …" but not "backed the invasion of …".
    if (!MEMBER_NOUNS.has(head?.lower ?? '') && (membersOnly || !OF_HEADS.has(head?.lower ?? ''))) return false;
    return nouns >= 1 && nouns <= 2;
  }

  /** A noun not followed by another noun, a name or a hyphen: the head of its phrase ("30-day *ceasefire*" has "day" as a modifier). */
  protected endsNounPhrase(t: Token): boolean {
    const next = this.tok(t.index + 1);
    const ref = next ? this.refAt[next.index] : undefined;
    // "told reporters Russia would …": an actor with its own verb after the noun starts a clause.
    const after = ref ? this.tok(ref.lastToken + 1) : undefined;
    if (ref && ref.via !== 'pronoun' && after && (after.pos === 'AUX' || (after.pos === 'VERB' && this.isClauseVerb(after)))) return true;
    return !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.value === '-' || next.value === "'s" || (ref !== undefined && ref.via !== 'pronoun'));
  }

  /** The preposition that introduces an actor's noun phrase, if any ("with the evil Gondor" → "with"). */
  protected prepositionBefore(r: ActorReference): string | undefined {
    let k = r.firstToken - 1;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ' || HONORIFIC_WORDS.has(this.tok(k)?.lower ?? '') || (this.tok(k)?.pos === 'VERB' && /(ed|en)$/.test(this.tok(k)?.lower ?? '')))) k--;
    const t = this.tok(k);
    return t && t.pos === 'ADP' ? t.lower : undefined;
  }

  /** "by X" within a few words after the trigger: the agent of a passive. */
  protected afterWord(trigger: Token, word: string, window = 6): ActorReference | undefined {
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= window; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      if (t.lower === word) {
        const k = this.skipModifiers(i + 1);
        const r = this.refAt[k];
        return r && r.entityType !== 'other' && r.entityType !== 'place' ? r : undefined;
      }
      if (CLAUSE_BREAKS.has(t.lower) || t.value === ',') return undefined;
    }
    return undefined;
  }
}
