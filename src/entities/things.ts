// Entities: acronyms the document spells out as a thing, not a body ("Information and Communication
// Technology (ICT)", "ROS [Reactive Oxygen Species, …]", "VM (virtual microscope)"). Such an acronym
// after "of" or "the" is no organisation's name, however it is used elsewhere in the article.
import type { Token } from '../types';
import { NOT_PERSON_WORDS, ORGANIZATION_HEADS, ORGANIZATION_STARTS } from './tables';

/** Small words an acronym's letters skip ("Office for Democratic Institutions and Human Rights"). */
const SKIPPED: ReadonlySet<string> = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', '&', '-', '/']);
const OPENERS: ReadonlySet<string> = new Set(['(', '[']);
const CLOSERS: ReadonlySet<string> = new Set([')', ']', ',']);
/** Two to six capitals, as acronyms are written ("ICT", "MMPI"); a plural or lowercase letter inside is allowed ("IoT"). */
const ACRONYM_SHAPE = /^\p{Lu}[\p{Lu}\p{Ll}&]{1,5}$/u;
const MAX_EXPANSION_WORDS = 10;

/**
 * Last words of an expansion that make it a thing: a technology, a display, a substance, an inquiry
 * ("Liquid Crystal Display", "Reactive Oxygen Species", "Crime Scene Investigation"). A capitalised
 * expansion with another last word may be a body without a head word ("Transport for London (TfL)").
 */
const THING_LAST_WORDS: ReadonlySet<string> = new Set([
  ...NOT_PERSON_WORDS, 'species', 'display', 'access', 'investigation', 'device', 'devices', 'vehicle', 'vehicles', 'compound',
  'compounds', 'substance', 'acid', 'drug', 'drugs', 'therapy', 'test', 'scan', 'standard', 'format', 'interface', 'microscope',
]);

/** Whether an expansion names a thing: written in lowercase ("virtual microscope"), or ending in a thing's word, and with no body's head or start ("Agency", "Office of"). */
function namesThing(words: readonly Token[]): boolean {
  if (words.some((w) => ORGANIZATION_HEADS.has(w.lower) || ORGANIZATION_STARTS.has(w.lower) || w.lower === 'mission')) return false;
  return words.every((w) => w.value === w.lower) || THING_LAST_WORDS.has(words[words.length - 1]?.lower ?? '');
}

/**
 * The words whose initials spell `acronym`, read from `from` in direction `step` (−1 backwards from the
 * word before "(", +1 forwards from the word after it); small words may sit between them.
 */
function expansion(tokens: readonly Token[], from: number, step: 1 | -1, acronym: string): Token[] | undefined {
  const letters = [...acronym].filter((c) => /\p{Lu}/u.test(c));
  if (letters.length < 2) return undefined;
  const want = step === 1 ? letters : [...letters].reverse();
  const words: Token[] = [];
  const sentence = tokens[from]?.sentence;
  for (let i = from, n = 0; n < want.length; i += step) {
    const t = tokens[i];
    if (!t || t.sentence !== sentence || words.length + 1 > MAX_EXPANSION_WORDS) return undefined;
    if (SKIPPED.has(t.lower) && words.length > 0) continue;
    // A word may give two letters ("Non-Proliferation"): its parts' initials, in order.
    const initials = t.value.split(/-/).map((p) => p[0]?.toUpperCase() ?? '');
    const part = step === 1 ? initials : [...initials].reverse();
    if (!part.every((c, k) => c === want[n + k])) return undefined;
    words.push(t);
    n += part.length;
  }
  if (words.length === 0) return undefined;
  return step === 1 ? words : words.reverse();
}

/** Acronyms that the document defines as something other than an organisation. */
export function thingAcronyms(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  const bodies = new Set<string>();
  // Only brackets are visited: "Expansion (ACR)", or "ACR (expansion" / "ACR [expansion".
  for (let b = 0; b < tokens.length; b++) {
    if (!OPENERS.has(tokens[b]?.value ?? '')) continue;
    for (const [i, words] of [[b + 1, () => (CLOSERS.has(tokens[b + 2]?.value ?? '') ? expansion(tokens, b - 1, -1, tokens[b + 1]?.value ?? '') : undefined)], [b - 1, () => expansion(tokens, b + 1, 1, tokens[b - 1]?.value ?? '')]] as const) {
      const t = tokens[i];
      if (!t || !ACRONYM_SHAPE.test(t.value)) continue;
      const found = words();
      if (!found) continue;
      if (namesThing(found)) out.add(t.value);
      else bodies.add(t.value);
    }
  }
  for (const b of bodies) out.delete(b);
  return out;
}

/** Nouns that class the name right after them as a craft or a storm ("Space Shuttle Atlantis", "cruise ship Freewinds", "Cyclone Phailin"). */
const CRAFT_NOUNS: ReadonlySet<string> = new Set([
  'shuttle', 'spacecraft', 'rover', 'capsule', 'satellite', 'ship', 'vessel', 'yacht', 'ferry', 'tanker', 'freighter',
  'submarine', 'frigate', 'destroyer', 'warship', 'uss', 'hms', 'rms', 'hurricane', 'cyclone', 'typhoon',
  // machines and software: "the humanoid robot Asimo", "the operating system Linux"
  'robot', 'console', 'browser', 'handset', 'smartphone',
]);

/** Nouns that class the names right before them as machines: "Honda's Asimo and Sony's Qrio robots" (not "Nokia handsets", a maker's name). */
const MACHINE_NOUNS_AFTER: ReadonlySet<string> = new Set(['robot', 'robots']);

/**
 * Capitalised words the document names right after a craft or storm noun: the name of that craft or
 * storm wherever it stands ("Freewinds" alone, once "the cruise ship Freewinds" was written), no person or body.
 */
export function craftNames(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = tokens[i - 1];
    if (t && prev && MACHINE_NOUNS_AFTER.has(t.lower) && t.pos === 'NOUN') machinesBefore(tokens, i, out);
    if (!t || !prev || prev.sentence !== t.sentence || !CRAFT_NOUNS.has(prev.lower) || prev.pos === 'VERB' || !/^\p{Lu}\p{Ll}/u.test(t.value)) continue;
    out.add(t.value);
  }
  return out;
}

/** The names a machine noun at `noun` follows, through one coordination and possessors ("Honda's Asimo and Sony's Qrio robots"). */
function machinesBefore(tokens: readonly Token[], noun: number, out: Set<string>): void {
  const name = (k: number): boolean => /^\p{Lu}\p{Ll}/u.test(tokens[k]?.value ?? '') && tokens[k]?.sentence === tokens[noun]?.sentence && tokens[k + 1]?.value !== "'s";
  let k = noun - 1;
  if (!name(k)) return;
  out.add(tokens[k]?.value ?? '');
  // back over "Sony 's" to the conjunction, then the name before it
  k--;
  if (tokens[k]?.value === "'s") k -= 2;
  if (tokens[k]?.lower === 'and' || tokens[k]?.value === ',') {
    k--;
    if (name(k)) out.add(tokens[k]?.value ?? '');
  }
}

/** What a named thing is: none of them acts, so none is an actor's node. */
export const NAMED_THING_KINDS = ['award', 'product', 'technology', 'unit'] as const;
export type NamedThingKind = (typeof NAMED_THING_KINDS)[number];

export interface NamedThingRow {
  /** The name's tokens as written (case matters: "Oscar", not "oscar"), a hyphen a token of its own ("Wi - Fi"). */
  readonly words: readonly string[];
  readonly kind: NamedThingKind;
  /** Also a given name or surname ("Oscar Wilde", "Alfred Nobel"): not the thing beside another capitalised name word. */
  readonly alsoName?: true;
  readonly reason: string;
}

const row = (words: string, kind: NamedThingKind, reason: string, alsoName?: true): NamedThingRow => ({ words: words.split(' '), kind, reason, ...(alsoName ? { alsoName } : {}) });
const PRODUCT = 'a product is made, sold and used; it does nothing itself, so it is no person or body';
const TECHNOLOGY = 'a technology or format, no body however its acronym looks';
const AWARD = 'an award is won, given and nominated for; it does nothing itself, so it is no person or body';

/**
 * Names of awards, products and technologies that news writes like actors' names (capitalised, alone, as subjects) but that never
 * act. Longest match first; a row marked `alsoName` yields to a name beside it.
 */
export const NAMED_THINGS: readonly NamedThingRow[] = [
  row('Oscar', 'award', `${AWARD} ("Oscar-nominated", "won an Oscar"); read as a person by the NER`, true),
  row('Oscars', 'award', `${AWARD}: the ceremony or the statuettes`),
  row('Academy Award', 'award', AWARD), row('Academy Awards', 'award', `${AWARD}; "Academy" is no body named by its head word here`),
  row('Bafta', 'award', `${AWARD}: the British film and television awards, written as one word`), row('Baftas', 'award', AWARD),
  row('BAFTA', 'award', AWARD), row('BAFTAs', 'award', AWARD),
  row('Grammy', 'award', AWARD), row('Grammys', 'award', AWARD), row('Grammies', 'award', AWARD),
  row('Emmy', 'award', AWARD, true), row('Emmys', 'award', AWARD), row('Emmies', 'award', AWARD),
  row('Golden Globe', 'award', `${AWARD}; "Globe" is no body's head word here`), row('Golden Globes', 'award', AWARD),
  row('Brit Award', 'award', AWARD), row('Brit Awards', 'award', AWARD),
  row('Mobo', 'award', `${AWARD}: the Music of Black Origin awards`), row('Mobos', 'award', AWARD), row('MOBO', 'award', AWARD), row('MOBOs', 'award', AWARD),
  row('Booker', 'award', `${AWARD} ("a Booker winner"); also a surname and given name ("Booker T")`, true),
  row('Booker Prize', 'award', AWARD), row('Man Booker Prize', 'award', AWARD),
  row('Mercury Prize', 'award', `${AWARD}; "Mercury" alone is a planet or a surname ("Freddie Mercury")`), row('Mercury Music Prize', 'award', AWARD),
  row('Turner Prize', 'award', AWARD), row('Pulitzer Prize', 'award', AWARD), row('Pulitzer', 'award', AWARD, true),
  row('Nobel Prize', 'award', AWARD), row('Nobel Peace Prize', 'award', AWARD), row('Nobel', 'award', `${AWARD} ("a Nobel laureate"); also a surname ("Alfred Nobel")`, true),
  row('Olivier Award', 'award', `${AWARD}; "Olivier" alone is a given name or a surname`), row('Olivier Awards', 'award', AWARD),
  row('Laurence Olivier Award', 'award', AWARD), row('Laurence Olivier Awards', 'award', AWARD),
  row('Tony Award', 'award', `${AWARD}; "Tony" alone is a given name`), row('Tony Awards', 'award', AWARD),
  row('Ivor Novello Award', 'award', AWARD), row('Ivor Novello Awards', 'award', AWARD),
  row('Golden Bear', 'award', AWARD), row('Palme d\'Or', 'award', AWARD), row('Ballon d\'Or', 'award', AWARD),
  row('Man of the Match', 'award', `${AWARD}; a sponsor's name before it ("the Budweiser Man of the Match award") stays the sponsor's`),
  row('Razzie', 'award', AWARD), row('Razzies', 'award', AWARD), row('Bloggies', 'award', AWARD),
  // Products: made, sold, bought, run and supported by a company, never a party to a fact ("IBM ended
  // support for OS/2" is no act on an actor). Makers stay bodies: "Apple's iPod", "Sony's PlayStation".
  row('Linux', 'product', `${PRODUCT}: an operating system, read as a person by its shape`),
  row('Windows', 'product', `${PRODUCT}: Microsoft's operating system (capitalised only as its name)`),
  row('Windows XP', 'product', PRODUCT), row('Windows Media', 'product', PRODUCT), row('Windows Media Player', 'product', PRODUCT), row('Windows Mobile', 'product', PRODUCT),
  row('OS', 'product', `${PRODUCT}: "OS/2", "OS X"; alone it is no body's acronym`, true), row('Mac OS', 'product', PRODUCT), row('OS X', 'product', PRODUCT), row('Mac OS X', 'product', PRODUCT),
  row('Mac', 'product', `${PRODUCT}: Apple's computer; also a given name ("Mac Wilkins") and a name part ("Freddie Mac")`, true),
  row('Macintosh', 'product', PRODUCT), row('iMac', 'product', PRODUCT), row('Longhorn', 'product', `${PRODUCT}: the code name of a Windows version`),
  row('Internet Explorer', 'product', PRODUCT), row('Firefox', 'product', PRODUCT), row('Outlook Express', 'product', PRODUCT),
  row('iPod', 'product', PRODUCT), row('iPods', 'product', PRODUCT), row('iPod Mini', 'product', PRODUCT), row('iPod Shuffle', 'product', PRODUCT), row('iPod mini', 'product', PRODUCT),
  row('iTunes', 'product', `${PRODUCT}: Apple's music store and player, run by Apple`), row('Walkman', 'product', PRODUCT), row('TiVo', 'product', PRODUCT),
  row('PlayStation', 'product', PRODUCT), row('PlayStations', 'product', PRODUCT), row('PlayStation Portable', 'product', PRODUCT), row('PS2', 'product', PRODUCT), row('PS3', 'product', PRODUCT),
  row('PSP', 'product', `${PRODUCT}: Sony's handheld console`), row('PSPs', 'product', PRODUCT),
  row('Xbox', 'product', PRODUCT), row('Xbox Live', 'product', PRODUCT), row('GameCube', 'product', PRODUCT), row('N - Gage', 'product', PRODUCT),
  row('DS', 'product', `${PRODUCT}: Nintendo's handheld console; before a name it is a detective sergeant's rank ("DS Ann Roe")`, true),
  row('Halo', 'product', `${PRODUCT}: a video game`), row('Doom', 'product', `${PRODUCT}: a video game`), row('Grand Theft Auto', 'product', PRODUCT), row('GTA', 'product', PRODUCT),
  row('BitTorrent', 'product', `${PRODUCT}: a file-sharing program and its protocol`), row('Cabir', 'product', `${PRODUCT}: a mobile phone virus, made and spread, not acting`),
  row('Vioxx', 'product', `${PRODUCT}: a drug, made and withdrawn by Merck`), row('Celebrex', 'product', PRODUCT), row('Viagra', 'product', PRODUCT),
  row('Asimo', 'product', `${PRODUCT}: Honda's robot`), row('Qrio', 'product', `${PRODUCT}: Sony's robot`), row('Aibo', 'product', `${PRODUCT}: Sony's robot dog`),
  // Technologies and formats: "DVD", "HDTV" written like a body's acronym.
  row('DVD', 'technology', TECHNOLOGY), row('DVDs', 'technology', TECHNOLOGY), row('CD', 'technology', TECHNOLOGY), row('CDs', 'technology', TECHNOLOGY),
  row('HD - DVD', 'technology', TECHNOLOGY), row('Blu - ray', 'technology', TECHNOLOGY), row('HDTV', 'technology', TECHNOLOGY), row('LCD', 'technology', TECHNOLOGY),
  row('VoIP', 'technology', TECHNOLOGY), row('Voip', 'technology', TECHNOLOGY), row('IPTV', 'technology', TECHNOLOGY), row('Internet Protocol TV', 'technology', TECHNOLOGY), row('Mobile TV', 'technology', `${TECHNOLOGY}: "TV" is no broadcaster's head word here`), row('RFID', 'technology', TECHNOLOGY), row('UWB', 'technology', TECHNOLOGY),
  row('Bluetooth', 'technology', TECHNOLOGY), row('Wi - Fi', 'technology', TECHNOLOGY), row('WiFi', 'technology', TECHNOLOGY), row('WiMax', 'technology', TECHNOLOGY),
  row('Mbps', 'unit', 'a unit of speed, written with a capital'), row('Kbps', 'unit', 'a unit of speed, written with a capital'),
];

const NAMED_THING_STARTS: ReadonlyMap<string, readonly NamedThingRow[]> = (() => {
  const out = new Map<string, NamedThingRow[]>();
  for (const r of NAMED_THINGS) out.set(r.words[0] ?? '', [...(out.get(r.words[0] ?? '') ?? []), r]);
  for (const rows of out.values()) rows.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

/**
 * The tokens that name a thing of NAMED_THINGS: [first, last] spans, no person's or body's name.
 * `givenName` says whether a lowercase word is a given name ("Oscar" after "Carlos" is a name).
 */
export function namedThingSpans(tokens: readonly Token[], givenName: (lower: string) => boolean): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const rows = NAMED_THING_STARTS.get(tokens[i]?.value ?? '');
    if (!rows) continue;
    const t = tokens[i] as Token;
    for (const r of rows) {
      const last = i + r.words.length - 1;
      if (!r.words.every((w, k) => tokens[i + k]?.value === w && tokens[i + k]?.sentence === t.sentence)) continue;
      if (r.alsoName) {
        const next = tokens[last + 1];
        const prev = tokens[i - 1];
        if (next && next.sentence === t.sentence && next.start > (tokens[last]?.end ?? 0) && /^\p{Lu}/u.test(next.value)) break;
        if (prev && prev.sentence === t.sentence && /^\p{Lu}/u.test(prev.value) && givenName(prev.lower)) break;
      }
      out.push([i, last]);
      i = last;
      break;
    }
  }
  return out;
}
