// `cohort serve`: the run service. One long-lived coordinator that holds the enrolled agencies'
// connections and runs what enrolled operators submit (`cohort run submit`), one at a time, in
// order; its API and dashboard on loopback. Stopped (Ctrl-C, a crash) and started again with the
// same --data-dir, it resumes the run under way and keeps the queue.
import { Command } from 'commander';
import { AGENCIES, Enrolment, OPERATORS } from '../../coordinator/enrolment.js';
import { DEFAULT_LIMITS, type Limits } from '../../coordinator/limits.js';
import type { BookedRun } from '../../coordinator/run-book.js';
import { RunService } from '../../coordinator/run-service.js';
import { roundsOf } from '../../coordinator/run-config.js';
import { DEFAULT_MNIST_SPLIT, splitMnist } from '../../client/data/source.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { toHex } from '../../identity/keys.js';
import { initEngine } from '../../ml/engine.js';
import { createLogger } from '../log.js';
import { listenProblem, nonNegativeInt, reportErrors, write } from '../output.js';
import { addListenOptions, rosterFile, tlsFiles, type ListenFlags } from '../listen-options.js';
import { ProgressView } from '../progress.js';

interface ServeFlags extends ListenFlags {
  httpHost: string;
  httpPort: number;
}

export function serveCommand(): Command {
  const cmd = new Command('serve')
    .description('run the run service: hold the enrolled agencies\' connections, and run what enrolled operators submit, one run at a time');
  return addListenOptions(cmd, {
    dataDir: 'where the ledger, enrolments, runs and checkpoints live',
    host: 'address the agencies connect to',
    port: 'WebSocket port for the agencies (0: any free port)',
    maxMessageMb: `largest message accepted; runs whose model needs more are refused (default ${DEFAULT_LIMITS.maxMessageBytes / 1024 / 1024})`,
    evalMnist: 'evaluate each round of runs on MNIST models on this many held-out digits (the demo split)',
    logLevel: 'pino log level (logs go to stderr)',
  })
    .option('--http-host <host>', 'address of the API and dashboard (loopback only)', '127.0.0.1')
    .option('--http-port <port>', 'port of the API and dashboard (0: any free port)', nonNegativeInt, 7401)
    .action(async (flags: ServeFlags, self: Command) => {
      await reportErrors(self, () => serve(flags, self), (err) => listenProblem(err, { '--port': flags.port, '--http-port': flags.httpPort }));
    });
}

async function serve(flags: ServeFlags, self: Command): Promise<void> {
  const say = (line: string) => write(self, line);
  if (flags.httpPort === flags.port && flags.port !== 0) throw new RangeError(`--http-port ${flags.httpPort} is the WebSocket --port too: give the API another port`);
  const log = createLogger(flags.logLevel);
  const engine = await initEngine(flags.engine);
  say(`engine: ${engine.detail}`);
  const { identity } = await readIdentityFile(flags.key);
  const [agencies, operators] = await Promise.all([Enrolment.open(flags.dataDir, AGENCIES), Enrolment.open(flags.dataDir, OPERATORS)]);
  const heldOut = flags.evalMnist ? splitMnist({ ...DEFAULT_MNIST_SPLIT, heldOut: flags.evalMnist, agencies: 1 }).test : undefined;
  const shown = new Map<string, string>();
  const service = await RunService.start({
    dataDir: flags.dataDir, identity, agencies, operators, host: flags.host, port: flags.port, limits: limitsFrom(flags), log,
    tls: await tlsFiles(flags), allowPlainRemote: flags.insecurePlainWs, http: { host: flags.httpHost, port: flags.httpPort }, heldOut,
    ...(flags.roster ? { roster: await rosterFile(flags.roster) } : {}),
    watch: {
      // One line when a run's status changes; one per round while it runs.
      onStatus: (run) => {
        if (shown.get(run.runId) === run.status) return;
        shown.set(run.runId, run.status);
        say(statusLine(run));
      },
      runEvents: (config) => new ProgressView(roundsOf(config), (line) => say(`${config.runId}: ${line}`)).events,
    },
  });
  for (const run of service.list()) shown.set(run.runId, run.status);
  say(`service ${toHex(identity.publicKey)} listening on ${service.url}; ${agencies.list().length} agencies and ${operators.list().length} operators enrolled`);
  say(`API and dashboard: ${service.apiUrl}`);
  say(queueLine(service.list()));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  say('stopping: the run under way stops where it is and resumes when the service starts again');
  await service.close();
  say('service stopped');
}

function statusLine(run: BookedRun): string {
  switch (run.status) {
    case 'queued': return `run ${run.runId} queued (submitted by ${run.submittedBy})`;
    case 'running': return `run ${run.runId} running`;
    case 'paused': return `run ${run.runId} paused`;
    default: return `run ${run.runId} ${run.status}: ${run.reason ?? ''}`;
  }
}

function queueLine(runs: BookedRun[]): string {
  const under = runs.filter((r) => r.status === 'running' || r.status === 'paused').map((r) => `${r.runId} (${r.status}, resuming)`);
  const queued = runs.filter((r) => r.status === 'queued').map((r) => r.runId);
  return `runs: ${under.length ? under.join(', ') : 'none under way'}; ${queued.length ? `queued: ${queued.join(', ')}` : 'none queued'}`;
}

function limitsFrom(flags: ServeFlags): Limits {
  return {
    ...DEFAULT_LIMITS,
    ...(flags.maxMessageMb ? { maxMessageBytes: flags.maxMessageMb * 1024 * 1024 } : {}),
    handshakeTimeoutMs: flags.handshakeTimeoutMs,
    maxConnections: flags.maxConnections,
    messagesPerSecond: flags.messagesPerSecond,
    noticesPerRound: flags.noticesPerRound,
  };
}
