import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateIdentity, toHex } from '../../identity/keys.js';
import { KeyFileError, readIdentityFile, readPublicKey, writeIdentityFile } from '../../identity/keyfile.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-keyfile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<KeyFileError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KeyFileError);
  return err as KeyFileError;
}

describe('identity files', () => {
  it('round-trips an identity, written with mode 0600', async () => {
    const path = join(dir, 'agency.key');
    const identity = generateIdentity();
    await writeIdentityFile(path, identity, { name: 'lab-a' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const read = await readIdentityFile(path);
    expect(read.name).toBe('lab-a');
    expect(toHex(read.identity.publicKey)).toBe(toHex(identity.publicKey));
    expect(toHex(read.identity.secretKey)).toBe(toHex(identity.secretKey));
    const json = JSON.parse(await readFile(path, 'utf8'));
    expect(json).toEqual({
      type: 'cohort-identity',
      version: 1,
      name: 'lab-a',
      publicKey: toHex(identity.publicKey),
      secretKey: toHex(identity.secretKey.subarray(0, 32)),
    });
  });

  it('refuses to overwrite unless asked', async () => {
    const path = join(dir, 'agency.key');
    const first = generateIdentity();
    await writeIdentityFile(path, first, { name: 'a' });
    const err = await rejection(writeIdentityFile(path, generateIdentity(), { name: 'b' }));
    expect(err.code).toBe('KEYFILE_EXISTS');
    expect(toHex((await readIdentityFile(path)).identity.publicKey)).toBe(toHex(first.publicKey));

    const second = generateIdentity();
    await writeIdentityFile(path, second, { name: 'b', overwrite: true });
    expect(toHex((await readIdentityFile(path)).identity.publicKey)).toBe(toHex(second.publicKey));
  });

  it('refuses a file group or others can read, naming the path, the mode and the fix', async () => {
    const path = join(dir, 'agency.key');
    await writeIdentityFile(path, generateIdentity(), { name: 'a' });
    for (const mode of [0o644, 0o640, 0o604]) {
      await chmod(path, mode);
      const err = await rejection(readIdentityFile(path));
      expect(err.code).toBe('KEYFILE_PERMISSIONS');
      expect(err.message).toContain(path);
      expect(err.message).toContain('0' + mode.toString(8));
      expect(err.message).toContain(`chmod 600 ${path}`);
    }
    await chmod(path, 0o600);
    await expect(readIdentityFile(path)).resolves.toMatchObject({ name: 'a' });
  });

  it('refuses a file whose public key is not derived from its seed', async () => {
    const path = join(dir, 'agency.key');
    await writeIdentityFile(path, generateIdentity(), { name: 'a' });
    const json = JSON.parse(await readFile(path, 'utf8'));
    json.publicKey = toHex(generateIdentity().publicKey);
    await writeFile(path, JSON.stringify(json), { mode: 0o600 });
    const err = await rejection(readIdentityFile(path));
    expect(err.code).toBe('KEYFILE_MISMATCH');
  });

  it('refuses malformed files without echoing the secret', async () => {
    const path = join(dir, 'agency.key');
    const secret = 'ab'.repeat(31) + 'zz';
    await writeFile(path, JSON.stringify({ type: 'cohort-identity', version: 1, name: 'a', publicKey: '00'.repeat(32), secretKey: secret }), { mode: 0o600 });
    let err = await rejection(readIdentityFile(path));
    expect(err.code).toBe('KEYFILE_MALFORMED');
    expect(err.message).toContain('secretKey');
    expect(err.message).not.toContain(secret);

    await writeFile(path, `{"secretKey": "${'cd'.repeat(32)}",`, { mode: 0o600 });
    err = await rejection(readIdentityFile(path));
    expect(err.code).toBe('KEYFILE_MALFORMED');
    expect(err.message).not.toContain('cdcd');
  });

  it('names a missing file', async () => {
    const err = await rejection(readIdentityFile(join(dir, 'nope.key')));
    expect(err.code).toBe('KEYFILE_NOT_FOUND');
  });

  it('checks its arguments', async () => {
    await expect(writeIdentityFile(join(dir, 'x'), generateIdentity(), { name: '' })).rejects.toThrow(RangeError);
    await expect(writeIdentityFile('', generateIdentity(), { name: 'a' })).rejects.toThrow(RangeError);
  });
});

describe('readPublicKey', () => {
  it('accepts 64 hex characters, a file holding them, or an identity file', async () => {
    const identity = generateIdentity();
    const hex = toHex(identity.publicKey);
    expect(toHex(await readPublicKey(hex))).toBe(hex);
    expect(toHex(await readPublicKey(hex.toUpperCase()))).toBe(hex);

    const pub = join(dir, 'agency.pub');
    await writeFile(pub, hex + '\n');
    expect(toHex(await readPublicKey(pub))).toBe(hex);

    const key = join(dir, 'agency.key');
    await writeIdentityFile(key, identity, { name: 'a' });
    expect(toHex(await readPublicKey(key))).toBe(hex);
  });

  it('refuses anything else', async () => {
    expect((await rejection(readPublicKey('abcd'))).code).toBe('KEYFILE_NOT_FOUND');
    const junk = join(dir, 'junk');
    await writeFile(junk, 'not a key');
    expect((await rejection(readPublicKey(junk))).code).toBe('KEYFILE_BAD_PUBLIC_KEY');
    await expect(readPublicKey('')).rejects.toThrow(RangeError);
  });
});
