// Relations read from the dependency tree (src/syntax): a frame's trigger verb, its subject
// (nsubj; inherited through conj, xcomp with subject or object control, relative clauses and
// participles), its object (obj, iobj, or an oblique whose preposition the frame names), the
// passive (nsubj:pass is the target, the `by` oblique the source), coordination on both ends,
// and the actor behind a common noun ("Russian delegates", "officials from Iran", "Iran's
// envoy": tree-actors.ts). Modality comes from the tree too: negation, modals, conditions and irrealis governors;
// what is said rather than done (threats, pledges) is re-read by tree-said.ts; event nouns
// ("imposed sanctions on Y", "talks between X and Y") are read by tree-nouns.ts.
// ./index.ts turns each reading into facts with the checks every fact passes.
import type { EntityType, Relation, Token } from '../types';
import type { ActorReference } from '../entities';
import type { Frame } from './frames';
import { OBJECT_TO_FILLERS, OF_HEADS, particleAt, PRIVATE_PEOPLE, VICTIM_NOUNS, SPEECH_LEMMAS, ATTACKED_ASSETS, GOODS_NOUNS, RELATIVE_PRONOUNS, SITE_PREPS, VERB_TAGS } from './words';
import { JUDGING, OBJECT_CONTROL, VISIT_FRAMES } from './frames';
import { ActorFinder, relativeAntecedent, type ListExpander } from './tree-actors';
import { finite, hypothetical, inflected, negated } from './tree-modality';
import { AUTHORING_VERBS, DOCUMENT_NOUNS, documentOwner } from './tree-repairs';
import { DependencyTree } from './dependency-tree';
export { DependencyTree } from './dependency-tree';
export { cancelled, hypothetical, inflected, MODALS, negated, NEGATORS } from './tree-modality';

/** The part of a frame a reading carries on: what relation, which rule, and what a target may be. */
export interface ReadFrame {
  readonly id: string;
  readonly relation: Relation;
  readonly cameo: string;
  readonly topicTarget?: boolean;
  readonly targetTypes?: readonly EntityType[];
}

/** What the tree says about one trigger and frame. */
export interface TreeReading {
  readonly trigger: Token;
  readonly frame: ReadFrame;
  readonly sources: readonly ActorReference[];
  readonly targets: readonly ActorReference[];
  /** No target: coordinated sources act on each other ("X and Y met"). */
  readonly mutual: boolean;
  readonly negated: boolean;
  readonly hypothetical: boolean;
  /** The event noun of a collocation or light verb ("imposed *sanctions* on", "held *talks* with"). */
  readonly noun?: Token;
  /** Ends found behind a member noun ("the *Ukrainian* delegation"), not named as the argument itself. */
  readonly indirect?: ReadonlySet<ActorReference>;
}

/**
 * What every reading needs: the trees, the actor reference covering each token, the names inside
 * title phrases, and the word-list reader for coordinations.
 */
export interface TreeContext {
  readonly tree: DependencyTree;
  readonly refAt: readonly (ActorReference | undefined)[];
  /** Names inside title phrases ("the *Kremlin* leader"): no actors, but they say whose a member noun is. */
  readonly modifierAt: readonly (ActorReference | undefined)[];
  readonly expand: ListExpander;
}

/** An actor that can act: places and topics do not. */
export function canAct(r: ActorReference): boolean {
  return r.entityType !== 'other' && r.entityType !== 'place';
}


/** Verbs by which one commands forces to act: "ordered the army to strike". */
const COMMANDING_VERBS: ReadonlySet<string> = new Set(['order', 'instruct', 'direct', 'command', 'authorise', 'authorize', 'tell']);
/** Common nouns for a side's armed forces. */
const FORCES_NOUNS: ReadonlySet<string> = new Set(['military', 'army', 'troops', 'forces', 'navy', 'jets', 'soldiers', 'units']);

/** "had been encouraged by Wenger's support": a passive without the complement its frame needs ("to …") asks nothing. */
export function passiveWithoutComplement(tree: DependencyTree, i: number, frame: Frame): boolean {
  if (!frame.after || agentOf(tree, i) < 0 || (tree.child(i, 'aux:pass') < 0 && tree.child(i, 'nsubj:pass') < 0)) return false;
  return !Array.from(tree.children(i)).some((c) => tree.deprel(c) === 'xcomp' || (tree.deprel(c) === 'advcl' && frame.after?.includes(tree.tokens[tree.child(c, 'mark')]?.lower ?? '')));
}

/**
 * Reads a frame at one trigger from the tree; undefined when the tree gives no reading (the token
 * walks may still find one). `refAt` maps a token to the actor reference covering it.
 */
export function readFrame(ctx: TreeContext, trigger: Token, frame: Frame): TreeReading | undefined {
  const { tree } = ctx;
  const i = trigger.index;
  const rel = tree.deprel(i);
  // "the proposed truce", "a peace-keeping force": an attributive word names a thing.
  if (rel === 'amod' || rel === 'compound' || rel === 'det' || rel === 'case' || ctx.refAt[i]) return undefined;
  if (!VERB_TAGS.has(tree.upos(i))) return undefined;
  const actors = new ActorFinder(ctx);
  // ("was fined and severely reprimanded by the FA": a conjunct with an agent shares its head's passive,
  // which the parser may make a copula's adjective.)
  const head = tree.head(i);
  const conjPassive = rel === 'conj' && tree.child(i, 'nsubj') < 0 && agentOf(tree, i) >= 0 && (tree.child(head, 'aux:pass') >= 0 || tree.child(head, 'cop') >= 0);
  const passive = tree.child(i, 'nsubj:pass') >= 0 || tree.child(i, 'aux:pass') >= 0 || (rel === 'acl' && agentOf(tree, i) >= 0) || conjPassive;
  let sources: ActorReference[];
  let targets: ActorReference[];
  if (passive) {
    const agent = agentOf(tree, i);
    if (agent < 0) return undefined;
    sources = actors.at(agent);
    // (A conjunct's patient is its head's: "Wenger … was fined and reprimanded by the FA".)
    const patient = !conjPassive ? tree.child(i, 'nsubj:pass') : tree.child(head, 'nsubj:pass') >= 0 ? tree.child(head, 'nsubj:pass') : subjectHeads(tree, head)[0] ?? -1;
    targets = patient >= 0 ? actors.at(patient) : rel === 'acl' ? actors.at(tree.head(i)) : [];
  } else {
    sources = subjectHeads(tree, i).flatMap((h) => actors.at(h));
    // "Katz ordered the military to strike targets in Tehran": forces ordered to act act for the one
    // who orders, when the text names no state of theirs.
    if (sources.length === 0 && rel === 'xcomp' && COMMANDING_VERBS.has(tree.tokens[tree.head(i)]?.lemma ?? '')) {
      const forces = tree.child(tree.head(i), 'obj');
      if (forces >= 0 && FORCES_NOUNS.has(tree.tokens[forces]?.lower ?? '') && actors.at(forces).length === 0) sources = subjectHeads(tree, tree.head(i)).flatMap((h) => actors.at(h));
    }
    const heads = objectHeads(tree, i, frame);
    // "recognised the victory of Y": a frame's object noun stands for its owner, as an asset does.
    const assets = frame.objectNouns ? new Set(frame.objectNouns) : assetsOf(frame.relation);
    // (A that-clause's subject list ends at its own verb: "neither Baghdad nor Washington had …".)
    targets = heads.flatMap((h) => actors.at(h, tree.deprel(h) !== 'nsubj', assets));
    // "struck energy facilities in the Odesa region", "hit a refinery deep inside Russia": the site's
    // place hangs on the verb.
    // ("killed 30 people in Gaza": people killed in a place are an attack on it.)
    if (targets.length === 0 && frame.relation === 'attacked' && heads.some((h) => ATTACKED_ASSETS.has(tree.tokens[h]?.lower ?? '') || VICTIM_NOUNS.has(tree.tokens[h]?.lower ?? ''))) {
      for (const c of tree.children(i)) if (tree.deprel(c) === 'obl' && SITE_PREPS.has(tree.caseOf(c) ?? '')) targets.push(...actors.at(c, true, ATTACKED_ASSETS));
      // ("killed five people in Gaza" with the place on the people.)
      for (const h of heads) if (VICTIM_NOUNS.has(tree.tokens[h]?.lower ?? '')) for (const c of tree.children(h)) if (tree.deprel(c) === 'nmod' && SITE_PREPS.has(tree.caseOf(c) ?? '')) targets.push(...actors.at(c, true, ATTACKED_ASSETS));
    }
    // "offered to share its evidence with India", "promised to speed up talks with Chisinau": an
    // offer or pledge made to the party of the act it names.
    if (targets.length === 0 && (frame.relation === 'proposed' || frame.relation === 'promised')) targets = partiesOfInfinitive(tree, i).flatMap((h) => actors.at(h, true));
    // "condemned the attack by Y", "welcomed the offer from Y", "praised the efforts of Y": a
    // judgement of an act is one of its author.
    if (!targets.some((r) => r.entityType !== 'other') && JUDGING.has(frame.relation) && !frame.objectNouns) {
      // "X and Y welcomed their resumption of ties with Z": the subjects' own act names no other author.
      const own = new Set(sources.map((r) => r.entity));
      // ("agreed a takeover by Y" is no agreeing with Y: a frame read through its preposition judges no object.)
      const authors = authorsOfObject(tree, i, frame.direct ? undefined : frame.preps, frame.direct === true || !frame.preps).flatMap((h) => (tree.deprel(h) === 'compound' || tree.deprel(h) === 'amod' ? modifierActor(ctx, h) : actors.at(h, true)));
      if (authors.length > 0 && !authors.some((r) => own.has(r.entity) || r.via === 'pronoun')) targets = authors;
    }
    // The word after the object phrase: its head noun ends it ("pressed Russian officials to …").
    if (targets.length > 0 && frame.after && !followedBy(tree, Math.max(...targets.map((t) => t.lastToken), ...heads) + 1, frame.after)) return undefined;
  }
  // ("France and Britain told their citizens to leave": a group's own "their" is each member's own,
  // no other member's; "each other's" is the pair's reciprocal.)
  const group = new Set(sources.map((r) => r.entity));
  if (group.size > 1) targets = targets.filter((r) => !(r.via === 'pronoun' && r.possessive && group.has(r.entity) && tree.tokens[r.firstToken]?.lower === 'their'));
  // Only actors act, and a topic is a target only where the frame allows one ("backed the plan").
  sources = sources.filter(canAct);
  if (frame.topicTarget !== true) targets = targets.filter((r) => r.entityType !== 'other');
  if (sources.length === 0) return undefined;
  // "Qatar, which hosts American troops": a garrison stationed, not a visit received.
  if (frame.id === 'host' && objectHeads(tree, i, frame).some((h) => STATIONED.has(tree.tokens[h]?.lower ?? ''))) return undefined;
  // "left the way open for Y", "sent troops to Y": with an object of its own, a visit verb sends or leaves something.
  if (VISIT_FRAMES.has(frame.id) && hasObject(tree, i)) return undefined;
  const mutual = targets.length === 0 && frame.mutual === true && sources.length > 1 && !hasObject(tree, i) && !hasComplement(tree, i, frame);
  if (targets.length === 0 && !mutual) return undefined;
  return { trigger, frame, sources, targets, mutual, negated: negated(tree, i), hypothetical: hypothetical(tree, i), indirect: actors.indirect };
}

/** The actors that do what a verb says, with its negation and modality: for readers outside this file. */
export function readSubjects(ctx: TreeContext, verb: Token): { readonly sources: readonly ActorReference[]; readonly negated: boolean; readonly hypothetical: boolean } {
  const actors = new ActorFinder(ctx);
  const sources = subjectHeads(ctx.tree, verb.index).flatMap((h) => actors.at(h)).filter(canAct);
  return { sources, negated: negated(ctx.tree, verb.index), hypothetical: hypothetical(ctx.tree, verb.index) };
}

/** A country's people, whose going somewhere is not the state's visit. */
const CIVILIANS: ReadonlySet<string> = new Set(['citizens', 'nationals', 'residents', 'people', 'population', 'tourists', 'travellers', 'travelers', 'students', 'pilgrims']);

/** "urged its citizens to avoid travelling to Japan": whether the verb's subject is a country's people, not its state. */
export function civilianSubject(tree: DependencyTree, verb: Token): boolean {
  return subjectHeads(tree, verb.index).some((h) => CIVILIANS.has(tree.tokens[h]?.lower ?? ''));
}

/** What a country hosts that is stationed there rather than visiting: troops, bases. */
const STATIONED: ReadonlySet<string> = new Set(['troops', 'forces', 'soldiers', 'base', 'bases', 'personnel', 'garrison', 'contingent', 'refugees', 'migrants']);

/** The with/to/between parties of a verb's to-infinitive, on it or on its object ("to hold talks with Y"). */
function partiesOfInfinitive(tree: DependencyTree, i: number): number[] {
  const x = tree.child(i, 'xcomp');
  if (x < 0 || !tree.infinitive(x)) return [];
  const out: number[] = [];
  const party = (c: number): boolean => PARTY_PREPS.has(tree.caseOf(c) ?? '');
  // "pledged to give the UN safe passage", "offered to hand them over to Kim": whom a thing is given to.
  const giving = GIVING_VERBS.has(tree.tokens[x]?.lemma ?? '');
  for (const c of tree.children(x)) {
    const d = tree.deprel(c);
    if (d === 'obl' && (party(c) || (giving && tree.caseOf(c) === 'to'))) out.push(c);
    if (d === 'iobj' && giving) out.push(c);
    if (d === 'obj') for (const m of tree.children(c)) if ((tree.deprel(m) === 'nmod' || tree.deprel(m) === 'obl') && (party(m) || (giving && tree.caseOf(m) === 'to'))) out.push(m);
  }
  return out;
}

/** Verbs of giving, whose indirect object or to-phrase receives what is promised or offered. */
const GIVING_VERBS: ReadonlySet<string> = new Set(['give', 'grant', 'hand', 'offer', 'provide', 'guarantee', 'allow', 'return', 'transfer', 'deliver']);

/** Prepositions that name the other party of an act: "share with Y" ("mediate between X and Y" offers no one anything: CAMEO 045 is the mediation). */
const PARTY_PREPS: ReadonlySet<string> = new Set(['with']);

/** A noun phrase with no determiner, number or possessor: "Putin", not "her Oscar" or "three nominations". */
function bare(tree: DependencyTree, h: number): boolean {
  // ("suspended the BBC", "received the Dalai Lama": a name's own "the" still names it bare.)
  for (const c of tree.children(h)) if (c < h && ['det', 'nummod', 'nmod:poss', 'compound', 'amod'].includes(tree.deprel(c)) && !(tree.deprel(c) === 'det' && tree.tokens[c]?.lower === 'the')) return false;
  return tree.upos(h) === 'PROPN';
}

/** A state or body named as a noun's modifier ("the EU tariffs", "the Russian strikes"), as an actor. */
function modifierActor(ctx: TreeContext, h: number): ActorReference[] {
  const r = ctx.refAt[h];
  return r && (r.entityType === 'country' || r.entityType === 'organization') ? [{ ...r, modifier: false }] : [];
}

/** The `by` oblique of a passive: "was attacked by Y". */
export function agentOf(tree: DependencyTree, i: number): number {
  for (const c of tree.children(i)) {
    const d = tree.deprel(c);
    if (d === 'obl:agent' || ((d === 'obl' || d === 'nmod') && tree.caseOf(c) === 'by')) return c;
  }
  return -1;
}

/** The by/from/of phrases on the verb's object: the author of the act it names. */
function authorsOfObject(tree: DependencyTree, i: number, preps?: readonly string[], objects = true): number[] {
  const out: number[] = [];
  let object = false;
  for (const c of tree.children(i)) {
    // "complained of Israeli violations": a prepositional frame's object is its oblique.
    if (!(objects && tree.deprel(c) === 'obj') && !(preps && tree.deprel(c) === 'obl' && preps.includes(tree.caseOf(c) ?? ''))) continue;
    object = true;
    // ("accused Britain's top sprinters": people who act for themselves are no owner's act.)
    if (PRIVATE_PEOPLE.has(tree.tokens[c]?.lower ?? '')) continue;
    // "the efforts of Y" names their author; "the invasion of Iraq" its victim (OF_HEADS).
    const ofOk = OF_HEADS.has(tree.tokens[c]?.lower ?? '');
    // "rejected talks with Y", "condemned the cooperation between X and Y": the other parties of an interaction.
    const interaction = INTERACTION_NOUNS.has(tree.tokens[c]?.lower ?? '');
    for (const m of tree.children(c)) {
      // "backed the EU tariffs", "condemned the Russian strikes": a state or body named before the act is its author.
      if ((tree.deprel(m) === 'compound' || tree.deprel(m) === 'amod') && m < c) {
        out.push(m);
        continue;
      }
      const prep = tree.caseOf(m) ?? "'s";
      if ((tree.deprel(m) === 'nmod' || tree.deprel(m) === 'nmod:poss') && AUTHOR_PREPS.has(prep) && (prep !== 'of' || ofOk)) out.push(m);
      else if (interaction && tree.deprel(m) === 'nmod' && (prep === 'with' || prep === 'between')) out.push(m);
      // "accepted a plan put forward by Y", "rejected calls made by Y".
      else if (tree.deprel(m) === 'acl' && agentOf(tree, m) >= 0) out.push(agentOf(tree, m));
    }
  }
  // "criticised the deal as an attempt by Washington to …": the as-phrase (on the verb or on its
  // object) names the act's author.
  const asPhrases = Array.from(tree.children(i)).filter((c) => tree.deprel(c) === 'obl' && tree.caseOf(c) === 'as');
  for (const c of tree.children(i)) if (tree.deprel(c) === 'obj') for (const m of tree.children(c)) if (tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'as') asPhrases.push(m);
  for (const c of asPhrases) for (const m of tree.children(c)) if (tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'by') out.push(m);
  if (!object) return out;
  for (const c of tree.children(i)) {
    const d = tree.deprel(c);
    // The parser often hangs the object's participle or from-phrase on the verb:
    // "accepted a proposal [put forward by Y]", "rejected an invitation [from Y] to talk".
    if (d === 'xcomp' && agentOf(tree, c) >= 0 && tree.child(c, 'obj') < 0) out.push(agentOf(tree, c));
    else if (d === 'obl' && tree.caseOf(c) === 'from') out.push(c);
  }
  return out;
}

/** Nouns of an exchange between parties: judging one judges the parties named with it. */
const INTERACTION_NOUNS: ReadonlySet<string> = new Set([
  'talks', 'negotiations', 'dialogue', 'cooperation', 'deal', 'agreement', 'alliance', 'ties', 'relations', 'partnership', 'contacts', 'meeting', 'summit',
]);

/** Prepositions (and the possessive) that name the author of an act: "the attack by Y", "Y's offer". */
const AUTHOR_PREPS: ReadonlySet<string> = new Set(['by', 'from', 'of', "'s", "'"]);

/** Whether the verb has an object the reading could not resolve ("met senior officials"): then it is not mutual. */
function hasObject(tree: DependencyTree, i: number): boolean {
  for (const c of tree.children(i)) if (tree.deprel(c) === 'obj' || tree.deprel(c) === 'iobj') return true;
  return false;
}

/**
 * "X and Y agreed to continue …", "agreed on a plan": a complement or another frame's preposition
 * makes the verb transitive, so coordinated subjects do not act on each other.
 */
function hasComplement(tree: DependencyTree, i: number, frame: Frame): boolean {
  for (const c of tree.children(i)) {
    const d = tree.deprel(c);
    if (d === 'xcomp') return true;
    if ((d === 'obl' || d === 'obl:unmarked') && !(frame.preps ?? []).includes(tree.caseOf(c) ?? '') && OBJECT_PREPS.has(tree.caseOf(c) ?? '')) return true;
  }
  return false;
}

/** Verbs whose that-clause says what its subject must do: "demanded that Y withdraw". */
const DEMAND_VERBS: ReadonlySet<string> = new Set(['demand', 'insist', 'urge', 'ask', 'request', 'call']);

/** Auxiliaries by which a clause says what must be done: "should withdraw". */
export const OBLIGING_AUX: ReadonlySet<string> = new Set(['should', 'must']);

/** Verbs whose to-clause says what must be done: "would have to disarm", "needed to withdraw". */
const OBLIGING_VERBS: ReadonlySet<string> = new Set(['have', 'need']);

/** Whether a clause says what its subject must do: "should withdraw", "would have to disarm", not "did not need to". */
export function obliging(tree: DependencyTree, clause: number): boolean {
  if (tree.hasAux(clause, OBLIGING_AUX)) return true;
  // ("Britain needed a slimmer government to compete" says what it lacks, not what it must do.)
  if (!OBLIGING_VERBS.has(tree.tokens[clause]?.lemma ?? '') || negated(tree, clause) || tree.child(clause, 'obj') >= 0) return false;
  return tree.children(clause).some((c) => tree.deprel(c) === 'xcomp' && tree.children(c).some((m) => tree.deprel(m) === 'mark' && tree.tokens[m]?.lower === 'to'));
}

/** "insisted that Y withdraw / should withdraw" asks Y; "insisted that it needed access" only asserts. */
function demanded(tree: DependencyTree, verb: number, clause: number): boolean {
  if (tree.tokens[verb]?.lemma !== 'insist') return true;
  if (obliging(tree, clause)) return true;
  return !inflected(tree.tokens[clause]) && tree.child(clause, 'aux') < 0;
}

/** Prepositions that introduce what a verb acts on ("agreed to …", "agreed on …"), not when or where. */
const OBJECT_PREPS: ReadonlySet<string> = new Set(['to', 'on', 'with', 'against', 'for', 'over', 'about']);

/** Prepositions before an -ing clause whose subject is the governor's: "by expelling", "after meeting". */
const GERUND_MARKS: ReadonlySet<string> = new Set(['by', 'after', 'before', 'while', 'since', 'without', 'when', 'upon', 'on', 'in']);

/** Quantifiers the parser may hang as a second subject: "X and Y each …", "they both …". */
const FLOATING_QUANTIFIERS: ReadonlySet<string> = new Set(['each', 'both', 'all']);

/** The heads of the trigger's subject, inherited where the clause has none of its own. */
export function subjectHeads(tree: DependencyTree, i: number, depth = 0): number[] {
  if (depth > 6) return [];
  // ("Boeing is to supply 30 planes": the parser may hang the subject of "is to" as an outer one.)
  const own = tree.child(i, 'nsubj') >= 0 ? tree.child(i, 'nsubj') : tree.child(i, 'nsubj:outer');
  const rel = tree.deprel(i);
  const head = tree.head(i);
  if (own >= 0) {
    // "the envoy who met Putin": the relative pronoun stands for the noun the clause describes.
    if (RELATIVE_PRONOUNS.has(tree.tokens[own]?.lower ?? '') && relativeAntecedent(tree, i) >= 0) return [relativeAntecedent(tree, i)];
    // Two subjects are a misparse ("Serbian President Vucic met", "Tory co-chairman Liam Fox had"
    // with the title's first word as one): the last is the name.
    // ("Russia and Ukraine each handed over …": a floating quantifier is no second subject.)
    const all = Array.from(tree.children(i)).filter((c) => tree.deprel(c) === 'nsubj' && !FLOATING_QUANTIFIERS.has(tree.tokens[c]?.lower ?? ''));
    const subject = all[all.length - 1] ?? own;
    // "France, Britain and Germany warned Iran", parsed with two subjects: a comma list, not a title's word.
    const previous = all[all.length - 2];
    if (previous !== undefined && tree.tokens[subject - 1]?.value === ',' && tree.child(subject, 'conj') >= 0 && tree.upos(previous) === 'PROPN'
      && Array.from({ length: subject - 1 - previous - 1 }, (_, n) => previous + 1 + n).every((k) => tree.head(k) === previous)) {
      return [previous, subject];
    }
    // "Japan and South Korea agreed …" parsed with two subjects and the "and" under the second name.
    if (previous !== undefined && tree.upos(previous) === 'PROPN' && tree.tokens[previous + 1]?.lower === 'and' && tree.head(previous + 1) !== previous
      && Array.from({ length: subject - previous - 2 }, (_, n) => previous + 2 + n).every((k) => tree.head(k) === subject || tree.head(k) === k + 1)) {
      return [previous, subject];
    }
    // "Mali, Burkina Faso and Niger recalled …" parsed with "Mali" as a vocative: a name, a comma and
    // the subject with a conjunct of its own form one list.
    const vocative = Array.from(tree.children(i)).find((c) => tree.deprel(c) === 'vocative' && c < subject);
    if (vocative !== undefined && tree.upos(vocative) === 'PROPN' && tree.tokens[subject - 1]?.value === ',' && tree.child(subject, 'conj') >= 0
      && Array.from({ length: subject - 1 - vocative - 1 }, (_, n) => vocative + 1 + n).every((k) => tree.head(k) === vocative)) {
      return [vocative, subject];
    }
    // "Mali, Burkina Faso and Niger left Ecowas": the parser makes the list's first name the root and
    // hangs the verb under it; that name, a comma before the subject, is a subject too.
    if ((rel === 'list' || rel === 'parataxis' || rel === 'appos') && head >= 0 && head < subject && tree.upos(head) === 'PROPN'
      && tree.tokens[subject - 1]?.value === ',' && tree.child(subject, 'conj') >= 0) {
      let start = subject - 1;
      while (start > head && (tree.tokens[start]?.value === ',' || tree.head(start) === head)) start--;
      if (start === head) return [head, subject];
    }
    return [subject];
  }
  if (head < 0) return [];
  // "called the discharge selfish and accused Japan …": a finite verb the parser joined to the
  // first verb's predicate or object continues that verb's clause.
  if (rel === 'conj' && !VERB_TAGS.has(tree.upos(head)) && inflected(tree.tokens[i]) && (tree.deprel(head) === 'xcomp' || tree.deprel(head) === 'obj') && VERB_TAGS.has(tree.upos(tree.head(head)))) {
    return subjectHeads(tree, tree.head(head), depth + 1);
  }
  // "said he was ready to resume the talks …, and accused Ankara": after ", and" a finite verb the
  // parser hung on a reported predicate continues the reporting clause; without the comma it
  // shares the predicate's subject ("was furious and accused Y").
  if (rel === 'conj' && !VERB_TAGS.has(tree.upos(head)) && finite(tree.tokens[i]) && tree.child(head, 'nsubj') >= 0) {
    const top = tree.head(head);
    if (tree.deprel(head) === 'ccomp' && afterCommaAnd(tree, i) && VERB_TAGS.has(tree.upos(top))) return subjectHeads(tree, top, depth + 1);
    return subjectHeads(tree, head, depth + 1);
  }
  // "Tusk said Warsaw would keep the crossings shut until Belarus ended …, and accused Russia …": a
  // conjunct after ", and" that the parser hung on a subordinate clause (until, because, after …)
  // continues the sentence's main clause.
  // (So does one hung on an infinitive inside such a clause: "after he ignored an invitation to meet Y, and accused Z".)
  if (rel === 'conj' && VERB_TAGS.has(tree.upos(head)) && afterCommaAnd(tree, i) && (subordinate(tree, head) || (tree.infinitive(head) && subordinate(tree, tree.head(head))))) {
    let top = head;
    while (tree.head(top) >= 0 && CLAUSE_LINKS.has(tree.deprel(top))) top = tree.head(top);
    if (top !== head && VERB_TAGS.has(tree.upos(top))) return subjectHeads(tree, top, depth + 1);
  }
  if (rel === 'conj' && VERB_TAGS.has(tree.upos(head))) {
    // "accused Serbia of backing groups and refused to meet Y": a finite verb conjoined to the
    // charge's -ing is the main clause's, misattached.
    const ing = /ing$/.test(tree.tokens[head]?.lower ?? '') && tree.deprel(head) === 'acl';
    const noun = tree.head(head);
    const clause = tree.head(noun);
    if (ing && inflected(tree.tokens[i]) && !/ing$/.test(tree.tokens[i]?.lower ?? '') && clause >= 0 && VERB_TAGS.has(tree.upos(clause))) return subjectHeads(tree, clause, depth + 1);
    // "said the US would never get Greenland and urged Washington to …": an inflected verb
    // conjoined to a reported bare one continues the reporting clause.
    const reported = tree.deprel(head) === 'ccomp' || tree.deprel(head) === 'xcomp';
    // "said Chisinau wanted to force a surrender and urged Russia to …": an appeal or a charge joined
    // to what a speaker said is the speaker's own act, not the reported subject's.
    let said = head;
    while (tree.deprel(said) === 'xcomp' && tree.head(said) >= 0) said = tree.head(said);
    const speaker = tree.tokens[tree.head(said)];
    if (tree.deprel(said) === 'ccomp' && speaker && SPEECH_LEMMAS.has(speaker.lemma) && SPEAKER_ACTS.has(tree.tokens[i]?.lemma ?? '') && finite(tree.tokens[i])) return subjectHeads(tree, speaker.index, depth + 1);
    if (reported && finite(tree.tokens[i]) && !finite(tree.tokens[head]) && VERB_TAGS.has(tree.upos(tree.head(head)))) return subjectHeads(tree, tree.head(head), depth + 1);
    return subjectHeads(tree, head, depth + 1);
  }
  // "pressed Macron to back the plan" (an infinitive the parser may hang as a purpose clause);
  // "travelled to Paris to meet Y": a purpose infinitive shares its governor's subject.
  if (tree.infinitive(i)) {
    // "urged Moscow to agree": the object of an appeal verb does what it is urged to.
    const governor = tree.tokens[head];
    if (governor && OBJECT_CONTROL.has(governor.lemma)) {
      const object = tree.child(head, 'obj') >= 0 ? tree.child(head, 'obj') : tree.child(head, 'iobj');
      if (object >= 0) return [object];
    }
    return subjectHeads(tree, head, depth + 1);
  }
  // "…, accusing Y of …": a participle clause shares its governor's subject; so does one opened by a
  // preposition ("retaliated by expelling Y", "after meeting Y"), but "accused Y of / criticised Y
  // for backing Z" says what the governor's object did.
  if (rel === 'advcl' && /ing$/.test(tree.tokens[i]?.lower ?? '')) {
    const mark = tree.tokens[tree.child(i, 'mark')]?.lower;
    // "threw out Sudan's case accusing the UAE": a participle right after an owned document the
    // parser hung on the verb says what the document's owner does.
    const owner = documentOwner(tree, tree.child(head, 'obj'), i);
    if (mark === undefined && owner >= 0) return [owner];
    if (mark === undefined || GERUND_MARKS.has(mark)) return subjectHeads(tree, head, depth + 1);
    const object = tree.child(head, 'obj');
    if ((mark === 'of' || mark === 'for') && object >= 0 && object < i) return [object];
    // "barred Y from attending": the object is kept from it; "refrained from criticising Y": the subject is.
    if (mark === 'from') return object >= 0 && object < i ? [object] : subjectHeads(tree, head, depth + 1);
  }
  // "troops attacking the town": the noun a present participle describes acts; "Sudan's case
  // accusing Y": a document's owner does.
  if (rel === 'acl' && /ing$/.test(tree.tokens[i]?.lower ?? '')) {
    const owner = documentOwner(tree, head, i);
    if (owner >= 0) return [owner];
    // "China filed a complaint accusing the US": the document's author is who filed it.
    const verb = tree.head(head);
    if (DOCUMENT_NOUNS.has(tree.tokens[head]?.lower ?? '') && tree.deprel(head) === 'obj' && AUTHORING_VERBS.has(tree.tokens[verb]?.lemma ?? '')) return subjectHeads(tree, verb, depth + 1);
    return [head];
  }
  // "Russian drones struck facilities" misparsed as a reduced relative: a participle does not take an object.
  if (rel === 'acl' && tree.child(i, 'obj') >= 0 && inflected(tree.tokens[i])) return [head];
  if (depth === 0) return rootSubject(tree, i);
  return [];
}

/**
 * "President Maduro, whose victory was rejected by …, accused Y": past a long relative clause the
 * parser makes the name the root and hangs the main verb under the clause. A finite verb with no
 * subject of its own, not subordinated (no mark), under a nominal root before it: the root is its subject.
 */
function rootSubject(tree: DependencyTree, i: number): number[] {
  const rel = tree.deprel(i);
  if (!(rel === 'advcl' || rel === 'parataxis' || rel === 'conj') || tree.child(i, 'mark') >= 0 || !inflected(tree.tokens[i]) || /ing$/.test(tree.tokens[i]?.lower ?? '')) return [];
  let root = i;
  for (let n = 0; n < 12 && tree.head(root) >= 0; n++) root = tree.head(root);
  if (root >= i || tree.head(root) >= 0 || !(tree.upos(root) === 'PROPN' || tree.upos(root) === 'NOUN')) return [];
  return [root];
}

/** The heads of the trigger's targets: direct objects when the frame takes them, obliques with the frame's prepositions. */
function objectHeads(tree: DependencyTree, i: number, frame: Frame): number[] {
  const direct = frame.preps === undefined || frame.direct === true;
  const out: number[] = [];
  let requiredSeen = frame.requires === undefined;
  // "would help and criticised Russia": an object after a coordinated verb is that verb's.
  let nextVerb = Number.MAX_SAFE_INTEGER;
  for (const c of tree.children(i)) if (c > i && tree.deprel(c) === 'conj' && VERB_TAGS.has(tree.upos(c))) nextVerb = Math.min(nextVerb, c);
  for (const c of tree.children(i)) {
    const d = tree.deprel(c);
    if (c > nextVerb) continue;
    if ((d === 'obj' || d === 'iobj') && frame.requires?.includes(tree.tokens[c]?.lower ?? '')) {
      requiredSeen = true;
      // "sent a message to X": the preposition may hang on the noun.
      for (const m of tree.children(c)) if (tree.deprel(m) === 'nmod' && frame.preps?.includes(tree.caseOf(m) ?? '')) out.push(m);
      continue;
    }
    if ((d === 'obj' || d === 'iobj') && direct && frame.requires === undefined) {
      if ((!frame.objectNouns || frame.objectNouns.includes(tree.tokens[c]?.lower ?? '')) && (!frame.bareTarget || bare(tree, c))) out.push(c);
    }
    // "demanded that Meta change its model", "insisted that Y withdraw": the one asked is the clause's subject.
    else if (d === 'ccomp' && frame.relation === 'urged' && DEMAND_VERBS.has(tree.tokens[i]?.lemma ?? '') && tree.child(c, 'nsubj') >= 0 && demanded(tree, i, c)) out.push(tree.child(c, 'nsubj'));
    else if ((d === 'obl' || d === 'obl:unmarked') && frame.preps?.includes(tree.caseOf(c) ?? '')) {
      // ("stand by the Church in its feud with Pashinyan": a frame whose preposition follows the verb
      // takes the phrase right after it, not a later one the parser hung on the verb too.)
      if (frame.prepAdjacent === true && adjacentPhraseOf(tree, i) >= 0 && adjacentPhraseOf(tree, i) !== c) continue;
      out.push(c);
    }
    // "complained that neither Baghdad nor Washington had consulted it": the clause's subject is complained of.
    else if (d === 'ccomp' && frame.clauseTarget === true && tree.child(c, 'nsubj') >= 0) out.push(tree.child(c, 'nsubj'));
  }
  // "pledged to help rebuild Syria": help's own infinitive holds the one helped.
  if (out.length === 0 && frame.relation === 'aided' && direct) {
    const x = tree.child(i, 'xcomp');
    if (x >= 0 && tree.child(x, 'obj') >= 0 && tree.child(x, 'mark') < 0) out.push(tree.child(x, 'obj'));
  }
  return requiredSeen ? out : [];
}


/** Acts of speech a speaker adds to what they said ("said …, and urged Y to …"). */
const SPEAKER_ACTS: ReadonlySet<string> = new Set(['urge', 'accuse', 'warn', 'demand', 'appeal', 'condemn', 'criticise', 'criticize', 'blame', 'praise', 'thank', 'denounce', 'vow', 'pledge', 'threaten']);

/** How a clause hangs inside another, up to the sentence's main clause. */
const CLAUSE_LINKS: ReadonlySet<string> = new Set(['advcl', 'ccomp', 'xcomp', 'conj']);
/** Marks of an adverbial clause a ", and" conjunct may be misattached to (not if or that: words.ts SUBORDINATORS is wider). */
const ADVERBIAL_MARKS: ReadonlySet<string> = new Set(['until', 'because', 'after', 'before', 'when', 'while', 'since', 'although', 'though', 'unless', 'once']);

/** A clause opened by a subordinating conjunction ("until Belarus ended …"). */
function subordinate(tree: DependencyTree, i: number): boolean {
  return tree.deprel(i) === 'advcl' && Array.from(tree.children(i)).some((c) => tree.deprel(c) === 'mark' && ADVERBIAL_MARKS.has(tree.tokens[c]?.lower ?? ''));
}

/** A conjunct introduced by ", and" / ", but". */
function afterCommaAnd(tree: DependencyTree, i: number): boolean {
  const cc = tree.child(i, 'cc');
  return cc >= 0 && ['and', 'but'].includes(tree.tokens[cc]?.lower ?? '') && tree.tokens[cc - 1]?.value === ',';
}


/** Nouns that stand for their owner as the target of a relation: "struck Houthi targets", "tariffs on Chinese imports". */
export function assetsOf(relation: Relation): ReadonlySet<string> | undefined {
  return relation === 'attacked' ? ATTACKED_ASSETS : relation === 'sanctioned' ? GOODS_NOUNS : undefined;
}

/** Whether the word at `at` is one of `words`, or "to" is after a time phrase there ("asked Y days earlier to …"). */
function followedBy(tree: DependencyTree, at: number, words: readonly string[]): boolean {
  if (words.includes(tree.tokens[at]?.lower ?? '')) return !particleAt(tree.tokens, at);
  let p = at;
  while (OBJECT_TO_FILLERS.has(tree.tokens[p]?.lower ?? '') && p - at < 4) p++;
  return p > at && words.includes('to') && tree.tokens[p]?.lower === 'to';
}

/** The oblique of verb `i` whose preposition comes right after it (past adverbs and particles), or -1. */
function adjacentPhraseOf(tree: DependencyTree, i: number): number {
  let k = i + 1;
  while (tree.tokens[k] && (tree.upos(k) === 'ADV' || tree.upos(k) === 'PART') && tree.tokens[k]?.lower !== 'to') k++;
  if (tree.upos(k) !== 'ADP') return -1;
  const phrase = tree.head(k);
  return phrase >= 0 && tree.head(phrase) === i && tree.deprel(phrase).startsWith('obl') ? phrase : -1;
}
