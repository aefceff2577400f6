// Routes each authenticated message to the stage collector that waits for it. A message for a
// stage not open yet in the current round is held (one per agency and stage) until that stage
// opens, since a fast client may legitimately run ahead of the slowest; anything else is out of
// turn and answered with a notice, never allowed to disturb the round.
import { type Opened } from '../proto/channel.js';
import { Stage, stageOf, stageRank, type MessageKind } from '../proto/stages.js';
import { ProtocolError } from '../proto/errors.js';
import type { Message } from '../proto/framing.js';
import { StageCollector, type Collected } from './collector.js';

/** Validates a message and returns what the round keeps of it; throws ProtocolError to reject. */
export type Accept<T> = (agency: string, message: Message) => T;

interface OpenStage {
  round: number;
  stage: Stage;
  kind: MessageKind;
  collector: StageCollector<unknown>;
  accept: Accept<unknown>;
}

export interface Rejected {
  agency: string;
  error: ProtocolError;
  round: number;
  /**
   * The message had been held and was refused only when its stage opened: no caller of route()
   * saw the error, so nobody has told the sender yet.
   */
  deferred: boolean;
}

export class StageRouter {
  private open?: OpenStage;
  private round = 0;
  private readonly held = new Map<string, Opened>();
  /** Agencies whose connection closed during this round. */
  /** Agencies out of the current round (disconnected, or withdrawn), with why. */
  private readonly gone = new Map<string, string>();
  /** Errors already passed to onRejected, so that none is reported twice. */
  private readonly reported = new WeakSet<ProtocolError>();

  /** Called for every message that was rejected while a stage was open (for the ledger and log). */
  constructor(private readonly onRejected: (rejected: Rejected) => void) {}

  /** The round begun last (0 before any): what the coordinator is doing, whatever a message says. */
  get currentRound(): number {
    return this.round;
  }

  beginRound(round: number): void {
    this.round = round;
    this.held.clear();
    this.gone.clear();
    this.open = undefined;
  }

  endRound(): void {
    this.open = undefined;
    this.held.clear();
  }

  /**
   * Opens the stage that messages of `kind` belong to (proto/stages.ts) for `members` and waits
   * until each has answered, dropped, or the deadline passed.
   */
  collect<T>(members: Iterable<string>, kind: MessageKind, deadlineMs: number,
    accept: Accept<T>, signal?: AbortSignal): Promise<Collected<T>> {
    const stage = stageOf(kind);
    const collector = new StageCollector<T>(members);
    this.open = { round: this.round, stage, kind, collector: collector as StageCollector<unknown>, accept };
    // A member whose connection closed between stages cannot answer this one: do not wait out the deadline for it.
    for (const [agency, why] of this.gone) collector.drop(agency, why);
    for (const [key, opened] of this.held) {
      if (opened.stage !== stage) continue;
      this.held.delete(key);
      const agency = key.split('\u0000')[0];
      // A held message refused now must not throw out of collect(): that would end the round
      // for everyone because of one sender (a non-member, or a bad update sent early).
      try {
        this.dispatch(agency, opened, true);
      } catch (err) {
        const error = asProtocolError(err);
        if (!this.reported.has(error)) this.onRejected({ agency, error, round: this.round, deferred: true });
      }
    }
    return collector.wait(deadlineMs, signal).finally(() => {
      if (this.open?.collector === collector) this.open = undefined;
    });
  }

  /** An agency's connection closed: it can no longer answer the open stage. */
  disconnected(agency: string): void {
    this.withdraw(agency, 'disconnected');
  }

  /** An agency left `round` (it said why): it is not waited for at this stage or any later one. */
  withdraw(agency: string, reason: string, round = this.round): void {
    if (round !== this.round) return; // about a round already over
    this.gone.set(agency, reason);
    this.open?.collector.drop(agency, reason);
  }

  /** Throws a ProtocolError for a message that has no place in the round now. */
  route(agency: string, opened: Opened): void {
    this.dispatch(agency, opened, false);
  }

  private dispatch(agency: string, opened: Opened, deferred: boolean): void {
    const open = this.open;
    if (opened.round !== this.round || this.round === 0) {
      throw new ProtocolError('OUT_OF_TURN', `${agency} sent a message for round ${opened.round}; round ${this.round || 'none'} is open`);
    }
    if (!open || opened.stage !== open.stage) {
      const expectedLater = !open || stageRank(opened.stage) > stageRank(open.stage);
      const key = `${agency}\u0000${opened.stage}`;
      if (expectedLater && opened.stage !== Stage.STAGE_OFFER && !this.held.has(key)) {
        this.held.set(key, opened);
        return;
      }
      throw new ProtocolError('OUT_OF_TURN', `${agency} sent a ${Stage[opened.stage]} message during ${open ? Stage[open.stage] : 'no stage'}`);
    }
    if (!open.collector.awaits(agency)) {
      throw new ProtocolError('OUT_OF_TURN', `${agency} is not awaited at ${Stage[open.stage]} (not in the cohort, or already answered)`);
    }
    if (opened.message.kind !== open.kind) {
      throw new ProtocolError('OUT_OF_TURN', `${agency} sent ${opened.message.kind} at ${Stage[open.stage]}, expected ${open.kind}`);
    }
    try {
      open.collector.deliver(agency, open.accept(agency, opened.message));
    } catch (err) {
      const error = asProtocolError(err);
      open.collector.drop(agency, `${error.code}: ${error.message}`);
      this.reported.add(error);
      this.onRejected({ agency, error, round: this.round, deferred });
      throw error;
    }
  }
}

function asProtocolError(err: unknown): ProtocolError {
  return err instanceof ProtocolError ? err : new ProtocolError('BAD_UPDATE', (err as Error).message);
}
