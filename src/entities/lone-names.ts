// Entities, pass 2: lone words (surnames, acronyms, unknown one-word names) read once the whole document is known.
import type { EntityType, Token } from '../types';
import { slugify } from './slug';
import { AMBIGUOUS_SHORT_FORMS, GROUP_NOUNS, NAME_CONNECTORS, CLOSING_QUOTES, INVERTED_SPEECH, LOCATIVE_PREPOSITIONS, NOT_PERSON_WORDS, ORGANIZATION_HEADS, ORGANIZATION_STARTS, PERSON_ROLE_NOUNS, PLACE_HEADS } from './tables';
import {
  STATE_NOUNS,
  MAX_NAME_TOKENS, LETTER, UPPER_START, ACRONYM, NOT_A_LONE_NAME, SPECIES_EPITHET, CONTRACTION, THING_SHAPE, THING_SUFFIX, NAME_LINKS, LONE_PLACE_PREPOSITIONS,
  HYPHEN_WORD, SITE_TYPES, PLACE_CONTEXT_WORDS, CITY_PARTS, isCapitalized, type PersonRecord,
} from './words';
import { NameReading } from './names';

/**
 * A word the article writes in lowercase is no name, unless its capitalised lone uses outnumber
 * the lowercase ones this many times ("Scientology" eight times, "the scientology website" in a quote).
 */
const LOWERCASE_RATIO = 3;

/** Nouns after a name that make it a body's name ("the M5S party", "the D12 band"). */
const BODY_NOUNS: ReadonlySet<string> = new Set(['party', 'movement', 'company', 'firm', 'group', 'band', 'club', 'team', 'union', 'agency']);

/** Lowercase kinds of place that name one before "of" or after its name ("the town of X", "the X region"). */
const PLACE_KIND_NOUNS: ReadonlySet<string> = new Set(['town', 'city', 'village', 'region', 'province', 'county', 'district', 'island', 'state', 'capital', 'port', 'suburb', 'municipality', 'prefecture', 'valley', 'river']);


/** Lowercase particles inside names besides the connectors ("David dal Maso", "José Ortega y Gasset", "Robin van der Ploeg"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(['dal', 'dei', 'degli', 'do', 'e', 'y', 'ter', 'op', 'zu', 'bint', 'abu', 'ben', 'ap', 'af']);

/** Lowercase particles a surname may carry before it ("von der Leyen", "van Gaal", "de Mistura"); the id decides how many. */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set([...[...NAME_CONNECTORS].filter((w) => !['of', 'for', 'and', '&'].includes(w)), ...NAME_PARTICLES]);

const CLOSING_APOSTROPHES: ReadonlySet<string> = new Set(["'", '’']);

const WEEKDAYS: ReadonlySet<string> = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Determiners before a body's head word that make it name the body ("the House", "this Senate"). */
const BODY_DETERMINERS: ReadonlySet<string> = new Set(['the', 'this']);

/** Pass 2: lone names resolved against the people, bodies and places the document names in full. */
export abstract class LoneNameReading extends NameReading {
  protected resolveSingles(): void {
    for (const s of this.pendingSingles) {
      if (this.claimed[s.first]) continue;
      const t = this.token(s.first);
      if (!t) continue;
      if (s.rule === 'headline-person') {
        this.headlinePeople(s.first, s.last);
        continue;
      }
      const country = this.countryNamedInFull(t.value);
      if (country) {
        this.addMention(country, 'country', s.first, s.last, undefined, 'short-form', false, 'lexicon');
        continue;
      }
      // An acronym the article uses as an organisation's name elsewhere, written before that use.
      const acronym = s.first === s.last && s.rule === 'surname' ? this.acronyms.get(t.value) : undefined;
      if (acronym && acronym.entityType === 'organization') {
        this.addMention(acronym.id, 'organization', s.first, s.last, undefined, 'acronym-in-document', false, 'name');
        continue;
      }
      const body = s.first === s.last && s.rule === 'surname' ? this.bodyByHeadWord(s.first) : undefined;
      if (body) {
        this.addMention(body.entity, 'organization', body.first, s.last, undefined, 'org-head-word', false, 'name');
        continue;
      }
      // ("Ličen": one word over the tokens the tokenizer split it into.)
      const word = this.text.slice(t.start, this.token(s.last)?.end);
      const lower = word.toLowerCase();
      const found = this.personBySurname(lower) ?? this.persons.get(slugify(word)) ?? (s.first === s.last && s.rule !== 'headline-name' ? this.personBySpelling(lower) : undefined);
      // ("Magic" after "Hollywood Magic": a word the article also writes in lowercase is no surname of a
      // person read from a name's shape alone; such a "name" was more likely a thing's.)
      const known = found && this.shapeOnly.has(found.id) && this.lowercaseWords.has(lower) ? undefined : found;
      if (known) {
        this.addMention(known.id, 'person', this.withParticles(known.id, s.first, lower), s.last, undefined, s.rule, false, 'name');
        continue;
      }
      // ("Bill, you're a good friend", "Thank you, Bill." after "Bill Nelson": a lone given name called out
      // to, no everyday word, is the one person of the story named in full with it; not a word that is
      // also someone's surname here, "Mohamed" beside Ahmed Mohamed and Mohamed El Hassan Mohamed.)
      const first = s.first === s.last && s.rule === 'surname' && this.vocative(s.first) && this.lexicon.givenNames.has(lower) && !this.lexicon.commonWords.has(lower)
        && !this.surnameKnown(lower) ? this.onlyPerson((p) => p.first === lower && p.tokens >= 2) : undefined;
      if (first) {
        this.addMention(first.id, 'person', s.first, s.last, undefined, 'given-name-alone', false, 'name');
        this.personToken[s.first] = 1;
        continue;
      }
      const notable = this.notablePerson(lower);
      if (notable) {
        this.addMention(notable.id, 'person', s.first, s.last, notable.label, 'known-surname', false, 'name');
        this.personToken.fill(1, s.first, s.last + 1);
        continue;
      }
      if (s.rule === 'headline-name') continue;
      // A lone unknown capitalised word acts as a person when it speaks: "Zelenskyy said". At a
      // sentence's start an everyday word is capitalised anyway: "Reporters said" names nobody.
      const after = this.token(s.last + 1);
      const sentenceStart = this.doc.sentences[t.sentence]?.firstToken === s.first;
      const speaks = after !== undefined && (after.lemma === 'say' || after.lemma === 'tell' || after.lemma === 'add') && t.pos === 'PROPN' && !GROUP_NOUNS.has(t.lower) && !NOT_PERSON_WORDS.has(t.lower);
      if (speaks && !(sentenceStart && this.lexicon.commonWords.has(t.lower))) {
        this.addPerson(s.first, s.last, 'name+said');
        continue;
      }
      const cue = this.personCueAround(s.first, s.last);
      if (cue && t.pos === 'PROPN' && !this.lexicon.commonWords.has(t.lower) && !GROUP_NOUNS.has(t.lower) && !NOT_PERSON_WORDS.has(t.lower)) this.addPerson(s.first, s.last, cue);
    }
    this.resolveLoneNames();
  }

  /**
   * "Trump and von der Leyen": the lowercase particles before a surname that the person's full name
   * has before it too belong to the mention, so that the name is one phrase ("and" joins it whole).
   */
  private withParticles(id: string, first: number, surname: string): number {
    let k = first;
    const particles: string[] = [];
    while (k - 1 >= 0 && SURNAME_PARTICLES.has(this.token(k - 1)?.value ?? '') && this.token(k - 1)?.sentence === this.token(first)?.sentence) {
      particles.unshift(this.token(k - 1)?.value ?? '');
      k--;
    }
    // Only as many as the full name has: "met von der Leyen" (both), never a sentence's "de" of another name.
    while (particles.length > 0 && !id.endsWith(`-${slugify([...particles, surname].join(' '))}`)) {
      particles.shift();
      k++;
    }
    return k;
  }

  /**
   * "Demosisto's Nathan Law", "Chelsea's Damien Duff": a lone word the NER reads as a person that owns
   * a person named in full right after it (a given name we know) is that person's party, club or
   * employer, an organisation. Recorded so; returns whether it was.
   */
  protected nerBody(k: number): boolean {
    const t = this.token(k);
    const mark = this.token(k + 1);
    const owned = this.token(k + 2);
    const owner = t !== undefined && mark !== undefined && (mark.value === "'s" || mark.value === '’s') && mark.start === t.end && owned !== undefined
      && owned.sentence === t.sentence && this.personToken[owned.index] === 1 && this.personToken[owned.index + 1] === 1 && this.lexicon.givenNames.has(owned.lower);
    if (!t || !owner) return false;
    this.addMention(slugify(t.value), 'organization', k, k, undefined, 'owner-of-person', false, 'name');
    return true;
  }

  /** "Bill, you're …", "Thank you, Bill.": a word called out to, between a sentence's start or a comma and a comma or the sentence's end. */
  protected vocative(k: number): boolean {
    const t = this.token(k);
    const before = this.token(k - 1);
    const after = this.token(k + 1);
    if (!t || !after || after.sentence !== t.sentence) return false;
    const opens = this.doc.sentences[t.sentence]?.firstToken === k || before?.value === ',';
    return opens && (after.value === ',' || (before?.value === ',' && ['.', '!', '?'].includes(after.value)));
  }

  /**
   * "Pelosi Floor Speech in Support of the George Floyd Justice in Policing Act": in a Title Case run,
   * the longest words that spell a person the body names in full, wherever they start in the run.
   */
  protected headlinePeople(first: number, last: number): void {
    for (let k = first; k < last; k++) {
      const a = this.token(k);
      if (!a || this.claimed[k] || !isCapitalized(a)) continue;
      for (let e = Math.min(last, k + MAX_NAME_TOKENS - 1); e > k; e--) {
        const known = this.persons.get(slugify(this.text.slice(a.start, this.token(e)?.end)));
        if (!known || known.tokens !== e - k + 1 || this.claimedWithin(k, e)) continue;
        this.addMention(known.id, 'person', k, e, undefined, 'headline-name', false, 'name');
        this.personToken.fill(1, k, e + 1);
        k = e;
        break;
      }
    }
  }

  /**
   * People the trained NER found where no rule put a mention ("Nick Bos", "Scarne"). A lone word
   * that is an everyday word, a title, a role or a group noun ("Senator", "MP") is left alone: those are
   * the NER's common mistakes. Its organisations and places are not added: on GUM they lower
   * precision more than they raise recall (organisation F1 59.2 → 59.6, KG node precision
   * 74.5% → 72.3%), and the rules type places better (F1 76.5 against the NER's 67.9).
   */
  protected peopleNoRuleFound(): void {
    // (Not a word with an apostrophe after it: "Robbies'" is a possessive, misspelt.)
    // (Made when first asked for: most documents never ask.)
    let values: ReadonlySet<string> | undefined;
    const allValues = (): ReadonlySet<string> => (values ??= new Set(this.tokens.filter((t) => !CLOSING_APOSTROPHES.has(this.token(t.index + 1)?.value ?? '')).map((t) => t.value)));
    for (let i = 0; i < this.tokens.length; i++) {
      if (this.named.first[i] !== i || this.named.type[i] !== 'PER') continue;
      let last = this.named.last[i] as number;
      // ("interviewed by Wikinews Saturday": a weekday the NER ran into is no part of a name; a month
      // may be one: "Theresa May".)
      while (last > i && WEEKDAYS.has(this.token(last)?.lower ?? '')) last--;
      const a = this.token(i);
      if (!a || !UPPER_START.test(a.value) || this.thingAcronyms.has(a.value) || this.craftNames.has(this.token(last)?.value ?? '') || this.claimedWithin(i, last)) continue;
      // ("Birdie -- and they called me The Poet": a span with a lowercase word or a dash standing apart in it is no name.)
      if (this.tokens.slice(i + 1, last + 1).some((w) => !isCapitalized(w) && !NAME_CONNECTORS.has(w.lower) && !NAME_PARTICLES.has(w.lower) && w.start !== this.token(w.index - 1)?.end && w.end !== this.token(w.index + 1)?.start)) continue;
      // ("the Polaroid camera" beside "the Polaroids": a lone name the article also makes plural names a
      // product, not one person; "the Sams" beside a Gloria Sam named in full are a family.)
      if (i === last && this.madePlural(a, allValues())) continue;
      if (i === last && (this.lexicon.commonWords.has(a.lower) || PERSON_ROLE_NOUNS.has(a.lower) || GROUP_NOUNS.has(a.lower) || NOT_PERSON_WORDS.has(a.lower) || this.titleAt(i))) continue;
      if (i === last && this.nerBody(i)) continue;
      this.addPerson(i, last, 'ner:person');
    }
  }

  /**
   * "Lindsay Davenport … Davenport defeated Zheng", "Valeska Paris … Paris claims": a lone place's
   * name (gazetteer or capital) that is the surname of one person the article names in full (with a
   * given name we know, or read by `placeSurname`) is that person, where no word around it asks for
   * a place ("in Paris", "flew to Davenport", "Davenport, Iowa", "the town of …", "downtown Paris").
   */
  protected placeSurnames(): void {
    const bySurname = new Map<string, PersonRecord | null>();
    for (const p of this.persons.values()) {
      if (p.tokens < 2 || !(this.lexicon.givenNames.has(p.first) || this.placeSurnamed.has(p.id))) continue;
      bySurname.set(p.last, bySurname.has(p.last) && bySurname.get(p.last)?.id !== p.id ? null : p);
    }
    if (bySurname.size === 0) return;
    const d = this.draft;
    const moved = new Map<string, PersonRecord>();
    for (const m of d.mentions) {
      if (m.firstToken !== m.lastToken || (m.entityType !== 'place' && m.entityType !== 'country') || !(m.rule.startsWith('lexicon:') || m.rule === 'lone-name:place')) continue;
      const t = this.token(m.firstToken);
      const person = t ? bySurname.get(t.lower) : undefined;
      if (!t || !person || !this.personMentioned(person.id) || this.placeAsked(m.firstToken)) continue;
      // (Inside a longer mention, "Paris" in "the Paris Agreement", it is that name's part.)
      if (d.mentions.some((o) => o !== m && o.firstToken <= m.firstToken && o.lastToken >= m.lastToken && o.lastToken > o.firstToken)) continue;
      moved.set(`${m.firstToken}|${m.entity}`, person);
    }
    if (moved.size === 0) return;
    const from = new Set<string>();
    d.mentions = d.mentions.map((m) => {
      const person = m.firstToken === m.lastToken ? moved.get(`${m.firstToken}|${m.entity}`) : undefined;
      if (!person) return m;
      from.add(m.entity);
      this.noteName(person.id, m.text, 'person', undefined);
      this.personToken[m.firstToken] = 1;
      return { ...m, entity: person.id, entityType: 'person', rule: 'place-surname' };
    });
    d.references = d.references.map((r) => {
      const person = r.firstToken === r.lastToken ? moved.get(`${r.firstToken}|${r.entity}`) : undefined;
      return person ? { ...r, entity: person.id, entityType: 'person', via: 'name', modifier: false } : r;
    });
    // The place keeps a record only while a mention of it is left.
    for (const id of from) if (!d.mentions.some((m) => m.entity === id)) d.aliases.delete(id);
  }

  /** Whether some mention names the person (a record with no mention left is no one of this document). */
  private personMentioned(id: string): boolean {
    return this.draft.mentions.some((m) => m.entity === id && m.entityType === 'person');
  }

  /** Words around token k that ask for a place: a locative word before it (with "the" between or not), a region or place head after, a part of a city. */
  private placeAsked(k: number): boolean {
    const t = this.token(k);
    const inSentence = (w: Token | undefined): w is Token => w !== undefined && t !== undefined && w.sentence === t.sentence;
    let before = this.token(k - 1);
    if (inSentence(before) && before.lower === 'the') before = this.token(k - 2);
    if (inSentence(before) && (LOCATIVE_PREPOSITIONS.has(before.lower) || PLACE_CONTEXT_WORDS.has(before.lower) || CITY_PARTS.has(before.lower))) return true;
    const after = this.token(k + 1);
    return this.placeCue(k) || this.regionAfter(k) !== undefined || (inSentence(after) && PLACE_HEADS.has(after.lower));
  }

  /**
   * Whether the article also writes the word made plural ("Polaroids", "Oscars"), and the plural is no
   * family ("the Sams" of a Gloria Sam) and no one's surname ("Ebbers" beside a stray "Ebber"): "Oscar"
   * beside "the Oscars" is the award.
   */
  private madePlural(t: Token, values: ReadonlySet<string>): boolean {
    const plural = [`${t.value}s`, `${t.value}es`].find((v) => values.has(v));
    if (plural === undefined || this.familyName(t.lower)) return false;
    for (const p of this.persons.values()) if (p.last === plural.toLowerCase()) return false;
    return true;
  }

  /**
   * "the Andy Warhol Foundation", "Trump Tower": a person the article names, inside the name of a
   * body or a place, is a nested mention of that person (no actor of its own there).
   */
  protected peopleInNames(): void {
    const mentioned = new Set(this.draft.mentions.map((m) => m.entity));
    const people = [...this.persons.values()].filter((p) => p.tokens >= 2 && mentioned.has(p.id));
    if (people.length === 0) return;
    const byLabel = new Map(people.map((p) => [p.label, p]));
    const bySurname = new Map<string, PersonRecord | null>();
    for (const p of people) bySurname.set(p.last, bySurname.has(p.last) && bySurname.get(p.last)?.id !== p.id ? null : p);
    for (const m of [...this.draft.mentions]) {
      if ((m.entityType !== 'organization' && m.entityType !== 'place') || m.lastToken === m.firstToken) continue;
      for (let k = m.firstToken; k < m.lastToken; k++) {
        const a = this.token(k);
        if (!a || !isCapitalized(a)) continue;
        let found: { person: PersonRecord; last: number } | undefined;
        for (let e = Math.min(m.lastToken - 1, k + MAX_NAME_TOKENS - 1); e >= k && !found; e--) {
          const text = this.text.slice(a.start, this.token(e)?.end);
          const p = byLabel.get(text) ?? (e === k ? bySurname.get(a.lower) ?? undefined : undefined);
          if (p) found = { person: p, last: e };
        }
        if (!found) continue;
        this.addNestedMention(found.person.id, 'person', k, found.last, 'person-in-name');
        k = found.last;
      }
    }
  }

  /**
   * A lone name that the words around it make a person: inverted attribution ("…,” said Mauer.",
   * "…, says Peres,") or apposition to a role or kinship noun ("his brother, Philonise, asked").
   * Returns the rule, or undefined.
   */
  protected personCueAround(first: number, last: number): string | undefined {
    const before = this.token(first - 1);
    const after = this.token(last + 1);
    const closes = after === undefined || after.value === ',' || after.value === '.' || after.sentence !== this.token(last)?.sentence;
    if (!closes || !before) return undefined;
    const opener = this.token(first - 2);
    if (INVERTED_SPEECH.has(before.lower) && opener !== undefined && (opener.value === ',' || CLOSING_QUOTES.has(opener.value))) return 'said+name';
    if (before.value === ',' && opener !== undefined && PERSON_ROLE_NOUNS.has(opener.lower) && !/s$/.test(opener.lower)) return 'role, name';
    return undefined;
  }

  /**
   * "the House" in an article that names the House of Representatives, "this Senate" after "the
   * United States Senate": a capitalised head word of a body's name, after "the" or "this", is the
   * one body of the article whose name holds it (named before or after). Returns the mention's
   * first token ("this" is part of it, "the" is not) and the entity.
   */
  protected bodyByHeadWord(k: number): { first: number; entity: string } | undefined {
    const t = this.token(k);
    const before = this.token(k - 1);
    if (!t || !before || !BODY_DETERMINERS.has(before.lower) || !(ORGANIZATION_HEADS.has(t.lower) || ORGANIZATION_STARTS.has(t.lower))) return undefined;
    if (this.doc.sentences[t.sentence]?.firstToken === k || this.titleCaseSentence[t.sentence]) return undefined;
    let entity: string | undefined;
    for (const m of this.draft.mentions) {
      if (m.entityType !== 'organization' || m.lastToken === m.firstToken || !m.text.toLowerCase().split(/\s+/).includes(t.lower)) continue;
      if (entity !== undefined && entity !== m.entity) return undefined;
      entity = m.entity;
    }
    return entity === undefined ? undefined : { first: before.lower === 'the' ? k : k - 1, entity };
  }

  /** "Daughters of the American Revolution", "Science and Technology": the word is part of a longer name. */
  protected insideLongerName(k: number): boolean {
    // ("See the LibriVox catalog": a sentence's first word is capitalised anyway, a name only when wink reads one.)
    const linked = (link: Token | undefined, other: Token | undefined): boolean =>
      link !== undefined && other !== undefined && NAME_LINKS.has(link.lower) && isCapitalized(other) && link.sentence === other.sentence
      && (other.pos === 'PROPN' || this.doc.sentences[other.sentence]?.firstToken !== other.index);
    return linked(this.token(k + 1), this.token(k + 2)) || linked(this.token(k - 1), this.token(k - 2));
  }

  /**
   * "the Masjid Al-Haram (Grand Mosque)", "CEI (Italian Episcopal Conference)": a name of the same
   * kind in brackets right after a name is another name of it.
   */
  protected mergeParentheticals(): void {
    const byFirstToken = new Map(this.draft.mentions.map((m) => [m.firstToken, m]));
    for (const m of [...this.draft.mentions]) {
      const inner = byFirstToken.get(m.lastToken + 2);
      if (this.token(m.lastToken + 1)?.value !== '(' || !inner || this.token(inner.lastToken + 1)?.value !== ')') continue;
      // a building is read as an organisation or a place depending on its head word: either way one site
      const sameKind = inner.entityType === m.entityType || (SITE_TYPES.has(inner.entityType) && SITE_TYPES.has(m.entityType));
      if (!sameKind || inner.entity === m.entity) continue;
      const innerKnown = this.lexicon.entities.has(inner.entity) && !this.lexicon.entities.has(m.entity);
      if (innerKnown) this.mergeEntity(m.entity, inner.entity);
      else this.mergeEntity(inner.entity, m.entity);
    }
  }

  /** "Korea" in an article that names "South Korea" (and not North Korea). */
  protected countryNamedInFull(surface: string): string | undefined {
    const row = AMBIGUOUS_SHORT_FORMS.find((r) => r.surface === surface);
    const named = row?.candidates.filter((id) => this.draft.aliases.has(id)) ?? [];
    return named.length === 1 ? named[0] : undefined;
  }

  /**
   * "Ubisoft", "Kowloon", "Wikinews": one capitalised word that no table knows, that wink reads as a
   * proper noun everywhere, that stands mid-sentence at least once and that the article never
   * writes in lowercase, is a name. In a place's position it is a place; else, since people are
   * introduced by full names, an organisation (a company, a site, a group).
   */
  protected resolveLoneNames(): void {
    const open = this.pendingSingles.filter((s) => s.rule === 'surname' && !this.claimed[s.first]);
    if (open.length === 0) return;
    // Lowercase uses, by word; a part of a web or newsgroup address ("alt.religion.scientology") is none.
    const lowercase = new Map<string, number>();
    for (const t of this.tokens) {
      const prev = this.token(t.index - 1);
      if (t.value !== t.lower || (prev && prev.end === t.start && (prev.value === '.' || prev.value === '/'))) continue;
      lowercase.set(t.lower, (lowercase.get(t.lower) ?? 0) + 1);
    }
    // (Made when first asked for: only a plural-looking name asks.)
    let capitalized: ReadonlySet<string> | undefined;
    const capitalizedWords = (): ReadonlySet<string> => (capitalized ??= new Set(this.tokens.filter((t) => t.value !== t.lower).map((t) => t.value)));
    const bySurface = new Map<string, number[]>();
    for (const s of open) {
      const value = this.token(s.first)?.value ?? '';
      bySurface.set(value, [...(bySurface.get(value) ?? []), s.first]);
    }
    for (const [value, at] of bySurface) {
      // "the Church of Scientology" once among twenty lone "Scientology": that one is part of a longer
      // name, the others stand alone; a word found mostly inside longer names is only a part of them.
      const every = at.map((k) => this.token(k) as Token);
      const tokens = every.filter((t) => !this.insideLongerName(t.index));
      const lower = value.toLowerCase();
      const name = tokens.length * 2 > every.length && tokens.every((t) => t.pos === 'PROPN') && (lowercase.get(lower) ?? 0) * LOWERCASE_RATIO < every.length && value.length > 2
        && LETTER.test(value) && !this.lexicon.commonWords.has(lower) && !NOT_PERSON_WORDS.has(lower) && !PERSON_ROLE_NOUNS.has(lower)
        && !GROUP_NOUNS.has(lower) && (!this.lexicon.givenNames.has(lower) || tokens.every((t) => this.betweenPlaces(t.index))) && !ACRONYM.test(value) && !HYPHEN_WORD.test(lower)
        && !NOT_A_LONE_NAME.test(lower) && !CONTRACTION.test(value) && !this.thingAcronyms.has(value)
        // ("the Gulf state": a word before a noun for a state describes the state.)
        && !tokens.every((t) => STATE_NOUNS.has(this.token(t.index + 1)?.value ?? ''));
      // "Ubisoft, Microsoft, and PlayStation": in a list, a name is of its neighbours' kind.
      const partner = tokens.map((t) => this.listPartner(t.index)).find((type) => type !== undefined);
      const seenMidSentence = tokens.some((t) => this.doc.sentences[t.sentence]?.firstToken !== t.index && !this.titleCaseSentence[t.sentence]);
      // ("Wikinews interviews …", "Wikinews has learned": a name that opens every sentence it is in
      // stands as one when the trained NER reads it as a body there.)
      const nerBody = tokens.some((t) => this.named.type[t.index] === 'ORG' && this.named.first[t.index] === t.index && this.named.last[t.index] === t.index);
      if (!name || (!seenMidSentence && !partner && !nerBody) || partner === 'person') continue;
      // "a Houthi spokesman" beside "the Houthis": the singular of a body named in the plural is that body.
      const plural = this.lexicon.phrases.get(`${value}s`) ?? this.lexicon.phrases.get(`${value}es`);
      if (plural?.kind === 'organization') {
        for (const t of tokens) this.addMention(plural.id, 'organization', t.index, t.index, undefined, 'singular-of-body', false, 'name');
        continue;
      }
      // "Formica fusca", "Beauveria bassiana": a genus before its species is a taxon's name, no body or place.
      if (tokens.some((t) => this.speciesAfter(t.index))) continue;
      // The trained NER reads this word as a person's name: it is added as one after this pass
      // ("Scientology" is a name of a thing, whatever the NER says).
      const nerType = (type: string): boolean => tokens.some((t) => this.named.type[t.index] === type);
      // "Rover" in a story about "MG Rover": the last word of a body's longer name the story gives is that body.
      // (Not a name made plural, "Polaroids" beside "Polaroid": a product, whatever body ends with it.)
      const madePlural = /s$/.test(value) && capitalizedWords().has(value.slice(0, -1));
      const tail = madePlural ? undefined : this.recentOrganization((m) => m.firstToken !== m.lastToken && m.text.endsWith(` ${value}`));
      if (tail) {
        for (const t of tokens) this.addMention(tail, 'organization', t.index, t.index, undefined, 'lone-name:organization', false, 'name');
        continue;
      }
      if (nerType('PER') && !THING_SUFFIX.test(lower)) continue;
      // (The NER's other readings are not followed: as a product, event or work, MISC, it drops gods
      // and parties that the KG gold wants as nodes, organisation F1 63.8 against 61.7 on GUM; as a
      // place, LOC, it turns people the article names by surname alone into places.)
      // "SDGs", "IE6", "STS-135": the plural of an acronym or a name with a digit names things, models or
      // missions; "Polaroids", "Paralympics" beside "Polaroid", "Paralympic": a name made plural is a
      // product or an event, not a body.
      // ("the M5S party", "the U2 band": a kind of body named right after makes it one; "the Sams"
      // beside the Sam the article names are a family, not a product.)
      const singular = value.endsWith('es') && capitalizedWords().has(value.slice(0, -2)) ? value.slice(0, -2) : value.endsWith('s') && capitalizedWords().has(value.slice(0, -1)) ? value.slice(0, -1) : undefined;
      // ("the two Koreas" beside North and South Korea: the plural of the last word of states' names
      // stands for those states, which the pair phrases read; it is no name of its own.)
      if (singular !== undefined && this.draft.mentions.filter((m) => m.entityType === 'country' && m.text.endsWith(` ${singular}`)).length > 0) continue;
      const bodyNoun = tokens.some((t) => BODY_NOUNS.has(this.token(t.index + 1)?.lower ?? ''));
      const thing = this.craftNames.has(value) || !bodyNoun && (THING_SHAPE.test(value) || /\d/.test(value) || (singular !== undefined && !this.familyName(singular.toLowerCase())));
      // "Scientology" in an article about "the Church of Scientology" is that church.
      const named = this.recentOrganization((m) => m.text.endsWith(` of ${value}`));
      // "in Kowloon": a place where a place is expected; a name written twenty times and twice after
      // "in" ("in Scientology jargon") is the body it is elsewhere: at least half of its uses decide.
      const located = tokens.filter((t) => this.placeCue(t.index)).length;
      const place = !named && (partner === 'place' || partner === 'country' || (located > 0 && located * 2 >= tokens.length));
      // A named thing of another kind stays a name (a node), typed neither body nor place.
      const entityType: EntityType = named ? 'organization' : thing ? 'other' : place ? 'place' : 'organization';
      for (const t of tokens) this.addMention(named ?? slugify(value), entityType, t.index, t.index, undefined, `lone-name:${entityType}`, false, 'name');
    }
  }

  /**
   * Words around a lone name at token k that make it a place: a locative preposition before it,
   * with "the" between or not ("in Kowloon", "on the Solent", "next to Genova"), a kind of place
   * before "of" ("the town of Yeoncheon") or after it ("the Lombardy region").
   */
  protected placeCue(k: number): boolean {
    const before = this.token(k - 1);
    const sentence = this.token(k)?.sentence;
    const inSentence = (t: Token | undefined): t is Token => t !== undefined && t.sentence === sentence;
    if (!inSentence(before)) return false;
    // ("in the Wearside club", "the Alpine country": a name before a noun is a modifier, of anything.)
    const next = this.token(k + 1);
    const modifier = inSentence(next) && ((LETTER.test(next.value) && next.value === next.lower) || (next.value === '-' && next.start === this.token(k)?.end));
    const preposition = before.lower === 'the' ? (modifier ? undefined : this.token(k - 2)) : before;
    if (inSentence(preposition) && (LONE_PLACE_PREPOSITIONS.has(preposition.lower) || (preposition.lower === 'to' && this.token(preposition.index - 1)?.lower === 'next'))) return true;
    const kind = this.token(k - 2);
    if (before.lower === 'of' && inSentence(kind) && PLACE_KIND_NOUNS.has(kind.lower) && kind.value === kind.lower) return true;
    const after = this.token(k + 1);
    return inSentence(after) && PLACE_KIND_NOUNS.has(after.value);
  }

  /** The surname of a person the article names with a given name ("Gloria Sam"): "the Sams" are a family. */
  protected familyName(lower: string): boolean {
    for (const p of this.persons.values()) if (p.last === lower && p.tokens >= 2 && this.lexicon.givenNames.has(p.first)) return true;
    return false;
  }

  /** A lowercase Latin species epithet after token k ("fusca", "bassiana", "sapiens"): not an English word. */
  protected speciesAfter(k: number): boolean {
    const next = this.token(k + 1);
    return next !== undefined && next.sentence === this.token(k)?.sentence && next.value === next.lower && SPECIES_EPITHET.test(next.value)
      && !this.lexicon.commonWords.has(next.lower);
  }

  /** "New South Wales, Victoria, South Australia": token k listed with places on both sides (a given name there is a place). */
  protected betweenPlaces(k: number): boolean {
    const listed = (link: Token | undefined): boolean => link !== undefined && (link.value === ',' || link.lower === 'and' || link.lower === 'or');
    const place = (m: { entityType: EntityType } | undefined): boolean => m !== undefined && (m.entityType === 'place' || m.entityType === 'country');
    return listed(this.token(k - 1)) && listed(this.token(k + 1))
      && place(this.draft.mentions.find((m) => m.lastToken === k - 2)) && place(this.draft.mentions.find((m) => m.firstToken === k + 2));
  }

  /** The kind of the name listed right before or after token k ("A, B and C"). */
  protected listPartner(k: number): EntityType | undefined {
    const linked = (link: Token | undefined): boolean => link !== undefined && (link.value === ',' || link.lower === 'and' || link.lower === 'or');
    for (const m of this.draft.mentions) {
      if ((m.firstToken === k + 2 && linked(this.token(k + 1))) || (m.lastToken === k - 2 && linked(this.token(k - 1)))) return m.entityType;
    }
    return undefined;
  }
}
