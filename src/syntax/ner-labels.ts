// NER labels: the entity types, BILOU labels over them and the spans they stand for (ner.ts).

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityLabel = (typeof ENTITY_TYPES)[number];

/** A named entity over words first … last (inclusive). */
export interface EntitySpan {
  readonly first: number;
  readonly last: number;
  readonly type: EntityLabel;
}

const POSITIONS = ['B', 'I', 'L', 'U'] as const;
export const B = 0;
export const I = 1;
export const L = 2;
export const U = 3;

/** Label ids: 0 = O, then 1 + type × 4 + position (B, I, L, U). */
export const BILOU_LABELS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => POSITIONS.map((p) => `${p}-${t}`))];
const LABEL_ID = new Map(BILOU_LABELS.map((l, i) => [l, i]));
export const CLASSES = BILOU_LABELS.length;

export function labelType(label: number): number {
  return label === 0 ? -1 : (label - 1) >> 2;
}
function labelPosition(label: number): number {
  return label === 0 ? -1 : (label - 1) & 3;
}
function labelOf(type: number, position: number): number {
  return 1 + type * 4 + position;
}

export function labelId(label: string): number {
  const id = LABEL_ID.get(label);
  if (id === undefined) throw new Error(`not a BILOU label: ${label}`);
  return id;
}

/** BILOU tags for a sentence of `length` words holding non-overlapping spans. */
export function spansToBilou(length: number, spans: readonly EntitySpan[]): string[] {
  const tags = new Array<string>(length).fill('O');
  for (const s of spans) {
    if (s.first < 0 || s.last >= length || s.last < s.first) throw new Error(`span ${s.first}-${s.last} outside a sentence of ${length} words`);
    for (let i = s.first; i <= s.last; i++) {
      if (tags[i] !== 'O') throw new Error(`overlapping spans at word ${i}`);
      const p = s.first === s.last ? 'U' : i === s.first ? 'B' : i === s.last ? 'L' : 'I';
      tags[i] = `${p}-${s.type}`;
    }
  }
  return tags;
}

/**
 * The spans of a BILOU (or BIO) tag sequence. Lenient on ill-formed input: an I or L without an
 * open span of its type starts one, an open span ends at O, at a new B or U, or at a type change.
 */
export function bilouToSpans(tags: readonly string[]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let open: { first: number; type: EntityLabel } | undefined;
  const close = (last: number): void => {
    if (open) spans.push({ first: open.first, last, type: open.type });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    if (tag === 'O' || tag.length < 3 || tag[1] !== '-') return close(i - 1);
    const p = tag[0];
    const type = tag.slice(2) as EntityLabel;
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) return close(i - 1);
    if (p === 'B' || p === 'U' || !open || open.type !== type) {
      close(i - 1);
      open = { first: i, type };
    }
    if (p === 'L' || p === 'U') close(i);
  });
  close(tags.length - 1);
  return spans;
}

/** bilouToSpans over label ids (indices into BILOU_LABELS), with no strings made or parsed. */
export function labelSpans(labels: ArrayLike<number>): EntitySpan[] {
  const spans: EntitySpan[] = [];
  let first = -1;
  let type = -1;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    if (label <= 0 || label >= CLASSES) {
      if (first >= 0) spans.push({ first, last: i - 1, type: ENTITY_TYPES[type] as EntityLabel });
      first = -1;
      continue;
    }
    const p = labelPosition(label);
    const t = labelType(label);
    if (p === B || p === U || first < 0 || type !== t) {
      if (first >= 0) spans.push({ first, last: i - 1, type: ENTITY_TYPES[type] as EntityLabel });
      first = i;
      type = t;
    }
    if (p === L || p === U) {
      spans.push({ first, last: i, type: ENTITY_TYPES[type] as EntityLabel });
      first = -1;
    }
  }
  if (first >= 0) spans.push({ first, last: labels.length - 1, type: ENTITY_TYPES[type] as EntityLabel });
  return spans;
}

/** Which labels may follow `prev` (0 = O or sentence start); `last` = the sentence's final word. */
export function allowedAfter(prev: number, label: number, last: boolean): boolean {
  const pp = labelPosition(prev);
  const open = pp === B || pp === I;
  if (label === 0) return !open;
  const p = labelPosition(label);
  if (open) return labelType(label) === labelType(prev) && (p === L || (p === I && !last));
  return p === U || (p === B && !last);
}
