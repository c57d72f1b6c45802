// What the models compute per word type (hashes, cached weight sums) is kept in a WordCache: two
// generations of at most `limit` words each. A word looked up is moved to the young generation;
// when that is full it becomes the old one and the old one is dropped. Words in use stay, words
// not met for a generation go, and memory stays bounded however many word types a process meets.
//
// Measured on a 10 MB document (the BBC texts twice, 35k word types), the caches held 62 MB of the
// 169 MB that was live at the end: the NER's per-word sums 41 MB (~1.2 KB a type), the tagger's
// 18 MB, the parser's 3 MB; clearing a full cache at once instead (the former bound, at 10k types)
// made six times as many misses. What is cached is a pure function of the word: a miss recomputes
// the same value, so the bound changes memory and time, never the output.

/** Words per generation: the young and old generations together hold at most twice this. */
export const WORD_CACHE_GENERATION = 8192;

export class WordCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  /** `onPromote`: called on a value moved from the old generation (to let go of what belongs to that generation). */
  constructor(
    private readonly limit: number = WORD_CACHE_GENERATION,
    private readonly onPromote?: (value: V) => void,
  ) {}

  get(word: string): V | undefined {
    const value = this.young.get(word);
    if (value !== undefined) return value;
    const kept = this.old.get(word);
    if (kept === undefined) return undefined;
    this.onPromote?.(kept);
    this.set(word, kept);
    return kept;
  }

  set(word: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, value);
  }

  /** Words held (in both generations; a promoted word may be counted twice until the next turn). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
