// `cohort demo --record-dp`: the demo's five agencies with record-level DP-SGD at the settings
// bench/dpsgd.ts tuned for the 2NN (README, Performance): an expected lot as large as the
// largest agency's records, so every agency takes each step on all its records (q = 1 at each:
// with agencies of unequal size, a common lot of half the smallest leaves the larger agencies'
// steps as noisy as the smallest's, and costs 2 points of accuracy at the same epsilon), one step
// a round, 160 rounds, a local learning rate falling from 6 to 1, and the noise multiplier that
// keeps every agency's record-level epsilon within 8 at delta 1e-5 after all rounds. A flag given
// on the command line wins over these; the demo's federated evaluation is off (see TUNED).
import type { Command } from 'commander';
import { calibrateNoise } from '../privacy/calibrate.js';
import type { RunFlags } from './run-options.js';

/** The record-level epsilon every demo agency's policy allows, across all runs. */
export const DEMO_RECORD_EPSILON = 8;

// No federated evaluation: its metric totals are exact sums over the agencies' records, which
// record-level DP does not cover, and each agency's policy declines a round that asks for them.
const TUNED = { rounds: 160, lr: 6, finalLr: 1, recordSteps: 1, recordClipNorm: 1, evaluateEvery: 0, evaluateAtEnd: false } as const;

/** Fills the tuned record-DP settings into `flags` for every option left at its default; `records` are the agencies' record counts. */
export function applyRecordDemoDefaults(flags: RunFlags, self: Command, records: readonly number[]): void {
  if (!flags.recordDp) return;
  const unset = (name: keyof RunFlags) => self.getOptionValueSource(name) !== 'cli' && self.getOptionValueSource(name) !== 'env';
  for (const [name, value] of Object.entries(TUNED) as [keyof RunFlags, number | boolean][]) if (unset(name)) (flags as unknown as Record<string, unknown>)[name] = value;
  const smallest = Math.min(...records);
  if (unset('recordLotSize')) flags.recordLotSize = Math.max(...records);
  if (unset('recordNoiseMultiplier')) {
    // The smallest agency samples at the highest rate and so spends the most: calibrate for it.
    const samplingRate = Math.min(1, flags.recordLotSize! / smallest);
    const steps = flags.rounds * flags.recordSteps;
    const z = calibrateNoise({ epsilon: DEMO_RECORD_EPSILON, delta: flags.recordDelta, samplingRate, steps, tolerance: 1e-4 });
    flags.recordNoiseMultiplier = Math.ceil(100 * z) / 100;
  }
}
