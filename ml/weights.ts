// A model's weights as one flat Float32Array, in the order of model.weights (trainable first,
// then non-trainable such as batch-norm statistics): the vector that updates, clipping, masking
// and aggregation work on.
import * as tf from '@tensorflow/tfjs';

export class NonFiniteError extends RangeError {
  static override name = 'NonFiniteError';
  override name = 'NonFiniteError';
}

/** Number of scalars in the model's weights. */
export function weightCount(model: tf.LayersModel): number {
  return model.weights.reduce((n, w) => n + w.read().size, 0);
}

/**
 * Copies every weight into one Float32Array. LayerVariable.read() hands out the variable itself,
 * not a copy, so nothing is created here and nothing may be disposed.
 */
export function getFlatWeights(model: tf.LayersModel): Float32Array {
  const flat = new Float32Array(weightCount(model));
  let offset = 0;
  for (const w of model.weights) {
    requireFloat32(w);
    const values = w.read().dataSync();
    flat.set(values, offset);
    offset += values.length;
  }
  return flat;
}

/** Overwrites every weight from `flat`, which must hold exactly weightCount(model) values. */
export function setFlatWeights(model: tf.LayersModel, flat: Float32Array): void {
  if (!(flat instanceof Float32Array)) throw new TypeError('flat must be a Float32Array');
  const expected = weightCount(model);
  if (flat.length !== expected) {
    throw new RangeError(`flat weights: expected ${expected} values for this model, got ${flat.length}`);
  }
  let offset = 0;
  for (const w of model.weights) {
    requireFloat32(w);
    const { size, shape } = w.read();
    // slice, not subarray: some backends keep the array they are given, and the caller's may change.
    const value = tf.tensor(flat.slice(offset, offset + size), shape, 'float32');
    w.write(value); // the variable takes its own reference to the data
    value.dispose();
    offset += size;
  }
}

/** Throws NonFiniteError naming `what` and the first index holding NaN or an infinity. */
export function assertFinite(values: Float32Array, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new NonFiniteError(`${what}: value at index ${i} of ${values.length} is ${values[i]}`);
    }
  }
}

function requireFloat32(w: tf.LayerVariable): void {
  if (w.dtype !== 'float32') throw new TypeError(`weight ${w.name} is ${w.dtype}; only float32 weights are supported`);
}
