// Entities, pass 1: a title before a name ("Russian President Vladimir Putin", "EU trade chief X",
// "RSF chief Dagalo") → the person's mention and the office it states (leader_of / member_of).
import type { EntityType } from '../types';
import { servedBodies } from './lexicon';
import { HONORIFICS, NOT_NAME_WORDS, ORGANIZATION_HEADS } from './tables';
import { LESSER_OFFICE_WORDS, PAST_OFFICE_WORDS, CORPORATE_TITLES, PROFESSION_TITLES, SURNAME_PRONOUNS, isCapitalized } from './words';
import { OfficeReading } from './offices';
import { UK_SECRETARY_PORTFOLIOS, aboutUkPolitics } from './parties';

/** One-word titles that head the organisation they follow directly ("RSF chief X"). */
const HEADING_TITLES: ReadonlySet<string> = new Set(['chief', 'head', 'boss']);
/** Titles held in an organisation, never in a state: "Secretary-General Mark Rutte" is NATO's, not the Netherlands'. */
const ORGANISATION_TITLES: ReadonlySet<string> = new Set(['secretary-general', 'secretary general', 'secretary - general', 'director general', 'director-general', 'director - general', 'administrator', 'commissioner']);
/** Military ranks: held in a state's forces, whatever office the person holds. */
const RANKS: ReadonlySet<string> = new Set(['general', 'major general', 'lieutenant general', 'brigadier general', 'colonel', 'lieutenant colonel', 'admiral', 'vice admiral', 'rear admiral', 'field marshal', 'commander']);
/** Titles held in a state or in a group alike ("leader Yahya Sinwar", "spokesman X"). */
const EITHER_TITLES: ReadonlySet<string> = new Set(['leader', 'spokesman', 'spokeswoman', 'spokesperson', 'commander', 'official', 'negotiator', 'envoy', 'adviser', 'advisor', 'aide']);
/** Titles of a region's or a city's own head, written after its name: "Ontario Premier", "California Governor", "Chicago Mayor". */
const LOCAL_HEAD_TITLES: ReadonlySet<string> = new Set(['premier', 'governor', 'mayor']);
/** The state whose secretaries UK_SECRETARY_PORTFOLIOS name (countries.json). */
const UK_GOVERNMENT = 'united-kingdom';
/** Determiners that make a capitalised title with no name refer to its holder ("this President", "our President"). */
const TITLE_DETERMINERS: ReadonlySet<string> = new Set(['this', 'our', 'your']);

/** Titles of a city's own offices: before one, a capital names the city, not its state. */
const CITY_OFFICES: ReadonlySet<string> = new Set(['mayor', 'deputy mayor', 'director', 'race director', 'police chief', 'commissioner', 'council leader', 'governor']);

/** Pass 1, titles: the part of name reading that starts at a title. */
export abstract class TitleReading extends OfficeReading {
  protected titlePhrase(i: number): number | undefined {
    let j = i;
    if (this.token(j)?.lower === 'the') j++;
    const affiliationMatch = this.matchLexicon(j);
    // ("Ontario Premier Doug Ford", "California Governor X": a region's or a city's own head.)
    const localHead = affiliationMatch !== undefined && affiliationMatch.entry.kind === 'place' && ['region', 'city'].includes(affiliationMatch.entry.placeKind ?? '')
      && LOCAL_HEAD_TITLES.has(this.titleAt(affiliationMatch.last + 1)?.title.words.join(' ') ?? '');
    const affiliationOk = affiliationMatch && (['country', 'seat', 'demonym', 'organization', 'capital', 'user'].includes(affiliationMatch.entry.kind) || localHead);
    let afterAffiliation = affiliationOk ? affiliationMatch.last + 1 : j;
    let title = this.titleAt(afterAffiliation);
    if (title && localHead) title = { ...title, title: { ...title.title, relation: 'leader_of' } };
    // "Chinese Commerce Minister Wang Wentao", "EU trade chief", "Kenyan opposition leader": a
    // portfolio between the body and the title; it needs the name after it to be read so.
    let portfolio = 0;
    if (!title && affiliationOk) {
      portfolio = this.portfolioWords(afterAffiliation, affiliationMatch.entry.kind === 'country' || affiliationMatch.entry.kind === 'demonym');
      if (portfolio > 0) title = this.titleAt(afterAffiliation + portfolio);
    }
    if (!title) return undefined;
    const portfolioWords = this.tokens.slice(afterAffiliation, afterAffiliation + portfolio).map((t) => t.lower);
    if (portfolioWords.some((w) => LESSER_OFFICE_WORDS.has(w))) title = { ...title, title: { ...title.title, relation: 'member_of' } };
    // ("RSF chief Mohamed Hamdan Dagalo": an organisation's chief with no portfolio between heads it;
    // "EU trade chief" heads one part of it.)
    else if (portfolio === 0 && affiliationMatch?.entry.entityType === 'organization' && HEADING_TITLES.has(title.title.words.join(' '))) title = { ...title, title: { ...title.title, relation: 'leader_of' } };
    // "United States special envoy": several title words in a row — keep the longest last one.
    let titleLast = title.last;
    for (let more = this.titleAt(titleLast + 1); more; more = this.titleAt(titleLast + 1)) {
      title = more;
      titleLast = more.last;
    }
    let k = titleLast + 1;
    if (this.token(k) && HONORIFICS.has(this.token(k)?.lower ?? '')) k++;
    let plainName = this.nameTokens(k);
    // "Vice Premier He Lifeng": a surname that is also a pronoun, right after a title and before a name.
    const pronounSurname = this.token(k);
    if (plainName < 0 && pronounSurname && SURNAME_PRONOUNS.has(pronounSurname.value) && this.token(k + 1)?.sentence === pronounSurname.sentence && k > afterAffiliation) {
      const rest = this.nameTokens(k + 1);
      if (rest >= 0 && rest - k <= 2) plainName = rest;
    }
    const nameLast = plainName >= 0 ? plainName : this.placeNamedPerson(k);
    if (portfolio > 0 && nameLast < 0) return undefined;
    // ("General Motors", "General Dynamics Technologies": a name ending in a word that makes it a body is no title's holder.)
    if (nameLast >= 0 && ORGANIZATION_HEADS.has(this.token(nameLast)?.lower ?? '')) return undefined;
    // ("London mayor Ken Livingstone", "London race director X": a city's own office, no office of its state.)
    const cityOffice = affiliationMatch?.entry.kind === 'capital' && CITY_OFFICES.has(title.title.words.join(' '));
    let affiliation = affiliationOk && !cityOffice ? this.countryOf(affiliationMatch.entry) : undefined;
    // (The words as written: "Secretary-General" is three tokens.)
    const titleTokens = this.text.slice(this.token(afterAffiliation)?.start ?? 0, this.token(titleLast)?.end ?? 0);
    if (nameLast < 0) {
      // A title without a name: "the Russian President" — resolved once the holder is known.
      if (!affiliationOk) {
        // "the President", "THE VICE PRESIDENT:", "this President" (not "the President of …"): its
        // holder, read in pass 2. A determiner other than "the" is part of the mention, as of any noun phrase.
        const word = this.token(afterAffiliation);
        const before = this.token(afterAffiliation - 1);
        const first = j > i ? afterAffiliation : before && TITLE_DETERMINERS.has(before.lower) ? afterAffiliation - 1 : -1;
        // ("the Director's Guild": a capitalised word after the possessive makes the title part of a name.)
        const after = this.token(titleLast + 1);
        const owner = (after?.value === "'s" || after?.value === '’s') && isCapitalized(this.token(titleLast + 2) ?? after);
        if (after?.lower === 'of' && word && isCapitalized(word)) this.titleOfBody(afterAffiliation, titleLast, title.title.role);
        // ("the Official UK Singles Chart", "The Return of the King": a title word inside a longer name or a work's title is no office.)
        const named = (after !== undefined && after.sentence === word?.sentence && isCapitalized(after)) || this.inWorkTitle(afterAffiliation);
        if (first >= 0 && word && isCapitalized(word) && word.sentence === this.token(first)?.sentence && after?.lower !== 'of' && !owner && !named) this.bareTitles.push({ first, last: titleLast, role: title.title.role });
        return undefined;
      }
      if (affiliationMatch.entry.kind === 'capital') return undefined;
      const firstTitle = this.token(afterAffiliation);
      if (firstTitle && firstTitle.sentence !== this.token(i)?.sentence) return undefined;
      this.pendingTitles.push({ first: j, last: titleLast, title: title.title, affiliation, ...(affiliationMatch.entry.kind === 'demonym' ? { demonymLast: affiliationMatch.last } : {}) });
      if (affiliationMatch.entry.kind !== 'demonym') this.addLexiconMention(affiliationMatch.entry, j, affiliationMatch.last, affiliationMatch.end, true);
      return titleLast + 1;
    }
    // "President Vladimir Putin of Russia"
    let end = nameLast + 1;
    if (!affiliation && this.token(nameLast + 1)?.lower === 'of') {
      const of = this.matchLexicon(nameLast + 2);
      if (of && (of.entry.kind === 'country' || of.entry.kind === 'organization')) {
        affiliation = this.countryOf(of.entry);
        this.addLexiconMention(of.entry, nameLast + 2, of.last, of.end, true);
        end = of.last + 1;
      }
    }
    if (affiliationOk && affiliationMatch.entry.kind !== 'demonym') {
      this.addLexiconMention(affiliationMatch.entry, j, affiliationMatch.last, affiliationMatch.end, true);
    }
    const person = this.addPerson(k, nameLast, 'title+name');
    // "former Prime Minister John Major", "Britain's ex-foreign secretary": a past office is no role now.
    const past = [this.token(i - 1), this.token(j - 1), this.token(afterAffiliation - 1)].some((w) => w !== undefined && PAST_OFFICE_WORDS.has(w.lower));
    // "its UK chief executive", "Vodafone's US chairman": a company's branch office, no office of the country.
    const owned = ['its', 'their', 'his', 'her', "'s"].includes(this.token(j - 1)?.lower ?? '');
    const branch = owned && affiliationOk && ['country', 'demonym', 'capital'].includes(affiliationMatch.entry.kind) && CORPORATE_TITLES.has(title.title.words.join(' '));
    // "President Donald Trump", "Supreme Leader Ali Khamenei": a title with no body, given to a
    // person of the news gazetteer, is an office in the body the person serves (people.json).
    if (!affiliation && !past) {
      affiliation = this.servedBody(person, title.title.words.join(' '));
      // ("Vice Premier He Lifeng": a deputy's office is a membership.)
      if (affiliation && LESSER_OFFICE_WORDS.has(this.token(afterAffiliation - 1)?.lower ?? '')) title = { ...title, title: { ...title.title, relation: 'member_of' } };
      // ("RSF chief Dagalo": the chief of the body the person serves, written right before, heads it.)
      else if (affiliation && this.lexicon.entities.get(affiliation)?.entityType === 'organization' && HEADING_TITLES.has(title.title.words.join(' ')) && this.capitalizedAt(afterAffiliation - 1)) title = { ...title, title: { ...title.title, relation: 'leader_of' } };
      // ("Home Secretary Charles Clarke" in a story about UK politics: a secretary of state's
      // portfolio with no state written is the UK government's.)
      // ("Former Home Secretary", "shadow Home Secretary David Davis", "ex-Trade and Industry Secretary":
      // the word before the portfolio's words, past or lesser, leaves no office in the government.)
      let before = afterAffiliation - 1;
      for (let n = 0; n < 3; n++) {
        const w = this.token(before - 1);
        if (!w || w.sentence !== this.token(before)?.sentence || !(w.lower === 'and' || isCapitalized(w))) break;
        before--;
      }
      const held = [before - 1, before, before + 1, before + 2].filter((k) => k < afterAffiliation).every((k) => !PAST_OFFICE_WORDS.has(this.token(k)?.lower ?? '') && !LESSER_OFFICE_WORDS.has(this.token(k)?.lower ?? ''));
      if (!affiliation && held && title.title.words.join(' ') === 'secretary' && UK_SECRETARY_PORTFOLIOS.has(this.token(afterAffiliation - 1)?.value ?? '') && aboutUkPolitics(this.tokens)) affiliation = UK_GOVERNMENT;
    }
    if (affiliation && !past && !branch) {
      // ("Vice Premier of China": a deputy's role keeps its word, so "the Chinese leader" is not read as the deputy.)
      const deputy = [...portfolioWords, this.token(afterAffiliation - 1)?.lower ?? ''].find((w) => LESSER_OFFICE_WORDS.has(w));
      const role = `${deputy ? `${deputy} ` : ''}${title.title.role} of ${this.lexicon.entities.get(affiliation)?.label ?? affiliation}`;
      this.addRole(person, role, title.title, affiliation, afterAffiliation, titleTokens);
    }
    this.roleHolders.set(`${title.title.role}|${affiliation ?? ''}`, person);
    this.roleHolders.set(`${title.title.role}|`, person);
    // ("shadow Chancellor Oliver Letwin", "former President Bill Clinton" hold no title "the Chancellor" names.)
    if (!past && !LESSER_OFFICE_WORDS.has(this.token(afterAffiliation - 1)?.lower ?? '') && !portfolioWords.some((w) => LESSER_OFFICE_WORDS.has(w))) {
      const holders = this.titleHolders.get(title.title.role) ?? new Set<string>();
      this.titleHolders.set(title.title.role, holders.add(person));
    }
    return end;
  }

  /**
   * The body a known person holds a titled office in: an organisation's for an organisation's title
   * (Secretary-General, Director General, chief executive …), else the first the person serves (the
   * state). The person is the gazetteer's by id, or by surname with the same given name ("Volodymyr
   * Zelensky" for the gazetteer's Zelenskyy).
   */
  private servedBody(person: string, title: string): string | undefined {
    const known = this.servedBy(person);
    if (!known) return undefined;
    const of = (type: EntityType): string | undefined => known.find((id) => this.lexicon.entities.get(id)?.entityType === type);
    // ("General Abdourahamane Tiani": a rank says nothing of the office the person holds in the state.)
    if (RANKS.has(title)) return undefined;
    // ("General Rafael Grossi" would be a rank, held in a state only; "leader Yahya Sinwar" leads his group.)
    if (ORGANISATION_TITLES.has(title) || CORPORATE_TITLES.has(title)) return of('organization');
    return of('country') ?? (EITHER_TITLES.has(title) ? of('organization') : undefined);
  }

  /** Whether token k is a capitalised word ("RSF" before "chief"). */
  private capitalizedAt(k: number): boolean {
    const t = this.token(k);
    return t !== undefined && isCapitalized(t);
  }

  /** The states or bodies a person of the news gazetteer serves (people.json), by id or by surname and given name. */
  protected servedBy(person: string): readonly string[] | undefined {
    const record = this.persons.get(person);
    const byName = record && record.tokens >= 2 ? this.lexicon.surnames.get(record.last) : undefined;
    return servedBodies().get(person) ?? (byName && this.lexicon.entities.get(byName)?.label.split(/\s+/)[0]?.toLowerCase() === record?.first ? servedBodies().get(byName) : undefined);
  }

  /**
   * How many words (at most two) from `i` name a portfolio before a title: "Commerce" in "Commerce
   * Minister", "foreign policy" in "foreign policy chief". Not a name the lexicon knows, not a past
   * word ("former"); after a country, a profession is no office of it ("British film director").
   */
  protected portfolioWords(i: number, country: boolean): number {
    const sentence = this.token(i)?.sentence;
    for (let count = 1; count <= 2; count++) {
      const t = this.token(i + count - 1);
      if (!t || t.sentence !== sentence || !['ADJ', 'NOUN', 'PROPN'].includes(t.pos) || PAST_OFFICE_WORDS.has(t.lower) || this.lexicon.phrases.has(t.value)) return 0;
      // "US car firms General Motors": a plural is no portfolio.
      if (t.pos === 'NOUN' && t.lemma !== t.lower && t.lower.endsWith('s')) return 0;
      const title = this.titleAt(i + count);
      if (!title) continue;
      const words = title.title.words.join(' ');
      // "UK Film Council chief executive": a capitalised portfolio before a head's title may name a body of its own.
      const named = this.tokens.slice(i, i + count).some((w) => isCapitalized(w) && !LESSER_OFFICE_WORDS.has(w.lower));
      if ((country && PROFESSION_TITLES.has(words)) || words === 'general' || (named && title.title.relation === 'leader_of')) return 0;
      return count;
    }
    return 0;
  }

  /**
   * "Defence Minister Israel Katz", "coach Jordan Henderson": after a title, a one-word country or
   * place followed by a capitalised word that is neither a known name nor an everyday word is a
   * person's given name. Returns the name's last token, or -1.
   */
  protected placeNamedPerson(k: number): number {
    const t = this.token(k);
    const next = this.token(k + 1);
    const match = this.matchLexicon(k);
    if (!t || !next || !match || match.last !== k || next.sentence !== t.sentence || !isCapitalized(next)) return -1;
    if (!['country', 'place', 'capital'].includes(match.entry.kind) || this.lexicon.phrases.has(next.value) || this.lexicon.commonWords.has(next.lower) || NOT_NAME_WORDS.has(next.lower)) return -1;
    return this.nameTokens(k + 1);
  }
}
