import { describe, expect, it } from 'vitest';
import { defaultParams, defaultThreshold, validateParams } from '../../secagg/params.js';
import { dequantizeSum, quantizationStep, quantize, type RandomWords } from '../../secagg/quantize.js';
import { seededRandom } from './harness.js';

const seededWords = (seed: number): RandomWords => {
  const rand = seededRandom(seed);
  return (out) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(rand() * 2 ** 32);
  };
};

describe('SecAgg params', () => {
  it('names the field it rejects', () => {
    const ok = { threshold: 6, degree: 9, clipRange: 1, bits: 16 };
    expect(validateParams(ok, 10)).toEqual(ok);
    expect(() => validateParams({ ...ok, threshold: 5 }, 10)).toThrow(/threshold/);
    expect(() => validateParams({ ...ok, threshold: 10 }, 10)).toThrow(/threshold/);
    expect(() => validateParams({ ...ok, degree: 10 }, 10)).toThrow(/degree/);
    expect(() => validateParams({ ...ok, clipRange: 0 }, 10)).toThrow(/clipRange/);
    expect(() => validateParams({ ...ok, clipRange: Number.NaN }, 10)).toThrow(/clipRange/);
    expect(() => validateParams({ ...ok, bits: 0 }, 10)).toThrow(/bits/);
    expect(() => validateParams(ok, 2)).toThrow(/cohortSize/);
  });

  it('refuses bits whose cohort sum could wrap mod 2^32', () => {
    const p = { threshold: 6, degree: 9, clipRange: 1, bits: 28 };
    expect(() => validateParams(p, 10)).not.toThrow(); // 28 + 4 = 32
    expect(() => validateParams({ ...p, bits: 29 }, 10)).toThrow(RangeError);
  });

  it('defaultThreshold is a strict majority of the k + 1 holders', () => {
    for (let k = 2; k <= 254; k++) {
      const t = defaultThreshold(k);
      expect(2 * t).toBeGreaterThan(k + 1);
      expect(t).toBeLessThanOrEqual(k);
    }
  });
});

describe('quantization', () => {
  const params = validateParams({ threshold: 6, degree: 9, clipRange: 2, bits: 12 }, 10);
  const step = quantizationStep(params);

  it('round trip is within one step, after clipping', () => {
    const rand = seededRandom(1);
    const values = Float32Array.from({ length: 5000 }, () => (rand() - 0.5) * 6);
    const q = quantize(values, params, seededWords(2));
    const back = dequantizeSum(q, 1, params);
    for (let i = 0; i < values.length; i++) {
      const clipped = Math.min(2, Math.max(-2, values[i]));
      expect(Math.abs(back[i] - clipped)).toBeLessThanOrEqual(step + 1e-12);
      expect(q[i]).toBeLessThan(2 ** 12);
    }
  });

  it('carries a FedAvg weight in [0, 1] as one more coordinate', () => {
    const weights = [0, 0.25, 1];
    const sum = new Uint32Array(1);
    for (const w of weights) sum[0] += quantize(Float32Array.of(w), params, seededWords(3))[0];
    expect(Math.abs(dequantizeSum(sum, weights.length, params)[0] - 1.25)).toBeLessThanOrEqual(3 * step);
  });

  it('stochastic rounding is unbiased', () => {
    const v = 0.123456;
    const values = new Float32Array(200_000).fill(v);
    const q = quantize(values, params);
    let total = 0;
    for (const x of q) total += x;
    const mean = dequantizeSum(Uint32Array.of(total), values.length, params)[0] / values.length;
    // Each rounding has variance <= step^2 / 4: the mean's standard error is step / (2 sqrt(N)).
    expect(Math.abs(mean - Math.fround(v))).toBeLessThan((6 * step) / (2 * Math.sqrt(values.length)));
  });

  it('no overflow at the largest cohort the bits allow', () => {
    const n = 1 << 12;
    const big = defaultParams(n, 1, 32 - 12);
    const top = quantize(Float32Array.of(5), big)[0]; // clipped to c: the largest level
    expect(top).toBe(2 ** big.bits - 1);
    expect(top * n).toBeLessThan(2 ** 32);
    const sum = Uint32Array.of(top * n);
    expect(dequantizeSum(sum, n, big)[0]).toBeCloseTo(n * 1, 6);
  });

  it('refuses NaN and infinities', () => {
    expect(() => quantize(Float32Array.of(0, Number.NaN), params)).toThrow(/values\[1\]/);
    expect(() => quantize(Float32Array.of(Number.POSITIVE_INFINITY), params)).toThrow(RangeError);
  });
});
