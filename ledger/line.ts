// Parsing one ledger line into a typed entry: UTF-8, JSON, canonical form, envelope, body.
// Shared by the writer (to resume from the last line) and the verifier (for every line).
import { canonicalJson } from '../bytes/canonical-json.js';
import { bodySchemas, envelopeSchema, type LedgerEntry } from './entries.js';

export type LineProblem = { readonly code: 'ENCODING' | 'JSON' | 'NOT_CANONICAL' | 'SCHEMA'; readonly message: string };

// fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a BOM stays in the text and fails.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function parseLine(bytes: Uint8Array): { entry: LedgerEntry } | { problem: LineProblem } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { problem: { code: 'ENCODING', message: 'line is not valid UTF-8' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { problem: { code: 'JSON', message: `line is not JSON: ${(err as Error).message}` } };
  }
  let canonical: string;
  try {
    canonical = canonicalJson(value);
  } catch (err) {
    return { problem: { code: 'NOT_CANONICAL', message: (err as Error).message } };
  }
  // Requiring the exact canonical bytes means every byte of the line is covered by the hash
  // chain and the signature: no whitespace, escaping or number spelling can vary unnoticed.
  if (canonical !== text) return { problem: { code: 'NOT_CANONICAL', message: 'line is not in canonical form (sorted keys, no whitespace, JSON.stringify strings and numbers)' } };
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { problem: { code: 'SCHEMA', message: describe('entry', envelope.error.issues) } };
  const body = bodySchemas[envelope.data.type].safeParse(envelope.data.body);
  if (!body.success) return { problem: { code: 'SCHEMA', message: describe(`${envelope.data.type} body`, body.error.issues) } };
  return { entry: value as LedgerEntry };
}

export function describe(what: string, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const at = first.path.length > 0 ? `.${first.path.map(String).join('.')}` : '';
  return `${what}${at}: ${first.message}`;
}
