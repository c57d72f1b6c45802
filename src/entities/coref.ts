// Coreference inside a document: third-person pronouns ("he", "its", "they") and descriptions
// ("the president", "the bloc", "the company") → the actor they stand for, as ActorReferences
// that name the antecedent mention. Rules, not a model: agreement (gender, number, person vs
// organisation/country/place) filters the actors mentioned in the last few sentences, salience
// (recency halved per sentence, subject > object > oblique, parallel roles, how often the actor was
// named) ranks them, and a close second leaves the pronoun unresolved, because a wrong antecedent
// makes a false fact. The dependency parse, where a sentence has one, gives the roles and the
// clause-mate constraint ("Putin praised him": him is not Putin); surface cues stand in elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedDocument, EntityType, Fact, Mention, SyntaxLayer, Token } from '../types';
import type { ActorReference } from './index';
import { describes, findDescriptions, findPairs, FORUMS, PAIR_LOOKBACK, type ActorFacts, type DescriptionSpan, type PairSpan } from './descriptions';
import { GROUP_NOUNS } from './tables';
import { FeatureBuffer } from '../learn';
import { candidateFeatures, corefModel, corefTracer, hashFeatures, nullFeatures, rankScore, type CorefModel, type RankCandidate, type RankPronoun } from './coref-rank';
import {
  AGENT_VERBS, ARTICLES, CLAUSE_BREAKS, CONTROL_VERBS, GENDERED_WORDS, HOSTILE_VERBS, IDIOMS, IRREGULAR_PLURALS, OWNER_BREAKS, PRONOUNS, QUOTE_REACH, QUOTES, SPEECH_VERBS,
  type Gender, type PronounKind, type PronounRow,
} from './coref-words';

type Role = 'subject' | 'object' | 'possessor' | 'oblique' | 'other' | 'modifier';

/** Sentences back (before the pronoun's own) where an antecedent may stand. */
const LOOKBACK_SENTENCES = 3;
/** Salience halves with each sentence back. */
const DECAY = 0.5;
/** Salience by grammatical role (Lappin and Leass 1994, simplified). */
const ROLE_WEIGHT: Readonly<Record<Role, number>> = { subject: 80, object: 50, possessor: 40, oblique: 30, other: 20, modifier: 0 };
/** Each earlier mention of the actor (up to three) adds this share: the story's topic stays salient. */
const NAMED_WEIGHT = 0.03;
/** Every mention's own weight, before its role: it was mentioned, recently. */
const RECENCY_WEIGHT = 100;
/** The pronoun's role equals the antecedent's last role ("X met Y. He said…": he = X). */
const PARALLEL_WEIGHT = 35;
/** The pronoun is the subject of the verb the actor was the subject of ("why should NATO exist? … why should it exist"). */
const REPEATED_WEIGHT = 70;
/** A gender known to agree beats an unknown one (a factor on the salience). */
const KNOWN_GENDER_FACTOR = 1.2;
/** The best antecedent must beat the next one by this share of its score, or the pronoun stays unresolved. */
const MARGIN = 0.15;
/**
 * "It" and "they" stand far more often for things and for people at large than for a named
 * actor (in GUM news, about one in six): they are resolved only as the subject of a verb an
 * actor does, or as a possessive, and only to an actor of this or the last sentence.
 */
const NEUTER_LOOKBACK_SENTENCES = 1;

/** An antecedent known so far: a name, a title, a description or a resolved pronoun. */
interface Item {
  readonly entity: string;
  readonly entityType: EntityType;
  readonly first: number;
  readonly last: number;
  readonly sentence: number;
  readonly role: Role;
  /** The head token's head (the verb of its clause), -1 when unknown. */
  readonly governor: number;
  /** A common noun that may be what the pronoun stands for ("officials … they"): if it wins, no actor does. */
  readonly noun?: 'plural' | 'singular' | Gender | 'person';
  /** Named by an adjective ("French troops"): a weaker antecedent for "the country" than a name. */
  readonly demonym?: boolean;
  /** A pronoun or description resolved to the entity, not its name. */
  readonly resolved?: boolean;
}

/** A candidate antecedent for a pronoun: an entity, its salience by the rules, its mentions in reach (latest first). */
interface Ranked {
  readonly entity: string;
  readonly score: number;
  readonly last: Item;
  readonly items: readonly Item[];
}

interface RankOptions {
  readonly nobody: readonly string[];
  readonly candidates: ReadonlyArray<Ranked & { readonly features: readonly string[] }>;
}

export interface CorefInput {
  readonly doc: AnnotatedDocument;
  /** The references found so far (names, lexicon matches, titles), any order; pronouns among them are ignored. */
  readonly references: readonly ActorReference[];
  /** The mentions found so far: an antecedent's offsets are those of a mention of its entity. */
  readonly mentions: readonly Mention[];
  /** The dependency parse where there is one (sentences it did not parse fall back to surface cues). */
  readonly syntax?: SyntaxLayer | undefined;
  /** A person entity's full name ("Nick Bos"), whose given name may say their gender. */
  readonly personLabel?: (entity: string) => string | undefined;
  /** Entities that are groups of people ("Muslims"): "they" may stand for them. */
  readonly groups?: ReadonlySet<string>;
  /** An entity's label ("Foreign Ministry", "African Union"), for descriptions. */
  readonly label?: (entity: string) => string | undefined;
  /** Roles per person ("President of Russia"), for descriptions. */
  readonly roles?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Facts the titles gave (leader_of, member_of): the countries a person is tied to. */
  readonly facts?: readonly Fact[];
  /** A word that names a country as an adjective ("Russian") → that country's id. */
  readonly demonym?: (word: string) => string | undefined;
}

let genders: ReadonlyMap<string, Gender> | undefined;

/** Given name → gender, from data/name-genders.json (scripts/make-name-genders.mjs). */
function nameGenders(): ReadonlyMap<string, Gender> {
  if (!genders) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, 'data', 'name-genders.json'), 'utf8')) as { male: string; female: string };
    const map = new Map<string, Gender>();
    for (const n of data.male.split(' ')) map.set(n, 'male');
    for (const n of data.female.split(' ')) map.set(n, 'female');
    genders = map;
  }
  return genders;
}

/** Words that make a title another office: a deputy prime minister is not "the prime minister". */
const LESSER_TITLE_WORDS: ReadonlySet<string> = new Set(['deputy', 'vice', 'former', 'shadow', 'junior', 'assistant', 'ex', 'acting', 'interim', 'would-be']);

/** Articles that open an apposition after a name: "Solberg, a teacher,". */
const ARTICLES_A: ReadonlySet<string> = new Set(['a', 'an', 'the']);

/** Relative pronouns that may be the subject of a verb of speech: "X, who told Y he …" (X speaks). */
const RELATIVE_SPEAKERS: ReadonlySet<string> = new Set(['who', 'which', 'that']);

/** Tokens after a possessive in a fronted phrase within which its comma must come. */
const FRONTED_REACH = 20;

/** Tokens that end a fronted phrase before its comma could: it was a clause of its own. */
const FRONTED_BREAKS: ReadonlySet<string> = new Set([',', ';', ':', '"', '“', '”']);

/** Subject pronouns: one before a possessive in a fronted clause is its owner ("When he met his rival, …"). */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'it', 'they', 'i', 'we', 'you']);

/** Words that negate a following "any" ("no longer any X", "not any X"): X is denied, not introduced. */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', "n't", 'never', 'without', 'nor']);

/** Verbs an expletive "it" takes ("it seems", "it emerged that", "it takes two"): no chain goes on through them. */
const EXPLETIVE_VERBS: ReadonlySet<string> = new Set([
  'be', 'seem', 'appear', 'happen', 'take', 'rain', 'snow', 'matter', 'remain', 'follow', 'become', 'look', 'sound', 'feel', 'turn',
  'emerge', 'mean', 'cost', 'help', 'hurt', 'make', 'get', 'go', 'come', 'work', 'say',
]);

/** Words that join two actors named as a pair. */
const PAIR_JOINERS: ReadonlySet<string> = new Set(['and', '&', 'with', ',', 'versus', 'vs', 'vs.']);

/** Pronouns and descriptions resolved to the actors they stand for, in text order. */
export function resolveCoreference(input: CorefInput): ActorReference[] {
  return new Resolver(input).run();
}

class Resolver {
  private readonly tokens: readonly Token[];
  private readonly syntax: SyntaxLayer | undefined;
  private readonly gender = new Map<string, Gender>();
  /** Entity → how often it was named so far (its weight as the story's topic). */
  private readonly named = new Map<string, number>();
  private readonly groups: ReadonlySet<string>;
  private readonly covered: Uint8Array;
  /** 1 inside a quotation. */
  private readonly quoted: Uint8Array;
  /** The name, title or lexicon reference at each token. */
  private readonly baseAt: Array<ActorReference | undefined> = [];
  private readonly titles = new Map<string, Set<string>>();
  private readonly countries = new Map<string, Set<string>>();
  private readonly facts = new Map<string, ActorFacts>();
  private readonly buffer = new FeatureBuffer();
  private readonly scratch = new Float64Array(2);

  constructor(private readonly input: CorefInput) {
    this.tokens = input.doc.tokens;
    this.syntax = input.syntax;
    this.groups = input.groups ?? new Set();
    this.covered = new Uint8Array(this.tokens.length);
    this.quoted = new Uint8Array(this.tokens.length);
    let inside = 0;
    let sentence = -1;
    for (const t of this.tokens) {
      if (t.sentence !== sentence && t.lineStart) inside = 0;
      sentence = t.sentence;
      if (QUOTES.has(t.value)) inside = t.value === '“' ? 1 : t.value === '”' ? 0 : 1 - inside;
      else this.quoted[t.index] = inside;
    }
  }

  run(): ActorReference[] {
    const base = this.input.references.filter((r) => !r.modifier && r.via !== 'pronoun' && r.via !== 'topic' && (r.entityType !== 'other' || this.groups.has(r.entity)));
    for (const r of this.input.references) for (let k = r.firstToken; k <= r.lastToken; k++) this.covered[k] = 1;
    for (const r of base) for (let k = r.firstToken; k <= r.lastToken; k++) this.baseAt[k] = r;
    // "there was no longer any Soviet Union": a name under a negative quantifier introduces no one a pronoun can stand for.
    const items = base.filter((r) => !this.denied(r.firstToken)).map((r) => this.item(r.entity, r.entityType, r.firstToken, r.lastToken, r.via === 'demonym'));
    items.push(...this.nounItems());
    items.sort((a, b) => a.first - b.first || a.last - b.last);
    this.learnGenders(base);
    this.learnTitles(base);
    const descriptions = findDescriptions(this.tokens, this.covered, this.input.demonym);
    const pairs = findPairs(this.tokens, this.covered);
    const out: ActorReference[] = [];
    const seen: Item[] = [];
    let next = 0;
    let d = 0;
    let p = 0;
    for (const t of this.tokens) {
      while (next < items.length && (items[next] as Item).last < t.index) this.see(seen, items[next++] as Item);
      const both = pairs[p]?.first === t.index ? pairs[p++] : undefined;
      if (both) {
        out.push(...this.resolvePair(both, seen));
        continue;
      }
      const description = descriptions[d]?.first === t.index ? descriptions[d++] : undefined;
      if (description) {
        const r = this.resolveDescription(description, seen);
        if (r) {
          out.push(r);
          this.see(seen, { ...this.item(r.entity, r.entityType, r.firstToken, r.lastToken), resolved: true });
        }
        continue;
      }
      const row = PRONOUNS.get(t.lower);
      if (!row || this.covered[t.index] || t.pos === 'PROPN') continue;
      const r = this.resolvePronoun(t, row, seen);
      if (!r) continue;
      out.push(r);
      this.see(seen, { ...this.item(r.entity, r.entityType, t.index, t.index), resolved: true });
    }
    return out;
  }

  private see(seen: Item[], item: Item): void {
    seen.push(item);
    if (item.noun) return;
    this.named.set(item.entity, (this.named.get(item.entity) ?? 0) + 1);
  }

  // ---- pronouns ------------------------------------------------------------------------------

  private resolvePronoun(t: Token, row: PronounRow, seen: readonly Item[]): ActorReference | undefined {
    const possessive = row.form === 'possessive' || (row.form === 'object-or-possessive' && this.possessiveHer(t));
    const role = possessive ? 'possessor' : this.roleOf(t.index, t.index);
    // "Congress has proven itself", "Ortega distanced himself": a reflexive is its clause's subject, or nobody we know.
    // (Else, for a person, the ranking below: "X decided to treat her himself" inherits X through the infinitive.)
    if (row.form === 'reflexive') {
      const subject = this.clauseSubject(t, seen);
      if (subject && this.agrees(subject, row.kind)) return this.reference(subject.entity, subject.entityType, t.index, t.index, t.sentence, 'pronoun', false);
      if (row.kind === 'neuter' || row.kind === 'plural') return undefined;
    }
    const neuter = row.kind === 'neuter' || row.kind === 'plural';
    // The ranker (or its trainer's trace) weighs "it"/"they" that no agent's verb governs itself.
    // The ranker weighs "it" and "they" only: for "he" and "she" the salience rules measure better (models/README.md).
    const ranker = neuter ? corefModel() : null;
    const trace = neuter ? corefTracer() : undefined;
    const learned = ranker !== null || trace !== undefined;
    const repeated = neuter ? this.sameVerb(t, row.kind, seen) : undefined;
    const actor = !neuter || this.actorPronoun(t, possessive) || this.chained(t, row.kind, seen) || repeated !== undefined;
    if (!actor && !learned) return undefined;
    const lookback = neuter && !learned ? NEUTER_LOOKBACK_SENTENCES : LOOKBACK_SENTENCES;
    const governor = this.governorOf(t.index, t.index);
    // A name the pronoun leans on: "In his speech, X …", "X and his aides", "the head of NATO, X, he …".
    const near = this.adjacentName(t, row.kind, possessive);
    if (near) return this.reference(near.entity, near.entityType, t.index, t.index, t.sentence, 'pronoun', possessive);
    const reporter = role === 'subject' && !this.quoted[t.index] ? this.reporter(t, seen) : undefined;
    if (reporter !== undefined) {
      // After "X said", the pronoun is X or, when X does not agree ("Putin said it…"), nobody we know.
      return reporter && this.agrees(reporter, row.kind) ? this.reference(reporter.entity, reporter.entityType, t.index, t.index, t.sentence, 'pronoun', false) : undefined;
    }
    // '"…", it added': the subject of a verb of speech right after a quotation goes on speaking for the last
    // speaker. Not "he"/"she": a new speaker is often a person introduced without a verb of speech
    // ("Ian Fogg, an analyst, …"), and the salience ranking measured better for them.
    const continued = neuter && role === 'subject' && !this.quoted[t.index] ? this.continuedSpeaker(t, row.kind, seen, lookback) : undefined;
    if (continued) return this.reference(continued.entity, continued.entityType, t.index, t.index, t.sentence, 'pronoun', false);
    const speaker = this.quoted[t.index] ? this.quoteSpeaker(t.index) : undefined;
    const relative = this.relativeHead(t);
    const apposed = possessive ? this.apposedName(t) : undefined;
    const before = this.tokens[t.index - 1];
    const hostileObject = possessive && before !== undefined && before.pos === 'VERB' && HOSTILE_VERBS.has(before.lemma);
    // "induced Russia to extend its capacity": the object of a verb of control does what the infinitive says.
    const controller = possessive && !hostileObject ? this.controller(t, row.kind, seen) : undefined;
    if (controller && controller.entity !== speaker) return this.reference(controller.entity, controller.entityType, t.index, t.index, t.sentence, 'pronoun', true);
    const owner = possessive && !hostileObject ? this.ownSubject(t, row.kind, seen) : undefined;
    if (owner === null) return undefined;
    if (owner && owner.entity !== speaker) return this.reference(owner.entity, owner.entityType, t.index, t.index, t.sentence, 'pronoun', true);
    const objectForm = row.form === 'object' || (row.form === 'object-or-possessive' && !possessive);
    const scores = new Map<string, { score: number; last: Item; items: Item[] }>();
    const banned = new Set<string>();
    for (let k = seen.length - 1; k >= 0; k--) {
      const m = seen[k] as Item;
      const distance = t.sentence - m.sentence;
      if (distance > lookback) break;
      if (!this.agrees(m, row.kind)) continue;
      // "the rare times they used …", "the deal it signed": a noun is not the subject or object of its own relative clause.
      if (relative >= 0 && (m.last === relative || this.headOf(m.first, m.last) === relative)) continue;
      // "Brigitte Nielsen, her former daughter-in-law": a possessive inside an apposition is not the name's.
      if (m.entity === apposed) continue;
      // "When he was winning," X said: inside a quote, a third person is not the speaker.
      if (m.entity === speaker || (distance === 0 && this.quoted[t.index] && !this.quoted[m.first] && m.role === 'subject')) continue;
      // "Putin praised him": an object is never its own clause's subject (a reflexive always is);
      // the actor is ruled out as a whole, not just this mention of it.
      if ((objectForm || hostileObject) && distance === 0 && m.role === 'subject' && this.clauseMates(m, t.index, governor)) {
        banned.add(m.entity);
        continue;
      }
      const weight = (RECENCY_WEIGHT + ROLE_WEIGHT[m.role]) * DECAY ** distance;
      const entry = scores.get(m.entity);
      if (entry) {
        entry.score += weight;
        entry.items.push(m);
      } else scores.set(m.entity, { score: weight, last: m, items: [m] });
    }
    for (const b of banned) scores.delete(b);
    const ranked: Ranked[] = [...scores.entries()].map(([entity, { score, last, items }]) => {
      let s = score;
      if (last.role === role && (role === 'subject' || role === 'possessor')) s += PARALLEL_WEIGHT * DECAY ** (t.sentence - last.sentence);
      if (entity === repeated?.entity) s += REPEATED_WEIGHT * DECAY ** (t.sentence - repeated.sentence);
      s *= 1 + Math.min(3, this.named.get(entity) ?? 0) * NAMED_WEIGHT;
      if ((row.kind === 'male' || row.kind === 'female') && this.gender.get(entity) === row.kind) s *= KNOWN_GENDER_FACTOR;
      return { entity, score: s, last, items };
    });
    ranked.sort((a, b) => b.score - a.score || (a.entity < b.entity ? -1 : 1));
    let best = ranked[0];
    let second = ranked[1];
    if (learned) {
      // What the rules alone would say, as the ranker's strongest evidence.
      const rulesPick = actor && best && !best.last.noun && !(second && second.score > best.score * (1 - MARGIN)) && !(row.kind === 'plural' && this.conjoined(best.last))
        && !(neuter && t.sentence - best.last.sentence > NEUTER_LOOKBACK_SENTENCES) ? best.entity : undefined;
      const options = this.rankOptions(t, row, possessive ? 'possessive' : row.form === 'object-or-possessive' ? 'object' : row.form, role, actor, ranked, rulesPick);
      trace?.({
        start: t.start, end: t.end, nobody: options.nobody,
        candidates: options.candidates.map((c) => ({ entity: c.entity, spans: c.items.map((m) => ({ start: this.tokens[m.first]?.start ?? 0, end: this.tokens[m.last]?.end ?? 0 })), features: c.features })),
      });
      if (ranker) {
        const choice = this.modelChoice(ranker, options);
        best = choice;
        second = undefined;
      } else if (!actor || (neuter && best && t.sentence - best.last.sentence > NEUTER_LOOKBACK_SENTENCES)) return undefined;
    }
    if (!best || best.last.noun) return undefined;
    if (second && second.score > best.score * (1 - MARGIN)) return undefined;
    // "Paris was born in Geneva, but her parents …": a place opening the sentence as its subject where
    // "he"/"she" follows is most likely a person we read as a place; someone from an earlier sentence is a guess.
    if ((row.kind === 'male' || row.kind === 'female') && best.last.sentence < t.sentence && this.placeSubject(t, seen)) return undefined;
    // "France and Germany … their": the pronoun stands for both, which no one reference can say.
    if (row.kind === 'plural' && this.conjoined(best.last)) return undefined;
    // A resolved "he" for a person of unknown gender says it.
    if ((row.kind === 'male' || row.kind === 'female') && !this.gender.has(best.entity) && !second) this.gender.set(best.entity, row.kind);
    return this.reference(best.entity, best.last.entityType, t.index, t.index, t.sentence, 'pronoun', possessive);
  }

  /** The ranker's view of a pronoun and its candidates (coref-rank.ts). */
  private rankOptions(t: Token, row: PronounRow, form: RankPronoun['form'], role: Role, actor: boolean, ranked: readonly Ranked[], rulesPick: string | undefined): RankOptions {
    const next = this.tokens[t.index + 1];
    const pronoun: RankPronoun = {
      kind: row.kind, form, role, quoted: this.quoted[t.index] === 1, actor,
      next: next && next.sentence === t.sentence ? (next.pos === 'VERB' || next.pos === 'AUX' ? next.lemma : next.pos) : 'END',
      candidates: ranked.length, parsed: this.parsedAt(t.index), rulesResolve: rulesPick !== undefined,
    };
    const top = ranked[0]?.score ?? 1;
    const byRecency = [...ranked].sort((a, b) => b.last.last - a.last.last);
    const candidates = ranked.map((r, rank): RankOptions['candidates'][number] => {
      const m = r.last;
      const candidate: RankCandidate = {
        type: m.noun ? `noun-${m.noun}` : this.groups.has(r.entity) ? 'group' : m.entityType,
        distance: t.sentence - m.sentence, recency: byRecency.indexOf(r), role: m.role, ruleRank: rank, ruleShare: r.score / top,
        named: this.named.get(r.entity) ?? 0, mentions: r.items.length,
        genderKnown: (row.kind === 'male' || row.kind === 'female') && this.gender.get(r.entity) === row.kind,
        quoted: this.quoted[m.first] === 1, resolved: m.resolved === true, conjoined: row.kind === 'plural' && !m.noun && this.conjoined(m),
        demonym: m.demonym === true, first: this.tokens[m.first - 1]?.sentence !== m.sentence, rulesPick: r.entity === rulesPick,
      };
      return { ...r, features: candidateFeatures(pronoun, candidate) };
    });
    return { nobody: nullFeatures(pronoun), candidates };
  }

  /** The ranker's pick: the best candidate when it beats nobody and the runner-up by the model's margin. */
  private modelChoice(ranker: CorefModel, options: RankOptions): Ranked | undefined {
    const nobody = rankScore(ranker.model, hashFeatures(options.nobody, this.buffer), this.scratch);
    let best: Ranked | undefined;
    let bestScore = -Infinity;
    let runnerUp = nobody;
    for (const c of options.candidates) {
      const score = rankScore(ranker.model, hashFeatures(c.features, this.buffer), this.scratch);
      if (score > bestScore) {
        if (best) runnerUp = Math.max(runnerUp, bestScore);
        best = c;
        bestScore = score;
      } else runnerUp = Math.max(runnerUp, score);
    }
    return best && bestScore - runnerUp >= ranker.margin ? best : undefined;
  }

  /**
   * "NASA tweeted … via its account", "USI is holding its exhibit": a possessive stands for the
   * subject of its own clause when that is an agreeing actor and no other agreeing actor stands between.
   */
  private ownSubject(t: Token, kind: PronounKind, seen: readonly Item[]): Item | null | undefined {
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
   * The object that controls the infinitive a possessive stands in ("urged Israel to halt its
   * offensive", "induced Russia to extend its capacity"): the parse's obj of the verb whose xcomp
   * holds the possessive, or on the surface "VERB (the) NAME to VERB … its" with a verb of control
   * and no clause break between.
   */
  private controller(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
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
    const named = this.baseAt[to - 1];
    if (!named || named.lastToken !== to - 1) return undefined;
    let k = named.firstToken - 1;
    if (this.tokens[k]?.lower === 'the') k--;
    // "called on Kyiv to …" (not "a woman called Sacheen to collect …": that call names her).
    const on = this.tokens[k]?.lower === 'on';
    if (on) k--;
    const verb = this.tokens[k];
    if (!verb || verb.pos !== 'VERB' || !CONTROL_VERBS.has(verb.lemma) || (verb.lemma === 'call') !== on) return undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) return undefined;
      if (m.first === named.firstToken && m.last === named.lastToken) return fits(m);
    }
    return undefined;
  }

  /**
   * The last speaker, for a pronoun that is the subject of a verb of speech right after a closing
   * quote mark ('"…", it added', '"…," he said'): the nearest earlier actor outside quotes that is
   * the subject of a verb of speech ("KCNA said", "said KCNA").
   */
  private continuedSpeaker(t: Token, kind: PronounKind, seen: readonly Item[], lookback: number): Item | undefined {
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
  private relativeHead(t: Token): number {
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
  private apposedName(t: Token): string | undefined {
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
  private clauseSubject(t: Token, seen: readonly Item[]): Item | undefined {
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
  private adjacentName(t: Token, kind: PronounKind, possessive: boolean): ActorReference | undefined {
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
  private insideSubject(m: Item, seen: readonly Item[], j: number): boolean {
    for (let i = j - 1; i >= 0; i--) {
      const s = seen[i] as Item;
      if (s.sentence !== m.sentence) return false;
      for (let k = s.last + 1; k < m.first; k++) if (['VERB', 'AUX'].includes(this.tokens[k]?.pos ?? '')) return false;
      if (s.role === 'subject') return !s.noun;
    }
    return false;
  }

  /** Whether the pronoun's sentence opens with a place or country as its subject, before the pronoun. */
  private placeSubject(t: Token, seen: readonly Item[]): boolean {
    let opening: Item | undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) break;
      if (!m.noun && !m.resolved) opening = m;
    }
    return opening !== undefined && opening.role === 'subject' && (opening.entityType === 'place' || opening.entityType === 'country') && !opening.demonym
      && this.tokens[opening.first - 1]?.sentence !== t.sentence;
  }

  /** Whether another actor is joined to this mention by "and", "or" or a comma ("A and B", "A, B"). */
  private conjoined(m: Item): boolean {
    const joiner = (w: Token | undefined): boolean => w !== undefined && (w.lower === 'and' || w.lower === 'or' || w.lower === 'nor' || w.value === ',' || w.value === '&');
    let k = m.last + 1;
    if (joiner(this.tokens[k])) {
      while (joiner(this.tokens[k]) || this.tokens[k]?.lower === 'the') k++;
      const r = this.baseAt[k];
      if (r && r.entity !== m.entity) return true;
    }
    k = m.first - 1;
    if (joiner(this.tokens[k])) {
      while (joiner(this.tokens[k]) || this.tokens[k]?.lower === 'the') k--;
      const r = this.baseAt[k];
      if (r && r.entity !== m.entity && r.entityType === m.entityType) return true;
    }
    return false;
  }

  /** Whether token `head` is an ancestor of token k in the parse (within a few steps). */
  private dominates(head: number, k: number): boolean {
    let i = k;
    for (let steps = 0; steps < 8 && i >= 0; steps++) {
      i = this.syntax?.heads[i] ?? -1;
      if (i === head) return true;
    }
    return false;
  }

  /** Whether a subject and a later (object) pronoun stand in one clause: the parse says so, or no clause break lies between. */
  private clauseMates(m: Item, pronoun: number, governor: number): boolean {
    if (governor >= 0 && m.governor >= 0) return m.governor === governor;
    for (let k = m.last + 1; k < pronoun; k++) {
      // "spoke with Netanyahu and told him": a verb right after "and" shares the subject; no new clause.
      const shared = (this.tokens[k]?.lower === 'and' || this.tokens[k]?.lower === 'but') && this.tokens[k + 1]?.pos === 'VERB';
      if (CLAUSE_BREAKS.has(this.tokens[k]?.lower ?? '') && !shared) return false;
    }
    return true;
  }

  /** The actor named as the speaker of the quote around token k: `"…," X said`, `"…," said X`, `X said: "…"`. */
  private quoteSpeaker(k: number): string | undefined {
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

  /** "her" before a noun (or an adjective, a number) is a possessive: "her party", "her first visit". */
  private possessiveHer(t: Token): boolean {
    const rel = this.deprel(t.index);
    if (rel) return rel === 'nmod:poss';
    const next = this.tokens[t.index + 1];
    return next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'NUM' || next.pos === 'PROPN');
  }

  /** Whether "it"/"they" here likely stands for an actor: a possessive, or the subject of an agent's verb. */
  private actorPronoun(t: Token, possessive: boolean): boolean {
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
  private chained(t: Token, kind: PronounKind, seen: readonly Item[]): boolean {
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
  private subjectVerb(first: number, last: number): Token | undefined {
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
  private sameVerb(t: Token, kind: PronounKind, seen: readonly Item[]): Item | undefined {
    if (this.roleOf(t.index, t.index) !== 'subject') return undefined;
    const verb = this.subjectVerb(t.index, t.index);
    if (!verb || EXPLETIVE_VERBS.has(verb.lemma) || verb.lemma === 'have') return undefined;
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
  private reporter(t: Token, seen: readonly Item[]): Item | null | undefined {
    let k = t.index - 1;
    if (this.tokens[k]?.lower === 'that') k--;
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

  private agrees(m: Item, kind: PronounKind): boolean {
    if (m.role === 'modifier' && (kind === 'neuter' || kind === 'plural')) return false;
    if (m.noun) {
      if (kind === 'plural') return m.noun === 'plural';
      if (kind === 'neuter') return m.noun === 'singular';
      return m.noun === kind;
    }
    switch (kind) {
      case 'male':
      case 'female': {
        if (m.entityType !== 'person') return false;
        const g = this.gender.get(m.entity);
        return g === undefined || g === kind;
      }
      case 'neuter':
        return m.entityType === 'organization' || m.entityType === 'country';
      case 'plural':
        return m.entityType === 'organization' || m.entityType === 'country' || this.groups.has(m.entity);
    }
  }

  // ---- descriptions ----------------------------------------------------------------------------

  /**
   * "both sides", "the two leaders": the two actors of the row's types named in the last earlier
   * sentence that names an actor (exactly two there, else none: "Japan and Australia criticised China"
   * has three sides); one reference each, same span. Not when the phrase's own sentence names a pair
   * before it ("X held talks with Y, but the two sides failed"): those are the sides, and they may be
   * people standing for theirs.
   */
  private resolvePair(span: PairSpan, seen: readonly Item[]): ActorReference[] {
    const sentence = this.tokens[span.first]?.sentence ?? 0;
    // The names of the last few sentences only (seen is in text order): bounded work per phrase.
    const named: Item[] = [];
    for (let k = seen.length - 1; k >= 0 && sentence - (seen[k] as Item).sentence <= PAIR_LOOKBACK; k--) {
      const m = seen[k] as Item;
      if (!m.noun && !m.resolved) named.unshift(m);
    }
    const stand = (entities: readonly string[], from: readonly Item[]): ActorReference[] => entities.map((entity) => {
      const m = from.find((f) => f.entity === entity) as Item;
      return this.reference(m.entity, m.entityType, span.first, span.last, sentence, 'description', false);
    });
    const own = named.filter((m) => m.sentence === sentence && m.entityType !== 'place');
    // "Algeria accused Mali …, and both countries recalled their envoys": the two named by name in
    // the phrase's own clause (not by a demonym: "her Philippine counterpart").
    const ownSides = [...new Set(own.filter((m) => !m.demonym && span.row.types.includes(m.entityType)).map((m) => m.entity))];
    // Only as the subject: in "X spoke with Y and praised both leaders" the pair is others.
    const next = this.tokens[span.last + 1];
    const subject = next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX');
    if (subject && ownSides.length === 2 && own.every((m) => m.demonym || span.row.types.includes(m.entityType))) return stand(ownSides, own);
    for (let k = 1; k < own.length; k++) if (own[k - 1]?.entity !== own[k]?.entity && this.paired(own[k - 1] as Item, own[k] as Item)) return [];
    const before = named.filter((m) => m.sentence < sentence && m.entityType !== 'place');
    const at = before[before.length - 1]?.sentence;
    const fits = before.filter((m) => span.row.types.includes(m.entityType) && !FORUMS.has(m.entity));
    const sides = [...new Set(fits.filter((m) => m.sentence === at).map((m) => m.entity))];
    return sides.length === 2 ? stand(sides, fits) : [];
  }

  /** Whether two actors are named as a pair: "X and Y", "X's army and Y", "X met with Y" (a few words apart). */
  private paired(a: Item, b: Item): boolean {
    const gap = this.tokens.slice(a.last + 1, b.first);
    return gap.length > 0 && gap.length <= 4 && gap.some((t) => PAIR_JOINERS.has(t.lower)) && !gap.some((t) => t.pos === 'PUNCT' && t.value !== ',');
  }

  private resolveDescription(d: DescriptionSpan, seen: readonly Item[]): ActorReference | undefined {
    const first = this.tokens[d.first];
    if (!first) return undefined;
    // "ordered French troops to leave the country": a country's name outranks a nearer demonym.
    for (const demonyms of d.row.entityType === 'country' ? [false, true] : [true]) {
      for (let k = seen.length - 1; k >= 0; k--) {
        const m = seen[k] as Item;
        if (first.sentence - m.sentence > d.row.lookback) break;
        if ((m.demonym === true && !demonyms) || !describes(d, this.actorFacts(m.entity, m.entityType))) continue;
        return this.reference(m.entity, m.entityType, d.first, d.last, first.sentence, 'description', this.tokens[d.last + 1]?.value === "'s");
      }
    }
    return undefined;
  }

  private actorFacts(entity: string, entityType: EntityType): ActorFacts {
    let facts = this.facts.get(entity);
    if (!facts) {
      const titles = new Set<string>(this.titles.get(entity) ?? []);
      for (const role of this.input.roles?.get(entity) ?? []) titles.add(role.toLowerCase().split(' of ')[0] ?? '');
      const countries = new Set<string>(this.countries.get(entity) ?? []);
      for (const f of this.input.facts ?? []) if (f.source === entity && (f.relation === 'leader_of' || f.relation === 'member_of')) countries.add(f.target);
      facts = { entity, entityType, label: this.input.label?.(entity), titles, countries };
      this.facts.set(entity, facts);
    }
    return facts;
  }

  /** Title words written next to people's names ("Russian President Vladimir Putin", "Putin, the Russian president,"). */
  private learnTitles(refs: readonly ActorReference[]): void {
    const add = (entity: string, words: readonly Token[]): void => {
      let titles = this.titles.get(entity);
      if (!titles) this.titles.set(entity, (titles = new Set()));
      let countries = this.countries.get(entity);
      if (!countries) this.countries.set(entity, (countries = new Set()));
      for (let i = 0; i < words.length; i++) {
        const c = this.input.demonym?.((words[i] as Token).value);
        if (c) countries.add(c);
        // "Deputy Prime Minister X", "Shadow Chancellor Y": not "the prime minister", "the chancellor".
        if (i > 0 && LESSER_TITLE_WORDS.has((words[i - 1] as Token).lower)) continue;
        for (let n = 1; n <= 3 && i + n <= words.length; n++) titles.add(words.slice(i, i + n).map((w) => w.lower).join(' '));
      }
    };
    const wordy = (w: Token | undefined): w is Token => w !== undefined && /\p{L}/u.test(w.value) && !ARTICLES.has(w.lower);
    for (const r of refs) {
      if (r.entityType !== 'person') continue;
      const before: Token[] = [];
      for (let k = r.firstToken - 1; k >= r.firstToken - 4; k--) {
        const w = this.tokens[k];
        if (!wordy(w) || w.sentence !== this.tokens[r.firstToken]?.sentence) break;
        before.unshift(w);
      }
      add(r.entity, before);
      if (this.tokens[r.lastToken + 1]?.value !== ',') continue;
      const after: Token[] = [];
      for (let k = r.lastToken + 2; k <= r.lastToken + 6; k++) {
        const w = this.tokens[k];
        if (!w || w.value === ',' || w.sentence !== this.tokens[r.lastToken]?.sentence) break;
        if (wordy(w)) after.push(w);
      }
      add(r.entity, after);
    }
  }

  /** Common nouns that compete with named actors: plural ("officials"), singular things, gendered people ("her mother"). */
  private nounItems(): Item[] {
    const out: Item[] = [];
    const apposed = this.appositions();
    for (const t of this.tokens) {
      if (this.covered[t.index] || t.pos !== 'NOUN' || apposed[t.index]) continue;
      // "in fact", "of course", "at least": a noun in a fixed adverbial stands for nothing.
      if (IDIOMS.has(`${this.tokens[t.index - 1]?.lower ?? ''} ${t.lower}`)) continue;
      // "his wife Manju Sam", "spokeswoman Sujata Raisinghani": a noun right before a person's name is their title, no
      // rival (a plural one is not: "Greek sprinters X and Y … they" may be the sprinters).
      const plural = IRREGULAR_PLURALS.has(t.lower) || (t.lemma !== t.lower && t.lower.endsWith('s'));
      const titled = this.baseAt[t.index + 1];
      if (titled && titled.firstToken === t.index + 1 && titled.entityType === 'person' && !plural) continue;
      const next = this.tokens[t.index + 1];
      if (next && next.pos === 'NOUN' && next.sentence === t.sentence) continue;
      // "Pakistan's army said it …", "the Sudanese military said it …": a side's body stands for the side.
      const side = GROUP_NOUNS.has(t.lower) ? this.sideBefore(t.index) : undefined;
      if (side) {
        out.push({ ...this.item(side.entity, side.entityType, t.index, t.index), ...(side.via === 'demonym' ? { demonym: true } : {}) });
        continue;
      }
      const gender = GENDERED_WORDS.get(t.lower);
      const noun = gender ?? (plural ? 'plural' : 'singular');
      out.push({ ...this.item(`#${t.index}`, 'other', t.index, t.index), noun });
    }
    return out;
  }

  /**
   * Tokens of an apposition to a name ("Ingrid Solberg, a local teacher, said she …"): the noun
   * there is the named actor, not a rival for the pronoun. The parse's `appos` where there is one,
   * else "NAME, a|an|the … ," within a few words.
   */
  private appositions(): Uint8Array {
    const out = new Uint8Array(this.tokens.length);
    for (const t of this.tokens) {
      if (this.parsedAt(t.index)) {
        const head = this.syntax?.heads[t.index] ?? -1;
        if (this.syntax?.deprels[t.index] === 'appos' && head >= 0 && this.baseAt[head]) out[t.index] = 1;
        continue;
      }
      const r = this.baseAt[t.index];
      if (!r || r.lastToken !== t.index || this.tokens[t.index + 1]?.value !== ',' || !ARTICLES_A.has(this.tokens[t.index + 2]?.lower ?? '')) continue;
      for (let k = t.index + 3; k <= t.index + 9; k++) {
        const w = this.tokens[k];
        if (!w || w.sentence !== t.sentence || w.value === ',') break;
        out[k] = 1;
      }
    }
    return out;
  }

  /** The country or organisation right before a group noun: "Pakistan's (new) army", "the Sudanese army". */
  private sideBefore(k: number): ActorReference | undefined {
    let i = k - 1;
    if (this.tokens[i]?.pos === 'ADJ' && !this.baseAt[i]) i--;
    if (this.tokens[i]?.lower === "'s" || this.tokens[i]?.lower === "'") i--;
    const r = this.baseAt[i];
    return r && (r.entityType === 'country' || r.entityType === 'organization') && r.lastToken === i ? r : undefined;
  }

  // ---- roles and genders -----------------------------------------------------------------------

  /** `group`: "Afghan troops", "the Afghan team" — the demonym is the actor, with the role of its noun. */
  private item(entity: string, entityType: EntityType, first: number, last: number, group = false): Item {
    const end = group && this.tokens[last + 1]?.pos === 'NOUN' ? last + 1 : last;
    return { entity, entityType, first, last, sentence: this.tokens[first]?.sentence ?? 0, role: this.roleOf(first, end), governor: this.governorOf(first, end), ...(group ? { demonym: true } : {}) };
  }

  /** Whether the name at token k stands under "no" or a negated "any" ("no Hamas fighter", "not any Soviet Union"). */
  private denied(k: number): boolean {
    const before = this.tokens[k - 1];
    if (before?.lower === 'no') return true;
    if (before?.lower !== 'any') return false;
    for (let i = k - 2; i >= k - 5 && this.tokens[i]?.sentence === before.sentence; i--) if (NEGATIONS.has(this.tokens[i]?.lower ?? '')) return true;
    return false;
  }

  /** Whether the parse covers token k's sentence. */
  private parsedAt(k: number): boolean {
    const s = this.syntax;
    const t = this.tokens[k];
    if (!s || !t) return false;
    // A layer without `parsed` parsed every sentence.
    const parsed = (s as SyntaxLayer & { readonly parsed?: Uint8Array }).parsed;
    return parsed === undefined || parsed[t.sentence] === 1;
  }

  private deprel(k: number): string | undefined {
    return this.parsedAt(k) ? this.syntax?.deprels[k] : undefined;
  }

  /** The span's head token: the one whose head lies outside it. */
  private headOf(first: number, last: number): number {
    const heads = this.syntax?.heads;
    if (!heads) return last;
    for (let k = first; k <= last; k++) {
      const h = heads[k] ?? -1;
      if (h < first || h > last) return k;
    }
    return last;
  }

  /** The verb (or noun) that governs the span, through names, compounds and appositions. */
  private governorOf(first: number, last: number): number {
    if (!this.parsedAt(first) || !this.syntax) return -1;
    let k = this.headOf(first, last);
    for (let steps = 0; steps < 4; steps++) {
      const rel = this.syntax.deprels[k] ?? '';
      const h = this.syntax.heads[k] ?? -1;
      if (h < 0) return -1;
      if (rel === 'flat' || rel === 'compound' || rel === 'appos' || rel === 'conj') k = h;
      else return h;
    }
    return -1;
  }

  private roleOf(first: number, last: number): Role {
    if (this.parsedAt(first) && this.syntax) {
      let k = this.headOf(first, last);
      for (let steps = 0; steps < 4; steps++) {
        const rel = this.syntax.deprels[k] ?? '';
        if (rel === 'nsubj' || rel === 'nsubj:pass' || rel === 'csubj') return 'subject';
        if (rel === 'obj' || rel === 'iobj') return 'object';
        if (rel === 'nmod:poss') return 'possessor';
        if (rel.startsWith('obl') || rel.startsWith('nmod')) return 'oblique';
        if (rel === 'compound' && steps === 0) return 'modifier';
        const h = this.syntax.heads[k] ?? -1;
        if (h < 0 || !(rel === 'flat' || rel === 'compound' || rel === 'appos' || rel === 'conj')) return rel === 'root' ? 'subject' : 'other';
        k = h;
      }
      return 'other';
    }
    const next = this.tokens[last + 1];
    // "The Hallam Gallery at …" opening a sentence stands where a subject does, as a bare name would.
    const before = this.tokens[first - 1]?.lower === 'the' ? this.tokens[first - 2] : this.tokens[first - 1];
    const sameSentence = (w: Token | undefined): w is Token => w !== undefined && w.sentence === this.tokens[first]?.sentence;
    if (sameSentence(next) && (next.value === "'s" || next.value === "'")) return 'possessor';
    // "LSE shareholders", "the Iran deal": a name before a common noun only modifies it.
    if (sameSentence(next) && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.value)) return 'modifier';
    // "directors at WorldCom have agreed": after a preposition, a name is no subject.
    if (sameSentence(before) && before.pos === 'ADP') return 'oblique';
    if (sameSentence(next) && (next.pos === 'VERB' || next.pos === 'AUX')) return 'subject';
    if (!sameSentence(before)) return 'subject';
    if (before.pos === 'VERB') return 'object';
    return 'other';
  }

  /** Genders the document or the name data say: "Mrs Lee", "Queen Rania", a given name. */
  private learnGenders(refs: readonly ActorReference[]): void {
    const names = nameGenders();
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const before = this.tokens[r.firstToken - 1]?.lower ?? '';
      const first = this.tokens[r.firstToken]?.lower ?? '';
      const cue = GENDERED_WORDS.get(first) ?? GENDERED_WORDS.get(before);
      if (cue) {
        this.gender.set(r.entity, cue);
        continue;
      }
    }
    // A one-word name followed by a quote mark or another name is the start of a longer one we cut
    // (Marion "Suge" Knight): its first word says nothing of the person's gender.
    const cut = new Set<string>();
    for (const r of refs) {
      const next = this.tokens[r.lastToken + 1];
      if (next && next.sentence === this.tokens[r.lastToken]?.sentence && (next.pos === 'PROPN' || QUOTES.has(next.value))) cut.add(r.entity);
    }
    for (const r of refs) {
      if (r.entityType !== 'person' || this.gender.has(r.entity)) continue;
      const label = this.input.personLabel?.(r.entity);
      const parts = label?.split(/\s+/) ?? [];
      // A one-word name that is a given name ("Marilyn", "Gloria") is how stories name children,
      // artists' subjects and interviewees; a bare surname has its honorific or full name elsewhere.
      const given = parts.length >= 2 || (parts.length === 1 && !cut.has(r.entity)) ? names.get((parts[0] ?? '').toLowerCase()) : undefined;
      if (given) this.gender.set(r.entity, given);
    }
  }

  // ---- output ----------------------------------------------------------------------------------

  private reference(entity: string, entityType: EntityType, first: number, last: number, sentence: number, via: 'pronoun' | 'description', possessive: boolean): ActorReference {
    const at = this.tokens[first]?.start ?? 0;
    const antecedent = this.antecedentMention(entity, at);
    return {
      entity, entityType, firstToken: first, lastToken: last, sentence, via, possessive, modifier: false,
      ...(antecedent ? { antecedent: { start: antecedent.start, end: antecedent.end } } : {}),
    };
  }

  /** The mention of the entity nearest before `at` (else the first after it). */
  private antecedentMention(entity: string, at: number): Mention | undefined {
    let best: Mention | undefined;
    for (const m of this.input.mentions) {
      if (m.entity !== entity) continue;
      if (m.start < at) {
        if (!best || best.start > at || m.start > best.start) best = m;
      } else if (!best) best = m;
    }
    return best;
  }
}

