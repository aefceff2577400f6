// LedgerWriter's turn: appendInTurn decides its body once every entry appended before it is on
// disk (and passed to its followers), before any appended after it; a decision that throws writes
// nothing. The run service's checks (may this run stop now?) rely on it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { LedgerEntry } from '../../ledger/entries.js';
import { LedgerWriter } from '../../ledger/writer.js';
import { coordinator, fixedClock } from '../audit/fixture.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('decides in turn: after everything before it, before everything after it; a refusal writes nothing', async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-turn-'));
  const seen: LedgerEntry[] = [];
  const writer = await LedgerWriter.open(join(dir, 'ledger.jsonl'), coordinator, { now: fixedClock() });
  await writer.follow((e) => seen.push(e));
  const written = Array.from({ length: 20 }, (_, i) => writer.append('note', { text: `n${i}` }));
  const decided = writer.appendInTurn('note', () => ({ text: `after ${seen.length}` }));
  const refused = writer.appendInTurn('note', () => { throw new Error('not now'); });
  const picked = writer.inTurn(() => seen.length);
  const later = writer.append('note', { text: 'later' });
  await Promise.all([...written, decided, later]);
  await expect(refused).rejects.toThrow('not now');
  expect(await picked).toBe(21);
  expect((await decided).body.text).toBe('after 20');
  // A body decided in turn is checked against its schema as any other.
  await expect(writer.appendInTurn('note', () => ({ text: 'x'.repeat(5000) }))).rejects.toMatchObject({ code: 'LEDGER_BAD_BODY' });
  await writer.close();
  const lines = (await readFile(join(dir, 'ledger.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l).body.text);
  expect(lines).toEqual([...Array.from({ length: 20 }, (_, i) => `n${i}`), 'after 20', 'later']);
  expect(seen.map((e) => e.seq)).toEqual(lines.map((_, i) => i));
});
