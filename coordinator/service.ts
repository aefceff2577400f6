// The coordinator as one object: its identity, the enrolment it admits, the WebSocket
// transport, the stage router, and the ledger, wired together. The CLI, the demo and the
// end-to-end tests all start the coordinator through here.
import type { Logger } from 'pino';
import { join } from 'node:path';
import { LedgerWriter, type WriterOptions } from '../ledger/writer.js';
import type { Identity } from '../identity/keys.js';
import { startTransport, type Admission, type SessionHandlers, type Transport } from './transport.js';
import { StageRouter } from './stage-router.js';
import type { Limits } from './limits.js';
import { NoticeLedger } from './notices.js';
import { runFederation, type FederationResult } from './federation.js';
import type { FederationEvents, FederationParts } from './run-parts.js';
import type { GlobalModel } from './global-model.js';
import type { RunConfig } from './run-config.js';
import { RunMonitor } from './http/monitor.js';
import { startDashboard, type Dashboard } from './http/server.js';
import { SseHub } from './http/sse.js';
import { encodeRoster, type Roster } from '../identity/roster.js';
import { checkEnrolmentOnRoster, rosterAdmission, type ListedAdmission } from './roster-admission.js';

export interface CoordinatorOptions {
  dataDir: string;
  identity: Identity;
  admission: ListedAdmission;
  /** The federation's signed roster: then only its members are admitted, and every offer carries it. */
  roster?: Roster;
  host: string;
  port: number;
  limits: Limits;
  log: Logger;
  tls?: { cert: string | Buffer; key: string | Buffer };
  allowPlainRemote?: boolean;
  /** Serve the dashboard and its API (coordinator/http/); off when absent. */
  http?: { host: string; port: number };
  /** The ledger writer's options (its clock; the fault hook of the crash tests, test/chaos/). */
  ledger?: WriterOptions;
}

export interface Coordinator {
  readonly url: string;
  readonly transport: Transport;
  readonly ledgerPath: string;
  /** The one writer of the ledger: the run service follows it and appends operators' actions through it. */
  readonly ledger: LedgerWriter;
  /** The dashboard, when options.http asked for it. */
  readonly dashboard?: Dashboard;
  /** What the dashboard shows; its `control` pauses, resumes and stops the current run. */
  readonly monitor: RunMonitor;
  run(config: RunConfig, model: GlobalModel, events?: FederationEvents, signal?: AbortSignal): Promise<FederationResult>;
  close(): Promise<void>;
}

export async function startCoordinator(options: CoordinatorOptions): Promise<Coordinator> {
  const { log } = options;
  // Under a roster, refused before anything opens: an enrolled agency the roster does not list.
  const admission: Admission = options.roster ? rosterAdmission(options.admission, options.roster) : options.admission;
  const ledgerPath = join(options.dataDir, 'ledger.jsonl');
  const ledger = await LedgerWriter.open(ledgerPath, options.identity, options.ledger);
  const note = (text: string) => {
    void ledger.append('note', { text }).catch((err: Error) => log.error({ err: err.message }, 'ledger note failed'));
  };
  // Rejected updates are noted by the router (one per agency and round at most); a message that
  // ends the session (malformed, mis-signed, replayed) by the transport. Out-of-turn notices are
  // not noted: an agency could send them without end and grow the ledger.
  const router = new StageRouter(({ agency, error, round, deferred }) => {
    // A held message refused when its stage opened: the transport never saw the error, so tell the sender here.
    if (deferred) transport.sessions.get(agency)?.notify(error, round);
    if (error.code !== 'OUT_OF_TURN') note(`round ${round}: rejected a message from ${agency}: ${error.code}: ${error.message}`);
  });
  const notices = new NoticeLedger(options.limits.noticesPerRound, note);
  // A transport that cannot start (port taken, plain ws:// refused) must not leave the ledger open.
  const transport = await startTransport({
    host: options.host, port: options.port, identity: options.identity, admission,
    limits: options.limits, log, tls: options.tls, allowPlainRemote: options.allowPlainRemote,
  }, sessionHandlers(log, router, note, notices)).catch(async (err: unknown) => {
    await ledger.close();
    throw err;
  });
  const { monitor, dashboard } = await startMonitoring(options, transport).catch(async (err: unknown) => {
    await transport.close();
    await ledger.close();
    throw err;
  });
  return {
    url: transport.url,
    transport,
    ledgerPath,
    ledger,
    dashboard,
    monitor,
    run: (config, model, events, signal) => {
      // The enrolment may have changed since the start (cohort enroll while running): a run starts only on the roster.
      if (options.roster) checkEnrolmentOnRoster(options.admission, options.roster);
      return runWatched(monitor, {
        config, dataDir: options.dataDir, identity: options.identity, model, ledger, router,
        sessions: transport.sessions, log, events: bothEvents(bothEvents(events, monitor.events), { onRoundEnd: (record) => notices.roundEnded(record.round) }),
        ...(options.roster ? { roster: encodeRoster(options.roster) } : {}),
      }, signal).finally(() => notices.runEnded());
    },
    async close() {
      await dashboard?.close();
      await transport.close();
      await ledger.close();
    },
  };
}

/** What the transport does with each authenticated message, close and refusal. */
function sessionHandlers(log: Logger, router: StageRouter, note: (text: string) => void, notices: NoticeLedger): SessionHandlers {
  return {
    onSession: () => {},
    onMessage: (session, opened) => {
      // A client that refuses mid-round (a SecAgg check failed, its policy) says why in a notice;
      // the ledger keeps a few per agency and round (coordinator/notices.ts), the log all of them.
      if (opened.message.kind === 'notice') {
        const { code, message } = opened.message.notice!;
        log.warn({ agency: session.agency, round: opened.round, code }, `agency refused: ${message}`);
        if (notices.admit(session.agency, router.currentRound)) note(`round ${opened.round}: ${session.agency} refused: ${code}: ${message}`);
        router.withdraw(session.agency, `refused: ${code}: ${message}`, opened.round);
        return;
      }
      router.route(session.agency, opened);
    },
    onClose: (session) => router.disconnected(session.agency),
    onRejected: (session, error) => {
      if (error.fatal) note(`closed the session of ${session.agency}: ${error.code}: ${error.message}`);
    },
  };
}

/** The run monitor, and the dashboard serving it when options.http asks for one. */
async function startMonitoring(options: CoordinatorOptions, transport: Transport): Promise<{ monitor: RunMonitor; dashboard?: Dashboard }> {
  const hub = options.http ? new SseHub() : undefined;
  const connected = () => [...transport.sessions.values()].filter((s) => !s.closed).map((s) => s.agency).sort();
  const monitor = new RunMonitor(connected, (event, data) => hub?.broadcast(event, data));
  const dashboard = options.http ? await startDashboard({ ...options.http, dataDir: options.dataDir, log: options.log }, hub!, monitor) : undefined;
  return { monitor, dashboard };
}

/** Runs the federation under the monitor's control (pause, resume, stop) and tells it how the run ended. */
async function runWatched(monitor: RunMonitor, parts: Omit<FederationParts, 'gate' | 'signal'>, signal?: AbortSignal): Promise<FederationResult> {
  const control = monitor.begin(parts.config);
  try {
    const result = await runFederation({ ...parts, gate: control, signal: signal ? AbortSignal.any([signal, control.signal]) : control.signal });
    monitor.end(result.state.status === 'finished' ? 'finished' : 'stopped', result.state.finishedReason);
    return result;
  } catch (err) {
    monitor.end('failed', 'the run failed; see the coordinator log');
    throw err;
  }
}

/** The caller's events (the terminal's progress view) and the dashboard's, in that order. */
function bothEvents(first: FederationEvents | undefined, second: FederationEvents): FederationEvents {
  return {
    onRunStart: (state) => { first?.onRunStart?.(state); second.onRunStart?.(state); },
    onRoundStart: (round, cohort) => { first?.onRoundStart?.(round, cohort); second.onRoundStart?.(round, cohort); },
    onStage: (round, stage, done, total) => { first?.onStage?.(round, stage, done, total); second.onStage?.(round, stage, done, total); },
    onRoundEnd: (record) => { first?.onRoundEnd?.(record); second.onRoundEnd?.(record); },
  };
}

