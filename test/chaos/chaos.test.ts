// The chaos suite (issue #11): randomized crashes of the coordinator at every kind of point (before
// any ledger write, inside a checkpoint save, at each SecAgg+ stage) crossed with agencies dying at
// each SecAgg+ stage, restarted until the run finishes; after every trial every invariant of
// test/chaos/invariants.ts must hold. In-process (test/chaos/federation.ts). The trials are
// seeded: COHORT_CHAOS_SEED and COHORT_CHAOS_TRIALS choose others; bench/chaos.ts soaks longer.
import { describe, expect, it } from 'vitest';
import { runTrials } from './trials.js';

const TRIALS = Number(process.env.COHORT_CHAOS_TRIALS ?? 200);
const SEED = Number(process.env.COHORT_CHAOS_SEED ?? 1100);
// Two trials at a time: each waits on fsyncs and sockets about as long as it computes.
const LANES = 2;

describe('chaos: crashes and dropouts never break the ledger or the privacy accounting', () => {
  it(`${TRIALS} randomized trials, every invariant after each`, async () => {
    const started = performance.now();
    const reports = await runTrials(Array.from({ length: TRIALS }, (_, i) => SEED + i), LANES);
    const crashes = reports.reduce((n, r) => n + r.crashes, 0);
    const failed = reports.filter((r) => r.problems.length > 0);
    const seconds = (performance.now() - started) / 1000;
    console.log(`chaos: ${TRIALS} trials (seeds ${SEED}..${SEED + TRIALS - 1}), ${crashes} coordinator crashes, ${failed.length} failed, ${seconds.toFixed(1)} s`);
    expect(failed.map((r) => ({ seed: r.plan.seed, problems: r.problems }))).toEqual([]);
  }, 600_000);
});
