// A masked input must look uniform to the coordinator even when the input is all zeros or a
// constant (Bonawitz et al. 2017 §3: one-time pads mod 2^32). Chi-square over byte values and
// over the top 4 bits of each word; the unmasked input is the control that must fail.
import { describe, expect, it } from 'vitest';
import { advertise, maskInput, shareKeys } from '../../secagg/client.js';
import { validateParams } from '../../secagg/params.js';
import { SecAggServer } from '../../secagg/server.js';
import { fastRoundKeys, makeContext } from './harness.js';

const LENGTH = 50_000;

/** Upper-tail p-value of chi-square with df degrees of freedom (Wilson-Hilferty normal approximation). */
function chiSquarePValue(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  const chi = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
  const df = counts.length - 1;
  const z = (Math.cbrt(chi / df) - (1 - 2 / (9 * df))) / Math.sqrt(2 / (9 * df));
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  // Abramowitz-Stegun 7.1.26 (|error| < 1.5e-7), enough for a tail test.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return x >= 0 ? y : 2 - y;
}

function byteCounts(words: Uint32Array): number[] {
  const counts = new Array<number>(256).fill(0);
  for (const b of new Uint8Array(words.buffer, words.byteOffset, words.byteLength)) counts[b]++;
  return counts;
}

function highBitCounts(words: Uint32Array): number[] {
  const counts = new Array<number>(16).fill(0);
  for (const w of words) counts[w >>> 28]++;
  return counts;
}

async function maskedVector(input: Uint32Array): Promise<Uint32Array> {
  const n = 6;
  const params = validateParams({ threshold: 4, degree: 5, clipRange: 1, bits: 16 }, n);
  const { context, ids, keys } = makeContext(n, params, LENGTH, new Uint8Array(32).fill(3));
  const server = new SecAggServer(context);
  const states = ids.map((id, i) => {
    const { state, advert } = advertise({ ...context, selfId: id, identitySecretKey: keys[i].secretKey }, { keys: fastRoundKeys() });
    server.receiveAdvert(advert);
    return state;
  });
  server.closeAdvertise();
  for (const [i, id] of ids.entries()) server.receiveShares(id, await shareKeys(states[i], server.roster(), { minCohort: 3 }));
  server.closeShareKeys();
  return maskInput(states[0], server.sharesFor(ids[0]), input);
}

describe('masked inputs look uniform', () => {
  it.each([
    ['all zeros', 0],
    ['a constant', 0xbeef],
  ])('%s', async (_, value) => {
    const input = new Uint32Array(LENGTH).fill(value);
    expect(chiSquarePValue(byteCounts(input))).toBeLessThan(1e-9); // control: the input is not uniform
    const masked = await maskedVector(input);
    expect(chiSquarePValue(byteCounts(masked))).toBeGreaterThan(1e-4);
    expect(chiSquarePValue(highBitCounts(masked))).toBeGreaterThan(1e-4);
  });
});
