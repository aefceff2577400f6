// An operator's request to the run service, signed with the operator's own Ed25519 key: the CLI
// and the dashboard sign it, the service checks it before acting, and the ledger keeps the
// signature in the `operator_action` entry, so an auditor can check that the operator asked for
// what the ledger says they asked for (docs/LEDGER.md, section 4).
//
// The signed bytes are a length-prefixed transcript (bytes/transcript.ts) of the domain, the
// operator id, the method, the path, the SHA-256 of the body, the time and a fresh nonce: a
// signature over one request can be passed off neither as another request nor as anything else
// signed with the same key. The time and the nonce make it single-use (the service keeps a
// window of nonces; coordinator/http/operator-auth.ts).
import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../bytes/digest.js';
import { transcript } from '../bytes/transcript.js';
import { sign, toHex, verify, type Identity } from '../identity/keys.js';

export const OPERATOR_ACTIONS = ['submit', 'pause', 'resume', 'stop'] as const;
export type OperatorActionName = (typeof OPERATOR_ACTIONS)[number];

export const OPERATOR_REQUEST_DOMAIN = 'cohort-operator-request-v1';

/** Where a request carries its signature (HTTP header names, lowercase as node:http gives them). */
export const OPERATOR_HEADERS = {
  operator: 'cohort-operator',
  timestamp: 'cohort-timestamp',
  nonce: 'cohort-nonce',
  signature: 'cohort-signature',
} as const;

export interface OperatorRequestFields {
  readonly operator: string;
  readonly method: string;
  /** The path with its query, as sent. */
  readonly path: string;
  /** Lowercase hex SHA-256 of the body's bytes (of no bytes for an empty body). */
  readonly bodySha256: string;
  /** Milliseconds since 1970-01-01 UTC. */
  readonly timestamp: number;
  /** 16 random bytes, lowercase hex. */
  readonly nonce: string;
}

export function operatorRequestTranscript(fields: OperatorRequestFields): Uint8Array {
  return transcript(OPERATOR_REQUEST_DOMAIN, fields.operator, fields.method, fields.path, fields.bodySha256, String(fields.timestamp), fields.nonce);
}

/** The path a request for `action` on `runId` is sent to: what the ledger's request must name. */
export function actionPath(action: OperatorActionName, runId: string): string {
  return action === 'submit' ? '/api/runs' : `/api/runs/${runId}/${action}`;
}

/** The headers that sign a request: fresh time and nonce, the operator's signature. */
export function signOperatorRequest(identity: Identity, operator: string, method: string, path: string, body: Uint8Array,
  now: number = Date.now()): Record<string, string> {
  const fields: OperatorRequestFields = { operator, method, path, bodySha256: sha256Hex(body), timestamp: now, nonce: randomBytes(16).toString('hex') };
  const signature = sign(operatorRequestTranscript(fields), identity.secretKey);
  return {
    [OPERATOR_HEADERS.operator]: operator,
    [OPERATOR_HEADERS.timestamp]: String(fields.timestamp),
    [OPERATOR_HEADERS.nonce]: fields.nonce,
    [OPERATOR_HEADERS.signature]: toHex(signature),
  };
}

/** Whether `signature` is the operator's over these fields; false (never a throw) otherwise. */
export function verifyOperatorRequest(fields: OperatorRequestFields, signature: Uint8Array, publicKey: Uint8Array,
  verifySignature: (message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array) => boolean = verify): boolean {
  return verifySignature(operatorRequestTranscript(fields), signature, publicKey);
}
