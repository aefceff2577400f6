// `cohort coordinator`: serve one federated run to the enrolled agencies, from start or from
// where a previous process stopped (same --data-dir and --run-id).
import { Command } from 'commander';
import { Enrolment } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS, maxMessageBytesFor, type Limits } from '../../coordinator/limits.js';
import { roundsOf } from '../../coordinator/run-config.js';
import type { RunState } from '../../coordinator/run-store.js';
import type { FederationResult } from '../../coordinator/federation.js';
import { startCoordinator } from '../../coordinator/service.js';
import { modelSpecOf, tfGlobalModel } from '../../coordinator/tf-model.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { toHex } from '../../identity/keys.js';
import { initEngine } from '../../ml/engine.js';
import { DEFAULT_MNIST_SPLIT, splitMnist } from '../../client/data/source.js';
import { createLogger } from '../log.js';
import { CliError, listenProblem, nonNegativeInt, reportErrors, write } from '../output.js';
import { addRunOptions, runConfigFrom, type RunFlags } from '../run-options.js';
import { addListenOptions, rosterFile, tlsFiles, type ListenFlags } from '../listen-options.js';
import { ProgressView } from '../progress.js';

interface CoordinatorFlags extends RunFlags, ListenFlags {
  httpPort?: number;
  httpHost: string;
}

export function coordinatorCommand(): Command {
  const cmd = new Command('coordinator')
    .description('run the coordinator: admit enrolled agencies over WebSocket and serve one federated run');
  addListenOptions(cmd, {
    dataDir: 'where the ledger, enrolment, checkpoints and run state live',
    host: 'address to listen on',
    port: 'port to listen on (0: any free port)',
    maxMessageMb: 'largest message accepted (default: derived from the model size)',
    evalMnist: 'evaluate each round on the held-out MNIST digits (the demo split)',
    logLevel: 'pino log level',
  })
    .option('--http-port <port>', 'serve the dashboard and its API on this port (0: any free port; default: off)', nonNegativeInt)
    .option('--http-host <host>', 'address the dashboard listens on', '127.0.0.1');
  addRunOptions(cmd);
  cmd.action(async (flags: CoordinatorFlags, self: Command) => {
    const listenFlags = { '--port': flags.port, '--http-port': flags.httpPort };
    await reportErrors(self, async () => {
      checkPorts(flags);
      const log = createLogger(flags.logLevel);
      const engine = await initEngine(flags.engine);
      write(self, `engine: ${engine.detail}`);
      const config = await runConfigFrom(flags);
      const { identity } = await readIdentityFile(flags.key);
      const enrolment = await Enrolment.open(flags.dataDir);
      const heldOut = flags.evalMnist ? splitMnist({ ...DEFAULT_MNIST_SPLIT, heldOut: flags.evalMnist, agencies: 1 }).test : undefined;
      const model = await tfGlobalModel(await modelSpecOf(config), config.seed, heldOut);
      const limits = limitsFrom(flags, model.parameters);
      const tls = await tlsFiles(flags);
      const coordinator = await startCoordinator({
        dataDir: flags.dataDir, identity, admission: enrolment, host: flags.host, port: flags.port, limits, log, tls,
        allowPlainRemote: flags.insecurePlainWs, ...(flags.roster ? { roster: await rosterFile(flags.roster) } : {}),
        http: flags.httpPort === undefined ? undefined : { host: flags.httpHost, port: flags.httpPort },
      });
      write(self, `coordinator ${toHex(identity.publicKey)} listening on ${coordinator.url}; ${enrolment.list().length} agencies enrolled`);
      if (coordinator.dashboard) write(self, dashboardLine(coordinator.dashboard));
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      const view = new ProgressView(roundsOf(config), (line) => write(self, line));
      try {
        const result = await coordinator.run(config, model, view.events, stop.signal);
        view.stop();
        reportRun(self, result, coordinator.ledgerPath, flags);
      } finally {
        view.stop();
        await coordinator.close();
      }
    }, (err) => listenProblem(err, listenFlags));
  });
  return cmd;
}

function limitsFrom(flags: CoordinatorFlags, parameters: number): Limits {
  return {
    ...DEFAULT_LIMITS,
    maxMessageBytes: flags.maxMessageMb ? flags.maxMessageMb * 1024 * 1024 : maxMessageBytesFor(parameters),
    handshakeTimeoutMs: flags.handshakeTimeoutMs,
    maxConnections: flags.maxConnections,
    messagesPerSecond: flags.messagesPerSecond,
    noticesPerRound: flags.noticesPerRound,
  };
}

function checkPorts(flags: CoordinatorFlags): void {
  if (flags.httpPort !== undefined && flags.httpPort === flags.port && flags.port !== 0) {
    throw new RangeError(`--http-port ${flags.httpPort} is the WebSocket --port too: give the dashboard another port (0 picks a free one)`);
  }
}

/** How the run ended, where its model and ledger are; a run that could not do its work fails (exit 1). */
function reportRun(self: Command, result: FederationResult, ledgerPath: string, flags: CoordinatorFlags): void {
  const { state } = result;
  write(self, `run ${flags.runId} ${state.status}: ${state.finishedReason ?? (state.status === 'stopped' ? 'stopped on request' : '')}`);
  write(self, `model checkpoint: ${result.checkpointDir}`);
  if (state.best) write(self, `best validated model: round ${state.best.round} (federated validation loss ${state.best.loss.toFixed(4)}); cohort model export --best exports it`);
  write(self, `ledger: ${ledgerPath}`);
  const problem = runProblem(state, flags);
  if (problem) throw new CliError(problem);
}

/** A run that ended without doing what it was started for says so, and what to do, with exit code 1. */
export function runProblem(state: RunState, flags: { dataDir: string; runId: string }): string | undefined {
  const again = `start the coordinator again with --data-dir ${flags.dataDir} --run-id ${flags.runId}`;
  if (state.status === 'stopped' && state.finishedReason) {
    return `run ${flags.runId} stopped: ${state.finishedReason}. No round was aggregated and the run id is not used up: ` +
      `when the run's terms (--purpose, --model, --min-agencies, --secagg, --dp) and the agencies' policies agree, ${again} to resume it`;
  }
  if (state.status === 'finished' && state.completedRounds === 0) {
    return `run ${flags.runId} finished without aggregating a round (${state.finishedReason}): it has no trained model; start a new run with another --run-id`;
  }
  return undefined;
}

export function dashboardLine(dashboard: { url: string; tokenPath: string }): string {
  return `dashboard: ${dashboard.url} (pause, resume, stop need the token in ${dashboard.tokenPath})`;
}


