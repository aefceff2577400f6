// The raw Titanic CSV read against its schema: the check pass counts what does not fit, per
// kind and column; three agencies split by port of embarkation (non-IID) add their statistics
// through the exact secure-sum codec, and the federation's means and variances equal the
// pooled ones; every agency then encodes its rows with the same preprocessing.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCsv, type CsvTable } from '../../client/data/csv.js';
import { DataError } from '../../client/data/errors.js';
import { checkTable, encodeTable, keptRows, requireFit, splitTable, tableStatistics } from '../../client/data/tabular.js';
import { featureColumns, parseSchema, type SchemaInput } from '../../ml/schema.js';
import {
  addStatistics, emptyStatistics, moments, preprocessingFrom, statisticsFromVectors, statisticsVectors,
  type NumericStatistics, type TableStatistics,
} from '../../ml/statistics.js';
import { decodeExactSum, encodeExact, limbsFor, type ExactSegment } from '../../secagg/exact.js';

const csvText = readFileSync(new URL('../../examples/data/titanic.csv', import.meta.url), 'utf8');
const schemaJson = JSON.parse(readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8')) as SchemaInput;
const schema = parseSchema(schemaJson);
const [headerLine, ...rowLines] = csvText.trimEnd().split('\n');

/** The CSV with some data lines changed (index 0 = the first passenger). */
function edited(edit: (line: string, i: number) => string | undefined, source = 'agency.csv'): CsvTable {
  const lines = rowLines.flatMap((line, i) => {
    const out = edit(line, i);
    return out === undefined ? [] : [out];
  });
  return readCsv({ text: [headerLine, ...lines].join('\n'), source });
}

/** Replaces one field of a row, quoting as RFC 4180 wants. */
function withField(line: string, column: number, value: string): string {
  const fields = parse(line)[0] as string[];
  fields[column] = value;
  return fields.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
}

const EMBARKED = 11;
const AGE = 5;
const SURVIVED = 1;

describe('checking a raw table against its schema', () => {
  it('takes the whole Titanic CSV: 891 rows, missing Ages and Embarked imputed later', () => {
    const check = checkTable(readCsv({ text: csvText, source: 'titanic.csv' }), schema);
    expect(check.problems).toEqual([]);
    expect(check.rows).toBe(891);
    expect(keptRows(check)).toBe(891);
    expect(check.undeclared).toEqual([]);
    const stats = tableStatistics(check);
    const age = stats.columns.find((c) => c.name === 'Age') as NumericStatistics;
    expect(age).toMatchObject({ count: 714, missing: 177 });
    expect(stats.columns.find((c) => c.name === 'Embarked')).toMatchObject({ counts: [644, 168, 77], missing: 2 });
    expect(stats.columns.find((c) => c.name === 'Sex')).toMatchObject({ counts: [577, 314], missing: 0 });
  });

  it('declines with counts: unknown categories, missing labels, malformed rows, non-numbers', () => {
    const table = edited((line, i) => {
      if (i >= 100 && i < 112) return withField(line, EMBARKED, 'X'); // 12 rows with an unknown Embarked
      if (i === 200 || i === 300 || i === 400) return withField(line, SURVIVED, ''); // 3 missing labels
      if (i === 500) return line.split(',').slice(0, 6).join(','); // a short row: 5 fields, the name holds a comma
      if (i === 600) return withField(line, AGE, 'about 30');
      return line;
    });
    const check = checkTable(table, schema);
    expect(check.problems.map((p) => [p.kind, p.column, p.count])).toEqual([
      ['unknown-category', 'Embarked', 12],
      ['missing-label', 'Survived', 3],
      ['row-length', undefined, 1],
      ['not-a-number', 'Age', 1],
    ]);
    expect(keptRows(check)).toBe(891 - 17);
    let error: unknown;
    try {
      requireFit(check);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).code).toBe('DATA_SCHEMA');
    expect((error as DataError).message).toBe('agency.csv: '
      + '12 rows with an unknown "Embarked" (first at line 102, column 12: "X"); the schema\'s vocabulary: S, C, Q; fix the cells, or add the category to the vocabulary; '
      + '3 rows with a missing label "Survived" (first at line 202, column 2); fill the labels, or declare the label\'s missing rule "drop"; '
      + '1 row with a different number of fields from the header (first at line 502, with 5); fix or remove the short or long rows; '
      + '1 row with a value that is not a number in "Age" (first at line 602, column 6: "about 30"); fix the cells, or declare the column categorical');
  });

  it('names a declared column the header lacks, listing a few header names', () => {
    const table = readCsv({ text: csvText.replace('Embarked', 'Port'), source: 'agency.csv' });
    const check = checkTable(table, schema);
    expect(check.problems).toHaveLength(1);
    expect(() => requireFit(check)).toThrow('agency.csv: no column named "Embarked", which the schema declares (the header has 12 columns: "PassengerId", "Survived", "Pclass", "Name", "Sex", ... (7 more)); fix the header or the schema');
    const lower = checkTable(readCsv({ text: csvText.replace('Embarked', 'embarked') }), schema);
    expect(lower.problems[0].example).toMatch(/^did you mean "embarked"\?/);
  });

  it('applies drop rules and counts the rows they drop', () => {
    const dropping = parseSchema({
      ...schemaJson,
      columns: schemaJson.columns.map((c) => (c.name === 'Age' ? { ...c, missing: 'drop' } : c.name === 'Survived' ? { ...c, missing: 'drop' } : c)),
    });
    const check = checkTable(edited((line, i) => (i === 0 ? withField(line, SURVIVED, '') : line)), dropping);
    expect(check.problems).toEqual([]);
    expect(Object.fromEntries(check.dropped)).toEqual({ Age: 177, Survived: 1 });
    expect(keptRows(check)).toBe(891 - 178);
  });

  it('a missing value under the rule "error" is a problem; the missingValues list says what is missing', () => {
    const strict = parseSchema({ ...schemaJson, columns: schemaJson.columns.map((c) => (c.name === 'Age' ? { ...c, missing: 'error' } : c)) });
    expect(checkTable(readCsv({ text: csvText }), strict).problems).toMatchObject([{ kind: 'missing-value', column: 'Age', count: 177 }]);
    const na = parseSchema({ ...schemaJson, missingValues: ['', 'NA'] });
    const check = checkTable(edited((line, i) => (i < 5 ? withField(line, AGE, 'NA') : line)), na);
    expect(check.problems).toEqual([]);
  });
});

/** Each agency's statistics carried as SecAgg words: counts unsigned, sums fixed point with 24 fractional bits. */
function secureSum(parts: TableStatistics[], like: TableStatistics): TableStatistics {
  const bits = 16;
  const vectors = parts.map(statisticsVectors);
  const countSegment: ExactSegment = { count: vectors[0].counts.length, fractionBits: 0, limbs: limbsFor(2 ** 32, 0, bits, false), signed: false };
  const sumSegment: ExactSegment = { count: vectors[0].sums.length, fractionBits: 24, limbs: limbsFor(1e12, 24, bits, true), signed: true };
  const add = (segment: ExactSegment, pick: (v: (typeof vectors)[number]) => number[]) => {
    const sum = new Uint32Array(segment.count * segment.limbs);
    for (const v of vectors) encodeExact(pick(v), segment, bits).forEach((w, i) => { sum[i] = (sum[i] + w) >>> 0; });
    return decodeExactSum(sum, segment, bits, vectors.length);
  };
  const counts = add(countSegment, (v) => v.counts).map(Number);
  const sums = add(sumSegment, (v) => v.sums).map((t) => Number(t) / 2 ** 24);
  return statisticsFromVectors(like, { counts, sums });
}

/** Mean and population variance in two passes: another algorithm than the sums of the statistics. */
function pooledMoments(check: ReturnType<typeof checkTable>, column: number, width: number): { mean: number; variance: number } {
  const values: number[] = [];
  for (let r = 0; r < keptRows(check); r++) {
    const v = check.cells[r * width + column];
    if (!Number.isNaN(v)) values.push(v);
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, variance: values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length };
}

describe('federated statistics', () => {
  // Non-IID: each agency holds the passengers of one port; the two without a port go to Cherbourg.
  const ports = ['S', 'C', 'Q'];
  const agencies = ports.map((port) => edited((line) => {
    const embarked = line.slice(line.lastIndexOf(',') + 1).trim();
    return embarked === port || (port === 'C' && embarked === '') ? line : undefined;
  }, `agency-${port}.csv`));
  const checks = agencies.map((t) => requireFit(checkTable(t, schema)));
  const pooled = requireFit(checkTable(readCsv({ text: csvText }), schema));
  const columns = featureColumns(schema);

  it('splits the passengers without overlap, and the ports really differ', () => {
    expect(checks.map(keptRows)).toEqual([644, 170, 77]);
    const fareMeans = checks.map((c) => moments(tableStatistics(c).columns[featureColumns(schema).findIndex((f) => f.name === 'Fare')] as NumericStatistics).mean);
    expect(Math.max(...fareMeans) / Math.min(...fareMeans)).toBeGreaterThan(4); // Cherbourg paid far more than Queenstown
  });

  it('give the pooled means and variances within 1e-6, summed through the exact codec', () => {
    const like = emptyStatistics(columns);
    const totals = secureSum(checks.map(tableStatistics), like);
    const plain = checks.map(tableStatistics).reduce(addStatistics);
    expect(totals.rows).toBe(891);
    expect(statisticsVectors(totals).counts).toEqual(statisticsVectors(plain).counts);
    columns.forEach((c, k) => {
      const t = totals.columns[k];
      if (c.type !== 'numeric' || t.type !== 'numeric') {
        expect(t).toEqual(tableStatistics(pooled).columns[k]);
        return;
      }
      const federated = moments(t);
      const reference = pooledMoments(pooled, k, columns.length);
      expect(Math.abs(federated.mean - reference.mean), `${c.name} mean`).toBeLessThan(1e-6);
      expect(Math.abs(federated.variance - reference.variance), `${c.name} variance`).toBeLessThan(1e-6);
    });
    // Known figures of the Titanic data: 714 known ages averaging 29.699 years.
    expect(moments(totals.columns[2] as NumericStatistics).mean).toBeCloseTo(29.6991, 4);
  });

  it('every agency encodes its rows with the same preprocessing: as if the data were pooled', () => {
    const totals = secureSum(checks.map(tableStatistics), emptyStatistics(columns));
    const prep = preprocessingFrom(schema, totals);
    const reference = preprocessingFrom(schema, tableStatistics(pooled));
    prep.columns.forEach((t, k) => {
      const r = reference.columns[k];
      if (t.type === 'numeric' && r.type === 'numeric') {
        expect(Math.abs(t.center - r.center)).toBeLessThan(1e-9);
        expect(Math.abs(t.scale - r.scale)).toBeLessThan(1e-9);
      } else expect(t).toEqual(r);
    });
    expect(prep.columns.find((c) => c.name === 'Embarked')).toEqual({ type: 'categorical', name: 'Embarked', slots: 3, impute: 0 }); // S, the mode
    // Rows are matched by PassengerId: each agency's file numbers its lines anew.
    const passengerOf = (table: CsvTable) => new Map(table.records.map((r) => [r.line, r.fields[0]]));
    const rowsById = (table: CsvTable, check: ReturnType<typeof checkTable>, x: Float32Array) => {
      const ids = passengerOf(table);
      return new Map(Array.from(check.lines, (line, r) => [ids.get(line)!, x.subarray(r * 12, (r + 1) * 12)]));
    };
    const whole = rowsById(readCsv({ text: csvText }), pooled, encodeTable(pooled, reference).x);
    let compared = 0;
    checks.forEach((check, a) => {
      const local = encodeTable(check, prep);
      expect(local.exampleShape).toEqual([12]);
      for (const [id, row] of rowsById(agencies[a], check, local.x)) {
        const expected = whole.get(id)!;
        row.forEach((v, j) => expect(Math.abs(v - expected[j])).toBeLessThan(1e-6));
        compared++;
      }
    });
    expect(compared).toBe(891);
  });

  it('a table split at random keeps every record once', () => {
    const table = readCsv({ text: csvText });
    const { train, test } = splitTable(table, 179, 3);
    expect(test.records.length).toBe(179);
    expect(train.records.length + test.records.length).toBe(891);
    expect(new Set([...train.records, ...test.records].map((r) => r.line)).size).toBe(891);
  });
});

