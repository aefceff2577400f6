// An identity at rest: one JSON file holding the Ed25519 seed, readable by its owner only.
// The file format is documented here because operators back it up and move it by hand:
//   {"type":"cohort-identity","version":1,"name":"…","publicKey":"<64 hex>","secretKey":"<64 hex seed>"}
import { open, readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { equalBytes, fromHex, identityFromSeed, toHex, type Identity, PUBLIC_KEY_BYTES } from './keys.js';
import { fileExists, writeFileAtomic } from '../storage/atomic.js';

export const IDENTITY_FILE_TYPE = 'cohort-identity';
export const IDENTITY_FILE_VERSION = 1;
/** Owner read/write only, as ssh does for private keys. */
export const IDENTITY_FILE_MODE = 0o600;

export type KeyFileErrorCode =
  | 'KEYFILE_EXISTS'
  | 'KEYFILE_NOT_FOUND'
  | 'KEYFILE_PERMISSIONS'
  | 'KEYFILE_MALFORMED'
  | 'KEYFILE_MISMATCH'
  | 'KEYFILE_BAD_PUBLIC_KEY';

export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
  constructor(
    readonly code: KeyFileErrorCode,
    message: string,
    readonly path?: string,
  ) {
    super(message);
  }
}

export interface IdentityFile {
  readonly name: string;
  readonly identity: Identity;
}

export interface WriteIdentityOptions {
  /** A label for people (agency id, host): not used for trust decisions. */
  readonly name: string;
  /** Replace an existing file at `path`; without it an existing file is never touched. */
  readonly overwrite?: boolean;
}

const HEX_KEY = /^[0-9a-f]{64}$/;
const NAME = /^[^\p{Cc}]{1,128}$/u;

const fileSchema = z
  .object({
    type: z.literal(IDENTITY_FILE_TYPE),
    version: z.literal(IDENTITY_FILE_VERSION),
    name: z.string().regex(NAME, { error: 'must be 1 to 128 characters without control characters' }),
    publicKey: z.string().regex(HEX_KEY, { error: 'must be 64 lowercase hex characters' }),
    // The message never echoes the value: this field is the secret.
    secretKey: z.string().regex(HEX_KEY, { error: 'must be 64 lowercase hex characters (the 32-byte seed)' }),
  })
  .strict();

/** Writes `identity` to `path` atomically with mode 0600. */
export async function writeIdentityFile(path: string, identity: Identity, options: WriteIdentityOptions): Promise<void> {
  checkPath(path);
  if (typeof options?.name !== 'string') throw new TypeError('options.name must be a string');
  if (!NAME.test(options.name)) {
    throw new RangeError('name must be 1 to 128 characters without control characters');
  }
  if (identity?.secretKey?.length !== 64) throw new TypeError('identity.secretKey must be a 64-byte tweetnacl secret key');
  if (!options.overwrite && (await fileExists(path))) {
    throw new KeyFileError('KEYFILE_EXISTS', `${path} already exists; refusing to overwrite an identity file`, path);
  }
  const seed = identity.secretKey.subarray(0, 32);
  const body = {
    type: IDENTITY_FILE_TYPE,
    version: IDENTITY_FILE_VERSION,
    name: options.name,
    publicKey: toHex(identity.publicKey),
    secretKey: toHex(seed),
  };
  await writeFileAtomic(path, JSON.stringify(body, null, 2) + '\n', IDENTITY_FILE_MODE);
}

/**
 * Reads an identity file, refusing one that group or others can access (the seed is the agency's
 * whole identity: a copy lets anyone take its place in every run) or whose public key is not the
 * one its seed derives (a hand-edited or mixed-up file).
 */
export async function readIdentityFile(path: string): Promise<IdentityFile> {
  checkPath(path);
  const text = await readPrivate(path);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault, which may be the seed.
    throw new KeyFileError('KEYFILE_MALFORMED', `${path} is not a Cohort identity file (not valid JSON)`, path);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ');
    throw new KeyFileError('KEYFILE_MALFORMED', `${path} is not a valid Cohort identity file: ${issues}`, path);
  }
  const identity = identityFromSeed(fromHex(parsed.data.secretKey, 32, 'secretKey'));
  if (!equalBytes(identity.publicKey, fromHex(parsed.data.publicKey, PUBLIC_KEY_BYTES, 'publicKey'))) {
    throw new KeyFileError(
      'KEYFILE_MISMATCH',
      `${path}: publicKey does not belong to the secret key in the same file; the file was altered or assembled from two keys`,
      path,
    );
  }
  return { name: parsed.data.name, identity };
}

/** Where the public key of an identity file goes: beside it, `.pub` in place of its extension. */
export function publicKeyPath(identityPath: string): string {
  checkPath(identityPath);
  const ext = extname(identityPath);
  if (ext === '.pub') throw new RangeError(`${identityPath}: an identity file must not end in .pub (that name is for its public key)`);
  return identityPath.slice(0, identityPath.length - ext.length) + '.pub';
}

/**
 * Writes a public key file: the 64 hex characters and a newline, readable by anyone (it is
 * what an agency sends to be enrolled, and what agencies and auditors pin). readPublicKey reads it.
 */
export async function writePublicKeyFile(path: string, publicKey: Uint8Array, options: { overwrite?: boolean } = {}): Promise<void> {
  checkPath(path);
  if (!options.overwrite && (await fileExists(path))) {
    throw new KeyFileError('KEYFILE_EXISTS', `${path} already exists; refusing to overwrite it`, path);
  }
  await writeFileAtomic(path, toHex(publicKey) + '\n', 0o644);
}

/**
 * A public key given on a command line or in a config: 64 hex characters, or the path of a file
 * holding them, or the path of an identity file (only its publicKey is taken).
 */
export async function readPublicKey(hexOrPath: string): Promise<Uint8Array> {
  if (typeof hexOrPath !== 'string') throw new TypeError('hexOrPath must be a string');
  const given = hexOrPath.trim();
  if (given === '') throw new RangeError('hexOrPath must not be empty');
  if (/^[0-9a-f]{64}$/i.test(given)) return fromHex(given, PUBLIC_KEY_BYTES, 'public key');
  let text: string;
  try {
    text = await readFile(given, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new KeyFileError(
        'KEYFILE_NOT_FOUND',
        `"${given}" is neither a public key (64 hex characters) nor the path of an existing file`,
        given,
      );
    }
    throw err;
  }
  const content = text.trim();
  if (/^[0-9a-f]{64}$/i.test(content)) return fromHex(content, PUBLIC_KEY_BYTES, 'public key');
  const publicKey = identityFilePublicKey(content);
  if (publicKey !== undefined) return fromHex(publicKey, PUBLIC_KEY_BYTES, 'public key');
  throw new KeyFileError(
    'KEYFILE_BAD_PUBLIC_KEY',
    `${given} holds neither a public key (64 hex characters) nor a Cohort identity file`,
    given,
  );
}

function identityFilePublicKey(content: string): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return undefined;
  }
  const parsed = fileSchema.pick({ type: true, publicKey: true }).loose().safeParse(raw);
  return parsed.success ? parsed.data.publicKey : undefined;
}

async function readPrivate(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new KeyFileError('KEYFILE_NOT_FOUND', `identity file ${path} does not exist`, path);
    }
    throw err;
  }
  try {
    // Checked on the open handle, not the name, so the file read is the file checked.
    const { mode } = await handle.stat();
    // Windows has no POSIX modes: Node reports 0o666 for every writable file there.
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      const shown = (mode & 0o777).toString(8).padStart(4, '0');
      throw new KeyFileError(
        'KEYFILE_PERMISSIONS',
        `identity file ${path} has mode ${shown}, so other users can read or change the secret key; ` +
          `run: chmod 600 ${path}`,
        path,
      );
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}


function checkPath(path: string): void {
  if (typeof path !== 'string') throw new TypeError('path must be a string');
  if (path === '') throw new RangeError('path must not be empty');
}
