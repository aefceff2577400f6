import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { toHex } from '../../identity/keys.js';
import { auditCommand } from '../../cli/commands/audit.js';
import { buildFixture, coordinator, seeded, type Fixture } from './fixture.js';

let f: Fixture;
let key: string;
beforeAll(async () => {
  f = await buildFixture();
  key = toHex(coordinator.publicKey);
});

async function run(...args: string[]): Promise<{ code: number | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  let code: number | undefined;
  const command = auditCommand({ out: (t) => void (out += t), err: (t) => void (err += t), exit: (c) => void (code = c) });
  await command.exitOverride().parseAsync(args, { from: 'user' });
  return { code, out, err };
}

test('verify: 0 for a valid ledger, with receipts from the agencies\' directories', async () => {
  const result = await run('verify', f.path, '--coordinator-key', key, '--receipts', ...f.receiptDirs, '--require-finished');
  expect(result.code).toBe(0);
  expect(result.out).toContain(`VALID: ${f.lines.length} entries, 13 receipts checked`);
  expect(result.out).toContain('run mnist-noniid-2025: finished (planned rounds done); 3 rounds (3 ok, 0 abandoned); 5 agencies; 2 dropouts; epsilon 8.039116966222146');
});

test('verify: 1 for a tampered ledger, naming the line; --json gives the report', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cohort-cli-'));
  const tampered = join(dir, 'ledger.jsonl');
  await writeFile(tampered, f.bytes.toString('utf8').replace('"inputs":4', '"inputs":5'));
  const text = await run('verify', tampered, '--coordinator-key', key);
  expect(text.code).toBe(1);
  const line = f.lines.findIndex((l) => l.includes('"inputs":4')) + 1;
  expect(text.out).toContain(`INVALID at line ${line} [SIGNATURE]`);
  const json = await run('verify', tampered, '--coordinator-key', key, '--json');
  expect(json.code).toBe(1);
  expect(JSON.parse(json.out)).toMatchObject({ ok: false, failure: { line, code: 'SIGNATURE' } });
  expect((await run('verify', f.path, '--coordinator-key', toHex(seeded(99).publicKey))).code).toBe(1);
});

test('verify: the key may come from a file', async () => {
  const keyFile = join(await mkdtemp(join(tmpdir(), 'cohort-cli-')), 'coordinator.pub');
  await writeFile(keyFile, key + '\n');
  expect((await run('verify', f.path, '--coordinator-key', keyFile)).code).toBe(0);
});

test('verify: 2 for unusable input: missing ledger, missing or malformed key, missing receipts', async () => {
  const missing = await run('verify', join(f.dir, 'nope.jsonl'), '--coordinator-key', key);
  expect(missing).toMatchObject({ code: 2, out: '' });
  expect(missing.err).toContain('cannot read ledger');
  expect((await run('verify', f.path)).code).toBe(2);
  expect((await run('verify', f.path, '--coordinator-key', key.toUpperCase())).code).toBe(2);
  expect((await run('verify', f.path, '--coordinator-key', key.slice(2))).code).toBe(2);
  expect((await run('verify', f.path, '--coordinator-key', key, '--receipts', join(f.dir, 'nobody'))).code).toBe(2);
});

test('show prints one row per round', async () => {
  const result = await run('show', f.path);
  expect(result.code).toBe(0);
  expect(result.out).toMatch(/mnist-noniid-2025\s+2\s+5\s+4\s+2\s+4\s+6\.327364712808747\s+ok/);
  expect(result.out).toMatch(/tabular-pilot\s+1\s+3\s+0\s+1\s+-\s+-\s+abandoned/);
  expect(result.out).toContain('not verified');
});
