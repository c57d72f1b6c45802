// Word lists coreference reads (coref.ts): pronouns and what they can stand for, gendered words,
// verbs of speech and agency, clause breaks. Written for newsgraph (MIT); each list says why.

export type Gender = 'male' | 'female';

/** What a pronoun can stand for: a man, a woman, one organisation/country/place, or several. */
export type PronounKind = 'male' | 'female' | 'neuter' | 'plural';

export interface PronounRow {
  readonly kind: PronounKind;
  readonly form: 'subject' | 'object' | 'possessive' | 'reflexive' | 'object-or-possessive';
}

/** Third-person pronouns; "her" is an object or a possessive by what follows it. */
export const PRONOUNS: ReadonlyMap<string, PronounRow> = new Map<string, PronounRow>([
  ['he', { kind: 'male', form: 'subject' }], ['him', { kind: 'male', form: 'object' }], ['his', { kind: 'male', form: 'possessive' }],
  ['himself', { kind: 'male', form: 'reflexive' }],
  ['she', { kind: 'female', form: 'subject' }], ['her', { kind: 'female', form: 'object-or-possessive' }], ['hers', { kind: 'female', form: 'object' }],
  ['herself', { kind: 'female', form: 'reflexive' }],
  ['it', { kind: 'neuter', form: 'subject' }], ['its', { kind: 'neuter', form: 'possessive' }], ['itself', { kind: 'neuter', form: 'reflexive' }],
  ['they', { kind: 'plural', form: 'subject' }], ['them', { kind: 'plural', form: 'object' }], ['their', { kind: 'plural', form: 'possessive' }],
  ['theirs', { kind: 'plural', form: 'object' }], ['themselves', { kind: 'plural', form: 'reflexive' }],
]);

/** Words right before a person's name that say their gender ("Mrs Lee", "Queen Rania", "actress Jo Ng"). */
export const GENDERED_WORDS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ...['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'emir', 'sheikh', 'chairman', 'spokesman', 'congressman', 'businessman', 'actor', 'father', 'son',
    'brother', 'husband', 'uncle', 'nephew', 'grandfather', 'boy', 'man', 'duke', 'count', 'baron', 'monsignor', 'archbishop', 'pope', 'cardinal']
    .map((w) => [w, 'male'] as const),
  ...['mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dame', 'lady', 'queen', 'princess', 'chairwoman', 'spokeswoman', 'congresswoman', 'businesswoman', 'actress',
    'mother', 'daughter', 'sister', 'wife', 'aunt', 'niece', 'grandmother', 'girl', 'woman', 'duchess', 'countess', 'baroness']
    .map((w) => [w, 'female'] as const),
]);

/**
 * Surname endings that say a person's gender where the given name does not: East Slavic and Polish
 * surnames take a feminine form ("Tsikhanouskaya", "Navalnaya", "Moskalkova", "Nowacka") and a
 * masculine one ("Tsikhanouski", "Lavrov", "Zelensky"). Read only when the given name says nothing,
 * and only on a full name (given name + surname): a bare surname in English news may be anyone's.
 */
export const SURNAME_ENDINGS: readonly { readonly ending: string; readonly gender: Gender; readonly reason: string }[] = [
  { ending: 'skaya', gender: 'female', reason: 'Russian/Belarusian feminine adjectival surname (Tsikhanouskaya)' },
  { ending: 'naya', gender: 'female', reason: 'Russian feminine adjectival surname (Navalnaya)' },
  { ending: 'ova', gender: 'female', reason: 'Russian/Bulgarian/Czech feminine surname (Moskalkova, Zakharova)' },
  { ending: 'eva', gender: 'female', reason: 'Russian/Bulgarian feminine surname (Alexeeva, Vasilyeva)' },
  { ending: 'ska', gender: 'female', reason: 'Polish feminine surname (Nowacka is -cka; Kowalska)' },
  { ending: 'cka', gender: 'female', reason: 'Polish/Czech feminine surname (Nowicka)' },
  { ending: 'ski', gender: 'male', reason: 'Polish/Belarusian masculine surname (Tsikhanouski)' },
  { ending: 'sky', gender: 'male', reason: 'Russian/Ukrainian masculine surname (Zelensky)' },
  { ending: 'skiy', gender: 'male', reason: 'Russian masculine surname, another transliteration (Dostoyevskiy)' },
  { ending: 'ov', gender: 'male', reason: 'Russian/Bulgarian masculine surname (Lavrov, Peskov)' },
  { ending: 'ev', gender: 'male', reason: 'Russian/Bulgarian masculine surname (Gorbachev, Medvedev)' },
  { ending: 'vich', gender: 'male', reason: 'a surname in -vich names a man (Lukashevich)' },
];

/** Words that end the title words read next to a name ("the Russian President", "said Prime Minister …"). */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an', 'and', 'or', 'by', 'with', 'said', 'says', 'told', 'to', 'of', 'from']);

/** Quote marks: a pronoun inside a quote does not stand for the quote's speaker. */
export const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”']);

/** Verbs that report speech or thought: "X said he would…" — he is X. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'add', 'claim', 'insist', 'deny', 'note', 'state', 'announce', 'explain', 'argue', 'warn', 'admit', 'believe', 'think',
  'hope', 'fear', 'suggest', 'reply', 'report', 'confirm', 'acknowledge', 'write', 'declare', 'promise', 'vow', 'assert', 'maintain', 'allege',
  'concede', 'predict', 'recall', 'testify', 'indicate', 'feel', 'know', 'realise', 'realize', 'expect', 'remark', 'comment',
]);

/** Tokens a quotation is searched over for its end or start. */
export const QUOTE_REACH = 80;

/** Words that start a new clause: a subject before one and an object pronoun after it are no clause-mates. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'because', 'after', 'before', 'if', 'as', 'since', 'until', 'unless', 'although',
  'though', 'where', ',', ';', ':', 'and', 'but', 'or', 'to', '"', '“', '”',
]);

/** Words between a subject and a possessive that start another clause or actor: "X said that Y … its". */
export const OWNER_BREAKS: ReadonlySet<string> = new Set(['that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'because', 'if', 'although', 'though', 'where', ';', ':', '"', '“', '”']);

/** Irregular plurals among the nouns that compete with named actors for "they". */
export const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'police', 'staff', 'media', 'public', 'crew', 'personnel']);

/** Verbs whose subject acts on purpose: "it said", "they announced" stand for an actor. */
export const AGENT_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'announce', 'state', 'claim', 'deny', 'confirm', 'add', 'insist', 'warn', 'accuse', 'urge', 'demand', 'call', 'ask',
  'plan', 'want', 'agree', 'refuse', 'reject', 'accept', 'propose', 'offer', 'promise', 'pledge', 'vow', 'threaten', 'decide', 'intend',
  'launch', 'attack', 'strike', 'fire', 'send', 'deploy', 'sign', 'meet', 'hold', 'host', 'impose', 'lift', 'sanction', 'support', 'back',
  'condemn', 'criticise', 'criticize', 'respond', 'react', 'report', 'release', 'publish', 'file', 'sue', 'seek', 'hope', 'expect',
  'believe', 'argue', 'note', 'explain', 'describe', 'order', 'ban', 'allow', 'approve', 'vote', 'elect', 'win', 'lose', 'buy', 'sell',
  'acquire', 'invest', 'pay', 'hire', 'fire', 'employ', 'open', 'close', 'build', 'develop', 'create', 'introduce', 'provide', 'receive',
  'invite', 'join', 'leave', 'withdraw', 'suspend', 'resume', 'continue', 'begin', 'start', 'stop', 'end', 'try', 'attempt', 'manage',
  'investigate', 'arrest', 'detain', 'charge', 'kill', 'capture', 'seize', 'control', 'claim', 'admit', 'apologise', 'apologize',
  'invade', 'bomb', 'shell', 'target', 'negotiate', 'discuss', 'recognise', 'recognize', 'reach', 'conclude', 'strike', 'secure', 'broker', 'operate', 'run', 'own', 'use', 'need', 'make',
  'give', 'take', 'get', 'have', 'do', 'become', 'remain',
  // what outlets, museums and campaign groups do: "it quoted critics", "it is encouraging citizens", "it exhibited its collection"
  'quote', 'cite', 'encourage', 'exhibit', 'display', 'feature', 'organise', 'organize', 'fund', 'award', 'recommend', 'campaign',
  // acts between actors that no expletive "it" does: "It expelled French troops", "it declined to comment", "it summoned the envoy"
  'confer', 'consult', 'greet', 'visit', 'implore', 'appeal', 'exhort', 'pressure', 'lobby', 'request', 'command', 'instruct', 'guarantee',
  'endorse', 'favour', 'favor', 'champion', 'welcome', 'praise', 'hail', 'applaud', 'commend', 'salute', 'congratulate', 'rebuff',
  'dismiss', 'veto', 'decline', 'spurn', 'oppose', 'complain', 'blame', 'denounce', 'slam', 'fault', 'deplore', 'decry', 'rebuke',
  'censure', 'reprimand', 'castigate', 'lambast', 'caution', 'inform', 'brief', 'notify', 'alert', 'assure', 'reassure', 'relay', 'aid',
  'assist', 'arm', 'supply', 'resupply', 'bankroll', 'finance', 'donate', 'summon', 'expel', 'raid', 'shoot', 'bombard', 'ambush',
  'storm', 'clash', 'embargo', 'blacklist', 'fine', 'penalise', 'penalize', 'quit', 'deter', 'fight', 'annex', 'occupy', 'retake',
  'recapture', 'overrun', 'overthrow', 'topple', 'wound', 'injure', 'object', 'protest', 'sentence', 'convict', 'jail', 'imprison', 'indict',
]);

/**
 * Verbs that act on another side: a possessive right after one is that side's ("Israel struck its
 * nuclear sites", "X accused its neighbour"), not the subject's own, as it is after most verbs.
 */
export const HOSTILE_VERBS: ReadonlySet<string> = new Set([
  'strike', 'attack', 'bomb', 'shell', 'hit', 'target', 'raid', 'invade', 'besiege', 'seize', 'occupy', 'blockade',
  'accuse', 'blame', 'condemn', 'sanction',
]);

/**
 * Verbs whose object does what the infinitive after it says ("urged Israel to halt its offensive":
 * its = Israel's). The surface reading of object control; the parse says it with obj + xcomp.
 */
export const CONTROL_VERBS: ReadonlySet<string> = new Set([
  'urge', 'ask', 'call', 'induce', 'force', 'persuade', 'convince', 'tell', 'order', 'allow', 'permit', 'encourage', 'pressure',
  'press', 'push', 'invite', 'require', 'compel', 'oblige', 'help', 'enable', 'instruct', 'authorise', 'authorize', 'advise',
  'prompt', 'lead', 'want', 'expect', 'warn', 'challenge', 'direct', 'request', 'implore', 'pressurise',
]);

/**
 * Verbs whose object's deed the of/for-phrase after it tells ("accused X of …", "thanked X for …",
 * "blamed X for …"): a pronoun in that phrase stands for the object.
 */
export const CHARGE_VERBS: ReadonlySet<string> = new Set([
  'accuse', 'blame', 'charge', 'suspect', 'convict', 'criticise', 'criticize', 'condemn', 'fault', 'praise', 'thank', 'credit',
  'commend', 'congratulate', 'applaud', 'reward', 'punish', 'sanction', 'rebuke', 'denounce', 'indict',
]);

/** Preposition + noun idioms used as adverbs ("in fact", "of course"): the noun is no antecedent. */
export const IDIOMS: ReadonlySet<string> = new Set([
  'in fact', 'of course', 'at least', 'at last', 'in particular', 'in general', 'in turn', 'in addition', 'for example', 'for instance',
  'in practice', 'in part', 'by far', 'in short', 'in total', 'on average', 'at times', 'in time', 'in effect', 'in principle', 'in case',
  'on purpose', 'by chance', 'in public', 'in private', 'at once', 'in theory', 'in return', 'in response', 'at first', 'in sum',
]);
