// A progress bar on stderr for long builds, shown only on a terminal (never in pipes or CI logs).
import type { SingleBar } from 'cli-progress';

const SHOW_AFTER_DOCUMENTS = 50;

export class Progress {
  private bar: SingleBar | undefined;
  private done = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  tick(): void {
    this.done++;
    const tty = (this.stream as NodeJS.WriteStream).isTTY === true;
    if (!tty) return;
    if (!this.bar && this.done >= SHOW_AFTER_DOCUMENTS) {
      // Loaded only when a bar is shown, so that short runs and pipes never load it.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { SingleBar, Presets } = require('cli-progress') as typeof import('cli-progress');
      // The total is unknown while inputs stream in: show a running count.
      this.bar = new SingleBar({ stream: this.stream as NodeJS.WriteStream, format: 'newsgraph build | {value} documents | {duration_formatted}', hideCursor: true }, Presets.shades_classic);
      this.bar.start(0, this.done);
    }
    this.bar?.update(this.done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
