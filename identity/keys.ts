// Ed25519 identities: every agency and every coordinator has one. tweetnacl is the audited,
// constant-time implementation the stack fixes; keys travel and rest as lowercase hex.
import nacl from 'tweetnacl';

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
  return nacl.sign.detached(message, secretKey);
}

/** False (never a throw) for a wrong signature, key or length: callers decide what to say. */
export function verify(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  return nacl.sign.detached.verify(message, signature, publicKey);
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
