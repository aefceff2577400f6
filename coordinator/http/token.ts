// The control token: 32 random bytes, hex, made at each start and written where only the
// coordinator's user can read it. Reading the run needs no token; changing it does.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TOKEN_FILE = 'http-token';

export interface ControlToken {
  /** Where the token was written: the only place it is shown. */
  readonly path: string;
  /** Whether an `Authorization` header carries the token. */
  accepts(authorization: string | undefined): boolean;
}

export async function createControlToken(dataDir: string): Promise<ControlToken> {
  const token = randomBytes(32).toString('hex');
  const path = join(dataDir, TOKEN_FILE);
  await writeFile(path, token + '\n', { mode: 0o600 });
  await chmod(path, 0o600); // writeFile's mode applies only to a file it creates
  const expected = digest(token);
  return Object.freeze({
    path,
    accepts(authorization: string | undefined): boolean {
      const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
      // Compared as SHA-256 digests: equal lengths for timingSafeEqual, and the time taken says
      // nothing of how much of the token was right (Hono compares secrets the same way).
      return timingSafeEqual(digest(match?.[1] ?? ''), expected) && match !== null;
    },
  });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
