// How the agency judges an offer, as one decision: the model it was actually sent (by the
// fingerprint of the topology, not the label), its policy, the round's terms an active coordinator
// could bend (roster, graph and threshold, DP declarations) and its budget at its own sampling
// rate. The numbers it joins on are its own: the sampling rate is 1 and the fewest
// survivors it unmasks with is the largest of its minimums, never a coordinator number it cannot
// check. The run's data is checked against the offered model after the judge, by the agent
// (run-data.ts and contribution.ts: a table read by the run's schema).
import type * as tf from '@tensorflow/tfjs';
import { toHex } from '../identity/keys.js';
import { modelFingerprint } from '../ml/models.js';
import type { SgmStep } from '../privacy/accountant.js';
import type { cohort } from '../proto/messages.js';
import { consistencyQuorum } from '../secagg/consistency.js';
import { checkOffer, checkRoundTerms, type ModelPins, type Policy } from './policy.js';
import type { RecordPlan } from './record-dp.js';
import type { RoundJournal } from './round-journal.js';
import type { AgencySpend } from './spend.js';
import { dpEnabled } from './update.js';

/** Cohort's cohorts are chosen by a keyed hash, not Poisson-sampled: no amplification is claimed. */
export const OWN_SAMPLING_RATE = 1;

export interface Judge {
  readonly policy: Policy;
  readonly agency: string;
  readonly identityKey: Uint8Array;
  readonly coordinatorKey: Uint8Array;
  readonly journal: RoundJournal;
  /** Its budgets per unit, over the journal's charges. */
  readonly spend: AgencySpend;
  readonly pins: ModelPins;
}

export type Judgement =
  | {
      readonly ok: true;
      /** The roster accepted, to remember in the journal. */
      readonly roster?: { governanceKey: string; serial: number };
      /** The fewest signed survivors this client unmasks with; distributed noise is calibrated for them. */
      readonly minSurvivors: number;
      /** What joining costs the agency's budget, charged before its update leaves; absent without DP. */
      readonly charge?: SgmStep;
      /** Record-level DP-SGD: what to train and charge; absent when the round has none (client/record-dp.ts, judged with the run's data). */
      readonly record?: RecordPlan;
    }
  | { readonly ok: false; readonly code: string; readonly reason: string };

export function judgeOffer(judge: Judge, offer: cohort.v1.RoundOffer, model: tf.LayersModel): Judgement {
  const { policy } = judge;
  const fingerprint = modelFingerprint(model);
  if (fingerprint !== offer.modelFingerprint) {
    return { ok: false, code: 'MODEL_FINGERPRINT_MISMATCH', reason: 'the topology sent does not match the fingerprint the offer declares' };
  }
  const dp = dpEnabled(offer.dp) ? offer.dp : undefined;
  const charge = dp ? { samplingRate: OWN_SAMPLING_RATE, noiseMultiplier: dp.noiseMultiplier!, count: 1 } : undefined;
  const budgetCheck = policy.privacy
    ? (charge ? judge.spend.check('agency', charge) : { ok: false, epsilonAfter: Infinity, reason: 'the round adds no differential-privacy noise' })
    : undefined;
  const decision = checkOffer(policy, {
    coordinatorKey: judge.coordinatorKey, runId: offer.runId, purpose: offer.purpose, modelFingerprint: fingerprint, architecture: offer.architecture,
    cohortSize: offer.cohort.length, round: offer.round, roundsJoinedInRun: judge.journal.roundsJoined(offer.runId), secagg: !!offer.secagg,
    ...(budgetCheck ? { epsilonAfter: budgetCheck.epsilonAfter } : {}),
  }, judge.pins);
  if (!decision.ok) return decision;
  const terms = checkRoundTerms(policy, termsOf(judge, offer, dp));
  if (!terms.ok) return terms;
  return { ok: true, ...(terms.roster ? { roster: terms.roster } : {}), minSurvivors: survivorFloor(policy, offer, dp), ...(charge ? { charge } : {}) };
}

function termsOf(judge: Judge, offer: cohort.v1.RoundOffer, dp: cohort.v1.IDpConfig | undefined) {
  const governanceKey = judge.policy.federation?.governanceKey.toLowerCase();
  return {
    agency: judge.agency,
    identityKey: toHex(judge.identityKey),
    cohort: offer.cohort.map((m) => ({ agency: m.agency ?? '', identityKey: toHex(m.identityKey ?? new Uint8Array()) })),
    roster: offer.roster,
    rosterSerialSeen: governanceKey ? judge.journal.rosterSerial(governanceKey) : 0,
    ...(offer.secagg ? { secagg: { threshold: offer.secagg.threshold!, degree: offer.secagg.degree! } } : {}),
    ...(dp ? { dp: { samplingRate: dp.samplingRate ?? 0, minSurvivors: dp.minSurvivors ?? 0 } } : {}),
  };
}

/**
 * The fewest survivors whose signatures this client requires before it reveals a share: the
 * consistency quorum, its own minimum cohort and, under distributed DP, the survivors the noise
 * is calibrated for (so a larger number cannot cut each agency's noise without also making the
 * round impossible to unmask).
 */
function survivorFloor(policy: Policy, offer: cohort.v1.RoundOffer, dp: cohort.v1.IDpConfig | undefined): number {
  const quorum = offer.secagg ? consistencyQuorum(offer.secagg.threshold!, offer.cohort.length) : 1;
  const calibrated = dp?.mode === 'distributed' ? dp.minSurvivors ?? 1 : 1;
  return Math.max(quorum, policy.minCohort, calibrated);
}
