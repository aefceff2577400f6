// Random small models and batches for per-example gradient tests: Dense chains (some on rank-3
// inputs, some without bias; multiclass on probabilities or logits, binary, regression) and CNNs
// of random kernel, stride and padding, with seeded weights.
import * as tf from '@tensorflow/tfjs';
import { type Random, randomBelow } from '../../ml/random.js';
import { type Fit, modelIO, modelTask } from '../../ml/task.js';

export interface RandomModel {
  readonly model: tf.LayersModel;
  readonly inputShape: number[];
  /** The task the model's head implies, as ml/task.ts reads it. */
  readonly fit: Fit;
}

function described(model: tf.LayersModel, inputShape: number[]): RandomModel {
  const io = modelIO(model);
  return { model, inputShape, fit: { ...io, task: modelTask(io) } };
}

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'elu'] as const;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[randomBelow(random, items.length)];
}

/** Seeded weights, so that a failing trial replays. */
const init = (random: Random) => ({ kernelInitializer: tf.initializers.glorotUniform({ seed: randomBelow(random, 2 ** 31) }) });

/** A random chain of Dense layers, some without bias, some on a rank-3 input, with a random head. */
export function randomDense(random: Random): RandomModel {
  const rank3 = random() < 0.3;
  const inputShape = rank3 ? [1 + randomBelow(random, 4), 1 + randomBelow(random, 9)] : [1 + randomBelow(random, 40)];
  const layers: tf.layers.Layer[] = [];
  const hidden = randomBelow(random, 3);
  for (let i = 0; i < hidden; i++) {
    layers.push(tf.layers.dense({ ...(i === 0 ? { inputShape } : {}), ...init(random), units: 1 + randomBelow(random, 30), activation: pick(random, ACTIVATIONS), useBias: random() < 0.8 }));
  }
  if (rank3) layers.push(tf.layers.flatten(hidden === 0 ? { inputShape } : {}));
  const first = layers.length === 0 ? { inputShape } : {};
  // Multiclass on probabilities or on logits, binary (one sigmoid unit), regression (one linear unit).
  const head = pick(random, [
    { units: 2 + randomBelow(random, 8), activation: 'softmax' },
    { units: 2 + randomBelow(random, 8), activation: 'linear' },
    { units: 1, activation: 'sigmoid' },
    { units: 1, activation: 'linear' },
  ] as const);
  layers.push(tf.layers.dense({ ...first, ...init(random), ...head }));
  return described(tf.sequential({ layers }), inputShape);
}

/**
 * A random small CNN: Conv2D layers of random kernel, stride and padding, pooling, a Dense head.
 * `forWasm` avoids two cases tfjs-backend-wasm 4.22 computes wrongly, in ordinary training too,
 * which would make any comparison there meaningless: a 'same' Conv2D with stride 2 along an axis
 * where the kernel is 1 wide (zeros for an even input; tensorflow/tfjs#6629, #8406), and the
 * MaxPool gradient of a window whose values are all negative (dropped, as if the max started at
 * 0), so pooling follows only activations that are never negative.
 */
export function randomConv(random: Random, forWasm = true): RandomModel {
  const inputShape = [5 + randomBelow(random, 8), 5 + randomBelow(random, 8), 1 + randomBelow(random, 3)];
  const layers: tf.layers.Layer[] = [];
  const convs = 1 + randomBelow(random, 2);
  let [h, w] = inputShape;
  for (let i = 0; i < convs; i++) {
    const kernelSize = [1 + randomBelow(random, 3), 1 + randomBelow(random, 3)];
    const strides = kernelSize.map((k) => (forWasm && k === 1 ? 1 : 1 + randomBelow(random, 2)));
    // 'valid' only where the kernel fits; either way the output size follows TF's rules.
    const padding = h >= kernelSize[0] && w >= kernelSize[1] && random() < 0.5 ? 'valid' : 'same';
    const out = (n: number, k: number, s: number) => (padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1);
    [h, w] = [out(h, kernelSize[0], strides[0]), out(w, kernelSize[1], strides[1])];
    const pool = random() < 0.3;
    const activation = pick(random, pool && forWasm ? (['relu', 'sigmoid'] as const) : ACTIVATIONS);
    layers.push(tf.layers.conv2d({
      ...(i === 0 ? { inputShape } : {}),
      ...init(random),
      filters: 1 + randomBelow(random, 6), kernelSize, strides, padding, activation, useBias: random() < 0.8,
    }));
    if (pool) {
      layers.push(tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }));
      [h, w] = [Math.ceil(h / 2), Math.ceil(w / 2)];
    }
  }
  layers.push(tf.layers.flatten());
  if (random() < 0.5) layers.push(tf.layers.dense({ ...init(random), units: 1 + randomBelow(random, 12), activation: 'relu' }));
  layers.push(tf.layers.dense({ ...init(random), units: 2 + randomBelow(random, 5), activation: 'softmax' }));
  return described(tf.sequential({ layers }), inputShape);
}

/** A batch of `size` random examples and targets in the form the loss takes (ml/task.ts). */
export function batchFor(random: Random, { fit, inputShape }: RandomModel, size: number): { x: tf.Tensor; y: tf.Tensor } {
  const features = inputShape.reduce((a, b) => a * b, 1);
  const x = tf.tensor(Float32Array.from({ length: size * features }, () => 2 * random() - 1), [size, ...inputShape]);
  if (fit.task === 'regression') return { x, y: tf.tensor2d(Float32Array.from({ length: size }, () => 4 * random() - 2), [size, 1]) };
  if (fit.task === 'binary') return { x, y: tf.tensor2d(Float32Array.from({ length: size }, () => randomBelow(random, 2)), [size, 1]) };
  const labels = tf.tensor1d(Int32Array.from({ length: size }, () => randomBelow(random, fit.outputs)), 'int32');
  const y = tf.oneHot(labels, fit.outputs);
  labels.dispose();
  return { x, y };
}

