// Randomized crashes of the run service (`cohort serve`), in-process: the real RunService (its
// coordinator, WebSocket transport, HTTP API and ledger) and the real agency client for each
// agency, over loopback, on the chaos suite's five-weight model (federation.ts). Two or three runs
// are submitted through the API with an operator's signed requests; the operator pauses, resumes
// and stops them when the ledger reaches random lengths; the service "dies" before a random ledger
// write (the writer's fault hook: it writes nothing more, and its sockets drop as a kill -9 would
// leave them) and is started again on the same data directory, while the agencies' clients keep
// running and reconnect by themselves, as deployed ones do. At the end every run must have ended
// and the ledger must keep every promise the single-run chaos suite checks, for every run.
import { setMaxListeners } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent } from '../../client/agent.js';
import { parsePolicy } from '../../client/policy.js';
import { AGENCIES, Enrolment, OPERATORS } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { RunBook } from '../../coordinator/run-book.js';
import { RunProgress } from '../../coordinator/run-progress.js';
import { RunService } from '../../coordinator/run-service.js';
import { RunStore } from '../../coordinator/run-store.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { generateIdentity, toHex, type Identity } from '../../identity/keys.js';
import { actionPath, signOperatorRequest, type OperatorActionName } from '../../ledger/operator-request.js';
import { receiptsIn } from '../helpers/receipts.js';
import type { SignedReceipt } from '../../ledger/receipt.js';
import type { PendingEntry } from '../../ledger/writer.js';
import { loadCheckpoint } from '../../ml/checkpoint.js';
import { initEngine } from '../../ml/engine.js';
import { seededRandom, type Random } from '../../ml/random.js';
import { getFlatWeights } from '../../ml/weights.js';
import { freePort } from '../helpers/in-process-cli.js';
import { call } from '../http/client.js';
import { DATA, Killed, MODEL, silent, trainer } from './federation.js';
import { violations } from './invariants.js';

export interface ServicePlan {
  seed: number;
  secure: boolean;
  agencies: number;
  /** Central DP in every run (an agency with a privacy budget declines runs without it). */
  dp: boolean;
  runs: Array<{ runId: string; rounds: number }>;
  /**
   * Each taken once the `nth` entry of `type` for its run is on disk, in whichever life that is;
   * a pause's resume follows `resumeAfterMs` later. An action the service died before answering
   * is sent again in the next life, as an operator would.
   */
  actions: Array<{ runId: string; action: 'stop' | 'pause'; after: { type: string; nth: number }; resumeAfterMs: number }>;
  /** One per life but the last: where the service dies. */
  kills: ServiceKill[];
}

/**
 * Before the ledger write of a seq; or before, or the moment it is on disk, the `nth` entry of a
 * type in that life (the writes where the service's own steps meet: offers out and no round
 * opened yet, an operator's action recorded and not yet acted on, a run's end).
 */
export type ServiceKill = { seq: number } | { type: string; nth: number; when: 'before' | 'after' };
const KILL_TYPES = ['round_opened', 'round_opened', 'round_opened', 'round_closed', 'run_created', 'operator_action', 'run_finished', 'model_updated', 'aggregate'];

export interface ServiceReport {
  plan: ServicePlan;
  crashes: number;
  /** What the operator asked and what the service answered (HTTP status, or why no answer came). */
  answers: string[];
  /** How each run ended, with its rounds aggregated: what the trial exercised. */
  outcomes: Array<{ runId: string; status: string; roundsOk: number; skipped: boolean }>;
  problems: string[];
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const between = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

/** The trial of `seed`: which runs, what the operator does and when, where the service dies. */
export function planServiceTrial(seed: number): ServicePlan {
  const random = seededRandom(seed);
  const secure = random() < 0.5;
  const agencies = secure ? 4 : 3;
  const dp = random() < 0.4;
  const runs = ['alpha', 'beta', 'gamma'].slice(0, between(random, 2, 3)).map((runId) => ({ runId, rounds: between(random, 2, 3) }));
  // Entries the trial writes at most, roughly: per run its submission, creation, joins, and per round
  // its opening, inputs and closing.
  const span = runs.reduce((n, r) => n + 2 + agencies + r.rounds * (agencies + 6), 0);
  const actions: ServicePlan['actions'] = [];
  for (const { runId, rounds } of runs) {
    const roll = random();
    if (roll > 0.75) continue;
    // operator_action 1 is the run's submission: an action then finds it queued. `reopened` is the
    // run's first round opened after a death: a resumed run, perhaps past a round number its offers
    // used before the death.
    const type = pick(random, ['operator_action', 'run_created', 'round_opened', 'round_closed', 'round_closed', 'reopened', 'reopened', 'reopened']);
    const after = { type, nth: type.startsWith('round') ? between(random, 1, rounds) : 1 };
    actions.push({ runId, action: roll < 0.45 ? 'stop' : 'pause', after, resumeAfterMs: between(random, 0, 300) });
  }
  const kills = Array.from({ length: pick(random, [1, 1, 2, 2, 3]) }, (): ServiceKill => (random() < 0.25
    ? { seq: between(random, 0, span) }
    : { type: pick(random, KILL_TYPES), nth: between(random, 1, 3), when: pick(random, ['before', 'after'] as const) }));
  return { seed, secure, agencies, dp, runs, actions, kills };
}

/** Runs one trial to its end and checks every run's ledger; never throws (a failure is a problem named). */
export async function runServiceTrial(plan: ServicePlan): Promise<ServiceReport> {
  const report: ServiceReport = { plan, crashes: 0, answers: [], outcomes: [], problems: [] };
  const trial = await ServiceTrial.create(plan);
  try {
    await trial.play(report);
    report.problems.push(...await trial.check(report));
  } catch (err) {
    report.problems.push(`the trial failed: ${(err as Error).stack ?? String(err)}`);
  } finally {
    await trial.cleanup();
  }
  return report;
}

class ServiceTrial {
  private readonly stop = stopSignal();
  private readonly agents: Promise<unknown>[] = [];
  /** Entries on disk per run and type, across lives: what the actions wait for. */
  private readonly counts = new Map<string, number>();
  /** Actions the service answered, and those sent in the present life. */
  private readonly answered = new Set<number>();
  private sent = new Set<number>();

  private constructor(
    private readonly plan: ServicePlan,
    private readonly dir: string,
    private readonly coordinator: Identity,
    private readonly operator: Identity,
    private readonly agencies: Array<{ name: string; identity: Identity; stateDir: string }>,
    private readonly modelPath: string,
    private readonly fingerprint: string,
    private readonly port: number,
  ) {}

  static async create(plan: ServicePlan): Promise<ServiceTrial> {
    await initEngine();
    const dir = await mkdtemp(join(tmpdir(), `cohort-service-chaos-${plan.seed}-`));
    const coordinator = generateIdentity();
    const operator = generateIdentity();
    await (await Enrolment.open(dir, OPERATORS)).add('alice', toHex(operator.publicKey));
    const enrolment = await Enrolment.open(dir, AGENCIES);
    const agencies = [];
    for (let i = 0; i < plan.agencies; i++) {
      const identity = generateIdentity();
      await enrolment.add(`agency-${i + 1}`, toHex(identity.publicKey));
      agencies.push({ name: `agency-${i + 1}`, identity, stateDir: join(dir, `agency-${i + 1}`) });
    }
    // The service builds each run's model from this file (model: layers-json); the agencies pin its fingerprint.
    const model = await tfGlobalModel(MODEL, 1);
    const modelPath = join(dir, 'model.json');
    await writeFile(modelPath, model.topology);
    return new ServiceTrial(plan, dir, coordinator, operator, agencies, modelPath, model.fingerprint, await freePort());
  }

  /** Every life of the service, the agencies' clients running throughout; the last runs until every run has ended. */
  async play(report: ServiceReport): Promise<void> {
    this.startAgencies();
    for (const [life, kill] of [...this.plan.kills, undefined].entries()) {
      const died = await this.life(report, kill, life > 0);
      if (!died) return; // the runs all ended before a planned death came
      report.crashes++;
    }
  }

  /** One life: started on the data directory, operator actions taken as the ledger grows; true if it died. */
  private async life(report: ServiceReport, kill: ServiceKill | undefined, restarted: boolean): Promise<boolean> {
    let dead = false;
    const seen = new Map<string, number>();
    const dies = (entry: PendingEntry, when: 'before' | 'after'): boolean => {
      if (kill === undefined) return false;
      if ('seq' in kill) return when === 'before' && entry.seq === kill.seq;
      if (entry.type !== kill.type) return false;
      if (when === 'before') seen.set(entry.type, (seen.get(entry.type) ?? 0) + 1);
      return kill.when === when && seen.get(entry.type) === kill.nth;
    };
    let closed: Promise<void> | undefined;
    let service: RunService | undefined;
    const pending: Promise<unknown>[] = [];
    const die = (): never => {
      if (!dead) {
        dead = true;
        closed = service?.close();
      }
      throw new Killed('the service was killed');
    };
    service = await RunService.start({
      dataDir: this.dir, identity: this.coordinator, agencies: await Enrolment.open(this.dir, AGENCIES), operators: await Enrolment.open(this.dir, OPERATORS),
      host: '127.0.0.1', port: this.port, limits: DEFAULT_LIMITS, log: silent, http: { host: '127.0.0.1', port: 0 },
      ledger: {
        faults: {
          before: (entry) => { if (dead || dies(entry, 'before')) die(); },
          after: (entry) => {
            if (dies(entry, 'after')) die();
            this.countWritten(entry, restarted);
            if (service) pending.push(this.actionsDue(service, report));
          },
        },
      },
    });
    try {
      // The operator submits what the service does not hold (a submission the last death cut short is sent again).
      for (const run of this.plan.runs) if (!service.book.get(run.runId)) pending.push(this.send(service, 'submit', run.runId, report));
      this.sent = new Set();
      pending.push(this.actionsDue(service, report));
      let ended = false;
      void Promise.all(this.plan.runs.map((r) => service!.whenEnded(r.runId))).then(() => { ended = true; });
      const deadline = Date.now() + 120_000;
      for (let tick = 1; !dead && !ended; tick++) {
        if (Date.now() > deadline) throw new Error(`a life of the service did not end in 120 s (death planned at ${JSON.stringify(kill)}): ${JSON.stringify(service.list().map((r) => [r.runId, r.status]))}`);
        await sleep(50);
        // A run left paused by a resume the service died before taking is resumed by the operator.
        if (tick % 40 === 0) for (const run of service.list()) if (run.status === 'paused') pending.push(this.send(service, 'resume', run.runId, report));
      }
      await Promise.all(pending);
      return dead;
    } finally {
      await (closed ?? service.close());
    }
  }

  /** An entry on disk, counted for the actions waiting on it (a round opened after a death also as `reopened`). */
  private countWritten(entry: PendingEntry, restarted: boolean): void {
    const runId = (entry.body as { runId?: unknown }).runId;
    if (typeof runId !== 'string') return;
    const count = (what: string) => this.counts.set(`${runId} ${what}`, (this.counts.get(`${runId} ${what}`) ?? 0) + 1);
    count(entry.type);
    if (restarted && entry.type === 'round_opened') count('reopened');
  }

  /** The planned actions whose entry has come and that the service has not answered. */
  private async actionsDue(service: RunService, report: ServiceReport): Promise<void> {
    const due = this.plan.actions.map((a, i) => [a, i] as const)
      .filter(([a, i]) => !this.answered.has(i) && !this.sent.has(i) && (this.counts.get(`${a.runId} ${a.after.type}`) ?? 0) >= a.after.nth);
    await Promise.all(due.map(async ([a, i]) => {
      this.sent.add(i);
      const status = await this.send(service, a.action, a.runId, report);
      if (typeof status === 'number' && status < 500) this.answered.add(i);
      // A pause the service may have recorded (a 500 can come after the entry is on disk) is resumed.
      if (a.action !== 'pause' || status === 409) return;
      await sleep(a.resumeAfterMs);
      await this.send(service, 'resume', a.runId, report);
    }));
  }

  /** The operator's signed request to the service's API, as `cohort run` sends it. */
  private async send(service: RunService, action: OperatorActionName, runId: string, report: ServiceReport): Promise<number | string> {
    const run = this.plan.runs.find((r) => r.runId === runId)!;
    const body = action === 'submit' ? Buffer.from(JSON.stringify(this.configOf(run))) : Buffer.alloc(0);
    const path = actionPath(action, runId);
    const headers = signOperatorRequest(this.operator, 'alice', 'POST', path, body);
    const status = await call(new URL(path, service.apiUrl).href, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: body.toString('utf8') })
      .then((reply) => reply.status, (err: Error) => err.message);
    report.answers.push(`${action} ${runId}: ${status}`);
    return status;
  }

  private configOf(run: ServicePlan['runs'][number]): Record<string, unknown> {
    return {
      runId: run.runId, purpose: 'fault injection', model: 'layers-json', modelPath: this.modelPath, rounds: run.rounds, seed: 1,
      train: { epochs: 1, batchSize: 4, learningRate: 0.1 }, selection: { min: 3 }, minCohort: 3, weightCap: 1000,
      secagg: { enabled: this.plan.secure }, waitForAgenciesMs: 20_000,
      deadlines: { answerMs: 20_000, uploadMs: 20_000, exchangeMs: 20_000 },
      dp: this.plan.dp ? { mode: 'central', clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 } : { mode: 'off' },
    };
  }

  /** The agencies' clients, for the whole trial: each reconnects to whichever life of the service is up. */
  private startAgencies(): void {
    const policy = parsePolicy({
      coordinatorKey: toHex(this.coordinator.publicKey), minCohort: 2, purposes: ['fault injection'], models: [`sha256:${this.fingerprint}`],
      maxRoundsPerRun: 1000, ...(this.plan.dp ? { privacy: { epsilon: 1e6, delta: 1e-5 } } : {}), dataset: { kind: 'json', path: 'in-process', license: 'test data' },
      secagg: { required: this.plan.secure },
    });
    for (const [index, agency] of this.agencies.entries()) {
      this.agents.push(runAgent({
        agency: agency.name, identity: agency.identity, url: `ws://127.0.0.1:${this.port}`, coordinatorKey: this.coordinator.publicKey,
        policy, data: DATA, dataset: { sha256: toHex(agency.identity.publicKey), schema: { features: 4 }, rows: 10, license: 'test data' },
        stateDir: agency.stateDir, log: silent, signal: this.stop.signal, train: trainer(index), seed: 0,
      }).catch(() => undefined));
    }
  }

  /** Every run ended; the ledger verifies, and each run that began keeps the single-run invariants. */
  async check(report: ServiceReport): Promise<string[]> {
    const ledgerPath = join(this.dir, 'ledger.jsonl');
    const ledger = await readFile(ledgerPath);
    const book = new RunBook();
    for (const line of ledger.toString('utf8').split('\n').filter(Boolean)) book.apply(JSON.parse(line));
    const problems: string[] = [];
    for (const run of this.plan.runs) {
      const booked = book.get(run.runId);
      report.outcomes.push({ runId: run.runId, status: booked?.status ?? 'never submitted', roundsOk: booked?.roundsOk ?? 0, skipped: (booked?.lastRound ?? 0) > (booked?.roundsOpened ?? 0) });
      if (booked && !['finished', 'failed', 'stopped'].includes(booked.status)) problems.push(`run ${run.runId} is ${booked.status} at the end`);
      if (booked?.startedAt == null) continue;
      const lastOk = (await RunProgress.read(ledgerPath, run.runId)).lastOk.round;
      const checkpointDir = new RunStore(this.dir, run.runId).checkpointDir(lastOk);
      const loaded = await loadCheckpoint(checkpointDir).catch(() => undefined);
      const weights = loaded ? getFlatWeights(loaded) : new Float32Array(0);
      loaded?.dispose();
      const found = await violations({ ledger, coordinatorKey: this.coordinator.publicKey, receipts: await this.receipts(), runId: run.runId, weights, checkpointDir });
      // The ledger's verification and the receipts are the whole ledger's, the same for every run.
      problems.push(...found.map((p) => (p.startsWith('the ledger does not verify') || p.includes('holds a receipt') ? p : `${run.runId}: ${p}`)));
    }
    return [...new Set(problems)];
  }

  private async receipts(): Promise<SignedReceipt[]> {
    return receiptsIn([...this.agencies.map((a) => a.stateDir), ...this.plan.runs.map((r) => new RunStore(this.dir, r.runId).runDir)]);
  }

  async cleanup(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.agents);
    if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(this.dir, { recursive: true, force: true });
  }
}

/** One signal stops every agency's client; each reconnection listens on it, hence the higher listener limit. */
function stopSignal(): AbortController {
  const controller = new AbortController();
  setMaxListeners(100, controller.signal);
  return controller;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
