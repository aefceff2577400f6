// FedAvg and the server optimizers against numbers worked out by hand (the arithmetic is in
// the comments), through the same path a round takes: UpdateSum -> weightedMean -> strategy.
import { describe, expect, it } from 'vitest';
import { UpdateSum, weightedMean } from '../../coordinator/aggregate.js';
import { createStrategy } from '../../coordinator/strategy/index.js';
import { fedAvg } from '../../coordinator/strategy/fedavg.js';
import { fedAvgM } from '../../coordinator/strategy/fedavgm.js';
import { fedOpt } from '../../coordinator/strategy/fedopt.js';

const f32 = (...values: number[]) => Float32Array.from(values);

describe('FedAvg (McMahan et al. 2017): weighted mean of the updates', () => {
  // Three agencies, weights 0.5, 0.2, 0.1 (sum 0.8):
  //   A = [ 1, 2, -1]   B = [3, 0, 1]   C = [-2, 4, 0]
  //   coordinate 0: (0.5*1 + 0.2*3 + 0.1*-2) / 0.8 = 0.9 / 0.8  =  1.125
  //   coordinate 1: (0.5*2 + 0.2*0 + 0.1*4)  / 0.8 = 1.4 / 0.8  =  1.75
  //   coordinate 2: (0.5*-1 + 0.2*1 + 0.1*0) / 0.8 = -0.3 / 0.8 = -0.375
  const updates = [
    { delta: f32(1, 2, -1), weight: 0.5 },
    { delta: f32(3, 0, 1), weight: 0.2 },
    { delta: f32(-2, 4, 0), weight: 0.1 },
  ];

  it('sums w_k * delta_k and w_k, and divides', () => {
    const sum = new UpdateSum(3);
    for (const u of updates) sum.add(u.delta, u.weight);
    expect(sum.count).toBe(3);
    expect(sum.totalWeight).toBeCloseTo(0.8, 12);
    expect(Array.from(sum.sum)).toEqual([expect.closeTo(0.9, 12), expect.closeTo(1.4, 12), expect.closeTo(-0.3, 12)]);
    const mean = sum.mean();
    expect(mean[0]).toBeCloseTo(1.125, 6);
    expect(mean[1]).toBeCloseTo(1.75, 6);
    expect(mean[2]).toBeCloseTo(-0.375, 6);
    // The unweighted mean would be [0.667, 2, 0]: the weights must matter.
    expect(mean[0]).not.toBeCloseTo(2 / 3, 2);
    expect(Array.from(weightedMean(sum.sum, sum.totalWeight))).toEqual(Array.from(mean));
  });

  it('adds the mean update to the global model', () => {
    const sum = new UpdateSum(3);
    for (const u of updates) sum.add(u.delta, u.weight);
    const next = fedAvg().apply(f32(10, 20, 30), sum.mean());
    expect(next[0]).toBeCloseTo(11.125, 5);
    expect(next[1]).toBeCloseTo(21.75, 5);
    expect(next[2]).toBeCloseTo(29.625, 5);
  });

  it('does not depend on the order the updates arrive in', () => {
    const a = new UpdateSum(3);
    const b = new UpdateSum(3);
    for (const u of updates) a.add(u.delta, u.weight);
    for (const u of [...updates].reverse()) b.add(u.delta, u.weight);
    expect(Array.from(a.mean())).toEqual(Array.from(b.mean()));
  });

  it('refuses an update of the wrong length, a bad weight, and an empty sum', () => {
    const sum = new UpdateSum(3);
    expect(() => sum.add(f32(1, 2), 0.5)).toThrow(/2 values, expected 3/);
    expect(() => sum.add(f32(1, 2, 3), 0)).toThrow(RangeError);
    expect(() => sum.add(f32(1, 2, 3), Number.NaN)).toThrow(RangeError);
    expect(() => sum.add(f32(1, 2, 3), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(sum.count).toBe(0);
    expect(() => sum.mean()).toThrow(/total weight must be positive/);
    expect(() => fedAvg().apply(f32(1, 2, 3), f32(1, 2))).toThrow(/2 values, the model 3/);
  });

  it('is what createStrategy gives for fedavg and fedprox', () => {
    for (const name of ['fedavg', 'fedprox'] as const) {
      expect(Array.from(createStrategy(name).apply(f32(1, 1), f32(0.5, -2)))).toEqual([1.5, -1]);
    }
    expect(() => createStrategy('sgd' as never)).toThrow(/unknown strategy "sgd"/);
  });
});

describe('FedAvgM (Hsu et al. 2019): server momentum', () => {
  // beta = 0.9, server lr = 0.5, x0 = [0, 0], d1 = [1, -2], d2 = [0.5, 1]
  //   v1 = d1 = [1, -2]                              x1 = x0 + 0.5 * v1 = [0.5, -1]
  //   v2 = 0.9 * v1 + d2 = [1.4, -0.8]               x2 = x1 + 0.5 * v2 = [1.2, -1.4]
  it('follows two hand-computed steps', () => {
    const strategy = fedAvgM({ momentum: 0.9, serverLearningRate: 0.5 });
    const x1 = strategy.apply(f32(0, 0), f32(1, -2));
    expect(x1[0]).toBeCloseTo(0.5, 6);
    expect(x1[1]).toBeCloseTo(-1, 6);
    const x2 = strategy.apply(x1, f32(0.5, 1));
    expect(x2[0]).toBeCloseTo(1.2, 6);
    expect(x2[1]).toBeCloseTo(-1.4, 6);
    expect(Array.from(strategy.state().velocity)).toEqual([expect.closeTo(1.4, 6), expect.closeTo(-0.8, 6)]);
  });

  it('resumes from its checkpointed velocity', () => {
    const first = fedAvgM({ momentum: 0.9, serverLearningRate: 0.5 });
    const x1 = first.apply(f32(0, 0), f32(1, -2));
    const saved = Object.fromEntries(Object.entries(first.state()).map(([k, v]) => [k, v.slice()]));
    const resumed = fedAvgM({ momentum: 0.9, serverLearningRate: 0.5 });
    resumed.restore(saved);
    const x2 = resumed.apply(x1, f32(0.5, 1));
    expect(x2[0]).toBeCloseTo(1.2, 6);
    expect(x2[1]).toBeCloseTo(-1.4, 6);
  });
});

describe('FedAdam, FedYogi, FedAdagrad (Reddi et al. 2021, Algorithm 2)', () => {
  // lr = 0.1, beta1 = 0.9, beta2 = 0.99, tau = 1e-3, v0 = tau^2 = 1e-6, m0 = 0, x0 = [0, 0]
  // d1 = [1, -0.5], d2 = [0.5, 0.25]; x += lr * m / (sqrt(v) + tau)
  // FedAdam, coordinate 0, step 1: m = 0.1 * 1 = 0.1; v = 0.99e-6 + 0.01 * 1 = 0.01000099;
  //   x = 0.1 * 0.1 / (sqrt(0.01000099) + 0.001) = 0.01 / 0.10100495 = 0.0990050
  // step 2: m = 0.09 + 0.05 = 0.14; v = 0.99 * 0.01000099 + 0.01 * 0.25 = 0.0124009801;
  //   x = 0.0990050 + 0.014 / (0.11135969 + 0.001) = 0.0990050 + 0.1245998 = 0.2236049
  // FedYogi, coordinate 0: v1 = 1e-6 + 0.01 * 1 (v0 < d^2) = 0.010001; v2 = 0.010001 + 0.01 * 0.25 = 0.012501
  // FedAdagrad, coordinate 0: v1 = 1e-6 + 1 = 1.000001; v2 = 1.250001;
  //   x1 = 0.01 / (1.0000005 + 0.001) = 0.0099900; x2 = x1 + 0.014 / (1.1180344 + 0.001) = 0.0225008
  const cases = {
    fedadam: { x1: [0.0990050, -0.0980202], x2: [0.2236049, -0.1333020] },
    fedyogi: { x1: [0.0990050, -0.0980200], x2: [0.2231098, -0.1331628] },
    fedadagrad: { x1: [0.0099900, -0.0099800], x2: [0.0225008, -0.0135513] },
  } as const;

  for (const [variant, want] of Object.entries(cases) as [keyof typeof cases, (typeof cases)[keyof typeof cases]][]) {
    it(`${variant} follows two hand-computed steps`, () => {
      const strategy = fedOpt(variant, { serverLearningRate: 0.1, beta1: 0.9, beta2: 0.99, tau: 1e-3 });
      const x1 = strategy.apply(f32(0, 0), f32(1, -0.5));
      expect(x1[0]).toBeCloseTo(want.x1[0], 6);
      expect(x1[1]).toBeCloseTo(want.x1[1], 6);
      const x2 = strategy.apply(x1, f32(0.5, 0.25));
      expect(x2[0]).toBeCloseTo(want.x2[0], 6);
      expect(x2[1]).toBeCloseTo(want.x2[1], 6);
    });
  }

  it('differs from FedAvg: an adaptive step is near lr whatever the update scale', () => {
    const x1 = fedOpt('fedadam', { serverLearningRate: 0.1 }).apply(f32(0), f32(100));
    // m = 10, v ~ 100, step = 0.1 * 10 / (10 + 0.001) ~ 0.1
    expect(x1[0]).toBeCloseTo(0.1, 3);
  });
});
