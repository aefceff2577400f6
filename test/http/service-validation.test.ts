// The run service dashboard's federated validation (CHARTS_VIEW and VALUE_OF, the source the page
// runs): a round record carries the agencies' validation of the model it was offered, so each
// validation figure gets a chart of its own, drawn at the round that made the model, beside the
// held-out figures of the same model; the bookkeeping fields are not charted.
import { describe, expect, it } from 'vitest';
import { CHARTS_VIEW, VALUE_OF } from '../../coordinator/http/service-script.js';

type Record = { round: number } & { [key: string]: unknown };
const chartsView = new Function(`${CHARTS_VIEW}; return chartsView;`)() as (history: Record[]) => { id: string; title: string }[];
const valueOf = new Function(`${VALUE_OF}; return valueOf;`)() as (record: Record, key: string, history: Record[]) => number | null;

const history: Record[] = [
  { round: 1, contributors: 3, dropped: 0, declined: 0, seconds: 1, accuracy: 0.8, trainLoss: 0.5, metricsFrom: 3, validation: { modelRound: 0, examples: 40, loss: 2.3, accuracy: 0.1 } },
  { round: 2, contributors: 3, dropped: 0, declined: 0, seconds: 1, accuracy: 0.9, trainLoss: 0.3, metricsFrom: 3, validation: { modelRound: 1, examples: 40, loss: 0.5, accuracy: 0.82, auc: 0.9 } },
  { round: 3, kind: 'evaluation', contributors: 3, dropped: 0, declined: 0, seconds: 1, metricsFrom: 3, validation: { modelRound: 2, examples: 40, loss: 0.4, accuracy: 0.88 } },
];

describe('the service dashboard\'s federated validation', () => {
  it('a chart per validation figure, beside the held-out ones; no chart of the bookkeeping', () => {
    const charts = chartsView(history);
    expect(charts.map((c) => c.id)).toEqual(['accuracy', 'validation.accuracy', 'validation.loss', 'trainLoss', 'validation.auc', 'agencies']);
    expect(charts.find((c) => c.id === 'validation.accuracy')!.title).toBe('federated validation accuracy');
  });

  it('each value at the round whose model it measured', () => {
    expect(history.map((r) => valueOf(r, 'validation.accuracy', history))).toEqual([0.82, 0.88, null]);
    expect(history.map((r) => valueOf(r, 'accuracy', history))).toEqual([0.8, 0.9, null]);
    expect(valueOf(history[0], 'validation.auc', history)).toBe(0.9);
  });
});
