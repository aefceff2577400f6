// The verifier's record-level privacy rules (docs/LEDGER.md, section 6): in a run that declares
// recordDp, every commitment carries the agency's signed record-level spend, within the budget
// the agency declares and never going down; the coordinator can neither alter nor drop it. Each
// ledger here is written by the real writer, every commitment signed by its agency's own key.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { sign, toHex } from '../../identity/keys.js';
import { commitmentTranscript, recordSpend, type RecordSpend, type RunCreated } from '../../ledger/entries.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { clients, coordinator, fastVerifier, fixedClock, hashOf, offerOf } from './fixture.js';

const AGENCIES = ['agency-nord', 'agency-sud', 'lab-est'];
const RUN: RunCreated = {
  runId: 'record-run', purpose: 'digits, record-level DP', modelFingerprint: hashOf('w0'), strategy: { name: 'fedavg', params: {} },
  secagg: null, dp: null, recordDp: { clipNorm: 1, noiseMultiplier: 1.1, expectedLotSize: 64, localSteps: 1, delta: 1e-5 }, minCohort: 3, rounds: 2,
};
const BUDGET = { epsilon: 8, delta: 1e-5 };

/** What each agency signs, and what the coordinator then writes, per round; by default honest and within budget. */
interface Plan {
  run?: RunCreated;
  /** The spend `agency` signs in `round`; undefined: none (a v2 commitment). */
  signed?: (round: number, agency: string) => RecordSpend | undefined;
  /** What the coordinator writes in the entry; default what was signed. */
  written?: (round: number, agency: string, signed: RecordSpend | undefined) => RecordSpend | undefined;
}

const honest = (round: number, agency: string) => recordSpend(1.5 * round + AGENCIES.indexOf(agency) / 10, BUDGET);

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function ledgerFor(plan: Plan): Promise<Buffer> {
  dir = await mkdtemp(join(tmpdir(), 'cohort-record-ledger-'));
  const path = join(dir, 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  const run = plan.run ?? RUN;
  const { runId } = run;
  await writer.append('run_created', run);
  for (const agency of AGENCIES) {
    await writer.append('agency_joined', { runId, agency, identityKey: toHex(clients[agency].publicKey), dataset: { sha256: hashOf(agency), schema: 'image:28x28x1,label:int', rows: 1, license: 'CC-BY-4.0' } });
  }
  for (let round = 1; round <= run.rounds; round++) {
    const offerSha256 = offerOf(runId, round);
    await writer.append('round_opened', { runId, round, cohort: AGENCIES.map((agency) => ({ agency, identityKey: toHex(clients[agency].publicKey) })), minCohort: 3, offerSha256 });
    for (const agency of AGENCIES) {
      const maskedInputSha256 = hashOf(`update ${agency} ${round}`);
      const signed = (plan.signed ?? honest)(round, agency);
      const clientSignature = toHex(sign(commitmentTranscript(runId, round, offerSha256, maskedInputSha256, signed), clients[agency].secretKey));
      const written = plan.written ? plan.written(round, agency, signed) : signed;
      await writer.append('commitment', { runId, round, agency, offerSha256, maskedInputSha256, clientSignature, ...(written ? { recordPrivacy: written } : {}) });
    }
    await writer.append('aggregate', { runId, round, aggregateSha256: hashOf(`sum ${round}`), inputs: AGENCIES.length });
    await writer.append('model_updated', { runId, round, modelSha256: hashOf(`model ${round}`) });
    await writer.append('round_closed', { runId, round, status: 'ok' });
  }
  await writer.append('run_finished', { runId, rounds: run.rounds, reason: 'planned rounds done' });
  await writer.close();
  return readFile(path);
}

const verify = (bytes: Buffer) => verifyLedger(bytes, { coordinatorKey: coordinator.publicKey, requireFinished: true }, { verifySignature: fastVerifier() });
const lineOf = (bytes: Buffer, round: number, agency: string) =>
  bytes.toString('utf8').split('\n').findIndex((l) => l.includes('"type":"commitment"') && l.includes(`"round":${round},`) && l.includes(`"agency":"${agency}"`)) + 1;

describe('record-level spend in the ledger', () => {
  it('an honest record-DP run verifies, and the report gives each agency its last signed spend', async () => {
    const report = verify(await ledgerFor({}));
    expect(report.failure).toBeNull();
    expect(report.runs[0].recordSpend).toEqual(AGENCIES.map((agency) => ({ agency, ...honest(2, agency) })));
    // The spend is signed as the ledger writes it: rounded up, plain decimals.
    expect(honest(2, 'lab-est')).toEqual({ epsilon: '3.20', budgetEpsilon: '8', delta: '0.00001' });
  });

  it('an agency whose signed spend exceeds the budget it declares is caught (RECORD_BUDGET_EXCEEDED)', async () => {
    const over = (round: number, agency: string) => (round === 2 && agency === 'agency-sud' ? recordSpend(8.004, BUDGET) : honest(round, agency));
    const bytes = await ledgerFor({ signed: over });
    expect(over(2, 'agency-sud').epsilon).toBe('8.01');
    expect(verify(bytes).failure).toMatchObject({ code: 'RECORD_BUDGET_EXCEEDED', line: lineOf(bytes, 2, 'agency-sud') });
  });

  it('a spend that goes down (a forgotten charge) is caught (RECORD_SPEND)', async () => {
    const bytes = await ledgerFor({ signed: (round, agency) => recordSpend(round === 2 && agency === 'lab-est' ? 0.5 : 1.5 * round, BUDGET) });
    expect(verify(bytes).failure).toMatchObject({ code: 'RECORD_SPEND', line: lineOf(bytes, 2, 'lab-est') });
  });

  it('the coordinator cannot lower, raise or drop an agency\'s signed spend (CLIENT_SIGNATURE)', async () => {
    const tamper = (change: (s: RecordSpend) => RecordSpend | undefined) => ledgerFor({ written: (round, agency, s) => (round === 1 && agency === 'agency-nord' ? change(s!) : s) });
    for (const change of [
      (s: RecordSpend) => ({ ...s, epsilon: '0.10' }),
      (s: RecordSpend) => ({ ...s, budgetEpsilon: '80' }),
      (s: RecordSpend) => ({ ...s, delta: '0.001' }),
      () => undefined,
    ]) {
      const bytes = await tamper(change);
      const failure = verify(bytes).failure;
      // Dropped, the commitment no longer has the spend the run requires; the signature is checked first.
      expect(failure).toMatchObject({ code: 'CLIENT_SIGNATURE', line: lineOf(bytes, 1, 'agency-nord') });
    }
  });

  it('a record-DP run needs every commitment to carry a spend, and a run without none (RECORD_SPEND)', async () => {
    let bytes = await ledgerFor({ signed: (round, agency) => (agency === 'lab-est' ? undefined : honest(round, agency)) });
    expect(verify(bytes).failure).toMatchObject({ code: 'RECORD_SPEND', line: lineOf(bytes, 1, 'lab-est') });
    const { recordDp: _none, ...plain } = RUN;
    bytes = await ledgerFor({ run: plain });
    expect(verify(bytes).failure).toMatchObject({ code: 'RECORD_SPEND', line: lineOf(bytes, 1, 'agency-nord') });
    expect(verify(await ledgerFor({ run: plain, signed: () => undefined })).failure).toBeNull();
  });
});
