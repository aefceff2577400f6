// Every (stage, message) pair, the way Flower's secaggplus_mod_test takes every pair of its
// shared Stage list: on the wire (an envelope's stage against its message's kind and direction),
// at the coordinator (which stage is open) and at the client (which SecAgg+ stage it completed).
// Each pair is accepted where the protocol allows it and refused with its code where not.
import { describe, expect, it } from 'vitest';
import { SecureParticipant } from '../../client/secure-participant.js';
import { StageRouter } from '../../coordinator/stage-router.js';
import { generateIdentity, type Identity } from '../../identity/keys.js';
import { COORDINATOR_NAME, SecureChannel, type Opened } from '../../proto/channel.js';
import { ProtocolError } from '../../proto/errors.js';
import { encodeFloat32LE } from '../../ml/codec.js';
import { decodeFrame, decodeMessage, encodeMessage, type MessageInit } from '../../proto/framing.js';
import type { cohort } from '../../proto/messages.js';
import { encodeParams } from '../../proto/secagg-codec.js';
import { MESSAGE_KINDS, MESSAGE_KIND_NAMES, SECAGG_WIRE_STAGES, Stage, stageOf, stageRank, type MessageKind } from '../../proto/stages.js';
import { SECAGG_STAGES } from '../../secagg/stages.js';
import { SecAggRefusal } from '../../secagg/errors.js';

const WIRE_STAGES = Object.values(Stage).filter((v): v is Stage => typeof v === 'number');

/** A well-formed message of each kind (contents do not matter for where it may go). */
const SAMPLE: Record<MessageKind, MessageInit> = {
  roundOffer: { roundOffer: { runId: 'r', round: 1 } },
  roundAnswer: { roundAnswer: { accept: true, examples: 1 } },
  keyRoster: { keyRoster: { adverts: [] } },
  shareBundle: { shareBundle: { shares: [] } },
  shareDelivery: { shareDelivery: { shares: [] } },
  maskedInput: { maskedInput: { vector: new Uint8Array(4) } },
  plainUpdate: { plainUpdate: { delta: new Uint8Array(4), weight: 1 } },
  consistencyRequest: { consistencyRequest: { survivors: [] } },
  consistencySignature: { consistencySignature: { signature: new Uint8Array(64) } },
  unmaskRequest: { unmaskRequest: { survivors: [], signatures: [] } },
  unmaskResponse: { unmaskResponse: { shares: [] } },
  roundReceipt: { roundReceipt: { runId: 'r', round: 1, status: 'ok' } },
  notice: { notice: { code: 'X', message: 'y' } },
};

function channels(): { coordinator: SecureChannel; client: SecureChannel } {
  const session = new Uint8Array(16).fill(7);
  const c = generateIdentity();
  const a = generateIdentity();
  return {
    coordinator: new SecureChannel({ name: COORDINATOR_NAME, identity: c }, { name: 'agency-1', key: a.publicKey }, session),
    client: new SecureChannel({ name: 'agency-1', identity: a }, { name: COORDINATOR_NAME, key: c.publicKey }, session),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof ProtocolError || err instanceof SecAggRefusal) return err.code;
    throw err;
  }
}

describe('on the wire: an envelope\'s stage against its message', () => {
  it('each receiver accepts a kind only from its sender and only under its own stage; every other pair is OUT_OF_TURN', () => {
    for (const receiver of ['coordinator', 'client'] as const) {
      for (const kind of MESSAGE_KIND_NAMES) {
        for (const stage of WIRE_STAGES) {
          const { coordinator, client } = channels();
          const [from, to] = receiver === 'coordinator' ? [client, coordinator] : [coordinator, client];
          const envelope = decodeEnvelope(from.seal(SAMPLE[kind], 1, stage));
          const allowed = MESSAGE_KINDS[kind].from !== receiver && MESSAGE_KINDS[kind].stage === stage;
          expect(codeOf(() => to.open(envelope)), `${kind} under ${Stage[stage]} to the ${receiver}`).toBe(allowed ? 'accepted' : 'OUT_OF_TURN');
        }
      }
    }
  });

  it('a sender that names no stage sends under the one its message belongs to, and every SecAgg+ stage has one', () => {
    for (const kind of MESSAGE_KIND_NAMES) {
      const { coordinator, client } = channels();
      const from = MESSAGE_KINDS[kind].from === 'client' ? client : coordinator;
      expect(decodeEnvelope(from.seal(SAMPLE[kind], 1)).stage).toBe(stageOf(kind));
    }
    for (const stage of SECAGG_STAGES) expect(WIRE_STAGES).toContain(SECAGG_WIRE_STAGES[stage]);
  });
});

describe('at the coordinator: the open stage against each message a client sends', () => {
  const collected: MessageKind[] = ['roundAnswer', 'shareBundle', 'maskedInput', 'plainUpdate', 'consistencySignature', 'unmaskResponse'];
  const clientKinds = MESSAGE_KIND_NAMES.filter((k) => MESSAGE_KINDS[k].from === 'client');

  it.each(collected)('while %s is collected: that kind is taken, a later stage\'s message is held, anything else is OUT_OF_TURN', (open) => {
    for (const kind of clientKinds) {
      const router = new StageRouter(() => {});
      router.beginRound(1);
      let taken = false;
      void router.collect(['agency-1'], open, 60_000, () => { taken = true; return true; });
      const message: Opened = { message: decodeMessage(encodeMessage(SAMPLE[kind])), round: 1, stage: stageOf(kind) };
      const code = codeOf(() => router.route('agency-1', message));
      const later = stageRank(stageOf(kind)) > stageRank(stageOf(open)) && stageOf(kind) !== Stage.STAGE_OFFER;
      const expected = kind === open ? 'accepted' : later ? 'accepted' : 'OUT_OF_TURN';
      expect(code, `${kind} while ${open} is open`).toBe(expected);
      expect(taken, `${kind} taken while ${open} is open`).toBe(kind === open);
      router.endRound();
    }
  });
});

const SECAGG_MESSAGES = ['keyRoster', 'shareDelivery', 'consistencyRequest', 'unmaskRequest'] as const;
type SecAggMessage = (typeof SECAGG_MESSAGES)[number];

describe('at the client: the SecAgg+ stage it completed against each SecAgg+ message', () => {
  it.each([0, 1, 2, 3])('after %i stage(s) past the advert, only the next stage\'s message is taken; the others are STAGE_OUT_OF_ORDER', async (done) => {
    for (const arriving of SECAGG_MESSAGES) {
      const cohort = await participants();
      for (const stage of SECAGG_MESSAGES.slice(0, done)) for (const m of cohort) await deliver(m, stage, cohort);
      const code = await codeOfAsync(() => deliver(cohort[0], arriving, cohort));
      expect(code, `${arriving} after ${SECAGG_STAGES[done]}`).toBe(arriving === SECAGG_MESSAGES[done] ? 'accepted' : 'STAGE_OUT_OF_ORDER');
    }
  });
});

// ---- helpers

function decodeEnvelope(frame: Uint8Array): cohort.v1.IEnvelope {
  return decodeFrame(frame, 1 << 20).envelope!;
}

async function codeOfAsync(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return 'accepted';
  } catch (err) {
    if (err instanceof ProtocolError || err instanceof SecAggRefusal) return err.code;
    throw err;
  }
}

interface Member {
  id: string; identity: Identity; participant: SecureParticipant; advert: cohort.v1.IKeyAdvert;
  bundle?: cohort.v1.IShareBundle; masked?: Uint8Array; signed?: cohort.v1.IConsistencySignature;
}

/** Three agencies that accepted one SecAgg+ offer (complete graph, t = 2) and advertised. */
async function participants(): Promise<Member[]> {
  const ids = ['agency-1', 'agency-2', 'agency-3'];
  const identities = ids.map(() => generateIdentity());
  const offer: cohort.v1.IRoundOffer = {
    runId: 'run', round: 1, weights: encodeFloat32LE(new Float32Array(4)),
    secagg: encodeParams({ threshold: 2, degree: 2, clipRange: 1, bits: 16 }),
    cohort: ids.map((agency, i) => ({ agency, identityKey: identities[i].publicKey })),
  };
  return ids.map((id, i) => {
    const participant = new SecureParticipant(offer, id, identities[i], { minCohort: 2 });
    return { id, identity: identities[i], participant, advert: participant.advertise() };
  });
}

/** Hands `member` the message of kind `arriving`, built from the others' state as the coordinator would route it. */
async function deliver(member: Member, arriving: SecAggMessage, cohort: Member[]): Promise<void> {
  const others = cohort.filter((m) => m !== member);
  const ids = cohort.map((m) => m.id);
  if (arriving === 'keyRoster') {
    member.bundle = await member.participant.shareKeys({ adverts: cohort.map((m) => m.advert) });
  } else if (arriving === 'shareDelivery') {
    const shares = others.flatMap((m) => (m.bundle?.shares ?? []).filter((s) => s.to === member.id));
    member.masked = member.participant.maskInput({ shares }, new Float32Array(4), 1);
  } else if (arriving === 'consistencyRequest') {
    member.signed = { ...member.participant.signSurvivors({ survivors: ids }), agency: member.id };
  } else {
    member.participant.unmask({ survivors: ids, signatures: cohort.flatMap((m) => (m.signed ? [m.signed] : [])) });
  }
}
