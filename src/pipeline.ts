// The whole flow on one screen: ingest → nlp → entities → relations → store → graph → layout → export.
// Each stage is a folder with one public entry. Documents stream through one at a time: read,
// extracted (in worker threads when --jobs > 1, results put back in input order), written to the
// store and released; the graph is then derived from the store, so memory follows the graph, not
// the corpus.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputPath, readDocuments, type IngestOptions, type InputFile, type InputWarning } from './ingest';
import { Extraction, lexiconFor } from './extract';
import type { AliasEntry } from './entities';
import { indexCuration, type Curation, type CurationIndex } from './graph/curation';
import { GraphAccumulator, resolveGraphOptions, type GraphInput, type GraphOptions, type NewsGraph } from './graph';
import { layoutGraph, resolveLayoutOptions, type LayoutOptions, type LayoutSummary } from './layout';
import { exportGraph } from './export';
import { cacheKey, documentHash, extractionCodeHash, parseCodeHash, pipelineVersion, STORE_FILE, StoreCache, storeError, StoreWriter, type CodeHash, type ExtractLine } from './store';
import { readInParts, type JoinedLine } from './extract-parts';
import { readFactLines } from './store/from-facts';
import { crashPoint, GENERATION_META, GenerationWriter } from './store/generation';
import { lockDirectory } from './store/lock';
import { orderedMap, resolveJobs } from './workers/pool';
import { collectGarbage } from './workers/memory';
import { InputError, OutputError, messageOf } from './errors';
import { annotate } from './nlp';
import { analyseSyntax, annotateConllu, documentConllu, documentJson, readConllu, releaseSyntaxModels, type UdSentence } from './syntax';
import { documentMetadata, type DocumentResult, type SourceDocument } from './types';

export interface PipelineOptions {
  /** Extra or overriding actors (`--aliases FILE`). */
  aliases: readonly AliasEntry[];
  ingest: Partial<IngestOptions>;
  layout: Partial<LayoutOptions>;
  graph: Partial<GraphOptions>;
  /** Extraction threads (`--jobs`); 1 extracts in this thread. Default: one per core. */
  jobs?: number;
  /** An analyst's decisions (`--curation FILE`, src/graph/curation.ts): its entities join the aliases, the rest acts in the graph stage. */
  curation?: Curation;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = { aliases: [], ingest: {}, layout: {}, graph: {} };

export { createExtractor, documentLine, Extraction, POOL_AFTER_DOCUMENTS, type Extractor } from './extract';

export interface ExtractHooks {
  onWarning: (w: InputWarning) => void;
}

/** Reads the inputs and yields each document's extract line, in input order (`newsgraph extract`). */
export async function* extractLines(inputs: readonly string[], options: Partial<PipelineOptions>, hooks: ExtractHooks): AsyncGenerator<string> {
  const jobs = resolveJobs(options.jobs);
  const extraction = new Extraction(jobs, options.aliases ?? []);
  try {
    yield* orderedMap(readDocuments(inputs, options.ingest ?? {}, hooks.onWarning), (source) => extraction.line(source), extraction.readAhead, extraction.settle);
  } finally {
    await extraction.close();
  }
}

export type AnnotateFormat = 'conllu' | 'json';

/** Reads the inputs and yields each document's analysis by the trained models, in input order (`newsgraph annotate`). */
export async function* annotateLines(inputs: readonly string[], options: Partial<PipelineOptions>, format: AnnotateFormat, hooks: ExtractHooks): AsyncGenerator<string> {
  for await (const source of readDocuments(inputs, options.ingest ?? {}, hooks.onWarning)) {
    const doc = annotate(source);
    const layer = analyseSyntax(doc);
    yield format === 'json' ? `${documentJson(doc, layer)}\n` : documentConllu(doc, layer);
  }
}

/** `newsgraph annotate --pretokenized`: each CoNLL-U file's own words analysed, as CoNLL-U. */
export function* annotatePretokenized(files: readonly string[]): Generator<string> {
  for (const file of files) {
    let sentences: UdSentence[];
    try {
      sentences = readConllu(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(code === 'ENOENT' ? 'no such file' : code ? `cannot read (${code})` : messageOf(e).replace(/^.*?:(\d+): (.*)$/s, 'not CoNLL-U (line $1: $2)'), file);
    }
    yield annotateConllu(sentences);
  }
}

export interface BuildOptions extends PipelineOptions {
  /** The output directory: DIR/newsgraph.db, DIR/graph.json, DIR/graph.gexf. */
  out: string;
  /** Add the inputs to the store already in `out` instead of building it anew (`--update DIR`). */
  update: boolean;
  /** The inputs are `newsgraph extract` NDJSON, not documents (`--from-facts`). */
  fromFacts: boolean;
}

export type DocumentOutcome = 'extracted' | 'cached' | 'unchanged' | 'replaced' | 'refreshed';

export interface BuildHooks {
  onWarning: (w: InputWarning) => void;
  /** Called once per input document, in input order, with what happened to it. */
  onDocument?: (outcome: DocumentOutcome, id: string) => void;
}

export interface BuildSummary {
  readonly graph: NewsGraph;
  readonly files: string[];
  /** Documents in the store, hence in the graph. */
  readonly documents: number;
  readonly outcomes: Readonly<Record<DocumentOutcome, number>>;
  /** Wall-clock milliseconds per phase, for `npm run bench` and --verbose. */
  readonly timings: Readonly<{ extract: number; graph: number; layout: number; write: number }>;
  /** Connected components laid out, and how many of them came from the store's layout cache. */
  readonly layout: Readonly<LayoutSummary>;
}

/** One input on its way into the store: a document to extract, or a result already known. */
type Planned =
  | { kind: 'extract'; source: SourceDocument; hash: string; key: string; outcome: DocumentOutcome }
  | { kind: 'known'; id: string; origin: string; hash: string; key: string | null; line: string | JoinedLine; result?: ExtractLine; text: string | null; outcome: DocumentOutcome; source?: SourceDocument };

/**
 * `newsgraph build`: inputs → store → graph → DIR/graph.json and DIR/graph.gexf.
 *
 * A full build writes a new store and reuses the old store's extractions whose cache key (pipeline
 * version + document) still matches. `update` adds to the existing store: documents already in it
 * (same id and text) are skipped, changed ones replaced in place, and documents extracted by an
 * older pipeline redone; the graph is then derived from the whole store, so it equals a full build
 * of every document in store order.
 */
export async function build(inputs: readonly BuildInput[], options: Partial<BuildOptions> & { out: string }, hooks: BuildHooks): Promise<BuildSummary> {
  // One writer per directory (store/lock.ts): taken before any work, held to the end.
  if (!options.update && !fs.existsSync(options.out)) {
    try {
      fs.mkdirSync(options.out, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create the directory (${messageOf(e)})`, options.out, { cause: e });
    }
  }
  const lock = options.update && !fs.existsSync(options.out) ? undefined : lockDirectory(options.out, options.update ? 'build --update' : 'build');
  const session = new BuildSession(options);
  try {
    return await session.run(inputs, { ...options, once: true }, hooks);
  } finally {
    await session.close();
    lock?.release();
  }
}

/** What a build reads besides documents: a file under a directory input keeps the id a walk of that directory gives it. */
export type BuildInput = string | InputFile;

/**
 * Builds of one output directory that share what is slow to load: the language model (or the
 * worker threads holding it), the gazetteer's labels, and the graph folded from the store. A
 * resident process (`newsgraph watch`) keeps one open, so an update that only adds documents
 * folds just those into the graph of the store as it left it. Every run gives the bytes a
 * one-shot build() of the same store would.
 */
export class BuildSession {
  private readonly aliases: readonly AliasEntry[];
  private readonly curation: CurationIndex | undefined;
  private readonly graphOptions: GraphOptions;
  private readonly layoutOptions: LayoutOptions;
  private readonly extraction: Extraction;
  private versions: { code: CodeHash; version: string } | undefined;
  private labels: { map: Map<string, string>; kept: string | undefined } | undefined;
  /** The store's graph inputs as of this session's last commit, folded; `stamp` tells whether another process changed it since. */
  private folded: { accumulator: GraphAccumulator; stamp: string } | undefined;

  constructor(private readonly options: Partial<PipelineOptions> & { out: string }) {
    this.aliases = [...(options.aliases ?? []), ...(options.curation?.entities ?? [])];
    this.curation = options.curation ? indexCuration(options.curation) : undefined;
    this.graphOptions = resolveGraphOptions(options.graph ?? {});
    this.layoutOptions = resolveLayoutOptions(options.layout ?? {});
    this.extraction = new Extraction(resolveJobs(options.jobs), this.aliases);
  }

  async close(): Promise<void> {
    this.folded = undefined;
    await this.extraction.close();
  }

  /** `once`: the session's last run (a one-shot build), whose extraction threads end as soon as every document is extracted. */
  async run(inputs: readonly BuildInput[], mode: { update?: boolean; fromFacts?: boolean; once?: boolean }, hooks: BuildHooks): Promise<BuildSummary> {
    const { options, extraction } = this;
    const out = options.out;
    const update = mode.update === true;
    const outcomes: Record<DocumentOutcome, number> = { extracted: 0, cached: 0, unchanged: 0, replaced: 0, refreshed: 0 };
    const folded = this.folded;
    this.folded = undefined; // until this run commits: a failed run leaves the accumulator half-added
    if (update && !fs.existsSync(out)) StoreWriter.update(out); // says there is nothing to update
    // The new files are staged as one generation, committed at once at the end (store/generation.ts).
    const generation = GenerationWriter.begin(out);
    let store: StoreWriter;
    try {
      store = update ? StoreWriter.update(out) : StoreWriter.create(out, generation.stagedPath(STORE_FILE));
    } catch (e) {
      generation.abort();
      throw e;
    }
    const cache = update ? undefined : StoreCache.open(out, (file, reason) => hooks.onWarning({ file, reason: `damaged (${reason}): not reused; this build writes a new store` }));
    let storeCommitted = false;
    try {
      const { code, version } = (this.versions ??= ((): { code: CodeHash; version: string } => {
        const code = extractionCodeHash(parseCodeHash(store.meta(CODE_HASH) ?? cache?.meta(CODE_HASH)));
        return { code, version: pipelineVersion(this.aliases, code) };
      })());
      const count = (outcome: DocumentOutcome, id: string): void => {
        outcomes[outcome]++;
        hooks.onDocument?.(outcome, id);
      };
      const lookup = (key: string): string | JoinedLine | undefined => cache?.get(key) ?? store.cached(key);
      /** Stored documents being extracted again for a new pipeline (id → their new cache key). */
      const refreshing = new Map<string, string>();

      // What each input becomes; decided in input order, before extraction starts on it.
      const plan = (source: SourceDocument): Planned | undefined => {
        const hash = documentHash(source);
        const key = cacheKey(version, source);
        let outcome: DocumentOutcome = 'extracted';
        if (update) {
          const same = store.byId(source.id);
          if (same && same.hash === hash && (same.cacheKey === key || refreshing.get(source.id) === key)) {
            count('unchanged', source.id);
            return undefined;
          }
          const twin = same ? undefined : store.byHash(hash);
          if (twin) {
            hooks.onWarning({ file: source.origin, reason: `same text as ${twin.id} (already in the store), skipped` });
            return undefined;
          }
          if (same) outcome = 'replaced';
        }
        const cached = lookup(key);
        if (cached !== undefined) {
          // (a long document's line stays in its pieces: the store parses them one by one)
          return { kind: 'known', id: source.id, origin: source.origin, hash, key, line: cached, text: source.text, outcome: outcome === 'extracted' ? 'cached' : outcome, source };
        }
        return { kind: 'extract', source, hash, key, outcome };
      };

      const planFacts = (fact: { origin: string; line: string; result: ExtractLine }): Planned | undefined => {
        const id = fact.result.doc;
        const same = store.byId(id);
        if (same && same.hash === fact.result.hash) {
          count('unchanged', id);
          return undefined;
        }
        const twin = same ? undefined : store.byHash(fact.result.hash);
        if (twin) {
          hooks.onWarning({ file: fact.origin, reason: `same document as ${twin.id}, skipped` });
          return undefined;
        }
        return { kind: 'known', id, origin: fact.origin, hash: fact.result.hash, key: null, line: fact.line, result: fact.result, text: null, outcome: same ? 'replaced' : 'extracted' };
      };

      async function* planned(): AsyncGenerator<Planned> {
        if (update) {
          // Documents extracted by an older pipeline: redo them so the store is as a full build leaves it.
          for (const seq of store.stale(version)) {
            const source = store.source(seq);
            if (!source) continue;
            const key = cacheKey(version, source);
            refreshing.set(source.id, key);
            yield { kind: 'extract', source, hash: documentHash(source), key, outcome: 'refreshed' };
          }
        }
        if (mode.fromFacts) {
          const seenIds = new Set<string>();
          for await (const fact of readFactLines(inputs.map(inputPath), hooks.onWarning, options.ingest?.stdin)) {
            if (seenIds.has(fact.result.doc)) {
              hooks.onWarning({ file: fact.origin, reason: `document id "${fact.result.doc}" already used, skipped` });
              continue;
            }
            seenIds.add(fact.result.doc);
            const p = planFacts(fact);
            if (p) yield p;
          }
          return;
        }
        for await (const source of readDocuments(inputs, options.ingest ?? {}, hooks.onWarning)) {
          const p = plan(source);
          if (p) yield p;
        }
      }

      let extractedInParts = false;
      const resolve = async (p: Planned): Promise<Extract<Planned, { kind: 'known' }>> => {
        if (p.kind === 'known') return p;
        extractedInParts ||= readInParts(p.source);
        const line = await extraction.joined(p.source);
        return { kind: 'known', id: p.source.id, origin: p.source.origin, hash: p.hash, key: p.key, line, text: p.source.text, outcome: p.outcome, source: p.source };
      };

      // The fold of the store this session committed last goes on, if nothing but new documents
      // (appended to the store's order) comes in and no other process wrote the store since.
      let appended: GraphInput[] | undefined = folded && update && folded.stamp === storeStamp(store.file) ? [] : undefined;
      const started = performance.now();
      // In a function of its own: the last document (its text, line and result: for a 10 MB
      // document ~90 MB) goes with the function's frame instead of living on through the graph
      // stage in a variable of this one.
      const storeAll = async (): Promise<void> => {
        // Each extraction thread holds ~0.3 GB (models, word caches, its heap) that the store, graph,
        // layout and export stages never use: a one-shot build lets them go once the last document
        // is extracted (the 10 MB document with --jobs 2: 673 → 336 MB RSS from there on). After a
        // document read in parts, this thread's models and word caches go too, collected at once
        // (--jobs 1: the stages after peaked ~35 MB above the extraction; a build of news-size
        // documents keeps them, as tests build many times in one process).
        const done = mode.once === true
          ? async (): Promise<void> => {
              await extraction.close();
              if (!extractedInParts) return;
              releaseSyntaxModels();
              collectGarbage();
            }
          : undefined;
        for await (const doc of orderedMap(planned(), resolve, extraction.readAhead, extraction.settle, done)) {  // nlp → entities → relations
          const input = store.put({                                                              // store
            id: doc.id, hash: doc.hash, cacheKey: doc.key, pipeline: doc.key === null ? null : version,
            ...documentMetadata(doc.source ?? doc.result ?? {}),
            origin: doc.origin, text: doc.text, line: doc.line, ...(doc.result ? { result: doc.result } : {}),
          });
          if (doc.outcome === 'extracted' || doc.outcome === 'cached') appended?.push(input);
          else appended = undefined;
          count(doc.outcome, doc.id);
        }
      };
      await storeAll();
      if (store.documentCount === 0) throw new InputError('no usable documents', inputs.map(inputPath).join(' '));

      const extracted = performance.now();
      let accumulator: GraphAccumulator;                                                    // graph
      if (appended && folded) {
        accumulator = folded.accumulator;
        for (const input of appended) accumulator.add(input);
      } else {
        accumulator = new GraphAccumulator(this.knownLabels(store, version), this.graphOptions);
        for (const input of store.graphInputs()) accumulator.add(input);
      }
      accumulator.setCuration(this.curation);
      const graph = accumulator.finish();
      store.setMerges(accumulator.merges);
      const merged = performance.now();
      // Components laid out by the last build (this store's, or the old store's for a full build)
      // are taken from it; the store keeps the ones this graph has.
      const layouts = new Map<string, string>();
      const layout = layoutGraph(graph, this.layoutOptions, {                               // layout
        get: (key) => {
          const positions = store.layout(key) ?? cache?.layout(key);
          if (positions !== undefined) layouts.set(key, positions);
          return positions;
        },
        set: (key, positions) => layouts.set(key, positions),
      });
      store.setLayouts(layouts);
      const laidOut = performance.now();
      store.setMeta('pipeline', version);
      store.setMeta(CODE_HASH, JSON.stringify(code));
      store.setMeta(GENERATION_META, String(generation.generation));
      await writeGraph(graph, generation.staging);                                         // export
      generation.stage(graph.getAttribute('documentCount'), GRAPH_FILES);
      store.commit();
      storeCommitted = true;
      crashPoint('store');
      cache?.close();
      generation.commit();
      const files = GRAPH_FILES.map((name) => path.join(out, name));
      this.folded = { accumulator, stamp: storeStamp(store.file) };
      const timings = { extract: extracted - started, graph: merged - extracted, layout: laidOut - merged, write: performance.now() - laidOut };
      return { graph, files, documents: graph.getAttribute('documentCount'), outcomes, timings, layout };
    } catch (e) {
      if (!generation.isCommitted) {
        // An update whose store committed keeps its staged files: the next build completes them.
        store.rollback();
        if (!(update && storeCommitted)) generation.abort();
      }
      throw generation.named(storeError(e, store.file));
    } finally {
      cache?.close();
    }
  }

  /** See knownLabels; read or made once per session, and again only for a store that lacks them. */
  private knownLabels(store: StoreWriter, version: string): Map<string, string> {
    if (this.labels && store.meta(KNOWN_LABELS) === this.labels.kept) return this.labels.map;
    const map = knownLabels(this.aliases, { version, store });
    this.labels = { map, kept: store.meta(KNOWN_LABELS) };
    return map;
  }
}

/** The store file's identity and last change: equal stamps, an unchanged store (as far as another writer goes). */
function storeStamp(file: string): string {
  const stat = fs.statSync(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}`;
}

/**
 * Labels of the gazetteer's and alias file's entities: a known entity keeps its name. With `keep`,
 * they are kept in the store for its pipeline version (which covers the gazetteers and the alias
 * file), so that an update that extracts nothing here never loads the gazetteers for them.
 */
function knownLabels(aliases: readonly AliasEntry[], keep?: { version: string; store: StoreWriter }): Map<string, string> {
  const kept = keptLabels(keep?.store.meta(KNOWN_LABELS));
  if (kept && kept.pipeline === keep?.version) return new Map(kept.labels);
  const labels = new Map([...lexiconFor(aliases).entities].map(([id, e]) => [id, e.label]));
  keep?.store.setMeta(KNOWN_LABELS, JSON.stringify({ pipeline: keep.version, labels: [...labels] }));
  return labels;
}

function keptLabels(json: string | undefined): { pipeline: string; labels: [string, string][] } | undefined {
  try {
    const kept = JSON.parse(json ?? 'null') as { pipeline?: unknown; labels?: unknown } | null;
    return typeof kept?.pipeline === 'string' && Array.isArray(kept.labels) ? { pipeline: kept.pipeline, labels: kept.labels as [string, string][] } : undefined;
  } catch {
    return undefined; // damaged: the gazetteer's labels are taken, and kept anew
  }
}

/** Store meta keys: the extraction code's hash (see extractionCodeHash) and knownLabels. */
const CODE_HASH = 'code-hash';
const KNOWN_LABELS = 'known-labels';

/** Builds the graph of a list of results in memory (no store): for tests and library use. */
export function graphOfResults(results: Iterable<DocumentResult>, options: Partial<PipelineOptions> = {}): NewsGraph {
  const aliases = [...(options.aliases ?? []), ...(options.curation?.entities ?? [])];
  const accumulator = new GraphAccumulator(knownLabels(aliases), options.graph ?? {});
  if (options.curation) accumulator.setCuration(indexCuration(options.curation));
  for (const result of results) accumulator.add(result);
  const graph = accumulator.finish();
  layoutGraph(graph, options.layout ?? {});
  return graph;
}

/** The graph files of a build directory. */
const GRAPH_FILES = ['graph.json', 'graph.gexf'] as const;

/** Writes DIR/graph.json and DIR/graph.gexf, each atomically; when the first fails, the second is not touched. */
export async function writeGraph(graph: NewsGraph, outDir: string): Promise<string[]> {
  const files = GRAPH_FILES.map((name) => path.join(outDir, name));
  await exportGraph(graph, 'json', files[0] as string);
  await exportGraph(graph, 'gexf', files[1] as string);
  return files;
}

/** Checks options that are easy to get wrong before any work starts. */
export function checkBuildOptions(options: Partial<BuildOptions>): void {
  resolveJobs(options.jobs);
  resolveGraphOptions(options.graph ?? {});
  resolveLayoutOptions(options.layout ?? {});
}
