// Byte-level helpers shared by the SecAgg files: argument checks, id order, and the
// length-prefixed transcripts every signature, key derivation and plaintext is taken over.
// Length prefixes make the encoding injective, so two different tuples never hash or sign alike.
import { transcript as lengthPrefixed, type Field } from '../bytes/transcript.js';

/** Every transcript starts with this label so no SecAgg value can be confused with another protocol's. */
export const DOMAIN = 'cohort/secagg/v1';


const MAX_ID_BYTES = 128;
const textEncoder = new TextEncoder();

export function checkBytes(value: unknown, name: string, length?: number): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${name} must be a Uint8Array`);
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${name} must be ${length} bytes, got ${value.length}`);
  }
  return value;
}

export function checkInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number`);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${value}`);
  }
  return value;
}

/** Ids and run ids: non-empty strings of at most 128 UTF-8 bytes (they go into HKDF info, capped at 1024 bytes). */
export function checkId(value: unknown, name: string): string {
  if (typeof value !== 'string') throw new TypeError(`${name} must be a string`);
  const bytes = textEncoder.encode(value).length;
  if (bytes === 0 || bytes > MAX_ID_BYTES) {
    throw new RangeError(`${name} must be 1..${MAX_ID_BYTES} UTF-8 bytes, got ${bytes}`);
  }
  return value;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Ids order by their UTF-8 bytes, so any language sorts a cohort the same way. Without
 * surrogates (every id Cohort issues is ASCII) UTF-16 order is that order, and is compared
 * without encoding: a round sorts ids often, and encoding both on every comparison was a
 * measurable share of a client's share_keys stage.
 */
export function compareIds(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

export function sortedIds(ids: Iterable<string>): string[] {
  return [...ids].sort(compareIds);
}

export type TranscriptPart = Field;

/** DOMAIN, a purpose label, then each part, length-prefixed (bytes/transcript.ts). */
export function transcript(purpose: string, parts: readonly TranscriptPart[]): Uint8Array {
  return lengthPrefixed(DOMAIN, purpose, ...parts);
}
