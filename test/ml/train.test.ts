import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../../ml/engine.js';
import { buildModel } from '../../ml/models.js';
import { evaluate, trainLocal } from '../../ml/train.js';
import { getFlatWeights } from '../../ml/weights.js';
import { patterns, sameBits } from './fixtures.js';

const data = patterns(200, [784], 10, 1);
const heldOut = patterns(100, [784], 10, 1);
const norm = (a: Float32Array, b: Float32Array) => Math.sqrt(a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0));

beforeAll(async () => {
  await initEngine('wasm');
});

describe('trainLocal', () => {
  it('learns: loss falls and held-out accuracy rises', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const before = evaluate(model, heldOut);
    const epochs: number[] = [];
    const result = await trainLocal(model, data, { epochs: 3, batchSize: 10, learningRate: 0.05, seed: 1 },
      { onEpoch: ({ loss }) => void epochs.push(loss) });
    const after = evaluate(model, heldOut, 30);
    expect(result).toEqual({ loss: epochs[2], examples: 200, steps: 60 });
    expect(epochs[2]).toBeLessThan(epochs[0]);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.accuracy).toBeGreaterThan(0.9);
  });

  it('is reproducible from its seed, and the seed matters', async () => {
    const run = async (seed: number) => {
      const model = await buildModel({ kind: 'mnist-2nn' }, 2);
      await trainLocal(model, data, { epochs: 1, batchSize: 16, learningRate: 0.05, optimizer: 'adam', seed });
      return getFlatWeights(model);
    };
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(sameBits(a, b)).toBe(true);
    expect(sameBits(a, c)).toBe(false);
  });

  it('FedProx: a large mu keeps the weights near where the round started', async () => {
    const moved = async (mu: number) => {
      const model = await buildModel({ kind: 'mnist-2nn' }, 3);
      const start = getFlatWeights(model);
      await trainLocal(model, data, { epochs: 1, batchSize: 20, learningRate: 0.1, proximalMu: mu, seed: 1 });
      return norm(getFlatWeights(model), start);
    };
    const [free, held] = [await moved(0), await moved(5)];
    expect(held).toBeLessThan(free * 0.8);
  });

  it('trains the CNN on images without leaking tensors', async () => {
    const model = await buildModel({ kind: 'mnist-cnn' }, 1);
    const images = patterns(20, [28, 28, 1], 10, 4);
    const before = tf.memory().numTensors;
    const result = await trainLocal(model, images, { epochs: 1, batchSize: 10, learningRate: 0.01, seed: 1 });
    expect(Number.isFinite(result.loss)).toBe(true);
    expect(result.steps).toBe(2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops when its signal aborts', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const controller = new AbortController();
    let epochs = 0;
    const running = trainLocal(model, data, { epochs: 50, batchSize: 10, learningRate: 0.01 }, {
      signal: controller.signal,
      onEpoch: () => {
        if (++epochs === 1) setTimeout(() => controller.abort(new Error('round cancelled')), 0);
      },
    });
    await expect(running).rejects.toThrow('round cancelled');
    expect(epochs).toBeLessThan(50);
  });

  it('checks its arguments by name', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const cfg = { epochs: 1, batchSize: 10, learningRate: 0.1 };
    await expect(trainLocal(model, data, { ...cfg, batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(trainLocal(model, data, { ...cfg, learningRate: -1 })).rejects.toThrow(/learningRate/);
    await expect(trainLocal(model, data, { ...cfg, proximalMu: NaN })).rejects.toThrow(/proximalMu/);
    await expect(trainLocal(model, patterns(10, [13], 10, 1), cfg)).rejects.toThrow(/do not fit the model input/);
    await expect(trainLocal(model, { ...data, y: Int32Array.from(data.y, () => 10) }, cfg)).rejects.toThrow(/data.y\[0\] = 10/);
  });
});
