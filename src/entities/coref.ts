// Coreference inside a document: third-person pronouns ("he", "its", "they") and descriptions
// ("the president", "the bloc", "the company") → the actor they stand for, as ActorReferences
// that name the antecedent mention. Rules, not a model: agreement (gender, number, person vs
// organisation/country/place) filters the actors mentioned in the last few sentences, salience
// (recency halved per sentence, subject > object > oblique, parallel roles, how often the actor was
// named) ranks them, and a close second leaves the pronoun unresolved, because a wrong antecedent
// makes a false fact. The dependency parse, where a sentence has one, gives the roles and the
// clause-mate constraint ("Putin praised him": him is not Putin); surface cues stand in elsewhere.
// The text and its roles are read in coref-text.ts, the cues before the ranking in coref-cues.ts,
// pair and group descriptions ("both sides") in coref-groups.ts and coref-pairs.ts, single
// descriptions ("the junta", "the army", "the agency") in coref-states.ts.
import type { EntityType, Mention, Token } from '../types';
import type { ActorReference } from './index';
import { findDescriptions, OFFICE_TITLES, type ActorFacts } from './descriptions';
import { findPairs, OTHER_PARTY_NOUNS, PAIR_DESCRIPTIONS } from './coref-pairs';
import { CorefStates, DECAY, EMBEDDED_FACTOR, LESSER_TITLE_WORDS, MARGIN, RECENCY_WEIGHT, ROLE_WEIGHT } from './coref-states';
import { FeatureBuffer } from '../learn';
import { candidateFeatures, corefModel, corefTracer, hashFeatures, nullFeatures, rankScore, type CorefModel, type RankCandidate, type RankPronoun } from './coref-rank';
import { ARTICLES, HOSTILE_VERBS, PRONOUNS, type PronounRow } from './coref-words';
import type { CorefInput, Item, Role } from './coref-text';
import { NEUTER_LOOKBACK_SENTENCES } from './coref-cues';

/** The pair row "his guest" is read by: two people named last as parties to one event. */
const LEADER_PAIR = PAIR_DESCRIPTIONS.find((r) => r.words.join(' ') === 'the two leaders') as (typeof PAIR_DESCRIPTIONS)[number];

export type { CorefInput } from './coref-text';

/** Sentences back (before the pronoun's own) where an antecedent may stand. */
const LOOKBACK_SENTENCES = 3;
/** Each earlier mention of the actor (up to three) adds this share: the story's topic stays salient. */
const NAMED_WEIGHT = 0.03;
/** The pronoun's role equals the antecedent's last role ("X met Y. He said…": he = X). */
const PARALLEL_WEIGHT = 35;
/** The pronoun is the subject of the verb the actor was the subject of ("why should NATO exist? … why should it exist"). */
const REPEATED_WEIGHT = 70;
/** Words that open an adverbial clause whose subject a he/she may be: "… when he was ready". */
const SUBORDINATORS: ReadonlySet<string> = new Set(['when', 'if', 'until', 'unless', 'once', 'because', 'after', 'before', 'while', 'since']);
/** A gender known to agree beats an unknown one (a factor on the salience). */
const KNOWN_GENDER_FACTOR = 1.2;

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

/** Pronouns and descriptions resolved to the actors they stand for, in text order. */
export function resolveCoreference(input: CorefInput): ActorReference[] {
  return new Resolver(input).run();
}

class Resolver extends CorefStates {
  private readonly titles = new Map<string, Set<string>>();
  private readonly countries = new Map<string, Set<string>>();
  private readonly facts = new Map<string, ActorFacts>();
  private readonly buffer = new FeatureBuffer();
  private readonly scratch = new Float64Array(2);
  private byEntity: Map<string, Mention[]> | undefined;

  run(): ActorReference[] {
    const base = this.input.references.filter((r) => !r.modifier && r.via !== 'pronoun' && r.via !== 'topic' && (r.entityType !== 'other' || this.groups.has(r.entity)));
    for (const r of this.input.references) for (let k = r.firstToken; k <= r.lastToken; k++) this.covered[k] = 1;
    for (const r of base) for (let k = r.firstToken; k <= r.lastToken; k++) this.baseAt[k] = r;
    // "there was no longer any Soviet Union": a name under a negative quantifier introduces no one a pronoun can stand for.
    const items = base.filter((r) => !this.denied(r.firstToken)).map((r) => this.item(r.entity, r.entityType, r.firstToken, r.lastToken, r.via === 'demonym'));
    items.push(...this.nounItems());
    // "EU foreign policy chief Kaja Kallas … the bloc": a body named inside a title phrase is no actor
    // of its clause, but a description may take it up (a pronoun may not: its role is `modifier`).
    for (const r of this.input.references) {
      if (r.modifier && r.entityType === 'organization' && r.via === 'lexicon') items.push(this.item(r.entity, r.entityType, r.firstToken, r.lastToken));
    }
    items.sort((a, b) => a.first - b.first || a.last - b.last);
    this.learnGenders(base);
    this.learnTitles(base);
    // "The Russian president told his guest": a demonym that only modifies the title is part of the description.
    const open = Uint8Array.from(this.covered);
    for (const r of this.input.references) if (r.modifier && r.via === 'demonym') for (let k = r.firstToken; k <= r.lastToken; k++) open[k] = 0;
    for (const r of this.input.references) if (!(r.modifier && r.via === 'demonym')) for (let k = r.firstToken; k <= r.lastToken; k++) open[k] = 1;
    const descriptions = findDescriptions(this.tokens, open, this.input.demonym);
    const pairs = findPairs(this.tokens, this.covered);
    const out: ActorReference[] = [];
    const seen: Item[] = [];
    let next = 0;
    let d = 0;
    let p = 0;
    let lastPair: { readonly sides: readonly ActorReference[]; readonly last: number } | undefined;
    for (const t of this.tokens) {
      while (next < items.length && (items[next] as Item).last < t.index) this.see(seen, items[next++] as Item);
      const both = pairs[p]?.first === t.index ? pairs[p++] : undefined;
      if (both) {
        const sides = this.resolvePair(both, seen);
        out.push(...sides);
        lastPair = sides.length > 0 ? { sides, last: both.last } : undefined;
        continue;
      }
      // "Alexei Navalny … died … The service said the 47-year-old had felt unwell": an age for a name
      // goes on for the person who was the subject before.
      const aged = this.agedPerson(t, seen);
      if (aged) {
        this.keep(out, seen, aged);
        continue;
      }
      const description = descriptions[d]?.first === t.index ? descriptions[d++] : undefined;
      if (description) {
        const r = this.resolveDescription(description, seen);
        if (r) this.keep(out, seen, r);
        continue;
      }
      // "Both sides accused each other", "Russia and North Korea will come to each other's aid": a
      // reciprocal stands for the pair its clause's subject names (each member, for the other).
      const reciprocal = this.reciprocal(t, lastPair, seen);
      if (reciprocal) {
        const possessive = this.tokens[reciprocal.last + 1]?.value === "'s";
        for (const side of reciprocal.sides) out.push(this.reference(side.entity, side.entityType, t.index, reciprocal.last, t.sentence, 'pronoun', possessive));
        continue;
      }
      const row = PRONOUNS.get(t.lower);
      if (!row || this.covered[t.index] || t.pos === 'PROPN') continue;
      // "Museveni thanked his host", "Xi told his guest": the other party of the owner's last meeting.
      const partner = row.form === 'possessive' || row.form === 'object-or-possessive' ? this.otherParty(t, row, seen) : undefined;
      if (partner) {
        this.keep(out, seen, partner);
        continue;
      }
      // "urged both countries to resolve their differences": a plural pronoun after a pair phrase in its clause stands for the pair.
      if (row.kind === 'plural' && lastPair && this.afterPair(lastPair.last, t)) {
        const possessive = row.form === 'possessive';
        for (const side of lastPair.sides) out.push(this.reference(side.entity, side.entityType, t.index, t.index, t.sentence, 'pronoun', possessive));
        continue;
      }
      const r = this.resolvePronoun(t, row, seen);
      if (!r) continue;
      // "Tarel Odinga met his wife …": a person a "he"/"his" stands for is a man from here on, whichever cue resolved it.
      if ((row.kind === 'male' || row.kind === 'female') && !this.gender.has(r.entity)) this.gender.set(r.entity, row.kind);
      if (row.kind === 'plural') {
        // "Egypt and Saudi Arabia said they …", "Mali, Burkina Faso and Niger recalled their envoys": all of them, or (when one of them cannot be "they") none.
        const all = this.conjuncts(r, seen);
        if (all.length === 0) continue;
        for (const member of all) this.keep(out, seen, this.reference(member.entity, member.entityType, t.index, t.index, t.sentence, 'pronoun', r.possessive));
        continue;
      }
      this.keep(out, seen, r);
    }
    return out;
  }

  /** A reference resolved here: kept, and seen from now on as an antecedent of its own (over its span). */
  private keep(out: ActorReference[], seen: Item[], r: ActorReference): void {
    out.push(r);
    this.see(seen, { ...this.item(r.entity, r.entityType, r.firstToken, r.lastToken), resolved: true });
  }

  /**
   * "the 47-year-old" (the, a number, "-year-old"): the one person who was the subject of a main
   * clause in this sentence before it or in the one before; nobody when two people were.
   */
  private agedPerson(t: Token, seen: readonly Item[]): ActorReference | undefined {
    if (t.lower !== 'the' || this.tokens[t.index + 1]?.pos !== 'NUM') return undefined;
    // (Most "the" + number are no age: "the 2010 election".)
    if (this.tokens[t.index + 2]?.lower !== '-') return undefined;
    const words = [2, 3, 4, 5].map((k) => this.tokens[t.index + k]?.lower);
    if (words.join(' ') !== '- year - old' || this.covered[t.index + 1]) return undefined;
    const last = t.index + 5;
    // ("the 40-year-old trade embargo": an age that modifies a noun is the thing's.)
    if (['NOUN', 'PROPN', 'ADJ'].includes(this.tokens[last + 1]?.pos ?? '')) return undefined;
    const people = new Set<string>();
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence < t.sentence - 1) break;
      if (m.noun || m.entityType !== 'person' || m.role !== 'subject' || this.embeddedBefore(m, t.index)) continue;
      people.add(m.entity);
    }
    if (people.size !== 1) return undefined;
    const [entity] = [...people] as [string];
    return this.reference(entity, 'person', t.index + 1, last, t.sentence, 'description', false);
  }

  /**
   * "his guest", "her host", "his counterpart" with no name after: the other person of the last meeting
   * the possessor took part in (as "the two leaders" finds it), or nobody.
   */
  private otherParty(t: Token, row: PronounRow, seen: readonly Item[]): ActorReference | undefined {
    let k = t.index + 1;
    while (this.tokens[k]?.pos === 'ADJ' && !this.covered[k]) k++;
    const noun = this.tokens[k];
    if (!noun || !OTHER_PARTY_NOUNS.has(noun.lower) || noun.lower.endsWith('s') || this.covered[k]) return undefined;
    // ("his counterpart, Ulf Kristersson" / "his guest Kim": the name says who.)
    const after = this.tokens[k + 1]?.value === ',' ? this.tokens[k + 2] : this.tokens[k + 1];
    if (after && after.pos === 'PROPN') return undefined;
    const owner = this.resolvePronoun(t, row, seen);
    if (!owner || owner.entityType !== 'person') return undefined;
    const sides = this.resolvePair({ row: LEADER_PAIR, first: t.index, last: k }, seen, true);
    if (!sides.some((r) => r.entity === owner.entity)) return undefined;
    const others = sides.filter((r) => r.entity !== owner.entity);
    return others.length === 1 ? { ...(others[0] as ActorReference), possessive: this.tokens[k + 1]?.value === "'s" } : undefined;
  }

  private see(seen: Item[], item: Item): void {
    seen.push(item);
    this.noteSeen(seen);
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
      // "the president himself had asked", "Putin himself said": an emphatic reflexive right after a subject is that subject's (a noun's: nobody we know).
      // (Only before the verb: "decided to treat his daughter himself" is the subject's.)
      const verbNext = ['VERB', 'AUX'].includes(this.tokens[t.index + 1]?.pos ?? '');
      const emphatic = verbNext ? [...seen].reverse().find((m) => m.last === t.index - 1) : undefined;
      if (emphatic) return !emphatic.noun && this.agrees(emphatic, row.kind) ? this.reference(emphatic.entity, emphatic.entityType, t.index, t.index, t.sentence, 'pronoun', false) : undefined;
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
      // ("Macron and Merz said they welcomed …": people named together are "they"; conjuncts() gives each.)
      const people = reporter !== null && row.kind === 'plural' && reporter.entityType === 'person' && this.conjoined(reporter);
      return reporter && (people || this.agrees(reporter, row.kind)) ? this.reference(reporter.entity, reporter.entityType, t.index, t.index, t.sentence, 'pronoun', false) : undefined;
    }
    // "… the Ukrainian president could come back when he was ready": a he/she opening an adverbial
    // clause after its main clause is that clause's subject, the nearest before it, not the sentence's first.
    const adverbial = !neuter && role === 'subject' && !this.quoted[t.index] ? this.adverbialSubject(t, seen) : undefined;
    if (adverbial === null) return undefined;
    if (adverbial && this.agrees(adverbial, row.kind)) return this.reference(adverbial.entity, adverbial.entityType, t.index, t.index, t.sentence, 'pronoun', false);
    // '"…", it added': the subject of a verb of speech right after a quotation goes on speaking for the last
    // speaker. Not "he"/"she": a new speaker is often a person introduced without a verb of speech
    // ("Ian Fogg, an analyst, …"), and the salience ranking measured better for them.
    const continued = neuter && role === 'subject' && !this.quoted[t.index] ? this.continuedSpeaker(t, row.kind, seen, lookback) : undefined;
    if (continued) return this.reference(continued.entity, continued.entityType, t.index, t.index, t.sentence, 'pronoun', false);
    // "Lula replied that … . He said his government …": "he" or "she" opening a sentence goes on with the
    // previous sentence's subject when that is the one agreeing person named as a subject there.
    // ("… The RSF said its team had come … . Its commander, Dagalo, pledged": so does an opening "its".)
    // (So does an opening "It" that an actor's verb follows: "The group … called on the mediators to hold Israel responsible. It did not fire".)
    const carried = (((!neuter || row.kind === 'neuter') && role === 'subject') || (row.kind === 'neuter' && possessive)) && !this.quoted[t.index] ? this.carriedSubject(t, row.kind, seen) : undefined;
    if (carried === null) return undefined;
    if (carried) return this.reference(carried.entity, carried.entityType, t.index, t.index, t.sentence, 'pronoun', false);
    const speaker = this.quoted[t.index] ? this.quoteSpeaker(t.index) : undefined;
    const relative = this.relativeHead(t);
    const apposed = possessive ? this.apposedName(t) : undefined;
    const before = this.tokens[t.index - 1];
    const hostileObject = possessive && before !== undefined && before.pos === 'VERB' && HOSTILE_VERBS.has(before.lemma);
    // "induced Russia to extend its capacity": the object of a verb of control does what the infinitive says.
    // "accused the Emirates of complicity through its support": the of-phrase tells the object's deed.
    const charged = row.form !== 'reflexive' ? this.chargedObject(t, row.kind, seen) : undefined;
    if (charged && charged.entity !== speaker) return this.reference(charged.entity, charged.entityType, t.index, t.index, t.sentence, 'pronoun', possessive);
    const nounOwner = possessive ? this.nounOwner(t, row.kind, seen) : undefined;
    if (nounOwner && nounOwner.entity !== speaker) return this.reference(nounOwner.entity, nounOwner.entityType, t.index, t.index, t.sentence, 'pronoun', true);
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
      // A name in a relative clause that has closed is embedded in another's phrase: less salient.
      const embedded = this.embeddedBefore(m, t.index) ? EMBEDDED_FACTOR : 1;
      const weight = (RECENCY_WEIGHT + ROLE_WEIGHT[m.role]) * DECAY ** distance * embedded;
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
    // ("France and Germany … their": the pronoun stands for both; run() gives it one reference each.)
    // A resolved "he" for a person of unknown gender says it.
    if ((row.kind === 'male' || row.kind === 'female') && !this.gender.has(best.entity) && !second) this.gender.set(best.entity, row.kind);
    return this.reference(best.entity, best.last.entityType, t.index, t.index, t.sentence, 'pronoun', possessive);
  }

  /**
   * The actors a plural pronoun resolved to r stands for: r's entity alone, or every actor joined
   * to its last mention by "and", "&" or commas ("Mali, Burkina Faso and Niger"); none when a
   * member is no actor "they" can stand for (a person).
   */
  private conjuncts(r: ActorReference, seen: readonly Item[]): Array<{ readonly entity: string; readonly entityType: EntityType }> {
    let m: Item | undefined;
    // (Its name, not a body noun standing for it: "Iranian and American negotiators" is read at "American".)
    for (let j = seen.length - 1; j >= 0 && !m; j--) {
      const s = seen[j] as Item;
      if (s.entity === r.entity && !s.resolved && this.baseAt[s.first]?.entity === r.entity) m = s;
    }
    if (!m || !this.conjoined(m)) return [{ entity: r.entity, entityType: r.entityType }];
    const joiner = (w: Token | undefined): boolean => w !== undefined && (w.lower === 'and' || w.value === ',' || w.value === '&' || w.lower === 'the') && w.sentence === m?.sentence;
    const members = new Map<string, { entityType: EntityType; at: number }>([[m.entity, { entityType: m.entityType, at: m.first }]]);
    for (const step of [1, -1]) {
      let k = step > 0 ? m.last + 1 : m.first - 1;
      for (;;) {
        if (!joiner(this.tokens[k])) break;
        while (joiner(this.tokens[k])) k += step;
        const next = this.baseAt[k];
        if (!next || next.modifier) break;
        members.set(next.entity, { entityType: next.entityType, at: next.firstToken });
        k = step > 0 ? next.lastToken + 1 : next.firstToken - 1;
      }
    }
    // (In text order: the references of one pronoun come out as the list names them.)
    const all = [...members.entries()].sort((a, b) => a[1].at - b[1].at).map(([entity, { entityType }]) => ({ entity, entityType }));
    // (People named together are "they" as a group: "Trump and Putin said they …".)
    const people = all.length > 1 && all.some((a) => a.entityType === 'person') && all.every((a) => a.entityType === 'person' || a.entityType === 'country' || a.entityType === 'organization');
    return people || all.every((a) => this.agrees(this.item(a.entity, a.entityType, m.first, m.last), 'plural')) ? all : [];
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

  // ---- descriptions ----------------------------------------------------------------------------

  /**
   * The subject of the clause an adverbial clause opening with the pronoun follows ("X could come
   * back when he was ready"): the nearest subject before the subordinator in the sentence, past
   * closed relative clauses; null when that subject is a noun of office left unresolved ("the
   * Ukrainian president"), which the pronoun then stands for; undefined when no such clause.
   */
  private adverbialSubject(t: Token, seen: readonly Item[]): Item | null | undefined {
    const sub = this.tokens[t.index - 1];
    if (!sub || sub.sentence !== t.sentence || !SUBORDINATORS.has(sub.lower) || this.tokens[t.index - 2]?.sentence !== t.sentence || this.tokens[t.index - 2]?.value === ',') return undefined;
    // (Not a fronted clause: "When he arrived, X …" has no clause before it.)
    let verb = false;
    for (let k = sub.index - 1; k >= 0 && this.tokens[k]?.sentence === t.sentence; k--) if (this.tokens[k]?.pos === 'VERB') verb = true;
    if (!verb) return undefined;
    for (let j = seen.length - 1; j >= 0; j--) {
      const m = seen[j] as Item;
      if (m.sentence !== t.sentence) break;
      if (m.last >= sub.index || m.role !== 'subject' || this.embeddedBefore(m, t.index)) continue;
      if (m.noun) return OFFICE_TITLES.has(this.tokens[m.first]?.lower ?? '') ? null : undefined;
      return m;
    }
    return undefined;
  }

  /** The previous sentence's subject, when it is the one agreeing person (or, for "its", body or state) named as a subject there. */
  private carriedSubject(t: Token, kind: PronounRow['kind'], seen: readonly Item[]): Item | null | undefined {
    if (this.tokens[t.index - 1]?.sentence === t.sentence) return undefined;
    // "The committee said the National Audit Office should investigate. It blamed …": an opening "It"
    // after a sentence whose first subject is a body we do not know goes on for that body, nobody we know.
    if (kind === 'neuter' && this.tokens[t.index]?.lower === 'it') {
      const first = this.seenIn(seen, t.sentence - 1).find((m) => m.role === 'subject' && !this.embeddedBefore(m, t.index));
      if (first?.noun === 'singular' && !this.seenIn(seen, t.sentence - 1).some((m) => m.role === 'subject' && !m.noun && m.first < first.first)) return null;
    }
    const subjects = this.seenIn(seen, t.sentence - 1).filter((m) => m.role === 'subject' && !m.noun && (kind === 'neuter' || m.entityType === 'person') && this.agrees(m, kind)
      && !this.embeddedBefore(m, t.index));
    const people = new Set(subjects.map((m) => m.entity));
    if (people.size === 1) return subjects[0];
    // "X offered to hand them to Kim if the North Korean leader arranged it. He urged …": the subject
    // of a clause that only sets a condition or a time is no rival of the main clause's one subject.
    const main = subjects.filter((m) => !this.adverbialClauseSubject(m));
    return new Set(main.map((m) => m.entity)).size === 1 ? main[0] : undefined;
  }

  /** Whether the mention is the subject of an adverbial clause ("if the leader arranged it", "when X came"). */
  private adverbialClauseSubject(m: Item): boolean {
    const verb = this.governorOf(m.first, m.last);
    if (verb >= 0 && this.deprel(verb) === 'advcl') return true;
    // (The parse may hang the clause anywhere, or be absent: its opening "if"/"when" says what it is.)
    const before = this.tokens[m.first - 1];
    const opener = before && ARTICLES.has(before.lower) ? this.tokens[m.first - 2] : before;
    return opener !== undefined && opener.sentence === m.sentence && SUBORDINATORS.has(opener.lower);
  }

  protected actorFacts(entity: string, entityType: EntityType): ActorFacts {
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
        // (Not past a verb or another actor's name: "Foreign Minister Abbas Araghchi handed Vladimir Putin" gives Putin no title.)
        if (!wordy(w) || w.sentence !== this.tokens[r.firstToken]?.sentence || w.pos === 'VERB' || (this.baseAt[k] && this.baseAt[k]?.entity !== r.entity)) break;
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

  // ---- output ----------------------------------------------------------------------------------

  protected reference(entity: string, entityType: EntityType, first: number, last: number, sentence: number, via: 'pronoun' | 'description', possessive: boolean): ActorReference {
    const at = this.tokens[first]?.start ?? 0;
    const antecedent = this.antecedentMention(entity, at);
    return {
      entity, entityType, firstToken: first, lastToken: last, sentence, via, possessive, modifier: false,
      ...(antecedent ? { antecedent: { start: antecedent.start, end: antecedent.end } } : {}),
    };
  }

  /** The entity's mentions in the input's order (an index built once: references would each scan all mentions). */
  private mentionsOf(entity: string): readonly Mention[] {
    if (!this.byEntity) {
      this.byEntity = new Map();
      for (const m of this.input.mentions) {
        const list = this.byEntity.get(m.entity);
        if (list) list.push(m);
        else this.byEntity.set(m.entity, [m]);
      }
    }
    return this.byEntity.get(entity) ?? [];
  }

  /** The mention of the entity nearest before `at` (else the first after it). */
  private antecedentMention(entity: string, at: number): Mention | undefined {
    let best: Mention | undefined;
    for (const m of this.mentionsOf(entity)) {
      if (m.start < at) {
        if (!best || best.start > at || m.start > best.start) best = m;
      } else if (!best) best = m;
    }
    return best;
  }
}

