import { mkdtemp, readFile, appendFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { LedgerWriter } from '../../ledger/writer.js';
import { TornTailError, LedgerWriterError } from '../../ledger/errors.js';
import { verifyLedger } from '../../audit/verify.js';
import { coordinator, fixedClock, seeded } from '../audit/fixture.js';

const tempLedger = async (): Promise<string> => join(await mkdtemp(join(tmpdir(), 'cohort-writer-')), 'ledger.jsonl');
const verifyFile = async (path: string) => verifyLedger(await readFile(path), { coordinatorKey: coordinator.publicKey });

describe('LedgerWriter', () => {
  test('concurrent appends get contiguous seqs, each on disk when it resolves', async () => {
    const path = await tempLedger();
    const writer = await LedgerWriter.open(path, coordinator);
    const entries = await Promise.all(Array.from({ length: 12 }, (_, i) => writer.append('note', { text: `note ${i}` })));
    expect(entries.map((e) => e.seq)).toEqual([...Array(12).keys()]);
    expect(writer.head).toMatchObject({ seq: 11 });
    await writer.close();
    expect((await verifyFile(path)).entries).toBe(12);
  });

  test('resumes an existing ledger: seq and prev continue, no gap or duplicate', async () => {
    const path = await tempLedger();
    const first = await LedgerWriter.open(path, coordinator);
    await first.append('note', { text: 'before restart' });
    await first.close();
    const second = await LedgerWriter.open(path, coordinator);
    expect((await second.append('note', { text: 'after restart' })).seq).toBe(1);
    await second.close();
    expect(await verifyFile(path)).toMatchObject({ ok: true, entries: 2 });
  });

  test('refuses to resume a ledger signed by another key, a bad body, and appends after close', async () => {
    const path = await tempLedger();
    const writer = await LedgerWriter.open(path, coordinator);
    await expect(writer.append('round_opened', { runId: 'r', round: 0, cohort: [], minCohort: 1, offerSha256: '0'.repeat(64) })).rejects.toMatchObject({ code: 'LEDGER_BAD_BODY' });
    await writer.append('note', { text: 'x' });
    await writer.close();
    await expect(writer.append('note', { text: 'y' })).rejects.toMatchObject({ code: 'LEDGER_CLOSED' });
    await expect(LedgerWriter.open(path, seeded(99))).rejects.toBeInstanceOf(LedgerWriterError);
    await expect(LedgerWriter.open(path, { publicKey: coordinator.publicKey, secretKey: seeded(99).secretKey })).rejects.toThrow(RangeError);
  });

  test('a torn tail is reported with its byte offset, and repair cuts it and records a note', async () => {
    const path = await tempLedger();
    const writer = await LedgerWriter.open(path, coordinator, { now: fixedClock() });
    await writer.append('note', { text: 'one' });
    await writer.append('note', { text: 'two' });
    await writer.close();
    const good = await readFile(path);
    await appendFile(path, '{"body":{"text":"thr');

    const err = await LedgerWriter.open(path, coordinator).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TornTailError);
    expect(err).toMatchObject({ code: 'LEDGER_TORN_TAIL', offset: good.length, length: 20 });
    expect((err as Error).message).toContain(`byte offset ${good.length}`);
    expect((await verifyFile(path)).failure).toMatchObject({ line: 3, code: 'FRAMING' });

    const repair = await LedgerWriter.repairTornTail(path, coordinator, { now: fixedClock() });
    expect(repair).toMatchObject({ offset: good.length, length: 20 });
    expect(repair.note.body.text).toContain(`cut 20 bytes at byte offset ${good.length}`);
    expect((await repair.writer.append('note', { text: 'after repair' })).seq).toBe(3);
    await repair.writer.close();
    const text = await readFile(path, 'utf8');
    expect(text.startsWith(good.toString('utf8'))).toBe(true);
    expect(await verifyFile(path)).toMatchObject({ ok: true, entries: 4 });
  });

  test('a last line with its newline that does not parse is a torn tail too; repair refuses a sound ledger', async () => {
    const path = await tempLedger();
    const writer = await LedgerWriter.open(path, coordinator);
    await writer.append('note', { text: 'one' });
    await writer.close();
    await expect(LedgerWriter.repairTornTail(path, coordinator)).rejects.toThrow(RangeError);
    const good = await readFile(path);
    await writeFile(path, Buffer.concat([good, Buffer.from('garbage\n')]));
    await expect(LedgerWriter.open(path, coordinator)).rejects.toMatchObject({ code: 'LEDGER_TORN_TAIL', offset: good.length, length: 8 });
  });

  test('follow passes every entry on disk, then each appended one before its append resolves, until stopped', async () => {
    const path = await tempLedger();
    const first = await LedgerWriter.open(path, coordinator);
    await first.append('note', { text: 'before' });
    await first.close();
    const writer = await LedgerWriter.open(path, coordinator);
    const seen: number[] = [];
    // Appends already queued are written before the file is read: each is seen once, in order.
    const pending = writer.append('note', { text: 'queued' });
    const stop = await writer.follow((entry) => seen.push(entry.seq));
    await pending;
    const third = writer.append('note', { text: 'third' });
    const entry = await third;
    expect(seen).toEqual([0, 1, 2]);
    expect(entry.seq).toBe(2);
    stop();
    await writer.append('note', { text: 'unseen' });
    expect(seen).toEqual([0, 1, 2]);
    await writer.close();
  });

  test('fault hooks: a throw before a write writes nothing, after it leaves the entry on disk; either way the writer stops like a crashed process', async () => {
    const crash = new Error('killed');
    for (const when of ['before', 'after'] as const) {
      const path = await tempLedger();
      const writer = await LedgerWriter.open(path, coordinator, { faults: { [when]: ({ seq }: { seq: number }) => { if (seq === 1) throw crash; } } });
      await writer.append('note', { text: 'zero' });
      await expect(writer.append('note', { text: 'one' })).rejects.toBe(crash);
      await expect(writer.append('note', { text: 'two' })).rejects.toMatchObject({ code: 'LEDGER_FAILED' });
      await writer.close();
      expect(await verifyFile(path)).toMatchObject({ ok: true, entries: when === 'before' ? 1 : 2 });
    }
  });

  test('argument checks name the argument', async () => {
    await expect(LedgerWriter.open('', coordinator)).rejects.toThrow(/path/);
    await expect(LedgerWriter.open(await tempLedger(), { publicKey: new Uint8Array(3), secretKey: coordinator.secretKey })).rejects.toThrow(/signer.publicKey/);
  });
});
