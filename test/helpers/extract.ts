import { createExtractor } from '../../src/pipeline';
import type { DocumentResult, Fact } from '../../src/types';

const extract = createExtractor();

/** Runs the extractor on one text as a document with id "t". */
export function extractText(text: string, id = 't'): DocumentResult {
  return extract({ id, text, origin: id });
}

/** Facts as compact strings: "source relation target" plus " (negated)" / " (hypothetical)". */
export function factStrings(result: DocumentResult, options: { roles?: boolean } = {}): string[] {
  return result.facts
    .filter((f) => options.roles || !['leader_of', 'member_of', 'located_in'].includes(f.relation))
    .map((f) => `${f.source} ${f.relation} ${f.target}${f.negated ? ' (negated)' : ''}${f.hypothetical ? ' (hypothetical)' : ''}`)
    .filter((v, i, all) => all.indexOf(v) === i)
    .sort();
}

/**
 * Facts as sentence-table lines: "source relation target" (a `met` edge's ends in key order), then
 * " (negated)", " (hypothetical)" and " [by reporter]" when set; unique and sorted.
 */
export function factLines(facts: readonly Fact[]): string[] {
  const ends = (f: Fact): string => (f.relation === 'met' && f.target < f.source ? `${f.target} met ${f.source}` : `${f.source} ${f.relation} ${f.target}`);
  return [...new Set(facts.map((f) => `${ends(f)}${f.negated ? ' (negated)' : ''}${f.hypothetical ? ' (hypothetical)' : ''}${f.reportedBy ? ` [by ${f.reportedBy}]` : ''}`))].sort();
}
