// The verifier's run rules (docs/LEDGER.md, section 6, "Run rules"): what each signed,
// well-formed entry may say given the entries before it. One rule per entry type; the order of a
// round's entries is ledger/round-order.ts, the same table the coordinator writes by.
import { fromHex } from '../identity/keys.js';
import { commitmentTranscript, type RecordSpend, type EntryBodies, type EntryType, type LedgerEntry, type RunCreated } from '../ledger/entries.js';
import { epsilonAfter } from '../privacy/accountant.js';
import { nextStep, type RoundEntryType, type RoundKind, type RoundStep } from '../ledger/round-order.js';
import { validationProblem } from './metrics-rules.js';
import { consistencyQuorum, consistencyTranscript } from '../secagg/consistency.js';
import { lifeAfter, type LifecycleEntry, type RunLife } from '../ledger/run-lifecycle.js';
import { actionPath, verifyOperatorRequest } from '../ledger/operator-request.js';
import type { VerifyCode } from './verify.js';

export type Problem = { code: VerifyCode; message: string };
export type VerifySignature = (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;

interface RoundState {
  readonly round: number;
  readonly kind: RoundKind;
  readonly cohort: ReadonlyMap<string, Uint8Array>;
  /** The round's SecAgg+ parameters; null when the run aggregates in the clear. */
  readonly secagg: { readonly threshold: number; readonly degree: number; readonly offered: number } | null;
  /** The offer every commitment and consistency signature of the round must name. */
  readonly offerSha256: string;
  readonly committed: Set<string>;
  readonly dropped: Map<string, EntryBodies['dropout']['stage']>;
  unmasking: EntryBodies['unmasking'] | null;
  /** The aggregate's input count, once recorded. */
  inputs: number | null;
  /** The model this round made (model_updated), once recorded. */
  model: string | null;
  step: RoundStep;
}

export interface RunState {
  readonly params: RunCreated;
  readonly createdAtLine: number;
  readonly joined: Map<string, string>;
  finishReason: string | null;
  lastRound: number;
  roundsOpened: number;
  open: RoundState | null;
  roundsOk: number;
  roundsAbandoned: number;
  dropouts: number;
  /** Rounds whose aggregate is recorded: each is one step of the run's privacy accounting. */
  aggregated: number;
  /** The run's epsilon after its aggregated rounds, recomputed with the accountant; null without DP or before any. */
  epsilon: number | null;
  delta: number | null;
  /** Refusals counted by agency and code. */
  refusals: Map<string, { agency: string; code: string; rounds: number }>;
  /** Record-level DP runs: each agency's latest signed record-level spend. */
  recordSpend: Map<string, RecordSpend>;
  /** The run's current model: the initial one, then that of the last round closed ok that made one. */
  model: string;
  /** The validation metrics recorded, in order. */
  validation: ValidationRecord[];
}

/** One model's federated validation, as a metrics entry records it. */
export interface ValidationRecord {
  /** The round whose metrics entry it is; the model is the one that round offered. */
  readonly round: number;
  readonly modelSha256: string;
  readonly examples: number;
  /** Mean loss per validation example. */
  readonly loss: number;
  /** Classification: the share of validation examples predicted right; null for regression. */
  readonly accuracy: number | null;
}

export interface RunReport {
  readonly runId: string;
  readonly status: 'running' | 'finished';
  readonly finishReason: string | null;
  /** Rounds opened so far (a round number skipped before opening is not one), and how they closed. */
  readonly rounds: number;
  readonly roundsOk: number;
  readonly roundsAbandoned: number;
  /** Agencies that joined the run, sorted. */
  readonly agencies: readonly string[];
  readonly dropouts: number;
  /**
   * The run's epsilon (and its delta) after every round whose aggregate is recorded, recomputed
   * with the accountant: each privacy_spent must have said the same at its point. Null when the
   * run spent none.
   */
  readonly epsilon: number | null;
  readonly delta: number | null;
  /** Rounds each agency declined, by its code (refusal entries), sorted by agency then code. */
  readonly refusals: readonly { readonly agency: string; readonly code: string; readonly rounds: number }[];
  /** Record-level DP runs: each agency's last signed record-level epsilon (across its runs) and declared budget, sorted by agency. */
  readonly recordSpend?: readonly ({ readonly agency: string } & RecordSpend)[];
  /** The federated validation of each model the agencies evaluated, in order (metrics entries). */
  readonly validation: readonly ValidationRecord[];
  /** The validation with the lowest mean loss (the earliest of equals); null when none was recorded. */
  readonly best: ValidationRecord | null;
}

/** What a rule sees besides its entry. */
interface Context {
  readonly runs: Map<string, RunState>;
  readonly line: number;
  readonly verifySignature: VerifySignature;
  readonly service: ServiceState;
}

/** What the run service's entries need remembered: each run's life, and the operators' request nonces seen. */
export interface ServiceState {
  readonly lives: Map<string, RunLife>;
  readonly nonces: Set<string>;
}

export function newServiceState(): ServiceState {
  return { lives: new Map(), nonces: new Set() };
}

type Rule<T extends EntryType> = (ctx: Context, body: EntryBodies[T]) => Problem | null;
type InRound<T extends EntryType> = (at: { run: RunState; round: RoundState }, body: EntryBodies[T], ctx: Context) => Problem | null;

/** Applies one signed, well-formed entry to the runs' state; the reason it is invalid, or null. */
export function applyEntry(runs: Map<string, RunState>, entry: LedgerEntry, line: number, verifySignature: VerifySignature,
  service: ServiceState): Problem | null {
  const rule = RULES[entry.type] as Rule<EntryType>;
  return rule({ runs, line, verifySignature, service }, entry.body);
}

const RULES: { readonly [T in EntryType]: Rule<T> } = {
  note: () => null,
  run_created: withLife('run_created', runCreated),
  agency_joined: (ctx, body) => inRun(ctx, body.runId, (run) => agencyJoined(run, body)),
  round_opened: (ctx, body) => inRun(ctx, body.runId, (run) => roundOpened(run, body)),
  commitment: roundEntry('commitment', commitment),
  dropout: roundEntry('dropout', dropout),
  unmasking: roundEntry('unmasking', unmasking),
  aggregate: roundEntry('aggregate', aggregate),
  metrics: roundEntry('metrics', metrics),
  statistics: roundEntry('statistics', () => null),
  model_updated: roundEntry('model_updated', ({ round }, body) => { round.model = body.modelSha256; return null; }),
  privacy_spent: roundEntry('privacy_spent', privacySpent),
  round_closed: roundEntry('round_closed', roundClosed),
  refusal: (ctx, body) => inRun(ctx, body.runId, (run) => refusal(run, body)),
  run_finished: withLife('run_finished', (ctx, body) => inRun(ctx, body.runId, (run) => runFinished(run, body))),
  operator_action: operatorAction,
  run_failed: withLife('run_failed', runFailed),
};

function runCreated(ctx: Context, body: EntryBodies['run_created']): Problem | null {
  const existing = ctx.runs.get(body.runId);
  if (existing !== undefined) return { code: 'PARAMS_CHANGED', message: `run ${body.runId} was already created on line ${existing.createdAtLine}; its parameters cannot be restated` };
  ctx.runs.set(body.runId, {
    params: body, createdAtLine: ctx.line, joined: new Map(), finishReason: null, lastRound: 0, roundsOpened: 0, open: null,
    roundsOk: 0, roundsAbandoned: 0, dropouts: 0, aggregated: 0, epsilon: null, delta: null, refusals: new Map(), recordSpend: new Map(),
    model: body.modelFingerprint, validation: [],
  });
  return null;
}

function refusal(run: RunState, body: EntryBodies['refusal']): Problem | null {
  if (body.round !== undefined && body.round > run.params.rounds) return { code: 'ORDER', message: `round ${body.round} is beyond the run's ${run.params.rounds} rounds` };
  const counted = run.refusals.get(`${body.agency} ${body.code}`) ?? { agency: body.agency, code: body.code, rounds: 0 };
  run.refusals.set(`${body.agency} ${body.code}`, { ...counted, rounds: counted.rounds + 1 });
  return null;
}

function agencyJoined(run: RunState, body: EntryBodies['agency_joined']): Problem | null {
  const key = run.joined.get(body.agency);
  if (key !== undefined) {
    return key === body.identityKey
      ? { code: 'ORDER', message: `agency ${body.agency} already joined` }
      : { code: 'PARAMS_CHANGED', message: `agency ${body.agency} joined again with a different identity key` };
  }
  run.joined.set(body.agency, body.identityKey);
  return null;
}

function roundOpened(run: RunState, body: EntryBodies['round_opened']): Problem | null {
  if (run.open !== null) return { code: 'ORDER', message: `round ${run.open.round} is still open` };
  // Round numbers name attempts: one that never opened (too few agencies accepted) leaves a gap.
  if (body.round <= run.lastRound) return { code: 'ORDER', message: `round ${body.round} opened after round ${run.lastRound}: rounds increase` };
  if (body.round > run.params.rounds) return { code: 'ORDER', message: `the run was created for ${run.params.rounds} rounds` };
  if (body.minCohort !== run.params.minCohort) return { code: 'PARAMS_CHANGED', message: `minCohort ${body.minCohort} differs from the run's ${run.params.minCohort}` };
  const cohort = checkedCohort(run, body.cohort);
  if (!(cohort instanceof Map)) return cohort;
  if (cohort.size < run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `cohort of ${cohort.size} is below the run's minimum of ${run.params.minCohort}` };
  const secagg = secaggProblem(run.params.secagg, body.secagg) ?? offeredProblem(body);
  if (secagg !== null) return secagg;
  run.lastRound = body.round;
  run.roundsOpened += 1;
  run.open = {
    round: body.round, kind: { secure: body.secagg !== undefined, private: run.params.dp !== null, purpose: body.kind ?? 'train' }, cohort,
    secagg: body.secagg ?? null, offerSha256: body.offerSha256, committed: new Set(), dropped: new Map(), unmasking: null, inputs: null, model: null, step: 'inputs',
  };
  return null;
}

/** The cohort's identity keys, each checked against the key its agency joined the run with. */
function checkedCohort(run: RunState, members: EntryBodies['round_opened']['cohort']): Map<string, Uint8Array> | Problem {
  const cohort = new Map<string, Uint8Array>();
  for (const { agency, identityKey } of members) {
    if (cohort.has(agency)) return { code: 'COHORT', message: `agency ${agency} is in the cohort twice` };
    const joinedKey = run.joined.get(agency);
    if (joinedKey === undefined) return { code: 'COHORT', message: `agency ${agency} is in the cohort but never joined the run` };
    if (joinedKey !== identityKey) return { code: 'COHORT', message: `agency ${agency} is in the cohort with a key other than the one it joined with` };
    cohort.set(agency, fromHex(identityKey));
  }
  return cohort;
}

function secaggProblem(fixed: RunCreated['secagg'], round: EntryBodies['round_opened']['secagg']): Problem | null {
  if ((fixed === null) !== (round === undefined)) return { code: 'PARAMS_CHANGED', message: 'the round and its run disagree on whether secure aggregation is on' };
  if (fixed && round && ((fixed.threshold !== null && round.threshold < fixed.threshold) || (fixed.degree !== null && round.degree > fixed.degree))) {
    return { code: 'PARAMS_CHANGED', message: `SecAgg threshold ${round.threshold} / degree ${round.degree} depart from the run's ${fixed.threshold} / ${fixed.degree}` };
  }
  return null;
}

/** The cohort that accepted was offered the round: at least as many were offered as accepted. */
function offeredProblem(body: EntryBodies['round_opened']): Problem | null {
  if (body.secagg === undefined || body.secagg.offered >= body.cohort.length) return null;
  return { code: 'INCONSISTENT', message: `${body.cohort.length} agencies accepted a round offered to ${body.secagg.offered}` };
}

function commitment({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['commitment'], ctx: Context): Problem | null {
  const key = round.cohort.get(body.agency);
  if (key === undefined) return { code: 'COHORT', message: `agency ${body.agency} is not in round ${body.round}'s cohort` };
  if (round.committed.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} already committed in this round` };
  if (round.dropped.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} had dropped out` };
  if (body.offerSha256 !== round.offerSha256) {
    return { code: 'OFFER_MISMATCH', message: `agency ${body.agency} committed under offer ${body.offerSha256}, not the round's ${round.offerSha256}` };
  }
  if (!ctx.verifySignature(commitmentTranscript(body.runId, body.round, body.offerSha256, body.maskedInputSha256, body.recordPrivacy), Buffer.from(body.clientSignature, 'hex'), key)) {
    return { code: 'CLIENT_SIGNATURE', message: `agency ${body.agency}'s signature over its commitment does not verify with its identity key` };
  }
  const record = recordSpendProblem(run, round, body);
  if (record) return record;
  round.committed.add(body.agency);
  return null;
}

/**
 * Record-level DP (docs/LEDGER.md, "Record-level privacy"): in a training round of a run that
 * declares it, every commitment carries the agency's signed record-level spend, within the
 * budget it declares and never below what it signed earlier in the run (a spend that goes down
 * forgot a charge); in any other round (another run, an evaluation or statistics round), none does.
 */
function recordSpendProblem(run: RunState, round: RoundState, body: EntryBodies['commitment']): Problem | null {
  const spend = body.recordPrivacy;
  if (!run.params.recordDp || (round.kind.purpose ?? 'train') !== 'train') {
    return spend ? { code: 'RECORD_SPEND', message: `agency ${body.agency} signed a record-level spend in a round that trains without record-level DP` } : null;
  }
  if (!spend) return { code: 'RECORD_SPEND', message: `agency ${body.agency}'s commitment carries no record-level spend; the run declares record-level DP` };
  if (Number(spend.epsilon) > Number(spend.budgetEpsilon)) {
    return { code: 'RECORD_BUDGET_EXCEEDED', message: `agency ${body.agency}'s record-level epsilon ${spend.epsilon} (delta ${spend.delta}) exceeds the budget it declares, epsilon ${spend.budgetEpsilon}` };
  }
  const before = run.recordSpend.get(body.agency);
  if (before && Number(spend.epsilon) < Number(before.epsilon)) {
    return { code: 'RECORD_SPEND', message: `agency ${body.agency}'s record-level epsilon fell from ${before.epsilon} to ${spend.epsilon}: a spend never goes down` };
  }
  run.recordSpend.set(body.agency, spend);
  return null;
}

function dropout({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['dropout']): Problem | null {
  if (!round.cohort.has(body.agency)) return { code: 'COHORT', message: `agency ${body.agency} is not in round ${body.round}'s cohort` };
  if (round.dropped.has(body.agency)) return { code: 'ORDER', message: `agency ${body.agency} already dropped out` };
  // A client whose masked input arrived is in the sum; it can only fail to sign the survivor set or send its shares.
  if (round.committed.has(body.agency) !== (body.stage === 'consistency' || body.stage === 'unmasking')) {
    return { code: 'INCONSISTENT', message: `agency ${body.agency} dropped at stage ${body.stage} but its masked input was ${round.committed.has(body.agency) ? '' : 'not '}committed` };
  }
  round.dropped.set(body.agency, body.stage);
  run.dropouts += 1;
  return null;
}

function unmasking({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['unmasking'], ctx: Context): Problem | null {
  if (!sameSet(body.survivors, round.committed)) return { code: 'INCONSISTENT', message: 'survivors are not exactly the agencies that committed a masked input' };
  const absent = [...round.cohort.keys()].filter((agency) => !round.committed.has(agency));
  if (!sameSet(body.dropped, new Set(absent))) return { code: 'INCONSISTENT', message: 'dropped is not exactly the cohort members without a commitment' };
  const unrecorded = absent.find((agency) => !round.dropped.has(agency));
  if (unrecorded !== undefined) return { code: 'INCONSISTENT', message: `agency ${unrecorded} is listed as dropped but no dropout entry records it` };
  const sharers = new Set(body.sharesFrom);
  if (sharers.size !== body.sharesFrom.length) return { code: 'INCONSISTENT', message: 'sharesFrom lists an agency twice' };
  const badSharer = body.sharesFrom.find((agency) => !round.committed.has(agency) || round.dropped.has(agency));
  if (badSharer !== undefined) return { code: 'INCONSISTENT', message: `agency ${badSharer} is in sharesFrom but is not a survivor that stayed to unmask` };
  if (sharers.size < round.secagg!.threshold) return { code: 'INCONSISTENT', message: `${sharers.size} agencies sent shares; the threshold is ${round.secagg!.threshold}` };
  if (body.survivors.length < run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `${body.survivors.length} surviving inputs are below the run's minimum of ${run.params.minCohort}` };
  const agreed = consistencyProblem(round, body, ctx);
  if (agreed !== null) return agreed;
  round.unmasking = body;
  return null;
}

/**
 * The consistency round (docs/LEDGER.md section 6): a quorum of the survivors signed this very
 * survivor set under the round's offer and graph seed; the others dropped out at that stage;
 * only signers revealed shares.
 */
function consistencyProblem(round: RoundState, body: EntryBodies['unmasking'], ctx: Context): Problem | null {
  const statement = {
    binding: { runId: body.runId, round: body.round, offerHash: fromHex(round.offerSha256) },
    graphSeed: fromHex(body.graphSeed), cohortSize: round.secagg!.offered, survivors: body.survivors,
  };
  const message = consistencyTranscript(statement);
  const signers = new Set<string>();
  for (const { agency, signature } of body.consistency) {
    if (!round.committed.has(agency) || signers.has(agency) || round.dropped.get(agency) === 'consistency') {
      return { code: 'INCONSISTENT', message: `agency ${agency} signed the survivor set but is not a survivor, signed twice, or is recorded as dropped before signing` };
    }
    if (!ctx.verifySignature(message, Buffer.from(signature, 'hex'), round.cohort.get(agency)!)) {
      return { code: 'CONSISTENCY_SIGNATURE', message: `agency ${agency}'s signature over the survivor set does not verify for this offer, graph seed and set` };
    }
    signers.add(agency);
  }
  const quorum = consistencyQuorum(round.secagg!.threshold, round.secagg!.offered);
  if (signers.size < quorum) return { code: 'INCONSISTENT', message: `${signers.size} survivors signed the survivor set; the quorum is ${quorum}` };
  const silent = body.survivors.find((agency) => !signers.has(agency) && round.dropped.get(agency) !== 'consistency');
  if (silent !== undefined) return { code: 'INCONSISTENT', message: `survivor ${silent} neither signed the survivor set nor dropped out at the consistency stage` };
  const unsigned = body.sharesFrom.find((agency) => !signers.has(agency));
  if (unsigned !== undefined) return { code: 'INCONSISTENT', message: `agency ${unsigned} sent shares without having signed the survivor set` };
  return null;
}

function aggregate({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['aggregate']): Problem | null {
  // In the clear, the inputs are the committed updates; under SecAgg, the unmasked survivors.
  const inputs = round.unmasking?.survivors.length ?? round.committed.size;
  if (body.inputs !== inputs) return { code: 'INCONSISTENT', message: `aggregate of ${body.inputs} inputs, but ${inputs} agencies committed inputs` };
  if (!round.kind.secure && inputs < run.params.minCohort) return { code: 'BELOW_MINIMUM', message: `${inputs} inputs are below the run's minimum of ${run.params.minCohort}` };
  round.inputs = inputs;
  // Only a training round's aggregate is the (noised) update sum the accountant counts.
  return (round.kind.purpose ?? 'train') === 'train' ? spendPrivacy(run) : null;
}

/**
 * The cohort's metrics: of the model the round offered (the run's current model), summed over
 * at most the aggregate's inputs (all of them under SecAgg: the totals ride in the masked
 * inputs), and totals that can be totals (the confusion counts add up to the examples...).
 */
function metrics({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['metrics']): Problem | null {
  if (body.modelSha256 !== run.model) return { code: 'INCONSISTENT', message: `metrics of model ${body.modelSha256}, but the round offered the run's current model ${run.model}` };
  const inputs = round.inputs ?? 0;
  if (round.kind.secure ? body.agencies !== inputs : body.agencies > inputs) {
    return { code: 'INCONSISTENT', message: `metrics summed over ${body.agencies} agencies; the aggregate has ${inputs} inputs${round.kind.secure ? ', and under SecAgg every input carries its totals' : ''}` };
  }
  const problem = body.validation ? validationProblem(body.validation) : null;
  if (problem !== null) return { code: 'INCONSISTENT', message: problem };
  if (body.validation && body.validation.examples > 0) {
    const v = body.validation;
    const correct = v.task === 'regression' ? null : diagonal(v.confusion);
    run.validation.push({ round: body.round, modelSha256: body.modelSha256, examples: v.examples, loss: v.lossSum / v.examples, accuracy: correct === null ? null : correct / v.examples });
  }
  return null;
}

function diagonal(confusion: readonly number[]): number {
  const k = Math.round(Math.sqrt(confusion.length));
  let sum = 0;
  for (let c = 0; c < k; c++) sum += confusion[c * k + c];
  return sum;
}

/**
 * A recorded aggregate is one step of the run's privacy accounting, whether or not its round
 * closes ok: the sum was unmasked. The run's epsilon after it is recomputed here with the
 * accountant (docs/LEDGER.md, "Privacy spent") and must stay within the run's budget.
 */
function spendPrivacy(run: RunState): Problem | null {
  const dp = run.params.dp;
  run.aggregated += 1;
  if (dp === null) return null;
  run.epsilon = epsilonAfter({ samplingRate: dp.samplingRate, noiseMultiplier: dp.noiseMultiplier, count: run.aggregated }, dp.targetDelta);
  run.delta = dp.targetDelta;
  if (dp.targetEpsilon !== null && !(run.epsilon <= dp.targetEpsilon)) {
    return { code: 'BUDGET_EXCEEDED', message: `${run.aggregated} aggregated rounds spend epsilon ${run.epsilon} at delta ${dp.targetDelta}, past the run's budget of ${dp.targetEpsilon}` };
  }
  return null;
}

/** Recorded and recomputed epsilon may differ by this much, relative (floating point across implementations). */
export const EPSILON_TOLERANCE = 1e-9;

function privacySpent({ run }: { run: RunState }, body: EntryBodies['privacy_spent']): Problem | null {
  const dp = run.params.dp!;
  if (body.noiseMultiplier !== dp.noiseMultiplier || body.samplingRate !== dp.samplingRate || body.delta !== dp.targetDelta) {
    return { code: 'PARAMS_CHANGED', message: 'noiseMultiplier, samplingRate or delta differs from the run\'s DP parameters' };
  }
  const expected = run.epsilon!;
  if (!(Math.abs(body.epsilon - expected) <= EPSILON_TOLERANCE * Math.max(1, expected))) {
    return { code: 'INCONSISTENT', message: `epsilon ${body.epsilon} is not what the accountant gives for the run's ${run.aggregated} aggregated rounds: ${expected}` };
  }
  return null;
}

function roundClosed({ run, round }: { run: RunState; round: RoundState }, body: EntryBodies['round_closed']): Problem | null {
  if (body.status === 'abandoned' && body.reason === undefined) return { code: 'SCHEMA', message: 'an abandoned round must give a reason' };
  if (body.status === 'ok') run.roundsOk += 1;
  else run.roundsAbandoned += 1;
  if (body.status === 'ok' && round.model !== null) run.model = round.model;
  run.open = null;
  return null;
}

function runFinished(run: RunState, body: EntryBodies['run_finished']): Problem | null {
  if (run.open !== null) return { code: 'ORDER', message: `round ${run.open.round} is still open` };
  if (body.rounds !== run.roundsOpened) return { code: 'INCONSISTENT', message: `run_finished says ${body.rounds} rounds; ${run.roundsOpened} were opened` };
  run.finishReason = body.reason;
  return null;
}

/** A rule for an entry inside an open round: the round's order is checked first, then `rule`. */
function roundEntry<T extends RoundEntryType>(type: T, rule: InRound<T>): Rule<T> {
  return (ctx, body) => {
    const run = activeRun(ctx.runs, body.runId);
    if ('code' in run) return run;
    if (run.open === null || run.open.round !== body.round) return { code: 'ORDER', message: `round ${body.round} of run ${body.runId} is not open` };
    const round = run.open;
    const order = nextStep(round.kind, round.step, type, type === 'round_closed' ? (body as EntryBodies['round_closed']).status : undefined);
    if (!order.ok) return { code: 'ORDER', message: order.problem };
    const problem = rule({ run, round }, body, ctx);
    if (problem === null) round.step = order.step;
    return problem;
  };
}

function inRun(ctx: Context, runId: string, rule: (run: RunState) => Problem | null): Problem | null {
  const run = activeRun(ctx.runs, runId);
  return 'code' in run ? run : rule(run);
}

function activeRun(runs: Map<string, RunState>, runId: string): RunState | Problem {
  const run = runs.get(runId);
  if (run === undefined) return { code: 'ORDER', message: `run ${runId} was never created` };
  if (run.finishReason !== null) return { code: 'ORDER', message: `run ${runId} has already finished` };
  return run;
}

function sameSet(list: readonly string[], set: ReadonlySet<string>): boolean {
  return list.length === set.size && new Set(list).size === list.length && list.every((item) => set.has(item));
}

export function summarize(runId: string, run: RunState): RunReport {
  return {
    runId,
    status: run.finishReason === null ? 'running' : 'finished',
    finishReason: run.finishReason,
    rounds: run.roundsOpened,
    roundsOk: run.roundsOk,
    roundsAbandoned: run.roundsAbandoned,
    agencies: [...run.joined.keys()].sort(),
    dropouts: run.dropouts,
    epsilon: run.epsilon,
    delta: run.delta,
    refusals: [...run.refusals.values()].sort((a, b) => (a.agency === b.agency ? (a.code < b.code ? -1 : 1) : a.agency < b.agency ? -1 : 1)),
    ...(run.recordSpend.size > 0 ? { recordSpend: [...run.recordSpend].sort(([a], [b]) => (a < b ? -1 : 1)).map(([agency, s]) => ({ agency, ...s })) } : {}),
    validation: run.validation.slice(),
    best: run.validation.reduce<ValidationRecord | null>((best, v) => (best === null || v.loss < best.loss ? v : best), null),
  };
}

// The run service's entries (docs/LEDGER.md, section 6, "Runs on the service"): each run's life
// follows ledger/run-lifecycle.ts, the table the service derives its runs' status from.

/** `rule`, then the run's life checked and moved on by the entry. */
function withLife<T extends 'run_created' | 'run_finished' | 'run_failed'>(type: T, rule: Rule<T>): Rule<T> {
  return (ctx, body) => rule(ctx, body) ?? moveLife(ctx, { type, body } as LifecycleEntry);
}

function moveLife(ctx: Context, entry: LifecycleEntry): Problem | null {
  const step = lifeAfter(ctx.service.lives.get(entry.body.runId), entry);
  if (!step.ok) return { code: 'ORDER', message: step.problem };
  ctx.service.lives.set(entry.body.runId, step.life);
  return null;
}

/** The request names its action and run, carries the operator's own signature, and is not a replay. */
function operatorAction(ctx: Context, body: EntryBodies['operator_action']): Problem | null {
  const { request } = body;
  const path = actionPath(body.action, body.runId);
  if (request.path !== path) return { code: 'INCONSISTENT', message: `a ${body.action} of run ${body.runId} is a request to ${path}, not ${request.path}` };
  const fields = { operator: body.operator, method: request.method, path: request.path, bodySha256: request.bodySha256, timestamp: request.timestamp, nonce: request.nonce };
  if (!verifyOperatorRequest(fields, fromHex(request.signature), fromHex(body.operatorKey), ctx.verifySignature)) {
    return { code: 'OPERATOR_SIGNATURE', message: `operator ${body.operator}'s signature over the request does not verify with the operator key recorded` };
  }
  const nonce = `${body.operator} ${request.nonce}`;
  if (ctx.service.nonces.has(nonce)) return { code: 'INCONSISTENT', message: `operator ${body.operator}'s request with nonce ${request.nonce} was already acted on: a replay` };
  ctx.service.nonces.add(nonce);
  return moveLife(ctx, { type: 'operator_action', body });
}

/** A created run ends here (no round may be open); a run that never began needs nothing more. */
function runFailed(ctx: Context, body: EntryBodies['run_failed']): Problem | null {
  const run = ctx.runs.get(body.runId);
  if (run === undefined || run.finishReason !== null) return null; // never created, or already ended: its life says which
  if (run.open !== null) return { code: 'ORDER', message: `round ${run.open.round} is still open` };
  run.finishReason = `failed: ${body.reason}`;
  return null;
}
