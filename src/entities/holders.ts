// A person named right after the body they serve, with no comma between: "CEO of the Refugee Council
// Enver Solomon told …", "a psychology major at University of Texas Arlington Amneh Jafari heard …".
// A run of capitalised words would read the body and the person as one name; these cues end the body
// where the person begins.
import type { Token } from '../types';
import { NOT_PERSON_WORDS, ORGANIZATION_HEADS, PERSON_ROLE_NOUNS, PLACE_HEADS, wordTable } from './tables';
import { CORPORATE_TITLES, type NamedSpans } from './words';

/** Role nouns of people at a body besides PERSON_ROLE_NOUNS and CORPORATE_TITLES ("spokesman of the X"). */
const BODY_ROLES: ReadonlySet<string> = wordTable([
  { word: 'major', reason: '"a psychology major at X": a student of X' },
  { word: 'spokesman', reason: '"spokesman of X"' },
  { word: 'spokeswoman', reason: '"spokeswoman of X"' },
  { word: 'spokesperson', reason: '"spokesperson of X"' },
  { word: 'president', reason: '"president of X"' },
  { word: 'secretary', reason: '"secretary of X"' },
  { word: 'professor', reason: '"professor at X"' },
  { word: 'lecturer', reason: '"lecturer at X"' },
  { word: 'dean', reason: '"dean of X"' },
  { word: 'chair', reason: '"chair of X"' },
]);

/** Words between a role and the body it is at ("CEO of the", "major at"). */
const ROLE_LINKS: ReadonlySet<string> = new Set(['of', 'at']);

/** One word of a person's name: capitalised letters, maybe hyphened ("Jafari", "Al-Amin"). */
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u;

/** How many words a person's name takes at the end of such a run. */
const HOLDER_WORDS = 2;

/**
 * The first token of a person's name that ends the capitalised run first..last, or undefined. Either
 * the trained NER reads the run's last words as one person, or the run follows a role and "of"/"at"
 * ("CEO of the …") and its last two name-shaped words stand right before the sentence's verb.
 */
export function holderAfterBody(tokens: readonly Token[], first: number, last: number, named: NamedSpans, known: (word: string) => boolean, given: (lower: string) => boolean): number | undefined {
  const h = last - HOLDER_WORDS + 1;
  // (The body takes two words or more: "Scrum-half Peter Stringer" is one person with a role word.)
  const body = tokens.slice(first, h);
  if (h - first < 2 || (body.some((t) => t.value === '-') && body.every((t, k) => k === 0 || t.start === body[k - 1]?.end))) return undefined;
  const sentence = tokens[first]?.sentence;
  const after = tokens[last + 1];
  if (!after || after.sentence !== sentence || (after.pos !== 'VERB' && after.pos !== 'AUX')) return undefined;
  for (let k = h; k <= last; k++) {
    const t = tokens[k];
    if (!t || !NAME_WORD.test(t.value) || ORGANIZATION_HEADS.has(t.lower) || PLACE_HEADS.has(t.lower) || NOT_PERSON_WORDS.has(t.lower)) return undefined;
  }
  if (named.type[h] === 'PER' && named.first[h] === h && named.last[h] === last) return h;
  // (Without the NER or a given name first, a word the gazetteer knows is more likely the body's:
  // "spokesman of the University of New Mexico said".)
  if (!given(tokens[h]?.lower ?? '')) for (let k = h; k <= last; k++) if (known(tokens[k]?.value ?? '')) return undefined;
  let k = first - 1;
  if (tokens[k]?.lower === 'the') k--;
  if (!ROLE_LINKS.has(tokens[k]?.lower ?? '')) return undefined;
  // ("director of the Dallas chapter of the X": the role may be of a part of the body, a few words back.)
  for (let link = k, steps = 0; steps <= MAX_PART_WORDS; steps++) {
    const role = tokens[link - 1];
    if (!role || role.sentence !== sentence) return undefined;
    if (PERSON_ROLE_NOUNS.has(role.lower) || CORPORATE_TITLES.has(role.lower) || BODY_ROLES.has(role.lower)) return h;
    link--;
    while (link > 0 && !ROLE_LINKS.has(tokens[link]?.lower ?? '') && k - link <= MAX_PART_WORDS) link--;
    if (!ROLE_LINKS.has(tokens[link]?.lower ?? '')) return undefined;
  }
  return undefined;
}

/** Words of the part of a body a role may name before it ("the Dallas chapter"). */
const MAX_PART_WORDS = 4;
