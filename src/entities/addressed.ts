// Entities: a person addressed by a title alone ("Madam Speaker", "Mr. President, I rise …"). The
// text names the office, not its holder: the mention is a person's, of no actor (`entity` is "",
// no node, no reference), since the holder addressed is often not the one the article names
// ("Mr. President" in the Senate is its presiding officer, not the President).
import type { Token } from '../types';
import { ADDRESS_HONORIFICS, ADDRESS_TITLES } from './tables';

const UPPER = /^\p{Lu}/u;

/** The entity of a mention that names a person by an office alone, with nobody to resolve to. */
export const NO_ACTOR = '';

/**
 * The last token of a title of address starting at token i ("Mr." "President", "Madam" "Speaker"),
 * or undefined: a capitalised honorific, then a title of the table, then no capitalised word of the
 * same sentence (that would be the name: "Mr President Lula" names him).
 */
export function addressedTitleEnd(tokens: readonly Token[], i: number): number | undefined {
  const honorific = tokens[i];
  if (!honorific || !UPPER.test(honorific.value) || !ADDRESS_HONORIFICS.has(honorific.lower)) return undefined;
  let last: number | undefined;
  for (const row of ADDRESS_TITLES) {
    const end = i + row.words.length;
    if (last !== undefined && end <= last) continue;
    const fits = row.words.every((w, k) => {
      const t = tokens[i + 1 + k];
      return t !== undefined && t.sentence === honorific.sentence && t.lower === w && (k > 0 || UPPER.test(t.value));
    });
    if (fits) last = end;
  }
  if (last === undefined) return undefined;
  const next = tokens[last + 1];
  if (next && next.sentence === honorific.sentence && UPPER.test(next.value) && /\p{L}/u.test(next.value)) return undefined;
  return last;
}
