// Receipts: the coordinator's signed statement that entry `seq` of its ledger has hash
// `entryHash`. Each agency keeps the receipts for its own entries in its own directory; an
// auditor given them finds any ledger that later dropped or changed that entry, even one the
// coordinator re-chained and re-signed, because the coordinator cannot take back a receipt.
import { z } from 'zod';
import { sign, verify, toHex, fromHex, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { canonicalJson } from '../bytes/canonical-json.js';
import { domainBytes, entryHash } from './chain.js';
import { ENTRY_TYPES, entrySubject, hex32, hexSignature, identifier, type EntryType, type LedgerEntry } from './entries.js';
import { checkSigner, type Signer } from './writer.js';

/** Prepended, with one 0x00 byte, to the canonical receipt (without `sig`) before signing. */
export const RECEIPT_SIGNING_DOMAIN = 'cohort-ledger-receipt-v1';

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
