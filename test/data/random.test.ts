import { describe, expect, it } from 'vitest';
import { sampleDirichlet } from '../../client/data/random.js';
import { seededRandom, shuffledIndices } from '../../ml/random.js';

describe('seeded randomness', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    for (const v of draw(7)) expect(v >= 0 && v < 1).toBe(true);
  });

  it('matches a pinned sequence, so another process or version would agree', () => {
    const random = seededRandom(1);
    expect(Array.from({ length: 3 }, () => random() * 2 ** 32)).toEqual([2693262067, 11749833, 2265367787]);
  });

  it('shuffles into a permutation', () => {
    const order = shuffledIndices(1000, seededRandom(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(order).not.toEqual([...order].sort((a, b) => a - b));
  });

  it('rejects seeds outside 32 bits, naming the argument', () => {
    expect(() => seededRandom(-1)).toThrow(RangeError);
    expect(() => seededRandom(2 ** 32)).toThrow(/seed/);
    expect(() => seededRandom(1.5)).toThrow(/seed/);
  });

  it('draws Dirichlet proportions that sum to one, even for tiny alpha', () => {
    const random = seededRandom(5);
    for (const alpha of [0.001, 0.1, 1, 100]) {
      const p = sampleDirichlet(random, alpha, 20);
      expect(p.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
    expect(() => sampleDirichlet(random, 0, 3)).toThrow(/alpha/);
  });
});
