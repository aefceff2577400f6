// Pause, resume and stop over HTTP on a real run: a coordinator with its dashboard, three agency
// client processes over WebSockets, the MNIST 2NN. A pause asked during round 1 lets round 1
// finish and holds round 2 until resume; a stop while paused ends the run 'stopped'. Checked on
// the order of events and ledger entries, never on time. Needs dist/ (npx tsc -p tsconfig.json).
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { DEFAULT_LIMITS, maxMessageBytesFor } from '../../coordinator/limits.js';
import { startCoordinator } from '../../coordinator/service.js';
import { builtCli, harness, plainConfig, silent, type Harness } from '../helpers/federation.js';
import { call, EventReader, type SseEvent } from './client.js';

let h: Harness | undefined;
let reader: EventReader | undefined;
afterEach(async () => {
  reader?.stop();
  await h?.cleanup();
  h = undefined;
});

describe.skipIf(!builtCli())('run control over HTTP', () => {
  it('pause holds the next round until resume; stop while paused ends the run stopped', async () => {
    const config = plainConfig({ runId: 'control', rounds: 3 });
    h = await harness('http-control', config, 3);
    const coordinator = h.coordinator = await startCoordinator({
      dataDir: h.federation.coordinatorDir, identity: h.federation.coordinatorIdentity, admission: h.federation.enrolment, roster: h.federation.roster,
      host: '127.0.0.1', port: 0, limits: { ...DEFAULT_LIMITS, maxMessageBytes: maxMessageBytesFor(h.model.parameters) }, log: silent,
      http: { host: '127.0.0.1', port: 0 },
    });
    const dashboard = coordinator.dashboard!;
    for (const a of h.federation.agencies) h.spawn(a.name);
    await h.waitForSessions(3);
    const api = (path: string) => new URL(path, dashboard.url).href;
    const auth = { Authorization: `Bearer ${(await readFile(dashboard.tokenPath, 'utf8')).trim()}` };
    const control = (act: string, headers: Record<string, string> = auth) => call(api(`/api/runs/current/${act}`), { method: 'POST', headers });
    reader = await EventReader.open(api('/api/events'));
    const is = (event: string, check: (data: any) => boolean = () => true) => (e: SseEvent) => e.event === event && check(e.data);

    const running = coordinator.run(config, h.model);
    await reader.waitFor(is('round-start', (d) => d.round === 1), 'round 1 start');
    expect((await control('pause', {})).status).toBe(401);
    expect((await control('pause', { Authorization: 'Bearer 00' })).status).toBe(401);
    expect((await control('pause')).status).toBe(200);

    // Round 1 finishes; the loop then waits at the gate.
    await reader.waitFor(is('status', (d) => d.status === 'paused'), 'paused after round 1');
    const paused = (await call(api('/api/runs/current'))).json<{ status: string; round: number; history: Array<{ round: number; status: string }>; agencies: string[] }>();
    expect(paused).toMatchObject({ runId: 'control', status: 'paused', round: 1, rounds: 3, agencies: ['agency-1', 'agency-2', 'agency-3'] });
    expect(paused.history.map((r) => r.round)).toEqual([1]);
    expect(reader.indexOf(is('round-start', (d) => d.round === 2))).toBe(-1);

    expect((await control('resume')).status).toBe(200);
    await reader.waitFor(is('round-start', (d) => d.round === 2), 'round 2 start');
    expect((await control('pause')).status).toBe(200);
    await reader.waitFor(is('status', (d) => d.status === 'paused' && d.round === 2), 'paused after round 2');
    expect((await control('stop')).status).toBe(200);

    const result = await running;
    expect(result.state.status).toBe('stopped');
    expect(result.state.lastRound).toBe(2);
    const after = (await call(api('/api/runs/current'))).json<{ status: string; history: Array<{ round: number }> }>();
    expect(after.status).toBe('stopped');
    expect(after.history.map((r) => r.round)).toEqual([1, 2]);

    // The stream, in order: round 1 ends, the run pauses, resumes, round 2 starts and ends, pauses, stops.
    await reader.waitFor(is('status', (d) => d.status === 'stopped'), 'stopped');
    const order = reader.events
      .filter((e) => e.event === 'round-start' || e.event === 'round-end' || (e.event === 'status' && e.data.status !== 'pausing'))
      .map((e) => (e.event === 'status' ? e.data.status : `${e.event}:${e.data.round}`));
    expect(order).toEqual(['round-start:1', 'round-end:1', 'paused', 'running', 'round-start:2', 'round-end:2', 'paused', 'stopping', 'stopped']);

    // The ledger: round 2 opened only after the resume note; nothing opened after the second pause.
    const ledger = (await h.ledger()).map((e) => (e.type === 'note' ? `note:${String(e.body.text)}` : `${e.type}:${String(e.body.round ?? '')}`));
    const at = (line: string) => {
      const i = ledger.indexOf(line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('round_closed:1')).toBeLessThan(at('note:run control paused after round 1'));
    expect(at('note:run control paused after round 1')).toBeLessThan(at('note:run control resumed after round 1'));
    expect(at('note:run control resumed after round 1')).toBeLessThan(at('round_opened:2'));
    expect(at('round_closed:2')).toBeLessThan(at('note:run control paused after round 2'));
    expect(ledger).not.toContain('note:run control resumed after round 2');
    expect(ledger).not.toContain('round_opened:3');
  });
});
