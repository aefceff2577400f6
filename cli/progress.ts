// Progress in the terminal: one bar per round (uploads received of the cohort), then a line
// with the round's outcome. Without a TTY (CI, logs) only the lines are printed.
import cliProgress from 'cli-progress';
import type { FederationEvents } from '../coordinator/run-parts.js';
import type { RoundRecord } from '../coordinator/run-store.js';

export class ProgressView {
  private bar?: cliProgress.SingleBar;
  readonly events: FederationEvents;
  /** The coordinator's held-out accuracy of each round's model, to print beside the agencies' validation of it. */
  private readonly heldOut = new Map<number, number>();

  constructor(private readonly rounds: number, private readonly print: (line: string) => void) {
    const tty = process.stdout.isTTY === true;
    this.events = {
      onRoundStart: (round, cohort) => {
        if (!tty) return;
        this.bar = new cliProgress.SingleBar({
          format: `round ${round} |{bar}| {value}/{total} updates | {stage}`,
          hideCursor: true, clearOnComplete: true,
        }, cliProgress.Presets.shades_classic);
        this.bar.start(cohort.length, 0, { stage: 'training' });
      },
      onStage: (_round, stage, done, total) => {
        this.bar?.setTotal(total);
        this.bar?.update(done, { stage });
      },
      onRunStart: (state) => {
        for (const r of state.history) if (r.accuracy !== undefined) this.heldOut.set(r.round, r.accuracy);
      },
      onRoundEnd: (record) => {
        this.stop();
        if (record.accuracy !== undefined) this.heldOut.set(record.round, record.accuracy);
        this.print(formatRound(record, this.rounds, this.heldOut));
      },
    };
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

/**
 * One round's line. The agencies' validation is of the model the round was offered (the previous
 * round's), so it is printed with that model's round and, when the coordinator has a held-out
 * set (the demo), that model's held-out accuracy beside it.
 */
export function formatRound(r: RoundRecord, rounds: number, heldOut: ReadonlyMap<number, number> = new Map()): string {
  const parts = [`round ${String(r.round).padStart(3)}/${rounds}`, r.status === 'ok' ? 'ok       ' : 'ABANDONED'];
  if (r.kind) parts.push(r.kind === 'statistics' ? 'statistics pass' : 'evaluation');
  parts.push(`agencies ${r.contributors}`);
  if (r.dropped) parts.push(`dropped ${r.dropped}`);
  if (r.declined) parts.push(`declined ${r.declined}`);
  if (r.trainLoss !== undefined) parts.push(`train loss ${r.trainLoss.toFixed(4)}`);
  if (r.validation) parts.push(formatValidation(r.validation, heldOut.get(r.validation.modelRound)));
  if (r.loss !== undefined) parts.push(`held-out loss ${r.loss.toFixed(4)}`);
  if (r.accuracy !== undefined) parts.push(`held-out accuracy ${(100 * r.accuracy).toFixed(2)}%`);
  if (r.epsilon !== undefined) parts.push(`epsilon ${r.epsilon.toFixed(3)}`);
  parts.push(`${r.seconds.toFixed(1)} s`);
  if (r.reason) parts.push(`(${r.reason})`);
  return parts.join('  ');
}

/** The federated validation of one model: what the task has (accuracy, AUC; MSE, MAE), and the held-out accuracy of the same model when known. */
export function formatValidation(v: NonNullable<RoundRecord['validation']>, heldOutAccuracy?: number): string {
  const figures = [`loss ${v.loss.toFixed(4)}`];
  if (v.accuracy !== undefined) figures.push(`accuracy ${(100 * v.accuracy).toFixed(2)}%`);
  if (v.auc !== undefined && Number.isFinite(v.auc)) figures.push(`AUC ${v.auc.toFixed(3)}`);
  if (v.mse !== undefined) figures.push(`MSE ${v.mse.toPrecision(4)}`, `MAE ${v.mae!.toPrecision(4)}`);
  const beside = heldOutAccuracy !== undefined ? ` (held-out ${(100 * heldOutAccuracy).toFixed(2)}%)` : '';
  return `validation of model ${v.modelRound} [${v.examples} examples]: ${figures.join(', ')}${beside}`;
}
