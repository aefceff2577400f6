// The run's differential privacy: what each round's offer says about noise, the central noise
// itself, and the accounting that stops the run before its budget is spent. With DP on, every
// client's weight is 1 and its update is clipped to C, so adding or removing one agency moves
// the sum by at most C and Gaussian noise of std z*C on the sum gives the accounted guarantee.
// The steps spent are the rounds whose aggregate the ledger records (RunProgress.aggregated),
// so a resumed run, the ledger and an auditor count the same rounds (docs/LEDGER.md).
import { epsilonAfter } from '../privacy/accountant.js';
import { centralNoiseStd, gaussianNoise } from '../privacy/noise.js';
import type { cohort } from '../proto/messages.js';
import type { RunConfig } from './run-config.js';

/**
 * Every round is accounted at sampling rate 1: cohorts are chosen by a keyed hash, not by
 * Poisson sampling, so the amplification-by-subsampling theorems the accountant could use for
 * q < 1 do not apply, and Cohort does not claim them.
 */
export const SAMPLING_RATE = 1;

export interface PrivacySpent {
  epsilon: number;
  delta: number;
  noiseMultiplier: number;
  samplingRate: number;
}

export class PrivacyTracker {
  /** `spent.aggregated`: the run's rounds aggregated so far, as its ledger records them. */
  constructor(private readonly config: RunConfig, private readonly spent: { readonly aggregated: number }) {}

  get enabled(): boolean {
    return this.config.dp.mode !== 'off';
  }

  dpConfigFor(): cohort.v1.IDpConfig | undefined {
    if (!this.enabled) return undefined;
    const { dp, secagg, minCohort } = this.config;
    return {
      mode: dp.mode,
      clipNorm: dp.clipNorm,
      noiseMultiplier: dp.noiseMultiplier,
      samplingRate: SAMPLING_RATE,
      delta: dp.delta,
      // Distributed noise is calibrated for the fewest survivors a round may aggregate.
      minSurvivors: Math.max(minCohort, secagg.enabled ? secagg.threshold ?? minCohort : minCohort),
    };
  }

  /** Before a round: would it take the run past its epsilon budget? */
  nextRoundAllowed(): { ok: true } | { ok: false; reason: string } {
    const { epsilonBudget, delta } = this.config.dp;
    if (!this.enabled || epsilonBudget === undefined) return { ok: true };
    if (this.epsilon(this.spent.aggregated + 1) <= epsilonBudget) return { ok: true };
    const spent = this.epsilon(this.spent.aggregated);
    return { ok: false, reason: `spent epsilon ${spent.toFixed(3)}; one more round would pass the budget of ${epsilonBudget} at delta ${delta}` };
  }

  /** The mean update from the weighted sum, with central noise added to the sum first. */
  mean(weightedSum: Float64Array, totalWeight: number): Float32Array {
    if (!(totalWeight > 0)) throw new RangeError(`the total weight must be positive, got ${totalWeight}`);
    const out = new Float32Array(weightedSum.length);
    const central = this.config.dp.mode === 'central' && this.config.dp.noiseMultiplier > 0;
    const noise = central ? gaussianNoise(out.length, centralNoiseStd(this.config.dp.noiseMultiplier, this.config.dp.clipNorm)) : undefined;
    for (let i = 0; i < out.length; i++) out[i] = (weightedSum[i] + (noise ? noise[i] : 0)) / totalWeight;
    return out;
  }

  /** Once a round's aggregate is in the ledger: what the run has spent, that round included. */
  spentSoFar(): PrivacySpent | undefined {
    if (!this.enabled) return undefined;
    const { noiseMultiplier, delta } = this.config.dp;
    return { epsilon: this.epsilon(this.spent.aggregated), delta, noiseMultiplier, samplingRate: SAMPLING_RATE };
  }

  private epsilon(rounds: number): number {
    return epsilonAfter({ samplingRate: SAMPLING_RATE, noiseMultiplier: this.config.dp.noiseMultiplier, count: rounds }, this.config.dp.delta);
  }
}
