// Readings of the whole story, made last from the facts the sentences gave: the pair of sides at
// war or in a trade war, whose unaimed acts and agentless force are the other side's.
import type { Mention, Token } from '../types';
import type { ActorReference } from '../entities';
import { RELATION_CAMEO } from './frames';
import { nounFramesByWord } from './context';
import { verbLemmas } from './words';
import { ActorFinder } from './tree-actors';
import { agentOf, canAct, hypothetical as hypotheticalAt, negated as negatedAt } from './tree';
import { TreeActs } from './tree-acts';

/** Prepositions by which an act names what it is aimed at: "strikes on Y", "tariffs against Y". */
const AIMING_CASES: ReadonlySet<string> = new Set(['on', 'against', 'at', 'in', 'into', 'onto', 'over', 'across']);

/** Verbs of force that, told in the passive with no agent, a story at war makes the other side's ("was killed", "were shelled"). */
const AGENTLESS_FORCE: ReadonlySet<string> = new Set(['attack', 'strike', 'hit', 'shell', 'bomb', 'bombard', 'target', 'raid', 'ambush', 'shoot', 'kill', 'wound', 'injure', 'abduct', 'kidnap']);

/** Verbs of detention that, told in the passive with no agent, are a state's act on the one held ("was arrested", "had been jailed"). */
export const AGENTLESS_DETENTION: ReadonlySet<string> = new Set(['arrest', 'detain', 'jail', 'imprison', 'sentence', 'convict', 'intern']);

/** Mentions of a state before the story's state is told by them: named at least this often, more than any other. */
const STORY_STATE_MENTIONS = 2;

/** A word's key among the words facts were read at: its sentence's start and the word as written. */
const readWord = (sentenceStart: number, word: string): string => `${sentenceStart}|${word}`;

export abstract class TreeStory extends TreeActs {
  /**
   * "Morad Tahbaz had been jailed", "Galstanyan was arrested on Tuesday": detention told in the
   * passive with no agent is a state's act on the one held: the state the words place it in ("held
   * in Iran", "detained in Tehran"), else the story's state, the one named most so far (at least
   * twice, more than any other). CAMEO 173 (arrest, detain). Read last; a verb read already is left alone.
   */
  protected storyDetentions(): void {
    const reader = this.reader;
    if (!reader) return;
    const tree = reader.tree;
    const done = this.readWords();
    const finder = new ActorFinder(reader);
    const named = new Map<string, number>();
    const states = new Set(this.mentions.filter((m) => m.entityType === 'country').map((m) => m.entity));
    for (const [t, last] of this.withLastMentions(states)) {
      // How often the story has named each state: a name, a description or a pronoun once, a demonym
      // half ("a French citizen", "the French embassy" in a story of Mali's junta).
      const r = this.refAt[t.index - 1];
      if (r && r.entityType === 'country' && r.lastToken === t.index - 1) named.set(r.entity, (named.get(r.entity) ?? 0) + (r.via === 'demonym' ? 0.5 : 1));
      if (!tree.parsed(t) || tree.upos(t.index) !== 'VERB' || !verbLemmas(t).some((l) => AGENTLESS_DETENTION.has(l))) continue;
      const subject = tree.child(t.index, 'nsubj:pass');
      const be = tree.child(t.index, 'aux:pass');
      if (subject < 0 || be < 0 || agentOf(tree, t.index) >= 0) continue;
      // ("which led to him being arrested in 1965": a gerund tells of an arrest anywhere, the story's state's or not.)
      if (tree.tokens[be]?.lower === 'being' && tree.child(t.index, 'aux') < 0) continue;
      const sentence = this.doc.sentences[t.sentence];
      if (!sentence || done.has(readWord(sentence.start, t.value))) continue;
      // (People named: "the Britons were detained" told of a group of a state's citizens was judged no act on the state.)
      const victims = finder.at(subject).filter((v) => v.entityType === 'person');
      if (victims.length === 0) continue;
      // "held in Iran", "detained in Tehran": the state the words place it in; another actor in an oblique ("on a warrant from the ICC") leaves it open.
      let placed: ActorReference | undefined;
      let open = false;
      for (const c of tree.children(t.index)) {
        if (tree.deprel(c) !== 'obl') continue;
        const actors = finder.at(c).filter(canAct);
        const state = tree.caseOf(c) === 'in' ? actors.find((r) => r.entityType === 'country') : undefined;
        if (state) placed ??= state;
        else if (actors.length > 0) open = true;
      }
      if (open && !placed) continue;
      const story = placed ? undefined : this.storyState(named);
      const mention = story ? last.get(story) : undefined;
      const source = placed ?? (story && mention ? this.storyReference(story, t, mention) : undefined);
      if (!source) continue;
      const modality = { negated: negatedAt(tree, t.index), hypothetical: hypotheticalAt(tree, t.index) };
      for (const victim of victims) {
        if (victim.entity === source.entity) continue;
        this.emit(source, 'sanctioned', victim, t, 'story-detention', '173', { topicOk: false, modality });
      }
    }
  }

  /** The state named most so far, at least STORY_STATE_MENTIONS times and more than any other. */
  private storyState(named: ReadonlyMap<string, number>): string | undefined {
    let best: string | undefined;
    let most = 0;
    let tie = false;
    for (const [e, n] of named) {
      if (n > most) [best, most, tie] = [e, n, false];
      else if (n === most) tie = true;
    }
    return best && most >= STORY_STATE_MENTIONS && !tie ? best : undefined;
  }

  /**
   * "Trump … halved the levy … Beijing agreed to pause its controls": in a story of two sides at war
   * or in a trade war (the one pair that most attack or sanction facts already join, at least twice
   * and more than any other pair), an attack or sanction noun owned by one side and aimed at no one
   * named ("its export controls", "Israeli strikes overnight") is aimed at the other side. Read last,
   * from the facts the rules found; a noun a fact already read is left alone.
   */
  protected storyOpponents(): void {
    const pair = this.conflictPair();
    const reader = this.reader;
    if (!pair || !reader) return;
    const tree = reader.tree;
    const done = this.readWords();
    const finder = new ActorFinder(reader);
    for (const [t, last] of this.withLastMentions(new Set(pair))) {
      if (!tree.parsed(t) || (tree.upos(t.index) !== 'NOUN' && tree.upos(t.index) !== 'PROPN')) continue;
      const relation = (nounFramesByWord.get(t.lower) ?? []).map((f) => f.relation).find((r) => r === 'attacked' || r === 'sanctioned');
      if (!relation) continue;
      const sentence = this.doc.sentences[t.sentence];
      const head = tree.head(t.index);
      // (Neither the noun nor its verb read already: "cut its tariffs" is the lifting frame's.)
      if (!sentence || done.has(readWord(sentence.start, t.value)) || (head >= 0 && done.has(readWord(sentence.start, this.tok(head)?.value ?? '')))) continue;
      // Aimed at nothing named: no on/against/at/in/into phrase at all ("tariffs on Chinese goods" is the frames' to read).
      const kids = Array.from(tree.children(t.index));
      if (kids.some((c) => AIMING_CASES.has(tree.caseOf(c) ?? ''))) continue;
      const owners = kids.filter((c) => c < t.index && ['nmod:poss', 'amod', 'compound'].includes(tree.deprel(c))).flatMap((c) => finder.at(c)).filter(canAct);
      for (const owner of owners) {
        const side = this.pairSide(owner.entity, pair);
        const other = pair.find((e) => e !== side);
        const mention = other ? last.get(other) : undefined;
        if (!side || !other || !mention) continue;
        const target = this.storyReference(other, t, mention);
        const governed = head >= 0 && ['obj', 'nsubj', 'nsubj:pass', 'obl'].includes(tree.deprel(t.index));
        const modality = { negated: governed && negatedAt(tree, head), hypothetical: governed && hypotheticalAt(tree, head) };
        this.emit(owner, relation, target, t, 'story-opponent', RELATION_CAMEO[relation], { topicOk: false, modality });
      }
    }
  }

  /**
   * "A first shell struck the top floor … Hussam al-Masri, a Reuters cameraman, was killed": in a
   * story of two sides at war (conflictPair), force told in the passive with no agent is the other
   * side's when its victim is on one side, and else the story's attacker's, the side that the facts
   * already read make the author of most attacks (at least two, twice the other's). Read last.
   */
  protected storyAgentless(): void {
    const reader = this.reader;
    if (!reader) return;
    const pair = this.conflictPair() ?? [];
    const tree = reader.tree;
    // Each side that the facts read make an author of force, and how often.
    // (Else a person's own state, else the actor itself.)
    const sideOf = (e: string): string => this.pairSide(e, pair) ?? (this.entityTypes.get(e) === 'person' ? this.sidesOf(e)[0] ?? e : e);
    const attacks = new Map<string, number>();
    for (const f of this.facts) {
      if (f.relation !== 'attacked' || f.negated) continue;
      const side = sideOf(f.source);
      attacks.set(side, (attacks.get(side) ?? 0) + 1);
    }
    const ranked = [...attacks.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const [first, second] = ranked;
    // The story's attacker: the only author of force, or one with twice the attacks of any other.
    const attacker = first && (!second || (first[1] >= 2 && first[1] >= 2 * second[1])) ? first[0] : undefined;
    const authors = new Set([...pair, ...(attacker ? [attacker] : [])]);
    if (authors.size === 0) return;
    const done = this.readWords();
    const finder = new ActorFinder(reader);
    for (const [t, last] of this.withLastMentions(authors)) {
      if (!tree.parsed(t) || tree.upos(t.index) !== 'VERB' || !verbLemmas(t).some((l) => AGENTLESS_FORCE.has(l))) continue;
      const subject = tree.child(t.index, 'nsubj:pass');
      if (subject < 0 || tree.child(t.index, 'aux:pass') < 0 || agentOf(tree, t.index) >= 0) continue;
      const sentence = this.doc.sentences[t.sentence];
      if (!sentence || done.has(readWord(sentence.start, t.value))) continue;
      // ("was killed in an Israeli strike", "by Russian troops": an author in the words is the frames' to read.)
      if (Array.from(tree.children(t.index)).some((c) => tree.deprel(c) === 'obl' && finder.at(c).some(canAct))) continue;
      for (const victim of finder.at(subject)) {
        if (victim.entityType === 'other') continue;
        const side = sideOf(victim.entity);
        const author = pair.includes(side) ? pair.find((e) => e !== side) : attacker;
        const mention = author ? last.get(author) : undefined;
        if (!author || !mention || author === side) continue;
        const source = this.storyReference(author, t, mention);
        const modality = { negated: negatedAt(tree, t.index), hypothetical: hypotheticalAt(tree, t.index) };
        this.emit(source, 'attacked', victim, t, 'story-agentless', RELATION_CAMEO.attacked, { topicOk: false, modality });
      }
    }
  }

  /** The member of the story's pair the actor is, or is on the side of (a minister of one of them). */
  private pairSide(entity: string, pair: readonly string[]): string | undefined {
    return pair.includes(entity) ? entity : this.sidesOf(entity).find((e) => pair.includes(e));
  }

  /** The words facts were read at so far, each with its sentence (readWord): a story reader leaves them alone. */
  private readWords(): ReadonlySet<string> {
    return new Set(this.facts.map((f) => readWord(f.start, f.trigger)));
  }

  /** Each token with the last mention before it of each of `entities`, kept by one pointer: linear in the document. */
  private *withLastMentions(entities: ReadonlySet<string>): Generator<[Token, ReadonlyMap<string, Mention>]> {
    const last = new Map<string, Mention>();
    let m = 0;
    for (const t of this.tokens) {
      while (m < this.mentions.length && (this.mentions[m] as Mention).start < t.start) {
        const mention = this.mentions[m] as Mention;
        if (entities.has(mention.entity)) last.set(mention.entity, mention);
        m++;
      }
      yield [t, last];
    }
  }

  /** A side the story names, standing at the token: its antecedent is its last mention before it. */
  private storyReference(entity: string, t: Token, mention: Mention): ActorReference {
    return {
      entity, entityType: this.entityTypes.get(entity) ?? 'country', firstToken: t.index, lastToken: t.index, sentence: t.sentence,
      via: 'description', possessive: false, modifier: false, antecedent: { start: mention.start, end: mention.end },
    };
  }

  /** The pair of states or bodies that most attack or sanction facts join (negated or not: a truce tells the war too): at least two, and more than any other pair. */
  protected conflictPair(): readonly string[] | undefined {
    const counts = new Map<string, number>();
    // (A person stands for the state or body he serves: "Trump imposed tariffs on China".)
    const sideOf = (e: string): string | undefined => {
      const type = this.entityTypes.get(e);
      if (type === 'country' || type === 'organization') return e;
      return type === 'person' ? this.sidesOf(e).find((x) => this.entityTypes.get(x) === 'country') : undefined;
    };
    for (const f of this.facts) {
      if (f.relation !== 'attacked' && f.relation !== 'sanctioned') continue;
      const a = sideOf(f.source);
      const b = sideOf(f.target);
      if (!a || !b || a === b) continue;
      const key = [a, b].sort().join('\u0000');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [best, second] = ranked;
    if (!best || best[1] < 2 || (second && second[1] >= best[1])) return undefined;
    return best[0].split('\u0000');
  }
}
