// The run loop: wait for agencies, select a cohort, run the round, apply the strategy,
// checkpoint, write the ledger, hand out receipts, and resume where a crash left off.
import type { Logger } from 'pino';
import type { LedgerWriter } from '../ledger/writer.js';
import { issueReceipt } from '../ledger/receipt.js';
import type { EntryBody, LedgerEntry } from '../ledger/entries.js';
import { toHex, type Identity } from '../identity/keys.js';
import { sha256Hex } from '../bytes/digest.js';
import { Stage } from '../proto/channel.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { selectCohort } from './cohort.js';
import type { GlobalModel } from './global-model.js';
import { joinedDataset, offerRound, plainAggregate, type RoundContext, type RoundPlan } from './round.js';
import { ledgerProgress, RunStore, type RoundRecord, type RunState } from './run-store.js';
import type { RunConfig } from './run-config.js';
import { secureAggregate, secAggConfigFor } from './secure-round.js';
import { createStrategy, type Strategy } from './strategy/index.js';
import type { StageRouter } from './stage-router.js';
import type { AgencySession } from './transport.js';
import { PrivacyTracker, SAMPLING_RATE } from './privacy-tracker.js';

export interface FederationEvents {
  /** The run is open (new or resumed): its history so far. */
  onRunStart?(state: Readonly<RunState>): void;
  onRoundStart?(round: number, cohort: string[]): void;
  onStage?(round: number, stage: string, done: number, total: number): void;
  onRoundEnd?(record: RoundRecord): void;
}

export interface FederationParts {
  config: RunConfig;
  dataDir: string;
  identity: Identity;
  model: GlobalModel;
  ledger: LedgerWriter;
  router: StageRouter;
  sessions: ReadonlyMap<string, AgencySession>;
  log: Logger;
  events?: FederationEvents;
  signal?: AbortSignal;
  /** Holds the run between rounds while paused (coordinator/http/control.ts). */
  gate?: RunGate;
}

export interface RunGate {
  readonly paused: boolean;
  /** Resolves once resumed, or when `signal` aborts. */
  untilResumed(signal?: AbortSignal): Promise<void>;
}

export interface FederationResult {
  state: RunState;
  weights: Float32Array;
  checkpointDir: string;
}

const CHECKPOINTS_KEPT = 3;

export async function runFederation(parts: FederationParts): Promise<FederationResult> {
  const { config, model, ledger, log } = parts;
  const store = new RunStore(parts.dataDir, config.runId);
  const strategy = createStrategy(config.strategy, { serverLearningRate: config.serverLearningRate });
  const { state, weights: resumed } = await openRun(parts, store);
  // FedAvgM's velocity and FedOpt's moments go on from the checkpoint, as if the run never stopped.
  strategy.restore(await store.readStrategyState(state.checkpointRound));
  let weights = resumed;
  const privacy = new PrivacyTracker(config, state.privacySteps);
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
      await finish(parts, state, store, `only ${available.length} agencies connected; ${config.selection.min} needed`);
      break;
    }
    const round = state.lastRound + 1;
    state.lastRound = round;
    const record = await runOneRound(parts, store, strategy, privacy, state, round, available, weights);
    weights = record.weights;
    state.history.push(record.record);
    state.privacySteps = privacy.steps;
    if (record.record.status === 'ok') {
      state.completedRounds++;
      state.checkpointRound = round;
    }
    await store.writeState(state);
    parts.events?.onRoundEnd?.(record.record);
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
  if (state.status !== 'finished') state.status = 'running';
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

async function runOneRound(parts: FederationParts, store: RunStore, strategy: Strategy, privacy: PrivacyTracker,
  state: RunState, round: number, available: string[], weights: Float32Array) {
  const { config, ledger, log } = parts;
  const started = performance.now();
  const cohortIds = selectCohort(available, config.selection, String(config.seed), round);
  const members = cohortIds.map((id) => parts.sessions.get(id)).filter((s): s is AgencySession => !!s && !s.closed);
  parts.events?.onRoundStart?.(round, cohortIds);
  parts.router.beginRound(round);
  const ctx: RoundContext = {
    router: parts.router,
    sessions: parts.sessions,
    signal: parts.signal,
    onStage: (stage, done, total) => parts.events?.onStage?.(round, stage, done, total),
  };
  const plan: RoundPlan = {
    runId: config.runId,
    round,
    purpose: config.purpose,
    architecture: parts.model.architecture,
    modelFingerprint: parts.model.fingerprint,
    topology: parts.model.topology,
    weights,
    train: config.train,
    dp: privacy.dpConfigFor(),
    secagg: config.secagg.enabled ? secAggConfigFor(config, members.length) : undefined,
    weightCap: config.weightCap,
    minCohort: config.minCohort,
    deadlines: config.deadlines,
  };
  const outcome = await offerRound(ctx, plan, members);
  for (const [agency, why] of outcome.declined) {
    log.warn({ agency, code: why.code }, `agency declined round ${round}: ${why.reason}`);
    await ledger.append('refusal', { runId: config.runId, round, agency, code: why.code, reason: why.reason });
  }
  const accepted = [...outcome.accepted.keys()].sort();
  const bySession = new Map(members.map((s) => [s.agency, s]));
  const record: RoundRecord = { round, status: 'abandoned', contributors: 0, dropped: 0, declined: outcome.declined.size, seconds: 0 };
  const close = async (status: 'ok' | 'abandoned', reason?: string) => {
    record.status = status;
    if (reason) record.reason = reason;
    await ledger.append('round_closed', { runId: config.runId, round, status, ...(reason ? { reason } : {}) });
    parts.router.endRound();
  };

  if (accepted.length < config.minCohort) {
    // The round never opened: its number is skipped, and the ledger says why.
    record.reason = `only ${accepted.length} agencies accepted; the minimum is ${config.minCohort}`;
    await ledger.append('note', { text: `run ${config.runId} round ${round} not opened: ${record.reason}` });
    parts.router.endRound();
    return { record: finishRecord(record, started), weights };
  }
  await recordJoins(parts, state, outcome.accepted, bySession);
  await ledger.append('round_opened', {
    runId: config.runId, round, minCohort: config.minCohort,
    cohort: accepted.map((agency) => ({ agency, identityKey: toHex(bySession.get(agency)!.identityKey) })),
    ...(plan.secagg ? { secagg: { threshold: plan.secagg.threshold!, degree: plan.secagg.degree! } } : {}),
  });

  const result = plan.secagg
    ? await secureAggregate(ctx, plan, members, outcome.accepted)
    : await plainAggregate(ctx, plan, accepted);
  const commitmentEntries = new Map<string, LedgerEntry>();
  // Commitments were checked on arrival (round.ts checkedCommitment), before their input joined the sum.
  for (const [agency, commitment] of result.commitments) {
    commitmentEntries.set(agency, await ledger.append('commitment', {
      runId: config.runId, round, agency, maskedInputSha256: commitment.hash, clientSignature: toHex(commitment.signature),
    }));
  }
  for (const [agency, reason] of result.dropped) {
    log.warn({ agency, round }, `left out of the round: ${reason}`);
    await ledger.append('dropout', { runId: config.runId, round, agency, stage: result.dropStage.get(agency) ?? 'masked_input' });
  }
  record.dropped = result.dropped.size;
  if (result.dropped.size) record.dropouts = Object.fromEntries([...result.dropped].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (result.unmasking) await ledger.append('unmasking', { runId: config.runId, round, ...result.unmasking });

  if (!result.sum) {
    await close('abandoned', result.reason ?? 'too few updates');
    await sendReceipts(parts, round, commitmentEntries, bySession, 'abandoned', result.reason);
    return { record: finishRecord(record, started), weights };
  }
  record.contributors = result.contributors.length;
  if (result.trainLoss !== undefined) record.trainLoss = result.trainLoss;
  await ledger.append('aggregate', { runId: config.runId, round, aggregateSha256: result.aggregateSha256!, inputs: result.contributors.length });

  const meanDelta = privacy.mean(result.sum.weighted, result.sum.totalWeight);
  const next = strategy.apply(weights, meanDelta);
  await parts.model.save(store.checkpointDir(round), next);
  await store.writeStrategyState(round, strategy.state());
  await ledger.append('model_updated', { runId: config.runId, round, modelSha256: sha256Hex(encodeFloat32LE(next)) });
  const spent = privacy.recordRound();
  if (spent) {
    record.epsilon = spent.epsilon;
    await ledger.append('privacy_spent', { runId: config.runId, round, ...spent });
  }
  if (parts.model.evaluate) Object.assign(record, await parts.model.evaluate(next));
  await close('ok');
  await sendReceipts(parts, round, commitmentEntries, bySession, 'ok', undefined, record);
  await store.pruneCheckpoints(CHECKPOINTS_KEPT);
  return { record: finishRecord(record, started), weights: next };
}

async function recordJoins(parts: FederationParts, state: RunState,
  accepted: Map<string, { dataset?: { sha256?: string | null; schema?: string | null; rows?: number | null; license?: string | null } | null }>,
  sessions: Map<string, AgencySession>): Promise<void> {
  for (const [agency, answer] of accepted) {
    if (state.joined.includes(agency) || !answer.dataset?.sha256) continue;
    state.joined.push(agency);
    await parts.ledger.append('agency_joined', {
      runId: parts.config.runId, agency, identityKey: toHex(sessions.get(agency)!.identityKey),
      dataset: joinedDataset(answer.dataset),
    });
  }
}

async function sendReceipts(parts: FederationParts, round: number, entries: Map<string, LedgerEntry>,
  sessions: Map<string, AgencySession>, status: 'ok' | 'abandoned', reason?: string, record?: RoundRecord): Promise<void> {
  for (const [agency, session] of sessions) {
    const entry = entries.get(agency);
    const receipt = entry ? issueReceipt(entry, parts.identity) : undefined;
    session.send({
      roundReceipt: {
        runId: parts.config.runId, round, status: entry ? status : 'excluded', reason: reason ?? '',
        receiptJson: receipt ? JSON.stringify(receipt) : '',
        globalLoss: record?.loss ?? 0, globalAccuracy: record?.accuracy ?? 0,
      },
    }, round, Stage.STAGE_RESULT);
  }
}

function finishRecord(record: RoundRecord, started: number): RoundRecord {
  record.seconds = Math.round((performance.now() - started)) / 1000;
  return record;
}
