// RFC 8032 section 7.1: Ed25519 key derivation, signing and verification against the published
// vectors, through identity/keys.ts (tweetnacl). Ed25519 is deterministic, so the signatures
// must match byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, identityFromSeed, sign, toHex, verify } from '../../identity/keys.js';

interface Vector {
  name: string;
  secretKey: string;
  publicKey: string;
  message: string;
  signature: string;
}

const { vectors } = JSON.parse(readFileSync(new URL('./vectors/rfc8032.json', import.meta.url), 'utf8')) as {
  vectors: Vector[];
};

describe('RFC 8032 section 7.1 Ed25519 vectors', () => {
  it('covers TEST 1, 2, 3, 1024 and SHA(abc)', () => {
    expect(vectors.map((v) => v.name)).toEqual(['TEST 1', 'TEST 2', 'TEST 3', 'TEST 1024', 'TEST SHA(abc)']);
    expect(fromHex(vectors[3].message).length).toBe(1023);
    expect(fromHex(vectors[4].message).length).toBe(64);
  });

  for (const v of vectors) {
    describe(v.name, () => {
      const identity = identityFromSeed(fromHex(v.secretKey, 32));
      const message = fromHex(v.message);
      const signature = fromHex(v.signature, 64);

      it('derives the public key from the seed', () => {
        expect(toHex(identity.publicKey)).toBe(v.publicKey);
      });

      it('signs to the published signature', () => {
        expect(toHex(sign(message, identity.secretKey))).toBe(v.signature);
      });

      it('verifies the published signature and refuses altered ones', () => {
        const publicKey = fromHex(v.publicKey, 32);
        expect(verify(message, signature, publicKey)).toBe(true);

        const badSignature = signature.slice();
        badSignature[0] ^= 1;
        expect(verify(message, badSignature, publicKey)).toBe(false);

        const badMessage = new Uint8Array([...message, 0]);
        expect(verify(badMessage, signature, publicKey)).toBe(false);

        const otherKey = identityFromSeed(new Uint8Array(32).fill(7)).publicKey;
        expect(verify(message, signature, otherKey)).toBe(false);
      });
    });
  }
});
