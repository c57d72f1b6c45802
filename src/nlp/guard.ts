// The guard in front of the NLP layer: article text is untrusted, and some shapes of text make
// wink-nlp's tokeniser and the later layers superlinear. Measured before this guard (issue 20):
// a 25 KB run without spaces (a base64 image in Markdown) took 1.5 s in readDoc, 50 KB 6.4 s
// (quadratic); one 160 KB "sentence" of names and verbs 5.4 s against 0.6 s for 40 KB (relations
// compare the sentence's tokens pairwise); a 2 MB document spent 2.9 s in the entity layer
// against 0.85 s for 1 MB. Three bounds make extraction O(n) with a small constant:
//
//   1. a run without whitespace longer than `maxRun` is masked (spaces, same length), so the
//      tokeniser never sees a long run; offsets still index the original text;
//   2. a sentence longer than `maxSentenceTokens` tokens is cut into pieces of at most that many;
//   3. a document longer than `partChars` is extracted in parts cut at paragraph breaks (see
//      src/extract-parts.ts), so memory per document is O(part) and the layers' per-document work
//      is bounded by a part.
//
// Each limit sits well above what news prose has: on the 2,225 BBC articles the longest run
// without whitespace is 32 characters, the longest sentence 242 tokens, the longest article
// 25,484 characters; so ordinary articles are read exactly as before.

export interface GuardLimits {
  /** Longest run of non-whitespace characters read as text; longer runs are masked. */
  readonly maxRun: number;
  /** Longest sentence in tokens; a longer one is cut into pieces of at most this many. */
  readonly maxSentenceTokens: number;
  /** Longest text extracted in one piece; a longer document is extracted in parts. */
  readonly partChars: number;
}

export const GUARD_LIMITS: GuardLimits = Object.freeze({
  maxRun: 256,
  maxSentenceTokens: 300,
  partChars: 100_000,
});

// JavaScript's \s: what wink and the sentence code treat as a gap between tokens.
const RUN = /\S+/g;

/**
 * The text with every run of more than `maxRun` non-whitespace characters replaced by a line
 * break and spaces: the same length (UTF-16 units), so every offset into it is an offset into the
 * original. The line break ends the sentence before the run, so no evidence sentence spans it.
 */
export function maskLongRuns(text: string, maxRun: number = GUARD_LIMITS.maxRun): string {
  let out: string[] | undefined;
  let last = 0;
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const run = m[0];
    if (run.length <= maxRun) continue;
    out ??= [];
    out.push(text.slice(last, m.index), '\n', ' '.repeat(run.length - 1));
    last = m.index + run.length;
  }
  if (out === undefined) return text;
  out.push(text.slice(last));
  return out.join('');
}

/** Where the text has runs that maskLongRuns masks: [start, end) each, in order. */
export function longRuns(text: string, maxRun: number = GUARD_LIMITS.maxRun): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) if (m[0].length > maxRun) runs.push([m.index, m.index + m[0].length]);
  return runs;
}

/**
 * Cuts a sentence of `count` tokens (first..last inclusive) into pieces of at most `max` tokens;
 * returns the first token of each piece after the first. A piece ends, where it can, after a
 * comma, semicolon or colon in its second half (the likeliest clause boundary), else at `max`.
 */
export function sentenceCuts(value: (token: number) => string, first: number, last: number, max: number = GUARD_LIMITS.maxSentenceTokens): number[] {
  const cuts: number[] = [];
  let start = first;
  while (last - start + 1 > max) {
    let cut = start + max;
    for (let i = start + max - 1; i > start + max / 2; i--) {
      const v = value(i);
      if (v === ',' || v === ';' || v === ':') {
        cut = i + 1;
        break;
      }
    }
    cuts.push(cut);
    start = cut;
  }
  return cuts;
}

export interface TextPart {
  readonly start: number;
  readonly end: number;
}

/** Paragraph break, line break, whitespace: where a part may end, best first. */
const PART_BREAKS: readonly RegExp[] = [/\n[^\S\n]*\n\s*/g, /[\n\r\u2028\u2029]+/g, /\s+/g];

/**
 * The document cut into parts of at most `partChars` characters, each ending at the last
 * paragraph break in its window (else a line break, else whitespace, else anywhere: a masked run).
 * One part, the whole text, for anything of news-article size.
 */
export function documentParts(text: string, partChars: number = GUARD_LIMITS.partChars): TextPart[] {
  const parts: TextPart[] = [];
  let start = 0;
  while (text.length - start > partChars) {
    const limit = start + partChars;
    let end = limit;
    for (const pattern of PART_BREAKS) {
      const found = lastBreakEnd(text, start + Math.floor(partChars / 2), limit, pattern);
      if (found !== undefined) {
        end = found;
        break;
      }
    }
    parts.push({ start, end });
    start = end;
  }
  parts.push({ start, end: text.length });
  return parts;
}

/** The end of the last match of `pattern` that ends within (from, limit]; undefined when none. Reads only that window. */
function lastBreakEnd(text: string, from: number, limit: number, pattern: RegExp): number | undefined {
  const window = text.slice(from, limit);
  let found: number | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(window); m !== null; m = pattern.exec(window)) {
    const end = m.index + m[0].length;
    if (end > 0) found = from + end;
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return found;
}
