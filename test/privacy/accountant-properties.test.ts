// Properties of the accountant over random parameters (seeded, so failures replay).
import { describe, expect, it } from 'vitest';
import { RdpAccountant } from '../../privacy/accountant.js';
import { calibrateNoise } from '../../privacy/calibrate.js';
import { rdpToEpsilon } from '../../privacy/convert.js';
import { DEFAULT_ORDERS, computeRdp, rdpOfStep } from '../../privacy/rdp.js';
import { logUniform, seeded } from './random.js';

const DELTA = 1e-5;
const CASES = 12;

function epsilon(q: number, z: number, steps: number): number {
  return rdpToEpsilon(DEFAULT_ORDERS, computeRdp(q, z, steps, DEFAULT_ORDERS), DELTA).epsilon;
}

function draw(rand: () => number) {
  return {
    q: logUniform(rand, 1e-3, 0.5),
    z: logUniform(rand, 0.6, 5),
    steps: 1 + Math.floor(rand() * 500),
  };
}

describe('epsilon of the sampled Gaussian', () => {
  const rand = seeded(20240611);
  const cases = Array.from({ length: CASES }, () => draw(rand));

  it.each(cases)('grows with steps, sampling rate; falls with noise (q=$q z=$z T=$steps)', ({ q, z, steps }) => {
    const e = epsilon(q, z, steps);
    expect(e).toBeGreaterThan(0);
    expect(epsilon(q, z, steps * 2)).toBeGreaterThan(e);
    expect(epsilon(Math.min(1, q * 1.5), z, steps)).toBeGreaterThan(e);
    expect(epsilon(q, z * 1.5, steps)).toBeLessThan(e);
  });

  it.each(cases.slice(0, 6))('calibrate(epsilon(z)) gives z back (q=$q z=$z T=$steps)', ({ q, z, steps }) => {
    const found = calibrateNoise({ epsilon: epsilon(q, z, steps), delta: DELTA, samplingRate: q, steps, tolerance: 1e-8 });
    expect(Math.abs(found - z)).toBeLessThan(1e-6);
  });

  it('RDP is nondecreasing in the order across the integer and fractional formulas', () => {
    // Integer orders use the binomial sum, fractional ones the MTZ series: a mismatch between
    // the two shows up as RDP dropping from one order to the next.
    for (const { q, z } of cases) {
      let previous = 0;
      for (const order of DEFAULT_ORDERS) {
        const r = rdpOfStep(q, z, order);
        expect(r).toBeGreaterThanOrEqual(previous * (1 - 1e-12));
        previous = r;
      }
    }
  });

  it('where the fractional series would not converge, the next integer order bounds it from above', () => {
    const r = rdpOfStep(0.5, 1e5, 1.5);
    expect(r).toBe(rdpOfStep(0.5, 1e5, 2));
    expect(r).toBeGreaterThan(0);
  });

  it('q = 1 is the plain Gaussian alpha / (2 z^2); q = 0 is free; z = 0 is not private', () => {
    expect(rdpOfStep(1, 2, 7.5)).toBe(7.5 / 8);
    expect(rdpOfStep(0, 2, 7.5)).toBe(0);
    expect(rdpOfStep(0.1, 0, 7.5)).toBe(Infinity);
    expect(new RdpAccountant().compose({ samplingRate: 0.1, noiseMultiplier: 0, count: 1 }).epsilon(DELTA)).toEqual({ epsilon: Infinity, order: NaN });
  });
});

describe('RdpAccountant', () => {
  it('composes heterogeneous steps as the sum of their RDP and survives a JSON round trip', () => {
    const a = new RdpAccountant()
      .compose({ samplingRate: 0.01, noiseMultiplier: 1.1, count: 30 })
      .compose({ samplingRate: 0.01, noiseMultiplier: 1.1, count: 20 })
      .compose({ samplingRate: 0.05, noiseMultiplier: 2, count: 10 });
    const sum = computeRdp(0.01, 1.1, 50, DEFAULT_ORDERS).map((r, k) => r + computeRdp(0.05, 2, 10, DEFAULT_ORDERS)[k]);
    a.rdp().forEach((r, k) => expect(r).toBeCloseTo(sum[k], 12));
    expect(a.state().steps).toEqual([
      { samplingRate: 0.01, noiseMultiplier: 1.1, count: 50 },
      { samplingRate: 0.05, noiseMultiplier: 2, count: 10 },
    ]);
    const b = RdpAccountant.fromState(JSON.parse(JSON.stringify(a.state())));
    expect(b.epsilon(1e-6)).toEqual(a.epsilon(1e-6));
  });

  it('rejects bad arguments, naming them', () => {
    const a = new RdpAccountant();
    expect(() => a.compose({ samplingRate: 1.5, noiseMultiplier: 1, count: 1 })).toThrow(/step.samplingRate/);
    expect(() => a.compose({ samplingRate: 0.1, noiseMultiplier: -1, count: 1 })).toThrow(RangeError);
    expect(() => a.compose({ samplingRate: 0.1, noiseMultiplier: 1, count: 0.5 })).toThrow(/step.count/);
    expect(() => a.epsilon(0)).toThrow(/delta/);
    expect(() => RdpAccountant.fromState({ version: 2, orders: [2], steps: [] })).toThrow(TypeError);
    expect(() => rdpOfStep(0.1, 1, 1)).toThrow(/order/);
    expect(() => calibrateNoise({ epsilon: -1, delta: 1e-5, samplingRate: 0.1, steps: 10 })).toThrow(/epsilon/);
  });
});
