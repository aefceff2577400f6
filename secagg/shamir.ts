// t-of-m Shamir sharing of 32-byte secrets (the mask key s_u^SK and the self-mask seed b_u,
// Bonawitz et al. 2017 §3.1, §4 Round 1) over GF(256) with the audited shamir-secret-sharing.
// Each share is 33 bytes: 32 evaluations and, last, its own nonzero x-coordinate.
import { combine, split } from 'shamir-secret-sharing';
import { checkBytes, checkInteger } from './encoding.js';

export const SECRET_BYTES = 32;
export const SHARE_BYTES = SECRET_BYTES + 1;

export async function shareSecret(secret: Uint8Array, holders: number, threshold: number): Promise<Uint8Array[]> {
  checkBytes(secret, 'secret', SECRET_BYTES);
  const m = checkInteger(holders, 'holders', 2, 255);
  const t = checkInteger(threshold, 'threshold', 2, m);
  // The library checks `constructor === Uint8Array`: hand it a plain copy, never a Buffer.
  return split(Uint8Array.from(secret), m, t);
}

/** The secret from exactly t shares with distinct x-coordinates; RangeError when there are fewer. */
export async function reconstructSecret(shares: readonly Uint8Array[], threshold: number): Promise<Uint8Array> {
  if (!Array.isArray(shares)) throw new TypeError('shares must be an array');
  const t = checkInteger(threshold, 'threshold', 2, 255);
  const chosen: Uint8Array[] = [];
  const seen = new Set<number>();
  for (const [i, share] of shares.entries()) {
    checkBytes(share, `shares[${i}]`, SHARE_BYTES);
    const x = share[SECRET_BYTES];
    if (x === 0 || seen.has(x)) continue; // x = 0 is the secret itself; a repeat adds nothing
    seen.add(x);
    chosen.push(Uint8Array.from(share));
    if (chosen.length === t) return combine(chosen);
  }
  throw new RangeError(`shares must hold ${t} distinct shares, got ${chosen.length}`);
}
