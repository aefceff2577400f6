// The agency's own log of the coordinator's receipts for its contributions (ledger/receipt.ts
// says what a receipt proves). A receipt is kept only if it is signed by the coordinator key the
// agency pinned and is about this agency; with it, the agency keeps the SHA-256 of what it sent.
import { mkdir } from 'node:fs/promises';
import { PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { identifier } from '../ledger/entries.js';
import { ReceiptError } from '../ledger/errors.js';
import { describe } from '../ledger/line.js';
import { sentSchema, verifyReceipt, type SentHashes, type SignedReceipt, type StoredReceipt } from '../ledger/receipt.js';
import { appendReceipt } from '../ledger/receipt-file.js';

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
    readonly dir: string,
    private readonly options: ReceiptStoreOptions,
  ) {}

  static async open(dir: string, options: ReceiptStoreOptions): Promise<ReceiptStore> {
    if (typeof dir !== 'string' || dir.length === 0) throw new TypeError('dir must be a non-empty string');
    if (!(options?.coordinatorKey instanceof Uint8Array) || options.coordinatorKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('options.coordinatorKey must be a 32-byte Uint8Array');
    if (!identifier.safeParse(options.agency).success) throw new RangeError('options.agency must be an agency id');
    await mkdir(dir, { recursive: true });
    return new ReceiptStore(dir, options);
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
    const result = this.#queue.then(() => appendReceipt(this.dir, stored)).then(() => stored);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}
