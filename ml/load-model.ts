// What a program that uses a trained model imports (package.json "exports": `cohort/model`):
//   import { loadModel, tf } from 'cohort/model';
//   const model = await loadModel('./model');
// It reads the folder `cohort model export` wrote with @tensorflow/tfjs alone: tf.loadLayersModel's
// file:// loader needs @tensorflow/tfjs-node, which is optional and often absent (ml/engine.ts).
// `tf` is the TensorFlow.js the model was loaded with: tensors for it must come from the same one.
import * as tf from '@tensorflow/tfjs';
import { basename, dirname } from 'node:path';
import { checkpointHandler, MODEL_JSON } from './checkpoint.js';

export { tf };

/** An IOHandler for `tf.loadLayersModel(modelFiles(path))`: `path` is the folder, or its model.json. */
export function modelFiles(path: string): tf.io.IOHandler {
  if (typeof path !== 'string' || path === '') throw new TypeError('path must be the exported model folder (or its model.json)');
  return checkpointHandler(basename(path) === MODEL_JSON ? dirname(path) : path);
}

/** The exported model at `path` (the folder, or its model.json), ready for predict(). */
export async function loadModel(path: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(modelFiles(path));
}
