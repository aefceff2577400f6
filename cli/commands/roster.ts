// `cohort roster`: the federation's governance keeps the list of member agencies and their keys,
// signed with a governance key that is not the coordinator's (identity/roster.ts says why). The
// coordinator serves it (`cohort coordinator --roster`); each agency pins the governance key in
// its policy (`federation.governanceKey`) and refuses any cohort member not on it.
import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { readIdentityFile, readPublicKey } from '../../identity/keyfile.js';
import { toHex } from '../../identity/keys.js';
import { RosterError, checkRosterSignature, formatRoster, parseRoster, signRoster, withoutSignature, type Roster } from '../../identity/roster.js';
import { writeFileAtomic } from '../../storage/atomic.js';
import { CliError, EXIT_FAILED, EXIT_UNUSABLE, inheritSettings, readFlagFile, reportErrors, write } from '../output.js';

export function rosterCommand(): Command {
  const roster = inheritSettings(new Command('roster').description("the federation's signed list of member agencies and their keys: create, add, remove, sign, show"));
  for (const add of [newCommand, addCommand, removeCommand, signCommand, showCommand]) add(roster);
  return roster;
}

function newCommand(roster: Command): void {
  roster
    .command('new')
    .description('start an unsigned roster for a federation')
    .argument('<file>', 'the roster file to create')
    .requiredOption('--federation <name>', 'the federation the roster lists the members of')
    .option('--force', 'overwrite an existing file', false)
    .action(async (file: string, opts: { federation: string; force: boolean }, cmd: Command) => {
      await reportErrors(cmd, async () => {
        const doc = parseRoster(JSON.stringify({ version: 1, federation: opts.federation, serial: 1, members: [] }), '--federation');
        await writeFile(file, formatRoster(doc), { flag: opts.force ? 'w' : 'wx' }).catch((err: NodeJS.ErrnoException) => {
          throw err.code === 'EEXIST' ? new CliError(`${file} exists: give --force to start it again`) : err;
        });
      });
      write(cmd, `created ${file}: federation ${opts.federation}, no members, unsigned\n`);
    });
}

function addCommand(roster: Command): void {
  roster
    .command('add')
    .description('add a member agency with its public key (the roster is then unsigned until signed again)')
    .argument('<file>', 'the roster file')
    .argument('<agency>', 'agency id: letters, digits, . _ -, up to 64')
    .argument('<public-key-or-file>', '64 hex characters, a .pub file, or the agency’s identity file')
    .action(async (file: string, agency: string, keyOrFile: string, _opts: unknown, cmd: Command) => {
      const doc = await reportErrors(cmd, async () => {
        const current = await readRoster(file);
        const key = toHex(await readPublicKey(keyOrFile));
        return change(file, current, [...current.members, { agency, identityKey: key }]);
      });
      write(cmd, `added ${agency} to ${file} (serial ${doc.serial}); sign it again with cohort roster sign\n`);
    });
}

function removeCommand(roster: Command): void {
  roster
    .command('remove')
    .description('remove a member agency (the roster is then unsigned until signed again)')
    .argument('<file>', 'the roster file')
    .argument('<agency>', 'agency id')
    .action(async (file: string, agency: string, _opts: unknown, cmd: Command) => {
      const doc = await reportErrors(cmd, async () => {
        const current = await readRoster(file);
        if (!current.members.some((m) => m.agency === agency)) throw new CliError(`${agency} is not on the roster in ${file}`);
        return change(file, current, current.members.filter((m) => m.agency !== agency));
      });
      write(cmd, `removed ${agency} from ${file} (serial ${doc.serial}); sign it again with cohort roster sign\n`);
    });
}

function signCommand(roster: Command): void {
  roster
    .command('sign')
    .description('sign the roster with the governance key (not the coordinator key)')
    .argument('<file>', 'the roster file')
    .requiredOption('--key <file>', 'the governance identity file (cohort keys new)')
    .action(async (file: string, opts: { key: string }, cmd: Command) => {
      const doc = await reportErrors(cmd, async () => {
        await readFlagFile('--key', opts.key);
        const { identity } = await readIdentityFile(opts.key);
        const signed = signRoster(await readRoster(file), identity);
        await writeFileAtomic(file, formatRoster(signed));
        return signed;
      });
      write(cmd, `signed ${file}: ${doc.members.length} members, serial ${doc.serial}, governance key ${doc.governanceKey}\n` +
        'agencies pin this key in their policy: "federation": {"governanceKey": "<the key above>"}\n');
    });
}

function showCommand(roster: Command): void {
  roster
    .command('show')
    .description('list the members and check the signature (against --governance-key when given)')
    .argument('<file>', 'the roster file')
    .option('--governance-key <hex-or-file>', 'the governance key the signature must verify with')
    .action(async (file: string, opts: { governanceKey?: string }, cmd: Command) => {
      const { doc, status } = await reportErrors(cmd, async () => {
        const current = await readRoster(file);
        const pinned = opts.governanceKey ? await readPublicKey(opts.governanceKey) : undefined;
        return { doc: current, status: signatureStatus(current, pinned) };
      });
      write(cmd, describe(doc, status.text));
      if (!status.ok) cmd.error(`error: ${status.text}`, { exitCode: EXIT_FAILED, code: 'ROSTER_SIGNATURE' });
    });
}

async function readRoster(file: string): Promise<Roster> {
  const text = await readFlagFile('roster', file);
  try {
    return parseRoster(text.toString('utf8'), file);
  } catch (err) {
    throw err instanceof RosterError ? new CliError(err.message, EXIT_UNUSABLE) : err;
  }
}

/** A changed member list: the next serial, no signature (parseRoster refuses an id or key twice). */
async function change(file: string, current: Roster, members: Roster['members']): Promise<Roster> {
  const next = parseRoster(JSON.stringify({ ...withoutSignature(current), serial: current.serial + 1, members }), file);
  await writeFileAtomic(file, formatRoster(next));
  return next;
}

function signatureStatus(doc: Roster, pinned?: Uint8Array): { ok: boolean; text: string } {
  try {
    checkRosterSignature(doc, pinned);
    return { ok: true, text: `signed by governance key ${doc.governanceKey}${pinned ? ' (the key given)' : ''}: the signature verifies` };
  } catch (err) {
    if (!(err instanceof RosterError)) throw err;
    return { ok: false, text: err.message };
  }
}

function describe(doc: Roster, status: string): string {
  const rows = [['AGENCY', 'IDENTITY KEY'], ...doc.members.map((m) => [m.agency, m.identityKey])];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [
    `federation ${doc.federation}, serial ${doc.serial}, ${doc.members.length} members`,
    ...rows.map((r) => `${r[0].padEnd(width)}  ${r[1]}`),
    status,
    '',
  ].join('\n');
}
