// Cues coreference reads before its salience ranking (coref.ts): the speaker of a verb of speech
// or of a quotation, the owner of a possessive in its own clause, cataphora from a fronted phrase,
// object control, pronoun chains and repeated predicates, relative clauses and appositions that
// rule a candidate out. Written for newsgraph (MIT).
import type { Token } from '../types';
import type { ActorReference } from './index';
import { AGENT_VERBS, CHARGE_VERBS, CONTROL_VERBS, OWNER_BREAKS, QUOTE_REACH, QUOTES, SPEECH_VERBS, type PronounKind } from './coref-words';
import { CorefText, type Item } from './coref-text';

/** Words of a short time phrase after a verb of speech: "said on Tuesday it", "said last week that he". */
const SAID_WHEN_WORDS: ReadonlySet<string> = new Set(['on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'yesterday', 'today', 'tonight', 'earlier', 'later', 'last', 'this', 'week', 'month', 'year', 'night', 'morning', 'evening', 'afternoon']);

/**
 * "It" and "they" stand far more often for things and for people at large than for a named
 * actor (in GUM news, about one in six): they are resolved only as the subject of a verb an
 * actor does, or as a possessive, and only to an actor of this or the last sentence.
 */
export const NEUTER_LOOKBACK_SENTENCES = 1;

/** Relative pronouns that may be the subject of a verb of speech: "X, who told Y he …" (X speaks). */
const RELATIVE_SPEAKERS: ReadonlySet<string> = new Set(['who', 'which', 'that']);

/** Pronoun words: a resolved pronoun is no object a verb of control names. */
const PRONOUN_WORDS: ReadonlySet<string> = new Set(['he', 'him', 'she', 'her', 'it', 'they', 'them']);

/** Tokens after a possessive in a fronted phrase within which its comma must come. */
const FRONTED_REACH = 20;

/** Tokens that end a fronted phrase before its comma could: it was a clause of its own. */
const FRONTED_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '"', '“', '”']);

/** Subject pronouns: one before a possessive in a fronted clause is its owner ("When he met his rival, …"). */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you']);

/** Verbs an expletive "it" takes ("it seems", "it emerged that", "it takes two"): no chain goes on through them. */
const EXPLETIVE_VERBS: ReadonlySet<string> = new Set([
  'be', 'seem', 'appear', 'happen', 'take', 'rain', 'snow', 'matter', 'remain', 'follow', 'become', 'look', 'sound', 'feel', 'turn',
  'emerge', 'mean', 'cost', 'help', 'hurt', 'make', 'get', 'go', 'come', 'work',
]);

/** Where something is said, in a phrase between a verb of speech and its clause: "said in a statement that …". */
const SAID_IN_NOUNS: ReadonlySet<string> = new Set(['statement', 'letter', 'interview', 'communique', 'post', 'speech', 'message', 'broadcast']);

/** The cues, on the text they read. */
export class CorefCues extends CorefText {
  /**
   * "NASA tweeted … via its account", "USI is holding its exhibit": a possessive stands for the
   * subject of its own clause when that is an agreeing actor and no other agreeing actor stands between.
   */
  protected ownSubject(t: Token, kind: PronounKind, seen: readonly Item[]): Item | null | undefined {
    const governor = this.governorOf(t.index, t.index);
    let inside = false;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) return undefined;
      if (m.noun) {
        // "the parents … their child", "inform passengers of their rights": a plural noun may own "their" itself.
        if ((m.role === 'subject' || kind === 'plural') && this.agrees(m, kind)) return undefined;
        continue;
      }
      // "The Art Center at USI bases its exhibit …": a name inside the subject's own phrase is not the owner
      // (and when that subject is none of our actors, nobody is).
      if (inside && m.role === 'subject' && !this.agrees(m, kind)) return null;
      if (!this.agrees(m, kind)) continue;
      // "The RSF, which has been fighting the army, said its team": a closed relative clause's names own nothing after it.
      if (this.embeddedBefore(m, t.index)) continue;
      if (m.role === 'oblique' && this.insideSubject(m, seen, j)) {
        inside = true;
        continue;
      }
      // A possessive inside a quote is not the speaker's ("X said, 'I think his …'").
      if (m.role !== 'subject' || this.quoted[m.first] !== this.quoted[t.index]) return undefined;
      if (governor >= 0 && m.governor >= 0) return this.dominates(m.governor, t.index) ? m : undefined;
      for (let k = m.last + 1; k < t.index; k++) if (OWNER_BREAKS.has(this.tokens[k]?.lower ?? '')) return undefined;
      return m;
    }
    return undefined;
  }

  /**
   * "Rover's disclosure of its talks", "Iran's defence of its programme": a possessive in the
   * of-phrase of a noun that a name owns stands for that owner, when it agrees.
   */
  protected nounOwner(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
    if (this.tokens[t.index - 1]?.lower !== 'of') return undefined;
    let k = t.index - 2;
    if (this.tokens[k]?.pos !== 'NOUN') return undefined;
    while (this.tokens[k - 1]?.pos === 'ADJ' || this.tokens[k - 1]?.pos === 'NOUN') k--;
    if (this.tokens[k - 1]?.value !== "'s") return undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) return undefined;
      if (m.last === k - 2) return this.agrees(m, kind) ? m : undefined;
    }
    return undefined;
  }

  /**
   * The object that controls the infinitive a possessive stands in ("urged Israel to halt its
   * offensive", "induced Russia to extend its capacity"): the parse's obj of the verb whose xcomp
   * holds the possessive, or on the surface "VERB (the) NAME to VERB … its" with a verb of control
   * and no clause break between.
   */
  protected controller(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
    const fits = (m: Item | undefined): Item | undefined => (m && !m.noun && m.role === 'object' && this.agrees(m, kind) ? m : undefined);
    if (this.parsedAt(t.index) && this.syntax) {
      const heads = this.syntax.heads;
      let v = heads[t.index] ?? -1;
      for (let steps = 0; steps < 4 && v >= 0 && this.tokens[v]?.pos !== 'VERB'; steps++) v = heads[v] ?? -1;
      const h = v >= 0 ? heads[v] ?? -1 : -1;
      // (An infinitive after a verb of control that the parse read as a clause of purpose counts too.)
      const rel = this.syntax.deprels[v];
      if (h < 0 || this.tokens[h]?.lemma === 'call' || !(rel === 'xcomp' || (rel === 'advcl' && CONTROL_VERBS.has(this.tokens[h]?.lemma ?? '') && this.tokens[v - 1]?.lower === 'to'))) return undefined;
      for (let j = seen.length - 1; j >= 0; j--) {
        const m = seen[j] as Item;
        if (m.sentence !== t.sentence) return undefined;
        if (m.governor === h && m.last < v) return fits(m);
      }
      return undefined;
    }
    let to = t.index - 1;
    for (; to > 0 && this.tokens[to]?.sentence === t.sentence && this.tokens[to]?.lower !== 'to'; to--) {
      const w = this.tokens[to] as Token;
      if (OWNER_BREAKS.has(w.lower) || w.value === ',' || w.lower === 'and' || w.lower === 'but') return undefined;
    }
    if (this.tokens[to]?.lower !== 'to' || this.tokens[to + 1]?.pos !== 'VERB') return undefined;
    // The object right before "to": a name, or a description resolved to an actor ("urged the North to withdraw its soldiers").
    let object: Item | undefined;
    for (let j = seen.length - 1; j >= 0 && !object; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) break;
      if (m.last === to - 1 && !m.noun && !PRONOUN_WORDS.has(this.tokens[m.first]?.lower ?? '')) object = m;
    }
    if (!object) return undefined;
    const named = { firstToken: object.first, lastToken: object.last };
    let k = named.firstToken - 1;
    // (Past a title before the name: "urged army chief Abdel Fattah al-Burhan to send his negotiators".)
    for (let words = 0; words < 3 && ['NOUN', 'ADJ'].includes(this.tokens[k]?.pos ?? '') && /^\p{Ll}/u.test(this.tokens[k]?.value ?? '') && !this.baseAt[k]; words++) k--;
    if (this.tokens[k]?.lower === 'the') k--;
    // "called on Kyiv to …" (not "a woman called Sacheen to collect …": that call names her).
    const on = this.tokens[k]?.lower === 'on';
    if (on) k--;
    const verb = this.tokens[k];
    if (!verb || verb.pos !== 'VERB' || !CONTROL_VERBS.has(verb.lemma) || (verb.lemma === 'call') !== on) return undefined;
    // (The surface roles read "chief Burhan" as no object; the verb of control found above says it is one.)
    return !object.noun && this.agrees(object, kind) ? object : undefined;
  }

  /**
   * The object of a verb of charge or credit whose of/for-phrase holds the pronoun ("accused the
   * Emirates of complicity through its support", "accused Moscow of torturing the prisoners it holds",
   * "thanked Qatar for its help"): what the phrase tells is that object's deed, when no other agreeing
   * actor stands between the preposition and the pronoun.
   */
  protected chargedObject(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
    let of = t.index - 1;
    for (; of > 0 && this.tokens[of]?.sentence === t.sentence; of--) {
      const w = this.tokens[of] as Token;
      if (w.lower === 'of' || w.lower === 'for') break;
      if (OWNER_BREAKS.has(w.lower) || w.value === ',' || w.value === ';' || this.quoted[of] !== this.quoted[t.index]) return undefined;
    }
    if (!['of', 'for'].includes(this.tokens[of]?.lower ?? '') || this.tokens[of]?.sentence !== t.sentence) return undefined;
    let object: Item | undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence || m.last < of - 1) break;
      if (m.first > of && m.last < t.index && !m.noun && this.agrees(m, kind)) return undefined;
      if (m.last === of - 1) object = m;
    }
    if (!object || object.noun || !this.agrees(object, kind)) return undefined;
    let k = object.first - 1;
    if (this.tokens[k]?.lower === 'the') k--;
    const verb = this.tokens[k];
    return verb?.pos === 'VERB' && CHARGE_VERBS.has(verb.lemma) ? object : undefined;
  }

  /**
   * The last speaker, for a pronoun that is the subject of a verb of speech right after a closing
   * quote mark ('"…", it added', '"…," he said'): the nearest earlier actor outside quotes that is
   * the subject of a verb of speech ("KCNA said", "said KCNA").
   */
  protected continuedSpeaker(t: Token, kind: PronounKind, seen: readonly Item[], lookback: number): Item | undefined {
    let k = t.index - 1;
    if (this.tokens[k]?.value === ',') k--;
    const mark = this.tokens[k];
    if (!mark || !QUOTES.has(mark.value) || !(this.quoted[k - 1] || this.tokens[k - 1]?.value === ',')) return undefined;
    let v = t.index + 1;
    while (['AUX', 'ADV'].includes(this.tokens[v]?.pos ?? '')) v++;
    const verb = this.tokens[v];
    if (!verb || verb.sentence !== t.sentence || verb.pos !== 'VERB' || !SPEECH_VERBS.has(verb.lemma)) return undefined;
    const speaks = (w: Token | undefined): boolean => w !== undefined && w.pos === 'VERB' && SPEECH_VERBS.has(w.lemma);
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (t.sentence - m.sentence > lookback) return undefined;
      if (m.noun || this.quoted[m.first] || !this.agrees(m, kind)) continue;
      let after = m.last + 1;
      while (['AUX', 'ADV'].includes(this.tokens[after]?.pos ?? '')) after++;
      if (speaks(this.tokens[after]) || speaks(this.tokens[m.first - 1])) return m;
    }
    return undefined;
  }

  /**
   * The noun a relative clause modifies when the pronoun is that clause's subject or object ("the
   * rare times they used …"): the parse's acl:relcl head; -1 when there is none or no parse.
   */
  protected relativeHead(t: Token): number {
    if (this.parsedAt(t.index) && this.syntax) {
      const v = this.syntax.heads[t.index] ?? -1;
      const rel = this.syntax.deprels[t.index] ?? '';
      if (v < 0 || !['nsubj', 'nsubj:pass', 'obj'].includes(rel) || !['acl:relcl', 'acl'].includes(this.syntax.deprels[v] ?? '')) return -1;
      return this.syntax.heads[v] ?? -1;
    }
    // (On the surface "the counter-attack it would …" looks the same as "the times they used …".)
    return -1;
  }

  /** The name a possessive's phrase is apposed to: "NAME, her (former) daughter-in-law". */
  protected apposedName(t: Token): string | undefined {
    let k = t.index - 1;
    while (k > t.index - 4 && ['DET', 'ADJ', 'ADV'].includes(this.tokens[k]?.pos ?? '')) k--;
    if (this.tokens[k]?.value !== ',') return undefined;
    const r = this.baseAt[k - 1];
    if (!r || r.lastToken !== k - 1 || this.tokens[k - 1]?.sentence !== t.sentence) return undefined;
    // "for Mr Shimizu, his grandchildren have …": the phrase is a clause's subject, no apposition.
    let end = t.index + 1;
    while (['NOUN', 'ADJ', 'PROPN', 'PART', 'ADP', 'DET', 'NUM'].includes(this.tokens[end]?.pos ?? '') && end < t.index + 8) end++;
    return ['VERB', 'AUX'].includes(this.tokens[end]?.pos ?? '') ? undefined : r.entity;
  }

  /** The subject of the clause a reflexive stands in: the parse's, or the nearest earlier subject with no clause break between. */
  protected clauseSubject(t: Token, seen: readonly Item[]): Item | undefined {
    const governor = this.governorOf(t.index, t.index);
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) return undefined;
      if (m.role !== 'subject') continue;
      return m.noun || !this.clauseMates(m, t.index, governor) ? undefined : m;
    }
    return undefined;
  }

  /**
   * Names a pronoun leans on, before any ranking:
   * - cataphora: a possessive in a fronted phrase or clause stands for the subject named after its
   *   comma ("In her opening remarks, Waters pointed out …", "After calling his mother, Montalvo …"),
   *   unless an agreeing actor stands before it in that phrase;
   * - "X and his colleagues": a possessive right after "NAME and";
   * - left dislocation: ", NAME, he has explained" (the name set off on both sides).
   */
  protected adjacentName(t: Token, kind: PronounKind, possessive: boolean): ActorReference | undefined {
    const fits = (r: ActorReference | undefined): r is ActorReference => r !== undefined && this.agrees(this.item(r.entity, r.entityType, r.firstToken, r.lastToken), kind);
    const verbAfter = (r: ActorReference): boolean => ['VERB', 'AUX'].includes(this.tokens[r.lastToken + 1]?.pos ?? '');
    const sameSentence = (k: number): boolean => this.tokens[k]?.sentence === t.sentence;
    if (possessive) {
      const before = this.tokens[t.index - 1];
      const owner = before?.lower === 'and' ? this.baseAt[t.index - 2] : undefined;
      if (owner && owner.lastToken === t.index - 2 && fits(owner)) return owner;
      let start = t.index;
      while (sameSentence(start - 1)) start--;
      const opener = this.tokens[start];
      // The sentence opens with a phrase or a clause set off by its comma: "On his website, …",
      // "After calling to speak with his mother, …", "Speaking about his plans, …".
      const fronted = opener !== undefined && (opener.pos === 'ADP' || opener.pos === 'SCONJ' || (opener.pos === 'VERB' && /(?:ing|ed)$/.test(opener.lower)));
      if (!fronted || this.quoted[t.index]) return undefined;
      for (let k = start; k < t.index; k++) {
        // "After Putin met his counterpart, …", "When he met his rival, …": an actor or a subject pronoun
        // in the fronted part before the possessive is its owner; "At 80 he writes; his book, …" is no fronted part.
        const w = this.tokens[k] as Token;
        const named = this.baseAt[k];
        if (FRONTED_BREAKS.has(w.value) || SUBJECT_PRONOUNS.has(w.lower) || (named && !named.modifier && fits(named))) return undefined;
      }
      for (let k = t.index + 1; k <= t.index + FRONTED_REACH && sameSentence(k); k++) {
        if ((this.tokens[k] as Token).value !== ',') continue;
        // The name after the comma is the main clause's subject ("…, Sarvis notes he …").
        const subject = this.baseAt[k + 1];
        // (Not a name set off by commas: "his latest book, Hegemony or Survival, was …" is an apposition.)
        return subject && subject.firstToken === k + 1 && this.tokens[subject.lastToken + 1]?.value !== ',' && (verbAfter(subject) || this.roleOf(subject.firstToken, subject.lastToken) === 'subject') && fits(subject) ? subject : undefined;
      }
      return undefined;
    }
    if (this.tokens[t.index - 1]?.value !== ',' || !['VERB', 'AUX'].includes(this.tokens[t.index + 1]?.pos ?? '')) return undefined;
    const named = this.baseAt[t.index - 2];
    if (!named || named.lastToken !== t.index - 2 || !fits(named)) return undefined;
    const opener = this.tokens[named.firstToken - 1];
    return opener?.value === ',' && sameSentence(named.firstToken - 1) ? named : undefined;
  }

  /** Whether an oblique name belongs to the phrase of the subject named just before it (no verb between). */
  protected insideSubject(m: Item, seen: readonly Item[], j: number): boolean {
    for (let i = j - 1; i >= 0; i--) {
      const s = seen[i] as Item;
      if (s.sentence !== m.sentence) return false;
      for (let k = s.last + 1; k < m.first; k++) if (['VERB', 'AUX'].includes(this.tokens[k]?.pos ?? '')) return false;
      if (s.role === 'subject') return !s.noun;
    }
    return false;
  }

  /** Whether the pronoun's sentence opens with a place or country as its subject, before the pronoun. */
  protected placeSubject(t: Token, seen: readonly Item[]): boolean {
    let opening: Item | undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) break;
      if (!m.noun && !m.resolved) opening = m;
    }
    return opening !== undefined && opening.role === 'subject' && (opening.entityType === 'place' || opening.entityType === 'country') && !opening.demonym
      && this.tokens[opening.first - 1]?.sentence !== t.sentence;
  }

  /** The actor named as the speaker of the quote around token k: `"…," X said`, `"…," said X`, `X said: "…"`. */
  protected quoteSpeaker(k: number): string | undefined {
    const speakerAt = (from: number, to: number): string | undefined => {
      for (let i = from; i <= to; i++) {
        const r = this.baseAt[i];
        if (r && !this.quoted[i] && r.entityType !== 'place') return r.entity;
      }
      return undefined;
    };
    let close = k;
    while (close < this.tokens.length && this.quoted[close] && close - k < QUOTE_REACH) close++;
    const after = this.tokens.slice(close + 1, close + 5);
    if (after.some((w) => SPEECH_VERBS.has(w.lemma) && w.pos === 'VERB')) {
      const found = speakerAt(close + 1, close + 4);
      if (found) return found;
    }
    let open = k;
    while (open > 0 && this.quoted[open] && k - open < QUOTE_REACH) open--;
    const before = this.tokens.slice(Math.max(0, open - 4), open);
    if (before.some((w) => SPEECH_VERBS.has(w.lemma) && w.pos === 'VERB')) return speakerAt(Math.max(0, open - 5), open - 1);
    return undefined;
  }

  /** Whether "it"/"they" here likely stands for an actor: a possessive, or the subject of an agent's verb. */
  protected actorPronoun(t: Token, possessive: boolean): boolean {
    if (possessive) return true;
    const rel = this.deprel(t.index);
    if (rel) {
      if (rel !== 'nsubj') return false;
      const head = this.syntax?.heads[t.index] ?? -1;
      const verb = this.tokens[head];
      return verb !== undefined && AGENT_VERBS.has(verb.lemma);
    }
    // Surface: "it said", "they have announced", "it would not comment".
    if (t.lower !== 'it' && t.lower !== 'they') return false;
    for (let k = t.index + 1; k <= t.index + 3; k++) {
      const w = this.tokens[k];
      if (!w || w.sentence !== t.sentence) return false;
      if (w.pos === 'VERB') return AGENT_VERBS.has(w.lemma) && w.lemma !== 'be';
      if (w.pos !== 'AUX' && w.pos !== 'ADV' && w.pos !== 'PART') return false;
      // "it is (also) encouraging": a progressive, not a copula.
      if (w.lemma === 'be' && (this.tokens[k + 1]?.pos === 'ADV' ? this.tokens[k + 2] : this.tokens[k + 1])?.pos !== 'VERB') return false;
    }
    return false;
  }

  /**
   * "They responded by beefing up their forces. So they rescinded their pledge": an "it"/"they"
   * that is the subject of a verb no expletive takes goes on for the same pronoun, resolved, as the
   * last actor that is a subject in this or the previous sentence.
   */
  protected chained(t: Token, kind: PronounKind, seen: readonly Item[]): boolean {
    // (Not inside quotes, where "they" is so often people at large: "if they continue to …"; and only
    // opening a clause, not in "all it achieved", "the shows they make", whose object stands before.)
    const before = this.tokens[t.index - 1];
    const opens = before === undefined || before.sentence !== t.sentence || ['CCONJ', 'SCONJ', 'PUNCT', 'ADV'].includes(before.pos) || before.lower === 'that'
      || (before.pos === 'VERB' && SPEECH_VERBS.has(before.lemma));
    if (this.quoted[t.index] || !opens) return false;
    let verb: Token | undefined;
    const rel = this.deprel(t.index);
    if (rel) {
      if (rel !== 'nsubj') return false;
      verb = this.tokens[this.syntax?.heads[t.index] ?? -1];
    } else {
      for (let k = t.index + 1; k <= t.index + 3 && !verb; k++) {
        const w = this.tokens[k];
        // "when it was set up": a passive's subject is what is done to, seldom an actor that goes on.
        if (!w || w.sentence !== t.sentence || !['VERB', 'AUX', 'ADV', 'PART'].includes(w.pos) || w.lemma === 'be') return false;
        if (w.pos === 'VERB') verb = w;
      }
    }
    if (!verb || verb.pos !== 'VERB' || EXPLETIVE_VERBS.has(verb.lemma)) return false;
    // The last subject that is an actor ("They said the proposal was unacceptable": not the proposal).
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (t.sentence - m.sentence > 1) return false;
      if (m.role !== 'subject' || m.noun) continue;
      return m.resolved === true && !this.quoted[m.first] && this.agrees(m, kind) && this.tokens[m.first]?.lower === t.lower;
    }
    return false;
  }

  /** The verb a subject at tokens first..last (or a pronoun) is the subject of: the parse's head, else the next verb past auxiliaries. */
  protected subjectVerb(first: number, last: number): Token | undefined {
    if (this.parsedAt(first) && this.syntax) {
      const h = this.governorOf(first, last);
      const verb = this.tokens[h];
      return verb?.pos === 'VERB' ? verb : undefined;
    }
    for (let k = last + 1; k <= last + 4; k++) {
      const w = this.tokens[k];
      if (!w || w.sentence !== this.tokens[last]?.sentence) return undefined;
      if (w.pos === 'VERB') return w;
      if (!['AUX', 'ADV', 'PART'].includes(w.pos)) return undefined;
    }
    return undefined;
  }

  /**
   * "Why should NATO exist? … why should it ever have existed": an "it"/"they" that is the subject
   * of the verb an agreeing actor was the subject of, in this or the previous sentence, is that actor
   * (the predicate repeated; not be, have or the verbs an expletive takes).
   */
  protected sameVerb(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
    if (this.roleOf(t.index, t.index) !== 'subject') return undefined;
    const verb = this.subjectVerb(t.index, t.index);
    // (Not have, nor say: every speaker says, so saying again picks out no one.)
    if (!verb || EXPLETIVE_VERBS.has(verb.lemma) || verb.lemma === 'have' || verb.lemma === 'say') return undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (t.sentence - m.sentence > NEUTER_LOOKBACK_SENTENCES) return undefined;
      if (m.role !== 'subject' || m.noun || !this.agrees(m, kind)) continue;
      if (this.subjectVerb(m.first, m.last)?.lemma === verb.lemma) return m;
    }
    return undefined;
  }

  /**
   * "Allton said he had…", "X told reporters that she…": a subject pronoun right after a verb of
   * speech (and "that") stands for that verb's subject, when that is an actor named in this sentence.
   */
  protected reporter(t: Token, seen: readonly Item[]): Item | null | undefined {
    let k = t.index - 1;
    if (this.tokens[k]?.lower === 'that') k--;
    // ("The United States said on Tuesday it had …": a short time phrase between the verb and the pronoun.)
    for (let steps = 0; steps < 3 && SAID_WHEN_WORDS.has(this.tokens[k]?.lower ?? '') && this.tokens[k]?.sentence === t.sentence; steps++) k--;
    // ("said in a joint statement that they …": where it was said, between the verb and its clause.)
    if (SAID_IN_NOUNS.has(this.tokens[k]?.lower ?? '')) {
      let p = k - 1;
      while (p > k - 4 && ['DET', 'ADJ'].includes(this.tokens[p]?.pos ?? '')) p--;
      if (['in', 'on'].includes(this.tokens[p]?.lower ?? '') && this.tokens[p]?.sentence === t.sentence) k = p - 1;
    }
    let verb = this.tokens[k];
    if (verb && verb.pos !== 'VERB' && verb.sentence === t.sentence) {
      // "told reporters he", "told Montalvo he", "told the BBC it": skip a short object.
      const named = this.baseAt[k];
      let from = named && named.lastToken === k ? named.firstToken - 1 : k - 1;
      if (named && this.tokens[from]?.lower === 'the') from--;
      const back = this.tokens[from];
      if (back?.pos === 'VERB' && (named || verb.pos === 'NOUN' || verb.pos === 'PRON')) verb = back;
    }
    if (!verb || verb.sentence !== t.sentence || verb.pos !== 'VERB' || !SPEECH_VERBS.has(verb.lemma)) return undefined;
    // The verb's subject: the parse's nsubj, or the word right before it (auxiliaries and adverbs between).
    let subject = verb.index - 1;
    let passive = false;
    // (The step back happens on every pass: a `||=` would skip it once passive is true, and loop forever.)
    while (subject > 0 && ['AUX', 'ADV', 'PART'].includes(this.tokens[subject]?.pos ?? '')) {
      const lemma = this.tokens[subject--]?.lemma;
      passive = passive || lemma === 'be' || lemma === 'become';
    }
    // "it became known that he …", "it was reported that she …": nobody speaks; the ranking decides.
    if (passive || this.tokens[subject]?.lower === 'it' || ['be', 'become'].includes(this.tokens[subject]?.lemma ?? '')) return undefined;
    // "Devocht, who had told Montalvo he …": a relative pronoun speaks for the name it follows.
    if (RELATIVE_SPEAKERS.has(this.tokens[subject]?.lower ?? '')) {
      const named = this.baseAt[this.tokens[subject - 1]?.value === ',' ? subject - 2 : subject - 1];
      const m = named ? seen.find((i) => i.first === named.firstToken && i.last === named.lastToken && !i.noun) : undefined;
      return m && m.sentence === t.sentence ? m : null;
    }
    // "Kiara Perkins, a second-year student, admitted she …": the subject stands before the apposition.
    if (this.tokens[subject]?.value === ',') {
      for (let k = subject - 1; k > subject - 12 && k > 0 && this.tokens[k]?.sentence === t.sentence; k--) {
        if (this.tokens[k]?.value !== ',') continue;
        if (this.baseAt[k - 1]) subject = k - 1;
        break;
      }
    }
    let adjacent: Item | undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) break;
      if (m.last >= verb.index) continue;
      if (m.governor >= 0 ? m.governor === verb.index && m.role === 'subject' : m.last === subject) return m.noun ? null : m;
      if (m.last === subject && !m.noun) adjacent ??= m;
    }
    // "His father Mohamed Hassan said he …" misparsed (the name as a clause of its own): the parse names
    // no subject of the verb, and the name right before it is one.
    if (adjacent) return adjacent;
    // "Standard Chartered said it": the speaker is no actor we know, so neither is "it".
    return null;
  }
}
