// What a built-in architecture name in an agency's policy pins: the fingerprint of the model as
// this client builds it itself (ml/models.ts), so an offer satisfies the name only when its
// topology hashes to the same architecture. A label the coordinator writes never counts: a
// 784-50-50-10 network called "mnist-2nn" has another fingerprint and is refused.
import type * as tf from '@tensorflow/tfjs';
import { buildModel, modelFingerprint, tabularModelSpec } from '../ml/models.js';
import { parseSchema } from '../ml/schema.js';
import type { cohort } from '../proto/messages.js';
import { BUILT_IN_MODELS, type ModelPins } from './policy.js';

/** Built from the run's table schema, so pinned per offer (tabularPin), not once. */
const PER_RUN = 'tabular-mlp';

/** The fingerprint of each built-in architecture the policy names. */
export async function builtInPins(models: readonly string[]): Promise<ModelPins> {
  const pins = new Map<string, string>();
  for (const name of BUILT_IN_MODELS) {
    if (name === PER_RUN || !models.some((m) => m.toLowerCase() === name)) continue;
    const model = await buildModel({ kind: name });
    try {
      pins.set(name, modelFingerprint(model));
    } finally {
      model.dispose();
    }
  }
  return pins;
}

/**
 * The pins for one offer: the built-in ones, and `tabular-mlp` as this client builds it for the
 * offer's table schema, with the hidden widths of the offered model (the run's choice) and its
 * class count. Every other part of the architecture (the inputs the schema's features make, the
 * ReLU hidden layers, the output for the task) is the client's own, so an offer whose topology
 * differs anywhere else has another fingerprint. No schema, or one that does not parse: no pin.
 */
export async function pinsForOffer(models: readonly string[], pins: ModelPins, offer: cohort.v1.RoundOffer, offered: tf.LayersModel): Promise<ModelPins> {
  if (!offer.tableSchema || !models.some((m) => m.toLowerCase() === PER_RUN)) return pins;
  let model: tf.LayersModel | undefined;
  try {
    const dense = offered.layers.map((layer) => (layer.getConfig() as { units?: unknown }).units);
    if (!dense.every((units): units is number => Number.isInteger(units))) return pins;
    const spec = tabularModelSpec(parseSchema(JSON.parse(offer.tableSchema), 'the run\'s table schema'), { hidden: dense.slice(0, -1), classes: dense.at(-1) });
    model = await buildModel(spec);
    return new Map([...pins, [PER_RUN, modelFingerprint(model)]]);
  } catch {
    return pins;
  } finally {
    model?.dispose();
  }
}
