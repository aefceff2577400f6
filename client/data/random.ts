// Seeded randomness for data splits. The coordinator and every client must derive the same
// split from the same seed, in separate processes, so nothing here may touch Math.random:
// every draw comes from a 32-bit integer generator whose arithmetic is exact in JavaScript.
// sampleDirichlet also uses Math.log/exp/cos, which V8 computes in software (fdlibm ports),
// so the coordinator and clients agree as long as they run on Node.

/** A uniform draw from [0, 1). */
export type Random = () => number;

const TWO_TO_32 = 2 ** 32;

/**
 * mulberry32: one 32-bit word of state, full period 2^32, passes the usual statistical
 * batteries well enough for shuffling and sampling split proportions. Math.imul and the
 * unsigned shifts keep every step in exact 32-bit integer arithmetic on any engine.
 */
export function seededRandom(seed: number): Random {
  if (typeof seed !== 'number') throw new TypeError(`seed must be a number, got ${typeof seed}`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_TO_32) {
    throw new RangeError(`seed must be an integer in 0..2^32-1, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_TO_32;
  };
}

/** A uniform integer in 0..n-1. */
export function randomBelow(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return Math.floor(random() * n);
}

/** Fisher–Yates: shuffles `items` in place and returns it. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBelow(random, i + 1);
    const held = items[i];
    items[i] = items[j];
    items[j] = held;
  }
  return items;
}

/** The integers 0..n-1 in a seeded random order. */
export function shuffledIndices(n: number, random: Random): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return shuffleInPlace(Array.from({ length: n }, (_, i) => i), random);
}

/**
 * Proportions drawn from a symmetric Dirichlet(alpha) over `k` parts.
 * Computed in log space: for small alpha the gamma draws underflow to 0 in linear space
 * (all of them, sometimes), which would leave nothing to normalise.
 */
export function sampleDirichlet(random: Random, alpha: number, k: number): number[] {
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw new RangeError(`alpha must be a positive finite number, got ${alpha}`);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const logs = Array.from({ length: k }, () => logGammaDraw(random, alpha));
  const top = Math.max(...logs);
  const weights = logs.map((l) => Math.exp(l - top));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** log of a Gamma(shape, 1) draw (Marsaglia & Tsang 2000, with the shape < 1 boost). */
function logGammaDraw(random: Random, shape: number): number {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) * U^(1/a); 1 - random() lies in (0, 1], so the log is finite.
    return logGammaDraw(random, shape + 1) + Math.log(1 - random()) / shape;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return Math.log(d * v);
  }
}

/** Box–Muller; 1 - random() keeps the logarithm's argument away from 0. */
function standardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}
