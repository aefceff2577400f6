// A run's life in the ledger (docs/LEDGER.md, section 6), defined once: the run service derives
// each run's status from it (coordinator/run-book.ts) and the auditor's verifier checks it
// (audit/run-rules.ts), so the two cannot drift apart, as with a round's order (round-order.ts).
//
//   operator_action submit -> queued -> run_created -> created -> run_finished | run_failed -> ended
//   queued -> operator_action stop | run_failed -> ended          (stopped, or failed, before it began)
//   created: operator_action pause, resume (alternating), stop (once; run_finished follows)
//
// A run_created with no submit before it is a run started without the service (`cohort
// coordinator`): it is created at once.
import type { OperatorActionName } from './operator-request.js';

export type Phase = 'queued' | 'created' | 'ended';

export interface RunLife {
  readonly phase: Phase;
  /** Whether an operator submitted it to the service (rather than `cohort coordinator` creating it). */
  readonly submitted: boolean;
  readonly paused: boolean;
  /** The operator whose stop ended the run, or is ending it; null without one. */
  readonly stoppedBy: string | null;
  /** Ended by run_failed. */
  readonly failed: boolean;
}

export type LifeStep = { readonly ok: true; readonly life: RunLife } | { readonly ok: false; readonly problem: string };

/** The entries that move a run through its life, with what this table reads of their bodies. */
export type LifecycleEntry =
  | { readonly type: 'operator_action'; readonly body: { readonly runId: string; readonly action: OperatorActionName; readonly operator: string } }
  | { readonly type: 'run_created' | 'run_finished' | 'run_failed'; readonly body: { readonly runId: string } };

export const LIFECYCLE_TYPES: ReadonlySet<string> = new Set(['operator_action', 'run_created', 'run_finished', 'run_failed']);

/** Whether `entry` may come next in the life of its run (`life`: undefined before the run's first entry), and the life it leads to. */
export function lifeAfter(life: RunLife | undefined, entry: LifecycleEntry): LifeStep {
  const { runId } = entry.body;
  const no = (problem: string): LifeStep => ({ ok: false, problem: `run ${runId} ${problem}` });
  const to = (change: Partial<RunLife>): LifeStep => ({ ok: true, life: { ...(life ?? FRESH), ...change } });
  switch (entry.type) {
    case 'operator_action':
      return actionAfter(life, entry.body.action, entry.body.operator, no, to);
    case 'run_created':
      if (life === undefined) return to({ phase: 'created' });
      return life.phase === 'queued' ? to({ phase: 'created' }) : no(life.phase === 'ended' ? 'ended before it was created' : 'was already created');
    case 'run_finished':
      return life?.phase === 'created' ? to({ phase: 'ended' }) : no(life === undefined || life.phase === 'queued' ? 'was never created' : 'has already ended');
    case 'run_failed':
      return life !== undefined && life.phase !== 'ended' ? to({ phase: 'ended', failed: true }) : no(life === undefined ? 'was never submitted or created' : 'has already ended');
  }
}

const FRESH: RunLife = { phase: 'queued', submitted: false, paused: false, stoppedBy: null, failed: false };

function actionAfter(life: RunLife | undefined, action: OperatorActionName, operator: string,
  no: (problem: string) => LifeStep, to: (change: Partial<RunLife>) => LifeStep): LifeStep {
  if (action === 'submit') return life === undefined ? to({ phase: 'queued', submitted: true }) : no(`was already ${life.submitted ? 'submitted' : 'created'}`);
  if (life === undefined) return no(`was never submitted: it cannot be asked to ${action}`);
  if (life.phase === 'ended') return no(`has ended: it cannot be asked to ${action}`);
  if (life.stoppedBy !== null) return no(`is being stopped (by ${life.stoppedBy}): it cannot be asked to ${action}`);
  if (action === 'stop') return to(life.phase === 'queued' ? { phase: 'ended', stoppedBy: operator } : { stoppedBy: operator });
  if (life.phase === 'queued') return no(`has not started: only a running run can ${action}`);
  if (action === 'pause') return life.paused ? no('is already paused') : to({ paused: true });
  return life.paused ? to({ paused: false }) : no('is not paused: there is nothing to resume');
}
