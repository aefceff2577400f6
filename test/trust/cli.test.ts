// The keys and enroll commands, driven as `cohort` would drive them, with output captured.
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enrollCommand } from '../../cli/commands/enroll.js';
import { keysCommand } from '../../cli/commands/keys.js';
import { readIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { runCommand } from '../helpers/in-process-cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEX_KEY = /public key: ([0-9a-f]{64})/;

describe('cohort keys', () => {
  it('new writes a 0600 identity file and prints its public key; show prints it back', async () => {
    const file = join(dir, 'lab-a.key');
    const made = await runCommand(keysCommand(), ['new', '--out', file, '--name', 'Lab A']);
    expect(made.exitCode).toBe(0);
    const printed = HEX_KEY.exec(made.out)?.[1];
    const { name, identity } = await readIdentityFile(file);
    expect(printed).toBe(toHex(identity.publicKey));
    expect(name).toBe('Lab A');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(made.out).not.toContain(toHex(identity.secretKey.subarray(0, 32)));

    const shown = await runCommand(keysCommand(), ['show', file]);
    expect(shown).toMatchObject({ exitCode: 0, err: '' });
    expect(shown.out).toContain('name:       Lab A');
    expect(shown.out).toContain(`public key: ${printed}`);
    expect(shown.out).not.toContain(toHex(identity.secretKey.subarray(0, 32)));
  });

  it('new names the key after the file by default and refuses to overwrite without --force', async () => {
    const file = join(dir, 'lab-b.key');
    await runCommand(keysCommand(), ['new', '--out', file]);
    const before = toHex((await readIdentityFile(file)).identity.publicKey);
    expect((await readIdentityFile(file)).name).toBe('lab-b');

    const again = await runCommand(keysCommand(), ['new', '--out', file]);
    expect(again.exitCode).toBe(1);
    expect(again.err).toContain('already exists');
    expect(again.err).toContain('--force');
    expect(toHex((await readIdentityFile(file)).identity.publicKey)).toBe(before);

    const forced = await runCommand(keysCommand(), ['new', '--out', file, '--force']);
    expect(forced.exitCode).toBe(0);
    expect(toHex((await readIdentityFile(file)).identity.publicKey)).not.toBe(before);
  });

  it('fails clearly on bad arguments and unsafe files', async () => {
    const missingOut = await runCommand(keysCommand(), ['new']);
    expect(missingOut.exitCode).not.toBe(0);
    expect(missingOut.err).toContain('--out');

    const file = join(dir, 'lab-c.key');
    await runCommand(keysCommand(), ['new', '--out', file]);
    await chmod(file, 0o644);
    const shown = await runCommand(keysCommand(), ['show', file]);
    expect(shown.exitCode).toBe(1);
    expect(shown.err).toContain(`chmod 600 ${file}`);

    const unknown = await runCommand(keysCommand(), ['rotate']);
    expect(unknown.exitCode).not.toBe(0);
  });

  it('honours exit and output settings given to a program above it', async () => {
    const { Command } = await import('commander');
    const program = new Command('cohort').addCommand(keysCommand());
    const result = await runCommand(program, ['keys', 'show', join(dir, 'missing.key')]);
    expect(result.exitCode).toBe(1);
    expect(result.err).toContain('does not exist');
  });
});

describe('cohort enroll', () => {
  it('adds from hex or from a key file, lists a table, removes', async () => {
    const data = join(dir, 'data');
    const a = toHex(generateIdentity().publicKey);
    const keyFile = join(dir, 'lab-b.key');
    await runCommand(keysCommand(), ['new', '--out', keyFile]);
    const b = toHex((await readIdentityFile(keyFile)).identity.publicKey);

    expect(await runCommand(enrollCommand(), ['add', 'lab-a', a, '--data-dir', data])).toMatchObject({ exitCode: 0, out: expect.stringContaining(`enrolled lab-a with public key ${a}`) });
    expect((await runCommand(enrollCommand(), ['add', 'lab-b', keyFile, '--data-dir', data])).exitCode).toBe(0);

    const listed = await runCommand(enrollCommand(), ['list', '--data-dir', data]);
    const lines = listed.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^AGENCY\s+PUBLIC KEY\s+ENROLLED$/);
    expect(lines[1]).toMatch(new RegExp(`^lab-a\\s+${a}\\s+\\d{4}-`));
    expect(lines[2]).toMatch(new RegExp(`^lab-b\\s+${b}\\s+\\d{4}-`));

    expect((await runCommand(enrollCommand(), ['remove', 'lab-a', '--data-dir', data])).exitCode).toBe(0);
    const after = await runCommand(enrollCommand(), ['list', '--data-dir', data]);
    expect(after.out).not.toContain('lab-a');
    expect(after.out).toContain('lab-b');
  });

  it('uses .cohort in the working directory by default', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const empty = await runCommand(enrollCommand(), ['list']);
      expect(empty.out).toContain(`no agencies enrolled in ${join(dir, '.cohort')}`);
      await runCommand(enrollCommand(), ['add', 'lab-a', toHex(generateIdentity().publicKey)]);
      expect((await stat(join(dir, '.cohort', 'enrolment.json'))).isFile()).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses with a message and exit code 1', async () => {
    const data = join(dir, 'data');
    const key = toHex(generateIdentity().publicKey);
    await runCommand(enrollCommand(), ['add', 'lab-a', key, '--data-dir', data]);

    const cases: [string[], string][] = [
      [['add', 'lab-b', key, '--data-dir', data], 'already enrolled for agency "lab-a"'],
      [['add', 'bad id', toHex(generateIdentity().publicKey), '--data-dir', data], 'not a valid id'],
      [['add', 'lab-c', 'not-a-key', '--data-dir', data], 'neither a public key'],
      [['remove', 'lab-z', '--data-dir', data], 'not enrolled'],
      [['add', 'lab-d'], "missing required argument 'public-key-or-file'"],
    ];
    for (const [args, message] of cases) {
      const result = await runCommand(enrollCommand(), args);
      expect(result.exitCode, args.join(' ')).toBe(1);
      expect(result.err, args.join(' ')).toContain(message);
    }
  });
});
