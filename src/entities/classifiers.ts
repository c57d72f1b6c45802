// A lowercase noun for a kind of body written right before a name ("the newspaper Asahi", "rights
// group Amnesty", "journal Nature Climate Change", "US team Cloud9"): the name is that body's, an
// organisation, whatever its shape says (a word, a digit, a surname-like word).
import type { Token } from '../types';
import { wordTable } from './tables';

/** Kinds of body that news writes before the body's name, in apposition. */
export const BODY_CLASSIFIERS: ReadonlySet<string> = wordTable([
  { word: 'group', reason: '"localist group Youngspiration", "rights group Amnesty", "the militant group Hamas"' },
  { word: 'party', reason: '"the far-right party Vox"' },
  { word: 'newspaper', reason: '"the newspaper Asahi"' },
  { word: 'daily', reason: '"the daily Haaretz"' },
  { word: 'journal', reason: '"published in journal Nature Climate Change"' },
  { word: 'magazine', reason: '"the magazine Wired"' },
  { word: 'broadcaster', reason: '"the broadcaster Channel 4", "public broadcaster NHK"' },
  { word: 'agency', reason: '"the news agency Interfax"' },
  { word: 'company', reason: '"the company Hitwise"' },
  { word: 'firm', reason: '"the security firm Mandiant"' },
  { word: 'carrier', reason: '"the carrier Ryanair"' },
  { word: 'airline', reason: '"the airline Flybe"' },
  { word: 'bank', reason: '"the investment bank Lazard"' },
  { word: 'lender', reason: '"the lender Abbey"' },
  { word: 'insurer', reason: '"the insurer Aviva"' },
  { word: 'retailer', reason: '"the retailer Woolworths"' },
  { word: 'carmaker', reason: '"the carmaker Rover"' },
  { word: 'publisher', reason: '"the publisher Ubisoft"' },
  { word: 'team', reason: '"US team Cloud9", "the team Immortals"' },
  { word: 'club', reason: '"the club Ajax"' },
  { word: 'band', reason: '"the band Coldplay"' },
  { word: 'charity', reason: '"the charity Oxfam"' },
  { word: 'watchdog', reason: '"the media watchdog Ofcom"' },
  { word: 'regulator', reason: '"the regulator Ofgem"' },
  { word: 'militia', reason: '"the militia Kataib Hezbollah"' },
  { word: 'movement', reason: '"the movement Podemos"' },
  { word: 'school', reason: '"the school Summerhill", "the religious schools Santo Spirito and Immacolata"' },
]);

/** A classifier, or its plural ("the rights groups Amnesty and Liberty", "the companies Acme and Zenith"). */
function classifierWord(w: string): boolean {
  return BODY_CLASSIFIERS.has(w) || (w.endsWith('ies') && BODY_CLASSIFIERS.has(`${w.slice(0, -3)}y`)) || (w.endsWith('s') && BODY_CLASSIFIERS.has(w.slice(0, -1)));
}

/**
 * Whether token i, capitalised, follows a body classifier or its plural: the noun right before it, in
 * lowercase and read as a noun ("the group's", "they group", "Group F" do not count).
 */
export function classifiedName(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (t === undefined || before === undefined || before.sentence !== t.sentence || before.value !== before.lower || before.pos !== 'NOUN') return false;
  if (BODY_CLASSIFIERS.has(before.lower)) return true;
  // A plural names a list: the name goes on to "and" or a comma ("wedding bands Ozzy gave her" names none).
  let k = i;
  while (tokens[k + 1]?.sentence === t.sentence && /^\p{Lu}/u.test(tokens[k + 1]?.value ?? '')) k++;
  const after = tokens[k + 1];
  return classifierWord(before.lower) && after !== undefined && after.sentence === t.sentence && (after.value === ',' || after.lower === 'and');
}
