// A coordinator driven by a script, for the malicious-coordinator suite: Cohort's own transport
// (the real handshake, signed envelopes, the pinned coordinator key), its own offer builder and
// its own SecAgg+ server, with the script choosing what to send to whom. Each attack of issue #10
// is played by deviating from the honest protocol at one step, against real `cohort client`
// processes; this file holds only the honest pieces and the plumbing.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MNIST_SPLIT } from '../../client/data/source.js';
import { DEFAULT_LIMITS, maxMessageBytesFor } from '../../coordinator/limits.js';
import type { GlobalModel } from '../../coordinator/global-model.js';
import { roundOffer, type RoundPlan } from '../../coordinator/round.js';
import { parseRunConfig, type RunConfig } from '../../coordinator/run-config.js';
import { secAggParams } from '../../coordinator/secure-round.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { startTransport, type AgencySession, type Transport } from '../../coordinator/transport.js';
import { exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { encodeRoster } from '../../identity/roster.js';
import { initEngine } from '../../ml/engine.js';
import type { Opened } from '../../proto/channel.js';
import type { MessageInit } from '../../proto/framing.js';
import type { cohort } from '../../proto/messages.js';
import type { MessageKind } from '../../proto/stages.js';
import { silent } from './federation.js';

export const PURPOSE = 'malicious coordinator trials';
const AGENCIES = 5;

/** The terms the agencies' policies accept: secure aggregation, central DP, this purpose, the 2NN. */
export function trialConfig(): RunConfig {
  return parseRunConfig({
    runId: 'trial', purpose: PURPOSE, model: 'mnist-2nn', rounds: 100, train: { epochs: 1, batchSize: 50, learningRate: 0.1 },
    selection: { min: AGENCIES }, minCohort: 3, secagg: { enabled: true }, dp: { mode: 'central', noiseMultiplier: 1, clipNorm: 1, delta: 1e-5 },
  });
}

export class HostileCoordinator {
  private readonly inbox = new Map<string, Opened[]>();
  private readonly waiters = new Set<() => void>();
  readonly children = new Map<string, ChildProcess>();

  private constructor(readonly federation: LocalFederation, readonly model: GlobalModel, readonly transport: Transport) {}

  /** A local federation (five agencies, a signed roster), the transport on loopback, and the agencies' `cohort client` processes, connected. */
  static async start(): Promise<HostileCoordinator> {
    await initEngine();
    const config = trialConfig();
    const dir = await mkdtemp(join(tmpdir(), 'cohort-hostile-'));
    // A fortieth of the digits each: training is seconds, not the point.
    const federation = await prepareLocalFederation(dir, config, { ...DEFAULT_MNIST_SPLIT, agencies: AGENCIES },
      (index, policy) => ({ ...policy, dataset: { ...(policy.dataset as object), agencyShard: { index, count: 40 } } }));
    const model = await tfGlobalModel({ kind: 'mnist-2nn' }, config.seed);
    let self: HostileCoordinator | undefined;
    const transport = await startTransport({
      host: '127.0.0.1', port: 0, identity: federation.coordinatorIdentity, admission: federation.enrolment,
      limits: { ...DEFAULT_LIMITS, maxMessageBytes: maxMessageBytesFor(model.parameters) }, log: silent,
    }, {
      onSession: () => {},
      onMessage: (session, opened) => self!.deliver(session.agency, opened),
      onClose: () => {},
    });
    self = new HostileCoordinator(federation, model, transport);
    for (const agency of self.agencies) self.spawn(agency);
    await self.until(() => self!.agencies.every((a) => self!.session(a) !== undefined), 120_000, 'the agencies to connect');
    return self;
  }

  get agencies(): string[] {
    return this.federation.agencies.map((a) => a.name);
  }

  /** Starts (or restarts) an agency's real client process. */
  spawn(agency: string): ChildProcess {
    const local = this.federation.agencies.find((a) => a.name === agency)!;
    const child = spawnAgencyClient(this.federation, local, this.transport.url, { seed: this.agencies.indexOf(agency) + 1, exitWhenDone: false });
    this.children.set(agency, child);
    return child;
  }

  /** Kills an agency's process and starts a fresh one (its state folder, and so its journal, stay). */
  async restart(agency: string): Promise<void> {
    const old = this.children.get(agency)!;
    old.kill('SIGKILL');
    await exited(old, 10_000);
    await this.until(() => this.session(agency) === undefined, 20_000, `${agency}'s old session to close`);
    this.spawn(agency);
    await this.until(() => this.session(agency) !== undefined, 120_000, `${agency} to reconnect`);
  }

  session(agency: string): AgencySession | undefined {
    const s = this.transport.sessions.get(agency);
    return s && !s.closed ? s : undefined;
  }

  send(agency: string, message: MessageInit, round: number): void {
    this.session(agency)!.send(message, round);
  }

  /** The honest offer of round `round` of `runId` to `cohort` (every agency by default), as coordinator/round.ts builds it. */
  offer(runId: string, round: number, overrides: Partial<RoundPlan> = {}, cohort: string[] = this.agencies): cohort.v1.IRoundOffer {
    const config = trialConfig();
    const members = cohort.map((agency) => ({ agency, identityKey: this.federation.agencies.find((a) => a.name === agency)?.identity.publicKey }));
    const plan: RoundPlan = {
      runId, round, purpose: PURPOSE, architecture: this.model.architecture, modelFingerprint: this.model.fingerprint, topology: this.model.topology,
      weights: this.model.initialWeights(), train: config.train,
      dp: { mode: 'central', clipNorm: 1, noiseMultiplier: 1, samplingRate: 1, delta: 1e-5, minSurvivors: 3 },
      secagg: { params: secAggParams(config, cohort.length) }, weightCap: config.weightCap, minCohort: config.minCohort,
      deadlines: config.deadlines, roster: encodeRoster(this.federation.roster), ...overrides,
    };
    return roundOffer(plan, members as never);
  }

  /** The next message of `kind` an agency sends (its notices and answers are kept apart). */
  async next(agency: string, kind: MessageKind, timeoutMs = 60_000): Promise<cohort.v1.Message> {
    let found: cohort.v1.Message | undefined;
    await this.until(() => {
      const queue = this.inbox.get(agency) ?? [];
      const i = queue.findIndex((o) => o.message.kind === kind);
      if (i < 0) return false;
      found = queue.splice(i, 1)[0].message;
      return true;
    }, timeoutMs, `${kind} from ${agency}`);
    return found!;
  }

  /** The next message of `kind` from each of `agencies`. */
  nextFromEach(agencies: readonly string[], kind: MessageKind, timeoutMs?: number): Promise<Map<string, cohort.v1.Message>> {
    return Promise.all(agencies.map(async (a) => [a, await this.next(a, kind, timeoutMs)] as const)).then((pairs) => new Map(pairs));
  }

  /** The codes an agency's client wrote to its log (declines and refusals), from the log file it keeps. */
  async loggedCodes(agency: string): Promise<string[]> {
    const text = await readFile(join(this.federation.dir, 'logs', `${agency}.log`), 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { code?: string }).flatMap((l) => (l.code ? [l.code] : []));
  }

  /** Waits until an agency's log shows `code` (logs are written as the client goes). */
  async logged(agency: string, code: string, timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await this.loggedCodes(agency)).includes(code)) {
      if (Date.now() > end) throw new Error(`${agency} never logged ${code}; it logged ${(await this.loggedCodes(agency)).join(', ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    for (const child of this.children.values()) child.kill('SIGKILL');
    await Promise.all([...this.children.values()].map((c) => exited(c, 10_000)));
    await this.transport.close();
    if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(this.federation.dir, { recursive: true, force: true });
  }

  private deliver(agency: string, opened: Opened): void {
    const queue = this.inbox.get(agency) ?? [];
    queue.push(opened);
    this.inbox.set(agency, queue);
    for (const wake of this.waiters) wake();
  }

  private async until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; logs in ${join(this.federation.dir, 'logs')}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, 100);
        this.waiters.add(wake);
      });
    }
  }
}
