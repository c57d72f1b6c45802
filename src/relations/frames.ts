// Verb frames, noun frames and verb + noun collocations: which words signal which relation, and
// where its two ends sit. Each row is data with a `reason`; ./index.ts only interprets them
// (./words.ts holds the function words and word classes the walks read).
// CAMEO codes with their Goldstein (1992) cooperation–conflict scores, as GDELT uses them.
import type { EntityType, Relation } from '../types';

export interface Frame {
  readonly id: string;
  readonly lemmas: readonly string[];
  readonly relation: Relation;
  readonly cameo: string;
  /** Prepositions that must introduce the target ("met with X", "agreed to X"); none = direct object. */
  readonly preps?: readonly string[];
  /** Also accept a target right after the trigger when `preps` are given ("met Putin"). */
  readonly direct?: boolean;
  /** A word that must stand between trigger and target: "sent a *message* to X". */
  readonly requires?: readonly string[];
  /** Whether a topic node (ceasefire, deal) may be the target. */
  readonly topicTarget?: boolean;
  /** With no target, coordinated subjects act on each other: "Trump and Putin met". */
  readonly mutual?: boolean;
  /** Words one of which must follow the target: "asked X *to* …", "wants X *to* …" (not "asked X if …"). */
  readonly after?: readonly string[];
  /** The preposition must follow the verb directly: "agreed with X", not "agreed a deal with X". */
  readonly prepAdjacent?: boolean;
  /** Kinds of actor the target must be ("recognised Palestine", not "recognised Smith for his work"). */
  readonly targetTypes?: readonly EntityType[];
  /** Head nouns the direct object must have, whose owner is the target ("summoned Y's ambassador"); read from the tree only. */
  readonly objectNouns?: readonly string[];
  /** The subject of the verb's that-clause is a target too: "complained that Baghdad had not consulted it". */
  readonly clauseTarget?: true;
  /** Read from the tree only: the walks cannot see what the frame needs. */
  readonly treeOnly?: true;
  /** The target must be a bare name, with no determiner, number or possessor ("received Putin", not "received her Oscar"). */
  readonly bareTarget?: true;
  /** The verb's particle the frame needs ("turn *down*"); such frames are read from the tree only. */
  readonly particle?: string;
  /** The target acts on the subject: "Niger relies on Russian instructors" (Russia aids Niger), "the X delegation included Y". */
  readonly reverse?: boolean;
  readonly reason: string;
}

/**
 * Goldstein score per CAMEO code used by our frames (Goldstein 1992, "A Conflict-Cooperation Scale
 * for WEIS Events Data", J. Conflict Resolution 36(2); the values GDELT publishes for CAMEO 1.1b3).
 */
export const GOLDSTEIN: Readonly<Record<string, number>> = {
  '010': 0.0, '020': 3.0, '021': 3.4, '030': 4.0, '031': 5.2, '032': 4.5, '033': 5.2, '036': 4.0,
  '040': 1.0, '042': 1.9, '043': 2.8, '045': 5.0, '050': 3.5, '051': 3.4, '054': 6.0, '057': 8.0, '060': 6.0, '061': 6.4,
  '070': 7.0, '071': 7.4, '072': 8.3, '073': 7.4, '080': 5.0, '081': 5.0, '084': 7.0, '090': -2.0,
  '100': -5.0, '110': -2.0, '111': -2.0, '112': -2.0, '115': -2.0, '120': -4.0, '130': -4.4, '150': -7.2, '138': -7.0, '161': -4.0, '162': -5.6, '163': -8.0,
  '172': -5.0, '173': -5.0, '180': -9.0, '190': -10.0, '192': -9.5, '195': -10.0,
};

/** Default CAMEO code of each relation, for facts not produced by a frame (titles, gazetteer). */
export const RELATION_CAMEO: Readonly<Record<Relation, string>> = {
  met: '040', urged: '020', proposed: '030', promised: '030', accepted: '080', rejected: '120', supported: '051',
  accused: '112', warned: '130', informed: '010', aided: '070', attacked: '190', sanctioned: '163',
  leader_of: '010', member_of: '010', located_in: '010',
};

export const VERB_FRAMES: readonly Frame[] = [
  { id: 'meet', lemmas: ['meet'], relation: 'met', cameo: '040', preps: ['with'], direct: true, mutual: true, reason: '"X met (with) Y", "X and Y met": a meeting in person' },
  { id: 'speak-with', lemmas: ['speak', 'talk', 'chat'], relation: 'met', cameo: '040', preps: ['with', 'to'], mutual: true, reason: '"X spoke with Y", "X and Y spoke by phone": a conversation, by phone or in person' },
  { id: 'phone', lemmas: ['phone', 'telephone', 'ring'], relation: 'met', cameo: '040', preps: ['with'], direct: true, mutual: true, targetTypes: ['person'], reason: '"X phoned Y": a conversation by phone, with a person' },
  { id: 'call-up', lemmas: ['call'], relation: 'met', cameo: '040', direct: true, targetTypes: ['person'], after: ['on', 'to', 'last', 'this', 'late', 'early', 'yesterday', 'today', 'overnight', 'during', 'after', 'before', 'from', 'by', 'and', ',', '.'], reason: '"X called Y on Tuesday / to discuss …": a phone call; "called Y a killer" (naming) and "called on Y to …" (an appeal) are not' },
  { id: 'hold-talks', lemmas: ['negotiate', 'confer', 'consult'], relation: 'met', cameo: '040', preps: ['with'], direct: true, mutual: true, reason: '"X negotiated with Y", "X and Y negotiated"' },
  { id: 'host', lemmas: ['host'], relation: 'met', cameo: '043', reason: '"X hosted Y": a visit received (CAMEO 043)' },
  { id: 'greet', lemmas: ['greet'], relation: 'met', cameo: '043', direct: true, targetTypes: ['person', 'country', 'organization'], reason: '"Muizzu greeted Modi at the airport": a visitor received in person (CAMEO 043)' },
  { id: 'dismiss-official', lemmas: ['fire', 'sack', 'depose', 'remove'], relation: 'sanctioned', cameo: '172', direct: true, targetTypes: ['person'], reason: '"the council fired Prime Minister Garry Conille": an office taken from Y, an administrative sanction (CAMEO 172); only a person whose office the document names (evidence.ts: "fires Laporte warning", a beaten player are none); "fired at Y" is the fire-at frame (a preposition)' },
  { id: 'receive', lemmas: ['receive'], relation: 'met', cameo: '043', treeOnly: true, bareTarget: true, targetTypes: ['person', 'country'], reason: '"X received Y (in Moscow)": a visitor received (CAMEO 043); only a bare name, read from the tree: "received three Oscar nominations", "receiving her Oscar", "received Kennedy Center honours" are things received (an organisation named bare is an award more often than a guest)' },
  { id: 'visit', lemmas: ['visit'], relation: 'met', cameo: '042', reason: '"X visited Y": a visit (CAMEO 042); a city visited is a place, never a target; a person needs a known country of their own (see VISIT_FRAMES)' },
  { id: 'shuttle-between', lemmas: ['shuttle'], relation: 'met', cameo: '045', preps: ['between'], reason: '"American officials shuttled between the two delegations": a go-between meets each side (CAMEO 045, mediate)' },
  { id: 'dine-with', lemmas: ['dine', 'lunch', 'celebrate', 'breakfast'], relation: 'met', cameo: '040', preps: ['with'], reason: '"X dined / celebrated (a holiday) with Y": a meeting in person' },
  { id: 'travel-to', lemmas: ['travel', 'fly', 'head', 'arrive', 'come', 'land'], relation: 'met', cameo: '042', preps: ['to', 'in'], reason: '"X arrived in / flew to Y" with Y a country or organisation: a visit (CAMEO 042); "return" is left out (going home, or sending people back)' },
  { id: 'leave-for', lemmas: ['leave', 'depart'], relation: 'met', cameo: '042', preps: ['for'], reason: '"X left for Y": the start of a visit (CAMEO 042); "left Y" and "left Z to Y" are no visit' },
  { id: 'encourage', lemmas: ['encourage'], relation: 'urged', cameo: '020', direct: true, after: ['to'], reason: '"X encouraged Y to …": an appeal only with what Y is to do; "the support encouraged him" heartens' },
  { id: 'urge', lemmas: ['urge', 'implore', 'appeal', 'exhort', 'plead'], relation: 'urged', cameo: '020', preps: ['to', 'on', 'with'], direct: true, reason: '"X urged Y to …": X appeals to Y' },
  { id: 'press', lemmas: ['press', 'push', 'pressure', 'pressurise', 'pressurize', 'lean', 'lobby'], relation: 'urged', cameo: '020', preps: ['on'], direct: true, after: ['to', 'for', 'into', 'over', 'on'], reason: '"X pressed / pushed Y to … (for …)": an appeal only with what Y is pressed to do; "pushed the referee" is a shove' },
  { id: 'ask', lemmas: ['ask', 'request'], relation: 'urged', cameo: '020', direct: true, after: ['to', 'for', 'not'], reason: '"X asked Y to … / for …": a request; "asked Y if …" is a question' },
  { id: 'order', lemmas: ['order', 'command', 'instruct', 'direct'], relation: 'urged', cameo: '020', direct: true, after: ['to'], reason: '"X ordered Y to …": a demand with authority; "ordered a review" names no one' },
  { id: 'demand-from', lemmas: ['demand', 'request', 'seek'], relation: 'urged', cameo: '020', preps: ['from'], reason: '"Iran demanded an apology from Britain", "sought air defences from Germany": asking Y for something (CAMEO 02)' },
  { id: 'call-on', lemmas: ['call', 'demand', 'insist'], relation: 'urged', cameo: '020', preps: ['on', 'upon'], prepAdjacent: true, reason: '"X called on Y to …", "X demanded that Y …" (the tree reads the that-clause\'s subject): a request or demand' },
  { id: 'want', lemmas: ['want', 'wish'], relation: 'urged', cameo: '020', after: ['to'], reason: '"X wants Y to …": a demand on Y' },
  { id: 'propose', lemmas: ['propose', 'offer', 'float'], relation: 'proposed', cameo: '036', topicTarget: true, preps: ['to'], direct: true, reason: '"X proposed Z (to Y)": a proposal' },
  { id: 'promise', lemmas: ['promise', 'pledge', 'vow', 'guarantee', 'commit', 'spare'], relation: 'promised', cameo: '030', topicTarget: true, preps: ['to', 'with'], direct: true, reason: '"X promised Y …", "X committed to … with Y", "X will spare Y": a pledge ("committed a crime with Y", with an object, is none: index.ts)' },
  { id: 'accept', lemmas: ['accept', 'agree', 'approve', 'endorse', 'embrace'], relation: 'accepted', cameo: '081', topicTarget: true, preps: ['to', 'on', 'from'], direct: true, reason: '"X accepted / agreed to Z": X yields to a proposal; "accepted deportation flights from Y": yields to Y' },
  { id: 'agree-with', lemmas: ['agree', 'side', 'concur'], relation: 'supported', cameo: '051', preps: ['with'], mutual: true, prepAdjacent: true, reason: '"X agrees / sided with Y (that …)", "X and Y agree that …": X takes Y\'s position' },
  { id: 'support', lemmas: ['support', 'back', 'favour', 'favor', 'champion'], relation: 'supported', cameo: '051', topicTarget: true, reason: '"X supports Y/Z": political support' },
  { id: 'welcome', lemmas: ['welcome', 'praise', 'hail', 'applaud', 'commend', 'laud', 'salute', 'congratulate'], relation: 'supported', cameo: '051', topicTarget: true, preps: ['from', 'by', 'of', 'with', 'between'], direct: true, reason: '"X welcomed / praised Y", "X welcomed the offer from Y", "X hailed the resumption of ties with Y": praise or endorse (CAMEO 051)' },
  { id: 'stand-with', lemmas: ['stand'], relation: 'supported', cameo: '051', preps: ['with', 'by', 'behind'], prepAdjacent: true, reason: '"X stands with / by / behind Y": a declaration of support (CAMEO 051); "stood by its decision" names no actor' },
  { id: 'recognise-as', lemmas: ['recognise', 'recognize'], relation: 'supported', cameo: '051', targetTypes: ['person'], after: ['as'], reason: '"X recognised Y as the winner / the legitimate leader": backing a person\'s claim' },
  { id: 'recognise-win', lemmas: ['recognise', 'recognize', 'acknowledge'], relation: 'supported', cameo: '051', direct: true, objectNouns: ['victory', 'win', 'election', 're-election', 'reelection', 'presidency', 'government', 'legitimacy', 'mandate'], reason: '"refused to recognise the victory of Y / Y\'s government": backing (or, negated, denying) the claim of the one who won or rules (CAMEO 051)' },
  { id: 'recognise', lemmas: ['recognise', 'recognize'], relation: 'supported', cameo: '054', targetTypes: ['country', 'organization'], reason: '"X recognised Y" with Y a state or organisation: diplomatic recognition (CAMEO 054); "recognised the problem" names no actor' },
  { id: 'invite', lemmas: ['invite'], relation: 'proposed', cameo: '036', direct: true, reason: '"X invited Y (to Paris, to talks)": an offer to meet (CAMEO 036, express intent to meet or negotiate)' },
  { id: 'turn-down', lemmas: ['turn'], particle: 'down', relation: 'rejected', cameo: '120', topicTarget: true, treeOnly: true, reason: '"X turned down Y\'s offer": a refusal; "turned" alone is a movement' },
  { id: 'throw-out', lemmas: ['throw', 'strike'], particle: 'out', relation: 'rejected', cameo: '120', topicTarget: true, treeOnly: true, reason: '"the court threw out Sudan\'s case", "struck out the claim": a refusal of Y\'s request' },
  { id: 'strike-down', lemmas: ['strike'], particle: 'down', relation: 'rejected', cameo: '120', topicTarget: true, treeOnly: true, reason: '"the court struck down Trump\'s tariffs": a ruling against Y\'s measure' },
  { id: 'reject', lemmas: ['reject', 'refuse', 'rebuff', 'dismiss', 'veto', 'decline', 'spurn', 'oppose'], relation: 'rejected', cameo: '120', topicTarget: true, reason: '"X rejected / opposed Y/Z": a refusal' },
  { id: 'complain-of', lemmas: ['complain'], relation: 'accused', cameo: '111', preps: ['of', 'about'], prepAdjacent: true, clauseTarget: true, reason: '"Lebanon complained of Israeli violations / about Israel / that Israel had …": a complaint against Y, the author of the act complained of, or the one the complaint says acted (CAMEO 111)' },
  { id: 'accuse', lemmas: ['accuse', 'blame', 'condemn', 'criticise', 'criticize', 'denounce', 'slam', 'fault', 'deplore', 'decry', 'chide', 'rebuke', 'censure', 'reprimand', 'castigate', 'lambast', 'lambaste'], relation: 'accused', cameo: '112', preps: ['for', 'by'], direct: true, reason: '"X accused / blamed / condemned Y (of …)", "X condemned the attack by Y": an accusation or denunciation' },
  { id: 'warn', lemmas: ['warn', 'threaten', 'caution'], relation: 'warned', cameo: '130', reason: '"X warned Y": a warning or threat' },
  { id: 'explain-to', lemmas: ['explain', 'convey', 'communicate', 'relay'], relation: 'informed', cameo: '010', preps: ['to'], reason: '"Tokyo had explained its choice to Seoul", "conveyed its concerns to China": X tells Y something (CAMEO 010)' },
  { id: 'inform', lemmas: ['tell', 'inform', 'brief', 'notify', 'update', 'alert'], relation: 'informed', cameo: '010', reason: '"X told / briefed Y": X informs Y' },
  { id: 'address', lemmas: ['address'], relation: 'informed', cameo: '010', direct: true, targetTypes: ['organization'], reason: '"addressed the UN General Assembly / parliament": a speech to a body; "addressed the issue" names no actor, and a person or country addressed is a letter\'s recipient, read elsewhere' },
  { id: 'assure', lemmas: ['assure', 'reassure'], relation: 'promised', cameo: '030', direct: true, reason: '"he assured Modi that Sri Lanka would not …": a pledge to Y (CAMEO 030), not mere information' },
  { id: 'send-message', lemmas: ['send', 'convey', 'pass', 'deliver', 'relay'], relation: 'informed', cameo: '010', preps: ['to'], requires: ['message', 'messages', 'signal', 'signals', 'letter', 'note', 'word'], reason: '"X sent a message to Y": X informs Y' },
  { id: 'aid', lemmas: ['aid', 'help', 'assist', 'arm', 'supply', 'fund', 'resupply', 'bankroll', 'finance'], relation: 'aided', cameo: '070', preps: ['to'], direct: true, reason: '"X aided / armed Y": material help' },
  { id: 'rely-on', lemmas: ['rely', 'depend'], relation: 'aided', cameo: '070', preps: ['on', 'upon'], prepAdjacent: true, treeOnly: true, reverse: true, targetTypes: ['country', 'organization'], reason: '"Niger now relies on Russian military instructors", "relies on Russia\'s Africa Corps": the state or body relied on aids the subject (CAMEO 070), when the subject is a state (tree-frames.ts: "the Sun Grid relies on Solaris" is a product\'s); a person or a thing relied on is no such help' },
  { id: 'donate', lemmas: ['donate'], relation: 'aided', cameo: '070', preps: ['to'], reason: '"X donated … to Y": material help ("contributed to the decline" is no gift; "contributed money to" is a collocation)' },
  { id: 'summon-envoy', lemmas: ['summon'], relation: 'accused', cameo: '110', direct: true, objectNouns: ['ambassador', 'envoy', 'charge', 'chargé', 'diplomat', 'diplomats', 'ambassadors', 'envoys'], reason: '"X summoned Y\'s ambassador / the Y envoy": calling in a state\'s envoy is a formal protest to that state (CAMEO 11, disapprove)' },
  { id: 'declare-unwelcome', lemmas: ['declare'], relation: 'sanctioned', cameo: '161', direct: true, after: ['unwelcome', 'persona'], targetTypes: ['person', 'country', 'organization'], reason: '"declared Ambassador Itte unwelcome / persona non grata": an envoy ordered out reduces relations, as expelling does (CAMEO 16)' },
  { id: 'expel', lemmas: ['expel'], relation: 'sanctioned', cameo: '161', direct: true, reason: '"X expelled the ambassadors of Y / French troops": expelling a state\'s envoys or forces reduces relations (CAMEO 16)' },
  { id: 'attack', lemmas: ['attack', 'strike', 'shell', 'bomb', 'invade', 'raid', 'hit', 'target', 'shoot', 'bombard', 'ambush', 'pound', 'hammer', 'blitz', 'storm'], relation: 'attacked', cameo: '190', reason: '"X attacked / struck / shelled Y": military force' },
  { id: 'clash-with', lemmas: ['clash', 'skirmish'], relation: 'attacked', cameo: '190', preps: ['with'], mutual: true, prepAdjacent: true, reason: '"Thai and Cambodian troops clashed", "X clashed with Y": force used by each side on the other (CAMEO 190); only between states and armed groups (evidence.ts: a singer clashing with a magazine argues)' },
  { id: 'fire-at', lemmas: ['fire', 'lob', 'hurl'], relation: 'attacked', cameo: '190', preps: ['at', 'on', 'into', 'towards', 'toward'], reason: '"X fired (shells) at Y": military force; "fired Y" (dismissed) has no preposition and is not read' },
  { id: 'sanction', lemmas: ['sanction', 'embargo', 'blacklist'], relation: 'sanctioned', cameo: '163', reason: '"X sanctioned Y": economic coercion' },
  { id: 'fine', lemmas: ['fine', 'fin', 'penalise', 'penalize'], relation: 'sanctioned', cameo: '163', direct: true, preps: ['for'], reason: '"The European Commission fined Google": a regulator\'s penalty is a sanction on Y (wink lemmatises "fined" as "fin")' },
  { id: 'link-to', lemmas: ['link'], relation: 'accused', cameo: '112', direct: true, after: ['to'], reason: '"X linked Y to the attack / to a terrorist group": tying an actor to a crime or a hostile group accuses it (CAMEO 112); the object must be followed by "to"' },
  { id: 'leave-organization', lemmas: ['leave', 'quit', 'exit'], relation: 'rejected', cameo: '120', direct: true, targetTypes: ['organization'], reason: '"The US left the WHO", "Angola quit OPEC": leaving a body rejects it (CAMEO 12); a place or country left is a journey, not read' },
  { id: 'withdraw-from', lemmas: ['withdraw', 'pull'], relation: 'rejected', cameo: '120', preps: ['from', 'of'], targetTypes: ['organization'], reason: '"X withdrew from the ICC / pulled out of the WHO": leaving a body rejects it; troops withdrawn from a country are not read (organisations only)' },
  { id: 'not-allow', lemmas: ['allow', 'let', 'permit', 'tolerate'], relation: 'warned', cameo: '130', direct: true, after: ['to', 'off', 'get', 'have', 'acquire', 'build'], treeOnly: true, reason: '"Israel will never allow Tehran to acquire nuclear weapons", "would not let Minsk off the hook": a refusal to let Y act, said ahead, is a warning to Y (CAMEO 130); read only when denied (tree-frames.ts), an act allowed is none' },
  { id: 'deter', lemmas: ['deter'], relation: 'warned', cameo: '138', direct: true, targetTypes: ['country', 'organization'], reason: '"deployed a carrier to deter Iran": a show of force to warn Y (CAMEO 13)' },
  { id: 'fight', lemmas: ['fight', 'battle'], relation: 'attacked', cameo: '190', preps: ['against'], direct: true, targetTypes: ['country', 'organization'], reason: '"the RSF has fought the army", "fighting against Y": armed combat with a state or an armed body (CAMEO 190); "fought corruption / the election" names no actor' },
  { id: 'retake-from', lemmas: ['retake', 'recapture', 'wrest', 'reclaim'], relation: 'attacked', cameo: '190', preps: ['from'], targetTypes: ['country', 'organization'], reason: '"the army retook the palace from the RSF": ground won back by force from Y' },
  { id: 'suspend-member', lemmas: ['suspend'], relation: 'sanctioned', cameo: '161', direct: true, targetTypes: ['country', 'organization'], bareTarget: true, treeOnly: true, reason: '"The African Union suspended Niger": a body suspending a member state (CAMEO 16, reduce relations); "suspended talks / aid" are collocations, a bare state name only' },
  { id: 'annex', lemmas: ['annex', 'occupy', 'retake', 'recapture', 'overrun'], relation: 'attacked', cameo: '192', direct: true, treeOnly: true, reason: '"Russia annexed Crimea", "a decree annexing four Ukrainian regions", "Israel occupied the West Bank": territory taken by force (CAMEO 192, occupy territory); read from the tree only' },
  { id: 'overthrow', lemmas: ['overthrow', 'topple'], relation: 'attacked', cameo: '180', direct: true, treeOnly: true, targetTypes: ['person', 'country'], reason: '"General Tiani toppled President Bazoum", "the officers who overthrew the government": power seized by force from a state\'s ruler is force on them (CAMEO 18), even between two persons; only a person whose office in a state the document names (evidence.ts: "Nadal toppled Federer" is none); "oust" stays a CAMEO verb (sanctioned: boards oust chairmen)' },
  { id: 'kill', lemmas: ['kill', 'wound', 'injure'], relation: 'attacked', cameo: '190', direct: true, treeOnly: true, reason: '"Israeli strikes killed 30 people in Gaza", "troops killed Y": killing is force (CAMEO 190) on the one killed or the place of those killed; read from the tree only' },
  { id: 'object-to', lemmas: ['object'], relation: 'rejected', cameo: '120', preps: ['to'], prepAdjacent: true, topicTarget: true, reason: '"X objected to Y\'s plan": opposition (CAMEO 12)' },
  { id: 'protest-to', lemmas: ['protest'], relation: 'accused', cameo: '111', preps: ['to'], prepAdjacent: true, reason: '"Brazil protested to Washington over …": a formal complaint to Y (CAMEO 111)' },
  { id: 'sentence', lemmas: ['sentence', 'convict', 'jail', 'imprison', 'indict'], relation: 'sanctioned', cameo: '173', direct: true, reason: '"Bosnia\'s state court sentenced Dodik", "a Russian court jailed Navalny": legal action against Y (CAMEO 173, arrest, detain or charge)' },
  { id: 'point-at', lemmas: ['point'], relation: 'accused', cameo: '112', preps: ['at'], reason: '"Serbian officials pointed at Croatia", "pointed the finger at Y": blame laid on Y (CAMEO 112); "pointed to the data" names no one' },
  { id: 'sue', lemmas: ['sue'], relation: 'accused', cameo: '115', direct: true, reason: '"X sued Y (over …)": a lawsuit accuses Y in court (CAMEO 115, bring lawsuit against)' },
];

/**
 * Verbs that state a role at a distance, read from the tree only: "the RSF, led by Dagalo", "the
 * US delegation included Rubio", "Ukraine was represented by Umerov". The person is the source and
 * the organisation or country the target; `reverse`: the verb's subject is the organisation.
 */
export interface RoleFrame extends Frame {
  readonly relation: 'leader_of' | 'member_of';
}

export const ROLE_FRAMES: readonly RoleFrame[] = [
  { id: 'lead', lemmas: ['lead', 'head', 'chair', 'command', 'run'], relation: 'leader_of', cameo: '010', reason: '"Y leads X", "X, led / headed by Y": Y is the leader of organisation or country X' },
  { id: 'represent', lemmas: ['represent'], relation: 'member_of', cameo: '010', reason: '"Y represented X", "X was represented by Y": Y acts for X' },
  { id: 'include', lemmas: ['include', 'comprise'], relation: 'member_of', cameo: '010', reverse: true, reason: '"the X delegation included Y": Y is a member of (the delegation of) X' },
  { id: 'join', lemmas: ['join'], relation: 'member_of', cameo: '010', reason: '"Y joined X" with Y a person and X an organisation: Y became a member' },
];

/**
 * CAMEO code families whose dictionary verbs are read as triggers where no frame of ours knows the
 * verb. Judged on BBC politics output, the verbal families (appeals, intents, consultation,
 * cooperation, disapproval, rejection: 02x–06x, 10x–12x) read other senses far more often than
 * events ("challenged the Tories", "joining with the Tories", "gearing up for negotiations with"),
 * and our own frames already hold those families' core verbs; the material ones below did not.
 */
export const CAMEO_TRIGGER_FAMILIES: readonly { readonly prefix: string; readonly reason: string }[] = [
  { prefix: '045', reason: 'mediate: "Qatar and Egypt mediated between Israel and Hamas"' },
  { prefix: '07', reason: 'provide aid: "granted him asylum", "airlifted supplies to"' },
  { prefix: '13', reason: 'threaten: "threatened Y with sanctions"' },
  { prefix: '16', reason: 'reduce relations: "expelled French troops", "recalled its ambassador from"' },
  { prefix: '17', reason: 'coerce: "detained", "seized", "arrested" (an actor of ours acting on another)' },
  { prefix: '18', reason: 'assault: "abducted", "assassinated"' },
  { prefix: '19', reason: 'fight: "occupies northern Cyprus", "shelled"' },
  { prefix: '20', reason: 'mass violence' },
];

/** Nouns that carry a relation: "X's meeting with Y", "talks between X and Y", "his support of Z". */
export interface NounFrame {
  readonly id: string;
  readonly nouns: readonly string[];
  readonly relation: Relation;
  readonly cameo: string;
  /** Prepositions that introduce the target. */
  readonly preps: readonly string[];
  /** "talks between X and Y": both ends follow the noun. */
  readonly between?: boolean;
  readonly topicTarget?: boolean;
  /** With no target, coordinated owners act on each other: "X and Y held talks". */
  readonly mutual?: boolean;
  /** Light verbs after which the subject receives the act: "X had the backing of Y" (Y backs X). */
  readonly receivedWith?: readonly string[];
  /** Only a possessor or by-phrase is the side: "a US lawsuit against Y" is one filed in a US court. */
  readonly possessorOnly?: true;
  /** The act goes both ways: "X's war with Y" is Y's on X too. */
  readonly bothWays?: true;
  /** Words that, modifying the noun, make it no act of its kind: "a trade war", "a war of words". */
  readonly figurative?: readonly string[];
  readonly reason: string;
}

export const ATTACK_NOUNS: readonly string[] = [
  'attack', 'attacks', 'strike', 'strikes', 'airstrike', 'airstrikes', 'invasion', 'offensive', 'assault', 'raid', 'raids',
  'bombardment', 'bombing', 'bombings', 'shelling', 'incursion', 'incursions', 'onslaught', 'counteroffensive', 'counter-offensive',
];
export const SANCTION_NOUNS: readonly string[] = ['sanctions', 'embargo', 'embargoes', 'boycott', 'blockade', 'tariffs', 'tariff', 'duties', 'levy', 'levies', 'countermeasures', 'counter-measures', 'counter-tariffs', 'countertariffs', 'counter-sanctions', 'countersanctions', 'blacklist', 'curbs', 'controls', 'ban', 'bans', 'restrictions', 'surcharge', 'surcharges'];
const TIES_NOUNS: readonly string[] = ['ties', 'relations', 'relationship', 'dialogue', 'cooperation', 'partnership'];
export const AGREEMENT_NOUNS: readonly string[] = ['agreement', 'agreements', 'accord', 'accords', 'deal', 'deals', 'treaty', 'pact', 'protocol', 'memorandum', 'contract', 'contracts', 'document', 'ceasefire', 'truce', 'armistice', 'swap'];
const AID_NOUNS: readonly string[] = [
  'aid', 'assistance', 'money', 'funds', 'funding', 'loan', 'loans', 'grant', 'grants', 'weapons', 'arms', 'ammunition',
  'equipment', 'food', 'wheat', 'grain', 'supplies', 'million', 'billion', 'dollars', 'euros', 'vaccines', 'fuel', 'credit',
  'credits', 'tanks', 'missiles', 'shells', 'relief', 'donations', 'medicine', 'medicines',
];
const PROJECTILE_NOUNS: readonly string[] = [
  'shells', 'shell', 'missiles', 'missile', 'rockets', 'rocket', 'drones', 'drone', 'mortars', 'mortar', 'shots', 'shot',
  'artillery', 'bombs', 'bomb', 'projectiles', 'salvo', 'salvos', 'volley', 'barrage', 'torpedoes', 'grenades', 'bullets',
];

export const NOUN_FRAMES: readonly NounFrame[] = [
  { id: 'pact-between', nouns: ['truce', 'ceasefire', 'deal', 'agreement', 'accord', 'pact', 'treaty', 'armistice'], relation: 'promised', cameo: '057', preps: ['between'], between: true, reason: '"the ceasefire between Israel and Hezbollah", "brokered a truce between X and Y": a pact between two sides binds each to the other (CAMEO 057)' },
  { id: 'pact-with', nouns: ['pact', 'treaty', 'accord', 'alliance'], relation: 'promised', cameo: '057', preps: ['with'], reason: '"Moscow\'s pact with North Korea": a standing pact binds its owner to Y (CAMEO 057); deals and agreements under talks are read by their verbs' },
  { id: 'talks-with', nouns: ['talks', 'meeting', 'meetings', 'call', 'discussions', 'discussion', 'conversation', 'summit', 'negotiations', 'consultations', 'dinner', 'lunch', 'breakfast'], relation: 'met', cameo: '040', preps: ['with'], mutual: true, reason: '"X had talks / a meeting with Y", "X and Y held talks", "X and Y postponed their meeting"' },
  { id: 'clashes-between', nouns: ['clashes', 'fighting', 'battles', 'skirmishes', 'hostilities'], relation: 'attacked', cameo: '190', preps: ['between'], between: true, reason: '"clashes between Thai and Cambodian troops", "fighting between the army and the RSF": each side uses force on the other (not "conflict" or "war", said of quarrels too)' },
  { id: 'war-between', nouns: ['war', 'wars'], relation: 'attacked', cameo: '190', preps: ['between'], between: true, figurative: ['trade', 'tariff', 'price', 'currency', 'tax', 'culture', 'turf', 'bidding', 'words', 'propaganda', 'information', 'legal', 'cold', 'rating', 'ratings', 'talent'], reason: '"a year of war between Israel and Hezbollah": each side uses force on the other; not "a trade war", "a war of words between"' },
  { id: 'talks-between', nouns: ['talks', 'meeting', 'meetings', 'call', 'discussions', 'negotiations', 'summit', 'consultations'], relation: 'met', cameo: '040', preps: ['between'], between: true, reason: '"talks between X and Y"' },
  { id: 'visit-to', nouns: ['visit', 'trip', 'tour'], relation: 'met', cameo: '042', preps: ['to'], reason: '"X\'s visit to Y" with Y a country or organisation: a visit (CAMEO 042)' },
  { id: 'acceptance-of', nouns: ['acceptance', 'approval', 'endorsement'], relation: 'accepted', cameo: '081', preps: ['of', 'for'], topicTarget: true, reason: '"X\'s acceptance of Z"' },
  { id: 'solidarity-with', nouns: ['solidarity'], relation: 'supported', cameo: '051', preps: ['with'], reason: '"X voiced / expressed solidarity with Y": praise or endorse (CAMEO 051)' },
  { id: 'support-of', nouns: ['support', 'backing'], relation: 'supported', cameo: '051', preps: ['of', 'for'], topicTarget: true, receivedWith: ['have', 'get', 'receive', 'win', 'enjoy', 'gain', 'lose', 'secure'], reason: '"X\'s support of/for Z"; "X had / won the backing of Y": Y supports X' },
  { id: 'rejection-of', nouns: ['rejection'], relation: 'rejected', cameo: '120', preps: ['of'], topicTarget: true, reason: '"X\'s rejection of Z"' },
  { id: 'call-for', nouns: ['call', 'appeal', 'plea', 'demand', 'request'], relation: 'urged', cameo: '020', preps: ['to', 'for', 'on'], reason: '"X\'s call for/on Y to …"' },
  { id: 'proposal-of', nouns: ['proposal', 'offer', 'plan'], relation: 'proposed', cameo: '036', preps: ['to', 'for'], reason: '"X\'s proposal to Y"' },
  { id: 'message-to', nouns: ['message', 'letter', 'signals'], relation: 'informed', cameo: '010', preps: ['to'], reason: '"X\'s message to Y"' },
  { id: 'warning-to', nouns: ['warning', 'ultimatum'], relation: 'warned', cameo: '130', preps: ['to'], reason: '"X\'s warning to Y"' },
  { id: 'accusation-against', nouns: ['accusation', 'accusations', 'allegations', 'criticism', 'condemnation'], relation: 'accused', cameo: '112', preps: ['against', 'of'], reason: '"X\'s accusations against Y", "X\'s criticism of Y"' },
  { id: 'case-against', nouns: ['case', 'cases', 'lawsuit', 'lawsuits', 'suit', 'complaint', 'complaints'], relation: 'accused', cameo: '115', preps: ['against'], possessorOnly: true, reason: '"South Africa\'s genocide case against Israel", "X\'s lawsuit against Y": a charge brought in court (CAMEO 115)' },
  { id: 'warrant-for', nouns: ['warrant', 'warrants'], relation: 'accused', cameo: '115', preps: ['for', 'against'], possessorOnly: true, reason: '"the ICC\'s arrest warrant for Netanyahu": a court charging Y (CAMEO 115)' },
  { id: 'attack-on', nouns: ATTACK_NOUNS, relation: 'attacked', cameo: '190', preps: ['on', 'against', 'of', 'into'], reason: '"X\'s attack on Y"' },
  { id: 'war-on', nouns: ['war', 'wars', 'offensive', 'offensives', 'incursion', 'bombardment', 'battle', 'battles'], relation: 'attacked', cameo: '190', preps: ['on', 'against', 'in'], possessorOnly: true, reason: '"Russia\'s war in / on / against Ukraine", "its military offensive in Rafah": war waged on Y by its owner ("looks at the war in Chechnya" names no attacker; a war "of independence" or "with" Y neither)' },
  { id: 'war-with', nouns: ['war', 'wars', 'conflict', 'fight'], relation: 'attacked', cameo: '190', preps: ['with'], possessorOnly: true, bothWays: true, reason: '"the army\'s war with the RSF", "Israel\'s war with Hezbollah": a war its owner is waging with Y is force both ways; only with an owner ("a war with no end" names no side)' },
  { id: 'withdrawal-from', nouns: ['withdrawal', 'exit', 'departure'], relation: 'rejected', cameo: '120', preps: ['from'], possessorOnly: true, reason: '"Mali announced its withdrawal from Ecowas": a state leaving a body rejects it (CAMEO 12); only a body, only its possessor (troops withdrawing from a town are no rejection: evidence.ts)' },
  { id: 'sanctions-on', nouns: SANCTION_NOUNS, relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], reason: '"X\'s sanctions on Y"' },
  { id: 'aid-to', nouns: ['aid', 'assistance', 'support'], relation: 'aided', cameo: '070', preps: ['to', 'with'], reason: '"X\'s aid to Y"' },
];

/**
 * Verb + noun collocations whose meaning comes from the pair: "restored ties with Y" (recognition)
 * and "broke ties with Y" (a break) share a noun; "signed a deal with Y" and "launched an attack on
 * Y" put the act in the noun. The verb's subject is the source, a target follows one of `preps`
 * after the noun. `mutual`: with no target, coordinated subjects act on each other ("Gondor and
 * Rohan restored ties"). `reverse`: the target is the source ("X received aid from Y": Y aided X).
 * `hypothetical`: the verb only asks for or announces the act ("called for sanctions on Y").
 */
export interface CollocationFrame {
  readonly id: string;
  readonly verbs: readonly string[];
  readonly nouns: readonly string[];
  readonly relation: Relation;
  readonly cameo: string;
  readonly preps: readonly string[];
  readonly mutual?: boolean;
  readonly reverse?: boolean;
  readonly hypothetical?: boolean;
  /** The verb undoes the act: "lifted sanctions on Y" is told as sanctions that no longer hold (negated). */
  readonly undone?: true;
  /** Kinds of actor the target must be (as Frame.targetTypes). */
  readonly targetTypes?: readonly EntityType[];
  readonly reason: string;
}

/** Frames only a state or a body acts in: "John Smith left Google" is a job change, "Angola quit OPEC" a rejection. */
export const STATE_ONLY_FRAMES: ReadonlySet<string> = new Set(['leave-organization', 'withdraw-from', 'withdrawal-from']);

export const COLLOCATION_FRAMES: readonly CollocationFrame[] = [
  { id: 'restore-ties', verbs: ['restore', 'renew', 'resume', 'reestablish', 're-establish', 'establish', 'normalise', 'normalize', 'forge', 'upgrade', 'mend', 'rebuild'], nouns: TIES_NOUNS, relation: 'supported', cameo: '054', preps: ['with'], mutual: true, reason: '"X restored / established (diplomatic) ties with Y": diplomatic recognition (CAMEO 054)' },
  { id: 'strengthen-ties', verbs: ['strengthen', 'deepen', 'expand', 'reaffirm', 'reassert', 'boost', 'bolster', 'enhance', 'improve', 'cement', 'broaden'], nouns: ['ties', 'relations', 'relationship', 'partnership', 'cooperation', 'friendship', 'alliance', 'links', 'bonds'], relation: 'supported', cameo: '050', preps: ['with'], mutual: true, reason: '"X strengthened / reaffirmed its partnership with Y": diplomatic cooperation (CAMEO 050)' },
  { id: 'seek-ties', verbs: ['seek', 'pursue', 'want', 'court'], nouns: ['ties', 'relations', 'relationship', 'partnership', 'cooperation', 'friendship', 'alliance', 'links'], relation: 'supported', cameo: '050', preps: ['with'], hypothetical: true, reason: '"accused Deby of seeking closer ties with Moscow": closer ties sought, not yet made (hypothetical)' },
  { id: 'break-ties', verbs: ['break', 'sever', 'cut', 'abandon', 'suspend', 'freeze', 'downgrade', 'rupture'], nouns: TIES_NOUNS, relation: 'sanctioned', cameo: '161', preps: ['with'], mutual: true, reason: '"X broke off / severed ties with Y": reduce or break relations (CAMEO 161)' },
  { id: 'sign-agreement', verbs: ['sign', 'conclude', 'ink', 'seal', 'ratify', 'reach', 'strike', 'initial', 'initialled', 'initialed', 'finalise', 'finalize', 'clinch', 'complete'], nouns: AGREEMENT_NOUNS, relation: 'promised', cameo: '057', preps: ['with'], mutual: true, reason: '"X signed / reached an agreement with Y": a formal commitment to Y (CAMEO 057)' },
  { id: 'joint-declaration', verbs: ['adopt', 'issue', 'release', 'publish'], nouns: ['declaration', 'communique', 'communiqué', 'resolution', 'resolutions', 'statement'], relation: 'supported', cameo: '051', preps: ['with'], mutual: true, targetTypes: ['country', 'organization'], reason: '"X adopted a resolution / issued a joint statement with Y": X and Y take one position (states and bodies; two people issuing a statement together are one side speaking)' },
  { id: 'sign-declaration', verbs: ['sign', 'agree', 'initial'], nouns: ['declaration', 'declarations', 'communique', 'communiqué', 'statement'], relation: 'promised', cameo: '057', preps: ['with'], mutual: true, reason: '"Armenia and Azerbaijan signed a joint declaration", "signed a declaration of friendship with Y": a text signed binds its signatories to each other (CAMEO 057), as a signed agreement does' },
  { id: 'launch-attack', verbs: ['launch', 'carry', 'stage', 'mount', 'conduct', 'unleash', 'intensify', 'escalate', 'step', 'resume', 'begin', 'start', 'press', 'push', 'widen', 'expand', 'keep', 'continue', 'sustain'], nouns: ATTACK_NOUNS, relation: 'attacked', cameo: '190', preps: ['on', 'against', 'into', 'at', 'in'], reason: '"X launched / carried out an attack on Y", "kept up / continued its strikes on Y": military force' },
  { id: 'take-ground-from', verbs: ['retake', 'recapture', 'capture', 'seize', 'take', 'win'], nouns: ['village', 'villages', 'town', 'towns', 'city', 'territory', 'ground', 'positions', 'settlements', 'areas', 'land', 'districts'], relation: 'attacked', cameo: '192', preps: ['from'], reason: '"Russian forces retook two villages from Ukrainian troops": territory taken from Y by force (CAMEO 192)' },
  { id: 'start-war', verbs: ['start', 'begin', 'launch', 'provoke', 'fight'], nouns: ['war', 'wars'], relation: 'attacked', cameo: '190', preps: ['with', 'on', 'against'], reason: '"Burundi would not start a war with Rwanda", "fought a war against Y": a war begun or fought with Y is force on Y (CAMEO 190); only the noun war (a campaign launched with Y is a partnership)' },
  { id: 'wage-war', verbs: ['wage', 'declare'], nouns: ['war', 'campaign', 'offensive'], relation: 'attacked', cameo: '190', preps: ['on', 'against'], reason: '"X waged / declared war on Y": military force' },
  { id: 'fire-weapons', verbs: ['fire', 'launch', 'lob', 'drop'], nouns: PROJECTILE_NOUNS, relation: 'attacked', cameo: '190', preps: ['at', 'on', 'into', 'towards', 'toward', 'against'], reason: '"X fired shells / launched missiles at Y": military force' },
  { id: 'impose-sanctions', verbs: ['impose', 'slap', 'set', 'order', 'announce', 'levy', 'extend', 'tighten', 'expand', 'introduce', 'adopt', 'approve', 'enforce', 'agree', 'unveil', 'raise', 'hike', 'increase', 'double', 'triple', 'put', 'place', 'reimpose', 'restore', 'reinstate', 'trigger'], nouns: SANCTION_NOUNS, relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], reason: '"X imposed sanctions on Y": economic coercion (lifting or easing sanctions is not listed)' },
  { id: 'appeal-for-calm', verbs: ['appeal', 'call', 'plead', 'press', 'push', 'urge'], nouns: ['peace', 'calm', 'restraint', 'dialogue', 'de-escalation', 'reconciliation', 'negotiations'], relation: 'urged', cameo: '020', preps: ['in', 'between', 'from', 'on'], reason: '"X appealed for peace in Y", "X called for dialogue between Y and Z", "X urged restraint from Y": an appeal to the parties' },
  { id: 'call-for-sanctions', verbs: ['call', 'demand', 'urge', 'seek', 'propose', 'threaten', 'push', 'press', 'want', 'prepare', 'draft', 'draw', 'weigh', 'consider', 'plan'], nouns: SANCTION_NOUNS, relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], hypothetical: true, reason: '"X called for / threatened / drew up sanctions against Y": sanctions asked for or prepared, not (yet) imposed' },
  { id: 'exchange-fire', verbs: ['exchange', 'trade'], nouns: ['fire', 'gunfire', 'strikes', 'shots', 'blows', 'attacks', 'shelling', 'salvos', 'barrages', 'rockets', 'missiles'], relation: 'attacked', cameo: '190', preps: ['with'], mutual: true, reason: '"X and Y exchanged fire", "X traded strikes with Y": both sides use force on each other' },
  { id: 'retaliate-with-force', verbs: ['retaliate', 'respond', 'reply', 'hit'], nouns: [...ATTACK_NOUNS, ...PROJECTILE_NOUNS], relation: 'attacked', cameo: '190', preps: ['on', 'against', 'at', 'in'], reason: '"X retaliated / responded with strikes on Y": military force' },
  { id: 'come-under-attack', verbs: ['come'], nouns: [...ATTACK_NOUNS, 'fire', 'gunfire'], relation: 'attacked', cameo: '190', preps: ['from', 'by'], reverse: true, reason: '"Kyiv came under attack from Russian drones": Y attacked the subject (CAMEO 190)' },
  { id: 'retaliate-with-sanctions', verbs: ['retaliate', 'respond', 'reply', 'hit', 'answer', 'counter', 'match'], nouns: SANCTION_NOUNS, relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], reason: '"X retaliated with tariffs on Y": economic coercion' },
  { id: 'restrict-trade', verbs: ['ban', 'block', 'halt', 'suspend', 'restrict', 'stop', 'curb', 'bar', 'freeze', 'cut', 'limit', 'embargo'], nouns: ['imports', 'exports', 'shipments', 'trade', 'loading', 'purchases', 'sales', 'deliveries'], relation: 'sanctioned', cameo: '163', preps: ['from', 'of', 'to', 'with'], reason: '"X suspended imports of seafood from Y", "X restricted imports of Japanese seafood", "X halted trade with Y": stopping trade with a country is an embargo on it (CAMEO 163)' },
  { id: 'end-pact', verbs: ['end', 'terminate', 'scrap', 'cancel', 'suspend', 'abandon', 'renounce', 'annul', 'revoke', 'denounce', 'tear', 'exit', 'quit'], nouns: [...AGREEMENT_NOUNS.filter((n) => !['ceasefire', 'truce', 'armistice', 'document'].includes(n)), 'cooperation', 'partnership', 'alliance'], relation: 'sanctioned', cameo: '161', preps: ['with'], targetTypes: ['country', 'organization'], reason: '"Chad ended its defence agreement with France": reducing relations with Y (CAMEO 161); a truce ended is fighting, read elsewhere' },
  { id: 'freeze-membership', verbs: ['freeze', 'suspend', 'end', 'renounce', 'quit', 'terminate', 'relinquish', 'give'], nouns: ['membership', 'participation', 'seat'], relation: 'rejected', cameo: '120', preps: ['of', 'in'], targetTypes: ['organization'], reason: '"Sudan froze its membership of IGAD", "Armenia suspended its participation in the CSTO": stepping out of a body rejects it, as leaving it does' },
  { id: 'close-border', verbs: ['close', 'shut', 'seal'], nouns: ['border', 'borders', 'crossing', 'crossings', 'frontier', 'airspace', 'checkpoints'], relation: 'sanctioned', cameo: '163', preps: ['with', 'to'], reason: '"Poland closed its crossings with Belarus": shutting a country out of trade and travel is an embargo on it (CAMEO 163)' },
  { id: 'revoke-licence', verbs: ['revoke', 'withdraw', 'cancel', 'suspend', 'strip', 'pull'], nouns: ['licence', 'license', 'licences', 'licenses', 'permit', 'permits', 'accreditation', 'concession', 'concessions', 'visa', 'visas'], relation: 'sanctioned', cameo: '172', preps: ['of', 'for'], reason: '"Niger revoked the licence of Orano": an administrative sanction on Y (CAMEO 172)' },
  { id: 'lift-sanctions', verbs: ['lift', 'ease', 'remove', 'scrap', 'drop', 'waive', 'relax', 'rescind', 'repeal', 'roll', 'unfreeze', 'cut', 'lower', 'reduce', 'slash', 'halve', 'suspend', 'pause'], nouns: [...SANCTION_NOUNS, 'restrictions'], relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], undone: true, reason: '"X lifted sanctions / export curbs on Y": the sanctions are undone, told as sanctioned and negated' },
  { id: 'drop-charges', verbs: ['drop', 'withdraw', 'abandon'], nouns: ['complaint', 'case', 'lawsuit', 'suit', 'charges'], relation: 'accused', cameo: '115', preps: ['against'], undone: true, reason: '"Seoul dropped its complaint against Tokyo": a charge withdrawn, told as accused and negated' },
  { id: 'swap-prisoners', verbs: ['swap', 'exchange', 'trade'], nouns: ['prisoners', 'captives', 'detainees', 'hostages', 'bodies', 'pows'], relation: 'accepted', cameo: '084', preps: ['with'], mutual: true, reason: '"Ukraine and Russia swapped 150 prisoners each", "exchanged prisoners with Y": each side releases persons to the other (CAMEO 084, return or release persons)' },
  { id: 'halt-attacks', verbs: ['stop', 'end', 'halt', 'cease', 'suspend', 'pause', 'freeze'], nouns: [...ATTACK_NOUNS, 'hostilities', 'fire', 'firing', 'fighting'], relation: 'attacked', cameo: '190', preps: ['on', 'against', 'at', 'in'], undone: true, reason: '"X agreed to end its attacks on Y", "X halted strikes on Y": the attacks are stopped, told as attacked and negated' },
  { id: 'cut-aid', verbs: ['suspend', 'cut', 'halt', 'freeze', 'withhold', 'stop', 'pause', 'end', 'slash'], nouns: ['aid', 'assistance', 'funding', 'funds', 'support', 'loans', 'payments', 'sharing'], relation: 'aided', cameo: '162', preps: ['to', 'for', 'with'], undone: true, reason: '"X suspended aid to Y": aid stopped, told as aid negated (as the steering gold writes a suspended aid: NEG), coded as CAMEO 162 (reduce or stop material aid)' },
  { id: 'send-aid', verbs: ['give', 'provide', 'send', 'deliver', 'grant', 'extend', 'ship', 'transfer', 'lend', 'allocate', 'contribute', 'donate', 'approve', 'release', 'announce', 'unveil', 'pledge', 'promise', 'commit', 'offer'], nouns: AID_NOUNS, relation: 'aided', cameo: '070', preps: ['to', 'for'], reason: '"X sent / gave aid (money, weapons) to Y": material help' },
  { id: 'receive-aid', verbs: ['receive', 'get', 'obtain', 'accept', 'secure'], nouns: AID_NOUNS, relation: 'aided', cameo: '070', preps: ['from'], reverse: true, reason: '"X received aid / money from Y": Y aided X' },
  { id: 'carry-messages', verbs: ['carry', 'pass', 'relay', 'ferry', 'shuttle'], nouns: ['messages', 'message', 'proposals', 'notes'], relation: 'met', cameo: '045', preps: ['between'], reason: '"Albusaidi carried messages between the two delegations": a go-between meets each side (CAMEO 045, mediate)' },
  { id: 'pay-visit', verbs: ['pay', 'make', 'begin', 'start'], nouns: ['visit', 'trip'], relation: 'met', cameo: '042', preps: ['to'], reason: '"X paid a visit to Y": a visit (CAMEO 042)' },
  { id: 'present-credentials', verbs: ['present', 'submit', 'hand'], nouns: ['credentials'], relation: 'met', cameo: '042', preps: ['to'], reason: '"the ambassador presented credentials to Y": an envoy received by a head of state' },
  { id: 'have-confidence', verbs: ['have', 'express', 'voice', 'reaffirm', 'place', 'put', 'restate'], nouns: ['confidence', 'faith', 'trust'], relation: 'supported', cameo: '051', preps: ['in'], reason: '"Washington had full confidence in South Korea\'s democratic institutions": trust voiced in Y backs it (CAMEO 051)' },
  { id: 'present-evidence', verbs: ['present', 'produce', 'submit', 'publish', 'release', 'unveil', 'compile', 'gather'], nouns: ['evidence', 'proof', 'dossier'], relation: 'accused', cameo: '112', preps: ['against', 'of'], reason: '"X presented evidence against Y": an accusation' },
  { id: 'weigh-measures', verbs: ['discuss', 'consider', 'weigh', 'prepare', 'mull', 'draft', 'study', 'debate', 'plan', 'propose'], nouns: ['measures', 'penalties', 'steps'], relation: 'sanctioned', cameo: '163', preps: ['against', 'on'], hypothetical: true, reason: '"EU ministers discussed new measures against Moscow": coercion of Y weighed, not yet taken (told as hypothetical; sanction nouns are call-for-sanctions\' )' },
  { id: 'countermeasures', verbs: ['take', 'impose', 'adopt', 'announce', 'introduce', 'order'], nouns: ['countermeasures', 'counter-measures', 'counter-tariffs', 'countertariffs', 'counter-sanctions', 'countersanctions', 'measures', 'reprisals'], relation: 'sanctioned', cameo: '163', preps: ['against'], reason: '"said it would take countermeasures against US defence firms": coercive measures against Y (CAMEO 16)' },
  { id: 'lodge-protest', verbs: ['lodge', 'file', 'register', 'make', 'deliver', 'send', 'issue'], nouns: ['protest', 'protests', 'complaint', 'complaints', 'démarche', 'demarche'], relation: 'accused', cameo: '111', preps: ['with', 'to', 'against'], reason: '"Kazakhstan lodged a formal protest with Ukraine": a formal complaint to Y (CAMEO 111)' },
  { id: 'raise-concerns', verbs: ['raise', 'express', 'voice'], nouns: ['concern', 'concerns', 'alarm', 'outrage', 'anger', 'dismay', 'displeasure', 'objections'], relation: 'accused', cameo: '111', preps: ['about', 'over', 'at', 'with'], reason: '"X raised concerns about Y\'s activity", "X voiced outrage at Y": disapproval (CAMEO 11)' },
  { id: 'show-of-force', verbs: ['launch', 'hold', 'stage', 'conduct', 'begin', 'start', 'mount', 'carry'], nouns: ['exercises', 'drills', 'manoeuvres', 'maneuvers', 'war games', 'patrols'], relation: 'warned', cameo: '150', preps: ['around', 'near', 'off', 'against'], targetTypes: ['country', 'organization'], reason: '"X launched military drills around Y": a show of force aimed at Y (CAMEO 15), a threat without words' },
  { id: 'recall-envoys', verbs: ['recall', 'withdraw'], nouns: ['ambassador', 'ambassadors', 'envoy', 'envoys', 'diplomats'], relation: 'sanctioned', cameo: '161', preps: ['from', 'to'], mutual: true, reason: '"X recalled its ambassador from Y", "both countries recalled their ambassadors": reducing relations (CAMEO 161)' },
  { id: 'suspend-treaty', verbs: ['suspend', 'abandon', 'scrap', 'annul', 'renounce', 'abrogate', 'quit', 'exit'], nouns: ['treaty', 'pact', 'accord', 'agreement'], relation: 'sanctioned', cameo: '161', preps: ['with'], reason: '"X suspended the water treaty with Y": reducing relations (CAMEO 161)' },
  { id: 'issue-warning', verbs: ['issue', 'give', 'send', 'deliver'], nouns: ['warning', 'ultimatum'], relation: 'warned', cameo: '130', preps: ['to'], reason: '"X issued a warning to Y"' },
  { id: 'level-accusations', verbs: ['level', 'make', 'raise', 'file', 'bring'], nouns: ['accusations', 'allegations', 'charges', 'complaint', 'complaints'], relation: 'accused', cameo: '112', preps: ['against'], reason: '"X levelled accusations against Y"' },
];

/** Verbs after which a noun frame's subject is the verb's subject: "Witkoff *had* a meeting with Putin". */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'have', 'hold', 'describe', 'conduct', 'begin', 'start', 'continue', 'host', 'join', 'schedule', 'arrange',
  'seek', 'make', 'end', 'wrap', 'complete', 'finish', 'reiterate', 'repeat', 'issue', 'proclaim', 'express',
  'confirm', 'announce', 'voice', 'declare', 'renew', 'signal', 'offer', 'pledge', 'pay', 'broker', 'mediate',
  // "filed / lodged / brought a case against Y"
  'file', 'lodge', 'bring',
]);

/** Verbs whose coordinated subjects share the meeting named by their object: "X and Y *held* talks", "X and Y *postponed* their meeting". */
export const MUTUAL_NOUN_VERBS: ReadonlySet<string> = new Set([
  'have', 'hold', 'conduct', 'begin', 'start', 'continue', 'resume', 'open', 'end', 'wrap', 'complete', 'finish', 'schedule',
  'arrange', 'plan', 'postpone', 'delay', 'reschedule', 'defer', 'cancel', 'downplay', 'attend',
]);

/**
 * "X attacked Y" between a person and a person or organisation is a verbal attack: criticism
 * (CAMEO 111), not military force. "Putin attacked Ukraine" (a country) stays an attack.
 */
export const VERBAL_ATTACK = {
  relation: 'accused', cameo: '111',
  /** Verbs of physical force that have no verbal reading: "Brown targets pensioners" or "hit" between persons is no attack at all. */
  physical: ['hit', 'strike', 'shoot', 'shell', 'bomb', 'target', 'raid', 'invade', 'ambush', 'fire', 'bombard', 'lob', 'hurl', 'drop', 'fight', 'battle', 'kill', 'wound', 'injure', 'annex', 'occupy'] as readonly string[],
  reason: 'a person attacking a person or organisation in words',
} as const;

/** Titles that name a ruler of a state without naming the state: "overthrew President Keita" is a coup even when the document never says where. */
export const RULER_TITLES: ReadonlySet<string> = new Set(['president', 'prime', 'premier', 'king', 'queen', 'emir', 'sultan', 'shah', 'dictator', 'ruler']);

/** Frames whose target is visited: a person visits another country only, so their own must be known. */
export const VISIT_FRAMES: ReadonlySet<string> = new Set(['visit', 'travel-to', 'leave-for', 'visit-to', 'pay-visit']);

/** Relations that judge an act, so that "X condemned Y's decision" is about Y. */
export const EVALUATIVE: ReadonlySet<Relation> = new Set<Relation>(['accused', 'supported', 'rejected', 'attacked', 'sanctioned']);

/** Relations that judge an act, whose actor may stand as a modifier of it: "rejected the Tory offer", "praised the US plan". */
export const JUDGING: ReadonlySet<Relation> = new Set<Relation>(['accused', 'supported', 'rejected', 'accepted']);

/**
 * Verbs whose infinitive belongs to their object: "urged the club to reject the deal" (the club
 * rejects). With an object between, the verb's own subject is not the infinitive's.
 */
export const OBJECT_CONTROL: ReadonlySet<string> = new Set([
  ...VERB_FRAMES.filter((f) => f.relation === 'urged').flatMap((f) => f.lemmas),
  'tell', 'order', 'force', 'allow', 'permit', 'invite', 'persuade', 'convince', 'advise', 'instruct', 'authorize', 'authorise',
  'require', 'expect', 'help', 'let',
]);
