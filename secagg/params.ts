// SecAgg+ parameters (Bell et al. 2020): threshold t, graph degree k, clip range c, bits b.
// Each client's mask key and self-mask seed are shared among its k neighbours plus itself
// (k + 1 holders, as in Bonawitz et al. 2017 §4 where u shares among all of U1, itself included).
import { checkInteger } from './encoding.js';

export interface SecAggParams {
  /** t: shares needed to reconstruct a secret. */
  readonly threshold: number;
  /** k: neighbours per client; k = n - 1 is the complete graph of classic SecAgg. */
  readonly degree: number;
  /** c: every coordinate is clipped to [-c, c] before quantization. */
  readonly clipRange: number;
  /** b: bits per quantized coordinate. */
  readonly bits: number;
}

export const MIN_COHORT = 3;
export const MAX_COHORT = 1 << 20;
/** shamir-secret-sharing works in GF(256): at most 255 shares, so at most 254 neighbours. */
export const MAX_DEGREE = 254;
export const MODULUS_BITS = 32;
/** Scale of the logarithmic default degree: k = 6 * ceil(log2 n). */
const DEGREE_PER_LOG2 = 6;

/**
 * k grows with log n (Bell et al. 2020, §3: a Harary graph of degree O(log n) keeps enough
 * honest surviving neighbours with high probability). The constant 6 is our choice, not
 * derived from their bounds: review it against a deployment's dropout and corruption rates.
 * 6 * ceil(log2 n) is even, so a k-regular graph exists for any n; small cohorts get the
 * complete graph.
 */
export function defaultDegree(cohortSize: number): number {
  const n = checkCohortSize(cohortSize);
  const k = Math.min(DEGREE_PER_LOG2 * Math.ceil(Math.log2(n)), MAX_DEGREE);
  return k >= n - 1 ? n - 1 : k;
}

/**
 * The smallest strict majority of the k + 1 holders. A coordinator that shows half the
 * neighbourhood "u dropped" and the other half "u survived" then cannot collect t shares of
 * both u's mask key and u's self-mask seed from honest holders, since two disjoint sets of
 * t > (k+1)/2 holders do not exist (Bonawitz et al. 2017 §4, the reason each honest client
 * reveals only one share per neighbour; Bell et al. 2020 §3 for the per-neighbourhood form).
 */
export function defaultThreshold(degree: number): number {
  const k = checkInteger(degree, 'degree', 2, MAX_DEGREE);
  return Math.floor((k + 1) / 2) + 1;
}

export function defaultParams(cohortSize: number, clipRange = 1, bits = 16): SecAggParams {
  const degree = defaultDegree(cohortSize);
  return validateParams({ threshold: defaultThreshold(degree), degree, clipRange, bits }, cohortSize);
}

/** A frozen copy of params that is sound for a cohort of cohortSize; RangeError naming the field otherwise. */
export function validateParams(params: SecAggParams, cohortSize: number): SecAggParams {
  if (typeof params !== 'object' || params === null) throw new TypeError('params must be an object');
  const n = checkCohortSize(cohortSize);
  const degree = checkInteger(params.degree, 'degree', 2, Math.min(n - 1, MAX_DEGREE));
  if ((n * degree) % 2 !== 0) {
    throw new RangeError(`degree must be even when the cohort size is odd (n=${n}, degree=${degree})`);
  }
  const threshold = checkInteger(params.threshold, 'threshold', defaultThreshold(degree), degree);
  const bits = checkInteger(params.bits, 'bits', 1, MODULUS_BITS - 1);
  // n clients each adding at most 2^b - 1 must not wrap mod 2^32: b + ceil(log2 n) <= 32.
  const headroom = Math.ceil(Math.log2(n));
  if (bits + headroom > MODULUS_BITS) {
    throw new RangeError(
      `bits must be at most ${MODULUS_BITS - headroom} for a cohort of ${n} (sum would overflow 2^32)`,
    );
  }
  if (typeof params.clipRange !== 'number') throw new TypeError('clipRange must be a number');
  if (!Number.isFinite(params.clipRange) || params.clipRange <= 0) {
    throw new RangeError(`clipRange must be a finite number > 0, got ${params.clipRange}`);
  }
  return Object.freeze({ threshold, degree, clipRange: params.clipRange, bits });
}

export function checkCohortSize(cohortSize: number): number {
  return checkInteger(cohortSize, 'cohortSize', MIN_COHORT, MAX_COHORT);
}
