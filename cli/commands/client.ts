// `cohort client`: an agency's node, run on-premise beside its data, bound by its own policy.
import { basename, extname } from 'node:path';
import { Command } from 'commander';
import { runAgent } from '../../client/agent.js';
import { checkDataForPolicyModels } from '../../client/data/check.js';
import { DataError } from '../../client/data/errors.js';
import { loadAgencySource, type AgencySource } from '../../client/data/source.js';
import { explainPolicy, loadPolicy, PolicyError, type Policy } from '../../client/policy.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { fromHex } from '../../identity/keys.js';
import { ProtocolError } from '../../proto/errors.js';
import { initEngine, type EnginePreference } from '../../ml/engine.js';
import { exampleCount } from '../../ml/dataset.js';
import { createLogger } from '../log.js';
import { CliError, debugging, EXIT_UNUSABLE, positiveInt, readFlagFile, reportErrors, write } from '../output.js';

interface ClientFlags {
  coordinator?: string;
  key?: string;
  policy: string;
  agency?: string;
  stateDir?: string;
  ca?: string;
  insecurePlainWs: boolean;
  engine: EnginePreference;
  explainPolicy: boolean;
  exitWhenDone: boolean;
  seed?: number;
  logLevel: string;
  logFile?: string;
  debug: boolean;
}

export function clientCommand(): Command {
  return new Command('client')
    .description("run an agency's client node: train locally, send only masked updates, within the agency's policy")
    .requiredOption('--policy <file>', "the agency's policy (JSON): pinned coordinator key, purposes, models, minimum cohort, budget, dataset")
    .option('--coordinator <url>', 'the coordinator, e.g. wss://coordinator.example.gov:7400')
    .option('--key <file>', "the agency's identity file (cohort keys new)")
    .option('--agency <id>', 'agency id, as enrolled (default: the name in the identity file, from keys new --name)')
    .option('--state-dir <dir>', 'where receipts and the round journal (answers given, privacy charged) are kept (default: .cohort-agency-<id>)')
    .option('--ca <file>', 'PEM CA certificate that signed the coordinator\'s TLS certificate (wss:// with a private CA)')
    .option('--insecure-plain-ws', 'allow plain ws:// to a coordinator off loopback (never in production)', false)
    .option('--engine <name>', 'compute engine: auto, tensorflow, wasm, cpu', 'auto')
    .option('--explain-policy', 'print what the policy allows and refuses, then exit', false)
    .option('--exit-when-done', 'exit when the coordinator shuts down instead of reconnecting', false)
    .option('--seed <n>', 'seed for local shuffling (reproducible runs)', positiveInt)
    .option('--log-level <level>', 'pino log level', 'info')
    .option('--log-file <file>', 'write logs to this file instead of stderr')
    .option('--debug', 'print the stack trace of a data error too', false)
    .action(async (flags: ClientFlags, self: Command) => {
      const unusable = await reportErrors(self, async (): Promise<DataError | undefined> => {
        // A policy that cannot be used is unusable input (exit 2), like the data it names.
        const policy = await loadPolicy(flags.policy).catch((err: unknown) => {
          throw err instanceof PolicyError ? new CliError(err.message, EXIT_UNUSABLE) : err;
        });
        if (flags.explainPolicy) {
          write(self, explainPolicy(policy));
          return;
        }
        if (!flags.coordinator || !flags.key) throw new RangeError('--coordinator <url> and --key <identity file> are required to run the client (only --explain-policy runs without them)');
        if (!/^wss?:\/\/[^/]/.test(flags.coordinator)) {
          throw new RangeError(`--coordinator ${flags.coordinator}: expected a ws:// or wss:// URL, e.g. wss://coordinator.example.gov:7400 (plain ws:// only to this machine)`);
        }
        const { name, identity } = await readIdentityFile(flags.key);
        const agency = flags.agency ?? (name || basename(flags.key, extname(flags.key)));
        const log = createLogger(flags.logLevel, flags.logFile).child({ agency });
        const loaded = await checkedData(policy);
        if (loaded instanceof DataError) return loaded;
        const { fingerprint } = loaded;
        const data = 'data' in loaded ? { data: loaded.data } : { table: loaded.table };
        const engine = await initEngine(flags.engine);
        log.info({ engine: engine.name }, engine.detail);
        log.info({ ...('data' in loaded ? { examples: exampleCount(loaded.data) } : { rows: loaded.table.records.length }), dataset: fingerprint.sha256 }, 'data loaded');
        const stop = new AbortController();
        process.once('SIGINT', () => stop.abort());
        process.once('SIGTERM', () => stop.abort());
        const summary = await runAgent({
          agency, identity, url: flags.coordinator, coordinatorKey: fromHex(policy.coordinatorKey, 32, 'policy.coordinatorKey'),
          ca: flags.ca ? await readFlagFile('--ca', flags.ca) : undefined, allowPlainRemote: flags.insecurePlainWs, policy, ...data, dataset: fingerprint,
          stateDir: flags.stateDir ?? `.cohort-agency-${agency}`, log, signal: stop.signal,
          exitWhenCoordinatorStops: flags.exitWhenDone, seed: flags.seed,
        });
        log.info(summary, 'client stopped');
        return undefined;
      }, handshakeProblem);
      if (unusable) {
        if (flags.debug || debugging(self)) self.configureOutput().writeErr?.(`${unusable.stack}\n`);
        // Exit code 2: the data is unusable input, fixed by the agency, not by a retry.
        self.error(`error: ${unusable.code}: ${unusable.message}`, { exitCode: 2, code: unusable.code });
      }
    });
}

/**
 * The policy's data, loaded and checked before anything else starts (a table is checked against
 * each run's schema when offered); a data problem is returned, not thrown.
 */
async function checkedData(policy: Policy): Promise<AgencySource | DataError> {
  try {
    const loaded = await loadAgencySource(policy.dataset);
    if (!('data' in loaded)) return loaded;
    const fit = checkDataForPolicyModels(loaded.data, policy.models);
    return fit.ok ? loaded : new DataError(fit.code, `${policy.dataset.path ?? policy.dataset.kind}: ${fit.message}`);
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
}

/** A refusal no retry cures, with what does: the agency's enrolment, or the key its policy pins. */
function handshakeProblem(err: unknown): string | undefined {
  if (!(err instanceof ProtocolError)) return undefined;
  switch (err.code) {
    case 'UNKNOWN_AGENCY':
      return `${err.message} (UNKNOWN_AGENCY): the ML team must enrol this agency id with this key (cohort enroll add <agency id> <its .pub file>); ` +
        'the agency id is the name in the key file, or --agency';
    case 'COORDINATOR_KEY_MISMATCH':
      return `${err.message} (COORDINATOR_KEY_MISMATCH): policy.coordinatorKey must be the key in the coordinator.pub the ML team sent; if it is, this is not that coordinator`;
    default:
      return `${err.message} (${err.code})`;
  }
}
