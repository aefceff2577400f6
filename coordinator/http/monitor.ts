// What the dashboard shows of the current run: its status and round history, kept from the
// federation's events, and each change passed on to the event streams. Only round records,
// agency ids and control state leave here: never keys, masks or updates.
import type { FederationEvents } from '../run-parts.js';
import type { RoundRecord } from '../run-store.js';
import { roundsOf, type RunConfig } from '../run-config.js';
import { RunControl } from './control.js';

export type RunStatusName = 'idle' | 'running' | 'pausing' | 'paused' | 'stopping' | 'finished' | 'stopped' | 'failed';

export interface RunStatus {
  runId: string | null;
  status: RunStatusName;
  /** The round started last (0 before the first). */
  round: number;
  rounds: number;
  dp: boolean;
  stage: { round: number; stage: string; done: number; total: number } | null;
  history: RoundRecord[];
  agencies: string[];
  reason?: string;
}

/** Stage progress goes out at most this often per round and stage, and always when a stage completes. */
export const STAGE_EVENT_INTERVAL_MS = 250;

export type Broadcast = (event: string, data: unknown) => void;

export class RunMonitor {
  private runId: string | null = null;
  private ended: 'finished' | 'stopped' | 'failed' | undefined;
  private reason: string | undefined;
  private round = 0;
  private rounds = 0;
  private dp = false;
  private stage: RunStatus['stage'] = null;
  private history: RoundRecord[] = [];
  private lastStageSent = { key: '', at: 0 };
  /** The control of the current run; undefined before a run or after it ended. */
  control: RunControl | undefined;
  readonly events: FederationEvents;

  constructor(private readonly connected: () => string[], private readonly broadcast: Broadcast) {
    this.events = {
      onRunStart: (state) => {
        this.history = state.history.slice();
        this.round = state.lastRound;
        this.broadcast('snapshot', this.status());
      },
      onRoundStart: (round, cohort) => {
        this.round = round;
        this.stage = null;
        this.broadcast('round-start', { round, cohort, agencies: this.connected() });
      },
      onStage: (round, stage, done, total) => {
        this.stage = { round, stage, done, total };
        const key = `${round}:${stage}`;
        const now = Date.now();
        if (key === this.lastStageSent.key && done < total && now - this.lastStageSent.at < STAGE_EVENT_INTERVAL_MS) return;
        this.lastStageSent = { key, at: now };
        this.broadcast('stage', this.stage);
      },
      onRoundEnd: (record) => {
        this.stage = null;
        this.history.push(record);
        this.broadcast('round-end', record);
      },
    };
  }

  /** A run starts: returns its control, which the dashboard's buttons act on. */
  begin(config: RunConfig): RunControl {
    this.runId = config.runId;
    this.rounds = roundsOf(config);
    this.dp = config.dp.mode !== 'off';
    this.round = 0;
    this.history = [];
    this.stage = null;
    this.ended = undefined;
    this.reason = undefined;
    this.control = new RunControl(() => this.broadcastStatus());
    this.broadcast('snapshot', this.status());
    return this.control;
  }

  end(status: 'finished' | 'stopped' | 'failed', reason?: string): void {
    this.ended = status;
    this.reason = reason;
    this.stage = null;
    this.control = undefined;
    this.broadcastStatus();
  }

  status(): RunStatus {
    return {
      runId: this.runId,
      status: this.statusName(),
      round: this.round,
      rounds: this.rounds,
      dp: this.dp,
      stage: this.stage,
      history: this.history.slice(),
      agencies: this.connected(),
      ...(this.reason ? { reason: this.reason } : {}),
    };
  }

  private statusName(): RunStatusName {
    if (this.ended) return this.ended;
    if (!this.runId) return 'idle';
    return this.control?.state ?? 'running';
  }

  private broadcastStatus(): void {
    const { history: _history, ...rest } = this.status();
    this.broadcast('status', rest);
  }
}
