// Chaos with real processes and kill -9 (issue #11): `cohort coordinator` and four `cohort client`
// processes over loopback, SecAgg+ and central DP, on a tiny layers-json model. The coordinator
// is SIGKILLed when its ledger reaches a random length, an agency's client at another, restarted
// at once (the clients reconnect by themselves); the coordinator is started again on the same
// data directory and must finish the run. Then the invariants of test/chaos/invariants.ts, the
// model checked through `cohort model export`. Needs dist/ (npx tsc -p tsconfig.json).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelCommand } from '../../cli/commands/model.js';
import { RunProgress } from '../../coordinator/run-progress.js';
import { parseRunConfig } from '../../coordinator/run-config.js';
import { CLI_PATH, exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { receiptsIn } from '../helpers/receipts.js';
import { loadCheckpoint } from '../../ml/checkpoint.js';
import { initEngine } from '../../ml/engine.js';
import { buildModel } from '../../ml/models.js';
import { seededRandom } from '../../ml/random.js';
import { getFlatWeights } from '../../ml/weights.js';
import { DEFAULT_MNIST_SPLIT } from '../../client/data/source.js';
import { builtCli } from '../helpers/federation.js';
import { violations } from './invariants.js';
import { freePort } from '../helpers/in-process-cli.js';

// One trial in the suite (~15 s of processes starting and reconnecting); more with COHORT_CHAOS_PROCESS_SEEDS=1,2,3.
const SEEDS = (process.env.COHORT_CHAOS_PROCESS_SEEDS ?? '31').split(',').map(Number);
const ROUNDS = 4;
const AGENCIES = 4;

const children: ChildProcess[] = [];
let dir: string | undefined;
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await exited(child, 5_000);
  }
  if (dir && !process.env.COHORT_KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The federation on disk: identities, enrolment, each agency's policy over a small JSON dataset, the model file. */
async function setUp(root: string) {
  await initEngine();
  const model = await buildModel({ kind: 'tabular-mlp', inputs: 4, task: 'binary', outputs: 1, hidden: [3] }, 7);
  const modelPath = join(root, 'model.json');
  await writeFile(modelPath, JSON.stringify(model.toJSON(null, false)));
  model.dispose();
  const rows = join(root, 'rows.json');
  await writeFile(rows, JSON.stringify(Array.from({ length: 40 }, (_, i) => ({ features: [i % 3, i % 5, i % 7, 1], label: i % 2 }))));
  const config = parseRunConfig({
    runId: 'kill9', purpose: 'fault injection with processes', model: 'layers-json', modelPath, rounds: ROUNDS,
    train: { epochs: 1, batchSize: 8, learningRate: 0.1 }, selection: { min: 3 }, minCohort: 3,
    dp: { mode: 'central', clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 },
  });
  const federation = await prepareLocalFederation(root, config, { ...DEFAULT_MNIST_SPLIT, agencies: AGENCIES },
    (_, policy) => ({ ...policy, dataset: { kind: 'json', path: rows, license: 'test rows' } }));
  return { config, federation, modelPath };
}

function startCoordinator(f: LocalFederation, modelPath: string, port: number, label: string): ChildProcess {
  const child = spawn(process.execPath, [CLI_PATH, 'coordinator', '--data-dir', f.coordinatorDir, '--key', join(f.coordinatorDir, 'coordinator.key'),
    '--port', String(port), '--run-id', 'kill9', '--purpose', 'fault injection with processes', '--model', 'layers-json', '--model-path', modelPath,
    '--rounds', String(ROUNDS), '--epochs', '1', '--batch-size', '8', '--lr', '0.1', '--min-agencies', '3', '--secagg', 'on',
    '--dp', 'central', '--noise-multiplier', '1', '--clip-norm', '1', '--delta', '1e-5', '--upload-timeout-ms', '60000', '--log-level', 'info',
    '--roster', join(f.dir, 'roster.json')],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(join(f.dir, 'logs', `coordinator-${label}.out`));
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  children.push(child);
  return child;
}

function startClient(f: LocalFederation, index: number, port: number): ChildProcess {
  // No --exit-when-done: like a deployed client, it reconnects to whatever coordinator comes back.
  const child = spawnAgencyClient(f, f.agencies[index], `ws://127.0.0.1:${port}`, { seed: index + 1, exitWhenDone: false, logLevel: 'info' });
  children.push(child);
  return child;
}

async function ledgerLines(path: string): Promise<number> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').length - 1;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(!builtCli())('chaos with real processes and kill -9', () => {
  it.each(SEEDS)('seed %i: the coordinator and an agency killed at random ledger lengths; the run resumes, finishes, and every invariant holds', async (seed) => {
    dir = await mkdtemp(join(tmpdir(), `cohort-kill9-${seed}-`));
    const { federation: f, modelPath } = await setUp(dir);
    const random = seededRandom(seed);
    const ledgerPath = join(f.coordinatorDir, 'ledger.jsonl');
    // 1 run_created + 4 joins + 10 entries a round (opening, 4 commitments, unmasking, aggregate, model, privacy, closing).
    const span = 1 + AGENCIES + 10 * ROUNDS;
    const coordinatorAt = 6 + Math.floor(random() * (span - 10));
    const agencyAt = 3 + Math.floor(random() * (span - 6));
    const victim = Math.floor(random() * AGENCIES);
    const port = await freePort();

    const first = startCoordinator(f, modelPath, port, 'first');
    const clients = f.agencies.map((_, i) => startClient(f, i, port));
    const agencyKill = until(async () => (await ledgerLines(ledgerPath)) >= agencyAt, 120_000, `ledger line ${agencyAt}`).then(() => {
      clients[victim].kill('SIGKILL');
      clients[victim] = startClient(f, victim, port);
    });
    await until(async () => (await ledgerLines(ledgerPath)) >= coordinatorAt || first.exitCode !== null, 120_000, `ledger line ${coordinatorAt}`);
    first.kill('SIGKILL');
    await exited(first, 5_000);
    const killedAt = await ledgerLines(ledgerPath);

    const second = startCoordinator(f, modelPath, port, 'second');
    expect(await exited(second, 120_000)).toBe(0);
    await agencyKill.catch(() => undefined); // the run may have ended before the agency's turn came
    for (const client of clients) client.kill('SIGTERM');
    await Promise.all(clients.map((c) => exited(c, 10_000)));

    // The ML team's model, as `cohort model export` gives it, is the last ok round's.
    const exportDir = join(dir, 'exported');
    await modelCommand().exitOverride().parseAsync(['export', '--data-dir', f.coordinatorDir, '--run-id', 'kill9', '--out', exportDir], { from: 'user' });
    const exported = await loadCheckpoint(exportDir);
    const weights = getFlatWeights(exported);
    exported.dispose();
    const progress = await RunProgress.read(ledgerPath, 'kill9');
    const receipts = await receiptsIn([...f.agencies.map((a) => a.stateDir), join(f.coordinatorDir, 'runs', 'kill9')]);
    const problems = await violations({
      ledger: await readFile(ledgerPath), coordinatorKey: f.coordinatorIdentity.publicKey, receipts, runId: 'kill9',
      weights, checkpointDir: join(f.coordinatorDir, 'runs', 'kill9', 'checkpoints', `round-${String(progress.lastOk.round).padStart(5, '0')}`),
    });
    expect(problems, `killed at ledger line ${killedAt}; logs in ${f.dir}/logs`).toEqual([]);
    expect(progress.finished).toBeDefined();
    expect(progress.okRounds.length).toBeGreaterThan(0);
    expect(receipts.filter((r) => r.type === 'commitment').length).toBeGreaterThan(0);
  }, 240_000);
});

