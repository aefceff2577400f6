// The coordinator's explicit limits. Every one is configurable (CLI flags on `cohort coordinator`)
// and every breach is refused with a code from proto/errors.ts.

export interface Limits {
  /** Largest WebSocket message accepted; derive it from the model with `maxMessageBytesFor`. */
  maxMessageBytes: number;
  /** Time from TCP accept to a verified ClientProof. */
  handshakeTimeoutMs: number;
  /** Open connections at once, authenticated or not. */
  maxConnections: number;
  /** Messages per second per connection, averaged over a one-second token bucket. */
  messagesPerSecond: number;
  /** Largest cohort a round may select. */
  maxCohort: number;
  /** Notices (an agency saying why it left a round) recorded in the ledger per agency and round; more are only counted. */
  noticesPerRound: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxMessageBytes: 64 * 1024 * 1024,
  handshakeTimeoutMs: 10_000,
  maxConnections: 1_000,
  messagesPerSecond: 200,
  maxCohort: 1_000,
  noticesPerRound: 4,
});

/**
 * A model of `parameters` float32 weights travels as 4 bytes a weight (plain update or masked
 * uint32 words), plus the topology and framing: twice the tensor plus 1 MiB covers an offer
 * (weights + topology) with room, and nothing much larger can be legitimate.
 */
export function maxMessageBytesFor(parameters: number): number {
  return 2 * 4 * (parameters + 1) + 1024 * 1024;
}
