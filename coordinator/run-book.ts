// The run service's book of runs: every run the ledger knows, with its status, folded from the
// ledger's entries and from nothing else. The service reads the ledger into a book when it starts
// and folds each entry in as it is written (LedgerWriter.follow), so what the service
// shows and schedules is always what its ledger says: after a restart the queue is the submitted
// runs that have neither begun nor been stopped, in the order they were submitted. A run's life
// (queued, created, ended) follows ledger/run-lifecycle.ts, the table the auditor checks too.
import type { LedgerEntry } from '../ledger/entries.js';
import { lifeAfter, LIFECYCLE_TYPES, type LifecycleEntry, type LifeStep, type RunLife } from '../ledger/run-lifecycle.js';
import type { OperatorActionName } from '../ledger/operator-request.js';

export const RUN_STATUSES = ['queued', 'running', 'paused', 'finished', 'failed', 'stopped'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface AgencyInRun {
  agency: string;
  /** When its data's fingerprint went into the ledger for this run. */
  joinedAt: string | null;
  /** Its last entry in this run: a join, a cohort, a commitment, a refusal. */
  lastSeen: string;
  /** Its latest refusal in this run, with the policy's code. */
  declined: { code: string; reason: string; round: number | null } | null;
}

export interface BookedRun {
  runId: string;
  status: RunStatus;
  submittedAt: string | null;
  submittedBy: string | null;
  /** SHA-256 of the run config as submitted (kept in runs/<runId>/submitted.json). */
  configSha256: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Why it ended, as the ledger says. */
  reason: string | null;
  /** The operator who asked to stop it, while it stops and after. */
  stoppedBy: string | null;
  /** How many rounds the ledger opened for it (what run_finished's `rounds` counts). */
  roundsOpened: number;
  /** The highest round number opened: above roundsOpened when a number was skipped. */
  lastRound: number;
  roundsOk: number;
  roundsAbandoned: number;
  /** The round open in the ledger now, if any. */
  openRound: number | null;
  actions: Array<{ time: string; operator: string; action: OperatorActionName }>;
  agencies: AgencyInRun[];
  /** Entries of this run in the ledger, and the last one's seq. */
  entries: number;
  lastSeq: number;
}

interface Page {
  life: RunLife;
  run: Omit<BookedRun, 'status' | 'agencies'>;
  agencies: Map<string, AgencyInRun>;
}

export class RunBook {
  private readonly pages = new Map<string, Page>();

  /** Folds one entry in; entries must come in ledger order. */
  apply(entry: LedgerEntry): void {
    const runId = (entry.body as { runId?: unknown }).runId;
    if (typeof runId !== 'string') return;
    const page = this.pages.get(runId);
    if (LIFECYCLE_TYPES.has(entry.type)) {
      const step = lifeAfter(page?.life, entry as unknown as LifecycleEntry);
      // The service writes only what the table allows; a ledger that breaks it is the verifier's to report.
      if (!step.ok) return;
      this.moveLife(page ?? this.open(runId, step), entry, step.life);
    }
    const known = this.pages.get(runId);
    if (!known) return;
    known.run.entries += 1;
    known.run.lastSeq = entry.seq;
    noteRound(known, entry);
  }

  get(runId: string): BookedRun | undefined {
    const page = this.pages.get(runId);
    return page && view(page);
  }

  /** Whether a run of this id exists, ignoring case (ids differing only in case would share a folder on some disks). */
  has(runId: string): boolean {
    const lower = runId.toLowerCase();
    return [...this.pages.keys()].some((id) => id.toLowerCase() === lower);
  }

  /** Every run, in the order the ledger first named it. */
  list(): BookedRun[] {
    return [...this.pages.values()].map(view);
  }

  /** The life of a run, as the lifecycle table reads it (undefined for a run the ledger never named). */
  life(runId: string): RunLife | undefined {
    return this.pages.get(runId)?.life;
  }

  /** Whether the ledger would take `action` on `runId` by `operator` now, and why not. */
  check(runId: string, action: OperatorActionName, operator: string): LifeStep {
    return lifeAfter(this.pages.get(runId)?.life, { type: 'operator_action', body: { runId, action, operator } });
  }

  /** What runs next: runs begun and not ended (resumed after a restart), then the queue, each in ledger order. */
  next(): BookedRun | undefined {
    const pages = [...this.pages.values()];
    const page = pages.find((p) => p.life.phase === 'created') ?? pages.find((p) => p.life.phase === 'queued');
    return page && view(page);
  }

  private open(runId: string, step: LifeStep & { ok: true }): Page {
    const page: Page = {
      life: step.life,
      run: {
        runId, submittedAt: null, submittedBy: null, configSha256: null, startedAt: null, endedAt: null, reason: null, stoppedBy: null,
        roundsOpened: 0, lastRound: 0, roundsOk: 0, roundsAbandoned: 0, openRound: null, actions: [], entries: 0, lastSeq: -1,
      },
      agencies: new Map(),
    };
    this.pages.set(runId, page);
    return page;
  }

  private moveLife(page: Page, entry: LedgerEntry, life: RunLife): void {
    const { run } = page;
    const wasQueued = page.life.phase === 'queued' && page.life.submitted;
    page.life = life;
    if (entry.type === 'run_created') run.startedAt = entry.time;
    if (entry.type === 'run_finished' || entry.type === 'run_failed') {
      run.endedAt = entry.time;
      run.reason = entry.body.reason;
    }
    if (entry.type !== 'operator_action') return;
    const { action, operator, request } = entry.body;
    run.actions.push({ time: entry.time, operator, action });
    if (action === 'submit') Object.assign(run, { submittedAt: entry.time, submittedBy: operator, configSha256: request.bodySha256 });
    if (action === 'stop') {
      run.stoppedBy = operator;
      if (wasQueued && life.phase === 'ended') Object.assign(run, { endedAt: entry.time, reason: `stopped by ${operator} before it began` });
    }
  }
}

/** What rounds and agencies' entries say of the run. */
function noteRound(page: Page, entry: LedgerEntry): void {
  const { run } = page;
  const seen = (agency: string) => {
    const known = page.agencies.get(agency) ?? { agency, joinedAt: null, lastSeen: entry.time, declined: null };
    known.lastSeen = entry.time;
    page.agencies.set(agency, known);
    return known;
  };
  switch (entry.type) {
    case 'round_opened':
      run.roundsOpened += 1;
      run.lastRound = entry.body.round;
      run.openRound = entry.body.round;
      for (const member of entry.body.cohort) seen(member.agency);
      return;
    case 'round_closed':
      if (entry.body.status === 'ok') run.roundsOk += 1;
      else run.roundsAbandoned += 1;
      run.openRound = null;
      return;
    case 'agency_joined':
      seen(entry.body.agency).joinedAt = entry.time;
      return;
    case 'commitment':
      seen(entry.body.agency);
      return;
    case 'refusal':
      seen(entry.body.agency).declined = { code: entry.body.code, reason: entry.body.reason, round: entry.body.round ?? null };
      return;
    default:
  }
}

function view(page: Page): BookedRun {
  return {
    ...page.run,
    actions: page.run.actions.slice(),
    status: statusOf(page.life, page.run.roundsOk),
    agencies: [...page.agencies.values()].sort((a, b) => (a.agency < b.agency ? -1 : 1)).map((a) => ({ ...a })),
  };
}

/**
 * A run's status from its life: one that ended on an operator's stop is stopped; one that ended
 * by run_failed, or finished without aggregating a round (it has no trained model), failed.
 */
export function statusOf(life: RunLife, roundsOk: number): RunStatus {
  switch (life.phase) {
    case 'queued': return 'queued';
    case 'created': return life.paused ? 'paused' : 'running';
    case 'ended':
      if (life.stoppedBy !== null) return 'stopped';
      return life.failed || roundsOk === 0 ? 'failed' : 'finished';
  }
}
