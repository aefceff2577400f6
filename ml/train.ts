// Local training on an agency's own data. A hand-written loop rather than model.fit, so that
// FedProx's proximal term mu/2 * ||w - w0||^2 (Li et al. 2020, "Federated Optimization in
// Heterogeneous Networks", eq. 2) can join the loss, and so that a round can be aborted.
import * as tf from '@tensorflow/tfjs';
import { type Dataset, exampleCount, featureSize } from './dataset.js';
import { freshSeed, seededRandom, shuffledIndices } from './random.js';

export interface TrainConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly optimizer?: 'sgd' | 'adam';
  /** FedProx mu; 0 or absent is plain local SGD/Adam (FedAvg). */
  readonly proximalMu?: number;
  /** Seeds the per-epoch shuffles; absent means a fresh random order. */
  readonly seed?: number;
}

export interface EpochReport {
  readonly epoch: number;
  /** Mean cross-entropy over the epoch's examples (without the proximal term). */
  readonly loss: number;
}

export interface TrainHooks {
  readonly signal?: AbortSignal;
  readonly onEpoch?: (report: EpochReport) => void | Promise<void>;
}

export interface TrainResult {
  /** Mean cross-entropy over the last epoch. */
  readonly loss: number;
  /** Examples in the local dataset: FedAvg's weight n_k, not examples times epochs. */
  readonly examples: number;
  /** Optimizer steps taken. */
  readonly steps: number;
}

export interface EvalResult {
  readonly loss: number;
  readonly accuracy: number;
}

// Keras clips probabilities the same way before taking logs.
const EPSILON = 1e-7;

/** Trains `model` in place on `data`. The model must end in softmax, or output logits. */
export async function trainLocal(model: tf.LayersModel, data: Dataset, cfg: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  checkConfig(cfg);
  const inputShape = checkData(model, data);
  const n = exampleCount(data);
  if (n === 0) throw new RangeError('data must hold at least one example to train on');
  const mu = cfg.proximalMu ?? 0;
  const random = seededRandom(cfg.seed ?? freshSeed());
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const anchor = mu > 0 ? variables.map((v) => v.clone()) : []; // w0: the round's starting weights
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(cfg.learningRate) : tf.train.sgd(cfg.learningRate);
  const probabilities = outputsProbabilities(model);
  let steps = 0;
  let loss = NaN;
  try {
    for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
      const order = shuffledIndices(n, random);
      let sum = 0;
      for (let start = 0; start < n; start += cfg.batchSize) {
        hooks.signal?.throwIfAborted();
        const batch = order.slice(start, Math.min(n, start + cfg.batchSize));
        sum += (await step(model, data, batch, inputShape, { optimizer, variables, anchor, mu, probabilities })) * batch.length;
        steps++;
        // Yield to the event loop, so that an abort (a timer, a message) can arrive mid-epoch.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      loss = sum / n;
      await hooks.onEpoch?.({ epoch, loss });
    }
  } finally {
    optimizer.dispose();
    tf.dispose(anchor);
  }
  return { loss, examples: n, steps };
}

/** Mean cross-entropy and accuracy of `model` on `data`, in batches of `batchSize`. */
export function evaluate(model: tf.LayersModel, data: Dataset, batchSize = 500): EvalResult {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const inputShape = checkData(model, data);
  const n = exampleCount(data);
  if (n === 0) throw new RangeError('data must hold at least one example to evaluate on');
  const probabilities = outputsProbabilities(model);
  const size = featureSize(data);
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const [batchLoss, batchCorrect] = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, end * size), [end - start, ...inputShape]);
      const labels = tf.tensor1d(data.y.subarray(start, end), 'int32');
      const out = model.predict(x) as tf.Tensor;
      const ce = crossEntropy(out, tf.oneHot(labels, data.numClasses), probabilities).mul(end - start);
      const hits = out.argMax(-1).equal(labels).sum();
      return [ce.dataSync()[0], hits.dataSync()[0]];
    });
    lossSum += batchLoss;
    correct += batchCorrect;
  }
  return { loss: lossSum / n, accuracy: correct / n };
}

interface StepState {
  readonly optimizer: tf.Optimizer;
  readonly variables: tf.Variable[];
  readonly anchor: tf.Tensor[];
  readonly mu: number;
  readonly probabilities: boolean;
}

/** One optimizer step on the examples at `batch`; returns the batch's mean cross-entropy. */
async function step(model: tf.LayersModel, data: Dataset, batch: readonly number[], inputShape: number[], s: StepState): Promise<number> {
  const size = featureSize(data);
  const xs = new Float32Array(batch.length * size);
  const ys = new Int32Array(batch.length);
  batch.forEach((index, i) => {
    xs.set(data.x.subarray(index * size, (index + 1) * size), i * size);
    ys[i] = data.y[index];
  });
  let dataLoss: tf.Scalar | undefined;
  const x = tf.tensor(xs, [batch.length, ...inputShape]);
  const labels = tf.tensor1d(ys, 'int32');
  const y = tf.oneHot(labels, data.numClasses);
  try {
    const { value, grads } = tf.variableGrads(() => {
      const out = model.apply(x, { training: true }) as tf.Tensor;
      dataLoss = tf.keep(crossEntropy(out, y, s.probabilities));
      return s.mu > 0 ? dataLoss.add(proximalTerm(s.variables, s.anchor, s.mu)) : dataLoss;
    }, s.variables);
    s.optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    if (value !== dataLoss) value.dispose(); // without a proximal term they are one tensor
    return (await dataLoss!.data())[0];
  } finally {
    tf.dispose([x, labels, y]);
    dataLoss?.dispose();
  }
}

/** mu/2 * sum over trainable weights of ||w - w0||^2. */
function proximalTerm(variables: tf.Variable[], anchor: tf.Tensor[], mu: number): tf.Scalar {
  const squares = variables.map((v, i) => tf.squaredDifference(v, anchor[i]).sum());
  return tf.addN(squares).mul(mu / 2);
}

function crossEntropy(out: tf.Tensor, oneHot: tf.Tensor, probabilities: boolean): tf.Scalar {
  if (!probabilities) return tf.losses.softmaxCrossEntropy(oneHot, out) as tf.Scalar;
  return tf.mean(tf.neg(tf.sum(tf.mul(oneHot, tf.log(tf.clipByValue(out, EPSILON, 1 - EPSILON))), -1)));
}

/** Whether the model ends in a softmax (probabilities) rather than raw logits. */
function outputsProbabilities(model: tf.LayersModel): boolean {
  const last = model.layers[model.layers.length - 1];
  const config = last.getConfig();
  return config.activation === 'softmax' || last.getClassName() === 'Softmax';
}

/** Checks `data` against the model; returns the model's per-example input shape. */
function checkData(model: tf.LayersModel, data: Dataset): number[] {
  const inputShape = model.inputs[0].shape.slice(1);
  if (inputShape.some((d) => d === null)) throw new TypeError(`model input shape ${JSON.stringify(inputShape)} must be fully defined`);
  const shape = inputShape as number[];
  const size = featureSize(data);
  // Any example layout with the right number of features is accepted: MNIST as [784] or [28,28,1].
  if (shape.reduce((a, b) => a * b, 1) !== size) {
    throw new RangeError(`data examples of shape [${data.exampleShape}] do not fit the model input [${shape}]`);
  }
  if (data.x.length !== exampleCount(data) * size) {
    throw new RangeError(`data.x holds ${data.x.length} values, expected ${exampleCount(data)} examples x ${size}`);
  }
  const outputs = model.outputs[0].shape[model.outputs[0].shape.length - 1];
  if (outputs !== data.numClasses) throw new RangeError(`data has ${data.numClasses} classes, the model outputs ${outputs}`);
  for (let i = 0; i < data.y.length; i++) {
    if (data.y[i] < 0 || data.y[i] >= data.numClasses) throw new RangeError(`data.y[${i}] = ${data.y[i]} is outside 0..${data.numClasses - 1}`);
  }
  return shape;
}

function checkConfig(cfg: TrainConfig): void {
  if (!Number.isInteger(cfg.epochs) || cfg.epochs < 1) throw new RangeError(`cfg.epochs must be a positive integer, got ${cfg.epochs}`);
  if (!Number.isInteger(cfg.batchSize) || cfg.batchSize < 1) throw new RangeError(`cfg.batchSize must be a positive integer, got ${cfg.batchSize}`);
  if (!(Number.isFinite(cfg.learningRate) && cfg.learningRate > 0)) throw new RangeError(`cfg.learningRate must be a positive number, got ${cfg.learningRate}`);
  if (cfg.optimizer !== undefined && cfg.optimizer !== 'sgd' && cfg.optimizer !== 'adam') throw new TypeError(`cfg.optimizer must be 'sgd' or 'adam', got ${String(cfg.optimizer)}`);
  const mu = cfg.proximalMu ?? 0;
  if (!(Number.isFinite(mu) && mu >= 0)) throw new RangeError(`cfg.proximalMu must be a non-negative number, got ${mu}`);
}
