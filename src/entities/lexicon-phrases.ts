// Entities, pass 1: a name the gazetteer knows where the text is read ("Kyiv", "Ukrainian troops",
// "the Kremlin"), with the readings of its context (a capital as its state, a demonym before goods or
// forces, a seat of government), and a gazetteer name that opens a longer proper name.
import type { EntityType, Token } from '../types';
import { gazetteerGivenNames, normalizeSurface, type LexiconEntry } from './lexicon';
import { gazetteerNote, insideOf } from './containment';
import { countryBodyId, slugify } from './slug';
import { TitleReading } from './titles';
import { organizationKinds } from './descriptions';
import { sideStaffAt } from './clubs';
import {
  GROUP_NOUNS, TRADED_GOODS, DEMONYM_EVENTS, HONORIFICS, LOCATIVE_PREPOSITIONS, NOT_NAME_WORDS, NOT_PERSON_WORDS, ORGANIZATION_HEADS, INDUSTRY_HEADS,
  PLACE_HEADS, FROM_SENDER_NOUNS, OBTAINING_LEMMAS, wordTable,
} from './tables';
import { LETTER, ACRONYM, STATE_NOUNS, LEGISLATURE_WORDS, CITY_PARTS, isCapitalized } from './words';

/** A state's posts abroad: "the embassy in Seoul" is another state's. */
const FOREIGN_POSTS: ReadonlySet<string> = new Set(['embassy', 'consulate', 'embassies', 'consulates', 'envoy', 'envoys', 'ambassador', 'diplomats', 'delegation', 'delegations', 'troops', 'forces', 'soldiers', 'citizens', 'nationals']);
/** Quantifiers that may stand between a preposition and the goods it measures ("on all Japanese goods"). */
const QUANTIFIERS: ReadonlySet<string> = new Set(['all', 'most', 'many', 'some', 'certain']);

/** Lowercase nouns a capital stands in apposition to as a place ("the capital, Wellington", "the city of …"). */
const CAPITAL_NOUNS: ReadonlySet<string> = new Set(['capital', 'city']);
/** Verbs of visiting, among the locative words: the capital visited stands for its state. */
const VISITING: ReadonlySet<string> = new Set(['visit', 'visited', 'visiting']);
/** Acts a capital's possessive names as its state's, after any preposition: "at Kyiv's request". */
const STATE_ACT_NOUNS: ReadonlySet<string> = new Set(['request', 'invitation', 'behest', 'urging', 'insistence', 'expense']);

/**
 * Everyday words that open other parties' names before a party's gazetteer word: "Social Democrats",
 * "Free Democrats", "Sweden Democrats" are not the US Democratic Party.
 */
const PARTY_NAME_WORDS: ReadonlySet<string> = wordTable([
  { word: 'social', reason: '"Social Democrats": Europe\'s social democratic parties' },
  { word: 'free', reason: '"Free Democrats": Germany\'s FDP' },
  { word: 'national', reason: '"National Republicans", "National Democrats"' },
  { word: 'liberal', reason: '"Liberal Democrats" when the gazetteer lacks the party' },
  { word: 'progressive', reason: '"Progressive Conservatives"' },
]);

/**
 * Everyday words that, capitalised mid-sentence right before a place opening a body's name, are the
 * name's first word: "the All England Club", "All India Radio", "All Nippon Airways".
 */
const NAME_OPENING_WORDS: ReadonlySet<string> = new Set(['all']);

export abstract class LexiconPhrases extends TitleReading {
  /** "Muslims", "Afghans": a group of people (names.ts). */
  protected abstract groupPhrase(i: number): number | undefined;
  /** "the Sydney Morning Herald": places and bodies named inside a body's name (names.ts). */
  protected abstract bodyOpeningName(id: string, first: number, last: number): void;
  /** "Afghans": the plural of a demonym the gazetteer knows (names.ts). */
  protected abstract pluralDemonym(t: Token): boolean;

  /** A gazetteer name at token i, read in its context; undefined when none starts there. */
  protected lexiconPhrase(i: number): number | undefined {
    const match = this.matchLexicon(i);
    if (!match) return undefined;
    const { entry, last, end } = match;
    const t = this.token(i);
    if (!t || this.compassOpensName(entry, i, last)) return undefined;
    // "Sydney Morning Herald", "California Science Center": a place that starts a longer name.
    if (entry.kind !== 'organization' && entry.kind !== 'user' && entry.kind !== 'seat') {
      const named = this.nameAfterLexicon(entry, i, last);
      if (named !== undefined) return named;
    }
    // "Peru's Congress", "Georgia's Parliament": a legislature's bare name after another country's
    // possessive is that country's, not the one the gazetteer files under the word (the US Congress).
    // (So is a court's: "Brazil's Supreme Court" is not the US one.)
    if (entry.kind === 'organization' && (last === i ? LEGISLATURE_WORDS.has(t.lower) : this.token(last)?.lower === 'court') && this.token(i - 1)?.value === "'s") {
      const atTwo = this.matchLexicon(i - 2);
      const owner = atTwo ?? this.matchLexicon(i - 3);
      if (owner && owner.last === i - 2 && (owner.entry.kind === 'country' || owner.entry.kind === 'seat')) {
        if (last === i) return undefined;
        // A court keeps a node of its own, named for its country ("supreme-court-of-brazil").
        const country = owner.entry.kind === 'seat' ? owner.entry.country ?? owner.entry.id : owner.entry.id;
        const body = this.text.slice(t.start, this.token(last)?.end ?? end);
        const ownerName = this.text.slice(this.token(atTwo ? i - 2 : i - 3)?.start ?? 0, this.token(i - 2)?.end ?? 0);
        this.addMention(countryBodyId(body, country), 'organization', i, last, `${body} of ${ownerName}`, 'court-of-country', false, 'name');
        return last + 1;
      }
    }
    // "Creative Commons", "the Neo Democrats": one gazetteer word after a capitalised word that no table
    // knows ends another body's name; it is not the body it names alone (the House of Commons, the
    // US Democratic Party).
    const before = this.token(i - 1);
    if (entry.kind === 'organization' && last === i && before && before.sentence === t.sentence && isCapitalized(before) && !this.claimed[i - 1]
      && this.doc.sentences[t.sentence]?.firstToken !== i - 1 && !this.titleCaseSentence[t.sentence] && LETTER.test(before.value) && !before.lineStart
      && (!NOT_PERSON_WORDS.has(before.lower) || (PARTY_NAME_WORDS.has(before.lower) && organizationKinds().get(entry.id) === 'party'))
      && !NOT_NAME_WORDS.has(before.lower) && !HONORIFICS.has(before.lower)
      && !this.lexicon.phrases.has(before.value) && !this.titleAt(i - 1) && !ACRONYM.test(before.value)
      // ("Arundel and South Downs Tories": after a longer name, the word is that place's branch of the body.)
      // ("Several Social Democrats": a sentence's first word is capitalised by its place, not as a name.)
      && !(isCapitalized(this.token(i - 2) ?? t) && !NOT_NAME_WORDS.has(this.token(i - 2)?.lower ?? '')
        && !(this.doc.sentences[t.sentence]?.firstToken === i - 2 && (this.token(i - 2)?.pos !== 'PROPN' || this.lexicon.commonWords.has(this.token(i - 2)?.lower ?? ''))))) {
      this.addMention(slugify(this.text.slice(before.start, end)), 'organization', i - 1, last, undefined, 'name+body-word', false, 'name');
      return last + 1;
    }
    // ("Paraguay's president, Santiago Pena", "Paris Hilton": a one-word capital or place that is also a
    // given name, followed by a capitalised word that is no name of the gazetteer nor a word of a
    // place or body, opens a person's name; the names pass reads it.)
    if (last === i && (entry.kind === 'capital' || entry.kind === 'place') && this.givenNameOpens(i)) return undefined;
    // One word from the broad gazetteer ("Honda", "Mao") is a place only where a place is expected.
    if (entry.broad && last === i && !this.placeContext(i, last) && !this.placeSubject(i)) return undefined;
    // ("the Gulf state", "a Gulf monarchy": a broad one-word region before a noun for a state describes the state.)
    if (entry.broad && last === i && STATE_NOUNS.has(this.token(i + 1)?.value ?? '')) return undefined;
    if (entry.kind === 'demonym') {
      // "Ukrainian troops", "American and Ukrainian officials"
      let k = last + 1;
      const coordinated: Array<{ entry: LexiconEntry; first: number; last: number; end: number }> = [{ entry, first: i, last, end }];
      while (this.token(k)?.lower === 'and' || this.token(k)?.value === ',') {
        const other = this.matchLexicon(k + 1);
        if (!other || other.entry.kind !== 'demonym') break;
        coordinated.push({ entry: other.entry, first: k + 1, last: other.last, end: other.end });
        k = other.last + 1;
      }
      const noun = this.token(k);
      const afterAdjective = this.token(k + 1);
      const isGroup = (x: Token | undefined): boolean => x !== undefined && GROUP_NOUNS.has(x.lower);
      // ("Ukrainian energy facilities": one adjective or noun may stand between.)
      // ("tariffs on Chinese electric cars": one adjective or noun may stand between.)
      const goodsAt = (x: Token | undefined): boolean => TRADED_GOODS.includes(x?.lower ?? '');
      // ("buys Russian gas", "imports Russian uranium": goods bought name their seller, as goods sanctioned do.)
      const bought = ['buy', 'import', 'purchase', 'bought'].includes(this.token(i - 1)?.lemma ?? '');
      // ("a levy on all Japanese goods": a quantifier may stand between.)
      const pre = QUANTIFIERS.has(this.token(i - 1)?.lower ?? '') ? this.token(i - 2) : this.token(i - 1);
      const measuredGoods = (['on', 'against', 'of'].includes(pre?.lower ?? '') || bought) && (goodsAt(noun) || ((noun?.pos === 'ADJ' || noun?.pos === 'NOUN') && goodsAt(afterAdjective)));
      // "an Israeli strike on …", "American sanctions": the side whose act the noun names.
      // ("an Israeli air strike", "a Russian missile attack": one noun may stand between.)
      const sideOfEvent = DEMONYM_EVENTS.has(noun?.lower ?? '') || (noun?.pos === 'NOUN' && DEMONYM_EVENTS.has(afterAdjective?.lower ?? ''));
      const modifier = (x: Token | undefined): boolean => x !== undefined && (x.pos === 'ADJ' || x.pos === 'NOUN');
      // ("Chinese coast guard ships": two modifiers at most.)
      const twoBetween = modifier(noun) && modifier(afterAdjective) && isGroup(this.token(k + 2));
      if (isGroup(noun) || measuredGoods || sideOfEvent || (modifier(noun) && isGroup(afterAdjective)) || twoBetween) {
        for (const c of coordinated) this.addLexiconMention({ ...c.entry, id: this.countryOf(c.entry) }, c.first, c.last, c.end, false, 'demonym');
        return k;
      }
      // "Afghans fled": the people, not the state; "the Belgians won": the country (or its team) acting;
      // "among Israelis and Palestinians": each plural a people
      const plurals = coordinated.every((c) => c.first === c.last && this.pluralDemonym(this.token(c.first) as Token));
      if (last === i && (coordinated.length === 1 || plurals) && noun?.pos !== 'NOUN' && noun?.pos !== 'PROPN') {
        if (this.token(i - 1)?.lower !== 'the' || !this.pluralDemonym(t)) return this.groupPhrase(i) ?? last + 1;
        this.addLexiconMention({ ...entry, id: this.countryOf(entry) }, i, last, end, false, 'demonym');
      }
      return last + 1;
    }
    // "the British Red Cross", "East Los Angeles": the word before makes the name another's (places.ts).
    if (this.namedWithWordBefore(entry, i, last)) return last + 1;
    if (entry.kind === 'capital') {
      // "Mexico City", "Kuwait City": the capital's name holds its country
      if (last > i && entry.country && this.lexicon.phrases.get(normalizeSurface(this.token(i)?.value ?? ''))?.id === entry.country) {
        this.addNestedMention(entry.country, 'country', i, i, 'country-in-name');
      }
      // ("in the Hague": a capital the gazetteer names with its article has the word before that as its context.)
      const bare = this.text.slice(t.start, this.token(last)?.end ?? t.end);
      const article = this.token(i - 1)?.value === 'the' && this.articlePhrase(bare) !== undefined;
      const prev = this.token(article ? i - 2 : i - 1);
      // "a request from Cotonou", "officials from Beijing": the capital sent or asked, it is not a place here.
      // ("won / secured / received … from Washington": what one obtains from a capital, its government gave.)
      const sender = prev?.lower === 'from' && (FROM_SENDER_NOUNS.has(this.token(i - 2)?.lower ?? '') || OBTAINING_LEMMAS.has(this.token(i - 2)?.lemma ?? ''));
      // ("the nation's capital, Wellington", "an Ottawa street": a capital in apposition to "capital" or
      // "city", or naming where a street or a district lies, is the place.)
      const next = this.token(last + 1);
      const named = prev !== undefined && prev.sentence === t.sentence
        && (CAPITAL_NOUNS.has(prev.lower) || (prev.value === ',' && CAPITAL_NOUNS.has(this.token(i - 2)?.lower ?? '')));
      // ("Taipei, Taiwan", "downtown Taipei": a capital with its country after it, or a part of it named, is the city.)
      const whereabouts = (next !== undefined && next.sentence === t.sentence && next.value === next.lower && PLACE_HEADS.has(next.lower))
        || this.regionAfter(last) !== undefined || (prev !== undefined && prev.sentence === t.sentence && CITY_PARTS.has(prev.value));
      // ("the credentials of Moscow's new ambassador", "talks with Beijing's envoy": a capital that owns
      // what an of-, by- or with-phrase names is its state; "at London's King's Cross station" is a place.)
      // ("at Kyiv's request", "at Moscow's invitation": what a capital asks for, its state asked.)
      const possessor = (next?.value === "'s" || next?.value === '’s')
        && (['of', 'by', 'with'].includes(prev?.lower ?? '') || STATE_ACT_NOUNS.has(this.token(last + 2)?.lower ?? ''));
      // ("visited Kyiv": a capital visited is its state's, for the relations to judge by the visitor.)
      // ("The foreign ministry in Seoul urged Japan", "officials in Beijing said": a state's body in its
      // capital, with no owner of its own before it, is that state's; "the US embassy in Seoul" is not.)
      const body = prev?.lower === 'in' && GROUP_NOUNS.has(this.token(i - 2)?.lower ?? '') && !FOREIGN_POSTS.has(this.token(i - 2)?.lower ?? '')
        && ['the', 'foreign', 'defence', 'defense', 'interior', 'finance', 'trade', 'health'].includes(this.token(i - 3)?.lower ?? '')
        && (this.token(i - 3)?.lower === 'the' || this.token(i - 4)?.lower === 'the');
      const locative = (prev !== undefined && LOCATIVE_PREPOSITIONS.has(prev.lower) && !VISITING.has(prev.lower) && prev.sentence === t.sentence && !sender && !possessor && !body) || named || whereabouts;
      const seat = locative ? undefined : this.seatedOrganization(t.value);
      if (seat) {
        this.addLexiconMention(seat, i, last, end, false, 'seat');
        return last + 1;
      }
      if (locative || !entry.country) {
        this.addLexiconMention(entry, i, last, end, false);
        this.locatedIn(entry, i, last);
      } else this.addLexiconMention({ ...entry, id: entry.country, entityType: 'country' }, i, last, end, false, 'capital');
      return last + 1;
    }
    // ("England captain Jonny Wilkinson", "Wales coach Mike Ruddock": a state or home nation before a
    // staff word of a side names its national side, no actor of the state: a modifier, as a demonym in a title is.)
    const side = (entry.kind === 'country' || entry.kind === 'place') && this.token(last + 1)?.sentence === t.sentence && sideStaffAt(this.tokens, last + 1);
    this.addLexiconMention(entry, i, last, end, side, entry.kind === 'seat' ? 'seat' : 'lexicon');
    if (entry.kind === 'place') this.locatedIn(entry, i, last);
    // "Toronto Star", "New York Times": a known organisation named after the place it is in
    if (entry.kind === 'organization' && last > i) {
      this.placesInName(entry.id, i, last, i);
      this.bodyOpeningName(entry.id, i, last);
    }
    return last + 1;
  }

  /**
   * "Sydney Morning Herald", "Indonesian Navy", "Massachusetts Institute of Technology": a country,
   * demonym or place that starts a longer proper name is part of it. An organisation named after a
   * country is that country's (member_of); a place named after a place lies in it.
   */
  protected nameAfterLexicon(entry: LexiconEntry, first: number, lexiconLast: number): number | undefined {
    const next = this.token(lexiconLast + 1);
    if (!next || next.sentence !== this.token(first)?.sentence || !isCapitalized(next)) return undefined;
    let last = this.nameTokens(lexiconLast + 1);
    // "United Kingdom Home Office": the rest is an organisation we know; it keeps its own name. When it
    // is that state's own body ("the United States National Security Council"), the state's name is
    // part of the body's mention, nested in it as in "US National Park Service".
    const rest = this.matchLexicon(lexiconLast + 1);
    if (rest && rest.entry.kind === 'organization' && rest.last >= last) {
      if (entry.kind !== 'country' || rest.entry.country !== entry.id) return undefined;
      this.addLexiconMention(rest.entry, first, rest.last, rest.end, false);
      this.addNestedMention(entry.id, 'country', first, lexiconLast, 'country-in-name');
      return rest.last + 1;
    }
    // "US State Department", "American Treasury Department": the state's own seat after its name is the state speaking.
    if (rest && rest.entry.kind === 'seat' && rest.entry.country === this.countryOf(entry) && rest.last >= last) {
      this.addLexiconMention(rest.entry, first, rest.last, rest.end, false, 'seat');
      return rest.last + 1;
    }
    const head = this.token(last)?.lower ?? '';
    // ("Chinese Steel", "Russian Oil" in a headline are goods: an industry names a company after a name, not a demonym.)
    const company = INDUSTRY_HEADS.has(head) && entry.kind !== 'demonym';
    const entityType: EntityType | undefined = ORGANIZATION_HEADS.has(head) || company ? 'organization' : PLACE_HEADS.has(head) ? 'place' : undefined;
    if (last < 0 || !entityType) return undefined;
    last = this.ofTail(last);
    // "the Metro Toronto Convention Centre", "Greater Manchester Police": a capitalised word no table
    // knows, right before the place that opens the name, is the name's first word.
    const lead = this.token(first - 1);
    // ("the All England Club": so is a capitalised "All", a word of no name elsewhere.)
    const opening = lead !== undefined && NAME_OPENING_WORDS.has(lead.lower);
    const start = lead && lead.sentence === this.token(first)?.sentence && isCapitalized(lead) && !this.claimed[first - 1] && (lead.pos === 'PROPN' || opening)
      && this.doc.sentences[lead.sentence]?.firstToken !== first - 1 && (!NOT_NAME_WORDS.has(lead.lower) || opening) && !HONORIFICS.has(lead.lower)
      && !this.lexicon.phrases.has(lead.value) && !this.lexicon.givenNames.has(lead.lower) && !this.titleAt(first - 1) ? first - 1 : first;
    const name = this.text.slice(this.token(start)?.start ?? 0, this.token(last)?.end);
    const id = this.addMention(slugify(name), entityType, start, last, undefined, `${entry.kind}+${entityType}-head`, false, 'name');
    const owner = this.countryOf(entry);
    // "British Medical Association", "Karachi Stock Exchange": the name says where the organisation
    // belongs, not that it is a member of the state; a node attribute, as containment is.
    if (entityType === 'organization' && (entry.kind === 'country' || entry.kind === 'demonym')) this.containment.note(id, { country: owner }, 'name');
    if (entry.kind === 'place' || entry.kind === 'capital') {
      // "Volgograd Arena", "Colorado State University": the name holds the place it stands in.
      this.addNestedMention(entry.id, 'place', first, lexiconLast, 'place-in-name');
      this.containment.note(entry.id, gazetteerNote(entry), 'gazetteer');
      this.containment.note(id, insideOf(entry), 'name');
    }
    // "US National Park Service", "New Zealand Herald": the country the name holds, nested as in "Mexico City".
    if (entry.kind === 'country') this.addNestedMention(entry.id, 'country', first, lexiconLast, 'country-in-name');
    if (entityType === 'organization') this.acronymDefinition(last + 1, id, 'organization');
    return last + 1;
  }
  /** Whether the word at i, a given name, opens a person's name: the next word is capitalised and no gazetteer name, common word or head of a place or body. */
  private givenNameOpens(i: number): boolean {
    const t = this.token(i);
    const next = this.token(i + 1);
    const prev = this.token(i - 1);
    if (!t || !next || next.sentence !== t.sentence || !(this.lexicon.givenNames.has(t.lower) || gazetteerGivenNames().has(t.lower))) return false;
    if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{L}+)?$/u.test(next.value) || this.lexicon.commonWords.has(next.lower)) return false;
    if (this.matchLexicon(i + 1) || PLACE_HEADS.has(next.lower) || ORGANIZATION_HEADS.has(next.lower) || INDUSTRY_HEADS.has(next.lower)) return false;
    return !(prev && prev.sentence === t.sentence && LOCATIVE_PREPOSITIONS.has(prev.lower));
  }
}
