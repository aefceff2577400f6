// Issue #16, phase 1: the Titanic MLP trained centrally from the raw CSV through the schema
// pipeline (check, statistics, preprocessing, encoding) predicts survival on passengers it never
// saw. The preprocessing comes from the training rows' statistics only, as the federation's
// would. bench/titanic.ts prints the same figures over ten splits.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../client/data/csv.js';
import { checkTable, encodeTable, requireFit, splitTable, tableStatistics } from '../../client/data/tabular.js';
import { initEngine } from '../../ml/engine.js';
import { metricsFrom, metricTotals } from '../../ml/metrics.js';
import { buildModel, tabularModelSpec } from '../../ml/models.js';
import { parseSchema } from '../../ml/schema.js';
import { preprocessingFrom } from '../../ml/statistics.js';
import { trainLocal } from '../../ml/train.js';

beforeAll(async () => {
  await initEngine('wasm');
});

describe('titanic, trained centrally from the raw CSV', () => {
  it('reaches at least 78% held-out accuracy', async () => {
    const schema = parseSchema(JSON.parse(readFileSync(new URL('../../examples/data/titanic.schema.json', import.meta.url), 'utf8')));
    const { train, test } = splitTable(readCsv({ path: new URL('../../examples/data/titanic.csv', import.meta.url).pathname }), 179, 1);
    const [trainRows, testRows] = [train, test].map((t) => requireFit(checkTable(t, schema)));
    const prep = preprocessingFrom(schema, tableStatistics(trainRows));
    const model = await buildModel(tabularModelSpec(schema), 1);
    await trainLocal(model, encodeTable(trainRows, prep), { epochs: 30, batchSize: 32, learningRate: 0.01, optimizer: 'adam', seed: 1 });
    const metrics = metricsFrom(metricTotals(model, encodeTable(testRows, prep)));
    expect(metrics.examples).toBe(179);
    expect(metrics.accuracy).toBeGreaterThanOrEqual(0.78);
    expect(metrics.auc).toBeGreaterThan(0.8);
    model.dispose();
  });
});
