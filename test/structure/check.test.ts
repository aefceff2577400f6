// The structure check that .ci/run and `npm test` run (scripts/check-structure.mjs): the tree as
// it is passes, and a copy with a deliberately wrong import, or an over-long function without a
// reason, fails naming the file and line.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const SCRIPT = join(ROOT, 'scripts', 'check-structure.mjs');

async function check(root: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, root]);
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the structure check', () => {
  let copy: string;
  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'cohort-structure-'));
    for (const part of ['bytes', 'storage', 'identity', 'privacy', 'ml', 'secagg', 'proto', 'ledger', 'coordinator', 'client', 'audit']) {
      await cp(join(ROOT, part), join(copy, part), { recursive: true, filter: (src) => !src.includes('generated') });
    }
  });
  afterAll(async () => { await rm(copy, { recursive: true, force: true }); });

  it('passes on the repository as it is', async () => {
    const result = await check(ROOT);
    expect(result.out).toContain('structure check: imports follow the parts');
    expect(result.code).toBe(0);
  });

  it.each([
    ['client/agent.ts', "import { startTransport } from '../coordinator/transport.js';", 'client/ may not import coordinator/', 'a party never imports another party'],
    ['secagg/graph.ts', "import { RunStore } from '../coordinator/run-store.js';", 'secagg/ may not import coordinator/', 'a shared part never imports a party'],
    ['identity/keys.ts', "export { Stage } from '../proto/stages.js';", 'identity/ may not import proto/', 'arrows point down'],
  ])('fails on a wrong import in %s, naming the line', async (file, line, what, why) => {
    const path = join(copy, file);
    const original = await readFile(path, 'utf8');
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l.startsWith('import ')) + 1; // after the first import
    lines.splice(at, 0, line);
    await writeFile(path, lines.join('\n'));
    try {
      const result = await check(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`${file}:${at + 1}: ${what}`);
      expect(result.out).toContain(why);
    } finally {
      await writeFile(path, original);
    }
  });

  it('fails on a function over 60 lines unless a reason stands above it', async () => {
    const path = join(copy, 'storage', 'long.ts');
    const body = Array.from({ length: 61 }, (_, i) => `  total += ${i};`).join('\n');
    await writeFile(path, `export function tooLong(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`);
    try {
      const result = await check(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain('storage/long.ts:1: function tooLong is 65 lines');
      await writeFile(path, `// long: one table of constants, read as a whole\nexport function tooLong(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`);
      expect((await check(copy)).code).toBe(0);
    } finally {
      await rm(path);
    }
  });
});
