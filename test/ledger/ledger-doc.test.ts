// docs/LEDGER.md's worked example must stay true: its lines verify, its hashes and the
// transcript it quotes are what the code computes.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { fromHex } from '../../identity/keys.js';
import { sha256Hex } from '../../bytes/digest.js';
import { verifyLedger } from '../../audit/verify.js';
import { auditCommand } from '../../cli/commands/audit.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('the worked example in docs/LEDGER.md verifies and its quoted hashes and output are right', async () => {
  const doc = await readFile(new URL('../../docs/LEDGER.md', import.meta.url), 'utf8');
  const jsonl = /```jsonl\n([\s\S]*?)```/.exec(doc)![1];
  const key = '8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c';
  const report = verifyLedger(jsonl, { coordinatorKey: fromHex(key, 32) });
  expect(report.failure).toBeNull();
  expect(report.entries).toBe(5);
  jsonl.split('\n').slice(0, -1).forEach((line, i) => expect(doc).toContain(`line ${i + 1}: ${sha256Hex(line)}`));

  const path = join(await mkdtemp(join(tmpdir(), 'cohort-doc-')), 'ledger.jsonl');
  await writeFile(path, jsonl);
  let out = '';
  await auditCommand({ out: (t) => void (out += t), err: () => undefined, exit: () => undefined }).parseAsync(['verify', path, '--coordinator-key', key], { from: 'user' });
  expect(doc).toContain(out.trimEnd());
});
