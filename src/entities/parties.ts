// Party adjectives that are everyday words too: "Conservative MP John Smith" names the UK party, but
// "conservative voters in Texas" and "the Liberal leader" in Canada do not. Read only before a word
// for a seat in the UK's parliaments, which no other country's party of that name holds.
import type { Token } from '../types';

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
const SEAT_WORDS: ReadonlySet<string> = new Set(([
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
] as const).map((r) => r.word));

const BY_WORD = new Map(PARTY_ADJECTIVES.map((p) => [p.word, p]));

/** The party a capitalised adjective at token i names, when a seat word follows it in its sentence. */
export function partyAdjectiveAt(tokens: readonly Token[], i: number): PartyAdjective | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  const party = t ? BY_WORD.get(t.value) : undefined;
  return party && next && next.sentence === t?.sentence && SEAT_WORDS.has(next.lower) ? party : undefined;
}
