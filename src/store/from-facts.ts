// `newsgraph build --from-facts FILES`: read extraction results (the NDJSON `newsgraph extract`
// prints, possibly produced elsewhere, e.g. by a cluster job piping documents through it) instead of
// documents. Streamed line by line; a line that is not a complete result is skipped with a warning
// naming `file:line`, as ingest does for JSONL.
import { createReadStream, promises as fs } from 'node:fs';
import { createInterface } from 'node:readline';
import { describeFsError, STDIN, type InputWarning } from '../ingest';
import { antecedentsProblem } from '../graph/antecedents';
import { ENTITY_TYPES, RELATIONS } from '../types';
import { contentHash } from './hash';
import type { ExtractLine } from './index';

export interface FactLine {
  readonly origin: string;
  /** The line as read (the store keeps it as the document's result). */
  readonly line: string;
  readonly result: ExtractLine;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const ENTITY_TYPE_SET: ReadonlySet<unknown> = new Set(ENTITY_TYPES);
const RELATION_SET: ReadonlySet<unknown> = new Set(RELATIONS);

type Fields = Record<string, unknown>;
const asFields = (v: unknown): Fields | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Fields) : undefined);

/** Why a parsed line is not a result `newsgraph extract` could have printed, or undefined when it is one. */
export function lineProblem(value: unknown): string | undefined {
  const r = asFields(value);
  if (!r) return 'not a JSON object';
  if (!isString(r.doc) || r.doc === '') return 'no "doc" id';
  for (const key of ['title', 'date', 'url', 'hash'] as const) if (r[key] !== undefined && !isString(r[key])) return `"${key}" is not a string`;
  if (!Array.isArray(r.mentions) || !Array.isArray(r.entities) || !Array.isArray(r.facts)) return 'needs "mentions", "entities" and "facts" arrays';
  for (const [i, m] of r.mentions.entries()) {
    const f = asFields(m);
    if (!f || !isNumber(f.start) || !isNumber(f.end) || !isString(f.text) || !isString(f.entity) || !ENTITY_TYPE_SET.has(f.entityType) || !isString(f.rule)) {
      return `mentions[${i}] needs start, end, text, entity, entityType and rule`;
    }
  }
  for (const [i, e] of r.entities.entries()) {
    const f = asFields(e);
    if (!f || !isString(f.id) || !isString(f.label) || !ENTITY_TYPE_SET.has(f.entityType) || !isStringArray(f.aliases) || !isStringArray(f.roles)) {
      return `entities[${i}] needs id, label, entityType, aliases and roles`;
    }
  }
  for (const [i, x] of r.facts.entries()) {
    const f = asFields(x);
    if (
      !f || !isString(f.source) || !RELATION_SET.has(f.relation) || !isString(f.target) || !isBoolean(f.negated) || !isBoolean(f.hypothetical) ||
      !isString(f.doc) || !isString(f.sentence) || !isNumber(f.start) || !isNumber(f.end) || !isString(f.trigger) || !isString(f.rule)
    ) {
      return `facts[${i}] needs source, relation (one of the vocabulary), target, negated, hypothetical, doc, sentence, start, end, trigger and rule`;
    }
    const antecedents = f.antecedents === undefined ? undefined : antecedentsProblem(f.antecedents);
    if (antecedents !== undefined) return `facts[${i}].antecedents: ${antecedents}`;
  }
  return undefined;
}

/** Reads extract lines from files (or `-` for stdin), lazily, in order. */
export async function* readFactLines(inputs: readonly string[], onWarning: (w: InputWarning) => void, stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<FactLine> {
  for (const input of inputs) {
    let stream: NodeJS.ReadableStream;
    const name = input === STDIN ? '<stdin>' : input;
    if (input === STDIN) stream = stdin;
    else {
      try {
        const stat = await fs.stat(input);
        if (!stat.isFile()) {
          onWarning({ file: input, reason: 'not a file (--from-facts reads NDJSON files written by `newsgraph extract`)' });
          continue;
        }
      } catch (e) {
        onWarning({ file: input, reason: describeFsError(e) });
        continue;
      }
      stream = createReadStream(input);
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let number = 0;
    try {
      for await (const raw of lines) {
        number++;
        const text = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
        if (text.trim() === '') continue;
        const where = `${name}:${number}`;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (e) {
          onWarning({ file: where, reason: `malformed JSON line (${e instanceof Error ? e.message : String(e)}), skipped` });
          continue;
        }
        const problem = lineProblem(parsed);
        if (problem) {
          onWarning({ file: where, reason: `not a \`newsgraph extract\` line: ${problem}, skipped` });
          continue;
        }
        const fields = parsed as ExtractLine & { hash?: string };
        // A line without a hash (written by an older newsgraph) is identified by its own content.
        const result: ExtractLine = fields.hash ? fields : { ...fields, hash: contentHash(text) };
        yield { origin: where, line: fields.hash ? text : JSON.stringify(result), result };
      }
    } catch (e) {
      onWarning({ file: name, reason: describeFsError(e) });
    }
  }
}
