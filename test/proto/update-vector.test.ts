// The round's input layout (proto/update-vector.ts): one definition both parties derive from the
// offer; the FedAvg weight as an exact, bounded, never negative count apart from the clip range
// (issue #11, B8), checked exactly in the cohort's sum.
import { describe, expect, it } from 'vitest';
import { encodeFloat32LE } from '../../ml/codec.js';
import { encodeParams } from '../../proto/secagg-codec.js';
import { decodeUpdateSum, encodeUpdate, updateVectorOf } from '../../proto/update-vector.js';
import type { SecAggParams } from '../../secagg/params.js';
import type { cohort } from '../../proto/messages.js';

const params: SecAggParams = { threshold: 2, degree: 2, clipRange: 0.1, bits: 16 };
const offer = (dp: boolean, weightCap = 1000): cohort.v1.IRoundOffer => ({
  runId: 'r', round: 1, weights: encodeFloat32LE(new Float32Array(3)), weightCap,
  secagg: encodeParams(params, new Uint8Array(32)),
  dp: dp ? { mode: 'central', clipNorm: 1, noiseMultiplier: 1, samplingRate: 1, delta: 1e-5 } : null,
});
/** The cohort's sum mod 2^32, as SecAgg+ leaves it once the masks cancel. */
const sum = (inputs: Uint32Array[]) => inputs.reduce((acc, v) => acc.map((w, i) => (w + v[i]) >>> 0), new Uint32Array(inputs[0].length));

describe('updateVectorOf', () => {
  it('is the same layout for the same offer: the quantized update, then one unsigned exact count', () => {
    expect(updateVectorOf(offer(false))).toEqual(updateVectorOf(offer(false)));
    expect(updateVectorOf(offer(false))).toEqual({
      purpose: 'train',
      layout: { quantized: { length: 3, clipRange: 0.1 }, exact: [{ count: 1, fractionBits: 0, limbs: 1, signed: false }] },
      maxCount: 1000, weightScale: 1000, parts: [],
    });
    // With DP every agency weighs 1.
    expect(updateVectorOf(offer(true))).toMatchObject({ maxCount: 1, weightScale: 1 });
    // A cap above what one limb holds takes more limbs.
    expect(updateVectorOf(offer(false, 100_000)).layout.exact[0].limbs).toBe(2);
  });
});

describe('encodeUpdate and decodeUpdateSum', () => {
  it('with DP and a clip range of 0.1, three agencies weigh exactly 3 and the mean is the mean', () => {
    const vector = updateVectorOf(offer(true));
    const deltas = [[0.01, -0.02, 0.03], [0.02, 0, -0.01], [0.03, 0.02, 0]].map((d) => Float32Array.from(d));
    const decoded = decodeUpdateSum(vector, params, sum(deltas.map((d) => encodeUpdate(vector, params, d, 1))), 3);
    expect(decoded.totalWeight).toBe(3);
    const step = (2 * params.clipRange) / (2 ** params.bits - 1);
    [0.06, 0, 0.02].forEach((total, i) => expect(Math.abs(decoded.weighted[i] - total)).toBeLessThan(3 * step));
  });

  it('without DP the weights are counts over the cap, exactly', () => {
    const vector = updateVectorOf(offer(false));
    const weights = [0.1, 0.25, 1];
    const inputs = weights.map((w) => encodeUpdate(vector, params, new Float32Array(3), w));
    expect(decodeUpdateSum(vector, params, sum(inputs), 3).totalWeight).toBe(1.35);
  });

  it('refuses a weight that is not a count in [1, max] over the scale: zero, negative, above 1, or between counts', () => {
    const vector = updateVectorOf(offer(false, 7));
    for (const weight of [0, -1 / 7, 8 / 7, 0.3, Number.NaN]) {
      expect(() => encodeUpdate(vector, params, new Float32Array(3), weight), String(weight)).toThrow(RangeError);
    }
    expect(() => encodeUpdate(updateVectorOf(offer(true)), params, new Float32Array(3), 0.5)).toThrow(/weight 0.5/);
  });

  it('a count total outside [n, n * max] is refused: no input may weigh zero, or below, or above the cap', () => {
    const vector = updateVectorOf(offer(false, 10));
    const honest = [1, 0.5].map((w) => encodeUpdate(vector, params, new Float32Array(3), w));
    const withCount = (count: number) => Uint32Array.from([...honest[0].subarray(0, 3), count]);
    // A masked word can be anything mod 2^32: a "negative" count cancels an honest one.
    expect(() => decodeUpdateSum(vector, params, sum([honest[0], withCount(2 ** 32 - 10)]), 2)).toThrow(/add up to 0, outside \[2, 20\]/);
    expect(() => decodeUpdateSum(vector, params, sum([honest[0], withCount(11)]), 2)).toThrow(/outside \[2, 20\]/);
    expect(decodeUpdateSum(vector, params, sum(honest), 2).totalWeight).toBe(1.5);
  });
});
