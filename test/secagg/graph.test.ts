import { describe, expect, it } from 'vitest';
import { compareIds } from '../../secagg/encoding.js';
import { buildGraph } from '../../secagg/graph.js';
import { defaultDegree } from '../../secagg/params.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const seed = (b: number) => new Uint8Array(32).fill(b);

describe('SecAgg+ neighbour graph (Bell et al. 2020 §3)', () => {
  it.each([
    [10, 4],
    [11, 6],
    [12, 5],
    [50, 36],
    [100, 42],
    [7, 6],
    [8, 7],
  ])('n=%i k=%i: symmetric, k-regular, no self loops', (n, k) => {
    const g = buildGraph(seed(1), ids(n), k);
    for (const u of g.ids) {
      const nb = g.neighbours(u);
      expect(nb.length).toBe(k);
      expect(new Set(nb).size).toBe(k);
      expect(nb).not.toContain(u);
      for (const v of nb) expect(g.neighbours(v)).toContain(u);
    }
    expect(g.complete).toBe(k === n - 1);
  });

  it('is complete for k = n - 1', () => {
    const g = buildGraph(seed(2), ids(9), 8);
    for (const u of g.ids) expect(new Set([...g.neighbours(u), u]).size).toBe(9);
  });

  it('is fixed by the seed and the cohort, whatever order the ids arrive in', () => {
    const a = buildGraph(seed(3), ids(40), 10);
    const b = buildGraph(seed(3), [...ids(40)].reverse(), 10);
    const c = buildGraph(seed(4), ids(40), 10);
    const table = (g: typeof a) => g.ids.map((u) => g.neighbours(u).join(','));
    expect(table(b)).toEqual(table(a));
    expect(table(c)).not.toEqual(table(a));
  });

  it('rejects impossible degrees and duplicate ids', () => {
    expect(() => buildGraph(seed(1), ids(9), 3)).toThrow(RangeError); // odd n, odd k
    expect(() => buildGraph(seed(1), ids(9), 9)).toThrow(RangeError);
    expect(() => buildGraph(seed(1), ['a', 'b', 'a'], 2)).toThrow(/twice/);
    expect(() => buildGraph(new Uint8Array(31), ids(5), 4)).toThrow(/seed/);
  });

  it('defaultDegree grows with log n and is a valid degree', () => {
    expect(defaultDegree(10)).toBe(9);
    expect(defaultDegree(20)).toBe(19);
    expect(defaultDegree(50)).toBe(36);
    expect(defaultDegree(100)).toBe(42);
    expect(defaultDegree(1000)).toBe(60);
    for (const n of [3, 4, 31, 33, 101, 5000]) expect(() => buildGraph(seed(5), ids(n), defaultDegree(n))).not.toThrow();
  });

  it('orders ids by their UTF-8 bytes, the fast path for ids without surrogates included', () => {
    const alphabet = ['a', 'Z', '0', '-', 'é', 'ÿ', '\u0800', '\uE000', '\uFFFD', '😀', '\u{10400}'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [word(), word()];
      expect(Math.sign(compareIds(a, b)), `${a} ${b}`).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });
});
