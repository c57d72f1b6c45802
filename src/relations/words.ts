// Function words and small word classes the relation walks interpret: modality, clause
// boundaries, members of actors, and the like. Data with a reason each; ./index.ts reads them.
// Words are lowercase.
import { STRUCK_ASSETS, TRADED_GOODS } from '../entities/tables';

/** Words that signal the fact is not asserted as having happened. */
export const HYPOTHETICAL_MARKERS: ReadonlySet<string> = new Set([
  'would', 'could', 'might', 'may', 'should', 'will', "'ll", 'wo', 'can', 'ca', 'shall', 'must', 'if', 'unless', 'whether',
]);

/** Verbs (and adjectives) whose infinitive complement is not (yet) a fact: "plans to meet", "wants X to agree", "is about to sign". */
export const IRREALIS_VERBS: ReadonlySet<string> = new Set([
  'plan', 'want', 'hope', 'expect', 'intend', 'seek', 'try', 'aim', 'wish', 'prepare', 'threaten', 'urge', 'ask',
  'request', 'press', 'call', 'need', 'demand', 'propose', 'offer', 'set', 'likely', 'ready', 'willing', 'prepared',
  'about', 'due', 'scheduled', 'expected', 'poised', 'going', 'vow', 'promise', 'pledge', 'agree', 'decide', 'invite',
  'encourage', 'push', 'pressure', 'lobby', 'authorise', 'authorize', 'allow', 'consider', 'mull', 'weigh', 'sign', 'bound', 'obliged', 'required',
  // nouns: "Trump's decision to meet Putin", "an offer to mediate", "a bid to join"
  'close', 'near', 'decision', 'plans', 'bid', 'attempt', 'effort', 'efforts', 'willingness', 'readiness', 'proposal', 'threat',
  'intention', 'commitment', 'invitation',
]);

/** Verbs that announce their object's act rather than report it: "pledged aid to Y", "offered talks with Y", "scheduled a meeting". */
export const ANNOUNCING_VERBS: ReadonlySet<string> = new Set([
  'pledge', 'promise', 'offer', 'propose', 'seek', 'plan', 'schedule', 'arrange', 'vow', 'threaten', 'want', 'request', 'consider',
]);

/** Words that negate the verb of their clause: "did not meet", "never accused", "neither A nor B". */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without', 'nothing']);

/** "refused to accept", "failed to meet", "X's refusal to talk": the complement did not happen. */
export const NEGATING_VERBS: ReadonlySet<string> = new Set(['refuse', 'decline', 'fail', 'reject', 'deny', 'avoid', 'stop', 'refusal', 'failure', 'cancel', 'scrap', 'abandon']);

/** "the newspaper claimed he received money": what is claimed or alleged is not asserted. */
export const CLAIM_VERBS: ReadonlySet<string> = new Set(['claim', 'allege', 'rumour', 'rumor', 'speculate', 'suggest', 'suspect']);

/**
 * Heads whose "of" phrase names the actor acted upon: "spare the *lives* of Ukrainian troops",
 * "praised the *efforts* of Japan". An event noun does not: "backed the invasion of Iraq" is no
 * support of Iraq.
 */
export const OF_HEADS: ReadonlySet<string> = new Set([
  'lives', 'life', 'safety', 'security', 'sovereignty', 'territory', 'independence', 'interests', 'rights', 'efforts', 'work',
  'role', 'stance', 'position', 'decision', 'proposal', 'plan', 'offer', 'call', 'demand', 'request', 'leadership', 'policy',
  'policies', 'record', 'conduct', 'actions', 'handling', 'behaviour', 'behavior', 'courage', 'restraint', 'resilience',
  'victory', 'win', 'election', 're-election', 'reelection', 'government', 'legitimacy', 'presidency', 'mandate',
  // what a side does or keeps somewhere: "objected to the presence of the UAE", "the deployment of Russian troops"
  'presence', 'involvement', 'interference', 'meddling', 'deployment', 'activities', 'activity', 'visits', 'visit',
]);

/** Honorifics that may stand between conjuncts: "Mr Blair and *Mr* Brown". */
export const HONORIFIC_WORDS: ReadonlySet<string> = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'lord', 'lady', 'sir', 'dame', 'president', 'prime', 'minister']);

/** Words after an organisation that make it a news outlet: "told the Daily Record newspaper", "told ITV's Good Morning programme". */
export const OUTLET_WORDS: ReadonlySet<string> = new Set([
  'newspaper', 'paper', 'programme', 'program', 'show', 'radio', 'television', 'channel', 'magazine', 'website', 'podcast', 'broadcaster',
  'press', 'news', 'times', 'post', 'herald', 'telegraph', 'journal', 'gazette', 'tribune', 'tv', 'agency', 'daily', 'weekly', 'record',
  'supplement', 'standard', 'express', 'mirror', 'observer', 'chronicle', 'newsnight',
  // ("told technology site ZDNet", "the Gloucester Citizen", "the Herald-Mail of Hagerstown")
  'site', 'citizen', 'mail', 'echo', 'courier', 'examiner', 'inquirer', 'argus',
]);

/** "dismissed reports (that) he told Brown": what reports, claims or rumours say is not asserted. */
export const HEARSAY_NOUNS: ReadonlySet<string> = new Set(['reports', 'report', 'claims', 'claim', 'allegations', 'allegation', 'accusations', 'accusation', 'charges', 'charge', 'rumours', 'rumors', 'speculation', 'suggestion', 'suggestions', 'suspicion', 'suspicions', 'fears']);

/** "X and Y postponed their meeting": the act is moved to a later date, so it is still to happen. */
export const DEFERRING_VERBS: ReadonlySet<string> = new Set(['postpone', 'delay', 'reschedule', 'defer', 'push']);

/** People an attack kills or wounds: where they were is what was attacked ("killed 30 people in Gaza"). */
export const VICTIM_NOUNS: ReadonlySet<string> = new Set([
  'people', 'civilians', 'children', 'women', 'residents', 'villagers', 'worker', 'workers', 'person', 'persons', 'palestinians',
  'ukrainians', 'sudanese', 'israelis', 'policemen', 'police', 'officers', 'fighters', 'militants', 'troops', 'soldiers', 'patients', 'refugees',
]);

/** Verbs that keep an act from happening: "prevented Y from fighting", "barred Y from attending". */
export const PREVENTING_VERBS: ReadonlySet<string> = new Set(['refrain', 'abstain', 'desist', 'prevent', 'stop', 'bar', 'ban', 'block', 'keep', 'deter', 'dissuade', 'discourage', 'prohibit', 'forbid', 'restrain']);

/** Verbs of saying: their subject reports the facts of their complement ("Peskov said Putin had met Witkoff"). */
/** Verbs of mediation: "an exchange mediated by the UAE" (tree-frames.ts treeMediation). */
export const MEDIATING_VERBS: ReadonlySet<string> = new Set(['mediate', 'broker', 'facilitate']);

export const SPEECH_LEMMAS: ReadonlySet<string> = new Set(['say', 'claim', 'report', 'tell', 'add', 'state', 'announce', 'write', 'quote', 'allege', 'insist', 'note', 'confirm']);

/** Words that end the search for a target to the right: a new clause begins. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([';', ':', 'while', 'but', 'whereas', 'because', 'although', 'though', 'which', 'who', 'after', 'before', 'when', 'since', 'as', '—', '–', 'that', 'whom', 'whose', 'where', 'until', 'unless', 'if']);

/**
 * Nouns for the members or bodies of an actor: in "officials *in* Gondor", "soldiers *from*
 * Gondor", "the government *of* Gondor" the actor after the preposition is the one who acts.
 */
export const MEMBER_NOUNS: ReadonlySet<string> = new Set([
  'officials', 'official', 'government', 'soldiers', 'troops', 'forces', 'army', 'military', 'lawmakers', 'legislators', 'court', 'courts', 'judiciary',
  'ambassador', 'ambassadors', 'envoy', 'envoys', 'diplomats', 'delegation', 'delegates', 'negotiators', 'leaders', 'leader',
  'leadership', 'authorities', 'ministry', 'minister', 'ministers', 'activists', 'militia', 'militias', 'police', 'president',
  'people', 'parliament', 'cabinet', 'administration', 'spokesman', 'spokeswoman', 'spokesperson', 'representatives',
  'citizens', 'residents', 'rebels', 'fighters', 'clerics', 'prosecutors', 'navy', 'units', 'population', 'media',
  'counterpart', 'counterparts', 'spokesmen', 'cleric', 'diplomat', 'soldier', 'officer', 'officers', 'lawmaker', 'legislature',
  'newspaper', 'television', 'radio', 'agency', 'embassy', 'mission', 'delegations', 'negotiator', 'guard', 'guards', 'coastguard',
  'group', 'groups', 'opposition', 'party', 'ministries', 'regime', 'junta', 'council', 'members', 'member', 'supporters', 'mps',
  'congress', 'senate', 'assembly', 'instructors', 'trainers', 'mercenaries', 'peacekeepers',
  'team', 'squad', 'committee', 'committees', 'board', 'mediators', 'mediator',
  // titles: "Caras Galadhon's new mayor left …", "Iraq's national security adviser met …"
  'mayor', 'governor', 'premier', 'chancellor', 'king', 'queen', 'emir', 'prince', 'secretary', 'chief', 'head', 'chairman',
  'chairwoman', 'chairperson', 'ceo', 'general', 'commander', 'senator', 'adviser', 'advisor', 'advisers', 'advisors', 'aide', 'aides',
  'deputy', 'foreign', 'presidency', 'monarch', 'ruler', 'rulers', 'dictator', 'boss',
  // a leader's staff speaks for them: "Netanyahu's office accused Hamas", "Trump's lawyers"
  'office', 'camp', 'lawyer', 'lawyers', 'campaign',
  // a state's or body's regulator acts for it: "Burkina Faso's media regulator suspended the BBC"
  'regulator', 'regulators', 'watchdog', 'institutions',
  // "the armed wing of Hamas", "the presidents of Uganda and Kenya"
  'wing', 'presidents', 'premiers',
  // what a body writes speaks for it: "a Human Rights Watch investigation that accused the army …", "rejected the HRW report"
  'report', 'reports', 'investigation', 'inquiry', 'probe', 'study', 'findings',
]);

/**
 * Weapons that act for the side that fires them: "Russian drones hit Kyiv", "Israeli warplanes
 * struck Gaza" report the side's attack, as "Russian troops" would.
 */
const WEAPON_NOUNS: readonly string[] = [
  // "Israeli strikes killed …": an attack named by its side acts as the side's weapons do
  'strikes', 'airstrikes', 'shelling', 'bombardment', 'raids', 'airstrike', 'raid', 'bombing',
  'drones', 'missiles', 'rockets', 'warplanes', 'jets', 'bombers', 'fighter', 'artillery', 'shells', 'warships', 'submarines', 'tanks', 'helicopters',
  'drone', 'missile', 'rocket', 'warplane', 'jet', 'bomber', 'warship', 'submarine', 'tank', 'helicopter', 'aircraft', 'planes',
  'ships', 'vessels', 'boats',
];

/** Nouns for what acts for an actor just before them: its members or bodies, and its weapons. */
export const ACTING_NOUNS: ReadonlySet<string> = new Set([...MEMBER_NOUNS, ...WEAPON_NOUNS]);

/** Places a strike hits inside a country or town: the attack is on the place that holds them. */
export const SITE_NOUNS: readonly string[] = [
  'camp', 'camps', 'school', 'schools', 'hospital', 'hospitals', 'refinery', 'refineries', 'port', 'airport', 'airports', 'plant',
  'plants', 'station', 'stations', 'substation', 'substations', 'building', 'buildings', 'home', 'homes', 'house', 'houses',
  'neighbourhood', 'neighbourhoods', 'neighborhood', 'neighborhoods', 'district', 'districts', 'region', 'area', 'areas', 'city',
  'town', 'village', 'market', 'markets', 'mosque', 'church', 'shelter', 'shelters', 'compound', 'headquarters', 'palace', 'bridge',
  'dam', 'pipeline', 'warehouse', 'warehouses', 'factory', 'factories', 'airbase', 'hideouts', 'hideout', 'strongholds', 'stronghold',
  'outskirts', 'province', 'capital', 'tunnels', 'launchers', 'sites', 'suburbs', 'suburb', 'centre', 'center', 'infrastructure', 'grid',
];

/** Site nouns whose of-phrase names the place itself: "the port of Hodeidah", "the outskirts of Kyiv". */
export const PLACE_CONTAINERS: ReadonlySet<string> = new Set([
  'port', 'city', 'town', 'village', 'region', 'province', 'district', 'outskirts', 'capital', 'area', 'areas', 'centre', 'center',
]);

/** Prepositions that put a site inside a place: "camps in Pakistan", "a refinery deep inside Russia". */
export const SITE_PREPS: ReadonlySet<string> = new Set(['in', 'inside', 'near', 'outside', 'across', 'around']);

/**
 * What an attack hits when it hits an actor's things: "struck Hamas *targets*", "shelled Russian
 * *positions*", "hit Ukrainian energy *facilities*" attack that actor (CAMEO 19x names the actor).
 */
export const ATTACKED_ASSETS: ReadonlySet<string> = new Set([
  ...STRUCK_ASSETS, 'troops', 'forces', 'grid', 'sites', 'site', 'military', 'army', 'embassy', 'consulate', 'convoy', 'base', 'ship', 'vessel',
  'tanker', 'facility', 'warship', 'soldiers', 'anywhere', 'everywhere',
  // People hit in a place: "fired on a crowd in Gaza", "opened fire on civilians in Khartoum".
  'crowd', 'crowds', 'protesters', 'demonstrators', 'people', 'civilians', 'palestinians', 'residents', 'villagers',
  // Sites hit in a place: "strikes on camps in Pakistan", "raided the Jenin refugee camp", "hit a refinery inside Russia".
  ...SITE_NOUNS,
]);

/** "tariffs on Chinese imports", "a ban on Russian oil": trade sanctioned for the country it comes from. */
export const GOODS_NOUNS: ReadonlySet<string> = new Set([
  ...TRADED_GOODS, 'individuals', 'officials', 'oligarchs', 'elites', 'fleet', 'tankers', 'sector', 'sectors', 'industry', 'economy', 'businesses',
]);

/**
 * Heads after which an actor is a mere modifier, never the target: "told a London news
 * *conference*", "attacked UK *policy*", "spoke at a Japan trade *fair*". (An actor before its
 * villages, cities or banks is still the target: "promised aid to the Ithilen villages".)
 */
export const NON_ACTOR_HEADS: ReadonlySet<string> = new Set([
  // "declared war on the country's drug gangs": its outlaws are not the country.
  'gangs', 'cartels', 'criminals', 'traffickers', 'smugglers', 'insurgents',
  'policy', 'policies', 'plan', 'plans', 'record', 'stance', 'conference', 'visit', 'trip', 'fair', 'election', 'elections',
  'economy', 'law', 'laws', 'rules', 'proposal', 'proposals', 'decision', 'strategy', 'approach', 'budget', 'debt', 'market',
  'markets', 'programme', 'program', 'report', 'reports', 'claims', 'bid', 'move', 'deal', 'agreement', 'talks', 'summit',
  'cooperation', 'membership', 'constitution', 'presidency', 'controls', 'goals', 'targets', 'court', 'courts', 'index',
  'stake', 'shares', 'currency', 'inquiry', 'case', 'trial', 'crisis', 'dispute', 'row', 'war',
]);

export const BE_FORMS: ReadonlySet<string> = new Set(['be', 'is', 'was', 'were', 'been', 'being', 'are', 'get', 'got', "'s", "'re"]);

export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'some', 'several', 'all', 'both', 'two', 'three']);

export const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '«', '»']);

export const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or', 'nor', '&']);

/** Relative pronouns and openers that make a comma-delimited stretch a parenthetical. */
export const PARENTHETICAL_OPENERS: ReadonlySet<string> = new Set(['who', 'which', 'whose', 'whom', 'where', 'according', 'however', 'meanwhile', 'though', 'it']);

/** Irregular past participles (the regular ones end in -ed/-en). */
export const IRREGULAR_PARTICIPLES: ReadonlySet<string> = new Set([
  'shot', 'hit', 'struck', 'met', 'told', 'held', 'sent', 'put', 'cut', 'set', 'brought', 'bought', 'caught', 'fought',
  'sought', 'taught', 'thought', 'built', 'lent', 'spent', 'left', 'led', 'fed', 'read', 'heard', 'made', 'paid', 'said',
  'laid', 'won', 'lost', 'found', 'bound', 'hung', 'struck', 'slain', 'sold', 'urged', 'run', 'begun', 'shut', 'quit',
]);

/** Words that open a subordinate clause: its subject is inside it ("after the US proposed"). */
export const SUBORDINATORS: ReadonlySet<string> = new Set(['after', 'before', 'when', 'while', 'because', 'although', 'though', 'since', 'if', 'unless', 'until', 'whether', 'that', 'once', 'as', 'whereas']);

export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whom', 'which', 'that']);

/** Words that start a time adverbial, not an object: "met *last* week". */
export const TIME_WORDS: ReadonlySet<string> = new Set(['last', 'this', 'next', 'today', 'yesterday', 'tonight', 'tomorrow', 'earlier', 'later', 'again', 'twice', 'briefly', 'privately', 'separately', 'virtually', 'face']);

/** Verbs after which "it"/"they" is the verb's own subject: "Ethiopia indicated it …". */
export const REPORTING_VERBS: ReadonlySet<string> = new Set([
  'say', 'indicate', 'announce', 'add', 'state', 'claim', 'insist', 'warn', 'believe', 'think', 'hope', 'signal', 'confirm',
  'deny', 'note', 'argue', 'stress', 'vow', 'promise', 'threaten', 'declare', 'suggest', 'reply', 'report', 'fear', 'expect',
]);

/**
 * Words of a time or manner phrase that may stand between a verb's object and its infinitive:
 * "asked Guterres days earlier to replace …", "urged Kyiv on Monday to …", "pressed him again to …".
 */
export const OBJECT_TO_FILLERS: ReadonlySet<string> = new Set([
  'days', 'weeks', 'months', 'years', 'earlier', 'later', 'ago', 'last', 'this', 'week', 'month', 'year', 'on', 'again', 'also',
  'repeatedly', 'formally', 'publicly', 'privately', 'personally', 'directly', 'yesterday', 'today', 'monday', 'tuesday',
  'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'two', 'three', 'several', 'few', 'a',
]);

/**
 * People who act for themselves, not for the state or body that owns them in the words: "accused
 * Britain's top sprinters", "praised Chelsea's fans" judge the people, not Britain or Chelsea.
 */
export const PRIVATE_PEOPLE: ReadonlySet<string> = new Set([
  'sprinters', 'athletes', 'players', 'footballers', 'runners', 'cyclists', 'swimmers', 'fans', 'stars', 'artists', 'actors', 'singers',
  'musicians', 'writers', 'students', 'pupils', 'teachers', 'doctors', 'nurses', 'farmers', 'workers', 'employees', 'consumers',
  'customers', 'shoppers', 'voters', 'taxpayers', 'pensioners', 'investors', 'children', 'families', 'residents', 'fishermen', 'drivers',
  'motorists', 'travellers', 'tourists', 'squad', 'team',
]);

/** First-person pronouns inside a quote stand for the quoted speaker. */
export const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'we']);

/** Last words of an organisation's name that say it bears arms ("… Brigade", "… Liberation Army"). */
export const ARMED_HEADS: ReadonlySet<string> = new Set([
  'army', 'forces', 'force', 'brigade', 'brigades', 'battalion', 'front', 'guard', 'guards', 'militia', 'corps', 'navy',
  'command', 'regiment', 'division', 'legion', 'movement', 'group',
]);

/** Lemmas a word may have as a verb: its own, or its form less -ed, -d or -s ("fined" → fine, wink's lemma being "fin"; "alleged" tagged an adjective). */
export function verbLemmas(t: { readonly lemma: string; readonly lower: string }): readonly string[] {
  const irregular = IRREGULAR_PAST.get(t.lower);
  const own = [t.lemma, t.lower.replace(/ed$/, ''), t.lower.replace(/d$/, ''), t.lower.replace(/s$/, '')];
  return irregular ? [irregular, ...own] : own;
}

/**
 * Lemmas an -ing form may have where the tagger kept the -ing ("standing", "shelling"): its verb
 * lemmas, the bare stem, the stem with its "e" ("arming" → arme, "issuing" → issue) and with a
 * doubled consonant undone ("shelling" → shell is the stem itself, "stopping" → stop).
 */
export function gerundLemmas(t: { readonly lemma: string; readonly lower: string }): readonly string[] {
  const stem = t.lower.replace(/ing$/, '');
  return [...verbLemmas(t), stem, `${stem}e`, stem.replace(/(.)\1$/, '$1')];
}

/** Irregular past forms of frame verbs, for words the tagger read as nouns ("shot down", "struck a deal"). */
const IRREGULAR_PAST: ReadonlyMap<string, string> = new Map([
  ['shot', 'shoot'], ['struck', 'strike'], ['met', 'meet'], ['told', 'tell'], ['held', 'hold'], ['sent', 'send'], ['brought', 'bring'],
  ['fought', 'fight'], ['sought', 'seek'], ['led', 'lead'], ['won', 'win'], ['gave', 'give'], ['given', 'give'], ['made', 'make'],
  ['spoke', 'speak'], ['spoken', 'speak'], ['broke', 'break'], ['broken', 'break'], ['threw', 'throw'], ['took', 'take'],
  ['taken', 'take'], ['drew', 'draw'], ['froze', 'freeze'], ['frozen', 'freeze'], ['withdrew', 'withdraw'], ['began', 'begin'],
  ['sold', 'sell'], ['bought', 'buy'], ['lent', 'lend'], ['undertook', 'undertake'], ['overthrew', 'overthrow'], ['forbade', 'forbid'],
  ['retook', 'retake'], ['retaken', 'retake'], ['overran', 'overrun'],
]);

/** Whether one of the word's possible verb lemmas is in the set (no word: false). */
export function verbIn(set: ReadonlySet<string>, t: { readonly lemma: string; readonly lower: string } | undefined): boolean {
  return t !== undefined && verbLemmas(t).some((l) => set.has(l));
}

/** Verbs that pledge their object's or infinitive's act: "pledged aid to Y" is a promise to Y. */
export const PROMISING_VERBS: ReadonlySet<string> = new Set(['promise', 'pledge', 'vow', 'offer', 'commit', 'guarantee']);

/** The parser's tags of a word that can head a clause. */
export const VERB_TAGS: ReadonlySet<string> = new Set(['VERB', 'AUX']);

/** Verbs of denial, which answer an accusation told before: "denied the charge", "denies any involvement". */
export const DENIAL_LEMMAS: ReadonlySet<string> = new Set(['deny', 'refute', 'rebut']);

/** Nouns of a wish or plan: an event under them is wanted, not done ("an interest in talks"), or denied ("no plans for talks"). */
export const WISH_NOUNS: ReadonlySet<string> = new Set(['interest', 'plan', 'plans', 'intention', 'desire', 'appetite', 'wish', 'need']);

/**
 * Whether the word at `at` is a particle rather than a preposition that opens a phrase: it ends the
 * sentence or comes before punctuation or another preposition ("pushed the referee *over* in a game").
 */
export function particleAt(tokens: readonly { readonly pos: string; readonly sentence: number; readonly lower: string }[], at: number): boolean {
  const word = tokens[at];
  if (!word || (word.pos !== 'ADP' && word.pos !== 'ADV' && word.pos !== 'PART')) return false;
  const next = tokens[at + 1];
  return !next || next.sentence !== word.sentence || next.pos === 'PUNCT' || PLACE_TIME_PREPS.has(next.lower);
}

/** Prepositions that open a phrase of place or time, after which a word before them stood alone. */
const PLACE_TIME_PREPS: ReadonlySet<string> = new Set(['in', 'at', 'on', 'from', 'with', 'by', 'during', 'after', 'before', 'into', 'near', 'outside', 'inside']);
