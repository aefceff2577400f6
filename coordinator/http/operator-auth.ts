// Who is asking: a request that changes a run must be signed by an enrolled operator
// (ledger/operator-request.ts), fresh, and not seen before. The signature covers the method, the
// path, the SHA-256 of the body, the time and a nonce, so it cannot be moved to another request;
// a request is accepted only within WINDOW_MS of the service's clock and only once (the nonces of
// the window are kept, a bounded set); a request signed before the service started is refused,
// so no request can be replayed across a restart either. Nothing secret is kept or logged: the
// operator's key never reaches the service, only signatures do.
import type { IncomingMessage } from 'node:http';
import { sha256Hex } from '../../bytes/digest.js';
import { fromHex, toHex } from '../../identity/keys.js';
import { OPERATOR_HEADERS, verifyOperatorRequest, type OperatorRequestFields } from '../../ledger/operator-request.js';
import { AGENCY_ID, type Enrolment } from '../enrolment.js';
import { HttpError } from './errors.js';

export const WINDOW_MS = 60_000;
export const MAX_NONCES = 10_000;

/** A request whose signature checked out: what the ledger records of it. */
export interface OperatorRequest extends OperatorRequestFields {
  /** The operator's enrolled key, lowercase hex. */
  readonly operatorKey: string;
  /** Lowercase hex. */
  readonly signature: string;
}

export interface AuthLimits {
  readonly windowMs: number;
  readonly maxNonces: number;
}

export class OperatorAuth {
  /** Nonces accepted in the window, with the time each may be forgotten. */
  private readonly nonces = new Map<string, number>();
  private readonly startedAt: number;

  constructor(private readonly operators: Enrolment, private readonly limits: AuthLimits = { windowMs: WINDOW_MS, maxNonces: MAX_NONCES },
    private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  /** The operator behind a signed request, or an HttpError saying what is wrong and what to do. */
  async check(req: IncomingMessage, body: Uint8Array): Promise<OperatorRequest> {
    const fields = signedFields(req, body);
    await this.operators.reloadIfChanged();
    const key = this.operators.lookup(fields.operator);
    if (!key) {
      throw new HttpError(403, 'UNKNOWN_OPERATOR', `operator "${fields.operator}" is not enrolled on this service: ` +
        `on its machine run \`cohort operator add ${fields.operator} <their .pub file>\``);
    }
    this.checkTime(fields.timestamp);
    if (!verifyOperatorRequest(fields, fromHex(fields.signature), key)) {
      throw new HttpError(401, 'BAD_SIGNATURE', `the request's signature does not verify with operator ${fields.operator}'s enrolled key: ` +
        'sign with the key file whose .pub was enrolled');
    }
    this.spend(fields.operator, fields.nonce);
    return { ...fields, operatorKey: toHex(key) };
  }

  private checkTime(timestamp: number): void {
    const now = this.now();
    const skew = Math.round((timestamp - now) / 1000);
    if (Math.abs(timestamp - now) > this.limits.windowMs) {
      throw new HttpError(401, 'STALE_REQUEST', `the request was signed ${Math.abs(skew)} s ${skew < 0 ? 'ago' : 'ahead of the service\'s clock'}; ` +
        `requests are accepted within ${this.limits.windowMs / 1000} s: check this machine's clock, and sign it again`);
    }
    if (timestamp < this.startedAt) {
      throw new HttpError(401, 'STALE_REQUEST', 'the request was signed before the service (re)started: sign it again');
    }
  }

  /** A nonce is good once per window; the set is bounded, and refuses rather than forgets a nonce still in the window. */
  private spend(operator: string, nonce: string): void {
    const now = this.now();
    for (const [seen, expires] of this.nonces) if (expires <= now) this.nonces.delete(seen);
    const key = `${operator} ${nonce}`;
    if (this.nonces.has(key)) throw new HttpError(401, 'REPLAYED_REQUEST', 'this request (its nonce) was already received: a request is acted on once; sign a new one');
    if (this.nonces.size >= this.limits.maxNonces) {
      throw new HttpError(503, 'TOO_MANY_REQUESTS', `more than ${this.limits.maxNonces} signed requests in ${this.limits.windowMs / 1000} s: try again shortly`, { 'Retry-After': '5' });
    }
    // Kept for twice the window: a request is accepted up to a window either side of the clock.
    this.nonces.set(key, now + 2 * this.limits.windowMs);
  }
}

/** The four headers, well-formed, with the method, path and body they sign. */
function signedFields(req: IncomingMessage, body: Uint8Array): OperatorRequestFields & { signature: string } {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const operator = header(OPERATOR_HEADERS.operator);
  const timestamp = header(OPERATOR_HEADERS.timestamp);
  const nonce = header(OPERATOR_HEADERS.nonce);
  const signature = header(OPERATOR_HEADERS.signature).toLowerCase();
  if (!operator && !signature) {
    throw new HttpError(401, 'UNSIGNED', 'changing a run needs an enrolled operator\'s signature: use `cohort run … --key <operator key file>`, ' +
      'or load the key into the dashboard');
  }
  const bad = !AGENCY_ID.test(operator) ? OPERATOR_HEADERS.operator
    : !/^\d{1,15}$/.test(timestamp) ? OPERATOR_HEADERS.timestamp
      : !/^[0-9a-f]{32}$/.test(nonce) ? OPERATOR_HEADERS.nonce
        : !/^[0-9a-f]{128}$/.test(signature) ? OPERATOR_HEADERS.signature : undefined;
  if (bad) throw new HttpError(401, 'MALFORMED_SIGNATURE', `the ${bad} header is missing or malformed (docs/LEDGER.md, section 4, says how a request is signed)`);
  return { operator, method: req.method ?? '', path: req.url ?? '', bodySha256: sha256Hex(body), timestamp: Number(timestamp), nonce, signature };
}
