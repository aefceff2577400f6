// The agency's round journal: the one place its client makes per-round decisions durable, in
// `<state-dir>/round-journal.jsonl`, one canonical JSON line per decision, fsynced before the
// decision takes effect on the wire:
//
//   {"kind":"answer", runId, round, offerSha256, accept, code?, roster?: {governanceKey, serial}, at}
//       written before the answer to an offer leaves: each (run, round) is answered once, across
//       restarts, and a round number at or below the last one answered in its run is refused,
//       so a coordinator cannot replay a finished round or an older one to have it trained,
//       masked and unmasked again. The roster serial accepted is remembered: an older roster
//       (one from before a member was revoked) is refused.
//   {"kind":"charge", runId, round, offerSha256, spend: {<accountant>: {samplingRate, noiseMultiplier, count}}, at}
//       written before the masked input (or plain update) leaves: privacy is spent when the data
//       leaves, whatever the coordinator's receipt says later, and a charge is never taken back.
//       `spend` holds one step per accountant, named by its unit (privacy/budget.ts BudgetUnit):
//       "agency" (agency-level DP: one step per round) and "record" (record-level DP-SGD: every
//       step of the round's local training, at the agency's own sampling rate). The two never
//       compose into one accountant.
//
// A crash mid-append leaves a torn last line: its decision never reached the wire (the answer
// leaves only after the fsync), so it is cut on open. Any other bad line stops the client: the
// journal is the agency's own record and is not guessed at.
import { open as openFile, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../bytes/canonical-json.js';
import type { SpendRecord } from '../privacy/budget.js';
import { appendFileDurably, fileExists, readJsonOr } from '../storage/atomic.js';

export const JOURNAL_FILE = 'round-journal.jsonl';
/** The agency-level accountant's name in a charge. */
export const AGENCY_ACCOUNTANT = 'agency';
/** The record-level (DP-SGD) accountant's name in a charge. */
export const RECORD_ACCOUNTANT = 'record';
/** Where clients before the journal kept the agency's spend: imported once, so no spend is forgotten. */
const LEGACY_BUDGET_FILE = 'privacy-budget.json';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const step = z.strictObject({ samplingRate: z.number().min(0).max(1), noiseMultiplier: z.number().min(0), count: z.number().int().min(0) });
const answerSchema = z.strictObject({
  kind: z.literal('answer'),
  runId: z.string().min(1),
  round: z.number().int().min(0),
  offerSha256: hex32,
  accept: z.boolean(),
  code: z.string().optional(),
  roster: z.strictObject({ governanceKey: hex32, serial: z.number().int().min(1) }).optional(),
  at: z.string(),
});
const chargeSchema = z.strictObject({
  kind: z.literal('charge'),
  runId: z.string().min(1),
  round: z.number().int().min(0),
  offerSha256: hex32.optional(),
  spend: z.record(z.string(), step),
  at: z.string(),
});
const entrySchema = z.discriminatedUnion('kind', [answerSchema, chargeSchema]);
const legacySchema = z.object({ records: z.array(z.object({ runId: z.string().min(1), round: z.number().int().min(0), step })) });

export type JournalAnswer = Omit<z.infer<typeof answerSchema>, 'kind' | 'at'>;
export type JournalCharge = Omit<z.infer<typeof chargeSchema>, 'kind' | 'at'>;

export class JournalError extends Error {
  override readonly name = 'JournalError';
  readonly code = 'JOURNAL_INVALID';
}

export class RoundJournal {
  readonly #path: string;
  readonly #answers = new Map<string, JournalAnswer>();
  readonly #lastRound = new Map<string, number>();
  readonly #charges: JournalCharge[] = [];
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string) {
    this.#path = path;
  }

  /** Reads `<stateDir>/round-journal.jsonl` (none yet: an empty journal), cutting a torn last line. */
  static async open(stateDir: string): Promise<RoundJournal> {
    const journal = new RoundJournal(join(stateDir, JOURNAL_FILE));
    const text = await readFile(journal.#path, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '';
      throw err;
    });
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) await cutTornTail(journal.#path, Buffer.byteLength(text.slice(0, end)));
    text.slice(0, end).split('\n').filter(Boolean).forEach((line, i) => journal.#apply(parseLine(line, i + 1, journal.#path)));
    await journal.#importLegacySpend(join(stateDir, LEGACY_BUDGET_FILE));
    return journal;
  }

  /**
   * Why this client will not answer (run, round) at all: answered before (ROUND_REPLAYED), or
   * older than a round of that run it already answered (ROUND_STALE). Undefined when it may.
   */
  replayRefusal(runId: string, round: number): { code: 'ROUND_REPLAYED' | 'ROUND_STALE'; reason: string } | undefined {
    const answered = this.#answers.get(key(runId, round));
    if (answered) {
      return { code: 'ROUND_REPLAYED', reason: `round ${round} of run ${runId} was already ${answered.accept ? 'joined' : 'declined'} by this agency; a round is answered once` };
    }
    const last = this.#lastRound.get(runId) ?? 0;
    if (round <= last) return { code: 'ROUND_STALE', reason: `round ${round} of run ${runId} is not after round ${last}, the last this agency answered in that run` };
    return undefined;
  }

  /** Rounds of `runId` this agency accepted. */
  roundsJoined(runId: string): number {
    return [...this.#answers.values()].filter((a) => a.runId === runId && a.accept).length;
  }

  /** The highest roster serial this agency accepted under `governanceKey` (0: none yet). */
  rosterSerial(governanceKey: string): number {
    let serial = 0;
    for (const a of this.#answers.values()) if (a.roster?.governanceKey === governanceKey) serial = Math.max(serial, a.roster.serial);
    return serial;
  }

  /** Every round charged to `accountant`, for privacy/budget.ts. */
  spend(accountant: string = AGENCY_ACCOUNTANT): SpendRecord[] {
    return this.#charges.filter((c) => c.spend[accountant]).map((c) => ({ runId: c.runId, round: c.round, step: c.spend[accountant] }));
  }

  charged(runId: string, round: number): boolean {
    return this.#charges.some((c) => c.runId === runId && c.round === round);
  }

  /** Durably records the answer to an offer; call it before the answer leaves. */
  recordAnswer(answer: JournalAnswer): Promise<void> {
    const refusal = this.replayRefusal(answer.runId, answer.round);
    if (refusal) return Promise.reject(new RangeError(`journal: ${refusal.reason}`));
    return this.#append({ kind: 'answer', ...answer, at: new Date().toISOString() });
  }

  /**
   * Durably charges a round's privacy; call it before the update leaves. A round is charged once.
   * `admit` runs in the journal's queue just before the write, after every earlier charge is
   * applied: a budget check there cannot be raced by a concurrent charge; throwing refuses.
   */
  recordCharge(charge: JournalCharge, admit?: () => void): Promise<void> {
    if (this.charged(charge.runId, charge.round)) return Promise.reject(new RangeError(`journal: round ${charge.round} of run ${charge.runId} is already charged`));
    return this.#append({ kind: 'charge', ...charge, at: new Date().toISOString() }, admit);
  }

  #append(entry: z.infer<typeof entrySchema>, admit?: () => void): Promise<void> {
    const done = this.#queue.then(async () => {
      if (entry.kind === 'charge' && this.charged(entry.runId, entry.round)) throw new RangeError(`journal: round ${entry.round} of run ${entry.runId} is already charged`);
      admit?.();
      await appendFileDurably(this.#path, `${canonicalJson(entry)}\n`);
      this.#apply(entry);
    });
    this.#queue = done.catch(() => undefined);
    return done;
  }

  #apply(entry: z.infer<typeof entrySchema>): void {
    if (entry.kind === 'charge') {
      this.#charges.push(entry);
      return;
    }
    this.#answers.set(key(entry.runId, entry.round), entry);
    this.#lastRound.set(entry.runId, Math.max(this.#lastRound.get(entry.runId) ?? 0, entry.round));
  }

  /** Spend recorded by a client from before the journal: each round not yet in the journal is charged now. */
  async #importLegacySpend(path: string): Promise<void> {
    if (!(await fileExists(path))) return;
    const legacy = legacySchema.safeParse(await readJsonOr<unknown>(path, {}));
    if (!legacy.success) throw new JournalError(`${path} is not a privacy budget file this client can import: ${legacy.error.issues[0]?.message}`);
    for (const r of legacy.data.records) {
      if (!this.charged(r.runId, r.round)) await this.recordCharge({ runId: r.runId, round: r.round, spend: { [AGENCY_ACCOUNTANT]: r.step } });
    }
  }
}

function key(runId: string, round: number): string {
  return `${runId}\u0000${round}`;
}

function parseLine(line: string, number: number, path: string): z.infer<typeof entrySchema> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new JournalError(`${path} line ${number} is not JSON: the agency's round journal is damaged; restore it from a backup`);
  }
  const parsed = entrySchema.safeParse(value);
  if (!parsed.success) throw new JournalError(`${path} line ${number} is not a journal entry (${parsed.error.issues[0]?.message}): restore the journal from a backup`);
  return parsed.data;
}

async function cutTornTail(path: string, bytes: number): Promise<void> {
  await truncate(path, bytes);
  const handle = await openFile(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
