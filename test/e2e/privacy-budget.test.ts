// Privacy budgets end to end: a run that stops exactly at its epsilon budget, and an agency
// whose own budget (kept in its state folder, across runs) makes it refuse a round. Real
// client processes over real WebSockets, central DP, the ledger verified at the end.
// Needs dist/ (npx tsc -p tsconfig.json) for the client processes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RdpAccountant } from '../../privacy/accountant.js';
import { builtCli, entriesFor, harness, plainConfig, type Harness } from '../helpers/federation.js';

const DELTA = 1e-5;
const Z = 2;

/** Epsilon after `rounds` rounds at sampling rate 1 and multiplier Z, as the coordinator accounts it. */
function epsilonAfter(rounds: number): number {
  return new RdpAccountant().compose({ samplingRate: 1, noiseMultiplier: Z, count: rounds }).epsilon(DELTA).epsilon;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe.skipIf(!builtCli())('privacy budgets', () => {
  it('a run stops before the round that would pass its epsilon budget, and says so in the ledger', async () => {
    // Two rounds fit the budget, a third would not.
    const budget = (epsilonAfter(2) + epsilonAfter(3)) / 2;
    const config = plainConfig({
      runId: 'budget', rounds: 6,
      dp: { mode: 'central', clipNorm: 1, noiseMultiplier: Z, delta: DELTA, epsilonBudget: budget },
    });
    h = await harness('dp-run', config, 3);
    const coordinator = await h.start();
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(3);
    const result = await coordinator.run(config, h.model);

    expect(result.state.completedRounds).toBe(2);
    expect(result.state.finishedReason).toMatch(/privacy budget/);
    const ledger = await h.ledger();
    const spent = entriesFor(ledger, 'privacy_spent').map((e) => e.body.epsilon as number);
    expect(spent).toHaveLength(2);
    expect(spent[1]).toBeCloseTo(epsilonAfter(2), 9);
    expect(spent[1]).toBeLessThanOrEqual(budget);
    expect(epsilonAfter(3)).toBeGreaterThan(budget);
    expect(entriesFor(ledger, 'round_opened')).toHaveLength(2);
    const report = await h.verify();
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ status: 'finished', roundsOk: 2 });
    expect(report.runs[0].epsilon).toBeCloseTo(epsilonAfter(2), 9);
  });

  it('an agency refuses the round that would take it past its own budget; the others go on', async () => {
    const config = plainConfig({
      runId: 'agency-budget', rounds: 3, minCohort: 2,
      dp: { mode: 'central', clipNorm: 1, noiseMultiplier: Z, delta: DELTA },
    });
    // agency-1 can afford one round at this noise; the others a hundred epsilon.
    const tight = (epsilonAfter(1) + epsilonAfter(2)) / 2;
    h = await harness('dp-agency', config, 3, (i, policy) => (i === 0 ? { ...policy, privacy: { epsilon: tight, delta: DELTA } } : policy));
    const coordinator = await h.start();
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(3);
    const result = await coordinator.run(config, h.model);

    expect(result.state.completedRounds).toBe(3);
    const ledger = await h.ledger();
    const refusals = entriesFor(ledger, 'refusal').filter((e) => e.body.agency === 'agency-1');
    expect(refusals.map((e) => [e.body.round, e.body.code])).toEqual([[2, 'POLICY_PRIVACY_BUDGET'], [3, 'POLICY_PRIVACY_BUDGET']]);
    expect(entriesFor(ledger, 'commitment').filter((e) => e.body.agency === 'agency-1').map((e) => e.body.round)).toEqual([1]);
    // The agency's own record of what it spent (its round journal): one round, within its budget.
    const agency = h.federation.agencies[0];
    const journal = (await readFile(join(agency.stateDir, 'round-journal.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string });
    expect(journal.filter((e) => e.kind === 'charge')).toHaveLength(1);
    const report = await h.verify();
    expect(report.failure).toBeNull();
  });
});
