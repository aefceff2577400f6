// Run config validation: every refusal names the field at fault.
import { describe, expect, it } from 'vitest';
import { parseRunConfig, roundsOf } from '../../coordinator/run-config.js';
import { trainFor } from '../../coordinator/run-round.js';

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

  it('a linear learning-rate schedule: learningRate in round 1, finalLearningRate in the last, in the offer', () => {
    const config = parseRunConfig({ ...base, rounds: 5, train: { ...base.train, learningRate: 6, finalLearningRate: 1 } });
    expect([1, 2, 3, 4, 5].map((round) => trainFor(config, round).learningRate)).toEqual([6, 4.75, 3.5, 2.25, 1]);
    expect(trainFor(config, 3)).not.toHaveProperty('finalLearningRate');
    expect(trainFor(parseRunConfig(base), 4).learningRate).toBe(base.train.learningRate);
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

describe('evaluation and tables in a run config (issues #12, #16)', () => {
  const schema = { task: 'binary', columns: [{ name: 'y', type: 'label' }, { name: 'x', type: 'numeric' }] };

  it('evaluation defaults: every model, at the end, a tenth kept for validation; the rounds the run may use count the extra ones', () => {
    const config = parseRunConfig({ ...base, evaluation: {} });
    expect(config.evaluation).toEqual({ every: 1, atEnd: true, validationFraction: 0.1, minDelta: 0 });
    expect(roundsOf(config)).toBe(4);
    expect(roundsOf(parseRunConfig(base))).toBe(3);
    // A table standardized by the federation's statistics: one statistics pass first.
    expect(roundsOf(parseRunConfig({ ...base, model: 'tabular-mlp', schema, evaluation: { atEnd: false } }))).toBe(4);
  });

  it.each([
    [{ ...base, evaluation: { validationFraction: 0.6 } }, /evaluation\.validationFraction/],
    [{ ...base, evaluation: { patience: 0 } }, /evaluation\.patience/],
    [{ ...base, model: 'tabular-mlp' }, /built from the table schema: give schema/],
    [{ ...base, model: 'tabular-mlp', schema, secagg: { enabled: false } }, /statistics pass needs secure aggregation/],
  ])('refuses %j', (input, message) => {
    expect(refusal(input)).toMatch(message);
  });
});
