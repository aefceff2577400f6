// Binary, multiclass and regression training and evaluation (issue #16): the losses against
// hand-computed values, training that learns each task, and the metric totals that add up
// across agencies to the pooled data's totals.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { subset, type Dataset } from '../../ml/dataset.js';
import { initEngine } from '../../ml/engine.js';
import {
  addTotals, emptyTotals, histogramAuc, metricsFrom, metricTotals, totalsFromVectors, totalsVectors, type MetricTotals,
} from '../../ml/metrics.js';
import { ARCHITECTURE_IO, buildModel } from '../../ml/models.js';
import { seededRandom } from '../../ml/random.js';
import { exampleLosses, fitModel, modelIO, modelTask } from '../../ml/task.js';
import { evaluate, trainLocal } from '../../ml/train.js';
import { patterns } from './fixtures.js';

beforeAll(async () => {
  await initEngine('wasm');
});

/** Two noisy clusters in 6 dimensions, labels 0/1. */
const binaryData = (n: number, seed: number): Dataset => patterns(n, [6], 2, seed, 1);

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/** y = 2 x0 - x1 + 0.5 x2 + 1 + noise. */
function linearData(n: number, seed: number): Dataset {
  const random = seededRandom(seed);
  const x = Float32Array.from({ length: n * 3 }, () => random() * 2 - 1);
  const y = Float32Array.from({ length: n }, (_, i) => 2 * x[i * 3] - x[i * 3 + 1] + 0.5 * x[i * 3 + 2] + 1 + 0.05 * (random() - 0.5));
  return { x, y, exampleShape: [3], numClasses: 0 };
}

describe('tasks', () => {
  it('trains a one-unit sigmoid model on two classes (binary cross-entropy)', async () => {
    const model = await buildModel({ kind: 'tabular-mlp', inputs: 6, task: 'binary', outputs: 1, hidden: [8] }, 1);
    const all = binaryData(500, 1);
    const [data, heldOut] = [subset(all, range(0, 300)), subset(all, range(300, 500))];
    const before = metricsFrom(metricTotals(model, heldOut));
    const result = await trainLocal(model, data, { epochs: 20, batchSize: 20, learningRate: 0.05, optimizer: 'adam', seed: 1 });
    const after = metricsFrom(metricTotals(model, heldOut));
    expect(result.examples).toBe(300);
    expect(after.loss).toBeLessThan(before.loss);
    expect(after.accuracy).toBeGreaterThan(0.9);
    expect(after.auc).toBeGreaterThan(0.95);
    expect(evaluate(model, data).accuracy).toBeCloseTo(metricsFrom(metricTotals(model, data)).accuracy!, 12);
  });

  it('trains a linear output on real targets (mean squared error)', async () => {
    const model = await buildModel({ kind: 'tabular-mlp', inputs: 3, task: 'regression', outputs: 1, hidden: [] }, 2);
    const all = linearData(600, 2);
    const [data, heldOut] = [subset(all, range(0, 400)), subset(all, range(400, 600))];
    const before = metricsFrom(metricTotals(model, heldOut));
    await trainLocal(model, data, { epochs: 30, batchSize: 20, learningRate: 0.05, optimizer: 'adam', seed: 2 });
    const after = metricsFrom(metricTotals(model, heldOut));
    expect(after.mse).toBeLessThan(0.01);
    expect(after.mse).toBeLessThan(before.mse! / 50);
    expect(after.rmse).toBeCloseTo(Math.sqrt(after.mse!), 12);
    expect(after.loss).toBeCloseTo(after.mse!, 9);
    expect(after.mae).toBeLessThan(0.1);
    expect(after.accuracy).toBeUndefined();
    expect(() => evaluate(model, data)).toThrow(/no accuracy: use metricsFrom/);
    // The weights found are the line: 2, -1, 0.5 and intercept 1.
    const [kernel, bias] = model.getWeights().map((w) => Array.from(w.dataSync()));
    [2, -1, 0.5].forEach((w, i) => expect(kernel[i]).toBeCloseTo(w, 1));
    expect(bias[0]).toBeCloseTo(1, 1);
  });

  it('trains an agency that lacks some classes on a model with more outputs (regression test)', async () => {
    // Before: "data has 8 classes, the model outputs 10", though labels 0..7 fit a 10-class model.
    const model = await buildModel({ kind: 'tabular-mlp', inputs: 12, task: 'multiclass', outputs: 10, hidden: [16] }, 3);
    const data = patterns(160, [12], 8, 3);
    expect(data.numClasses).toBe(8);
    await trainLocal(model, data, { epochs: 10, batchSize: 16, learningRate: 0.01, optimizer: 'adam', seed: 3 });
    const m = metricsFrom(metricTotals(model, data));
    expect(m.accuracy).toBeGreaterThan(0.9);
    expect(metricTotals(model, data).confusion).toHaveLength(100);
  });

  it('computes each loss per example as its formula says', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1], units: 1, activation: 'sigmoid' })] });
    const fit = fitModel(model, { x: Float32Array.of(0, 0), y: Int32Array.of(1, 0), exampleShape: [1], numClasses: 2 });
    expect(fit.task).toBe('binary');
    const p = tf.tensor2d([[0.8], [0.3]]);
    const bce = exampleLosses(p, tf.tensor2d([[1], [0]]), fit).arraySync() as number[];
    expect(bce[0]).toBeCloseTo(-Math.log(0.8), 6);
    expect(bce[1]).toBeCloseTo(-Math.log(0.7), 6);
    const logits = exampleLosses(tf.tensor2d([[2], [-1]]), tf.tensor2d([[1], [1]]), { ...fit, probabilities: false }).arraySync() as number[];
    expect(logits[0]).toBeCloseTo(Math.log(1 + Math.exp(-2)), 6);
    expect(logits[1]).toBeCloseTo(Math.log(1 + Math.exp(1)), 6);
    const se = exampleLosses(tf.tensor2d([[1.5], [-2]]), tf.tensor2d([[1], [1]]), { ...fit, task: 'regression' }).arraySync() as number[];
    expect(se).toEqual([0.25, 9]);
    model.dispose();
  });

  it('knows what the built-in architectures take and give without an offer', async () => {
    for (const [kind, io] of Object.entries(ARCHITECTURE_IO)) {
      const model = await buildModel({ kind: kind as keyof typeof ARCHITECTURE_IO }, 1);
      expect(modelIO(model)).toMatchObject({ inputSize: io.inputSize, outputs: io.outputs, probabilities: true });
      expect(modelTask(modelIO(model))).toBe(io.task);
      model.dispose();
    }
    for (const task of ['binary', 'regression'] as const) {
      const model = await buildModel({ kind: 'tabular-mlp', inputs: 4, task, outputs: 1, hidden: [3] }, 1);
      expect(modelTask(modelIO(model))).toBe(task);
      model.dispose();
    }
  });

  it('refuses data that does not fit the task, naming the value', async () => {
    const binary = await buildModel({ kind: 'tabular-mlp', inputs: 6, task: 'binary', outputs: 1, hidden: [] }, 1);
    const cfg = { epochs: 1, batchSize: 10, learningRate: 0.1 };
    await expect(trainLocal(binary, patterns(10, [6], 3, 1), cfg)).rejects.toThrow('data.y[2] = 2 is not 0 or 1: a model with one output is a binary classifier');
    const multi = await buildModel({ kind: 'tabular-mlp', inputs: 3, task: 'multiclass', outputs: 4, hidden: [] }, 1);
    await expect(trainLocal(multi, linearData(10, 1), cfg)).rejects.toThrow('real-valued targets need a model with 1 output, the model outputs 4');
    const nan = linearData(5, 1);
    nan.y[3] = Number.NaN;
    const regression = await buildModel({ kind: 'tabular-mlp', inputs: 3, task: 'regression', outputs: 1, hidden: [] }, 1);
    await expect(trainLocal(regression, nan, cfg)).rejects.toThrow('data.y[3] = NaN is not a finite target');
    await expect(buildModel({ kind: 'tabular-mlp', inputs: 3, task: 'binary', outputs: 2, hidden: [] })).rejects.toThrow(/spec.outputs must be 1 for a binary model/);
  });
});

describe('metric totals', () => {
  it('add up across agencies to the totals of the pooled data', async () => {
    const model = await buildModel({ kind: 'tabular-mlp', inputs: 6, task: 'binary', outputs: 1, hidden: [4] }, 9);
    await trainLocal(model, binaryData(100, 4), { epochs: 3, batchSize: 10, learningRate: 0.05, seed: 4 });
    const data = binaryData(250, 5);
    const parts = [[0, 90], [90, 200], [200, 250]].map(([a, b]) => subset(data, range(a, b)));
    const summed = parts.map((p) => metricTotals(model, p, { batchSize: 37 })).reduce(addTotals);
    const pooled = metricTotals(model, data);
    expect(summed.examples).toBe(250);
    expect(summed.confusion).toEqual(pooled.confusion);
    expect(summed.scoreHistogram).toEqual(pooled.scoreHistogram);
    expect(summed.lossSum).toBeCloseTo(pooled.lossSum, 3);
    expect(metricsFrom(summed).accuracy).toBe(metricsFrom(pooled).accuracy);
    expect(totalsFromVectors(pooled, totalsVectors(pooled))).toEqual(pooled);
    expect(() => addTotals(pooled, emptyTotals('multiclass', 3))).toThrow(/different shapes/);
  });

  it('metrics from hand-made totals: accuracy, balanced accuracy, AUC; regression errors', () => {
    // 3 classes: class 0 has 10 examples (8 right), class 1 has 5 (5 right), class 2 has 0.
    const multi: MetricTotals = { ...emptyTotals('multiclass', 3), examples: 15, lossSum: 6, confusion: [8, 1, 1, 0, 5, 0, 0, 0, 0] };
    expect(metricsFrom(multi)).toEqual({ examples: 15, loss: 0.4, accuracy: 13 / 15, balancedAccuracy: (0.8 + 1) / 2 });
    const regression: MetricTotals = { ...emptyTotals('regression', 0), examples: 4, lossSum: 8, squaredErrorSum: 8, absoluteErrorSum: 4 };
    expect(metricsFrom(regression)).toEqual({ examples: 4, loss: 2, mse: 2, rmse: Math.SQRT2, mae: 1 });
  });

  it('the histogram AUC is the Mann-Whitney AUC when scores fall in distinct bins, and counts shared bins as ties', () => {
    const random = seededRandom(11);
    const bins = 1000;
    for (let trial = 0; trial < 20; trial++) {
      const negatives = Array.from({ length: 30 }, () => random() * 0.8);
      const positives = Array.from({ length: 20 }, () => 0.2 + random() * 0.8);
      const histogram = new Array<number>(2 * bins).fill(0);
      negatives.forEach((s) => histogram[Math.floor(s * bins)]++);
      positives.forEach((s) => histogram[bins + Math.floor(s * bins)]++);
      const binOf = (s: number) => Math.floor(s * bins);
      let pairs = 0;
      for (const p of positives) for (const n of negatives) pairs += binOf(p) > binOf(n) ? 1 : binOf(p) === binOf(n) ? 0.5 : 0;
      expect(histogramAuc(histogram)).toBeCloseTo(pairs / 600, 12);
    }
    expect(histogramAuc([5, 0, 0, 5])).toBe(1);
    expect(histogramAuc([0, 5, 5, 0])).toBe(0);
    expect(histogramAuc([3, 0, 3, 0])).toBe(0.5);
    expect(histogramAuc([3, 0, 0, 0])).toBeNaN();
  });
});
