import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('generated protobuf code', () => {
  it('is current with proto/*.proto (run `npm run proto` after editing a schema)', () => {
    const out = mkdtempSync(join(tmpdir(), 'cohort-proto-'));
    execFileSync(process.execPath, ['scripts/gen-proto.mjs', '--out', out], { stdio: 'pipe' });
    for (const file of ['cohort.js', 'cohort.d.ts']) {
      const fresh = readFileSync(join(out, file), 'utf8');
      const committed = readFileSync(join('proto', 'generated', file), 'utf8');
      expect(committed, `proto/generated/${file} is stale`).toBe(fresh);
    }
  });
});
