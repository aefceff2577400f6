// A dataset fingerprint: what the audit ledger records about an agency's training data, so an
// auditor holding the same files can later confirm what was trained on. Only digests and
// stated metadata leave the agency, never the data itself.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../bytes/canonical-json.js';
import { createReadStream } from 'node:fs';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface FingerprintInput {
  /** The data files; their bytes are hashed, their names and locations are not. */
  readonly files: readonly string[];
  /** What the files hold (columns, shape, label set...), hashed in canonical form. */
  readonly schema: JsonValue;
  readonly rows: number;
  readonly license: string;
}

export interface DatasetFingerprint {
  /** Hex SHA-256 over the canonical schema and the files' digests in sorted path order. */
  readonly sha256: string;
  readonly schema: JsonValue;
  readonly rows: number;
  readonly license: string;
}

// Versioned so the hash construction can change without old ledger entries being misread.
const DOMAIN = 'cohort/dataset-fingerprint/v1';

export async function fingerprintDataset(input: FingerprintInput): Promise<DatasetFingerprint> {
  const { files, schema, rows, license } = input;
  if (!Array.isArray(files) || files.length === 0) throw new RangeError('files must list at least one path');
  if (!files.every((f) => typeof f === 'string' && f.length > 0)) throw new TypeError('files must be non-empty path strings');
  if (new Set(files).size !== files.length) throw new RangeError('files lists the same path twice');
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (typeof license !== 'string' || license.trim() === '') throw new TypeError('license must be a non-empty string');

  // Plain code-unit order, not localeCompare: the order must not depend on the machine's locale.
  const ordered = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const outer = createHash('sha256');
  // Newline-separated parts are unambiguous: canonical JSON and hex digests contain no newline.
  outer.update(`${DOMAIN}\n${canonicalJson(schema)}\n`);
  for (const path of ordered) outer.update(`${await sha256OfFile(path)}\n`);
  return { sha256: outer.digest('hex'), schema, rows, license };
}

/** Streamed, so an agency's multi-gigabyte CSV never has to fit in memory. */
async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
