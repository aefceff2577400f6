// Frames on the wire: one protobuf Frame per WebSocket binary message.
import type { RawData } from 'ws';
import { wire, type cohort } from './messages.js';
import { ProtocolError } from './errors.js';

export type Frame = cohort.v1.Frame;
export type FrameInit = cohort.v1.Frame.$Properties;
export type Message = cohort.v1.Message;
export type MessageInit = cohort.v1.Message.$Properties;

export function encodeFrame(frame: FrameInit): Uint8Array {
  const problem = wire.Frame.verify(frame);
  if (problem) throw new TypeError(`frame is not well formed: ${problem}`);
  return copyOut(wire.Frame.encode(frame).finish());
}

export function decodeFrame(bytes: Uint8Array, maxBytes: number): Frame {
  if (bytes.byteLength > maxBytes) {
    throw new ProtocolError('MESSAGE_TOO_LARGE', `frame of ${bytes.byteLength} bytes exceeds the limit of ${maxBytes}`);
  }
  let frame: Frame;
  try {
    frame = wire.Frame.decode(bytes);
  } catch (err) {
    throw new ProtocolError('MALFORMED_FRAME', `frame does not decode: ${(err as Error).message}`);
  }
  if (!frame.kind) throw new ProtocolError('MALFORMED_FRAME', 'frame carries no message');
  return frame;
}

export function encodeMessage(message: MessageInit): Uint8Array {
  const problem = wire.Message.verify(message);
  if (problem) throw new TypeError(`message is not well formed: ${problem}`);
  return copyOut(wire.Message.encode(message).finish());
}

export function decodeMessage(bytes: Uint8Array): Message {
  let message: Message;
  try {
    message = wire.Message.decode(bytes);
  } catch (err) {
    throw new ProtocolError('MALFORMED_FRAME', `envelope payload does not decode: ${(err as Error).message}`);
  }
  if (!message.kind) throw new ProtocolError('MALFORMED_FRAME', 'envelope payload carries no message');
  return message;
}

// protobufjs may hand back a view into a shared 8 KiB pool: never send or keep its .buffer.
function copyOut(view: Uint8Array): Uint8Array {
  return new Uint8Array(view);
}

/** The bytes of a ws message, without copying where ws already gave one buffer. */
export function socketBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
