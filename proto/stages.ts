// Which messages belong to which stage of a round, and who sends them: the one table both
// parties read. A party derives the envelope's stage from the message kind when it sends, and
// refuses a message whose envelope names another stage, or that its side never receives.
import type { SecAggStage } from '../secagg/stages.js';
import { wire, type cohort } from './messages.js';

export const Stage = wire.Stage;
export type Stage = cohort.v1.Stage;
export type MessageKind = NonNullable<cohort.v1.Message['kind']>;

interface KindRule {
  readonly stage: Stage;
  /** Who sends it: the coordinator to a client, a client to the coordinator, or either. */
  readonly from: 'coordinator' | 'client' | 'either';
}

export const MESSAGE_KINDS: Readonly<Record<MessageKind, KindRule>> = Object.freeze({
  roundOffer: { stage: Stage.STAGE_OFFER, from: 'coordinator' },
  roundAnswer: { stage: Stage.STAGE_OFFER, from: 'client' },
  keyRoster: { stage: Stage.STAGE_SHARE_KEYS, from: 'coordinator' },
  shareBundle: { stage: Stage.STAGE_SHARE_KEYS, from: 'client' },
  shareDelivery: { stage: Stage.STAGE_MASKED_INPUT, from: 'coordinator' },
  maskedInput: { stage: Stage.STAGE_MASKED_INPUT, from: 'client' },
  plainUpdate: { stage: Stage.STAGE_MASKED_INPUT, from: 'client' },
  consistencyRequest: { stage: Stage.STAGE_CONSISTENCY, from: 'coordinator' },
  consistencySignature: { stage: Stage.STAGE_CONSISTENCY, from: 'client' },
  unmaskRequest: { stage: Stage.STAGE_UNMASKING, from: 'coordinator' },
  unmaskResponse: { stage: Stage.STAGE_UNMASKING, from: 'client' },
  roundReceipt: { stage: Stage.STAGE_RESULT, from: 'coordinator' },
  notice: { stage: Stage.STAGE_CONTROL, from: 'either' },
});

export const MESSAGE_KIND_NAMES = Object.freeze(Object.keys(MESSAGE_KINDS) as MessageKind[]);

/** The envelope stage of each SecAgg+ stage: advertise_keys rides in the answer to the offer. */
export const SECAGG_WIRE_STAGES: Readonly<Record<SecAggStage, Stage>> = Object.freeze({
  advertise_keys: Stage.STAGE_OFFER,
  share_keys: Stage.STAGE_SHARE_KEYS,
  masked_input: Stage.STAGE_MASKED_INPUT,
  consistency: Stage.STAGE_CONSISTENCY,
  unmasking: Stage.STAGE_UNMASKING,
});

/** The stages in the order a round passes through them (the enum's numbers are wire tags, not an order). */
export const STAGE_ORDER: readonly Stage[] = Object.freeze([
  Stage.STAGE_NONE, Stage.STAGE_OFFER, Stage.STAGE_SHARE_KEYS, Stage.STAGE_MASKED_INPUT, Stage.STAGE_CONSISTENCY,
  Stage.STAGE_UNMASKING, Stage.STAGE_RESULT, Stage.STAGE_CONTROL,
]);

/** Where `stage` comes in a round: a later stage has a higher rank (-1 for a value that is no stage). */
export function stageRank(stage: Stage): number {
  return STAGE_ORDER.indexOf(stage);
}

/** The stage a message of `kind` travels under. */
export function stageOf(kind: MessageKind): Stage {
  return MESSAGE_KINDS[kind].stage;
}

/** Why a message of `kind` under envelope stage `stage` cannot reach `receiver`, or null if it may. */
export function misplaced(kind: MessageKind, stage: Stage, receiver: 'coordinator' | 'client'): string | null {
  const rule = MESSAGE_KINDS[kind];
  if (rule.from === receiver) return `${kind} is sent by the ${receiver}, never to it`;
  if (rule.stage !== stage) return `${kind} belongs to ${Stage[rule.stage]}, not ${Stage[stage] ?? `stage ${stage}`}`;
  return null;
}

/** The kind of a message being built: the one field of the Message oneof it sets. */
export function kindOf(message: cohort.v1.Message.$Properties): MessageKind {
  const kinds = MESSAGE_KIND_NAMES.filter((kind) => message[kind] !== undefined && message[kind] !== null);
  if (kinds.length !== 1) throw new TypeError(`a message must set exactly one kind, got ${kinds.length ? kinds.join(', ') : 'none'}`);
  return kinds[0];
}
