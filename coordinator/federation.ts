// The run loop: wait for agencies, select a cohort, run the round, apply the strategy,
// checkpoint, write the ledger, hand out receipts, and resume where a crash left off.
import { sha256Hex } from '../bytes/digest.js';
import type { EntryBody } from '../ledger/entries.js';
import { issueReceipt } from '../ledger/receipt.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { PrivacyTracker, SAMPLING_RATE } from './privacy-tracker.js';
import type { RunConfig } from './run-config.js';
import type { FederationParts, RunContext } from './run-parts.js';
import { runRound } from './run-round.js';
import { ledgerProgress, RunStore, type RunState } from './run-store.js';
import { createStrategy } from './strategy/index.js';

export interface FederationResult {
  state: RunState;
  weights: Float32Array;
  checkpointDir: string;
}

export async function runFederation(parts: FederationParts): Promise<FederationResult> {
  const { config, model, ledger, log } = parts;
  const store = new RunStore(parts.dataDir, config.runId);
  const strategy = createStrategy(config.strategy, { serverLearningRate: config.serverLearningRate });
  const { state, weights: resumed } = await openRun(parts, store);
  // FedAvgM's velocity and FedOpt's moments go on from the checkpoint, as if the run never stopped.
  strategy.restore(await store.readStrategyState(state.checkpointRound));
  let weights = resumed;
  const privacy = new PrivacyTracker(config, state.privacySteps);
  const run: RunContext = { ...parts, store, strategy, privacy, state };
  parts.events?.onRunStart?.(state);

  // Round numbers name attempts: an abandoned round counts toward `rounds` too.
  while (state.lastRound < config.rounds && state.status === 'running') {
    // A pause takes effect here, between rounds: the round before it has closed.
    if (parts.gate?.paused && !parts.signal?.aborted) {
      await ledger.append('note', { text: `run ${config.runId} paused after round ${state.lastRound}` });
      await parts.gate.untilResumed(parts.signal);
      if (!parts.signal?.aborted) await ledger.append('note', { text: `run ${config.runId} resumed after round ${state.lastRound}` });
    }
    if (parts.signal?.aborted) {
      state.status = 'stopped';
      break;
    }
    const budget = privacy.nextRoundAllowed();
    if (!budget.ok) {
      await finish(parts, state, store, `privacy budget: ${budget.reason}`);
      break;
    }
    const available = await waitForAgencies(parts, config.selection.min);
    if (available.length < config.selection.min) {
      // Stopped while waiting (Ctrl-C) is stopped, not finished for lack of agencies.
      if (parts.signal?.aborted) state.status = 'stopped';
      else await finish(parts, state, store, `only ${available.length} agencies connected; ${config.selection.min} needed`);
      break;
    }
    const round = state.lastRound + 1;
    state.lastRound = round;
    const record = await runRound(run, round, available, weights);
    weights = record.weights;
    state.history.push(record.record);
    state.privacySteps = privacy.steps;
    if (record.record.status === 'ok') {
      state.completedRounds++;
      state.checkpointRound = round;
    }
    await store.writeState(state);
    parts.events?.onRoundEnd?.(record.record);
    if (record.declinedBy) {
      await endDeclined(parts, state, store, declinedReason(round, record.declinedBy));
      break;
    }
  }
  if (state.status === 'running') await finish(parts, state, store, `${state.completedRounds} of ${config.rounds} rounds aggregated`);
  await store.writeState(state);
  log.info({ runId: config.runId, status: state.status }, 'run ended');
  return { state, weights, checkpointDir: store.checkpointDir(state.checkpointRound) };
}

async function openRun(parts: FederationParts, store: RunStore) {
  const { config, model, ledger } = parts;
  const existing = await store.readState();
  if (!existing) {
    const weights = model.initialWeights();
    await model.save(store.checkpointDir(0), weights);
    await store.writeConfig(config);
    await ledger.append('run_created', runCreatedBody(config, weights));
    const state: RunState = { runId: config.runId, status: 'running', lastRound: 0, completedRounds: 0, checkpointRound: 0, history: [], privacySteps: [], joined: [] };
    await store.writeState(state);
    return { state, weights };
  }
  // Resume: the ledger is the record of what was committed (run-store.ts explains the order).
  const progress = await ledgerProgress(store.ledgerPath, config.runId);
  const state = existing;
  for (const [round, status] of progress.closed) {
    if (round > state.lastRound) {
      state.lastRound = round;
      if (status === 'ok') {
        state.completedRounds++;
        state.checkpointRound = round;
      }
    }
  }
  if (progress.lastOpened > state.lastRound) {
    await ledger.append('round_closed', { runId: config.runId, round: progress.lastOpened, status: 'abandoned', reason: 'the coordinator restarted during the round' });
    state.lastRound = progress.lastOpened;
  }
  if (state.status !== 'finished') {
    state.status = 'running';
    delete state.finishedReason;
  }
  await ledger.append('note', { text: `run ${config.runId} resumed after round ${state.lastRound} from checkpoint of round ${state.checkpointRound}` });
  parts.log.info({ runId: config.runId, round: state.lastRound }, 'resuming run');
  return { state, weights: await model.load(store.checkpointDir(state.checkpointRound)) };
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
    minCohort: config.minCohort,
    rounds: config.rounds,
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

async function finish(parts: FederationParts, state: RunState, store: RunStore, reason: string): Promise<void> {
  state.status = 'finished';
  state.finishedReason = reason;
  // `rounds` is the rounds opened (docs/LEDGER.md), abandoned ones included, not the rounds that
  // aggregated; the ledger is the record of which were opened, across restarts too.
  const { lastOpened } = await ledgerProgress(store.ledgerPath, parts.config.runId);
  const entry = await parts.ledger.append('run_finished', { runId: parts.config.runId, rounds: lastOpened, reason });
  // The ML team's receipt for the end of the run: with it, a ledger cut back to before this
  // line is caught (docs/LEDGER.md), as agencies' receipts catch changes to their entries.
  await store.keepReceipt(issueReceipt(entry, parts.identity));
  await store.writeState(state);
}

/**
 * Agencies that declined a round decline the next one alike: the run ends there rather than burn
 * its remaining rounds in seconds. Before any round aggregated it is stopped, not finished, so its
 * id resumes once the run's terms or the agencies' policies agree (issue #15).
 */
async function endDeclined(parts: FederationParts, state: RunState, store: RunStore, reason: string): Promise<void> {
  if (state.completedRounds > 0) await finish(parts, state, store, reason);
  else Object.assign(state, { status: 'stopped', finishedReason: reason });
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
