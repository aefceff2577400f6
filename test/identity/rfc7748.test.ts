// RFC 7748: X25519 against tweetnacl's nacl.scalarMult, the function SecAgg's pairwise key
// agreement uses. Section 5.2's single and iterated vectors, and section 6.1's Diffie-Hellman
// example. The 1,000,000-iteration vector is left out: minutes of pure-JavaScript work.
import { readFileSync } from 'node:fs';
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../identity/keys.js';

interface Vectors {
  x25519: { name: string; scalar: string; uCoordinate: string; output: string }[];
  iterated: { start: string; after: Record<string, string> };
  diffieHellman: {
    alicePrivate: string;
    alicePublic: string;
    bobPrivate: string;
    bobPublic: string;
    shared: string;
  };
}

const vectors = JSON.parse(readFileSync(new URL('./vectors/rfc7748.json', import.meta.url), 'utf8')) as Vectors;
const bytes = (hex: string) => fromHex(hex, 32);

describe('RFC 7748 section 5.2 X25519 vectors', () => {
  for (const v of vectors.x25519) {
    it(v.name, () => {
      expect(toHex(nacl.scalarMult(bytes(v.scalar), bytes(v.uCoordinate)))).toBe(v.output);
    });
  }

  // k = u = 9; then repeatedly (k, u) = (X25519(k, u), k).
  function iterate(times: number): string {
    let k = bytes(vectors.iterated.start);
    let u = bytes(vectors.iterated.start);
    for (let i = 0; i < times; i++) {
      const next = nacl.scalarMult(k, u);
      u = k;
      k = next;
    }
    return toHex(k);
  }

  it('after 1 iteration', () => {
    expect(iterate(1)).toBe(vectors.iterated.after['1']);
  });

  it('after 1,000 iterations', () => {
    expect(iterate(1000)).toBe(vectors.iterated.after['1000']);
  });
});

describe('RFC 7748 section 6.1 Curve25519 Diffie-Hellman', () => {
  const dh = vectors.diffieHellman;

  it('derives both public keys from the private keys', () => {
    expect(toHex(nacl.scalarMult.base(bytes(dh.alicePrivate)))).toBe(dh.alicePublic);
    expect(toHex(nacl.scalarMult.base(bytes(dh.bobPrivate)))).toBe(dh.bobPublic);
  });

  it('gives both parties the same shared secret', () => {
    expect(toHex(nacl.scalarMult(bytes(dh.alicePrivate), bytes(dh.bobPublic)))).toBe(dh.shared);
    expect(toHex(nacl.scalarMult(bytes(dh.bobPrivate), bytes(dh.alicePublic)))).toBe(dh.shared);
  });
});
