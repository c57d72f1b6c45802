// Colours for Louvain communities (the `community` attribute written by the layout stage). Only the
// largest communities get a colour of their own, the rest share a grey: past ten or so, distinct
// hues stop being distinguishable, and a small community is better read by its neighbours.
import type { ViewerGraph } from './data';

/** Categorical palette for the largest communities, in rank order (no entity-type colour reused). */
export const COMMUNITY_COLORS: readonly string[] = [
  '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd',
  '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79',
];
export const OTHER_COMMUNITY_COLOR = '#b8bec8';

export interface CommunityGroup {
  community: number;
  size: number;
  color: string;
  /** The member with the most mentions: what the legend calls the group by. */
  label: string;
}

export interface CommunityPalette {
  /** Largest first; the first COMMUNITY_COLORS.length have their own colour. */
  readonly groups: readonly CommunityGroup[];
  /** Nodes without a community attribute. */
  readonly unassigned: number;
  color(community: number | undefined): string;
}

const cache = new WeakMap<ViewerGraph, CommunityPalette>();

/** The palette of a graph, computed on first use (so that opening the viewer does not pay for it). */
export function communityPalette(graph: ViewerGraph): CommunityPalette {
  const cached = cache.get(graph);
  if (cached !== undefined) return cached;
  const stats = new Map<number, { size: number; best: string; bestMentions: number }>();
  let unassigned = 0;
  graph.forEachNode((_node, a) => {
    if (a.community === undefined) {
      unassigned++;
      return;
    }
    const s = stats.get(a.community);
    if (s === undefined) stats.set(a.community, { size: 1, best: a.label, bestMentions: a.mentions });
    else {
      s.size++;
      if (a.mentions > s.bestMentions || (a.mentions === s.bestMentions && a.label.localeCompare(s.best) < 0)) {
        s.best = a.label;
        s.bestMentions = a.mentions;
      }
    }
  });
  const groups: CommunityGroup[] = [...stats.entries()]
    .sort(([ca, a], [cb, b]) => b.size - a.size || ca - cb)
    .map(([community, s], rank) => ({
      community,
      size: s.size,
      color: COMMUNITY_COLORS[rank] ?? OTHER_COMMUNITY_COLOR,
      label: s.best,
    }));
  const byCommunity = new Map(groups.map((g) => [g.community, g.color]));
  const palette: CommunityPalette = {
    groups,
    unassigned,
    color: (community) => (community === undefined ? OTHER_COMMUNITY_COLOR : byCommunity.get(community) ?? OTHER_COMMUNITY_COLOR),
  };
  cache.set(graph, palette);
  return palette;
}

export function hasCommunities(graph: ViewerGraph): boolean {
  return graph.findNode((_node, a) => a.community !== undefined) !== undefined;
}
