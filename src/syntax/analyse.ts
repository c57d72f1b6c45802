// The models over a document's sentences: model words (words.ts), tags, a parse per sentence mapped
// back onto the pieces, and names found over the whole document.
import type { AnnotatedDocument, SyntaxLayer } from '../types';
import { Tagger } from './tagger';
import { Parser } from './parser';
import { EntityTagger, bilouToSpans } from './ner';
import { modelWords, tokenPieces, tokenTree, type ModelWord, type Piece } from './words';

export interface SyntaxModels {
  readonly tagger: Tagger;
  readonly parser: Parser;
  readonly ner: EntityTagger;
}

let loaded: SyntaxModels | undefined;

/** The shipped models (models/*.bin), loaded on first use; a bad file is a ModelError. */
export function syntaxModels(): SyntaxModels {
  loaded ??= { tagger: Tagger.load(), parser: Parser.load(), ner: EntityTagger.load() };
  return loaded;
}

/** One sentence's analysis, per piece (token): head -1 = the sentence's root, else a piece index. */
export interface PieceAnalysis {
  readonly upos: string[];
  readonly heads: Int32Array;
  readonly deprels: string[];
  /** BIO: B-PER, I-ORG, O. */
  readonly ner: string[];
}

/**
 * Analyses the sentences of one document, each a run of pieces (our tokens, or a treebank's words
 * with `split: false`, which already follow UD). Names are found over the whole document, so a name
 * typed once informs the same word later on.
 */
export function analysePieces(sentences: readonly (readonly Piece[])[], models: SyntaxModels = syntaxModels(), options: { readonly split?: boolean } = {}): PieceAnalysis[] {
  const prepared = sentences.map((pieces) => {
    const words = modelWords(pieces, options.split === false ? { split: false } : {});
    const forms = words.map((w) => w.text);
    return { pieces, words, forms, tags: models.tagger.tag(forms) };
  });
  const names = models.ner.tagDocument(prepared.map((s) => s.forms), prepared.map((s) => s.tags));
  return prepared.map(({ pieces, words, forms, tags }, index) => {
    const count = pieces.length;
    const parse = models.parser.parse(forms, tags);
    const tree = tokenTree(words, Int32Array.from(parse.heads, (h) => h - 1), count);
    const upos = new Array<string>(count);
    const deprels = new Array<string>(count);
    for (let p = 0; p < count; p++) {
      const w = tree.word[p] as number;
      deprels[p] = w >= 0 ? (parse.labels[w] ?? 'dep') : 'goeswith';
      upos[p] = tags[w >= 0 ? w : wordCovering(words, p)] ?? 'X';
    }
    const ner = new Array<string>(count).fill('O');
    for (const span of bilouToSpans(names[index] ?? [])) {
      const first = words[span.first]?.first;
      const last = words[span.last]?.last;
      if (first === undefined || last === undefined) continue;
      for (let p = first; p <= last; p++) ner[p] = `${p === first ? 'B' : 'I'}-${span.type}`;
    }
    return { upos, heads: tree.head, deprels, ner };
  });
}

/** Tags, parses and finds names in every sentence of a document. */
export function analyseSyntax(doc: AnnotatedDocument, models: SyntaxModels = syntaxModels()): SyntaxLayer {
  const n = doc.tokens.length;
  const upos = new Array<string>(n).fill('X');
  const heads = new Int32Array(n).fill(-1);
  const deprels = new Array<string>(n).fill('root');
  const ner = new Array<string>(n).fill('O');
  const analyses = analysePieces(doc.sentences.map((s) => tokenPieces(doc.tokens, s.firstToken, s.lastToken)), models);
  doc.sentences.forEach((s, index) => {
    const a = analyses[index];
    if (!a) return;
    for (let p = 0; p < a.upos.length; p++) {
      const i = s.firstToken + p;
      const h = a.heads[p] as number;
      upos[i] = a.upos[p] as string;
      heads[i] = h < 0 ? -1 : s.firstToken + h;
      deprels[i] = a.deprels[p] as string;
      ner[i] = a.ner[p] as string;
    }
  });
  return { upos, heads, deprels, ner };
}

/** The first model word made from piece p (the words of a sentence cover all its pieces). */
function wordCovering(words: readonly ModelWord[], piece: number): number {
  return Math.max(0, words.findIndex((w) => w.first <= piece && piece <= w.last));
}
