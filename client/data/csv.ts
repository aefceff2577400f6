// CSV files (RFC 4180: fields may be quoted to hold commas, newlines and doubled "" quotes),
// parsed by csv-parse. Two ways in: against a declared schema (tabular.ts), or the plain form
// where every column but the label is a number and labels are class indices or names.
import { CsvError, parse } from 'csv-parse/sync';
import type { Dataset } from '../../ml/dataset.js';
import type { FeatureColumn, LabelColumn, Schema } from '../../ml/schema.js';
import { preprocessingFor } from '../../ml/statistics.js';
import { DataFormatError } from './errors.js';
import { checkClassNames, readInput, type TableInput } from './table.js';
import { checkRows, encodeTable, listSome, tableStatistics, requireFit } from './tabular.js';

export interface CsvRecord {
  /** The 1-based line the record starts on (a quoted field may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvTable {
  /** The file path, or a caller-given name for in-memory text. */
  readonly source: string;
  /** The first record's fields, trimmed, when the file has a header. */
  readonly header?: readonly string[];
  /** Data records; blank lines are skipped. */
  readonly records: readonly CsvRecord[];
}

/** Reads CSV text into records. Malformed CSV (an unclosed quote...) is a DataFormatError naming the line. */
export function readCsv(input: TableInput, hasHeader = true): CsvTable {
  const { text, source } = readInput(input);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // With info: true each record comes as {record, info}; the sync typings do not say so.
    parsed = parse(text, {
      bom: true, info: true, relax_column_count: true, skip_empty_lines: true,
      // Each record ends at \n or \r\n, whatever the first line used.
      record_delimiter: ['\r\n', '\n'],
    }) as unknown as typeof parsed;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw new DataFormatError(source, line !== undefined ? `line ${line}` : '', `not valid CSV: ${err.message.replace(/ at line \d+/, '')}`, line);
  }
  // info.lines is where the record ends; count back over newlines inside its quoted fields.
  const records = parsed
    .map(({ record, info }) => ({ line: info.lines - newlines(record), fields: record }))
    .filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
  if (records.length === 0) throw new DataFormatError(source, '', 'the file is empty');
  if (!hasHeader) return { source, records };
  const [first, ...rows] = records;
  if (rows.length === 0) throw new DataFormatError(source, '', 'no data rows after the header');
  return { source, header: first.fields.map((f) => f.trim()), records: rows };
}

export interface CsvOptions {
  /** The label's header name, or its 0-based column index. */
  readonly labelColumn: string | number;
  /** Whether the first record names the columns. Defaults to true. */
  readonly hasHeader?: boolean;
  /** Text labels, mapped to their positions here; without it labels must be class indices. */
  readonly classNames?: readonly string[];
}

/**
 * The plain form: every column but the label is a numeric feature, in file order, used as
 * written; labels are class indices, or names mapped by `classNames`. Every row is checked and
 * problems are counted per kind and column (DataError DATA_SCHEMA).
 */
export function loadCsv(input: TableInput, options: CsvOptions): Dataset {
  const { labelColumn, hasHeader = true, classNames } = options;
  checkClassNames(classNames);
  if (typeof labelColumn === 'string' && !hasHeader) {
    throw new TypeError(`labelColumn "${labelColumn}" is a name, but hasHeader is false: give a 0-based column index`);
  }
  if (typeof labelColumn === 'number' && (!Number.isInteger(labelColumn) || labelColumn < 0)) {
    throw new RangeError(`labelColumn must be a column name or a non-negative integer index, got ${labelColumn}`);
  }
  const table = readCsv(input, hasHeader);
  const names = table.header ?? table.records[0].fields.map((_, c) => `column ${c + 1}`);
  if (names.length < 2) {
    throw new DataFormatError(table.source, 'line 1', `found ${names.length} column; need a label column and at least one feature column`, 1);
  }
  const label = labelIndex(labelColumn, names, table);
  // The plain form as a schema bound by position: header names may repeat, or be absent.
  const columns = names.map((name, c): FeatureColumn | LabelColumn => (c === label
    ? { name, type: 'label', missing: 'error', ...(classNames ? { classes: [...classNames] } : {}) }
    : { name, type: 'numeric', missing: 'error', standardize: false }));
  const schema: Schema = { task: 'multiclass', columns, missingValues: [''] };
  const check = requireFit(checkRows(table, { schema, positions: names.map((_, c) => c) }));
  const features = columns.filter((c): c is FeatureColumn => c.type !== 'label');
  return encodeTable(check, preprocessingFor(features, tableStatistics(check)));
}

function labelIndex(labelColumn: string | number, names: readonly string[], table: CsvTable): number {
  if (typeof labelColumn === 'number') {
    if (labelColumn >= names.length) {
      throw new RangeError(`labelColumn ${labelColumn} is outside the ${names.length} columns (0..${names.length - 1}) of ${table.source}`);
    }
    return labelColumn;
  }
  const matches = names.flatMap((name, c) => (name === labelColumn ? [c] : []));
  if (matches.length === 1) return matches[0];
  const near = names.find((n) => n.toLowerCase() === labelColumn.toLowerCase());
  throw new DataFormatError(
    table.source,
    'line 1',
    matches.length === 0
      ? `no column named "${labelColumn}" for the label (dataset.labelColumn)${near !== undefined ? `; did you mean "${near}"?` : ''}; the header has ${names.length} columns: ${listSome(names.map((n) => `"${n}"`))}`
      : `the label column "${labelColumn}" (dataset.labelColumn) names ${matches.length} columns`,
    1,
  );
}

function newlines(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) for (let k = field.indexOf('\n'); k >= 0; k = field.indexOf('\n', k + 1)) n++;
  return n;
}
