// Privacy budgets (README, "Security model"): a run stops when its budget is spent, and an
// agency stops joining rounds when its own budget, summed over every run it took part in, is
// spent. Runs over the same agency data compose like rounds of one run: their RDP adds up
// (Mironov 2017, Prop. 1), so the agency's epsilon is that of all its recorded steps together.
import { z } from 'zod';
import { readJsonOr, writeJsonAtomic } from '../storage/atomic.js';
import { assertDelta, assertInteger, assertPositive } from './args.js';
import { RdpAccountant, assertStep, type AccountantState, type SgmStep } from './accountant.js';

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

const fileSchema = z.object({
  version: z.literal(1),
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

/** An agency's own budget across all runs, kept in a local JSON file written atomically. */
export class AgencyBudget {
  readonly path: string;
  readonly epsilonLimit: number;
  readonly #records: SpendRecord[];
  readonly #accountant = new RdpAccountant();
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(path: string, epsilonLimit: number, records: SpendRecord[]) {
    this.path = path;
    this.epsilonLimit = epsilonLimit;
    this.#records = records;
    for (const r of records) this.#accountant.compose(r.step);
  }

  /** Reads the state at `path` (a missing file is an empty history); the limit is the agency's policy. */
  static async load(path: string, epsilonLimit: number): Promise<AgencyBudget> {
    if (typeof path !== 'string' || path === '') throw new TypeError('path must be a non-empty string');
    assertPositive('epsilonLimit', epsilonLimit);
    const raw = await readJsonOr<unknown>(path, { version: 1, records: [] });
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) {
      throw new TypeError(`invalid privacy budget file ${path}: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    }
    return new AgencyBudget(path, epsilonLimit, parsed.data.records);
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

  async #append(runId: string, round: number, step: SgmStep): Promise<void> {
    const existing = this.#records.find((r) => r.runId === runId && r.round === round);
    if (existing) {
      const same =
        existing.step.samplingRate === step.samplingRate &&
        existing.step.noiseMultiplier === step.noiseMultiplier &&
        existing.step.count === step.count;
      if (same) return;
      throw new RangeError(`round ${round} of run ${runId} is already recorded with different parameters`);
    }
    const record: SpendRecord = {
      runId,
      round,
      step: { samplingRate: step.samplingRate, noiseMultiplier: step.noiseMultiplier, count: step.count },
    };
    await writeJsonAtomic(this.path, { version: 1, records: [...this.#records, record] });
    this.#records.push(record);
    this.#accountant.compose(record.step);
  }
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}
