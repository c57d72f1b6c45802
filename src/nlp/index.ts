// The one file that owns wink-nlp: tokens with character offsets, sentences, POS, lemmas and
// negation scope. Everything downstream works on our Token/Sentence types, never on wink's.
import winkNLP, { type ItsFunction, type ItemSentence } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnnotatedDocument, Sentence, SourceDocument, Token } from '../types';

type WinkNlp = ReturnType<typeof winkNLP>;

/**
 * The wink annotations we read: sentences, negation and POS (lemmas are computed on demand).
 * wink's default pipe also runs its date/money NER, sentiment and custom-entity passes, which
 * nothing here reads; leaving them out gives identical tokens, POS, lemmas, negation flags and
 * sentences (checked on the 2,225 BBC articles) in 6–14% less time.
 */
const WINK_PIPE = ['sbd', 'negation', 'pos'];

/** The part of wink's core model we touch: the lexeme hash (text → lexeme index). */
interface CoreModel {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } };
}
type LoadCore = () => CoreModel;

/**
 * A wink instance whose tokeniser sees every document as a fresh instance would.
 *
 * wink adds each unseen word to its lexeme hash, and its tokeniser decides splits by looking
 * words up there: once any document has taught it "U.S", every later "U.S." is split into
 * "U.S" + "." — so a document's tokens (and then its entities) depended on which documents the
 * process read before it, breaking byte-identical output across `--jobs` and the cache.
 * Building an instance per document costs ~200 ms, so instead the tokeniser's lookups go to a
 * separate hash: the model's own lexicon underneath (as prototype) plus only the words this
 * document has added, cleared before the next one. wink's adds still go to the real hash, so
 * lexemes keep their indices and properties (which depend on the word alone) across documents
 * and memory grows with distinct words, as before.
 */
class IsolatedWink {
  readonly engine: WinkNlp;
  /** What wink's lookups see: own keys = words added in this document; prototype = lexicon. */
  private readonly visible: Record<string, number>;
  private readonly addedHere: string[] = [];

  constructor() {
    let visible: Record<string, number> | undefined;
    let core: CoreModel | undefined;
    const loadCore = (): CoreModel => {
      core = (model.core as LoadCore)();
      visible = Object.create(core.features.lexeme.hash) as Record<string, number>;
      // wink's cache captures this object for its lookups when it is built, just below
      core.features.lexeme.hash = visible;
      return core;
    };
    this.engine = winkNLP({ ...model, core: loadCore }, WINK_PIPE);
    if (!core || !visible) throw new Error('wink-nlp did not load its core model');
    this.visible = visible;
    // From here on wink's adds read and write the real hash (it reads this property per call).
    core.features.lexeme.hash = this.recordingHash(core.features.lexeme.intrinsicSize);
  }

  /** Forget the previous document's words, so lookups match a fresh instance. */
  beginDocument(): void {
    for (const word of this.addedHere) delete this.visible[word];
    this.addedHere.length = 0;
  }

  /**
   * The real hash: every word ever added (own keys) over the lexicon (prototype, never written),
   * wrapped so that each out-of-lexicon word an add touches becomes visible to this document.
   */
  private recordingHash(intrinsicSize: number): Record<string, number> {
    const lexicon = Object.getPrototypeOf(this.visible) as Record<string, number>;
    const real = Object.create(lexicon) as Record<string, number>;
    const reveal = (word: string, index: number): void => {
      if (index < intrinsicSize || Object.prototype.hasOwnProperty.call(this.visible, word)) return;
      this.visible[word] = index;
      this.addedHere.push(word);
    };
    return new Proxy(real, {
      get(target, word) {
        const index = target[word as string];
        if (typeof word === 'string' && index !== undefined) reveal(word, index);
        return index;
      },
      set(target, word, index: number) {
        target[word as string] = index;
        if (typeof word === 'string') reveal(word, index);
        return true;
      },
    });
  }
}

let shared: IsolatedWink | undefined;

/** Loading the model takes ~100 ms, so it is done once per process (or worker). */
function nlp(): IsolatedWink {
  shared ??= new IsolatedWink();
  return shared;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

export function annotate(source: SourceDocument): AnnotatedDocument {
  const wink = nlp();
  wink.beginDocument();
  const engine = wink.engine;
  const its = engine.its;
  const doc = engine.readDoc(source.text);
  const tokenItems = doc.tokens();
  // wink's typings disagree with its own `its` helpers (lemma takes model add-ons): one cast here.
  const column = <T>(f: unknown): T[] => tokenItems.out(f as ItsFunction<T>) as unknown as T[];
  const values = column<string>(its.value);
  const spaces = column<string>(its.precedingSpaces);
  const pos = column<string>(its.pos);
  const lemmas = column<string>(its.lemma);
  const negations = column<boolean>(its.negationFlag);

  const sentenceOfToken = new Int32Array(values.length);
  const spans: Array<[number, number]> = [];
  doc.sentences().each((s: ItemSentence) => {
    const span = s.out(its.span) as unknown as [number, number];
    spans.push(span);
  });
  spans.forEach(([first, last], index) => sentenceOfToken.fill(index, first, last + 1));

  // wink's tokenisation is nearly lossless: preceding spaces + values rebuild the text, which
  // gives every token exact character offsets. It drops some control whitespace (\v, \f), so
  // each token is located from where the previous one ended rather than by adding lengths.
  const text = source.text;
  const tokens: Token[] = [];
  let offset = 0;
  let wordIndex = 0;
  let pendingBreak = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const space = spaces[i] ?? '';
    if (LINE_BREAK.test(space)) pendingBreak = true;
    if (value.trim() === '') {
      // whitespace tokens (line breaks wink keeps as tokens) only mark line starts
      if (LINE_BREAK.test(value)) pendingBreak = true;
      const at = text.indexOf(value, offset);
      if (at >= 0 && value !== '') offset = at + value.length;
      continue;
    }
    const expected = offset + space.length;
    const start = text.startsWith(value, expected) ? expected : text.indexOf(value, offset);
    if (start < 0) continue; // a token wink normalised away from the text: no offsets to give
    if (LINE_BREAK.test(text.slice(offset, start))) pendingBreak = true;
    offset = start + value.length;
    tokens.push({
      index: wordIndex++,
      start,
      end: offset,
      value,
      lower: value.toLowerCase(),
      pos: pos[i] ?? 'X',
      lemma: lemmas[i] ?? value.toLowerCase(),
      negated: negations[i] === true,
      sentence: sentenceOfToken[i] ?? 0,
      lineStart: pendingBreak,
    });
    pendingBreak = false;
  }

  // Sentences: wink sentences re-indexed to our word tokens; a line break also ends a
  // sentence, because headlines, bylines and bullet lists carry no final punctuation.
  const sentences: Sentence[] = [];
  let first = -1;
  for (const t of tokens) {
    const prev = first >= 0 ? tokens[t.index - 1] : undefined;
    const breaks = prev !== undefined && (prev.sentence !== t.sentence || t.lineStart);
    if (first < 0) first = t.index;
    else if (breaks) {
      pushSentence(sentences, tokens, first, t.index - 1);
      first = t.index;
    }
  }
  if (first >= 0) pushSentence(sentences, tokens, first, tokens.length - 1);

  const reindexed = tokens.map((t) => t);
  for (const s of sentences) {
    for (let i = s.firstToken; i <= s.lastToken; i++) {
      const t = reindexed[i];
      if (t && t.sentence !== s.index) reindexed[i] = { ...t, sentence: s.index };
    }
  }
  return { source, tokens: reindexed, sentences };
}

function pushSentence(sentences: Sentence[], tokens: readonly Token[], first: number, last: number): void {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return;
  sentences.push({ index: sentences.length, start: a.start, end: b.end, firstToken: first, lastToken: last });
}
