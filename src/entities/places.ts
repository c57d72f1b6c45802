// Entities: places — where a place is expected, the region stated after it, the places inside a name.
import type { EntityType, Token } from '../types';
import type { LexiconEntry } from './lexicon';
import { appositionContext, containerOf, describedAt, CONTAINMENT_RULES, gazetteerNote, insideOf, statedContainments, type ContainmentNote } from './containment';
import { COMPASS } from './extents';
import { NOT_NAME_WORDS, ORGANIZATION_HEADS, PLACE_HEADS, ORGANIZATION_SEATS, PERSON_NOUNS, PERSON_ROLE_NOUNS, HONORIFICS, wordTable } from './tables';
import { SPEECH_VERBS, MAX_NAME_TOKENS, NAME_JOINERS, PLACE_CONTEXT_WORDS, OF_TAIL_LINKS, NESTED_PLACE_KINDS, APPOSITION_REACH, isCapitalized } from './words';
import { slugify } from './slug';
import { RecognizerState } from './recognizer';

/** Lowercase words before a city that name a district of it, a place of its own. */
const CITY_PART_WORDS: ReadonlySet<string> = wordTable([
  { word: 'downtown', reason: '"near downtown Taipei", "a hotel in downtown Nairobi": the city\'s centre; it never acts for the city' },
]);

/** Dashes that join two capitalised words of one name ("Council on American - Islamic Relations"). */
const DASHES: ReadonlySet<string> = new Set(['-', '–']);

/** Gazetteer kinds a one-word surname may share its spelling with ("Valeska Paris", "Lindsay Davenport", "Michael Jordan"). */
const SURNAME_PLACE_KINDS: ReadonlySet<string> = new Set(['place', 'capital', 'country']);

/**
 * Short names the gazetteer gives an international body whose national members go by the same name
 * after their country's: "the British Red Cross" is the UK's society, not the ICRC.
 */
const FEDERATED_NAMES: ReadonlySet<string> = wordTable([
  { word: 'Red Cross', reason: '"American Red Cross", "Kenya Red Cross": national societies, apart from the ICRC in Geneva' },
  { word: 'Red Crescent', reason: '"Turkish Red Crescent", "Palestine Red Crescent": national societies, apart from the IFRC' },
]);

/** Readings of places and of the names that hold them; pass 1 calls these. */
export abstract class PlaceReading extends RecognizerState {
  /** People whose surname is a place's name, read by `placeSurname` ("Valeska Paris"): their lone surname is theirs (lone-names.ts). */
  protected readonly placeSurnamed = new Set<string>();

  /**
   * "Valeska Paris, an Australian woman", "Mayor Gloria Paris said": a capitalised word that no
   * table knows, then a one-word place, is a person whose surname is the place's name when the
   * words around say a person (apposition to a person or role noun, a speech verb, a title or
   * honorific before, the trained NER reading a person there, the same two words a person already).
   * Returns the place token (the name's last), or -1.
   */
  protected placeSurname(i: number): number {
    const t = this.token(i);
    const j = i + 1;
    const place = this.token(j);
    const after = this.token(j + 1);
    if (!t || !place || place.sentence !== t.sentence || place.start === t.end || !isCapitalized(place)) return -1;
    if (this.lexicon.phrases.has(t.value) || this.lexicon.commonWords.has(t.lower) || NOT_NAME_WORDS.has(t.lower)) return -1;
    const match = this.matchLexicon(j);
    // (A region is no surname: "Tudor England", "Lycos Europe", "Nintendo Europe".)
    if (!match || match.last !== j || !SURNAME_PLACE_KINDS.has(match.entry.kind) || match.entry.placeKind === 'region') return -1;
    // ("Paris Saint-Germain", "Paris, France": more of a name or a place's region after it.)
    if (after && after.sentence === t.sentence && (isCapitalized(after) || after.value === '-' || this.regionAfter(j))) return -1;
    const before = this.token(i - 1);
    const titled = before !== undefined && before.sentence === t.sentence && (HONORIFICS.has(before.lower) || this.titleAt(i - 1) !== undefined || PERSON_ROLE_NOUNS.has(before.lower));
    const speaks = after !== undefined && after.sentence === t.sentence && SPEECH_VERBS.has(after.lemma);
    // The trained NER's person counts after a given name we know, not after a possessive ("London's Tate
    // Britain", "Japan's Kinki Nippon" are a gallery and a railway).
    const owned = before !== undefined && (before.value === "'s" || before.value === '’s');
    const ner = this.lexicon.givenNames.has(t.lower) && !owned && this.named.type[i] === 'PER' && this.named.type[j] === 'PER' && this.named.first[j] === this.named.first[i];
    const known = this.persons.has(slugify(this.text.slice(t.start, place.end)));
    if (!(titled || speaks || ner || known || this.personInApposition(j))) return -1;
    return j;
  }

  /** ", an Australian woman", ", a lawyer": a person or role noun within a few words after the comma after token k. */
  protected personInApposition(k: number): boolean {
    return this.inApposition(k, (w) => PERSON_NOUNS.has(w.lower) || PERSON_ROLE_NOUNS.has(w.lower), true);
  }

  /**
   * Whether a word passing the test stands within APPOSITION_REACH words after the comma after token
   * k, before the next comma (and, when `capitalEnds`, unless the apposition opens with a capital).
   */
  protected inApposition(k: number, test: (w: Token, j: number) => boolean, capitalEnds: boolean): boolean {
    if (this.token(k + 1)?.value !== ',') return false;
    const sentence = this.token(k)?.sentence;
    for (let j = k + 2; j <= k + 1 + APPOSITION_REACH; j++) {
      const w = this.token(j);
      if (!w || w.sentence !== sentence || w.value === ',' || (capitalEnds && isCapitalized(w) && j === k + 2)) return false;
      if (test(w, j)) return true;
    }
    return false;
  }
  /** The organisation a capital stands for in this document (ORGANIZATION_SEATS), if the document names it. */
  protected seatedOrganization(capital: string): LexiconEntry | undefined {
    const row = ORGANIZATION_SEATS.find((r) => r.capital === capital);
    if (!row) return undefined;
    // Whether the document names the organisation: looked up once per row, not at every mention.
    let named = this.seatsNamed.get(row.organization);
    if (named === undefined) {
      named = row.named.some((n) => this.doc.source.text.includes(n));
      this.seatsNamed.set(row.organization, named);
    }
    if (!named) return undefined;
    for (const n of row.named) {
      const entry = this.lexicon.phrases.get(n);
      if (entry?.id === row.organization) return entry;
    }
    return undefined;
  }

  /** "Tasmania was excluded": a sentence opens with the place, then a verb that is not one of speech. */
  protected placeSubject(i: number): boolean {
    const t = this.token(i);
    const next = this.token(i + 1);
    return t !== undefined && next !== undefined && this.doc.sentences[t.sentence]?.firstToken === i
      && (next.pos === 'AUX' || next.pos === 'VERB') && !SPEECH_VERBS.has(next.lemma);
  }

  /** "in Volgograd", "Livorno, Tuscany", "Queensland and Tasmania", "Sochi city": a place is expected here. */
  protected placeContext(first: number, last: number): boolean {
    const t = this.token(first);
    const prev = this.token(first - 1);
    const next = this.token(last + 1);
    if (!t) return false;
    if (prev && prev.sentence === t.sentence && PLACE_CONTEXT_WORDS.has(prev.lower)) return true;
    if (next && PLACE_HEADS.has(next.lower)) return true;
    if (this.regionAfter(last) || describedAt(this.tokens, last) >= 0) return true;
    const previousMention = this.draft.mentions[this.draft.mentions.length - 1];
    const listed = prev !== undefined && (prev.value === ',' || prev.lower === 'and' || prev.lower === 'or');
    return listed && previousMention !== undefined && previousMention.lastToken === first - 2 && (previousMention.entityType === 'place' || previousMention.entityType === 'country');
  }

  /** A gazetteer place: where it lies, from the gazetteer, or "Jeddah, Saudi Arabia". */
  protected locatedIn(entry: LexiconEntry, first: number, last: number): void {
    this.placeIn(entry.id, first, last, entry);
  }

  /**
   * "Huntsville, Alabama", "Jeddah, Saudi Arabia": the sentence says the place lies in the region
   * or country written after it (a `located_in` fact), and "Huntsville, Alabama" is one of its
   * names. What the gazetteer knows is only a node attribute.
   */
  protected placeIn(id: string, first: number, last: number, entry: LexiconEntry | undefined): void {
    if (entry) this.containment.note(id, gazetteerNote(entry), 'gazetteer');
    const region = this.statedRegion(first, last, entry);
    if (!region) {
      // "in Los Angeles, California following its retirement": no fact (the context is not sure
      // enough for one), but the region the gazetteer puts it in is part of the place's name.
      const after = entry && this.regionAfter(last);
      if (after && containerOf(entry, after.entry, true)) this.statedRegions.set(`${first}:${last}`, after.last);
      return;
    }
    const written = this.text.slice(this.token(first)?.start ?? 0, this.token(region.last)?.end ?? 0);
    this.statedRegions.set(`${first}:${last}`, region.last);
    this.draft.aliases.get(id)?.add(written);
    this.noteStated(id, region.entry.id, region.note);
    this.fact(id, 'located_in', region.entry.id, first, written, region.entry.kind === 'country' ? CONTAINMENT_RULES.apposition.id : 'place, region');
  }

  /** ", Texas" after a place that lies there, in a context that says so (containment.ts). */
  protected statedRegion(first: number, last: number, place: LexiconEntry | undefined): { entry: LexiconEntry; last: number; note: ContainmentNote } | undefined {
    const region = this.regionAfter(last);
    if (!region || !appositionContext(this.tokens, first, region.last, (i) => this.placeAt(i))) return undefined;
    const note = containerOf(place, region.entry, true);
    return note && { ...region, note };
  }

  /** A stated place's containment; an ambiguous region ("Lahore, Punjab") takes the place's country. */
  protected noteStated(place: string, container: string, note: ContainmentNote): void {
    this.containment.note(place, note, 'text');
    if (note.region === container && note.country) this.containment.note(container, { country: note.country }, 'text');
  }

  protected placeAt(i: number): boolean {
    const kind = this.matchLexicon(i)?.entry.kind;
    return kind === 'country' || kind === 'place' || kind === 'capital';
  }

  /** "Sangin, a town in Helmand", "Kunduz in northern Afghanistan": containment a sentence states. */
  protected statedContainments(): void {
    const mentions = [...this.draft.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
    for (const s of statedContainments(this.tokens, this.text, mentions, this.lexicon)) {
      this.noteStated(s.place.entity, s.container.entity, s.note);
      // (The container may stand before the place: "Russia's Kursk region".)
      this.fact(s.place.entity, 'located_in', s.container.entity, s.place.firstToken, this.text.slice(Math.min(s.place.start, s.container.start), Math.max(s.place.end, s.container.end)), s.rule);
    }
  }

  /** ", Texas" or ", Saudi Arabia" right after a place. */
  protected regionAfter(last: number): { entry: LexiconEntry; last: number } | undefined {
    if (this.token(last + 1)?.value !== ',' || this.token(last + 2)?.sentence !== this.token(last)?.sentence) return undefined;
    const after = this.matchLexicon(last + 2);
    return after && !after.entry.broad && (after.entry.kind === 'country' || after.entry.kind === 'place') ? after : undefined;
  }

  /**
   * "East Los Angeles", "East Jerusalem", "Southern Indiana": a capitalised compass word right before a
   * city or region the gazetteer knows names another place, lying in or beside it (a node of its own,
   * no mention of the city); "eastern Ukraine" in lowercase stays the country's part (extents.ts).
   * So does "downtown" before a city ("downtown Taipei": its centre, a place of its own).
   * Returns the new place's id, or undefined.
   */
  protected compassPlace(entry: LexiconEntry, first: number, last: number): string | undefined {
    const compass = this.token(first - 1);
    const next = this.token(last + 1);
    const cityPart = compass !== undefined && CITY_PART_WORDS.has(compass.value) && (entry.kind === 'capital' || entry.placeKind === 'city');
    if (!compass || compass.sentence !== this.token(first)?.sentence || !(COMPASS.has(compass.value) || cityPart) || (entry.kind !== 'place' && entry.kind !== 'capital') || entry.broad
      // ("South Wales Police": a longer name goes on after the place.)
      || (next !== undefined && next.sentence === compass.sentence && isCapitalized(next))) return undefined;
    // ("East L.A." and "East Los Angeles": one place, by the gazetteer's id of the city.)
    const id = `${compass.lower}-${entry.id}`;
    this.containment.note(id, insideOf(entry), 'name');
    return id;
  }

  /**
   * "the British Red Cross", "the Kenya Red Cross": a country or its demonym right before a federated
   * body's short name (FEDERATED_NAMES) names that country's member, a body of its own (the name says
   * whose: a node attribute). Returns the new body's id, or undefined.
   */
  protected nationalBranch(entry: LexiconEntry, first: number, last: number): string | undefined {
    const words = this.text.slice(this.token(first)?.start ?? 0, this.token(last)?.end);
    const owner = entry.kind === 'organization' && FEDERATED_NAMES.has(words) ? this.matchLexicon(first - 1) : undefined;
    if (!owner || owner.last !== first - 1 || (owner.entry.kind !== 'country' && owner.entry.kind !== 'demonym')) return undefined;
    const country = this.countryOf(owner.entry);
    const id = `${country}-${slugify(words)}`;
    this.containment.note(id, { country }, 'name');
    return id;
  }

  /**
   * "Central Bank of Liberia", "Central Park", "Western Mail", "the Northern Arena": a region the
   * gazetteer names by a compass word alone (Zambia's Northern, Ghana's Central) that opens a longer
   * capitalised name is that name's first word, not the region.
   */
  protected compassOpensName(entry: LexiconEntry, first: number, last: number): boolean {
    const t = this.token(first);
    const next = this.token(last + 1);
    return first === last && t !== undefined && COMPASS.has(t.value) && entry.kind === 'place' && next !== undefined && next.sentence === t.sentence && isCapitalized(next);
  }

  /** A gazetteer name that the word before it makes another body's or place's (nationalBranch, compassPlace): recorded so. */
  protected namedWithWordBefore(entry: LexiconEntry, first: number, last: number): boolean {
    const branch = this.nationalBranch(entry, first, last);
    const compass = branch === undefined && !this.claimed[first - 1] ? this.compassPlace(entry, first, last) : undefined;
    if (branch) this.addMention(branch, 'organization', first - 1, last, undefined, 'national-branch', false, 'name');
    else if (compass) this.addMention(compass, 'place', first - 1, last, undefined, 'compass+place', false, 'name');
    return branch !== undefined || compass !== undefined;
  }

  /** "University of Sheffield", "University of North Carolina at Greensboro": the places a name holds. */
  protected placesInName(id: string, first: number, last: number, from = first + 1): void {
    for (let k = from; k <= last; k++) {
      const inner = this.matchLexicon(k, (e) => NESTED_PLACE_KINDS.has(e.kind));
      // "University of Southern Indiana": the compass word is part of the next place's name (extents.ts)
      if (!inner || inner.last > last || (inner.last === k && COMPASS.has(this.token(k)?.value ?? ''))) continue;
      const compass = k - 1 >= from ? this.compassPlace(inner.entry, k, inner.last) : undefined;
      if (compass) {
        this.addNestedMention(compass, 'place', k - 1, inner.last, 'compass+place');
        this.containment.note(id, { region: compass }, 'name');
        k = inner.last;
        continue;
      }
      this.addNestedMention(inner.entry.id, inner.entry.entityType, k, inner.last, 'place-in-name');
      this.containment.note(inner.entry.id, gazetteerNote(inner.entry), 'gazetteer');
      // "Embassy of France" need not be in France: only a place inside a name says where it is.
      if (inner.entry.kind !== 'country') this.containment.note(id, insideOf(inner.entry), 'name');
      k = inner.last;
    }
  }

  /** "Institute of Technology", "Council for the Welfare of Immigrants", "University of Texas at Arlington". */
  protected ofTail(last: number): number {
    let end = last;
    let k = last + 1;
    const sentence = this.token(last)?.sentence;
    for (let links = 0; OF_TAIL_LINKS.has(this.token(k)?.lower ?? '') && this.token(k)?.sentence === sentence; links++) {
      let j = k + 1;
      if (this.token(j)?.lower === 'the') j++;
      const runStart = j;
      let runEnd = -1;
      for (let n = 0; n < MAX_NAME_TOKENS + 2; n++, j++) {
        const t = this.token(j);
        if (!t || t.sentence !== sentence) break;
        if (isCapitalized(t) && !NOT_NAME_WORDS.has(t.lower) && !/\d/.test(t.value)) runEnd = j;
        // ("Department for Culture, Media and Sport": a comma inside a list of the body's fields.)
        else if (t.value === ',' && runEnd === j - 1 && this.fieldListEnd(runStart, j) > j) {
          runEnd = this.fieldListEnd(runStart, j);
          j = runEnd;
        }
        // ("American - Islamic Relations": a dash binds the capitalised words on both sides of it.)
        else if (!(NAME_JOINERS.has(t.lower) && (this.oneWordAfter(j) || (DASHES.has(t.value) && isCapitalized(this.token(j + 1) ?? t) && this.token(j + 1)?.sentence === sentence)))) break;
      }
      if (runEnd < 0) break;
      // "… Center at Washington Dulles International Airport": a named site after "at" is where the body
      // is, no part of its name ("University of Texas at Arlington" names a town, no site).
      if (this.token(k)?.lower === 'at' && PLACE_HEADS.has(this.token(runEnd)?.lower ?? '')) break;
      // "University of Sheffield of the UK", "Colorado State University of the US": a country after a
      // second link, or after "of the", says where the body is, not which.
      const country = this.matchLexicon(runStart);
      const bareCountry = country?.entry.kind === 'country' && country.last === runEnd;
      if (bareCountry && (links > 0 || this.token(runStart - 1)?.lower === 'the')) break;
      end = runEnd;
      k = runEnd + 1;
    }
    return end;
  }

  /**
   * "Department for Culture, Media and Sport", "Centre for Vision, Speech and Signal Processing": after
   * a body's "for" or "of", capitalised everyday words listed with commas and closed by "and" name the
   * fields of one body, not several names; the list's last token, or -1. A word that is a name of its
   * own ("Oxfam") or an item ending in a body's head ("Home Office") makes it a list of names.
   */
  protected fieldListEnd(runStart: number, comma: number): number {
    const sentence = this.token(comma)?.sentence;
    const field = (k: number): boolean => {
      const t = this.token(k);
      return t !== undefined && t.sentence === sentence && isCapitalized(t) && this.lexicon.commonWords.has(t.lower) && !NOT_NAME_WORDS.has(t.lower) && !this.lexicon.phrases.has(t.value);
    };
    // (One word may be a head ("Media"); an item of several ending in one is a body's name: "Home Office".)
    const headed = (from: number, to: number): boolean => to > from && (ORGANIZATION_HEADS.has(this.token(to)?.lower ?? '') || PLACE_HEADS.has(this.token(to)?.lower ?? ''));
    for (let k = runStart; k < comma; k++) if (!field(k)) return -1;
    if (headed(runStart, comma - 1)) return -1;
    let k = comma + 1;
    for (let items = 0; items < MAX_NAME_TOKENS; items++) {
      const from = k;
      if (!field(k)) return -1;
      while (field(k + 1)) k++;
      if (headed(from, k)) return -1;
      const link = this.token(k + 1);
      if (link?.value === ',') k += 2;
      else if (link?.lower === 'and' && field(k + 2)) {
        const last = k + 2;
        k = last;
        while (field(k + 1)) k++;
        return headed(last, k) ? -1 : k;
      } else return -1;
    }
    return -1;
  }

  /** "Science and Technology", not "Technology and Colorado State University": one capitalised word follows. */
  protected oneWordAfter(j: number): boolean {
    const next = this.token(j + 1);
    const afterNext = this.token(j + 2);
    return next !== undefined && isCapitalized(next) && next.lower !== 'the' && !(afterNext && isCapitalized(afterNext) && afterNext.sentence === next.sentence);
  }

  /** "the International Atomic Energy Agency (IAEA)": the acronym names the same entity. */
  protected acronymDefinition(k: number, id: string, entityType: EntityType): void {
    const open = this.token(k);
    const acronym = this.token(k + 1);
    const close = this.token(k + 2);
    if (open?.value === '(' && close?.value === ')' && acronym && /^[\p{Lu}&]{2,}$/u.test(acronym.value)) {
      this.acronyms.set(acronym.value, { id, entityType, kind: 'user' });
      this.addMention(id, entityType, k + 1, k + 1, undefined, 'acronym', false, 'name');
    }
  }
}
