// Mention extents: a mention covers the phrase that names the actor, not just the name in it.
// "U.S. President Donald Trump", "Mr. Tedeschi", "DAB's Ben Chan", "Michael Tien of NPP" and
// "Huntsville, Alabama" are each one mention, as news annotation (GUM, OntoNotes) marks them:
// a capitalised title written before a name is part of it. The entity layer has already read
// the parts (title + name, affiliation, the region of a place): this only widens the offsets of
// the mentions it outputs. Entity ids, labels, aliases and actor references are not touched.
import type { Mention, Token } from '../types';
import { HONORIFICS, PERSON_ROLE_NOUNS } from './tables';

export interface ExtentContext {
  readonly tokens: readonly Token[];
  readonly text: string;
  /** Whether token i opens its sentence. */
  readonly sentenceStart: (i: number) => boolean;
  /** First token of a capitalised title ending at token k ("Vice President"), if any. */
  readonly titleEndingAt: (k: number) => number | undefined;
  /** First token of a country, demonym or organisation name ending at token k ("U.S.", "Afghan", "NASA"). */
  readonly affiliationEndingAt: (k: number) => number | undefined;
  /** Places whose region the text states right after them: `${first}:${last}` → the region's last token. */
  readonly statedRegions: ReadonlyMap<string, number>;
}

/** Words before a title that belong to the phrase ("former Senator Rick Santorum"). */
const PAST_WORDS: ReadonlySet<string> = new Set(['former', 'late', 'outgoing', 'acting', 'incoming']);
/**
 * Capitalised words used as titles that the title table leaves out because they make no role
 * fact: "Speaker Pelosi" (the title says which chamber only with its context).
 */
const EXTRA_TITLES: ReadonlySet<string> = new Set(['speaker']);
/** Words that tie a person to the body named right after ("Michael Tien of NPP", "Alvin Yeung from the Civic Party"). */
const AFFILIATION_LINKS: ReadonlySet<string> = new Set(['of', 'from']);
/** A person's phrase may take an organisation or a state after "of" ("President Putin of Russia"). */
const AFFILIATION_TYPES: ReadonlySet<string> = new Set(['organization', 'country']);
/** Possessors that open a person's phrase ("Korea's Kim Shin-wook", "New People Party's Regina Ip"). */
const POSSESSOR_TYPES: ReadonlySet<string> = new Set(['organization', 'country', 'place']);
const POSSESSIVE: ReadonlySet<string> = new Set(["'s", '’s', "'", '’']);
/** Capitalised words between an affiliation and a title ("Environment Minister", "Emeritus Professor"). */
const MAX_TITLE_MODIFIERS = 2;

const UPPER = /^\p{Lu}/u;

/** Lowercase words before a place that name part of it: "southern Finland", "mainland Australia", "downtown Taipei". */
const PART_OF_PLACE: ReadonlySet<string> = new Set([
  'northern', 'southern', 'eastern', 'western', 'central', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'mainland', 'downtown',
]);
export const COMPASS: ReadonlySet<string> = new Set(['North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'Central']);
/** "the State of Texas", "the City of Philadelphia": the capitalised kind of place before "of" is part of its name. */
const PLACE_KIND_WORDS: ReadonlySet<string> = new Set(['state', 'city', 'province', 'commonwealth']);

/**
 * "the Albanian Government": a country named by its demonym before its government's capitalised
 * name is that government's mention (a country acts through it; GUM types it as an organisation).
 */
const GOVERNMENT_HEADS: ReadonlySet<string> = new Set(['government', 'administration', 'cabinet']);

/**
 * "Frank Messina" in a headline is read word by word (src/entities: only names known from the body
 * count there); two mentions of one person side by side are one mention.
 */
function joinAdjacent(mentions: readonly Mention[], c: ExtentContext): Array<{ mention: Mention; parts: Mention[] }> {
  const out: Array<{ mention: Mention; parts: Mention[] }> = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    const p = prev?.mention;
    if (prev && p && p.entityType === 'person' && m.entityType === 'person' && p.entity === m.entity && p.lastToken + 1 === m.firstToken && p.sentence === m.sentence) {
      prev.mention = { ...p, end: m.end, text: c.text.slice(p.start, m.end), lastToken: m.lastToken };
      prev.parts.push(m);
      continue;
    }
    out.push({ mention: m, parts: [m] });
  }
  return out;
}

/** Mentions widened to their phrases, and where each mention's old offsets went (`${start}:${end}`). */
export interface Extents {
  readonly mentions: Mention[];
  readonly moved: ReadonlyMap<string, { readonly start: number; readonly end: number }>;
}

/** The mentions (sorted by position) with person, place and country mentions widened to their phrases, sorted again. */
export function phraseExtents(sorted: readonly Mention[], c: ExtentContext): Extents {
  const joined = joinAdjacent(sorted, c);
  const widened = widen(joined.map((j) => j.mention), c);
  const moved = new Map<string, { start: number; end: number }>();
  joined.forEach((j, k) => {
    const w = widened[k];
    if (!w) return;
    for (const m of j.parts) {
      if ((w.start !== m.start || w.end !== m.end) && !moved.has(`${m.start}:${m.end}`)) moved.set(`${m.start}:${m.end}`, { start: w.start, end: w.end });
    }
  });
  return { mentions: widened.sort((a, b) => a.start - b.start || a.end - b.end), moved };
}

function widen(mentions: readonly Mention[], c: ExtentContext): Mention[] {
  const byLast = new Map<number, Mention>();
  const byFirst = new Map<number, Mention>();
  for (const m of mentions) {
    // the outermost mention ending (starting) at a token
    const l = byLast.get(m.lastToken);
    if (!l || m.firstToken < l.firstToken) byLast.set(m.lastToken, m);
    const f = byFirst.get(m.firstToken);
    if (!f || m.lastToken > f.lastToken) byFirst.set(m.firstToken, m);
  }
  return mentions.map((m) => {
    let first = m.firstToken;
    let last = m.lastToken;
    if (m.entityType === 'person') {
      first = personStart(m, c, byLast);
      last = personEnd(m, c, byFirst);
    } else if (m.rule === 'people-group') {
      // "all Americans", "many Texans": the quantifier is part of the phrase that names the group.
      const before = c.tokens[m.firstToken - 1];
      if (before && before.sentence === m.sentence && GROUP_QUANTIFIERS.has(before.lower)) first = m.firstToken - 1;
    } else if (m.entityType === 'country' && m.rule === 'lexicon:demonym') {
      const head = c.tokens[m.lastToken + 1];
      if (head && head.sentence === m.sentence && UPPER.test(head.value) && GOVERNMENT_HEADS.has(head.lower)) last = m.lastToken + 1;
    } else if (m.entityType === 'organization' && m.lastToken > m.firstToken) {
      first = organizationStart(m, c, byLast);
    } else if (m.entityType === 'place' || m.entityType === 'country') {
      first = placeStart(m, c, byLast);
      // "Levico Terme, Trento, Italy": a region whose own region is stated after it
      for (let f = m.firstToken, l = m.lastToken, region = c.statedRegions.get(`${f}:${l}`); region !== undefined; region = c.statedRegions.get(`${f}:${l}`)) {
        if (POSSESSIVE.has(c.tokens[region + 1]?.value ?? '')) break;
        last = region;
        f = l + 2;
        l = region;
      }
      if (m.entityType === 'place' || m.rule === 'lexicon:capital') last = Math.max(last, placeThenRegion(m, c, byFirst));
    }
    if (first === m.firstToken && last === m.lastToken) return m;
    const a = c.tokens[first];
    const b = c.tokens[last];
    if (!a || !b) return m;
    const end = last === m.lastToken ? m.end : b.end;
    return { ...m, start: a.start, end, text: c.text.slice(a.start, end), firstToken: first, lastToken: last };
  });
}

const PLACE_TYPES: ReadonlySet<string> = new Set(['place', 'country']);
/** Quantifiers that open a group's phrase ("all Americans", "many Muslims"). */
const GROUP_QUANTIFIERS: ReadonlySet<string> = new Set(['all', 'many', 'most', 'some', 'both', 'few', 'several']);

/**
 * "Seattle, Washington", "Livorno, Tuscany, to pay", "Trento, Italy": a place, a comma and the
 * place it lies in, both read as places, make one mention; a list ("Seattle, Portland and Boise",
 * "Berlin, Paris, London") does not, nor a possessor ("Paris, France's president").
 */
function placeThenRegion(m: Mention, c: ExtentContext, byFirst: ReadonlyMap<number, Mention>): number {
  let last = m.lastToken;
  for (let step = 0; step < 3; step++) {
    const comma = c.tokens[last + 1];
    const y = byFirst.get(last + 2);
    if (comma?.value !== ',' || !y || y.sentence !== m.sentence || !PLACE_TYPES.has(y.entityType)) break;
    const after = c.tokens[y.lastToken + 1];
    const sameSentence = after !== undefined && after.sentence === m.sentence;
    if (sameSentence && (LIST_WORDS.has(after.lower) || POSSESSIVE.has(after.value))) break;
    const z = sameSentence && after.value === ',' ? byFirst.get(y.lastToken + 2) : undefined;
    if (z && z.sentence === m.sentence && PLACE_TYPES.has(z.entityType)) {
      // "Preston, Victoria, Australia" goes on to the country; "Berlin, Paris, London" and
      // "Hong Kong, Japan, South Korea" are lists
      if (y.entityType !== 'place' || z.entityType !== 'country' || z.rule === 'lexicon:capital') break;
      last = y.lastToken;
      continue;
    }
    return y.lastToken;
  }
  return last;
}
const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'or', '&']);

/**
 * "the United Kingdom Home Office", "the British Red Cross", "Saudi Arabia's Civil Defense Authority":
 * a state, a demonym or a body written right before a body's name of two or more words, or owning
 * it, is part of the phrase that names it (the state keeps its own nested mention).
 */
function organizationStart(m: Mention, c: ExtentContext, byLast: ReadonlyMap<number, Mention>): number {
  const before = c.tokens[m.firstToken - 1];
  if (!before || before.sentence !== m.sentence) return m.firstToken;
  if (POSSESSIVE.has(before.value)) {
    const owner = byLast.get(m.firstToken - 2);
    return owner && POSSESSOR_TYPES.has(owner.entityType) && owner.sentence === m.sentence && c.tokens[m.firstToken - 2]?.end === before.start ? owner.firstToken : m.firstToken;
  }
  if (!UPPER.test(before.value) || c.tokens[m.firstToken]?.start === before.end) return m.firstToken;
  const affiliation = c.affiliationEndingAt(m.firstToken - 1);
  return affiliation !== undefined && c.tokens[affiliation]?.sentence === m.sentence ? affiliation : m.firstToken;
}

/** "southern Finland", "the State of Texas". */
function placeStart(m: Mention, c: ExtentContext, byLast: ReadonlyMap<number, Mention>): number {
  const before = c.tokens[m.firstToken - 1];
  if (!before || before.sentence !== m.sentence) return m.firstToken;
  // "Mecca's Grand Mosque", "London's Hyde Park": the possessive of the place a site lies in, before
  // a site named by its head word, is part of the site's phrase (as "DAB's Ben Chan" is of a person's).
  const owner = POSSESSIVE.has(before.value) ? byLast.get(m.firstToken - 2) : undefined;
  if (m.rule === 'place-head' && owner && owner.sentence === m.sentence && (owner.entityType === 'place' || owner.entityType === 'country')) return owner.firstToken;
  if (PART_OF_PLACE.has(before.value)) return m.firstToken - 1;
  // "University of Southern Indiana", "East Los Angeles": a capitalised compass word is part of the name
  if (COMPASS.has(before.value) && !c.sentenceStart(m.firstToken - 1)) return m.firstToken - 1;
  const kind = c.tokens[m.firstToken - 2];
  if (before.lower === 'of' && kind && kind.sentence === m.sentence && UPPER.test(kind.value) && PLACE_KIND_WORDS.has(kind.lower) && !c.sentenceStart(m.firstToken - 2)) return m.firstToken - 2;
  return m.firstToken;
}

/** Titles, honorifics, affiliations and a possessor written before the name. */
function personStart(m: Mention, c: ExtentContext, byLast: ReadonlyMap<number, Mention>): number {
  let first = m.firstToken;
  let titled = false;
  let modifiers = 0;
  const inSentence = (k: number): Token | undefined => {
    const t = c.tokens[k];
    return t && t.sentence === m.sentence ? t : undefined;
  };
  for (let step = 0; step < 12; step++) {
    const t = inSentence(first - 1);
    if (!t) break;
    const capital = UPPER.test(t.value);
    if (capital && HONORIFICS.has(t.lower)) {
      first--;
      titled = true;
      continue;
    }
    const title = c.titleEndingAt(first - 1);
    if (title !== undefined && inSentence(title)) {
      first = title;
      titled = true;
      continue;
    }
    // "Governor of Washington Chris Gregoire", "Minister of Education Stefania Giannini", "Ambassador to
    // the United States Hamdullah Mohib": a title with what it is of, right before the name.
    if (!titled && capital) {
      const ofTitle = titleWithTail(first - 1, c, inSentence);
      if (ofTitle !== undefined) {
        first = ofTitle;
        titled = true;
        continue;
      }
    }
    // "Congresswoman Karen Bass", "Scientologist Tom Cruise": a capitalised role noun used as a title
    // (at a sentence's start every word is capitalised, so there it is only a noun).
    if (capital && (PERSON_ROLE_NOUNS.has(t.lower) || EXTRA_TITLES.has(t.lower)) && !c.sentenceStart(first - 1)) {
      first--;
      titled = true;
      continue;
    }
    if (POSSESSIVE.has(t.value)) {
      const owner = byLast.get(first - 2);
      if (owner && POSSESSOR_TYPES.has(owner.entityType) && owner.sentence === m.sentence) first = owner.firstToken;
      break;
    }
    if (!titled) break;
    const affiliation = c.affiliationEndingAt(first - 1);
    if (affiliation !== undefined && inSentence(affiliation)) {
      first = affiliation;
      continue;
    }
    if (PAST_WORDS.has(t.lower)) {
      first--;
      break;
    }
    // "Environment Minister John Baird", "Emeritus Professor John Burrows"
    const modifier = capital && (t.pos === 'PROPN' || ((t.pos === 'ADJ' || t.pos === 'NOUN') && !c.sentenceStart(first - 1)));
    if (modifier && modifiers < MAX_TITLE_MODIFIERS) {
      first--;
      modifiers++;
      continue;
    }
    break;
  }
  return first;
}

/** Links between a title and what it is of ("Governor of Washington", "Ambassador to the United States"). */
const TITLE_TAIL_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'to']);
/** Capitalised words a title's tail may hold before the name ("the United States", "Education"). */
const MAX_TITLE_TAIL = 4;

/** First token of "Title of X" ending at token k (X capitalised words, "the" allowed after the link), if any. */
function titleWithTail(k: number, c: ExtentContext, inSentence: (k: number) => Token | undefined): number | undefined {
  let j = k;
  while (j > k - MAX_TITLE_TAIL && UPPER.test(inSentence(j)?.value ?? '') && !c.sentenceStart(j)) j--;
  if (j === k) return undefined;
  if (inSentence(j)?.lower === 'the') j--;
  if (!TITLE_TAIL_LINKS.has(inSentence(j)?.lower ?? '')) return undefined;
  const title = c.titleEndingAt(j - 1);
  return title !== undefined && inSentence(title) && UPPER.test(c.tokens[title]?.value ?? '') ? title : undefined;
}

/** "Michael Tien of NPP", "Alvin Yeung from the Civic Party": the body a person is named with. */
function personEnd(m: Mention, c: ExtentContext, byFirst: ReadonlyMap<number, Mention>): number {
  const link = c.tokens[m.lastToken + 1];
  if (!link || link.sentence !== m.sentence || !AFFILIATION_LINKS.has(link.lower)) return m.lastToken;
  let k = m.lastToken + 2;
  if (c.tokens[k]?.lower === 'the') k++;
  const body = byFirst.get(k);
  if (!body || body.sentence !== m.sentence || !AFFILIATION_TYPES.has(body.entityType)) return m.lastToken;
  // "Gary Chan of DAB's …": the body is not where the phrase ends
  const after = c.tokens[body.lastToken + 1];
  if (after && after.sentence === m.sentence && (POSSESSIVE.has(after.value) || UPPER.test(after.value))) return m.lastToken;
  return body.lastToken;
}
