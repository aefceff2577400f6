// DP-SGD training (ml/dpsgd.ts): it learns, for every task; it reports the (q, z, steps) the
// accountant needs; its lots are Poisson samples; its noise has standard deviation z * C over the
// expected lot size; it stops on abort and leaves no tensors behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { planDpSgd, poissonLot, trainLocalPrivate, type DpRandomness, type DpSgdConfig } from '../../ml/dpsgd.js';
import { initEngine } from '../../ml/engine.js';
import { buildModel } from '../../ml/models.js';
import { seededRandom } from '../../ml/random.js';
import { evaluate } from '../../ml/train.js';
import { getFlatWeights } from '../../ml/weights.js';
import { dpRandomness, gaussianNoise } from '../../privacy/noise.js';
import { patterns, sameBits } from './fixtures.js';

const data = patterns(200, [784], 10, 1);
const heldOut = patterns(100, [784], 10, 1);
/** Seeded lots, so that a test replays; the noise still comes from node:crypto. */
const seeded = (seed: number): DpRandomness => ({ uniform: seededRandom(seed), gaussian: gaussianNoise });
const cfg = (over: Partial<DpSgdConfig> = {}): DpSgdConfig => ({ epochs: 1, lotSize: 20, clipNorm: 1, noiseMultiplier: 1, learningRate: 0.5, ...over });

beforeAll(async () => {
  await initEngine('wasm');
});
afterAll(async () => {
  await initEngine('wasm');
});

describe('trainLocalPrivate', () => {
  it('learns, and reports what the accountant composes: steps at the agency\'s own q and z', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const epochs: number[] = [];
    const config = cfg({ epochs: 4, lotSize: 40, noiseMultiplier: 0.5 });
    const result = await trainLocalPrivate(model, data, config, seeded(1), { onEpoch: ({ loss }) => void epochs.push(loss) });
    expect(planDpSgd(config, 200)).toEqual({ steps: 20, samplingRate: 0.2, noiseMultiplier: 0.5 });
    expect(result).toMatchObject({ examples: 200, steps: 20, samplingRate: 0.2, noiseMultiplier: 0.5, loss: epochs[3] });
    expect(epochs).toHaveLength(4);
    expect(epochs[3]).toBeLessThan(epochs[0]);
    expect(evaluate(model, heldOut).accuracy).toBeGreaterThan(0.9);
    model.dispose();
  });

  it('noise: standard deviation z * C * lr over the expected lot size, not the drawn one', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 2);
    const before = getFlatWeights(model);
    // One step whose drawn lot differs from the expected 20 by at least 5, so that dividing by the
    // drawn size would show; z so large that the clipped gradients (norm <= lot * C) vanish in it.
    let seed = 1;
    while (Math.abs(poissonLot(200, 0.1, seededRandom(seed)).length - 20) < 5) seed++;
    const z = 1000;
    await trainLocalPrivate(model, data, cfg({ epochs: 0.1, noiseMultiplier: z, learningRate: 1 }), seeded(seed));
    const delta = getFlatWeights(model).map((w, i) => w - before[i]);
    const mean = delta.reduce((s, v) => s + v, 0) / delta.length;
    const std = Math.sqrt(delta.reduce((s, v) => s + (v - mean) ** 2, 0) / delta.length);
    expect(Math.abs(mean)).toBeLessThan(0.01 * std);
    expect(std / ((z * 1) / 20)).toBeCloseTo(1, 2); // within 0.5%; 199,210 draws
    model.dispose();
  });

  it('seeded lots replay and the noise does not: with z = 0 two runs match bit for bit, with z > 0 they differ', async () => {
    const run = async (z: number) => {
      const model = await buildModel({ kind: 'mnist-2nn' }, 3);
      await trainLocalPrivate(model, data, cfg({ epochs: 0.5, noiseMultiplier: z }), seeded(7));
      const w = getFlatWeights(model);
      model.dispose();
      return w;
    };
    expect(sameBits(await run(0), await run(0))).toBe(true);
    expect(sameBits(await run(1), await run(1))).toBe(false);
  });

  it('FedProx: a large mu keeps the weights near where the round started', async () => {
    const moved = async (mu: number) => {
      const model = await buildModel({ kind: 'mnist-2nn' }, 4);
      const start = getFlatWeights(model);
      await trainLocalPrivate(model, data, cfg({ epochs: 2, noiseMultiplier: 0, learningRate: 0.5, proximalMu: mu }), seeded(2));
      const w = getFlatWeights(model);
      model.dispose();
      return Math.sqrt(w.reduce((s, v, i) => s + (v - start[i]) ** 2, 0));
    };
    const [free, held] = [await moved(0), await moved(1.5)];
    expect(held).toBeLessThan(free * 0.8);
  });

  it('stops when aborted, and leaves no tensors behind, also for the CNN and a batch-size-1 model', async () => {
    const cnn = await buildModel({ kind: 'mnist-cnn' }, 1);
    const images = patterns(16, [28, 28, 1], 10, 4);
    const before = tf.memory().numTensors;
    const result = await trainLocalPrivate(cnn, images, cfg({ epochs: 0.5, lotSize: 8 }), seeded(1));
    expect(result.steps).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
    const controller = new AbortController();
    controller.abort();
    await expect(trainLocalPrivate(cnn, images, cfg(), dpRandomness(), { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(tf.memory().numTensors).toBe(before);
    cnn.dispose();

    const slow = tf.sequential({ layers: [
      tf.layers.conv1d({ inputShape: [8, 2], filters: 2, kernelSize: 3, activation: 'relu' }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ] });
    const table = patterns(30, [8, 2], 3, 5);
    const n = tf.memory().numTensors;
    const out = await trainLocalPrivate(slow, table, cfg({ epochs: 1, lotSize: 10, perExample: 'auto' }), seeded(3));
    expect(out.steps).toBe(3);
    expect(tf.memory().numTensors).toBe(n);
    slow.dispose();
  });

  it('trains binary classifiers and regression models too, with their own losses (ml/task.ts)', async () => {
    const random = seededRandom(8);
    const rows = 300;
    const x = Float32Array.from({ length: rows * 6 }, () => 2 * random() - 1);
    const score = (i: number) => x[i * 6] + 0.5 * x[i * 6 + 1] - x[i * 6 + 2];
    const binary = { x, y: Int32Array.from({ length: rows }, (_, i) => (score(i) > 0 ? 1 : 0)), exampleShape: [6], numClasses: 2 };
    const regression = { x, y: Float32Array.from({ length: rows }, (_, i) => score(i)), exampleShape: [6], numClasses: 0 };
    for (const [data, activation] of [[binary, 'sigmoid'], [regression, 'linear']] as const) {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ inputShape: [6], units: 8, activation: 'tanh', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.dense({ units: 1, activation, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ] });
      const losses: number[] = [];
      await trainLocalPrivate(model, data, cfg({ epochs: 8, lotSize: 30, noiseMultiplier: 0.3, learningRate: 0.5 }), seeded(5), { onEpoch: ({ loss }) => void losses.push(loss) });
      expect(losses.at(-1)!, activation).toBeLessThan(0.5 * losses[0]);
      if (activation === 'sigmoid') expect(evaluate(model, data).accuracy).toBeGreaterThan(0.9);
      model.dispose();
    }
  });

  it('rejects a bad configuration, naming the field', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const bad: Array<[Partial<DpSgdConfig>, RegExp]> = [
      [{ epochs: 0 }, /cfg.epochs/], [{ lotSize: 2.5 }, /cfg.lotSize/], [{ clipNorm: -1 }, /cfg.clipNorm/],
      [{ noiseMultiplier: NaN }, /cfg.noiseMultiplier/], [{ learningRate: 0 }, /cfg.learningRate/],
      [{ optimizer: 'lion' as 'sgd' }, /cfg.optimizer/], [{ proximalMu: -1 }, /cfg.proximalMu/], [{ maxPhysicalBatch: 0 }, /cfg.maxPhysicalBatch/],
    ];
    for (const [over, message] of bad) await expect(trainLocalPrivate(model, data, cfg(over), dpRandomness())).rejects.toThrow(message);
    expect(() => planDpSgd(cfg(), 0)).toThrow(/n must be a positive integer/);
    model.dispose();
  });
});

describe('poissonLot', () => {
  it('includes each record independently: lot sizes have mean nq and variance nq(1-q)', () => {
    const random = seededRandom(5);
    const [n, q, trials] = [400, 0.05, 2000];
    const sizes = Array.from({ length: trials }, () => poissonLot(n, q, random).length);
    const mean = sizes.reduce((a, b) => a + b, 0) / trials;
    const variance = sizes.reduce((s, v) => s + (v - mean) ** 2, 0) / (trials - 1);
    expect(Math.abs(mean - n * q)).toBeLessThan(5 * Math.sqrt((n * q * (1 - q)) / trials));
    // A fixed-size lot would have variance 0; a Poisson one nq(1-q) = 19, here within 15%.
    expect(variance / (n * q * (1 - q))).toBeGreaterThan(0.85);
    expect(variance / (n * q * (1 - q))).toBeLessThan(1.15);
    // Every record is drawn about equally often.
    const counts = new Array(n).fill(0);
    for (let t = 0; t < trials; t++) for (const i of poissonLot(n, q, random)) counts[i]++;
    expect(Math.min(...counts)).toBeGreaterThan(0.5 * trials * q);
    expect(Math.max(...counts)).toBeLessThan(1.6 * trials * q);
  });
});

describe('trainLocalPrivate on the pure-JS CPU backend', () => {
  it('trains there too, on both per-example paths', async () => {
    await initEngine('cpu');
    const small = patterns(40, [12], 3, 6);
    for (const perExample of ['auto', 'batch-size-1'] as const) {
      const model = tf.sequential({ layers: [
        tf.layers.dense({ inputShape: [12], units: 8, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
        tf.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
      ] });
      const result = await trainLocalPrivate(model, small, cfg({ epochs: 10, lotSize: 10, noiseMultiplier: 0.3, learningRate: 0.5, perExample }), seeded(4));
      expect(result.steps).toBe(40);
      expect(evaluate(model, small).accuracy).toBeGreaterThan(0.9);
      model.dispose();
    }
  });
});
