// The one error type for malformed agency data: it names the file, where in it, and why, so
// that whoever runs the client can fix the row without reading loader code.

export class DataFormatError extends Error {
  override readonly name = 'DataFormatError';

  constructor(
    /** The file path, or a caller-given name for in-memory text. */
    readonly source: string,
    /** Where in the source, e.g. `line 7, column 3 ("age")` or `rows[4].features[2]`. */
    readonly where: string,
    readonly reason: string,
    /** 1-based line number, where the format has lines (CSV). */
    readonly line?: number,
  ) {
    super(`${source}${where ? `, ${where}` : ''}: ${reason}`);
  }
}
