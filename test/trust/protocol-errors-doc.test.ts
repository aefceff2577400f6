// docs/PROTOCOL-ERRORS.md and the README's table must stay true to proto/errors.ts: the same codes, each with its close
// code and fatality; and every test file the table names exists.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { ERRORS } from '../../proto/errors.js';

test.each(['docs/PROTOCOL-ERRORS.md', 'README.md'])('%s lists every code with its close code and fatality', async (file) => {
  const doc = await readFile(new URL(`../../${file}`, import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{4}) \| (yes|no) \|/gm)].map((m) => [m[1], Number(m[2]), m[3] === 'yes'] as const);
  expect(rows.map((r) => r[0]).sort()).toEqual(Object.keys(ERRORS).sort());
  for (const [code, close, fatal] of rows) {
    expect({ code, close, fatal }).toEqual({ code, close: ERRORS[code as keyof typeof ERRORS].close, fatal: ERRORS[code as keyof typeof ERRORS].fatal });
  }
  for (const named of new Set([...doc.matchAll(/`(test\/[\w/.-]+\.ts)`/g)].map((m) => m[1]))) {
    expect(existsSync(new URL(`../../${named}`, import.meta.url)), named).toBe(true);
  }
});
