// Options of the layout stage: one interface, its defaults, and a validator that names the option.
import { UsageError } from '../errors';

export interface LayoutOptions {
  /** ForceAtlas2 iterations; 'auto' picks them from each component's size (ITERATION_STEPS). */
  iterations: number | 'auto';
  /** Barnes–Hut approximation when ForceAtlas2 moves more than this many nodes of a component. */
  barnesHutThreshold: number;
  /** Barnes–Hut accuracy: lower is slower and more exact. 1.2 is Gephi's default (graphology's is 0.5,
   * about 3× slower at 10k nodes). */
  barnesHutTheta: number;
  /** Seeds the initial positions and Louvain's random walk: same seed, same layout. */
  seed: number;
  /** Compute Louvain communities into the node attribute `community`. */
  communities: boolean;
  /** Louvain resolution (> 0); higher gives more, smaller communities. */
  resolution: number;
  /** Coordinates and sizes are rounded to this many decimals, so output is byte-stable. */
  precision: number;
  /** Node size = clamp(minNodeSize + nodeSizeScale·√degree, minNodeSize, maxNodeSize). */
  minNodeSize: number;
  maxNodeSize: number;
  nodeSizeScale: number;
  /** Edge size = clamp(minEdgeSize + log2(count), minEdgeSize, maxEdgeSize). */
  minEdgeSize: number;
  maxEdgeSize: number;
}

export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = {
  iterations: 'auto',
  barnesHutThreshold: 1000,
  barnesHutTheta: 1.2,
  seed: 1,
  communities: true,
  resolution: 1,
  precision: 2,
  minNodeSize: 4,
  maxNodeSize: 24,
  nodeSizeScale: 2,
  minEdgeSize: 1,
  maxEdgeSize: 8,
};

/**
 * Iterations by the number of nodes ForceAtlas2 moves in a component (its leaves are placed
 * afterwards): the first row whose maxNodes is ≥ that number wins.
 */
export const ITERATION_STEPS: readonly { readonly maxNodes: number; readonly iterations: number }[] = [
  { maxNodes: 100, iterations: 500 },
  { maxNodes: 1000, iterations: 300 },
  { maxNodes: 5000, iterations: 150 },
  { maxNodes: 20000, iterations: 80 },
  { maxNodes: Infinity, iterations: 50 },
];

type Check = (value: unknown) => boolean;

const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isNonNegative: Check = (v) => isNumber(v) && (v as number) >= 0;
const isPositive: Check = (v) => isNumber(v) && (v as number) > 0;
const isNonNegativeInteger: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;

/** Each option's check and what the user is told when it fails. */
const CHECKS: { readonly [K in keyof LayoutOptions]: readonly [Check, string] } = {
  iterations: [(v) => v === 'auto' || (Number.isSafeInteger(v) && (v as number) > 0), "a positive integer or 'auto'"],
  barnesHutThreshold: [isNonNegativeInteger, 'a non-negative integer'],
  barnesHutTheta: [isPositive, 'a positive number'],
  seed: [(v) => Number.isSafeInteger(v), 'an integer'],
  communities: [(v) => typeof v === 'boolean', 'true or false'],
  resolution: [isPositive, 'a positive number'],
  precision: [(v) => isNonNegativeInteger(v) && (v as number) <= 10, 'an integer from 0 to 10'],
  minNodeSize: [isPositive, 'a positive number'],
  maxNodeSize: [isPositive, 'a positive number'],
  nodeSizeScale: [isNonNegative, 'a non-negative number'],
  minEdgeSize: [isPositive, 'a positive number'],
  maxEdgeSize: [isPositive, 'a positive number'],
};

export function resolveLayoutOptions(partial: Partial<LayoutOptions> = {}): LayoutOptions {
  for (const name of Object.keys(partial)) {
    if (!Object.hasOwn(CHECKS, name)) throw new UsageError(`unknown layout option "${name}"`, name);
  }
  const options: LayoutOptions = { ...DEFAULT_LAYOUT_OPTIONS };
  for (const [name, value] of Object.entries(partial)) {
    if (value !== undefined) Object.assign(options, { [name]: value });
  }
  for (const name of Object.keys(CHECKS) as (keyof LayoutOptions)[]) {
    const [check, expected] = CHECKS[name];
    const value = options[name];
    if (!check(value)) throw new UsageError(`invalid value ${JSON.stringify(value)}: expected ${expected}`, name);
  }
  if (options.maxNodeSize < options.minNodeSize) {
    throw new UsageError(`must be ≥ minNodeSize (${options.minNodeSize})`, 'maxNodeSize');
  }
  if (options.maxEdgeSize < options.minEdgeSize) {
    throw new UsageError(`must be ≥ minEdgeSize (${options.minEdgeSize})`, 'maxEdgeSize');
  }
  return options;
}

/** The iteration count when ForceAtlas2 moves `order` nodes. */
export function iterationsFor(order: number, options: Pick<LayoutOptions, 'iterations'>): number {
  if (options.iterations !== 'auto') return options.iterations;
  const step = ITERATION_STEPS.find((s) => order <= s.maxNodes);
  return step ? step.iterations : 1;
}
