// Named-entity tagging (PER / LOC / ORG / MISC) as greedy BILOU sequence labelling with an averaged
// perceptron (Ratinov & Roth 2009; spaCy v1's NER): each word's label is chosen left to right from
// hashed integer features of the word, its shape and affixes, its POS, the words around it, the two
// labels chosen before it, gazetteer n-grams covering it, and what the same word was labelled earlier
// in the document. Only label sequences BILOU allows are ever produced.
//
// Strings are hashed once per word type (a per-tagger cache); the hot loop combines integers.
// The labels, the gazetteer table, the features and the fast decoder live in ner-*.ts; this file
// loads the model and turns a document into entity mentions, and re-exports the parts.
import * as path from 'node:path';
import { ModelError } from '../errors';
import { decodeModel, readModelFile, type ModelContent } from '../learn';
import type { AnnotatedDocument, Token } from '../types';
import { MODELS_DIR } from '../version';
import { modelForm, tokenWords, type ModelWord } from './words';
import { BILOU_LABELS, bilouToSpans, CLASSES, type EntityLabel, type EntitySpan } from './ner-labels';
import { decodeGazetteer } from './ner-gazetteer';
import { decodeSentence, NER_TEMPLATES_HASH, NerFeaturizer, type NerFeatureSettings, type NerModelParts } from './ner-features';
import { exactSums, MAX_TERMS, NerDecoder } from './ner-decoder';

export { allowedAfter, BILOU_LABELS, bilouToSpans, ENTITY_TYPES, labelId, labelSpans, spansToBilou, type EntityLabel, type EntitySpan } from './ner-labels';
export { decodeGazetteer, encodeGazetteer, Gazetteer, GAZETTEER_CATEGORIES, GAZETTEER_MAX_WORDS, GAZETTEER_PREFIX, gazetteerKey, gazetteerStep, lowerForm } from './ner-gazetteer';
export {
  bestAllowed, decodeSentence, DEFAULT_NER_FEATURES, NER_TEMPLATES_HASH, NerFeaturizer, wordShape,
  type History, type NerFeatureSettings, type NerModelParts, type PreparedSentence,
} from './ner-features';
export { exactSums, NerDecoder } from './ner-decoder';

// ---- the run-time tagger -----------------------------------------------------------------------

export const NER_MODEL_KIND = 'ner';

export function defaultNerModelFile(): string {
  return path.join(MODELS_DIR, 'ner.bin');
}

function settingsOf(content: ModelContent, file: string): NerFeatureSettings {
  const s = content.settings['features'] as Partial<NerFeatureSettings> | undefined;
  if (!s || typeof s.pos !== 'boolean' || typeof s.gazetteer !== 'boolean' || typeof s.history !== 'boolean' || typeof s.docCase !== 'boolean') {
    throw new ModelError('model file has no NER feature settings', file);
  }
  return { pos: s.pos, gazetteer: s.gazetteer, history: s.history, docCase: s.docCase };
}

/** The model parts of a decoded NER model file. */
export function nerPartsOf(content: ModelContent, file: string): NerModelParts {
  const section = content.sections.find((s) => s.name === 'ner');
  if (!section) throw new ModelError('model file has no ner section', file);
  if (section.labels.join(',') !== BILOU_LABELS.join(',')) throw new ModelError('model file has other NER labels than this code', file);
  const settings = settingsOf(content, file);
  const gazetteer = settings.gazetteer ? decodeGazetteer(content.tables['gazetteer'], file) : undefined;
  return { model: section.model, gazetteer, settings };
}

export class EntityTagger {
  private readonly featurizer: NerFeaturizer;
  /** The fast decoder, when the model's sums are exact (see exactSums); else decodeSentence. */
  private readonly decoder: NerDecoder | undefined;
  private readonly scores = new Float64Array(CLASSES);
  private static readonly loaded = new Map<string, EntityTagger>();

  constructor(
    private readonly parts: NerModelParts,
    readonly header: { readonly settings: Readonly<Record<string, unknown>>; readonly scores: Readonly<Record<string, unknown>> } = { settings: {}, scores: {} },
  ) {
    this.featurizer = new NerFeaturizer(parts.settings, parts.gazetteer);
    this.decoder = exactSums(parts.model, MAX_TERMS) ? new NerDecoder(parts.model, this.featurizer) : undefined;
  }

  /** Loads (once per process) the NER model; every failure is a one-line ModelError. */
  static load(file: string = defaultNerModelFile()): EntityTagger {
    const key = path.resolve(file);
    let tagger = EntityTagger.loaded.get(key);
    if (!tagger) {
      tagger = EntityTagger.fromContent(readModelFile(key, { kind: NER_MODEL_KIND, templates: NER_TEMPLATES_HASH }), key);
      EntityTagger.loaded.set(key, tagger);
    }
    return tagger;
  }

  /** Forgets the models load() keeps: the next load() reads the file again. */
  static release(): void {
    EntityTagger.loaded.clear();
  }

  /** From a model file's bytes (not cached). */
  static decode(bytes: Buffer, file = 'ner'): EntityTagger {
    return EntityTagger.fromContent(decodeModel(bytes, file, { kind: NER_MODEL_KIND, templates: NER_TEMPLATES_HASH }), file);
  }

  static fromContent(content: ModelContent, file = 'ner'): EntityTagger {
    return new EntityTagger(nerPartsOf(content, file), { settings: content.settings, scores: content.scores });
  }

  /** Whether the model reads POS tags (callers may skip tagging when it does not). */
  get usesPos(): boolean {
    return this.parts.settings.pos;
  }

  /** BILOU tags of one sentence taken alone (no document context). */
  tag(words: readonly string[], tags?: readonly string[]): string[] {
    return this.tagDocument([words], tags ? [tags] : undefined)[0] ?? [];
  }

  /**
   * BILOU tags of every sentence of a document, in order: a name typed once informs the same word
   * later in the document.
   */
  tagDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): string[][] {
    return this.labelDocument(sentences, tags).map((labels) => Array.from(labels, (l) => BILOU_LABELS[l] as string));
  }

  /** Spans of every sentence of a document. */
  spansOfDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): EntitySpan[][] {
    return this.tagDocument(sentences, tags).map(bilouToSpans);
  }

  /** Label ids (indices into BILOU_LABELS) of every sentence of a document. */
  labelDocument(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[] | undefined)[]): Uint8Array[] {
    const f = this.featurizer;
    const prepared = f.prepareDocument(sentences, tags);
    const history = this.parts.settings.history ? NerFeaturizer.newHistory() : undefined;
    const labels = prepared.map((s) => {
      const out = new Uint8Array(s.length);
      if (this.decoder) this.decoder.decode(s, history, this.scores, out);
      else decodeSentence(this.parts.model, f, s, history, this.scores, out);
      if (history) NerFeaturizer.remember(history, s, out);
      return out;
    });
    return labels;
  }
}

// ---- from annotated text to mentions -------------------------------------------------------------

/** A named entity found in a document: character offsets, token range, sentence. */
export interface EntityMention {
  readonly start: number;
  /** End-exclusive. */
  readonly end: number;
  readonly type: EntityLabel;
  readonly firstToken: number;
  /** Inclusive. */
  readonly lastToken: number;
  readonly sentence: number;
}

/**
 * Character offsets of model words: a word made of whole tokens spans them; the words a token is
 * split into ("McDonald's" → McDonald 's) are located inside it in order.
 */
export function wordOffsets(tokens: readonly Token[], words: readonly ModelWord[]): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(words.length);
  const end = new Int32Array(words.length);
  let at = -1;
  let inToken = 0;
  words.forEach((w, k) => {
    const first = tokens[w.first] as Token;
    const last = tokens[w.last] as Token;
    if (w.first !== w.last) {
      start[k] = first.start;
      end[k] = last.end;
      at = -1;
      return;
    }
    if (at !== w.first) {
      at = w.first;
      inToken = 0;
    }
    const form = modelForm(first.value);
    const found = form.indexOf(w.text, inToken);
    const from = found >= 0 ? found : inToken;
    start[k] = first.start + Math.min(from, first.value.length);
    end[k] = first.start + Math.min(from + w.text.length, first.value.length);
    inToken = from + w.text.length;
  });
  return { start, end };
}

/**
 * The named entities of an annotated document: each sentence's tokens become model words
 * (words.ts), tagged with POS when the model reads it (`pos`), then labelled in document order.
 */
export function documentEntities(doc: AnnotatedDocument, tagger: EntityTagger, pos?: (words: readonly string[]) => string[]): EntityMention[] {
  const sentenceWords = doc.sentences.map((s) => tokenWords(doc.tokens, s.firstToken, s.lastToken));
  const texts = sentenceWords.map((ws) => ws.map((w) => w.text));
  const tags = tagger.usesPos && pos ? texts.map((t) => pos(t)) : undefined;
  const spans = tagger.spansOfDocument(texts, tags);
  const mentions: EntityMention[] = [];
  spans.forEach((list, s) => {
    const words = sentenceWords[s] as ModelWord[];
    const offsets = wordOffsets(doc.tokens, words);
    for (const span of list) {
      const a = words[span.first] as ModelWord;
      const b = words[span.last] as ModelWord;
      mentions.push({ start: offsets.start[span.first] as number, end: offsets.end[span.last] as number, type: span.type, firstToken: a.first, lastToken: b.last, sentence: s });
    }
  });
  return mentions;
}
