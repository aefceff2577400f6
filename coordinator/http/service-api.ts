// The run service's HTTP API and dashboard (loopback only): the runs as JSON and as a live event
// stream, each run's page, log and model; and the four changes (submit, pause, resume, stop),
// each behind an enrolled operator's signature (operator-auth.ts). Reading needs no signature:
// the API answers only on loopback (the Host check in shell.ts), where whoever can reach it can
// read the data directory too. No key, mask or update is ever served.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { isLoopback } from '../../proto/loopback.js';
import type { RunService } from '../run-service.js';
import { MAX_CONFIG_BYTES } from '../run-submission.js';
import { HttpError } from './errors.js';
import { OperatorAuth } from './operator-auth.js';
import { SERVICE_CSS, SERVICE_HTML } from './service-page.js';
import { SERVICE_SCRIPT } from './service-script.js';
import { readBody, send, sendJson, startHttp, type HttpShell } from './shell.js';

/** Bodies of requests other than a submission are empty; a little is tolerated. */
const SMALL_BODY_BYTES = 1024;

export interface ServiceApiOptions {
  host: string;
  port: number;
  log: Logger;
  auth: OperatorAuth;
}

type Params = Record<string, string>;
interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: Params, url: URL): Promise<void> | void;
}

const RUN = '(?<runId>[A-Za-z0-9][A-Za-z0-9._-]{0,63})';

/** The API answers reads without a signature, so it listens on loopback only. */
export function checkApiHost(host: string): void {
  if (!isLoopback(host)) {
    throw new RangeError(`the service's API and dashboard listen on loopback only (--http-host ${host} is not): ` +
      'from another machine, reach them through an SSH tunnel, e.g. ssh -L 7401:127.0.0.1:7401 <the service host>');
  }
}

export async function startServiceApi(service: RunService, options: ServiceApiOptions): Promise<HttpShell> {
  checkApiHost(options.host);
  const routes = await serviceRoutes(service, options);
  return startHttp(options, async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const matching = routes.map((route) => ({ route, match: route.pattern.exec(url.pathname) })).filter((m) => m.match);
    if (matching.length === 0) throw new HttpError(404, 'NOT_FOUND', `no such path: ${url.pathname}`);
    const found = matching.find((m) => m.route.method === req.method);
    if (!found) {
      const allowed = [...new Set(matching.map((m) => m.route.method))].join(', ');
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${url.pathname} takes ${allowed}`, { Allow: allowed });
    }
    await found.route.handle(req, res, { ...found.match!.groups }, url);
  });
}

// long: the route table, one line or two per route, reads best whole
async function serviceRoutes(service: RunService, options: ServiceApiOptions): Promise<Route[]> {
  const require = createRequire(import.meta.url);
  const uplotJs = await readFile(require.resolve('uplot/dist/uPlot.iife.min.js'));
  const uplotCss = await readFile(require.resolve('uplot/dist/uPlot.min.css'));
  const asset = (path: string, type: string, body: string | Buffer): Route => ({
    method: 'GET', pattern: new RegExp(`^${path.replace(/[.]/g, '\\.')}$`), handle: async (req, res) => {
      await readBody(req, SMALL_BODY_BYTES);
      send(res, 200, type, body, 'no-cache');
    },
  });
  const read = (pattern: string, answer: (params: Params, url: URL) => unknown): Route => ({
    method: 'GET', pattern: new RegExp(`^${pattern}$`), handle: async (req, res, params, url) => {
      await readBody(req, SMALL_BODY_BYTES);
      sendJson(res, 200, await answer(params, url));
    },
  });
  const control = (action: 'pause' | 'resume' | 'stop'): Route => ({
    method: 'POST', pattern: new RegExp(`^/api/runs/${RUN}/${action}$`), handle: async (req, res, params) => {
      const request = await options.auth.check(req, await readBody(req, SMALL_BODY_BYTES));
      sendJson(res, 200, await service.act(request, params.runId, action));
    },
  });
  return [
    asset('/', 'text/html; charset=utf-8', SERVICE_HTML),
    asset('/app.js', 'text/javascript; charset=utf-8', SERVICE_SCRIPT),
    asset('/app.css', 'text/css; charset=utf-8', SERVICE_CSS),
    asset('/vendor/uplot.js', 'text/javascript; charset=utf-8', uplotJs),
    asset('/vendor/uplot.css', 'text/css; charset=utf-8', uplotCss),
    read('/api/runs', () => ({ runs: service.list(), agencies: service.connected() })),
    read(`/api/runs/${RUN}`, (params) => service.details(params.runId)),
    read(`/api/runs/${RUN}/log`, (params, url) => service.log(params.runId, wholeNumber(url, 'after') ?? -1)),
    read(`/api/runs/${RUN}/model`, (params, url) => service.model(params.runId, wholeNumber(url, 'round'), url.searchParams.get('best') === '1')),
    {
      method: 'GET', pattern: /^\/api\/events$/, handle: async (req, res) => {
        await readBody(req, SMALL_BODY_BYTES);
        service.hub.add(res, { event: 'runs', data: { runs: service.list(), agencies: service.connected() } });
      },
    },
    {
      // A signed read: the dashboard checks the key it was given is an enrolled operator's.
      method: 'GET', pattern: /^\/api\/operator$/, handle: async (req, res) => {
        const request = await options.auth.check(req, await readBody(req, SMALL_BODY_BYTES));
        sendJson(res, 200, { operator: request.operator, operatorKey: request.operatorKey });
      },
    },
    {
      method: 'POST', pattern: /^\/api\/runs$/, handle: async (req, res) => {
        const body = await readBody(req, MAX_CONFIG_BYTES);
        const request = await options.auth.check(req, body);
        sendJson(res, 201, await service.submit(request, body));
      },
    },
    control('pause'),
    control('resume'),
    control('stop'),
  ];
}

function wholeNumber(url: URL, name: string): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null) return undefined;
  if (!/^-?\d{1,15}$/.test(value)) throw new HttpError(400, 'BAD_QUERY', `${name} must be a whole number, not "${value}"`);
  return Number(value);
}
