// Entities, pass 1: titles, people groups and runs of capitalised words → mentions (gazetteer
// phrases in lexicon-phrases.ts).
import type { Token } from '../types';
import { gazetteerGivenNames, normalizeSurface } from './lexicon';
import { slugify } from './slug';
import { LexiconPhrases } from './lexicon-phrases';
import { partyAdjectiveAt } from './parties';
import { clubAt } from './clubs';
import { classifiedName } from './classifiers';
import { holderAfterBody } from './holders';
import { seatAt } from './seats';
import { NUMBERED_UNIT_HEADS, SIDE_WORDS, ordinalAt } from './sides';
import {
  FOREIGN_BODY_STARTS, HONORIFICS, NOT_NAME_WORDS, NOT_ORGANIZATION_ACRONYMS, NOT_PERSON_WORDS, ORGANIZATION_HEADS, ORGANIZATION_STARTS,
  PERSON_ROLE_NOUNS, PLACE_HEADS, PLACE_STARTS, NAME_SUFFIXES, regionAdjectiveAt, wordTable,
} from './tables';
import {
  SPEECH_VERBS, MAX_NAME_TOKENS, LETTER, UPPER_START, INITIAL, ACRONYM, ACRONYM_CONTEXT, AFFILIATION_WORDS, PLACE_CONTEXT_WORDS, OF_TAIL_LINKS,
  ROLE_SUFFIX, GROUPS_BY_FIRST_WORD, isCapitalized, initials, type Chunk,
} from './words';

/** Heads of bodies' buildings that a station may be named after ("NTU Hospital Station", "University Station"). */
const SITE_HEADS: ReadonlySet<string> = new Set(['hospital', 'university', 'college', 'school', 'centre', 'center']);
/** Links after a word of work to where the work is done: "economist at", "analyst with", "spokesman for", "chief executive of". */
const WORK_LINKS: ReadonlySet<string> = new Set(['at', 'with', 'for', 'of']);
/** Words of work written in an apposition that PERSON_ROLE_NOUNS and the titles leave out. */
const WORK_NOUNS: ReadonlySet<string> = wordTable([
  { word: 'strategist', reason: '"a bond strategist at Popular Securities"' },
  { word: 'trader', reason: '"a trader at Mellon Financial"' },
  { word: 'officer', reason: '"chief investment officer of Hibernian Investment Managers"' },
  { word: 'partner', reason: '"a partner at KPMG"' },
]);
/** Heads of a body, after which "of" names the body itself ("chief executive of EMI Music"), not a portfolio. */
const BODY_HEAD_WORDS: ReadonlySet<string> = wordTable([
  { word: 'executive', reason: '"chief executive of X"' },
  { word: 'chairman', reason: '"chairman of X"' },
  { word: 'chairwoman', reason: '"chairwoman of X"' },
  { word: 'founder', reason: '"founder of X"' },
  { word: 'owner', reason: '"owner of X"' },
  { word: 'officer', reason: '"chief operating officer of X"' },
  { word: 'governor', reason: '"governor of Korean Development Bank"' },
]);
/** Holders of a seat, after whom "for" names the seat: "David Cameron, MP for Witney". */
const SEAT_HOLDERS: ReadonlySet<string> = wordTable([
  { word: 'mp', reason: '"MP for Witney": a constituency' },
  { word: 'msp', reason: '"MSP for Edinburgh Central"' },
  { word: 'mep', reason: '"MEP for London"' },
  { word: 'am', reason: '"AM for Aberavon": the Welsh Assembly' },
  { word: 'member', reason: '"the independent member for Loch Ness West"' },
  { word: 'candidate', reason: '"the candidate for Dorset South"' },
  { word: 'councillor', reason: '"councillor for Riverside"' },
]);
/** Kin and companions, whom a person has and a body does not: "Jarek's younger sister", "Blair's partner". */
const KIN_WORDS: ReadonlySet<string> = new Set(['mother', 'father', 'son', 'daughter', 'brother', 'sister', 'husband', 'wife', 'widow', 'widower',
  'friend', 'colleague', 'partner', 'girlfriend', 'boyfriend', 'fiancee', 'fiance', 'cousin', 'uncle', 'aunt', 'nephew', 'niece', 'son-in-law', 'daughter-in-law']);
/** Lowercase words between the comma and the word of work: "X, a senior bond analyst at Y". */
const APPOSED_WORK_REACH = 4;

/** Little words that go on with a thing's title after a name ("George Floyd Justice in Policing Act"). */
const THING_TITLE_LINKS: ReadonlySet<string> = new Set(['in', 'of', 'for', 'on']);

/** Pass 1: reads the text left to right; what needs the whole document is left for pass 2. */
export abstract class NameReading extends LexiconPhrases {
  protected passNames(): void {
    const n = this.tokens.length;
    let i = 0;
    while (i < n) {
      const next = this.claimed[i] ? i + 1 : (this.addressedTitle(i) ?? this.invertedNames(i) ?? this.partyAdjective(i) ?? this.clubName(i) ?? this.titlePhrase(i) ?? this.nationalSide(i) ?? this.lexiconPhrase(i) ?? this.groupPhrase(i) ?? this.nameChunk(i));
      i = next ?? i + 1;
    }
  }

  /** "Conservative MP X": a party adjective that is an everyday word too, before a seat word (parties.ts). */
  protected partyAdjective(i: number): number | undefined {
    const party = partyAdjectiveAt(this.tokens, i);
    if (!party || !this.lexicon.entities.has(party.party)) return undefined;
    this.addMention(party.party, 'organization', i, i, undefined, 'party-adjective', true, 'lexicon');
    return i + 1;
  }

  /** "Arsenal striker X", "Wasps hooker X": a club's name before a word of its staff and a name (clubs.ts). */
  protected clubName(i: number): number | undefined {
    const found = clubAt(this.tokens, i, this.text);
    if (!found) return undefined;
    this.addMention(found.club.id, 'organization', i, found.last, found.club.name, 'club+staff', true, 'lexicon');
    return found.last + 1;
  }

  /** "Muslims", "asylum seekers", "Afghans": a group of people, one actor ('other', marked group). */
  protected groupPhrase(i: number): number | undefined {
    const t = this.token(i);
    if (!t) return undefined;
    const row = GROUPS_BY_FIRST_WORD.get(t.lower)?.find((r) => r.words.every((w, k) => this.token(i + k)?.lower === w));
    const label = row && (row.lowercase || isCapitalized(t)) ? row.label : this.pluralDemonym(t) ? t.value : undefined;
    if (label === undefined) return undefined;
    const last = i + (row?.words.length ?? 1) - 1;
    // "Muslims Against Hunger", "Kurds Party": the first word of a longer name is no group.
    const next = this.token(last + 1);
    if (next && next.sentence === t.sentence && isCapitalized(next) && next.pos === 'PROPN') return undefined;
    const id = this.addMention(slugify(label), 'other', i, last, label, 'people-group', false, 'name');
    this.draft.groups.add(id);
    return last + 1;
  }

  /** "Afghans", "Bangladeshis": the plural of a demonym the gazetteer knows. */
  protected pluralDemonym(t: Token): boolean {
    if (!isCapitalized(t) || !t.value.endsWith('s') || t.value.length < 5) return false;
    return this.lexicon.phrases.get(normalizeSurface(t.value.slice(0, -1)))?.kind === 'demonym';
  }

  /**
   * A run of capitalised words that no table claimed: its head, its first word and its context
   * decide what it is. Each step either claims the chunk (returning where to go on) or passes.
   */
  protected nameChunk(i: number): number | undefined {
    const t = this.token(i);
    if (!t || !isCapitalized(t) || this.claimed[i]) return undefined;
    const sentenceStart = this.doc.sentences[t.sentence]?.firstToken === i;
    // Every sentence starts with a capital: its first word starts a name only when wink reads it as one.
    if (sentenceStart && t.pos !== 'PROPN' && !this.lexicon.givenNames.has(t.lower) && !ACRONYM.test(t.value)) return i + 1;
    let last = this.nameTokens(i, 8);
    if (last < 0) return undefined;
    last = this.headAfterAnd(i, last);
    // "Refugee Council Enver Solomon", "Space Museum Steven F. Udvar-Hazy Center": a body's or a place's
    // head word ends it when a given name follows.
    for (let k = i + 1; k < last; k++) {
      const head = this.token(k)?.lower ?? '';
      if ((ORGANIZATION_HEADS.has(head) || PLACE_HEADS.has(head)) && this.lexicon.givenNames.has(this.token(k + 1)?.lower ?? '')) last = k;
    }
    // "CEO of the Refugee Council Enver Solomon told": a role's holder after the body, no given name we know (holders.ts).
    last = (this.bodyHolder(i, last) ?? last + 1) - 1;
    const words = this.tokens.slice(i, last + 1);
    const lowers = words.map((w) => w.lower);
    const prev = this.token(i - 1);
    const chunk: Chunk = {
      first: i, last, words, lowers, sentenceStart, head: lowers[lowers.length - 1] ?? '',
      byline: prev?.lower === 'by' && prev.lineStart === true && last > i,
      affiliation: this.afterPersonAffiliation(i),
      name: (to = last) => this.text.slice(t.start, this.tokens[to]?.end),
    };
    return this.seatName(chunk) ?? this.numberedUnit(chunk) ?? this.organizationByHead(chunk) ?? this.placeByHead(chunk) ?? this.headlineWords(chunk) ?? this.classifiedBody(chunk) ?? this.placeBeforeRegion(chunk)
      // (An acronym the document spells out as a thing names no body or person, alone or hyphened:
      // "ROS-concentration"; nor does a craft's or storm's name: "Phailin" after "Cyclone Phailin".)
      ?? (this.thingAcronyms.has(t.value) || (last === i && this.craftNames.has(t.value)) ? last + 1 : undefined)
      ?? this.organizationOfPerson(chunk) ?? this.personWithPlaceSurname(chunk) ?? this.singleWord(chunk) ?? this.roleWordFirst(chunk) ?? this.personOrOrganization(chunk);
  }

  /** "Team Estonia", "Team GB": a side word before a country's name names its side, an organisation (sides.ts). */
  protected nationalSide(i: number): number | undefined {
    const t = this.token(i);
    if (!t || !SIDE_WORDS.has(t.value) || this.token(i + 1)?.sentence !== t.sentence) return undefined;
    const country = this.matchLexicon(i + 1);
    const next = country && this.token(country.last + 1);
    // ("Team Sky Racing": a longer name goes on; "Team America: World Police" is a film's title.)
    if (!country || country.entry.kind !== 'country' || (next && next.sentence === t.sentence && (isCapitalized(next) || next.value === ':'))) return undefined;
    this.addMention(slugify(this.text.slice(t.start, country.end)), 'organization', i, country.last, undefined, 'side+country', false, 'name');
    this.addNestedMention(country.entry.id, 'country', i + 1, country.last, 'country-in-name');
    return country.last + 1;
  }

  /** "501st Legion", "the 82nd Airborne Division": an ordinal before a unit's name is part of it (sides.ts). */
  protected numberedUnit(c: Chunk): number | undefined {
    if (!NUMBERED_UNIT_HEADS.has(c.head) || !ordinalAt(this.tokens, c.first - 1, c.first) || this.claimed[c.first - 1]) return undefined;
    const name = this.text.slice(this.token(c.first - 1)?.start, this.token(c.last)?.end);
    this.addMention(slugify(name), 'organization', c.first - 1, c.last, undefined, 'ordinal+unit', false, 'name');
    return c.last + 1;
  }

  /** "the Kowloon West geographical constituency": a seat's name before its seat word is a place of its own (seats.ts). */
  protected seatName(c: Chunk): number | undefined {
    const seat = seatAt(this.tokens, c.first);
    if (!seat || this.lexicon.givenNames.has(c.lowers[0] ?? '') || this.matchLexicon(c.first)?.entry.kind === 'demonym') return undefined;
    // (A name a table or the gazetteer reads is that place or body: "the Hong Kong Island constituency".)
    for (let k = c.first; k <= seat.nameLast; k++) if (this.claimed[k] || (k > c.first && this.matchLexicon(k))) return undefined;
    const label = `${c.name(seat.nameLast)} ${this.token(seat.last)?.lower ?? ""}`;
    this.addMention(slugify(label), 'place', c.first, seat.last, label, 'seat-name', false, 'name');
    return seat.last + 1;
  }

  /** "the newspaper Asahi", "localist group Youngspiration's", "US team Cloud9": a body's name after its kind (classifiers.ts). */
  protected classifiedBody(c: Chunk): number | undefined {
    // (Not a person's name or title after the noun: "the club's president Florentino Perez", "team captain Harry Kane".)
    if (c.sentenceStart || !classifiedName(this.tokens, c.first) || this.lexicon.givenNames.has(c.lowers[0] ?? '') || HONORIFICS.has(c.lowers[0] ?? '')
      || this.titleAt(c.first) || c.lowers.some((w) => NOT_NAME_WORDS.has(w))) return undefined;
    // "flag carrier Air India", "group Fathers 4 Justice", "the company Hitwise UK": the name goes on over
    // capitalised words and numbers that a table would read alone.
    let last = c.last;
    for (let k = c.last + 1; k <= c.last + MAX_NAME_TOKENS; k++) {
      const t = this.token(k);
      if (!t || t.sentence !== this.token(c.first)?.sentence || this.claimed[k] || !(isCapitalized(t) || /^\d+$/.test(t.value)) || NOT_NAME_WORDS.has(t.lower)) break;
      last = k;
    }
    const name = c.name(last);
    const id = this.addMention(last === c.last ? this.organizationId(c) : slugify(name), 'organization', c.first, last, undefined, 'classifier+name', false, 'name');
    this.acronymDefinition(last + 1, id, 'organization');
    // ("the journal Language Learning and Technology": after everyday words, "and" goes on with one title.)
    return (this.tokens.slice(c.first, last + 1).every((w) => this.lexicon.commonWords.has(w.lower)) ? undefined : this.conjoinedBody(last + 1)) ?? last + 1;
  }

  /**
   * "US team Cloud9 and Immortals", "the schools Santo Spirito and Immacolata": a name joined by "and"
   * to a classified one is a body of the same kind, when nothing else would read it (no gazetteer
   * name, given name, title or everyday capitalised word in it).
   */
  protected conjoinedBody(and: number): number | undefined {
    const a = this.token(and);
    const t = this.token(and + 1);
    if (a?.lower !== 'and' || !t || t.sentence !== a.sentence || this.lexicon.givenNames.has(t.lower) || HONORIFICS.has(t.lower) || this.titleAt(and + 1)) return undefined;
    let last = -1;
    for (let k = and + 1; k <= and + MAX_NAME_TOKENS; k++) {
      const w = this.token(k);
      if (!w || w.sentence !== a.sentence || !isCapitalized(w)) break;
      if (this.claimed[k] || NOT_NAME_WORDS.has(w.lower) || this.matchLexicon(k)) return undefined;
      last = k;
    }
    if (last < 0) return undefined;
    const name = this.text.slice(t.start, this.token(last)?.end);
    this.addMention(slugify(name), 'organization', and + 1, last, undefined, 'classifier+name', false, 'name');
    return last + 1;
  }

  /** "Defence Ministry", "Ministry of Defence", "the Church" (→ the church named before). */
  protected organizationByHead(c: Chunk): number | undefined {
    const ofLast = this.orgWithOf(c.first);
    if (!ORGANIZATION_HEADS.has(c.head) && ofLast === undefined) return undefined;
    const tail = ofLast ?? this.ofTail(c.last);
    const orgLast = (this.bodyHolder(c.first, tail) ?? tail + 1) - 1;
    if (orgLast === c.first) {
      const earlier = this.recentOrganization((m) => m.text.toLowerCase().split(/\s+/).includes(c.head) && m.firstToken !== m.lastToken);
      if (earlier && !c.sentenceStart) this.addMention(earlier, 'organization', c.first, c.first, undefined, 'org-head-anaphor', false, 'name');
      return c.last + 1;
    }
    // "the Andy Warhol Foundation" after "the Andy Warhol Foundation for the Visual Arts": the same body.
    const name = c.name(orgLast);
    // "the Udvar-Hazy Center" after "the Steven F. Udvar-Hazy Center": the same body without its namesake's given name.
    const longer = this.recentOrganization((m) => m.text.startsWith(`${name} `) && OF_TAIL_LINKS.has(m.text.slice(name.length + 1).split(' ')[0] ?? ''))
      ?? (c.last > c.first ? this.recentOrganization((m) => m.text.endsWith(` ${name}`) && this.givenNameFirst(m.text.slice(0, -name.length - 1))) : undefined);
    const id = this.addMention(longer ?? slugify(name), 'organization', c.first, orgLast, undefined, 'org-head', false, 'name');
    this.acronymDefinition(orgLast + 1, id, 'organization');
    this.placesInName(id, c.first, orgLast);
    return orgLast + 1;
  }

  /**
   * "National Air and Space Museum", "Fish and Wildlife Service": "and" inside one name, whose head
   * comes after it. A first part that has a head of its own ("Refugee Council and Red Cross") is
   * a name of its own.
   */
  protected headAfterAnd(first: number, last: number): number {
    const headOf = (k: number): string => this.token(k)?.lower ?? '';
    // ("The Globe and Mail": one head word alone names no body; the name goes on past "and".)
    if (this.token(last + 1)?.lower !== 'and' || (last > first && (ORGANIZATION_HEADS.has(headOf(last)) || PLACE_HEADS.has(headOf(last))))) return last;
    const right = this.nameTokens(last + 2, 4);
    if (right < 0 || right - first >= 8 || this.token(right)?.sentence !== this.token(first)?.sentence) return last;
    return ORGANIZATION_HEADS.has(headOf(right)) || PLACE_HEADS.has(headOf(right)) ? right : last;
  }

  /** "Volgograd Arena", "Mount Fisht", "Museum of Flight", "Gulf of Mexico". */
  protected placeByHead(c: Chunk): number | undefined {
    const ofName = c.last === c.first && PLACE_HEADS.has(c.head) && this.token(c.last + 1)?.lower === 'of' ? this.ofTail(c.last) : c.last;
    if (ofName === c.first || !(PLACE_HEADS.has(c.head) || PLACE_STARTS.has(c.lowers[0] ?? ''))) return undefined;
    const id = this.addMention(slugify(c.name(ofName)), 'place', c.first, ofName, undefined, 'place-head', false, 'name');
    if (ofName > c.last) this.placesInName(id, c.first, ofName);
    // "NTU Hospital Station", "Memorial Hall Station": a station named after the site it serves holds that
    // site's name, a place of its own (nested, as a city is in "Volgograd Arena").
    const site = this.token(c.last - 1)?.lower ?? '';
    if (ofName === c.last && c.head === 'station' && c.last - 1 > c.first && (PLACE_HEADS.has(site) || SITE_HEADS.has(site))) {
      this.addNestedMention(slugify(c.name(c.last - 1)), 'place', c.first, c.last - 1, 'site-in-name');
    }
    return ofName + 1;
  }

  /** In a Title Case headline every word is capitalised: only names known from the body count. */
  protected headlineWords(c: Chunk): number | undefined {
    const t = this.token(c.first);
    // ("Acting Director, Dr. Alondra Nelson": after an honorific the run is a person's full name, capitals or not.)
    const honorific = this.token(c.first - 1);
    if (!t || !this.titleCaseSentence[t.sentence] || c.byline || (c.last > c.first && honorific !== undefined && isCapitalized(honorific) && HONORIFICS.has(honorific.lower))) return undefined;
    // "Nick Moreau" in a caption: the whole run when it is a person the body names, else word by word.
    if (c.last > c.first) this.pendingSingles.push({ first: c.first, last: c.last, rule: 'headline-person' });
    for (let k = c.first; k <= c.last; k++) this.pendingSingles.push({ first: k, last: k, rule: 'headline-name' });
    return c.last + 1;
  }

  /** "in Irving, Texas", "of Mountain View, California": not "Kate Winslet, Britain has" or "Good Morning, Vietnam". */
  protected placeBeforeRegion(c: Chunk): number | undefined {
    const prev = this.token(c.first - 1);
    const placeExpected = prev === undefined || prev.sentence !== this.token(c.first)?.sentence || PLACE_CONTEXT_WORDS.has(prev.lower) || prev.lower === 'based';
    if (!placeExpected || !this.statedRegion(c.first, c.last, undefined) || this.surnameKnown(c.head)) return undefined;
    const id = this.addMention(slugify(c.name()), 'place', c.first, c.last, undefined, 'place, region', false, 'name');
    this.placeIn(id, c.first, c.last, undefined);
    return c.last + 1;
  }

  /** "Cheng Chung-tai of Civic Passion", "Michael Tien of NPP": after "PERSON of", an organisation. */
  protected organizationOfPerson(c: Chunk): number | undefined {
    if (!c.affiliation || this.lexicon.givenNames.has(c.lowers[0] ?? '') || this.hasSyllablePair(c.first, c.last)) return undefined;
    const t = this.token(c.first);
    if (c.last === c.first && t?.pos !== 'PROPN' && !ACRONYM.test(t?.value ?? '')) return undefined;
    this.addMention(this.organizationId(c), 'organization', c.first, c.last, undefined, 'person-of-org', false, 'name');
    return c.last + 1;
  }

  /** A new organisation's id, unless one word spells one named before ("NPP" after "New People Party"). */
  protected organizationId(c: Chunk): string {
    const word = c.last === c.first ? this.token(c.first)?.value : undefined;
    return (word !== undefined ? this.recentOrganization((m) => initials(m.text) === word) : undefined) ?? slugify(c.name());
  }

  /** One word: an acronym in an organisation's place, else a surname resolved in pass 2. */
  protected singleWord(c: Chunk): number | undefined {
    if (c.last !== c.first && this.gluedEnd(c.first) !== c.last) return undefined;
    const t = this.token(c.first);
    if (t && ACRONYM.test(t.value) && !NOT_ORGANIZATION_ACRONYMS.has(t.lower) && this.acronymContext(c.first)) {
      const id = this.addMention(this.organizationId(c), 'organization', c.first, c.first, undefined, 'acronym-in-context', false, 'name');
      // "USI" after "to" or at a sentence's start names the same body as "of USI" did.
      if (!this.acronyms.has(t.value)) this.acronyms.set(t.value, { id, entityType: 'organization', kind: 'user' });
    } else this.pendingSingles.push({ first: c.first, last: c.last, rule: 'surname' });
    return c.last + 1;
  }

  /**
   * "Pan-democrat Lam Cheuk-ting", "Education Stefania Giannini": a role or a thing word is no part
   * of the name after it; "Scientologist Tom Cruise": nor is a role-like word before a given name.
   */
  protected roleWordFirst(c: Chunk): number | undefined {
    const firstWord = c.lowers[0] ?? '';
    if (this.lexicon.givenNames.has(firstWord)) return undefined;
    if (NOT_PERSON_WORDS.has(firstWord) || PERSON_ROLE_NOUNS.has(firstWord)) return c.first + 1;
    const givenAt = ROLE_SUFFIX.test(firstWord) ? c.lowers.findIndex((w, k) => k > 0 && k < c.lowers.length - 1 && this.lexicon.givenNames.has(w)) : -1;
    return givenAt > 0 ? c.first + givenAt : undefined;
  }

  /** Cues for a person; else an organisation owning a person ("Youngspiration's Baggio Leung"); else the name's shape. */
  protected personOrOrganization(c: Chunk): number {
    const { first: i, last, words, lowers, sentenceStart } = c;
    if (words.filter((w) => UPPER_START.test(w.value)).length > MAX_NAME_TOKENS) return last + 1;
    if (last > i && FOREIGN_BODY_STARTS.has(lowers[0] ?? '')) {
      this.addMention(slugify(c.name()), 'organization', i, last, undefined, 'org-start', false, 'name');
      return last + 1;
    }
    const prev = this.token(i - 1);
    const t = this.token(i);
    // "the Southeast Asian country": a region's adjective before a noun names no body.
    if (regionAdjectiveAt(this.tokens, i) === last - i + 1 && /^\p{Ll}/u.test(this.token(last + 1)?.value ?? '')) {
      this.claimed.fill(1, i, last + 1);
      return last + 1;
    }
    // ("Santiago Pena": a given name that is also a place's opens a name of two words or more; lexicon-phrases.ts left it unclaimed.)
    const given = this.lexicon.givenNames.has(lowers[0] ?? '') || INITIAL.test(words[0]?.value ?? '') || (lowers.length >= 2 && gazetteerGivenNames().has(lowers[0] ?? ''));
    const after = this.token(last + 1);
    const speaks = after !== undefined && (SPEECH_VERBS.has(after.lemma) || (after.pos === 'AUX' && SPEECH_VERBS.has(this.token(last + 2)?.lemma ?? '')));
    const role = prev !== undefined && prev.sentence === t?.sentence && (PERSON_ROLE_NOUNS.has(prev.lower) || this.titleAt(i - 1) !== undefined || (ROLE_SUFFIX.test(prev.lower) && isCapitalized(prev)));
    const syllables = this.hasSyllablePair(i, last);
    const apposition = this.appositiveRole(last);
    if (given || c.byline || speaks || role || syllables || apposition || this.surnameKnown(c.name().split(/\s+/).pop()?.toLowerCase() ?? '')) {
      if (sentenceStart && !given && !speaks && !c.byline && !syllables && !apposition) return last + 1;
      const thing = this.thingAfterName(i, last);
      if (thing !== undefined) {
        // (Without a given name, "Golden Globe Awards", "The Da Vinci Code" are things throughout: no
        // person for the trained NER to add either.)
        if (!given) {
          this.claimed.fill(1, i, last + 1);
          return last + 1;
        }
        this.addPerson(i, thing - 1, 'given-name');
        return thing;
      }
      const rule = c.byline ? 'byline' : given ? 'given-name' : role ? 'role+name' : speaks ? 'name+verb' : 'name-shape';
      const person = rule === 'name-shape' ? this.shapePerson(i, last) : this.addPerson(i, last, rule);
      if (c.byline) this.bylineOutlet(person, last + 1);
      return last + 1;
    }
    // ("Sir Cliff Richards' Mistletoe and Wine": after an honorific, a possessor is a person.)
    if (prev !== undefined && isCapitalized(prev) && HONORIFICS.has(prev.lower) && last > i && !sentenceStart) {
      this.addPerson(i, last, 'honorific+name');
      return last + 1;
    }
    const possessor = (after?.value === "'s" || after?.value === "'") && this.token(last + 2) !== undefined && isCapitalized(this.token(last + 2) as Token);
    // "the Sea Org", "the Velvet Underground": people are seldom named with "the"; bodies often are.
    const definite = prev?.lower === 'the' && !sentenceStart && !lowers.some((w) => NOT_PERSON_WORDS.has(w));
    if (possessor || definite) {
      this.addMention(slugify(c.name()), 'organization', i, last, undefined, possessor ? 'org-possessive' : 'the+name', false, 'name');
      return last + 1;
    }
    // Two to four capitalised words with nothing that makes them a thing: in news, a person's name.
    // At a sentence's start every word is capitalised, so there wink must read all of them as names.
    // ("African-American", "Wal-Mart": one hyphenated word is an adjective or a brand, not a full name;
    // after "Mr" it is a surname: "Mr Kilroy-Silk".)
    // ("English Wikipedia", "Kenyan Airways": a demonym, or a word shaped like one, opening two capitalised words makes them no person's name.)
    const demonymFirst = this.lexicon.phrases.get(words[0]?.value ?? '')?.kind === 'demonym' || /^\p{Lu}\p{Ll}+(?:ish|ese)$/u.test(words[0]?.value ?? '');
    const nameShaped = !demonymFirst && !lowers.some((w) => NOT_PERSON_WORDS.has(w)) && words.every((w) => !ACRONYM.test(w.value))
      && !lowers.every((w) => this.lexicon.commonWords.has(w) || !LETTER.test(w)) && (/\s/.test(c.name()) || HONORIFICS.has(prev?.lower ?? ''));
    // ("Warhol Polaroid exhibits": the surname of a person named in full, opening words no cue makes a
    // name, is that person, modifying what follows; not a new person's given name.)
    const surnamed = nameShaped && last > i ? this.personBySurname(lowers[0] ?? '') : undefined;
    if (surnamed && surnamed.last === lowers[0] && !this.shapeOnly.has(surnamed.id)) {
      this.addMention(surnamed.id, 'person', i, i, undefined, 'surname', false, 'name');
      this.personToken[i] = 1;
      return i + 1;
    }
    if (nameShaped && (!sentenceStart || words.every((w) => w.pos === 'PROPN' || w.value === '-' || !UPPER_START.test(w.value)))) {
      this.shapePerson(i, last);
    }
    return last + 1;
  }

  /** Whether words open with a given name or an initial ("Steven F.", "J."). */
  protected givenNameFirst(words: string): boolean {
    const first = words.split(/\s+/)[0] ?? '';
    return this.lexicon.givenNames.has(first.toLowerCase()) || INITIAL.test(first);
  }

  /**
   * "the United Nations High Commissioner for Refugees", "BBC World Service": a known body whose name
   * opens a longer body's name is named there too, as a nested mention (the agency is part of it).
   */
  protected bodyOpeningName(id: string, first: number, last: number): void {
    const a = this.token(first);
    if (!a) return;
    for (let k = last - 1; k >= first; k--) {
      const b = this.token(k);
      const inner = b ? this.lexicon.phrases.get(normalizeSurface(this.text.slice(a.start, b.end))) : undefined;
      if (!inner || inner.kind !== 'organization' || inner.id === id) continue;
      this.addNestedMention(inner.id, 'organization', first, k, 'organization-in-name');
      return;
    }
  }

  /**
   * "George Floyd Justice in Policing Act", "James Webb Space Telescope", "Jeff McBride Experience in
   * Eureka Springs": a name of two words or more runs on into a thing named after the person. It ends
   * before the first everyday noun (a thing's word, or one the article also writes in lowercase) when
   * the words from there, with the title they open ("… in Policing Act"), hold a thing's, body's or
   * place's head word. Returns that noun's token.
   */
  protected thingAfterName(i: number, last: number): number | undefined {
    for (let k = i + 2; k <= last; k++) {
      const t = this.token(k);
      // ("Nicholas Betts-Green": a word hyphened to the one before is part of a double surname.)
      const joined = this.token(k - 1)?.value === '-' && this.token(k - 1)?.end === t?.start;
      if (!t || joined || !isCapitalized(t) || !this.lexicon.commonWords.has(t.lower) || this.lexicon.givenNames.has(t.lower) || NAME_SUFFIXES.has(this.token(k + 1)?.lower ?? '')) continue;
      if (this.tokens.slice(i, k).filter((w) => isCapitalized(w)).length < 2) continue;
      if (!NOT_PERSON_WORDS.has(t.lower) && !this.lowercaseWords.has(t.lower)) continue;
      let end = last;
      if (THING_TITLE_LINKS.has(this.token(last + 1)?.lower ?? '')) {
        let j = last + 2;
        for (let w = this.token(j); w && w.sentence === t.sentence && isCapitalized(w); w = this.token(j)) j++;
        end = j - 1;
      }
      for (let j = k; j <= end; j++) {
        const w = this.token(j)?.lower ?? '';
        if (NOT_PERSON_WORDS.has(w) || ORGANIZATION_HEADS.has(w) || PLACE_HEADS.has(w)) return k;
      }
      return undefined;
    }
    return undefined;
  }

  /** "Hilary Braysmith, USI associate professor of art history": a role in apposition makes a person. */
  protected appositiveRole(last: number): boolean {
    return this.inApposition(last, (t, k) => PERSON_ROLE_NOUNS.has(t.lower) || this.titleAt(k) !== undefined, false);
  }

  /** "X of" or "X from" right after a person's name: what follows is where they belong. */
  protected afterPersonAffiliation(i: number): boolean {
    let k = i - 1;
    if (this.token(k)?.lower === 'the') k--;
    const link = this.token(k);
    return link !== undefined && ((AFFILIATION_WORDS.has(link.lower) && this.personToken[k - 1] === 1) || this.afterApposedWork(k, i) || this.apposedOwner(i));
  }

  /**
   * "Robert Benmosche, Metlife's chairman", "Alyn Hockey, Clearswift's director of research": a name
   * with "'s" before a word of work, in an apposition to a person, owns the post: an organisation.
   * (A person's aide, "Margaret Thatcher's former press secretary", starts with a given name, which
   * organizationOfPerson leaves to the person readings.)
   */
  private apposedOwner(name: number): boolean {
    let k = name - 1;
    if (this.token(k)?.lower === 'the') k--;
    if (this.token(k)?.value !== ',' || this.personToken[k - 1] !== 1) return false;
    let end = name;
    while (end < name + 3 && this.token(end + 1) && isCapitalized(this.token(end + 1) as Token) && this.token(end + 1)?.sentence === this.token(name)?.sentence) end++;
    const owner = this.token(end + 1);
    if (owner?.value !== "'s" && owner?.value !== "'") return false;
    for (let j = end + 2; j <= end + 1 + APPOSED_WORK_REACH; j++) {
      const w = this.token(j);
      if (!w || w.sentence !== owner.sentence || !/^\p{Ll}/u.test(w.value)) return false;
      if (KIN_WORDS.has(w.lower)) return false;
      if (PERSON_ROLE_NOUNS.has(w.lower) || WORK_NOUNS.has(w.lower) || this.titleAt(j) !== undefined) return true;
      // (Adjectives only before it: "Jarek's younger sister and a fellow band member" is kin.)
      if (w.pos !== 'ADJ') return false;
    }
    return false;
  }

  /**
   * "Tim Congdon, economist at ING Barings", "X, an analyst with ABN Amro", "X, chief executive of EMI
   * Music": the link after a word of work in an apposition to a person, so what follows is where
   * the person works. ("of" only after the head of a body: "head of Distribution" names a portfolio.)
   */
  private afterApposedWork(link: number, name: number): boolean {
    const word = this.token(link);
    const work = this.token(link - 1);
    if (!word || !work || !WORK_LINKS.has(word.lower) || (word.lower === 'of' && !BODY_HEAD_WORDS.has(work.lower)) || SEAT_HOLDERS.has(work.lower)) return false;
    if (!PERSON_ROLE_NOUNS.has(work.lower) && !WORK_NOUNS.has(work.lower) && this.titleAt(link - 1) === undefined) return false;
    // ("founder of Jewish human rights group X", "Lee's POW! Entertainment": the capitalised words
    // are a modifier or an owner of the body named after them.)
    let end = name;
    while (this.token(end + 1) && isCapitalized(this.token(end + 1) as Token) && this.token(end + 1)?.sentence === word.sentence) end++;
    const after = this.token(end + 1);
    if (after && (after.value === "'s" || (['NOUN', 'ADJ'].includes(after.pos) && /^\p{Ll}/u.test(after.value)))) return false;
    for (let j = link - 2; j >= link - 1 - APPOSED_WORK_REACH; j--) {
      const w = this.token(j);
      if (!w || w.sentence !== word.sentence) return false;
      if (w.value === ',') return this.personToken[j - 1] === 1;
      if (!/^\p{Ll}/u.test(w.value)) return false;
    }
    return false;
  }

  /** An unknown acronym names an organisation after "of", "the", "from" … or before "'s". */
  protected acronymContext(i: number): boolean {
    const prev = this.token(i - 1);
    const next = this.token(i + 1);
    return (prev !== undefined && ACRONYM_CONTEXT.has(prev.lower)) || next?.value === "'s";
  }

  protected bodyHolder(first: number, last: number): number | undefined {
    return holderAfterBody(this.tokens, first, last, this.named, (w) => this.lexicon.phrases.has(w), (w) => this.lexicon.givenNames.has(w));
  }

  protected orgWithOf(i: number): number | undefined {
    const first = this.token(i);
    if (!first || this.token(i + 1)?.lower !== 'of') return undefined;
    // "Daughters of the American Revolution", "Friends of the Earth": a group named by a plural.
    const pluralGroup = /^\p{Lu}\p{Ll}{2,}s$/u.test(first.value) && this.doc.sentences[first.sentence]?.firstToken !== i
      && !this.lexicon.givenNames.has(first.lower) && !NOT_PERSON_WORDS.has(first.lower);
    if (!ORGANIZATION_STARTS.has(first.lower) && !pluralGroup) return undefined;
    const end = this.ofTail(i);
    return end > i ? end : undefined;
  }

  protected bylineOutlet(person: string, k: number): void {
    let j = k;
    while (this.token(j) && !LETTER.test(this.token(j)?.value ?? '') && this.token(j)?.sentence === this.token(k)?.sentence) j++;
    const outlet = this.matchLexicon(j);
    if (outlet && outlet.entry.entityType === 'organization') {
      this.addLexiconMention(outlet.entry, j, outlet.last, outlet.end, false);
      this.fact(person, 'member_of', outlet.entry.id, j, 'by', 'byline');
    }
  }
}
