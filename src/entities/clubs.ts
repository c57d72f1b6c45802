// Sports clubs named before a word of their staff: "Arsenal striker Thierry Henry", "Chelsea boss
// Jose Mourinho", "Wasps hooker Phil Greening". Many clubs are named after places or are given names
// too (Chelsea, Leeds, Bath, Reading), so a club is read only there, never from its name alone.
import fs from 'node:fs';
import path from 'node:path';
import type { Token } from '../types';

const SPORTS = ['football', 'rugby union'] as const;
type Sport = (typeof SPORTS)[number];

export interface Club {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly sport: Sport;
  readonly country: string;
}

interface StaffWord {
  readonly words: readonly string[];
  /** The sport whose clubs have it; undefined when both do. */
  readonly sport?: Sport;
  readonly reason: string;
}

const staff = (words: string, sport: Sport | undefined, reason: string): StaffWord => ({ words: words.split(' '), ...(sport ? { sport } : {}), reason });

/** Words of a club's staff, lowercase and split as the tokenizer splits them. */
const STAFF_WORDS: readonly StaffWord[] = [
  staff('striker', 'football', '"Arsenal striker X"'),
  staff('forward', undefined, '"Chelsea forward X", "Ospreys forward X": both sports'),
  staff('midfielder', 'football', '"Liverpool midfielder X"'),
  staff('defender', 'football', '"Chelsea defender X"'),
  staff('goalkeeper', 'football', '"Chelsea goalkeeper X"'),
  staff('keeper', 'football', '"Arsenal keeper X"'),
  staff('winger', 'football', '"Manchester United winger X"'),
  staff('left-back', 'football', '"Chelsea left-back X"'),
  staff('right-back', 'football', '"Everton right-back X"'),
  staff('centre-back', 'football', '"Arsenal centre-back X"'),
  staff('centre-half', 'football', '"Celtic centre-half X"'),
  staff('hooker', 'rugby union', '"Wasps hooker X"'),
  staff('prop', 'rugby union', '"Leicester prop X"'),
  staff('lock', 'rugby union', '"Wasps lock X"'),
  staff('flanker', 'rugby union', '"Leicester flanker X"'),
  staff('fly-half', 'rugby union', '"Sale fly-half X"'),
  staff('scrum-half', 'rugby union', '"Wasps scrum-half X"'),
  staff('full-back', undefined, '"Bath full-back X": both sports'),
  staff('manager', undefined, '"Chelsea manager X"'),
  staff('boss', undefined, '"Chelsea boss X"'),
  staff('coach', undefined, '"Wasps coach X"'),
  staff('captain', undefined, '"Arsenal captain X"'),
  staff('skipper', undefined, '"Celtic skipper X"'),
  staff('chairman', undefined, '"Leeds chairman X"'),
  staff('owner', undefined, '"Chelsea owner X"'),
  staff('player', undefined, '"a Barcelona player"'),
];

let byName: ReadonlyMap<string, readonly Club[]> | undefined;
let longest = 1;

/** Club names and aliases as written → the clubs so named (a town's short form may name two). */
function clubsByName(): ReadonlyMap<string, readonly Club[]> {
  if (byName) return byName;
  const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'clubs.json'), 'utf8')) as { clubs: Club[] };
  const map = new Map<string, Club[]>();
  for (const c of data.clubs) {
    for (const n of [c.name, ...c.aliases]) {
      map.set(n, [...(map.get(n) ?? []), c]);
      // (In tokens: "Neath-Swansea Ospreys" is four, the hyphen one of them.)
      longest = Math.max(longest, n.split(/\s+|(?=-)|(?<=-)/).length);
    }
  }
  byName = map;
  for (const n of map.keys()) for (let k = 1; k <= n.length; k++) namePrefixes.add(n.slice(0, k));
  return map;
}

/** Every prefix of every club name (clubAt stops once the text read is none: no longer text can be a name). */
const namePrefixes = new Set<string>();

/** Each staff word's words as written and split at their hyphens, made once (staffAt is asked after every club name). */
const STAFF_SPELLINGS: ReadonlyArray<{ readonly word: StaffWord; readonly spellings: ReadonlyArray<readonly string[]> }> = STAFF_WORDS.map((word) => ({
  word,
  spellings: [word.words, word.words.flatMap((w) => w.split(/(-)/))],
}));

/** The staff word at token i, with its last token (written whole, or split at its hyphen as the tokenizer may: "fly - half"). */
function staffAt(tokens: readonly Token[], i: number): { word: StaffWord; last: number } | undefined {
  for (const { word, spellings } of STAFF_SPELLINGS) {
    for (const words of spellings) {
      if (words.every((w, k) => tokens[i + k]?.lower === w && tokens[i + k]?.sentence === tokens[i]?.sentence)) return { word, last: i + words.length - 1 };
    }
  }
  return undefined;
}

/** Staff words of a side's people, not of a club's owners: what a national side has too ("England captain X"). */
const SIDE_STAFF_EXCLUDED: ReadonlySet<string> = new Set(['chairman', 'owner']);

/**
 * Whether a staff word of a side ("captain", "coach", "fly-half") stands at token i: after a state's or a
 * home nation's name it makes the name its national side's ("England captain Jonny Wilkinson").
 */
export function sideStaffAt(tokens: readonly Token[], i: number): boolean {
  const found = staffAt(tokens, i);
  return found !== undefined && !SIDE_STAFF_EXCLUDED.has(found.word.words.join(' '));
}

/**
 * The club named from token i (its last token), when a staff word follows and then a capitalised
 * word (the person's name): "Chelsea boss Jose Mourinho", not "Chelsea Clinton" or "the Bath coach".
 */
export function clubAt(tokens: readonly Token[], i: number, text: string): { club: Club; last: number } | undefined {
  const first = tokens[i];
  if (!first || !/^\p{Lu}/u.test(first.value)) return undefined;
  const names = clubsByName();
  let found: { club: Club; last: number } | undefined;
  for (let j = i; j < i + longest; j++) {
    const t = tokens[j];
    if (!t || t.sentence !== first.sentence) break;
    const read = text.slice(first.start, t.end);
    if (!namePrefixes.has(read)) break;
    const clubs = names.get(read);
    if (!clubs) continue;
    const role = staffAt(tokens, j + 1);
    const name = role ? tokens[role.last + 1] : undefined;
    if (!role || !name || name.sentence !== first.sentence || !/^\p{Lu}/u.test(name.value)) continue;
    // ("Leicester flanker": a short form two clubs share is the one of the staff word's sport.)
    const fit = clubs.filter((c) => role.word.sport === undefined || c.sport === role.word.sport);
    if (fit.length === 1 && fit[0]) found = { club: fit[0], last: j };
  }
  return found;
}

interface Competition {
  readonly words: readonly string[];
  readonly reason: string;
}

const competition = (words: string, reason: string): Competition => ({ words: words.split(' '), reason });
const BETWEEN_SIDES = 'played between national sides';

/** Competitions of national sides, lowercase and split as the tokenizer splits them. */
const SIDE_COMPETITIONS: readonly Competition[] = [
  competition('davis cup', `${BETWEEN_SIDES}: men's tennis`), competition('fed cup', `${BETWEEN_SIDES}: women's tennis`),
  competition('six nations', `${BETWEEN_SIDES}: rugby union in Europe`), competition('tri - nations', `${BETWEEN_SIDES}: rugby union in the south`),
  competition('tri nations', `${BETWEEN_SIDES}: rugby union in the south`), competition('calcutta cup', `${BETWEEN_SIDES}: England and Scotland at rugby`),
  competition('triple crown', `${BETWEEN_SIDES}: rugby union among the home nations`), competition('world cup', `${BETWEEN_SIDES}: football, rugby, cricket`),
  competition('test series', `${BETWEEN_SIDES}: cricket or rugby tours`), competition('nations cup', `${BETWEEN_SIDES}: African football`),
  competition('ryder cup', `${BETWEEN_SIDES}: Europe and the US at golf`),
];

/**
 * Sentences that name a competition of national sides ("defend the Davis Cup crown", "win the Six
 * Nations title"): there a state's or home nation's name stands for its side, no actor of the state.
 */
export function sideCompetitionSentences(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (out.has(t.sentence)) continue;
    if (SIDE_COMPETITIONS.some((c) => c.words.every((w, k) => tokens[i + k]?.lower === w && tokens[i + k]?.sentence === t.sentence))) out.add(t.sentence);
  }
  return out;
}
