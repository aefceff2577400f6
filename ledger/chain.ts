// How entries are chained and signed (docs/LEDGER.md, "Hashing and signing"). Each entry's
// `prev` is the SHA-256 of the previous line (its canonical form, signature included), so
// editing, dropping or reordering any entry breaks every link after it; the coordinator's
// signature covers the entry without `sig`, behind a domain prefix so that a ledger signature
// can never be replayed as a receipt or a handshake signature made with the same key.
import { sha256Hex } from '../bytes/digest.js';
import { canonicalJson } from '../bytes/canonical-json.js';
import type { LedgerEntry } from './entries.js';

export const GENESIS_PREV = '0'.repeat(64);
/** Prepended, with one 0x00 byte, to the canonical entry before signing. */
export const ENTRY_SIGNING_DOMAIN = 'cohort-ledger-entry-v1';

const encoder = new TextEncoder();

export function domainBytes(domain: string, canonical: string): Uint8Array {
  return encoder.encode(`${domain}\u0000${canonical}`);
}

/** The bytes the coordinator signs for one entry: everything but `sig`. */
export function entrySigningBytes(entry: Omit<LedgerEntry, 'sig'>): Uint8Array {
  const { seq, time, type, body, prev } = entry;
  return domainBytes(ENTRY_SIGNING_DOMAIN, canonicalJson({ seq, time, type, body, prev }));
}

/** The line as written (without its '\n'): the canonical form of the whole entry. */
export function entryLine(entry: LedgerEntry): string {
  return canonicalJson(entry);
}

/** The hash the next entry's `prev` and every receipt refer to. */
export function entryHash(entry: LedgerEntry): string {
  return sha256Hex(entryLine(entry));
}
