// Checkpoints in the TensorFlow.js layers format: a model.json (topology + weights manifest) and
// its weight file, side by side in one directory, so that tf.loadLayersModel('file://dir/model.json')
// under tfjs-node, or over HTTP from a static server, loads what Cohort saved. Written without
// tfjs-node, which is optional (ml/engine.ts).
//
// Atomic replacement: the weight file is named after its content hash and written first; then
// model.json, which names it, replaces the old one in one rename (storage/atomic.ts). A crash at
// any point leaves either the old pair or the new pair, never a model.json with foreign weights.
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../storage/atomic.js';

export const MODEL_JSON = 'model.json';
const WEIGHT_FILE = /^weights\.[0-9a-f]{16}\.bin$/;

export class CheckpointError extends Error {
  static override name = 'CheckpointError';
  override name = 'CheckpointError';
}

/** An IOHandler for `dir`: pass it to model.save() or tf.loadLayersModel(). */
export function checkpointHandler(dir: string): tf.io.IOHandler {
  if (typeof dir !== 'string' || dir === '') throw new TypeError('dir must be a non-empty path');
  return { save: (artifacts) => save(dir, artifacts), load: () => load(dir) };
}

export async function saveCheckpoint(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(checkpointHandler(dir));
}

export async function loadCheckpoint(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(checkpointHandler(dir));
}

async function save(dir: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer || artifacts.modelTopology === undefined) {
    throw new CheckpointError('only layers models (JSON topology) can be checkpointed');
  }
  const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? []));
  const weightFile = `weights.${createHash('sha256').update(weights).digest('hex').slice(0, 16)}.bin`;
  await writeFileAtomic(join(dir, weightFile), weights);
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: artifacts.convertedBy ?? null,
    // Paths are relative to model.json, as the file:// and http loaders resolve them.
    weightsManifest: [{ paths: [weightFile], weights: artifacts.weightSpecs ?? [] }],
  };
  if (artifacts.trainingConfig !== undefined) modelJson.trainingConfig = artifacts.trainingConfig;
  if (artifacts.userDefinedMetadata !== undefined) modelJson.userDefinedMetadata = artifacts.userDefinedMetadata;
  await writeJsonAtomic(join(dir, MODEL_JSON), modelJson);
  await removeOtherWeightFiles(dir, weightFile);
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

async function load(dir: string): Promise<tf.io.ModelArtifacts> {
  let modelJson: tf.io.ModelJSON;
  try {
    modelJson = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
  } catch (err) {
    throw new CheckpointError(`no readable ${MODEL_JSON} in ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if (typeof modelJson !== 'object' || modelJson === null || modelJson.modelTopology === undefined) {
    throw new CheckpointError(`${join(dir, MODEL_JSON)} has no modelTopology`);
  }
  return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const specs: tf.io.WeightsManifestEntry[] = [];
    const buffers: ArrayBuffer[] = [];
    for (const group of manifest) {
      specs.push(...group.weights);
      for (const path of group.paths) buffers.push(await readWeightFile(dir, path));
    }
    return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
  });
}

/** Reads a manifest path, refusing any that would leave the checkpoint directory. */
async function readWeightFile(dir: string, path: string): Promise<ArrayBuffer> {
  const relative = normalize(path);
  if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) {
    throw new CheckpointError(`weights path ${JSON.stringify(path)} leaves the checkpoint directory`);
  }
  const bytes = await readFile(join(dir, relative));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Weight files of earlier saves, now unreferenced; only our own naming pattern is touched. */
async function removeOtherWeightFiles(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name !== keep && WEIGHT_FILE.test(name)) await rm(join(dir, name), { force: true });
  }
}
