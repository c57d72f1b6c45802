// Deterministic hashing and pseudo-random numbers: the layout never calls Math.random.
export { hashString, seededRandom } from '../random';

/** Rounds to `decimals` places; never returns -0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}
