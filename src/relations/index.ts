// Relations: tokens + actor references → facts, each with the sentence that proves it.
// Frames (./frames.ts) say which words signal which relation; this file finds the two ends
// (subject to the left, target to the right, swapped in the passive), reads modality
// (negation, conditions, futures) and attributes reported speech.
import type { AnnotatedDocument, Fact, Relation, Token } from '../types';
import type { ActorReference, EntityLayer } from '../entities';
import {
  CLAUSE_BREAKS, HYPOTHETICAL_MARKERS, IRREALIS_VERBS, LIGHT_VERBS, NEGATING_VERBS, NEGATION_WORDS, NOUN_FRAMES,
  SPEECH_LEMMAS, VERB_FRAMES, type Frame, type NounFrame,
} from './frames';

export { GOLDSTEIN, RELATION_CAMEO, VERB_FRAMES, NOUN_FRAMES } from './frames';

const TARGET_WINDOW = 12;
const SUBJECT_WINDOW = 14;
const BE_FORMS: ReadonlySet<string> = new Set(['be', 'is', 'was', 'were', 'been', 'being', 'are', 'get', 'got']);
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our']);
const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '«', '»']);

const framesByLemma = new Map<string, Frame[]>();
for (const f of VERB_FRAMES) for (const l of f.lemmas) framesByLemma.set(l, [...(framesByLemma.get(l) ?? []), f]);
const nounFramesByWord = new Map<string, NounFrame[]>();
for (const f of NOUN_FRAMES) for (const n of f.nouns) nounFramesByWord.set(n, [...(nounFramesByWord.get(n) ?? []), f]);

export interface RelationFact extends Fact {
  readonly cameo: string;
}

export function extractRelations(doc: AnnotatedDocument, layer: EntityLayer): RelationFact[] {
  return new Extractor(doc, layer).run();
}

class Extractor {
  private readonly tokens: readonly Token[];
  private readonly refs: readonly ActorReference[];
  /** Reference (if any) that covers each token. */
  private readonly refAt: Array<ActorReference | undefined>;
  private readonly quoteDepth: Int8Array;
  private readonly facts: RelationFact[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly doc: AnnotatedDocument, layer: EntityLayer) {
    this.tokens = doc.tokens;
    this.refs = layer.references.filter((r) => !r.modifier);
    this.refAt = new Array<ActorReference | undefined>(this.tokens.length);
    for (const r of this.refs) for (let i = r.firstToken; i <= r.lastToken; i++) this.refAt[i] = r;
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
  }

  run(): RelationFact[] {
    for (const t of this.tokens) {
      const verbFrames = t.pos === 'VERB' || t.pos === 'AUX' || (t.pos === 'NOUN' && /ed$/.test(t.lower)) ? framesByLemma.get(t.lemma) : undefined;
      if (verbFrames) for (const f of verbFrames) this.verbFrame(t, f);
      const nounFrames = t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'VERB' ? nounFramesByWord.get(t.lower) : undefined;
      if (nounFrames) for (const f of nounFrames) this.nounFrame(t, f);
      if (t.value === '-') this.compoundAdjective(t);
    }
    return this.facts;
  }

  private tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  private sameClause(a: Token, b: Token): boolean {
    return a.sentence === b.sentence && this.quoteDepth[a.index] === this.quoteDepth[b.index];
  }

  // ---- verb frames -------------------------------------------------------------------------------

  private verbFrame(trigger: Token, frame: Frame): void {
    const prev = this.tok(trigger.index - 1);
    // "the proposed truce": an attributive participle names a thing, it reports no act.
    if (prev && DETERMINERS.has(prev.lower) && frame.id !== 'meet') return;
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
      const target = this.targetOf(trigger, frame);
      if (!target) return;
      if (frame.id === 'want' && this.tok(target.lastToken + 1)?.lower !== 'to' && this.tok(this.coordinated(target, 1).at(-1)!.lastToken + 1)?.lower !== 'to') return;
      const subject = this.subjectOf(trigger);
      if (!subject) return;
      sources = this.coordinated(subject, -1);
      targets = this.coordinated(target, 1);
    }
    for (const s of sources) for (const o of targets) this.emit(s, frame.relation, o, trigger, frame.id, frame.cameo, frame.topicTarget === true);
  }

  private isPassive(trigger: Token): boolean {
    if (!/(ed|en|wn|ht|ck|ld|ne)$/.test(trigger.lower)) return false;
    for (let k = 1; k <= 3; k++) {
      const t = this.tok(trigger.index - k);
      if (!t || t.sentence !== trigger.sentence) return false;
      if (BE_FORMS.has(t.lower) || BE_FORMS.has(t.lemma) && t.pos === 'AUX') return true;
      if (t.pos !== 'ADV' && t.pos !== 'AUX' && t.pos !== 'PART') return false;
    }
    return false;
  }

  /** Nearest actor to the left, in the same clause, that can act (not a topic). */
  private subjectOf(trigger: Token): ActorReference | undefined {
    for (let i = trigger.index - 1; i >= 0 && trigger.index - i <= SUBJECT_WINDOW; i--) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) break;
      if (t.value === ';') break;
      const r = this.refAt[i];
      if (!r) continue;
      if (r.entityType === 'other' || r.entityType === 'place') {
        i = r.firstToken;
        continue;
      }
      // "the lives of Ukrainian troops": an actor after "of" belongs to a noun phrase.
      const before = this.tok(r.firstToken - 1);
      if (before && ['of', 'with', 'between', 'to', 'from', 'for', 'against', 'on'].includes(before.lower) && r.via !== 'pronoun') {
        i = r.firstToken;
        continue;
      }
      return r;
    }
    return undefined;
  }

  /** The target to the right: after one of the frame's prepositions, or a direct object. */
  private targetOf(trigger: Token, frame: Frame): ActorReference | undefined {
    let requiredSeen = frame.requires === undefined;
    let prepSeen = false;
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= TARGET_WINDOW; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      const r = this.refAt[i];
      if (r) {
        if (r.entityType === 'place') return undefined;
        if (r.entityType === 'other' && !frame.topicTarget) {
          i = r.lastToken;
          continue;
        }
        const directOk = frame.preps === undefined || frame.direct === true;
        const afterPrep = prepSeen || (frame.preps?.includes(this.tok(r.firstToken - 1)?.lower ?? '') ?? false);
        if (requiredSeen && ((directOk && !prepSeen) || afterPrep)) {
          if (r.possessive && !frame.topicTarget) return undefined;
          return r;
        }
        if (!afterPrep && frame.preps && !directOk) {
          i = r.lastToken;
          continue;
        }
        return undefined;
      }
      if (frame.requires?.includes(t.lower)) requiredSeen = true;
      if (frame.preps?.includes(t.lower)) prepSeen = true;
      if (CLAUSE_BREAKS.has(t.lower) && !(t.lower === 'and' && !requiredSeen)) return undefined;
      // A gerund ("resuming military aid and intelligence sharing with Kyiv") names an activity, not a new clause.
      const gerund = t.lower.endsWith('ing');
      if (t.pos === 'VERB' && i > trigger.index + 1 && !frame.requires && !gerund) {
        // another verb: its own object follows; "urged X to spare Y" stops at X.
        return undefined;
      }
      if (t.value === ',' ) return undefined;
    }
    return undefined;
  }

  private afterWord(trigger: Token, word: string): ActorReference | undefined {
    for (let i = trigger.index + 1; i < this.tokens.length && i - trigger.index <= 6; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, trigger)) return undefined;
      if (t.lower === word) {
        const r = this.refAt[i + 1] ?? this.refAt[i + 2];
        return r && r.entityType !== 'other' && r.entityType !== 'place' ? r : undefined;
      }
    }
    return undefined;
  }

  /** "Moscow and Kyiv", "Trump and Zelenskyy": the references coordinated with r on one side. */
  private coordinated(r: ActorReference, direction: 1 | -1): ActorReference[] {
    const out = [r];
    let edge = direction > 0 ? r.lastToken : r.firstToken;
    for (;;) {
      const joiner = this.tok(edge + direction);
      if (!joiner || (joiner.lower !== 'and' && joiner.value !== ',')) break;
      const next = this.refAt[edge + 2 * direction];
      // A comma joins a list only when the list goes on ("A, B and C"), not across clauses.
      if (joiner.value === ',' && next) {
        const after = this.tok(direction > 0 ? next.lastToken + 1 : next.firstToken - 1);
        if (after?.lower !== 'and' && after?.value !== ',') break;
      }
      if (!next || next.entityType === 'place' || next.entityType === 'other' !== (r.entityType === 'other')) break;
      out.push(next);
      edge = direction > 0 ? next.lastToken : next.firstToken;
    }
    return out;
  }

  // ---- noun frames -------------------------------------------------------------------------------

  private nounFrame(noun: Token, frame: NounFrame): void {
    if (frame.between) {
      // "talks earlier this week between X and Y": a short adverbial may come first.
      let k = noun.index + 1;
      while (k <= noun.index + 4 && this.tok(k) && this.tok(k)?.lower !== 'between' && !this.refAt[k] && this.tok(k)?.pos !== 'VERB' && this.tok(k)?.value !== ',') k++;
      if (this.tok(k)?.lower !== 'between') return;
      const first = this.refAt[k + 1];
      if (!first || first.entityType === 'other' || first.entityType === 'place') return;
      const both = this.coordinated(first, 1);
      if (both.length < 2) return;
      for (let a = 0; a < both.length; a++) {
        for (let b = a + 1; b < both.length; b++) {
          const x = both[a];
          const y = both[b];
          if (x && y) this.emit(x, frame.relation, y, noun, frame.id, frame.cameo, false);
        }
      }
      return;
    }
    let target: ActorReference | undefined;
    for (let i = noun.index + 1; i <= noun.index + 4; i++) {
      const t = this.tok(i);
      if (!t || !this.sameClause(t, noun)) return;
      if (frame.preps.includes(t.lower)) {
        const r = this.refAt[i + 1] ?? (DETERMINERS.has(this.tok(i + 1)?.lower ?? '') ? this.refAt[i + 2] : undefined) ?? this.refAt[i + 3];
        if (r && r.entityType !== 'place' && (r.entityType !== 'other' || frame.topicTarget)) target = r;
        break;
      }
      if (t.pos === 'VERB' || t.value === ',') return;
    }
    if (!target) return;
    const owner = this.possessor(noun) ?? this.lightVerbSubject(noun);
    if (!owner) return;
    for (const o of this.coordinated(target, 1)) this.emit(owner, frame.relation, o, noun, frame.id, frame.cameo, frame.topicTarget === true);
  }

  /** "Russia's acceptance", "his support", "Trump's 30-minute call". */
  private possessor(noun: Token): ActorReference | undefined {
    for (let i = noun.index - 1; i >= noun.index - 4 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      const r = this.refAt[i];
      if (r) return r.possessive || r.via === 'pronoun' && ['his', 'her'].includes(this.tok(r.firstToken)?.lower ?? '') ? r : undefined;
      if (t.value === "'s" || t.value === "'" || t.pos === 'ADJ' || t.pos === 'NUM' || t.value === '-' || t.pos === 'ADV' || t.pos === 'NOUN') continue;
      return undefined;
    }
    return undefined;
  }

  /** "Witkoff had a lengthy meeting with Putin": the subject of a light verb just before the noun. */
  private lightVerbSubject(noun: Token): ActorReference | undefined {
    for (let i = noun.index - 1; i >= noun.index - 5 && i >= 0; i--) {
      const t = this.tok(i);
      if (!t || t.sentence !== noun.sentence) return undefined;
      if (this.refAt[i]) return undefined;
      if ((t.pos === 'VERB' || t.pos === 'AUX') && LIGHT_VERBS.has(t.lemma)) return this.subjectOf(t);
      if (t.pos === 'VERB') return undefined;
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
    this.emit(actor, frame.relation, target, verb, `${frame.id}:compound`, frame.cameo, frame.topicTarget === true);
  }

  // ---- modality and output -----------------------------------------------------------------------

  private emit(source: ActorReference, relation: Relation, target: ActorReference, trigger: Token, rule: string, cameo: string, topicOk: boolean): void {
    if (source.entity === target.entity) return;
    if (target.entityType === 'other' && !topicOk) return;
    if (source.entityType === 'other' || source.entityType === 'place') return;
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return;
    const negated = this.isNegated(trigger, source);
    const hypothetical = this.isHypothetical(trigger, source);
    const reportedBy = this.reporter(source, trigger);
    const key = `${source.entity}|${relation}|${target.entity}|${trigger.index}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.facts.push({
      source: source.entity, relation, target: target.entity, negated, hypothetical,
      doc: this.doc.source.id, sentence: this.doc.source.text.slice(sentence.start, sentence.end),
      start: sentence.start, end: sentence.end, trigger: trigger.value, rule: `frame:${rule}`, cameo,
      ...(reportedBy ? { reportedBy } : {}),
      ...(this.doc.source.date ? { date: this.doc.source.date } : {}),
    });
  }

  private between(a: number, b: number): Token[] {
    return this.tokens.slice(Math.min(a, b) + 1, Math.max(a, b)) as Token[];
  }

  private isNegated(trigger: Token, source: ActorReference): boolean {
    if (trigger.negated && this.between(source.lastToken, trigger.index).some((t) => NEGATION_WORDS.has(t.lower))) return true;
    const span = this.between(source.lastToken, trigger.index);
    return span.some((t) => NEGATION_WORDS.has(t.lower) || NEGATING_VERBS.has(t.lemma));
  }

  private isHypothetical(trigger: Token, source: ActorReference): boolean {
    const sentence = this.doc.sentences[trigger.sentence];
    const last = sentence ? this.tok(sentence.lastToken) : undefined;
    if (last?.value === '?') return true;
    const span = this.between(Math.min(source.lastToken, trigger.index - 1), trigger.index);
    if (span.some((t) => HYPOTHETICAL_MARKERS.has(t.lower))) return true;
    // "if they surrender, we will …" and "wants Moscow to agree": a condition or an irrealis verb before.
    const first = sentence?.firstToken ?? 0;
    for (let i = trigger.index - 1; i >= first; i--) {
      const t = this.tok(i);
      if (!t) break;
      if (t.lower === 'if' || t.lower === 'unless') return true;
    }
    const prev = this.tok(trigger.index - 1);
    if (prev?.lower === 'to') {
      for (let i = trigger.index - 2; i >= Math.max(first, trigger.index - 8); i--) {
        const t = this.tok(i);
        if (t && IRREALIS_VERBS.has(t.lemma)) return true;
      }
    }
    return false;
  }

  /** "Peskov said Putin had conveyed …": the speaker, when it is not the actor itself. */
  private reporter(source: ActorReference, trigger: Token): string | undefined {
    const sentence = this.doc.sentences[trigger.sentence];
    if (!sentence) return undefined;
    for (let i = Math.min(source.firstToken, trigger.index) - 1; i >= sentence.firstToken; i--) {
      const t = this.tok(i);
      if (t && SPEECH_LEMMAS.has(t.lemma) && (t.pos === 'VERB')) {
        const speaker = this.subjectOf(t);
        return speaker && speaker.entity !== source.entity ? speaker.entity : undefined;
      }
    }
    return undefined;
  }
}
