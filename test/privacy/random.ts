// Seeded draws for property tests, so a failing case can be replayed.
export { seededRandom as seeded } from '../../ml/random.js';

/** A uniform draw in [lo, hi) on a log scale. */
export function logUniform(rand: () => number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + rand() * (Math.log(hi) - Math.log(lo)));
}
