// Electoral seats named by a word for a seat after their name ("the Kowloon West geographical
// constituency", "the Social Welfare constituency", "the Ottawa Centre riding"): the seat is a
// place of its own, named with that word, as news tells it apart from the area or the trade it is
// named after. A name the gazetteer knows ("the Hong Kong Island constituency") stays that place.
import type { Token } from '../types';
import { wordTable } from './tables';

/** Lowercase words after a name that make it a seat's name. */
export const SEAT_WORDS: ReadonlySet<string> = wordTable([
  { word: 'constituency', reason: '"the New Territories East geographical constituency", "the Uxbridge and South Ruislip constituency"' },
  { word: 'riding', reason: 'Canada\'s word for a seat: "the Ottawa Centre riding"' },
]);

/** Lowercase words between the name and the seat word that say which kind of seat it is. */
export const SEAT_KINDS: ReadonlySet<string> = wordTable([
  { word: 'geographical', reason: 'Hong Kong\'s seats elected by area: "the Kowloon West geographical constituency"' },
  { word: 'functional', reason: 'Hong Kong\'s seats elected by a trade: "the Social Welfare functional constituency"' },
  { word: 'parliamentary', reason: '"the Hartlepool parliamentary constituency"' },
  { word: 'federal', reason: '"the Ottawa Centre federal riding"' },
]);

/** The longest list of items a seat's name holds ("Architectural, Surveying, Planning and Landscape"). */
const MAX_SEAT_NAME_TOKENS = 12;

const UPPER = /^\p{Lu}/u;

/**
 * Words before a seat's name that make it one seat, named ("the Sedgefield constituency", "his
 * Finchley constituency"); "an English constituency", "each Parliamentary constituency" name none.
 */
const SEAT_DETERMINERS: ReadonlySet<string> = new Set(['the', 'his', 'her', 'their', 'its', 'my', 'our', 'your', "'s", '’s', "'", '’']);

/**
 * The seat named from token `first`: the last token of its name (capitalised words, maybe a list
 * joined by commas and "and") and the seat word's token, or undefined when no seat word follows.
 */
export function seatAt(tokens: readonly Token[], first: number): { nameLast: number; last: number } | undefined {
  const sentence = tokens[first]?.sentence;
  const before = tokens[first - 1];
  if (!before || before.sentence !== sentence || !SEAT_DETERMINERS.has(before.lower)) return undefined;
  let nameLast = -1;
  for (let k = first; k < tokens.length && k - first < MAX_SEAT_NAME_TOKENS; k++) {
    const t = tokens[k];
    if (!t || t.sentence !== sentence) return undefined;
    if (UPPER.test(t.value)) {
      nameLast = k;
      continue;
    }
    const after = tokens[k + 1];
    const listed = (t.value === ',' || t.lower === 'and') && nameLast === k - 1 && after !== undefined && UPPER.test(after.value);
    if (!listed) break;
  }
  if (nameLast < first) return undefined;
  let j = nameLast + 1;
  const kind = tokens[j];
  if (kind && kind.value === kind.lower && SEAT_KINDS.has(kind.lower)) j++;
  const word = tokens[j];
  if (!word || word.sentence !== sentence || word.value !== word.lower || !SEAT_WORDS.has(word.lower)) return undefined;
  return { nameLast, last: j };
}
