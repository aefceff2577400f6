// A round this client accepted: its offer and the offer's hash, the training under way, the
// SecAgg+ participant, and what leaves the agency. Every update leaves only after the round's
// privacy is charged in the journal, and only committed to under the offer it was trained on.
import { sha256Hex } from '../bytes/digest.js';
import { sign, toHex } from '../identity/keys.js';
import { commitmentTranscript, recordSpend, type RecordSpend } from '../ledger/entries.js';
import { encodeFloat32LE } from '../ml/codec.js';
import { exampleCount } from '../ml/dataset.js';
import type { SgmStep } from '../privacy/accountant.js';
import { ProtocolError } from '../proto/errors.js';
import type { MessageInit } from '../proto/framing.js';
import type { cohort } from '../proto/messages.js';
import type { AgentOptions } from './agent.js';
import type { RecordPlan } from './record-dp.js';
import type { AgencySpend } from './spend.js';
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
    private readonly ledger: { spend: AgencySpend },
    readonly before: Float32Array,
    /** The run's data for this round: training and validation examples, or the table's statistics. */
    readonly data: RunData,
    /** The agency-level step joining costs; absent without agency-level DP. */
    readonly charge?: SgmStep,
    /** Record-level DP-SGD: what to train and charge; absent without. */
    readonly record?: RecordPlan,
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
    const spend = await this.chargePrivacy();
    this.sent = { maskedInput: hash };
    // Its own metrics leave in the clear only where its policy allows; otherwise only inside the masked sum.
    const own = this.options.policy.metrics === 'per-agency' && totals.own ? { agencyMetrics: totals.own } : {};
    reply({ maskedInput: { vector: masked, commitment: this.commitment(hash, spend), ...own, ...(spend ? { recordSpend: spend } : {}) } });
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
    const spend = await this.chargePrivacy();
    this.sent = { update: hash };
    const examples = this.data.train ? exampleCount(this.data.train) : 0;
    const metrics = this.options.policy.metrics === 'per-agency' && totals.own ? { metrics: totals.own } : {};
    reply({ plainUpdate: { delta, weight: update.weight, examples, commitment: this.commitment(hash, spend), ...metrics, ...(spend ? { recordSpend: spend } : {}) } });
  }

  /**
   * The privacy this round spends, each unit in its own accountant, written to the journal in one
   * line before the update leaves: once sent, it is spent whatever the coordinator reports
   * afterwards, and it is never taken back. A round that no longer fits its budget is refused
   * here (BudgetExceededError) and nothing leaves. Returns the record-level spend to sign.
   */
  private async chargePrivacy(): Promise<RecordSpend | undefined> {
    if (!this.charge && !this.record) return undefined;
    const { runId, round } = this.offer;
    const decisions = await this.ledger.spend.charge({ runId, round, offerSha256: toHex(this.offerHash) }, {
      ...(this.charge ? { agency: this.charge } : {}), ...(this.record ? { record: this.record.step } : {}),
    });
    this.options.log.info({ runId, round, agencyEpsilon: decisions.agency?.epsilonAfter, recordEpsilon: decisions.record?.epsilonAfter },
      'privacy charged before the update leaves');
    const limits = this.ledger.spend.limits.record;
    return this.record && limits ? recordSpend(decisions.record!.epsilonAfter, limits) : undefined;
  }

  private commitment(hash: string, spend: RecordSpend | undefined): Uint8Array {
    return sign(commitmentTranscript(this.offer.runId, this.offer.round, toHex(this.offerHash), hash, spend), this.options.identity.secretKey);
  }

  private participant(what: string): SecureParticipant {
    if (!this.secure) throw new ProtocolError('OUT_OF_TURN', `${what} in a round without secure aggregation`);
    return this.secure;
  }
}
