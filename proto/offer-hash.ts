// The offer hash: what every party of a round binds its messages to (secagg/keys.ts RoundBinding).
// It covers the whole offer, weights, topology, training config, SecAgg and DP terms, cohort and
// roster, so two agencies hold the same hash only if they were offered the same round. The
// coordinator hashes the offer it sends and each client the offer it decoded: protobufjs encodes
// a message's fields in tag order and a decoded message re-encodes to the same bytes, so both
// get SHA-256("cohort-offer-v1" || 0x00 || the RoundOffer's protobuf encoding) (docs/LEDGER.md).
import { sha256 } from '../bytes/digest.js';
import { wire, type cohort } from './messages.js';

const DOMAIN = new TextEncoder().encode('cohort-offer-v1\u0000');

export function offerSha256(offer: cohort.v1.IRoundOffer): Uint8Array {
  return sha256(DOMAIN, wire.RoundOffer.encode(offer).finish());
}
