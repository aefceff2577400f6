// Privacy budgets (README, "Security model"): a run stops when its budget is spent, and an
// agency stops joining rounds when its own budget, summed over every run it took part in, is
// spent. Runs over the same agency data compose like rounds of one run: their RDP adds up
// (Mironov 2017, Prop. 1), so the agency's epsilon is that of all its recorded steps together.
//
// An agency keeps one budget per unit of privacy, each in its own file, never mixed in one
// accountant: 'agency' protects the agency's whole update (one SGM step per round, at the rate
// rounds sample agencies), 'record' protects each record in its data (every DP-SGD step the
// agency took on its own records, at its own sampling rate; ml/dpsgd.ts).
import { z } from 'zod';
import { readJsonOr, writeJsonAtomic } from '../storage/atomic.js';
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

/** One round the agency took part in, as kept in its state file. */
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
  /** Default 'agency'. A file holds one unit; loading it as the other is refused. */
  readonly unit?: BudgetUnit;
  /** RDP orders to account at; default Opacus's (privacy/rdp.ts DEFAULT_ORDERS). */
  readonly orders?: readonly number[];
}

const fileSchema = z.object({
  version: z.literal(1),
  // Absent in files written before record-level budgets existed: those are agency-level.
  unit: z.enum(['agency', 'record']).optional(),
  records: z.array(
    z.object({
      runId: z.string().min(1),
      round: z.number().int().min(0),
      step: z.object({
        samplingRate: z.number().min(0).max(1),
        noiseMultiplier: z.number().min(0),
        count: z.number().int().min(0),
      }),
    }),
  ),
});

/** An agency's own budget across all runs, in one unit, kept in a local JSON file written atomically. */
export class AgencyBudget {
  readonly path: string;
  readonly epsilonLimit: number;
  readonly unit: BudgetUnit;
  readonly #records: SpendRecord[];
  readonly #accountant: RdpAccountant;
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(path: string, epsilonLimit: number, unit: BudgetUnit, orders: readonly number[] | undefined, records: SpendRecord[]) {
    this.path = path;
    this.epsilonLimit = epsilonLimit;
    this.unit = unit;
    this.#records = records;
    this.#accountant = new RdpAccountant(orders);
    for (const r of records) this.#accountant.compose(r.step);
  }

  /** Reads the state at `path` (a missing file is an empty history); the limit is the agency's policy. */
  static async load(path: string, epsilonLimit: number, options: BudgetOptions = {}): Promise<AgencyBudget> {
    if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
    assertPositive('epsilonLimit', epsilonLimit);
    const unit = options.unit ?? 'agency';
    if (unit !== 'agency' && unit !== 'record') throw new TypeError(`options.unit must be 'agency' or 'record', got ${String(unit)}`);
    const raw = await readJsonOr<unknown>(path, { version: 1, unit, records: [] });
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new TypeError(`invalid privacy budget file ${path}: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    }
    const inFile = parsed.data.unit ?? 'agency';
    if (inFile !== unit) {
      throw new TypeError(`privacy budget file ${path} holds ${inFile}-level spending, not ${unit}-level: the two units do not compose; give each its own file`);
    }
    return new AgencyBudget(path, epsilonLimit, unit, options.orders, parsed.data.records);
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
      return { ok: false, epsilonAfter: after, reason: `privacy budget would be exceeded: ${figures}` };
    }
    return { ok: true, epsilonAfter: after, reason: `within privacy budget: ${figures}` };
  }

  /**
   * Records a round as spent and persists it. Call it before the update leaves the agency: once
   * sent, the privacy is spent whether or not the round completes. Recording the same
   * (runId, round) again with the same step is a no-op; with a different step it throws.
   * Calls are applied one at a time, so concurrent records are never lost.
   */
  record(runId: string, round: number, step: SgmStep): Promise<void> {
    if (typeof runId !== 'string' || runId === '') throw new TypeError('runId must be a non-empty string');
    assertInteger('round', round);
    assertStep('step', step);
    const done = this.#writes.then(() => this.#append(runId, round, step));
    this.#writes = done.catch(() => undefined);
    return done;
  }

  /**
   * Charges a round to the budget, refusing it when it would take epsilon at `delta` past the
   * limit: the check and the durable write happen together, one charge at a time, so two
   * concurrent rounds cannot both fit into room for one. Resolves only once the charge is on disk
   * (written, fsynced, renamed, directory fsynced): send the update after it, never before.
   * Charging the same (runId, round) again with the same step resolves without charging twice,
   * also after a restart; with a different step it throws. Rejects with BudgetExceededError when
   * the round does not fit.
   */
  charge(runId: string, round: number, step: SgmStep, delta: number): Promise<JoinDecision> {
    if (typeof runId !== 'string' || runId === '') throw new TypeError('runId must be a non-empty string');
    assertInteger('round', round);
    assertStep('step', step);
    assertDelta('delta', delta);
    const done = this.#writes.then(async () => {
      if (this.#existing(runId, round, step)) return { ok: true, epsilonAfter: this.spent(delta), reason: `round ${round} of run ${runId} is already charged` };
      const decision = this.canJoin(step, delta);
      if (!decision.ok) throw new BudgetExceededError(`${this.unit}-level ${decision.reason}`);
      await this.#append(runId, round, step);
      return decision;
    });
    this.#writes = done.catch(() => undefined);
    return done;
  }

  /** Whether (runId, round) is already recorded: true with the same step, throws with another. */
  #existing(runId: string, round: number, step: SgmStep): boolean {
    const existing = this.#records.find((r) => r.runId === runId && r.round === round);
    if (!existing) return false;
    const same =
      existing.step.samplingRate === step.samplingRate &&
      existing.step.noiseMultiplier === step.noiseMultiplier &&
      existing.step.count === step.count;
    if (same) return true;
    throw new RangeError(`round ${round} of run ${runId} is already recorded with different parameters`);
  }

  async #append(runId: string, round: number, step: SgmStep): Promise<void> {
    if (this.#existing(runId, round, step)) return;
    const record: SpendRecord = {
      runId,
      round,
      step: { samplingRate: step.samplingRate, noiseMultiplier: step.noiseMultiplier, count: step.count },
    };
    await writeJsonAtomic(this.path, { version: 1, unit: this.unit, records: [...this.#records, record] });
    this.#records.push(record);
    this.#accountant.compose(record.step);
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}
