// The noise multiplier for a target (epsilon, delta) after `steps` rounds at sampling rate q.
// Epsilon falls monotonically as z grows (RDP at every order does), so bisection on z finds the
// smallest z meeting the target; the answer is the upper end of the final bracket, so it always
// meets the target and exceeds the exact minimum by at most `tolerance`.
import { assertDelta, assertInteger, assertPositive, assertProbability } from './args.js';
import { rdpToEpsilon } from './convert.js';
import { DEFAULT_ORDERS, computeRdp } from './rdp.js';

export interface CalibrationTarget {
  readonly epsilon: number;
  readonly delta: number;
  readonly samplingRate: number;
  readonly steps: number;
  readonly orders?: readonly number[];
  /** Absolute tolerance on z; default 1e-6. */
  readonly tolerance?: number;
}

/** Beyond this, the target is treated as unreachable. */
export const MAX_NOISE_MULTIPLIER = 1e6;

export function calibrateNoise(target: CalibrationTarget): number {
  const { epsilon, delta, samplingRate, steps, orders = DEFAULT_ORDERS, tolerance = 1e-6 } = target;
  assertPositive('epsilon', epsilon);
  assertDelta('delta', delta);
  assertProbability('samplingRate', samplingRate);
  if (samplingRate === 0) throw new RangeError('samplingRate must be > 0: with q = 0 any noise multiplier meets the target');
  assertInteger('steps', steps, 1);
  assertPositive('tolerance', tolerance);
  const epsilonAt = (z: number) => rdpToEpsilon(orders, computeRdp(samplingRate, z, steps, orders), delta).epsilon;

  let lo = 0;
  let hi = 1;
  while (epsilonAt(hi) > epsilon) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_NOISE_MULTIPLIER) {
      throw new RangeError(`epsilon ${epsilon} is unreachable at delta ${delta} with noise multiplier <= ${MAX_NOISE_MULTIPLIER}`);
    }
  }
  while (hi - lo > tolerance) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break; // the bracket is as narrow as doubles allow
    if (epsilonAt(mid) > epsilon) lo = mid;
    else hi = mid;
  }
  return hi;
}
