// Frames read from the dependency tree: verbs, roles, CAMEO patterns, light verbs and event nouns
// (thanks, listings, mediators and trade are in tree-acts.ts, the judging of an act reported before
// in tree-told.ts, below this layer).
import type { Relation, Token } from '../types';
import type { ActorReference } from '../entities';
import {
  CAMEO_TRIGGER_FAMILIES, JUDGING, LIGHT_VERBS, MUTUAL_NOUN_VERBS, NOUN_FRAMES, VISIT_FRAMES, type CollocationFrame, type Frame, type NounFrame,
} from './frames';
import { gerundLemmas, verbLemmas } from './words';
import { matchCameo, type VerbUse } from './cameo';
import { ActorFinder } from './tree-actors';
import { agentOf, canAct, civilianSubject, DependencyTree, passiveWithoutComplement, readFrame, readSubjects, subjectHeads, type TreeReading } from './tree';
import { askedOfAnother, eventNoun, readCollocation, readLightVerb, readNounFrame } from './tree-nouns';
import { asCeasePledge, asOffer, asTiesPledge, asPromise, asThreat, asWarning } from './tree-said';
import { framesByLemma, nounFramesByWord, roleFramesByLemma, type RelationFact, type EmitOptions, forEachPair } from './context';
import { separately, TreeAgree } from './tree-agree';

/** Prepositions of time only. */
const TIME_PREPS: ReadonlySet<string> = new Set(['since', 'until', 'till', 'throughout']);
/** Heads of phrases of time: "in March", "on Monday". */
const MONTHS_AND_DAYS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'weekend', 'month', 'year', 'morning', 'night', 'evening',
]);

/** Topic nodes of a pact that two sides can accept together (a truce is the topic "ceasefire", an agreement "deal"). */
const PACT_TOPICS: ReadonlySet<string> = new Set(['ceasefire', 'deal']);

/** Verbs after which a subject receives a noun frame's act ("won the backing of Y"). */
const RECEIVING_VERBS: ReadonlySet<string> = new Set(NOUN_FRAMES.flatMap((f) => f.receivedWith ?? []));

/** Verbs of warning, and the marks of the condition a warning sets: "warned that … if Y …". */
const WARNING_VERBS: ReadonlySet<string> = new Set(['warn', 'threaten', 'caution', 'vow']);
const CONDITION_MARKS: ReadonlySet<string> = new Set(['if', 'unless']);

/** Verbs that refuse what their complement names: "refused to attend talks with Y". */
const REFUSING_VERBS: ReadonlySet<string> = new Set(['refuse', 'decline', 'reject', 'boycott', 'snub', 'shun']);

/**
 * Whether a refusing verb governs the trigger within three steps up the tree, its subject the
 * trigger's own: not past a verb with an object of its own ("refused to let her meet Tiani" is the
 * officers' refusal, not hers).
 */
function refusedAbove(tree: DependencyTree, i: number): boolean {
  let below = i;
  let k = tree.head(i);
  for (let depth = 0; depth < 3 && k >= 0; depth++, below = k, k = tree.head(k)) {
    if (REFUSING_VERBS.has(tree.tokens[k]?.lemma ?? '')) return true;
    if (tree.children(k).some((c) => c !== below && tree.deprel(c) === 'obj')) return false;
  }
  return false;
}

/** Frames of recognition, whose denial rejects. */
const RECOGNITION_FRAMES: ReadonlySet<string> = new Set(['recognise', 'recognise-as', 'recognise-win']);

/**
 * Offers and demands whose owner is who made them ("rejected Lee's offers of dialogue"), and what
 * the owner did to the one who answers: proposed (CAMEO 036) or urged (020).
 */
interface OfferMade { readonly id: string; readonly relation: Relation; readonly cameo: string }
const OFFERED: OfferMade = { id: 'offered', relation: 'proposed', cameo: '036' };
const ASKED: OfferMade = { id: 'asked', relation: 'urged', cameo: '020' };
const OFFER_MADE: ReadonlyMap<string, OfferMade> = new Map<string, OfferMade>([
  ...['offer', 'offers', 'proposal', 'proposals', 'plan', 'plans', 'invitation', 'invitations', 'overtures'].map((w): [string, OfferMade] => [w, OFFERED]),
  ...['demand', 'demands', 'request', 'requests', 'call', 'calls'].map((w): [string, OfferMade] => [w, ASKED]),
]);

/** Where a side is led in a game: "led Spain to victory". */
const CONTEST_OUTCOMES: ReadonlySet<string> = new Set(['victory', 'win', 'wins', 'title', 'titles', 'triumph', 'glory', 'final', 'finals', 'defeat', 'draw', 'championship', 'crown', 'success', 'promotion', 'semi-final', 'semi-finals', 'trophy', 'cup', 'medal', 'gold']);

/** Verbs whose "of / for -ing" names the act charged: "accused Y of attacking Z". */
const CHARGING_LEMMAS: ReadonlySet<string> = new Set(['accuse', 'blame', 'criticise', 'criticize', 'condemn', 'charge']);
/** Acts a charge names that are facts of their own: "hosting French troops" is no meeting. */
const CHARGED_ACTS: ReadonlySet<Relation> = new Set<Relation>(['attacked', 'aided', 'sanctioned', 'supported']);
/** Charged acts no frame reads from a gerund: "of denying the ICRC access", "of harbouring the PKK". */
const CHARGED_GERUNDS: ReadonlyMap<string, { readonly relation: Relation; readonly cameo: string; readonly reason: string }> = new Map([
  ['deny', { relation: 'rejected', cameo: '120', reason: 'denying an actor access or a right refuses it' }],
  ['harbour', { relation: 'aided', cameo: '070', reason: 'harbouring a group shelters it, material help' }],
  ['harbor', { relation: 'aided', cameo: '070', reason: 'harbouring a group shelters it, material help' }],
  ['shelter', { relation: 'aided', cameo: '070', reason: 'sheltering a group is material help' }],
]);

/** Verbs that wish or ask for an act rather than announce it. */
const WISHING_VERBS: ReadonlySet<string> = new Set(['hope', 'want', 'wish', 'expect', 'urge', 'ask', 'call', 'demand', 'trust', 'believe']);

export abstract class TreeFrames extends TreeAgree {
  // ---- the tree ----------------------------------------------------------------------------------

  /** Frames of a word the parser reads as a verb, by its lemma or the lemma of its verb form ("fined" → fine). */
  protected treeFrames(t: Token): readonly Frame[] | undefined {
    if (this.tree?.upos(t.index) !== 'VERB') return undefined;
    // "turned down the offer": a frame that names a particle reads only the verb with it, and then alone.
    const tree = this.tree;
    const prt = tree.child(t.index, 'compound:prt');
    const particle = prt >= 0 ? this.tok(prt)?.lower : undefined;
    // "began striking Iranian sites": an -ing form the tagger kept whole ("striking") has its verb's lemma.
    for (const l of /ing$/.test(t.lower) && t.lemma === t.lower ? gerundLemmas(t) : verbLemmas(t)) {
      const frames = framesByLemma.get(l);
      if (!frames) continue;
      const phrasal = frames.filter((f) => f.particle !== undefined && f.particle === particle);
      const plain = phrasal.length > 0 ? phrasal : frames.filter((f) => f.particle === undefined);
      if (plain.length > 0) return plain;
    }
    return undefined;
  }

  /** "the RSF, led by Dagalo", "the US delegation included Rubio": a person's role in an organisation or country. */
  protected treeRoles(verb: Token): void {
    if (!this.reader || this.reader.tree.upos(verb.index) !== 'VERB') return;
    // "led Spain to victory", "led the side to the title": a game won, not an office held.
    const tree = this.reader.tree;
    for (const c of tree.children(verb.index)) if (tree.deprel(c) === 'obl' && tree.caseOf(c) === 'to' && CONTEST_OUTCOMES.has(this.tok(c)?.lower ?? '')) return;
    for (const frame of roleFramesByLemma.get(verb.lemma) ?? []) {
      const reading = readFrame(this.reader, verb, frame);
      if (!reading || reading.mutual) continue;
      const [people, groups] = frame.reverse ? [reading.targets, reading.sources] : [reading.sources, reading.targets];
      const groupsOk = groups.filter((g) => g.entityType === 'country' || g.entityType === 'organization');
      // "the Ukrainian delegation was led by Y": Y leads the delegation, and is a member of Ukraine.
      const indirect = groupsOk.filter((g) => reading.indirect?.has(g) === true);
      const direct = groupsOk.filter((g) => reading.indirect?.has(g) !== true);
      const sources = people.filter((p) => p.entityType === 'person');
      if (sources.length === 0 || reading.negated || reading.hypothetical) continue;
      if (direct.length > 0) this.emitReading({ ...reading, sources, targets: direct });
      if (indirect.length > 0) this.emitReading({ ...reading, frame: { ...frame, relation: 'member_of' }, sources, targets: indirect });
    }
  }

  /** The verb as CAMEO patterns read it: lemma, particle, object heads and obliques. */
  protected verbUse(verb: Token): VerbUse {
    const tree = this.tree as DependencyTree;
    let particle: string | undefined;
    const objects: string[] = [];
    const obliques: { prep: string; head: string }[] = [];
    for (const c of tree.children(verb.index)) {
      const d = tree.deprel(c);
      const word = this.tok(c)?.lower ?? '';
      if (d === 'compound:prt') particle = word;
      // "granted him asylum": the parser reads some second objects as a nominal xcomp.
      else if (d === 'obj' || d === 'iobj' || (d === 'xcomp' && tree.upos(c) === 'NOUN')) objects.push(word);
      else if (d === 'obl' || d === 'obl:agent') {
        const prep = tree.caseOf(c);
        // "since April 2023", "until Friday": when it happened is no argument of the pattern.
        if (prep && !(TIME_PREPS.has(prep) || tree.upos(c) === 'NUM' || MONTHS_AND_DAYS.has(word))) obliques.push({ prep, head: word });
      }
    }
    return { lemma: verb.lemma, ...(particle ? { particle } : {}), objects, obliques };
  }

  /** Whether a clause is a to-infinitive ("told him *to leave*"), not a that-clause the parser hung as xcomp. */
  protected toInfinitive(clause: number): boolean {
    const tree = this.tree;
    if (!tree || clause < 0 || tree.upos(clause) !== 'VERB') return false;
    const mark = tree.child(clause, 'mark');
    if (mark < 0 || this.tok(mark)?.lower !== 'to') return false;
    // "told Brown *to* stand down", not "told Brown of his intention to stand down".
    const before = mark - 1;
    return this.refAt[before] !== undefined || ['obj', 'iobj', 'flat'].includes(tree.deprel(before));
  }

  /** Whether the verb has a to/at/in phrase of place of its own ("welcomed X to the Elysee", "at the White House"). */
  protected hasPlacePhrase(verb: Token): boolean {
    const tree = this.tree;
    if (!tree) return false;
    // The phrase may hang on the verb or on its object ("welcomed Netanyahu at the White House").
    const phrases: number[] = [];
    for (const c of tree.children(verb.index)) {
      const d = tree.deprel(c);
      if (d === 'obl') phrases.push(c);
      // …but only when the object is the visitor; "welcomed the ruling of a court in Paris" is praise.
      const visitor = this.refAt[c];
      if (d === 'obj' && visitor && (visitor.entityType === 'person' || visitor.entityType === 'country')) for (const m of tree.children(c)) if (tree.deprel(m) === 'nmod') phrases.push(m);
    }
    return phrases.some((c) => {
      if (!['to', 'at', 'in', 'into'].includes(tree.caseOf(c) ?? '')) return false;
      const r = this.refAt[c];
      return r ? r.entityType === 'place' || r.via === 'capital' || r.via === 'seat' : /^\p{Lu}/u.test(this.tok(c)?.value ?? '');
    });
  }

  /**
   * Whether a verb of wishing or asking comes before the verb in its sentence: "hoped Washington would
   * not let …", "urged Y not to allow …" (read from the words: the parser hangs such clauses anywhere).
   */
  protected wished(verb: Token): boolean {
    for (let k = verb.index - 1; k >= 0 && this.tok(k)?.sentence === verb.sentence; k--) {
      const t = this.tok(k);
      if (t && t.pos === 'VERB' && verbLemmas(t).some((l) => WISHING_VERBS.has(l))) return true;
    }
    return false;
  }

  /** Whether the verb's object is a person named bare, not a person's thing ("dismissed Drogba", not "dismissed Biden's warning"). */
  protected personObject(verb: Token): boolean {
    const tree = this.tree;
    const obj = tree ? tree.child(verb.index, 'obj') : -1;
    const r = obj >= 0 ? this.refAt[obj] : undefined;
    return r !== undefined && r.entityType === 'person' && !r.possessive;
  }

  /** Whether the verb has an "as" phrase of its own ("dismissed X as …", "rejected X as …"). */
  protected hasAsPhrase(verb: Token): boolean {
    const tree = this.tree;
    if (!tree) return false;
    for (const c of tree.children(verb.index)) {
      for (const m of tree.children(c)) if ((tree.deprel(m) === 'case' || tree.deprel(m) === 'mark') && this.tok(m)?.lower === 'as') return true;
      for (const k of tree.children(c)) {
        if (tree.deprel(k) !== 'nmod') continue;
        for (const m of tree.children(k)) if (tree.deprel(m) === 'case' && this.tok(m)?.lower === 'as') return true;
      }
    }
    return false;
  }

  /**
   * "… he was resigning and the Queen invited Mr Wilson": a verb whose own subject is a common noun
   * that names none of our actors has its doer said, just not known to us; the walks would hand the
   * act to an actor named before it.
   */
  private unknownSubject(verb: Token): boolean {
    const tree = this.reader?.tree;
    if (!tree) return false;
    if (tree.child(verb.index, 'nsubj') < 0) return false;
    // (All of the verb's subjects: "China's commerce ministry" may come as two, the possessor on the first.)
    const heads = [...new Set([...subjectHeads(tree, verb.index), ...Array.from(tree.children(verb.index)).filter((c) => tree.deprel(c) === 'nsubj')])];
    // (Any name inside the subject's phrase, even one no finder reads, leaves the walks their chance.)
    const named = (h: number, depth = 0): boolean => this.refAt[h] !== undefined || this.reader?.modifierAt[h] !== undefined
      || (depth < 3 && Array.from(tree.children(h)).some((k) => named(k, depth + 1)));
    // ("the main opposition Democratic Party rejected": a name between the subject and the verb, hung elsewhere, is the subject's.)
    const between = (h: number): boolean => {
      for (let k = h + 1; k < verb.index; k++) if (this.refAt[k] || this.reader?.modifierAt[k]) return true;
      return false;
    };
    if (heads.length === 0 || heads.some((h) => !['NOUN', 'PROPN'].includes(tree.upos(h)) || named(h) || between(h))) return false;
    const finder = new ActorFinder(this.reader as NonNullable<typeof this.reader>);
    return heads.every((h) => finder.at(h).length === 0);
  }

  /**
   * "Sudan accused the RSF of attacking Chad", "Israel accused Iran of arming Hezbollah": the act a
   * charge names is Y's act on Z, read from the words when the parser hung the -ing form elsewhere
   * (it often reads "attacking Chad" as an adjective on the name). Only frames that take a direct
   * object, only a gerund right after "of" or "for", only the first actor within four words of it.
   */
  protected chargeContent(verb: Token): void {
    if (!CHARGING_LEMMAS.has(verb.lemma) || (verb.pos !== 'VERB' && this.tree?.upos(verb.index) !== 'VERB')) return;
    let k = verb.index + 1;
    if (this.isDeterminer(this.tok(k))) k++;
    const accused = this.refAt[k];
    if (!accused || accused.entityType === 'other' || accused.entityType === 'place') return;
    const prep = this.tok(accused.lastToken + 1);
    if (!prep || !['of', 'for'].includes(prep.lower)) return;
    // "of torturing the prisoners it holds and of denying the ICRC access": each "of"-gerund is a charge.
    for (let i = prep.index; i >= 0;) {
      this.chargedAct(verb, accused, i + 1);
      const s = this.doc.sentences[verb.sentence];
      let next = -1;
      for (let j = i + 2; s && j < s.lastToken; j++) {
        if (this.tok(j)?.lower === prep.lower && this.tok(j - 1)?.lower === 'and') { next = j; break; }
      }
      i = next;
    }
  }

  /** The act a charge names at `at` (an -ing form) when it is the accused's act on an actor within four words. */
  private chargedAct(verb: Token, accused: ActorReference, at: number): void {
    const gerund = this.tok(at);
    if (!gerund || !gerund.lower.endsWith('ing') || gerund.sentence !== verb.sentence) return;
    const lemmas = gerundLemmas(gerund);
    const extra = lemmas.map((l) => CHARGED_GERUNDS.get(l)).find((g) => g !== undefined);
    const frame = extra
      ? { id: `charged-${gerund.lemma}`, relation: extra.relation, cameo: extra.cameo, targetTypes: undefined }
      : lemmas.flatMap((l) => framesByLemma.get(l) ?? []).find((f) => (f.direct === true || f.preps === undefined) && CHARGED_ACTS.has(f.relation));
    if (!frame) return;
    for (let j = gerund.index + 1; j <= gerund.index + 4; j++) {
      const t = this.tok(j);
      if (!t || t.sentence !== verb.sentence || t.value === ',') return;
      const target = this.refAt[j];
      if (target) {
        // ("of shelling Kherson": a place is struck as in "Russia shelled Kherson"; it is no one helped or sanctioned.)
        const place = frame.relation === 'attacked';
        if (target.entityType !== 'other' && (place || target.entityType !== 'place') && target.entity !== accused.entity) {
          this.emit(accused, frame.relation, target, gerund, `${frame.id}:charge`, frame.cameo, { topicOk: false, targetTypes: frame.targetTypes ?? ['person', 'country', 'organization', ...(place ? ['place' as const] : [])] });
        }
        return;
      }
      if (!(this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM')) return;
    }
  }

  /**
   * "Mao warned that Beijing would respond firmly if Manila broke the deal", "threatened to make
   * Madrid pay unless it fell into line": a warning whose condition names what another actor must
   * (not) do warns that actor (CAMEO 130). The condition's subject, not the speaker's own side.
   */
  protected treeConditionalWarning(verb: Token): void {
    const reader = this.reader;
    if (!reader || !WARNING_VERBS.has(verb.lemma) || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    const said = Array.from(tree.children(verb.index)).filter((c) => tree.deprel(c) === 'ccomp' || tree.deprel(c) === 'xcomp');
    const conditional = (a: number): boolean => tree.deprel(a) === 'advcl' && tree.children(a).some((m) => tree.deprel(m) === 'mark' && CONDITION_MARKS.has(this.tok(m)?.lower ?? ''));
    // ("threatened severe consequences if Moscow refused": the condition on the threat itself.)
    const threatened = tree.child(verb.index, 'obj') >= 0 ? Array.from(tree.children(verb.index)).filter(conditional) : [];
    const conditions = [...said.flatMap((c) => Array.from(tree.children(c)).filter(conditional)), ...threatened];
    if (conditions.length === 0) return;
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    if (negated) return;
    const actors = new ActorFinder(reader);
    for (const c of conditions) {
      const warned = subjectHeads(tree, c).flatMap((h) => actors.at(h)).filter((r) => canAct(r) && r.entityType !== 'place');
      for (const x of sources) for (const y of warned) {
        if (this.isOrOnSideOf(y.entity, x.entity) || this.isOrOnSideOf(x.entity, y.entity) || this.sidesOf(x.entity).some((side) => this.isOrOnSideOf(y.entity, side))) continue;
        this.emit(x, 'warned', y, verb, 'warn-if', '130', { topicOk: false, modality: { negated: false, hypothetical } });
      }
    }
  }

  /** A CAMEO pattern's reading at a verb no frame knows. */
  protected treeCameo(verb: Token): void {
    if (!this.reader) return;
    const match = matchCameo(this.verbUse(verb));
    if (!match || !CAMEO_TRIGGER_FAMILIES.some((f) => match.code.startsWith(f.prefix))) return;
    const frame: Frame = {
      id: match.pattern, lemmas: [verb.lemma], relation: match.relation, cameo: match.code,
      ...(match.target.kind === 'prep' ? { preps: [match.target.prep] } : {}),
      reason: match.label,
    };
    const reading = readFrame(this.reader, verb, frame);
    if (!reading) return;
    // The dictionary was written for states and organisations: between persons alone its verbs are
    // mostly other senses ("ran into a defender", "collaborated with a screenwriter").
    const political = (r: ActorReference): boolean => r.entityType === 'country' || r.entityType === 'organization';
    if (!reading.sources.some(political) && !reading.targets.some(political)) return;
    this.emitReading(match.reverse && !reading.mutual ? { ...reading, sources: reading.targets, targets: reading.sources } : reading, match.goldstein);
  }

  /** Emits what the tree reads for one frame at a trigger; false when the tree gives no reading or no fact passes. */
  protected treeFrame(trigger: Token, frame: Frame): boolean {
    if (!this.reader) return false;
    // "committed adultery with Y": commit with an object of its own is a deed, not a pledge.
    if (frame.id === 'promise' && trigger.lemma === 'commit' && this.reader.tree.child(trigger.index, 'obj') >= 0) return true;
    // "agreed separately": two subjects that each agreed with someone else hold no mutual act (nor do the walks read one).
    // ("Yoon and Li had met separately on Sunday", with no one else named: apart from the summit, with each other.)
    if (frame.mutual === true && separately(this.reader.tree, trigger.index) && (frame.relation !== 'met' || this.withThirdParty(trigger))) return true;
    // "we would call up Harinordoquy": calling a player up selects him, it is no phone call.
    if (frame.id === 'call-up' && this.reader.tree.children(trigger.index).some((c) => this.reader?.tree.deprel(c) === 'compound:prt' && this.tok(c)?.lower === 'up')) return true;
    // People of a country going somewhere is no visit by the state; the walks are not asked either.
    if (VISIT_FRAMES.has(frame.id) && civilianSubject(this.reader.tree, trigger)) return true;
    // "flew 200 men to El Salvador": carrying someone or something somewhere is no visit by the carrier.
    if (frame.id === 'travel-to' && this.reader.tree.child(trigger.index, 'obj') >= 0) return true;
    // "American and Chinese negotiators agreed on a framework": two sides settling terms commit to
    // each other (CAMEO 057), whatever the agree-with reading (a with-phrase) finds.
    if (frame.id === 'agree-with' && this.agreedPact(trigger)) {
      const { sources, negated, hypothetical } = readSubjects(this.reader, trigger);
      const sides = sources.filter(canAct);
      if (new Set(sides.map((r) => r.entity)).size === 2) {
        return this.emitReading({ trigger, frame: { ...frame, id: 'agree-with:pact', relation: 'promised', cameo: '057' }, sources: sides, targets: [], mutual: true, negated, hypothetical });
      }
    }
    const reading = readFrame(this.reader, trigger, frame);
    // (A passive that lacks its frame's complement asks nothing; nor are the walks asked.)
    const bare = passiveWithoutComplement(this.reader.tree, trigger.index, frame);
    if (!reading) return bare || (JUDGING.has(frame.relation) && this.judgedEvent(trigger, frame)) || this.unknownSubject(trigger);
    // "Putin ordered Russian forces to withdraw", "Trump ordered the Pentagon to prepare strikes": an
    // order to one's own state's forces or offices is a command inside a side, no appeal to the state
    // ("Niger ordered French troops to leave" is one).
    if (frame.id === 'order' && reading.targets.length > 0 && reading.sources.every((s) => reading.targets.every((t) => this.isOrOnSideOf(t.entity, s.entity)))) return true;
    // "wanted by the International Criminal Court": sought for arrest, a charge (CAMEO 112), not a
    // demand; "wants Y" with no infinitive demands nothing of Y.
    if (frame.id === 'want' && this.reader.tree.child(trigger.index, 'xcomp') < 0) {
      const passive = this.reader.tree.child(trigger.index, 'aux:pass') >= 0 || agentOf(this.reader.tree, trigger.index) >= 0;
      return passive && this.emitReading({ ...reading, frame: { ...frame, id: 'want:sought', relation: 'accused', cameo: '112' } });
    }
    if (bare) return true;
    // ("will never allow Tehran to acquire …": only the denial warns, and it is told as said.)
    // ("hoped Washington would not let Minsk off the hook": a wish that another refuse is no warning.)
    if (frame.id === 'not-allow') {
      if (reading.negated && !this.wished(trigger)) this.emitReading({ ...reading, negated: false, hypothetical: false });
      return true;
    }
    // ("Niger relies on Russian instructors": the one relied on acts.)
    // (Only a state's reliance: "the Sun Grid relies on Solaris" is a product's.)
    if (frame.reverse === true) return this.emitReading({ ...reading, sources: reading.targets.filter(canAct), targets: reading.sources.filter((r) => r.entityType === 'country') });
    // "the two governments agreed that the soldiers would leave": a commitment together (agree-together), no shared view.
    if (frame.id === 'agree-with' && reading.mutual && this.willBeDone(trigger)) return true;
    // "the referee dismissed Drogba", "dismissed his finance minister": a person dismissed is sent off
    // or out of office, no proposal refused (an office taken away is the dismiss-official frame's).
    if (frame.id === 'reject' && trigger.lemma === 'dismiss' && !this.hasAsPhrase(trigger) && this.personObject(trigger)) return true;
    // "dismissed the Tories as a spent force": disparagement, not the rejection of a proposal.
    if (frame.relation === 'rejected' && this.hasAsPhrase(trigger)) {
      return this.emitReading({ ...reading, frame: { ...frame, id: `${frame.id}:as`, relation: 'accused', cameo: '111' } });
    }
    // "welcomed Zelensky to the Elysee", "welcomed Netanyahu at the White House": a host receiving a
    // visitor (CAMEO 043), not praise.
    if (frame.id === 'welcome' && this.hasPlacePhrase(trigger) && reading.targets.some((r) => r.entityType === 'person' || r.entityType === 'country')) {
      return this.emitReading({ ...reading, frame: { ...frame, id: 'welcome-visitor', relation: 'met', cameo: '043' } });
    }
    // "told his rival to leave": telling someone to act is an appeal, not information.
    if (frame.relation === 'informed' && this.toInfinitive(this.reader.tree.child(trigger.index, 'xcomp'))) {
      return this.emitReading({ ...reading, frame: { ...frame, id: `${frame.id}:to`, relation: 'urged', cameo: '020' } });
    }
    // "Pakistan and Afghanistan agreed to an immediate ceasefire": two sides accepting one truce or
    // deal commit to each other (CAMEO 057), besides accepting it.
    // (Two people count as sides when the document names their offices: "the two leaders agreed to a truce".)
    const sides = new Set(reading.sources.filter((r) => r.entityType === 'country' || r.entityType === 'organization' || (r.entityType === 'person' && this.sidesOf(r.entity).length > 0)).map((r) => r.entity));
    if (frame.id === 'accept' && !reading.hypothetical && !reading.negated && sides.size === 2 && reading.targets.length > 0 && reading.targets.every((r) => r.entityType === 'other' && PACT_TOPICS.has(r.entity))) {
      this.emitReading({ ...reading, targets: [], mutual: true, frame: { ...frame, id: 'accept:pact', relation: 'promised', cameo: '057' } });
    }
    // "Japan agreed to a trade deal with the United States": agreeing to a pact made with Y commits
    // both to each other (CAMEO 057), as signing it would.
    const partners = frame.id === 'accept' && !reading.negated ? this.pactPartners(trigger) : [];
    if (partners.length > 0) {
      const pact = { ...frame, id: 'accept:pact-with', relation: 'promised' as const, cameo: '057' };
      this.emitReading({ ...reading, targets: partners, frame: pact });
      return this.emitReading({ ...reading, sources: partners.filter(canAct), targets: reading.sources, frame: pact });
    }
    // "a deal that Tiani had agreed with Putin", "agreed an accord with Y": agreeing a pact with Y is a
    // commitment both ways (CAMEO 057), not siding with Y's view.
    if (frame.id === 'agree-with' && this.agreedPact(trigger)) {
      const pact = { ...frame, id: 'agree-with:pact', relation: 'promised' as const, cameo: '057' };
      this.emitReading({ ...reading, frame: pact });
      return this.emitReading({ ...reading, sources: reading.targets, targets: reading.sources, frame: pact });
    }
    // "refused to recognise the victory of Chapo", "does not recognise Lukashenko as president":
    // recognition denied is also a rejection of the claimant (CAMEO 12).
    if (RECOGNITION_FRAMES.has(frame.id) && reading.negated) {
      this.emitReading({ ...reading, negated: false, frame: { ...frame, id: `${frame.id}:refused`, relation: 'rejected', cameo: '120' } });
    }
    // "invited him to Washington for talks", "invited Xi to visit": the meeting offered is planned.
    if (frame.id === 'invite' && !reading.negated && !reading.mutual) {
      this.emitReading({ ...reading, hypothetical: true, frame: { ...frame, id: 'invite:meet', relation: 'met' } });
    }
    // "Pyongyang has rejected Lee's offers of dialogue, and Kim's sister … said": rejecting someone's
    // offer rejects its author, not what the parser joined to the offer.
    // ("rejected an Egyptian offer", "ready to accept a US proposal": the owner may be a demonym or a name before the noun.)
    if (frame.relation === 'rejected' || frame.relation === 'accepted') {
      const tree = this.reader.tree;
      const object = tree.child(trigger.index, 'obj');
      const made = object >= 0 ? OFFER_MADE.get(this.tok(object)?.lower ?? '') : undefined;
      const owners = made ? Array.from(tree.children(object)).filter((c) => tree.deprel(c) === 'nmod:poss' || (c < object && (tree.deprel(c) === 'amod' || tree.deprel(c) === 'compound'))) : [];
      const finder = new ActorFinder(this.reader);
      const authors = owners.flatMap((c) => finder.at(c)).filter((r) => r.entityType !== 'other' && r.entityType !== 'place');
      if (made && authors.length > 0) {
        // The offer or demand was made to the one who took it up or turned it down, whatever it did.
        this.emitReading({ ...reading, sources: authors, targets: reading.sources, negated: false, hypothetical: false, mutual: false, frame: { ...frame, id: `${frame.id}:${made.id}`, relation: made.relation, cameo: made.cameo } });
        return this.emitReading({ ...reading, targets: authors });
      }
    }
    // A reading whose every fact the checks refuse ("he" resolved to the object itself) leaves the
    // trigger to the walks.
    return this.emitReading(reading);
  }

  /** A verb + event noun collocation from the tree; false when the tree gives no reading. */
  protected treeCollocation(verb: Token, frame: CollocationFrame): boolean {
    if (!this.reader) return false;
    // "ordered Israel to halt its offensive in Rafah": a halt asked of the attacker by another leaves
    // the attack going on; the noun tells it.
    if (frame.id === 'halt-attacks' && askedOfAnother(this.reader.tree, verb.index)) return false;
    const reading = readCollocation(this.reader, verb, frame);
    if (!reading) return false;
    // "froze US aid to South Africa": the noun is the collocation's, not an act of its own.
    if (reading.noun) for (const f of nounFramesByWord.get(reading.noun.lower) ?? []) this.nounsRead.add(`${reading.noun.index}|${f.id}`);
    // "signed a deal with Y": an agreement binds both signatories, Y to the subject as well.
    if (frame.id === 'sign-agreement' && !reading.mutual && !reading.negated) this.emitReading({ ...reading, sources: reading.targets.filter(canAct), targets: reading.sources });
    return this.emitReading(reading);
  }

  /** An event noun read from the tree: its side (possessor, demonym, by-phrase) and its target. */
  protected treeNoun(noun: Token, frame: NounFrame): boolean {
    if (!this.reader) return false;
    // "his first call-up to the national squad": a selection, no appeal or call.
    if (noun.lower === 'call' && this.tok(noun.index + 1)?.value === '-' && this.tok(noun.index + 2)?.lower === 'up') return true;
    // ("a war with Y" only: "Russia's war at a summit with Putin" names no side of the war; no walk reads it either.)
    if (frame.bothWays && this.tok(noun.index + 1)?.lower !== 'with') return true;
    const reading = readNounFrame(this.reader, noun, frame);
    if (!reading || !this.emitReading(reading)) return frame.bothWays === true;
    // The act both ways, as told (not re-read as a threat or a charge: the owner's words say the war is fought).
    if (frame.bothWays && !reading.mutual) {
      const modality = { negated: reading.negated, hypothetical: reading.hypothetical };
      for (const x of reading.targets) for (const y of reading.sources) this.emit(x, frame.relation, y, reading.trigger, frame.id, frame.cameo, { topicOk: false, modality });
    }
    return true;
  }

  /** "held talks with Y", "had a meeting with Y": a light verb and the noun frame of its object. */
  protected treeLightVerb(tagged: Token): void {
    const reader = this.reader;
    // ("Qatar mediated the deal": wink may tag a past an adjective and keep it as its lemma.)
    const lemma = verbLemmas(tagged).find((l) => LIGHT_VERBS.has(l) || MUTUAL_NOUN_VERBS.has(l) || RECEIVING_VERBS.has(l));
    if (!reader || lemma === undefined) return;
    const verb = lemma === tagged.lemma ? tagged : { ...tagged, lemma };
    const noun = eventNoun(reader.tree, verb.index, (w) => nounFramesByWord.has(w));
    const nounToken = this.tok(noun);
    if (!nounToken) return;
    for (const f of nounFramesByWord.get(nounToken.lower) ?? []) {
      // ("agreed to end its attacks on Y": a collocation of the verb has read the noun already.)
      if (this.nounsRead.has(`${noun}|${f.id}`)) continue;
      const reading = readLightVerb(reader, verb, noun, f);
      if (!reading) continue;
      // (The host of talks between X and Y meets each; X and Y still meet each other, read at the noun.)
      if (!f.between) this.nounsRead.add(`${noun}|${f.id}`);
      this.emitReading(reading);
    }
  }

  protected emitReading(reading: TreeReading, goldstein?: number): boolean {
    // A threatened attack is a warning, pledged help a promise: the act is not (yet) done, the words are.
    const threat = this.reader ? asThreat(this.reader, reading) : undefined;
    const said = this.reader ? threat ?? asPromise(this.reader, reading) : undefined;
    // "threatened to bomb Iran": the threat is the fact, and the act threatened is told as possible.
    if (threat && !threat.negated) this.emitReadingFacts({ ...reading, hypothetical: true }, undefined);
    // "willing to meet Y" offers to meet (a fact of its own) and tells the meeting as hypothetical.
    const offer = this.reader && !said ? asOffer(this.reader, reading) : undefined;
    if (offer) this.emitReadingFacts(offer, undefined);
    // (Only the attacker's side warns: "the UN warned that Israel could strike" threatens no one.)
    const warning = this.reader && !said ? asWarning(this.reader, reading) : undefined;
    const attackers = new Set(reading.sources.map((r) => r.entity));
    const own = warning?.sources.filter((w) => attackers.has(w.entity) || this.sidesOf(w.entity).some((side) => attackers.has(side))) ?? [];
    if (warning && own.length > 0) this.emitReadingFacts({ ...warning, sources: own }, undefined);
    // "Kim pledged full support for Russia's war": support pledged is support given, besides the pledge.
    if (said && !threat && reading.frame.id === 'support-of' && !reading.negated) this.emitReadingFacts({ ...reading, hypothetical: false }, undefined);
    const pledge = this.reader ? asCeasePledge(this.reader, reading) ?? asTiesPledge(this.reader, reading) : undefined;
    if (pledge) this.emitReadingFacts(pledge, undefined);
    // "refused to attend talks with Pashinyan", "declined to meet Y": a meeting refused rejects the other party (CAMEO 12).
    if (reading.frame.relation === 'met' && reading.negated && !reading.mutual && this.reader && refusedAbove(this.reader.tree, reading.trigger.index)) {
      this.emitReadingFacts({ ...reading, negated: false, frame: { ...reading.frame, id: `${reading.frame.id}:refused`, relation: 'rejected', cameo: '120' } }, undefined);
    }
    const r = said ?? reading;
    if (said) goldstein = undefined;
    const before = this.facts.length;
    const any = this.emitReadingFacts(r, goldstein);
    // "carried out air *strikes*": the event noun is the act's word for later anaphora ("the strikes").
    if (r.noun) for (let k = before; k < this.facts.length; k++) this.actNouns.set(this.facts[k] as RelationFact, r.noun.lower);
    return any;
  }

  protected emitReadingFacts(r: TreeReading, goldstein: number | undefined): boolean {
    const { frame, trigger } = r;
    const options: EmitOptions = {
      topicOk: frame.topicTarget === true, sourceGroupStart: this.groupStart(r.sources),
      modality: { negated: r.negated, hypothetical: r.hypothetical },
      ...(goldstein !== undefined ? { goldstein } : {}),
      ...(frame.targetTypes ? { targetTypes: frame.targetTypes } : {}),
    };
    if (r.mutual) {
      let any = false;
      forEachPair(r.sources, (x, y) => {
        any = this.emit(x, frame.relation, y, trigger, frame.id, frame.cameo, options) || any;
        if (frame.relation !== 'met') any = this.emit(y, frame.relation, x, trigger, frame.id, frame.cameo, options) || any;
      });
      return any;
    }
    let any = false;
    for (const s of r.sources) for (const o of r.targets) any = this.emit(s, frame.relation, o, trigger, frame.id, frame.cameo, options) || any;
    return any;
  }
}
