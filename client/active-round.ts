// A round this client accepted: its offer and the offer's hash, the training under way, the
// SecAgg+ participant, and what leaves the agency. Every update leaves only after the round's
// privacy is charged in the journal, and only committed to under the offer it was trained on.
import { sha256Hex } from '../bytes/digest.js';
import { sign, toHex } from '../identity/keys.js';
import { commitmentTranscript } from '../ledger/entries.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { exampleCount } from '../ml/dataset.js';
import type { SgmStep } from '../privacy/accountant.js';
import type { AgencyBudget } from '../privacy/budget.js';
import { ProtocolError } from '../proto/errors.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import type { AgentOptions } from './agent.js';
import { AGENCY_ACCOUNTANT, type RoundJournal } from './round-journal.js';
import type { SecureParticipant } from './secure-participant.js';
import type { Update } from './update.js';

type Reply = (message: MessageInit) => void;

export class ActiveRound {
  training?: Promise<{ update: Update; loss: number }>;
  secure?: SecureParticipant;
  /** SHA-256 digests of what was sent, kept with the receipt. */
  sent?: Record<string, string>;

  constructor(
    readonly offer: cohort.v1.RoundOffer,
    readonly offerHash: Uint8Array,
    private readonly options: AgentOptions,
    private readonly ledger: { journal: RoundJournal; budget: AgencyBudget | undefined },
    readonly before: Float32Array,
    /** The privacy step joining costs; absent without DP. */
    readonly charge?: SgmStep,
  ) {}

  async onRoster(roster: cohort.v1.KeyRoster, reply: Reply): Promise<void> {
    reply({ shareBundle: await this.participant('key roster').shareKeys(roster) });
  }

  async onDelivery(delivery: cohort.v1.ShareDelivery, reply: Reply): Promise<void> {
    const secure = this.participant('share delivery');
    if (!this.training) throw new ProtocolError('OUT_OF_TURN', 'share delivery before this client trained');
    const { update } = await this.training;
    const masked = secure.maskInput(delivery, update.delta, update.weight);
    const hash = sha256Hex(masked);
    await this.chargePrivacy();
    this.sent = { maskedInput: hash };
    reply({ maskedInput: { vector: masked, commitment: this.commitment(hash) } });
  }

  onConsistency(request: cohort.v1.ConsistencyRequest, reply: Reply): void {
    reply({ consistencySignature: this.participant('consistency request').signSurvivors(request) });
  }

  onUnmask(request: cohort.v1.UnmaskRequest, reply: Reply): void {
    reply({ unmaskResponse: this.participant('unmask request').unmask(request) });
  }

  /** SecAgg off: the update itself, committed to with the agency's signature. */
  async sendPlainUpdate(reply: Reply): Promise<void> {
    const { update, loss } = await this.training!;
    const delta = encodeFloat32LE(update.delta);
    const hash = sha256Hex(delta);
    await this.chargePrivacy();
    this.sent = { update: hash };
    reply({ plainUpdate: { delta, weight: update.weight, loss, examples: exampleCount(this.options.data), commitment: this.commitment(hash) } });
  }

  /**
   * The privacy this round spends, written to the journal before the update leaves: once sent,
   * it is spent whatever the coordinator reports afterwards, and it is never taken back.
   */
  private async chargePrivacy(): Promise<void> {
    if (!this.charge) return;
    const { runId, round } = this.offer;
    await this.ledger.journal.recordCharge({ runId, round, offerSha256: toHex(this.offerHash), spend: { [AGENCY_ACCOUNTANT]: this.charge } });
    this.ledger.budget?.add({ runId, round, step: this.charge });
    this.options.log.info({ runId, round, noiseMultiplier: this.charge.noiseMultiplier }, 'privacy charged before the update leaves');
  }

  private commitment(hash: string): Uint8Array {
    return sign(commitmentTranscript(this.offer.runId, this.offer.round, toHex(this.offerHash), hash), this.options.identity.secretKey);
  }

  private participant(what: string): SecureParticipant {
    if (!this.secure) throw new ProtocolError('OUT_OF_TURN', `${what} in a round without secure aggregation`);
    return this.secure;
  }
}
