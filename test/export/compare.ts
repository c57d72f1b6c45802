// Compares what a reader (networkx, igraph, graphology-gexf, pandas …) loaded from an export with
// the graph.json attributes it came from, allowing only for what the format cannot carry and for the
// reader's documented quirks, each named in an Expectation.
import { strict as assert } from 'node:assert';
import { xmlSafe } from './xml-safe';

export interface Expectation {
  /** What the format does to a plain string value. */
  readonly text: (value: string) => string;
  /** What the format does to a string inside a JSON-encoded array or object. */
  readonly jsonText: (value: string) => string;
  /** Attributes not compared here (carried elsewhere, e.g. GEXF's viz, CSV's evidence.csv). */
  readonly ignore?: ReadonlySet<string>;
  /** Attributes the reader adds (igraph's `id`, networkx's `start`/`end`). */
  readonly extra?: ReadonlySet<string>;
  /** The reader reads an empty string as no value (networkx's read_graphml). */
  readonly emptyIsMissing?: boolean;
  /** Values the reader puts where a record has none (igraph: one type per column). */
  readonly missingAs?: readonly unknown[];
}

/** XML: forbidden characters become U+FFFD; inside JSON only U+FFFE/U+FFFF (JSON escapes the rest). */
export const THROUGH_XML: Expectation = {
  text: xmlSafe,
  jsonText: (value) => value.replace(/[\uFFFE\uFFFF]/g, '\uFFFD'),
};

/** CSV carries every character except NUL and lone surrogates (U+FFFD instead); JSON text escapes both. */
export const csvText = (value: string): string =>
  value.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

export const THROUGH_CSV: Expectation = { text: csvText, jsonText: (value) => value };

export function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  }
  return value;
}

/** One attribute value after the trip through the format, as the reader should give it back. */
export function expectedValue(value: unknown, e: Expectation): unknown {
  if (typeof value === 'string') return e.text(value);
  if (typeof value === 'object' && value !== null) return mapStrings(value, e.jsonText);
  return value;
}

export function assertRecord(
  actual: Readonly<Record<string, unknown>>,
  expected: Readonly<Record<string, unknown>>,
  e: Expectation,
  where: string,
): void {
  for (const [name, value] of Object.entries(expected)) {
    if (e.ignore?.has(name) || value === undefined || value === null) continue;
    const want = expectedValue(value, e);
    const got = actual[name];
    if (want === '' && e.emptyIsMissing && got === undefined) continue;
    if (typeof value === 'object') {
      assert.equal(typeof got, 'string', `${where}: ${name} is JSON text`);
      assert.deepEqual(JSON.parse(got as string), want, `${where}: ${name}`);
    } else {
      assert.deepEqual(got, want, `${where}: ${name}`);
    }
  }
  for (const [name, got] of Object.entries(actual)) {
    if (Object.hasOwn(expected, name) || e.extra?.has(name)) continue;
    assert.ok(e.missingAs?.some((m) => Object.is(m, got)), `${where}: unexpected attribute ${name} = ${JSON.stringify(got)}`);
  }
}
