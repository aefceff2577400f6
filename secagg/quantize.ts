// Quantization (Bonawitz et al. 2017 §3, Bell et al. 2020 §5): clip each coordinate to [-c, c],
// map affinely onto [0, 2^b - 1], and round stochastically so the quantized sum is an unbiased
// estimate of the real one. validateParams keeps b + ceil(log2 n) <= 32, so a cohort's sum of
// quantized vectors never wraps mod 2^32 and dequantizeSum inverts the map exactly.
//
// FedAvg weights: append the client's weight w in [0, 1] as one more coordinate. With c >= 1 it
// is an ordinary value in [-c, c]; the dequantized last coordinate is then the sum of weights
// (to within count steps), carried by the same masks as the update.
import { randomFillSync } from 'node:crypto';
import type { SecAggParams } from './params.js';

/** Fills `out` with independent uniform 32-bit words. Injectable so tests can be reproducible. */
export type RandomWords = (out: Uint32Array) => void;

const cryptoWords: RandomWords = (out) => {
  randomFillSync(out);
};
const TWO_POW_32 = 0x1_0000_0000;
const BATCH = 4096;

/** Width of one quantization level: 2c / (2^b - 1). |dequantized - clipped value| < step. */
export function quantizationStep(params: SecAggParams): number {
  return (2 * params.clipRange) / levels(params);
}

export function quantize(values: Float32Array, params: SecAggParams, random: RandomWords = cryptoWords): Uint32Array {
  if (!(values instanceof Float32Array)) throw new TypeError('values must be a Float32Array');
  if (typeof random !== 'function') throw new TypeError('random must be a function');
  const c = params.clipRange;
  const top = levels(params);
  const scale = top / (2 * c);
  const out = new Uint32Array(values.length);
  const noise = new Uint32Array(Math.min(BATCH, values.length));
  for (let start = 0; start < values.length; start += BATCH) {
    random(noise);
    const end = Math.min(values.length, start + BATCH);
    for (let i = start; i < end; i++) {
      const v = values[i];
      // NaN or an infinity never leaves a client (DESIGN: Bad input).
      if (!Number.isFinite(v)) throw new RangeError(`values[${i}] must be finite, got ${v}`);
      const scaled = (Math.min(c, Math.max(-c, v)) + c) * scale; // in [0, top]
      const floor = Math.min(Math.floor(scaled), top);
      // Round up with probability (scaled - floor): E[q] = scaled up to 2^-32.
      const up = noise[i - start] < (scaled - floor) * TWO_POW_32 ? 1 : 0;
      out[i] = floor + up;
    }
  }
  return out;
}

/** The real-valued sum of `count` vectors whose quantized sum is `sum` (the affine map inverted). */
export function dequantizeSum(sum: Uint32Array, count: number, params: SecAggParams): Float64Array {
  if (!(sum instanceof Uint32Array)) throw new TypeError('sum must be a Uint32Array');
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  const step = quantizationStep(params);
  const offset = count * params.clipRange;
  const out = new Float64Array(sum.length);
  for (let i = 0; i < sum.length; i++) out[i] = sum[i] * step - offset;
  return out;
}

function levels(params: SecAggParams): number {
  return 2 ** params.bits - 1;
}
