// Verb frames and noun frames: which words signal which relation, and where its target sits.
// CAMEO codes with their Goldstein (1992) cooperation–conflict scores, as GDELT uses them.
import type { Relation } from '../types';

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
  readonly reason: string;
}

/** Goldstein score per CAMEO code used by our frames (Goldstein 1992, CAMEO 1.1b3 scale). */
export const GOLDSTEIN: Readonly<Record<string, number>> = {
  '010': 0.0, '020': 3.0, '021': 3.4, '030': 4.0, '036': 4.0, '040': 1.0, '043': 2.8, '051': 3.4,
  '057': 8.0, '060': 6.0, '070': 7.0, '080': 5.0, '081': 5.0, '084': 7.0, '100': -5.0, '111': -2.0, '112': -2.0,
  '120': -4.0, '130': -4.4, '138': -7.0, '163': -8.0, '190': -10.0, '195': -10.0, '032': 4.5, '033': 5.2,
  '031': 5.2, '042': 1.9, '061': 6.4, '071': 7.4, '073': 7.4, '090': -2.0,
};

/** Default CAMEO code of each relation, for facts not produced by a frame (titles, gazetteer). */
export const RELATION_CAMEO: Readonly<Record<Relation, string>> = {
  met: '040', urged: '020', proposed: '030', promised: '030', accepted: '080', rejected: '120', supported: '051',
  accused: '112', warned: '130', informed: '010', aided: '070', attacked: '190', sanctioned: '163',
  leader_of: '010', member_of: '010', located_in: '010',
};

export const VERB_FRAMES: readonly Frame[] = [
  { id: 'meet', lemmas: ['meet'], relation: 'met', cameo: '040', preps: ['with'], direct: true, reason: '"X met (with) Y": a meeting in person' },
  { id: 'speak-with', lemmas: ['speak', 'talk'], relation: 'met', cameo: '040', preps: ['with', 'to'], reason: '"X spoke with Y": a conversation, by phone or in person' },
  { id: 'hold-talks', lemmas: ['negotiate', 'confer', 'consult'], relation: 'met', cameo: '040', preps: ['with'], direct: true, reason: '"X negotiated with Y"' },
  { id: 'visit', lemmas: ['host', 'receive'], relation: 'met', cameo: '042', reason: '"X hosted Y": a meeting' },
  { id: 'urge', lemmas: ['urge', 'press', 'implore', 'appeal', 'push', 'exhort', 'encourage'], relation: 'urged', cameo: '020', preps: ['to', 'on'], direct: true, reason: '"X urged Y to …": X appeals to Y' },
  { id: 'ask', lemmas: ['ask', 'request', 'call', 'demand'], relation: 'urged', cameo: '020', preps: ['on', 'upon'], direct: true, reason: '"X asked / called on Y to …": a request' },
  { id: 'want', lemmas: ['want', 'wish'], relation: 'urged', cameo: '020', reason: '"X wants Y to …": a demand on Y (needs "to" after Y)' },
  { id: 'propose', lemmas: ['propose', 'offer', 'suggest', 'float'], relation: 'proposed', cameo: '036', topicTarget: true, preps: ['to'], direct: true, reason: '"X proposed Z (to Y)": a proposal' },
  { id: 'promise', lemmas: ['promise', 'pledge', 'vow', 'guarantee', 'commit', 'spare'], relation: 'promised', cameo: '030', topicTarget: true, preps: ['to', 'with'], direct: true, reason: '"X promised Y …", "X committed to … with Y", "X will spare Y": a pledge' },
  { id: 'accept', lemmas: ['accept', 'agree', 'approve', 'endorse', 'embrace', 'welcome'], relation: 'accepted', cameo: '081', topicTarget: true, preps: ['to', 'on', 'with'], direct: true, reason: '"X accepted / agreed to Z": X yields to a proposal' },
  { id: 'support', lemmas: ['support', 'back', 'favour', 'favor', 'champion'], relation: 'supported', cameo: '051', topicTarget: true, reason: '"X supports Y/Z": political support' },
  { id: 'reject', lemmas: ['reject', 'refuse', 'rebuff', 'dismiss', 'veto', 'decline', 'spurn'], relation: 'rejected', cameo: '120', topicTarget: true, reason: '"X rejected Y/Z": a refusal' },
  { id: 'accuse', lemmas: ['accuse', 'blame', 'condemn', 'criticise', 'criticize', 'denounce', 'slam', 'fault'], relation: 'accused', cameo: '112', preps: ['for'], direct: true, reason: '"X accused / blamed Y (of …)": an accusation' },
  { id: 'warn', lemmas: ['warn', 'threaten', 'caution'], relation: 'warned', cameo: '130', reason: '"X warned Y": a warning or threat' },
  { id: 'inform', lemmas: ['tell', 'inform', 'brief', 'notify', 'update', 'assure'], relation: 'informed', cameo: '010', reason: '"X told / briefed Y": X informs Y' },
  { id: 'send-message', lemmas: ['send', 'convey', 'pass', 'deliver', 'relay'], relation: 'informed', cameo: '010', preps: ['to'], requires: ['message', 'messages', 'signal', 'signals', 'letter', 'note', 'word'], reason: '"X sent a message to Y": X informs Y' },
  { id: 'aid', lemmas: ['aid', 'help', 'assist', 'arm', 'supply', 'fund', 'resupply'], relation: 'aided', cameo: '070', preps: ['to'], direct: true, reason: '"X aided / armed Y": material help' },
  { id: 'attack', lemmas: ['attack', 'strike', 'shell', 'bomb', 'invade', 'raid', 'hit', 'target', 'shoot'], relation: 'attacked', cameo: '190', reason: '"X attacked / struck / shelled Y": military force' },
  { id: 'sanction', lemmas: ['sanction', 'embargo', 'blacklist'], relation: 'sanctioned', cameo: '163', reason: '"X sanctioned Y": economic coercion' },
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
  readonly reason: string;
}

export const NOUN_FRAMES: readonly NounFrame[] = [
  { id: 'talks-with', nouns: ['talks', 'meeting', 'meetings', 'call', 'discussions', 'discussion', 'conversation', 'summit', 'negotiations'], relation: 'met', cameo: '040', preps: ['with'], reason: '"X had talks / a meeting with Y"' },
  { id: 'talks-between', nouns: ['talks', 'meeting', 'meetings', 'call', 'discussions', 'negotiations', 'summit'], relation: 'met', cameo: '040', preps: ['between'], between: true, reason: '"talks between X and Y"' },
  { id: 'acceptance-of', nouns: ['acceptance', 'approval', 'endorsement'], relation: 'accepted', cameo: '081', preps: ['of', 'for'], topicTarget: true, reason: '"X\'s acceptance of Z"' },
  { id: 'support-of', nouns: ['support', 'backing'], relation: 'supported', cameo: '051', preps: ['of', 'for'], topicTarget: true, reason: '"X\'s support of/for Z"' },
  { id: 'rejection-of', nouns: ['rejection'], relation: 'rejected', cameo: '120', preps: ['of'], topicTarget: true, reason: '"X\'s rejection of Z"' },
  { id: 'call-for', nouns: ['call', 'appeal', 'plea', 'demand', 'request'], relation: 'urged', cameo: '020', preps: ['to', 'for', 'on'], reason: '"X\'s call for/on Y to …"' },
  { id: 'proposal-of', nouns: ['proposal', 'offer', 'plan'], relation: 'proposed', cameo: '036', preps: ['to', 'for'], reason: '"X\'s proposal to Y"' },
  { id: 'message-to', nouns: ['message', 'letter', 'signals'], relation: 'informed', cameo: '010', preps: ['to'], reason: '"X\'s message to Y"' },
  { id: 'attack-on', nouns: ['attack', 'attacks', 'strike', 'strikes', 'invasion', 'offensive', 'assault'], relation: 'attacked', cameo: '190', preps: ['on', 'against', 'of'], reason: '"X\'s attack on Y"' },
  { id: 'sanctions-on', nouns: ['sanctions'], relation: 'sanctioned', cameo: '163', preps: ['on', 'against'], reason: '"X\'s sanctions on Y"' },
  { id: 'aid-to', nouns: ['aid', 'assistance', 'support'], relation: 'aided', cameo: '070', preps: ['to', 'with'], reason: '"X\'s aid to Y"' },
];

/** Verbs after which a noun frame's subject is the verb's subject: "Witkoff *had* a meeting with Putin". */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'have', 'hold', 'describe', 'conduct', 'begin', 'start', 'continue', 'host', 'join', 'schedule', 'arrange',
  'seek', 'make', 'end', 'wrap', 'complete', 'finish', 'reiterate', 'repeat', 'issue', 'proclaim', 'express',
  'confirm', 'announce', 'voice', 'declare', 'renew', 'signal', 'offer', 'pledge',
]);

/** Words that signal the fact is not asserted as having happened. */
export const HYPOTHETICAL_MARKERS: ReadonlySet<string> = new Set([
  'would', 'could', 'might', 'may', 'should', 'will', "'ll", 'wo', 'can', 'ca', 'shall', 'must', 'if', 'unless', 'whether',
]);
/** Verbs whose infinitive complement is not (yet) a fact: "plans to meet", "wants X to agree". */
export const IRREALIS_VERBS: ReadonlySet<string> = new Set([
  'plan', 'want', 'hope', 'expect', 'intend', 'seek', 'try', 'aim', 'wish', 'prepare', 'threaten', 'urge', 'ask',
  'request', 'press', 'call', 'need', 'demand', 'propose', 'offer', 'set', 'likely', 'ready', 'willing', 'prepared',
]);
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
/** "refused to accept", "failed to meet": the complement did not happen. */
export const NEGATING_VERBS: ReadonlySet<string> = new Set(['refuse', 'decline', 'fail', 'reject', 'deny', 'avoid', 'stop']);
export const SPEECH_LEMMAS: ReadonlySet<string> = new Set(['say', 'claim', 'report', 'tell', 'add', 'state', 'announce', 'write', 'quote', 'allege', 'insist', 'note']);
/** Words that end the search for a target to the right: a new clause begins. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([';', ':', 'while', 'but', 'whereas', 'because', 'although', 'though', 'which', 'who', 'after', 'before', 'when', 'since', 'as', '—', '–']);
