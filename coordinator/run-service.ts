// The run service (`cohort serve`): one long-lived coordinator that holds the agencies'
// connections and takes runs from operators. Runs are submitted, paused, resumed and stopped by
// enrolled operators' signed requests (http/operator-auth.ts), each recorded in the ledger with
// the operator's identity before it takes effect; they run one at a time, in the order submitted,
// each through runFederation (coordinator.run), which resumes a run from its folder and the
// ledger. What the service shows and schedules is its book (run-book.ts), folded from the ledger
// alone: restarted, it resumes the run that was running and keeps the queue.
//
// Every decision that depends on what the ledger holds (may this run be stopped? which run is
// next?) is taken in the ledger's turn (LedgerWriter.appendInTurn/inTurn): no entry can slip
// between the check and the write. A crash between any two writes leaves a ledger the book
// resumes from: a submission is its config on disk (runs/<id>/submitted.json, written first)
// and then its ledger entry; a stop is its entry, then run_finished, written again at restart
// if it was not.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Identity } from '../identity/keys.js';
import type { EntryBody, EntryType, LedgerEntry } from '../ledger/entries.js';
import { actionPath, type OperatorActionName } from '../ledger/operator-request.js';
import { issueReceipt } from '../ledger/receipt.js';
import { LIFECYCLE_TYPES } from '../ledger/run-lifecycle.js';
import type { WriterOptions } from '../ledger/writer.js';
import type { Dataset } from '../ml/dataset.js';
import { fileExists } from '../storage/atomic.js';
import type { Enrolment } from './enrolment.js';
import type { FederationResult } from './federation.js';
import type { GlobalModel } from './global-model.js';
import { chosenRound, NoModelError } from './model-choice.js';
import { HttpError } from './http/errors.js';
import { OperatorAuth, type OperatorRequest } from './http/operator-auth.js';
import { checkApiHost, startServiceApi } from './http/service-api.js';
import type { HttpShell } from './http/shell.js';
import { SseHub } from './http/sse.js';
import type { Limits } from './limits.js';
import { parseRunConfig, type RunConfig } from './run-config.js';
import { RunBook, type BookedRun } from './run-book.js';
import { logLine, readLedger, runOfEntry, type LogLine } from './run-log.js';
import type { FederationEvents } from './run-parts.js';
import { RunProgress } from './run-progress.js';
import { checkModel, parseSubmission } from './run-submission.js';
import { RunStore, type RoundRecord } from './run-store.js';
import { startCoordinator, type Coordinator } from './service.js';
import type { Roster } from '../identity/roster.js';
import { modelSpecOf, tfGlobalModel, type HeldOut } from './tf-model.js';

const ENDED = new Set(['finished', 'failed', 'stopped']);

export interface RunServiceOptions {
  dataDir: string;
  identity: Identity;
  agencies: Enrolment;
  /** The federation's signed roster (identity/roster.ts): only its members are admitted, and every offer carries it. */
  roster?: Roster;
  operators: Enrolment;
  host: string;
  port: number;
  limits: Limits;
  log: Logger;
  tls?: { cert: string | Buffer; key: string | Buffer };
  allowPlainRemote?: boolean;
  /** The API and dashboard, on loopback (port 0: any free one). */
  http: { host: string; port: number };
  /** Held-out MNIST digits: each round of a run on an MNIST model is evaluated on them. */
  heldOut?: Dataset;
  /** The coordinator's own held-out set for a run, when it has one (the demo's comparison; tabular runs encode theirs with the federation's statistics). */
  heldOutFor?: (config: RunConfig) => HeldOut | undefined;
  /** In-process followers of every run: the terminal of `cohort serve`, the demo. */
  watch?: ServiceWatch;
  /** The ledger writer's options (the crash tests' fault hooks). */
  ledger?: WriterOptions;
}

export interface ServiceWatch {
  /** A run was submitted, began, paused, resumed, opened or closed a round, or ended. */
  onStatus?(run: BookedRun): void;
  /** The events of a run while it runs. */
  runEvents?(config: RunConfig): FederationEvents | undefined;
}

/** What a run's page shows: the book's record, the config, the rounds, the agencies, the ledger. */
export interface RunDetails extends BookedRun {
  config: RunConfig | null;
  /** The round the run is at, and its stage while it runs. */
  round: number;
  stage: { round: number; stage: string; done: number; total: number } | null;
  history: RoundRecord[];
  agencies: Array<BookedRun['agencies'][number] & { connected: boolean }>;
  ledger: { path: string; coordinatorKey: string; entries: number; lastSeq: number; head: { seq: number; hash: string } | null; endRecorded: boolean; endReceipt: boolean };
}

/** The model files of a run's checkpoint, for `cohort run export`. */
export interface ModelExport {
  runId: string;
  round: number;
  modelJson: { weightsManifest: Array<{ paths: string[] }> } & Record<string, unknown>;
  weights: { path: string; base64: string };
}

/** The run being executed, from when it is picked until it has ended here. */
class ActiveRun {
  started = false;
  readonly begun: Promise<void>;
  readonly settled: Promise<void>;
  private markBegun!: () => void;
  private markSettled!: () => void;

  constructor(readonly runId: string) {
    this.begun = new Promise((resolve) => { this.markBegun = resolve; });
    this.settled = new Promise((resolve) => { this.markSettled = resolve; });
  }

  /** The run is open (created or resumed in the ledger, its control in place). */
  begin(): void {
    this.started = true;
    this.markBegun();
  }

  settle(): void {
    this.markBegun();
    this.markSettled();
  }
}

/** Thrown in the ledger's turn when the run asked about is being picked up: wait until it has begun. */
class NotYet extends Error {}
const SKIP = Symbol('skip');

export class RunService {
  readonly book = new RunBook();
  readonly hub = new SseHub();
  private coordinator!: Coordinator;
  private api!: HttpShell;
  private active?: ActiveRun;
  private closing = false;
  private readonly shutdown = new AbortController();
  private submits: Promise<unknown> = Promise.resolve();
  private reloadTimer?: NodeJS.Timeout;
  private readonly waiters = new Map<string, Array<(run: BookedRun) => void>>();
  private lastStage = { key: '', at: 0 };

  private constructor(private readonly options: RunServiceOptions) {}

  static async start(options: RunServiceOptions): Promise<RunService> {
    checkApiHost(options.http.host);
    const service = new RunService(options);
    service.coordinator = await startCoordinator({
      dataDir: options.dataDir, identity: options.identity, admission: options.agencies, host: options.host, port: options.port,
      limits: options.limits, log: options.log, tls: options.tls, allowPlainRemote: options.allowPlainRemote,
      ...(options.roster ? { roster: options.roster } : {}), ...(options.ledger ? { ledger: options.ledger } : {}),
    });
    try {
      // The book: the ledger on disk folded in, then each entry as it is written.
      let live = false;
      await service.coordinator.ledger.follow((entry) => (live ? service.onEntry(entry) : service.book.apply(entry)));
      live = true;
      service.api = await startServiceApi(service, { ...options.http, log: options.log, auth: new OperatorAuth(options.operators) });
    } catch (err) {
      await service.coordinator.close();
      throw err;
    }
    // Agencies enrolled while the service runs (`cohort enroll add`) may connect without a restart.
    service.reloadTimer = setInterval(() => {
      options.agencies.reloadIfChanged().catch((err: Error) => options.log.error({ err: err.message }, 'cannot reread the enrolment'));
    }, 2_000).unref();
    service.pump();
    return service;
  }

  /** The WebSocket URL agencies connect to. */
  get url(): string {
    return this.coordinator.url;
  }

  /** The API and dashboard. */
  get apiUrl(): string {
    return this.api.url;
  }

  get ledgerPath(): string {
    return this.coordinator.ledgerPath;
  }

  /** Agencies connected now, sorted. */
  connected(): string[] {
    return [...this.coordinator.transport.sessions.values()].filter((s) => !s.closed).map((s) => s.agency).sort();
  }

  list(): BookedRun[] {
    return this.book.list();
  }

  /** Resolves once the run has ended (finished, failed or stopped). */
  whenEnded(runId: string): Promise<BookedRun> {
    const run = this.book.get(runId);
    if (run && ENDED.has(run.status)) return Promise.resolve(run);
    return new Promise((resolve) => this.waiters.set(runId, [...(this.waiters.get(runId) ?? []), resolve]));
  }

  /** Queues the run config in `body` (JSON): checked, kept on disk, then recorded with its operator. */
  submit(request: OperatorRequest, body: Uint8Array): Promise<BookedRun> {
    const result = this.submits.then(() => this.submitNow(request, body));
    this.submits = result.catch(() => undefined);
    return result;
  }

  /** Pauses, resumes or stops a run, once the ledger has the operator's request. */
  async act(request: OperatorRequest, runId: string, action: Exclude<OperatorActionName, 'submit'>): Promise<BookedRun> {
    if (!this.book.get(runId)) throw new HttpError(404, 'NO_SUCH_RUN', `no run "${runId}" on this service (cohort run list shows them)`);
    checkPath(request, action, runId);
    for (;;) {
      const active = this.active;
      if (active?.runId === runId && !active.started) await active.begun;
      try {
        await this.coordinator.ledger.appendInTurn('operator_action', () => {
          if (this.active?.runId === runId && !this.active.started) throw new NotYet();
          const step = this.book.check(runId, action, request.operator);
          if (!step.ok) throw new HttpError(409, 'NOT_NOW', step.problem);
          return actionEntry(request, runId, action);
        });
        break;
      } catch (err) {
        if (!(err instanceof NotYet)) throw err;
      }
    }
    this.options.log.info({ runId, action, operator: request.operator }, `operator asked to ${action} the run`);
    if (this.active?.runId === runId) this.coordinator.monitor.control?.[action]();
    return this.book.get(runId)!;
  }

  async details(runId: string): Promise<RunDetails> {
    const run = this.book.get(runId);
    if (!run) throw new HttpError(404, 'NO_SUCH_RUN', `no run "${runId}" on this service (cohort run list shows them)`);
    const store = new RunStore(this.options.dataDir, runId);
    const live = this.active?.runId === runId && this.active.started ? this.coordinator.monitor.status() : undefined;
    // Round records (loss, accuracy, time) are a view the run keeps beside its checkpoints.
    const records = live ? [] : [...(await store.readRoundRecords()).values()].sort((a, b) => a.round - b.round);
    const connected = new Set(this.connected());
    const agencies = run.agencies.map((a) => ({ ...a, connected: connected.has(a.agency), ...(connected.has(a.agency) ? { lastSeen: new Date().toISOString() } : {}) }));
    if (live) for (const agency of connected) if (!run.agencies.some((a) => a.agency === agency)) agencies.push({ agency, joinedAt: null, lastSeen: new Date().toISOString(), declined: null, connected: true });
    return {
      ...run,
      config: await this.configOf(run).catch(() => null),
      round: live?.round ?? run.lastRound,
      stage: live?.stage ?? null,
      history: live?.history ?? records,
      agencies: agencies.sort((a, b) => (a.agency < b.agency ? -1 : 1)),
      ledger: {
        path: this.ledgerPath, coordinatorKey: Buffer.from(this.options.identity.publicKey).toString('hex'),
        entries: run.entries, lastSeq: run.lastSeq, head: this.coordinator.ledger.head,
        endRecorded: run.endedAt !== null, endReceipt: await fileExists(join(store.runDir, 'receipts.jsonl')),
      },
    };
  }

  /** The run's log: its ledger entries after `after` (a seq), each in a line. */
  async log(runId: string, after = -1): Promise<{ lines: LogLine[]; status: string }> {
    const run = this.book.get(runId);
    if (!run) throw new HttpError(404, 'NO_SUCH_RUN', `no run "${runId}" on this service (cohort run list shows them)`);
    const entries = run.lastSeq > after ? await readLedger(this.ledgerPath) : [];
    return { lines: entries.filter((e) => e.seq > after && runOfEntry(e) === runId).map(logLine), status: run.status };
  }

  /** The model of the run's newest checkpoint (or of `round`, or the best validated one). */
  async model(runId: string, round?: number, best = false): Promise<ModelExport> {
    const store = new RunStore(this.options.dataDir, runId);
    const run = this.book.get(runId);
    if (!run || run.startedAt === null) throw new HttpError(404, 'NO_MODEL', `run "${runId}" has no model on this service (it has not begun)`);
    // Which checkpoint that is, the newest closed ok or the best validated, is the ledger's to say (model-choice.ts).
    const progress = await RunProgress.read(this.ledgerPath, runId);
    const at = noModelIs409(() => chosenRound(progress, runId, { round, best }));
    const dir = store.checkpointDir(at);
    const modelJson = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8').catch(() => {
      throw new HttpError(404, 'NO_MODEL', `run ${runId} has no checkpoint for round ${at} (the newest 3 are kept)`);
    })) as ModelExport['modelJson'];
    const path = modelJson.weightsManifest?.[0]?.paths?.[0] ?? '';
    if (!/^weights\.[0-9a-f]{16}\.bin$/.test(path)) throw new HttpError(500, 'BAD_CHECKPOINT', `the checkpoint of round ${at} names an unexpected weights file`);
    return { runId, round: at, modelJson, weights: { path, base64: (await readFile(join(dir, path))).toString('base64') } };
  }

  /** Stops taking runs; the run under way stops where it is and resumes when the service starts again. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.reloadTimer);
    this.shutdown.abort();
    await this.active?.settled;
    this.hub.close();
    await this.api.close();
    await this.coordinator.close();
  }

  private async submitNow(request: OperatorRequest, body: Uint8Array): Promise<BookedRun> {
    const config = parseSubmission(body);
    checkPath(request, 'submit', config.runId);
    if (this.book.has(config.runId)) {
      throw new HttpError(409, 'RUN_EXISTS', `a run "${config.runId}" already exists on this service (ids are compared ignoring case): give the new run another --run-id`);
    }
    await checkModel(config, this.options.limits);
    // The config first, then the ledger: a crash between them leaves a file no entry names, which the next submission replaces.
    await new RunStore(this.options.dataDir, config.runId).keepSubmitted(body);
    await this.coordinator.ledger.appendInTurn('operator_action', () => {
      if (this.book.has(config.runId)) throw new HttpError(409, 'RUN_EXISTS', `a run "${config.runId}" already exists on this service`);
      return actionEntry(request, config.runId, 'submit');
    });
    this.options.log.info({ runId: config.runId, operator: request.operator }, 'run submitted');
    this.pump();
    return this.book.get(config.runId)!;
  }

  /** Each ledger entry as it is written: into the book, to the event streams, to the watchers. */
  private onEntry(entry: LedgerEntry): void {
    this.book.apply(entry);
    const runId = runOfEntry(entry);
    if (runId === undefined) return;
    this.hub.broadcast('log', { runId, line: logLine(entry) });
    if (LIFECYCLE_TYPES.has(entry.type) || entry.type === 'round_opened' || entry.type === 'round_closed') this.notify(runId);
  }

  private notify(runId: string): void {
    const run = this.book.get(runId);
    if (!run) return;
    this.hub.broadcast('run', run);
    this.options.watch?.onStatus?.(run);
    if (!ENDED.has(run.status)) return;
    for (const resolve of this.waiters.get(runId) ?? []) resolve(run);
    this.waiters.delete(runId);
  }

  /** Starts the next run if none is under way: picked in the ledger's turn, so a stop cannot race it. */
  private pump(): void {
    if (this.closing || this.active) return;
    this.coordinator.ledger.inTurn(() => {
      const next = this.closing || this.active ? undefined : this.book.next();
      if (next) this.active = new ActiveRun(next.runId);
      return next && this.active;
    }).then((active) => {
      if (active) void this.execute(active);
    }).catch((err: Error) => this.options.log.error({ err: err.message }, 'cannot pick the next run'));
  }

  private async execute(active: ActiveRun): Promise<void> {
    const { runId } = active;
    const { log } = this.options;
    let model: GlobalModel | undefined;
    try {
      const booked = this.book.get(runId)!;
      // A stop recorded before a restart: the run ends without going on.
      if (booked.stoppedBy !== null) return await this.endStopped(runId);
      const config = await this.configOf(booked);
      model = await this.modelFor(config);
      log.info({ runId }, booked.startedAt ? 'resuming run' : 'starting run');
      const result = await this.coordinator.run(config, model, this.eventsOf(active, config), this.shutdown.signal);
      await this.afterRun(runId, result);
    } catch (err) {
      log.error({ runId, err: (err as Error).message }, 'run failed');
      if (!this.closing) await this.fail(runId, (err as Error).message).catch((e: Error) => log.error({ runId, err: e.message }, 'cannot record the failure'));
    } finally {
      model?.dispose?.();
      this.active = undefined;
      active.settle();
      this.pump();
    }
  }

  /** How a run that returned ends here: a stop is recorded, a run its agencies declined fails, a shutdown leaves it to resume. */
  private async afterRun(runId: string, result: FederationResult): Promise<void> {
    if (result.state.status !== 'stopped') return; // finished: runFederation recorded it
    if (this.book.get(runId)!.stoppedBy !== null) return this.endStopped(runId);
    if (this.closing) return;
    await this.fail(runId, result.state.finishedReason ?? 'the run stopped');
  }

  private async endStopped(runId: string): Promise<void> {
    await this.closeOpenRound(runId, 'the run was stopped');
    const entry = await this.appendIf('run_finished', () => {
      const run = this.book.get(runId);
      return run && !run.endedAt ? { runId, rounds: run.roundsOpened, reason: `stopped by ${run.stoppedBy}` } : null;
    });
    // The ML team's receipt for the run's end, as runFederation keeps one for a run that finished.
    if (entry) await new RunStore(this.options.dataDir, runId).keepReceipt(issueReceipt(entry, this.options.identity));
  }

  private async fail(runId: string, why: string): Promise<void> {
    const reason = why.slice(0, 1000) || 'the run failed';
    await this.closeOpenRound(runId, `the run failed: ${reason}`.slice(0, 1000));
    await this.appendIf('run_failed', () => {
      const run = this.book.get(runId);
      return run && !run.endedAt ? { runId, reason } : null;
    });
  }

  private async closeOpenRound(runId: string, reason: string): Promise<void> {
    await this.appendIf('round_closed', () => {
      const round = this.book.get(runId)?.openRound;
      return round ? { runId, round, status: 'abandoned', reason } : null;
    });
  }

  /** An entry written only if `decide`, in the ledger's turn, gives a body for it. */
  private async appendIf<T extends EntryType>(type: T, decide: () => EntryBody<T> | null): Promise<LedgerEntry<T> | null> {
    try {
      return await this.coordinator.ledger.appendInTurn(type, () => {
        const body = decide();
        if (body === null) throw SKIP;
        return body;
      });
    } catch (err) {
      if (err === SKIP) return null;
      throw err;
    }
  }

  /** The run's config: as submitted (checked against the hash in the ledger), or as `cohort coordinator` kept it. */
  private async configOf(run: BookedRun): Promise<RunConfig> {
    const store = new RunStore(this.options.dataDir, run.runId);
    if (run.configSha256 === null) {
      const kept = await store.readConfig();
      if (!kept) throw new Error(`run ${run.runId} has no run.json in ${store.runDir}`);
      return parseRunConfig(kept);
    }
    return store.readSubmitted(run.configSha256);
  }

  private async modelFor(config: RunConfig): Promise<GlobalModel> {
    const mnist = config.model === 'mnist-2nn' || config.model === 'mnist-cnn';
    return tfGlobalModel(await modelSpecOf(config), config.seed, this.options.heldOutFor?.(config) ?? (mnist ? this.options.heldOut : undefined));
  }

  /** The run's events: to the event streams (with its id) and to the in-process watchers. */
  private eventsOf(active: ActiveRun, config: RunConfig): FederationEvents {
    const { runId } = active;
    const watched = this.options.watch?.runEvents?.(config);
    return {
      onRunStart: (state) => {
        active.begin();
        // Paused when the service stopped: it stays paused until an operator resumes it.
        if (this.book.life(runId)?.paused) this.coordinator.monitor.control?.pause();
        watched?.onRunStart?.(state);
      },
      onRoundStart: (round, cohort) => {
        this.hub.broadcast('round-start', { runId, round, cohort });
        watched?.onRoundStart?.(round, cohort);
      },
      onStage: (round, stage, done, total) => {
        watched?.onStage?.(round, stage, done, total);
        // At most one update per stage every quarter second, and always its completion.
        const key = `${runId}:${round}:${stage}`;
        if (key === this.lastStage.key && done < total && Date.now() - this.lastStage.at < 250) return;
        this.lastStage = { key, at: Date.now() };
        this.hub.broadcast('stage', { runId, round, stage, done, total });
      },
      onRoundEnd: (record) => {
        this.hub.broadcast('round-end', { runId, record });
        watched?.onRoundEnd?.(record);
      },
    };
  }
}

/** The request was sent to the path its action names: the ledger keeps it, and the auditor checks it. */
function checkPath(request: OperatorRequest, action: OperatorActionName, runId: string): void {
  const path = actionPath(action, runId);
  if (request.path !== path) throw new HttpError(400, 'WRONG_PATH', `a ${action} of run ${runId} is sent to ${path}, not ${request.path}`);
}

function actionEntry(request: OperatorRequest, runId: string, action: OperatorActionName): EntryBody<'operator_action'> {
  return {
    runId, action, operator: request.operator, operatorKey: request.operatorKey,
    request: { method: 'POST', path: request.path, bodySha256: request.bodySha256, timestamp: request.timestamp, nonce: request.nonce, signature: request.signature },
  };
}

/** A run with no model to export as asked conflicts with what its ledger holds; asking for it two ways is a bad request. */
function noModelIs409<T>(choose: () => T): T {
  try {
    return choose();
  } catch (err) {
    if (err instanceof NoModelError) throw new HttpError(409, 'NO_MODEL', err.message);
    throw err instanceof RangeError ? new HttpError(400, 'BAD_QUERY', err.message) : err;
  }
}
