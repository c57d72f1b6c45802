// Curation: an analyst's decisions about the graph, kept in one versioned JSON file that every
// build applies (`build --curation FILE`, `--update`, `watch`), so that a fixed error stays fixed.
//
//   { "newsgraph": "curation", "version": 1,
//     "entities":  [{ "name": "Conservative Party", "entityType": "organization", "aliases": ["Tory"] }],
//     "merges":    [{ "from": "bush", "into": "george-w-bush" }],
//     "renames":   [{ "node": "blair", "label": "Tony Blair" }],
//     "types":     [{ "node": "i-m", "entityType": "other" }],
//     "deletions": [{ "node": "i-m" }],
//     "edges":     [{ "edge": "a|met|b", "decision": "reject" }, { "edge": "c|urged|d", "decision": "confirm" }] }
//
// `entities` is the `--aliases` file's list (that file may be given as a curation file too): it
// acts at extraction, where names are recognised. The other decisions act in the graph stage, on
// node ids and edge keys of graph.json: a merge folds one node into another as the name merges do
// (aliases, mentions, documents, edges re-keyed), a deletion drops a node and its edges, a rejected
// edge is dropped, a confirmed edge is kept whatever --min-count says and marked `confirmed`.
// Pure (no file access): the viewer uses it too. Later entries win over earlier ones.
import { ENTITY_TYPES, type EntityType } from '../types';

export const CURATION_VERSION = 1;

export interface CuratedEntity {
  name: string;
  entityType: EntityType;
  aliases: string[];
  wikidata?: string;
}

export type EdgeDecision = 'reject' | 'confirm';

export interface Curation {
  newsgraph: 'curation';
  version: typeof CURATION_VERSION;
  entities: CuratedEntity[];
  merges: { from: string; into: string }[];
  renames: { node: string; label: string }[];
  types: { node: string; entityType: EntityType }[];
  deletions: { node: string }[];
  edges: { edge: string; decision: EdgeDecision }[];
}

export function emptyCuration(): Curation {
  return { newsgraph: 'curation', version: CURATION_VERSION, entities: [], merges: [], renames: [], types: [], deletions: [], edges: [] };
}

/** A curation file that fails its checks: the message names the entry. */
export class CurationFormatError extends Error {}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

function list(o: Json, name: string): unknown[] {
  const v = o[name];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new CurationFormatError(`"${name}" must be an array`);
  return v;
}

function text(item: unknown, where: string, field: string): string {
  const v = isObject(item) ? item[field] : undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new CurationFormatError(`${where}: "${field}" must be a non-empty string`);
  return v.trim();
}

function entityType(item: unknown, where: string): EntityType {
  const v = isObject(item) ? (item['entityType'] ?? 'other') : undefined;
  if (typeof v !== 'string' || !TYPES.has(v)) throw new CurationFormatError(`${where}: entityType must be one of ${ENTITY_TYPES.join(', ')}`);
  return v as EntityType;
}

function entity(item: unknown, where: string): CuratedEntity {
  const name = text(item, where, 'name');
  const aliases = isObject(item) ? (item['aliases'] ?? []) : [];
  if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) throw new CurationFormatError(`${where} (${name}): "aliases" must be an array of strings`);
  const wikidata = isObject(item) ? item['wikidata'] : undefined;
  return { name, entityType: entityType(item, `${where} (${name})`), aliases: aliases as string[], ...(typeof wikidata === 'string' ? { wikidata } : {}) };
}

/**
 * Reads a curation file's JSON: a curation object, or an `--aliases` file (an array of entities,
 * or `{entities}`). Throws CurationFormatError naming the first bad entry.
 */
export function parseCuration(raw: unknown): Curation {
  if (Array.isArray(raw)) return { ...emptyCuration(), entities: raw.map((e, i) => entity(e, `entities[${i}]`)) };
  if (!isObject(raw)) throw new CurationFormatError('expected a JSON object {"newsgraph": "curation", "version": 1, …} or an alias list');
  const version = raw['version'];
  if (version !== undefined && version !== CURATION_VERSION) {
    throw new CurationFormatError(`version ${JSON.stringify(version)} is not supported (this newsgraph reads version ${CURATION_VERSION})`);
  }
  const c = emptyCuration();
  c.entities = list(raw, 'entities').map((e, i) => entity(e, `entities[${i}]`));
  c.merges = list(raw, 'merges').map((m, i) => {
    const from = text(m, `merges[${i}]`, 'from');
    const into = text(m, `merges[${i}]`, 'into');
    if (from === into) throw new CurationFormatError(`merges[${i}]: a node cannot merge into itself (${from})`);
    return { from, into };
  });
  c.renames = list(raw, 'renames').map((r, i) => ({ node: text(r, `renames[${i}]`, 'node'), label: text(r, `renames[${i}]`, 'label') }));
  c.types = list(raw, 'types').map((t, i) => ({ node: text(t, `types[${i}]`, 'node'), entityType: entityType(t, `types[${i}]`) }));
  c.deletions = list(raw, 'deletions').map((d, i) => ({ node: text(d, `deletions[${i}]`, 'node') }));
  c.edges = list(raw, 'edges').map((e, i) => {
    const decision = isObject(e) ? e['decision'] : undefined;
    if (decision !== 'reject' && decision !== 'confirm') throw new CurationFormatError(`edges[${i}]: "decision" must be "reject" or "confirm"`);
    return { edge: text(e, `edges[${i}]`, 'edge'), decision };
  });
  return c;
}

/** The file's text: keys in a fixed order, two-space indent, a final newline. */
export function serializeCuration(c: Curation): string {
  const ordered: Curation = {
    newsgraph: 'curation', version: CURATION_VERSION, entities: c.entities, merges: c.merges, renames: c.renames, types: c.types, deletions: c.deletions, edges: c.edges,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The graph-stage decisions, indexed: what GraphAccumulator.finish() asks. */
export interface CurationIndex {
  /** Where each node goes, after every merge (chains followed; a cycle is broken at its first entry). */
  readonly mergedInto: ReadonlyMap<string, string>;
  readonly labels: ReadonlyMap<string, string>;
  readonly types: ReadonlyMap<string, EntityType>;
  readonly deleted: ReadonlySet<string>;
  readonly rejected: ReadonlySet<string>;
  readonly confirmed: ReadonlySet<string>;
  /** False when there is nothing for the graph stage to do. */
  readonly active: boolean;
}

export function indexCuration(c: Curation): CurationIndex {
  const into = new Map<string, string>();
  for (const m of c.merges) {
    // A later entry naming the same node wins; an entry that would close a loop is dropped.
    into.delete(m.from);
    let end = m.into;
    const seen = new Set([m.from]);
    while (into.has(end) && !seen.has(end)) {
      seen.add(end);
      end = into.get(end) as string;
    }
    if (end === m.from) continue;
    into.set(m.from, m.into);
  }
  const mergedInto = new Map<string, string>();
  for (const from of into.keys()) {
    let end = from;
    const seen = new Set<string>();
    while (into.has(end) && !seen.has(end)) {
      seen.add(end);
      end = into.get(end) as string;
    }
    mergedInto.set(from, end);
  }
  const labels = new Map(c.renames.map((r) => [r.node, r.label]));
  const types = new Map(c.types.map((t) => [t.node, t.entityType]));
  const deleted = new Set(c.deletions.map((d) => d.node));
  const decisions = new Map(c.edges.map((e) => [e.edge, e.decision]));
  const rejected = new Set([...decisions].filter(([, d]) => d === 'reject').map(([e]) => e));
  const confirmed = new Set([...decisions].filter(([, d]) => d === 'confirm').map(([e]) => e));
  const active = mergedInto.size + labels.size + types.size + deleted.size + rejected.size + confirmed.size > 0;
  return { mergedInto, labels, types, deleted, rejected, confirmed, active };
}

/**
 * The name stage's merges with the curated ones on top: each id goes to the end of its chain
 * through both. Curated merges naming unknown ids are ignored (`known` says which ids exist).
 */
export function combineMerges(names: ReadonlyMap<string, string>, curation: CurationIndex, known: (id: string) => boolean): Map<string, string> {
  if (curation.mergedInto.size === 0) return new Map(names);
  // A node the analyst merged others into stays: a name merge of it would undo the decision.
  const targets = new Set([...curation.mergedInto.values()].filter(known));
  const step = (id: string): string | undefined => {
    const curated = curation.mergedInto.get(id);
    if (curated !== undefined && known(curated)) return curated;
    return targets.has(id) ? undefined : names.get(id);
  };
  const out = new Map<string, string>();
  const ids = new Set([...names.keys(), ...curation.mergedInto.keys()]);
  for (const id of [...ids].sort()) {
    if (!known(id)) continue;
    let end = id;
    const seen = new Set<string>([id]);
    for (let next = step(end); next !== undefined; next = step(end)) {
      // Back at the start: the chain is a loop (a name merge undone by a curated one); it stays.
      if (next === id) {
        end = id;
        break;
      }
      if (seen.has(next)) break;
      seen.add(next);
      end = next;
    }
    if (end !== id) out.set(id, end);
  }
  return out;
}
