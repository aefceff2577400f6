// The consistency round (Bonawitz et al. 2017 §4, Round 3 "ConsistencyCheck" of the
// malicious-server protocol, Fig. 4), adapted to SecAgg+ neighbourhoods (Bell et al. 2020 §3).
// After the masked inputs, the coordinator announces the survivor set S; each survivor signs
// (run, round, offer hash, graph seed, cohort size, S) once; before revealing any share a client
// checks that a quorum of S signed that very statement. An honest client signs one set per round
// and a quorum is a strict majority of the offered cohort, so two different survivor sets can
// never both reach a quorum: every revealing client acts on the same S, and the coordinator cannot
// have one neighbourhood say "u survived" (its seed) while another says "u's neighbours dropped"
// (their mask keys), which together would unmask u's input (the attack of issue #10).
import { sign, verify } from '../identity/keys.js';
import { checkBytes, checkInteger, sortedIds, transcript } from './encoding.js';
import { refuse } from './errors.js';
import { GRAPH_SEED_BYTES } from './graph.js';
import { SIGNATURE_BYTES, checkBinding, sameBytes, type RoundBinding } from './keys.js';

/** One survivor's signature over the survivor set, as the coordinator relays it. */
export interface ConsistencySignature {
  readonly id: string;
  /** The offer hash and graph seed the signer says it signed over: a mismatch is named before the signature is checked. */
  readonly offerHash: Uint8Array;
  readonly graphSeed: Uint8Array;
  readonly signature: Uint8Array;
}

/** What a survivor signs: the round, its offer, its graph, how many were offered, and the survivor set in id order. */
export interface SurvivorStatement {
  readonly binding: RoundBinding;
  readonly graphSeed: Uint8Array;
  /** Agencies offered the round: the population a quorum is a majority of. */
  readonly cohortSize: number;
  readonly survivors: readonly string[];
}

/**
 * The signatures a client must see before it reveals a share: at least t (enough to unmask at
 * all) and a strict majority of the offered cohort (so no second survivor set can reach a quorum).
 */
export function consistencyQuorum(threshold: number, cohortSize: number): number {
  return Math.max(threshold, Math.floor(cohortSize / 2) + 1);
}

/**
 * The signed bytes (docs/LEDGER.md gives them to auditors): the length-prefixed transcript of
 * "cohort/secagg/v1", "consistency", run id, round, offer hash, graph seed, cohort size, then each
 * survivor id in byte order.
 */
export function consistencyTranscript(statement: SurvivorStatement): Uint8Array {
  const { binding, graphSeed, cohortSize, survivors } = statement;
  checkBinding(binding);
  return transcript('consistency', [
    binding.runId, binding.round, binding.offerHash, checkBytes(graphSeed, 'graphSeed', GRAPH_SEED_BYTES),
    checkInteger(cohortSize, 'cohortSize', 1, 0xffff_ffff), ...sortedIds(survivors),
  ]);
}

export function signSurvivors(statement: SurvivorStatement, id: string, identitySecretKey: Uint8Array): ConsistencySignature {
  const signature = sign(consistencyTranscript(statement), identitySecretKey);
  return Object.freeze({ id, offerHash: statement.binding.offerHash, graphSeed: statement.graphSeed, signature });
}

/**
 * A check of relayed signatures against `statement` (its bytes built once): it refuses one that is
 * not `identityKey`'s over the statement, naming what differs.
 */
export function survivorSignatureCheck(statement: SurvivorStatement): (signed: ConsistencySignature, identityKey: Uint8Array) => void {
  const message = consistencyTranscript(statement);
  return (signed, identityKey) => {
    if (!(signed.offerHash instanceof Uint8Array) || !sameBytes(signed.offerHash, statement.binding.offerHash)) {
      refuse('OFFER_MISMATCH', `${signed.id} signed the survivor set for another offer than this client's`);
    }
    if (!(signed.graphSeed instanceof Uint8Array) || !sameBytes(signed.graphSeed, statement.graphSeed)) {
      refuse('GRAPH_MISMATCH', `${signed.id} signed the survivor set over another neighbour graph than this client's`);
    }
    if (!(signed.signature instanceof Uint8Array) || signed.signature.length !== SIGNATURE_BYTES || !verify(message, signed.signature, identityKey)) {
      refuse('BAD_CONSISTENCY_SIGNATURE', `the consistency signature of ${signed.id} does not verify over this survivor set`);
    }
  };
}
