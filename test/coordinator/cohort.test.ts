// Cohort selection: size from fraction, min and max; a deterministic sample per (seed, round).
import { describe, expect, it } from 'vitest';
import { cohortSize, selectCohort } from '../../coordinator/cohort.js';

const agencies = Array.from({ length: 20 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);

describe('cohort selection', () => {
  it('takes ceil(fraction * available), raised to min and capped by max and by who is there', () => {
    expect(cohortSize(20, { fraction: 0.3, min: 2, max: 100 })).toBe(6);
    expect(cohortSize(20, { fraction: 0.26, min: 2, max: 100 })).toBe(6); // ceil(5.2)
    expect(cohortSize(20, { fraction: 0.05, min: 3, max: 100 })).toBe(3); // 1, raised to min
    expect(cohortSize(20, { fraction: 1, min: 3, max: 8 })).toBe(8);
    expect(cohortSize(2, { fraction: 1, min: 3, max: 8 })).toBe(2); // cannot take who is not there
  });

  it('is the same for the same seed and round, whatever order the agencies are listed in', () => {
    const selection = { fraction: 0.25, min: 2, max: 100 };
    const a = selectCohort(agencies, selection, 'seed-1', 3);
    const b = selectCohort([...agencies].reverse(), selection, 'seed-1', 3);
    expect(a).toHaveLength(5);
    expect(b).toEqual(a);
    expect([...a].sort()).toEqual(a);
    expect(new Set(a).size).toBe(5);
    for (const id of a) expect(agencies).toContain(id);
  });

  it('differs between rounds and between seeds, and over many rounds reaches everyone', () => {
    const selection = { fraction: 0.25, min: 2, max: 100 };
    const rounds = Array.from({ length: 30 }, (_, r) => selectCohort(agencies, selection, 'seed-1', r + 1).join(','));
    expect(new Set(rounds).size).toBeGreaterThan(20);
    expect(selectCohort(agencies, selection, 'seed-2', 1)).not.toEqual(selectCohort(agencies, selection, 'seed-1', 1));
    const seen = new Set(rounds.flatMap((r) => r.split(',')));
    expect(seen.size).toBe(agencies.length);
  });

  it('takes everyone at fraction 1 and does not change the caller\'s list', () => {
    const copy = [...agencies].reverse();
    const before = [...copy];
    expect(selectCohort(copy, { fraction: 1, min: 1, max: 1000 }, 's', 1)).toEqual(agencies);
    expect(copy).toEqual(before);
  });
});
