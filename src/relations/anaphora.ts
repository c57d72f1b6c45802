// Event anaphora: "Israel struck Gaza. Egypt condemned the attack." A judgement of "the attack"
// with no author in its own words judges the author of the attack just reported. The act is found
// among the facts already read in the two sentences before, by the kind of its noun.
import type { Relation, Token } from '../types';
import type { DependencyTree } from './tree';

/**
 * Acts told with an author and no actor as their target ("North Korea test-fired a missile",
 * "Maduro signed a law creating a state in Essequibo"): they make no fact, yet a later "the launch",
 * "the move" judges their author. A row: the verbs that tell the act, the words one of which must
 * follow as its object (none: the verb alone), and the nouns that take it up.
 */
export interface ToldActRow {
  readonly verbs: readonly string[];
  readonly objects?: readonly string[];
  readonly nouns: readonly string[];
  /** Taken up by its own nouns only, not by "the move", "the decision" (a plan is no step taken). */
  readonly ownNounsOnly?: boolean;
  readonly reason: string;
}

export const TOLD_ACTS: readonly ToldActRow[] = [
  { verbs: ['fire', 'launch', 'test'], objects: ['missile', 'missiles', 'rocket', 'rockets', 'icbm', 'satellite', 'warhead'], nouns: ['launch', 'launches', 'test', 'tests', 'firing', 'test-firing'], reason: 'a missile launched or tested is judged as "the launch", "the test"' },
  { verbs: ['conduct', 'carry', 'detonate'], objects: ['test', 'tests', 'device', 'bomb'], nouns: ['test', 'tests', 'explosion', 'blast'], reason: 'a weapons test carried out is "the test"' },
  { verbs: ['seize', 'take', 'grab'], objects: ['power'], nouns: ['coup', 'takeover', 'putsch', 'mutiny', 'seizure'], reason: 'seizing power is a coup, whoever names it so' },
  { verbs: ['stage', 'launch', 'attempt', 'mount'], objects: ['coup', 'mutiny', 'putsch', 'uprising', 'rebellion'], nouns: ['coup', 'mutiny', 'putsch', 'uprising', 'rebellion', 'takeover', 'attempt'], reason: 'a coup staged is "the coup"' },
  { verbs: ['sign', 'pass', 'adopt', 'enact', 'approve', 'issue'], objects: ['law', 'laws', 'bill', 'decree', 'decrees', 'legislation', 'order'], nouns: ['law', 'bill', 'decree', 'legislation', 'order'], reason: 'a law or decree signed or passed is "the law", "the decree"' },
  { verbs: ['propose', 'unveil', 'table'], nouns: ['plan', 'proposal', 'offer', 'initiative', 'idea'], ownNounsOnly: true, reason: 'a plan put forward to no one named is taken up as "the plan", "a proposal that Y dismissed"' },
  { verbs: ['strike', 'bomb', 'shell', 'pound'], objects: ['hideouts', 'hideout', 'targets', 'positions', 'sites', 'bases', 'camps', 'facilities', 'depots', 'infrastructure', 'convoy', 'convoys', 'boats', 'vessels', 'ships'], nouns: ['strike', 'strikes', 'airstrike', 'airstrikes', 'raid', 'raids', 'attack', 'attacks', 'bombing', 'shelling'], ownNounsOnly: true, reason: 'strikes on sites no actor owns in the words ("struck hideouts in southern Syria") are judged as "the strikes", "the raids"' },
  { verbs: ['order', 'impose', 'announce', 'slap', 'levy', 'raise', 'double'], objects: ['tariff', 'tariffs', 'duty', 'duties', 'levy', 'levies', 'embargo'], nouns: ['tariff', 'tariffs', 'duty', 'duties', 'levy', 'levies', 'embargo'], reason: 'tariffs ordered on goods the words do not tie to a state ("an additional 25% tariff on goods") are judged as "the tariffs", "the move"' },
  { verbs: ['storm', 'raid', 'force'], objects: ['embassy', 'consulate', 'way', 'compound', 'parliament', 'palace', 'mission', 'residence'], nouns: ['raid', 'storming', 'incursion', 'operation'], reason: 'forcing a way into an embassy or a palace is a raid, judged as "the raid"' },
  { verbs: ['rule', 'sentence', 'convict'], nouns: ['ruling', 'verdict', 'judgment', 'judgement', 'sentence'], reason: 'a court ruling is judged as "the ruling", "the verdict"' },
];

/** Words that take up any act told before ("the move", "the decision"), one of a targetless act too. */
export const ANY_ACT_NOUNS: ReadonlySet<string> = new Set(['move', 'decision', 'step', 'action', 'act']);

/** The nouns of TOLD_ACTS that are no event anaphor already (they take up told acts alone). */
const TOLD_ACT_NOUNS: readonly string[] = [...new Set(TOLD_ACTS.flatMap((r) => r.nouns))];

/** Nouns that take up an act just reported, and the relations that act can have been read as. */
/** Events two parties hold together, taken up later by a bare "the accord", "the talks". */
export const MUTUAL_EVENT_NOUNS = {
  pact: ['accord', 'agreement', 'deal', 'truce', 'ceasefire', 'pact', 'treaty', 'armistice'],
  talks: ['talks', 'negotiations', 'summit', 'discussions'],
} as const;
const MUTUAL_WORDS: ReadonlySet<string> = new Set([...MUTUAL_EVENT_NOUNS.pact, ...MUTUAL_EVENT_NOUNS.talks]);

/** Whether a word names an event two parties hold together ("the accord", "the talks"). */
export function mutualEventNoun(word: string): boolean {
  return MUTUAL_WORDS.has(word);
}

export const EVENT_ANAPHORS: ReadonlyMap<string, readonly Relation[]> = new Map<string, readonly Relation[]>([
  // First, so that a row below wins: "the launch", "the coup" take up a targetless act alone (TOLD_ACTS).
  ...TOLD_ACT_NOUNS.map((w) => [w, []] as [string, readonly Relation[]]),
  // ("condemned the killings", "the massacre", "the shooting": deaths caused by an attack told before.)
  ...['attack', 'attacks', 'strike', 'strikes', 'airstrike', 'airstrikes', 'raid', 'raids', 'bombing', 'bombings', 'bombardment', 'shelling', 'invasion', 'offensive', 'incursion', 'assault',
    'killing', 'killings', 'massacre', 'shooting', 'shootings']
    .map((w) => [w, ['attacked']] as [string, readonly Relation[]]),
  ...['sanctions', 'tariffs', 'duties', 'levies', 'embargo', 'ban', 'expulsion', 'expulsions', 'closure', 'closures', 'suspension', 'freeze', 'seizure']
    .map((w) => [w, ['sanctioned']] as [string, readonly Relation[]]),
  // "the US left the WHO … Tedros called the withdrawal a mistake"
  ...['withdrawal', 'exit', 'departure'].map((w) => [w, ['rejected']] as [string, readonly Relation[]]),
  ...['offer', 'proposal', 'plan', 'initiative'].map((w) => [w, ['proposed', 'promised']] as [string, readonly Relation[]]),
  ...['accusation', 'accusations', 'allegation', 'allegations', 'charge', 'charges', 'criticism', 'claim', 'claims'].map((w) => [w, ['accused']] as [string, readonly Relation[]]),
  ...['threat', 'threats', 'warning', 'warnings', 'ultimatum', 'ultimatums'].map((w) => [w, ['warned']] as [string, readonly Relation[]]),
  ...['visit', 'trip'].map((w) => [w, ['met']] as [string, readonly Relation[]]),
  // "Israel and Hamas agreed to a truce … Sisi welcomed the accord": a pact or talks told before, whose
  // parties are its authors (judgedEvent takes these up for praise only, from anywhere before).
  ...MUTUAL_EVENT_NOUNS.pact.map((w) => [w, ['promised']] as [string, readonly Relation[]]),
  ...MUTUAL_EVENT_NOUNS.talks.map((w) => [w, ['met']] as [string, readonly Relation[]]),
  // "India suspended the treaty … Pakistan rejected the move": a step of any kind (no guess between two authors).
  // "the court removed Yoon … Lee hailed the ruling": a court's judgement is its act, of any kind.
  // ("the vote": a body's vote, to impeach or to impose, is its act: "Orban called the vote a mistake".)
  ...['move', 'decision', 'step', 'action', 'act', 'ruling', 'verdict', 'judgment', 'judgement', 'announcement', 'vote'].map((w) => [w, ['sanctioned', 'attacked', 'aided', 'supported', 'proposed', 'promised', 'rejected', 'accepted']] as [string, readonly Relation[]]),
]);

/** Determiners that point back: "the attack", "this attack", "these strikes", "Monday's attack" is not one (it names a day). */
const BACK: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those', 'latest', 'such']);

/**
 * The object of `verb` when it takes up an act reported before: a bare definite event noun with no
 * author or target of its own words ("condemned the attack", not "the attack by Y" or "the attack
 * on Y"). Returns the noun's index and the relations to look for, or undefined.
 */
export function anaphoricEvent(tree: DependencyTree, verb: Token): { readonly noun: number; readonly relations: readonly Relation[] } | undefined {
  // "…, a charge Kigali denies": a reduced relative clause judges the noun it describes.
  const head = tree.head(verb.index);
  // ("a plan that Hamas dismissed": the relative pronoun as object is the noun described.)
  const obj = tree.child(verb.index, 'obj');
  const relativeObject = obj < 0 || ['that', 'which'].includes(tree.tokens[obj]?.lower ?? '');
  if (relativeObject && tree.deprel(verb.index) === 'acl:relcl' && tree.child(verb.index, 'nsubj') >= 0) {
    const relations = EVENT_ANAPHORS.get(tree.tokens[head]?.lower ?? '');
    return relations ? { noun: head, relations } : undefined;
  }
  const noun = tree.child(verb.index, 'obj');
  const word = tree.tokens[noun];
  const relations = word ? EVENT_ANAPHORS.get(word.lower) : undefined;
  if (!word || !relations) return undefined;
  let back = false;
  for (const c of tree.children(noun)) {
    const d = tree.deprel(c);
    // ("such warnings": the parser makes "such" an adjective.)
    if ((d === 'det' || (d === 'amod' && tree.tokens[c]?.lower === 'such')) && BACK.has(tree.tokens[c]?.lower ?? '')) back = true;
    // Words of its own that say whose act or on whom: the direct readers see those.
    // ("condemned the attack as a violation": the as-phrase judges, it names no one.)
    if ((d === 'nmod' && tree.caseOf(c) !== 'as') || d === 'nmod:poss' || d === 'compound' || d === 'acl' || d === 'acl:relcl' || (d === 'amod' && /^\p{Lu}/u.test(tree.tokens[c]?.value ?? ''))) return undefined;
  }
  return back ? { noun, relations } : undefined;
}
