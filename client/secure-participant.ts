// The client's side of a SecAgg+ round: the thin shell around secagg/client.ts that turns wire
// messages into its plain inputs and back (proto/secagg-codec.ts). The update leaves only
// masked: quantize, then mask.
import type { Identity } from '../identity/keys.js';
import { advertise, maskInput, shareKeys, unmask, type ClientState, type RandomWords, type RoundContext } from '../secagg/index.js';
import { encodeUint32LE } from '../bytes/encoding.js';
import type { cohort } from '../proto/messages.js';
import { decodeAdvert, decodeShares, decodeUnmaskRequest, encodeAdvert, encodeRevealed, encodeShares, roundContextOf } from '../proto/secagg-codec.js';
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
    private readonly minCohort: number,
    private readonly random?: RandomWords,
  ) {
    this.round = roundContextOf(offer);
    this.vector = updateVectorOf(offer);
  }

  /** Stage 1: fresh round keys, signed with the agency's identity key. */
  advertise(): cohort.v1.IKeyAdvert {
    const { state, advert } = advertise({ ...this.round, selfId: this.agency, identitySecretKey: this.identity.secretKey });
    this.state = state;
    return encodeAdvert(advert);
  }

  /** Stage 2: check every neighbour's signed keys, then share our secrets among them. */
  async shareKeys(roster: cohort.v1.IKeyRoster): Promise<cohort.v1.IShareBundle> {
    const shares = await shareKeys(this.current(), (roster.adverts ?? []).map(decodeAdvert), { minCohort: this.minCohort });
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

  /** Stage 4: one share per named neighbour, never both of one (secagg/client.ts refuses). */
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
