// Titanic survival, trained centrally from the raw CSV through the schema pipeline (issue #16,
// phase 1): held-out accuracy, balanced accuracy and AUC over ten random 712/179 splits, and the
// time per training. Prints figures; never passes or fails. Run after a build:
// node dist/bench/titanic.js [--splits N] [--epochs N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readCsv } from '../client/data/csv.js';
import { checkTable, encodeTable, requireFit, splitTable, tableStatistics } from '../client/data/tabular.js';
import { initEngine } from '../ml/engine.js';
import { metricsFrom, metricTotals, type Metrics } from '../ml/metrics.js';
import { buildModel, tabularModelSpec } from '../ml/models.js';
import { parseSchema } from '../ml/schema.js';
import { preprocessingFrom } from '../ml/statistics.js';
import { trainLocal } from '../ml/train.js';

// dist/bench/ -> the repository's examples/data/.
const DATA = fileURLToPath(new URL('../../examples/data/', import.meta.url));

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const engine = await initEngine();
  const splits = flag('--splits', 10);
  const epochs = flag('--epochs', 30);
  const schema = parseSchema(JSON.parse(readFileSync(`${DATA}titanic.schema.json`, 'utf8')));
  const table = readCsv({ path: `${DATA}titanic.csv` });
  console.log(`engine: ${engine.detail}`);
  console.log(`tabular-mlp ${tabularModelSpec(schema).hidden.join('-')}, Adam lr 0.01, batch 32, ${epochs} epochs; 179 held-out passengers per split`);
  console.log(`${'split'.padStart(5)} ${'accuracy'.padStart(9)} ${'balanced'.padStart(9)} ${'AUC'.padStart(6)} ${'loss'.padStart(6)} ${'train s'.padStart(8)}`);
  const results: Metrics[] = [];
  for (let seed = 1; seed <= splits; seed++) {
    const { train, test } = splitTable(table, 179, seed);
    const [trainRows, testRows] = [train, test].map((t) => requireFit(checkTable(t, schema)));
    const prep = preprocessingFrom(schema, tableStatistics(trainRows));
    const model = await buildModel(tabularModelSpec(schema), seed);
    const start = performance.now();
    await trainLocal(model, encodeTable(trainRows, prep), { epochs, batchSize: 32, learningRate: 0.01, optimizer: 'adam', seed });
    const seconds = (performance.now() - start) / 1000;
    const m = metricsFrom(metricTotals(model, encodeTable(testRows, prep)));
    model.dispose();
    results.push(m);
    console.log(`${String(seed).padStart(5)} ${m.accuracy!.toFixed(3).padStart(9)} ${m.balancedAccuracy!.toFixed(3).padStart(9)} ${m.auc!.toFixed(3).padStart(6)} ${m.loss.toFixed(3).padStart(6)} ${seconds.toFixed(2).padStart(8)}`);
  }
  const accuracies = results.map((m) => m.accuracy!);
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  console.log(`accuracy: mean ${mean.toFixed(3)}, min ${Math.min(...accuracies).toFixed(3)}, max ${Math.max(...accuracies).toFixed(3)} over ${splits} splits`);
}

await main();
