// A local federation for the trust and fuzz tests: examples/local-federation's files on disk,
// an in-process coordinator with the limits a test chooses, real `cohort client` processes
// from dist/ (build first: npx tsc -p tsconfig.json), and the ledger read back and verified.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReceipts } from '../../audit/receipt.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { DEFAULT_MNIST_SPLIT, type MnistSplit } from '../../client/data/source.js';
import { DEFAULT_LIMITS, maxMessageBytesFor, type Limits } from '../../coordinator/limits.js';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../coordinator/run-config.js';
import { startCoordinator, type Coordinator } from '../../coordinator/service.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import type { GlobalModel } from '../../coordinator/global-model.js';
import { exited, prepareLocalFederation, type LocalFederation } from '../../examples/local-federation.js';
import { initEngine } from '../../ml/engine.js';
import { silent } from './wire.js';

export const BUILT_CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const builtCli = (): boolean => existsSync(BUILT_CLI);

/** A small plaintext run on the MNIST 2NN with deadlines generous for a busy two-core machine. */
export function smallRun(overrides: Partial<RunConfigInput> = {}): RunConfig {
  return parseRunConfig({
    runId: 'trust', purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 3,
    train: { epochs: 1, batchSize: 20, learningRate: 0.1 },
    selection: { min: 3 }, minCohort: 2,
    secagg: { enabled: false },
    deadlines: { answerMs: 20_000, uploadMs: 30_000, exchangeMs: 10_000 },
    waitForAgenciesMs: 60_000,
    ...overrides,
  });
}

export interface TestFederation {
  dir: string;
  federation: LocalFederation;
  model: GlobalModel;
  coordinator: Coordinator;
  children: Map<string, ChildProcess>;
  spawn(agency: string, url?: string): ChildProcess;
  waitForSessions(names: string[], timeoutMs?: number): Promise<void>;
  ledger(): Promise<Array<{ seq: number; type: string; body: Record<string, unknown> }>>;
  verify(): Promise<VerifyReport>;
  /** Stops the coordinator and waits for the clients to leave. */
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

let engine: Promise<unknown> | undefined;

export async function testFederation(name: string, config: RunConfig, agencies: number, options: {
  override?: (index: number, policy: Record<string, unknown>) => Record<string, unknown>;
  limits?: Partial<Limits>;
} = {}): Promise<TestFederation> {
  engine ??= initEngine();
  await engine;
  const dir = await mkdtemp(join(tmpdir(), `cohort-${name}-`));
  const split: MnistSplit = { ...DEFAULT_MNIST_SPLIT, agencies };
  const federation = await prepareLocalFederation(dir, config, split, options.override);
  const model = await tfGlobalModel({ kind: 'mnist-2nn' }, config.seed);
  const coordinator = await startCoordinator({
    dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, admission: federation.enrolment,
    host: '127.0.0.1', port: 0, log: silent,
    limits: { ...DEFAULT_LIMITS, maxMessageBytes: maxMessageBytesFor(model.parameters), ...options.limits },
  });
  const children = new Map<string, ChildProcess>();
  let stopped = false;
  const t: TestFederation = {
    dir, federation, model, coordinator, children,
    spawn(agency, url = coordinator.url) {
      const a = federation.agencies.find((x) => x.name === agency)!;
      const logs = join(dir, 'logs');
      const child = spawn(process.execPath, [BUILT_CLI, 'client', '--coordinator', url, '--key', a.keyPath,
        '--policy', a.policyPath, '--agency', a.name, '--state-dir', a.stateDir, '--seed', String(federation.agencies.indexOf(a) + 1),
        '--log-level', 'info', '--log-file', join(logs, `${a.name}.log`), '--exit-when-done'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const out = createWriteStream(join(logs, `${a.name}.out`));
      child.stdout!.pipe(out);
      child.stderr!.pipe(out);
      children.set(agency, child);
      return child;
    },
    async waitForSessions(names, timeoutMs = 90_000) {
      const end = Date.now() + timeoutMs;
      while (!names.every((n) => coordinator.transport.sessions.has(n))) {
        if (Date.now() > end) throw new Error(`agencies did not all connect: ${names.join(', ')}; logs in ${join(dir, 'logs')}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async ledger() {
      const text = await readFile(coordinator.ledgerPath, 'utf8');
      return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { seq: number; type: string; body: Record<string, unknown> });
    },
    async verify() {
      const receipts = [];
      for (const a of federation.agencies) receipts.push(...(await readReceipts(a.stateDir).catch(() => [])).map((s) => s.receipt));
      return verifyLedger(await readFile(coordinator.ledgerPath),
        { coordinatorKey: federation.coordinatorIdentity.publicKey, receipts, requireFinished: true });
    },
    async stop() {
      if (!stopped) {
        stopped = true;
        await coordinator.close();
      }
      await Promise.all([...children.values()].map((child) => exited(child, 30_000)));
    },
    async cleanup() {
      for (const child of children.values()) child.kill('SIGKILL');
      await Promise.all([...children.values()].map((child) => exited(child, 5_000)));
      if (!stopped) await coordinator.close().catch(() => {});
      stopped = true;
      if (!process.env.COHORT_KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
    },
  };
  return t;
}
