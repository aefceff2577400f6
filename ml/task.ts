// What a model is asked to do with a dataset, and the loss that says how well it does: binary
// classification (one output; sigmoid, binary cross-entropy), multiclass (one output per class;
// softmax cross-entropy) or regression (one linear output; squared error). The task follows
// from the data and the model's output count, so FedAvg and the round need not carry it.
import * as tf from '@tensorflow/tfjs';
import { exampleCount, featureSize, isRegression, type Dataset, type Task } from './dataset.js';

export interface ModelIO {
  /** Per-example input shape, e.g. [784] or [28, 28, 1]. */
  readonly inputShape: number[];
  readonly inputSize: number;
  /** Units of the last layer. */
  readonly outputs: number;
  /** Whether the last layer outputs probabilities (softmax, sigmoid) rather than logits or values. */
  readonly probabilities: boolean;
}

export interface Fit extends ModelIO {
  readonly task: Task;
}

// Keras clips probabilities the same way before taking logs.
const EPSILON = 1e-7;

/** The model's input and output, read from its layers. */
export function modelIO(model: tf.LayersModel): ModelIO {
  const input = model.inputs[0].shape.slice(1);
  if (input.some((d) => d === null)) throw new TypeError(`model input shape ${JSON.stringify(input)} must be fully defined`);
  const inputShape = input as number[];
  const shape = model.outputs[0].shape;
  const last = model.layers[model.layers.length - 1];
  const activation = last.getConfig().activation;
  return {
    inputShape,
    inputSize: inputShape.reduce((a, b) => a * b, 1),
    outputs: shape[shape.length - 1] ?? 0,
    probabilities: activation === 'softmax' || activation === 'sigmoid' || last.getClassName() === 'Softmax',
  };
}

/**
 * The task a model is built for, read from its output layer alone (when no schema says it):
 * several outputs classify (multiclass); one sigmoid output is binary; one other output
 * predicts a number (regression). A one-output binary model on logits needs the schema's task.
 */
export function modelTask(io: ModelIO): Task {
  if (io.outputs > 1) return 'multiclass';
  return io.probabilities ? 'binary' : 'regression';
}

/** Regression for real-valued targets; binary for a one-output model; multiclass otherwise. */
export function taskOf(data: Dataset, outputs: number): Task {
  if (isRegression(data)) return 'regression';
  return outputs === 1 ? 'binary' : 'multiclass';
}

/** Checks `data` against the model (shape, target kind, label range); RangeError naming what does not fit. */
export function fitModel(model: tf.LayersModel, data: Dataset): Fit {
  const io = modelIO(model);
  const size = featureSize(data);
  // Any example layout with the right number of features is accepted: MNIST as [784] or [28,28,1].
  if (io.inputSize !== size) throw new RangeError(`data examples of shape [${data.exampleShape}] do not fit the model input [${io.inputShape}]`);
  if (data.x.length !== exampleCount(data) * size) {
    throw new RangeError(`data.x holds ${data.x.length} values, expected ${exampleCount(data)} examples x ${size}`);
  }
  const task = taskOf(data, io.outputs);
  if (task === 'regression' && io.outputs !== 1) throw new RangeError(`real-valued targets need a model with 1 output, the model outputs ${io.outputs}`);
  const top = task === 'binary' ? 1 : io.outputs - 1;
  for (let i = 0; i < data.y.length; i++) {
    const y = data.y[i];
    if (task === 'regression') {
      if (!Number.isFinite(y)) throw new RangeError(`data.y[${i}] = ${y} is not a finite target`);
    } else if (!(Number.isInteger(y) && y >= 0 && y <= top)) {
      throw new RangeError(task === 'binary'
        ? `data.y[${i}] = ${y} is not 0 or 1: a model with one output is a binary classifier`
        : `data.y[${i}] = ${y} is outside 0..${top}, the classes the model outputs`);
    }
  }
  return { ...io, task };
}

/** The targets of examples [start, end) in the form the loss takes. */
export function targetTensor(data: Dataset, start: number, end: number, fit: Fit): tf.Tensor {
  const ys = data.y.subarray(start, end);
  return targetsOf(ys, fit);
}

/** The targets of the examples at `indices`. */
export function gatherTargets(data: Dataset, indices: readonly number[], fit: Fit): tf.Tensor {
  const ys = isRegression(data) ? new Float32Array(indices.length) : new Int32Array(indices.length);
  indices.forEach((index, i) => { ys[i] = data.y[index]; });
  return targetsOf(ys, fit);
}

function targetsOf(ys: Int32Array | Float32Array, fit: Fit): tf.Tensor {
  if (fit.task === 'multiclass') return tf.tidy(() => tf.oneHot(tf.tensor1d(ys, 'int32'), fit.outputs));
  return tf.tensor2d(Float32Array.from(ys), [ys.length, 1]);
}

/** Each example's loss, shape [batch]: cross-entropy for the classification tasks, squared error for regression. */
export function exampleLosses(out: tf.Tensor, target: tf.Tensor, fit: Fit): tf.Tensor1D {
  return tf.tidy(() => {
    const batch = out.shape[0]!;
    switch (fit.task) {
      case 'multiclass':
        if (!fit.probabilities) return tf.losses.softmaxCrossEntropy(target, out, undefined, 0, tf.Reduction.NONE).reshape([batch]);
        return tf.neg(tf.sum(tf.mul(target, tf.log(tf.clipByValue(out, EPSILON, 1 - EPSILON))), -1)).reshape([batch]);
      case 'binary': {
        if (!fit.probabilities) return tf.losses.sigmoidCrossEntropy(target, out, undefined, 0, tf.Reduction.NONE).reshape([batch]);
        const p = tf.clipByValue(out, EPSILON, 1 - EPSILON);
        const ce = tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))));
        return tf.neg(ce).reshape([batch]);
      }
      case 'regression':
        return tf.squaredDifference(out, target).reshape([batch]);
    }
  });
}

/** The mean loss over a batch: what training minimises. */
export function meanLoss(out: tf.Tensor, target: tf.Tensor, fit: Fit): tf.Scalar {
  return tf.tidy(() => tf.mean(exampleLosses(out, target, fit)));
}
