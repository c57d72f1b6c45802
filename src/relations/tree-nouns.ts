// Event nouns read from the tree: a verb and its event noun ("imposed sanctions on Y", "held talks
// with Y") and a noun on its own ("an Israeli strike on the consulate", "talks between X and Y").
// tree.ts reads verbs; this file reads the nouns that carry an act.
import type { Token } from '../types';
import type { ActorReference } from '../entities';
import { COLLOCATION_FRAMES, JUDGING, type CollocationFrame, type NounFrame } from './frames';
import { ANNOUNCING_VERBS, DEFERRING_VERBS, GOODS_NOUNS, IRREALIS_VERBS, RELATIVE_PRONOUNS, SPEECH_LEMMAS, verbIn, VERB_TAGS, WISH_NOUNS } from './words';
import { ActorFinder, leftmost } from './tree-actors';
import {
  agentOf, assetsOf, canAct, cancelled, hypothetical, negated, NEGATORS, subjectHeads, type DependencyTree, type ReadFrame, type TreeContext, type TreeReading,
} from './tree';

/**
 * "imposed sanctions on Y", "launched strikes against Y", "retaliated with tariffs on Y": a verb
 * and its event noun (its object, or a `with` oblique) say the act; the target hangs on the noun
 * or on the verb. `reverse`: the target is the source ("received aid from Y").
 */
export function readCollocation(ctx: TreeContext, verb: Token, frame: CollocationFrame): TreeReading | undefined {
  const nouns = new Set(frame.nouns);
  const noun = eventNoun(ctx.tree, verb.index, (w) => nouns.has(w));
  if (noun < 0) return undefined;
  return readNounEvent(ctx, verb, noun, { ...frame, reverse: frame.reverse === true, mutual: frame.mutual === true }, frame.hypothetical === true, false);
}

/** "Witkoff held talks with Putin", "X and Y held talks": a light verb's subject takes part in its event noun. */
export function readLightVerb(ctx: TreeContext, verb: Token, noun: number, frame: NounFrame): TreeReading | undefined {
  // "Egypt hosted talks between Hamas and Fatah": the host meets each side of the talks it holds
  // (and does not bind itself by a pact it brokers: CAMEO 045, mediate).
  if (frame.between) return HOSTING_VERBS.has(verb.lemma) ? readNounEvent(ctx, verb, noun, { ...frame, relation: 'met', cameo: frame.relation === 'met' ? frame.cameo : '045', reverse: false, mutual: false }, false, true) : undefined;
  // ("pressed him to end the war in Gaza": a war's side is its owner, never a light verb's subject.)
  if (frame.possessorOnly === true && frame.relation === 'attacked') return undefined;
  const received = frame.receivedWith?.includes(verb.lemma) === true && ctx.tree.caseOf(noun) === undefined;
  return readNounEvent(ctx, verb, noun, { ...frame, reverse: received, mutual: frame.mutual === true }, false, true);
}

/** Nouns under which a pact is still sought: "talks on a deal", "a proposal for a truce". */
const SOUGHT_UNDER: ReadonlySet<string> = new Set(['talks', 'negotiations', 'proposal', 'plan', 'push', 'efforts', 'effort', 'hopes', 'bid', 'call', 'calls', 'framework', 'draft', 'prospects']);

/** Prepositions of an event that came before the verb's act or is its occasion: "after talks with Y", "at a summit with Y". */
const PAST_EVENT_CASES: ReadonlySet<string> = new Set(['after', 'following', 'at', 'during']);
const FUTURE_AUX: ReadonlySet<string> = new Set(['will', 'shall', "'ll"]);

/** Verbs whose subject holds the talks between others it names: a host or a mediator. */
const HOSTING_VERBS: ReadonlySet<string> = new Set(['host', 'chair', 'convene', 'broker', 'mediate', 'organise', 'organize', 'arrange']);

/** The verb's object (or `with` oblique) whose word passes the test, or -1. */
export function eventNoun(tree: DependencyTree, verb: number, test: (word: string) => boolean): number {
  for (const c of tree.children(verb)) {
    const d = tree.deprel(c);
    // "held a face-to-face meeting": the hyphenated adjective's "to" misread as the noun's preposition.
    const hyphenated = d === 'obl' && tree.tokens[c - 2]?.value === '-' && tree.child(c, 'compound') === c - 1;
    // ("came under attack from Y": the noun under the verb.)
    if (!(d === 'obj' || d === 'nsubj:pass' || (d === 'obl' && (tree.caseOf(c) === 'with' || tree.caseOf(c) === 'under')) || hyphenated)) continue;
    const word = tree.tokens[c]?.lower ?? '';
    if (test(word)) return c;
    // "a new package of sanctions", "a second round of talks": the noun inside a measure of it.
    if (CONTAINER_NOUNS.has(word)) {
      for (const m of tree.children(c)) if ((tree.deprel(m) === 'nmod' || tree.deprel(m) === 'obl') && tree.caseOf(m) === 'of' && test(tree.tokens[m]?.lower ?? '')) return m;
    }
  }
  // "the defence treaty that Putin and Kim signed", "a pact the islands had struck with Beijing": the
  // noun a relative clause describes is the verb's object.
  const head = tree.head(verb);
  if (tree.deprel(verb) === 'acl:relcl' && head >= 0 && test(tree.tokens[head]?.lower ?? '') && tree.child(verb, 'nsubj') >= 0 && tree.child(verb, 'obj') < 0) return head;
  const relative = tree.child(verb, 'obj');
  if (tree.deprel(verb) === 'acl:relcl' && head >= 0 && relative >= 0 && ['that', 'which'].includes(tree.tokens[relative]?.lower ?? '') && test(tree.tokens[head]?.lower ?? '')) return head;
  return -1;
}

/** Words before "strike" that make it a protest, not an attack: "hunger strike", "general strike". */
const PROTEST_STRIKES: ReadonlySet<string> = new Set(['hunger', 'general', 'labour', 'labor', 'rail', 'workers', 'teachers', 'doctors', 'nurses', 'tube', 'postal', 'national']);

/** How an event noun hangs on the verb whose modality it shares. */
/** Verbs that say where goods come from: "cars made in China", "steel imported from Y". */
const MADE_VERBS: ReadonlySet<string> = new Set(['make', 'produce', 'manufacture', 'build', 'grow', 'assemble', 'import', 'ship', 'source', 'export']);
/**
 * "a 100% tariff on electric vehicles made in China", "duties on steel imported from Y": goods told
 * with where they are made or shipped from name the country a measure on them strikes. The heads of
 * those in-, from- or by-phrases, for the goods' participles (and, as the parser may hang "made in
 * China" on the clause's verb, a subjectless adverbial clause of `verb` after `noun`).
 */
function madeIn(tree: DependencyTree, goods: readonly number[], verb: number, noun: number): number[] {
  if (goods.length === 0) return [];
  const loose = verb >= 0 ? Array.from(tree.children(verb)).filter((c) => tree.deprel(c) === 'advcl' && tree.child(c, 'nsubj') < 0 && c > noun) : [];
  const out: number[] = [];
  // (Or on the measure itself: "a tariff on cars made in China" with "made" under "tariff".)
  const own = noun >= 0 ? Array.from(tree.children(noun)).filter((c) => tree.deprel(c) === 'acl' && c > (goods[0] as number)) : [];
  for (const made of [...goods.flatMap((g) => Array.from(tree.children(g)).filter((c) => tree.deprel(c) === 'acl')), ...own, ...loose]) {
    if (!MADE_VERBS.has(tree.tokens[made]?.lemma ?? '')) continue;
    for (const c of tree.children(made)) if ((tree.deprel(c) === 'obl' || tree.deprel(c) === 'nmod') && ['in', 'from', 'by'].includes(tree.caseOf(c) ?? '')) out.push(c);
  }
  return out;
}
const NOUN_UNDER_VERB: ReadonlySet<string> = new Set(['obj', 'obl', 'obl:unmarked', 'nsubj:pass', 'xcomp']);

/** Prepositions that make a clause's subject a party to the event noun they govern: "said after talks with Y". */
const PARTAKING_CASES: ReadonlySet<string> = new Set(['for', 'after', 'following', 'during', 'at', 'in']);

/** Nouns that measure an act or a thing: the act is in their of-phrase. */
const CONTAINER_NOUNS: ReadonlySet<string> = new Set(['package', 'round', 'wave', 'series', 'set', 'raft', 'batch', 'tranche', 'slew', 'string', 'barrage', 'volley',
  // a share of it: "suspended most of its aid to Niger"
  'most', 'much', 'all', 'part', 'half', 'bulk', 'some', 'rest',
  // its coming back: "triggered the return of UN sanctions on Iran"
  'return', 'reimposition', 'restoration']);

interface NounEventFrame extends ReadFrame {
  readonly preps: readonly string[];
  readonly reverse: boolean;
  readonly mutual: boolean;
  readonly undone?: true;
}

/** `light`: the noun carries the act and is the trigger ("held *talks*"); else the verb does ("*imposed* sanctions"). */
function readNounEvent(ctx: TreeContext, verb: Token, noun: number, frame: NounEventFrame, asked: boolean, light: boolean): TreeReading | undefined {
  const { tree } = ctx;
  const i = verb.index;
  if (!VERB_TAGS.has(tree.upos(i)) || ctx.refAt[i]) return undefined;
  // ("began a hunger strike in a prison": a strike of protest, no attack.)
  if (frame.relation === 'attacked' && tree.children(noun).some((c) => tree.deprel(c) === 'compound' && PROTEST_STRIKES.has(tree.tokens[c]?.lower ?? ''))) return undefined;
  const actors = new ActorFinder(ctx);
  const assets = assetsOf(frame.relation);
  // The target's preposition hangs on the noun ("sanctions on Y") or on the verb ("imposed … on Y").
  const targetHeads: number[] = [];
  // "pledged $2bn in aid to Y": the measure's in-phrase holds the act and its target.
  const owners: Array<readonly [number, readonly string[]]> = [[noun, ['nmod', 'obl']], [i, ['obl']]];
  // "duties of up to 38 percent on Y": so does a rate's of-phrase.
  for (const c of tree.children(noun)) if (tree.deprel(c) === 'nmod' && (tree.caseOf(c) === 'in' || (tree.caseOf(c) === 'of' && RATE_NOUNS.has(tree.tokens[c]?.lower ?? '')))) owners.push([c, ['nmod']]);
  // "halted all exports to and imports from Israel": a conjoined noun shares the act and has its own phrase.
  for (const c of tree.children(noun)) if (tree.deprel(c) === 'conj' && tree.upos(c) === 'NOUN') owners.push([c, ['nmod']]);
  for (const [owner, rels] of owners) {
    for (const c of tree.children(owner)) if ((rels as readonly string[]).includes(tree.deprel(c)) && frame.preps.includes(tree.caseOf(c) ?? '')) targetHeads.push(c);
  }
  // "restrictions on the sale of chip software to China": a measure on a trade falls on the country
  // the goods go to or come from.
  // (The parser hangs the to-phrase on the goods as often: "on exports of chips to China".)
  const flowPhrase = (c: number): boolean => ['nmod', 'obl'].includes(tree.deprel(c)) && ['to', 'from', 'with'].includes(tree.caseOf(c) ?? '');
  for (const h of [...targetHeads]) {
    if (!TRADE_FLOWS.has(tree.tokens[h]?.lower ?? '')) continue;
    for (const c of tree.children(h)) {
      if (flowPhrase(c)) targetHeads.push(c);
      else if (tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'of') for (const g of tree.children(c)) if (flowPhrase(g)) targetHeads.push(g);
    }
  }
  // "imposed a tariff on goods from Japan": the parser hangs the goods' origin on the verb.
  if (frame.relation === 'sanctioned' && targetHeads.some((h) => GOODS_NOUNS.has(tree.tokens[h]?.lower ?? ''))) {
    for (const c of tree.children(i)) if (tree.deprel(c) === 'obl' && tree.caseOf(c) === 'from' && c > noun) targetHeads.push(c);
  }
  // "a 100% tariff on electric vehicles made in China": the goods' origin.
  if (frame.relation === 'sanctioned') targetHeads.push(...madeIn(tree, targetHeads.filter((h) => tree.caseOf(h) === 'on'), i, noun));
  // "sanctions targeting Russia's fleet": the noun's participle names what it falls on.
  for (const c of tree.children(noun)) if (tree.deprel(c) === 'acl' && AIMING_VERBS.has(tree.tokens[c]?.lemma ?? '') && tree.child(c, 'obj') >= 0) targetHeads.push(tree.child(c, 'obj'));
  let targets = targetHeads.flatMap((h) => actors.at(h, true, assets));
  // "concerns about China's military activity": judging an act judges its owner.
  const owned = targets.length === 0 && JUDGING.has(frame.relation);
  if (owned) targets = targetHeads.flatMap((h) => ownersOf(tree, h)).flatMap((h) => actors.at(h, true));
  // "sanctions were imposed on Y by X": the passive's agent.
  const agent = tree.deprel(noun) === 'nsubj:pass' ? agentOf(tree, i) : undefined;
  let sources = (agent === undefined ? subjectHeads(tree, i) : agent >= 0 ? [agent] : []).flatMap((h) => actors.at(h)).filter(canAct);
  if (frame.topicTarget !== true) targets = targets.filter((r) => r.entityType !== 'other');
  // ("X and Y voiced solidarity with their neighbour": the subjects' own thing names no other owner.)
  if (owned) targets = targets.filter((t) => !sources.some((r) => r.entity === t.entity));
  if (sources.length === 0) return undefined;
  // ("Russia and China, which signed the earlier deal, …": a relative clause tells what two parties did
  // with others, not a deal between them.)
  const relativeSubject = tree.deprel(i).endsWith('relcl') && RELATIVE_PRONOUNS.has(tree.tokens[tree.child(i, 'nsubj')]?.lower ?? '');
  // ("Mali, Burkina Faso and Niger recalled their envoys": three recalling theirs did not recall them from each other.)
  const sides = new Set(sources.map((r) => r.entity)).size;
  const mutual = targets.length === 0 && frame.mutual && sides > 1 && !relativeSubject && !(frame.id === 'recall-envoys' && sides !== 2);
  if (targets.length === 0 && !mutual) return undefined;
  if (frame.reverse) [sources, targets] = [targets.filter(canAct), sources];
  if (sources.length === 0 || (targets.length === 0 && !mutual)) return undefined;
  return {
    trigger: light ? (tree.tokens[noun] ?? verb) : verb, frame, sources, targets, mutual, noun: tree.tokens[noun],
    // "pledged aid to Y", "offered talks with Y": the verb announces the act, it does not report it.
    negated: (negated(tree, i) || nounNegated(tree, noun)) !== (frame.undone === true), hypothetical: asked || announces(verb) || hypothetical(tree, i),
  };
}

/**
 * Whether a between-phrase's actors stand on two sides: "talks between producers and consumers -
 * China, India and Japan" names the consumers only, who did not talk among themselves. (With one
 * head, "between Thai and Cambodian troops", the sides are its coordinated modifiers.)
 */
function twoSides(tree: DependencyTree, noun: number, targets: readonly ActorReference[]): boolean {
  const phrase = Array.from(tree.children(noun)).find((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'between');
  if (phrase === undefined) return true;
  const heads = [phrase, ...Array.from(tree.children(phrase)).filter((c) => tree.deprel(c) === 'conj')].sort((a, b) => a - b);
  if (heads.length < 2) return true;
  const sideOf = (r: ActorReference): number => heads.filter((h) => leftmost(tree, h, true) <= r.firstToken).length;
  return new Set(targets.map(sideOf)).size >= 2;
}

/** Verbs of force whose subject wages the attack it acts in ("killed a commander in a strike on Y"). */
const FORCE_VERBS: ReadonlySet<string> = new Set(['kill', 'destroy', 'hit', 'wound', 'injure', 'target', 'assassinate', 'eliminate', 'sink', 'down']);

/** Words by which a subject declares itself ready for an event: "ready for talks with Y". */
const READY_WORDS: ReadonlySet<string> = new Set(['ready', 'willing', 'open', 'prepared']);

/** Trade between countries, whose to/from/with-phrase names the other country. */
const TRADE_FLOWS: ReadonlySet<string> = new Set(['sale', 'sales', 'export', 'exports', 'import', 'imports', 'shipment', 'shipments', 'supply', 'supplies', 'transfer', 'transfers', 'delivery', 'deliveries', 'trade']);

/** Units of a measure's rate: "tariffs of 25 percent on Y". */
const RATE_NOUNS: ReadonlySet<string> = new Set(['percent', 'per', '%', 'pc', 'points', 'rate']);

/** Participles that aim a measure at its object: "sanctions targeting Y's fleet". */
const AIMING_VERBS: ReadonlySet<string> = new Set(['target', 'hit', 'aim', 'affect', 'cover']);

/** The possessor, demonym or by-phrase of a noun: whose act or thing it is ("Y's activity", "Russian moves"). */
function ownersOf(tree: DependencyTree, h: number): number[] {
  const out: number[] = [];
  for (const c of tree.children(h)) {
    const d = tree.deprel(c);
    if (d === 'nmod:poss' || d === 'amod' || (d === 'nmod' && tree.caseOf(c) === 'by')) out.push(c);
  }
  return out;
}

/** A verb that announces or defers its object's act rather than report it: "pledged aid", "postponed talks". */
function announces(verb: Token): boolean {
  return ANNOUNCING_VERBS.has(verb.lemma) || DEFERRING_VERBS.has(verb.lemma);
}

/** "imposed no sanctions on Y". */
function nounNegated(tree: DependencyTree, noun: number): boolean {
  if (cancelled(tree, noun)) return true;
  for (const c of tree.children(noun)) if (tree.deprel(c) === 'det' && NEGATORS.has(tree.tokens[c]?.lower ?? '')) return true;
  // "had no interest in talks with Y", "no plans for a visit": an event under a denied wish is denied.
  const head = tree.head(noun);
  if (head >= 0 && tree.deprel(noun) === 'nmod' && WISH_NOUNS.has(tree.tokens[head]?.lower ?? '')) {
    for (const c of tree.children(head)) if (tree.deprel(c) === 'det' && NEGATORS.has(tree.tokens[c]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * An event noun on its own: "an Israeli strike on the consulate", "Russia's invasion of Ukraine",
 * "talks between Russian and Ukrainian delegates". The side is the noun's possessor or demonym (or
 * its by-phrase), the target its phrase with the frame's preposition; the noun's modality is that
 * of the verb it belongs to ("called for an attack on Y").
 */
export function readNounFrame(ctx: TreeContext, noun: Token, frame: NounFrame): TreeReading | undefined {
  const { tree } = ctx;
  const n = noun.index;
  // (A topic the entity layer named, "the ceasefire", is still an event noun.)
  if ((ctx.refAt[n] && ctx.refAt[n]?.entityType !== 'other') || tree.upos(n) !== 'NOUN') return undefined;
  const actors = new ActorFinder(ctx);
  const assets = assetsOf(frame.relation);
  // The verb the noun hangs on, if a verb: "held talks", "travelled for talks", "proposed talks".
  const verb = tree.head(n);
  const underVerb = verb >= 0 && VERB_TAGS.has(tree.upos(verb));
  let sources: ActorReference[] = [];
  let targets: ActorReference[] = [];
  // ("a US tariff on most goods from the EU": the parser hangs the goods' origin on the measure.)
  const onGoods = frame.relation === 'sanctioned' && tree.children(n).some((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'on' && GOODS_NOUNS.has(tree.tokens[c]?.lower ?? ''));
  for (const c of tree.children(n)) {
    const d = tree.deprel(c);
    const prep = tree.caseOf(c);
    if (onGoods && d === 'nmod' && prep === 'from' && c > n) targets.push(...actors.at(c, true));
    else if (((d === 'amod' || d === 'compound') && frame.possessorOnly !== true) || d === 'nmod:poss' || (d === 'nmod' && (prep === 'by' || (prep === 'from' && !frame.preps.includes('from'))))) sources.push(...actors.at(c));
    // ("talks between Israel and Hamas resumed": a between-phrase's last member is no clause subject.)
    // ("a proposal for the United States to take over Gaza": the for-phrase is who would act, no target.)
    else if (d === 'nmod' && prep === 'for' && frame.relation === 'proposed' && tree.tokens[c + 1]?.lower === 'to' && VERB_TAGS.has(tree.upos(c + 2))) continue;
    else if (d === 'nmod' && prep !== undefined && frame.preps.includes(prep)) targets.push(...actors.at(c, prep !== 'between', assets));
  }
  if (frame.relation === 'sanctioned' && targets.length === 0) {
    const goods = [...Array.from(tree.children(n)).filter((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'on'),
      ...(tree.deprel(n) === 'obj' && underVerb ? Array.from(tree.children(verb)).filter((c) => tree.deprel(c) === 'obl' && tree.caseOf(c) === 'on') : [])];
    targets.push(...madeIn(tree, goods, underVerb ? verb : -1, n).flatMap((h) => actors.at(h, true)).filter((r) => r.entityType === 'country' || r.entityType === 'organization'));
  }
  // The parser hangs the object noun's phrase on the verb as often: "halt its offensive in Rafah"
  // (an in-phrase), "end its attacks on American ships" (any of the frame's, under a verb that stops
  // the attack). Tried in that order, while no target is found.
  if (tree.deprel(n) === 'obj' && underVerb) {
    const verbPreps: Array<readonly string[]> = [];
    if (frame.possessorOnly === true && frame.preps.includes('in')) verbPreps.push(['in']);
    // (Not a between-phrase: "ending the war in Ukraine, in talks between the two" names no side of the war.)
    if (frame.relation === 'attacked' && frame.between !== true && HALTING_VERBS.has(tree.tokens[verb]?.lemma ?? '')) verbPreps.push(frame.preps);
    // ("a deal that sets a US tariff on goods from the EU": the measure's on-phrase hung on the verb.)
    if (frame.relation === 'sanctioned') verbPreps.push(frame.preps);
    for (const preps of verbPreps) {
      if (targets.length > 0) break;
      for (const c of tree.children(verb)) if (tree.deprel(c) === 'obl' && preps.includes(tree.caseOf(c) ?? '')) targets.push(...actors.at(c, true, assets));
    }
  }
  // "travelled to Beijing for talks with Y", "told reporters after talks with Y": the clause's
  // subject takes part in the talks it goes for or comes from.
  // (Not for an attack: one who "looks at the war in Chechnya" or "was hurt in the attack on Y" wages none.)
  // "said Washington was ready for direct talks with Iran": who is ready for talks offers to hold them.
  let offered = false;
  if (sources.length === 0 && frame.relation === 'met' && tree.deprel(n) === 'obl' && tree.caseOf(n) === 'for' && verb >= 0 && tree.upos(verb) === 'ADJ' && READY_WORDS.has(tree.tokens[verb]?.lower ?? '')) {
    sources = subjectHeads(tree, verb).flatMap((h) => actors.at(h));
    offered = true;
  }
  // ("Israel killed a commander in a strike on Beirut": one who kills or destroys in an attack wages it.)
  const forceVerb = underVerb && FORCE_VERBS.has(tree.tokens[verb]?.lemma ?? '') && tree.child(verb, 'aux:pass') < 0;
  if (sources.length === 0 && (frame.relation !== 'attacked' || forceVerb) && tree.deprel(n) === 'obl' && PARTAKING_CASES.has(tree.caseOf(n) ?? '') && underVerb) {
    sources = subjectHeads(tree, verb).flatMap((h) => actors.at(h));
    // "thanked Putin in a phone call": with no with-phrase, the clause's object is the other party.
    if (targets.length === 0 && frame.relation === 'met' && tree.caseOf(n) !== 'for' && tree.child(verb, 'obj') >= 0) targets = actors.at(tree.child(verb, 'obj'), true).filter((r) => r.entityType === 'person' || r.entityType === 'country');
  }
  // "Araghchi said the meeting with Witkoff had been constructive": a speaker judging a meeting
  // with Y, that no one else is said to hold, took part in it.
  if (sources.length === 0 && frame.relation === 'met' && targets.length > 0 && verb >= 0 && tree.deprel(n) === 'nsubj' && tree.deprel(verb) === 'ccomp') {
    const speech = tree.head(verb);
    if (speech >= 0 && SPEECH_LEMMAS.has(tree.tokens[speech]?.lemma ?? '') && tree.children(n).some((c) => tree.deprel(c) === 'det' && tree.tokens[c]?.lower === 'the')) {
      sources = subjectHeads(tree, speech).flatMap((h) => actors.at(h)).filter((r) => r.entityType === 'person' || r.entityType === 'country');
    }
  }
  // "proposed direct talks with Ukraine", "offered talks with Y": who proposes the talks would hold them.
  if (sources.length === 0 && frame.possessorOnly !== true && tree.deprel(n) === 'obj' && underVerb && verbIn(ANNOUNCING_VERBS, tree.tokens[verb])) {
    sources = subjectHeads(tree, verb).flatMap((h) => actors.at(h));
  }
  sources = sources.filter(canAct);
  if (frame.topicTarget !== true) targets = targets.filter((r) => r.entityType !== 'other');
  let mutual = false;
  // "the meeting of Russian and Ukrainian delegates": the participants are the of-phrase's members.
  if (frame.mutual === true && sources.length === 0 && targets.length === 0) {
    const members = tree.children(n).filter((c) => tree.deprel(c) === 'nmod' && tree.caseOf(c) === 'of');
    const group = Array.from(members).flatMap((c) => actors.at(c)).filter(canAct);
    if (new Set(group.map((r) => r.entity)).size >= 2) [sources, mutual] = [group, true];
  }
  if (frame.between) {
    // "talks between X and Y": the ends are the coordinated members of the between-phrase.
    if (targets.length < 2 || !twoSides(tree, n, targets)) return undefined;
    // ("a trade war between", "a war of words between": no force.)
    if (frame.figurative && tree.children(n).some((c) => frame.figurative?.includes(tree.tokens[c]?.lower ?? '') === true)) return undefined;
    [sources, targets, mutual] = [targets.filter((r) => r.entityType !== 'place'), [], true];
  }
  if (sources.length === 0 || (targets.length === 0 && !mutual)) return undefined;
  // The noun takes its verb's modality as that verb's object ("did not hold talks", "called for an
  // attack"), not as its subject ("His message was: 'don't …'").
  // ("would cut tariffs after talks with Xi": what came before the act is told as done, whatever the act's modality.)
  // ("will meet Xi after talks with Putin": under a future act the earlier one is still to come.)
  // (Only an occasion that names its own party: "at a summit with Putin"; "would not meet Y during the visit" is the verb's.)
  const occasion = tree.deprel(n) === 'obl' && PAST_EVENT_CASES.has(tree.caseOf(n) ?? '')
    && Array.from(tree.children(n)).some((c) => tree.deprel(c) === 'nmod' && ['with', 'between'].includes(tree.caseOf(c) ?? ''))
    && !tree.hasAux(verb, FUTURE_AUX);
  const governed = underVerb && NOUN_UNDER_VERB.has(tree.deprel(n)) && !occasion;
  const verbToken = governed ? tree.tokens[verb] : undefined;
  // "said a Chinese attack on Taiwan could threaten Japan": an act that is the subject of what may be is not told as done.
  const subjectOfMaybe = (underVerb && (tree.deprel(n) === 'nsubj' || tree.deprel(n) === 'nsubj:pass') && hypothetical(tree, verb))
    // "talks on a deal between X and Y": a pact still sought is no pact.
    || (frame.relation === 'promised' && SOUGHT_UNDER.has(tree.tokens[tree.head(n)]?.lower ?? ''));
  const hypotheticalNoun = subjectOfMaybe || (verbToken !== undefined && (announces(verbToken) || IRREALIS_VERBS.has(verbToken.lemma) || hypothetical(tree, verb)));
  // "agreed to end its attacks on Y", "halted its strikes": an attack its own side stops is told negated.
  const halted = frame.relation === 'attacked' && governed && tree.deprel(n) === 'obj' && HALTING_VERBS.has(verbToken?.lemma ?? '') && !askedOfAnother(tree, verb);
  return {
    trigger: noun, frame: halted ? { ...frame, id: `halted:${frame.id}` } : frame, sources, targets, mutual, noun,
    negated: (nounNegated(tree, n) || (governed && negated(tree, verb))) !== halted, hypothetical: hypotheticalNoun || offered,
  };
}

/** Verbs that stop an attack ("end its attacks"): the halt-attacks collocation's. */
const HALTING_VERBS: ReadonlySet<string> = new Set(COLLOCATION_FRAMES.find((f) => f.id === 'halt-attacks')?.verbs ?? []);

/** "ordered Israel to halt its offensive": an infinitive asked of the object of another's verb. */
export function askedOfAnother(tree: DependencyTree, verb: number): boolean {
  return tree.deprel(verb) === 'xcomp' && tree.child(tree.head(verb), 'obj') >= 0;
}
