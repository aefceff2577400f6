// The dashboard's federated validation series (VALIDATION_OF, the same source the page runs): a
// round's record carries the validation of the model it was offered, so the chart draws it at
// the round that made that model, beside the held-out figures of the same model.
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT, VALIDATION_OF } from '../../coordinator/http/page-script.js';

const validationOf = new Function(`${VALIDATION_OF}; return validationOf;`)() as (history: unknown[], round: number) => { loss: number } | null;

describe('dashboard validation series', () => {
  it('finds the validation of round r\'s model in the record that names model r', () => {
    const history = [
      { round: 1, validation: { modelRound: 0, loss: 2.3 } },
      { round: 2, validation: { modelRound: 1, loss: 0.6 } },
      { round: 3, kind: 'evaluation', validation: { modelRound: 2, loss: 0.4 } },
    ];
    expect(validationOf(history, 1)).toEqual({ modelRound: 1, loss: 0.6 });
    expect(validationOf(history, 2)).toEqual({ modelRound: 2, loss: 0.4 });
    expect(validationOf(history, 3)).toBeNull();
    expect(validationOf([{ round: 1 }], 1)).toBeNull();
  });

  it('the page script parses, with the series in it', () => {
    expect(() => new Function(PAGE_SCRIPT)).not.toThrow();
    expect(PAGE_SCRIPT).toContain('federated validation accuracy %');
  });
});
