// Entities, pass 1: persons named by an office, by a name that is also a place's, by the shape of
// their name alone, or surname first in a list of works; the readings names.ts calls for them.
import { isCapitalized, type Chunk } from './words';
import { PlaceReading } from './places';
import { addressedTitleEnd } from './addressed';

/** Gazetteer kinds an office is "of" ("President of the United States", "Director-General of the World Health Organization", "Governor of Virginia"). */
const TITLE_OF_KINDS: ReadonlySet<string> = new Set(['country', 'organization', 'seat', 'place', 'capital', 'user']);
/** An ordinal before a title is part of its phrase ("the 46th President of the United States"). */
const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$/;

/** "Marx, Karl and Engels, Friedrich": how many inverted names one line may list. */
const MAX_INVERTED_PAIRS = 3;
/** "Macaulay, Thomas Babington": given names after the comma. */
const MAX_INVERTED_GIVEN = 3;

/** Readings of people named otherwise than by a given name and a surname. */
export abstract class OfficeReading extends PlaceReading {
  /**
   * "the President of the United States", "46th President of the United States", "Mayor of Baltimore":
   * a capitalised title of a state, body or place the gazetteer knows, with no name after it, names
   * the office's holder (resolved in pass 2, index.ts). An ordinal before it is part of the phrase.
   */
  protected titleOfBody(first: number, titleLast: number, role: string): void {
    const t = this.token(first);
    let k = titleLast + 2;
    if (this.token(k)?.lower === 'the') k++;
    const of = this.matchLexicon(k);
    const after = of && this.token(of.last + 1);
    if (!t || !of || !TITLE_OF_KINDS.has(of.entry.kind) || this.token(of.last)?.sentence !== t.sentence || this.titleCaseSentence[t.sentence]) return;
    // ("President of the United States Joe Biden": the name after it says who; that phrase is the person's.)
    if (after && after.sentence === t.sentence && isCapitalized(after)) return;
    const before = this.token(first - 1);
    const start = before && before.sentence === t.sentence && ORDINAL.test(before.lower) ? first - 1 : first;
    this.officesOf.push({ first: start, titleFirst: first, titleLast, last: of.last, role, affiliation: this.countryOf(of.entry) });
  }

  /** "The Return of the King", "Lord of the Rings": "of the" after a capitalised word that is no title, mid-sentence, before token k. */
  protected inWorkTitle(k: number): boolean {
    const the = this.token(k - 1);
    const of = this.token(k - 2);
    const head = this.token(k - 3);
    return the?.lower === 'the' && of?.lower === 'of' && head !== undefined && head.sentence === this.token(k)?.sentence && isCapitalized(head)
      && this.doc.sentences[head.sentence]?.firstToken !== head.index && this.titleAt(head.index) === undefined;
  }

  /** "Madam Speaker", "Mr. President": a person addressed by office; the tokens are no one's name. */
  protected addressedTitle(i: number): number | undefined {
    const last = addressedTitleEnd(this.tokens, i);
    if (last === undefined) return undefined;
    this.claimed.fill(1, i, last + 1);
    this.addressed.push({ first: i, last, rule: 'title-in-address' });
    return last + 1;
  }

  /** "Valeska Paris": one unknown word and a place that is the person's surname (places.ts). */
  protected personWithPlaceSurname(c: Chunk): number | undefined {
    const last = c.last === c.first ? this.placeSurname(c.first) : -1;
    if (last < 0) return undefined;
    this.placeSurnamed.add(this.addPerson(c.first, last, 'place-surname'));
    return last + 1;
  }

  /**
   * "Austen, Jane. Pride and Prejudice", "Marx, Karl and Engels, Friedrich. The Communist Manifesto":
   * at a line's start, a surname, a comma and a given name (one we know, or the trained NER's
   * person), joined by "and" to more such, then a period and the title of a work on the same line,
   * are authors written surname first, as reference lists and catalogues write them: one person
   * "Jane Austen" each (not a place "London", not "Jane" alone). A line of surnames alone
   * ("Morrison, Wilson." under a match report) is no such list. Returns the token after the names.
   */
  protected invertedNames(i: number): number | undefined {
    const t = this.token(i);
    if (!t || !t.lineStart || !isCapitalized(t)) return undefined;
    const pairs: Array<{ surname: number; last: number }> = [];
    let k = i;
    for (let pair = 0; pair < MAX_INVERTED_PAIRS; pair++) {
      const surname = this.token(k);
      const comma = this.token(k + 1);
      const given = this.token(k + 2);
      if (!surname || !comma || !given || comma.value !== ',' || !isCapitalized(surname) || !isCapitalized(given) || given.sentence !== surname.sentence) return undefined;
      if (!this.lexicon.givenNames.has(given.value.replace(/\.$/, '').toLowerCase()) && this.named.type[k + 2] !== 'PER') return undefined;
      // ("Macaulay, Thomas Babington": a middle name may follow.)
      let last = k + 2;
      for (let w = this.token(last + 1); w && last < k + MAX_INVERTED_GIVEN && isCapitalized(w) && !w.lineStart; w = this.token(last + 1)) last++;
      pairs.push({ surname: k, last });
      if (this.token(last + 1)?.lower !== 'and') break;
      k = last + 2;
    }
    // The names end with a period (a token of its own, or the last name's), and a work's title goes on on the line.
    const end = pairs[pairs.length - 1]?.last ?? i;
    const stop = /\.$/.test(this.token(end)?.value ?? '') ? end : this.token(end + 1)?.value === '.' ? end + 1 : -1;
    const title = this.token(stop + 1);
    if (stop < 0 || !title || title.lineStart || !isCapitalized(title)) return undefined;
    for (const p of pairs) {
      const words = this.tokens.slice(p.surname + 2, p.last + 1).map((w) => w.value.replace(/\.$/, ''));
      this.addPerson(p.surname, p.last, 'surname-first', `${words.join(' ')} ${this.token(p.surname)?.value ?? ''}`);
    }
    return end + 1;
  }

  /** A person read from the name's shape alone; a new one of two words or more is marked so (`shapeOnly`). */
  protected shapePerson(i: number, last: number): string {
    const known = this.persons.size;
    const id = this.addPerson(i, last, 'name-shape');
    if (this.persons.size > known && last > i) this.shapeOnly.add(id);
    return id;
  }
}
