// The coordinator's writer for one round: it opens the round in the ledger and appends the
// round's entries only in the order ledger/round-order.ts defines, the order the verifier
// checks. An entry out of order is a bug in the caller: it is refused and nothing is written.
import type { EntryBody, LedgerEntry } from './entries.js';
import { LedgerWriterError } from './errors.js';
import { nextStep, type RoundEntryType, type RoundKind, type RoundStep } from './round-order.js';
import type { LedgerWriter } from './writer.js';

/** A round entry's body without what the round log fills in. */
export type RoundFields<T extends RoundEntryType> = Omit<EntryBody<T>, 'runId' | 'round'>;

export class RoundLog {
  #step: RoundStep = 'inputs';

  private constructor(private readonly ledger: LedgerWriter, private readonly opened: EntryBody<'round_opened'>, readonly kind: RoundKind) {}

  get runId(): string {
    return this.opened.runId;
  }

  get round(): number {
    return this.opened.round;
  }

  /** The offer the round was opened under: every commitment names it. */
  get offerSha256(): string {
    return this.opened.offerSha256;
  }

  /** Appends `round_opened` and returns the log of the round it opened; what the round does is the entry's `kind`. */
  static async open(ledger: LedgerWriter, kind: Omit<RoundKind, 'purpose'>, opened: EntryBody<'round_opened'>): Promise<RoundLog> {
    await ledger.append('round_opened', opened);
    return new RoundLog(ledger, opened, { ...kind, purpose: opened.kind ?? 'train' });
  }

  /** Appends the round's next entry; refuses (LEDGER_ORDER, nothing written) one the round's order does not allow. */
  append<T extends RoundEntryType>(type: T, fields: RoundFields<T>): Promise<LedgerEntry<T>> {
    const status = type === 'round_closed' ? (fields as RoundFields<'round_closed'>).status : undefined;
    const next = nextStep(this.kind, this.#step, type, status);
    if (!next.ok) return Promise.reject(new LedgerWriterError('LEDGER_ORDER', `round ${this.round} of run ${this.runId}: ${next.problem}`));
    this.#step = next.step;
    return this.ledger.append(type, { runId: this.runId, round: this.round, ...fields } as EntryBody<T>);
  }
}
