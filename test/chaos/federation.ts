// A federation in one process, for fault injection: the real coordinator (startCoordinator: its
// WebSocket transport, run loop, SecAgg+ shell, ledger writer) and the real agency client
// (runAgent) for each agency, over loopback WebSockets, on a five-weight model so that a round
// costs little besides the protocol. Agencies train by a seeded rule (trained = received + a
// fixed step), so the tests can tell which model a run ended with.
//
// Faults, in-process and exact:
// - the coordinator "dies" before the k-th ledger write (the writer's fault hook), during the
//   n-th checkpoint save, or when a SecAgg+ stage's message reaches an agency: from then on it
//   writes nothing (every later ledger write fails as the k-th did) and its sessions are closed,
//   as a kill -9 would leave them; the next incarnation restarts it on the same data directory;
// - an agency "dies" when a stage reaches it (its connection closes, it answers nothing more)
//   and comes back with the next coordinator incarnation, with its state folder (receipts).
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { runAgent, type Trainer } from '../../client/agent.js';
import { parsePolicy, type Policy } from '../../client/policy.js';
import { SecureParticipant } from '../../client/secure-participant.js';
import { Enrolment } from '../../coordinator/enrolment.js';
import type { GlobalModel } from '../../coordinator/global-model.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../coordinator/run-config.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import type { FederationResult } from '../../coordinator/federation.js';
import type { PendingEntry } from '../../ledger/writer.js';
import { generateIdentity, toHex, type Identity } from '../../identity/keys.js';
import { receiptsIn } from '../helpers/receipts.js';
import type { SignedReceipt } from '../../ledger/receipt.js';
import type { Dataset } from '../../ml/dataset.js';
import { initEngine } from '../../ml/engine.js';
import { getFlatWeights, setFlatWeights } from '../../ml/weights.js';

export const silent = pino({ level: 'silent' });

/** The SecAgg+ stages at which an agency can die: when the stage's message reaches it. */
export type AgencyStage = 'advertise' | 'share' | 'upload' | 'unmask';
export const AGENCY_STAGES: readonly AgencyStage[] = ['advertise', 'share', 'upload', 'unmask'];

export interface AgencyKill {
  agency: string;
  round: number;
  stage: AgencyStage;
  /** The agency comes back at once (a supervisor restarts it), rather than with the next coordinator. */
  restart?: boolean;
}

/** Where the coordinator dies in one incarnation. */
export type CoordinatorKill =
  | { kind: 'ledger'; seq: number }
  /** Before, or the moment it is on disk, an entry of `type` (for `round`, if given). */
  | { kind: 'entry'; type: string; round?: number; when: 'before' | 'after' }
  | { kind: 'save'; index: number; after: boolean }
  | { kind: 'stage'; agency: string; round: number; stage: AgencyStage };

export interface Incarnation {
  coordinator?: CoordinatorKill;
  agencies?: AgencyKill[];
  /** Told of every SecAgg+ stage message that reaches an agency (before it acts on it). */
  onStage?: (agency: string, stage: AgencyStage, round: number) => void;
  /** Told where the coordinator listens, once it does (for a test's own clients). */
  onListening?: (url: string) => void;
  /** Changes an agency's masked input after it is made, before it is committed to and sent (a dishonest agency). */
  tamper?: (agency: string, round: number, masked: Uint8Array) => void;
}

export interface IncarnationResult {
  crashed: boolean;
  /** The run's result when it ended without a crash. */
  result?: FederationResult;
  /** Ledger writes this incarnation attempted (the crash's included). */
  writes: number;
}

/** Thrown by the fault hooks: the coordinator process is gone. */
export class Killed extends Error {
  override name = 'Killed';
}

/** A tiny model: 4 inputs, one sigmoid output (5 weights). */
export const MODEL = { kind: 'tabular-mlp', inputs: 4, task: 'binary', outputs: 1, hidden: [] } as const;
export const DATA: Dataset = {
  x: Float32Array.from({ length: 40 }, (_, i) => (i % 7) / 7),
  y: Int32Array.from({ length: 10 }, (_, i) => i % 2),
  exampleShape: [4],
  numClasses: 2,
};
export const STEP = 1 / 64;

/**
 * Each agency's trained weights: received + STEP * (its index + 1). The agent seeds training with
 * its seed plus the round; with seed 0 the trainer learns the round from it.
 */
export function trainer(index: number, onTrain: (round: number) => void = () => {}): Trainer {
  return async (model, _data, cfg) => {
    onTrain(cfg.seed ?? 0);
    const weights = getFlatWeights(model);
    for (let i = 0; i < weights.length; i++) weights[i] += STEP * (index + 1);
    setFlatWeights(model, weights);
    return { loss: 0.5, examples: 100 + 10 * index };
  };
}

// Identities and the coordinator's model are made once per process and lane: a key pair costs
// ~10 ms in tweetnacl, a model a TF.js build. Federations in one lane run one after another, each
// in its own folder, so they may share them; federations in different lanes run at the same time
// and share nothing (the model's save writes through one TF.js model).
const identities = new Map<number, Identity[]>();
function pooledIdentity(lane: number, i: number): Identity {
  const pool = identities.get(lane) ?? [];
  identities.set(lane, pool);
  while (pool.length <= i) pool.push(generateIdentity());
  return pool[i];
}

const models = new Map<string, Promise<GlobalModel>>();
function sharedModel(lane: number, seed: number): Promise<GlobalModel> {
  const key = `${lane}:${seed}`;
  if (!models.has(key)) models.set(key, tfGlobalModel(MODEL, seed));
  return models.get(key)!;
}

// Agency deaths at SecAgg+ stages, and tampering with what an agency masks, keyed by the agency's
// identity. Installed once on the real participant's prototype.
type StageHook = (stage: AgencyStage, round: number) => void;
const stageHooks = new WeakMap<Identity, StageHook>();
const tamperHooks = new WeakMap<Identity, (round: number, masked: Uint8Array) => void>();
let installed = false;
function installStageHooks(): void {
  if (installed) return;
  installed = true;
  const proto = SecureParticipant.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const methods: Record<string, AgencyStage> = { advertise: 'advertise', shareKeys: 'share', maskInput: 'upload', unmask: 'unmask' };
  for (const [method, stage] of Object.entries(methods)) {
    const original = proto[method];
    proto[method] = function (this: { identity: Identity; round: { round: number } }, ...args: unknown[]) {
      stageHooks.get(this.identity)?.(stage, this.round.round);
      const out = original.apply(this, args);
      if (stage === 'upload') tamperHooks.get(this.identity)?.(this.round.round, out as Uint8Array);
      return out;
    };
  }
}

interface Agency {
  name: string;
  index: number;
  identity: Identity;
  stateDir: string;
}

export class ChaosFederation {
  private constructor(
    readonly dir: string,
    readonly config: RunConfig,
    readonly coordinatorIdentity: Identity,
    private readonly enrolment: Enrolment,
    readonly agencies: Agency[],
    private readonly policy: Policy,
    readonly model: GlobalModel,
  ) {}

  /** A federation of `agencies` for a run with `run`'s settings; `lane` separates federations that run at the same time. */
  static async create(name: string, agencies: number, run: Partial<RunConfigInput>, lane = 0): Promise<ChaosFederation> {
    await initEngine();
    installStageHooks();
    const dir = await mkdtemp(join(tmpdir(), `cohort-chaos-${name}-`));
    const coordinatorIdentity = pooledIdentity(lane, 0);
    const enrolment = await Enrolment.open(join(dir, 'coordinator'));
    const members: Agency[] = [];
    for (let index = 0; index < agencies; index++) {
      const identity = pooledIdentity(lane, index + 1);
      const agency = `agency-${index + 1}`;
      await enrolment.add(agency, toHex(identity.publicKey));
      members.push({ name: agency, index, identity, stateDir: join(dir, agency) });
      await mkdir(join(dir, agency), { recursive: true });
    }
    const config = parseRunConfig({
      runId: 'chaos', purpose: 'fault injection', model: 'layers-json', modelPath: 'in-process', rounds: 2,
      train: { epochs: 1, batchSize: 4, learningRate: 0.1 }, selection: { min: 3 }, minCohort: 3, weightCap: 1000,
      deadlines: { answerMs: 30_000, uploadMs: 30_000, exchangeMs: 30_000 }, waitForAgenciesMs: 200,
      ...run,
    });
    const model = await sharedModel(lane, config.seed);
    // A model Cohort does not build by name is pinned by its fingerprint (client/policy.ts).
    const policy = parsePolicy({
      coordinatorKey: toHex(coordinatorIdentity.publicKey), minCohort: 2, purposes: [config.purpose], models: [`sha256:${model.fingerprint}`],
      maxRoundsPerRun: 1000, ...(config.dp.mode !== 'off' ? { privacy: { epsilon: 1e6, delta: config.dp.delta } } : {}),
      dataset: { kind: 'json', path: 'in-process', license: 'test data' }, secagg: { required: config.secagg.enabled },
    });
    return new ChaosFederation(dir, config, coordinatorIdentity, enrolment, members, policy, model);
  }

  /** Enrols one more agency, whose client the test runs itself. */
  async enrol(agency: string): Promise<Identity> {
    const identity = generateIdentity();
    await this.enrolment.add(agency, toHex(identity.publicKey));
    return identity;
  }

  get ledgerPath(): string {
    return join(this.dir, 'coordinator', 'ledger.jsonl');
  }

  /**
   * One life of the coordinator: started on the data directory, every agency (re)started, the run
   * run until it ends or the coordinator is killed; then everything stopped.
   */
  async incarnation(faults: Incarnation = {}): Promise<IncarnationResult> {
    let coordinator: Coordinator | undefined;
    let dead = false;
    let writes = 0;
    let saves = 0;
    const stops: AbortController[] = [];
    const kill = (): never => {
      if (!dead) {
        dead = true;
        // Like kill -9: the sessions drop at once, and the process writes nothing more.
        void coordinator?.transport.close();
      }
      throw new Killed('the coordinator was killed');
    };
    const plan = faults.coordinator;
    const model: GlobalModel = {
      ...this.model,
      save: async (dir, weights) => {
        if (dead) kill();
        const index = saves++;
        if (plan?.kind === 'save' && plan.index === index && !plan.after) kill();
        await this.model.save(dir, weights);
        if (plan?.kind === 'save' && plan.index === index && plan.after) kill();
      },
    };
    coordinator = await startCoordinator({
      dataDir: join(this.dir, 'coordinator'), identity: this.coordinatorIdentity, admission: this.enrolment, host: '127.0.0.1', port: 0,
      limits: DEFAULT_LIMITS, log: silent,
      ledger: {
        faults: {
          before: (entry) => {
            writes++;
            if (dead || (plan?.kind === 'ledger' && plan.seq === entry.seq) || matches(plan, entry, 'before')) kill();
          },
          // Dies the moment the entry is on disk, before the coordinator does anything else.
          after: (entry) => { if (matches(plan, entry, 'after')) kill(); },
        },
      },
    });
    const agents: Promise<unknown>[] = [];
    const start = (agency: Agency): void => {
      const stop = new AbortController();
      stops.push(stop);
      const die = (kill: AgencyKill) => {
        stop.abort();
        // A restarted agency (a supervisor brings its process back) rejoins later rounds.
        if (kill.restart && !dead) setTimeout(() => { if (!dead) start(agency); }, 20);
        throw new Killed(`${agency.name} was killed`);
      };
      stageHooks.set(agency.identity, (stage, round) => {
        faults.onStage?.(agency.name, stage, round);
        if (plan?.kind === 'stage' && plan.agency === agency.name && plan.round === round && plan.stage === stage) kill();
        const fault = faults.agencies?.find((k) => k.agency === agency.name && k.round === round && k.stage === stage);
        if (fault) die(fault);
      });
      if (faults.tamper) tamperHooks.set(agency.identity, (round, masked) => faults.tamper!(agency.name, round, masked));
      const train = trainer(agency.index, (round) => {
        // Without SecAgg an agency's upload follows its training at once.
        if (!this.config.secagg.enabled) stageHooks.get(agency.identity)?.('upload', round);
      });
      agents.push(runAgent({
        agency: agency.name, identity: agency.identity, url: coordinator!.url, coordinatorKey: this.coordinatorIdentity.publicKey,
        policy: this.policy, data: DATA, dataset: { sha256: toHex(agency.identity.publicKey), schema: { features: 4 }, rows: 10, license: 'test data' },
        stateDir: agency.stateDir, log: silent, signal: stop.signal, train, seed: 0, exitWhenCoordinatorStops: true,
      }).catch(() => undefined));
    };
    for (const agency of this.agencies) start(agency);
    faults.onListening?.(coordinator.url);
    try {
      await waitForSessions(coordinator, this.agencies.length);
      const result = await coordinator.run(this.config, model);
      return { crashed: false, result, writes };
    } catch (err) {
      if (!dead) throw err;
      return { crashed: true, writes };
    } finally {
      dead = true; // no agency restarts from here on
      for (const stop of stops) stop.abort();
      for (const agency of this.agencies) {
        stageHooks.delete(agency.identity);
        tamperHooks.delete(agency.identity);
      }
      await coordinator.close();
      await Promise.all(agents);
    }
  }

  /** Every receipt held: each agency's, and the ML team's run receipts. */
  async receipts(): Promise<SignedReceipt[]> {
    return receiptsIn([...this.agencies.map((a) => a.stateDir), join(this.dir, 'coordinator', 'runs', this.config.runId)]);
  }

  async ledger(): Promise<Array<{ seq: number; type: string; body: Record<string, unknown> }>> {
    const text = await readFile(this.ledgerPath, 'utf8');
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { seq: number; type: string; body: Record<string, unknown> });
  }

  async cleanup(): Promise<void> {
    if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(this.dir, { recursive: true, force: true });
  }
}

function matches(plan: CoordinatorKill | undefined, entry: PendingEntry, when: 'before' | 'after'): boolean {
  return plan?.kind === 'entry' && plan.when === when && plan.type === entry.type && (plan.round === undefined || plan.round === entry.body.round);
}

async function waitForSessions(coordinator: Coordinator, count: number): Promise<void> {
  const until = Date.now() + 30_000;
  while (coordinator.transport.sessions.size < count) {
    if (Date.now() > until) throw new Error(`only ${coordinator.transport.sessions.size} of ${count} agencies connected`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
