// What a round asks of the agencies besides training (issues #12, #16): the metrics the run
// wants and the shape of their totals, the table schema, and the federation's statistics. The
// offer declares the lengths of every exact part of the input; each client checks them against
// what it computes from the model and the schema before it accepts.
import { canonicalJson } from '../bytes/canonical-json.js';
import { DEFAULT_BINS, emptyTotals, totalsVectors } from '../ml/metrics.js';
import { featureColumns } from '../ml/schema.js';
import { emptyStatistics, statisticsVectors } from '../ml/statistics.js';
import type { RoundPurpose } from '../ledger/round-order.js';
import type { cohort } from '../proto/messages.js';
import type { GlobalModel } from './global-model.js';
import type { RoundTerms } from './round.js';
import type { RunConfig } from './run-config.js';

/** What decides a round's terms besides the run's config. */
export interface TermsContext {
  readonly purpose: RoundPurpose;
  /** The round whose model is offered (0: the initial model), and whether the agencies validated it already. */
  readonly modelRound: number;
  readonly validated: boolean;
  /** The federation's statistics totals as canonical JSON, once the statistics pass has closed. */
  readonly statisticsTotals?: string;
}

/** The round's terms; undefined for a run that asks for no metrics and has no table (offers as before). */
export function roundTerms(config: RunConfig, model: Pick<GlobalModel, 'task' | 'classes'>, at: TermsContext): RoundTerms | undefined {
  if (!config.evaluation && !config.schema) return undefined;
  const terms: RoundTerms = { purpose: at.purpose };
  if (config.schema) {
    terms.tableSchema = canonicalJson(config.schema);
    if (at.statisticsTotals !== undefined) terms.statisticsTotals = at.statisticsTotals;
  }
  const input: cohort.v1.IInputShape = {};
  if (config.evaluation) {
    const { every, validationFraction } = config.evaluation;
    const validate = at.purpose === 'evaluation' || (at.purpose === 'train' && every > 0 && at.modelRound % every === 0 && !at.validated);
    const { task, classes } = metricShape(model);
    terms.evaluation = { validationFraction, validate, task, classes, bins: DEFAULT_BINS };
    input.trainingTotals = at.purpose === 'train';
    if (validate) {
      const vectors = totalsVectors(emptyTotals(task, classes, DEFAULT_BINS));
      Object.assign(input, { validationCounts: vectors.counts.length, validationSums: vectors.sums.length });
    }
  }
  if (at.purpose === 'statistics') {
    const vectors = statisticsVectors(emptyStatistics(featureColumns(config.schema!)));
    Object.assign(input, { statisticsCounts: vectors.counts.length, statisticsSums: vectors.sums.length });
  }
  terms.input = input;
  return terms;
}

function metricShape(model: Pick<GlobalModel, 'task' | 'classes'>): { task: NonNullable<GlobalModel['task']>; classes: number } {
  if (model.task === undefined) throw new RangeError('the run asks for metrics, and the model does not say what it predicts (GlobalModel.task)');
  return { task: model.task, classes: model.task === 'binary' ? 2 : model.classes ?? 0 };
}
