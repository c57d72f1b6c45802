// Coordination on the surface: the actors a list joins to a reference ("Moscow and Kyiv",
// "Mordor, Rohan, Fornost and Bree"), asides in brackets, and actors glued to a participle by a
// hyphen ("the US-funded Radio Farda"), which describe the name after them and join no list.
import type { Token } from '../types';
import type { ActorReference } from '../entities';
import { ExtractorState } from './context';
import { CONJUNCTIONS, HONORIFIC_WORDS } from './words';

export abstract class Coordination extends ExtractorState {
  /** Whether `t` is the verb of a clause (walks.ts). */
  protected abstract isClauseVerb(t: Token): boolean;
  /** Whether a reference stands in a prepositional phrase (walks.ts). */
  protected abstract inPrepositionalPhrase(r: ActorReference): boolean;

  /** Whether `t` is a participle glued by a hyphen to the actor before it ("US-funded"). */
  protected gluedParticiple(t: Token): boolean {
    const hyphen = this.tok(t.index - 1);
    const before = this.tok(t.index - 2);
    return hyphen?.value === '-' && before !== undefined && hyphen.start === before.end && t.start === hyphen.end
      && /(ed|en)$/.test(t.lower) && this.refAt[t.index - 2] !== undefined;
  }

  /** The token of the reference a glued participle at `k` - 1 describes ("US-funded *Radio Farda*": the name may begin with words of its own), or -1. */
  protected gluedNoun(k: number): number {
    const start = k;
    while (!this.refAt[k] && k < start + 2 && /^\p{Lu}/u.test(this.tok(k)?.value ?? '') && this.tok(k)?.sentence === this.tok(start)?.sentence) k++;
    return this.refAt[k] ? k : -1;
  }

  /** Whether a participle is glued by a hyphen to the reference `r` ("*US*-funded"). */
  protected gluedAfter(r: ActorReference): boolean {
    const participle = this.tok(r.lastToken + 2);
    return participle !== undefined && this.gluedParticiple(participle);
  }

  /**
   * "Moscow and Kyiv", "Mordor, Rohan, Fornost and Bree", "Fornost and the evil Gondor": the
   * references coordinated with r on one side. Between two conjuncts stand a comma and/or a
   * conjunction, then the next conjunct's determiner and adjectives. A comma alone joins only in a
   * list that ends with a conjunction. Leftwards, a conjunct after a verb or preposition is
   * another clause's object (unless the list is that object and the subject of an infinitive:
   * "wants Moscow and Kyiv to agree"); rightwards, a conjunct followed by its own verb starts a
   * new clause.
   */
  protected coordinated(r: ActorReference, direction: 1 | -1, objectList = false, subjectList = false): ActorReference[] {
    const list = this.coordinatedList(r, direction, objectList, subjectList);
    // "both sides": the other actors the phrase stands for.
    const mates = (this.spanMates.get(`${r.firstToken}|${r.lastToken}`) ?? []).filter((m) => m !== r);
    return mates.length > 0 ? [...list, ...mates] : list;
  }

  protected coordinatedList(r: ActorReference, direction: 1 | -1, objectList: boolean, subjectList: boolean): ActorReference[] {
    const out = [r];
    const joinedByConjunction: boolean[] = [];
    let current = r;
    for (;;) {
      const gap: Token[] = [];
      let next: ActorReference | undefined;
      let i = direction > 0 ? current.lastToken : current.firstToken;
      for (let step = 1; step <= 6; step++) {
        i += direction;
        let t = this.tok(i);
        // "the European Union (EU) and France": a bracketed acronym belongs to its conjunct.
        if (t && direction > 0 && t.value === '(' && step === 1) {
          const close = this.matchingClose(i);
          if (close >= 0) { i = close + 1; t = this.tok(i); }
        } else if (t && direction < 0 && t.value === ')' && step === 1) {
          const open = this.matchingOpen(i);
          if (open >= 0) { i = open - 1; t = this.tok(i); }
        }
        if (!t || t.sentence !== r.sentence || this.quoteDepth[i] !== this.quoteDepth[r.firstToken]) break;
        if (this.refAt[i]) {
          next = this.refAt[i];
          break;
        }
        gap.push(t);
      }
      if (!next || gap.length === 0) break;
      // "Araghchi and President Trump's envoy Steve Witkoff": an owner's title and name after a
      // possessive conjunct is the conjunct ("envoy" heads it, Trump only owns it).
      if (direction > 0 && next.possessive) {
        let k = next.lastToken + 1;
        if (this.tok(k)?.value === "'s" || this.tok(k)?.value === "'") k++;
        while (k <= next.lastToken + 4 && !this.refAt[k] && ['NOUN', 'ADJ', 'PROPN'].includes(this.tok(k)?.pos ?? '')) k++;
        const owned = this.refAt[k];
        if (owned && owned !== next && k > next.lastToken + 1 && owned.sentence === r.sentence) next = owned;
      }
      // "Hamas and the Iran-backed Hezbollah": the actor glued to a participle only describes the conjunct after it.
      if (direction > 0 && this.gluedAfter(next)) {
        const described = this.refAt[this.gluedNoun(next.lastToken + 3)];
        if (!described) break;
        next = described;
      }
      const ordered = direction > 0 ? gap : [...gap].reverse();
      const joiner = this.joiner(ordered);
      if (joiner === undefined) break;
      if (next.entityType === 'place' || (next.entityType === 'other') !== (r.entityType === 'other')) break;
      if (direction < 0 && this.inPrepositionalPhrase(next)) break;
      if (direction < 0 && !objectList) {
        const before = this.tok(this.skipModifiersLeft(next.firstToken - 1));
        if (before && (before.pos === 'VERB' || before.pos === 'AUX') && this.isClauseVerb(before)) break;
      }
      if (direction > 0 && !subjectList) {
        // ("… on Turkey, and the Biden administration approved": past the conjunct's head noun.)
        let a = next.lastToken + 1;
        while (a <= next.lastToken + 2 && this.tok(a)?.pos === 'NOUN') a++;
        const after = this.tok(a);
        if (after && (after.pos === 'AUX' || (after.pos === 'VERB' && this.isClauseVerb(after)))) break;
      }
      out.push(next);
      joinedByConjunction.push(joiner);
      current = next;
    }
    // "A, B" without a conjunction is no list (two clauses, or an apposition). In text order a
    // list ends with its conjunction: rightwards keep conjuncts up to the last one a conjunction
    // joins; leftwards the conjunction must be the first joiner met.
    if (direction > 0) return out.slice(0, joinedByConjunction.lastIndexOf(true) + 2);
    return joinedByConjunction[0] === true ? out : [r];
  }

  /** Index of the "(" that a ")" at i closes, within a short aside; -1 if none. */
  protected matchingOpen(i: number): number {
    for (let k = i - 1; k >= i - 8 && k >= 0; k--) {
      if (this.tok(k)?.value === '(') return k;
      if (this.tok(k)?.value === ')') return -1;
    }
    return -1;
  }

  protected matchingClose(i: number): number {
    for (let k = i + 1; k <= i + 8; k++) {
      if (this.tok(k)?.value === ')') return k;
      if (this.tok(k)?.value === '(') return -1;
    }
    return -1;
  }

  /** Validates a gap between conjuncts, in text order: [","] [and|or|nor] [the] [ADJ…]. true = has a conjunction. */
  protected joiner(gap: readonly Token[]): boolean | undefined {
    let i = 0;
    let comma = false;
    let conjunction = false;
    if (gap[i]?.value === ',') { comma = true; i++; }
    if (gap[i] && CONJUNCTIONS.has(gap[i]?.lower ?? '')) { conjunction = true; i++; }
    if (!comma && !conjunction) return undefined;
    if (gap[i]?.lower === 'the') i++;
    // ("Berlusconi and German Chancellor Gerhard Schroeder": title words before the next name.)
    while (gap[i]?.pos === 'ADJ' || (gap[i]?.pos === 'ADV' && gap[i + 1]?.pos === 'ADJ') || HONORIFIC_WORDS.has(gap[i]?.lower ?? '')
      || (conjunction && /^\p{Lu}/u.test(gap[i]?.value ?? '') && (gap[i]?.pos === 'PROPN' || gap[i]?.pos === 'NOUN'))) i++;
    return i === gap.length ? conjunction : undefined;
  }

  protected skipModifiersLeft(i: number): number {
    let k = i;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ')) k--;
    return k;
  }

  /** Whether most words of a sentence are capitalised (a headline), where capitals say nothing about names. */
  protected titleCased(sentenceIndex: number): boolean {
    const s = this.doc.sentences[sentenceIndex];
    if (!s) return false;
    let words = 0;
    let caps = 0;
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = this.tok(i);
      if (!t || !/\p{L}/u.test(t.value) || t.value.length < 3) continue;
      words++;
      if (/^\p{Lu}/u.test(t.value)) caps++;
    }
    return words >= 3 && caps / words >= 0.6;
  }

  /** Where the coordination that ends with r starts: the token before its first conjunct. */
  protected groupStart(group: readonly ActorReference[]): number {
    return Math.min(...group.map((g) => g.firstToken));
  }
}
