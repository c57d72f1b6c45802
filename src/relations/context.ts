// Shared state of one document's extraction: the tokens and the actor references on them, the
// indexes every layer of the extractor reads (context → walks → evidence → walk-frames →
// tree-frames → index), and the frames by word.
import type { AnnotatedDocument, EntityType, Fact, Mention, SyntaxLayer, Token } from '../types';
import type { ActorReference, EntityLayer } from '../entities';
import { COLLOCATION_FRAMES, ROLE_FRAMES, NOUN_FRAMES, VERB_FRAMES, type CollocationFrame, type Frame, type NounFrame, type RoleFrame } from './frames';
import { DETERMINERS, QUOTES } from './words';
import { DependencyTree, type TreeContext } from './tree';

export const framesByLemma = new Map<string, Frame[]>();
for (const f of VERB_FRAMES) for (const l of f.lemmas) framesByLemma.set(l, [...(framesByLemma.get(l) ?? []), f]);
export const nounFramesByWord = new Map<string, NounFrame[]>();
for (const f of NOUN_FRAMES) for (const n of f.nouns) nounFramesByWord.set(n, [...(nounFramesByWord.get(n) ?? []), f]);
export const roleFramesByLemma = new Map<string, RoleFrame[]>();
for (const f of ROLE_FRAMES) for (const l of f.lemmas) roleFramesByLemma.set(l, [...(roleFramesByLemma.get(l) ?? []), f]);
export const collocationsByVerb = new Map<string, CollocationFrame[]>();
for (const f of COLLOCATION_FRAMES) for (const v of f.verbs) collocationsByVerb.set(v, [...(collocationsByVerb.get(v) ?? []), f]);

export interface RelationFact extends Fact {
  readonly cameo: string;
  readonly goldstein: number;
}

/** Options of one emitted fact beyond its two ends. */
export interface EmitOptions {
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
  /** The verb undoes the act ("lifted sanctions"): the walks' negation is flipped. */
  readonly undone?: boolean;
}

/** Calls fn(x, y) for every pair of a group, x before y: "Trump, Putin and Xi met" → three pairs. */
export function forEachPair<T>(group: readonly T[], fn: (x: T, y: T) => void): void {
  for (let a = 0; a < group.length; a++) {
    for (let b = a + 1; b < group.length; b++) fn(group[a] as T, group[b] as T);
  }
}

/** The document's tokens and references, with the indexes every reader of them shares. */
export abstract class ExtractorState {
  protected readonly tokens: readonly Token[];
  protected readonly refs: ActorReference[];
  /** Reference (if any) that covers each token. */
  protected readonly refAt: Array<ActorReference | undefined>;
  protected readonly quoteDepth: Int8Array;
  /** Tokens inside a comma-delimited parenthetical or apposition. */
  protected readonly parenthetical: Uint8Array;
  /** "person|country" pairs from titles: an actor does not visit or meet its own country. */
  protected readonly belongs = new Set<string>();
  /** Entity id → label, to recognise news outlets by name ("… Press", "… Times"). */
  protected readonly labels = new Map<string, string>();
  protected readonly facts: RelationFact[] = [];
  protected readonly seen = new Set<string>();
  protected readonly tree: DependencyTree | undefined;
  /** The tree with what its readers need (tree.ts), when the document has parsed sentences. */
  protected readonly reader: TreeContext | undefined;
  /** "noun index|frame id" of event nouns the tree has read with their light verb. */
  protected readonly nounsRead = new Set<string>();
  /** "first|last" token → the references on that span (more than one for "both sides"). */
  protected readonly spanMates = new Map<string, ActorReference[]>();
  protected readonly entityTypes = new Map<string, EntityType>();
  /** A fact read from an event noun → that noun ("strikes"), for "condemned the strikes". */
  protected readonly actNouns = new Map<RelationFact, string>();
  protected readonly mentions: readonly Mention[];
  /** People of the news gazetteer → the states or bodies they serve: their side, with no title in the text. */
  protected readonly serves: ReadonlyMap<string, readonly string[]>;

  constructor(protected readonly doc: AnnotatedDocument, layer: EntityLayer, syntax?: SyntaxLayer) {
    this.tokens = doc.tokens;
    this.tree = syntax ? new DependencyTree(doc.tokens, syntax) : undefined;
    this.refs = layer.references.filter((r) => !r.modifier);
    for (const f of layer.facts) if (f.relation === 'leader_of' || f.relation === 'member_of') this.belongs.add(`${f.source}|${f.target}`);
    this.serves = layer.serves;
    for (const e of layer.entities) {
      this.labels.set(e.id, e.label);
      this.entityTypes.set(e.id, e.entityType);
    }
    this.mentions = layer.mentions;
    this.refAt = new Array<ActorReference | undefined>(this.tokens.length);
    if (this.tree) {
      // (Sized from the start, as refAt: written out of order into an empty array, V8 may keep it as a dictionary.)
      const modifierAt = new Array<ActorReference | undefined>(this.tokens.length);
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
  }

  protected tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  /** The countries or bodies a title makes the actor a member or leader of (`belongs`), in the order found. */
  protected sidesOf(entity: string): string[] {
    const prefix = `${entity}|`;
    const titled = [...this.belongs].filter((b) => b.startsWith(prefix)).map((b) => b.slice(prefix.length));
    return [...titled, ...(this.serves.get(entity) ?? []).filter((side) => !titled.includes(side))];
  }

  /** The head noun a possessive actor owns: "Britain's top *sprinters*" (past "'s", adjectives and compounds). */
  protected ownedNoun(r: ActorReference): Token | undefined {
    let k = r.lastToken + 1;
    if (this.tok(k)?.value === "'s" || this.tok(k)?.value === "'") k++;
    while (this.tok(k)?.pos === 'ADJ' || (this.tok(k)?.pos === 'NOUN' && this.tok(k + 1)?.pos === 'NOUN')) k++;
    const t = this.tok(k);
    return t && t.pos === 'NOUN' ? t : undefined;
  }

  /** Whether `target` is the actor itself or its side: "accused Serbia … Vucic denied". */
  protected isOrOnSideOf(target: string, actor: string): boolean {
    return target === actor || this.belongs.has(`${actor}|${target}`) || (this.serves.get(actor)?.includes(target) ?? false);
  }

  /** "the", "its", … and "that" only as a determiner ("that deal"), not as a conjunction ("noted that Gondor …"). */
  protected isDeterminer(t: Token | undefined): boolean {
    return t !== undefined && DETERMINERS.has(t.lower) && (t.lower !== 'that' || t.pos === 'DET');
  }

  protected sameClause(a: Token, b: Token): boolean {
    return a.sentence === b.sentence && this.quoteDepth[a.index] === this.quoteDepth[b.index];
  }

  /** Coordination (walks.ts), which the tree's readers use to expand an end to its conjuncts. */
  protected abstract coordinated(r: ActorReference, direction: 1 | -1, objectList?: boolean, subjectList?: boolean): ActorReference[];
}
