// Evaluation as summable totals: each agency (or the coordinator on a held-out set) counts and
// sums over its examples, totals from many places add up element-wise (under secure
// aggregation, see secagg/exact.ts), and the metrics are computed from the sum alone. So the
// federation's accuracy, AUC or MSE is that of the pooled data, not an average of averages.
import * as tf from '@tensorflow/tfjs';
import { exampleCount, featureSize, type Dataset, type Task } from './dataset.js';
import { exampleLosses, fitModel, targetTensor, type Fit } from './task.js';

export interface MetricTotals {
  readonly task: Task;
  readonly examples: number;
  /** Sum over examples of the loss (cross-entropy, or squared error for regression). */
  readonly lossSum: number;
  /**
   * Classification: confusion[t * classes + p] examples of true class t predicted as p
   * (the arg max; binary: score >= 0.5, classes = 2). Empty for regression.
   */
  readonly confusion: readonly number[];
  /**
   * Binary: scoreHistogram[c * bins + b] examples of class c whose positive-class score falls in
   * bin b of [0, 1] cut into equal bins, for the AUC. Empty otherwise.
   */
  readonly scoreHistogram: readonly number[];
  /** Regression: sums of squared and of absolute errors; 0 otherwise. */
  readonly squaredErrorSum: number;
  readonly absoluteErrorSum: number;
}

export interface Metrics {
  readonly examples: number;
  /** Mean loss per example. */
  readonly loss: number;
  /** Classification: the share predicted right. */
  readonly accuracy?: number;
  /** Classification: mean recall over the classes that occur. */
  readonly balancedAccuracy?: number;
  /** Binary: area under the ROC curve, from the score histogram (ties within a bin count one half). */
  readonly auc?: number;
  /** Regression. */
  readonly mse?: number;
  readonly rmse?: number;
  readonly mae?: number;
}

export interface TotalsOptions {
  readonly batchSize?: number;
  /** Bins of the binary score histogram; more bins, a finer AUC, a longer vector. */
  readonly bins?: number;
}

export const DEFAULT_BINS = 100;

/** Totals with nothing counted yet: the shape a task's totals take. */
export function emptyTotals(task: Task, classes: number, bins = DEFAULT_BINS): MetricTotals {
  if (task !== 'regression' && !(Number.isInteger(classes) && classes >= 2)) throw new RangeError(`classes must be a whole number >= 2, got ${classes}`);
  if (!(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`bins must be a positive whole number, got ${bins}`);
  const k = task === 'binary' ? 2 : task === 'multiclass' ? classes : 0;
  return {
    task, examples: 0, lossSum: 0,
    confusion: new Array<number>(k * k).fill(0),
    scoreHistogram: new Array<number>(task === 'binary' ? 2 * bins : 0).fill(0),
    squaredErrorSum: 0, absoluteErrorSum: 0,
  };
}

/** The totals of `model` on `data`, in batches. */
export function metricTotals(model: tf.LayersModel, data: Dataset, options: TotalsOptions = {}): MetricTotals {
  const { batchSize = 500, bins = DEFAULT_BINS } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  const fit = fitModel(model, data);
  const n = exampleCount(data);
  const totals = emptyTotals(fit.task, fit.task === 'binary' ? 2 : fit.outputs, bins);
  const confusion = [...totals.confusion];
  const histogram = [...totals.scoreHistogram];
  let lossSum = 0;
  let squared = 0;
  let absolute = 0;
  const size = featureSize(data);
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    const { losses, predictions } = tf.tidy(() => {
      const x = tf.tensor(data.x.subarray(start * size, end * size), [end - start, ...fit.inputShape]);
      const out = model.predict(x) as tf.Tensor;
      return { losses: exampleLosses(out, targetTensor(data, start, end, fit), fit).dataSync(), predictions: predictionsOf(out, fit).dataSync() };
    });
    for (let i = 0; i < end - start; i++) {
      const y = data.y[start + i];
      const p = predictions[i];
      lossSum += losses[i];
      if (fit.task === 'regression') {
        squared += (p - y) ** 2;
        absolute += Math.abs(p - y);
      } else if (fit.task === 'multiclass') {
        confusion[y * fit.outputs + p]++;
      } else {
        confusion[y * 2 + (p >= 0.5 ? 1 : 0)]++;
        histogram[y * bins + Math.min(bins - 1, Math.floor(p * bins))]++;
      }
    }
  }
  return { ...totals, examples: n, lossSum, confusion, scoreHistogram: histogram, squaredErrorSum: squared, absoluteErrorSum: absolute };
}

/** Per example: the predicted class (multiclass), the positive-class probability (binary), or the value (regression). */
function predictionsOf(out: tf.Tensor, fit: Fit): tf.Tensor {
  const batch = out.shape[0]!;
  if (fit.task === 'multiclass') return out.argMax(-1);
  if (fit.task === 'binary') return (fit.probabilities ? out : tf.sigmoid(out)).reshape([batch]);
  return out.reshape([batch]);
}

/** Element-wise sum of totals of the same shape (task, classes, bins). */
export function addTotals(a: MetricTotals, b: MetricTotals): MetricTotals {
  if (a.task !== b.task || a.confusion.length !== b.confusion.length || a.scoreHistogram.length !== b.scoreHistogram.length) {
    throw new RangeError(`totals of different shapes cannot be added: ${describeShape(a)} and ${describeShape(b)}`);
  }
  return totalsFromVectors(a, addVectors(totalsVectors(a), totalsVectors(b)));
}

/**
 * The totals as two plain vectors, the shape secure aggregation carries: `counts` are
 * non-negative integers (examples, confusion, histogram), `sums` non-negative reals (loss,
 * squared and absolute errors).
 */
export function totalsVectors(t: MetricTotals): { counts: number[]; sums: number[] } {
  return {
    counts: [t.examples, ...t.confusion, ...t.scoreHistogram],
    sums: [t.lossSum, t.squaredErrorSum, t.absoluteErrorSum],
  };
}

/** The inverse of totalsVectors, for totals shaped like `like` (e.g. emptyTotals). */
export function totalsFromVectors(like: MetricTotals, v: { counts: readonly number[]; sums: readonly number[] }): MetricTotals {
  const k = like.confusion.length;
  if (v.counts.length !== 1 + k + like.scoreHistogram.length || v.sums.length !== 3) {
    throw new RangeError(`vectors of ${v.counts.length} counts and ${v.sums.length} sums do not fit ${describeShape(like)}`);
  }
  return {
    task: like.task, examples: v.counts[0], lossSum: v.sums[0],
    confusion: v.counts.slice(1, 1 + k), scoreHistogram: v.counts.slice(1 + k),
    squaredErrorSum: v.sums[1], absoluteErrorSum: v.sums[2],
  };
}

/** The metrics of the examples the totals count. */
export function metricsFrom(t: MetricTotals): Metrics {
  const n = t.examples;
  const base = { examples: n, loss: t.lossSum / n };
  if (t.task === 'regression') {
    const mse = t.squaredErrorSum / n;
    return { ...base, mse, rmse: Math.sqrt(mse), mae: t.absoluteErrorSum / n };
  }
  const k = Math.round(Math.sqrt(t.confusion.length));
  let correct = 0;
  const recalls: number[] = [];
  for (let c = 0; c < k; c++) {
    correct += t.confusion[c * k + c];
    const support = t.confusion.slice(c * k, (c + 1) * k).reduce((a, b) => a + b, 0);
    if (support > 0) recalls.push(t.confusion[c * k + c] / support);
  }
  const balancedAccuracy = recalls.reduce((a, b) => a + b, 0) / recalls.length;
  const metrics = { ...base, accuracy: correct / n, balancedAccuracy };
  return t.task === 'binary' ? { ...metrics, auc: histogramAuc(t.scoreHistogram) } : metrics;
}

/**
 * P(score of a positive > score of a negative) + P(tie) / 2 (Mann-Whitney), with scores known
 * to their bin: pairs in the same bin count as ties. NaN when one class is absent.
 */
export function histogramAuc(histogram: readonly number[]): number {
  const bins = histogram.length / 2;
  let negativesBelow = 0;
  let pairs = 0;
  let negatives = 0;
  let positives = 0;
  for (let b = 0; b < bins; b++) {
    const neg = histogram[b];
    const pos = histogram[bins + b];
    pairs += pos * (negativesBelow + neg / 2);
    negativesBelow += neg;
    negatives += neg;
    positives += pos;
  }
  return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : NaN;
}

function addVectors(a: { counts: number[]; sums: number[] }, b: { counts: number[]; sums: number[] }) {
  return { counts: a.counts.map((v, i) => v + b.counts[i]), sums: a.sums.map((v, i) => v + b.sums[i]) };
}

function describeShape(t: MetricTotals): string {
  return `${t.task} (${t.confusion.length} confusion cells, ${t.scoreHistogram.length} histogram bins)`;
}
