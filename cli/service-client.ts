// How `cohort run` (and the demo) talk to the run service's API: reads as they are, changes
// signed with the operator's key (ledger/operator-request.ts). A service that cannot be reached,
// or that refuses, becomes a CliError saying what to do.
import { readIdentityFile } from '../identity/keyfile.js';
import type { Identity } from '../identity/keys.js';
import { signOperatorRequest } from '../ledger/operator-request.js';
import { CliError } from './output.js';

export const DEFAULT_SERVICE = 'http://127.0.0.1:7401';

/** The service's URL: --service, else COHORT_SERVICE, else the default on this machine. */
export function serviceUrl(flag?: string): string {
  const url = flag ?? process.env.COHORT_SERVICE ?? DEFAULT_SERVICE;
  if (!/^https?:\/\/[^/]/.test(url)) throw new CliError(`--service ${url}: expected the service's http:// URL, e.g. ${DEFAULT_SERVICE}`, 2);
  return url.replace(/\/+$/, '');
}

export interface Operator {
  readonly operator: string;
  readonly identity: Identity;
}

/** The operator's key file (--key, else COHORT_OPERATOR_KEY) and id (--operator, else the name in the file). */
export async function operatorFrom(flags: { key?: string; operator?: string }): Promise<Operator> {
  const path = flags.key ?? process.env.COHORT_OPERATOR_KEY;
  if (!path) throw new CliError('changing a run is signed with your operator key: give --key <your key file> (cohort keys new makes one; the service enrols its .pub with cohort operator add)', 2);
  const { name, identity } = await readIdentityFile(path);
  return { operator: flags.operator ?? name, identity };
}

export class ServiceClient {
  constructor(readonly base: string, private readonly signer?: Operator) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** A signed request: POST with `body`, or a signed GET. */
  signed<T>(method: 'GET' | 'POST', path: string, body: Uint8Array = new Uint8Array(0)): Promise<T> {
    if (!this.signer) throw new CliError('this request must be signed: give --key <your operator key file>', 2);
    const headers = signOperatorRequest(this.signer.identity, this.signer.operator, method, path, body);
    return this.request<T>(method, path, headers, method === 'POST' ? body : undefined);
  }

  private async request<T>(method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers, body });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (err as Error).message;
      throw new CliError(`cannot reach the run service at ${this.base} (${why}): is \`cohort serve\` running there? (--service, or COHORT_SERVICE, names another)`);
    }
    const text = await res.text();
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new CliError(`${this.base} answered ${method} ${path} with HTTP ${res.status} and no JSON: is it a Cohort run service?`);
    }
    if (!res.ok) {
      const error = (answer as { error?: { code?: string; message?: string } }).error;
      throw new CliError(`the service refused: ${error?.message ?? `HTTP ${res.status}`}${error?.code ? ` (${error.code})` : ''}`);
    }
    return answer as T;
  }
}
