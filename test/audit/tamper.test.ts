// Every edit an adversary can make to the file is found, and the first bad line is named:
// every single-byte change, every deleted line, every swap of neighbours, every truncation.
import { beforeAll, describe, expect, test } from 'vitest';
import { LedgerVerifier, verifyLedger, type VerifyOptions } from '../../audit/verify.js';
import { buildFixture, coordinator, fastVerifier, type Fixture } from './fixture.js';

let f: Fixture;
let starts: number[]; // byte offset where each line starts; starts[n] is the file's length
const fast = fastVerifier();
const plain: VerifyOptions = { coordinatorKey: coordinator.publicKey };

beforeAll(async () => {
  f = await buildFixture();
  starts = [0];
  for (const line of f.lines) starts.push(starts[starts.length - 1] + Buffer.byteLength(line) + 1);
});

const join = (lines: string[]): Buffer => Buffer.from(lines.map((l) => l + '\n').join(''), 'utf8');
const lineOf = (offset: number): number => starts.findIndex((start, i) => offset >= start && offset < starts[i + 1]) + 1;

test('the untouched ledger verifies, with the default (tweetnacl) signature check, all receipts and run_finished required', () => {
  const report = verifyLedger(f.bytes, { ...plain, receipts: f.receipts, requireFinished: true });
  expect(report.failure).toBeNull();
  expect(report.ok).toBe(true);
  expect(report.entries).toBe(f.lines.length);
  expect(report.receiptsChecked).toBe(15);
  expect(report.runs).toEqual([
    { runId: 'mnist-noniid-2025', status: 'finished', finishReason: 'planned rounds done', rounds: 3, roundsOk: 3, roundsAbandoned: 0, agencies: ['agency-nord', 'agency-sud', 'institut-centre', 'lab-est', 'lab-ouest'], dropouts: 2, epsilon: 8.039116966222146, delta: 1e-5,
      refusals: [{ agency: 'institut-centre', code: 'POLICY_BUDGET', rounds: 1 }], validation: [], best: null },
    { runId: 'tabular-pilot', status: 'finished', finishReason: 'stopped by operator', rounds: 1, roundsOk: 0, roundsAbandoned: 1, agencies: ['agency-nord', 'agency-sud', 'lab-est'], dropouts: 1, epsilon: null, delta: null, refusals: [], validation: [], best: null },
  ]);
});

describe('every single-byte change', () => {
  // Two edits per offset: to '0' (or '1'), which keeps hex fields well-formed so only the
  // signature or the chain can catch it, and a flip of the top bit, which breaks UTF-8 or
  // the JSON. The verifier state after the untouched prefix is forked rather than rebuilt,
  // which makes all offsets affordable; a sample goes through verifyLedger on the whole file.
  const edits = [(b: number) => (b === 0x30 ? 0x31 : 0x30), (b: number) => b ^ 0x80];

  test('is detected at the line it is in', () => {
    const before: LedgerVerifier[] = [new LedgerVerifier(plain, { verifySignature: fast })];
    for (let k = 0; k < f.lines.length; k += 1) before.push(before[k].fork().write(f.bytes.subarray(starts[k], starts[k + 1])));
    expect(before[f.lines.length].end().ok).toBe(true);

    const misses: string[] = [];
    let checked = 0;
    for (let k = 0; k < f.lines.length; k += 1) {
      for (let offset = starts[k]; offset < starts[k + 1]; offset += 1) {
        for (const edit of edits) {
          const tampered = Buffer.from(f.bytes);
          tampered[offset] = edit(tampered[offset]);
          const report = before[k].fork().write(tampered.subarray(starts[k])).end();
          checked += 1;
          if (report.failure?.line !== k + 1) misses.push(`offset ${offset} -> ${tampered[offset]}: ${JSON.stringify(report.failure)}`);
          if (offset % 97 === 0) {
            const whole = verifyLedger(tampered, plain, { verifySignature: fast });
            if (JSON.stringify(whole.failure) !== JSON.stringify(report.failure)) misses.push(`offset ${offset}: whole-file verify disagrees`);
          }
        }
      }
    }
    expect(checked).toBe(2 * f.bytes.length);
    expect(misses).toEqual([]);
  });

  test('the default tweetnacl check reaches the same verdict as the fast one used above', () => {
    for (const offset of [starts[12] + 300, f.bytes.length - 3]) {
      const tampered = Buffer.from(f.bytes);
      tampered[offset] = edits[0](tampered[offset]);
      expect(verifyLedger(tampered, plain).failure).toEqual(verifyLedger(tampered, plain, { verifySignature: fast }).failure);
      expect(verifyLedger(tampered, plain).failure?.line).toBe(lineOf(offset));
    }
  });
});

test('deleting any line is named at that line (the last one through the ML team\'s run_finished receipt)', () => {
  const options = { ...plain, receipts: f.receipts };
  for (let k = 0; k < f.lines.length; k += 1) {
    const report = verifyLedger(join(f.lines.filter((_, i) => i !== k)), options, { verifySignature: fast });
    expect(report.failure?.line, `deleted line ${k + 1}`).toBe(k + 1);
    expect(report.failure?.code).toBe(k === f.lines.length - 1 ? 'TRUNCATED' : 'SEQ');
  }
});

test('swapping any two adjacent lines is named at the first of them', () => {
  for (let k = 0; k + 1 < f.lines.length; k += 1) {
    const lines = [...f.lines];
    [lines[k], lines[k + 1]] = [lines[k + 1], lines[k]];
    const report = verifyLedger(join(lines), plain, { verifySignature: fast });
    expect(report.failure, `swapped lines ${k + 1} and ${k + 2}`).toMatchObject({ line: k + 1, code: 'SEQ' });
  }
});

describe('truncation', () => {
  test('mid-line, at every offset, is a torn tail at that line', () => {
    let verifier = new LedgerVerifier(plain, { verifySignature: fast });
    for (let k = 0; k < f.lines.length; k += 1) {
      for (let cut = starts[k] + 1; cut < starts[k + 1]; cut += 1) {
        const report = verifier.fork().write(f.bytes.subarray(starts[k], cut)).end();
        expect(report.failure, `cut at byte ${cut}`).toMatchObject({ line: k + 1, code: 'FRAMING' });
      }
      verifier = verifier.write(f.bytes.subarray(starts[k], starts[k + 1]));
    }
    expect(verifyLedger(f.bytes.subarray(0, f.bytes.length - 1), plain).failure).toMatchObject({ line: f.lines.length, code: 'FRAMING' });
  });

  test('at a line boundary, a prefix of a valid ledger is valid by itself: receipts of later entries name the first missing line', () => {
    for (let kept = 0; kept < f.lines.length; kept += 1) {
      const prefix = f.bytes.subarray(0, starts[kept]);
      expect(verifyLedger(prefix, plain, { verifySignature: fast }).ok, `kept ${kept} lines, no receipts`).toBe(true);
      const report = verifyLedger(prefix, { ...plain, receipts: f.receipts }, { verifySignature: fast });
      expect(report.failure, `kept ${kept} lines`).toMatchObject({ line: kept + 1, code: 'TRUNCATED' });
    }
  });

  test('at a line boundary, requireFinished alone catches every cut inside a run, but not one between runs', () => {
    const betweenRuns = [0, f.lines.findIndex((line) => line.includes('"type":"run_finished"')) + 1];
    for (let kept = 0; kept < f.lines.length; kept += 1) {
      const report = verifyLedger(f.bytes.subarray(0, starts[kept]), { ...plain, requireFinished: true }, { verifySignature: fast });
      if (betweenRuns.includes(kept)) expect(report.ok, `kept ${kept} lines`).toBe(true);
      else expect(report.failure, `kept ${kept} lines`).toMatchObject({ line: kept + 1, code: 'TRUNCATED' });
    }
  });
});
