// Linguistic tables the entity recogniser interprets. Each row says why it is there.
// Written for newsgraph (MIT). Words are lowercase.
import type { Relation } from '../types';

export interface TitleRow {
  /** The title's words, lowercase, e.g. ['prime', 'minister']. */
  readonly words: readonly string[];
  /** What holding the title says about the person and the country/organisation named with it. */
  readonly relation: Extract<Relation, 'leader_of' | 'member_of'>;
  /** Role label: "President of Russia" is built as `${role} of ${country}`. */
  readonly role: string;
  readonly reason: string;
}

const leader = (words: string, role: string, reason: string): TitleRow => ({ words: words.split(' '), relation: 'leader_of', role, reason });
const member = (words: string, role: string, reason: string): TitleRow => ({ words: words.split(' '), relation: 'member_of', role, reason });

/** Longest first when matching. */
export const TITLES: readonly TitleRow[] = [
  leader('president', 'President', 'heads a state (or an organisation) named with the title'),
  member('vice president', 'Vice President', 'second in a state executive, not its head; listed so "vice" is not read as part of a name'),
  member('first vice president', 'First Vice President', '"First Vice President Riek Machar": first of several deputies to a head of state; whole, so "First" is no part of the name'),
  member('vice-president', 'Vice President', '"Vice-President Dick Cheney": one token, so the title is no part of the name'),
  member('first vice-president', 'First Vice President', '"First Vice-President" where the tokenizer keeps the hyphen'),
  member('trade representative', 'Trade Representative', '"US Trade Representative Robert Zoellick": a cabinet member who negotiates trade for the state'),
  leader('prime minister', 'Prime Minister', 'heads a government'),
  leader('premier', 'Premier', 'heads a government'),
  leader('chancellor', 'Chancellor', 'heads the German/Austrian government'),
  leader('king', 'King', 'monarch'),
  leader('queen', 'Queen', 'monarch'),
  leader('emir', 'Emir', 'monarch'),
  leader('crown prince', 'Crown Prince', 'de facto ruler in several monarchies'),
  leader('supreme leader', 'Supreme Leader', 'heads the Iranian state'),
  leader('leader', 'Leader', '"Russian leader Vladimir Putin"'),
  leader('secretary-general', 'Secretary-General', 'heads the UN or NATO'),
  leader('secretary general', 'Secretary-General', 'heads the UN or NATO'),
  leader('secretary - general', 'Secretary-General', 'as the tokenizer splits "Secretary-General", so "General" alone is no rank'),
  leader('director general', 'Director General', 'heads an agency ("Director General Rafael Grossi"), not a general'),
  leader('director - general', 'Director General', 'as the tokenizer splits "Director-General"'),
  leader('chief executive', 'Chief Executive', 'heads a company'),
  leader('ceo', 'CEO', 'heads a company'),
  leader('chairman', 'Chairman', 'heads an organisation'),
  leader('chairwoman', 'Chairwoman', 'heads an organisation'),
  member('foreign minister', 'Foreign Minister', 'member of a government'),
  member('defence minister', 'Defence Minister', 'member of a government'),
  member('defense minister', 'Defense Minister', 'member of a government'),
  member('minister', 'Minister', 'member of a government'),
  member('secretary of state', 'Secretary of State', 'member of a government'),
  member('secretary', 'Secretary', 'member of a government ("Defense Secretary")'),
  member('special envoy', 'Special Envoy', 'represents a state'),
  member('envoy', 'Envoy', 'represents a state'),
  member('ambassador', 'Ambassador', 'represents a state'),
  member('spokesman', 'Spokesman', 'speaks for a government or organisation'),
  member('spokeswoman', 'Spokeswoman', 'speaks for a government or organisation'),
  member('spokesperson', 'Spokesperson', 'speaks for a government or organisation'),
  member('national security adviser', 'National Security Adviser', 'member of a government'),
  member('security adviser', 'Security Adviser', 'member of a government'),
  member('adviser', 'Adviser', 'works for a government or organisation'),
  member('advisor', 'Advisor', 'works for a government or organisation'),
  member('aide', 'Aide', 'works for a government or leader'),
  member('official', 'Official', 'works for a government or organisation'),
  member('diplomat', 'Diplomat', 'represents a state'),
  member('negotiator', 'Negotiator', 'represents a state in talks'),
  member('general', 'General', 'officer of a state\'s armed forces'),
  member('major general', 'Major General', 'officer of a state\'s armed forces; whole, so "Major" is no part of the name'),
  member('lieutenant general', 'Lieutenant General', 'officer of a state\'s armed forces'),
  member('brigadier general', 'Brigadier General', 'officer of a state\'s armed forces'),
  member('commander', 'Commander', 'officer of armed forces'),
  member('colonel', 'Colonel', 'officer of a state\'s armed forces ("Colonel Amadou Abdramane"), so the rank is no part of the name'),
  member('lieutenant colonel', 'Lieutenant Colonel', 'officer of a state\'s armed forces'),
  member('admiral', 'Admiral', 'officer of a state\'s navy'),
  member('vice admiral', 'Vice Admiral', 'officer of a state\'s navy'),
  member('rear admiral', 'Rear Admiral', 'officer of a state\'s navy'),
  member('field marshal', 'Field Marshal', 'officer of a state\'s armed forces ("Field Marshal Khalifa Haftar")'),
  member('counterpart', 'Counterpart', '"his Russian counterpart, Sergei Lavrov": holds the same office for that state'),
  member('senator', 'Senator', 'member of a legislature'),
  member('lawmaker', 'Lawmaker', 'member of a legislature'),
  member('governor', 'Governor', 'holds office in a state'),
  member('mayor', 'Mayor', 'holds office in a city'),
  leader('administrator', 'Administrator', 'heads an agency ("NASA Administrator Charles Bolden")'),
  member('commissioner', 'Commissioner', 'member of the European Commission or a public body'),
  member('director', 'Director', 'heads part of an organisation'),
  member('chief', 'Chief', 'heads part of an organisation'),
  member('head', 'Head', '"intelligence head"'),
  member('correspondent', 'Correspondent', 'works for a news outlet'),
  member('reporter', 'Reporter', 'works for a news outlet'),
  member('editor', 'Editor', 'works for a news outlet'),
];

/** Honorifics that address a person by office when a title follows with no name ("Madam Speaker", "Mr. President"). */
export const ADDRESS_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'madam', 'madame', 'mister']);

export interface AddressRow {
  /** The title's words after the honorific, lowercase, as the tokenizer splits them. */
  readonly words: readonly string[];
  readonly reason: string;
}

const address = (words: string, reason: string): AddressRow => ({ words: words.split(' '), reason });

/** Offices addressed by honorific and title alone, in parliaments, courts, assemblies and interviews. */
export const ADDRESS_TITLES: readonly AddressRow[] = [
  address('president', 'a head of state, or the chair of an assembly or senate, addressed in a speech or an interview'),
  address('vice president', 'the presiding officer of the US Senate, or a deputy head of state'),
  address('speaker', 'presides over a legislature: "Madam Speaker" opens and punctuates speeches in it'),
  address('deputy speaker', 'presides over a legislature in the Speaker\'s place'),
  address('chair', 'presides over a committee or a session ("Thank you, Mr. Chair")'),
  address('chairman', 'presides over a committee or a board'),
  address('chairwoman', 'presides over a committee or a board'),
  address('chairperson', 'presides over a committee or a board'),
  address('secretary - general', 'the head of the UN or NATO, addressed in the General Assembly (the tokenizer splits the hyphen)'),
  address('secretary-general', 'the head of the UN or NATO, as one token'),
  address('secretary general', 'the head of the UN or NATO, written without the hyphen'),
  address('prime minister', 'a head of government, addressed in parliament or an interview'),
  address('chief justice', 'the head of a court, addressed at an oath or a hearing'),
  address('ambassador', 'an envoy, addressed at the UN or in an interview'),
  address('mayor', 'a city\'s head, addressed at a council meeting'),
  address('governor', 'a state\'s head, addressed at a legislature or a hearing'),
  address('minister', 'a member of a government, addressed in parliament'),
  address('commissioner', 'a member of a commission or a police chief, addressed at a hearing'),
  address('senator', 'a member of a senate, addressed in a hearing'),
];

/** Honorifics stand before a name but say nothing about office. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'sir', 'dame', 'lord', 'lady', 'prof', 'prof.', 'professor',
  'rev', 'rev.', 'sheikh', 'ayatollah', 'imam', 'rabbi', 'cardinal', 'archbishop', 'mullah', 'sen.', 'rep.', 'gen.', 'lt.', 'col.', 'capt.', 'gov.', 'pres.',
]);

/**
 * What a side's strikes hit: "struck Ukrainian positions", "Russian cities came under fire" (a
 * demonym before one stands for its country; relations reads an attack on them as one on their side).
 */
export const STRUCK_ASSETS: readonly string[] = [
  'positions', 'bases', 'targets', 'facilities', 'infrastructure', 'territory', 'cities', 'towns', 'villages',
  'ports', 'vessels', 'ships', 'warships', 'airfields', 'depots', 'outposts', 'checkpoints',
  'sites', 'camps', 'refineries', 'plants', 'airports', 'installations', 'ship', 'vessel', 'base',
];

/**
 * "tariffs on Chinese imports", "a ban on Russian oil": trade stands for the country it comes from
 * when measures fall on it (after "on" or "against"); "Russian oil prices rose" names no actor.
 */
export const TRADED_GOODS: readonly string[] = [
  'imports', 'exports', 'goods', 'products', 'steel', 'aluminium', 'aluminum', 'oil', 'gas', 'cars', 'vehicles', 'chips',
  'semiconductors', 'companies', 'firms', 'banks', 'entities', 'assets', 'shipments', 'produce',
  'seafood', 'fish', 'crude', 'grain', 'wheat', 'pork', 'beef', 'dairy', 'coal', 'timber', 'fertiliser', 'fertilizer', 'brandy',
  'wine', 'uranium', 'minerals', 'cargo', 'cargoes',
];

/**
 * Acts a side does: a demonym right before one names that side as the actor ("an Israeli strike on
 * …", "American sanctions", "a Turkish proposal"); relations read the noun's frame from there.
 */
export const DEMONYM_EVENTS: ReadonlySet<string> = new Set([
  'strike', 'strikes', 'airstrike', 'airstrikes', 'attack', 'attacks', 'invasion', 'offensive', 'raid', 'raids', 'bombardment',
  'bombing', 'shelling', 'incursion', 'sanctions', 'tariffs', 'embargo', 'blockade', 'proposal', 'offer', 'aid', 'assistance',
  'pressure', 'warning', 'ultimatum', 'demands', 'delegation', 'mediation', 'mediators',
  // acts others judge: "Latvia backed the Polish decision" backs Poland
  'decision', 'move', 'plan', 'investigation', 'request', 'initiative',
  // acts others condemn: "complained of Israeli violations", "condemned Russian aggression"
  'violations', 'violation', 'aggression', 'occupation', 'interference', 'meddling', 'provocations', 'provocation', 'incursions',
  'crackdown', 'war',
  // words others answer: "dismissed American claims", "rejected Chinese accusations"
  'claims', 'claim', 'accusations', 'allegations', 'charges', 'criticism', 'threats', 'calls',
  // a side's part in it: "objected to the Emirati presence", "condemned Iranian backing for the Houthis"
  'presence', 'involvement', 'backing', 'role',
]);

/** "Ukrainian troops", "American officials": a demonym before one of these nouns stands for its country. */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'troops', 'forces', 'force', 'army', 'military', 'navy', 'soldiers', 'officials', 'official', 'government',
  'authorities', 'delegates', 'delegation', 'diplomats', 'negotiators', 'leaders', 'leadership', 'side',
  'lawmakers', 'ministry', 'officers', 'administration', 'counterparts', 'counterpart', 'team', 'regime', 'junta', 'juntas',
  'drones', 'missiles', 'warplanes', 'jets', 'units', 'defences', 'defenses', 'embassy', 'parliament',
  'drone', 'missile', 'warplane', 'jet', 'warship', 'warships', 'aircraft', 'helicopter', 'helicopters', 'tanks', 'rockets', 'artillery',
  'prosecutors', 'police', 'ministers', 'consulate', 'envoys', 'citizens', 'nationals', 'delegations', 'court', 'courts',
  // a state's agents by their work: "accused Israeli jailers of beating", "Egyptian and Qatari mediators"
  'guards', 'jailers', 'interrogators', 'commanders', 'pilots', 'crews', 'state', 'statehood', 'agents', 'intelligence', 'investigators', 'mediators', 'regulator', 'regulators', 'watchdog', 'representatives',
  ...STRUCK_ASSETS,
]);

/**
 * Industries a company is named by after a country or place ("Nippon Steel", "United States Steel",
 * "Qatar Petroleum"): an organisation head only there, since alone they are surnames ("David Steel")
 * and after a demonym goods ("Chinese Steel" in a headline).
 */
export const INDUSTRY_HEADS: ReadonlySet<string> = new Set([
  'steel', 'oil', 'energy', 'petroleum', 'gas', 'airline', 'shipping', 'mining', 'railways', 'railway', 'telecom', 'telecoms',
  'electric', 'power', 'insurance', 'pharmaceuticals', 'chemicals', 'automotive', 'shipbuilding', 'aerospace', 'aluminium', 'aluminum',
]);

/** Words that end a proper-name organisation and say it is one. */
export const ORGANIZATION_HEADS: ReadonlySet<string> = new Set([
  'agency', 'ministry', 'council', 'party', 'bank', 'inc', 'inc.', 'ltd', 'ltd.', 'corp', 'corp.', 'corporation',
  'group', 'university', 'committee', 'commission', 'army', 'forces', 'navy', 'court', 'company', 'co.',
  'association', 'union', 'organization', 'organisation', 'institute', 'foundation', 'department', 'office',
  'service', 'news', 'times', 'post', 'guardian', 'journal', 'network', 'fund', 'federation', 'league',
  'parliament', 'assembly', 'congress', 'senate', 'authority', 'board', 'bureau', 'police', 'guard', 'brigade',
  'battalion', 'front', 'movement', 'alliance', 'coalition', 'airlines', 'airways', 'motors', 'technologies',
  'systems', 'holdings', 'plc', 'llc', 'gmbh', 'ag', 'sa', 'media', 'press', 'television', 'tv', 'radio',
  'club', 'fc', 'centre', 'center', 'school', 'college', 'hospital', 'church', 'society', 'trust', 'exchange',
  // news outlets are named by these heads ("Saudi Gazette", "The Brooklyn Paper", "LA Weekly")
  'paper', 'herald', 'gazette', 'magazine', 'weekly', 'daily', 'tribune', 'chronicle', 'telegraph', 'observer',
  'courier', 'mail', 'review', 'examiner', 'inquirer', 'globe',
  // bodies and groups
  'institution', 'legion', 'team', 'conference', 'corps', 'academy', 'democrats', 'republicans', 'ministries',
  'studios', 'entertainment', 'pictures', 'records', 'laboratories', 'labs', 'industries', 'enterprises',
  'partners', 'bancorp', 'pharmaceuticals', 'airline', 'institutes', 'directorate', 'secretariat',
  'tribunal', 'cabinet', 'regiment', 'force', 'division', 'squadron', 'fleet', 'militia',
  // firms named by their trade, as business news quotes their staff ("an analyst at Numis Securities",
  // "chief economist at Capital Economics", "Eaton Vance Management"): never a person's last name
  'securities', 'investments', 'capital', 'management', 'managers', 'economics', 'associates', 'services',
  'consulting', 'consultancy', 'consultants', 'stockbrokers', 'brokers', 'advisers', 'advisors', 'research',
]);

/** Words that end a proper name of a place ("Volgograd Arena", "Jamarat Bridge", "Hong Kong Island"). */
export const PLACE_HEADS: ReadonlySet<string> = new Set([
  'stadium', 'arena', 'airport', 'station', 'bridge', 'street', 'st', 'road', 'rd', 'avenue', 'ave', 'boulevard',
  'square', 'island', 'islands', 'county', 'province', 'district', 'region', 'river', 'lake', 'mountains',
  'mountain', 'valley', 'bay', 'sea', 'ocean', 'peninsula', 'hall', 'temple', 'mosque', 'cathedral', 'palace',
  'tower', 'towers', 'plaza', 'park', 'base', 'hotel', 'memorial', 'strait', 'straits', 'canal', 'desert', 'coast',
  'beach', 'harbour', 'harbor', 'prison', 'village', 'heights', 'hills', 'falls', 'springs', 'gulf', 'channel', 'forest',
  'museum', 'gallery', 'zoo', 'theatre', 'theater', 'planetarium', 'complex', 'crossing', 'checkpoint',
  'territory', 'territories', 'town', 'municipality', 'prefecture', 'oblast', 'governorate',
  'highway', 'motorway', 'quarter', 'pier', 'dam', 'mine', 'shoal', 'reef', 'atoll', 'archipelago', 'glacier',
]);

/** Words that start a place name ("Mount Fisht", "Lake Victoria", "Cape Canaveral", "Fort Harrison"). */
export const PLACE_STARTS: ReadonlySet<string> = new Set([
  'mount', 'mt', 'mt.', 'lake', 'fort', 'cape', 'port', 'gulf', 'isle', 'saint', 'st.', 'san', 'santa', 'são',
  'sao', 'lago', 'rio', 'bahr', 'wadi', 'jebel', 'jabal', 'tel', 'kafr', 'ras',
]);

/**
 * Capitalised words that make a name a thing, not a person ("World Cup", "Nobel Prize", "Paris
 * Agreement", "Google Science Fair"): a chunk holding one is not read as a person by default.
 */
export const NOT_PERSON_WORDS: ReadonlySet<string> = new Set([
  // ("the PM" is the prime minister's title, taken up as a description)
  'pm',
  'award', 'awards', 'cup', 'prize', 'festival', 'day', 'week', 'games', 'olympics', 'championship', 'championships',
  'act', 'bill', 'law', 'treaty', 'crisis', 'summit', 'agreement', 'accord', 'accords', 'plan', 'program',
  'programme', 'project', 'report', 'index', 'fair', 'expo', 'show', 'series', 'season', 'film', 'movie', 'book',
  'album', 'song', 'edition', 'trophy', 'open', 'prix', 'system', 'app', 'phone', 'model', 'code', 'language',
  'protocol', 'initiative', 'strategy', 'doctrine', 'declaration', 'convention', 'charter', 'constitution',
  'amendment', 'election', 'elections', 'referendum', 'revolution', 'era', 'age', 'war', 'battle', 'operation',
  'campaign', 'tour', 'match', 'final', 'finals', 'league', 'division', 'stage', 'round', 'group', 'science',
  'technology', 'engineering', 'research', 'studies', 'history', 'news', 'online', 'live', 'network', 'channel',
  'radio', 'tv', 'weather', 'climate', 'energy', 'health', 'education', 'security', 'defence', 'defense', 'trade',
  'economy', 'internet', 'web', 'site', 'website', 'blog', 'page', 'twitter', 'facebook', 'image', 'images',
  'photo', 'photos', 'video', 'videos', 'file', 'map', 'source', 'sources', 'interview', 'press', 'release',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'national',
  'international', 'global', 'world', 'federal', 'state', 'royal', 'republic', 'kingdom', 'empire', 'union',
  'christian', 'muslim', 'islamic', 'jewish', 'catholic', 'protestant', 'orthodox', 'buddhist', 'hindu',
  'democratic', 'republican', 'liberal', 'conservative', 'socialist', 'communist', 'labour', 'green', 'civic',
  'people', 'peoples', 'popular', 'social', 'public', 'free', 'freedom', 'new', 'old', 'great', 'grand', 'big',
  'former', 'ex', 'first', 'second', 'third', 'general', 'special', 'annual', 'summer', 'winter', 'spring', 'autumn', 'fall',
  'series', 'university', 'college', 'school', 'love', 'life', 'house', 'home', 'family', 'community', 'camp',
  'christmas', 'easter', 'mr', 'mrs', 'ms', 'miss', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc',
  'space', 'shuttle', 'shuttles', 'orbiter', 'orbiters', 'spacecraft', 'rocket', 'mission', 'satellite', 'relations',
  'affairs', 'services', 'arts', 'art', 'sciences', 'museum', 'gallery', 'stadium', 'soup', 'wars', 'aid', 'room',
  'standards', 'disorders', 'deficiency', 'syndrome', 'disease', 'virus', 'flu', 'fever', 'cancer', 'vaccine',
  // storms are named like people ("Cyclone Phailin", "Hurricane Katrina")
  'cyclone', 'hurricane', 'typhoon',
  // faiths, rites and scriptures are no actors
  'islam', 'hajj', 'umrah', 'satan', 'allah', 'christianity', 'judaism', 'hinduism', 'buddhism', 'bible', 'koran',
  'quran', 'torah', 'gospel', 'sharia', 'jihad',
]);

/**
 * Nouns for a person as such (not a role): in apposition after a name ("Valeska Paris, an Australian
 * woman") they make it a person's, as a role noun does.
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'man', 'woman', 'boy', 'girl', 'mother', 'father', 'son', 'daughter', 'brother', 'sister', 'husband', 'wife', 'widow', 'teenager', 'resident', 'citizen', 'national',
]);

/**
 * Lowercase nouns right before a capitalised name that say the name is a person
 * ("pan-democrat Gary Fan", "photographer Nat Finkelstein", "goalkeeper Mouez Hassen").
 */
export const PERSON_ROLE_NOUNS: ReadonlySet<string> = new Set([
  'politician', 'politicians', 'councillor', 'councilor', 'candidate', 'nominee', 'incumbent', 'challenger',
  'coach', 'manager', 'player', 'players', 'striker', 'forward', 'midfielder', 'defender', 'goalkeeper', 'keeper',
  'captain', 'teammate', 'athlete', 'athletes', 'champion', 'photographer', 'photographers', 'author', 'writer',
  'novelist', 'poet', 'singer', 'songwriter', 'singer-songwriter', 'musician', 'musicians', 'artist', 'artists',
  'actor', 'actress', 'producer', 'designer', 'student', 'teacher', 'scientist', 'researcher', 'biologist',
  'physicist', 'chemist', 'economist', 'analyst', 'lawyer', 'attorney', 'judge', 'prosecutor', 'detective',
  'officer', 'sergeant', 'founder', 'co-founder', 'cofounder', 'owner', 'executive', 'member', 'activist',
  'campaigner', 'blogger', 'journalist', 'columnist', 'presenter', 'host', 'comedian', 'chef', 'doctor', 'nurse',
  'pilot', 'astronaut', 'engineer', 'businessman', 'businesswoman', 'entrepreneur', 'billionaire', 'investor',
  'banker', 'mother', 'father', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'friend', 'colleague',
  'boss', 'interviewee', 'resident', 'victim', 'suspect', 'defendant', 'witness', 'inmate', 'prisoner', 'cleric',
  'pastor', 'priest', 'bishop', 'imam', 'rabbi', 'monk', 'democrat', 'pan-democrat', 'republican', 'nonpartisan',
  'localist', 'legislator', 'mp', 'congressman', 'congresswoman', 'representative', 'secretary', 'commissioner',
  'superintendent', 'principal', 'professor', 'lecturer', 'academic', 'historian', 'philosopher', 'critic',
  'magician', 'dancer', 'model', 'rapper', 'drummer', 'guitarist', 'composer', 'conductor', 'painter', 'sculptor',
  'architect', 'filmmaker', 'cartoonist', 'illustrator', 'publisher', 'publishers', 'veteran', 'star', 'legend',
  'stars', 'skipper', 'referee', 'umpire', 'jockey', 'driver', 'cyclist', 'runner', 'swimmer', 'boxer', 'wrestler',
  'golfer', 'tennis', 'winger', 'substitute', 'defenders', 'strikers', 'candidates', 'councillors', 'chairperson',
]);

/** A person's name may end in these ("Martin Luther King Jr."). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

/** All-capital words that are not organisations although they look like acronyms. */
export const NOT_ORGANIZATION_ACRONYMS: ReadonlySet<string> = new Set([
  'ceo', 'cfo', 'coo', 'cto', 'gdp', 'tv', 'ai', 'aids', 'hiv', 'dna', 'rna', 'cctv', 'pc', 'ok', 'am', 'pm', 'usb',
  'gps', 'sms', 'pdf', 'faq', 'diy', 'vip', 'mp', 'mps', 'phd', 'mba', 'bc', 'ad', 'ce', 'bce', 'pr', 'hr', 'it',
  'id', 'iq', 'ufo', 'vr', 'ar', 'hd', 'lgbt', 'lgbtq', 'covid', 'sars', 'mers', 'ebola', 'gmt', 'utc', 'est',
  'pst', 'edt', 'cet', 'kg', 'km', 'mph', 'rpm', 'usd', 'eur', 'gbp', 'sec', 'mr', 'ms', 'dr', 'st', 'no', 'ps',
  'rip', 'omg', 'lol', 'tba', 'tbc', 'aka', 'asap', 'fyi', 'ii', 'iii', 'iv', 'vi', 'vii', 'viii', 'ix', 'xi',
  'i', 'a', 'q', 'tnt', 'wmd', 'icbm', 'ied', 'rpg', 'lng', 'oil', 'co2', 'ghg', 'ipo', 'etf', 'vat', 'irs',
]);

/** Words that start an organisation name ("Ministry of Defence", "Bank of England"). */
export const ORGANIZATION_STARTS: ReadonlySet<string> = new Set([
  'ministry', 'bank', 'university', 'department', 'office', 'council', 'commission', 'committee', 'institute',
  'court', 'house', 'federation', 'league', 'union', 'organization', 'organisation', 'church', 'party',
]);

/** First words of bodies that news names untranslated ("Instituto Gonzaga", "Partido Popular", "Banca Etruria"): the name is a body's. */
export const FOREIGN_BODY_STARTS: ReadonlySet<string> = new Set([
  'instituto', 'istituto', 'institut', 'universidad', 'universidade', 'università', 'université', 'universität', 'universiteit',
  'colegio', 'liceo', 'lycée', 'banco', 'banca', 'banque', 'partido', 'partito', 'ministerio', 'ministero', 'ministère',
]);

/** Capitalised words that are never part of a name: months, days, sentence openers, titles of address. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
  'tomorrow', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'its', 'but', 'and', 'or', 'if', 'however', 'meanwhile', 'after', 'before',
  'when', 'while', 'in', 'on', 'at', 'for', 'from', 'by', 'with', 'as', 'of', 'to', 'also', 'there', 'here',
  'weeks', 'days', 'earlier', 'later', 'last', 'next', 'read', 'watch', 'advertisement', 'photo', 'video',
  'update', 'breaking', 'live', 'opinion', 'analysis', 'editorial', 'exclusive', 'short', 'according', 'so', 'yet',
  'what', 'who', 'why', 'how', 'where', 'which', 'not', 'no', 'yes', 'all', 'some', 'many', 'both', 'each', 'one',
  'two', 'three', 'first', 'second', 'third', 'just', 'now', 'then', 'thus', 'still', 'even', 'despite', 'under',
  'over', 'about', 'around', 'since', 'until', 'because', 'although', 'though', 'unless', 'once', 'amid',
  'war', 'world', 'god', 'mr', 'mrs', 'ms', 'dr', 'sir', 'christmas', 'easter', 'ramadan', 'internet',
  // picture captions ("Image: Nick Moreau") and credits
  'image', 'images', 'file', 'credit', 'credits', 'caption', 'pictured',
  // greetings and interjections before a name in interviews and speeches ("Hey John", "Thanks, Frank")
  'hey', 'hi', 'hello', 'dear', 'thanks', 'oh', 'well', 'okay', 'ok',
]);

/** Prepositions after which a capital city is a place, not its government acting ("talks between Washington and Tehran" are the governments'). */
export const LOCATIVE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'from', 'into', 'via', 'through', 'toward',
  'towards', 'within', 'over', 'of', 'visit', 'visited', 'visiting', 'arrived', 'flew', 'travelled',
  'traveled',
]);

export interface PronounRow {
  readonly word: string;
  readonly gender: 'male' | 'female' | 'any';
  /** Possessives ("his support") are resolved like subjects but mark a possessor. */
  readonly possessive: boolean;
}
export const PERSON_PRONOUNS: readonly PronounRow[] = [
  { word: 'he', gender: 'male', possessive: false },
  { word: 'him', gender: 'male', possessive: false },
  { word: 'his', gender: 'male', possessive: true },
  { word: 'she', gender: 'female', possessive: false },
  { word: 'her', gender: 'female', possessive: true },
];

/** Topics that proposals and agreements are about: head noun → canonical topic node. */
export interface TopicRow {
  readonly words: readonly string[];
  readonly topic: string;
  /** An anaphoric noun ("the deal") resolves to the document's most recent topic when there is one. */
  readonly anaphoric: boolean;
  readonly reason: string;
}
export const TOPICS: readonly TopicRow[] = [
  { words: ['ceasefire'], topic: 'ceasefire', anaphoric: false, reason: 'a halt to fighting' },
  { words: ['cease-fire'], topic: 'ceasefire', anaphoric: false, reason: 'spelling variant' },
  { words: ['truce'], topic: 'ceasefire', anaphoric: false, reason: 'synonym of ceasefire' },
  { words: ['armistice'], topic: 'ceasefire', anaphoric: false, reason: 'synonym of ceasefire' },
  { words: ['peace', 'plan'], topic: 'peace plan', anaphoric: false, reason: 'a plan to end a war' },
  { words: ['peace', 'deal'], topic: 'peace deal', anaphoric: false, reason: 'an agreement ending a war' },
  { words: ['peace', 'agreement'], topic: 'peace deal', anaphoric: false, reason: 'an agreement ending a war' },
  { words: ['peace', 'talks'], topic: 'peace talks', anaphoric: false, reason: 'negotiations to end a war' },
  { words: ['deal'], topic: 'deal', anaphoric: true, reason: '"the deal": usually the agreement the story is about' },
  { words: ['agreement'], topic: 'deal', anaphoric: true, reason: '"the agreement": usually the agreement the story is about' },
  { words: ['proposal'], topic: 'proposal', anaphoric: true, reason: '"the proposal": usually the plan the story is about' },
  { words: ['plan'], topic: 'plan', anaphoric: true, reason: '"the plan": usually the plan the story is about' },
  { words: ['sanctions'], topic: 'sanctions', anaphoric: false, reason: 'economic measures' },
];

/** Words that glue name parts: "Bank of England", "Abu Bakr al-Baghdadi", "Ursula von der Leyen". */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'de', 'del', 'della', 'da', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'du', 'dos', 'das', 'for', 'and', '&']);

/** A short form that names one of several countries: it means the one the article names in full. */
export interface AmbiguousShortForm {
  readonly surface: string;
  readonly candidates: readonly string[];
  readonly reason: string;
}
export const AMBIGUOUS_SHORT_FORMS: readonly AmbiguousShortForm[] = [
  { surface: 'Korea', candidates: ['south-korea', 'north-korea'], reason: '"Korea" after "South Korea" is South Korea; on its own it could be either' },
  { surface: 'Congo', candidates: ['dr-congo', 'republic-of-the-congo'], reason: 'two Congos; the one named in full decides' },
  { surface: 'Guinea', candidates: ['guinea', 'equatorial-guinea', 'guinea-bissau', 'papua-new-guinea'], reason: 'four Guineas; the listed "Guinea" entry is only the Republic of Guinea' },
];

/**
 * Groups of people that act in news as one actor ("Muslims protested", "refugees crossed the
 * Channel"): a node of entityType 'other' marked `group`, kept even when no relation reaches it.
 * Plural demonyms ("Afghans", "Bangladeshis") are found from the demonym gazetteer, not listed here.
 */
export interface PeopleGroupRow {
  /** The words, lower-cased: plural forms only ("Muslim" alone is usually an adjective). */
  readonly words: readonly string[];
  readonly label: string;
  /** Also in lower case ("refugees"); otherwise only capitalised. */
  readonly lowercase: boolean;
  readonly reason: string;
}
const RELIGIOUS_GROUP = 'adherents of a religion, an actor in news of protests, laws and attacks';
const ETHNIC_GROUP = 'a people without a state of its own: no demonym in the country gazetteer';
const DISPLACED_GROUP = 'displaced people: an actor in their own right (CAMEO codes refugees as REF)';
export const PEOPLE_GROUPS: readonly PeopleGroupRow[] = [
  ...['Muslims', 'Christians', 'Jews', 'Hindus', 'Buddhists', 'Sikhs', 'Catholics', 'Protestants', 'Evangelicals', 'Mormons', 'Shiites', 'Sunnis', 'Atheists', 'Agnostics']
    .map((label) => ({ words: label.toLowerCase().split(' '), label, lowercase: false, reason: RELIGIOUS_GROUP })),
  ...['Arabs', 'Rohingya', 'Kurds', 'Uyghurs', 'Uighurs', 'Tamils', 'Pashtuns', 'Hazaras', 'Yazidis', 'Roma', 'Tibetans', 'Druze', 'Maori', 'Aborigines']
    .map((label) => ({ words: label.toLowerCase().split(' '), label, lowercase: false, reason: ETHNIC_GROUP })),
  ...['Refugees', 'Migrants', 'Immigrants', 'Asylum seekers']
    .map((label) => ({ words: label.toLowerCase().split(' '), label, lowercase: true, reason: DISPLACED_GROUP })),
];

/** Verbs of saying that come before their speaker after a quote: "…,” said Mauer. "…, says Peres,". */
export const INVERTED_SPEECH: ReadonlySet<string> = new Set([
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'wrote', 'writes', 'explained', 'explains', 'noted', 'notes', 'recalled', 'recalls',
]);

/** Marks that close a quotation before its attribution, single quotes included ("'…,' said Peres"). */
export const CLOSING_QUOTES: ReadonlySet<string> = new Set(['"', '”', '’', "'", '»']);

/**
 * Capitals that news uses for an organisation seated there rather than for the country, when the
 * document names that organisation: "Brussels announced duties" in a story about the EU.
 */
export const ORGANIZATION_SEATS: readonly { readonly capital: string; readonly organization: string; readonly named: readonly string[]; readonly reason: string }[] = [
  { capital: 'Brussels', organization: 'european-union', named: ['EU', 'European Union', 'European Commission', 'E.U.'], reason: 'Brussels hosts the EU institutions; in a story that names the EU, "Brussels said" is the EU, not Belgium' },
];

/** Verbs after which "from <capital>" names a government: "the concession it won from Washington". */
export const OBTAINING_LEMMAS: ReadonlySet<string> = new Set(['win', 'won', 'secure', 'receive', 'obtain', 'extract', 'wring', 'demand', 'request', 'seek', 'get']);

/** Nouns after which "from <capital>" names a government, not a place: "a request from Cotonou", "officials from Beijing". */
export const FROM_SENDER_NOUNS: ReadonlySet<string> = new Set([
  'request', 'requests', 'call', 'calls', 'message', 'messages', 'offer', 'proposal', 'pressure', 'letter', 'statement', 'protest', 'protests',
  'demand', 'demands', 'warning', 'invitation', 'response', 'reply', 'criticism', 'appeal', 'support', 'aid', 'delegation', 'envoy',
  'envoys', 'officials', 'diplomats', 'negotiators', 'delegates', 'signal', 'signals', 'approval', 'backing', 'objections', 'complaint',
  // "recalled its ambassador from Phnom Penh": the envoy's post is the government there.
  'ambassador', 'ambassadors', 'diplomat',
  // "the concession it won from Washington", "a loan from Beijing": what a government grants.
  'concession', 'concessions', 'assurances', 'guarantees', 'loan', 'loans', 'funding', 'sanctions', 'tariffs', 'threats', 'threat',
]);

/**
 * Family names of China, Hong Kong, Taiwan, Korea and Vietnam as news romanise them. Names from
 * there are written surname first ("Xi Jinping", "Leung Kwok-hung", "Yoon Suk Yeol"), so a lone
 * first word of such a name is the person; of any other two-word name ("Yahoo Messenger",
 * "Vivendi Universal", "Mets Poet") it is not.
 */
export const SURNAME_FIRST_FAMILIES: ReadonlySet<string> = new Set([
  // Mandarin (pinyin, Wade-Giles)
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao',
  'lin', 'luo', 'zheng', 'liang', 'xie', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao', 'tian', 'dong', 'pan',
  'yuan', 'cai', 'jiang', 'yu', 'du', 'ye', 'cheng', 'wei', 'su', 'lu', 'ding', 'ren', 'yao', 'shen', 'zhong', 'cui', 'tan', 'fan',
  'liao', 'shi', 'jin', 'jia', 'xia', 'fu', 'fang', 'zou', 'xiong', 'bai', 'meng', 'qin', 'qiu', 'hou', 'yin', 'xue', 'yan', 'duan',
  'lei', 'long', 'shao', 'wan', 'qian', 'xi', 'hua', 'kong', 'mao', 'bo', 'zhai', 'tsai', 'hsu', 'hsieh', 'kuo', 'chiang', 'chou',
  // Cantonese
  'chan', 'wong', 'leung', 'cheung', 'lau', 'lee', 'ho', 'ng', 'chow', 'tsang', 'yip', 'kwok', 'lam', 'mak', 'yau', 'tse', 'fung',
  'lai', 'chu', 'hui', 'yeung', 'yung', 'tam', 'mo', 'ip', 'kwong', 'shiu', 'yiu', 'siu', 'choi', 'chiu', 'poon', 'tong', 'law',
  'kwan', 'tsui', 'au', 'chung', 'to', 'or',
  // Korean
  'kim', 'park', 'jung', 'jeong', 'kang', 'cho', 'yoon', 'jang', 'lim', 'oh', 'seo', 'shin', 'kwon', 'hwang', 'ahn', 'yoo', 'hong',
  'jeon', 'ko', 'moon', 'son', 'bae', 'baek', 'heo', 'nam', 'roh', 'ha', 'kwak', 'sung', 'cha', 'joo', 'woo', 'min', 'ryu', 'na',
  'chun', 'rhee', 'ri', 'pak', 'choe',
  // Vietnamese, Cambodian
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ngo', 'duong', 'ly', 'hun',
]);

/** A state whose army is a side of its own civil war, named apart from the state ("the Sudanese army" is not Sudan). */
export interface FactionalArmyRow {
  readonly country: string;
  readonly id: string;
  readonly label: string;
  readonly reason: string;
}

export const FACTIONAL_ARMIES: readonly FactionalArmyRow[] = [
  { country: 'sudan', id: 'sudanese-armed-forces', label: 'Sudanese Armed Forces', reason: 'since April 2023 the army fights the Rapid Support Forces for the state: news names it as one side ("the Sudanese army", "Sudan\'s military", "the army"), apart from the state and its government' },
];

/**
 * States ruled by soldiers who took power in a coup, as 2023–25 news calls them "the junta": of the
 * countries in reach, one of these is what "the junta" stands for ("France's ambassador to Niger …
 * the junta"). A preference, not a limit: a junta of a new coup is still read by salience.
 */
export const MILITARY_GOVERNMENTS: readonly { readonly country: string; readonly reason: string }[] = [
  { country: 'niger', reason: 'coup of July 2023, General Tiani' },
  { country: 'mali', reason: 'coups of 2020 and 2021, General Goita' },
  { country: 'burkina-faso', reason: 'coups of 2022, Captain Traore' },
  { country: 'guinea', reason: 'coup of 2021, General Doumbouya' },
  { country: 'myanmar', reason: 'coup of February 2021, General Min Aung Hlaing' },
  { country: 'sudan', reason: 'coup of October 2021, General Burhan' },
  { country: 'gabon', reason: 'coup of August 2023, General Oligui Nguema (elected in 2025)' },
  { country: 'chad', reason: 'military council of 2021, Mahamat Deby (elected in 2024)' },
  { country: 'madagascar', reason: 'takeover of October 2025, Colonel Randrianirina' },
  { country: 'guinea-bissau', reason: 'coup of November 2025' },
];

/** Words after a state's name or demonym, or heading a description, that name its army. */
export const ARMY_WORDS: ReadonlySet<string> = new Set(['army', 'military', 'armed forces', 'forces', 'troops']);

/** A table of words, each with the reason it is listed, as the set of its words. */
export function wordTable(rows: readonly { readonly word: string; readonly reason: string }[]): ReadonlySet<string> {
  return new Set(rows.map((r) => r.word));
}

/**
 * Adjectives of a world region ("the Southeast Asian country", "the West African nation"): news
 * describes a state by its region once it has named it. Before a noun they name no body of their
 * own, and a description may carry them as it carries "former" or a demonym.
 */
export const REGION_ADJECTIVES: ReadonlySet<string> = wordTable([
  ...['southeast asian', 'south-east asian', 'south asian', 'east asian', 'central asian', 'west asian'].map((word) => ({ word, reason: 'Asia\'s regions' })),
  ...['west african', 'east african', 'north african', 'southern african', 'central african', 'sub-saharan', 'sahelian'].map((word) => ({ word, reason: 'Africa\'s regions' })),
  ...['south american', 'latin american', 'central american', 'north american', 'caribbean', 'andean'].map((word) => ({ word, reason: 'the Americas\' regions' })),
  ...['balkan', 'baltic', 'nordic', 'scandinavian', 'eastern european', 'east european', 'central european', 'western european', 'mediterranean', 'alpine'].map((word) => ({ word, reason: 'Europe\'s regions' })),
  ...['middle eastern', 'arab', 'himalayan', 'pacific', 'caucasian', 'asian', 'african', 'european'].map((word) => ({ word, reason: 'a continent or a wider region' })),
]);

/** The number of words of a region adjective starting at token k (0 when none): "Southeast Asian" → 2. */
export function regionAdjectiveAt(tokens: readonly { readonly lower: string; readonly value: string }[], k: number): number {
  if (!/^\p{Lu}/u.test(tokens[k]?.value ?? '')) return 0;
  const one = tokens[k]?.lower ?? '';
  const two = `${one} ${tokens[k + 1]?.lower ?? ''}`;
  return REGION_ADJECTIVES.has(two) && /^\p{Lu}/u.test(tokens[k + 1]?.value ?? '') ? 2 : REGION_ADJECTIVES.has(one) ? 1 : 0;
}

/**
 * The states a region's adjective can describe (ISO 3166 codes, from general knowledge of the UN's
 * regions and news usage): "the Southeast Asian country" after "Washington … Vietnam" is Vietnam.
 * Adjectives of a continent or a wider, vaguer region restrict nothing.
 */
const SOUTHEAST_ASIA: readonly string[] = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'TL', 'VN'];
export const REGION_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['southeast asian', SOUTHEAST_ASIA],
  ['south-east asian', SOUTHEAST_ASIA],
  ['south asian', ['AF', 'BD', 'BT', 'IN', 'MV', 'NP', 'PK', 'LK']],
  ['east asian', ['CN', 'JP', 'KP', 'KR', 'MN', 'TW']],
  ['central asian', ['KZ', 'KG', 'TJ', 'TM', 'UZ', 'AF']],
  ['west african', ['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'MR', 'NE', 'NG', 'SN', 'SL', 'TG']],
  ['east african', ['BI', 'DJ', 'ER', 'ET', 'KE', 'RW', 'SO', 'SS', 'SD', 'TZ', 'UG']],
  ['north african', ['DZ', 'EG', 'LY', 'MA', 'SD', 'TN', 'MR']],
  ['southern african', ['AO', 'BW', 'LS', 'MW', 'MZ', 'NA', 'ZA', 'SZ', 'ZM', 'ZW', 'MG']],
  ['central african', ['CM', 'CF', 'TD', 'CG', 'CD', 'GQ', 'GA', 'ST']],
  ['sahelian', ['BF', 'TD', 'ML', 'MR', 'NE', 'SN', 'SD']],
  ['south american', ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'GY', 'PY', 'PE', 'SR', 'UY', 'VE']],
  ['andean', ['BO', 'CO', 'EC', 'PE', 'CL', 'VE']],
  ['central american', ['BZ', 'CR', 'SV', 'GT', 'HN', 'NI', 'PA']],
  ['caribbean', ['AG', 'BS', 'BB', 'CU', 'DM', 'DO', 'GD', 'HT', 'JM', 'KN', 'LC', 'VC', 'TT']],
  ['balkan', ['AL', 'BA', 'BG', 'HR', 'XK', 'ME', 'MK', 'RS', 'SI', 'RO', 'GR']],
  ['baltic', ['EE', 'LV', 'LT']],
  ['nordic', ['DK', 'FI', 'IS', 'NO', 'SE']],
  ['scandinavian', ['DK', 'NO', 'SE']],
  ['himalayan', ['NP', 'BT']],
  ['middle eastern', ['BH', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE']],
  ['arab', ['DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR', 'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE']],
]);
