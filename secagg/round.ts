// What both parties of one SecAgg+ round agree on before it starts, the graph they derive once
// the adverts are in, and the plain messages of the last two stages. Every message field is a
// string, a uint32, or bytes, for a 1:1 wire schema.
import { checkBytes, checkId, checkInteger } from './encoding.js';
import type { ConsistencySignature } from './consistency.js';
import { refuse } from './errors.js';
import { buildGraph, fitDegree, publicCoin, type NeighbourGraph } from './graph.js';
import { ED25519_PUBLIC_KEY_BYTES, checkBinding, type KeyAdvert, type RoundBinding } from './keys.js';
import { MIN_COHORT, validateParams, type SecAggParams } from './params.js';

export interface CohortMember {
  readonly id: string;
  /** The member's enrolled Ed25519 identity key: adverts must verify against it. */
  readonly identityPublicKey: Uint8Array;
}

/** The round config both sides hold: run, round, offer hash, cohort with identity keys, parameters. */
export interface RoundContext extends RoundBinding {
  /** Every agency offered the round; the graph is built over those that then advertised keys. */
  readonly cohort: readonly CohortMember[];
  /** The offered threshold and degree, sound for the whole cohort. */
  readonly params: SecAggParams;
  /** Words per input vector: the quantized update and its exact segments (secagg/exact.ts). */
  readonly vectorLength: number;
}

/** Stage 4 (consistency) request: the survivor set S, the clients whose masked input is in the sum. */
export interface ConsistencyRequest {
  readonly survivors: readonly string[];
}

/**
 * Stage 5 request: S again, with the survivors' signatures over it. From S alone a client knows
 * what to reveal for each neighbour that gave it shares: the seed share if it is in S, the key
 * share if not; the coordinator names nobody per client, so it cannot tell two stories.
 */
export interface UnmaskRequest {
  readonly survivors: readonly string[];
  readonly signatures: readonly ConsistencySignature[];
}

/** One revealed share: of `owner`'s mask key s^SK ('key', owner not in S) or self-mask seed b ('seed', owner in S). */
export interface RevealedShare {
  readonly owner: string;
  readonly kind: 'key' | 'seed';
  /** 33 bytes. */
  readonly share: Uint8Array;
}

export interface UnmaskResponse {
  readonly from: string;
  readonly shares: readonly RevealedShare[];
}

export const MAX_VECTOR_LENGTH = 1 << 28;

export interface CheckedRound {
  readonly context: RoundContext;
  readonly params: SecAggParams;
  readonly identities: ReadonlyMap<string, Uint8Array>;
}

/** The neighbour graph over the advertisers, and the public coin it was drawn from. */
export interface RoundGraph {
  readonly seed: Uint8Array;
  readonly graph: NeighbourGraph;
}

/** Validates a RoundContext; TypeError/RangeError naming the field. */
export function checkRound(context: RoundContext): CheckedRound {
  checkBinding(context);
  checkInteger(context.vectorLength, 'vectorLength', 1, MAX_VECTOR_LENGTH);
  if (!Array.isArray(context.cohort)) throw new TypeError('cohort must be an array');
  const identities = new Map<string, Uint8Array>();
  const keys = new Set<string>();
  context.cohort.forEach((member, i) => {
    const id = checkId(member?.id, `cohort[${i}].id`);
    if (identities.has(id)) throw new RangeError(`cohort holds ${id} twice`);
    const key = checkBytes(member.identityPublicKey, `cohort[${i}].identityPublicKey`, ED25519_PUBLIC_KEY_BYTES);
    // One key, one member: otherwise one party would count twice toward every minimum.
    const hex = Buffer.from(key).toString('hex');
    if (keys.has(hex)) throw new RangeError(`cohort holds the identity key of ${id} twice`);
    keys.add(hex);
    identities.set(id, key);
  });
  const params = validateParams(context.params, identities.size);
  return { context, params, identities };
}

/**
 * The graph both sides derive once the adverts are in: over the advertisers, seeded by their
 * public coin, of the offered degree fitted to how many advertised. Refuses (BELOW_THRESHOLD)
 * when too few advertised for any neighbourhood to hold t shares.
 */
export function roundGraph(round: CheckedRound, adverts: readonly KeyAdvert[]): RoundGraph {
  const { threshold, degree } = round.params;
  const m = adverts.length;
  const fitted = fitDegree(degree, m);
  if (m < Math.max(threshold, MIN_COHORT) || fitted + 1 < threshold) {
    refuse('BELOW_THRESHOLD', `${m} clients advertised keys: no neighbourhood can hold the threshold of ${threshold} shares`);
  }
  const seed = publicCoin(round.context, adverts);
  return { seed, graph: buildGraph(seed, adverts.map((a) => a.id), fitted) };
}
