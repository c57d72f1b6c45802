// Evidence of a fact: who says it (quotes, reported speech, the pronouns of a speaker), its
// modality (negation, conditions, questions), and the fact itself, checked and kept once a sentence.
import type { Fact, Relation, TextSpan, Token } from '../types';
import type { ActorReference } from '../entities';
import { GOLDSTEIN, RELATION_CAMEO, RULER_TITLES, STATE_ONLY_FRAMES, VERBAL_ATTACK, VISIT_FRAMES } from './frames';
import type { RoleFact } from './roles';
import {
  CLAIM_VERBS, CLAUSE_BREAKS, CONJUNCTIONS, DEFERRING_VERBS, FIRST_PERSON, HEARSAY_NOUNS, HONORIFIC_WORDS, HYPOTHETICAL_MARKERS, IRREALIS_VERBS,
  MEMBER_NOUNS, NEGATING_VERBS, NEGATION_WORDS, PREVENTING_VERBS, ARMED_HEADS, OUTLET_WORDS, REPORTING_VERBS, SPEECH_LEMMAS,
} from './words';
import organizationsData from '../entities/data/organizations.json';
import clubsData from '../entities/data/clubs.json';
import { cameoCode } from './cameo';
import type { EmitOptions } from './context';
import { Walks } from './walks';

/** Words of the names of chambers and conferences a speaker addresses ("Supreme People's Assembly", "Munich Security Conference"). */
const AUDIENCE_WORDS: ReadonlySet<string> = new Set(['Assembly', 'Conference', 'Forum', 'Congress', 'Convention', 'Summit', 'Parliament', 'Bundestag', 'Knesset', 'Duma']);

/** Nouns for a person's own state: "his country", "her nation". */
const COUNTRY_NOUNS: ReadonlySet<string> = new Set(['country', 'nation', 'homeland']);

/**
 * News outlets (gazetteer kind "news"): "X told the BBC" or "spoke to Reuters" is a public
 * statement, not an exchange between two actors, so `informed` and `met` never target them.
 */
const ORGANIZATION_KINDS: ReadonlyMap<string, string> = new Map(
  (organizationsData as { organizations: Array<{ id: string; kind?: string }> }).organizations.map((o) => [o.id, o.kind ?? 'other']),
);
const NEWS_OUTLETS: ReadonlySet<string> = new Set([...ORGANIZATION_KINDS].filter(([, kind]) => kind === 'news').map(([id]) => id));
/** Sports bodies and clubs (clubs.json): their staff hold no office that a capital receives on a visit. */
const SPORTS_BODIES: ReadonlySet<string> = new Set([
  ...[...ORGANIZATION_KINDS].filter(([, kind]) => kind === 'sports').map(([id]) => id),
  ...(clubsData as { clubs: Array<{ id: string }> }).clubs.map((c) => c.id),
]);

/** How far a quote's speaker is looked for from a word inside it. */
const QUOTE_WINDOW = 120;
/** Possessives before a wished-for side that make it the wisher's own ("wants his team to win"). */
const OWNERS: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my']);
/** Frames whose meeting, in a sports story, is a fixture when not told as past. */
const FIXTURE_FRAMES: ReadonlySet<string> = new Set(['meet', 'host']);
/**
 * Words of sport: a story with several of them is a sports story ("match", "semi-final", "striker").
 * Words news of state uses too ("round", "game", "club", "race") are left out.
 */
const SPORT_WORDS: ReadonlySet<string> = new Set([
  'match', 'matches', 'tournament', 'semi-final', 'semi-finals', 'quarter-final', 'quarter-finals', 'semifinal', 'quarterfinal',
  'championship', 'championships', 'league', 'cup', 'striker', 'midfielder', 'defender', 'goalkeeper', 'goal', 'goals', 'seed', 'seeded',
  'tennis', 'football', 'rugby', 'cricket', 'athletics', 'olympic', 'olympics', 'medal', 'squad', 'fixture', 'fixtures', 'innings',
  'wicket', 'referee', 'stadium', 'premiership', 'wimbledon', 'scored', 'penalty', 'coach', 'sprinter', 'marathon', 'grand', 'slam',
  'set', 'sets', 'tie-break', 'try', 'tries', 'nations',
]);
/** How many sport words make a sports story. */
const SPORTS_STORY_WORDS = 4;

/** What a state sends that arrives without visiting: "Russian troops arrived in Niger". */
const DEPLOYED_NOUNS: ReadonlySet<string> = new Set(['troops', 'forces', 'soldiers', 'instructors', 'mercenaries', 'advisers', 'advisors', 'personnel', 'units', 'contingent', 'warships', 'jets', 'military', 'army', 'marines', 'paratroopers']);

export abstract class Evidence extends Walks {
  /** "person|country" of a national side's staff (national-sides.ts): a role, but no side. */
  private readonly playsFor = new Set<string>();
  // ---- quotes and pronouns -----------------------------------------------------------------------

  /**
   * "North Korea did not respond, but its state media accused Japan": "its" before a noun for an
   * actor's members or organs, in subject position, stands for the actor that opens the sentence
   * (or the previous one). Only such opening actors are taken: they are the topic, not an object.
   */
  protected addPossessiveSubjects(): void {
    for (const t of this.tokens) {
      if (t.lower !== 'its' || this.refAt[t.index]) continue;
      let k = t.index + 1;
      while (this.tok(k) && (this.tok(k)?.pos === 'ADJ' || (this.tok(k)?.pos === 'NOUN' && !MEMBER_NOUNS.has(this.tok(k)?.lower ?? '')))) k++;
      if (!MEMBER_NOUNS.has(this.tok(k)?.lower ?? '')) continue;
      const verb = this.tok(k + 1);
      if (!verb || !(verb.pos === 'VERB' || verb.pos === 'AUX')) continue;
      const antecedent = this.openingActor(t.sentence, t.index) ?? this.openingActor(t.sentence - 1, Number.MAX_SAFE_INTEGER);
      if (!antecedent) continue;
      const r: ActorReference = { ...antecedent, firstToken: t.index, lastToken: t.index, sentence: t.sentence, via: 'pronoun', possessive: true, modifier: false, antecedent: this.spanOf(antecedent) };
      this.refs.push(r);
      this.refAt[t.index] = r;
    }
  }

  /** The country or organisation that opens a sentence ("The Philippines accused …", "North Korea did not …"). */
  protected openingActor(sentenceIndex: number, before: number): ActorReference | undefined {
    const sentence = this.doc.sentences[sentenceIndex];
    if (!sentence) return undefined;
    let k = sentence.firstToken;
    while (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ') k++;
    const r = this.refAt[k];
    if (!r || r.firstToken >= before || !(r.entityType === 'country' || r.entityType === 'organization')) return undefined;
    return r;
  }

  /**
   * "Ethiopia indicated it deplored Libya", "Gondor said they would sign": "it"/"they" right
   * after a reporting verb is that verb's subject (a country or organisation; people's pronouns
   * are resolved by the entity layer).
   */
  protected addReportedPronouns(): void {
    for (const t of this.tokens) {
      if ((t.lower !== 'it' && t.lower !== 'they') || this.refAt[t.index]) continue;
      const next = this.tok(t.index + 1);
      if (!next || !(next.pos === 'VERB' || next.pos === 'AUX')) continue;
      let k = t.index - 1;
      if (this.tok(k)?.lower === 'that') k--;
      const verb = this.tok(k);
      if (!verb || verb.pos !== 'VERB' || !REPORTING_VERBS.has(verb.lemma) || verb.sentence !== t.sentence) continue;
      // The parse's subject where there is one: "Turkey, Azerbaijan's closest ally, said it …" (the
      // walk would stop at the possessor inside the apposition).
      const subject = this.treeSubject(verb) ?? this.subjectOf(verb);
      if (!subject || subject.entityType === 'person' || subject.entityType === 'other' || subject.entityType === 'place') continue;
      const r: ActorReference = { ...subject, firstToken: t.index, lastToken: t.index, sentence: t.sentence, via: 'pronoun', possessive: false, modifier: false, antecedent: this.spanOf(subject) };
      this.refs.push(r);
      this.refAt[t.index] = r;
    }
  }

  /**
   * “We will never accept it,” Zelenskyy said: inside a quote, "I" and "we" stand for the quoted
   * speaker ("we" for the speaker's country when a title says which). Adds those references.
   */
  protected addQuotedSpeakers(): void {
    const added: ActorReference[] = [];
    for (const t of this.tokens) {
      if (!FIRST_PERSON.has(t.lower) || this.quoteDepth[t.index] !== 1 || this.refAt[t.index]) continue;
      const speaker = this.quoteSpeaker(t);
      if (!speaker) continue;
      let entity = speaker.entity;
      let entityType = speaker.entityType;
      if (t.lower === 'we') {
        const country = this.sidesOf(speaker.entity)[0];
        if (country) {
          entity = country;
          entityType = 'country';
        }
      }
      // "we" in a quote stands for the speaker (or the speaker's country, named by no mention here).
      const r: ActorReference = {
        entity, entityType, firstToken: t.index, lastToken: t.index, sentence: t.sentence, via: 'pronoun', possessive: false, modifier: false,
        ...(entity === speaker.entity ? { antecedent: this.spanOf(speaker) } : {}),
      };
      added.push(r);
      this.refAt[t.index] = r;
    }
    this.refs.push(...added);
  }

  /** The speaker of the quote around a token: “…,” X said / said X / X said: “…”. */
  protected quoteSpeaker(inside: Token): ActorReference | undefined {
    // Quotes are bounded: a stray quote mark must not make every later token a quote.
    let close = inside.index + 1;
    while (this.tok(close) && this.quoteDepth[close] === 1 && close - inside.index < QUOTE_WINDOW) close++;
    // after the quote: ", X said" / "X said" / "said X"
    for (let i = close + 1; i <= close + 3; i++) {
      const t = this.tok(i);
      if (!t) break;
      const r = this.refAt[i];
      if (r && r.entityType !== 'other' && r.entityType !== 'place') {
        const next = this.tok(r.lastToken + 1);
        const prev = this.tok(r.firstToken - 1);
        if ((next && SPEECH_LEMMAS.has(next.lemma)) || (prev && SPEECH_LEMMAS.has(prev.lemma))) return r;
        break;
      }
    }
    // before the quote: "X said: “…”"
    let open = inside.index - 1;
    while (this.tok(open) && this.quoteDepth[open] === 1 && inside.index - open < QUOTE_WINDOW) open--;
    for (let i = open - 1; i >= open - 4 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t) break;
      if (SPEECH_LEMMAS.has(t.lemma) && t.pos === 'VERB') {
        const r = this.refAt[i - 1] ?? this.refAt[i + 1];
        return r && r.entityType !== 'other' && r.entityType !== 'place' ? r : undefined;
      }
    }
    return undefined;
  }

  // ---- modality and output -----------------------------------------------------------------------

  protected emit(source: ActorReference, givenRelation: Relation, givenTarget: ActorReference, trigger: Token, givenRule: string, givenCameo: string, options: EmitOptions): boolean {
    const target = this.ownCountry(givenTarget) ?? givenTarget;
    if (source.entity === target.entity) return false;
    // ("… talks with President Xi that both sides hailed": a state judging its own leader, or a leader
    // his own state, tells nothing between two actors.)
    if ((givenRelation === 'supported' || givenRelation === 'accused') && this.ownState(source, target)) return false;
    // ("The army retook Khartoum": force on its own state's capital is no attack on its state.)
    if (givenRelation === 'attacked' && target.entityType === 'country' && source.entityType === 'organization' && this.isOrOnSideOf(target.entity, source.entity)) return false;
    let relation = givenRelation;
    let rule = givenRule;
    let cameo = givenCameo;
    // The frame's own id, before any ":suffix" a reading adds.
    const frameId = rule.split(':')[0] ?? rule;
    // Clashes are force only between states and armed groups; anyone else clashing argues, which no fact records.
    if (frameId === 'clash-with' && this.attacksInWords(source, target)) return false;
    // "Fox attacks Blair", "his attack on Labour": words, not force.
    if (relation === 'attacked' && frameId !== 'overthrow' && this.attacksInWords(source, target)) {
      // A CAMEO verb of force (kill, occupy, shell) has no verbal reading either.
      if (VERBAL_ATTACK.physical.includes(trigger.lemma) || rule.startsWith('cameo:')) return false;
      relation = VERBAL_ATTACK.relation;
      cameo = VERBAL_ATTACK.cameo;
      rule = `${rule}:verbal`;
    }
    // "Iraq filed a complaint with the United Nations": a complaint lodged with an international body
    // asks it to act (CAMEO 020), it charges the body with nothing; the charge is the against-phrase's.
    if (frameId === 'lodge-protest' && ORGANIZATION_KINDS.get(target.entity) === 'international' && !this.against(trigger, target)) {
      relation = 'urged';
      cameo = '020';
      rule = `${rule}:forum`;
    }
    if ((relation === 'informed' || relation === 'met') && this.isOutlet(target)) return false;
    // ("Speaking to the Supreme People's Assembly, Kim said …": a speech to a chamber or a conference
    // addresses an audience, no party met; telling it something still informs it.)
    if (relation === 'met' && target.entityType === 'organization' && (this.labels.get(target.entity) ?? '').split(/\s+/).some((w) => AUDIENCE_WORDS.has(w))) return false;
    // ("Putin embraced him at his residence": a person embraced is hugged, no proposal accepted.)
    if (frameId === 'accept' && trigger.lemma === 'embrace' && target.entityType === 'person') return false;
    // "deployed a carrier to the Gulf": a CAMEO pattern of deployment to a place aids no one there.
    if (relation === 'aided' && target.entityType === 'place' && rule.startsWith('cameo:')) return false;
    // "told a Moscow court", "asked the US court": a court addressed in a trial is no state addressed.
    if (relation !== 'accused' && relation !== 'sanctioned' && relation !== 'rejected' && this.courtOf(target)) return false;
    if (VISIT_FRAMES.has(rule) && !this.canVisit(source, target)) return false;
    // "He now meets Puerta", "Umaga will meet O'Driscoll in Saturday's match", "Zambia will host
    // Lesotho": in a sports story, to meet or host a side to come is a fixture, not a meeting
    // ("Cole met Mourinho in a London hotel", told as past, still is one).
    if (FIXTURE_FRAMES.has(frameId) && trigger.lower !== 'met' && trigger.lower !== 'hosted' && this.sportsStory()) return false;
    // "Walkington wanted the party to be ready", "McClaren wants his Middlesbrough team to win": a wish
    // for one's own side is no appeal to it.
    // (A person whose side the document does not say wanting "the party", "the government": the
    // story's own body, most likely the speaker's.)
    if (frameId === 'want' && (this.isOrOnSideOf(target.entity, source.entity) || OWNERS.has(this.tok(target.firstToken - 1)?.lower ?? '')
      || (target.via === 'description' && source.entityType === 'person' && this.sidesOf(source.entity).length === 0))) return false;
    // "Boeing is to supply Japan Airlines with 50 planes": a company supplying another sells, it aids no one.
    if (frameId === 'aid' && trigger.lemma === 'supply' && this.tradingBody(source) && this.tradingBody(target)) return false;
    if (frameId === 'dismiss-official' && this.sidesOf(target.entity).length === 0) return false;
    if (frameId === 'overthrow' && target.entityType === 'person' && !this.rulesState(target)) return false;
    // "Nazi-occupied Austria": a hyphened participle names its actor in the word before the hyphen, which the entity layer may not know.
    if (frameId === 'annex' && this.tok(trigger.index - 1)?.value === '-') return false;
    if (STATE_ONLY_FRAMES.has(frameId)) {
      // "John Smith left Google" is a job change; "leaving the Tories with 163 MPs" no departure at all.
      if (source.entityType === 'person' || target.entityType !== 'organization' || this.tok(target.lastToken + 1)?.lower === 'with') return false;
    }
    if (target.entityType === 'other' && !options.topicOk) return false;
    if (options.targetTypes && !options.targetTypes.includes(target.entityType)) return false;
    if (source.entityType === 'other' || source.entityType === 'place') return false;
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return false;
    const subject = options.clauseSubject ?? source;
    // A noun's modality is its governing verb's: "X and Y agreed to begin talks", "did not hold talks".
    const modal = options.anchor ?? trigger;
    const negated = options.modality ? options.modality.negated || this.neitherNor(source, options.sourceGroupStart) : this.isNegated(modal, subject, options.sourceGroupStart) !== (options.undone === true);
    const hypothetical = options.hypothetical === true
      || (options.modality ? options.modality.hypothetical || this.isQuestion(modal) : this.isHypothetical(modal, subject));
    const reportedBy = this.reporter(source, trigger);
    // One fact per triple and sentence: two rules reading the same words give one piece of evidence.
    const [a, b] = relation === 'met' && target.entity < source.entity ? [target.entity, source.entity] : [source.entity, target.entity];
    const key = `${a}|${relation}|${b}|${trigger.sentence}|${negated}|${hypothetical}`;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    this.pushFact(source, relation, target, { negated, hypothetical }, sentence, {
      trigger: trigger.value, rule: rule.startsWith('cameo:') ? rule : `frame:${rule}`, cameo,
      goldstein: cameo === givenCameo && options.goldstein !== undefined ? options.goldstein : GOLDSTEIN[cameo] ?? cameoCode(cameo)?.goldstein ?? 0,
      ...(reportedBy ? { reportedBy } : {}),
    });
    return true;
  }

  /** One fact with its evidence, its keys in the order every output lists them. */
  private pushFact(
    source: ActorReference, relation: Relation, target: ActorReference, modality: { negated: boolean; hypothetical: boolean },
    sentence: { readonly start: number; readonly end: number },
    how: { trigger: string; rule: string; cameo: string; goldstein: number; reportedBy?: string },
  ): void {
    this.facts.push({
      source: source.entity, relation, target: target.entity, negated: modality.negated, hypothetical: modality.hypothetical,
      doc: this.doc.source.id, sentence: this.doc.source.text.slice(sentence.start, sentence.end),
      start: sentence.start, end: sentence.end, ...how,
      ...(this.doc.source.date ? { date: this.doc.source.date } : {}),
      ...this.antecedents(source, target),
    });
  }

  /** A role read around a name (roles.ts): a fact, and the person's side for the readers after. */
  protected emitRole(role: RoleFact): void {
    const key = `${role.person.entity}|${role.body.entity}`;
    const trigger = this.tok(role.first);
    const sentence = trigger && this.doc.sentences[trigger.sentence];
    if (this.belongs.has(key) || this.playsFor.has(key) || !trigger || !sentence) return;
    // (A national side's player or coach holds no office of the state: no side for the readers after,
    // "England coach X flew to Sardinia" is no state visit.)
    (role.rule.startsWith('role:national-side') ? this.playsFor : this.belongs).add(key);
    const cameo = RELATION_CAMEO[role.relation];
    this.pushFact(role.person, role.relation, role.body, { negated: false, hypothetical: false }, sentence, {
      trigger: this.tokens.slice(role.first, role.last + 1).map((t) => t.value).join(' '), rule: role.rule, cameo, goldstein: GOLDSTEIN[cameo] ?? 0,
    });
  }

  /** Whether a reference stands for a court ("a Russian court", "Bosnia's state court"): its noun follows within three words. */
  protected courtOf(r: ActorReference): boolean {
    for (let k = r.lastToken + 1; k <= r.lastToken + 3; k++) {
      const t = this.tok(k);
      if (!t || this.refAt[k]) return false;
      if (t.lower === 'court' || t.lower === 'courts') return true;
      if (!(t.value === "'s" || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN')) return false;
    }
    return false;
  }

  /** Character offsets of a reference: its antecedent's own when it has one. */
  protected spanOf(r: ActorReference): { start: number; end: number } {
    return r.antecedent ?? { start: this.tok(r.firstToken)?.start ?? 0, end: this.tok(r.lastToken)?.end ?? 0 };
  }

  /** The antecedent mentions of ends that the sentence names by a pronoun or description. */
  protected antecedents(source: ActorReference, target: ActorReference): Pick<Fact, 'antecedents'> {
    const span = (r: ActorReference): TextSpan | undefined =>
      r.antecedent ? { start: r.antecedent.start, end: r.antecedent.end, text: this.doc.source.text.slice(r.antecedent.start, r.antecedent.end) } : undefined;
    const s = span(source);
    const t = span(target);
    return s || t ? { antecedents: { ...(s ? { source: s } : {}), ...(t ? { target: t } : {}) } } : {};
  }

  /**
   * Who "attacks" in words: a person attacking a person or organisation ("Fox attacks Blair"), or
   * an organisation that bears no arms attacking anyone ("Tories attack EU moves"). Countries,
   * armed groups and persons attacking countries keep the military reading.
   */
  protected attacksInWords(source: ActorReference, target: ActorReference): boolean {
    // ("attacked El Fasher": a town is struck, never criticised.)
    if (target.entityType === 'place') return false;
    // "continuing attacks against Yukos": a company, party or newspaper is attacked in words or in court.
    const targetKind = ORGANIZATION_KINDS.get(target.entity);
    if (targetKind !== undefined && ['company', 'party', 'news', 'ngo', 'sports'].includes(targetKind)) return true;
    if (source.entityType === 'person') return target.entityType === 'person' || target.entityType === 'organization';
    if (source.entityType !== 'organization') return false;
    const kind = ORGANIZATION_KINDS.get(source.entity);
    if (kind !== undefined) return kind !== 'military';
    const head = (this.labels.get(source.entity) ?? '').split(/\s+/).at(-1)?.toLowerCase() ?? '';
    return !ARMED_HEADS.has(head);
  }

  /** An organisation that trades: a company or a body the gazetteer does not know as a state's, an army or a bloc. */
  private tradingBody(r: ActorReference): boolean {
    const kind = ORGANIZATION_KINDS.get(r.entity);
    return r.entityType === 'organization' && (kind === undefined || kind === 'company');
  }

  /** Whether "against" comes right before the target's mention: "a complaint against the WTO" charges it. */
  private against(trigger: Token, target: ActorReference): boolean {
    let k = target.firstToken - 1;
    while (k > trigger.index && ['the', 'a', 'an'].includes(this.tok(k)?.lower ?? '')) k--;
    return this.tok(k)?.lower === 'against';
  }

  private sports: boolean | undefined;

  /** Whether the document is a sports story: SPORTS_STORY_WORDS of its words are words of sport. */
  protected sportsStory(): boolean {
    if (this.sports === undefined) {
      let n = 0;
      for (const t of this.tokens) if (SPORT_WORDS.has(t.lower) && ++n >= SPORTS_STORY_WORDS) break;
      this.sports = n >= SPORTS_STORY_WORDS;
    }
    return this.sports;
  }

  /** A person the document makes the leader of a state, or names with a ruler's title ("President Keita"). */
  protected rulesState(r: ActorReference): boolean {
    return [r.firstToken, r.firstToken - 1].some((i) => RULER_TITLES.has(this.tok(i)?.lower ?? '')) || this.sidesOf(r.entity).some((e) => this.entityTypes.get(e) === 'country');
  }

  /** "told the BBC", "told the Daily Record newspaper", "told ITV's Jonathan Dimbleby programme": a news outlet. */
  protected isOutlet(r: ActorReference): boolean {
    if (NEWS_OUTLETS.has(r.entity)) return true;
    const label = this.labels.get(r.entity) ?? '';
    if (r.entityType === 'organization' && label.split(/[\s-]+/).some((w) => OUTLET_WORDS.has(w.toLowerCase()))) return true;
    // "the Argentine newspaper Clarin", "German magazine Der Spiegel"
    for (let k = r.firstToken - 1; k >= r.firstToken - 4 && k >= 0; k--) {
      const t = this.tok(k);
      // "BBC Radio 4's Westminster Hour": the outlet owns the programme.
      if (t?.value === "'s" || t?.pos === 'NUM') continue;
      if (!t || !(t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN')) break;
      if (OUTLET_WORDS.has(t.lower)) return true;
      // "told BBC Sport Wales": a place in an outlet's name is the outlet's.
      const before = this.refAt[k];
      if (before && before.entity !== r.entity && NEWS_OUTLETS.has(before.entity)) return true;
    }
    let k = r.lastToken + 1;
    if (this.tok(k)?.value === "'s") k++;
    for (let n = 0; n < 5 && this.tok(k) && this.tok(k)?.sentence === r.sentence; n++, k++) {
      const t = this.tok(k) as Token;
      if (OUTLET_WORDS.has(t.lower) && t.pos !== 'VERB') return true;
      if (!(t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM')) break;
    }
    return false;
  }

  /** Whether one end is a state and the other a person who holds an office in it. */
  private ownState(a: ActorReference, b: ActorReference): boolean {
    const [state, person] = a.entityType === 'country' && b.entityType === 'person' ? [a, b] : b.entityType === 'country' && a.entityType === 'person' ? [b, a] : [undefined, undefined];
    return state !== undefined && person !== undefined && this.isOrOnSideOf(state.entity, person.entity);
  }

  /** "fired drones at his country": a person's possessive before "country" stands for the state the person serves. */
  private ownCountry(r: ActorReference): ActorReference | undefined {
    if (r.entityType !== 'person' || !r.possessive || !COUNTRY_NOUNS.has(this.tok(r.lastToken + 1)?.lower ?? '')) return undefined;
    const side = this.sidesOf(r.entity).find((e) => this.entityTypes.get(e) === 'country' || this.entityTypes.get(e) === undefined);
    return side ? { ...r, entity: side, entityType: 'country', possessive: false } : undefined;
  }

  /**
   * A visit is to a country or organisation, not a city ("flew to Moscow"); a person visits only
   * when a title names their own country and it is another one ("Putin returned to Russia",
   * "Blair arrived in Britain" are no visits).
   */
  protected canVisit(source: ActorReference, target: ActorReference): boolean {
    // A visit to a city ("arrived in Berlin") is no relation between actors; to a country or body it is.
    // (A capital is its state for one who holds another state's office: "President Dissanayake
    // travelled to New Delhi" is a state visit; a player flying to Madrid is none.)
    if (target.entityType === 'place' || (target.via === 'capital' && source.entityType !== 'person')) return false;
    // "Russian (military) instructors arrived in Niger": forces sent are a deployment, not a visit.
    if (source.modifier || source.via === 'demonym') {
      let k = source.lastToken + 1;
      while (['military', 'army', 'special'].includes(this.tok(k)?.lower ?? '')) k++;
      if (DEPLOYED_NOUNS.has(this.tok(k)?.lower ?? '')) return false;
    }
    if (source.entityType !== 'person') return true;
    // ("Chelsea manager Jose Mourinho flew to Madrid": a club's manager makes no state visit.)
    const own = this.sidesOf(source.entity).filter((e) => target.via !== 'capital' || !SPORTS_BODIES.has(e));
    // "Dagolath's first Deputy Prime Minister Telemar": a possessive country before the title.
    const byTitle = this.possessiveAffiliation(source);
    if (byTitle) own.push(byTitle);
    return own.length > 0 && !own.includes(target.entity);
  }

  /** The country in "X's (first) Deputy Prime Minister NAME": capitalised title words between a possessive and the name. */
  protected possessiveAffiliation(person: ActorReference): string | undefined {
    for (let i = person.firstToken - 1; i >= person.firstToken - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== person.sentence) return undefined;
      const r = this.refAt[i];
      if (r) return r.possessive && r.entityType === 'country' ? r.entity : undefined;
      if (!(/^\p{Lu}/u.test(t.value) || t.pos === 'ADJ' || t.value === "'s")) return undefined;
    }
    return undefined;
  }

  protected between(a: number, b: number): Token[] {
    return this.tokens.slice(Math.min(a, b) + 1, Math.max(a, b)) as Token[];
  }

  /** "Neither A nor B met C", "not Gondor but …": the negation stands before the subjects. */
  protected neitherNor(source: ActorReference, groupStart?: number): boolean {
    const before = this.tok((groupStart ?? source.firstToken) - 1);
    return before?.lower === 'neither' || (before?.lower === 'not' && this.tok(before.index + 1)?.lower !== 'only');
  }

  protected isNegated(trigger: Token, source: ActorReference, groupStart?: number): boolean {
    if (this.neitherNor(source, groupStart)) return true;
    if (trigger.index < source.firstToken) return false;
    // Only the trigger's own clause counts: in "X did not respond, but its media accused Y" the
    // negation stops at the comma. A negating verb negates its infinitive ("refused to accept"),
    // not a verb it is coordinated with ("rejected the deal and accused Y").
    for (let i = trigger.index - 1; i > source.lastToken; i--) {
      const t = this.tok(i);
      if (!t) break;
      if (this.parenthetical[i] && !this.parenthetical[trigger.index]) continue;
      if (t.value === ',' || t.value === ';' || (CLAUSE_BREAKS.has(t.lower) && t.pos !== 'DET') || (CONJUNCTIONS.has(t.lower) && this.tok(i + 1)?.pos === 'VERB' && trigger.lower !== trigger.lemma)) return false;
      // ("not only … but": no denial.)
      if (NEGATION_WORDS.has(t.lower) && this.tok(i + 1)?.lower !== 'only') return true;
      if ((NEGATING_VERBS.has(t.lemma) || NEGATING_VERBS.has(t.lower)) && this.governsInfinitive(t, trigger)) return true;
    }
    // "to prevent him from fighting the US": an act kept from happening, its doer between the verb and "from".
    const before = this.tok(source.firstToken - 1);
    return this.tok(trigger.index - 1)?.lower === 'from' && source.lastToken === trigger.index - 2 && before !== undefined && PREVENTING_VERBS.has(before.lemma);
  }

  /** "refused to accept", "refusal to talk", "failed to reach": the word's "to" leads to the trigger. */
  protected governsInfinitive(word: Token, trigger: Token): boolean {
    // "denied accusing Germany", "stopped attacking": a gerund right after it.
    if (trigger.index === word.index + 1 && trigger.lower.endsWith('ing')) return true;
    for (let i = word.index + 1; i < trigger.index && i <= word.index + 3; i++) {
      if (this.tok(i)?.lower === 'to') return true;
    }
    return false;
  }

  /** A question, when the question mark closes the trigger's own clause. */
  protected isQuestion(trigger: Token): boolean {
    const sentence = this.doc.sentences[trigger.sentence];
    const last = sentence ? this.tok(sentence.lastToken) : undefined;
    return last?.value === '?' && !this.tokens.slice(trigger.index + 1, sentence?.lastToken ?? trigger.index).some((t) => t.value === '-' || t.value === '—' || t.value === ';' || t.lower === 'but');
  }

  protected isHypothetical(trigger: Token, source: ActorReference): boolean {
    const sentence = this.doc.sentences[trigger.sentence];
    if (this.isQuestion(trigger)) return true;
    // "X and Y postponed their meeting" (the noun's modality comes from the verb itself)
    if (DEFERRING_VERBS.has(trigger.lemma)) return true;
    // A modal or a deferring verb between the source and the trigger, in the trigger's own clause
    // ("said Labour would set out plans and attacked …": the modal belongs to the first verb; a
    // bare verb after "and" shares it: "would withdraw and restore ties").
    for (let i = trigger.index - 1; i > source.lastToken; i--) {
      const t = this.tok(i);
      if (!t) break;
      if (this.parenthetical[i] && !this.parenthetical[trigger.index]) continue;
      if (t.value === ';' || (CONJUNCTIONS.has(t.lower) && this.tok(i + 1)?.pos === 'VERB' && trigger.lower !== trigger.lemma)) break;
      if (HYPOTHETICAL_MARKERS.has(t.lower) || DEFERRING_VERBS.has(t.lemma)) return true;
    }
    // "did not mean that Libya had cut ties", "denied that Russia attacked": a complement of a negated
    // or denying verb is not asserted.
    {
      let v = source.firstToken - 1;
      if (this.tok(v)?.lower === 'that') v--;
      const verb = this.tok(v);
      if (verb && verb.pos === 'VERB' && verb.index < trigger.index) {
        const negatedVerb = [1, 2, 3].some((d) => NEGATION_WORDS.has(this.tok(verb.index - d)?.lower ?? ''));
        if (verb.lemma === 'deny' || (negatedVerb && (SPEECH_LEMMAS.has(verb.lemma) || REPORTING_VERBS.has(verb.lemma) || verb.lemma === 'mean'))) return true;
      }
    }
    // "dismissed reports (that) he told Brown", "the paper claimed he received": hearsay and claims are not asserted.
    let h = source.firstToken - 1;
    while (HONORIFIC_WORDS.has(this.tok(h)?.lower ?? '')) h--;
    if (this.tok(h)?.lower === 'that') h--;
    if (HEARSAY_NOUNS.has(this.tok(h)?.lower ?? '') || (this.tok(h)?.pos === 'VERB' && CLAIM_VERBS.has(this.tok(h)?.lemma ?? ''))) return true;
    // "France will host talks between Iran and the US": when the source follows the trigger, the
    // verb that governs the noun carries the modality.
    if (source.firstToken > trigger.index) {
      for (let i = trigger.index - 1; i >= Math.max(sentence?.firstToken ?? 0, trigger.index - 6); i--) {
        const t = this.tok(i);
        if (!t || t.value === ',' || (CLAUSE_BREAKS.has(t.lower) && t.pos !== 'DET')) break;
        if (HYPOTHETICAL_MARKERS.has(t.lower) || DEFERRING_VERBS.has(t.lemma) || (IRREALIS_VERBS.has(t.lemma) && t.pos === 'VERB')) return true;
      }
    }
    // "if they surrender, we will …" and "wants Moscow to agree": a condition or an irrealis verb before.
    const first = sentence?.firstToken ?? 0;
    // "If Russia accepts, …" makes the whole sentence conditional; "asked whether …," only its own clause.
    let commaSeen = false;
    for (let i = trigger.index - 1; i >= first; i--) {
      const t = this.tok(i);
      if (!t) break;
      if (t.value === ',') commaSeen = true;
      if (t.lower === 'if' || t.lower === 'unless' || (t.lower === 'whether' && !commaSeen)) return true;
    }
    let k = trigger.index - 1;
    while (this.tok(k)?.pos === 'ADV') k--;
    if (this.tok(k)?.lower === 'to' || (this.tok(k)?.lower === 'be' && this.tok(k - 1)?.lower === 'to')) {
      for (let i = k - 1; i >= Math.max(first, k - 8); i--) {
        const t = this.tok(i);
        if (!t || t.value === ';' || (CLAUSE_BREAKS.has(t.lower) && t.pos !== 'DET')) break;
        // "wants X to agree", "will host Y to celebrate": the infinitive is no more real than its governing verb.
        if (IRREALIS_VERBS.has(t.lemma) || IRREALIS_VERBS.has(t.lower) || HYPOTHETICAL_MARKERS.has(t.lower)) return true;
      }
    }
    return false;
  }

  /** The actor the parse names as a verb's own subject, where the sentence is parsed. */
  protected treeSubject(verb: Token): ActorReference | undefined {
    const nsubj = this.tree?.parsed(verb) === true ? this.tree.child(verb.index, 'nsubj') : -1;
    return nsubj >= 0 ? this.refAt[nsubj] : undefined;
  }

  /**
   * Who reports the fact when it is a third party's claim: "Peskov said Putin had conveyed …",
   * "Putin had conveyed …, Peskov said", or the speaker of the quote the fact stands in.
   */
  protected reporter(source: ActorReference, trigger: Token): string | undefined {
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return undefined;
    const own = (r: ActorReference | undefined): string | undefined => (r && r.entity !== source.entity && r.entityType !== 'other' && r.entityType !== 'place' ? r.entity : undefined);
    if (this.quoteDepth[trigger.index] === 1) return own(this.quoteSpeaker(trigger));
    for (let i = Math.min(source.firstToken, trigger.index) - 1; i >= sentence.firstToken; i--) {
      const t = this.tok(i);
      // "Yoon said …, and Kishida thanked him": a clause of its own after ", and" is the writer's.
      if (t?.value === ',' && ['and', 'but'].includes(this.tok(i + 1)?.lower ?? '') && i + 2 === source.firstToken) return undefined;
      if (t && SPEECH_LEMMAS.has(t.lemma) && t.pos === 'VERB') {
        const speaker = this.treeSubject(t) ?? this.subjectOf(t);
        // ("Macron and Merz said they welcomed …": each speaker tells its own act.)
        if (speaker && [...this.coordinated(speaker, 1, false, true), ...this.coordinated(speaker, -1)].some((r) => r.entity === source.entity)) return undefined;
        return own(speaker);
      }
    }
    // "…, a senior official said", "…, Peskov told reporters"
    for (let i = trigger.index + 1; i <= sentence.lastToken; i++) {
      const t = this.tok(i);
      if (!t || !(SPEECH_LEMMAS.has(t.lemma) && t.pos === 'VERB')) continue;
      let comma = -1;
      for (let k = i - 1; k > trigger.index; k--) if (this.tok(k)?.value === ',') { comma = k; break; }
      if (comma < 0) continue;
      for (let k = comma + 1; k < i; k++) {
        const r = this.refAt[k];
        if (r) return own(r);
      }
      const after = this.refAt[i + 1];
      if (after) return own(after);
    }
    return undefined;
  }
}
