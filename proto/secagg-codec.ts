// The one mapping between the SecAgg+ wire messages (secagg.proto) and the plain types secagg/
// works on. Both parties' shells go through it. Decoding never asserts a field is present: an
// absent field becomes an empty value that secagg/'s own checks refuse, naming the field.
import type { ConsistencyRequest, ConsistencySignature, EncryptedShare, RevealedShare, RoundContext, SecAggParams, SignedAdvert, UnmaskRequest } from '../secagg/index.js';
import type { cohort } from './messages.js';
import { offerSha256 } from './offer-hash.js';
import { layoutLength } from '../secagg/exact.js';
import { updateVectorOf } from './update-vector.js';

type Bytes = Uint8Array | null | undefined;
const bytes = (value: Bytes): Uint8Array => value ?? new Uint8Array(0);
const text = (value: string | null | undefined): string => value ?? '';
const count = (value: number | null | undefined): number => value ?? 0;

export function encodeParams(params: SecAggParams): cohort.v1.ISecAggConfig {
  return { threshold: params.threshold, degree: params.degree, clipRange: params.clipRange, bits: params.bits };
}

export function decodeParams(config: cohort.v1.ISecAggConfig): SecAggParams {
  return { threshold: count(config.threshold), degree: count(config.degree), clipRange: count(config.clipRange), bits: count(config.bits) };
}

/** The SecAgg+ round an offer describes, as both parties hold it: run, round, offer hash, cohort, parameters. */
export function roundContextOf(offer: cohort.v1.IRoundOffer, offerHash: Uint8Array = offerSha256(offer)): RoundContext {
  const config = offer.secagg ?? {};
  return {
    runId: text(offer.runId),
    round: count(offer.round),
    offerHash,
    cohort: (offer.cohort ?? []).map((member) => ({ id: text(member.agency), identityPublicKey: bytes(member.identityKey) })),
    params: decodeParams(config),
    // The update's coordinates, then its exact segments (proto/update-vector.ts).
    vectorLength: layoutLength(updateVectorOf(offer).layout),
  };
}

export function encodeAdvert(advert: SignedAdvert): cohort.v1.IKeyAdvert {
  return { agency: advert.id, cPk: advert.cPk, sPk: advert.sPk, seedCommitment: advert.seedCommitment, offerSha256: advert.offerHash, signature: advert.signature };
}

export function decodeAdvert(advert: cohort.v1.IKeyAdvert): SignedAdvert {
  return {
    id: text(advert.agency), cPk: bytes(advert.cPk), sPk: bytes(advert.sPk), seedCommitment: bytes(advert.seedCommitment),
    offerHash: bytes(advert.offerSha256), signature: bytes(advert.signature),
  };
}

export function encodeShares(shares: readonly EncryptedShare[]): cohort.v1.IEncryptedShare[] {
  return shares.map((s) => ({ from: s.from, to: s.to, nonce: s.nonce, ciphertext: s.ciphertext }));
}

export function decodeShares(shares: readonly cohort.v1.IEncryptedShare[] | null | undefined): EncryptedShare[] {
  return (shares ?? []).map((s) => ({ from: text(s.from), to: text(s.to), nonce: bytes(s.nonce), ciphertext: bytes(s.ciphertext) }));
}

export function encodeConsistencyRequest(request: ConsistencyRequest): cohort.v1.IConsistencyRequest {
  return { survivors: [...request.survivors] };
}

export function decodeConsistencyRequest(request: cohort.v1.IConsistencyRequest): ConsistencyRequest {
  return { survivors: request.survivors ?? [] };
}

export function encodeSignature(signed: ConsistencySignature): cohort.v1.IConsistencySignature {
  return { agency: signed.id, offerSha256: signed.offerHash, graphSeed: signed.graphSeed, signature: signed.signature };
}

/** A consistency signature; `from` names its sender when it arrives on that sender's own session. */
export function decodeSignature(signed: cohort.v1.IConsistencySignature, from?: string): ConsistencySignature {
  return { id: from ?? text(signed.agency), offerHash: bytes(signed.offerSha256), graphSeed: bytes(signed.graphSeed), signature: bytes(signed.signature) };
}

export function encodeUnmaskRequest(request: UnmaskRequest): cohort.v1.IUnmaskRequest {
  return { survivors: [...request.survivors], signatures: request.signatures.map(encodeSignature) };
}

export function decodeUnmaskRequest(request: cohort.v1.IUnmaskRequest): UnmaskRequest {
  return { survivors: request.survivors ?? [], signatures: (request.signatures ?? []).map((s) => decodeSignature(s)) };
}

export function encodeRevealed(shares: readonly RevealedShare[]): cohort.v1.IUnmaskResponse {
  return { shares: shares.map((s) => ({ owner: s.owner, kind: s.kind, share: s.share })) };
}

/** Revealed shares; a kind other than 'key' or 'seed' is kept as sent, for secagg/ to refuse. */
export function decodeRevealed(response: cohort.v1.IUnmaskResponse): RevealedShare[] {
  return (response.shares ?? []).map((s) => ({ owner: text(s.owner), kind: text(s.kind) as RevealedShare['kind'], share: bytes(s.share) }));
}
