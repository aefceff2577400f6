// The exact secure-sum codec: random cohorts, word sizes, scales and values; the decoded sum of
// the clients' words, added mod 2^32 as SecAgg adds them (also under masks that cancel, and
// through a real SecAgg+ round), equals the exact BigInt sum of what they encoded.
import { describe, expect, it } from 'vitest';
import { validateParams } from '../../secagg/params.js';
import {
  decodeExactSum, decodeVectorSum, encodeExact, encodeVector, exactRange, exactTotals, layoutLength, limbsFor,
  type ExactSegment, type VectorLayout,
} from '../../secagg/exact.js';
import { makeContext, runRound, seededRandom } from './harness.js';

const TRIALS = 400;

/** A uniform BigInt in [min, max], from 32-bit draws. */
function randomBig(rand: () => number, min: bigint, max: bigint): bigint {
  const span = max - min + 1n;
  let r = 0n;
  for (let k = 0; k < span.toString(2).length + 32; k += 32) r = (r << 32n) + BigInt(Math.floor(rand() * 2 ** 32));
  return min + (r % span);
}

/** Adds each client's words mod 2^32; `masked` adds random words that cancel over the cohort first. */
function wordSum(vectors: Uint32Array[], rand: () => number, masked: boolean): Uint32Array {
  const length = vectors[0].length;
  const sum = new Uint32Array(length);
  const maskTotal = new Uint32Array(length);
  vectors.forEach((v, c) => {
    const last = c === vectors.length - 1;
    for (let i = 0; i < length; i++) {
      // The last client's mask is minus the others' total, so the masks cancel mod 2^32, as pairwise masks do.
      const mask = !masked ? 0 : last ? -maskTotal[i] >>> 0 : Math.floor(rand() * 2 ** 32);
      maskTotal[i] = (maskTotal[i] + mask) >>> 0;
      sum[i] = (sum[i] + ((v[i] + mask) >>> 0)) >>> 0;
    }
  });
  return sum;
}

describe('exact secure-sum codec', () => {
  it(`decodes the exact sum over ${TRIALS} random cohorts, word sizes, scales and values`, () => {
    const rand = seededRandom(20260716);
    for (let trial = 0; trial < TRIALS; trial++) {
      const n = 1 + Math.floor(rand() ** 2 * 300);
      const bits = 1 + Math.floor(rand() * (31 - Math.ceil(Math.log2(n + 1)) + 1));
      expect(n * (2 ** bits - 1)).toBeLessThan(2 ** 32);
      const segment: ExactSegment = {
        count: 1 + Math.floor(rand() * 6),
        fractionBits: rand() < 0.3 ? 0 : Math.floor(rand() * 40),
        limbs: 1 + Math.floor(rand() * Math.ceil(60 / bits)),
        signed: rand() < 0.5,
      };
      const range = exactRange(segment, bits);
      // Values exactly representable as doubles: carried integers below 2^53 in magnitude.
      const cap = 2n ** 53n - 1n;
      const lo = range.min > -cap ? range.min : -cap;
      const hi = range.max < cap ? range.max : cap;
      const edges = [lo, hi, 0n > lo ? 0n : lo];
      const carried = Array.from({ length: n }, () =>
        Array.from({ length: segment.count }, () => (rand() < 0.1 ? edges[Math.floor(rand() * 3)] : randomBig(rand, lo, hi))));
      const scale = 2 ** segment.fractionBits;
      const vectors = carried.map((values) => encodeExact(values.map((k) => Number(k) / scale), segment, bits));
      expect(vectors.every((v) => v.every((w) => w < 2 ** bits))).toBe(true);
      const sum = wordSum(vectors, rand, trial % 2 === 0);
      const expected = carried[0].map((_, i) => carried.reduce((s, values) => s + values[i], 0n));
      expect(decodeExactSum(sum, segment, bits, n), `trial ${trial}: n=${n} bits=${bits} ${JSON.stringify(segment)}`).toEqual(expected);
    }
  });

  it('rounds reals to the scale once, so the total is exactly the sum of the rounded values', () => {
    const segment: ExactSegment = { count: 3, fractionBits: 20, limbs: 4, signed: true };
    const clients = [[0.1, -3.75, 1e6], [0.2, 2.5, -1e6], [0.3, 1.25, 123.456]];
    const sum = wordSum(clients.map((v) => encodeExact(v, segment, 16)), seededRandom(1), true);
    const totals = exactTotals(sum, segment, 16, 3);
    const rounded = (x: number) => Math.round(x * 2 ** 20) / 2 ** 20;
    totals.forEach((t, i) => expect(t).toBe(clients.reduce((s, v) => s + rounded(v[i]), 0)));
    expect(Math.abs(totals[0] - 0.6)).toBeLessThan(3 * 2 ** -21);
    expect(totals[1]).toBe(0);
  });

  it('refuses values outside the range, naming the value; and sums that n words cannot make', () => {
    const unsigned: ExactSegment = { count: 2, fractionBits: 0, limbs: 2, signed: false };
    expect(exactRange(unsigned, 8)).toEqual({ min: 0n, max: 65535n });
    expect(() => encodeExact([1, -1], unsigned, 8)).toThrow(/values\[1\] = -1 is outside the segment's range: integers 0..65535/);
    expect(() => encodeExact([65536, 0], unsigned, 8)).toThrow(/values\[0\] = 65536/);
    expect(() => encodeExact([Number.NaN, 0], unsigned, 8)).toThrow(/values\[0\] must be a finite number/);
    expect(() => encodeExact([1], unsigned, 8)).toThrow(/2 values, got 1/);
    const signed: ExactSegment = { count: 1, fractionBits: 4, limbs: 1, signed: true };
    expect(exactRange(signed, 8)).toEqual({ min: -128n, max: 127n });
    expect(() => encodeExact([8], signed, 8)).toThrow(/values\[0\] = 8 is outside/); // 8 * 16 = 128
    expect(Array.from(encodeExact([-8], signed, 8))).toEqual([0]);
    expect(() => encodeExact([1], signed, 32)).toThrow(/bits must be a whole number in \[1, 31\]/);
    expect(() => decodeExactSum(new Uint32Array(4), unsigned, 8, 2 ** 24 + 2 ** 20)).toThrow(/can wrap a 32-bit sum/);
    expect(() => decodeExactSum(Uint32Array.of(3 * 255 + 1, 0, 0, 0), unsigned, 8, 3)).toThrow(/sum word 0 is 766/);
  });

  it('limbsFor gives the fewest limbs that carry a bound', () => {
    for (const [maxAbs, f, bits, signed] of [[1e6, 20, 16, true], [255, 0, 8, false], [256, 0, 8, false], [0, 0, 5, true], [891, 0, 20, false]] as const) {
      const limbs = limbsFor(maxAbs, f, bits, signed);
      const fits = (l: number) => {
        const r = exactRange({ count: 1, fractionBits: f, limbs: l, signed }, bits);
        const top = BigInt(Math.ceil(maxAbs * 2 ** f));
        return top <= r.max && (!signed || -top >= r.min);
      };
      expect(fits(limbs)).toBe(true);
      if (limbs > 1) expect(fits(limbs - 1)).toBe(false);
    }
  });

  it('carries exact segments beside a quantized update through a real SecAgg+ round, with a dropout', async () => {
    const n = 5;
    const params = validateParams({ threshold: 3, degree: 4, clipRange: 1, bits: 16 }, n);
    const layout: VectorLayout = {
      quantized: { length: 10, clipRange: 0.5 },
      exact: [
        { count: 1, fractionBits: 0, limbs: limbsFor(100_000, 0, params.bits, false), signed: false }, // examples: the FedAvg weight
        { count: 2, fractionBits: 24, limbs: limbsFor(1e9, 24, params.bits, true), signed: true }, // a sum and a sum of squares
      ],
    };
    const rand = seededRandom(7);
    const { context, ids, keys } = makeContext(n, params, layoutLength(layout), new Uint8Array(32).fill(3));
    const parts = ids.map((_, c) => ({
      quantized: Float32Array.from({ length: 10 }, () => (rand() - 0.5) * 0.8),
      exact: [[1000 + c * 17], [(rand() - 0.5) * 1e4, rand() * 1e6]],
    }));
    const inputs = new Map(ids.map((id, c) => [id, encodeVector(layout, params, parts[c])]));
    const dropAt = new Map([[ids[4], 'masked_input' as const]]);
    const { result } = await runRound(context, ids, keys, inputs, dropAt);
    expect(result.status).toBe('complete');
    if (result.status !== 'complete') return;
    expect(result.contributors.length).toBe(4);
    const decoded = decodeVectorSum(layout, params, result.sum, result.contributors.length);
    const survivors = parts.slice(0, 4);
    expect(decoded.exact[0]).toEqual([4000 + 17 * 6]);
    const rounded = (x: number) => Math.round(x * 2 ** 24) / 2 ** 24;
    for (let i = 0; i < 2; i++) expect(decoded.exact[1][i]).toBe(survivors.reduce((s, p) => s + rounded(p.exact[1][i]), 0));
    // The quantized part is as quantize.ts promises: within one step per contributor.
    const step = (2 * 0.5) / (2 ** 16 - 1);
    decoded.quantized.forEach((q, i) => expect(Math.abs(q - survivors.reduce((s, p) => s + p.quantized[i], 0))).toBeLessThan(4 * step + 1e-9));
  });
});
