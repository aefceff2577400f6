// A SecAgg+ round as the coordinator runs it: the thin shell around secagg/server.ts that moves
// its messages over the wire (through proto/secagg-codec.ts) and closes each stage at its
// deadline. The coordinator ends with the sum of the surviving agencies' quantized updates and
// nothing else.
import { SecAggServer, SecAggRefusal, defaultDegree, defaultThreshold, validateParams, type AggregateResult as SecAggResult, type SecAggParams, type StageOutcome } from '../secagg/index.js';
import { toHex } from '../identity/keys.js';
import { decodeUint32LE } from '../bytes/encoding.js';
import { sha256Hex } from '../bytes/digest.js';
import { ProtocolError } from '../proto/errors.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import { decodeAdvert, decodeRevealed, decodeShares, decodeSignature, encodeAdvert, encodeConsistencyRequest, encodeShares, encodeUnmaskRequest, roundContextOf } from '../proto/secagg-codec.js';
import { decodeUpdateSum, updateVectorOf, type UpdateVector } from '../proto/update-vector.js';
import { checkedCommitment, type Answer, type AggregateResult, type Commitment, type RoundContext, type RoundPlan, type SecureRoundConfig, type Unmasking } from './round.js';
import type { RunConfig } from './run-config.js';

/** The round's SecAgg+ parameters for a cohort of `n` (the graph's seed is drawn from the adverts, by no one). */
export function secAggConfigFor(config: RunConfig, n: number): SecureRoundConfig {
  return { params: secAggParams(config, n) };
}

/** The run's SecAgg+ choices, made sound for a cohort of `n`. */
export function secAggParams(config: RunConfig, n: number): SecAggParams {
  let degree = Math.min(config.secagg.degree ?? defaultDegree(n), n - 1);
  if ((n * degree) % 2 !== 0) degree -= 1; // a k-regular graph on n nodes needs n*k even
  const threshold = Math.min(degree, Math.max(config.secagg.threshold ?? 0, defaultThreshold(degree)));
  return validateParams({ threshold, degree, clipRange: config.secagg.clipRange, bits: config.secagg.bits }, n);
}

/** One round's shell state: the protocol, the input layout, who was left out and why, and the commitments taken. */
interface SecureRound {
  readonly ctx: RoundContext;
  readonly plan: RoundPlan;
  readonly offerHash: Uint8Array;
  readonly server: SecAggServer;
  readonly vector: UpdateVector;
  readonly words: number;
  readonly dropped: Map<string, string>;
  readonly commitments: Map<string, Commitment>;
  /** Agencies' own metrics, sent beside the masked input only when their policy allows per-agency metrics. */
  readonly perAgency: Map<string, cohort.v1.IAgencyMetrics>;
  sharesFrom: string[];
  /** Set when the shell ended the round for the run's minimum cohort. */
  belowMinimum?: string;
}

/**
 * Runs the five SecAgg+ stages over the cohort the offer named (Bonawitz et al. 2017 §4, the
 * malicious-server variant). The server's round comes from the very offer the clients received,
 * bound to its hash, so both sides agree on it.
 */
export async function secureAggregate(ctx: RoundContext, plan: RoundPlan, offer: cohort.v1.IRoundOffer, offerHash: Uint8Array,
  answers: Map<string, Answer>): Promise<AggregateResult> {
  const context = roundContextOf(offer, offerHash);
  const round: SecureRound = {
    ctx, plan, offerHash, server: new SecAggServer(context), vector: updateVectorOf(offer), words: context.vectorLength,
    dropped: new Map(), commitments: new Map(), perAgency: new Map(), sharesFrom: [],
  };
  let outcome = atLeastMinimum(round, advertised(round, answers));
  if (!outcome.abandoned) outcome = atLeastMinimum(round, await shareKeys(round, outcome.survivors));
  if (!outcome.abandoned) outcome = atLeastMinimum(round, await maskedInputs(round, outcome.survivors));
  if (!outcome.abandoned) outcome = await consistency(round, outcome.survivors);
  if (!outcome.abandoned) await unmask(round, outcome.survivors);
  const offered = (offer.cohort ?? []).map((m) => m.agency ?? '');
  return summarize(round, outcome.abandoned ? round.server.result() : await round.server.finish(), offered, answers);
}

/**
 * The run's minimum cohort holds for secure rounds too: once fewer agencies than that are left
 * after a stage, the round ends there, before any share is revealed (the sum of so few inputs
 * is never unmasked).
 */
function atLeastMinimum(round: SecureRound, outcome: StageOutcome): StageOutcome {
  const { minCohort } = round.plan;
  if (outcome.abandoned !== undefined || outcome.survivors.length >= minCohort) return outcome;
  round.belowMinimum = `only ${outcome.survivors.length} agencies left after ${outcome.stage}; the minimum is ${minCohort}`;
  round.server.abandon(round.belowMinimum);
  return { ...outcome, abandoned: round.belowMinimum };
}

/** Stage 1: the signed round keys came with the answers. */
function advertised(round: SecureRound, answers: Map<string, Answer>): StageOutcome {
  for (const [agency, answer] of answers) {
    try {
      round.server.receiveAdvert(decodeAdvert(answer.keyAdvert ?? {}));
    } catch (err) {
      round.dropped.set(agency, reasonOf(err));
    }
  }
  return round.server.closeAdvertise();
}

/** Stage 2: each survivor gets every advert (the graph's public coin) and returns one ciphertext per neighbour. */
async function shareKeys(round: SecureRound, survivors: readonly string[]): Promise<StageOutcome> {
  const { server } = round;
  const roster = { keyRoster: { adverts: server.roster().map(encodeAdvert) } };
  for (const agency of survivors) send(round, agency, roster);
  await collect(round, survivors, 'shareBundle', round.plan.deadlines.exchangeMs,
    (agency, message) => server.receiveShares(agency, decodeShares(message.shareBundle!.shares)));
  return server.closeShareKeys();
}

/** Stage 3: each survivor gets the ciphertexts addressed to it and returns its masked input, committed. */
async function maskedInputs(round: SecureRound, survivors: readonly string[]): Promise<StageOutcome> {
  const { ctx, plan, server, words } = round;
  for (const agency of survivors) send(round, agency, { shareDelivery: { shares: encodeShares(server.sharesFor(agency)) } });
  let done = 0;
  await collect(round, survivors, 'maskedInput', plan.deadlines.uploadMs, (agency, message) => {
    const bytes = message.maskedInput!.vector ?? new Uint8Array();
    if (bytes.length !== words * 4) throw new ProtocolError('BAD_UPDATE', `${agency} sent a masked input of ${bytes.length / 4} words; expected ${words}`);
    const commitment = checkedCommitment(ctx, plan, round.offerHash, agency, bytes, message.maskedInput!.commitment, message.maskedInput!.recordSpend);
    server.receiveMaskedInput(agency, decodeUint32LE(bytes));
    round.commitments.set(agency, commitment);
    if (message.maskedInput!.agencyMetrics) round.perAgency.set(agency, message.maskedInput!.agencyMetrics);
    ctx.onStage?.('upload', ++done, survivors.length);
  });
  return server.closeMaskInput();
}

/** Stage 4: the survivors sign the survivor set; below the quorum the round ends with nothing revealed. */
async function consistency(round: SecureRound, survivors: readonly string[]): Promise<StageOutcome> {
  const { server } = round;
  const request = { consistencyRequest: encodeConsistencyRequest(server.consistencyRequest()) };
  for (const agency of survivors) send(round, agency, request);
  await collect(round, survivors, 'consistencySignature', round.plan.deadlines.exchangeMs,
    (agency, message) => server.receiveConsistency(decodeSignature(message.consistencySignature!, agency)));
  return server.closeConsistency();
}

/** Stage 5: the signers get the survivor set with its signatures, and reveal per neighbour the one share it calls for. */
async function unmask(round: SecureRound, survivors: readonly string[]): Promise<void> {
  const { server } = round;
  for (const agency of survivors) send(round, agency, { unmaskRequest: encodeUnmaskRequest(server.unmaskRequestFor(agency)) });
  const responses = await collect(round, survivors, 'unmaskResponse', round.plan.deadlines.exchangeMs,
    (agency, message) => server.receiveUnmask({ from: agency, shares: decodeRevealed(message.unmaskResponse!) }));
  round.sharesFrom = [...responses.keys()].sort();
}

/**
 * The round's result for the ledger and the strategy: agencies that declined are refusals, not
 * dropouts. The unmasking entry's `dropped` are the cohort members whose input is not in the
 * sum; a survivor that only missed the unmask stage has a dropout entry but is a survivor.
 */
function summarize(round: SecureRound, result: SecAggResult, offered: string[], answers: Map<string, Answer>): AggregateResult {
  const { dropped, commitments, plan } = round;
  const dropStage = new Map(Object.entries(result.droppedAt));
  for (const [agency, stage] of dropStage) if (!dropped.has(agency)) dropped.set(agency, `dropped at ${stage}`);
  for (const agency of offered) {
    if (answers.has(agency)) continue;
    dropped.delete(agency);
    dropStage.delete(agency);
  }
  const notes = badShareNotes(result);
  if (result.status === 'abandoned') {
    return { contributors: [], commitments, dropped, dropStage, notes, reason: round.belowMinimum ?? `secure aggregation abandoned at ${result.stage}: ${result.reason}` };
  }
  const contributors = [...result.contributors];
  const unmasked = { contributors, commitments, dropped, dropStage, unmasking: unmaskingEntry(result, [...dropStage.keys()], round.sharesFrom), notes,
    aggregateSha256: sha256Hex(new Uint8Array(result.sum.buffer, result.sum.byteOffset, result.sum.byteLength)) };
  const perAgency = new Map([...round.perAgency].filter(([agency]) => contributors.includes(agency)));
  try {
    const { weighted, totalWeight, parts } = decodeUpdateSum(round.vector, plan.secagg!.params, result.sum, contributors.length);
    // Every input in the sum carries its totals: they are the cohort's, agency by agency unseen.
    return { ...unmasked, sum: { weighted, totalWeight }, parts, reporters: contributors.length, ...(perAgency.size > 0 ? { perAgency } : {}) };
  } catch (err) {
    // The sum was unmasked but is not a sum of well-formed inputs: it is recorded, never applied.
    return { ...unmasked, reason: (err as Error).message };
  }
}

/**
 * The ledger's unmasking entry: who is in the sum, who is not (a survivor that stopped at the
 * consistency or unmasking stage is in it), who revealed shares, and what the survivors signed.
 */
function unmaskingEntry(result: Extract<SecAggResult, { status: 'complete' }>, droppedOut: string[], sharesFrom: string[]): Unmasking {
  const dropped = droppedOut.filter((agency) => !result.contributors.includes(agency)).sort();
  return {
    survivors: [...result.contributors], dropped, sharesFrom,
    graphSeed: toHex(result.agreement.graphSeed),
    consistency: result.agreement.signatures.map((s) => ({ agency: s.id, signature: toHex(s.signature) })),
  };
}

/** A revealed share that did not rebuild what its owner committed to, named for the ledger. */
function badShareNotes(result: SecAggResult): string[] {
  return result.badShares.map(({ holder, owner, kind }) =>
    `BAD_REVEALED_SHARE: ${holder} revealed a share of the ${kind === 'seed' ? 'self-mask seed' : 'mask key'} of ${owner} that does not fit what ${owner} committed to`);
}

function send(round: SecureRound, agency: string, message: MessageInit): void {
  round.ctx.sessions.get(agency)?.send(message, round.plan.round);
}

/**
 * Collects one stage's messages; `take` hands each to the protocol, whose refusal leaves that
 * agency out of the round (BAD_UPDATE). Who did not answer in time is recorded as dropped.
 */
async function collect(round: SecureRound, members: readonly string[], kind: 'shareBundle' | 'maskedInput' | 'consistencySignature' | 'unmaskResponse', deadlineMs: number,
  take: (agency: string, message: cohort.v1.Message) => void): Promise<Map<string, true>> {
  const collected = await round.ctx.router.collect(members, kind, deadlineMs, (agency, message) => {
    try {
      take(agency, message);
    } catch (err) {
      throw err instanceof ProtocolError ? err : new ProtocolError('BAD_UPDATE', `${agency}: ${reasonOf(err)}`);
    }
    return true as const;
  }, round.ctx.signal);
  for (const [agency, why] of collected.missing) round.dropped.set(agency, why);
  return collected.received;
}

function reasonOf(err: unknown): string {
  return err instanceof SecAggRefusal ? `${err.code}: ${err.message}` : (err as Error).message;
}
