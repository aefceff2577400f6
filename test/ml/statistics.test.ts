import { describe, expect, it } from 'vitest';
import { categorySlot, featureColumns, parseSchema, type CategoricalColumn } from '../../ml/schema.js';
import {
  accumulateRow, addStatistics, emptyStatistics, moments, preprocessingFrom, statisticsFromVectors, statisticsVectors,
} from '../../ml/statistics.js';

const schema = parseSchema({
  task: 'regression',
  columns: [
    { name: 'y', type: 'label' },
    { name: 'height', type: 'numeric', missing: 'mean' },
    { name: 'flat', type: 'numeric' },
    { name: 'raw', type: 'numeric', standardize: false, missing: { constant: -1 } },
    { name: 'colour', type: 'categorical', vocabulary: ['red', 'green', 'blue'], missing: 'mode' },
    { name: 'city', type: 'categorical', buckets: 4, missing: { constant: 'Lyon' } },
  ],
});
const columns = featureColumns(schema);

/** Rows of [height, flat, raw, colour slot, city slot]; NaN where missing. */
function stats(rows: number[][]) {
  const s = emptyStatistics(columns);
  for (const row of rows) accumulateRow(s, row);
  return s;
}

describe('federated statistics and the preprocessing they imply', () => {
  const a = stats([[1.5, 7, 3, 0, 1], [NaN, 7, NaN, 2, 3]]);
  const b = stats([[2.5, 7, 4, 2, NaN], [3.5, 7, 5, NaN, 0], [NaN, 7, 6, 2, 0]]);

  it('count, sum and sum of squares per numeric column; counts per slot; missing everywhere', () => {
    const total = addStatistics(a, b);
    expect(total.rows).toBe(5);
    expect(total.columns[0]).toEqual({ type: 'numeric', name: 'height', count: 3, missing: 2, sum: 7.5, sumSquares: 1.5 ** 2 + 2.5 ** 2 + 3.5 ** 2 });
    expect(total.columns[3]).toEqual({ type: 'categorical', name: 'colour', counts: [1, 0, 3], missing: 1 });
    expect(statisticsVectors(total)).toEqual({
      counts: [5, 3, 2, 5, 0, 4, 1, 1, 1, 0, 3, 1, 2, 1, 0, 1],
      sums: [7.5, 20.75, 35, 245, 18, 86],
    });
    expect(statisticsFromVectors(total, statisticsVectors(total))).toEqual(total);
    expect(() => statisticsFromVectors(total, { counts: [1], sums: [] })).toThrow(/do not fit this schema/);
    const { mean, variance } = moments(total.columns[0] as never);
    expect(mean).toBe(2.5);
    expect(variance).toBeCloseTo(2 / 3, 14);
  });

  it('standardizes by the federation mean and deviation, imputes its mean, mode or a constant', () => {
    const prep = preprocessingFrom(schema, addStatistics(a, b));
    expect(prep.columns[0]).toMatchObject({ type: 'numeric', name: 'height', center: 2.5, impute: 2.5 });
    expect((prep.columns[0] as { scale: number }).scale).toBeCloseTo(Math.sqrt(2 / 3), 14);
    // A constant column is centred and left unscaled rather than divided by 0.
    expect(prep.columns[1]).toEqual({ type: 'numeric', name: 'flat', center: 7, scale: 1 });
    expect(prep.columns[2]).toEqual({ type: 'numeric', name: 'raw', center: 0, scale: 1, impute: -1 });
    expect(prep.columns[3]).toEqual({ type: 'categorical', name: 'colour', slots: 3, impute: 2 });
    expect(prep.columns[4]).toEqual({ type: 'categorical', name: 'city', slots: 4, impute: categorySlot(columns[4] as CategoricalColumn, 'Lyon') });
  });

  it('refuses to standardize or impute from no values at all', () => {
    const empty = stats([[NaN, 1, 1, NaN, 0]]);
    expect(() => preprocessingFrom(schema, empty)).toThrow('no agency holds a value of "height": it can be neither standardized nor imputed by its mean');
    const noColour = stats([[1, 1, 1, NaN, 0]]);
    expect(() => preprocessingFrom(schema, noColour)).toThrow('no agency holds a value of "colour": its mode is undefined');
  });
});
