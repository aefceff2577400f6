import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import { toHex, sign } from '../../identity/keys.js';
import { issueReceipt, verifyReceipt } from '../../ledger/receipt.js';
import { readReceipts } from '../../ledger/receipt-file.js';
import { ReceiptStore } from '../../client/receipts.js';
import { verifyLedger } from '../../audit/verify.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { commitmentTranscript, type LedgerEntry } from '../../ledger/entries.js';
import { buildFixture, coordinator, fastVerifier, hashOf, seeded, type Fixture } from '../audit/fixture.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
});

/**
 * A dishonest coordinator rewrites history from entry `from` on with its own (the real) key,
 * keeping the prefix and the times: the result is a fully valid chain.
 */
async function reSign(entries: LedgerEntry[], from = 0): Promise<Buffer> {
  const path = join(await mkdtemp(join(tmpdir(), 'cohort-forged-')), 'ledger.jsonl');
  await writeFile(path, f.lines.slice(0, from).map((l) => l + '\n').join(''));
  const times = entries.slice(from).map((e) => new Date(e.time));
  const writer = await LedgerWriter.open(path, coordinator, { now: () => times.shift()! });
  for (const entry of entries.slice(from)) await writer.append(entry.type, entry.body as never);
  await writer.close();
  return readFile(path);
}

describe('receipts', () => {
  test('each agency stored its receipts, with hashes of what it sent, and they verify under the pinned key', async () => {
    const stored = await readReceipts(f.receiptDirs[0]);
    expect(stored).toHaveLength(3);
    for (const { receipt, sent } of stored) {
      expect(verifyReceipt(receipt, coordinator.publicKey)).toBe(true);
      expect(verifyReceipt(receipt, seeded(99).publicKey)).toBe(false);
      expect(Object.values(sent).every((v) => /^[0-9a-f]{64}$/.test(v))).toBe(true);
      expect(receipt).toMatchObject({ type: 'commitment', agency: 'agency-nord', runId: 'mnist-noniid-2025' });
    }
  });

  test('a store refuses a receipt not signed by the pinned key, about another agency, or with raw data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cohort-store-'));
    const store = await ReceiptStore.open(dir, { coordinatorKey: coordinator.publicKey, agency: 'lab-est' });
    const entry = JSON.parse(f.lines.find((l) => l.includes('"agency":"lab-est"') && l.includes('"type":"commitment"'))!) as LedgerEntry;
    await expect(store.record(issueReceipt(entry, seeded(99)), {})).rejects.toMatchObject({ code: 'RECEIPT_INVALID' });
    const other = JSON.parse(f.lines.find((l) => l.includes('"agency":"agency-sud"') && l.includes('"type":"commitment"'))!) as LedgerEntry;
    await expect(store.record(issueReceipt(other, coordinator), {})).rejects.toMatchObject({ code: 'RECEIPT_INVALID' });
    await expect(store.record(issueReceipt(entry, coordinator), { maskedInput: 'AAAA raw bytes' })).rejects.toThrow(RangeError);
    await store.record(issueReceipt(entry, coordinator), { maskedInputSha256: hashOf('x') });
    expect(await readReceipts(dir)).toHaveLength(1);
  });

  test('a commitment dropped from a re-signed ledger is caught by the survivors\' signatures over the survivor set, and by its agency\'s receipt', async () => {
    const entries = f.lines.map((l) => JSON.parse(l) as LedgerEntry);
    const victim = entries.findIndex((e) => e.type === 'commitment' && e.body.agency === 'lab-est' && e.body.round === 3);
    // The coordinator claims lab-est dropped before sending, and makes the rest agree, so
    // that nothing but the receipt can tell.
    const forged = entries.map((e, i): LedgerEntry => {
      if (i === victim) return { ...e, type: 'dropout', body: { runId: 'mnist-noniid-2025', round: 3, agency: 'lab-est', stage: 'masked_input' } };
      if (e.type === 'unmasking' && e.body.round === 3) return { ...e, body: { ...e.body, survivors: e.body.survivors.filter((a) => a !== 'lab-est'), dropped: ['lab-est'], sharesFrom: e.body.sharesFrom.filter((a) => a !== 'lab-est') } };
      if (e.type === 'aggregate' && e.body.round === 3) return { ...e, body: { ...e.body, inputs: 3 } };
      return e;
    });
    const bytes = await reSign(forged, victim);
    const options = { coordinatorKey: coordinator.publicKey };
    // The agencies signed the survivor set with lab-est in it (the consistency round): the
    // coordinator cannot re-sign those, so the forged unmasking entry fails on its own.
    const unmaskingLine = entries.findIndex((e) => e.type === 'unmasking' && e.body.round === 3) + 1;
    expect(verifyLedger(bytes, { ...options, requireFinished: true }, { verifySignature: fastVerifier() }).failure)
      .toMatchObject({ line: unmaskingLine, code: 'CONSISTENCY_SIGNATURE' });

    const held = (await readReceipts(join(f.dir, 'lab-est'))).map((s) => s.receipt);
    const report = verifyLedger(bytes, { ...options, receipts: held }, { verifySignature: fastVerifier() });
    expect(report.failure).toMatchObject({ line: victim + 1, code: 'RECEIPT' });
    expect(report.failure?.message).toContain('lab-est');
  });

  test('a forged receipt is unusable input, not evidence', () => {
    const receipt = { ...f.receipts[0], seq: f.receipts[0].seq + 1 };
    expect(() => verifyLedger(f.bytes, { coordinatorKey: coordinator.publicKey, receipts: [receipt] }, { verifySignature: fastVerifier() })).toThrow(/receipt 1/);
  });
});

describe('semantic checks on a correctly signed ledger', () => {
  const entries = () => f.lines.map((l) => JSON.parse(l) as LedgerEntry);
  const check = async (edit: (e: LedgerEntry[]) => LedgerEntry[]) => verifyLedger(await reSign(edit(entries())), { coordinatorKey: coordinator.publicKey }, { verifySignature: fastVerifier() });
  const indexOf = (es: LedgerEntry[], type: string, round?: number) => es.findIndex((e) => e.type === type && (round === undefined || (e.body as { round?: number }).round === round));

  test('a cohort below its minimum', async () => {
    const report = await check((es) => es.map((e) => (e.type === 'round_opened' && e.body.round === 3 ? { ...e, body: { ...e.body, cohort: e.body.cohort.slice(0, 2) } } : e)));
    expect(report.failure).toMatchObject({ line: indexOf(entries(), 'round_opened', 3) + 1, code: 'BELOW_MINIMUM' });
  });

  test('parameters changed mid-run: minCohort, or a second run_created', async () => {
    const lowered = await check((es) => es.map((e) => (e.type === 'round_opened' && e.body.round === 2 ? { ...e, body: { ...e.body, minCohort: 2 } } : e)));
    expect(lowered.failure).toMatchObject({ line: indexOf(entries(), 'round_opened', 2) + 1, code: 'PARAMS_CHANGED' });
    const restated = await check((es) => [...es.slice(0, 10), es[0], ...es.slice(10)]);
    expect(restated.failure).toMatchObject({ line: 11, code: 'PARAMS_CHANGED' });
  });

  test('a commitment whose client signature is not the agency\'s', async () => {
    const i = indexOf(entries(), 'commitment', 2);
    const report = await check((es) => es.map((e, j) => {
      if (j !== i || e.type !== 'commitment') return e;
      const forgedHash = hashOf('something else');
      return { ...e, body: { ...e.body, maskedInputSha256: forgedHash, clientSignature: toHex(sign(commitmentTranscript(e.body.runId, e.body.round, e.body.offerSha256, forgedHash), seeded(99).secretKey)) } };
    }));
    expect(report.failure).toMatchObject({ line: i + 1, code: 'CLIENT_SIGNATURE' });
  });

  test('an aggregate whose input count is not the survivors\' commitments; rounds that do not increase', async () => {
    const i = indexOf(entries(), 'aggregate', 2);
    const inflated = await check((es) => es.map((e, j) => (j === i && e.type === 'aggregate' ? { ...e, body: { ...e.body, inputs: 5 } } : e)));
    expect(inflated.failure).toMatchObject({ line: i + 1, code: 'INCONSISTENT' });
    const k = indexOf(entries(), 'round_opened', 3);
    const skipped = await check((es) => es.map((e, j) => (j >= k && 'round' in e.body && e.body.round === 3 ? ({ ...e, body: { ...e.body, round: 4 } } as LedgerEntry) : e)));
    expect(skipped.failure).toMatchObject({ line: k + 1, code: 'ORDER' });
  });

});
