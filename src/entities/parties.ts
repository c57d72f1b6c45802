// Party adjectives that are everyday words too: "Conservative MP John Smith" names the UK party, but
// "conservative voters in Texas" and "the Liberal leader" in Canada do not. Read only before a word
// for a seat in the UK's parliaments, which no other country's party of that name holds.
import type { Token } from '../types';
import { wordTable } from './tables';

export interface PartyAdjective {
  /** The word as written (capitalised). */
  readonly word: string;
  /** Gazetteer id of the party (organizations.json). */
  readonly party: string;
  readonly reason: string;
}

export const PARTY_ADJECTIVES: readonly PartyAdjective[] = [
  { word: 'Conservative', party: 'conservative-party', reason: '"Conservative MP X": a Westminster seat; the Canadian party\'s members are rarer in UK news, and "conservative" is an everyday adjective elsewhere' },
];

/** Seat words, lowercase: only the UK's parliaments and councils have them all. */
const SEAT_WORDS: ReadonlySet<string> = wordTable([
  { word: 'mp', reason: '"Conservative MP X": a member of the Commons' },
  { word: 'mps', reason: '"Conservative MPs"' },
  { word: 'mep', reason: '"Conservative MEP X": sits in the European Parliament for the UK party' },
  { word: 'meps', reason: '"Conservative MEPs"' },
  { word: 'msp', reason: '"Conservative MSP X": the Scottish Parliament' },
  { word: 'msps', reason: '"Conservative MSPs"' },
  { word: 'peer', reason: '"Conservative peer Lord X": the Lords' },
  { word: 'peers', reason: '"Conservative peers"' },
  { word: 'backbencher', reason: '"Conservative backbencher X"' },
  { word: 'backbenchers', reason: '"Conservative backbenchers"' },
  { word: 'councillor', reason: '"Conservative councillor X"' },
  { word: 'councillors', reason: '"Conservative councillors"' },
]);

/** Offices any party has ("Conservative leader X"): the UK party's only in a story that is about UK politics. */
const PARTY_OFFICE_WORDS: ReadonlySet<string> = wordTable([
  { word: 'leader', reason: '"Conservative leader Michael Howard"; in Canada the same words name another party' },
  { word: 'spokesman', reason: '"Conservative spokesman X"' },
  { word: 'spokeswoman', reason: '"Conservative spokeswoman X"' },
  { word: 'chairman', reason: '"Conservative chairman X"' },
]);

/** Words, as written, found only in stories about UK politics. */
const UK_POLITICS_CUES: ReadonlySet<string> = wordTable([
  { word: 'Tory', reason: 'the UK Conservatives\' short form (Canada\'s are "Tories" too, so the plural is left out)' },
  { word: 'Westminster', reason: 'the UK parliament' },
  { word: 'Commons', reason: 'the House of Commons (Canada\'s too, rarely in UK news)' },
  { word: 'MPs', reason: 'members of the Commons' },
  { word: 'Labour', reason: 'the UK party (Australia\'s is spelt "Labor")' },
]);

const BY_WORD = new Map(PARTY_ADJECTIVES.map((p) => [p.word, p]));

/**
 * The party a capitalised adjective at token i names: when a seat word follows it in its sentence, or
 * an office any party has and the story is about UK politics.
 */
export function partyAdjectiveAt(tokens: readonly Token[], i: number): PartyAdjective | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  const party = t ? BY_WORD.get(t.value) : undefined;
  if (!party || !next || next.sentence !== t?.sentence) return undefined;
  if (SEAT_WORDS.has(next.lower)) return party;
  return PARTY_OFFICE_WORDS.has(next.lower) && /^\p{Lu}/u.test(tokens[i + 2]?.value ?? '') && aboutUkPolitics(tokens) ? party : undefined;
}

/** Whether a story is about UK politics: one of its words is found only in such stories. */
export function aboutUkPolitics(tokens: readonly Token[]): boolean {
  return tokens.some((w) => UK_POLITICS_CUES.has(w.value));
}

/**
 * Portfolios of the UK's secretaries of state, as written before "Secretary" ("Home Secretary Charles
 * Clarke", "Trade and Industry Secretary", "Work and Pensions Secretary"): with no state written, in a
 * story about UK politics, a member of the UK government. (The devolved governments of Scotland and
 * Wales have ministers, not secretaries; the US writes "Defense" and "Transportation".)
 */
export const UK_SECRETARY_PORTFOLIOS: ReadonlySet<string> = wordTable([
  { word: 'Home', reason: '"Home Secretary Charles Clarke"' },
  { word: 'Foreign', reason: '"Foreign Secretary Jack Straw"' },
  { word: 'Trade', reason: '"Trade Secretary Patricia Hewitt"' },
  { word: 'Industry', reason: '"Trade and Industry Secretary Patricia Hewitt"' },
  { word: 'Health', reason: '"Health Secretary John Reid"' },
  { word: 'Education', reason: '"Education Secretary Ruth Kelly"' },
  { word: 'Culture', reason: '"Culture Secretary Tessa Jowell"' },
  { word: 'Transport', reason: '"Transport Secretary Alistair Darling"' },
  { word: 'Defence', reason: '"Defence Secretary Geoff Hoon" (British spelling)' },
  { word: 'Environment', reason: '"Environment Secretary Margaret Beckett"' },
  { word: 'Pensions', reason: '"Work and Pensions Secretary Alan Johnson"' },
  { word: 'Development', reason: '"International Development Secretary Hilary Benn"' },
]);
