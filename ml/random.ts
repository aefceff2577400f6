// Seeded randomness for training order: the same seed replays the same epochs, so a client's
// round can be reproduced in a test. Not for anything secret (use node:crypto there).
import { randomInt } from 'node:crypto';

/** mulberry32: a 32-bit-state generator, uniform in [0, 1); ample for shuffling examples. */
export function seededRandom(seed: number): () => number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an unsigned 32-bit integer, got ${seed}`);
  }
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A seed for when the caller gave none. */
export function freshSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/** 0..n-1 in a uniformly random order (Fisher-Yates). */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
