// SHA-256 through node:crypto: the hash of the ledger's chain, of commitments, of models and
// data fingerprints, and of envelope payloads before they are signed.
import { createHash } from 'node:crypto';

export function sha256(...chunks: Uint8Array[]): Uint8Array {
  const hash = createHash('sha256');
  for (const chunk of chunks) hash.update(chunk);
  return new Uint8Array(hash.digest());
}

/** Lowercase hex SHA-256 of bytes, or of a string's UTF-8. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
