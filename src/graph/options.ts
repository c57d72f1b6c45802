// Options of the graph stage: what a big graph keeps. One interface, its defaults, and a validator
// that names the option.
import { UsageError } from '../errors';

export interface GraphOptions {
  /** Drop edges backed by fewer facts than this (`--min-count`). 1 keeps every edge. */
  minCount: number;
  /** Keep only the N most connected entities (`--top`), by degree, ties by id. 0 keeps all. */
  top: number;
  /**
   * Evidence items kept on each edge in graph.json (`--evidence`): the first N in canonical order.
   * 0 keeps all. `count` is always the full number; the store (and `serve`'s /api/evidence) has all.
   */
  evidence: number;
}

export const DEFAULT_GRAPH_OPTIONS: Readonly<GraphOptions> = Object.freeze({ minCount: 1, top: 0, evidence: 0 });

/** Each option's flag, for messages. */
const FLAGS: Readonly<Record<keyof GraphOptions, string>> = { minCount: '--min-count', top: '--top', evidence: '--evidence' };

export function resolveGraphOptions(partial: Partial<GraphOptions> = {}): GraphOptions {
  const options: GraphOptions = { ...DEFAULT_GRAPH_OPTIONS };
  for (const [name, value] of Object.entries(partial)) {
    if (!Object.hasOwn(FLAGS, name)) throw new UsageError(`unknown graph option "${name}"`, name);
    if (value !== undefined) Object.assign(options, { [name]: value });
  }
  for (const name of Object.keys(FLAGS) as (keyof GraphOptions)[]) {
    const value = options[name];
    const min = name === 'minCount' ? 1 : 0;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new UsageError(`must be an integer ≥ ${min}, got ${JSON.stringify(value)}`, FLAGS[name]);
    }
  }
  return options;
}
