// Search over labels and aliases. Pure ranking here; the autocomplete widget is in search-ui.ts.

export interface SearchEntry {
  node: string;
  label: string;
  entityType: string;
  mentions: number;
  /** Normalised forms of the label (first) and every alias. */
  names: { text: string; norm: string }[];
}

export interface SearchResult {
  node: string;
  label: string;
  entityType: string;
  /** The alias that matched, when it was not the label. */
  alias: string | null;
  score: number;
}

export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function makeEntry(node: string, label: string, aliases: readonly string[], entityType: string, mentions: number): SearchEntry {
  const names = [label, ...aliases.filter((a) => a !== label)].map((text) => ({ text, norm: normalize(text) }));
  return { node, label, entityType, mentions, names };
}

/** Lower is better: exact, prefix, word prefix, substring. */
function matchScore(norm: string, query: string): number | null {
  if (norm === query) return 0;
  if (norm.startsWith(query)) return 1;
  if (norm.split(/[\s\-.,/]+/).some((w) => w.startsWith(query))) return 2;
  if (norm.includes(query)) return 3;
  return null;
}

export function search(entries: readonly SearchEntry[], query: string, limit = 8): SearchResult[] {
  const q = normalize(query);
  if (q === '') return [];
  const results: SearchResult[] = [];
  for (const entry of entries) {
    let best: { score: number; index: number } | null = null;
    entry.names.forEach((name, index) => {
      const s = matchScore(name.norm, q);
      // The label wins ties with aliases.
      if (s !== null && (best === null || s < best.score)) best = { score: s, index };
    });
    if (best === null) continue;
    const { score, index } = best as { score: number; index: number };
    const name = entry.names[index];
    results.push({
      node: entry.node,
      label: entry.label,
      entityType: entry.entityType,
      alias: index === 0 || name === undefined ? null : name.text,
      score: score * 1e6 - Math.min(entry.mentions, 999999),
    });
  }
  results.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label));
  return results.slice(0, limit);
}

/** What choosing a sentence hit shows: the first of its edges in the graph, else one of their actors. */
export function hitTarget(
  edges: readonly string[],
  graph: { hasEdge(key: string): boolean; hasNode(key: string): boolean },
): { edge: string } | { node: string } | null {
  const edge = edges.find((key) => graph.hasEdge(key));
  if (edge !== undefined) return { edge };
  // The edge was cut from this graph (--min-count, --top) while its sentence stays in the store.
  for (const key of edges) {
    const [source, , target] = key.split('|');
    for (const node of [source, target]) if (node !== undefined && node !== '' && graph.hasNode(node)) return { node };
  }
  return null;
}
