// Run config validation: every refusal names the field at fault.
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../coordinator/run-config.js';

const base = {
  runId: 'run-1', purpose: 'digit recognition research', model: 'mnist-2nn', rounds: 3,
  train: { epochs: 1, batchSize: 10, learningRate: 0.05 },
};

function refusal(input: unknown): string {
  try {
    parseRunConfig(input);
  } catch (err) {
    expect(err).toBeInstanceOf(RangeError);
    return (err as Error).message;
  }
  throw new Error('expected the run config to be refused');
}

describe('parseRunConfig', () => {
  it('fills in defaults for a minimal config', () => {
    const config = parseRunConfig(base);
    expect(config.strategy).toBe('fedavg');
    expect(config.selection).toEqual({ fraction: 1, min: 3, max: 1000 });
    expect(config.secagg.enabled).toBe(true);
    expect(config.dp.mode).toBe('off');
    expect(config.deadlines).toEqual({ answerMs: 15_000, uploadMs: 120_000, exchangeMs: 15_000 });
    expect(config.train.optimizer).toBe('sgd');
  });

  it.each([
    [{ ...base, runId: 'has space' }, /runId/],
    [{ ...base, rounds: 0 }, /rounds:/],
    [{ ...base, rounds: 2.5 }, /rounds:/],
    [{ ...base, model: 'resnet' }, /model:/],
    [{ ...base, strategy: 'sgd' }, /strategy:/],
    [{ ...base, train: { ...base.train, epochs: 0 } }, /train\.epochs:/],
    [{ ...base, train: { ...base.train, learningRate: -1 } }, /train\.learningRate:/],
    [{ ...base, selection: { fraction: 0 } }, /selection\.fraction:/],
    [{ ...base, selection: { fraction: 1.5 } }, /selection\.fraction:/],
    [{ ...base, deadlines: { uploadMs: 10 } }, /deadlines\.uploadMs:/],
    [{ ...base, secagg: { bits: 64 } }, /secagg\.bits:/],
    [{ ...base, dp: { mode: 'central' } }, /dp\.noiseMultiplier/],
    [{ ...base, model: 'layers-json' }, /modelPath/],
    [{ ...base, purpose: undefined }, /purpose:/],
    [{ ...base, selection: { min: 5, max: 4 } }, /selection\.min/],
    [{ ...base, minCohort: 5, selection: { min: 3, max: 4 } }, /minCohort/],
    [{ ...base, recordDp: { clipNorm: 1, noiseMultiplier: 0, expectedLotSize: 64, localSteps: 1 } }, /recordDp\.noiseMultiplier:/],
    [{ ...base, recordDp: { clipNorm: 1, noiseMultiplier: 1, expectedLotSize: 0.5, localSteps: 1 } }, /recordDp\.expectedLotSize:/],
    [{ ...base, recordDp: { clipNorm: 1, noiseMultiplier: 1, expectedLotSize: 64, samplingRate: 0.01, localSteps: 1 } }, /recordDp: Unrecognized key/i],
  ])('refuses %j naming the field', (input, field) => {
    expect(refusal(input)).toMatch(field);
  });

  it('takes record-level DP without a sampling rate, delta 1e-5 by default', () => {
    const config = parseRunConfig({ ...base, recordDp: { clipNorm: 1, noiseMultiplier: 1.1, expectedLotSize: 64, localSteps: 2 } });
    expect(config.recordDp).toEqual({ clipNorm: 1, noiseMultiplier: 1.1, expectedLotSize: 64, localSteps: 2, delta: 1e-5 });
    expect(parseRunConfig(base).recordDp).toBeUndefined();
  });

  it('lists every problem at once', () => {
    const message = refusal({ ...base, rounds: 0, train: { ...base.train, batchSize: 0 } });
    expect(message).toMatch(/rounds:/);
    expect(message).toMatch(/train\.batchSize:/);
  });
});
