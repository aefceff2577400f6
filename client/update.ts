// What an agency sends, computed from the weights it received and the weights it trained:
// delta = after - before, clipped (and noised) when the round promises differential privacy,
// weighted for FedAvg. NaN or infinite values never leave the client.
import { clipL2, l2Norm } from '../privacy/clip.js';
import { addNoise, distributedNoiseStd } from '../privacy/noise.js';
import { assertFinite } from '../ml/weights.js';
import type { cohort } from '../proto/messages.js';

export interface Update {
  delta: Float32Array;
  /** FedAvg weight in (0, 1]; 1 for every client when DP is on (uniform weights bound sensitivity). */
  weight: number;
  /** L2 norm before clipping, for the agency's own log. */
  norm: number;
  clipped: boolean;
}

export function dpEnabled(dp: cohort.v1.IDpConfig | null | undefined): dp is cohort.v1.IDpConfig {
  return !!dp && (dp.mode === 'central' || dp.mode === 'distributed');
}

export function computeUpdate(before: Float32Array, after: Float32Array, examples: number, weightCap: number,
  dp?: cohort.v1.IDpConfig | null): Update {
  if (before.length !== after.length) throw new RangeError(`weights changed length in training: ${before.length} -> ${after.length}`);
  const delta = new Float32Array(after.length);
  for (let i = 0; i < delta.length; i++) delta[i] = after[i] - before[i];
  assertFinite(delta, 'the trained update');
  if (!dpEnabled(dp)) {
    return { delta, weight: Math.min(examples, weightCap) / weightCap, norm: l2Norm(delta), clipped: false };
  }
  const clip = clipL2(delta, dp.clipNorm!);
  const sent = dp.mode === 'distributed'
    ? addNoise(clip.clipped, distributedNoiseStd(dp.noiseMultiplier!, dp.clipNorm!, Math.max(1, dp.minSurvivors ?? 1)))
    : clip.clipped;
  assertFinite(sent, 'the clipped update');
  return { delta: sent, weight: 1, norm: clip.norm, clipped: clip.wasClipped };
}
