// What every command shares: writing through commander's configured output (so tests capture
// it), option parsers that name what was wrong, and one way to fail with exit code 1.
import { Command, InvalidArgumentError } from 'commander';

export function write(cmd: Command, text: string): void {
  const out = cmd.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  out(text.endsWith('\n') ? text : text + '\n');
}

function rootOf(cmd: Command): Command {
  let top = cmd;
  while (top.parent) top = top.parent;
  return top;
}

/** Subcommands take the exit and output settings of the program above them when they run. */
export function inheritSettings(group: Command): Command {
  group.hook('preSubcommand', (_self, sub) => {
    sub.copyInheritedSettings(rootOf(group));
  });
  return group;
}

export function numberParser(check: (x: number) => boolean, expected: string): (value: string) => number {
  return (value: string) => {
    const x = value.trim() === '' ? NaN : Number(value);
    if (!Number.isFinite(x) || !check(x)) throw new InvalidArgumentError(`expected ${expected}, got '${value}'`);
    return x;
  };
}

export const positiveInt = numberParser((x) => Number.isSafeInteger(x) && x >= 1, 'a whole number >= 1');
export const nonNegativeInt = numberParser((x) => Number.isSafeInteger(x) && x >= 0, 'a whole number >= 0');
export const positiveNumber = numberParser((x) => x > 0, 'a number > 0');
export const nonNegativeNumber = numberParser((x) => x >= 0, 'a number >= 0');

/** Runs `body`; an expected failure (bad file, bad value) becomes `error: …` and exit code 1. */
export async function reportErrors<T>(cmd: Command, body: () => Promise<T>, expected: (err: unknown) => string | undefined = defaultExpected): Promise<T> {
  try {
    return await body();
  } catch (err) {
    const message = expected(err);
    if (message !== undefined) cmd.error(`error: ${message}`, { exitCode: 1, code: (err as { code?: string }).code ?? 'cohort.error' });
    throw err;
  }
}

function defaultExpected(err: unknown): string | undefined {
  if (err instanceof RangeError || err instanceof TypeError) return err.message;
  if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string') return err.message;
  return undefined;
}
