// What the ledger keeps of the notices agencies send (why they left a round): at most `perRound`
// notes per agency in each of the coordinator's rounds. Further notices are counted, and the
// count is noted once, when that agency's next notice falls in a later round or the round ends.
// Unbounded, one agency within the message rate limit wrote 4,986 fsynced notes (21 MB) in 30 s
// and tripled round times (issue #11, B9). Rounds are the coordinator's own, not the ones the
// notices name, so an agency cannot reset its count by naming other rounds.

interface Tally {
  round: number;
  noted: number;
  excess: number;
}

export class NoticeLedger {
  readonly #tallies = new Map<string, Tally>();
  /** The last round that ended: a notice after it, before the next begins, counts toward the next. */
  #ended = 0;

  constructor(private readonly perRound: number, private readonly note: (text: string) => void) {
    if (!Number.isSafeInteger(perRound) || perRound < 0) throw new RangeError(`perRound must be a whole number >= 0, got ${perRound}`);
  }

  /** Whether a notice from `agency` during the coordinator's round `round` is noted (true) or only counted. */
  admit(agency: string, coordinatorRound: number): boolean {
    const round = Math.max(coordinatorRound, this.#ended + 1);
    let tally = this.#tallies.get(agency);
    if (tally !== undefined && tally.round !== round) {
      this.#close(agency, tally);
      tally = undefined;
    }
    if (tally === undefined) {
      tally = { round, noted: 0, excess: 0 };
      this.#tallies.set(agency, tally);
    }
    if (tally.noted < this.perRound) {
      tally.noted++;
      return true;
    }
    tally.excess++;
    return false;
  }

  /** The round is over: the counts of notices not noted in it (or before it) are noted, once each. */
  roundEnded(round: number): void {
    this.#ended = Math.max(this.#ended, round);
    for (const [agency, tally] of this.#tallies) if (tally.round <= round) this.#close(agency, tally);
  }

  /** The run is over: every count not yet noted is. */
  runEnded(): void {
    for (const [agency, tally] of this.#tallies) this.#close(agency, tally);
  }

  #close(agency: string, tally: Tally): void {
    this.#tallies.delete(agency);
    if (tally.excess > 0) {
      this.note(`round ${tally.round}: ${agency} sent ${tally.excess} more notices than the ${this.perRound} recorded per round; they were counted, not recorded`);
    }
  }
}
