import { describe, expect, it } from 'vitest';
import { exampleCount } from '../../ml/dataset.js';
import { holdOut } from '../../client/data/holdout.js';
import { fingerprintMnist, loadMnist, mnistFiles } from '../../client/data/mnist.js';

// Bytewise, because toEqual walks 7.8 million floats one by one and takes minutes.
function sameBytes(a: Float32Array, b: Float32Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

function labelCounts(y: ArrayLike<number>): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  return counts;
}

describe('loadMnist', () => {
  const data = loadMnist();

  it('holds all 10,000 digits, 28x28x1, every label with a sensible count', () => {
    expect(exampleCount(data)).toBe(10_000);
    expect(data.x.length).toBe(10_000 * 784);
    expect(data.exampleShape).toEqual([28, 28, 1]);
    expect(data.numClasses).toBe(10);
    for (const count of labelCounts(data.y)) expect(count).toBeGreaterThan(800);
  });

  it('has pixels in [0, 1] that are not blank', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of data.x) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(1);
  });

  it('interleaves the digits in the same order every time', () => {
    const again = loadMnist();
    expect(again.y).toEqual(data.y);
    expect(sameBytes(again.x, data.x)).toBe(true);
    expect(again.x === data.x).toBe(false); // a fresh copy, safe to normalise in place
    expect(new Set(data.y.subarray(0, 50)).size).toBeGreaterThan(5);
  });

  it('fingerprints the package digit files', async () => {
    expect(mnistFiles()).toHaveLength(10);
    const fingerprint = await fingerprintMnist();
    expect(fingerprint.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint.rows).toBe(10_000);
    expect(fingerprint.license).toBe('MIT');
  });
});

describe('holdOut', () => {
  const data = loadMnist();

  it('splits off exactly testCount examples, stratified, and disjoint from train', () => {
    const { train, test } = holdOut(data, 1000, 11);
    expect(exampleCount(test)).toBe(1000);
    expect(exampleCount(train)).toBe(9000);
    const all = labelCounts(data.y);
    const held = labelCounts(test.y);
    held.forEach((count, d) => expect(Math.abs(count - all[d] / 10)).toBeLessThan(1));
    const trainCounts = labelCounts(train.y);
    trainCounts.forEach((count, d) => expect(count + held[d]).toBe(all[d]));
    // Disjoint: every image lands on exactly one side, so pixel sums add up.
    const sum = (x: Float32Array) => x.reduce((a, b) => a + b, 0);
    expect(sum(train.x) + sum(test.x)).toBeCloseTo(sum(data.x), -1);
  });

  it('holds out every digit even when tiny, and is deterministic per seed', () => {
    const { test } = holdOut(data, 10, 4);
    expect(new Set(test.y).size).toBe(10);
    expect(sameBytes(holdOut(data, 10, 4).test.x, test.x)).toBe(true);
    expect(sameBytes(holdOut(data, 10, 5).test.x, test.x)).toBe(false);
  });

  it('rejects impossible sizes, naming the argument', () => {
    expect(() => holdOut(data, 0, 1)).toThrow(/testCount/);
    expect(() => holdOut(data, 10_000, 1)).toThrow(RangeError);
  });
});
