// The client's side of a SecAgg+ round: the thin shell around secagg/client.ts that turns wire
// messages into its plain inputs and back (proto/secagg-codec.ts). The update leaves only
// masked: quantize, then mask.
import type { Identity } from '../identity/keys.js';
import { advertise, maskInput, shareKeys, signSurvivorSet, unmask, type ClientPolicy, type ClientState, type RandomWords, type RoundContext } from '../secagg/index.js';
import { encodeUint32LE } from '../bytes/encoding.js';
import type { cohort } from '../proto/messages.js';
import { decodeAdvert, decodeConsistencyRequest, decodeShares, decodeUnmaskRequest, encodeAdvert, encodeRevealed, encodeShares, encodeSignature, roundContextOf } from '../proto/secagg-codec.js';
import { encodeUpdate, updateVectorOf, type Parts, type UpdateVector } from '../proto/update-vector.js';

export class SecureParticipant {
  private state?: ClientState;
  /** The SecAgg+ round the offer describes, as this client holds it. */
  readonly round: RoundContext;
  /** What this round's input holds, from the same offer the coordinator decodes by. */
  private readonly vector: UpdateVector;

  constructor(
    offer: cohort.v1.IRoundOffer,
    private readonly agency: string,
    private readonly identity: Identity,
    /** The agency's own minimums: its cohort floor, and the survivors it needs signed before it unmasks. */
    private readonly policy: ClientPolicy,
    private readonly random?: RandomWords,
    offerHash?: Uint8Array,
  ) {
    this.round = roundContextOf(offer, offerHash);
    this.vector = updateVectorOf(offer);
  }

  /** Stage 1: fresh round keys, signed with the agency's identity key. */
  advertise(): cohort.v1.IKeyAdvert {
    const { state, advert } = advertise({ ...this.round, selfId: this.agency, identitySecretKey: this.identity.secretKey });
    this.state = state;
    return encodeAdvert(advert);
  }

  /** Stage 2: check every advert's signature, draw the graph from their coin, then share our secrets among our neighbours. */
  async shareKeys(roster: cohort.v1.IKeyRoster): Promise<cohort.v1.IShareBundle> {
    const shares = await shareKeys(this.current(), (roster.adverts ?? []).map(decodeAdvert), this.policy);
    return { shares: encodeShares(shares) };
  }

  /**
   * Stage 3: w * delta quantized, then its example count, and its metric or statistics totals,
   * exactly (proto/update-vector.ts), masked: the only form in which the update and the totals leave.
   */
  maskInput(delivery: cohort.v1.IShareDelivery, delta: Float32Array, weight: number, parts: Parts = {}): Uint8Array {
    const state = this.current();
    return encodeUint32LE(maskInput(state, decodeShares(delivery.shares), encodeUpdate(this.vector, state.params, delta, weight, parts, this.random)));
  }

  /** Stage 4: sign the announced survivor set, once. */
  signSurvivors(request: cohort.v1.IConsistencyRequest): cohort.v1.IConsistencySignature {
    return encodeSignature(signSurvivorSet(this.current(), decodeConsistencyRequest(request)));
  }

  /** Stage 5: only for the set this client signed and a quorum signed with it, one share per neighbour (secagg/client.ts refuses otherwise). */
  unmask(request: cohort.v1.IUnmaskRequest): cohort.v1.IUnmaskResponse {
    return encodeRevealed(unmask(this.current(), decodeUnmaskRequest(request)).shares);
  }

  /** Ends the round on this client; secrets are wiped by the stage that failed or finished. */
  abort(): void {
    this.state = undefined;
  }

  private current(): ClientState {
    if (!this.state) throw new RangeError('no SecAgg round is in progress on this client');
    return this.state;
  }
}
