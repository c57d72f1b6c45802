// Progress on stderr for long builds, on a terminal only (never in pipes, CI logs or files):
// a bar with done/total, rate and ETA when the number of inputs is known beforehand, a spinner
// with the count and rate when it is not (feeds, WARC files, JSONL, stdin). Nothing is drawn
// in the first second, so short runs print only their result lines.
import type { SingleBar } from 'cli-progress';

const SHOW_AFTER_MS = 1000;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;

export class Progress {
  private bar: SingleBar | undefined;
  private done = 0;
  private readonly started = performance.now();
  private readonly tty: boolean;

  /** `total`: the inputs to go through when known (see countInputs), else undefined. */
  constructor(private readonly stream: NodeJS.WritableStream, private readonly total?: number, private readonly showAfterMs = SHOW_AFTER_MS) {
    this.tty = (stream as NodeJS.WriteStream).isTTY === true;
  }

  /** One more input gone through (a document built, or an input skipped). */
  tick(): void {
    this.done++;
    if (!this.tty) return;
    const elapsed = performance.now() - this.started;
    if (!this.bar && elapsed >= this.showAfterMs) this.bar = this.open();
    const rate = this.done / Math.max(elapsed / 1000, 0.001);
    const payload = { rate: rate >= 10 ? rate.toFixed(0) : rate.toFixed(1), spinner: SPINNER[this.done % SPINNER.length] ?? '' };
    if (this.total !== undefined && this.bar) this.bar.setTotal(Math.max(this.total, this.done));
    this.bar?.update(this.done, payload);
  }

  /** Runs `write` (a warning line) with the bar taken down first and put up again after (it redraws where it started). */
  around(write: () => void): void {
    if (!this.bar) {
      write();
      return;
    }
    this.bar.stop();
    write();
    this.bar = this.open();
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  private open(): SingleBar {
    // Loaded only when a bar is shown, so that short runs and pipes never load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
    const known = this.total !== undefined;
    const bar = new SingleBar({
      stream: this.stream as NodeJS.WriteStream,
      format: known
        ? 'newsgraph build [{bar}] {value}/{total} inputs | {rate}/s | ETA {eta_formatted}'
        : 'newsgraph build {spinner} {value} inputs | {rate}/s | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    }, Presets.shades_classic);
    bar.start(known ? Math.max(this.total ?? 0, this.done) : 0, this.done, { rate: '0', spinner: SPINNER[0] });
    return bar;
  }
}
