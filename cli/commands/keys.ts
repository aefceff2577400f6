// `cohort keys`: make and inspect identity files. The public key printed here is what an
// agency sends the coordinator operator to enrol, and what agencies pin in their policy.
import { Command } from 'commander';
import { basename, extname } from 'node:path';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { KeyFileError, readIdentityFile, writeIdentityFile } from '../../identity/keyfile.js';

export function keysCommand(): Command {
  const keys = new Command('keys').description('create and show Ed25519 identity files');
  // Subcommands take the exit and output settings the caller gave `keys` (or the program above
  // it) when they run, not when they were built, so exitOverride()/configureOutput() reach them.
  keys.hook('preSubcommand', (_self, sub) => {
    sub.copyInheritedSettings(root(keys));
  });

  keys
    .command('new')
    .description('create a new identity file (mode 0600) and print its public key')
    .requiredOption('--out <file>', 'where to write the identity file')
    .option('--name <name>', 'a label for people, e.g. the agency id (default: the file name)')
    .option('--force', 'replace an existing file at --out', false)
    .action(async (opts: { out: string; name?: string; force: boolean }, cmd: Command) => {
      const name = opts.name ?? (basename(opts.out, extname(opts.out)) || 'cohort');
      const identity = generateIdentity();
      await reportErrors(cmd, () => writeIdentityFile(opts.out, identity, { name, overwrite: opts.force }));
      write(cmd, `wrote ${opts.out} (mode 0600)\nname:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  keys
    .command('show')
    .description('print the name and public key of an identity file (never the secret key)')
    .argument('<file>', 'identity file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { name, identity } = await reportErrors(cmd, () => readIdentityFile(file));
      write(cmd, `name:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  return keys;
}

function root(cmd: Command): Command {
  let top = cmd;
  while (top.parent) top = top.parent;
  return top;
}

function write(cmd: Command, text: string): void {
  const out = cmd.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s));
  out(text);
}

/** Turns expected failures (bad file, bad argument) into a one-line message and exit code 1. */
async function reportErrors<T>(cmd: Command, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof KeyFileError) {
      const hint = err.code === 'KEYFILE_EXISTS' ? ' (add --force to replace it and lose the old key)' : '';
      cmd.error(`error: ${err.message}${hint}`, { code: err.code, exitCode: 1 });
    }
    if (err instanceof RangeError) cmd.error(`error: ${err.message}`, { exitCode: 1 });
    throw err;
  }
}
