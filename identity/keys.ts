// Ed25519 identities: every agency and every coordinator has one; keys travel and rest as
// lowercase hex. Keys are made by tweetnacl (its 64-byte secret key is seed || public key);
// signing and verifying go through node:crypto (OpenSSL), measured here at ~0.1 ms against
// tweetnacl's ~5-10 ms: every envelope is signed and verified, so with tweetnacl one agency
// sending within the rate limit could keep the coordinator's CPU busy. Both are checked
// against RFC 8032's vectors (test/identity/rfc8032.test.ts).
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import nacl from 'tweetnacl';
import { base64url } from '../bytes/encoding.js';

export interface Identity {
  /** 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** 64-byte tweetnacl secret key (seed || public key). Never logged, never sent. */
  readonly secretKey: Uint8Array;
}

export const PUBLIC_KEY_BYTES = nacl.sign.publicKeyLength;
export const SIGNATURE_BYTES = nacl.sign.signatureLength;

export function generateIdentity(): Identity {
  const pair = nacl.sign.keyPair();
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

/** The identity whose 32-byte seed is given (RFC 8032's "private key"). */
export function identityFromSeed(seed: Uint8Array): Identity {
  if (!(seed instanceof Uint8Array)) throw new TypeError('seed must be a Uint8Array');
  if (seed.length !== 32) throw new RangeError(`seed must be 32 bytes, got ${seed.length}`);
  const pair = nacl.sign.keyPair.fromSeed(seed);
  return { publicKey: pair.publicKey, secretKey: pair.secretKey };
}

export function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== nacl.sign.secretKeyLength) {
    throw new RangeError(`secretKey must be ${nacl.sign.secretKeyLength} bytes`);
  }
  return new Uint8Array(nodeSign(null, message, privateKeyObject(secretKey)));
}

/** False (never a throw) for a wrong signature, key or length: callers decide what to say. */
export function verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  try {
    return nodeVerify(null, message, publicKeyObject(publicKey), signature);
  } catch {
    return false; // a public key that is not a curve point
  }
}

// Imported key objects, kept because importing costs more than a verification. Secret keys are
// keyed by their array object (an identity holds one for its life), so no copy of a secret is
// kept as a map key; public keys by their hex, in a map bounded by the cohort sizes we serve.
const privateKeys = new WeakMap<Uint8Array, KeyObject>();
const publicKeys = new Map<string, KeyObject>();
const PUBLIC_KEY_CACHE = 4096;

function privateKeyObject(secretKey: Uint8Array): KeyObject {
  let key = privateKeys.get(secretKey);
  if (!key) {
    key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: base64url(secretKey.subarray(0, 32)), x: base64url(secretKey.subarray(32)) }, format: 'jwk' });
    privateKeys.set(secretKey, key);
  }
  return key;
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  const id = toHex(publicKey);
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64url(publicKey) }, format: 'jwk' });
    if (publicKeys.size >= PUBLIC_KEY_CACHE) publicKeys.clear();
    publicKeys.set(id, key);
  }
  return key;
}


export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string, expectedBytes?: number, what = 'hex value'): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`${what} must be a hex string`);
  const clean = hex.trim().toLowerCase();
  if (!/^([0-9a-f]{2})*$/.test(clean)) throw new RangeError(`${what} is not valid hex`);
  const bytes = new Uint8Array(Buffer.from(clean, 'hex'));
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new RangeError(`${what} must be ${expectedBytes} bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** Constant-time equality for secrets and keys (lengths are not secret). */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return a.length === 0 || nacl.verify(a, b);
}
