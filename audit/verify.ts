// The auditor's verifier: a pure function over the ledger's bytes, the coordinator's public
// key and any receipts agencies hold. It checks every line in order and stops at the first
// bad one, naming its 1-based line number and why (docs/LEDGER.md, "What the verifier checks").
import { verify as ed25519Verify, fromHex, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { sha256Hex } from '../bytes/digest.js';
import { ENTRY_SIGNING_DOMAIN, GENESIS_PREV } from '../ledger/chain.js';
import type { LedgerEntry } from '../ledger/entries.js';
import { AuditInputError } from '../ledger/errors.js';
import { parseLine, type LineProblem } from '../ledger/line.js';
import { receiptMismatch, receiptSigningBytes, signedReceiptSchema, type SignedReceipt } from '../ledger/receipt.js';
import { applyEntry, newServiceState, summarize, type Problem, type RunReport, type RunState } from './run-rules.js';

export type { RunReport } from './run-rules.js';

export type VerifyCode =
  | LineProblem['code']
  | 'FRAMING'
  | 'SEQ'
  | 'CHAIN'
  | 'SIGNATURE'
  | 'CLIENT_SIGNATURE'
  | 'OFFER_MISMATCH'
  | 'CONSISTENCY_SIGNATURE'
  | 'OPERATOR_SIGNATURE'
  | 'ORDER'
  | 'COHORT'
  | 'PARAMS_CHANGED'
  | 'BELOW_MINIMUM'
  | 'INCONSISTENT'
  | 'BUDGET_EXCEEDED'
  | 'RECORD_BUDGET_EXCEEDED'
  | 'RECORD_SPEND'
  | 'RECEIPT'
  | 'TRUNCATED';

export interface VerifyFailure {
  /** 1-based line number of the first bad line; one past the last line when entries are missing at the end. */
  readonly line: number;
  readonly code: VerifyCode;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Entries that passed every check (all of them when ok). */
  readonly entries: number;
  readonly head: { readonly seq: number; readonly hash: string } | null;
  readonly receiptsChecked: number;
  /** Per run, as far as the ledger verified. */
  readonly runs: readonly RunReport[];
  readonly failure: VerifyFailure | null;
}

export interface VerifyOptions {
  /** The coordinator's Ed25519 public key, as pinned by the agencies. */
  readonly coordinatorKey: Uint8Array;
  /** Receipts held by agencies; each must match the ledger's entry at its seq. */
  readonly receipts?: readonly SignedReceipt[];
  /** Fail when a run has no run_finished: catches a ledger cut at a line boundary inside a run. */
  readonly requireFinished?: boolean;
}

export interface VerifyComponents {
  /** Ed25519 verification; identity/keys.ts (tweetnacl) unless replaced. */
  readonly verifySignature: (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean;
}

const NEWLINE = 0x0a;

/** Verifies a whole ledger held in memory. */
export function verifyLedger(ledger: string | Uint8Array, options: VerifyOptions, components: Partial<VerifyComponents> = {}): VerifyReport {
  const bytes = typeof ledger === 'string' ? Buffer.from(ledger, 'utf8') : ledger;
  if (!(bytes instanceof Uint8Array)) throw new TypeError('ledger must be a string or a Uint8Array');
  return new LedgerVerifier(options, components).write(bytes).end();
}

/**
 * The verifier as a stream: write() the ledger's bytes in chunks of any size, then end().
 * After the first failure further input is ignored. fork() copies the state reached so far,
 * so that alternatives for what follows can be checked without re-reading the prefix.
 */
export class LedgerVerifier {
  readonly #options: VerifyOptions;
  readonly #coordinatorKey: Uint8Array;
  readonly #verifySignature: VerifyComponents['verifySignature'];
  readonly #receipts: readonly SignedReceipt[];
  readonly #requireFinished: boolean;
  #runs = new Map<string, RunState>();
  #service = newServiceState();
  #line = 0;
  #prev = GENESIS_PREV;
  #head: { seq: number; hash: string } | null = null;
  #pending: Uint8Array = new Uint8Array(0);
  #failure: VerifyFailure | null = null;

  constructor(options: VerifyOptions, components: Partial<VerifyComponents> = {}) {
    if (!(options?.coordinatorKey instanceof Uint8Array) || options.coordinatorKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('options.coordinatorKey must be a 32-byte Uint8Array');
    this.#options = options;
    this.#coordinatorKey = options.coordinatorKey;
    this.#verifySignature = components.verifySignature ?? ed25519Verify;
    if (typeof this.#verifySignature !== 'function') throw new TypeError('components.verifySignature must be a function');
    this.#receipts = checkReceipts(options.receipts ?? [], this.#coordinatorKey, this.#verifySignature);
    this.#requireFinished = options.requireFinished === true;
  }

  write(chunk: Uint8Array): this {
    if (!(chunk instanceof Uint8Array)) throw new TypeError('chunk must be a Uint8Array');
    if (this.#failure !== null) return this;
    const bytes = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    let pos = 0;
    for (let end = bytes.indexOf(NEWLINE, pos); end !== -1 && this.#failure === null; end = bytes.indexOf(NEWLINE, pos)) {
      this.#line += 1;
      this.#failure = this.#checkLine(bytes.subarray(pos, end));
      pos = end + 1;
    }
    this.#pending = this.#failure === null ? bytes.slice(pos) : new Uint8Array(0);
    return this;
  }

  end(): VerifyReport {
    if (this.#failure === null) this.#failure = this.#checkEnd();
    return {
      ok: this.#failure === null,
      entries: this.#head === null ? 0 : this.#head.seq + 1,
      head: this.#head,
      receiptsChecked: this.#receipts.length,
      runs: [...this.#runs.entries()].map(([runId, run]) => summarize(runId, run)),
      failure: this.#failure,
    };
  }

  fork(): LedgerVerifier {
    const copy = new LedgerVerifier(this.#options, { verifySignature: this.#verifySignature });
    copy.#runs = structuredClone(this.#runs);
    copy.#service = structuredClone(this.#service);
    copy.#line = this.#line;
    copy.#prev = this.#prev;
    copy.#head = this.#head;
    copy.#pending = this.#pending;
    copy.#failure = this.#failure;
    return copy;
  }

  #checkLine(lineBytes: Uint8Array): VerifyFailure | null {
    const fail = (problem: Problem): VerifyFailure => ({ line: this.#line, ...problem });
    if (lineBytes.length === 0) return fail({ code: 'FRAMING', message: 'empty line' });
    const parsed = parseLine(lineBytes);
    if ('problem' in parsed) return fail(parsed.problem);
    const entry = parsed.entry;
    const expectedSeq = this.#head === null ? 0 : this.#head.seq + 1;
    if (entry.seq !== expectedSeq) return fail({ code: 'SEQ', message: `seq ${entry.seq} where ${expectedSeq} was expected: an entry is missing, repeated or moved` });
    if (entry.prev !== this.#prev) return fail({ code: 'CHAIN', message: `prev ${entry.prev} is not the hash of the previous line (${this.#prev})` });
    if (!this.#verifySignature(signingBytesOfLine(lineBytes, entry), Buffer.from(entry.sig, 'hex'), this.#coordinatorKey)) {
      return fail({ code: 'SIGNATURE', message: `seq ${entry.seq}: the coordinator's signature does not verify: the entry was altered or signed by another key` });
    }
    const problem = applyEntry(this.#runs, entry, this.#line, this.#verifySignature, this.#service);
    if (problem !== null) return fail({ code: problem.code, message: `seq ${entry.seq} (${entry.type}): ${problem.message}` });
    const hash = sha256Hex(lineBytes);
    for (const receipt of this.#receipts) {
      if (receipt.seq !== entry.seq) continue;
      const why = receiptMismatch(receipt, entry, hash);
      if (why !== null) return fail({ code: 'RECEIPT', message: `a receipt held by ${receipt.agency ?? 'a participant'} does not match this line: ${why}` });
    }
    this.#prev = hash;
    this.#head = { seq: entry.seq, hash };
    return null;
  }

  #checkEnd(): VerifyFailure | null {
    const line = this.#line + 1;
    if (this.#pending.length > 0) return { line, code: 'FRAMING', message: 'the last line has no newline: the ledger was cut mid-entry (torn tail)' };
    const entries = this.#head === null ? 0 : this.#head.seq + 1;
    const beyond = this.#receipts.find((r) => r.seq >= entries);
    if (beyond !== undefined) {
      return { line, code: 'TRUNCATED', message: `the ledger ends after ${entries} entries, but ${beyond.agency ?? 'a participant'} holds a receipt for seq ${beyond.seq}` };
    }
    if (this.#requireFinished) {
      const unfinished = [...this.#runs.entries()].find(([, run]) => run.finishReason === null);
      if (unfinished !== undefined) return { line, code: 'TRUNCATED', message: `the ledger ends before run ${unfinished[0]} finished` };
    }
    return null;
  }
}

/**
 * entrySigningBytes(entry), taken from the line itself: the line is known to be canonical, so
 * its keys are sorted and the entry without `sig` is the line without its `,"sig":"..."` member
 * (which occurs once: a '"' inside a JSON string is always escaped).
 */
function signingBytesOfLine(lineBytes: Uint8Array, entry: LedgerEntry): Uint8Array {
  const member = Buffer.from(`,"sig":"${entry.sig}"`, 'utf8');
  const at = Buffer.from(lineBytes.buffer, lineBytes.byteOffset, lineBytes.byteLength).indexOf(member);
  return Buffer.concat([SIGNING_PREFIX, lineBytes.subarray(0, at), lineBytes.subarray(at + member.length)]);
}
const SIGNING_PREFIX = Buffer.from(`${ENTRY_SIGNING_DOMAIN}\u0000`, 'utf8');

function checkReceipts(receipts: readonly SignedReceipt[], coordinatorKey: Uint8Array, verifySignature: VerifyComponents['verifySignature']): SignedReceipt[] {
  if (!Array.isArray(receipts)) throw new TypeError('options.receipts must be an array');
  return receipts.map((receipt, i) => {
    const parsed = signedReceiptSchema.safeParse(receipt);
    if (!parsed.success || !verifySignature(receiptSigningBytes(parsed.data), fromHex(parsed.data.sig), coordinatorKey)) {
      throw new AuditInputError('AUDIT_BAD_INPUT', `receipt ${i + 1} is not a receipt signed by the coordinator key: it proves nothing about this ledger`);
    }
    return parsed.data;
  });
}
