// Randomized chaos trials: a run of a random kind (SecAgg+ or not, DP central, distributed or
// off, FedAvg or FedAvgM), whose coordinator is killed at random points (before a ledger write,
// in a checkpoint save, at a SecAgg+ stage) while agencies die at random stages, restarted until
// the run finishes; then every invariant is checked. The suite (chaos.test.ts) and the soak
// (bench/chaos.ts) run the same trials; a failing trial is named by its seed, and replays.
import { readFile } from 'node:fs/promises';
import { seededRandom, shuffleInPlace, type Random } from '../../ml/random.js';
import type { RunConfigInput } from '../../coordinator/run-config.js';
import { AGENCY_STAGES, ChaosFederation, type AgencyKill, type CoordinatorKill, type Incarnation } from './federation.js';
import { violations } from './invariants.js';

export interface TrialPlan {
  seed: number;
  agencies: number;
  run: Partial<RunConfigInput>;
  /** One per coordinator life: each but the last kills it; the last runs to the end. */
  lives: Incarnation[];
}

export interface TrialReport {
  plan: TrialPlan;
  crashes: number;
  problems: string[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const shuffled = <T>(random: Random, items: readonly T[]): T[] => shuffleInPlace([...items], random);

/** The trial of `seed`: what run, which deaths, in which order. */
export function planTrial(seed: number): TrialPlan {
  const random = seededRandom(seed);
  const secure = random() < 0.7;
  const dp = pick(random, ['off', 'off', 'central', 'central', 'distributed'] as const);
  // Small on purpose (a round of four agencies costs ~100 ms of CPU, most of it signatures): what
  // matters is where the faults fall. SecAgg+ needs three agencies in a cohort.
  const agencies = secure ? pick(random, [4, 4, 4, 5]) : 3;
  // With five agencies t = 3: a minimum cohort of 4 is then stricter than SecAgg+'s own threshold.
  const minimum = secure ? (agencies === 5 ? pick(random, [3, 4]) : 3) : 2;
  const rounds = pick(random, [2, 2, 2, 3]);
  // FedAvgM keeps optimizer state beside each checkpoint: a resume must restore it too.
  const strategy = pick(random, [{ strategy: 'fedavg' }, { strategy: 'fedavgm', serverLearningRate: 1 }] as const);
  const run: Partial<RunConfigInput> = {
    rounds, secagg: { enabled: secure }, minCohort: minimum, selection: { min: minimum }, ...strategy,
    dp: dp === 'off' ? { mode: 'off' } : { mode: dp, clipNorm: 1, noiseMultiplier: pick(random, [1, 2]), delta: 1e-5 },
  };
  const names = Array.from({ length: agencies }, (_, i) => `agency-${i + 1}`);
  const stages = secure ? AGENCY_STAGES : (['upload'] as const);
  // Entries a life writes at most, roughly: run_created, joins, and per round its opening, inputs and closing.
  const span = agencies + 3 + rounds * (agencies + 7);
  const crashes = pick(random, [0, 1, 1, 1, 2, 2]);
  const lives: Incarnation[] = [];
  for (let life = 0; life <= crashes; life++) {
    const kills: AgencyKill[] = [];
    // Deaths enough to leave rounds at the minimum cohort, sometimes below it; agencies often
    // fail together (two killed at upload is what left a secure round below the minimum, B1).
    for (let event = between(random, 0, 2); event > 0; event--) {
      const round = between(random, 1, rounds + crashes);
      const stage = pick(random, stages);
      const together = between(random, 1, Math.min(2, agencies - minimum + 1));
      const restart = random() < 0.5;
      for (const agency of shuffled(random, names).slice(0, together)) kills.push({ agency, round, stage, restart });
    }
    lives.push({ agencies: kills, ...(life < crashes ? { coordinator: coordinatorKill(random, names, stages, rounds + crashes, span) } : {}) });
  }
  return { seed, agencies, run, lives };
}

function coordinatorKill(random: Random, names: string[], stages: readonly (typeof AGENCY_STAGES)[number][], rounds: number, span: number): CoordinatorKill {
  const where = random();
  // Ledger seqs are relative to the life's first write: planned before the ledger exists.
  if (where < 0.6) return { kind: 'ledger', seq: between(random, 0, span) };
  if (where < 0.75) return { kind: 'save', index: between(random, 0, rounds), after: random() < 0.5 };
  return { kind: 'stage', agency: pick(random, names), round: between(random, 1, rounds), stage: pick(random, stages) };
}

/** Runs one trial to the end of its run and checks the invariants; trials in different lanes may run at once. */
export async function runTrial(plan: TrialPlan, lane = 0): Promise<TrialReport> {
  const fed = await ChaosFederation.create(`s${plan.seed}`, plan.agencies, plan.run, lane);
  let crashes = 0;
  try {
    let outcome;
    for (const life of plan.lives) {
      // Ledger kill points are planned relative to the life's first write.
      const start = await ledgerLength(fed.ledgerPath);
      const coordinator = life.coordinator?.kind === 'ledger' ? { ...life.coordinator, seq: start + life.coordinator.seq } : life.coordinator;
      outcome = await fed.incarnation({ ...life, coordinator });
      if (!outcome.crashed) break; // a kill planned past the run's end never came
      crashes++;
    }
    const result = outcome!.result!; // the last life kills no coordinator
    const problems = await violations({
      ledger: await readFile(fed.ledgerPath), coordinatorKey: fed.coordinatorIdentity.publicKey, receipts: await fed.receipts(),
      runId: fed.config.runId, weights: result.weights, checkpointDir: result.checkpointDir,
    });
    if (result.state.status !== 'finished') problems.push(`the run ended ${result.state.status}: ${String(result.state.finishedReason)}`);
    return { plan, crashes, problems };
  } catch (err) {
    // A run that cannot resume, or any other failure, is a trial that failed: say which.
    return { plan, crashes, problems: [`the trial failed: ${(err as Error).stack ?? String(err)}`] };
  } finally {
    await fed.cleanup();
  }
}

async function ledgerLength(path: string): Promise<number> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).length;
}

/** Runs the trials of `seeds`, `lanes` at a time (they wait on disk and sockets as much as they compute). */
export async function runTrials(seeds: readonly number[], lanes: number, onReport?: (report: TrialReport) => void): Promise<TrialReport[]> {
  const reports: TrialReport[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    while (next < seeds.length) {
      const report = await runTrial(planTrial(seeds[next++]), lane);
      reports.push(report);
      onReport?.(report);
    }
  }));
  return reports.sort((a, b) => a.plan.seed - b.plan.seed);
}
