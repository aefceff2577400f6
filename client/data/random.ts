// Dirichlet proportions for label-skewed splits. The generator itself is ml/random.ts, shared
// with training; sampleDirichlet also uses Math.log/exp/cos, which V8 computes in software
// (fdlibm ports), so the coordinator and clients agree as long as they run on Node.
import type { Random } from '../../ml/random.js';

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
