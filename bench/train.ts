// Training throughput of the McMahan et al. MNIST models on the engine Cohort picks, against
// the pure-JS CPU backend in the same process. Prints figures; never passes or fails on time.
// Run after a build: node dist/bench/train.js [--cpu-cnn-batches N]
import { performance } from 'node:perf_hooks';
import type { Dataset } from '../ml/dataset.js';
import { type EngineInfo, type EngineName, initEngine } from '../ml/engine.js';
import { buildModel, type ModelSpec } from '../ml/models.js';
import { seededRandom } from '../ml/random.js';
import { trainLocal } from '../ml/train.js';

const BATCH = 10; // McMahan et al.'s B = 10

interface Row {
  readonly model: string;
  readonly engine: EngineName;
  readonly samples: number;
  readonly seconds: number;
}

/** Random pixels and labels: throughput does not depend on what the digits look like. */
function randomDigits(n: number, exampleShape: number[]): Dataset {
  const random = seededRandom(1);
  const size = exampleShape.reduce((a, b) => a * b, 1);
  return {
    x: Float32Array.from({ length: n * size }, random),
    y: Int32Array.from({ length: n }, () => Math.floor(random() * 10)),
    exampleShape,
    numClasses: 10,
  };
}

async function measure(engine: EngineName, spec: ModelSpec, exampleShape: number[], batches: number): Promise<Row> {
  await initEngine(engine);
  const model = await buildModel(spec, 1);
  const cfg = { epochs: 1, batchSize: BATCH, learningRate: 0.01, seed: 1 };
  // Warm-up batch: wasm allocates and packs on first use. Pure JS has nothing comparable to
  // exclude, and a CNN batch there costs ~10 s, so it is not warmed.
  if (engine !== 'cpu') await trainLocal(model, randomDigits(BATCH, exampleShape), cfg);
  const data = randomDigits(batches * BATCH, exampleShape);
  const start = performance.now();
  await trainLocal(model, data, cfg);
  const seconds = (performance.now() - start) / 1000;
  model.dispose();
  return { model: spec.kind, engine, samples: data.y.length, seconds };
}

function cpuCnnBatches(argv: string[]): number {
  const i = argv.indexOf('--cpu-cnn-batches');
  if (i < 0) return 1; // ~10-25 s a batch of 10 on the pure-JS backend
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`--cpu-cnn-batches must be a positive integer, got ${argv[i + 1]}`);
  return n;
}

function table(rows: Row[], fast: EngineInfo): string {
  const lines = [`${'model'.padEnd(10)} ${'engine'.padEnd(10)} ${'samples'.padStart(7)} ${'seconds'.padStart(8)} ${'samples/s'.padStart(10)}`];
  for (const r of rows) {
    lines.push(`${r.model.padEnd(10)} ${r.engine.padEnd(10)} ${String(r.samples).padStart(7)} ${r.seconds.toFixed(2).padStart(8)} ${(r.samples / r.seconds).toFixed(1).padStart(10)}`);
  }
  for (const model of new Set(rows.map((r) => r.model))) {
    const rate = (engine: EngineName) => {
      const r = rows.find((x) => x.model === model && x.engine === engine)!;
      return r.samples / r.seconds;
    };
    lines.push(`${model}: ${fast.name} is ${(rate(fast.name) / rate('cpu')).toFixed(1)}x the pure-JS cpu backend`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const fast = await initEngine();
  console.log(`engine: ${fast.name}: ${fast.detail}`);
  console.log(`training throughput at batch ${BATCH} (the fast engine's warm-up batch excluded)`);
  const cnn: ModelSpec = { kind: 'mnist-cnn' };
  const nn: ModelSpec = { kind: 'mnist-2nn' };
  const rows: Row[] = [];
  if (fast.name !== 'cpu') {
    rows.push(await measure(fast.name, cnn, [28, 28, 1], 20));
    rows.push(await measure(fast.name, nn, [784], 60));
  }
  rows.push(await measure('cpu', cnn, [28, 28, 1], cpuCnnBatches(process.argv)));
  rows.push(await measure('cpu', nn, [784], 20));
  console.log(fast.name === 'cpu' ? rows.map((r) => JSON.stringify(r)).join('\n') : table(rows, fast));
}

await main();
