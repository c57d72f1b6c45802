// The training loop every model shares: seeded shuffles, one perceptron pass per epoch, the
// averaged model scored on dev after each epoch, early stopping when dev stops improving, and a
// progress line with an ETA.
import { seededRandom, shuffleInPlace } from '../random';
import type { LinearModel } from './linear';
import type { AveragedPerceptron } from './perceptron';

export interface FitOptions {
  readonly maxEpochs: number;
  /** Stop after this many epochs without a better dev score. */
  readonly patience: number;
  readonly seed: number;
}

export interface FitResult {
  readonly model: LinearModel;
  readonly bestEpoch: number;
  /** Dev score after each epoch, in order. */
  readonly devScores: readonly number[];
}

export interface FitHooks<T> {
  /** Trains on one example (the perceptron's tick and update are the caller's). */
  readonly learn: (example: T, epoch: number, random: () => number) => void;
  /** Dev score of a frozen model (higher is better). */
  readonly evaluate: (model: LinearModel) => number;
  /** One progress line per epoch (stderr by default). */
  readonly log?: (line: string) => void;
}

export function fit<T>(perceptron: AveragedPerceptron, examples: readonly T[], options: FitOptions, hooks: FitHooks<T>): FitResult {
  const random = seededRandom(options.seed);
  const order = examples.slice();
  const devScores: number[] = [];
  let best: LinearModel | undefined;
  let bestScore = -Infinity;
  let bestEpoch = 0;
  const started = Date.now();
  const log = hooks.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  for (let epoch = 1; epoch <= options.maxEpochs; epoch++) {
    shuffleInPlace(order, random);
    for (const example of order) hooks.learn(example, epoch, random);
    const model = perceptron.freeze();
    const score = hooks.evaluate(model);
    devScores.push(score);
    if (score > bestScore) {
      best = model;
      bestScore = score;
      bestEpoch = epoch;
    }
    const perEpoch = (Date.now() - started) / epoch;
    // Early stopping makes the end uncertain: at most every epoch left; at least those patience still allows.
    const most = (options.maxEpochs - epoch) * perEpoch;
    const least = Math.min(options.maxEpochs - epoch, options.patience - (epoch - bestEpoch)) * perEpoch;
    log(`  epoch ${epoch}/${options.maxEpochs}: dev ${score.toFixed(2)} (best ${bestScore.toFixed(2)} at ${bestEpoch}), ${model.rows} features, ${(perEpoch / 1000).toFixed(1)} s/epoch, ${(least / 1000).toFixed(0)}–${(most / 1000).toFixed(0)} s left`);
    if (epoch - bestEpoch >= options.patience) break;
  }
  if (!best) throw new Error('fit: no epoch was run');
  return { model: best, bestEpoch, devScores };
}
