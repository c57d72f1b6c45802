// The whole flow on one screen: ingest → nlp → entities → relations → graph → layout → export.
// Each stage is a folder with one public entry; one document flows through and is released.
import * as path from 'node:path';
import { readDocuments, type IngestOptions, type InputWarning } from './ingest';
import { annotate } from './nlp';
import { buildLexicon, defaultLexicon, recognizeEntities, type AliasEntry } from './entities';
import { extractRelations } from './relations';
import { GraphAccumulator, type NewsGraph } from './graph';
import { layoutGraph, type LayoutOptions } from './layout';
import { exportGraph } from './export';
import { InputError } from './errors';
import type { DocumentResult, SourceDocument } from './types';

export interface PipelineOptions {
  /** Extra or overriding actors (`--aliases FILE`). */
  aliases: readonly AliasEntry[];
  ingest: Partial<IngestOptions>;
  layout: Partial<LayoutOptions>;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = { aliases: [], ingest: {}, layout: {} };

export type Extractor = (source: SourceDocument) => DocumentResult;

/** One document in, everything known about it out: a pure map (what `newsgraph extract` prints). */
export function createExtractor(options: Partial<PipelineOptions> = {}): Extractor {
  const lexicon = options.aliases?.length ? buildLexicon(options.aliases) : defaultLexicon();
  return (source) => {
    const annotated = annotate(source);                       // nlp: tokens, sentences, POS
    const entities = recognizeEntities(annotated, lexicon);    // entities: mentions → one id per actor
    const relations = extractRelations(annotated, entities);   // relations: who did what to whom
    return {
      doc: source.id,
      ...(source.title ? { title: source.title } : {}),
      ...(source.date ? { date: source.date } : {}),
      ...(source.url ? { url: source.url } : {}),
      origin: source.origin,
      mentions: entities.mentions,
      entities: entities.entities,
      facts: [...entities.facts, ...relations],
    };
  };
}

export interface BuildHooks {
  onWarning: (w: InputWarning) => void;
  onDocument?: (result: DocumentResult) => void;
}

/** Reads every input and returns the laid-out graph. Throws InputError when no document is usable. */
export async function buildGraph(inputs: readonly string[], options: Partial<PipelineOptions>, hooks: BuildHooks): Promise<NewsGraph> {
  const extract = createExtractor(options);
  const lexicon = options.aliases?.length ? buildLexicon(options.aliases) : defaultLexicon();
  const graph = new GraphAccumulator(new Map([...lexicon.entities].map(([id, e]) => [id, e.label])));
  let documents = 0;
  let firstWarning: InputWarning | undefined;
  const onWarning = (w: InputWarning): void => {
    firstWarning ??= w;
    hooks.onWarning(w);
  };
  for await (const source of readDocuments(inputs, options.ingest ?? {}, onWarning)) {   // ingest
    const result = extract(source);
    graph.add(result);                                                                     // graph
    hooks.onDocument?.(result);
    documents++;
  }
  if (documents === 0) {
    throw new InputError(firstWarning ? firstWarning.reason : 'no documents found', firstWarning?.file ?? inputs.join(' '));
  }
  const built = graph.finish();
  layoutGraph(built, options.layout ?? {});                                                // layout
  return built;
}

/** Writes DIR/graph.json and DIR/graph.gexf, each atomically. */
export async function writeGraph(graph: NewsGraph, outDir: string): Promise<string[]> {
  const files = [path.join(outDir, 'graph.json'), path.join(outDir, 'graph.gexf')];
  await exportGraph(graph, 'json', files[0] as string);                                    // export
  await exportGraph(graph, 'gexf', files[1] as string);
  return files;
}
