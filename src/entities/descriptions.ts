// Descriptions that stand for an actor named before: "the president", "the Russian leader",
// "the bloc", "the group", "the company". Each row says which actors a head noun can describe;
// coref.ts takes the most recent such actor within the row's reach.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityType, Token } from '../types';
import { REGION_MEMBERS, regionAdjectiveAt } from './tables';

/** What an actor must be for a description to stand for it. */
export interface DescriptionRow {
  /** The head noun's words, lowercase: ['prime', 'minister']. */
  readonly words: readonly string[];
  readonly entityType: Extract<EntityType, 'person' | 'organization' | 'country' | 'place'>;
  /** People: one of these titles was written next to their name, or is in their role ("President of Russia"). */
  readonly titles?: readonly string[];
  /** Organisations: their kind in data/organizations.json is one of these… */
  readonly kinds?: readonly string[];
  /** …or their name has one of these words (organisations the gazetteer does not list). */
  readonly labelWords?: readonly string[];
  /** Organisations: none whose name has one of these ("the bloc" is no bloc's parliament or commission). */
  readonly notLabelWords?: readonly string[];
  /** Countries: only these ("the Gulf state" is one of the Gulf monarchies). */
  readonly among?: readonly string[];
  /** Countries: only the one the story has named most so far (at least twice). */
  readonly topical?: true;
  /** Countries: the one whose delegation (a noun of these words with the country before it) was named before. */
  readonly sentBy?: readonly string[];
  /** The head must be written with a capital ("the North" is a state, "the north" a region). */
  readonly capitalised?: true;
  /** Sentences back (before the description's own) where the actor may have been named. */
  readonly lookback: number;
  readonly reason: string;
}

/** The monarchies of the Arabian Gulf, which news calls "the Gulf state". */
const GULF_STATES: readonly string[] = ['united-arab-emirates', 'qatar', 'saudi-arabia', 'kuwait', 'bahrain', 'oman'];

/** Nouns for a country's visiting team: "a US delegation", "Ukraine's negotiators". */
const DELEGATION_WORDS: readonly string[] = ['delegation', 'delegates', 'negotiators', 'envoys', 'team', 'mission'];

/** States that are kingdoms, which news calls "the kingdom". */
const KINGDOMS: readonly string[] = ['saudi-arabia', 'jordan', 'morocco', 'bahrain', 'united-kingdom', 'spain', 'netherlands', 'belgium', 'norway', 'sweden', 'denmark', 'thailand', 'cambodia', 'eswatini', 'lesotho', 'bhutan', 'tonga'];

const LEADER_TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emir', 'supreme leader', 'leader', 'crown prince', 'sultan', 'monarch'];
const ANY_ORG_KINDS = ['company', 'news', 'international', 'government', 'military', 'agency', 'party', 'ngo', 'sports', 'other'];

const person = (words: string, titles: readonly string[], reason: string): DescriptionRow => ({ words: words.split(' '), entityType: 'person', titles, lookback: 8, reason });
const org = (words: string, kinds: readonly string[], labelWords: readonly string[], reason: string, lookback = 4): DescriptionRow =>
  ({ words: words.split(' '), entityType: 'organization', kinds, labelWords, lookback, reason });

/** Rows are tried in order at each word after "the": longer heads first ("prime minister" before "minister"). */
export const DESCRIPTIONS: readonly DescriptionRow[] = [
  person('prime minister', ['prime minister', 'premier'], 'head of government named with the title before'),
  person('foreign minister', ['foreign minister', 'minister of foreign affairs'], 'a government member named with the title before'),
  person('defence minister', ['defence minister', 'defense minister'], 'a government member named with the title before'),
  person('defense minister', ['defence minister', 'defense minister'], 'US spelling'),
  person('secretary of state', ['secretary of state'], 'US foreign minister'),
  person('secretary-general', ['secretary-general', 'secretary general'], 'heads the UN or NATO'),
  person('chief executive', ['chief executive', 'ceo'], 'heads a company'),
  person('president', ['president'], '"the president": the person named as president'),
  person('chancellor', ['chancellor'], 'the person named as chancellor'),
  person('premier', ['premier', 'prime minister'], 'head of government'),
  person('pm', ['prime minister', 'premier'], '"the PM": the British short form of prime minister'),
  person('leader', LEADER_TITLES, '"the Russian leader": a head of state or government named before'),
  person('ruler', LEADER_TITLES, '"the veteran ruler": a head of state named before'),
  person('strongman', LEADER_TITLES, '"the strongman": a head of state named before'),
  person('minister', ['minister', 'foreign minister', 'defence minister', 'defense minister', 'prime minister'], 'a government member named as minister'),
  person('spokesman', ['spokesman', 'spokesperson'], 'the spokesman named before'),
  person('spokeswoman', ['spokeswoman', 'spokesperson'], 'the spokeswoman named before'),
  person('senator', ['senator', 'sen.'], 'the senator named before'),
  person('governor', ['governor', 'gov.'], 'the governor named before'),
  person('mayor', ['mayor'], 'the mayor named before'),
  person('ambassador', ['ambassador'], 'the ambassador named before'),
  person('envoy', ['envoy', 'special envoy'], 'the envoy named before'),
  person('chairman', ['chairman'], 'the chairman named before'),
  person('chairwoman', ['chairwoman'], 'the chairwoman named before'),
  person('ceo', ['ceo', 'chief executive'], 'heads a company'),
  person('king', ['king'], 'the king named before'),
  person('prince', ['prince', 'crown prince'], 'the prince named before ("Prince Khalid bin Salman … The prince")'),
  person('queen', ['queen'], 'the queen named before'),
  person('general', ['general', 'gen.', 'army chief', 'military chief', 'army commander', 'military ruler', 'field marshal'], 'the general named before, or a head of an army named as its chief ("army chief Abdel Fattah al-Burhan … The general")'),
  person('judge', ['judge', 'justice'], 'the judge named before'),
  person('commander', ['commander'], 'the commander named before'),
  { ...org('bloc', ['international'], ['Union', 'Community', 'Bloc', 'Alliance', 'Organization', 'Organisation', 'Association', 'League'], 'a union of states: EU, ASEAN, BRICS; not one of its organs (the European Parliament, the Commission)'), notLabelWords: ['Parliament', 'Commission', 'Court', 'Bank', 'Agency', 'Committee', 'Secretariat'] },
  org('alliance', ['international', 'military'], ['Alliance', 'Treaty', 'Coalition'], 'a military or political alliance: NATO, AUKUS'),
  org('group', ['military', 'ngo', 'party', 'other'], ['Group', 'Front', 'Movement', 'Brigade', 'Brigades', 'Army', 'Forces', 'Watch', 'International', 'Committee'], 'an armed or rights group named before, or a company whose name says Group ("the group" after Chevron in a story about OPEC+ was OPEC+, not the company)'),
  org('militia', ['military'], ['Militia', 'Forces', 'Brigade', 'Brigades', 'Army', 'Front', 'Movement', 'Hezbollah', 'Hamas', 'Houthis'], 'an armed group named before'),
  // (By name only: a state's army has the kind "military" too, and is no movement.)
  org('movement', [], ['Movement', 'Front', 'Houthis', 'Hamas', 'Hezbollah', 'Taliban'], '"the movement": an armed or political movement named before ("the Iran-aligned movement" for the Houthis)'),
  org('militant group', ['military'], ['Brigade', 'Brigades', 'Army', 'Front', 'Movement'], 'an armed group named before'),
  org('rebel group', ['military'], ['Forces', 'Army', 'Front', 'Movement'], 'an armed group named before'),
  // Non-state armed groups by name only: a state's army has the kind "military" too (the IDF are no rebels).
  org('rebels', [], ['Houthis', 'Houthi', 'Taliban', 'M23', 'Front', 'Movement', 'Rebels'], '"the rebels": a rebel group named before'),
  org('militants', [], ['Hamas', 'Hezbollah', 'Brigade', 'Brigades', 'Jihad', 'Shabab', 'Taliban'], '"the militants": a militant group named before'),
  org('insurgents', [], ['Taliban', 'Front', 'Movement', 'Shabab'], '"the insurgents": an insurgent group named before'),
  org('paramilitaries', [], ['Rapid', 'Wagner', 'Militia'], '"the paramilitaries": a paramilitary force named before'),
  org('organisation', ['international', 'ngo', 'agency'], ['Organization', 'Organisation', 'Union', 'Community', 'Agency'], '"the organisation": an international or non-governmental body named before'),
  org('organization', ['international', 'ngo', 'agency'], ['Organization', 'Organisation', 'Union', 'Community', 'Agency'], 'US spelling'),
  org('company', ['company'], ['Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Company', 'Ltd', 'Ltd.', 'Group', 'Holdings', 'Technologies', 'Motors', 'Airlines'], 'a company named before'),
  org('firm', ['company'], ['Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Company', 'Ltd', 'Ltd.', 'Group', 'Holdings', 'Technologies', 'Partners'], 'a company named before'),
  // An industry noun needs its word in the name: the gazetteer's kind "company" says no more than that.
  org('carmaker', [], ['Motors', 'Motor', 'Automotive', 'Automobiles'], 'a car company named as one'),
  org('automaker', [], ['Motors', 'Motor', 'Automotive', 'Automobiles'], 'a car company named as one'),
  org('airline', [], ['Airlines', 'Airways', 'Air', 'Aviation'], 'an airline named as one'),
  org('broadcaster', ['news'], ['News', 'Broadcasting', 'Television', 'TV', 'Radio'], 'a news outlet'),
  org('newspaper', [], ['Times', 'Post', 'Journal', 'Herald', 'Guardian', 'Telegraph', 'Gazette', 'Tribune', 'Mail', 'Express', 'Star', 'Mirror', 'Sun'], 'a newspaper named as one'),
  org('news agency', ['news'], ['Agency', 'Press', 'News'], 'a news agency'),
  // (By name only: a parliament or a congress is of the kind "government" too, and no ministry.)
  org('ministry', [], ['Ministry'], 'a ministry named before'),
  org('department', [], ['Department'], 'a government department named before'),
  org('agency', ['agency', 'government', 'international'], ['Agency', 'Administration', 'Service', 'Bureau', 'Organization', 'Organisation', 'Programme', 'Program', 'Fund'], 'a public agency named before; the UN\'s specialised agencies (the World Health Organization, the World Food Programme)'),
  org('tribunal', [], ['Court', 'Tribunal'], '"the tribunal": a court named before'),
  org('party', ['party'], ['Party'], 'a political party named before'),
  org('organisation', ANY_ORG_KINDS, ['Organisation', 'Organization', 'Foundation', 'Institute', 'Society', 'Association'], 'any organisation named before'),
  org('organization', ANY_ORG_KINDS, ['Organisation', 'Organization', 'Foundation', 'Institute', 'Society', 'Association'], 'any organisation named before'),
  org('union', ['international'], ['Union'], 'a union named before (EU, AU, a trade union)'),
  org('court', [], ['Court', 'Tribunal'], 'a court named before'),
  org('commission', [], ['Commission'], 'a commission named before'),
  org('council', [], ['Council'], 'a council named before'),
  org('committee', [], ['Committee'], 'a committee named before'),
  org('parliament', ['government'], ['Parliament', 'Bundestag', 'Knesset', 'Duma', 'Assembly'], 'a parliament named before'),
  org('university', [], ['University', 'College', 'Institute'], 'a university named before'),
  { words: ['gulf', 'state'], entityType: 'country', among: GULF_STATES, lookback: 4, reason: '"the Gulf state": the Gulf monarchy named last ("Sudan cut ties with the UAE, accusing the Gulf state of …")' },
  { words: ['jewish', 'state'], entityType: 'country', among: ['israel'], lookback: 8, reason: '"the Jewish state": Israel, as news calls it once named ("kept firing at the Jewish state")' },
  { words: ['visitors'], entityType: 'country', sentBy: DELEGATION_WORDS, lookback: 4, reason: '"He accused the visitors of …" after "a US delegation … talks in Niamey": the country whose delegation came' },
  { words: ['delegation'], entityType: 'country', sentBy: DELEGATION_WORDS, lookback: 4, reason: '"the delegation" after "a US delegation": the country that sent it' },
  { words: ['government'], entityType: 'country', topical: true, lookback: 6, reason: '"the government": the government of the country the story is about (named most so far), not merely the one named last' },
  { words: ['authorities'], entityType: 'country', topical: true, lookback: 6, reason: '"the authorities": the state the story is about ("Amnesty urged the authorities to free …" after Iran is named twice)' },
  // A ministry that speaks for its state abroad (countries.json lists "China's foreign ministry" as China).
  ...['foreign', 'defence', 'defense', 'commerce', 'trade'].map((w): DescriptionRow => ({ words: [w, 'ministry'], entityType: 'country', lookback: 2, reason: `"the ${w} ministry": the ministry of the state named last, which speaks for it ("Beijing was not persuaded. The commerce ministry said …")` })),
  { words: ['judiciary'], entityType: 'country', topical: true, lookback: 6, reason: '"the judiciary warned …": the courts of the state the story is about' },
  { words: ['administration'], entityType: 'country', among: ['united-states'], lookback: 8, reason: '"the administration": news uses it for the US government ("the new administration" in a story about Cuba is Washington)' },
  { words: ['country'], entityType: 'country', lookback: 2, reason: '"the country": the country named last' },
  { words: ['nation'], entityType: 'country', lookback: 2, reason: '"the nation": the country named last' },
  { words: ['kingdom'], entityType: 'country', among: KINGDOMS, lookback: 2, reason: '"the kingdom": a kingdom named last (not "Iran" because it was named last)' },
  // A country's armed forces or rulers act for it, as "the Sudanese army" does (member nouns).
  { words: ['army'], entityType: 'country', topical: true, lookback: 4, reason: '"the army": the armed forces of the country the story is about (named most so far), not merely the one named last ("fighting between the rebels and the army" after Rwanda is named in a story about Congo)' },
  { words: ['military', 'rulers'], entityType: 'country', topical: true, lookback: 8, reason: '"the military rulers": the junta of the country the story is about' },
  { words: ['military'], entityType: 'country', lookback: 2, reason: '"the military": the armed forces of the country named last' },
  { words: ['junta'], entityType: 'country', lookback: 3, reason: '"the junta": the military rulers of the country named last' },
  { words: ['regime'], entityType: 'country', lookback: 2, reason: '"the regime": the rulers of the country named last' },
  { words: ['city'], entityType: 'place', lookback: 2, reason: '"the city": the place named last' },
  // "accused the North of shipping shells": a divided country's half, named before with its word.
  { words: ['north'], entityType: 'country', labelWords: ['North'], capitalised: true, lookback: 8, reason: '"the North": North Korea (a state whose name has North) named before' },
  { words: ['south'], entityType: 'country', labelWords: ['South'], capitalised: true, lookback: 8, reason: '"the South": South Korea or South Sudan named before' },
];

/** Words between "the" and the head that keep the description about the same actor. */
const MODIFIERS: ReadonlySet<string> = new Set([
  'former', 'new', 'current', 'incumbent', 'outgoing', 'embattled', 'veteran', 'acting', 'interim', 'deputy', 'top', 'senior', 'then',
  'militant', 'armed', 'rebel', 'paramilitary', 'islamist', 'tech', 'technology', 'energy', 'oil', 'mining', 'defence', 'defense',
  'rights', 'opposition', 'ruling', 'governing', 'state', 'state-run', 'state-owned', 'private', 'public', 'global', 'international',
  'national', 'regional', 'local', 'european', 'foreign', 'federal', 'communist', 'conservative', 'liberal', 'socialist', 'right-wing',
  'left-wing', 'far-right', 'far-left', 'military', 'trade', 'economic', 'political', 'security', 'insurance', 'investment', 'media',
  'car', 'social', 'online', 'us-based', 'uk-based', 'based', 'giant', 'island', 'small', 'large', 'largest', 'biggest', 'powerful',
]);

export interface DescriptionSpan {
  readonly row: DescriptionRow;
  /** First token after "the"; last is the head noun's last word. */
  readonly first: number;
  readonly last: number;
  /** "the Russian leader": the country a demonym before the head names. */
  readonly country?: string;
  /** "the Southeast Asian country": the region's adjective, lowercase. */
  readonly region?: string;
  /** "the Iran-backed group": the participle of a "Name-participle" modifier before the head, lowercase. */
  readonly backing?: string;
}

/**
 * The rows by their first word, each list in table order, so the first that matches is the same
 * row: findDescriptions tries the table at up to five words after every "the", and trying all
 * the rows there was a twentieth of the entity layer's time and a twenty-fifth of its garbage.
 */
const DESCRIPTIONS_BY_FIRST_WORD: ReadonlyMap<string, readonly DescriptionRow[]> = (() => {
  const map = new Map<string, DescriptionRow[]>();
  for (const row of DESCRIPTIONS) {
    const first = row.words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), row]);
  }
  return map;
})();

/**
 * "the (Russian|former|…){0,3} HEAD", where HEAD is a row's words, not covered by a reference, and
 * not a title before a name ("the president Emmanuel Macron") nor before "of" ("the president of
 * the club" may be someone else).
 */
export function findDescriptions(tokens: readonly Token[], covered: Uint8Array, demonym?: (word: string) => string | undefined): DescriptionSpan[] {
  const out: DescriptionSpan[] = [];
  for (const t of tokens) {
    if (t.lower !== 'the') continue;
    let country: string | undefined;
    let region: string | undefined;
    let found: DescriptionSpan | undefined;
    // The last token of a "Name-backed" modifier: the span starts after it, the name keeps its own reference.
    let backed: number | undefined;
    for (let k = t.index + 1; k <= t.index + 5 && !found; k++) {
      // ("the North Korean leader": a demonym of two words, before "the North" is read as a state.)
      const two = tokens[k + 1];
      const c2 = two && two.sentence === t.sentence && /^\p{Lu}/u.test(two.value) && /^\p{Lu}/u.test(tokens[k]?.value ?? '') ? demonym?.(`${tokens[k]?.value} ${two.value}`) : undefined;
      if (c2) {
        country = c2;
        k++;
        continue;
      }
      const row = DESCRIPTIONS_BY_FIRST_WORD.get(tokens[k]?.lower ?? '')?.find((r) => r.words.every((word, i) => tokens[k + i]?.lower === word && tokens[k + i]?.sentence === t.sentence));
      if (row) {
        const backing = backed === undefined ? undefined : tokens[backed]?.lower;
        found = { row, first: (backed ?? t.index) + 1, last: k + row.words.length - 1, ...(country ? { country } : {}), ...(region ? { region } : {}), ...(backing ? { backing } : {}) };
        break;
      }
      const w = tokens[k];
      if (!w || w.sentence !== t.sentence) break;
      // ("the Southeast Asian country": a region's adjective describes the state, it names none.)
      const regionWords = regionAdjectiveAt(tokens, k);
      if (regionWords > 0) {
        region = tokens.slice(k, k + regionWords).map((x) => x.lower).join(' ');
        k += regionWords - 1;
        continue;
      }
      const c = /^\p{Lu}/u.test(w.value) ? demonym?.(w.value) : undefined;
      if (c) country = c;
      else if (backedBy(tokens, k)) {
        backed = k;
        continue;
      }
      else if (!MODIFIERS.has(w.lower)) break;
    }
    if (!found) continue;
    const after = tokens[found.last + 1];
    // "the president of …" may be someone else; "the president Emmanuel …" is a title; "the airline industry" is about an industry.
    // ("accused the president of lying": an of + -ing is the charge, not whose president.)
    // (Not for "the firm", "the company": the company named last is too often another one.)
    // ("accused the visitors of a condescending attitude": after a verb of charging, "of" is the charge.)
    const charging = ['accuse', 'suspect', 'convict', 'acquit'].includes(tokens[t.index - 1]?.lemma ?? '');
    const charge = after?.lower === 'of' && (/ing$/.test(tokens[found.last + 2]?.lower ?? '') || charging) && !['firm', 'company'].includes(tokens[found.last]?.lower ?? '');
    if (after && after.sentence === t.sentence && ((after.lower === 'of' && !charge) || after.lower === 'for' || /^\p{Lu}/u.test(after.value) || after.pos === 'NOUN')) continue;
    // "and the Palestinian leader, Mahmoud Abbas": a name in apposition says who it is; no antecedent.
    const apposed = tokens[found.last + 2];
    if (after?.value === ',' && apposed && apposed.sentence === t.sentence && apposed.pos === 'PROPN' && /^\p{Lu}/u.test(apposed.value)) continue;
    // "the largest city in northern Shan State" introduces a place by where it lies; "the city" alone refers back.
    if (after?.lower === 'in' && after.sentence === t.sentence && found.row.entityType === 'place') continue;
    // "urged the authorities there": a state's body placed by a word that points elsewhere, not the story's state.
    if (found.row.entityType === 'country' && after?.sentence === t.sentence && after.lower === 'there') continue;
    // "the Union" capitalised is a name of its own (the EU), not a description.
    if (/^\p{Lu}/u.test(tokens[found.last]?.value ?? '') !== (found.row.capitalised === true) && (found.last === found.first || found.row.capitalised)) continue;
    let free = true;
    for (let i = found.first; i <= found.last; i++) if (covered[i]) free = false;
    if (free) out.push(found);
  }
  return out;
}

/**
 * Whether token k belongs to a "Name-participle" modifier ("the Iran-backed group", "the
 * Saudi-led coalition"): it says who stands behind the group, not which group it is.
 */
function backedBy(tokens: readonly Token[], k: number): boolean {
  const at = (i: number): Token | undefined => tokens[i];
  const hyphenAt = (i: number): boolean => at(i)?.value === '-' && /^\p{Lu}/u.test(at(i - 1)?.value ?? '') && /^\p{Ll}+ed$/u.test(at(i + 1)?.value ?? '');
  return hyphenAt(k) || hyphenAt(k + 1) || hyphenAt(k - 1);
}

let codes: ReadonlyMap<string, string> | undefined;

/** Whether a state lies in the region its adjective names (REGION_MEMBERS; a region without a list holds every state). */
function inRegion(entity: string, region: string): boolean {
  const members = REGION_MEMBERS.get(region);
  if (!members) return true;
  if (!codes) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'countries.json'), 'utf8')) as { countries: Array<{ id: string; iso2?: string }> };
    codes = new Map(data.countries.filter((c) => c.iso2).map((c) => [c.id, c.iso2 as string]));
  }
  return members.includes(codes.get(entity) ?? '');
}

let kinds: ReadonlyMap<string, string> | undefined;
let names: ReadonlyMap<string, string> | undefined;

/** Organisation id → its kind in data/organizations.json ("company", "international", …). */
export function organizationKinds(): ReadonlyMap<string, string> {
  if (!kinds) loadOrganizations();
  return kinds as ReadonlyMap<string, string>;
}

/** Gazetteer names by id: "ICC" is named "International Criminal Court", a court. */
function organizationNames(): ReadonlyMap<string, string> {
  if (!names) loadOrganizations();
  return names as ReadonlyMap<string, string>;
}

function loadOrganizations(): void {
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'organizations.json'), 'utf8')) as { organizations: Array<{ id: string; name: string; kind?: string; aliases?: string[] }> };
  kinds = new Map(data.organizations.filter((o) => o.kind).map((o) => [o.id, o.kind as string]));
  // ("UNRWA" is the "United Nations Relief and Works Agency": an alias's words name it too.)
  names = new Map(data.organizations.map((o) => [o.id, [o.name, ...(o.aliases ?? [])].join(' ')]));
}

/** Every title a person description reads: a person written with one holds that office, no other. */
export const OFFICE_TITLES: ReadonlySet<string> = new Set(DESCRIPTIONS.flatMap((r) => (r.entityType === 'person' ? [...(r.titles ?? [])] : [])));

/**
 * organizationWords by entity and label. A description is tried against every organisation seen
 * in its reach, and the same few bodies come up again and again (most in a part of a long
 * document): the words are made once per body and label. Bounded (cleared when full), as the
 * labels come from the documents.
 */
const organizationWordsCache = new Map<string, ReadonlySet<string>>();
const ORGANIZATION_WORDS_CACHE_LIMIT = 4096;

/** The words of an organisation's names, the gazetteer's and the document's label. */
export function organizationWords(entity: string, label: string | undefined): ReadonlySet<string> {
  const key = `${entity}\u0000${label ?? ''}`;
  let words = organizationWordsCache.get(key);
  if (words) return words;
  if (organizationWordsCache.size >= ORGANIZATION_WORDS_CACHE_LIMIT) organizationWordsCache.clear();
  words = new Set(`${label ?? ''} ${organizationNames().get(entity) ?? ''}`.split(/\s+/));
  organizationWordsCache.set(key, words);
  return words;
}

/** What coref.ts knows about an actor when a description may stand for it. */
export interface ActorFacts {
  readonly entity: string;
  readonly entityType: EntityType;
  readonly label: string | undefined;
  /** People: title words written next to their name and their roles, lowercase. */
  readonly titles: ReadonlySet<string>;
  /** People: countries a title tied them to ("Russian President …", "President of Russia"). */
  readonly countries: ReadonlySet<string>;
}

/** Whether the description can stand for this actor. */
export function describes(d: DescriptionSpan, a: ActorFacts): boolean {
  const row = d.row;
  if (a.entityType !== row.entityType && !(row.entityType === 'country' && a.entityType === 'country')) return false;
  switch (row.entityType) {
    case 'person':
      if (d.country && !a.countries.has(d.country)) return false;
      return (row.titles ?? []).some((title) => a.titles.has(title));
    case 'organization': {
      if (d.country) return false;
      const kind = organizationKinds().get(a.entity);
      const words = organizationWords(a.entity, a.label);
      if ((row.notLabelWords ?? []).some((w) => words.has(w))) return false;
      // A row with no kinds goes by the name alone.
      if (kind && (row.kinds ?? []).length > 0) return (row.kinds ?? []).includes(kind);
      return (row.labelWords ?? []).some((w) => words.has(w));
    }
    case 'country':
      if (row.among && !row.among.includes(a.entity)) return false;
      if (row.labelWords && !row.labelWords.some((w) => (a.label ?? '').split(/\s+/).includes(w))) return false;
      if (d.region && !inRegion(a.entity, d.region)) return false;
      return !d.country || d.country === a.entity;
    case 'place':
      return true;
  }
}
