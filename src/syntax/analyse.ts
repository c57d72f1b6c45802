// The models over a document's sentences, in two steps: tag (model words from words.ts, names found
// over the whole document: what extraction needs), then parse (UPOS and a tree per sentence,
// mapped back onto the pieces: what annotate prints).
import type { AnnotatedDocument, SyntaxLayer } from '../types';
import { Tagger } from './tagger';
import { Parser } from './parser';
import { EntityTagger, ENTITY_TYPES, labelSpans, type EntityLabel } from './ner';
import { modelWords, tokenPieces, tokenTree, type ModelWord, type ModelWordOptions, type Piece } from './words';

export interface SyntaxModels {
  readonly tagger: Tagger;
  readonly parser: Parser;
  readonly ner: EntityTagger;
}

/** The shipped models (models/*.bin), each loaded on first use: a run that never parses never loads the parser. */
class ShippedModels implements SyntaxModels {
  private loadedTagger: Tagger | undefined;
  private loadedParser: Parser | undefined;
  private loadedNer: EntityTagger | undefined;

  get tagger(): Tagger {
    return (this.loadedTagger ??= Tagger.load());
  }

  get parser(): Parser {
    return (this.loadedParser ??= Parser.load());
  }

  get ner(): EntityTagger {
    return (this.loadedNer ??= EntityTagger.load());
  }

  release(): void {
    this.loadedTagger = undefined;
    this.loadedParser = undefined;
    this.loadedNer = undefined;
    EntityTagger.release();
  }
}

const shipped = new ShippedModels();

/**
 * Lets the loaded models go, with their word caches (~40 MB of weights, and up to ~30 MB of caches:
 * word-cache.ts); the next use loads them again (~0.4 s). For a build whose extraction is over.
 */
export function releaseSyntaxModels(): void {
  shipped.release();
}

/** The shipped models; a missing or bad file is a ModelError when that model is first used. */
export function syntaxModels(): SyntaxModels {
  return shipped;
}

/** One sentence as the models see it: its pieces (tokens), model words and their forms, and names. */
export interface TaggedSentence {
  readonly pieces: readonly Piece[];
  readonly words: readonly ModelWord[];
  readonly forms: readonly string[];
  /** The words' UPOS tags, when tagged already (the NER reads none: the parser tags what it parses). */
  readonly tags: readonly string[] | undefined;
  /** Per piece, BIO: B-PER, I-ORG, O. */
  readonly ner: readonly string[];
}

/** One parsed sentence, per piece: head -1 = the sentence's root, else a piece index. */
export interface SentenceTree {
  readonly heads: Int32Array;
  readonly deprels: readonly string[];
  /** Per piece: the UPOS of the word carrying its arc. */
  readonly upos: readonly string[];
}

/**
 * Tags the sentences of one document, each a run of pieces (our tokens, or a treebank's words kept
 * as they are with `split: false, merge: false`), and finds names over the whole document, so that a
 * name typed once informs the same word later on.
 */
export function tagSentences(sentences: readonly (readonly Piece[])[], models: SyntaxModels = syntaxModels(), options: ModelWordOptions = {}): TaggedSentence[] {
  const pos = models.ner.usesPos;
  const prepared = sentences.map((pieces) => {
    const words = modelWords(pieces, options);
    const forms = words.map((w) => w.text);
    return { pieces, words, forms, tags: pos ? models.tagger.tag(forms) : undefined };
  });
  const names = models.ner.labelDocument(prepared.map((s) => s.forms), pos ? prepared.map((s) => s.tags) : undefined);
  return prepared.map((s, index) => {
    const count = s.pieces.length;
    const ner = new Array<string>(count).fill('O');
    const labels = names[index];
    if (labels && labels.some((l) => l !== 0)) {
      for (const span of labelSpans(labels)) {
        const first = s.words[span.first]?.first;
        const last = s.words[span.last]?.last;
        if (first === undefined || last === undefined) continue;
        for (let p = first; p <= last; p++) ner[p] = (p === first ? BEGIN_TAG : INSIDE_TAG)[span.type];
      }
    }
    return { ...s, ner };
  });
}

/** BIO tags by entity type, made once. */
const BEGIN_TAG = Object.fromEntries(ENTITY_TYPES.map((t) => [t, `B-${t}`])) as Record<EntityLabel, string>;
const INSIDE_TAG = Object.fromEntries(ENTITY_TYPES.map((t) => [t, `I-${t}`])) as Record<EntityLabel, string>;

/** The UPOS tags and dependency tree of one sentence, over its pieces. */
export function parseSentence(s: TaggedSentence, models: SyntaxModels = syntaxModels(), proper?: (piece: number) => boolean): SentenceTree {
  const count = s.pieces.length;
  let tags = s.tags ?? models.tagger.tag(s.forms);
  // A word inside a name the entity layer found is a proper noun, whatever the tagger said ("Oman"
  // as an interjection before a comma, "Mohamed" as a verb): a wrong tag there misleads the whole parse.
  if (proper) tags = tags.map((tag, w) => (NAME_TAGS.has(tag) || !pieceIn(s.words[w], proper) ? tag : 'PROPN'));
  const parse = models.parser.parse(s.forms, tags);
  const tree = tokenTree(s.words, Int32Array.from(parse.heads, (h) => h - 1), count);
  const deprels = new Array<string>(count);
  const upos = new Array<string>(count);
  for (let p = 0; p < count; p++) {
    const w = tree.word[p] as number;
    deprels[p] = w >= 0 ? (parse.labels[w] ?? 'dep') : 'goeswith';
    upos[p] = tags[w >= 0 ? w : wordCovering(s.words, p)] ?? 'X';
  }
  return { heads: tree.head, deprels, upos };
}

/** Tags a name's word may keep: "Rapid Support Forces" has an adjective and nouns, "Islamic State" an adjective. */
const NAME_TAGS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'PUNCT', 'ADP', 'DET', 'CCONJ', 'PART']);

function pieceIn(word: ModelWord | undefined, proper: (piece: number) => boolean): boolean {
  if (!word) return false;
  for (let p = word.first; p <= word.last; p++) if (proper(p)) return true;
  return false;
}

/** A document's tokens, tagged (the first step): what the entity layer reads. */
export function tagDocument(doc: AnnotatedDocument, models: SyntaxModels = syntaxModels()): TaggedSentence[] {
  return tagSentences(doc.sentences.map((s) => tokenPieces(doc.tokens, s.firstToken, s.lastToken)), models);
}

/** The NER tag (BIO) of each of the document's tokens. */
export function tokenNames(doc: AnnotatedDocument, tagged: readonly TaggedSentence[]): string[] {
  const ner = new Array<string>(doc.tokens.length).fill('O');
  doc.sentences.forEach((s, index) => {
    const t = tagged[index];
    if (t) for (let p = 0; p < t.ner.length; p++) ner[s.firstToken + p] = t.ner[p] as string;
  });
  return ner;
}

/** Tags, parses and finds names in every sentence of a document. */
export function analyseSyntax(doc: AnnotatedDocument, models: SyntaxModels = syntaxModels()): SyntaxLayer {
  const tagged = tagDocument(doc, models);
  const all = (): boolean => true;
  // every sentence tagged, then every sentence parsed (tagForParsing)
  return parseDocument(doc, tagForParsing(tagged, all, models), tokenNames(doc, tagged), all, models);
}

/**
 * The sentences that `select` picks, their UPOS tags added (those tagged already kept as they
 * are), the others as they were: the tagging step of parseDocument, apart, so that a batch of
 * documents can be tagged before any of it is parsed. The tagger's tables and the parser's
 * (~26 MB) then stop pushing each other out of the processor's caches sentence after sentence.
 */
export function tagForParsing(tagged: readonly TaggedSentence[], select: (sentence: number) => boolean, models: SyntaxModels = syntaxModels()): TaggedSentence[] {
  return tagged.map((s, index) => (s.tags !== undefined || !select(index) ? s : { ...s, tags: models.tagger.tag(s.forms) }));
}

/**
 * The tree of each sentence that `select` picks (by sentence index), over a document tagged
 * already: parsing is what costs, so extraction parses only the sentences that can hold a fact.
 */
/** `proper`: tokens inside a name found by the entity layer (parsed as proper nouns). */
export function parseDocument(doc: AnnotatedDocument, tagged: readonly TaggedSentence[], ner: readonly string[], select: (sentence: number) => boolean, models: SyntaxModels = syntaxModels(), proper?: Uint8Array): SyntaxLayer {
  const n = doc.tokens.length;
  const upos = new Array<string>(n).fill('X');
  const heads = new Int32Array(n).fill(-1);
  const deprels = new Array<string>(n).fill('dep');
  const parsed = new Uint8Array(doc.sentences.length);
  doc.sentences.forEach((s, index) => {
    const t = tagged[index];
    if (!t || !select(index)) return;
    parsed[index] = 1;
    const tree = parseSentence(t, models, proper && ((p) => proper[s.firstToken + p] === 1));
    for (let p = 0; p < t.pieces.length; p++) {
      const i = s.firstToken + p;
      const h = tree.heads[p] as number;
      upos[i] = tree.upos[p] as string;
      heads[i] = h < 0 ? -1 : s.firstToken + h;
      deprels[i] = tree.deprels[p] as string;
    }
  });
  return { upos, heads, deprels, ner, parsed };
}

/** The first model word made from piece p (the words of a sentence cover all its pieces). */
function wordCovering(words: readonly ModelWord[], piece: number): number {
  return Math.max(0, words.findIndex((w) => w.first <= piece && piece <= w.last));
}
