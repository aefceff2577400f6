// Run and agency budgets: refusals carry a reason; the agency's budget is the accountant over the
// rounds it was charged for (kept durably by the client's round journal, test/trust/round-journal).
import { describe, expect, it } from 'vitest';
import { RdpAccountant } from '../../privacy/accountant.js';
import { AgencyBudget, wouldExceed } from '../../privacy/budget.js';

const DELTA = 1e-5;
const ROUND = { samplingRate: 0.1, noiseMultiplier: 1.0, count: 1 };

describe('wouldExceed (run budget)', () => {
  it('is true exactly when the next step takes epsilon past the budget', () => {
    const accountant = new RdpAccountant().compose({ ...ROUND, count: 20 });
    const after = RdpAccountant.fromState(accountant.state()).compose(ROUND).epsilon(DELTA).epsilon;
    expect(wouldExceed(accountant.state(), ROUND, { epsilon: after * 1.001, delta: DELTA })).toBe(false);
    expect(wouldExceed(accountant.state(), ROUND, { epsilon: after * 0.999, delta: DELTA })).toBe(true);
    expect(() => wouldExceed(accountant.state(), ROUND, { epsilon: 0, delta: DELTA })).toThrow(/budget.epsilon/);
  });
});

describe('AgencyBudget', () => {
  it('refuses a round that would pass the limit, with a reason; the same records give the same spend', () => {
    // A limit that five rounds fit under and six do not.
    const limit = new RdpAccountant().compose({ ...ROUND, count: 5 }).epsilon(DELTA).epsilon * 1.0001;
    const budget = new AgencyBudget(limit);
    expect(budget.spent(DELTA)).toBe(0);

    // Two runs, one round each, until the next would pass the limit.
    let round = 0;
    for (;;) {
      const decision = budget.canJoin(ROUND, DELTA);
      if (!decision.ok) {
        expect(decision.epsilonAfter).toBeGreaterThan(limit);
        expect(decision.reason).toMatch(/privacy budget would be exceeded/);
        expect(decision.reason).toContain(`limit ${limit.toFixed(4)}`);
        break;
      }
      expect(decision.epsilonAfter).toBeLessThanOrEqual(limit);
      expect(decision.reason).toMatch(/within agency-level privacy budget/);
      budget.add({ runId: round % 2 === 0 ? 'run-a' : 'run-b', round: Math.floor(round / 2), step: ROUND });
      round++;
    }
    expect(round).toBe(5);

    const rebuilt = new AgencyBudget(limit, budget.records);
    expect(rebuilt.records).toHaveLength(round);
    expect(rebuilt.spent(DELTA)).toBe(budget.spent(DELTA));
    expect(rebuilt.canJoin(ROUND, DELTA).ok).toBe(false);
    // A larger limit from the agency's policy lets it join again; the history is the same.
    expect(new AgencyBudget(10, budget.records).canJoin(ROUND, DELTA).ok).toBe(true);
  });

  it('counts a round once: charging the same round again is refused, never taken back', () => {
    const budget = new AgencyBudget(5);
    budget.add({ runId: 'run-a', round: 0, step: ROUND });
    expect(() => budget.add({ runId: 'run-a', round: 0, step: ROUND })).toThrow(/already charged/);
    expect(budget.records).toHaveLength(1);
  });

  it('rejects bad arguments, naming them', () => {
    expect(() => new AgencyBudget(0)).toThrow(/epsilonLimit/);
    const budget = new AgencyBudget(1);
    expect(() => budget.canJoin(ROUND, 2)).toThrow(/delta/);
    expect(() => budget.add({ runId: '', round: 0, step: ROUND })).toThrow(/runId/);
  });
});
