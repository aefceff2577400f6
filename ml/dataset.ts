// A labelled dataset as flat typed arrays: cheap to slice, to send to tf.tensor, and to hash.

/**
 * What a model learns: binary (one sigmoid output, binary cross-entropy), multiclass (one
 * output per class, softmax cross-entropy) or regression (one linear output, squared error).
 */
export type Task = 'binary' | 'multiclass' | 'regression';

export const TASKS: readonly Task[] = ['binary', 'multiclass', 'regression'];

export interface Dataset {
  /** Features, example-major: example i occupies x[i*featureSize, (i+1)*featureSize). */
  readonly x: Float32Array;
  /**
   * Targets: class indices (Int32Array, 0 <= y[i] < numClasses) for classification, real
   * values (Float32Array) for regression.
   */
  readonly y: Int32Array | Float32Array;
  /** Shape of one example, e.g. [28, 28, 1] for MNIST or [13] for a table row. */
  readonly exampleShape: readonly number[];
  /** Classes for classification; 0 for regression. */
  readonly numClasses: number;
}

/** Whether the targets are real values rather than class indices. */
export function isRegression(data: Dataset): data is Dataset & { readonly y: Float32Array } {
  return data.y instanceof Float32Array;
}

export function exampleCount(data: Dataset): number {
  return data.y.length;
}

export function featureSize(data: Dataset): number {
  return data.exampleShape.reduce((a, b) => a * b, 1);
}

/** A new dataset holding the examples at `indices`, in that order. */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const size = featureSize(data);
  const x = new Float32Array(indices.length * size);
  const y = isRegression(data) ? new Float32Array(indices.length) : new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i];
    if (!Number.isInteger(from) || from < 0 || from >= data.y.length) {
      throw new RangeError(`subset index ${from} is outside 0..${data.y.length - 1}`);
    }
    x.set(data.x.subarray(from * size, (from + 1) * size), i * size);
    y[i] = data.y[from];
  }
  return { x, y, exampleShape: data.exampleShape, numClasses: data.numClasses };
}
