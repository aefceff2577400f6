// The file a receipt holder keeps: `<dir>/receipts.jsonl`, one canonical JSON line per stored
// receipt ({receipt, sent, recordedAt}), each fsynced before it counts. Agencies keep theirs
// (client/receipts.ts), the coordinator keeps the ML team's run receipts in the run folder, and
// auditors read them all with readReceipts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appendFileDurably } from '../storage/atomic.js';
import { canonicalJson } from '../bytes/canonical-json.js';
import { AuditInputError } from './errors.js';
import { describe } from './line.js';
import { storedReceiptSchema, type StoredReceipt } from './receipt.js';

export const RECEIPTS_FILE = 'receipts.jsonl';

/** Appends one stored receipt to `<dir>/receipts.jsonl`, fsynced. */
export async function appendReceipt(dir: string, stored: StoredReceipt): Promise<void> {
  await appendFileDurably(join(dir, RECEIPTS_FILE), canonicalJson(stored) + '\n');
}

/**
 * The receipts an agency stored in `dir` (or in the file `dir` names), for an auditor.
 * Signatures are not checked here; the verifier checks them. Throws AuditInputError
 * (AUDIT_BAD_INPUT) for a missing file or a malformed line.
 */
export async function readReceipts(dir: string): Promise<StoredReceipt[]> {
  if (typeof dir !== 'string' || dir.length === 0) throw new TypeError('dir must be a non-empty string');
  let text: string;
  try {
    text = await readFile(dir.endsWith('.jsonl') ? dir : join(dir, RECEIPTS_FILE), 'utf8');
  } catch (err) {
    throw new AuditInputError('AUDIT_BAD_INPUT', `cannot read receipts from ${dir}: ${(err as Error).message}`, { cause: err });
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new AuditInputError('AUDIT_BAD_INPUT', `${dir}: receipt line ${i + 1} is not JSON`);
      }
      const parsed = storedReceiptSchema.safeParse(value);
      if (!parsed.success) throw new AuditInputError('AUDIT_BAD_INPUT', `${dir}: receipt line ${i + 1}: ${describe('receipt', parsed.error.issues)}`);
      return parsed.data;
    });
}
