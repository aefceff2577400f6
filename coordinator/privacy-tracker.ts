// The run's differential privacy: what each round's offer says about noise, the central noise
// itself, and the accountant that stops the run before its budget is spent. With DP on, every
// client's weight is 1 and its update is clipped to C, so adding or removing one agency moves
// the sum by at most C and Gaussian noise of std z*C on the sum gives the accounted guarantee.
import { RdpAccountant, type SgmStep } from '../privacy/accountant.js';
import { wouldExceed } from '../privacy/budget.js';
import { centralNoiseStd, gaussianNoise } from '../privacy/noise.js';
import type { cohort } from '../proto/messages.js';
import type { RunConfig } from './run-config.js';

export interface PrivacySpent {
  epsilon: number;
  delta: number;
  noiseMultiplier: number;
  samplingRate: number;
}

export class PrivacyTracker {
  private readonly accountant = new RdpAccountant();
  private cohortSize = 0;

  constructor(private readonly config: RunConfig, steps: readonly SgmStep[]) {
    for (const step of steps) this.accountant.compose(step);
  }

  get enabled(): boolean {
    return this.config.dp.mode !== 'off';
  }

  get steps(): SgmStep[] {
    return [...this.accountant.state().steps];
  }

  /** The sampling rate q of one round: the cohort over the population it is drawn from. */
  samplingRate(cohortSize: number): number {
    return Math.min(1, cohortSize / (this.config.dp.population ?? cohortSize));
  }

  dpConfigFor(cohortSize: number): cohort.v1.IDpConfig | undefined {
    this.cohortSize = cohortSize;
    if (!this.enabled) return undefined;
    const { dp, secagg, minCohort } = this.config;
    return {
      mode: dp.mode,
      clipNorm: dp.clipNorm,
      noiseMultiplier: dp.noiseMultiplier,
      samplingRate: this.samplingRate(cohortSize),
      delta: dp.delta,
      // Distributed noise is calibrated for the fewest survivors a round may aggregate.
      minSurvivors: Math.max(minCohort, secagg.enabled ? secagg.threshold ?? minCohort : minCohort),
    };
  }

  /** Before a round: would it take the run past its epsilon budget? */
  nextRoundAllowed(): { ok: true } | { ok: false; reason: string } {
    const { epsilonBudget, delta, noiseMultiplier } = this.config.dp;
    if (!this.enabled || epsilonBudget === undefined) return { ok: true };
    const samplingRate = this.samplingRate(Math.max(this.cohortSize, this.config.selection.min));
    if (!wouldExceed(this.accountant.state(), { samplingRate, noiseMultiplier, count: 1 }, { epsilon: epsilonBudget, delta })) return { ok: true };
    const spent = this.accountant.epsilon(delta).epsilon;
    return { ok: false, reason: `spent epsilon ${spent.toFixed(3)}; one more round would pass the budget of ${epsilonBudget} at delta ${delta}` };
  }

  /** The mean update from the weighted sum, with central noise added to the sum first. */
  mean(weightedSum: Float64Array, totalWeight: number): Float32Array {
    const out = new Float32Array(weightedSum.length);
    const central = this.config.dp.mode === 'central' && this.config.dp.noiseMultiplier > 0;
    const noise = central ? gaussianNoise(out.length, centralNoiseStd(this.config.dp.noiseMultiplier, this.config.dp.clipNorm)) : undefined;
    for (let i = 0; i < out.length; i++) out[i] = (weightedSum[i] + (noise ? noise[i] : 0)) / totalWeight;
    return out;
  }

  /** After an aggregated round: compose it and return what the run has spent so far. */
  recordRound(cohortSize: number): PrivacySpent | undefined {
    if (!this.enabled) return undefined;
    const samplingRate = this.samplingRate(cohortSize);
    const noiseMultiplier = this.config.dp.noiseMultiplier;
    this.accountant.compose({ samplingRate, noiseMultiplier, count: 1 });
    return { epsilon: this.accountant.epsilon(this.config.dp.delta).epsilon, delta: this.config.dp.delta, noiseMultiplier, samplingRate };
  }
}
