import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { Enrolment, EnrolmentError, OPERATORS } from '../../coordinator/enrolment.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-enrol-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const newKey = () => generateIdentity().publicKey;

async function code(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EnrolmentError);
  return (err as EnrolmentError).code;
}

describe('Enrolment', () => {
  it('starts empty when there is no file', async () => {
    const enrolment = await Enrolment.open(dir);
    expect(enrolment.list()).toEqual([]);
    expect(enrolment.lookup('lab-a')).toBeUndefined();
  });

  it('persists additions and removals across reopening', async () => {
    const a = newKey();
    const b = newKey();
    const enrolment = await Enrolment.open(dir);
    await enrolment.add('lab-b', toHex(b));
    await enrolment.add('lab-a', toHex(a));

    const reopened = await Enrolment.open(dir);
    expect(reopened.list().map((e) => e.id)).toEqual(['lab-a', 'lab-b']);
    expect(toHex(reopened.lookup('lab-a')!)).toBe(toHex(a));
    expect(reopened.isEnrolled('lab-a', a)).toBe(true);
    expect(reopened.isEnrolled('lab-a', b)).toBe(false);
    expect(reopened.isEnrolled('lab-c', a)).toBe(false);

    await reopened.remove('lab-a');
    const again = await Enrolment.open(dir);
    expect(again.list().map((e) => e.id)).toEqual(['lab-b']);
    expect(again.isEnrolled('lab-a', a)).toBe(false);
    const file = JSON.parse(await readFile(join(dir, 'enrolment.json'), 'utf8'));
    expect(file).toMatchObject({ version: 1, agencies: [{ agency: 'lab-b', publicKey: toHex(b) }] });
  });

  it('keeps every change when several are made at once', async () => {
    const enrolment = await Enrolment.open(dir);
    await Promise.all(Array.from({ length: 8 }, (_, i) => enrolment.add(`lab-${i}`, toHex(newKey()))));
    expect((await Enrolment.open(dir)).list()).toHaveLength(8);
  });

  it('refuses a key already enrolled under another name', async () => {
    const key = toHex(newKey());
    const enrolment = await Enrolment.open(dir);
    await enrolment.add('lab-a', key);
    expect(await code(enrolment.add('lab-b', key))).toBe('ENROL_KEY_IN_USE');
    expect(enrolment.list()).toHaveLength(1);
  });

  it('refuses a second key for an enrolled agency but accepts the same pair again', async () => {
    const key = toHex(newKey());
    const enrolment = await Enrolment.open(dir);
    const first = await enrolment.add('lab-a', key);
    expect(await enrolment.add('lab-a', key)).toEqual(first);
    expect(await code(enrolment.add('lab-a', toHex(newKey())))).toBe('ENROL_EXISTS');
    expect(await code(enrolment.add('LAB-A', toHex(newKey())))).toBe('ENROL_EXISTS');
  });

  it('refuses to remove an agency that is not enrolled', async () => {
    const enrolment = await Enrolment.open(dir);
    expect(await code(enrolment.remove('lab-a'))).toBe('ENROL_UNKNOWN');
  });

  it('checks agency ids and keys', async () => {
    const enrolment = await Enrolment.open(dir);
    const key = toHex(newKey());
    for (const bad of ['', '-lab', 'lab a', 'lab/a', 'a'.repeat(65), 'läb']) {
      await expect(enrolment.add(bad, key)).rejects.toThrow(RangeError);
    }
    await expect(enrolment.add('a'.repeat(64), key)).resolves.toMatchObject({ id: 'a'.repeat(64) });
    await expect(enrolment.add('lab-x', 'abcd')).rejects.toThrow(RangeError);
    await expect(enrolment.add('lab-x', 'zz'.repeat(32))).rejects.toThrow(RangeError);
    expect(() => enrolment.isEnrolled('lab-a', 'not bytes' as unknown as Uint8Array)).toThrow(TypeError);
  });

  it('refuses a damaged enrolment file, naming it', async () => {
    const path = join(dir, 'enrolment.json');
    await writeFile(path, '{"version":1,"agencies":[{"agency":"lab a","publicKey":"00","enrolledAt":"x"}]}');
    await expect(Enrolment.open(dir)).rejects.toMatchObject({ code: 'ENROL_FILE_INVALID', message: expect.stringContaining(path) });
    await writeFile(path, '{not json');
    await expect(Enrolment.open(dir)).rejects.toMatchObject({ code: 'ENROL_FILE_INVALID' });
    const key = toHex(newKey());
    await writeFile(path, JSON.stringify({ version: 1, agencies: [
      { agency: 'a', publicKey: key, enrolledAt: 'x' },
      { agency: 'b', publicKey: key, enrolledAt: 'x' },
    ] }));
    await expect(Enrolment.open(dir)).rejects.toMatchObject({ code: 'ENROL_FILE_INVALID' });
  });

  it('reload picks up changes made by another process', async () => {
    const coordinator = await Enrolment.open(dir);
    const cli = await Enrolment.open(dir);
    const key = newKey();
    await cli.add('lab-a', toHex(key));
    expect(coordinator.isEnrolled('lab-a', key)).toBe(false);
    await coordinator.reload();
    expect(coordinator.isEnrolled('lab-a', key)).toBe(true);
  });

  it('operators are a list of their own, in operators.json, reread when it changes (the service runs on)', async () => {
    const service = await Enrolment.open(dir, OPERATORS);
    const cli = await Enrolment.open(dir, OPERATORS);
    const key = newKey();
    await cli.add('alice', toHex(key));
    expect(service.isEnrolled('alice', key)).toBe(false);
    await service.reloadIfChanged();
    expect(service.isEnrolled('alice', key)).toBe(true);
    // The agencies' list is another file: an operator is not an agency.
    expect((await Enrolment.open(dir)).lookup('alice')).toBeUndefined();
    expect(JSON.parse(await readFile(join(dir, 'operators.json'), 'utf8'))).toMatchObject({ version: 1, operators: [{ operator: 'alice', publicKey: toHex(key) }] });
    await cli.remove('alice');
    await service.reloadIfChanged();
    expect(service.lookup('alice')).toBeUndefined();
    expect(await code(cli.remove('alice'))).toBe('ENROL_UNKNOWN');
  });
});
