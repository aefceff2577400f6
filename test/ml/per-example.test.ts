// Per-example clipping (ml/per-example.ts): the fast path's norms and clipped sums equal the
// batch-size-1 path's on random Dense and Conv2D models of every task (multiclass, binary,
// regression), and no clipped example's gradient, taken independently here with
// tf.variableGrads, exceeds the bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { initEngine } from '../../ml/engine.js';
import { buildModel } from '../../ml/models.js';
import { PerExampleClipper, UnsupportedLayerError } from '../../ml/per-example.js';
import { randomBelow, seededRandom } from '../../ml/random.js';
import { exampleLosses, type Fit, modelIO, modelTask } from '../../ml/task.js';
import { batchFor, type RandomModel, randomConv, randomDense } from './random-models.js';

const TRIALS = 12;

beforeAll(async () => {
  await initEngine('wasm');
});

afterAll(async () => {
  await initEngine('wasm');
});

/** The task and loss ml/task.ts reads from the model's head. */
function fitOf(model: tf.LayersModel): Fit {
  const io = modelIO(model);
  return { ...io, task: modelTask(io) };
}

const described = (model: tf.LayersModel, inputShape: number[]): RandomModel => ({ model, inputShape, fit: fitOf(model) });

/** Each example's gradient, taken here without the code under test. */
function exampleGradients(model: tf.LayersModel, fit: Fit, x: tf.Tensor, y: tf.Tensor): Float32Array[][] {
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return Array.from({ length: x.shape[0] }, (_, i) => tf.tidy(() => {
    const { grads } = tf.variableGrads(() => {
      const out = model.apply(x.slice(i, 1)) as tf.Tensor;
      return exampleLosses(out, y.slice(i, 1), fit).sum() as tf.Scalar;
    }, variables);
    return variables.map((v) => grads[v.name].dataSync() as Float32Array);
  }));
}

const norm64 = (parts: Float32Array[], scale = 1) => Math.sqrt(parts.reduce((s, p) => s + p.reduce((t, v) => t + (scale * v) ** 2, 0), 0));

function expectSameSums(a: tf.Tensor[], b: tf.Tensor[]): void {
  expect(a.length).toBe(b.length);
  a.forEach((t, k) => {
    expect(t.shape).toEqual(b[k].shape);
    const scale = Math.max(1e-3, b[k].abs().max().dataSync()[0]);
    expect(tf.sub(t, b[k]).abs().max().dataSync()[0] / scale).toBeLessThan(1e-4);
  });
}

describe('PerExampleClipper: fast path against batch-size-1', () => {
  it.each([['dense', randomDense], ['conv2d', randomConv]] as const)('%s: equal norms, factors and clipped sums on random shapes', (_, make) => {
    const random = seededRandom(make === randomDense ? 11 : 12);
    const tasks = new Set<string>();
    for (let trial = 0; trial < TRIALS; trial++) {
      const m = make(random);
      const { model, fit } = m;
      tasks.add(fit.task);
      const { x, y } = batchFor(random, m, 1 + randomBelow(random, 9));
      const fast = new PerExampleClipper(model, fit, 'fast');
      const slow = new PerExampleClipper(model, fit, 'batch-size-1');
      expect([fast.method, slow.method]).toEqual(['fast', 'batch-size-1']);
      // A bound between the smallest and largest norm, so that some examples are clipped and some not.
      const probe = slow.clippedSum(x, y, 1e9);
      tf.dispose(probe.sums);
      const sorted = [...probe.norms].sort((a, b) => a - b);
      const bound = (sorted[0] + sorted[sorted.length - 1]) / 2;
      const a = fast.clippedSum(x, y, bound);
      const b = slow.clippedSum(x, y, bound);
      a.norms.forEach((n, i) => expect(Math.abs(n - b.norms[i]) / b.norms[i], `trial ${trial} example ${i}`).toBeLessThan(1e-5));
      a.factors.forEach((f, i) => expect(f).toBeCloseTo(b.factors[i], 5));
      expect(a.lossSum).toBeCloseTo(b.lossSum, 4);
      expectSameSums(a.sums, b.sums);
      tf.dispose([...a.sums, ...b.sums, x, y]);
      model.dispose();
    }
    if (make === randomDense) expect([...tasks].sort()).toEqual(['binary', 'multiclass', 'regression']);
  });

  it('the MNIST 2NN and CNN take the fast path and agree with batch-size-1', async () => {
    const random = seededRandom(3);
    for (const [kind, inputShape] of [['mnist-2nn', [784]], ['mnist-cnn', [28, 28, 1]]] as const) {
      const model = await buildModel({ kind }, 1);
      const m = described(model, [...inputShape]);
      const { x, y } = batchFor(random, m, 4);
      const fast = new PerExampleClipper(model, m.fit);
      expect(fast.method).toBe('fast');
      const a = fast.clippedSum(x, y, 1);
      const b = new PerExampleClipper(model, m.fit, 'batch-size-1').clippedSum(x, y, 1);
      a.norms.forEach((n, i) => expect(Math.abs(n - b.norms[i]) / b.norms[i]).toBeLessThan(1e-5));
      expectSameSums(a.sums, b.sums);
      tf.dispose([...a.sums, ...b.sums, x, y]);
      model.dispose();
    }
  });
});

describe('PerExampleClipper: the bound', () => {
  it('no clipped per-example gradient exceeds the bound, and the sum is the sum of the clipped gradients', () => {
    const random = seededRandom(21);
    for (let trial = 0; trial < TRIALS; trial++) {
      const m = (trial % 2 === 0 ? randomDense : randomConv)(random);
      const { model, fit } = m;
      const { x, y } = batchFor(random, m, 1 + randomBelow(random, 6));
      const grads = exampleGradients(model, fit, x, y);
      for (const bound of [1e-4, 0.5, 1e4]) {
        const clipper = new PerExampleClipper(model, fit);
        const { sums, factors } = clipper.clippedSum(x, y, bound);
        grads.forEach((g, i) => {
          expect(factors[i]).toBeLessThanOrEqual(1);
          expect(norm64(g, factors[i]), `trial ${trial} bound ${bound} example ${i}`).toBeLessThanOrEqual(bound);
        });
        // Nothing is clipped under a bound far above every norm.
        if (bound === 1e4) expect([...factors]).toEqual(grads.map(() => 1));
        sums.forEach((s, k) => {
          const expected = new Float64Array(s.size);
          grads.forEach((g, i) => g[k].forEach((v, j) => (expected[j] += factors[i] * v)));
          const got = s.dataSync();
          const scale = Math.max(...expected.map(Math.abs), 1e-6);
          expected.forEach((e, j) => expect(Math.abs(got[j] - e) / scale).toBeLessThan(2e-5));
        });
        tf.dispose(sums);
      }
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  it('leaves no tensors behind on either path', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 2);
    const m = described(model, [784]);
    const { x, y } = batchFor(seededRandom(4), m, 5);
    for (const method of ['fast', 'batch-size-1'] as const) {
      const clipper = new PerExampleClipper(model, m.fit, method);
      const before = tf.memory().numTensors;
      const { sums } = clipper.clippedSum(x, y, 1);
      expect(tf.memory().numTensors).toBe(before + sums.length);
      tf.dispose(sums);
    }
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('PerExampleClipper: which path, and refusals', () => {
  it('falls back to batch-size-1 for a trainable layer without a fast path; fast then refuses, naming it', () => {
    const model = tf.sequential({ layers: [
      tf.layers.conv1d({ inputShape: [6, 2], filters: 3, kernelSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 3, activation: 'softmax' }),
    ] });
    expect(new PerExampleClipper(model, fitOf(model)).method).toBe('batch-size-1');
    expect(() => new PerExampleClipper(model, fitOf(model), 'fast')).toThrow(UnsupportedLayerError);
    expect(() => new PerExampleClipper(model, fitOf(model), 'fast')).toThrow(/Conv1D/);
    model.dispose();
  });

  it('takes the fast path through a layers-JSON functional chain', async () => {
    const input = tf.input({ shape: [8, 8, 1] });
    const conv = tf.layers.conv2d({ filters: 2, kernelSize: 3, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
    const flat = tf.layers.flatten().apply(conv) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(flat) as tf.SymbolicTensor;
    const built = tf.model({ inputs: input, outputs: out });
    const restored = await tf.models.modelFromJSON(built.toJSON(null, false) as tf.serialization.ConfigDict);
    expect(new PerExampleClipper(restored, fitOf(restored)).method).toBe('fast');
    built.dispose();
    restored.dispose();
  });

  it('refuses BatchNormalization on every path: it mixes the examples of a batch', () => {
    const model = tf.sequential({ layers: [
      tf.layers.dense({ inputShape: [4], units: 3 }),
      tf.layers.batchNormalization(),
      tf.layers.dense({ units: 2, activation: 'softmax' }),
    ] });
    for (const method of ['auto', 'batch-size-1'] as const) {
      expect(() => new PerExampleClipper(model, fitOf(model), method)).toThrow(/\(BatchNormalization\) couples the examples/);
    }
    model.dispose();
  });

  it('rejects bad arguments, naming them', async () => {
    const model = await buildModel({ kind: 'mnist-2nn' }, 1);
    const m = described(model, [784]);
    const clipper = new PerExampleClipper(model, m.fit);
    const { x, y } = batchFor(seededRandom(1), m, 2);
    expect(() => clipper.clippedSum(x, y, 0)).toThrow(/clipNorm/);
    expect(() => clipper.clippedSum(x, y.slice(0, 1), 1)).toThrow(/same, non-zero number of examples/);
    expect(() => new PerExampleClipper(model, m.fit, 'vmap' as 'auto')).toThrow(/method/);
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('PerExampleClipper on the pure-JS CPU backend', () => {
  it('the fast path agrees with batch-size-1 there too', async () => {
    await initEngine('cpu');
    const random = seededRandom(31);
    for (const make of [randomDense, (r: typeof random) => randomConv(r, false)]) {
      const m = make(random);
      const { model, fit } = m;
      const { x, y } = batchFor(random, m, 3);
      const a = new PerExampleClipper(model, fit, 'fast').clippedSum(x, y, 0.5);
      const b = new PerExampleClipper(model, fit, 'batch-size-1').clippedSum(x, y, 0.5);
      a.norms.forEach((n, i) => expect(Math.abs(n - b.norms[i]) / b.norms[i]).toBeLessThan(1e-5));
      expectSameSums(a.sums, b.sums);
      tf.dispose([...a.sums, ...b.sums, x, y]);
      model.dispose();
    }
  });
});
