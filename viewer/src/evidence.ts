// Paged evidence from the archive, kept per edge: the panel is rebuilt on every selection or
// filter change, and a rebuilt panel shows what was already fetched without asking again.
import { type Archive, type ArchiveEvidence } from './archive';

/** Sentences fetched per "more" (the API allows up to 500). */
export const EVIDENCE_PAGE = 20;
/** Edges whose fetched pages are kept; the oldest go first. */
const CACHED_EDGES = 64;

export interface EvidenceEntry {
  readonly edge: string;
  /** Offset of the first fetched item: graph.json already holds the ones before it. */
  readonly start: number;
  readonly items: ArchiveEvidence[];
  /** Evidence behind the edge in all, once a page has said; until then the graph's count. */
  total: number;
  /** The page being fetched, if any. */
  pending: Promise<void> | null;
  error: string | null;
}

export class EvidenceFeed {
  private readonly entries = new Map<string, EvidenceEntry>();

  constructor(
    private readonly archive: Archive,
    private readonly pageSize: number = EVIDENCE_PAGE,
  ) {}

  /**
   * The entry of an edge whose first `start` items the graph holds. The archive lists an edge's
   * evidence in graph.json's order (src/store/api.ts), so fetching goes on from there.
   */
  entry(edge: string, start: number, total: number): EvidenceEntry {
    const known = this.entries.get(edge);
    if (known !== undefined && known.start === start) {
      // Most recently used last.
      this.entries.delete(edge);
      this.entries.set(edge, known);
      return known;
    }
    const entry: EvidenceEntry = { edge, start, items: [], total, pending: null, error: null };
    this.entries.set(edge, entry);
    for (const old of this.entries.keys()) {
      if (this.entries.size <= CACHED_EDGES) break;
      if (old !== edge) this.entries.delete(old);
    }
    return entry;
  }

  /** True while items beyond those fetched remain. */
  static hasMore(entry: EvidenceEntry): boolean {
    return entry.start + entry.items.length < entry.total;
  }

  /** Fetches the next page (once, however many panels ask); resolves when it is in the entry. */
  more(entry: EvidenceEntry): Promise<void> {
    entry.pending ??= this.archive
      .evidence(entry.edge, entry.start + entry.items.length, this.pageSize)
      .then(
        (page) => {
          entry.items.push(...page.evidence);
          // An empty page ends the list whatever total says (a store rebuilt under the viewer).
          entry.total = page.evidence.length === 0 ? entry.start + entry.items.length : page.total;
          entry.error = null;
        },
        (e: unknown) => {
          entry.error = e instanceof Error ? e.message : String(e);
        },
      )
      .finally(() => {
        entry.pending = null;
      });
    return entry.pending;
  }
}
