// `cohort keys`: make and inspect identity files. The public key printed here is what an
// agency sends the coordinator operator to enrol, and what agencies pin in their policy.
import { Command } from 'commander';
import { basename, extname } from 'node:path';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { KeyFileError, readIdentityFile, writeIdentityFile } from '../../identity/keyfile.js';
import { inheritSettings, reportErrors, write } from '../output.js';

export function keysCommand(): Command {
  const keys = inheritSettings(new Command('keys').description('create and show Ed25519 identity files'));

  keys
    .command('new')
    .description('create a new identity file (mode 0600) and print its public key')
    .requiredOption('--out <file>', 'where to write the identity file')
    .option('--name <name>', 'a label for people, e.g. the agency id (default: the file name)')
    .option('--force', 'replace an existing file at --out', false)
    .action(async (opts: { out: string; name?: string; force: boolean }, cmd: Command) => {
      const name = opts.name ?? (basename(opts.out, extname(opts.out)) || 'cohort');
      const identity = generateIdentity();
      await reportErrors(cmd, () => writeIdentityFile(opts.out, identity, { name, overwrite: opts.force }), keyFileProblem);
      write(cmd, `wrote ${opts.out} (mode 0600)\nname:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  keys
    .command('show')
    .description('print the name and public key of an identity file (never the secret key)')
    .argument('<file>', 'identity file')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { name, identity } = await reportErrors(cmd, () => readIdentityFile(file), keyFileProblem);
      write(cmd, `name:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  return keys;
}

/** Key-file failures are the user's to fix: say what, and how for an existing file. */
function keyFileProblem(err: unknown): string | undefined {
  if (err instanceof KeyFileError) return err.message + (err.code === 'KEYFILE_EXISTS' ? ' (add --force to replace it and lose the old key)' : '');
  return err instanceof RangeError ? err.message : undefined;
}
