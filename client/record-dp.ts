// Record-level DP as the agency judges it: whether its policy lets it train the round with the
// DP-SGD terms offered, and what that costs its record-level budget. The sampling rate it
// accounts with is its own, the run's expected lot over its own record count (ml/dpsgd.ts
// planDpSgd); the offer carries no rate, and no number the coordinator writes replaces it.
import { recordSpend, type RecordSpend } from '../ledger/entries.js';
import { planDpSgd } from '../ml/dpsgd.js';
import type { SgmStep } from '../privacy/accountant.js';
import type { cohort } from '../proto/messages.js';
import type { Policy, RecordRefusalCode } from './policy.js';
import type { AgencySpend } from './spend.js';

/** What the agency trains and charges in a record-DP round. */
export interface RecordPlan {
  /** For ml/dpsgd.ts trainLocalPrivate, less the learning rate and optimizer of the round. */
  readonly training: { steps: number; lotSize: number; clipNorm: number; noiseMultiplier: number };
  /** The record-level charge: `count` DP-SGD steps at the agency's own rate. */
  readonly step: SgmStep;
  /** What its commitment will sign, if nothing else is charged first. */
  readonly spend: RecordSpend;
}

export type RecordDecision =
  | { readonly ok: true; readonly plan?: RecordPlan }
  | { readonly ok: false; readonly code: RecordRefusalCode; readonly reason: string };

const MAX_LOCAL_STEPS = 100_000;

/** Judges an offer's record-level DP terms against the policy and the budget over `records` records. */
export function judgeRecordDp(policy: Policy, offered: cohort.v1.IRecordDpConfig | null | undefined, records: number, spend: AgencySpend,
  input?: cohort.v1.IInputShape | null): RecordDecision {
  const limits = policy.recordPrivacy;
  if (limits && asksForTotals(input)) {
    return refuse('POLICY_RECORD_TOTALS', 'the round asks for exact totals over this agency’s records (metrics or statistics), which record-level DP does not cover; this agency’s policy protects each of its records');
  }
  if (!offered) {
    return limits ? refuse('POLICY_RECORD_DP_REQUIRED', 'the round does not train with record-level DP (DP-SGD), and this agency’s policy protects each of its records in every round it joins') : { ok: true };
  }
  if (!limits) return refuse('POLICY_RECORD_BUDGET_MISSING', 'the round asks for record-level DP, and this agency’s policy declares no record-level budget (recordPrivacy) to account it against');
  const malformed = malformedRecordDp(offered);
  if (malformed) return refuse('POLICY_RECORD_DP_INVALID', `the coordinator sent invalid record-level DP terms: ${malformed}`);
  const { clipNorm, noiseMultiplier, expectedLotSize, localSteps } = offered as { clipNorm: number; noiseMultiplier: number; expectedLotSize: number; localSteps: number };
  if (noiseMultiplier < limits.minNoiseMultiplier) {
    return refuse('POLICY_RECORD_NOISE', `the round’s DP-SGD noise multiplier is ${noiseMultiplier}; this agency requires at least ${limits.minNoiseMultiplier}`);
  }
  if (limits.maxClipNorm !== undefined && clipNorm > limits.maxClipNorm) {
    return refuse('POLICY_RECORD_CLIP', `the round clips each record’s gradient to ${clipNorm}; this agency allows at most ${limits.maxClipNorm}`);
  }
  if (limits.maxLocalSteps !== undefined && localSteps > limits.maxLocalSteps) {
    return refuse('POLICY_RECORD_STEPS', `the round asks for ${localSteps} DP-SGD steps; this agency allows at most ${limits.maxLocalSteps} a round`);
  }
  const training = { steps: localSteps, lotSize: expectedLotSize, clipNorm, noiseMultiplier };
  const plan = planDpSgd({ ...training, learningRate: 1 }, records);
  const step = { samplingRate: plan.samplingRate, noiseMultiplier: plan.noiseMultiplier, count: plan.steps };
  const decision = spend.check('record', step)!;
  const claim = recordSpend(decision.epsilonAfter, limits);
  // The claim the ledger will hold, rounded up, is what must fit: an auditor checks that.
  if (!decision.ok || Number(claim.epsilon) > limits.epsilon) {
    return refuse('POLICY_RECORD_BUDGET', `joining would bring this agency’s record-level epsilon across all runs to ${claim.epsilon} (at delta ${limits.delta}); its budget is epsilon ${limits.epsilon}`);
  }
  return { ok: true, plan: { training, step, spend: claim } };
}

/** Whether the offer's input holds exact totals over the agency's records besides its update. */
function asksForTotals(input: cohort.v1.IInputShape | null | undefined): boolean {
  if (!input) return false;
  return !!input.trainingTotals || !!input.validationCounts || !!input.validationSums || !!input.statisticsCounts || !!input.statisticsSums;
}

function malformedRecordDp(d: cohort.v1.IRecordDpConfig): string | undefined {
  const positive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;
  if (!positive(d.clipNorm)) return 'clipNorm must be a positive number';
  if (!positive(d.noiseMultiplier)) return 'noiseMultiplier must be a positive number';
  if (!(Number.isSafeInteger(d.expectedLotSize) && d.expectedLotSize! >= 1)) return 'expectedLotSize must be a whole number, 1 or more';
  if (!(Number.isSafeInteger(d.localSteps) && d.localSteps! >= 1 && d.localSteps! <= MAX_LOCAL_STEPS)) return `localSteps must be a whole number from 1 to ${MAX_LOCAL_STEPS}`;
  return undefined;
}

function refuse(code: RecordRefusalCode, reason: string): RecordDecision {
  return { ok: false, code, reason };
}
