// The run loop: wait for agencies, select a cohort, run the round, apply the strategy,
// checkpoint, write the ledger, hand out receipts, and resume where a crash left off. What the
// run has done is read from its ledger alone (run-progress.ts): a resumed run decides exactly as
// an uninterrupted one would have (docs/ARCHITECTURE.md, "Where state lives").
import { sha256Hex } from '../bytes/digest.js';
import type { EntryBody } from '../ledger/entries.js';
import { issueReceipt } from '../ledger/receipt.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { PrivacyTracker, SAMPLING_RATE } from './privacy-tracker.js';
import { roundsOf, type RunConfig } from './run-config.js';
import type { RoundPurpose } from '../ledger/round-order.js';
import { needsStatistics } from '../ml/statistics.js';
import { recordMetrics } from './round-totals.js';
import type { FederationParts, RunContext } from './run-parts.js';
import { RunProgress, type RoundFacts } from './run-progress.js';
import { runRound } from './run-round.js';
import { RunStore, type RoundRecord, type RunState } from './run-store.js';
import { createStrategy } from './strategy/index.js';

export interface FederationResult {
  state: RunState;
  weights: Float32Array;
  checkpointDir: string;
}

export async function runFederation(parts: FederationParts): Promise<FederationResult> {
  const { config, log } = parts;
  const store = new RunStore(parts.dataDir, config.runId);
  const { progress, stop } = await RunProgress.follow(parts.ledger, config.runId);
  try {
    let weights = await openRun(parts, store, progress);
    const strategy = createStrategy(config.strategy, { serverLearningRate: config.serverLearningRate });
    // FedAvgM's velocity and FedOpt's moments go on from the checkpoint, as if the run never stopped.
    strategy.restore(await store.readStrategyState(progress.lastOk.round));
    const run: RunContext = { ...parts, store, strategy, privacy: new PrivacyTracker(config, progress), progress, tables: {} };
    const attempted = Math.max(progress.lastRound, await store.readLastOffered());
    const loop: Loop = { attempted, stopped: false, history: historyOf(progress, await store.readRoundRecords()) };
    const view = (): RunState => runState(progress, loop);
    parts.events?.onRunStart?.(view());
    for (let purpose = nextPurpose(run, loop); !progress.finished && purpose; purpose = nextPurpose(run, loop)) {
      const next = await beforeRound(run);
      if (next.kind === 'stop') {
        loop.stopped = true;
        break;
      }
      if (next.kind === 'finish') {
        await finish(run, next.reason);
        break;
      }
      // Round numbers name attempts: a skipped or abandoned round counts toward `rounds` too.
      const round = Math.max(loop.attempted, progress.lastRound) + 1;
      loop.attempted = round;
      await store.noteOffered(round);
      const done = await runRound(run, round, next.available, weights, purpose);
      weights = done.weights;
      loop.history.push(done.record);
      await store.appendRoundRecord(done.record);
      parts.events?.onRoundEnd?.(done.record);
      if (done.declinedBy) {
        await endDeclined(run, loop, declinedReason(round, done.declinedBy));
        break;
      }
    }
    if (!progress.finished && !loop.stopped) await finish(run, loop.trainingEnded ?? `${progress.okRounds.length} of ${config.rounds} rounds aggregated`);
    log.info({ runId: config.runId, status: view().status }, 'run ended');
    return { state: view(), weights, checkpointDir: store.checkpointDir(progress.lastOk.round) };
  } finally {
    stop();
  }
}

/**
 * A new run: its initial model checkpointed, its config, then run_created. A run the ledger
 * already holds: the round a crash left open is closed as abandoned, and the model is the
 * checkpoint of the round the ledger last closed ok, checked against the hash it recorded.
 */
async function openRun(parts: FederationParts, store: RunStore, progress: RunProgress): Promise<Float32Array> {
  const { config, model, ledger } = parts;
  if (!progress.created) {
    const weights = model.initialWeights();
    await model.save(store.checkpointDir(0), weights);
    await store.writeConfig(config);
    await ledger.append('run_created', runCreatedBody(config, weights));
    return weights;
  }
  if (progress.open !== undefined) {
    await ledger.append('round_closed', { runId: config.runId, round: progress.open, status: 'abandoned', reason: 'the coordinator restarted during the round' });
  }
  const { round, modelSha256 } = progress.lastOk;
  await ledger.append('note', { text: `run ${config.runId} resumed after round ${progress.lastRound} from checkpoint of round ${round}` });
  parts.log.info({ runId: config.runId, round: progress.lastRound }, 'resuming run');
  const weights = await model.load(store.checkpointDir(round));
  if (sha256Hex(encodeFloat32LE(weights)) !== modelSha256) {
    throw new Error(`run ${config.runId}: the checkpoint of round ${round} (${store.checkpointDir(round)}) is not the model the ledger recorded (sha256 ${modelSha256}); restore it from a backup`);
  }
  return weights;
}

/**
 * What the next round does, decided from the ledger's record of the run (so a resumed run decides
 * alike): the statistics pass while a tabular run has none; training while rounds are left, the
 * validation loss still improves (early stopping) and the privacy budget allows; then one
 * evaluation round of the final model when the run asks for it. Undefined: the run is done.
 */
function nextPurpose(run: RunContext, loop: Loop): RoundPurpose | undefined {
  const { config, progress } = run;
  const next = Math.max(loop.attempted, progress.lastRound) + 1;
  const atEnd = config.evaluation?.atEnd === true;
  const statisticsMissing = config.schema !== undefined && needsStatistics(config.schema) && !progress.statistics;
  loop.trainingEnded ??= trainingEnd(run, next > roundsOf(config) - (atEnd ? 1 : 0));
  if (loop.trainingEnded === undefined) return statisticsMissing ? 'statistics' : 'train';
  // Without the federation's statistics no agency can read its table: nothing to evaluate.
  return atEnd && next <= roundsOf(config) && !statisticsMissing && !progress.validations.has(progress.lastOk.round) ? 'evaluation' : undefined;
}

/** Why training is over, or undefined while it goes on. */
function trainingEnd(run: RunContext, noRoundsLeft: boolean): string | undefined {
  const { config, progress } = run;
  const aggregated = `${progress.okRounds.length} of ${config.rounds} rounds aggregated`;
  if (noRoundsLeft) return aggregated;
  const patience = config.evaluation?.patience;
  if (patience !== undefined && progress.patienceExhausted(patience, config.evaluation!.minDelta)) {
    const best = progress.best!;
    return `early stopping: the validation loss did not improve for ${patience} validations (best ${best.loss.toFixed(4)}, the model of round ${best.modelRound}); ${aggregated}`;
  }
  const budget = run.privacy.nextRoundAllowed();
  return budget.ok ? undefined : `privacy budget: ${budget.reason}`;
}

/** Between rounds: hold while paused, then whether the next round may start, and with whom. */
type NextRound = { kind: 'stop' } | { kind: 'finish'; reason: string } | { kind: 'go'; available: string[] };

async function beforeRound(run: RunContext): Promise<NextRound> {
  const { config, ledger, gate, signal } = run;
  // A pause takes effect here, between rounds: the round before it has closed.
  if (gate?.paused && !signal?.aborted) {
    await ledger.append('note', { text: `run ${config.runId} paused after round ${run.progress.lastRound}` });
    await gate.untilResumed(signal);
    if (!signal?.aborted) await ledger.append('note', { text: `run ${config.runId} resumed after round ${run.progress.lastRound}` });
  }
  if (signal?.aborted) return { kind: 'stop' };
  const available = await waitForAgencies(run, config.selection.min);
  // Stopped while waiting (Ctrl-C) is stopped, not finished for lack of agencies.
  if (signal?.aborted) return { kind: 'stop' };
  if (available.length < config.selection.min) return { kind: 'finish', reason: `only ${available.length} agencies connected; ${config.selection.min} needed` };
  return { kind: 'go', available };
}

function runCreatedBody(config: RunConfig, weights: Float32Array): EntryBody<'run_created'> {
  return {
    runId: config.runId,
    purpose: config.purpose,
    modelFingerprint: sha256Hex(encodeFloat32LE(weights)),
    strategy: { name: config.strategy, params: config.serverLearningRate ? { serverLearningRate: config.serverLearningRate } : {} },
    secagg: config.secagg.enabled
      ? { threshold: config.secagg.threshold ?? null, degree: config.secagg.degree ?? null, quantizationBits: config.secagg.bits }
      : null,
    dp: config.dp.mode === 'off' ? null : {
      mode: config.dp.mode,
      clipNorm: config.dp.clipNorm,
      noiseMultiplier: config.dp.noiseMultiplier,
      samplingRate: SAMPLING_RATE,
      targetEpsilon: config.dp.epsilonBudget ?? null,
      targetDelta: config.dp.delta,
    },
    ...(config.recordDp ? { recordDp: config.recordDp } : {}),
    minCohort: config.minCohort,
    rounds: roundsOf(config),
  };
}

async function waitForAgencies(parts: FederationParts, min: number): Promise<string[]> {
  const deadline = Date.now() + parts.config.waitForAgenciesMs;
  for (;;) {
    const connected = [...parts.sessions.values()].filter((s) => !s.closed).map((s) => s.agency).sort();
    if (connected.length >= min || Date.now() >= deadline || parts.signal?.aborted) return connected;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function finish(run: RunContext, reason: string): Promise<void> {
  // `rounds` is the number of rounds opened (docs/LEDGER.md), abandoned ones included; a round
  // number skipped because too few agencies accepted was never opened and does not count.
  const entry = await run.ledger.append('run_finished', { runId: run.config.runId, rounds: run.progress.roundsOpened, reason });
  // The ML team's receipt for the end of the run: with it, a ledger cut back to before this
  // line is caught (docs/LEDGER.md), as agencies' receipts catch changes to their entries.
  await run.store.keepReceipt(issueReceipt(entry, run.identity));
}

/**
 * Agencies that declined a round decline the next one alike: the run ends there rather than burn
 * its remaining rounds in seconds. Before any round aggregated it is stopped, not finished, so its
 * id resumes once the run's terms or the agencies' policies agree (issue #15).
 */
async function endDeclined(run: RunContext, loop: Loop, reason: string): Promise<void> {
  if (run.progress.okRounds.length > 0) await finish(run, reason);
  else Object.assign(loop, { stopped: true, stoppedReason: reason });
}

/** Why a round could not open for lack of acceptances: each code, with who gave it and one reason. */
function declinedReason(round: number, declined: ReadonlyMap<string, { code: string; reason: string }>): string {
  const byCode = new Map<string, { agencies: string[]; reason: string }>();
  for (const [agency, why] of [...declined].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entry = byCode.get(why.code) ?? { agencies: [], reason: why.reason };
    entry.agencies.push(agency);
    byCode.set(why.code, entry);
  }
  // Bounded, since it goes into the ledger: a long list of agencies is cut, not the codes.
  const named = (agencies: string[]) => agencies.length <= 5 ? agencies.join(', ') : `${agencies.slice(0, 5).join(', ')} and ${agencies.length - 5} more`;
  const parts = [...byCode].map(([code, { agencies, reason }]) => `${code} from ${named(agencies)} (${reason.slice(0, 300)})`);
  return `round ${round} could not open: ${declined.size} agencies declined it: ${parts.join('; ')}`;
}

/** This process's side of the run: the round numbers it tried, whether it was stopped (and why), the records it made. */
interface Loop {
  attempted: number;
  stopped: boolean;
  stoppedReason?: string;
  /** Why training ended (no rounds left, early stopping, the privacy budget), once it has. */
  trainingEnded?: string;
  history: RoundRecord[];
}

function runState(progress: RunProgress, loop: Loop): RunState {
  const reason = progress.finished?.reason ?? (loop.stopped ? loop.stoppedReason : undefined);
  return {
    runId: progress.runId,
    status: progress.finished ? 'finished' : loop.stopped ? 'stopped' : 'running',
    lastRound: Math.max(loop.attempted, progress.lastRound),
    completedRounds: progress.okRounds.length,
    checkpointRound: progress.lastOk.round,
    history: loop.history.slice(),
    ...(reason !== undefined ? { finishedReason: reason } : {}),
    ...(progress.best ? { best: { round: progress.best.modelRound, loss: progress.best.loss } } : {}),
  };
}

/**
 * The rounds the ledger closed, as records: the one kept in rounds.jsonl (loss, accuracy, time)
 * where there is one, with the ledger's outcome; the ledger's facts alone where a crash came
 * before the record was kept.
 */
function historyOf(progress: RunProgress, kept: Map<number, RoundRecord>): RoundRecord[] {
  const closed = [...progress.rounds.values()].filter((f): f is RoundFacts & { status: 'ok' | 'abandoned' } => f.status !== undefined);
  return closed.sort((a, b) => a.round - b.round).map((facts) => ({
    ...(kept.get(facts.round) ?? { seconds: 0, ...metricsOf(progress, facts) }),
    round: facts.round,
    ...(facts.purpose !== 'train' ? { kind: facts.purpose } : {}),
    status: facts.status,
    ...(facts.reason !== undefined ? { reason: facts.reason } : {}),
    contributors: facts.inputs ?? 0,
    dropped: facts.dropped,
    declined: facts.declined,
    ...(facts.epsilon !== undefined ? { epsilon: facts.epsilon } : {}),
  }));
}

/** The metrics a round's record shows, from its ledger entry (a record a crash lost). */
function metricsOf(progress: RunProgress, facts: RoundFacts): Partial<RoundRecord> {
  if (!facts.metrics) return {};
  const record = {} as RoundRecord;
  recordMetrics(record, facts.metrics, progress.roundOfModel(facts.metrics.modelSha256) ?? 0);
  return record;
}
