// Pair and group descriptions ("both sides", "the two leaders", "the three countries") and the
// pairs the text names as parties to one event, which they stand for (coref.ts resolves them).
// A pair is named as parties by a coordination ("X and Y", "talks between X and Y") or by the two
// ends of a mutual event (a meeting, talks, a truce, a deal, a war, ties: "X held talks with Y").
// Written for newsgraph (MIT).
import type { EntityType, Token } from '../types';
import type { Item } from './coref-text';

/** What the members of a pair description are: states, people, any side of a dispute, organisations. */
export type PairKind = 'states' | 'people' | 'sides' | 'parties';

/** A phrase that stands for the two (or more) actors named last as parties: "both sides", "the two leaders". */
export interface PairRow {
  readonly words: readonly string[];
  readonly kind: PairKind;
  /** How many actors the phrase stands for (two unless said). */
  readonly count?: number;
  /** People: the office the phrase names; a member titled with another office is none of them ("the two presidents" is no prime minister). */
  readonly office?: readonly string[];
  readonly reason: string;
}

const pair = (words: string, kind: PairKind, reason: string, count?: number, office?: readonly string[]): PairRow => ({ words: words.split(' '), kind, reason, ...(count ? { count } : {}), ...(office ? { office } : {}) });
const PRESIDENTS = ['president'];
const HEADS_OF_STATE = ['president', 'king', 'queen', 'emir', 'sultan', 'monarch', 'supreme leader'];

/** The entity types each kind of pair may take a member of as it is (a person may stand for a state: mapped in coref.ts). */
export const PAIR_TYPES: Readonly<Record<PairKind, readonly EntityType[]>> = {
  states: ['country'],
  people: ['person'],
  sides: ['country', 'organization', 'person'],
  parties: ['organization'],
};

/**
 * Bodies a dispute is taken to, never one of its "both sides": "said Georgetown would take the
 * matter to the UN Security Council … Brazil urged both sides" means Guyana and Venezuela.
 */
export const FORUMS: ReadonlySet<string> = new Set([
  'united-nations', 'un-security-council', 'un-general-assembly', 'un-human-rights-council', 'icj', 'icc', 'wto',
  'european-court-of-human-rights', 'european-court-of-justice', 'permanent-court-of-arbitration',
]);

/** Rows tried at each "both"/"the"/"all"; the members must have been named within PAIR_LOOKBACK sentences. */
export const PAIR_DESCRIPTIONS: readonly PairRow[] = [
  pair('both sides', 'sides', 'the two parties to a conflict or talks named last'),
  pair('the two sides', 'sides', 'the two parties to a conflict or talks named last'),
  pair('the warring sides', 'sides', 'the two parties to a war named last'),
  pair('the warring parties', 'sides', 'the two parties to a war named last'),
  pair('the warring factions', 'sides', 'the two parties to a war named last'),
  pair('both camps', 'sides', 'the two sides of a dispute named last ("urged both camps to settle their dispute")'),
  pair('the two camps', 'sides', 'the two sides of a dispute named last'),
  pair('the two delegations', 'sides', 'the teams of the two parties to talks named last'),
  pair('both delegations', 'sides', 'the teams of the two parties to talks named last'),
  pair('both parties', 'parties', 'the two parties (political, or to a deal) named last'),
  pair('the two parties', 'parties', 'the two parties (political, or to a deal) named last'),
  pair('both countries', 'states', 'the two countries named last'),
  pair('the two countries', 'states', 'the two countries named last'),
  pair('the two koreas', 'states', '"dialogue between the two Koreas": North and South Korea, named last as a pair'),
  pair('both koreas', 'states', 'North and South Korea, named last as a pair'),
  pair('both nations', 'states', 'the two countries named last'),
  pair('the two nations', 'states', 'the two countries named last'),
  pair('both governments', 'states', 'the governments of the two countries named last'),
  pair('the two governments', 'states', 'the governments of the two countries named last'),
  pair('the two neighbours', 'states', 'two neighbouring countries named last'),
  pair('both neighbours', 'states', 'two neighbouring countries named last'),
  pair('the two neighbors', 'states', 'US spelling'),
  pair('both neighbors', 'states', 'US spelling'),
  pair('the two allies', 'states', 'the two allied countries named last'),
  pair('both allies', 'states', 'the two allied countries named last'),
  pair('both leaders', 'people', 'the two people named last as parties'),
  pair('the two leaders', 'people', 'the two people named last as parties'),
  pair('both men', 'people', 'the two men named last as parties ("spoke to both men by telephone")'),
  pair('the two men', 'people', 'the two people named last as parties'),
  pair('the pair', 'people', 'the two people named last as parties ("X met Y … the pair agreed")'),
  pair('the two women', 'people', 'the two people named last as parties'),
  pair('both women', 'people', 'the two people named last as parties'),
  pair('both presidents', 'people', 'the two presidents named last as parties', 2, PRESIDENTS),
  pair('the two presidents', 'people', 'the two presidents named last as parties', 2, PRESIDENTS),
  pair('the two heads of state', 'people', 'the two heads of state named last as parties', 2, HEADS_OF_STATE),
  pair('the three leaders', 'people', 'the three people named last as parties', 3),
  pair('the three countries', 'states', 'the three countries named last ("Lithuania and Latvia backed the Polish decision, and the three countries asked …")', 3),
  pair('all three countries', 'states', 'the three countries named last', 3),
  pair('the three nations', 'states', 'the three countries named last', 3),
  pair('the three governments', 'states', 'the governments of the three countries named last', 3),
  pair('the three military governments', 'states', 'the military rulers of the three countries named last', 3),
  pair('the three juntas', 'states', 'the military rulers of the three countries named last ("Mali, Burkina Faso and Niger … the three juntas")', 3),
  pair('the three allies', 'states', 'the three allied countries named last', 3),
  pair('the three states', 'states', 'the three countries named last', 3),
  pair('the three powers', 'states', 'the three countries named last', 3),
  pair('the three european powers', 'states', '"France, Britain and Germany … the three European powers"', 3),
  pair('the four countries', 'states', 'the four countries named last', 4),
];

/** Sentences back (before the phrase's own) where its members may have been named as parties. */
export const PAIR_LOOKBACK = 3;

/** Sentences back where an event the phrase's clause names again ("violated the truce") may have been told with its parties. */
export const EVENT_LOOKBACK = 12;

export interface PairSpan {
  readonly row: PairRow;
  readonly first: number;
  readonly last: number;
}

/**
 * The rows by their second word, each list in table order, so the first that matches is the same
 * row: findPairs tries the table at every "the", "both" and "all". (Undefined, and the whole table
 * tried, should a row of one word ever be added.)
 */
const PAIRS_BY_SECOND_WORD: ReadonlyMap<string, readonly PairRow[]> | undefined = (() => {
  if (PAIR_DESCRIPTIONS.some((r) => r.words.length < 2)) return undefined;
  const map = new Map<string, PairRow[]>();
  for (const row of PAIR_DESCRIPTIONS) {
    const second = row.words[1] ?? '';
    map.set(second, [...(map.get(second) ?? []), row]);
  }
  return map;
})();

/** Pair phrases not covered by a reference, in text order; "both sides of the border" is a place. */
export function findPairs(tokens: readonly Token[], covered: Uint8Array): PairSpan[] {
  const out: PairSpan[] = [];
  for (const t of tokens) {
    if (t.lower !== 'both' && t.lower !== 'the' && t.lower !== 'all') continue;
    const rows = PAIRS_BY_SECOND_WORD ? PAIRS_BY_SECOND_WORD.get(tokens[t.index + 1]?.lower ?? '') : PAIR_DESCRIPTIONS;
    const row = rows?.find((r) => r.words.every((word, i) => tokens[t.index + i]?.lower === word && tokens[t.index + i]?.sentence === t.sentence));
    if (!row) continue;
    const last = t.index + row.words.length - 1;
    if (tokens[last + 1]?.lower === 'of' || covered[t.index] || covered[last]) continue;
    out.push({ row, first: t.index, last });
  }
  return out;
}

/**
 * Events two or more parties take part in together, by the word that names them: the words between
 * two actors (or right around a coordination of them) that make them parties to one event.
 * A class groups the words that name the same event again ("the ceasefire" … "the truce").
 */
export const PARTY_EVENTS: readonly { readonly words: readonly string[]; readonly kind: string; readonly reason: string }[] = [
  { kind: 'meeting', words: ['meet', 'met', 'meeting', 'meetings', 'talk', 'talks', 'summit', 'negotiate', 'negotiated', 'negotiations', 'host', 'hosted', 'received', 'visit', 'visited', 'alongside', 'phoned', 'spoke', 'discuss', 'discussed', 'greeted'],
    reason: 'a meeting, talks, a visit or a call: its host and guest, or both ends of the line ("X held talks with Y", "X hosted Y", "X spoke with Y")' },
  { kind: 'pact', words: ['deal', 'agreement', 'accord', 'pact', 'treaty', 'signed', 'sign', 'framework', 'swap', 'exchange', 'exchanged'],
    reason: 'a deal, a treaty or an exchange binds its two signatories ("X signed a deal with Y")' },
  { kind: 'truce', words: ['truce', 'ceasefire', 'cease-fire', 'armistice'], reason: 'a truce is between the two sides that stop fighting ("a ceasefire between X and Y")' },
  { kind: 'war', words: ['war', 'fighting', 'fought', 'conflict', 'clashes', 'clashed', 'battle', 'battled', 'hostilities'], reason: 'a war or clashes are between two sides ("the war between X and Y", "X has been fighting Y")' },
  { kind: 'act', words: ['accused', 'accuses', 'accusing', 'attacked', 'struck', 'strikes', 'bombed', 'bombing', 'invaded', 'invasion', 'sanctioned', 'sanctions', 'tariffs', 'condemned', 'blamed', 'threatened', 'expelled', 'summoned'],
    reason: 'an accusation, an attack or a sanction has two ends, its author and its target ("Katz accused Erdogan of …"): a pair named as parties to one relation' },
  { kind: 'ties', words: ['ties', 'relations', 'relationship', 'dispute', 'row', 'rift', 'rapprochement', 'thaw', 'rivalry', 'trade'], reason: 'ties, trade and disputes are between two states ("cut ties with Y", "runs a trade surplus with Y", "the dispute between X and Y")' },
];

const EVENT_KIND: ReadonlyMap<string, string> = new Map(PARTY_EVENTS.flatMap((r) => r.words.map((w) => [w, r.kind] as const)));

/** The event kind a word names ("truce" → truce), if any. */
export function eventKind(t: Token | undefined): string | undefined {
  return t ? EVENT_KIND.get(t.lower) : undefined;
}

/** Words of mediation, before "by" or after the mediators: they make a coordination go-betweens, no two sides. */
const MEDIATING_WORDS: ReadonlySet<string> = new Set(['mediated', 'brokered', 'hosted', 'sponsored', 'facilitated', 'mediate', 'mediates', 'broker', 'brokers', 'host']);

/** Words that may stand between the members of a coordination: "X and Y", "X, Y and Z", "X and the Y". */
const COORDINATION: ReadonlySet<string> = new Set([',', 'and', '&', 'the', 'both']);

/** Words that end the reach of a mutual event's word: another clause or a quotation begins. */
const EVENT_BREAKS: ReadonlySet<string> = new Set([';', ':', '"', '“', '”', 'but', 'while', 'whereas', 'although', 'though', 'because', 'after', 'before', 'said', 'says', 'told']);

const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”']);

/** Pronouns that are the subject of an event's word standing after them: the first end is not. */
const SUBJECT_WORDS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/** Tokens a mutual event's word may stand from its two ends ("Kim, who arrived on his armoured train, held talks with Putin"). */
const EVENT_REACH = 14;

/** Tokens around a coordination within which the word of its event is looked for ("X and Y signed a truce"). */
const AROUND = 6;

const RELATIVE_WORDS: ReadonlySet<string> = new Set(['who', 'which', 'whom', 'whose', 'where']);

/**
 * The commas between tokens from and to that set off a relative clause (", which mediated the truce
 * …,", ", who won … on an "India Out" campaign,"): its opening comma and the next one, which closes it.
 * (Read on the words: the tagger may take the clause's verb for an adjective.)
 */
export function relativeCommas(tokens: readonly Token[], from: number, to: number): Set<number> {
  const out = new Set<number>();
  let open = -1;
  for (let k = from; k < to; k++) {
    const t = tokens[k];
    if (t?.value !== ',') continue;
    if (open >= 0) {
      out.add(open).add(k);
      open = -1;
      continue;
    }
    const next = tokens[k + 1]?.pos === 'ADP' ? tokens[k + 2] : tokens[k + 1];
    if (RELATIVE_WORDS.has(next?.lower ?? '')) open = k;
  }
  return out;
}

/** A pair (or group) the text names as parties to one event: its members, where, and what event. */
export interface PartyEvent {
  readonly members: readonly Item[];
  readonly sentence: number;
  /** The last token of the event's words: recency. */
  readonly at: number;
  /** The kinds of event its words name ("truce", "meeting"). */
  readonly kinds: ReadonlySet<string>;
  /** One end is no actor we know ("Xi received his guest"): the pair named last, but not who. */
  readonly open?: true;
  /** Named as a coordination ("X and Y", "X, Y and Z"), not as the two ends of an event's word. */
  readonly coordinated?: true;
}

/** Nouns for the other party of a visit or a meeting, when no name follows them ("Xi received his guest"). */
export const OTHER_PARTY_NOUNS: ReadonlySet<string> = new Set(['guest', 'guests', 'host', 'hosts', 'counterpart', 'counterparts', 'visitor', 'visitors']);

/**
 * The party events of one sentence, from its actors in text order: each coordination of two or more
 * ("Russia and Ukraine", "between the army and the RSF"), and each pair of actors (or coordinations)
 * with a mutual event's word between them in one clause ("Lee held talks with Ishiba").
 */
export function partyEvents(tokens: readonly Token[], actors: readonly Item[], embedded: (k: number) => boolean): PartyEvent[] {
  const out: PartyEvent[] = [];
  // Coordinations: runs of actors joined by commas and "and" only.
  // ("Albusaidi, Oman's top diplomat,": commas alone make an apposition, no list; a list ends with "and".)
  const groups: Item[][] = [];
  let run: Item[] = [];
  let joins: boolean[] = [];
  const close = (): void => {
    if (run.length === 0) return;
    const lastAnd = joins.lastIndexOf(true);
    // The list is its members up to the one after its "and"; the rest stand alone.
    const listed = lastAnd >= 0 ? lastAnd + 2 : 1;
    groups.push(run.slice(0, listed));
    for (const m of run.slice(listed)) groups.push([m]);
    run = [];
    joins = [];
  };
  for (const m of actors) {
    const prev = run[run.length - 1];
    const gap = prev ? tokens.slice(prev.last + 1, m.first) : [];
    // ("Trump and European Commission President Ursula von der Leyen": a title before the next name.)
    while (gap.length > 1 && /^\p{Lu}/u.test(gap[gap.length - 1]?.value ?? '')) gap.pop();
    // (", and" after a lone actor joins two clauses: "Chad met Sudan, and Kenya praised …".)
    const clauses = run.length === 1 && gap.some((t) => t.value === ',') && gap.some((t) => t.lower === 'and');
    if (prev && !clauses && prev.sentence === m.sentence && gap.length >= 1 && gap.length <= 3 && gap.every((t) => COORDINATION.has(t.lower)) && gap.some((t) => t.lower === 'and' || t.lower === '&' || t.value === ',')) {
      run.push(m);
      joins.push(gap.some((t) => t.lower === 'and' || t.lower === '&'));
    } else {
      close();
      run = [m];
    }
  }
  close();
  const kindsBetween = (from: number, to: number): Set<string> => {
    const kinds = new Set<string>();
    for (let k = Math.max(0, from); k <= to && k < tokens.length; k++) {
      const kind = eventKind(tokens[k]);
      if (kind) kinds.add(kind);
    }
    return kinds;
  };
  for (const g of groups) {
    const first = g[0] as Item;
    const last = g[g.length - 1] as Item;
    if (new Set(g.map((m) => m.entity)).size < 2) continue;
    // ("talks mediated by Egypt and Qatar", "Egypt and Qatar, which brokered the truce": the
    // go-betweens stand together, on no side of what they mediate.)
    const after = tokens[last.last + 1]?.value === ',' ? tokens[last.last + 3] : tokens[last.last + 1];
    if ((tokens[first.first - 1]?.lower === 'by' && MEDIATING_WORDS.has(tokens[first.first - 2]?.lower ?? '')) || MEDIATING_WORDS.has(after?.lower ?? '')) continue;
    // "the ceasefire between Iran and Israel", "Russia and Ukraine agreed a swap": the event's words around it.
    let from = first.first - 1;
    while (from > first.first - AROUND && tokens[from]?.sentence === first.sentence && !EVENT_BREAKS.has(tokens[from]?.lower ?? '')) from--;
    let to = last.last + 1;
    while (to < last.last + AROUND && tokens[to]?.sentence === last.sentence && !EVENT_BREAKS.has(tokens[to]?.lower ?? '')) to++;
    out.push({ members: g, sentence: first.sentence, at: last.last, kinds: kindsBetween(from, to), coordinated: true });
  }
  // Two ends of a mutual event: consecutive coordinations with the event's word between them.
  for (let i = 1; i < groups.length; i++) {
    const a = groups[i - 1] as Item[];
    const aLast = a[a.length - 1] as Item;
    // (Past the actors of a relative clause on the first end: "Muizzu, who won … on an "India Out" campaign, greeted Modi".)
    // (From the token after it, not the document's first: a part holds thousands of tokens.)
    let sentenceEnd = -1;
    for (let k = Math.max(0, aLast.last + 1); k < tokens.length && sentenceEnd < 0; k++) if ((tokens[k] as Token).sentence !== aLast.sentence) sentenceEnd = k;
    const clauses = [...relativeCommas(tokens, aLast.last + 1, sentenceEnd < 0 ? tokens.length : sentenceEnd)];
    const inClause = (k: number): boolean => clauses.some((c, n) => n % 2 === 0 && c === aLast.last + 1 && c <= k && k <= (clauses[n + 1] ?? c));
    let j = i;
    while (j < groups.length - 1 && inClause((groups[j] as Item[])[0]?.first ?? 0)) j++;
    const b = groups[j] as Item[];
    const bFirst = b[0] as Item;
    // Another clause or a quotation between them, or a comma that closes no relative clause and sets
    // off no apposition ("hosted his Swedish counterpart, Ulf Kristersson"): no one event.
    // ("Muizzu, who won … on an "India Out" campaign, greeted Modi": the relative clause is skipped.)
    const relative = [...relativeCommas(tokens, aLast.last + 1, bFirst.first)];
    // (The reach is counted without the relative clause: "Muizzu, who won … on an "India Out" campaign, greeted Modi".)
    // (When the second end stands in the relative clause itself, "the army, which has been at war with the RSF", the clause is the gap.)
    const inside = (k: number): boolean => relative.some((c, i) => i % 2 === 0 && c <= k && k <= (relative[i + 1] ?? c));
    const within = embedded(bFirst.first);
    const gap = tokens.slice(aLast.last + 1, bFirst.first).filter((t) => within || (!embedded(t.index) && !inside(t.index)));
    if (gap.length > EVENT_REACH) continue;
    // ("the UAE, which it accuses of arming the RSF": a pronoun before the event's word is its subject, not the first end.)
    const word = gap.findIndex((t) => eventKind(t) !== undefined);
    if (gap.slice(0, Math.max(0, word)).some((t) => SUBJECT_WORDS.has(t.lower))) continue;
    // (A quoted name in the gap, its marks balanced, opens no quotation: 'on an "India Out" campaign'.)
    // "Carney told Trump …, as the two leaders held their first meeting": telling Y to their face is talking to Y.
    if (gap.length === 1 && gap[0]?.lower === 'told') {
      out.push({ members: [...a, ...b], sentence: bFirst.sentence, at: b[b.length - 1]?.last ?? bFirst.last, kinds: new Set(['meeting']) });
      continue;
    }
    const quotes = gap.filter((t) => QUOTE_MARKS.has(t.value)).length;
    if (gap.some((t, i) => (EVENT_BREAKS.has(t.lower) && !(QUOTE_MARKS.has(t.value) && quotes % 2 === 0)) || (t.value === ',' && i < gap.length - 1 && !embedded(t.index - 1)))) continue;
    const kinds = new Set<string>();
    for (const t of gap) {
      const kind = eventKind(t);
      if (kind) kinds.add(kind);
    }
    if (kinds.size === 0) continue;
    out.push({ members: [...a, ...b], sentence: bFirst.sentence, at: b[b.length - 1]?.last ?? bFirst.last, kinds });
  }
  // "Xi received his guest": an actor, a mutual event's word and a noun for the other party, no name after it.
  for (let i = 0; i < groups.length; i++) {
    const a = groups[i] as Item[];
    const aLast = a[a.length - 1] as Item;
    const nextActor = groups[i + 1]?.[0]?.first ?? Infinity;
    let event: string | undefined;
    for (let k = aLast.last + 1; k <= aLast.last + EVENT_REACH && k < nextActor; k++) {
      const t = tokens[k];
      if (!t || t.sentence !== aLast.sentence || EVENT_BREAKS.has(t.lower) || (t.value === ',' && !embedded(k))) break;
      event ??= eventKind(t);
      if (event && OTHER_PARTY_NOUNS.has(t.lower) && tokens[k + 1]?.value !== ',') {
        out.push({ members: a, sentence: aLast.sentence, at: k, kinds: new Set([event]), open: true });
        break;
      }
    }
  }
  return out.sort((x, y) => x.at - y.at);
}
