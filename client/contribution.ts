// What an agency contributes to a round besides (or instead of) its update (issues #12, #16): the
// validation totals of the model it was offered, its training totals, or its table's statistics.
// The offer declares what the input holds; the agency checks every part of that declaration it
// can compute itself (the model's task and classes, the lengths of each part) before it accepts,
// so a coordinator cannot make it encode totals in a shape it did not mean.
import type * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../ml/dataset.js';
import { emptyTotals, metricTotals, totalsVectors, type MetricTotals } from '../ml/metrics.js';
import { featureColumns } from '../ml/schema.js';
import { emptyStatistics, statisticsVectors } from '../ml/statistics.js';
import { modelIO, modelTask } from '../ml/task.js';
import type { cohort } from '../proto/messages.js';
import { MAX_SUM, roundPurposeOf, type Parts, type RoundPurpose } from '../proto/update-vector.js';
import type { Prepared, RunData } from './run-data.js';

/** Most bins a binary score histogram may have. */
const MAX_BINS = 10_000;

/** The contribution's parts, and the agency's own metrics as the wire carries them (sent only when its policy allows). */
export interface Contribution {
  readonly parts: Parts;
  readonly own?: cohort.v1.IAgencyMetrics;
}

/**
 * Whether the offer's terms are what this agency computes from the model and its data: the
 * round's purpose, the metrics' task and classes, each part's length; statistics only under
 * secure aggregation. A refusal otherwise.
 */
export function checkTerms(offer: cohort.v1.IRoundOffer, model: tf.LayersModel, data: RunData): Prepared {
  let purpose: RoundPurpose;
  try {
    purpose = roundPurposeOf(offer);
  } catch (err) {
    return invalid((err as Error).message);
  }
  if (purpose === 'statistics' && !offer.secagg) {
    return { ok: false, code: 'POLICY_SECAGG_REQUIRED', reason: 'the statistics pass of a table leaves the agency only inside a masked sum; this round has no secure aggregation' };
  }
  if (purpose === 'statistics' && !data.statistics) return invalid('a statistics pass in a run that reads no table');
  if (purpose === 'statistics') {
    const sums = statisticsVectors(data.statistics!).sums;
    const at = sums.findIndex((x) => !(Math.abs(x) <= MAX_SUM));
    if (at >= 0) {
      const column = data.statistics!.columns.filter((c) => c.type === 'numeric')[Math.floor(at / 2)];
      return { ok: false, code: 'DATA_RANGE', reason: `the ${at % 2 ? 'sum of squares' : 'sum'} of "${column.name}" over this agency's rows is ${sums[at]}, beyond the ${MAX_SUM} a statistics pass carries: rescale the column` };
    }
  }
  const expected = expectedShape(offer, model, data, purpose);
  if (typeof expected === 'string') return invalid(expected);
  const declared = offer.input ?? {};
  for (const [name, value] of Object.entries(expected)) {
    const given = (declared as Record<string, unknown>)[name] ?? (typeof value === 'boolean' ? false : 0);
    if (given !== value) return invalid(`the input declares ${name} ${String(given)}; this agency computes ${String(value)}`);
  }
  return { ok: true, data };
}

/** What the input's parts must be for this model and data, or why the metrics asked cannot be this model's. */
interface InputShape {
  trainingTotals: boolean;
  validationCounts: number;
  validationSums: number;
  statisticsCounts: number;
  statisticsSums: number;
}

function expectedShape(offer: cohort.v1.IRoundOffer, model: tf.LayersModel, data: RunData, purpose: RoundPurpose): InputShape | string {
  const shape: InputShape = { trainingTotals: false, validationCounts: 0, validationSums: 0, statisticsCounts: 0, statisticsSums: 0 };
  const evaluation = offer.evaluation;
  if (evaluation) {
    const io = modelIO(model);
    const task = data.schema?.task ?? modelTask(io);
    const classes = task === 'regression' ? 0 : task === 'binary' ? 2 : io.outputs;
    if (evaluation.task !== task || (evaluation.classes ?? 0) !== classes) {
      return `its metrics are for a ${String(evaluation.task)} model of ${evaluation.classes ?? 0} classes; the offered model is ${task} with ${classes}`;
    }
    const bins = evaluation.bins ?? 0;
    if (!(Number.isInteger(bins) && bins >= 1 && bins <= MAX_BINS)) return `its score histogram has ${bins} bins; from 1 to ${MAX_BINS}`;
    shape.trainingTotals = purpose === 'train';
    if (purpose !== 'statistics' && evaluation.validate) {
      const vectors = totalsVectors(emptyTotals(task, classes, bins));
      Object.assign(shape, { validationCounts: vectors.counts.length, validationSums: vectors.sums.length });
    }
  }
  if (purpose === 'statistics') {
    const vectors = statisticsVectors(emptyStatistics(featureColumns(data.schema!)));
    Object.assign(shape, { statisticsCounts: vectors.counts.length, statisticsSums: vectors.sums.length });
  }
  return shape;
}

/** The validation totals of `model` (the weights offered, before any training) on the agency's validation split. */
export function validationTotals(model: tf.LayersModel, offer: cohort.v1.IRoundOffer, validation: Dataset | undefined): MetricTotals {
  const { task, classes, bins } = offer.evaluation!;
  if (!validation) return emptyTotals(task as MetricTotals['task'], classes ?? 0, bins ?? 1);
  return metricTotals(model, validation, { bins: bins ?? 1 });
}

/** The parts of the input, and the agency's own metrics as the wire carries them. */
export function totalsOf(offer: cohort.v1.IRoundOffer, data: RunData, measured: { validation?: MetricTotals; training?: { examples: number; loss: number } }): Contribution {
  const parts: { -readonly [K in keyof Parts]: Parts[K] } = {};
  const own: cohort.v1.IAgencyMetrics = {};
  if (roundPurposeOf(offer) === 'statistics') parts.statistics = statisticsVectors(data.statistics!);
  if (measured.training && offer.input?.trainingTotals) {
    const lossSum = measured.training.loss * measured.training.examples;
    parts.training = { counts: [measured.training.examples], sums: [lossSum] };
    Object.assign(own, { trainExamples: measured.training.examples, trainLossSum: lossSum });
  }
  if (measured.validation) {
    parts.validation = totalsVectors(measured.validation);
    own.validation = {
      examples: measured.validation.examples, lossSum: measured.validation.lossSum, confusion: [...measured.validation.confusion],
      scoreHistogram: [...measured.validation.scoreHistogram], squaredErrorSum: measured.validation.squaredErrorSum, absoluteErrorSum: measured.validation.absoluteErrorSum,
    };
  }
  return { parts, ...(Object.keys(own).length > 0 ? { own } : {}) };
}

function invalid(why: string): Prepared {
  return { ok: false, code: 'POLICY_OFFER_INVALID', reason: `the coordinator sent an invalid round offer: ${why}` };
}
