// Receipts: the coordinator's signed statement that entry `seq` of its ledger has hash
// `entryHash`. Each agency keeps the receipts for its own entries in its own directory; an
// auditor given them finds any ledger that later dropped or changed that entry, even one the
// coordinator re-chained and re-signed, because the coordinator cannot take back a receipt.
import { open, readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { sign, verify, toHex, fromHex, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { canonicalJson } from './canonical.js';
import { domainBytes, entryHash } from './chain.js';
import { ENTRY_TYPES, entrySubject, hex32, hexSignature, identifier, type EntryType, type LedgerEntry } from './entries.js';
import { AuditInputError, ReceiptError } from './errors.js';
import { describe } from './line.js';
import { checkSigner, type Signer } from './writer.js';

/** Prepended, with one 0x00 byte, to the canonical receipt (without `sig`) before signing. */
export const RECEIPT_SIGNING_DOMAIN = 'cohort-ledger-receipt-v1';
/** The file a ReceiptStore keeps in its directory. */
export const RECEIPTS_FILE = 'receipts.jsonl';

export const signedReceiptSchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  entryHash: hex32,
  type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]),
  runId: identifier.nullable(),
  round: z.number().int().min(1).nullable(),
  agency: identifier.nullable(),
  sig: hexSignature,
});
export type SignedReceipt = z.infer<typeof signedReceiptSchema>;
export type Receipt = Omit<SignedReceipt, 'sig'>;

/** What the agency sent for the receipted entry: named SHA-256 digests, never the data itself. */
export const sentSchema = z.record(z.string().regex(/^[a-z][A-Za-z0-9]{0,63}$/), hex32);
export type SentHashes = z.infer<typeof sentSchema>;

export const storedReceiptSchema = z.strictObject({ receipt: signedReceiptSchema, sent: sentSchema, recordedAt: z.string() });
export type StoredReceipt = z.infer<typeof storedReceiptSchema>;

export function receiptSigningBytes(receipt: Receipt): Uint8Array {
  const { seq, entryHash: hash, type, runId, round, agency } = receipt;
  return domainBytes(RECEIPT_SIGNING_DOMAIN, canonicalJson({ seq, entryHash: hash, type, runId, round, agency }));
}

/** The coordinator's receipt for an entry it has appended. */
export function issueReceipt(entry: LedgerEntry, signer: Signer): SignedReceipt {
  checkSigner(signer);
  const receipt: Receipt = { seq: entry.seq, entryHash: entryHash(entry), type: entry.type, ...entrySubject(entry.body) };
  return Object.freeze({ ...receipt, sig: toHex(sign(receiptSigningBytes(receipt), signer.secretKey)) });
}

/** True when `receipt` is well-formed and signed by `coordinatorKey`; false otherwise, never a throw. */
export function verifyReceipt(receipt: unknown, coordinatorKey: Uint8Array): boolean {
  if (!(coordinatorKey instanceof Uint8Array) || coordinatorKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('coordinatorKey must be a 32-byte Uint8Array');
  const parsed = signedReceiptSchema.safeParse(receipt);
  return parsed.success && verify(receiptSigningBytes(parsed.data), fromHex(parsed.data.sig), coordinatorKey);
}

/** Why `entry` (whose line hashes to `hash`) is not the entry `receipt` vouches for, or null if it is. */
export function receiptMismatch(receipt: Receipt, entry: LedgerEntry, hash: string): string | null {
  if (entry.seq !== receipt.seq) return `receipt is for seq ${receipt.seq}, entry has seq ${entry.seq}`;
  if (hash !== receipt.entryHash) return `entry hash ${hash} differs from the receipt's ${receipt.entryHash}`;
  const subject = entrySubject(entry.body);
  if (entry.type !== receipt.type || subject.runId !== receipt.runId || subject.round !== receipt.round || subject.agency !== receipt.agency) {
    return 'entry type, run, round or agency differs from the receipt';
  }
  return null;
}

export interface ReceiptStoreOptions {
  /** The coordinator key the agency pinned at enrolment. */
  readonly coordinatorKey: Uint8Array;
  /** The agency this store belongs to: receipts about anyone else are refused. */
  readonly agency: string;
  readonly now?: () => Date;
}

/** An agency's own log of receipts, one JSON line each, in `<dir>/receipts.jsonl`. */
export class ReceiptStore {
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly options: ReceiptStoreOptions,
  ) {}

  static async open(dir: string, options: ReceiptStoreOptions): Promise<ReceiptStore> {
    if (typeof dir !== 'string' || dir.length === 0) throw new TypeError('dir must be a non-empty string');
    if (!(options?.coordinatorKey instanceof Uint8Array) || options.coordinatorKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('options.coordinatorKey must be a 32-byte Uint8Array');
    if (!identifier.safeParse(options.agency).success) throw new RangeError('options.agency must be an agency id');
    await mkdir(dir, { recursive: true });
    return new ReceiptStore(join(dir, RECEIPTS_FILE), options);
  }

  /**
   * Checks the receipt against the pinned coordinator key and this agency, then appends it
   * with what was sent, fsynced. Throws ReceiptError (RECEIPT_INVALID) and stores nothing if
   * the receipt is not the coordinator's or not about this agency.
   */
  record(receipt: SignedReceipt, sent: SentHashes): Promise<StoredReceipt> {
    if (!verifyReceipt(receipt, this.options.coordinatorKey)) return Promise.reject(new ReceiptError('RECEIPT_INVALID', 'receipt is not signed by the pinned coordinator key'));
    if (receipt.agency !== this.options.agency) return Promise.reject(new ReceiptError('RECEIPT_INVALID', `receipt is about agency ${String(receipt.agency)}, not ${this.options.agency}`));
    const sentCheck = sentSchema.safeParse(sent);
    if (!sentCheck.success) return Promise.reject(new RangeError(describe('sent', sentCheck.error.issues) + ' (only SHA-256 digests are kept)'));
    const stored: StoredReceipt = { receipt, sent, recordedAt: (this.options.now ?? (() => new Date()))().toISOString() };
    const result = this.#queue.then(() => appendLine(this.path, canonicalJson(stored) + '\n')).then(() => stored);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

async function appendLine(path: string, line: string): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.writeFile(line, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
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
