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
  secagg: encodeParams(params),
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

describe('metric and statistics totals in the input (issues #12, #16)', () => {
  const withParts = (kind: string, input: cohort.v1.IInputShape, validate = true): cohort.v1.IRoundOffer => ({
    ...offer(false), kind, input,
    evaluation: { validationFraction: 0.2, validate, task: 'binary', classes: 2, bins: 3 },
  });

  it('a training round holds, after the count, the training totals, then the validation counts and sums; each part as the offer declares it', () => {
    const vector = updateVectorOf(withParts('', { trainingTotals: true, validationCounts: 11, validationSums: 3 }));
    expect(vector.parts.map((p) => [p.name, p.counts, p.sums, p.signed])).toEqual([['training', 1, 1, false], ['validation', 11, 3, false]]);
    // The count, then each part's counts and sums segments: 1 + 2 * 2 segments.
    expect(vector.layout.exact.map((s) => [s.count, s.fractionBits, s.signed])).toEqual([[1, 0, false], [1, 0, false], [1, 24, false], [11, 0, false], [3, 24, false]]);
    // A round that does not validate holds no validation part; an evaluation round no update and no training totals.
    expect(updateVectorOf(withParts('', { trainingTotals: true }, false)).parts.map((p) => p.name)).toEqual(['training']);
    const evaluation = updateVectorOf(withParts('evaluation', { trainingTotals: true, validationCounts: 11, validationSums: 3 }));
    expect(evaluation).toMatchObject({ purpose: 'evaluation', maxCount: 1, layout: { quantized: { length: 0 } } });
    expect(evaluation.parts.map((p) => p.name)).toEqual(['validation']);
    expect(() => updateVectorOf({ ...offer(false), kind: 'gossip' })).toThrow(/round kind "gossip"/);
  });

  it('three agencies\' totals come back exactly: counts as integers, sums as the sum of each rounded to 2^-24', () => {
    const vector = updateVectorOf(withParts('', { trainingTotals: true, validationCounts: 2, validationSums: 1 }));
    const agencies = [
      { training: { counts: [40], sums: [13.371] }, validation: { counts: [10, 7], sums: [4.25] } },
      { training: { counts: [64], sums: [20.5] }, validation: { counts: [16, 2], sums: [1e-9] } },
      { training: { counts: [92], sums: [30.000001] }, validation: { counts: [23, 23], sums: [12345.678] } },
    ];
    const decoded = decodeUpdateSum(vector, params, sum(agencies.map((parts) => encodeUpdate(vector, params, new Float32Array(3), 0.5, parts))), 3);
    const rounded = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 2 ** 24), 0) / 2 ** 24;
    expect(decoded.parts.training).toEqual({ counts: [196], sums: [rounded([13.371, 20.5, 30.000001])] });
    expect(decoded.parts.validation).toEqual({ counts: [49, 32], sums: [rounded([4.25, 1e-9, 12345.678])] });
  });

  it('statistics sums may be negative; a part the layout holds must be given, and a sum out of range is refused', () => {
    const vector = updateVectorOf(withParts('statistics', { statisticsCounts: 2, statisticsSums: 2 }));
    expect(vector.parts.map((p) => [p.name, p.signed])).toEqual([['statistics', true]]);
    const inputs = [[-3.5, 12.25], [1.25, 1.5625], [-0.75, 0.5625]].map((sums, i) =>
      encodeUpdate(vector, params, new Float32Array(0), 1, { statistics: { counts: [i + 1, 0], sums } }));
    expect(decodeUpdateSum(vector, params, sum(inputs), 3).parts.statistics).toEqual({ counts: [6, 0], sums: [-3, 14.375] });
    expect(() => encodeUpdate(vector, params, new Float32Array(0), 1)).toThrow(/holds statistics totals, and none were given/);
    expect(() => encodeUpdate(vector, params, new Float32Array(0), 1, { statistics: { counts: [1, 0], sums: [2 ** 41, 0] } })).toThrow(/statistics sum 0 is 2199023255552, outside \[-2\^40, 2\^40\]/);
    expect(() => encodeUpdate(vector, params, new Float32Array(0), 1, { statistics: { counts: [0.5, 0], sums: [0, 0] } })).toThrow(/statistics count 0 is 0.5/);
  });
});
