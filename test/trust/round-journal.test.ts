// The agency's round journal (client/round-journal.ts): each (run, round) answered once and
// remembered across restarts, stale round numbers refused, privacy charged once and never taken
// back, a torn last line cut, a damaged journal refused, a pre-journal budget file imported.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_FILE, RoundJournal } from '../../client/round-journal.js';
import { AgencyBudget } from '../../privacy/budget.js';

const OFFER = 'ab'.repeat(32);
const STEP = { samplingRate: 1, noiseMultiplier: 1.1, count: 1 };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the round journal', () => {
  it('answers a (run, round) once and refuses older round numbers, across a restart', async () => {
    const journal = await RoundJournal.open(dir);
    expect(journal.replayRefusal('run-a', 3)).toBeUndefined();
    await journal.recordAnswer({ runId: 'run-a', round: 3, offerSha256: OFFER, accept: true });
    await journal.recordAnswer({ runId: 'run-a', round: 5, offerSha256: OFFER, accept: false, code: 'POLICY_PURPOSE' });
    await journal.recordAnswer({ runId: 'run-b', round: 1, offerSha256: OFFER, accept: true });

    const reopened = await RoundJournal.open(dir);
    for (const j of [journal, reopened]) {
      expect(j.replayRefusal('run-a', 3)?.code).toBe('ROUND_REPLAYED');
      expect(j.replayRefusal('run-a', 5)?.code).toBe('ROUND_REPLAYED');
      expect(j.replayRefusal('run-a', 4)?.code).toBe('ROUND_STALE');
      expect(j.replayRefusal('run-a', 1)?.code).toBe('ROUND_STALE');
      expect(j.replayRefusal('run-a', 6)).toBeUndefined();
      expect(j.replayRefusal('run-b', 2)).toBeUndefined();
      expect(j.roundsJoined('run-a')).toBe(1);
    }
    await expect(reopened.recordAnswer({ runId: 'run-a', round: 5, offerSha256: OFFER, accept: true })).rejects.toThrow(/already declined/);
    expect(reopened.replayRefusal('run-a', 5)!.reason).toContain('answered once');
  });

  it('charges a round once, keeps the charge whatever follows, and feeds the budget after a restart', async () => {
    const journal = await RoundJournal.open(dir);
    await journal.recordCharge({ runId: 'run-a', round: 1, offerSha256: OFFER, spend: { agency: STEP } });
    await expect(journal.recordCharge({ runId: 'run-a', round: 1, offerSha256: OFFER, spend: { agency: STEP } })).rejects.toThrow(/already charged/);
    await journal.recordCharge({ runId: 'run-a', round: 2, offerSha256: OFFER, spend: { agency: STEP, 'record-level': { samplingRate: 0.01, noiseMultiplier: 1, count: 50 } } });
    const reopened = await RoundJournal.open(dir);
    expect(reopened.spend()).toHaveLength(2);
    expect(reopened.spend('record-level')).toEqual([{ runId: 'run-a', round: 2, step: { samplingRate: 0.01, noiseMultiplier: 1, count: 50 } }]);
    const budget = new AgencyBudget(100, reopened.spend());
    expect(budget.spent(1e-5)).toBeCloseTo(new AgencyBudget(100, [{ runId: 'x', round: 1, step: { ...STEP, count: 2 } }]).spent(1e-5), 9);
  });

  it('remembers the highest roster serial accepted under each governance key', async () => {
    const journal = await RoundJournal.open(dir);
    const key = 'cd'.repeat(32);
    await journal.recordAnswer({ runId: 'r', round: 1, offerSha256: OFFER, accept: true, roster: { governanceKey: key, serial: 4 } });
    await journal.recordAnswer({ runId: 'r', round: 2, offerSha256: OFFER, accept: true, roster: { governanceKey: key, serial: 3 } });
    expect((await RoundJournal.open(dir)).rosterSerial(key)).toBe(4);
    expect(journal.rosterSerial('ef'.repeat(32))).toBe(0);
  });

  it('cuts a torn last line (its answer never left) and refuses a damaged one', async () => {
    const journal = await RoundJournal.open(dir);
    await journal.recordAnswer({ runId: 'r', round: 1, offerSha256: OFFER, accept: true });
    await appendFile(join(dir, JOURNAL_FILE), '{"kind":"answer","runId":"r","rou');
    const reopened = await RoundJournal.open(dir);
    expect(reopened.replayRefusal('r', 2)).toBeUndefined();
    await reopened.recordAnswer({ runId: 'r', round: 2, offerSha256: OFFER, accept: true });
    expect((await readFile(join(dir, JOURNAL_FILE), 'utf8')).split('\n').filter(Boolean)).toHaveLength(2);
    await appendFile(join(dir, JOURNAL_FILE), '{"kind":"answer"}\n');
    await expect(RoundJournal.open(dir)).rejects.toMatchObject({ code: 'JOURNAL_INVALID' });
  });

  it('imports the spend a client kept before the journal (privacy-budget.json), once', async () => {
    await writeFile(join(dir, 'privacy-budget.json'), JSON.stringify({ version: 1, records: [{ runId: 'old', round: 1, step: STEP }, { runId: 'old', round: 2, step: STEP }] }));
    expect((await RoundJournal.open(dir)).spend()).toHaveLength(2);
    expect((await RoundJournal.open(dir)).spend()).toHaveLength(2);
  });
});
