// The client's four SecAgg+ stages (Bonawitz et al. 2017 §4, Fig. 4; Bell et al. 2020 §3), each
// a function over a local state object that it advances in place. Randomness comes from the OS
// unless injected. Any refusal or error aborts the client's round and wipes its secrets, so a
// stage can neither be skipped, repeated, nor retried with a different request.
import { randomBytes } from 'node:crypto';
import { checkBytes, checkId, checkInteger, sortedIds } from './encoding.js';
import { decryptBundle, encryptBundle, type EncryptedShare, type ShareBundle } from './encrypt.js';
import { refuse } from './errors.js';
import type { NeighbourGraph } from './graph.js';
import { generateRoundKeys, keyAgreement, signAdvert, verifyAdvert, type RoundKeyPairs, type SignedAdvert } from './keys.js';
import { applyMask, maskSign, pairwiseSeed, MASK_SEED_BYTES } from './masks.js';
import type { SecAggParams } from './params.js';
import { checkRound, type RevealedShare, type RoundContext, type UnmaskRequest, type UnmaskResponse } from './round.js';
import { shareSecret } from './shamir.js';
import type { SecAggStage } from './stages.js';

export interface ClientContext extends RoundContext {
  readonly selfId: string;
  /** 64-byte tweetnacl Ed25519 secret key of this client's identity. */
  readonly identitySecretKey: Uint8Array;
}

/** The agency's own rule: never take part in a round with fewer members than this. */
export interface ClientPolicy {
  readonly minCohort: number;
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
  readonly graph: NeighbourGraph;
  readonly identities: ReadonlyMap<string, Uint8Array>;
  readonly keys: RoundKeyPairs;
  readonly selfMaskSeed: Uint8Array;
  minCohort: number;
  /** Neighbours whose verified adverts were in the roster. */
  readonly roster: Map<string, SignedAdvert>;
  /** This client's own shares of its key and seed (it is one of the k + 1 holders). */
  ownBundle: ShareBundle | undefined;
  /** X25519(c^SK, c_v^PK) per roster neighbour: the same secret keys both directions' bundles. */
  readonly encryptionSecrets: Map<string, Uint8Array>;
  /** Neighbours that delivered shares: exactly those whose masks are in y. */
  readonly received: Map<string, ShareBundle>;
}

/** Stage 1: fresh round keys and their signed advert {id, cPk, sPk, signature}. */
export function advertise(context: ClientContext, randomness: ClientRandomness = {}): { state: ClientState; advert: SignedAdvert } {
  const { params, graph, identities } = checkRound(context);
  const selfId = checkId(context.selfId, 'selfId');
  if (!identities.has(selfId)) throw new RangeError(`selfId ${selfId} is not in the cohort`);
  checkBytes(context.identitySecretKey, 'identitySecretKey', 64);
  const keys = randomness.keys ?? generateRoundKeys();
  const selfMaskSeed = randomness.selfMaskSeed ?? new Uint8Array(randomBytes(MASK_SEED_BYTES));
  checkBytes(selfMaskSeed, 'selfMaskSeed', MASK_SEED_BYTES);
  const advert = signAdvert(context, { id: selfId, cPk: keys.cPk, sPk: keys.sPk }, context.identitySecretKey);
  const state: ClientState = {
    selfId,
    stage: 'advertise_keys',
    context,
    params,
    graph,
    identities,
    keys,
    selfMaskSeed,
    minCohort: 0,
    roster: new Map(),
    ownBundle: undefined,
    encryptionSecrets: new Map(),
    received: new Map(),
  };
  return { state, advert };
}

/**
 * Stage 2: check the policy and every neighbour's advert, share s^SK and b t-of-(m+1) among the
 * m advertised neighbours and this client, and encrypt each neighbour's pair of shares to it.
 */
export async function shareKeys(
  state: ClientState,
  roster: readonly SignedAdvert[],
  policy: ClientPolicy,
): Promise<EncryptedShare[]> {
  enter(state, 'advertise_keys');
  try {
    if (!Array.isArray(roster)) throw new TypeError('roster must be an array');
    if (typeof policy !== 'object' || policy === null) throw new TypeError('policy must be an object');
    state.minCohort = checkInteger(policy.minCohort, 'policy.minCohort', 1, Number.MAX_SAFE_INTEGER);
    const { context, graph, params, selfId } = state;
    if (graph.ids.length < state.minCohort) {
      refuse('COHORT_BELOW_POLICY', `cohort of ${graph.ids.length} is below this client's minimum of ${state.minCohort}`);
    }
    for (const advert of roster) {
      const id = advert?.id;
      if (typeof id !== 'string' || !graph.isNeighbour(selfId, id)) refuse('UNKNOWN_PEER', `roster names ${String(id)}, not a neighbour`);
      if (state.roster.has(id)) refuse('DUPLICATE_PEER', `roster holds ${id} twice`);
      if (!verifyAdvert(context, advert, state.identities.get(id)!)) {
        refuse('BAD_ADVERT_SIGNATURE', `advert of ${id} does not verify against its identity key`);
      }
      state.roster.set(id, advert);
    }
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
 * Stage 4: for each named neighbour, the share of its mask key if it dropped or of its seed if
 * it survived, never both (Bonawitz et al. 2017 §4 Round 4; revealing both would unmask its
 * input); this client's own seed share always (it is answering, so it survived).
 */
export function unmask(state: ClientState, request: UnmaskRequest): UnmaskResponse {
  enter(state, 'masked_input');
  try {
    if (typeof request !== 'object' || request === null) throw new TypeError('request must be an object');
    const dropped = uniqueIds(request.dropped, 'request.dropped');
    const survivors = uniqueIds(request.survivors, 'request.survivors');
    for (const id of dropped) {
      if (survivors.has(id)) refuse('BOTH_SHARES_REQUESTED', `request asks for both shares of ${id}`);
    }
    for (const id of [...dropped, ...survivors]) {
      if (!state.received.has(id)) refuse('UNKNOWN_PEER', `request names ${id}, not a neighbour holding shares with this client`);
    }
    checkHolders(state, survivors.size + 1, 'surviving');
    const { selfId } = state;
    const shares: RevealedShare[] = [{ owner: selfId, kind: 'seed', share: state.ownBundle!.seedShare }];
    for (const id of sortedIds(survivors)) shares.push({ owner: id, kind: 'seed', share: state.received.get(id)!.seedShare });
    for (const id of sortedIds(dropped)) shares.push({ owner: id, kind: 'key', share: state.received.get(id)!.keyShare });
    wipe(state);
    state.stage = 'unmasking';
    return { from: selfId, shares };
  } catch (error) {
    throw abort(state, error);
  }
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
 * end), and, on the complete graph where the whole cohort is visible, when fewer than the policy.
 */
function checkHolders(state: ClientState, holders: number, what: string): void {
  if (holders < state.params.threshold) {
    refuse('BELOW_THRESHOLD', `${holders} parties ${what}, fewer than the threshold ${state.params.threshold}`);
  }
  if (state.graph.complete && holders < state.minCohort) {
    refuse('COHORT_BELOW_POLICY', `${holders} parties ${what}, below this client's minimum of ${state.minCohort}`);
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
