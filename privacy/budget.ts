// Privacy budgets (README, "Security model"): a run stops when its budget is spent, and an
// agency stops joining rounds when its own budget, summed over every run it took part in, is
// spent. Runs over the same agency data compose like rounds of one run: their RDP adds up
// (Mironov 2017, Prop. 1), so the agency's epsilon is that of all its recorded steps together.
//
// An agency keeps one budget per unit of privacy, never mixed in one accountant: 'agency'
// protects the agency's whole update (one SGM step per round, at the rate rounds sample
// agencies), 'record' protects each record in its data (every DP-SGD step the agency took on its
// own records, at its own sampling rate; ml/dpsgd.ts). The records themselves are kept durably
// by the client's round journal (client/round-journal.ts), one accountant name per unit; this
// is the arithmetic on them.
import { assertDelta, assertInteger, assertPositive } from './args.js';
import { RdpAccountant, assertStep, type AccountantState, type SgmStep } from './accountant.js';

/** Whose privacy a budget protects: an agency's whole update, or each record it holds. */
export type BudgetUnit = 'agency' | 'record';

export interface PrivacyBudget {
  readonly epsilon: number;
  readonly delta: number;
}

/** True when composing `next` onto `state` would take epsilon at budget.delta above budget.epsilon. */
export function wouldExceed(state: AccountantState, next: SgmStep, budget: PrivacyBudget): boolean {
  assertPositive('budget.epsilon', budget.epsilon);
  assertDelta('budget.delta', budget.delta);
  const accountant = RdpAccountant.fromState(state).compose(next);
  return accountant.epsilon(budget.delta).epsilon > budget.epsilon;
}

export interface JoinDecision {
  readonly ok: boolean;
  /** The agency's epsilon across all its runs if it joins. */
  readonly epsilonAfter: number;
  readonly reason: string;
}

/** One round the agency took part in, as its client's round journal keeps it (client/round-journal.ts). */
export interface SpendRecord {
  readonly runId: string;
  readonly round: number;
  readonly step: SgmStep;
}

export class BudgetExceededError extends RangeError {
  static override name = 'BudgetExceededError';
  override name = 'BudgetExceededError';
}

export interface BudgetOptions {
  /** Default 'agency'. Only for messages: the caller hands in the records of one unit. */
  readonly unit?: BudgetUnit;
  /** RDP orders to account at; default Opacus's (privacy/rdp.ts DEFAULT_ORDERS). */
  readonly orders?: readonly number[];
}

/**
 * An agency's own budget across all runs, in one unit: the accountant over every round it was
 * charged for, against its policy's limit. The records are kept durably elsewhere (the client's
 * round journal, written before an update leaves); this is the arithmetic on them.
 */
export class AgencyBudget {
  readonly epsilonLimit: number;
  readonly unit: BudgetUnit;
  readonly #records: SpendRecord[] = [];
  readonly #accountant: RdpAccountant;

  constructor(epsilonLimit: number, records: readonly SpendRecord[] = [], options: BudgetOptions = {}) {
    assertPositive('epsilonLimit', epsilonLimit);
    const unit = options.unit ?? 'agency';
    if (unit !== 'agency' && unit !== 'record') throw new TypeError(`options.unit must be 'agency' or 'record', got ${String(unit)}`);
    this.epsilonLimit = epsilonLimit;
    this.unit = unit;
    this.#accountant = new RdpAccountant(options.orders);
    for (const record of records) this.add(record);
  }

  get records(): readonly SpendRecord[] {
    return this.#records.map((r) => ({ ...r, step: { ...r.step } }));
  }

  /** Epsilon at `delta` spent so far. */
  spent(delta: number): number {
    return this.#accountant.epsilon(delta).epsilon;
  }

  /** Whether taking part in `step` keeps the agency's epsilon at `delta` within its limit. */
  canJoin(step: SgmStep, delta: number): JoinDecision {
    assertStep('step', step);
    assertDelta('delta', delta);
    const before = this.spent(delta);
    const after = RdpAccountant.fromState(this.#accountant.state()).compose(step).epsilon(delta).epsilon;
    const figures = `epsilon ${fmt(before)} spent, ${fmt(after)} after this round, limit ${fmt(this.epsilonLimit)} at delta ${delta}`;
    if (after > this.epsilonLimit) {
      return { ok: false, epsilonAfter: after, reason: `${this.unit}-level privacy budget would be exceeded: ${figures}` };
    }
    return { ok: true, epsilonAfter: after, reason: `within ${this.unit}-level privacy budget: ${figures}` };
  }

  /** Throws BudgetExceededError when `step` does not fit; the check a charge makes just before it is written. */
  assertFits(step: SgmStep, delta: number): JoinDecision {
    const decision = this.canJoin(step, delta);
    if (!decision.ok) throw new BudgetExceededError(decision.reason);
    return decision;
  }

  /** Composes one more charged round; a round already counted is refused (it must never count twice, nor be taken back). */
  add(record: SpendRecord): void {
    if (typeof record.runId !== 'string' || record.runId === '') throw new TypeError('runId must be a non-empty string');
    assertInteger('round', record.round);
    assertStep('step', record.step);
    if (this.#records.some((r) => r.runId === record.runId && r.round === record.round)) {
      throw new RangeError(`round ${record.round} of run ${record.runId} is already charged`);
    }
    const kept: SpendRecord = { runId: record.runId, round: record.round, step: { ...record.step } };
    this.#records.push(kept);
    this.#accountant.compose(kept.step);
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}
