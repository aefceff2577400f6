// CSV files of numeric features and one label column (RFC 4180 quoting: fields may be wrapped
// in double quotes to hold commas, newlines, and doubled "" quotes).
import type { Dataset } from '../../ml/dataset.js';
import { DataFormatError } from './format-error.js';
import { checkClassNames, checkFeatureText, checkLabel, readInput, tabularDataset, type TableInput } from './table.js';

export interface CsvOptions {
  /** The label's header name, or its 0-based column index. */
  readonly labelColumn: string | number;
  /** Whether the first record names the columns. Defaults to true. */
  readonly hasHeader?: boolean;
  /** Text labels, mapped to their positions here; without it labels must be class indices. */
  readonly classNames?: readonly string[];
}

/** Every column but the label is a feature, in file order. */
export function loadCsv(input: TableInput, options: CsvOptions): Dataset {
  const { labelColumn, hasHeader = true, classNames } = options;
  checkClassNames(classNames);
  if (typeof labelColumn === 'string' && !hasHeader) {
    throw new TypeError(`labelColumn "${labelColumn}" is a name, but hasHeader is false: give a 0-based column index`);
  }
  if (typeof labelColumn === 'number' && (!Number.isInteger(labelColumn) || labelColumn < 0)) {
    throw new RangeError(`labelColumn must be a column name or a non-negative integer index, got ${labelColumn}`);
  }
  const { text, source } = readInput(input);
  const records = parseCsvRecords(text, source);
  if (records.length === 0) throw new DataFormatError(source, '', 'the file is empty');

  const header = hasHeader ? records[0].fields.map((f) => f.trim()) : undefined;
  const rows = hasHeader ? records.slice(1) : records;
  const columns = header?.length ?? rows[0]?.fields.length ?? 0;
  if (rows.length === 0) throw new DataFormatError(source, '', 'no data rows after the header');
  if (columns < 2) {
    throw new DataFormatError(source, `line ${records[0].line}`, `found ${columns} column; need a label column and at least one feature column`, records[0].line);
  }
  const label = labelIndex(labelColumn, header, columns, source);
  const columnName = (c: number) => `column ${c + 1}${header ? ` ("${header[c]}")` : ''}`;

  const features: number[] = [];
  const labels: number[] = [];
  for (const { line, fields } of rows) {
    const fail = (where: string, reason: string) => new DataFormatError(source, where, reason, line);
    if (fields.length !== columns) {
      throw fail(`line ${line}`, `expected ${columns} columns, found ${fields.length}`);
    }
    fields.forEach((field, c) => {
      if (c === label) {
        const checked = checkLabel(field, classNames);
        if ('reason' in checked) throw fail(`line ${line}, ${columnName(c)}`, checked.reason);
        labels.push(checked.value);
      } else {
        const checked = checkFeatureText(field);
        if ('reason' in checked) throw fail(`line ${line}, ${columnName(c)}`, checked.reason);
        features.push(checked.value);
      }
    });
  }
  return tabularDataset(features, labels, columns - 1, classNames);
}

function labelIndex(labelColumn: string | number, header: string[] | undefined, columns: number, source: string): number {
  if (typeof labelColumn === 'number') {
    if (labelColumn >= columns) {
      throw new RangeError(`labelColumn ${labelColumn} is outside the ${columns} columns (0..${columns - 1}) of ${source}`);
    }
    return labelColumn;
  }
  const matches = header!.flatMap((name, c) => (name === labelColumn ? [c] : []));
  if (matches.length !== 1) {
    throw new DataFormatError(
      source,
      'line 1',
      matches.length === 0
        ? `no column named "${labelColumn}" for labelColumn (header: ${header!.join(', ')})`
        : `labelColumn "${labelColumn}" names ${matches.length} columns`,
      1,
    );
  }
  return matches[0];
}

interface CsvRecord {
  /** The 1-based line the record starts on (a quoted field may span lines). */
  readonly line: number;
  readonly fields: string[];
}

/** Splits CSV text into records; blank lines are skipped. Accepts \n and \r\n line ends. */
function parseCsvRecords(text: string, source: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first field
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        const opened = line;
        field = '';
        i++;
        for (;;) {
          const close = text.indexOf('"', i);
          if (close < 0) throw new DataFormatError(source, `line ${opened}`, 'a quoted field is never closed', opened);
          const chunk = text.slice(i, close);
          line += countNewlines(chunk);
          field += chunk;
          i = close + 1;
          if (text[i] !== '"') break;
          field += '"';
          i++;
        }
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new DataFormatError(source, `line ${line}`, `unexpected "${text[i]}" after a closing quote`, line);
        }
      } else {
        let end = i;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
        field = text.slice(i, end);
        if (field.includes('"')) {
          throw new DataFormatError(source, `line ${line}`, 'a quote inside an unquoted field; quote the whole field and double the inner quote', line);
        }
        i = end;
      }
      fields.push(field);
      if (text[i] !== ',') break;
      i++;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank = fields.length === 1 && fields[0].trim() === '';
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) n++;
  return n;
}
