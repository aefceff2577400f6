// Exact sums under secure aggregation. SecAgg adds each word of the clients' vectors mod 2^32,
// and every client word must be below 2^bits (maskInput checks it); validateParams keeps
// n * (2^bits - 1) < 2^32, so the cohort's sum of one word never wraps. Quantization
// (quantize.ts) rounds at random and is unbiased but not exact; counts, feature statistics,
// metric totals and FedAvg weights need the exact total. So a value is carried here as an
// integer split into `limbs` words of `bits` bits each (least significant first): each limb's
// cohort sum is exact, and sum_j S_j * 2^(bits * j), taken in BigInt after unmasking, is the
// exact total with every carry resolved.
//
// Reals are fixed point: x travels as the integer round(x * 2^fractionBits) (Math.round: nearest,
// ties toward +infinity), so the decoded total is exactly the sum of the rounded values; the
// scale is a power of two so that scaling never rounds a second time. Signed values use an
// offset (excess-K): v + 2^(W - 1) with W = bits * limbs, and the decoder subtracts
// contributors * 2^(W - 1), so it must know how many clients' vectors are in the sum (the
// coordinator knows its survivors, as it does for dequantizeSum).
import { dequantizeSum, quantize, type RandomWords } from './quantize.js';
import type { SecAggParams } from './params.js';

export interface ExactSegment {
  /** Values in the segment. */
  readonly count: number;
  /** The scale 2^-fractionBits: x is carried as round(x * 2^fractionBits); 0 for integers. */
  readonly fractionBits: number;
  /** Words per value: the carried integer has bits * limbs bits. */
  readonly limbs: number;
  /** Whether values may be negative (offset encoding); unsigned values get the whole range. */
  readonly signed: boolean;
}

/**
 * A round's vector: a quantized part (the model update, clipped to [-clipRange, clipRange],
 * quantize.ts) followed by exact segments, in order. Its length is what SecAgg masks.
 */
export interface VectorLayout {
  readonly quantized: { readonly length: number; readonly clipRange: number };
  readonly exact: readonly ExactSegment[];
}

export interface VectorParts {
  readonly quantized: Float32Array;
  readonly exact: readonly (readonly number[])[];
}

export interface VectorSum {
  /** The real-valued sum of the quantized parts (dequantizeSum). */
  readonly quantized: Float64Array;
  /** Each exact segment's totals, as reals (exact while |total| * 2^fractionBits < 2^53). */
  readonly exact: number[][];
}

const MAX_LIMBS = 64;
const MAX_FRACTION_BITS = 256;
const MAX_VALUES = 1 << 24;
const WORD_BITS = 32;

/** The words one segment occupies. */
export function segmentWords(segment: ExactSegment): number {
  return segment.count * segment.limbs;
}

/** The words of the whole vector: the quantized part, then each exact segment. */
export function layoutLength(layout: VectorLayout): number {
  checkLayout(layout);
  return layout.quantized.length + layout.exact.reduce((n, s) => n + segmentWords(s), 0);
}

/** The carried integers a segment accepts: [min, max], both inclusive. */
export function exactRange(segment: ExactSegment, bits: number): { min: bigint; max: bigint } {
  checkSegment(segment, 'segment');
  const width = BigInt(checkBits(bits) * segment.limbs);
  if (!segment.signed) return { min: 0n, max: (1n << width) - 1n };
  const half = 1n << (width - 1n);
  return { min: -half, max: half - 1n };
}

/** The fewest limbs that carry any value with |x| <= maxAbs at this scale (x >= 0 when unsigned). */
export function limbsFor(maxAbs: number, fractionBits: number, bits: number, signed: boolean): number {
  if (!(Number.isFinite(maxAbs) && maxAbs >= 0)) throw new RangeError(`maxAbs must be a finite number >= 0, got ${maxAbs}`);
  checkBits(bits);
  const top = BigInt(Math.ceil(maxAbs * 2 ** checkFractionBits(fractionBits)));
  const needed = top.toString(2).length + (signed ? 1 : 0);
  const limbs = Math.max(1, Math.ceil(needed / bits));
  if (limbs > MAX_LIMBS) throw new RangeError(`maxAbs ${maxAbs} needs ${limbs} limbs of ${bits} bits, more than ${MAX_LIMBS}`);
  return limbs;
}

/** One client's words for a segment. RangeError naming the value if it is outside the segment's range. */
export function encodeExact(values: readonly number[], segment: ExactSegment, bits: number): Uint32Array {
  const { min, max } = exactRange(segment, bits);
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TypeError('values must be an array of numbers');
  if (values.length !== segment.count) throw new RangeError(`values must hold the segment's ${segment.count} values, got ${values.length}`);
  const { limbs, fractionBits, signed } = segment;
  const offset = signed ? -min : 0n;
  const mask = (1n << BigInt(bits)) - 1n;
  const out = new Uint32Array(segmentWords(segment));
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`values[${i}] must be a finite number, got ${String(x)}`);
    // Multiplying by a power of two is exact; doubles at or above 2^53 are integers already.
    const scaled = BigInt(Math.round(x * 2 ** fractionBits));
    if (scaled < min || scaled > max) {
      throw new RangeError(`values[${i}] = ${x} is outside the segment's range: ${describeRange(min, max, fractionBits)}`);
    }
    let carried = scaled + offset;
    for (let j = 0; j < limbs; j++) {
      out[i * limbs + j] = Number(carried & mask);
      carried >>= BigInt(bits);
    }
  }
  return out;
}

/**
 * The exact totals of `contributors` clients' values, as carried integers (x * 2^fractionBits),
 * from the segment's words of the unmasked cohort sum.
 */
export function decodeExactSum(sum: Uint32Array, segment: ExactSegment, bits: number, contributors: number): bigint[] {
  const { min } = exactRange(segment, bits);
  if (!(sum instanceof Uint32Array)) throw new TypeError('sum must be a Uint32Array');
  if (sum.length !== segmentWords(segment)) throw new RangeError(`sum must hold the segment's ${segmentWords(segment)} words, got ${sum.length}`);
  checkContributors(contributors, bits);
  // n words below 2^bits add up to at most n * (2^bits - 1): anything above is not such a sum.
  const ceiling = contributors * (2 ** bits - 1);
  const offset = segment.signed ? BigInt(contributors) * -min : 0n;
  const out: bigint[] = [];
  for (let i = 0; i < segment.count; i++) {
    let total = 0n;
    for (let j = segment.limbs - 1; j >= 0; j--) {
      const word = sum[i * segment.limbs + j];
      if (word > ceiling) throw new RangeError(`sum word ${i * segment.limbs + j} is ${word}, more than ${contributors} contributors' words can add up to`);
      total = (total << BigInt(bits)) + BigInt(word);
    }
    out.push(total - offset);
  }
  return out;
}

/** decodeExactSum as reals: each carried total divided by 2^fractionBits. */
export function exactTotals(sum: Uint32Array, segment: ExactSegment, bits: number, contributors: number): number[] {
  return decodeExactSum(sum, segment, bits, contributors).map((t) => Number(t) / 2 ** segment.fractionBits);
}

/** One client's whole vector: its update quantized, then each exact segment. */
export function encodeVector(layout: VectorLayout, params: SecAggParams, parts: VectorParts, random?: RandomWords): Uint32Array {
  const out = new Uint32Array(layoutLength(layout));
  if (parts.quantized.length !== layout.quantized.length) {
    throw new RangeError(`the quantized part must hold ${layout.quantized.length} values, got ${parts.quantized.length}`);
  }
  if (parts.exact.length !== layout.exact.length) throw new RangeError(`parts must hold ${layout.exact.length} exact segments, got ${parts.exact.length}`);
  out.set(quantize(parts.quantized, quantizedParams(layout, params), random));
  let at = layout.quantized.length;
  layout.exact.forEach((segment, s) => {
    out.set(encodeExact(parts.exact[s], segment, params.bits), at);
    at += segmentWords(segment);
  });
  return out;
}

/** The unmasked cohort sum of `contributors` vectors, split back into its parts. */
export function decodeVectorSum(layout: VectorLayout, params: SecAggParams, sum: Uint32Array, contributors: number): VectorSum {
  const length = layoutLength(layout);
  if (!(sum instanceof Uint32Array) || sum.length !== length) throw new RangeError(`sum must be a Uint32Array of the layout's ${length} words`);
  const quantized = dequantizeSum(sum.subarray(0, layout.quantized.length), contributors, quantizedParams(layout, params));
  let at = layout.quantized.length;
  const exact = layout.exact.map((segment) => {
    const words = sum.subarray(at, at + segmentWords(segment));
    at += segmentWords(segment);
    return exactTotals(words, segment, params.bits, contributors);
  });
  return { quantized, exact };
}

/** The layout's clip range governs its quantized part; bits and the rest come from the round's params. */
function quantizedParams(layout: VectorLayout, params: SecAggParams): SecAggParams {
  return { ...params, clipRange: layout.quantized.clipRange };
}

function checkLayout(layout: VectorLayout): void {
  if (typeof layout !== 'object' || layout === null) throw new TypeError('layout must be an object');
  const { length, clipRange } = layout.quantized ?? {};
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError(`layout.quantized.length must be a whole number >= 0, got ${length}`);
  if (!(Number.isFinite(clipRange) && clipRange > 0)) throw new RangeError(`layout.quantized.clipRange must be a finite number > 0, got ${clipRange}`);
  if (!Array.isArray(layout.exact)) throw new TypeError('layout.exact must be an array of segments');
  layout.exact.forEach((s, i) => checkSegment(s, `layout.exact[${i}]`));
}

function checkSegment(segment: ExactSegment, name: string): void {
  if (typeof segment !== 'object' || segment === null) throw new TypeError(`${name} must be an object`);
  checkWhole(segment.count, `${name}.count`, 0, MAX_VALUES);
  checkWhole(segment.limbs, `${name}.limbs`, 1, MAX_LIMBS);
  checkFractionBits(segment.fractionBits, `${name}.fractionBits`);
  if (typeof segment.signed !== 'boolean') throw new TypeError(`${name}.signed must be true or false`);
}

function checkBits(bits: number): number {
  return checkWhole(bits, 'bits', 1, WORD_BITS - 1);
}

function checkFractionBits(value: number, name = 'fractionBits'): number {
  return checkWhole(value, name, 0, MAX_FRACTION_BITS);
}

function checkContributors(contributors: number, bits: number): void {
  checkWhole(contributors, 'contributors', 1, 2 ** WORD_BITS);
  if (contributors * (2 ** bits - 1) >= 2 ** WORD_BITS) {
    throw new RangeError(`${contributors} contributors of ${bits}-bit words can wrap a 32-bit sum: use fewer bits (validateParams)`);
  }
}

function checkWhole(value: number, name: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number in [${min}, ${max}], got ${value}`);
  return value;
}

function describeRange(min: bigint, max: bigint, fractionBits: number): string {
  const scale = fractionBits === 0 ? '' : ` (times 2^-${fractionBits})`;
  return `integers ${min}..${max}${scale}, about ${Number(min) / 2 ** fractionBits}..${Number(max) / 2 ** fractionBits}`;
}
