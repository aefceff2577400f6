// The agency's data as one run uses it (issues #12, #16): a table read by the schema the run
// declares (checked row by row, so that a table that does not fit is a decline with counts,
// before any round), the agency's own validation split (a seeded, stratified share of its
// examples, at most what its policy allows), the statistics of its training rows, and its
// features encoded with the preprocessing every agency derives from the federation's totals.
// The fingerprint the ledger records covers the split and the schema too.
import { canonicalJson } from '../bytes/canonical-json.js';
import { sha256Hex } from '../bytes/digest.js';
import { exampleCount, isRegression, subset, type Dataset } from '../ml/dataset.js';
import { featureColumns, labelColumn, parseSchema, schemaHash, type Schema } from '../ml/schema.js';
import { emptyStatistics, preprocessingFrom, statisticsFromVectors, type TableStatistics } from '../ml/statistics.js';
import type { cohort } from '../proto/messages.js';
import type { CsvTable } from './data/csv.js';
import type { DatasetFingerprint, JsonValue } from './data/fingerprint.js';
import { holdOutIndices } from './data/holdout.js';
import { checkTable, describeProblems, encodeTable, keptRows, subsetRows, tableStatistics, type TableCheck } from './data/tabular.js';
import type { Policy } from './policy.js';

/** The data for one offer. */
export interface RunData {
  /** What the agency trains on (absent in a statistics pass of a table: nothing is encoded before the totals). */
  readonly train?: Dataset;
  /** Its validation split; absent when it keeps none (no examples asked, or a share that rounds to none). */
  readonly validation?: Dataset;
  /** The table's schema, when the run reads a table. */
  readonly schema?: Schema;
  /** A table's statistics over its training rows (ml/statistics.ts): its share of the statistics pass. */
  readonly statistics?: TableStatistics;
  /** The fingerprint of the data as this run uses it. */
  readonly fingerprint: DatasetFingerprint;
}

export type Prepared = { readonly ok: true; readonly data: RunData } | { readonly ok: false; readonly code: string; readonly reason: string };

/** What the agency holds: examples ready for a model, or a raw table. */
export type Source = { readonly data: Dataset; readonly fingerprint: DatasetFingerprint } | { readonly table: CsvTable; readonly fingerprint: DatasetFingerprint };

const SPLIT_DOMAIN = 'cohort/validation-split/v1';
const FINGERPRINT_DOMAIN = 'cohort/run-data/v1';
const CACHED = 2;

export class RunDataSource {
  /** The last few offers' data: a run's rounds share one, its statistics pass another. */
  private readonly cache = new Map<string, Prepared>();

  constructor(private readonly source: Source, private readonly policy: Pick<Policy, 'maxValidationFraction' | 'dataset'>) {}

  /** The data for `offer`, or why the agency cannot take part with it (a code and the counts). */
  forOffer(offer: cohort.v1.IRoundOffer): Prepared {
    const fraction = Math.min(offer.evaluation?.validationFraction ?? 0, this.policy.maxValidationFraction);
    const key = canonicalJson([offer.runId ?? '', fraction, offer.kind ?? '', offer.tableSchema ?? '', offer.statisticsTotals ?? '']);
    let prepared = this.cache.get(key);
    if (!prepared) {
      prepared = 'table' in this.source ? this.fromTable(this.source.table, offer, fraction) : this.fromData(this.source.data, offer, fraction);
      this.cache.set(key, prepared);
      if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    }
    return prepared;
  }

  private fromData(data: Dataset, offer: cohort.v1.IRoundOffer, fraction: number): Prepared {
    if (offer.tableSchema) return refuse('DATA_SCHEMA', 'the run reads its data as a table by a schema; this agency\'s dataset is not a table (policy dataset.kind "table")');
    const split = splitOf(isRegression(data) ? undefined : { labels: data.y, classes: data.numClasses }, exampleCount(data), fraction, this.seed(offer));
    const fingerprint = this.fingerprint({ validation: split.describe });
    if (split.test.length === 0) return { ok: true, data: { train: data, fingerprint } };
    return { ok: true, data: { train: subset(data, split.train), validation: subset(data, split.test), fingerprint } };
  }

  private fromTable(table: CsvTable, offer: cohort.v1.IRoundOffer, fraction: number): Prepared {
    if (!offer.tableSchema) return refuse('DATA_SCHEMA', 'this agency\'s data is a table, and the run declares no schema to read it by');
    let schema: Schema;
    try {
      schema = parseSchema(JSON.parse(offer.tableSchema), 'the run\'s table schema');
    } catch (err) {
      return refuse('POLICY_OFFER_INVALID', `the coordinator sent an invalid round offer: ${(err as Error).message}`);
    }
    const hash = schemaHash(schema);
    const pinned = this.policy.dataset.schemas;
    if (pinned && !pinned.some((h) => h.toLowerCase() === hash)) {
      return refuse('POLICY_SCHEMA', `the run reads the table by schema ${hash}, which is not among the schemas this agency's policy allows (dataset.schemas)`);
    }
    const check = checkTable(table, schema);
    const problems = describeProblems(check);
    if (problems !== undefined) return refuse('DATA_SCHEMA', problems);
    if (keptRows(check) === 0) return refuse('DATA_SCHEMA', `${check.source}: no rows left (${check.rows} read, all dropped by missing-value rules)`);
    const split = splitOf(schema.task === 'regression' ? undefined : { labels: check.labels, classes: classCount(schema, check) }, keptRows(check), fraction, this.seed(offer));
    const [trainRows, testRows] = [split.train, split.test].map((rows) => subsetRows(check, rows));
    const fingerprint = this.fingerprint({ table: hash, validation: split.describe });
    const statistics = tableStatistics(trainRows);
    if (offer.kind === 'statistics') return { ok: true, data: { schema, statistics, fingerprint } };
    const encoded = encodeRows(schema, offer.statisticsTotals, trainRows, testRows);
    return 'code' in encoded ? encoded : { ok: true, data: { schema, statistics, fingerprint, ...encoded } };
  }

  /** The split's seed: the agency's data and the run, so that the split is the same in every round of the run and across restarts. */
  private seed(offer: cohort.v1.IRoundOffer): number {
    return parseInt(sha256Hex(`${SPLIT_DOMAIN}\n${this.source.fingerprint.sha256}\n${offer.runId ?? ''}`).slice(0, 8), 16);
  }

  /** The data's fingerprint with what this run adds (the schema's hash, the split); the data's own when it adds nothing. */
  private fingerprint(extra: { table?: string; validation?: JsonValue }): DatasetFingerprint {
    const base = this.source.fingerprint;
    const added = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) as Record<string, JsonValue>;
    if (Object.keys(added).length === 0) return base;
    const schema = typeof base.schema === 'object' && base.schema !== null && !Array.isArray(base.schema) ? { ...base.schema, ...added } : { data: base.schema, ...added };
    return { ...base, sha256: sha256Hex(`${FINGERPRINT_DOMAIN}\n${base.sha256}\n${canonicalJson(added)}`), schema };
  }
}

/** The stratified split; none kept aside when the share rounds to no example (or would leave none to train on). */
function splitOf(classes: { labels: ArrayLike<number>; classes: number } | undefined, total: number, fraction: number, seed: number) {
  const count = Math.min(Math.round(fraction * total), total - 1);
  const all = Array.from({ length: total }, (_, i) => i);
  const split = count >= 1 ? holdOutIndices(classes, total, count, seed) : { train: all, test: [] };
  const describe: JsonValue | undefined = fraction > 0 ? { fraction, seed, examples: split.test.length } : undefined;
  return { ...split, describe };
}

function classCount(schema: Schema, check: TableCheck): number {
  return labelColumn(schema).classes?.length ?? check.labels.reduce((a, b) => Math.max(a, b), -1) + 1;
}

/** Both parts encoded with the preprocessing derived from the federation's totals (the statistics pass), or a refusal. */
function encodeRows(schema: Schema, totalsJson: string | null | undefined, trainRows: TableCheck, testRows: TableCheck): { train: Dataset; validation?: Dataset } | Extract<Prepared, { ok: false }> {
  let totals = emptyStatistics(featureColumns(schema));
  try {
    if (totalsJson) totals = statisticsFromVectors(totals, parseTotals(totalsJson));
    const prep = preprocessingFrom(schema, totals);
    return { train: encodeTable(trainRows, prep), ...(keptRows(testRows) > 0 ? { validation: encodeTable(testRows, prep) } : {}) };
  } catch (err) {
    const why = totalsJson ? 'the federation\'s statistics the offer carries' : 'no federation statistics (the offer carries none)';
    return refuse('POLICY_OFFER_INVALID', `the coordinator sent an invalid round offer: the schema's preprocessing cannot be derived from ${why}: ${(err as Error).message}`);
  }
}

function parseTotals(json: string): { counts: number[]; sums: number[] } {
  const value = JSON.parse(json) as { counts?: unknown; sums?: unknown };
  const numbers = (v: unknown, name: string, whole: boolean): number[] => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x) && (!whole || (Number.isSafeInteger(x) && x >= 0)))) {
      throw new RangeError(`statistics ${name} must be a list of ${whole ? 'whole numbers' : 'finite numbers'}`);
    }
    return v as number[];
  };
  return { counts: numbers(value?.counts, 'counts', true), sums: numbers(value?.sums, 'sums', false) };
}

function refuse(code: string, reason: string): Extract<Prepared, { ok: false }> {
  return { ok: false, code, reason };
}
