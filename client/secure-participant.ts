// The client's side of a SecAgg+ round: the thin shell around secagg/client.ts that turns wire
// messages into its plain inputs and back. The update leaves only masked: quantize, then mask.
import type { Identity } from '../identity/keys.js';
import { advertise, maskInput, quantize, shareKeys, unmask, validateParams, type ClientState, type RandomWords } from '../secagg/index.js';
import { encodeUint32LE } from '../bytes/encoding.js';
import type { cohort } from '../proto/messages.js';

export class SecureParticipant {
  private state?: ClientState;

  constructor(
    private readonly offer: cohort.v1.RoundOffer,
    private readonly agency: string,
    private readonly identity: Identity,
    private readonly minCohort: number,
    private readonly random?: RandomWords,
  ) {}

  // Decoded protobuf messages carry every field (defaults filled in): hence the `!`s below.
  private get params() {
    const c = this.offer.secagg!;
    return validateParams({ threshold: c.threshold!, degree: c.degree!, clipRange: c.clipRange!, bits: c.bits! }, this.offer.cohort.length);
  }

  /** Stage 1: fresh round keys, signed with the agency's identity key. */
  advertise(): cohort.v1.IKeyAdvert {
    const { state, advert } = advertise({
      runId: this.offer.runId,
      round: this.offer.round,
      seed: this.offer.secagg!.graphSeed!,
      cohort: this.offer.cohort.map((m) => ({ id: m.agency!, identityPublicKey: m.identityKey! })),
      params: this.params,
      // The update's coordinates plus one for its FedAvg weight.
      vectorLength: this.offer.weights.length / 4 + 1,
      selfId: this.agency,
      identitySecretKey: this.identity.secretKey,
    });
    this.state = state;
    return { agency: advert.id, cPk: advert.cPk, sPk: advert.sPk, signature: advert.signature };
  }

  /** Stage 2: check every neighbour's signed keys, then share our secrets among them. */
  async shareKeys(roster: cohort.v1.KeyRoster): Promise<cohort.v1.IShareBundle> {
    const adverts = roster.adverts.map((a) => ({ id: a.agency!, cPk: a.cPk!, sPk: a.sPk!, signature: a.signature! }));
    const shares = await shareKeys(this.current(), adverts, { minCohort: this.minCohort });
    return { shares: shares.map((s) => ({ from: s.from, to: s.to, nonce: s.nonce, ciphertext: s.ciphertext })) };
  }

  /** Stage 3: [w * delta, w], quantized and masked: the only form in which the update leaves. */
  maskInput(delivery: cohort.v1.ShareDelivery, delta: Float32Array, weight: number): Uint8Array {
    const values = new Float32Array(delta.length + 1);
    for (let i = 0; i < delta.length; i++) values[i] = weight * delta[i];
    values[delta.length] = weight;
    const received = delivery.shares.map((s) => ({ from: s.from!, to: s.to!, nonce: s.nonce!, ciphertext: s.ciphertext! }));
    return encodeUint32LE(maskInput(this.current(), received, quantize(values, this.params, this.random)));
  }

  /** Stage 4: one share per named neighbour, never both of one (secagg/client.ts refuses). */
  unmask(request: cohort.v1.UnmaskRequest): cohort.v1.IUnmaskResponse {
    const response = unmask(this.current(), { survivors: request.survivors, dropped: request.dropped });
    return { shares: response.shares.map((s) => ({ owner: s.owner, kind: s.kind, share: s.share })) };
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
