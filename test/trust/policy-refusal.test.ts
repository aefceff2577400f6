// An agency's policy is enforced on its own side: a client whose policy forbids the run's
// purpose, and one whose minimum cohort the round does not meet, each send nothing but their
// refusal. Five real client processes on a secure (SecAgg+) run; two of them talk to the
// coordinator through a recording relay that decodes every envelope they send. The ledger
// shows each refusal with its code and no commitment, and the relay shows that the one
// message each sent per round was a RoundAnswer decline: no keys, no dataset, no update.
import { afterEach, describe, expect, it } from 'vitest';
import { recordingRelay, type Relay } from '../helpers/recording-relay.js';
import { builtCli, smallRun, testFederation, type TestFederation } from './federation.js';

let t: TestFederation | undefined;
let relay: Relay | undefined;
afterEach(async () => {
  await relay?.close();
  relay = undefined;
  await t?.cleanup();
  t = undefined;
});

describe.skipIf(!builtCli())('a client refuses by its own policy, and sends nothing but the refusal', () => {
  it('purpose not allowed (POLICY_PURPOSE) and cohort below the minimum (POLICY_MIN_COHORT): a decline each round, no keys, no update, a refusal in the ledger', async () => {
    const config = smallRun({ runId: 'policy', rounds: 2, secagg: { enabled: true }, minCohort: 3, selection: { min: 5 } });
    t = await testFederation('policy', config, 5, {
      override: (i, policy) => i === 3 ? { ...policy, purposes: ['cancer registry statistics'] }
        : i === 4 ? { ...policy, minCohort: 10 } : policy,
    });
    relay = await recordingRelay(t.coordinator.url);
    const relayed = relay.url;
    const names = t.federation.agencies.map((a) => a.name);
    for (const name of names) t.spawn(name, name === 'agency-4' || name === 'agency-5' ? relayed : undefined);
    await t.waitForSessions(names);

    const result = await t.coordinator.run(config, t.model);
    expect(result.state.status).toBe('finished');
    expect(result.state.completedRounds).toBe(2);
    for (const record of result.state.history) expect(record).toMatchObject({ status: 'ok', contributors: 3, declined: 2 });

    const ledger = await t.ledger();
    const of = (type: string, agency: string) => ledger.filter((e) => e.type === type && (e.body.agency === agency
      || (Array.isArray(e.body.cohort) && (e.body.cohort as { agency: string }[]).some((c) => c.agency === agency))));
    const expected = { 'agency-4': 'POLICY_PURPOSE', 'agency-5': 'POLICY_MIN_COHORT' } as const;
    for (const [agency, code] of Object.entries(expected)) {
      const refusals = of('refusal', agency);
      expect(refusals.map((e) => [e.body.round, e.body.code])).toEqual([[1, code], [2, code]]);
      expect(of('commitment', agency)).toEqual([]);
      expect(of('round_opened', agency)).toEqual([]);
      expect(of('agency_joined', agency)).toEqual([]);
      // On the wire: per round, one message, the decline, carrying nothing of the agency's.
      const mine = relay.received.filter((r) => r.agency === agency);
      expect(mine.map((r) => [r.round, r.kind])).toEqual([[1, 'roundAnswer'], [2, 'roundAnswer']]);
      for (const { message } of mine) {
        const answer = message.roundAnswer!;
        expect({ accept: answer.accept, code: answer.code, hasKeys: !!answer.keyAdvert, hasDataset: !!answer.dataset, examples: answer.examples })
          .toEqual({ accept: false, code, hasKeys: false, hasDataset: false, examples: 0 });
      }
    }
    // Only the two refusers went through the relay.
    expect(new Set(relay.received.map((r) => r.agency))).toEqual(new Set(['agency-4', 'agency-5']));
    // Three agencies contributed to each round, with commitments.
    for (const honest of ['agency-1', 'agency-2', 'agency-3']) expect(of('commitment', honest)).toHaveLength(2);

    await t.stop();
    const report = await t.verify();
    expect(report.ok, JSON.stringify(report.failure)).toBe(true);
  });
});
