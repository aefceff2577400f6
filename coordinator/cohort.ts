// Cohort selection: sample the round's agencies from those connected and enrolled.
import { createHash } from 'node:crypto';

export interface Selection {
  /** Fraction of connected agencies to sample (McMahan et al.'s C). */
  fraction: number;
  /** Fewest agencies a round starts with. */
  min: number;
  /** Most agencies a round takes. */
  max: number;
}

export function cohortSize(available: number, selection: Selection): number {
  const wanted = Math.max(selection.min, Math.ceil(selection.fraction * available));
  return Math.min(wanted, selection.max, available);
}

/**
 * A deterministic sample for (seed, round): the agencies sorted by a keyed hash of their id, so
 * that a run repeated with the same seed and the same agencies selects the same cohorts.
 */
export function selectCohort(available: readonly string[], selection: Selection, seed: string, round: number): string[] {
  const size = cohortSize(available.length, selection);
  const rank = (agency: string) => createHash('sha256').update(`${seed}\u0000${round}\u0000${agency}`).digest('hex');
  return [...available].sort((a, b) => (rank(a) < rank(b) ? -1 : 1)).slice(0, size).sort();
}
