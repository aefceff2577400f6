// The client's five SecAgg+ stages (Bonawitz et al. 2017 §4, Fig. 4, malicious-server variant;
// Bell et al. 2020 §3), each a function over a local state object that it advances in place.
// Randomness comes from the OS unless injected. Any refusal or error aborts the client's round and
// wipes its secrets, so a stage can neither be skipped, repeated, nor retried with another request.
import { randomBytes } from 'node:crypto';
import { checkBytes, checkId, checkInteger, sortedIds } from './encoding.js';
import { consistencyQuorum, signSurvivors, survivorSignatureCheck, type ConsistencySignature, type SurvivorStatement } from './consistency.js';
import { decryptBundle, encryptBundle, type EncryptedShare, type ShareBundle } from './encrypt.js';
import { refuse } from './errors.js';
import type { NeighbourGraph } from './graph.js';
import { checkAdvert, commitSeed, generateRoundKeys, keyAgreement, sameBytes, signAdvert, type RoundKeyPairs, type SignedAdvert } from './keys.js';
import { applyMask, maskSign, pairwiseSeed, MASK_SEED_BYTES } from './masks.js';
import type { SecAggParams } from './params.js';
import { checkRound, roundGraph, type ConsistencyRequest, type RevealedShare, type RoundContext, type UnmaskRequest, type UnmaskResponse } from './round.js';
import { shareSecret } from './shamir.js';
import type { SecAggStage } from './stages.js';

export interface ClientContext extends RoundContext {
  readonly selfId: string;
  /** 64-byte tweetnacl Ed25519 secret key of this client's identity. */
  readonly identitySecretKey: Uint8Array;
}

/** The agency's own rules, never the coordinator's numbers. */
export interface ClientPolicy {
  /** Never take part in a round with fewer members than this. */
  readonly minCohort: number;
  /**
   * Never reveal a share unless at least this many survivors signed the survivor set (its floor
   * for distributed noise, say); the quorum is raised to it. Defaults to minCohort.
   */
  readonly minSurvivors?: number;
}

/** Injected randomness, for reproducible tests. */
export interface ClientRandomness {
  readonly keys?: RoundKeyPairs;
  /** 32 bytes: the self-mask seed b. */
  readonly selfMaskSeed?: Uint8Array;
}

/** The last stage this client completed; 'busy' while one runs, 'aborted' after a refusal or error. */
export type ClientProgress = SecAggStage | 'busy' | 'aborted';

/** Local state: holds secrets, so it is never logged, serialized or sent. */
export interface ClientState {
  readonly selfId: string;
  stage: ClientProgress;
  readonly context: ClientContext;
  readonly params: SecAggParams;
  readonly identities: ReadonlyMap<string, Uint8Array>;
  readonly keys: RoundKeyPairs;
  readonly selfMaskSeed: Uint8Array;
  /** The advert this client sent: the roster must hold it unchanged. */
  readonly advert: SignedAdvert;
  /** The graph over the advertisers, known from share_keys on. */
  graph: NeighbourGraph | undefined;
  graphSeed: Uint8Array | undefined;
  /** Fewest survivor signatures before any share is revealed: the consistency quorum, raised by the policy. */
  quorum: number;
  minCohort: number;
  /** Neighbours whose verified adverts were in the roster. */
  readonly roster: Map<string, SignedAdvert>;
  /** This client's own shares of its key and seed (it is one of the k + 1 holders). */
  ownBundle: ShareBundle | undefined;
  /** X25519(c^SK, c_v^PK) per roster neighbour: the same secret keys both directions' bundles. */
  readonly encryptionSecrets: Map<string, Uint8Array>;
  /** Neighbours that delivered shares: exactly those whose masks are in y. */
  readonly received: Map<string, ShareBundle>;
  /** The survivor set this client signed; it reveals shares for no other. */
  survivors: readonly string[] | undefined;
}

/** Stage 1: fresh round keys and their signed advert {id, cPk, sPk, seed commitment, signature}. */
export function advertise(context: ClientContext, randomness: ClientRandomness = {}): { state: ClientState; advert: SignedAdvert } {
  const { params, identities } = checkRound(context);
  const selfId = checkId(context.selfId, 'selfId');
  if (!identities.has(selfId)) throw new RangeError(`selfId ${selfId} is not in the cohort`);
  checkBytes(context.identitySecretKey, 'identitySecretKey', 64);
  const keys = randomness.keys ?? generateRoundKeys();
  const selfMaskSeed = randomness.selfMaskSeed ?? new Uint8Array(randomBytes(MASK_SEED_BYTES));
  checkBytes(selfMaskSeed, 'selfMaskSeed', MASK_SEED_BYTES);
  const seedCommitment = commitSeed(context, selfId, selfMaskSeed);
  const advert = signAdvert(context, { id: selfId, cPk: keys.cPk, sPk: keys.sPk, seedCommitment }, context.identitySecretKey);
  const state: ClientState = {
    selfId,
    stage: 'advertise_keys',
    context,
    params,
    identities,
    keys,
    selfMaskSeed,
    advert,
    graph: undefined,
    graphSeed: undefined,
    quorum: 0,
    minCohort: 0,
    roster: new Map(),
    ownBundle: undefined,
    encryptionSecrets: new Map(),
    received: new Map(),
    survivors: undefined,
  };
  return { state, advert };
}

/**
 * Stage 2: check every advert (this client's own among them, unchanged), draw the graph from
 * their public coin, check the policy, share s^SK and b t-of-(k+1) among the neighbours and this
 * client, and encrypt each neighbour's pair of shares to it.
 */
export async function shareKeys(
  state: ClientState,
  adverts: readonly SignedAdvert[],
  policy: ClientPolicy,
): Promise<EncryptedShare[]> {
  enter(state, 'advertise_keys');
  try {
    if (!Array.isArray(adverts)) throw new TypeError('adverts must be an array');
    takePolicy(state, policy);
    const { context, params, selfId } = state;
    if (state.identities.size < state.minCohort) {
      refuse('COHORT_BELOW_POLICY', `cohort of ${state.identities.size} is below this client's minimum of ${state.minCohort}`);
    }
    const verified = verifiedAdverts(state, adverts);
    if (verified.size < state.minCohort) {
      refuse('COHORT_BELOW_POLICY', `${verified.size} agencies advertised keys, below this client's minimum of ${state.minCohort}`);
    }
    const { seed, graph } = roundGraph(state, [...verified.values()]);
    state.graph = graph;
    state.graphSeed = seed;
    for (const id of graph.neighbours(selfId)) state.roster.set(id, verified.get(id)!);
    checkHolders(state, state.roster.size + 1, 'advertised');
    const neighbours = sortedIds(state.roster.keys());
    const holders = neighbours.length + 1;
    const keyShares = await shareSecret(state.keys.sSk, holders, params.threshold);
    const seedShares = await shareSecret(state.selfMaskSeed, holders, params.threshold);
    state.ownBundle = { keyShare: keyShares[0], seedShare: seedShares[0] };
    const agreement = keyAgreement(state.keys.cSk, state.keys.cPk);
    const out = neighbours.map((id, i) => {
      const shared = agreement(state.roster.get(id)!.cPk);
      state.encryptionSecrets.set(id, shared);
      return encryptBundle(context, selfId, id, shared, { keyShare: keyShares[i + 1], seedShare: seedShares[i + 1] });
    });
    state.stage = 'share_keys';
    return out;
  } catch (error) {
    throw abort(state, error);
  }
}

/**
 * Stage 3: open the shares neighbours delivered, then y = x + PRG(b) + sum over those
 * neighbours v of ±PRG(s_{u,v}) mod 2^32 (+ when u orders before v). Every input word must be
 * below 2^bits, or the cohort's sum could wrap.
 */
export function maskInput(state: ClientState, received: readonly EncryptedShare[], input: Uint32Array): Uint32Array {
  enter(state, 'share_keys');
  try {
    if (!Array.isArray(received)) throw new TypeError('received must be an array');
    if (!(input instanceof Uint32Array)) throw new TypeError('input must be a Uint32Array');
    const { context, params, selfId } = state;
    if (input.length !== context.vectorLength) {
      throw new RangeError(`input must have ${context.vectorLength} words, got ${input.length}`);
    }
    const top = 2 ** params.bits - 1;
    for (let i = 0; i < input.length; i++) {
      if (input[i] > top) throw new RangeError(`input[${i}] must be at most 2^${params.bits} - 1, got ${input[i]}`);
    }
    for (const share of received) {
      const from = share?.from;
      const advert = typeof from === 'string' ? state.roster.get(from) : undefined;
      if (advert === undefined || share.to !== selfId) refuse('UNKNOWN_PEER', `share from ${String(from)} is not from a neighbour to this client`);
      if (state.received.has(from)) refuse('DUPLICATE_PEER', `two shares from ${from}`);
      state.received.set(from, decryptBundle(context, from, selfId, state.encryptionSecrets.get(from)!, share));
    }
    checkHolders(state, state.received.size + 1, 'still in after sharing');
    const masked = Uint32Array.from(input);
    applyMask(masked, state.selfMaskSeed, 1);
    const agreement = keyAgreement(state.keys.sSk, state.keys.sPk);
    for (const peer of sortedIds(state.received.keys())) {
      const seed = pairwiseSeed(context, selfId, agreement, peer, state.roster.get(peer)!.sPk);
      applyMask(masked, seed, maskSign(selfId, peer));
    }
    state.stage = 'masked_input';
    return masked;
  } catch (error) {
    throw abort(state, error);
  }
}

/**
 * Stage 4 (consistency): sign the survivor set S the coordinator announced, once. S must hold
 * this client, name only advertisers and no neighbour that gave this client no shares, and keep
 * at least t - 1 of this client's neighbours (the pairwise masks that still hide its input).
 */
export function signSurvivorSet(state: ClientState, request: ConsistencyRequest): ConsistencySignature {
  enter(state, 'masked_input');
  try {
    if (typeof request !== 'object' || request === null) throw new TypeError('request must be an object');
    const survivors = uniqueIds(request.survivors, 'request.survivors');
    const { selfId, graph } = state;
    if (!survivors.has(selfId)) refuse('SELF_MISSING', 'the survivor set leaves out this client, whose masked input was sent');
    for (const id of survivors) {
      if (!graph!.ids.includes(id)) refuse('UNKNOWN_PEER', `the survivor set names ${id}, which advertised no keys`);
      if (graph!.isNeighbour(selfId, id) && !state.received.has(id)) {
        refuse('UNKNOWN_PEER', `the survivor set names neighbour ${id}, which gave this client no shares`);
      }
    }
    checkHolders(state, graph!.neighbours(selfId).filter((v) => survivors.has(v)).length + 1, 'surviving');
    state.survivors = sortedIds(survivors);
    const signed = signSurvivors(statementOf(state), selfId, state.context.identitySecretKey);
    state.stage = 'consistency';
    return signed;
  } catch (error) {
    throw abort(state, error);
  }
}

/**
 * Stage 5: only for the very set this client signed, and only once a quorum of it signed the
 * same set over the same offer and graph (each signature it counts checked), reveal for each neighbour
 * that gave shares exactly one: its seed share if it is in S, its key share if not (Bonawitz et
 * al. 2017 §4 Round 4; revealing both would unmask its input); and this client's own seed share.
 */
export function unmask(state: ClientState, request: UnmaskRequest): UnmaskResponse {
  enter(state, 'consistency');
  try {
    if (typeof request !== 'object' || request === null) throw new TypeError('request must be an object');
    const named = sortedIds(uniqueIds(request.survivors, 'request.survivors'));
    const signed = state.survivors!;
    if (named.length !== signed.length || named.some((id, i) => id !== signed[i])) {
      refuse('SURVIVORS_CHANGED', `the unmask request names ${named.length} survivors, not the set of ${signed.length} this client signed`);
    }
    checkSignatures(state, request.signatures);
    const survivors = new Set(signed);
    const { selfId } = state;
    const shares: RevealedShare[] = [{ owner: selfId, kind: 'seed', share: state.ownBundle!.seedShare }];
    for (const id of sortedIds(state.received.keys())) {
      const bundle = state.received.get(id)!;
      shares.push(survivors.has(id) ? { owner: id, kind: 'seed', share: bundle.seedShare } : { owner: id, kind: 'key', share: bundle.keyShare });
    }
    wipe(state);
    state.stage = 'unmasking';
    return { from: selfId, shares };
  } catch (error) {
    throw abort(state, error);
  }
}

/**
 * The relayed signatures must come from distinct survivors, and a quorum of them must be theirs
 * over this statement. They are checked in the order relayed, each one refused if it does not
 * verify, until the quorum is reached: the ones after it are not needed (a quorum of signatures
 * over one set is what rules out every other set).
 */
function checkSignatures(state: ClientState, signatures: readonly ConsistencySignature[]): void {
  if (!Array.isArray(signatures)) throw new TypeError('request.signatures must be an array');
  const check = survivorSignatureCheck(statementOf(state));
  const survivors = new Set(state.survivors);
  const signers = new Set<string>();
  for (const signed of signatures) {
    const id = signed?.id;
    if (typeof id !== 'string' || !survivors.has(id)) refuse('UNKNOWN_PEER', `a consistency signature comes from ${String(id)}, not a survivor`);
    if (signers.has(id)) refuse('DUPLICATE_PEER', `two consistency signatures from ${id}`);
    signers.add(id);
  }
  let verified = 0;
  for (const signed of signatures) {
    if (verified === state.quorum) break;
    check(signed, state.identities.get(signed.id)!);
    verified++;
  }
  if (verified < state.quorum) {
    refuse('CONSISTENCY_QUORUM', `${verified} survivors signed the survivor set; this client reveals shares only after ${state.quorum}`);
  }
}

function statementOf(state: ClientState): SurvivorStatement {
  return { binding: state.context, graphSeed: state.graphSeed!, cohortSize: state.identities.size, survivors: state.survivors! };
}

/** The policy's minimums, and the quorum they raise: never below the protocol's own. */
function takePolicy(state: ClientState, policy: ClientPolicy): void {
  if (typeof policy !== 'object' || policy === null) throw new TypeError('policy must be an object');
  state.minCohort = checkInteger(policy.minCohort, 'policy.minCohort', 1, Number.MAX_SAFE_INTEGER);
  const floor = checkInteger(policy.minSurvivors ?? state.minCohort, 'policy.minSurvivors', 1, Number.MAX_SAFE_INTEGER);
  state.quorum = Math.max(consistencyQuorum(state.params.threshold, state.identities.size), state.minCohort, floor);
  if (state.quorum > state.identities.size) {
    refuse('COHORT_BELOW_POLICY', `this client needs ${state.quorum} survivors to sign before it unmasks; the cohort has ${state.identities.size}`);
  }
}

/** The adverts by id: members of the cohort, once each, each verified, this client's own unchanged. */
function verifiedAdverts(state: ClientState, adverts: readonly SignedAdvert[]): Map<string, SignedAdvert> {
  const verified = new Map<string, SignedAdvert>();
  const mine = state.advert;
  for (const advert of adverts) {
    const id = advert?.id;
    if (typeof id !== 'string' || !state.identities.has(id)) refuse('UNKNOWN_PEER', `the roster names ${String(id)}, not a cohort member`);
    if (verified.has(id)) refuse('DUPLICATE_PEER', `the roster holds ${id} twice`);
    if (id !== state.selfId) checkAdvert(state.context, advert, state.identities.get(id)!);
    else if (!sameBytes(advert.cPk, mine.cPk) || !sameBytes(advert.sPk, mine.sPk) || !sameBytes(advert.seedCommitment, mine.seedCommitment)) {
      refuse('SELF_MISSING', "the roster changes this client's own advert");
    }
    verified.set(id, advert);
  }
  if (!verified.has(state.selfId)) refuse('SELF_MISSING', "the roster leaves out this client's own advert");
  return verified;
}

function enter(state: ClientState, expected: SecAggStage): void {
  if (typeof state !== 'object' || state === null) throw new TypeError('state must be a ClientState');
  if (state.stage !== expected) {
    const was = state.stage;
    abort(state, undefined);
    refuse('STAGE_OUT_OF_ORDER', `the next stage needs ${expected} done, found ${was === 'busy' ? 'a stage still running' : was === 'aborted' ? 'the round aborted' : `${was} done`}`);
  }
  state.stage = 'busy'; // a concurrent or repeated call now finds the state taken
}

function abort(state: ClientState, error: unknown): unknown {
  state.stage = 'aborted';
  wipe(state);
  return error;
}

function wipe(state: ClientState): void {
  state.keys.sSk.fill(0);
  state.keys.cSk.fill(0);
  state.selfMaskSeed.fill(0);
  for (const secret of state.encryptionSecrets.values()) secret.fill(0);
}

/**
 * Refuses when fewer than t holders are left (then no secret could be rebuilt and the round must
 * end), and, on the complete graph where every party is a neighbour, when fewer than the
 * quorum this client will require before it reveals anything.
 */
function checkHolders(state: ClientState, holders: number, what: string): void {
  if (holders < state.params.threshold) {
    refuse('BELOW_THRESHOLD', `${holders} parties ${what}, fewer than the threshold ${state.params.threshold}`);
  }
  if (state.graph!.complete && holders < state.quorum) {
    refuse('COHORT_BELOW_POLICY', `${holders} parties ${what}, below the ${state.quorum} this client requires`);
  }
}

function uniqueIds(ids: unknown, name: string): Set<string> {
  if (!Array.isArray(ids)) throw new TypeError(`${name} must be an array of ids`);
  const out = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string') throw new TypeError(`${name} must hold strings`);
    if (out.has(id)) refuse('DUPLICATE_PEER', `${name} holds ${id} twice`);
    out.add(id);
  }
  return out;
}
