// The coordinator's ledger writer: one canonical JSON line per entry, each flushed and fsynced
// before append() resolves, appends serialized so concurrent callers get contiguous seqs.
// A coordinator killed mid-write leaves a torn last line; open() refuses to write after it,
// and repairTornTail() cuts it and records the cut as a note, so nothing is lost silently.
import { open, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sign, verify, toHex, fromHex, equalBytes, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { fileExists, syncDirectory, writeFileAtomic } from '../storage/atomic.js';
import { sha256Hex } from '../bytes/digest.js';
import { GENESIS_PREV, entryHash, entryLine, entrySigningBytes } from './chain.js';
import { bodySchemas, type EntryBody, type EntryType, type LedgerEntry } from './entries.js';
import { LedgerWriterError, TornTailError } from './errors.js';
import { describe, parseLine } from './line.js';

export interface Signer {
  readonly publicKey: Uint8Array;
  /** 64-byte tweetnacl secret key (seed || public key). */
  readonly secretKey: Uint8Array;
}

export interface WriterOptions {
  /** The clock for entries' `time`; tests and the worked example pass a fixed one. */
  readonly now?: () => Date;
  /**
   * Fault injection for crash tests (test/chaos/): `before` is called before each entry is
   * written, `after` once it is on disk. A throw stops the writer as a crash at that point would:
   * the append fails and nothing more is ever written.
   */
  readonly faults?: {
    readonly before?: (entry: PendingEntry) => void;
    readonly after?: (entry: PendingEntry) => void;
  };
}

/** What a fault hook is told of the entry being written. */
export interface PendingEntry {
  readonly seq: number;
  readonly type: EntryType;
  readonly body: Readonly<Record<string, unknown>>;
}


export interface LedgerHead {
  readonly seq: number;
  readonly hash: string;
}

export interface TornTailRepair {
  readonly writer: LedgerWriter;
  /** Where the cut bytes began, how many there were, and their SHA-256. */
  readonly offset: number;
  readonly length: number;
  readonly sha256: string;
  readonly note: LedgerEntry<'note'>;
}

const NEWLINE = 0x0a;
const TAIL_CHUNK = 64 * 1024;

type Tail = { kind: 'empty' } | { kind: 'ok'; entry: LedgerEntry } | { kind: 'torn'; offset: number; length: number; why: string };

export class LedgerWriter {
  #queue: Promise<unknown> = Promise.resolve();
  #head: LedgerHead | null;
  #state: 'open' | 'closed' | 'failed' = 'open';
  readonly #listeners = new Set<(entry: LedgerEntry) => void>();

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    private readonly signer: Signer,
    private readonly now: () => Date,
    head: LedgerHead | null,
    private readonly faults: NonNullable<WriterOptions['faults']> = {},
  ) {
    this.#head = head;
  }

  /**
   * Opens the ledger at `path` for appending, creating it if absent. An existing ledger is
   * resumed from its last entry, which must be signed by `signer`. Throws TornTailError if
   * the last line lacks its newline or does not parse.
   */
  static async open(path: string, signer: Signer, options: WriterOptions = {}): Promise<LedgerWriter> {
    checkPath(path);
    checkSigner(signer);
    const now = options.now ?? (() => new Date());
    if (typeof now !== 'function') throw new TypeError('options.now must be a function');
    await mkdir(dirname(path), { recursive: true });
    const existed = await fileExists(path);
    const handle = await open(path, 'a+');
    try {
      if (!existed) await syncDirectory(dirname(path));
      const { size } = await handle.stat();
      const tail = inspectTail(await readTail(handle, size), size);
      if (tail.kind === 'torn') throw new TornTailError(path, tail.offset, tail.length, tail.why);
      const head = tail.kind === 'ok' ? headOf(path, tail.entry, signer) : null;
      return new LedgerWriter(path, handle, signer, now, head, options.faults ?? {});
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /**
   * Cuts a torn last line and appends a note saying what was cut (offset, length, SHA-256),
   * in one atomic file replacement, then opens the ledger. Throws RangeError if the tail is
   * not torn: there is nothing to repair.
   */
  static async repairTornTail(path: string, signer: Signer, options: WriterOptions = {}): Promise<TornTailRepair> {
    checkPath(path);
    checkSigner(signer);
    const now = options.now ?? (() => new Date());
    const bytes = await readFile(path);
    const torn = inspectTail(bytes, bytes.length);
    if (torn.kind !== 'torn') throw new RangeError(`path ${path} has no torn tail to repair`);
    const kept = bytes.subarray(0, torn.offset);
    const before = inspectTail(kept, kept.length);
    if (before.kind === 'torn') throw new TornTailError(path, before.offset, before.length, `after cutting ${torn.length} bytes, ${before.why}`);
    const head = before.kind === 'ok' ? headOf(path, before.entry, signer) : null;
    const cut = bytes.subarray(torn.offset);
    const sha256 = sha256Hex(cut);
    const note = makeEntry(head, signer, now(), 'note', {
      text: `repaired torn tail: cut ${torn.length} bytes at byte offset ${torn.offset} (sha256 ${sha256}): ${torn.why}`,
    });
    await writeFileAtomic(path, Buffer.concat([kept, Buffer.from(entryLine(note) + '\n', 'utf8')]));
    const writer = await LedgerWriter.open(path, signer, options);
    return { writer, offset: torn.offset, length: torn.length, sha256, note };
  }

  /** The last entry written, or null for an empty ledger. */
  get head(): LedgerHead | null {
    return this.#head;
  }

  /**
   * Appends one entry and resolves once it is on disk (written and fsynced). The body is
   * checked against its schema first; a rejected body throws LedgerWriterError
   * (LEDGER_BAD_BODY) and changes nothing.
   */
  append<T extends EntryType>(type: T, body: EntryBody<T>): Promise<LedgerEntry<T>> {
    if (typeof type !== 'string' || !Object.hasOwn(bodySchemas, type)) return Promise.reject(new RangeError(`type must be one of the ledger's entry types, got ${String(type)}`));
    const parsed = bodySchemas[type].safeParse(body);
    if (!parsed.success) return Promise.reject(new LedgerWriterError('LEDGER_BAD_BODY', describe(`${type} body`, parsed.error.issues)));
    return this.#enqueue(() => this.#write(type, body));
  }

  /**
   * Appends an entry whose body is decided at its turn: `decide` runs once every entry appended
   * before this call is on disk (and has been passed to the followers), and before any appended
   * after it. A caller can so check what the ledger holds and write in one step, with no other
   * entry slipping between the check and the write (the run service: may this run stop now?).
   * If `decide` throws, nothing is written and the promise rejects with its error.
   */
  appendInTurn<T extends EntryType>(type: T, decide: () => EntryBody<T>): Promise<LedgerEntry<T>> {
    return this.#enqueue(() => {
      const body = decide();
      const parsed = bodySchemas[type].safeParse(body);
      if (!parsed.success) throw new LedgerWriterError('LEDGER_BAD_BODY', describe(`${type} body`, parsed.error.issues));
      return this.#write(type, body);
    });
  }

  /** Runs `step` at its turn (as appendInTurn decides), writing nothing. */
  inTurn<R>(step: () => R): Promise<R> {
    return this.#enqueue(async () => step());
  }

  #enqueue<R>(work: () => Promise<R>): Promise<R> {
    const result = this.#queue.then(work);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Passes `listener` every entry on disk, in order, read while no append is in flight, then
   * every entry this writer appends, once it is on disk (before its append resolves); resolves
   * to the function that stops it. A run rebuilds its progress this way, from the ledger alone
   * (coordinator/run-progress.ts). The listener must not throw.
   */
  follow(listener: (entry: LedgerEntry) => void): Promise<() => void> {
    if (typeof listener !== 'function') return Promise.reject(new TypeError('listener must be a function'));
    const result = this.#queue.then(async () => {
      for (const entry of parseEntries(await readFile(this.path), this.path)) listener(entry);
      this.#listeners.add(listener);
      return () => { this.#listeners.delete(listener); };
    });
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Waits for pending appends, then closes the file. */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    await this.#queue;
    this.#state = 'closed';
    await this.handle.close();
  }

  async #write<T extends EntryType>(type: T, body: EntryBody<T>): Promise<LedgerEntry<T>> {
    if (this.#state === 'closed') throw new LedgerWriterError('LEDGER_CLOSED', `ledger ${this.path} is closed`);
    if (this.#state === 'failed') throw new LedgerWriterError('LEDGER_FAILED', `ledger ${this.path} stopped after a failed write; reopen it to check its tail`);
    const entry = makeEntry(this.#head, this.signer, this.now(), type, body);
    this.#fault('before', { seq: entry.seq, type, body });
    const line = Buffer.from(entryLine(entry as LedgerEntry) + '\n', 'utf8');
    try {
      let written = 0;
      while (written < line.length) {
        const { bytesWritten } = await this.handle.write(line, written, line.length - written);
        written += bytesWritten;
      }
      await this.handle.sync();
    } catch (err) {
      // Part of the line may be on disk: only a reopen (which finds the torn tail) is safe.
      this.#state = 'failed';
      throw new LedgerWriterError('LEDGER_FAILED', `writing seq ${entry.seq} to ${this.path} failed`, { cause: err });
    }
    this.#head = { seq: entry.seq, hash: entryHash(entry as LedgerEntry) };
    this.#fault('after', { seq: entry.seq, type, body });
    for (const listener of this.#listeners) listener(entry as LedgerEntry);
    return entry;
  }

  #fault(when: 'before' | 'after', entry: PendingEntry): void {
    try {
      this.faults[when]?.(entry);
    } catch (err) {
      this.#state = 'failed';
      throw err;
    }
  }
}

function makeEntry<T extends EntryType>(head: LedgerHead | null, signer: Signer, time: Date, type: T, body: EntryBody<T>): LedgerEntry<T> {
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) throw new RangeError('options.now must return a valid Date');
  const unsigned = { seq: head === null ? 0 : head.seq + 1, time: time.toISOString(), type, body, prev: head === null ? GENESIS_PREV : head.hash };
  const sig = toHex(sign(entrySigningBytes(unsigned as Omit<LedgerEntry, 'sig'>), signer.secretKey));
  return { ...unsigned, sig } as LedgerEntry<T>;
}

/** Every whole line of a ledger this writer opened (its tail was checked at open). */
function parseEntries(bytes: Uint8Array, path: string): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let start = 0;
  for (let end = bytes.indexOf(NEWLINE); end !== -1; end = bytes.indexOf(NEWLINE, start)) {
    const parsed = parseLine(bytes.subarray(start, end));
    if ('problem' in parsed) throw new LedgerWriterError('LEDGER_FAILED', `${path}: entry ${entries.length} does not parse: ${parsed.problem.message}`);
    entries.push(parsed.entry);
    start = end + 1;
  }
  return entries;
}

function headOf(path: string, entry: LedgerEntry, signer: Signer): LedgerHead {
  if (!verify(entrySigningBytes(entry), fromHex(entry.sig), signer.publicKey)) {
    throw new LedgerWriterError('LEDGER_KEY_MISMATCH', `${path}: the last entry (seq ${entry.seq}) is not signed by this coordinator key`);
  }
  return { seq: entry.seq, hash: entryHash(entry) };
}

/** The last line of `bytes` (which end at file offset `end`) judged: absent, whole, or torn. */
function inspectTail(bytes: Uint8Array, end: number): Tail {
  if (bytes.length === 0) return { kind: 'empty' };
  const base = end - bytes.length;
  const last = bytes.length - 1;
  if (bytes[last] !== NEWLINE) {
    const start = bytes.lastIndexOf(NEWLINE, last) + 1;
    return { kind: 'torn', offset: base + start, length: bytes.length - start, why: 'the last line has no newline' };
  }
  const start = bytes.lastIndexOf(NEWLINE, last - 1) + 1;
  const parsed = parseLine(bytes.subarray(start, last));
  if ('problem' in parsed) return { kind: 'torn', offset: base + start, length: bytes.length - start, why: `the last line does not parse (${parsed.problem.message})` };
  return { kind: 'ok', entry: parsed.entry };
}

/** Enough of the file's end to hold its last line and the newline before it (or the whole file). */
async function readTail(handle: FileHandle, size: number): Promise<Buffer> {
  let start = size;
  let tail = Buffer.alloc(0);
  while (start > 0) {
    const from = Math.max(0, start - TAIL_CHUNK);
    const chunk = Buffer.alloc(start - from);
    await handle.read(chunk, 0, chunk.length, from);
    tail = Buffer.concat([chunk, tail]);
    start = from;
    // A newline before the final byte marks where the last line starts.
    if (tail.lastIndexOf(NEWLINE, tail.length - 2) >= 0) break;
  }
  return tail;
}



function checkPath(path: string): void {
  if (typeof path !== 'string' || path.length === 0) throw new TypeError('path must be a non-empty string');
}

export function checkSigner(signer: Signer): void {
  if (signer === null || typeof signer !== 'object') throw new TypeError('signer must be { publicKey, secretKey }');
  if (!(signer.publicKey instanceof Uint8Array) || signer.publicKey.length !== PUBLIC_KEY_BYTES) throw new TypeError('signer.publicKey must be a 32-byte Uint8Array');
  if (!(signer.secretKey instanceof Uint8Array) || signer.secretKey.length !== 64) throw new TypeError('signer.secretKey must be a 64-byte Uint8Array');
  if (!equalBytes(signer.secretKey.subarray(32), signer.publicKey)) throw new RangeError('signer.secretKey does not belong to signer.publicKey');
}
