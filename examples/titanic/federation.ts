// The titanic federation (issue #16): the raw passenger list split by port of embarkation into
// three agencies' CSV files (Southampton 644 passengers, Cherbourg 170 with the two whose port is
// unknown, Queenstown 77: different classes, fares and survival rates, so the split is non-IID),
// each agency's policy reading its file as a table by the run's schema (run.json). The
// coordinator holds no data; for the demo's comparison only, a seeded random 179 passengers are
// set aside before the split, and the coordinator evaluates on them with the federation's
// preprocessing. The federated metrics come from the agencies alone.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsv, type CsvTable } from '../../client/data/csv.js';
import { checkTable, encodeTable, requireFit, splitTable } from '../../client/data/tabular.js';
import type { RunConfig } from '../../coordinator/run-config.js';
import type { Dataset } from '../../ml/dataset.js';
import { featureColumns, type Schema } from '../../ml/schema.js';
import { emptyStatistics, preprocessingFrom, statisticsFromVectors } from '../../ml/statistics.js';
import { DEFAULT_MNIST_SPLIT } from '../../client/data/source.js';
import { prepareLocalFederation, type LocalFederation } from '../local-federation.js';

// The repository's examples/: two folders up from dist/examples/titanic/, one from examples/titanic/.
const HERE = fileURLToPath(import.meta.url);
const EXAMPLES = HERE.includes(`${sep}dist${sep}`) ? new URL('../../../examples/', import.meta.url) : new URL('../', import.meta.url);
export const TITANIC_CSV = fileURLToPath(new URL('data/titanic.csv', EXAMPLES));
export const TITANIC_RUN = fileURLToPath(new URL('titanic/run.json', EXAMPLES));

export const PORTS = [
  { agency: 'agency-1', name: 'Southampton', ports: ['S'] },
  { agency: 'agency-2', name: 'Cherbourg', ports: ['C', ''] },
  { agency: 'agency-3', name: 'Queenstown', ports: ['Q'] },
] as const;

/** Passengers the coordinator holds out for the demo's comparison. */
export const HELD_OUT = 179;
const LICENSE = 'Titanic passenger list, public teaching data (Data Science Dojo, Kaggle)';

export interface TitanicSplit {
  /** Each agency's raw CSV text (the header, then its passengers' lines as written). */
  readonly agencies: { agency: string; name: string; text: string; passengers: number }[];
  /** The coordinator's held-out passengers, as a table. */
  readonly heldOut: CsvTable;
}

/** The raw passenger list split: `heldOut` passengers set aside (seeded), the rest by port of embarkation. */
export function splitTitanic(seed: number, heldOut = HELD_OUT, path = TITANIC_CSV): TitanicSplit {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const { train, test } = splitTable(readCsv({ text, source: path }), heldOut, seed);
  const port = train.header!.indexOf('Embarked');
  const agencies = PORTS.map(({ agency, name, ports }) => {
    // Each record is one line of the file (no field of this list spans lines): copied as written.
    const mine = train.records.filter((r) => (ports as readonly string[]).includes(r.fields[port].trim()));
    return { agency, name, text: [lines[0], ...mine.map((r) => lines[r.line - 1])].join('\n') + '\n', passengers: mine.length };
  });
  return { agencies, heldOut: test };
}

/**
 * The federation on disk: each agency's CSV beside its policy (a table dataset, the run's model
 * and purpose), the coordinator's identity and enrolment (examples/local-federation.ts).
 */
export async function prepareTitanicFederation(dir: string, config: RunConfig, split: TitanicSplit): Promise<LocalFederation> {
  await mkdir(join(dir, 'agencies'), { recursive: true });
  for (const a of split.agencies) {
    await mkdir(join(dir, 'agencies', a.agency), { recursive: true });
    await writeFile(join(dir, 'agencies', a.agency, 'passengers.csv'), a.text);
  }
  return prepareLocalFederation(dir, config, { ...DEFAULT_MNIST_SPLIT, agencies: split.agencies.length }, (i, policy) => ({
    ...policy,
    models: ['tabular-mlp'],
    dataset: { kind: 'table', path: 'passengers.csv', license: LICENSE },
  }));
}

/** The held-out passengers encoded with the federation's preprocessing, once its statistics are known. */
export function heldOutEncoder(schema: Schema, heldOut: CsvTable): (statisticsTotals: string | undefined) => Dataset | undefined {
  const rows = requireFit(checkTable(heldOut, schema));
  return (statisticsTotals) => {
    if (statisticsTotals === undefined) return undefined;
    const totals = statisticsFromVectors(emptyStatistics(featureColumns(schema)), JSON.parse(statisticsTotals) as { counts: number[]; sums: number[] });
    return encodeTable(rows, preprocessingFrom(schema, totals));
  };
}
