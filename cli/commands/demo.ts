// `cohort demo`: a whole federation on this machine. The run service (coordinator/run-service.ts)
// and N agency clients, each client a separate OS process talking over real WebSockets on
// loopback, train on MNIST split label-skewed across the agencies (or, with --example titanic, on
// the Titanic passenger list split by port of embarkation), with secure aggregation on; the
// agencies validate each model on their own validation splits, and the demo prints that
// federated validation beside the coordinator's held-out figures. The run is submitted through
// the service's API, signed by a demo operator key, as `cohort run submit` does; then the model is
// shown and the ledger verified the way an auditor would.
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
import { parseRunConfig, roundsOf, type RunConfig } from '../../coordinator/run-config.js';
import type { BookedRun } from '../../coordinator/run-book.js';
import { RunService } from '../../coordinator/run-service.js';
import { RunProgress } from '../../coordinator/run-progress.js';
import { RunStore, type RoundRecord } from '../../coordinator/run-store.js';
import type { HeldOut } from '../../coordinator/tf-model.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { exited, prepareLocalFederation, spawnAgencyClient, type LocalFederation } from '../../examples/local-federation.js';
import { heldOutEncoder, prepareTitanicFederation, splitTitanic, TITANIC_CSV, TITANIC_RUN } from '../../examples/titanic/federation.js';
import { initEngine } from '../../ml/engine.js';
import { createLogger } from '../log.js';
import { CliError, listenProblem, nonNegativeInt, positiveInt, positiveNumber, reportErrors, write } from '../output.js';
import { ProgressView } from '../progress.js';
import { addRunOptions, runConfigFrom, type RunFlags } from '../run-options.js';
import { applyRecordDemoDefaults } from '../record-demo.js';
import { ServiceClient, type Operator } from '../service-client.js';

interface DemoFlags extends RunFlags {
  example: 'mnist' | 'titanic';
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
    .description('run a federation on this machine: the run service and N agency processes on non-IID MNIST (or --example titanic), SecAgg on')
    .addOption(new Option('--example <name>', 'mnist: digits split label-skewed; titanic: the raw passenger list, three agencies split by port, schema and run in examples/titanic/run.json (--rounds, --secagg, --seed apply)')
      .choices(['mnist', 'titanic']).default('mnist'))
    .option('--agencies <n>', 'agency client processes (mnist)', positiveInt, 5)
    .addOption(new Option('--partition <kind>', 'how digits are split among agencies').choices(['dirichlet', 'shards', 'iid']).default('dirichlet'))
    .option('--shards-per-agency <n>', 'with --partition shards', positiveInt, DEFAULT_MNIST_SPLIT.shardsPerAgency)
    .option('--alpha <x>', 'with --partition dirichlet: smaller is more skewed', positiveNumber, DEFAULT_MNIST_SPLIT.alpha)
    .option('--held-out <n>', 'digits held out for evaluation (no agency trains on them)', positiveInt, DEFAULT_MNIST_SPLIT.heldOut)
    .option('--dir <dir>', 'where keys, policies, logs, the ledger and the model go (default: a new temporary folder)')
    .option('--http-port <port>', 'port of the service\'s API and dashboard on 127.0.0.1 (0: any free port)', nonNegativeInt, 0)
    .option('--log-level <level>', 'log level of the coordinator and clients (logs/ in --dir)', 'info');
  // Measured here (README, Performance): 5 agencies on Dirichlet(0.5) label skew pass 92% held-out
  // accuracy by round 4-6 with these settings; 12 rounds leave margin and take about a minute.
  addRunOptions(cmd, { runId: 'demo', rounds: 12, epochs: 2, batchSize: 10, lr: 0.1, minAgencies: 3, evaluateEvery: 1, evaluateAtEnd: true, validationFraction: 0.25 });
  cmd.action(async (flags: DemoFlags, self: Command) => {
    await reportErrors(self, () => runDemo(flags, self), (err) => listenProblem(err, { '--http-port': flags.httpPort }));
  });
  return cmd;
}

/** What the demo runs: the run, the federation on disk, the coordinator's held-out set (for the comparison only). */
interface DemoExample {
  config: RunConfig;
  federation: LocalFederation;
  heldOut: HeldOut;
  /** What the coordinator holds out, e.g. "2000 digits no agency trained on". */
  heldOutLabel: string;
}

async function runDemo(flags: DemoFlags, self: Command): Promise<void> {
  const say = (line: string) => write(self, line);
  const started = performance.now();
  const dir = resolve(flags.dir ?? await mkdtemp(join(tmpdir(), 'cohort-demo-')));
  const engine = await initEngine('auto');
  say(`engine: ${engine.detail}`);
  // Identities, enrolment and each agency's own policy, as files on disk; the ML team's operator key.
  const { config, federation, heldOut, heldOutLabel } = flags.example === 'titanic' ? await titanicExample(flags, self, dir, say) : await mnistExample(flags, self, dir, say);
  const operator = await demoOperator(federation);
  const agencies = federation.agencies.map((a) => a.name);

  const view = new ProgressView(roundsOf(config), say);
  const service = await RunService.start({
    dataDir: federation.coordinatorDir, identity: federation.coordinatorIdentity, agencies: federation.enrolment, roster: federation.roster, operators: operator.enrolment,
    host: '127.0.0.1', port: 0, limits: DEFAULT_LIMITS, log: createLogger(flags.logLevel, join(dir, 'logs', 'coordinator.log')),
    http: { host: '127.0.0.1', port: flags.httpPort }, heldOutFor: (run) => (run.runId === config.runId ? heldOut : undefined), watch: { runEvents: () => view.events },
  });
  say(`run service ${toHex(federation.coordinatorIdentity.publicKey).slice(0, 16)}… on ${service.url}; secure aggregation ${config.secagg.enabled ? 'on' : 'off'}; DP ${config.dp.mode}${config.recordDp ? `; record-level DP-SGD z ${config.recordDp.noiseMultiplier}, lot ${config.recordDp.expectedLotSize}, C ${config.recordDp.clipNorm}` : ''}`);
  if (!config.secagg.enabled && config.evaluation) say('secure aggregation is off: the agencies\' policies keep their metrics aggregate, so they report none (a policy with "metrics": "per-agency" would send its own in the clear)');
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
  await sayModel(federation, config, heldOutLabel, say);
  if (!(await sayAuditorCheck(federation, config.runId, service.ledgerPath, say)) || ended.status !== 'finished') process.exitCode = 1;
}

/** MNIST split label-skewed among `--agencies` agencies; the coordinator holds out `--held-out` digits. */
async function mnistExample(flags: DemoFlags, self: Command, dir: string, say: (line: string) => void): Promise<DemoExample> {
  if (flags.agencies < flags.minAgencies) throw new RangeError(`--agencies ${flags.agencies} is below --min-agencies ${flags.minAgencies}`);
  const split: MnistSplit = { ...DEFAULT_MNIST_SPLIT, agencies: flags.agencies, partition: flags.partition, shardsPerAgency: flags.shardsPerAgency, alpha: flags.alpha, heldOut: flags.heldOut };
  applyRecordDemoDefaults(flags, self, splitMnist(split).parts.map((p) => p.length));
  const config = await runConfigFrom(flags);
  say(`data: ${flags.agencies} agencies, ${describeSplit(split)}; ${split.heldOut} digits held out`);
  say(mnistPartitionTable(split));
  const federation = await prepareLocalFederation(dir, config, split);
  return { config, federation, heldOut: splitMnist(split).test, heldOutLabel: `${split.heldOut} digits no agency trained on` };
}

/**
 * The titanic run of examples/titanic/run.json (the schema, the model, the rounds), with --rounds,
 * --secagg and --seed when given; three agencies split by port; 179 passengers held out.
 */
async function titanicExample(flags: DemoFlags, self: Command, dir: string, say: (line: string) => void): Promise<DemoExample> {
  const file = JSON.parse(await readFile(TITANIC_RUN, 'utf8')) as Record<string, unknown>;
  const given = (name: string) => self.getOptionValueSource(name) === 'cli';
  const config = parseRunConfig({
    ...file,
    ...(given('rounds') ? { rounds: flags.rounds } : {}),
    ...(given('seed') ? { seed: flags.seed } : {}),
    ...(given('secagg') ? { secagg: { ...(file.secagg as object), enabled: flags.secagg === 'on' } } : {}),
  });
  const split = splitTitanic(config.seed);
  say(`data: the Titanic passenger list (${TITANIC_CSV}), ${split.heldOut.records.length} passengers held out by the coordinator for the comparison, the rest split by port of embarkation:`);
  for (const a of split.agencies) say(`  ${a.agency}: ${a.name}, ${a.passengers} passengers`);
  const federation = await prepareTitanicFederation(dir, config, split);
  return { config, federation, heldOut: heldOutEncoder(config.schema!, split.heldOut), heldOutLabel: `${split.heldOut.records.length} passengers no agency holds` };
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

/**
 * The run's model (its last round closed ok, as the ledger says) and the figures of that round:
 * the held-out accuracy, the agencies' federated validation of the same model, the best model;
 * the median training round; then each model's two accuracies side by side.
 */
async function sayModel(federation: LocalFederation, config: RunConfig, heldOut: string, say: (line: string) => void): Promise<void> {
  const store = new RunStore(federation.coordinatorDir, config.runId);
  const progress = await RunProgress.read(store.ledgerPath, config.runId);
  const { lastOk } = progress;
  const records = [...(await store.readRoundRecords()).values()].sort((a, b) => a.round - b.round);
  const last = records.find((r) => r.round === lastOk.round);
  if (last?.accuracy !== undefined) say(`final held-out accuracy: ${(100 * last.accuracy).toFixed(2)}% on ${heldOut}`);
  const final = records.map((r) => r.validation).filter((v) => v && v.modelRound === lastOk.round).at(-1);
  if (final?.accuracy !== undefined) say(`final federated validation accuracy: ${(100 * final.accuracy).toFixed(2)}% on the agencies' ${final.examples} validation examples (totals summed under secure aggregation)`);
  if (progress.best) say(`best validated model: round ${progress.best.modelRound} (federated validation loss ${progress.best.loss.toFixed(4)}); cohort model export --best exports it`);
  const trained = records.filter((r) => r.status === 'ok' && !r.kind);
  if (trained.length > 0) say(`median training round: ${median(trained.map((r) => r.seconds)).toFixed(3)} s over ${trained.length} rounds`);
  if (last?.epsilon !== undefined) say(`privacy spent: epsilon ${last.epsilon.toFixed(3)} at delta ${config.dp.delta}`);
  say(`model (TF.js layers format; in Node, loadModel from 'cohort/model' loads it): ${join(store.checkpointDir(lastOk.round), 'model.json')}`);
  for (const line of validationTable(records)) say(line);
}

/** Each model's federated validation accuracy beside the coordinator's held-out accuracy of the same model, and the largest gap. */
export function validationTable(history: readonly RoundRecord[]): string[] {
  const heldOut = new Map(history.filter((r) => r.accuracy !== undefined).map((r) => [r.round, r.accuracy!]));
  const rows = history.flatMap((r) => (r.validation?.accuracy !== undefined && heldOut.has(r.validation.modelRound)
    ? [{ model: r.validation.modelRound, validation: r.validation.accuracy, heldOut: heldOut.get(r.validation.modelRound)! }] : []));
  if (rows.length === 0) return [];
  const points = (x: number) => (100 * x).toFixed(2);
  const gaps = rows.map((row) => Math.abs(row.validation - row.heldOut));
  return [
    'model of round | federated validation accuracy | held-out accuracy | difference (points)',
    ...rows.map((row, i) => `${String(row.model).padStart(14)} | ${points(row.validation).padStart(28)}% | ${points(row.heldOut).padStart(16)}% | ${(100 * gaps[i]).toFixed(2)}`),
    `largest difference: ${(100 * Math.max(...gaps)).toFixed(2)} points over ${rows.length} models`,
  ];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The auditor's check: the ledger, the coordinator's public key and every receipt held; and the command to repeat it. */
async function sayAuditorCheck(federation: LocalFederation, runId: string, ledgerPath: string, say: (line: string) => void): Promise<boolean> {
  const candidates = [...federation.agencies.map((agency) => agency.stateDir), join(federation.coordinatorDir, 'runs', runId)];
  const { report, command } = await auditorCheck(ledgerPath, federation.coordinatorIdentity.publicKey, candidates);
  say(`ledger ${ledgerPath}: ${report.ok ? 'VERIFIED' : 'INVALID'} — ${report.entries} entries, ${report.receiptsChecked} receipts (agencies' and the run's) checked`);
  if (!report.ok) say(`  first bad line ${report.failure!.line}: ${report.failure!.code}: ${report.failure!.message}`);
  const record = report.runs.find((r) => r.runId === runId)?.recordSpend;
  if (record) say(`record-level epsilon each agency signed (budget, delta): ${record.map((s) => `${s.agency} ${s.epsilon} (${s.budgetEpsilon}, ${s.delta})`).join('; ')}`);
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
