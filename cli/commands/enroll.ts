// `cohort enroll` and `cohort operator`: the coordinator's lists of whom it trusts, each member
// with the public key it sent out of band (`cohort keys new` prints it). Agencies may connect
// and take part in runs; operators may submit, pause, resume and stop runs on the service.
import { Command } from 'commander';
import { resolve } from 'node:path';
import { toHex } from '../../identity/keys.js';
import { readPublicKey } from '../../identity/keyfile.js';
import { AGENCIES, Enrolment, OPERATORS, type EnrolmentKind } from '../../coordinator/enrolment.js';
import { inheritSettings, reportErrors, write } from '../output.js';

const DEFAULT_DATA_DIR = '.cohort';

interface DataDirOption {
  dataDir: string;
}

export function enrollCommand(): Command {
  return enrolmentCommand(new Command('enroll').description('enrol agencies with the coordinator, remove them, list them'), AGENCIES,
    { added: 'an agency', removed: 'it can no longer connect', listed: 'agencies' });
}

export function operatorCommand(): Command {
  return enrolmentCommand(new Command('operator').description('enrol the operators who may submit and control runs on the service, remove them, list them'), OPERATORS,
    { added: 'an operator (an ML team member who submits and controls runs)', removed: 'the service refuses their requests from now on', listed: 'operators' });
}

function enrolmentCommand(group: Command, kind: EnrolmentKind, say: { added: string; removed: string; listed: string }): Command {
  const noun = kind.id;
  inheritSettings(group);
  group
    .command('add')
    .description(`enrol ${say.added} with its public key`)
    .argument(`<${noun}>`, `${noun} id: letters, digits, . _ -, up to 64`)
    .argument('<public-key-or-file>', `64 hex characters, or a file holding them, or the ${noun}’s identity file`)
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (id: string, keyOrFile: string, opts: DataDirOption, cmd: Command) => {
      const entry = await reportErrors(cmd, async () => {
        const key = await readPublicKey(keyOrFile);
        const enrolment = await Enrolment.open(resolve(opts.dataDir), kind);
        return enrolment.add(id, toHex(key));
      });
      write(cmd, `enrolled ${entry.id} with public key ${entry.publicKey}\n`);
    });

  group
    .command('remove')
    .description(`remove ${noun === 'agency' ? 'an agency' : 'an operator'}; ${say.removed}`)
    .argument(`<${noun}>`, `${noun} id`)
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (id: string, opts: DataDirOption, cmd: Command) => {
      const entry = await reportErrors(cmd, async () => (await Enrolment.open(resolve(opts.dataDir), kind)).remove(id));
      write(cmd, `removed ${entry.id} (public key ${entry.publicKey})\n`);
    });

  group
    .command('list')
    .description(`list enrolled ${say.listed}`)
    .option('--data-dir <dir>', 'coordinator data directory', DEFAULT_DATA_DIR)
    .action(async (opts: DataDirOption, cmd: Command) => {
      const dir = resolve(opts.dataDir);
      const members = await reportErrors(cmd, async () => (await Enrolment.open(dir, kind)).list());
      if (members.length === 0) {
        write(cmd, `no ${say.listed} enrolled in ${dir}\n`);
        return;
      }
      const rows = [[noun.toUpperCase(), 'PUBLIC KEY', 'ENROLLED'], ...members.map((m) => [m.id, m.publicKey, m.enrolledAt])];
      const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
      const lines = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd());
      write(cmd, lines.join('\n') + '\n');
    });

  return group;
}
