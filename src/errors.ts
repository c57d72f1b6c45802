// A small error hierarchy. The CLI maps each class to an exit code and prints one line:
// "newsgraph: <file>: <reason>". Tests check errors by class name.

export const EXIT = {
  ok: 0,
  warnings: 1,
  usage: 2,
  io: 3,
  internal: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export abstract class NewsgraphError extends Error {
  abstract readonly exitCode: ExitCode;
  /** The file (or option) the error is about, when there is one. */
  readonly file: string | undefined;
  readonly reason: string;

  constructor(reason: string, file?: string, options?: { cause?: unknown }) {
    super(file ? `${file}: ${reason}` : reason, options);
    this.name = new.target.name;
    this.file = file;
    this.reason = reason;
  }
}

/** Wrong flags, unknown options, invalid option values. */
export class UsageError extends NewsgraphError {
  readonly exitCode = EXIT.usage;
}

/** An input that cannot be read or understood. */
export class InputError extends NewsgraphError {
  readonly exitCode = EXIT.io;
}

/** An output that cannot be written. */
export class OutputError extends NewsgraphError {
  readonly exitCode = EXIT.io;
}

/** A build directory another newsgraph process is writing (its lock is held): exit 3, naming the holder. */
export class BusyError extends NewsgraphError {
  readonly exitCode = EXIT.io;
}

/** A store or build directory that fails its checks (a damaged page, files of two builds). */
export class DamagedError extends NewsgraphError {
  readonly exitCode = EXIT.io;
}

/** A model file that is missing, truncated, corrupted or made for other code (`npm run train` remakes it). */
export class ModelError extends NewsgraphError {
  readonly exitCode = EXIT.io;
}

export function isNewsgraphError(e: unknown): e is NewsgraphError {
  return e instanceof NewsgraphError;
}

/** The message of any thrown value, without a stack. */
export function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Text from outside (file names, JSONL ids, parse errors, SQLite's complaints) made safe to print
 * on one terminal line: control characters, line and paragraph separators and bidirectional
 * overrides are shown as escapes (`\n`, `\x1b`, `\u{202e}`), so one message stays one line and
 * nothing in it can move the cursor, set the window title or forge another `newsgraph:` line.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    const named = ESCAPES[c];
    if (named !== undefined) return named;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
