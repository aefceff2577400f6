// `cohort coordinator`: serve one federated run to the enrolled agencies, from start or from
// where a previous process stopped (same --data-dir and --run-id).
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { Enrolment } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS, maxMessageBytesFor, type Limits } from '../../coordinator/limits.js';
import type { RunConfig } from '../../coordinator/run-config.js';
import { startCoordinator } from '../../coordinator/service.js';
import { tfGlobalModel } from '../../coordinator/tf-model.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { toHex } from '../../identity/keys.js';
import { initEngine, type EnginePreference } from '../../ml/engine.js';
import type { ModelSpec } from '../../ml/models.js';
import { DEFAULT_MNIST_SPLIT, splitMnist } from '../../client/data/source.js';
import { createLogger } from '../log.js';
import { nonNegativeInt, positiveInt, reportErrors, write } from '../output.js';
import { addRunOptions, runConfigFrom, type RunFlags } from '../run-options.js';
import { ProgressView } from '../progress.js';

interface CoordinatorFlags extends RunFlags {
  dataDir: string;
  key: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  insecurePlainWs: boolean;
  maxMessageMb?: number;
  handshakeTimeoutMs: number;
  maxConnections: number;
  messagesPerSecond: number;
  noticesPerRound: number;
  evalMnist?: number;
  httpPort?: number;
  httpHost: string;
  engine: EnginePreference;
  logLevel: string;
}

export function coordinatorCommand(): Command {
  const cmd = new Command('coordinator')
    .description('run the coordinator: admit enrolled agencies over WebSocket and serve one federated run')
    .option('--data-dir <dir>', 'where the ledger, enrolment, checkpoints and run state live', '.cohort')
    .requiredOption('--key <file>', "the coordinator's identity file (cohort keys new)")
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port)', nonNegativeInt, 7400)
    .option('--tls-cert <file>', 'PEM certificate: serve wss://')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--insecure-plain-ws', 'allow plain ws:// on a non-loopback address (never in production)', false)
    .option('--max-message-mb <n>', 'largest message accepted (default: derived from the model size)', positiveInt)
    .option('--handshake-timeout-ms <ms>', 'time allowed to finish the handshake', positiveInt, DEFAULT_LIMITS.handshakeTimeoutMs)
    .option('--max-connections <n>', 'open connections at once', positiveInt, DEFAULT_LIMITS.maxConnections)
    .option('--messages-per-second <n>', 'per-connection message rate', positiveInt, DEFAULT_LIMITS.messagesPerSecond)
    .option('--notices-per-round <n>', "an agency's notices recorded in the ledger per round (more are counted)", nonNegativeInt, DEFAULT_LIMITS.noticesPerRound)
    .option('--http-port <port>', 'serve the dashboard and its API on this port (0: any free port; default: off)', nonNegativeInt)
    .option('--http-host <host>', 'address the dashboard listens on', '127.0.0.1')
    .option('--eval-mnist <n>', 'evaluate each round on the held-out MNIST digits (the demo split)', positiveInt)
    .option('--engine <name>', 'compute engine: auto, tensorflow, wasm, cpu', 'auto')
    .option('--log-level <level>', 'pino log level', 'info');
  addRunOptions(cmd);
  cmd.action(async (flags: CoordinatorFlags, self: Command) => {
    await reportErrors(self, async () => {
      const log = createLogger(flags.logLevel);
      const engine = await initEngine(flags.engine);
      write(self, `engine: ${engine.detail}`);
      const config = await runConfigFrom(flags);
      const { identity } = await readIdentityFile(flags.key);
      const enrolment = await Enrolment.open(flags.dataDir);
      const heldOut = flags.evalMnist ? splitMnist({ ...DEFAULT_MNIST_SPLIT, heldOut: flags.evalMnist, agencies: 1 }).test : undefined;
      const model = await tfGlobalModel(await modelSpec(config), config.seed, heldOut);
      const limits: Limits = {
        ...DEFAULT_LIMITS,
        maxMessageBytes: flags.maxMessageMb ? flags.maxMessageMb * 1024 * 1024 : maxMessageBytesFor(model.parameters),
        handshakeTimeoutMs: flags.handshakeTimeoutMs,
        maxConnections: flags.maxConnections,
        messagesPerSecond: flags.messagesPerSecond,
        noticesPerRound: flags.noticesPerRound,
      };
      const tls = flags.tlsCert && flags.tlsKey ? { cert: await readFile(flags.tlsCert), key: await readFile(flags.tlsKey) } : undefined;
      if (!!flags.tlsCert !== !!flags.tlsKey) throw new RangeError('--tls-cert and --tls-key go together');
      const coordinator = await startCoordinator({
        dataDir: flags.dataDir, identity, admission: enrolment, host: flags.host, port: flags.port, limits, log, tls,
        allowPlainRemote: flags.insecurePlainWs,
        http: flags.httpPort === undefined ? undefined : { host: flags.httpHost, port: flags.httpPort },
      });
      write(self, `coordinator ${toHex(identity.publicKey)} listening on ${coordinator.url}; ${enrolment.list().length} agencies enrolled`);
      if (coordinator.dashboard) write(self, dashboardLine(coordinator.dashboard));
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      const view = new ProgressView(config.rounds, (line) => write(self, line));
      try {
        const result = await coordinator.run(config, model, view.events, stop.signal);
        view.stop();
        write(self, `run ${config.runId} ${result.state.status}: ${result.state.finishedReason ?? ''}`);
        write(self, `model checkpoint: ${result.checkpointDir}`);
        write(self, `ledger: ${coordinator.ledgerPath}`);
      } finally {
        view.stop();
        await coordinator.close();
      }
    });
  });
  return cmd;
}

export function dashboardLine(dashboard: { url: string; tokenPath: string }): string {
  return `dashboard: ${dashboard.url} (pause, resume, stop need the token in ${dashboard.tokenPath})`;
}

export async function modelSpec(config: RunConfig): Promise<ModelSpec> {
  if (config.model !== 'layers-json') return { kind: config.model };
  return { kind: 'layers-json', topology: JSON.parse(await readFile(config.modelPath!, 'utf8')) as object };
}

