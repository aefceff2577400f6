// `cohort enroll`: the coordinator operator's list of agencies allowed to connect, each with the
// public key it sent out of band (`cohort keys new` prints it).
import { Command } from 'commander';
import { resolve } from 'node:path';
import { toHex } from '../../identity/keys.js';
import { readPublicKey } from '../../identity/keyfile.js';
import { Enrolment } from '../../coordinator/enrolment.js';
import { inheritSettings, reportErrors, write } from '../output.js';

const DEFAULT_DATA_DIR = '.cohort';

interface DataDirOption {
  dataDir: string;
}

export function enrollCommand(): Command {
  const enroll = inheritSettings(new Command('enroll').description('enrol agencies with the coordinator, remove them, list them'));

  enroll
    .command('add')
    .description('enrol an agency with its public key')
    .argument('<agency>', 'agency id: letters, digits, . _ -, up to 64')
    .argument('<public-key-or-file>', '64 hex characters, or a file holding them, or the agency’s identity file')
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (agency: string, keyOrFile: string, opts: DataDirOption, cmd: Command) => {
      const entry = await reportErrors(cmd, async () => {
        const key = await readPublicKey(keyOrFile);
        const enrolment = await Enrolment.open(resolve(opts.dataDir));
        return enrolment.add(agency, toHex(key));
      });
      write(cmd, `enrolled ${entry.agency} with public key ${entry.publicKey}\n`);
    });

  enroll
    .command('remove')
    .description('remove an agency; it can no longer connect')
    .argument('<agency>', 'agency id')
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (agency: string, opts: DataDirOption, cmd: Command) => {
      const entry = await reportErrors(cmd, async () => (await Enrolment.open(resolve(opts.dataDir))).remove(agency));
      write(cmd, `removed ${entry.agency} (public key ${entry.publicKey})\n`);
    });

  enroll
    .command('list')
    .description('list enrolled agencies')
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (opts: DataDirOption, cmd: Command) => {
      const dir = resolve(opts.dataDir);
      const agencies = await reportErrors(cmd, async () => (await Enrolment.open(dir)).list());
      if (agencies.length === 0) {
        write(cmd, `no agencies enrolled in ${dir}\n`);
        return;
      }
      const rows = [['AGENCY', 'PUBLIC KEY', 'ENROLLED'], ...agencies.map((a) => [a.agency, a.publicKey, a.enrolledAt])];
      const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
      const lines = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd());
      write(cmd, lines.join('\n') + '\n');
    });

  return enroll;
}
