// Mask expansion (Bonawitz et al. 2017 §4 Round 2): y_u = x_u + PRG(b_u) + sum_v ±PRG(s_{u,v}) mod 2^32.
// The PRG is AES-128-CTR from node:crypto over zeros, 64 KiB at a time (~2.5 GB/s measured here),
// read as little-endian uint32 words. A 32-byte seed gives the AES key (first half) and the
// initial counter block (second half).
import { createCipheriv, hkdfSync } from 'node:crypto';
import { endianness } from 'node:os';
import { DOMAIN, checkBytes, compareIds, transcript } from './encoding.js';
import type { Agreement, RoundBinding } from './keys.js';

export const MASK_SEED_BYTES = 32;
const CHUNK_BYTES = 64 * 1024;
const ZEROS = new Uint8Array(CHUNK_BYTES);

// Uint32Array views read in platform order; the masks must be little-endian everywhere.
if (endianness() !== 'LE') throw new Error('secagg/masks requires a little-endian platform');

/**
 * s_{u,v} = HKDF-SHA256(X25519(s_u^SK, s_v^PK)), bound to run, round, offer and the unordered pair, so
 * both ends derive the same seed and no seed is reused across rounds (fresh keys each round, too).
 */
export function pairwiseSeed(
  binding: RoundBinding,
  selfId: string,
  sAgreement: Agreement,
  peerId: string,
  peerSPk: Uint8Array,
): Uint8Array {
  const [lo, hi] = compareIds(selfId, peerId) < 0 ? [selfId, peerId] : [peerId, selfId];
  const info = transcript('pair-mask', [binding.runId, binding.round, binding.offerHash, lo, hi]);
  return new Uint8Array(hkdfSync('sha256', sAgreement(peerSPk), DOMAIN, info, MASK_SEED_BYTES));
}

/** +1 when self orders before peer, -1 otherwise: the two ends of a pair cancel in the sum. */
export function maskSign(selfId: string, peerId: string): 1 | -1 {
  return compareIds(selfId, peerId) < 0 ? 1 : -1;
}

/** target += sign * PRG(seed) mod 2^32, in place. */
export function applyMask(target: Uint32Array, seed: Uint8Array, sign: 1 | -1): void {
  if (!(target instanceof Uint32Array)) throw new TypeError('target must be a Uint32Array');
  checkBytes(seed, 'seed', MASK_SEED_BYTES);
  if (sign !== 1 && sign !== -1) throw new RangeError(`sign must be 1 or -1, got ${String(sign)}`);
  const cipher = createCipheriv('aes-128-ctr', seed.subarray(0, 16), seed.subarray(16, 32));
  const totalBytes = target.length * 4;
  for (let start = 0; start < totalBytes; start += CHUNK_BYTES) {
    const bytes = cipher.update(ZEROS.subarray(0, Math.min(CHUNK_BYTES, totalBytes - start)));
    const words = wordsOf(bytes);
    const base = start / 4;
    // Stores into a Uint32Array reduce mod 2^32, so plain += and -= are modular here.
    if (sign === 1) for (let i = 0; i < words.length; i++) target[base + i] += words[i];
    else for (let i = 0; i < words.length; i++) target[base + i] -= words[i];
  }
}

function wordsOf(bytes: Buffer): Uint32Array {
  if (bytes.byteOffset % 4 === 0) return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  return new Uint32Array(Uint8Array.from(bytes).buffer);
}
