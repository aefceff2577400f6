// Who may take part: the coordinator admits an agency only if the key it proves in the handshake
// is the one enrolled under its id (docs/ARCHITECTURE.md, "One round, end to end"). The list lives in
// <dataDir>/enrolment.json, one object per agency, rewritten atomically on every change.
import { join } from 'node:path';
import { z } from 'zod';
import { equalBytes, fromHex, PUBLIC_KEY_BYTES, toHex } from '../identity/keys.js';
import { readJsonOr, writeJsonAtomic } from '../storage/atomic.js';

export const ENROLMENT_FILE = 'enrolment.json';
export const AGENCY_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

export type EnrolmentErrorCode =
  | 'ENROL_AGENCY_EXISTS'
  | 'ENROL_KEY_IN_USE'
  | 'ENROL_UNKNOWN_AGENCY'
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

export interface EnrolledAgency {
  readonly agency: string;
  /** 64 lowercase hex characters. */
  readonly publicKey: string;
  /** ISO 8601 time of enrolment. */
  readonly enrolledAt: string;
}

const fileSchema = z
  .object({
    version: z.literal(1),
    agencies: z.array(
      z
        .object({
          agency: z.string().regex(AGENCY_ID, { error: 'is not a valid agency id' }),
          publicKey: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hex characters' }),
          enrolledAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

type EnrolmentFile = z.infer<typeof fileSchema>;

export class Enrolment {
  readonly path: string;
  #agencies: ReadonlyMap<string, EnrolledAgency>;
  /** Changes run one after another so that each write holds every earlier change. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, agencies: ReadonlyMap<string, EnrolledAgency>) {
    this.path = path;
    this.#agencies = agencies;
  }

  /** Reads `<dataDir>/enrolment.json`; a missing file is an empty enrolment. */
  static async open(dataDir: string): Promise<Enrolment> {
    if (typeof dataDir !== 'string') throw new TypeError('dataDir must be a string');
    if (dataDir === '') throw new RangeError('dataDir must not be empty');
    const path = join(dataDir, ENROLMENT_FILE);
    return new Enrolment(path, await load(path));
  }

  /**
   * Rereads the file, picking up changes made by another process (`cohort enroll` while the
   * coordinator runs). Sessions already admitted are the caller's to re-check.
   */
  async reload(): Promise<void> {
    await this.#serial(async () => {
      this.#agencies = await load(this.path);
    });
  }

  /**
   * Enrols `agency` with `publicKeyHex`. Enrolling the same pair again changes nothing; a new key
   * for an enrolled agency needs remove() first, so that a key is never replaced by a typo.
   */
  async add(agency: string, publicKeyHex: string): Promise<EnrolledAgency> {
    checkAgency(agency);
    const key = toHex(fromHex(publicKeyHex, PUBLIC_KEY_BYTES, 'publicKeyHex'));
    return this.#serial(async () => {
      const existing = this.#agencies.get(agency);
      if (existing && existing.publicKey === key) return existing;
      if (existing) {
        throw new EnrolmentError(
          'ENROL_AGENCY_EXISTS',
          `agency "${agency}" is already enrolled with another key; remove it first to change its key`,
        );
      }
      for (const other of this.#agencies.values()) {
        // Ids differing only in case would read as one agency in the ledger and in reports.
        if (other.agency.toLowerCase() === agency.toLowerCase()) {
          throw new EnrolmentError('ENROL_AGENCY_EXISTS', `agency "${other.agency}" is already enrolled (ids are compared ignoring case)`);
        }
        // One key, one agency: otherwise one party could count as two in a cohort's minimum size.
        if (other.publicKey === key) {
          throw new EnrolmentError('ENROL_KEY_IN_USE', `this public key is already enrolled for agency "${other.agency}"`);
        }
      }
      const entry: EnrolledAgency = Object.freeze({ agency, publicKey: key, enrolledAt: new Date().toISOString() });
      const next = new Map(this.#agencies).set(agency, entry);
      await save(this.path, next);
      this.#agencies = next;
      return entry;
    });
  }

  async remove(agency: string): Promise<EnrolledAgency> {
    checkAgency(agency);
    return this.#serial(async () => {
      const existing = this.#agencies.get(agency);
      if (!existing) throw new EnrolmentError('ENROL_UNKNOWN_AGENCY', `agency "${agency}" is not enrolled`);
      const next = new Map(this.#agencies);
      next.delete(agency);
      await save(this.path, next);
      this.#agencies = next;
      return existing;
    });
  }

  /** Enrolled agencies, sorted by id. */
  list(): readonly EnrolledAgency[] {
    return [...this.#agencies.values()].sort((a, b) => (a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : 0));
  }

  lookup(agency: string): Uint8Array | undefined {
    if (typeof agency !== 'string') throw new TypeError('agency must be a string');
    const entry = this.#agencies.get(agency);
    return entry && fromHex(entry.publicKey, PUBLIC_KEY_BYTES, 'publicKey');
  }

  /** True only if `agency` is enrolled with exactly `publicKey` (compared in constant time). */
  isEnrolled(agency: string, publicKey: Uint8Array): boolean {
    if (!(publicKey instanceof Uint8Array)) throw new TypeError('publicKey must be a Uint8Array');
    const enrolled = this.lookup(agency);
    return enrolled !== undefined && equalBytes(enrolled, publicKey);
  }

  #serial<T>(change: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(change);
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

function checkAgency(agency: string): void {
  if (typeof agency !== 'string') throw new TypeError('agency must be a string');
  if (!AGENCY_ID.test(agency)) {
    throw new RangeError(
      `agency "${agency}" is not a valid id: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`,
    );
  }
}

async function load(path: string): Promise<ReadonlyMap<string, EnrolledAgency>> {
  let raw: unknown;
  try {
    raw = await readJsonOr<unknown>(path, { version: 1, agencies: [] });
  } catch (err) {
    if (err instanceof SyntaxError) throw new EnrolmentError('ENROL_FILE_INVALID', `${path} is not valid JSON: ${err.message}`);
    throw err;
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new EnrolmentError('ENROL_FILE_INVALID', `${path} is not a valid enrolment file: ${issues}`);
  }
  const agencies = new Map<string, EnrolledAgency>();
  const keys = new Set<string>();
  for (const entry of parsed.data.agencies) {
    if (agencies.has(entry.agency) || keys.has(entry.publicKey)) {
      throw new EnrolmentError('ENROL_FILE_INVALID', `${path} lists agency "${entry.agency}" or its key twice`);
    }
    agencies.set(entry.agency, Object.freeze({ ...entry }));
    keys.add(entry.publicKey);
  }
  return agencies;
}

async function save(path: string, agencies: ReadonlyMap<string, EnrolledAgency>): Promise<void> {
  const body: EnrolmentFile = { version: 1, agencies: [...agencies.values()] };
  await writeJsonAtomic(path, body);
}
