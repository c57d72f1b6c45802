// Pair and group descriptions resolved (coref.ts): "both sides", "the two leaders", "the three
// countries" → the pair or group the text last named as parties to one event (coref-pairs.ts reads
// the events), else the story's own pair; and a plural pronoun of the phrase's clause after it.
// Written for newsgraph (MIT).
import type { EntityType, Token } from '../types';
import type { ActorReference } from './index';
import { OFFICE_TITLES, type ActorFacts } from './descriptions';
import { EVENT_LOOKBACK, eventKind, FORUMS, PAIR_LOOKBACK, PAIR_TYPES, partyEvents, relativeCommas, type PairKind, type PairSpan, type PartyEvent } from './coref-pairs';
import { PRONOUNS, SPEECH_VERBS } from './coref-words';
import type { Item } from './coref-text';
import { CorefCues } from './coref-cues';

/** Words that join two actors named as a pair. */
const PAIR_JOINERS: ReadonlySet<string> = new Set(['and', '&', 'with', ',', 'versus', 'vs', 'vs.']);
/** Possessive pronouns: the owner of a party, never a party of its own event. */
const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their']);
/** How often the story must have named each of its two main sides before "both sides" goes to them rather than to the last sentence's. */
const STORY_SIDE_MENTIONS = 2;
/** Sentences two sides must share before "both sides" goes to the pair the story names together most (when no party event is in reach). */
const TOGETHER_MIN = 2;
/** Words before an event's noun that name it again ("the truce", "their talks"). */
const DEFINITE: ReadonlySet<string> = new Set(['the', 'this', 'that', 'its', 'their']);
/** Tokens either side of a pair phrase where a word of the event it stands in is read ("both countries had violated the truce"). */
const PAIR_EVENT_NEAR = 10;
/** Tokens after a pair phrase within which a plural pronoun of its clause stands for the pair. */
const PAIR_PRONOUN_REACH = 8;
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', '“', '”']);

/** The pair phrases' part of the resolver; coref.ts's Resolver gives the actor facts and the references. */
export abstract class CorefGroups extends CorefCues {
  /** Entity → how often it was named so far (its weight as the story's topic). */
  protected readonly named = new Map<string, number>();
  /** Pair phrases resolved so far, as party events a later one may stand for ("the two leaders … both sides"). */
  private readonly pairsNamed: PartyEvent[] = [];

  protected abstract actorFacts(entity: string, entityType: EntityType): ActorFacts;
  protected abstract reference(entity: string, entityType: EntityType, first: number, last: number, sentence: number, via: 'pronoun' | 'description', possessive: boolean): ActorReference;

  /**
   * "both sides", "the two leaders", "the three countries": the pair (or group) the text last named
   * as parties to one event (coref-pairs.ts), its members agreeing with the phrase in kind (a person
   * stands for the one state a title ties them to when the phrase means states) and in number. First
   * the sides named in the phrase's own clause when it is their subject ("Algeria accused Mali …, and
   * both countries recalled"), a story's list of three or more, and the story's own two sides when
   * they stand out; then the event the phrase's clause names again ("both countries had violated
   * the truce" → the truce's two sides), else the last party event in reach. None: unresolved.
   */
  protected resolvePair(span: PairSpan, seen: readonly Item[], withSubject = false): ActorReference[] {
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    const kind = span.row.kind;
    const types = PAIR_TYPES[kind];
    // The names of the last few sentences only (seen is in text order): bounded work per phrase.
    const named: Item[] = [];
    for (let k = seen.length - 1; k >= 0 && sentence - (seen[k] as Item).sentence <= PAIR_LOOKBACK; k--) {
      const m = seen[k] as Item;
      // (Names, and descriptions resolved to a side: "the junta", "the army"; not pronouns.)
      if (!m.noun && (!m.resolved || !PRONOUNS.has(this.tokens[m.first]?.lower ?? ''))) named.unshift(m);
    }
    const stand = (entities: readonly string[], from: readonly Item[]): ActorReference[] => entities.map((entity) => {
      const m = from.find((f) => f.entity === entity) as Item;
      return this.reference(m.entity, m.entityType, span.first, span.last, sentence, 'description', false);
    });
    const own = named.filter((m) => m.sentence === sentence && m.entityType !== 'place');
    // "Algeria accused Mali …, and both countries recalled their envoys": the two named by name in
    // the phrase's own clause (not by a demonym: "her Philippine counterpart").
    // (Three or more may include a demonym's side: "Lithuania and Latvia backed the Polish decision, and the three countries …".)
    const count = span.row.count ?? 2;
    // (A person there is no side of "both sides": "Boulos, an adviser to President Trump, said both sides".)
    const sideTypes = types.filter((t) => kind !== 'sides' || t !== 'person');
    // (Nor an owner: "Putin's aide Yuri Ushakov said the two presidents" names Putin as whose aide, no party.)
    const ownSides = [...new Set(own.filter((m) => (!m.demonym || count > 2) && m.role !== 'possessor' && sideTypes.includes(m.entityType)).map((m) => m.entity))];
    // Only as the subject: in "X spoke with Y and praised both leaders" the pair is others.
    const next = this.tokens[span.last + 1];
    const subject = next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX');
    if (subject && ownSides.length === count && own.every((m) => m.demonym || m.role === 'possessor' || sideTypes.includes(m.entityType))) return stand(ownSides, own);
    // "Mali, Burkina Faso and Niger recalled … [countries named since] … the three juntas": three or
    // more sides are the story's list of that many, named as one list ("X, Y and Z") before.
    if (count > 2) {
      const list = this.namedList(seen, sentence, count, types);
      if (list) return stand(list.map((m) => m.entity), list);
    }
    // "The UAE … praised both countries", "Ruto called on both sides": the subject of the clause the
    // phrase is an object in is no side ("Khamenei said ties … were beneficial to both countries" may be his).
    // (The sentence's first actor, when the parse gave no subject: "Qatar and Egypt, which mediated …, have pressed both sides".)
    // ("Museveni thanked his host": for the other party of a possessor, the subject is one side.)
    const opener = subject || withSubject ? undefined : own.find((m) => m.last < span.first && (m.role === 'subject' || (m.role !== 'possessor' && this.tokens[m.first - (this.tokens[m.first - 1]?.lower === 'the' ? 2 : 1)]?.sentence !== sentence)));
    const outside = opener && !this.otherClause(opener, span) ? this.sidesWith(opener, own) : new Set<string>();
    const party = this.lastParties(span, seen, kind, count, outside, () => this.storySides(span, named, seen, outside) ?? this.togetherPair(span, named, seen, outside));
    if (party) {
      // (A possessor's other party is checked by its caller; it names no pair for later phrases.)
      if (!withSubject) this.pairsNamed.push({ members: party.map((p) => ({ ...p.item, entity: p.entity, entityType: p.entityType })), sentence, at: span.last, kinds: this.eventKindsNear(span) });
      return party.map((p) => this.reference(p.entity, p.entityType, span.first, span.last, sentence, 'description', false));
    }
    // No party event in reach, and the phrase's own sentence names two actors together before it
    // ("South Africa, whose border with Mozambique …, urged both camps"): they are no guess's sides.
    if (count === 2) for (let k = 1; k < own.length; k++) if (own[k - 1]?.entity !== own[k]?.entity && (own[k] as Item).first < span.first && this.paired(own[k - 1] as Item, own[k] as Item)) return [];
    return this.storyPair(span, named, seen, opener ? this.sidesWith(opener, own) : outside);
  }

  /**
   * Whether the pair phrase stands in another clause than the one its sentence's subject opens: a said-
   * or that-clause ("Khamenei said ties … were beneficial to both countries"; not "X said …, and praised
   * both countries"), or past a comma that closes no relative clause ("Iranian and American negotiators
   * held talks …, with Oman's minister carrying messages between the two delegations").
   */
  private otherClause(opener: Item, span: PairSpan): boolean {
    let reported = false;
    const relative = relativeCommas(this.tokens, opener.last + 1, span.first);
    for (let k = opener.last + 1; k < span.first; k++) {
      const w = this.tokens[k] as Token;
      if (relative.has(k)) continue;
      const sharedVerb = ['and', 'but'].includes(w.lower) && this.tokens[k + 1]?.pos === 'VERB';
      if (w.lower === 'that' || (w.pos === 'VERB' && SPEECH_VERBS.has(w.lemma))) reported = true;
      else if (sharedVerb || (w.value === ',' && ['and', 'but'].includes(this.tokens[k + 1]?.lower ?? '') && this.tokens[k + 2]?.pos === 'VERB')) reported = false;
      else if (w.value === ',' && !this.embeddedUntil[k] && !this.embeddedUntil[k + 1] && !this.embeddedFrom[k - 1]) return true;
    }
    return reported;
  }

  /** The subject of the phrase's clause and the actors coordinated with it ("Qatar and Egypt … pressed both sides"), and their states. */
  private sidesWith(opener: Item, own: readonly Item[]): Set<string> {
    const out = new Set<string>([opener.entity, ...this.actorFacts(opener.entity, opener.entityType).countries]);
    for (const e of partyEvents(this.tokens, own, () => false)) {
      if (!e.coordinated) continue;
      if (e.members.some((m) => m.entity === opener.entity && m.first === opener.first)) for (const m of e.members) out.add(m.entity);
    }
    return out;
  }

  /**
   * The story's own two sides, when they stand clearly above the rest (each named at least twice
   * STORY_SIDE_MENTIONS times, the third at most half as often) and have been named together: "the
   * two sides failed to agree … negotiators from both sides" in a story of China and the EU.
   */
  private storySides(span: PairSpan, named: readonly Item[], seen: readonly Item[], outside: ReadonlySet<string>): Item[] | undefined {
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    // (People for "the two men", not for "both sides": its sides are states and bodies.)
    const types: readonly EntityType[] = PAIR_TYPES[span.row.kind].filter((t) => t !== 'person' || span.row.kind !== 'sides');
    const sides = [...new Set(named.concat(seen.filter((m) => m.sentence < sentence)).filter((m) => m.entityType !== 'place' && types.includes(m.entityType) && !FORUMS.has(m.entity) && !outside.has(m.entity) && !m.noun).map((m) => m.entity))]
      .map((entity) => ({ entity, n: this.named.get(entity) ?? 0 })).sort((a, b) => b.n - a.n || (a.entity < b.entity ? -1 : 1));
    const [first, second, third] = sides;
    if (!first || !second || second.n < STORY_SIDE_MENTIONS * 2 || (third?.n ?? 0) * 2 > second.n || this.together(first.entity, second.entity, seen, sentence) < 1) return undefined;
    return [seen.find((m) => m.entity === first.entity) as Item, seen.find((m) => m.entity === second.entity) as Item];
  }

  /** The two countries or bodies named together in the most earlier sentences in reach, at least TOGETHER_MIN and ahead of any other pair. */
  private togetherPair(span: PairSpan, named: readonly Item[], seen: readonly Item[], outside: ReadonlySet<string>): Item[] | undefined {
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    const types: readonly EntityType[] = PAIR_TYPES[span.row.kind].filter((t) => t !== 'person');
    const fits = named.filter((m) => m.sentence < sentence && types.includes(m.entityType) && !FORUMS.has(m.entity) && !outside.has(m.entity));
    const candidates = [...new Set(fits.map((m) => m.entity))].sort();
    const pairs: Array<{ a: string; b: string; n: number }> = [];
    for (let i = 0; i < candidates.length; i++) for (let j = i + 1; j < candidates.length; j++) {
      pairs.push({ a: candidates[i] as string, b: candidates[j] as string, n: this.together(candidates[i] as string, candidates[j] as string, seen, sentence) });
    }
    pairs.sort((x, y) => y.n - x.n || (x.a + x.b < y.a + y.b ? -1 : 1));
    const [best, next] = pairs;
    if (!best || best.n < TOGETHER_MIN || (next && next.n >= best.n)) return undefined;
    return [fits.find((m) => m.entity === best.a) as Item, fits.find((m) => m.entity === best.b) as Item];
  }

  /**
   * When no party event is in reach: the two countries or bodies the story has named together in the
   * most earlier sentences (at least TOGETHER_MIN, ahead of any other pair), else the two it named
   * most (each at least STORY_SIDE_MENTIONS times, ahead of the third), else the two of the last
   * earlier sentence that names exactly two.
   */
  private storyPair(span: PairSpan, named: readonly Item[], seen: readonly Item[], outside: ReadonlySet<string>): ActorReference[] {
    const count = span.row.count ?? 2;
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    // (Not people: the two named last are too often not the pair, "Putin's aide Yuri Ushakov said the two presidents".)
    const types: readonly EntityType[] = PAIR_TYPES[span.row.kind].filter((t) => t !== 'person');
    const fits = named.filter((m) => m.sentence < sentence && types.includes(m.entityType) && !FORUMS.has(m.entity) && !outside.has(m.entity));
    const stand = (entities: readonly string[]): ActorReference[] => entities.map((entity) => {
      const m = fits.find((f) => f.entity === entity) as Item;
      return this.reference(m.entity, m.entityType, span.first, span.last, sentence, 'description', false);
    });
    const candidates = [...new Set(fits.map((m) => m.entity))].sort();
    const together = count === 2 ? this.togetherPair(span, named, seen, outside) : undefined;
    if (together) return stand(together.map((m) => m.entity));
    const story = candidates.map((entity) => ({ entity, n: this.named.get(entity) ?? 0 })).sort((a, b) => b.n - a.n || (a.entity < b.entity ? -1 : 1));
    const top = story.slice(0, count);
    if (top.length === count && (story[count]?.n ?? 0) < (top[count - 1]?.n ?? 0) && (top[count - 1]?.n ?? 0) >= STORY_SIDE_MENTIONS) return stand(top.map((x) => x.entity));
    const at = fits[fits.length - 1]?.sentence;
    const sides = [...new Set(fits.filter((m) => m.sentence === at).map((m) => m.entity))];
    return sides.length === count ? stand(sides) : [];
  }

  /**
   * The members of the party event a pair phrase stands for (see resolvePair), mapped to the
   * phrase's kind, or undefined. Events in the phrase's own sentence count when they end before it.
   */
  private lastParties(span: PairSpan, seen: readonly Item[], kind: PairKind, count: number, outside: ReadonlySet<string>,
    storyPair: () => Item[] | undefined): Array<{ entity: string; entityType: EntityType; item: Item }> | undefined {
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    const bySentence = new Map<number, Item[]>();
    for (let k = seen.length - 1; k >= 0; k--) {
      const m = seen[k] as Item;
      if (sentence - m.sentence > EVENT_LOOKBACK) break;
      if (m.noun || m.entityType === 'place' || m.last >= span.first || !this.party(m)) continue;
      const list = bySentence.get(m.sentence) ?? [];
      list.unshift(m);
      bySentence.set(m.sentence, list);
    }
    const events: PartyEvent[] = [...this.pairsNamed.filter((e) => sentence - e.sentence <= EVENT_LOOKBACK && e.at < span.first)];
    // (Not the open event the phrase's own noun makes: "Museveni thanked his host".)
    for (const actors of bySentence.values()) events.push(...partyEvents(this.tokens, actors, (k) => (this.embeddedUntil[k] ?? 0) > 0).filter((e) => !(e.open && e.at >= span.first && e.at <= span.last)));
    events.sort((a, b) => b.at - a.at);
    const mapped = (e: PartyEvent): Array<{ entity: string; entityType: EntityType; item: Item }> | undefined => {
      const out = new Map<string, { entity: string; entityType: EntityType; item: Item }>();
      for (const m of e.members) {
        const side = this.pairMember(m, kind, span.row.office);
        if (!side || outside.has(side.entity) || FORUMS.has(side.entity)) return undefined;
        if (!out.has(side.entity)) out.set(side.entity, { ...side, item: m });
      }
      // "Albanese … visit China, holding talks with President Xi Jinping": a person and the state they serve are one side.
      const entities = new Set(out.keys());
      for (const [entity, side] of out) if (side.entityType === 'person' && this.statesOf(entity).some((c) => entities.has(c))) return undefined;
      return out.size === count ? [...out.values()] : undefined;
    };
    // "both countries had violated the truce": the event its clause names again, told with its parties.
    const kinds = this.eventKindsNear(span);
    for (const e of events) {
      if (e.open || ![...e.kinds].some((k) => kinds.has(k))) continue;
      const members = mapped(e);
      if (members) return members;
    }
    // Then the story's own two sides, or the two it has named together in the most sentences, when clearly
    // ahead ("Mexico cut ties with Ecuador … Ecuador accused Mexico … Nicaragua cut its ties with Quito. The US urged both countries").
    const story = count === 2 ? storyPair() : undefined;
    if (story) return story.map((m) => ({ entity: m.entity, entityType: m.entityType, item: m }));
    // Else the last pair in reach; one whose other end is no actor we know ("Xi received his guest"), or
    // whose members are not of the phrase's kind ("Orban hosted his Swedish counterpart, Ulf Kristersson"
    // with no state known for him, then "the two governments"), stops the search: no older pair is meant.
    // ("The draft, put forward by Britain and Sierra Leone, urged the warring parties": those at war
    // are a war's sides or nobody, never merely the last pair named.)
    const warring = span.row.words.includes('warring');
    for (const e of events) {
      if (sentence - e.sentence > PAIR_LOOKBACK || e.open || warring) break;
      const members = mapped(e);
      if (members) return members;
      if (new Set(e.members.map((m) => m.entity)).size === count && e.members.some((m) => !this.pairMember(m, kind, span.row.office))) break;
    }
    return undefined;
  }

  /** The kinds of event named in the pair phrase's clause near it ("both countries had violated the truce"). */
  private eventKindsNear(span: PairSpan): Set<string> {
    const kinds = new Set<string>();
    const sentence = this.tokens[span.first]?.sentence;
    for (let k = span.first - PAIR_EVENT_NEAR; k <= span.last + PAIR_EVENT_NEAR; k++) {
      const t = this.tokens[k];
      if (!t || t.sentence !== sentence || (k >= span.first && k <= span.last)) continue;
      // ("violated the truce", "their talks": an event named again, not "wanted the two leaders to meet".)
      const kind = DEFINITE.has(this.tokens[k - 1]?.lower ?? '') ? eventKind(t) : undefined;
      if (kind) kinds.add(kind);
    }
    return kinds;
  }

  /**
   * A party named by m as a member of a pair of the given kind: the actor itself when its type fits,
   * a person's one state when the pair is of states ("Lee held talks with Ishiba … both governments").
   */
  private pairMember(m: Item, kind: PairKind, office?: readonly string[]): { entity: string; entityType: EntityType } | undefined {
    // ("Italian Prime Minister Giorgia Meloni and Finnish President Alexander Stubb … the two presidents": she holds another office.)
    if (office && m.entityType === 'person') {
      const titles = this.actorFacts(m.entity, m.entityType).titles;
      if (!office.some((w) => titles.has(w)) && [...titles].some((w) => OFFICE_TITLES.has(w))) return undefined;
    }
    // (A side of a dispute named by its leader is the state they speak for, when one is known: "Kurti and Vucic … both sides".)
    const states = m.entityType === 'person' && (kind === 'states' || kind === 'sides') ? this.statesOf(m.entity) : [];
    if (states.length === 1) return { entity: states[0] as string, entityType: 'country' };
    return PAIR_TYPES[kind].includes(m.entityType) ? { entity: m.entity, entityType: m.entityType } : undefined;
  }

  /** The states a person's titles tie them to in this text, else the one the news gazetteer has them serve first. */
  private statesOf(person: string): readonly string[] {
    const countries = [...this.actorFacts(person, 'person').countries];
    const served = this.input.servedBy?.(person)?.[0];
    return countries.length > 0 ? countries : served ? [served] : [];
  }

  /**
   * Whether an item can be a party to an event: a name of its clause (not one inside a title phrase,
   * "European Commission President …"), or a pronoun or description resolved; a possessor only of
   * an event ("Russia's war with Ukraine"), not of a thing ("for Ukraine's Independence Day").
   */
  private party(m: Item): boolean {
    if (!m.resolved && this.baseAt[m.first]?.entity !== m.entity) return false;
    // ("Orban hosted his Swedish counterpart": the possessive is no second party.)
    if (m.resolved && POSSESSIVES.has(this.tokens[m.first]?.lower ?? '')) return false;
    if (m.role !== 'possessor') return true;
    const owned = this.tokens[m.last + 1]?.lower === "'s" ? m.last + 2 : m.last + 1;
    for (let k = owned; k <= owned + 2; k++) if (eventKind(this.tokens[k])) return true;
    return false;
  }

  /** Whether the pronoun stands in the pair phrase's clause after it: same sentence, no name, quote or clause break between. */
  protected afterPair(last: number, t: Token): boolean {
    if (this.tokens[last]?.sentence !== t.sentence || t.index - last > PAIR_PRONOUN_REACH) return false;
    for (let k = last + 1; k < t.index; k++) {
      const w = this.tokens[k] as Token;
      if (this.baseAt[k] || QUOTE_MARKS.has(w.value) || [';', ':', 'but', 'while', 'whereas', 'although', 'which', 'who'].includes(w.lower)) return false;
    }
    return true;
  }

  /**
   * "each other" or "one another" at t, and the pair it stands for: the pair phrase of its clause
   * ("Both sides accused each other"), else the coordination of two or more actors right before it
   * in its clause ("Russia and North Korea will come to each other's aid"); undefined otherwise.
   */
  protected reciprocal(t: Token, lastPair: { readonly sides: readonly ActorReference[]; readonly last: number } | undefined, seen: readonly Item[]):
    { readonly sides: ReadonlyArray<{ readonly entity: string; readonly entityType: EntityType }>; readonly last: number } | undefined {
    const second = this.tokens[t.index + 1];
    if (!second || !((t.lower === 'each' && second.lower === 'other') || (t.lower === 'one' && second.lower === 'another'))) return undefined;
    if (lastPair && this.afterPair(lastPair.last, t)) return { sides: lastPair.sides, last: second.index };
    const own = this.seenIn(seen, t.sentence).filter((m) => !m.noun && m.last < t.index && this.party(m));
    const last = partyEvents(this.tokens, own, () => false).filter((e) => e.coordinated).pop();
    const sides = last ? [...new Map(last.members.map((m) => [m.entity, m])).values()] : [];
    return last && sides.length >= 2 && this.afterPair(last.at, t) ? { sides, last: second.index } : undefined;
  }

  /** Whether two actors are named as a pair: "X and Y", "X's army and Y", "X met with Y" (a few words apart). */
  private paired(a: Item, b: Item): boolean {
    const gap = this.tokens.slice(a.last + 1, b.first);
    return gap.length > 0 && gap.length <= 4 && gap.some((t) => PAIR_JOINERS.has(t.lower)) && !gap.some((t) => t.pos === 'PUNCT' && t.value !== ',');
  }

  /** In how many earlier sentences both actors are named (by name or by a resolved description). */
  private together(a: string, b: string, seen: readonly Item[], before: number): number {
    const at = new Map<number, number>();
    for (const m of seen) {
      if (m.sentence >= before || m.noun || (m.resolved && PRONOUNS.has(this.tokens[m.first]?.lower ?? ''))) continue;
      if (m.entity === a) at.set(m.sentence, (at.get(m.sentence) ?? 0) | 1);
      if (m.entity === b) at.set(m.sentence, (at.get(m.sentence) ?? 0) | 2);
    }
    return [...at.values()].filter((v) => v === 3).length;
  }

  /**
   * The last list of exactly `count` distinct actors of the given types named one after another as
   * a list ("Mali, Burkina Faso and Niger": commas and one "and") in an earlier sentence, or undefined.
   */
  private namedList(seen: readonly Item[], before: number, count: number, types: readonly EntityType[]): Item[] | undefined {
    let found: Item[] | undefined;
    let run: Item[] = [];
    const close = (): void => {
      if (new Set(run.map((m) => m.entity)).size === count && run.length === count) found = run;
      run = [];
    };
    for (const m of seen) {
      if (m.sentence >= before) break;
      if (m.noun || m.resolved || m.demonym || !types.includes(m.entityType)) { close(); continue; }
      const prev = run[run.length - 1];
      const gap = prev && prev.sentence === m.sentence ? this.tokens.slice(prev.last + 1, m.first) : undefined;
      const listed = gap !== undefined && gap.length >= 1 && gap.length <= 2 && gap.every((t) => t.value === ',' || t.lower === 'and');
      if (prev && !listed) close();
      run.push(m);
    }
    close();
    return found;
  }
}
