// What the end-to-end, trust and fuzz tests share: a local federation on disk
// (examples/local-federation), an in-process coordinator with the limits a test chooses, real
// agency client processes, and the ledger read back and verified.
// Build first (npx tsc -p tsconfig.json): the clients run from dist/.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { receiptsIn } from './receipts.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { DEFAULT_MNIST_SPLIT, type MnistSplit } from '../../client/data/source.js';
import { DEFAULT_LIMITS, maxMessageBytesFor, type Limits } from '../../coordinator/limits.js';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../coordinator/run-config.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import type { GlobalModel } from '../../coordinator/global-model.js';
import { CLI_PATH, exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { initEngine } from '../../ml/engine.js';

export const silent = pino({ level: 'silent' });

// The clients always run the built CLI (examples/local-federation.ts finds it from the sources too).
export const BUILT_CLI = CLI_PATH;

export function builtCli(): boolean {
  return existsSync(BUILT_CLI);
}


/** A plaintext run on the MNIST 2NN: one local epoch, short deadlines, generous enough for a busy machine. */
export function plainConfig(overrides: Partial<RunConfigInput> = {}): RunConfig {
  return parseRunConfig({
    runId: 'plain', purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 3,
    train: { epochs: 1, batchSize: 20, learningRate: 0.1 },
    selection: { min: 3 }, minCohort: 2,
    secagg: { enabled: false },
    deadlines: { answerMs: 20_000, uploadMs: 20_000, exchangeMs: 10_000 },
    waitForAgenciesMs: 60_000,
    ...overrides,
  });
}

export interface Harness {
  dir: string;
  federation: LocalFederation;
  config: RunConfig;
  model: GlobalModel;
  children: Map<string, ChildProcess>;
  coordinator?: Coordinator;
  start(port?: number): Promise<Coordinator>;
  /** `command` replaces `[BUILT_CLI, 'client']`: another client entry point taking the same flags. */
  spawn(agency: string, extraArgs?: string[], url?: string, command?: string[]): ChildProcess;
  /** Waits until `count` agencies, or the agencies named, are connected. */
  waitForSessions(count: number | string[], timeoutMs?: number): Promise<void>;
  ledger(): Promise<Array<{ seq: number; type: string; body: Record<string, unknown> }>>;
  verify(): Promise<VerifyReport>;
  /** Stops the coordinator and waits for the clients to leave. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

let engineReady: Promise<unknown> | undefined;

/**
 * `options.roster` false: the agencies pin no governance key and the coordinator serves no
 * roster (for tests that enrol agencies of their own after the start, as the transport fuzz does).
 */
export async function harness(name: string, config: RunConfig, agencies: number,
  override?: (index: number, policy: Record<string, unknown>) => Record<string, unknown>, limits: Partial<Limits> = {},
  options: { roster?: boolean } = {}): Promise<Harness> {
  engineReady ??= initEngine();
  await engineReady;
  const dir = await mkdtemp(join(tmpdir(), `cohort-${name}-`));
  const split: MnistSplit = { ...DEFAULT_MNIST_SPLIT, agencies };
  const withRoster = options.roster ?? true;
  const pinning = (i: number, policy: Record<string, unknown>) => {
    const p = override ? override(i, policy) : policy;
    if (withRoster) return p;
    const { federation: _unpinned, ...rest } = p;
    return rest;
  };
  const federation = await prepareLocalFederation(dir, config, split, pinning);
  const model = await tfGlobalModel({ kind: config.model as 'mnist-2nn' }, config.seed);
  const children = new Map<string, ChildProcess>();
  const h: Harness = {
    dir, federation, config, model, children,
    async start(port = 0) {
      h.coordinator = await startCoordinator({
        dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, admission: federation.enrolment,
        ...(withRoster ? { roster: federation.roster } : {}),
        host: '127.0.0.1', port, limits: { ...DEFAULT_LIMITS, maxMessageBytes: maxMessageBytesFor(model.parameters), ...limits }, log: silent,
      });
      return h.coordinator;
    },
    spawn(agency, extraArgs = ['--exit-when-done'], url = h.coordinator!.url, command) {
      const a = federation.agencies.find((x) => x.name === agency)!;
      const child = spawnAgencyClient(federation, a, url, { seed: federation.agencies.indexOf(a) + 1, logLevel: 'info', exitWhenDone: false, extraArgs, command });
      children.set(agency, child);
      return child;
    },
    async waitForSessions(wanted, timeoutMs = 90_000) {
      const until = Date.now() + timeoutMs;
      const sessions = h.coordinator!.transport.sessions;
      const ready = () => (typeof wanted === 'number' ? sessions.size >= wanted : wanted.every((n) => sessions.has(n)));
      while (!ready()) {
        if (Date.now() > until) throw new Error(`agencies did not all connect (${sessions.size} of ${String(wanted)}); logs in ${join(dir, 'logs')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async ledger() {
      const text = await readFile(join(federation.coordinatorDir, 'ledger.jsonl'), 'utf8');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { seq: number; type: string; body: Record<string, unknown> });
    },
    async verify() {
      const receipts = await receiptsIn(federation.agencies.map((a) => a.stateDir));
      return verifyLedger(await readFile(join(federation.coordinatorDir, 'ledger.jsonl')),
        { coordinatorKey: federation.coordinatorIdentity.publicKey, receipts, requireFinished: true });
    },
    async stop() {
      await h.coordinator?.close();
      h.coordinator = undefined;
      await Promise.all([...children.values()].map((child) => exited(child, 30_000)));
    },
    async cleanup() {
      for (const child of children.values()) {
        if (child.signalCode === 'SIGSTOP' || child.exitCode === null) child.kill('SIGCONT');
        child.kill('SIGKILL');
      }
      await Promise.all([...children.values()].map((child) => exited(child, 5_000)));
      await h.coordinator?.close().catch(() => {});
      if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/** Entries of `type` for `round`. */
export function entriesFor<T extends { type: string; body: Record<string, unknown> }>(entries: T[], type: string, round?: number): T[] {
  return entries.filter((e) => e.type === type && (round === undefined || e.body.round === round));
}
