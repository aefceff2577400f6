// An agency's policy binds across restarts of its client: the rounds it joined are counted from
// its own receipts, so a restarted client still refuses past maxRoundsPerRun.
// Needs dist/ (npx tsc -p tsconfig.json) for the client processes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exited } from '../../examples/local-federation.js';
import { builtCli, entriesFor, harness, plainConfig, type Harness } from '../helpers/federation.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

async function receiptLines(stateDir: string): Promise<number> {
  const text = await readFile(join(stateDir, 'receipts.jsonl'), 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).length;
}

describe.skipIf(!builtCli())('agency policy across client restarts', () => {
  it('a restarted client still counts the rounds it joined and refuses past maxRoundsPerRun', async () => {
    const config = plainConfig({ runId: 'restart', rounds: 3, selection: { min: 4 }, minCohort: 3 });
    h = await harness('policy-restart', config, 4, (i, policy) => (i === 0 ? { ...policy, maxRoundsPerRun: 2 } : policy));
    const coordinator = await h.start();
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(4);
    const agency1 = h.federation.agencies[0];

    // Rounds 1-2, then the run is paused (its loop stops before round 3).
    const pause = new AbortController();
    await coordinator.run(config, h.model, { onRoundEnd: (record) => { if (record.round === 2) pause.abort(); } }, pause.signal);
    // agency-1 has its two receipts; its client process is replaced by a fresh one.
    while ((await receiptLines(agency1.stateDir)) < 2) await new Promise((r) => setTimeout(r, 50));
    const old = h.children.get('agency-1')!;
    old.kill('SIGKILL');
    await exited(old, 10_000);
    await new Promise((r) => setTimeout(r, 200)); // the coordinator sees the old session close
    h.spawn('agency-1');
    await h.waitForSessions(4);
    const result = await coordinator.run(config, h.model);

    expect(result.state.history.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    const ledger = await h.ledger();
    expect(entriesFor(ledger, 'commitment').filter((e) => e.body.agency === 'agency-1').map((e) => e.body.round)).toEqual([1, 2]);
    expect(entriesFor(ledger, 'refusal', 3).map((e) => [e.body.agency, e.body.code])).toEqual([['agency-1', 'POLICY_MAX_ROUNDS']]);
    const report = await h.verify();
    expect(report.failure).toBeNull();
  }, 150_000);
});
