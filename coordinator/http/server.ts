// The dashboard's HTTP server (node:http, no framework): the page, uPlot from node_modules, the
// run's status as JSON, its events as Server-Sent Events, and pause/resume/stop behind a token.
// Loopback by default. Reading needs no token; every change does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { HttpError } from './errors.js';
import type { RunMonitor } from './monitor.js';
import { PAGE_CSS, PAGE_HTML } from './page.js';
import { PAGE_SCRIPT } from './page-script.js';
import { readBody, send, sendJson, startHttp } from './shell.js';
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

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Route { method: 'GET' | 'POST'; handler: Handler }

export async function startDashboard(options: DashboardOptions, hub: SseHub, monitor: RunMonitor): Promise<Dashboard> {
  const token = await createControlToken(options.dataDir);
  const routes = await dashboardRoutes(token, hub, monitor, options.log);
  const shell = await startHttp(options, async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path];
    if (!route) throw new HttpError(404, 'NOT_FOUND', `no such path: ${path}`);
    if (req.method !== route.method) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${route.method}`, { Allow: route.method });
    await readBody(req, MAX_BODY_BYTES);
    route.handler(req, res);
  });
  return Object.freeze({
    url: shell.url,
    tokenPath: token.path,
    hub,
    async close() {
      hub.close();
      await shell.close();
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
