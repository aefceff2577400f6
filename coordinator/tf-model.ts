// The GlobalModel the run loop uses, backed by a TF.js layers model: it describes the model
// for offers, checkpoints in the TF.js format, and evaluates on a held-out set when given one.
import type * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../ml/dataset.js';
import { loadCheckpoint, saveCheckpoint } from '../ml/checkpoint.js';
import { buildModel, modelFingerprint, tabularModelSpec, type ModelSpec } from '../ml/models.js';
import { metricsFrom, metricTotals } from '../ml/metrics.js';
import { modelIO, modelTask } from '../ml/task.js';
import { getFlatWeights, setFlatWeights, weightCount } from '../ml/weights.js';
import type { GlobalModel } from './global-model.js';
import type { RunConfig } from './run-config.js';

/** The model a run config names: a built-in architecture, the MLP for its table schema, or the layers JSON at its modelPath. */
export async function modelSpecOf(config: RunConfig): Promise<ModelSpec> {
  if (config.model === 'tabular-mlp') return tabularModelSpec(config.schema!, config.hidden ? { hidden: config.hidden } : {});
  if (config.model !== 'layers-json') return { kind: config.model };
  return { kind: 'layers-json', topology: JSON.parse(await readFile(config.modelPath!, 'utf8')) as object };
}

/** Held-out examples, or (tabular runs) how to encode them once the federation's statistics are known. */
export type HeldOut = Dataset | ((statisticsTotals: string | undefined) => Dataset | undefined);

export async function tfGlobalModel(spec: ModelSpec, seed: number, heldOut?: HeldOut): Promise<GlobalModel> {
  const model: tf.LayersModel = await buildModel(spec, seed >>> 0);
  const initial = getFlatWeights(model);
  const io = modelIO(model);
  const task = spec.kind === 'tabular-mlp' ? spec.task : modelTask(io);
  return {
    task,
    classes: task === 'regression' ? 0 : task === 'binary' ? 2 : io.outputs,
    architecture: spec.kind,
    topology: JSON.stringify(model.toJSON(null, false)),
    fingerprint: modelFingerprint(model),
    parameters: weightCount(model),
    initialWeights: () => initial.slice(),
    async save(dir, weights) {
      setFlatWeights(model, weights);
      await saveCheckpoint(model, dir);
    },
    async load(dir) {
      const loaded = await loadCheckpoint(dir);
      try {
        return getFlatWeights(loaded);
      } finally {
        loaded.dispose();
      }
    },
    dispose: () => model.dispose(),
    ...(heldOut ? {
      async evaluate(weights: Float32Array, statisticsTotals?: string) {
        const data = typeof heldOut === 'function' ? heldOut(statisticsTotals) : heldOut;
        if (!data) return undefined;
        setFlatWeights(model, weights);
        const { loss, accuracy } = metricsFrom(metricTotals(model, data));
        return { loss, ...(accuracy !== undefined ? { accuracy } : {}) };
      },
    } : {}),
  };
}
