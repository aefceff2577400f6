// JSON datasets: an array of {"features": number[], "label": number | string} objects, the
// shape an agency gets from exporting a table or a document store. Other fields (ids, notes)
// are ignored, so such exports need no cleaning first.
import type { Dataset } from '../../ml/dataset.js';
import { DataFormatError } from './errors.js';
import { checkClassNames, checkFeatureNumber, checkLabel, readInput, tabularDataset, type TableInput } from './table.js';

export interface JsonRowsOptions {
  /** Text labels, mapped to their positions here; without it labels must be class indices. */
  readonly classNames?: readonly string[];
}

export function loadJsonRows(input: TableInput, options: JsonRowsOptions = {}): Dataset {
  const { classNames } = options;
  checkClassNames(classNames);
  const { text, source } = readInput(input);
  if (text.trim() === '') throw new DataFormatError(source, '', 'the file is empty');
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (err) {
    throw new DataFormatError(source, '', `not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(rows)) throw new DataFormatError(source, '', `expected a JSON array of rows, found ${describe(rows)}`);
  if (rows.length === 0) throw new DataFormatError(source, '', 'the array holds no rows');

  let featureCount = -1;
  const features: number[] = [];
  const labels: number[] = [];
  rows.forEach((row: unknown, r) => {
    const fail = (where: string, reason: string) => new DataFormatError(source, `rows[${r}]${where}`, reason);
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw fail('', `expected an object with "features" and "label", found ${describe(row)}`);
    }
    const { features: values, label } = row as { features?: unknown; label?: unknown };
    if (!Array.isArray(values)) throw fail('.features', `expected an array of numbers, found ${describe(values)}`);
    if (values.length === 0) throw fail('.features', 'is empty');
    if (featureCount < 0) featureCount = values.length;
    if (values.length !== featureCount) {
      throw fail('.features', `has ${values.length} values, expected ${featureCount} (as in rows[0])`);
    }
    values.forEach((value: unknown, f) => {
      if (typeof value !== 'number') throw fail(`.features[${f}]`, `expected a number, found ${describe(value)}`);
      const checked = checkFeatureNumber(value);
      if ('reason' in checked) throw fail(`.features[${f}]`, checked.reason);
      features.push(checked.value);
    });
    if (label === undefined || label === null) throw fail('.label', 'missing label');
    if (typeof label !== 'number' && typeof label !== 'string') {
      throw fail('.label', `expected a class index or name, found ${describe(label)}`);
    }
    const checked = checkLabel(label, classNames);
    if ('reason' in checked) throw fail('.label', checked.reason);
    labels.push(checked.value);
  });
  return tabularDataset(features, labels, featureCount, classNames);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
