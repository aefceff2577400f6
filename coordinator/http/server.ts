// The dashboard's HTTP server (node:http, no framework): the page, uPlot from node_modules, the
// run's status as JSON, its events as Server-Sent Events, and pause/resume/stop behind a token.
// Loopback by default. Reading needs no token; every change does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { isLoopback } from '../../proto/loopback.js';
import type { Logger } from 'pino';
import { HttpError, sendError } from './errors.js';
import type { RunMonitor } from './monitor.js';
import { PAGE_CSS, PAGE_HTML } from './page.js';
import { PAGE_SCRIPT } from './page-script.js';
import { SseHub } from './sse.js';
import { createControlToken, type ControlToken } from './token.js';

/** No endpoint takes a body; a small one is tolerated, a larger one refused. */
export const MAX_BODY_BYTES = 1024;

export interface DashboardOptions {
  host: string;
  port: number;
  dataDir: string;
  log: Logger;
}

export interface Dashboard {
  readonly url: string;
  /** The file holding the control token (mode 0600). */
  readonly tokenPath: string;
  readonly hub: SseHub;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Route { method: 'GET' | 'POST'; handler: Handler }

export async function startDashboard(options: DashboardOptions, hub: SseHub, monitor: RunMonitor): Promise<Dashboard> {
  const { log } = options;
  const token = await createControlToken(options.dataDir);
  const routes = await dashboardRoutes(token, hub, monitor, log);

  let loopbackHosts: Set<string> | undefined;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    handle(req, res).catch((err: unknown) => {
      if (!(err instanceof HttpError)) log.error({ err: (err as Error).message }, 'dashboard request failed');
      // A refused body is not read to its end: close the connection rather than drain it.
      if (err instanceof HttpError && err.status === 413) res.setHeader('Connection', 'close');
      sendError(res, err);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Bound to loopback, only loopback names are answered: a web page that rebinds its own
    // domain name to 127.0.0.1 cannot read the run through the visitor's browser.
    if (loopbackHosts && !loopbackHosts.has((req.headers.host ?? '').toLowerCase())) {
      throw new HttpError(421, 'WRONG_HOST', 'this server answers to its loopback address only');
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (!route) throw new HttpError(404, 'NOT_FOUND', `no such path: ${path}`);
    if (req.method !== route.method) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${route.method}`, { Allow: route.method });
    await readSmallBody(req);
    route.handler(req, res);
  }

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
    tokenPath: token.path,
    hub,
    async close() {
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  });
}

/** The page, its assets, the run's status and events, and the three controls behind the token. */
async function dashboardRoutes(token: ControlToken, hub: SseHub, monitor: RunMonitor, log: Logger): Promise<Record<string, Route>> {
  const require = createRequire(import.meta.url);
  const uplotJs = await readFile(require.resolve('uplot/dist/uPlot.iife.min.js'));
  const uplotCss = await readFile(require.resolve('uplot/dist/uPlot.min.css'));

  const asset = (type: string, body: string | Buffer): Route => ({
    method: 'GET', handler: (_req, res) => send(res, 200, type, body, 'no-cache'),
  });
  const control = (act: 'pause' | 'resume' | 'stop'): Route => ({
    method: 'POST',
    handler: (req, res) => {
      if (!token.accepts(req.headers.authorization)) {
        throw new HttpError(401, 'UNAUTHORIZED', `a control request needs "Authorization: Bearer <token>"; the token is in ${token.path}`,
          { 'WWW-Authenticate': 'Bearer' });
      }
      const run = monitor.control;
      if (!run) throw new HttpError(409, 'NO_RUN', 'no run is in progress');
      run[act]();
      log.info({ act }, `run ${act} requested over HTTP`);
      const { history: _history, ...status } = monitor.status();
      sendJson(res, 200, status);
    },
  });
  const routes: Record<string, Route> = {
    '/': asset('text/html; charset=utf-8', PAGE_HTML),
    '/app.js': asset('text/javascript; charset=utf-8', PAGE_SCRIPT),
    '/app.css': asset('text/css; charset=utf-8', PAGE_CSS),
    '/vendor/uplot.js': asset('text/javascript; charset=utf-8', uplotJs),
    '/vendor/uplot.css': asset('text/css; charset=utf-8', uplotCss),
    '/api/runs/current': { method: 'GET', handler: (_req, res) => sendJson(res, 200, monitor.status()) },
    '/api/events': { method: 'GET', handler: (_req, res) => hub.add(res, { event: 'snapshot', data: monitor.status() }) },
    '/api/runs/current/pause': control('pause'),
    '/api/runs/current/resume': control('resume'),
    '/api/runs/current/stop': control('stop'),
  };
  return routes;
}

function readSmallBody(req: IncomingMessage): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.pause();
        reject(tooLarge());
      }
    });
    req.on('end', () => resolve());
    req.on('error', reject);
  });
}

function tooLarge(): HttpError {
  return new HttpError(413, 'BODY_TOO_LARGE', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
}


function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), 'no-store');
}
