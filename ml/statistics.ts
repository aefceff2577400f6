// Federated feature statistics. Before training, each agency contributes, per numeric column,
// the count, sum and sum of squares of its values and how many are missing, and per
// categorical column how many rows fall in each slot; summed under secure aggregation, the
// coordinator learns only these federation totals. From the totals alone every agency derives
// the same normalisation (the federation's mean and standard deviation) and imputation (its
// mean or mode), so no agency normalises by its own, skewed, share of the data.
import {
  categorySlot, featureColumns, slotCount,
  type CategoricalColumn, type FeatureColumn, type NumericColumn, type Schema,
} from './schema.js';

export interface NumericStatistics {
  readonly type: 'numeric';
  readonly name: string;
  /** Rows with a value (not missing). */
  count: number;
  missing: number;
  sum: number;
  sumSquares: number;
}

export interface CategoricalStatistics {
  readonly type: 'categorical';
  readonly name: string;
  /** Rows per one-hot slot (vocabulary entry or hash bucket). */
  readonly counts: number[];
  missing: number;
}

export type ColumnStatistics = NumericStatistics | CategoricalStatistics;

export interface TableStatistics {
  /** Rows that entered the statistics (rows the agency will train on). */
  rows: number;
  /** One entry per feature column, in feature order. */
  readonly columns: ColumnStatistics[];
}

/**
 * The statistics as two plain vectors, the shape secure aggregation carries: `counts` are
 * non-negative integers (rows; per numeric column count, missing; per categorical column
 * missing, then the slot counts), `sums` are reals (per numeric column sum, sum of squares).
 */
export interface StatisticsVectors {
  readonly counts: number[];
  readonly sums: number[];
}

export interface NumericTransform {
  readonly type: 'numeric';
  readonly name: string;
  /** x becomes (x - center) / scale. */
  readonly center: number;
  readonly scale: number;
  /** What a missing value becomes (before centring), when the rule imputes. */
  readonly impute?: number;
}

export interface CategoricalTransform {
  readonly type: 'categorical';
  readonly name: string;
  readonly slots: number;
  /** The slot a missing value takes, when the rule imputes. */
  readonly impute?: number;
}

/** How every agency turns cells into features: the same for all, derived from federation totals. */
export interface Preprocessing {
  readonly columns: readonly (NumericTransform | CategoricalTransform)[];
}

export function emptyStatistics(columns: readonly FeatureColumn[]): TableStatistics {
  return {
    rows: 0,
    columns: columns.map((c): ColumnStatistics => (c.type === 'numeric'
      ? { type: 'numeric', name: c.name, count: 0, missing: 0, sum: 0, sumSquares: 0 }
      : { type: 'categorical', name: c.name, counts: new Array<number>(slotCount(c)).fill(0), missing: 0 })),
  };
}

/** Adds one row: a value per feature column (a number, a slot index for categories), NaN where missing. */
export function accumulateRow(stats: TableStatistics, cells: ArrayLike<number>): void {
  stats.rows++;
  stats.columns.forEach((c, k) => {
    const v = cells[k];
    if (Number.isNaN(v)) c.missing++;
    else if (c.type === 'categorical') c.counts[v]++;
    else {
      c.count++;
      c.sum += v;
      c.sumSquares += v * v;
    }
  });
}

/** Element-wise sum: the federation's totals from agencies' statistics for the same schema. */
export function addStatistics(a: TableStatistics, b: TableStatistics): TableStatistics {
  return statisticsFromVectors(a, addVectors(statisticsVectors(a), statisticsVectors(b)));
}

export function statisticsVectors(stats: TableStatistics): StatisticsVectors {
  const counts = [stats.rows];
  const sums: number[] = [];
  for (const c of stats.columns) {
    if (c.type === 'numeric') {
      counts.push(c.count, c.missing);
      sums.push(c.sum, c.sumSquares);
    } else {
      counts.push(c.missing, ...c.counts);
    }
  }
  return { counts, sums };
}

/** The inverse of statisticsVectors, for statistics shaped like `like` (e.g. emptyStatistics of the schema). */
export function statisticsFromVectors(like: TableStatistics, vectors: StatisticsVectors): TableStatistics {
  const { counts, sums } = vectors;
  const expected = statisticsVectors(like);
  if (counts.length !== expected.counts.length || sums.length !== expected.sums.length) {
    throw new RangeError(`statistics vectors of ${counts.length} counts and ${sums.length} sums do not fit this schema's ${expected.counts.length} and ${expected.sums.length}`);
  }
  let ci = 1;
  let si = 0;
  const columns = like.columns.map((c): ColumnStatistics => {
    if (c.type === 'numeric') {
      const out = { type: 'numeric' as const, name: c.name, count: counts[ci], missing: counts[ci + 1], sum: sums[si], sumSquares: sums[si + 1] };
      ci += 2;
      si += 2;
      return out;
    }
    const out = { type: 'categorical' as const, name: c.name, missing: counts[ci], counts: counts.slice(ci + 1, ci + 1 + c.counts.length) };
    ci += 1 + c.counts.length;
    return out;
  });
  return { rows: counts[0], columns };
}

/** The population mean and variance of a numeric column's values; NaN without values. */
export function moments(c: NumericStatistics): { mean: number; variance: number } {
  if (c.count === 0) return { mean: NaN, variance: NaN };
  const mean = c.sum / c.count;
  // E[x^2] - mean^2 can dip below 0 by rounding for a constant column.
  return { mean, variance: Math.max(0, c.sumSquares / c.count - mean * mean) };
}

/** Whether the schema's features need the federation's statistics: a column standardized, or imputed by its mean or mode. */
export function needsStatistics(schema: Schema): boolean {
  return featureColumns(schema).some((c) => (c.type === 'numeric' && (c.standardize || c.missing === 'mean')) || (c.type === 'categorical' && c.missing === 'mode'));
}

/** The normalisation and imputation of `schema`'s features, from the federation's totals. */
export function preprocessingFrom(schema: Schema, totals: TableStatistics): Preprocessing {
  return preprocessingFor(featureColumns(schema), totals);
}

export function preprocessingFor(columns: readonly FeatureColumn[], totals: TableStatistics): Preprocessing {
  if (totals.columns.length !== columns.length) throw new RangeError(`totals hold ${totals.columns.length} columns, the schema ${columns.length} feature columns`);
  return {
    columns: columns.map((c, k) => {
      const t = totals.columns[k];
      if (t.type !== c.type || t.name !== c.name) throw new RangeError(`totals column ${k} is ${t.type} "${t.name}", the schema's is ${c.type} "${c.name}"`);
      return c.type === 'numeric' ? numericTransform(c, t as NumericStatistics) : categoricalTransform(c, t as CategoricalStatistics);
    }),
  };
}

function numericTransform(c: NumericColumn, t: NumericStatistics): NumericTransform {
  const needsValues = c.standardize || c.missing === 'mean';
  if (needsValues && t.count === 0) {
    throw new RangeError(`no agency holds a value of "${c.name}": it can be neither standardized nor imputed by its mean`);
  }
  const { mean, variance } = moments(t);
  const sd = Math.sqrt(variance);
  const impute = c.missing === 'mean' ? mean : typeof c.missing === 'object' ? (c.missing.constant as number) : undefined;
  return {
    type: 'numeric', name: c.name,
    center: c.standardize ? mean : 0,
    // A constant column carries no information; dividing by 1 leaves it at 0 instead of NaN.
    scale: c.standardize && sd > 0 ? sd : 1,
    ...(impute !== undefined ? { impute } : {}),
  };
}

function categoricalTransform(c: CategoricalColumn, t: CategoricalStatistics): CategoricalTransform {
  let impute: number | undefined;
  if (c.missing === 'mode') {
    const top = Math.max(...t.counts);
    if (!(top > 0)) throw new RangeError(`no agency holds a value of "${c.name}": its mode is undefined`);
    impute = t.counts.indexOf(top); // ties: the first slot, the same at every agency
  } else if (typeof c.missing === 'object') {
    impute = categorySlot(c, String(c.missing.constant));
  }
  return { type: 'categorical', name: c.name, slots: slotCount(c), ...(impute !== undefined ? { impute } : {}) };
}

function addVectors(a: StatisticsVectors, b: StatisticsVectors): StatisticsVectors {
  if (a.counts.length !== b.counts.length || a.sums.length !== b.sums.length) throw new RangeError('statistics for different schemas cannot be added');
  return { counts: a.counts.map((v, i) => v + b.counts[i]), sums: a.sums.map((v, i) => v + b.sums[i]) };
}
