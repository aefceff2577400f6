// Who may take part: the coordinator admits an agency only if the key it proves in the handshake
// is the one enrolled under its id (docs/ARCHITECTURE.md, "One round, end to end"); the run
// service acts on an operator's request only if it is signed by the key enrolled under the
// operator's id. Each list lives in a file of the data directory, one object per member,
// rewritten atomically on every change: <dataDir>/enrolment.json for agencies,
// <dataDir>/operators.json for operators.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { equalBytes, fromHex, PUBLIC_KEY_BYTES, toHex } from '../identity/keys.js';
import { readJsonOr, writeJsonAtomic } from '../storage/atomic.js';

/** A list of enrolled keys: its file, the file's list member and each entry's id member. */
export interface EnrolmentKind {
  readonly file: string;
  readonly list: string;
  /** The id member's name, also the noun messages use ("agency", "operator"). */
  readonly id: string;
}

export const AGENCIES: EnrolmentKind = Object.freeze({ file: 'enrolment.json', list: 'agencies', id: 'agency' });
export const OPERATORS: EnrolmentKind = Object.freeze({ file: 'operators.json', list: 'operators', id: 'operator' });

export const ENROLMENT_FILE = AGENCIES.file;
export const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export type EnrolmentErrorCode =
  | 'ENROL_EXISTS'
  | 'ENROL_KEY_IN_USE'
  | 'ENROL_UNKNOWN'
  | 'ENROL_FILE_INVALID';

export class EnrolmentError extends Error {
  override readonly name = 'EnrolmentError';
  constructor(
    readonly code: EnrolmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Enrolled {
  /** The agency's or operator's id. */
  readonly id: string;
  /** 64 lowercase hex characters. */
  readonly publicKey: string;
  /** ISO 8601 time of enrolment. */
  readonly enrolledAt: string;
}

function fileSchema(kind: EnrolmentKind) {
  const entry = z
    .object({
      [kind.id]: z.string().regex(AGENCY_ID, { error: `is not a valid ${kind.id} id` }),
      publicKey: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex characters' }),
      enrolledAt: z.string(),
    })
    .strict();
  return z.object({ version: z.literal(1), [kind.list]: z.array(entry) }).strict();
}

export class Enrolment {
  readonly path: string;
  #members: ReadonlyMap<string, Enrolled>;
  /** The file's size and change time when last read: reloadIfChanged() compares them. */
  #stamp: string;
  /** Changes run one after another so that each write holds every earlier change. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, readonly kind: EnrolmentKind, members: ReadonlyMap<string, Enrolled>, stamp: string) {
    this.path = path;
    this.#members = members;
    this.#stamp = stamp;
  }

  /** Reads `<dataDir>/enrolment.json` (or the file of `kind`); a missing file is an empty enrolment. */
  static async open(dataDir: string, kind: EnrolmentKind = AGENCIES): Promise<Enrolment> {
    if (typeof dataDir !== 'string') throw new TypeError('dataDir must be a string');
    if (dataDir === '') throw new RangeError('dataDir must not be empty');
    const path = join(dataDir, kind.file);
    const stamp = await stampOf(path);
    return new Enrolment(path, kind, await load(path, kind), stamp);
  }

  /**
   * Rereads the file, picking up changes made by another process (`cohort enroll` while the
   * coordinator runs). Sessions already admitted are the caller's to re-check.
   */
  async reload(): Promise<void> {
    await this.#serial(async () => {
      this.#stamp = await stampOf(this.path);
      this.#members = await load(this.path, this.kind);
    });
  }

  /** Rereads the file if it changed since it was last read (a long-lived service calls this). */
  async reloadIfChanged(): Promise<void> {
    if ((await stampOf(this.path)) !== this.#stamp) await this.reload();
  }

  /**
   * Enrols `agency` with `publicKeyHex`. Enrolling the same pair again changes nothing; a new key
   * for an enrolled agency needs remove() first, so that a key is never replaced by a typo.
   */
  async add(id: string, publicKeyHex: string): Promise<Enrolled> {
    const noun = this.kind.id;
    checkId(id, noun);
    const key = toHex(fromHex(publicKeyHex, PUBLIC_KEY_BYTES, 'publicKeyHex'));
    return this.#serial(async () => {
      const existing = this.#members.get(id);
      if (existing && existing.publicKey === key) return existing;
      if (existing) {
        throw new EnrolmentError('ENROL_EXISTS', `${noun} "${id}" is already enrolled with another key; remove it first to change its key`);
      }
      for (const other of this.#members.values()) {
        // Ids differing only in case would read as one agency in the ledger and in reports.
        if (other.id.toLowerCase() === id.toLowerCase()) {
          throw new EnrolmentError('ENROL_EXISTS', `${noun} "${other.id}" is already enrolled (ids are compared ignoring case)`);
        }
        // One key, one member: otherwise one party could count as two in a cohort's minimum size.
        if (other.publicKey === key) {
          throw new EnrolmentError('ENROL_KEY_IN_USE', `this public key is already enrolled for ${noun} "${other.id}"`);
        }
      }
      const entry: Enrolled = Object.freeze({ id, publicKey: key, enrolledAt: new Date().toISOString() });
      const next = new Map(this.#members).set(id, entry);
      await this.#save(next);
      return entry;
    });
  }

  async remove(id: string): Promise<Enrolled> {
    checkId(id, this.kind.id);
    return this.#serial(async () => {
      const existing = this.#members.get(id);
      if (!existing) throw new EnrolmentError('ENROL_UNKNOWN', `${this.kind.id} "${id}" is not enrolled`);
      const next = new Map(this.#members);
      next.delete(id);
      await this.#save(next);
      return existing;
    });
  }

  /** Enrolled members, sorted by id. */
  list(): readonly Enrolled[] {
    return [...this.#members.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  lookup(id: string): Uint8Array | undefined {
    if (typeof id !== 'string') throw new TypeError(`${this.kind.id} must be a string`);
    const entry = this.#members.get(id);
    return entry && fromHex(entry.publicKey, PUBLIC_KEY_BYTES, 'publicKey');
  }

  /** True only if `id` is enrolled with exactly `publicKey` (compared in constant time). */
  isEnrolled(id: string, publicKey: Uint8Array): boolean {
    if (!(publicKey instanceof Uint8Array)) throw new TypeError('publicKey must be a Uint8Array');
    const enrolled = this.lookup(id);
    return enrolled !== undefined && equalBytes(enrolled, publicKey);
  }

  async #save(members: ReadonlyMap<string, Enrolled>): Promise<void> {
    const entries = [...members.values()].map((m) => ({ [this.kind.id]: m.id, publicKey: m.publicKey, enrolledAt: m.enrolledAt }));
    await writeJsonAtomic(this.path, { version: 1, [this.kind.list]: entries });
    this.#members = members;
    this.#stamp = await stampOf(this.path);
  }

  #serial<T>(change: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(change);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function checkId(id: string, noun: string): void {
  if (typeof id !== 'string') throw new TypeError(`${noun} must be a string`);
  if (!AGENCY_ID.test(id)) {
    throw new RangeError(
      `${noun} "${id}" is not a valid id: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}

/** What changes when the file is replaced: its size, change time and inode ('' when absent). */
async function stampOf(path: string): Promise<string> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  return info ? `${info.size}:${info.ctimeMs}:${info.ino}` : '';
}

async function load(path: string, kind: EnrolmentKind): Promise<ReadonlyMap<string, Enrolled>> {
  let raw: unknown;
  try {
    raw = await readJsonOr<unknown>(path, { version: 1, [kind.list]: [] });
  } catch (err) {
    if (err instanceof SyntaxError) throw new EnrolmentError('ENROL_FILE_INVALID', `${path} is not valid JSON: ${err.message}`);
    throw err;
  }
  const parsed = fileSchema(kind).safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new EnrolmentError('ENROL_FILE_INVALID', `${path} is not a valid enrolment file: ${issues}`);
  }
  const members = new Map<string, Enrolled>();
  const keys = new Set<string>();
  for (const entry of parsed.data[kind.list] as Array<Record<string, string>>) {
    const id = entry[kind.id];
    if (members.has(id) || keys.has(entry.publicKey)) {
      throw new EnrolmentError('ENROL_FILE_INVALID', `${path} lists ${kind.id} "${id}" or its key twice`);
    }
    members.set(id, Object.freeze({ id, publicKey: entry.publicKey, enrolledAt: entry.enrolledAt }));
    keys.add(entry.publicKey);
  }
  return members;
}
