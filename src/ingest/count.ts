// How many inputs a build will go through, when that can be known cheaply beforehand: the
// files of the inputs, when every input is a local file or directory of one-document files.
// URLs, feeds, WARC and JSONL files and stdin hold an unknown number: undefined.
import { promises as fs } from 'node:fs';
import { filesUnder, formatOf, STDIN } from './index';
import { isUrlInput } from './urls';

/** Formats whose file is one document. */
const ONE_DOCUMENT = new Set(['text', 'markdown', 'html']);

export async function countInputs(inputs: readonly string[]): Promise<number | undefined> {
  let count = 0;
  for (const input of inputs) {
    if (input === STDIN || isUrlInput(input)) return undefined;
    const named = formatOf(input);
    if (named !== undefined && !ONE_DOCUMENT.has(named)) return undefined;
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      count++; // a missing file is one input, skipped with a warning
      continue;
    }
    if (stat.isDirectory()) {
      for await (const file of filesUnder(input, () => undefined)) {
        if (!ONE_DOCUMENT.has(formatOf(file) ?? '')) return undefined;
        count++;
      }
    } else {
      count++;
    }
  }
  return count;
}
