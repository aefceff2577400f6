// Data that does not fit: the pure check against a model, and `cohort client` refusing at
// start-up with a code, a message naming the field and the fix, exit code 2 and no stack trace
// (issue #15: a missing CSV, a non-numeric cell, a short row, a missing label column among 785,
// a 10-feature CSV for mnist-2nn, labels out of range).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCommand } from '../../cli/commands/client.js';
import { checkDataForModel, checkDataForPolicyModels } from '../../client/data/check.js';
import { writeIdentityFile } from '../../identity/keyfile.js';
import { generateIdentity, toHex } from '../../identity/keys.js';
import type { Dataset } from '../../ml/dataset.js';

const table = (n: number, features: number, label: (i: number) => number): Dataset => ({
  x: new Float32Array(n * features), y: Int32Array.from({ length: n }, (_, i) => label(i)), exampleShape: [features], numClasses: 10,
});

describe('checkDataForModel', () => {
  const mnist = { inputSize: 784, outputs: 10, task: 'multiclass' as const };

  it('accepts data that fits, also when an agency lacks some classes', () => {
    expect(checkDataForModel(table(5, 784, (i) => i % 3), mnist)).toEqual({ ok: true });
    expect(checkDataForModel(table(4, 6, (i) => i % 2), { inputSize: 6, outputs: 1, task: 'binary' })).toEqual({ ok: true });
    const regression: Dataset = { x: new Float32Array(6), y: Float32Array.of(1.5, -2, 3), exampleShape: [2], numClasses: 0 };
    expect(checkDataForModel(regression, { inputSize: 2, outputs: 1, task: 'regression' })).toEqual({ ok: true });
  });

  it('declines a feature count the model does not take: DATA_SHAPE', () => {
    expect(checkDataForModel(table(5, 10, () => 0), mnist, 'mnist-2nn')).toEqual({
      ok: false, code: 'DATA_SHAPE',
      message: 'the data has 10 features per example; mnist-2nn takes 784: give a dataset with 784 feature columns, or allow a model that fits the data',
    });
    expect(checkDataForModel(table(2, 6, () => 0), { inputSize: 6, outputs: 2, task: 'binary' })).toMatchObject({ code: 'DATA_SHAPE' });
  });

  it('declines labels out of range, counting them: DATA_LABELS', () => {
    const fit = checkDataForModel(table(20, 784, (i) => (i % 5 === 4 ? 12 : 3)), mnist, 'mnist-2nn');
    expect(fit).toEqual({
      ok: false, code: 'DATA_LABELS',
      message: '4 examples have labels outside 0..9, the 10 classes mnist-2nn predicts (the first: example 5, label 12): fix the labels, or allow a model with more classes',
    });
    expect(checkDataForModel(table(3, 6, (i) => i), { inputSize: 6, outputs: 1, task: 'binary' })).toMatchObject({ code: 'DATA_LABELS', message: expect.stringMatching(/^1 example has a label outside 0..1/) });
  });

  it('declines a regression target for a classifier and classes for a regression model', () => {
    const regression: Dataset = { x: new Float32Array(2), y: Float32Array.of(0.5), exampleShape: [2], numClasses: 0 };
    expect(checkDataForModel(regression, { inputSize: 2, outputs: 1, task: 'binary' })).toMatchObject({ code: 'DATA_LABELS' });
    expect(checkDataForModel(table(2, 2, () => 0), { inputSize: 2, outputs: 1, task: 'regression' })).toMatchObject({ code: 'DATA_LABELS' });
  });

  it('at start-up, checks only against models it knows without an offer', () => {
    const tenFeatures = table(5, 10, () => 1);
    expect(checkDataForPolicyModels(tenFeatures, ['mnist-2nn', 'mnist-cnn'])).toMatchObject({ ok: false, code: 'DATA_SHAPE' });
    // A model named by fingerprint may fit: it is checked when offered.
    expect(checkDataForPolicyModels(tenFeatures, ['mnist-2nn', 'ab'.repeat(32)])).toEqual({ ok: true });
    expect(checkDataForPolicyModels(table(5, 784, () => 1), ['MNIST-2NN'])).toEqual({ ok: true });
    // Names of Object.prototype members are other architectures, not built-in ones.
    expect(checkDataForPolicyModels(tenFeatures, ['constructor'])).toEqual({ ok: true });
  });
});

describe('cohort client at start-up, with data that cannot be used', () => {
  let dir: string;
  let keyPath: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cohort-client-data-'));
    keyPath = join(dir, 'agency.key');
    await writeIdentityFile(keyPath, generateIdentity(), { name: 'agency-a' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start(dataset: object, csv?: string, extra: string[] = []): Promise<{ err: string; exitCode: number }> {
    if (csv !== undefined) await writeFile(join(dir, 'records.csv'), csv);
    const policy = {
      coordinatorKey: toHex(generateIdentity().publicKey), minCohort: 3, purposes: ['research'], models: ['mnist-2nn'],
      maxRoundsPerRun: 5, dataset: { kind: 'csv', path: 'records.csv', labelColumn: 'label', license: 'test data', ...dataset },
    };
    await writeFile(join(dir, 'policy.json'), JSON.stringify(policy));
    let err = '';
    const output = { writeOut: () => {}, writeErr: (s: string) => { err += s; } };
    const program = new Command('cohort').exitOverride().configureOutput(output);
    program.addCommand(clientCommand().exitOverride().configureOutput(output));
    try {
      await program.parseAsync(['client', '--policy', join(dir, 'policy.json'), '--coordinator', 'ws://127.0.0.1:9', '--key', keyPath,
        '--log-file', join(dir, 'client.log'), ...extra], { from: 'user' });
      return { err, exitCode: 0 };
    } catch (e) {
      return { err, exitCode: (e as { exitCode?: number }).exitCode ?? -1 };
    }
  }

  const header = ['label', ...Array.from({ length: 784 }, (_, i) => `pixel${i}`)].join(',');
  const row = (label: number | string, fill = '0') => [label, ...Array.from({ length: 784 }, () => fill)].join(',');

  it.each([
    ['a missing CSV', { path: 'nowhere.csv' }, undefined,
      /^error: DATA_FILE: cannot read dataset\.path \/.*nowhere\.csv: no such file \(ENOENT\); fix dataset\.path in the policy/],
    ['a non-numeric cell', {}, `${header}\n${row(1)}\n${row(2).replace(/,0$/, ',abc')}\n`,
      /^error: DATA_SCHEMA: .*records\.csv: 1 row with a value that is not a number in "pixel783" \(first at line 3, column 785: "abc"\)/],
    ['a short row', {}, `${header}\n${row(1)}\n1,0,0\n`,
      /^error: DATA_SCHEMA: .*1 row with a different number of fields from the header \(first at line 3, with 3\)/],
    ['a missing label column among 785', { labelColumn: 'digit' }, `${header}\n${row(1)}\n`,
      /^error: DATA_FORMAT: .*records\.csv, line 1: no column named "digit" for the label \(dataset\.labelColumn\); the header has 785 columns: "label", "pixel0", "pixel1", "pixel2", "pixel3", \.\.\. \(780 more\)\n$/],
    ['a 10-feature CSV for mnist-2nn', {}, `a,b,c,d,e,f,g,h,i,j,label\n${'1,'.repeat(10)}3\n`,
      /^error: DATA_SHAPE: .*records\.csv: the data has 10 features per example; mnist-2nn \(policy\.models\) takes 784/],
    ['labels out of range', {}, `${header}\n${row(1)}\n${row(12)}\n${row(12)}\n`,
      /^error: DATA_LABELS: .*records\.csv: 2 examples have labels outside 0\.\.9, the 10 classes mnist-2nn \(policy\.models\) predicts \(the first: example 2, label 12\)/],
  ])('%s: a code, the field, the fix, exit code 2, no stack trace', async (_name, dataset, csv, message) => {
    const { err, exitCode } = await start(dataset, csv);
    expect(err).toMatch(message);
    expect(exitCode).toBe(2);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('prints the stack trace with --debug', async () => {
    const { err, exitCode } = await start({ path: 'nowhere.csv' }, undefined, ['--debug']);
    expect(exitCode).toBe(2);
    expect(err).toMatch(/DataError: cannot read dataset\.path[^\n]*\n\s+at /);
  });
});
