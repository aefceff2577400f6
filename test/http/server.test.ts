// The dashboard's HTTP server over real loopback sockets, fed by a monitor whose federation
// events the test calls itself: status JSON, the event stream's order and bounds, the token on
// control, and the refusals (401, 404, 405, 413, 421, 503).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { parseRunConfig } from '../../coordinator/run-config.js';
import type { RoundRecord, RunState } from '../../coordinator/run-store.js';
import { RunMonitor } from '../../coordinator/http/monitor.js';
import { startDashboard, type Dashboard } from '../../coordinator/http/server.js';
import { MAX_CLIENTS, SseHub } from '../../coordinator/http/sse.js';
import { call, EventReader } from './client.js';

const config = parseRunConfig({ runId: 'web', purpose: 'dashboard test', model: 'mnist-2nn', rounds: 4, train: { epochs: 1, batchSize: 10, learningRate: 0.1 }, dp: { mode: 'central', clipNorm: 1, noiseMultiplier: 1 } });
const record = (round: number, extra: Partial<RoundRecord> = {}): RoundRecord =>
  ({ round, status: 'ok', contributors: 3, dropped: 0, declined: 0, accuracy: 0.5 + round / 10, loss: 1 / round, epsilon: round / 4, seconds: 1.5, ...extra });
const openState = (history: RoundRecord[]): RunState =>
  ({ runId: 'web', status: 'running', lastRound: history.length, completedRounds: history.length, checkpointRound: history.length, history });

let dir: string;
let dashboard: Dashboard;
let monitor: RunMonitor;
let readers: EventReader[] = [];
const agencies = ['agency-2', 'agency-1'];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cohort-http-'));
  const hub = new SseHub();
  monitor = new RunMonitor(() => agencies.slice().sort(), (e, d) => hub.broadcast(e, d));
  dashboard = await startDashboard({ host: '127.0.0.1', port: 0, dataDir: dir, log: pino({ level: 'silent' }) }, hub, monitor);
});

afterEach(async () => {
  for (const r of readers) r.stop();
  readers = [];
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

const api = (path: string) => new URL(path, dashboard.url).href;
const token = async () => (await readFile(dashboard.tokenPath, 'utf8')).trim();
const open = async () => {
  const reader = await EventReader.open(api('/api/events'));
  readers.push(reader);
  return reader;
};

describe('status', () => {
  it('is idle before a run, then follows its rounds, and says how it ended', async () => {
    expect((await call(api('/api/runs/current'))).json()).toEqual({
      runId: null, status: 'idle', round: 0, rounds: 0, dp: false, stage: null, history: [], agencies: ['agency-1', 'agency-2'],
    });
    monitor.begin(config);
    monitor.events.onRunStart!(openState([record(1)]));
    monitor.events.onRoundStart!(2, ['agency-1', 'agency-2']);
    monitor.events.onStage!(2, 'upload', 1, 2);
    const during = (await call(api('/api/runs/current'))).json();
    expect(during).toEqual({
      runId: 'web', status: 'running', round: 2, rounds: 4, dp: true,
      stage: { round: 2, stage: 'upload', done: 1, total: 2 }, history: [record(1)], agencies: ['agency-1', 'agency-2'],
    });
    monitor.events.onRoundEnd!(record(2));
    monitor.end('finished', '2 of 4 rounds aggregated');
    const after = (await call(api('/api/runs/current'))).json();
    expect(after).toMatchObject({ status: 'finished', round: 2, stage: null, reason: '2 of 4 rounds aggregated' });
    expect((after.history as RoundRecord[]).map((r) => r.round)).toEqual([1, 2]);
  });

  it('carries the security headers on the API, the page and its assets', async () => {
    for (const path of ['/api/runs/current', '/', '/app.js', '/app.css', '/vendor/uplot.js', '/vendor/uplot.css', '/nowhere']) {
      const reply = await call(api(path));
      expect(reply.headers['content-security-policy'], path).toBe("default-src 'self'");
      expect(reply.headers['x-content-type-options'], path).toBe('nosniff');
    }
    const page = await call(api('/'));
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<script src="/vendor/uplot.js"></script>');
    expect(page.body).not.toMatch(/<script>|<style>| style="/); // nothing inline: the CSP would block it
    const uplot = await call(api('/vendor/uplot.js'));
    expect(uplot.headers['content-type']).toMatch(/^text\/javascript/);
    expect(uplot.body).toContain('uPlot');
  });
});

describe('event stream', () => {
  it('opens with a snapshot, then sends round start, stage progress and round ends in order', async () => {
    monitor.begin(config);
    monitor.events.onRunStart!(openState([]));
    const reader = await open();
    await reader.waitFor((e) => e.event === 'snapshot');
    for (let round = 1; round <= 3; round++) {
      monitor.events.onRoundStart!(round, ['agency-1', 'agency-2']);
      monitor.events.onStage!(round, 'upload', 2, 2);
      monitor.events.onRoundEnd!(record(round));
    }
    await reader.waitFor((e) => e.event === 'round-end' && e.data.round === 3);
    expect(reader.status).toBe(200);
    expect(reader.events[0].data).toMatchObject({ runId: 'web', status: 'running', history: [] });
    expect(reader.events.slice(1).map((e) => `${e.event}:${e.data.round}`)).toEqual([
      'round-start:1', 'stage:1', 'round-end:1', 'round-start:2', 'stage:2', 'round-end:2', 'round-start:3', 'stage:3', 'round-end:3',
    ]);
    expect(reader.events.at(-1)!.data).toEqual(record(3));
  });

  it('throttles stage progress within a stage, but always sends the stage completing', async () => {
    monitor.begin(config);
    const reader = await open();
    monitor.events.onRoundStart!(1, agencies);
    for (let done = 1; done <= 50; done++) monitor.events.onStage!(1, 'upload', done, 50);
    monitor.events.onRoundEnd!(record(1));
    await reader.waitFor((e) => e.event === 'round-end');
    const stages = reader.events.filter((e) => e.event === 'stage').map((e) => e.data.done);
    expect(stages.length).toBeLessThan(50);
    expect(stages.at(-1)).toBe(50);
  });

  it(`refuses a client beyond ${MAX_CLIENTS} with 503`, async () => {
    for (let i = 0; i < MAX_CLIENTS; i++) expect((await open()).status).toBe(200);
    const extra = await call(api('/api/events'));
    expect(extra.status).toBe(503);
    expect(extra.json()).toEqual({ error: { code: 'TOO_MANY_CLIENTS', message: `at most ${MAX_CLIENTS} event streams at once` } });
  });

  it('drops a client that falls too far behind, and goes on sending to the others', () => {
    const hub = new SseHub({ maxClients: 4, maxBufferedBytes: 1000 });
    const fake = () => {
      const res = { writableLength: 0, written: [] as string[], destroyed: false,
        writeHead() {}, on() { return res; }, end() {},
        write(text: string) { res.written.push(text); return true; },
        destroy() { res.destroyed = true; } };
      return res;
    };
    const slow = fake();
    const fast = fake();
    hub.add(slow as unknown as ServerResponse, { event: 'snapshot', data: {} });
    hub.add(fast as unknown as ServerResponse, { event: 'snapshot', data: {} });
    hub.broadcast('round-end', record(1));
    slow.writableLength = 1001; // the slow one has not taken what it was sent
    hub.broadcast('round-end', record(2));
    hub.broadcast('round-end', record(3));
    expect(slow.destroyed).toBe(true);
    expect(slow.written.filter((t) => t.startsWith('event: round-end'))).toHaveLength(1);
    expect(fast.destroyed).toBe(false);
    expect(fast.written.filter((t) => t.startsWith('event: round-end'))).toHaveLength(3);
    expect(hub.size).toBe(1);
    hub.close();
  });
});

describe('control', () => {
  it('writes a 32-byte hex token readable by its owner only', async () => {
    expect(await token()).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(dashboard.tokenPath)).mode & 0o777).toBe(0o600);
  });

  it('refuses a missing or wrong token with 401, and acts on the right one', async () => {
    monitor.begin(config);
    const right = await token();
    const wrong = right.slice(0, -1) + (right.endsWith('0') ? '1' : '0');
    for (const headers of <Array<Record<string, string>>>[{}, { Authorization: `Bearer ${wrong}` }, { Authorization: 'Bearer short' }, { Authorization: right }, { Authorization: `Basic ${right}` }]) {
      const reply = await call(api('/api/runs/current/pause'), { method: 'POST', headers });
      expect(reply.status, JSON.stringify(headers)).toBe(401);
      expect(reply.json<{ error: { code: string } }>().error.code).toBe('UNAUTHORIZED');
    }
    expect(monitor.control!.paused).toBe(false);

    const auth = { Authorization: `Bearer ${right}` };
    const paused = await call(api('/api/runs/current/pause'), { method: 'POST', headers: auth });
    expect(paused.status).toBe(200);
    expect(paused.json()).toMatchObject({ runId: 'web', status: 'pausing' });
    expect(monitor.control!.paused).toBe(true);
    expect((await call(api('/api/runs/current/resume'), { method: 'POST', headers: auth })).json()).toMatchObject({ status: 'running' });
    expect((await call(api('/api/runs/current/stop'), { method: 'POST', headers: auth })).json()).toMatchObject({ status: 'stopping' });
    expect(monitor.control!.signal.aborted).toBe(true);
  });

  it('answers 409 when no run is in progress', async () => {
    const reply = await call(api('/api/runs/current/stop'), { method: 'POST', headers: { Authorization: `Bearer ${await token()}` } });
    expect(reply.status).toBe(409);
    expect(reply.json()).toEqual({ error: { code: 'NO_RUN', message: 'no run is in progress' } });
  });
});

describe('refusals', () => {
  it('404 for an unknown path, 405 for a wrong method, 413 for a body over 1 KiB, 421 for a foreign Host', async () => {
    const missing = await call(api('/api/runs/other'));
    expect(missing.status).toBe(404);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');

    const wrongMethod = await call(api('/api/runs/current/pause'));
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('POST');
    expect((await call(api('/api/runs/current'), { method: 'DELETE' })).status).toBe(405);

    monitor.begin(config);
    const auth = { Authorization: `Bearer ${await token()}` };
    const big = await call(api('/api/runs/current/pause'), { method: 'POST', headers: auth, body: 'x'.repeat(2000) });
    expect(big.status).toBe(413);
    expect(big.json<{ error: { code: string } }>().error.code).toBe('BODY_TOO_LARGE');
    expect(monitor.control!.paused).toBe(false);
    const small = await call(api('/api/runs/current/pause'), { method: 'POST', headers: auth, body: '{}' });
    expect(small.status).toBe(200);

    const foreign = await call(api('/api/runs/current'), { headers: { Host: 'rebound.example:80' } });
    expect(foreign.status).toBe(421);
  });
});
