// Relations: tokens + actor references → facts, each with the sentence that proves it.
// Frames (./frames.ts) say which words signal which relation; this file finds the two ends
// (subject to the left, target to the right, swapped in the passive), reads modality
// (negation, conditions, futures) and attributes reported speech and quotes.
//
// There is no parser: ends are found by walking the tokens of one clause. What keeps that
// precise is what the walks refuse: an actor after a preposition the frame does not name, an
// actor inside a parenthetical or apposition, an actor across a finite verb or a clause break.
import type { AnnotatedDocument, EntityType, Fact, Mention, Relation, SyntaxLayer, TextSpan, Token } from '../types';
import type { ActorReference, EntityLayer } from '../entities';
import {
  CAMEO_TRIGGER_FAMILIES, COLLOCATION_FRAMES, ROLE_FRAMES, EVALUATIVE, GOLDSTEIN, JUDGING, LIGHT_VERBS, MUTUAL_NOUN_VERBS, NOUN_FRAMES, OBJECT_CONTROL, VERB_FRAMES, VERBAL_ATTACK,
  RELATION_CAMEO, VISIT_FRAMES,
  type CollocationFrame, type Frame, type NounFrame, type RoleFrame,
} from './frames';
import {
  BE_FORMS, CLAIM_VERBS, CLAUSE_BREAKS, CONJUNCTIONS, DEFERRING_VERBS, DETERMINERS, FIRST_PERSON, HEARSAY_NOUNS, HONORIFIC_WORDS,
  ACTING_NOUNS, ATTACKED_ASSETS, HYPOTHETICAL_MARKERS, IRREALIS_VERBS, IRREGULAR_PARTICIPLES, MEMBER_NOUNS, NEGATING_VERBS, NEGATION_WORDS, NON_ACTOR_HEADS,
  ARMED_HEADS, OF_HEADS, OUTLET_WORDS, PARENTHETICAL_OPENERS, QUOTES, RELATIVE_PRONOUNS, REPORTING_VERBS, SPEECH_LEMMAS, SUBORDINATORS, TIME_WORDS,
  PROMISING_VERBS, verbIn, verbLemmas,
} from './words';
import organizationsData from '../entities/data/organizations.json';
import { cameoCanRelate, cameoCode, matchCameo, type VerbUse } from './cameo';
import { anaphoricEvent, EVENT_ANAPHORS } from './anaphora';
import { DependencyTree, eventNoun, readCollocation, readFrame, readLightVerb, readNounFrame, readSubjects, type TreeContext, type TreeReading } from './tree';
import { asPromise, asThreat } from './tree-said';

export { COLLOCATION_FRAMES, GOLDSTEIN, RELATION_CAMEO, VERB_FRAMES, NOUN_FRAMES } from './frames';

/**
 * News outlets (gazetteer kind "news"): "X told the BBC" or "spoke to Reuters" is a public
 * statement, not an exchange between two actors, so `informed` and `met` never target them.
 */
const ORGANIZATION_KINDS: ReadonlyMap<string, string> = new Map(
  (organizationsData as { organizations: Array<{ id: string; kind?: string }> }).organizations.map((o) => [o.id, o.kind ?? 'other']),
);
const NEWS_OUTLETS: ReadonlySet<string> = new Set([...ORGANIZATION_KINDS].filter(([, kind]) => kind === 'news').map(([id]) => id));

const TARGET_WINDOW = 12;
const SUBJECT_WINDOW = 16;
/** How far a collocation's noun may stand from its verb, and its target from the noun. */
const COLLOCATION_NOUN_WINDOW = 7;
const COLLOCATION_TARGET_WINDOW = 8;
/** Longest comma-delimited stretch read as a parenthetical ("…, the state's fiercest foe, …"). */
const PARENTHETICAL_MAX = 12;
/** How far a quote's speaker is looked for from a word inside it. */
const QUOTE_WINDOW = 120;

const framesByLemma = new Map<string, Frame[]>();
for (const f of VERB_FRAMES) for (const l of f.lemmas) framesByLemma.set(l, [...(framesByLemma.get(l) ?? []), f]);
const nounFramesByWord = new Map<string, NounFrame[]>();
for (const f of NOUN_FRAMES) for (const n of f.nouns) nounFramesByWord.set(n, [...(nounFramesByWord.get(n) ?? []), f]);
/** Verbs after which a subject receives a noun frame's act ("won the backing of Y"). */
const RECEIVING_VERBS: ReadonlySet<string> = new Set(NOUN_FRAMES.flatMap((f) => f.receivedWith ?? []));
const roleFramesByLemma = new Map<string, RoleFrame[]>();
for (const f of ROLE_FRAMES) for (const l of f.lemmas) roleFramesByLemma.set(l, [...(roleFramesByLemma.get(l) ?? []), f]);
const collocationsByVerb = new Map<string, CollocationFrame[]>();
for (const f of COLLOCATION_FRAMES) for (const v of f.verbs) collocationsByVerb.set(v, [...(collocationsByVerb.get(v) ?? []), f]);

export interface RelationFact extends Fact {
  readonly cameo: string;
  readonly goldstein: number;
}

/**
 * Whether a word can signal a fact (a frame, collocation, role or light verb, an event noun, or a
 * CAMEO verb whose pattern one of our relations fits): extraction parses only sentences with one.
 */
export function triggerWord(t: Token): boolean {
  if (nounFramesByWord.has(t.lower)) return true;
  if (t.pos !== 'VERB' && t.pos !== 'AUX' && t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
  const l = t.lemma;
  return framesByLemma.has(l) || collocationsByVerb.has(l) || roleFramesByLemma.has(l) || LIGHT_VERBS.has(l) || MUTUAL_NOUN_VERBS.has(l)
    || framesByLemma.has(t.lower.replace(/e?d$/, '')) || cameoCanRelate(l);
}

/**
 * Whether a word can signal an attack, whose target may be a place ("a strike on a school in Gaza
 * City"): a sentence with one actor and a place is then worth parsing.
 */
export function attackWord(t: Token): boolean {
  const attack = (f: { readonly relation: Relation }): boolean => f.relation === 'attacked';
  if ((nounFramesByWord.get(t.lower) ?? []).some(attack)) return true;
  if (t.pos !== 'VERB' && t.pos !== 'NOUN') return false;
  return verbLemmas(t).some((l) => (framesByLemma.get(l) ?? []).some(attack) || (collocationsByVerb.get(l) ?? []).some(attack));
}

/** Whether a word takes up an act reported before ("the attack", "the move"): one actor and it can make a fact. */
export function anaphorWord(t: Token): boolean {
  return EVENT_ANAPHORS.has(t.lower);
}

/** Facts of one document; with `syntax`, the parsed sentences are read from their trees first. */
export function extractRelations(doc: AnnotatedDocument, layer: EntityLayer, syntax?: SyntaxLayer): RelationFact[] {
  return new Extractor(doc, layer, syntax).run();
}

/** Options of one emitted fact beyond its two ends. */
interface EmitOptions {
  readonly topicOk: boolean;
  /** The fact is asked for or announced, not asserted ("called for sanctions"). */
  readonly hypothetical?: boolean;
  /** Where the source's coordination starts: "*Neither* A nor B" negates every conjunct. */
  readonly sourceGroupStart?: number;
  /** The clause subject when it is not the source ("X did not receive aid from Y": Y aided X). */
  readonly clauseSubject?: ActorReference;
  /** The verb whose modality the fact takes when the trigger is a noun ("agreed to *begin* talks"). */
  readonly anchor?: Token;
  /** Negation and modality read from the tree, in place of the walks'. */
  readonly modality?: { readonly negated: boolean; readonly hypothetical: boolean };
  /** The Goldstein score of a finer CAMEO code than our table lists. */
  readonly goldstein?: number;
  /** Kinds of actor the target must be (Frame.targetTypes). */
  readonly targetTypes?: readonly EntityType[];
}

/** Where a side is led in a game: "led Spain to victory". */
const CONTEST_OUTCOMES: ReadonlySet<string> = new Set(['victory', 'win', 'wins', 'title', 'titles', 'triumph', 'glory', 'final', 'finals', 'defeat', 'draw', 'championship', 'crown', 'success', 'promotion', 'semi-final', 'semi-finals', 'trophy', 'cup', 'medal', 'gold']);

/** What one is thanked for, as what the thanked one did: "thanked Y for the aid" (Y aided the subject). */
const THANKED_FOR: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ...['aid', 'help', 'assistance', 'weapons', 'arms', 'package', 'funding', 'donation', 'donations', 'supplies', 'loan'].map((w) => [w, 'aided'] as [string, Relation]),
  ...['support', 'backing', 'solidarity', 'position', 'stance', 'endorsement'].map((w) => [w, 'supported'] as [string, Relation]),
]);

/** Calls fn(x, y) for every pair of a group, x before y: "Trump, Putin and Xi met" → three pairs. */
function forEachPair<T>(group: readonly T[], fn: (x: T, y: T) => void): void {
  for (let a = 0; a < group.length; a++) {
    for (let b = a + 1; b < group.length; b++) fn(group[a] as T, group[b] as T);
  }
}

class Extractor {
  private readonly tokens: readonly Token[];
  private readonly refs: ActorReference[];
  /** Reference (if any) that covers each token. */
  private readonly refAt: Array<ActorReference | undefined>;
  private readonly quoteDepth: Int8Array;
  /** Tokens inside a comma-delimited parenthetical or apposition. */
  private readonly parenthetical: Uint8Array;
  /** "person|country" pairs from titles: an actor does not visit or meet its own country. */
  private readonly belongs = new Set<string>();
  /** Entity id → label, to recognise news outlets by name ("… Press", "… Times"). */
  private readonly labels = new Map<string, string>();
  private readonly facts: RelationFact[] = [];
  private readonly seen = new Set<string>();
  private readonly tree: DependencyTree | undefined;
  /** The tree with what its readers need (tree.ts), when the document has parsed sentences. */
  private readonly reader: TreeContext | undefined;
  /** "noun index|frame id" of event nouns the tree has read with their light verb. */
  private readonly nounsRead = new Set<string>();
  /** "first|last" token → the references on that span (more than one for "both sides"). */
  private readonly spanMates = new Map<string, ActorReference[]>();
  private readonly entityTypes = new Map<string, EntityType>();
  /** A fact read from an event noun → that noun ("strikes"), for "condemned the strikes". */
  private readonly actNouns = new Map<RelationFact, string>();
  private readonly mentions: readonly Mention[];

  constructor(private readonly doc: AnnotatedDocument, layer: EntityLayer, syntax?: SyntaxLayer) {
    this.tokens = doc.tokens;
    this.tree = syntax ? new DependencyTree(doc.tokens, syntax) : undefined;
    this.refs = layer.references.filter((r) => !r.modifier);
    for (const f of layer.facts) if (f.relation === 'leader_of' || f.relation === 'member_of') this.belongs.add(`${f.source}|${f.target}`);
    for (const e of layer.entities) {
      this.labels.set(e.id, e.label);
      this.entityTypes.set(e.id, e.entityType);
    }
    this.mentions = layer.mentions;
    this.refAt = new Array<ActorReference | undefined>(this.tokens.length);
    if (this.tree) {
      const modifierAt: Array<ActorReference | undefined> = [];
      for (const r of layer.references) if (r.modifier) for (let i = r.firstToken; i <= r.lastToken; i++) modifierAt[i] = r;
      this.reader = { tree: this.tree, refAt: this.refAt, modifierAt, expand: (r, object) => this.coordinated(r, 1, false, !object) };
    }
    for (const r of this.refs) {
      for (let i = r.firstToken; i <= r.lastToken; i++) this.refAt[i] = r;
      // "both sides", "the two leaders": several actors on one span, one of them in refAt.
      const key = `${r.firstToken}|${r.lastToken}`;
      this.spanMates.set(key, [...(this.spanMates.get(key) ?? []), r]);
    }
    this.quoteDepth = new Int8Array(this.tokens.length);
    let inside = 0;
    let sentence = -1;
    for (const t of this.tokens) {
      if (t.sentence !== sentence && t.lineStart) inside = 0;
      sentence = t.sentence;
      if (QUOTES.has(t.value)) {
        inside = t.value === '“' ? 1 : t.value === '”' ? 0 : 1 - inside;
        this.quoteDepth[t.index] = 0;
      } else this.quoteDepth[t.index] = inside;
    }
    this.parenthetical = new Uint8Array(this.tokens.length);
    for (const s of doc.sentences) this.markParentheticals(s.firstToken, s.lastToken);
    this.addQuotedSpeakers();
    this.addReportedPronouns();
    this.addPossessiveSubjects();
  }

  run(): RelationFact[] {
    for (const t of this.tokens) {
      const mistagged = this.mistaggedVerb(t);
      // "an early start to talks": after an infinitive "to" a verb has its bare form.
      const nounAfterTo = this.tok(t.index - 1)?.lower === 'to' && t.lower !== t.lemma && /s$/.test(t.lower);
      const verbal = (t.pos === 'VERB' || t.pos === 'AUX' || mistagged !== undefined) && !nounAfterTo;
      const lemma = mistagged ?? t.lemma;
      const parsed = this.tree?.parsed(t) === true;
      const verbFrames = verbal || (t.pos === 'NOUN' && /ed$/.test(t.lower)) ? framesByLemma.get(lemma) : undefined;
      const treeFrames = parsed ? this.treeFrames(t) : undefined;
      const read = new Set<Frame>();
      if (treeFrames) for (const f of treeFrames) if (this.treeFrame(t, f)) read.add(f);
      if (parsed) this.treeRoles(t);
      if (parsed) this.treeThanks(t);
      if (verbFrames) for (const f of verbFrames) if (!read.has(f)) this.verbFrame(t, f);
      const treeVerb = parsed && this.tree?.upos(t.index) === 'VERB';
      const collocations = verbal || treeVerb ? collocationsByVerb.get(treeVerb ? t.lemma : lemma) : undefined;
      let collocated = false;
      if (collocations) {
        for (const f of collocations) {
          if (treeVerb && this.treeCollocation(t, f)) collocated = true;
          else this.collocation(t, f);
        }
      }
      if (treeVerb) this.treeLightVerb(t);
      // A verb no frame or collocation reads: the CAMEO dictionary's patterns.
      if (treeVerb && !treeFrames && !collocated) this.treeCameo(t);
      const nounFrames = t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' || t.pos === 'ADJ' ? nounFramesByWord.get(t.lower) : undefined;
      if (nounFrames) {
        for (const f of nounFrames) {
          if (this.nounsRead.has(`${t.index}|${f.id}`)) continue;
          if (parsed && this.treeNoun(t, f)) continue;
          this.nounFrame(t, f);
        }
      }
      if (t.value === '-') this.compoundAdjective(t);
    }
    return this.facts;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  // ---- the tree ----------------------------------------------------------------------------------

  /** Frames of a word the parser reads as a verb, by its lemma or the lemma of its verb form ("fined" → fine). */
  private treeFrames(t: Token): readonly Frame[] | undefined {
    if (this.tree?.upos(t.index) !== 'VERB') return undefined;
    for (const l of verbLemmas(t)) {
      const frames = framesByLemma.get(l);
      if (frames) return frames;
    }
    return undefined;
  }

  /** "the RSF, led by Dagalo", "the US delegation included Rubio": a person's role in an organisation or country. */
  private treeRoles(verb: Token): void {
    if (!this.reader || this.reader.tree.upos(verb.index) !== 'VERB') return;
    // "led Spain to victory", "led the side to the title": a game won, not an office held.
    const tree = this.reader.tree;
    for (const c of tree.children(verb.index)) if (tree.deprel(c) === 'obl' && tree.caseOf(c) === 'to' && CONTEST_OUTCOMES.has(this.tok(c)?.lower ?? '')) return;
    for (const frame of roleFramesByLemma.get(verb.lemma) ?? []) {
      const reading = readFrame(this.reader, verb, frame);
      if (!reading || reading.mutual) continue;
      const [people, groups] = frame.reverse ? [reading.targets, reading.sources] : [reading.sources, reading.targets];
      const groupsOk = groups.filter((g) => g.entityType === 'country' || g.entityType === 'organization');
      // "the Ukrainian delegation was led by Y": Y leads the delegation, and is a member of Ukraine.
      const indirect = groupsOk.filter((g) => reading.indirect?.has(g) === true);
      const direct = groupsOk.filter((g) => reading.indirect?.has(g) !== true);
      const sources = people.filter((p) => p.entityType === 'person');
      if (sources.length === 0 || reading.negated || reading.hypothetical) continue;
      if (direct.length > 0) this.emitReading({ ...reading, sources, targets: direct });
      if (indirect.length > 0) this.emitReading({ ...reading, frame: { ...frame, relation: 'member_of' }, sources, targets: indirect });
    }
  }

  /** The verb as CAMEO patterns read it: lemma, particle, object heads and obliques. */
  private verbUse(verb: Token): VerbUse {
    const tree = this.tree as DependencyTree;
    let particle: string | undefined;
    const objects: string[] = [];
    const obliques: { prep: string; head: string }[] = [];
    for (const c of tree.children(verb.index)) {
      const d = tree.deprel(c);
      const word = this.tok(c)?.lower ?? '';
      if (d === 'compound:prt') particle = word;
      // "granted him asylum": the parser reads some second objects as a nominal xcomp.
      else if (d === 'obj' || d === 'iobj' || (d === 'xcomp' && tree.upos(c) === 'NOUN')) objects.push(word);
      else if (d === 'obl' || d === 'obl:agent') {
        const prep = tree.caseOf(c);
        if (prep) obliques.push({ prep, head: word });
      }
    }
    return { lemma: verb.lemma, ...(particle ? { particle } : {}), objects, obliques };
  }

  /** Whether a clause is a to-infinitive ("told him *to leave*"), not a that-clause the parser hung as xcomp. */
  private toInfinitive(clause: number): boolean {
    const tree = this.tree;
    if (!tree || clause < 0 || tree.upos(clause) !== 'VERB') return false;
    const mark = tree.child(clause, 'mark');
    if (mark < 0 || this.tok(mark)?.lower !== 'to') return false;
    // "told Brown *to* stand down", not "told Brown of his intention to stand down".
    const before = mark - 1;
    return this.refAt[before] !== undefined || ['obj', 'iobj', 'flat'].includes(tree.deprel(before));
  }

  /** Whether the verb has a to/at/in phrase of place of its own ("welcomed X to the Elysee", "at the White House"). */
  private hasPlacePhrase(verb: Token): boolean {
    const tree = this.tree;
    if (!tree) return false;
    // The phrase may hang on the verb or on its object ("welcomed Netanyahu at the White House").
    const phrases: number[] = [];
    for (const c of tree.children(verb.index)) {
      const d = tree.deprel(c);
      if (d === 'obl') phrases.push(c);
      // …but only when the object is the visitor; "welcomed the ruling of a court in Paris" is praise.
      const visitor = this.refAt[c];
      if (d === 'obj' && visitor && (visitor.entityType === 'person' || visitor.entityType === 'country')) for (const m of tree.children(c)) if (tree.deprel(m) === 'nmod') phrases.push(m);
    }
    return phrases.some((c) => {
      if (!['to', 'at', 'in', 'into'].includes(tree.caseOf(c) ?? '')) return false;
      const r = this.refAt[c];
      return r ? r.entityType === 'place' || r.via === 'capital' || r.via === 'seat' : /^\p{Lu}/u.test(this.tok(c)?.value ?? '');
    });
  }

  /** Whether the verb has an "as" phrase of its own ("dismissed X as …", "rejected X as …"). */
  private hasAsPhrase(verb: Token): boolean {
    const tree = this.tree;
    if (!tree) return false;
    for (const c of tree.children(verb.index)) {
      for (const m of tree.children(c)) if ((tree.deprel(m) === 'case' || tree.deprel(m) === 'mark') && this.tok(m)?.lower === 'as') return true;
      for (const k of tree.children(c)) {
        if (tree.deprel(k) !== 'nmod') continue;
        for (const m of tree.children(k)) if (tree.deprel(m) === 'case' && this.tok(m)?.lower === 'as') return true;
      }
    }
    return false;
  }

  /**
   * "Zelensky thanked Starmer for a new package of military aid": what Y is thanked for, Y did for
   * the subject (Y aided, or supported, X). Thanks alone state no relation (cameo-codes.json, 'thank').
   */
  private treeThanks(verb: Token): void {
    const reader = this.reader;
    if (!reader || verb.lemma !== 'thank' || reader.tree.upos(verb.index) !== 'VERB') return;
    const tree = reader.tree;
    for (const c of tree.children(verb.index)) {
      if (tree.deprel(c) !== 'obl' || tree.caseOf(c) !== 'for') continue;
      // "for a package of aid", "for its support": the noun, or the noun inside its measure.
      let relation = THANKED_FOR.get(this.tok(c)?.lower ?? '');
      for (const m of tree.children(c)) if (!relation && tree.deprel(m) === 'nmod' && tree.caseOf(m) === 'of') relation = THANKED_FOR.get(this.tok(m)?.lower ?? '');
      if (!relation) continue;
      const reading = readFrame(reader, verb, { id: `thanked-for-${relation}`, lemmas: ['thank'], relation, cameo: RELATION_CAMEO[relation], direct: true, reason: 'thanks for help' });
      if (reading && !reading.mutual) this.emitReading({ ...reading, sources: reading.targets, targets: reading.sources });
    }
  }

  /** A CAMEO pattern's reading at a verb no frame knows. */
  private treeCameo(verb: Token): void {
    if (!this.reader) return;
    const match = matchCameo(this.verbUse(verb));
    if (!match || !CAMEO_TRIGGER_FAMILIES.some((f) => match.code.startsWith(f.prefix))) return;
    const frame: Frame = {
      id: match.pattern, lemmas: [verb.lemma], relation: match.relation, cameo: match.code,
      ...(match.target.kind === 'prep' ? { preps: [match.target.prep] } : {}),
      reason: match.label,
    };
    const reading = readFrame(this.reader, verb, frame);
    if (!reading) return;
    // The dictionary was written for states and organisations: between persons alone its verbs are
    // mostly other senses ("ran into a defender", "collaborated with a screenwriter").
    const political = (r: ActorReference): boolean => r.entityType === 'country' || r.entityType === 'organization';
    if (!reading.sources.some(political) && !reading.targets.some(political)) return;
    this.emitReading(match.reverse && !reading.mutual ? { ...reading, sources: reading.targets, targets: reading.sources } : reading, match.goldstein);
  }

  /** Emits what the tree reads for one frame at a trigger; false when the tree gives no reading or no fact passes. */
  private treeFrame(trigger: Token, frame: Frame): boolean {
    if (!this.reader) return false;
    // "committed adultery with Y": commit with an object of its own is a deed, not a pledge.
    if (frame.id === 'promise' && trigger.lemma === 'commit' && this.reader.tree.child(trigger.index, 'obj') >= 0) return true;
    const reading = readFrame(this.reader, trigger, frame);
    if (!reading) return JUDGING.has(frame.relation) && this.judgedEvent(trigger, frame);
    // "dismissed the Tories as a spent force": disparagement, not the rejection of a proposal.
    if (frame.relation === 'rejected' && this.hasAsPhrase(trigger)) {
      return this.emitReading({ ...reading, frame: { ...frame, id: `${frame.id}:as`, relation: 'accused', cameo: '111' } });
    }
    // "welcomed Zelensky to the Elysee", "welcomed Netanyahu at the White House": a host receiving a
    // visitor (CAMEO 043), not praise.
    if (frame.id === 'welcome' && this.hasPlacePhrase(trigger) && reading.targets.some((r) => r.entityType === 'person' || r.entityType === 'country')) {
      return this.emitReading({ ...reading, frame: { ...frame, id: 'welcome-visitor', relation: 'met', cameo: '043' } });
    }
    // "told his rival to leave": telling someone to act is an appeal, not information.
    if (frame.relation === 'informed' && this.toInfinitive(this.reader.tree.child(trigger.index, 'xcomp'))) {
      return this.emitReading({ ...reading, frame: { ...frame, id: `${frame.id}:to`, relation: 'urged', cameo: '020' } });
    }
    // A reading whose every fact the checks refuse ("he" resolved to the object itself) leaves the
    // trigger to the walks.
    return this.emitReading(reading);
  }

  /**
   * "Israel struck Gaza. Egypt condemned the attack.": judging an act just reported (anaphora.ts)
   * judges its author, the source of the last such fact in the two sentences before.
   */
  private judgedEvent(trigger: Token, frame: Frame): boolean {
    const reader = this.reader;
    const event = reader ? anaphoricEvent(reader.tree, trigger) : undefined;
    const noun = event ? this.tok(event.noun) : undefined;
    if (!reader || !event || !noun) return false;
    // The two sentences before and the judging one ("Noboa accused Colombia …, and Bogota rejected the accusation").
    const from = this.doc.sentences[Math.max(0, trigger.sentence - 2)]?.start ?? 0;
    const to = (this.doc.sentences[trigger.sentence]?.start ?? 0) + 1;
    // The last such act, one told with the same word first ("air strikes … the strikes", not the rockets).
    const word = (w: string): string => w.toLowerCase().replace(/s$/, '');
    let act: RelationFact | undefined;
    let same: RelationFact | undefined;
    const authors = new Set<string>();
    for (const f of this.facts) {
      if (f.start < from || f.start >= to || !event.relations.includes(f.relation) || f.negated || f.hypothetical) continue;
      act = f;
      authors.add(f.source);
      if (word(this.actNouns.get(f) ?? f.trigger) === word(noun.lower)) same = f;
    }
    // Two authors of such acts and no word to tell them apart: no guess.
    act = same ?? (authors.size === 1 ? act : undefined);
    const entityType = act ? this.entityTypes.get(act.source) : undefined;
    if (!act || !entityType) return false;
    const author = act.source;
    // The antecedent is the author's last mention before the noun.
    let mention: Mention | undefined;
    for (const m of this.mentions) if (m.entity === author && m.start < noun.start) mention = m;
    if (!mention) return false;
    const target: ActorReference = {
      entity: author, entityType, firstToken: noun.index, lastToken: noun.index, sentence: trigger.sentence, via: 'description', possessive: false, modifier: false,
      antecedent: { start: mention.start, end: mention.end },
    };
    const { sources, negated, hypothetical } = readSubjects(reader, trigger);
    let any = false;
    for (const s of sources) any = this.emit(s, frame.relation, target, trigger, `${frame.id}:event`, frame.cameo, { topicOk: false, modality: { negated, hypothetical } }) || any;
    return any;
  }

  /** A verb + event noun collocation from the tree; false when the tree gives no reading. */
  private treeCollocation(verb: Token, frame: CollocationFrame): boolean {
    if (!this.reader) return false;
    const reading = readCollocation(this.reader, verb, frame);
    return reading !== undefined && this.emitReading(reading);
  }

  /** An event noun read from the tree: its side (possessor, demonym, by-phrase) and its target. */
  private treeNoun(noun: Token, frame: NounFrame): boolean {
    if (!this.reader) return false;
    const reading = readNounFrame(this.reader, noun, frame);
    return reading !== undefined && this.emitReading(reading);
  }

  /** "held talks with Y", "had a meeting with Y": a light verb and the noun frame of its object. */
  private treeLightVerb(verb: Token): void {
    const reader = this.reader;
    if (!reader || !(LIGHT_VERBS.has(verb.lemma) || MUTUAL_NOUN_VERBS.has(verb.lemma) || RECEIVING_VERBS.has(verb.lemma))) return;
    const noun = eventNoun(reader.tree, verb.index, (w) => nounFramesByWord.has(w));
    const nounToken = this.tok(noun);
    if (!nounToken) return;
    for (const f of nounFramesByWord.get(nounToken.lower) ?? []) {
      const reading = readLightVerb(reader, verb, noun, f);
      if (!reading) continue;
      this.nounsRead.add(`${noun}|${f.id}`);
      this.emitReading(reading);
    }
  }

  private emitReading(reading: TreeReading, goldstein?: number): boolean {
    // A threatened attack is a warning, pledged help a promise: the act is not (yet) done, the words are.
    const said = this.reader ? asThreat(this.reader, reading) ?? asPromise(this.reader, reading) : undefined;
    const r = said ?? reading;
    if (said) goldstein = undefined;
    const before = this.facts.length;
    const any = this.emitReadingFacts(r, goldstein);
    // "carried out air *strikes*": the event noun is the act's word for later anaphora ("the strikes").
    if (r.noun) for (let k = before; k < this.facts.length; k++) this.actNouns.set(this.facts[k] as RelationFact, r.noun.lower);
    return any;
  }

  private emitReadingFacts(r: TreeReading, goldstein: number | undefined): boolean {
    const { frame, trigger } = r;
    const options: EmitOptions = {
      topicOk: frame.topicTarget === true, sourceGroupStart: this.groupStart(r.sources),
      modality: { negated: r.negated, hypothetical: r.hypothetical },
      ...(goldstein !== undefined ? { goldstein } : {}),
      ...(frame.targetTypes ? { targetTypes: frame.targetTypes } : {}),
    };
    if (r.mutual) {
      let any = false;
      forEachPair(r.sources, (x, y) => {
        any = this.emit(x, frame.relation, y, trigger, frame.id, frame.cameo, options) || any;
        if (frame.relation !== 'met') any = this.emit(y, frame.relation, x, trigger, frame.id, frame.cameo, options) || any;
      });
      return any;
    }
    let any = false;
    for (const s of r.sources) for (const o of r.targets) any = this.emit(s, frame.relation, o, trigger, frame.id, frame.cameo, options) || any;
    return any;
  }

  /** "the", "its", … and "that" only as a determiner ("that deal"), not as a conjunction ("noted that Gondor …"). */
  private isDeterminer(t: Token | undefined): boolean {
    return t !== undefined && DETERMINERS.has(t.lower) && (t.lower !== 'that' || t.pos === 'DET');
  }

  /**
   * "Fornost and Gondor welcome a resumption …", "Germany armed Ukraine", "declined to back the
   * plan": the tagger reads a verb as an adjective, noun or adverb. Right after a (non-possessive)
   * actor or an infinitive "to", and right before a determiner or an actor, a frame word can only
   * be the verb. Returns its lemma, or undefined when the token is no mistagged verb.
   */
  private mistaggedVerb(t: Token): string | undefined {
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.pos !== 'ADV') return undefined;
    const before = this.refAt[t.index - 1];
    const prev = this.tok(t.index - 1);
    const afterActor = before !== undefined && !before.possessive && before.entityType !== 'other';
    const afterTo = prev?.lower === 'to' && prev.pos === 'PART';
    if (!afterActor && !afterTo) return undefined;
    const next = this.tok(t.index + 1);
    const nextRef = next ? this.refAt[next.index] : undefined;
    if (!next || !(['a', 'an', 'the', 'its', 'their'].includes(next.lower) || (nextRef && nextRef.entityType !== 'other'))) return undefined;
    // "Wimbledon champion Conchita Martinez": a bare singular noun before a person's name is their
    // title; after one actor a verb would end in -s or -ed ("Gondor champions Bree").
    const coordinatedActor = before !== undefined && this.tok(before.firstToken - 1)?.lower === 'and';
    if (t.pos === 'NOUN' && t.lower === t.lemma && nextRef?.entityType === 'person' && afterActor && !coordinatedActor) return undefined;
    const known = (l: string): boolean => framesByLemma.has(l) || collocationsByVerb.has(l);
    for (const l of verbLemmas(t)) if (known(l)) return l;
    return undefined;
  }

  private sameClause(a: Token, b: Token): boolean {
    return a.sentence === b.sentence && this.quoteDepth[a.index] === this.quoteDepth[b.index];
  }

  // ---- sentence structure ------------------------------------------------------------------------

  /**
   * Marks "…, the state's fiercest foe, …", "…, who met Putin on Monday, …", "…, in remarks
   * published on Monday, …": stretches between two commas that a subject search must jump over.
   * A stretch that is one actor ("A, B and C", "Ukraine's leader, Zelenskyy, said") is not one.
   */
  private markParentheticals(first: number, last: number): void {
    const commas: number[] = [];
    for (let i = first; i <= last; i++) if (this.tok(i)?.value === ',') commas.push(i);
    for (let c = 0; c + 1 < commas.length; c++) {
      const a = commas[c] as number;
      const b = commas[c + 1] as number;
      if (b - a - 1 < 1 || b - a - 1 > PARENTHETICAL_MAX) continue;
      const head = this.tok(a + 1);
      if (!head) continue;
      const refAtHead = this.refAt[a + 1];
      if (refAtHead && refAtHead.lastToken === b - 1) continue; // one actor: a list item or the named apposition
      const refAtEnd = this.refAt[b - 1];
      const inner = this.tokens.slice(a + 1, b);
      const hasVerb = inner.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const opener = PARENTHETICAL_OPENERS.has(head.lower) || head.pos === 'ADP' || head.pos === 'ADV' || head.pos === 'SCONJ'
        || (head.pos === 'VERB' && /(ing|ed)$/.test(head.lower));
      const apposition = !hasVerb && (head.pos === 'DET' || head.pos === 'ADJ' || head.pos === 'NOUN' || head.pos === 'PRON' || head.pos === 'NUM');
      if (!opener && !apposition) continue;
      // "The US commander in Iraq, General David Petraeus, held talks": the apposition names the actor.
      if (!opener && refAtEnd && refAtEnd.entityType === 'person') continue;
      // A list goes on after it ("A, the B, and C"): then it is a list item, not an aside.
      // "A, the awful B, and C": a list item is only determiners and adjectives before its actor.
      const listItem = refAtEnd !== undefined && this.tokens.slice(a + 1, refAtEnd.firstToken).every((t) => this.isDeterminer(t) || t.pos === 'ADJ');
      if (apposition && (CONJUNCTIONS.has(this.tok(b + 1)?.lower ?? '') || listItem)) continue;
      for (let i = a + 1; i < b; i++) this.parenthetical[i] = 1;
    }
  }

  /** A finite verb that ends a walk: not an auxiliary, not a gerund, not an attributive participle ("the affected villages"). */
  private isClauseVerb(t: Token): boolean {
    if (t.pos !== 'VERB') return false;
    if (t.lower.endsWith('ing')) return false;
    const prev = this.tok(t.index - 1);
    if (prev && (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'ADP' || prev.value === '-' || prev.value === "'s")) return false;
    // "memos sent by Bree", "aid sent from Gondor": a participle after a noun is a reduced relative.
    const next = this.tok(t.index + 1);
    if (prev?.pos === 'NOUN' && (next?.lower === 'by' || next?.lower === 'from') && (/(ed|en)$/.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower))) return false;
    return true;
  }

  private isPassive(trigger: Token): boolean {
    if (!/(ed|en|wn|ht|ck|ld|ne)$/.test(trigger.lower) && !IRREGULAR_PARTICIPLES.has(trigger.lower)) return false;
    // "Blair and Brown criticised by MPs" (a headline): a participle followed by its agent.
    if (this.tok(trigger.index + 1)?.lower === 'by' && this.refAt[trigger.index - 1] !== undefined) return true;
    for (let k = 1; k <= 3; k++) {
      const t = this.tok(trigger.index - k);
      if (!t || t.sentence !== trigger.sentence) return false;
      if (BE_FORMS.has(t.lower) || (BE_FORMS.has(t.lemma) && t.pos === 'AUX')) return true;
      if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') return false;
    }
    return false;
  }

  /** Whether an actor stands in a prepositional phrase ("in Moscow", "with Ukraine") — not a subject or object. */
  private inPrepositionalPhrase(r: ActorReference): boolean {
    if (r.via === 'pronoun') return false;
    let k = r.firstToken - 1;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ' || HONORIFIC_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const before = this.tok(k);
    if (!before || before.pos !== 'ADP' || SUBORDINATORS.has(before.lower) || (before.lower === 'about' && this.tok(k + 1)?.lower === 'to')) return false;
    // "officials in Gondor", "soldiers from Gondor", "the government of Gondor": Gondor acts.
    if (['of', 'in', 'from'].includes(before.lower) && MEMBER_NOUNS.has(this.tok(k - 1)?.lower ?? '')) return false;
    return true;
  }

  /** "called on X", "appealed to X", "pleaded with X": X is the object of an appeal verb's preposition. */
  private appealObject(r: ActorReference): boolean {
    const prep = this.tok(r.firstToken - 1);
    const verb = this.tok(r.firstToken - 2);
    if (!prep || !verb || prep.pos !== 'ADP' || verb.pos !== 'VERB') return false;
    return (framesByLemma.get(verb.lemma) ?? []).some((f) => f.relation === 'urged' && (f.preps?.includes(prep.lower) ?? false));
  }

  /**
   * "an EU visit", "the Iran deal": a country or organisation right before a noun such as those in
   * `heads` (or, without them, any noun that is not one of its members or organs) modifies that
   * noun and does not act. "Gondor police", "Arnor security officials" do act.
   */
  private nounModifier(r: ActorReference, nonActorHeads?: ReadonlySet<string>): boolean {
    if (r.possessive || r.via === 'pronoun' || !(r.entityType === 'country' || r.entityType === 'organization')) return false;
    let k = r.lastToken + 1;
    let head: Token | undefined;
    let member = false;
    // A topic ("a US *proposal*") counts as the noun it is.
    while (this.tok(k) && (this.tok(k)?.pos === 'NOUN' || this.tok(k)?.pos === 'ADJ') && /^\p{Ll}/u.test(this.tok(k)?.value ?? '') && (!this.refAt[k] || this.refAt[k]?.entityType === 'other')) {
      if (this.tok(k)?.pos === 'NOUN') head = this.tok(k);
      if (ACTING_NOUNS.has(this.tok(k)?.lower ?? '')) member = true;
      k++;
    }
    if (head === undefined) return false;
    // ("the Calenardhon government issue": a member noun anywhere in the chain makes the actor act.)
    return nonActorHeads ? nonActorHeads.has(head.lower) : !member;
  }

  /** Whether verb governs the infinitive trigger: "vowed (on Thursday) to wage", with no actor or verb between. */
  private controls(verb: Token, trigger: Token): boolean {
    let to = trigger.index - 1;
    while (this.tok(to)?.pos === 'ADV') to--;
    if (this.tok(to)?.lower !== 'to' || to <= verb.index) return false;
    // "urged the club to reject": with an object between, an appeal verb's infinitive belongs to that object.
    if (OBJECT_CONTROL.has(verb.lemma) && this.tok(verb.index + 1)?.lower !== 'to') return false;
    for (let i = verb.index + 1; i < to; i++) {
      const t = this.tok(i);
      // "is said to be about to restore": a chain of infinitives is one control chain.
      if (t && (t.lower === 'to' || t.lemma === 'be' || t.lower === 'about')) continue;
      const r = this.refAt[i];
      // "will travel to Washington to meet Trump": an actor in a prepositional phrase is no subject.
      if (r && this.inPrepositionalPhrase(r)) { i = r.lastToken; continue; }
      if (!t || r || t.pos === 'VERB' || t.pos === 'AUX' || t.value === ',') return false;
    }
    return true;
  }

  /** Nearest actor to the left, in the same clause, that can act (not a topic, place or prepositional object). */
  private subjectOf(trigger: Token): ActorReference | undefined {
    const shared = this.sharedSubject(trigger);
    if (shared !== null) return shared;
    if (this.nounSubject(trigger)) return undefined;
    for (let i = trigger.index - 1; i >= 0 && trigger.index - i <= SUBJECT_WINDOW; i--) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) break;
      if (t.value === ';' || t.value === ':') break;
      if (this.parenthetical[i] && !this.parenthetical[trigger.index]) continue;
      // "the European Union (EU) agree": a bracketed acronym or aside is skipped.
      if (t.value === ')') {
        const open = this.matchingOpen(i);
        if (open >= 0) i = open;
        continue;
      }
      const r = this.refAt[i];
      // "Kennedy, whose party opposes the plan": the subject is the noun after "whose".
      if (t.lower === 'whose') break;
      if (!r && RELATIVE_PRONOUNS.has(t.lower) && t.pos !== 'DET') {
        // "Russia, which attacked Ukraine": the relative pronoun stands for the actor before it.
        const antecedent = this.refAt[this.tok(i - 1)?.value === ',' ? i - 2 : i - 1];
        return antecedent && antecedent.entityType !== 'other' && antecedent.entityType !== 'place' ? antecedent : undefined;
      }
      // "…, days after the US proposed": a subordinate clause has its own subject inside it.
      if (!r && SUBORDINATORS.has(t.lower) && t.pos !== 'DET') break;
      if (!r) {
        // A finite verb ends the clause, unless it governs this infinitive ("refused to accept",
        // "vowed on Thursday to wage war").
        if (i < trigger.index - 1 && this.isClauseVerb(t) && !this.isPassive(trigger) && !this.controls(t, trigger)) break;
        // "Thorpe's colleagues refused to support him": the controlling verb's subject is a common noun.
        if (i < trigger.index - 1 && this.isClauseVerb(t) && this.controls(t, trigger) && this.nounSubject(t)) break;
        continue;
      }
      // "called on Scholz to back the plan": the actor right before an infinitive is its subject.
      // ("urged Putin to accept": the object of the verb before is the infinitive's subject too.)
      const toFollows = this.tok(r.lastToken + 1)?.lower === 'to' && this.tok(r.lastToken + 1)?.pos === 'PART';
      const verbBefore = this.tok(this.skipModifiersLeft(r.firstToken - 1));
      const infinitiveSubject = toFollows && (this.appealObject(r) || verbBefore?.pos === 'VERB');
      // "the UK-wide action": an actor joined to a word by a hyphen modifies it.
      const compound = this.tok(r.lastToken + 1)?.value === '-' && /^\p{Ll}/u.test(this.tok(r.lastToken + 2)?.value ?? '');
      // "who presents The Weakest Link tells …": an actor right after a finite verb is its object.
      const before = this.tok(this.skipModifiersLeft(r.firstToken - 1));
      // (After a verb of saying the actor opens its complement: "said Putin had met …".)
      const objectOfVerb = before !== undefined && before.pos === 'VERB' && !infinitiveSubject && before.index < trigger.index
        && r.via !== 'pronoun' && !REPORTING_VERBS.has(before.lemma) && !SPEECH_LEMMAS.has(before.lemma);
      // "councillors who back Mr Flight met …": an actor inside a relative clause before the verb is its object.
      // ("that" only after a noun: "the bloc that targeted X", not "reported that X …").
      const relativeAt = (d: number): boolean => {
        const w = this.tok(r.firstToken - d);
        if (!w || w.pos === 'DET' || !RELATIVE_PRONOUNS.has(w.lower)) return false;
        return w.lower !== 'that' || this.tok(w.index - 1)?.pos === 'NOUN';
      };
      const inRelative = [2, 3].some(relativeAt) && r.via !== 'pronoun';
      if (r.entityType === 'other' || r.entityType === 'place' || (this.inPrepositionalPhrase(r) && !infinitiveSubject) || this.nounModifier(r) || compound || objectOfVerb || inRelative) {
        i = r.firstToken;
        continue;
      }
      return r;
    }
    return undefined;
  }

  /**
   * "prosecutors blamed Boeing", "the report accused Russia": a common noun right before a finite
   * verb is its subject, and it is no actor. (Not so for an actor's members: "Ukraine's army
   * attacked", "Russian officials met", where the actor precedes the noun.)
   */
  private nounSubject(trigger: Token): boolean {
    let k = trigger.index - 1;
    while (this.tok(k) && (this.tok(k)?.pos === 'ADV' || this.tok(k)?.pos === 'AUX' || NEGATION_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const t = this.tok(k);
    if (!t || t.pos !== 'NOUN' || !/^\p{Ll}/u.test(t.value) || this.refAt[k] || t.sentence !== trigger.sentence) return false;
    if (this.tok(trigger.index - 1)?.lower === 'to') return false;
    // The members' actor just before: "Ukraine's army", "US officials", "the Calenardhon government
    // issue", "Danish media and government" (a member noun anywhere in the noun chain).
    let j = k;
    let member = false;
    while (this.tok(j) && !this.refAt[j] && (this.tok(j)?.pos === 'NOUN' || this.tok(j)?.pos === 'ADJ' || this.tok(j)?.value === "'s" || this.tok(j)?.pos === 'CCONJ')) {
      if (ACTING_NOUNS.has(this.tok(j)?.lower ?? '')) member = true;
      j--;
    }
    if (member && this.refAt[j]) return false;
    // "the affected villages" etc. are objects, not subjects, only after a verb or preposition
    const before = this.tok(this.skipModifiersLeft(k - 1));
    if (before && (before.pos === 'ADP' || before.pos === 'VERB')) return false;
    return true;
  }

  /**
   * "X condemned the attack and promised aid": a verb after "and" with no subject of its own
   * shares the subject of the verb before. null = not such a verb.
   */
  private sharedSubject(trigger: Token): ActorReference | undefined | null {
    let k = trigger.index - 1;
    while (this.tok(k) && (this.tok(k)?.pos === 'ADV' || this.tok(k)?.pos === 'AUX' || NEGATION_WORDS.has(this.tok(k)?.lower ?? ''))) k--;
    const conj = this.tok(k);
    if (!conj || !CONJUNCTIONS.has(conj.lower) || conj.sentence !== trigger.sentence) return null;
    if (this.refAt[k - 1] && this.refAt[k - 1]?.entityType !== 'other') {
      // "A and B urged": a subject list, unless B is the object of an earlier verb.
      const r = this.refAt[k - 1] as ActorReference;
      const before = this.tok(r.firstToken - 1);
      if (!before || !(before.pos === 'VERB' || before.pos === 'ADP' || before.pos === 'DET')) return null;
    }
    for (let i = k - 1; i >= 0 && k - i <= SUBJECT_WINDOW; i--) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger) || t.value === ';') return null;
      // "opposed any bloc that targeted a country and warned Seoul": a verb in a relative clause is skipped;
      // "said Labour would set out plans and attacked the Tories": a past form does not continue a modal's verb.
      const afterModal = HYPOTHETICAL_MARKERS.has(this.tok(i - 1)?.lower ?? '') && trigger.lower !== trigger.lemma && !HYPOTHETICAL_MARKERS.has(this.tok(trigger.index - 1)?.lower ?? '');
      if (t.pos === 'VERB' && !t.lower.endsWith('ing') && this.isClauseVerb(t) && !RELATIVE_PRONOUNS.has(this.tok(i - 1)?.lower ?? '') && !afterModal) return this.subjectOf(t);
    }
    return null;
  }

  /** Skips determiners, adjectives, numbers and attributive participles: "the affected", "besieged". */
  private skipModifiers(i: number, max = 4): number {
    let k = i;
    while (k < i + max) {
      const t = this.tok(k);
      if (!t || this.refAt[k]) break;
      if (this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower)) || t.pos === 'ADV') k++;
      else break;
    }
    return k;
  }

  /** The target to the right: after one of the frame's prepositions, or a direct object. */
  private targetOf(trigger: Token, frame: Frame): ActorReference | undefined {
    let requiredSeen = frame.requires === undefined;
    let prepSeen = false;
    /** A preposition the frame does not name: what follows is no direct object ("an attack by X in Y"). */
    let foreignSeen = false;
    /** A common noun already filled the object slot: "told voters his party will …". */
    let headPassed = false;
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= TARGET_WINDOW; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      const r = this.refAt[i];
      if (r) {
        const prepBefore = this.prepositionBefore(r);
        const prepIndex = this.skipModifiersLeft(r.firstToken - 1);
        const adjacentOk = frame.prepAdjacent !== true || this.onlyAdverbsBetween(trigger.index, prepIndex);
        // ("similar to Japan's": an adjective's preposition is not the frame's)
        const adjectival = this.tok(prepIndex - 1)?.pos === 'ADJ';
        const afterPrep = prepSeen || (prepBefore !== undefined && (frame.preps?.includes(prepBefore) ?? false) && adjacentOk && !adjectival);
        const foreignPrep = !afterPrep && ((prepBefore !== undefined && !(frame.preps?.includes(prepBefore) ?? false)) || foreignSeen);
        if (r.entityType === 'place') {
          if (afterPrep && !foreignPrep) return undefined;
          i = r.lastToken;
          continue;
        }
        if (r.entityType === 'other' && !frame.topicTarget) {
          i = r.lastToken;
          continue;
        }
        // "spoken to her counterpart": a possessive pronoun is not the object, its noun is.
        if (r.via === 'pronoun' && r.possessive) {
          i = r.lastToken;
          continue;
        }
        // "the US-proposed ceasefire", "a Gondor-led force", "Turkey-EU talks": actors joined to a
        // noun by a hyphen modify it.
        const hyphenAfter = this.tok(r.lastToken + 1)?.value === '-';
        const hyphenBefore = this.tok(r.firstToken - 1)?.value === '-' && this.refAt[r.firstToken - 2] !== undefined;
        if ((hyphenAfter && (this.tok(r.lastToken + 2)?.pos !== 'PROPN' || this.refAt[r.lastToken + 2])) || hyphenBefore) {
          i = r.lastToken;
          continue;
        }
        // "told voters his Liberal Democrats will …": after a noun object, a bare actor is no object.
        if (headPassed && prepBefore === undefined && !afterPrep) return undefined;
        // "pledged Labour would …": an actor followed by an auxiliary is the subject of a clause.
        if (this.tok(r.lastToken + 1)?.pos === 'AUX' && !afterPrep) return undefined;
        // "told a London news conference", "attacked UK policy": an actor modifying such a noun is no
        // object; one meets or tells only an actor or its members ("met the Lisbon goals").
        // Judging an act is judging its owner ("rejected the Tory offer", "attacked UK policy").
        const assetsAttacked = frame.relation === 'attacked' && this.nounModifier(r, ATTACKED_ASSETS);
        if (!assetsAttacked && r.entityType !== 'other' && !JUDGING.has(frame.relation) && this.nounModifier(r, frame.relation === 'met' || frame.relation === 'informed' ? undefined : NON_ACTOR_HEADS)) {
          i = r.lastToken;
          continue;
        }
        // "met Putin in Moscow", "attacked targets in Gondor": an actor after another preposition is
        // no object — except in the object's own "of" phrase ("spare the lives of Ukrainian troops").
        if (foreignPrep && !(prepBefore === 'of' && !prepSeen && this.objectHeadOnly(trigger.index + 1, r.firstToken, frame.relation === 'met'))) {
          i = r.lastToken;
          continue;
        }
        const directOk = frame.preps === undefined || frame.direct === true;
        if (requiredSeen && ((directOk && !prepSeen) || afterPrep)) {
          // "her Philippine counterpart, Enrique Manalo,": the named apposition is the more precise end.
          let head = r.lastToken + 1;
          while (this.tok(head)?.pos === 'NOUN') head++;
          const named = r.entityType !== 'person' && this.tok(head)?.value === ',' ? this.refAt[head + 1] : undefined;
          const closing = named ? this.tok(named.lastToken + 1) : undefined;
          if (named && named.entityType === 'person' && (!closing || closing.value === ',' || closing.value === '.')) return named;
          // "urged Russia's leaders", "presented credentials to Ithilen's president": the actor's own people;
          // "condemned North Korea's launch", "praised Trump's efforts": judging an actor by its act.
          if (r.possessive && !frame.topicTarget && !this.ownsMember(r) && !EVALUATIVE.has(frame.relation)) return undefined;
          return r;
        }
        if (!afterPrep && frame.preps && !directOk) {
          i = r.lastToken;
          continue;
        }
        return undefined;
      }
      // "declined to back the plan": the object belongs to the infinitive, whose own frame reads it.
      if (i === trigger.index + 1 && t.lower === 'to' && !(frame.preps?.includes('to') ?? false)) return undefined;
      // "dismissed claims (that) government plans would …": the object is the claim.
      if (HEARSAY_NOUNS.has(t.lower)) return undefined;
      if (frame.requires?.includes(t.lower)) requiredSeen = true;
      else if ((t.pos === 'NOUN' || t.pos === 'PROPN') && !prepSeen && this.endsNounPhrase(t)) headPassed = true;
      // "criticised the government for claiming …": after a filled object, "for" gives a reason, not a target.
      const reason = t.lower === 'for' && headPassed;
      // "agreed a package with X": the frame's preposition must follow the verb itself.
      const tooLate = (frame.prepAdjacent === true && !this.onlyAdverbsBetween(trigger.index, i))
        // "a system similar to Australia's", "close to Moscow": the adjective's preposition
        || this.tok(i - 1)?.pos === 'ADJ';
      if (frame.preps?.includes(t.lower) && t.pos !== 'PART' && !(t.lower === 'to' && this.tok(i + 1)?.pos === 'VERB') && !reason && !tooLate) prepSeen = true;
      else if (t.pos === 'ADP' && t.lower !== 'of' && !prepSeen) foreignSeen = true;
      // "met with exiled dissidents from Myanmar": an actor in a phrase nested after the object is not the target
      // (but "met with the leaders of Gondor" is: a noun for an actor's members).
      else if (t.pos === 'ADP' && prepSeen && !(['of', 'in', 'from'].includes(t.lower) && MEMBER_NOUNS.has(this.tok(i - 1)?.lower ?? ''))) return undefined;
      if (CLAUSE_BREAKS.has(t.lower) && !(t.lower === 'that' && t.pos === 'DET')) return undefined;
      // A gerund ("resuming military aid and intelligence sharing with Kyiv") names an activity, not a new clause.
      if (t.pos === 'VERB' && !frame.requires && this.isClauseVerb(t)) {
        // another verb: its own object follows; "urged X to spare Y" stops at X, "help get Y" at help.
        return undefined;
      }
      // "blamed X for attacking Y", "by claiming …": a gerund after the reason's preposition takes its own object.
      if (t.pos === 'VERB' && t.lower.endsWith('ing') && ['for', 'by', 'of'].includes(this.tok(i - 1)?.lower ?? '')) return undefined;
      if (t.value === ',' && !(this.tok(i + 1)?.pos === 'ADJ')) {
        // "spoke to her Philippine counterpart, Enrique Manalo, and …": the apposition names the object.
        const named = this.refAt[i + 1];
        const after = named ? this.tok(named.lastToken + 1) : undefined;
        const headBefore = this.tok(i - 1);
        if (named && named.entityType === 'person' && (prepSeen || (frame.direct ?? frame.preps === undefined)) && requiredSeen
          && headBefore?.pos === 'NOUN' && (!after || after.value === ',' || after.value === '.')) return named;
        return undefined;
      }
    }
    return undefined;
  }

  /** "Ithilen's president", "Russia's leaders": a possessive actor before a noun for its members or bodies. */
  private ownsMember(r: ActorReference): boolean {
    let k = r.lastToken + 1;
    if (this.tok(k)?.value === "'s" || this.tok(k)?.value === "'") k++;
    while (this.tok(k)?.pos === 'ADJ') k++;
    return MEMBER_NOUNS.has(this.tok(k)?.lower ?? '');
  }

  private onlyAdverbsBetween(a: number, b: number): boolean {
    for (let i = a + 1; i < b; i++) if (this.tok(i)?.pos !== 'ADV') return false;
    return true;
  }

  /** Whether tokens from..to are one noun phrase head and its "of": "the lives of", "the government of". */
  private objectHeadOnly(from: number, to: number, membersOnly: boolean): boolean {
    let nouns = 0;
    let head: Token | undefined;
    for (let i = from; i < to; i++) {
      const t = this.tok(i);
      if (!t) return false;
      if (t.pos === 'NOUN') { nouns++; head = t; }
      else if (!(this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || t.lower === 'of')) return false;
    }
    // "met the leaders of Gondor" but not "visited the tomb of Arafat"; "spared the lives of …" but not "backed the invasion of …".
    if (!MEMBER_NOUNS.has(head?.lower ?? '') && (membersOnly || !OF_HEADS.has(head?.lower ?? ''))) return false;
    return nouns >= 1 && nouns <= 2;
  }

  /** A noun not followed by another noun, a name or a hyphen: the head of its phrase ("30-day *ceasefire*" has "day" as a modifier). */
  private endsNounPhrase(t: Token): boolean {
    const next = this.tok(t.index + 1);
    const ref = next ? this.refAt[next.index] : undefined;
    // "told reporters Russia would …": an actor with its own verb after the noun starts a clause.
    const after = ref ? this.tok(ref.lastToken + 1) : undefined;
    if (ref && ref.via !== 'pronoun' && after && (after.pos === 'AUX' || (after.pos === 'VERB' && this.isClauseVerb(after)))) return true;
    return !next || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.value === '-' || next.value === "'s" || (ref !== undefined && ref.via !== 'pronoun'));
  }

  /** The preposition that introduces an actor's noun phrase, if any ("with the evil Gondor" → "with"). */
  private prepositionBefore(r: ActorReference): string | undefined {
    let k = r.firstToken - 1;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ' || HONORIFIC_WORDS.has(this.tok(k)?.lower ?? '') || (this.tok(k)?.pos === 'VERB' && /(ed|en)$/.test(this.tok(k)?.lower ?? '')))) k--;
    const t = this.tok(k);
    return t && t.pos === 'ADP' ? t.lower : undefined;
  }

  /** "by X" within a few words after the trigger: the agent of a passive. */
  private afterWord(trigger: Token, word: string, window = 6): ActorReference | undefined {
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= window; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      if (t.lower === word) {
        const k = this.skipModifiers(i + 1);
        const r = this.refAt[k];
        return r && r.entityType !== 'other' && r.entityType !== 'place' ? r : undefined;
      }
      if (CLAUSE_BREAKS.has(t.lower) || t.value === ',') return undefined;
    }
    return undefined;
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
  private coordinated(r: ActorReference, direction: 1 | -1, objectList = false, subjectList = false): ActorReference[] {
    const list = this.coordinatedList(r, direction, objectList, subjectList);
    // "both sides": the other actors the phrase stands for.
    const mates = (this.spanMates.get(`${r.firstToken}|${r.lastToken}`) ?? []).filter((m) => m !== r);
    return mates.length > 0 ? [...list, ...mates] : list;
  }

  private coordinatedList(r: ActorReference, direction: 1 | -1, objectList: boolean, subjectList: boolean): ActorReference[] {
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
        const after = this.tok(next.lastToken + 1);
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
  private matchingOpen(i: number): number {
    for (let k = i - 1; k >= i - 8 && k >= 0; k--) {
      if (this.tok(k)?.value === '(') return k;
      if (this.tok(k)?.value === ')') return -1;
    }
    return -1;
  }

  private matchingClose(i: number): number {
    for (let k = i + 1; k <= i + 8; k++) {
      if (this.tok(k)?.value === ')') return k;
      if (this.tok(k)?.value === '(') return -1;
    }
    return -1;
  }

  /** Validates a gap between conjuncts, in text order: [","] [and|or|nor] [the] [ADJ…]. true = has a conjunction. */
  private joiner(gap: readonly Token[]): boolean | undefined {
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

  private skipModifiersLeft(i: number): number {
    let k = i;
    while (this.tok(k) && (this.isDeterminer(this.tok(k)) || this.tok(k)?.pos === 'ADJ')) k--;
    return k;
  }

  /** Whether most words of a sentence are capitalised (a headline), where capitals say nothing about names. */
  private titleCased(sentenceIndex: number): boolean {
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
  private groupStart(group: readonly ActorReference[]): number {
    return Math.min(...group.map((g) => g.firstToken));
  }

  // ---- verb frames -------------------------------------------------------------------------------

  private verbFrame(trigger: Token, frame: Frame): void {
    // "committed to resuming aid" pledges; "committed adultery with Y" does not.
    if (frame.id === 'promise' && trigger.lemma === 'commit' && this.tok(trigger.index + 1)?.lower !== 'to') return;
    const prev = this.tok(trigger.index - 1);
    // "the proposed truce": an attributive participle names a thing, it reports no act.
    if (prev && this.isDeterminer(prev) && frame.id !== 'meet') return;
    if (this.refAt[trigger.index]) return;
    const passive = this.isPassive(trigger);
    let sources: ActorReference[];
    let targets: ActorReference[];
    if (passive) {
      const agent = this.afterWord(trigger, 'by');
      if (!agent) return;
      sources = this.coordinated(agent, 1);
      const patient = this.subjectOf(trigger);
      if (!patient) return;
      targets = this.coordinated(patient, -1);
    } else {
      // "Labour accused of propaganda" (a headline's passive): the object would stand before "of".
      if (this.tok(trigger.index + 1)?.lower === 'of' && !(frame.preps?.includes('of') ?? false)) return;
      const target = this.targetOf(trigger, frame);
      if (!target) {
        if (frame.mutual) this.mutualVerb(trigger, frame);
        return;
      }
      targets = this.coordinated(target, 1);
      if (frame.after && !frame.after.includes(this.tok((targets.at(-1) ?? target).lastToken + 1)?.lower ?? '')) return;
      const subject = this.subjectOf(trigger);
      if (!subject) return;
      sources = this.coordinated(subject, -1, this.tok(trigger.index - 1)?.lower === 'to');
    }
    const start = this.groupStart(sources);
    for (const s of sources) {
      for (const o of targets) {
        this.emit(s, frame.relation, o, trigger, frame.id, frame.cameo, { topicOk: frame.topicTarget === true, sourceGroupStart: start, ...(frame.targetTypes ? { targetTypes: frame.targetTypes } : {}) });
      }
    }
  }

  /** "Trump and Putin met in Helsinki": with no object, coordinated subjects act on each other. */
  private mutualVerb(trigger: Token, frame: Frame): void {
    if (!this.intransitiveAfter(trigger, frame.preps ?? [])) return;
    const subject = this.subjectOf(trigger);
    if (!subject) return;
    const group = this.coordinated(subject, -1);
    if (group.length < 2) return;
    const start = this.groupStart(group);
    forEachPair(group, (x, y) => {
      this.emit(y, frame.relation, x, trigger, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start });
      // "X and Y agree": a directed relation holds both ways.
      if (frame.relation !== 'met') this.emit(x, frame.relation, y, trigger, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start });
    });
  }

  /**
   * Whether nothing that could be an object follows the verb: a preposition the frame does not
   * name ("met in Geneva"), a time word ("met last week"), punctuation or a conjunction. "met
   * senior officials" or "met with tribal leaders" have an object, just not a recognised one.
   */
  private intransitiveAfter(trigger: Token, ownPreps: readonly string[]): boolean {
    // "agreed to a ceasefire": a preposition that another frame of the same verb reads is an object.
    const preps = [...ownPreps, ...(framesByLemma.get(trigger.lemma) ?? []).flatMap((f) => f.preps ?? [])];
    let k = trigger.index + 1;
    while (this.tok(k)?.pos === 'ADV' && !TIME_WORDS.has(this.tok(k)?.lower ?? '')) k++;
    const t = this.tok(k);
    if (!t || t.sentence !== trigger.sentence) return true;
    if (preps.includes(t.lower)) return false;
    return t.pos === 'ADP' || t.pos === 'PUNCT' || t.pos === 'CCONJ' || t.pos === 'SCONJ' || TIME_WORDS.has(t.lower);
  }

  // ---- collocations ------------------------------------------------------------------------------

  /** "restored diplomatic ties with Y", "launched a new offensive against Y", "received money from Y". */
  private collocation(verb: Token, frame: CollocationFrame): void {
    const prev = this.tok(verb.index - 1);
    if (prev && this.isDeterminer(prev)) return;
    if (this.isPassive(verb)) {
      this.passiveCollocation(verb, frame);
      return;
    }
    // "promised aid to Y" is a promise (the promise frame reads it), not aid given.
    if ((frame.relation === 'aided' || frame.relation === 'supported') && verbIn(PROMISING_VERBS, verb)) return;
    const noun = this.collocationNoun(verb, frame);
    if (!noun) return;
    // "sent Kyiv weapons": an indirect object; "sent Taurus missiles to Kyiv": a name before the noun
    // was its modifier, and the target follows the noun.
    const target = this.collocationTarget(noun.token, frame) ?? noun.indirect;
    const subject = this.subjectOf(verb);
    if (!subject) return;
    const sources = this.coordinated(subject, -1);
    const start = this.groupStart(sources);
    const options: EmitOptions = { topicOk: false, sourceGroupStart: start, ...(frame.hypothetical ? { hypothetical: true } : {}) };
    if (!target) {
      // "Gondor and Rohan restored ties": the coordinated subjects act on each other.
      if (!frame.mutual || sources.length < 2 || this.followingPreposition(noun.token, frame)) return;
      for (const a of sources) for (const b of sources) if (a !== b) this.emit(a, frame.relation, b, verb, frame.id, frame.cameo, options);
      return;
    }
    if (target.entityType === 'place' || target.entityType === 'other') return;
    for (const s of sources) {
      for (const o of this.coordinated(target, 1)) {
        if (frame.reverse) this.emit(o, frame.relation, s, verb, frame.id, frame.cameo, { ...options, clauseSubject: s });
        else this.emit(s, frame.relation, o, verb, frame.id, frame.cameo, options);
      }
    }
  }

  /** The collocation's noun after its verb: "restored *full diplomatic* ties", "gave Gondor $5 million in aid". */
  private collocationNoun(verb: Token, frame: CollocationFrame): { token: Token; indirect?: ActorReference } | undefined {
    let indirect: ActorReference | undefined;
    let counted = 0;
    for (let i = verb.index + 1; i < this.tokens.length && counted < COLLOCATION_NOUN_WINDOW; i++) {
      const t = this.tok(i);
      if (!this.parenthetical[i] && t?.value !== ',') counted++;
      if (!t || !this.sameClause(t, verb)) return undefined;
      const r = this.refAt[i];
      if (r && r.entityType !== 'other') {
        // "gave Gondor aid", "sent Kyiv weapons": an indirect object before the noun.
        if (indirect || i !== verb.index + 1 || !(frame.id === 'send-aid' || frame.id === 'issue-warning')) return undefined;
        indirect = r;
        i = r.lastToken;
        continue;
      }
      if (frame.nouns.includes(t.lower)) return { token: t, ...(indirect ? { indirect } : {}) };
      if (this.parenthetical[i] && !this.parenthetical[verb.index]) continue; // "restore, it seems, full ties"
      const next = this.tok(i + 1);
      const ok = t.pos === 'DET' || this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'NUM' || t.pos === 'NOUN' || t.pos === 'PART'
        || t.pos === 'SYM' || t.value === '-' || CONJUNCTIONS.has(t.lower) || ['off', 'down', 'up', 'out', 'in', 'of', 'with', 'by', 'for'].includes(t.lower)
        || (t.value === ',' && (next?.pos === 'ADJ' || next?.pos === 'ADV' || this.parenthetical[i + 1] === 1)) || (t.pos === 'VERB' && !this.isClauseVerb(t)) || (t.pos === 'PROPN' && !this.refAt[i])
        // "abandon improved economic relations": a participle before an adjective or noun is attributive
        || (t.pos === 'VERB' && /(ed|en)$/.test(t.lower) && (next?.pos === 'ADJ' || next?.pos === 'NOUN'));
      if (!ok) return undefined;
    }
    return undefined;
  }

  /** The target after the noun: "… ties *with* Gondor", "… protocol for 1990 *with* Dagolath". */
  private collocationTarget(noun: Token, frame: { preps: readonly string[] }): ActorReference | undefined {
    for (let i = noun.index + 1; i < this.tokens.length && i - noun.index <= COLLOCATION_TARGET_WINDOW; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, noun)) return undefined;
      if (this.refAt[i]) return undefined;
      if (frame.preps.includes(t.lower) && t.pos !== 'PART') {
        const r = this.refAt[this.skipModifiers(i + 1)];
        return r && r.entityType !== 'place' && r.entityType !== 'other' ? r : undefined;
      }
      if (CLAUSE_BREAKS.has(t.lower) || t.value === ',' || this.isClauseVerb(t)) return undefined;
    }
    return undefined;
  }

  /** Whether one of the frame's prepositions follows the noun (then a target was named but not recognised). */
  private followingPreposition(noun: Token, frame: CollocationFrame): boolean {
    for (let i = noun.index + 1; i <= noun.index + 3; i++) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return false;
      if (frame.preps.includes(t.lower)) return true;
    }
    return false;
  }

  /** "Sanctions were imposed on Russia by the EU": noun before the verb, agent after "by". */
  private passiveCollocation(verb: Token, frame: CollocationFrame): void {
    let noun: Token | undefined;
    for (let i = verb.index - 1; i >= verb.index - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== verb.sentence) break;
      if (frame.nouns.includes(t.lower)) noun = t;
    }
    if (!noun) return;
    const agent = this.afterWord(verb, 'by', 8);
    // "Sanctions were imposed on Russia by the EU" or "Evidence against Russia was presented by the US".
    const target = this.collocationTarget(verb, frame) ?? this.collocationTarget(noun, frame);
    if (!agent || !target) return;
    const options: EmitOptions = { topicOk: false, ...(frame.hypothetical ? { hypothetical: true } : {}) };
    for (const s of this.coordinated(agent, 1)) {
      if (frame.reverse) this.emit(target, frame.relation, s, verb, frame.id, frame.cameo, options);
      else this.emit(s, frame.relation, target, verb, frame.id, frame.cameo, options);
    }
  }

  // ---- noun frames -------------------------------------------------------------------------------

  private nounFrame(noun: Token, frame: NounFrame): void {
    if (this.refAt[noun.index] && this.refAt[noun.index]?.entityType !== 'other') return;
    // "the BBC's Breakfast with Frost": a capitalised noun inside a sentence is part of a name.
    if (/^\p{Lu}/u.test(noun.value) && this.doc.sentences[noun.sentence]?.firstToken !== noun.index && !this.titleCased(noun.sentence)) return;
    // "offensive", "call" and the like are nouns only when a frame preposition follows or they head a noun phrase.
    if (noun.pos === 'ADJ' && !frame.preps.includes(this.tok(noun.index + 1)?.lower ?? '')) return;
    if (frame.between) {
      // "talks earlier this week between X and Y": a short adverbial may come first.
      let k = noun.index + 1;
      while (k <= noun.index + 4 && this.tok(k) && this.tok(k)?.lower !== 'between' && !this.refAt[k] && this.tok(k)?.pos !== 'VERB' && this.tok(k)?.value !== ',') k++;
      if (this.tok(k)?.lower !== 'between') return;
      const first = this.refAt[this.skipModifiers(k + 1)];
      if (!first || first.entityType === 'other' || first.entityType === 'place') return;
      const both = this.coordinated(first, 1);
      if (both.length < 2) return;
      for (let a = 0; a < both.length; a++) {
        for (let b = a + 1; b < both.length; b++) {
          const x = both[a];
          const y = both[b];
          if (x && y) this.emit(x, frame.relation, y, noun, frame.id, frame.cameo, { topicOk: false });
        }
      }
      return;
    }
    let target: ActorReference | undefined;
    for (let i = noun.index + 1; i <= noun.index + 4; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, noun)) break;
      if (frame.preps.includes(t.lower) && t.pos !== 'PART' && !(t.lower === 'to' && this.tok(i + 1)?.pos === 'VERB')) {
        const r = this.refAt[this.skipModifiers(i + 1)];
        // "talks with the London market": an actor modifying a noun is no party.
        if (r && r.entityType !== 'place' && (r.entityType !== 'other' || frame.topicTarget) && !(r.entityType !== 'other' && this.nounModifier(r, JUDGING.has(frame.relation) ? NON_ACTOR_HEADS : undefined))) target = r;
        break;
      }
      if (t.pos === 'VERB' || t.value === ',' || this.refAt[i]) break;
    }
    if (!target) {
      if (frame.mutual) this.mutualNoun(noun, frame);
      return;
    }
    const light = this.lightVerb(noun);
    const owner = this.possessor(noun) ?? (light ? this.subjectOf(light) : undefined);
    if (!owner) return;
    const irrealis = light !== undefined && IRREALIS_VERBS.has(light.lemma);
    const anchor = light && !owner.possessive ? { anchor: light } : {};
    for (const o of this.coordinated(target, 1)) {
      this.emit(owner, frame.relation, o, noun, frame.id, frame.cameo, { topicOk: frame.topicTarget === true, ...(irrealis ? { hypothetical: true } : {}), ...anchor });
    }
  }

  /** "X and Y held talks", "X and Y postponed their meeting": coordinated subjects of the verb that governs the noun meet. */
  private mutualNoun(noun: Token, frame: NounFrame): void {
    for (let i = noun.index + 1; i <= noun.index + 3; i++) {
      if (frame.preps.includes(this.tok(i)?.lower ?? '') || this.tok(i)?.lower === 'between') return;
    }
    let verb: Token | undefined;
    for (let i = noun.index - 1; i >= noun.index - 5 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence || this.refAt[i]) return;
      if (t.pos === 'VERB' || t.pos === 'AUX') {
        if (MUTUAL_NOUN_VERBS.has(t.lemma)) verb = t;
        break;
      }
      if (!(this.isDeterminer(t) || t.pos === 'ADJ' || t.pos === 'NUM' || t.value === '-' || t.pos === 'NOUN')) return;
    }
    if (!verb) return;
    const subject = this.subjectOf(verb);
    if (!subject) return;
    const group = this.coordinated(subject, -1);
    if (group.length < 2) return;
    const start = this.groupStart(group);
    forEachPair(group, (x, y) => this.emit(y, frame.relation, x, noun, frame.id, frame.cameo, { topicOk: false, sourceGroupStart: start, anchor: verb }));
  }

  /** "Russia's acceptance", "his support", "Trump's 30-minute call", "US aid", "EU sanctions". */
  private possessor(noun: Token): ActorReference | undefined {
    const modifier = this.refAt[noun.index - 1];
    if (modifier && !modifier.possessive && (modifier.entityType === 'country' || modifier.entityType === 'organization')) return modifier;
    for (let i = noun.index - 1; i >= noun.index - 5 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      const r = this.refAt[i];
      if (r) return r.possessive || (r.via === 'pronoun' && ['his', 'her'].includes(this.tok(r.firstToken)?.lower ?? '')) ? r : undefined;
      if (t.value === "'s" || t.value === "'" || t.pos === 'ADJ' || t.pos === 'NUM' || t.value === '-' || t.pos === 'ADV' || t.pos === 'NOUN') continue;
      return undefined;
    }
    return undefined;
  }

  /** "Witkoff had a lengthy meeting with Putin": a light verb just before the noun, whose subject owns it. */
  private lightVerb(noun: Token): Token | undefined {
    for (let i = noun.index - 1; i >= noun.index - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      if (this.refAt[i]) return undefined;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && LIGHT_VERBS.has(t.lemma)) return t;
      if (t.pos === 'VERB' && this.isClauseVerb(t)) return undefined;
    }
    return undefined;
  }

  /** "the US-proposed ceasefire": actor, hyphen, participle, topic. */
  private compoundAdjective(hyphen: Token): void {
    const actor = this.refAt[hyphen.index - 1];
    const verb = this.tok(hyphen.index + 1);
    if (!actor || !verb || actor.entityType === 'other') return;
    const frame = framesByLemma.get(verb.lemma)?.[0];
    const target = this.refAt[hyphen.index + 2];
    if (!frame || !target || target.entityType === 'place') return;
    this.emit(actor, frame.relation, target, verb, `${frame.id}:compound`, frame.cameo, { topicOk: frame.topicTarget === true });
  }

  // ---- quotes and pronouns -----------------------------------------------------------------------

  /**
   * "North Korea did not respond, but its state media accused Japan": "its" before a noun for an
   * actor's members or organs, in subject position, stands for the actor that opens the sentence
   * (or the previous one). Only such opening actors are taken: they are the topic, not an object.
   */
  private addPossessiveSubjects(): void {
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
  private openingActor(sentenceIndex: number, before: number): ActorReference | undefined {
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
  private addReportedPronouns(): void {
    for (const t of this.tokens) {
      if ((t.lower !== 'it' && t.lower !== 'they') || this.refAt[t.index]) continue;
      const next = this.tok(t.index + 1);
      if (!next || !(next.pos === 'VERB' || next.pos === 'AUX')) continue;
      let k = t.index - 1;
      if (this.tok(k)?.lower === 'that') k--;
      const verb = this.tok(k);
      if (!verb || verb.pos !== 'VERB' || !REPORTING_VERBS.has(verb.lemma) || verb.sentence !== t.sentence) continue;
      const subject = this.subjectOf(verb);
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
  private addQuotedSpeakers(): void {
    const added: ActorReference[] = [];
    for (const t of this.tokens) {
      if (!FIRST_PERSON.has(t.lower) || this.quoteDepth[t.index] !== 1 || this.refAt[t.index]) continue;
      const speaker = this.quoteSpeaker(t);
      if (!speaker) continue;
      let entity = speaker.entity;
      let entityType = speaker.entityType;
      if (t.lower === 'we') {
        const country = [...this.belongs].find((b) => b.startsWith(`${speaker.entity}|`));
        if (country) {
          entity = country.slice(speaker.entity.length + 1);
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
  private quoteSpeaker(inside: Token): ActorReference | undefined {
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

  private emit(source: ActorReference, givenRelation: Relation, target: ActorReference, trigger: Token, givenRule: string, givenCameo: string, options: EmitOptions): boolean {
    if (source.entity === target.entity) return false;
    let relation = givenRelation;
    let rule = givenRule;
    let cameo = givenCameo;
    // "Fox attacks Blair", "his attack on Labour": words, not force.
    if (relation === 'attacked' && this.attacksInWords(source, target)) {
      // A CAMEO verb of force (kill, occupy, shell) has no verbal reading either.
      if (VERBAL_ATTACK.physical.includes(trigger.lemma) || rule.startsWith('cameo:')) return false;
      relation = VERBAL_ATTACK.relation;
      cameo = VERBAL_ATTACK.cameo;
      rule = `${rule}:verbal`;
    }
    if ((relation === 'informed' || relation === 'met') && this.isOutlet(target)) return false;
    if (VISIT_FRAMES.has(rule) && !this.canVisit(source, target)) return false;
    if (target.entityType === 'other' && !options.topicOk) return false;
    if (options.targetTypes && !options.targetTypes.includes(target.entityType)) return false;
    if (source.entityType === 'other' || source.entityType === 'place') return false;
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return false;
    const subject = options.clauseSubject ?? source;
    // A noun's modality is its governing verb's: "X and Y agreed to begin talks", "did not hold talks".
    const modal = options.anchor ?? trigger;
    const negated = options.modality ? options.modality.negated || this.neitherNor(source, options.sourceGroupStart) : this.isNegated(modal, subject, options.sourceGroupStart);
    const hypothetical = options.hypothetical === true
      || (options.modality ? options.modality.hypothetical || this.isQuestion(modal) : this.isHypothetical(modal, subject));
    const reportedBy = this.reporter(source, trigger);
    // One fact per triple and sentence: two rules reading the same words give one piece of evidence.
    const [a, b] = relation === 'met' && target.entity < source.entity ? [target.entity, source.entity] : [source.entity, target.entity];
    const key = `${a}|${relation}|${b}|${trigger.sentence}|${negated}|${hypothetical}`;
    if (this.seen.has(key)) return true;
    this.seen.add(key);
    this.facts.push({
      source: source.entity, relation, target: target.entity, negated, hypothetical,
      doc: this.doc.source.id, sentence: this.doc.source.text.slice(sentence.start, sentence.end),
      start: sentence.start, end: sentence.end, trigger: trigger.value, rule: rule.startsWith('cameo:') ? rule : `frame:${rule}`, cameo,
      goldstein: cameo === givenCameo && options.goldstein !== undefined ? options.goldstein : GOLDSTEIN[cameo] ?? cameoCode(cameo)?.goldstein ?? 0,
      ...(reportedBy ? { reportedBy } : {}),
      ...(this.doc.source.date ? { date: this.doc.source.date } : {}),
      ...this.antecedents(source, target),
    });
    return true;
  }

  /** Character offsets of a reference: its antecedent's own when it has one. */
  private spanOf(r: ActorReference): { start: number; end: number } {
    return r.antecedent ?? { start: this.tok(r.firstToken)?.start ?? 0, end: this.tok(r.lastToken)?.end ?? 0 };
  }

  /** The antecedent mentions of ends that the sentence names by a pronoun or description. */
  private antecedents(source: ActorReference, target: ActorReference): Pick<Fact, 'antecedents'> {
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
  private attacksInWords(source: ActorReference, target: ActorReference): boolean {
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

  /** "told the BBC", "told the Daily Record newspaper", "told ITV's Jonathan Dimbleby programme": a news outlet. */
  private isOutlet(r: ActorReference): boolean {
    if (NEWS_OUTLETS.has(r.entity)) return true;
    const label = this.labels.get(r.entity) ?? '';
    if (r.entityType === 'organization' && label.split(/\s+/).some((w) => OUTLET_WORDS.has(w.toLowerCase()))) return true;
    // "the Argentine newspaper Clarin", "German magazine Der Spiegel"
    for (let k = r.firstToken - 1; k >= r.firstToken - 4 && k >= 0; k--) {
      const t = this.tok(k);
      // "BBC Radio 4's Westminster Hour": the outlet owns the programme.
      if (t?.value === "'s" || t?.pos === 'NUM') continue;
      if (!t || !(t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'PROPN')) break;
      if (OUTLET_WORDS.has(t.lower)) return true;
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

  /**
   * A visit is to a country or organisation, not a city ("flew to Moscow"); a person visits only
   * when a title names their own country and it is another one ("Putin returned to Russia",
   * "Blair arrived in Britain" are no visits).
   */
  private canVisit(source: ActorReference, target: ActorReference): boolean {
    // A visit to a city ("arrived in Berlin") is no relation between actors; to a country or body it is.
    if (target.via === 'capital' || target.entityType === 'place') return false;
    if (source.entityType !== 'person') return true;
    const own = [...this.belongs].filter((b) => b.startsWith(`${source.entity}|`)).map((b) => b.slice(source.entity.length + 1));
    // "Dagolath's first Deputy Prime Minister Telemar": a possessive country before the title.
    const byTitle = this.possessiveAffiliation(source);
    if (byTitle) own.push(byTitle);
    return own.length > 0 && !own.includes(target.entity);
  }

  /** The country in "X's (first) Deputy Prime Minister NAME": capitalised title words between a possessive and the name. */
  private possessiveAffiliation(person: ActorReference): string | undefined {
    for (let i = person.firstToken - 1; i >= person.firstToken - 6 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== person.sentence) return undefined;
      const r = this.refAt[i];
      if (r) return r.possessive && r.entityType === 'country' ? r.entity : undefined;
      if (!(/^\p{Lu}/u.test(t.value) || t.pos === 'ADJ' || t.value === "'s")) return undefined;
    }
    return undefined;
  }

  private between(a: number, b: number): Token[] {
    return this.tokens.slice(Math.min(a, b) + 1, Math.max(a, b)) as Token[];
  }

  /** "Neither A nor B met C", "not Gondor but …": the negation stands before the subjects. */
  private neitherNor(source: ActorReference, groupStart?: number): boolean {
    const before = this.tok((groupStart ?? source.firstToken) - 1);
    return before?.lower === 'neither' || (before?.lower === 'not' && this.tok(before.index + 1)?.lower !== 'only');
  }

  private isNegated(trigger: Token, source: ActorReference, groupStart?: number): boolean {
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
      if (NEGATION_WORDS.has(t.lower)) return true;
      if ((NEGATING_VERBS.has(t.lemma) || NEGATING_VERBS.has(t.lower)) && this.governsInfinitive(t, trigger)) return true;
    }
    return false;
  }

  /** "refused to accept", "refusal to talk", "failed to reach": the word's "to" leads to the trigger. */
  private governsInfinitive(word: Token, trigger: Token): boolean {
    // "denied accusing Germany", "stopped attacking": a gerund right after it.
    if (trigger.index === word.index + 1 && trigger.lower.endsWith('ing')) return true;
    for (let i = word.index + 1; i < trigger.index && i <= word.index + 3; i++) {
      if (this.tok(i)?.lower === 'to') return true;
    }
    return false;
  }

  /** A question, when the question mark closes the trigger's own clause. */
  private isQuestion(trigger: Token): boolean {
    const sentence = this.doc.sentences[trigger.sentence];
    const last = sentence ? this.tok(sentence.lastToken) : undefined;
    return last?.value === '?' && !this.tokens.slice(trigger.index + 1, sentence?.lastToken ?? trigger.index).some((t) => t.value === '-' || t.value === '—' || t.value === ';' || t.lower === 'but');
  }

  private isHypothetical(trigger: Token, source: ActorReference): boolean {
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

  /**
   * Who reports the fact when it is a third party's claim: "Peskov said Putin had conveyed …",
   * "Putin had conveyed …, Peskov said", or the speaker of the quote the fact stands in.
   */
  private reporter(source: ActorReference, trigger: Token): string | undefined {
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return undefined;
    const own = (r: ActorReference | undefined): string | undefined => (r && r.entity !== source.entity && r.entityType !== 'other' && r.entityType !== 'place' ? r.entity : undefined);
    if (this.quoteDepth[trigger.index] === 1) return own(this.quoteSpeaker(trigger));
    for (let i = Math.min(source.firstToken, trigger.index) - 1; i >= sentence.firstToken; i--) {
      const t = this.tok(i);
      if (t && SPEECH_LEMMAS.has(t.lemma) && t.pos === 'VERB') return own(this.subjectOf(t));
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
