// Splits an evidence sentence into plain and marked stretches: the trigger word and the names of
// both actors, or the words of a search. Pure; the panel and the search list turn segments into
// text nodes and <mark> elements.

export type MarkKind = 'trigger' | 'source' | 'target' | 'match';

export interface Segment {
  text: string;
  kind: MarkKind | null;
}

export interface MarkTerms {
  kind: MarkKind;
  terms: readonly string[];
}

const WORD = '[\\p{L}\\p{N}]';

/** Earlier mark groups win where matches overlap; longer terms are tried first within a group. */
export function segmentSentence(sentence: string, groups: readonly MarkTerms[]): Segment[] {
  const owner: (MarkKind | null)[] = new Array<MarkKind | null>(sentence.length).fill(null);
  for (const group of groups) {
    const terms = [...new Set(group.terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort(
      (a, b) => b.length - a.length,
    );
    for (const term of terms) {
      let spans = findWord(sentence, term, false);
      // A trigger may be given as a lemma ("urge" for "urged"): fall back to a word prefix.
      if (spans.length === 0 && group.kind === 'trigger') spans = findWord(sentence, term, true);
      for (const [start, end] of spans) {
        let free = true;
        for (let i = start; i < end; i++) if (owner[i] !== null) free = false;
        if (!free) continue;
        for (let i = start; i < end; i++) owner[i] = group.kind;
      }
    }
  }
  const segments: Segment[] = [];
  let i = 0;
  while (i < sentence.length) {
    const kind = owner[i] ?? null;
    let j = i + 1;
    while (j < sentence.length && (owner[j] ?? null) === kind) j++;
    segments.push({ text: sentence.slice(i, j), kind });
    i = j;
  }
  return segments;
}

function findWord(text: string, term: string, prefix: boolean): [number, number][] {
  const escaped = term.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&').replace(/\s+/g, '\\s+');
  const tail = prefix ? `${WORD}*` : `(?!${WORD})`;
  let re: RegExp;
  try {
    re = new RegExp(`(?<!${WORD})${escaped}${tail}`, 'giu');
  } catch {
    return [];
  }
  const spans: [number, number][] = [];
  for (const m of text.matchAll(re)) {
    if (m.index === undefined || m[0].length === 0) continue;
    spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}
