// Local training on an agency's own data. A hand-written loop rather than model.fit, so that
// FedProx's proximal term mu/2 * ||w - w0||^2 (Li et al. 2020, "Federated Optimization in
// Heterogeneous Networks", eq. 2) can join the loss, and so that a round can be aborted.
// The task (binary, multiclass, regression) and its loss follow from the data and the model
// (task.ts).
import * as tf from '@tensorflow/tfjs';
import { type Dataset, exampleCount, featureSize } from './dataset.js';
import { metricsFrom, metricTotals } from './metrics.js';
import { freshSeed, seededRandom, shuffledIndices } from './random.js';
import { fitModel, gatherTargets, meanLoss, type Fit } from './task.js';

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
  /** Mean loss over the epoch's examples (without the proximal term). */
  readonly loss: number;
}

export interface TrainHooks {
  readonly signal?: AbortSignal;
  readonly onEpoch?: (report: EpochReport) => void | Promise<void>;
}

export interface TrainResult {
  /** Mean loss over the last epoch. */
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

/**
 * Trains `model` in place on `data`. Classifiers end in softmax (multiclass) or a sigmoid unit
 * (binary), or output logits; regression models output one value.
 */
export async function trainLocal(model: tf.LayersModel, data: Dataset, cfg: TrainConfig, hooks: TrainHooks = {}): Promise<TrainResult> {
  checkConfig(cfg);
  const fit = fitModel(model, data);
  const n = exampleCount(data);
  if (n === 0) throw new RangeError('data must hold at least one example to train on');
  const mu = cfg.proximalMu ?? 0;
  const random = seededRandom(cfg.seed ?? freshSeed());
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const anchor = mu > 0 ? variables.map((v) => v.clone()) : []; // w0: the round's starting weights
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(cfg.learningRate) : tf.train.sgd(cfg.learningRate);
  let steps = 0;
  let loss = NaN;
  try {
    for (let epoch = 1; epoch <= cfg.epochs; epoch++) {
      const order = shuffledIndices(n, random);
      let sum = 0;
      for (let start = 0; start < n; start += cfg.batchSize) {
        hooks.signal?.throwIfAborted();
        const batch = order.slice(start, Math.min(n, start + cfg.batchSize));
        sum += (await step(model, data, batch, { optimizer, variables, anchor, mu, fit })) * batch.length;
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

/**
 * Mean loss and accuracy of a classifier on `data`, in batches of `batchSize`. For every
 * metric, and for regression, see metrics.ts: metricsFrom(metricTotals(model, data)).
 */
export function evaluate(model: tf.LayersModel, data: Dataset, batchSize = 500): EvalResult {
  if (exampleCount(data) === 0) throw new RangeError('data must hold at least one example to evaluate on');
  const metrics = metricsFrom(metricTotals(model, data, { batchSize }));
  if (metrics.accuracy === undefined) throw new RangeError('a regression model has no accuracy: use metricsFrom(metricTotals(model, data)) for its MSE and MAE');
  return { loss: metrics.loss, accuracy: metrics.accuracy };
}

interface StepState {
  readonly optimizer: tf.Optimizer;
  readonly variables: tf.Variable[];
  readonly anchor: tf.Tensor[];
  readonly mu: number;
  readonly fit: Fit;
}

/** One optimizer step on the examples at `batch`; returns the batch's mean loss. */
async function step(model: tf.LayersModel, data: Dataset, batch: readonly number[], s: StepState): Promise<number> {
  const size = featureSize(data);
  const xs = new Float32Array(batch.length * size);
  batch.forEach((index, i) => xs.set(data.x.subarray(index * size, (index + 1) * size), i * size));
  let dataLoss: tf.Scalar | undefined;
  const x = tf.tensor(xs, [batch.length, ...s.fit.inputShape]);
  const y = gatherTargets(data, batch, s.fit);
  try {
    const { value, grads } = tf.variableGrads(() => {
      const out = model.apply(x, { training: true }) as tf.Tensor;
      dataLoss = tf.keep(meanLoss(out, y, s.fit));
      return s.mu > 0 ? dataLoss.add(proximalTerm(s.variables, s.anchor, s.mu)) : dataLoss;
    }, s.variables);
    s.optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    if (value !== dataLoss) value.dispose(); // without a proximal term they are one tensor
    return (await dataLoss!.data())[0];
  } finally {
    tf.dispose([x, y]);
    dataLoss?.dispose();
  }
}

/** mu/2 * sum over trainable weights of ||w - w0||^2. */
function proximalTerm(variables: tf.Variable[], anchor: tf.Tensor[], mu: number): tf.Scalar {
  const squares = variables.map((v, i) => tf.squaredDifference(v, anchor[i]).sum());
  return tf.addN(squares).mul(mu / 2);
}

function checkConfig(cfg: TrainConfig): void {
  if (!Number.isInteger(cfg.epochs) || cfg.epochs < 1) throw new RangeError(`cfg.epochs must be a positive integer, got ${cfg.epochs}`);
  if (!Number.isInteger(cfg.batchSize) || cfg.batchSize < 1) throw new RangeError(`cfg.batchSize must be a positive integer, got ${cfg.batchSize}`);
  if (!(Number.isFinite(cfg.learningRate) && cfg.learningRate > 0)) throw new RangeError(`cfg.learningRate must be a positive number, got ${cfg.learningRate}`);
  if (cfg.optimizer !== undefined && cfg.optimizer !== 'sgd' && cfg.optimizer !== 'adam') throw new TypeError(`cfg.optimizer must be 'sgd' or 'adam', got ${String(cfg.optimizer)}`);
  const mu = cfg.proximalMu ?? 0;
  if (!(Number.isFinite(mu) && mu >= 0)) throw new RangeError(`cfg.proximalMu must be a non-negative number, got ${mu}`);
}
