// One way to fail on the wire: every rejection has a stable code, a message for the peer and,
// when it ends the connection, a WebSocket close code (4000-4999 are ours per RFC 6455 7.4.2).
// The table is documented in docs/PROTOCOL-ERRORS.md (checked by test/trust/protocol-errors-doc.test.ts).

export const ERRORS = Object.freeze({
  MALFORMED_FRAME: { close: 1007, fatal: true, summary: 'the bytes are not a valid Frame' },
  MESSAGE_TOO_LARGE: { close: 1009, fatal: true, summary: 'a message exceeded the size limit' },
  TOO_MANY_CONNECTIONS: { close: 1013, fatal: true, summary: 'the coordinator is at its connection limit' },
  HANDSHAKE_TIMEOUT: { close: 4001, fatal: true, summary: 'the handshake did not finish in time' },
  HANDSHAKE_FAILED: { close: 4002, fatal: true, summary: 'a handshake message was missing, out of order or mis-signed' },
  UNKNOWN_AGENCY: { close: 4003, fatal: true, summary: 'the agency or its key is not enrolled' },
  COORDINATOR_KEY_MISMATCH: { close: 4004, fatal: true, summary: 'the coordinator key is not the pinned one' },
  BAD_SIGNATURE: { close: 4005, fatal: true, summary: 'an envelope signature did not verify' },
  REPLAYED_MESSAGE: { close: 4006, fatal: true, summary: 'an envelope sequence number was not the next one' },
  WRONG_SESSION: { close: 4007, fatal: true, summary: 'an envelope named another session or sender' },
  RATE_LIMITED: { close: 4008, fatal: true, summary: 'too many messages per second' },
  PROTOCOL_VERSION: { close: 4009, fatal: true, summary: 'unsupported protocol version' },
  DUPLICATE_SESSION: { close: 4010, fatal: true, summary: 'the agency connected again; the older connection is closed' },
  OUT_OF_TURN: { close: 4011, fatal: false, summary: 'a message arrived for a stage or round that is not open' },
  BAD_UPDATE: { close: 4012, fatal: false, summary: 'an update had the wrong length or non-finite values' },
  SHUTTING_DOWN: { close: 1001, fatal: true, summary: 'the coordinator is stopping' },
} as const);

export type ErrorCode = keyof typeof ERRORS;

export class ProtocolError extends Error {
  static override name = 'ProtocolError';
  override readonly name = 'ProtocolError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  get closeCode(): number {
    return ERRORS[this.code].close;
  }

  get fatal(): boolean {
    return ERRORS[this.code].fatal;
  }
}

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
