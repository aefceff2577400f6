// What a run decides from its ledger's metrics (coordinator/run-progress.ts): each model's
// federated validation (the latest measurement of it), the best model, early stopping by
// patience, and which rounds made a model or spent privacy. Folded from entries alone, so a
// resumed run decides as an uninterrupted one would.
import { describe, expect, it } from 'vitest';
import { RunProgress } from '../../coordinator/run-progress.js';
import { checkpointsKept } from '../../coordinator/run-round.js';
import type { LedgerEntry } from '../../ledger/entries.js';

const RUN = 'r';
const hash = (n: number) => n.toString(16).padStart(64, '0');
let seq = 0;
const entry = (type: string, body: Record<string, unknown>) => ({ seq: seq++, time: '', type, body: { runId: RUN, ...body }, prev: '', sig: '' }) as unknown as LedgerEntry;

/** A run whose rounds validate with these losses (null: no validation) and train; `kinds` marks evaluation or statistics rounds. */
function progressOf(rounds: { loss?: number; kind?: 'evaluation' | 'statistics'; closed?: 'ok' | 'abandoned' }[]): RunProgress {
  const progress = new RunProgress(RUN);
  progress.apply(entry('run_created', { modelFingerprint: hash(0), rounds: 20 }));
  let model = hash(0);
  rounds.forEach((r, i) => {
    const round = i + 1;
    progress.apply(entry('round_opened', { round, ...(r.kind ? { kind: r.kind } : {}) }));
    progress.apply(entry('aggregate', { round, inputs: 3 }));
    if (r.loss !== undefined) {
      progress.apply(entry('metrics', { round, modelSha256: model, agencies: 3, validation: { task: 'binary', examples: 100, lossSum: 100 * r.loss, confusion: [], scoreHistogram: [], squaredErrorSum: 0, absoluteErrorSum: 0 } }));
    }
    if (r.kind === 'statistics') progress.apply(entry('statistics', { round, schemaSha256: hash(7), totalsSha256: hash(8), rows: 30 }));
    if (!r.kind && r.closed !== 'abandoned') progress.apply(entry('model_updated', { round, modelSha256: hash(round) }));
    progress.apply(entry('round_closed', { round, status: r.closed ?? 'ok' }));
    if (!r.kind && r.closed !== 'abandoned') model = hash(round);
  });
  return progress;
}

describe('a run\'s metrics, folded from its ledger', () => {
  it('each validation belongs to the model the round offered; the best is the lowest loss, the earliest of equals', () => {
    const progress = progressOf([{ loss: 0.9 }, { loss: 0.5 }, { loss: 0.4 }, { loss: 0.4 }, { loss: 0.6, kind: 'evaluation' }]);
    expect([...progress.validations.values()].map((v) => [v.modelRound, v.round, v.loss])).toEqual([[0, 1, 0.9], [1, 2, 0.5], [2, 3, 0.4], [3, 4, 0.4], [4, 5, 0.6]]);
    expect(progress.best).toMatchObject({ modelRound: 2, loss: 0.4 });
    // Evaluation rounds make no model and spend no privacy; the last model is still round 4's.
    expect(progress.okRounds).toEqual([1, 2, 3, 4]);
    expect(progress.aggregated).toBe(4);
    expect(progress.lastOk.round).toBe(4);
  });

  it('early stopping: patience counts the validations since the best that improved it by no more than minDelta', () => {
    const progress = progressOf([{ loss: 0.9 }, { loss: 0.5 }, { loss: 0.49 }, { loss: 0.6 }]);
    expect(progress.patienceExhausted(1)).toBe(true);
    expect(progress.patienceExhausted(2)).toBe(false);
    // 0.49 is no improvement by more than 0.02: two in a row without one, then three.
    expect(progress.patienceExhausted(2, 0.02)).toBe(true);
    expect(progress.patienceExhausted(3, 0.02)).toBe(false);
    expect(progressOf([{ loss: 0.9 }, { loss: 0.5 }, { loss: 0.49 }, { loss: 0.6 }, { loss: 0.55 }]).patienceExhausted(3, 0.02)).toBe(true);
    expect(progressOf([]).patienceExhausted(1)).toBe(false);
  });

  it('the statistics pass counts once it closed ok; a model measured twice keeps its latest validation', () => {
    const abandoned = progressOf([{ kind: 'statistics', closed: 'abandoned' }]);
    expect(abandoned.statistics).toBeUndefined();
    const progress = progressOf([{ kind: 'statistics' }, { loss: 0.7, closed: 'abandoned' }, { loss: 0.8 }]);
    expect(progress.statistics).toMatchObject({ round: 1, totalsSha256: hash(8) });
    // Round 2 validated the initial model and then was abandoned; round 3 validated it again.
    expect([...progress.validations.values()]).toEqual([{ modelRound: 0, round: 3, examples: 100, loss: 0.8 }]);
    expect(progress.okRounds).toEqual([3]);
  });
});

describe('the checkpoints a run keeps', () => {
  it('the newest three a resume may load, and the best validated model\'s, however old', () => {
    expect(checkpointsKept([1, 2, 3, 4, 5], undefined)).toEqual([3, 4, 5]);
    expect(checkpointsKept([1, 2, 3, 4, 5], 1)).toEqual([1, 3, 4, 5]);
    expect(checkpointsKept([1, 2, 3, 4, 5], 4)).toEqual([3, 4, 5]);
    expect(checkpointsKept([1], 0)).toEqual([0, 1]);
    const progress = progressOf([{ loss: 0.9 }, { loss: 0.3 }, { loss: 0.5 }, { loss: 0.6 }, { loss: 0.7 }, { loss: 0.8 }]);
    expect(checkpointsKept(progress.okRounds, progress.best?.modelRound)).toEqual([1, 4, 5, 6]);
  });
});
