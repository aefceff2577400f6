// What a built-in architecture name in an agency's policy pins: the fingerprint of the model as
// this client builds it itself (ml/models.ts), so an offer satisfies the name only when its
// topology hashes to the same architecture. A label the coordinator writes never counts: a
// 784-50-50-10 network called "mnist-2nn" has another fingerprint and is refused.
import { buildModel, modelFingerprint } from '../ml/models.js';
import { BUILT_IN_MODELS, type ModelPins } from './policy.js';

/** The fingerprint of each built-in architecture the policy names. */
export async function builtInPins(models: readonly string[]): Promise<ModelPins> {
  const pins = new Map<string, string>();
  for (const name of BUILT_IN_MODELS) {
    if (!models.some((m) => m.toLowerCase() === name)) continue;
    const model = await buildModel({ kind: name });
    try {
      pins.set(name, modelFingerprint(model));
    } finally {
      model.dispose();
    }
  }
  return pins;
}
