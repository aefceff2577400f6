// Record-level DP end to end: real client processes over real WebSockets, SecAgg and agency-level
// distributed DP on, every
// agency training with DP-SGD on its own records. Each accounts at its own sampling rate (the
// run's expected lot over its own record count: no coordinator number), charges its round
// journal before its masked input leaves, and signs its record-level epsilon and budget into its
// commitment; the agency whose budget fits one round refuses the second, and, restarted, still
// refuses in the next run. The ledger verifies, and reports each agency's signed spend.
// Needs dist/ (npx tsc -p tsconfig.json) for the client processes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MNIST_SPLIT, splitMnist } from '../../client/data/source.js';
import { exited } from '../../examples/local-federation.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { builtCli, entriesFor, harness, plainConfig, type Harness } from '../helpers/federation.js';

const DELTA = 1e-5;
// Exactly representable in float32, as the offer carries it.
const RECORD_DP = { clipNorm: 1, noiseMultiplier: 1.25, expectedLotSize: 64, localSteps: 2, delta: DELTA };

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

interface Charge { kind: string; runId: string; round: number; spend: Record<string, { samplingRate: number; noiseMultiplier: number; count: number }> }
async function charges(stateDir: string): Promise<Charge[]> {
  const lines = (await readFile(join(stateDir, 'round-journal.jsonl'), 'utf8')).split('\n').filter(Boolean);
  return lines.map((l) => JSON.parse(l) as Charge).filter((e) => e.kind === 'charge');
}

describe.skipIf(!builtCli())('record-level DP over real sockets', () => {
  it('agencies train with DP-SGD at their own rate, sign their spend into the ledger, and one refuses past its budget, also after a restart', async () => {
    // Beside agency-level distributed DP: the two units are charged in one journal line, each to its own accountant.
    const config = plainConfig({
      runId: 'record-a', rounds: 2, selection: { min: 3 }, minCohort: 3, secagg: { enabled: true }, recordDp: RECORD_DP,
      dp: { mode: 'distributed', clipNorm: 1, noiseMultiplier: 1, delta: DELTA },
    });
    const records = splitMnist({ ...DEFAULT_MNIST_SPLIT, agencies: 4 }).parts.map((p) => p.length);
    // agency-4's record budget fits one round (its claim rounded up included) and not two.
    const q4 = RECORD_DP.expectedLotSize / records[3];
    const after = (rounds: number) => new RdpAccountant().compose({ samplingRate: q4, noiseMultiplier: 1.25, count: rounds * RECORD_DP.localSteps }).epsilon(DELTA).epsilon;
    const tight = (after(1) + after(2)) / 2;
    expect(Math.ceil(after(1) * 100) / 100).toBeLessThan(tight);
    h = await harness('record-dp', config, 4, (i, policy) => ({
      ...policy, recordPrivacy: { epsilon: i === 3 ? tight : 8, delta: DELTA, minNoiseMultiplier: 1 },
    }));
    const coordinator = await h.start();
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(4);
    const first = await coordinator.run(config, h.model);
    expect(first.state.history.map((r) => r.status)).toEqual(['ok', 'ok']);

    let ledger = await h.ledger();
    const committed = entriesFor(ledger, 'commitment');
    expect(committed.map((e) => `${e.body.round} ${e.body.agency}`).sort()).toEqual(['1 agency-1', '1 agency-2', '1 agency-3', '1 agency-4', '2 agency-1', '2 agency-2', '2 agency-3']);
    for (const e of committed) expect(e.body.recordPrivacy).toMatchObject({ delta: '0.00001' });
    expect(entriesFor(ledger, 'refusal', 2).map((e) => [e.body.agency, e.body.code])).toEqual([['agency-4', 'POLICY_RECORD_BUDGET']]);
    // Nothing in the ledger tells an agency's record count or sampling rate.
    const text = JSON.stringify(ledger);
    expect(text).not.toMatch(/"samplingRate":0\./);
    // Each agency, protecting its records, withholds their count from its agency_joined entry.
    expect(entriesFor(ledger, 'agency_joined').map((e) => (e.body.dataset as { rows: number }).rows)).toEqual([0, 0, 0, 0]);

    // Each agency charged every DP-SGD step at its own rate, lot over its own records.
    for (const [i, agency] of h.federation.agencies.entries()) {
      const journal = await charges(agency.stateDir);
      for (const c of journal) expect(c.spend.agency).toEqual({ samplingRate: 1, noiseMultiplier: 1, count: 1 });
      const record = journal.map((c) => c.spend.record);
      expect(record).toHaveLength(i === 3 ? 1 : 2);
      for (const step of record) expect(step).toEqual({ samplingRate: RECORD_DP.expectedLotSize / records[i], noiseMultiplier: 1.25, count: 2 });
    }
    let report = await h.verify();
    expect(report.failure).toBeNull();
    const signed = report.runs[0].recordSpend!;
    expect(signed.map((s) => s.agency)).toEqual(['agency-1', 'agency-2', 'agency-3', 'agency-4']);
    expect(Number(signed[3].epsilon)).toBeCloseTo(Math.ceil(after(1) * 100) / 100, 9);
    for (const s of signed) expect(Number(s.epsilon)).toBeLessThanOrEqual(Number(s.budgetEpsilon));

    // agency-4's client is replaced by a fresh process: its journal still holds the charge.
    const old = h.children.get('agency-4')!;
    old.kill('SIGKILL');
    await exited(old, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    h.spawn('agency-4');
    await h.waitForSessions(4);
    const next = { ...config, runId: 'record-b', rounds: 1 };
    const second = await coordinator.run(next, h.model);
    expect(second.state.history.map((r) => r.status)).toEqual(['ok']);
    ledger = await h.ledger();
    expect(entriesFor(ledger, 'refusal').filter((e) => e.body.runId === 'record-b').map((e) => [e.body.agency, e.body.code])).toEqual([['agency-4', 'POLICY_RECORD_BUDGET']]);
    expect(await charges(h.federation.agencies[3].stateDir)).toHaveLength(1);
    report = await h.verify();
    expect(report.failure).toBeNull();
  }, 150_000);
});
