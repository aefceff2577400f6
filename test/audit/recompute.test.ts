// What the verifier recomputes instead of trusting (issue #11): epsilon from the run's own
// aggregated rounds with the published accountant (docs/LEDGER.md, "Privacy spent"), the rounds
// a finished run opened, and the time of every entry. Each ledger here is written by the real
// writer, signed and chained, so only the rule under test can reject it.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { sign, toHex } from '../../identity/keys.js';
import { entryLine, entrySigningBytes, GENESIS_PREV } from '../../ledger/chain.js';
import { commitmentTranscript, type LedgerEntry, type RunCreated } from '../../ledger/entries.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { RdpAccountant } from '../../privacy/accountant.js';
import { DEFAULT_ORDERS } from '../../privacy/rdp.js';
import { AGENCIES, MAIN_RUN, clients, coordinator, fixedClock, hashOf, offerOf } from './fixture.js';

const runId = MAIN_RUN.runId;
const cohort = AGENCIES.slice(0, 3);
const member = (agency: string) => ({ agency, identityKey: toHex(clients[agency].publicKey) });
const accountant = (q: number, z: number, n: number) => new RdpAccountant().compose({ samplingRate: q, noiseMultiplier: z, count: n }).epsilon(1e-5).epsilon;

/** A ledger of one run of `run`'s parameters, without SecAgg; `rounds` says how each round goes. */
async function ledger(run: Partial<RunCreated>, rounds: Array<{ round: number; epsilon?: number; abandonAfterAggregate?: boolean; skip?: boolean }>, finished?: number) {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-recompute-'));
  const path = join(dir, 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  const created: RunCreated = { ...MAIN_RUN, secagg: null, rounds: 9, ...run };
  await writer.append('run_created', created);
  for (const agency of cohort) {
    await writer.append('agency_joined', { runId, ...member(agency), dataset: { sha256: hashOf(agency), schema: 'x', rows: 10, license: 'test' } });
  }
  for (const { round, epsilon, abandonAfterAggregate, skip } of rounds) {
    if (skip) {
      await writer.append('note', { text: `run ${runId} round ${round} not opened: too few agencies accepted` });
      continue;
    }
    const offerSha256 = offerOf(runId, round);
    await writer.append('round_opened', { runId, round, cohort: cohort.map(member), minCohort: created.minCohort, offerSha256 });
    for (const agency of cohort) {
      const maskedInputSha256 = hashOf(`${agency} ${round}`);
      const clientSignature = toHex(sign(commitmentTranscript(runId, round, offerSha256, maskedInputSha256), clients[agency].secretKey));
      await writer.append('commitment', { runId, round, agency, offerSha256, maskedInputSha256, clientSignature });
    }
    await writer.append('aggregate', { runId, round, aggregateSha256: hashOf(`sum ${round}`), inputs: cohort.length });
    if (abandonAfterAggregate) {
      await writer.append('round_closed', { runId, round, status: 'abandoned', reason: 'the coordinator restarted during the round' });
      continue;
    }
    await writer.append('model_updated', { runId, round, modelSha256: hashOf(`model ${round}`) });
    if (created.dp) await writer.append('privacy_spent', { runId, round, epsilon: epsilon!, delta: created.dp.targetDelta, noiseMultiplier: created.dp.noiseMultiplier, samplingRate: created.dp.samplingRate });
    await writer.append('round_closed', { runId, round, status: 'ok' });
  }
  if (finished !== undefined) await writer.append('run_finished', { runId, rounds: finished, reason: 'done' });
  await writer.close();
  const bytes = await readFile(path);
  return { bytes, lines: bytes.toString('utf8').split('\n').slice(0, -1) };
}

const verify = (bytes: Buffer | string) => verifyLedger(bytes, { coordinatorKey: coordinator.publicKey });
const dp = (z: number, q = 1, targetEpsilon: number | null = null): Partial<RunCreated> =>
  ({ dp: { mode: 'central', clipNorm: 1, noiseMultiplier: z, samplingRate: q, targetEpsilon, targetDelta: 1e-5 } });

describe('privacy_spent is recomputed from the run\'s aggregated rounds', () => {
  it('B4: five rounds at z = 1 recorded as 10.73 (a step lost in a crash) are rejected: the accountant gives 12.30', async () => {
    const spent = [1, 2, 3, 4, 4].map((n) => accountant(1, 1, n)); // the fifth round recorded with four steps
    expect(spent[4]).toBeCloseTo(10.7255, 4);
    const { bytes, lines } = await ledger(dp(1), spent.map((epsilon, i) => ({ round: i + 1, epsilon })));
    const report = verify(bytes);
    expect(report.failure).toMatchObject({ code: 'INCONSISTENT', line: lines.findIndex((l) => l.includes('"privacy_spent"') && l.includes('"round":5')) + 1 });
    expect(report.failure!.message).toContain('is not what the accountant gives for the run\'s 5 aggregated rounds: 12.30');
  });

  it('the right values verify, and the report gives the accountant\'s epsilon for every aggregated round', async () => {
    const { bytes } = await ledger(dp(1), [1, 2, 3].map((n) => ({ round: n, epsilon: accountant(1, 1, n) })), 3);
    const report = verify(bytes);
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ epsilon: accountant(1, 1, 3), delta: 1e-5 });
  });

  it('a round that aggregated and then was abandoned spent its step: the next privacy_spent counts it, and so does the report', async () => {
    const rounds = [{ round: 1, epsilon: accountant(1, 1, 1) }, { round: 2, abandonAfterAggregate: true }, { round: 3, epsilon: accountant(1, 1, 3) }];
    expect(verify((await ledger(dp(1), rounds)).bytes).failure).toBeNull();
    const trailing = await ledger(dp(1), [...rounds, { round: 4, abandonAfterAggregate: true }], 4);
    expect(verify(trailing.bytes).runs[0].epsilon).toBe(accountant(1, 1, 4));
    // Counting only the rounds that closed ok understates it.
    const understated = [rounds[0], rounds[1], { round: 3, epsilon: accountant(1, 1, 2) }];
    expect(verify((await ledger(dp(1), understated)).bytes).failure).toMatchObject({ code: 'INCONSISTENT' });
  });

  it('with sampling rate q < 1 the recomputation is the sampled Gaussian\'s, not the plain one\'s', async () => {
    const sampled = [1, 2].map((n) => ({ round: n, epsilon: accountant(0.5, 2, n) }));
    expect(verify((await ledger(dp(2, 0.5), sampled)).bytes).failure).toBeNull();
    const plain = [1, 2].map((n) => ({ round: n, epsilon: accountant(1, 2, n) }));
    expect(verify((await ledger(dp(2, 0.5), plain)).bytes).failure).toMatchObject({ code: 'INCONSISTENT' });
  });

  it('an aggregate that takes the run past its budget is rejected where it stands, whatever privacy_spent says after it', async () => {
    const budget = (accountant(1, 1, 2) + accountant(1, 1, 3)) / 2;
    const { bytes, lines } = await ledger(dp(1, 1, budget), [1, 2, 3].map((n) => ({ round: n, epsilon: accountant(1, 1, n) })));
    expect(verify(bytes).failure).toMatchObject({ code: 'BUDGET_EXCEEDED', line: lines.findIndex((l) => l.includes('"aggregate"') && l.includes('"round":3')) + 1 });
  });

  it('a delta other than the run\'s target is a changed parameter', async () => {
    const { lines } = await ledger(dp(1), [{ round: 1, epsilon: accountant(1, 1, 1) }]);
    const at = lines.findIndex((l) => l.includes('"privacy_spent"'));
    const resigned = resign(lines, at, (entry) => ({ ...entry, body: { ...entry.body, delta: 1e-6 } }) as LedgerEntry);
    expect(verify(resigned).failure).toMatchObject({ code: 'PARAMS_CHANGED', line: at + 1 });
  });
});

describe('docs/LEDGER.md says how to recompute epsilon, and its figures are the accountant\'s', () => {
  it('the orders and the worked figures', async () => {
    const doc = await readFile(new URL('../../docs/LEDGER.md', import.meta.url), 'utf8');
    expect(doc).toContain('orders α: 1.1, 1.2, …, 10.9 (99 orders, step 0.1), then 12, 13, …, 63 (52 orders)');
    expect(DEFAULT_ORDERS).toEqual([...Array.from({ length: 99 }, (_, k) => Math.round(11 + k) / 10), ...Array.from({ length: 52 }, (_, k) => 12 + k)]);
    const [, five, four] = /Five rounds at z = 1, δ = 10\^-5\s+give ε = ([\d.]+) \(four give ([\d.]+)\)/.exec(doc)!;
    expect(accountant(1, 1, 5).toFixed(4)).toBe(five);
    expect(accountant(1, 1, 4).toFixed(4)).toBe(four);
  });
});

describe('run_finished counts the rounds opened (issue #11, A)', () => {
  it('round 1 skipped, rounds 2 and 3 opened: the count is 2, not the highest round number 3', async () => {
    const rounds = [{ round: 1, skip: true }, { round: 2 }, { round: 3 }];
    const good = await ledger({ dp: null }, rounds, 2);
    const report = verify(good.bytes);
    expect(report.failure).toBeNull();
    expect(report.runs[0]).toMatchObject({ rounds: 2, roundsOk: 2, roundsAbandoned: 0 });
    expect(verify((await ledger({ dp: null }, rounds, 3)).bytes).failure).toMatchObject({ code: 'INCONSISTENT', message: expect.stringContaining('run_finished says 3 rounds; 2 were opened') });
  });
});

describe('entry times are calendar-valid UTC times', () => {
  it.each(['2025-02-30T12:00:00.000Z', '2025-13-01T12:00:00.000Z', '2025-01-01T24:00:00.000Z', '2024-12-31T23:59:60.000Z'])('%s is a schema error, however well signed', async (time) => {
    const { lines } = await ledger({ dp: null }, []);
    const resigned = resign(lines, 1, (entry) => ({ ...entry, time }));
    expect(verify(resigned).failure).toMatchObject({ code: 'SCHEMA', line: 2, message: expect.stringContaining('calendar-valid') });
  });
});

/** The ledger with line `at` changed by `edit`, it and every later line re-signed and re-chained by the coordinator. */
function resign(lines: string[], at: number, edit: (entry: LedgerEntry) => LedgerEntry): string {
  let prev = at === 0 ? GENESIS_PREV : hashLine(lines[at - 1]);
  const out = lines.slice(0, at);
  for (let i = at; i < lines.length; i++) {
    const parsed = JSON.parse(lines[i]) as LedgerEntry;
    const { sig: _sig, ...unsigned } = i === at ? edit(parsed) : parsed;
    const entry = { ...unsigned, prev } as Omit<LedgerEntry, 'sig'>;
    const line = entryLine({ ...entry, sig: toHex(sign(entrySigningBytes(entry), coordinator.secretKey)) } as LedgerEntry);
    out.push(line);
    prev = hashLine(line);
  }
  return out.map((l) => `${l}\n`).join('');
}

function hashLine(line: string): string {
  return hashOf(line);
}
