// `cohort keys`: make and inspect identity files. The public key printed here is what an
// agency sends the coordinator operator to enrol, and what agencies pin in their policy.
import { Command } from 'commander';
import { basename, extname } from 'node:path';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { KeyFileError, publicKeyPath, readIdentityFile, writeIdentityFile, writePublicKeyFile } from '../../identity/keyfile.js';
import { fileExists } from '../../storage/atomic.js';
import { inheritSettings, reportErrors, write } from '../output.js';

export function keysCommand(): Command {
  const keys = inheritSettings(new Command('keys').description('create and show Ed25519 identity files'));

  keys
    .command('new')
    .description('create a new identity file (mode 0600) and its public key file (<out>.pub), and print the public key')
    .requiredOption('--out <file>', 'where to write the identity file, e.g. nih-lab.key (the public key goes to nih-lab.pub)')
    .option('--name <name>', 'a label for people, e.g. the agency id (default: the file name)')
    .option('--force', 'replace existing files at --out and its .pub', false)
    .action(async (opts: { out: string; name?: string; force: boolean }, cmd: Command) => {
      const name = opts.name ?? (basename(opts.out, extname(opts.out)) || 'cohort');
      const identity = generateIdentity();
      const pub = await reportErrors(cmd, async () => {
        const pubPath = publicKeyPath(opts.out);
        // Both names are checked before either is written, so a refusal leaves nothing half made.
        for (const path of [opts.out, pubPath]) {
          if (!opts.force && (await fileExists(path))) throw new KeyFileError('KEYFILE_EXISTS', `${path} already exists; refusing to overwrite it`, path);
        }
        await writeIdentityFile(opts.out, identity, { name, overwrite: opts.force });
        await writePublicKeyFile(pubPath, identity.publicKey, { overwrite: opts.force });
        return pubPath;
      }, keyFileProblem);
      write(cmd, `wrote ${opts.out} (mode 0600: keep it secret) and ${pub} (the public key: send it)\nname:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  keys
    .command('show')
    .description('print the name and public key of an identity file (never the secret key)')
    .argument('<file>', 'identity file')
    .option('--public', 'print only the public key (64 hex characters), for scripts')
    .action(async (file: string, opts: { public?: boolean }, cmd: Command) => {
      const { name, identity } = await reportErrors(cmd, () => readIdentityFile(file), keyFileProblem);
      write(cmd, opts.public ? toHex(identity.publicKey) : `name:       ${name}\npublic key: ${toHex(identity.publicKey)}\n`);
    });

  return keys;
}

/** Key-file failures are the user's to fix: say what, and how for an existing file. */
function keyFileProblem(err: unknown): string | undefined {
  if (err instanceof KeyFileError) return err.message + (err.code === 'KEYFILE_EXISTS' ? ' (add --force to replace it and lose the old key)' : '');
  return err instanceof RangeError ? err.message : undefined;
}
