// `cohort demo`: a whole federation on this machine. The run service (coordinator/run-service.ts)
// and N agency clients, each client a separate OS process talking over real WebSockets on
// loopback, train on MNIST split label-skewed across the agencies, with secure aggregation on.
// The run is submitted through the service's API, signed by a demo operator key, as `cohort run
// submit` does; then the model is shown and the ledger verified the way an auditor would.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { RECEIPTS_FILE, readReceipts } from '../../ledger/receipt-file.js';
import { fileExists } from '../../storage/atomic.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { DEFAULT_MNIST_SPLIT, describeSplit, mnistPartitionTable, splitMnist, type MnistSplit } from '../../client/data/source.js';
import { Enrolment, OPERATORS } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS } from '../../coordinator/limits.js';
import type { RunConfig } from '../../coordinator/run-config.js';
import type { BookedRun } from '../../coordinator/run-book.js';
import { RunService } from '../../coordinator/run-service.js';
import { RunProgress } from '../../coordinator/run-progress.js';
import { RunStore } from '../../coordinator/run-store.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { initEngine } from '../../ml/engine.js';
import { createLogger } from '../log.js';
import { CliError, listenProblem, nonNegativeInt, positiveInt, positiveNumber, reportErrors, write } from '../output.js';
import { ProgressView } from '../progress.js';
import { addRunOptions, runConfigFrom, type RunFlags } from '../run-options.js';
import { ServiceClient, type Operator } from '../service-client.js';

interface DemoFlags extends RunFlags {
  agencies: number;
  partition: MnistSplit['partition'];
  shardsPerAgency: number;
  alpha: number;
  heldOut: number;
  dir?: string;
  httpPort: number;
  logLevel: string;
}

export function demoCommand(): Command {
  const cmd = new Command('demo')
    .description('run a federation on this machine: the run service and N agency processes on non-IID MNIST, SecAgg on')
    .option('--agencies <n>', 'agency client processes', positiveInt, 5)
    .addOption(new Option('--partition <kind>', 'how digits are split among agencies').choices(['dirichlet', 'shards', 'iid']).default('dirichlet'))
    .option('--shards-per-agency <n>', 'with --partition shards', positiveInt, DEFAULT_MNIST_SPLIT.shardsPerAgency)
    .option('--alpha <x>', 'with --partition dirichlet: smaller is more skewed', positiveNumber, DEFAULT_MNIST_SPLIT.alpha)
    .option('--held-out <n>', 'digits held out for evaluation (no agency trains on them)', positiveInt, DEFAULT_MNIST_SPLIT.heldOut)
    .option('--dir <dir>', 'where keys, policies, logs, the ledger and the model go (default: a new temporary folder)')
    .option('--http-port <port>', 'port of the service\'s API and dashboard on 127.0.0.1 (0: any free port)', nonNegativeInt, 0)
    .option('--log-level <level>', 'log level of the coordinator and clients (logs/ in --dir)', 'info');
  // Measured here (README, Performance): 5 agencies on Dirichlet(0.5) label skew pass 92% held-out
  // accuracy by round 4-6 with these settings; 12 rounds leave margin and take about a minute.
  addRunOptions(cmd, { runId: 'demo', rounds: 12, epochs: 2, batchSize: 10, lr: 0.1, minAgencies: 3 });
  cmd.action(async (flags: DemoFlags, self: Command) => {
    await reportErrors(self, () => runDemo(flags, self), (err) => listenProblem(err, { '--http-port': flags.httpPort }));
  });
  return cmd;
}

async function runDemo(flags: DemoFlags, self: Command): Promise<void> {
  const say = (line: string) => write(self, line);
  const started = performance.now();
  if (flags.agencies < flags.minAgencies) throw new RangeError(`--agencies ${flags.agencies} is below --min-agencies ${flags.minAgencies}`);
  const dir = resolve(flags.dir ?? await mkdtemp(join(tmpdir(), 'cohort-demo-')));
  const engine = await initEngine('auto');
  say(`engine: ${engine.detail}`);
  const config = await runConfigFrom(flags);
  const split: MnistSplit = { ...DEFAULT_MNIST_SPLIT, agencies: flags.agencies, partition: flags.partition, shardsPerAgency: flags.shardsPerAgency, alpha: flags.alpha, heldOut: flags.heldOut };
  say(`data: ${flags.agencies} agencies, ${describeSplit(split)}; ${split.heldOut} digits held out`);
  say(mnistPartitionTable(split));

  // Identities, enrolment and each agency's own policy, as files on disk; the ML team's operator key.
  const federation = await prepareLocalFederation(dir, config, split);
  const operator = await demoOperator(federation);
  const agencies = federation.agencies.map((a) => a.name);

  const view = new ProgressView(config.rounds, say);
  const service = await RunService.start({
    dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, agencies: federation.enrolment, roster: federation.roster, operators: operator.enrolment,
    host: '127.0.0.1', port: 0, limits: DEFAULT_LIMITS, log: createLogger(flags.logLevel, join(dir, 'logs', 'coordinator.log')),
    http: { host: '127.0.0.1', port: flags.httpPort }, heldOut: splitMnist(split).test, watch: { runEvents: () => view.events },
  });
  say(`run service ${toHex(federation.coordinatorIdentity.publicKey).slice(0, 16)}… on ${service.url}; secure aggregation ${config.secagg.enabled ? 'on' : 'off'}; DP ${config.dp.mode}`);
  say(`dashboard: ${service.apiUrl} (load ${operator.keyPath} there to pause, resume or stop the run)`);
  const children = federation.agencies.map((agency, i) => spawnAgencyClient(federation, agency, service.url, { seed: i + 1, logLevel: flags.logLevel }));
  say(`started ${children.length} agency processes (logs in ${join(dir, 'logs')})`);
  let ended;
  try {
    ended = await submitAndFollow(service, operator, config, children, agencies, say);
  } finally {
    view.stop();
    await service.close();
    await Promise.all(children.map((child) => exited(child, 15_000)));
  }
  say('');
  say(`run ${config.runId} ${ended.status} (${ended.reason}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sayModel(federation, config, split.heldOut, say);
  if (!(await sayAuditorCheck(federation, config.runId, service.ledgerPath, say)) || ended.status !== 'finished') process.exitCode = 1;
}

/** The ML team member running the demo: an operator key, enrolled with the service as any operator's would be. */
async function demoOperator(federation: LocalFederation): Promise<{ enrolment: Enrolment; keyPath: string; client: Operator }> {
  const identity = generateIdentity();
  const keyPath = join(federation.dir, 'operator.key');
  await writeIdentityFile(keyPath, identity, { name: 'ml-team', overwrite: true });
  const enrolment = await Enrolment.open(federation.coordinatorDir, OPERATORS);
  if (!enrolment.isEnrolled('ml-team', identity.publicKey)) {
    if (enrolment.lookup('ml-team')) await enrolment.remove('ml-team');
    await enrolment.add('ml-team', toHex(identity.publicKey));
  }
  return { enrolment, keyPath, client: { operator: 'ml-team', identity } };
}

/**
 * Once every agency is connected (each loads its data first, so round 1 has the whole
 * federation), the run goes in through the service's API, signed, as `cohort run submit` sends
 * it; then the demo waits for it to end. An agency process that fails must not leave it waiting.
 */
async function submitAndFollow(service: RunService, operator: { client: Operator }, config: RunConfig, children: ChildProcess[], agencies: string[],
  say: (line: string) => void): Promise<BookedRun> {
  let failed = 0;
  const gone = new AbortController();
  children.forEach((child, i) => child.once('exit', (code) => {
    if (code === 0 || gone.signal.aborted) return;
    say(`${agencies[i]} exited with code ${code}; see the logs`);
    if (children.length - ++failed < config.selection.min) gone.abort();
  }));
  const ready = Date.now() + 60_000;
  while (service.connected().length < children.length && Date.now() < ready && !gone.signal.aborted) await new Promise((r) => setTimeout(r, 100));
  if (gone.signal.aborted) throw new CliError(`too few agency processes are left to run (${children.length - failed} of ${config.selection.min} needed)`);
  const client = new ServiceClient(service.apiUrl.replace(/\/$/, ''), operator.client);
  const booked = await client.signed<BookedRun>('POST', '/api/runs', Buffer.from(JSON.stringify(config)));
  say(`submitted run ${booked.runId} as operator ml-team: ${booked.status}`);
  const stopped = new Promise<never>((_, reject) => gone.signal.addEventListener('abort', () => reject(new CliError('too few agency processes are left: the run cannot go on'))));
  const ended = await Promise.race([service.whenEnded(booked.runId), stopped]);
  gone.abort();
  return ended;
}

/** The run's model (its last round closed ok, as the ledger says) and the figures of that round. */
async function sayModel(federation: LocalFederation, config: RunConfig, heldOut: number, say: (line: string) => void): Promise<void> {
  const store = new RunStore(federation.coordinatorDir, config.runId);
  const { lastOk } = await RunProgress.read(store.ledgerPath, config.runId);
  const last = (await store.readRoundRecords()).get(lastOk.round);
  if (last?.accuracy !== undefined) say(`final held-out accuracy: ${(100 * last.accuracy).toFixed(2)}% on ${heldOut} digits no agency trained on`);
  if (last?.epsilon !== undefined) say(`privacy spent: epsilon ${last.epsilon.toFixed(3)} at delta ${config.dp.delta}`);
  say(`model (TF.js layers format; in Node, loadModel from 'cohort/model' loads it): ${join(store.checkpointDir(lastOk.round), 'model.json')}`);
}

/** The auditor's check: the ledger, the coordinator's public key and every receipt held; and the command to repeat it. */
async function sayAuditorCheck(federation: LocalFederation, runId: string, ledgerPath: string, say: (line: string) => void): Promise<boolean> {
  const candidates = [...federation.agencies.map((agency) => agency.stateDir), join(federation.coordinatorDir, 'runs', runId)];
  const { report, command } = await auditorCheck(ledgerPath, federation.coordinatorIdentity.publicKey, candidates);
  say(`ledger ${ledgerPath}: ${report.ok ? 'VERIFIED' : 'INVALID'} — ${report.entries} entries, ${report.receiptsChecked} receipts (agencies' and the run's) checked`);
  if (!report.ok) say(`  first bad line ${report.failure!.line}: ${report.failure!.code}: ${report.failure!.message}`);
  say(`verify it yourself: ${command}`);
  return report.ok;
}

/**
 * The ledger verified as `cohort audit verify` does, with the receipts held in `candidates`, and
 * that command. An agency never picked for a round holds no receipts: only folders that hold
 * some are passed (the command would refuse an empty one), and a receipt file that cannot be
 * read is an error, as it is for the command.
 */
export async function auditorCheck(ledgerPath: string, coordinatorKey: Uint8Array, candidates: readonly string[]): Promise<{ report: VerifyReport; command: string }> {
  const receiptDirs: string[] = [];
  for (const candidate of candidates) if (await fileExists(join(candidate, RECEIPTS_FILE))) receiptDirs.push(candidate);
  const receipts = [];
  for (const receiptDir of receiptDirs) receipts.push(...(await readReceipts(receiptDir)).map((s) => s.receipt));
  const report = verifyLedger(await readFile(ledgerPath), { coordinatorKey, receipts, requireFinished: true });
  const held = receiptDirs.length ? ` --receipts ${receiptDirs.join(' ')}` : '';
  return { report, command: `npx cohort audit verify ${ledgerPath} --coordinator-key ${toHex(coordinatorKey)}${held} --require-finished` };
}
