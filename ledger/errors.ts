// Named errors with stable codes; callers match on `code`, never on the message.

export type AuditErrorCode =
  | 'LEDGER_TORN_TAIL'
  | 'LEDGER_KEY_MISMATCH'
  | 'LEDGER_BAD_BODY'
  | 'LEDGER_CLOSED'
  | 'LEDGER_FAILED'
  | 'LEDGER_ORDER'
  | 'RECEIPT_INVALID'
  | 'AUDIT_BAD_INPUT';

export class AuditError extends Error {
  static override name = 'AuditError';
  readonly code: AuditErrorCode;
  constructor(code: AuditErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The ledger's last line was cut short by a crash. Nothing is appended until it is repaired. */
export class TornTailError extends AuditError {
  static override name = 'TornTailError';
  constructor(
    readonly path: string,
    /** Byte offset where the torn line starts: the length the file would have after repair. */
    readonly offset: number,
    /** How many bytes the torn line has. */
    readonly length: number,
    why: string,
  ) {
    super('LEDGER_TORN_TAIL', `${path}: torn tail at byte offset ${offset} (${length} bytes): ${why}; run repairTornTail to cut it and record a note`);
  }
}

/** The writer cannot go on: wrong key for this file, a bad body, closed, or an earlier write failed. */
export class LedgerWriterError extends AuditError {
  static override name = 'LedgerWriterError';
}

/** A receipt whose signature or subject is not what the holder expected. */
export class ReceiptError extends AuditError {
  static override name = 'ReceiptError';
}

/** Input the verifier cannot use at all (as opposed to a ledger that fails verification). */
export class AuditInputError extends AuditError {
  static override name = 'AuditInputError';
}
