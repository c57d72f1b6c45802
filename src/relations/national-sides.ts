// A national side's staff named by its country: "Ireland captain Brian O'Driscoll", "Spain coach
// Jordi Arrese", "Leicester's England centre X". The country's name (not its demonym: "a French
// striker" says a nationality, "France striker" a place in the side) before a word of a side's staff,
// then the name: the person plays for or runs that country's side, a member of it. The home nations
// of the UK field sides of their own, so "England" and "Wales" count as countries here.
import type { Token } from '../types';
import { PAST_OFFICE_WORDS, defaultLexicon, wordTable, type ActorReference } from '../entities';

/** Words of a national side's staff, lowercase, as the tokenizer splits them. */
const SIDE_STAFF_WORDS: ReadonlySet<string> = wordTable([
  { word: 'captain', reason: '"Ireland captain Brian O\'Driscoll"' },
  { word: 'skipper', reason: '"England skipper X": the captain' },
  { word: 'coach', reason: '"Spain coach Jordi Arrese", "Wales coach Mike Ruddock"' },
  { word: 'manager', reason: '"England manager Sven-Goran Eriksson"' },
  { word: 'boss', reason: '"Scotland boss Berti Vogts"' },
  { word: 'international', reason: '"Wales international X": capped by the side' },
  { word: 'striker', reason: '"England striker Michael Owen"' },
  { word: 'midfielder', reason: '"France midfielder X"' },
  { word: 'defender', reason: '"Brazil defender X"' },
  { word: 'goalkeeper', reason: '"England goalkeeper X"' },
  { word: 'keeper', reason: '"Scotland keeper X"' },
  { word: 'winger', reason: '"Wales winger X"' },
  { word: 'wing', reason: '"Ireland wing Shane Horgan": a rugby position' },
  { word: 'centre', reason: '"England centre Will Greenwood": a rugby position' },
  { word: 'flanker', reason: '"Wales flanker X"' },
  { word: 'prop', reason: '"England prop X"' },
  { word: 'hooker', reason: '"Ireland hooker X"' },
  { word: 'lock', reason: '"Scotland lock X"' },
  { word: 'fly-half', reason: '"England fly-half Jonny Wilkinson"' },
  { word: 'scrum-half', reason: '"Wales scrum-half X"' },
  { word: 'full-back', reason: '"Wales full-back X"' },
  { word: 'forward', reason: '"Scotland forward X"' },
]);

/** Lowercase words between the country and the staff word: "England rugby captain", "Wales assistant coach". */
const MAX_SIDE_MODIFIERS = 2;

export interface SideRole {
  readonly person: ActorReference;
  readonly side: ActorReference;
  /** The staff word's first and last token. */
  readonly first: number;
  readonly last: number;
  readonly word: string;
}

/** Whether a reference names a country that fields a side by its name: a country's name, or a home nation of the UK. */
function namesSide(tokens: readonly Token[], r: ActorReference): boolean {
  if (r.via !== 'name' && r.via !== 'lexicon') return false;
  const surface = tokens.slice(r.firstToken, r.lastToken + 1).map((t) => t.value).join(' ');
  const entry = defaultLexicon().phrases.get(surface);
  if (!entry) return false;
  if (r.entityType === 'country') return entry.kind === 'country';
  // (By its own name: "Ulster wing X" plays for the province's side, whatever the gazetteer files "Ulster" under.)
  return r.entityType === 'place' && entry.placeKind === 'region' && entry.country === 'united-kingdom' && entry.id === surface.toLowerCase().replace(/\s+/g, '-');
}

/** The staff word run from k (one token, or "fly - half" split at its hyphen): its last token and the word. */
function staffAt(tokens: readonly Token[], k: number): { last: number; word: string } | undefined {
  const t = tokens[k];
  if (!t) return undefined;
  if (SIDE_STAFF_WORDS.has(t.lower)) return { last: k, word: t.lower };
  const joined = `${t.lower}-${tokens[k + 2]?.lower ?? ''}`;
  if (tokens[k + 1]?.value === '-' && SIDE_STAFF_WORDS.has(joined)) return { last: k + 2, word: joined };
  return undefined;
}

/** A past word before token i, over the names and "and" of a list of sides: "former Spurs and England defender". */
function pastBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5) && tokens[k]?.sentence === tokens[i]?.sentence; k--) {
    const w = tokens[k];
    if (!w) return false;
    if (PAST_OFFICE_WORDS.has(w.lower)) return true;
    if (w.lower !== 'and' && w.value !== "'s" && !/^\p{Lu}/u.test(w.value)) return false;
  }
  return false;
}

/** The national sides' staff in one document: "Ireland captain X" → X member of Ireland. */
export function readNationalSides(tokens: readonly Token[], refAt: ReadonlyArray<ActorReference | undefined>): SideRole[] {
  const found: SideRole[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const side = refAt[i];
    if (!side || side.firstToken !== i || !namesSide(tokens, side)) continue;
    // ("Sony UK boss X": a country right after a firm's name is the firm's branch there.)
    if (refAt[i - 1]?.entityType === 'organization' && tokens[i - 1]?.sentence === tokens[i]?.sentence) continue;
    // ("former England captain X", "former Spurs and England defender X": no role now.)
    if (pastBefore(tokens, i)) continue;
    const sentence = tokens[i]?.sentence;
    let k = side.lastToken + 1;
    for (let m = 0; m < MAX_SIDE_MODIFIERS && !staffAt(tokens, k); m++) {
      const w = tokens[k];
      if (!w || refAt[k] || w.sentence !== sentence || !/^\p{Ll}/u.test(w.value) || !['ADJ', 'NOUN'].includes(w.pos) || PAST_OFFICE_WORDS.has(w.lower)) break;
      k++;
    }
    const staff = refAt[k] ? undefined : staffAt(tokens, k);
    if (!staff) continue;
    const person = refAt[staff.last + 1];
    if (!person || person.entityType !== 'person' || person.via !== 'name' || person.firstToken !== staff.last + 1 || tokens[person.firstToken]?.sentence !== sentence) continue;
    found.push({ person, side, first: k, last: staff.last, word: staff.word });
  }
  return found;
}
