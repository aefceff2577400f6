// What a run is made of, as the run loop (federation.ts) and each of its rounds (run-round.ts)
// see it: the coordinator's parts it is given, and the run's own store, strategy, accounting
// and state.
import type { Logger } from 'pino';
import type { Identity } from '../identity/keys.js';
import type { LedgerWriter } from '../ledger/writer.js';
import type { GlobalModel } from './global-model.js';
import type { PrivacyTracker } from './privacy-tracker.js';
import type { RunConfig } from './run-config.js';
import type { RunProgress } from './run-progress.js';
import type { RoundRecord, RunState, RunStore } from './run-store.js';
import type { StageRouter } from './stage-router.js';
import type { Strategy } from './strategy/index.js';
import type { AgencySession } from './transport.js';

export interface FederationEvents {
  /** The run is open (new or resumed): its history so far. */
  onRunStart?(state: Readonly<RunState>): void;
  onRoundStart?(round: number, cohort: string[]): void;
  onStage?(round: number, stage: string, done: number, total: number): void;
  onRoundEnd?(record: RoundRecord): void;
}

export interface RunGate {
  readonly paused: boolean;
  /** Resolves once resumed, or when `signal` aborts. */
  untilResumed(signal?: AbortSignal): Promise<void>;
}

export interface FederationParts {
  config: RunConfig;
  dataDir: string;
  identity: Identity;
  model: GlobalModel;
  ledger: LedgerWriter;
  router: StageRouter;
  sessions: ReadonlyMap<string, AgencySession>;
  log: Logger;
  events?: FederationEvents;
  signal?: AbortSignal;
  /** Holds the run between rounds while paused (coordinator/http/control.ts). */
  gate?: RunGate;
  /** The federation's signed roster (identity/roster.ts), sent with every offer; absent without one. */
  roster?: Uint8Array;
}

/** A run in progress: the parts it was given, and what it owns. */
export interface RunContext extends FederationParts {
  readonly store: RunStore;
  readonly strategy: Strategy;
  readonly privacy: PrivacyTracker;
  /** What the run's ledger records so far, kept current as entries are appended. */
  readonly progress: RunProgress;
  /** A tabular run's statistics totals as read from the file the ledger names (a cache; the ledger decides which). */
  readonly tables: { totals?: { sha256: string; json: string } };
}
