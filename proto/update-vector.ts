// What an agency's SecAgg+ input holds in a round, derived from the round's offer alone: the
// client that encodes it and the coordinator that decodes the cohort's sum call this one
// function, so they cannot disagree on the layout. The input is the model update, quantized in
// [-clipRange, clipRange] (secagg/quantize.ts), then exact segments (secagg/exact.ts): first the
// FedAvg example count, then, as the offer asks, the training totals (examples trained on, sum
// of their losses), the validation totals (ml/metrics.ts) and the feature statistics
// (ml/statistics.ts), each as its counts then its sums. So the coordinator learns metrics and
// statistics only as cohort totals, exactly (issues #12, #16).
//
// The weight is not a quantized coordinate: clipped to the clip range, a weight of 1 came out
// as 0.1 under --clip-range 0.1 (the mean 10x too large), and any value in [-c, c] was accepted,
// so the total weight could be zero or negative. As an unsigned exact integer it is never
// negative, and the coordinator checks its exact total.
import { decodeVectorSum, encodeVector, limbsFor, type ExactSegment, type VectorLayout } from '../secagg/exact.js';
import type { RandomWords } from '../secagg/quantize.js';
import type { SecAggParams } from '../secagg/params.js';
import type { cohort } from './messages.js';

/** What a round does: train (reporting metrics when asked), evaluate only, or the statistics pass. */
export type RoundPurpose = 'train' | 'evaluation' | 'statistics';
export const ROUND_PURPOSES: readonly RoundPurpose[] = ['train', 'evaluation', 'statistics'];

/** An exact part of the input: whole counts and real sums (ml/metrics.ts, ml/statistics.ts vectors). */
export interface Totals {
  readonly counts: readonly number[];
  readonly sums: readonly number[];
}

export type PartName = 'training' | 'validation' | 'statistics';
export type Parts = Partial<Record<PartName, Totals>>;

/** One agency's counts are whole numbers up to this ... */
export const MAX_COUNT = 2 ** 31 - 1;
/** Metric and statistics sums are fixed point with this many fractional bits (resolution 2^-24, about 6e-8) ... */
export const SUM_FRACTION_BITS = 24;
/** ... and one agency's sum is at most this in absolute value (out of range: the agency cannot take part). */
export const MAX_SUM = 2 ** 40;

export interface UpdateVector {
  readonly purpose: RoundPurpose;
  readonly layout: VectorLayout;
  /** Each agency's example count is a whole number in [1, maxCount] ... */
  readonly maxCount: number;
  /** ... and its FedAvg weight is count / weightScale, in (0, 1]. */
  readonly weightScale: number;
  /** The exact parts after the count, in layout order, each with the lengths the offer declares. */
  readonly parts: readonly { readonly name: PartName; readonly counts: number; readonly sums: number; readonly signed: boolean }[];
}

/** The kind an offer names; RangeError for one this code does not know. */
export function roundPurposeOf(offer: cohort.v1.IRoundOffer): RoundPurpose {
  const kind = offer.kind || 'train';
  if (!(ROUND_PURPOSES as readonly string[]).includes(kind)) throw new RangeError(`round kind "${kind}" is not one of ${ROUND_PURPOSES.join(', ')}`);
  return kind as RoundPurpose;
}

/**
 * The round's input layout. Without DP an agency's count is min(examples, weightCap) (its FedAvg
 * weight count / weightCap, McMahan et al. 2017); with DP every agency weighs 1, so one agency
 * moves the sum by at most the clip norm (coordinator/privacy-tracker.ts). A round that does
 * not train has no update, and every agency's count is 1.
 */
export function updateVectorOf(offer: cohort.v1.IRoundOffer): UpdateVector {
  const purpose = roundPurposeOf(offer);
  const uniform = purpose !== 'train' || offer.dp?.mode === 'central' || offer.dp?.mode === 'distributed';
  const maxCount = uniform ? 1 : Math.max(1, offer.weightCap ?? 1);
  const bits = offer.secagg?.bits ?? 0;
  const parts = partsOf(offer, purpose);
  const exact: ExactSegment[] = [{ count: 1, fractionBits: 0, limbs: limbsFor(maxCount, 0, bits, false), signed: false }];
  for (const part of parts) {
    exact.push({ count: part.counts, fractionBits: 0, limbs: limbsFor(MAX_COUNT, 0, bits, false), signed: false });
    exact.push({ count: part.sums, fractionBits: SUM_FRACTION_BITS, limbs: limbsFor(MAX_SUM, SUM_FRACTION_BITS, bits, part.signed), signed: part.signed });
  }
  return {
    purpose,
    layout: { quantized: { length: purpose === 'train' ? (offer.weights?.length ?? 0) / 4 : 0, clipRange: offer.secagg?.clipRange ?? 0 }, exact },
    maxCount,
    weightScale: maxCount,
    parts,
  };
}

/** The exact parts the offer asks for: training totals and validation when training, validation alone when evaluating, statistics in the statistics pass. */
function partsOf(offer: cohort.v1.IRoundOffer, purpose: RoundPurpose): UpdateVector['parts'] {
  const shape = offer.input ?? {};
  const parts: { name: PartName; counts: number; sums: number; signed: boolean }[] = [];
  if (purpose === 'train' && shape.trainingTotals) parts.push({ name: 'training', counts: 1, sums: 1, signed: false });
  if (purpose !== 'statistics' && offer.evaluation?.validate) {
    parts.push({ name: 'validation', counts: shape.validationCounts ?? 0, sums: shape.validationSums ?? 0, signed: false });
  }
  if (purpose === 'statistics') parts.push({ name: 'statistics', counts: shape.statisticsCounts ?? 0, sums: shape.statisticsSums ?? 0, signed: true });
  return parts;
}

/**
 * The client's input: w * delta quantized, then its count and the parts the layout holds;
 * RangeError for a weight the round does not allow, a missing part, or a value out of range.
 */
export function encodeUpdate(vector: UpdateVector, params: SecAggParams, delta: Float32Array, weight: number, parts: Parts = {}, random?: RandomWords): Uint32Array {
  const count = Math.round(weight * vector.weightScale);
  if (!(count >= 1 && count <= vector.maxCount && count / vector.weightScale === weight)) {
    throw new RangeError(`weight ${weight} is not a count in [1, ${vector.maxCount}] over ${vector.weightScale}`);
  }
  const scaled = new Float32Array(vector.layout.quantized.length);
  if (scaled.length > 0) {
    if (delta.length !== scaled.length) throw new RangeError(`the update must hold ${scaled.length} values, got ${delta.length}`);
    for (let i = 0; i < delta.length; i++) scaled[i] = weight * delta[i];
  }
  const exact: (readonly number[])[] = [[count]];
  for (const part of vector.parts) {
    const given = parts[part.name];
    if (!given) throw new RangeError(`the round's input holds ${part.name} totals, and none were given`);
    checkPart(part.name, given, part.signed);
    exact.push(given.counts, given.sums);
  }
  return encodeVector(vector.layout, params, { quantized: scaled, exact }, random);
}

/** The bounds every agency's part keeps, whatever the limbs could hold: the same refusal under any `bits`. */
function checkPart(name: PartName, totals: Totals, signed: boolean): void {
  const badCount = totals.counts.findIndex((c) => !(Number.isSafeInteger(c) && c >= 0 && c <= MAX_COUNT));
  if (badCount >= 0) throw new RangeError(`${name} count ${badCount} is ${totals.counts[badCount]}: counts are whole numbers in [0, ${MAX_COUNT}]`);
  const badSum = totals.sums.findIndex((x) => !(Number.isFinite(x) && Math.abs(x) <= MAX_SUM && (signed || x >= 0)));
  if (badSum >= 0) throw new RangeError(`${name} sum ${badSum} is ${totals.sums[badSum]}, outside ${signed ? '[-2^40, 2^40]' : '[0, 2^40]'}: this agency's totals cannot be summed`);
}

export interface UpdateSum {
  /** Sum of w * delta (empty when the round does not train) ... */
  readonly weighted: Float64Array;
  /** ... and of w. */
  readonly totalWeight: number;
  /** The cohort's totals of each part the layout holds. */
  readonly parts: Parts;
}

/**
 * The sum of `contributors` inputs: sum of w * delta, of w, and of each part. The count total is
 * exact, so it is checked exactly: every honest count is in [1, maxCount], and a total outside
 * [contributors, contributors * maxCount] means some input was malformed (RangeError).
 */
export function decodeUpdateSum(vector: UpdateVector, params: SecAggParams, sum: Uint32Array, contributors: number): UpdateSum {
  const decoded = decodeVectorSum(vector.layout, params, sum, contributors);
  const counts = decoded.exact[0][0];
  if (!(counts >= contributors && counts <= contributors * vector.maxCount)) {
    throw new RangeError(`the ${contributors} inputs' example counts add up to ${counts}, outside [${contributors}, ${contributors * vector.maxCount}]: some input is malformed`);
  }
  const parts: Record<string, Totals> = {};
  vector.parts.forEach((part, i) => { parts[part.name] = { counts: decoded.exact[1 + 2 * i], sums: decoded.exact[2 + 2 * i] }; });
  return { weighted: decoded.quantized, totalWeight: counts / vector.weightScale, parts };
}
