// A round's metric and statistics totals, from what the aggregation gave: under SecAgg the
// cohort's sums out of the masked inputs; in the clear the sums of what agencies whose policy
// allows per-agency metrics reported. They become the ledger's metrics and statistics entries
// and the round's record (what people read).
import { canonicalJson } from '../bytes/canonical-json.js';
import { sha256Hex } from '../bytes/digest.js';
import type { EntryBody } from '../ledger/entries.js';
import type { RoundFields } from '../ledger/round-log.js';
import { emptyTotals, metricsFrom, totalsFromVectors, totalsVectors, type MetricTotals } from '../ml/metrics.js';
import { featureColumns, schemaHash, type Schema } from '../ml/schema.js';
import { emptyStatistics, preprocessingFrom, statisticsFromVectors } from '../ml/statistics.js';
import type { cohort } from '../proto/messages.js';
import type { Parts, Totals } from '../proto/update-vector.js';
import type { AggregateResult, RoundTerms } from './round.js';
import type { AgencyMetrics, RoundRecord } from './run-store.js';

/** The metrics entry's fields for the round, or undefined when no agency's totals are in it. */
export function metricsFields(terms: RoundTerms | undefined, result: AggregateResult, modelSha256: string): RoundFields<'metrics'> | undefined {
  const evaluation = terms?.evaluation;
  if (!evaluation) return undefined;
  const { parts, reporters } = summedParts(result, evaluation);
  if (reporters === 0) return undefined;
  const validation = parts.validation ? validationTotals(evaluation, parts.validation) : undefined;
  const training = parts.training ? { examples: parts.training.counts[0], lossSum: parts.training.sums[0] } : undefined;
  if (!validation && !training) return undefined;
  return { modelSha256, agencies: reporters, ...(training ? { training } : {}), ...(validation ? { validation } : {}) };
}

/** What the record shows of the metrics: training loss, and the validation metrics of the model the round offered. */
export function recordMetrics(record: RoundRecord, fields: RoundFields<'metrics'>, modelRound: number): void {
  if (fields.training && fields.training.examples > 0) record.trainLoss = fields.training.lossSum / fields.training.examples;
  if (fields.validation && fields.validation.examples > 0) record.validation = { modelRound, ...metricsFrom(fields.validation) };
  record.metricsFrom = fields.agencies;
}

/** Each agency's own metrics, as those whose policy allows it sent them. */
export function perAgencyMetrics(terms: RoundTerms | undefined, reported: ReadonlyMap<string, cohort.v1.IAgencyMetrics> | undefined): Record<string, AgencyMetrics> | undefined {
  const evaluation = terms?.evaluation;
  if (!evaluation || !reported || reported.size === 0) return undefined;
  const out: Record<string, AgencyMetrics> = {};
  for (const [agency, m] of [...reported].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const validation = m.validation && evaluation.validate ? wireTotals(evaluation, m.validation) : undefined;
    out[agency] = {
      ...(m.trainExamples ? { trainLoss: (m.trainLossSum ?? 0) / m.trainExamples } : {}),
      ...(validation && validation.examples > 0 ? { validation: metricsFrom(validation) } : {}),
    };
  }
  return out;
}

/** The statistics pass's totals: canonical JSON, its hash, and the entry; a RangeError when they cannot make the schema's preprocessing. */
export function statisticsOf(schema: Schema, totals: Totals): { json: string; fields: RoundFields<'statistics'> } {
  const like = emptyStatistics(featureColumns(schema));
  const stats = statisticsFromVectors(like, { counts: [...totals.counts], sums: [...totals.sums] });
  if (!(stats.rows > 0)) throw new RangeError('the statistics count no rows');
  preprocessingFrom(schema, stats); // throws when, e.g., no agency holds a value of a standardized column
  const json = canonicalJson({ counts: [...totals.counts], sums: [...totals.sums] });
  return { json, fields: { schemaSha256: schemaHash(schema), totalsSha256: sha256Hex(json), rows: stats.rows } };
}

/** Under SecAgg, the parts the masked inputs summed; in the clear, the sum of the reports that fit the round's shape. */
function summedParts(result: AggregateResult, evaluation: cohort.v1.IEvaluation): { parts: Parts; reporters: number } {
  if (result.parts) return { parts: result.parts, reporters: result.reporters ?? 0 };
  const reports = [...(result.perAgency ?? new Map<string, cohort.v1.IAgencyMetrics>())]
    .filter(([agency]) => result.contributors.includes(agency)).map(([, m]) => m);
  if (reports.length === 0) return { parts: {}, reporters: 0 };
  const training = { counts: [sum(reports.map((m) => m.trainExamples ?? 0))], sums: [sum(reports.map((m) => m.trainLossSum ?? 0))] };
  let validation: Totals | undefined;
  if (evaluation.validate) {
    const totals = reports.map((m) => (m.validation ? wireTotals(evaluation, m.validation) : undefined)).filter((t): t is MetricTotals => t !== undefined);
    const vectors = totals.map(totalsVectors);
    if (vectors.length > 0) validation = { counts: addAll(vectors.map((v) => v.counts)), sums: addAll(vectors.map((v) => v.sums)) };
  }
  return { parts: { training, ...(validation ? { validation } : {}) }, reporters: reports.length };
}

function validationTotals(evaluation: cohort.v1.IEvaluation, totals: Totals): EntryBody<'metrics'>['validation'] {
  const t = totalsFromVectors(shapeOf(evaluation), { counts: [...totals.counts], sums: [...totals.sums] });
  return {
    task: t.task, examples: t.examples, lossSum: t.lossSum, confusion: [...t.confusion], scoreHistogram: [...t.scoreHistogram],
    squaredErrorSum: t.squaredErrorSum, absoluteErrorSum: t.absoluteErrorSum,
  };
}

/** An agency's reported totals, when they have the round's shape; undefined otherwise (not counted). */
function wireTotals(evaluation: cohort.v1.IEvaluation, m: cohort.v1.IMetricTotals): MetricTotals | undefined {
  const like = shapeOf(evaluation);
  const confusion = m.confusion ?? [];
  const histogram = m.scoreHistogram ?? [];
  if (confusion.length !== like.confusion.length || histogram.length !== like.scoreHistogram.length) return undefined;
  const values = [m.examples ?? 0, m.lossSum ?? 0, m.squaredErrorSum ?? 0, m.absoluteErrorSum ?? 0, ...confusion, ...histogram];
  if (!values.every((v) => Number.isFinite(v) && v >= 0)) return undefined;
  return {
    task: like.task, examples: m.examples ?? 0, lossSum: m.lossSum ?? 0, confusion, scoreHistogram: histogram,
    squaredErrorSum: m.squaredErrorSum ?? 0, absoluteErrorSum: m.absoluteErrorSum ?? 0,
  };
}

function shapeOf(evaluation: cohort.v1.IEvaluation): MetricTotals {
  return emptyTotals(evaluation.task as MetricTotals['task'], evaluation.classes ?? 0, evaluation.bins ?? 1);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function addAll(vectors: readonly (readonly number[])[]): number[] {
  return vectors[0].map((_, i) => sum(vectors.map((v) => v[i])));
}
