// What both parties of one SecAgg+ round agree on before it starts, and the plain messages of
// the unmask stage. Every message field is a string, a uint32, or bytes, for a 1:1 wire schema.
import { checkBytes, checkId, checkInteger } from './encoding.js';
import { GRAPH_SEED_BYTES, buildGraph, type NeighbourGraph } from './graph.js';
import { ED25519_PUBLIC_KEY_BYTES, checkBinding, type RoundBinding } from './keys.js';
import { validateParams, type SecAggParams } from './params.js';

export interface CohortMember {
  readonly id: string;
  /** The member's enrolled Ed25519 identity key: adverts must verify against it. */
  readonly identityPublicKey: Uint8Array;
}

/** The round config both sides hold: run, round, graph seed, cohort with identity keys, parameters. */
export interface RoundContext extends RoundBinding {
  /** 32 public random bytes from the round config; with the cohort ids they fix the graph. */
  readonly seed: Uint8Array;
  readonly cohort: readonly CohortMember[];
  readonly params: SecAggParams;
  /** Words per input vector: the quantized update and its exact segments (secagg/exact.ts). */
  readonly vectorLength: number;
}

/** Stage 4 request to one client: its neighbours whose masked input is missing, and those it holds. */
export interface UnmaskRequest {
  readonly dropped: readonly string[];
  readonly survivors: readonly string[];
}

/** One revealed share: of `owner`'s mask key s^SK ('key', owner dropped) or self-mask seed b ('seed', owner survived). */
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
  readonly graph: NeighbourGraph;
  readonly identities: ReadonlyMap<string, Uint8Array>;
}

/** Validates a RoundContext and derives the graph; TypeError/RangeError naming the field. */
export function checkRound(context: RoundContext): CheckedRound {
  checkBinding(context);
  checkBytes(context.seed, 'seed', GRAPH_SEED_BYTES);
  checkInteger(context.vectorLength, 'vectorLength', 1, MAX_VECTOR_LENGTH);
  if (!Array.isArray(context.cohort)) throw new TypeError('cohort must be an array');
  const identities = new Map<string, Uint8Array>();
  context.cohort.forEach((member, i) => {
    const id = checkId(member?.id, `cohort[${i}].id`);
    if (identities.has(id)) throw new RangeError(`cohort holds ${id} twice`);
    identities.set(id, checkBytes(member.identityPublicKey, `cohort[${i}].identityPublicKey`, ED25519_PUBLIC_KEY_BYTES));
  });
  const params = validateParams(context.params, identities.size);
  const graph = buildGraph(context.seed, [...identities.keys()], params.degree);
  return { context, params, graph, identities };
}
