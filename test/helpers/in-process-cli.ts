// Test helpers for the CLI run in this process: a subcommand parsed as given, its output and exit
// code captured instead of written and exited; and a free loopback port to point a command at.
import { createServer } from 'node:net';
import { CommanderError, type Command } from 'commander';

export interface Outcome {
  out: string;
  err: string;
  exitCode: number;
}

export async function runCommand(command: Command, args: string[]): Promise<Outcome> {
  let out = '';
  let err = '';
  command.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  try {
    await command.parseAsync(args, { from: 'user' });
    return { out, err, exitCode: 0 };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { out, err, exitCode: e.exitCode };
  }
}

/** A loopback port nothing listens on now (free when asked; a test uses it at once). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
