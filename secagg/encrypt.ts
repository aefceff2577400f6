// Pairwise authenticated encryption of share bundles routed through the coordinator
// (Bonawitz et al. 2017 §4 Round 1: e_{u,v} = AE.enc(KA.agree(c_u^SK, c_v^PK), u || v || shares)).
// The key is HKDF-SHA256 of the X25519 secret, bound to run, round, offer and pair; the cipher is
// nacl.secretbox (XSalsa20-Poly1305) under a random 24-byte nonce. The plaintext repeats sender,
// recipient, run, round and offer hash, and the receiver checks them, so a coordinator cannot replay a bundle
// into another pair, run or round.
import { hkdfSync } from 'node:crypto';
import nacl from 'tweetnacl';
import { concat } from '../bytes/transcript.js';
import { DOMAIN, checkBytes, checkId, compareIds, transcript } from './encoding.js';
import { SecAggRefusal } from './errors.js';
import { X25519_KEY_BYTES, checkBinding, type RoundBinding } from './keys.js';
import { SHARE_BYTES } from './shamir.js';

/** One ciphertext from one client to one neighbour, as the coordinator routes it. */
export interface EncryptedShare {
  readonly from: string;
  readonly to: string;
  /** 24 random bytes. */
  readonly nonce: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** What `from` gives `to`: to's shares of from's mask key and of from's self-mask seed. */
export interface ShareBundle {
  readonly keyShare: Uint8Array;
  readonly seedShare: Uint8Array;
}

export const NONCE_BYTES = nacl.secretbox.nonceLength;

export function encryptBundle(
  binding: RoundBinding,
  from: string,
  to: string,
  shared: Uint8Array,
  bundle: ShareBundle,
  nonce: Uint8Array = nacl.randomBytes(NONCE_BYTES),
): EncryptedShare {
  checkBytes(nonce, 'nonce', NONCE_BYTES);
  const plaintext = concat([
    header(binding, from, to),
    checkBytes(bundle.keyShare, 'bundle.keyShare', SHARE_BYTES),
    checkBytes(bundle.seedShare, 'bundle.seedShare', SHARE_BYTES),
  ]);
  const ciphertext = nacl.secretbox(plaintext, nonce, bundleKey(binding, from, to, shared));
  return Object.freeze({ from, to, nonce, ciphertext });
}

/**
 * Opens a bundle addressed to `to` from `from` (the ids the receiver expects, never the ones the
 * envelope claims). Vague messages outward, precise codes: BAD_SHARE, SHARE_MISBOUND.
 */
export function decryptBundle(
  binding: RoundBinding,
  from: string,
  to: string,
  shared: Uint8Array,
  share: EncryptedShare,
): ShareBundle {
  if (!(share.nonce instanceof Uint8Array) || share.nonce.length !== NONCE_BYTES || !(share.ciphertext instanceof Uint8Array)) {
    throw new SecAggRefusal('BAD_SHARE', 'invalid share received');
  }
  const plaintext = nacl.secretbox.open(share.ciphertext, share.nonce, bundleKey(binding, from, to, shared));
  if (plaintext === null) throw new SecAggRefusal('BAD_SHARE', 'invalid share received');
  const expected = header(binding, from, to);
  if (plaintext.length !== expected.length + 2 * SHARE_BYTES) {
    throw new SecAggRefusal('SHARE_MISBOUND', 'invalid share received');
  }
  // The header is length-prefixed, so an equal prefix means equal sender, recipient, run and round.
  for (let i = 0; i < expected.length; i++) {
    if (plaintext[i] !== expected[i]) throw new SecAggRefusal('SHARE_MISBOUND', 'invalid share received');
  }
  return {
    keyShare: plaintext.slice(expected.length, expected.length + SHARE_BYTES),
    seedShare: plaintext.slice(expected.length + SHARE_BYTES),
  };
}

function header(binding: RoundBinding, from: string, to: string): Uint8Array {
  checkBinding(binding);
  return transcript('share-bundle', [binding.runId, binding.round, binding.offerHash, checkId(from, 'from'), checkId(to, 'to')]);
}

/**
 * `shared` is X25519(c_from^SK, c_to^PK) = X25519(c_to^SK, c_from^PK), so both directions of a pair
 * share this key (random nonces keep them apart); the plaintext header is what tells a bundle
 * reflected back to its sender from one addressed to it.
 */
function bundleKey(binding: RoundBinding, from: string, to: string, shared: Uint8Array): Uint8Array {
  checkBytes(shared, 'shared', X25519_KEY_BYTES);
  const [lo, hi] = compareIds(from, to) < 0 ? [from, to] : [to, from];
  const info = transcript('share-key', [binding.runId, binding.round, binding.offerHash, lo, hi]);
  return new Uint8Array(hkdfSync('sha256', shared, DOMAIN, info, nacl.secretbox.keyLength));
}
