// What makes a metrics entry's validation totals totals (docs/LEDGER.md, section 6, `metrics`):
// each validation example is counted once in the confusion counts of a classifier, and once in
// the score histogram of a binary one, under its own class; a regression has neither.
import type { EntryBodies } from '../ledger/entries.js';

type ValidationTotals = NonNullable<EntryBodies['metrics']['validation']>;

/** Why the totals cannot be a cohort's validation totals, or null when they can. */
export function validationProblem(v: ValidationTotals): string | null {
  const sum = (cells: readonly number[]) => cells.reduce((a, b) => a + b, 0);
  if (v.task === 'regression') {
    return v.confusion.length === 0 && v.scoreHistogram.length === 0 ? null : 'regression totals have no confusion counts or score histogram';
  }
  const k = Math.round(Math.sqrt(v.confusion.length));
  if (k < 2 || k * k !== v.confusion.length || (v.task === 'binary' && k !== 2)) {
    return `${v.confusion.length} confusion counts are not those of ${v.task === 'binary' ? '2 classes' : 'k >= 2 classes (k * k)'}`;
  }
  if (sum(v.confusion) !== v.examples) return `the confusion counts add up to ${sum(v.confusion)}, not the ${v.examples} examples`;
  if (v.task === 'multiclass') return v.scoreHistogram.length === 0 ? null : 'multiclass totals have no score histogram';
  if (v.scoreHistogram.length < 2 || v.scoreHistogram.length % 2 !== 0) return `a binary score histogram has two equal halves (negatives, positives), not ${v.scoreHistogram.length} bins`;
  const bins = v.scoreHistogram.length / 2;
  const negatives = sum(v.scoreHistogram.slice(0, bins));
  const positives = sum(v.scoreHistogram.slice(bins));
  if (negatives !== v.confusion[0] + v.confusion[1] || positives !== v.confusion[2] + v.confusion[3]) {
    return `the score histogram counts ${negatives} negatives and ${positives} positives; the confusion counts ${v.confusion[0] + v.confusion[1]} and ${v.confusion[2] + v.confusion[3]}`;
  }
  return null;
}
