// The chaos soak: the suite's randomized fault trials (test/chaos/trials.ts: coordinator killed
// before ledger writes, inside checkpoint saves and at SecAgg+ stages, agencies dying at every
// stage, restarts until the run finishes, every invariant checked after each), many more of them
// and from a fresh seed each time. Prints the trial count, the crashes, the time per trial, and
// every failing trial's seed, which replays it in the suite:
//   COHORT_CHAOS_SEED=<seed> COHORT_CHAOS_TRIALS=1 npx vitest run test/chaos/chaos.test.ts
// Run after a build: node dist/bench/chaos.js [--trials 500] [--seed n] [--lanes 2]
import { parseArgs } from 'node:util';
import { runTrials } from '../test/chaos/trials.js';

// Not strict: bench/all.ts hands every bench the same arguments.
const { values } = parseArgs({ options: { trials: { type: 'string' }, seed: { type: 'string' }, lanes: { type: 'string' } }, strict: false });
const trials = Number(values.trials ?? 500);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const lanes = Number(values.lanes ?? 2);

const started = performance.now();
const cpu = process.cpuUsage();
let done = 0;
let crashes = 0;
const failed: number[] = [];
await runTrials(Array.from({ length: trials }, (_, i) => seed + i), lanes, (report) => {
  done++;
  crashes += report.crashes;
  if (report.problems.length) {
    failed.push(report.plan.seed);
    console.log(`FAILED seed ${report.plan.seed}:\n  ${report.problems.join('\n  ')}`);
  }
  if (done % 100 === 0) console.log(`${done} trials, ${failed.length} failed`);
});
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(`chaos soak: ${trials} trials (seeds ${seed}..${seed + trials - 1}, ${lanes} at a time), ${crashes} coordinator crashes, ${failed.length} failed`);
console.log(`${seconds.toFixed(1)} s, ${(1000 * seconds / trials).toFixed(0)} ms a trial, ${((used.user + used.system) / 1000 / trials).toFixed(0)} ms of CPU a trial`);
if (failed.length) console.log(`failing seeds: ${failed.join(' ')}`);
process.exitCode = failed.length ? 1 : 0;
