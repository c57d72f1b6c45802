// The antecedents of a piece of evidence (src/types.ts Evidence.antecedents): where the sentence's
// "he" or "the bloc" is named in the document. One shape wherever evidence is made (graph.json,
// the store, /api/evidence, the Neo4j stream), so that every one of them gives the same bytes.
import type { Evidence, TextSpan } from '../types';

export type Antecedents = NonNullable<Evidence['antecedents']>;

const isSpan = (v: unknown): v is TextSpan => {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return Number.isSafeInteger(s.start) && Number.isSafeInteger(s.end) && typeof s.text === 'string';
};

/** Only start, end and text, in that order: a span read from anywhere gives the same JSON. */
const span = (s: TextSpan): TextSpan => ({ start: s.start, end: s.end, text: s.text });

/** Why a value is not an antecedents object ({source?, target?} of {start, end, text}), or undefined when it is one. */
export function antecedentsProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const a = value as Record<string, unknown>;
  for (const key of Object.keys(a)) {
    if (key !== 'source' && key !== 'target') return `unknown key ${JSON.stringify(key)}`;
    if (!isSpan(a[key])) return `${key} needs start, end (integers) and text`;
  }
  return undefined;
}

/** The canonical copy: source before target, each span's fields in order; undefined when neither end has one. */
export function canonicalAntecedents(a: Antecedents | undefined): Antecedents | undefined {
  if (!a || (!a.source && !a.target)) return undefined;
  return { ...(a.source ? { source: span(a.source) } : {}), ...(a.target ? { target: span(a.target) } : {}) };
}

/**
 * A fact's antecedents as its edge's evidence holds them: keyed by the edge's ends. A symmetric
 * relation's edge holds its ends in key order, so a fact written the other way round has its
 * source's antecedent at the edge's target.
 */
export function edgeAntecedents(a: Antecedents | undefined, swapped: boolean): Antecedents | undefined {
  const c = canonicalAntecedents(a);
  if (!c || !swapped) return c;
  return { ...(c.target ? { source: c.target } : {}), ...(c.source ? { target: c.source } : {}) };
}

/** The store's column (facts.antecedents): canonical JSON, or null when neither end has one. */
export function antecedentsColumn(a: Antecedents | undefined): string | null {
  const c = canonicalAntecedents(a);
  return c ? JSON.stringify(c) : null;
}

/** Reads the store's column back; a value that is not one (a hand-edited store) reads as none. */
export function readAntecedentsColumn(json: string | null): Antecedents | undefined {
  if (json === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  return antecedentsProblem(value) === undefined ? canonicalAntecedents(value as Antecedents) : undefined;
}
