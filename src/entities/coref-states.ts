// "the junta", "the army", "the government", "the country", "the agency": a description resolved to the
// actor it stands for (descriptions.ts lists them): states by salience and the story's topic, rulers and
// armies by what the story says of them, bodies by kind and name. coref.ts resolves pronouns.
import type { ActorReference } from './index';
import { describes, OFFICE_TITLES, organizationWords, type ActorFacts, type DescriptionSpan } from './descriptions';
import { CorefGroups } from './coref-groups';
import type { Item } from './coref-text';
import { FACTIONAL_ARMIES, MILITARY_GOVERNMENTS } from './tables';
import type { Role } from './coref-text';
import { slugify } from './slug';

/** Salience halves with each sentence back. */
export const DECAY = 0.5;
/** Salience by grammatical role (Lappin and Leass 1994, simplified). */
export const ROLE_WEIGHT: Readonly<Record<Role, number>> = { subject: 80, object: 50, possessor: 40, oblique: 30, other: 20, modifier: 0 };
/** Every mention's own weight, before its role: it was mentioned, recently. */
export const RECENCY_WEIGHT = 100;
/** A mention inside a relative clause set off by commas, once it has closed, weighs this share ("X, who fought Y, said his …"). */
export const EMBEDDED_FACTOR = 0.4;
/** The best antecedent must beat the next one by this share of its score, or the pronoun stays unresolved. */
export const MARGIN = 0.15;

const JUNTA_STATES: ReadonlySet<string> = new Set(MILITARY_GOVERNMENTS.map((r) => r.country));
const FACTIONAL_STATES: ReadonlySet<string> = new Set(FACTIONAL_ARMIES.map((r) => r.country));
/** Descriptions of a country's rulers, and the words that name military rule next to a country. */
const RULER_DESCRIPTIONS: ReadonlySet<string> = new Set(['junta', 'regime']);
const MILITARY_RULE_WORDS: ReadonlySet<string> = new Set(['junta', 'military', 'generals', 'coup', 'army-led', 'military-led']);
/** How far back (sentences) a country named with military rule is still what "the junta" means. */
const RULED_LOOKBACK = 8;
/** Nouns after "military" that make it the rulers: "military government", "military rulers". */
const RULE_NOUNS: ReadonlySet<string> = new Set(['government', 'governments', 'rulers', 'regime', 'leaders', 'leadership', 'authorities', 'junta', 'council', 'administration', 'rule']);
/** Descriptions of a state's armed forces: "the army" stands for the one named by name. */
const ARMY_DESCRIPTIONS: ReadonlySet<string> = new Set(['army', 'military']);
/** How a state's army is named after its state's word. */
const STATE_ARMY_HEADS: ReadonlySet<string> = new Set(['Army', 'Armed Forces', 'Defense Forces', 'Defence Forces', 'Military']);
/** A country named by a demonym ("French troops") weighs this share of its name for "the country". */
const DEMONYM_FACTOR = 0.5;
/** Each time the story named a country so far (up to TOPIC_CAP) adds this share to its salience for "the country". */
const TOPIC_WEIGHT = 0.1;
const TOPIC_CAP = 10;
/** The country a description stood for before, for the same description again ("the junta … the junta"). */
const SAME_DESCRIPTION_FACTOR = 1.5;
/** Descriptions of a head of state or government that a gazetteer person serving the demonym's state may take up. */
const LEADER_WORDS: ReadonlySet<string> = new Set(['leader', 'president', 'ruler', 'strongman', 'prime minister', 'premier']);
/** Words before "group", "force" that say it is no state's army. */
/** Participles of a "Name-backed" modifier: the body described has a state behind it. */
const BACKED_WORDS: ReadonlySet<string> = new Set(['backed', 'supported', 'funded', 'sponsored', 'aligned', 'armed']);
const IRREGULAR_WORDS: ReadonlySet<string> = new Set(['paramilitary', 'rebel', 'militant', 'insurgent', 'jihadist', 'armed', 'islamist']);
/** Words that make a title another office: a deputy prime minister is not "the prime minister". */
export const LESSER_TITLE_WORDS: ReadonlySet<string> = new Set(['deputy', 'vice', 'former', 'shadow', 'junior', 'assistant', 'ex', 'acting', 'interim', 'would-be']);

/** The last item that `fits` (as [...seen].reverse().find(fits), without the copy). */
function lastOf(seen: readonly Item[], fits: (m: Item) => boolean): Item | undefined {
  for (let k = seen.length - 1; k >= 0; k--) if (fits(seen[k] as Item)) return seen[k];
  return undefined;
}

/** The countries the story has named most so far (names and demonyms), when named at least twice. */
function topCountries(counts: ReadonlyMap<string, number>): ReadonlySet<string> {
  const most = Math.max(0, ...counts.values());
  return new Set(most >= 2 ? [...counts.entries()].filter(([, n]) => n === most).map(([e]) => e) : []);
}

export abstract class CorefStates extends CorefGroups {
  /** The entity a description stood for before ("the junta … the junta"). */
  protected readonly described = new Map<string, string>();

  protected resolveDescription(d: DescriptionSpan, seen: readonly Item[]): ActorReference | undefined {
    const first = this.tokens[d.first];
    if (!first) return undefined;
    const key = d.row.words.join(' ');
    // The description stands for the actor m names, as a reference of its own span.
    const stand = (m: Item): ActorReference => this.reference(m.entity, m.entityType, d.first, d.last, first.sentence, 'description', this.tokens[d.last + 1]?.value === "'s");
    // "Myanmar's military government … the junta": a country named with a word of military rule is
    // the one "the junta" or "the regime" stands for, even when another country was named since.
    // (So is "the army" or "the military" when no state's army was named by its own name: "Myanmar's military government … the army".)
    const inReach = (m: Item): boolean => m.entityType === 'country' && !m.demonym && first.sentence - m.sentence <= RULED_LOOKBACK;
    // (A state soldiers rule is what "the junta" stands for first: "France's ambassador to Niger … the country's military rulers".)
    const juntas = key === 'junta' ? new Set([...seen].filter((m) => inReach(m) && JUNTA_STATES.has(m.entity) && !this.ownClauseSubject(m, d)).map((m) => m.entity)) : new Set<string>();
    const armyWords = ARMY_DESCRIPTIONS.has(key) && !d.country;
    const ruled = (RULER_DESCRIPTIONS.has(key) || (armyWords && !this.namedStateArmy(seen, first.sentence)))
      ? (juntas.size === 1 ? lastOf(seen, (m) => inReach(m) && juntas.has(m.entity) && !this.ownClauseSubject(m, d)) : undefined) ?? lastOf(seen, (m) => inReach(m) && this.militaryRule(m))
      : undefined;
    if (ruled) return stand(ruled);
    // "the Sudanese Armed Forces … the army": a state's army named by its own name is the one "the
    // army" stands for, even when another country was named since ("Arakan Army" is no state's).
    const army = armyWords
      ? lastOf(seen, (m) => m.entityType === 'organization' && first.sentence - m.sentence <= RULED_LOOKBACK && this.stateArmy(m.entity))
      : undefined;
    if (army) return stand(army);
    // "Sudan's Rapid Support Forces … the UAE and Egypt … The army": where a state's army is a side of
    // its civil war (tables.ts), the army in a story naming that state is its own.
    const factional = armyWords
      ? lastOf(seen, (m) => m.entityType === 'country' && first.sentence - m.sentence <= RULED_LOOKBACK && FACTIONAL_STATES.has(m.entity))
      : undefined;
    if (factional) return stand(factional);
    // "the country", "the army", "the junta": the most salient country in reach, not merely the last named.
    // "a US delegation … the visitors": the country named right before a delegation word.
    if (d.row.sentBy) {
      const words = new Set(d.row.sentBy);
      for (let k = seen.length - 1; k >= 0; k--) {
        const m = seen[k] as Item;
        if (first.sentence - m.sentence > d.row.lookback) break;
        if (m.entityType !== 'country' || m.noun || m.last >= d.first) continue;
        const next = this.tokens[this.tokens[m.last + 1]?.value === "'s" ? m.last + 2 : m.last + 1];
        if (next && words.has(next.lower) && next.index < d.first) return stand(m);
      }
      return undefined;
    }
    if (d.row.entityType === 'country') {
      const best = this.salientCountry(d, seen, first.sentence);
      return best ? stand(best) : undefined;
    }
    // "the paramilitary group", "the rebel group": no state's own army ("the Sudanese Armed Forces").
    // ("the Iran-backed group": a body a state stands behind is no state's own army either.)
    const irregular = BACKED_WORDS.has(d.backing ?? '') || this.tokens.slice(d.first, d.last).some((w) => IRREGULAR_WORDS.has(w.lower));
    // "the agency" after "UNRWA … the UN": a body whose own name has the head word comes before a more
    // recent one that is only of its kind.
    const head = d.row.words[d.row.words.length - 1] ?? '';
    const named = d.row.entityType === 'organization' ? `${head.charAt(0).toUpperCase()}${head.slice(1)}` : '';
    const latest = (fits: (m: Item, facts: ActorFacts) => boolean): Item | undefined => {
      for (let k = seen.length - 1; k >= 0; k--) {
        const m = seen[k] as Item;
        if (first.sentence - m.sentence > d.row.lookback) break;
        const facts = this.actorFacts(m.entity, m.entityType);
        if (describes(d, facts) && !this.ownClauseSubject(m, d) && !(irregular && this.stateArmy(m.entity)) && fits(m, facts)) return m;
      }
      return undefined;
    };
    const body = (named ? latest((m, facts) => organizationWords(m.entity, facts.label).has(named)) : undefined) ?? latest(() => true);
    if (body) return stand(body);
    // "Hamas freed the hostages … (seven sentences on) … accused the militant group": out of reach, the
    // one body of its kind the story has named at all.
    if (d.row.entityType === 'organization') {
      // (Whether a mention fits depends on its actor alone: asked once per actor, in the order they
      // were first named, not once per item seen, which a long part holds thousands of.)
      const fitting = [...this.seenActors(seen)].filter(([entity, { first }]) => describes(d, this.actorFacts(entity, first.entityType)) && !(irregular && this.stateArmy(entity)));
      const only = fitting.length === 1 ? fitting[0]?.[1].last : undefined;
      if (only && !this.ownClauseSubject(only, d)) return stand(only);
    }
    // "the Ukrainian leader", "the Russian president" for a person the text never titled: the one
    // person in reach whom the news gazetteer has serving that state first (people.json), when no one
    // in reach was given an office's title ("Foreign Minister Sergei Lavrov" is no "Russian leader") and exactly one person serves that state.
    if (d.row.entityType === 'person' && d.country && LEADER_WORDS.has(d.row.words.join(' '))) {
      const people = new Map<string, Item>();
      for (let k = seen.length - 1; k >= 0; k--) {
        const m = seen[k] as Item;
        if (first.sentence - m.sentence > d.row.lookback) break;
        if (m.noun || m.entityType !== 'person' || this.ownClauseSubject(m, d)) continue;
        // (An office the row itself reads is no obstacle: "President Xi" may be "the Chinese leader".)
        // ("Vice Premier He Lifeng" holds a lesser office: no leader either.)
        const titled = [...this.actorFacts(m.entity, m.entityType).titles].some((w) => (OFFICE_TITLES.has(w) && !(d.row.titles ?? []).includes(w)) || LESSER_TITLE_WORDS.has(w));
        if (this.input.servedBy?.(m.entity)?.[0] === d.country && !titled && !people.has(m.entity)) people.set(m.entity, m);
      }
      const [only, ...more] = [...people.values()];
      if (only && more.length === 0) return stand(only);
    }
    return undefined;
  }

  /**
   * The country a description of one stands for ("the country", "the army", "the junta"): the
   * countries it can describe, named in the row's reach, ranked by salience as pronouns are (recency
   * halved per sentence, role, a closed relative clause's names weigh less, a demonym half a name),
   * times how often the story named the country so far (its topic: "leave the country" after "the
   * export pipeline to Benin" in a story about Niger is Niger), and the one this same description
   * stood for before. A close second leaves it unresolved.
   */
  protected salientCountry(d: DescriptionSpan, seen: readonly Item[], sentence: number): Item | undefined {
    const scores = new Map<string, { score: number; last: Item }>();
    // "members of Netanyahu's cabinet … called on the government": the people of its own sentence
    // who all serve one state say which government it is.
    if (d.row.topical === true) {
      const own = this.servedStateBefore(d, seen, sentence);
      if (own) return own;
    }
    const topical = d.row.topical === true ? topCountries(this.seenCountries(seen)) : undefined;
    for (let k = seen.length - 1; k >= 0; k--) {
      const m = seen[k] as Item;
      const distance = sentence - m.sentence;
      if (distance > d.row.lookback) break;
      if (m.noun || m.entityType !== 'country' || (topical && !topical.has(m.entity)) || !describes(d, this.actorFacts(m.entity, m.entityType)) || this.ownClauseSubject(m, d)) continue;
      const weight = (RECENCY_WEIGHT + ROLE_WEIGHT[m.role]) * DECAY ** distance * (m.demonym ? DEMONYM_FACTOR : 1)
        * (this.embeddedBefore(m, d.first) ? EMBEDDED_FACTOR : 1);
      const entry = scores.get(m.entity);
      if (entry) entry.score += weight;
      else scores.set(m.entity, { score: weight, last: m });
    }
    const key = d.row.words.join(' ');
    const ranked = [...scores.entries()].map(([entity, { score, last }]) => ({
      last,
      score: score * (1 + Math.min(TOPIC_CAP, this.named.get(entity) ?? 0) * TOPIC_WEIGHT) * (this.described.get(key) === entity ? SAME_DESCRIPTION_FACTOR : 1),
    })).sort((a, b) => b.score - a.score || (a.last.entity < b.last.entity ? -1 : 1));
    const [best, second] = ranked;
    if (!best || (second && second.score > best.score * (1 - MARGIN))) return undefined;
    this.described.set(key, best.last.entity);
    return best.last;
  }

  /** The last mention of the one state every person named before the description in its sentence serves, if any. */
  protected servedStateBefore(d: DescriptionSpan, seen: readonly Item[], sentence: number): Item | undefined {
    const states = new Set<string>();
    for (const m of this.seenIn(seen, sentence)) {
      if (m.entityType !== 'person' || m.last >= d.first) continue;
      const state = this.input.servedBy?.(m.entity)?.[0];
      if (!state) return undefined;
      states.add(state);
    }
    const [state, ...others] = [...states];
    if (!state || others.length > 0) return undefined;
    for (let k = seen.length - 1; k >= 0; k--) if (seen[k]?.entity === state && seen[k]?.entityType === 'country') return seen[k];
    return undefined;
  }

  /**
   * Whether the actor is the subject of the description's own clause, or the name a relative clause
   * holding the description hangs on: "China, which remains the junta's biggest lender", "Iraq
   * promised the group": a description does not take up its own clause's subject (binding principle C).
   */
  protected ownClauseSubject(m: Item, d: DescriptionSpan): boolean {
    const from = this.embeddedFrom[d.first] ?? 0;
    if (from > 0 && this.embeddedUntil[d.first] === this.embeddedUntil[from + 1] && this.baseAt[from - 1]?.entity === m.entity) return true;
    if (m.role !== 'subject' || m.sentence !== this.tokens[d.first]?.sentence || m.last >= d.first) return false;
    const governor = this.governorOf(d.first, d.last);
    return this.clauseMates(m, d.first, governor);
  }

  /** Whether a state's army named by its own name stands in reach ("the Sudanese Armed Forces"): "the army" is that one. */
  protected namedStateArmy(seen: readonly Item[], sentence: number): boolean {
    return seen.some((m) => m.entityType === 'organization' && sentence - m.sentence <= RULED_LOOKBACK && this.stateArmy(m.entity));
  }

  /** "Sudanese Armed Forces", "Pakistan Army", "Israel Defense Forces": a state's name or demonym, then an army's words. */
  protected stateArmy(entity: string): boolean {
    const words = (this.input.label?.(entity) ?? '').split(/\s+/);
    // "Sudanese Armed Forces", "Israel Defense Forces", "United States Army": a demonym or a state's own name, then an army's head.
    for (let n = 1; n <= 3 && n < words.length; n++) {
      const owner = words.slice(0, n).join(' ');
      if (STATE_ARMY_HEADS.has(words.slice(n).join(' ')) && (this.input.demonym?.(owner) !== undefined || this.input.label?.(slugify(owner)) === owner)) return true;
    }
    return false;
  }

  /** Whether a word of military rule follows the mention within three words ("Mali's junta", "Myanmar's military government"). */
  protected militaryRule(m: Item): boolean {
    for (let k = m.last + 1; k <= m.last + 4; k++) {
      const t = this.tokens[k];
      if (!t || t.sentence !== m.sentence) return false;
      // ("Ukraine's military intelligence agency": "military" before another noun names a branch, not rule.)
      const next = this.tokens[k + 1];
      if (MILITARY_RULE_WORDS.has(t.lower) && !(t.lower === 'military' && next?.sentence === t.sentence && next.pos === 'NOUN' && !RULE_NOUNS.has(next.lower))) return true;
    }
    return false;
  }
}
