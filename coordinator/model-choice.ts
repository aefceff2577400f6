// Which checkpoint is a run's model, as its ledger says: the newest round closed ok; the one with
// the lowest federated validation loss (--best); or a round asked for by number. Both exports
// decide here: `cohort model export` on the data directory and `cohort run export` through the
// run service.
import type { RunProgress } from './run-progress.js';

export interface ModelChoice {
  round?: number;
  best?: boolean;
}

/** The run has no model to export as asked; the message says why and what to ask instead. */
export class NoModelError extends RangeError {
  override name = 'NoModelError';
}

/** The round whose checkpoint is the run's model under `choice`. */
export function chosenRound(progress: RunProgress, runId: string, choice: ModelChoice): number {
  if (choice.best && choice.round !== undefined) throw new RangeError('--best and --round choose the model two ways: give one');
  if (choice.best) {
    if (progress.best) return progress.best.modelRound;
    throw new NoModelError(`run ${runId} has no federated validation in its ledger (${describeRun(progress)}), so no model is best: ` +
      'run it with --evaluate-every (the agencies validate each model), or export the newest model without --best');
  }
  if (choice.round !== undefined) return choice.round;
  if (progress.lastOk.round > 0) return progress.lastOk.round;
  throw new NoModelError(`run ${runId} has no aggregated round (${describeRun(progress)}), so its model is the untrained initial one: ` +
    'nothing exported. See why with `cohort audit show` on the ledger; --round 0 exports the initial model if that is what you want');
}

/** What the ledger says of a run: how it ended, the rounds it opened, the refusals. */
function describeRun(progress: RunProgress): string {
  const refusals = [...progress.rounds.values()].reduce((n, facts) => n + facts.declined, 0);
  const ended = progress.finished ? `finished: ${progress.finished.reason}` : 'not finished';
  return `${ended}; ${progress.roundsOpened} rounds opened, ${refusals} refusals`;
}
