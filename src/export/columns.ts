// Attribute columns shared by the exporters: which attributes become columns (GEXF <attribute>s,
// GraphML <key>s, CSV headers), with which declared type, and how each value is written. Types are
// inferred from the values actually present, so a declared type always fits every value under it.

/** Attribute types we declare (GEXF's names). Arrays and objects are JSON-encoded under `string`. */
export type GexfType = 'boolean' | 'integer' | 'long' | 'double' | 'string';

export type ValueKind = GexfType | 'json';

export interface Column {
  readonly id: string;
  readonly type: GexfType;
  /** Non-string values are JSON-encoded (arrays, objects, or a column of mixed kinds). */
  readonly json: boolean;
}

/** Numeric kinds widen along this order; any other mix becomes JSON-encoded strings. */
const NUMERIC_RANK: Readonly<Partial<Record<ValueKind, number>>> = { integer: 0, long: 1, double: 2 };

const INT32_MAX = 0x7fffffff;

/** The kind of one value, or undefined for values that are not written (null, undefined, NaN, ±∞). */
export function kindOf(value: unknown): ValueKind | undefined {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      if (!Number.isFinite(value)) return undefined;
      if (!Number.isSafeInteger(value)) return 'double';
      return Math.abs(value) <= INT32_MAX ? 'integer' : 'long';
    case 'undefined':
      return undefined;
    case 'object':
      return value === null ? undefined : 'json';
    default:
      // bigint, function, symbol: written as their JSON encoding (or string form).
      return 'json';
  }
}

function join(a: ValueKind, b: ValueKind): ValueKind {
  if (a === b) return a;
  const ra = NUMERIC_RANK[a];
  const rb = NUMERIC_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  return 'json';
}

/** A column known in advance: its name and the narrowest type its values are declared with. */
export type ColumnSpec = readonly [name: string, kind: ValueKind];

/** graph.json's node attributes (src/graph/contract.ts), in the order every export lists them. */
export const NODE_CONTRACT: readonly ColumnSpec[] = [
  ['label', 'string'],
  ['entityType', 'string'],
  ['aliases', 'json'],
  ['roles', 'json'],
  ['mentions', 'integer'],
  ['documents', 'integer'],
  ['wikidata', 'string'],
  ['country', 'string'],
  ['region', 'string'],
  ['community', 'integer'],
  ['x', 'double'],
  ['y', 'double'],
  ['size', 'double'],
  ['color', 'string'],
];

/** graph.json's edge attributes. */
export const EDGE_CONTRACT: readonly ColumnSpec[] = [
  ['relation', 'string'],
  ['label', 'string'],
  ['negated', 'boolean'],
  ['hypothetical', 'boolean'],
  ['count', 'integer'],
  ['weight', 'integer'],
  ['cameo', 'string'],
  ['goldstein', 'double'],
  ['firstSeen', 'string'],
  ['lastSeen', 'string'],
  ['evidence', 'json'],
  ['color', 'string'],
  ['size', 'double'],
];

/** The fields of one evidence item (src/types.ts, Evidence). */
export const EVIDENCE_CONTRACT: readonly ColumnSpec[] = [
  ['doc', 'string'],
  ['date', 'string'],
  ['sentence', 'string'],
  ['start', 'integer'],
  ['end', 'integer'],
  ['trigger', 'string'],
  ['rule', 'string'],
  ['reportedBy', 'string'],
  // `antecedents` ({source?, target?} of {start, end, text}), flat: see flatEvidence.
  ['sourceAntecedent', 'string'],
  ['sourceAntecedentStart', 'integer'],
  ['sourceAntecedentEnd', 'integer'],
  ['targetAntecedent', 'string'],
  ['targetAntecedentStart', 'integer'],
  ['targetAntecedentEnd', 'integer'],
];

type Item = Readonly<Record<string, unknown>>;

const isSpan = (v: unknown): v is { start: number; end: number; text: string } =>
  typeof v === 'object' && v !== null && Number.isSafeInteger((v as Item).start) && Number.isSafeInteger((v as Item).end) && typeof (v as Item).text === 'string';

/**
 * An evidence item as a row of a table (CSV, Neo4j, whose properties cannot be maps): `antecedents`
 * becomes sourceAntecedent (the text), sourceAntecedentStart and …End, and the same for target. An
 * `antecedents` value of another shape stays as it is (a JSON column).
 */
export function flatEvidence(item: Item): Item {
  const a = item.antecedents;
  if (typeof a !== 'object' || a === null || Array.isArray(a)) return item;
  const ends = a as Item;
  if (!Object.keys(ends).every((end) => (end === 'source' || end === 'target') && isSpan(ends[end]))) return item;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (key !== 'antecedents') flat[key] = value;
  for (const end of ['source', 'target'] as const) {
    const span = ends[end];
    if (!isSpan(span)) continue;
    flat[`${end}Antecedent`] = span.text;
    flat[`${end}AntecedentStart`] = span.start;
    flat[`${end}AntecedentEnd`] = span.end;
  }
  return flat;
}

/** graph.json's graph attributes. */
export const GRAPH_CONTRACT: readonly ColumnSpec[] = [
  ['generator', 'string'],
  ['version', 'string'],
  ['documentCount', 'integer'],
  ['sources', 'json'],
];

/** The fields of one entry of the graph's `sources`. */
export const SOURCE_CONTRACT: readonly ColumnSpec[] = [
  ['id', 'string'],
  ['title', 'string'],
  ['date', 'string'],
  ['url', 'string'],
];

interface Slot {
  kind: ValueKind | null;
}
const SKIPPED: Slot = { kind: null };

/**
 * Columns for a set of attribute records. Order: the `known` columns that occur, then the others in
 * order of first appearance. A known column keeps its declared type (so goldstein is a double even when
 * every score happens to be whole) unless a value does not fit it. Names in `reserved` (written
 * elsewhere: label, viz…) are skipped. A column is declared only when some value of it is written,
 * except that `keepKnown` keeps every known column (a fixed CSV header, whatever the graph holds).
 */
export function inferColumns(
  records: Iterable<Readonly<Record<string, unknown>>>,
  known: readonly ColumnSpec[],
  reserved: ReadonlySet<string>,
  keepKnown = false,
): Column[] {
  const declared = new Map<string, ValueKind>(known);
  // kind null: the name occurs, but so far only with values that are not written. One mutable slot
  // per name, so that each value costs one map lookup (a graph has 10⁵ records of a dozen names);
  // reserved names have the slot SKIPPED.
  const slots = new Map<string, Slot>(known.filter(([n]) => !reserved.has(n)).map(([n]) => [n, { kind: null }]));
  for (const name of reserved) if (!slots.has(name)) slots.set(name, SKIPPED);
  // Indexed loops over arrays: an export made once in a process runs this before the JIT has
  // compiled it, and iterators cost most there.
  const list: readonly Readonly<Record<string, unknown>>[] = Array.isArray(records) ? records : [...records];
  for (let r = 0; r < list.length; r++) {
    const record = list[r] as Readonly<Record<string, unknown>>;
    const names = Object.keys(record);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      let slot = slots.get(name);
      if (slot === SKIPPED) continue;
      if (slot === undefined) slots.set(name, (slot = { kind: null }));
      const kind = kindOf(record[name]);
      if (kind !== undefined && kind !== slot.kind) slot.kind = join(slot.kind ?? declared.get(name) ?? kind, kind);
    }
  }
  const columns: Column[] = [];
  for (const [id, slot] of slots) {
    if (slot === SKIPPED) continue;
    const kind = slot.kind ?? (keepKnown ? declared.get(id) ?? null : null);
    if (kind === null) continue;
    columns.push(kind === 'json' ? { id, type: 'string', json: true } : { id, type: kind, json: false });
  }
  return columns;
}

/** Below this magnitude a double is at most 2⁻¹³ from its neighbours: see numberText. */
const SHORT_DECIMALS_BELOW = 1e12;

/** `.01` … `.99` by hundredths, trailing zero dropped (`.1` for 10). */
const HUNDREDTHS: readonly string[] = Array.from({ length: 100 }, (_, n) => `.${String(n).padStart(2, '0')}`.replace(/0$/, ''));

/**
 * String(value), made faster for the doubles the layout writes (coordinates rounded to hundredths):
 * V8 formats a double in about half a microsecond, and a graph holds 10⁴–10⁵ of them. When the value
 * is the double nearest to a decimal with one or two decimals (n / 100 is correctly rounded, so
 * `n / 100 === value` says so), that decimal is written: below 1e12 doubles lie less than 0.01 apart,
 * so no shorter decimal is as near, and it is exactly what String gives (the shortest decimal that
 * reads back as the value). Anything else goes to String.
 */
export function numberText(value: number): string {
  if (Number.isInteger(value) || !(value > -SHORT_DECIMALS_BELOW && value < SHORT_DECIMALS_BELOW)) return String(value);
  const hundredths = Math.round(value * 100);
  if (hundredths / 100 !== value) return String(value);
  const abs = hundredths < 0 ? -hundredths : hundredths;
  const fraction = abs % 100;
  return `${hundredths < 0 ? '-' : ''}${(abs - fraction) / 100}${HUNDREDTHS[fraction] as string}`;
}

const EMPTY_ARRAY_JSON = '[]';

function stringify(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  // Most aliases and roles lists are empty: no JSON.stringify call for those.
  if (Array.isArray(value) && value.length === 0 && (value as { toJSON?: unknown }).toJSON === undefined) return EMPTY_ARRAY_JSON;
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}

/** The attvalue text of a value in a column, or undefined when nothing is written. */
export function encodeValue(column: Column, value: unknown): string | undefined {
  if (kindOf(value) === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (column.json) return stringify(value);
  return typeof value === 'number' ? numberText(value) : String(value);
}

/**
 * One item's values, column by column, as the XML writers write them: encode() an item, then the
 * writer reads `values` (undefined: not written).
 */
export class EncodedValues {
  readonly values: (string | undefined)[];

  constructor(private readonly valueColumns: readonly Column[]) {
    this.values = valueColumns.map(() => undefined);
  }

  /** Encodes the item's values; returns how many are written. */
  encode(attributes: Readonly<Record<string, unknown>>): number {
    let count = 0;
    for (let i = 0; i < this.valueColumns.length; i++) {
      const column = this.valueColumns[i] as Column;
      const raw = attributes[column.id];
      // The most common values the short way: strings as they are, integers as String (and as
      // JSON.stringify, in a JSON column) writes them; see encodeValue.
      const value = typeof raw === 'string' ? raw : Number.isInteger(raw) ? String(raw) : encodeValue(column, raw);
      this.values[i] = value;
      if (value !== undefined) count++;
    }
    return count;
  }
}
