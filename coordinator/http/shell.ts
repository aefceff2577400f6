// The node:http shell the dashboards stand on (server.ts for one run, service-api.ts for the run
// service): security headers on every answer, the Host check on loopback, bounded bodies and
// timeouts, and one way to fail (errors.ts). No framework: the routes are the callers'.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { isLoopback } from '../../proto/loopback.js';
import { HttpError, sendError } from './errors.js';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

export interface HttpShell {
  readonly url: string;
  close(): Promise<void>;
}

export type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export async function startHttp(options: { host: string; port: number; log: Logger }, handle: Handle): Promise<HttpShell> {
  const { log } = options;
  let loopbackHosts: Set<string> | undefined;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // Bound to loopback, only loopback names are answered: a web page that rebinds its own
    // domain name to 127.0.0.1 cannot read the runs through the visitor's browser.
    const answer = loopbackHosts && !loopbackHosts.has((req.headers.host ?? '').toLowerCase())
      ? Promise.reject(new HttpError(421, 'WRONG_HOST', 'this server answers to its loopback address only'))
      : handle(req, res);
    answer.catch((err: unknown) => {
      if (!(err instanceof HttpError)) log.error({ err: (err as Error).message }, 'HTTP request failed');
      // A refused body is not read to its end: close the connection rather than drain it.
      if (err instanceof HttpError && err.status === 413) res.setHeader('Connection', 'close');
      sendError(res, err);
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  if (isLoopback(options.host)) loopbackHosts = new Set([`${shownHost}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  return Object.freeze({
    url: `http://${shownHost}:${port}/`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  });
}

/** The request's body, refused (413) past `maxBytes` without reading the rest. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, 'BODY_TOO_LARGE', `request bodies are limited to ${maxBytes} bytes`);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), 'no-store');
}
