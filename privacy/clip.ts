// L2 clipping bounds each client's contribution to the sum, so the sum's L2 sensitivity is the
// bound C and Gaussian noise of standard deviation z * C gives the accounted RDP (Abadi et al.
// 2016, "Deep Learning with Differential Privacy", Sec. 3.1).
import { assertPositive } from './args.js';

export interface ClipResult {
  /** A new array whose L2 norm is at most the bound. */
  readonly clipped: Float32Array;
  /** The L2 norm of the input, computed in float64. */
  readonly norm: number;
  readonly wasClipped: boolean;
}

export function clipL2(update: Float32Array, bound: number): ClipResult {
  if (!(update instanceof Float32Array)) throw new TypeError('update must be a Float32Array');
  assertPositive('bound', bound);
  const norm = l2Norm(update);
  // A NaN or infinite coordinate would make the norm NaN/Infinity and slip past the bound.
  if (!Number.isFinite(norm)) throw new RangeError('update must contain only finite values');
  if (norm <= bound) return { clipped: Float32Array.from(update), norm, wasClipped: false };
  // Rounding to float32 can leave the scaled norm a few ulps above the bound; shrink until it is
  // not, since a norm above C would break the sensitivity the accountant assumes.
  let factor = bound / norm;
  for (;;) {
    const clipped = update.map((x) => x * factor);
    const after = l2Norm(clipped);
    if (after <= bound) return { clipped, norm, wasClipped: true };
    factor *= (bound / after) * (1 - 2 ** -20);
  }
}

export function l2Norm(v: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}
