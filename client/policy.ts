// An agency's policy: the terms on which its client node takes part. It is the agency's, not the
// coordinator's: the client checks every round offered against it and declines what it does not
// allow (docs/ARCHITECTURE.md, "One round, end to end"), so the operator can read it, in plain words, before going live.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { equalBytes, fromHex, PUBLIC_KEY_BYTES } from '../identity/keys.js';
import { checkRosterSignature, parseRoster, RosterError, rosterKey, type Roster } from '../identity/roster.js';
import { defaultDegree } from '../secagg/params.js';
import { parseJsonText } from '../storage/json-text.js';

const HEX64 = /^[0-9a-f]{64}$/i;
/** A model fingerprint is the SHA-256 of the model's architecture (ml/models.ts); written bare or as "sha256:<hex>". */
const FINGERPRINT = /^(sha256:)?[0-9a-f]{64}$/i;
/**
 * The architectures the client builds itself and so can pin by name: the name stands for the
 * fingerprint of the client's own build, never for a label the coordinator writes in an offer.
 * `tabular-mlp` is built from the run's table schema (client/model-pins.ts), so it pins the
 * architecture for that schema; the hidden layers' widths are the run's to choose.
 */
export const BUILT_IN_MODELS = ['mnist-2nn', 'mnist-cnn', 'tabular-mlp'] as const;

const datasetSchema = z
  .object({
    kind: z.enum(['mnist', 'csv', 'json', 'table'], { error: "must be one of 'mnist', 'csv', 'json', 'table'" }),
    path: z.string({ error: typeError('', 'a file path') }).min(1, { error: 'must not be empty' }).optional(),
    labelColumn: z.string({ error: typeError('', 'a column name') }).min(1, { error: 'must not be empty' }).optional(),
    license: z.string({ error: typeError('the licence or legal basis under which the data may be used', 'a string') })
      .trim().min(1, { error: 'must name the licence or legal basis under which the data may be used' }),
    agencyShard: z
      .object({
        index: z.number({ error: typeError('which shard this agency takes, from 0', 'a whole number') }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }),
        count: z.number({ error: typeError('how many shards the digits are split into', 'a whole number') }).int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }),
      }, { error: typeError('', 'an object {"index": i, "count": n}') })
      .strict()
      .refine((s) => s.index < s.count, { error: 'index must be less than count', path: ['index'] })
      .optional(),
    /**
     * For a table: the run declares how to read it (a table schema, ml/schema.ts); the agency may
     * pin the schemas it accepts by their hashes (POLICY_SCHEMA for any other).
     */
    schemas: z.array(z.string().regex(HEX64, { error: 'must be a table schema hash, 64 hex characters' }),
      { error: typeError('', 'a list of table schema hashes') }).min(1, { error: 'must list at least one schema hash, or be left out' }).optional(),
  }, { error: typeError('what this agency trains on, e.g. {"kind": "csv", "path": "records.csv", ...}', 'an object') })
  // Data loaders read further, kind-specific settings from here; the fields above are the ones
  // the policy itself must understand.
  .loose()
  .superRefine((d, ctx) => {
    if (d.kind !== 'mnist' && d.path === undefined) {
      ctx.addIssue({ code: 'custom', path: ['path'], message: `is required for a ${d.kind} dataset` });
    }
    if (d.kind === 'csv' && d.labelColumn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['labelColumn'], message: 'is required for a csv dataset' });
    }
    if (d.schemas !== undefined && d.kind !== 'table') {
      ctx.addIssue({ code: 'custom', path: ['schemas'], message: 'pins table schemas: only for a table dataset' });
    }
  });

/**
 * Record-level DP (DP-SGD on the agency's own records, ml/dpsgd.ts): its budget across all runs,
 * and the limits on what a run may ask. With it set, every round the agency joins trains with
 * DP-SGD: a round without record-level DP is declined.
 */
const recordPrivacySchema = z
  .object({
    epsilon: z.number({ error: typeError('the agency’s record-level epsilon across all runs', 'a number') })
      .positive({ error: 'must be greater than 0' }).max(1e6, { error: 'must be at most 1e6' }),
    delta: z.number({ error: typeError('the record-level delta, e.g. 1e-5', 'a number') }).gt(0, { error: 'must be greater than 0' }).lt(1, { error: 'must be less than 1' }),
    minNoiseMultiplier: z.number({ error: typeError('', 'a number') }).positive({ error: 'must be greater than 0' }).default(0.5),
    maxClipNorm: z.number({ error: typeError('', 'a number') }).positive({ error: 'must be greater than 0' }).optional(),
    maxLocalSteps: z.number({ error: typeError('', 'a whole number') }).int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).optional(),
  }, { error: typeError('', 'an object {"epsilon": e, "delta": d, "minNoiseMultiplier": z, "maxClipNorm": c, "maxLocalSteps": s}') })
  .strict();

const policySchema = z
  .object({
    coordinatorKey: z
      .string({ error: typeError('the coordinator public key this agency pins', 'a string of 64 hex characters') })
      .regex(HEX64, { error: 'must be the coordinator public key, 64 hex characters' }),
    minCohort: z
      .number({ error: typeError('the fewest agencies a round may have', 'a whole number') })
      .int({ error: 'must be a whole number' })
      .min(2, { error: 'must be at least 2: with one agency the aggregate is that agency’s update' }),
    purposes: z
      .array(z.string({ error: typeError('', 'a string') }).trim().min(1, { error: 'must not be empty' }),
        { error: typeError('the purposes this agency’s data may be used for', 'a list of purposes, e.g. ["digit recognition research"]') })
      .min(1, { error: 'must list at least one purpose this agency’s data may be used for' }),
    models: z
      .array(
        z.string().refine((m) => FINGERPRINT.test(m) || (BUILT_IN_MODELS as readonly string[]).includes(m.toLowerCase()), {
          error: `must be an architecture name Cohort builds itself (${BUILT_IN_MODELS.join(', ')}) or a SHA-256 model fingerprint (64 hex characters): any other model is pinned by its fingerprint, never by a name the coordinator writes`,
        }),
        { error: typeError('the models this agency trains', 'a list of model architectures or fingerprints, e.g. ["mnist-2nn"]') },
      )
      .min(1, { error: 'must list at least one model architecture or fingerprint' }),
    maxRoundsPerRun: z
      .number({ error: typeError('the most rounds of one run this agency joins', 'a whole number') })
      .int({ error: 'must be a whole number' })
      .min(1, { error: 'must be at least 1' }),
    privacy: z
      .object(
        {
          epsilon: z
            .number({ error: typeError('the agency’s epsilon across all runs', 'a number') })
            .positive({ error: 'must be greater than 0' })
            .finite({ error: 'must be finite' }),
          delta: z.number({ error: typeError('the agency’s delta, e.g. 1e-5', 'a number') }).gt(0, { error: 'must be greater than 0' }).lt(1, { error: 'must be less than 1' }),
        },
        { error: 'must be the agency’s privacy budget {epsilon, delta} across all runs' },
      )
      .strict()
      // Absent: the agency sets no differential-privacy budget and also joins rounds without noise.
      .optional(),
    // Absent: the agency sets no record-level budget, and declines rounds that ask for record-level DP.
    recordPrivacy: recordPrivacySchema.optional(),
    dataset: datasetSchema,
    secagg: z
      .object({
        required: z.boolean({ error: typeError('', 'true or false') }).default(true),
        // The sparsest neighbour graph accepted; absent: Cohort's own degree for the cohort's size (secagg/params.ts).
        minDegree: z.number({ error: typeError('', 'a whole number') }).int({ error: 'must be a whole number' }).min(2, { error: 'must be at least 2' }).optional(),
        // The threshold must exceed this fraction of each secret's k + 1 holders (0.5: a strict majority).
        minThresholdFraction: z.number({ error: typeError('', 'a number') }).min(0.5, { error: 'must be at least 0.5: a threshold of half the holders or fewer lets two disjoint groups each rebuild a secret' })
          .lt(1, { error: 'must be less than 1' }).default(0.5),
      }, { error: typeError('', 'an object {"required": true|false, "minDegree": k, "minThresholdFraction": f}') })
      .strict()
      .default({ required: true, minThresholdFraction: 0.5 }),
    federation: z
      .object({
        governanceKey: z
          .string({ error: typeError('the federation governance key that signs its roster (cohort roster sign)', 'a string of 64 hex characters') })
          .regex(HEX64, { error: 'must be the governance public key, 64 hex characters' }),
      }, { error: typeError('', 'an object {"governanceKey": "<64 hex>"}') })
      .strict()
      // Absent: the agency trusts the coordinator's enrolment for who its peers are.
      .optional(),
    /**
     * Who may see this agency's metrics (validation loss, accuracy, training loss): `aggregate`
     * (the default), only as totals over the cohort, inside the masked input (a round without
     * secure aggregation gets none of them); `per-agency`, its own metrics too, in the clear.
     */
    metrics: z.enum(['aggregate', 'per-agency'], { error: "must be 'aggregate' or 'per-agency'" }).default('aggregate'),
    /** The largest share of its examples the agency keeps aside for validation when a run asks (it takes the smaller). */
    maxValidationFraction: z
      .number({ error: typeError('', 'a number from 0 to 0.5') })
      .min(0, { error: 'must be 0 or more' })
      .max(0.5, { error: 'must be at most 0.5' })
      .default(0.25),
  })
  .strict();

/**
 * The message for a missing value or one of the wrong type: "is required" only when it is
 * missing, else what was expected and what was found (a number in quotes is a string to JSON).
 */
function typeError(required: string, expected: string): (issue: { input?: unknown }) => string {
  return (issue) => issue.input === undefined ? `is required${required ? `: ${required}` : ''}` : `must be ${expected}, not ${describeValue(issue.input)}`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const hint = value.trim() !== '' && Number.isFinite(Number(value)) ? ' (write numbers without quotes)' : '';
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}${hint}`;
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export type Policy = z.output<typeof policySchema>;

export type PolicyErrorCode = 'POLICY_FILE_UNREADABLE' | 'POLICY_INVALID';

export class PolicyError extends Error {
  override readonly name = 'PolicyError';
  constructor(
    readonly code: PolicyErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Validates a parsed policy; `source` names it in messages (a path, or "policy"). */
export function parsePolicy(value: unknown, source = 'policy'): Policy {
  const parsed = policySchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((issue) => describeIssue(issue, value));
    throw new PolicyError('POLICY_INVALID', `${source} is not a valid policy:\n  ${issues.join('\n  ')}`, issues);
  }
  return deepFreeze(parsed.data);
}

const POLICY_FIELDS = Object.keys(policySchema.shape).join(', ');

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string[] {
  const at = (path: readonly PropertyKey[]) => (path.length > 0 ? path.join('.') : '(top level)');
  if (issue.code === 'unrecognized_keys') {
    const fields = issue.path.length === 0 ? ` (a policy has: ${POLICY_FIELDS})` : '';
    return issue.keys.map((key) => `${at([...issue.path, key])}: is not a field here; check its spelling${fields}`);
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return [`(top level): the policy must be a JSON object {...}, not ${describeValue(value)}`];
  return [`${at(issue.path)}: ${issue.message}`];
}

/** Reads and validates a policy file. A relative dataset.path is taken from the file's folder. */
export async function loadPolicy(path: string): Promise<Policy> {
  if (typeof path !== 'string') throw new TypeError('path must be a string');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PolicyError('POLICY_FILE_UNREADABLE', `cannot read policy file ${path}: ${missing ? 'it does not exist' : (err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parseJsonText(text, path);
  } catch (err) {
    throw new PolicyError('POLICY_INVALID', (err as Error).message);
  }
  const policy = parsePolicy(raw, path);
  if (policy.dataset.path === undefined) return policy;
  return deepFreeze({ ...policy, dataset: { ...policy.dataset, path: resolve(dirname(path), policy.dataset.path) } });
}

export interface Offer {
  /** The key the coordinator proved in the handshake. */
  readonly coordinatorKey: Uint8Array;
  readonly runId: string;
  readonly purpose: string;
  /** SHA-256 of the model's architecture as the client computed it from the offered topology, hex, optionally prefixed "sha256:". */
  readonly modelFingerprint: string;
  readonly architecture: string;
  readonly cohortSize: number;
  readonly round: number;
  /** Rounds of this run the agency has already joined, not counting this one. */
  readonly roundsJoinedInRun: number;
  readonly secagg: boolean;
  /**
   * The agency's epsilon across all its runs, at the policy's delta, if it joins this round: the
   * `epsilonAfter` of privacy/budget.ts. When absent the budget is not checked here.
   */
  readonly epsilonAfter?: number;
}

export type OfferRefusalCode =
  | 'POLICY_COORDINATOR_KEY'
  | 'POLICY_OFFER_INVALID'
  | 'POLICY_SECAGG_REQUIRED'
  | 'POLICY_PURPOSE'
  | 'POLICY_MODEL'
  | 'POLICY_MIN_COHORT'
  | 'POLICY_MAX_ROUNDS'
  | 'POLICY_PRIVACY_BUDGET'
  | 'POLICY_SCHEMA'
  | RecordRefusalCode
  | TermsRefusalCode;

/** Refusals on record-level DP grounds (client/record-dp.ts). */
export type RecordRefusalCode =
  | 'POLICY_RECORD_DP_REQUIRED'
  | 'POLICY_RECORD_BUDGET_MISSING'
  | 'POLICY_RECORD_TOTALS'
  | 'POLICY_RECORD_DP_INVALID'
  | 'POLICY_RECORD_NOISE'
  | 'POLICY_RECORD_CLIP'
  | 'POLICY_RECORD_STEPS'
  | 'POLICY_RECORD_BUDGET';

export type OfferDecision = { ok: true } | { ok: false; code: OfferRefusalCode; reason: string };

const ACCEPT: OfferDecision = Object.freeze({ ok: true });

/** The fingerprint of each built-in architecture as this client builds it (client/model-pins.ts). */
export type ModelPins = ReadonlyMap<string, string>;

/**
 * Whether the agency takes part in the round offered. The offer comes from the network, so each
 * field is checked for shape before it is compared: a NaN cohort size must not pass a minimum.
 */
export function checkOffer(policy: Policy, offer: Offer, pins: ModelPins = new Map()): OfferDecision {
  if (typeof policy !== 'object' || policy === null) throw new TypeError('policy must be a Policy');
  if (typeof offer !== 'object' || offer === null) throw new TypeError('offer must be an object');

  // The pinned key first: nothing else an unpinned coordinator says is worth weighing.
  const pinned = fromHex(policy.coordinatorKey, PUBLIC_KEY_BYTES, 'policy.coordinatorKey');
  if (!(offer.coordinatorKey instanceof Uint8Array) || !equalBytes(offer.coordinatorKey, pinned)) {
    return refuse('POLICY_COORDINATOR_KEY', 'the coordinator’s key is not the one this agency’s policy pins; it may be a different or impostor coordinator');
  }

  const malformed = malformedField(offer);
  if (malformed !== undefined) return refuse('POLICY_OFFER_INVALID', `the coordinator sent an invalid round offer: ${malformed}`);

  if (policy.secagg.required && !offer.secagg) {
    return refuse('POLICY_SECAGG_REQUIRED', 'the round does not use secure aggregation, so the coordinator could see this agency’s update on its own; the policy requires secure aggregation');
  }
  if (!policy.purposes.includes(offer.purpose)) {
    return refuse('POLICY_PURPOSE', `run ${offer.runId} declares the purpose "${offer.purpose}", which is not among the purposes this agency allows (${quoteList(policy.purposes)})`);
  }
  if (!modelAllowed(policy.models, offer, pins)) {
    return refuse('POLICY_MODEL', `the model (declared as "${offer.architecture}"; its topology's fingerprint is ${offer.modelFingerprint}) is not among the models this agency allows; a name the coordinator writes never counts, only the fingerprint`);
  }
  if (offer.cohortSize < policy.minCohort) {
    return refuse('POLICY_MIN_COHORT', `the round has ${offer.cohortSize} agencies; the policy requires at least ${policy.minCohort} so that this agency’s update is hidden in a sum over enough others`);
  }
  if (offer.roundsJoinedInRun >= policy.maxRoundsPerRun) {
    return refuse('POLICY_MAX_ROUNDS', `this agency has already joined ${offer.roundsJoinedInRun} rounds of run ${offer.runId}; the policy allows at most ${policy.maxRoundsPerRun}`);
  }
  if (policy.privacy && offer.epsilonAfter !== undefined && offer.epsilonAfter > policy.privacy.epsilon) {
    return refuse('POLICY_PRIVACY_BUDGET', `joining would bring this agency’s privacy spend across all runs to epsilon ${offer.epsilonAfter} (at delta ${policy.privacy.delta}); its budget is epsilon ${policy.privacy.epsilon}`);
  }
  return ACCEPT;
}

/** The policy in plain words, for the agency's operator to read before the client goes live. */
export function explainPolicy(policy: Policy): string {
  const { fingerprints, architectures } = splitModels(policy.models);
  const models = [
    architectures.length > 0 ? `architectures ${quoteList(architectures)} as this client builds them` : undefined,
    fingerprints.length > 0 ? `exactly the models with SHA-256 fingerprint ${fingerprints.join(', ')}` : undefined,
  ].filter((s) => s !== undefined);
  const d = policy.dataset;
  const data = [
    d.kind === 'mnist' ? 'MNIST' : d.kind === 'table' ? 'A CSV table' : `${d.kind.toUpperCase()} data`,
    d.path !== undefined ? ` at ${d.path}` : '',
    d.kind === 'table' ? ', read by the schema each run declares' : '',
    d.labelColumn !== undefined ? ` (labels in column "${d.labelColumn}")` : '',
    d.agencyShard !== undefined ? `, shard ${d.agencyShard.index + 1} of ${d.agencyShard.count}` : '',
  ].join('');
  return [
    'Whom this agency trusts:',
    `  Only the coordinator with public key ${policy.coordinatorKey.toLowerCase()}.`,
    '  Any other coordinator is refused before any model or update is exchanged.',
    'What it joins:',
    `  Runs declaring one of these purposes: ${quoteList(policy.purposes)}.`,
    `  Models: ${models.join('; or ')}; each checked by the fingerprint of the topology offered, never by the name an offer gives.`,
    `  At most ${policy.maxRoundsPerRun} round(s) of any one run.`,
    'What it refuses:',
    `  Any round with fewer than ${policy.minCohort} agencies, so its update is always hidden in a sum over at least ${policy.minCohort}.`,
    policy.secagg.required
      ? '  Any round without secure aggregation: the coordinator only ever sees the sum.'
      : '  Nothing on secure aggregation grounds: it also joins rounds without it, where the coordinator sees its update alone.',
    policy.privacy
      ? `  Any round without agency-level differential privacy, or that would take its agency-level privacy spend, across all runs, past epsilon ${policy.privacy.epsilon}, delta ${policy.privacy.delta}.`
      : '  Nothing on agency-level privacy-budget grounds: it sets no agency-level differential-privacy budget (privacy).',
    ...explainRecordPrivacy(policy.recordPrivacy),
    ...explainTerms(policy),
    ...(d.schemas ? [`  Any run that reads its table by a schema other than ${d.schemas.map((h) => h.toLowerCase()).join(', ')}.`] : []),
    'Its metrics:',
    policy.metrics === 'per-agency'
      ? '  Its own validation and training metrics go to the coordinator in the clear, as well as inside the sum.'
      : '  Only as totals over the cohort, inside the masked sum: rounds without secure aggregation get none of its metrics.',
    `  It keeps aside for validation the share of its examples a run asks for, at most ${policy.maxValidationFraction}.`,
    'Its data:',
    `  ${data}, used under: ${d.license}.`,
    '  The data never leaves this site; only model updates, and metric or statistics totals, are sent.',
  ].join('\n');
}

function explainRecordPrivacy(r: Policy['recordPrivacy']): string[] {
  if (!r) return ['  Any round asking for record-level DP (DP-SGD): it declares no record-level budget to account it against.'];
  const limits = [`noise multiplier below ${r.minNoiseMultiplier}`, r.maxClipNorm !== undefined ? `clip norm above ${r.maxClipNorm}` : undefined,
    r.maxLocalSteps !== undefined ? `more than ${r.maxLocalSteps} local steps` : undefined].filter((x) => x !== undefined);
  return [
    '  Any round without record-level DP: every round it joins trains with DP-SGD on its own records.',
    '  Any round asking for metrics or statistics totals over its records (exact sums, which record-level DP does not cover).',
    `  Any round with a ${limits.join(', or ')}.`,
    `  Any round that would take its record-level spend, across all runs, past epsilon ${r.epsilon}, delta ${r.delta}: it accounts every DP-SGD step at the sampling rate it computes itself (the run's expected lot over its own record count), and writes the charge to its round journal before the update leaves.`,
  ];
}

function malformedField(offer: Offer): string | undefined {
  if (offer.coordinatorKey.length !== PUBLIC_KEY_BYTES) return 'coordinatorKey must be 32 bytes';
  for (const field of ['runId', 'purpose', 'modelFingerprint', 'architecture'] as const) {
    if (typeof offer[field] !== 'string' || offer[field] === '') return `${field} must be a non-empty string`;
  }
  for (const field of ['cohortSize', 'round', 'roundsJoinedInRun'] as const) {
    if (!Number.isSafeInteger(offer[field]) || offer[field] < 0) return `${field} must be a whole number, 0 or more`;
  }
  if (typeof offer.secagg !== 'boolean') return 'secagg must be true or false';
  const e = offer.epsilonAfter;
  // Infinity is a valid answer from an accountant (no finite bound), and is over any budget.
  if (e !== undefined && (typeof e !== 'number' || Number.isNaN(e) || e < 0)) return 'epsilonAfter must be a number, 0 or more';
  return undefined;
}

/** The offered topology's fingerprint against those the policy pins, a built-in name standing for this client's own build of it. */
function modelAllowed(models: readonly string[], offer: Offer, pins: ModelPins): boolean {
  const { fingerprints, architectures } = splitModels(models);
  const fingerprint = normalizeFingerprint(offer.modelFingerprint);
  return fingerprints.includes(fingerprint) || architectures.some((name) => pins.get(name) === fingerprint);
}

function splitModels(models: readonly string[]): { fingerprints: string[]; architectures: string[] } {
  const fingerprints: string[] = [];
  const architectures: string[] = [];
  for (const m of models) {
    if (FINGERPRINT.test(m)) fingerprints.push(normalizeFingerprint(m));
    else architectures.push(m.toLowerCase());
  }
  return { fingerprints, architectures };
}

function normalizeFingerprint(f: string): string {
  return f.toLowerCase().replace(/^sha256:/, '');
}

function quoteList(items: readonly string[]): string {
  return items.map((s) => `"${s}"`).join(', ');
}

function refuse(code: OfferRefusalCode, reason: string): OfferDecision {
  return { ok: false, code, reason };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

// ---- The round's terms an active coordinator could bend: who the peers are, how the graph and
// threshold protect each secret, what the DP declarations let the accountant assume. Checked on
// every offer besides checkOffer; each refusal has its own code.

export type TermsRefusalCode =
  | 'POLICY_SAMPLING_RATE'
  | 'POLICY_MIN_SURVIVORS'
  | 'POLICY_SECAGG_DEGREE'
  | 'POLICY_SECAGG_THRESHOLD'
  | 'ROSTER_MISSING'
  | 'ROSTER_SIGNATURE'
  | 'ROSTER_STALE'
  | 'ROSTER_NOT_LISTED'
  | 'ROSTER_UNKNOWN_MEMBER';

export interface RoundTerms {
  /** This agency and the identity key it proves (hex). */
  readonly agency: string;
  readonly identityKey: string;
  /** The offered cohort: agency ids and identity keys (hex). */
  readonly cohort: readonly { readonly agency: string; readonly identityKey: string }[];
  /** The roster bytes the offer carries (empty: none). */
  readonly roster: Uint8Array;
  /** The highest roster serial this agency accepted before under the pinned governance key. */
  readonly rosterSerialSeen: number;
  readonly secagg?: { readonly threshold: number; readonly degree: number };
  readonly dp?: { readonly samplingRate: number; readonly minSurvivors: number };
}

export type TermsDecision =
  | { ok: true; roster?: { governanceKey: string; serial: number } }
  | { ok: false; code: OfferRefusalCode; reason: string };

/**
 * Whether the round's terms are ones this agency can check and accept. The sampling rate is
 * Cohort's own (1: cohorts are chosen, not Poisson-sampled) and a declared other is refused, not
 * believed; minSurvivors becomes this client's own unmask quorum, so it may not exceed the cohort.
 */
export function checkRoundTerms(policy: Policy, terms: RoundTerms): TermsDecision {
  const cohort = cohortProblem(terms);
  if (cohort !== undefined) return refuse('POLICY_OFFER_INVALID', `the coordinator sent an invalid round offer: ${cohort}`);
  const roster = policy.federation ? rosterDecision(policy.federation.governanceKey, terms) : ACCEPT;
  if (!roster.ok) return roster;
  const dp = terms.dp;
  if (dp && dp.samplingRate !== 1) {
    return refuse('POLICY_SAMPLING_RATE', `the offer declares a sampling rate of ${dp.samplingRate}; cohorts are chosen, not Poisson-sampled, so this agency accounts every round at rate 1 and will not join a round whose ledger would claim less`);
  }
  if (dp && !(Number.isSafeInteger(dp.minSurvivors) && dp.minSurvivors <= terms.cohort.length)) {
    return refuse('POLICY_MIN_SURVIVORS', `the offer calibrates distributed noise for ${dp.minSurvivors} survivors in a cohort of ${terms.cohort.length}; this agency adds noise for, and unmasks only with, at most the whole cohort`);
  }
  const secagg = terms.secagg ? secaggBoundsProblem(policy, terms.secagg, terms.cohort.length) : undefined;
  return secagg ?? roster;
}

function cohortProblem(terms: RoundTerms): string | undefined {
  const ids = new Set(terms.cohort.map((m) => m.agency));
  const keys = new Set(terms.cohort.map((m) => m.identityKey));
  if (ids.size !== terms.cohort.length || keys.size !== terms.cohort.length) return 'the cohort lists an agency, or an identity key, twice';
  if (!terms.cohort.some((m) => m.agency === terms.agency && m.identityKey === terms.identityKey)) return 'the cohort does not list this agency with its own key';
  return undefined;
}

/** Every cohort member on a roster the pinned governance key signed, no older than one accepted before. */
function rosterDecision(governanceKey: string, terms: RoundTerms): TermsDecision {
  if (terms.roster.length === 0) return refuse('ROSTER_MISSING', 'the offer carries no roster, and this agency takes part only with members of the roster its governance key signs');
  let roster: Roster;
  try {
    roster = parseRoster(terms.roster, 'the offered roster');
    checkRosterSignature(roster, fromHex(governanceKey, PUBLIC_KEY_BYTES, 'federation.governanceKey'));
  } catch (err) {
    if (err instanceof RosterError) return refuse('ROSTER_SIGNATURE', err.message);
    throw err;
  }
  if (roster.serial < terms.rosterSerialSeen) {
    return refuse('ROSTER_STALE', `the offered roster is serial ${roster.serial}; this agency already accepted serial ${terms.rosterSerialSeen}, and an older roster may list revoked members`);
  }
  if (rosterKey(roster, terms.agency) !== terms.identityKey) return refuse('ROSTER_NOT_LISTED', `this agency is not on the offered roster with its own key`);
  const stranger = terms.cohort.find((m) => rosterKey(roster, m.agency) !== m.identityKey);
  if (stranger !== undefined) {
    return refuse('ROSTER_UNKNOWN_MEMBER', `cohort member ${stranger.agency} is not on the federation's roster with the key the offer gives it: it may be an identity the coordinator made (a Sybil)`);
  }
  return { ok: true, roster: { governanceKey: roster.governanceKey!, serial: roster.serial } };
}

function secaggBoundsProblem(policy: Policy, params: { threshold: number; degree: number }, cohortSize: number): TermsDecision | undefined {
  const { threshold: t, degree: k } = params;
  const minDegree = Math.min(cohortSize - 1, policy.secagg.minDegree ?? (cohortSize >= 3 ? defaultDegree(cohortSize) : cohortSize - 1));
  if (!Number.isSafeInteger(k) || k < minDegree) {
    return refuse('POLICY_SECAGG_DEGREE', `each agency's input would be masked by ${k} neighbours; this agency requires at least ${minDegree} in a cohort of ${cohortSize}`);
  }
  const fraction = policy.secagg.minThresholdFraction;
  if (!Number.isSafeInteger(t) || t > k || t <= fraction * (k + 1)) {
    return refuse('POLICY_SECAGG_THRESHOLD', `threshold ${t} of ${k + 1} holders: this agency requires more than ${fraction} of the holders of each secret, and no more than ${k}`);
  }
  return undefined;
}

function explainTerms(policy: Policy): string[] {
  const f = policy.federation;
  return [
    f
      ? `  Any cohort member not on the federation roster signed by governance key ${f.governanceKey.toLowerCase()} (a Sybil), and any roster older than one it accepted.`
      : '  Nothing on roster grounds: without federation.governanceKey it trusts the coordinator’s enrolment for who its peers are.',
    `  Any secure round whose neighbour graph is sparser than ${policy.secagg.minDegree ?? 'Cohort’s own degree for the cohort size'}, or whose threshold is not above ${policy.secagg.minThresholdFraction} of each secret’s holders.`,
    '  Any round declaring a sampling rate other than 1, or calibrating noise for more survivors than the cohort has.',
    '  Any round it has already answered, or older than one it answered (its round journal remembers across restarts).',
    '  Any unmask request before a quorum of the survivors signed the same survivor set for the same offer.',
  ];
}
