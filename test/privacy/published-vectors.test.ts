// The accountant against values published in TF Privacy's and Opacus's own tests
// (vectors/*.json name the repository, file, test and commit of each).
import { describe, expect, it } from 'vitest';
import { RdpAccountant } from '../../privacy/accountant.js';
import { calibrateNoise } from '../../privacy/calibrate.js';
import { rdpToEpsilon } from '../../privacy/convert.js';
import { DEFAULT_ORDERS, computeRdp } from '../../privacy/rdp.js';
import { expectClose, loadVectors, num, orders, type OrderSpec, type Tolerance } from './vectors.js';

interface Step { samplingRate: number; noiseMultiplier: number; count: number }
interface Source { repository: string; file: string; test: string }
interface TfVectors {
  rdp: { source: Source; samplingRate: number; noiseMultiplier: number; steps: number; orders: OrderSpec[]; expected: (number | string)[]; tolerance: Tolerance }[];
  heterogeneous: { source: Source; steps: Step[]; orders: number[]; expectedRdp: number[]; tolerance: Tolerance }[];
  conversion: {
    source: Source; orders: OrderSpec | OrderSpec[]; delta: number; expectedEpsilon: number; expectedOrder?: number; tolerance: Tolerance;
    constantRdp?: number; samplingRate?: number; noiseMultiplier?: number; steps?: number;
  }[];
  compositionUpperBound: { source: Source; orders: number[]; steps: Step[]; delta: number; epsilonAtMost: number }[];
  dpSgd: {
    source: Source; orders: OrderSpec[];
    cases: { name: string; n: number; batchSize: number; noiseMultiplier: number; epochs: number; delta: number; expectedEpsilon: number; expectedOrder: number; tolerance: Tolerance; quadratureEpsilon?: number }[];
  };
}
interface OpacusVectors {
  accountant: { source: Source; samplingRate: number; noiseMultiplier: number; steps: number; delta: number; expectedEpsilon: number; tolerance: Tolerance }[];
  noiseMultiplier: { source: Source; epsilon: number; delta: number; samplingRate: number; steps: number; expectedNoiseMultiplier: number; tolerance: Tolerance }[];
}

const tf = loadVectors<TfVectors>('tf-privacy.json');
const opacus = loadVectors<OpacusVectors>('opacus.json');
const label = (s: Source) => `${s.repository} ${s.file} ${s.test}`;

describe('TF Privacy rdp_accountant_test / rdp_privacy_accountant_test', () => {
  it.each(tf.rdp.map((v) => [label(v.source), v] as const))('RDP: %s', (_, v) => {
    const rdp = computeRdp(v.samplingRate, v.noiseMultiplier, v.steps, orders(v.orders));
    v.expected.forEach((e, k) => expectClose(rdp[k], num(e), v.tolerance));
  });

  it.each(tf.heterogeneous.map((v) => [label(v.source), v] as const))('heterogeneous RDP: %s', (_, v) => {
    const accountant = new RdpAccountant(v.orders);
    for (const step of v.steps) accountant.compose(step);
    v.expectedRdp.forEach((e, k) => expectClose(accountant.rdp()[k], e, v.tolerance));
  });

  it.each(tf.conversion.map((v) => [label(v.source), v] as const))('RDP -> epsilon: %s', (_, v) => {
    const os = orders(v.orders);
    const rdp = v.constantRdp !== undefined ? os.map(() => v.constantRdp as number) : computeRdp(v.samplingRate!, v.noiseMultiplier!, v.steps!, os);
    const { epsilon, order } = rdpToEpsilon(os, rdp, v.delta);
    expectClose(epsilon, v.expectedEpsilon, v.tolerance);
    if (v.expectedOrder !== undefined) expect(order).toBe(v.expectedOrder);
  });

  it.each(tf.compositionUpperBound.map((v) => [label(v.source), v] as const))('composition bound: %s', (_, v) => {
    const accountant = new RdpAccountant(v.orders);
    for (const step of v.steps) accountant.compose(step);
    expect(accountant.epsilon(v.delta).epsilon).toBeLessThanOrEqual(v.epsilonAtMost);
  });
});

describe(`TF Privacy compute_dp_sgd_privacy_test (${tf.dpSgd.source.test})`, () => {
  const os = orders(tf.dpSgd.orders);
  const stepsOf = (c: { n: number; batchSize: number; epochs: number }) => Math.ceil((c.epochs * c.n) / c.batchSize);

  it.each(tf.dpSgd.cases.map((c) => [c.name, c] as const))('%s: epsilon and best order', (_, c) => {
    const accountant = new RdpAccountant(os).compose({ samplingRate: c.batchSize / c.n, noiseMultiplier: c.noiseMultiplier, count: stepsOf(c) });
    const { epsilon, order } = accountant.epsilon(c.delta);
    expectClose(epsilon, c.expectedEpsilon, c.tolerance);
    if (c.quadratureEpsilon !== undefined) expectClose(epsilon, c.quadratureEpsilon, { places: 6 });
    expect(order).toBe(c.expectedOrder);
  });

  // The inverse of the same published pairs: calibrating to the published epsilon gives back z.
  it.each(tf.dpSgd.cases.slice(0, 2).map((c) => [c.name, c] as const))('%s: calibrate(epsilon) returns the published z', (_, c) => {
    const z = calibrateNoise({ epsilon: c.expectedEpsilon, delta: c.delta, samplingRate: c.batchSize / c.n, steps: stepsOf(c), orders: os, tolerance: 1e-9 });
    expectClose(z, c.noiseMultiplier, { places: 7 });
  });
});

describe('Opacus accountants_test', () => {
  it.each(opacus.accountant.map((v) => [label(v.source), v] as const))('%s', (_, v) => {
    // Composed one round at a time, as the Opacus test steps its accountant.
    const accountant = new RdpAccountant(DEFAULT_ORDERS);
    for (let i = 0; i < v.steps; i++) accountant.compose({ samplingRate: v.samplingRate, noiseMultiplier: v.noiseMultiplier, count: 1 });
    expect(accountant.state().steps).toHaveLength(1);
    expectClose(accountant.epsilon(v.delta).epsilon, v.expectedEpsilon, v.tolerance);
  });

  it.each(opacus.noiseMultiplier.map((v) => [label(v.source), v] as const))('%s', (_, v) => {
    const z = calibrateNoise({ epsilon: v.epsilon, delta: v.delta, samplingRate: v.samplingRate, steps: v.steps });
    expectClose(z, v.expectedNoiseMultiplier, v.tolerance);
  });
});
