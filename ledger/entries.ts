// The ledger's entry types and their bodies (docs/LEDGER.md, "Entry types"). The zod schemas
// are the single definition: the writer refuses a body they reject, the verifier rejects a
// line they reject, and the TypeScript types are inferred from them.
import { z } from 'zod';
import { SECAGG_STAGES } from '../secagg/stages.js';
import { OPERATOR_ACTIONS } from './operator-request.js';

/** Lowercase hex of 32 bytes: a SHA-256 digest or an Ed25519 public key. */
export const hex32 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters');
/** Lowercase hex of a 64-byte Ed25519 signature. */
export const hexSignature = z.string().regex(/^[0-9a-f]{128}$/, 'must be 128 lowercase hex characters');
/** Run and agency ids: no '|' so the commitment transcript below is unambiguous. */
export const identifier = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, 'must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}');

const count = z.number().int().nonnegative();
const roundNumber = z.number().int().min(1);
const probability = z.number().min(0).max(1);
const text = z.string().max(4096);

const member = z.strictObject({ agency: identifier, identityKey: hex32 });
const nonNegative = z.number().nonnegative();

/** What a round does besides training (absent: it trains): evaluate the model only, or the statistics pass. */
export const ROUND_PURPOSES = ['evaluation', 'statistics'] as const;

/**
 * Metric totals over the agencies' validation examples (ml/metrics.ts): summable, so the
 * federation's metrics are those of the pooled examples. Classification: confusion[t * k + p]
 * examples of class t predicted p (k classes, 2 for binary); binary: scoreHistogram[c * bins + b]
 * examples of class c with a positive-class score in bin b of [0, 1]; regression: error sums.
 */
export const metricTotalsSchema = z.strictObject({
  task: z.enum(['binary', 'multiclass', 'regression']),
  examples: count,
  lossSum: nonNegative,
  confusion: z.array(count),
  scoreHistogram: z.array(count),
  squaredErrorSum: nonNegative,
  absoluteErrorSum: nonNegative,
});

/** A non-negative decimal as written, no sign or exponent ("7.99", "0.00001"): transcripts carry it verbatim. */
const decimal = z.string().regex(/^(0|[1-9][0-9]{0,15})(\.[0-9]{1,20})?$/, 'must be a plain decimal such as 7.99 or 0.00001');

/**
 * An agency's record-level privacy as its commitment signs it: its record-level epsilon across
 * all its runs once this round is charged (rounded up to 2 decimals), and the budget {epsilon,
 * delta} its policy declares. Never a record count or a sampling rate (docs/LEDGER.md).
 */
export const RecordSpendSchema = z.strictObject({ epsilon: decimal, budgetEpsilon: decimal, delta: decimal });
export type RecordSpend = z.infer<typeof RecordSpendSchema>;

/**
 * The RecordSpend an agency signs: its epsilon rounded up to 2 decimals (a claim never below the
 * spend, and coarse, since epsilon is a function of the agency's sampling rate and so of its
 * record count), its budget written exactly as a plain decimal.
 */
export function recordSpend(epsilon: number, budget: { epsilon: number; delta: number }): RecordSpend {
  if (!(Number.isFinite(epsilon) && epsilon >= 0)) throw new RangeError(`epsilon must be a finite number, 0 or more, got ${epsilon}`);
  return RecordSpendSchema.parse({ epsilon: (Math.ceil(epsilon * 100) / 100).toFixed(2), budgetEpsilon: plainDecimal(budget.epsilon), delta: plainDecimal(budget.delta) });
}

function plainDecimal(x: number): string {
  const shortest = String(x);
  return shortest.includes('e') ? x.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : shortest;
}

export const bodySchemas = {
  run_created: z.strictObject({
    runId: identifier,
    purpose: text.min(1),
    /** SHA-256 of the initial model's weights as the model codec encodes them. */
    modelFingerprint: hex32,
    strategy: z.strictObject({ name: identifier, params: z.record(identifier, z.number()) }),
    /** null when the run aggregates in the clear (SecAgg off). */
    secagg: z
      .strictObject({
        /** Shamir threshold: shares needed to reconstruct a dropped client's mask; null = derived per round (round_opened). */
        threshold: z.number().int().min(1).nullable(),
        /** Neighbours per client in the SecAgg+ graph; null = derived per round from the cohort size (round_opened). */
        degree: z.number().int().min(1).nullable(),
        quantizationBits: z.number().int().min(1).max(32),
      })
      .nullable(),
    /** null when the run adds no noise. */
    dp: z
      .strictObject({
        /** Who adds the noise: the coordinator after unmasking, or each client before masking. */
        mode: z.enum(['central', 'distributed']),
        clipNorm: z.number().positive(),
        noiseMultiplier: z.number().nonnegative(),
        samplingRate: probability,
        /** The run's epsilon budget; null when the run sets none (epsilon is still recorded). */
        targetEpsilon: z.number().positive().nullable(),
        targetDelta: probability,
      })
      .nullable(),
    /**
     * Record-level DP-SGD at every agency; absent when the run has none. No sampling rate: each
     * agency samples, and accounts, at expectedLotSize / its own record count.
     */
    recordDp: z.strictObject({
      clipNorm: z.number().positive(),
      noiseMultiplier: z.number().positive(),
      expectedLotSize: z.number().int().min(1),
      localSteps: z.number().int().min(1),
      delta: probability,
    }).optional(),
    minCohort: z.number().int().min(1),
    rounds: z.number().int().min(1),
  }),
  agency_joined: z.strictObject({
    runId: identifier,
    agency: identifier,
    identityKey: hex32,
    dataset: z.strictObject({ sha256: hex32, schema: text.min(1), rows: count, license: text.min(1) }),
  }),
  round_opened: z.strictObject({
    runId: identifier,
    round: roundNumber,
    cohort: z.array(member).min(1),
    minCohort: z.number().int().min(1),
    /** SHA-256 of the round's offer (docs/LEDGER.md section 4): every commitment and consistency signature names it. */
    offerSha256: hex32,
    /**
     * The round's SecAgg+ threshold and degree, and how many agencies were offered it (the
     * consistency quorum is a majority of them); absent when the run aggregates in the clear.
     */
    secagg: z.strictObject({ threshold: z.number().int().min(1), degree: z.number().int().min(1), offered: z.number().int().min(1) }).optional(),
    /** Absent: the round trains. `evaluation`: the agencies evaluate the current model only; `statistics`: the statistics pass. */
    kind: z.enum(ROUND_PURPOSES).optional(),
  }),
  commitment: z.strictObject({
    runId: identifier,
    round: roundNumber,
    agency: identifier,
    /** The offer the agency committed under: the round's offerSha256. */
    offerSha256: hex32,
    maskedInputSha256: hex32,
    /** The agency's Ed25519 signature over commitmentTranscript(runId, round, offerSha256, maskedInputSha256, recordPrivacy). */
    clientSignature: hexSignature,
    /** Record-level DP runs: the agency's signed record-level spend; absent otherwise. */
    recordPrivacy: RecordSpendSchema.optional(),
  }),
  dropout: z.strictObject({ runId: identifier, round: roundNumber, agency: identifier, stage: z.enum(SECAGG_STAGES) }),
  unmasking: z.strictObject({
    runId: identifier,
    round: roundNumber,
    /** Agencies whose masked input is in the sum. */
    survivors: z.array(identifier),
    /** Cohort members whose masked input is not. */
    dropped: z.array(identifier),
    /** Survivors that sent their unmasking shares. */
    sharesFrom: z.array(identifier),
    /** The neighbour graph's seed: the public coin of the round's adverts (docs/LEDGER.md section 6). */
    graphSeed: hex32,
    /** Each signer's Ed25519 signature over the survivor set (consistencyTranscript in secagg/consistency.ts). */
    consistency: z.array(z.strictObject({ agency: identifier, signature: hexSignature })),
  }),
  aggregate: z.strictObject({ runId: identifier, round: roundNumber, aggregateSha256: hex32, inputs: count }),
  /** The cohort's metrics, as totals over the agencies whose totals are in the sum. */
  metrics: z.strictObject({
    runId: identifier,
    round: roundNumber,
    /** The model the round offered (the agencies validated it, and trained from it). */
    modelSha256: hex32,
    /** Agencies whose totals are summed: under SecAgg every input of the aggregate. */
    agencies: count,
    /** Examples the agencies trained on this round, and the sum of their losses (last local epoch). */
    training: z.strictObject({ examples: count, lossSum: nonNegative }).optional(),
    validation: metricTotalsSchema.optional(),
  }),
  /** The statistics pass of a tabular run: the federation's feature totals, kept beside the ledger under this hash. */
  statistics: z.strictObject({
    runId: identifier,
    round: roundNumber,
    /** The table schema the totals are for (ml/schema.ts schemaHash). */
    schemaSha256: hex32,
    /** SHA-256 of the totals' canonical JSON {"counts": [...], "sums": [...]}, which every later offer carries. */
    totalsSha256: hex32,
    /** Rows the totals count. */
    rows: count,
  }),
  model_updated: z.strictObject({ runId: identifier, round: roundNumber, modelSha256: hex32 }),
  privacy_spent: z.strictObject({
    runId: identifier,
    round: roundNumber,
    /** Cumulative over the run so far, as the accountant reports it (RDP does not add up in epsilon). */
    epsilon: z.number().nonnegative(),
    delta: probability,
    noiseMultiplier: z.number().nonnegative(),
    samplingRate: probability,
  }),
  round_closed: z.strictObject({ runId: identifier, round: roundNumber, status: z.enum(['ok', 'abandoned']), reason: text.min(1).optional() }),
  refusal: z.strictObject({ runId: identifier, round: roundNumber.optional(), agency: identifier, code: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/), reason: text }),
  note: z.strictObject({ text }),
  run_finished: z.strictObject({ runId: identifier, rounds: count, reason: text.min(1) }),
  // The run service's entries (docs/LEDGER.md; ledger/run-lifecycle.ts orders them).
  /** An operator's request that changed a run, with the operator's own signature over it (ledger/operator-request.ts). */
  operator_action: z.strictObject({
    runId: identifier,
    action: z.enum(OPERATOR_ACTIONS),
    operator: identifier,
    operatorKey: hex32,
    /** For a submit, bodySha256 is the SHA-256 of the run config submitted. */
    request: z.strictObject({
      method: z.literal('POST'),
      path: z.string().max(256),
      bodySha256: hex32,
      timestamp: z.number().int().nonnegative(),
      nonce: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 lowercase hex characters'),
      signature: hexSignature,
    }),
  }),
  /** A run that could not go on (its agencies declined it, its config could not be used, the coordinator failed). */
  run_failed: z.strictObject({ runId: identifier, reason: text.min(1) }),
} as const;

export type EntryType = keyof typeof bodySchemas;
export type EntryBodies = { [T in EntryType]: z.infer<(typeof bodySchemas)[T]> };
export type EntryBody<T extends EntryType = EntryType> = EntryBodies[T];
export const ENTRY_TYPES = Object.freeze(Object.keys(bodySchemas) as EntryType[]);

export type RunCreated = EntryBodies['run_created'];
export type AgencyJoined = EntryBodies['agency_joined'];
export type RoundOpened = EntryBodies['round_opened'];
export type Commitment = EntryBodies['commitment'];
export type Dropout = EntryBodies['dropout'];
export type Unmasking = EntryBodies['unmasking'];
export type Aggregate = EntryBodies['aggregate'];
export type Metrics = EntryBodies['metrics'];
export type Statistics = EntryBodies['statistics'];
export type ModelUpdated = EntryBodies['model_updated'];
export type PrivacySpent = EntryBodies['privacy_spent'];
export type RoundClosed = EntryBodies['round_closed'];
export type Refusal = EntryBodies['refusal'];
export type Note = EntryBodies['note'];
export type RunFinished = EntryBodies['run_finished'];
export type OperatorAction = EntryBodies['operator_action'];
export type RunFailed = EntryBodies['run_failed'];

/** One ledger line, parsed. A discriminated union on `type`. */
export type LedgerEntry<T extends EntryType = EntryType> = {
  [K in T]: { readonly seq: number; readonly time: string; readonly type: K; readonly body: EntryBodies[K]; readonly prev: string; readonly sig: string };
}[T];

/** The envelope every line has; the body is checked against bodySchemas[type] after it. */
export const envelopeSchema = z.strictObject({
  seq: count,
  time: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be an ISO 8601 UTC time with milliseconds')
    // A real instant: month 01-12, a day the month has, hour 00-23 (no 24:00, no leap second).
    .refine((time) => { const ms = Date.parse(time); return Number.isFinite(ms) && new Date(ms).toISOString() === time; }, 'must be a calendar-valid UTC time'),
  type: z.enum(ENTRY_TYPES as [EntryType, ...EntryType[]]),
  body: z.record(z.string(), z.unknown()),
  prev: hex32,
  sig: hexSignature,
});

export const COMMITMENT_DOMAIN = 'cohort-commitment-v2';
/** The domain of a commitment that also signs the agency's record-level spend. */
export const RECORD_COMMITMENT_DOMAIN = 'cohort-commitment-v3';

/**
 * The bytes an agency signs to commit to its masked input: the UTF-8 of
 * `cohort-commitment-v2|<runId>|<round in decimal>|<offerSha256>|<maskedInputSha256>`, or with
 * a record-level spend
 * `cohort-commitment-v3|<runId>|<round>|<offerSha256>|<maskedInputSha256>|<epsilon>|<budgetEpsilon>|<delta>`,
 * the three decimals as the ledger writes them. Ids and decimals cannot contain '|', so the
 * fields cannot be shifted between one another; the offer hash binds the commitment to the offer
 * the agency trained on.
 */
export function commitmentTranscript(runId: string, round: number, offerSha256: string, maskedInputSha256: string, record?: RecordSpend): Uint8Array {
  if (!identifier.safeParse(runId).success) throw new RangeError('runId must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}');
  if (!Number.isSafeInteger(round) || round < 1) throw new RangeError('round must be a positive integer');
  if (!hex32.safeParse(offerSha256).success) throw new RangeError('offerSha256 must be 64 lowercase hex characters');
  if (!hex32.safeParse(maskedInputSha256).success) throw new RangeError('maskedInputSha256 must be 64 lowercase hex characters');
  if (record === undefined) return new TextEncoder().encode(`${COMMITMENT_DOMAIN}|${runId}|${round}|${offerSha256}|${maskedInputSha256}`);
  const spend = RecordSpendSchema.safeParse(record);
  if (!spend.success) throw new RangeError(`record spend: ${spend.error.issues[0]?.path.join('.')} ${spend.error.issues[0]?.message}`);
  const { epsilon, budgetEpsilon, delta } = spend.data;
  return new TextEncoder().encode(`${RECORD_COMMITMENT_DOMAIN}|${runId}|${round}|${offerSha256}|${maskedInputSha256}|${epsilon}|${budgetEpsilon}|${delta}`);
}

/** The run and round an entry belongs to, and the agency it is about (null where none). */
export function entrySubject(body: Readonly<Record<string, unknown>>): { runId: string | null; round: number | null; agency: string | null } {
  return {
    runId: typeof body.runId === 'string' ? body.runId : null,
    round: typeof body.round === 'number' ? body.round : null,
    agency: typeof body.agency === 'string' ? body.agency : null,
  };
}
