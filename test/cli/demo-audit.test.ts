// `cohort demo` ends with the auditor's check and the command to repeat it (issue #11, C): with
// --fraction 0.6 some agencies are never picked and hold no receipts; the demo printed their
// folders anyway, so "verify it yourself" exited 2 while the demo, which skipped the error, said
// VERIFIED. The check and the command now take exactly the folders that hold receipts.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { auditCommand } from '../../cli/commands/audit.js';
import { auditorCheck } from '../../cli/commands/demo.js';
import { buildFixture, coordinator, type Fixture } from '../audit/fixture.js';

let f: Fixture;
let neverPicked: string;
beforeAll(async () => {
  f = await buildFixture();
  neverPicked = join(await mkdtemp(join(tmpdir(), 'cohort-demo-')), 'agency-9', 'state');
  await mkdir(neverPicked, { recursive: true });
});

async function cli(command: string): Promise<number | undefined> {
  let code: number | undefined;
  const args = command.replace(/^npx cohort audit /, '').split(' ');
  await auditCommand({ out: () => {}, err: () => {}, exit: (c) => void (code = c) }).exitOverride().parseAsync(args, { from: 'user' });
  return code;
}

test('the demo\'s check and its "verify it yourself" command agree: both pass, on the folders that hold receipts', async () => {
  const { report, command } = await auditorCheck(f.path, coordinator.publicKey, [...f.receiptDirs, neverPicked]);
  expect(report.ok).toBe(true);
  expect(report.receiptsChecked).toBe(13);
  expect(command).not.toContain(neverPicked);
  for (const dir of f.receiptDirs) expect(command).toContain(dir);
  expect(await cli(command)).toBe(0);
  // What the demo printed before: the empty folder too, which the command refuses.
  expect(await cli(command.replace(' --require-finished', ` ${neverPicked} --require-finished`))).toBe(2);
});

test('a receipt file that cannot be read is an error for the demo\'s check, as it is for the command', async () => {
  const broken = join(await mkdtemp(join(tmpdir(), 'cohort-demo-')), 'state');
  await mkdir(broken);
  await writeFile(join(broken, 'receipts.jsonl'), 'not json\n');
  await expect(auditorCheck(f.path, coordinator.publicKey, [...f.receiptDirs, broken])).rejects.toMatchObject({ code: 'AUDIT_BAD_INPUT' });
});
