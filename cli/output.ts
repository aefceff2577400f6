// What every command shares: writing through commander's configured output (so tests capture
// it), option parsers that name what was wrong, and one way to fail: a message saying what to do,
// exit code 1 (2 for unusable input), no stack trace unless --debug.
import { readFile } from 'node:fs/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';

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

/** Exit codes: 1 the command failed (the message says why and what to do), 2 its input is unusable. */
export const EXIT_FAILED = 1;
export const EXIT_UNUSABLE = 2;

/** A failure the user can act on: its message names what was wrong and how to fix it. */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(message: string, readonly exitCode: number = EXIT_FAILED) {
    super(message);
  }
}

/**
 * Runs `body`; an expected failure (bad file, bad value, port in use) becomes `error: …` and its
 * exit code. Anything else is a bug: one line and exit 1, the stack trace only with --debug.
 */
export async function reportErrors<T>(cmd: Command, body: () => Promise<T>, expected: (err: unknown) => string | undefined = defaultExpected): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CommanderError) throw err;
    const message = err instanceof CliError ? err.message : expected(err) ?? defaultExpected(err);
    const exitCode = err instanceof CliError ? err.exitCode : EXIT_FAILED;
    const code = (err as { code?: unknown }).code;
    if (message !== undefined) cmd.error(`error: ${message}`, { exitCode, code: typeof code === 'string' ? code : 'cohort.error' });
    if (debugging(cmd)) throw err;
    cmd.error(`error: ${(err as Error)?.message ?? String(err)} (an unexpected failure: run again with --debug for the stack trace, and report it)`,
      { exitCode: EXIT_FAILED, code: 'cohort.unexpected' });
  }
}

/** Reads a file a flag names; a missing or unreadable one is named with its flag. */
export async function readFlagFile(flag: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not readable by this user' : (err as Error).message;
    throw new CliError(`${flag} ${path}: the file ${why}`, EXIT_UNUSABLE);
  }
}

/** `cohort --debug …` (or `--debug` anywhere after the command) shows the stack trace of a failure. */
export function debugging(cmd: Command): boolean {
  return rootOf(cmd).opts().debug === true;
}

function defaultExpected(err: unknown): string | undefined {
  if (err instanceof RangeError || err instanceof TypeError) return err.message;
  const listen = listenProblem(err);
  if (listen !== undefined) return listen;
  if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string') return err.message;
  return undefined;
}

/**
 * A server that could not listen, said with the flag that fixes it. Node's error carries the
 * address and port; `flags` maps a port to the option that chose it (--port, --http-port).
 */
export function listenProblem(err: unknown, flags: Record<string, number | undefined> = {}): string | undefined {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  if (e?.syscall !== 'listen' && e?.syscall !== 'bind') return undefined;
  const flag = Object.entries(flags).find(([, port]) => port === e.port)?.[0];
  const where = `${e.address ?? 'address'}:${e.port ?? '?'}`;
  const choose = flag ? `choose another with ${flag} (0 picks a free port)` : 'choose another port (0 picks a free one)';
  switch (e.code) {
    case 'EADDRINUSE': return `port ${e.port} on ${e.address} is already in use (another coordinator, or another program): stop it, or ${choose}`;
    case 'EACCES': return `no permission to listen on ${where} (ports below 1024 need privileges): ${choose}`;
    case 'EADDRNOTAVAIL': return `${e.address} is not an address of this machine: give --host (or --http-host) one of its addresses (127.0.0.1 for this machine only, 0.0.0.0 for all)`;
    default: return undefined;
  }
}
