// Acts judged, denied or asked for in what is said: readers that take up a fact told before
// ("Egypt condemned the attack", "a charge Kigali denies") or put a label or an obligation on an
// actor ("called Putin a war criminal", "said Israel must allow aid in"). Read from the parse.
import type { Relation, Token } from '../types';
import type { ActorReference } from '../entities';
import { ATTACK_NOUNS, type Frame } from './frames';
import { DENIAL_LEMMAS, SPEECH_LEMMAS, verbLemmas } from './words';
import { anaphoricEvent, EVENT_ANAPHORS, mutualEventNoun } from './anaphora';
import { ActorFinder } from './tree-actors';
import { agentOf, DependencyTree, hypothetical as hypotheticalAt, negated as negatedAt, NEGATORS, obliging, readSubjects } from './tree';
import type { RelationFact } from './context';
import { answeredAct, AUTHORS, ToldActs } from './told-acts';

/** Verbs that put a label on someone or something: "called X a threat", "branded X a criminal". */
const LABELLING_VERBS: ReadonlySet<string> = new Set(['call', 'brand', 'label', 'describe', 'term', 'dub', 'deem', 'declare']);
/** Labels that condemn what they are put on. */
const NEGATIVE_LABELS: ReadonlySet<string> = new Set([
  'threat', 'provocation', 'violation', 'aggression', 'crime', 'criminal', 'criminals', 'terrorist', 'terrorists', 'dictator', 'liar',
  'enemy', 'invasion', 'interference', 'blackmail', 'lie', 'lies', 'propaganda', 'farce', 'sham', 'disgrace', 'illegal', 'unacceptable',
  'null', 'void', 'illegitimate', 'irresponsible', 'selfish', 'reckless', 'dangerous', 'hostile', 'unlawful', 'fraudulent', 'fraud',
  'outrageous', 'shameful', 'barbaric', 'genocide', 'massacre', 'regrettable', 'deplorable', 'mistake', 'blunder', 'betrayal',
  'insult', 'unjustified', 'unjust', 'unfriendly', 'short-sighted', 'absurd', 'setback', 'provocative', 'destabilising', 'destabilizing',
  'aggressor', 'aggressors', 'tyrant', 'thug', 'thugs', 'murderer', 'murderers', 'killer', 'killers', 'butcher', 'puppet', 'puppets',
  'traitor', 'traitors', 'warmonger', 'warmongers', 'bully', 'pig', 'clown', 'occupier', 'occupiers', 'oppressor', 'culprit',
  'unfair', 'unreasonable', 'breach', 'authoritarian', 'hypocrisy', 'hypocritical', 'lynching', 'coercion', 'coercive', 'bullying',
  'arbitrary', 'abusive', 'groundless', 'baseless', 'rogue', 'pariah', 'parasite', 'parasites', 'separatist', 'separatists',
  'troublemaker', 'troublemakers', 'saboteur', 'saboteurs', 'extremist', 'extremists', 'menace', 'scourge', 'vassal', 'kidnapping', 'abduction', 'piracy', 'protectionism', 'protectionist', 'dumping',
]);
/**
 * Heads that say nothing by themselves: "an authoritarian act", "a hostile step", "an aggressor
 * state", "a rogue regime" condemn by their modifier.
 */
const PLAIN_LABEL_HEADS: ReadonlySet<string> = new Set([
  'act', 'move', 'step', 'decision', 'attempt', 'measure', 'action', 'state', 'regime', 'government', 'country', 'nation', 'group', 'organisation', 'organization', 'entity',
  'force', 'forces', 'power', 'actor',
]);
/** Nouns for an actor's doings whose possessor or of-phrase names the actor: "the presence of Chinese companies threatened …". */
const CONDUCT_NOUNS: ReadonlySet<string> = new Set([
  'presence', 'actions', 'action', 'conduct', 'behaviour', 'behavior', 'policies', 'policy', 'activities', 'activity', 'involvement', 'interference', 'deployment',
]);

/** Labels that praise what they are put on ("called Putin a close friend"). */
const POSITIVE_LABELS: ReadonlySet<string> = new Set(['friend', 'ally', 'partner', 'brother', 'hero', 'champion', 'model', 'friends', 'allies', 'partners']);

/** Whether a label condemns: its head, a conjunct ("selfish and irresponsible") or "an act of aggression". */
function negativeLabel(tree: DependencyTree, label: number): boolean {
  const word = (i: number): string => tree.tokens[i]?.lower ?? '';
  if (NEGATIVE_LABELS.has(word(label))) return true;
  for (const c of tree.children(label)) {
    const d = tree.deprel(c);
    if ((d === 'conj' || (d === 'nmod' && tree.caseOf(c) === 'of' && word(label) === 'act')) && NEGATIVE_LABELS.has(word(c))) return true;
    if ((d === 'amod' || d === 'compound') && PLAIN_LABEL_HEADS.has(word(label)) && NEGATIVE_LABELS.has(word(c))) return true;
  }
  return false;
}

/** Whether a clause holds an if- or unless-clause of its own. */
function hasCondition(tree: DependencyTree, clause: number): boolean {
  for (const c of tree.children(clause)) {
    if (tree.deprel(c) !== 'advcl') continue;
    for (const m of tree.children(c)) if (tree.deprel(m) === 'mark' && ['if', 'unless'].includes(tree.tokens[m]?.lower ?? '')) return true;
  }
  return false;
}




/** Determiners by which a noun points back to an act told before. */
const BACK: ReadonlySet<string> = new Set(['the', 'this', 'that']);

/**
 * What a speaker says another actor's act does or the actor does that charges it ("the United
 * States said the test violated Security Council resolutions", "Sikorski said Orban was
 * undermining the bloc", "Washington said Beijing was withholding licences").
 */
export const CHARGING_PREDICATES: ReadonlySet<string> = new Set([
  'violate', 'breach', 'undermine', 'flout', 'withhold', 'obstruct', 'sabotage', 'destabilise', 'destabilize', 'contravene', 'infringe', 'jeopardise', 'jeopardize',
  // "said Chinese agents had meddled in its elections", "said Beijing was flooding markets with cheap cars"
  'meddle', 'interfere', 'spy', 'flood', 'cheat', 'steal', 'smuggle', 'hack',
  // "said Kyiv had refused to take back its own soldiers": a refusal told by the other side is a complaint.
  'refuse',
]);
/** Faults that, said of another actor (not of an act: "the talks failed"), charge it: "said Moscow had failed to comply / had lied". */
export const FAULT_PREDICATES: ReadonlySet<string> = new Set(['fail', 'betray', 'lie', 'deceive', 'mislead', 'ignore']);
/** Violence and crimes that, said of another actor as done, charge it (CAMEO 112); "commit" with a crime noun only, "make" with a fault. */
const HARM_PREDICATES: ReadonlySet<string> = new Set([
  'murder', 'kill', 'massacre', 'torture', 'rape', 'abduct', 'kidnap', 'attack', 'fire', 'hit', 'strike', 'bomb', 'shell',
  'target', 'loot', 'execute', 'invade', 'commit', 'starve', 'besiege', 'bombard', 'beat', 'shoot', 'wound', 'injure',
  // with a fault as object only (FAULT_NOUNS); "use" with a banned weapon only (BANNED_ARMS)
  'make', 'use',
]);
/** Weapons whose use is a crime said of the user: "had used chemical weapons", "used chlorine gas". */
const BANNED_ARMS: ReadonlySet<string> = new Set(['chlorine', 'sarin', 'napalm', 'starvation', 'mustard']);
/** What makes weapons banned: "chemical weapons", "cluster munitions", "barrel bombs". */
const BANNED_KINDS: ReadonlySet<string> = new Set(['chemical', 'biological', 'banned', 'cluster', 'incendiary', 'nerve', 'barrel', 'poison', 'chlorine', 'phosphorus']);
/** An attack by its noun ("a Russian strike"), whose author a deadly outcome said of it charges. */
const ATTACK_WORDS: ReadonlySet<string> = new Set(ATTACK_NOUNS);
/** What one commits that is a crime: "committed genocide / war crimes / atrocities". */
const CRIME_NOUNS: ReadonlySet<string> = new Set(['genocide', 'crimes', 'atrocities', 'massacres', 'massacre', 'abuses', 'violations', 'murders', 'killings']);
/** Harm an actor can be said to be "behind": "said the US and Ukraine were behind the attack". */
const BEHIND_HARM: ReadonlySet<string> = new Set([
  ...ATTACK_NOUNS, 'killing', 'killings', 'assassination', 'plot', 'plots', 'massacre', 'explosion', 'explosions', 'blast', 'blasts',
  'sabotage', 'coup', 'hack', 'hacking', 'hacks', 'cyberattack', 'cyberattacks', 'violence', 'unrest', 'riots', 'abduction', 'kidnapping',
  'disinformation', 'campaign', 'incursion', 'shooting', 'shootings', 'poisoning', 'fire', 'fires', 'leak', 'leaks', 'intrusion',
]);
/** What one will pay or regret: "said Tehran would pay for it", "would regret", "would face consequences". */
const THREAT_PREDICATES: ReadonlySet<string> = new Set(['pay', 'regret', 'face']);
/** What one "will face" that is a threat. */
const THREAT_OBJECTS: ReadonlySet<string> = new Set(['consequences', 'retaliation', 'retribution', 'response', 'punishment']);
/** Verbs that vow or warn what will be: what they vow another "would pay" is a threat ("warned that Israel would pay"), what it "must do" no appeal. */
const VOWING_LEMMAS: ReadonlySet<string> = new Set(['vow', 'swear', 'pledge', 'promise', 'warn', 'threaten']);
/** Future auxiliaries of a threat. */
const FUTURE_AUX: ReadonlySet<string> = new Set(['will', 'would', "'ll"]);

/** Whether a said clause threatens its subject: "Tehran would pay for it", "Hamas will face consequences". */
function threatened(tree: DependencyTree, clause: number): boolean {
  const lemma = tree.tokens[clause]?.lemma ?? '';
  if (!THREAT_PREDICATES.has(lemma) || !tree.hasAux(clause, FUTURE_AUX) || negatedAt(tree, clause)) return false;
  if (lemma !== 'face') return true;
  return THREAT_OBJECTS.has(tree.tokens[tree.child(clause, 'obj')]?.lower ?? '');
}
/** Faults one makes: "said Tehran had made a big mistake". */
export const FAULT_NOUNS: ReadonlySet<string> = new Set(['mistake', 'mistakes', 'error', 'errors', 'blunder', 'miscalculation']);
/** Predicates that charge only an act ("the attacks threatened aid deliveries"), not an actor ("Russia threatened to"). */
export const CHARGING_ACT_PREDICATES: ReadonlySet<string> = new Set(['threaten', 'endanger']);

/** The auxiliary of a perfect after a modal: "should have started", "must've known". */
const PERFECT_AUX: ReadonlySet<string> = new Set(['have', "'ve"]);

/** Acts a judgement may take up from anywhere before, when one author did them all. */
const FAR_JUDGED: ReadonlySet<Relation> = new Set<Relation>(['attacked', 'sanctioned']);
/** Stances a judgement of an act takes: praising, accepting or rejecting it is no act of its own. */
const JUDGED_STANCES: ReadonlySet<Relation> = new Set<Relation>(['supported', 'accepted', 'rejected']);

export abstract class TreeTold extends ToldActs {
  /**
   * "Israel struck Gaza. Egypt condemned the attack.": judging an act just reported (anaphora.ts)
   * judges its author, the source of the last such fact in the two sentences before.
   */
  protected judgedEvent(trigger: Token, frame: Frame): boolean {
    const reader = this.reader;
    const event = reader ? anaphoricEvent(reader.tree, trigger) : undefined;
    const noun = event ? this.tok(event.noun) : undefined;
    if (!reader || !event || !noun) return false;
    // The last such act, one told with the same word first ("air strikes … the strikes", not the rockets).
    const word = (w: string): string => w.toLowerCase().replace(/s$/, '');
    // "welcomed the accord", "praised the talks": a pact or talks, the story's event, may have been
    // told anywhere before; judging it other than with praise names no side we could tell apart.
    const mutual = mutualEventNoun(noun.lower);
    if (mutual && frame.relation !== 'supported') return false;
    // (A judgement read so is no act to take up: "Lee hailed the ruling. The party accepted the decision" is the court's;
    // nor is the act an act answers: "Iran fired missiles in retaliation for US strikes … Qatar condemned the strike".)
    let all = this.factsTold(trigger, (f) => event.relations.includes(f.relation) && !(JUDGED_STANCES.has(f.relation) && /:(event|act)$/.test(f.rule)) && !answeredAct(f), mutual ? undefined : 2, !mutual);
    // "Israel launched its heaviest air strikes on Gaza … [four sentences on] Egypt and Qatar condemned
    // the attacks": an attack or sanction told further back is the one judged when the story tells
    // such acts by one author only.
    if (all.length === 0 && !mutual && event.relations.length === 1 && FAR_JUDGED.has(event.relations[0] as Relation)) {
      const far = this.factsTold(trigger, (f) => event.relations.includes(f.relation) && !answeredAct(f), undefined, false);
      if (new Set(far.map((f) => f.source)).size === 1) all = far;
    }
    // "Parliament impeached the acting president … [five sentences on] Han said he respected the
    // decision": with no act told near, the story's own act, told in its lede by one author.
    if (all.length === 0 && !mutual) all = this.ledeAct(trigger, event.relations);
    // "… accused the UAE of arming the RSF. The UAE rejected the accusation": an act against the
    // judging actor (or its side) is the one it answers, before any other told near it.
    const { sources, negated, hypothetical } = readSubjects(reader, trigger);
    const onJudge = this.againstJudges(sources);
    let against = all.filter(onJudge);
    // "France accused Azerbaijan of … [three sentences on] Azerbaijan dismissed the accusation": an
    // answer to a charge against oneself may come anywhere after it.
    if (against.length === 0 && event.relations.includes('accused')) against = this.factsTold(trigger, (f) => f.relation === 'accused' && onJudge(f) && !f.reportedBy, undefined, false);
    // "Trump ordered a tariff on India … [two sentences on] India called the move unfair": so may an
    // answer to any act against oneself a few sentences back.
    if (against.length === 0 && all.length === 0 && !mutual) against = this.answeredActs(trigger, event.relations, onJudge);
    const acts = against.length > 0 ? against : all;
    const same = acts.filter((f) => word(this.actNouns.get(f) ?? f.trigger) === word(noun.lower)).pop();
    // A pact or talks told by another word ("held talks … welcomed the negotiations"): the first one,
    // the story's own event, in its lede.
    const last = same ?? (mutual ? acts[0] : acts[acts.length - 1]);
    if (!last) {
      // No fact told: an act told without a target ("North Korea test-fired a missile … condemned the launch").
      let any = false;
      for (const target of this.toldActAuthors(noun, trigger)) {
        for (const s of sources) any = this.emit(s, frame.relation, target, trigger, `${frame.id}:act`, frame.cameo, { topicOk: false, modality: { negated, hypothetical } }) || any;
      }
      return any;
    }
    // One act told once may have several authors ("American and British warplanes struck …"); two
    // acts by different authors and no word to tell them apart: no guess.
    const told = (f: RelationFact): boolean => f.start === last.start && f.trigger === last.trigger && f.rule === last.rule;
    // Both parties hold a pact or talks: each end of the act told is one of its authors.
    const authors = new Set((same || mutual ? acts.filter(told) : acts).flatMap((f) => (mutual ? [f.source, f.target] : [f.source])));
    if (!same && !mutual && authors.size > 1 && !acts.every(told)) return false;
    let any = false;
    for (const author of authors) {
      const target = this.earlierActor(author, noun, trigger);
      if (!target) continue;
      for (const s of sources) any = this.emit(s, frame.relation, target, trigger, `${frame.id}:event`, frame.cameo, { topicOk: false, modality: { negated, hypothetical } }) || any;
    }
    return any;
  }

  /**
   * "Sandu accused Russia of … The Kremlin denied any interference", "…, a charge Kigali denies": a
   * denial answers the last accusation against the one who denies, told in the two sentences
   * before or its own; it rejects the accuser (CAMEO 12, reject).
   */
  protected treeDenial(verb: Token): void {
    const reader = this.reader;
    if (!reader || !DENIAL_LEMMAS.has(verb.lemma) || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    // "denied Ukraine access": an actor as object is refused something, no charge is answered.
    for (const c of tree.children(verb.index)) {
      const r = this.refAt[c];
      if ((tree.deprel(c) === 'obj' || tree.deprel(c) === 'iobj') && r && r.entityType !== 'other') return;
    }
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    // "did not deny", "may deny": no answer given.
    if (negated || hypothetical) return;
    for (const s of sources) {
      // The charge may be against the denier's side: "Kurti blamed Serbia … Vucic denied that his government had any role".
      // (the last one told before, however far: an answer to a charge may come anywhere after it)
      const charge = this.factsTold(verb, (f) => f.relation === 'accused' && this.isOrOnSideOf(f.target, s.entity) && !f.reportedBy, undefined, false).pop();
      const accuser = charge ? this.earlierActor(charge.source, verb, verb) : undefined;
      if (accuser) this.emit(s, 'rejected', accuser, verb, 'deny:charge', '120', { topicOk: false, modality: { negated: false, hypothetical: false } });
    }
  }

  /**
   * "The Kremlin said Sandu should explain …", "Merz said Israel must allow aid in": what a speaker
   * says another actor should or must do is an appeal to it (CAMEO 020). Not a passive ("must be
   * stopped") nor the speaker's own side ("Putin said Russia must …").
   */
  protected treeShould(verb: Token): void {
    const reader = this.reader;
    const vowing = VOWING_LEMMAS.has(verb.lemma);
    if (!reader || !(SPEECH_LEMMAS.has(verb.lemma) || vowing) || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    // Read once, and only for a verb that has a should-clause.
    let said: ReturnType<typeof readSubjects> | undefined;
    for (const c of tree.children(verb.index)) {
      if (tree.deprel(c) !== 'ccomp' || tree.upos(c) !== 'VERB' || tree.child(c, 'nsubj') < 0 || tree.child(c, 'aux:pass') >= 0) continue;
      // "said Tehran had made a big mistake and would pay for it": a threat in a conjunct that shares the subject.
      const threat = threatened(tree, c) || tree.children(c).some((k) => tree.deprel(k) === 'conj' && tree.child(k, 'nsubj') < 0 && threatened(tree, k));
      if (!threat && (vowing || !obliging(tree, c))) continue;
      const clause = this.tok(c);
      // "said: 'If the government believes …, they should ask us'": a condition, and a pronoun in a
      // quote, leave who is asked too open (a threat is conditional by nature).
      const speakers = (said ??= readSubjects(reader, verb));
      if (!clause || speakers.negated || (!threat && hasCondition(tree, c))) continue;
      // The one asked is the name that ends the clause's subject ("UK Muslims should …" asks no state).
      const nsubj = tree.child(c, 'nsubj');
      let end = nsubj;
      for (const k of tree.children(nsubj)) if (k > end && ['flat', 'compound', 'flat:name'].includes(tree.deprel(k))) end = k;
      // ("said Ukraine should never have started the war": what another should have done is a
      // reproach for the past (CAMEO 111), no appeal.)
      const reproach = !threat && tree.hasAux(c, PERFECT_AUX);
      for (const y of readSubjects(reader, clause).sources.filter((r) => r.via !== 'pronoun' && r.lastToken === end && !r.modifier)) {
        for (const x of speakers.sources.filter((r) => r.via !== 'pronoun')) {
          if (this.ownSide(x, y.entity)) continue;
          const modality = { negated: false, hypothetical: speakers.hypothetical };
          if (threat) this.emit(x, 'warned', y, verb, 'say-threat', '138', { topicOk: false, modality });
          else if (reproach) this.emit(x, 'accused', y, verb, 'say-reproach', '111', { topicOk: false, modality });
          else this.emit(x, 'urged', y, verb, 'say-should', '020', { topicOk: false, modality });
        }
      }
    }
  }

  /**
   * "Ali called the move a direct threat", "branded Putin a war criminal", "described the strikes as
   * a violation": a negative label on an actor, or on an act just told, accuses it or its author
   * (CAMEO 111, criticise or denounce).
   */
  protected treeLabel(verb: Token): void {
    const reader = this.reader;
    if (reader && !LABELLING_VERBS.has(verb.lemma)) this.copularLabel(verb);
    if (!reader || !LABELLING_VERBS.has(verb.lemma) || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    // The parser reads "called X a Y" many ways (obj + xcomp, two xcomps, Y as X's object): the
    // first nominal after the verb is what is labelled, a later one or an as-phrase the label.
    const nominals: number[] = [];
    const SMALL_CLAUSE = ['obj', 'iobj', 'xcomp'];
    for (const c of tree.children(verb.index)) {
      if (!SMALL_CLAUSE.includes(tree.deprel(c))) continue;
      nominals.push(c);
      for (const m of tree.children(c)) if (SMALL_CLAUSE.includes(tree.deprel(m)) || (tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'as')) nominals.push(m);
    }
    for (const c of tree.children(verb.index)) if (tree.deprel(c) === 'obl' && tree.caseOf(c) === 'as') nominals.push(c);
    nominals.sort((a, b) => a - b);
    const object = nominals[0] ?? -1;
    // "called the move unfair, unjustified and unreasonable": an adjective after the object, which
    // the parser hangs on it as a modifier, is the label.
    const after = nominals.length === 1 ? tree.children(object).find((c) => c > object && tree.deprel(c) === 'amod' && tree.upos(c) === 'ADJ') : undefined;
    const label = nominals.length > 1 ? (nominals[nominals.length - 1] ?? -1) : after ?? -1;
    const objectToken = this.tok(object);
    if (!objectToken || label <= object) return;
    // "called Putin a close friend", "described China as a reliable partner": praise (CAMEO 051).
    // ("no friend", "a partner and a rival": a negated or mixed label praises no one.)
    const mixed = tree.children(label).some((c) => ((tree.deprel(c) === 'advmod' || tree.deprel(c) === 'det') && NEGATORS.has(this.tok(c)?.lower ?? ''))
      || (tree.deprel(c) === 'conj' && !POSITIVE_LABELS.has(this.tok(c)?.lower ?? '')));
    if (POSITIVE_LABELS.has(this.tok(label)?.lower ?? '') && !mixed) {
      const praised = new ActorFinder(reader).at(object, true).filter((r) => r.entityType === 'person' || r.entityType === 'country' || r.entityType === 'organization');
      const { sources, negated, hypothetical } = readSubjects(reader, verb);
      for (const x of sources) for (const y of praised) this.emit(x, 'supported', y, verb, 'label:positive', '051', { topicOk: false, modality: { negated, hypothetical } });
      return;
    }
    if (!negativeLabel(tree, label)) return;
    let targets: ActorReference[] = new ActorFinder(reader).at(object, true).filter((r) => r.entityType !== 'other' && r.entityType !== 'place');
    const relations = EVENT_ANAPHORS.get(objectToken.lower);
    const { sources, negated, hypothetical } = readSubjects(reader, verb);
    if (targets.length === 0 && relations) {
      // An act against the labeller is the one its label answers ("Trump ordered a tariff on India …
      // India called the move unfair"), a few sentences back if need be; else the last act told.
      const onJudge = this.againstJudges(sources);
      const recent = this.recentFacts(verb, (f) => relations.includes(f.relation));
      const act = recent.filter(onJudge).pop() ?? this.answeredActs(verb, relations, onJudge).pop() ?? recent.pop();
      const author = act ? this.earlierActor(act.source, objectToken, verb) : undefined;
      if (author) targets = [author];
      else if (tree.children(object).some((c) => tree.deprel(c) === 'det' && BACK.has(this.tok(c)?.lower ?? ''))) targets = this.toldActAuthors(objectToken, verb);
    }
    for (const x of sources) for (const y of targets) this.emit(x, 'accused', y, verb, 'label:negative', '111', { topicOk: false, modality: { negated, hypothetical } });
  }

  /**
   * "Tedros said the decision was a grave mistake": a condemning predicate on an act told before,
   * in what a speaker says, accuses the act's author (as "called the decision a mistake" does).
   */
  private copularLabel(predicate: Token): void {
    const reader = this.reader;
    if (!reader || !negativeLabel(reader.tree, predicate.index)) return;
    const tree = reader.tree;
    if (tree.child(predicate.index, 'cop') < 0) return;
    const subject = this.tok(tree.child(predicate.index, 'nsubj'));
    const relations = subject && EVENT_ANAPHORS.get(subject.lower);
    const speech = this.tok(tree.head(predicate.index));
    if (!subject || !speech || tree.deprel(predicate.index) !== 'ccomp' || !SPEECH_LEMMAS.has(speech.lemma)) return;
    // "Macron said Russia was the aggressor": a condemning noun put on an actor in what a speaker
    // says accuses that actor (a bare adjective, "Russia was ready", labels nothing).
    if (!relations) {
      if (tree.upos(predicate.index) !== 'NOUN') return;
      const labelled = new ActorFinder(reader).at(subject.index).filter((r) => r.entityType === 'person' || r.entityType === 'country' || r.entityType === 'organization');
      const { sources } = readSubjects(reader, speech);
      for (const x of sources) for (const y of labelled) this.emit(x, 'accused', y, speech, 'label:negative', '111', { topicOk: false, modality: { negated: negatedAt(tree, predicate.index), hypothetical: false } });
      return;
    }
    // "the decision" points back; "a decision by Chad" or "Chad's decision" names its author, read elsewhere.
    if (!tree.children(subject.index).some((c) => tree.deprel(c) === 'det' && ['the', 'this', 'that'].includes(this.tok(c)?.lower ?? ''))) return;
    const act = this.recentFacts(speech, (f) => relations.includes(f.relation)).pop();
    const author = act ? this.earlierActor(act.source, subject, speech) : undefined;
    const authors = author ? [author] : this.toldActAuthors(subject, speech);
    const { sources, negated, hypothetical } = readSubjects(reader, speech);
    for (const x of sources) for (const y of authors) this.emit(x, 'accused', y, speech, 'label:negative', '111', { topicOk: false, modality: { negated, hypothetical } });
  }

  /**
   * "Sikorski said Orban was undermining the unity of the bloc", "the United States said the test
   * violated Security Council resolutions": a speaker saying that another actor, or an act told
   * before, violates, breaches or undermines something accuses the actor or the act's author
   * (CAMEO 112). Not the speaker's own side.
   */
  protected treeSaidCharge(verb: Token): void {
    const reader = this.reader;
    if (!reader || !SPEECH_LEMMAS.has(verb.lemma) || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    let said: ReturnType<typeof readSubjects> | undefined;
    // What is said, and within it a reason given ("said he ordered the strikes because Hamas had
    // refused to release the hostages") or a second clause of its own ("… and Iran had refused").
    // (The parser hangs such a reason on the verb of saying as often as on what is said: after a
    // said clause, it is taken as part of it.)
    const because = (k: number): boolean => tree.deprel(k) === 'advcl' && tree.child(k, 'nsubj') >= 0
      && tree.children(k).some((m) => tree.deprel(m) === 'mark' && this.tok(m)?.lower === 'because');
    const heads: number[] = [];
    const clauses = new Set<number>();
    let saidBefore = false;
    for (const c of tree.children(verb.index)) {
      heads.push(c);
      if (tree.deprel(c) === 'ccomp') {
        saidBefore = true;
        clauses.add(c);
        for (const k of tree.children(c)) {
          if (because(k) || (tree.deprel(k) === 'conj' && tree.child(k, 'nsubj') >= 0)) { heads.push(k); clauses.add(k); }
        }
      } else if (saidBefore && because(c)) clauses.add(c);
    }
    for (const c of heads) {
      const clause = this.tok(c);
      if (!clause) continue;
      const saidClause = clauses.has(c);
      let subject: Token | undefined;
      let predicate = clause;
      let charged: { readonly sources: readonly ActorReference[]; readonly negated: boolean; readonly hypothetical: boolean } = { sources: [], negated: false, hypothetical: false };
      let behind = false;
      if (saidClause && tree.upos(c) === 'VERB' && tree.child(c, 'aux:pass') < 0 && !hasCondition(tree, c)) {
        subject = this.tok(tree.child(c, 'nsubj'));
        charged = readSubjects(reader, clause);
      } else if (saidClause && tree.upos(c) === 'VERB' && agentOf(tree, c) >= 0 && !hasCondition(tree, c) && this.harmDone(clause)) {
        // "said asylum seekers had been beaten by Polish guards": harm done by the passive's agent (or the agent's owner).
        const agent = agentOf(tree, c);
        subject = this.tok(agent);
        const { negated, hypothetical } = readSubjects(reader, clause);
        charged = { sources: new ActorFinder(reader).atOrOwner(agent), negated, hypothetical };
      } else if (saidClause && BEHIND_HARM.has(clause.lower) && tree.caseOf(c) === 'behind' && tree.child(c, 'cop') >= 0 && tree.child(c, 'nsubj') >= 0 && !hasCondition(tree, c)) {
        // "said the United States, Britain and Ukraine were behind the attack": a charge of the harm.
        subject = this.tok(tree.child(c, 'nsubj'));
        charged = { sources: new ActorFinder(reader).at(tree.child(c, 'nsubj')), negated: negatedAt(tree, c), hypothetical: hypotheticalAt(tree, c) };
        behind = true;
      } else if (tree.deprel(c) === 'obj' && EVENT_ANAPHORS.has(clause.lower)) {
        // "said the test violated Security Council resolutions", parsed as "said the test" with
        // "violated" on the resolutions: the finite verb right after the act noun is its predicate.
        let k = c + 1;
        while (this.tok(k)?.pos === 'ADV') k++;
        const next = this.tok(k);
        if (!next || next.pos !== 'VERB' || !/ed$/.test(next.lower) || tree.deprel(k) === 'ccomp') continue;
        subject = clause;
        predicate = next;
      }
      const actOnly = CHARGING_ACT_PREDICATES.has(predicate.lemma);
      // "Blinken said the RSF had murdered men and boys", "said Russia had fired dozens of drones at
      // his country": violence or a crime another actor did, told as done, charges it.
      const harm = saidClause && !charged.negated && !charged.hypothetical && this.harmDone(predicate);
      const fault = saidClause && !charged.hypothetical && FAULT_PREDICATES.has(predicate.lemma);
      if (!subject || (!CHARGING_PREDICATES.has(predicate.lemma) && !actOnly && !harm && !fault && !behind)) continue;
      const speakers = (said ??= readSubjects(reader, verb));
      // ("could not simply refuse to hear": a refusal only as told, done.)
      if (speakers.negated || (predicate.lemma === 'refuse' && (charged.negated || charged.hypothetical))) continue;
      let accused: readonly ActorReference[] = actOnly ? [] : charged.sources.filter((r) => r.via !== 'pronoun' && AUTHORS.has(r.entityType));
      if (fault && accused.length === 0) continue;
      // "the test violated …": an act told before, by its author.
      const relations = EVENT_ANAPHORS.get(subject.lower);
      if (accused.length === 0 && relations && tree.children(subject.index).some((d) => tree.deprel(d) === 'det' && BACK.has(this.tok(d)?.lower ?? ''))) {
        const act = this.recentFacts(verb, (f) => relations.includes(f.relation)).pop();
        const author = act ? this.earlierActor(act.source, subject, verb) : undefined;
        accused = author ? [author] : this.toldActAuthors(subject, verb);
      }
      // "the presence of Chinese companies threatened the treaty", "Russia's actions violate …": an
      // actor's doings, by their possessor or of-phrase.
      if (accused.length === 0 && CONDUCT_NOUNS.has(subject.lower)) {
        const owners = Array.from(tree.children(subject.index)).filter((d) => tree.deprel(d) === 'nmod:poss' || (tree.deprel(d) === 'nmod' && tree.caseOf(d) === 'of'));
        accused = owners.flatMap((d) => new ActorFinder(reader).at(d)).filter((r) => r.via !== 'pronoun' && AUTHORS.has(r.entityType));
      }
      // "officials said a Russian strike on Kharkiv had killed seven people": a deadly attack, by its author.
      if (accused.length === 0 && harm && ATTACK_WORDS.has(subject.lower)) {
        const owners = Array.from(tree.children(subject.index)).filter((d) => ['amod', 'nmod:poss', 'compound'].includes(tree.deprel(d)) && d < subject.index);
        accused = owners.flatMap((d) => new ActorFinder(reader).at(d)).filter((r) => r.via !== 'pronoun' && AUTHORS.has(r.entityType));
      }
      // ("The New York Times reported that the army had used chlorine": a news outlet reports, it charges no one.)
      for (const x of speakers.sources.filter((r) => r.via !== 'pronoun' && !this.isOutlet(r))) {
        for (const y of accused) {
          if (y.entity === x.entity || this.sidesOf(x.entity).includes(y.entity)) continue;
          this.emit(x, 'accused', y, verb, 'say-charge', '112', { topicOk: false, modality: { negated: charged.negated, hypothetical: charged.hypothetical || speakers.hypothetical } });
          // "Moskalkova said Kyiv had refused to take back its soldiers": what the refuser turned
          // down was the speaker's side's (CAMEO 12), unless the refused act names a party of its own
          // ("refused to negotiate with the M23" is read as that meeting, negated).
          if (predicate.lemma === 'refuse' && tree.child(predicate.index, 'xcomp') >= 0 && !this.namesParty(tree, predicate.index)) {
            const side = this.sidesOf(x.entity)[0];
            const refused = side !== undefined && side !== y.entity ? this.earlierActor(side, verb, verb) : x;
            if (refused) this.emit(y, 'rejected', refused, verb, 'say-refusal', '120', { topicOk: false, modality: { negated: false, hypothetical: speakers.hypothetical } });
          }
        }
      }
    }
  }

  /** Whether a said clause's verb is violence or a crime ("murdered", "fired drones at", "committed genocide"). */
  private harmDone(predicate: Token): boolean {
    const tree = this.reader?.tree;
    const lemma = verbLemmas(predicate).find((l) => HARM_PREDICATES.has(l));
    if (!tree || lemma === undefined) return false;
    if (lemma !== 'commit' && lemma !== 'make' && lemma !== 'use') return true;
    const obj = tree.child(predicate.index, 'obj');
    const object = this.tok(obj)?.lower ?? '';
    if (lemma === 'use') return BANNED_ARMS.has(object) || tree.children(obj).some((m) => (tree.deprel(m) === 'amod' || tree.deprel(m) === 'compound') && BANNED_KINDS.has(this.tok(m)?.lower ?? ''));
    return (lemma === 'commit' ? CRIME_NOUNS : FAULT_NOUNS).has(object);
  }

  /** Whether the infinitive under `verb` names an actor of its own (its objects and obliques). */
  private namesParty(tree: DependencyTree, verb: number): boolean {
    const x = tree.child(verb, 'xcomp');
    if (x < 0) return false;
    const within = (h: number, depth: number): boolean => depth < 3 && Array.from(tree.children(h)).some((c) => {
      const r = this.refAt[c];
      return (r !== undefined && r.entityType !== 'other' && r.entityType !== 'place' && r.via !== 'pronoun') || (['obj', 'obl', 'iobj', 'nmod'].includes(tree.deprel(c)) && within(c, depth + 1));
    });
    return within(x, 0);
  }

  /**
   * Whether `y` may be `x`'s own side: a role of the document says so, or `x` is a person whose side
   * the document does not say ("Modi said India must …" would be read as an appeal to his own country).
   */
  private ownSide(x: ActorReference, y: string): boolean {
    const sides = this.sidesOf(x.entity);
    return sides.includes(y) || (x.entityType === 'person' && sides.length === 0);
  }
}
