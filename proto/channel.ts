// A session after the handshake: every message is sealed in an Envelope signed by its sender,
// numbered 1, 2, 3, ... per direction, and bound to the session, round and stage. Opening one
// checks all of it, so replayed, reordered, re-routed or mis-signed messages are refused.
import { sign, verify, type Identity } from '../identity/keys.js';
import { sha256 } from '../bytes/digest.js';
import { transcript } from '../bytes/transcript.js';
import { ProtocolError } from './errors.js';
import { decodeMessage, encodeFrame, encodeMessage, type Message, type MessageInit } from './framing.js';
import type { cohort } from './messages.js';
import { kindOf, misplaced, stageOf, Stage } from './stages.js';

const DOMAIN = 'cohort/envelope/v1';
/** The sender name the coordinator signs its envelopes under. */
export const COORDINATOR_NAME = 'coordinator';

export interface Opened {
  message: Message;
  round: number;
  stage: Stage;
}

export class SecureChannel {
  private sent = 0;
  private received = 0;

  constructor(
    private readonly self: { name: string; identity: Identity },
    private readonly peer: { name: string; key: Uint8Array },
    private readonly session: Uint8Array,
  ) {}

  get peerName(): string {
    return this.peer.name;
  }

  /**
   * The frame bytes carrying `message`, signed and numbered, under the stage its kind belongs to
   * (proto/stages.ts). Only tests that play a hostile peer name another stage.
   */
  seal(message: MessageInit, round: number, stage: Stage = stageOf(kindOf(message))): Uint8Array {
    const payload = encodeMessage(message);
    const seq = ++this.sent;
    const header = { sender: this.self.name, session: this.session, seq, round, stage };
    const signature = sign(signingBytes(header, payload), this.self.identity.secretKey);
    return encodeFrame({ envelope: { ...header, payload, signature } });
  }

  open(envelope: cohort.v1.IEnvelope): Opened {
    const sender = envelope.sender ?? '';
    if (sender !== this.peer.name) {
      throw new ProtocolError('WRONG_SESSION', `envelope claims sender "${sender}" on ${this.peer.name}'s session`);
    }
    const session = envelope.session ?? new Uint8Array();
    if (session.length !== this.session.length || !session.every((b, i) => b === this.session[i])) {
      throw new ProtocolError('WRONG_SESSION', `envelope from ${sender} names another session`);
    }
    const seq = envelope.seq ?? 0;
    const round = envelope.round ?? 0;
    const stage = envelope.stage ?? Stage.STAGE_NONE;
    const payload = envelope.payload ?? new Uint8Array();
    const header = { sender, session, seq, round, stage };
    if (!envelope.signature || !verify(signingBytes(header, payload), envelope.signature, this.peer.key)) {
      throw new ProtocolError('BAD_SIGNATURE', `envelope ${seq} from ${sender} is not signed by ${sender}'s key`);
    }
    // Checked after the signature so that a forged envelope cannot advance the counter.
    if (seq !== this.received + 1) {
      throw new ProtocolError('REPLAYED_MESSAGE', `envelope from ${sender} has sequence ${seq}, expected ${this.received + 1}`);
    }
    this.received = seq;
    const message = decodeMessage(payload);
    const why = misplaced(message.kind!, stage, this.self.name === COORDINATOR_NAME ? 'coordinator' : 'client');
    if (why !== null) throw new ProtocolError('OUT_OF_TURN', `envelope ${seq} from ${sender}: ${why}`);
    return { message, round, stage };
  }
}

interface Header {
  sender: string;
  session: Uint8Array;
  seq: number;
  round: number;
  stage: number;
}

// The payload enters as its SHA-256 so that signing a multi-megabyte update costs one fast
// native hash, not tweetnacl's pure-JS SHA-512 over the whole update.
export function signingBytes(header: Header, payload: Uint8Array): Uint8Array {
  return transcript(DOMAIN, header.sender, header.session, header.seq, header.round, header.stage, sha256(payload));
}
