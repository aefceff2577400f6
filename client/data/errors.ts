// The errors for an agency's data, each with a stable code the client prints at start-up and
// declines a round with: they name the file, where in it, what is wrong and how to fix it, so
// that whoever runs the client can fix the data without reading loader code.

export type DataErrorCode =
  /** The dataset file cannot be read (missing, a directory, no permission). */
  | 'DATA_FILE'
  /** The file is not well-formed CSV or JSON. */
  | 'DATA_FORMAT'
  /** Rows or columns do not fit the schema (non-numeric cells, unknown categories, missing labels...). */
  | 'DATA_SCHEMA'
  /** The examples do not fit the model's input or output. */
  | 'DATA_SHAPE'
  /** Labels outside what the model predicts. */
  | 'DATA_LABELS'
  /** Values whose sums a statistics pass cannot carry (beyond 2^40). */
  | 'DATA_RANGE';

export class DataError extends Error {
  override name = 'DataError';

  constructor(readonly code: DataErrorCode, message: string) {
    super(message);
  }
}

/** Malformed data at one place in a file: it names the file, where in it, and why. */
export class DataFormatError extends DataError {
  override name = 'DataFormatError';

  constructor(
    /** The file path, or a caller-given name for in-memory text. */
    readonly source: string,
    /** Where in the source, e.g. `line 7, column 3 ("age")` or `rows[4].features[2]`. */
    readonly where: string,
    readonly reason: string,
    /** 1-based line number, where the format has lines (CSV). */
    readonly line?: number,
  ) {
    super('DATA_FORMAT', `${source}${where ? `, ${where}` : ''}: ${reason}`);
  }
}
