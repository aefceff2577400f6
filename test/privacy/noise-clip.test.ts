// Clipping never leaves a norm above the bound; the noise has the mean and variance it claims.
import { describe, expect, it } from 'vitest';
import { clipL2, l2Norm } from '../../privacy/clip.js';
import { addNoise, centralNoiseStd, distributedNoiseStd, gaussianNoise } from '../../privacy/noise.js';
import { logUniform, seeded } from './random.js';

describe('clipL2', () => {
  it('never returns a norm above the bound, over random updates and bounds', () => {
    const rand = seeded(7);
    for (let trial = 0; trial < 200; trial++) {
      const length = 1 + Math.floor(rand() * 1000);
      const scale = logUniform(rand, 1e-3, 1e3);
      const update = Float32Array.from({ length }, () => (rand() - 0.5) * scale);
      const bound = logUniform(rand, 1e-3, 1e3);
      const { clipped, norm, wasClipped } = clipL2(update, bound);
      expect(l2Norm(clipped)).toBeLessThanOrEqual(bound);
      expect(norm).toBeCloseTo(l2Norm(update), 10);
      expect(wasClipped).toBe(norm > bound);
      if (wasClipped) {
        // Same direction, norm at the bound up to float32 rounding.
        expect(l2Norm(clipped)).toBeGreaterThan(bound * (1 - 1e-5));
        const k = Math.floor(rand() * length);
        const want = (update[k] * bound) / norm;
        expect(Math.abs(clipped[k] - want)).toBeLessThanOrEqual(1e-5 * Math.abs(want) + 1e-30);
      } else {
        expect(clipped).toEqual(update);
        expect(clipped).not.toBe(update);
      }
    }
  });

  it('refuses non-finite values and bad bounds', () => {
    expect(() => clipL2(Float32Array.of(1, NaN), 1)).toThrow(RangeError);
    expect(() => clipL2(Float32Array.of(1, Infinity), 1)).toThrow(RangeError);
    expect(() => clipL2(Float32Array.of(1), 0)).toThrow(/bound/);
    expect(() => clipL2([1, 2] as unknown as Float32Array, 1)).toThrow(TypeError);
  });
});

describe('gaussianNoise', () => {
  it('has mean 0 and variance std^2 within sampling error', () => {
    const n = 200_000;
    const std = 2.5;
    const x = gaussianNoise(n, std);
    let sum = 0;
    for (const v of x) sum += v;
    const mean = sum / n;
    let sq = 0;
    for (const v of x) sq += (v - mean) ** 2;
    const variance = sq / (n - 1);
    // Six standard errors: sigma/sqrt(n) for the mean, sigma^2 sqrt(2/n) for the variance.
    expect(Math.abs(mean)).toBeLessThan((6 * std) / Math.sqrt(n));
    expect(Math.abs(variance - std * std)).toBeLessThan(6 * std * std * Math.sqrt(2 / n));
    // A Gaussian puts 68.27% of its mass within one std.
    const inside = x.filter((v) => Math.abs(v) < std).length / n;
    expect(Math.abs(inside - 0.6827)).toBeLessThan(0.01);
  });

  it('addNoise returns a noisy copy and leaves the input alone', () => {
    const v = new Float32Array(1000).fill(1);
    const noisy = addNoise(v, 0.5);
    expect(v.every((x) => x === 1)).toBe(true);
    expect(noisy.length).toBe(1000);
    expect(noisy.some((x) => x !== 1)).toBe(true);
    expect(addNoise(v, 0)).toEqual(v);
    expect(() => gaussianNoise(10, -1)).toThrow(/std/);
    expect(() => gaussianNoise(1.5, 1)).toThrow(/length/);
  });
});

describe('distributed noise', () => {
  it('the sum over tMin clients carries the central variance, and more survivors carry more', () => {
    const z = 1.2;
    const clip = 0.5;
    const tMin = 8;
    const std = distributedNoiseStd(z, clip, tMin);
    const central = centralNoiseStd(z, clip);
    expect(tMin * std ** 2).toBeCloseTo(central ** 2, 12);
    for (let t = tMin; t <= 3 * tMin; t++) expect(t * std ** 2).toBeGreaterThanOrEqual(central ** 2 * (1 - 1e-12));

    // Empirically: sum tMin clients' shares coordinate-wise.
    const n = 50_000;
    const sum = new Float64Array(n);
    for (let c = 0; c < tMin; c++) gaussianNoise(n, std).forEach((v, i) => (sum[i] += v));
    let sq = 0;
    for (const v of sum) sq += v * v;
    expect(Math.abs(sq / n - central ** 2)).toBeLessThan(6 * central ** 2 * Math.sqrt(2 / n));
    expect(() => distributedNoiseStd(z, clip, 0)).toThrow(/tMin/);
  });
});
