// The agency's privacy spend, per unit (privacy/budget.ts BudgetUnit): each budget is the
// arithmetic over the charges its round journal keeps under that unit's name, derived from the
// journal whenever it is asked (one source of truth), so a restart cannot forget a charge and
// nothing is counted twice. Charges are only ever appended, so the accountant kept for a unit
// composes just the ones it has not seen. The two units never compose into one accountant.
import type { SgmStep } from '../privacy/accountant.js';
import { AgencyBudget, type BudgetUnit, type JoinDecision, type PrivacyBudget } from '../privacy/budget.js';
import type { RoundJournal } from './round-journal.js';

export type Steps = Partial<Record<BudgetUnit, SgmStep>>;
export type Limits = Partial<Record<BudgetUnit, PrivacyBudget>>;

export class AgencySpend {
  readonly #budgets = new Map<BudgetUnit, AgencyBudget>();

  constructor(
    readonly journal: RoundJournal,
    /** The policy's budgets; a unit without one is charged (remembered) but never refuses. */
    readonly limits: Limits,
  ) {}

  /** The budget of `unit` over every charge the journal holds for it; undefined without a limit. */
  budget(unit: BudgetUnit): AgencyBudget | undefined {
    const limit = this.limits[unit];
    if (!limit) return undefined;
    const budget = this.#budgets.get(unit) ?? new AgencyBudget(limit.epsilon, [], { unit });
    this.#budgets.set(unit, budget);
    for (const record of this.journal.spend(unit).slice(budget.records.length)) budget.add(record);
    return budget;
  }

  /** What joining with `step` would do to the budget of `unit` (undefined without a limit). */
  check(unit: BudgetUnit, step: SgmStep): JoinDecision | undefined {
    const limit = this.limits[unit];
    return limit ? this.budget(unit)!.canJoin(step, limit.delta) : undefined;
  }

  /**
   * Charges a round's steps, each to its unit, in one durable journal line written before the
   * update leaves. Every budget is checked again inside the journal's queue, against the charges
   * written so far, so a round that no longer fits is refused (BudgetExceededError) and never
   * written. Resolves with each unit's decision (epsilon after this round).
   */
  async charge(round: { runId: string; round: number; offerSha256: string }, steps: Steps): Promise<Partial<Record<BudgetUnit, JoinDecision>>> {
    const decisions: Partial<Record<BudgetUnit, JoinDecision>> = {};
    const spend = Object.fromEntries(Object.entries(steps).filter(([, s]) => s !== undefined)) as Record<string, SgmStep>;
    await this.journal.recordCharge({ ...round, spend }, () => {
      for (const [unit, step] of Object.entries(spend) as [BudgetUnit, SgmStep][]) {
        const limit = this.limits[unit];
        if (limit) decisions[unit] = this.budget(unit)!.assertFits(step, limit.delta);
      }
    });
    return decisions;
  }
}
