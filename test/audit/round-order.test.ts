// The order of a round's entries is one table (ledger/round-order.ts): the coordinator's round
// log writes by it and the verifier checks by it. These tests hold both to it, for every kind of
// round (with and without SecAgg, with and without DP).
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '../../audit/verify.js';
import { sign, toHex } from '../../identity/keys.js';
import { commitmentTranscript, type RunCreated } from '../../ledger/entries.js';
import { RoundLog } from '../../ledger/round-log.js';
import { ROUND_ENTRY_TYPES, nextStep, type RoundEntryType, type RoundKind } from '../../ledger/round-order.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { AGENCIES, MAIN_RUN, agreement, clients, coordinator, fixedClock, hashOf, offerOf } from './fixture.js';

const KINDS: RoundKind[] = (['train', 'evaluation', 'statistics'] as const).flatMap((purpose) => [
  { secure: false, private: false, purpose }, { secure: true, private: false, purpose },
  { secure: false, private: true, purpose }, { secure: true, private: true, purpose },
]);
const cohort = AGENCIES.slice(0, 3);

/** A ledger with one run of `kind`, its agencies joined and round 1 open; `then` writes the rest of the round. */
async function ledgerWith(kind: RoundKind, then: (log: RoundLog, writer: LedgerWriter) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-order-'));
  const path = join(dir, 'ledger.jsonl');
  const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
  const run: RunCreated = { ...MAIN_RUN, secagg: kind.secure ? MAIN_RUN.secagg : null, dp: kind.private ? MAIN_RUN.dp : null };
  await writer.append('run_created', run);
  for (const agency of AGENCIES) {
    await writer.append('agency_joined', { runId: run.runId, agency, identityKey: toHex(clients[agency].publicKey), dataset: { sha256: hashOf(agency), schema: 'x', rows: 10, license: 'test' } });
  }
  const log = await RoundLog.open(writer, kind, {
    runId: run.runId, round: 1, minCohort: 3, offerSha256: offerOf(run.runId, 1),
    cohort: AGENCIES.map((agency) => ({ agency, identityKey: toHex(clients[agency].publicKey) })),
    ...(kind.secure ? { secagg: { threshold: 3, degree: 4, offered: AGENCIES.length } } : {}),
    ...(kind.purpose && kind.purpose !== 'train' ? { kind: kind.purpose } : {}),
  });
  await then(log, writer);
  await writer.close();
  return readFile(path, 'utf8');
}

async function commit(log: RoundLog, agency: string): Promise<void> {
  const maskedInputSha256 = hashOf(`input ${agency}`);
  const offerSha256 = offerOf(log.runId, 1);
  await log.append('commitment', { agency, offerSha256, maskedInputSha256, clientSignature: toHex(sign(commitmentTranscript(log.runId, 1, offerSha256, maskedInputSha256), clients[agency].secretKey)) });
}

/** The round as the coordinator writes it: every entry its kind has, in order. */
async function wholeRound(log: RoundLog, kind: RoundKind): Promise<void> {
  for (const agency of cohort) await commit(log, agency);
  for (const agency of AGENCIES.slice(3)) await log.append('dropout', { agency, stage: 'masked_input' });
  if (kind.secure) await log.append('unmasking', { survivors: [...cohort], dropped: AGENCIES.slice(3), sharesFrom: [...cohort], ...agreement(log.runId, 1, AGENCIES.length, [...cohort], cohort) });
  await log.append('aggregate', { aggregateSha256: hashOf('sum'), inputs: cohort.length });
  if (kind.purpose === 'statistics') {
    await log.append('statistics', { schemaSha256: hashOf('schema'), totalsSha256: hashOf('totals'), rows: 30 });
  } else {
    // The metrics of the model the round offered: the run's initial model here.
    await log.append('metrics', { modelSha256: MAIN_RUN.modelFingerprint, agencies: cohort.length, training: { examples: 30, lossSum: 12.5 } });
  }
  if (kind.purpose === 'train') {
    await log.append('model_updated', { modelSha256: hashOf('model') });
    if (kind.private) await log.append('privacy_spent', { epsilon: 4.239640834979212, delta: 1e-5, noiseMultiplier: 1.1, samplingRate: 1 });
  }
  await log.append('round_closed', { status: 'ok' });
}

describe('the order of a round, one table for the writer and the verifier', () => {
  it.each(KINDS)('a whole round written by the round log verifies (secure %#)', async (kind) => {
    const ledger = await ledgerWith(kind, (log) => wholeRound(log, kind));
    expect(verifyLedger(ledger, { coordinatorKey: coordinator.publicKey }).failure).toBeNull();
  });

  it('every entry type at every step of every kind of round: allowed exactly where the canonical order puts it', () => {
    for (const kind of KINDS) {
      for (const step of ['inputs', ...canonicalOrder(kind)] as const) {
        for (const type of ROUND_ENTRY_TYPES) {
          const status = type === 'round_closed' ? 'ok' : undefined;
          const check = nextStep(kind, step as Parameters<typeof nextStep>[1], type as RoundEntryType, status);
          const canonical = canonicalFollowers(kind, step);
          expect(check.ok, `${JSON.stringify(kind)} ${step} -> ${type}`).toBe(canonical.includes(type));
        }
      }
    }
  });

  it('the round log refuses an entry out of order and writes nothing', async () => {
    const ledger = await ledgerWith({ secure: true, private: true }, async (log) => {
      await expect(log.append('aggregate', { aggregateSha256: hashOf('sum'), inputs: 3 })).rejects.toMatchObject({ code: 'LEDGER_ORDER' });
      await expect(log.append('round_closed', { status: 'ok' })).rejects.toMatchObject({ code: 'LEDGER_ORDER' });
      await log.append('round_closed', { status: 'abandoned', reason: 'test' });
    });
    const types = ledger.trim().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
    expect(types.slice(-2)).toEqual(['round_opened', 'round_closed']);
  });

  // Issue 11, gap B: in a run without SecAgg the verifier accepted a commitment or a dropout
  // recorded after the aggregate (the aggregate then counted 3 inputs while 4 agencies committed).
  it.each(['commitment', 'dropout'] as const)('without SecAgg, a %s after the aggregate is out of order', async (late) => {
    const ledger = await ledgerWith({ secure: false, private: false }, async (log, writer) => {
      for (const agency of cohort) await commit(log, agency);
      await log.append('aggregate', { aggregateSha256: hashOf('sum'), inputs: cohort.length });
      // Written past the round log, as a dishonest coordinator would.
      const agency = AGENCIES[3];
      if (late === 'dropout') await writer.append('dropout', { runId: log.runId, round: 1, agency, stage: 'masked_input' });
      else {
        const maskedInputSha256 = hashOf('late');
        const offerSha256 = offerOf(log.runId, 1);
        await writer.append('commitment', { runId: log.runId, round: 1, agency, offerSha256, maskedInputSha256, clientSignature: toHex(sign(commitmentTranscript(log.runId, 1, offerSha256, maskedInputSha256), clients[agency].secretKey)) });
      }
    });
    const report = verifyLedger(ledger, { coordinatorKey: coordinator.publicKey });
    expect(report.failure).toMatchObject({ code: 'ORDER' });
    expect(report.failure!.message).toContain(`${late} cannot follow aggregate`);
  });
});

/** What may follow `step` in a round of `kind`, read off the canonical order the coordinator writes (a training round's metrics are optional). */
function canonicalFollowers(kind: RoundKind, step: string): string[] {
  const order = canonicalOrder(kind);
  const last = order[order.length - 1];
  const next = step === 'inputs' ? [order[0], 'commitment', 'dropout'] : [order[order.indexOf(step) + 1]];
  const skipMetrics = kind.purpose === 'train' && step === 'aggregate' ? ['model_updated'] : [];
  return [...next.filter(Boolean), ...skipMetrics, ...(step === last ? ['round_closed'] : [])];
}

/** The entries after the inputs, in the order the coordinator writes them. */
function canonicalOrder(kind: RoundKind): string[] {
  const after = kind.purpose === 'statistics' ? ['statistics'] : kind.purpose === 'evaluation' ? ['metrics'] : ['metrics', 'model_updated', 'privacy_spent'];
  return ['unmasking', 'aggregate', ...after].filter((t) => (t !== 'unmasking' || kind.secure) && (t !== 'privacy_spent' || kind.private));
}
