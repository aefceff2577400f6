// Run and agency budgets: refusals carry a reason, and the agency's spending survives a reload.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-budget-'));
    path = join(dir, 'privacy-budget.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a round that would pass the limit, with a reason, and keeps its spending across reloads', async () => {
    // A limit that five rounds fit under and six do not.
    const limit = new RdpAccountant().compose({ ...ROUND, count: 5 }).epsilon(DELTA).epsilon * 1.0001;
    const budget = await AgencyBudget.load(path, limit);
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
      expect(decision.reason).toMatch(/within privacy budget/);
      await budget.record(round % 2 === 0 ? 'run-a' : 'run-b', Math.floor(round / 2), ROUND);
      round++;
    }
    expect(round).toBe(5);

    const reloaded = await AgencyBudget.load(path, limit);
    expect(reloaded.records).toHaveLength(round);
    expect(reloaded.spent(DELTA)).toBe(budget.spent(DELTA));
    expect(reloaded.canJoin(ROUND, DELTA).ok).toBe(false);
    // A larger limit from the agency's policy lets it join again; the history is the same.
    expect((await AgencyBudget.load(path, 10)).canJoin(ROUND, DELTA).ok).toBe(true);
  });

  it('records a round once; a conflicting record for the same round is refused', async () => {
    const budget = await AgencyBudget.load(path, 5);
    await budget.record('run-a', 0, ROUND);
    await budget.record('run-a', 0, ROUND);
    expect(budget.records).toHaveLength(1);
    await expect(budget.record('run-a', 0, { ...ROUND, noiseMultiplier: 2 })).rejects.toThrow(/already recorded/);
    await Promise.all([budget.record('run-a', 1, ROUND), budget.record('run-a', 2, ROUND), budget.record('run-b', 0, ROUND)]);
    expect((await AgencyBudget.load(path, 5)).records).toHaveLength(4);
    const onDisk = JSON.parse(await readFile(path, 'utf8'));
    expect(onDisk.version).toBe(1);
  });

  it('rejects a damaged state file and bad arguments, naming them', async () => {
    await writeFile(path, JSON.stringify({ version: 1, records: [{ runId: 'x', round: -1, step: ROUND }] }));
    await expect(AgencyBudget.load(path, 1)).rejects.toThrow(/invalid privacy budget file/);
    await expect(AgencyBudget.load(join(dir, 'none.json'), 0)).rejects.toThrow(/epsilonLimit/);
    const budget = await AgencyBudget.load(join(dir, 'none.json'), 1);
    expect(() => budget.canJoin(ROUND, 2)).toThrow(/delta/);
    expect(() => budget.record('', 0, ROUND)).toThrow(/runId/);
  });
});
