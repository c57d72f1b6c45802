// Where an end of a fact is named when its sentence says "he" or "the bloc" (Evidence.antecedents,
// keyed by the edge's ends): read from graph.json or /api/evidence field by field, and shown beside
// the sentence as text nodes only (the antecedent is article text, untrusted).
import { el } from './dom';
import type { Evidence } from './types';

export type Antecedents = NonNullable<Evidence['antecedents']>;
type Span = NonNullable<Antecedents['source']>;

const ENDS = ['source', 'target'] as const;

function span(v: unknown): Span | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const { start, end, text } = o;
  if (typeof text !== 'string' || typeof start !== 'number' || typeof end !== 'number') return undefined;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) return undefined;
  return { start, end, text };
}

/** The antecedents of an evidence item, keeping only well-formed spans; undefined when none is. */
export function readAntecedents(v: unknown): Antecedents | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const source = span(o['source']);
  const target = span(o['target']);
  if (!source && !target) return undefined;
  return { ...(source ? { source } : {}), ...(target ? { target } : {}) };
}

/**
 * "source → “Vladimir Putin”": for each end the sentence names by a pronoun or description, the
 * mention it stands for, marked in that end's colour; null when there are none. `nodeLabel` gives
 * the end's node label, shown in the tooltip with the antecedent's offsets.
 */
export function renderAntecedents(antecedents: Antecedents | undefined, nodeLabel: (end: 'source' | 'target') => string): HTMLElement | null {
  if (!antecedents) return null;
  const line = el('p', { className: 'antecedents' }, 'Named earlier: ');
  let first = true;
  for (const end of ENDS) {
    const a = antecedents[end];
    if (!a) continue;
    if (!first) line.append(' · ');
    first = false;
    line.append(
      el(
        'span',
        { className: `antecedent antecedent-${end}`, title: `The sentence refers to ${nodeLabel(end)} without naming it; named as this at characters ${a.start}–${a.end} of the article` },
        el('span', { className: 'antecedent-end', text: end }),
        ' → ',
        el('mark', { className: `mark-${end}`, text: a.text }),
      ),
    );
  }
  return line;
}
