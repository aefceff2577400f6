import { describe, expect, it } from 'vitest';
import { loadMnist } from '../../client/data/mnist.js';
import { describePartition, dirichlet, iid, shards } from '../../client/data/partition.js';

const data = loadMnist();
const total = data.y.length;

function expectDisjointCover(parts: number[][]): void {
  const seen = new Uint8Array(total);
  for (const part of parts) for (const i of part) seen[i]++;
  expect(seen.every((count) => count === 1)).toBe(true);
  expect(parts.every((p) => p.length > 0)).toBe(true);
}

function labelsOf(part: number[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const i of part) counts.set(data.y[i], (counts.get(data.y[i]) ?? 0) + 1);
  return counts;
}

/** Mean over agencies of the share held by the agency's most common label; 0.1 for IID MNIST. */
function meanTopLabelShare(parts: number[][]): number {
  const shares = parts.map((p) => Math.max(...labelsOf(p).values()) / p.length);
  return shares.reduce((a, b) => a + b, 0) / shares.length;
}

describe('iid', () => {
  it('deals near-equal disjoint parts covering the data, the same per seed', () => {
    const parts = iid(data, 7, 1);
    expectDisjointCover(parts);
    const sizes = parts.map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(iid(data, 7, 1)).toEqual(parts);
    expect(iid(data, 7, 2)).not.toEqual(parts);
    expect(meanTopLabelShare(parts)).toBeLessThan(0.15);
  });
});

describe('shards', () => {
  it('gives each agency only a few labels (McMahan et al.: 100 agencies x 2 shards)', () => {
    const parts = shards(data, 100, 2, 3);
    expectDisjointCover(parts);
    expect(parts.every((p) => p.length === 100)).toBe(true);
    expect(Math.max(...parts.map((p) => labelsOf(p).size))).toBeLessThanOrEqual(4);
    expect(shards(data, 100, 2, 3)).toEqual(parts);
    expect(shards(data, 100, 2, 4)).not.toEqual(parts);
  });

  it('rejects more shards than examples, naming the argument', () => {
    expect(() => shards(data, 10, 0, 1)).toThrow(/shardsPerAgency/);
    expect(() => shards(data, 5000, 3, 1)).toThrow(RangeError);
  });
});

describe('dirichlet', () => {
  it('skews labels strongly for small alpha and leaves no agency empty', () => {
    const parts = dirichlet(data, 20, 0.1, 5);
    expectDisjointCover(parts);
    expect(meanTopLabelShare(parts)).toBeGreaterThan(0.5);
    expect(dirichlet(data, 20, 0.1, 5)).toEqual(parts);
  });

  it('is close to uniform for large alpha', () => {
    const parts = dirichlet(data, 10, 1000, 5);
    expectDisjointCover(parts);
    expect(meanTopLabelShare(parts)).toBeLessThan(0.15);
  });

  it('fills every agency even when alpha is tiny and agencies are many', () => {
    expectDisjointCover(dirichlet(data, 200, 0.001, 9));
  });

  it('rejects a non-positive alpha and too many agencies', () => {
    expect(() => dirichlet(data, 10, 0, 1)).toThrow(/alpha/);
    expect(() => dirichlet(data, total + 1, 1, 1)).toThrow(/agencies/);
  });
});

describe('describePartition', () => {
  it('prints one line per agency with its label histogram', () => {
    const lines = describePartition(data, shards(data, 10, 2, 1)).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^agency-1 {2,}\d+ examples {2}labels( \d:\d+)+$/);
    expect(lines[9]).toMatch(/^agency-10 /);
    expect(describePartition(data, [[0, 1]])).toBe(
      `agency-1  2 examples  labels ${[...labelsOf([0, 1])].sort(([a], [b]) => a - b).map(([l, c]) => `${l}:${c}`).join(' ')}`,
    );
  });
});
