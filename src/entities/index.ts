// Entities: tokens → mentions of actors, places and topics, each resolved to one entity id.
// Pass 1 reads names, titles and gazetteer matches; pass 2 resolves what needs the whole
// document: lone surnames ("Putin" → Vladimir Putin, even in the headline before the full
// name), titles without names ("the Russian President"), pronouns and anaphoric topics.
// The recognizer is one class in layers: recognizer.ts (state, recording) → places.ts → names.ts
// (pass 1) → lone-names.ts (pass 2) → Recognizer below (the run and what reads the whole layer).
import type { AnnotatedDocument, EntityRecord, EntityType, Fact, Mention, SyntaxLayer } from '../types';
import { resolveCoreference } from './coref';
import { defaultLexicon, type Lexicon } from './lexicon';
import { phraseExtents } from './extents';
import { countryBodyId, slugify } from './slug';
import { ARMY_WORDS, FACTIONAL_ARMIES, TITLES, TOPICS } from './tables';
import { TOPIC_FIRST_WORDS, AFFILIATION_KINDS, isCapitalized } from './words';
import { LoneNameReading } from './lone-names';
import { documentCountry } from './containment';
import { NO_ACTOR } from './addressed';
import { sideCompetitionSentences } from './clubs';

/** Heads of pair phrases for the sides of a war ("both sides", "the warring parties"). */
const SIDE_WORDS: ReadonlySet<string> = new Set(['sides', 'parties', 'factions', 'camps']);
/** Nouns for the government a person heads: "Goita's government". */
const GOVERNMENT_WORDS: ReadonlySet<string> = new Set(['government', 'administration', 'cabinet', 'regime', 'junta']);

/** The United Kingdom's nations, places in the gazetteer, that field sides of their own. */
const HOME_NATIONS: ReadonlySet<string> = new Set(['england', 'wales', 'scotland', 'northern-ireland']);

/** Determiners that open a title's phrase ("our NASA Administrator", "this Prime Minister"). */
const TITLE_OPENERS: ReadonlySet<string> = new Set(['our', 'your', 'this', 'their', 'its']);

/** Words after a title that say what it is of ("Ambassador to the United States"). */
const TITLE_TAIL_LINKS: ReadonlySet<string> = new Set(['of', 'to', 'for']);

/** States whose legislature is itself named Congress (a "Congress" in a British story is the US one). */
const CONGRESS_STATES = ['guatemala', 'peru', 'colombia', 'mexico', 'brazil', 'argentina', 'chile', 'honduras', 'paraguay', 'philippines', 'spain', 'dominican-republic'];
/** States with a Senate of their own. */
const SENATE_STATES = [...CONGRESS_STATES, 'france', 'italy', 'poland', 'nigeria', 'australia', 'canada', 'pakistan', 'czech-republic', 'romania', 'belgium', 'ireland'];

/**
 * US bodies the gazetteer files under a bare name another country's body also has, and the states
 * that have one of that name (`undefined`: every state has a supreme court).
 */
const US_HOME_BODIES: readonly { readonly id: string; readonly words: string; readonly states?: readonly string[] }[] = [
  { id: 'us-congress', words: 'Congress', states: CONGRESS_STATES }, { id: 'us-senate', words: 'Senate', states: SENATE_STATES },
  { id: 'us-supreme-court', words: 'Supreme Court' },
];
const US_ID = 'united-states';

/** Country mentions by sentence, in text order. */
function groupCountries(mentions: readonly Mention[]): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.entityType !== 'country') continue;
    const list = out.get(m.sentence);
    if (list) list.push(m);
    else out.set(m.sentence, [m]);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}
/** Words before a bare body's name that make it the US one ("the US Congress", "American Senate"). */
const US_WORDS: ReadonlySet<string> = new Set(['us', 'u.s.', 'american', 'washington', 'america']);
export { buildLexicon, defaultLexicon, readAliasFile, type AliasEntry, type Lexicon } from './lexicon';
export { slugify } from './slug';
export { TITLES, type TitleRow, wordTable } from './tables';
export { CORPORATE_TITLES, LESSER_OFFICE_WORDS, PAST_OFFICE_WORDS } from './words';

/** How an actor is referred to at a place in the text; relations read these. */
export type ReferenceVia = 'name' | 'lexicon' | 'seat' | 'capital' | 'demonym' | 'title' | 'pronoun' | 'description' | 'topic';

export interface ActorReference {
  readonly entity: string;
  readonly entityType: EntityType;
  readonly firstToken: number;
  readonly lastToken: number;
  readonly sentence: number;
  readonly via: ReferenceVia;
  /** "his support", "Russia's acceptance": the actor owns the next noun. */
  readonly possessive: boolean;
  /** A name inside a title phrase ("Russian" in "Russian President Vladimir Putin") is not an actor. */
  readonly modifier: boolean;
  /** Pronouns and descriptions (src/entities/coref.ts): character offsets of the mention of the entity they were resolved to. */
  readonly antecedent?: { readonly start: number; readonly end: number };
}

export interface EntityLayer {
  readonly mentions: Mention[];
  readonly entities: EntityRecord[];
  /** Every actor reference (names, pronouns, titles, topics), sorted by position. */
  readonly references: ActorReference[];
  /** Facts that titles and gazetteers give: leader_of, member_of, located_in. */
  readonly facts: Fact[];
  /**
   * People of the news gazetteer in this document → the states or bodies they serve (people.json):
   * whose side they speak for, known without a title in the text; no fact of its own.
   */
  readonly serves: ReadonlyMap<string, readonly string[]>;
}

/**
 * `names` is the trained NER's tag of each token (BIO, `B-PER` … `O`; src/syntax): the people it
 * finds where no rule put a mention are added, and a lone name it reads as a person is not taken
 * for an organisation. Without it, the rules alone.
 */
export function recognizeEntities(doc: AnnotatedDocument, lexicon: Lexicon = defaultLexicon(), names?: readonly string[], syntax?: SyntaxLayer): EntityLayer {
  return new Recognizer(doc, lexicon, names, syntax).run();
}

class Recognizer extends LoneNameReading {
  run(): EntityLayer {
    this.passNames();
    this.resolveSingles();
    this.peopleNoRuleFound();
    this.placeSurnames();
    this.peopleInNames();
    this.mergeParentheticals();
    this.homeBodies();
    this.resolveTitleReferences();
    this.titleMentions();
    this.officeMentions();
    this.nationalSides();
    this.resolveCoreference();
    this.descriptionRoles();
    this.ownGovernments();
    this.factionalArmies();
    this.unheldTitleSides();
    this.addressedMentions();
    this.findTopics();
    this.statedContainments();
    const mentions = this.phraseExtents();
    this.draft.references.sort((a, b) => a.firstToken - b.firstToken || a.lastToken - b.lastToken);
    const entities = this.records();
    const serves = new Map<string, readonly string[]>();
    for (const e of entities) {
      const bodies = e.entityType === 'person' ? this.servedBy(e.id) : undefined;
      if (bodies) serves.set(e.id, bodies);
    }
    // A state's army that is a side of its civil war still serves that state ("the army retook Khartoum" attacks no state of its own).
    for (const row of FACTIONAL_ARMIES) if (entities.some((e) => e.id === row.id)) serves.set(row.id, [row.country]);
    return { mentions, entities, references: this.draft.references, facts: this.draft.facts, serves };
  }

  /**
   * "Congress", "the Supreme Court" alone in a story about Guatemala or Brazil, or after "Mexico's
   * government" in its sentence, is that country's body, not the gazetteer's US one: such a bare
   * name becomes "Congress of Guatemala" when no US word stands right before it and the state named
   * last before it in its sentence, else the document's most named state, is another that has one.
   */
  private homeBodies(): void {
    const story = documentCountry(this.draft.mentions);
    const d = this.draft;
    let countriesBySentence: Map<number, Mention[]> | undefined;
    const moved = new Map<Mention, string>();
    /** The new id of each moved mention's reference, by its entity and tokens. */
    const at = new Map<string, string>();
    for (const m of d.mentions) {
      const row = US_HOME_BODIES.find((r) => r.id === m.entity);
      // ("the Court" after "the Supreme Court": the head-word anaphor names the same body.)
      if (!row || (m.text !== row.words && m.rule !== 'org-head-anaphor') || US_WORDS.has(this.token(m.firstToken - 1)?.lower ?? '')) continue;
      // "Mexico's government asked Congress": a state with such a body named before it in its own
      // sentence, with no US mention between, owns it; else the state the story is about.
      let owner: string | undefined;
      for (const c of (countriesBySentence ??= groupCountries(d.mentions)).get(m.sentence) ?? []) {
        if (c.start >= m.start) break;
        if (c.entity === US_ID || !row.states || row.states.includes(c.entity)) owner = c.entity;
      }
      const about = owner ?? story;
      if (about === undefined || about === US_ID || (row.states && !row.states.includes(about))) continue;
      const aboutLabel = this.lexicon.entities.get(about)?.label ?? about;
      const id = countryBodyId(row.words, about);
      moved.set(m, id);
      at.set(`${m.entity}|${m.firstToken}|${m.lastToken}`, id);
      // The body's full name labels it, whichever of its mentions comes last ("the Court" is an anaphor).
      d.labels.set(id, `${row.words} of ${aboutLabel}`);
      d.types.set(id, 'organization');
      const aliases = d.aliases.get(id) ?? new Set<string>();
      aliases.add(m.text);
      d.aliases.set(id, aliases);
    }
    if (moved.size === 0) return;
    d.references = d.references.map((r) => {
      const id = at.get(`${r.entity}|${r.firstToken}|${r.lastToken}`);
      return id === undefined ? r : { ...r, entity: id };
    });
    d.mentions = d.mentions.map((m) => (moved.has(m) ? { ...m, entity: moved.get(m) as string } : m));
    // The US body keeps a record only while a mention of it is left.
    for (const row of US_HOME_BODIES) if (!d.mentions.some((m) => m.entity === row.id)) d.aliases.delete(row.id);
  }

  /** The mentions as output: each widened to the phrase that names it ("U.S. President Donald Trump"). */
  private phraseExtents(): Mention[] {
    const sorted = [...this.draft.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
    const { mentions, moved } = phraseExtents(sorted, {
      tokens: this.tokens,
      text: this.text,
      sentenceStart: (i) => this.doc.sentences[this.token(i)?.sentence ?? -1]?.firstToken === i,
      titleEndingAt: (k) => {
        for (let s = Math.max(0, k - 3); s <= k; s++) {
          const t = this.token(s);
          if (t && isCapitalized(t) && this.titleAt(s)?.last === k) return s;
        }
        return undefined;
      },
      affiliationEndingAt: (k) => {
        for (let s = Math.max(0, k - this.lexicon.maxWords + 1); s <= k; s++) {
          const kind = this.matchLexicon(s, (e) => AFFILIATION_KINDS.has(e.kind));
          if (kind?.last === k) return s;
        }
        return undefined;
      },
      statedRegions: this.statedRegions,
    });
    // A pronoun's antecedent names the offsets of a mention: the widened one.
    if (moved.size > 0) {
      this.draft.references = this.draft.references.map((r) => {
        const to = r.antecedent && moved.get(`${r.antecedent.start}:${r.antecedent.end}`);
        return to ? { ...r, antecedent: to } : r;
      });
    }
    return mentions;
  }

  private resolveTitleReferences(): void {
    for (const p of this.pendingTitles) {
      const holder = this.roleHolders.get(`${p.title.role}|${p.affiliation ?? ''}`);
      const t = this.token(p.first);
      this.pendingTitleMention(p.first, p.last, p.title.words.length);
      if (!holder || !t) continue;
      this.draft.references.push({
        entity: holder, entityType: 'person', firstToken: p.first, lastToken: p.last, sentence: t.sentence,
        via: 'title', possessive: this.token(p.last + 1)?.value === "'s", modifier: false,
      });
    }
  }

  /**
   * "the State Department Spokesperson", "the Russian President", "our NASA Administrator": a body's or
   * state's capitalised title with no name is a person's mention, of the holder its title reference
   * resolves to (after coreference), else of no actor; a determiner other than "the" opens it. A
   * lowercase title ("the Russian president") is a common noun phrase, no name.
   */
  private pendingTitleMention(first: number, last: number, titleWords: number): void {
    const title = this.token(last - titleWords + 1);
    if (!title || !isCapitalized(title) || this.titleCaseSentence[title.sentence] || this.claimedWithin(last - titleWords + 1, last)) return;
    // ("Afghan Ambassador to the United States Hamdullah Mohib": with what it is of after it, the title is the name's.)
    if (TITLE_TAIL_LINKS.has(this.token(last + 1)?.lower ?? '')) return;
    // ("our outstanding NASA Administrator": one adjective may stand after the determiner.)
    const inSentence = (k: number): string => (this.token(k)?.sentence === title.sentence ? this.token(k)?.lower ?? '' : '');
    const adjective = this.token(first - 1)?.pos === 'ADJ' && inSentence(first - 1) === this.token(first - 1)?.value;
    const start = TITLE_OPENERS.has(inSentence(first - 1)) ? first - 1 : adjective && TITLE_OPENERS.has(inSentence(first - 2)) ? first - 2 : first;
    this.claimed.fill(1, last - titleWords + 1, last + 1);
    this.addressed.push({ first: start, last, rule: 'title-of-body' });
  }

  /**
   * "summoned the Israeli ambassador": a title whose holder neither the text nor coreference gives
   * still says whose envoy it is, by its demonym (a modifier reference, as in "Israeli troops").
   */
  private unheldTitleSides(): void {
    const covered = new Set<number>();
    for (const r of this.draft.references) for (let i = r.firstToken; i <= r.lastToken; i++) covered.add(i);
    for (const p of this.pendingTitles) {
      const t = this.token(p.first);
      if (!t || !p.affiliation || p.demonymLast === undefined || covered.has(p.first) || covered.has(p.last)) continue;
      this.draft.references.push({
        entity: p.affiliation, entityType: 'country', firstToken: p.first, lastToken: p.demonymLast, sentence: t.sentence,
        via: 'demonym', possessive: false, modifier: true,
      });
    }
  }

  /**
   * "Moya chose not to help Spain defend the Davis Cup crown", "Umaga backed New Zealand to win the
   * Test series": in a sentence naming a competition of national sides (clubs.ts), a state's or home
   * nation's name is its side, no actor of the state: a modifier reference, so no fact holds it.
   */
  private nationalSides(): void {
    const sentences = sideCompetitionSentences(this.tokens);
    if (sentences.size === 0) return;
    this.draft.references = this.draft.references.map((r) => (sentences.has(r.sentence) && !r.modifier && r.via !== 'pronoun'
      && (r.entityType === 'country' || HOME_NATIONS.has(r.entity)) ? { ...r, modifier: true } : r));
  }

  /** Pronouns and descriptions ("the bloc") → the actor they stand for (coref.ts). */
  private resolveCoreference(): void {
    this.draft.references.push(...resolveCoreference({
      doc: this.doc, references: this.draft.references, mentions: this.draft.mentions, syntax: this.syntax, groups: this.draft.groups,
      roles: this.draft.roles, facts: this.draft.facts,
      personLabel: (id) => this.persons.get(id)?.label,
      servedBy: (id) => this.servedBy(id),
      label: (id) => this.persons.get(id)?.label ?? this.lexicon.entities.get(id)?.label ?? this.draft.labels.get(id) ?? [...(this.draft.aliases.get(id) ?? [])][0],
      demonym: (word) => {
        const entry = this.lexicon.phrases.get(word);
        return entry?.kind === 'demonym' ? (entry.country ?? entry.id) : undefined;
      },
    }));
  }

  /**
   * "Kim Jong Un … the North Korean leader": a description with a state's name or demonym that stands
   * for a person states the person's office in that state, as the title before the name would
   * ("North Korean leader Kim Jong Un"). Only titles of the title table; "the veteran ruler" names no state.
   */
  private descriptionRoles(): void {
    for (const r of [...this.draft.references]) {
      if (r.via !== 'description' || r.entityType !== 'person') continue;
      // The state: the longest phrase at the description's start that the gazetteer reads as a
      // demonym, a country or its seat ("North Korean", "Kremlin").
      for (let n = Math.min(3, r.lastToken - r.firstToken); n >= 1; n--) {
        const phrase = Array.from({ length: n }, (_, k) => this.token(r.firstToken + k)?.value ?? '').join(' ');
        const entry = this.lexicon.phrases.get(phrase);
        const state = entry && (entry.kind === 'demonym' || entry.kind === 'seat' || entry.entityType === 'country') ? (entry.country ?? entry.id) : undefined;
        if (!state || this.lexicon.entities.get(state)?.entityType !== 'country') continue;
        const words: string[] = [];
        for (let k = r.firstToken + n; k <= r.lastToken; k++) words.push(this.token(k)?.lower ?? '');
        const title = TITLES.find((row) => row.words.join(' ') === words.join(' '));
        if (title) this.addRole(r.entity, `${title.role} of ${this.lexicon.entities.get(state)?.label ?? state}`, title, state, r.firstToken + n, words.join(' '));
        break;
      }
    }
  }

  /**
   * "Colonel Assimi Goita's government", "Netanyahu's cabinet": a person's government is the one the
   * person heads, in the state the news gazetteer has them serve.
   */
  private ownGovernments(): void {
    const title = TITLES.find((row) => row.words.join(' ') === 'leader');
    if (!title) return;
    for (const r of [...this.draft.references]) {
      if (r.entityType !== 'person' || !r.possessive || r.via === 'pronoun' || !GOVERNMENT_WORDS.has(this.token(r.lastToken + 2)?.lower ?? '')) continue;
      const state = this.servedBy(r.entity)?.find((id) => this.lexicon.entities.get(id)?.entityType === 'country');
      if (state) this.addRole(r.entity, `Leader of ${this.lexicon.entities.get(state)?.label ?? state}`, title, state, r.lastToken + 2, this.token(r.lastToken + 2)?.value ?? '');
    }
  }

  /**
   * "the Sudanese army", "Sudan's military", "the army" (a description resolved to Sudan): where a
   * state's army is a side of its civil war (tables.ts), it is its own actor, not the state.
   */
  private factionalArmies(): void {
    const d = this.draft;
    const moved = new Set<string>();
    for (let i = 0; i < d.references.length; i++) {
      const r = d.references[i] as ActorReference;
      const row = r.entityType === 'country' ? FACTIONAL_ARMIES.find((a) => a.country === r.entity) : undefined;
      if (!row) continue;
      let last = -1;
      if (r.via === 'description') {
        // ("both sides", "the warring parties" in a civil war: the state's side is its army.)
        if (ARMY_WORDS.has(this.token(r.lastToken)?.lower ?? '') || SIDE_WORDS.has(this.token(r.lastToken)?.lower ?? '')) last = r.lastToken;
      } else if (r.via !== 'pronoun') {
        const k = this.token(r.lastToken + 1)?.value === "'s" ? r.lastToken + 2 : r.lastToken + 1;
        const two = `${this.token(k)?.lower ?? ''} ${this.token(k + 1)?.lower ?? ''}`;
        last = ARMY_WORDS.has(two) ? k + 1 : ARMY_WORDS.has(this.token(k)?.lower ?? '') ? k : -1;
      }
      // "Sudan's army-led government": the army qualifies the state's government, it is no actor here.
      if (last < 0 || this.token(last + 1)?.value === '-') continue;
      d.references[i] = { ...r, entity: row.id, entityType: 'organization', lastToken: last, possessive: this.token(last + 1)?.value === "'s", modifier: false, ...(r.via === 'description' ? {} : { via: 'name' as const }) };
      d.labels.set(row.id, row.label);
      d.types.set(row.id, 'organization');
      const end = this.token(last)?.end;
      const at = d.mentions.findIndex((m) => m.entity === r.entity && m.firstToken === r.firstToken);
      const m = d.mentions[at];
      if (m && end !== undefined) d.mentions[at] = { ...m, entity: row.id, entityType: 'organization', lastToken: last, end, text: this.text.slice(m.start, end), rule: 'factional-army' };
      const aliases = d.aliases.get(row.id) ?? new Set<string>();
      if (m && end !== undefined) aliases.add(this.text.slice(m.start, end));
      d.aliases.set(row.id, aliases);
      moved.add(r.entity);
    }
    // A state named only as its army's owner is no node of its own.
    for (const state of moved) {
      if (!d.mentions.some((m) => m.entity === state) && !d.facts.some((f) => f.source === state || f.target === state)) d.aliases.delete(state);
    }
  }

  /**
   * "the President", "THE VICE PRESIDENT:": a capitalised title with no name, when the article
   * names one person with that title, is that person written as a name, and news annotation
   * (GUM, OntoNotes) marks it as a mention of them. A mention and a title reference, with no alias:
   * the title is no name of the person elsewhere. Two holders named ("President Biden", "President
   * Putin"): nobody.
   */
  private titleMentions(): void {
    for (const t of this.bareTitles) {
      const holders = this.titleHolders.get(t.role);
      // (A holder named by one word only, "Queen Mother" read as title + "Mother", is too unsure.)
      const holder = holders?.size === 1 ? [...holders][0] : undefined;
      const full = holder !== undefined && ((this.persons.get(holder)?.tokens ?? 0) >= 2 || this.lexicon.entities.has(holder));
      const a = this.token(t.first);
      const b = this.token(t.last);
      if (!a || !b || this.claimedWithin(t.first, t.last)) continue;
      // ("the Secretary-General", "the Speaker" with nobody named so: the office's holder is meant, a
      // person's mention of no actor, as in address; not in a Title Case headline, where any word is capitalised.)
      if (holder === undefined || !full) {
        if (!this.titleCaseSentence[a.sentence]) {
          // ("the Senator from Alaska": the state it is held for is part of the phrase.)
          const from = this.token(t.last + 1)?.lower === 'from' ? this.matchLexicon(t.last + 2) : undefined;
          const last = from && from.last < this.tokens.length && ['place', 'country', 'capital'].includes(from.entry.kind) ? from.last : t.last;
          this.claimed.fill(1, t.first, t.last + 1);
          this.addressed.push({ first: t.first, last, rule: 'title-unheld' });
        }
        continue;
      }
      this.claimed.fill(1, t.first, t.last + 1);
      this.draft.mentions.push({ start: a.start, end: b.end, text: this.text.slice(a.start, b.end), entityType: 'person', entity: holder, firstToken: t.first, lastToken: t.last, sentence: a.sentence, rule: 'title-alone' });
      this.draft.references.push({
        entity: holder, entityType: 'person', firstToken: t.first, lastToken: t.last, sentence: a.sentence,
        via: 'title', possessive: this.token(t.last + 1)?.value === "'s", modifier: false,
      });
    }
  }

  /**
   * "the President of the United States", "Governor of Virginia": the holder of that office the article
   * names ("President Biden" with the United States), a mention and a title reference as "the Russian
   * President" gets; else a person's mention of no actor.
   */
  private officeMentions(): void {
    for (const o of this.officesOf) {
      if (this.claimedWithin(o.titleFirst, o.titleLast)) continue;
      this.claimed.fill(1, o.titleFirst, o.titleLast + 1);
      const holder = this.roleHolders.get(`${o.role}|${o.affiliation}`) ?? this.onlyUnplacedHolder(o.role);
      const a = this.token(o.first);
      const b = this.token(o.last);
      if (holder === undefined || !a || !b) {
        this.addressed.push({ first: o.first, last: o.last, rule: 'title-of-unheld' });
        continue;
      }
      this.draft.mentions.push({ start: a.start, end: b.end, text: this.text.slice(a.start, b.end), entityType: 'person', entity: holder, firstToken: o.first, lastToken: o.last, sentence: a.sentence, rule: 'title-of' });
      this.draft.references.push({
        entity: holder, entityType: 'person', firstToken: o.titleFirst, lastToken: o.titleLast, sentence: a.sentence,
        via: 'title', possessive: false, modifier: false,
      });
    }
  }

  /** The one holder of a title the article names, when the text ties that holder to no state or body ("President Ines Valdor"). */
  private onlyUnplacedHolder(role: string): string | undefined {
    const holders = this.titleHolders.get(role);
    const holder = holders?.size === 1 ? [...holders][0] : undefined;
    if (holder === undefined) return undefined;
    for (const [key, id] of this.roleHolders) if (id === holder && key.startsWith(`${role}|`) && key !== `${role}|`) return undefined;
    return holder;
  }

  /**
   * "Madam Speaker", "Mr. President", "the Secretary-General": a person's mention, of the person a reference on the same words
   * resolved to, else of no actor (addressed.ts): the office is named, its holder is not.
   */
  private addressedMentions(): void {
    for (const { first, last, rule } of this.addressed) {
      const a = this.token(first);
      const b = this.token(last);
      if (!a || !b) continue;
      const held = this.draft.references.find((r) => r.firstToken >= first && r.firstToken <= first + 2 && r.lastToken === last && r.entityType === 'person');
      this.draft.mentions.push({
        start: a.start, end: b.end, text: this.text.slice(a.start, b.end), entityType: 'person', entity: held?.entity ?? NO_ACTOR,
        firstToken: first, lastToken: last, sentence: a.sentence, rule,
      });
    }
  }

  private findTopics(): void {
    let recent: string | undefined;
    for (let i = 0; i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (!t || this.claimed[i]) continue;
      if (!TOPIC_FIRST_WORDS.has(t.lower) && !TOPIC_FIRST_WORDS.has(t.lemma)) continue;
      let best: { row: (typeof TOPICS)[number]; last: number } | undefined;
      for (const row of TOPICS) {
        if (best && best.row.words.length >= row.words.length) continue;
        if (row.words.every((w, k) => this.token(i + k)?.lower === w || this.token(i + k)?.lemma === w)) best = { row, last: i + row.words.length - 1 };
      }
      if (!best) continue;
      const topic = best.row.anaphoric && recent ? recent : best.row.topic;
      if (!best.row.anaphoric) recent = best.row.topic;
      this.addMention(slugify(topic), 'other', i, best.last, topic, `topic:${best.row.topic}`, false, 'topic');
      i = best.last;
    }
  }
}
