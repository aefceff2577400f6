// Federated feature statistics (issue #16): three agencies (the Titanic list split by port)
// each encode their statistics as the statistics pass's input (proto/update-vector.ts: counts as
// integers, sums as signed fixed point), the cohort's words are added mod 2^32 as SecAgg+ leaves
// them once the masks cancel, and the decoded totals give the same means, variances and
// category counts as the pooled table, within 1e-6. The same with real masking and real
// processes: test/e2e/titanic.test.ts.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCsv } from '../../client/data/csv.js';
import { checkTable, requireFit, tableStatistics } from '../../client/data/tabular.js';
import { splitTitanic } from '../../examples/titanic/federation.js';
import { featureColumns, parseSchema } from '../../ml/schema.js';
import { emptyStatistics, moments, statisticsFromVectors, statisticsVectors, type NumericStatistics, type TableStatistics } from '../../ml/statistics.js';
import { decodeUpdateSum, encodeUpdate, updateVectorOf } from '../../proto/update-vector.js';
import { encodeParams } from '../../proto/secagg-codec.js';

const schema = parseSchema(JSON.parse(readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8')));
const params = { threshold: 2, degree: 2, clipRange: 1, bits: 20 };

const statisticsOf = (text: string): TableStatistics => tableStatistics(requireFit(checkTable(readCsv({ text }), schema)));

describe('the statistics pass', () => {
  it('the federated means and variances equal the pooled ones within 1e-6, the counts exactly', () => {
    const { agencies } = splitTitanic(1);
    const own = agencies.map((a) => statisticsOf(a.text));
    const like = emptyStatistics(featureColumns(schema));
    const shape = statisticsVectors(like);
    const offer = {
      runId: 'r', round: 1, kind: 'statistics', weights: new Uint8Array(0), secagg: encodeParams(params),
      input: { statisticsCounts: shape.counts.length, statisticsSums: shape.sums.length },
    };
    const vector = updateVectorOf(offer);
    const inputs = own.map((s) => encodeUpdate(vector, params, new Float32Array(0), 1, { statistics: statisticsVectors(s) }));
    const summed = inputs.reduce((acc, v) => acc.map((w, i) => (w + v[i]) >>> 0));
    const totals = decodeUpdateSum(vector, params, summed, 3).parts.statistics!;
    const federated = statisticsFromVectors(like, { counts: [...totals.counts], sums: [...totals.sums] });

    const [header, ...rest] = agencies.map((a) => a.text.trimEnd().split('\n'));
    const pooled = statisticsOf([...header, ...rest.flatMap((lines) => lines.slice(1))].join('\n'));
    expect(federated.rows).toBe(pooled.rows);
    expect(pooled.rows).toBe(891 - 179);
    federated.columns.forEach((c, k) => {
      const p = pooled.columns[k];
      if (c.type === 'categorical') {
        expect(c).toEqual(p);
        return;
      }
      const [f, q] = [moments(c), moments(p as NumericStatistics)];
      expect({ count: c.count, missing: c.missing }).toEqual({ count: (p as NumericStatistics).count, missing: (p as NumericStatistics).missing });
      expect(Math.abs(f.mean - q.mean), c.name).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(f.variance - q.variance) / Math.max(1, q.variance), c.name).toBeLessThanOrEqual(1e-6);
    });
    // Not a check that passes anyway: one agency's statistics alone are far from the pooled ones.
    const fare = (s: TableStatistics) => moments(s.columns.find((c) => c.name === 'Fare') as NumericStatistics).mean;
    expect(Math.abs(fare(own[2]) - fare(pooled))).toBeGreaterThan(1);
  });
});

describe('examples/titanic/run.json', () => {
  it('declares the example schema (examples/data/titanic.schema.json), so the two cannot drift apart', () => {
    const run = JSON.parse(readFileSync(new URL('../../examples/titanic/run.json', import.meta.url), 'utf8')) as { schema: unknown };
    expect(parseSchema(run.schema)).toEqual(schema);
  });
});
