// The agency's data as a run uses it (client/run-data.ts): its validation split is seeded by its
// data and the run (the same in every round and across restarts), stratified, at most what its
// policy allows, disjoint from what it trains on, and part of its fingerprint; a table is read by
// the run's schema, and one that does not fit declines with every problem counted.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../bytes/canonical-json.js';
import { readCsv } from '../../client/data/csv.js';
import { RunDataSource, type Source } from '../../client/run-data.js';
import type { Dataset } from '../../ml/dataset.js';
import { featureCount, parseSchema, schemaHash } from '../../ml/schema.js';
import { statisticsVectors } from '../../ml/statistics.js';

const fingerprint = { sha256: 'ab'.repeat(32), schema: { kind: 'test' }, rows: 300, license: 'test' };
const policy = (maxValidationFraction = 0.25, schemas?: string[]) => ({ maxValidationFraction, dataset: { kind: 'table' as const, license: 'test', ...(schemas ? { schemas } : {}) } });

/** 300 examples of 3 classes in proportions 1:2:3, each example's feature its own index. */
const data: Dataset = {
  x: Float32Array.from({ length: 300 }, (_, i) => i),
  y: Int32Array.from({ length: 300 }, (_, i) => (i % 6 === 0 ? 0 : i % 6 < 3 ? 1 : 2)),
  exampleShape: [1], numClasses: 3,
};
const source: Source = { data, fingerprint };
const offer = (runId: string, validationFraction?: number) => ({ runId, ...(validationFraction !== undefined ? { evaluation: { validationFraction } } : {}) });

const schemaText = readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8');
const schema = parseSchema(JSON.parse(schemaText));
const titanic = readFileSync(new URL('../../examples/data/titanic.csv', import.meta.url), 'utf8').trimEnd().split('\n');
const table = (lines: string[]) => ({ table: readCsv({ text: [titanic[0], ...lines].join('\n'), source: 'passengers.csv' }), fingerprint });
const tableOffer = (extra: Record<string, unknown> = {}) => ({ runId: 'r', tableSchema: canonicalJson(schema), evaluation: { validationFraction: 0.2 }, ...extra });

function prepared(result: ReturnType<RunDataSource['forOffer']>) {
  if (!result.ok) throw new Error(`${result.code}: ${result.reason}`);
  return result.data;
}

describe('the validation split', () => {
  it('is seeded by the data and the run, stratified, disjoint from training, and at most the policy\'s share', () => {
    const a = prepared(new RunDataSource(source, policy()).forOffer(offer('run-a', 0.2)));
    expect(a.validation!.y.length).toBe(60);
    const counts = [0, 1, 2].map((c) => a.validation!.y.filter((y) => y === c).length);
    expect(counts).toEqual([10, 20, 30]);
    const seen = [...a.train!.x, ...a.validation!.x].sort((p, q) => p - q);
    expect(seen).toEqual([...data.x]);
    // Another process, the same run: the same split. Another run: another split.
    expect([...prepared(new RunDataSource(source, policy()).forOffer(offer('run-a', 0.2))).validation!.x]).toEqual([...a.validation!.x]);
    expect([...prepared(new RunDataSource(source, policy()).forOffer(offer('run-b', 0.2))).validation!.x]).not.toEqual([...a.validation!.x]);
    // The coordinator asks 0.4; this policy allows 0.1.
    expect(prepared(new RunDataSource(source, policy(0.1)).forOffer(offer('run-a', 0.4))).validation!.y.length).toBe(30);
  });

  it('is part of the fingerprint; without one, the data\'s own fingerprint', () => {
    const none = prepared(new RunDataSource(source, policy()).forOffer(offer('run-a')));
    expect(none.fingerprint).toBe(fingerprint);
    expect(none.validation).toBeUndefined();
    const split = prepared(new RunDataSource(source, policy()).forOffer(offer('run-a', 0.2))).fingerprint;
    expect(split.sha256).not.toBe(fingerprint.sha256);
    expect(split.schema).toMatchObject({ kind: 'test', validation: { fraction: 0.2, examples: 60 } });
    expect(prepared(new RunDataSource(source, policy()).forOffer(offer('run-a', 0.1))).fingerprint.sha256).not.toBe(split.sha256);
  });
});

describe('a table read by the run\'s schema', () => {
  it('fits: the statistics pass gets the training rows\' statistics; a training round the encoded rows, the schema\'s hash in the fingerprint', () => {
    const source = table(titanic.slice(1, 201));
    const stats = prepared(new RunDataSource(source, policy()).forOffer(tableOffer({ kind: 'statistics' })));
    expect(stats.train).toBeUndefined();
    expect(stats.statistics!.rows).toBe(160);
    const totals = canonicalJson(statisticsVectors(stats.statistics!));
    const train = prepared(new RunDataSource(source, policy()).forOffer(tableOffer({ statisticsTotals: totals })));
    expect(train.train!.exampleShape).toEqual([featureCount(schema)]);
    expect([train.train!.y.length, train.validation!.y.length]).toEqual([160, 40]);
    expect(train.fingerprint.schema).toMatchObject({ table: schemaHash(schema) });
  });

  it('does not fit: a malformed row, a new category and a missing label are one decline with each counted', () => {
    const rows = titanic.slice(1, 41);
    rows[3] = rows[3].split(',').slice(0, -2).join(',');          // a row two fields short
    rows[7] = rows[7].replace(/,[SCQ]$/, ',X');                     // a port no vocabulary knows
    rows[9] = rows[9].replace(/,[SCQ]$/, ',X');
    rows[12] = rows[12].replace(/^(\d+),\d,/, '$1,,');             // no label
    const result = new RunDataSource(table(rows), policy()).forOffer(tableOffer());
    expect(result).toMatchObject({ ok: false, code: 'DATA_SCHEMA' });
    const reason = (result as { reason: string }).reason;
    expect(reason).toContain('1 row with a different number of fields from the header (first at line 5');
    expect(reason).toContain('2 rows with an unknown "Embarked" (first at line 9, column 12: "X")');
    expect(reason).toContain('1 row with a missing label "Survived" (first at line 14');
  });

  it('a schema the policy does not pin is declined; a run with a schema and data that is no table too', () => {
    expect(new RunDataSource(table(titanic.slice(1, 41)), policy(0.25, ['00'.repeat(32)])).forOffer(tableOffer())).toMatchObject({ ok: false, code: 'POLICY_SCHEMA' });
    expect(prepared(new RunDataSource(table(titanic.slice(1, 41)), policy(0.25, [schemaHash(schema).toUpperCase()])).forOffer(tableOffer({ kind: 'statistics' }))).schema).toEqual(schema);
    expect(new RunDataSource(source, policy()).forOffer(tableOffer())).toMatchObject({ ok: false, code: 'DATA_SCHEMA' });
    expect(new RunDataSource(table(titanic.slice(1, 41)), policy()).forOffer(tableOffer({ statisticsTotals: '{"counts":[1],"sums":[]}' }))).toMatchObject({ ok: false, code: 'POLICY_OFFER_INVALID' });
  });
});
