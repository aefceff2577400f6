// How a client judges an offer's record-level DP terms (client/record-dp.ts): against its
// policy's recordPrivacy and its record budget over its round journal (real files), at the
// sampling rate it computes itself. The offer carries no sampling rate; one smuggled onto the
// wire (an unknown field) is dropped by the decoder and never reaches the accountant.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePolicy, explainPolicy, type Policy } from '../../client/policy.js';
import { judgeRecordDp } from '../../client/record-dp.js';
import { RoundJournal } from '../../client/round-journal.js';
import { AgencySpend } from '../../client/spend.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { wire, type cohort } from '../../proto/messages.js';

const DELTA = 1e-5;
const N = 1000;
const TERMS: cohort.v1.IRecordDpConfig = { clipNorm: 1, noiseMultiplier: 1.25, expectedLotSize: 100, localSteps: 5, delta: DELTA };

function policy(recordPrivacy?: Record<string, unknown>): Policy {
  return parsePolicy({
    coordinatorKey: toHex(generateIdentity().publicKey), minCohort: 3, purposes: ['p'], models: ['mnist-2nn'], maxRoundsPerRun: 10,
    dataset: { kind: 'mnist', license: 'MIT' }, ...(recordPrivacy ? { recordPrivacy } : {}),
  });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-record-dp-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spendFor = async (p: Policy) => new AgencySpend(await RoundJournal.open(dir), { record: p.recordPrivacy });
const epsilonOf = (rounds: number) => new RdpAccountant().compose({ samplingRate: 100 / N, noiseMultiplier: 1.25, count: 5 * rounds }).epsilon(DELTA).epsilon;

describe('judging record-level DP terms', () => {
  it('plans DP-SGD at the agency\'s own rate, lot over its own records, and the spend its commitment will sign', async () => {
    const p = policy({ epsilon: 8, delta: DELTA });
    const decision = judgeRecordDp(p, TERMS, N, await spendFor(p));
    expect(decision).toMatchObject({ ok: true, plan: { step: { samplingRate: 0.1, noiseMultiplier: 1.25, count: 5 }, training: { steps: 5, lotSize: 100, clipNorm: 1, noiseMultiplier: 1.25 } } });
    if (!decision.ok) throw new Error('unreachable');
    expect(Number(decision.plan!.spend.epsilon)).toBe(Math.ceil(epsilonOf(1) * 100) / 100);
    // A lot larger than the data is the whole data: rate 1, never more.
    const roomy = policy({ epsilon: 1000, delta: DELTA });
    const big = judgeRecordDp(roomy, { ...TERMS, expectedLotSize: 5000 }, N, await spendFor(roomy));
    expect(big.ok && big.plan!.step.samplingRate).toBe(1);
  });

  it('a sampling rate smuggled onto the wire is not what the client accounts with', async () => {
    const p = policy({ epsilon: 8, delta: DELTA });
    const honest = wire.RoundOffer.encode({ runId: 'r', round: 1, recordDp: TERMS }).finish();
    // Field 30 (recordDp) re-sent with an extra field 6, fixed32 float 0.001: "sampling_rate".
    const extra = Buffer.from([0x35, ...new Uint8Array(new Float32Array([0.001]).buffer)]);
    const inner = Buffer.concat([wire.RecordDpConfig.encode(TERMS).finish(), extra]);
    const smuggled = Buffer.concat([wire.RoundOffer.encode({ runId: 'r', round: 1 }).finish(), Buffer.from([0xf2, 0x01, inner.length]), inner]);
    const decoded = wire.RoundOffer.decode(smuggled);
    expect(Object.keys(decoded.recordDp!).sort()).toEqual(['clipNorm', 'delta', 'expectedLotSize', 'localSteps', 'noiseMultiplier']);
    const a = judgeRecordDp(p, decoded.recordDp, N, await spendFor(p));
    const b = judgeRecordDp(p, wire.RoundOffer.decode(honest).recordDp, N, await spendFor(p));
    expect(a.ok && a.plan!.step).toEqual({ samplingRate: 100 / N, noiseMultiplier: 1.25, count: 5 });
    expect(a).toEqual(b);
  });

  it('refuses, each with its code: no record DP under a record policy, exact totals, no budget, low noise, large clip, many steps, malformed terms', async () => {
    const p = policy({ epsilon: 8, delta: DELTA, minNoiseMultiplier: 1, maxClipNorm: 2, maxLocalSteps: 10 });
    const spend = await spendFor(p);
    const code = (d: ReturnType<typeof judgeRecordDp>) => (d.ok ? 'OK' : d.code);
    expect(code(judgeRecordDp(p, undefined, N, spend))).toBe('POLICY_RECORD_DP_REQUIRED');
    expect(code(judgeRecordDp(policy(), TERMS, N, spend))).toBe('POLICY_RECORD_BUDGET_MISSING');
    expect(code(judgeRecordDp(policy(), undefined, N, spend))).toBe('OK');
    expect(code(judgeRecordDp(p, { ...TERMS, noiseMultiplier: 0.75 }, N, spend))).toBe('POLICY_RECORD_NOISE');
    expect(code(judgeRecordDp(p, { ...TERMS, clipNorm: 4 }, N, spend))).toBe('POLICY_RECORD_CLIP');
    expect(code(judgeRecordDp(p, { ...TERMS, localSteps: 11 }, N, spend))).toBe('POLICY_RECORD_STEPS');
    // Exact totals over the records (metrics, statistics) are outside record-level DP.
    expect(code(judgeRecordDp(p, TERMS, N, spend, { trainingTotals: true }))).toBe('POLICY_RECORD_TOTALS');
    expect(code(judgeRecordDp(p, undefined, 0, spend, { validationCounts: 3, validationSums: 2 }))).toBe('POLICY_RECORD_TOTALS');
    expect(code(judgeRecordDp(p, TERMS, N, spend, {}))).toBe('OK');
    expect(code(judgeRecordDp(policy(), undefined, N, spend, { trainingTotals: true }))).toBe('OK');
    for (const bad of [{ clipNorm: 0 }, { noiseMultiplier: NaN }, { expectedLotSize: 0 }, { localSteps: 0 }, { localSteps: 1e6 }]) {
      expect(code(judgeRecordDp(p, { ...TERMS, ...bad }, N, spend))).toBe('POLICY_RECORD_DP_INVALID');
    }
  });

  it('refuses the round that would pass the budget, with the claim rounded up, also after the journal is reopened', async () => {
    const limit = (epsilonOf(2) + epsilonOf(3)) / 2;
    const p = policy({ epsilon: limit, delta: DELTA });
    let spend = await spendFor(p);
    for (let round = 1; round <= 2; round++) {
      const d = judgeRecordDp(p, TERMS, N, spend);
      if (!d.ok) throw new Error(d.reason);
      await spend.charge({ runId: 'run-a', round, offerSha256: 'ab'.repeat(32) }, { record: d.plan!.step });
    }
    expect(judgeRecordDp(p, TERMS, N, spend)).toMatchObject({ ok: false, code: 'POLICY_RECORD_BUDGET' });
    spend = await spendFor(p);
    expect(judgeRecordDp(p, TERMS, N, spend)).toMatchObject({ ok: false, code: 'POLICY_RECORD_BUDGET' });
    // In another run too: the budget is across all the agency's runs.
    expect(judgeRecordDp(p, { ...TERMS, localSteps: 1 }, N, spend).ok).toBe(epsilonOf(2) < limit && new RdpAccountant().compose({ samplingRate: 0.1, noiseMultiplier: 1.25, count: 11 }).epsilon(DELTA).epsilon <= limit);
    // A budget the exact spend fits but its rounded-up claim does not is refused: the ledger holds the claim.
    const exact = epsilonOf(1);
    const tight = policy({ epsilon: exact + 1e-9, delta: DELTA });
    const fresh = new AgencySpend(await RoundJournal.open(join(dir, 'other')), { record: tight.recordPrivacy });
    expect(Math.ceil(exact * 100) / 100).toBeGreaterThan(exact + 1e-9);
    expect(judgeRecordDp(tight, TERMS, N, fresh)).toMatchObject({ ok: false, code: 'POLICY_RECORD_BUDGET' });
  });

  it('--explain-policy says what record-level DP the agency requires', () => {
    const text = explainPolicy(policy({ epsilon: 3, delta: DELTA, minNoiseMultiplier: 1.1, maxClipNorm: 2 }));
    expect(text).toMatch(/Any round without record-level DP/);
    expect(text).toMatch(/noise multiplier below 1\.1, or clip norm above 2/);
    expect(text).toMatch(/record-level spend, across all runs, past epsilon 3, delta 0\.00001|past epsilon 3, delta 1e-5/);
    expect(explainPolicy(policy())).toMatch(/Any round asking for record-level DP/);
  });
});
