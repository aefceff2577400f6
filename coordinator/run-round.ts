// One round of a run, as steps: select the cohort, offer the round, open it in the ledger,
// aggregate (in the clear or with SecAgg+), apply the strategy, checkpoint, close the round and
// hand out receipts. The round's ledger entries go through ledger/round-log.ts, in the order the
// auditor's verifier checks.
import { sha256Hex } from '../bytes/digest.js';
import { toHex } from '../identity/keys.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { issueReceipt } from '../ledger/receipt.js';
import { RoundLog } from '../ledger/round-log.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { selectCohort } from './cohort.js';
import { joinedDataset, offerRound, plainAggregate, type AggregateResult, type Answer, type RoundContext, type RoundPlan } from './round.js';
import type { RunContext } from './run-parts.js';
import type { RoundRecord } from './run-store.js';
import { secAggConfigFor, secureAggregate } from './secure-round.js';
import { roundTerms } from './round-terms.js';
import { metricsFields, perAgencyMetrics, recordMetrics, statisticsOf } from './round-totals.js';
import type { RoundPurpose } from '../ledger/round-order.js';
import type { AgencySession } from './transport.js';
import type { cohort } from '../proto/messages.js';

const CHECKPOINTS_KEPT = 3;

export interface RoundDone {
  record: RoundRecord;
  /** The global model after the round: new weights when it aggregated, the same otherwise. */
  weights: Float32Array;
  /** Set when the round could not open because agencies declined it: who, with what code and why. */
  declinedBy?: ReadonlyMap<string, { code: string; reason: string }>;
}

/**
 * Round `round` of the run, doing `purpose`: training (the default), evaluating the current model
 * only, or the statistics pass of a tabular run (docs/LEDGER.md: each has its order of entries).
 */
export async function runRound(run: RunContext, round: number, available: string[], weights: Float32Array, purpose: RoundPurpose = 'train'): Promise<RoundDone> {
  const started = performance.now();
  const done = (record: RoundRecord, after: Float32Array): RoundDone => ({ record: { ...record, seconds: Math.round(performance.now() - started) / 1000 }, weights: after });
  const members = selectMembers(run, round, available);
  run.router.beginRound(round);
  try {
    const ctx = roundContext(run, round);
    const plan = await planRound(run, round, members.length, weights, purpose);
    const answers = await offerRound(ctx, plan, members);
    await recordRefusals(run, round, answers.declined);
    const record: RoundRecord = { round, ...(purpose !== 'train' ? { kind: purpose } : {}), status: 'abandoned', contributors: 0, dropped: 0, declined: answers.declined.size, seconds: 0 };
    const accepted = [...answers.accepted.keys()].sort();
    if (accepted.length < run.config.minCohort) {
      // The round never opened: its number is skipped, and the ledger says why.
      record.reason = `only ${accepted.length} agencies accepted; the minimum is ${run.config.minCohort}`;
      await run.ledger.append('note', { text: `run ${run.config.runId} round ${round} not opened: ${record.reason}` });
      return { ...done(record, weights), ...(answers.declined.size > 0 ? { declinedBy: answers.declined } : {}) };
    }
    const sessions = new Map(members.map((s) => [s.agency, s]));
    await recordJoins(run, answers.accepted, sessions);
    const log = await openRound(run, plan, accepted, sessions, { offerHash: answers.offerHash, offered: members.length });
    const result = plan.secagg ? await secureAggregate(ctx, plan, answers.offer, answers.offerHash, answers.accepted) : await plainAggregate(ctx, plan, answers.offerHash, accepted);
    const committed = await recordInputs(run, log, result, record);
    // An unmasked sum is recorded, and spends its privacy step, even when it cannot be applied.
    if (result.aggregateSha256) await log.append('aggregate', { aggregateSha256: result.aggregateSha256, inputs: result.contributors.length });
    const unusable = result.sum ? await recordTotals(run, log, plan, result, record) : result.reason ?? 'too few updates';
    if (unusable !== undefined) {
      await closeRound(log, record, 'abandoned', unusable);
      sendReceipts(run, round, committed, sessions, 'abandoned', unusable);
      return done(record, weights);
    }
    const next = purpose === 'train' ? await applyAggregate(run, log, result, weights, record) : weights;
    await closeRound(log, record, 'ok');
    sendReceipts(run, round, committed, sessions, 'ok', undefined, record);
    await run.store.pruneCheckpoints(checkpointsKept(run.progress.okRounds, run.progress.best?.modelRound));
    return done(record, next);
  } finally {
    run.router.endRound();
  }
}

/** The round's cohort among the agencies connected, by the run's seeded selection. */
function selectMembers(run: RunContext, round: number, available: string[]): AgencySession[] {
  const cohortIds = selectCohort(available, run.config.selection, String(run.config.seed), round);
  run.events?.onRoundStart?.(round, cohortIds);
  return cohortIds.map((id) => run.sessions.get(id)).filter((s): s is AgencySession => !!s && !s.closed);
}

function roundContext(run: RunContext, round: number): RoundContext {
  return {
    router: run.router,
    sessions: run.sessions,
    signal: run.signal,
    onStage: (stage, done, total) => run.events?.onStage?.(round, stage, done, total),
  };
}

/** The newest checkpoints a resume may load, and the best validated model's (cohort model export --best). */
export function checkpointsKept(okRounds: readonly number[], best: number | undefined): number[] {
  const kept = [0, ...okRounds].slice(-CHECKPOINTS_KEPT);
  return best === undefined || kept.includes(best) ? kept : [best, ...kept];
}

async function planRound(run: RunContext, round: number, cohortSize: number, weights: Float32Array, purpose: RoundPurpose): Promise<RoundPlan> {
  const { config, model, privacy, progress } = run;
  const modelRound = progress.lastOk.round;
  const terms = roundTerms(config, model, {
    purpose, modelRound, validated: progress.validations.has(modelRound), statisticsTotals: await statisticsTotals(run),
  });
  return {
    runId: config.runId,
    round,
    purpose: config.purpose,
    architecture: model.architecture,
    modelFingerprint: model.fingerprint,
    topology: model.topology,
    weights,
    train: trainFor(config, round),
    dp: privacy.dpConfigFor(),
    // Record-level DP-SGD is how a training round trains; an evaluation or statistics round trains nothing.
    ...(config.recordDp && purpose === 'train' ? { recordDp: config.recordDp } : {}),
    secagg: config.secagg.enabled ? secAggConfigFor(config, cohortSize) : undefined,
    weightCap: config.weightCap,
    minCohort: config.minCohort,
    deadlines: config.deadlines,
    ...(terms ? { terms } : {}),
    ...(run.roster ? { roster: run.roster } : {}),
  };
}

/** The offer's training config: the learning rate of this round on the run's linear schedule, if it has one. */
export function trainFor(config: Pick<RunContext['config'], 'train' | 'rounds'>, round: number): cohort.v1.ITrainConfig {
  const { finalLearningRate, ...train } = config.train;
  if (finalLearningRate === undefined) return train;
  const learningRate = train.learningRate + ((finalLearningRate - train.learningRate) * (round - 1)) / Math.max(1, config.rounds - 1);
  return { ...train, learningRate };
}

/** The totals of the run's statistics pass as canonical JSON, from the file the ledger names by hash; undefined before the pass. */
async function statisticsTotals(run: RunContext): Promise<string | undefined> {
  const named = run.progress.statistics?.totalsSha256;
  if (named === undefined) return undefined;
  if (run.tables.totals?.sha256 !== named) run.tables.totals = { sha256: named, json: await run.store.readStatistics(named) };
  return run.tables.totals.json;
}

async function recordRefusals(run: RunContext, round: number, declined: Map<string, { code: string; reason: string }>): Promise<void> {
  for (const [agency, why] of declined) {
    run.log.warn({ agency, code: why.code }, `agency declined round ${round}: ${why.reason}`);
    await run.ledger.append('refusal', { runId: run.config.runId, round, agency, code: why.code, reason: why.reason });
  }
}

/**
 * An agency's first acceptance in the run puts the fingerprint of the data it trains on in the
 * ledger; whether it joined before is the ledger's to say (RunProgress.joined), across restarts too.
 */
async function recordJoins(run: RunContext, accepted: Map<string, Answer>, sessions: Map<string, AgencySession>): Promise<void> {
  for (const [agency, answer] of accepted) {
    if (run.progress.joined.has(agency) || !answer.dataset?.sha256) continue;
    await run.ledger.append('agency_joined', {
      runId: run.config.runId, agency, identityKey: toHex(sessions.get(agency)!.identityKey),
      dataset: joinedDataset(answer.dataset),
    });
  }
}

/** round_opened: the cohort that accepted, the offer they were all sent, and (SecAgg) how many were offered it. */
function openRound(run: RunContext, plan: RoundPlan, accepted: string[], sessions: Map<string, AgencySession>,
  offer: { offerHash: Uint8Array; offered: number }): Promise<RoundLog> {
  const secagg = plan.secagg?.params;
  return RoundLog.open(run.ledger, { secure: secagg !== undefined, private: run.privacy.enabled }, {
    runId: plan.runId, round: plan.round, minCohort: plan.minCohort, offerSha256: toHex(offer.offerHash),
    cohort: accepted.map((agency) => ({ agency, identityKey: toHex(sessions.get(agency)!.identityKey) })),
    ...(secagg ? { secagg: { threshold: secagg.threshold, degree: secagg.degree, offered: offer.offered } } : {}),
    ...(plan.terms && plan.terms.purpose !== 'train' ? { kind: plan.terms.purpose } : {}),
  });
}

/** Commitments (checked on arrival, before their input joined the sum), dropouts and the unmasking; the commitment entries by agency. */
async function recordInputs(run: RunContext, log: RoundLog, result: AggregateResult, record: RoundRecord): Promise<Map<string, LedgerEntry>> {
  const committed = new Map<string, LedgerEntry>();
  for (const [agency, commitment] of result.commitments) {
    committed.set(agency, await log.append('commitment', {
      agency, offerSha256: log.offerSha256, maskedInputSha256: commitment.hash, clientSignature: toHex(commitment.signature),
      ...(commitment.recordSpend ? { recordPrivacy: commitment.recordSpend } : {}),
    }));
  }
  for (const [agency, reason] of result.dropped) {
    run.log.warn({ agency, round: log.round }, `left out of the round: ${reason}`);
    await log.append('dropout', { agency, stage: result.dropStage.get(agency) ?? 'masked_input' });
  }
  record.dropped = result.dropped.size;
  if (result.dropped.size) record.dropouts = Object.fromEntries([...result.dropped].sort(([a], [b]) => (a < b ? -1 : 1)));
  for (const text of result.notes ?? []) await run.ledger.append('note', { text: `round ${log.round}: ${text}` });
  if (result.unmasking) await log.append('unmasking', result.unmasking);
  return committed;
}

/**
 * The aggregate becomes the next model: the strategy's step, its checkpoint, and the privacy it
 * spent. The checkpoint is written before model_updated names it, so a crash between the two
 * leaves a checkpoint no ledger entry counts (the round is closed abandoned on resume). The
 * aggregate entry before it is the round's privacy step: a crash after it still counts it.
 */
async function applyAggregate(run: RunContext, log: RoundLog, result: AggregateResult, weights: Float32Array, record: RoundRecord): Promise<Float32Array> {
  const { store, strategy, privacy } = run;
  const sum = result.sum!;
  const next = strategy.apply(weights, privacy.mean(sum.weighted, sum.totalWeight));
  await run.model.save(store.checkpointDir(log.round), next);
  await store.writeStrategyState(log.round, strategy.state());
  await log.append('model_updated', { modelSha256: sha256Hex(encodeFloat32LE(next)) });
  const spent = privacy.spentSoFar();
  if (spent) {
    record.epsilon = spent.epsilon;
    await log.append('privacy_spent', spent);
  }
  if (run.model.evaluate) Object.assign(record, await run.model.evaluate(next, run.tables.totals?.json));
  return next;
}

/**
 * The round's metrics (and the agencies' own, where their policy allows), or the statistics
 * pass's totals: kept in a file named by their hash, then recorded. Returns why the sum cannot
 * be used, or undefined.
 */
async function recordTotals(run: RunContext, log: RoundLog, plan: RoundPlan, result: AggregateResult, record: RoundRecord): Promise<string | undefined> {
  record.contributors = result.contributors.length;
  const agencies = perAgencyMetrics(plan.terms, result.perAgency);
  if (agencies) record.agencies = agencies;
  if (plan.terms?.purpose === 'statistics') return recordStatistics(run, log, result);
  const offered = run.progress.lastOk;
  const fields = metricsFields(plan.terms, result, offered.modelSha256);
  if (!fields) return plan.terms?.purpose === 'evaluation' ? 'no agency\'s metrics are in the sum' : undefined;
  await log.append('metrics', fields);
  recordMetrics(record, fields, offered.round);
  return undefined;
}

async function recordStatistics(run: RunContext, log: RoundLog, result: AggregateResult): Promise<string | undefined> {
  let statistics;
  try {
    if (!result.parts?.statistics) throw new RangeError('the inputs hold no statistics');
    statistics = statisticsOf(run.config.schema!, result.parts.statistics);
  } catch (err) {
    return `the statistics cannot be used: ${(err as Error).message}`;
  }
  // The file first: a statistics entry always names totals on disk.
  await run.store.writeStatistics(statistics.json);
  await log.append('statistics', statistics.fields);
  run.tables.totals = { sha256: statistics.fields.totalsSha256, json: statistics.json };
  return undefined;
}

async function closeRound(log: RoundLog, record: RoundRecord, status: 'ok' | 'abandoned', reason?: string): Promise<void> {
  record.status = status;
  if (reason) record.reason = reason;
  await log.append('round_closed', { status, ...(reason ? { reason } : {}) });
}

/** Each cohort member hears how the round ended; a contributor gets the coordinator's receipt for its commitment. */
function sendReceipts(run: RunContext, round: number, entries: Map<string, LedgerEntry>, sessions: Map<string, AgencySession>,
  status: 'ok' | 'abandoned', reason?: string, record?: RoundRecord): void {
  for (const [agency, session] of sessions) {
    const entry = entries.get(agency);
    const receipt = entry ? issueReceipt(entry, run.identity) : undefined;
    session.send({
      roundReceipt: {
        runId: run.config.runId, round, status: entry ? status : 'excluded', reason: reason ?? '',
        receiptJson: receipt ? JSON.stringify(receipt) : '',
        globalLoss: record?.loss ?? 0, globalAccuracy: record?.accuracy ?? 0,
      },
    }, round);
  }
}
