// Local training with record-level differential privacy: DP-SGD (Abadi et al. 2016, "Deep Learning
// with Differential Privacy", Alg. 1), the private counterpart of trainLocal (ml/train.ts). Each
// step draws a lot by Poisson sampling, every record independently with probability q = L / n,
// clips each example's gradient to L2 norm C (ml/per-example.ts), adds N(0, (z C)^2) to the sum
// of clipped gradients and divides by the expected lot size L. Each step is then one use of the
// sampled Gaussian mechanism with sampling rate q and noise multiplier z, which is what the
// agency's own accountant composes (privacy/accountant.ts, privacy/budget.ts); q and n are the
// agency's own, so the amplification by sampling it accounts for is real.
//
// Dividing by the fixed L rather than the drawn lot's size matters: the size of a Poisson lot
// depends on which records exist, and the mechanism's sensitivity argument covers the sum only
// (Opacus divides by the expected batch size for the same reason).
//
// The randomness the guarantee rests on, the lots and the noise, comes in from the caller:
// ml/ sits below privacy/ (docs/ARCHITECTURE.md), whose noise.ts dpRandomness() is the source
// to pass, drawn from node:crypto.
import * as tf from '@tensorflow/tfjs';
import { type Dataset, exampleCount, featureSize } from './dataset.js';
import { PerExampleClipper, type PerExampleMethod } from './per-example.js';
import type { Random } from './random.js';
import { type Fit, fitModel, gatherTargets } from './task.js';
import type { TrainHooks, TrainResult } from './train.js';

export interface DpSgdConfig {
  /** Expected passes over the data: training takes ceil(epochs * n / lotSize) steps. Give this or `steps`. */
  readonly epochs?: number;
  /** Exactly this many steps, whatever n is (a federated round's local steps). Give this or `epochs`. */
  readonly steps?: number;
  /** Expected lot size L: each step includes each of the n records with probability L / n. */
  readonly lotSize: number;
  /** The L2 bound C on each example's gradient. */
  readonly clipNorm: number;
  /** z: the noise on the sum of clipped gradients has standard deviation z * C. */
  readonly noiseMultiplier: number;
  readonly learningRate: number;
  readonly optimizer?: 'sgd' | 'adam';
  /** FedProx mu. The proximal gradient does not touch the data, so it is added after the noise. */
  readonly proximalMu?: number;
  /** How per-example gradients are computed; 'auto' takes the fast path when the model has one. */
  readonly perExample?: PerExampleMethod;
  /** Most examples sent through the model at once; larger lots go in parts. Default 256. */
  readonly maxPhysicalBatch?: number;
}

/**
 * Where DP-SGD's randomness comes from: privacy/noise.ts dpRandomness(), from node:crypto. The
 * accountant assumes nobody can tell which records a lot holds nor predict the noise, so a
 * seeded `uniform` is for tests and benchmarks that must replay, never for an agency.
 */
export interface DpRandomness {
  /** Uniform draws from [0, 1) for the Poisson sampling. */
  readonly uniform: Random;
  /** `length` independent N(0, std^2) draws. */
  readonly gaussian: (length: number, std: number) => Float64Array;
}

/** What a training run costs in privacy: `steps` uses of the sampled Gaussian mechanism at (q, z). */
export interface DpSgdPlan {
  readonly steps: number;
  readonly samplingRate: number;
  readonly noiseMultiplier: number;
}

/**
 * `loss` and `sampled` are computed from the records without noise: for the agency's own eyes,
 * not to be sent anywhere. `examples` is n; it is as private as the record count is.
 */
export interface DpSgdResult extends TrainResult, DpSgdPlan {
  /** Records drawn over all steps (lots overlap), for throughput figures. */
  readonly sampled: number;
}

const DEFAULT_MAX_PHYSICAL_BATCH = 256;

/** The steps and sampling rate training `n` records with `cfg` takes; known before training. */
export function planDpSgd(cfg: DpSgdConfig, n: number): DpSgdPlan {
  checkConfig(cfg);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const lot = Math.min(cfg.lotSize, n);
  // As TF Privacy's compute_dp_sgd_privacy counts them: q = L / n, steps = ceil(epochs * n / L).
  const steps = cfg.steps ?? Math.ceil((cfg.epochs! * n) / lot);
  return { steps, samplingRate: lot / n, noiseMultiplier: cfg.noiseMultiplier };
}

/** Trains `model` in place on `data` with DP-SGD, for any task ml/task.ts knows, as trainLocal does. */
export async function trainLocalPrivate(
  model: tf.LayersModel, data: Dataset, cfg: DpSgdConfig, randomness: DpRandomness, hooks: TrainHooks = {},
): Promise<DpSgdResult> {
  const fit = fitModel(model, data);
  const n = exampleCount(data);
  if (n === 0) throw new RangeError('data must hold at least one example to train on');
  const plan = planDpSgd(cfg, n);
  const run: Run = {
    data, cfg, fit, randomness,
    clipper: new PerExampleClipper(model, fit, cfg.perExample ?? 'auto'),
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    lotSize: plan.samplingRate * n,
  };
  const anchor = (cfg.proximalMu ?? 0) > 0 ? run.variables.map((v) => v.clone()) : []; // w0: the round's starting weights
  const optimizer = cfg.optimizer === 'adam' ? tf.train.adam(cfg.learningRate) : tf.train.sgd(cfg.learningRate);
  const stepsPerEpoch = Math.ceil(n / Math.min(cfg.lotSize, n));
  let sampled = 0;
  let epoch = { lossSum: 0, examples: 0 };
  let loss = NaN;
  try {
    for (let step = 1; step <= plan.steps; step++) {
      hooks.signal?.throwIfAborted();
      const lot = poissonLot(n, plan.samplingRate, randomness.uniform);
      const { lossSum, sums } = clippedLotSum(run, lot);
      applyNoisyStep(run, sums, optimizer, anchor);
      sampled += lot.length;
      epoch = { lossSum: epoch.lossSum + lossSum, examples: epoch.examples + lot.length };
      if (step % stepsPerEpoch === 0 || step === plan.steps) {
        loss = epoch.lossSum / epoch.examples;
        epoch = { lossSum: 0, examples: 0 };
        await hooks.onEpoch?.({ epoch: Math.ceil(step / stepsPerEpoch), loss });
      }
      // Yield to the event loop, so that an abort (a timer, a message) can arrive mid-epoch.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    optimizer.dispose();
    tf.dispose(anchor);
  }
  return { loss, examples: n, ...plan, sampled };
}

interface Run {
  readonly data: Dataset;
  readonly cfg: DpSgdConfig;
  readonly fit: Fit;
  readonly randomness: DpRandomness;
  readonly clipper: PerExampleClipper;
  readonly variables: tf.Variable[];
  /** The expected lot size q * n that every step divides by. */
  readonly lotSize: number;
}

/** Poisson sampling: each of the n records independently with probability q. */
export function poissonLot(n: number, q: number, random: Random): number[] {
  const lot: number[] = [];
  for (let i = 0; i < n; i++) if (random() < q) lot.push(i);
  return lot;
}

/** The sum of the lot's clipped gradients (zeros for an empty lot), in physical batches. */
function clippedLotSum(run: Run, lot: number[]): { lossSum: number; sums: tf.Tensor[] } {
  let sums = run.variables.map((v) => tf.zerosLike(v) as tf.Tensor);
  let lossSum = 0;
  const size = run.cfg.maxPhysicalBatch ?? DEFAULT_MAX_PHYSICAL_BATCH;
  const features = featureSize(run.data);
  for (let start = 0; start < lot.length; start += size) {
    const part = lot.slice(start, start + size);
    const xs = new Float32Array(part.length * features);
    part.forEach((index, i) => xs.set(run.data.x.subarray(index * features, (index + 1) * features), i * features));
    const x = tf.tensor(xs, [part.length, ...run.fit.inputShape]);
    const target = gatherTargets(run.data, part, run.fit);
    try {
      const clipped = run.clipper.clippedSum(x, target, run.cfg.clipNorm);
      const next = sums.map((s, k) => s.add(clipped.sums[k]));
      tf.dispose([...sums, ...clipped.sums]);
      sums = next;
      lossSum += clipped.lossSum;
    } finally {
      tf.dispose([x, target]);
    }
  }
  return { lossSum, sums };
}

/** w -= step((sum + N(0, (z C)^2 I)) / L + mu (w - w0)); disposes `sums`. */
function applyNoisyStep(run: Run, sums: tf.Tensor[], optimizer: tf.Optimizer, anchor: tf.Tensor[]): void {
  const std = run.cfg.noiseMultiplier * run.cfg.clipNorm;
  const mu = run.cfg.proximalMu ?? 0;
  const grads: tf.NamedTensorMap = {};
  try {
    tf.tidy(() => {
      run.variables.forEach((v, k) => {
        const noise = tf.tensor(Float32Array.from(run.randomness.gaussian(v.size, std)), v.shape);
        let grad = sums[k].add(noise).div(run.lotSize);
        if (mu > 0) grad = grad.add(v.sub(anchor[k]).mul(mu));
        grads[v.name] = tf.keep(grad);
      });
    });
    optimizer.applyGradients(grads);
  } finally {
    tf.dispose([...sums, ...Object.values(grads)]);
  }
}

function checkConfig(cfg: DpSgdConfig): void {
  if (typeof cfg !== 'object' || cfg === null) throw new TypeError('cfg must be a DpSgdConfig object');
  const positive = (name: string, v: number) => {
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`cfg.${name} must be a positive number, got ${v}`);
  };
  if ((cfg.epochs === undefined) === (cfg.steps === undefined)) throw new TypeError('cfg must give exactly one of epochs and steps');
  if (cfg.epochs !== undefined) positive('epochs', cfg.epochs);
  if (cfg.steps !== undefined && !(Number.isInteger(cfg.steps) && cfg.steps >= 1)) throw new RangeError(`cfg.steps must be a positive integer, got ${cfg.steps}`);
  if (!Number.isInteger(cfg.lotSize) || cfg.lotSize < 1) throw new RangeError(`cfg.lotSize must be a positive integer, got ${cfg.lotSize}`);
  positive('clipNorm', cfg.clipNorm);
  if (!(Number.isFinite(cfg.noiseMultiplier) && cfg.noiseMultiplier >= 0)) {
    throw new RangeError(`cfg.noiseMultiplier must be a non-negative number, got ${cfg.noiseMultiplier}`);
  }
  positive('learningRate', cfg.learningRate);
  if (cfg.optimizer !== undefined && cfg.optimizer !== 'sgd' && cfg.optimizer !== 'adam') throw new TypeError(`cfg.optimizer must be 'sgd' or 'adam', got ${String(cfg.optimizer)}`);
  const mu = cfg.proximalMu ?? 0;
  if (!(Number.isFinite(mu) && mu >= 0)) throw new RangeError(`cfg.proximalMu must be a non-negative number, got ${mu}`);
  const batch = cfg.maxPhysicalBatch ?? DEFAULT_MAX_PHYSICAL_BATCH;
  if (!Number.isInteger(batch) || batch < 1) throw new RangeError(`cfg.maxPhysicalBatch must be a positive integer, got ${batch}`);
}
