// One way to fail: every refusal is an HttpError, turned into a JSON response in one place.
import type { ServerResponse } from 'node:http';

export class HttpError extends Error {
  static override name = 'HttpError';
  override name = 'HttpError';

  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** Writes `err` as `{ error: { code, message } }`; anything not an HttpError is a 500 that says nothing more. */
export function sendError(res: ServerResponse, err: unknown): void {
  const e = err instanceof HttpError ? err : new HttpError(500, 'INTERNAL', 'internal error; see the coordinator log');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(e.status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...e.headers });
  res.end(JSON.stringify({ error: { code: e.code, message: e.message } }));
}
