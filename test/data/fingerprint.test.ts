import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintDataset } from '../../client/data/fingerprint.js';

function twoFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-fingerprint-'));
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, 'x,label\n1,0\n');
  writeFileSync(b, 'x,label\n2,1\n');
  return [a, b];
}

const schema = { columns: ['x', 'label'], label: 'label' };

describe('fingerprintDataset', () => {
  it('records the metadata and a stable hash, independent of the order files are listed in', async () => {
    const files = twoFiles();
    const first = await fingerprintDataset({ files, schema, rows: 2, license: 'CC-BY-4.0' });
    expect(first).toMatchObject({ schema, rows: 2, license: 'CC-BY-4.0' });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    const reversed = await fingerprintDataset({ files: [...files].reverse(), schema, rows: 2, license: 'CC-BY-4.0' });
    expect(reversed.sha256).toBe(first.sha256);
  });

  it('changes when one byte of one file changes', async () => {
    const files = twoFiles();
    const before = await fingerprintDataset({ files, schema, rows: 2, license: 'CC0' });
    writeFileSync(files[1], 'x,label\n3,1\n');
    const after = await fingerprintDataset({ files, schema, rows: 2, license: 'CC0' });
    expect(after.sha256).not.toBe(before.sha256);
  });

  it('hashes the schema canonically: key order does not matter, content does', async () => {
    const files = twoFiles();
    const hash = async (s: typeof schema) => (await fingerprintDataset({ files, schema: s, rows: 2, license: 'CC0' })).sha256;
    expect(await hash({ label: 'label', columns: ['x', 'label'] })).toBe(await hash(schema));
    expect(await hash({ columns: ['x', 'y'], label: 'label' })).not.toBe(await hash(schema));
  });

  it('rejects bad arguments, naming them', async () => {
    const files = twoFiles();
    await expect(fingerprintDataset({ files: [], schema, rows: 2, license: 'CC0' })).rejects.toThrow(/files/);
    await expect(fingerprintDataset({ files: [files[0], files[0]], schema, rows: 1, license: 'CC0' })).rejects.toThrow(/files/);
    await expect(fingerprintDataset({ files, schema, rows: -1, license: 'CC0' })).rejects.toThrow(/rows/);
    await expect(fingerprintDataset({ files, schema, rows: 2, license: ' ' })).rejects.toThrow(/license/);
    await expect(fingerprintDataset({ files, schema: { bad: NaN }, rows: 2, license: 'CC0' })).rejects.toThrow(/bad must be finite/);
  });
});
