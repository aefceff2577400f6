// Seeded randomness, for whatever must replay: training order, data splits, property tests.
// The coordinator and every client derive the same split from the same seed in separate
// processes, so every draw comes from a 32-bit integer generator whose arithmetic is exact in
// JavaScript. Not for anything secret: use node:crypto there.
import { randomInt } from 'node:crypto';

/** A uniform draw from [0, 1). */
export type Random = () => number;

const TWO_TO_32 = 2 ** 32;

/**
 * mulberry32: one 32-bit word of state, full period 2^32, good enough for shuffling and
 * sampling. Math.imul and the unsigned shifts keep every step exact on any engine.
 */
export function seededRandom(seed: number): Random {
  if (typeof seed !== 'number') throw new TypeError(`seed must be a number, got ${typeof seed}`);
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_TO_32) {
    throw new RangeError(`seed must be an integer in 0..2^32-1, got ${seed}`);
  }
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_TO_32;
  };
}

/** A seed for when the caller gave none. */
export function freshSeed(): number {
  return randomInt(0, TWO_TO_32 - 1);
}

/** A uniform integer in 0..n-1. */
export function randomBelow(random: Random, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return Math.floor(random() * n);
}

/** Fisher-Yates: shuffles `items` in place and returns it. */
export function shuffleInPlace<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomBelow(random, i + 1);
    const held = items[i];
    items[i] = items[j];
    items[j] = held;
  }
  return items;
}

/** The integers 0..n-1 in a seeded random order. */
export function shuffledIndices(n: number, random: Random): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  return shuffleInPlace(Array.from({ length: n }, (_, i) => i), random);
}
