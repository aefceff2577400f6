// Gaussian noise for the sampled Gaussian mechanism, from a cryptographic source.
//
// Two modes (README, "Security model"), both accounted with the target multiplier z:
// - central: the coordinator adds N(0, (z C)^2) to each coordinate of the sum after unmasking
//   (centralNoiseStd). The coordinator must then be trusted to add it.
// - distributed: each client adds N(0, (z C)^2 / tMin) before masking (distributedNoiseStd),
//   where tMin is the fewest survivors the round accepts (it aborts below tMin). Independent
//   Gaussians add their variances, so a sum over t >= tMin survivors carries t/tMin * (z C)^2 >=
//   (z C)^2: dropouts can take the noise down to the full variance at t = tMin, never below it,
//   and more survivors only add noise. The accountant uses z, the worst case t = tMin.
//   Caveat: a client knows its own share; if c clients may collude with the coordinator and
//   remove theirs, pass tMin - c so the honest shares alone carry the full variance.
//
// Floating-point samples are not exactly Gaussian (Mironov 2012, "On significance of the least
// significant bits for differential privacy"); a discrete Gaussian (Canonne, Kamath, Steinke
// 2020) would close that gap and is not done here.
import { randomFillSync } from 'node:crypto';
import { assertInteger, assertNonNegative, assertPositive } from './args.js';

/** Standard deviation the coordinator adds to the unmasked sum: z * C. */
export function centralNoiseStd(noiseMultiplier: number, clipBound: number): number {
  assertNonNegative('noiseMultiplier', noiseMultiplier);
  assertPositive('clipBound', clipBound);
  return noiseMultiplier * clipBound;
}

/** Standard deviation each client adds before masking: z * C / sqrt(tMin). */
export function distributedNoiseStd(noiseMultiplier: number, clipBound: number, tMin: number): number {
  assertInteger('tMin', tMin, 1);
  return centralNoiseStd(noiseMultiplier, clipBound) / Math.sqrt(tMin);
}

/** `length` independent N(0, std^2) samples. */
export function gaussianNoise(length: number, std: number): Float64Array {
  assertInteger('length', length);
  assertNonNegative('std', std);
  const out = new Float64Array(length);
  if (std === 0) return out;
  const uniform = uniformSource();
  // Marsaglia polar method (Marsaglia & Bray 1964): two normals per accepted pair.
  for (let i = 0; i < length; ) {
    const u = 2 * uniform() - 1;
    const v = 2 * uniform() - 1;
    const s = u * u + v * v;
    if (s >= 1 || s === 0) continue;
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    out[i++] = std * u * f;
    if (i < length) out[i++] = std * v * f;
  }
  return out;
}

/** The randomness DP-SGD (ml/dpsgd.ts) draws its lots and noise from: node:crypto, both. */
export function dpRandomness(): { uniform: () => number; gaussian: (length: number, std: number) => Float64Array } {
  return { uniform: uniformSource(), gaussian: gaussianNoise };
}

/** A copy of `v` with N(0, std^2) added to each coordinate. */
export function addNoise(v: Float32Array, std: number): Float32Array {
  if (!(v instanceof Float32Array)) throw new TypeError('v must be a Float32Array');
  const noise = gaussianNoise(v.length, std);
  return v.map((x, i) => x + noise[i]);
}

const CHUNK_WORDS = 16 * 1024; // 64 KiB of randomness per refill

/** Uniform doubles in [0, 1) with 53 random bits each, read from node:crypto in 64 KiB chunks. */
export function uniformSource(): () => number {
  // Indexing a Uint32Array rather than calling Buffer.readUInt32LE: DP-SGD draws a normal per
  // weight per step, and this loop is its cost.
  const words = new Uint32Array(CHUNK_WORDS);
  let offset = CHUNK_WORDS;
  return () => {
    if (offset === CHUNK_WORDS) {
      randomFillSync(words);
      offset = 0;
    }
    const hi = words[offset] >>> 5; // 27 bits
    const lo = words[offset + 1] >>> 6; // 26 bits
    offset += 2;
    return (hi * 2 ** 26 + lo) / 2 ** 53;
  };
}
