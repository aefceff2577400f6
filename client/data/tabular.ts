// An agency's raw table read against the run's schema, in three steps: check every row (one
// pass that counts each kind of problem, so the agency can decline with "12 rows with an
// unknown Embarked" instead of failing mid-round), take the local statistics of the rows it
// keeps (ml/statistics.ts: summed across the federation under secure aggregation), and encode
// those rows into features with the preprocessing every agency derives from the federation's
// totals.
import { type Dataset } from '../../ml/dataset.js';
import { seededRandom, shuffledIndices } from '../../ml/random.js';
import {
  categorySlot, featureColumns, labelColumn,
  type FeatureColumn, type LabelColumn, type Schema,
} from '../../ml/schema.js';
import { accumulateRow, emptyStatistics, type Preprocessing, type TableStatistics } from '../../ml/statistics.js';
import type { CsvTable } from './csv.js';
import { DataError } from './errors.js';
import { checkFeatureText } from './table.js';

export type ProblemKind =
  | 'missing-column'
  | 'row-length'
  | 'not-a-number'
  | 'unknown-category'
  | 'missing-value'
  | 'missing-label'
  | 'unknown-class';

/** Rows with one kind of problem in one column, counted, with the first for the message. */
export interface Problem {
  readonly kind: ProblemKind;
  /** The column's name, for every kind but row-length. */
  readonly column?: string;
  count: number;
  /** Where the first was seen, e.g. `line 9, column 6`. */
  readonly first: string;
  /** The first offending cell text, or the first short row's field count. */
  readonly example?: string;
  /** For unknown categories and classes: what was expected. */
  readonly expected?: readonly string[];
}

/** The columns a schema declares, found in a table: header position of each of `schema.columns`, -1 if absent. */
export interface BoundSchema {
  readonly schema: Schema;
  readonly positions: readonly number[];
}

export interface TableCheck {
  readonly source: string;
  readonly schema: Schema;
  /** Data rows read (after the header, blank lines skipped). */
  readonly rows: number;
  /** Rows a `drop` rule removed, per column that caused it (a row counts once, at its first). */
  readonly dropped: ReadonlyMap<string, number>;
  /** Non-empty: the table does not fit the schema. */
  readonly problems: readonly Problem[];
  /** Header columns the schema does not declare: not used. */
  readonly undeclared: readonly string[];
  /** Kept rows: one value per feature column (number, or category slot; NaN where missing), row-major. */
  readonly cells: Float64Array;
  /** Kept rows' labels: class index, or the target for regression. */
  readonly labels: Float64Array;
  /** Kept rows' line numbers in the file. */
  readonly lines: Int32Array;
}

const MAX_LISTED = 5;

/** Binds the schema to the header and checks every row. */
export function checkTable(table: CsvTable, schema: Schema): TableCheck {
  const bound = bindSchema(table, schema);
  return 'problems' in bound ? failedCheck(table, schema, bound.problems) : checkRows(table, bound);
}

/** Finds each declared column in the header; a missing one is a problem naming it. */
export function bindSchema(table: CsvTable, schema: Schema): BoundSchema | { problems: Problem[] } {
  const header = table.header;
  if (!header) throw new TypeError('a schema names its columns: the table must have a header row');
  const problems: Problem[] = [];
  const positions = schema.columns.map((c) => {
    const at = header.indexOf(c.name);
    if (at < 0 && c.type !== 'ignore') {
      const near = header.find((h) => h.toLowerCase() === c.name.toLowerCase());
      problems.push({
        kind: 'missing-column', column: c.name, count: 1, first: 'line 1',
        example: `${near !== undefined ? `did you mean "${near}"? ` : ''}the header has ${header.length} columns: ${listSome(header.map((h) => `"${h}"`))}`,
      });
    }
    return at;
  });
  return problems.length > 0 ? { problems } : { schema, positions };
}

/** What a cell holds: a value (number, category slot, class index), 'missing', or a problem. */
type Cell = number | 'missing' | { readonly kind: ProblemKind; readonly expected?: readonly string[] };

interface CellReader {
  readonly name: string;
  /** Header position. */
  readonly at: number;
  readonly missing: FeatureColumn['missing'] | LabelColumn['missing'];
  readonly missingKind: ProblemKind;
  read(text: string): Cell;
}

/** One pass over the rows: counts problems, applies missing-value rules, keeps the rest. */
export function checkRows(table: CsvTable, bound: BoundSchema): TableCheck {
  const { schema } = bound;
  const readers = cellReaders(bound);
  const f = readers.length - 1; // the features, then the label
  const width = table.header?.length ?? table.records[0]?.fields.length ?? 0;
  const missingTexts = new Set(schema.missingValues.map((t) => t.trim()));
  const problems = new Map<string, Problem>();
  const note = (kind: ProblemKind, column: string | undefined, first: string, example?: string, expected?: readonly string[]) => {
    const seen = problems.get(`${kind}\u0000${column ?? ''}`);
    if (seen) seen.count++;
    else problems.set(`${kind}\u0000${column ?? ''}`, { kind, column, count: 1, first, example, expected });
  };
  const dropped = new Map<string, number>();
  const kept: { cells: number[]; labels: number[]; lines: number[] } = { cells: [], labels: [], lines: [] };
  const row = new Float64Array(readers.length);

  for (const { line, fields } of table.records) {
    if (fields.length !== width) {
      note('row-length', undefined, `line ${line}`, String(fields.length));
      continue;
    }
    let bad = false;
    let dropBy: string | undefined;
    readers.forEach((c, k) => {
      const text = fields[c.at].trim();
      const cell = missingTexts.has(text) ? 'missing' : c.read(text);
      row[k] = typeof cell === 'number' ? cell : NaN;
      if (cell === 'missing') {
        if (c.missing === 'drop') dropBy ??= c.name;
        if (c.missing !== 'error') return; // imputed once the federation's statistics are known
        note(c.missingKind, c.name, `line ${line}, column ${c.at + 1}`);
        bad = true;
      } else if (typeof cell === 'object') {
        note(cell.kind, c.name, `line ${line}, column ${c.at + 1}`, text, cell.expected);
        bad = true;
      }
    });
    if (bad) continue;
    if (dropBy !== undefined) {
      dropped.set(dropBy, (dropped.get(dropBy) ?? 0) + 1);
      continue;
    }
    for (let k = 0; k < f; k++) kept.cells.push(row[k]);
    kept.labels.push(row[f]);
    kept.lines.push(line);
  }
  const declared = new Set(schema.columns.map((c) => c.name));
  return {
    source: table.source, schema, rows: table.records.length, dropped, problems: [...problems.values()],
    undeclared: (table.header ?? []).filter((h) => !declared.has(h)),
    cells: Float64Array.from(kept.cells), labels: Float64Array.from(kept.labels), lines: Int32Array.from(kept.lines),
  };
}

/** A reader per feature column, in feature order, then one for the label. By position: plain CSV headers may repeat a name. */
function cellReaders({ schema, positions }: BoundSchema): CellReader[] {
  const features: CellReader[] = [];
  let label: CellReader | undefined;
  schema.columns.forEach((column, i) => {
    const at = positions[i];
    if (column.type === 'numeric' || column.type === 'categorical') {
      features.push({ name: column.name, at, missing: column.missing, missingKind: 'missing-value', read: (text) => readFeature(text, column) });
    } else if (column.type === 'label') {
      label = { name: column.name, at, missing: column.missing, missingKind: 'missing-label', read: (text) => readLabel(text, column, schema) };
    }
  });
  return [...features, label!];
}

function readFeature(text: string, column: FeatureColumn): Cell {
  if (column.type === 'categorical') return categorySlot(column, text) ?? { kind: 'unknown-category', expected: column.vocabulary };
  const checked = checkFeatureText(text);
  return 'reason' in checked ? { kind: 'not-a-number' } : checked.value;
}

/** A class index, or a regression target. */
function readLabel(text: string, label: LabelColumn, schema: Schema): Cell {
  if (schema.task === 'regression') {
    const checked = checkFeatureText(text);
    return 'reason' in checked ? { kind: 'not-a-number' } : checked.value;
  }
  if (label.classes) {
    const index = label.classes.indexOf(text);
    return index >= 0 ? index : { kind: 'unknown-class', expected: label.classes };
  }
  // Class indices, written as such.
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : { kind: 'unknown-class', expected: ['a class index: 0, 1, 2, ...'] };
}

function failedCheck(table: CsvTable, schema: Schema, problems: Problem[]): TableCheck {
  return {
    source: table.source, schema, rows: table.records.length, dropped: new Map(), problems, undeclared: [],
    cells: new Float64Array(0), labels: new Float64Array(0), lines: new Int32Array(0),
  };
}

/** Kept rows. */
export function keptRows(check: TableCheck): number {
  return check.lines.length;
}

/** The kept rows at `indices` (a split of them), as a check of their own: problems, drops and counts stay the whole table's. */
export function subsetRows(check: TableCheck, indices: readonly number[]): TableCheck {
  const f = featureColumns(check.schema).length;
  const cells = new Float64Array(indices.length * f);
  indices.forEach((r, i) => cells.set(check.cells.subarray(r * f, (r + 1) * f), i * f));
  return {
    ...check,
    cells,
    labels: Float64Array.from(indices, (r) => check.labels[r]),
    lines: Int32Array.from(indices, (r) => check.lines[r]),
  };
}

/** One sentence per problem, e.g. `12 rows with an unknown "Embarked" (first at line 5, column 12: "X"; expected one of S, C, Q)`. */
export function describeProblem(p: Problem): string {
  const rows = `${p.count} row${p.count === 1 ? '' : 's'}`;
  const column = `"${p.column}"`;
  const text = p.example !== undefined ? `: "${p.example}"` : '';
  switch (p.kind) {
    case 'missing-column':
      return `no column named ${column}, which the schema declares (${p.example}); fix the header or the schema`;
    case 'row-length':
      return `${rows} with a different number of fields from the header (first at ${p.first}, with ${p.example}); fix or remove the short or long rows`;
    case 'not-a-number':
      return `${rows} with a value that is not a number in ${column} (first at ${p.first}${text}); fix the cells, or declare the column categorical`;
    case 'unknown-category':
      return `${rows} with an unknown ${column} (first at ${p.first}${text}); the schema's vocabulary: ${listSome(p.expected ?? [])}; fix the cells, or add the category to the vocabulary`;
    case 'missing-value':
      return `${rows} with a missing ${column} (first at ${p.first}), which the schema's rule "error" refuses; fill the cells, or declare a rule (drop, mean, mode, constant)`;
    case 'missing-label':
      return `${rows} with a missing label ${column} (first at ${p.first}); fill the labels, or declare the label's missing rule "drop"`;
    case 'unknown-class':
      return `${rows} with a label ${column} outside its classes (first at ${p.first}${text}); expected ${listSome(p.expected ?? [])}`;
  }
}

/** The whole report in one message, or undefined when the table fits. */
export function describeProblems(check: TableCheck): string | undefined {
  if (check.problems.length === 0) return undefined;
  return `${check.source}: ${check.problems.map(describeProblem).join('; ')}`;
}

/** Throws DATA_SCHEMA with every problem counted, unless the table fits. */
export function requireFit(check: TableCheck): TableCheck {
  const message = describeProblems(check);
  if (message !== undefined) throw new DataError('DATA_SCHEMA', message);
  if (keptRows(check) === 0) throw new DataError('DATA_SCHEMA', `${check.source}: no rows left to train on (${check.rows} read, all dropped by missing-value rules)`);
  return check;
}

/** The agency's share of the federated statistics: over the rows it keeps, before imputation. */
export function tableStatistics(check: TableCheck): TableStatistics {
  const columns = featureColumns(check.schema);
  const stats = emptyStatistics(columns);
  const f = columns.length;
  for (let r = 0; r < keptRows(check); r++) accumulateRow(stats, check.cells.subarray(r * f, (r + 1) * f));
  return stats;
}

/** Features for the kept rows: numeric columns centred and scaled, categories one-hot, gaps imputed. */
export function encodeTable(check: TableCheck, prep: Preprocessing): Dataset {
  requireFit(check);
  const columns = featureColumns(check.schema);
  checkPreprocessing(columns, prep);
  const width = prep.columns.reduce((n, t) => n + (t.type === 'numeric' ? 1 : t.slots), 0);
  const n = keptRows(check);
  const x = new Float32Array(n * width);
  for (let r = 0; r < n; r++) {
    let at = r * width;
    prep.columns.forEach((t, k) => {
      let v = check.cells[r * columns.length + k];
      if (Number.isNaN(v)) {
        // Only imputing rules let a missing cell through the check.
        if (t.impute === undefined) throw new Error(`line ${check.lines[r]}: "${t.name}" is missing and nothing imputes it`);
        v = t.impute;
      }
      if (t.type === 'numeric') x[at++] = (v - t.center) / t.scale;
      else {
        x[at + v] = 1;
        at += t.slots;
      }
    });
  }
  const regression = check.schema.task === 'regression';
  const classes = labelColumn(check.schema).classes;
  return {
    x,
    y: regression ? Float32Array.from(check.labels) : Int32Array.from(check.labels),
    exampleShape: [width],
    numClasses: regression ? 0 : classes ? classes.length : check.labels.reduce((a, b) => Math.max(a, b), -1) + 1,
  };
}

function checkPreprocessing(columns: readonly FeatureColumn[], prep: Preprocessing): void {
  if (prep.columns.length !== columns.length || prep.columns.some((t, k) => t.name !== columns[k].name || t.type !== columns[k].type)) {
    throw new RangeError('the preprocessing was derived for another schema');
  }
}

/** "a", "b", "c", ... and N more: never a wall of 785 names. */
export function listSome(items: readonly string[]): string {
  if (items.length <= MAX_LISTED) return items.join(', ');
  return `${items.slice(0, MAX_LISTED).join(', ')}, ... (${items.length - MAX_LISTED} more)`;
}

/** A seeded random split of the table's records: `testCount` to `test`, the rest to `train`, each in file order. */
export function splitTable(table: CsvTable, testCount: number, seed: number): { train: CsvTable; test: CsvTable } {
  const n = table.records.length;
  if (!Number.isInteger(testCount) || testCount < 1 || testCount >= n) throw new RangeError(`testCount must be an integer in 1..${n - 1}, got ${testCount}`);
  const isTest = new Uint8Array(n);
  for (const i of shuffledIndices(n, seededRandom(seed)).slice(0, testCount)) isTest[i] = 1;
  const part = (flag: number): CsvTable => ({ ...table, records: table.records.filter((_, i) => isTest[i] === flag) });
  return { train: part(0), test: part(1) };
}
