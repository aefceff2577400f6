// The federation roster (identity/roster.ts): `cohort roster new|add|remove|sign|show` as an
// operator runs them, the document's signature by the governance key, and the coordinator that
// refuses to start while its enrolment lists anyone the roster does not.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rosterCommand } from '../../cli/commands/roster.js';
import { Enrolment } from '../../coordinator/enrolment.js';
import { rosterAdmission } from '../../coordinator/roster-admission.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { checkRosterSignature, parseRoster, signRoster } from '../../identity/roster.js';
import { runCommand } from '../helpers/in-process-cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-roster-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCommand(rosterCommand(), args);

describe('cohort roster', () => {
  it('new, add, sign, show: a roster the pinned governance key verifies; any change unsigns it and raises its serial', async () => {
    const file = join(dir, 'roster.json');
    const governance = generateIdentity();
    await writeIdentityFile(join(dir, 'governance.key'), governance, { name: 'governance' });
    const a = generateIdentity();
    const b = generateIdentity();
    expect((await cli('new', file, '--federation', 'health-data-network')).exitCode).toBe(0);
    expect((await cli('new', file, '--federation', 'x')).err).toContain('--force');
    expect((await cli('add', file, 'nih-lab', toHex(a.publicKey))).out).toContain('serial 2');
    await cli('add', file, 'cdc-lab', toHex(b.publicKey));
    const unsigned = await cli('show', file);
    expect(unsigned.exitCode).toBe(1);
    expect(unsigned.err).toContain('not signed');

    const signed = await cli('sign', file, '--key', join(dir, 'governance.key'));
    expect(signed.out).toContain(`governance key ${toHex(governance.publicKey)}`);
    const shown = await cli('show', file, '--governance-key', toHex(governance.publicKey));
    expect(shown.exitCode).toBe(0);
    expect(shown.out).toMatch(/federation health-data-network, serial 3, 2 members/);
    expect(shown.out).toContain(`nih-lab  ${toHex(a.publicKey)}`);
    expect(shown.out).toContain('the signature verifies');
    const doc = parseRoster(await readFile(file, 'utf8'));
    expect(() => checkRosterSignature(doc, governance.publicKey)).not.toThrow();
    expect(() => checkRosterSignature(doc, generateIdentity().publicKey)).toThrow(/not by the pinned governance key/);
    expect(() => checkRosterSignature({ ...doc, members: doc.members.slice(1) }, governance.publicKey)).toThrow(/does not verify/);

    const other = await cli('show', file, '--governance-key', toHex(generateIdentity().publicKey));
    expect(other.exitCode).toBe(1);
    expect((await cli('remove', file, 'cdc-lab')).out).toContain('serial 4');
    expect(parseRoster(await readFile(file, 'utf8')).signature).toBeUndefined();
  });

  it('refuses an agency or a key listed twice, and a file that is not a roster', async () => {
    const file = join(dir, 'roster.json');
    const key = toHex(generateIdentity().publicKey);
    await cli('new', file, '--federation', 'f');
    await cli('add', file, 'lab-a', key);
    expect((await cli('add', file, 'LAB-A', toHex(generateIdentity().publicKey))).err).toContain('twice');
    expect((await cli('add', file, 'lab-b', key)).err).toContain('twice');
    expect((await cli('show', join(dir, 'missing.json'))).exitCode).toBe(2);
  });

  it('the coordinator admits only enrolled roster members, and refuses to start while its enrolment lists a stranger', async () => {
    const governance = generateIdentity();
    const a = generateIdentity();
    const sybil = generateIdentity();
    const enrolment = await Enrolment.open(dir);
    await enrolment.add('lab-a', toHex(a.publicKey));
    const doc = signRoster(parseRoster(JSON.stringify({
      version: 1, federation: 'f', serial: 1, members: [{ agency: 'lab-a', identityKey: toHex(a.publicKey) }],
    })), governance);
    const admission = rosterAdmission(enrolment, doc);
    expect(admission.isEnrolled('lab-a', a.publicKey)).toBe(true);
    await enrolment.add('lab-s', toHex(sybil.publicKey));
    expect(admission.isEnrolled('lab-s', sybil.publicKey)).toBe(false);
    expect(() => rosterAdmission(enrolment, doc)).toThrow(/enrolled agencies lab-s are not on the roster/);
    expect(() => rosterAdmission(enrolment, { ...doc, signature: undefined })).toThrow(/not signed/);
  });
});
