// A federation in one process, with real parts: the coordinator (startCoordinator: its WebSocket
// transport, run loop, SecAgg+ shell, ledger) and each agency's real client (runAgent, training
// with TF.js), over loopback WebSockets, optionally through a relay in front of the coordinator.
// For tests whose models and data are small enough that spawning processes would only cost time.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAgent, type Trainer } from '../../client/agent.js';
import type { CsvTable } from '../../client/data/csv.js';
import type { DatasetFingerprint } from '../../client/data/fingerprint.js';
import { parsePolicy } from '../../client/policy.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { Enrolment } from '../../coordinator/enrolment.js';
import type { FederationResult } from '../../coordinator/federation.js';
import type { GlobalModel } from '../../coordinator/global-model.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import type { RunConfig } from '../../coordinator/run-config.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { sha256Hex } from '../../bytes/digest.js';
import { generateIdentity, toHex, type Identity } from '../../identity/keys.js';
import { receiptsIn } from './receipts.js';
import type { Dataset } from '../../ml/dataset.js';
import { initEngine } from '../../ml/engine.js';
import { silent } from './federation.js';

export interface InProcessAgency {
  name: string;
  data?: Dataset;
  table?: CsvTable;
  /** Fields that replace the default policy's. */
  policy?: Record<string, unknown>;
  /** Local training in place of trainLocal. */
  train?: Trainer;
}

export interface Entry { seq: number; type: string; body: Record<string, unknown> }

export class InProcessFederation {
  private constructor(
    readonly dir: string,
    readonly coordinatorIdentity: Identity,
    private readonly enrolment: Enrolment,
    readonly agencies: (InProcessAgency & { identity: Identity; stateDir: string })[],
  ) {}

  static async create(name: string, agencies: InProcessAgency[]): Promise<InProcessFederation> {
    await initEngine('wasm');
    const dir = await mkdtemp(join(tmpdir(), `cohort-${name}-`));
    const enrolment = await Enrolment.open(join(dir, 'coordinator'));
    const members = [];
    for (const agency of agencies) {
      const identity = generateIdentity();
      await enrolment.add(agency.name, toHex(identity.publicKey));
      const stateDir = join(dir, agency.name);
      await mkdir(stateDir, { recursive: true });
      members.push({ ...agency, identity, stateDir });
    }
    return new InProcessFederation(dir, generateIdentity(), enrolment, members);
  }

  get ledgerPath(): string {
    return join(this.dir, 'coordinator', 'ledger.jsonl');
  }

  /**
   * Starts the coordinator and every agency's client (against `via(url)` when given, e.g. a
   * relay), runs `config` to its end, and stops everything.
   */
  async run(config: RunConfig, model: GlobalModel, via?: (url: string) => Promise<string>): Promise<FederationResult> {
    const coordinator = await startCoordinator({
      dataDir: join(this.dir, 'coordinator'), identity: this.coordinatorIdentity, admission: this.enrolment, host: '127.0.0.1', port: 0,
      limits: DEFAULT_LIMITS, log: silent,
    });
    const stop = new AbortController();
    const url = via ? await via(coordinator.url) : coordinator.url;
    const agents = this.agencies.map((agency, i) => runAgent({
      agency: agency.name, identity: agency.identity, url, coordinatorKey: this.coordinatorIdentity.publicKey,
      policy: this.policy(config, model, agency), ...(agency.table ? { table: agency.table } : { data: agency.data! }), dataset: fingerprint(agency),
      stateDir: agency.stateDir, log: silent, signal: stop.signal, seed: i + 1, exitWhenCoordinatorStops: true, ...(agency.train ? { train: agency.train } : {}),
    }).catch(() => undefined));
    try {
      await waitForSessions(coordinator, this.agencies.length);
      return await coordinator.run(config, model);
    } finally {
      stop.abort();
      await coordinator.close();
      await Promise.all(agents);
    }
  }

  async ledger(): Promise<Entry[]> {
    const text = await readFile(this.ledgerPath, 'utf8');
    return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Entry);
  }

  async verify(): Promise<VerifyReport> {
    const receipts = await receiptsIn(this.agencies.map((a) => a.stateDir));
    return verifyLedger(await readFile(this.ledgerPath), { coordinatorKey: this.coordinatorIdentity.publicKey, receipts, requireFinished: true });
  }

  async cleanup(): Promise<void> {
    if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(this.dir, { recursive: true, force: true });
  }

  private policy(config: RunConfig, model: GlobalModel, agency: InProcessAgency) {
    return parsePolicy({
      coordinatorKey: toHex(this.coordinatorIdentity.publicKey), minCohort: 2, purposes: [config.purpose],
      // Pinned by fingerprint: a name pins only a model the agency can build itself (client/model-pins.ts).
      models: [model.fingerprint],
      maxRoundsPerRun: 1000, dataset: agency.table ? { kind: 'table', path: 'in-process', license: 'test data' } : { kind: 'json', path: 'in-process', license: 'test data' },
      secagg: { required: config.secagg.enabled },
      ...agency.policy,
    });
  }
}

/** A fingerprint the ledger takes: a hash naming the agency's data, what it holds, its rows. */
export function fingerprint(agency: InProcessAgency): DatasetFingerprint {
  const rows = agency.table ? agency.table.records.length : agency.data!.y.length;
  return { sha256: sha256Hex(`test data of ${agency.name}`), schema: { test: agency.name }, rows, license: 'test data' };
}

async function waitForSessions(coordinator: Coordinator, count: number): Promise<void> {
  const until = Date.now() + 60_000;
  while (coordinator.transport.sessions.size < count) {
    if (Date.now() > until) throw new Error(`only ${coordinator.transport.sessions.size} of ${count} agencies connected`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
