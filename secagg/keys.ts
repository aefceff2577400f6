// Per-round key pairs and their signed adverts (Bonawitz et al. 2017 §4, Round 0 "AdvertiseKeys").
// Each client makes two fresh X25519 pairs per round: c to encrypt its share bundles, s to agree
// pairwise mask seeds. The advert is signed with the client's long-term Ed25519 identity over a
// transcript bound to (runId, round, offer hash, id): the coordinator routes adverts but cannot
// substitute keys (the active-adversary variant of §4 / §6.2, which needs a PKI; the cohort's
// identity keys are it), nor move an advert to another offer. The advert also commits to the
// client's self-mask seed, so a bad share of it is caught when the seed is rebuilt.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nacl from 'tweetnacl';
import { sign, verify } from '../identity/keys.js';
import { base64url } from '../bytes/encoding.js';
import { sha256 } from '../bytes/digest.js';
import { checkBytes, checkId, checkInteger, transcript } from './encoding.js';
import { SecAggRefusal } from './errors.js';

export const X25519_KEY_BYTES = 32;
export const ED25519_PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
/** SHA-256 sizes: the offer hash and the seed commitment. */
export const HASH_BYTES = 32;

/** The public half of a client's round keys, as it travels. */
export interface KeyAdvert {
  readonly id: string;
  /** X25519 public key for encrypting share bundles. */
  readonly cPk: Uint8Array;
  /** X25519 public key for pairwise mask agreement. */
  readonly sPk: Uint8Array;
  /** commitSeed(binding, id, b): the client's self-mask seed b, committed to before any share of it exists. */
  readonly seedCommitment: Uint8Array;
}

export interface SignedAdvert extends KeyAdvert {
  /** The offer hash the signer says it signed for; a mismatch is named before the signature is checked. */
  readonly offerHash: Uint8Array;
  /** Ed25519 signature by the client's identity key over advertTranscript(...). */
  readonly signature: Uint8Array;
}

/** What every round message is bound to: the run, the round and the offer both sides hold. */
export interface RoundBinding {
  readonly runId: string;
  /** uint32 round number. */
  readonly round: number;
  /**
   * SHA-256 of the round's offer (proto/offer-hash.ts): weights, training, SecAgg and DP terms,
   * cohort, roster. Adverts, share bundles, pairwise masks and consistency signatures all bind
   * it, so a client sent another offer than its peers cannot complete a round with them.
   */
  readonly offerHash: Uint8Array;
}

export interface RoundKeyPairs {
  readonly cPk: Uint8Array;
  readonly cSk: Uint8Array;
  readonly sPk: Uint8Array;
  readonly sSk: Uint8Array;
}

/** Two fresh X25519 pairs from node:crypto (~0.2 ms a pair here; tweetnacl's box.keyPair took ~4 ms). */
export function generateRoundKeys(): RoundKeyPairs {
  const c = x25519Pair();
  const s = x25519Pair();
  return { cPk: c.publicKey, cSk: c.secretKey, sPk: s.publicKey, sSk: s.secretKey };
}

function x25519Pair(): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const jwk = generateKeyPairSync('x25519').privateKey.export({ format: 'jwk' });
  return { publicKey: new Uint8Array(Buffer.from(jwk.x!, 'base64url')), secretKey: new Uint8Array(Buffer.from(jwk.d!, 'base64url')) };
}

/** The X25519 public key of a secret key, used to check a reconstructed mask key against its advert. */
export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  return nacl.scalarMult.base(checkBytes(secretKey, 'secretKey', X25519_KEY_BYTES));
}

/**
 * A hash commitment to the self-mask seed b (32 uniform bytes, so the hash hides it): the
 * coordinator checks every rebuilt seed against it and names a bad share instead of unmasking
 * a silently wrong sum.
 */
export function commitSeed(binding: RoundBinding, id: string, seed: Uint8Array): Uint8Array {
  checkBinding(binding);
  return sha256(transcript('seed-commitment', [binding.runId, binding.round, binding.offerHash, checkId(id, 'id'), checkBytes(seed, 'seed', 32)]));
}

export function advertTranscript(binding: RoundBinding, advert: KeyAdvert): Uint8Array {
  checkBinding(binding);
  return transcript('advert', [
    binding.runId,
    binding.round,
    binding.offerHash,
    checkId(advert.id, 'advert.id'),
    checkBytes(advert.cPk, 'advert.cPk', X25519_KEY_BYTES),
    checkBytes(advert.sPk, 'advert.sPk', X25519_KEY_BYTES),
    checkBytes(advert.seedCommitment, 'advert.seedCommitment', HASH_BYTES),
  ]);
}

export function signAdvert(binding: RoundBinding, advert: KeyAdvert, identitySecretKey: Uint8Array): SignedAdvert {
  checkBytes(identitySecretKey, 'identitySecretKey', 64);
  const signature = sign(advertTranscript(binding, advert), identitySecretKey);
  const { id, cPk, sPk, seedCommitment } = advert;
  return Object.freeze({ id, cPk, sPk, seedCommitment, offerHash: binding.offerHash, signature });
}

/**
 * Refuses an advert that is not the identity's over this run, round and offer: OFFER_MISMATCH
 * when its signer says it saw another offer, else BAD_ADVERT_SIGNATURE (Bonawitz et al. 2017 §6:
 * signed keys stop a coordinator substituting its own).
 */
export function checkAdvert(binding: RoundBinding, advert: SignedAdvert, identityPublicKey: Uint8Array): void {
  if (advert?.offerHash instanceof Uint8Array && !sameBytes(advert.offerHash, binding.offerHash)) {
    throw new SecAggRefusal('OFFER_MISMATCH', `advert of ${String(advert.id)} was made for another offer than this client's`);
  }
  if (!verifyAdvert(binding, advert, identityPublicKey)) {
    throw new SecAggRefusal('BAD_ADVERT_SIGNATURE', `advert of ${String(advert?.id)} does not verify against its identity key`);
  }
}

/**
 * True iff the signature is the identity's over this advert for this run, round and offer. Each
 * client checks every advertiser's (the graph's public coin is made of them), the coordinator n:
 * identity/keys.ts verifies through node:crypto for that reason.
 */
export function verifyAdvert(binding: RoundBinding, advert: SignedAdvert, identityPublicKey: Uint8Array): boolean {
  if (typeof advert !== 'object' || advert === null) return false;
  if (!(advert.signature instanceof Uint8Array) || advert.signature.length !== SIGNATURE_BYTES) return false;
  if (!(identityPublicKey instanceof Uint8Array) || identityPublicKey.length !== ED25519_PUBLIC_KEY_BYTES) return false;
  let message: Uint8Array;
  try {
    message = advertTranscript(binding, advert);
  } catch {
    return false;
  }
  return verify(message, advert.signature, identityPublicKey);
}

/** X25519 with one secret key against many public keys. */
export type Agreement = (publicKey: Uint8Array) => Uint8Array;

/**
 * X25519(secretKey, ·) via node:crypto (~7x tweetnacl's scalarMult here), the private key
 * imported once. JWK import (with the public key given) measured ~8x faster than PKCS #8 DER.
 * A low-order public key gives the all-zero secret; OpenSSL refuses it, and so do we (RFC 7748 §6.1).
 */
export function keyAgreement(secretKey: Uint8Array, publicKey: Uint8Array): Agreement {
  checkBytes(secretKey, 'secretKey', X25519_KEY_BYTES);
  checkBytes(publicKey, 'publicKey', X25519_KEY_BYTES);
  const privateKey = createPrivateKey({
    key: { kty: 'OKP', crv: 'X25519', x: base64url(publicKey), d: base64url(secretKey) },
    format: 'jwk',
  });
  return (peerPublicKey) => {
    checkBytes(peerPublicKey, 'publicKey', X25519_KEY_BYTES);
    let shared: Buffer;
    try {
      shared = diffieHellman({ privateKey, publicKey: x25519PublicKey(peerPublicKey) });
    } catch (cause) {
      throw new SecAggRefusal('BAD_KEY', 'invalid key received', { cause });
    }
    if (shared.every((byte) => byte === 0)) throw new SecAggRefusal('BAD_KEY', 'invalid key received');
    return new Uint8Array(shared);
  };
}

export function checkBinding(binding: RoundBinding): RoundBinding {
  if (typeof binding !== 'object' || binding === null) throw new TypeError('binding must be an object');
  checkId(binding.runId, 'runId');
  checkInteger(binding.round, 'round', 0, 0xffff_ffff);
  checkBytes(binding.offerHash, 'offerHash', HASH_BYTES);
  return binding;
}

/** Equality of public values (hashes, seeds the peers announce): no secret is compared here. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function x25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: base64url(raw) }, format: 'jwk' });
}

