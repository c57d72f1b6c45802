// What the judging readers look back on: facts told before a word (near, in the lede, against the
// judge) and acts told with an author but no target ("North Korea test-fired a missile"), which a
// later "the launch", "the move" takes up. tree-told.ts reads the judgements themselves.
import { ROLE_RELATIONS, SYMMETRIC_RELATIONS, type Mention, type Relation, type Token } from '../types';
import type { ActorReference } from '../entities';
import { ANY_ACT_NOUNS, TOLD_ACTS, type ToldActRow } from './anaphora';
import { readSubjects } from './tree';
import type { RelationFact } from './context';
import { WalkFrames } from './walk-frames';

/** Relations whose acts are often told as announced or offered ("announced duties", "offered talks"), yet taken up as acts. */
const OFFERS: ReadonlySet<Relation> = new Set<Relation>(['proposed', 'promised', 'sanctioned', 'aided']);

/** An act told with an author and no actor as its target ("North Korea test-fired a missile"; TOLD_ACTS). */
interface ToldAct {
  readonly author: ActorReference;
  readonly verb: Token;
  readonly row: ToldActRow;
}

/** Kinds of actor that author an act others judge. */
export const AUTHORS: ReadonlySet<string> = new Set(['person', 'country', 'organization']);

/** Sentences back where an act against the judge may be the one its judgement answers. */
const ANSWER_REACH = 4;
/** Sentences that make a story's lede (a headline and its first sentence): its act is the one "the decision" or "the move" later takes up when none is told near. */
const LEDE_SENTENCES = 2;

/** The rule of an act another act answers ("in retaliation for Y's strikes", tree-acts.ts): background, no act a later noun takes up. */
export const ANSWERED_ACT_RULE = 'answered-act';

/** Whether a fact is an act another act answers (its rule, "frame:answered-act" once emitted). */
export function answeredAct(f: RelationFact): boolean {
  return f.rule.endsWith(ANSWERED_ACT_RULE);
}

export abstract class ToldActs extends WalkFrames {
  /** Targetless acts per sentence, read when first asked for. */
  private readonly toldActsBySentence = new Map<number, readonly ToldAct[]>();

  /** Acts told without a target in `sentence` (TOLD_ACTS), each with its author. */
  protected toldActs(sentence: number): readonly ToldAct[] {
    const known = this.toldActsBySentence.get(sentence);
    if (known) return known;
    const acts: ToldAct[] = [];
    const s = this.doc.sentences[sentence];
    for (let i = s?.firstToken ?? 0; s && i <= s.lastToken; i++) {
      const t = this.tok(i);
      if (!t || (t.pos !== 'VERB' && this.tree?.upos(i) !== 'VERB')) continue;
      const row = TOLD_ACTS.find((r) => r.verbs.includes(t.lemma) && (!r.objects || this.objectFollows(t, r.objects)));
      if (!row) continue;
      // A parsed sentence: the tree's subjects ("Ecuadorian police forced their way into …").
      if (this.reader && this.tree?.parsed(t) === true && this.reader.tree.upos(i) === 'VERB') {
        const read = readSubjects(this.reader, t);
        if (read.negated || read.hypothetical) continue;
        for (const author of read.sources.filter((r) => AUTHORS.has(r.entityType))) acts.push({ author, verb: t, row });
        if (read.sources.length > 0) continue;
      }
      // "test-fired": the tagger splits the compound, whose first word stands where the subject ends.
      const compound = this.tok(i - 1)?.value === '-' ? this.tok(i - 2) : undefined;
      const author = this.actorRightBefore(compound ?? t) ?? this.subjectOf(t);
      if (!author || !AUTHORS.has(author.entityType) || this.isNegated(t, author) || this.isHypothetical(t, author)) continue;
      acts.push({ author, verb: t, row });
    }
    this.toldActsBySentence.set(sentence, acts);
    return acts;
  }

  /** The actor that ends right before `verb`, past adverbs and auxiliaries ("North Korea (has) test-fired"). */
  protected actorRightBefore(verb: Token): ActorReference | undefined {
    let k = verb.index - 1;
    while (this.tok(k)?.pos === 'ADV' || this.tok(k)?.pos === 'AUX') k--;
    const r = this.refAt[k];
    return r && r.lastToken === k && this.tok(r.firstToken)?.sentence === verb.sentence && !this.inPrepositionalPhrase(r) ? r : undefined;
  }

  /** Whether one of `objects` follows `verb` as its object: in its clause, before a comma or another verb. */
  protected objectFollows(verb: Token, objects: readonly string[]): boolean {
    for (let j = verb.index + 1; j <= verb.index + 10; j++) {
      const t = this.tok(j);
      if (!t || t.sentence !== verb.sentence || t.value === ',' || t.value === ';' || t.pos === 'VERB') return false;
      if (objects.includes(t.lower)) return true;
    }
    return false;
  }

  /**
   * The author of the act a noun takes up ("the launch", "the move") among the targetless acts told
   * before it: the last one's; none when another author's act of that kind is told there too (no
   * guess). A noun of the act's own kind ("the launch") looks back to the story's start, where the
   * act is told; "the move", "the decision" only two sentences, as for facts (further back, "Berlin
   * welcomed the decision" found a court's ruling told long before, not the decision meant).
   */
  protected toldActAuthors(noun: Token, at: Token): ActorReference[] {
    const any = ANY_ACT_NOUNS.has(noun.lower);
    const actsFrom = (first: number): ToldAct[] => {
      const out: ToldAct[] = [];
      for (let s = first; s <= at.sentence; s++) {
        for (const a of this.toldActs(s)) if (a.verb.index < noun.index && ((any && a.row.ownNounsOnly !== true) || a.row.nouns.includes(noun.lower))) out.push(a);
      }
      return out;
    };
    const acts = actsFrom(any ? Math.max(0, at.sentence - 2) : 0);
    const last = acts[acts.length - 1];
    if (!last) return [];
    const authors = new Set(acts.filter((a) => a.verb.index === last.verb.index).map((a) => a.author.entity));
    if (acts.some((a) => !authors.has(a.author.entity))) return [];
    return [...authors].flatMap((e) => this.earlierActor(e, noun, at) ?? []);
  }

  /** Facts that pass `test`, told in the two sentences before `at`'s or in its own before it, in order. */
  protected recentFacts(at: Token, test: (f: RelationFact) => boolean): RelationFact[] {
    return this.factsTold(at, test, 2, true);
  }

  /** Whether a fact is an act against one of the judges (or their side): the act their judgement answers first. */
  protected againstJudges(judges: readonly ActorReference[]): (f: RelationFact) => boolean {
    return (f) => judges.some((j) => this.isOrOnSideOf(f.target, j.entity));
  }

  /** Acts of these relations against the judges, told (not reported) up to ANSWER_REACH sentences back. */
  protected answeredActs(at: Token, relations: readonly Relation[], onJudge: (f: RelationFact) => boolean): RelationFact[] {
    return this.factsTold(at, (f) => relations.includes(f.relation) && onJudge(f) && !f.reportedBy, ANSWER_REACH, false);
  }

  /**
   * The story's own act: the first event fact of its lede (LEDE_SENTENCES, before `at`'s sentence),
   * with any other author of the same words, when it is of one of `relations`. Only the first: the
   * lede's later facts are mostly what the act is about ("ordered Israel to halt its offensive").
   * Not a meeting: "condemned the visit" judges a host as much as a guest.
   */
  protected ledeAct(at: Token, relations: readonly Relation[]): RelationFact[] {
    const end = this.doc.sentences[Math.min(LEDE_SENTENCES, at.sentence)]?.start ?? 0;
    const lede = this.factsTold(at, (f) => f.start < end && !ROLE_RELATIONS.has(f.relation) && !answeredAct(f), undefined, false);
    const first = lede.reduce<RelationFact | undefined>((a, f) => (a === undefined || f.start < a.start ? f : a), undefined);
    if (!first || SYMMETRIC_RELATIONS.has(first.relation) || !relations.includes(first.relation)) return [];
    return lede.filter((f) => f.start === first.start && f.trigger === first.trigger && f.relation === first.relation);
  }

  /**
   * Facts that pass `test`, told in `at`'s sentence before it or in the `back` sentences before that
   * (any before it when undefined), in order; not negated, and told as done, except (with `offers`)
   * an offer or a pledge, told as what may be ("offered to resume dialogue"), which counts all the same.
   */
  protected factsTold(at: Token, test: (f: RelationFact) => boolean, back: number | undefined, offers: boolean): RelationFact[] {
    const from = back === undefined ? 0 : this.doc.sentences[Math.max(0, at.sentence - back)]?.start ?? 0;
    const to = (this.doc.sentences[at.sentence]?.start ?? 0) + 1;
    return this.facts.filter((f) => f.start >= from && f.start < to && !f.negated && (!f.hypothetical || (offers && OFFERS.has(f.relation))) && test(f));
  }

  /** An actor named before `word` as the end of a fact read at `word` ("the strikes" → their author), with its antecedent. */
  protected earlierActor(entity: string, word: Token, trigger: Token): ActorReference | undefined {
    const entityType = this.entityTypes.get(entity);
    let mention: Mention | undefined;
    for (const m of this.mentions) if (m.entity === entity && m.start < word.start) mention = m;
    if (!entityType || !mention) return undefined;
    return {
      entity, entityType, firstToken: word.index, lastToken: word.index, sentence: trigger.sentence, via: 'description', possessive: false, modifier: false,
      antecedent: { start: mention.start, end: mention.end },
    };
  }
}
