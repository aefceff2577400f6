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
import type { Contribution } from './contribution.js';
import type { RunData } from './run-data.js';

type Reply = (message: MessageInit) => void;

export class ActiveRound {
  training?: Promise<{ update: Update; loss: number; totals: Contribution }>;
  secure?: SecureParticipant;
  /** SHA-256 digests of what was sent, kept with the receipt. */
  sent?: Record<string, string>;

  constructor(
    readonly offer: cohort.v1.RoundOffer,
    readonly offerHash: Uint8Array,
    private readonly options: AgentOptions,
    private readonly ledger: { journal: RoundJournal; budget: AgencyBudget | undefined },
    readonly before: Float32Array,
    /** The run's data for this round: training and validation examples, or the table's statistics. */
    readonly data: RunData,
    /** The privacy step joining costs; absent without DP. */
    readonly charge?: SgmStep,
  ) {}

  async onRoster(roster: cohort.v1.KeyRoster, reply: Reply): Promise<void> {
    reply({ shareBundle: await this.participant('key roster').shareKeys(roster) });
  }

  async onDelivery(delivery: cohort.v1.ShareDelivery, reply: Reply): Promise<void> {
    const secure = this.participant('share delivery');
    if (!this.training) throw new ProtocolError('OUT_OF_TURN', 'share delivery before this client trained');
    const { update, totals } = await this.training;
    const masked = secure.maskInput(delivery, update.delta, update.weight, totals.parts);
    const hash = sha256Hex(masked);
    await this.chargePrivacy();
    this.sent = { maskedInput: hash };
    // Its own metrics leave in the clear only where its policy allows; otherwise only inside the masked sum.
    const own = this.options.policy.metrics === 'per-agency' && totals.own ? { agencyMetrics: totals.own } : {};
    reply({ maskedInput: { vector: masked, commitment: this.commitment(hash), ...own } });
  }

  onConsistency(request: cohort.v1.ConsistencyRequest, reply: Reply): void {
    reply({ consistencySignature: this.participant('consistency request').signSurvivors(request) });
  }

  onUnmask(request: cohort.v1.UnmaskRequest, reply: Reply): void {
    reply({ unmaskResponse: this.participant('unmask request').unmask(request) });
  }

  /**
   * SecAgg off: the update itself, committed to with the agency's signature; its metrics only
   * when its policy allows per-agency metrics (the coordinator would see them alone).
   */
  async sendPlainUpdate(reply: Reply): Promise<void> {
    const { update, totals } = await this.training!;
    const delta = encodeFloat32LE(update.delta);
    const hash = sha256Hex(delta);
    await this.chargePrivacy();
    this.sent = { update: hash };
    const examples = this.data.train ? exampleCount(this.data.train) : 0;
    const metrics = this.options.policy.metrics === 'per-agency' && totals.own ? { metrics: totals.own } : {};
    reply({ plainUpdate: { delta, weight: update.weight, examples, commitment: this.commitment(hash), ...metrics } });
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
