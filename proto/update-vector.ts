// What an agency's SecAgg+ input holds in a round, derived from the round's offer alone: the
// client that encodes it and the coordinator that decodes the cohort's sum call this one
// function, so they cannot disagree on the layout. The input is the model update, quantized in
// [-clipRange, clipRange] (secagg/quantize.ts), then exact segments (secagg/exact.ts), first the
// FedAvg example count. Further exact segments (metric totals, statistics) go after it, here.
//
// The weight is not a quantized coordinate: clipped to the clip range, a weight of 1 came out
// as 0.1 under --clip-range 0.1 (the mean 10x too large), and any value in [-c, c] was accepted,
// so the total weight could be zero or negative. As an unsigned exact integer it is never
// negative, and the coordinator checks its exact total.
import { decodeVectorSum, encodeVector, limbsFor, type VectorLayout } from '../secagg/exact.js';
import type { RandomWords } from '../secagg/quantize.js';
import type { SecAggParams } from '../secagg/params.js';
import type { cohort } from './messages.js';

export interface UpdateVector {
  readonly layout: VectorLayout;
  /** Each agency's example count is a whole number in [1, maxCount] ... */
  readonly maxCount: number;
  /** ... and its FedAvg weight is count / weightScale, in (0, 1]. */
  readonly weightScale: number;
}

/**
 * The round's input layout. Without DP an agency's count is min(examples, weightCap) (its FedAvg
 * weight count / weightCap, McMahan et al. 2017); with DP every agency weighs 1, so one agency
 * moves the sum by at most the clip norm (coordinator/privacy-tracker.ts).
 */
export function updateVectorOf(offer: cohort.v1.IRoundOffer): UpdateVector {
  const uniform = offer.dp?.mode === 'central' || offer.dp?.mode === 'distributed';
  const maxCount = uniform ? 1 : Math.max(1, offer.weightCap ?? 1);
  const bits = offer.secagg?.bits ?? 0;
  return {
    layout: {
      quantized: { length: (offer.weights?.length ?? 0) / 4, clipRange: offer.secagg?.clipRange ?? 0 },
      exact: [{ count: 1, fractionBits: 0, limbs: limbsFor(maxCount, 0, bits, false), signed: false }],
    },
    maxCount,
    weightScale: maxCount,
  };
}

/** The client's input: w * delta quantized, then its count; RangeError for a weight the round does not allow. */
export function encodeUpdate(vector: UpdateVector, params: SecAggParams, delta: Float32Array, weight: number, random?: RandomWords): Uint32Array {
  const count = Math.round(weight * vector.weightScale);
  if (!(count >= 1 && count <= vector.maxCount && count / vector.weightScale === weight)) {
    throw new RangeError(`weight ${weight} is not a count in [1, ${vector.maxCount}] over ${vector.weightScale}`);
  }
  const scaled = new Float32Array(delta.length);
  for (let i = 0; i < delta.length; i++) scaled[i] = weight * delta[i];
  return encodeVector(vector.layout, params, { quantized: scaled, exact: [[count]] }, random);
}

/**
 * The sum of `contributors` inputs: sum of w * delta, and of w. The count total is exact, so it
 * is checked exactly: every honest count is in [1, maxCount], and a total outside
 * [contributors, contributors * maxCount] means some input was malformed (RangeError).
 */
export function decodeUpdateSum(vector: UpdateVector, params: SecAggParams, sum: Uint32Array, contributors: number): { weighted: Float64Array; totalWeight: number } {
  const decoded = decodeVectorSum(vector.layout, params, sum, contributors);
  const counts = decoded.exact[0][0];
  if (!(counts >= contributors && counts <= contributors * vector.maxCount)) {
    throw new RangeError(`the ${contributors} inputs' example counts add up to ${counts}, outside [${contributors}, ${contributors * vector.maxCount}]: some input is malformed`);
  }
  return { weighted: decoded.quantized, totalWeight: counts / vector.weightScale };
}
