// Rényi DP of the sampled Gaussian mechanism (SGM): each record is included with probability q
// (Poisson sampling) and Gaussian noise of standard deviation z times the L2 sensitivity is added.
// Mironov 2017, "Rényi Differential Privacy"; Mironov, Talwar, Zhang 2019 (MTZ), "Rényi
// Differential Privacy of the Sampled Gaussian Mechanism", arXiv:1908.10530.
//
// For alpha > 1 the SGM is (alpha, log(A_alpha) / (alpha - 1))-RDP, where (MTZ Sec. 3.3)
//   A_alpha = E_{x ~ mu0} [ (1 - q + q * mu1(x) / mu0(x))^alpha ],  mu0 = N(0, z^2), mu1 = N(1, z^2).
import { assertInteger, assertNonNegative, assertNumber, assertOrder, assertProbability } from './args.js';

/** Opacus's default orders: 1.1, 1.2, ..., 10.9, then 12, 13, ..., 63. */
export const DEFAULT_ORDERS: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, k) => 1 + (k + 1) / 10),
  ...Array.from({ length: 52 }, (_, k) => 12 + k),
]);

/** RDP at each order of `steps` compositions of the SGM (Mironov 2017, Prop. 1: RDP adds up). */
export function computeRdp(samplingRate: number, noiseMultiplier: number, steps: number, orders: readonly number[]): number[] {
  assertInteger('steps', steps);
  if (!Array.isArray(orders) || orders.length === 0) throw new TypeError('orders must be a non-empty array');
  return orders.map((order) => (steps === 0 ? 0 : steps * rdpOfStep(samplingRate, noiseMultiplier, order)));
}

/** RDP of one step of the SGM at one order alpha > 1; may be Infinity. */
export function rdpOfStep(samplingRate: number, noiseMultiplier: number, order: number): number {
  assertProbability('samplingRate', samplingRate);
  assertNonNegative('noiseMultiplier', noiseMultiplier);
  assertOrder('order', order);
  const q = samplingRate;
  const z = noiseMultiplier;
  if (q === 0) return 0;
  if (z === 0) return Infinity;
  // Without sampling the mechanism is the plain Gaussian: alpha / (2 z^2) (Mironov 2017, Prop. 7).
  if (q === 1) return order / (2 * z * z);
  if (order === Infinity) return Infinity;
  if (Number.isInteger(order)) return logAInteger(q, z, order) / (order - 1);
  const logA = logAFractional(q, z, order);
  if (logA !== undefined) return logA / (order - 1);
  // The series converges only polynomially when z * |logit(q)| is tiny (q near 1/2 with huge z).
  // Rényi divergence is nondecreasing in the order (van Erven & Harremoës 2014, Thm. 3), so the
  // exact value at the next integer order is a sound upper bound.
  const upper = Math.ceil(order);
  return logAInteger(q, z, upper) / (upper - 1);
}

// Integer alpha: expand the binomial (1 - q + q r)^alpha with r = mu1/mu0 and use
// E_{mu0}[r^i] = exp((i^2 - i) / (2 z^2)); every term is positive, summed in log space (MTZ Sec. 3.3).
function logAInteger(q: number, z: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  let logA = -Infinity;
  let logBinom = 0;
  for (let i = 0; i <= alpha; i++) {
    if (i > 0) logBinom += Math.log((alpha - i + 1) / i);
    const term = logBinom + i * logQ + (alpha - i) * log1mQ + (i * i - i) / (2 * z * z);
    logA = logAddExp(logA, term);
  }
  return logA;
}

// Fractional alpha (MTZ Sec. 3.3): split the integral at z0, where q mu1 = (1 - q) mu0. Below z0
// the generalized binomial series in powers of q r converges, above it the series in powers of
// (1 - q); each power of r integrates against a Gaussian tail, 1/2 erfc(.). The coefficients
// binom(alpha, i) change sign once i > alpha + 1, so the sums keep signed log-space terms.
const TAIL_LOG_CUTOFF = -30; // stop once both new terms are below e^-30 (A_alpha >= 1)
const MAX_SERIES_TERMS = 20_000;

function logAFractional(q: number, z: number, alpha: number): number | undefined {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const z0 = z * z * Math.log(1 / q - 1) + 0.5;
  const scale = Math.SQRT2 * z;
  let below = -Infinity;
  let above = -Infinity;
  let logAbsBinom = 0;
  let positive = true;
  for (let i = 0; i < MAX_SERIES_TERMS; i++) {
    if (i > 0) {
      const factor = (alpha - i + 1) / i;
      if (factor < 0) positive = !positive;
      logAbsBinom += Math.log(Math.abs(factor));
    }
    const j = alpha - i;
    const s0 = logAbsBinom + i * logQ + j * log1mQ + (i * i - i) / (2 * z * z) + Math.log(0.5) + logErfc((i - z0) / scale);
    const s1 = logAbsBinom + j * logQ + i * log1mQ + (j * j - j) / (2 * z * z) + Math.log(0.5) + logErfc((z0 - j) / scale);
    if (positive) {
      below = logAddExp(below, s0);
      above = logAddExp(above, s1);
    } else {
      below = logSubExp(below, s0);
      above = logSubExp(above, s1);
    }
    if (Math.max(s0, s1) < TAIL_LOG_CUTOFF) return logAddExp(below, above);
  }
  return undefined;
}

function logAddExp(a: number, b: number): number {
  const hi = Math.max(a, b);
  const lo = Math.min(a, b);
  if (lo === -Infinity) return hi;
  return hi + Math.log1p(Math.exp(lo - hi));
}

// log(e^a - e^b) for a >= b; a negative result would mean the series lost all precision.
function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a;
  if (!(a >= b)) throw new RangeError('RDP series lost precision (negative partial sum)');
  if (a === b) return -Infinity;
  return a + Math.log(-Math.expm1(b - a));
}

/** log(erfc(x)), accurate in relative terms also where erfc(x) underflows. */
function logErfc(x: number): number {
  assertNumber('x', x);
  if (x >= 2) return logErfcTail(x);
  if (x > -2) return Math.log1p(-erf(x));
  return Math.log(2 - Math.exp(logErfcTail(-x)));
}

// erf by the everywhere-positive series erf(x) = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (2n+1)!!
// (Abramowitz & Stegun 7.1.6), used for |x| < 2 where it converges quickly without cancellation.
function erf(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

// For x >= 2: erfc(x) = e^{-x^2} / sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
// (A&S 7.1.14), evaluated by the modified Lentz method, in log space.
function logErfcTail(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return -x * x - 0.5 * Math.log(Math.PI) - Math.log(f);
}
