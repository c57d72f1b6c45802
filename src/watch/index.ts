// `newsgraph watch`: one resident process keeps DIR's store and graph up to date with its inputs.
// It builds (or updates) once, then looks at the inputs every `interval` milliseconds and updates
// the store with the files that changed, once a file has stayed the same for one interval (so a
// file being written is read when it is complete). The language model and the folded graph stay
// loaded between updates, which is what makes one new article cheap (see README, Scale).
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { filesUnder, formatOf, inputPath, STDIN, type InputFile, type InputWarning } from '../ingest';
import { BuildSession, type BuildHooks, type BuildInput, type BuildSummary, type PipelineOptions } from '../pipeline';
import { STORE_FILE } from '../store';
import { lockDirectory } from '../store/lock';
import { InputError, OutputError, UsageError, messageOf } from '../errors';
import { isUrlInput } from '../ingest/urls';
import { FeedPoller } from './feeds';

export interface WatchOptions {
  /** Milliseconds between two looks at the inputs. */
  interval: number;
  /** Milliseconds between two polls of the feeds among the inputs (URLs): a feed is someone else's server. */
  feedInterval: number;
}

export const DEFAULT_WATCH_OPTIONS: WatchOptions = { interval: 1000, feedInterval: 5 * 60 * 1000 };

/** Shorter than this, scanning a big archive would keep a core busy; longer than a day is a typo. */
const INTERVAL_RANGE = { min: 50, max: 24 * 60 * 60 * 1000 } as const;

export function resolveWatchOptions(partial: Partial<WatchOptions> = {}): WatchOptions {
  const options = { ...DEFAULT_WATCH_OPTIONS, ...partial };
  if (!Number.isInteger(options.interval) || options.interval < INTERVAL_RANGE.min || options.interval > INTERVAL_RANGE.max) {
    throw new UsageError(`must be a whole number of milliseconds from ${INTERVAL_RANGE.min} to ${INTERVAL_RANGE.max}, got ${String(options.interval)}`, '--interval');
  }
  if (!Number.isInteger(options.feedInterval) || options.feedInterval < INTERVAL_RANGE.min || options.feedInterval > INTERVAL_RANGE.max) {
    throw new UsageError(`must be a whole number of milliseconds from ${INTERVAL_RANGE.min} to ${INTERVAL_RANGE.max}, got ${String(options.feedInterval)}`, '--feed-interval');
  }
  return options;
}

export interface WatchHooks extends BuildHooks {
  /** After each build or update: the files it read (all inputs for the first) and what came of it. */
  onUpdate: (update: WatchUpdate) => void;
  /**
   * An update that failed: the watch goes on. A bad input is not read again until it changes;
   * any other failure (a full disk) is tried again every interval, and reported once.
   */
  onFailure: (error: unknown, files: readonly string[]) => void;
}

export interface WatchUpdate {
  readonly summary: BuildSummary;
  /** Files read: the inputs themselves for the first build, the changed files afterwards. */
  readonly files: readonly string[];
  /** Wall-clock milliseconds, from reading the files to both graph files in place. */
  readonly ms: number;
}

/** A file as last seen: its size and modification time, and the directory input it was found under. */
interface Seen {
  readonly signature: string;
  readonly root: string | undefined;
}

/**
 * Watches `inputs` (files and directories) until `signal` aborts, keeping `options.out` up to date.
 * Documents are added or replaced, never removed: a file deleted from the inputs stays in the store
 * (as with `build --update`); rebuild with `build --out` to drop it.
 */
export async function watch(
  inputs: readonly string[],
  options: Partial<PipelineOptions> & { out: string },
  watchOptions: Partial<WatchOptions>,
  hooks: WatchHooks,
  signal: AbortSignal,
): Promise<void> {
  const { interval, feedInterval } = checkWatch(inputs, watchOptions);
  const quietWarn = onceEach(hooks.onWarning);
  const feeds = inputs.filter(isUrlInput);
  const files = inputs.filter((i) => !isUrlInput(i));
  const poller = feeds.length > 0 ? new FeedPoller(feeds, { ...(options.ingest?.maxDocBytes !== undefined ? { maxBytes: options.ingest.maxDocBytes } : {}), ...options.ingest?.fetch }, quietWarn) : undefined;
  let feedsPolled = performance.now();
  // One writer per directory: held for the whole watch (store/lock.ts).
  if (!fs.existsSync(options.out)) {
    try {
      fs.mkdirSync(options.out, { recursive: true });
    } catch (e) {
      throw new OutputError(`cannot create the directory (${messageOf(e)})`, options.out, { cause: e });
    }
  }
  const lock = lockDirectory(options.out, 'watch');
  const session = new BuildSession(options);
  const updater = new Updater(session, options.out, inputs, hooks);
  try {
    // Taken before the first build: a file changed while it runs differs from this and is read again.
    let applied = await scan(files, quietWarn);
    await poller?.prime();
    let retryAll = (await updater.everything()) === 'retry';
    let previous = applied;
    while (!signal.aborted) {
      try {
        await sleep(interval, undefined, { signal });
      } catch {
        break; // aborted
      }
      if (poller && !retryAll && performance.now() - feedsPolled >= feedInterval) {
        feedsPolled = performance.now();
        const links = await poller.poll();
        if (links.length > 0) await updater.urls(links);
      }
      const now = await scan(files, quietWarn);
      const ready: BuildInput[] = [];
      const next = new Map<string, Seen>();
      for (const [file, seen] of now) {
        const settled = previous.get(file)?.signature === seen.signature;
        if (applied.get(file)?.signature !== seen.signature && settled) ready.push(seen.root === undefined ? file : ({ file, root: seen.root } satisfies InputFile));
        // Until it has settled, a changed file keeps the version read last.
        next.set(file, settled ? seen : (applied.get(file) ?? { signature: '', root: seen.root }));
      }
      const before = applied;
      previous = now;
      applied = next;
      if (retryAll) {
        retryAll = (await updater.everything()) === 'retry';
      } else if (ready.length > 0 && (await updater.changed(ready)) === 'retry') {
        // Not the files' fault (the disk, say): they stay pending and are tried again next time.
        for (const r of ready) {
          const file = inputPath(r);
          const old = before.get(file);
          if (old) applied.set(file, old);
          else applied.delete(file);
        }
      }
    }
  } finally {
    await poller?.close();
    await session.close();
    lock.release();
  }
}

/** What watch() refuses before it starts: standard input, an input that is not there, a bad interval. */
export function checkWatch(inputs: readonly string[], watchOptions: Partial<WatchOptions>): WatchOptions {
  const options = resolveWatchOptions(watchOptions);
  for (const input of inputs) {
    if (input === STDIN) throw new UsageError('watch reads files, directories and feeds, not standard input', STDIN);
    if (!isUrlInput(input) && !fs.existsSync(input)) throw new InputError('no such file or directory', input);
  }
  return options;
}

/** What became of a run: done (or failed for good, as a bad input does), or to be tried again. */
type Outcome = 'done' | 'retry';

/** Runs builds and updates for watch(), reports them, and says which failures are worth a retry. */
class Updater {
  /** The last failure reported: the same failure again (a full disk, each interval) is not repeated. */
  private lastFailure: string | undefined;

  constructor(
    private readonly session: BuildSession,
    private readonly out: string,
    private readonly inputs: readonly string[],
    private readonly hooks: WatchHooks,
  ) {}

  /** Every input: the first build, or an update of the store already there. */
  everything(): Promise<Outcome> {
    return this.run(this.inputs, this.inputs);
  }

  /** New feed items' pages (a failed one is a warning, not retried: its feed lists it no more than once). */
  async urls(links: readonly string[]): Promise<void> {
    await (this.storeExists() ? this.run(links, links) : this.everything());
  }

  /** The files that changed; every input when there is no store (yet, or any more) to add them to. */
  changed(ready: readonly BuildInput[]): Promise<Outcome> {
    if (!this.storeExists()) return this.everything();
    return this.run(ready, ready.map(inputPath));
  }

  private storeExists(): boolean {
    return fs.existsSync(path.join(this.out, STORE_FILE));
  }

  private async run(inputs: readonly BuildInput[], files: readonly string[]): Promise<Outcome> {
    const started = performance.now();
    try {
      const summary = await this.session.run(inputs, { update: this.storeExists() }, this.hooks);
      this.lastFailure = undefined;
      this.hooks.onUpdate({ summary, files, ms: performance.now() - started });
      return 'done';
    } catch (e) {
      const said = messageOf(e);
      if (said !== this.lastFailure) this.hooks.onFailure(e, files);
      this.lastFailure = said;
      // An input that cannot be used stays unusable until it changes; anything else may pass later.
      return e instanceof InputError ? 'done' : 'retry';
    }
  }
}

/** Every file a build of `inputs` would read, with its signature, in input and walk order. */
async function scan(inputs: readonly string[], onWarning: (w: InputWarning) => void): Promise<Map<string, Seen>> {
  const seen = new Map<string, Seen>();
  const look = async (file: string, root: string | undefined): Promise<void> => {
    try {
      const stat = await fsp.stat(file, { bigint: true });
      if (stat.isFile()) seen.set(file, { signature: `${stat.size}:${stat.mtimeNs}:${stat.ino}`, root });
    } catch (e) {
      // Gone between the listing and the look: it is read when it is back.
      if ((e as { code?: string }).code !== 'ENOENT') onWarning({ file, reason: messageOf(e) });
    }
  };
  for (const input of inputs) {
    let isDirectory: boolean;
    try {
      isDirectory = (await fsp.stat(input)).isDirectory();
    } catch (e) {
      onWarning({ file: input, reason: `cannot watch (${messageOf(e)})` });
      continue;
    }
    if (!isDirectory) {
      if (formatOf(input)) await look(input, undefined);
      continue;
    }
    for await (const file of filesUnder(input, onWarning)) await look(file, input);
  }
  return seen;
}

/** Scans repeat every interval: each distinct warning is passed on once, not once a scan. */
function onceEach(onWarning: (w: InputWarning) => void): (w: InputWarning) => void {
  const said = new Set<string>();
  return (w) => {
    const key = `${w.file}\n${w.reason}`;
    if (said.has(key)) return;
    said.add(key);
    onWarning(w);
  };
}
