// JSON a person wrote (a policy, a run config): a syntax error is named by line and column, as
// an editor shows them, not by V8's character offset.

export class JsonSyntaxError extends RangeError {
  override readonly name = 'JsonSyntaxError';
  constructor(message: string, readonly line: number, readonly column: number) {
    super(message);
  }
}

/** Parses `text`; `source` names it in the error (a path). */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const offset = errorOffset(text);
    const { line, column } = lineAndColumn(text, offset);
    const shown = text.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
    const found = offset < text.length ? `unexpected '${text[offset]}'` : 'the text ends too early';
    const why = reason(err as Error);
    throw new JsonSyntaxError(
      `${source} is not valid JSON: line ${line}, column ${column}: ${found}${why ? ` (${why})` : ''}\n` +
        `  ${shown}\n  ${' '.repeat(Math.max(0, column - 1))}^\n` +
        '  (JSON allows no comments, no trailing commas, and needs double quotes around names and strings)',
      line, column,
    );
  }
}

/**
 * Where parsing fails: the longest prefix that is still the start of some valid JSON text.
 * Being such a prefix is monotone (a prefix of one is one), so it is found by bisection; this
 * holds whatever wording the engine's message has, and whether or not it gives a position.
 */
function errorOffset(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (isValidPrefix(text.slice(0, mid))) good = mid;
    else bad = mid;
  }
  return isValidPrefix(text.slice(0, bad)) ? bad : good;
}

function isValidPrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    // Cut inside a token: the engine says the text ended, or names the position just past it.
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    return /unexpected end of JSON input/i.test(message) || (at !== null && Number(at[1]) >= prefix.length);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The engine's reason without its character offset or its quote of the text; '' when it adds nothing. */
function reason(err: Error): string {
  const message = err.message.replace(/( in JSON)? at position \d+.*$/s, '');
  return /^Unexpected (token|end)/.test(message) ? '' : message;
}
