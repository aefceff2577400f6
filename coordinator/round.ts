// One round, as the coordinator runs it: offer -> answers -> (plain or secure) aggregation.
// The shell moves messages and enforces deadlines; the arithmetic lives in aggregate.ts and
// secagg/, the decisions in small functions here.
import { ProtocolError } from '../proto/errors.js';
import type { cohort } from '../proto/messages.js';
import { decodeFloat32LE, encodeFloat32LE } from '../ml/codec.js';
import { assertFinite } from '../ml/weights.js';
import { sha256Hex } from '../bytes/digest.js';
import { commitmentTranscript, RecordSpendSchema, type RecordSpend } from '../ledger/entries.js';
import { toHex, verify } from '../identity/keys.js';
import { offerSha256 } from '../proto/offer-hash.js';
import { bodySchemas } from '../ledger/entries.js';
import type { SecAggParams } from '../secagg/params.js';
import type { SecAggStage } from '../secagg/stages.js';
import { encodeParams } from '../proto/secagg-codec.js';
import type { Parts, RoundPurpose } from '../proto/update-vector.js';
import { UpdateSum } from './aggregate.js';
import type { StageRouter } from './stage-router.js';
import type { AgencySession } from './transport.js';

export interface Deadlines {
  /** For the answer to an offer. */
  answerMs: number;
  /** For the update: local training happens inside it. */
  uploadMs: number;
  /** For each SecAgg+ exchange (shares, unmasking). */
  exchangeMs: number;
}

export interface RoundPlan {
  runId: string;
  round: number;
  purpose: string;
  architecture: string;
  modelFingerprint: string;
  topology: string;
  weights: Float32Array;
  train: cohort.v1.ITrainConfig;
  dp?: cohort.v1.IDpConfig;
  /** Record-level DP-SGD at each agency; absent without. */
  recordDp?: cohort.v1.IRecordDpConfig;
  secagg?: SecureRoundConfig;
  weightCap: number;
  /** The federation's signed roster (identity/roster.ts), carried in every offer; absent without one. */
  roster?: Uint8Array;
  /** The round is abandoned when fewer agencies than this accept, or contribute. */
  minCohort: number;
  deadlines: Deadlines;
  /** What the round does besides (or instead of) training, and what its inputs hold (coordinator/round-terms.ts). */
  terms?: RoundTerms;
}

/** The evaluation and tabular terms of a round's offer. */
export interface RoundTerms {
  purpose: RoundPurpose;
  evaluation?: cohort.v1.IEvaluation;
  input?: cohort.v1.IInputShape;
  /** The table schema as canonical JSON (tabular runs). */
  tableSchema?: string;
  /** The federation's statistics totals as canonical JSON (tabular runs, after the statistics pass). */
  statisticsTotals?: string;
}

/** A secure round's SecAgg+ parameters, sound for its cohort (the graph's seed is the adverts' public coin, nobody's choice). */
export interface SecureRoundConfig {
  params: SecAggParams;
}

export interface Answer {
  examples: number;
  dataset?: cohort.v1.IDatasetFingerprint | null;
  keyAdvert?: cohort.v1.IKeyAdvert | null;
}

export interface RoundContext {
  router: StageRouter;
  sessions: ReadonlyMap<string, AgencySession>;
  signal?: AbortSignal;
  onStage?: (stage: string, done: number, total: number) => void;
}

export function roundOffer(plan: RoundPlan, cohortMembers: AgencySession[]): cohort.v1.IRoundOffer {
  return {
    runId: plan.runId,
    round: plan.round,
    purpose: plan.purpose,
    architecture: plan.architecture,
    modelFingerprint: plan.modelFingerprint,
    modelTopology: plan.topology,
    weights: encodeFloat32LE(plan.weights),
    train: plan.train,
    secagg: plan.secagg ? encodeParams(plan.secagg.params) : null,
    dp: plan.dp ?? null,
    cohort: cohortMembers.map((s) => ({ agency: s.agency, identityKey: s.identityKey })),
    deadlineMs: plan.deadlines.uploadMs,
    weightCap: plan.weightCap,
    ...(plan.roster ? { roster: plan.roster } : {}),
    ...(plan.recordDp ? { recordDp: plan.recordDp } : {}),
    ...termsOf(plan.terms),
  };
}

function termsOf(terms: RoundTerms | undefined): Partial<cohort.v1.IRoundOffer> {
  if (!terms) return {};
  return {
    kind: terms.purpose === 'train' ? '' : terms.purpose,
    ...(terms.evaluation ? { evaluation: terms.evaluation } : {}),
    ...(terms.input ? { input: terms.input } : {}),
    ...(terms.tableSchema ? { tableSchema: terms.tableSchema } : {}),
    ...(terms.statisticsTotals ? { statisticsTotals: terms.statisticsTotals } : {}),
  };
}

/** Sends the offer to the cohort and collects who accepts (with their example counts) and who declines. */
export async function offerRound(ctx: RoundContext, plan: RoundPlan, members: AgencySession[]) {
  const started = performance.now();
  const offer = roundOffer(plan, members);
  // What every commitment, advert and consistency signature of the round is bound to.
  const offerHash = offerSha256(offer);
  for (const session of members) session.send({ roundOffer: offer }, plan.round);
  const declined = new Map<string, { code: string; reason: string }>();
  let answered = 0;
  const answers = await ctx.router.collect(members.map((s) => s.agency), 'roundAnswer',
    plan.deadlines.answerMs, (agency, message) => {
      const answer = message.roundAnswer!;
      ctx.onStage?.('answer', ++answered, members.length);
      if (!answer.accept) {
        declined.set(agency, declineFor(answer));
        return undefined;
      }
      if (!(answer.examples! > 0)) throw new ProtocolError('BAD_UPDATE', `${agency} accepted with no training examples`);
      // The ledger records what each agency trains on (agency_joined) before it may sit in a
      // cohort: an acceptance without a fingerprint the ledger would take is refused here.
      const fingerprint = answer.dataset ? DATASET.safeParse(joinedDataset(answer.dataset)) : undefined;
      if (!fingerprint?.success) {
        const why = fingerprint ? fingerprint.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'none given';
        throw new ProtocolError('BAD_UPDATE', `${agency} accepted without a valid dataset fingerprint (${why})`);
      }
      if (plan.secagg && !answer.keyAdvert) throw new ProtocolError('BAD_UPDATE', `${agency} accepted a secure round without keys`);
      return { examples: answer.examples!, dataset: answer.dataset, keyAdvert: answer.keyAdvert } satisfies Answer;
    }, ctx.signal);
  const accepted = new Map<string, Answer>();
  for (const [agency, answer] of answers.received) if (answer) accepted.set(agency, answer);
  return { offer, offerHash, accepted, declined, missing: answers.missing, seconds: (performance.now() - started) / 1000 };
}

const DATASET = bodySchemas.agency_joined.shape.dataset;
const REFUSAL_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const MAX_REASON = 1000;

/** The dataset fields as the ledger's agency_joined entry records them. */
export function joinedDataset(dataset: cohort.v1.IDatasetFingerprint) {
  return { sha256: dataset.sha256 ?? '', schema: dataset.schema || 'unspecified', rows: dataset.rows ?? 0, license: dataset.license || 'unspecified' };
}

/** A decline as the ledger's refusal entry can hold it: the client's code and reason are its own text. */
function declineFor(answer: cohort.v1.IRoundAnswer): { code: string; reason: string } {
  const code = answer.code && REFUSAL_CODE.test(answer.code) ? answer.code : 'DECLINED';
  const given = answer.reason || 'no reason given';
  return { code, reason: given.length > MAX_REASON ? `${given.slice(0, MAX_REASON)}…` : given };
}

export interface Commitment {
  /** SHA-256 hex of the bytes the agency uploaded (masked input, or plain update). */
  hash: string;
  /** The agency's signature over audit's commitment transcript of that hash (and of its record spend). */
  signature: Uint8Array;
  /** Record-level DP: the agency's signed spend (ledger/entries.ts RecordSpend). */
  recordSpend?: RecordSpend;
}

/** The ledger's unmasking entry, less what the round log fills in. */
export interface Unmasking {
  survivors: string[];
  dropped: string[];
  sharesFrom: string[];
  graphSeed: string;
  consistency: { agency: string; signature: string }[];
}

export interface AggregateResult {
  contributors: string[];
  commitments: Map<string, Commitment>;
  /** Accepted agencies left out of the aggregate, with why, and at which stage. */
  dropped: Map<string, string>;
  dropStage: Map<string, SecAggStage>;
  unmasking?: Unmasking;
  /** Findings the ledger should note (a revealed share that did not fit its owner's commitment). */
  notes?: string[];
  /** Sum of w_k * delta_k and of w_k; absent when the round is abandoned. */
  sum?: { weighted: Float64Array; totalWeight: number };
  /** The cohort's metric and statistics totals (under SecAgg, from the masked inputs; in the clear, the reported ones). */
  parts?: Parts;
  /** How many agencies' totals `parts` sums: every input under SecAgg; in the clear, those whose policy let them report. */
  reporters?: number;
  /** Agencies' own metrics, sent in the clear because their policy allows per-agency metrics. */
  perAgency?: Map<string, cohort.v1.IAgencyMetrics>;
  aggregateSha256?: string;
  reason?: string;
}

/**
 * The agency's commitment to the bytes it uploaded under this offer, checked before those bytes
 * touch the sum: an input in the aggregate always has a valid commitment in the ledger (docs/LEDGER.md).
 */
export function checkedCommitment(ctx: RoundContext, plan: RoundPlan, offerHash: Uint8Array, agency: string, uploaded: Uint8Array,
  signature: Uint8Array | null | undefined, spend?: cohort.v1.IRecordSpend | null): Commitment {
  const hash = sha256Hex(uploaded);
  const key = ctx.sessions.get(agency)?.identityKey;
  const recordSpend = checkedRecordSpend(plan, agency, spend);
  if (!signature || !key || !verify(commitmentTranscript(plan.runId, plan.round, toHex(offerHash), hash, recordSpend), signature, key)) {
    throw new ProtocolError('BAD_UPDATE', `${agency}'s commitment signature does not verify over what it sent`);
  }
  return { hash, signature, ...(recordSpend ? { recordSpend } : {}) };
}

/** A record-DP round needs each agency's record spend, well-formed, for the ledger; another round takes none. */
function checkedRecordSpend(plan: RoundPlan, agency: string, spend: cohort.v1.IRecordSpend | null | undefined): RecordSpend | undefined {
  if (!plan.recordDp) {
    if (spend) throw new ProtocolError('BAD_UPDATE', `${agency} sent a record-level spend in a round without record-level DP`);
    return undefined;
  }
  const parsed = RecordSpendSchema.safeParse({ epsilon: spend?.epsilon, budgetEpsilon: spend?.budgetEpsilon, delta: spend?.delta });
  if (!parsed.success) throw new ProtocolError('BAD_UPDATE', `${agency}'s record-level spend is missing or malformed: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/**
 * Plaintext aggregation (SecAgg off): each update is checked, then added to one running sum. A
 * round that does not train carries an empty update. Metrics come only from agencies whose
 * policy allows per-agency metrics (they are seen one by one here), and are summed as reported.
 */
export async function plainAggregate(ctx: RoundContext, plan: RoundPlan, offerHash: Uint8Array, members: string[]): Promise<AggregateResult> {
  const length = (plan.terms?.purpose ?? 'train') === 'train' ? plan.weights.length : 0;
  const sum = new UpdateSum(length);
  const commitments = new Map<string, Commitment>();
  const perAgency = new Map<string, cohort.v1.IAgencyMetrics>();
  let done = 0;
  ctx.onStage?.('upload', 0, members.length);
  const collected = await ctx.router.collect(members, 'plainUpdate', plan.deadlines.uploadMs,
    (agency, message) => {
      const update = message.plainUpdate!;
      const delta = checkedDelta(agency, update.delta, length);
      const weight = update.weight ?? 0;
      if (!(weight > 0 && weight <= 1)) throw new ProtocolError('BAD_UPDATE', `${agency} sent weight ${weight}; it must be in (0, 1]`);
      // With DP every agency weighs 1: that is what bounds one agency's effect on the sum.
      if (plan.dp && weight !== 1) throw new ProtocolError('BAD_UPDATE', `${agency} sent weight ${weight}; with differential privacy every weight is 1`);
      const commitment = checkedCommitment(ctx, plan, offerHash, agency, update.delta!, update.commitment, update.recordSpend);
      sum.add(delta, weight);
      commitments.set(agency, commitment);
      if (update.metrics) perAgency.set(agency, update.metrics);
      ctx.onStage?.('upload', ++done, members.length);
      return true;
    }, ctx.signal);
  const enough = sum.count >= plan.minCohort;
  return {
    contributors: [...collected.received.keys()].sort(),
    commitments,
    dropped: collected.missing,
    dropStage: new Map([...collected.missing.keys()].map((a) => [a, 'masked_input' as const])),
    sum: enough ? { weighted: sum.sum, totalWeight: sum.totalWeight } : undefined,
    aggregateSha256: enough ? sha256Hex(new Uint8Array(sum.sum.buffer)) : undefined,
    ...(perAgency.size > 0 ? { perAgency } : {}),
    reason: enough ? undefined : `only ${sum.count} updates arrived; the minimum is ${plan.minCohort}`,
  };
}

/** The float32 update in `bytes`, or a BAD_UPDATE naming the agency and what is wrong. */
export function checkedDelta(agency: string, bytes: Uint8Array | null | undefined, expected: number): Float32Array {
  if (!bytes || bytes.length !== expected * 4) {
    const got = !bytes ? 'no update' : bytes.length % 4 ? `an update of ${bytes.length} bytes, not whole float32 values` : `an update of ${bytes.length / 4} values`;
    throw new ProtocolError('BAD_UPDATE', `${agency} sent ${got}; the model has ${expected}`);
  }
  const delta = decodeFloat32LE(bytes);
  try {
    assertFinite(delta, `${agency}'s update`);
  } catch (err) {
    throw new ProtocolError('BAD_UPDATE', (err as Error).message);
  }
  return delta;
}
