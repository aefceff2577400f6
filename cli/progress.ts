// Progress in the terminal: one bar per round (uploads received of the cohort), then a line
// with the round's outcome. Without a TTY (CI, logs) only the lines are printed.
import cliProgress from 'cli-progress';
import type { FederationEvents } from '../coordinator/run-parts.js';
import type { RoundRecord } from '../coordinator/run-store.js';

export class ProgressView {
  private bar?: cliProgress.SingleBar;
  readonly events: FederationEvents;

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
      onRoundEnd: (record) => {
        this.stop();
        this.print(formatRound(record, this.rounds));
      },
    };
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

export function formatRound(r: RoundRecord, rounds: number): string {
  const parts = [`round ${String(r.round).padStart(3)}/${rounds}`, r.status === 'ok' ? 'ok       ' : 'ABANDONED'];
  parts.push(`agencies ${r.contributors}`);
  if (r.dropped) parts.push(`dropped ${r.dropped}`);
  if (r.declined) parts.push(`declined ${r.declined}`);
  if (r.trainLoss !== undefined) parts.push(`train loss ${r.trainLoss.toFixed(4)}`);
  if (r.loss !== undefined) parts.push(`held-out loss ${r.loss.toFixed(4)}`);
  if (r.accuracy !== undefined) parts.push(`accuracy ${(100 * r.accuracy).toFixed(2)}%`);
  if (r.epsilon !== undefined) parts.push(`epsilon ${r.epsilon.toFixed(3)}`);
  parts.push(`${r.seconds.toFixed(1)} s`);
  if (r.reason) parts.push(`(${r.reason})`);
  return parts.join('  ');
}
